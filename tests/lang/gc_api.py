# The gc module API: resurrection, callbacks, DEBUG_SAVEALL, referents, freeze.
import gc
class R:
    saved = []
    def __del__(self):
        R.saved.append(self)   # resurrect
r = R(); r.self = r
del r
print(gc.collect(), len(R.saved), gc.is_finalized(R.saved[0]))
R.saved.clear()
print(gc.collect() >= 0)
calls = []
gc.callbacks.append(lambda phase, info: calls.append((phase, info["generation"])))
gc.collect(1)
print(calls)
gc.callbacks.clear()
gc.set_debug(gc.DEBUG_SAVEALL)
x = []; x.append(x); del x
gc.collect()
print(len(gc.garbage), gc.garbage[0] is gc.garbage[0][0])
gc.set_debug(0)
gc.garbage.clear()
gc.disable(); print(gc.isenabled()); gc.enable()
a = [1]; b = {"k": a}
print(a in gc.get_referents(b), b in gc.get_referrers(a))
gc.freeze(); print(gc.get_freeze_count() > 0); gc.unfreeze(); print(gc.get_freeze_count())
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
try:
    gc.collect(5)
except ValueError as e:
    print(e)
