# sets: display order for ints matches CPython, operations, methods.
s = {3, 1, 2}
print(s, len(s), 2 in s, 5 not in s)
s.add(10)
s.add(1)
s.discard(3)
print(s, sorted(s))
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= {1, 2, 3, 4, 5}, a < a, {1} < a)
print(set(), set("aab") == {"a", "b"}, set([5, 5, 6]), frozenset([2, 1]), {i % 4 for i in range(20)})
print({100, 50, 8, 16, 32, 1000, -1, 0})
print(set(range(20)), {(1, 2), (0, 0)} == {(0, 0), (1, 2)})
t = {1, 2}
t.update([3], (4,))
t.remove(1)
print(t, t.pop() in (2, 3, 4), len(t))
try:
    t.remove(99)
except KeyError as e:
    print("KeyError", e)
print(a.union(b), a.intersection(b), a.difference(b), a.issubset(range(10)), a.isdisjoint({9}))
