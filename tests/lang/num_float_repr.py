# repr() of many floats: decimal literals over many magnitudes and random
# IEEE-754 bit patterns (from an LCG, decoded with float.fromhex), including
# subnormals and the extremes; also checks the round trip float(repr(x)).
state = 12345


def rand(bits):
    """Next `bits` pseudo-random bits from a 64-bit LCG (high bits first)."""
    global state
    out = 0
    got = 0
    while got < bits:
        state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
        out = (out << 32) | (state >> 32)
        got += 32
    return out >> (got - bits)


def from_bits(b):
    """The double whose IEEE-754 encoding is the 64-bit integer b."""
    sign = '-' if b >> 63 else ''
    exp = (b >> 52) & 0x7FF
    mant = b & ((1 << 52) - 1)
    if exp == 0x7FF:
        return float(sign + ('nan' if mant else 'inf'))
    if exp == 0:
        return float.fromhex('%s0x0.%013xp-1022' % (sign, mant))
    return float.fromhex('%s0x1.%013xp%d' % (sign, mant, exp - 1023))


values = []
# decimal literals: short mantissas at every power of ten
for e in range(-330, 311, 3):
    for m in ('1', '2.5', '9.999', '1.7976931348623157', '4.9', '123456789', '0.3'):
        values.append(float(m + 'e' + str(e)))
# random bit patterns over the whole range
for i in range(5000):
    values.append(from_bits(rand(64)))
# subnormals and values near the extremes
for i in range(1000):
    values.append(from_bits(rand(52)))
    values.append(from_bits((0x7FE << 52) | rand(52)))
# random decimal strings with 1..17 digits
for i in range(1500):
    nd = 1 + rand(5) % 17
    digits = str(rand(60) % 10**nd)
    values.append(float(digits + 'e' + str(rand(10) % 640 - 330)))
# integers and halves near 2**53
for k in range(-20, 20):
    values.append(float(2**53 + k))
    values.append(2.0**52 + k + 0.5)
# special values
values += [0.0, -0.0, float('inf'), float('-inf'), 5e-324, -5e-324,
           2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
           0.1, 0.2, 0.30000000000000004, 1e16, 1e15, 1e-4, 1e-5, 123456789012345680.0]

bad = 0
for v in values:
    r = repr(v)
    print(r, str(v) == r)
    if v == v and float(r) != v:
        bad += 1
print(len(values), 'values,', bad, 'round-trip failures')
print(repr(float('nan')), repr(from_bits((0x7FF << 52) | 1)))
