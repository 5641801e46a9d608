# re matching: groups, named groups, backrefs, lookaround, greedy/lazy/
# possessive repeats, atomic groups, alternation, anchors, flags, scanner.
import re

def show(pat, s, flags=0):
    p = re.compile(pat, flags)
    m = p.search(s)
    if m is None:
        print(repr(pat), repr(s), None)
        return
    print(repr(pat), repr(s), m.span(), m.group(), m.groups(), m.lastindex, m.lastgroup)

for pat, s in [
    (r'(a)(b)?', 'ab'), (r'(a)(b)?', 'ac'), (r'(?P<x>\w+)\s+(?P<y>\w+)', 'hello world'),
    (r'a|b|c', 'xxc'), (r'(?:ab)+', 'ababab'), (r'(?:ab)+?', 'ababab'),
    (r'(a|ab)(c|bcd)(d*)', 'abcd'), (r'\bfoo\b', 'a foo b'), (r'\Bo\B', 'foo'),
    (r'^abc$', 'abc'), (r'(?m)^b', 'a\nb'), (r'(?s)a.b', 'a\nb'), (r'a.b', 'a\nb'),
    (r'(\d+)-(\d+)', 'tel 123-456'), (r'(a)\1', 'xaa'), (r'(?P<q>[\'"]).*?(?P=q)', 'say "hi" ok'),
    (r'(?<=a)b', 'ab'), (r'(?<!a)b', 'ab cb'), (r'(?<=\d{3})x', '12x 123x'),
    (r'(?=abc)a', 'xabc'), (r'(?!abc)a', 'abc abd'),
    (r'a*+a', 'aaa'), (r'a*a', 'aaa'), (r'(?>a*)a', 'aaa'), (r'(?>a|ab)c', 'abc'),
    (r'(?:a|b)*+c', 'ababc'), (r'(?:ab|a)++b', 'abab'), (r'x{2,3}', 'xxxxx'), (r'x{2,3}?', 'xxxxx'),
    (r'x{2}', 'x xx'), (r'x{,2}y', 'xxxy'), (r'(a)?(?(1)b|c)', 'c'), (r'(a)?(?(1)b|c)', 'ab'),
    (r'(?P<n>a)?(?(n)b)c', 'bc'), (r'[^abc]+', 'abcdefabc'), (r'[\d\s]+', 'a1 2 3b'), (r'\W+', 'ab, cd'),
    (r'(a*)*', 'aaa'), (r'(a*)+b', 'aaab'), (r'(a|b)*?c', 'abac'), (r'((a)|b)+', 'ab'),
    (r'(?:(a)|b)*', 'ab'), (r'(?:(a)|(b))+', 'abab'), (r'(a?)*?b', 'aab'), (r'(?:x(a)?)*y', 'xaxy'),
    (r'\Aa\Z', 'a'), (r'a$', 'a\n'), (r'a\Z', 'a\n'), (r'$', 'ab\n'), (r'(?m)a$', 'a\nb'),
    (r'[a-f]+', 'xdeadbeefx'), (r'[-a]+', 'a-a'), (r'[]a]+', ']a]'), (r'[\]]', ']'),
    (r'(?x) a  b  # comment', 'ab'), (r'\x41\u0042\U00000043\101', 'ABCA'),
    (r'(?i:a)b', 'Ab AB'), (r'a(?-i:b)', 'aB Ab'), (r'(?i)hello', 'say HeLLo'),
    (r'😀+', 'x😀😀y'), (r'[😀-😂]', 'a😁'), (r'.', '\U0010ffff'), (r'\d+', 'x٣٤٥y'),
    (r'(?a)\d+', 'x٣٤5y'), (r'\w+', 'héllo wörld'), (r'(?a)\w+', 'héllo'),
    (r'(?:)', ''), (r'a??b', 'ab'), (r'(?:a{2})*', 'aaaaa'), (r'(a)(?:b(c)|bd)', 'abd'),
]:
    show(pat, s)

p = re.compile(r'(?P<word>\w+)(?P<sep>\W)?')
m = p.match('Jane, Doe')
print(m, m.re is p, m.string, m.pos, m.endpos)
print(m.group(), m.group(0), m.group(1), m.group('sep'), m.group(1, 'word', 2), m[0], m['word'])
print(m.groups(), m.groupdict(), m.span(), m.span(1), m.start(2), m.end('word'), m.regs)
m = p.match('Jane')
print(m.groups(), m.groups('-'), m.groupdict(), m.groupdict(default=0), m.span(2), m.lastgroup, m.lastindex)
print(p.groups, p.groupindex, p.pattern, p.flags)
print(re.compile('x').flags, re.compile(b'x').flags, re.compile('x', re.I | re.M).flags)

