# Subscripts and slices on lists, strings, tuples, ranges.
s = "abcdefghij"
l = list(range(10))
t = tuple(l)
for sl in [(None, None, None), (2, None, None), (None, 3, None), (2, 8, 2), (-3, None, None),
           (None, None, -1), (8, 2, -2), (-1, -8, -3), (100, None, None), (None, -100, None), (3, 3, None)]:
    k = slice(*sl)
    print(sl, s[k], l[k], t[k])
print(s[0], s[-1], l[-10], t[3])
print(range(10)[2:8:3], range(10)[::-1][0], range(0, 20, 5)[-1])
m = list(range(10))
m[2:5] = ["x"]
print(m)
m[::2] = "ABCDE"[:len(m[::2])]
print(m)
del m[1:3]
print(m)
del m[::3]
print(m)
m[:] = []
print(m)
n = [1, 2, 3]
n[1:1] = [7, 8]
print(n)
try:
    n[::2] = [1]
except ValueError as e:
    print(e)
try:
    s[20]
except IndexError as e:
    print(e)
print("hello"[1:-1][::-1], [1, 2, 3][-2:], (1, 2, 3)[:-1])
