# while with break, continue and else.
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("no break")
n = 3
while n:
    n -= 1
else:
    print("while-else ran, n =", n)
total = 0
k = 0
while True:
    k += 1
    if k > 100:
        break
    total += k
print(total)
a, b = 0, 1
while b < 1000:
    a, b = b, a + b
print(a, b)
