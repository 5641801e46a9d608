/* symtable.c — the symbol table pass: one walk over the AST recording how
 * each scope uses each name, then an analysis deciding each name's scope
 * (local, global explicit/implicit, free, cell), following CPython 3.11's
 * rules (class scopes invisible to nested functions, implicit __class__
 * cell, comprehensions as function scopes, walrus targets bound in the
 * enclosing function). Errors are SyntaxErrors with CPython's texts. */
#include <stdio.h>
#include <string.h>

#include "pith/pith.h"
#include "pith/symtable.h"

typedef struct Loc {
    int l, c, el, ec;
} Loc;
#define LOC(n) ((Loc){(n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset})

/* ---- errors ------------------------------------------------------------ */

/* Line `lineno` of the file, with its newline, as str; NULL if unreadable. */
static PithObject *source_line(PithObject *filename, int lineno) {
    const char *fn = filename && pith_str_check(filename) ? pith_str_utf8(filename) : NULL;
    if (!fn || lineno < 1) return NULL;
    FILE *f = fopen(fn, "rb");
    if (!f) return NULL;
    char buf[4096];
    PithObject *res = NULL;
    int line = 1;
    while (fgets(buf, sizeof buf, f)) {
        size_t n = strlen(buf);
        if (line == lineno) {
            res = pith_str_from_utf8(buf, (intptr_t)n);
            if (!res) pith_err_clear();
            break;
        }
        if (n && buf[n - 1] == '\n') line++;
    }
    fclose(f);
    return res;
}

void pith_compile_error_at(PithObject *filename, const char *msg, int lineno,
                          int col_offset, int end_lineno, int end_col_offset) {
    PithObject *text = source_line(filename, lineno);
    pith_err_syntax_location(&pith_exc_SyntaxError, msg, filename, lineno,
                             col_offset + 1, end_lineno,
                             end_col_offset >= 0 ? end_col_offset + 1 : 0, text);
    PITH_XDECREF(text);
}

/* Format msg with one %U name and raise it at loc. Returns 0. */
static int st_error(PithSymtable *st, Loc loc, const char *fmt, PithObject *name) {
    PithObject *m = pith_str_from_format(fmt, name);
    if (!m) return 0;
    const char *u = pith_str_utf8(m);
    if (u) pith_compile_error_at(st->filename, u, loc.l, loc.c, loc.el, loc.ec);
    PITH_DECREF(m);
    return 0;
}

/* ---- mangling ---------------------------------------------------------- */

PithObject *pith_mangle(PithObject *private_name, PithObject *name) {
    intptr_t n = PITH_STR_LEN(name);
    PithStr *s = (PithStr *)name;
    if (!private_name || n < 2 || pith_str_read(s, 0) != '_' || pith_str_read(s, 1) != '_')
        return PITH_NEWREF(name);
    if (pith_str_read(s, n - 1) == '_' && pith_str_read(s, n - 2) == '_')
        return PITH_NEWREF(name);
    for (intptr_t i = 0; i < n; i++)
        if (pith_str_read(s, i) == '.') return PITH_NEWREF(name);
    PithStr *p = (PithStr *)private_name;
    intptr_t start = 0, plen = PITH_STR_LEN(private_name);
    while (start < plen && pith_str_read(p, start) == '_') start++;
    if (start == plen) return PITH_NEWREF(name);
    PithObject *stripped = pith_str_substring(private_name, start, plen);
    if (!stripped) return NULL;
    PithObject *r = pith_str_from_format("_%U%U", stripped, name);
    PITH_DECREF(stripped);
    if (r) pith_str_intern_in_place(&r);
    return r;
}

/* ---- entries ----------------------------------------------------------- */

static PithSTEntry *entry_new(PithSymtable *st, PithObject *name, PithBlockType type,
                              const void *key, Loc loc) {
    PithSTEntry *e = pith_mem_calloc(1, sizeof *e);
    if (!e) return (PithSTEntry *)pith_err_no_memory();
    e->type = type;
    e->name = PITH_NEWREF(name);
    e->key = key;
    e->lineno = loc.l;
    e->col_offset = loc.c;
    e->end_lineno = loc.el;
    e->end_col_offset = loc.ec;
    e->symbols = pith_dict_new();
    e->varnames = pith_list_new(0);
    PithSTEntry *cur = st->cur;
    if (cur && (cur->nested || cur->type == PITH_BLOCK_FUNCTION)) e->nested = 1;
    e->parent = cur;
    if (!e->symbols || !e->varnames) return NULL;
    if (cur) {
        if (cur->nchildren == cur->capchildren) {
            int ncap = cur->capchildren ? cur->capchildren * 2 : 4;
            PithSTEntry **nc = pith_mem_realloc(cur->children, sizeof *nc * (size_t)ncap);
            if (!nc) return (PithSTEntry *)pith_err_no_memory();
            cur->children = nc;
            cur->capchildren = ncap;
        }
        cur->children[cur->nchildren++] = e;
    }
    return e;
}

static void entry_free(PithSTEntry *e) {
    for (int i = 0; i < e->nchildren; i++) entry_free(e->children[i]);
    pith_mem_free(e->children);
    PITH_XDECREF(e->name);
    PITH_XDECREF(e->symbols);
    PITH_XDECREF(e->varnames);
    PITH_XDECREF(e->directives);
    pith_mem_free(e);
}

void pith_symtable_free(PithSymtable *st) {
    if (!st) return;
    if (st->top) entry_free(st->top);
    pith_mem_free(st->stack);
    PITH_XDECREF(st->filename);
    pith_mem_free(st);
}

PithSTEntry *pith_symtable_child(PithSTEntry *parent, const void *key) {
    for (int i = 0; i < parent->nchildren; i++)
        if (parent->children[i]->key == key) return parent->children[i];
    return NULL;
}

int pith_st_flags(PithSTEntry *e, PithObject *name) {
    PithObject *v = pith_dict_get_item(e->symbols, name);
    return v ? (int)pith_int_as_i64(v) : 0;
}

