# Cycle collection: cycles with __del__ are finalized once and freed; tracking.
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)
gc.collect()
a = Node("a"); b = Node("b")
a.other = b; b.other = a
del a, b
print("collected", gc.collect() >= 2)
l = []
l.append(l)
del l
print(gc.collect())
print(gc.get_threshold(), gc.isenabled())
d = {}
d["self"] = d
print(gc.is_tracked(d), gc.is_tracked(1), gc.is_tracked([]))
