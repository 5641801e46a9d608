/* compile_match.c — the match statement, with CPython 3.11's semantics.
 *
 * Each case matches a copy of the subject against its pattern. A pattern
 * consumes the value on top of the stack. Captured values are not stored
 * while matching: they are kept on the stack, below the working values, and
 * stored to their names only once the whole pattern matched (before the
 * guard runs). So a pattern that fails part-way binds nothing, while a
 * failing guard leaves the captures bound.
 *
 * Stack invariant while compiling a pattern (top last):
 *   ... capture[n-1] .. capture[1] capture[0] | on_top working values | subject
 * pc->stores[i] names capture[i]; a new capture is rotated down below all
 * earlier ones and appended to pc->stores, so storing the names in order
 * pops them from the top. Failure jumps to a landing pad popping the
 * on_top values and the captures (fail_pop[k] pops k values, each pad
 * falling into the next), then falls into the next case.
 *
 * Source locations follow CPython: entering a pattern sets the location and
 * leaving it does not restore it, so errors found after sub-patterns (a
 * duplicate name, different names in alternatives) point at the last
 * sub-pattern compiled. */
#include "compile_internal.h"

typedef struct PatCtx {
    PithObject **stores; /* borrowed names (AST), in capture order */
    int nstores, capstores;
    int allow_irrefutable; /* may this pattern always match? */
    int *fail_pop;
    int nfail;
    int on_top; /* working values above the captures, excluding the subject */
} PatCtx;

static int pattern(Compiler *c, PithPattern *p, PatCtx *pc);

static void pc_free(PatCtx *pc) {
    pith_mem_free(pc->stores);
    pith_mem_free(pc->fail_pop);
    pc->stores = NULL;
    pc->fail_pop = NULL;
    pc->nstores = pc->capstores = pc->nfail = 0;
}

static int is_wildcard(PithPattern *p) {
    return p->kind == PITH_P_MatchAs && !p->v.MatchAs.name && !p->v.MatchAs.pattern;
}

static int is_star_wildcard(PithPattern *p) {
    return p->kind == PITH_P_MatchStar && !p->v.MatchStar.name;
}

static int stores_index(PatCtx *pc, PithObject *name) {
    for (int i = 0; i < pc->nstores; i++)
        if (pith_str_equal(pc->stores[i], name)) return i;
    return -1;
}

static int stores_append(PatCtx *pc, PithObject *name) {
    if (pc->nstores == pc->capstores) {
        int cap = pc->capstores ? pc->capstores * 2 : 8;
        PithObject **n = pith_mem_realloc(pc->stores, sizeof(PithObject *) * (size_t)cap);
        if (!n) return (pith_err_no_memory(), -1);
        pc->stores = n;
        pc->capstores = cap;
    }
    pc->stores[pc->nstores++] = name;
    return 0;
}

/* Make sure the landing pad popping n values exists. */
static int ensure_fail_pop(Compiler *c, PatCtx *pc, int n) {
    if (n < pc->nfail) return 0;
    int *pads = pith_mem_realloc(pc->fail_pop, sizeof(int) * (size_t)(n + 1));
    if (!pads) return (pith_err_no_memory(), -1);
    pc->fail_pop = pads;
    for (int i = pc->nfail; i <= n; i++) {
        pads[i] = cu_new_label(c);
        if (pads[i] < 0) return -1;
        pc->nfail = i + 1;
    }
    return 0;
}

