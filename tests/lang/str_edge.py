tests = ["'{:abc}'.format(1)", "format(1.5, 'abc')", "f'{1:abc}'", "format(True, 'abc')", "'{:,s}'.format('a')", "'{:__}'.format(1)", "'{:,_}'.format(1)",
 "'abc'.zfill()", "'abc'.center()", "'a'.strip(1, 2)", "'a'.split(maxsplit='x')", "'a'.encode(encoding='ascii', foo=1)",
 "'a'.join()", "str.join('a')", "'a'.find()", "'a'.find('a', 'x')", "'abc'.count('a', None, None)", "'abc'.find('c', -1)", "'abc'.index('c', None, -1)",
 "'a'.replace('a', 'b', 'c')", "'a'.expandtabs(tabsize=2)", "'a' * (1 << 62)", "'a'.ljust(-5)", "chr(0x110000)", "'%d' % 2**70", "'%x' % 2**70",
 "'%.2f' % 2**70", "'%s' % b'x'", "str(b'\\xff\\xfe', 'ascii', 'replace')", "'😀'.encode('utf-8', 'strict')", "'\\ud800'.encode('utf-8', 'surrogatepass')",
 "b'\\xed\\xa0\\x80'.decode('utf-8', 'surrogatepass')", "b'\\xed\\xa0\\x80'.decode()", "b'\\xf0\\x9f\\x98'.decode('utf-8', 'replace')", "b'\\x80abc'.decode('utf-8','ignore')",
 "'x'.encode('UTF-8'), 'x'.encode('Latin_1'), 'x'.encode('US-ASCII'), 'é'.encode('utf_8')", "b'x'.decode('utf-16')",
 "'abc'.translate({97: 'xx', 98: 1000, 99: None})", "'abc'.translate({97: 1.5})", "'abc'.translate({97: -1})", "str.maketrans({1: 'a', 'b': None})",
 "'%s %s' % ('a',)", "'%(a)s' % {'b': 1}", "'%z' % 1", "'%\\u20ac' % 1", "'{0:{1}}'.format(1, '{}')", "'a'.__format__(1)", "'a'.__mod__(1)", "'%s'.__rmod__('x')",
 "'ab'[True]", "'ab'[-3]", "'ab'[2**70]", "'abc'[::0]", "'abc'[None:None:-1]", "b'abc'[::0]", "str(object=1)", "str(errors='strict')", "str(b'x', encoding='bad')",
]
for t in tests:
    try:
        r = eval(t)
        print(t, '->', repr(r))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
