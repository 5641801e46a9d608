# and/or return operands; not; truthiness of builtin values.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" and 1)
print(not 0, not 1, not [], not [0], not "", not None)
for v in [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {1: 2}, None, True, False, range(0), range(2)]:
    print(repr(v), bool(v), "yes" if v else "no")
print(True + True, True * 10, False - 1, True == 1, hash(True))
print(isinstance(True, int), type(True), True & False, True | False, True ^ True)
def side(x):
    print("side", x)
    return x
print(side(0) and side(1))
print(side(1) or side(2))
print(side(1) and side(0) or side(3))