/* Jump with `op` to the pad popping the working values and the captures. */
static int jump_to_fail(Compiler *c, PatCtx *pc, int op) {
    int pops = pc->on_top + pc->nstores;
    CHECK(ensure_fail_pop(c, pc, pops));
    return cu_emit(c, op, pc->fail_pop[pops]);
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

/* Move the top of the stack down to depth `count`. */
static int rotate(Compiler *c, int count) {
    while (count > 1) ADDOP_I(c, SWAP, count--);
    return 0;
}

static int duplicate_store(Compiler *c, PithObject *name) {
    PithObject *m = pith_str_from_format("multiple assignments to name %R in pattern", name);
    if (!m) return -1;
    cu_error(c, pith_str_utf8(m));
    PITH_DECREF(m);
    return -1;
}

/* Capture the subject under name (drop it for `_`). */
static int store_name(Compiler *c, PithObject *name, PatCtx *pc) {
    if (!name) {
        ADDOP(c, POP_TOP);
        return 0;
    }
    if (stores_index(pc, name) >= 0) return duplicate_store(c, name);
    CHECK(rotate(c, pc->on_top + pc->nstores + 1));
    return stores_append(pc, name);
}

static int load_int(Compiler *c, intptr_t v) {
    PithObject *o = pith_int_from_i64(v);
    if (!o) return -1;
    int r = cu_load_const(c, o);
    PITH_DECREF(o);
    return r;
}

/* A pattern nested in another: it may always match. */
static int subpattern(Compiler *c, PithPattern *p, PatCtx *pc) {
    int saved = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    int r = pattern(c, p, pc);
    pc->allow_irrefutable = saved;
    return r;
}

static int pattern_as(Compiler *c, PithPattern *p, PatCtx *pc) {
    if (!p->v.MatchAs.pattern) {
        if (!pc->allow_irrefutable) {
            if (!p->v.MatchAs.name)
                return cu_error(c, "wildcard makes remaining patterns unreachable");
            PithObject *m = pith_str_from_format(
                "name capture %R makes remaining patterns unreachable", p->v.MatchAs.name);
            if (!m) return -1;
            cu_error(c, pith_str_utf8(m));
            PITH_DECREF(m);
            return -1;
        }
        return store_name(c, p->v.MatchAs.name, pc);
    }
    /* keep a copy of the subject to capture after the inner pattern */
    pc->on_top++;
    ADDOP_I(c, COPY, 1);
    CHECK(pattern(c, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    return store_name(c, p->v.MatchAs.name, pc);
}

/* Sequence pattern whose star is a wildcard: index the subject instead of
 * unpacking it (it may be long). */
static int sequence_subscr(Compiler *c, PithAstSeq *pats, intptr_t star, PatCtx *pc) {
    intptr_t n = PITH_SEQ_LEN(pats);
    pc->on_top++;
    for (intptr_t i = 0; i < n; i++) {
        PithPattern *sp = PITH_SEQ_GET(pats, i);
        if (i == star || is_wildcard(sp)) continue;
        ADDOP_I(c, COPY, 1);
        if (i < star) {
            CHECK(load_int(c, i));
        } else {
            /* a nonnegative index: the subject may not support negative ones */
            ADDOP(c, GET_LEN);
            CHECK(load_int(c, n - i));
            ADDOP_I(c, BINARY_OP, PITH_NB_SUBTRACT);
        }
        ADDOP(c, BINARY_SUBSCR);
        CHECK(subpattern(c, sp, pc));
    }
    pc->on_top--;
    ADDOP(c, POP_TOP);
    return 0;
}

static int sequence_unpack(Compiler *c, PithAstSeq *pats, intptr_t star, PatCtx *pc) {
    intptr_t n = PITH_SEQ_LEN(pats);
    if (star < 0) ADDOP_I(c, UNPACK_SEQUENCE, (int)n);
    else ADDOP_I(c, UNPACK_EX, (int)star + (int)((n - star - 1) << 8));
    pc->on_top += (int)n;
    for (intptr_t i = 0; i < n; i++) {
        pc->on_top--;
        PithPattern *sp = PITH_SEQ_GET(pats, i);
        if (sp->kind == PITH_P_MatchStar) {
            c->u->loc = LOC_OF(sp);
            CHECK(store_name(c, sp->v.MatchStar.name, pc));
        } else {
            CHECK(subpattern(c, sp, pc));
        }
    }
    return 0;
}

static int pattern_sequence(Compiler *c, PithPattern *p, PatCtx *pc) {
    PithAstSeq *pats = p->v.MatchSequence.patterns;
    intptr_t n = PITH_SEQ_LEN(pats), star = -1;
    int star_wildcard = 0, only_wildcard = 1;
    for (intptr_t i = 0; i < n; i++) {
        PithPattern *sp = PITH_SEQ_GET(pats, i);
        if (sp->kind == PITH_P_MatchStar) {
            if (star >= 0) return cu_error(c, "multiple starred names in sequence pattern");
            star_wildcard = is_star_wildcard(sp);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= is_wildcard(sp);
    }
    pc->on_top++;
    ADDOP(c, MATCH_SEQUENCE);
    CHECK(jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE));
    if (star < 0 || n - 1 > 0) {
        ADDOP(c, GET_LEN);
        CHECK(load_int(c, star < 0 ? n : n - 1));
        ADDOP_I(c, COMPARE_OP, star < 0 ? PITH_EQ : PITH_GE);
        CHECK(jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE));
    }
    pc->on_top--;
    if (only_wildcard) {
        ADDOP(c, POP_TOP);
        return 0;
    }
    if (star_wildcard) return sequence_subscr(c, pats, star, pc);
    return sequence_unpack(c, pats, star, pc);
}

/* Check the keys of a mapping pattern (literals without duplicates, or
 * attribute lookups) and push them. */
static int mapping_keys(Compiler *c, PithAstSeq *keys) {
    intptr_t n = PITH_SEQ_LEN(keys);
    PithObject *seen = pith_set_new(NULL);
    if (!seen) return -1;
    int r = 0;
    for (intptr_t i = 0; r == 0 && i < n; i++) {
        PithExpr *k = PITH_SEQ_GET(keys, i);
        PithObject *v = NULL;
        int f = cx_fold_const(k, &v);
        if (f < 0) {
            r = -1;
        } else if (f == 1) {
            int dup = pith_set_contains(seen, v);
            if (dup == 0) dup = pith_set_add(seen, v) < 0 ? -1 : 0;
            if (dup > 0) {
                PithObject *m = pith_str_from_format("mapping pattern checks duplicate key (%R)", v);
                if (m) cu_error(c, pith_str_utf8(m));
                PITH_XDECREF(m);
            }
            r = dup ? -1 : 0;
            PITH_DECREF(v);
        } else if (k->kind != PITH_E_Attribute) {
            r = cu_error(c, "mapping pattern keys may only match literals and attribute lookups");
        }
        if (r == 0) r = cx_expr(c, k);
    }
    PITH_DECREF(seen);
    return r;
}

static int pattern_mapping(Compiler *c, PithPattern *p, PatCtx *pc) {
    PithAstSeq *keys = p->v.MatchMapping.keys, *pats = p->v.MatchMapping.patterns;
    PithObject *rest = p->v.MatchMapping.rest;
    intptr_t n = PITH_SEQ_LEN(keys);
    pc->on_top++;
    ADDOP(c, MATCH_MAPPING);
    CHECK(jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE));
    if (!n && !rest) {
        pc->on_top--;
        ADDOP(c, POP_TOP);
        return 0;
    }
    if (n) {
        ADDOP(c, GET_LEN);
        CHECK(load_int(c, n));
        ADDOP_I(c, COMPARE_OP, PITH_GE);
        CHECK(jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE));
    }
    CHECK(mapping_keys(c, keys));
    ADDOP_I(c, BUILD_TUPLE, (int)n);
    ADDOP(c, MATCH_KEYS);
    /* subject keys values|None */
    pc->on_top += 2;
    ADDOP_I(c, COPY, 1);
    ADDOP_CONST(c, PITH_NONE);
    ADDOP_I(c, IS_OP, 1);
    CHECK(jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE));
    ADDOP_I(c, UNPACK_SEQUENCE, (int)n);
    pc->on_top += (int)n - 1;
    for (intptr_t i = 0; i < n; i++) {
        pc->on_top--;
        CHECK(subpattern(c, PITH_SEQ_GET(pats, i), pc));
    }
    pc->on_top -= 2;
    if (!rest) {
        ADDOP(c, POP_TOP); /* keys */
        ADDOP(c, POP_TOP); /* subject */
        return 0;
    }
    /* rest = dict(subject) without the matched keys */
    ADDOP_I(c, BUILD_MAP, 0);
    ADDOP_I(c, SWAP, 3);
    ADDOP_I(c, DICT_UPDATE, 2);
    ADDOP_I(c, UNPACK_SEQUENCE, (int)n);
    for (intptr_t k = n; k > 0; k--) {
        ADDOP_I(c, COPY, (int)k + 1);
        ADDOP_I(c, SWAP, 2);
        ADDOP(c, DELETE_SUBSCR);
    }
    return store_name(c, rest, pc);
}

