def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
f = outer()
print(f(), f())
g = 10
def setg():
    global g
    g = 20
setg()
print(g)
def gen(n):
    for i in range(n):
        yield i * i
    return "done"
print(list(gen(4)))
def deleg():
    r = yield from gen(3)
    print("r =", r)
    yield 99
print(list(deleg()))
def tf():
    try:
        return 1
    finally:
        print("finally runs")
print(tf())
def tf2():
    for i in range(5):
        try:
            if i == 1: continue
            if i == 3: break
            print("body", i)
        finally:
            print("fin", i)
    return "end"
print(tf2())
def tf3():
    try:
        raise ValueError("boom")
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("fin3")
print(tf3())
def tf4():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError:
        print("outer caught")
    else:
        print("no else")
tf4()
def kw(a, /, b, *, c=3, **rest):
    return (a, b, c, rest)
print(kw(1, 2), kw(1, b=5, c=6, z=7))
args = (1, 2)
print(kw(*args, **{'c': 9}))
print((lambda x, y=2: x * y)(4))
def deco(fn):
    def w(*a):
        return fn(*a) + 1
    return w
@deco
def plus(a, b):
    """doc here"""
    return a + b
print(plus(1, 2), plus.__name__, plus.__qualname__)
def hasdoc():
    "the doc"
print(hasdoc.__doc__, kw.__code__.co_varnames, outer.__code__.co_cellvars, f.__code__.co_freevars)
print(outer.__code__.co_qualname, f.__code__.co_qualname, (lambda: 0).__code__.co_qualname)
def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc, lambda: c
i, get = counter()
i(); i()
print(get())
x = 5
def shadow():
    print(x)
shadow()
def walrus():
    data = [1, 2, 3]
    if (n := len(data)) > 2:
        print("long", n)
    ys = [y for v in data if (y := v * 2) > 2]
    print(ys, y)
walrus()
