# Differential check of many small expressions about builtin types, builtin
# functions and exceptions (object model issue). Each line is evaluated; its
# repr or the exception type and message is printed. Expected output from
# CPython 3.11.
import sys


def show(v):
    r = repr(v)
    if ' at 0x' in r:
        r = '<%s object>' % type(v).__name__
    return r


CASES = r"""
# ---- OSError family and characters_written
OSError(1, 'x').characters_written
BlockingIOError(11, 'm', 3).characters_written
BlockingIOError(11, 'm', 3).args
BlockingIOError(11, 'm', 3).filename
str(BlockingIOError(11, 'm', 3))
BlockingIOError(11, 'm', 'f').args
BlockingIOError(11, 'm', 'f').filename
str(BlockingIOError(11, 'm', 'f'))
BlockingIOError(11, 'm', None).args
BlockingIOError(11, 'm', 3.5)
BlockingIOError(11, 'm', 2**70)
BlockingIOError(11, 'm', 3, 4, 5).filename2
BlockingIOError(11, 'm', 3, 4, 5).characters_written
str(OSError(2, 'No such file', 'a', None, 'b'))
OSError(2, 'No such file', 'a', None, 'b').args
OSError(2, 'nf', 'a', None, None).filename2
type(OSError(2, 'nf'))
type(OSError(13, 'perm'))
type(OSError(11, 'again'))
type(OSError(999, 'unknown'))
type(OSError(2, 'nf', 'f', 4, 5, 6))
OSError(2, 'nf', 'f', 4, 5, 6).errno
OSError().errno
OSError('just one').strerror
str(OSError('just one'))
str(OSError(5, 'io'))
repr(OSError(5, 'io', 'file'))
OSError.characters_written.__name__
'characters_written' in dir(OSError)
'characters_written' in dir(FileNotFoundError)
hasattr(OSError(1, 'x'), 'characters_written')
# ---- exception groups
ExceptionGroup[int]
BaseExceptionGroup[int, str]
ExceptionGroup.__module__
'__weakref__' in ExceptionGroup.__dict__
'__module__' in dir(ExceptionGroup)
ExceptionGroup('eg', [ValueError(1)]).exceptions
repr(ExceptionGroup('eg', [ValueError(1), TypeError(2)]))
str(ExceptionGroup('eg', [ValueError(1), TypeError(2)]))
ExceptionGroup('eg', [ValueError(1), TypeError(2)]).split(ValueError)[0].exceptions
ExceptionGroup('eg', [ValueError(1), TypeError(2)]).subgroup(TypeError).exceptions
ExceptionGroup('eg', [ValueError(1)]).subgroup(KeyError)
type(BaseExceptionGroup('x', [KeyboardInterrupt()]))
type(BaseExceptionGroup('x', [ValueError()]))
ExceptionGroup('x', [KeyboardInterrupt()])
ExceptionGroup('x', [])
ExceptionGroup('x', None)
ExceptionGroup(1, [ValueError()])
# ---- other exception attributes
KeyError('k').args
str(KeyError('k'))
str(KeyError())
str(KeyError(1, 2))
repr(KeyError('a'))
StopIteration(3).value
StopIteration().value
StopIteration(1, 2).value
SystemExit(4).code
SystemExit().code
SystemExit(1, 2).code
ImportError('m', name='n', path='p').name
ImportError('m', name='n', path='p').path
ImportError('m', bad=1)
str(ImportError('m', name='n'))
NameError('x', name='y').name
AttributeError('x', name='n', obj=3).obj
SyntaxError('msg', ('f.py', 1, 2, 'text', 1, 4)).offset
SyntaxError('msg', ('f.py', 1, 2, 'text', 1, 4)).end_offset
str(SyntaxError('msg', ('f.py', 1, 2, 'text', 1, 4)))
str(SyntaxError('msg'))
SyntaxError('msg', 'bad').args
UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte').reason
str(UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte'))
str(UnicodeEncodeError('ascii', '\xe9', 0, 1, 'ordinal not in range(128)'))
str(UnicodeTranslateError('\xe9', 0, 1, 'no'))
UnicodeDecodeError('utf-8', b'\xff', 0, 1)
ValueError(1, 2).args
str(ValueError())
str(ValueError(1))
str(ValueError(1, 2))
repr(ValueError(1, 2))
ValueError().with_traceback(None)
ValueError('x').__notes__
BaseException.add_note(ValueError('x'), 1)
Exception.__mro__
issubclass(BlockingIOError, OSError)
IOError is OSError
EnvironmentError is OSError
ConnectionError.__subclasses__()
ArithmeticError.__subclasses__()
IndexError.__subclasses__()
Warning.__subclasses__()
# ---- bytes / bytearray extras
b'ab'.__bytes__()
type(bytes.__bytes__(type('B', (bytes,), {})(b'x')))
bytearray(b'ab') * 3
bytearray.__imul__(bytearray(b'ab'), 3)
bytearray.__imul__(bytearray(b'ab'), 0)
bytearray.__imul__(bytearray(b'ab'), -2)
bytearray.__imul__(bytearray(b'ab'), 'x')
bytearray.__imul__(bytearray(b'ab'), 2**70)
bytearray.__imul__(bytearray(b''), 5)
type(bytearray().__alloc__())
b'a' + memoryview(b'bc')
bytearray(b'a') + memoryview(b'bc')
b''.join([memoryview(b'x'), b'y'])
b'abc'.find(memoryview(b'c'))
b'abc'.startswith(memoryview(b'a'))
b'a-b'.split(memoryview(b'-'))
bytes(memoryview(b'abc')[::-1])
bytes(memoryview(b'abcdef')[::2])
bytearray(memoryview(b'xyz')[1:])
bytearray(b'x').extend(memoryview(b'yz'))
bytearray(b'x').extend(5)
bytearray(b'x').extend('ab')
bytearray(b'x').extend([1, 'a'])
bytearray.__iadd__(bytearray(b'x'), 5)
bytearray.__iadd__(bytearray(b'x'), memoryview(b'!'))
bytearray(b'').pop(2**70)
b''.decode('no-such-codec')
b'x'.decode('no-such-codec')
b'ab'.decode(None)
b'ab'.hex(None)
b'abcd'.hex(':', 'x')
b'abcd'.hex(':', 2)
b'abcd'.hex(b'-', -3)
b'a\nb'.splitlines('x')
b'a\nb'.splitlines(2**70)
b'a\nb'.splitlines(True)
b'a\nb'.splitlines(keepends=1)
b'abc'.find('a', 'x')
b'abc'.count(b'a', None, 'x')
b'abc' % ()
b'' % b'a'
b'%s' % b'a'
b'%s %s' % (b'a',)
bytes.__mod__(b'x', 1)
bytearray.__rmod__(bytearray(b'x'), b'%s')
bytes.__rmod__(b'x', b'%s')
b'%(k)s' % {b'k': b'v'}
bytes(2, 3)
bytes('a', 3)
bytes('a', 'ascii', 3)
bytes(errors='strict')
bytearray(1, 'ascii')
bytes.fromhex(None)
bytes.fromhex('zz')
int.from_bytes(0, 'big')
int.from_bytes('ab', 'big')
int.from_bytes(b'\x01\x00', 2)
int.from_bytes(b'\x01\x00', None)
(5).to_bytes(2, 3)
(5).to_bytes(2, 'middle')
int.from_bytes([1, 2], 'little')
int.from_bytes(memoryview(b'\x01\x02'), 'big')
bytearray(b'ab').__setitem__(5, 'x')
bytearray(b'ab').__setitem__(0, 300)
bytearray(b'ab').__setitem__(5, 3)
# ---- str method argument checks
'abc'.find(b'a', 'x')
'abc'.find(b'a')
'abc'.index('z', 0, 'x')
'abc'.count(1)
'abc'.rfind('c', None, None)
'a\nb'.splitlines('x')
'a\nb'.splitlines(2**70)
'a\nb'.splitlines(3)
str.maketrans(2, 3)
str.maketrans('a', 3)
str.maketrans(2, 'a')
str.maketrans('ab', 'c')
str.maketrans('a', 'b', 3)
str.maketrans({'a': 1, 98: 'x'})
str.maketrans({'ab': 1})
''.encode(None)
''.encode('utf-8', None)
'x'.encode(errors=1)
'x'.removeprefix(None)
'x'.removesuffix(1)
format('x', ' ')
format('x', '+')
format('x', '=5')
format('x', '#')
'x'.__format__(None)
(1).__format__(None)
(1.5).__format__(None)
(1j).__format__(None)
b'x'.__format__(None)
object().__format__(None)
object().__format__('x')
float.__getformat__(None)
float.__getformat__('double')
float.fromhex(None)
float.fromhex(1)
float.fromhex('0x1p3')
# ---- numbers
(5).__round__(None)
round(5, None)
round(5.5, None)
(1+2j).__pow__('a', 'b')
(1+2j).__rpow__(2, 3)
pow(1+2j, 2, 3)
(1+2j).__complex__()
type(complex.__complex__(type('C', (complex,), {})(1)))
complex(1, 2).__getnewargs__()
(2).__pow__()
(2).__pow__(1, 2, 3)
(2.0).__rpow__()
'ab'.__mul__()
[].__getitem__()
{}.__getitem__()
[].__setitem__()
bytearray().__setitem__(1)
[1].pop(2**70)
[1].pop(-2**70)
[1].pop('x')
{}.pop([1, 2])
{}.pop([1, 2], 'dflt')
{1: 2}.pop([1, 2])
float(int)
float(list)
float([])
float(None)
int(list)
format()
format(1, 2, 3)
format(255, 'x')
format(255, 2)
sum(3, 'x')
sum([1], 'x')
sum([[1], [2]], [])
sum([0.5, 1, 2**60])
sum((), b'')
type.__abstractmethods__
int.__abstractmethods__
# ---- slices
slice(1, 5, 2).indices(2**70)
slice(None).indices(2**70)
slice(-3, None, -1).indices(2**70)
slice(2**80, -2**80, -5).indices(2**70)
slice(None).indices(-2**70)
slice(None, None, 0).indices(2**70)
slice(None, None, 0).indices(5)
slice('a').indices(5)
slice(1, 2).indices('x')
slice(1, 2).indices(-1)
slice(-100, 100, 3).indices(10)
slice(100, -100, -3).indices(10)
# ---- NotImplemented and Ellipsis
NotImplemented.__reduce__()
Ellipsis.__reduce__()
type(NotImplemented)()
type(...)()
type(None)()
type(NotImplemented)(1)
repr(NotImplemented)
repr(...)
'__bool__' in dir(NotImplemented)
# ---- memoryview
memoryview(b'abcd').cast('i').format
memoryview(b'abcd').cast('@i').format
memoryview(b'abcd').cast('i').itemsize
memoryview(b'abcdefgh').cast('h').tolist()
memoryview(b'abcdefgh').cast('H', [4]).shape
memoryview(b'abcdefgh').cast('q').strides
memoryview(b'abcdefgh').cast('d').nbytes
memoryview(b'abcdefgh').cast('c')[1]
memoryview(b'abcdefgh').cast('b')[::3].tolist()
memoryview(b'\xff\xfe').cast('b').tolist()
memoryview(b'\x00\x00\x80?').cast('f')[0]
memoryview(b'abc').cast('i')
memoryview(b'abcd').cast('i').cast('h')
memoryview(b'abcd').cast('x')
memoryview(b'abcd').cast('<i')
memoryview(b'abcd').cast(1)
memoryview(b'abcd').cast('i', 4)
memoryview(b'abcd').cast('i', [2])
memoryview(b'abcd').cast('i', [0])
memoryview(b'abcd').cast('i', ['a'])
memoryview(b'abcd').cast('ab', 'c')
memoryview(b'abcd').cast(None)
memoryview(b'abcd').cast()
memoryview(b'abcdefgh')[::2].cast('B')
hash(memoryview(b'abcd').cast('i'))
hash(memoryview(b'abcd').cast('c')) == hash(b'abcd')
hash(memoryview(bytearray(b'ab')))
memoryview(b'\x01\x00\x00\x00').cast('i') == memoryview(b'\x01\x00\x00\x00')
memoryview(b'\x01\x00\x02\x00').cast('h') == memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00').cast('i')
memoryview(b'ab') == b'ab'
memoryview(b'ab') == bytearray(b'ab')
memoryview(b'ab') == 'ab'
memoryview(b'ab').__eq__(1)
memoryview(b'abc')[1, 2]
memoryview(b'abc')[(1,)]
memoryview(b'abc')[()]
memoryview(b'abc')[slice(1), slice(2)]
memoryview(b'abc')['a']
memoryview(bytearray(b'abc')).__setitem__(5, 'x')
memoryview(bytearray(b'abc')).__setitem__(0, 'x')
memoryview(bytearray(b'abc')).__setitem__(0, 256)
memoryview(b'abc').__setitem__(0, 1)
list(memoryview(b'abc'))
list(memoryview(b'abcd').cast('h'))
type(iter(memoryview(b'a'))).__name__
list(reversed(memoryview(b'abc')))
98 in memoryview(b'abc')
sum(memoryview(bytes(range(10))))
memoryview(b'abc').tolist()
memoryview(b'abc').tobytes()
memoryview(b'abc').hex(':')
memoryview(b'abc').toreadonly().readonly
memoryview(b'abc').obj
# ---- iterator pickling
iter([1, 2, 3]).__reduce__()
iter((1, 2)).__reduce__()
iter('abc').__reduce__()
iter(b'ab').__reduce__()
iter(bytearray(b'ab')).__reduce__()
iter(range(5)).__reduce__()
iter(range(2**70, 2**70 + 3)).__reduce__()
reversed(range(3)).__reduce__()
reversed([1, 2]).__reduce__()
reversed('ab').__reduce__()
iter({1: 2}).__reduce__()
iter({1: 2}.values()).__reduce__()
iter({1: 2}.items()).__reduce__()
iter({3}).__reduce__()
reversed({1: 2, 3: 4}).__reduce__()
enumerate('ab', 5).__reduce__()[0]
enumerate('ab', 5).__reduce__()[1][1]
zip('a', 'b').__reduce__()[0]
len(zip('a', 'b', strict=True).__reduce__())
zip().__reduce__()
map(abs, [1]).__reduce__()[0]
filter(None, [1]).__reduce__()[0]
enumerate[int]
iter([1]).__setstate__('x')
iter([1]).__setstate__(2.0)
iter([1]).__setstate__(2**80)
reversed('abc').__setstate__('a')
zip([1]).__setstate__()
iter(b'abc').__length_hint__()
iter(bytearray(b'abc')).__length_hint__()
iter(range(5)).__length_hint__()
# ---- dir() completeness
'__class_getitem__' in dir(enumerate)
'__setstate__' in dir(zip)
'__setstate__' in dir(reversed)
'__alloc__' in dir(bytearray)
'__imul__' in dir(bytearray)
'__bytes__' in dir(bytes)
'__complex__' in dir(complex)
'cast' in dir(memoryview)
'__iter__' in dir(memoryview)
'__text_signature__' in dir(len)
len.__text_signature__ is None or isinstance(len.__text_signature__, str)
'__getitem__' in list.__dict__
# ---- site builtins
repr(exit)
repr(quit)
type(exit).__name__
type(exit).__module__
exit.name
exit.eof
repr(help)
repr(credits)
type(copyright).__name__
callable(license)
'__dict__' in dir(exit)
# ---- ints
int('0x1f', 16)
int('0x1f', 0)
int('1_000')
int('1__0')
int(' 12 ')
int('z', 36)
int('z', 37)
int('12', 1)
int(b'12')
int(bytearray(b'12'), 8)
int('١٢')
int(3.9)
int(-3.9)
int(float('inf'))
int(float('nan'))
int('')
int(None)
int(x=1)
int('1', base=2)
(255).bit_length()
(-255).bit_length()
(255).bit_count()
(-1).to_bytes(2, 'big', signed=True)
(256).to_bytes(1, 'big')
(-1).to_bytes(1, 'big')
(10).as_integer_ratio()
(7).conjugate()
True.conjugate()
(5).real, (5).imag
divmod(-7, 2)
divmod(7, -2)
divmod(7, 0)
-7 // 2
-7 % 2
7 % -2
2 ** -1
0 ** -1
pow(2, -1, 5)
pow(2, -1, 4)
pow(2, 3, 0)
pow(2.0, 3, 5)
1 << -1
1 << 100
-1 >> 100
~5
-5 & 3
-5 | 3
-5 ^ 3
True + True
True & False
True | 2
hash(-1)
hash(-2)
hash(2**61 - 1)
hash(2**61)
hash(-2**61)
hash(10**30)
hash(1.5)
hash(-0.0)
hash(float('inf'))
hash(1+2j)
hash(complex(1, -1))
format(1234567, ',')
format(1234567, '_x')
format(-42, '+08d')
format(42, '#b')
format(42, 'c')
format(42, 'n')
format(3, '.2f')
format(3, 'e')
format(True, 'd')
format(True, '')
# ---- floats
float('1e500')
float('-inf')
float('nan')
float(' 1.5 ')
float('1_0.5')
float('0x10')
float(b'2.5')
float('')
float('1e')
1e16
1e-7
0.1 + 0.2
-0.0
1.0 / 3
round(2.5)
round(3.5)
round(2.675, 2)
round(-0.5)
round(1e300, -300)
round(float('inf'))
round(float('nan'), 1)
(2.5).as_integer_ratio()
float('inf').as_integer_ratio()
(0.1).hex()
float.fromhex('0x1.999999999999ap-4')
(3.0).is_integer()
(3.5).is_integer()
divmod(-7.5, 2)
divmod(7.5, 0)
7.5 // 0
-7.5 % 2
1e308 * 10
2.0 ** 10000
(-8.0) ** (1 / 3)
0.0 ** -1
format(1234.5678, ',.2f')
format(0.000012345, 'g')
format(1e20, 'g')
format(1.5, '%')
format(float('nan'), '+')
format(-0.0, 'z.1f')
format(1.25, '.1f')
format(1.35, '.1f')
# ---- complex
1 + 2j
complex('1+2j')
complex(' (1+2j) ')
complex('1+2')
complex(1, 2j)
complex('1', 2)
complex(None)
(1 + 2j) * (3 - 4j)
(1 + 2j) / 0
abs(3 + 4j)
(1j) ** 2
0j ** -1
(1 + 2j).conjugate()
(1 + 2j) < (2 + 3j)
repr(complex(0, -0.0))
repr(complex(-0.0, 0))
repr(complex(float('nan'), float('inf')))
complex(1e300, 1e300) * 1e10
# ---- containers
[1, 2] * -1
[1, 2].index(3)
[1, 2].index(2, -1)
[1, 2].remove(3)
[3, 1, 2].sort(key=None, reverse=1)
sorted([3, 1, 2], reverse=True)
sorted([1, 'a'])
sorted([], key=5)
[1, 2, 3][::-1]
[1, 2, 3][1:2] == [2]
list.__class_getitem__(int)
(1, 2).index(2)
(1, 2).count(3)
(1, 2) + [3]
(1,) * 3
tuple.__new__(tuple, 'ab')
{'a': 1} | {'b': 2}
{'a': 1} | [('b', 2)]
dict.fromkeys('ab', 0)
dict.fromkeys([1, 2])
dict([(1, 2), (3, 4)])
dict([(1, 2, 3)])
dict([1])
dict(a=1, **{'b': 2})
{'a': 1}.setdefault('b')
{'a': 1}.get('b', 5)
{'a': 1}.popitem()
{}.popitem()
{1: 2}.keys() & {1, 3}
{1: 2}.keys() | [5]
{1: 2}.keys() - {1}
{1: 2}.items() ^ {(1, 2), (3, 4)}
{1: 2}.keys().isdisjoint([3])
list(reversed({1: 2, 3: 4}.items()))
{1: 2}.keys().mapping
{1, 2} | {3}
{1, 2} - {2}
{1, 2} ^ {2, 3}
{1, 2} & {2, 3}
{1, 2} <= {1, 2, 3}
{1, 2} < {1, 2}
frozenset({1, 2}) | {3}
{1, 2} | frozenset({3})
{1}.issubset([1, 2])
{1}.union([2], (3,))
{1, 2}.intersection([2], [2, 3])
{1}.difference()
set().pop()
{1}.remove(2)
{1}.discard(2)
{1, 2}.isdisjoint([3])
frozenset() == set()
hash(frozenset()) == hash(frozenset())
set([[1]])
range(10)[::-2]
range(10)[2:-2]
range(0, 10, 3)[-1]
range(10)[10]
range(10).index(5)
range(10).index(10)
range(0, 10, 2).count(4)
range(2**70)[2**69]
len(range(2**70))
range(1, 2, 0)
range(1.5)
range(5) == range(0, 5, 1)
range(0) == range(5, 5)
hash(range(0)) == hash(range(3, 3))
5 in range(0, 10, 5)
reversed(range(5))
list(reversed(range(1, 10, 3)))
list(zip([1, 2], 'ab', strict=True))
list(zip([1, 2], 'a', strict=True))
list(zip([1], 'ab', strict=True))
list(zip([1], 'ab', 'cd', strict=True))
list(zip(x=1))
list(enumerate('ab', start=2**64))
list(enumerate())
list(map(pow, [2, 3], [4]))
list(map(abs))
list(filter(None, [0, 1, '', 'a']))
list(filter(str.isdigit, 'a1b2'))
list(iter([1, 2, 3].pop, 1))
next(iter([]), 'dflt')
next(iter([]))
next([])
iter(5)
iter(5, 5)
list(iter(iter([1, 2]).__next__, 2))
# ---- builtin functions
abs(-5)
abs('x')
all([])
any([0, ''])
ascii('é\n')
bin(-5)
oct(8)
hex(255)
hex(1.5)
chr(0x110000)
chr(-1)
ord('ab')
ord(b'a')
ord('')
callable(len)
divmod(1, 2, 3)
getattr(1, 'real')
getattr(1, 'nope')
getattr(1, 'nope', 'd')
getattr(1, 2)
hasattr(1, 'real')
isinstance(1, (int, str))
isinstance(1, [int])
issubclass(bool, int)
issubclass(1, int)
issubclass(bool, (str, (int,)))
len([1, 2])
len(5)
len(range(5))
max([1, 3, 2])
max([])
max([], default=0)
max(1, 2, key=lambda x: -x)
max(1)
min('abc')
min(1, 2, default=3)
repr('a\'b"c')
repr("a'b")
repr('\x00\x7f\u200b')
sorted('bca')
sum([1, 2], 10)
vars(1)
type(1, 2)
type('X', (int,), {})(5)
type('X', (1,), {})
isinstance(type, type)
"""

for line in CASES.splitlines():
    if not line or line.startswith('#'):
        print(line)
        continue
    try:
        print(line, '->', show(eval(line)))
    except Exception as e:
        print(line, '!', type(e).__name__, e)
