/* compile_stmt.c — statements: assignments, control flow (if/while/for with
 * break/continue/else), return, try/except/else/finally, with, raise,
 * assert, imports, annotated assignments, deletion. Leaving a block early
 * (break/continue/return) undoes the enclosing frame blocks: it pops
 * exception blocks, runs finally bodies and __exit__ calls. */
#include "compile_internal.h"

/* ---- unwinding frame blocks ------------------------------------------- */

static int call_exit_none(Compiler *c, int is_async) {
    /* stack: ... exit  ->  ... (exit(None, None, None) discarded, awaited
     * first for async with) */
    ADDOP(c, PUSH_NULL);
    ADDOP_I(c, SWAP, 2);
    for (int i = 0; i < 3; i++) ADDOP_CONST(c, PITH_NONE);
    ADDOP_I(c, CALL, 3);
    if (is_async) {
        ADDOP_I(c, GET_AWAITABLE, 2);
        CHECK(cx_await_tos(c));
    }
    ADDOP(c, POP_TOP);
    return 0;
}

static int clear_name(Compiler *c, PithObject *name) {
    ADDOP_CONST(c, PITH_NONE);
    CHECK(cu_nameop(c, name, PITH_CTX_Store));
    return cu_nameop(c, name, PITH_CTX_Del);
}

/* Emit the code leaving fb. preserve_tos: a return value sits on top. */
static int unwind_fblock(Compiler *c, FBlock *fb, int preserve_tos) {
    switch (fb->kind) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
        return 0;
    case FB_FOR_LOOP:
    case FB_POP_VALUE:
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_TOP);
        return 0;
    case FB_TRY_EXCEPT:
        ADDOP(c, POP_BLOCK);
        return 0;
    case FB_FINALLY_TRY:
        ADDOP(c, POP_BLOCK);
        if (preserve_tos) CHECK(cu_push_fblock(c, FB_POP_VALUE, -1, -1, NULL));
        CHECK(cs_stmts(c, (PithAstSeq *)fb->datum, 0));
        if (preserve_tos) cu_pop_fblock(c);
        return 0;
    case FB_FINALLY_END:
        /* stack: prev exc [value] */
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_TOP);
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_EXCEPT);
        return 0;
    case FB_WITH:
    case FB_ASYNC_WITH:
        ADDOP(c, POP_BLOCK);
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        return call_exit_none(c, fb->kind == FB_ASYNC_WITH);
    case FB_EXCEPT_STAR:
        return cu_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    case FB_HANDLER_CLEANUP:
        /* stack: prev [value] */
        if (fb->datum) ADDOP(c, POP_BLOCK);
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_EXCEPT);
        if (fb->datum) CHECK(clear_name(c, (PithObject *)fb->datum));
        return 0;
    }
    return 0;
}

/* Unwind every block up to (not including) the innermost loop when
 * `loop` is given (it receives that loop, or stays NULL). */
