# __del__ runs once per object, resurrected objects survive and are not
# finalized again, weak references to garbage are cleared before the
# finalizers run and their callbacks fire; gc.is_finalized.
import gc
import _weakref

gc.collect()
gc.disable()
events = []

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        events.append("del " + self.name)

# a cycle of finalizable objects: each __del__ runs exactly once
a = D("a"); b = D("b"); a.peer = b; b.peer = a
del a, b
print(gc.collect(), sorted(events))
events.clear()

# refcounting runs __del__ immediately, in order
x = D("x"); del x
y = D("y"); z = D("z"); del z, y
print(events)
events.clear()

# resurrection: the object survives the collection, __del__ is not run again
saved = []
class R:
    def __del__(self):
        events.append("R.__del__")
        saved.append(self)
r = R(); r.me = r
del r
print("resurrect collect", gc.collect(), events, len(saved), gc.is_finalized(saved[0]))
events.clear()
saved[0].me = None
saved.clear()
print("after release", gc.collect(), events)

# weakref callbacks fire when the referent is collected; the reference is
# already dead inside the callback and inside __del__
class W:
    def __del__(self):
        events.append("W.__del__ sees dead ref: %s" % (wr() is None))
w = W(); w.me = w
def callback(ref):
    events.append("callback, ref dead: %s" % (ref() is None))
wr = _weakref.ref(w, callback)
del w
print(gc.collect())
for e in events:
    print(" ", e)
events.clear()

# callbacks of several references run newest first
class T:
    pass
t = T(); t.me = t
refs = [_weakref.ref(t, lambda r, i=i: events.append(i)) for i in range(3)]
del t
gc.collect()
print("callback order", events)
events.clear()

# a weakref that is itself garbage does not get its callback called
t = T(); t.me = t
t.ref = _weakref.ref(t, lambda r: events.append("should not run"))
del t
gc.collect()
print("garbage weakref callback", events)

# is_finalized
class F:
    def __del__(self):
        pass
f = F()
print(gc.is_finalized(f), gc.is_finalized(1))

gc.enable()
