# Replacing sys.excepthook: the hook gets (type, value, tb); a failing hook
# prints "Error in sys.excepthook" and the original exception.
import sys

def my_hook(t, v, tb):
    print("hook:", t.__name__, v, tb.tb_frame.f_code.co_name, file=sys.stderr)
    print("stdout from hook")

sys.excepthook = my_hook
print(sys.__excepthook__ is not my_hook)

def bad_hook(t, v, tb):
    raise OSError("hook broke")

def fail():
    raise ValueError("original")

if len(sys.argv) > 5:
    fail()
sys.excepthook = bad_hook
fail()
