def f(a, b, *, c):
    return a
class K:
    def m(self, x):
        return x
tests = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2),
    lambda: f(1, 2, c=3, d=4),
    lambda: f(1, 2, a=1, c=3),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: K.m(),
    lambda: len(1),
    lambda: len(),
    lambda: f(*1),
    lambda: f(**1),
    lambda: int("x", bad=1),
    lambda: [].append(),
    lambda: 1 + "a",
    lambda: -"a",
    lambda: "a" < 1,
    lambda: {}[[]],
    lambda: iter(5),
    lambda: K()(),
    lambda: abs(),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
f(1, 2, 3, c=4)
