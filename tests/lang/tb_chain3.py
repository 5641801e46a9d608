# A chain of three: cause, then context, then an explicit cause again.
def level1():
    raise KeyError("k1")

def level2():
    try:
        level1()
    except KeyError as e:
        raise ValueError("level2") from e

def level3():
    try:
        level2()
    except ValueError:
        raise TypeError("level3")

def level4():
    try:
        level3()
    except TypeError as t:
        raise RuntimeError("level4") from t

level4()
