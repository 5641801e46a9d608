def h(x):
    return x.missing
name = "v"
print(f"value: {h(name)!r:>10}")
