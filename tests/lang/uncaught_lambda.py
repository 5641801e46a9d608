fs = [lambda x: x + 1, lambda x: x[0]]
for f in fs:
    print(f(1))
