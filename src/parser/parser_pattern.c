/* parser_pattern.c — the match statement (PEP 634): subject, case blocks,
 * guards and every pattern kind (value, singleton, capture, wildcard,
 * sequence with star, mapping with **rest, class, or, as, group).
 * `match`, `case` and `_` are soft keywords: a statement starting with
 * `match` is parsed as a match statement only if `match <subject> :`
 * followed by a NEWLINE parses; otherwise the caller backtracks.
 */
#include "parser_internal.h"

#include <string.h>

static PithPattern *pattern(Parser *p);
static PithPattern *closed_pattern(Parser *p);

static bool at_name(Parser *p) {
    PithToken *t = pp_peek(p);
    return t->type == PITH_T_NAME && !t->kw;
}

static PithObject *capture_name(Parser *p) {
    PithToken *t = pp_peek(p);
    if (t->type != PITH_T_NAME || t->kw) return pp_invalid_syntax(p);
    if (pp_tok_is(t, "_")) return pp_error_tok(p, t, &pith_exc_SyntaxError, "cannot use '_' as a target");
    return pp_name_obj(p, pp_advance(p));
}

/* ---- literal and value patterns --------------------------------------------------- */

/* signed_number ['+'|'-' imaginary]: builds Constant / UnaryOp / BinOp. */
static PithExpr *number_expr(Parser *p) {
    Pos s = pp_start(p);
    PithExpr *e;
    if (pp_accept(p, PITH_T_MINUS)) {
        if (!pp_at(p, PITH_T_NUMBER)) return pp_invalid_syntax(p);
        PithExpr *n = pp_number(p);
        if (!n || !(e = pp_expr(p, PITH_E_UnaryOp, s))) return pp_fail(p);
        e->v.UnaryOp.op = PITH_UNARY_USub;
        e->v.UnaryOp.operand = n;
    } else if (!(e = pp_number(p))) {
        return NULL;
    }
    if (pp_at(p, PITH_T_PLUS) || pp_at(p, PITH_T_MINUS)) {
        PithOperator op = pp_advance(p)->type == PITH_T_PLUS ? PITH_OP_Add : PITH_OP_Sub;
        if (!pp_at(p, PITH_T_NUMBER)) return pp_invalid_syntax(p);
        PithExpr *im = pp_number(p);
        if (!im) return NULL;
        if (!pith_complex_check(im->v.Constant.value))
            return pp_error_expr(p, im, "imaginary number required in complex literal");
        PithExpr *b = pp_expr(p, PITH_E_BinOp, s);
        if (!b) return NULL;
        b->v.BinOp.left = e;
        b->v.BinOp.op = op;
        b->v.BinOp.right = im;
        return b;
    }
    return e;
}

/* name_or_attr: NAME ('.' NAME)* as Name / Attribute (Load). */
static PithExpr *name_or_attr(Parser *p) {
    Pos s = pp_start(p);
    PithToken *t = pp_advance(p);
    PithExpr *e = pp_expr(p, PITH_E_Name, s);
    if (!e || !(e->v.Name.id = pp_name_obj(p, t))) return pp_fail(p);
    e->v.Name.ctx = PITH_CTX_Load;
    while (pp_at(p, PITH_T_DOT)) {
        pp_advance(p);
        if (!at_name(p)) return pp_invalid_syntax(p);
        PithToken *n = pp_advance(p);
        PithExpr *a = pp_expr(p, PITH_E_Attribute, s);
        if (!a || !(a->v.Attribute.attr = pp_name_obj(p, n))) return pp_fail(p);
        a->v.Attribute.value = e;
        a->v.Attribute.ctx = PITH_CTX_Load;
        e = a;
    }
    return e;
}

static PithPattern *value_pattern(Parser *p, PithExpr *v) {
    Pos s = {v->lineno, v->col_offset};
    PithPattern *pt = pp_pattern(p, PITH_P_MatchValue, s);
    if (pt) pt->v.MatchValue.value = v;
    return pt;
}

/* ---- class patterns --------------------------------------------------------------- */

