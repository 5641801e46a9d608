/* sre.h — private header of the `_sre` module (sre_module.c, sre_engine.c,
 * sre_match.c): the compiled Pattern object, the matching state and the
 * engine entry points.
 *
 * The code words come from CPython's pure-Python re._compiler (opcode
 * numbers of re/_constants.py, MAGIC 20220615); positions in the subject
 * are code point (or byte) indices, not pointers. A mark of -1 means the
 * group boundary was not reached. */
#ifndef PITH_SRE_H
#define PITH_SRE_H

#include "pith/pith.h"
#include "pith/import.h"
#include "pith/memoryview.h"

typedef uint32_t SreCode;

#define SRE_MAGIC 20220615
#define SRE_MAXREPEAT 0xFFFFFFFFu
#define SRE_MAXGROUPS 1073741823 /* INT32_MAX / 2 */

enum { /* opcodes (re._constants.OPCODES order) */
    SRE_OP_FAILURE, SRE_OP_SUCCESS, SRE_OP_ANY, SRE_OP_ANY_ALL, SRE_OP_ASSERT,
    SRE_OP_ASSERT_NOT, SRE_OP_AT, SRE_OP_BRANCH, SRE_OP_CATEGORY, SRE_OP_CHARSET,
    SRE_OP_BIGCHARSET, SRE_OP_GROUPREF, SRE_OP_GROUPREF_EXISTS, SRE_OP_IN, SRE_OP_INFO,
    SRE_OP_JUMP, SRE_OP_LITERAL, SRE_OP_MARK, SRE_OP_MAX_UNTIL, SRE_OP_MIN_UNTIL,
    SRE_OP_NOT_LITERAL, SRE_OP_NEGATE, SRE_OP_RANGE, SRE_OP_REPEAT, SRE_OP_REPEAT_ONE,
    SRE_OP_SUBPATTERN, SRE_OP_MIN_REPEAT_ONE, SRE_OP_ATOMIC_GROUP, SRE_OP_POSSESSIVE_REPEAT,
    SRE_OP_POSSESSIVE_REPEAT_ONE, SRE_OP_GROUPREF_IGNORE, SRE_OP_IN_IGNORE,
    SRE_OP_LITERAL_IGNORE, SRE_OP_NOT_LITERAL_IGNORE, SRE_OP_GROUPREF_LOC_IGNORE,
    SRE_OP_IN_LOC_IGNORE, SRE_OP_LITERAL_LOC_IGNORE, SRE_OP_NOT_LITERAL_LOC_IGNORE,
    SRE_OP_GROUPREF_UNI_IGNORE, SRE_OP_IN_UNI_IGNORE, SRE_OP_LITERAL_UNI_IGNORE,
    SRE_OP_NOT_LITERAL_UNI_IGNORE, SRE_OP_RANGE_UNI_IGNORE,
    SRE_OP_COUNT_
};

enum { /* AT codes */
    SRE_AT_BEGINNING, SRE_AT_BEGINNING_LINE, SRE_AT_BEGINNING_STRING, SRE_AT_BOUNDARY,
    SRE_AT_NON_BOUNDARY, SRE_AT_END, SRE_AT_END_LINE, SRE_AT_END_STRING,
    SRE_AT_LOC_BOUNDARY, SRE_AT_LOC_NON_BOUNDARY, SRE_AT_UNI_BOUNDARY,
    SRE_AT_UNI_NON_BOUNDARY, SRE_AT_COUNT_
};

enum { /* CATEGORY codes */
    SRE_CAT_DIGIT, SRE_CAT_NOT_DIGIT, SRE_CAT_SPACE, SRE_CAT_NOT_SPACE, SRE_CAT_WORD,
    SRE_CAT_NOT_WORD, SRE_CAT_LINEBREAK, SRE_CAT_NOT_LINEBREAK, SRE_CAT_LOC_WORD,
    SRE_CAT_LOC_NOT_WORD, SRE_CAT_UNI_DIGIT, SRE_CAT_UNI_NOT_DIGIT, SRE_CAT_UNI_SPACE,
    SRE_CAT_UNI_NOT_SPACE, SRE_CAT_UNI_WORD, SRE_CAT_UNI_NOT_WORD, SRE_CAT_UNI_LINEBREAK,
    SRE_CAT_UNI_NOT_LINEBREAK, SRE_CAT_COUNT_
};

