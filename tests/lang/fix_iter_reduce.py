f = lambda: 1
it = iter(f, 2)
r = it.__reduce__()
print(r[0] is iter, r[1][0] is f, r[1][1])
class S:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
s = S()
it = iter(s)
print(type(it).__name__)
r = it.__reduce__()
print(r[0] is iter, r[1][0] is s, r[2])
next(it)
print(it.__reduce__()[2])
it.__setstate__(2); print(next(it))
it.__setstate__(-5); print(next(it))
print(list(it), it.__reduce__())
it.__setstate__(0); print(list(it))
try: it.__setstate__('x')
except TypeError as e: print(e)
c = iter([5, 6, 7].pop, 5)
print(list(c), c.__reduce__())
import copy
it = iter(S()); next(it)
print(list(copy.copy(it)))
