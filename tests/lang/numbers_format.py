# Number formatting: format(), str.format, %-format, round-trip reprs.
for v in (0, 7, -7, 255, 10 ** 12, -10 ** 15):
    print(format(v, "d"), format(v, ","), format(v, "_"), format(v, "x"), format(v, "#o"), format(v, "b")[:12], format(v, "+08d"), format(v, "^9"))
for f in (0.0, 1.5, -2.25, 3.14159, 1e-5, 12345.678, 1e20, -0.0):
    print(format(f, ".2f"), format(f, "e"), format(f, ".3g"), format(f, "g"), format(f, "10.1f"), format(f, "%"), format(f, ",.1f"), repr(f))
print("%d %i %5d %-5d| %05d %+d %x %X %o %e %E %f %g %G %.3s %c" % (1, 2, 3, 4, 5, 6, 255, 255, 8, 12345.6789, 0.000123, 1.5, 1e-10, 1e20, "abcdef", "z"))
print("{:08.3f} {:+.1e} {:.0f} {:.0f} {:.0f} {:#b} {:c}".format(3.14159, 12345.678, 0.5, 1.5, 2.5, 5, 97))
print(1e100, 1.5e-10, 123e-20, float(10 ** 16), float(10 ** 15), 0.1 ** 10, 2.0 ** 70, 1 / 7)
