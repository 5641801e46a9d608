# Differential expression checks: each line of EXPRS is evaluated and the
# repr of its value (or "ExcType: message") is printed.
def show(src):
    try:
        r = repr(eval(src))
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(src, "=>", r)

EXPRS = r"""
1 + 2
1 - 2.5
3 * 1.5
7 / 2
-7 / 2
7 // 2
-7 // 2
7 // -2
7 % 3
-7 % 3
7 % -3
-7 % -3
7.5 % 2
-7.5 % 2
7.5 % -2
7.5 // 2
-7.5 // 2
2 ** 10
2 ** -1
(-2) ** 0.5
(-8) ** (1/3)
0 ** 0
0.0 ** 0
0 ** -1
0.0 ** -1
10 ** 20
10.0 ** 20
10 ** 400
10.0 ** 400
2 ** 0.5
pow(2, 10, 1000)
pow(2, -1, 7)
pow(3, -2, 7)
pow(2, -1, 4)
pow(2, 3, 0)
pow(2.0, 3, 5)
pow(-2, 3, 5)
pow(2, 3, -5)
divmod(7, 2)
divmod(-7, 2)
divmod(7, -2)
divmod(7.5, 2)
divmod(-7.5, 2)
divmod(7, 0)
divmod(7.0, 0)
divmod(1e308, 1e-308)
1 / 0
1.0 / 0
1 // 0
1 % 0
1.0 % 0.0
1.0 // 0.0
True + True
True * 3
True / 2
-True
~True
~False
True & False
True | False
True ^ True
True & 3
5 & True
1 << 100
-1 << 100
1 >> 100
-1 >> 100
-5 >> 1
1 << -1
1 >> -1
~0
~-1
~(2**70)
-(2**63)
-(-(2**63))
2**63 - 1 + 1
(2**64) // 3
(2**64) % 7
-(2**64) // 7
-(2**64) % 7
(2**100) // (2**50 + 1)
(2**100) % (2**50 + 1)
divmod(-(2**100), 3**40)
divmod(2**100, -(3**40))
(10**30) * (10**30)
(10**30) - (10**30)
(10**30) / (10**10)
(10**30) / 3
2**1100 / 2**1000
2**1100 / 3
1 / 2**1100
(2**53 + 1) / 1
float(2**53 + 1)
float(2**1024)
float(2**1024 - 1)
float(2**1024 - 2**970)
float(2**1024 - 2**971)
int(1e20)
int(-1e20)
int(1.5)
int(-1.5)
int(float('inf'))
int(float('nan'))
int('12')
int(' 12 ')
int('1_000')
int('1__000')
int('_1')
int('0x1f', 16)
int('0x1f', 0)
int('1f', 16)
int('0o17', 0)
int('0b101', 0)
int('010', 0)
int('0', 0)
int('00', 0)
int('z', 36)
int('Z', 36)
int('10', 37)
int('10', 1)
int('', 10)
int('-', 10)
int('+5')
int('- 5')
int('5.0')
int(b'42')
int(bytearray(b'42'))
int(True)
int('\u0663\u0664')
int('\u2003 42\u3000')
int('\uff11\uff12')
float(' 1.5\u2003')
float('\u0661.\u0665')
int(3.99)
int()
int(x=3)
int('12', base=8)
int(12, 8)
float()
float('1e500')
float('-1e500')
float('inf')
float('-Infinity')
float('nan')
float('  nan ')
float('1_0.5')
float('1__0')
float('0x10')
float('.5')
float('5.')
float('.')
float('e5')
float('1e')
float(' ')
float(b'2.5')
float(10**400)
float(True)
float('1' * 400)
round(2.5)
round(3.5)
round(-2.5)
round(2.675, 2)
round(1234.5678, -2)
round(1234, -2)
round(1250, -2)
round(1350, -2)
round(-1250, -2)
round(5, 1)
round(1e300, 2)
round(float('inf'))
round(float('nan'))
round(float('inf'), 2)
round(0.5)
round(1.5)
round(12345, -10)
round(2.5, None)
abs(-3)
abs(-3.5)
abs(-0.0)
abs(3+4j)
abs(-(2**100))
abs(True)
(1.5).as_integer_ratio()
(0.1).as_integer_ratio()
(-0.75).as_integer_ratio()
(5).as_integer_ratio()
float('inf').as_integer_ratio()
float('nan').as_integer_ratio()
(1.0).is_integer()
(1.5).is_integer()
(255).bit_length()
(-255).bit_length()
(0).bit_length()
(2**100).bit_length()
(255).bit_count()
(-7).bit_count()
(1024).to_bytes(2, 'big')
(1024).to_bytes(2, 'little')
(1024).to_bytes(1, 'big')
(-1).to_bytes(2, 'big', signed=True)
(-1).to_bytes(2, 'big')
(255).to_bytes(1, 'big', signed=True)
(0).to_bytes(0, 'big')
(2**70).to_bytes(10, 'big')
int.from_bytes(b'\x01\x00', 'big')
int.from_bytes(b'\x01\x00', 'little')
int.from_bytes(b'\xff\xff', 'big', signed=True)
int.from_bytes(b'', 'big')
int.from_bytes([1, 2, 3], 'big')
int.from_bytes(b'\x00' * 9 + b'\x01', 'big')
(1.5).hex()
(0.1).hex()
(-0.0).hex()
(1e-320).hex()
float('inf').hex()
float.fromhex('0x1.8p1')
float.fromhex('0x1p-1074')
float.fromhex('0x1p-1075')
float.fromhex('0x1.fffffffffffff8p1023')
float.fromhex('-0X1.AP+3')
float.fromhex('inf')
float.fromhex('0x.8')
float.fromhex('1')
float.fromhex('0x')
float.fromhex('0x1p')
(7).conjugate()
(2.5).conjugate()
(3+4j).conjugate()
(3).real
(3).imag
(3).numerator
(3).denominator
(2.5).real
(2.5).imag
(3+4j).real
(3+4j).imag
True.real
1 + 2j
(1 + 2j) * (3 - 4j)
(1 + 2j) / (3 - 4j)
(1 + 2j) ** 2
(1 + 2j) ** 0.5
(1 + 2j) ** -1
2 ** (1 + 1j)
(0j) ** 0
(0j) ** -1
(0j) ** (1+1j)
1j / 0
1j // 2
1j % 2
divmod(1j, 2)
complex(1, 2)
complex('1+2j')
complex(' (1+2j) ')
complex('1+2j ')
complex('j')
complex('-j')
complex('1e3j')
complex('inf-infj')
complex('nan+nanj')
complex('1+')
complex('1+2')
complex('()')
complex(1j, 1j)
complex('1', 2)
complex(2.5)
complex(True, False)
complex()
complex(real=3)
-(0j)
-(1+0j)
+(1-0j)
complex(0.0, -0.0)
complex(-0.0, 0.0)
complex(1e300, 1e300) * complex(1e300, 1e300)
1j == 1j
1j == 1
(1+0j) == 1
(1+0j) == 1.0
(1+0j) == True
1j < 2j
1j > 1
int(1j)
float(1j)
hash(1+0j) == hash(1)
hash(1.0) == hash(1)
hash(0.5)
hash(-1)
hash(-2)
hash(2**61 - 1)
hash(2**61)
hash(-(2**61))
hash(2**100)
hash(float('inf'))
hash(-float('inf'))
hash(1e100)
hash(-0.0)
hash(1.5+2.5j)
hash(True)
1 == 1.0
1 == True
2 == True
0.1 + 0.2 == 0.3
2**53 + 1 == float(2**53 + 1)
2**53 + 1 > float(2**53)
2**1024 > float('inf')
2**1024 < float('inf')
-2**1024 > float('-inf')
float('nan') == float('nan')
float('nan') != float('nan')
float('nan') < 1
1 < 2 < 3
1 < 3 < 2
1 < 2.5 <= 2.5
1 < 'a'
'a' < 1
1 == 'a'
1 != 'a'
[1] < [1, 2]
(1, 2) < (1, 3)
(1, 2) < (1, 'a')
[1, 2] == (1, 2)
None < 1
max(1, 2.5, True)
min(1, 2.5, True)
max([])
max([], default=None)
min('hello')
max(3, 1, key=lambda x: -x)
sum([1, 2.5, 3j])
sum([0.1] * 10)
sum([[1], [2]], [])
sum(['a', 'b'], '')
sum(range(101))
sum([], 5)
bool(0.0)
bool(-0.0)
bool(0j)
bool(float('nan'))
bool(2**100)
bool('')
bool(' ')
bool([])
bool(())
bool({})
bool(set())
bool(range(0))
bool(range(1))
1 and 2
0 and 2
1 or 2
0 or 2
not 1
not []
'' or 'x'
[] or {}
1 if 0 else 2
isinstance(True, int)
isinstance(1, float)
issubclass(bool, int)
type(1 + 1.0).__name__
type(True + True).__name__
type(True & True).__name__
type(1 // 1.0).__name__
type(2 ** -1).__name__
type(2 ** 2).__name__
type(divmod(1, 1.0)[0]).__name__
type(round(2.5)).__name__
type(round(2.5, 0)).__name__
type(round(2, 0)).__name__
type(abs(True)).__name__
type(-True).__name__
type(+True).__name__
type(True.real).__name__
type(True.numerator).__name__
1.0 .__add__(1)
(1).__add__(1.0)
(1).__radd__(2)
(1.0).__radd__(2)
(1.0).__rsub__(3)
(2).__rpow__(3)
(2.0).__rtruediv__(1)
(3).__rfloordiv__(10)
(3).__rmod__(10)
(3).__rdivmod__(10)
(2).__rlshift__(1)
(1j).__radd__(1)
(1).__truediv__(0)
(1).__lt__(2.0)
(1.0).__eq__(1)
(1).__eq__(1.0)
(1.0).__lt__('a')
(3).__index__()
(3).__int__()
(3.7).__int__()
(3.7).__trunc__()
(3.7).__floor__()
(-3.7).__floor__()
(3.2).__ceil__()
(3).__float__()
(3.5).__round__()
(3.5).__round__(0)
(2).__pow__(3, 5)
(2).__pow__(3.0)
(2.0).__pow__(2, 3)
1 + 'a'
'a' + 1
1 - 'a'
[] + ()
() + []
'a' * 'b'
'a' * 2.0
[1] * -1
'ab' * 0
3 * 'ab'
3 * [0]
2 * (1,)
1 @ 2
-'a'
~1.5
+[]
1.5 << 1
1 << 1.5
1 & 1.5
[] - []
{1} - {2}
{1, 2} & {2, 3}
{1, 2} | {3}
{1, 2} ^ {2, 3}
{1} < {1, 2}
{1, 2} <= {1, 2}
{1} > {1}
{1} == frozenset({1})
frozenset({1}) | {2}
{1} | frozenset({2})
{1} + {2}
abs('a')
len(5)
len('abc')
len(b'abc')
len(range(0, 10, 3))
len(range(10, 0, -3))
len({1: 2})
range(10)[3]
range(10)[-1]
range(10)[10]
range(10)[2:8:2]
range(10)[::-1]
range(0, 10, 3)[1:]
range(5) == range(0, 5)
range(0) == range(5, 2)
range(1, 10, 2).index(5)
range(1, 10, 2).index(4)
range(1, 10, 2).count(5)
3 in range(0, 10, 3)
4 in range(0, 10, 3)
3.0 in range(5)
list(range(-5, 5, 2))
list(range(5, -5, -3))
range(0, 5, 0)
range(1.5)
range(2**100)[2**99]
len(range(2**100))
reversed(range(3)).__next__()
list(reversed(range(1, 10, 4)))
range(3).start
range(1, 2, 3).step
"""

for line in EXPRS.splitlines():
    if line:
        show(line)
