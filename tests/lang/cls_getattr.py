class A:
    def __getattr__(self, n):
        if n.startswith('x'):
            return 'got ' + n
        raise AttributeError(n)
a = A()
a.real = 1
print(a.real, a.xyz)
try:
    a.nope
except AttributeError as e:
    print(repr(e))
print(getattr(a, 'q', 'dflt'))
class B:
    def __getattribute__(self, n):
        if n == 'secret':
            raise AttributeError('hidden')
        return 'ga:' + n
    def __getattr__(self, n):
        return 'fallback:' + n
b = B()
print(b.foo, b.secret)
class C:
    def __setattr__(self, n, v):
        print('set', n, v)
        object.__setattr__(self, n, v * 2)
    def __delattr__(self, n):
        print('del', n)
        object.__delattr__(self, n)
c = C()
c.k = 3
print(c.k)
del c.k
try:
    del c.k
except AttributeError as e:
    print(e)
setattr(c, 'm', 1)
delattr(c, 'm')
class D:
    pass
d = D()
try:
    d.missing
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    setattr(d, 1, 2)
except TypeError as e:
    print(e)
try:
    getattr(d, 1)
except TypeError as e:
    print(e)
try:
    (1).foo = 2
except AttributeError as e:
    print(e)
try:
    int.foo = 2
except TypeError as e:
    print(e)
try:
    del D.nothing
except AttributeError as e:
    print(e)
try:
    D.nothing
except AttributeError as e:
    print(e)
print(object.__getattribute__(a, 'real'))
