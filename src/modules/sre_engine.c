/* sre_engine.c — the backtracking matcher of `_sre`.
 *
 * The compiled code (see re._compiler) is run in continuation style: an
 * opcode with a choice point (BRANCH, the repeats, the assertions) "calls"
 * the rest of the pattern as a child and, when the child fails, tries its
 * next alternative. Calls are not C recursion: every activation is a Frame
 * on a heap array in the state (st->frames), and a child's result is handed
 * back to its parent by jumping to the parent's resume label named by the
 * child's `jump` field. So a long subject never deepens the C stack; a huge
 * backtracking depth only grows the heap (MemoryError when it cannot).
 *
 * Capture marks are saved on st->saved (a LIFO of intptr_t) around
 * alternatives; every frame pops exactly what it pushed, on success and on
 * failure alike, so the stack is balanced when the top frame returns.
 * REPEAT contexts form a LIFO too (st->reps, linked by index).
 */
#include <ctype.h>
#include <string.h>

#include "sre.h"

/* ---- characters and classes ------------------------------------------------- */

static inline uint32_t CH(const SreState *st, intptr_t i) {
    switch (st->charsize) {
    case 1: return ((const uint8_t *)st->data)[i];
    case 2: return ((const uint16_t *)st->data)[i];
    default: return ((const uint32_t *)st->data)[i];
    }
}

uint32_t sre_lower_ascii(uint32_t ch) { return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; }

static uint32_t lower_locale(uint32_t ch) { return ch < 256 ? (uint32_t)tolower((int)ch) : ch; }
static uint32_t upper_locale(uint32_t ch) { return ch < 256 ? (uint32_t)toupper((int)ch) : ch; }

/* Simple case mappings: the first code point of the full mapping (for the
 * few characters with a multi-character mapping this is what CPython's
 * one-to-one tables give as well, e.g. U+0130 -> 'i', U+00DF -> 'S'). */
uint32_t sre_lower_unicode(uint32_t ch) {
    uint32_t buf[3];
    return pith_unicode_tolower_full(ch, buf) > 0 ? buf[0] : ch;
}

uint32_t sre_upper_unicode(uint32_t ch) {
    uint32_t buf[3];
    return pith_unicode_toupper_full(ch, buf) > 0 ? buf[0] : ch;
}

bool sre_unicode_iscased(uint32_t ch) {
    return ch != sre_lower_unicode(ch) || ch != sre_upper_unicode(ch);
}

static bool is_digit(uint32_t ch) { return ch >= '0' && ch <= '9'; }
static bool is_space(uint32_t ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }
static bool is_word(uint32_t ch) {
    return ch < 128 && (is_digit(ch) || ch == '_' || (ch >= 'a' && ch <= 'z') ||
                        (ch >= 'A' && ch <= 'Z'));
}
static bool loc_is_word(uint32_t ch) { return ch < 256 && (isalnum((int)ch) || ch == '_'); }
static bool uni_is_word(uint32_t ch) { return ch == '_' || pith_unicode_isalnum(ch); }
static bool uni_is_linebreak(uint32_t ch) {
    switch (ch) {
    case '\n': case '\v': case '\f': case '\r': case 0x1c: case 0x1d: case 0x1e: case 0x85:
    case 0x2028: case 0x2029: return true;
    default: return false;
    }
}

static bool category(SreCode code, uint32_t ch) {
    switch (code) {
    case SRE_CAT_DIGIT: return is_digit(ch);
    case SRE_CAT_NOT_DIGIT: return !is_digit(ch);
    case SRE_CAT_SPACE: return is_space(ch);
    case SRE_CAT_NOT_SPACE: return !is_space(ch);
    case SRE_CAT_WORD: return is_word(ch);
    case SRE_CAT_NOT_WORD: return !is_word(ch);
    case SRE_CAT_LINEBREAK: return ch == '\n';
    case SRE_CAT_NOT_LINEBREAK: return ch != '\n';
    case SRE_CAT_LOC_WORD: return loc_is_word(ch);
    case SRE_CAT_LOC_NOT_WORD: return !loc_is_word(ch);
    case SRE_CAT_UNI_DIGIT: return pith_unicode_isdecimal(ch);
    case SRE_CAT_UNI_NOT_DIGIT: return !pith_unicode_isdecimal(ch);
    case SRE_CAT_UNI_SPACE: return pith_unicode_isspace(ch);
    case SRE_CAT_UNI_NOT_SPACE: return !pith_unicode_isspace(ch);
    case SRE_CAT_UNI_WORD: return uni_is_word(ch);
    case SRE_CAT_UNI_NOT_WORD: return !uni_is_word(ch);
    case SRE_CAT_UNI_LINEBREAK: return uni_is_linebreak(ch);
    case SRE_CAT_UNI_NOT_LINEBREAK: return !uni_is_linebreak(ch);
    default: return false;
    }
}