int pith_st_scope(PithSTEntry *e, PithObject *name) {
    return (pith_st_flags(e, name) >> PITH_SCOPE_SHIFT) & PITH_SCOPE_MASK;
}

static int set_flags(PithSTEntry *e, PithObject *name, long flags) {
    PithObject *v = pith_int_from_i64(flags);
    if (!v) return -1;
    int r = pith_dict_set_item(e->symbols, name, v);
    PITH_DECREF(v);
    return r;
}

static int enter_block(PithSymtable *st, PithObject *name, PithBlockType type,
                       const void *key, Loc loc) {
    PithSTEntry *e = entry_new(st, name, type, key, loc);
    if (!e) return 0;
    if (!st->top) st->top = e;
    if (st->depth == st->capdepth) {
        int ncap = st->capdepth ? st->capdepth * 2 : 16;
        PithSTEntry **ns = pith_mem_realloc(st->stack, sizeof *ns * (size_t)ncap);
        if (!ns) return (pith_err_no_memory(), 0);
        st->stack = ns;
        st->capdepth = ncap;
    }
    st->stack[st->depth++] = e;
    st->cur = e;
    return 1;
}

static void exit_block(PithSymtable *st) {
    st->depth--;
    st->cur = st->depth > 0 ? st->stack[st->depth - 1] : NULL;
}

/* Record `flag` for an already mangled name in scope e. */
static int add_def_in(PithSymtable *st, PithSTEntry *e, PithObject *mangled, int flag,
                      Loc loc) {
    int old = pith_st_flags(e, mangled);
    if ((flag & PITH_DEF_PARAM) && (old & PITH_DEF_PARAM))
        return st_error(st, loc, "duplicate argument '%U' in function definition", mangled);
    if (set_flags(e, mangled, old | flag) < 0) return 0;
    if ((flag & PITH_DEF_PARAM) && pith_list_append(e->varnames, mangled) < 0) return 0;
    if ((flag & PITH_DEF_GLOBAL) && e != st->top) {
        int g = pith_st_flags(st->top, mangled);
        if (set_flags(st->top, mangled, g | flag) < 0) return 0;
    }
    return 1;
}

static int add_def(PithSymtable *st, PithObject *name, int flag, Loc loc) {
    PithObject *m = pith_mangle(st->private_name, name);
    if (!m) return 0;
    int r = add_def_in(st, st->cur, m, flag, loc);
    PITH_DECREF(m);
    return r;
}

/* ---- the walk ---------------------------------------------------------- */

typedef struct Walk {
    PithSymtable *st;
    int comp_iter_target; /* visiting a comprehension's target */
    int comp_iter_expr;   /* > 0: inside a comprehension's iterable (any depth) */
    int depth;            /* nesting of the node being visited (C recursion) */
} Walk;

/* CPython allows about 3 compiler frames per interpreter frame of its
 * default recursion limit (1000); deeper ASTs raise RecursionError here,
 * before the compiler (which recurses the same way) sees them. */
#define MAX_AST_DEPTH 2995

static int visit_expr(Walk *w, PithExpr *e);
static int visit_stmt(Walk *w, PithStmt *s);
static int visit_pattern(Walk *w, PithPattern *p);

/* Enter one level of nesting: 0 with RecursionError when too deep. */
static int enter_node(Walk *w) {
    if (++w->depth <= MAX_AST_DEPTH) return 1;
    pith_err_set_string(&pith_exc_RecursionError,
                        "maximum recursion depth exceeded during compilation");
    return 0;
}

static int visit_exprs(Walk *w, PithAstSeq *seq) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(seq); i++) {
        PithExpr *e = PITH_SEQ_GET(seq, i);
        if (e && !visit_expr(w, e)) return 0;
    }
    return 1;
}

static int visit_stmts(Walk *w, PithAstSeq *seq) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(seq); i++)
        if (!visit_stmt(w, PITH_SEQ_GET(seq, i))) return 0;
    return 1;
}

static int visit_params(Walk *w, PithAstSeq *args) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(args); i++) {
        PithArg *a = PITH_SEQ_GET(args, i);
        if (!add_def(w->st, a->arg, PITH_DEF_PARAM, LOC(a))) return 0;
    }
    return 1;
}

static int visit_arguments(Walk *w, PithArguments *a) {
    PithSTEntry *cur = w->st->cur;
    if (!visit_params(w, a->posonlyargs) || !visit_params(w, a->args) ||
        !visit_params(w, a->kwonlyargs))
        return 0;
    if (a->vararg) {
        if (!add_def(w->st, a->vararg->arg, PITH_DEF_PARAM, LOC(a->vararg))) return 0;
        cur->varargs = 1;
    }
    if (a->kwarg) {
        if (!add_def(w->st, a->kwarg->arg, PITH_DEF_PARAM, LOC(a->kwarg))) return 0;
        cur->varkeywords = 1;
    }
    return 1;
}

static int visit_arg_annotations(Walk *w, PithAstSeq *args) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(args); i++) {
        PithArg *a = PITH_SEQ_GET(args, i);
        if (a->annotation && !visit_expr(w, a->annotation)) return 0;
    }
    return 1;
}

static int visit_annotations(Walk *w, PithArguments *a, PithExpr *returns) {
    if (!visit_arg_annotations(w, a->posonlyargs) || !visit_arg_annotations(w, a->args))
        return 0;
    if (a->vararg && a->vararg->annotation && !visit_expr(w, a->vararg->annotation))
        return 0;
    if (a->kwarg && a->kwarg->annotation && !visit_expr(w, a->kwarg->annotation)) return 0;
    if (!visit_arg_annotations(w, a->kwonlyargs)) return 0;
    return !returns || visit_expr(w, returns);
}

static int visit_defaults(Walk *w, PithArguments *a) {
    return visit_exprs(w, a->defaults) && visit_exprs(w, a->kw_defaults);
}

