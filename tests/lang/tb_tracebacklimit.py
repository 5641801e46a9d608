import sys
sys.tracebacklimit = 1
def a(): b()
def b(): c()
def c(): 1/0
try:
    a()
except Exception:
    import traceback; traceback.print_exc()
sys.tracebacklimit = 0
a()
