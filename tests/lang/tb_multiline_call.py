# Multi-line calls and expressions: 3.11 shows only the first line of the
# instruction's range, with carets to the end of that line.
import sys

def f(a, b, c):
    return a + b + c

def show(fn):
    try:
        fn()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)

def one():
    return f(1,
             2,
             "three")
show(one)

def two():
    total = (1 +
             2 +
             None)
    return total
show(two)

def three():
    d = {"a": [1, 2]}
    return d["a"][
        5
    ]
show(three)

value = f(
    1, None,
    3)