static int unwind_stack(Compiler *c, int preserve_tos, FBlock **loop) {
    Unit *u = c->u;
    if (u->nfb == 0) return 0;
    FBlock *top = &u->fb[u->nfb - 1];
    if (loop && (top->kind == FB_WHILE_LOOP || top->kind == FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    FBlock copy = *top;
    u->nfb--;
    PithLocation saved = u->loc;
    int r = unwind_fblock(c, &copy, preserve_tos);
    u->loc = saved;
    if (r == 0) r = unwind_stack(c, preserve_tos, loop);
    u->fb[u->nfb++] = copy;
    return r;
}

/* ---- simple statements ------------------------------------------------- */

static int compile_return(Compiler *c, PithStmt *s) {
    if (c->u->ste->type != PITH_BLOCK_FUNCTION) return cu_error(c, "'return' outside function");
    PithExpr *v = s->v.Return.value;
    if (v && c->u->ste->coroutine && c->u->ste->generator)
        return cu_error(c, "'return' with value in async generator");
    int preserve = v && !cx_is_const(v);
    if (preserve) CHECK(cx_expr(c, v));
    CHECK(unwind_stack(c, preserve, NULL));
    c->u->loc = LOC_OF(s);
    if (!v) ADDOP_CONST(c, PITH_NONE);
    else if (!preserve) CHECK(cx_expr(c, v));
    ADDOP(c, RETURN_VALUE);
    return 0;
}

static int compile_break_continue(Compiler *c, PithStmt *s) {
    FBlock *loop = NULL;
    int is_break = s->kind == PITH_S_Break;
    CHECK(unwind_stack(c, 0, &loop));
    c->u->loc = LOC_OF(s);
    if (!loop) return cu_error(c, is_break ? "'break' outside loop"
                                           : "'continue' not properly in loop");
    if (is_break) {
        CHECK(unwind_fblock(c, loop, 0));
        ADDOP_JUMP(c, JUMP, loop->exit);
    } else {
        ADDOP_JUMP(c, JUMP, loop->start);
    }
    return 0;
}

static int compile_assign(Compiler *c, PithStmt *s) {
    intptr_t n = PITH_SEQ_LEN(s->v.Assign.targets);
    CHECK(cx_expr(c, s->v.Assign.value));
    for (intptr_t i = 0; i < n; i++) {
        if (i < n - 1) ADDOP_I(c, COPY, 1);
        CHECK(cx_expr(c, PITH_SEQ_GET(s->v.Assign.targets, i)));
    }
    return 0;
}

static int is_module_or_class(Compiler *c) {
    return c->u->scope == SCOPE_MODULE || c->u->scope == SCOPE_CLASS;
}

/* Evaluate an expression for its side effects only. */
static int eval_pop(Compiler *c, PithExpr *e) {
    CHECK(cx_expr(c, e));
    ADDOP(c, POP_TOP);
    return 0;
}

static int compile_annassign(Compiler *c, PithStmt *s) {
    PithExpr *t = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        CHECK(cx_expr(c, s->v.AnnAssign.value));
        CHECK(cx_expr(c, t));
    }
    if (t->kind == PITH_E_Name) {
        if (!s->v.AnnAssign.simple || !is_module_or_class(c)) return 0;
        CHECK(cx_annotation(c, s->v.AnnAssign.annotation));
        PithObject *ann = pith_str_intern_cstr("__annotations__");
        int r = ann ? cu_nameop(c, ann, PITH_CTX_Load) : -1;
        PITH_XDECREF(ann);
        CHECK(r);
        PithObject *m = pith_mangle(c->u->private_name, t->v.Name.id);
        if (!m) return -1;
        r = cu_load_const(c, m);
        PITH_DECREF(m);
        CHECK(r);
        ADDOP(c, STORE_SUBSCR);
        return 0;
    }
    if (!s->v.AnnAssign.value) {
        if (t->kind == PITH_E_Attribute) CHECK(eval_pop(c, t->v.Attribute.value));
        if (t->kind == PITH_E_Subscript) {
            CHECK(eval_pop(c, t->v.Subscript.value));
            CHECK(eval_pop(c, t->v.Subscript.slice));
        }
    }
    if (is_module_or_class(c) && !c->future_annotations)
        CHECK(eval_pop(c, s->v.AnnAssign.annotation));
    return 0;
}

static int compile_raise(Compiler *c, PithStmt *s) {
    int n = 0;
    if (s->v.Raise.exc) {
        CHECK(cx_expr(c, s->v.Raise.exc));
        n++;
        if (s->v.Raise.cause) {
            CHECK(cx_expr(c, s->v.Raise.cause));
            n++;
        }
    }
    ADDOP_I(c, RAISE_VARARGS, n);
    return 0;
}

static int compile_assert(Compiler *c, PithStmt *s) {
    PithExpr *t = s->v.Assert.test;
    if ((t->kind == PITH_E_Tuple && PITH_SEQ_LEN(t->v.Tuple.elts) > 0) ||
        (t->kind == PITH_E_Constant && pith_tuple_check(t->v.Constant.value) &&
         PITH_SIZE(t->v.Constant.value) > 0))
        CHECK(cu_warn(c, "assertion is always true, perhaps remove parentheses?"));
    if (c->optimize) return 0;
    NEW_LABEL(c, end);
    CHECK(cx_jump_if(c, s->v.Assert.test, end, 1));
    ADDOP(c, LOAD_ASSERTION_ERROR);
    if (s->v.Assert.msg) {
        CHECK(cx_expr(c, s->v.Assert.msg));
        ADDOP_I(c, CALL, 0);
    }
    ADDOP_I(c, RAISE_VARARGS, 1);
    BIND(c, end);
    return 0;
}

static int compile_delete(Compiler *c, PithStmt *s) {
    return cx_exprs(c, s->v.Delete.targets);
}

static int compile_expr_stmt(Compiler *c, PithStmt *s) {
    PithExpr *v = s->v.Expr.value;
    if (c->interactive && c->u->scope == SCOPE_MODULE) {
        CHECK(cx_expr(c, v));
        ADDOP(c, PRINT_EXPR);
        return 0;
    }
    if (v->kind == PITH_E_Constant) return 0;
    return eval_pop(c, v);
}

/* ---- imports ----------------------------------------------------------- */

static PithObject *substr_intern(PithObject *s, intptr_t a, intptr_t b) {
    PithObject *r = pith_str_substring(s, a, b);
    if (r) pith_str_intern_in_place(&r);
    return r;
}

static intptr_t find_dot(PithObject *s, intptr_t from) {
    for (intptr_t i = from; i < PITH_STR_LEN(s); i++)
        if (pith_str_read((PithStr *)s, i) == '.') return i;
    return -1;
}

static int import_name_op(Compiler *c, int level, PithObject *fromlist, PithObject *name) {
    PithObject *lv = pith_int_from_i64(level);
    if (!lv) return -1;
    int r = cu_load_const(c, lv);
    PITH_DECREF(lv);
    CHECK(r);
    ADDOP_CONST(c, fromlist);
    int ni = cu_add_name(c, name);
    if (ni < 0) return -1;
    ADDOP_I(c, IMPORT_NAME, ni);
    return 0;
}

/* `import a.b.c as d`: walk the attributes, store the last one. */
static int import_as(Compiler *c, PithObject *name, PithObject *asname) {
    intptr_t dot = find_dot(name, 0);
    while (dot >= 0) {
        intptr_t next = find_dot(name, dot + 1);
        PithObject *attr = substr_intern(name, dot + 1, next < 0 ? PITH_STR_LEN(name) : next);
        if (!attr) return -1;
        int ni = cu_add_name(c, attr);
        PITH_DECREF(attr);
        if (ni < 0) return -1;
        ADDOP_I(c, IMPORT_FROM, ni);
        if (next < 0) break;
        ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_TOP);
        dot = next;
    }
    if (find_dot(name, 0) < 0) return cu_nameop(c, asname, PITH_CTX_Store);
    CHECK(cu_nameop(c, asname, PITH_CTX_Store));
    ADDOP(c, POP_TOP);
    return 0;
}

