# KeyError reprs its argument; tuple keys; dict subclasses with __missing__.
import sys

def show(fn):
    try:
        fn()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)

show(lambda: {}[(1, 2)])
show(lambda: {}[None])
show(lambda: {}["a\nb"])
show(lambda: {}.pop(3.5))
show(lambda: set().remove(frozenset()))

class D(dict):
    def __missing__(self, key):
        raise KeyError("missing " + key)

d = D()
d["zzz"]
