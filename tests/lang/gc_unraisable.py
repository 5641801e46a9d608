# sys.unraisablehook and sys.__unraisablehook__: errors in __del__, weak
# reference callbacks and gc callbacks cannot propagate; they are reported
# through the hook (an UnraisableHookArgs struct sequence) or, by default,
# as "Exception ignored in: <object>" with the traceback.
import gc
import sys
import weakref

gc.collect()  # whatever the imports left behind
# Only explicit collections (the counts printed must not depend on when an
# automatic one would run, e.g. under -X gcstress).
gc.disable()

print(sys.unraisablehook is sys.__unraisablehook__, type(sys.unraisablehook).__name__)

class A:
    def __del__(self):
        raise ValueError("in del")

class B:
    pass

def hook(u):
    obj = getattr(u.object, "__qualname__", u.object)
    print("hook:", type(u).__name__, u.exc_type.__name__, repr(u.exc_value), u.err_msg, obj)
    print("  fields:", len(u), u[0] is u.exc_type, u.exc_value is u[1],
          type(u.exc_traceback).__name__)

sys.unraisablehook = hook
a = A()
del a

def cb(r):
    1 / 0

b = B()
r = weakref.ref(b, cb)
del b

x = A()
x.me = x
del x
print("collected", gc.collect())

def gccb(phase, info):
    raise KeyError(phase)

gc.callbacks.append(gccb)
gc.collect()
gc.callbacks.clear()

class Callback:
    def __call__(self, r):
        raise RuntimeError("callback failed")
    def __repr__(self):
        return "<Callback>"

# The default hook writes to sys.stderr.
sys.unraisablehook = sys.__unraisablehook__
r = weakref.ref(B(), Callback())

class E(Exception):
    pass

class Chained:
    def __call__(self, r):
        try:
            {}["k"]
        except KeyError:
            e = E()
            e.add_note("not shown")
            raise e
    def __repr__(self):
        return "<Chained>"

r = weakref.ref(B(), Chained())

class BadHook:
    def __call__(self, u):
        raise KeyError("hook failed")
    def __repr__(self):
        return "<BadHook>"

sys.unraisablehook = BadHook()
r = weakref.ref(B(), Callback())
sys.unraisablehook = None
r = weakref.ref(B(), Callback())
del sys.unraisablehook
r = weakref.ref(B(), Callback())
sys.unraisablehook = sys.__unraisablehook__

try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print(e)
print("end")