/* Is ch in the set (a list of items ending with FAILURE)? */
static bool in_charset(const SreCode *set, uint32_t ch) {
    bool ok = true;
    for (;;) {
        switch (*set++) {
        case SRE_OP_FAILURE: return !ok;
        case SRE_OP_LITERAL:
            if (ch == set[0]) return ok;
            set++;
            break;
        case SRE_OP_CATEGORY:
            if (category(set[0], ch)) return ok;
            set++;
            break;
        case SRE_OP_CHARSET: /* 256-bit bitmap in 8 words */
            if (ch < 256 && (set[ch >> 5] & (1u << (ch & 31)))) return ok;
            set += 8;
            break;
        case SRE_OP_RANGE:
            if (set[0] <= ch && ch <= set[1]) return ok;
            set += 2;
            break;
        case SRE_OP_RANGE_UNI_IGNORE: { /* ch is lower-cased already */
            if (set[0] <= ch && ch <= set[1]) return ok;
            uint32_t up = sre_upper_unicode(ch);
            if (set[0] <= up && up <= set[1]) return ok;
            set += 2;
            break;
        }
        case SRE_OP_NEGATE: ok = !ok; break;
        case SRE_OP_BIGCHARSET: {
            /* <count> <256 block numbers as bytes, 64 words> <count bitmaps> */
            SreCode nblocks = *set++;
            int block = ch < 0x10000u ? ((const uint8_t *)set)[ch >> 8] : -1;
            set += 64;
            if (block >= 0) {
                uint32_t bit = (uint32_t)block * 256 + (ch & 255);
                if (set[bit >> 5] & (1u << (bit & 31))) return ok;
            }
            set += (size_t)nblocks * 8;
            break;
        }
        default: return false; /* malformed set: no match */
        }
    }
}

static bool char_loc_ignore(SreCode pat, uint32_t ch) {
    return ch == pat || lower_locale(ch) == pat || upper_locale(ch) == pat;
}

static bool in_charset_loc_ignore(const SreCode *set, uint32_t ch) {
    uint32_t lo = lower_locale(ch);
    if (in_charset(set, lo)) return true;
    uint32_t up = upper_locale(ch);
    return up != lo && in_charset(set, up);
}

static bool at(const SreState *st, intptr_t ptr, SreCode code) {
    intptr_t end = st->end;
    bool thisp, thatp;
    switch (code) {
    case SRE_AT_BEGINNING:
    case SRE_AT_BEGINNING_STRING: return ptr == 0;
    case SRE_AT_BEGINNING_LINE: return ptr == 0 || CH(st, ptr - 1) == '\n';
    case SRE_AT_END: return ptr == end || (end - ptr == 1 && CH(st, ptr) == '\n');
    case SRE_AT_END_LINE: return ptr == end || (ptr < st->length && CH(st, ptr) == '\n');
    case SRE_AT_END_STRING: return ptr == end;
    default: break;
    }
    if (end == 0) return false;
    bool (*word)(uint32_t) = code == SRE_AT_BOUNDARY || code == SRE_AT_NON_BOUNDARY ? is_word
                           : code == SRE_AT_LOC_BOUNDARY || code == SRE_AT_LOC_NON_BOUNDARY
                               ? loc_is_word
                               : uni_is_word;
    thatp = ptr > 0 && word(CH(st, ptr - 1));
    thisp = ptr < end && word(CH(st, ptr));
    switch (code) {
    case SRE_AT_BOUNDARY:
    case SRE_AT_LOC_BOUNDARY:
    case SRE_AT_UNI_BOUNDARY: return thisp != thatp;
    case SRE_AT_NON_BOUNDARY:
    case SRE_AT_LOC_NON_BOUNDARY:
    case SRE_AT_UNI_NON_BOUNDARY: return thisp == thatp;
    default: return false;
    }
}

/* Does the one-character item at pc (LITERAL*, NOT_LITERAL*, IN*, ANY,
 * ANY_ALL, CATEGORY) accept ch? -1 when pc is not such an item. */
