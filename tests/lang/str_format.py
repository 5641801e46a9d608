print(f'{"x":^10}|', '{:>{}}'.format('ab', 6), '{0}{1}{0}'.format('a', 'b'), '{name}!'.format(name='Bob'), '{}-{}'.format(1, 2))
print('%5.2f|%-4d|%r' % (3.14159, 42, 'x'), '%s and %s' % ('a', 'b'), '%(a)s-%(b)d' % {'a': 'x', 'b': 3}, '%%', '%c%c' % (72, 'i'))
print('%x %X %o %#x %#o %e %g %G %.3e' % (255, 255, 8, 255, 8, 12345.678, 0.0001, 1e20, 1.5))
print('%5s|%-5s|%.2s|%05d|%+d|% d|%-+5d|%5.3d' % ('ab', 'ab', 'abc', 42, 5, 5, 5, 7))
print('%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159))
print('{:<5}|{:>5}|{:^5}|{:*^7}|{:.2}|{:5.1}|'.format('a', 'b', 'c', 'd', 'xyz', 'xyz'))
print('{0!r} {0!s} {0!a}'.format('é'), '{0[1]} {1[k]} {2.real}'.format([1, 2], {'k': 'v'}, 3))
print('{{}} {{{}}}'.format(5), format('abc'), format('abc', '>6'), format(3, ''), '{:{}{}}'.format('x', '>', 4))
print('{0:{1}}|'.format('ab', 5), 'x{}y'.format(''), '{:d}'.format(5), '{:5}|{:<5}|'.format(12, 12), '{:05}'.format(-3))
class C:
    def __format__(self, spec):
        return 'C(' + spec + ')'
    def __repr__(self): return 'CR'
    def __str__(self): return 'CS'
print('{}|{:xyz}|{!r}|{!s}'.format(C(), C(), C(), C()), f'{C()!r:>5}', '%s %r' % (C(), C()))
print('{a}'.format_map({'a': 1}))
class D(dict):
    def __missing__(self, k): return k.upper()
print('{x} {y}'.format_map(D(x=1)))
print('%s' % (1,), '%s' % [1, 2], '%d%%' % 50, '%.3s' % 'abcdef', '%-6.2f|' % 2.5, '%i' % 3.7, '%d' % True)
print('%s' % 'x', '%r' % 'x', '%a' % 'é', '%5c|' % 'x', '%x' % -255, '%#X' % 255)
