def t(f):
    try: print(f())
    except BaseException as e: print(type(e).__name__ + ":", e)
class A: pass
t(lambda: A() == A())
t(lambda: A() < A())
class E:
    def __eq__(s, o): return True
t(lambda: hash(E()))
t(lambda: E.__hash__)
class E2(E):
    __hash__ = object.__hash__
t(lambda: hash(E2()) != 0)
class R:
    def __repr__(self): return repr(self)
t(lambda: repr(R()))
class Sl:
    __slots__ = ()
t(lambda: setattr(Sl(), 'x', 1))
t(lambda: int.__dict__['__add__'])
t(lambda: type('A', (), {}, foo=1))
class M1(type): pass
class M2(type): pass
class X1(metaclass=M1): pass
class X2(metaclass=M2): pass
t(lambda: type('Y', (X1, X2), {}))
class O1: pass
class O2(O1): pass
t(lambda: type('Z', (O1, O2), {}))
t(lambda: type('Z', (O2, O1), {}).__mro__)
class MultiA:
    def f(self): return 'A'
class MultiB(MultiA):
    def f(self): return 'B' + super().f()
class MultiC(MultiA):
    def f(self): return 'C' + super().f()
class MultiD(MultiB, MultiC):
    def f(self): return 'D' + super().f()
t(lambda: MultiD().f())
t(lambda: [c.__name__ for c in MultiD.__mro__])
t(lambda: super(int, 's'))
t(lambda: super(1, 's'))
def nosuper(): return super()
t(nosuper)
t(lambda: type.__subclasses__(MultiA))
t(lambda: MultiA.__subclasses__())
class WithStr:
    def __str__(self): return "S"
t(lambda: (str(WithStr()), repr(WithStr())[:10], f"{WithStr()}", format(WithStr())))
class Fmt:
    def __format__(self, spec): return "F" + spec
t(lambda: f"{Fmt():abc}")
class Callme:
    @staticmethod
    def __call__(): return 1
t(lambda: Callme()())
class NotCallable: pass
t(lambda: NotCallable()())
class BadIter:
    def __iter__(self): return 1
t(lambda: iter(BadIter()))
class NoIter:
    __iter__ = None
t(lambda: iter(NoIter()))
class Gi:
    def __getitem__(self, k): return k
t(lambda: Gi()[1:2])
t(lambda: Gi()['a'])
class Si:
    def __setitem__(self, k, v): print('set', k, v)
    def __delitem__(self, k): print('del', k)
s = Si(); s[1] = 2; del s[3]
t(lambda: Gi().__setitem__)
class Fl:
    def __float__(self): return 1.5
    def __int__(self): return 7
t(lambda: (float(Fl()), int(Fl())))
class BadF:
    def __float__(self): return 1
t(lambda: float(BadF()))
class Cmp:
    def __init__(s, v): s.v = v
    def __lt__(s, o): return s.v < o.v
    def __gt__(s, o): return s.v > o.v
t(lambda: (Cmp(1) < Cmp(2), Cmp(1) > Cmp(2), max(Cmp(1), Cmp(3)).v))
t(lambda: Cmp(1) <= Cmp(2))
class Ctx:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit", a[0]); return True
with Ctx() as c: raise ValueError
print("after")
class ClassAttr:
    x = 1
ca = ClassAttr(); ca.x = 2
t(lambda: (ca.x, ClassAttr.x))
del ca.x
t(lambda: ca.x)
t(lambda: ClassAttr.__dict__['x'])
t(lambda: object().x)
t(lambda: setattr(object(), 'x', 1))
t(lambda: NotImplemented.x)