static PithPattern *class_pattern(Parser *p, PithExpr *cls) {
    Pos s = {cls->lineno, cls->col_offset};
    pp_advance(p); /* ( */
    Vec pos, kwn, kwp;
    vec_init(&pos);
    vec_init(&kwn);
    vec_init(&kwp);
    while (!pp_at(p, PITH_T_RPAR)) {
        if (at_name(p) && pp_peek_at(p, 1)->type == PITH_T_EQUAL) {
            PithObject *n = pp_name_obj(p, pp_advance(p));
            pp_advance(p);
            PithPattern *v = n ? pattern(p) : NULL;
            if (!v || !vec_push(p, &kwn, n) || !vec_push(p, &kwp, v)) goto fail;
        } else {
            PithPattern *v = pattern(p);
            if (!v) goto fail;
            if (kwn.len) {
                pp_error_range(p, v->lineno, v->col_offset, v->end_lineno, v->end_col_offset,
                               "positional patterns follow keyword patterns");
                goto fail;
            }
            if (!vec_push(p, &pos, v)) goto fail;
        }
        if (!pp_accept(p, PITH_T_COMMA)) break;
    }
    if (!pp_expect(p, PITH_T_RPAR)) goto fail;
    PithPattern *pt = pp_pattern(p, PITH_P_MatchClass, s);
    if (!pt) goto fail;
    pt->v.MatchClass.cls = cls;
    pt->v.MatchClass.patterns = vec_finish(p, &pos);
    pt->v.MatchClass.kwd_attrs = vec_finish(p, &kwn);
    pt->v.MatchClass.kwd_patterns = vec_finish(p, &kwp);
    return pt;
fail:
    vec_free(&pos);
    vec_free(&kwn);
    vec_free(&kwp);
    return pp_fail(p);
}

/* ---- sequence / mapping ------------------------------------------------------------ */

static PithPattern *star_pattern(Parser *p) {
    Pos s = pp_start(p);
    pp_advance(p); /* * */
    PithObject *name = NULL;
    if (pp_at_soft(p, "_")) pp_advance(p);
    else if (!(name = capture_name(p))) return NULL;
    PithPattern *pt = pp_pattern(p, PITH_P_MatchStar, s);
    if (pt) pt->v.MatchStar.name = name;
    return pt;
}

static PithPattern *maybe_star(Parser *p) {
    return pp_at(p, PITH_T_STAR) ? star_pattern(p) : pattern(p);
}

/* Items until closer (not consumed); the first item may already be given. */
static bool sequence_items(Parser *p, Vec *v, PithTokenType closer) {
    while (!pp_at(p, closer)) {
        PithPattern *it = maybe_star(p);
        if (!it || !vec_push(p, v, it)) return false;
        if (!pp_accept(p, PITH_T_COMMA)) break;
    }
    return true;
}

static PithPattern *bracket_sequence(Parser *p, Pos s) {
    Vec v;
    vec_init(&v);
    if (!sequence_items(p, &v, PITH_T_RSQB) || !pp_expect(p, PITH_T_RSQB)) {
        vec_free(&v);
        return pp_fail(p);
    }
    PithPattern *pt = pp_pattern(p, PITH_P_MatchSequence, s);
    if (!pt) {
        vec_free(&v);
        return NULL;
    }
    pt->v.MatchSequence.patterns = vec_finish(p, &v);
    return pt;
}

/* '(' consumed: group pattern or parenthesised sequence. */
static PithPattern *paren_pattern(Parser *p, Pos s) {
    Vec v;
    vec_init(&v);
    if (pp_accept(p, PITH_T_RPAR)) goto seq;
    PithPattern *first = maybe_star(p);
    if (!first) return NULL;
    if (pp_accept(p, PITH_T_RPAR)) {
        if (first->kind != PITH_P_MatchStar) return first;
        if (!vec_push(p, &v, first)) return NULL;
        goto seq;
    }
    if (!vec_push(p, &v, first) || !pp_expect(p, PITH_T_COMMA) ||
        !sequence_items(p, &v, PITH_T_RPAR) || !pp_expect(p, PITH_T_RPAR)) {
        vec_free(&v);
        return pp_fail(p);
    }
seq:;
    PithPattern *pt = pp_pattern(p, PITH_P_MatchSequence, s);
    if (!pt) {
        vec_free(&v);
        return NULL;
    }
    pt->v.MatchSequence.patterns = vec_finish(p, &v);
    return pt;
}

