import traceback
for src, mode in [("x = = 1", "exec"), ("def f(:\n  pass", "exec"),
                  ("(1,\n 2", "exec"), ("\tx = $", "exec"), ("f(**a, *b)", "exec"),
                  ("x = (1 +\n 2 +\n)", "exec"), ("'abc", "exec"), ("return 5", "exec"),
                  ("a = 1\n  b = 2", "exec"), ("x = 1 if 2", "exec"), ("print 'x'", "exec")]:
    try:
        compile(src, "<src>", mode)
    except SyntaxError as e:
        print("".join(traceback.format_exception_only(e)), end="")
        print(e.lineno, e.offset, e.end_lineno, e.end_offset)
eval("(1 +\n 2 +)")
