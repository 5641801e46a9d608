# The gc module's interface: counts, thresholds, enable/disable, tracking
# rules, callbacks, DEBUG_SAVEALL, freeze, stats and argument errors.
import gc

class A:
    pass

print(gc.isenabled(), gc.get_threshold())
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)

# get_count: collect() resets the young counts and bumps the next one.
# (Automatic collection is off here so the figures do not depend on when it
# would run.)
gc.disable()
gc.collect()
print("after collect", gc.get_count())
keep = [A() for i in range(5)]
c = gc.get_count()
print("grew", c[0] >= 5, c[1:])
gc.collect(0)
print("after collect(0)", gc.get_count())
gc.collect(1)
print("after collect(1)", gc.get_count())
gc.collect(1)
print("again", gc.get_count())
gc.collect()
print("after full", gc.get_count())
gc.enable()

# disable() stops automatic collection; enable() restores it.
gc.disable()
gc.collect()
for i in range(3000):
    a = A(); a.me = a
print("disabled count grows", gc.get_count()[0] >= 3000, gc.isenabled())
print("collected by hand", gc.collect())
gc.enable()
gc.collect()
for i in range(3000):
    a = A(); a.me = a
del a
print("enabled count bounded", gc.get_count()[0] < 1000)
gc.collect()

# thresholds
old = gc.get_threshold()
gc.set_threshold(5)
print(gc.get_threshold())
gc.set_threshold(100, 20, 30)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)

# tracking: atoms-only tuples and dicts are not tracked (after a collection
# for tuples, from the start for dicts), containers are.
x = 5
t = (x, "s", 2.5)
print("tuple", gc.is_tracked(t), gc.is_tracked(([],)))
gc.collect()
print("tuple after collect", gc.is_tracked(t))
d = {}
print("dicts", gc.is_tracked(d), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
d["k"] = [1]
print("dict becomes tracked", gc.is_tracked(d))
print("others", gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked(A()), gc.is_tracked(A), gc.is_tracked(int))

# callbacks get (phase, info) (only the explicit collections: automatic
# ones are off, e.g. under -X gcstress)
gc.disable()
log = []
def cb(phase, info):
    log.append((phase, sorted(info), info["generation"]))
gc.callbacks.append(cb)
l = []; l.append(l); del l
gc.collect(1)
gc.callbacks.remove(cb)
print(log)
infos = []
gc.callbacks.append(lambda p, i: infos.append((p, i["collected"], i["uncollectable"])))
l = []; l.append(l); del l
gc.collect()
gc.callbacks.clear()
print(infos)
gc.enable()

# DEBUG_SAVEALL: garbage is kept in gc.garbage instead of being freed
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
class S:
    pass
a = S(); b = S(); a.peer = b; b.peer = a
del a, b
print("saved", gc.collect(), len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
del S
print(gc.collect())

# freeze moves everything to the permanent generation
gc.collect()
gc.freeze()
print("frozen", gc.get_freeze_count() > 0, gc.get_count())
l = []; l.append(l); del l
print(gc.collect())
gc.unfreeze()
print("unfrozen", gc.get_freeze_count())

# stats
st = gc.get_stats()
print(len(st), [sorted(s) for s in st])
print(all(s["collections"] >= 0 for s in st))

# referents / referrers
x = [1, "two"]
y = [x]
print(gc.get_referents(y) == [x], y in gc.get_referrers(x))
print(gc.get_referents(1, "s"))

# get_objects
gc.disable()
o = A()
print(any(z is o for z in gc.get_objects()), any(z is o for z in gc.get_objects(generation=0)))
gc.enable()

# errors
for args in [(3,), (-1,), ("x",)]:
    try:
        gc.collect(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for g in [-2, 3]:
    try:
        gc.get_objects(g)
    except ValueError as e:
        print(type(e).__name__, e)
