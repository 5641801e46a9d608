# The traceback module produces the same text as the interpreter's printer:
# format_exception chunks, format_exc, print_exc, format_exception_only,
# extract_tb, format_tb, limits, chain=False, format_stack/extract_stack.
import sys
import traceback

def inner(x):
    return 10 / x

def outer(x):
    return inner(x) + 1

try:
    outer(0)
except ZeroDivisionError as e:
    chunks = traceback.format_exception(e)
    print(len(chunks))
    print("".join(chunks), end="")
    print(traceback.format_exc() == "".join(chunks))
    print(traceback.format_exception_only(e))
    print(traceback.format_exception(type(e), e, None))
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.name, fs.lineno, fs.line)
        filename, lineno, name, line = fs
        print(name == fs.name, line)
    print(len(traceback.format_tb(e.__traceback__)))
    print("".join(traceback.format_tb(e.__traceback__, limit=1)), end="")
    print("".join(traceback.format_tb(e.__traceback__, limit=-1)), end="")
    traceback.print_exc(file=sys.stdout)
    traceback.print_exc(limit=2)

def chained():
    try:
        {}["key"]
    except KeyError as k:
        raise ValueError("wrapped") from k

try:
    chained()
except ValueError as e:
    print("".join(traceback.format_exception(e)), end="")
    print("".join(traceback.format_exception(e, chain=False)), end="")
    traceback.print_exception(e, file=sys.stdout)

print(traceback.format_exception_only(SyntaxError("bad", ("f.py", 2, 3, "x = = 1\n"))))
print(traceback.format_exc())
g = ExceptionGroup("grp", [ValueError(1), TypeError(2)])
print("".join(traceback.format_exception(g)), end="")

def where():
    return traceback.format_stack()

def caller():
    return where()

for chunk in caller():
    print(chunk, end="")
for fs in traceback.extract_stack(limit=1):
    print(fs.name, fs.line)
traceback.print_stack(limit=1, file=sys.stdout)
e = RuntimeError("with note")
e.add_note("a note")
traceback.print_exception(e)
outer(0)
