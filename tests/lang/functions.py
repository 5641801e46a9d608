# def: positional, defaults, keyword arguments, *args/**kwargs, returns.
def add(a, b=10):
    return a + b
print(add(1), add(1, 2), add(b=3, a=4), add(5, b=6))
def noreturn():
    pass
print(noreturn())
def multi():
    return 1, "two", [3]
a, b, c = multi()
print(a, b, c, multi())
def varargs(*args, **kwargs):
    return args, sorted(kwargs.items())
print(varargs(), varargs(1, 2, x=3, y=4))
def kwonly(a, *, key=None, flag):
    return a, key, flag
print(kwonly(1, flag=True), kwonly(2, key="k", flag=False))
def posonly(a, b, /, c):
    return a * 100 + b * 10 + c
print(posonly(1, 2, 3), posonly(1, 2, c=4))
def default_eval(x=[]):
    x.append(1)
    return len(x)
print(default_eval(), default_eval(), default_eval([5]))
args = (1, 2)
kw = {"c": 9}
print(posonly(*args, **kw), add(*[7], **{"b": 1}))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
print(add.__name__, fact.__code__.co_varnames, add.__code__.co_argcount, add.__defaults__)
def outer():
    def inner(y):
        return y * 2
    return inner(21)
print(outer())
