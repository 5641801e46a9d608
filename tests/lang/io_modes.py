# Update/append/exclusive modes, text seek/tell with multi-byte and BOM
# codecs (utf-8-sig, utf-16), newline="" round trips, small buffers.
import os, io
d = "/tmp/pith_t9_%d" % os.getpid()
os.mkdir(d)
p = d + "/f"
try:
    with open(p, "w+", encoding="utf-8") as f:
        f.write("αβγ\nδεζ\n")
        f.seek(0)
        print(repr(f.readline(2)), repr(f.read(0)), f.tell())
        print(repr(f.readline()), f.tell())
        f.write("end")
        f.seek(0)
        print(repr(f.read()))
        print(f.truncate(4), f.tell())
        f.seek(0)
        print(repr(f.read()))
    with open(p, "a+") as f:
        print(f.tell(), repr(f.read()))
        f.seek(0)
        print(repr(f.read()))
        f.write("Z")
    with open(p, "r+") as f:
        f.write("XY")
        print(repr(f.read()))
        f.seek(0)
        print(f.readlines(1), f.readlines())
    with open(p + "2", "x") as f:
        print(f.mode, f.buffer.mode, f.buffer.raw.mode)
    with open(p, "rb") as f:
        print(f.readlines(3), f.read(-1), f.read(0))
    with open(p, "r+b") as f:
        f.read(1)
        f.write(b"!")
        f.seek(0)
        print(f.read(), f.tell())
        f.seek(0)
        print(f.read1(), f.read1())
    with open(p, "wb", buffering=3) as f:
        print(f.write(b"abcdefgh"), f.raw.tell())
    with open(p, "rb") as f:
        print(f.read(), f.raw.name == p)
    f = open(p)
    f.close()
    f.close()
    try:
        next(f)
    except ValueError as e:
        print(e)
    try:
        f.buffer.raw.read()
    except ValueError as e:
        print(e)
    with open(p, "w", newline="") as f:
        f.write("a\r\nb\rc\n")
    with open(p, "rb") as f:
        print(f.read())
    with open(p) as f:
        print(f.read(3), f.newlines, f.read(), f.newlines)
    with open(p, "w", encoding="utf-8-sig") as f:
        f.write("bom")
    with open(p, "rb") as f:
        print(f.read())
    with open(p, encoding="utf-8-sig") as f:
        print(repr(f.read()))
    with open(p, "w", encoding="utf-16") as f:
        f.write("a")
        f.seek(0, 2)
        f.write("b")
    with open(p, "rb") as f:
        print(f.read())
    with open(p, encoding="utf-16") as f:
        print(f.read(1), f.tell(), f.read())
finally:
    for n in os.listdir(d):
        os.remove(os.path.join(d, n))
    os.rmdir(d)
