l = list(range(10))
l[5:2] = ['x']; print(l)
del l[:]; print(l)
l = list(range(6)); l[::-1] = l; print(l)
l = list(range(6)); l[1:5:2] = (9, 8); print(l)
l = list(range(6)); del l[::-2]; print(l)
l = list(range(6)); del l[-2:-10:-1]; print(l)
l = list(range(6)); l[-100:2] = []; print(l)
l = [1, 2, 3]; l[1:1] = 'ab'; print(l)
l = [1, 2, 3]; l[len(l):] = range(2); print(l)
try: l[0:1] = 5
except TypeError as e: print(e)
try: l[::2] = 5
except TypeError as e: print(e)
d = {1: 1, 2: 2}
try:
    for k in d: del d[k]; d[k + 10] = 0
except RuntimeError as e: print(e)
d = {i: i for i in range(10)}
for i in range(5): del d[i]
d[0] = 'new'; print(d, d.popitem(), d.popitem(), d)
d[99] = 1; print(list(d))
x = {}; x['a'] = x.keys(); print(x)
v = {1: 2}; print(v.values(), v.items(), repr({}.items()))
s = {1, 2}
try:
    for e in s: s.discard(e); s.add(e + 100)
except RuntimeError as e: print(e)
print(list(reversed([])), list(reversed(range(0))))
print([] == [], [1] == [1.0], (1, 2) == [1, 2], {} == dict(), set() == frozenset())
print([1, 2, 3].index(3, -1), [1, 2, 3].index(1, 0, 1), (1, 2, 3).index(2, 1, 5))
try: [1, 2, 3].index(1, 1)
except ValueError as e: print(e)
print({1: 'a'}.keys() | [2], {1: 'a'}.keys() & [1], {1, 2} - {1: 2}.keys(), [1, 2] - {1: 'a'}.keys() if False else 0)
print({1: 2}.items() | {(3, 4)}, {1: 2}.keys().isdisjoint([2]), {1: 2}.keys() == {1: 3}.keys())
print(tuple(reversed((1, 2, 3))), list(zip(range(3), reversed(range(3)))))
print(list.__reversed__([1, 2]), end=' ') if False else print()
print(sum([[1], [2]], []), max([3, 1, 2]), min((4, 2)), sorted({3: 1, 1: 2}))
print(len(range(0, 10, 3)), range(0, 10, 3)[-1], range(5)[::2][1], list(range(10)[::-3]))
print(3 in range(0, 10, 3), 4 in range(0, 10, 3), True in range(2), -1 in range(-5, 0))
print(range(5).index(True))
e = enumerate([5, 6]); print(list(e), list(e))
print(dict(zip('ab', [1, 2]), c=3))
print([x for x in filter(lambda v: v > 1, {1: 0, 2: 0, 3: 0})])
print({**{1: 2}, **{3: 4}}, [*range(3), *'ab'], (*[1], 2), {*'aa', *'b'} == {'a', 'b'})
