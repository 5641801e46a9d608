import types
a = compile('1','a','exec'); b = compile('1','a','exec')
print(a == b, hash(a) == hash(b), a != b)
print(compile('1','a','exec') == compile('2','a','exec'))
def f(x, y=2): return x + y
c = f.__code__
c2 = c.replace(co_name='g')
print(c2.co_name, c2 == c, c2.co_varnames)
try: c.replace(co_bogus=1)
except TypeError as e: print(e)
g = types.FunctionType(c, globals())
print(g(1, 5), g.__name__)
g = types.FunctionType(c, globals(), 'h', (10,))
print(g(1), g.__name__, g.__defaults__)
try: types.FunctionType(1, {})
except TypeError as e: print(e)
try: types.FunctionType(c, 1)
except TypeError as e: print(e)
def f(x, y=2): return x + y
c = f.__code__
for kw in [dict(co_bogus=1), dict(co_name=1), dict(co_argcount='a'), dict(co_consts=[1]), dict(co_code='x'), dict(co_nlocals=7), dict(co_varnames=('a',)), dict(co_names=(1,)), dict(co_filename=b'x'), dict(co_linetable=1), dict(co_argcount=-1), dict(co_argcount=5), dict(co_code=b'abc'), dict(co_flags=-2), dict(co_argcount=2**40)]:
    try:
        r = c.replace(**kw)
        print(kw, 'ok', r.co_nlocals, r.co_argcount)
    except Exception as e:
        print(kw, type(e).__name__, e)
try: c.replace(1)
except TypeError as e: print(e)
print(compile('1','a','exec') == compile('1','b','exec'))
print(compile('1.0','a','exec') == compile('1','a','exec'))
print(compile('0.0','a','exec') == compile('-0.0','a','exec'))
print(compile('x=(1,2)','a','exec') == compile('x=(1,2.0)','a','exec'))
print(compile('def f(): pass','a','exec') == compile('def f(): pass','a','exec'))
print(compile('def f(): pass','a','exec') == compile('def g(): pass','a','exec'))
print(compile('a','a','exec') == compile('b','a','exec'))
print(compile('1','a','exec') == compile('\n1','a','exec'))
print(compile('1','a','exec') == compile('1','a','eval'))
print(compile('1','a','exec').__eq__(1))
print(compile('None','a','exec') == compile('...','a','exec'))
print(compile('1','a','exec') == compile('True','a','exec'))
print(compile('x={1,2}','a','exec') == compile('x={1,2}','a','exec'))
print(compile('b"a"','a','exec') == compile('"a"','a','exec'))
print(compile('x in {1,2}','a','exec') == compile('x in {1.0,2}','a','exec'))
print(compile('1j','a','exec') == compile('1j','a','exec'), compile('-0j','a','exec') == compile('0j','a','exec'))
d = {compile('1','a','exec'): 1}; print(compile('1','b','exec') in d)
def mk():
    def g(a): return a
    return g.__code__
print(mk() == mk(), hash(mk()) == hash(mk()))
def f(x, y=2): return x + y
c = f.__code__
g = types.FunctionType(c.replace(co_name='g', co_qualname='g'), {'__name__': 'm'}, None, (3,))
print(g(1), g.__name__, g.__qualname__, g.__module__, g.__defaults__)
c3 = c.replace(co_consts=c.co_consts, co_firstlineno=100)
print(c3.co_firstlineno, c3 == c, c3.replace(co_firstlineno=c.co_firstlineno) == c)
print(c.replace() == c, c.replace() is c, hash(c.replace()) == hash(c))
def outer():
    z = 5
    def inner(a): return a + z
    return inner
inn = outer()
ic = inn.__code__
print(ic.co_freevars)
for args in [(ic, {}), (ic, {}, None, None, (1,)), (ic, {}, None, None, ()), (ic, {}, None, None, None), (ic, {}, None, None, [1]),
             (c, {}, 5), (c, {}, None, [1]), (c, {}, None, None, (inn.__closure__[0],)), (ic, {}, 'n', None, inn.__closure__)]:
    try:
        r = types.FunctionType(*args)
        print('ok', r.__name__, r(1) if r.__code__ is ic else '')
    except Exception as e:
        print(type(e).__name__, e)
try:
    f.__code__ = ic
except ValueError as e: print(e)
try:
    exec(c.replace(co_freevars=('q',)))
except Exception as e: print(type(e).__name__, e)
try: types.FunctionType(code=c, globals={}, name='kw')(1)
except Exception as e: print(type(e).__name__, e)
print(types.FunctionType(code=c, globals={}, name='kw', argdefs=(1, 2))())
try: types.FunctionType(c)
except TypeError as e: print(e)
try: types.FunctionType(c, {}, foo=1)
except TypeError as e: print(e)
print({c: 1}[c.replace()])
lam = lambda: 1
print(lam.__code__ == (lambda: 1).__code__)
