def f(a, b=1, *args, c, d=2, **kw):
    """doc"""
    x = a + b
    def g():
        return x
    return g
co = f.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_nlocals, co.co_firstlineno)
print(co.co_flags, f(1, c=2).__code__.co_flags, f(1, c=2).__code__.co_freevars)
print(co.co_consts[0], type(co.co_code).__name__, type(co.co_linetable).__name__)
print(co.co_filename.endswith("a5.py"))
print(repr(co)[:20])
print(type(co.co_lnotab).__name__)
print(len(list(co.co_positions())) * 0)
def gen():
    yield 1
print(gen.__code__.co_flags & 0x20 != 0)
print((lambda: 0).__code__.co_name, (lambda: 0).__doc__)
class_ = None
