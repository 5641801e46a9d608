# match statement semantics: when names are bound (only after the whole
# pattern matched, before the guard), or-pattern captures, class/mapping
# pattern runtime errors with CPython's messages.

def t(subject, code):
    ns = {'subject': subject}
    try:
        exec(code, ns)
    except Exception as e:
        print('EXC', type(e).__name__, e)
    print(sorted((k, v) for k, v in ns.items()
                 if k not in ('subject', '__builtins__') and not isinstance(v, type)))


# partial match then failure binds nothing
t([1, 2, 3], "match subject:\n case [a, b, 4]: pass\n case _: pass")
t({'x': 1}, "match subject:\n case {'x': x, 'y': y}: pass\n case _: pass")
t((1, (2, 3)), "match subject:\n case (a, (b, 4)): pass\n case (c, (d, e)): pass")
t(3, "match subject:\n case int(x) as y if y > 10: pass\n case _: pass")
# a failing guard leaves the captures bound
t([1, 2, 3], "match subject:\n case [a, b, c] if c > 5: pass\n case _: pass")
t(5, "match subject:\n case x if x > 10: pass\n case y: pass")
t(5, "match subject:\n case 1 | 2: r='a'\n case 5 as v if v < 0: r = 'neg'\n case (3 | 5) as w: r = 'b'")
# or-patterns: captures of the alternative that matched, any order
t((1, 2), "match subject:\n case (1, x) | (x, 3): pass")
t((5, 2), "match subject:\n case (x, 3) | (x, 2): pass")
t((7, 8), "match subject:\n case (a, 0) | (b, a) if False: pass\n case _: pass".replace('(b, a)', '(a, b)') )
t((7, 8), "match subject:\n case [a, b, 0] | [b, a]: pass")
t({'k': [1, 2]}, "match subject:\n case {'k': [*rest]} | {'j': rest}: pass")
t({'j': 9}, "match subject:\n case {'k': [*rest]} | {'j': rest}: pass")
t([1, 2], "match subject:\n case [x, 3] | [x, 2, 3]: pass\n case _: pass")
t({'a': 1}, "match subject:\n case {'a': x, 'b': y} | {'a': y, 'c': x}: pass\n case {'a': z}: pass")
t({'a': 1, 'c': 2}, "match subject:\n case {'a': x, 'b': y} | {'a': y, 'c': x}: pass")
t([1, [2, 3, 4]], "match subject:\n case [p, [q, *r]] | [[p], q, r]: pass")
t([[1], 2, 3], "match subject:\n case [p, [q, *r]] | [[p], q, r]: pass")
# star wildcards, mapping rest, nested as-patterns
t([1, 2, 3, 4], "match subject:\n case [1, *rest, 4] if len(rest) > 5: pass\n case [*a, b]: pass")
t(list(range(10)), "match subject:\n case [first, *_, last]: pass")
t((1, 2, 3), "match subject:\n case (_, *_, (2 | 3) as z): pass")
t({'a': 1, 'b': 2}, "match subject:\n case {'a': 1, **rest}: pass")
t({'a': 1, 'b': 2, 'c': 3}, "match subject:\n case {'a': a, 'c': c, **kw}: pass")
t({}, "match subject:\n case {**kw}: pass")
t('abc', "match subject:\n case [*x]: pass\n case str(s): pass")
t([(1, 2), (3, 4)], "match subject:\n case [(a, b) as p, (c, d) as q]: pass")
# class patterns
class P:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x = x; self.y = y
    def __repr__(self): return f'P({self.x}, {self.y})'
t(P(1, 2), "match subject:\n case type(x=1): pass\n case object(x=a, y=b): pass")
t(P(1, 2), "match subject:\n case P(a, y=b): pass")
t(P(1, 2), "match subject:\n case P(1, 3): r = 'no'\n case P(1, q): r = 'yes'")
t(P(P(0, 1), 2), "match subject:\n case P(P(a, b), c): pass")
t(1.0, "match subject:\n case 1: r = 'int1'")
t(True, "match subject:\n case 1: r = 'int1'")
t(True, "match subject:\n case bool(v): r = v")
t(True, "match subject:\n case True: r = 'T'\n case 1: r = 'one'")
t(None, "match subject:\n case None: r = 'none'")
t(3, "match subject:\n case int(x, y): pass")
t(3, "f = 1\nmatch subject:\n case f(): pass")
t([1], "match subject:\n case list(v): pass")
t(3, "match subject:\n case str(v): r = 'str'\n case float(v): r='float'\n case _: r = 'other'")
class C:
    __match_args__ = ('a', 1)
    a = 1
