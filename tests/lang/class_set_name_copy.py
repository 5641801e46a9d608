# __set_name__ runs over a copy of the class dict: attributes it adds to the
# class are not visited; errors are wrapped in RuntimeError.
class D:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        setattr(owner, name + "_extra", D())
class C:
    a = D()
    b = D()
    x = 1
print(sorted(k for k in vars(C) if not k.startswith("__")))
class Bad:
    def __set_name__(self, owner, name): raise ValueError("no")
try:
    class E:
        q = Bad()
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
