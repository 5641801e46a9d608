/* compile_match.c — the match statement. Each case matches a copy of the
 * subject against its pattern; names are stored as soon as they are
 * captured. A pattern consumes the value on top of the stack. Failure
 * jumps to a "fail pop" landing pad that pops exactly the values pushed
 * since the case started (PatCtx.on_top counts them), then falls into the
 * next case. */
#include "compile_internal.h"

typedef struct PatCtx {
    int *fail_pop; /* fail_pop[k]: pops k values, then falls through */
    int nfail;
    int on_top;    /* values above the case's base, incl. the current subject */
} PatCtx;

static int pattern(Compiler *c, PithPattern *p, PatCtx *pc);

/* Label of the pad popping the current on_top values (-1 on error). */
static int fail_label(Compiler *c, PatCtx *pc) {
    int pops = pc->on_top;
    if (pops >= pc->nfail) {
        int *n = pith_mem_realloc(pc->fail_pop, sizeof(int) * (size_t)(pops + 1));
        if (!n) return (pith_err_no_memory(), -1);
        pc->fail_pop = n;
        for (int i = pc->nfail; i <= pops; i++) {
            n[i] = cu_new_label(c);
            if (n[i] < 0) return -1;
        }
        pc->nfail = pops + 1;
    }
    return pc->fail_pop[pops];
}

/* Jump with `op` (a POP_JUMP_*) to the pad popping the current on_top. */
static int jump_to_fail(Compiler *c, PatCtx *pc, int op) {
    int label = fail_label(c, pc);
    return label < 0 ? -1 : cu_emit(c, op, label);
}

/* Emit the landing pads (largest first, each falling into the next). */
static int emit_fail_pops(Compiler *c, PatCtx *pc) {
    for (int i = pc->nfail - 1; i >= 0; i--) {
        BIND(c, pc->fail_pop[i]);
        if (i > 0) ADDOP(c, POP_TOP);
    }
    pith_mem_free(pc->fail_pop);
    pc->fail_pop = NULL;
    pc->nfail = 0;
    return 0;
}

/* Store the subject into name (or drop it for `_`). */
static int capture(Compiler *c, PatCtx *pc, PithObject *name) {
    pc->on_top--;
    if (!name) {
        ADDOP(c, POP_TOP);
        return 0;
    }
    return cu_nameop(c, name, PITH_CTX_Store);
}

/* TOS is a bool replacing the subject: fail when false. */
static int check_bool(Compiler *c, PatCtx *pc) {
    pc->on_top--;
    return jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE);
}

/* TOS is attrs/values or None (on top of on_top values): fail on None. */
static int check_not_none(Compiler *c, PatCtx *pc) {
    ADDOP_I(c, COPY, 1);
    ADDOP_CONST(c, PITH_NONE);
    ADDOP_I(c, IS_OP, 1);
    return jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE);
}

static int load_int(Compiler *c, intptr_t v) {
    PithObject *o = pith_int_from_i64(v);
    if (!o) return -1;
    int r = cu_load_const(c, o);
    PITH_DECREF(o);
    return r;
}

/* Match the n values on top (first on top) against patterns in order. */
static int sub_patterns(Compiler *c, PithAstSeq *pats, PatCtx *pc) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(pats); i++) {
        PithPattern *p = PITH_SEQ_GET(pats, i);
        if (p->kind == PITH_P_MatchStar) CHECK(capture(c, pc, p->v.MatchStar.name));
        else CHECK(pattern(c, p, pc));
    }
    return 0;
}

static int pattern_sequence(Compiler *c, PithPattern *p, PatCtx *pc) {
    PithAstSeq *pats = p->v.MatchSequence.patterns;
    intptr_t n = PITH_SEQ_LEN(pats), star = -1;
    for (intptr_t i = 0; i < n; i++) {
        if (((PithPattern *)PITH_SEQ_GET(pats, i))->kind != PITH_P_MatchStar) continue;
        if (star >= 0) return cu_error(c, "multiple starred names in sequence pattern");
        star = i;
    }
    ADDOP(c, MATCH_SEQUENCE);
    CHECK(jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE));
    ADDOP(c, GET_LEN);
    CHECK(load_int(c, star < 0 ? n : n - 1));
    ADDOP_I(c, COMPARE_OP, star < 0 ? PITH_EQ : PITH_GE);
    CHECK(jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE));
    if (star < 0) ADDOP_I(c, UNPACK_SEQUENCE, (int)n);
    else ADDOP_I(c, UNPACK_EX, (int)star + (int)((n - star - 1) << 8));
    pc->on_top += (int)n - 1;
    return sub_patterns(c, pats, pc);
}

