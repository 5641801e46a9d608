# Builtin functions: keyword handling, fast paths and CPython's error texts.
import sys

def check(expr):
    try:
        print(expr, "->", repr(eval(expr)))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)

for expr in [
    "max()", "max(1)", "max([])", "max(1, 2, default=3)", "max([], key=1, foo=2)",
    "min([], default=5)", "min('bca')", "max([3, 1, 2], key=lambda v: -v)",
    "exec('1', [])", "exec('1', {}, 3)", "eval('1', [])", "eval('1', {}, 3)", "eval(3)",
    "exec(3)", "compile('1', 'f', 'x')", "compile('1', 'f')", "getattr(1)",
    "getattr(1, 2)", "getattr(1, 'zz', 'dflt')", "hasattr(1, 2)", "setattr(1, 2, 3)",
    "delattr(1, 2)", "iter(1, 2)", "next([])", "next(iter([]), 'end')", "ord('ab')",
    "ord(1)", "ord(b'a')", "chr(-1)", "chr('a')", "chr(9731)", "print(sep=1)",
    "print(end=1)", "print(foo=1)", "sum(['a'])", "sum([], 'a')", "sum([], b'')",
    "sum([1, 2.5, 3])", "sum([2**70, 1])", "sum([1, 0.5, 2**70])", "sum([[1], [2]], [])",
    "sum([True, True])", "sorted()", "sorted([], 1)", "sorted([3, 1, 2], reverse=True)",
    "sorted('bca', key=lambda c: -ord(c))", "round('a')", "round(2.675, 2)", "vars(1)",
    "isinstance(1, 2)", "isinstance(1, (str, (int,)))", "issubclass(1, int)",
    "issubclass(int, 1)", "hash([])", "divmod(1)", "pow(1)", "pow(2, 10, 7)",
    "abs('a')", "len(1)", "bin('a')", "hex(255)", "oct(-8)", "format(1, 2)",
    "format(3.14159, '.2f')", "__import__('nosuch')", "__import__('sys') is sys",
    "all([])", "any([0, 1])", "list(iter(iter([1, 2, 3]).__next__, 3))",
]:
    check(expr)

g = {}
exec("a = 1\nb = a + 1", g)
print(g['a'], g['b'], '__builtins__' in g, eval("a + b", g), eval("  x * 2", {'x': 21}))
loc = {}
exec("c = 5", g, loc)
print(loc)

class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("x", 1, sep=None, end=None, file=w)
print(w.parts)
print(list(globals())[:7])
print(sys.version_info[:2] >= (3, 11), sys.flags.optimize, sys.exc_info())
print(type(sys.stdout).__name__, sys.stdout.name, sys.stdin.mode, sys.stderr.errors)
