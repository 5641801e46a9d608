# Comparisons: chains evaluate middle operands once; mixed types; identity.
def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1.0 != 2)
print(v(1) < v(2) < v(0) < v(5))
print(v(3) < v(4) <= v(4))
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None)
print(1 in a, 3 not in a, "b" in "abc", "x" not in "abc", 2 in {2: 0})
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd", "Z" < "a")
print(2 ** 64 > 2.0 ** 63, -1 < 0.5, 10 ** 30 == 1e30, 10 ** 23 == 1e23)
x = 5
print(0 < x < 10, 0 < x < 3, not 0 < x)