t(C(), "match subject:\n case C(x, y): pass")
class C2:
    __match_args__ = ['a']
    a = 1
t(C2(), "match subject:\n case C2(x): pass")
class C3:
    __match_args__ = ('a', 'a')
    a = 1
t(C3(), "match subject:\n case C3(x, a=y): pass")
class C4:
    __match_args__ = ('a', 'b')
    a = 1
t(C4(), "match subject:\n case C4(x, z, a=y): pass")
t(C4(), "match subject:\n case C4(x, z): pass\n case C4(x): r = 'one'")
class C5:
    __match_args__ = ('a',)
    a = 1
t(C5(), "match subject:\n case C5(x, a=y): pass")
t(C5(), "match subject:\n case C5(x, b=y): pass\n case _: r = 'nob'")
t(C5(), "match subject:\n case C5(x, y): pass")
class D:
    a = 1
t(D(), "match subject:\n case D(x): pass")
t(D(), "match subject:\n case D(a=q, zz=r): pass\n case _: pass")
t(D(), "match subject:\n case D(a=q): pass")
# mapping pattern runtime duplicate keys
class N:
    k = 'a'
    j = 'a'
t({'a': 1, 'b': 2}, "match subject:\n case {N.k: 1, N.j: 2}: pass")
t({'a': 1, 'b': 2}, "match subject:\n case {N.k: x, 'a': y}: pass")
t({'a': 1}, "match subject:\n case {N.k: 1, 'a': 2}: pass")
# mapping subclasses and get() usage
class Dd(dict):
    def __missing__(self, k): return 'missing'
t(Dd(a=1), "match subject:\n case {'a': 1, 'b': v}: pass\n case {'a': w}: pass")
# sequence types
t(range(3), "match subject:\n case [0, 1, x]: pass")
t(b'ab', "match subject:\n case [a, b]: r = 'seq'\n case bytes(): r = 'bytes'")
t(bytearray(b'x'), "match subject:\n case [a]: r = 'seq'\n case _: r = 'not seq'")
t({1, 2}, "match subject:\n case [a, b]: r = 'seq'\n case _: r = 'not seq'")
t(iter([1]), "match subject:\n case [a]: r = 'seq'\n case _: r = 'not seq'")
# values, singletons, dotted names
class Color:
    RED = 'red'
    GREEN = 'green'
t('green', "match subject:\n case Color.RED: r = 1\n case Color.GREEN: r = 2")
t(-3, "match subject:\n case -3: r = 'neg3'")
t(2 + 3j, "match subject:\n case 2+3j: r = 'complex'")
t(-1.5j, "match subject:\n case -1.5j: r = 'imag'")
t(0, "match subject:\n case False: r = 'F'\n case 0: r = 'zero'")
t('ab', "match subject:\n case 'a' 'b': r = 'concat'")


# the subject is evaluated once; the body sees the captured names
def gen():
    print('evaluated')
    return [1, [2, 3]]


match gen():
    case [x, [y, z]] if x + y + z == 6:
        print('sum6', x, y, z)
    case other:
        print('other', other)


# a match inside a loop and a function, with break/continue/return
def classify(items):
    out = []
    for it in items:
        match it:
            case int() | float() as num if num < 0:
                out.append(('neg', num))
            case int(n):
                out.append(('int', n))
            case str() as s if not s:
                continue
            case str(s):
                out.append(('str', s))
            case [*elems] if len(elems) > 3:
                break
            case [*elems]:
                out.append(('seq', len(elems)))
            case {'type': kind, **rest}:
                out.append((kind, sorted(rest)))
            case _:
                return out + [('stop', it)]
    return out


print(classify([1, -2.5, 'x', '', [1, 2], {'type': 'ev', 'b': 1, 'a': 2}, None, 9]))
print(classify([[1, 2, 3, 4], 5]))
