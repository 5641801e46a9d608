# CPython's TypeError messages for unsupported operations.
FIVE, NONE, PAIR, ONE = 5, None, (1, 2), [1]
tests = [
    lambda: 1 + "a", lambda: "a" + 1, lambda: [1] + (2,), lambda: 1 - "x", lambda: "a" * "b",
    lambda: {} + {}, lambda: -"x", lambda: ~1.5, lambda: 1 < "a", lambda: [] > 3, lambda: None + 1,
    lambda: 2 ** "x", lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 5 // 0.0,
    lambda: 1 << -1, lambda: len(5), lambda: FIVE[0], lambda: NONE(), lambda: PAIR["a"], lambda: ONE[1.5],
    lambda: "abc"[5], lambda: {}["k"], lambda: 1 in 5, lambda: iter(5), lambda: "x".foo, lambda: [1, 2].bar,
    lambda: None.x, lambda: int.nope, lambda: divmod(1, 0), lambda: pow(0, -1), lambda: "%d" % "x",
]
for t in tests:
    try:
        t()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
