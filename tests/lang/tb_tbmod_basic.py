import traceback, sys

def a():
    b()
def b():
    raise ValueError("deep")

try:
    a()
except ValueError as e:
    traceback.print_exc()
    s = traceback.format_exc()
    print(s.count("\n"), s.splitlines()[-1])
    lines = traceback.format_exception(e)
    print(type(lines).__name__, len(lines), lines[0], end="")
    lines2 = traceback.format_exception(type(e), e, e.__traceback__)
    print(lines == lines2)
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    tb = traceback.extract_tb(e.__traceback__)
    print(len(tb))
    for fs in tb:
        fn, ln, name, line = fs
        print(fn.rsplit("/", 1)[-1], ln, name, line, fs.lineno, fs.name, fs.line)
        print(fs[0] == fs.filename, fs[1], fs[2], fs[3], len(fs))
    print(repr(tb[0]).split(" file ")[0], repr(tb[0]).endswith("tb_tbmod_basic.py, line 5 in f>"))
    print(traceback.format_list(tb)[-1], end="")
    print("".join(traceback.format_tb(e.__traceback__)), end="")
    print([(f.f_code.co_name, l) for f, l in traceback.walk_tb(e.__traceback__)])
    traceback.print_exception(e, file=sys.stdout)
    traceback.print_exception(type(e), e, e.__traceback__, limit=1, file=sys.stdout)
    traceback.print_tb(e.__traceback__, file=sys.stdout)
    traceback.print_exception(e, chain=False, file=sys.stdout)
    print(traceback.format_exception(e, limit=-1))

def show_stack():
    traceback.print_stack(file=sys.stdout)
    st = traceback.extract_stack()
    print(st[-1].name, st[-1].line, len(traceback.format_stack()))
    print(traceback.extract_stack(limit=1)[0].name)
def outer():
    show_stack()
outer()
print(traceback.format_exception_only(SyntaxError("bad", ("f.py", 3, 5, "x = $y\n"))))
print(traceback.format_exc())
