def g(n):
    for i in range(n):
        x = yield i
        if x: print("got", x)
    return "done"
it = g(3)
print(next(it), it.send("a"), next(it))
try: next(it)
except StopIteration as e: print("stop", e.value)
print(list(x * 2 for x in range(4)))
def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner closed")
def outer():
    r = yield from inner()
    yield 3
o = outer()
print(next(o))
o.close()
print("after close")
def thrower():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 2
t = thrower()
next(t)
print(t.throw(ValueError("v")))
def bad():
    raise StopIteration
    yield
try: list(bad())
except RuntimeError as e: print(e, type(e.__cause__))
def running():
    yield g2.send(None) if False else 1
g2 = running()
print(next(g2))
print(type(g2).__name__, g2.__name__)
def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fibs()
print([next(f) for _ in range(10)])
def ex():
    yield 1
    raise KeyError("z")
try:
    for x in ex(): print(x)
except KeyError as e: print("keyerror", e)
def gg():
    yield
gen = gg()
print(gen.gi_running, gen.gi_frame is not None, gen.gi_code.co_name if hasattr(gen.gi_code, 'co_name') else '')