static int compile_import(Compiler *c, PithStmt *s) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s->v.Import.names); i++) {
        PithAlias *a = PITH_SEQ_GET(s->v.Import.names, i);
        CHECK(import_name_op(c, 0, PITH_NONE, a->name));
        if (a->asname) {
            CHECK(import_as(c, a->name, a->asname));
            continue;
        }
        intptr_t dot = find_dot(a->name, 0);
        PithObject *store = dot < 0 ? PITH_NEWREF(a->name) : substr_intern(a->name, 0, dot);
        if (!store) return -1;
        int r = cu_nameop(c, store, PITH_CTX_Store);
        PITH_DECREF(store);
        CHECK(r);
    }
    return 0;
}

static int compile_import_from(Compiler *c, PithStmt *s) {
    CHECK(cfu_check_import(c, s));
    PithAstSeq *names = s->v.ImportFrom.names;
    intptr_t n = PITH_SEQ_LEN(names);
    PithObject *fromlist = pith_tuple_new(n);
    if (!fromlist) return -1;
    for (intptr_t i = 0; i < n; i++)
        PITH_TUPLE_SET(fromlist, i, PITH_NEWREF(((PithAlias *)PITH_SEQ_GET(names, i))->name));
    PithObject *mod = s->v.ImportFrom.module ? PITH_NEWREF(s->v.ImportFrom.module)
                                             : pith_str_empty();
    int r = mod ? import_name_op(c, s->v.ImportFrom.level, fromlist, mod) : -1;
    PITH_DECREF(fromlist);
    PITH_XDECREF(mod);
    CHECK(r);
    for (intptr_t i = 0; i < n; i++) {
        PithAlias *a = PITH_SEQ_GET(names, i);
        if (pith_str_eq_cstr(a->name, "*")) {
            ADDOP(c, IMPORT_STAR);
            return 0;
        }
        int ni = cu_add_name(c, a->name);
        if (ni < 0) return -1;
        ADDOP_I(c, IMPORT_FROM, ni);
        CHECK(cu_nameop(c, a->asname ? a->asname : a->name, PITH_CTX_Store));
    }
    ADDOP(c, POP_TOP);
    return 0;
}

