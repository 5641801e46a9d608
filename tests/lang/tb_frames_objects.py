# Frame, traceback and code-location objects: properties that hold for
# CPython 3.11 and pith alike (their bytecode differs).
import sys

def here():
    x = 1
    return sys._getframe()

fr = here()
print(fr.f_lineno, fr.f_code.co_name, fr.f_back is sys._getframe(), fr.f_locals)
print(fr.f_globals is globals(), isinstance(fr.f_lasti, int), fr.f_lasti > 0)

def caller_name(depth):
    return sys._getframe(depth).f_code.co_name

def outer():
    return [caller_name(1), caller_name(2), caller_name(0)]
print(outer())
try:
    sys._getframe(1000)
except ValueError as e:
    print(type(e).__name__, e)

def sample(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += (i *
                      2)
    return total

co = sample.__code__
lines = list(co.co_lines())
print(lines[0][0] == 0, lines[-1][1] == len(co.co_code))
print(all(a[1] == b[0] for a, b in zip(lines, lines[1:])))
print(all(s < e for s, e, _ in lines))
print(sorted({l for _, _, l in lines if l is not None} - {co.co_firstlineno}))
pos = list(co.co_positions())
print(all(len(p) == 4 for p in pos))
print({p[0] for p in pos if p[0] is not None} == {l for _, _, l in lines if l is not None})
print(any(p[0] != p[1] for p in pos if p[0] is not None))
print(co.co_firstlineno, type(co.co_lnotab).__name__, len(co.co_lnotab) % 2)
print(min(p[2] for p in pos if p[2] is not None) >= 0)

def boom(d):
    return d["missing"]
try:
    boom({})
except KeyError as e:
    tb = e.__traceback__
    print(tb.tb_frame is sys._getframe(), tb.tb_lineno, tb.tb_next.tb_lineno)
    print(tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_next)
    print(isinstance(tb.tb_lasti, int), tb.tb_lasti >= 0)
    t, v, tb2 = sys.exc_info()
    print(t is KeyError, v is e, tb2 is tb)
    print(hasattr(sys, "exception"))
    try:
        raise ValueError("inner")
    except ValueError:
        print(sys.exc_info()[0].__name__, sys.exc_info()[1].__context__ is e)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
def gen():
    yield sys._getframe().f_back.f_code.co_name
    yield sys.exc_info()
print(next(gen()))
print(list(gen())[1])
e = RuntimeError("x")
print(e.__traceback__)
e2 = e.with_traceback(tb)
print(e2 is e, e.__traceback__ is tb)
e.__traceback__ = None
print(e.__traceback__)
try:
    e.__traceback__ = 5
except TypeError as err:
    print(err)
boom([])
