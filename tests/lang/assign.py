# Assignment forms: chained, tuple/list unpacking, starred, swap, nested.
a = b = c = 7
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
[p, q], r = (3, 4), 5
print(p, q, r)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
m, *n = [9]
print(m, n)
(i, j), k = "xy", "z"
print(i, j, k)
lst = [0, 0, 0]
lst[0], lst[2] = "a", "c"
print(lst)
d = {}
d["k"] = d["j"] = 1
print(d)
s = t2 = ()
print(s, t2)
for u, (v, w) in [(1, (2, 3)), (4, (5, 6))]:
    print(u + v + w)
try:
    e, f = [1, 2, 3]
except ValueError as err:
    print("ValueError:", err)
try:
    e, f, g = [1, 2]
except ValueError as err:
    print("ValueError:", err)
try:
    e, *f, g = [1]
except ValueError as err:
    print("ValueError:", err)
try:
    e, f = 5
except TypeError as err:
    print("TypeError:", err)
