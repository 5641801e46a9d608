class I(int):
    def __repr__(self): return 'I(%d)' % int(self)
class F(float): pass
class C(complex): pass
a = I(5)
print(a, repr(a), a + 1, type(a + 1), type(a), isinstance(a, int), I('12', 8), I(), type(I()))
print(F(1.5), type(F(1.5)), F('2.5') * 2, type(F(2) * 2), C(1, 2), type(C(1,2)))
class Idx:
    def __index__(self): return 7
class Int:
    def __int__(self): return 9
class Trunc:
    def __trunc__(self): return 11
class Fl:
    def __float__(self): return 2.5
class Cx:
    def __complex__(self): return 1+1j
print(int(Idx()), int(Int()), float(Fl()), float(Idx()), complex(Cx()), complex(Fl()), bin(Idx()), hex(Idx()))
try:
    class B(bool): pass
except TypeError as e: print(e)
print(int.from_bytes(b'\x00\x10', 'big'), I.from_bytes(b'\x01', 'big'), type(I.from_bytes(b'\x01', 'big')))
print(F.fromhex('0x1p3'), type(F.fromhex('0x1p3')))
print(sorted([3, 1.5, 2, -1, 10**20, 1e19]), max(1, 2.5), min(-1, -0.5))
print({1: 'a', 1.0: 'b', True: 'c'}, {2**100, 2.0**100})
print(0x_ff, 0o17, 0b101, 1_000_000, 1e3, 1.5j, 10 ** 30, 123456789012345678901234567890, .5, 1., 1_0.0_1)
x = 10
x += 5; x -= 2; x *= 3; x //= 2; x %= 7; x **= 3; x <<= 2; x >>= 1; x |= 1; x &= 0xff; x ^= 3
print(x)
import sys
print(sys.float_info.max if hasattr(sys, 'float_info') else '')
print(sys.get_int_max_str_digits() if hasattr(sys, 'get_int_max_str_digits') else 'no')
print(-5 ** 2, (-5) ** 2, 2 ** 3 ** 2, -2 ** -1, 2 ** -1074, 2.0 ** -1075, 10 ** -2)
print(divmod(5, 2.0), 5 % 2.5, 5.5 // 1, 3 * 1.1, 1 / 3 * 3, 0.1 + 0.7, 1e308 * 10, -1e308 * 10)
print(float('inf') - float('inf'), float('inf') * 0, 2 ** 0.5 * 2 ** 0.5)
print(int('٣'), float('١.٥')) 