/* Keyword attribute names of a class pattern must be distinct. */
static int check_kwd_attrs(Compiler *c, PithAstSeq *attrs, PithAstSeq *pats) {
    intptr_t n = PITH_SEQ_LEN(attrs);
    for (intptr_t i = 0; i < n; i++) {
        PithObject *a = PITH_SEQ_GET(attrs, i);
        c->u->loc = LOC_OF((PithPattern *)PITH_SEQ_GET(pats, i));
        for (intptr_t j = i + 1; j < n; j++) {
            if (!pith_str_equal(a, PITH_SEQ_GET(attrs, j))) continue;
            c->u->loc = LOC_OF((PithPattern *)PITH_SEQ_GET(pats, j));
            PithObject *m = pith_str_from_format("attribute name repeated in class pattern: %U", a);
            if (!m) return -1;
            cu_error(c, pith_str_utf8(m));
            PITH_DECREF(m);
            return -1;
        }
    }
    return 0;
}

static int pattern_class(Compiler *c, PithPattern *p, PatCtx *pc) {
    PithAstSeq *pos = p->v.MatchClass.patterns, *attrs = p->v.MatchClass.kwd_attrs;
    PithAstSeq *kwpats = p->v.MatchClass.kwd_patterns;
    intptr_t npos = PITH_SEQ_LEN(pos), nkw = PITH_SEQ_LEN(attrs);
    if (nkw) {
        CHECK(check_kwd_attrs(c, attrs, kwpats));
        c->u->loc = LOC_OF(p);
    }
    CHECK(cx_expr(c, p->v.MatchClass.cls));
    PithObject *names = pith_tuple_new(nkw);
    if (!names) return -1;
    for (intptr_t i = 0; i < nkw; i++)
        PITH_TUPLE_SET(names, i, PITH_NEWREF(PITH_SEQ_GET(attrs, i)));
    int r = cu_load_const(c, names);
    PITH_DECREF(names);
    CHECK(r);
    ADDOP_I(c, MATCH_CLASS, (int)npos);
    ADDOP_I(c, COPY, 1);
    ADDOP_CONST(c, PITH_NONE);
    ADDOP_I(c, IS_OP, 1);
    pc->on_top++;
    CHECK(jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE));
    ADDOP_I(c, UNPACK_SEQUENCE, (int)(npos + nkw));
    pc->on_top += (int)(npos + nkw) - 1;
    for (intptr_t i = 0; i < npos + nkw; i++) {
        pc->on_top--;
        PithPattern *sp = i < npos ? PITH_SEQ_GET(pos, i) : PITH_SEQ_GET(kwpats, i - npos);
        if (is_wildcard(sp)) {
            ADDOP(c, POP_TOP);
            continue;
        }
        CHECK(subpattern(c, sp, pc));
    }
    return 0;
}

