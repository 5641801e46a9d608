class Data:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = '_' + name
    def __get__(self, obj, typ=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, v):
        setattr(obj, self.name, v * 2)
    def __delete__(self, obj):
        print('delete', self.name)
class NonData:
    def __get__(self, obj, typ=None):
        return 'nondata'
class C:
    d = Data()
    n = NonData()
c = C()
print(c.d)
c.d = 5
print(c.d, c._d)
c.__dict__['d'] = 'inst'
print(c.d)
print(c.n)
c.__dict__['n'] = 'inst-n'
print(c.n)
del c.d
print(isinstance(C.d, Data), C.n)
class GetOnly:
    def __get__(self, o, t): return 'g'
    def __delete__(self, o): print('del only')
class K:
    g = GetOnly()
k = K()
try:
    k.g = 1
except AttributeError as e:
    print(e)
del k.g
class SetOnly:
    def __set__(self, o, v): print('set', v)
class L:
    s = SetOnly()
l = L()
l.s = 3
print(type(l.s).__name__)
def f(self): return 'bound'
print(f.__get__(1)(), f.__get__(None, int) is f)
class M:
    pass
M.meth = f
print(M().meth())
try:
    del c.n
except AttributeError as e:
    print(e)
try:
    class Bad:
        class D:
            def __set_name__(self, o, n):
                raise ValueError('boom')
        x = D()
except Exception as e:
    print(type(e).__name__, e, e.__cause__)
