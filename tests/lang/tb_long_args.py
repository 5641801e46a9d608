def target(a, b, c, d):
    return a.upper() + b + c + d
target("first argument value", "second argument value", "third argument value", None.upper())
