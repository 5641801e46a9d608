print(eval("1 + 2 * 3"))
exec("y = 5\nprint('exec', y)")
ns = {}
exec("def h(): return 42", ns)
print(ns['h']())
print(eval("[x for x in range(3)]"))
c = compile("a = 1", "<s>", "exec")
print(type(c).__name__, c.co_filename)
try:
    compile("return 1", "<t>", "exec")
except SyntaxError as e:
    print("SE", e.msg, e.lineno, e.offset, e.filename)
