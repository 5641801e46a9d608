/* str.h — Unicode str (objects/str.c, objects/str_methods.c,
 * objects/str_format.c) and the string builder.
 *
 * Representation (PEP 393 style): code points stored in the smallest of 1,
 * 2 or 4 bytes per char (`kind`), so indexing is O(1). `ascii` strings keep
 * their data as valid UTF-8 too. `utf8` caches the UTF-8 encoding (NULL
 * until asked; equals `data` for ascii). hash -1 = not computed yet.
 */
#ifndef PITH_STR_H
#define PITH_STR_H

#include "object.h"

typedef struct PithStr {
    PithObject ob;
    intptr_t length; /* code points */
    intptr_t hash;
    uint8_t kind;     /* 1, 2 or 4 */
    uint8_t ascii;    /* all chars < 128 */
    uint8_t interned;
    uint8_t reserved_;
    /* Bytes between the struct and the data: 0 for exact str; for instances
     * of str subclasses the subtype's extra fields (dict slot, __slots__)
     * occupy [sizeof(PithStr), tp_basicsize) and the data follows them. */
    uint32_t extra;
    char *utf8;       /* cached UTF-8, NUL-terminated */
    intptr_t utf8_length;
    /* followed by the data: length * kind bytes + NUL unit */
} PithStr;

extern PithType pith_str_type;
#define pith_str_check(o) PITH_TYPE_CHECK_FLAG(o, PITH_TPFLAGS_UNICODE_SUBCLASS)
#define pith_str_check_exact(o) (PITH_TYPE(o) == &pith_str_type)
#define PITH_STR_DATA(o)                                                       \
    ((void *)((char *)((PithStr *)(o) + 1) + ((PithStr *)(o))->extra))
#define PITH_STR_LEN(o) (((PithStr *)(o))->length)
#define PITH_STR_KIND(o) (((PithStr *)(o))->kind)
static inline uint32_t pith_str_read(const PithStr *s, intptr_t i) {
    const void *d = (const char *)(s + 1) + s->extra;
    return s->kind == 1 ? ((const uint8_t *)d)[i]
         : s->kind == 2 ? ((const uint16_t *)d)[i]
                        : ((const uint32_t *)d)[i];
}

/* Construction. Invalid UTF-8 raises UnicodeDecodeError. len -1 = strlen. */
PithObject *pith_str_from_utf8(const char *s, intptr_t len);
PithObject *pith_str_from_cstr(const char *s);
PithObject *pith_str_from_ucs4(const uint32_t *cps, intptr_t n);
PithObject *pith_str_from_char(uint32_t cp); /* single chars < 256 cached */
PithObject *pith_str_empty(void);            /* new ref to the '' singleton */
/* Interning: the returned str is the unique interned instance (new ref). */
PithObject *pith_str_intern_cstr(const char *s);
void pith_str_intern_in_place(PithObject **p);
/* printf-like: %s (utf-8 char*), %d %i %u %ld %lu %lld %llu %zd %zu %x %c
 * (int code point) %p, %% ; %R repr(obj), %S str(obj), %A ascii(obj),
 * %U (str obj), %T type name of obj; precision like %.200s honoured. */
PithObject *pith_str_from_format(const char *fmt, ...);
PithObject *pith_str_from_formatv(const char *fmt, va_list ap);

/* Access. */
/* UTF-8 view, borrowed (cached in the object). NULL + UnicodeEncodeError on
 * lone surrogates. */
