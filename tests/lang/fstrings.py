# f-strings: expressions, conversions, format specs, nesting, self-documenting.
name = "pith"
n = 42
pi = 3.14159265
items = [1, 2, 3]
print(f"hello {name}!", f"{n + 1}", f"{name!r}", f"{name!s}", f"{'é'!a}")
print(f"{pi:.2f}", f"{pi:10.3f}|", f"{n:08b}", f"{n:#x}", f"{n:,}", f"{1234567:_}", f"{n:>6}", f"{n:<6}|", f"{n:^7}|")
width = 10
prec = 3
print(f"{pi:{width}.{prec}f}|", f"{'x':*^{width}}")
print(f"{items[0]} {items[-1]} {len(items)} {[i * 2 for i in items]}")
print(f"{n=}", f"{n = }", f"{pi=:.1f}", f"{name=!s}")
print(f"{{literal}} {n}", f"{'nested ' + f'{n}'}", f"""{"triple"}""")
print(f"{1e10:e}", f"{0.000123:g}", f"{0.5:%}", f"{-5:+d}", f"{5:+d}", f"{3.0:g}", f"{-0.0:z.1f}" if False else "")
print(format(255, "x"), format(3.5, "08.2f"), format("s", ">3"), format(10 ** 20, ","), format(True, "d"))
d = {"key": "value"}
print(f"{d['key']}", f"{d}", f"{(lambda x: x * 2)(4)}", f"{n if n > 10 else 0}")
