import traceback, sys
class BadNote:
    def __str__(self): raise ValueError
for notes in [["a\nb", 5, BadNote()], "xy", ("t",), 42, {"k": 1}, None]:
    e = ValueError("v")
    e.__notes__ = notes
    print("--", type(notes).__name__)
    traceback.print_exception(e, file=sys.stdout)
    print("".join(traceback.format_exception_only(e)), end="|\n")
    print(list(traceback.TracebackException.from_exception(e).format_exception_only()))
e = ValueError("v")
e.__notes__ = ["x\n", ""]
print(traceback.format_exception_only(e))
class N:
    __notes__ = property(lambda s: 1/0)
e = ValueError("z")
raise e
