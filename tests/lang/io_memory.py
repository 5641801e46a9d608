# BytesIO and StringIO: the full in-memory stream API and its errors.
import io

b = io.BytesIO(b"hello\nworld\nlast")
print(b.read(3), b.tell(), b.readline(), b.readline(2), b.readline())
print(b.read(), b.read(), b.tell())
print(b.seek(0), b.readlines())
print(b.seek(2), b.read1(2), b.seek(-3, 2), b.read(), b.seek(1, 1), b.tell())
b.seek(0)
print(list(b))
print(b.getvalue())
print(b.seek(20), b.write(b"XY"), b.getvalue())
print(b.truncate(5), b.getvalue(), b.tell())
b.seek(1)
print(b.write(bytearray(b"__")), b.getvalue())
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)
buf = bytearray(3)
b.seek(0)
print(b.readinto(buf), buf)
b.writelines([b"a", b"b"])
print(b.getvalue(), bytes(b.getbuffer()))
for bad in [lambda: b.seek(-1), lambda: b.seek(0, 3), lambda: b.truncate(-1), lambda: b.write("s"),
            lambda: b.read("x")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
with io.BytesIO(b"ctx") as c:
    print(c.read())
print(c.closed)
for op in [c.read, c.getvalue, c.tell, lambda: c.write(b""), c.readable, c.flush]:
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
print(io.BytesIO().read(), io.BytesIO(None).getvalue())

s = io.StringIO("one\ntwo\r\nthree\rfour")
print(repr(s.read(4)), s.tell(), repr(s.readline()), repr(s.readline()))
print(repr(s.read()), s.newlines)
s = io.StringIO("a\r\nb\rc\n", newline=None)
print(repr(s.getvalue()), s.readlines(), s.newlines)
s = io.StringIO("a\r\nb\rc\n", newline="")
print(s.readlines(), s.newlines)
s = io.StringIO(newline="\r\n")
s.write("x\ny\n")
print(repr(s.getvalue()))
s.seek(0)
print(s.readlines())
s = io.StringIO()
print(s.write("héllo €"), s.tell(), s.getvalue())
print(s.seek(0), s.read(2), s.seek(0, 2), s.tell())
print(s.seek(10), s.write("!"), repr(s.getvalue()))
print(s.truncate(3), repr(s.getvalue()), s.tell())
s.seek(0)
print(list(s), s.readable(), s.writable(), s.seekable(), s.line_buffering)
for bad in [lambda: s.seek(-1), lambda: s.seek(1, 1), lambda: s.seek(0, 5), lambda: s.write(b"x"),
            lambda: s.truncate(-2), lambda: io.StringIO(b"x"), lambda: io.StringIO("", "x"),
            lambda: s.readline("1")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
s.close()
print(s.closed)
try:
    s.getvalue()
except ValueError as e:
    print(e)
print(isinstance(s, io.TextIOBase), isinstance(b, io.BufferedIOBase), isinstance(b, io.IOBase))
print(io.StringIO("x\ny").readline(1), io.StringIO("abc").read(None))
