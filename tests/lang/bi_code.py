# compile/eval/exec with their modes, namespaces and errors; input() from stdin.
import sys

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

co = compile("a + 1", "<expr>", "eval")
print(type(co).__name__, co.co_filename, eval(co, {"a": 41}))
co = compile("x = 2\ny = x * 3", "<prog>", "exec")
ns = {}
print(exec(co, ns), ns["y"], "__builtins__" in ns)
co = compile("1 + 1", "<single>", "single")
exec(co)
exec(compile("None", "s", "single"))
exec(compile("for i in range(2): i\n", "s", "single"))
print(compile(b"3", "b", "eval").co_filename, eval(compile("3", b"bytes-name", "eval")))
show(lambda: compile("1", "f", "bogus"))
show(lambda: compile("1", "f", 1))
show(lambda: compile("x =", "f", "exec"))
show(lambda: compile(1, "f", "exec"))
show(lambda: compile("a\0b", "f", "exec"))
show(lambda: compile("1", "f", "exec", flags=1 << 30))
show(lambda: compile("1", "f", "exec", optimize=5))
show(lambda: compile("x = 1", "f", "eval"))
print(eval("  1 + 2"), eval("\t\t3"), eval(" \t 4\n"), eval(b"5"))
show(lambda: eval("\n 1"))
show(lambda: exec("  x = 1"))
show(lambda: eval(5))
show(lambda: eval("1", []))
show(lambda: eval("1", {}, 5))
show(lambda: exec("1", []))
show(lambda: exec("1", {}, 5))
show(lambda: eval("undefined_name"))
show(lambda: eval())
g = {"v": 10}
loc = {"w": 5}
print(eval("v + w", g, loc), eval("v", g))
exec("z = v * 2", g, loc)
print(loc["z"], "z" in g)
class Mapping:
    def __getitem__(self, k):
        if k == "magic": return 99
        raise KeyError(k)
print(eval("magic", {}, Mapping()))
x = "global-x"
def scope():
    x = "local-x"
    return eval("x"), eval("x", globals())
print(scope())
def make():
    y = 1
    def inner(): return y
    return inner
show(lambda: exec(make().__code__))
show(lambda: eval(make().__code__))
show(lambda: exec("1", closure=(1,)))
show(lambda: exec(compile("1", "c", "exec"), closure=(1,)))
exec("def fn(a): return a * 2", ns)
print(ns["fn"](21))
print(eval("[i * i for i in range(4)]"), eval("(lambda q: q + 1)(1)"))
# globals / locals
def loc_fn(a, b=2):
    c = 3
    return sorted(locals().items())
print(loc_fn(1), globals() is sys.modules[__name__].__dict__, locals() is globals())
# input
print(input(), input("prompt> "), input())
show(lambda: input())
show(lambda: input(1, 2))
