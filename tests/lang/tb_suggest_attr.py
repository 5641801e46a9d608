# "Did you mean" for AttributeError (instances, classes, modules) and
# NameError (3.11 gives no hint for ImportError).
import sys

class Config:
    def __init__(self):
        self.value = 1
        self.verbose = True
    def reload(self):
        pass

def show(fn):
    try:
        fn()
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)

c = Config()
show(lambda: c.valeu)
show(lambda: c.Verbose)
show(lambda: c.relaod())
show(lambda: c.zzzzzzzz)
show(lambda: Config.reloda)
show(lambda: sys.pathh)
show(lambda: sys.getrecursionlimt())
show(lambda: "abc".uper())
show(lambda: [].apend(1))
show(lambda: (1).real_)
def namer():
    counter = 1
    return countr
show(namer)
show(lambda: lenn([]))
c.vale
