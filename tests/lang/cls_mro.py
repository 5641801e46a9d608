class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([k.__name__ for k in Z.__mro__])
print([k.__name__ for k in Z.mro()])
class X: pass
class Y(X): pass
try:
    class Bad(X, Y): pass
except TypeError as e:
    print(e)
class P: pass
class Q: pass
class PQ(P, Q): pass
class QP(Q, P): pass
try:
    class W(PQ, QP): pass
except TypeError as e:
    print(e)
try:
    class Dup(P, P): pass
except TypeError as e:
    print(e)
class Base:
    def who(self): return 'Base'
class L(Base):
    def who(self): return 'L>' + super().who()
class R(Base):
    def who(self): return 'R>' + super().who()
class LR(L, R):
    def who(self): return 'LR>' + super().who()
print(LR().who())
print(LR.__bases__ == (L, R), LR.__base__ is L)
print(Base.__subclasses__() == [L, R])
try:
    class NoInt(int, str): pass
except TypeError as e:
    print(e)
