# Nested loops with integer and float arithmetic (a numeric kernel).
def kernel(n):
    total = 0
    acc = 0.0
    for i in range(n):
        for j in range(100):
            total += (i * j) % 7
            acc += i * 0.5 - j / 3.0
    return total, acc


t, a = kernel(20000)
print(t, round(a, 3))
