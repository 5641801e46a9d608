# lambda and sorting with keys, stability, reverse.
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))
square = lambda x: x * x
print(square(12), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, b=2))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs)
print(nums, sorted(nums, key=lambda n: n % 3), min(nums, key=lambda n: -n))
print(sorted(["b", "A", "c", "B"]), sorted(["b", "A", "c", "B"], key=lambda s: s.lower()))
print(sorted(range(10), key=lambda n: n % 2 == 0), list(map(lambda s: s * 2, "ab")))