static PithExpr *mapping_key(Parser *p) {
    PithToken *t = pp_peek(p);
    Pos s = pp_start(p);
    if (t->type == PITH_T_NUMBER || t->type == PITH_T_MINUS) return number_expr(p);
    if (t->type == PITH_T_STRING) return pp_strings(p);
    if (t->type == PITH_T_NAME && t->kw) {
        PithObject *v = t->kw == PITH_KW_None ? PITH_NONE : t->kw == PITH_KW_True ? PITH_TRUE
                      : t->kw == PITH_KW_False ? PITH_FALSE : NULL;
        if (!v) return pp_invalid_syntax(p);
        pp_advance(p);
        PithExpr *e = pp_expr(p, PITH_E_Constant, s);
        if (e) e->v.Constant.value = v;
        return e;
    }
    if (at_name(p) && pp_peek_at(p, 1)->type == PITH_T_DOT) return name_or_attr(p);
    return pp_invalid_syntax(p);
}

static PithPattern *mapping_pattern(Parser *p, Pos s) {
    Vec keys, pats;
    vec_init(&keys);
    vec_init(&pats);
    PithObject *rest = NULL;
    while (!pp_at(p, PITH_T_RBRACE)) {
        if (pp_accept(p, PITH_T_DOUBLESTAR)) {
            /* `**_` is plain invalid syntax (no "cannot use '_'" here) */
            if (pp_tok_is(pp_peek(p), "_")) {
                pp_invalid_syntax(p);
                goto fail;
            }
            if (!(rest = capture_name(p))) goto fail;
            pp_accept(p, PITH_T_COMMA);
            break;
        }
        PithExpr *k = mapping_key(p);
        if (!k || !pp_expect(p, PITH_T_COLON)) goto fail;
        PithPattern *v = pattern(p);
        if (!v || !vec_push(p, &keys, k) || !vec_push(p, &pats, v)) goto fail;
        if (!pp_accept(p, PITH_T_COMMA)) break;
    }
    if (!pp_expect(p, PITH_T_RBRACE)) goto fail;
    PithPattern *pt = pp_pattern(p, PITH_P_MatchMapping, s);
    if (!pt) goto fail;
    pt->v.MatchMapping.keys = vec_finish(p, &keys);
    pt->v.MatchMapping.patterns = vec_finish(p, &pats);
    pt->v.MatchMapping.rest = rest;
    return pt;
fail:
    vec_free(&keys);
    vec_free(&pats);
    return pp_fail(p);
}

/* ---- closed / or / as ------------------------------------------------------------ */

static PithPattern *singleton(Parser *p, PithObject *v) {
    Pos s = pp_start(p);
    pp_advance(p);
    PithPattern *pt = pp_pattern(p, PITH_P_MatchSingleton, s);
    if (pt) pt->v.MatchSingleton.value = v;
    return pt;
}

static PithPattern *name_pattern(Parser *p) {
    Pos s = pp_start(p);
    PithToken *nx = pp_peek_at(p, 1);
    if (nx->type == PITH_T_DOT || nx->type == PITH_T_LPAR) {
        PithExpr *e = name_or_attr(p);
        if (!e) return NULL;
        if (pp_at(p, PITH_T_LPAR)) return class_pattern(p, e);
        return value_pattern(p, e);
    }
    PithToken *t = pp_advance(p);
    PithPattern *pt = pp_pattern(p, PITH_P_MatchAs, s);
    if (!pt) return NULL;
    if (!pp_tok_is(t, "_") && !(pt->v.MatchAs.name = pp_name_obj(p, t))) return pp_fail(p);
    return pt;
}

