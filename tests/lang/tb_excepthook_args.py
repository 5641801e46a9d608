import sys
seen = []
def hook(*args):
    t, v, tb = args
    print(len(args), t is KeyError, v.args, tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name)
    sys.__excepthook__(t, v, tb)
sys.excepthook = hook
def g():
    {}["k"]
g()
