# Exceptions whose __str__ raises, or returns odd values; __repr__ errors.
import sys

class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("no str")

class EmptyStr(Exception):
    def __str__(self):
        return ""

class BadRepr:
    def __repr__(self):
        raise ValueError("no repr")

def show(e):
    sys.excepthook(type(e), e, e.__traceback__)

show(EmptyStr("hidden"))
show(KeyError(""))
show(KeyError("with quotes"))
try:
    {}[BadRepr()]
except KeyError as e:
    show(e)

def f():
    raise BadStr("x")
f()
