class C:
    count = 0
    @classmethod
    def make(cls, *a): return cls.__name__, a
    @staticmethod
    def add(a, b): return a + b
class D(C): pass
print(C.make(1), D.make(2), D().make(3))
print(C.add(1, 2), C().add(3, 4))
cm = C.__dict__['make']
sm = C.__dict__['add']
print(type(cm).__name__, type(sm).__name__)
print(cm.__func__.__name__, sm.__func__.__name__)
print(sm(5, 6))
print(cm.__get__(None, D)())
print(C.__dict__['make'].__isabstractmethod__ if hasattr(cm, '__isabstractmethod__') else 'no')
bm = C.make
print(bm.__self__ is C, bm.__func__ is cm.__func__)
try:
    classmethod(1)()
except TypeError as e:
    print(e)
print(staticmethod(len)('abc'))
print(C.add.__name__, C.make.__name__)
print(sm.__wrapped__ is sm.__func__)
