# dict: literal, methods, insertion order, deletion and re-insertion.
d = {"one": 1, "two": 2, "three": 3}
d["four"] = 4
print(d, len(d), d["two"], d.get("five"), d.get("five", 5))
del d["one"]
d["one"] = 1
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print("two" in d, "six" in d, d.pop("two"), d.pop("zz", "dflt"), d)
print(d.setdefault("x", []), d.setdefault("three", 0), d)
d.update({"a": 1}, b=2)
d.update([("c", 3)])
print(d)
print(d.popitem(), d)
e = dict(x=1, y=2)
f = dict([(1, "a"), (2, "b")])
print(e, f, dict(), dict(e), e == {"y": 2, "x": 1}, e.copy())
print({i: i * i for i in range(5)}, dict.fromkeys("ab", 0))
counts = {}
for w in "the quick the lazy the end".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print({1: "a", 1.0: "b", True: "c"})
print({(1, 2): "t", None: 0, "s": [1]})
try:
    d["missing"]
except KeyError as err:
    print("KeyError", err)
try:
    {}[[1]] = 2
except TypeError as err:
    print(err)
big = {}
for i in range(1000):
    big[i] = str(i)
for i in range(0, 1000, 3):
    del big[i]
print(len(big), list(big)[:5], big[998])
x = {"k": 1}
x["self"] = x
print(x)
print(d | {"z": 26}, {1: 1} == {1: 1.0})
