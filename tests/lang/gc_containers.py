# Cycles through every kind of container are found by gc.collect(), which
# returns how many unreachable objects it freed.
import gc

gc.collect()
gc.disable()

def show(label):
    print(label, gc.collect())

class A:
    pass

a = A(); b = A(); a.other = b; b.other = a
del a, b
show("two instances")

a = A(); a.__dict__; a.me = a
del a
show("instance with materialised __dict__")

l = []; l.append(l); del l
show("list")

d = {}; d["d"] = d; del d
show("dict")

t = ([],); t[0].append(t); del t
show("tuple+list")

s = A(); s.s = {1, 2, frozenset([3])}; s.l = [s]; del s
show("instance+list")

def f(): pass
f.f = f; del f
show("function dict")

def outer():
    x = None
    def inner():
        return x
    x = inner
    return inner
g = outer(); del g
show("closure cell")

class C:
    def m(self): pass
c = C(); c.bound = c.m; del c
show("bound method")

class Self:
    pass
Self.me = Self
del Self
show("class")

class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    pass
WithMeta.again = WithMeta
del WithMeta, Meta
show("metaclass")

def gen():
    me = yield
    yield me
it = gen(); next(it); it.send(it)
del it
show("generator")

try:
    raise ValueError("x")
except ValueError as e:
    err = e
err.keep = err
del err
show("exception")

def gen2(box):
    yield box
box = []
it = gen2(box); box.append(it); next(it)
del it, box
show("suspended generator")

l = [1, 2, 3]; it = iter(l); l.append(it); del l, it
show("iterator")

d = {}; v = d.values(); d["v"] = v; del d, v
show("dict view")

print(gc.collect())
gc.enable()
