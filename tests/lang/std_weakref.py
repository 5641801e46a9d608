import weakref, gc
class Obj:
    def __init__(self, n): self.n = n
    def __repr__(self): return 'Obj(%d)' % self.n
a, b = Obj(1), Obj(2)
r = weakref.ref(a); print(r() is a, weakref.getweakrefcount(a))
wvd = weakref.WeakValueDictionary(); wvd['a'] = a; wvd['b'] = b
print(sorted(wvd.keys()), len(wvd), wvd.get('a'))
del b; gc.collect(); print(sorted(wvd.keys()), 'b' in wvd)
wkd = weakref.WeakKeyDictionary(); k1, k2 = Obj(3), Obj(4); wkd[k1] = 'x'; wkd[k2] = 'y'
print(len(wkd), wkd[k1]); del k2; gc.collect(); print(len(wkd), list(wkd.values()))
ws = weakref.WeakSet(); s1, s2 = Obj(5), Obj(6); ws.add(s1); ws.add(s2); print(len(ws), s1 in ws)
del s2; gc.collect(); print(len(ws), list(ws))
def cb(*args): print('finalized', args)
o = Obj(7); f = weakref.finalize(o, cb, 'x', 1); print(f.alive)
del o; gc.collect(); print(f.alive)
o2 = Obj(8); f2 = weakref.finalize(o2, cb, 'called-directly'); print(f2(), f2(), f2.alive)
o3 = Obj(9); f3 = weakref.finalize(o3, cb, 'detached'); d = f3.detach(); print(d[0] is o3, d[2:], f3.alive)
p = weakref.proxy(a); print(p.n, repr(weakref.proxy) != '')
m = weakref.WeakMethod(a.__init__); print(m() == a.__init__)
o4 = Obj(10); f4 = weakref.finalize(o4, print, 'at exit finalizer')
print('end')
