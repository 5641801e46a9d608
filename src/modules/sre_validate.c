/* sre_validate.c — structural check of the code words given to
 * _sre.compile, so that the matcher (which trusts skips and operands) can
 * never read outside the code array or the marks, whatever a caller passes.
 *
 * Every block is scanned linearly; each instruction must fit in its block,
 * nested bodies must end with the opcode their construct expects (SUCCESS,
 * JUMP, MAX_UNTIL/MIN_UNTIL), and every forward jump must land on the start
 * of an instruction (checked at the end against a bitmap of starts). */
#include <string.h>

#include "sre.h"

typedef struct {
    const SreCode *code;
    intptr_t n, groups;
    uint8_t *start;    /* start[i]: an instruction begins at i */
    intptr_t *targets; /* jump destinations to check */
    intptr_t ntargets, cap;
} Checker;

static int target(Checker *c, intptr_t t) {
    if (t < 0 || t >= c->n) return -1;
    if (c->ntargets == c->cap) {
        intptr_t ncap = c->cap ? c->cap * 2 : 32;
        intptr_t *nt = pith_mem_realloc(c->targets, (size_t)ncap * sizeof(intptr_t));
        if (!nt) return -1;
        c->targets = nt;
        c->cap = ncap;
    }
    c->targets[c->ntargets++] = t;
    return 0;
}

/* A character set in [i, end): items up to a FAILURE inside the range. */
static int check_set(Checker *c, intptr_t i, intptr_t end) {
    const SreCode *code = c->code;
    while (i < end) {
        switch (code[i++]) {
        case SRE_OP_FAILURE: return 0;
        case SRE_OP_LITERAL:
        case SRE_OP_CATEGORY: i += 1; break;
        case SRE_OP_RANGE:
        case SRE_OP_RANGE_UNI_IGNORE: i += 2; break;
        case SRE_OP_CHARSET: i += 8; break;
        case SRE_OP_NEGATE: break;
        case SRE_OP_BIGCHARSET: {
            if (i >= end) return -1;
            SreCode nblocks = code[i++];
            if (i + 64 > end) return -1;
            const uint8_t *blocks = (const uint8_t *)(code + i);
            for (int k = 0; k < 256; k++)
                if (blocks[k] >= nblocks) return -1;
            i += 64;
            if ((intptr_t)nblocks > (end - i) / 8) return -1;
            i += (intptr_t)nblocks * 8;
            break;
        }
        default: return -1;
        }
    }
    return -1;
}

static int check_block(Checker *c, intptr_t i, intptr_t end);

/* A body [i, stop) followed by the word `closer` at stop. */
static int check_body(Checker *c, intptr_t i, intptr_t stop, SreCode closer) {
    if (stop < i || stop >= c->n || c->code[stop] != closer) return -1;
    c->start[stop] = 1;
    return check_block(c, i, stop);
}

/* Operand count (beyond the opcode) of the simple opcodes, -1 otherwise. */
static int simple_args(SreCode op) {
    switch (op) {
    case SRE_OP_FAILURE: case SRE_OP_SUCCESS: case SRE_OP_ANY: case SRE_OP_ANY_ALL:
        return 0;
    case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL: case SRE_OP_LITERAL_IGNORE:
    case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_LITERAL_UNI_IGNORE:
    case SRE_OP_NOT_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE:
    case SRE_OP_NOT_LITERAL_LOC_IGNORE: case SRE_OP_CATEGORY:
        return 1;
    default: return -1;
    }
}

