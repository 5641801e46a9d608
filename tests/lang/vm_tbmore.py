import sys
def f():
    raise ValueError("boom")
def g():
    try:
        f()
    except ValueError:
        return sys.exc_info()[2]
tb = g()
while tb:
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
    tb = tb.tb_next
def gen():
    yield 1
    1/0
def cons():
    return list(gen())
class W:
    def __init__(self):
        self.v = cons()
def top():
    W()
try:
    top()
except ZeroDivisionError as e:
    t = e.__traceback__
    names = []
    while t:
        names.append(t.tb_frame.f_code.co_name)
        t = t.tb_next
    print(names)
top()
