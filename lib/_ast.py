"""pith's _ast: the classes of Python's abstract syntax tree, which
ast.py re-exports. Built at import time from the table below: one line per
abstract node type ("name [attributes]"; a trailing '?' marks an optional
attribute), followed by its indented constructors, or a product type's
signature on the same line. Optional fields ('?' in a signature) default to
None at class level, as in CPython. The parser's own tree is C-side;
compile() does not yet return these objects."""

PyCF_ONLY_AST = 0x400
PyCF_TYPE_COMMENTS = 0x1000
PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000


class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError("%s constructor takes at most %d positional argument%s"
                            % (type(self).__name__, n, "" if n == 1 else "s"))
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __reduce__(self):
        d = getattr(self, "__dict__", None)
        if d is not None:
            return type(self), (), d
        return type(self), ()


AST.__module__ = "ast"

_TABLE = """
alias [lineno col_offset end_lineno? end_col_offset?] alias(identifier name, identifier? asname)
arg [lineno col_offset end_lineno? end_col_offset?] arg(identifier arg, expr? annotation, string? type_comment)
arguments [] arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)
boolop []
  And
  Or
cmpop []
  Eq
  NotEq
  Lt
  LtE
  Gt
  GtE
  Is
  IsNot
  In
  NotIn
comprehension [] comprehension(expr target, expr iter, expr* ifs, int is_async)
excepthandler [lineno col_offset end_lineno? end_col_offset?]
  ExceptHandler(expr? type, identifier? name, stmt* body)
expr [lineno col_offset end_lineno? end_col_offset?]
  BoolOp(boolop op, expr* values)
  NamedExpr(expr target, expr value)
  BinOp(expr left, operator op, expr right)
  UnaryOp(unaryop op, expr operand)
  Lambda(arguments args, expr body)
  IfExp(expr test, expr body, expr orelse)
  Dict(expr* keys, expr* values)
  Set(expr* elts)
  ListComp(expr elt, comprehension* generators)
  SetComp(expr elt, comprehension* generators)
  DictComp(expr key, expr value, comprehension* generators)
  GeneratorExp(expr elt, comprehension* generators)
  Await(expr value)
  Yield(expr? value)
  YieldFrom(expr value)
  Compare(expr left, cmpop* ops, expr* comparators)
  Call(expr func, expr* args, keyword* keywords)
  FormattedValue(expr value, int conversion, expr? format_spec)
  JoinedStr(expr* values)
  Constant(constant value, string? kind)
  Attribute(expr value, identifier attr, expr_context ctx)
  Subscript(expr value, expr slice, expr_context ctx)
  Starred(expr value, expr_context ctx)
  Name(identifier id, expr_context ctx)
  List(expr* elts, expr_context ctx)
  Tuple(expr* elts, expr_context ctx)
  Slice(expr? lower, expr? upper, expr? step)
expr_context []
  Load
  Store
  Del
keyword [lineno col_offset end_lineno? end_col_offset?] keyword(identifier? arg, expr value)
match_case [] match_case(pattern pattern, expr? guard, stmt* body)
mod []
  Module(stmt* body, type_ignore* type_ignores)
  Interactive(stmt* body)
  Expression(expr body)
  FunctionType(expr* argtypes, expr returns)
operator []
  Add
  Sub
  Mult
  MatMult
  Div
  Mod
  Pow
  LShift
  RShift
  BitOr
  BitXor
  BitAnd
  FloorDiv
pattern [lineno col_offset end_lineno end_col_offset]
  MatchValue(expr value)
  MatchSingleton(constant value)
  MatchSequence(pattern* patterns)
  MatchMapping(expr* keys, pattern* patterns, identifier? rest)
  MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
  MatchStar(identifier? name)
  MatchAs(pattern? pattern, identifier? name)
  MatchOr(pattern* patterns)
stmt [lineno col_offset end_lineno? end_col_offset?]
  FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
  AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
  ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
  Return(expr? value)
  Delete(expr* targets)
  Assign(expr* targets, expr value, string? type_comment)
  AugAssign(expr target, operator op, expr value)
  AnnAssign(expr target, expr annotation, expr? value, int simple)
  For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
  AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
  While(expr test, stmt* body, stmt* orelse)
  If(expr test, stmt* body, stmt* orelse)
  With(withitem* items, stmt* body, string? type_comment)
  AsyncWith(withitem* items, stmt* body, string? type_comment)
  Match(expr subject, match_case* cases)
  Raise(expr? exc, expr? cause)
  Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
  TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
  Assert(expr test, expr? msg)
  Import(alias* names)
  ImportFrom(identifier? module, alias* names, int? level)
  Global(identifier* names)
  Nonlocal(identifier* names)
  Expr(expr value)
  Pass
  Break
  Continue
type_ignore []
  TypeIgnore(int lineno, string tag)
unaryop []
  Invert
  Not
  UAdd
  USub
withitem [] withitem(expr context_expr, expr? optional_vars)
"""


def _signature(text):
    """'Name(identifier id, expr? x)' -> ('Name', fields, optional fields)."""
    name, _, rest = text.partition("(")
    fields, optional = [], []
    for part in rest.rstrip(")").split(","):
        part = part.strip()
        if not part:
            continue
        kind, field = part.split()
        fields.append(field)
        if kind.endswith("?"):
            optional.append(field)
    return name, tuple(fields), optional


def _make(name, base, fields, optional, doc, attributes=None):
    ns = {"__module__": "ast", "__doc__": doc, "_fields": fields,
          "__match_args__": fields}
    if attributes is not None:
        attrs = tuple(a.rstrip("?") for a in attributes)
        ns["_attributes"] = attrs
        optional = optional + [a.rstrip("?") for a in attributes if a.endswith("?")]
    for field in optional:
        ns[field] = None
    cls = type(name, (base,), ns)
    globals()[name] = cls
    return cls


def _build():
    abstract = None
    members = []

    def finish():
        if abstract is None or not members:
            return
        name, attrs = abstract
        simple = all(not sig.endswith(")") for sig in members)
        if simple:
            doc = name + " = " + " | ".join(members)
        else:
            doc = name + " = " + ("\n" + " " * (len(name) + 1) + "| ").join(members)
        base = _make(name, AST, (), [], doc, attrs)
        for sig in members:
            cname, fields, optional = _signature(sig)
            _make(cname, base, fields, optional, sig)

    for line in _TABLE.splitlines():
        if not line.strip():
            continue
        if line.startswith(" "):
            members.append(line.strip())
            continue
        finish()
        members = []
        head, _, sig = line.partition("] ")
        name, _, attrs = head.rstrip("]").partition(" [")
        attrs = attrs.split()
        if sig:
            abstract = None
            _, fields, optional = _signature(sig)
            _make(name, AST, fields, optional, sig, attrs)
        else:
            abstract = (name, attrs)
    finish()


_build()
del _build, _make, _signature, _TABLE
