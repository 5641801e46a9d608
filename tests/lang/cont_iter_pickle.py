# __reduce__/__setstate__/__length_hint__ of the builtin iterators, as used
# by pickle and copy.
import sys
cases = [iter([1,2,3]), iter((1,2)), iter('abc'), iter(b'ab'), iter(bytearray(b'ab')), iter(range(5)), iter(range(2**70, 2**70+3)),
         iter({1:2}), iter({1:2}.values()), iter({1:2}.items()), iter({1,2}), iter(frozenset()), reversed([1,2]), reversed({1:2}),
         reversed({1:2}.items()), iter(memoryview(b'ab')) if sys.version_info else 0, enumerate('a'), zip('a'), map(str,'a'), filter(None,'a'),
         reversed(range(3)), reversed('ab')]
for it in cases:
    t = type(it).__name__
    print(t, sorted(n for n in dir(it) if n in ('__reduce__','__setstate__','__length_hint__','__class_getitem__')))
    try:
        next(it)
        r = it.__reduce__()
        print(' ', type(r[0]).__name__, getattr(r[0], '__name__', None), [type(x).__name__ for x in r[1]], r[2:])
    except Exception as e:
        print(' ', type(e).__name__, e)
    try:
        print(' ', it.__length_hint__())
    except Exception as e:
        print(' ', type(e).__name__, e)

import copy
for it in (iter([1, 2, 3]), iter((4, 5)), iter('xyz'), iter(range(3)), reversed([7, 8]), enumerate('ab'), zip('ab', 'cd'), map(abs, [-1, -2]), filter(None, [0, 1, 2])):
    next(it)
    c = copy.copy(it)
    print(type(it).__name__, list(c), list(it))
for seq in ([1, 2, 3], (1, 2, 3), 'abc', b'abc', range(3), range(2**70, 2**70 + 3)):
    for st in (-5, 0, 1, 2, 3, 10):
        it = iter(seq)
        it.__setstate__(st)
        print(type(it).__name__, st, list(it))
for st in (-5, -1, 0, 1, 5):
    r = reversed([1, 2, 3]); r.__setstate__(st); print('listrev', st, list(r))
    r = reversed('abc'); r.__setstate__(st); print('reversed', st, list(r))
it = iter([1, 2]); list(it); it.__setstate__(0); print(list(it))
d = {1: 2, 3: 4}; it = iter(d); next(it); print(it.__reduce__()[1], list(it))
s2 = {5}; it = iter(s2); print(it.__reduce__()[1], list(it))
z = zip([1], [2], strict=True); print(z.__reduce__()[2]); z.__setstate__(False); print(len(z.__reduce__()))
e = enumerate([], 2**70); print(e.__reduce__()[1][1])
