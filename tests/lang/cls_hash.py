class E:
    def __eq__(self, o): return True
print(E.__hash__)
try:
    hash(E())
except TypeError as e:
    print(e)
try:
    {E()}
except TypeError as e:
    print(e)
class F(E):
    __hash__ = object.__hash__
print(type(hash(F())).__name__)
class G:
    def __hash__(self): return 42
print(hash(G()))
class H:
    def __hash__(self): return 'x'
try:
    hash(H())
except TypeError as e:
    print(e)
class I:
    def __hash__(self): return 2**70
print(hash(I()) == hash(2**70))
class J:
    __hash__ = None
try:
    hash(J())
except TypeError as e:
    print(e)
class K(E):
    def __hash__(self): return 7
print(hash(K()))
class M:
    def __eq__(self, o): return 'yes'
    __hash__ = lambda self: -1
print(hash(M()), M() == 1)
