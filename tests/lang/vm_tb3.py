def f(n):
    if n == 0:
        raise KeyError(n)
    return f(n - 1)
try:
    f(3)
except KeyError as e:
    tb = e.__traceback__
    n = 0
    while tb:
        print(tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_lasti > 0)
        tb = tb.tb_next
        n += 1
f(2)
