import sys
print(sys)
print(type(sys).__name__, sys.__name__)
try: sys.nope
except AttributeError as e: print(e)
M = type(sys)
m = M('mymod', 'doc'); print(m, m.__doc__, m.__dict__['__name__'])
m.x = 1; print(m.x, 'x' in dir(m))
print(len.__name__, len.__qualname__, len.__module__, len.__self__, [].append.__qualname__, [].append.__self__)
print(list.append.__name__, list.append.__qualname__, list.append.__objclass__)
print(int.__add__.__name__, int.__add__.__qualname__, (1).__add__.__self__)
print(str.__dict__['join'])
print(int.__dict__['real'], type(int.__dict__['real']))
print(object.__class__, object.__base__, type.__base__, int.__bases__, bool.__mro__)
print(type.__name__, type.__module__, int.__module__, type(len).__name__)
print(object.__subclasshook__(), object.__init_subclass__())
print(NotImplemented.__class__, type(...).__name__, type(None)())
print(callable(len), callable(1), callable(int))
print(ascii('héllo\u1234\U0001f600'), ascii([1, 'é']))
print(iter([1]).__class__.__name__)
class Seq:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
print(list(Seq()), list(iter(Seq())), 1 in Seq())
c = iter([1,2,3,0,4].pop, 0)
print(type(c).__name__)
it = iter(Seq()); print(next(it), next(it), next(it))
try: next(it)
except StopIteration: print("stop")
print(getattr(1, 'real'), hasattr(1, 'x'), getattr(1, 'x', 'dflt'))
print(vars(type('K', (), {'a': 1}))['a'])
class K: pass
k = K(); k.a = 1; print(vars(k), k.__dict__)
k.__dict__ = {'b': 2}; print(k.b)
del k.b
try: del k.b
except AttributeError as e: print(e)
try: del K.zz
except AttributeError as e: print(e)
K.q = 5; print(k.q); del K.q
try: int.x = 1
except TypeError as e: print(e)
try: K.__name__ = 3
except TypeError as e: print(e)
K.__name__ = 'KK'; print(K, K.__qualname__)
print(object.__dir__(1)[:3], sorted(dir(1))[:3])
print((1).__format__(''), object.__format__(1, ''))
print(int.__new__(int, 5), object.__new__(K).__class__)
print(1 .__eq__('a'), (1).__ne__(1), object.__eq__(1, 1), object.__ne__(1, 2))
print(repr(type.__dict__['__call__']) if '__call__' in type.__dict__ else 'no')
print(str(object.__str__(5)), object.__repr__(5)[:15])
