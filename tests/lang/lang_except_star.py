def show(e, ind=""):
    if isinstance(e, BaseExceptionGroup):
        print(ind + type(e).__name__, repr(e.message), len(e.exceptions))
        for x in e.exceptions: show(x, ind + "  ")
    else:
        print(ind + repr(e))

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
    except* ValueError as e:
        print("VE:"); show(e)
    except* TypeError as e:
        print("TE:"); show(e)
        raise RuntimeError("new")
    except* OSError:
        print("never")
except BaseException as e:
    print("outer:"); show(e)

try:
    raise ValueError("naked")
except* ValueError as e:
    print("naked match:"); show(e)
    print(type(e.exceptions[0].__traceback__).__name__)

try:
    try:
        raise KeyError("k")
    except* ValueError:
        print("no")
except KeyError as e:
    print("naked passes through", repr(e))

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("reraise:"); show(e)

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print(e)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* (int,):
        pass
except TypeError as e:
    print(e)

def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("in f VE")
    except* TypeError:
        print("in f TE")
    else:
        print("else")
    finally:
        print("finally")
    return "done"
print(f())
import sys
try:
    raise ExceptionGroup("x", [OSError(5, "io")])
except* OSError as e:
    print(sys.exc_info()[1] is e, repr(e))
print(sys.exc_info())
for src in ["try: pass\nexcept* ValueError:\n    break\n",
            "def g():\n    try: pass\n    except* ValueError:\n        return 1\n",
            "for x in y:\n    try: pass\n    except* ValueError:\n        continue\n",
            "for x in y:\n    try: pass\n    except* ValueError:\n        for z in x: break\n"]:
    try:
        compile(src, "s", "exec"); print("ok")
    except SyntaxError as e:
        print(e)
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
except* ValueError:
    raise KeyError("x")
