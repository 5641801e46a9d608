# Errors inside __repr__/__str__ used while printing: KeyError of an object
# whose repr raises, AttributeError on a class with a broken __dir__ and
# an exception whose __str__ returns a non-string.
import sys

class NoRepr:
    def __repr__(self):
        raise TypeError("repr broke")

class NonStr(Exception):
    def __str__(self):
        return 42

class BadDir:
    def __dir__(self):
        raise RuntimeError("dir broke")
    def __getattr__(self, name):
        raise AttributeError(name)

def show(fn):
    try:
        fn()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)

show(lambda: {}[NoRepr()])
show(lambda: BadDir().value)
raise NonStr()