const char *pith_str_utf8(PithObject *s);
const char *pith_str_utf8_size(PithObject *s, intptr_t *len);
intptr_t pith_str_hash(PithObject *s);
bool pith_str_equal(PithObject *a, PithObject *b); /* both exact-or-sub str */
bool pith_str_eq_cstr(PithObject *s, const char *c);
int pith_str_compare(PithObject *a, PithObject *b); /* -1/0/1 by code point */
PithObject *pith_str_concat(PithObject *a, PithObject *b);
PithObject *pith_str_join(PithObject *sep, PithObject *iterable);
PithObject *pith_str_substring(PithObject *s, intptr_t start, intptr_t end);
/* repr(str) with CPython's quote choice and escapes. */
PithObject *pith_str_repr(PithObject *s);
/* format(obj, spec) machinery for str, used by int/float too. */
PithObject *pith_format(PithObject *obj, PithObject *spec); /* builtin format() */
bool pith_unicode_isspace(uint32_t cp);
bool pith_unicode_isidentifier_start(uint32_t cp);
bool pith_unicode_isidentifier_continue(uint32_t cp);
bool pith_str_isidentifier(PithObject *s);

/* Format-spec mini-language (str_format.c), shared by str/int/float
 * __format__: [[fill]align][sign][z][#][0][width][grouping][.precision][type] */
typedef struct PithFormatSpec {
    uint32_t fill;      /* default ' ' */
    char align;         /* '<' '>' '=' '^' or 0 = type's default */
    char sign;          /* '+' '-' ' ' or 0 */
    bool no_neg_zero;   /* 'z' */
    bool alternate;     /* '#' */
    bool zero_pad;      /* '0' before width */
    intptr_t width;     /* -1 = none */
    char grouping;      /* ',' '_' or 0 */
    intptr_t precision; /* -1 = none */
    uint32_t type;      /* 0 = none */
} PithFormatSpec;
/* ValueError ("Invalid format specifier ...") on bad spec. */
int pith_format_spec_parse(PithObject *spec, PithFormatSpec *out);
/* Apply width/fill/align to an already-formatted body (new str). */
PithObject *pith_format_pad(PithObject *body, const PithFormatSpec *spec, char default_align);

/* String builder: accumulate then finish into a str. */
typedef struct PithStrBuilder {
    uint32_t *buf; /* code points */
    intptr_t len, cap;
    uint32_t maxchar;
} PithStrBuilder;
void pith_sb_init(PithStrBuilder *sb);
int pith_sb_append_char(PithStrBuilder *sb, uint32_t cp);
int pith_sb_append_utf8(PithStrBuilder *sb, const char *s, intptr_t len); /* -1 len = strlen */
int pith_sb_append_str(PithStrBuilder *sb, PithObject *str);
int pith_sb_append_repr(PithStrBuilder *sb, PithObject *obj);
PithObject *pith_sb_finish(PithStrBuilder *sb); /* frees buffer */
void pith_sb_discard(PithStrBuilder *sb);

/* ---- additions by the str owner ---------------------------------------- */

/* Invariant: every str is canonical — kind is the smallest that holds its
 * largest code point, ascii == (max < 128). So equal strings have equal
 * kind and bytes. */

/* A new exact str of n code points able to hold maxchar, data uninitialised
 * except the NUL terminator; fill with pith_str_write. */
PithObject *pith_str_new_raw(intptr_t n, uint32_t maxchar);
static inline void pith_str_write(PithStr *s, intptr_t i, uint32_t cp) {
    void *d = (char *)(s + 1) + s->extra;
    if (s->kind == 1) ((uint8_t *)d)[i] = (uint8_t)cp;
    else if (s->kind == 2) ((uint16_t *)d)[i] = (uint16_t)cp;
    else ((uint32_t *)d)[i] = cp;
}
/* *pv = *pv + w, growing *pv in place when it is an exact, uninterned str
 * with refcnt 1 (the VM's `s += t` fast path); otherwise a new str replaces
 * *pv (old reference dropped). On error *pv is cleared (NULL) and -1
 * returned. w must be a str. */
