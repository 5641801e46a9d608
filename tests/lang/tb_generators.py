# Exceptions raised inside generators, yield from chains and send().
import sys

def inner():
    x = yield 1
    raise ValueError("inner got %r" % (x,))

def middle():
    result = yield from inner()
    return result

def outer():
    yield from middle()

g = outer()
print(next(g))
try:
    g.send("hello")
except ValueError as e:
    sys.excepthook(type(e), e, e.__traceback__)

def counter():
    n = 0
    while True:
        n += 1
        if n == 3:
            raise RuntimeError("stop at %d" % n)
        yield n

print(list(counter()))