# match, fullmatch, search with pos/endpos
p = re.compile(r'\w+')
print(p.match('ab cd', 3), p.match('ab cd', 2), p.search('ab cd', 1, 4), p.fullmatch('ab cd', 3))
print(p.fullmatch('abc', 0, 2), re.fullmatch(r'a|ab', 'ab'), re.match(r'(?:a|ab)$', 'ab'))
print(re.compile('^b').search('ab', 1), re.compile(r'(?<=a)b').search('ab', 1))
print(re.compile('$').search('ab', 0, 1), re.compile('').match('abc', 2, 1))
print(p.match(string='xy', pos=1), p.search('a b c', endpos=3))

# findall / finditer
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)=(\d)', 'a=1 b=2 c'), re.findall(r'(a)(b)?', 'ab a'))
print(re.findall('', 'abc'), re.findall(r'\b', 'ab cd'), re.findall(r'(a)|b', 'ab'))
print([m.span() for m in re.finditer(r'a*', 'baac')], type(re.finditer('a', 'a')).__name__)
print([(m.start(), m.group()) for m in re.compile(r'\w+').finditer('one two  three', 1, 12)])

# scanner
sc = re.compile(r'\d').scanner('1a2')
print(sc.match(), sc.match(), sc.match(), sc.pattern)
sc = re.compile(r'\d').scanner('a1b2')
print(sc.search(), sc.search(), sc.search())
s = re.Scanner([(r'\d+', lambda s, t: int(t)), (r'\s+', None), (r'[a-z]+', lambda s, t: t.upper())])
print(s.scan('12 ab 3 cd!x'))

# IGNORECASE over Unicode, ASCII mode
for pat, s in [('(?i)straße', 'STRASSE'), ('(?i)ΣΑΣ', 'σας'), ('(?i)[α-ω]+', 'xΑΒΓx'),
               ('(?i)k', '\u212a'), ('(?i)\u212a', 'K'), ('(?i)ſ|s', 'Sſ'), ('(?i)[ſ]+', 'sSſ'),
               ('(?i)ﬅ', 'ﬆ'), ('(?i)I', 'ı'), ('(?i)i', 'İ'), ('(?i)İ', 'i'), ('(?i)µ', 'Μ'),
               ('(?ia)k', '\u212a'), ('(?i)[k-m]+', 'KLM\u212a'), ('(?i)é', 'É'), ('(?ia)é', 'É'),
               (r'(?i)(a)\1', 'aA'), (r'(?i)(ß)\1', 'ßẞ'), ('(?i)[^a]', 'A'), ('(?i)ǆ', 'ǅ')]:
    show(pat, s)

# bytes patterns
print(re.findall(rb'\w+', b'hello world'), re.match(b'(?i)ABC', b'abc'))
print(re.search(rb'\d+', bytearray(b'ab123')), re.match(b'a', memoryview(b'abc')).group())
print(re.fullmatch(b'.*', bytearray(b'xyz')).group(), re.findall(rb'\w', bytes(range(40, 130))))
print(re.findall(rb'(?i)[a-c\xe0]', bytes(range(60, 256, 3))), re.match(rb'\s+', b' \t\n\x0b\x0c\r\x1c'))
print(re.match(rb'(?L)\w+', b'ab_9'), re.compile(rb'\d+(?P<n>x)').match(b'12x').groupdict())

# pathological but terminating
print(re.match(r'(a+)+$', 'a' * 16 + 'b'), re.match(r'(x+x+)+y', 'x' * 12))
print(re.match(r'(?:a|b)*', 'ab' * 100000).end(), len(re.findall(r'a', 'a' * 100000)))
print(re.match(r'(?:(a)|b)*c', 'ab' * 50000 + 'c').span(1), re.search(r'x(?=y)', 'x' * 50000 + 'y').start())
print(re.match(r'.*?z', 'a' * 100000 + 'z').end(), re.match(r'(?:.|\n)*?q', 'ab\n' * 30000 + 'q').end())

# object protocol
p = re.compile(r'(?P<a>x)(y)?')
print(p == re.compile(r'(?P<a>x)(y)?'), p != re.compile(r'(?P<a>x)(y)?', re.I), p == 'x')
print(hash(p) == hash(re.compile(r'(?P<a>x)(y)?')), re.compile('a') == re.compile(b'a'))
import copy
print(copy.copy(p) is p, copy.deepcopy(p) is p, copy.copy(p.match('x')).span())
print(re.Pattern, re.Match, re.Pattern[str], re.Match[bytes], type(sc).__name__)
print(re.compile('a' * 300))
print(re.match('.*', 'z' * 100))
print(re.compile('a', re.I | re.S), re.compile(b'x', re.M), re.compile('(?u)a'), re.compile('x', re.A | re.I))
print(re.compile(b'a', re.L | re.I), re.compile('(?x)a'), re.compile('a', re.U), re.compile(b'a'))
print(re.IGNORECASE, re.I | re.M, repr(re.NOFLAG), re.compile('a', 1 << 12))
