# One million long-lived objects stay alive while short-lived garbage
# (cycles and plain containers) churns. Young collections must not scan the
# old generation: the per-generation collection counts and the time spent
# in each (measured with gc.callbacks) show it. Argument: churn rounds.
import gc
import sys
import time

class Item:
    __slots__ = ("value", "link")

times = [0.0, 0.0, 0.0]
started = [0.0]

def on_gc(phase, info):
    if phase == "start":
        started[0] = time.perf_counter()
    else:
        times[info["generation"]] += time.perf_counter() - started[0]

heap = []
for i in range(1_000_000):
    it = Item()
    it.value = i
    it.link = heap[-1] if heap else None
    heap.append(it)
gc.collect()

gc.callbacks.append(on_gc)
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000_000
for i in range(rounds):
    a = [i]
    a.append(a)
    b = {"k": a}
gc.callbacks.remove(on_gc)

st = gc.get_stats()
for g in range(3):
    print("generation %d: %d collections, %.3fs" % (g, st[g]["collections"], times[g]))
print("long-lived objects:", len(heap))
