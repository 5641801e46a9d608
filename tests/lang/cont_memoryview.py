# memoryview over bytes and bytearray: the 1-D unsigned-byte buffer protocol.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

m = memoryview(b"hello world")
print(len(m), m[0], m[-1], m.readonly, m.format, m.itemsize, m.nbytes, m.ndim)
print(m.shape, m.strides, m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous)
print(m.tobytes(), m.tolist()[:3], m.hex(), m.hex(":"), m.obj)
s = m[6:]
print(type(s).__name__, s.tobytes(), len(s), s[0], bytes(s))
st = m[::2]
print(st.tobytes(), st.strides, st.contiguous, st[::-1].tobytes(), st[1:3].tolist())
print(m[::-1].tobytes(), m[5:2].tobytes(), m[100:].tobytes(), m[-3:].tobytes())
print(list(m[:5]), bytes(m[:5]), bytearray(m[:5]))
print(m == b"hello world", m == bytearray(b"hello world"), m == m[:], m != b"x", m == "hello")
print(m[:5] == memoryview(b"hello"), hash(m[:5]) == hash(b"hello"))
show(lambda: m[11])
show(lambda: m[-12])
show(lambda: m["a"])
show(lambda: m[1.5])
show(lambda: m[10**30])
show(lambda: m.__setitem__(0, 1))
show(lambda: memoryview(5))
show(lambda: memoryview("abc"))
show(lambda: memoryview())

ba = bytearray(b"abcdef")
w = memoryview(ba)
print(w.readonly, w.obj is ba)
w[0] = 65
w[1:3] = b"BC"
w[-1] = ord("F")
print(ba)
w[::2] = b"xyz"
print(ba, w.tolist())
w[3:5] = memoryview(b"12")
print(ba)
show(lambda: w.__setitem__(0, 256))
show(lambda: w.__setitem__(0, -1))
show(lambda: w.__setitem__(0, "a"))
show(lambda: w.__setitem__(slice(0, 2), b"abc"))
show(lambda: w.__setitem__(slice(0, 2), [1, 2]))
show(lambda: w.__delitem__(0))
show(lambda: hash(w))
r = w.toreadonly()
print(r.readonly)
show(lambda: r.__setitem__(0, 1))
sub = w[1:4]
w.release()
print(sub.tobytes())
with memoryview(b"ctx") as c:
    print(c.tobytes(), bytes(c))
show(lambda: c.tobytes())
show(lambda: len(c))
show(lambda: c[0])
show(lambda: c.readonly)
print(c == c, c == b"ctx")
c.release()
print(repr(c).startswith("<released memory at 0x"), repr(m).startswith("<memory at 0x"))
print(memoryview(memoryview(b"abc")).tobytes(), memoryview(object=b"kw").tobytes())
print(isinstance(m, memoryview), type(m))
