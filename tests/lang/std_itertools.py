import itertools as it
from itertools import *
print(list(islice(count(), 5)), list(islice(count(2.5, 0.5), 3)), count(), count(5, 2), count(1.5), count(3, 1.0), repr(count(-1)))
c = count(10); next(c); print(c)
print(list(islice(cycle('abc'), 8)), list(cycle([])))
print(list(repeat(1, 3)), repeat('x'), repeat('x', 2), repeat(1, -5), list(repeat(2, 0)))
r = repeat(3, 5); next(r); print(r, r.__length_hint__())
import operator
print(list(accumulate([1,2,3,4])), list(accumulate([1,2,3], operator.mul)), list(accumulate([1,2], initial=10)), list(accumulate([], initial=5)), list(accumulate([3,1,4], max)))
print(list(chain('ab', [1,2], ())), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(compress('ABCDEF', [1,0,1,0,1,1])), list(compress(data=range(5), selectors=[0,1])))
print(list(dropwhile(lambda x: x<5, [1,4,6,4,1])), list(takewhile(lambda x: x<5, [1,4,6,4,1])))
print(list(filterfalse(lambda x: x%2, range(10))), list(filterfalse(None, [0,1,'',2])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1,2,3,4,5,6], key=lambda x: x//3)])
gs = list(groupby('aabb')); print([list(g) for k, g in gs])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)), list(islice(range(10), 1, 8, 3)))
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
print(list(starmap(pow, [(2,5), (3,2), (10,3)])), list(starmap(lambda *a: a, ['ab', [1]])))
a, b = tee(range(5)); print(list(a), list(b))
a, b, c = tee(iter([1,2,3]), 3); next(a); print(list(a), list(b), list(c), type(a).__name__)
x, = tee([1], 1); y = x.__copy__(); print(list(x), list(y))
print(tee([], 0))
big = tee(range(200)); print(sum(big[0]), sum(big[1]))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()), list(zip_longest([1], [], [3,4])))
print(list(product('AB', 'xy')), list(product(range(2), repeat=3))[:4], list(product()), list(product('ab', [])))
print(list(permutations('ABC', 2)), list(permutations(range(3))), list(permutations([], 0)), list(permutations('a', 2)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('ab', 0)), list(combinations('ab', 3)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 0)), list(combinations_with_replacement('', 1)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))))
for f in ['chain(a=1)','islice(range(3))','islice(range(3),1,2,3,4)','combinations(range(3))','permutations(range(3), "a")','count("a")','repeat()','cycle()','cycle(1,2)','starmap(pow)','zip_longest(x=1)','product(x=1)', 'compress(1)', 'accumulate()', 'tee([],-1)','islice([],-1)','islice([],0,1,0)','groupby()','pairwise()','dropwhile(None)', 'combinations("ab", -1)', 'product([1], repeat=-1)', 'zip_longest(1)', 'list(starmap(pow, [1]))', 'chain(1)', 'list(chain([1], 2))', 'islice([], "a")', 'islice([], 1, "a")']:
    try: eval(f)
    except Exception as e: print(f, type(e).__name__, e)
class MyChain(chain): pass
m = MyChain([1], [2]); print(list(m), type(m).__name__)
class C2(count):
    pass
print(C2(3))
def gen():
    yield 1
    raise ValueError('boom')
try: list(tee(gen())[0])
except ValueError as e: print('tee err', e)
it1 = islice(gen(), 1); print(list(it1))
print(type(count()), count.__name__, count.__module__ if hasattr(count, '__module__') else '')
