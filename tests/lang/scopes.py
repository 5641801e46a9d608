# Name resolution: locals, globals, builtins; shadowing builtins.
x = 1
def f():
    return x
def g():
    x = 2
    return x
def h():
    len = lambda s: 42
    return len("abc")
print(f(), g(), h(), len("abc"))
def uses_builtin_later():
    return max([3, 9, 2])
print(uses_builtin_later())
def shadow_global():
    global x
    x = 10
shadow_global()
print(x, f())
try:
    undefined_name
except NameError as e:
    print(e)
def local_unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    y = 1
local_unbound()
del x
try:
    print(x)
except NameError as e:
    print(e)