#define SRE_FLAG_TEMPLATE 1
#define SRE_FLAG_IGNORECASE 2
#define SRE_FLAG_LOCALE 4
#define SRE_FLAG_MULTILINE 8
#define SRE_FLAG_DOTALL 16
#define SRE_FLAG_UNICODE 32
#define SRE_FLAG_VERBOSE 64
#define SRE_FLAG_DEBUG 128
#define SRE_FLAG_ASCII 256

#define SRE_INFO_PREFIX 1
#define SRE_INFO_LITERAL 2
#define SRE_INFO_CHARSET 4

/* Engine status codes below 0 (an exception is set for MEMORY). */
#define SRE_ERROR_ILLEGAL (-1)
#define SRE_ERROR_STATE (-2)
#define SRE_ERROR_MEMORY (-9)

/* A compiled pattern (re.Pattern). code[] holds codesize words. */
typedef struct SrePattern {
    PithVarObject ob;     /* size = codesize */
    intptr_t groups;      /* number of capturing groups (group 0 excluded) */
    PithObject *groupindex; /* dict name -> index, or NULL when empty */
    PithObject *indexgroup; /* tuple index -> name/None, or NULL */
    PithObject *pattern;    /* the source str/bytes, or None */
    int flags;
    int isbytes;            /* 1 bytes, 0 str, -1 unknown (pattern None) */
    SreCode code[];
} SrePattern;

/* One REPEAT context (lives on the state's repeat stack; `prev` is an index
 * into that stack, -1 for none). */
typedef struct SreRepeat {
    intptr_t count;
    const SreCode *pattern; /* the REPEAT's operands: skip, min, max, item */
    intptr_t last_ptr;      /* zero-width protection: position of last try */
    intptr_t prev;
} SreRepeat;

/* Matching state over one subject. Positions are indices into the subject
 * data; `start`/`end` are pos/endpos after clamping. */
typedef struct SreState {
    const void *data;
    int charsize; /* 1, 2 or 4 */
    bool isbytes;
    PithObject *string; /* the subject (borrowed from the caller) */
    PithBuffer view;    /* held for bytes-like subjects (view.obj NULL else) */
    intptr_t length;    /* of the whole subject */
    intptr_t pos, endpos;
    intptr_t start, end, ptr;
    bool match_all, must_advance;
    intptr_t *marks; /* 2 * groups entries */
    intptr_t nmarks;
    intptr_t lastmark, lastindex;
    intptr_t repeat; /* index into reps, or -1 */
    SreRepeat *reps;
    intptr_t nreps, capreps;
    void *frames; /* engine context stack (sre_engine.c) */
    intptr_t nframes, capframes;
    intptr_t *saved; /* mark save stack */
    intptr_t nsaved, capsaved;
} SreState;

extern PithType sre_pattern_type, sre_match_type, sre_scanner_type;

/* sre_module.c */
int sre_state_init(SreState *st, SrePattern *p, PithObject *string, intptr_t pos,
                   intptr_t endpos);
void sre_state_fini(SreState *st);
void sre_state_reset(SreState *st);
/* subject[i:j] as str or bytes (new ref). */
PithObject *sre_getslice(SreState *st, intptr_t i, intptr_t j);
/* re.<fn>(*args): the pure-Python helpers _subx and _expand. */
PithObject *sre_call_re(const char *fn, PithObject *const *args, size_t nargs);
/* Raise the Python exception for a negative engine status (unless set). */
void sre_raise_status(intptr_t status);
/* A Match for a successful status, None for 0, NULL on error. */
PithObject *sre_match_new(SrePattern *p, SreState *st, intptr_t status);

/* sre_engine.c: 1 matched, 0 no match, < 0 error. Both start at st->ptr
 * (match) or st->start (search) and leave the match in start..ptr. */
intptr_t sre_match(SreState *st, const SreCode *code, bool toplevel);
intptr_t sre_search(SreState *st, const SreCode *code);
uint32_t sre_lower_ascii(uint32_t ch);
uint32_t sre_lower_unicode(uint32_t ch);
uint32_t sre_upper_unicode(uint32_t ch);
bool sre_unicode_iscased(uint32_t ch);

/* sre_validate.c: 0 when code[0..n) is well-formed for `groups` groups. */
int sre_validate(const SreCode *code, intptr_t n, intptr_t groups);

/* sre_match.c */
PithObject *sre_scanner_new(SrePattern *p, PithObject *string, intptr_t pos, intptr_t endpos);

#endif
