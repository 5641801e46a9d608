d = {'a': 1, 'b': 2}
d['c'] = 3; d['a'] = 10; del d['b']; d['b'] = 20
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get('a'), d.get('z'), d.get('z', 5), 'a' in d, 'z' in d, d.setdefault('e', []), d)
print(d.pop('a'), d.pop('zz', None), d.popitem(), d)
try: d.pop('qq')
except KeyError as e: print(repr(e))
try: d[(1, 2)]
except KeyError as e: print(repr(e), e)
try: {}.popitem()
except KeyError as e: print(e)
d2 = dict(a=1, b=2); print(d2, dict([(1, 2), [3, 4]]), dict({1: 2}, x=5), dict(zip('abc', range(3))))
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0))
d3 = {}
for i in range(100): d3[i] = i * i
for i in range(0, 100, 3): del d3[i]
for i in range(0, 100, 6): d3[i] = -i
print(list(d3.items())[:10], len(d3), sum(d3.values()))
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {} == {})
x = {1: 'a'}; x.update({2: 'b'}); x.update([(3, 'c')]); x.update(k=4); print(x)
print({1: 2} | {3: 4}, end=' '); y = {1: 2}; y |= {1: 5, 6: 7}; print(y)
print(d.keys(), d.values(), d.items(), {}.keys())
print(list(reversed({1: 2, 3: 4})), list(reversed({1: 2, 3: 4}.items())))
k = {1: 1, 2: 2, 3: 3}.keys()
print(k & {2, 3, 4}, k | {9}, k - {1}, k ^ {1, 7}, {2, 5} & k, k == {1, 2, 3}, k < {1, 2, 3, 4}, 2 in k)
print({1: 2}.items() & {(1, 2)}, (1, 2) in {1: 2}.items(), (1, 3) in {1: 2}.items())
r = {}; r[1] = r; print(r)
try:
    for kk in d3: d3[1000 + kk] = 1
except RuntimeError as e: print(e)
try: dict([(1, 2, 3)])
except ValueError as e: print(e)
try: dict([1])
except TypeError as e: print(e)
try: {[]: 1}
except TypeError as e: print(e)
try: hash({})
except TypeError as e: print(e)
print({1: 1, 1.0: 2, True: 3})
print(dict({'x': 1}.items()))
c = d3.copy(); print(c == d3, c is d3)
c.clear(); print(c, len(c))
print({i: str(i) for i in range(5)})
print(str({'a': [1, {'b': (2,)}]}))
m = {}
for w in "the quick brown fox jumps over the lazy dog the end".split(): m[w] = m.get(w, 0) + 1
print(m)
print(sorted(m.items(), key=lambda kv: (-kv[1], kv[0])))