/* After alternative `alt` matched: put its captures in the order of the
 * first alternative's (`control`, ncontrol names). */
static int reorder_captures(Compiler *c, PatCtx *alt, PithObject **control, int ncontrol) {
    if (alt->nstores != ncontrol) return 1;
    for (int ic = ncontrol - 1; ic >= 0; ic--) {
        int is = stores_index(alt, control[ic]);
        if (is < 0) return 1;
        if (is == ic) continue;
        /* is+1 times, move capture 0 down to position ic (names and stack) */
        for (int k = 0; k <= is; k++) {
            PithObject *first = alt->stores[0];
            for (int j = 0; j < ic; j++) alt->stores[j] = alt->stores[j + 1];
            alt->stores[ic] = first;
            CHECK(rotate(c, ic + 1));
        }
    }
    return 0;
}

static int pattern_or(Compiler *c, PithPattern *p, PatCtx *pc) {
    PithAstSeq *alts = p->v.MatchOr.patterns;
    intptr_t n = PITH_SEQ_LEN(alts);
    NEW_LABEL(c, end);
    PithObject **control = NULL;
    int ncontrol = 0, r = 0, diff = 0;
    for (intptr_t i = 0; r == 0 && i < n; i++) {
        PithPattern *alt = PITH_SEQ_GET(alts, i);
        PatCtx sub = {NULL, 0, 0, i == n - 1 && pc->allow_irrefutable, NULL, 0, 0};
        c->u->loc = LOC_OF(alt);
        r = cu_emit(c, PITH_OP_COPY, 1);
        if (r == 0) r = pattern(c, alt, &sub);
        if (r == 0 && i == 0) {
            control = sub.stores;
            ncontrol = sub.nstores;
            sub.stores = NULL;
        } else if (r == 0) {
            r = reorder_captures(c, &sub, control, ncontrol);
            if (r > 0) diff = 1, r = -1;
        }
        if (r == 0) r = cu_emit(c, PITH_OP_JUMP, end);
        if (r == 0) r = emit_fail_pops(c, &sub);
        pc_free(&sub);
    }
    if (diff) cu_error(c, "alternative patterns bind different names");
    /* no alternative matched: drop the subject and fail */
    if (r == 0) {
        c->u->loc = LOC_OF(p);
        r = cu_emit(c, PITH_OP_POP_TOP, 0);
    }
    if (r == 0) r = jump_to_fail(c, pc, PITH_OP_JUMP);
    if (r == 0) r = cu_bind(c, end);
    /* captures sit above the subject copy, the working values and the
     * earlier captures: move each below them all */
    int nrots = ncontrol + 1 + pc->on_top + pc->nstores;
    for (int i = 0; r == 0 && i < ncontrol; i++) {
        r = rotate(c, nrots);
        if (r == 0 && stores_index(pc, control[i]) >= 0) r = duplicate_store(c, control[i]);
        if (r == 0) r = stores_append(pc, control[i]);
    }
    pith_mem_free(control);
    CHECK(r);
    ADDOP(c, POP_TOP); /* the subject */
    return 0;
}

