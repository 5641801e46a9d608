print('a,b,c'.split(sep=',', maxsplit=1), 'a\nb'.splitlines(keepends=True), 'é'.encode(errors='strict', encoding='latin-1'), 'a\tb'.expandtabs(tabsize=2))
print(b'a,b'.split(sep=b','), b'x'.decode(encoding='ascii'), bytes(source=b'q'), str(object='o'))
x = 3.14159; name = 'pith'
print(f'{x=}', f'{x=:.2f}', f'{name!r:>10}', f'{name=!s}', f'{"nested {}":>{12}}', f'{{literal}}', f'{x:{"^"}{10}.{3}}')
print('{:^{w}.{p}}|'.format('abcdef', w=9, p=3), '{0:{0}}'.format(5))
print('%-*.*s|' % (8, 3, 'abcdef'), '%(x).2f' % {'x': 1.23456}, '%3$s' if False else '')
words = 'the quick brown fox jumps over the lazy dog'.split()
print(sorted(set(words)), max(words, key=len), ' '.join(w.capitalize() for w in words))
print('Total: {:>8.2f} EUR | {:<6}|{:^6}|{:06.2f}'.format(12.5, 'ab', 'cd', 3.14159))
print(repr(str(12)), str(-0.0), str(1e100), str(True), str(...), str(NotImplemented), str(int), str(str))
print(' '.join(['%02d' % i for i in range(5)]), '|'.join('%-3s' % c for c in 'abc'))
try:
    b'\xff'.decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
try:
    '\ud800'.encode()
except UnicodeEncodeError as e:
    print(e.encoding, e.start, e.end, e.reason, repr(e.object))
import sys
print(sys.getsizeof('') , sys.getsizeof('abc'), sys.getsizeof('é'))
print('ab' < 'abc' < 'b', sorted(['b', 'B', 'a', 'A']), 'a'.__lt__(1), 'a'.__eq__(1))
print(bytes.fromhex('00ff').hex(), bytearray.fromhex('61 62'), b'abc'.hex('-'), bytes([1,2]) + bytearray(b'\x03'), bytearray(b'x') + b'y')
for t in ["'\\ud800'.encode('utf-16')", "'\\ud800'.encode('utf-16-be')", "'\\ud800'.encode('utf-32')", "b'\\x00\\xd8'.decode('utf-16')", "b'\\x00\\xd8a\\x00'.decode('utf-16')","b'\\x00\\xdc'.decode('utf-16-le')", "b'\\x00\\x00\\x11\\x00'.decode('utf-32')", "b'ab\\x00'.decode('utf-32')", "'a😀'.encode('utf-16')", "'a😀'.encode('utf-32-be')", "b'\\xfe\\xff\\x00a'.decode('utf-16')", "b'\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00'.decode('utf-32')", "'\\ud800'.encode('utf-16', 'replace')", "b'\\x00\\xd8a\\x00'.decode('utf-16', 'replace')", "b'a'.decode('utf-16')", "b'a\\x00b'.decode('utf-16')", "b'\\x00\\xd8\\x00\\xdc'.decode('utf-16')", "b'\\x00\\xd8\\x00\\xdc'.decode('utf-16-be')", "'ab'.encode('utf-16-le')", "'ab'.encode('utf_32')", "b'\\xff\\xfe'.decode('utf-16')", "b''.decode('utf-32')", "b'\\x00\\x00\\xd8\\x00'.decode('utf-32-be')"]:
  try: print(t, repr(eval(t)))
  except Exception as e: print(t, type(e).__name__, e)
b'\xc3'.decode()
