def f():
    x = 1
    y = "s"
    return (x +
            y)
f()
