# try/except/else/finally with builtin exceptions.
def check(f):
    try:
        r = f()
    except ZeroDivisionError as e:
        print("zero:", e)
    except (KeyError, IndexError) as e:
        print("lookup:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e)
    else:
        print("ok:", r)
    finally:
        print("finally")
check(lambda: 1 / 0)
check(lambda: {}["k"])
check(lambda: [][1])
check(lambda: int("x"))
check(lambda: 42)
check(lambda: None.attr)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        print("inner caught")
        raise
except ZeroDivisionError as e:
    print("re-raised:", e)
try:
    raise ValueError("a", 1)
except ValueError as e:
    print(e.args, str(e), repr(e))
try:
    pass
except Exception:
    print("never")
else:
    print("else runs")
e = "before"
try:
    raise KeyError("x")
except KeyError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def nested():
    try:
        return "try"
    finally:
        print("cleanup in nested")
print(nested())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
