def f():
    x = 1
    class C:
        y = x
        def m(self): return x
    return C.y, C().m()
print(f())
def g():
    x = "outer"
    class C:
        x = "class"
        def m(self): return x
        z = [x for _ in range(1)]
    return C().m(), C.x, C.z
print(g())
def h(a):
    def k(): return a
    a = a + 1
    return k()
print(h(1))
def d():
    v = 1
    def k(): return v
    del v
    try: k()
    except NameError as e: print(e)
d()
class K:
    def m(self): return __class__
    @classmethod
    def c(cls): return super().__repr__ is not None
print(K().m() is K, K.c())
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    inc(); inc()
    return n, inc.__closure__[0].cell_contents
print(outer())
x = 1
def rd():
    return [x for x in range(3)], x
print(rd())
def lc():
    y = 10
    return [i + y for i in range(3)]
print(lc())
print(type(lambda: 0).__name__, type(outer.__code__).__name__)
def ann(a: int, b: "str" = "d") -> list: pass
print(ann.__annotations__)
