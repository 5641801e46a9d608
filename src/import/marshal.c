/* marshal.c — object serialisation: the writer and reader behind
 * pith_marshal_dumps/pith_marshal_loads and the native `marshal` module.
 *
 * Value types use CPython's version-4 encoding (see marshal.h). An object
 * written with PITH_MARSHAL_FLAG_REF gets the next reference index; a later
 * occurrence of the same object is written as 'r' + that index. As in
 * CPython, only objects with more than one reference are flagged.
 *
 * Code objects (pith layout): six int32 (argcount, posonlyargcount,
 * kwonlyargcount, stacksize, flags, firstlineno), int32 ninstrs and the
 * instruction words, then the objects consts, names, varnames, cellvars,
 * freevars, filename, name, qualname, linetable, exceptiontable. Written as
 * 'k': each word as its opcode byte and, for an argument below 255, the
 * argument byte, else 255 and the 24-bit argument (3 bytes). The reader
 * also accepts 'c', the older layout with uint32 words (caches written by
 * earlier pith versions).
 *
 * Reader invariant: every read is bounds-checked against `end`; sizes are
 * checked against the bytes left before anything is allocated, so hostile
 * data gives an exception, never a crash or a huge allocation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pith/pith.h"
#include "pith/marshal.h"
#include "pith/memoryview.h"
#include "pith/opcode.h"

#define MAX_DEPTH 2000

enum {
    T_NULL = '0', T_NONE = 'N', T_FALSE = 'F', T_TRUE = 'T', T_STOPITER = 'S',
    T_ELLIPSIS = '.', T_INT = 'i', T_INT64 = 'I', T_FLOAT = 'f', T_BFLOAT = 'g',
    T_COMPLEX = 'x', T_BCOMPLEX = 'y', T_LONG = 'l', T_BYTES = 's', T_INTERNED = 't',
    T_REF = 'r', T_TUPLE = '(', T_LIST = '[', T_DICT = '{', T_CODE = 'c', T_CODE_COMPACT = 'k',
    T_UNICODE = 'u', T_SET = '<', T_FROZENSET = '>', T_ASCII = 'a',
    T_ASCII_INTERNED = 'A', T_SMALL_TUPLE = ')', T_SHORT_ASCII = 'z',
    T_SHORT_ASCII_INTERNED = 'Z',
};

/* ======================= writer ======================= */

typedef struct Writer {
    unsigned char *buf;
    size_t len, cap;
    int version, depth;
    /* Reference table: open addressing, keys are the written objects
     * (alive for the whole dump because the root holds them). */
    PithObject **keys;
    int32_t *idx;
    size_t tcap, tcount;
    /* Code objects' name tuples (names, varnames, cellvars, freevars) by
     * value: an equal tuple written later is written as a reference to the
     * first, so a module's many identical ('self', 'x') tuples load as one
     * object. Created on first use; owns its keys. */
    PithObject *name_tuples;
} Writer;

static int w_reserve(Writer *w, size_t n) {
    if (w->len + n <= w->cap) return 0;
    size_t cap = w->cap ? w->cap : 64;
    while (cap < w->len + n) cap *= 2;
    unsigned char *nb = pith_mem_realloc(w->buf, cap);
    if (!nb) return pith_err_no_memory(), -1;
    w->buf = nb;
    w->cap = cap;
    return 0;
}

static int w_bytes(Writer *w, const void *p, size_t n) {
    if (w_reserve(w, n) < 0) return -1;
    if (n) memcpy(w->buf + w->len, p, n);
    w->len += n;
    return 0;
}

static int w_byte(Writer *w, int c) {
    unsigned char b = (unsigned char)c;
    return w_bytes(w, &b, 1);
}

static int w_u32(Writer *w, uint32_t v) {
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    return w_bytes(w, b, 4);
}

static int w_double(Writer *w, double d) {
    uint64_t u;
    memcpy(&u, &d, 8);
    return w_u32(w, (uint32_t)u) | w_u32(w, (uint32_t)(u >> 32));
}

/* Versions 0 and 1: a float as a length byte + "%.17g" text. */
static int w_text_double(Writer *w, double d) {
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%.17g", d);
    return w_byte(w, n) | w_bytes(w, buf, (size_t)n);
}

/* A size as int32, ValueError beyond. */
static int w_size(Writer *w, intptr_t n) {
    if (n > INT32_MAX) {
        pith_err_set_string(&pith_exc_ValueError, "unmarshallable object");
        return -1;
    }
    return w_u32(w, (uint32_t)n);
}

static size_t ptr_hash(PithObject *o, size_t mask) {
    uintptr_t h = (uintptr_t)o >> 4;
    return (size_t)(h * 0x9E3779B97F4A7C15ull >> 17) & mask;
}

