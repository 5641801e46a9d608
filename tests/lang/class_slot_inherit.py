# Special methods of classes: what a new class inherits from its bases,
# and how later changes to a base reach classes created before and after.

class A:
    def __add__(self, o): return "A.add"
    def __len__(self): return 3

class B(A):
    pass

print(B() + 1, len(B()))

# a class created after its base changed sees the change
class C(A):
    pass

A.__neg__ = lambda self: "A.neg"
class D(A):
    pass

print(-C(), -D(), -B())
del A.__neg__
class E(A):
    pass

for k in (B, C, D, E):
    try:
        -k()
    except TypeError as e:
        print(k.__name__, e)

A.__add__ = lambda self, o: "A.add2"
class F(A):
    pass
print(B() + 1, F() + 1)

# own methods win over the base's; reflected operands
class G(A):
    def __radd__(self, o): return "G.radd"
    def __add__(self, o): return "G.add"
print(G() + 1, 1 + G(), A() + G())

# __eq__ without __hash__ makes a class unhashable; its subclasses too
class H:
    def __eq__(self, o): return True
class I(H):
    pass
class J(H):
    def __hash__(self): return 7
for k in (H, I, J):
    try:
        print(k.__name__, hash(k()))
    except TypeError as e:
        print(k.__name__, e)
print(I() == 5, J() != 5)

# multiple inheritance takes the MRO's first definition
class M1:
    def __len__(self): return 11
    def __getitem__(self, i):
        if i > 2: raise IndexError(i)
        return i * 10
class M2:
    def __len__(self): return 22
    def __iter__(self): return iter("xy")
class N(M1, M2):
    pass
class O(M2, M1):
    pass
print(len(N()), list(N()), len(O()), list(O()), O()[1])

# builtin bases
class L(list):
    pass
class L2(list):
    def __len__(self): return 99
class Dct(dict):
    def __missing__(self, k): return k * 2
print(len(L([1, 2])), len(L2([1])), L([1]) + [2], Dct()[4], bool(L()), bool(L2()))

class Num(int):
    def __sub__(self, o): return "Num.sub"
class Num2(Num):
    pass
print(Num2(5) + 1, Num2(5) - 1, -Num2(5), Num2(5) * 2)
Num.__mul__ = lambda self, o: "Num.mul"
print(Num2(5) * 2)
class Num3(Num):
    pass
print(Num3(1) * 3)

# attribute hooks
class GA:
    def __getattr__(self, name): return "missing " + name
class GB(GA):
    pass
class GC(GB):
    def __getattribute__(self, name):
        if name == "special": return "GC.special"
        return object.__getattribute__(self, name)
print(GB().foo, GC().special, GC().other)
GA.__getattr__ = lambda self, name: "changed " + name
print(GB().foo)

# type() with a dict of special methods, and __bool__/__len__ fallbacks
T = type("T", (), {"__bool__": lambda self: False, "__repr__": lambda self: "<T>"})
class U(T):
    pass
print(bool(U()), repr(U()), str(U()))

class V:
    def __len__(self): return 0
class W(V):
    pass
print(bool(W()))

# a metaclass whose mro() differs from the usual one
class Meta(type):
    def mro(cls):
        return [cls, Mixin, object] if cls.__name__ == "X" else type.mro(cls)
class Mixin:
    def __str__(self): return "Mixin.str"
class Base(metaclass=Meta):
    def __str__(self): return "Base.str"
class X(Base):
    pass
print(str(X()), [k.__name__ for k in X.__mro__])

# comparison, call, iteration and container protocols inherited
class P:
    def __lt__(self, o): return "P.lt"
    def __call__(self, *a): return ("P.call",) + a
    def __iter__(self): return iter([1, 2])
    def __contains__(self, x): return x == 5
    def __getitem__(self, k): return ("P.get", k)
class Q(P):
    pass
q = Q()
print(q < 1, q(1, 2), list(q), 5 in q, 4 in q, q["k"])
P.__contains__ = lambda self, x: True
print(4 in q)
del P.__iter__
try:
    iter(q)
    print("iter ok")
except TypeError as e:
    print(e)
print(q > 0 if hasattr(P, "__gt__") and P.__gt__ is not object.__gt__ else "no gt")
