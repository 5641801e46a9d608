try:
    from sys import getrecursionlimt
except ImportError as e:
    print(type(e).__name__, e, e.name)
from sys import setrecursionlimt
