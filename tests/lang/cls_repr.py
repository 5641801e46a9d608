class A:
    def __repr__(self): return 'A-repr'
class B(A):
    def __str__(self): return 'B-str'
class F:
    def __format__(self, spec): return 'F<' + spec + '>'
print(A(), str(A()), repr(B()), str(B()), [A(), B()], f'{B()!r} {B()!s} {B()}')
print(format(F(), 'xyz'), f'{F():>5}', '{:q}'.format(F()))
class BadR:
    def __repr__(self): return 5
try:
    repr(BadR())
except TypeError as e:
    print(e)
class BadS:
    def __str__(self): return None
try:
    str(BadS())
except TypeError as e:
    print(e)
class BadF:
    def __format__(self, s): return 1
try:
    format(BadF())
except TypeError as e:
    print(e)
try:
    format(object(), 'x')
except TypeError as e:
    print(e)
print(format(A(), ''))
class P: pass
print(repr(P()).startswith('<__main__.P object at 0x'))
print(repr(P), str(P), repr(int), repr(type), repr(object))
class Q:
    class Inner: pass
print(Q.Inner, Q.Inner.__qualname__, Q.Inner.__module__)
class SR(str):
    def __repr__(self): return 'SR!'
print([SR('x')], str(SR('y')), f'{SR("z")}')
class IR(int): pass
print(IR(5), repr(IR(5)), f'{IR(7):03d}')
