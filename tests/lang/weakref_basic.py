# Weak references via the native _weakref module: callbacks, proxies, hashing, clearing by the collector.
import _weakref as weakref, gc
class C:
    def __init__(self, n): self.n = n
    def method(self): return self.n * 2
c = C(5)
r = weakref.ref(c)
print(r() is c, weakref.getweakrefcount(c), r.__callback__, weakref.ref(c) is r)
log = []
r2 = weakref.ref(c, lambda w: log.append(("cb", w() is None)))
print(weakref.getweakrefcount(c), len(weakref.getweakrefs(c)))
h = hash(C)
del c
print(r(), log)
a = C(1); b = C(2); a.b = b; b.a = a
ra = weakref.ref(a, lambda w: log.append("a died"))
del a, b
gc.collect()
print(ra(), log)
p = weakref.proxy(C(3))
try:
    p.n
except ReferenceError as e:
    print("ReferenceError:", e)
c2 = C(7)
p2 = weakref.proxy(c2)
print(p2.n, p2.method(), str(p2) == str(c2))
try:
    weakref.ref(5)
except TypeError as e:
    print(e)
def f(): pass
rf = weakref.ref(f)
print(rf() is f, weakref.ref(f) == rf)
d = {}
d["k"] = weakref.ref(C(0))
weakref._remove_dead_weakref(d, "k")
print(d)
x = C(1)
rx = weakref.ref(x)
print(hash(rx) == hash(x))
del x
print(hash(rx) is not None)
y = C(2); ry = weakref.ref(y); del y
try: hash(ry)
except TypeError as e: print(e)
