# list/set/dict comprehensions and generator expressions.
print([x * x for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in "ab" if x != 1])
print({x % 3 for x in range(10)}, {k: v for k, v in zip("abc", range(3))})
print([[i * j for j in range(3)] for i in range(3)])
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]), list(c.upper() for c in "hi"))
x = "outer"
print([x for x in "ab"], x)
g = (i * 2 for i in range(3))
print(next(g), list(g), list(g))
print(sorted({v: k for k, v in {"a": 1, "b": 2}.items()}.items()))
print([y for x in [[1, 2], [3]] for y in x], any(n > 5 for n in [1, 9]), all(n > 0 for n in []))
