# Finalizers of objects still referenced from module globals run at
# interpreter exit, in creation order, while globals are intact.
import sys


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print('bye', self.n, sys is not None, type(self).__name__)


class B(A):
    pass


b = A('b')
a = A('a')
_c = A('_c')
x = A('x')
y = B('y')
y.other = x
cyc = A('cycle')
cyc.me = cyc


def f():
    return a


print('end of module')
