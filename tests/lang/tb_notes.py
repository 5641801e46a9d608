# __notes__: several notes, multi-line notes, notes on chained exceptions,
# non-string notes and a __notes__ that is not a list.
import sys

def show(e):
    sys.excepthook(type(e), e, e.__traceback__)

e = ValueError("plain")
e.add_note("note one")
e.add_note("note two\n  indented second line")
show(e)

e = TypeError("weird notes")
e.__notes__ = ("tuple", "of notes")
show(e)

e = KeyError("k")
e.__notes__ = 42
show(e)

class N:
    def __str__(self):
        return "from __str__"
e = OSError(2, "No such file")
e.__notes__ = [N(), "x"]
show(e)

def fail():
    try:
        1 / 0
    except ZeroDivisionError as z:
        z.add_note("while dividing")
        raise RuntimeError("outer") from z

try:
    fail()
except RuntimeError as r:
    r.add_note("outer note")
    raise
