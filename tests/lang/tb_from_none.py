# raise ... from None suppresses the context; __suppress_context__ reset.
import sys

def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise AttributeError(k) from None

try:
    lookup({}, "x")
except AttributeError as e:
    print(e.__suppress_context__, e.__cause__, type(e.__context__).__name__)
    e.__suppress_context__ = False
    sys.excepthook(type(e), e, e.__traceback__)

lookup({}, "missing")
