# Integer arithmetic: floor division and modulo signs, powers, bitwise ops.
print(2**100, 7//-2, -7%3, 1/3, 0.1+0.2)
for a in (7, -7, 13, -13, 0):
    for b in (2, -2, 5, -5):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** -1, (-2) ** 3, (-2) ** -2, 0 ** 0)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, -5 & 0xff, -1 >> 3, 1 << 70, -(1 << 70) >> 3)
print(-17 & 0xF0, -17 | 12, -17 ^ -3, ~-1)
x = 10
x += 5
x -= 3
x *= 4
x //= 5
x %= 7
x **= 3
x <<= 2
x >>= 1
x |= 1
x &= 0xFF
x ^= 0x0F
print(x)
print(abs(-42), -(-42), +7, int(True) + True)
print(9 // 2 * 2 + 9 % 2, 2 ** 3 ** 2, -2 ** 2)
