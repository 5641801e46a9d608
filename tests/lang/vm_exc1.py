def a():
    raise ValueError("bad")
def b():
    try:
        a()
    except ValueError:
        raise KeyError("k")
b()
