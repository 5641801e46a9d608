class A:
    def __repr__(self): return repr(self)
try:
    repr(A())
except RecursionError as e:
    print("rec", e)
def f(n):
    return sorted([1, 2], key=lambda x: f(n + 1))
try:
    f(0)
except RecursionError as e:
    print("rec2", e)
import sys
sys.setrecursionlimit(50)
def g(n): return g(n + 1)
try: g(0)
except RecursionError as e: print("rec3")
sys.setrecursionlimit(1000)
def cnt(n):
    try:
        return cnt(n + 1)
    except RecursionError:
        return n
print(cnt(0) > 900)
