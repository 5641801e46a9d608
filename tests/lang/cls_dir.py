class A:
    cls_attr = 1
    def meth(self): pass
class B(A):
    other = 2
b = B()
b.inst = 3
print([n for n in dir(b) if not n.startswith('__')])
print([n for n in dir(B) if not n.startswith('__')])
print('__init__' in dir(b), '__class__' in dir(b), '__dict__' in dir(b))
class C:
    def __dir__(self): return ['z', 'a', 'm']
print(dir(C()))
class BadDir:
    def __dir__(self): return 5
try:
    dir(BadDir())
except TypeError as e:
    print(e)
import sys
print('argv' in dir(sys), dir(sys) == sorted(dir(sys)))
def f():
    x = 1; y = 2
    return dir()
print(f())
print(vars(b))
print(sorted(vars(B)))
print([n for n in dir(1) if not n.startswith('_')][:5])
print(dir(object) == sorted(dir(object)), len(dir(object)) > 20)
try:
    vars(b, 1)
except TypeError as e:
    print(e)
try:
    dir(1, 2)
except TypeError as e:
    print(e)
