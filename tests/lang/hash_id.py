# hash() of numbers matches CPython; equal numbers hash equal.
print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 61), hash(2 ** 61 - 1), hash(2 ** 100), hash(-(2 ** 100)))
print(hash(1.0), hash(1.5), hash(-1.5), hash(0.1), hash(1e300), hash(float("inf")), hash(float("-inf")))
print(hash(1) == hash(1.0) == hash(True), hash((1, 2, 3)), hash(()), hash((1,)), hash((-1, 0)))
print(hash(None) == hash(None), hash("abc") == hash("ab" + "c"))
try:
    hash([])
except TypeError as e:
    print(e)
try:
    hash({})
except TypeError as e:
    print(e)
