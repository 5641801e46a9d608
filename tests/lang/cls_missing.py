class D(dict):
    def __missing__(self, k):
        self[k] = len(k)
        return 'miss:' + k
d = D(a=1)
print(d['a'], d['xyz'], d, d.get('q'), 'q' in d)
class Counter(dict):
    def __missing__(self, k): return 0
c = Counter()
for ch in 'abca': c[ch] = c[ch] + 1
print(sorted(c.items()))
class NoMiss(dict): pass
try:
    NoMiss()['k']
except KeyError as e:
    print(repr(e))
class Raise(dict):
    def __missing__(self, k): raise LookupError('custom ' + k)
try:
    Raise()['z']
except LookupError as e:
    print(repr(e))
print(type(D(a=1).copy()).__name__)
