# dis: properties that hold for CPython 3.11 and pith alike (the bytecode
# itself differs): names printed exist in dis.opmap, jump targets are
# instruction offsets, line starts match the source, code_info fields.
import dis

def sample(a, b=2, *args, **kw):
    total = a + b
    for x in args:
        if x > total:
            total = x
    while total > 100:
        total //= 2
    return [y for y in range(total) if y % 2] or None

instrs = list(dis.get_instructions(sample))
offsets = {i.offset for i in instrs}
print(all(i.opname in dis.opmap for i in instrs))
print(all(dis.opname[i.opcode] == i.opname for i in instrs))
print(all(i.offset % 2 == 0 for i in instrs))
print(sorted(offsets) == [i.offset for i in instrs])
jumps = [i for i in instrs if i.opcode in dis.hasjabs or i.opcode in dis.hasjrel]
print(len(jumps) > 0, all(j.argval in offsets for j in jumps))
targets = {j.argval for j in jumps}
print(all(i.is_jump_target == (i.offset in targets) for i in instrs if i.offset in targets))
lines = sorted({i.starts_line for i in instrs if i.starts_line is not None})
print(lines[0] == 8, lines[-1] == 14)
print([i.argval for i in instrs if i.opname == "LOAD_GLOBAL"])
print(any(i.argrepr == "+" for i in instrs), any(i.argrepr == ">" for i in instrs))
consts = [i.argval for i in instrs if i.opcode in dis.hasconst]
print(100 in consts, 2 in consts)
print(sorted({i.argval for i in instrs if i.opcode in dis.haslocal}))
ins = instrs[0]
print(type(ins).__name__, len(ins._fields) if hasattr(ins, "_fields") else 9)
print(ins.opname == ins[0], ins.offset, isinstance(ins.positions.lineno, int))

info = dis.code_info(sample).splitlines()
print(info[0])
print(info[2:5])
print([l for l in info if l.startswith("Flags")])
print("Variable names:" in info, "   0: a" in info, "   5: x" in info)
print("Names:" in info, [l for l in info if l.endswith(": range")])
print(dis.code_info("x = 1").splitlines()[:2])
try:
    dis.dis(42)
except TypeError as e:
    print(e)
try:
    dis.code_info(None)
except TypeError as e:
    print(e)
print(dis.cmp_op[:6])
