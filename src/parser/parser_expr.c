/* parser_expr.c — expression rules of the Python 3.11 grammar: from
 * star_expressions down to atoms, calls, subscripts, displays,
 * comprehensions, lambda and the parameter lists shared with `def`.
 * Also target validation (expr_context) with CPython's error messages.
 */
#include "parser_internal.h"

#include <string.h>

static PithExpr *parse_atom_or_group(Parser *p);

/* ---- helpers ------------------------------------------------------------------ */

bool pp_starts_expr(PithToken *t) {
    switch (t->type) {
    case PITH_T_NAME:
        switch (t->kw) {
        case 0: case PITH_KW_None: case PITH_KW_True: case PITH_KW_False:
        case PITH_KW_not: case PITH_KW_lambda: case PITH_KW_await:
            return true;
        default:
            return false;
        }
    case PITH_T_NUMBER: case PITH_T_STRING: case PITH_T_LPAR: case PITH_T_LSQB:
    case PITH_T_LBRACE: case PITH_T_MINUS: case PITH_T_PLUS: case PITH_T_TILDE:
    case PITH_T_ELLIPSIS:
        return true;
    default:
        return false;
    }
}


void *pp_after_expr_error(Parser *p, PithExpr *a) {
    if (p->error) return NULL;
    PithToken *nt = pp_peek(p);
    bool legacy = a->kind == PITH_E_Name &&
                  (pith_str_eq_cstr(a->v.Name.id, "print") || pith_str_eq_cstr(a->v.Name.id, "exec"));
    if (legacy && pp_starts_expr(nt) && nt->type != PITH_T_LPAR) {
        int m = pp_mark(p);
        PithExpr *b = pp_star_expressions(p);
        if (b) {
            const char *n = pith_str_utf8(a->v.Name.id);
            return pp_error_expr_range(p, a, b,
                                       "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                       n, n);
        }
        if (p->tok_failed) return NULL;
        pp_reset(p, m);
    }
    if (p->depth > 0 && !legacy && pp_starts_expr(nt) &&
        !(a->kind == PITH_E_Name && nt->type == PITH_T_STRING)) {
        int m = pp_mark(p);
        PithExpr *b = pp_expression(p);
        if (b) {
            pp_reset(p, m);
            return pp_error_expr_range(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
        }
        if (p->tok_failed) return NULL;
        pp_reset(p, m);
    }
    return pp_invalid_syntax(p);
}

static PithExpr *new_name(Parser *p, PithToken *t, PithExprContext ctx) {
    Pos s = {t->lineno, t->col};
    PithExpr *e = pp_expr(p, PITH_E_Name, s);
    if (!e) return NULL;
    e->end_lineno = t->end_lineno;
    e->end_col_offset = t->end_col;
    e->v.Name.id = pp_name_obj(p, t);
    e->v.Name.ctx = ctx;
    return e->v.Name.id ? e : NULL;
}

/* Positions of composite nodes run from the first token of the rule (which
 * may be a '(' of a parenthesised operand) to the last token consumed. */
static PithExpr *new_binop(Parser *p, Pos s, PithExpr *l, PithOperator op, PithExpr *r) {
    PithExpr *e = pp_expr(p, PITH_E_BinOp, s);
    if (!e) return NULL;
    e->v.BinOp.left = l;
    e->v.BinOp.op = op;
    e->v.BinOp.right = r;
    return e;
}

static PithExpr *new_const(Parser *p, PithObject *v, Pos s) {
    PithExpr *e = pp_expr(p, PITH_E_Constant, s);
    if (e) e->v.Constant.value = v;
    return e;
}

/* ---- expr names / targets ------------------------------------------------------ */

/* Could e have been produced by the bitwise_or rule (and is not one of the
 * exclusions of invalid_named_expression)? */
bool pp_bitwise_or_level(PithExpr *e) {
    switch (e->kind) {
    case PITH_E_BoolOp: case PITH_E_Compare: case PITH_E_IfExp: case PITH_E_Lambda:
    case PITH_E_NamedExpr: case PITH_E_List: case PITH_E_Tuple: case PITH_E_GeneratorExp:
        return false;
    case PITH_E_UnaryOp: return e->v.UnaryOp.op != PITH_UNARY_Not;
    case PITH_E_Constant:
        return e->v.Constant.value != PITH_TRUE && e->v.Constant.value != PITH_FALSE &&
               e->v.Constant.value != PITH_NONE;
    default: return true;
    }
}

const char *pp_expr_name(PithExpr *e) {
    switch (e->kind) {
    case PITH_E_Attribute: return "attribute";
    case PITH_E_Subscript: return "subscript";
    case PITH_E_Starred: return "starred";
    case PITH_E_Name: return "name";
    case PITH_E_List: return "list";
    case PITH_E_Tuple: return "tuple";
    case PITH_E_Lambda: return "lambda";
    case PITH_E_Call: return "function call";
    case PITH_E_BoolOp: case PITH_E_BinOp: case PITH_E_UnaryOp: return "expression";
    case PITH_E_GeneratorExp: return "generator expression";
    case PITH_E_Yield: case PITH_E_YieldFrom: return "yield expression";
    case PITH_E_Await: return "await expression";
    case PITH_E_ListComp: return "list comprehension";
    case PITH_E_SetComp: return "set comprehension";
    case PITH_E_DictComp: return "dict comprehension";
    case PITH_E_Dict: return "dict literal";
    case PITH_E_Set: return "set display";
    case PITH_E_JoinedStr: case PITH_E_FormattedValue: return "f-string expression";
    case PITH_E_Constant: {
        PithObject *v = e->v.Constant.value;
        if (v == PITH_NONE) return "None";
        if (v == PITH_TRUE) return "True";
        if (v == PITH_FALSE) return "False";
        if (v == PITH_ELLIPSIS) return "ellipsis";
        return "literal";
    }
    case PITH_E_Compare: return "comparison";
    case PITH_E_IfExp: return "conditional expression";
    case PITH_E_NamedExpr: return "named expression";
    default: return "expression";
    }
}

/* kind: 0 star targets, 1 del targets, 2 for targets. NULL = all valid. */
PithExpr *pp_invalid_target(PithExpr *e, int kind) {
    switch (e->kind) {
    case PITH_E_List: case PITH_E_Tuple: {
        PithAstSeq *elts = e->kind == PITH_E_List ? e->v.List.elts : e->v.Tuple.elts;
        for (intptr_t i = 0; i < PITH_SEQ_LEN(elts); i++) {
            PithExpr *c = pp_invalid_target(PITH_SEQ_GET(elts, i), kind);
            if (c) return c;
        }
        return NULL;
    }
    case PITH_E_Starred:
        if (kind == 1) return e;
        return pp_invalid_target(e->v.Starred.value, kind);
    case PITH_E_Compare:
        if (kind == 2) {
            if ((intptr_t)PITH_SEQ_GET(e->v.Compare.ops, 0) == PITH_CMP_In)
                return pp_invalid_target(e->v.Compare.left, kind);
            return NULL;
        }
        return e;
    case PITH_E_Name: case PITH_E_Subscript: case PITH_E_Attribute:
        return NULL;
    default:
        return e;
    }
}

/* Set ctx recursively; false when e is not a valid target (no error). */
static bool set_ctx(PithExpr *e, PithExprContext ctx) {
    switch (e->kind) {
    case PITH_E_Name: e->v.Name.ctx = ctx; return true;
    case PITH_E_Attribute: e->v.Attribute.ctx = ctx; return true;
    case PITH_E_Subscript: e->v.Subscript.ctx = ctx; return true;
    case PITH_E_Starred:
        e->v.Starred.ctx = ctx;
        return ctx != PITH_CTX_Del && set_ctx(e->v.Starred.value, ctx);
    case PITH_E_List: case PITH_E_Tuple: {
        PithAstSeq *elts = e->kind == PITH_E_List ? e->v.List.elts : e->v.Tuple.elts;
        if (e->kind == PITH_E_List) e->v.List.ctx = ctx;
        else e->v.Tuple.ctx = ctx;
        for (intptr_t i = 0; i < PITH_SEQ_LEN(elts); i++)
            if (!set_ctx(PITH_SEQ_GET(elts, i), ctx)) return false;
        return true;
    }
    default:
        return false;
    }
}

bool pp_set_context(Parser *p, PithExpr *e, PithExprContext ctx) {
    if (set_ctx(e, ctx)) return true;
    PithExpr *bad = pp_invalid_target(e, ctx == PITH_CTX_Del ? 1 : 0);
    if (!bad) {
        pp_invalid_syntax(p);
        return false;
    }
    pp_error_expr(p, bad, ctx == PITH_CTX_Del ? "cannot delete %s" : "cannot assign to %s",
                  pp_expr_name(bad));
    return false;
}

/* ---- comprehensions ------------------------------------------------------------- */

PithExpr *pp_star_targets(Parser *p) {
    Pos s = pp_start(p);
    Vec v;
    vec_init(&v);
    bool comma = false;
    for (;;) {
        Pos es = pp_start(p);
        PithExpr *e;
        if (pp_accept(p, PITH_T_STAR)) {
            PithExpr *inner = pp_bitwise_or(p);
            if (!inner) goto fail;
            e = pp_expr(p, PITH_E_Starred, es);
            if (!e) goto fail;
            e->v.Starred.value = inner;
        } else {
            e = pp_bitwise_or(p);
        }
        if (!e || !vec_push(p, &v, e)) goto fail;
        if (!pp_at(p, PITH_T_COMMA)) break;
        pp_advance(p);
        comma = true;
        if (pp_at_kw(p, PITH_KW_in) || pp_at(p, PITH_T_EQUAL)) break;
    }
    PithExpr *r;
    if (!comma) {
        r = v.items[0];
        vec_free(&v);
    } else {
        r = pp_expr(p, PITH_E_Tuple, s);
        if (!r) goto fail;
        r->v.Tuple.elts = vec_finish(p, &v);
    }
    if (!set_ctx(r, PITH_CTX_Store)) {
        PithExpr *bad = pp_invalid_target(r, 2);
        if (bad) return pp_error_expr(p, bad, "cannot assign to %s", pp_expr_name(bad));
        return pp_invalid_syntax(p);
    }
    return r;
fail:
    vec_free(&v);
    return pp_fail(p);
}

/* for_if_clauses: ('async'? 'for' star_targets 'in' disjunction ('if' disjunction)*)+ */
static PithAstSeq *comprehension_clauses(Parser *p) {
    Vec gens;
    vec_init(&gens);
    while (pp_at_kw(p, PITH_KW_for) ||
           (pp_at_kw(p, PITH_KW_async) && pp_peek_at(p, 1)->kw == PITH_KW_for)) {
        PithComprehension *c = pp_alloc(p, sizeof *c);
        if (!c) goto fail;
        c->is_async = pp_accept_kw(p, PITH_KW_async);
        pp_advance(p);
        if (!(c->target = pp_star_targets(p))) goto fail;
        if (!pp_expect_kw(p, PITH_KW_in)) goto fail;
        if (!(c->iter = pp_disjunction(p))) goto fail;
        Vec ifs;
        vec_init(&ifs);
        while (pp_accept_kw(p, PITH_KW_if)) {
            PithExpr *cond = pp_disjunction(p);
            if (!cond || !vec_push(p, &ifs, cond)) {
                vec_free(&ifs);
                goto fail;
            }
        }
        if (!(c->ifs = vec_finish(p, &ifs)) || !vec_push(p, &gens, c)) goto fail;
    }
    return vec_finish(p, &gens);
fail:
    vec_free(&gens);
    return pp_fail(p);
}

static bool at_comp_for(Parser *p) {
    return pp_at_kw(p, PITH_KW_for) ||
           (pp_at_kw(p, PITH_KW_async) && pp_peek_at(p, 1)->kw == PITH_KW_for);
}

/* ---- lambda / parameters ---------------------------------------------------------- */

static PithArg *parse_param(Parser *p, bool annotated, bool star_annotation) {
    PithToken *t = pp_peek(p);
    if (t->type != PITH_T_NAME || t->kw) return pp_invalid_syntax(p);
    pp_advance(p);
    PithArg *a = pp_alloc(p, sizeof *a);
    if (!a || !(a->arg = pp_name_obj(p, t))) return pp_fail(p);
    a->lineno = t->lineno;
    a->col_offset = t->col;
    if (annotated && pp_accept(p, PITH_T_COLON)) {
        if (star_annotation && pp_at(p, PITH_T_STAR)) {
            Pos s = pp_start(p);
            pp_advance(p);
            PithExpr *v = pp_bitwise_or(p);
            if (!v || !(a->annotation = pp_expr(p, PITH_E_Starred, s))) return pp_fail(p);
            a->annotation->v.Starred.value = v;
            a->annotation->v.Starred.ctx = PITH_CTX_Load;
        } else if (!(a->annotation = pp_expression(p))) {
            return pp_fail(p);
        }
    }
    PithToken *l = pp_last(p);
    a->end_lineno = l->end_lineno;
    a->end_col_offset = l->end_col;
    return a;
}

typedef struct ParamState {
    Vec posonly, args, defaults, kwonly, kwdefaults;
    PithArg *vararg, *kwarg;
    bool seen_star, seen_slash, seen_default;
} ParamState;

static void params_free(ParamState *st) {
    vec_free(&st->posonly);
    vec_free(&st->args);
    vec_free(&st->defaults);
    vec_free(&st->kwonly);
    vec_free(&st->kwdefaults);
}

static bool param_slash(Parser *p, ParamState *st) {
    PithToken *t = pp_peek(p);
    if (st->seen_slash) return pp_error_tok(p, t, &pith_exc_SyntaxError, "/ may appear only once");
    if (st->seen_star) return pp_error_tok(p, t, &pith_exc_SyntaxError, "/ must be ahead of *");
    if (st->args.len == 0)
        return pp_error_tok(p, t, &pith_exc_SyntaxError, "at least one argument must precede /");
    pp_advance(p);
    st->seen_slash = true;
    for (intptr_t i = 0; i < st->args.len; i++)
        if (!vec_push(p, &st->posonly, st->args.items[i])) return false;
    st->args.len = 0;
    return true;
}

static bool param_star(Parser *p, ParamState *st, bool is_lambda, PithTokenType closer) {
    int star = p->pos; /* index: later fetches could move the buffer */
    if (st->seen_star)
        return pp_error_tok(p, &p->toks[star], &pith_exc_SyntaxError, "* argument may appear only once");
    pp_advance(p);
    st->seen_star = true;
    if (pp_at(p, PITH_T_COMMA) || pp_at(p, closer)) {
        PithToken *n = pp_at(p, PITH_T_COMMA) ? pp_peek_at(p, 1) : pp_peek(p);
        if (n->type == closer || n->type == PITH_T_DOUBLESTAR)
            return pp_error_tok(p, &p->toks[star], &pith_exc_SyntaxError,
                                "named arguments must follow bare *");
        return true;
    }
    if (!is_lambda && pp_at(p, PITH_T_EQUAL))
        return pp_error_tok(p, pp_peek(p), &pith_exc_SyntaxError,
                            "var-positional argument cannot have default value");
    st->vararg = parse_param(p, !is_lambda, true);
    if (st->vararg && pp_at(p, PITH_T_EQUAL))
        return pp_error_tok(p, pp_peek(p), &pith_exc_SyntaxError,
                            "var-positional argument cannot have default value");
    return st->vararg != NULL;
}

static bool param_plain(Parser *p, ParamState *st, bool is_lambda) {
    PithArg *a = parse_param(p, !is_lambda, false);
    if (!a) return false;
    PithExpr *dflt = NULL;
    if (pp_accept(p, PITH_T_EQUAL) && !(dflt = pp_expression(p))) return false;
    if (st->seen_star) {
        return vec_push(p, &st->kwonly, a) && vec_push(p, &st->kwdefaults, dflt);
    }
    if (dflt) {
        st->seen_default = true;
        return vec_push(p, &st->args, a) && vec_push(p, &st->defaults, dflt);
    }
    if (st->seen_default)
        return pp_error_range(p, a->lineno, a->col_offset, a->end_lineno, a->end_col_offset,
                              "non-default argument follows default argument");
    return vec_push(p, &st->args, a);
}

PithArguments *pp_parameters(Parser *p, bool is_lambda, PithTokenType closer) {
    ParamState st;
    memset(&st, 0, sizeof st);
    vec_init(&st.posonly);
    vec_init(&st.args);
    vec_init(&st.defaults);
    vec_init(&st.kwonly);
    vec_init(&st.kwdefaults);
    while (!pp_at(p, closer)) {
        if (st.kwarg) {
            pp_error_tok(p, pp_peek(p), &pith_exc_SyntaxError,
                         "arguments cannot follow var-keyword argument");
            goto fail;
        }
        bool ok;
        if (pp_at(p, PITH_T_SLASH)) ok = param_slash(p, &st);
        else if (pp_at(p, PITH_T_STAR)) ok = param_star(p, &st, is_lambda, closer);
        else if (pp_accept(p, PITH_T_DOUBLESTAR)) {
            ok = (st.kwarg = parse_param(p, !is_lambda, false)) != NULL;
            if (ok && pp_at(p, PITH_T_EQUAL)) {
                pp_error_tok(p, pp_peek(p), &pith_exc_SyntaxError,
                             "var-keyword argument cannot have default value");
                ok = false;
            }
        } else ok = param_plain(p, &st, is_lambda);
        if (!ok) goto fail;
        if (!pp_accept(p, PITH_T_COMMA)) break;
    }
    if (!pp_at(p, closer)) {
        pp_invalid_syntax(p);
        goto fail;
    }
    PithArguments *args = pp_alloc(p, sizeof *args);
    if (!args) goto fail;
    args->posonlyargs = vec_finish(p, &st.posonly);
    args->args = vec_finish(p, &st.args);
    args->defaults = vec_finish(p, &st.defaults);
    args->kwonlyargs = vec_finish(p, &st.kwonly);
    args->kw_defaults = vec_finish(p, &st.kwdefaults);
    args->vararg = st.vararg;
    args->kwarg = st.kwarg;
    return p->error ? NULL : args;
fail:
    params_free(&st);
    return pp_fail(p);
}

static PithExpr *lambdef(Parser *p) {
    Pos s = pp_start(p);
    pp_advance(p); /* lambda */
    PithArguments *args = pp_parameters(p, true, PITH_T_COLON);
    if (!args || !pp_expect(p, PITH_T_COLON)) return pp_fail(p);
    PithExpr *body = pp_expression(p);
    if (!body) return NULL;
    PithExpr *e = pp_expr(p, PITH_E_Lambda, s);
    if (!e) return NULL;
    e->v.Lambda.args = args;
    e->v.Lambda.body = body;
    return e;
}

/* ---- expression levels ------------------------------------------------------------ */

static PithExpr *expression(Parser *p);

PithExpr *pp_expression(Parser *p) {
    if (!pp_enter(p)) return NULL;
    PithExpr *e = expression(p);
    pp_leave(p);
    return e;
}

static PithExpr *expression(Parser *p) {
    if (pp_at_kw(p, PITH_KW_lambda)) return lambdef(p);
    Pos s = pp_start(p);
    PithExpr *a = pp_disjunction(p);
    if (!a || !pp_at_kw(p, PITH_KW_if)) return a;
    pp_advance(p);
    PithExpr *test = pp_disjunction(p);
    if (!test) return NULL;
    if (!pp_accept_kw(p, PITH_KW_else)) {
        if (pp_at(p, PITH_T_COLON)) return pp_invalid_syntax(p);
        return pp_error_expr_range(p, a, test, "expected 'else' after 'if' expression");
    }
    PithExpr *orelse = pp_expression(p);
    if (!orelse) return NULL;
    PithExpr *e = pp_expr(p, PITH_E_IfExp, s);
    if (!e) return NULL;
    e->v.IfExp.test = test;
    e->v.IfExp.body = a;
    e->v.IfExp.orelse = orelse;
    return e;
}

PithExpr *pp_named_expression(Parser *p) {
    bool name = pp_peek(p)->type == PITH_T_NAME && !pp_peek(p)->kw;
    PithTokenType next_type = name ? pp_peek_at(p, 1)->type : PITH_T_ERROR;
    PithToken *t = pp_peek(p);
    if (name && next_type == PITH_T_COLONEQUAL) {
        Pos s = pp_start(p);
        pp_advance(p);
        pp_advance(p);
        PithExpr *target = new_name(p, t, PITH_CTX_Store);
        PithExpr *v = target ? pp_expression(p) : NULL;
        if (!v) return pp_fail(p);
        PithExpr *e = pp_expr(p, PITH_E_NamedExpr, s);
        if (!e) return NULL;
        e->v.NamedExpr.target = target;
        e->v.NamedExpr.value = v;
        return e;
    }
    PithExpr *e = pp_expression(p);
    if (e && pp_at(p, PITH_T_COLONEQUAL))
        return pp_error_expr(p, e, "cannot use assignment expressions with %s", pp_expr_name(e));
    if (e && pp_at(p, PITH_T_EQUAL) && !p->in_kwarg && !p->in_fstring) {
        /* invalid_named_expression: `if x = 1:` */
        int m = pp_mark(p);
        pp_advance(p);
        bool bor = pp_starts_expr(pp_peek(p)) && !pp_at_kw(p, PITH_KW_not) &&
                   !pp_at_kw(p, PITH_KW_lambda);
        PithExpr *b = bor ? pp_bitwise_or(p) : NULL;
        if (b && !pp_at(p, PITH_T_EQUAL) && !pp_at(p, PITH_T_COLONEQUAL)) {
            if (e->kind == PITH_E_Name)
                return pp_error_expr_range(p, e, b,
                                           "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            if (pp_bitwise_or_level(e))
                return pp_error_expr(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                     pp_expr_name(e));
        }
        pp_reset(p, m);
    }
    return e;
}

PithExpr *pp_disjunction(Parser *p);
static PithExpr *inversion(Parser *p);

static PithExpr *boolop(Parser *p, int kw, PithBoolOp op, PithExpr *(*sub)(Parser *)) {
    Pos s = pp_start(p);
    PithExpr *a = sub(p);
    if (!a || !pp_at_kw(p, kw)) return a;
    Vec v;
    vec_init(&v);
    if (!vec_push(p, &v, a)) return NULL;
    while (pp_accept_kw(p, kw)) {
        PithExpr *b = sub(p);
        if (!b || !vec_push(p, &v, b)) {
            vec_free(&v);
            return pp_fail(p);
        }
    }
    PithExpr *e = pp_expr(p, PITH_E_BoolOp, s);
    if (!e) {
        vec_free(&v);
        return NULL;
    }
    e->v.BoolOp.op = op;
    e->v.BoolOp.values = vec_finish(p, &v);
    return e;
}

static PithExpr *conjunction(Parser *p) { return boolop(p, PITH_KW_and, PITH_BOOL_And, inversion); }

PithExpr *pp_disjunction(Parser *p) { return boolop(p, PITH_KW_or, PITH_BOOL_Or, conjunction); }

static int compare_op(Parser *p) {
    PithToken *t = pp_peek(p);
    switch (t->type) {
    case PITH_T_EQEQUAL: return PITH_CMP_Eq;
    case PITH_T_NOTEQUAL: return PITH_CMP_NotEq;
    case PITH_T_LESS: return PITH_CMP_Lt;
    case PITH_T_LESSEQUAL: return PITH_CMP_LtE;
    case PITH_T_GREATER: return PITH_CMP_Gt;
    case PITH_T_GREATEREQUAL: return PITH_CMP_GtE;
    case PITH_T_NAME:
        if (t->kw == PITH_KW_in) return PITH_CMP_In;
        if (t->kw == PITH_KW_is) return pp_peek_at(p, 1)->kw == PITH_KW_not ? PITH_CMP_IsNot : PITH_CMP_Is;
        if (t->kw == PITH_KW_not && pp_peek_at(p, 1)->kw == PITH_KW_in) return PITH_CMP_NotIn;
        return 0;
    default:
        return 0;
    }
}

static PithExpr *comparison(Parser *p) {
    Pos s = pp_start(p);
    PithExpr *a = pp_bitwise_or(p);
    if (!a) return NULL;
    int op = compare_op(p);
    if (!op) return a;
    Vec ops, cmps;
    vec_init(&ops);
    vec_init(&cmps);
    while ((op = compare_op(p)) != 0) {
        pp_advance(p);
        if (op == PITH_CMP_IsNot || op == PITH_CMP_NotIn) pp_advance(p);
        PithExpr *b = pp_bitwise_or(p);
        if (!b || !vec_push(p, &ops, (void *)(intptr_t)op) || !vec_push(p, &cmps, b)) {
            vec_free(&ops);
            vec_free(&cmps);
            return pp_fail(p);
        }
    }
    PithExpr *e = pp_expr(p, PITH_E_Compare, s);
    if (!e) {
        vec_free(&ops);
        vec_free(&cmps);
        return NULL;
    }
    e->v.Compare.left = a;
    e->v.Compare.ops = vec_finish(p, &ops);
    e->v.Compare.comparators = vec_finish(p, &cmps);
    return e;
}

/* Unary operator `op` at the current token, applied to operand(p). */
static PithExpr *unary(Parser *p, PithUnaryOp op, PithExpr *(*operand)(Parser *)) {
    Pos s = pp_start(p);
    pp_advance(p);
    if (!pp_enter(p)) return NULL;
    PithExpr *v = operand(p);
    pp_leave(p);
    if (!v) return NULL;
    PithExpr *e = pp_expr(p, PITH_E_UnaryOp, s);
    if (!e) return NULL;
    e->v.UnaryOp.op = op;
    e->v.UnaryOp.operand = v;
    return e;
}

static PithExpr *inversion(Parser *p) {
    if (!pp_at_kw(p, PITH_KW_not)) return comparison(p);
    return unary(p, PITH_UNARY_Not, inversion);
}

/* Binary operator levels, lowest to highest precedence. */
typedef struct BinLevel {
    PithTokenType tok[5];
    PithOperator op[5];
} BinLevel;

static const BinLevel bin_levels[] = {
    {{PITH_T_VBAR}, {PITH_OP_BitOr}},
    {{PITH_T_CIRCUMFLEX}, {PITH_OP_BitXor}},
    {{PITH_T_AMPER}, {PITH_OP_BitAnd}},
    {{PITH_T_LEFTSHIFT, PITH_T_RIGHTSHIFT}, {PITH_OP_LShift, PITH_OP_RShift}},
    {{PITH_T_PLUS, PITH_T_MINUS}, {PITH_OP_Add, PITH_OP_Sub}},
    {{PITH_T_STAR, PITH_T_SLASH, PITH_T_DOUBLESLASH, PITH_T_PERCENT, PITH_T_AT},
     {PITH_OP_Mult, PITH_OP_Div, PITH_OP_FloorDiv, PITH_OP_Mod, PITH_OP_MatMult}},
};
#define N_BIN_LEVELS ((int)(sizeof bin_levels / sizeof bin_levels[0]))

static PithExpr *factor(Parser *p);

static int level_op(Parser *p, int level) {
    PithTokenType t = pp_peek(p)->type;
    for (int i = 0; i < 5 && bin_levels[level].tok[i]; i++)
        if (bin_levels[level].tok[i] == t) return bin_levels[level].op[i];
    return 0;
}

static PithExpr *binary_level(Parser *p, int level) {
    if (level == N_BIN_LEVELS) return factor(p);
    Pos s = pp_start(p);
    PithExpr *a = binary_level(p, level + 1);
    int op;
    while (a && (op = level_op(p, level)) != 0) {
        pp_advance(p);
        PithExpr *b = binary_level(p, level + 1);
        a = b ? new_binop(p, s, a, (PithOperator)op, b) : NULL;
    }
    return a;
}

PithExpr *pp_bitwise_or(Parser *p) { return binary_level(p, 0); }

static PithExpr *power(Parser *p);

static PithExpr *factor(Parser *p) {
    PithTokenType t = pp_peek(p)->type;
    PithUnaryOp op = t == PITH_T_PLUS ? PITH_UNARY_UAdd : t == PITH_T_MINUS ? PITH_UNARY_USub
                   : t == PITH_T_TILDE ? PITH_UNARY_Invert : 0;
    if (!op) return power(p);
    return unary(p, op, factor);
}

static PithExpr *power(Parser *p) {
    Pos s = pp_start(p);
    PithExpr *a;
    if (pp_at_kw(p, PITH_KW_await)) {
        pp_advance(p);
        PithExpr *v = pp_primary(p);
        if (!v || !(a = pp_expr(p, PITH_E_Await, s))) return pp_fail(p);
        a->v.Await.value = v;
    } else {
        a = pp_primary(p);
    }
    if (!a || !pp_accept(p, PITH_T_DOUBLESTAR)) return a;
    if (!pp_enter(p)) return NULL;
    PithExpr *b = factor(p);
    pp_leave(p);
    return b ? new_binop(p, s, a, PITH_OP_Pow, b) : NULL;
}

/* ---- primary: calls, attributes, subscripts ---------------------------------------- */

/* A bare generator expression argument: `f(x for x in y)`; s = '(' position. */
static PithExpr *genexp_from(Parser *p, PithExpr *elt, Pos s) {
    PithAstSeq *gens = comprehension_clauses(p);
    if (!gens) return NULL;
    if (!pp_at(p, PITH_T_RPAR)) {
        if (pp_at(p, PITH_T_COMMA))
            return pp_error_range(p, elt->lineno, elt->col_offset, pp_last(p)->end_lineno,
                                  pp_last(p)->end_col, "Generator expression must be parenthesized");
        return pp_after_expr_error(p, elt);
    }
    pp_advance(p);
    PithExpr *e = pp_expr(p, PITH_E_GeneratorExp, s);
    if (!e) return NULL;
    e->v.GeneratorExp.elt = elt;
    e->v.GeneratorExp.generators = gens;
    return e;
}

static PithKeyword *new_keyword(Parser *p, PithObject *arg, PithExpr *v, Pos s) {
    PithKeyword *k = pp_alloc(p, sizeof *k);
    if (!k) return NULL;
    k->arg = arg;
    k->value = v;
    k->lineno = s.lineno;
    k->col_offset = s.col;
    k->end_lineno = pp_last(p)->end_lineno;
    k->end_col_offset = pp_last(p)->end_col;
    return k;
}

typedef struct CallState {
    Vec args, kws;
    bool seen_kw, seen_dstar;
    bool no_genexp; /* class bases: a bare generator is invalid */
} CallState;

/* `NAME = value` keyword argument, or an invalid `expr = value`. */
static bool keyword_arg(Parser *p, CallState *cs) {
    PithToken *t = pp_peek(p);
    Pos s = pp_start(p);
    if (t->kw == PITH_KW_True || t->kw == PITH_KW_False || t->kw == PITH_KW_None) {
        pp_advance(p);
        pp_advance(p);
        return pp_error_range(p, t->lineno, t->col, pp_last(p)->end_lineno, pp_last(p)->end_col,
                              "cannot assign to %s", pp_kw_text(t->kw));
    }
    pp_advance(p);
    pp_advance(p);
    PithObject *name = pp_name_obj(p, t);
    p->in_kwarg++;
    PithExpr *v = name ? pp_expression(p) : NULL;
    p->in_kwarg--;
    if (!v) return false;
    if (at_comp_for(p)) return pp_invalid_syntax(p);
    PithKeyword *k = new_keyword(p, name, v, s);
    cs->seen_kw = true;
    return k && vec_push(p, &cs->kws, k);
}

static bool positional_arg(Parser *p, CallState *cs, PithExpr *e, PithToken *first) {
    if (e->kind == PITH_E_Starred) {
        if (cs->seen_dstar)
            return pp_error_tok(p, first, &pith_exc_SyntaxError,
                                "iterable argument unpacking follows keyword argument unpacking");
    } else if (cs->seen_dstar || cs->seen_kw) {
        /* CPython reports these at the furthest token */
        return pp_error_tok(p, &p->toks[p->ntoks - 1], &pith_exc_SyntaxError,
                            cs->seen_dstar ? "positional argument follows keyword argument unpacking"
                                           : "positional argument follows keyword argument");
    }
    return vec_push(p, &cs->args, e);
}

static bool one_argument(Parser *p, CallState *cs, Pos lpar, int nargs_before) {
    /* peek ahead before holding t: fetching may move the token buffer */
    PithTokenType next_type = pp_peek(p)->type == PITH_T_NAME ? pp_peek_at(p, 1)->type : PITH_T_ERROR;
    PithToken *t = pp_peek(p);
    Pos s = pp_start(p);
    if (t->type == PITH_T_NAME && next_type == PITH_T_EQUAL &&
        (t->kw == 0 || t->kw == PITH_KW_True || t->kw == PITH_KW_False || t->kw == PITH_KW_None))
        return keyword_arg(p, cs);
    if (pp_accept(p, PITH_T_DOUBLESTAR)) {
        PithExpr *v = pp_expression(p);
        if (!v) return false;
        PithKeyword *k = new_keyword(p, NULL, v, s);
        cs->seen_dstar = true;
        return k && vec_push(p, &cs->kws, k);
    }
    PithExpr *e;
    if (pp_accept(p, PITH_T_STAR)) {
        PithExpr *v = pp_expression(p);
        if (!v || !(e = pp_expr(p, PITH_E_Starred, s))) return false;
        e->v.Starred.value = v;
        e->v.Starred.ctx = PITH_CTX_Load;
    } else {
        p->in_kwarg++;
        e = pp_named_expression(p);
        p->in_kwarg--;
        if (!e) return false;
        if (pp_at(p, PITH_T_EQUAL)) {
            pp_advance(p);
            return pp_error_range(p, e->lineno, e->col_offset, pp_last(p)->end_lineno, pp_last(p)->end_col,
                                  "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
        if (at_comp_for(p) && cs->no_genexp) return pp_invalid_syntax(p);
        if (at_comp_for(p)) {
            bool sole = nargs_before == 0 && cs->kws.len == 0;
            PithExpr *g = genexp_from(p, e, lpar);
            if (!g) return false;
            if (!sole) {
                return pp_error_range(p, e->lineno, e->col_offset, g->end_lineno, g->end_col_offset - 1,
                                      "Generator expression must be parenthesized");
            }
            p->pos--; /* leave ')' for the caller */
            return vec_push(p, &cs->args, g);
        }
    }
    return positional_arg(p, cs, e, t);
}

/* '(' already consumed. */
static bool call_arguments(Parser *p, PithAstSeq **args, PithAstSeq **kws, Pos lpar,
                           bool no_genexp) {
    CallState cs;
    memset(&cs, 0, sizeof cs);
    cs.no_genexp = no_genexp;
    vec_init(&cs.args);
    vec_init(&cs.kws);
    p->depth++;
    while (!pp_at(p, PITH_T_RPAR)) {
        if (!one_argument(p, &cs, lpar, (int)cs.args.len)) goto fail;
        if (pp_at(p, PITH_T_RPAR)) break;
        if (!pp_at(p, PITH_T_COMMA)) {
            PithExpr *last = cs.args.len ? cs.args.items[cs.args.len - 1]
                           : ((PithKeyword *)cs.kws.items[cs.kws.len - 1])->value;
            if (cs.args.len && last->kind == PITH_E_GeneratorExp && cs.args.len + cs.kws.len == 1)
                last = last->v.GeneratorExp.elt;
            pp_after_expr_error(p, last);
            goto fail;
        }
        pp_advance(p);
        if (cs.args.len == 1 && ((PithExpr *)cs.args.items[0])->kind == PITH_E_GeneratorExp &&
            ((PithExpr *)cs.args.items[0])->col_offset == lpar.col && !pp_at(p, PITH_T_RPAR)) {
            PithExpr *g = cs.args.items[0];
            pp_error_range(p, g->v.GeneratorExp.elt->lineno, g->v.GeneratorExp.elt->col_offset,
                           g->end_lineno, g->end_col_offset - 1, "Generator expression must be parenthesized");
            goto fail;
        }
    }
    p->depth--;
    pp_advance(p); /* ')' */
    *args = vec_finish(p, &cs.args);
    *kws = vec_finish(p, &cs.kws);
    return !p->error;
fail:
    p->depth--;
    vec_free(&cs.args);
    vec_free(&cs.kws);
    return pp_fail(p);
}

/* '(' arguments ')' of a class statement, as a Call node without func. */
PithExpr *pp_class_arguments(Parser *p) {
    Pos lpar = pp_start(p);
    pp_advance(p);
    PithAstSeq *args = NULL, *kws = NULL;
    if (!call_arguments(p, &args, &kws, lpar, true)) return NULL;
    PithExpr *e = pp_expr(p, PITH_E_Call, lpar);
    if (!e) return NULL;
    e->v.Call.args = args;
    e->v.Call.keywords = kws;
    return e;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static PithExpr *slice_item(Parser *p) {
    Pos s = pp_start(p);
    if (pp_accept(p, PITH_T_STAR)) {
        PithExpr *v = pp_bitwise_or(p);
        PithExpr *e = v ? pp_expr(p, PITH_E_Starred, s) : NULL;
        if (!e) return pp_fail(p);
        e->v.Starred.value = v;
        e->v.Starred.ctx = PITH_CTX_Load;
        return e;
    }
    PithExpr *lower = NULL, *upper = NULL, *step = NULL;
    if (!pp_at(p, PITH_T_COLON)) {
        lower = pp_named_expression(p);
        if (!lower || !pp_at(p, PITH_T_COLON)) return lower;
    }
    pp_advance(p);
    if (!pp_at(p, PITH_T_COLON) && !pp_at(p, PITH_T_COMMA) && !pp_at(p, PITH_T_RSQB) &&
        !(upper = pp_expression(p)))
        return NULL;
    if (pp_accept(p, PITH_T_COLON) && !pp_at(p, PITH_T_COMMA) && !pp_at(p, PITH_T_RSQB) &&
        !(step = pp_expression(p)))
        return NULL;
    PithExpr *e = pp_expr(p, PITH_E_Slice, s);
    if (!e) return NULL;
    e->v.Slice.lower = lower;
    e->v.Slice.upper = upper;
    e->v.Slice.step = step;
    return e;
}

/* '[' consumed: slices ']' */
static PithExpr *subscript_slices(Parser *p) {
    Pos s = pp_start(p);
    Vec v;
    vec_init(&v);
    bool tuple = false;
    p->depth++;
    for (;;) {
        PithExpr *e = slice_item(p);
        if (!e || !vec_push(p, &v, e)) goto fail;
        if (e->kind == PITH_E_Starred) tuple = true;
        if (!pp_accept(p, PITH_T_COMMA)) break;
        tuple = true;
        if (pp_at(p, PITH_T_RSQB)) break;
    }
    p->depth--;
    if (!pp_at(p, PITH_T_RSQB)) {
        pp_after_expr_error(p, v.items[v.len - 1]);
        vec_free(&v);
        return NULL;
    }
    PithExpr *r;
    if (!tuple) {
        r = v.items[0];
        vec_free(&v);
    } else {
        r = pp_expr(p, PITH_E_Tuple, s);
        if (!r) goto fail;
        r->v.Tuple.elts = vec_finish(p, &v);
        r->v.Tuple.ctx = PITH_CTX_Load;
    }
    pp_advance(p);
    return r;
fail:
    p->depth--;
    vec_free(&v);
    return pp_fail(p);
}

PithExpr *pp_primary(Parser *p) {
    Pos s = pp_start(p);
    PithExpr *a = pp_atom(p);
    while (a) {
        if (pp_at(p, PITH_T_DOT)) {
            pp_advance(p);
            PithToken *n = pp_peek(p);
            if (n->type != PITH_T_NAME || n->kw) return pp_invalid_syntax(p);
            pp_advance(p);
            PithExpr *e = pp_expr(p, PITH_E_Attribute, s);
            if (!e || !(e->v.Attribute.attr = pp_name_obj(p, n))) return pp_fail(p);
            e->v.Attribute.value = a;
            e->v.Attribute.ctx = PITH_CTX_Load;
            a = e;
        } else if (pp_at(p, PITH_T_LPAR)) {
            Pos lpar = pp_start(p);
            pp_advance(p);
            PithAstSeq *args = NULL, *kws = NULL;
            if (!call_arguments(p, &args, &kws, lpar, false)) return NULL;
            PithExpr *e = pp_expr(p, PITH_E_Call, s);
            if (!e) return NULL;
            e->v.Call.func = a;
            e->v.Call.args = args;
            e->v.Call.keywords = kws;
            a = e;
        } else if (pp_at(p, PITH_T_LSQB)) {
            pp_advance(p);
            PithExpr *sl = subscript_slices(p);
            if (!sl) return NULL;
            PithExpr *e = pp_expr(p, PITH_E_Subscript, s);
            if (!e) return NULL;
            e->v.Subscript.value = a;
            e->v.Subscript.slice = sl;
            e->v.Subscript.ctx = PITH_CTX_Load;
            a = e;
        } else {
            break;
        }
    }
    return a;
}

/* ---- atoms ----------------------------------------------------------------------------- */

PithExpr *pp_atom(Parser *p) {
    PithToken *t = pp_peek(p);
    Pos s = pp_start(p);
    switch (t->type) {
    case PITH_T_NAME:
        switch (t->kw) {
        case 0:
            pp_advance(p);
            return new_name(p, t, PITH_CTX_Load);
        case PITH_KW_None: pp_advance(p); return new_const(p, PITH_NONE, s);
        case PITH_KW_True: pp_advance(p); return new_const(p, PITH_TRUE, s);
        case PITH_KW_False: pp_advance(p); return new_const(p, PITH_FALSE, s);
        default: return pp_invalid_syntax(p);
        }
    case PITH_T_NUMBER: return pp_number(p);
    case PITH_T_STRING: return pp_strings(p);
    case PITH_T_ELLIPSIS: pp_advance(p); return new_const(p, PITH_ELLIPSIS, s);
    case PITH_T_LPAR: case PITH_T_LSQB: case PITH_T_LBRACE:
        return parse_atom_or_group(p);
    default:
        return pp_invalid_syntax(p);
    }
}

/* Elements of a display until `closer`; first element already parsed.
 * Returns the list; *comma set when a comma was seen. */
static PithAstSeq *display_elements(Parser *p, PithExpr *first, PithTokenType closer, bool *comma) {
    Vec v;
    vec_init(&v);
    if (!vec_push(p, &v, first)) return NULL;
    *comma = false;
    bool comp_ok = closer == PITH_T_RPAR; /* [a, b for ...] / {a, for ...} are errors */
    while (pp_at(p, PITH_T_COMMA)) {
        pp_advance(p);
        *comma = true;
        if (pp_at(p, closer)) break;
        if (!comp_ok && at_comp_for(p)) {
            PithToken *c = pp_last(p);
            vec_free(&v);
            return pp_error_range(p, first->lineno, first->col_offset, c->end_lineno, c->end_col,
                                  "did you forget parentheses around the comprehension target?");
        }
        PithExpr *e = pp_star_named_expression(p);
        if (!e || !vec_push(p, &v, e)) {
            vec_free(&v);
            return pp_fail(p);
        }
    }
    if (!pp_at(p, closer)) {
        if (!comp_ok && *comma && at_comp_for(p))
            pp_error_expr_range(p, first, v.items[v.len - 1],
                                "did you forget parentheses around the comprehension target?");
        else
            pp_after_expr_error(p, v.items[v.len - 1]);
        vec_free(&v);
        return NULL;
    }
    return vec_finish(p, &v);
}

static PithExpr *comp_node(Parser *p, PithExprKind kind, PithExpr *elt, Pos s, PithTokenType closer) {
    PithAstSeq *gens = comprehension_clauses(p);
    if (!gens) return NULL;
    if (!pp_at(p, closer)) return pp_after_expr_error(p, elt);
    pp_advance(p);
    PithExpr *e = pp_expr(p, kind, s);
    if (!e) return NULL;
    e->v.ListComp.elt = elt; /* same layout for ListComp/SetComp/GeneratorExp */
    e->v.ListComp.generators = gens;
    return e;
}

static PithExpr *paren_atom(Parser *p, Pos s) {
    if (pp_accept(p, PITH_T_RPAR)) {
        PithExpr *e = pp_expr(p, PITH_E_Tuple, s);
        if (e && !(e->v.Tuple.elts = pp_empty_seq(p))) return NULL;
        if (e) e->v.Tuple.ctx = PITH_CTX_Load;
        return e;
    }
    if (pp_at_kw(p, PITH_KW_yield)) {
        PithExpr *y = pp_yield_expr(p);
        if (!y) return NULL;
        if (!pp_at(p, PITH_T_RPAR)) return pp_invalid_syntax(p);
        pp_advance(p);
        return y;
    }
    PithExpr *first = pp_star_named_expression(p);
    if (!first) return NULL;
    if (first->kind != PITH_E_Starred && at_comp_for(p))
        return comp_node(p, PITH_E_GeneratorExp, first, s, PITH_T_RPAR);
    if (pp_at(p, PITH_T_RPAR) && first->kind != PITH_E_Starred) {
        pp_advance(p);
        return first;
    }
    bool comma;
    PithAstSeq *elts = display_elements(p, first, PITH_T_RPAR, &comma);
    if (!elts) return NULL;
    if (!comma) {
        /* (*x) */
        return pp_error_expr(p, first, "cannot use starred expression here");
    }
    pp_advance(p);
    PithExpr *e = pp_expr(p, PITH_E_Tuple, s);
    if (!e) return NULL;
    e->v.Tuple.elts = elts;
    e->v.Tuple.ctx = PITH_CTX_Load;
    return e;
}

static PithExpr *list_atom(Parser *p, Pos s) {
    PithExpr *e;
    if (pp_accept(p, PITH_T_RSQB)) {
        if (!(e = pp_expr(p, PITH_E_List, s)) || !(e->v.List.elts = pp_empty_seq(p))) return NULL;
        e->v.List.ctx = PITH_CTX_Load;
        return e;
    }
    PithExpr *first = pp_star_named_expression(p);
    if (!first) return NULL;
    if (first->kind != PITH_E_Starred && at_comp_for(p))
        return comp_node(p, PITH_E_ListComp, first, s, PITH_T_RSQB);
    bool comma;
    PithAstSeq *elts = display_elements(p, first, PITH_T_RSQB, &comma);
    if (!elts) return NULL;
    pp_advance(p);
    if (!(e = pp_expr(p, PITH_E_List, s))) return NULL;
    e->v.List.elts = elts;
    e->v.List.ctx = PITH_CTX_Load;
    return e;
}

/* One `key: value` or `**mapping` of a dict display; NULL key for **. */
static bool dict_item(Parser *p, Vec *keys, Vec *values) {
    if (pp_accept(p, PITH_T_DOUBLESTAR)) {
        PithExpr *v = pp_bitwise_or(p);
        return v && vec_push(p, keys, NULL) && vec_push(p, values, v);
    }
    PithExpr *k = pp_expression(p);
    if (!k) return false;
    if (!pp_at(p, PITH_T_COLON)) {
        if (pp_at(p, PITH_T_COMMA) || pp_at(p, PITH_T_RBRACE))
            return pp_error_range(p, k->lineno, k->end_col_offset - 1, k->end_lineno, -1,
                                  "':' expected after dictionary key");
        return pp_after_expr_error(p, k);
    }
    pp_advance(p);
    if (pp_at(p, PITH_T_COMMA) || pp_at(p, PITH_T_RBRACE)) {
        PithToken *c = pp_last(p);
        return pp_error_range(p, c->lineno, c->col, c->end_lineno, c->end_col,
                              "expression expected after dictionary key and ':'");
    }
    PithExpr *v = pp_expression(p);
    return v && vec_push(p, keys, k) && vec_push(p, values, v);
}

static PithExpr *dict_display(Parser *p, Pos s, Vec *keys, Vec *values) {
    while (pp_accept(p, PITH_T_COMMA) && !pp_at(p, PITH_T_RBRACE))
        if (!dict_item(p, keys, values)) goto fail;
    if (!pp_at(p, PITH_T_RBRACE)) {
        pp_after_expr_error(p, values->items[values->len - 1]);
        goto fail;
    }
    pp_advance(p);
    PithExpr *e = pp_expr(p, PITH_E_Dict, s);
    if (!e) goto fail;
    e->v.Dict.keys = vec_finish(p, keys);
    e->v.Dict.values = vec_finish(p, values);
    return e;
fail:
    vec_free(keys);
    vec_free(values);
    return pp_fail(p);
}

static PithExpr *dictcomp(Parser *p, Pos s, PithExpr *k, PithExpr *v) {
    PithAstSeq *gens = comprehension_clauses(p);
    if (!gens) return NULL;
    if (!pp_at(p, PITH_T_RBRACE)) return pp_after_expr_error(p, v);
    pp_advance(p);
    PithExpr *e = pp_expr(p, PITH_E_DictComp, s);
    if (!e) return NULL;
    e->v.DictComp.key = k;
    e->v.DictComp.value = v;
    e->v.DictComp.generators = gens;
    return e;
}

static PithExpr *brace_atom(Parser *p, Pos s) {
    Vec keys, values;
    vec_init(&keys);
    vec_init(&values);
    if (pp_at(p, PITH_T_RBRACE) || pp_at(p, PITH_T_DOUBLESTAR)) {
        if (pp_at(p, PITH_T_DOUBLESTAR) && !dict_item(p, &keys, &values)) goto fail;
        return dict_display(p, s, &keys, &values);
    }
    PithExpr *first = pp_star_named_expression(p);
    if (!first) return NULL;
    if (pp_at(p, PITH_T_COLON) && first->kind != PITH_E_Starred) {
        pp_advance(p);
        PithExpr *v = pp_expression(p);
        if (!v) return NULL;
        if (at_comp_for(p)) return dictcomp(p, s, first, v);
        if (!vec_push(p, &keys, first) || !vec_push(p, &values, v)) goto fail;
        return dict_display(p, s, &keys, &values);
    }
    if (first->kind != PITH_E_Starred && at_comp_for(p))
        return comp_node(p, PITH_E_SetComp, first, s, PITH_T_RBRACE);
    bool comma;
    PithAstSeq *elts = display_elements(p, first, PITH_T_RBRACE, &comma);
    if (!elts) return NULL;
    pp_advance(p);
    PithExpr *e = pp_expr(p, PITH_E_Set, s);
    if (e) e->v.Set.elts = elts;
    return e;
fail:
    vec_free(&keys);
    vec_free(&values);
    return pp_fail(p);
}

static PithExpr *parse_atom_or_group(Parser *p) {
    Pos s = pp_start(p);
    PithTokenType t = pp_advance(p)->type;
    int saved_kwarg = p->in_kwarg;
    p->in_kwarg = 0;
    p->depth++;
    PithExpr *e = t == PITH_T_LPAR ? paren_atom(p, s) : t == PITH_T_LSQB ? list_atom(p, s)
                                                                         : brace_atom(p, s);
    p->depth--;
    p->in_kwarg = saved_kwarg;
    return e;
}

/* ---- star expressions / yield ------------------------------------------------------- */

PithExpr *pp_star_named_expression(Parser *p) {
    if (!pp_at(p, PITH_T_STAR)) return pp_named_expression(p);
    Pos s = pp_start(p);
    pp_advance(p);
    PithExpr *v = pp_bitwise_or(p);
    PithExpr *e = v ? pp_expr(p, PITH_E_Starred, s) : NULL;
    if (!e) return pp_fail(p);
    e->v.Starred.value = v;
    e->v.Starred.ctx = PITH_CTX_Load;
    return e;
}

static PithExpr *star_expression(Parser *p) {
    if (!pp_at(p, PITH_T_STAR)) return pp_expression(p);
    return pp_star_named_expression(p);
}

static bool at_tuple_end(Parser *p) {
    PithToken *t = pp_peek(p);
    return !pp_starts_expr(t) && t->type != PITH_T_STAR;
}

/* star_expressions, or (star false) `expressions`: no '*' items. */
static PithExpr *expressions(Parser *p, bool star) {
    Pos s = pp_start(p);
    PithExpr *first = star ? star_expression(p) : pp_expression(p);
    if (!first || !pp_at(p, PITH_T_COMMA)) return first;
    Vec v;
    vec_init(&v);
    if (!vec_push(p, &v, first)) return NULL;
    while (pp_accept(p, PITH_T_COMMA)) {
        if (star ? at_tuple_end(p) : !pp_starts_expr(pp_peek(p))) break;
        PithExpr *e = star ? star_expression(p) : pp_expression(p);
        if (!e || !vec_push(p, &v, e)) {
            vec_free(&v);
            return pp_fail(p);
        }
    }
    PithExpr *e = pp_expr(p, PITH_E_Tuple, s);
    if (!e) {
        vec_free(&v);
        return NULL;
    }
    e->v.Tuple.elts = vec_finish(p, &v);
    e->v.Tuple.ctx = PITH_CTX_Load;
    return e;
}

PithExpr *pp_star_expressions(Parser *p) { return expressions(p, true); }

PithExpr *pp_expressions(Parser *p) { return expressions(p, false); }

PithExpr *pp_yield_expr(Parser *p) {
    Pos s = pp_start(p);
    pp_advance(p); /* yield */
    PithExpr *e;
    if (pp_accept_kw(p, PITH_KW_from)) {
        PithExpr *v = pp_expression(p);
        if (!v || !(e = pp_expr(p, PITH_E_YieldFrom, s))) return pp_fail(p);
        e->v.YieldFrom.value = v;
        return e;
    }
    PithExpr *v = NULL;
    if (!at_tuple_end(p) && !(v = pp_star_expressions(p))) return NULL;
    if (!(e = pp_expr(p, PITH_E_Yield, s))) return NULL;
    e->v.Yield.value = v;
    return e;
}
