/* compile_func.c — code objects nested in others: functions (defaults,
 * keyword defaults, annotations, closures, decorators, docstrings),
 * lambdas, classes (the class body function run by __build_class__) and
 * comprehensions/generator expressions (a nested function called with the
 * iterator of the outermost iterable). */
#include "compile_internal.h"

/* ---- closures ---------------------------------------------------------- */

/* Index of a variable of the current unit to pass as a closure cell. */
static int closure_index(Compiler *c, PithObject *name) {
    Unit *u = c->u;
    int is_cell = u->scope == SCOPE_CLASS && pith_str_eq_cstr(name, "__class__");
    if (!is_cell) is_cell = pith_st_scope(u->ste, name) == PITH_SCOPE_CELL;
    PithObject *list = is_cell ? u->cellvars : u->freevars;
    for (intptr_t i = 0; i < PITH_SIZE(list); i++) {
        if (pith_str_equal(PITH_LIST_GET(list, i), name))
            return (int)i + (is_cell ? 0 : (int)PITH_SIZE(u->cellvars));
    }
    pith_err_format(&pith_exc_SystemError, "compiler: no cell for free variable '%U'", name);
    return -1;
}

int cf_make_closure(Compiler *c, PithCode *co, int flags) {
    intptr_t nfree = PITH_SIZE(co->freevars);
    if (nfree) {
        for (intptr_t i = 0; i < nfree; i++) {
            int idx = closure_index(c, PITH_TUPLE_GET(co->freevars, i));
            if (idx < 0) return -1;
            ADDOP_I(c, LOAD_CLOSURE, idx);
        }
        ADDOP_I(c, BUILD_TUPLE, (int)nfree);
        flags |= 8;
    }
    ADDOP_CONST(c, (PithObject *)co);
    ADDOP_I(c, MAKE_FUNCTION, flags);
    return 0;
}

/* Finish the current unit, leave it, and push the function made from it. */
static int finish_function(Compiler *c, int add_return, int flags) {
    PithCode *co = cu_assemble(c, add_return);
    cu_exit_scope(c);
    if (!co) return -1;
    int r = cf_make_closure(c, co, flags);
    PITH_DECREF(co);
    return r;
}

/* ---- parameters -------------------------------------------------------- */

static int load_mangled_name(Compiler *c, PithObject *name) {
    PithObject *m = pith_mangle(c->u->private_name, name);
    if (!m) return -1;
    int r = cu_load_const(c, m);
    PITH_DECREF(m);
    return r;
}

/* Push defaults tuple / kwdefaults dict; returns MAKE_FUNCTION flags or -1. */
static int default_arguments(Compiler *c, PithArguments *a) {
    int flags = 0;
    if (PITH_SEQ_LEN(a->defaults)) {
        CHECK(cx_exprs(c, a->defaults));
        ADDOP_I(c, BUILD_TUPLE, (int)PITH_SEQ_LEN(a->defaults));
        flags |= 1;
    }
    int nkw = 0;
    for (intptr_t i = 0; i < PITH_SEQ_LEN(a->kwonlyargs); i++) {
        PithExpr *d = i < PITH_SEQ_LEN(a->kw_defaults) ? PITH_SEQ_GET(a->kw_defaults, i) : NULL;
        if (!d) continue;
        PithArg *arg = PITH_SEQ_GET(a->kwonlyargs, i);
        CHECK(load_mangled_name(c, arg->arg));
        CHECK(cx_expr(c, d));
        nkw++;
    }
    if (nkw) {
        ADDOP_I(c, BUILD_MAP, nkw);
        flags |= 2;
    }
    return flags;
}

/* Push (name, value) pairs for annotated args; returns the count or -1. */
static int arg_annotations(Compiler *c, PithAstSeq *args) {
    int n = 0;
    for (intptr_t i = 0; i < PITH_SEQ_LEN(args); i++) {
        PithArg *a = PITH_SEQ_GET(args, i);
        if (!a->annotation) continue;
        CHECK(load_mangled_name(c, a->arg));
        CHECK(cx_annotation(c, a->annotation));
        n++;
    }
    return n;
}

static int one_annotation(Compiler *c, PithArg *a) {
    if (!a || !a->annotation) return 0;
    CHECK(load_mangled_name(c, a->arg));
    CHECK(cx_annotation(c, a->annotation));
    return 1;
}

