# tuples: packing, indexing, methods, comparison, hashing.
t = 1, 2, 3
print(t, type(t), len(t), t[0], t[-1], t[1:])
print((), (1,), (1, 2) + (3,), (0,) * 3, tuple("ab"), tuple([1, [2]]))
print(t.count(2), t.index(3), 2 in t, (1, 2) < (1, 3), (1, 2) == (1, 2))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
a, b, c = t
print(a + b + c)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max((1, 2), (1, 3)))
print(tuple(x * 2 for x in range(4)), (1, 2, 3)[::-1])