/* d = dict(subject) without the matched keys; stack: subj keys -> subj keys d */
static int mapping_rest(Compiler *c, PithAstSeq *keys) {
    ADDOP_I(c, BUILD_MAP, 0);
    ADDOP_I(c, COPY, 3);
    ADDOP_I(c, DICT_UPDATE, 1);
    for (intptr_t i = 0; i < PITH_SEQ_LEN(keys); i++) {
        ADDOP_I(c, COPY, 1);
        ADDOP_I(c, COPY, 3);
        CHECK(load_int(c, i));
        ADDOP(c, BINARY_SUBSCR);
        ADDOP(c, DELETE_SUBSCR);
    }
    return 0;
}

static int pattern_mapping(Compiler *c, PithPattern *p, PatCtx *pc) {
    PithAstSeq *keys = p->v.MatchMapping.keys, *pats = p->v.MatchMapping.patterns;
    intptr_t n = PITH_SEQ_LEN(keys);
    ADDOP(c, MATCH_MAPPING);
    CHECK(jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE));
    if (!n && !p->v.MatchMapping.rest) return capture(c, pc, NULL);
    if (n) {
        ADDOP(c, GET_LEN);
        CHECK(load_int(c, n));
        ADDOP_I(c, COMPARE_OP, PITH_GE);
        CHECK(jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE));
    }
    CHECK(cx_exprs(c, keys));
    ADDOP_I(c, BUILD_TUPLE, (int)n);
    ADDOP(c, MATCH_KEYS);
    pc->on_top += 2;
    CHECK(check_not_none(c, pc));
    ADDOP_I(c, UNPACK_SEQUENCE, (int)n);
    pc->on_top += (int)n - 1;
    CHECK(sub_patterns(c, pats, pc));
    if (p->v.MatchMapping.rest) {
        CHECK(mapping_rest(c, keys));
        CHECK(cu_nameop(c, p->v.MatchMapping.rest, PITH_CTX_Store));
    }
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_TOP);
    pc->on_top -= 2;
    return 0;
}

static int pattern_class(Compiler *c, PithPattern *p, PatCtx *pc) {
    PithAstSeq *pos = p->v.MatchClass.patterns, *attrs = p->v.MatchClass.kwd_attrs;
    intptr_t npos = PITH_SEQ_LEN(pos), nkw = PITH_SEQ_LEN(attrs);
    CHECK(cx_expr(c, p->v.MatchClass.cls));
    PithObject *names = pith_tuple_new(nkw);
    if (!names) return -1;
    for (intptr_t i = 0; i < nkw; i++)
        PITH_TUPLE_SET(names, i, PITH_NEWREF(PITH_SEQ_GET(attrs, i)));
    int r = cu_load_const(c, names);
    PITH_DECREF(names);
    CHECK(r);
    ADDOP_I(c, MATCH_CLASS, (int)npos);
    CHECK(check_not_none(c, pc));
    ADDOP_I(c, UNPACK_SEQUENCE, (int)(npos + nkw));
    pc->on_top += (int)(npos + nkw) - 1;
    CHECK(sub_patterns(c, pos, pc));
    return sub_patterns(c, p->v.MatchClass.kwd_patterns, pc);
}