static int visit_function(Walk *w, PithStmt *s) {
    PithSymtable *st = w->st;
    if (!add_def(st, s->v.FunctionDef.name, PITH_DEF_LOCAL, LOC(s))) return 0;
    if (!visit_defaults(w, s->v.FunctionDef.args)) return 0;
    if (!visit_annotations(w, s->v.FunctionDef.args, s->v.FunctionDef.returns)) return 0;
    if (!visit_exprs(w, s->v.FunctionDef.decorator_list)) return 0;
    if (!enter_block(st, s->v.FunctionDef.name, PITH_BLOCK_FUNCTION, s, LOC(s))) return 0;
    if (s->kind == PITH_S_AsyncFunctionDef) st->cur->coroutine = 1;
    if (!visit_arguments(w, s->v.FunctionDef.args)) return 0;
    if (!visit_stmts(w, s->v.FunctionDef.body)) return 0;
    exit_block(st);
    return 1;
}

static int visit_class(Walk *w, PithStmt *s) {
    PithSymtable *st = w->st;
    if (!add_def(st, s->v.ClassDef.name, PITH_DEF_LOCAL, LOC(s))) return 0;
    if (!visit_exprs(w, s->v.ClassDef.bases)) return 0;
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s->v.ClassDef.keywords); i++) {
        PithKeyword *k = PITH_SEQ_GET(s->v.ClassDef.keywords, i);
        if (!visit_expr(w, k->value)) return 0;
    }
    if (!visit_exprs(w, s->v.ClassDef.decorator_list)) return 0;
    if (!enter_block(st, s->v.ClassDef.name, PITH_BLOCK_CLASS, s, LOC(s))) return 0;
    PithObject *saved = st->private_name;
    st->private_name = s->v.ClassDef.name;
    int ok = visit_stmts(w, s->v.ClassDef.body);
    st->private_name = saved;
    if (!ok) return 0;
    exit_block(st);
    return 1;
}

/* Remember where a global/nonlocal statement named `name` (for errors
 * found later by the analysis). */
static int record_directive(PithSymtable *st, PithObject *name, Loc loc) {
    PithSTEntry *e = st->cur;
    if (!e->directives && !(e->directives = pith_dict_new())) return 0;
    PithObject *m = pith_mangle(st->private_name, name);
    PithObject *t = pith_tuple_new(4);
    int ok = m && t;
    int v[4] = {loc.l, loc.c, loc.el, loc.ec};
    for (int i = 0; ok && i < 4; i++) {
        PithObject *x = pith_int_from_i64(v[i]);
        if (!x) ok = 0;
        else PITH_TUPLE_SET(t, i, x);
    }
    if (ok) ok = pith_dict_set_item(e->directives, m, t) == 0;
    PITH_XDECREF(m);
    PITH_XDECREF(t);
    return ok;
}

