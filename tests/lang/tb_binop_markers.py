def compute(x, y, z):
    return x * 2 + (y - 1) / z ** 1
def wrap():
    values = [1, 2, 0]
    return compute(values[0], values[1], values[2]) + 1
wrap()
