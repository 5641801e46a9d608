# Python subclasses of the _io classes (close on dealloc, overridden read),
# and the pure-Python _pyio built on _io.
import io, os
class F(io.FileIO):
    def close(self):
        print("closing F", self.closed)
        super().close()
p = "/tmp/pith_t10_%d" % os.getpid()
f = F(p, "w")
f.write(b"abc")
del f
class T(io.TextIOWrapper):
    pass
t = T(io.BytesIO(b"a\nb"))
print(list(t), t.closed)
class B(io.BufferedReader):
    def read(self, n=-1):
        return super().read(n).upper()
b = B(io.FileIO(p))
print(b.read(), repr(b).replace(p, "P"))
b.close()
os.remove(p)
import _pyio
s = _pyio.StringIO("x\ny")
print(s.readlines())
print(_pyio.TextIOWrapper(_pyio.BytesIO(b"q\r\nw"), encoding="utf-8").readlines())
class MyRaw(io.RawIOBase):
    def readinto(self, b):
        return 0
    def readable(self):
        return True
print(io.TextIOWrapper(io.BufferedReader(MyRaw()), encoding="ascii").read())
print(io.BufferedReader(io.BytesIO(b"xyz")).read(2))
