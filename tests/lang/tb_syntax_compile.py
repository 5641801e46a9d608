# SyntaxError from compile()/exec()/eval(): file, line, text and carets.
import sys

def show(src, mode="exec", name="<string>"):
    try:
        compile(src, name, mode)
    except SyntaxError as e:
        sys.excepthook(type(e), e, None)

show("x = = 1")
show("def f(:\n    pass")
show("a = (1,\n     2\nb = 3")
show("print 'hello'")
show("   x = 1 +", name="spaced.py")
show("1 +* 2", "eval")
show("if True:\n  x = 1\n    y = 2")
show("for x in range(3):\npass")
show("f(**x, *y)")
show("del f()")
show("x = 'unterminated")
show('x = """never\nclosed')
show("return 5")
show("a, b += 1")
exec("y = (1\n + )")
