class A:
    def f(self): return 'A.f'
    @classmethod
    def c(cls): return 'A.c ' + cls.__name__
    @property
    def p(self): return 'A.p'
    def __init__(self): self.log = ['A']
class B(A):
    def f(self): return 'B.f>' + super().f()
    @classmethod
    def c(cls): return 'B.c>' + super().c()
    @property
    def p(self): return 'B.p>' + super().p
    def __init__(self):
        super().__init__()
        self.log.append('B')
class C(B):
    def f(self): return 'C.f>' + super(B, self).f()
    @staticmethod
    def s(): return super(C, C).c()
b = B()
print(b.f(), B.c(), b.p, b.log)
c = C()
print(c.f(), C.c(), C.s())
print(super(B, b).f())
sp = super(B, b)
print(type(sp).__name__, sp.__thisclass__ is B, sp.__self__ is b, sp.__self_class__ is B)
try:
    super(B, 1)
except TypeError as e:
    print(e)
try:
    super(B, b).nope
except AttributeError as e:
    print(e)
def out():
    return super().f()
try:
    out()
except RuntimeError as e:
    print(e)
class D(A):
    def g(self):
        return super().__init__ is not None
print(D().g())
print(super(B, B).f(b))
class E(A):
    def f(self):
        return [super().f() for _ in range(1)]  # comprehension
try:
    print(E().f())
except Exception as e:
    print(type(e).__name__, e)
