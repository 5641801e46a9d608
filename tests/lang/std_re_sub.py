# re.sub/subn/split with strings, templates (\1, \g<name>, escapes),
# callables and counts; Match.expand; re.escape.
import re

print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world foo bar'))
print(re.sub(r'(?P<a>\w+)', r'<\g<a>>', 'x yz'), re.sub(r'(?P<w>\w)', r'\g<0>\g<w>\g<1>', 'ab'))
print(re.sub(r'a', lambda m: m.group().upper(), 'banana'), re.sub('a', lambda m: None, 'aba'))
print(re.sub(r'(\d+)', lambda m: str(int(m.group(1)) * 2), 'a1 b22 c333'))
print(re.subn(r'a*', '-', 'baac'), re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'))
print(re.sub('b*', 'X', 'abbc'), re.subn('(?:)', '', 'xy'), re.sub('a', 'b', 'aaaa', count=2))
print(re.sub('a', 'b', 'aaa', -1), re.subn('z', 'y', 'abc'), re.sub('a', 'x', ''))
print(re.sub('a', r'\n\t\\', 'a') == '\n\t\\', re.sub('a', r'\101\0', 'a') == 'A\0')
print(re.sub('(a)|b', r'[\1]', 'ab'), re.sub('(?P<n>a)', r'\g<n>\g<n>', 'cab'))
print(re.sub(b'(a)', rb'[\1]', bytearray(b'banana')), re.sub(rb'o', b'0', b'foo'))
print(re.sub(b'(o)', lambda m: m.group(1).upper(), b'foo'), re.sub(b'o', lambda m: bytearray(b'Q'), b'foo'))
print(re.compile(r'\s+').sub(' ', 'a  b\t\tc\n d'), re.compile('a').subn('b', 'aXa', 1))

print(re.split(r'\s*', 'a b  c'), re.split(r'(,)', 'a,b,c', maxsplit=1), re.split(r'x*', 'axbc'))
print(re.split('(a)|b', 'xaybz'), re.split('a', 'banana', -1), re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words.'), re.split(r'\W+', 'Words, words, words.', 1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE), re.split(r'\b', 'a b'), re.split(b'-', b'1-2--3'))
print(re.compile(r'(-)?\d').split('1-2 3'))

m = re.match(r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe')
print(m.expand(r'\g<last>, \g<first>'), m.expand(r'\2-\1'), m.expand('plain'), m.expand(r'\g<0>!'))
m = re.match(rb'(a)(b)?', b'ab')
print(m.expand(rb'\2\1'), re.match('(a)(b)?', 'a').expand(r'[\2]'))

print(re.escape('a.b*c?d[e]f(g)h{i}j|k\\l^m$n o\tp-q#r&s~t'), re.escape(b'a.b\x00 c'))
print(re.escape('\u00e9\u212a_9'), re.match(re.escape('1+1=2?'), '1+1=2?'))

for f in [lambda: re.sub('(a)', r'\2', 'a'), lambda: re.sub('(a)', r'\g<b>', 'a'),
          lambda: re.sub('(a)', r'\g<1', 'a'), lambda: re.sub('a', r'\q', 'a'),
          lambda: re.sub('a', lambda m: 5, 'a'), lambda: re.sub(b'a', 'x', b'a'),
          lambda: re.sub('a', b'x', 'a'), lambda: re.match('(a)', 'a').expand(r'\3'),
          lambda: re.compile('a').split('a', maxsplit='x'), lambda: re.sub('a', 'b', 5),
          lambda: re.sub('a', r'\g<-1>', 'a'), lambda: re.sub('(?P<n>a)', r'\g<m>', 'a')]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
