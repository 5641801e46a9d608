import sys
def f():
    try:
        {}['x']
    except KeyError as e:
        raise ValueError("bad") from e
try:
    f()
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        1/0
    except ZeroDivisionError:
        [][1]
except IndexError as e:
    print(repr(e.__context__), e.__cause__)
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
try:
    raise E(1, 2)
except E as e:
    print(e, e.args, e.b, repr(e))
print(sys.exc_info())
e = Exception("m"); e.x = 1; print(e.__dict__)
print(BaseException.__new__(ValueError, 1).args)
print(OSError(13, 'Permission denied').__class__, FileNotFoundError(2, 'x').strerror)
print(str(OSError()), str(OSError(5)), str(OSError(1,2,3,4,5)))
g = ExceptionGroup("g", [ValueError(1), ExceptionGroup("h", [TypeError(2)])])
m, r = g.split(TypeError); print(repr(m), repr(r))
print(g.subgroup(lambda e: isinstance(e, ValueError)))
print(g.exceptions, g.message)
f()
