import functools
from functools import partial, reduce, wraps, lru_cache, total_ordering, cmp_to_key, cached_property
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1))
try: reduce(lambda a, b: a, [])
except TypeError as e: print(e)
p = partial(int, base=2); print(p('101'), p.func is int, p.args, p.keywords)
def f(a, b, c=0): return (a, b, c)
p2 = partial(partial(f, 1), 2); print(p2(c=3), p2.args, p2.func is f)
print(repr(partial(f, 1, c=2)).startswith('functools.partial(<function f at '))
def deco(fn):
    @wraps(fn)
    def inner(*a): return fn(*a)
    return inner
@deco
def documented(x):
    "doc here"
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
calls = []
@lru_cache(maxsize=2)
def sq(n):
    calls.append(n); return n * n
print(sq(2), sq(2), sq(3), sq(4), sq(2), calls, sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
@lru_cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
class C:
    @cached_property
    def val(self):
        print('computing'); return 42
c = C(); print(c.val, c.val)
print(functools.partialmethod, functools.WRAPPER_ASSIGNMENTS)
class Cell:
    def set(self, v): self.v = v; return self
    set_one = functools.partialmethod(set, 1)
print(Cell().set_one().v)