static int pattern_inner(Compiler *c, PithPattern *p, PatCtx *pc) {
    switch (p->kind) {
    case PITH_P_MatchValue:
        CHECK(cx_expr(c, p->v.MatchValue.value));
        ADDOP_I(c, COMPARE_OP, PITH_EQ);
        return jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE);
    case PITH_P_MatchSingleton:
        ADDOP_CONST(c, p->v.MatchSingleton.value);
        ADDOP_I(c, IS_OP, 0);
        return jump_to_fail(c, pc, PITH_OP_POP_JUMP_IF_FALSE);
    case PITH_P_MatchSequence: return pattern_sequence(c, p, pc);
    case PITH_P_MatchMapping: return pattern_mapping(c, p, pc);
    case PITH_P_MatchClass: return pattern_class(c, p, pc);
    case PITH_P_MatchOr: return pattern_or(c, p, pc);
    case PITH_P_MatchStar: return cu_error(c, "can't use starred name here");
    case PITH_P_MatchAs: return pattern_as(c, p, pc);
    }
    return 0;
}

static int pattern(Compiler *c, PithPattern *p, PatCtx *pc) {
    c->u->loc = LOC_OF(p);
    return pattern_inner(c, p, pc);
}

/* Case i of n (the subject is on the stack; `copy`: match a copy of it). */
static int match_case(Compiler *c, PithMatchCase *mc, int copy, int last, int end) {
    PatCtx pc = {NULL, 0, 0, mc->guard != NULL || last, NULL, 0, 0};
    c->u->loc = LOC_OF(mc->pattern);
    int r = copy ? cu_emit(c, PITH_OP_COPY, 1) : 0;
    if (r == 0) r = pattern(c, mc->pattern, &pc);
    /* matched: bind the captured names */
    for (int i = 0; r == 0 && i < pc.nstores; i++) r = cu_nameop(c, pc.stores[i], PITH_CTX_Store);
    if (r == 0 && mc->guard) {
        r = ensure_fail_pop(c, &pc, 0);
        if (r == 0) r = cx_jump_if(c, mc->guard, pc.fail_pop[0], 0);
    }
    if (r == 0 && copy) r = cu_emit(c, PITH_OP_POP_TOP, 0);
    if (r == 0) r = cs_stmts(c, mc->body, 0);
    if (r == 0) r = cu_emit(c, PITH_OP_JUMP, end);
    if (r == 0) {
        c->u->loc = LOC_OF(mc->pattern);
        r = emit_fail_pops(c, &pc);
    }
    pc_free(&pc);
    return r;
}

int cs_match(Compiler *c, PithStmt *s) {
    NEW_LABEL(c, end);
    CHECK(cx_expr(c, s->v.Match.subject));
    intptr_t n = PITH_SEQ_LEN(s->v.Match.cases);
    PithMatchCase *lastc = PITH_SEQ_GET(s->v.Match.cases, n - 1);
    int has_default = is_wildcard(lastc->pattern) && n > 1;
    for (intptr_t i = 0; i < n - has_default; i++) {
        int last = i == n - 1;
        CHECK(match_case(c, PITH_SEQ_GET(s->v.Match.cases, i), i != n - has_default - 1, last,
                         end));
    }
    if (has_default) {
        /* a trailing `case _:` matches whatever is left, the subject was
         * already consumed by the case before it */
        c->u->loc = LOC_OF(lastc->pattern);
        ADDOP(c, NOP);
        if (lastc->guard) CHECK(cx_jump_if(c, lastc->guard, end, 0));
        CHECK(cs_stmts(c, lastc->body, 0));
    }
    BIND(c, end);
    return 0;
}
