# Decorators: the wrapper frames show up, and decorator application errors.
import sys

def trace(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper

def twice(fn):
    def wrapper(*args):
        fn(*args)
        return fn(*args)
    return wrapper

calls = []

@trace
@twice
def record(x):
    calls.append(x)
    if len(calls) > 1:
        raise LookupError("second call with %r" % x)

try:
    record(7)
except LookupError as e:
    sys.excepthook(type(e), e, e.__traceback__)

def bad_decorator(fn):
    return fn.missing_attribute

@bad_decorator
def victim():
    pass