static int table_grow(Writer *w) {
    size_t ncap = w->tcap ? w->tcap * 2 : 64;
    PithObject **nk = pith_mem_calloc(ncap, sizeof *nk);
    int32_t *ni = pith_mem_calloc(ncap, sizeof *ni);
    if (!nk || !ni) {
        pith_mem_free(nk);
        pith_mem_free(ni);
        return pith_err_no_memory(), -1;
    }
    for (size_t i = 0; i < w->tcap; i++) {
        if (!w->keys[i]) continue;
        size_t j = ptr_hash(w->keys[i], ncap - 1);
        while (nk[j]) j = (j + 1) & (ncap - 1);
        nk[j] = w->keys[i];
        ni[j] = w->idx[i];
    }
    pith_mem_free(w->keys);
    pith_mem_free(w->idx);
    w->keys = nk;
    w->idx = ni;
    w->tcap = ncap;
    return 0;
}

/* Back-reference handling before writing o: returns 1 if 'r' was written,
 * 0 with *flag set (0 or FLAG_REF) to go on, -1 on error. */
static int w_ref(Writer *w, PithObject *o, int *flag) {
    *flag = 0;
    if (w->version < 3 || PITH_REFCNT(o) == 1) return 0;
    if (w->tcap) {
        size_t j = ptr_hash(o, w->tcap - 1);
        for (; w->keys[j]; j = (j + 1) & (w->tcap - 1)) {
            if (w->keys[j] == o) return (w_byte(w, T_REF) | w_u32(w, (uint32_t)w->idx[j])) ? -1 : 1;
        }
    }
    if ((w->tcount + 1) * 2 > w->tcap && table_grow(w) < 0) return -1;
    size_t j = ptr_hash(o, w->tcap - 1);
    while (w->keys[j]) j = (j + 1) & (w->tcap - 1);
    w->keys[j] = o;
    w->idx[j] = (int32_t)w->tcount++;
    *flag = PITH_MARSHAL_FLAG_REF;
    return 0;
}

static int w_object(Writer *w, PithObject *o);

static int w_items(Writer *w, PithObject *const *items, intptr_t n) {
    for (intptr_t i = 0; i < n; i++)
        if (w_object(w, items[i]) < 0) return -1;
    return 0;
}

/* Magnitude of an int as 32-bit words (little-endian); *tmp backs small ones. */
static const uint32_t *int_words(PithObject *o, uint32_t tmp[2], intptr_t *n, int *neg) {
    PithInt *i = (PithInt *)o;
    if (i->ndigits != 0) {
        *neg = i->ndigits < 0;
        *n = *neg ? -i->ndigits : i->ndigits;
        return i->digits;
    }
    *neg = i->small < 0;
    uint64_t m = *neg ? 0 - (uint64_t)i->small : (uint64_t)i->small;
    tmp[0] = (uint32_t)m;
    tmp[1] = (uint32_t)(m >> 32);
    *n = tmp[1] ? 2 : tmp[0] ? 1 : 0;
    return tmp;
}

/* 'l': signed count of 15-bit digits, then the digits (uint16 LE). */
static int w_long(Writer *w, PithObject *o, int flag) {
    uint32_t tmp[2];
    intptr_t nw;
    int neg;
    const uint32_t *d = int_words(o, tmp, &nw, &neg);
    size_t bits = (size_t)nw * 32;
    while (bits > 0 && !((d[(bits - 1) / 32] >> ((bits - 1) % 32)) & 1)) bits--;
    intptr_t nd = (intptr_t)((bits + 14) / 15);
    if (w_byte(w, T_LONG | flag) < 0 || w_size(w, neg ? -nd : nd) < 0) return -1;
    for (intptr_t k = 0; k < nd; k++) {
        unsigned digit = 0;
        for (int b = 0; b < 15; b++) {
            size_t bit = (size_t)k * 15 + (size_t)b;
            if (bit < bits && ((d[bit / 32] >> (bit % 32)) & 1)) digit |= 1u << b;
        }
        unsigned char le[2] = {(unsigned char)digit, (unsigned char)(digit >> 8)};
        if (w_bytes(w, le, 2) < 0) return -1;
    }
    return 0;
}

static int w_int(Writer *w, PithObject *o, int flag) {
    if (pith_int_is_small(o)) {
        int64_t v = pith_int_small_value(o);
        if (v >= INT32_MIN && v <= INT32_MAX)
            return w_byte(w, T_INT | flag) | w_u32(w, (uint32_t)(int32_t)v);
    }
    return w_long(w, o, flag);
}

/* Length-prefixed bytes: short (1-byte length) when `shortcode` and n < 256. */
static int w_counted(Writer *w, int code, int shortcode, const char *p, intptr_t n) {
    if (shortcode && n < 256) {
        if (w_byte(w, shortcode) < 0 || w_byte(w, (int)n) < 0) return -1;
    } else if (w_byte(w, code) < 0 || w_size(w, n) < 0) {
        return -1;
    }
    return w_bytes(w, p, (size_t)n);
}

