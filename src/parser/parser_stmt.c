/* parser_stmt.c — statement rules of the Python 3.11 grammar: simple
 * statements (assignments, import, return, ...) and compound statements
 * (if/while/for/try/with/def/class/decorators; match is in
 * parser_pattern.c), blocks and their indentation errors.
 *
 * Positions: a compound statement ends where the last statement of its
 * last block ends (not at the NEWLINE/DEDENT that closes it).
 */
#include "parser_internal.h"

#include <string.h>

/* ---- helpers ------------------------------------------------------------------ */

/* A block ends at its last token: a trailing ';' after the last simple
 * statement counts (p->semi_stmt / p->semi_end record it). */
static void end_at_stmt(Parser *p, PithStmt *s, PithAstSeq *body) {
    PithStmt *last = PITH_SEQ_GET(body, PITH_SEQ_LEN(body) - 1);
    s->end_lineno = last->end_lineno;
    s->end_col_offset = last->end_col_offset;
    if (last == p->semi_stmt) {
        s->end_lineno = p->semi_end.lineno;
        s->end_col_offset = p->semi_end.col;
    }
}

static PithAstSeq *last_nonempty(PithAstSeq *a, PithAstSeq *b) {
    return PITH_SEQ_LEN(b) ? b : a;
}

static bool at_stmt_end(Parser *p) {
    return pp_at(p, PITH_T_NEWLINE) || pp_at(p, PITH_T_SEMI) || pp_at(p, PITH_T_ENDMARKER);
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts.
 * what/lineno describe the owner for "expected an indented block after ...". */
static PithAstSeq *block(Parser *p, const char *what, int lineno) {
    Vec body;
    vec_init(&body);
    if (pp_accept(p, PITH_T_NEWLINE)) {
        if (!pp_at(p, PITH_T_INDENT)) {
            PithToken *t = pp_peek(p);
            if (t->type == PITH_T_ERROR) return pp_fail(p);
            return pp_error_tok(p, t, &pith_exc_IndentationError,
                                "expected an indented block after %s on line %d", what, lineno);
        }
        pp_advance(p);
        while (!pp_at(p, PITH_T_DEDENT) && !pp_at(p, PITH_T_ENDMARKER)) {
            if (p->error || !pp_statement(p, &body)) goto fail;
        }
        pp_accept(p, PITH_T_DEDENT);
    } else {
        if (!pp_statement_list(p, &body)) goto fail;
    }
    return vec_finish(p, &body);
fail:
    vec_free(&body);
    return pp_fail(p);
}

/* ':' then block. A forced ':' (def, try, else, finally) reports
 * "expected ':'" at any token; otherwise only before a NEWLINE. */
static PithAstSeq *colon_block_f(Parser *p, const char *what, int lineno, bool forced) {
    if (!forced && !pp_at(p, PITH_T_COLON) && !pp_at(p, PITH_T_NEWLINE)) return pp_invalid_syntax(p);
    if (!pp_expect_msg(p, PITH_T_COLON, "expected ':'")) return NULL;
    return block(p, what, lineno);
}

static PithAstSeq *colon_block(Parser *p, const char *what, int lineno) {
    return colon_block_f(p, what, lineno, false);
}

/* ---- simple statements ------------------------------------------------------------- */

static PithExpr *rhs(Parser *p) {
    if (pp_at_kw(p, PITH_KW_yield)) return pp_yield_expr(p);
    return pp_star_expressions(p);
}

static int augassign_op(PithTokenType t) {
    switch (t) {
    case PITH_T_PLUSEQUAL: return PITH_OP_Add;
    case PITH_T_MINEQUAL: return PITH_OP_Sub;
    case PITH_T_STAREQUAL: return PITH_OP_Mult;
    case PITH_T_ATEQUAL: return PITH_OP_MatMult;
    case PITH_T_SLASHEQUAL: return PITH_OP_Div;
    case PITH_T_PERCENTEQUAL: return PITH_OP_Mod;
    case PITH_T_AMPEREQUAL: return PITH_OP_BitAnd;
    case PITH_T_VBAREQUAL: return PITH_OP_BitOr;
    case PITH_T_CIRCUMFLEXEQUAL: return PITH_OP_BitXor;
    case PITH_T_LEFTSHIFTEQUAL: return PITH_OP_LShift;
    case PITH_T_RIGHTSHIFTEQUAL: return PITH_OP_RShift;
    case PITH_T_DOUBLESTAREQUAL: return PITH_OP_Pow;
    case PITH_T_DOUBLESLASHEQUAL: return PITH_OP_FloorDiv;
    default: return 0;
    }
}

static bool single_target(PithExpr *e) {
    return e->kind == PITH_E_Name || e->kind == PITH_E_Attribute || e->kind == PITH_E_Subscript;
}

/* The leftmost bitwise_or-level operand of an expression (for ranges). */
static PithExpr *leftmost_operand(PithExpr *e) {
    for (;;) {
        if (e->kind == PITH_E_Compare) e = e->v.Compare.left;
        else if (e->kind == PITH_E_BoolOp) e = PITH_SEQ_GET(e->v.BoolOp.values, 0);
        else if (e->kind == PITH_E_IfExp) e = e->v.IfExp.body;
        else return e;
    }
}

static bool starts_with_paren(PithExpr *e, Pos stmt) {
    return e->lineno != stmt.lineno || e->col_offset != stmt.col;
}

/* An assignment target list failed validation: raise CPython's message. */
static void *bad_assignment(Parser *p, Vec *targets, PithExpr *value, Pos s, bool value_simple,
                            uint64_t yield_mask) {
    for (intptr_t i = 0; i < targets->len; i++) {
        PithExpr *t = targets->items[i];
        PithExpr *bad = pp_invalid_target(t, 0);
        if (!bad) continue;
        if ((t->kind == PITH_E_Yield || t->kind == PITH_E_YieldFrom) && i < 64 && (yield_mask >> i & 1))
            return pp_error_expr(p, t, "assignment to yield expression not possible");
        if (targets->len == 1 && value_simple) {
            PithExpr *last = t;
            bool bare_tuple = t->kind == PITH_E_Tuple && !starts_with_paren(t, s) &&
                              PITH_SEQ_LEN(t->v.Tuple.elts) > 0 &&
                              ((PithExpr *)PITH_SEQ_GET(t->v.Tuple.elts, 0))->col_offset == t->col_offset;
            if (bare_tuple) last = PITH_SEQ_GET(t->v.Tuple.elts, PITH_SEQ_LEN(t->v.Tuple.elts) - 1);
            PithExpr *b = value;
            if (b->kind == PITH_E_Tuple && PITH_SEQ_LEN(b->v.Tuple.elts) &&
                ((PithExpr *)PITH_SEQ_GET(b->v.Tuple.elts, 0))->col_offset == b->col_offset)
                b = PITH_SEQ_GET(b->v.Tuple.elts, 0);
            b = leftmost_operand(b);
            if (last->kind == PITH_E_Name)
                return pp_error_expr_range(p, last, b,
                                           "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            if (pp_bitwise_or_level(last))
                return pp_error_expr(p, last, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                     pp_expr_name(last));
        }
        return pp_error_expr(p, bad, "cannot assign to %s", pp_expr_name(bad));
    }
    return pp_invalid_syntax(p);
}

/* first_yield: the statement starts with the `yield` keyword (an
 * unparenthesized yield target). */
static PithStmt *assignment(Parser *p, PithExpr *first, Pos s, bool first_yield) {
    Vec targets;
    vec_init(&targets);
    PithExpr *value = first;
    bool value_simple = true;
    uint64_t yield_mask = first_yield ? 1 : 0;
    while (pp_accept(p, PITH_T_EQUAL)) {
        if (!vec_push(p, &targets, value)) goto fail;
        PithToken *vt = pp_peek(p);
        if (vt->kw == PITH_KW_yield && targets.len < 64) yield_mask |= (uint64_t)1 << targets.len;
        value_simple = pp_starts_expr(vt) && vt->kw != PITH_KW_not && vt->kw != PITH_KW_lambda;
        if (!(value = rhs(p))) goto fail;
    }
    if (!at_stmt_end(p)) {
        pp_after_expr_error(p, value);
        goto fail;
    }
    for (intptr_t i = 0; i < targets.len; i++) {
        PithExpr *t = targets.items[i];
        if (!pp_set_context(p, t, PITH_CTX_Store)) {
            pith_err_clear();
            p->error = false;
            bad_assignment(p, &targets, value, s, value_simple && targets.len == 1, yield_mask);
            goto fail;
        }
    }
    PithStmt *st = pp_stmt(p, PITH_S_Assign, s);
    if (!st) goto fail;
    st->v.Assign.targets = vec_finish(p, &targets);
    st->v.Assign.value = value;
    return st;
fail:
    vec_free(&targets);
    return pp_fail(p);
}

static PithStmt *annotated(Parser *p, PithExpr *target, Pos s) {
    if (target->kind == PITH_E_Tuple || target->kind == PITH_E_List) {
        bool bare = target->kind == PITH_E_Tuple && !starts_with_paren(target, s) &&
                    ((PithExpr *)PITH_SEQ_GET(target->v.Tuple.elts, 0))->col_offset == target->col_offset;
        PithExpr *loc = bare ? PITH_SEQ_GET(target->v.Tuple.elts, 0) : target;
        return pp_error_expr(p, loc, "only single target (not %s) can be annotated",
                             target->kind == PITH_E_Tuple ? "tuple" : "list");
    }
    if (!single_target(target)) return pp_error_expr(p, target, "illegal target for annotation");
    pp_advance(p); /* ':' */
    PithExpr *ann = pp_expression(p);
    if (!ann) return NULL;
    PithExpr *value = NULL;
    if (pp_accept(p, PITH_T_EQUAL) && !(value = rhs(p))) return NULL;
    pp_set_context(p, target, PITH_CTX_Store);
    PithStmt *st = pp_stmt(p, PITH_S_AnnAssign, s);
    if (!st) return NULL;
    st->v.AnnAssign.target = target;
    st->v.AnnAssign.annotation = ann;
    st->v.AnnAssign.value = value;
    st->v.AnnAssign.simple = target->kind == PITH_E_Name && !starts_with_paren(target, s) ? 1 : 0;
    return st;
}

static PithStmt *expr_statement(Parser *p) {
    Pos s = pp_start(p);
    bool first_yield = pp_at_kw(p, PITH_KW_yield);
    PithExpr *e = rhs(p);
    if (!e) return NULL;
    PithTokenType t = pp_peek(p)->type;
    if (t == PITH_T_EQUAL) return assignment(p, e, s, first_yield);
    if (t == PITH_T_COLON) return annotated(p, e, s);
    int op = augassign_op(t);
    if (op) {
        if (!single_target(e))
            return pp_error_expr(p, e, "'%s' is an illegal expression for augmented assignment",
                                 pp_expr_name(e));
        pp_advance(p);
        PithExpr *v = rhs(p);
        if (!v) return NULL;
        pp_set_context(p, e, PITH_CTX_Store);
        PithStmt *st = pp_stmt(p, PITH_S_AugAssign, s);
        if (!st) return NULL;
        st->v.AugAssign.target = e;
        st->v.AugAssign.op = (PithOperator)op;
        st->v.AugAssign.value = v;
        return st;
    }
    if (!at_stmt_end(p)) return pp_after_expr_error(p, e);
    PithStmt *st = pp_stmt(p, PITH_S_Expr, s);
    if (st) st->v.Expr.value = e;
    return st;
}

static PithStmt *return_stmt(Parser *p) {
    Pos s = pp_start(p);
    pp_advance(p);
    PithExpr *v = NULL;
    if (!at_stmt_end(p) && !(v = pp_star_expressions(p))) return NULL;
    PithStmt *st = pp_stmt(p, PITH_S_Return, s);
    if (st) st->v.Return.value = v;
    return st;
}

static PithStmt *raise_stmt(Parser *p) {
    Pos s = pp_start(p);
    pp_advance(p);
    PithExpr *exc = NULL, *cause = NULL;
    if (!at_stmt_end(p)) {
        if (!(exc = pp_expression(p))) return NULL;
        if (pp_accept_kw(p, PITH_KW_from) && !(cause = pp_expression(p))) return NULL;
    }
    PithStmt *st = pp_stmt(p, PITH_S_Raise, s);
    if (st) {
        st->v.Raise.exc = exc;
        st->v.Raise.cause = cause;
    }
    return st;
}

static PithStmt *del_stmt(Parser *p) {
    Pos s = pp_start(p);
    pp_advance(p);
    Vec v;
    vec_init(&v);
    for (;;) {
        Pos es = pp_start(p);
        PithExpr *e;
        if (pp_accept(p, PITH_T_STAR)) {
            PithExpr *inner = pp_bitwise_or(p);
            if (!inner || !(e = pp_expr(p, PITH_E_Starred, es))) goto fail;
            e->v.Starred.value = inner;
        } else if (!(e = pp_bitwise_or(p))) {
            goto fail;
        }
        if (!vec_push(p, &v, e)) goto fail;
        if (!pp_accept(p, PITH_T_COMMA) || at_stmt_end(p)) break;
    }
    if (!at_stmt_end(p)) {
        pp_after_expr_error(p, v.items[v.len - 1]);
        goto fail;
    }
    for (intptr_t i = 0; i < v.len; i++)
        if (!pp_set_context(p, v.items[i], PITH_CTX_Del)) goto fail;
    PithStmt *st = pp_stmt(p, PITH_S_Delete, s);
    if (!st) goto fail;
    st->v.Delete.targets = vec_finish(p, &v);
    return st;
fail:
    vec_free(&v);
    return pp_fail(p);
}

static PithStmt *assert_stmt(Parser *p) {
    Pos s = pp_start(p);
    pp_advance(p);
    PithExpr *test = pp_expression(p), *msg = NULL;
    if (!test) return NULL;
    if (pp_accept(p, PITH_T_COMMA) && !(msg = pp_expression(p))) return NULL;
    PithStmt *st = pp_stmt(p, PITH_S_Assert, s);
    if (st) {
        st->v.Assert.test = test;
        st->v.Assert.msg = msg;
    }
    return st;
}

static PithStmt *global_stmt(Parser *p, PithStmtKind kind) {
    Pos s = pp_start(p);
    pp_advance(p);
    Vec v;
    vec_init(&v);
    do {
        PithToken *t = pp_peek(p);
        if (t->type != PITH_T_NAME || t->kw) {
            vec_free(&v);
            return pp_invalid_syntax(p);
        }
        pp_advance(p);
        PithObject *n = pp_name_obj(p, t);
        if (!n || !vec_push(p, &v, n)) {
            vec_free(&v);
            return pp_fail(p);
        }
    } while (pp_accept(p, PITH_T_COMMA));
    PithStmt *st = pp_stmt(p, kind, s);
    if (!st) {
        vec_free(&v);
        return NULL;
    }
    st->v.Global.names = vec_finish(p, &v);
    return st;
}

/* dotted_name: NAME ('.' NAME)* as one interned str. */
static PithObject *dotted_name(Parser *p) {
    PithToken *t0 = pp_peek(p);
    if (t0->type != PITH_T_NAME || t0->kw) return pp_invalid_syntax(p);
    /* token indices, not pointers: fetching may move the buffer */
    int first = p->pos;
    pp_advance(p);
    int last = first;
    while (pp_at(p, PITH_T_DOT)) {
        PithToken *n = pp_peek_at(p, 1);
        if (n->type != PITH_T_NAME || n->kw) {
            pp_advance(p);
            return pp_invalid_syntax(p);
        }
        pp_advance(p);
        pp_advance(p);
        last = p->pos - 1;
    }
    if (last == first) return pp_name_obj(p, &p->toks[first]);
    /* rebuild without whitespace: concatenate the NAME and '.' tokens */
    PithStrBuilder sb;
    pith_sb_init(&sb);
    for (int i = first; i <= last; i++) {
        PithToken *t = &p->toks[i];
        if (pith_sb_append_utf8(&sb, t->start, t->end - t->start) < 0) {
            pith_sb_discard(&sb);
            return pp_fail(p);
        }
    }
    PithObject *o = pith_sb_finish(&sb);
    if (!o) return pp_fail(p);
    pith_str_intern_in_place(&o);
    return pp_own(p, o);
}

static PithAlias *alias(Parser *p, bool dotted) {
    Pos s = pp_start(p);
    PithObject *name;
    if (dotted) name = dotted_name(p);
    else {
        PithToken *t = pp_peek(p);
        if (t->type != PITH_T_NAME || t->kw) return pp_invalid_syntax(p);
        name = pp_name_obj(p, pp_advance(p));
    }
    if (!name) return NULL;
    PithAlias *a = pp_alloc(p, sizeof *a);
    if (!a) return NULL;
    a->name = name;
    if (pp_accept_kw(p, PITH_KW_as)) {
        PithToken *t = pp_peek(p);
        if (t->type != PITH_T_NAME || t->kw) return pp_invalid_syntax(p);
        if (!(a->asname = pp_name_obj(p, pp_advance(p)))) return NULL;
    }
    PithToken *l = pp_last(p);
    a->lineno = s.lineno;
    a->col_offset = s.col;
    a->end_lineno = l->end_lineno;
    a->end_col_offset = l->end_col;
    return a;
}

static PithStmt *import_stmt(Parser *p) {
    Pos s = pp_start(p);
    pp_advance(p);
    Vec v;
    vec_init(&v);
    do {
        PithAlias *a = alias(p, true);
        if (!a || !vec_push(p, &v, a)) {
            vec_free(&v);
            return pp_fail(p);
        }
    } while (pp_accept(p, PITH_T_COMMA));
    PithStmt *st = pp_stmt(p, PITH_S_Import, s);
    if (!st) {
        vec_free(&v);
        return NULL;
    }
    st->v.Import.names = vec_finish(p, &v);
    return st;
}

static bool from_names(Parser *p, Vec *v) {
    if (pp_at(p, PITH_T_STAR)) {
        Pos s = pp_start(p);
        pp_advance(p);
        PithAlias *a = pp_alloc(p, sizeof *a);
        if (!a || !(a->name = pp_intern(p, "*", 1))) return false;
        a->lineno = s.lineno;
        a->col_offset = s.col;
        a->end_lineno = s.lineno;
        a->end_col_offset = s.col + 1;
        return vec_push(p, v, a);
    }
    bool paren = pp_accept(p, PITH_T_LPAR);
    for (;;) {
        PithAlias *a = alias(p, false);
        if (!a || !vec_push(p, v, a)) return false;
        if (!pp_accept(p, PITH_T_COMMA)) break;
        if (paren && pp_at(p, PITH_T_RPAR)) break;
        if (!paren && at_stmt_end(p))
            return pp_error_tok(p, pp_peek(p), &pith_exc_SyntaxError,
                                "trailing comma not allowed without surrounding parentheses");
    }
    return !paren || pp_expect(p, PITH_T_RPAR);
}

static PithStmt *from_stmt(Parser *p) {
    Pos s = pp_start(p);
    pp_advance(p);
    int level = 0;
    for (;;) {
        if (pp_accept(p, PITH_T_DOT)) level++;
        else if (pp_accept(p, PITH_T_ELLIPSIS)) level += 3;
        else break;
    }
    PithObject *module = NULL;
    if (!pp_at_kw(p, PITH_KW_import) || level == 0) {
        if (!(module = dotted_name(p))) return NULL;
    }
    if (!pp_expect_kw(p, PITH_KW_import)) return NULL;
    Vec v;
    vec_init(&v);
    if (!from_names(p, &v)) {
        vec_free(&v);
        return pp_fail(p);
    }
    PithStmt *st = pp_stmt(p, PITH_S_ImportFrom, s);
    if (!st) {
        vec_free(&v);
        return NULL;
    }
    st->v.ImportFrom.module = module;
    st->v.ImportFrom.names = vec_finish(p, &v);
    st->v.ImportFrom.level = level;
    return st;
}

static PithStmt *keyword_only(Parser *p, PithStmtKind kind) {
    Pos s = pp_start(p);
    pp_advance(p);
    return pp_stmt(p, kind, s);
}

static PithStmt *simple_stmt(Parser *p) {
    PithToken *t = pp_peek(p);
    if (t->type == PITH_T_NAME) {
        switch (t->kw) {
        case PITH_KW_return: return return_stmt(p);
        case PITH_KW_import: return import_stmt(p);
        case PITH_KW_from: return from_stmt(p);
        case PITH_KW_raise: return raise_stmt(p);
        case PITH_KW_pass: return keyword_only(p, PITH_S_Pass);
        case PITH_KW_break: return keyword_only(p, PITH_S_Break);
        case PITH_KW_continue: return keyword_only(p, PITH_S_Continue);
        case PITH_KW_del: return del_stmt(p);
        case PITH_KW_assert: return assert_stmt(p);
        case PITH_KW_global: return global_stmt(p, PITH_S_Global);
        case PITH_KW_nonlocal: return global_stmt(p, PITH_S_Nonlocal);
        default: break;
        }
    }
    return expr_statement(p);
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
PithStmt *pp_statement_list(Parser *p, Vec *out) {
    PithStmt *st = NULL;
    do {
        if (pp_at(p, PITH_T_NEWLINE) && st) {
            PithToken *semi = pp_last(p);
            p->semi_stmt = st;
            p->semi_end.lineno = semi->end_lineno;
            p->semi_end.col = semi->end_col;
            break;
        }
        st = simple_stmt(p);
        if (!st || !vec_push(p, out, st)) return pp_fail(p);
    } while (pp_accept(p, PITH_T_SEMI));
    if (!pp_at(p, PITH_T_NEWLINE)) {
        if (pp_at(p, PITH_T_ENDMARKER)) return st;
        return pp_invalid_syntax(p);
    }
    pp_advance(p);
    return st;
}

/* ---- compound statements ----------------------------------------------------------- */

static PithStmt *if_stmt(Parser *p, bool elif) {
    Pos s = pp_start(p);
    pp_advance(p);
    PithExpr *test = pp_named_expression(p);
    if (!test) return NULL;
    PithAstSeq *body = colon_block(p, elif ? "'elif' statement" : "'if' statement", s.lineno);
    if (!body) return NULL;
    PithAstSeq *orelse = NULL;
    if (pp_at_kw(p, PITH_KW_elif)) {
        PithStmt *e = if_stmt(p, true);
        if (!e || !(orelse = pith_ast_seq_new(p->arena, 1))) return pp_fail(p);
        orelse->items[0] = e;
    } else if (pp_at_kw(p, PITH_KW_else)) {
        int line = pp_advance(p)->lineno;
        if (!(orelse = colon_block_f(p, "'else' statement", line, true))) return NULL;
    } else if (!(orelse = pp_empty_seq(p))) {
        return NULL;
    }
    PithStmt *st = pp_stmt(p, PITH_S_If, s);
    if (!st) return NULL;
    st->v.If.test = test;
    st->v.If.body = body;
    st->v.If.orelse = orelse;
    end_at_stmt(p, st, last_nonempty(body, orelse));
    return st;
}

static PithAstSeq *else_block(Parser *p) {
    if (!pp_at_kw(p, PITH_KW_else)) return pp_empty_seq(p);
    int line = pp_advance(p)->lineno;
    return colon_block_f(p, "'else' statement", line, true);
}

static PithStmt *while_stmt(Parser *p) {
    Pos s = pp_start(p);
    pp_advance(p);
    PithExpr *test = pp_named_expression(p);
    PithAstSeq *body = test ? colon_block(p, "'while' statement", s.lineno) : NULL;
    PithAstSeq *orelse = body ? else_block(p) : NULL;
    if (!orelse) return pp_fail(p);
    PithStmt *st = pp_stmt(p, PITH_S_While, s);
    if (!st) return NULL;
    st->v.While.test = test;
    st->v.While.body = body;
    st->v.While.orelse = orelse;
    end_at_stmt(p, st, last_nonempty(body, orelse));
    return st;
}

static PithStmt *for_stmt(Parser *p, Pos s, bool is_async) {
    pp_advance(p); /* for */
    PithExpr *target = pp_star_targets(p);
    if (!target || !pp_expect_kw(p, PITH_KW_in)) return pp_fail(p);
    PithExpr *iter = pp_star_expressions(p);
    PithAstSeq *body = iter ? colon_block(p, "'for' statement", s.lineno) : NULL;
    PithAstSeq *orelse = body ? else_block(p) : NULL;
    if (!orelse) return pp_fail(p);
    PithStmt *st = pp_stmt(p, is_async ? PITH_S_AsyncFor : PITH_S_For, s);
    if (!st) return NULL;
    st->v.For.target = target;
    st->v.For.iter = iter;
    st->v.For.body = body;
    st->v.For.orelse = orelse;
    end_at_stmt(p, st, last_nonempty(body, orelse));
    return st;
}

/* with_item: expression ['as' star_target] */
static PithWithItem *with_item(Parser *p) {
    PithWithItem *w = pp_alloc(p, sizeof *w);
    if (!w || !(w->context_expr = pp_expression(p))) return pp_fail(p);
    if (pp_accept_kw(p, PITH_KW_as)) {
        Pos s = pp_start(p);
        PithExpr *t;
        if (pp_accept(p, PITH_T_STAR)) {
            PithExpr *inner = pp_bitwise_or(p);
            if (!inner || !(t = pp_expr(p, PITH_E_Starred, s))) return pp_fail(p);
            t->v.Starred.value = inner;
        } else if (!(t = pp_bitwise_or(p))) {
            return NULL;
        }
        if (!pp_at(p, PITH_T_COMMA) && !pp_at(p, PITH_T_RPAR) && !pp_at(p, PITH_T_COLON))
            return pp_invalid_syntax(p);
        if (!pp_set_context(p, t, PITH_CTX_Store)) return pp_fail(p);
        w->optional_vars = t;
    }
    return w;
}

/* '(' with_item (',' with_item)* [','] ')' ':' — speculative. */
static bool paren_with_items(Parser *p, Vec *items) {
    int m = pp_mark(p);
    pp_advance(p);
    for (;;) {
        PithWithItem *w = with_item(p);
        if (!w || !vec_push(p, items, w)) break;
        if (!pp_accept(p, PITH_T_COMMA)) break;
        if (pp_at(p, PITH_T_RPAR)) break;
    }
    if (!p->error && pp_accept(p, PITH_T_RPAR) && pp_at(p, PITH_T_COLON)) return true;
    if (p->tok_failed) return false;
    items->len = 0;
    pp_reset(p, m);
    return false;
}

static PithStmt *with_stmt(Parser *p, Pos s, bool is_async) {
    pp_advance(p); /* with */
    Vec items;
    vec_init(&items);
    if (!(pp_at(p, PITH_T_LPAR) && paren_with_items(p, &items))) {
        if (p->tok_failed) goto fail;
        do {
            PithWithItem *w = with_item(p);
            if (!w || !vec_push(p, &items, w)) goto fail;
        } while (pp_accept(p, PITH_T_COMMA));
    }
    PithAstSeq *body = colon_block(p, "'with' statement", s.lineno);
    if (!body) goto fail;
    PithStmt *st = pp_stmt(p, is_async ? PITH_S_AsyncWith : PITH_S_With, s);
    if (!st) goto fail;
    st->v.With.items = vec_finish(p, &items);
    st->v.With.body = body;
    end_at_stmt(p, st, body);
    return st;
fail:
    vec_free(&items);
    return pp_fail(p);
}

static PithExceptHandler *except_clause(Parser *p, bool *star) {
    Pos s = pp_start(p);
    pp_advance(p); /* except */
    *star = pp_accept(p, PITH_T_STAR);
    PithExceptHandler *h = pp_alloc(p, sizeof *h);
    if (!h) return NULL;
    if (!pp_at(p, PITH_T_COLON) || *star) {
        PithExpr *t = pp_expression(p);
        if (!t) return NULL;
        if (pp_at(p, PITH_T_COMMA)) {
            /* except A, B: -> needs parentheses */
            PithExpr *ex = pp_star_expressions(p);
            (void)ex;
            return pp_error_range(p, t->lineno, t->col_offset, pp_last(p)->end_lineno, pp_last(p)->end_col,
                                  "multiple exception types must be parenthesized");
        }
        h->type = t;
        if (pp_accept_kw(p, PITH_KW_as)) {
            PithToken *n = pp_peek(p);
            if (n->type != PITH_T_NAME || n->kw) return pp_invalid_syntax(p);
            if (!(h->name = pp_name_obj(p, pp_advance(p)))) return NULL;
        }
    }
    h->body = colon_block(p, *star ? "'except*' statement" : "'except' statement", s.lineno);
    if (!h->body) return NULL;
    PithStmt *last = PITH_SEQ_GET(h->body, PITH_SEQ_LEN(h->body) - 1);
    h->lineno = s.lineno;
    h->col_offset = s.col;
    h->end_lineno = last->end_lineno;
    h->end_col_offset = last->end_col_offset;
    return h;
}

static PithStmt *try_stmt(Parser *p) {
    Pos s = pp_start(p);
    pp_advance(p);
    PithAstSeq *body = colon_block_f(p, "'try' statement", s.lineno, true);
    if (!body) return NULL;
    Vec handlers;
    vec_init(&handlers);
    int kind = 0; /* 1 except, 2 except* */
    while (pp_at_kw(p, PITH_KW_except)) {
        bool star = pp_peek_at(p, 1)->type == PITH_T_STAR;
        PithToken *et = pp_peek(p);
        if (kind && kind != (star ? 2 : 1)) {
            vec_free(&handlers);
            PithToken *last = star ? pp_peek_at(p, 1) : et;
            return pp_error_range(p, et->lineno, et->col, last->end_lineno, last->end_col,
                                  "cannot have both 'except' and 'except*' on the same 'try'");
        }
        PithExceptHandler *h = except_clause(p, &star);
        if (!h || !vec_push(p, &handlers, h)) {
            vec_free(&handlers);
            return pp_fail(p);
        }
        kind = star ? 2 : 1;
    }
    PithAstSeq *hs = vec_finish(p, &handlers);
    PithAstSeq *orelse = hs && PITH_SEQ_LEN(hs) ? else_block(p) : pp_empty_seq(p);
    PithAstSeq *final = NULL;
    if (!orelse) return NULL;
    if (pp_at_kw(p, PITH_KW_finally)) {
        int line = pp_advance(p)->lineno;
        if (!(final = colon_block_f(p, "'finally' statement", line, true))) return NULL;
    } else if (!(final = pp_empty_seq(p))) {
        return NULL;
    }
    if (!PITH_SEQ_LEN(hs) && !PITH_SEQ_LEN(final)) {
        PithToken *t = pp_peek(p);
        if (t->type == PITH_T_ERROR) return pp_fail(p);
        return pp_error_tok(p, t, &pith_exc_SyntaxError, "expected 'except' or 'finally' block");
    }
    PithStmt *st = pp_stmt(p, kind == 2 ? PITH_S_TryStar : PITH_S_Try, s);
    if (!st) return NULL;
    st->v.Try.body = body;
    st->v.Try.handlers = hs;
    st->v.Try.orelse = orelse;
    st->v.Try.finalbody = final;
    if (PITH_SEQ_LEN(final)) end_at_stmt(p, st, final);
    else if (PITH_SEQ_LEN(orelse)) end_at_stmt(p, st, orelse);
    else {
        PithExceptHandler *h = PITH_SEQ_GET(hs, PITH_SEQ_LEN(hs) - 1);
        st->end_lineno = h->end_lineno;
        st->end_col_offset = h->end_col_offset;
    }
    return st;
}

static PithStmt *funcdef(Parser *p, Pos s, bool is_async, PithAstSeq *decorators) {
    int line = pp_advance(p)->lineno; /* def */
    PithToken *n = pp_peek(p);
    if (n->type != PITH_T_NAME || n->kw) return pp_invalid_syntax(p);
    pp_advance(p);
    PithObject *name = pp_name_obj(p, n);
    if (!name || !pp_expect_msg(p, PITH_T_LPAR, "expected '('")) return pp_fail(p);
    p->depth++;
    PithArguments *args = pp_parameters(p, false, PITH_T_RPAR);
    p->depth--;
    if (!args || !pp_expect(p, PITH_T_RPAR)) return pp_fail(p);
    PithExpr *returns = NULL;
    if (pp_accept(p, PITH_T_RARROW) && !(returns = pp_expression(p))) return NULL;
    PithAstSeq *body = colon_block_f(p, "function definition", line, true);
    if (!body) return NULL;
    PithStmt *st = pp_stmt(p, is_async ? PITH_S_AsyncFunctionDef : PITH_S_FunctionDef, s);
    if (!st) return NULL;
    st->v.FunctionDef.name = name;
    st->v.FunctionDef.args = args;
    st->v.FunctionDef.body = body;
    st->v.FunctionDef.decorator_list = decorators;
    st->v.FunctionDef.returns = returns;
    end_at_stmt(p, st, body);
    return st;
}

static PithStmt *classdef(Parser *p, PithAstSeq *decorators) {
    Pos s = pp_start(p);
    pp_advance(p);
    PithToken *n = pp_peek(p);
    if (n->type != PITH_T_NAME || n->kw) return pp_invalid_syntax(p);
    pp_advance(p);
    PithObject *name = pp_name_obj(p, n);
    if (!name) return NULL;
    PithAstSeq *bases = NULL, *kws = NULL;
    if (pp_at(p, PITH_T_LPAR)) {
        PithExpr *call = pp_class_arguments(p);
        if (!call) return NULL;
        bases = call->v.Call.args;
        kws = call->v.Call.keywords;
    } else if (!(bases = pp_empty_seq(p)) || !(kws = pp_empty_seq(p))) {
        return NULL;
    }
    PithAstSeq *body = colon_block(p, "class definition", s.lineno);
    if (!body) return NULL;
    PithStmt *st = pp_stmt(p, PITH_S_ClassDef, s);
    if (!st) return NULL;
    st->v.ClassDef.name = name;
    st->v.ClassDef.bases = bases;
    st->v.ClassDef.keywords = kws;
    st->v.ClassDef.body = body;
    st->v.ClassDef.decorator_list = decorators;
    end_at_stmt(p, st, body);
    return st;
}

static PithStmt *decorated(Parser *p) {
    Vec v;
    vec_init(&v);
    while (pp_accept(p, PITH_T_AT)) {
        PithExpr *d = pp_named_expression(p);
        if (!d || !vec_push(p, &v, d) || !pp_expect(p, PITH_T_NEWLINE)) {
            vec_free(&v);
            return pp_fail(p);
        }
    }
    PithAstSeq *decos = vec_finish(p, &v);
    if (!decos) return NULL;
    Pos s = pp_start(p);
    if (pp_at_kw(p, PITH_KW_def)) return funcdef(p, s, false, decos);
    if (pp_at_kw(p, PITH_KW_async) && pp_peek_at(p, 1)->kw == PITH_KW_def) {
        pp_advance(p);
        return funcdef(p, s, true, decos);
    }
    if (pp_at_kw(p, PITH_KW_class)) return classdef(p, decos);
    return pp_invalid_syntax(p);
}

static PithStmt *async_stmt(Parser *p) {
    Pos s = pp_start(p);
    PithToken *n = pp_peek_at(p, 1);
    if (n->kw == PITH_KW_def) {
        pp_advance(p);
        PithAstSeq *d = pp_empty_seq(p);
        return d ? funcdef(p, s, true, d) : NULL;
    }
    if (n->kw == PITH_KW_for) {
        pp_advance(p);
        return for_stmt(p, s, true);
    }
    if (n->kw == PITH_KW_with) {
        pp_advance(p);
        return with_stmt(p, s, true);
    }
    pp_advance(p);
    return pp_invalid_syntax(p);
}

static PithStmt *compound_stmt(Parser *p, bool *is_compound) {
    PithToken *t = pp_peek(p);
    *is_compound = true;
    if (t->type == PITH_T_AT) return decorated(p);
    if (t->type == PITH_T_NAME) {
        PithAstSeq *none;
        Pos s = pp_start(p);
        switch (t->kw) {
        case PITH_KW_if: return if_stmt(p, false);
        case PITH_KW_while: return while_stmt(p);
        case PITH_KW_for: return for_stmt(p, s, false);
        case PITH_KW_try: return try_stmt(p);
        case PITH_KW_with: return with_stmt(p, s, false);
        case PITH_KW_def:
            none = pp_empty_seq(p);
            return none ? funcdef(p, s, false, none) : NULL;
        case PITH_KW_class:
            none = pp_empty_seq(p);
            return none ? classdef(p, none) : NULL;
        case PITH_KW_async: return async_stmt(p);
        case 0:
            if (pp_tok_is(t, "match")) {
                PithStmt *m = pp_match_stmt(p);
                if (m || p->error) return m;
            }
            break;
        default: break;
        }
    }
    *is_compound = false;
    return NULL;
}

bool pp_statement(Parser *p, Vec *out) {
    bool is_compound;
    PithStmt *st = compound_stmt(p, &is_compound);
    if (is_compound) return st && vec_push(p, out, st);
    if (p->error) return false;
    if (pp_at(p, PITH_T_INDENT)) {
        pp_invalid_syntax(p);
        return false;
    }
    return pp_statement_list(p, out) != NULL;
}
