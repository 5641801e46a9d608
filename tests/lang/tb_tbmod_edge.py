import traceback, sys
print(traceback.format_exception_only(None))
print(traceback.format_exception_only(ValueError, None))
print(traceback.format_exception(None))
print(traceback.format_exc())
e = ValueError("no tb")
print(traceback.format_exception(e))
print(traceback.format_exception_only(e))
print(traceback.format_tb(None))
print(traceback.extract_tb(None))
try:
    traceback.format_exception(ValueError, e)
except ValueError as x:
    print("VE", x)
try:
    traceback.format_exception(5)
except TypeError as x:
    print("TE", x)
fs = traceback.FrameSummary("f.py", 3, "fn", line="  a = 1  ")
print(fs.line, repr(fs), fs == ("f.py", 3, "fn", "a = 1"), list(fs))
print(traceback.format_list([("a.py", 1, "m", "x = 1"), fs]))
traceback.print_list([("a.py", 1, "m", "x = 1")], file=sys.stdout)
ss = traceback.StackSummary.from_list([("a.py", 1, "m", "x")] * 5)
print("".join(ss.format()))
def f():
    return traceback.extract_stack()
s = f()
print(s[-1].name, s[-1].line, s[-1].lineno, s[-2].name, len(s))
te = traceback.TracebackException(ValueError, None, None)
print(list(te.format()))
try:
    compile("x = (1,", "src.py", "exec")
except SyntaxError as e:
    te = traceback.TracebackException.from_exception(e)
    print(te.filename, te.lineno, te.text, te.offset, te.msg)
    print("".join(te.format_exception_only()))
    print(traceback.format_exception_only(e))
class BadStr(Exception):
    def __str__(self): raise RuntimeError
print(traceback.format_exception_only(BadStr()))
print(str(traceback.TracebackException.from_exception(BadStr())))
try:
    raise KeyError("a")
except KeyError as e:
    te = traceback.TracebackException.from_exception(e, limit=0)
    print(list(te.format()))
    print(te == traceback.TracebackException.from_exception(e, limit=0), te.stack)
    te.print(file=sys.stdout)