/* global / nonlocal statement. */
static int visit_directive(Walk *w, PithStmt *s, int is_global) {
    PithSymtable *st = w->st;
    PithAstSeq *names = is_global ? s->v.Global.names : s->v.Nonlocal.names;
    const char *kw = is_global ? "global" : "nonlocal";
    if (!is_global && st->cur->type == PITH_BLOCK_MODULE) {
        pith_compile_error_at(st->filename, "nonlocal declaration not allowed at module level",
                             s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
        return 0;
    }
    for (intptr_t i = 0; i < PITH_SEQ_LEN(names); i++) {
        PithObject *name = PITH_SEQ_GET(names, i);
        PithObject *m = pith_mangle(st->private_name, name);
        if (!m) return 0;
        int cur = pith_st_flags(st->cur, m);
        PITH_DECREF(m);
        if (cur & (PITH_DEF_PARAM | PITH_DEF_LOCAL | PITH_DEF_USE | PITH_DEF_ANNOT)) {
            char fmt[80];
            const char *what = (cur & PITH_DEF_PARAM) ? "name '%%U' is parameter and %s"
                             : (cur & PITH_DEF_USE) ? "name '%%U' is used prior to %s declaration"
                             : (cur & PITH_DEF_ANNOT) ? "annotated name '%%U' can't be %s"
                             : "name '%%U' is assigned to before %s declaration";
            snprintf(fmt, sizeof fmt, what, kw);
            return st_error(st, LOC(s), fmt, name);
        }
        if (!add_def(st, name, is_global ? PITH_DEF_GLOBAL : PITH_DEF_NONLOCAL, LOC(s)))
            return 0;
        if (!record_directive(st, name, LOC(s))) return 0;
    }
    return 1;
}

static int visit_alias(Walk *w, PithStmt *s, PithAlias *a) {
    PithSymtable *st = w->st;
    PithObject *name = a->asname ? a->asname : a->name;
    if (pith_str_eq_cstr(name, "*")) {
        if (st->cur->type != PITH_BLOCK_MODULE) {
            pith_compile_error_at(st->filename, "import * only allowed at module level",
                                  a->lineno, a->col_offset, a->end_lineno, a->end_col_offset);
            return 0;
        }
        return 1;
    }
    intptr_t n = PITH_STR_LEN(name), dot = n;
    for (intptr_t i = 0; i < n; i++)
        if (pith_str_read((PithStr *)name, i) == '.') {
            dot = i;
            break;
        }
    if (dot == n) return add_def(st, name, PITH_DEF_IMPORT, LOC(a));
    PithObject *first = pith_str_substring(name, 0, dot);
    if (!first) return 0;
    pith_str_intern_in_place(&first);
    int r = add_def(st, first, PITH_DEF_IMPORT, LOC(a));
    PITH_DECREF(first);
    return r;
}

static int visit_annassign(Walk *w, PithStmt *s) {
    PithSymtable *st = w->st;
    PithExpr *t = s->v.AnnAssign.target;
    if (t->kind == PITH_E_Name) {
        PithObject *m = pith_mangle(st->private_name, t->v.Name.id);
        if (!m) return 0;
        int cur = pith_st_flags(st->cur, m);
        PITH_DECREF(m);
        if ((cur & (PITH_DEF_GLOBAL | PITH_DEF_NONLOCAL)) && st->cur != st->top &&
            s->v.AnnAssign.simple)
            return st_error(st, LOC(s),
                            (cur & PITH_DEF_GLOBAL) ? "annotated name '%U' can't be global"
                                                    : "annotated name '%U' can't be nonlocal",
                            t->v.Name.id);
        int flag = s->v.AnnAssign.simple ? PITH_DEF_ANNOT | PITH_DEF_LOCAL
                 : s->v.AnnAssign.value ? PITH_DEF_LOCAL : 0;
        if (flag && !add_def(st, t->v.Name.id, flag, LOC(t))) return 0;
    } else if (!visit_expr(w, t)) {
        return 0;
    }
    if (!visit_expr(w, s->v.AnnAssign.annotation)) return 0;
    return !s->v.AnnAssign.value || visit_expr(w, s->v.AnnAssign.value);
}

static int visit_pattern_node(Walk *w, PithPattern *p) {
    PithSymtable *st = w->st;
    switch (p->kind) {
    case PITH_P_MatchValue:
        return visit_expr(w, p->v.MatchValue.value);
    case PITH_P_MatchSingleton:
        return 1;
    case PITH_P_MatchSequence:
    case PITH_P_MatchOr: {
        PithAstSeq *ps = p->kind == PITH_P_MatchOr ? p->v.MatchOr.patterns
                                                   : p->v.MatchSequence.patterns;
        for (intptr_t i = 0; i < PITH_SEQ_LEN(ps); i++)
            if (!visit_pattern(w, PITH_SEQ_GET(ps, i))) return 0;
        return 1;
    }
    case PITH_P_MatchStar:
        return !p->v.MatchStar.name || add_def(st, p->v.MatchStar.name, PITH_DEF_LOCAL, LOC(p));
    case PITH_P_MatchAs:
        if (p->v.MatchAs.pattern && !visit_pattern(w, p->v.MatchAs.pattern)) return 0;
        return !p->v.MatchAs.name || add_def(st, p->v.MatchAs.name, PITH_DEF_LOCAL, LOC(p));
    case PITH_P_MatchMapping:
        if (!visit_exprs(w, p->v.MatchMapping.keys)) return 0;
        for (intptr_t i = 0; i < PITH_SEQ_LEN(p->v.MatchMapping.patterns); i++)
            if (!visit_pattern(w, PITH_SEQ_GET(p->v.MatchMapping.patterns, i))) return 0;
        return !p->v.MatchMapping.rest ||
               add_def(st, p->v.MatchMapping.rest, PITH_DEF_LOCAL, LOC(p));
    case PITH_P_MatchClass:
        if (!visit_expr(w, p->v.MatchClass.cls)) return 0;
        for (intptr_t i = 0; i < PITH_SEQ_LEN(p->v.MatchClass.patterns); i++)
            if (!visit_pattern(w, PITH_SEQ_GET(p->v.MatchClass.patterns, i))) return 0;
        for (intptr_t i = 0; i < PITH_SEQ_LEN(p->v.MatchClass.kwd_patterns); i++)
            if (!visit_pattern(w, PITH_SEQ_GET(p->v.MatchClass.kwd_patterns, i))) return 0;
        return 1;
    }
    return 1;
}

static int visit_try(Walk *w, PithStmt *s) {
    if (!visit_stmts(w, s->v.Try.body) || !visit_stmts(w, s->v.Try.orelse)) return 0;
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s->v.Try.handlers); i++) {
        PithExceptHandler *h = PITH_SEQ_GET(s->v.Try.handlers, i);
        if (h->type && !visit_expr(w, h->type)) return 0;
        if (h->name && !add_def(w->st, h->name, PITH_DEF_LOCAL, LOC(h))) return 0;
        if (!visit_stmts(w, h->body)) return 0;
    }
    return visit_stmts(w, s->v.Try.finalbody);
}

static int visit_stmt_node(Walk *w, PithStmt *s) {
    switch (s->kind) {
    case PITH_S_FunctionDef:
    case PITH_S_AsyncFunctionDef:
        return visit_function(w, s);
    case PITH_S_ClassDef:
        return visit_class(w, s);
    case PITH_S_Return:
        if (s->v.Return.value) {
            w->st->cur->returns_value = 1;
            return visit_expr(w, s->v.Return.value);
        }
        return 1;
    case PITH_S_Delete:
        return visit_exprs(w, s->v.Delete.targets);
    case PITH_S_Assign:
        return visit_exprs(w, s->v.Assign.targets) && visit_expr(w, s->v.Assign.value);
    case PITH_S_AugAssign:
        return visit_expr(w, s->v.AugAssign.target) && visit_expr(w, s->v.AugAssign.value);
    case PITH_S_AnnAssign:
        return visit_annassign(w, s);
    case PITH_S_For:
    case PITH_S_AsyncFor:
        return visit_expr(w, s->v.For.target) && visit_expr(w, s->v.For.iter) &&
               visit_stmts(w, s->v.For.body) && visit_stmts(w, s->v.For.orelse);
    case PITH_S_While:
        return visit_expr(w, s->v.While.test) && visit_stmts(w, s->v.While.body) &&
               visit_stmts(w, s->v.While.orelse);
    case PITH_S_If:
        return visit_expr(w, s->v.If.test) && visit_stmts(w, s->v.If.body) &&
               visit_stmts(w, s->v.If.orelse);
    case PITH_S_With:
    case PITH_S_AsyncWith:
        for (intptr_t i = 0; i < PITH_SEQ_LEN(s->v.With.items); i++) {
            PithWithItem *it = PITH_SEQ_GET(s->v.With.items, i);
            if (!visit_expr(w, it->context_expr)) return 0;
            if (it->optional_vars && !visit_expr(w, it->optional_vars)) return 0;
        }
        return visit_stmts(w, s->v.With.body);
    case PITH_S_Match:
        if (!visit_expr(w, s->v.Match.subject)) return 0;
        for (intptr_t i = 0; i < PITH_SEQ_LEN(s->v.Match.cases); i++) {
            PithMatchCase *c = PITH_SEQ_GET(s->v.Match.cases, i);
            if (!visit_pattern(w, c->pattern)) return 0;
            if (c->guard && !visit_expr(w, c->guard)) return 0;
            if (!visit_stmts(w, c->body)) return 0;
        }
        return 1;
    case PITH_S_Raise:
        return (!s->v.Raise.exc || visit_expr(w, s->v.Raise.exc)) &&
               (!s->v.Raise.cause || visit_expr(w, s->v.Raise.cause));
    case PITH_S_Try:
    case PITH_S_TryStar:
        return visit_try(w, s);
    case PITH_S_Assert:
        return visit_expr(w, s->v.Assert.test) &&
               (!s->v.Assert.msg || visit_expr(w, s->v.Assert.msg));
    case PITH_S_Import:
    case PITH_S_ImportFrom: {
        PithAstSeq *names = s->kind == PITH_S_Import ? s->v.Import.names : s->v.ImportFrom.names;
        for (intptr_t i = 0; i < PITH_SEQ_LEN(names); i++)
            if (!visit_alias(w, s, PITH_SEQ_GET(names, i))) return 0;
        return 1;
    }
    case PITH_S_Global:
        return visit_directive(w, s, 1);
    case PITH_S_Nonlocal:
        return visit_directive(w, s, 0);
    case PITH_S_Expr:
        return visit_expr(w, s->v.Expr.value);
    case PITH_S_Pass:
    case PITH_S_Break:
    case PITH_S_Continue:
        return 1;
    }
    return 1;
}

