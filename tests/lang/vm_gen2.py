def g():
    try:
        yield 1
    finally:
        print("cleanup")
x = g(); next(x); del x; print("after")
def g2():
    try:
        yield 1
    except GeneratorExit:
        print("exit")
        raise
x = g2(); next(x); x.close(); print(x.gi_frame)
def g3():
    try:
        yield 1
    except GeneratorExit:
        yield 2
x = g3(); next(x)
try: x.close()
except RuntimeError as e: print(e)
def sub():
    x = yield 1
    print("sub got", x)
    return 10
def top():
    v = yield from sub()
    print("v", v)
    yield v
t = top()
print(next(t), t.send("hi"))
def sub2():
    try:
        yield 1
    except KeyError:
        print("sub2 caught")
        yield 5
def top2():
    yield from sub2()
t = top2(); next(t); print(t.throw(KeyError))
import sys
def ei():
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
e = ei()
print(repr(next(e)), sys.exc_info()[1])
print(repr(next(e)))
def genexp_scope():
    n = 3
    return list(i * n for i in range(n))
print(genexp_scope())
g = (i for i in range(2))
print(next(g), next(g), next(g, "end"))
def lazy():
    print("started")
    yield
l = lazy(); print("created"); next(l)
try: l.send(1)
except StopIteration: print("stopped")
x = g3()
try: x.send(5)
except TypeError as e: print(e)
def runner():
    yield next(me)
me = runner()
try: next(me)
except ValueError as e: print(e)
