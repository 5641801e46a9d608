# Which objects accept weak references: a per-type property, inherited.
import weakref, collections, itertools, types, sys, _thread, gc

def f(): pass
class C:
    def m(self): pass
async def co(): pass
async def ag(): yield
def g(): yield

def try_ref(name, o):
    try:
        r = weakref.ref(o)
        print(name, 'ok', r() is o)
    except TypeError as e:
        print(name, 'TypeError:', e)

c = co()
cands = [
    ('deque', collections.deque()), ('ExceptionGroup', ExceptionGroup('a', [ValueError()])),
    ('BaseExceptionGroup', BaseExceptionGroup('a', [KeyboardInterrupt()])),
    ('ValueError', ValueError()), ('set', set()), ('frozenset', frozenset()),
    ('function', f), ('method', C().m), ('code', f.__code__), ('generator', g()),
    ('coroutine', c), ('async_generator', ag()), ('type', C), ('module', types), ('builtin', len),
    ('list', []), ('dict', {}), ('tuple', ()), ('int', 1), ('str', 'a'), ('object', object()),
    ('count', itertools.count()), ('chain', itertools.chain()), ('tee', itertools.tee([])[0]),
    ('memoryview', memoryview(b'ab')), ('lock', _thread.allocate_lock()), ('RLock', _thread.RLock()),
    ('GenericAlias', list[int]), ('slice', slice(1)), ('range', range(3)), ('property', property()),
]
for name, o in cands:
    try_ref(name, o)
c.close()

# subclasses inherit the property; __slots__ = () keeps it for weakrefable bases only
for base in (collections.deque, set, frozenset, object, list, BaseExceptionGroup, ExceptionGroup):
    class D(base):
        __slots__ = ()
    o = D() if base not in (BaseExceptionGroup, ExceptionGroup) else D('x', [ValueError()])
    try_ref('slots-' + base.__name__, o)
    class E(base):
        pass
    print(base.__name__, '__weakref__' in E.__dict__)
    try:
        class F(base):
            __slots__ = ('__weakref__',)
        print(base.__name__, 'slot ok', '__weakref__' in F.__dict__)
    except TypeError as e:
        print(base.__name__, 'TypeError:', e)

for base, sl in ((C, '__dict__'), (object, ('__dict__', '__dict__')), (tuple, '__weakref__'),
                 (int, '__dict__'), (str, '__weakref__'), (object, ('__weakref__', '__weakref__')),
                 (tuple, ())):
    try:
        class G(base):
            __slots__ = sl
        print(base.__name__, sl, 'ok')
    except TypeError as e:
        print(base.__name__, sl, 'TypeError:', e)

# callbacks fire when the referent dies
died = []
d = collections.deque([1])
r = weakref.ref(d, lambda r: died.append('deque'))
del d
eg = ExceptionGroup('x', [ValueError()])
r2 = weakref.ref(eg, lambda r: died.append('eg'))
print(eg.__weakref__ is r2)
del eg
s = {1}
p = weakref.proxy(s)
print(len(p), 1 in p)
del s
gc.collect()
print(died, r(), r2())
try:
    len(p)
except ReferenceError as e:
    print('ReferenceError:', e)

# WeakSet / WeakValueDictionary of such objects
ws = weakref.WeakSet()
fs = [frozenset([i]) for i in range(3)]
for x in fs:
    ws.add(x)
print(len(ws))
del fs[0]
print(len(ws))
wd = weakref.WeakValueDictionary()
wd['a'] = collections.deque()
print(len(wd))