static const char *comp_what(PithCompKind k) {
    switch (k) {
    case PITH_COMP_LIST: return "list comprehension";
    case PITH_COMP_SET: return "set comprehension";
    case PITH_COMP_DICT: return "dict comprehension";
    default: return "generator expression";
    }
}

/* A walrus inside a comprehension binds in the nearest enclosing function
 * (or module) scope. */
static int extend_namedexpr_scope(Walk *w, PithExpr *target) {
    PithSymtable *st = w->st;
    PithObject *name = target->v.Name.id;
    for (int i = st->depth - 1; i >= 0; i--) {
        PithSTEntry *e = st->stack[i];
        if (e->comprehension != PITH_COMP_NONE) {
            if (pith_st_flags(e, name) & PITH_DEF_COMP_ITER)
                return st_error(st, LOC(target),
                                "assignment expression cannot rebind comprehension "
                                "iteration variable '%U'",
                                name);
            continue;
        }
        if (e->type == PITH_BLOCK_FUNCTION) {
            int f = pith_st_flags(e, name);
            int flag = (f & PITH_DEF_GLOBAL) ? PITH_DEF_GLOBAL : PITH_DEF_NONLOCAL;
            if (!add_def(st, name, flag, LOC(target))) return 0;
            return add_def_in(st, e, name, PITH_DEF_LOCAL, LOC(target));
        }
        if (e->type == PITH_BLOCK_MODULE) {
            if (!add_def(st, name, PITH_DEF_GLOBAL, LOC(target))) return 0;
            return add_def_in(st, e, name, PITH_DEF_GLOBAL, LOC(target));
        }
        pith_compile_error_at(st->filename,
                             "assignment expression within a comprehension cannot be "
                             "used in a class body",
                             target->lineno, target->col_offset, target->end_lineno,
                             target->end_col_offset);
        return 0;
    }
    return 1;
}

static int visit_comp_target(Walk *w, PithExpr *target) {
    w->comp_iter_target = 1;
    int r = visit_expr(w, target);
    w->comp_iter_target = 0;
    return r;
}

/* A comprehension's iterable: no walrus anywhere inside (lambdas and
 * nested comprehensions included). */
static int visit_comp_iter(Walk *w, PithExpr *iter) {
    w->comp_iter_expr++;
    int r = visit_expr(w, iter);
    w->comp_iter_expr--;
    return r;
}

static int visit_comprehension(Walk *w, PithExpr *e, const char *name,
                               PithAstSeq *gens, PithExpr *elt, PithExpr *value,
                               PithCompKind kind) {
    PithSymtable *st = w->st;
    PithComprehension *outer = PITH_SEQ_GET(gens, 0);
    if (!visit_comp_iter(w, outer->iter)) return 0;
    PithObject *n = pith_str_intern_cstr(name);
    if (!n) return 0;
    int ok = enter_block(st, n, PITH_BLOCK_FUNCTION, e, LOC(e));
    PITH_DECREF(n);
    if (!ok) return 0;
    st->cur->comprehension = kind;
    if (outer->is_async) st->cur->coroutine = 1;
    if (kind == PITH_COMP_GEN) st->cur->generator = 1;
    PithObject *dot0 = pith_str_intern_cstr(".0");
    if (!dot0) return 0;
    ok = add_def_in(st, st->cur, dot0, PITH_DEF_PARAM, LOC(e));
    PITH_DECREF(dot0);
    if (!ok || !visit_comp_target(w, outer->target) || !visit_exprs(w, outer->ifs)) return 0;
    for (intptr_t i = 1; i < PITH_SEQ_LEN(gens); i++) {
        PithComprehension *g = PITH_SEQ_GET(gens, i);
        if (!visit_comp_target(w, g->target) || !visit_comp_iter(w, g->iter) ||
            !visit_exprs(w, g->ifs))
            return 0;
        if (g->is_async) st->cur->coroutine = 1;
    }
    if (value && !visit_expr(w, value)) return 0;
    if (!visit_expr(w, elt)) return 0;
    /* an async list/set/dict comprehension makes the enclosing block async
     * too (the compiler rejects it when that block is not) */
    int is_async = st->cur->coroutine && kind != PITH_COMP_GEN;
    exit_block(st);
    if (is_async) st->cur->coroutine = 1;
    return 1;
}

