def f():
    s = ""
    for i in range(20000):
        s += "ab"
    return len(s)
print(f())
def g():
    s = "x"
    t = s
    s += "y"
    print(s, t)
    s += s
    print(s)
g()
