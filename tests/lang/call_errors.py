# CPython's messages for bad calls.
def f(a, b, c=3, *, d, e=5):
    return a
def g(x, /, y):
    return x
STR = "abc"
def h():
    return 0
tests = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3, 4, d=1),
    lambda: f(1, 2, d=4, z=1),
    lambda: f(1, 2, a=1, d=3),
    lambda: g(x=1, y=2),
    lambda: h(1),
    lambda: h(1, 2),
    lambda: len(),
    lambda: len(1, 2),
    lambda: abs(x=1),
    lambda: f(1, 2, 3, d=4, d2=5),
    lambda: (lambda q, r: 0)(1),
    lambda: STR(),
    lambda: len(5),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
