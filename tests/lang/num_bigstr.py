# Decimal conversion of very large ints (str/int with the digit limit off),
# checked by length, digit checksums and round trips; and the limit errors.
import sys

n = 3**100000
try:
    str(n)
except ValueError as e:
    print('ValueError:', e)
try:
    int('1' * 5000)
except ValueError as e:
    print('ValueError:', e)
sys.set_int_max_str_digits(0)
s = str(n)
print(len(s), s[:30], s[-30:])
print(sum(map(int, s)), sum(int(c) * (i % 7 + 1) for i, c in enumerate(s)) % 1000003)
m = int('9' * 50000)
print(m == 10**50000 - 1, m.bit_length(), m % 1000000007)
print(int(s) == n, str(-n)[:5], int('-' + s) == -n)
for k in (1, 9, 10, 19, 20, 100, 1000, 4301, 12345):
    v = 7**k
    print(k, str(v) == repr(v), len(str(v)), int(str(v)) == v, str(v)[-8:])
p = 10**20000
print(len(str(p)), str(p).count('0'), len(str(p - 1)), str(p + 1)[-3:])
print(int(' 1_000_000' + '_000' * 2000 + ' ') == 10**6006)
sys.set_int_max_str_digits(4300)
print(sys.get_int_max_str_digits())
try:
    int('9' * 4301)
except ValueError as e:
    print('ValueError:', e)
print(len(str(10**4299)))