static int w_str(Writer *w, PithObject *o, int flag) {
    PithStr *s = (PithStr *)o;
    bool interned = s->interned && w->version >= 3;
    if (s->ascii && w->version >= 4) {
        return interned ? w_counted(w, T_ASCII_INTERNED | flag, T_SHORT_ASCII_INTERNED | flag,
                                    PITH_STR_DATA(o), s->length)
                        : w_counted(w, T_ASCII | flag, T_SHORT_ASCII | flag, PITH_STR_DATA(o),
                                    s->length);
    }
    PithObject *b = pith_str_encode(o, "utf-8", "surrogatepass");
    if (!b) return -1;
    int r = w_counted(w, (interned ? T_INTERNED : T_UNICODE) | flag, 0, PITH_BYTES_DATA(b),
                      PITH_BYTES_SIZE(b));
    PITH_DECREF(b);
    return r;
}

static int w_dict(Writer *w, PithObject *o, int flag) {
    if (w_byte(w, T_DICT | flag) < 0) return -1;
    intptr_t pos = 0;
    PithObject *k, *v;
    while (pith_dict_next(o, &pos, &k, &v)) {
        if (w_object(w, k) < 0 || w_object(w, v) < 0) return -1;
    }
    return w_byte(w, T_NULL);
}

typedef struct SortItem {
    PithObject *key; /* standalone dump of the element (bytes) */
    PithObject *elem;
} SortItem;

static int cmp_items(const void *a, const void *b) {
    PithObject *x = ((const SortItem *)a)->key, *y = ((const SortItem *)b)->key;
    intptr_t nx = PITH_BYTES_SIZE(x), ny = PITH_BYTES_SIZE(y);
    int c = memcmp(PITH_BYTES_DATA(x), PITH_BYTES_DATA(y), (size_t)(nx < ny ? nx : ny));
    return c ? c : (nx > ny) - (nx < ny);
}

/* Sets are written in the order of their elements' own dumps, so equal
 * sets give equal bytes (as CPython 3.11 does). */
static int w_set(Writer *w, PithObject *o, int flag) {
    intptr_t n = pith_set_size(o), pos = 0, i = 0;
    int code = (PITH_TYPE(o) == &pith_frozenset_type ? T_FROZENSET : T_SET) | flag;
    if (w_byte(w, code) < 0 || w_size(w, n) < 0) return -1;
    SortItem *items = pith_mem_calloc(n ? (size_t)n : 1, sizeof *items);
    if (!items) return pith_err_no_memory(), -1;
    PithObject *e;
    int r = 0;
    while (r == 0 && i < n && pith_set_next(o, &pos, &e)) {
        items[i].key = pith_marshal_dumps(e, w->version);
        /* held while written, so (as in CPython, whose sort pairs hold it)
         * an element is flagged for back-references */
        items[i].elem = PITH_NEWREF(e);
        if (!items[i++].key) r = -1;
    }
    if (r == 0) qsort(items, (size_t)i, sizeof *items, cmp_items);
    for (intptr_t j = 0; j < i; j++) {
        if (r == 0) r = w_object(w, items[j].elem);
        PITH_XDECREF(items[j].key);
        PITH_DECREF(items[j].elem);
    }
    pith_mem_free(items);
    return r;
}

/* The first written tuple equal to t when t is a non-empty tuple of exact
 * strs (equal such tuples are interchangeable), else t; borrowed. The table
 * holds the first one, so it is flagged for back-references when written. */
static PithObject *canonical_names(Writer *w, PithObject *t) {
    if (w->version < 3 || !pith_tuple_check_exact(t) || PITH_SIZE(t) == 0) return t;
    for (intptr_t i = 0; i < PITH_SIZE(t); i++)
        if (!pith_str_check_exact(PITH_TUPLE_GET(t, i))) return t;
    if (!w->name_tuples && !(w->name_tuples = pith_dict_new())) {
        pith_err_clear();
        return t;
    }
    PithObject *c = pith_dict_setdefault(w->name_tuples, t, t);
    if (!c) pith_err_clear();
    return c ? c : t;
}

static int w_code(Writer *w, PithObject *o, int flag) {
    PithCode *co = (PithCode *)o;
    int32_t ints[7] = {co->argcount, co->posonlyargcount, co->kwonlyargcount, co->stacksize,
                       co->flags, co->firstlineno, (int32_t)co->ninstrs};
    if (w_byte(w, T_CODE_COMPACT | flag) < 0) return -1;
    for (int i = 0; i < 7; i++)
        if (w_u32(w, (uint32_t)ints[i]) < 0) return -1;
    if (w_reserve(w, (size_t)co->ninstrs * 5) < 0) return -1;
    for (intptr_t i = 0; i < co->ninstrs; i++) {
        uint32_t word = co->instrs[i], arg = word >> 8;
        unsigned char *b = w->buf + w->len;
        b[0] = (unsigned char)word;
        if (arg < 255) {
            b[1] = (unsigned char)arg;
            w->len += 2;
        } else {
            b[1] = 255;
            b[2] = (unsigned char)arg;
            b[3] = (unsigned char)(arg >> 8);
            b[4] = (unsigned char)(arg >> 16);
            w->len += 5;
        }
    }
    PithObject *objs[10] = {co->consts,
                            canonical_names(w, co->names),
                            canonical_names(w, co->varnames),
                            canonical_names(w, co->cellvars),
                            canonical_names(w, co->freevars),
                            co->filename, co->name, co->qualname,
                            co->linetable, co->exceptiontable};
    return w_items(w, objs, 10);
}

