# 3.11 position markers: binary-operator and subscript anchors, whole-line
# elision, chained exceptions, notes and exception groups via sys.excepthook.
import sys

def show(fn):
    try:
        fn()
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)

def add(a, b):
    return a   +   b
def paren(d):
    return (d) + 1
def sub(x):
    return x[ 1 ]
def nested(z):
    return z['a']['b']
def attr(y):
    return y.foo
def whole():
    1 / 0

show(lambda: add(1, 'a'))
show(lambda: paren(None))
show(lambda: sub([1]))
show(lambda: nested({'a': {}}))
show(lambda: attr(None))
show(whole)

def chained():
    try:
        1 // 0
    except ZeroDivisionError as e:
        raise ValueError("bad") from e
show(chained)

def context():
    try:
        {}['k']
    except KeyError:
        raise TypeError("during")
show(context)

def noted():
    e = RuntimeError("with notes")
    e.add_note("first")
    e.add_note("second\nline")
    raise e
show(noted)

def group():
    raise ExceptionGroup("eg", [ValueError(1), ExceptionGroup("inner", [TypeError(2)])])
show(group)

class Custom(Exception):
    pass
def raise_custom():
    raise Custom("custom")
show(raise_custom)

def rec(n):
    return rec(n + 1)
show(lambda: rec(0))

class Bad(Exception):
    def __str__(self):
        raise ValueError
def raise_bad():
    raise Bad()
show(raise_bad)
value = 1
show(lambda: valeu)