static int visit_yield(Walk *w, PithExpr *e, PithExpr *value) {
    PithSTEntry *cur = w->st->cur;
    if (value && !visit_expr(w, value)) return 0;
    cur->generator = 1;
    if (cur->comprehension != PITH_COMP_NONE) {
        char msg[80];
        snprintf(msg, sizeof msg, "'%s' inside %s",
                 e->kind == PITH_E_Await ? "await" : "yield", comp_what(cur->comprehension));
        pith_compile_error_at(w->st->filename, msg, e->lineno, e->col_offset, e->end_lineno,
                             e->end_col_offset);
        return 0;
    }
    return 1;
}

static int visit_name(Walk *w, PithExpr *e) {
    PithSymtable *st = w->st;
    int flag = e->v.Name.ctx == PITH_CTX_Load ? PITH_DEF_USE : PITH_DEF_LOCAL;
    if (w->comp_iter_target && flag == PITH_DEF_LOCAL) {
        /* a walrus earlier in the comprehension made the name nonlocal/global */
        if (pith_st_flags(st->cur, e->v.Name.id) & (PITH_DEF_GLOBAL | PITH_DEF_NONLOCAL))
            return st_error(st, LOC(e),
                            "comprehension inner loop cannot rebind assignment expression "
                            "target '%U'",
                            e->v.Name.id);
        flag |= PITH_DEF_COMP_ITER;
    }
    if (!add_def(st, e->v.Name.id, flag, LOC(e))) return 0;
    if (e->v.Name.ctx == PITH_CTX_Load && st->cur->type == PITH_BLOCK_FUNCTION &&
        pith_str_eq_cstr(e->v.Name.id, "super")) {
        PithObject *cls = pith_str_intern_cstr("__class__");
        if (!cls) return 0;
        int r = add_def_in(st, st->cur, cls, PITH_DEF_USE, LOC(e));
        PITH_DECREF(cls);
        return r;
    }
    return 1;
}

static int visit_lambda(Walk *w, PithExpr *e) {
    PithSymtable *st = w->st;
    if (!visit_defaults(w, e->v.Lambda.args)) return 0;
    PithObject *n = pith_str_intern_cstr("lambda");
    if (!n) return 0;
    int ok = enter_block(st, n, PITH_BLOCK_FUNCTION, e, LOC(e));
    PITH_DECREF(n);
    if (!ok || !visit_arguments(w, e->v.Lambda.args) || !visit_expr(w, e->v.Lambda.body))
        return 0;
    exit_block(st);
    return 1;
}

static int visit_call(Walk *w, PithExpr *e) {
    if (!visit_expr(w, e->v.Call.func) || !visit_exprs(w, e->v.Call.args)) return 0;
    for (intptr_t i = 0; i < PITH_SEQ_LEN(e->v.Call.keywords); i++) {
        PithKeyword *k = PITH_SEQ_GET(e->v.Call.keywords, i);
        if (!visit_expr(w, k->value)) return 0;
    }
    return 1;
}