static int w_sequence(Writer *w, PithObject *o, int flag) {
    intptr_t n = PITH_SIZE(o);
    if (pith_list_check_exact(o)) {
        if (w_byte(w, T_LIST | flag) < 0 || w_size(w, n) < 0) return -1;
        return w_items(w, PITH_LIST_ITEMS(o), n);
    }
    if (n < 256 && w->version >= 4) {
        if (w_byte(w, T_SMALL_TUPLE | flag) < 0 || w_byte(w, (int)n) < 0) return -1;
    } else if (w_byte(w, T_TUPLE | flag) < 0 || w_size(w, n) < 0) {
        return -1;
    }
    return w_items(w, PITH_TUPLE_ITEMS(o), n);
}

/* Objects that may be flagged for back-references. */
static int w_complex(Writer *w, PithObject *o) {
    int flag;
    int r = w_ref(w, o, &flag);
    if (r != 0) return r < 0 ? -1 : 0;
    PithType *t = PITH_TYPE(o);
    if (t == &pith_int_type) return w_int(w, o, flag);
    if (t == &pith_float_type) {
        if (w->version < 2) return w_byte(w, T_FLOAT | flag) | w_text_double(w, PITH_FLOAT_VALUE(o));
        return w_byte(w, T_BFLOAT | flag) | w_double(w, PITH_FLOAT_VALUE(o));
    }
    if (t == &pith_complex_type) {
        PithComplex *c = (PithComplex *)o;
        if (w->version < 2)
            return w_byte(w, T_COMPLEX | flag) | w_text_double(w, c->real) | w_text_double(w, c->imag);
        return w_byte(w, T_BCOMPLEX | flag) | w_double(w, c->real) | w_double(w, c->imag);
    }
    if (t == &pith_str_type) return w_str(w, o, flag);
    if (t == &pith_tuple_type || t == &pith_list_type) return w_sequence(w, o, flag);
    if (t == &pith_dict_type) return w_dict(w, o, flag);
    if (t == &pith_set_type || t == &pith_frozenset_type) return w_set(w, o, flag);
    if (t == &pith_code_type) return w_code(w, o, flag);
    const char *data;
    intptr_t n;
    if (pith_bytes_view(o, &data, &n)) return w_counted(w, T_BYTES | flag, 0, data, n);
    pith_err_set_string(&pith_exc_ValueError, "unmarshallable object");
    return -1;
}

static int w_object(Writer *w, PithObject *o) {
    if (++w->depth > MAX_DEPTH) {
        pith_err_set_string(&pith_exc_ValueError, "object too deeply nested to marshal");
        return -1;
    }
    int r;
    if (o == PITH_NONE) r = w_byte(w, T_NONE);
    else if (o == PITH_TRUE) r = w_byte(w, T_TRUE);
    else if (o == PITH_FALSE) r = w_byte(w, T_FALSE);
    else if (o == PITH_ELLIPSIS) r = w_byte(w, T_ELLIPSIS);
    else if (o == (PithObject *)&pith_exc_StopIteration) r = w_byte(w, T_STOPITER);
    else r = w_complex(w, o);
    w->depth--;
    return r;
}

PithObject *pith_marshal_dumps(PithObject *obj, int version) {
    Writer w = {.version = version};
    PithObject *r = NULL;
    if (w_object(&w, obj) == 0) r = pith_bytes_from(w.buf, (intptr_t)w.len);
    pith_mem_free(w.buf);
    pith_mem_free(w.keys);
    pith_mem_free(w.idx);
    PITH_XDECREF(w.name_tuples);
    return r;
}

/* ======================= reader ======================= */

typedef struct Reader {
    const unsigned char *p, *end;
    int depth;
    PithObject **refs; /* owned; NULL = reserved, not yet filled */
    size_t nrefs, cap;
} Reader;

static PithObject *bad_data(const char *what) {
    return pith_err_format(&pith_exc_ValueError, "bad marshal data (%s)", what);
}

static PithObject *too_short(void) {
    return pith_err_format(&pith_exc_EOFError, "marshal data too short");
}

static size_t r_left(Reader *r) { return (size_t)(r->end - r->p); }

