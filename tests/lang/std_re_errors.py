# re.error messages from the pure-Python parser, and TypeErrors/IndexErrors
# raised by the native Pattern and Match objects.
import re

for bad in ['(', 'a)', '[a', 'a**', '(?P<1>a)', r'\1', '(?<=a+)b', 'a{2,1}', '(?z)', r'\p',
            '(?P<a>x)(?P<a>y)', '(?P=b)', '*a', 'a{1,2}{3}', '(?i', '[z-a]', '(?<a)', '\\',
            '(?(2)a|b)', 'a\n(', '(?P<x', '(?#unterminated', r'[\d-z]', '(?', 'x++*']:
    try:
        re.compile(bad)
        print('ok', repr(bad))
    except re.error as e:
        print('error:', e, '|', repr(e.msg), e.pos, e.lineno, e.colno)
try:
    re.compile(b'(')
except re.error as e:
    print(e, repr(e.pattern))

p = re.compile(r'(?P<a>x)(y)?')
m = p.match('x')
for f in [lambda: p.match(), lambda: p.match('x', 'a'), lambda: p.match(5),
          lambda: p.sub(), lambda: re.compile(b'a').search('a'), lambda: p.search(b'x'),
          lambda: m.group(3), lambda: m.group('zz'), lambda: m.group(-1), lambda: m.group([]),
          lambda: m.group(1.0), lambda: m.start(1, 2), lambda: m['nope'], lambda: m.span('a'),
          lambda: re.Match(), lambda: re.Pattern(), lambda: m.groups(1, 2), lambda: p.findall(None),
          lambda: re.match('(a)|b', 'b').span(1), lambda: p.match('x', pos=2**70),
          lambda: p.scanner(3), lambda: re.compile(5), lambda: re.compile('a', flags='x'),
          lambda: p.match('x', nope=1), lambda: m.group(True), lambda: m.start(), lambda: m.end(2)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
