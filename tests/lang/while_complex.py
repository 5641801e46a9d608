# Loops with complex control flow: nested loops, flags, early returns.
def find(matrix, target):
    for i, row in enumerate(matrix):
        for j, v in enumerate(row):
            if v == target:
                return i, j
    return None
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(find(m, 5), find(m, 9), find(m, 10))
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(n) for n in range(1, 15)], max(range(1, 1000), key=collatz))
primes = []
n = 2
while len(primes) < 20:
    if all(n % p for p in primes if p * p <= n):
        primes.append(n)
    n += 1
print(primes)
i = 0
out = []
while i < 5:
    j = 0
    while j < 5:
        if (i + j) % 3 == 0:
            j += 1
            continue
        if j > i:
            break
        out.append((i, j))
        j += 1
    i += 1
print(out)
