# unicode-heavy checks
import sys
s = 'Straße ΣΊΣΥΦΟΣ İstanbul ǅemal ﬃ'
for m in ('upper', 'lower', 'title', 'capitalize', 'swapcase', 'casefold'):
    print(m, getattr(s, m)())
print('ΑΣ.'.lower(), 'Σ'.lower(), 'aΣb'.lower(), 'aΣ'.lower(), "a'Σ".lower(), 'ΑΣ\u0301'.lower())
print([c.isalpha() for c in 'aé1_😀'], [c.isprintable() for c in '\u00ad\u200b\u2028 a'], '٣'.isdecimal(), '𝟘'.isdigit())
print('x'.center(6, 'é'), 'é'.ljust(3, '😀'), '%s|%5s|' % ('é', '😀'), '{:😀^7}'.format('é'))
print(repr('😀'[0]), '😀😀'.find('😀', 1), 'aé😀'.encode('utf-8'), len('aé😀'.encode()), 'é😀'.encode('utf-16') if False else '')
print(ascii('é😀\n'), repr('\U0001F600\u0300'), '\u0300'.isprintable())
print(sorted(['b', 'a', 'é', 'Z', '😀', '']), max('abc'), min('é😀'))
d = {'é': 1, 'x': 2}; print(d['é'], 'é' in d, {'a' + 'b': 1}['ab'])
print('a😀b'.split('😀'), 'a😀b'.replace('😀', 'é'), 'é😀'[::-1], 'xyz'.index('z'), 'aé' * 3, 'é'.join(['1', '😀']))
print(str(3.5), str([1, 'a']), str(None), '%.3f' % 2, f'{3.14159:.2f}', f'{42:>8}|{"é":<3}|')
print('abc'.__len__(), 'abc'.__contains__('b'), 'a'.__add__('b'), 'ab'.__mul__(2), 'abc'.__getitem__(1))
print(hash('é') == hash('é'), 'x'.__hash__() == hash('x'), 'é' == 'é')