static PithPattern *closed_pattern(Parser *p) {
    PithToken *t = pp_peek(p);
    Pos s = pp_start(p);
    switch (t->type) {
    case PITH_T_NUMBER: case PITH_T_MINUS: {
        PithExpr *e = number_expr(p);
        return e ? value_pattern(p, e) : NULL;
    }
    case PITH_T_STRING: {
        PithExpr *e = pp_strings(p);
        if (e && e->kind == PITH_E_JoinedStr)
            return pp_error_expr(p, e, "patterns may only match literals and attribute lookups");
        return e ? value_pattern(p, e) : NULL;
    }
    case PITH_T_NAME:
        if (t->kw == PITH_KW_None) return singleton(p, PITH_NONE);
        if (t->kw == PITH_KW_True) return singleton(p, PITH_TRUE);
        if (t->kw == PITH_KW_False) return singleton(p, PITH_FALSE);
        if (t->kw) return pp_invalid_syntax(p);
        return name_pattern(p);
    case PITH_T_LPAR:
        pp_advance(p);
        return paren_pattern(p, s);
    case PITH_T_LSQB:
        pp_advance(p);
        return bracket_sequence(p, s);
    case PITH_T_LBRACE:
        pp_advance(p);
        return mapping_pattern(p, s);
    default:
        return pp_invalid_syntax(p);
    }
}

static PithPattern *or_pattern(Parser *p) {
    Pos s = pp_start(p);
    PithPattern *first = closed_pattern(p);
    if (!first || !pp_at(p, PITH_T_VBAR)) return first;
    Vec v;
    vec_init(&v);
    if (!vec_push(p, &v, first)) return NULL;
    while (pp_accept(p, PITH_T_VBAR)) {
        PithPattern *n = closed_pattern(p);
        if (!n || !vec_push(p, &v, n)) {
            vec_free(&v);
            return pp_fail(p);
        }
    }
    PithPattern *pt = pp_pattern(p, PITH_P_MatchOr, s);
    if (!pt) {
        vec_free(&v);
        return NULL;
    }
    pt->v.MatchOr.patterns = vec_finish(p, &v);
    return pt;
}

static PithPattern *pattern(Parser *p) {
    Pos s = pp_start(p);
    PithPattern *pt = or_pattern(p);
    if (!pt || !pp_at_kw(p, PITH_KW_as)) return pt;
    pp_advance(p);
    PithToken *t = pp_peek(p);
    if (pp_tok_is(t, "_")) return pp_error_tok(p, t, &pith_exc_SyntaxError, "cannot use '_' as a target");
    if (t->type != PITH_T_NAME || t->kw) {
        if (pp_starts_expr(t)) {
            PithExpr *e = pp_expression(p);
            if (e) return pp_error_expr(p, e, "invalid pattern target");
            return NULL;
        }
        return pp_invalid_syntax(p);
    }
    PithObject *name = pp_name_obj(p, pp_advance(p));
    PithPattern *as = pp_pattern(p, PITH_P_MatchAs, s);
    if (!as || !name) return pp_fail(p);
    as->v.MatchAs.pattern = pt;
    as->v.MatchAs.name = name;
    return as;
}

/* patterns: open_sequence_pattern | pattern */
static PithPattern *case_patterns(Parser *p) {
    Pos s = pp_start(p);
    PithPattern *first = maybe_star(p);
    if (!first) return NULL;
    if (!pp_at(p, PITH_T_COMMA) && first->kind != PITH_P_MatchStar) return first;
    Vec v;
    vec_init(&v);
    if (!vec_push(p, &v, first)) return NULL;
    while (pp_accept(p, PITH_T_COMMA)) {
        if (pp_at(p, PITH_T_COLON) || pp_at_kw(p, PITH_KW_if)) break;
        PithPattern *n = maybe_star(p);
        if (!n || !vec_push(p, &v, n)) {
            vec_free(&v);
            return pp_fail(p);
        }
    }
    PithPattern *pt = pp_pattern(p, PITH_P_MatchSequence, s);
    if (!pt) {
        vec_free(&v);
        return NULL;
    }
    pt->v.MatchSequence.patterns = vec_finish(p, &v);
    return pt;
}

/* ---- the statement ------------------------------------------------------------------ */