/* Push the annotations tuple (name1, value1, ...); returns flag 4, 0 or -1. */
static int annotations(Compiler *c, PithArguments *a, PithExpr *returns) {
    int n = 0, k;
    if ((k = arg_annotations(c, a->args)) < 0) return -1;
    n += k;
    if ((k = arg_annotations(c, a->posonlyargs)) < 0) return -1;
    n += k;
    if ((k = one_annotation(c, a->vararg)) < 0) return -1;
    n += k;
    if ((k = arg_annotations(c, a->kwonlyargs)) < 0) return -1;
    n += k;
    if ((k = one_annotation(c, a->kwarg)) < 0) return -1;
    n += k;
    if (returns) {
        PithObject *ret = pith_str_intern_cstr("return");
        if (!ret) return -1;
        int r = cu_load_const(c, ret);
        PITH_DECREF(ret);
        CHECK(r);
        CHECK(cx_annotation(c, returns));
        n++;
    }
    if (!n) return 0;
    ADDOP_I(c, BUILD_TUPLE, 2 * n);
    return 4;
}

static void set_argcounts(Unit *u, PithArguments *a) {
    u->posonlyargcount = (int)PITH_SEQ_LEN(a->posonlyargs);
    u->argcount = u->posonlyargcount + (int)PITH_SEQ_LEN(a->args);
    u->kwonlyargcount = (int)PITH_SEQ_LEN(a->kwonlyargs);
}

/* ---- decorators -------------------------------------------------------- */

static int first_line(PithAstSeq *decorators, int lineno) {
    if (PITH_SEQ_LEN(decorators) == 0) return lineno;
    return ((PithExpr *)PITH_SEQ_GET(decorators, 0))->lineno;
}

static int apply_decorators(Compiler *c, PithAstSeq *decorators) {
    for (intptr_t i = PITH_SEQ_LEN(decorators) - 1; i >= 0; i--) {
        c->u->loc = LOC_OF((PithExpr *)PITH_SEQ_GET(decorators, i));
        ADDOP_I(c, CALL, 0);
    }
    return 0;
}

/* ---- def / lambda ------------------------------------------------------ */

int cf_function(Compiler *c, PithStmt *s) {
    PithArguments *args = s->v.FunctionDef.args;
    PithAstSeq *decos = s->v.FunctionDef.decorator_list, *body = s->v.FunctionDef.body;
    int is_async = s->kind == PITH_S_AsyncFunctionDef;
    CHECK(cx_exprs(c, decos));
    int flags = default_arguments(c, args);
    if (flags < 0) return -1;
    int ann = annotations(c, args, s->v.FunctionDef.returns);
    if (ann < 0) return -1;
    flags |= ann;
    CHECK(cu_enter_scope(c, s->v.FunctionDef.name,
                         is_async ? SCOPE_ASYNC_FUNCTION : SCOPE_FUNCTION, s,
                         first_line(decos, s->lineno)));
    PithObject *doc = c->optimize < 2 ? cu_docstring(body) : NULL;
    if (cu_add_const(c, doc ? doc : PITH_NONE) < 0) goto fail;
    set_argcounts(c->u, args);
    if (cs_stmts(c, body, cu_docstring(body) ? 1 : 0) < 0) goto fail;
    CHECK(finish_function(c, 1, flags));
    c->u->loc = LOC_OF(s);
    CHECK(apply_decorators(c, decos));
    c->u->loc = LOC_OF(s);
    return cu_nameop(c, s->v.FunctionDef.name, PITH_CTX_Store);
fail:
    cu_exit_scope(c);
    return -1;
}

int cf_lambda(Compiler *c, PithExpr *e) {
    PithArguments *args = e->v.Lambda.args;
    int flags = default_arguments(c, args);
    if (flags < 0) return -1;
    PithObject *name = pith_str_intern_cstr("<lambda>");
    if (!name) return -1;
    int r = cu_enter_scope(c, name, SCOPE_LAMBDA, e, e->lineno);
    PITH_DECREF(name);
    if (r < 0 || cu_add_const(c, PITH_NONE) < 0) goto fail;
    set_argcounts(c->u, args);
    if (cx_expr(c, e->v.Lambda.body) < 0) goto fail;
    if (c->u->ste->generator) {
        if (cu_emit(c, PITH_OP_POP_TOP, 0) < 0) goto fail;
        return finish_function(c, 1, flags);
    }
    if (cu_emit(c, PITH_OP_RETURN_VALUE, 0) < 0) goto fail;
    return finish_function(c, 0, flags);
fail:
    cu_exit_scope(c);
    return -1;
}

