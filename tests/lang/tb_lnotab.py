# co_lnotab (legacy form) agrees with dis.findlinestarts, also for line
# jumps over 127 and more than 255 bytes of code on one line;
# co_lines/co_positions stay consistent. Checks that
# hold for CPython 3.11 and pith (their bytecode differs).
import dis

src = ["def f(a):",
       "    x = [" + ", ".join(f"a+{i}" for i in range(80)) + "]"]
src += ["    # pad"] * 200
src += ["    y = 1", "    for i in range(3):", "        y += i", "    return y"]
ns = {}
exec(compile("\n".join(src) + "\n", "generated", "exec"), ns)
co = ns["f"].__code__

def decode(co):
    tab = co.co_lnotab
    addr, line = 0, co.co_firstlineno
    out = []
    for i in range(0, len(tab), 2):
        b, l = tab[i], tab[i + 1]
        if l >= 128:
            l -= 256
        if b:
            out.append((addr, line))
        addr += b
        line += l
    out.append((addr, line))
    return out

starts = list(dis.findlinestarts(co))
dec = decode(co)
print(all((o, l) in dec for o, l in starts))
print(starts[-1][1], 204 in [l for _, l in starts], co.co_firstlineno)
print(len(co.co_code) > 255, all(b <= 255 for b in co.co_lnotab[::2]))
lines = [l for _, _, l in co.co_lines()]
print(sorted({l for l in lines if l}) == sorted({l for _, l in starts}))
print(max(p[3] for p in co.co_positions() if p[3] is not None) > 255)
