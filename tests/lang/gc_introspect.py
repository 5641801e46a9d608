# gc.get_referents / get_referrers / get_objects on instances whose
# attributes CPython keeps inline (no dict until __dict__ is asked for),
# frames kept alive by their own locals, and gc.get_count after a full
# collection (which also empties the free lists).
import gc
import sys

# Only explicit collections (the counts printed must not depend on when an
# automatic one would run, e.g. under -X gcstress).
gc.disable()

class A:
    pass

a = A()
a.x = [1]
a.y = 2
print([type(r).__name__ for r in gc.get_referents(a)])
print(a in gc.get_referrers(a.x))
print(any(type(o) is dict and o.get("y") == 2 for o in gc.get_objects()))
d = a.__dict__
print([type(r).__name__ for r in gc.get_referents(a)])
print(d in gc.get_referrers(a.x), a in gc.get_referrers(a.x))
del d

class S:
    __slots__ = ("p", "q")

s = S()
s.p = []
print([type(r).__name__ for r in gc.get_referents(s)])

class T(S):
    __slots__ = ("r",)

t = T()
t.p, t.q, t.r = [], (), {}
print([type(r).__name__ for r in gc.get_referents(t)])

# A frame referencing itself through a local is one object to collect.
def f():
    x = sys._getframe()
    return x

gc.collect()
fr = f()
del fr
print("frame cycle:", gc.collect())

def g():
    y = [1]
    return sys._getframe()

fr = g()
print(fr.f_locals)
fr.f_locals["me"] = fr
del fr
print("frame cycle after f_locals:", gc.collect())

# Instance cycles count the instance only while its dict is unseen.
b = A()
b.me = b
del b
print("instance cycle:", gc.collect())
b = A()
b.me = b
b.__dict__
del b
print("instance + dict cycle:", gc.collect())

gc.collect()
l = [[] for i in range(10)]
print(gc.get_count())
del l
gc.collect()
print(gc.get_count())
