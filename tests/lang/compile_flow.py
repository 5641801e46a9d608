import sys
def f1():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError as e:
            if i == 1:
                break
            print("handled", e)
    print("exc after loop:", sys.exc_info()[0])
f1()
def f2():
    try:
        raise KeyError("k")
    except KeyError:
        return "from except"
print(f2(), sys.exc_info())
def f3():
    for i in range(3):
        try:
            pass
        finally:
            if i == 0:
                continue
            print("fin", i)
f3()
def f4():
    try:
        raise TypeError("t")
    finally:
        return "swallowed"
print(f4())
def f5():
    try:
        try:
            raise ValueError("inner")
        except ValueError:
            raise KeyError("second")
    except KeyError as k:
        print("ctx:", repr(k.__context__))
f5()
def f6():
    x = 0
    while True:
        x += 1
        try:
            if x > 3:
                return x
        finally:
            print("f6 fin", x)
print(f6())
def g():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
for v in g():
    print(v)
    break
def nested_try():
    try:
        try:
            1/0
        except ZeroDivisionError:
            print("in except", sys.exc_info()[0].__name__)
            try:
                raise IndexError
            except IndexError:
                print("inner", sys.exc_info()[0].__name__)
            print("back", sys.exc_info()[0].__name__)
    finally:
        print("outer fin", sys.exc_info()[0])
nested_try()
def bare():
    try:
        try:
            raise ValueError("v")
        except:
            print("bare caught")
            raise
    except ValueError as e:
        print("reraised", e)
bare()
e = "keep"
try:
    raise ValueError
except ValueError as e:
    pass
try:
    print(e)
except NameError as n:
    print("e deleted:", n)
def multi():
    try:
        [][1]
    except (KeyError, IndexError) as ex:
        print(type(ex).__name__)
    except Exception:
        print("no")
    else:
        print("else")
multi()
def elsef():
    try:
        pass
    except Exception:
        pass
    else:
        print("else ran")
    finally:
        print("finally ran")
elsef()
print([i for i in range(10) if i % 2 if i > 3])
print({i % 3 for i in range(10)})
gen = (x * 2 for x in range(3))
print(next(gen), list(gen))
def closure_loop():
    fs = [lambda: i for i in range(3)]
    return [f() for f in fs]
print(closure_loop())
def deep(n):
    return n if n == 0 else deep(n - 1)
print(deep(50))
print(*[1, 2], *(3,), sep="-")
print({**{'a': 1}, 'b': 2, **{'c': 3}})
print([*range(3), *"ab"], (*range(2),))
def kwonly(*, a, b=2): return a, b
print(kwonly(a=1), kwonly(**{'a': 5, 'b': 6}))
def star(*a, **k): return a, k
print(star(1, *[2, 3], 4, x=1, **{'y': 2}, z=3))
x = 10
def usesglob(): return x + 1
print(usesglob())
s = "abc"
print(s[1:], s[::-1], s[:2], s[0:3:2])
l = list(range(10)); l[2:5] = []; del l[0]; del l[-1:]
print(l)
a = b = None
print(a is None, a is not None, 1 in [1], 2 not in [1])
print(f"{'nested'!s:>10}|{3.14159:.2f}|{'x'!r}|{{lit}}")
