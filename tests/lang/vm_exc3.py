def f(x):
    return 1 / x
def g():
    return [f(i) for i in range(-2, 2)]
g()
