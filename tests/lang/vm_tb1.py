def key(v):
    return 1 / v
sorted([1, 0], key=key)
