compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
bad = lambda x: x["k"]
h = compose(inc, bad)
print(list(map(h, [{"k": 1}])))
print(list(map(h, [{"j": 1}])))