static int unit_match(const SreCode *pc, uint32_t ch) {
    switch (pc[0]) {
    case SRE_OP_LITERAL: return ch == pc[1];
    case SRE_OP_NOT_LITERAL: return ch != pc[1];
    case SRE_OP_LITERAL_IGNORE: return sre_lower_ascii(ch) == pc[1];
    case SRE_OP_NOT_LITERAL_IGNORE: return sre_lower_ascii(ch) != pc[1];
    case SRE_OP_LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) == pc[1];
    case SRE_OP_NOT_LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) != pc[1];
    case SRE_OP_LITERAL_LOC_IGNORE: return char_loc_ignore(pc[1], ch);
    case SRE_OP_NOT_LITERAL_LOC_IGNORE: return !char_loc_ignore(pc[1], ch);
    case SRE_OP_IN: return in_charset(pc + 2, ch);
    case SRE_OP_IN_IGNORE: return in_charset(pc + 2, sre_lower_ascii(ch));
    case SRE_OP_IN_UNI_IGNORE: return in_charset(pc + 2, sre_lower_unicode(ch));
    case SRE_OP_IN_LOC_IGNORE: return in_charset_loc_ignore(pc + 2, ch);
    case SRE_OP_ANY: return ch != '\n';
    case SRE_OP_ANY_ALL: return 1;
    case SRE_OP_CATEGORY: return category(pc[1], ch);
    default: return -1;
    }
}

/* How many times (at most maxcount) does the single-character item at pc
 * repeat from st->ptr? Leaves st->ptr unchanged for unit items. */
static intptr_t count(SreState *st, const SreCode *pc, intptr_t maxcount) {
    intptr_t ptr = st->ptr, end = st->end;
    if (ptr > end) return 0;
    if (maxcount < end - ptr && maxcount != (intptr_t)SRE_MAXREPEAT) end = ptr + maxcount;
    switch (pc[0]) {
    case SRE_OP_ANY_ALL: return end - ptr;
    case SRE_OP_LITERAL:
        while (ptr < end && CH(st, ptr) == pc[1]) ptr++;
        return ptr - st->ptr;
    case SRE_OP_IN:
        while (ptr < end && in_charset(pc + 2, CH(st, ptr))) ptr++;
        return ptr - st->ptr;
    case SRE_OP_ANY:
        while (ptr < end && CH(st, ptr) != '\n') ptr++;
        return ptr - st->ptr;
    default: break;
    }
    if (unit_match(pc, 0) >= 0) {
        while (ptr < end && unit_match(pc, CH(st, ptr)) == 1) ptr++;
        return ptr - st->ptr;
    }
    /* not a one-character item: match it repeatedly (never emitted by
     * re._compiler, kept for hand-made code) */
    while (st->ptr < end) {
        intptr_t before = st->ptr, r = sre_match(st, pc, false);
        if (r < 0) return r;
        if (!r || st->ptr <= before) break; /* no progress: stop */
    }
    return st->ptr > ptr ? st->ptr - ptr : 0;
}

/* ---- the frame and save stacks ---------------------------------------------------- */

typedef struct Frame {
    const SreCode *pc; /* where the parent resumes / this frame's pattern */
    intptr_t ptr, count, lastmark, lastindex;
    intptr_t rep; /* REPEAT context index */
    SreCode chr;
    int jump; /* which resume point of the parent gets this frame's result */
    bool toplevel;
} Frame;

enum {
    J_NONE, J_BRANCH, J_REPEAT_ONE_1, J_REPEAT_ONE_2, J_MIN_REPEAT_ONE, J_REPEAT,
    J_MAX_UNTIL_1, J_MAX_UNTIL_2, J_MAX_UNTIL_3, J_MIN_UNTIL_1, J_MIN_UNTIL_2, J_MIN_UNTIL_3,
    J_POSS_1, J_POSS_2, J_ATOMIC, J_ASSERT, J_ASSERT_NOT
};

/* Grow a stack array to hold at least `need` items of `size` bytes. */
static int grow(void **arr, intptr_t *cap, intptr_t need, size_t size) {
    if (need <= *cap) return 0;
    intptr_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (ncap > INTPTR_MAX / 2 / (intptr_t)size) return -1;
        ncap *= 2;
    }
    void *n = pith_mem_realloc(*arr, (size_t)ncap * size);
    if (!n) return -1;
    *arr = n;
    *cap = ncap;
    return 0;
}

static int push_frame(SreState *st) {
    if (grow(&st->frames, &st->capframes, st->nframes + 1, sizeof(Frame)) < 0) {
        pith_err_no_memory();
        return -1;
    }
    st->nframes++;
    return 0;
}

static int save_push(SreState *st, const intptr_t *vals, intptr_t n) {
    if (grow((void **)&st->saved, &st->capsaved, st->nsaved + n, sizeof(intptr_t)) < 0) {
        pith_err_no_memory();
        return -1;
    }
    memcpy(st->saved + st->nsaved, vals, (size_t)n * sizeof(intptr_t));
    st->nsaved += n;
    return 0;
}

/* Copy the top n saved values back into vals; pop them when `pop`. */
static void save_pop(SreState *st, intptr_t *vals, intptr_t n, bool pop) {
    memcpy(vals, st->saved + st->nsaved - n, (size_t)n * sizeof(intptr_t));
    if (pop) st->nsaved -= n;
}