int pith_str_append_inplace(PithObject **pv, PithObject *w);
/* Build from n units of width kind (1, 2 or 4); result canonical. */
PithObject *pith_str_from_kind(int kind, const void *data, intptr_t n);
PithObject *pith_str_from_latin1(const char *s, intptr_t n);
/* s * n ; s[i] as a 1-char str (index already checked). */
PithObject *pith_str_repeat(PithObject *s, intptr_t n);
PithObject *pith_str_char_at(PithObject *s, intptr_t i);
/* Find sub in s[start:end]: index or -1 (direction 1 = find, -1 = rfind). */
intptr_t pith_str_find(PithObject *s, PithObject *sub, intptr_t start,
                       intptr_t end, int direction);
intptr_t pith_str_count(PithObject *s, PithObject *sub, intptr_t start, intptr_t end);
/* s % args (printf-style formatting). */
PithObject *pith_str_percent_format(PithObject *fmt, PithObject *args);
/* bytes_mode: the printf of bytes % args, with fmt and result as Latin-1
 * text (%s/%b take bytes-likes or __bytes__, %r is %a, %c takes a byte). */
PithObject *pith_str_percent_format_mode(PithObject *fmt, PithObject *args, bool bytes_mode);
/* fmt.format(*args, **kwargs) with args borrowed, kwargs dict or NULL. */
PithObject *pith_str_format_call(PithObject *fmt, PithObject *const *args,
                                 size_t nargs, PithObject *kwargs);
/* s.format_map(mapping). */
PithObject *pith_str_format_map(PithObject *fmt, PithObject *mapping);
/* Like pith_format_spec_parse, but errors name the type ("Invalid format
 * specifier 'abc' for object of type 'int'"), as CPython's do. Note: with
 * '0' before the width and no explicit fill, fill becomes '0'; numeric types
 * then use align '=' when no align was given (zero_pad tells). */
int pith_format_spec_parse_for(PithObject *spec, PithFormatSpec *out, const char *type_name);
/* str.__format__ for a str value. */
PithObject *pith_str_format_str(PithObject *s, PithObject *spec);
extern PithType pith_str_iter_type, pith_str_ascii_iter_type;

/* Codecs (codecs.c). encoding/errors NULL = "utf-8"/"strict". Encoding
 * names are normalised (case, '-'/'_'/' '); unknown -> LookupError
 * "unknown encoding: x". */
PithObject *pith_str_encode(PithObject *s, const char *encoding, const char *errors);
PithObject *pith_str_decode(const char *data, intptr_t len, const char *encoding,
                            const char *errors);
/* UTF-8 of s with lone surrogates handled per errors (borrowed cache is
 * not used): returns a new bytes object. */
PithObject *pith_str_encode_utf8(PithObject *s, const char *errors);

/* Unicode database (unicode_db.c), Unicode 14.0. */
uint32_t pith_ucd_flags(uint32_t cp);
bool pith_unicode_isalpha(uint32_t cp);
bool pith_unicode_isdecimal(uint32_t cp);
bool pith_unicode_isdigit(uint32_t cp);
bool pith_unicode_isnumeric(uint32_t cp);
bool pith_unicode_isalnum(uint32_t cp);
bool pith_unicode_isprintable(uint32_t cp);
bool pith_unicode_islower(uint32_t cp);
bool pith_unicode_isupper(uint32_t cp);
bool pith_unicode_istitle(uint32_t cp); /* general category Lt */
bool pith_unicode_iscased(uint32_t cp);
bool pith_unicode_iscaseignorable(uint32_t cp);
int pith_unicode_decimal(uint32_t cp); /* 0..9 or -1 */
int pith_unicode_digit(uint32_t cp);   /* 0..9 or -1 */
/* Full case mappings: write up to 3 code points to out, return the count. */
int pith_unicode_tolower_full(uint32_t cp, uint32_t *out);
int pith_unicode_toupper_full(uint32_t cp, uint32_t *out);
int pith_unicode_totitle_full(uint32_t cp, uint32_t *out);
int pith_unicode_tofold_full(uint32_t cp, uint32_t *out);

#endif
