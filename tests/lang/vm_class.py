class A:
    x = 1
    def __init__(self, v): self.v = v
    def get(self): return self.v
    @staticmethod
    def s(a): return a * 2
    @classmethod
    def c(cls): return cls.__name__
    def __repr__(self): return "A(%r)" % self.v
class B(A):
    def get(self): return A.get(self) + 1
    def cls(self): return __class__
b = B(4)
print(b.get(), b.s(3), B.c(), b.c(), A.x, b.x, b.cls())
print(B.__name__, B.__qualname__, isinstance(b, A), b)
print(b.get.__self__ is b, b.get.__func__ is B.get, b.get == b.get)
print(B.get.__qualname__, A.__module__)
class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name); return self
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None); return self.name == "suppress"
with CM("a") as c:
    print("body", c.name)
with CM("suppress"):
    raise ValueError("x")
print("after suppress")
try:
    with CM("b"), CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
def ret():
    with CM("r"):
        return 5
print(ret())
for i in range(2):
    with CM("loop"):
        if i == 0: continue
        break
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        print("meta", name, kw)
        return super().__new__(m, name, bases, ns) if False else type.__new__(m, name, bases, ns)
class D(metaclass=Meta, flag=1):
    pass
print(type(D).__name__)
class E(Exception):
    def __init__(self, msg): super().__init__(msg) if False else Exception.__init__(self, msg)
try: raise E("custom")
except E as e: print(type(e).__name__, e)
class Counter:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(Counter()), [x for x in Counter()])
class P:
    def __call__(self, *a, **k): return a, k
print(P()(1, k=2))
o = B(1)
o.extra = 5
print(o.extra)
