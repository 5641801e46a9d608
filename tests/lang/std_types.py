import types
ns = types.SimpleNamespace(a=1); print(ns, types.FunctionType, type(len) is types.BuiltinFunctionType)
print(list[int], dict[str, list[int]], list[int] == list[int], (int | None))
class T:
    def __typing_subst__(self, a): return a
    def __repr__(self): return '~T'
t=T(); u=T()
a=list[t]; print(a, a.__parameters__)
print(a[int])
d=dict[t, list[u]]; print(d.__parameters__, d[int,str])
try: d[int]
except TypeError as e: print(e)
try: d[int,str,bytes]
except TypeError as e: print(e)
try: list[int][int]
except TypeError as e: print(e)
print(list[int].__parameters__, list[type(None)], list[None], list[...], tuple[()], dict[str, list[int]])
print(list[int]==list[int], list[int]!=list[str], hash(list[int])==hash(list[int]))
x=list[int]; print(x.__origin__, x.__args__, list[int](), list[int]((1,2)), x.__name__, x.__mro_entries__(()))
print(*tuple[int], (*tuple[int],)[0].__unpacked__, x.__unpacked__)
print([1] == list[int]([1]))
import types; print(types.GenericAlias(list, (int,)), types.GenericAlias(list, int).__args__)
try: types.GenericAlias(list)
except TypeError as e: print(e)
try: types.GenericAlias(list, int, a=1)
except TypeError as e: print(e)
print(x.__reduce__())
print(list[len], list[[int,str]])
class G(types.GenericAlias):
    pass
g = G(list, int)
print(g, type(g).__name__, g == list[int], g.__origin__)
g.foo = 1
print(g.__dict__ if False else 'ok')
class H(types.GenericAlias):
    __slots__ = ()
    def __new__(cls, origin, args):
        return super().__new__(cls, origin, args)
    def __repr__(self): return 'H!' + super().__repr__()
print(H(dict, (str, int)), int | list[int], list[int] | None)
try: isinstance([], list[int])
except TypeError as e: print(e)
class C(list[int]): pass
print(C.__mro__, C.__orig_bases__)
