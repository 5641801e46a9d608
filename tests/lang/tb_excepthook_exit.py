import sys
def hook(t, v, tb):
    sys.exit(5)
sys.excepthook = hook
raise KeyError("x")
