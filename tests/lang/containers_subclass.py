class D(dict):
    def __missing__(self, k): return k * 2
d = D(a=1); print(d['a'], d['zz'], d, type(d).__name__, isinstance(d, dict))
class L(list): pass
l = L([3, 1, 2]); l.sort(); print(l, type(l).__name__, l + [4], len(l))
class T(tuple): pass
t = T((1, 2)); print(t, type(t).__name__, t[0], len(t))
class S(set): pass
s = S([1, 2]); print(s, s | {3}, type(s | {3}).__name__)
class F(frozenset): pass
print(F([1]), repr(F()))
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'K(%r)' % self.v
print(sorted([K(3), K(1), K(2)]), max([K(3), K(5)]))
class E:
    def __eq__(self, o): return True
    def __hash__(self): return 1
print(E() in [1], [1, 2].count(E()), len({E(): 1, E(): 2}))
try: sorted([1, 'a'])
except TypeError as e: print(e)
try: [3, 1].sort(key=lambda x: 1 / 0)
except ZeroDivisionError as e: print(e)
x = [3, 2, 1]
def bad(v):
    x.append(v); return v
try: x.sort(key=bad)
except ValueError as e: print(e, x)
try: [].pop()
except IndexError as e: print(e)
try: [1].pop(5)
except IndexError as e: print(e)
try: [1].remove(2)
except ValueError as e: print(e)
try: [1].index(2)
except ValueError as e: print(e)
try: [1][5]
except IndexError as e: print(e)
try:
    z = [1]; z[5] = 2
except IndexError as e: print(e)
try: [1] + (2,)
except TypeError as e: print(e)
try: [1][str(1)]
except TypeError as e: print(e)
try: hash([])
except TypeError as e: print(e)
try: list(1)
except TypeError as e: print(e)
try: list(1, 2)
except TypeError as e: print(e)
try: [1].insert(1)
except TypeError as e: print(e)
try: [].sort(1)
except TypeError as e: print(e)
try: [] * 'a'
except TypeError as e: print(e)
try: {}['x']
except KeyError as e: print(repr(e))
try: dict(1)
except TypeError as e: print(e)
try: {}.get()
except TypeError as e: print(e)
try: {1: 2}.update(1, 2)
except TypeError as e: print(e)
try: set(1)
except TypeError as e: print(e)
try: {1} < [1]
except TypeError as e: print(e)
try: {1} | [1]
except TypeError as e: print(e)
try: {}.fromkeys()
except TypeError as e: print(e)
try: tuple(1, 2)
except TypeError as e: print(e)
print(l.__class__, [].__len__(), [1, 2].__getitem__(0), list.__name__, dict.fromkeys.__name__)
print([1, [2, [3]]] == [1, [2, [3]]], (1, (2,)) < (1, (3,)))
a = [1, 2]; b = a; a += [3]; print(a is b, b)
c = (1,); e = c; c += (2,); print(c is e, e)
print(list.__doc__ is None or 'ok')
