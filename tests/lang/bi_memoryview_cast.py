# memoryview.cast() to every native format, item get/set range and type
# checks, comparison, hashing, iteration (memory_iterator).
m=memoryview(bytearray(16))
for f in 'bBchHiIlLqQnNfd?P':
    try:
        c=m.cast(f); print(f, c.itemsize, len(c), c.format, c.nbytes, c.strides, c.tolist()[:2], c[0])
    except Exception as e: print(f, repr(e))
c=m.cast('i')
for v in (1, -1, 2**31, 2**31-1, -2**31, -2**31-1, 2**40, 1.5, 'a', True, None):
    try: c[0]=v; print('set', v, c[0])
    except Exception as e: print('set', v, repr(e))
for f in 'QqLlNnHhIiP':
    x = m.cast(f)
    for v in (2**64-1, 2**64, 2**63, 2**63-1, -2**63, -2**63-1, 65535, 65536, -32768, -32769, 2**32-1, 2**32):
        try: x[0]=v; print(f, 'set', v, x[0])
        except Exception as e: print(f, 'set', v, repr(e))
d=m.cast('d')
for v in (1, 1.5, 'a', True, 2**2000, -0.0):
    try: d[0]=v; print('set', v, d[0])
    except Exception as e: print('set', v, repr(e))
fl=m.cast('f')
for v in (1, 0.1, 'a', 1e300):
    try: fl[0]=v; print('set', v, fl[0])
    except Exception as e: print('set', v, repr(e))
cc=m.cast('c')
for v in (b'a', b'ab', 1, 'a', bytearray(b'a')):
    try: cc[0]=v; print('set', v, cc[0])
    except Exception as e: print('set', v, repr(e))
bb=m.cast('?')
for v in (0, 5, 'x', None):
    try: bb[0]=v; print('set', v, bb[0])
    except Exception as e: print('set', v, repr(e))
B=m.cast('B')
for v in (256, -1, 1.0, 255):
    try: B[0]=v; print(B[0])
    except Exception as e: print('set', v, repr(e))
b=m.cast('b')
for v in (128, -129, -128, 127):
    try: b[0]=v; print(b[0])
    except Exception as e: print('set', v, repr(e))
for args in (('x',), ('ii',), ('@i',), ('=i',), ('<i',), (1,), ('i', 5), ('i',[3]), ('i',[4]), ('B', (16,)), ('i', [0]), ('i', ['a']), (), ('',), ('@',)):
    try: r=m.cast(*args); print(args, r.format, r.shape, r.itemsize)
    except Exception as e: print(args, repr(e))
try: m.cast('i').cast('h')
except Exception as e: print(repr(e))
print(m.cast('i').cast('B').format, m.cast('@i').cast('c').format, m.cast('i')[1:3].format, m.cast('i')[::2].strides)
try: memoryview(b'abc').cast('i')
except Exception as e: print(repr(e))
try: memoryview(b'abcdefgh')[::2].cast('B')
except Exception as e: print(repr(e))
try: hash(memoryview(b'abcd').cast('i'))
except Exception as e: print(repr(e))
print(hash(memoryview(b'abcd').cast('c'))==hash(b'abcd'), hash(memoryview(b'abcd').cast('b'))==hash(b'abcd'))
x=memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00').cast('i'); print(x == [1,2], x.tolist(), x == memoryview(b'\x01\x00\x00\x00\x02\x00\x00\x00'), list(x), x[1], x[-1], x[::-1].tolist(), bytes(x[::-1]), x.tobytes(), x.hex())
y=memoryview(b'\x01\x00\x02\x00').cast('h'); print(x == y, y.tolist(), x[::-1] == x[::-1], x[1:] == memoryview(b'\x02\x00\x00\x00').cast('i'), x.cast('B') == b'\x01\x00\x00\x00\x02\x00\x00\x00')
print(memoryview(b'ab').cast('c').tolist(), list(memoryview(b'ab').cast('c')))
it=iter(memoryview(b'ab')); print(type(it).__name__, next(it), list(it))
f=memoryview(bytearray(8)).cast('d'); f[0]=float('nan'); print(f==f, f.tolist())
print(memoryview(b'abcd').cast('i', shape=[1]).shape)
print(m.cast(format='i').format)
try: m.cast('i', shape='x')
except Exception as e: print(repr(e))
print(len(m.cast('q')), m.cast('q').nbytes, m.cast('d').contiguous, m.cast('d')[::2].c_contiguous)
w = bytearray(8); mv = memoryview(w).cast('i'); mv[1] = 7; print(w)
mv[0:1] = memoryview(bytearray(b'\x05\x00\x00\x00')).cast('i'); print(w, mv.tolist())
print(bytes(mv), bytearray(mv), list(reversed(mv)), 7 in mv, 8 in mv)
it = iter(memoryview(b'abc')); print(next(it), [*it])
print(sum(memoryview(bytes(range(10)))), max(memoryview(b'\x05\x09\x01')))
