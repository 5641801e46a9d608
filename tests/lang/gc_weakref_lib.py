# CPython's weakref.py over pith's _weakref: WeakValueDictionary,
# WeakKeyDictionary, WeakSet, WeakMethod and finalize (including the
# atexit behaviour of finalizers still alive at exit).
import gc
import weakref

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "Obj(%s)" % self.name
    def method(self):
        return "method of " + self.name

# ---- WeakValueDictionary
a, b, c = Obj("a"), Obj("b"), Obj("c")
wvd = weakref.WeakValueDictionary()
wvd[1] = a
wvd[2] = b
wvd["c"] = c
print(len(wvd), sorted(map(str, wvd.keys())), wvd[1], wvd.get(2), 1 in wvd)
del b
print(len(wvd), 2 in wvd, wvd.get(2, "gone"))
try:
    wvd[2]
except KeyError as e:
    print("KeyError", e)
print(sorted((str(k), v.name) for k, v in wvd.items()))
print(wvd.setdefault(5, a), wvd.pop("c").name)
del c
print(sorted(map(str, wvd)))
refs = wvd.valuerefs()
print(len(refs), all(isinstance(r, weakref.ref) for r in refs))
x = Obj("x")
x.me = x  # only the collector frees it
wvd["x"] = x
del x
print("x" in wvd)
gc.collect()
print("x" in wvd, len(wvd))
wvd2 = weakref.WeakValueDictionary({"k": a})
wvd2.update(j=a)
print(sorted(wvd2), repr(wvd2)[:21])
cp = wvd2.copy()
print(type(cp).__name__, sorted(cp))
with_list = list(wvd2.values())
print(with_list)

# ---- WeakKeyDictionary
k1, k2 = Obj("k1"), Obj("k2")
wkd = weakref.WeakKeyDictionary()
wkd[k1] = 1
wkd[k2] = 2
print(len(wkd), wkd[k1], k2 in wkd, sorted(wkd.values()))
del k2
print(len(wkd), sorted(k.name for k in wkd))
print(wkd.pop(k1), len(wkd))
k3 = Obj("k3")
wkd[k3] = [3]
k3.self = k3
del k3
gc.collect()
print(len(wkd), list(wkd.items()))
try:
    wkd[1] = 2
except TypeError as e:
    print("TypeError", e)

# ---- WeakSet
s1, s2, s3 = Obj("s1"), Obj("s2"), Obj("s3")
ws = weakref.WeakSet([s1, s2])
ws.add(s3)
print(len(ws), s1 in ws, sorted(o.name for o in ws))
del s2
print(len(ws), sorted(o.name for o in ws))
ws.discard(s3)
print(len(ws), s3 in ws)
ws2 = weakref.WeakSet([s1, s3])
print(sorted(o.name for o in ws | ws2), sorted(o.name for o in ws & ws2))
print(ws <= ws2, ws2 >= ws, ws == weakref.WeakSet([s1]))
del s1
gc.collect()
print(len(ws), len(ws2))
try:
    ws.add(1)
except TypeError as e:
    print("TypeError", e)

# Entries dying while the dict is being iterated are removed afterwards.
objs = [Obj(str(i)) for i in range(6)]
wvd3 = weakref.WeakValueDictionary((i, o) for i, o in enumerate(objs))
seen = []
for k in wvd3:
    seen.append(k)
    if k == 1:
        del objs[3:]
print(len(seen) >= 2, sorted(wvd3))
wkd2 = weakref.WeakKeyDictionary((o, o.name) for o in objs)
for k, v in wkd2.items():
    if v == "0":
        objs.pop()
print(sorted(wkd2.values()), len(wkd2))

# ---- WeakMethod
o = Obj("o")
wm = weakref.WeakMethod(o.method)
print(wm()(), wm() == o.method)
del o
print(wm())

# ---- finalize
def on_final(*args, **kw):
    print("finalized with", args, kw)
    return "result"

t = Obj("t")
fin = weakref.finalize(t, on_final, 1, 2, key="v")
print(fin.alive, fin.atexit)
print(fin.peek()[1] is on_final, fin.peek()[2:])
del t
print(fin.alive, fin(), fin.detach(), fin.peek())

t = Obj("t2")
fin = weakref.finalize(t, on_final, "direct")
print(fin(), fin.alive, fin())
t2 = Obj("t3")
fin2 = weakref.finalize(t2, on_final, "detached")
obj, func, args, kwargs = fin2.detach()
print(obj is t2, func is on_final, args, kwargs, fin2.alive)
del t2, obj

cyc = Obj("cyc")
cyc.me = cyc
fin3 = weakref.finalize(cyc, on_final, "cycle")
del cyc
print("before collect")
gc.collect()
print("after collect", fin3.alive)

# Finalizers alive at exit run then (atexit=True), newest first; one with
# atexit=False does not.
keep1, keep2, keep3 = Obj("k1"), Obj("k2"), Obj("k3")
weakref.finalize(keep1, on_final, "at exit 1")
weakref.finalize(keep2, on_final, "at exit 2")
weakref.finalize(keep3, on_final, "never").atexit = False
print("end of program")