static int check_block(Checker *c, intptr_t i, intptr_t end) {
    const SreCode *code = c->code;
    while (i < end) {
        c->start[i] = 1;
        SreCode op = code[i++];
        int nargs = simple_args(op);
        if (nargs >= 0) {
            if (end - i < nargs) return -1;
            i += nargs;
            continue;
        }
        if (i >= end) return -1;
        SreCode a = code[i];
        intptr_t skip = (intptr_t)a;
        switch (op) {
        case SRE_OP_MARK:
            if ((intptr_t)a >= 2 * c->groups) return -1;
            i++;
            break;
        case SRE_OP_AT:
            if (a >= SRE_AT_COUNT_) return -1;
            i++;
            break;
        case SRE_OP_GROUPREF: case SRE_OP_GROUPREF_IGNORE: case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE:
            if ((intptr_t)a >= c->groups) return -1;
            i++;
            break;
        case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE:
        case SRE_OP_IN_LOC_IGNORE:
            if (skip < 2 || skip > end - i || check_set(c, i + 1, i + skip) < 0) return -1;
            i += skip;
            break;
        case SRE_OP_INFO: {
            if (skip < 4 || skip > end - i) return -1;
            SreCode flags = code[i + 1];
            if (flags & SRE_INFO_PREFIX) {
                if (skip < 6) return -1;
                intptr_t len = (intptr_t)code[i + 4];
                if (len < 1 || len > (skip - 6) / 2) return -1;
            } else if ((flags & SRE_INFO_CHARSET) && check_set(c, i + 4, i + skip) < 0) {
                return -1;
            }
            i += skip;
            break;
        }
        case SRE_OP_JUMP:
            if (skip < 1 || target(c, i + skip) < 0) return -1;
            i++;
            break;
        case SRE_OP_BRANCH:
            for (;;) {
                if (i >= end) return -1;
                skip = (intptr_t)code[i];
                if (skip == 0) break;
                /* alternative [i+1, i+skip-2) then JUMP <off> */
                if (skip < 3 || skip > end - i || code[i + skip - 2] != SRE_OP_JUMP) return -1;
                if (check_block(c, i + 1, i + skip) < 0 || !c->start[i + skip - 2]) return -1;
                i += skip;
            }
            i++;
            break;
        case SRE_OP_REPEAT_ONE: case SRE_OP_MIN_REPEAT_ONE: case SRE_OP_POSSESSIVE_REPEAT_ONE:
            if (skip < 4 || skip > end - i || code[i + 1] > code[i + 2]) return -1;
            if (check_body(c, i + 3, i + skip - 1, SRE_OP_SUCCESS) < 0) return -1;
            i += skip;
            break;
        case SRE_OP_REPEAT:
        case SRE_OP_POSSESSIVE_REPEAT:
            if (skip < 3 || skip >= end - i || code[i + 1] > code[i + 2]) return -1;
            if (op == SRE_OP_POSSESSIVE_REPEAT) {
                if (check_body(c, i + 3, i + skip, SRE_OP_SUCCESS) < 0) return -1;
            } else if (code[i + skip] != SRE_OP_MAX_UNTIL && code[i + skip] != SRE_OP_MIN_UNTIL) {
                return -1;
            } else if (check_body(c, i + 3, i + skip, code[i + skip]) < 0) {
                return -1;
            }
            i += skip + 1;
            break;
        case SRE_OP_ATOMIC_GROUP:
            if (skip < 2 || skip > end - i) return -1;
            if (check_body(c, i + 1, i + skip - 1, SRE_OP_SUCCESS) < 0) return -1;
            i += skip;
            break;
        case SRE_OP_ASSERT:
        case SRE_OP_ASSERT_NOT:
            if (skip < 3 || skip > end - i) return -1;
            if (check_body(c, i + 2, i + skip - 1, SRE_OP_SUCCESS) < 0) return -1;
            i += skip;
            break;
        case SRE_OP_GROUPREF_EXISTS:
            /* <group> <skip> yes [<JUMP> <off> no] */
            if ((intptr_t)a >= c->groups || i + 1 >= end) return -1;
            skip = (intptr_t)code[i + 1];
            if (skip < 2 || skip > end - i || target(c, i + skip) < 0) return -1;
            if (check_block(c, i + 2, i + skip) < 0) return -1;
            i += skip;
            break;
        default: return -1; /* includes a stray MAX_UNTIL/MIN_UNTIL */
        }
    }
    return i == end ? 0 : -1;
}

int sre_validate(const SreCode *code, intptr_t n, intptr_t groups) {
    Checker c = {code, n, groups, NULL, NULL, 0, 0};
    if (n < 1) return -1;
    c.start = pith_mem_calloc((size_t)n + 1, 1);
    if (!c.start) return -1;
    int r = check_body(&c, 0, n - 1, SRE_OP_SUCCESS); /* the pattern, then SUCCESS */
    for (intptr_t k = 0; r == 0 && k < c.ntargets; k++)
        if (!c.start[c.targets[k]]) r = -1;
    pith_mem_free(c.start);
    pith_mem_free(c.targets);
    return r;
}
