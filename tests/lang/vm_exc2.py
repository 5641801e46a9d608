try:
    raise TypeError("x") from None
except TypeError as e:
    print(e.__cause__, e.__suppress_context__, e.__context__)
try:
    try:
        1/0
    except Exception as e:
        raise RuntimeError("r") from e
except RuntimeError as e:
    print(type(e.__cause__), type(e.__context__))
def g():
    raise
try: g()
except RuntimeError as e: print(e)
E = ValueError
try: raise E
except E as e: print(repr(e))
try: raise 1
except TypeError as e: print(e)
import sys
try:
    raise ValueError(1)
except ValueError:
    print(sys.exc_info()[0])
print(sys.exc_info())
def h():
    try:
        return 1
    finally:
        print("fin")
print(h())
for i in range(3):
    try:
        if i == 1: continue
        print(i)
    finally:
        print("f", i)
x = 5
def u():
    print(x)
    x = 3
try: u()
except UnboundLocalError as e: print(e)
try: nope
except NameError as e: print(e, e.name)
def v():
    def w(): return y
    w()
    y = 1
try: v()
except NameError as e: print(e)
