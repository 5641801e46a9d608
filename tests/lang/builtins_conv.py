# Conversions: int, float, str, repr, bool, hex, bin, oct, ord, chr, abs, round.
print(int("42"), int(" -17 "), int("1_000"), int("ff", 16), int("0x1F", 16), int("0b101", 0), int("z", 36), int(3.9), int(-3.9), int(True))
print(float("3.5"), float(" 1e3 "), float("-inf"), float(2), float("1_0.5"), str(3.0), str(-0.5))
print(str(10), str("s"), repr("s"), repr(10), repr(1.0), repr(None), repr([1, "x"]), repr((1,)))
print(bool(0), bool(3), bool(""), bool("0"), bool([]), bool(None))
print(hex(255), hex(-255), bin(10), bin(-10), oct(8), oct(-8), hex(0))
print(ord("A"), ord("é"), ord("€"), chr(65), chr(233), chr(8364), repr(chr(0)))
print(abs(-3), abs(3.5), abs(-0.0), round(3.14159, 2), round(7), round(-0.5), round(1.5), round(25, -1), round(35, -1))
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, -2), pow(7, 2, 5), pow(-3, 3))
print(type(1), type(1.0), type("s"), type([]), type(()), type({}), type(None), type(True), type(range(1)), type(len))
print(isinstance(1, int), isinstance(1, (str, float)), isinstance(True, int), isinstance("s", str))
for bad in ("abc", "", "1.5", "0x10"):
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    float("abc")
except ValueError as e:
    print(e)
try:
    chr(-1)
except ValueError as e:
    print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
