class L(list):
    def __init__(self, *a, tag='t'):
        super().__init__(*a)
        self.tag = tag
    def append(self, x):
        super().append(x * 2)
l = L([1, 2], tag='z')
l.append(5)
print(l, repr(l), l.tag, len(l), type(l).__name__, type(l + l).__name__, l[0:2], type(l[0:2]).__name__)
print(l == [1, 2, 10], isinstance(l, list), l.__dict__)
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, str(v))
d = D()
d['a'] = 1
d.update(b=2)
print(d, type(d).__name__)
class I(int):
    def __add__(self, o): return I(int(self) + int(o) + 100)
    def double(self): return self * 2
i = I(5)
print(i, repr(i), i + 1, i.double(), type(i * 2).__name__, i == 5, hash(i) == hash(5))
class I2(int):
    def __new__(cls, v, extra):
        o = super().__new__(cls, v)
        o.extra = extra
        return o
x = I2(7, 'e')
print(x, x.extra, x + 1)
class S(str):
    def shout(self): return self.upper() + '!'
s = S('hi')
print(s, repr(s), s.shout(), type(s + 'x').__name__, type(s.upper()).__name__, s == 'hi')
class T(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
t = T(1, 2)
print(t, t.first, len(t), type(t).__name__)
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code
    def __str__(self): return 'E[%s]' % self.code
try:
    raise E('m', 3)
except E as e:
    print(e, repr(e), e.args, e.code)
class E2(ValueError): pass
print(repr(E2('x')), str(E2('x', 1)), E2.__mro__[1].__name__)
class F(float): pass
print(F(1.5), repr(F(2)), F(1.5) + 1)
class B(bytes): pass
print(B(b'ab'), repr(B(b'c')))
try:
    class NoBool(bool): pass
except TypeError as e:
    print(e)
class ST(set): pass
print(ST([1]), repr(ST()))
class FS(frozenset): pass
print(FS([2]))
