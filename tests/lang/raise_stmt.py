# raise: classes vs instances, args, str/repr of exceptions, hierarchy.
for exc in (ValueError, ValueError("msg"), KeyError("k"), IndexError(), TypeError("a", 2), StopIteration(5)):
    try:
        raise exc
    except Exception as e:
        print(type(e).__name__, repr(e), str(e), e.args)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError),
      issubclass(RecursionError, RuntimeError), issubclass(ModuleNotFoundError, ImportError),
      issubclass(bool, int), issubclass(Exception, BaseException), issubclass(SystemExit, Exception))
print(KeyError.__mro__)
try:
    raise 5
except TypeError as e:
    print(e)
try:
    raise
except RuntimeError as e:
    print(e)
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    raise ValueError("x") from KeyError("cause")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    raise ValueError("y") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
print(StopIteration(7).value, SystemExit(3).code, OSError(2, "nope").errno, str(OSError(2, "nope")))
print(repr(KeyError()), str(KeyError("a")), str(KeyError("a", "b")), repr(Exception("x", 1)))
