# Arbitrary precision: no silent 64-bit overflow anywhere.
f = 1
for i in range(1, 101):
    f *= i
print(f)
print(len(str(f)), f % 1000007, f // 10**150)
big = 2 ** 64
print(big, big - 1, big + 1, -big, big * big)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(9223372036854775807 * 2, (-9223372036854775807 - 1) // -1)
print(3 ** 200 // 7 ** 50, 3 ** 200 % 7 ** 50, divmod(-(10 ** 30), 7))
print((10 ** 40 + 1) * (10 ** 40 - 1) == 10 ** 80 - 1)
print(2 ** 200 >> 190, 1 << 200, (2 ** 130 - 1) & (2 ** 70 + 5), -(2 ** 100) | 3)
print(pow(3, 1000, 10 ** 9 + 7), pow(2, 100, 1), abs(-(10 ** 25)))
n = 1
for i in range(70):
    n = n * 3 + 1
print(n, n.bit_length())
print(int("123456789012345678901234567890") * 3)
print(hex(2 ** 100), oct(2 ** 70), bin(2 ** 65 + 1))
print(10 ** 20 / 10 ** 10, 2 ** 100 / 2 ** 99)
print(-(2**63) , 2**63 - 1, -(2**63) - 1, 2**63 * -1)
