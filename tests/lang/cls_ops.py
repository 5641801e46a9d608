class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return 'V(%r)' % (self.v,)
names = ['add','sub','mul','matmul','truediv','floordiv','mod','pow','lshift','rshift','and','xor','or']
def mk(n):
    def f(self, o): return V('%s(%r,%r)' % (n, self.v, o.v if isinstance(o, V) else o))
    return f
for n in names + ['divmod']:
    setattr(V, '__%s__' % n, mk(n))
    setattr(V, '__r%s__' % n, mk('r' + n))
for n in names:
    setattr(V, '__i%s__' % n, mk('i' + n))
V.__neg__ = lambda s: 'neg'
V.__pos__ = lambda s: 'pos'
V.__abs__ = lambda s: 'abs'
V.__invert__ = lambda s: 'inv'
a = V(1)
syms = ['+','-','*','@','/','//','%','**','<<','>>','&','^','|']
for s in syms:
    print(eval('a %s 2' % s), eval('3 %s a' % s))
    x = V(1)
    exec('x %s= 5' % s)
    print(x)
print(divmod(a, 2), divmod(2, a), pow(a, 2), pow(2, a))
print(-a, +a, abs(a), ~a)
class N:
    def __add__(self, o): return NotImplemented
    def __radd__(self, o): return 'radd'
    def __iadd__(self, o): return NotImplemented
n = N()
try:
    n + 1
except TypeError as e:
    print(e)
print(1 + n)
try:
    n += 1
except TypeError as e:
    print(e)
class O:
    def __add__(self, o): return NotImplemented
try:
    O() + O()
except TypeError as e:
    print(e)
try:
    O() - 1
except TypeError as e:
    print(e)
try:
    x = O(); x += 'a'
except TypeError as e:
    print(e)
try:
    -O()
except TypeError as e:
    print(e)
try:
    O() @ 1
except TypeError as e:
    print(e)
try:
    pow(O(), 2, 3)
except TypeError as e:
    print(e)
class Sub(V):
    def __radd__(self, o): return 'sub radd first'
print(V(1) + Sub(2))
class Sub2(V): pass
print(V(1) + Sub2(2))
try:
    1 < O()
except TypeError as e:
    print(e)
try:
    O() >= 'a'
except TypeError as e:
    print(e)
try:
    [] < ()
except TypeError as e:
    print(e)
class R:
    def __lt__(self, o): return 'lt'
    def __gt__(self, o): return 'gt'
    def __eq__(self, o): return 'eq'
print(R() < 1, 1 < R(), R() > 1, 1 > R(), R() == 1, 1 == R(), R() != 1)
try:
    R() <= 1
except TypeError as e:
    print(e)
class RS(R):
    def __gt__(self, o): return 'RS.gt'
print(R() < RS())
print(O() == O(), O() != O())
