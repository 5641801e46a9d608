class C:
    a = 1
    def m(self): pass
c = C()
print(c.__dict__)
c.x = 1; c.y = 2
print(c.__dict__)
c.__dict__['z'] = 3
print(c.z, vars(c))
c.__dict__ = {'q': 9}
print(c.q, hasattr(c, 'x'))
try:
    c.__dict__ = 1
except TypeError as e:
    print(e)
d = C.__dict__
print(type(d).__name__, d['a'], 'm' in d)
try:
    d['b'] = 2
except TypeError as e:
    print(e)
class E:
    x = 1
print(repr(E.__dict__)[:24])
print(sorted(k for k in E.__dict__))
print(vars(E)['x'])
try:
    vars(1)
except TypeError as e:
    print(e)
import sys
print(type(sys.__dict__).__name__)
def f(): pass
f.attr = 5
print(f.__dict__)
MappingProxyType = type(E.__dict__)
mp = MappingProxyType({'k': 1})
print(mp, len(mp), list(mp), mp.get('k'), mp.copy())
print(mp | {'j': 2})