/* ---- control flow ------------------------------------------------------ */

static int compile_if(Compiler *c, PithStmt *s) {
    NEW_LABEL(c, end);
    int has_else = PITH_SEQ_LEN(s->v.If.orelse) > 0;
    int next = end;
    if (has_else && (next = cu_new_label(c)) < 0) return -1;
    CHECK(cx_jump_if(c, s->v.If.test, next, 0));
    CHECK(cs_stmts(c, s->v.If.body, 0));
    if (has_else) {
        ADDOP_JUMP(c, JUMP, end);
        BIND(c, next);
        CHECK(cs_stmts(c, s->v.If.orelse, 0));
    }
    BIND(c, end);
    return 0;
}

static int is_true_const(PithExpr *e) {
    if (e->kind != PITH_E_Constant) return 0;
    int t = pith_is_true(e->v.Constant.value);
    if (t < 0) pith_err_clear();
    return t == 1;
}

static int compile_while(Compiler *c, PithStmt *s) {
    NEW_LABEL(c, loop);
    NEW_LABEL(c, orelse);
    NEW_LABEL(c, end);
    BIND(c, loop);
    CHECK(cu_push_fblock(c, FB_WHILE_LOOP, loop, end, NULL));
    if (!is_true_const(s->v.While.test)) CHECK(cx_jump_if(c, s->v.While.test, orelse, 0));
    CHECK(cs_stmts(c, s->v.While.body, 0));
    ADDOP_JUMP(c, JUMP, loop);
    cu_pop_fblock(c);
    BIND(c, orelse);
    CHECK(cs_stmts(c, s->v.While.orelse, 0));
    BIND(c, end);
    return 0;
}

/* async for: each step awaits __anext__() under a FINALLY block whose
 * handler (END_ASYNC_FOR) ends the loop on StopAsyncIteration. */
static int compile_async_for(Compiler *c, PithStmt *s) {
    NEW_LABEL(c, start);
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    if (c->u->scope != SCOPE_ASYNC_FUNCTION)
        return cu_error(c, "'async for' outside async function");
    CHECK(cx_expr(c, s->v.For.iter));
    ADDOP(c, GET_AITER);
    BIND(c, start);
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    ADDOP(c, GET_ANEXT);
    CHECK(cx_await_tos(c));
    ADDOP(c, POP_BLOCK);
    CHECK(cu_push_fblock(c, FB_FOR_LOOP, start, end, NULL));
    CHECK(cx_expr(c, s->v.For.target));
    CHECK(cs_stmts(c, s->v.For.body, 0));
    c->u->loc = LOC_OF(s);
    ADDOP_JUMP(c, JUMP, start);
    cu_pop_fblock(c);
    BIND(c, except); /* aiter prev exc */
    c->u->loc = LOC_OF(s);
    ADDOP(c, END_ASYNC_FOR);
    CHECK(cs_stmts(c, s->v.For.orelse, 0));
    BIND(c, end);
    return 0;
}

static int compile_for(Compiler *c, PithStmt *s) {
    NEW_LABEL(c, start);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    CHECK(cx_expr(c, s->v.For.iter));
    ADDOP(c, GET_ITER);
    BIND(c, start);
    CHECK(cu_push_fblock(c, FB_FOR_LOOP, start, end, NULL));
    ADDOP_JUMP(c, FOR_ITER, cleanup);
    CHECK(cx_expr(c, s->v.For.target));
    CHECK(cs_stmts(c, s->v.For.body, 0));
    c->u->loc = LOC_OF(s);
    ADDOP_JUMP(c, JUMP, start);
    cu_pop_fblock(c);
    BIND(c, cleanup);
    CHECK(cs_stmts(c, s->v.For.orelse, 0));
    BIND(c, end);
    return 0;
}

/* ---- exceptions -------------------------------------------------------- */

