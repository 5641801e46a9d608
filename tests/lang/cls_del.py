class D:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n)
a = D(1)
b = a
del a
print('after del a')
del b
print('after del b')
def f():
    x = D(2)
    print('in f')
f()
print('after f')
l = [D(3), D(4)]
l.pop()
print('popped')
l = None
print('cleared')
d = D(5)
d = D(6)
print('rebound')
class Sub(D): pass
s = Sub(7)
del s
print('end')
x = D(8)
del x, d
print('done')
