def check(n):
    if n > 3:
        raise ValueError(f"n too large: {n}")
    return n

for i in range(10):
    print(check(i))