static intptr_t new_repeat(SreState *st, const SreCode *pc) {
    if (grow((void **)&st->reps, &st->capreps, st->nreps + 1, sizeof(SreRepeat)) < 0) {
        pith_err_no_memory();
        return -1;
    }
    SreRepeat *r = &st->reps[st->nreps];
    r->count = -1;
    r->pattern = pc;
    r->last_ptr = -1;
    r->prev = st->repeat;
    return st->nreps++;
}

/* ---- the matcher ------------------------------------------------------------------ */

#define CTX (((Frame *)st->frames) + st->nframes - 1)
#define REP (&st->reps[ctx->rep])
#define LASTMARK_SAVE()                                                        \
    do {                                                                       \
        ctx->lastmark = st->lastmark;                                          \
        ctx->lastindex = st->lastindex;                                        \
    } while (0)
#define LASTMARK_RESTORE()                                                     \
    do {                                                                       \
        st->lastmark = ctx->lastmark;                                          \
        st->lastindex = ctx->lastindex;                                        \
    } while (0)
/* Save/restore marks[0..lastmark] (nothing when lastmark < 0). */
#define MARK_PUSH(lm)                                                          \
    do {                                                                       \
        if ((lm) >= 0 && save_push(st, st->marks, (lm) + 1) < 0) {             \
            ret = SRE_ERROR_MEMORY;                                            \
            goto abort;                                                        \
        }                                                                      \
    } while (0)
#define MARK_POP(lm)                                                           \
    do {                                                                       \
        if ((lm) >= 0) save_pop(st, st->marks, (lm) + 1, true);                \
    } while (0)
#define MARK_POP_KEEP(lm)                                                      \
    do {                                                                       \
        if ((lm) >= 0) save_pop(st, st->marks, (lm) + 1, false);               \
    } while (0)
#define MARK_POP_DISCARD(lm)                                                   \
    do {                                                                       \
        if ((lm) >= 0) st->nsaved -= (lm) + 1;                                 \
    } while (0)
/* Run the pattern at `target` from st->ptr as a child frame; the parent
 * continues at the resume label for `jumpid` with ret set. */
#define CALL(jumpid, target, tl)                                               \
    do {                                                                       \
        const SreCode *t_ = (target);                                          \
        bool tl_ = (tl);                                                       \
        ctx->pc = pc;                                                          \
        ctx->ptr = ptr;                                                        \
        if (push_frame(st) < 0) {                                              \
            ret = SRE_ERROR_MEMORY;                                            \
            goto abort;                                                        \
        }                                                                      \
        ctx = CTX;                                                             \
        ctx->jump = (jumpid);                                                  \
        ctx->toplevel = tl_;                                                   \
        pc = t_;                                                               \
        goto entrance;                                                         \
    } while (0)

/* Compare a back-reference: 1 matched (ptr advanced), 0 not. */
static int groupref(SreState *st, SreCode group, int fold, intptr_t *pptr) {
    intptr_t g = (intptr_t)group * 2;
    if (g >= st->lastmark) return 0;
    intptr_t p = st->marks[g], e = st->marks[g + 1], ptr = *pptr;
    if (p < 0 || e < 0 || e < p) return 0;
    for (; p < e; p++, ptr++) {
        if (ptr >= st->end) return 0;
        uint32_t a = CH(st, ptr), b = CH(st, p);
        if (fold == 1) a = sre_lower_ascii(a), b = sre_lower_ascii(b);
        else if (fold == 2) a = sre_lower_unicode(a), b = sre_lower_unicode(b);
        else if (fold == 3) a = lower_locale(a), b = lower_locale(b);
        if (a != b) return 0;
    }
    *pptr = ptr;
    return 1;
}