static int visit_expr_node(Walk *w, PithExpr *e) {
    switch (e->kind) {
    case PITH_E_BoolOp:
        return visit_exprs(w, e->v.BoolOp.values);
    case PITH_E_NamedExpr:
        if (w->comp_iter_expr > 0) {
            pith_compile_error_at(w->st->filename,
                                 "assignment expression cannot be used in a comprehension "
                                 "iterable expression",
                                 e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
            return 0;
        }
        if (w->st->cur->comprehension != PITH_COMP_NONE &&
            !extend_namedexpr_scope(w, e->v.NamedExpr.target))
            return 0;
        return visit_expr(w, e->v.NamedExpr.value) && visit_expr(w, e->v.NamedExpr.target);
    case PITH_E_BinOp:
        return visit_expr(w, e->v.BinOp.left) && visit_expr(w, e->v.BinOp.right);
    case PITH_E_UnaryOp:
        return visit_expr(w, e->v.UnaryOp.operand);
    case PITH_E_Lambda:
        return visit_lambda(w, e);
    case PITH_E_IfExp:
        return visit_expr(w, e->v.IfExp.test) && visit_expr(w, e->v.IfExp.body) &&
               visit_expr(w, e->v.IfExp.orelse);
    case PITH_E_Dict:
        return visit_exprs(w, e->v.Dict.keys) && visit_exprs(w, e->v.Dict.values);
    case PITH_E_Set:
        return visit_exprs(w, e->v.Set.elts);
    case PITH_E_ListComp:
        return visit_comprehension(w, e, "listcomp", e->v.ListComp.generators,
                                   e->v.ListComp.elt, NULL, PITH_COMP_LIST);
    case PITH_E_SetComp:
        return visit_comprehension(w, e, "setcomp", e->v.SetComp.generators,
                                   e->v.SetComp.elt, NULL, PITH_COMP_SET);
    case PITH_E_DictComp:
        return visit_comprehension(w, e, "dictcomp", e->v.DictComp.generators,
                                   e->v.DictComp.key, e->v.DictComp.value, PITH_COMP_DICT);
    case PITH_E_GeneratorExp:
        return visit_comprehension(w, e, "genexpr", e->v.GeneratorExp.generators,
                                   e->v.GeneratorExp.elt, NULL, PITH_COMP_GEN);
    case PITH_E_Await:
        if (!visit_expr(w, e->v.Await.value)) return 0;
        w->st->cur->coroutine = 1;
        return 1;
    case PITH_E_Yield:
        return visit_yield(w, e, e->v.Yield.value);
    case PITH_E_YieldFrom:
        return visit_yield(w, e, e->v.YieldFrom.value);
    case PITH_E_Compare:
        return visit_expr(w, e->v.Compare.left) && visit_exprs(w, e->v.Compare.comparators);
    case PITH_E_Call:
        return visit_call(w, e);
    case PITH_E_FormattedValue:
        return visit_expr(w, e->v.FormattedValue.value) &&
               (!e->v.FormattedValue.format_spec ||
                visit_expr(w, e->v.FormattedValue.format_spec));
    case PITH_E_JoinedStr:
        return visit_exprs(w, e->v.JoinedStr.values);
    case PITH_E_Constant:
        return 1;
    case PITH_E_Attribute:
        return visit_expr(w, e->v.Attribute.value);
    case PITH_E_Subscript:
        return visit_expr(w, e->v.Subscript.value) && visit_expr(w, e->v.Subscript.slice);
    case PITH_E_Starred:
        return visit_expr(w, e->v.Starred.value);
    case PITH_E_Name:
        return visit_name(w, e);
    case PITH_E_List:
        return visit_exprs(w, e->v.List.elts);
    case PITH_E_Tuple:
        return visit_exprs(w, e->v.Tuple.elts);
    case PITH_E_Slice:
        return (!e->v.Slice.lower || visit_expr(w, e->v.Slice.lower)) &&
               (!e->v.Slice.upper || visit_expr(w, e->v.Slice.upper)) &&
               (!e->v.Slice.step || visit_expr(w, e->v.Slice.step));
    }
    return 1;
}

/* ---- analysis ---------------------------------------------------------- */

/* Name sets are dicts mapping name -> None (insertion ordered). */
static PithObject *set_new(void) {
    return pith_dict_new();
}

static int set_has(PithObject *s, PithObject *name) {
    return s && pith_dict_contains(s, name) > 0;
}

static int set_add(PithObject *s, PithObject *name) {
    return pith_dict_set_item(s, name, PITH_NONE);
}

/* 1 if name was present (and is removed), 0 if absent, -1 on error. */
static int set_discard(PithObject *s, PithObject *name) {
    int has = pith_dict_contains(s, name);
    if (has <= 0) return has;
    return pith_dict_del_item(s, name) < 0 ? -1 : 1;
}

static int scope_put(PithObject *scopes, PithObject *name, int scope) {
    PithObject *v = pith_int_from_i64(scope);
    if (!v) return -1;
    int r = pith_dict_set_item(scopes, name, v);
    PITH_DECREF(v);
    return r;
}

/* Location of the global/nonlocal statement for name (else the scope's). */
static Loc directive_loc(PithSTEntry *e, PithObject *name) {
    Loc l = {e->lineno, e->col_offset, e->end_lineno, e->end_col_offset};
    PithObject *t = e->directives ? pith_dict_get_item(e->directives, name) : NULL;
    if (t) {
        l.l = (int)pith_int_as_i64(PITH_TUPLE_GET(t, 0));
        l.c = (int)pith_int_as_i64(PITH_TUPLE_GET(t, 1));
        l.el = (int)pith_int_as_i64(PITH_TUPLE_GET(t, 2));
        l.ec = (int)pith_int_as_i64(PITH_TUPLE_GET(t, 3));
    }
    return l;
}

static int analyze_name(PithSymtable *st, PithSTEntry *e, PithObject *scopes,
                        PithObject *name, int flags, PithObject *bound, PithObject *local,
                        PithObject *free, PithObject *global) {
    if (flags & PITH_DEF_GLOBAL) {
        if (flags & PITH_DEF_NONLOCAL)
            return st_error(st, directive_loc(e, name), "name '%U' is nonlocal and global",
                            name) - 1;
        if (scope_put(scopes, name, PITH_SCOPE_GLOBAL_EXPLICIT) < 0) return -1;
        if (set_add(global, name) < 0) return -1;
        if (bound && set_discard(bound, name) < 0) return -1;
        return 0;
    }
    if (flags & PITH_DEF_NONLOCAL) {
        if (!set_has(bound, name))
            return st_error(st, directive_loc(e, name), "no binding for nonlocal '%U' found",
                            name) - 1;
        e->free = 1;
        if (scope_put(scopes, name, PITH_SCOPE_FREE) < 0) return -1;
        return set_add(free, name);
    }
    if (flags & PITH_DEF_BOUND) {
        if (scope_put(scopes, name, PITH_SCOPE_LOCAL) < 0) return -1;
        if (set_add(local, name) < 0) return -1;
        return set_discard(global, name) < 0 ? -1 : 0;
    }
    if (set_has(bound, name)) {
        e->free = 1;
        if (scope_put(scopes, name, PITH_SCOPE_FREE) < 0) return -1;
        return set_add(free, name);
    }
    if (!set_has(global, name) && e->nested) e->free = 1;
    return scope_put(scopes, name, PITH_SCOPE_GLOBAL_IMPLICIT);
}

static PithObject *set_copy(PithObject *s) {
    return pith_dict_copy(s);
}

static int set_update(PithObject *dst, PithObject *src) {
    intptr_t pos = 0;
    PithObject *k, *v;
    while (pith_dict_next(src, &pos, &k, &v))
        if (set_add(dst, k) < 0) return -1;
    return 0;
}

/* Locals of a function that children use freely become cells. */
static int analyze_cells(PithObject *scopes, PithObject *free) {
    intptr_t pos = 0;
    PithObject *name, *v;
    while (pith_dict_next(scopes, &pos, &name, &v)) {
        if (pith_int_as_i64(v) != PITH_SCOPE_LOCAL || !set_has(free, name)) continue;
        if (scope_put(scopes, name, PITH_SCOPE_CELL) < 0) return -1;
        if (set_discard(free, name) < 0) return -1;
    }
    return 0;
}

/* Write the scopes into the symbols; add free names passing through. */
static int update_symbols(PithSTEntry *e, PithObject *scopes, PithObject *bound,
                          PithObject *free, int classflag) {
    intptr_t pos = 0;
    PithObject *name, *v;
    while (pith_dict_next(e->symbols, &pos, &name, &v)) {
        PithObject *sc = pith_dict_get_item(scopes, name);
        long flags = (long)pith_int_as_i64(v);
        if (sc) flags |= (long)pith_int_as_i64(sc) << PITH_SCOPE_SHIFT;
        if (set_flags(e, name, flags) < 0) return -1;
    }
    pos = 0;
    while (pith_dict_next(free, &pos, &name, &v)) {
        int f = pith_st_flags(e, name);
        if (f) {
            if (classflag && (f & (PITH_DEF_BOUND | PITH_DEF_GLOBAL)) &&
                set_flags(e, name, f | PITH_DEF_FREE_CLASS) < 0)
                return -1;
            continue;
        }
        if (bound && !set_has(bound, name)) continue;
        if (set_flags(e, name, PITH_SCOPE_FREE << PITH_SCOPE_SHIFT) < 0) return -1;
    }
    return 0;
}

static int analyze_block(PithSymtable *st, PithSTEntry *e, PithObject *bound,
                         PithObject *free, PithObject *global);

static int analyze_child(PithSymtable *st, PithSTEntry *child, PithObject *bound,
                         PithObject *free, PithObject *global, PithObject *allfree) {
    PithObject *b = set_copy(bound), *f = set_copy(free), *g = set_copy(global);
    int r = -1;
    if (b && f && g && analyze_block(st, child, b, f, g) == 0) r = set_update(allfree, f);
    PITH_XDECREF(b);
    PITH_XDECREF(f);
    PITH_XDECREF(g);
    return r;
}

static int analyze_block(PithSymtable *st, PithSTEntry *e, PithObject *bound,
                         PithObject *free, PithObject *global) {
    int r = -1;
    PithObject *scopes = pith_dict_new(), *local = set_new();
    PithObject *newglobal = set_new(), *newfree = set_new();
    PithObject *newbound = set_new(), *allfree = set_new();
    if (!scopes || !local || !newglobal || !newfree || !newbound || !allfree) goto done;
    if (e->type == PITH_BLOCK_CLASS) {
        if (set_update(newglobal, global) < 0) goto done;
        if (bound && set_update(newbound, bound) < 0) goto done;
    }
    intptr_t pos = 0;
    PithObject *name, *v;
    while (pith_dict_next(e->symbols, &pos, &name, &v)) {
        if (analyze_name(st, e, scopes, name, (int)pith_int_as_i64(v), bound, local, free,
                         global) < 0)
            goto done;
    }
    if (e->type != PITH_BLOCK_CLASS) {
        if (e->type == PITH_BLOCK_FUNCTION && set_update(newbound, local) < 0) goto done;
        if (bound && set_update(newbound, bound) < 0) goto done;
        if (set_update(newglobal, global) < 0) goto done;
    } else {
        PithObject *cls = pith_str_intern_cstr("__class__");
        if (!cls || set_add(newbound, cls) < 0) goto done;
        PITH_DECREF(cls);
    }
    for (int i = 0; i < e->nchildren; i++) {
        PithSTEntry *c = e->children[i];
        if (analyze_child(st, c, newbound, newfree, newglobal, allfree) < 0) goto done;
        if (c->free || c->child_free) e->child_free = 1;
    }
    if (set_update(newfree, allfree) < 0) goto done;
    if (e->type == PITH_BLOCK_FUNCTION && analyze_cells(scopes, newfree) < 0) goto done;
    if (e->type == PITH_BLOCK_CLASS) {
        PithObject *cls = pith_str_intern_cstr("__class__");
        if (!cls) goto done;
        int had = set_discard(newfree, cls);
        PITH_DECREF(cls);
        if (had < 0) goto done;
        if (had) e->needs_class_closure = 1;
    }
    if (update_symbols(e, scopes, bound, newfree, e->type == PITH_BLOCK_CLASS) < 0) goto done;
    r = set_update(free, newfree);
done:
    PITH_XDECREF(scopes);
    PITH_XDECREF(local);
    PITH_XDECREF(newglobal);
    PITH_XDECREF(newfree);
    PITH_XDECREF(newbound);
    PITH_XDECREF(allfree);
    return r;
}

static int analyze(PithSymtable *st) {
    PithObject *free = set_new(), *global = set_new();
    int r = -1;
    if (free && global) r = analyze_block(st, st->top, NULL, free, global);
    PITH_XDECREF(free);
    PITH_XDECREF(global);
    return r;
}

/* The depth-guarded entry points of the walk. */
static int visit_expr(Walk *w, PithExpr *e) {
    int ok = enter_node(w) && visit_expr_node(w, e);
    w->depth--;
    return ok;
}

static int visit_stmt(Walk *w, PithStmt *s) {
    int ok = enter_node(w) && visit_stmt_node(w, s);
    w->depth--;
    return ok;
}

static int visit_pattern(Walk *w, PithPattern *p) {
    int ok = enter_node(w) && visit_pattern_node(w, p);
    w->depth--;
    return ok;
}

/* ---- entry point ------------------------------------------------------- */

PithSymtable *pith_symtable_build(PithMod *mod, PithObject *filename) {
    PithSymtable *st = pith_mem_calloc(1, sizeof *st);
    if (!st) return (PithSymtable *)pith_err_no_memory();
    st->filename = PITH_NEWREF(filename ? filename : PITH_NONE);
    Walk w = {st, 0, 0, 0};
    PithObject *top = pith_str_intern_cstr("top");
    int ok = top && enter_block(st, top, PITH_BLOCK_MODULE, mod, (Loc){0, 0, 0, 0});
    PITH_XDECREF(top);
    if (ok) {
        if (mod->kind == PITH_M_Expression) ok = visit_expr(&w, mod->expr);
        else ok = visit_stmts(&w, mod->body);
    }
    if (ok) ok = analyze(st) == 0;
    if (!ok) {
        pith_symtable_free(st);
        return NULL;
    }
    return st;
}
