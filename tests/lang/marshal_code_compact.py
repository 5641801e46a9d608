# Code objects through marshal: functions with many constants, names and
# long jumps (instruction arguments beyond one byte) survive a round trip;
# pith's older uint32-per-instruction layout ('c') still loads; truncated
# data always gives a clean exception.
import marshal, types

consts = ", ".join(repr(i + 0.5) for i in range(300))
names = "\n".join(f"    v{i} = {i} * 2" for i in range(300))
body = "\n".join(f"        x += {i}" for i in range(200))
src = f"""
def many():
    return [{consts}]
def lots():
{names}
    return v0 + v299 + v150
def far(a):
    x = 0
    if a:
{body}
    else:
        x = -1
    while a > 0:
        a -= 1
{body}
    return x
def nested(k):
    def inner(j):
        return [i * j for i in range(k)]
    return inner(3)
"""
ns = {}
exec(compile(src, "<gen>", "exec"), ns)


def roundtrip(f):
    co = marshal.loads(marshal.dumps(f.__code__))
    return types.FunctionType(co, ns)


def to_old_layout(blob):
    """pith only: rewrite a compact ('k') code object without nested code
    as the older layout with one uint32 per instruction."""
    t = blob[0]
    n = int.from_bytes(blob[25:29], "little")
    pos, words = 29, []
    for _ in range(n):
        op, a = blob[pos], blob[pos + 1]
        pos += 2
        if a == 255:
            a = int.from_bytes(blob[pos:pos + 3], "little")
            pos += 3
        words.append(op | a << 8)
    return bytes([(t & 0x80) | ord("c")]) + blob[1:29] + b"".join(w.to_bytes(4, "little") for w in words) + blob[pos:]


for name, args in [("many", ()), ("lots", ()), ("far", (1,)), ("far", (0,)), ("nested", (4,))]:
    f = ns[name]
    g = roundtrip(f)
    r = g(*args)
    print(name, r == f(*args), sum(r) if isinstance(r, list) else r)

for name, args in [("many", ()), ("lots", ()), ("far", (2,))]:
    blob = marshal.dumps(ns[name].__code__)
    if blob[0] & 0x7F == ord("k"):
        blob = to_old_layout(blob)
    g = types.FunctionType(marshal.loads(blob), ns)
    print("old layout", name, g(*args) == ns[name](*args))

# every truncation of a dumped module code object fails cleanly
blob = marshal.dumps(compile(src, "<gen>", "exec"))
clean = 0
for n in list(range(0, 200)) + list(range(200, len(blob), 97)):
    try:
        marshal.loads(blob[:n])
    except (EOFError, ValueError, TypeError):
        clean += 1
print("truncations fail cleanly:", clean == 200 + len(range(200, len(blob), 97)))
