import reprlib
r = reprlib.Repr(); r.maxlist = 3; print(r.repr(list(range(10))), reprlib.repr('x' * 100))
