import sys
def f():
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_lineno, fr.f_back.f_code.co_name, fr.f_back.f_lineno)
    print(sorted(fr.f_locals), fr.f_globals is globals())
    return fr
fr = f()
print(fr.f_lineno, fr.f_back.f_code.co_name)
def g():
    a = 5
    return sys._getframe(1)
print(g().f_code.co_name)
try:
    sys._getframe(50)
except ValueError as e:
    print(e)
def h():
    x = 1
    try:
        1/0
    except ZeroDivisionError as e:
        return e.__traceback__
tb = h()
print(tb.tb_frame.f_locals['x'], tb.tb_lineno, tb.tb_frame.f_lineno, tb.tb_next)
