# Attribute access and method calls on builtin objects.
s = "text"
up = s.upper
print(up(), "a-b".split("-"), s.__len__(), (5).__add__(3), (2.5).is_integer(), (10).bit_length())
l = []
push = l.append
push(1)
push(2)
print(l, [3, 1, 2].index(2), {"a": 1}.get("a"), (1, 2).count(1))
print(type(s).__name__, type(l).__name__, len.__name__, int.__name__)
print((255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (3.75).as_integer_ratio(), (7).real, 1.5.imag)
print("abc".startswith("a"), str.upper("x"), list.__name__, dict.fromkeys([1, 2]))
print(repr(len), repr(print).startswith("<built-in function"), callable(len), callable(5), callable(str))
