# Differential sweep of builtin methods: every public method (and most
# dunders) of each type is called with a pool of good and bad arguments;
# the result or the exception is printed. Expected output from CPython 3.11.
import sys


def show(v):
    try:
        r = repr(v)
    except Exception as e:
        return 'repr-error %s: %s' % (type(e).__name__, e)
    if ' at 0x' in r:
        r = '<%s object>' % type(v).__name__
    return r if len(r) <= 120 else r[:120] + '...'


ARGS = [(), (0,), (-1,), (2, 3), ('ab', 'c'), (b'a',), (None,), ([1, 2],), (1.5,), (2**70,),
        (' ',)]
SKIP = {'__init_subclass__', '__subclasshook__', '__sizeof__', '__reduce_ex__', '__reduce__',
        '__getstate__', '__class__', '__doc__', '__new__', '__hash__', '__dir__', '__alloc__',
        '__setattr__', '__delattr__', '__init__', '__getattribute__'}
BIG = ('__pow__', '__rpow__', '__lshift__', '__rlshift__', '__mul__', '__rmul__', '__imul__',
       'zfill', 'center', 'ljust', 'rjust', 'expandtabs', '__round__', '__format__', 'to_bytes')


def sweep(name, samples, copy=None):
    for m in sorted(dir(type(samples[0]))):
        if m in SKIP:
            continue
        for s in samples:
            for a in ARGS:
                if m in BIG and any(isinstance(x, int) and abs(x) > 2**20 for x in a + (s,)):
                    continue
                obj = copy(s) if copy else s
                f = getattr(obj, m)
                if not callable(f):
                    print(name, show(s), m, 'attr', show(f))
                    break
                try:
                    r = f(*a)
                    print(name, show(s), m, show(a), '->', show(r), show(obj) if copy else '')
                except Exception as e:
                    print(name, show(s), m, show(a), '!', type(e).__name__, e)


sweep('int', [-12, 2**70])
sweep('bool', [True])
sweep('float', [-2.5, float('nan')])
sweep('complex', [1+2j])
sweep('str', ['Hello World', 'a,b,,c\n'])
sweep('bytes', [b' a b '])
sweep('bytearray', [bytearray(b'abc')], bytearray)
sweep('list', [[3, 1, 2]], list)
sweep('tuple', [(1, 2, 1)])
sweep('dict', [{'a': 1, 'b': 2}], dict)
sweep('range', [range(5, -5, -2)])
sweep('slice', [slice(1, 5, 2)])
sweep('memoryview', [memoryview(bytearray(b'xy'))], lambda m: memoryview(bytearray(b'xy')))
sweep('exc', [ValueError('x'), OSError(2, 'nf', 'f')])
