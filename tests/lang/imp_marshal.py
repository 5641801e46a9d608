# marshal: round trips of every marshallable type at every version, the
# exact bytes of plain values (CPython's version 0-4 formats), back
# references (shared and recursive objects), code objects (run after
# loading), huge ints, error messages for unmarshallable values and bad
# data, dump/load through file-like objects.
import marshal

def built(s):
    # a str made at run time (not interned; single characters may be), so
    # its marshal form is the same whatever the compiler interns
    return "".join(list(s))

values = [None, True, False, ..., StopIteration, 0, 1, -1, 255, 2**31 - 1, -2**31, 2**31,
          -2**31 - 1, 2**62, 2**63, -2**64, 10**100, -(7**300), 0.0, -0.0, 1.5, 0.1,
          float("inf"), float("-inf"), 1e300, 5e-324, 3 + 4j, -0.5j, complex(0.1, -2.5e10),
          built(""), built("abc"), built("é"), built("日本語"), built("\U0001f600"),
          built("a" * 300), built("é" * 300), "\udc80", b"", b"xyz", b"\x00" * 300,
          bytearray(b"ba"), (), (1,), (1, built("ab"), None), tuple(range(300)), [],
          [1, [2, [3]]], {}, {built("aa"): 1, 2: built("bb")}, set(), {1, 2, 3},
          frozenset(), frozenset({built("xy")}), {built("kk"): [1.5, (2, frozenset({3}))]}]

for v in values:
    for ver in range(5):
        data = marshal.dumps(v, ver)
        back = marshal.loads(data)
        same = back == v or (v != v and back != back)
        if isinstance(v, float) and v == 0.0:
            same = str(back) == str(v)
        if type(v) is bytearray:
            same = type(back) is bytes and back == v
        print(ver, type(v).__name__, same, data.hex()[:120])

print(marshal.version, marshal.dumps(1) == marshal.dumps(1, marshal.version))

# back references: a repeated object is stored once (version >= 3)
s = built("shared-string")
t = (s, s, s)
print(len(marshal.dumps(t)), len(marshal.dumps(t, 2)), marshal.dumps(t).hex())
r = marshal.loads(marshal.dumps(t))
print(r[0] is r[1] is r[2])
r = marshal.loads(marshal.dumps(t, 2))
print(r == t, r[0] is r[1])
inner = [1, 2]
r = marshal.loads(marshal.dumps([inner, inner, (inner,)]))
print(r[0] is r[1] is r[2][0], r)
l = []
l.append(l)
r = marshal.loads(marshal.dumps(l))
print(r[0] is r, len(r))
d = {}
d["me"] = d
r = marshal.loads(marshal.dumps(d))
print(r["me"] is r)
for bad in (l, d):
    try:
        marshal.dumps(bad, 2)
    except ValueError as e:
        print("ValueError", e)
deep = ()
for i in range(3000):
    deep = (deep,)
try:
    marshal.dumps(deep)
except ValueError as e:
    print("ValueError", e)

big = 3 ** 5000
print(marshal.loads(marshal.dumps(big)) == big, marshal.loads(marshal.dumps(-big)) == -big)
b1000, b45, m45 = 2 ** 1000, 2 ** 45, -2 ** 45
print(len(marshal.dumps(b1000)), marshal.dumps(b45).hex(), marshal.dumps(m45).hex())

# code objects
def f(a, b=2, *c, d, **e):
    "doc"
    x = [i * a for i in range(b)]
    return x, d, lambda: a

co = f.__code__
co2 = marshal.loads(marshal.dumps(co))
print(type(co2).__name__, co2.co_name, co2.co_qualname, co2.co_argcount, co2.co_kwonlyargcount)
for attr in ("co_varnames", "co_names", "co_freevars", "co_cellvars", "co_filename",
             "co_firstlineno", "co_flags", "co_stacksize", "co_code", "co_posonlyargcount"):
    print(attr, getattr(co2, attr) == getattr(co, attr))
print(list(co2.co_positions()) == list(co.co_positions()), list(co2.co_lines()) == list(co.co_lines()))
src = compile("y = sum(range(10)); z = {1: 'a'}\nclass K:\n    def m(self): return y * 2\n"
              "try:\n    1/0\nexcept ZeroDivisionError as e:\n    err = str(e)\n", "<m>", "exec")
ns = {}
exec(marshal.loads(marshal.dumps(src)), ns)
print(ns["y"], ns["z"], ns["K"].__name__, ns["K"]().m(), ns["err"])
ns2 = {}
exec(marshal.loads(marshal.dumps(co.co_consts[0] if False else src)), ns2)
print(ns2["y"])

# errors
for v in [object(), len, [1, object()], {1: len}, type, marshal]:
    try:
        marshal.dumps(v)
    except ValueError as e:
        print("ValueError", e)
blobs = [b"", b"N", b"i\x01", b"z\x05ab", b"(\x02\x00\x00\x00N", b"\x00", b"?",
         b"r\x00\x00\x00\x00", b"l\x02\x00\x00\x00\x01\x00", b"l\x01\x00\x00\x00\x00\x80",
         b"{N", b"<\x01\x00\x00\x00", b"s\xff\xff\xff\xff", b"g\x00\x00",
         b"f\x03abc", b"f\x031.5", b"\xe9\x01\x00\x00\x00", b")\x02r\x00\x00\x00\x00N", b"c",
         b"u\x02\x00\x00\x00\xc3(", b"y\x00", b"x\x011\x01", b"I\x01\x02\x03\x04\x05\x06\x07\x08",
         b"<\x02\x00\x00\x00[\x00\x00\x00\x00N", b"{[\x00\x00\x00\x00N0"]
for blob in blobs:
    try:
        print(blob, repr(marshal.loads(blob)))
    except Exception as e:
        print(blob, type(e).__name__, e)
try:
    marshal.dumps(1, 5, 6)
except TypeError as e:
    print("TypeError", e)
try:
    marshal.loads("str")
except TypeError as e:
    print("TypeError", e)
print(marshal.loads(b"N extra"), marshal.loads(bytearray(b"T")), marshal.loads(memoryview(b"F")))
print(marshal.loads(marshal.dumps(1.5, 0)), marshal.loads(marshal.dumps(2j, 1)))

class Sink:
    def __init__(self):
        self.data = b""
    def write(self, b):
        self.data += b
w = Sink()
print(marshal.dump([1, built("two"), 3.0], w), w.data.hex())
print(marshal.loads(w.data))
