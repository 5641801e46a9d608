# assignments and unpacking
a, b = 1, 2
print(a, b)
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = "xyz"
print(a, b)
x = y = z = 5
print(x, y, z)
(p, q), r = (1, 2), 3
print(p, q, r)
l = [0, 1, 2]
l[1] += 10
print(l)
import sys as O
o = O
o.v = 3
o.v *= 4
print(o.v)
n = 7
n -= 2
n **= 2
print(n)
d = {'k': 1}
d['k'] <<= 3
print(d)
print(-5, -2.5, (1, 2, -3), not 0, ~5, +3)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2)
print(1 and 2, 0 and 2, 1 or 2, 0 or 0)
print(1 if 0 else 2)
i = 0
while i < 5:
    i += 1
    if i == 2: continue
    if i == 4: break
    print("w", i)
else:
    print("no")
for i in range(3):
    print("f", i)
else:
    print("else")
for i in range(3):
    if i == 1: break
else:
    print("not printed")
print([x * y for x in range(3) for y in range(3) if x != y])
print({k: v for k, v in [(1, 2), (3, 4)]})
print(list(x + 1 for x in range(4)))
print(f"{a!r} and {n:>5} {n}")
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)
print(e if False else "ok")
