# The AST node classes of _ast (re-exported by ast): hierarchy, _fields,
# _attributes, docs, optional fields defaulting to None, constructors.
import _ast
import ast

print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
names = sorted(n for n in dir(_ast)
               if isinstance(getattr(_ast, n), type) and issubclass(getattr(_ast, n), _ast.AST))
print(len(names))
for n in names:
    c = getattr(_ast, n)
    if c is _ast.AST:
        continue
    opt = sorted(k for k, v in vars(c).items() if v is None and k != "__doc__")
    print(n, c.__module__, c.__bases__[0].__name__, c._fields, c.__match_args__,
          c.__dict__.get("_attributes"), opt)
    print("   ", c.__doc__.replace("\n", "\\n"))
print(ast.AST._fields, ast.AST._attributes, ast.AST.__module__, ast.AST.__bases__)

n = ast.Name("x", ast.Load(), lineno=3, col_offset=0)
print(n.id, type(n.ctx).__name__, n.lineno, n.end_lineno, sorted(vars(n)))
print(n.__reduce__()[0] is ast.Name, n.__reduce__()[1], sorted(n.__reduce__()[2]))
print(isinstance(n, ast.expr), isinstance(n, ast.AST), isinstance(ast.Add(), ast.operator))
for args in [(1, 2, 3), ()]:
    try:
        ast.Return(*args)
        print("ok", len(args))
    except TypeError as e:
        print("TypeError:", e)
try:
    ast.Name(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    ast.Name().id
except AttributeError as e:
    print("AttributeError")
c = ast.Constant(5)
print(c.value, c.n, c.kind, ast.Num(7).value, isinstance(ast.Constant(1), ast.Num))
print(ast.dump(ast.BinOp(ast.Constant(1), ast.Add(), ast.Name("x", ast.Load()))))
match ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2)):
    case ast.BinOp(ast.Constant(a), ast.Add(), ast.Constant(b)):
        print("matched", a, b)
