# RecursionError is an ordinary exception that can be caught.
def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("caught:", e)
def g():
    try:
        return g()
    except RecursionError:
        return "bottom"
print(g())
print("still alive", sum(range(10)))