intptr_t sre_match(SreState *st, const SreCode *code, bool toplevel) {
    const intptr_t base = st->nframes;
    const intptr_t end = st->end;
    const SreCode *pc = code;
    intptr_t ptr, ret = 0;
    Frame *ctx;
    int jump;

    if (push_frame(st) < 0) return SRE_ERROR_MEMORY;
    ctx = CTX;
    ctx->jump = J_NONE;
    ctx->toplevel = toplevel;

entrance:
    ptr = st->ptr;
    if (pc[0] == SRE_OP_INFO) {
        /* <INFO> <skip> <flags> <min> ...: too short a subject fails */
        if (pc[3] && end - ptr >= 0 && (uintptr_t)(end - ptr) < pc[3]) goto fail;
        pc += pc[1] + 1;
    }
    for (;;) {
        switch (*pc++) {
        case SRE_OP_MARK: {
            intptr_t i = (intptr_t)pc[0];
            if (i >= st->nmarks) {
                ret = SRE_ERROR_ILLEGAL;
                goto abort;
            }
            if (i & 1) st->lastindex = i / 2 + 1;
            if (i > st->lastmark) {
                for (intptr_t j = st->lastmark + 1; j < i; j++) st->marks[j] = -1;
                st->lastmark = i;
            }
            st->marks[i] = ptr;
            pc++;
            break;
        }
        case SRE_OP_LITERAL:
            if (ptr >= end || CH(st, ptr) != pc[0]) goto fail;
            pc++, ptr++;
            break;
        case SRE_OP_NOT_LITERAL:
            if (ptr >= end || CH(st, ptr) == pc[0]) goto fail;
            pc++, ptr++;
            break;
        case SRE_OP_SUCCESS:
            if (ctx->toplevel && ((st->match_all && ptr != end) ||
                                  (st->must_advance && ptr == st->start)))
                goto fail;
            st->ptr = ptr;
            goto succeed;
        case SRE_OP_AT:
            if (!at(st, ptr, pc[0])) goto fail;
            pc++;
            break;
        case SRE_OP_ANY:
        case SRE_OP_ANY_ALL:
        case SRE_OP_CATEGORY:
        case SRE_OP_LITERAL_IGNORE:
        case SRE_OP_NOT_LITERAL_IGNORE:
        case SRE_OP_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        case SRE_OP_LITERAL_LOC_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            if (ptr >= end || unit_match(pc - 1, CH(st, ptr)) != 1) goto fail;
            pc += pc[-1] == SRE_OP_ANY || pc[-1] == SRE_OP_ANY_ALL ? 0 : 1;
            ptr++;
            break;
        case SRE_OP_IN:
        case SRE_OP_IN_IGNORE:
        case SRE_OP_IN_UNI_IGNORE:
        case SRE_OP_IN_LOC_IGNORE:
            if (ptr >= end || unit_match(pc - 1, CH(st, ptr)) != 1) goto fail;
            pc += pc[0];
            ptr++;
            break;
        case SRE_OP_JUMP:
        case SRE_OP_INFO: pc += pc[0]; break;

        case SRE_OP_BRANCH:
            /* <BRANCH> <skip> alt <JUMP> ... <0> */
            LASTMARK_SAVE();
            if (st->repeat >= 0) MARK_PUSH(ctx->lastmark);
        branch_try:
            for (; pc[0]; pc += pc[0]) {
                if (pc[1] == SRE_OP_LITERAL && (ptr >= end || CH(st, ptr) != pc[2])) continue;
                if (pc[1] == SRE_OP_IN && (ptr >= end || !in_charset(pc + 3, CH(st, ptr))))
                    continue;
                st->ptr = ptr;
                CALL(J_BRANCH, pc + 1, ctx->toplevel);
            }
            if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
            goto fail;
        r_branch:
            if (ret) {
                if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                goto succeed;
            }
            if (st->repeat >= 0) MARK_POP_KEEP(ctx->lastmark);
            LASTMARK_RESTORE();
            pc += pc[0];
            goto branch_try;

        case SRE_OP_REPEAT_ONE:
            /* <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy */
            if ((intptr_t)pc[1] > end - ptr) goto fail;
            st->ptr = ptr;
            ret = count(st, pc + 3, (intptr_t)pc[2]);
            if (ret < 0) goto abort;
            ctx = CTX;
            ctx->count = ret;
            ptr += ret;
            if (ctx->count < (intptr_t)pc[1]) goto fail;
            if (pc[pc[0]] == SRE_OP_SUCCESS && ptr == end &&
                !(ctx->toplevel && st->must_advance && ptr == st->start)) {
                st->ptr = ptr; /* nothing follows: done */
                goto succeed;
            }
            LASTMARK_SAVE();
            if (st->repeat >= 0) MARK_PUSH(ctx->lastmark);
            if (pc[pc[0]] == SRE_OP_LITERAL) {
                ctx->chr = pc[pc[0] + 1];
                goto rone_lit_try;
            }
            goto rone_try;
        rone_lit_try:
            /* the tail starts with a literal: skip positions where it can't */
            while (ctx->count >= (intptr_t)pc[1] && (ptr >= end || CH(st, ptr) != ctx->chr)) {
                ptr--;
                ctx->count--;
            }
            if (ctx->count < (intptr_t)pc[1]) {
                if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                goto fail;
            }
            st->ptr = ptr;
            CALL(J_REPEAT_ONE_1, pc + pc[0], ctx->toplevel);
        rone_try:
            if (ctx->count < (intptr_t)pc[1]) {
                if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                goto fail;
            }
            st->ptr = ptr;
            CALL(J_REPEAT_ONE_2, pc + pc[0], ctx->toplevel);
        r_repeat_one:
            if (ret) {
                if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                goto succeed;
            }
            if (st->repeat >= 0) MARK_POP_KEEP(ctx->lastmark);
            LASTMARK_RESTORE();
            ptr--;
            ctx->count--;
            if (jump == J_REPEAT_ONE_1) goto rone_lit_try;
            goto rone_try;

        case SRE_OP_MIN_REPEAT_ONE:
            /* <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: lazy */
            if ((intptr_t)pc[1] > end - ptr) goto fail;
            st->ptr = ptr;
            if (pc[1] == 0) {
                ctx->count = 0;
            } else {
                ret = count(st, pc + 3, (intptr_t)pc[1]);
                if (ret < 0) goto abort;
                ctx = CTX;
                if (ret < (intptr_t)pc[1]) goto fail;
                ctx->count = ret;
                ptr += ret;
            }
            if (pc[pc[0]] == SRE_OP_SUCCESS &&
                !(ctx->toplevel && ((st->match_all && ptr != end) ||
                                    (st->must_advance && ptr == st->start)))) {
                st->ptr = ptr;
                goto succeed;
            }
            LASTMARK_SAVE();
            if (st->repeat >= 0) MARK_PUSH(ctx->lastmark);
        min_one_try:
            if (pc[2] != SRE_MAXREPEAT && ctx->count > (intptr_t)pc[2]) {
                if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                goto fail;
            }
            st->ptr = ptr;
            CALL(J_MIN_REPEAT_ONE, pc + pc[0], ctx->toplevel);
        r_min_repeat_one:
            if (ret) {
                if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                goto succeed;
            }
            if (st->repeat >= 0) MARK_POP_KEEP(ctx->lastmark);
            LASTMARK_RESTORE();
            st->ptr = ptr;
            ret = count(st, pc + 3, 1);
            if (ret < 0) goto abort;
            ctx = CTX;
            if (ret == 0) {
                if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                goto fail;
            }
            ptr++;
            ctx->count++;
            goto min_one_try;

        case SRE_OP_POSSESSIVE_REPEAT_ONE:
            /* like REPEAT_ONE without giving anything back */
            if ((intptr_t)pc[1] > end - ptr) goto fail;
            st->ptr = ptr;
            ret = count(st, pc + 3, (intptr_t)pc[2]);
            if (ret < 0) goto abort;
            ctx = CTX;
            if (ret < (intptr_t)pc[1]) goto fail;
            ptr += ret;
            pc += pc[0];
            if (*pc == SRE_OP_SUCCESS && ptr == end &&
                !(ctx->toplevel && st->must_advance && ptr == st->start)) {
                st->ptr = ptr;
                goto succeed;
            }
            break;

        case SRE_OP_REPEAT:
            /* <REPEAT> <skip> <min> <max> item <MAX_UNTIL|MIN_UNTIL> tail:
             * install a repeat context; the UNTIL opcode does the work */
            ctx->rep = new_repeat(st, pc);
            if (ctx->rep < 0) {
                ret = SRE_ERROR_MEMORY;
                goto abort;
            }
            st->repeat = ctx->rep;
            st->ptr = ptr;
            CALL(J_REPEAT, pc + pc[0], ctx->toplevel);
        r_repeat:
            st->repeat = REP->prev;
            st->nreps = ctx->rep;
            if (ret) goto succeed;
            goto fail;

        case SRE_OP_MAX_UNTIL:
            /* greedy: one more item if possible, else the tail */
            ctx->rep = st->repeat;
            if (ctx->rep < 0) {
                ret = SRE_ERROR_STATE;
                goto abort;
            }
            st->ptr = ptr;
            ctx->count = REP->count + 1;
            if (ctx->count < (intptr_t)REP->pattern[1]) {
                REP->count = ctx->count; /* not enough items yet */
                CALL(J_MAX_UNTIL_1, REP->pattern + 3, ctx->toplevel);
            }
            goto max_until_more;
        r_max_until_1:
            if (ret) goto succeed;
            REP->count = ctx->count - 1;
            st->ptr = ptr;
            goto fail;
        max_until_more:
            if ((ctx->count < (intptr_t)REP->pattern[2] || REP->pattern[2] == SRE_MAXREPEAT) &&
                st->ptr != REP->last_ptr) {
                REP->count = ctx->count;
                LASTMARK_SAVE();
                MARK_PUSH(ctx->lastmark);
                if (save_push(st, &REP->last_ptr, 1) < 0) {
                    ret = SRE_ERROR_MEMORY;
                    goto abort;
                }
                REP->last_ptr = st->ptr; /* zero-width match protection */
                CALL(J_MAX_UNTIL_2, REP->pattern + 3, ctx->toplevel);
            }
            goto max_until_tail;
        r_max_until_2:
            save_pop(st, &REP->last_ptr, 1, true);
            if (ret) {
                MARK_POP_DISCARD(ctx->lastmark);
                goto succeed;
            }
            MARK_POP(ctx->lastmark);
            LASTMARK_RESTORE();
            REP->count = ctx->count - 1;
            st->ptr = ptr;
        max_until_tail:
            st->repeat = REP->prev;
            CALL(J_MAX_UNTIL_3, pc, ctx->toplevel);
        r_max_until_3:
            st->repeat = ctx->rep;
            if (ret) goto succeed;
            st->ptr = ptr;
            goto fail;

        case SRE_OP_MIN_UNTIL:
            /* lazy: the tail if possible, else one more item */
            ctx->rep = st->repeat;
            if (ctx->rep < 0) {
                ret = SRE_ERROR_STATE;
                goto abort;
            }
            st->ptr = ptr;
            ctx->count = REP->count + 1;
            if (ctx->count < (intptr_t)REP->pattern[1]) {
                REP->count = ctx->count;
                CALL(J_MIN_UNTIL_1, REP->pattern + 3, ctx->toplevel);
            }
            st->repeat = REP->prev;
            LASTMARK_SAVE();
            if (st->repeat >= 0) MARK_PUSH(ctx->lastmark);
            CALL(J_MIN_UNTIL_2, pc, ctx->toplevel);
        r_min_until_1:
            if (ret) goto succeed;
            REP->count = ctx->count - 1;
            st->ptr = ptr;
            goto fail;
        r_min_until_2: {
            intptr_t tail_rep = st->repeat;
            st->repeat = ctx->rep;
            if (ret) {
                if (tail_rep >= 0) MARK_POP_DISCARD(ctx->lastmark);
                goto succeed;
            }
            if (tail_rep >= 0) MARK_POP(ctx->lastmark);
            LASTMARK_RESTORE();
            st->ptr = ptr;
            if ((ctx->count >= (intptr_t)REP->pattern[2] && REP->pattern[2] != SRE_MAXREPEAT) ||
                st->ptr == REP->last_ptr)
                goto fail;
            REP->count = ctx->count;
            if (save_push(st, &REP->last_ptr, 1) < 0) {
                ret = SRE_ERROR_MEMORY;
                goto abort;
            }
            REP->last_ptr = st->ptr;
            CALL(J_MIN_UNTIL_3, REP->pattern + 3, ctx->toplevel);
        }
        r_min_until_3:
            save_pop(st, &REP->last_ptr, 1, true);
            if (ret) goto succeed;
            REP->count = ctx->count - 1;
            st->ptr = ptr;
            goto fail;

        case SRE_OP_POSSESSIVE_REPEAT:
            /* <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail */
            st->ptr = ptr;
            ctx->count = 0;
        poss_min:
            if (ctx->count < (intptr_t)pc[1]) CALL(J_POSS_1, pc + 3, false);
            ptr = -1; /* differs from st->ptr: the loop runs at least once */
            goto poss_more;
        r_poss_1:
            if (ret) {
                ctx->count++;
                goto poss_min;
            }
            st->ptr = ptr;
            goto fail;
        poss_more:
            if ((ctx->count < (intptr_t)pc[2] || pc[2] == SRE_MAXREPEAT) && st->ptr != ptr) {
                LASTMARK_SAVE();
                MARK_PUSH(ctx->lastmark);
                ptr = st->ptr;
                CALL(J_POSS_2, pc + 3, false);
            }
            goto poss_done;
        r_poss_2:
            if (ret) {
                MARK_POP_DISCARD(ctx->lastmark);
                ctx->count++;
                goto poss_more;
            }
            MARK_POP(ctx->lastmark);
            LASTMARK_RESTORE();
            st->ptr = ptr;
        poss_done:
            pc += pc[0] + 1;
            ptr = st->ptr;
            break;

        case SRE_OP_ATOMIC_GROUP:
            /* <ATOMIC_GROUP> <skip> body <SUCCESS> tail */
            st->ptr = ptr;
            CALL(J_ATOMIC, pc + 1, false);
        r_atomic:
            if (!ret) {
                st->ptr = ptr;
                goto fail;
            }
            pc += pc[0];
            ptr = st->ptr;
            break;

        case SRE_OP_GROUPREF:
        case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE: {
            SreCode op = pc[-1];
            int fold = op == SRE_OP_GROUPREF_IGNORE       ? 1
                     : op == SRE_OP_GROUPREF_UNI_IGNORE ? 2
                     : op == SRE_OP_GROUPREF_LOC_IGNORE ? 3
                                                          : 0;
            if (!groupref(st, pc[0], fold, &ptr)) goto fail;
            pc++;
            break;
        }
        case SRE_OP_GROUPREF_EXISTS: {
            /* <GROUPREF_EXISTS> <group> <skip> yes <JUMP> no */
            intptr_t g = (intptr_t)pc[0] * 2;
            if (g >= st->lastmark || st->marks[g] < 0 || st->marks[g + 1] < 0 ||
                st->marks[g + 1] < st->marks[g])
                pc += pc[1];
            else
                pc += 2;
            break;
        }
        case SRE_OP_ASSERT:
            /* <ASSERT> <skip> <back> body <SUCCESS> */
            if (ptr < (intptr_t)pc[1]) goto fail;
            st->ptr = ptr - (intptr_t)pc[1];
            CALL(J_ASSERT, pc + 2, false);
        r_assert:
            if (!ret) goto fail;
            pc += pc[0];
            break;
        case SRE_OP_ASSERT_NOT:
            if (ptr >= (intptr_t)pc[1]) {
                st->ptr = ptr - (intptr_t)pc[1];
                LASTMARK_SAVE();
                if (st->repeat >= 0) MARK_PUSH(ctx->lastmark);
                CALL(J_ASSERT_NOT, pc + 2, false);
            }
            pc += pc[0];
            break;
        r_assert_not:
            if (ret) {
                if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                goto fail;
            }
            if (st->repeat >= 0) MARK_POP(ctx->lastmark);
            LASTMARK_RESTORE();
            pc += pc[0];
            break;

        case SRE_OP_FAILURE: goto fail;
        default:
            ret = SRE_ERROR_ILLEGAL;
            goto abort;
        }
    }

fail:
    ret = 0;
    goto leave;
succeed:
    ret = 1;
leave:
    jump = CTX->jump;
    st->nframes--;
    if (st->nframes == base) return ret;
    ctx = CTX;
    pc = ctx->pc;
    ptr = ctx->ptr;
    switch (jump) {
    case J_BRANCH: goto r_branch;
    case J_REPEAT_ONE_1:
    case J_REPEAT_ONE_2: goto r_repeat_one;
    case J_MIN_REPEAT_ONE: goto r_min_repeat_one;
    case J_REPEAT: goto r_repeat;
    case J_MAX_UNTIL_1: goto r_max_until_1;
    case J_MAX_UNTIL_2: goto r_max_until_2;
    case J_MAX_UNTIL_3: goto r_max_until_3;
    case J_MIN_UNTIL_1: goto r_min_until_1;
    case J_MIN_UNTIL_2: goto r_min_until_2;
    case J_MIN_UNTIL_3: goto r_min_until_3;
    case J_POSS_1: goto r_poss_1;
    case J_POSS_2: goto r_poss_2;
    case J_ATOMIC: goto r_atomic;
    case J_ASSERT: goto r_assert;
    case J_ASSERT_NOT: goto r_assert_not;
    default: ret = SRE_ERROR_STATE; break;
    }
abort:
    st->nframes = base;
    return ret;
}

