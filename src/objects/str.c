/* str.c — the core of the `str` type: allocation in the PEP 393 layout,
 * construction from UTF-8/Latin-1/UCS-4, the '' singleton and the one-char
 * cache, interning, hashing, comparison, concatenation, repetition,
 * substring search, repr, the sequence/mapping slots, str() itself and the
 * two iterator types (str_ascii_iterator, str_iterator).
 *
 * Invariants (see str.h): every str is canonical (smallest kind for its
 * largest code point, ascii flag exact), data is NUL-terminated, `utf8` is
 * either NULL, the data itself (ascii) or a pith_mem_malloc'ed copy,
 * hash == -1 until computed. Methods live in str_methods.c, formatting in
 * str_format.c, encode/decode in codecs.c.
 */
#include "str_impl.h"
#include "containers_impl.h"

#include <stdlib.h>
#include <string.h>

/* ---- hashing ----------------------------------------------------------- */

static inline uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

/* str and bytes hash with SipHash-1-3, CPython 3.11's algorithm. The key
 * comes from PYTHONHASHSEED like CPython's (run.c reads it into
 * pith_config): 0 (also used when the variable is unset, where CPython
 * would pick a random key) gives the all-zero key, N > 0 fills the key
 * bytes from CPython's LCG seeded with N. So with PYTHONHASHSEED set,
 * hash() of str/bytes equals CPython's. */
static uint64_t hash_k0, hash_k1;
static bool hash_key_ready;

static void hash_key_init(void) {
    hash_key_ready = true;
    if (!pith_config.use_hash_seed || pith_config.hash_seed == 0) return;
    uint8_t key[16];
    uint32_t x = (uint32_t)pith_config.hash_seed;
    for (int i = 0; i < 16; i++) {
        x = x * 214013u + 2531011u;
        key[i] = (uint8_t)((x >> 16) & 0xff);
    }
    for (int i = 7; i >= 0; i--) {
        hash_k0 = hash_k0 << 8 | key[i];
        hash_k1 = hash_k1 << 8 | key[8 + i];
    }
}

/* One SipRound over the state v[0..3]. */
static inline void sip_round(uint64_t v[4]) {
    v[0] += v[1]; v[1] = rotl64(v[1], 13) ^ v[0]; v[0] = rotl64(v[0], 32);
    v[2] += v[3]; v[3] = rotl64(v[3], 16) ^ v[2];
    v[0] += v[3]; v[3] = rotl64(v[3], 21) ^ v[0];
    v[2] += v[1]; v[1] = rotl64(v[1], 17) ^ v[2]; v[2] = rotl64(v[2], 32);
}

/* Little-endian load of n <= 8 bytes. */
static uint64_t load_le(const unsigned char *p, size_t n) {
    uint64_t w = 0;
    for (size_t i = n; i-- > 0;) w = w << 8 | p[i];
    return w;
}

intptr_t pith_hash_bytes(const void *data, size_t n) {
    if (n == 0) return 0;
    if (!hash_key_ready) hash_key_init();
    const unsigned char *p = data;
    uint64_t v[4] = {hash_k0 ^ 0x736f6d6570736575ull, hash_k1 ^ 0x646f72616e646f6dull,
                     hash_k0 ^ 0x6c7967656e657261ull, hash_k1 ^ 0x7465646279746573ull};
    uint64_t last = (uint64_t)n << 56;
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t m = load_le(p, 8);
        v[3] ^= m;
        sip_round(v);
        v[0] ^= m;
    }
    last |= load_le(p, n);
    v[3] ^= last;
    sip_round(v);
    v[0] ^= last;
    v[2] ^= 0xff;
    for (int i = 0; i < 3; i++) sip_round(v);
    intptr_t r = (intptr_t)(v[0] ^ v[1] ^ v[2] ^ v[3]);
    return r == -1 ? -2 : r;
}

/* ---- allocation -------------------------------------------------------- */

static int kind_for(uint32_t maxchar) {
    return maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
}

/* Allocate a str (or subtype instance) of n code points of `kind`; data is
 * zeroed (so NUL-terminated). */
