class It:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(It(3)), sum(It(4)), 2 in It(3), 9 in It(3))
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), list(reversed([1,2])))
for x in Seq(): print(x, end=' ')
print()
class Rev:
    def __reversed__(self): return iter('cba')
print(list(reversed(Rev())))
class SeqLen(Seq):
    def __len__(self): return 3
print(list(reversed(SeqLen())))
try:
    reversed(Seq())
except TypeError as e:
    print(e)
class Cont:
    def __contains__(self, x): return x == 'k'
print('k' in Cont(), 'j' in Cont(), 'j' not in Cont())
try:
    1 in 5
except TypeError as e:
    print(e)
try:
    iter(5)
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
class NoIter:
    __iter__ = None
try:
    iter(NoIter())
except TypeError as e:
    print(e)
try:
    next(5)
except TypeError as e:
    print(e)
it = iter(Seq())
print(next(it), next(it), next(it), next(it, 'done'))
class CallIt:
    def __init__(self): self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(CallIt(), 4)))
class Ctr:
    def __call__(self, *a, **k): return a, k
print(Ctr()(1, 2, x=3), callable(Ctr()), callable(Ctr), callable(1))
try:
    object()()
except TypeError as e:
    print(e)
class CM:
    def __init__(self, sup): self.sup = sup
    def __enter__(self): print('enter'); return 'val'
    def __exit__(self, t, v, tb):
        print('exit', t.__name__ if t else None, v)
        return self.sup
with CM(False) as v: print('body', v)
with CM(True): raise ValueError('hidden')
try:
    with CM(False): raise KeyError('k')
except KeyError as e:
    print('caught', repr(e))
class NoEnter:
    def __exit__(self, *a): pass
try:
    with NoEnter(): pass
except TypeError as e:
    print(e)
class NoExit:
    def __enter__(self): pass
try:
    with NoExit(): pass
except TypeError as e:
    print(e)