/* One `except` clause; stack on entry: prev exc. */
static int compile_handler(Compiler *c, PithExceptHandler *h, int is_last, int end) {
    NEW_LABEL(c, next);
    c->u->loc = LOC_OF(h);
    if (h->type) {
        CHECK(cx_expr(c, h->type));
        ADDOP(c, CHECK_EXC_MATCH);
        ADDOP_JUMP(c, POP_JUMP_IF_FALSE, next);
    } else if (!is_last) {
        return cu_error(c, "default 'except:' must be last");
    }
    if (h->name) {
        NEW_LABEL(c, cleanup);
        CHECK(cu_nameop(c, h->name, PITH_CTX_Store));
        ADDOP_JUMP(c, SETUP_FINALLY, cleanup);
        CHECK(cu_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, h->name));
        CHECK(cs_stmts(c, h->body, 0));
        cu_pop_fblock(c);
        c->u->loc = PITH_NO_LOCATION;
        ADDOP(c, POP_BLOCK);
        ADDOP(c, POP_EXCEPT);
        CHECK(clear_name(c, h->name));
        ADDOP_JUMP(c, JUMP, end);
        BIND(c, cleanup); /* prev prev2 exc2 */
        CHECK(clear_name(c, h->name));
        ADDOP(c, RERAISE);
    } else {
        ADDOP(c, POP_TOP);
        CHECK(cu_push_fblock(c, FB_HANDLER_CLEANUP, -1, -1, NULL));
        CHECK(cs_stmts(c, h->body, 0));
        cu_pop_fblock(c);
        c->u->loc = PITH_NO_LOCATION;
        ADDOP(c, POP_EXCEPT);
        ADDOP_JUMP(c, JUMP, end);
    }
    BIND(c, next);
    return 0;
}

static int compile_try_except(Compiler *c, PithStmt *s) {
    NEW_LABEL(c, except);
    NEW_LABEL(c, orelse);
    NEW_LABEL(c, end);
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    CHECK(cu_push_fblock(c, FB_TRY_EXCEPT, -1, -1, NULL));
    CHECK(cs_stmts(c, s->v.Try.body, 0));
    cu_pop_fblock(c);
    c->u->loc = PITH_NO_LOCATION;
    ADDOP(c, POP_BLOCK);
    ADDOP_JUMP(c, JUMP, orelse);
    BIND(c, except); /* prev exc */
    CHECK(cu_push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL));
    intptr_t n = PITH_SEQ_LEN(s->v.Try.handlers);
    for (intptr_t i = 0; i < n; i++)
        CHECK(compile_handler(c, PITH_SEQ_GET(s->v.Try.handlers, i), i == n - 1, end));
    cu_pop_fblock(c);
    c->u->loc = PITH_NO_LOCATION;
    ADDOP(c, RERAISE);
    BIND(c, orelse);
    CHECK(cs_stmts(c, s->v.Try.orelse, 0));
    BIND(c, end);
    return 0;
}

/* One `except*` clause; stack on entry and exit: prev orig raised rest
 * (raised: list of what the clauses raised; rest: the unmatched part). */
static int compile_star_handler(Compiler *c, PithExceptHandler *h) {
    NEW_LABEL(c, no_match);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, next);
    c->u->loc = LOC_OF(h);
    CHECK(cx_expr(c, h->type));
    ADDOP(c, CHECK_EG_MATCH); /* prev orig raised rest match */
    ADDOP_I(c, COPY, 1);
    ADDOP_JUMP(c, POP_JUMP_IF_NONE, no_match);
    if (h->name) CHECK(cu_nameop(c, h->name, PITH_CTX_Store));
    else ADDOP(c, POP_TOP);
    ADDOP_JUMP(c, SETUP_FINALLY, cleanup);
    CHECK(cu_push_fblock(c, FB_EXCEPT_STAR, -1, -1, NULL));
    CHECK(cs_stmts(c, h->body, 0));
    cu_pop_fblock(c);
    c->u->loc = PITH_NO_LOCATION;
    ADDOP(c, POP_BLOCK);
    if (h->name) CHECK(clear_name(c, h->name));
    ADDOP_JUMP(c, JUMP, next);
    BIND(c, cleanup); /* prev orig raised rest prev2 exc2 */
    if (h->name) CHECK(clear_name(c, h->name));
    ADDOP_I(c, LIST_APPEND, 3);
    ADDOP(c, POP_EXCEPT);
    ADDOP_JUMP(c, JUMP, next);
    BIND(c, no_match); /* prev orig raised exc None */
    ADDOP(c, POP_TOP);
    BIND(c, next);
    return 0;
}

/* try/except*: every matching clause runs once on its part of the group;
 * then whatever was raised or left unmatched is re-raised. */
