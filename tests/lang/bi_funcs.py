# Builtin functions: behaviour and error messages.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

# sorted / min / max
print(sorted([3, 1, 2]), sorted("bca", reverse=True), sorted([-3, 1, -2], key=abs))
print(sorted({"b": 1, "a": 2}), sorted([(1, "b"), (1, "a")]))
show(lambda: sorted())
show(lambda: sorted([1], [2]))
show(lambda: sorted([1, "a"]))
show(lambda: sorted([1], foo=1))
print(min(3, 1, 2), max([3, 1, 2]), min("abc"), max([1, 5, 3], key=lambda x: -x))
print(min([], default=None), max((), default="empty"), min([2, 1], key=None))
print(max([1, 1.0]), max([1.0, 1]), min([[1], [0, 9]]))
show(lambda: min())
show(lambda: max([]))
show(lambda: min([], key=len))
show(lambda: max(1, 2, default=0))
show(lambda: min(1, 2, foo=3))
show(lambda: max(1))
show(lambda: min([1, "a"]))
# sum
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.5, 1, 2]), sum([[1], [2]], []), sum((), start=7))
print(sum([2**62, 2**62, 1]), sum([1.5, 2**70]), sum([1j, 2]))
show(lambda: sum(["a", "b"], ""))
show(lambda: sum([b"a"], b""))
show(lambda: sum([1, "a"]))
show(lambda: sum(1))
# round / pow / divmod
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234, -2), round(1250, -2))
print(round(5), round(5.0), round(1.5, None), round(-1.25, 1), round(10**20 + 0.0, -5))
show(lambda: round("x"))
show(lambda: round(1.5, "a"))
show(lambda: round(float("inf")))
show(lambda: round(float("nan")))
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2, -1, 5), pow(-2, 3, 7), pow(base=2, exp=3))
print(pow(2.0, 0.5), pow(-8, 1/3).real > 0, pow(0, 0), pow(0.0, 0))
show(lambda: pow(0, -1))
show(lambda: pow(2, 3, 0))
show(lambda: pow(2, 1.5, 3))
show(lambda: pow(2, -1, 4))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2))
show(lambda: divmod(1, 0))
show(lambda: divmod(1.0, 0))
show(lambda: divmod("a", 1))
show(lambda: divmod(1))
# iter(callable, sentinel), next
vals = iter([1, 2, 3, 4])
print(list(iter(lambda: next(vals), 3)))
it = iter([1])
print(next(it), next(it, "done"))
show(lambda: next(it))
show(lambda: next([1]))
show(lambda: iter(1))
show(lambda: iter(1, 2))
class Seq:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i * 10
print(list(iter(Seq())), list(Seq()))
# getattr / hasattr / setattr / delattr
class C: x = 1
c = C()
print(getattr(c, "x"), getattr(c, "y", "dflt"), hasattr(c, "x"), hasattr(c, "nope"))
setattr(c, "y", 5); print(c.y); delattr(c, "y"); print(hasattr(c, "y"))
show(lambda: getattr(c, "nope"))
show(lambda: getattr(c, 1))
show(lambda: getattr(c, 1, 2))
show(lambda: hasattr(c, 1))
show(lambda: setattr(c, 1, 2))
show(lambda: delattr(c, "nope"))
show(lambda: getattr(c))
# isinstance / issubclass
print(isinstance(1, int), isinstance(1, (str, (float, int))), isinstance(True, int), isinstance(1, ()))
print(issubclass(bool, int), issubclass(bool, (str, int)), issubclass(int, object))
class Meta(type):
    def __instancecheck__(cls, inst): return inst == "magic"
    def __subclasscheck__(cls, sub): return sub is str
class M(metaclass=Meta): pass
print(isinstance("magic", M), isinstance("other", M), issubclass(str, M), issubclass(int, M))
print(isinstance("magic", (int, M)))
show(lambda: isinstance(1, 1))
show(lambda: isinstance(1, (int, 1)))
show(lambda: issubclass(1, int))
show(lambda: issubclass(int, 1))
show(lambda: isinstance(1, int | str))
show(lambda: isinstance(1, list[int]))
# hash / id / format / repr / ascii / chr / ord
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash(-1), hash(()) == hash(()), id(c) == id(c))
show(lambda: hash([]))
show(lambda: hash({}))
show(lambda: hash((1, [2])))
print(format(3.14159, ".2f"), format(42), format(255, "x"), format("s", ">3"), format(1, ""))
show(lambda: format(1, "z"))
show(lambda: format("a", "d"))
show(lambda: format(1, 2))
show(lambda: format(object(), "x"))
print(repr("a'b"), ascii("é\u1234x"), ascii(["ü"]), repr(b"\x00"))
print(chr(65), chr(0x1F600) == "\U0001F600", ord("a"), ord(b"a"), ord(bytearray(b"z")), ord("\U0001F600"))
show(lambda: chr(-1))
show(lambda: chr(0x110000))
show(lambda: chr(2**63))
show(lambda: chr("a"))
show(lambda: chr(1.5))
show(lambda: ord(""))
show(lambda: ord("ab"))
show(lambda: ord(b"ab"))
show(lambda: ord(1))
print(bin(5), oct(-8), hex(255), bin(0), hex(-1))
show(lambda: hex(1.5))
print(abs(-5), abs(-2.5), abs(3 + 4j), callable(len), callable(1), len("abc"))
show(lambda: abs("a"))
show(lambda: len(5))
print(all([]), any([]), all([1, 0]), any([0, 2]), all(x > 0 for x in [1, 2]))
show(lambda: all(5))
# vars / dir
class V:
    def __init__(self): self.a = 1
print(vars(V()), sorted(k for k in vars(V) if not k.startswith("__")))
show(lambda: vars(1))
show(lambda: vars(1, 2))
def f():
    x = 1; y = 2
    return dir(), sorted(locals())
print(f(), "f" in dir(), "show" in globals())
print(dir(V())[-1], [n for n in dir(C) if not n.startswith("_")])
# print to a custom object
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print(1, 2, sep="-", end="!", file=w)
print("x", file=w, flush=False)
print(w.parts)
show(lambda: print(1, sep=3))
show(lambda: print(1, end=b""))
show(lambda: print(1, file=1))
show(lambda: print(1, bad=2))
class FW(W):
    def flush(self): self.parts.append("<flush>")
fw = FW(); print("y", file=fw, flush=True); print(fw.parts)
print(EnvironmentError is OSError, IOError is OSError)