/* ---- search ---------------------------------------------------------------------- */

/* First position >= ptr where the literal prefix occurs wholly before end,
 * or -1. */
static intptr_t find_prefix(const SreState *st, intptr_t ptr, const SreCode *prefix,
                            intptr_t len) {
    for (intptr_t last = st->end - len; ptr <= last; ptr++) {
        if (CH(st, ptr) != prefix[0]) continue;
        intptr_t i = 1;
        while (i < len && CH(st, ptr + i) == prefix[i]) i++;
        if (i == len) return ptr;
    }
    return -1;
}

intptr_t sre_search(SreState *st, const SreCode *code) {
    intptr_t ptr = st->start, end = st->end, status;
    const SreCode *prefix = NULL, *charset = NULL, *body = code;
    intptr_t prefix_len = 0;
    if (ptr > end) return 0;
    if (code[0] == SRE_OP_INFO) {
        /* <INFO> <skip> <flags> <min> <max> [<len> <skip> prefix overlap | charset] */
        SreCode flags = code[2];
        if (code[3] && end - ptr < (intptr_t)code[3]) return 0;
        if (flags & SRE_INFO_PREFIX) {
            prefix_len = (intptr_t)code[5];
            prefix = code + 7;
        } else if (flags & SRE_INFO_CHARSET) {
            charset = code + 5;
        }
        body = code + 1 + code[1];
    }
    bool anchored = body[0] == SRE_OP_AT &&
                    (body[1] == SRE_AT_BEGINNING || body[1] == SRE_AT_BEGINNING_STRING);
    for (bool first = true;; first = false) {
        if (prefix_len > 0) {
            ptr = find_prefix(st, ptr, prefix, prefix_len);
            if (ptr < 0) return 0;
        } else if (charset) {
            while (ptr < end && !in_charset(charset, CH(st, ptr))) ptr++;
            if (ptr >= end) return 0;
        }
        st->start = st->ptr = ptr;
        status = sre_match(st, code, first);
        st->must_advance = false;
        if (status != 0 || ptr >= end || anchored) return status;
        ptr++;
        st->lastmark = st->lastindex = -1;
    }
}
