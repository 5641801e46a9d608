/* compile.c — compiler core: compilation units (one per code object),
 * instruction emission with symbolic labels, constant/name tables, name
 * resolution through the symbol table, frame blocks, and assembly (label
 * resolution, exact stack depth, line table, code object creation), plus
 * the public entry points pith_compile_ast / pith_compile_source. */
#include <string.h>

#include "compile_internal.h"
#include "pith/parser.h"

/* ---- emission ---------------------------------------------------------- */

int cu_emit(Compiler *c, int op, int arg) {
    Unit *u = c->u;
    if (arg < 0 || arg > PITH_ARG_MAX) return cu_error(c, "too many arguments or constants");
    if (u->ncode == u->capcode) {
        int ncap = u->capcode ? u->capcode * 2 : 64;
        Instr *n = pith_mem_realloc(u->code, sizeof *n * (size_t)ncap);
        if (!n) return (pith_err_no_memory(), -1);
        u->code = n;
        u->capcode = ncap;
    }
    u->code[u->ncode++] = (Instr){op, arg, u->loc};
    return 0;
}

int cu_new_label(Compiler *c) {
    Unit *u = c->u;
    if (u->nlabels == u->caplabels) {
        int ncap = u->caplabels ? u->caplabels * 2 : 32;
        int *n = pith_mem_realloc(u->labels, sizeof *n * (size_t)ncap);
        if (!n) return (pith_err_no_memory(), -1);
        u->labels = n;
        u->caplabels = ncap;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

int cu_bind(Compiler *c, int label) {
    c->u->labels[label] = c->u->ncode;
    return 0;
}

/* ---- errors ------------------------------------------------------------ */

int cu_error_at(Compiler *c, int lineno, int col, int end_lineno, int end_col,
                const char *msg) {
    pith_compile_error_at(c->filename, msg, lineno, col, end_lineno, end_col);
    return -1;
}

int cu_error(Compiler *c, const char *msg) {
    PithLocation l = c->u->loc;
    return cu_error_at(c, l.line, l.col, l.end_line, l.end_col, msg);
}

/* ---- constants and names ---------------------------------------------- */

/* Same constant for co_consts sharing: equal value AND type (0, 0.0, False
 * and -0.0 stay distinct). */
static int const_same(PithObject *a, PithObject *b) {
    if (a == b) return 1;
    if (PITH_TYPE(a) != PITH_TYPE(b)) return 0;
    PithType *t = PITH_TYPE(a);
    if (t == &pith_int_type) return pith_int_compare(a, b) == 0;
    if (t == &pith_float_type) {
        double x = PITH_FLOAT_VALUE(a), y = PITH_FLOAT_VALUE(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (t == &pith_complex_type) {
        PithComplex *x = (PithComplex *)a, *y = (PithComplex *)b;
        return memcmp(&x->real, &y->real, sizeof(double)) == 0 &&
               memcmp(&x->imag, &y->imag, sizeof(double)) == 0;
    }
    if (t == &pith_str_type) return pith_str_equal(a, b);
    if (t == &pith_bytes_type)
        return PITH_SIZE(a) == PITH_SIZE(b) &&
               memcmp(PITH_BYTES_DATA(a), PITH_BYTES_DATA(b), (size_t)PITH_SIZE(a)) == 0;
    if (t == &pith_tuple_type) {
        if (PITH_SIZE(a) != PITH_SIZE(b)) return 0;
        for (intptr_t i = 0; i < PITH_SIZE(a); i++)
            if (!const_same(PITH_TUPLE_GET(a, i), PITH_TUPLE_GET(b, i))) return 0;
        return 1;
    }
    return 0;
}

/* Intern str constants that look like identifiers (as CPython does). */
static int all_name_chars(PithObject *s) {
    PithStr *p = (PithStr *)s;
    if (!p->ascii) return 0;
    const char *d = PITH_STR_DATA(s);
    for (intptr_t i = 0; i < p->length; i++) {
        char ch = d[i];
        if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9')))
            return 0;
    }
    return 1;
}

int cu_add_const(Compiler *c, PithObject *o) {
    PithObject *list = c->u->consts;
    intptr_t n = PITH_SIZE(list);
    for (intptr_t i = 0; i < n; i++)
        if (const_same(PITH_LIST_GET(list, i), o)) return (int)i;
    PithObject *v = PITH_NEWREF(o);
    if (pith_str_check_exact(v) && all_name_chars(v)) pith_str_intern_in_place(&v);
    int r = pith_list_append(list, v);
    PITH_DECREF(v);
    return r < 0 ? -1 : (int)n;
}

int cu_load_const(Compiler *c, PithObject *o) {
    int i = cu_add_const(c, o);
    return i < 0 ? -1 : cu_emit(c, PITH_OP_LOAD_CONST, i);
}

/* Index of name in a list of names, appending it when absent. */
static int list_index(PithObject *list, PithObject *name, int add) {
    intptr_t n = PITH_SIZE(list);
    for (intptr_t i = 0; i < n; i++) {
        PithObject *x = PITH_LIST_GET(list, i);
        if (x == name || pith_str_equal(x, name)) return (int)i;
    }
    if (!add) return -1;
    return pith_list_append(list, name) < 0 ? -2 : (int)n;
}

int cu_add_name(Compiler *c, PithObject *name) {
    PithObject *m = pith_mangle(c->u->private_name, name);
    if (!m) return -1;
    int i = list_index(c->u->names, m, 1);
    PITH_DECREF(m);
    return i < 0 ? -1 : i;
}

/* ---- name resolution --------------------------------------------------- */

typedef enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } NameOpKind;

static int deref_index(Compiler *c, PithObject *name, int scope) {
    Unit *u = c->u;
    if (scope == PITH_SCOPE_CELL) return list_index(u->cellvars, name, 0);
    int i = list_index(u->freevars, name, 0);
    return i < 0 ? -1 : (int)PITH_SIZE(u->cellvars) + i;
}

static const int name_ops[4][3] = {
    /* Load, Store, Del */
    [OP_FAST] = {PITH_OP_LOAD_FAST, PITH_OP_STORE_FAST, PITH_OP_DELETE_FAST},
    [OP_GLOBAL] = {PITH_OP_LOAD_GLOBAL, PITH_OP_STORE_GLOBAL, PITH_OP_DELETE_GLOBAL},
    [OP_DEREF] = {PITH_OP_LOAD_DEREF, PITH_OP_STORE_DEREF, PITH_OP_DELETE_DEREF},
    [OP_NAME] = {PITH_OP_LOAD_NAME, PITH_OP_STORE_NAME, PITH_OP_DELETE_NAME},
};

static int nameop_mangled(Compiler *c, PithObject *m, PithExprContext ctx) {
    Unit *u = c->u;
    int scope = pith_st_scope(u->ste, m);
    int is_func = u->ste->type == PITH_BLOCK_FUNCTION;
    NameOpKind kind = OP_NAME;
    switch (scope) {
    case PITH_SCOPE_FREE:
    case PITH_SCOPE_CELL: kind = OP_DEREF; break;
    case PITH_SCOPE_LOCAL: kind = is_func ? OP_FAST : OP_NAME; break;
    case PITH_SCOPE_GLOBAL_IMPLICIT: kind = is_func ? OP_GLOBAL : OP_NAME; break;
    case PITH_SCOPE_GLOBAL_EXPLICIT: kind = OP_GLOBAL; break;
    default: break;
    }
    int ci = ctx == PITH_CTX_Load ? 0 : ctx == PITH_CTX_Store ? 1 : 2;
    int op = name_ops[kind][ci], arg;
    if (kind == OP_DEREF) {
        arg = deref_index(c, m, scope);
        if (arg < 0) return cu_error(c, "compiler: unknown cell variable");
        if (ci == 0 && u->ste->type == PITH_BLOCK_CLASS) op = PITH_OP_LOAD_CLASSDEREF;
    } else if (kind == OP_FAST) {
        arg = list_index(u->varnames, m, 1);
    } else {
        arg = list_index(u->names, m, 1);
    }
    if (arg < 0) return -1;
    return cu_emit(c, op, arg);
}

int cu_nameop(Compiler *c, PithObject *name, PithExprContext ctx) {
    if (ctx == PITH_CTX_Load && pith_str_eq_cstr(name, "__debug__"))
        return cu_load_const(c, c->optimize ? PITH_FALSE : PITH_TRUE);
    PithObject *m = pith_mangle(c->u->private_name, name);
    if (!m) return -1;
    int r = nameop_mangled(c, m, ctx);
    PITH_DECREF(m);
    return r;
}

/* ---- frame blocks ------------------------------------------------------ */

int cu_push_fblock(Compiler *c, FBlockKind kind, int start, int exit, const void *datum) {
    Unit *u = c->u;
    if (u->nfb >= PITH_MAX_BLOCKS) return cu_error(c, "too many statically nested blocks");
    u->fb[u->nfb++] = (FBlock){kind, start, exit, datum};
    return 0;
}

void cu_pop_fblock(Compiler *c) {
    c->u->nfb--;
}

/* ---- units ------------------------------------------------------------- */

/* Sorted list of the names of e whose scope is `scope` or that carry `flag`. */
static PithObject *names_by_scope(PithSTEntry *e, int scope, int flag) {
    PithObject *list = pith_list_new(0);
    if (!list) return NULL;
    intptr_t pos = 0;
    PithObject *k, *v;
    while (pith_dict_next(e->symbols, &pos, &k, &v)) {
        int f = (int)pith_int_as_i64(v);
        if (((f >> PITH_SCOPE_SHIFT) & PITH_SCOPE_MASK) == scope || (f & flag)) {
            if (pith_list_append(list, k) < 0) goto fail;
        }
    }
    if (pith_list_sort(list) < 0) goto fail;
    return list;
fail:
    PITH_DECREF(list);
    return NULL;
}

static int is_func_scope(UnitScope s) {
    return s == SCOPE_FUNCTION || s == SCOPE_ASYNC_FUNCTION || s == SCOPE_LAMBDA;
}

/* co_qualname as CPython builds it: "outer.<locals>.inner", "C.m", ... */
static int set_qualname(Compiler *c) {
    Unit *u = c->u, *p = u->parent;
    PithObject *base = NULL;
    if (p && p->scope != SCOPE_MODULE) {
        int force_global = 0;
        if (u->scope == SCOPE_FUNCTION || u->scope == SCOPE_ASYNC_FUNCTION ||
            u->scope == SCOPE_CLASS) {
            PithObject *m = pith_mangle(p->private_name, u->name);
            if (!m) return -1;
            force_global = pith_st_scope(p->ste, m) == PITH_SCOPE_GLOBAL_EXPLICIT;
            PITH_DECREF(m);
        }
        if (!force_global) {
            base = is_func_scope(p->scope) ? pith_str_from_format("%U.<locals>", p->qualname)
                                           : PITH_NEWREF(p->qualname);
            if (!base) return -1;
        }
    }
    u->qualname = base ? pith_str_from_format("%U.%U", base, u->name) : PITH_NEWREF(u->name);
    PITH_XDECREF(base);
    return u->qualname ? 0 : -1;
}

static void unit_free(Unit *u) {
    PITH_XDECREF(u->name);
    PITH_XDECREF(u->qualname);
    PITH_XDECREF(u->consts);
    PITH_XDECREF(u->names);
    PITH_XDECREF(u->varnames);
    PITH_XDECREF(u->cellvars);
    PITH_XDECREF(u->freevars);
    pith_mem_free(u->code);
    pith_mem_free(u->labels);
    pith_mem_free(u);
}

static int unit_init_vars(Unit *u) {
    u->consts = pith_list_new(0);
    u->names = pith_list_new(0);
    u->varnames = pith_list_get_slice(u->ste->varnames, 0, PITH_SIZE(u->ste->varnames));
    u->cellvars = names_by_scope(u->ste, PITH_SCOPE_CELL, 0);
    u->freevars = names_by_scope(u->ste, PITH_SCOPE_FREE, PITH_DEF_FREE_CLASS);
    if (!u->consts || !u->names || !u->varnames || !u->cellvars || !u->freevars) return -1;
    if (u->ste->needs_class_closure) {
        PithObject *cls = pith_str_intern_cstr("__class__");
        int r = cls ? pith_list_append(u->cellvars, cls) : -1;
        PITH_XDECREF(cls);
        if (r < 0) return -1;
    }
    return 0;
}

int cu_enter_scope(Compiler *c, PithObject *name, UnitScope scope, const void *key,
                   int firstlineno) {
    Unit *u = pith_mem_calloc(1, sizeof *u);
    if (!u) return (pith_err_no_memory(), -1);
    u->parent = c->u;
    u->scope = scope;
    u->name = PITH_NEWREF(name);
    u->firstlineno = firstlineno;
    u->ste = u->parent ? pith_symtable_child(u->parent->ste, key) : c->st->top;
    u->private_name = u->parent ? u->parent->private_name : NULL;
    u->loc = u->parent ? u->parent->loc : (PithLocation){1, 1, 0, 0};
    c->u = u;
    if (!u->ste) {
        pith_err_set_string(&pith_exc_SystemError, "compiler: missing symbol table entry");
        return -1;
    }
    if (unit_init_vars(u) < 0 || set_qualname(c) < 0) return -1;
    if (scope == SCOPE_CLASS) u->private_name = name;
    if (u->ste->type == PITH_BLOCK_FUNCTION && (u->ste->generator || u->ste->coroutine))
        return cu_emit(c, PITH_OP_GEN_START, 0);
    return 0;
}

void cu_exit_scope(Compiler *c) {
    Unit *u = c->u;
    c->u = u->parent;
    unit_free(u);
}

/* ---- helpers on bodies -------------------------------------------------- */

PithObject *cu_docstring(PithAstSeq *body) {
    if (PITH_SEQ_LEN(body) == 0) return NULL;
    PithStmt *s = PITH_SEQ_GET(body, 0);
    if (s->kind != PITH_S_Expr) return NULL;
    PithExpr *e = s->v.Expr.value;
    if (e->kind != PITH_E_Constant || !pith_str_check_exact(e->v.Constant.value)) return NULL;
    return e->v.Constant.value;
}

static int find_ann_stmt(PithStmt *s);

int cu_find_ann(PithAstSeq *body) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(body); i++)
        if (find_ann_stmt(PITH_SEQ_GET(body, i))) return 1;
    return 0;
}

static int find_ann_stmt(PithStmt *s) {
    switch (s->kind) {
    case PITH_S_AnnAssign: return 1;
    case PITH_S_For:
    case PITH_S_AsyncFor: return cu_find_ann(s->v.For.body) || cu_find_ann(s->v.For.orelse);
    case PITH_S_While: return cu_find_ann(s->v.While.body) || cu_find_ann(s->v.While.orelse);
    case PITH_S_If: return cu_find_ann(s->v.If.body) || cu_find_ann(s->v.If.orelse);
    case PITH_S_With:
    case PITH_S_AsyncWith: return cu_find_ann(s->v.With.body);
    case PITH_S_Try:
    case PITH_S_TryStar:
        for (intptr_t i = 0; i < PITH_SEQ_LEN(s->v.Try.handlers); i++) {
            PithExceptHandler *h = PITH_SEQ_GET(s->v.Try.handlers, i);
            if (cu_find_ann(h->body)) return 1;
        }
        return cu_find_ann(s->v.Try.body) || cu_find_ann(s->v.Try.finalbody) ||
               cu_find_ann(s->v.Try.orelse);
    case PITH_S_Match:
        for (intptr_t i = 0; i < PITH_SEQ_LEN(s->v.Match.cases); i++) {
            PithMatchCase *mc = PITH_SEQ_GET(s->v.Match.cases, i);
            if (cu_find_ann(mc->body)) return 1;
        }
        return 0;
    default: return 0;
    }
}

/* ---- assembly: stack depth --------------------------------------------- */

static int is_jump(int op) {
    switch (op) {
    case PITH_OP_JUMP: case PITH_OP_POP_JUMP_IF_FALSE: case PITH_OP_POP_JUMP_IF_TRUE:
    case PITH_OP_POP_JUMP_IF_NONE: case PITH_OP_POP_JUMP_IF_NOT_NONE:
    case PITH_OP_JUMP_IF_FALSE_OR_POP: case PITH_OP_JUMP_IF_TRUE_OR_POP:
    case PITH_OP_FOR_ITER: case PITH_OP_SETUP_FINALLY: case PITH_OP_SETUP_WITH:
    case PITH_OP_SEND:
        return 1;
    default:
        return 0;
    }
}

/* Instructions after which execution never falls through. */
static int is_terminal(int op) {
    return op == PITH_OP_JUMP || op == PITH_OP_RETURN_VALUE || op == PITH_OP_RAISE_VARARGS ||
           op == PITH_OP_RERAISE;
}

/* Net stack effect of op; `jump` selects the effect when the jump is taken. */
static int stack_effect(int op, int arg, int jump) {
    switch (op) {
    case PITH_OP_NOP: case PITH_OP_SWAP: case PITH_OP_DELETE_FAST: case PITH_OP_DELETE_DEREF:
    case PITH_OP_DELETE_GLOBAL: case PITH_OP_DELETE_NAME: case PITH_OP_LOAD_ATTR:
    case PITH_OP_UNARY_NEGATIVE: case PITH_OP_UNARY_POSITIVE: case PITH_OP_UNARY_NOT:
    case PITH_OP_UNARY_INVERT: case PITH_OP_JUMP: case PITH_OP_GET_ITER:
    case PITH_OP_LIST_TO_TUPLE: case PITH_OP_KW_NAMES: case PITH_OP_POP_BLOCK:
    case PITH_OP_CHECK_EXC_MATCH: case PITH_OP_SETUP_ANNOTATIONS: case PITH_OP_YIELD_VALUE:
    case PITH_OP_GET_YIELD_FROM_ITER: case PITH_OP_GET_AWAITABLE:
    case PITH_OP_RETURN_GENERATOR: case PITH_OP_GET_AITER:
        return 0;
    case PITH_OP_PUSH_NULL: case PITH_OP_COPY: case PITH_OP_LOAD_CONST: case PITH_OP_LOAD_FAST:
    case PITH_OP_LOAD_DEREF: case PITH_OP_LOAD_CLOSURE: case PITH_OP_LOAD_CLASSDEREF:
    case PITH_OP_LOAD_GLOBAL: case PITH_OP_LOAD_NAME: case PITH_OP_LOAD_METHOD:
    case PITH_OP_WITH_EXCEPT_START: case PITH_OP_LOAD_ASSERTION_ERROR:
    case PITH_OP_LOAD_BUILD_CLASS: case PITH_OP_IMPORT_FROM: case PITH_OP_GET_LEN:
    case PITH_OP_MATCH_MAPPING: case PITH_OP_MATCH_SEQUENCE: case PITH_OP_MATCH_KEYS:
    case PITH_OP_CHECK_EG_MATCH: case PITH_OP_GET_ANEXT: case PITH_OP_BEFORE_ASYNC_WITH:
        return 1;
    case PITH_OP_POP_TOP: case PITH_OP_STORE_FAST: case PITH_OP_STORE_DEREF:
    case PITH_OP_STORE_GLOBAL: case PITH_OP_STORE_NAME: case PITH_OP_DELETE_ATTR:
    case PITH_OP_BINARY_SUBSCR: case PITH_OP_BINARY_OP: case PITH_OP_COMPARE_OP:
    case PITH_OP_IS_OP: case PITH_OP_CONTAINS_OP: case PITH_OP_POP_JUMP_IF_FALSE:
    case PITH_OP_POP_JUMP_IF_TRUE: case PITH_OP_POP_JUMP_IF_NONE:
    case PITH_OP_POP_JUMP_IF_NOT_NONE: case PITH_OP_LIST_APPEND: case PITH_OP_SET_ADD:
    case PITH_OP_LIST_EXTEND: case PITH_OP_SET_UPDATE: case PITH_OP_DICT_UPDATE:
    case PITH_OP_DICT_MERGE: case PITH_OP_RETURN_VALUE: case PITH_OP_POP_EXCEPT:
    case PITH_OP_RERAISE: case PITH_OP_IMPORT_NAME: case PITH_OP_IMPORT_STAR:
    case PITH_OP_PRINT_EXPR: case PITH_OP_GEN_START: case PITH_OP_PREP_RERAISE_STAR:
        return -1;
    case PITH_OP_STORE_ATTR: case PITH_OP_DELETE_SUBSCR: case PITH_OP_MAP_ADD:
    case PITH_OP_MATCH_CLASS:
        return -2;
    case PITH_OP_STORE_SUBSCR: case PITH_OP_END_ASYNC_FOR: return -3;
    case PITH_OP_BUILD_SLICE: return 1 - arg;
    case PITH_OP_JUMP_IF_FALSE_OR_POP: case PITH_OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case PITH_OP_FOR_ITER: return jump ? -1 : 1;
    case PITH_OP_SEND: return jump ? -1 : 0;
    case PITH_OP_BUILD_TUPLE: case PITH_OP_BUILD_LIST: case PITH_OP_BUILD_SET:
    case PITH_OP_BUILD_STRING:
        return 1 - arg;
    case PITH_OP_BUILD_MAP: return 1 - 2 * arg;
    case PITH_OP_BUILD_CONST_KEY_MAP: return -arg;
    case PITH_OP_UNPACK_SEQUENCE: return arg - 1;
    case PITH_OP_UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case PITH_OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case PITH_OP_MAKE_FUNCTION:
        return -(((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0) + ((arg & 8) != 0));
    case PITH_OP_CALL: return -arg - 1;
    case PITH_OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case PITH_OP_RAISE_VARARGS: return -arg;
    case PITH_OP_SETUP_FINALLY: return jump ? 2 : 0;
    case PITH_OP_SETUP_WITH: return jump ? 2 : 1;
    default: return 0;
    }
}

int pith_compile_stack_effect(int op, int arg, int jump) {
    if (op < 0 || op >= PITH_OP_COUNT) return PITH_STACK_EFFECT_INVALID;
    if (jump >= 0) return stack_effect(op, arg, jump);
    int taken = stack_effect(op, arg, 1), fall = stack_effect(op, arg, 0);
    return taken > fall ? taken : fall;
}

/* Max stack depth over all paths (depth-first over instruction indices). */
static int compute_stackdepth(Instr *code, int n, int start_depth) {
    if (n == 0) return 0;
    int *depth = pith_mem_malloc(sizeof(int) * (size_t)n);
    int *work = pith_mem_malloc(sizeof(int) * (size_t)n);
    if (!depth || !work) {
        pith_mem_free(depth);
        pith_mem_free(work);
        pith_err_no_memory();
        return -1;
    }
    for (int i = 0; i < n; i++) depth[i] = -1;
    int top = 0, maxd = start_depth;
    depth[0] = start_depth;
    work[top++] = 0;
    while (top > 0) {
        int i = work[--top];
        int d = depth[i];
        for (;;) {
            Instr *in = &code[i];
            if (is_jump(in->op)) {
                int t = in->arg, jd = d + stack_effect(in->op, in->arg, 1);
                if (jd > maxd) maxd = jd;
                if (t < n && depth[t] < 0) {
                    depth[t] = jd;
                    work[top++] = t;
                }
            }
            if (is_terminal(in->op)) break;
            d += stack_effect(in->op, in->arg, 0);
            if (d > maxd) maxd = d;
            if (++i >= n || depth[i] >= 0) break;
            depth[i] = d;
        }
    }
    pith_mem_free(depth);
    pith_mem_free(work);
    return maxd;
}

/* ---- assembly: code object --------------------------------------------- */

static PithObject *line_table(Unit *u) {
    PithLineTableWriter w;
    pith_lt_writer_init(&w, u->firstlineno);
    for (int i = 0; i < u->ncode; i++) {
        if (pith_lt_writer_add(&w, 1, &u->code[i].loc) < 0) {
            pith_lt_writer_free(&w);
            return pith_err_no_memory();
        }
    }
    const uint8_t *buf;
    size_t len;
    PithObject *b = NULL;
    if (pith_lt_writer_finish(&w, &buf, &len) == 0) b = pith_bytes_from(buf, (intptr_t)len);
    else pith_err_no_memory();
    pith_lt_writer_free(&w);
    return b;
}

static int code_flags(Unit *u) {
    PithSTEntry *e = u->ste;
    int flags = 0;
    if (e->type == PITH_BLOCK_FUNCTION) {
        flags |= PITH_CO_OPTIMIZED | PITH_CO_NEWLOCALS;
        if (e->nested) flags |= PITH_CO_NESTED;
        if (e->generator && e->coroutine) flags |= PITH_CO_ASYNC_GENERATOR;
        else if (e->coroutine) flags |= PITH_CO_COROUTINE;
        else if (e->generator) flags |= PITH_CO_GENERATOR;
        if (e->varargs) flags |= PITH_CO_VARARGS;
        if (e->varkeywords) flags |= PITH_CO_VARKEYWORDS;
    }
    return flags;
}

PithCode *cu_assemble(Compiler *c, int add_return) {
    Unit *u = c->u;
    if (add_return && (cu_load_const(c, PITH_NONE) < 0 || cu_emit(c, PITH_OP_RETURN_VALUE, 0) < 0))
        return NULL;
    uint32_t *words = pith_mem_malloc(sizeof(uint32_t) * (size_t)(u->ncode ? u->ncode : 1));
    if (!words) return (PithCode *)pith_err_no_memory();
    for (int i = 0; i < u->ncode; i++) {
        Instr *in = &u->code[i];
        if (is_jump(in->op)) in->arg = u->labels[in->arg];
        words[i] = PITH_OP_WORD(in->op, in->arg);
    }
    int start = u->ncode > 0 && u->code[0].op == PITH_OP_GEN_START;
    int depth = compute_stackdepth(u->code, u->ncode, start);
    PithObject *consts = pith_list_as_tuple(u->consts), *names = pith_list_as_tuple(u->names);
    PithObject *varnames = pith_list_as_tuple(u->varnames);
    PithObject *cellvars = pith_list_as_tuple(u->cellvars);
    PithObject *freevars = pith_list_as_tuple(u->freevars);
    PithObject *lt = line_table(u);
    PithCode *co = NULL;
    if (depth >= 0 && consts && names && varnames && cellvars && freevars && lt) {
        PithCodeSpec spec = {
            .instrs = words, .ninstrs = u->ncode, .argcount = u->argcount,
            .posonlyargcount = u->posonlyargcount, .kwonlyargcount = u->kwonlyargcount,
            .stacksize = depth, .flags = code_flags(u), .firstlineno = u->firstlineno,
            .consts = consts, .names = names, .varnames = varnames, .cellvars = cellvars,
            .freevars = freevars, .filename = c->filename, .name = u->name,
            .qualname = u->qualname, .linetable = lt,
        };
        co = pith_code_new(&spec);
    }
    pith_mem_free(words);
    PITH_XDECREF(consts);
    PITH_XDECREF(names);
    PITH_XDECREF(varnames);
    PITH_XDECREF(cellvars);
    PITH_XDECREF(freevars);
    PITH_XDECREF(lt);
    return co;
}

/* ---- entry points ------------------------------------------------------ */

static int compile_mod(Compiler *c, PithMod *mod) {
    switch (mod->kind) {
    case PITH_M_Module:
        return cs_body(c, mod->body);
    case PITH_M_Interactive:
        c->interactive = 1;
        return cs_stmts(c, mod->body, 0);
    case PITH_M_Expression:
        CHECK(cx_expr(c, mod->expr));
        ADDOP(c, RETURN_VALUE);
        return 0;
    default:
        pith_err_set_string(&pith_exc_SystemError, "compiler: unsupported module kind");
        return -1;
    }
}

/* Compile with the source text when known (src may be NULL). */
static PithCode *compile_ast_src(PithMod *mod, PithObject *filename, int optimize,
                                 const char *src, size_t len) {
    Compiler c = {.filename = filename, .optimize = optimize, .src = src, .srclen = len};
    c.st = pith_symtable_build(mod, filename);
    if (!c.st) return NULL;
    PithCode *co = NULL;
    PithObject *name = pith_str_intern_cstr("<module>");
    if (name && cu_enter_scope(&c, name, SCOPE_MODULE, mod, 1) == 0 &&
        cfu_check_module(&c, mod) == 0 && compile_mod(&c, mod) == 0)
        co = cu_assemble(&c, mod->kind != PITH_M_Expression);
    while (c.u) cu_exit_scope(&c);
    PITH_XDECREF(name);
    pith_symtable_free(c.st);
    return co;
}

PithCode *pith_compile_ast(PithMod *mod, PithObject *filename, PithMode mode,
                           int optimize, PithArena *arena) {
    return compile_ast_src(mod, filename, optimize, NULL, 0);
}

PithCode *pith_compile_source(const char *src, size_t len, PithObject *filename,
                              PithMode mode, int optimize) {
    PithArena *arena = pith_arena_new();
    if (!arena) return (PithCode *)pith_err_no_memory();
    PithCode *co = NULL;
    PithMod *mod = pith_parse(src, len, filename, mode, arena);
    if (mod) co = compile_ast_src(mod, filename, optimize, src, len);
    pith_arena_free(arena);
    return co;
}