static PithMatchCase *case_block(Parser *p) {
    int line = pp_advance(p)->lineno; /* case */
    PithMatchCase *mc = pp_alloc(p, sizeof *mc);
    if (!mc || !(mc->pattern = case_patterns(p))) return pp_fail(p);
    if (pp_accept_kw(p, PITH_KW_if) && !(mc->guard = pp_named_expression(p))) return NULL;
    if (!pp_at(p, PITH_T_COLON) && !pp_at(p, PITH_T_NEWLINE)) return pp_invalid_syntax(p);
    if (!pp_expect_msg(p, PITH_T_COLON, "expected ':'")) return NULL;
    Vec body;
    vec_init(&body);
    if (pp_accept(p, PITH_T_NEWLINE)) {
        if (!pp_at(p, PITH_T_INDENT))
            return pp_error_tok(p, pp_peek(p), &pith_exc_IndentationError,
                                "expected an indented block after 'case' statement on line %d", line);
        pp_advance(p);
        while (!pp_at(p, PITH_T_DEDENT) && !pp_at(p, PITH_T_ENDMARKER))
            if (p->error || !pp_statement(p, &body)) goto fail;
        pp_accept(p, PITH_T_DEDENT);
    } else if (!pp_statement_list(p, &body)) {
        goto fail;
    }
    if (!(mc->body = vec_finish(p, &body))) return NULL;
    return mc;
fail:
    vec_free(&body);
    return pp_fail(p);
}

/* subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
static PithExpr *subject(Parser *p) {
    Pos s = pp_start(p);
    PithExpr *first = pp_star_named_expression(p);
    if (!first || !pp_at(p, PITH_T_COMMA)) return first;
    Vec v;
    vec_init(&v);
    if (!vec_push(p, &v, first)) return NULL;
    while (pp_accept(p, PITH_T_COMMA) && !pp_at(p, PITH_T_COLON)) {
        PithExpr *e = pp_star_named_expression(p);
        if (!e || !vec_push(p, &v, e)) {
            vec_free(&v);
            return pp_fail(p);
        }
    }
    PithExpr *t = pp_expr(p, PITH_E_Tuple, s);
    if (!t) {
        vec_free(&v);
        return NULL;
    }
    t->v.Tuple.elts = vec_finish(p, &v);
    t->v.Tuple.ctx = PITH_CTX_Load;
    return t;
}

PithStmt *pp_match_stmt(Parser *p) {
    int m = pp_mark(p);
    Pos s = pp_start(p);
    pp_advance(p); /* match */
    if (!pp_starts_expr(pp_peek(p)) && !pp_at(p, PITH_T_STAR)) {
        pp_reset(p, m);
        return NULL;
    }
    PithExpr *subj = subject(p);
    if (!subj || !pp_at(p, PITH_T_COLON) || pp_peek_at(p, 1)->type != PITH_T_NEWLINE) {
        if (p->tok_failed) return pp_fail(p);
        pp_reset(p, m);
        return NULL;
    }
    pp_advance(p);
    pp_advance(p);
    if (!pp_at(p, PITH_T_INDENT))
        return pp_error_tok(p, pp_peek(p), &pith_exc_IndentationError,
                            "expected an indented block after 'match' statement on line %d", s.lineno);
    pp_advance(p);
    Vec cases;
    vec_init(&cases);
    while (pp_at_soft(p, "case")) {
        PithMatchCase *c = case_block(p);
        if (!c || !vec_push(p, &cases, c)) {
            vec_free(&cases);
            return pp_fail(p);
        }
    }
    if (!cases.len || !pp_at(p, PITH_T_DEDENT)) {
        vec_free(&cases);
        return pp_invalid_syntax(p);
    }
    pp_advance(p);
    PithStmt *st = pp_stmt(p, PITH_S_Match, s);
    if (!st) {
        vec_free(&cases);
        return NULL;
    }
    st->v.Match.subject = subj;
    st->v.Match.cases = vec_finish(p, &cases);
    PithMatchCase *last = PITH_SEQ_GET(st->v.Match.cases, PITH_SEQ_LEN(st->v.Match.cases) - 1);
    PithStmt *ls = PITH_SEQ_GET(last->body, PITH_SEQ_LEN(last->body) - 1);
    st->end_lineno = ls->end_lineno;
    st->end_col_offset = ls->end_col_offset;
    return st;
}
