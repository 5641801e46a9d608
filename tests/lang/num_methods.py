def t(s):
    try: print(s, '->', repr(eval(s)))
    except Exception as e: print(s, '!!', type(e).__name__, e)
class I(int): pass
class F(float): pass
for s in ["(5).__add__(1.0)", "int.__add__(1, 2)", "(5).__radd__(2)", "(7).__truediv__(2)", "divmod(True, 2)", "pow(2, 100, 10**9+7)",
          "pow(2.0, 3, 5)", "(3).__pow__(2, 5)", "round(True)", "float.__new__(F, 1)", "int.__new__(I, 5)", "type(int.__new__(I, 5))",
          "F(2.5).__repr__()", "repr(F(2.5))", "I(7) // 2", "type(abs(I(-3)))", "type(-I(3))", "type(+I(3))", "type(I(3) * 1)",
          "(2.5).__floordiv__(1)", "(1).__lt__(2.5)", "(2.5).__eq__(2)", "(1.0).__eq__('a')", "int('10', base=16)",
          "int.from_bytes(b'\\x80', 'big', signed=True)", "(-129).to_bytes(2, 'little', signed=True)", "(0).to_bytes(0, 'big')",
          "(1).to_bytes()", "int.to_bytes(5, 2, byteorder='little')", "(5).to_bytes(1, 'middle')",
          "float('1e-400')", "float('.')", "float('1e')", "float('in')", "float('nan1')", "float('+.5e+5')",
          "int('-')", "int('')", "int('0x')", "int('0b2', 0)", "int('z', 36)", "int('Z', 36)", "int('1' * 30, 2)",
          "1.5 == F(1.5)", "hash(F(1.5)) == hash(1.5)", "sum([1, 2.5, 3j])", "(1 < 2.0) and (2.0 < 3)", "[1,2][True]",
          "0.1 + 0.2 == 0.3", "3 * (1/3)", "10 ** -5", "(-1) ** 0.5", "(-8) ** (1/3)", "2 ** 0.5j", "(1j) ** (1j)",
          "complex(1, 2) ** 2", "complex('1e3+2.5e-3j')", "complex(' 1 ')", "complex('1 +2j')", "complex(True)", "complex(None)",
          "complex([])", "complex(1, [])", "abs(complex(3e308, 3e308))", "(1+2j) // 2", "(1+2j) % 2", "divmod(1j, 1)",
          "(1+2j) > 1", "int(1+2j)", "float(1j)", "round(1j)", "bool(0j)", "-0j", "0j", "complex(-0.0, 0)", "1e300j * 1e300j",
          "format(1e300j * 1j, '')", "round(0.5 + 1e-17)", "round(2.5000000000000004)", "round(1e16 + 1)", "round(-1e-20, 19)",
          "round(5e-324, 323)", "round(5e-324, 324)", "round(1.7976931348623157e308, -308)", "round(123.456, 1000)", "round(123.456, -1000)"]:
    t(s)