static int pattern_or(Compiler *c, PithPattern *p, PatCtx *pc) {
    PithAstSeq *alts = p->v.MatchOr.patterns;
    intptr_t n = PITH_SEQ_LEN(alts);
    NEW_LABEL(c, end);
    for (intptr_t i = 0; i < n - 1; i++) {
        PatCtx sub = {NULL, 0, 1};
        ADDOP_I(c, COPY, 1);
        int r = pattern(c, PITH_SEQ_GET(alts, i), &sub);
        if (r == 0) r = cu_emit(c, PITH_OP_POP_TOP, 0);
        if (r == 0) r = cu_emit(c, PITH_OP_JUMP, end);
        if (r == 0) r = emit_fail_pops(c, &sub);
        pith_mem_free(sub.fail_pop);
        CHECK(r);
    }
    CHECK(pattern(c, PITH_SEQ_GET(alts, n - 1), pc));
    BIND(c, end);
    return 0;
}

static int pattern_inner(Compiler *c, PithPattern *p, PatCtx *pc) {
    switch (p->kind) {
    case PITH_P_MatchValue:
        CHECK(cx_expr(c, p->v.MatchValue.value));
        ADDOP_I(c, COMPARE_OP, PITH_EQ);
        return check_bool(c, pc);
    case PITH_P_MatchSingleton:
        ADDOP_CONST(c, p->v.MatchSingleton.value);
        ADDOP_I(c, IS_OP, 0);
        return check_bool(c, pc);
    case PITH_P_MatchSequence: return pattern_sequence(c, p, pc);
    case PITH_P_MatchMapping: return pattern_mapping(c, p, pc);
    case PITH_P_MatchClass: return pattern_class(c, p, pc);
    case PITH_P_MatchOr: return pattern_or(c, p, pc);
    case PITH_P_MatchStar: return cu_error(c, "can't use starred name here");
    case PITH_P_MatchAs:
        if (p->v.MatchAs.pattern) {
            ADDOP_I(c, COPY, 1);
            pc->on_top++;
            CHECK(pattern(c, p->v.MatchAs.pattern, pc));
        }
        return capture(c, pc, p->v.MatchAs.name);
    }
    return 0;
}

static int pattern(Compiler *c, PithPattern *p, PatCtx *pc) {
    PithLocation saved = c->u->loc;
    c->u->loc = LOC_OF(p);
    int r = pattern_inner(c, p, pc);
    c->u->loc = saved;
    return r;
}

/* A non-final case that always matches hides the ones after it. */
static int check_reachable(Compiler *c, PithMatchCase *mc) {
    PithPattern *p = mc->pattern;
    if (mc->guard || p->kind != PITH_P_MatchAs || p->v.MatchAs.pattern) return 0;
    c->u->loc = LOC_OF(p);
    if (!p->v.MatchAs.name) return cu_error(c, "wildcard makes remaining patterns unreachable");
    PithObject *m = pith_str_from_format("name capture %R makes remaining patterns unreachable",
                                         p->v.MatchAs.name);
    if (!m) return -1;
    cu_error(c, pith_str_utf8(m));
    PITH_DECREF(m);
    return -1;
}

static int match_case(Compiler *c, PithMatchCase *mc, int last, int end) {
    PatCtx pc = {NULL, 0, 1};
    int r = 0;
    if (!last) r = check_reachable(c, mc);
    if (r == 0 && !last) r = cu_emit(c, PITH_OP_COPY, 1);
    if (r == 0) r = pattern(c, mc->pattern, &pc);
    if (r == 0 && mc->guard) {
        int label = fail_label(c, &pc);
        r = label < 0 ? -1 : cx_jump_if(c, mc->guard, label, 0);
    }
    if (r == 0 && !last) r = cu_emit(c, PITH_OP_POP_TOP, 0);
    if (r == 0) r = cs_stmts(c, mc->body, 0);
    if (r == 0) r = cu_emit(c, PITH_OP_JUMP, end);
    if (r == 0) r = emit_fail_pops(c, &pc);
    pith_mem_free(pc.fail_pop);
    return r;
}

int cs_match(Compiler *c, PithStmt *s) {
    NEW_LABEL(c, end);
    CHECK(cx_expr(c, s->v.Match.subject));
    intptr_t n = PITH_SEQ_LEN(s->v.Match.cases);
    for (intptr_t i = 0; i < n; i++) {
        c->u->loc = LOC_OF(s);
        CHECK(match_case(c, PITH_SEQ_GET(s->v.Match.cases, i), i == n - 1, end));
    }
    BIND(c, end);
    return 0;
}
