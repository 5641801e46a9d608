# Operator precedence and associativity as in CPython.
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 ** 2, -3 ** 2, (-3) ** 2, 2 ** -1)
print(10 - 4 - 3, 100 / 10 / 5, 2 ** 2 ** 3, 7 - -2, - - 3, ~~5)
print(1 + 2 << 3, 1 << 2 + 3, 6 & 3 | 8, 6 | 3 & 8, 5 ^ 3 & 1, 1 | 2 ^ 3)
print(not 1 == 2, not (1 and 0), 1 < 2 == True, (1 < 2) == True)
print(3 * 4 % 5, 3 + 4 % 5, 17 // 3 * 3, -17 // 3, -(17 // 3))
print(1 if 0 else 2 if 0 else 3, (1 if 1 else 2) + 10, 5 and 0 or 7)
print(2 * 3 > 5 and 4 + 1 == 5, [1, 2][1] ** 3, -2 ** -2)
