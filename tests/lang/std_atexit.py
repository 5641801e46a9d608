import atexit
def bye(*a, **k): print('bye', a, k)
class Boom:
    def __call__(self): 1/0
    def __repr__(self): return '<Boom>'
atexit.register(bye, 1, x=2)
atexit.register(Boom())
r = atexit.register(print, 'last registered runs first')
print(r is print)
atexit.register(bye, 'removed'); atexit.unregister(bye)
atexit.register(bye, 'kept')
try: atexit.register(3)
except TypeError as e: print(e)
try: atexit.register()
except TypeError as e: print(e)
print('end of main')
