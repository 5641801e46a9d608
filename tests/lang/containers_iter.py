print(list(enumerate('abc')), list(enumerate('ab', 5)), list(enumerate('ab', start=-1)), list(enumerate([], 2)))
print(list(enumerate('xy', 2**64)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1])), list(zip(*[[1, 2], [3, 4]])))
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, [1], [2], [3, 4])))
print(list(filter(None, [0, 1, '', 'a', [], [0]])), list(filter(lambda x: x % 2, range(10))), list(filter(bool, [0, 2])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed(range(4))), list(reversed('abc')), list(reversed({1: 2, 3: 4})))
for s in ["enumerate()", "enumerate(1)", "enumerate([],'a')", "zip(1)", "zip([],x=1)", "map(len)", "map(len, 1)", "filter(None)", "filter(None,1)", "reversed(1)", "reversed()", "reversed({1})", "reversed([],[])", "list(zip([1],[2,3],strict=True))", "list(zip([1,2],[2],strict=True))", "list(zip([1,2],[2,3], [1],strict=True))", "list(zip([1],[2,3], [1],strict=True))", "map()", "filter(None, [], x=1)", "map(len, [], x=1)"]:
    try:
        eval(s); print('ok', s)
    except Exception as e:
        print(type(e).__name__, e)
print(list(zip([1, 2], [3, 4], strict=True)))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(Seq())))
class NR:
    __reversed__ = None
try: reversed(NR())
except TypeError as e: print(e)
class R:
    def __reversed__(self): return iter([9, 8])
print(list(reversed(R())))
e = enumerate('ab'); print(next(e), next(e))
z = zip('ab', 'cd'); print(next(z), list(z))
d = dict(enumerate('abc')); print(d)
print(sorted(zip([3, 1, 2], 'cab')))
print(list(map(str, range(3))), '-'.join(map(str, [1, 2])))
