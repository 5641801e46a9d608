# dis.stack_effect and the argument constants (for the interpreter's own opcodes).
import dis

print(type(dis.HAVE_ARGUMENT).__name__, type(dis.EXTENDED_ARG).__name__, dis.hasnargs)
print(dis.opname[dis.EXTENDED_ARG] in ('EXTENDED_ARG', '<%d>' % dis.EXTENDED_ARG))

# every opcode: jump=None gives the larger of the two effects
bad = []
for name, op in sorted(dis.opmap.items()):
    arg = 1 if op >= dis.HAVE_ARGUMENT else None
    try:
        t = dis.stack_effect(op, arg, jump=True)
        f = dis.stack_effect(op, arg, jump=False)
        n = dis.stack_effect(op, arg)
    except ValueError as e:
        bad.append((name, str(e)))
        continue
    if n != max(t, f) or not all(isinstance(x, int) for x in (t, f, n)):
        bad.append(name)
print(bad)

# the instructions of real code
def f(a, *b, **c):
    x = [i * 2 for i in b if i]
    for k, v in c.items():
        try:
            a += {k: v, 'z': (1, 2)}[k]
        except KeyError:
            pass
    with open(__file__) as fp:
        return a, x, fp.readline()
ok = True
for ins in dis.get_instructions(f):
    if ins.opcode < dis.HAVE_ARGUMENT and ins.arg is not None:
        ok = False
    try:
        dis.stack_effect(ins.opcode, ins.arg if ins.opcode >= dis.HAVE_ARGUMENT else None)
    except ValueError as e:
        ok = False
        print(ins.opname, e)
print(ok)

# argument errors
for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {'oparg': 2}), (('x',), {}),
                 ((2**40,), {}), ((1,), {'jump': 1}), ((1,), {'jump': 'yes'}),
                 ((1,), {'foo': 1}), ((300,), {}), ((-1, 0), {})]:
    try:
        dis.stack_effect(*args, **kw)
        print('ok')
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for name in ('LOAD_CONST', 'BUILD_TUPLE', 'CALL', 'STORE_FAST'):
    try:
        dis.stack_effect(dis.opmap[name])
    except ValueError as e:
        print(name, e)
    try:
        print(name, dis.stack_effect(dis.opmap[name], 'x'))
    except TypeError as e:
        print(name, e)
print(dis.stack_effect(dis.opmap['BUILD_TUPLE'], 3), dis.stack_effect(dis.opmap['LOAD_CONST'], 0))
print(dis.stack_effect(dis.opmap['POP_TOP']))
