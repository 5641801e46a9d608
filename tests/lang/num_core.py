print(1 + 2, 2**100, -7 // 2, -7 % 3, divmod(-7, 2), pow(3, -1, 7))
def fact(n):
    r = 1
    for i in range(2, n + 1): r *= i
    return r
print(fact(100))
print(2**1000 // 3**200)
print(0.1 + 0.2, 1e16, 1e-7, 1/3, 2.5e-300, float('1e500'), -0.0, 1e22, 123456789012345.0)
x = 1234567.891
print(f'{x:,.2f}', f'{255:#x}', f'{1234567:_b}', f'{x:e}', f'{x:10.3g}|', f'{-42:=+8d}')
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), int('1_000'), hash(-1), hash(2**100), hash(1.5))
print(int('  -0x1f  ', 16), int('0b101', 0), int(3.99), int(-3.99), int(True))
print(float('  -1.5e3 '), float('inf'), float('-nan'), float(10**20))
print(3/2, 10/5, 2**-1, 7.0//2, 7.0%-2, divmod(7.5, 2))
print(1 == 1.0, 2**53 + 1 == float(2**53 + 1), 10**400 > 1e308, hash(1.0) == hash(1))
print((1+2j), 2j, complex(0, -0.0), -(0+1j), complex(-0.0, -1), complex('1+2j'), abs(3+4j), (1+2j)*(3-4j), (1+2j)/(3-4j), (1+1j)**2)
print(True + True, True & False, True | False, True ^ True, repr(True), ~True, -True)
print(bin(-10), oct(64), hex(-255), (255).to_bytes(2, 'big'), int.from_bytes(b'\x01\x00', 'little'), (-1).to_bytes(2, 'big', signed=True))
print((10).bit_length(), (255).bit_count(), (2.5).as_integer_ratio(), (0.1).hex(), float.fromhex('0x1.8p1'), (3.0).is_integer())
print(round(123456, -2), round(125, -1), round(135, -1), round(-125, -1), 10**20 / 3, (10**400) // (10**390), 1 << 100, -(1 << 100) >> 3)
print(int.__name__, bool.__mro__ if hasattr(bool, '__mro__') else None)
