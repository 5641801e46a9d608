x = [1]
def f():
    return x[5]
def g():
    try:
        f()
    except IndexError as e:
        raise RuntimeError("wrapped") from e
g()
