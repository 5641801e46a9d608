/* ast_dump.c — render an AST exactly as Python's
 * `ast.dump(tree, include_attributes=...)` does (3.11): fields in ASDL
 * order, optional fields omitted when absent, lists as [...], constants and
 * identifiers by repr, position attributes appended when asked.
 */
#include "parser_internal.h"

#include <stdio.h>

typedef struct Dumper {
    PithStrBuilder sb;
    bool attrs;
    bool failed;
} Dumper;

/* One node being written: tracks the comma between fields. */
typedef struct Node {
    Dumper *d;
    bool first;
} Node;

static void put(Dumper *d, const char *s) {
    if (!d->failed && pith_sb_append_utf8(&d->sb, s, -1) < 0) d->failed = true;
}

static void put_repr(Dumper *d, PithObject *o) {
    if (d->failed) return;
    PithObject *r = o ? pith_repr(o) : NULL;
    if (!o) {
        put(d, "None");
        return;
    }
    if (!r || pith_sb_append_str(&d->sb, r) < 0) d->failed = true;
    PITH_XDECREF(r);
}

static void put_int(Dumper *d, long v) {
    char buf[32];
    snprintf(buf, sizeof buf, "%ld", v);
    put(d, buf);
}

static Node begin(Dumper *d, const char *name) {
    put(d, name);
    put(d, "(");
    Node n = {d, true};
    return n;
}

static void field(Node *n, const char *name) {
    if (!n->first) put(n->d, ", ");
    n->first = false;
    put(n->d, name);
    put(n->d, "=");
}

static void end_node(Node *n, int lineno, int col, int end_lineno, int end_col) {
    if (n->d->attrs) {
        field(n, "lineno");
        put_int(n->d, lineno);
        field(n, "col_offset");
        put_int(n->d, col);
        field(n, "end_lineno");
        put_int(n->d, end_lineno);
        field(n, "end_col_offset");
        put_int(n->d, end_col);
    }
    put(n->d, ")");
}

static void end_plain(Node *n) { put(n->d, ")"); }

static void dump_expr(Dumper *d, PithExpr *e);
static void dump_stmt(Dumper *d, PithStmt *s);
static void dump_pattern(Dumper *d, PithPattern *p);

typedef void (*ItemFn)(Dumper *, void *);

static void dump_seq(Dumper *d, PithAstSeq *s, ItemFn fn) {
    put(d, "[");
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s); i++) {
        if (i) put(d, ", ");
        void *it = PITH_SEQ_GET(s, i);
        if (it) fn(d, it);
        else put(d, "None");
    }
    put(d, "]");
}

static void item_expr(Dumper *d, void *x) { dump_expr(d, x); }
static void item_stmt(Dumper *d, void *x) { dump_stmt(d, x); }
static void item_pattern(Dumper *d, void *x) { dump_pattern(d, x); }
static void item_obj(Dumper *d, void *x) { put_repr(d, x); }

/* Optional field helpers: omitted when NULL. */
static void opt_expr(Node *n, const char *name, PithExpr *e) {
    if (!e) return;
    field(n, name);
    dump_expr(n->d, e);
}
static void opt_obj(Node *n, const char *name, PithObject *o) {
    if (!o) return;
    field(n, name);
    put_repr(n->d, o);
}
static void f_expr(Node *n, const char *name, PithExpr *e) {
    field(n, name);
    dump_expr(n->d, e);
}
static void f_seq(Node *n, const char *name, PithAstSeq *s, ItemFn fn) {
    field(n, name);
    dump_seq(n->d, s, fn);
}
static void f_word(Node *n, const char *name, const char *word) {
    field(n, name);
    put(n->d, word);
    put(n->d, "()");
}

static const char *ctx_name(PithExprContext c) {
    return c == PITH_CTX_Store ? "Store" : c == PITH_CTX_Del ? "Del" : "Load";
}

