import traceback, sys
def f():
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
try:
    f()
except Exception as e:
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, str(te), te.__cause__.exc_type.__name__)
    print("".join(te.format()), end="")
    print(list(te.format_exception_only()))
    te2 = traceback.TracebackException(type(e), e, e.__traceback__, capture_locals=False)
    print(len(te2.stack), te2.stack[0].name)
    print("".join(te2.format(chain=False)), end="")
    ss = traceback.StackSummary.extract(traceback.walk_tb(e.__traceback__))
    print(len(ss), ss.format()[0], end="")
    fs = traceback.FrameSummary("file.py", 10, "func", line="x = 1")
    print(fs, list(fs), fs == ("file.py", 10, "func", "x = 1"))
try:
    raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
except Exception as e:
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exc(limit=0))
traceback.print_exc()
print(traceback.format_exc(), end="")
def r(n): return r(n+1)
try:
    r(0)
except RecursionError:
    print("\n".join(traceback.format_exc().splitlines()[-5:]))
