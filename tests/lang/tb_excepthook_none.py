import sys
sys.excepthook = None
raise KeyError("x")
