# File round trips through open(): binary and text modes, buffering,
# seek/tell, readline/iteration, attributes, reprs and errors.
import io, os

d = "/tmp/pith_io_%d" % os.getpid()
os.mkdir(d)
p = os.path.join(d, "data.bin")
try:
    with open(p, "wb") as f:
        print(type(f).__name__, f.mode, f.name == p, f.writable(), f.readable())
        print(f.write(b"line1\nline2\n"), f.write(bytearray(b"tail")), f.tell())
    print(f.closed)
    with open(p, "rb") as f:
        print(type(f).__name__, type(f.raw).__name__, f.raw.mode)
        print(f.read(3), f.peek(2)[:2], f.read1(3), f.tell())
        print(f.readline(), f.readline(), f.readline(), f.readline())
        print(f.seek(0), f.read(), f.seek(-4, 2), f.read(2), f.seek(1, 1), f.read())
        f.seek(0)
        print(list(f))
        buf = bytearray(4)
        f.seek(0)
        print(f.readinto(buf), buf, f.tell())
    with open(p, "rb", buffering=0) as f:
        print(type(f).__name__, f.read(2), f.readall(), f.read(5), f.closefd)
    with open(p, "r+b") as f:
        print(type(f).__name__, f.mode)
        f.seek(2)
        f.write(b"XX")
        print(f.read(3), f.tell())
        f.seek(0)
        print(f.read())
        print(f.truncate(4), f.seek(0, 2))
    with open(p, "ab") as f:
        print(f.tell(), f.write(b"++"), f.mode)
    with open(p, "rb") as f:
        print(f.read())

    t = os.path.join(d, "text.txt")
    with open(t, "w") as f:
        print(f.write("héllo\nwörld\n"), f.encoding, f.errors, f.line_buffering)
        print(f.writelines(["a\n", "b\n"]))
        print(type(f.buffer).__name__, f.name == t, f.mode)
    with open(t) as f:
        print(f.readline(), end="")
        print(repr(f.read(3)), repr(f.readline()))
        print(f.readlines())
        print(repr(f.read()))
    with open(t, encoding="utf-8") as f:
        print([line for line in f])
    with open(t, "rb") as f:
        print(f.read())
    with open(t, "r") as f:
        pos = f.tell()
        first = f.readline()
        mid = f.tell()
        rest = f.read()
        f.seek(mid)
        print(pos, repr(first), mid, f.read() == rest)
        f.seek(0)
        print(repr(f.read(2)), f.tell())
    with open(t, "a") as f:
        f.write("appended\n")
    with open(t, "x" if False else "r") as f:
        print(f.read().splitlines())
    with open(t, "w", newline="\r\n") as f:
        f.write("x\ny\n")
    with open(t, "rb") as f:
        print(f.read())
    with open(t, newline="") as f:
        print(f.readlines())
    with open(t) as f:
        print(f.readlines(), f.newlines)
    with open(t, "w", encoding="latin-1") as f:
        f.write("caf\xe9\n")
    with open(t, "rb") as f:
        print(f.read())
    with open(t, encoding="latin-1") as f:
        print(f.read(), end="")
    with open(t, "w+") as f:
        f.write("abc\ndef\n")
        f.seek(0)
        print(f.readline(), end="")
        print(f.tell())
    with open(t, "r", encoding="ascii", errors="replace") as f:
        print(repr(f.read()))
    with open(t, "wb") as f:
        f.write(b"ok\xff\n")
    with open(t, errors="surrogateescape") as f:
        print(repr(f.read()))
    try:
        with open(t) as f:
            f.read()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e)

    f = open(t, "rb")
    print(repr(f).replace(t, "T"), repr(f.raw).replace(t, "T"))
    f.close()
    print(repr(f.raw))
    f = open(t, "r")
    print(repr(f).replace(t, "T"))
    f.close()
    for op in [f.read, f.readline, lambda: f.write("x"), f.tell, f.flush, lambda: f.seek(0), lambda: iter(f)]:
        try:
            op()
        except ValueError as e:
            print("ValueError", e)

    errs = [lambda: open(os.path.join(d, "missing")), lambda: open(d, "w"), lambda: open(p, "rw"),
            lambda: open(p, "rbt"), lambda: open(p, "rb", encoding="utf-8"), lambda: open(p, "rb", newline="\n"),
            lambda: open(p, "r", buffering=0), lambda: open(p, "q"), lambda: open(p, "xb"),
            lambda: open(p, "r", newline="x"), lambda: open(3.5), lambda: open(p, encoding="nope"),
            lambda: open(p, "rb").write(b"x"), lambda: open(p, "w").read(), lambda: open(p, 5),
            lambda: open(p, "wb").read()]
    for e in errs:
        try:
            e()
        except Exception as ex:
            print(type(ex).__name__, str(ex).replace(d, "D"))
    with open(p, "w") as f:
        print(isinstance(f, io.TextIOWrapper), isinstance(f, io.IOBase), f.fileno() > 2, f.isatty())
        print(f.seekable(), f.readable(), f.writable())
    fd = os.open(p, os.O_RDONLY)
    with open(fd, "rb", closefd=False) as f:
        print(f.name == fd, f.read())
    os.close(fd)
    with open(p, "w", opener=lambda path, flags: os.open(path, flags, 0o600)) as f:
        f.write("opened")
    print(open(p).read(), oct(os.stat(p).st_mode & 0o777))
    with io.FileIO(p, "w") as f:
        print(f.write(b"raw"), f.mode, f.tell())
    with io.FileIO(p) as f:
        print(f.read(), f.read(), f.seekable(), f.readable(), f.writable())
    print(io.open is open, io.DEFAULT_BUFFER_SIZE, io.SEEK_END)
    print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
finally:
    for name in os.listdir(d):
        os.remove(os.path.join(d, name))
    os.rmdir(d)
print(os.path.exists(d))
