import builtins
names = sorted(n for n in dir(builtins) if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException))
for n in names:
    c = getattr(builtins, n)
    print(n, [b.__name__ for b in c.__mro__[1:]])
print(len(names))
