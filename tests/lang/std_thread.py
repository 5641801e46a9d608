import _thread
print(_thread.TIMEOUT_MAX, _thread.error is RuntimeError, _thread.LockType.__name__, _thread._count())
l = _thread.allocate_lock()
print(type(l) is _thread.LockType, l.locked(), l.acquire(), l.locked())
print(l.acquire(False), l.acquire(timeout=0), l.acquire(blocking=False))
for args in [(False, 1), (True, -2)]:
    try: l.acquire(*args)
    except ValueError as e: print(type(e).__name__, e)
l.release()
try: l.release()
except RuntimeError as e: print(e)
with l:
    print('held', l.locked())
print('released', l.locked())
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._recursion_count(), r._is_owned())
r.release(); r.release(); print(r._is_owned())
try: r.release()
except RuntimeError as e: print(e)
with r:
    with r:
        print('nested', r._recursion_count())
print(isinstance(_thread.get_ident(), int), _thread.get_ident() == _thread.get_ident())
import threading
print(threading.current_thread().name, threading.get_ident() == _thread.get_ident())
lk = threading.Lock(); rl = threading.RLock(); cond = threading.Condition()
with lk, rl, cond:
    print('threading locks ok')
ev = threading.Event(); ev.set(); print(ev.is_set(), ev.wait(0))
import functools, reprlib
print(reprlib.recursive_repr()(lambda self: 'x')(1))