/* ---- class ------------------------------------------------------------- */

static int store_special(Compiler *c, const char *name) {
    PithObject *n = pith_str_intern_cstr(name);
    if (!n) return -1;
    int r = cu_nameop(c, n, PITH_CTX_Store);
    PITH_DECREF(n);
    return r;
}

/* The body of the class function: namespace setup, statements, and the
 * __class__ cell returned to __build_class__. */
static int class_body(Compiler *c, PithStmt *s) {
    PithObject *modname = pith_str_intern_cstr("__name__");
    int r = modname ? cu_nameop(c, modname, PITH_CTX_Load) : -1;
    PITH_XDECREF(modname);
    CHECK(r);
    CHECK(store_special(c, "__module__"));
    ADDOP_CONST(c, c->u->qualname);
    CHECK(store_special(c, "__qualname__"));
    CHECK(cs_body(c, s->v.ClassDef.body));
    if (c->u->ste->needs_class_closure) {
        ADDOP_I(c, LOAD_CLOSURE, (int)PITH_SIZE(c->u->cellvars) - 1);
        ADDOP_I(c, COPY, 1);
        CHECK(store_special(c, "__classcell__"));
    } else {
        ADDOP_CONST(c, PITH_NONE);
    }
    ADDOP(c, RETURN_VALUE);
    return 0;
}

