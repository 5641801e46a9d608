import sys
def hook(t, v, tb):
    print("hook got", t.__name__, v, tb.tb_lineno)
    raise RuntimeError("hook broke")
sys.excepthook = hook
def f():
    raise ValueError("orig")
f()
