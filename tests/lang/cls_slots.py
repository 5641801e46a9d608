class P:
    __slots__ = ('x', 'y')
    def __init__(self, x): self.x = x
p = P(1)
print(p.x)
try:
    p.y
except AttributeError as e:
    print(e)
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    p.__dict__
except AttributeError as e:
    print(e)
print(hasattr(p, '__dict__'), type(P.x).__name__)
del p.x
try:
    del p.x
except AttributeError as e:
    print(e)
class Q(P):
    __slots__ = 'z'
q = Q(2)
q.z = 5
print(q.x, q.z)
class R(P):
    pass
r = R(3)
r.w = 4
print(r.__dict__)
class S:
    __slots__ = ('a', '__dict__')
s = S(); s.a = 1; s.b = 2
print(s.__dict__)
try:
    class T:
        __slots__ = ('v',)
        v = 1
except ValueError as e:
    print(e)
try:
    class U:
        __slots__ = (1,)
except TypeError as e:
    print(e)
print(P.__slots__, Q.__slots__)
try:
    class V(int):
        __slots__ = ('a',)
except TypeError as e:
    print(e)
