# try / except* (TryStar) with exception groups.
def show(eg):
    return "%s(%r, %r)" % (type(eg).__name__, eg.message, [repr(e) for e in eg.exceptions])


try:
    raise ExceptionGroup("g", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as e:
    print("V", show(e))
except* TypeError as e:
    print("T", show(e))

try:
    raise KeyError("bare")
except* LookupError as e:
    print("wrapped", show(e))
else:
    print("no else")
finally:
    print("finally")

try:
    try:
        raise ExceptionGroup("outer", [OSError("o"), ZeroDivisionError("z")])
    except* OSError:
        print("handled OSError")
except ExceptionGroup as rest:
    print("rest", show(rest))

try:
    pass
except* Exception:
    print("not reached")
else:
    print("else ran")
