# More than 15 exceptions in a group: "and N more exceptions"; a group with
# a cause; BaseExceptionGroup with a note.
import sys

g = ExceptionGroup("many", [ValueError(i) for i in range(20)])
sys.excepthook(type(g), g, None)

g = ExceptionGroup("sixteen", [KeyError(i) for i in range(16)])
sys.excepthook(type(g), g, None)

def raiser():
    try:
        raise OSError("disk")
    except OSError as e:
        g = BaseExceptionGroup("base", [KeyboardInterrupt(), e])
        g.add_note("group note")
        raise g from e

raiser()
