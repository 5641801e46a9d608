# The C side of weak references: __weakref__, __callback__, equality and
# hashing, reuse of basic references, proxies and their operators, which
# objects can be weakly referenced, counts and list order.
import _weakref as weakref
import gc

class A:
    pass

a = A()
print(a.__weakref__)
r = weakref.ref(a)
print(a.__weakref__ is r, r.__callback__, r() is a)
print(weakref.ref(a) is r, weakref.proxy(a) is weakref.proxy(a))
def cb(ref):
    print("callback", ref is r2, ref() is None)
r2 = weakref.ref(a, cb)
print(r2.__callback__ is cb, r2 is not r, r == r2, hash(r) == hash(a))
print(weakref.getweakrefcount(a), weakref.getweakrefs(a)[0] is r)
b = A()
print(weakref.ref(b) == weakref.ref(b), weakref.ref(a) == weakref.ref(b), weakref.ref(a) != weakref.ref(b))
del a
print(r(), r2.__callback__, weakref.getweakrefcount(r))
try:
    hash(weakref.ref(A()))
except TypeError as e:
    print("TypeError", e)
print(r == r, r != r2)

class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
k1, k2 = K(1), K(1)
print(weakref.ref(k1) == weakref.ref(k2), hash(weakref.ref(k1)) == hash(1))

def gen():
    yield 1
class Sub(A):
    pass
for o in [A, len, set(), frozenset(), lambda: 0, gen(), Sub(), gen]:
    w = weakref.ref(o)
    print(type(o).__name__, w() is o)
for o in [1, "s", (), [], {}, None, b"x", 2.5]:
    try:
        weakref.ref(o)
    except TypeError as e:
        print(e)

class Slotted:
    __slots__ = ("x",)
try:
    weakref.ref(Slotted())
except TypeError as e:
    print(e)
class SlottedW:
    __slots__ = ("x", "__weakref__")
s = SlottedW()
print(weakref.ref(s)() is s)

# proxies
class L(list):
    pass
ll = L([1, 2, 3])
p = weakref.proxy(ll)
print(len(p), p[0], p + [4], 2 in p, list(p), p == [1, 2, 3], bool(p))
p[0] = 10
p.append(5)
del p[1]
print(ll, repr(p.count(10)))
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return "add %r" % (o,)
    def __radd__(self, o): return "radd %r" % (o,)
    def __neg__(self): return "neg"
    def __mul__(self, o): return "mul"
    def __index__(self): return 3
    def __call__(self, *a): return ("called", a)
    def __iter__(self): return iter([7, 8])
n = N(1)
pn = weakref.proxy(n)
print(pn + 1, 1 + pn, -pn, pn * 2, [0, 1, 2, 3, 4][pn], pn(1, 2), list(pn), pn.v)
print(type(pn).__name__, type(p).__name__)
pn.w = 5
print(n.w)
try:
    hash(pn)
except TypeError as e:
    print("TypeError", e)
del n
try:
    pn.v
except ReferenceError as e:
    print("ReferenceError", e)

# list order and callbacks: basic ref first, then basic proxy, then others
# newest first; callbacks run in that order
class C:
    pass
c = C()
order = []
r1 = weakref.ref(c, lambda r: order.append("r1"))
basic = weakref.ref(c)
r3 = weakref.ref(c, lambda r: order.append("r3"))
px = weakref.proxy(c)
refs = weakref.getweakrefs(c)
print([x is basic for x in refs], [x is px for x in refs], [x is r3 for x in refs], [x is r1 for x in refs])
del c
print(order)

# callback on a cycle collected by gc
gc.disable()
c = C(); c.me = c
got = []
keep = weakref.ref(c, lambda r: got.append(r() is None))
del c
print(gc.collect(), got)
gc.enable()
