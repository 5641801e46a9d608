# Differential expression checks: each line of EXPRS is evaluated and the
# repr of its value (or "ExcType: message") is printed.
def show(src):
    try:
        r = repr(eval(src))
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(src, "=>", r)

EXPRS = r"""
b'abc' + b'def'
b'abc' + bytearray(b'd')
bytearray(b'abc') + b'd'
b'abc' + 'd'
b'ab' * 3
b'abc'[0]
b'abc'[-1:]
b'abc'[::-1]
b'abc'[5]
b'a' in b'abc'
97 in b'abc'
256 in b'abc'
'a' in b'abc'
b'abc' == bytearray(b'abc')
b'abc' < b'abd'
b'abc' == 'abc'
bytes(3)
bytes([1, 2, 255])
bytes([256])
bytes('abc')
bytes('abc', 'ascii')
bytes(-1)
bytearray(3)
bytes.fromhex('de ad be ef')
bytes.fromhex('0g')
bytearray.fromhex('ff')
b'\xde\xad'.hex()
b'\xde\xad\xbe'.hex(':')
b'\xde\xad\xbe'.hex(':', 2)
b'\xde\xad\xbe'.hex('-', -2)
b'hello'.upper()
b'Hello'.swapcase()
b'hello world'.title()
b'a,b'.split(b',')
b' a b '.split()
b'abc'.replace(b'b', b'B')
b'abc'.find(b'c')
b'abc'.find(99)
b'abc'.index(b'z')
b'abc'.count(b'')
b'abc'.startswith(b'a')
b'abc'.startswith('a')
b'-'.join([b'a', b'b'])
b'-'.join([b'a', 'b'])
b'-'.join([b'a', bytearray(b'b')])
b'  x '.strip()
b'xxaxx'.strip(b'x')
b'abc'.center(7, b'*')
b'abc'.zfill(5)
b'42'.isdigit()
b'ab'.isalpha()
b'a\tb'.expandtabs()
b'a.b'.partition(b'.')
b'abc'.removeprefix(b'a')
b'hello'.translate(None, b'l')
b'abc'.translate(bytes.maketrans(b'a', b'z'))
repr(b'\x00\n\'"\\\x7f\x80')
repr(b"'")
repr(b'\'"')
repr(bytearray(b'x'))
bytes(bytearray(b'ab'))
list(b'ab')
bytearray(b'abc').pop()
bytearray(b'abc').decode()
bytes.decode(b'hi')
b'%s-%d' % (b'a', 3)
[1, 2] + [3]
[1, 2] + (3,)
[1, 2] * 2
[1, 2, 3][1:]
[1, 2, 3][::-2]
[1, 2, 3][5]
[1, 2, 3][-4]
[1, 2, 3][str('a')]
[1, 2, 3].index(2)
[1, 2, 3].index(4)
[1, 2, 2].count(2)
[3, 1, 2].sort()
sorted([3, 1, 2])
sorted([3, 1, 2], reverse=True)
sorted(['b', 'A', 'c'], key=str.lower)
sorted([1, 'a'])
sorted([(1, 'b'), (1, 'a'), (0, 'z')])
list(reversed([1, 2, 3]))
[1, 2] == [1, 2]
[1, 2] < [1, 3]
[1, [2]] == [1, [2]]
[0] * 3 == [0, 0, 0]
[] < [0]
[1, 2, 3].pop()
[].pop()
[1, 2, 3].pop(5)
[1].remove(2)
list('abc')
list(range(3))
list({'b': 1, 'a': 2})
list((1, 2))
list(1)
(1, 2) + (3,)
(1, 2) + [3]
(1,) * 3
(1, 2, 3)[1:]
(1, 2, 3)[3]
(1, 2).index(2)
(1, 2).count(1)
(1, 2) == (1, 2)
(1, 2) < (1, 2, 0)
(1, (2, 3)) < (1, (2, 4))
tuple('ab')
tuple([1, 2])
()
(1,)
hash((1, 2)) == hash((1, 2))
hash([])
hash({})
hash(frozenset()) == hash(frozenset())
{'a': 1, 'b': 2}
{'a': 1}['a']
{'a': 1}['b']
{'a': 1}.get('b')
{'a': 1}.get('b', 0)
{'a': 1} == {'a': 1.0}
{'a': 1} | {'b': 2}
{'a': 1} | {'a': 2}
{'a': 1} | [('b', 2)]
{1: 'a', True: 'b'}
{1.0: 'a', 1: 'b'}
{(1, 2): 3}
{[1]: 2}
dict([('a', 1), ('b', 2)])
dict(a=1, b=2)
dict([('a', 1, 2)])
dict.fromkeys([1, 2])
dict.fromkeys('ab', 0)
sorted({'a': 1, 'b': 2}.items())
list({'a': 1, 'b': 2}.keys())
list({'a': 1, 'b': 2}.values())
{'a': 1}.pop('a')
{'a': 1}.pop('b')
{'a': 1}.pop('b', None)
{'a': 1}.setdefault('b', 5)
{'a': 1}.popitem()
{}.popitem()
{'a': 1}.keys() & {'a', 'b'}
{'a': 1}.keys() | {'c'} == {'a', 'c'}
{'a': 1}.items() == {('a', 1)}
'a' in {'a': 1}
1 in {'a': 1}
len({'a': 1, 'b': 2})
{'a': 1} < {'b': 2}
sorted({3, 1, 2})
{1, 2} == {2, 1}
{1, 2}.issubset({1, 2, 3})
{1, 2}.issuperset([1])
{1, 2}.isdisjoint({3})
{1, 2}.union([3], (4,))
{1, 2, 3}.intersection([2, 3], {3})
{1, 2, 3}.difference([2])
{1, 2}.symmetric_difference([2, 3])
{1}.pop()
set().pop()
{1}.remove(2)
{1}.discard(2)
set('aab') == {'a', 'b'}
set([1, 2, 2])
frozenset([1, 2])
frozenset()
set()
{1, 2, 3} - {2}
{frozenset({1})}
{[1]}
len({1, 1.0, True})
1 in {1.0}
{1: 2}.get([])
list(zip([1, 2], 'ab'))
list(zip([1, 2], 'abc'))
list(enumerate('ab', 1))
list(map(abs, [-1, -2]))
list(filter(None, [0, 1, '', 'a']))
list(filter(lambda x: x > 1, [1, 2, 3]))
any([0, 0, 1])
all([1, 1, 0])
all([])
any([])
list(range(3)) * 2
[x * 2 for x in range(4)]
[x for x in range(10) if x % 3 == 0]
{x: x * x for x in range(3)}
{x % 3 for x in range(10)}
list(x + y for x in 'ab' for y in 'cd')
[*range(3), *'ab']
(*[1, 2], 3)
{**{'a': 1}, 'b': 2}
{*{1, 2}, 3}
[1, 2, 3][1:2] * 3
[[0] * 2] * 2
list(divmod(x, 3) for x in range(5))
str([1, 'a', 2.5, None, True])
str((1,))
str({'a': [1, (2,)]})
repr([1.0, 1e16, 1e-5, -0.0])
repr((1e22, 1e21, 123456789012345678.0))
repr([float('inf'), float('-inf'), float('nan')])
repr({1: 1j, 2: -1j, 3: 1-1j, 4: -0j})
repr(complex(-0.0, -0.0))
repr(complex(1e300, float('nan')))
repr(range(0, 5))
repr(range(1, 5, 2))
repr(frozenset())
repr(set())
repr(b'')
repr(bytearray())
repr(...)
repr(NotImplemented)
repr(None)
repr(int)
repr(type(None))
ascii([1, 'é'])
int.__name__
float.__qualname__
complex.__mro__
bool.__mro__
str.__mro__
bytes.__mro__
isinstance(b'', bytes)
isinstance(bytearray(), bytes)
type(b'' + bytearray()).__name__
type(bytearray() + b'').__name__
hex(255)
hex(-255)
oct(8)
bin(5)
bin(-5)
hex(2**70)
hex(1.5)
bin(True)
str(-0)
str(10**20)
repr(10**20)
str(-(10**25))
int(str(10**300)) == 10**300
str(2**64)
str(2**63)
int('-9223372036854775808')
int('9223372036854775808')
int('18446744073709551616') - 2**64
"""

for line in EXPRS.splitlines():
    if line:
        show(line)