static PithStr *str_alloc(PithType *t, intptr_t n, int kind, bool ascii) {
    if (n < 0 || n > (INTPTR_MAX - 256) / 4 - 1) {
        pith_err_no_memory();
        return NULL;
    }
    intptr_t nbytes = (n + 1) * kind;
    PithObject *o;
    intptr_t extra = 0;
    if (t == &pith_str_type) {
        o = pith_obj_new_var(t, nbytes);
    } else {
        extra = t->tp_basicsize - (intptr_t)sizeof(PithStr);
        if (extra < 0) extra = 0;
        o = pith_type_has_flag(t, PITH_TPFLAGS_HAVE_GC) ? pith_gc_new_var(t, nbytes)
                                                         : pith_obj_new_var(t, nbytes);
    }
    if (!o) return (PithStr *)pith_err_no_memory();
    PithStr *s = (PithStr *)o;
    s->length = n;
    s->hash = -1;
    s->kind = (uint8_t)kind;
    s->ascii = ascii;
    s->interned = 0;
    s->extra = (uint32_t)extra;
    s->utf8 = NULL;
    s->utf8_length = 0;
    if (ascii) {
        s->utf8 = PITH_STR_DATA(s);
        s->utf8_length = n;
    }
    return s;
}

PithObject *pith_str_new_raw(intptr_t n, uint32_t maxchar) {
    return (PithObject *)str_alloc(&pith_str_type, n, kind_for(maxchar), maxchar < 128);
}

/* ---- singletons -------------------------------------------------------- */

static PithStr *empty_str;
static PithStr *char_cache[256];

static PithObject *make_immortal(PithStr *s) {
    if (s) s->ob.refcnt = PITH_IMMORTAL_REFCNT;
    return (PithObject *)s;
}

PithObject *pith_str_empty(void) {
    if (!empty_str) empty_str = (PithStr *)make_immortal(str_alloc(&pith_str_type, 0, 1, true));
    return (PithObject *)empty_str;
}