int cf_class(Compiler *c, PithStmt *s) {
    PithAstSeq *decos = s->v.ClassDef.decorator_list;
    CHECK(cx_exprs(c, decos));
    CHECK(cu_enter_scope(c, s->v.ClassDef.name, SCOPE_CLASS, s, first_line(decos, s->lineno)));
    if (class_body(c, s) < 0) {
        cu_exit_scope(c);
        return -1;
    }
    PithCode *co = cu_assemble(c, 0);
    cu_exit_scope(c);
    if (!co) return -1;
    c->u->loc = LOC_OF(s);
    int r = cu_emit(c, PITH_OP_PUSH_NULL, 0);
    if (r == 0) r = cu_emit(c, PITH_OP_LOAD_BUILD_CLASS, 0);
    if (r == 0) r = cf_make_closure(c, co, 0);
    PITH_DECREF(co);
    CHECK(r);
    ADDOP_CONST(c, s->v.ClassDef.name);
    CHECK(cx_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
    CHECK(apply_decorators(c, decos));
    c->u->loc = LOC_OF(s);
    return cu_nameop(c, s->v.ClassDef.name, PITH_CTX_Store);
}

/* ---- comprehensions ---------------------------------------------------- */

typedef struct Comp {
    PithExprKind kind;
    PithAstSeq *gens;
    PithExpr *elt, *value; /* value: dict comprehensions */
} Comp;

static int comp_element(Compiler *c, Comp *k, int depth) {
    switch (k->kind) {
    case PITH_E_GeneratorExp:
        CHECK(cx_expr(c, k->elt));
        ADDOP_I(c, YIELD_VALUE, c->u->ste->coroutine ? 1 : 0);
        ADDOP(c, POP_TOP);
        return 0;
    case PITH_E_ListComp:
        CHECK(cx_expr(c, k->elt));
        ADDOP_I(c, LIST_APPEND, depth + 1);
        return 0;
    case PITH_E_SetComp:
        CHECK(cx_expr(c, k->elt));
        ADDOP_I(c, SET_ADD, depth + 1);
        return 0;
    default:
        CHECK(cx_expr(c, k->elt));
        CHECK(cx_expr(c, k->value));
        ADDOP_I(c, MAP_ADD, depth + 1);
        return 0;
    }
}

/* Fetch the next item of the iterator on the stack or jump to `done`
 * (for an async level, `done` is the END_ASYNC_FOR handler). */
static int comp_next(Compiler *c, PithComprehension *g, int done) {
    if (!g->is_async) {
        ADDOP_JUMP(c, FOR_ITER, done);
        return 0;
    }
    ADDOP_JUMP(c, SETUP_FINALLY, done);
    ADDOP(c, GET_ANEXT);
    CHECK(cx_await_tos(c));
    ADDOP(c, POP_BLOCK);
    return 0;
}

/* One `for ... in ... if ...` level; depth counts the iterators below. */
static int comp_generator(Compiler *c, Comp *k, intptr_t index, int depth) {
    PithComprehension *g = PITH_SEQ_GET(k->gens, index);
    NEW_LABEL(c, start);
    NEW_LABEL(c, skip);
    NEW_LABEL(c, done);
    if (index == 0) {
        ADDOP_I(c, LOAD_FAST, 0); /* the ".0" argument */
    } else {
        CHECK(cx_expr(c, g->iter));
        CHECK(cu_emit(c, g->is_async ? PITH_OP_GET_AITER : PITH_OP_GET_ITER, 0));
    }
    BIND(c, start);
    CHECK(comp_next(c, g, done));
    depth++;
    CHECK(cx_expr(c, g->target));
    for (intptr_t i = 0; i < PITH_SEQ_LEN(g->ifs); i++)
        CHECK(cx_jump_if(c, PITH_SEQ_GET(g->ifs, i), skip, 0));
    if (index + 1 < PITH_SEQ_LEN(k->gens)) CHECK(comp_generator(c, k, index + 1, depth));
    else CHECK(comp_element(c, k, depth));
    BIND(c, skip);
    ADDOP_JUMP(c, JUMP, start);
    BIND(c, done); /* async: aiter prev exc */
    if (g->is_async) ADDOP(c, END_ASYNC_FOR);
    return 0;
}

static int comp_body(Compiler *c, Comp *k) {
    static const int build[] = {[PITH_E_ListComp] = PITH_OP_BUILD_LIST,
                                [PITH_E_SetComp] = PITH_OP_BUILD_SET,
                                [PITH_E_DictComp] = PITH_OP_BUILD_MAP};
    c->u->argcount = 1;
    if (k->kind != PITH_E_GeneratorExp) CHECK(cu_emit(c, build[k->kind], 0));
    CHECK(comp_generator(c, k, 0, 0));
    if (k->kind != PITH_E_GeneratorExp) ADDOP(c, RETURN_VALUE);
    return 0;
}

int cf_comprehension(Compiler *c, PithExpr *e) {
    Comp k = {e->kind, NULL, NULL, NULL};
    const char *name = "<genexpr>";
    switch (e->kind) {
    case PITH_E_ListComp: k.gens = e->v.ListComp.generators; k.elt = e->v.ListComp.elt; name = "<listcomp>"; break;
    case PITH_E_SetComp: k.gens = e->v.SetComp.generators; k.elt = e->v.SetComp.elt; name = "<setcomp>"; break;
    case PITH_E_DictComp:
        k.gens = e->v.DictComp.generators;
        k.elt = e->v.DictComp.key;
        k.value = e->v.DictComp.value;
        name = "<dictcomp>";
        break;
    default: k.gens = e->v.GeneratorExp.generators; k.elt = e->v.GeneratorExp.elt; break;
    }
    PithObject *n = pith_str_intern_cstr(name);
    if (!n) return -1;
    UnitScope enclosing = c->u->scope;
    int r = cu_enter_scope(c, n, SCOPE_COMPREHENSION, e, e->lineno);
    PITH_DECREF(n);
    if (r == 0 && c->u->ste->coroutine && k.kind != PITH_E_GeneratorExp &&
        enclosing != SCOPE_ASYNC_FUNCTION && enclosing != SCOPE_COMPREHENSION) {
        c->u->loc = LOC_OF(e);
        r = cu_error(c, "asynchronous comprehension outside of an asynchronous function");
    }
    if (r < 0 || comp_body(c, &k) < 0) {
        cu_exit_scope(c);
        return -1;
    }
    int is_coro = c->u->ste->coroutine && k.kind != PITH_E_GeneratorExp;
    PithCode *co = cu_assemble(c, k.kind == PITH_E_GeneratorExp);
    cu_exit_scope(c);
    if (!co) return -1;
    r = cu_emit(c, PITH_OP_PUSH_NULL, 0);
    if (r == 0) r = cf_make_closure(c, co, 0);
    PITH_DECREF(co);
    CHECK(r);
    PithComprehension *outer = PITH_SEQ_GET(k.gens, 0);
    CHECK(cx_expr(c, outer->iter));
    CHECK(cu_emit(c, outer->is_async ? PITH_OP_GET_AITER : PITH_OP_GET_ITER, 0));
    ADDOP_I(c, CALL, 1);
    if (!is_coro) return 0;
    ADDOP_I(c, GET_AWAITABLE, 0);
    return cx_await_tos(c);
}
