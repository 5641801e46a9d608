class C:
    def __init__(self): self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v): self._x = v
    @x.deleter
    def x(self): print('deleting'); del self._x
    @property
    def ro(self): return 'ro'
    def gety(self): return 'y'
    y = property(gety, doc='ydoc')
c = C()
c.x = 4
print(c.x, C.x.__doc__, C.y.__doc__, C.ro.__doc__)
del c.x
try:
    c.x
except AttributeError as e:
    print(e)
try:
    c.ro = 1
except AttributeError as e:
    print(e)
try:
    del c.ro
except AttributeError as e:
    print(e)
p = property()
class D:
    z = p
try:
    D().z
except AttributeError as e:
    print(e)
print(C.x.fget.__name__, C.x.fset.__name__, C.ro.fset)
print(type(C.x).__name__, isinstance(C.x, property))
class E(C):
    @C.x.getter
    def x(self): return 'E' + str(self._x)
e = E()
e.x = 9
print(e.x)
print(property.__doc__[:20] if property.__doc__ else None)
class F:
    @property
    def bad(self):
        raise AttributeError('inner')
    def __getattr__(self, n):
        return 'fallback ' + n
print(F().bad)
class G:
    __slots__ = ()
    x = property(lambda s: 1)
try:
    G().x = 2
except AttributeError as e:
    print(e)
