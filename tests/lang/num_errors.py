tests = [
 "1/0", "1//0", "1%0", "divmod(1,0)", "1.0/0", "1.0//0", "1.0%0", "divmod(1.0, 0)", "0.0**-1", "(-8)**(1/3)",
 "10.0**400", "pow(2, 3, 0)", "pow(2, -1, 4)", "1 << -1", "1 >> -1", "int('abc')", "int('12', 2)", "int(b'xyz')",
 "int([])", "int('1', base=1)", "int(1.5, 10)", "int(float('inf'))", "int(float('nan'))", "float('abc')", "float([])",
 "float(10**400)", "2**10000 / 1", "10**400 / 10**-1 if False else (10**400) / 3", "1 + 'a'", "'a' * 2.0", "complex(1)/0",
 "str(10**5000)", "int('1'*5000)", "round(float('inf'))", "round(float('nan'))", "(1.5).as_integer_ratio()",
 "float('inf').as_integer_ratio()", "float.fromhex('zz')", "float.fromhex('0x1p5000')", "(256).to_bytes(1, 'big')",
 "(-1).to_bytes(1, 'big')", "format(1, '.2d')", "format(1.5, 'x')", "format(1, 'z')", "format(300, 'c')", "format(65, 'c')",
 "1 < 'a'", "(1+2j) < (1+3j)", "bool(1, 2)", "int(x=1)", "float(x=1)", "complex('1+')", "complex('1', 2)", "hash(float('inf'))",
 "hash(-0.0)", "hash(1e100)", "hash(complex(1,2))", "2 ** 0.5", "(-2) ** 0.5", "(-2.0) ** 2", "0 ** 0", "0.0 ** 0",
 "(2**64) ** 0.5", "3 ** -2", "(-3) ** -3", "7 // -2", "-7 // -2", "7 % -2", "-7.5 // 2", "-7.5 % 2", "divmod(-7.5, 2)",
 "divmod(2**100, -3)", "divmod(-2**100, 7)", "(-2**100) % 7", "~(2**100)", "-(2**63)", "(2**63-1) + 1", "-(-2**63)",
 "abs(-2**63)", "(-2**63) // -1", "(-2**63) % -1", "2**64 & -1", "-2**64 | 5", "-(2**70) ^ 12345", "(2**70) >> 1000",
 "-(2**70) >> 1000", "1 << 10000 == 2**10000", "int('0x_ff', 16)", "int('0_7', 0)", "int('07', 0)", "int('1__0')",
 "int(' 1 ')", "int('+ 1')", "float('1_0.5')", "float('1__0')", "float(' nan ')", "float('-Infinity')", "1e309",
 "float('0x10')", "repr(1e-5)", "repr(0.0001)", "repr(1e16)", "repr(9999999999999998.0)", "repr(-1e-300)",
 "5e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "str(1.0)", "str(-0.0)",
 "(0.1).__round__(20)", "round(1e300, -300)", "round(2.5)", "round(-0.5)", "round(12.5, -1)", "round(15, -1)",
 "round(1.23456789, 4)", "round(-1.5e-10, 12)", "round(5, 2)", "round(2**100, -30)", "int.from_bytes([1,2,3], 'big')",
 "int.from_bytes(b'\\xff\\xff', 'big', signed=True)", "(3).conjugate()", "(3).real", "(3).imag", "(3).numerator", "(3).denominator",
 "True.real", "(1.5).real", "(1.5).imag", "(1+2j).real", "(1+2j).imag", "(1+2j).conjugate()", "complex('  (1-2.5e3j) ')",
 "complex('j')", "complex('-j')", "complex('inf+nanj')", "complex(1+2j, 3+4j)", "complex('1e5')", "f'{1+2j:.2f}'", "f'{1.5j:>10}'",
 "format(1+2j)", "f'{3.14159:+.3}'", "f'{1234.5:010,.1f}'", "f'{-0.0:z}'", "f'{1e16:,}'", "f'{12345678:,d}'", "f'{0.5:%}'",
 "f'{float(\"nan\"):+010}'", "f'{1.0:#}'", "f'{100:#o}'", "f'{100:#X}'", "f'{-100:#b}'", "f'{5:^9}'", "f'{5:*<9}'",
 "f'{2**100:,}'", "f'{10**20:e}'", "f'{123:.3e}'", "f'{True}'", "f'{True:d}'", "f'{False:>5}'", "bool()", "bool([])",
 "bool('a')", "int()", "float()", "complex()", "type(True & True)", "type(True & 1)", "type(True + False)",
 "isinstance(True, int)", "3 .bit_length()", "(-1).bit_length()", "(0).bit_count()", "sum([0.1]*10)", "1e23", "8.41e21",
 "0.1 * 3", "1 - 0.9", "2.0 ** 62", "2.0**63", "float(2**63)", "int(2.0**63)", "int(1e20)", "int(-1e300) // 10**290",
 "(12).__round__()", "(12.7).__trunc__()", "(12.7).__floor__()", "(-12.7).__ceil__()", "(2**100).__sizeof__()",
 "(1).__sizeof__()", "int.__format__(5, '')", "float.__getformat__('double')", "(5).__getnewargs__()", "(1.5).__getnewargs__()",
 "hash(2**61 - 1)", "hash(2**61)", "hash(-(2**61))", "hash(-2**61 + 1)", "hash(0.5)", "hash(-1.0)", "hash(1e-300)",
]
for t in tests:
    try:
        r = eval(t)
        print(t, '->', repr(r))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
