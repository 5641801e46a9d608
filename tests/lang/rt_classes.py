class G:
    def __getattr__(self, n): return "ga:" + n
    def __setattr__(self, n, v): object.__setattr__(self, n, v * 2)
g = G(); g.x = 2; print(g.x, g.y)
class GA:
    def __getattribute__(self, n):
        if n == 'z': return 42
        return object.__getattribute__(self, n)
print(GA().z)
try: GA().q
except AttributeError as e: print(e)
class Base:
    subs = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        Base.subs.append((cls.__name__, tag))
class D1(Base, tag="a"): pass
class D2(D1): pass
print(Base.subs)
class Desc:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, typ=None): return (self.name, obj is None)
    def __set__(self, obj, v): obj.__dict__['_' + self.name] = v
class H:
    d = Desc()
h = H(); print(H.d, h.d); h.d = 5; print(h._d, h.__dict__)
class CG:
    def __class_getitem__(cls, item): return f"CG[{item}]"
print(CG[int])
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['added'] = 1
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a):
        print("meta call", a)
        return super().__call__(*a)
class WithMeta(metaclass=Meta):
    def __init__(self, a): self.a = a
w = WithMeta(3); print(w.a, WithMeta.added, type(WithMeta))
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3: raise StopIteration
        return self.i
print(list(It()), [x for x in It()])
class Idx:
    def __index__(self): return 2
print([1,2,3][Idx()], bin(Idx()) if True else 0)
class Hh:
    def __hash__(self): return 5
    def __eq__(self, o): return True
class Cont:
    def __contains__(self, x): return x == 1
print(1 in Cont(), 2 in Cont(), 2 not in Cont())
class NumL:
    def __init__(s, v): s.v = v
    def __sub__(s, o): return NotImplemented
    def __rsub__(s, o): return ("rsub", o)
    def __neg__(s): return "neg"
    def __iadd__(s, o): s.v += o; return s
    def __pow__(s, o, m=None): return ("pow", o, m)
    def __rpow__(s, o): return ("rpow", o)
n = NumL(1)
print(5 - n, -n, pow(n, 2), pow(n, 2, 3), 2 ** n)
n += 5; print(n.v)
try: n - 1
except TypeError as e: print(e)
class Sub(int):
    def __radd__(s, o): return "sub-radd"
    def __add__(s, o): return "sub-add"
print(1 + Sub(2), Sub(2) + 1)
class Eq:
    def __eq__(s, o): return "eq!"
print(Eq() == 1, 1 == Eq(), Eq() != 1)
class R:
    def __repr__(self): return 5
try: repr(R())
except TypeError as e: print(e)
class Bo:
    def __bool__(self): return 1
try: bool(Bo())
except TypeError as e: print(e)
class Ln:
    def __len__(self): return -1
try: len(Ln())
except ValueError as e: print(e)
class Ini:
    def __init__(self): return 1
try: Ini()
except TypeError as e: print(e)
class NewO:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.x = x
        return o
print(NewO(7).x)
class WithDel:
    def __del__(self): print("del called")
wd = WithDel(); del wd
print("after del")
class Clsm:
    @classmethod
    def f(cls): return cls
print(Clsm.f(), Clsm().f())
print(super(B := type('B', (), {}), B()).__class__ if False else 'ok')
class Q:
    def m(self): return 'Q'
class Q2(Q):
    def m(self): return 'Q2' + super(Q2, self).m()
print(Q2().m(), super(Q2, Q2()).m())
class S2:
    __slots__ = ['x']
    def __init__(self): self.x = 1
print(S2().x, S2.x, hasattr(S2(), '__dict__'))
print(type.__call__(int, 5), type('T', (), {'a': 1}).a)
class Prop:
    @property
    def p(self): return 1
try: Prop().p = 3
except AttributeError as e: print(e)
class Abc:
    __abstractmethods__ = frozenset({'f'})
print(hash(Hh()), len({Hh(): 1}))
