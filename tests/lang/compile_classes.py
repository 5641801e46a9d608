class A:
    """A doc"""
    x = 1
    def __init__(self, v):
        self.__v = v
    def get(self):
        return self.__v
    def __repr__(self):
        return f"A({self.__v})"
class B(A):
    def get(self):
        return super().get() * 2
    @staticmethod
    def s():
        return __class__.__name__
b = B(21)
print(b.get(), A(1), B.__qualname__, A.__doc__, B.__module__, b._A__v)
print(B.s())
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True
with CM() as c:
    print("inside", type(c).__name__)
with CM():
    raise ValueError
print("after")
def wf():
    with CM():
        return "ret"
print(wf())
for i in range(3):
    with CM():
        if i == 1:
            break
def outer():
    class Inner:
        def m(self):
            pass
    return Inner
print(outer().__qualname__, outer().m.__qualname__)
class Ann:
    a: int = 3
    b: str
print(Ann.__annotations__)
z: int = 4
print(__annotations__)
def fa(a: int, b: "s" = 1) -> float: pass
print(fa.__annotations__)
class K:
    y = 5
    z = [y for _ in range(2)] if False else 0
    def m(self): return [self for _ in range(1)]
print(K().m() is not None)
