# Interpreter fixes found by running CPython's Lib/test modules (the
# conformance ladder): each block mirrors one failing check.
import sys

# `import a.b` where importing a registers a.b itself (os.py sets os.path)
import os.path
from os.path import commonprefix
print(os.path.__name__, commonprefix(["abc", "abd"]))

# __classcell__ rules (test_super)
class Meta(type):
    def __new__(cls, name, bases, ns):
        ns.pop("__classcell__", None)
        return super().__new__(cls, name, bases, ns)
try:
    class WithRef(metaclass=Meta):
        def f(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError:", e)

class Wrong(type):
    def __new__(cls, name, bases, ns):
        c = super().__new__(cls, name, bases, ns)
        type("B", (), ns)
        return c
try:
    class A(metaclass=Wrong):
        def f(self):
            return __class__
except TypeError as e:
    print("TypeError:", e)

for bad in (None, 0, ""):
    class Over(type):
        def __new__(cls, name, bases, ns):
            ns["__classcell__"] = bad
            return super().__new__(cls, name, bases, ns)
    try:
        class C(metaclass=Over):
            pass
    except TypeError as e:
        print("TypeError:", e)

# a metaclass mro() runs while the class is created, __class__ already set
seen = []
class MroMeta(type):
    def mro(self):
        self.__dict__["f"]()
        return super().mro()
class WithMro(metaclass=MroMeta):
    def f():
        seen.append(__class__)
print(seen == [WithMro], WithMro.__mro__[0] is WithMro)

class Odd(type):
    def mro(cls):
        return [cls, 3]
try:
    class O(metaclass=Odd):
        pass
except TypeError as e:
    print("TypeError:", e)

# zero-arg super() does not unwrap a cell passed as self
class X:
    def meth(self):
        super()
def outer():
    k = X()
    def g():
        return k
    return g
try:
    X.meth(outer().__closure__[0])
except TypeError as e:
    print("TypeError:", e)
class Y(X):
    def meth(self):
        def inner():
            return self
        return super().meth(), inner() is self
print(Y().meth())

# calling an instance whose __call__ is an instance of the same class
class Loop:
    pass
Loop.__call__ = Loop()
try:
    Loop()()
except RecursionError as e:
    print("RecursionError:", e)

# a failing __eq__ lookup makes == fall back to identity
def booh(self):
    raise AttributeError("booh")
class E:
    __eq__ = property(booh)
e = E()
print(E() == E(), e == e, E() != E())

# '__doc__' may be a slot when the class has no docstring
class Slotted:
    __slots__ = ("_name", "__doc__")
    def __init__(self):
        self.__doc__ = "instance doc"
print(Slotted().__doc__, type(Slotted.__dict__["__doc__"]).__name__)
try:
    class Clash:
        "docstring"
        __slots__ = ("__doc__",)
except ValueError as e:
    print("ValueError:", e)

# isinstance/issubclass on objects with a __bases__ tuple (abstract classes)
class AbstractClass:
    def __init__(self, bases):
        self.bases = bases
    def getbases(self):
        return self.bases
    __bases__ = property(getbases)
    def __call__(self):
        return AbstractInstance(self)
class AbstractInstance:
    def __init__(self, klass):
        self.klass = klass
    def getclass(self):
        return self.klass
    __class__ = property(getclass)
Super = AbstractClass(bases=())
Child = AbstractClass(bases=(Super,))
Grand = AbstractClass(bases=(Child, Super))
print(issubclass(Child, Super), issubclass(Super, Child), issubclass(Grand, Super))
print(isinstance(Child(), Super), isinstance(Super(), Child), isinstance(Grand(), (Child, int)))
class Plain:
    pass
print(issubclass(Child, Plain), isinstance(Plain(), Child))
class Bases:
    @property
    def __bases__(self):
        return (int,)
print(issubclass(Bases(), int), int.__subclasscheck__(Bases()), int.__instancecheck__(True))
for args in [(1, int), (int, 1), (Plain(), Super)]:
    try:
        print(issubclass(*args))
    except TypeError as e:
        print("TypeError:", e)
try:
    isinstance(1, Plain())
except TypeError as e:
    print("TypeError:", e)
class Deep:
    @property
    def __bases__(self):
        return (self, self)
try:
    issubclass(Deep(), int)
except RecursionError as e:
    print("RecursionError:", e)
nested = (int,)
for i in range(sys.getrecursionlimit() + 5):
    nested = (nested,)
for f, a in [(isinstance, 1), (issubclass, str)]:
    try:
        f(a, nested)
    except RecursionError as e:
        print("RecursionError:", e)

# sys.hash_info describes the hashes pith computes
hi = sys.hash_info
print(hi.width, hi.modulus, hi.inf, hi.nan, hi.imag, hi.algorithm, hi.hash_bits, hi.seed_bits)
print(hash(float("inf")) == hi.inf, hash(1j) == hi.imag, hash(2**61 - 1) == 0, hash(hi.modulus + 5) == 5)

# Exception.__setstate__ keeps the pair alive while hashing the key
d = {}
class ClearOnHash(str):
    def __hash__(self):
        d.clear()
        return super().__hash__()
d[ClearOnHash("k")] = str("v")
ex = Exception()
ex.__setstate__(d)
print(ex.k, d)

# types.FunctionType / types.CellType constructors, cell comparisons
import types
def add(a, b=2):
    return a + b
ns = {}
f2 = types.FunctionType(add.__code__, ns, "renamed", (10,))
print(f2(1), f2.__name__, f2.__qualname__, f2.__globals__ is ns, f2.__builtins__ is __builtins__.__dict__
      if hasattr(__builtins__, "__dict__") else f2.__builtins__ is __builtins__)
def mk():
    x = 5
    def inner():
        return x
    return inner
inner = mk()
print(types.FunctionType(inner.__code__, {}, None, None, (types.CellType(9),))())
for args in [(1, {}), (add.__code__, 1), (add.__code__, {}, 5), (add.__code__, {}, None, [1]),
             (inner.__code__, {}), (inner.__code__, {}, None, None, (1,)),
             (inner.__code__, {}, None, None, ())]:
    try:
        types.FunctionType(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
c1, c2, empty = types.CellType(1), types.CellType(2), types.CellType()
print(c1 < c2, c1 == types.CellType(1), empty < c1, empty == types.CellType(), c2 >= c1)
try:
    empty.cell_contents
except ValueError as e:
    print("ValueError:", e)
try:
    types.CellType(1, 2)
except TypeError as e:
    print("TypeError:", e)

# bound methods show their function's __doc__; builtin static methods
# are bound to their type
class F:
    def a(self):
        pass
F.a.__doc__ = "set later"
print(F().a.__doc__, str.maketrans.__qualname__, bytes.maketrans.__qualname__,
      str.maketrans("a", "b") == {97: 98})

# python 2's print >> file
try:
    print >> sys.stderr, "message"
except TypeError as e:
    print("TypeError:", e)

# exception group construction and split/subgroup arguments
for args in [("eg", {ValueError(1)}), ("eg", None)]:
    try:
        ExceptionGroup(*args)
    except TypeError as e:
        print("TypeError:", e)
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
for bad in ["bad arg", OSError("instance"), [OSError, TypeError], (OSError, 42), int]:
    try:
        eg.split(bad)
    except TypeError as e:
        print("TypeError:", e)
eg.add_note("n1")
match, rest = eg.split(TypeError)
print(match.__notes__, rest.__notes__, match.__notes__ is eg.__notes__)
eg.__notes__ = 123
match, rest = eg.split(TypeError)
print(hasattr(match, "__notes__"), hasattr(rest, "__notes__"))
deep = TypeError(1)
for i in range(2000):
    deep = ExceptionGroup("eg", [deep])
try:
    deep.split(TypeError)
except RecursionError as e:
    print("RecursionError:", e)

# walrus rules in comprehensions, and [a, b for ...]
for src in ["[i for i in (j := range(5))]", "[i for i in (lambda: (j := range(5)))()]",
            "[i for i in range(5) for j in (i := range(5))]",
            "[i for i in range(5) if (j := 0) for j in range(5)]",
            "[i for i in range(5) if (j := 0) for j, k in [(0, 1)]]",
            "[i := 0, j := 1 for i, j in [(1, 2)]]", "[a, for a in x]", "{a, b for a in x}"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))

# staticmethod/classmethod copy the wrapped function's attributes, and
# classmethod chains to the wrapped object's __get__
def documented(x: int) -> int:
    "doc of documented"
    return x
sm, cm = staticmethod(documented), classmethod(documented)
print(sm.__name__, sm.__qualname__, sm.__doc__, sm.__module__, sm.__annotations__ is documented.__annotations__)
print(cm.__name__, cm.__wrapped__ is documented, sorted(vars(cm)))
class Holder:
    def foo(self, cls):
        return "spam", cls.__name__
class User:
    bar = classmethod(Holder().foo)
    baz = classmethod(classmethod(lambda cls: cls.__name__))
print(User.bar(), User.baz())
