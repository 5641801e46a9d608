def outer():
    x = "outer-x"
    class C:
        x = "class-x"
        def m(self):
            return x
        y = [x for _ in range(1)]
    return C().m(), C.y, C.x
print(outer())
class D:
    a = 1
    def f(self):
        def g():
            return __class__
        return g()
    def h(self):
        return [__class__ for _ in range(1)]
print(D().f().__name__, D().h())
class E:
    global gvar
    gvar = "set in class"
print(gvar)
def deflt(a, b=[x * 2 for x in range(2)], *, c=lambda: 5):
    return a, b, c()
print(deflt(1))
def gen_ret():
    try:
        yield 1
        return 7
    finally:
        print("gen finally")
g = gen_ret()
print(next(g))
try:
    next(g)
except StopIteration as s:
    print("stop", s.value)
g2 = gen_ret(); next(g2); g2.close(); print("closed")
def unpack_errors():
    try:
        a, b = [1, 2, 3]
    except ValueError as e:
        print(e)
    try:
        a, *b, c = [1]
    except ValueError as e:
        print(e)
unpack_errors()
x = 0
def incx():
    global x
    x += 1
incx(); incx(); print(x)
def delt():
    a = 1
    del a
    try:
        print(a)
    except UnboundLocalError as e:
        print(e)
delt()
def freevar_unbound():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(e)
    v = 1
freevar_unbound()
class Priv:
    __slot = 1
    def get(self):
        return self.__slot, Priv._Priv__slot
print(Priv().get())
print([(i, j) for i in range(2) for j in range(i)])
print({(k := i): k for i in range(2)})
print(type((x for x in [])).__name__)
lst = [1, 2, 3]
lst[0], lst[1] = lst[1], lst[0]
print(lst)
a = b = c = 0
a += b == c
print(a)
print((1, 2) + (3,), [] or "empty", 0 or [] or None)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
fg = fib()
print([next(fg) for _ in range(10)])
s = 0
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    s += i * p * q
print(s)
class Res:
    def __init__(self, n): self.n, self.closed = n, False
    def __enter__(self): return self
    def __exit__(self, *exc): self.closed = True
with Res(1) as f1, Res(2) as f2:
    print(f1.closed, f2.closed)
print(f1.closed, f2.closed)
def lam_closure():
    return [(lambda n=n: n * 2)() for n in range(3)]
print(lam_closure())
print(f"{'a' 'b'}" f"{1+1}" "c")
print(not not 1, -(-3), ~-1)
print(2 ** -1, 7 // 2, -7 % 3, 1 << 4, 0xff & 0x0f | 0x30 ^ 1)
