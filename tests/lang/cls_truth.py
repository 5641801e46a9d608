class T:
    def __bool__(self): return False
class L:
    def __len__(self): return 0
class L3:
    def __len__(self): return 3
class BadB:
    def __bool__(self): return 1
class BadL:
    def __len__(self): return -1
class BigL:
    def __len__(self): return 2**70
class StrL:
    def __len__(self): return 'x'
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(T()), bool(L()), bool(L3()), bool(Both()), bool(object()))
print(not T(), 'y' if L3() else 'n', len(L3()))
for cls in (BadB, BadL, BigL, StrL):
    try:
        print(bool(cls()))
    except Exception as e:
        print(type(e).__name__, e)
for cls in (BadL, BigL, StrL):
    try:
        print(len(cls()))
    except Exception as e:
        print(type(e).__name__, e)
try:
    if BadB(): pass
except TypeError as e:
    print(e)
try:
    len(T())
except TypeError as e:
    print(e)
class I:
    def __index__(self): return 2
print([10, 20, 30][I()], 'abc'[I()], bin(I()), hex(I()), range(I()), [1,2,3,4][I():])
print(int.__index__(5), (3).__index__())
class BadI:
    def __index__(self): return 'no'
try:
    [1][BadI()]
except TypeError as e:
    print(e)
try:
    k = 'a'
    [1][k]
except TypeError as e:
    print(e)
try:
    [1][2**70]
except IndexError as e:
    print(e)
try:
    'ab' * (2**70)
except OverflowError as e:
    print(e)
class Big:
    def __index__(self): return 2**70
try:
    [1,2][Big()]
except IndexError as e:
    print(e)
print(int(I()) if hasattr(int, '__index__') else 0)