static const char *const op_names[] = {"", "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                       "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"};
static const char *const unary_names[] = {"", "Invert", "Not", "UAdd", "USub"};
static const char *const cmp_names[] = {"", "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE",
                                        "Is", "IsNot", "In", "NotIn"};

static void item_cmpop(Dumper *d, void *x) {
    put(d, cmp_names[(intptr_t)x]);
    put(d, "()");
}

/* ---- helper records ------------------------------------------------------------- */

static void dump_arg(Dumper *d, void *x) {
    PithArg *a = x;
    Node n = begin(d, "arg");
    field(&n, "arg");
    put_repr(d, a->arg);
    opt_expr(&n, "annotation", a->annotation);
    opt_obj(&n, "type_comment", a->type_comment);
    end_node(&n, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
}

static void dump_arguments(Dumper *d, PithArguments *a) {
    Node n = begin(d, "arguments");
    f_seq(&n, "posonlyargs", a->posonlyargs, dump_arg);
    f_seq(&n, "args", a->args, dump_arg);
    if (a->vararg) {
        field(&n, "vararg");
        dump_arg(d, a->vararg);
    }
    f_seq(&n, "kwonlyargs", a->kwonlyargs, dump_arg);
    f_seq(&n, "kw_defaults", a->kw_defaults, item_expr);
    if (a->kwarg) {
        field(&n, "kwarg");
        dump_arg(d, a->kwarg);
    }
    f_seq(&n, "defaults", a->defaults, item_expr);
    end_plain(&n);
}

static void dump_keyword(Dumper *d, void *x) {
    PithKeyword *k = x;
    Node n = begin(d, "keyword");
    opt_obj(&n, "arg", k->arg);
    f_expr(&n, "value", k->value);
    end_node(&n, k->lineno, k->col_offset, k->end_lineno, k->end_col_offset);
}

static void dump_alias(Dumper *d, void *x) {
    PithAlias *a = x;
    Node n = begin(d, "alias");
    field(&n, "name");
    put_repr(d, a->name);
    opt_obj(&n, "asname", a->asname);
    end_node(&n, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
}

static void dump_comprehension(Dumper *d, void *x) {
    PithComprehension *c = x;
    Node n = begin(d, "comprehension");
    f_expr(&n, "target", c->target);
    f_expr(&n, "iter", c->iter);
    f_seq(&n, "ifs", c->ifs, item_expr);
    field(&n, "is_async");
    put_int(d, c->is_async);
    end_plain(&n);
}

static void dump_handler(Dumper *d, void *x) {
    PithExceptHandler *h = x;
    Node n = begin(d, "ExceptHandler");
    opt_expr(&n, "type", h->type);
    opt_obj(&n, "name", h->name);
    f_seq(&n, "body", h->body, item_stmt);
    end_node(&n, h->lineno, h->col_offset, h->end_lineno, h->end_col_offset);
}

static void dump_withitem(Dumper *d, void *x) {
    PithWithItem *w = x;
    Node n = begin(d, "withitem");
    f_expr(&n, "context_expr", w->context_expr);
    opt_expr(&n, "optional_vars", w->optional_vars);
    end_plain(&n);
}

static void dump_case(Dumper *d, void *x) {
    PithMatchCase *c = x;
    Node n = begin(d, "match_case");
    field(&n, "pattern");
    dump_pattern(d, c->pattern);
    opt_expr(&n, "guard", c->guard);
    f_seq(&n, "body", c->body, item_stmt);
    end_plain(&n);
}

/* ---- expressions ------------------------------------------------------------------ */

static void dump_expr_fields(Node *n, PithExpr *e) {
    Dumper *d = n->d;
    switch (e->kind) {
    case PITH_E_BoolOp:
        f_word(n, "op", e->v.BoolOp.op == PITH_BOOL_And ? "And" : "Or");
        f_seq(n, "values", e->v.BoolOp.values, item_expr);
        break;
    case PITH_E_NamedExpr:
        f_expr(n, "target", e->v.NamedExpr.target);
        f_expr(n, "value", e->v.NamedExpr.value);
        break;
    case PITH_E_BinOp:
        f_expr(n, "left", e->v.BinOp.left);
        f_word(n, "op", op_names[e->v.BinOp.op]);
        f_expr(n, "right", e->v.BinOp.right);
        break;
    case PITH_E_UnaryOp:
        f_word(n, "op", unary_names[e->v.UnaryOp.op]);
        f_expr(n, "operand", e->v.UnaryOp.operand);
        break;
    case PITH_E_Lambda:
        field(n, "args");
        dump_arguments(d, e->v.Lambda.args);
        f_expr(n, "body", e->v.Lambda.body);
        break;
    case PITH_E_IfExp:
        f_expr(n, "test", e->v.IfExp.test);
        f_expr(n, "body", e->v.IfExp.body);
        f_expr(n, "orelse", e->v.IfExp.orelse);
        break;
    case PITH_E_Dict:
        f_seq(n, "keys", e->v.Dict.keys, item_expr);
        f_seq(n, "values", e->v.Dict.values, item_expr);
        break;
    case PITH_E_Set: f_seq(n, "elts", e->v.Set.elts, item_expr); break;
    case PITH_E_ListComp: case PITH_E_SetComp: case PITH_E_GeneratorExp:
        f_expr(n, "elt", e->v.ListComp.elt);
        f_seq(n, "generators", e->v.ListComp.generators, dump_comprehension);
        break;
    case PITH_E_DictComp:
        f_expr(n, "key", e->v.DictComp.key);
        f_expr(n, "value", e->v.DictComp.value);
        f_seq(n, "generators", e->v.DictComp.generators, dump_comprehension);
        break;
    case PITH_E_Await: f_expr(n, "value", e->v.Await.value); break;
    case PITH_E_Yield: opt_expr(n, "value", e->v.Yield.value); break;
    case PITH_E_YieldFrom: f_expr(n, "value", e->v.YieldFrom.value); break;
    case PITH_E_Compare:
        f_expr(n, "left", e->v.Compare.left);
        f_seq(n, "ops", e->v.Compare.ops, item_cmpop);
        f_seq(n, "comparators", e->v.Compare.comparators, item_expr);
        break;
    case PITH_E_Call:
        f_expr(n, "func", e->v.Call.func);
        f_seq(n, "args", e->v.Call.args, item_expr);
        f_seq(n, "keywords", e->v.Call.keywords, dump_keyword);
        break;
    case PITH_E_FormattedValue:
        f_expr(n, "value", e->v.FormattedValue.value);
        field(n, "conversion");
        put_int(d, e->v.FormattedValue.conversion);
        opt_expr(n, "format_spec", e->v.FormattedValue.format_spec);
        break;
    case PITH_E_JoinedStr: f_seq(n, "values", e->v.JoinedStr.values, item_expr); break;
    case PITH_E_Constant:
        field(n, "value");
        put_repr(d, e->v.Constant.value);
        opt_obj(n, "kind", e->v.Constant.kind);
        break;
    case PITH_E_Attribute:
        f_expr(n, "value", e->v.Attribute.value);
        field(n, "attr");
        put_repr(d, e->v.Attribute.attr);
        f_word(n, "ctx", ctx_name(e->v.Attribute.ctx));
        break;
    case PITH_E_Subscript:
        f_expr(n, "value", e->v.Subscript.value);
        f_expr(n, "slice", e->v.Subscript.slice);
        f_word(n, "ctx", ctx_name(e->v.Subscript.ctx));
        break;
    case PITH_E_Starred:
        f_expr(n, "value", e->v.Starred.value);
        f_word(n, "ctx", ctx_name(e->v.Starred.ctx));
        break;
    case PITH_E_Name:
        field(n, "id");
        put_repr(d, e->v.Name.id);
        f_word(n, "ctx", ctx_name(e->v.Name.ctx));
        break;
    case PITH_E_List: case PITH_E_Tuple:
        f_seq(n, "elts", e->v.List.elts, item_expr);
        f_word(n, "ctx", ctx_name(e->v.List.ctx));
        break;
    case PITH_E_Slice:
        opt_expr(n, "lower", e->v.Slice.lower);
        opt_expr(n, "upper", e->v.Slice.upper);
        opt_expr(n, "step", e->v.Slice.step);
        break;
    }
}

static const char *const expr_names[] = {
    "", "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set",
    "ListComp", "SetComp", "DictComp", "GeneratorExp", "Await", "Yield", "YieldFrom",
    "Compare", "Call", "FormattedValue", "JoinedStr", "Constant", "Attribute",
    "Subscript", "Starred", "Name", "List", "Tuple", "Slice"};

static void dump_expr(Dumper *d, PithExpr *e) {
    Node n = begin(d, expr_names[e->kind]);
    dump_expr_fields(&n, e);
    end_node(&n, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
}

/* ---- patterns ----------------------------------------------------------------------- */

static const char *const pattern_names[] = {
    "", "MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping", "MatchClass",
    "MatchStar", "MatchAs", "MatchOr"};

static void dump_pattern(Dumper *d, PithPattern *p) {
    Node n = begin(d, pattern_names[p->kind]);
    switch (p->kind) {
    case PITH_P_MatchValue: f_expr(&n, "value", p->v.MatchValue.value); break;
    case PITH_P_MatchSingleton:
        field(&n, "value");
        put_repr(d, p->v.MatchSingleton.value);
        break;
    case PITH_P_MatchSequence: f_seq(&n, "patterns", p->v.MatchSequence.patterns, item_pattern); break;
    case PITH_P_MatchMapping:
        f_seq(&n, "keys", p->v.MatchMapping.keys, item_expr);
        f_seq(&n, "patterns", p->v.MatchMapping.patterns, item_pattern);
        opt_obj(&n, "rest", p->v.MatchMapping.rest);
        break;
    case PITH_P_MatchClass:
        f_expr(&n, "cls", p->v.MatchClass.cls);
        f_seq(&n, "patterns", p->v.MatchClass.patterns, item_pattern);
        f_seq(&n, "kwd_attrs", p->v.MatchClass.kwd_attrs, item_obj);
        f_seq(&n, "kwd_patterns", p->v.MatchClass.kwd_patterns, item_pattern);
        break;
    case PITH_P_MatchStar: opt_obj(&n, "name", p->v.MatchStar.name); break;
    case PITH_P_MatchAs:
        if (p->v.MatchAs.pattern) {
            field(&n, "pattern");
            dump_pattern(d, p->v.MatchAs.pattern);
        }
        opt_obj(&n, "name", p->v.MatchAs.name);
        break;
    case PITH_P_MatchOr: f_seq(&n, "patterns", p->v.MatchOr.patterns, item_pattern); break;
    }
    end_node(&n, p->lineno, p->col_offset, p->end_lineno, p->end_col_offset);
}

/* ---- statements --------------------------------------------------------------------- */

static void dump_stmt_fields(Node *n, PithStmt *s) {
    Dumper *d = n->d;
    switch (s->kind) {
    case PITH_S_FunctionDef: case PITH_S_AsyncFunctionDef:
        field(n, "name");
        put_repr(d, s->v.FunctionDef.name);
        field(n, "args");
        dump_arguments(d, s->v.FunctionDef.args);
        f_seq(n, "body", s->v.FunctionDef.body, item_stmt);
        f_seq(n, "decorator_list", s->v.FunctionDef.decorator_list, item_expr);
        opt_expr(n, "returns", s->v.FunctionDef.returns);
        opt_obj(n, "type_comment", s->v.FunctionDef.type_comment);
        break;
    case PITH_S_ClassDef:
        field(n, "name");
        put_repr(d, s->v.ClassDef.name);
        f_seq(n, "bases", s->v.ClassDef.bases, item_expr);
        f_seq(n, "keywords", s->v.ClassDef.keywords, dump_keyword);
        f_seq(n, "body", s->v.ClassDef.body, item_stmt);
        f_seq(n, "decorator_list", s->v.ClassDef.decorator_list, item_expr);
        break;
    case PITH_S_Return: opt_expr(n, "value", s->v.Return.value); break;
    case PITH_S_Delete: f_seq(n, "targets", s->v.Delete.targets, item_expr); break;
    case PITH_S_Assign:
        f_seq(n, "targets", s->v.Assign.targets, item_expr);
        f_expr(n, "value", s->v.Assign.value);
        opt_obj(n, "type_comment", s->v.Assign.type_comment);
        break;
    case PITH_S_AugAssign:
        f_expr(n, "target", s->v.AugAssign.target);
        f_word(n, "op", op_names[s->v.AugAssign.op]);
        f_expr(n, "value", s->v.AugAssign.value);
        break;
    case PITH_S_AnnAssign:
        f_expr(n, "target", s->v.AnnAssign.target);
        f_expr(n, "annotation", s->v.AnnAssign.annotation);
        opt_expr(n, "value", s->v.AnnAssign.value);
        field(n, "simple");
        put_int(d, s->v.AnnAssign.simple);
        break;
    case PITH_S_For: case PITH_S_AsyncFor:
        f_expr(n, "target", s->v.For.target);
        f_expr(n, "iter", s->v.For.iter);
        f_seq(n, "body", s->v.For.body, item_stmt);
        f_seq(n, "orelse", s->v.For.orelse, item_stmt);
        opt_obj(n, "type_comment", s->v.For.type_comment);
        break;
    case PITH_S_While: case PITH_S_If:
        f_expr(n, "test", s->v.While.test);
        f_seq(n, "body", s->v.While.body, item_stmt);
        f_seq(n, "orelse", s->v.While.orelse, item_stmt);
        break;
    case PITH_S_With: case PITH_S_AsyncWith:
        f_seq(n, "items", s->v.With.items, dump_withitem);
        f_seq(n, "body", s->v.With.body, item_stmt);
        opt_obj(n, "type_comment", s->v.With.type_comment);
        break;
    case PITH_S_Match:
        f_expr(n, "subject", s->v.Match.subject);
        f_seq(n, "cases", s->v.Match.cases, dump_case);
        break;
    case PITH_S_Raise:
        opt_expr(n, "exc", s->v.Raise.exc);
        opt_expr(n, "cause", s->v.Raise.cause);
        break;
    case PITH_S_Try: case PITH_S_TryStar:
        f_seq(n, "body", s->v.Try.body, item_stmt);
        f_seq(n, "handlers", s->v.Try.handlers, dump_handler);
        f_seq(n, "orelse", s->v.Try.orelse, item_stmt);
        f_seq(n, "finalbody", s->v.Try.finalbody, item_stmt);
        break;
    case PITH_S_Assert:
        f_expr(n, "test", s->v.Assert.test);
        opt_expr(n, "msg", s->v.Assert.msg);
        break;
    case PITH_S_Import: f_seq(n, "names", s->v.Import.names, dump_alias); break;
    case PITH_S_ImportFrom:
        opt_obj(n, "module", s->v.ImportFrom.module);
        f_seq(n, "names", s->v.ImportFrom.names, dump_alias);
        field(n, "level");
        put_int(d, s->v.ImportFrom.level);
        break;
    case PITH_S_Global: case PITH_S_Nonlocal:
        f_seq(n, "names", s->v.Global.names, item_obj);
        break;
    case PITH_S_Expr: f_expr(n, "value", s->v.Expr.value); break;
    case PITH_S_Pass: case PITH_S_Break: case PITH_S_Continue: break;
    }
}

static const char *const stmt_names[] = {
    "", "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete", "Assign",
    "AugAssign", "AnnAssign", "For", "AsyncFor", "While", "If", "With", "AsyncWith",
    "Match", "Raise", "Try", "TryStar", "Assert", "Import", "ImportFrom", "Global",
    "Nonlocal", "Expr", "Pass", "Break", "Continue"};

static void dump_stmt(Dumper *d, PithStmt *s) {
    Node n = begin(d, stmt_names[s->kind]);
    dump_stmt_fields(&n, s);
    end_node(&n, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
}

PithObject *pith_ast_dump(PithMod *mod, bool include_attributes) {
    Dumper d;
    pith_sb_init(&d.sb);
    d.attrs = include_attributes;
    d.failed = false;
    Node n;
    switch (mod->kind) {
    case PITH_M_Module:
        n = begin(&d, "Module");
        f_seq(&n, "body", mod->body, item_stmt);
        field(&n, "type_ignores");
        put(&d, "[]");
        break;
    case PITH_M_Interactive:
        n = begin(&d, "Interactive");
        f_seq(&n, "body", mod->body, item_stmt);
        break;
    case PITH_M_Expression:
        n = begin(&d, "Expression");
        f_expr(&n, "body", mod->expr);
        break;
    default:
        n = begin(&d, "FunctionType");
        f_seq(&n, "argtypes", mod->argtypes, item_expr);
        f_expr(&n, "returns", mod->expr);
        break;
    }
    end_plain(&n);
    if (d.failed) {
        pith_sb_discard(&d.sb);
        return NULL;
    }
    return pith_sb_finish(&d.sb);
}
