def f(*a, **k): pass
try: f(*1)
except TypeError as e: print(e)
try: f(**1)
except TypeError as e: print(e)
try: f(x=1, **{'x':2})
except TypeError as e: print(e)
try: print(*1)
except TypeError as e: print(e)
try: (lambda: 0)(*1)
except TypeError as e: print(e)
try: f(**{1:2})
except TypeError as e: print(e)
def g(a, /, b): pass
try: g(a=1, b=2)
except TypeError as e: print(e)
def h(a, b=1, *, k): pass
try: h(1, 2, 3, k=3)
except TypeError as e: print(e)
try: h()
except TypeError as e: print(e)
print(f.__doc__, (lambda: "x").__doc__)
def d():
    "doc"
print(d.__doc__)
def u(): a, b = 1
def t(fn):
    try: fn()
    except Exception as e: print(type(e).__name__, e)
t(lambda: [*1])
t(lambda: {**1})
t(u)
def u(): a, b = [1]
t(u)
def u(): a, b = [1,2,3]
t(u)
def u(): a, *b, c = [1]
t(u)
def u(): a, *b, c = range(5); print(a, b, c)
t(u)
def u():
    with 1: pass
t(u)
def u():
    try: 1/0
    except 1: pass
t(u)
def u(): raise ValueError from 1
t(u)
def u(): del x
t(u)
def u(): from os import nope
