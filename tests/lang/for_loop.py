# for over lists, ranges, strings, tuples, dicts; else clauses; nesting.
for x in [1, 2, 3]:
    print(x, end=" ")
print()
for ch in "héllo":
    print(ch, end="|")
print()
for i in range(2, 20, 5):
    print(i, end=",")
print()
for i in range(5, 0, -2):
    print(i)
for k in {"b": 1, "a": 2}:
    print(k)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print(i, j)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for _ in []:
    print("never")
else:
    print("empty loop else")
squares = []
for i in range(6):
    squares.append(i * i)
print(squares)
for i, c in enumerate("abc", 1):
    print(i, c)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b)