PithObject *pith_str_from_char(uint32_t cp) {
    if (cp < 256 && char_cache[cp]) return (PithObject *)char_cache[cp];
    if (cp > 0x10FFFF) {
        pith_err_set_string(&pith_exc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    PithStr *s = str_alloc(&pith_str_type, 1, kind_for(cp), cp < 128);
    if (!s) return NULL;
    pith_str_write(s, 0, cp);
    if (cp < 256) char_cache[cp] = (PithStr *)make_immortal(s);
    return (PithObject *)s;
}

/* ---- construction ------------------------------------------------------ */

static uint32_t max_of_units(int kind, const void *data, intptr_t n) {
    uint32_t m = 0;
    for (intptr_t i = 0; i < n; i++) {
        uint32_t c = kind == 1 ? ((const uint8_t *)data)[i]
                   : kind == 2 ? ((const uint16_t *)data)[i]
                               : ((const uint32_t *)data)[i];
        if (c > m) m = c;
    }
    return m;
}

PithObject *pith_str_from_kind(int kind, const void *data, intptr_t n) {
    if (n == 0) return pith_str_empty();
    uint32_t m = max_of_units(kind, data, n);
    if (n == 1) return pith_str_from_char(m);
    PithStr *s = (PithStr *)pith_str_new_raw(n, m);
    if (!s) return NULL;
    if (s->kind == kind) {
        memcpy(PITH_STR_DATA(s), data, (size_t)(n * kind));
        return (PithObject *)s;
    }
    for (intptr_t i = 0; i < n; i++) {
        uint32_t c = kind == 1 ? ((const uint8_t *)data)[i]
                   : kind == 2 ? ((const uint16_t *)data)[i]
                               : ((const uint32_t *)data)[i];
        pith_str_write(s, i, c);
    }
    return (PithObject *)s;
}

PithObject *pith_str_from_latin1(const char *s, intptr_t n) {
    return pith_str_from_kind(1, s, n);
}

PithObject *pith_str_from_ucs4(const uint32_t *cps, intptr_t n) {
    for (intptr_t i = 0; i < n; i++)
        if (cps[i] > 0x10FFFF) {
            pith_err_set_string(&pith_exc_ValueError, "character out of range");
            return NULL;
        }
    return pith_str_from_kind(4, cps, n);
}

PithObject *pith_str_from_utf8(const char *s, intptr_t len) {
    if (len < 0) len = (intptr_t)strlen(s);
    intptr_t i = 0;
    while (i < len && !(s[i] & 0x80)) i++;
    if (i < len) return pith_utf8_decode(s, len, PITH_ERR_STRICT, "strict");
    return pith_str_from_kind(1, s, len);
}

PithObject *pith_str_from_cstr(const char *s) { return pith_str_from_utf8(s, -1); }

/* ---- access ------------------------------------------------------------ */

const char *pith_str_utf8_size(PithObject *o, intptr_t *len) {
    PithStr *s = (PithStr *)o;
    if (!s->utf8) {
        PithObject *b = pith_str_encode_utf8(o, "strict");
        if (!b) return NULL;
        intptr_t n = PITH_BYTES_SIZE(b);
        char *copy = pith_mem_malloc((size_t)n + 1);
        if (!copy) {
            PITH_DECREF(b);
            pith_err_no_memory();
            return NULL;
        }
        memcpy(copy, PITH_BYTES_DATA(b), (size_t)n + 1);
        PITH_DECREF(b);
        s->utf8 = copy;
        s->utf8_length = n;
    }
    if (len) *len = s->utf8_length;
    return s->utf8;
}

const char *pith_str_utf8(PithObject *s) { return pith_str_utf8_size(s, NULL); }

intptr_t pith_str_hash(PithObject *o) {
    PithStr *s = (PithStr *)o;
    if (s->hash == -1) s->hash = pith_hash_bytes(PITH_STR_DATA(s), (size_t)(s->length * s->kind));
    return s->hash;
}

bool pith_str_equal(PithObject *a, PithObject *b) {
    if (a == b) return true;
    PithStr *x = (PithStr *)a, *y = (PithStr *)b;
    if (x->length != y->length || x->kind != y->kind) return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
    return memcmp(PITH_STR_DATA(x), PITH_STR_DATA(y), (size_t)(x->length * x->kind)) == 0;
}

bool pith_str_eq_cstr(PithObject *s, const char *c) {
    PithStr *x = (PithStr *)s;
    if (x->ascii) {
        size_t n = strlen(c);
        return (intptr_t)n == x->length && memcmp(PITH_STR_DATA(x), c, n) == 0;
    }
    intptr_t n;
    const char *u = pith_str_utf8_size(s, &n);
    if (!u) {
        pith_err_clear();
        return false;
    }
    return strlen(c) == (size_t)n && memcmp(u, c, (size_t)n) == 0;
}

int pith_str_compare(PithObject *a, PithObject *b) {
    PithStr *x = (PithStr *)a, *y = (PithStr *)b;
    intptr_t n = x->length < y->length ? x->length : y->length;
    if (x->kind == 1 && y->kind == 1) {
        int c = memcmp(PITH_STR_DATA(x), PITH_STR_DATA(y), (size_t)n);
        if (c) return c < 0 ? -1 : 1;
    } else {
        for (intptr_t i = 0; i < n; i++) {
            uint32_t p = pith_str_read(x, i), q = pith_str_read(y, i);
            if (p != q) return p < q ? -1 : 1;
        }
    }
    return x->length < y->length ? -1 : x->length > y->length ? 1 : 0;
}

/* ---- copying, concatenation, substrings --------------------------------- */

void pith_str_copy_chars(PithStr *dst, intptr_t at, PithObject *src,
                         intptr_t from, intptr_t n) {
    PithStr *s = (PithStr *)src;
    if (dst->kind == s->kind) {
        memcpy((char *)PITH_STR_DATA(dst) + at * dst->kind,
               (char *)PITH_STR_DATA(s) + from * s->kind, (size_t)(n * s->kind));
        return;
    }
    for (intptr_t i = 0; i < n; i++) pith_str_write(dst, at + i, pith_str_read(s, from + i));
}

uint32_t pith_str_max_char(PithObject *o, intptr_t start, intptr_t end) {
    PithStr *s = (PithStr *)o;
    if (s->ascii) return end > start ? 127 : 0;
    return max_of_units(s->kind, (char *)PITH_STR_DATA(s) + start * s->kind, end - start);
}

PithObject *pith_str_concat(PithObject *a, PithObject *b) {
    PithStr *x = (PithStr *)a, *y = (PithStr *)b;
    if (y->length == 0 && pith_str_check_exact(a)) return PITH_NEWREF(a);
    if (x->length == 0 && pith_str_check_exact(b)) return PITH_NEWREF(b);
    if (x->length > INTPTR_MAX / 8 - y->length) return pith_err_no_memory();
    int kind = x->kind > y->kind ? x->kind : y->kind;
    PithStr *r = str_alloc(&pith_str_type, x->length + y->length, kind, x->ascii && y->ascii);
    if (!r) return NULL;
    pith_str_copy_chars(r, 0, a, 0, x->length);
    pith_str_copy_chars(r, x->length, b, 0, y->length);
    return (PithObject *)r;
}

/* Can *v be grown in place by w? Only a uniquely referenced, mortal,
 * uninterned exact str whose kind already holds w's characters. */
static bool can_grow_in_place(PithObject *v, PithObject *w) {
    PithStr *s = (PithStr *)v;
    return v != w && pith_str_check_exact(v) && PITH_REFCNT(v) == 1 && !s->interned &&
           s->kind >= ((PithStr *)w)->kind;
}

int pith_str_append_inplace(PithObject **pv, PithObject *w) {
    PithObject *v = *pv;
    if (!can_grow_in_place(v, w) || PITH_STR_LEN(w) == 0) {
        PithObject *r = pith_str_concat(v, w);
        PITH_SETREF(*pv, r);
        return r ? 0 : -1;
    }
    PithStr *s = (PithStr *)v;
    intptr_t n = s->length, m = PITH_STR_LEN(w);
    if (m > INTPTR_MAX / 8 - n) {
        PITH_CLEAR(*pv);
        pith_err_no_memory();
        return -1;
    }
    if (s->utf8 && s->utf8 != (char *)PITH_STR_DATA(s)) pith_mem_free(s->utf8);
    PithStr *r = pith_obj_realloc(s, sizeof(PithStr) + (size_t)((n + m + 1) * s->kind));
    if (!r) {
        s->utf8 = s->ascii ? PITH_STR_DATA(s) : NULL;
        PITH_CLEAR(*pv);
        pith_err_no_memory();
        return -1;
    }
    pith_str_copy_chars(r, n, w, 0, m);
    pith_str_write(r, n + m, 0);
    r->length = n + m;
    r->hash = -1;
    r->ascii = r->ascii && ((PithStr *)w)->ascii;
    r->utf8 = r->ascii ? PITH_STR_DATA(r) : NULL;
    r->utf8_length = r->ascii ? r->length : 0;
    *pv = (PithObject *)r;
    return 0;
}

PithObject *pith_str_substring(PithObject *o, intptr_t start, intptr_t end) {
    PithStr *s = (PithStr *)o;
    if (start < 0) start = 0;
    if (end > s->length) end = s->length;
    if (start >= end) return pith_str_empty();
    if (start == 0 && end == s->length && pith_str_check_exact(o)) return PITH_NEWREF(o);
    if (end - start == 1) return pith_str_from_char(pith_str_read(s, start));
    PithStr *r = (PithStr *)pith_str_new_raw(end - start, pith_str_max_char(o, start, end));
    if (!r) return NULL;
    pith_str_copy_chars(r, 0, o, start, end - start);
    return (PithObject *)r;
}

PithObject *pith_str_char_at(PithObject *s, intptr_t i) {
    return pith_str_from_char(pith_str_read((PithStr *)s, i));
}

PithObject *pith_str_repeat(PithObject *o, intptr_t n) {
    PithStr *s = (PithStr *)o;
    if (n <= 0 || s->length == 0) return pith_str_empty();
    if (n == 1 && pith_str_check_exact(o)) return PITH_NEWREF(o);
    if (s->length > INTPTR_MAX / n) {
        pith_err_set_string(&pith_exc_OverflowError, "repeated string is too long");
        return NULL;
    }
    intptr_t total = s->length * n;
    PithStr *r = str_alloc(&pith_str_type, total, s->kind, s->ascii);
    if (!r) return NULL;
    char *d = PITH_STR_DATA(r);
    size_t unit = (size_t)(s->length * s->kind);
    memcpy(d, PITH_STR_DATA(s), unit);
    /* Doubling copy: [0, done) already holds whole repetitions. */
    size_t done = unit, all = (size_t)(total * s->kind);
    while (done < all) {
        size_t c = done < all - done ? done : all - done;
        memcpy(d + done, d, c);
        done += c;
    }
    return (PithObject *)r;
}

PithObject *pith_str_join(PithObject *sep, PithObject *iterable) {
    PithObject *seq = pith_sequence_fast(iterable, "can only join an iterable");
    if (!seq) return NULL;
    bool is_list = pith_list_check(seq);
    intptr_t n = PITH_SIZE(seq);
    PithObject **items = is_list ? PITH_LIST_ITEMS(seq) : PITH_TUPLE_ITEMS(seq);
    PithStr *sp = (PithStr *)sep;
    if (n == 1 && pith_str_check_exact(items[0])) {
        PithObject *r = PITH_NEWREF(items[0]);
        PITH_DECREF(seq);
        return r;
    }
    intptr_t total = n > 0 ? sp->length * (n - 1) : 0;
    int kind = n > 1 ? sp->kind : 1;
    bool ascii = n > 1 ? sp->ascii : true;
    for (intptr_t i = 0; i < n; i++) {
        PithObject *it = items[i];
        if (!pith_str_check(it)) {
            pith_err_format(&pith_exc_TypeError,
                            "sequence item %zd: expected str instance, %.80s found", i,
                            pith_type_name(it));
            PITH_DECREF(seq);
            return NULL;
        }
        PithStr *is = (PithStr *)it;
        total += is->length;
        if (is->kind > kind) kind = is->kind;
        ascii = ascii && is->ascii;
    }
    PithStr *r = total ? str_alloc(&pith_str_type, total, kind, ascii)
                       : (PithStr *)pith_str_empty();
    if (!r || !total) {
        PITH_DECREF(seq);
        return (PithObject *)r;
    }
    intptr_t at = 0;
    for (intptr_t i = 0; i < n; i++) {
        if (i) {
            pith_str_copy_chars(r, at, sep, 0, sp->length);
            at += sp->length;
        }
        pith_str_copy_chars(r, at, items[i], 0, PITH_STR_LEN(items[i]));
        at += PITH_STR_LEN(items[i]);
    }
    PITH_DECREF(seq);
    return (PithObject *)r;
}

/* ---- searching ---------------------------------------------------------- */

/* Does sub occur in s at position i? (bounds already checked) */
static bool match_at(PithStr *s, intptr_t i, PithStr *sub) {
    if (s->kind == sub->kind)
        return memcmp((char *)PITH_STR_DATA(s) + i * s->kind, PITH_STR_DATA(sub),
                      (size_t)(sub->length * sub->kind)) == 0;
    for (intptr_t j = 0; j < sub->length; j++)
        if (pith_str_read(s, i + j) != pith_str_read(sub, j)) return false;
    return true;
}

intptr_t pith_str_find(PithObject *so, PithObject *subo, intptr_t start, intptr_t end,
                       int direction) {
    PithStr *s = (PithStr *)so, *sub = (PithStr *)subo;
    if (end > s->length) end = s->length;
    if (start < 0) start = 0;
    intptr_t m = sub->length;
    if (end - start < m || start > s->length) return -1;
    if (m == 0) return direction > 0 ? start : end;
    if (sub->kind > s->kind) return -1; /* canonical: sub has a char s cannot hold */
    uint32_t first = pith_str_read(sub, 0);
    if (direction > 0) {
        if (s->kind == 1 && sub->kind == 1) {
            const char *base = PITH_STR_DATA(s);
            const char *p = memmem(base + start, (size_t)(end - start), PITH_STR_DATA(sub), (size_t)m);
            return p ? p - base : -1;
        }
        for (intptr_t i = start; i <= end - m; i++)
            if (pith_str_read(s, i) == first && match_at(s, i, sub)) return i;
    } else {
        for (intptr_t i = end - m; i >= start; i--)
            if (pith_str_read(s, i) == first && match_at(s, i, sub)) return i;
    }
    return -1;
}

intptr_t pith_str_count(PithObject *so, PithObject *subo, intptr_t start, intptr_t end) {
    PithStr *s = (PithStr *)so;
    intptr_t m = PITH_STR_LEN(subo);
    if (end > s->length) end = s->length;
    if (start < 0) start = 0;
    if (start > s->length || end - start < m) return 0;
    if (m == 0) return end - start + 1;
    intptr_t count = 0;
    for (;;) {
        intptr_t i = pith_str_find(so, subo, start, end, 1);
        if (i < 0) return count;
        count++;
        start = i + m;
    }
}

/* ---- interning ---------------------------------------------------------- */

/* Open-addressing set of interned strings; the table owns one reference to
 * each entry, so interned strings are never freed. */
static PithStr **intern_tab;
static size_t intern_cap, intern_used;

static int intern_grow(void) {
    size_t ncap = intern_cap ? intern_cap * 2 : 1024;
    PithStr **nt = pith_mem_calloc(ncap, sizeof(PithStr *));
    if (!nt) return -1;
    for (size_t i = 0; i < intern_cap; i++) {
        PithStr *s = intern_tab[i];
        if (!s) continue;
        size_t j = (size_t)s->hash & (ncap - 1);
        while (nt[j]) j = (j + 1) & (ncap - 1);
        nt[j] = s;
    }
    pith_mem_free(intern_tab);
    intern_tab = nt;
    intern_cap = ncap;
    return 0;
}

void pith_str_intern_in_place(PithObject **p) {
    PithObject *o = *p;
    if (!o || !pith_str_check_exact(o) || ((PithStr *)o)->interned) return;
    if (intern_used * 3 >= intern_cap * 2 && intern_grow() < 0) return;
    intptr_t h = pith_str_hash(o);
    size_t j = (size_t)h & (intern_cap - 1);
    for (PithStr *e; (e = intern_tab[j]); j = (j + 1) & (intern_cap - 1)) {
        if (e->hash == h && pith_str_equal((PithObject *)e, o)) {
            PITH_INCREF(e);
            *p = (PithObject *)e;
            PITH_DECREF(o);
            return;
        }
    }
    PITH_INCREF(o);
    intern_tab[j] = (PithStr *)o;
    intern_used++;
    ((PithStr *)o)->interned = 1;
}

PithObject *pith_str_intern_cstr(const char *c) {
    PithObject *s = pith_str_from_cstr(c);
    if (s) pith_str_intern_in_place(&s);
    return s;
}

/* ---- repr --------------------------------------------------------------- */

static const char hexdigits[] = "0123456789abcdef";

/* Append "\\" + letter + the low `ndig` hex digits of c. */
static int append_hex_escape(PithStrBuilder *sb, char letter, uint32_t c, int ndig) {
    if (pith_sb_append_char(sb, '\\') < 0 || pith_sb_append_char(sb, (uint32_t)letter) < 0)
        return -1;
    for (int k = ndig - 1; k >= 0; k--)
        if (pith_sb_append_char(sb, (uint32_t)hexdigits[(c >> (4 * k)) & 15]) < 0) return -1;
    return 0;
}

/* Append the escaped form of c as it appears in a repr quoted by q. */
static int append_repr_char(PithStrBuilder *sb, uint32_t c, uint32_t q) {
    if (c == q || c == '\\') {
        if (pith_sb_append_char(sb, '\\') < 0) return -1;
        return pith_sb_append_char(sb, c);
    }
    if (c == '\t') return pith_sb_append_utf8(sb, "\\t", 2);
    if (c == '\n') return pith_sb_append_utf8(sb, "\\n", 2);
    if (c == '\r') return pith_sb_append_utf8(sb, "\\r", 2);
    if (c < ' ' || c == 0x7f) return append_hex_escape(sb, 'x', c, 2);
    if (c < 0x7f || pith_unicode_isprintable(c)) return pith_sb_append_char(sb, c);
    if (c <= 0xff) return append_hex_escape(sb, 'x', c, 2);
    if (c <= 0xffff) return append_hex_escape(sb, 'u', c, 4);
    return append_hex_escape(sb, 'U', c, 8);
}

PithObject *pith_str_repr(PithObject *o) {
    PithStr *s = (PithStr *)o;
    bool has_sq = false, has_dq = false;
    for (intptr_t i = 0; i < s->length; i++) {
        uint32_t c = pith_str_read(s, i);
        if (c == '\'') has_sq = true;
        else if (c == '"') has_dq = true;
    }
    uint32_t q = has_sq && !has_dq ? '"' : '\'';
    PithStrBuilder sb;
    pith_sb_init(&sb);
    if (pith_sb_append_char(&sb, q) < 0) goto fail;
    for (intptr_t i = 0; i < s->length; i++)
        if (append_repr_char(&sb, pith_str_read(s, i), q) < 0) goto fail;
    if (pith_sb_append_char(&sb, q) < 0) goto fail;
    return pith_sb_finish(&sb);
fail:
    pith_sb_discard(&sb);
    return NULL;
}

/* ---- type slots --------------------------------------------------------- */

static void str_dealloc(PithObject *o) {
    PithStr *s = (PithStr *)o;
    if (s->utf8 && s->utf8 != (char *)PITH_STR_DATA(s)) pith_mem_free(s->utf8);
    if (PITH_IS_GC(o)) pith_gc_del(o);
    else pith_obj_free(o);
}

static PithObject *str_tp_repr(PithObject *o) { return pith_str_repr(o); }

/* str(s) for a str: itself when exact, else an exact copy. */
static PithObject *str_tp_str(PithObject *o) {
    if (pith_str_check_exact(o)) return PITH_NEWREF(o);
    return pith_str_substring(o, 0, PITH_STR_LEN(o));
}

static intptr_t str_tp_hash(PithObject *o) { return pith_str_hash(o); }

static PithObject *str_richcompare(PithObject *a, PithObject *b, int op) {
    if (!pith_str_check(a) || !pith_str_check(b)) PITH_RETURN_NOTIMPL;
    bool r;
    if (op == PITH_EQ || op == PITH_NE) {
        r = pith_str_equal(a, b) == (op == PITH_EQ);
    } else {
        int c = pith_str_compare(a, b);
        r = op == PITH_LT ? c < 0 : op == PITH_LE ? c <= 0 : op == PITH_GT ? c > 0 : c >= 0;
    }
    return pith_bool_from(r);
}

static intptr_t str_length(PithObject *o) { return PITH_STR_LEN(o); }

static PithObject *str_sq_concat(PithObject *a, PithObject *b) {
    if (!pith_str_check(b))
        return pith_err_format(&pith_exc_TypeError,
                               "can only concatenate str (not \"%.200s\") to str",
                               pith_type_name(b));
    return pith_str_concat(a, b);
}

static PithObject *str_sq_repeat(PithObject *a, intptr_t n) { return pith_str_repeat(a, n); }

static PithObject *str_sq_item(PithObject *o, intptr_t i) {
    if (i < 0 || i >= PITH_STR_LEN(o)) {
        pith_err_set_string(&pith_exc_IndexError, "string index out of range");
        return NULL;
    }
    return pith_str_char_at(o, i);
}

static int str_sq_contains(PithObject *o, PithObject *item) {
    if (!pith_str_check(item)) {
        pith_err_format(&pith_exc_TypeError,
                        "'in <string>' requires string as left operand, not %.100s",
                        pith_type_name(item));
        return -1;
    }
    return pith_str_find(o, item, 0, PITH_STR_LEN(o), 1) >= 0;
}

static PithObject *str_slice(PithObject *o, PithObject *slice) {
    intptr_t start, stop, step;
    if (pith_slice_unpack(slice, &start, &stop, &step) < 0) return NULL;
    intptr_t n = pith_slice_adjust(PITH_STR_LEN(o), &start, &stop, step);
    if (step == 1) return pith_str_substring(o, start, start + n);
    if (n <= 0) return pith_str_empty();
    PithStr *s = (PithStr *)o;
    uint32_t m = 0;
    for (intptr_t i = 0, j = start; i < n; i++, j += step) {
        uint32_t c = pith_str_read(s, j);
        if (c > m) m = c;
    }
    PithStr *r = (PithStr *)pith_str_new_raw(n, m);
    if (!r) return NULL;
    for (intptr_t i = 0, j = start; i < n; i++, j += step) pith_str_write(r, i, pith_str_read(s, j));
    return (PithObject *)r;
}

static PithObject *str_subscript(PithObject *o, PithObject *key) {
    if (pith_index_check(key)) {
        intptr_t i = pith_number_as_ssize(key, &pith_exc_IndexError);
        if (i == -1 && pith_err_occurred()) return NULL;
        if (i < 0) i += PITH_STR_LEN(o);
        return str_sq_item(o, i);
    }
    if (pith_slice_check(key)) return str_slice(o, key);
    return pith_err_format(&pith_exc_TypeError, "string indices must be integers, not '%.200s'",
                           pith_type_name(key));
}

static PithObject *str_nb_remainder(PithObject *a, PithObject *b) {
    if (!pith_str_check(a)) PITH_RETURN_NOTIMPL;
    return pith_str_percent_format(a, b);
}

/* Copy an exact str into a new instance of subtype t. */
static PithObject *str_subtype_copy(PithType *t, PithObject *src) {
    PithStr *s = (PithStr *)src;
    PithStr *r = str_alloc(t, s->length, s->kind, s->ascii);
    if (!r) return NULL;
    memcpy(PITH_STR_DATA(r), PITH_STR_DATA(s), (size_t)(s->length * s->kind));
    return (PithObject *)r;
}

/* str(object='') / str(object=b'', encoding='utf-8', errors='strict') */
static PithObject *str_new_exact(PithObject *const *args, size_t nargs, PithObject *kwnames) {
    static const char *const kwlist[] = {"object", "encoding", "errors"};
    static const PithArgSpec spec = {"str", kwlist, 3, 0, 0, 3};
    PithObject *a[3];
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    if (!a[1] && !a[2]) return a[0] ? pith_str(a[0]) : pith_str_empty();
    const char *enc = NULL, *err = NULL;
    for (int i = 1; i < 3; i++) {
        if (!a[i]) continue;
        if (!pith_str_check(a[i]))
            return pith_err_format(&pith_exc_TypeError, "str() argument '%s' must be str, not %.50s",
                                   kwlist[i], pith_type_name(a[i]));
        const char *u = pith_str_utf8(a[i]);
        if (!u) return NULL;
        if (i == 1) enc = u;
        else err = u;
    }
    if (!a[0]) return pith_str_empty();
    const char *data;
    intptr_t len;
    if (pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, "decoding str is not supported");
    if (!pith_bytes_view(a[0], &data, &len))
        return pith_err_format(&pith_exc_TypeError,
                               "decoding to str: need a bytes-like object, %.80s found",
                               pith_type_name(a[0]));
    return pith_str_decode(data, len, enc, err);
}

static PithObject *str_tp_new(PithType *t, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    PithObject *s = str_new_exact(args, nargs, kwnames);
    if (!s || t == &pith_str_type) return s;
    PithObject *r = str_subtype_copy(t, s);
    PITH_DECREF(s);
    return r;
}

static PithNumberMethods str_as_number = {.nb_remainder = str_nb_remainder};
static PithSequenceMethods str_as_sequence = {
    .sq_length = str_length,
    .sq_concat = str_sq_concat,
    .sq_repeat = str_sq_repeat,
    .sq_item = str_sq_item,
    .sq_contains = str_sq_contains,
};
static PithMappingMethods str_as_mapping = {
    .mp_length = str_length,
    .mp_subscript = str_subscript,
};

/* ---- iterators ---------------------------------------------------------- */

typedef struct StrIter {
    PithObject ob;
    PithObject *str; /* NULL once exhausted */
    intptr_t index;
} StrIter;

static PithObject *str_iter_new(PithObject *s) {
    PithType *t = ((PithStr *)s)->ascii ? &pith_str_ascii_iter_type : &pith_str_iter_type;
    StrIter *it = (StrIter *)pith_obj_new(t);
    if (!it) return NULL;
    it->str = PITH_NEWREF(s);
    it->index = 0;
    return (PithObject *)it;
}

static void str_iter_dealloc(PithObject *o) {
    PITH_XDECREF(((StrIter *)o)->str);
    pith_obj_free(o);
}

static PithObject *str_iter_next(PithObject *o) {
    StrIter *it = (StrIter *)o;
    if (!it->str) return NULL;
    if (it->index < PITH_STR_LEN(it->str)) return pith_str_char_at(it->str, it->index++);
    PITH_CLEAR(it->str);
    return NULL;
}

static PithObject *str_iter_self(PithObject *o) { return PITH_NEWREF(o); }

static PithObject *str_iter_length_hint(PithObject *o, PithObject *const *a, size_t n,
                                        PithObject *kw) {
    StrIter *it = (StrIter *)o;
    return pith_int_from_ssize(it->str ? PITH_STR_LEN(it->str) - it->index : 0);
}

static PithObject *str_iter_reduce(PithObject *o, PithObject *const *a, size_t n,
                                   PithObject *kw) {
    StrIter *it = (StrIter *)o;
    if (it->str) return pith_iter_reduce(it->str, it->index);
    return pith_iter_reduce_exhausted(pith_str_empty());
}

static PithObject *str_iter_setstate(PithObject *o, PithObject *const *a, size_t n,
                                     PithObject *kw) {
    StrIter *it = (StrIter *)o;
    intptr_t i = it->index;
    PithObject *r = pith_iter_setstate_fwd(a[0], it->str ? PITH_STR_LEN(it->str) : 0, &i);
    if (r && it->str) it->index = i;
    return r;
}

static PithMethodDef str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, PITH_METH_NOARGS, NULL},
    {"__reduce__", str_iter_reduce, PITH_METH_NOARGS, NULL},
    {"__setstate__", str_iter_setstate, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

#define STR_ITER_TYPE(cname, pyname)                                           \
    PithType cname = {                                                         \
        PITH_VAR_HEAD_INIT(&pith_type_type, 0),                                \
        .tp_name = pyname,                                                     \
        .tp_basicsize = sizeof(StrIter),                                       \
        .tp_flags = PITH_TPFLAGS_IMMUTABLETYPE | PITH_TPFLAGS_DISALLOW_INSTANTIATION, \
        .tp_dealloc = str_iter_dealloc,                                        \
        .tp_iter = str_iter_self,                                              \
        .tp_iternext = str_iter_next,                                          \
        .tp_methods = str_iter_methods,                                        \
    };
STR_ITER_TYPE(pith_str_iter_type, "str_iterator")
STR_ITER_TYPE(pith_str_ascii_iter_type, "str_ascii_iterator")

/* ---- the type ----------------------------------------------------------- */

PithType pith_str_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "str",
    .tp_basicsize = sizeof(PithStr),
    .tp_itemsize = 1,
    .tp_flags = PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_UNICODE_SUBCLASS | PITH_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object.",
    .tp_dealloc = str_dealloc,
    .tp_repr = str_tp_repr,
    .tp_str = str_tp_str,
    .tp_hash = str_tp_hash,
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter_new,
    .tp_new = str_tp_new,
    .tp_as_number = &str_as_number,
    .tp_as_sequence = &str_as_sequence,
    .tp_as_mapping = &str_as_mapping,
    .tp_methods = pith_str_methods,
};

int pith_str_init(void) {
    if (pith_type_ready(&pith_str_type) < 0 || pith_type_ready(&pith_str_iter_type) < 0 ||
        pith_type_ready(&pith_str_ascii_iter_type) < 0 || pith_type_ready(&pith_bytes_type) < 0 ||
        pith_type_ready(&pith_bytearray_type) < 0 || pith_type_ready(&pith_bytes_iter_type) < 0 ||
        pith_type_ready(&pith_bytearray_iter_type) < 0)
        return -1;
    if (!pith_str_empty()) return -1;
    for (uint32_t c = 0; c < 256; c++)
        if (!pith_str_from_char(c)) return -1;
    return 0;
}
