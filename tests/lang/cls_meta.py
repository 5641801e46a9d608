# type as a metaclass
C = type('C', (), {'x': 1, 'f': lambda self: self.x + 1})
print(C.__name__, C.x, C().f(), type(C).__name__)
D = type('D', (C,), {})
print(D.__mro__ == (D, C, object), D().f())
try:
    type('E', 1, {})
except TypeError as e:
    print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
print(type(5) is int, type('a').__name__)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw)
        return {'injected': 42}
    def __new__(mcls, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print('init', name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print('call', cls.__name__, a, k)
        return super().__call__(*a, **k)

class A(metaclass=Meta, flag=True):
    def m(self):
        return 'm'
    def __init__(self, v=0):
        self.v = v

print(A.injected, type(A).__name__)
a = A(3, )
print(a.v, a.m())
class B(A):
    pass
print(type(B) is Meta)
b = B(v=5)
print(b.v)

class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class S(metaclass=Singleton):
    pass
print(S() is S())

class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print(e)
print(isinstance(A, type), issubclass(Meta, type))
