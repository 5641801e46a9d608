eg = ExceptionGroup('msg', [ValueError(1), TypeError(2), ValueError(3)])
print(eg, repr(eg), eg.message, eg.exceptions, type(eg).__name__)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
print(repr(eg.split(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
print(repr(eg.derive([KeyError('k')])))
nested = ExceptionGroup('outer', [ValueError('a'), ExceptionGroup('inner', [TypeError('b'), ValueError('c')])])
print(repr(nested.subgroup(ValueError)))
print(repr(nested.split((TypeError,))))
print(nested.subgroup(Exception) is nested)
for bad in [('m', []), ('m', 5), (5, [ValueError()]), ('m', [1]), ('m',)]:
    try:
        ExceptionGroup(*bad)
    except Exception as e:
        print(type(e).__name__, e)
beg = BaseExceptionGroup('b', [KeyboardInterrupt()])
print(type(beg).__name__)
beg2 = BaseExceptionGroup('b', [ValueError()])
print(type(beg2).__name__)
try:
    ExceptionGroup('m', [KeyboardInterrupt()])
except TypeError as e:
    print(e)
eg.add_note('hi')
s, _ = eg.split(ValueError)
print(s.__notes__)
print(str(ExceptionGroup('one', [ValueError()])))
try:
    eg.split(1)
except TypeError as e:
    print(e)
