# math module: values, special cases and CPython's error messages.
import math

inf, nan = math.inf, math.nan
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)

def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(expr, '->', type(e).__name__ + ':', e)
    else:
        print(expr, '->', repr(r))

ONE = ['sqrt', 'exp', 'exp2', 'expm1', 'log1p', 'sin', 'cos', 'tan', 'asin', 'acos',
       'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'fabs', 'cbrt',
       'erf', 'erfc', 'degrees', 'radians', 'log', 'log2', 'log10', 'floor', 'ceil',
       'trunc', 'isfinite', 'isinf', 'isnan', 'frexp', 'modf', 'ulp']
VALUES = ['0', '0.0', '-0.0', '1', '-1', '0.5', '2', '-2.5', '10', '1e300', '-1e300',
          '1e-310', 'inf', '-inf', 'nan', '3', '700', '1000', '100.0']
for f in ONE:
    for v in VALUES:
        show('math.%s(%s)' % (f, v))

for expr in [
    'math.gamma(5)', 'math.gamma(0.5) == math.sqrt(math.pi)', 'math.gamma(0)',
    'math.gamma(-1)', 'math.gamma(-inf)', 'math.gamma(inf)', 'math.gamma(nan)',
    'math.gamma(200)', 'round(math.gamma(-1.5), 12)', 'math.gamma(1)', 'math.gamma(10)',
    'math.lgamma(1)', 'math.lgamma(2)', 'math.lgamma(0)', 'math.lgamma(-2)',
    'math.lgamma(inf)', 'math.lgamma(-inf)', 'round(math.lgamma(10.5), 10)',
    'math.atan2(1, 1)', 'math.atan2(0.0, -0.0)', 'math.atan2(-0.0, -1)', 'math.atan2(inf, inf)',
    'math.copysign(1, -0.0)', 'math.copysign(-2, 3)', 'math.copysign(nan, -1)',
    'math.fmod(7, 3)', 'math.fmod(-7, 3)', 'math.fmod(1, 0)', 'math.fmod(inf, 1)',
    'math.fmod(1, inf)', 'math.fmod(nan, 1)',
    'math.remainder(7, 3)', 'math.remainder(5, 2)', 'math.remainder(-5, 2)',
    'math.remainder(1, 0)', 'math.remainder(inf, 1)', 'math.remainder(1, inf)',
    'math.pow(2, 10)', 'math.pow(2, 0.5)', 'math.pow(0, -1)', 'math.pow(-8, 1/3)',
    'math.pow(10, 400)', 'math.pow(nan, 0)', 'math.pow(1, nan)', 'math.pow(inf, -1)',
    'math.pow(-inf, 3)', 'math.pow(0.5, -inf)', 'math.pow(0, 0)', 'math.pow(-2, 3)',
    'math.nextafter(1, 2)', 'math.nextafter(1, 0)', 'math.nextafter(0, 1)',
    'math.nextafter(inf, 0)', 'math.ulp(1e308 * 10)', 'math.ulp(5e-324)',
    'math.ldexp(1.5, 3)', 'math.ldexp(1, 10000)', 'math.ldexp(1, -10000)',
    'math.ldexp(1.0, 1.5)', 'math.ldexp(inf, -5)', 'math.ldexp(1, 10**30)',
    'math.log(8, 2)', 'math.log(100, 10)', 'math.log(1, 1)', 'math.log(10**400)',
    'math.log(10**400, 10)', 'math.log2(2**1000)', 'math.log2(2**2000)',
    'math.log10(10**500)', 'math.log(-10**400)', 'math.log(0, 2)', 'math.log(2, 0.5)',
    'math.log(True)', 'math.log()', 'math.log(1, 2, 3)',
    'math.hypot()', 'math.hypot(3)', 'math.hypot(3, 4)', 'math.hypot(-3, 4, 12)',
    'math.hypot(1e300, 1e300)', 'math.hypot(inf, nan)', 'math.hypot(nan, 1)',
    'math.hypot(1e-320, 1e-320)', 'math.hypot(1.5, 2.5, 3.5)', 'math.hypot(0.1, 0.2)',
    'math.dist((0, 0), (3, 4))', 'math.dist([1, 2, 3], [4, 5, 6])',
    'math.dist((1, 2), (1,))', 'math.dist((), ())',
    'math.isclose(1, 1 + 1e-10)', 'math.isclose(1, 1.1)', 'math.isclose(0, 1e-10)',
    'math.isclose(0, 1e-10, abs_tol=1e-9)', 'math.isclose(inf, inf)',
    'math.isclose(nan, nan)', 'math.isclose(1, 1, rel_tol=-1)',
    'math.fsum([0.1] * 10)', 'sum([0.1] * 10)', 'math.fsum([1e100, 1.0, -1e100, 1e-100])',
    'math.fsum([])', 'math.fsum([inf, 1])', 'math.fsum([inf, -inf])', 'math.fsum([nan, 1])',
    'math.fsum([1e308, 1e308])', 'math.fsum([1, 2, 3])', 'math.fsum(iter([0.5, 0.25]))',
    'math.fsum([1.0, 1e-16, 1e-16])', 'math.fsum([2.0**53, 1.0, 2.0**-100])',
    'math.fsum(["a"])',
    'math.factorial(0)', 'math.factorial(1)', 'math.factorial(5)', 'math.factorial(20)',
    'math.factorial(21)', 'math.factorial(30)', 'len(str(math.factorial(1000)))',
    'math.factorial(100) == math.prod(range(1, 101))',
    'math.factorial(-1)', 'math.factorial(1.5)', 'math.factorial(5.0)', 'math.factorial(10**20)',
    'math.factorial(True)',
    'math.gcd()', 'math.gcd(12)', 'math.gcd(-12)', 'math.gcd(12, 18)', 'math.gcd(12, 18, 8)',
    'math.gcd(0, 0)', 'math.gcd(2**100, 6**50)', 'math.gcd(1.5, 2)',
    'math.lcm()', 'math.lcm(4, 6)', 'math.lcm(4, 6, 10)', 'math.lcm(0, 5)', 'math.lcm(-4, 6)',
    'math.lcm(2**64, 3)',
    'math.isqrt(0)', 'math.isqrt(1)', 'math.isqrt(15)', 'math.isqrt(16)', 'math.isqrt(17)',
    'math.isqrt(2**64)', 'math.isqrt(10**40)', 'math.isqrt(10**41)', 'math.isqrt(2**127 - 1)',
    'math.isqrt(-1)', 'math.isqrt(2.0)', 'math.isqrt(True)',
    'math.comb(5, 2)', 'math.comb(10, 0)', 'math.comb(10, 10)', 'math.comb(10, 11)',
    'math.comb(100, 50)', 'math.comb(-1, 2)', 'math.comb(2, -1)', 'math.comb(10**30, 2)',
    'math.comb(10**30, 10**20)', 'math.comb(5)',
    'math.perm(5)', 'math.perm(5, 2)', 'math.perm(5, 0)', 'math.perm(5, 6)',
    'math.perm(-1)', 'math.perm(5, -1)', 'math.perm(5, None)', 'math.perm(30, 10)',
    'math.prod([])', 'math.prod([1, 2, 3, 4])', 'math.prod([1.5, 2])', 'math.prod([2, 3], start=10)',
    'math.prod(["a", 3])', 'math.prod([3, "a"])', 'math.prod([1], 2)',
    'math.floor(2.5)', 'math.floor(-2.5)', 'math.ceil(2.5)', 'math.ceil(-2.5)',
    'math.floor(10**30)', 'math.floor(1e30)', 'math.floor(inf)', 'math.ceil(nan)',
    'math.trunc(-2.7)', 'math.trunc(5)', 'math.floor(True)', 'math.trunc("x")',
    'math.floor("x")', 'math.sqrt("x")', 'math.sqrt()', 'math.sqrt(1, 2)', 'math.atan2(1)',
    'math.sqrt(10**400)', 'math.sqrt(2**1023 * 2)', 'math.exp(10**400)',
    'math.frexp(0.0)', 'math.frexp(-8)', 'math.modf(-3.25)',
]:
    show(expr)

class F:
    def __floor__(self): return 'floor!'
    def __ceil__(self): return 'ceil!'
    def __trunc__(self): return 'trunc!'
    def __float__(self): return 2.25
print(math.floor(F()), math.ceil(F()), math.trunc(F()), math.sqrt(F()))

class I:
    def __index__(self): return 12
print(math.gcd(I(), 8), math.factorial(I()), math.isqrt(I()), math.sqrt(I()))

class Fl(float):
    pass
print(math.floor(Fl(3.7)), math.ceil(Fl(3.2)))
print(math.log(Fl(100), 10) == 2.0)

# gamma / lgamma over a grid (bit-exact with CPython's Lanczos sums)
for i in range(-40, 120):
    x = i / 4 + 0.1
    print(x, math.gamma(x), math.lgamma(x))
for x in [1e-30, -1e-30, 171.5, 171.7, -171.5, -200.5, 250.0, 1e300, -1e300 + 0.5, 2.5e-310]:
    show('math.gamma(%r)' % x)
    show('math.lgamma(%r)' % x)
