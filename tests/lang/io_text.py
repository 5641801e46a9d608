# TextIOWrapper over BytesIO and custom raw streams: newline modes, codecs,
# tell/seek cookies, reconfigure, detach, IncrementalNewlineDecoder, the
# io ABCs and Python subclasses of the _io classes.
import io, sys

def wrap(data, **kw):
    return io.TextIOWrapper(io.BytesIO(data), **kw)

t = wrap(b"a\r\nb\rc\nd")
print(t.readlines(), t.newlines, t.encoding)
t = wrap(b"a\r\nb\rc\nd", newline="")
print(t.readlines(), t.newlines)
t = wrap(b"a\r\nb\rc\nd", newline="\r")
print(t.readlines())
t = wrap(b"a\r\nb\rc\nd", newline="\n")
print([line for line in t])
t = wrap(b"x\r", newline=None)
print(repr(t.read()))

b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="utf-8", newline="\r\n")
t.write("1\n2\n")
t.flush()
print(b.getvalue())
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="utf-16")
t.write("hé\n")
t.write("x")
t.flush()
print(b.getvalue())
t.seek(0)
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO("αβγ\nδ\n".encode("utf-16-le")), encoding="utf-16-le")
print(t.readline(), t.read())
t = io.TextIOWrapper(io.BytesIO("caf\xe9\n".encode("cp1252")), encoding="cp1252")
print(repr(t.read()), t.encoding)

data = "héllo\nwörld €\nend\n".encode("utf-8")
t = wrap(data, encoding="utf-8")
marks = []
while True:
    pos = t.tell()
    line = t.readline()
    if not line:
        break
    marks.append((pos, line))
print(marks)
for pos, line in reversed(marks):
    t.seek(pos)
    print(pos, repr(t.readline()))
t.seek(0)
print(repr(t.read(2)))
cookie = t.tell()
print(repr(t.read(3)))
t.seek(cookie)
print(repr(t.read(3)), t.seek(0, 2), repr(t.read()))
for bad in [lambda: t.seek(1, 1), lambda: t.seek(1, 2), lambda: t.seek(-1), lambda: t.seek(0, 7)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
t.seek(0)
for line in t:
    pass
t.seek(0)
next(t)
try:
    t.tell()
except OSError as e:
    print("OSError", e)

t = wrap(b"abc", encoding="ascii")
t.reconfigure(errors="replace")
print(t.errors, t.read())
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="utf-8", line_buffering=False)
t.reconfigure(line_buffering=True)
print(t.line_buffering, t.write_through)
t.write("lb\n")
print(b.getvalue())
t.reconfigure(encoding="latin-1")
t.write("\xe9")
t.flush()
print(b.getvalue(), t.encoding)
raw = t.detach()
print(raw is b)
try:
    t.write("x")
except ValueError as e:
    print(e)
print(repr(t))

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("", final=True)), d.newlines)
print(d.getstate())
d.reset()
print(d.getstate(), d.newlines)
import codecs
d = io.IncrementalNewlineDecoder(codecs.getincrementaldecoder("utf-8")(), translate=False)
print(repr(d.decode(b"\xc3")), repr(d.decode(b"\xa9\r")), d.getstate(), repr(d.decode(b"\n", True)), d.newlines)

class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), 3, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

r = Raw(b"one\ntwo\nthree")
print(r.read(2), r.read(), r.read())
r = Raw(b"one\ntwo\nthree")
print(r.readall())
br = io.BufferedReader(Raw(b"one\ntwo\nthree"), 4)
print(br.readline(), br.read(3), br.peek()[:1], br.read())
tw = io.TextIOWrapper(io.BufferedReader(Raw("π\nρ\n".encode())), encoding="utf-8")
print(tw.readlines())

class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self):
        return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)

s = Sink()
w = io.BufferedWriter(s, buffer_size=4)
w.write(b"ab")
w.write(b"cdefg")
w.write(b"h")
print(s.chunks)
w.flush()
print(s.chunks)
pair = io.BufferedRWPair(io.BytesIO(b"in"), Sink())
print(pair.read(), pair.readable(), pair.writable(), pair.write(b"zz"), pair.closed)

print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.BytesIO, io.BufferedIOBase),
      issubclass(io.TextIOWrapper, io.TextIOBase), isinstance(sys.stdout, io.TextIOWrapper))
print(io.TextIOWrapper.__mro__)
print(io.UnsupportedOperation.__module__, io.UnsupportedOperation.__mro__[1:3])

class MyIO(io.StringIO):
    def write(self, s):
        return super().write(s.upper())
m = MyIO()
print("to my io", 42, file=m)
print(repr(m.getvalue()))

class Base(io.IOBase):
    pass
bb = Base()
print(bb.readable(), bb.writable(), bb.seekable(), bb.closed)
for name in ["fileno", "seek", "truncate"]:
    try:
        getattr(bb, name)(0) if name != "fileno" else bb.fileno()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
bb.close()
print(bb.closed)
try:
    bb.flush()
except ValueError as e:
    print(e)
try:
    with bb:
        pass
except ValueError as e:
    print(e)
print(io.text_encoding(None), io.text_encoding("x"))
for bad in [lambda: io.TextIOWrapper(io.BytesIO(), encoding="bogus"),
            lambda: io.TextIOWrapper(io.BytesIO(), errors=3), lambda: wrap(b"").write(b"x"),
            lambda: io.TextIOWrapper(io.BytesIO(), newline="x"), lambda: io.BufferedReader(Sink()),
            lambda: io.BufferedWriter(Raw(b"")), lambda: io.BufferedReader(io.BytesIO(), 0),
            lambda: io.TextIOWrapper(io.BytesIO(), encoding="rot13")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
sys.stdout.write("direct\n")
sys.stdout.buffer.write(b"bytes\n")
sys.stdout.flush()
print(sys.stdout.name, sys.stdout.mode, sys.stdout.encoding, sys.stderr.errors, sys.stdin.name)
print("done", flush=True)
