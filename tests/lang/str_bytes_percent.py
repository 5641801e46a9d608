# bytes %-formatting (%s/%b/%c/%a, keys), bytes.hex(sep, bytes_per_sep),
# the in operator of bytes, and complex __format__ with grouping and z.
class B:
    def __bytes__(self): return b'BB'
for f,a in [(b'%s',b'x'),(b'%b',bytearray(b'y')),(b'%s','x'),(b'%b',1),(b'%r','é'),(b'%a',b'x'),(b'%c',65),(b'%c',b'x'),(b'%c','x'),(b'%c',256),(b'%c',b'xy'),(b'%(a)s',{b'a':b'v'}),(b'%(a)s',{'a':b'v'}),(b'%s',B()),(b'%5s|%-4b|',(b'ab',b'c')),(b'%.1s',b'abc'),('%b','x'),(b'%c',-1),(b'%c',2**70),(b'%c', 1.5), (b'%d %x %5.2f', (3, 255, 2.5)), (bytearray(b'%s'), b'q'), (b'%y', 1), (b'\xff%s\xfe', b'\x80')]:
    try: print(repr(f % a))
    except Exception as e: print(type(e).__name__, e)
for args in [(), (':',), (b'-', 2), (':', -2), ('  ',), ('é',), (1,), ([1],), (':', 0), (':', 1.5)]:
    try: print(b'\x01\x02\x03\x04\x05'.hex(*args), bytearray(b'\xab\xcd\xef').hex(*args))
    except Exception as e: print(type(e).__name__, e)
print(b'ab'.hex(sep='.', bytes_per_sep=1))
for x in ['a', 1.5, 97, b'a', bytearray(b'z'), 300]:
    try: print(x in b'abc')
    except Exception as e: print(type(e).__name__, e)
for s in ['z.1f','z','z.1','z.1e','+z.1f', ',', ',.2f', '_.3e', '>30,.1f', '<30_', ',g', ',n', '', 'n', '^40,']:
  for c in [complex(-0.01,-0.01), complex(0.0,-0.0), 1234567.5-7654321.25j, 12345j, complex(-1e20, 1e20), complex(float('inf'), float('nan'))]:
    try: print(repr(format(c, s)))
    except Exception as e: print(type(e).__name__, e)
