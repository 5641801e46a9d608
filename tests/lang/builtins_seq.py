# len, min, max, sum, sorted, reversed, enumerate, zip, any, all, iter, next.
data = [5, 3, 8, 1]
print(len(data), len("abc"), len({}), len(range(10)), len((1, 2)))
print(min(data), max(data), min(3, 1, 2), max("a", "bc", key=len), min([], default="none"))
print(sum(data), sum(data, 100), sum([0.5, 0.25]), sum([[1], [2]], []))
print(sorted(data), sorted("hello"), sorted(data, reverse=True), sorted([-3, 2, -1], key=abs))
print(list(reversed(data)), list(reversed("abc")), list(reversed(range(3))))
print(list(enumerate("ab")), list(enumerate(data, start=10)))
print(list(zip("abc", [1, 2, 3], (True, False, None))), list(zip()), list(zip([1, 2], "a")))
print(any([0, "", None]), any([0, 1]), all([1, "a"]), all([]), any([]))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(list(map(abs, [-1, -2])), list(filter(None, [0, 1, "", "x"])), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)), list(range(5, 0, -1)), tuple(range(0)))
r = range(1, 10, 2)
print(r, len(r), r[2], r[-1], 5 in r, 4 in r, r.index(7), r.count(3), list(r[1:3]))
try:
    max([])
except ValueError as e:
    print(e)
