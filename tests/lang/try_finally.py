# finally with return/break/continue interplay.
def f1():
    try:
        return 1
    finally:
        print("f1 finally")
def f2():
    try:
        return 1
    finally:
        return 2
def f3():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print("f3", i)
    return i
def f4():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
def f5():
    x = []
    while True:
        try:
            x.append(len(x))
            if len(x) > 3:
                return x
            continue
        finally:
            x.append("f")
def f6():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError as e:
        return "caught " + repr(e)
print(f1(), f2(), f3(), f4(), f5(), f6())
def f7():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("f7 finally")
print(f7())
