import sys
def a():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError:
            print(sys.exc_info()[0].__name__)
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0])
a()
def b():
    try:
        try:
            raise KeyError(1)
        finally:
            print("fin1", sys.exc_info()[0].__name__)
    except KeyError:
        pass
    print(sys.exc_info())
b()
def c():
    for i in range(3):
        try:
            try:
                raise ValueError(i)
            except ValueError:
                if i == 1: break
                continue
        finally:
            print("fin", i)
    print(sys.exc_info())
c()
def d():
    try:
        return "try"
    finally:
        return "finally"
print(d())
def e():
    try:
        raise ValueError
    except ValueError:
        return sys.exc_info()[0].__name__
print(e(), sys.exc_info())
def f():
    try:
        raise ValueError("orig")
    finally:
        raise KeyError("in finally")
try: f()
except KeyError as ex: print(repr(ex.__context__))
try:
    try: raise ValueError("x")
    except ValueError as ex:
        raise ex
except ValueError as ex2:
    print(ex2.__context__)
e1 = ValueError("e1")
try:
    try: raise e1
    except ValueError:
        raise TypeError("t") from e1
except TypeError as t:
    print(t.__cause__ is e1, t.__context__ is e1, t.__suppress_context__)
def g():
    try:
        yield
    except Exception as ex:
        print("gen got", type(ex).__name__, sys.exc_info()[0].__name__)
gg = g(); next(gg)
try: gg.throw(IndexError)
except StopIteration: print("done")
try:
    raise ValueError
except (TypeError, ValueError) as ex:
    print("tuple match", type(ex).__name__)
try:
    try: raise ValueError
    except TypeError: print("no")
except ValueError: print("outer ok")
print(sys.exc_info())