/* Pointer to the next n bytes (advanced past), or NULL + EOFError. */
static const unsigned char *r_take(Reader *r, size_t n) {
    if (r_left(r) < n) return too_short(), NULL;
    const unsigned char *s = r->p;
    r->p += n;
    return s;
}

static int r_u32(Reader *r, uint32_t *out) {
    const unsigned char *s = r_take(r, 4);
    if (!s) return -1;
    *out = (uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16 | (uint32_t)s[3] << 24;
    return 0;
}

/* A non-negative int32 size, with what's message when negative. */
static int r_size(Reader *r, const char *what, intptr_t *out) {
    uint32_t u;
    if (r_u32(r, &u) < 0) return -1;
    if ((int32_t)u < 0) return bad_data(what), -1;
    *out = (int32_t)u;
    return 0;
}

static int r_double(Reader *r, double *d) {
    uint32_t lo, hi;
    if (r_u32(r, &lo) < 0 || r_u32(r, &hi) < 0) return -1;
    uint64_t u = (uint64_t)hi << 32 | lo;
    memcpy(d, &u, 8);
    return 0;
}

/* Reserve a reference slot; returns its index or -1. */
static intptr_t r_ref_reserve(Reader *r) {
    if (r->nrefs == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 32;
        PithObject **n = pith_mem_realloc(r->refs, cap * sizeof *n);
        if (!n) return pith_err_no_memory(), -1;
        r->refs = n;
        r->cap = cap;
    }
    r->refs[r->nrefs] = NULL;
    return (intptr_t)r->nrefs++;
}

static void r_ref_set(Reader *r, intptr_t idx, PithObject *o) {
    if (idx >= 0 && o && !r->refs[idx]) r->refs[idx] = PITH_NEWREF(o);
}

static PithObject *r_object(Reader *r);

/* An item of a container: NULL object (T_NULL) is an error here. */
static PithObject *r_item(Reader *r, const char *what) {
    PithObject *o = r_object(r);
    if (!o && !pith_err_occurred())
        pith_err_format(&pith_exc_TypeError, "NULL object in marshal data for %s", what);
    return o;
}

static PithObject *r_long(Reader *r) {
    uint32_t u;
    if (r_u32(r, &u) < 0) return NULL;
    int32_t n = (int32_t)u;
    if (n < -INT32_MAX) return bad_data("long size out of range");
    size_t nd = (size_t)(n < 0 ? -(int64_t)n : n);
    const unsigned char *s = r_take(r, nd * 2);
    if (!s) return NULL;
    if (nd == 0) return pith_int_from_i64(0);
    size_t nbytes = (nd * 15 + 7) / 8;
    unsigned char *buf = pith_mem_calloc(nbytes, 1);
    if (!buf) return pith_err_no_memory();
    for (size_t k = 0; k < nd; k++) {
        unsigned digit = s[2 * k] | (unsigned)s[2 * k + 1] << 8;
        if (digit >= 1u << 15 || (k == nd - 1 && digit == 0)) {
            pith_mem_free(buf);
            return bad_data(digit >= 1u << 15 ? "digit out of range in long"
                                              : "unnormalized long data");
        }
        for (int b = 0; b < 15; b++)
            if (digit >> b & 1) buf[(k * 15 + (size_t)b) / 8] |= (unsigned char)(1u << ((k * 15 + (size_t)b) % 8));
    }
    PithObject *bytes = pith_bytes_from(buf, (intptr_t)nbytes);
    pith_mem_free(buf);
    PithObject *order = bytes ? pith_str_from_cstr("little") : NULL;
    PithObject *args[2] = {bytes, order};
    PithObject *v = order ? pith_call_method((PithObject *)&pith_int_type, "from_bytes", args, 2)
                          : NULL;
    PITH_XDECREF(bytes);
    PITH_XDECREF(order);
    if (v && n < 0) PITH_SETREF(v, pith_number_negative(v));
    return v;
}

/* Old text float: 1-byte length + ASCII digits. */
static int r_text_double(Reader *r, double *d) {
    const unsigned char *n = r_take(r, 1), *s = n ? r_take(r, *n) : NULL;
    if (!s) return -1;
    PithObject *f = pith_float_from_string((const char *)s, *n, false);
    if (!f) return -1;
    *d = PITH_FLOAT_VALUE(f);
    PITH_DECREF(f);
    return 0;
}

static PithObject *r_str(Reader *r, int type, intptr_t n) {
    static PithObject *empty_bytes; /* one shared b'' (code objects have many) */
    const unsigned char *s = r_take(r, (size_t)n);
    if (!s) return NULL;
    PithObject *o;
    if (type == T_BYTES && n == 0) {
        if (!empty_bytes && !(empty_bytes = pith_bytes_from("", 0))) return NULL;
        return PITH_NEWREF(empty_bytes);
    }
    if (type == T_BYTES) return pith_bytes_from(s, n);
    if (type == T_UNICODE || type == T_INTERNED)
        o = pith_str_decode((const char *)s, n, "utf-8", "surrogatepass");
    else
        o = pith_str_from_latin1((const char *)s, n);
    if (o && (type == T_INTERNED || type == T_ASCII_INTERNED || type == T_SHORT_ASCII_INTERNED))
        pith_str_intern_in_place(&o);
    return o;
}

/* A sequence of n items; n was checked against the bytes left. */
static PithObject *r_tuple(Reader *r, intptr_t n) {
    if ((size_t)n > r_left(r)) return pith_err_format(&pith_exc_EOFError, "EOF read where object expected");
    PithObject *t = pith_tuple_new(n);
    bool atoms = true;
    for (intptr_t i = 0; t && i < n; i++) {
        PithObject *v = r_item(r, "tuple");
        if (!v) PITH_CLEAR(t);
        else PITH_TUPLE_SET(t, i, v);
        atoms = atoms && v && !pith_gc_may_be_tracked(v);
    }
    /* A tuple of atoms (names, constants, code) can never be part of a
     * cycle: the collector would untrack it at its first pass, so spare it
     * that work. (A loaded tuple is registered for back-references only
     * once complete, so it cannot contain itself.) */
    if (t && n && atoms) pith_gc_untrack(t);
    return t;
}

/* Lists, dicts and sets are registered as references before their items
 * are read (they may contain themselves). */
static PithObject *r_list(Reader *r, intptr_t n, intptr_t idx) {
    if ((size_t)n > r_left(r)) return pith_err_format(&pith_exc_EOFError, "EOF read where object expected");
    PithObject *l = pith_list_new(0);
    r_ref_set(r, idx, l);
    for (intptr_t i = 0; l && i < n; i++) {
        PithObject *v = r_item(r, "list");
        if (!v || pith_list_append(l, v) < 0) PITH_CLEAR(l);
        PITH_XDECREF(v);
    }
    return l;
}

static PithObject *r_dict(Reader *r, intptr_t idx) {
    PithObject *d = pith_dict_new();
    r_ref_set(r, idx, d);
    while (d) {
        PithObject *k = r_object(r);
        if (!k) break;
        PithObject *v = r_item(r, "dict");
        if (!v || pith_dict_set_item(d, k, v) < 0) PITH_CLEAR(d);
        PITH_DECREF(k);
        PITH_XDECREF(v);
    }
    if (d && pith_err_occurred()) PITH_CLEAR(d);
    return d;
}

static PithObject *r_set(Reader *r, int type, intptr_t n, intptr_t idx) {
    if ((size_t)n > r_left(r)) return pith_err_format(&pith_exc_EOFError, "EOF read where object expected");
    PithObject *s = pith_set_new(NULL);
    if (type == T_SET) r_ref_set(r, idx, s);
    for (intptr_t i = 0; s && i < n; i++) {
        PithObject *v = r_item(r, "set");
        if (!v || pith_set_add(s, v) < 0) PITH_CLEAR(s);
        PITH_XDECREF(v);
    }
    if (s && type == T_FROZENSET) PITH_SETREF(s, pith_frozenset_new(s));
    return s;
}

static bool all_str(PithObject *t) {
    if (!pith_tuple_check(t)) return false;
    for (intptr_t i = 0; i < PITH_SIZE(t); i++)
        if (!pith_str_check(PITH_TUPLE_GET(t, i))) return false;
    return true;
}

/* Type checks of a loaded code object's fields (objs as in w_code). */
static bool code_fields_ok(PithObject *const *o, const uint32_t *instrs, intptr_t n) {
    for (intptr_t i = 0; i < n; i++)
        if (PITH_OP_OF(instrs[i]) >= PITH_OP_COUNT) return false;
    return pith_tuple_check(o[0]) && all_str(o[1]) && all_str(o[2]) && all_str(o[3]) &&
           all_str(o[4]) && pith_str_check(o[5]) && pith_str_check(o[6]) &&
           pith_str_check(o[7]) && pith_bytes_check(o[8]) && pith_bytes_check(o[9]);
}

/* n instruction words into out: uint32 each ('c'), or compact ('k'). */
static int r_instrs(Reader *r, bool compact, uint32_t *out, intptr_t n) {
    if (!compact) {
        const unsigned char *w = r_take(r, (size_t)n * 4);
        for (intptr_t i = 0; w && i < n; i++, w += 4)
            out[i] = (uint32_t)w[0] | (uint32_t)w[1] << 8 | (uint32_t)w[2] << 16 | (uint32_t)w[3] << 24;
        return w || n == 0 ? 0 : -1;
    }
    for (intptr_t i = 0; i < n; i++) {
        const unsigned char *b = r_take(r, 2);
        if (!b) return -1;
        uint32_t arg = b[1];
        if (arg == 255) {
            const unsigned char *x = r_take(r, 3);
            if (!x) return -1;
            arg = (uint32_t)x[0] | (uint32_t)x[1] << 8 | (uint32_t)x[2] << 16;
        }
        out[i] = b[0] | arg << 8;
    }
    return 0;
}

static PithObject *r_code(Reader *r, bool compact) {
    uint32_t ints[7];
    for (int i = 0; i < 7; i++)
        if (r_u32(r, &ints[i]) < 0) return NULL;
    intptr_t n = (int32_t)ints[6];
    if (n < 0) return bad_data("code size out of range");
    if ((size_t)n > r_left(r) / (compact ? 2 : 4)) return too_short();
    /* most code objects are short: decode those on the stack */
    uint32_t small[64];
    uint32_t *instrs = n <= 64 ? small : pith_mem_malloc((size_t)n * 4);
    if (!instrs) return pith_err_no_memory();
    if (r_instrs(r, compact, instrs, n) < 0) {
        if (instrs != small) pith_mem_free(instrs);
        return NULL;
    }
    PithObject *objs[10] = {NULL};
    PithCode *co = NULL;
    int got = 0;
    while (got < 10 && (objs[got] = r_item(r, "code"))) got++;
    if (got == 10 && !code_fields_ok(objs, instrs, n)) bad_data("invalid code object");
    else if (got == 10) {
        PithCodeSpec spec = {instrs, n, (int)ints[0], (int)ints[1], (int)ints[2], (int)ints[3],
                             (int)ints[4], (int)ints[5], objs[0], objs[1], objs[2], objs[3],
                             objs[4], objs[5], objs[6], objs[7], objs[8]};
        co = pith_code_new(&spec);
        if (co) PITH_SETREF(co->exceptiontable, PITH_NEWREF(objs[9]));
    }
    for (int i = 0; i < got; i++) PITH_DECREF(objs[i]);
    if (instrs != small) pith_mem_free(instrs);
    return (PithObject *)co;
}

static PithObject *r_ref(Reader *r) {
    uint32_t u;
    if (r_u32(r, &u) < 0) return NULL;
    if (u >= r->nrefs || !r->refs[u]) return bad_data("invalid reference");
    return PITH_NEWREF(r->refs[u]);
}

static PithObject *r_counted(Reader *r, int type) {
    intptr_t n;
    if (type == T_SHORT_ASCII || type == T_SHORT_ASCII_INTERNED || type == T_SMALL_TUPLE) {
        const unsigned char *b = r_take(r, 1);
        if (!b) return NULL;
        n = *b;
    } else if (r_size(r, type == T_BYTES ? "bytes object size out of range"
                        : type == T_TUPLE ? "tuple size out of range"
                                          : "string size out of range", &n) < 0) {
        return NULL;
    }
    if (type == T_TUPLE || type == T_SMALL_TUPLE) return r_tuple(r, n);
    return r_str(r, type, n);
}

static PithObject *r_number(Reader *r, int type) {
    uint32_t u, h;
    double a = 0, b = 0;
    switch (type) {
    case T_INT: return r_u32(r, &u) < 0 ? NULL : pith_int_from_i64((int32_t)u);
    case T_INT64:
        if (r_u32(r, &u) < 0 || r_u32(r, &h) < 0) return NULL;
        return pith_int_from_i64((int64_t)((uint64_t)h << 32 | u));
    case T_LONG: return r_long(r);
    case T_BFLOAT: return r_double(r, &a) < 0 ? NULL : pith_float_from_double(a);
    case T_FLOAT: return r_text_double(r, &a) < 0 ? NULL : pith_float_from_double(a);
    case T_BCOMPLEX:
        return r_double(r, &a) < 0 || r_double(r, &b) < 0 ? NULL : pith_complex_from_doubles(a, b);
    default: /* T_COMPLEX */
        return r_text_double(r, &a) < 0 || r_text_double(r, &b) < 0
                   ? NULL : pith_complex_from_doubles(a, b);
    }
}

static PithObject *r_typed(Reader *r, int type, intptr_t idx) {
    intptr_t n;
    switch (type) {
    case T_NULL: return NULL;
    case T_NONE: return PITH_NONE;
    case T_TRUE: return PITH_TRUE;
    case T_FALSE: return PITH_FALSE;
    case T_ELLIPSIS: return PITH_ELLIPSIS;
    case T_STOPITER: return PITH_NEWREF((PithObject *)&pith_exc_StopIteration);
    case T_REF: return r_ref(r);
    case T_INT: case T_INT64: case T_LONG: case T_FLOAT: case T_BFLOAT: case T_COMPLEX:
    case T_BCOMPLEX:
        return r_number(r, type);
    case T_BYTES: case T_UNICODE: case T_INTERNED: case T_ASCII: case T_ASCII_INTERNED:
    case T_SHORT_ASCII: case T_SHORT_ASCII_INTERNED: case T_TUPLE: case T_SMALL_TUPLE:
        return r_counted(r, type);
    case T_LIST:
        return r_size(r, "list size out of range", &n) < 0 ? NULL : r_list(r, n, idx);
    case T_DICT: return r_dict(r, idx);
    case T_SET: case T_FROZENSET:
        return r_size(r, "set size out of range", &n) < 0 ? NULL : r_set(r, type, n, idx);
    case T_CODE: case T_CODE_COMPACT: return r_code(r, type == T_CODE_COMPACT);
    default: return bad_data("unknown type code");
    }
}

static PithObject *r_object(Reader *r) {
    if (r->p >= r->end)
        return pith_err_format(&pith_exc_EOFError, "EOF read where object expected");
    if (r->depth >= MAX_DEPTH)
        return pith_err_format(&pith_exc_ValueError, "recursion limit exceeded");
    int code = *r->p++;
    int type = code & ~PITH_MARSHAL_FLAG_REF;
    /* singletons and back-references are never registered themselves */
    bool simple = type == T_NULL || type == T_NONE || type == T_TRUE || type == T_FALSE ||
                  type == T_ELLIPSIS || type == T_STOPITER || type == T_REF;
    intptr_t idx = -1;
    if ((code & PITH_MARSHAL_FLAG_REF) && !simple && (idx = r_ref_reserve(r)) < 0) return NULL;
    r->depth++;
    PithObject *o = r_typed(r, type, idx);
    r->depth--;
    r_ref_set(r, idx, o);
    return o;
}

PithObject *pith_marshal_loads(const char *data, size_t len, size_t *used) {
    Reader r = {(const unsigned char *)data, (const unsigned char *)data + len, 0, NULL, 0, 0};
    PithObject *o = r_object(&r);
    if (!o && !pith_err_occurred())
        pith_err_set_string(&pith_exc_TypeError, "NULL object in marshal data for object");
    for (size_t i = 0; i < r.nrefs; i++) PITH_XDECREF(r.refs[i]);
    pith_mem_free(r.refs);
    if (used) *used = (size_t)(r.p - (const unsigned char *)data);
    return o;
}

/* ======================= the marshal module ======================= */

static int version_arg(PithObject *const *args, size_t nargs, size_t at, int *version) {
    *version = PITH_MARSHAL_VERSION;
    if (nargs <= at) return 0;
    if (!pith_int_check(args[at])) {
        pith_err_format(&pith_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                        pith_type_name(args[at]));
        return -1;
    }
    int64_t v = pith_int_as_i64(args[at]);
    if (v == -1 && pith_err_occurred()) return -1;
    *version = v < INT32_MIN ? INT32_MIN : v > INT32_MAX ? INT32_MAX : (int)v;
    return 0;
}

static PithObject *m_dumps(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    int version;
    if (pith_arg_check_range("dumps", nargs, 1, 2) < 0 || version_arg(args, nargs, 1, &version) < 0)
        return NULL;
    return pith_marshal_dumps(args[0], version);
}

static PithObject *m_dump(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    int version;
    if (pith_arg_check_range("dump", nargs, 2, 3) < 0 || version_arg(args, nargs, 2, &version) < 0)
        return NULL;
    PithObject *b = pith_marshal_dumps(args[0], version);
    if (!b) return NULL;
    PithObject *r = pith_call_method(args[1], "write", &b, 1);
    PITH_DECREF(b);
    if (!r) return NULL;
    PITH_DECREF(r);
    PITH_RETURN_NONE;
}

static PithObject *loads_view(PithObject *data) {
    PithBuffer view;
    if (pith_buffer_get(data, &view, false) < 0) return NULL;
    PithObject *r = pith_marshal_loads(view.buf, (size_t)view.len, NULL);
    pith_buffer_release(&view);
    return r;
}

static PithObject *m_loads(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    return loads_view(args[0]);
}

/* load(file): reads the rest of the file (pith has no partial reads of
 * binary streams yet) and decodes the first object. */
static PithObject *m_load(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    PithObject *data = pith_call_method(args[0], "read", NULL, 0);
    if (!data) return NULL;
    PithObject *r = pith_bytes_check(data)
                        ? loads_view(data)
                        : pith_err_format(&pith_exc_TypeError,
                                          "file.read() returned not bytes but %s",
                                          pith_type_name(data));
    PITH_DECREF(data);
    return r;
}

static PithMethodDef marshal_methods[] = {
    {"dumps", m_dumps, PITH_METH_FAST, NULL},
    {"dump", m_dump, PITH_METH_FAST, NULL},
    {"loads", m_loads, PITH_METH_O, NULL},
    {"load", m_load, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_marshal_module_init(void) {
    PithObject *m = pith_module_new("marshal");
    if (!m) return NULL;
    if (pith_module_add_functions(m, marshal_methods) < 0 ||
        pith_module_add_int(m, "version", PITH_MARSHAL_VERSION) < 0)
        PITH_CLEAR(m);
    return m;
}
