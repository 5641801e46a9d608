def t(fn, *a, **k):
    try: print(fn(*a, **k))
    except TypeError as e: print("TypeError:", e)
def f(x, y): return x, y
def g(a, b=1): return a, b
def h(a, /, b, *, k): return a, b, k
def z(): return 0
def m(a, b, c): pass
t(f)
t(f, 1)
t(m)
t(f, 1, 2, 3)
t(g, 1, 2, 3)
t(z, 1)
t(f, 1, z=2)
t(f, 1, x=2)
t(h, 1, 2)
t(h, a=1, b=2, k=3)
t(h, 1, b=2, k=3)
t(g, 1, 2, 3, b=4)
def kw(*, a, b): pass
t(kw)
t(kw, 1)
def star(*args, **kw): return args, kw
t(star, 1, 2, a=3)
print(star(*range(3), **{'x': 1}))
def dflt(a, b=[], *, c={}): return a, b, c
print(dflt(1), dflt.__defaults__, dflt.__kwdefaults__)
print(f.__name__, f.__qualname__, f.__module__)

def outer():
    def inner(): pass
    return inner
print(outer().__qualname__)
