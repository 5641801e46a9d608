def fail(i):
    e = ValueError(f"v{i}")
    e.add_note(f"note for {i}")
    return e
eg = ExceptionGroup("outer", [fail(1), ExceptionGroup("inner", [fail(2), TypeError("t")])])
eg.add_note("group note")
try:
    raise eg
except* TypeError as g:
    print("handled", repr(g))