static int compile_try_star(Compiler *c, PithStmt *s) {
    NEW_LABEL(c, except);
    NEW_LABEL(c, orelse);
    NEW_LABEL(c, reraise);
    NEW_LABEL(c, end);
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    CHECK(cu_push_fblock(c, FB_TRY_EXCEPT, -1, -1, NULL));
    CHECK(cs_stmts(c, s->v.Try.body, 0));
    cu_pop_fblock(c);
    c->u->loc = PITH_NO_LOCATION;
    ADDOP(c, POP_BLOCK);
    ADDOP_JUMP(c, JUMP, orelse);
    BIND(c, except); /* prev exc */
    ADDOP_I(c, COPY, 1);
    ADDOP_I(c, BUILD_LIST, 0);
    ADDOP_I(c, SWAP, 2); /* prev orig raised rest */
    CHECK(cu_push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL));
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s->v.Try.handlers); i++)
        CHECK(compile_star_handler(c, PITH_SEQ_GET(s->v.Try.handlers, i)));
    cu_pop_fblock(c);
    c->u->loc = PITH_NO_LOCATION;
    ADDOP_I(c, LIST_APPEND, 1);
    ADDOP(c, PREP_RERAISE_STAR); /* prev to_raise */
    ADDOP_I(c, COPY, 1);
    ADDOP_JUMP(c, POP_JUMP_IF_NOT_NONE, reraise);
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_EXCEPT);
    ADDOP_JUMP(c, JUMP, end);
    BIND(c, reraise);
    ADDOP(c, RERAISE);
    BIND(c, orelse);
    CHECK(cs_stmts(c, s->v.Try.orelse, 0));
    BIND(c, end);
    return 0;
}

static int compile_try_finally(Compiler *c, PithStmt *s) {
    NEW_LABEL(c, final);
    NEW_LABEL(c, exit);
    ADDOP_JUMP(c, SETUP_FINALLY, final);
    CHECK(cu_push_fblock(c, FB_FINALLY_TRY, -1, -1, s->v.Try.finalbody));
    if (s->kind == PITH_S_TryStar) CHECK(compile_try_star(c, s));
    else if (PITH_SEQ_LEN(s->v.Try.handlers)) CHECK(compile_try_except(c, s));
    else CHECK(cs_stmts(c, s->v.Try.body, 0));
    cu_pop_fblock(c);
    c->u->loc = PITH_NO_LOCATION;
    ADDOP(c, POP_BLOCK);
    CHECK(cs_stmts(c, s->v.Try.finalbody, 0));
    ADDOP_JUMP(c, JUMP, exit);
    BIND(c, final); /* prev exc */
    CHECK(cu_push_fblock(c, FB_FINALLY_END, -1, -1, NULL));
    CHECK(cs_stmts(c, s->v.Try.finalbody, 0));
    cu_pop_fblock(c);
    c->u->loc = PITH_NO_LOCATION;
    ADDOP(c, RERAISE);
    BIND(c, exit);
    return 0;
}

static int compile_try(Compiler *c, PithStmt *s) {
    if (PITH_SEQ_LEN(s->v.Try.finalbody)) return compile_try_finally(c, s);
    return compile_try_except(c, s);
}

/* Enter the context manager on the stack: leaves exit, a FINALLY block
 * whose handler is `exc` (stack there: exit prev exc), and the target
 * bound. async with awaits __aenter__() before installing the block. */
static int with_enter(Compiler *c, PithWithItem *item, int is_async, int exc) {
    if (is_async) {
        ADDOP(c, BEFORE_ASYNC_WITH);
        CHECK(cx_await_tos(c));
        if (item->optional_vars) CHECK(cx_expr(c, item->optional_vars));
        else ADDOP(c, POP_TOP);
        ADDOP_JUMP(c, SETUP_FINALLY, exc);
        return cu_push_fblock(c, FB_ASYNC_WITH, -1, -1, NULL);
    }
    ADDOP_JUMP(c, SETUP_WITH, exc);
    CHECK(cu_push_fblock(c, FB_WITH, -1, -1, NULL));
    if (item->optional_vars) CHECK(cx_expr(c, item->optional_vars));
    else ADDOP(c, POP_TOP);
    return 0;
}

static int compile_with(Compiler *c, PithStmt *s, intptr_t pos) {
    PithWithItem *item = PITH_SEQ_GET(s->v.With.items, pos);
    int is_async = s->kind == PITH_S_AsyncWith;
    NEW_LABEL(c, exc);
    NEW_LABEL(c, suppress);
    NEW_LABEL(c, after);
    if (is_async && c->u->scope != SCOPE_ASYNC_FUNCTION)
        return cu_error(c, "'async with' outside async function");
    CHECK(cx_expr(c, item->context_expr));
    c->u->loc = LOC_OF(s);
    CHECK(with_enter(c, item, is_async, exc));
    if (pos + 1 < PITH_SEQ_LEN(s->v.With.items)) CHECK(compile_with(c, s, pos + 1));
    else CHECK(cs_stmts(c, s->v.With.body, 0));
    cu_pop_fblock(c);
    c->u->loc = LOC_OF(s);
    ADDOP(c, POP_BLOCK);
    CHECK(call_exit_none(c, is_async));
    ADDOP_JUMP(c, JUMP, after);
    BIND(c, exc); /* exit prev exc */
    ADDOP(c, WITH_EXCEPT_START);
    if (is_async) {
        ADDOP_I(c, GET_AWAITABLE, 2);
        CHECK(cx_await_tos(c));
    }
    ADDOP_JUMP(c, POP_JUMP_IF_TRUE, suppress);
    ADDOP(c, RERAISE);
    BIND(c, suppress);
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_EXCEPT);
    ADDOP(c, POP_TOP);
    BIND(c, after);
    return 0;
}

/* ---- dispatch ---------------------------------------------------------- */

int cs_stmt(Compiler *c, PithStmt *s) {
    c->u->loc = LOC_OF(s);
    switch (s->kind) {
    case PITH_S_FunctionDef:
    case PITH_S_AsyncFunctionDef: return cf_function(c, s);
    case PITH_S_ClassDef: return cf_class(c, s);
    case PITH_S_Return: return compile_return(c, s);
    case PITH_S_Delete: return compile_delete(c, s);
    case PITH_S_Assign: return compile_assign(c, s);
    case PITH_S_AugAssign: return cx_augassign(c, s);
    case PITH_S_AnnAssign: return compile_annassign(c, s);
    case PITH_S_For: return compile_for(c, s);
    case PITH_S_While: return compile_while(c, s);
    case PITH_S_If: return compile_if(c, s);
    case PITH_S_With:
    case PITH_S_AsyncWith: return compile_with(c, s, 0);
    case PITH_S_Raise: return compile_raise(c, s);
    case PITH_S_Try: return compile_try(c, s);
    case PITH_S_Assert: return compile_assert(c, s);
    case PITH_S_Import: return compile_import(c, s);
    case PITH_S_ImportFrom: return compile_import_from(c, s);
    case PITH_S_Expr: return compile_expr_stmt(c, s);
    case PITH_S_Global:
    case PITH_S_Nonlocal:
    case PITH_S_Pass: return 0;
    case PITH_S_Break:
    case PITH_S_Continue: return compile_break_continue(c, s);
    case PITH_S_AsyncFor: return compile_async_for(c, s);
    case PITH_S_TryStar:
        if (PITH_SEQ_LEN(s->v.Try.finalbody)) return compile_try_finally(c, s);
        return compile_try_star(c, s);
    case PITH_S_Match: return cs_match(c, s);
    }
    return 0;
}

int cs_stmts(Compiler *c, PithAstSeq *seq, intptr_t from) {
    for (intptr_t i = from; i < PITH_SEQ_LEN(seq); i++) CHECK(cs_stmt(c, PITH_SEQ_GET(seq, i)));
    return 0;
}

int cs_body(Compiler *c, PithAstSeq *body) {
    if (cu_find_ann(body)) ADDOP(c, SETUP_ANNOTATIONS);
    PithObject *doc = cu_docstring(body);
    if (!doc) return cs_stmts(c, body, 0);
    if (c->optimize < 2) {
        c->u->loc = LOC_OF((PithStmt *)PITH_SEQ_GET(body, 0));
        ADDOP_CONST(c, doc);
        PithObject *name = pith_str_intern_cstr("__doc__");
        int r = name ? cu_nameop(c, name, PITH_CTX_Store) : -1;
        PITH_XDECREF(name);
        CHECK(r);
    }
    return cs_stmts(c, body, 1);
}
