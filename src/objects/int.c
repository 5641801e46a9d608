/* int.c — the int type: representation, the small-int cache (L3),
 * construction, conversion to C types, comparison, hashing, the int()
 * constructor and the methods/attributes of int. Arithmetic lives in
 * int_arith.c, text conversion in int_format.c.
 *
 * Invariant (see int.h): a value fitting int64_t is stored in `small` with
 * ndigits == 0; otherwise |ndigits| >= 2 base-2^32 digits, top digit
 * nonzero, sign = sign of ndigits. Every constructor ends in
 * pith_intv_finish, which restores that form.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "numbers_impl.h"

/* ---- small-int cache ----------------------------------------------------- */

#define SMALL_MIN (-5)
#define SMALL_MAX 256

/* Same layout as PithInt without the (empty) digit array, so we can have
 * an array of them. */
typedef struct SmallInt {
    PithObject ob;
    intptr_t ndigits;
    int64_t small;
} SmallInt;

static SmallInt small_ints[SMALL_MAX - SMALL_MIN + 1];

static void small_ints_init(void) {
    for (int i = SMALL_MIN; i <= SMALL_MAX; i++) {
        SmallInt *s = &small_ints[i - SMALL_MIN];
        s->ob.refcnt = PITH_IMMORTAL_REFCNT;
        s->ob.type = &pith_int_type;
        s->ndigits = 0;
        s->small = i;
    }
}

/* Free list (L3) of dead exact ints, reused for small-form results. Any
 * block here holds at least sizeof(PithInt) bytes. */
#define INT_FREE_MAX 100
static PithInt *int_free_list[INT_FREE_MAX];
static int int_free_count;

PithObject *pith_int_from_i64(int64_t v) {
    if (v >= SMALL_MIN && v <= SMALL_MAX)
        return (PithObject *)&small_ints[v - SMALL_MIN];
    PithInt *r;
    if (int_free_count > 0) {
        r = int_free_list[--int_free_count];
        r->ob.refcnt = 1;
        r->ndigits = 0;
    } else {
        r = (PithInt *)pith_obj_new(&pith_int_type);
        if (!r) return pith_err_no_memory();
    }
    r->small = v;
    return (PithObject *)r;
}

/* ---- raw construction and normalisation --------------------------------- */

PithInt *pith_intv_alloc(intptr_t n) {
    PithInt *r = (PithInt *)pith_obj_new_var(&pith_int_type, n);
    if (!r) {
        pith_err_no_memory();
        return NULL;
    }
    r->ndigits = n;
    return r;
}

PithObject *pith_intv_finish(PithInt *r, int sign) {
    if (!r) return NULL;
    intptr_t n = r->ndigits < 0 ? -r->ndigits : r->ndigits;
    while (n > 0 && r->digits[n - 1] == 0) n--;
    if (n <= 2) {
        uint64_t m = n == 0 ? 0 : n == 1 ? r->digits[0]
                                         : ((uint64_t)r->digits[1] << 32 | r->digits[0]);
        bool fits = sign < 0 ? m <= (uint64_t)1 << 63 : m <= (uint64_t)INT64_MAX;
        if (fits) {
            int64_t v = sign < 0 ? (int64_t)(0 - m) : (int64_t)m;
            if (v >= SMALL_MIN && v <= SMALL_MAX) {
                pith_obj_free(r);
                return (PithObject *)&small_ints[v - SMALL_MIN];
            }
            r->ndigits = 0;
            r->small = v;
            return (PithObject *)r;
        }
    }
    r->ndigits = sign < 0 ? -n : n;
    return (PithObject *)r;
}

PithObject *pith_intv_from_mag(const uint32_t *d, intptr_t n, int sign) {
    PithInt *r = pith_intv_alloc(n);
    if (!r) return NULL;
    if (n) memcpy(r->digits, d, (size_t)n * sizeof(uint32_t));
    return pith_intv_finish(r, sign);
}

void pith_intv_view(PithObject *o, IntView *v) {
    PithInt *i = (PithInt *)o;
    if (i->ndigits != 0) {
        v->d = i->digits;
        v->n = i->ndigits < 0 ? -i->ndigits : i->ndigits;
        v->sign = i->ndigits < 0 ? -1 : 1;
        return;
    }
    int64_t s = i->small;
    uint64_t m = s < 0 ? 0 - (uint64_t)s : (uint64_t)s;
    v->sign = s < 0 ? -1 : s > 0;
    v->tmp[0] = (uint32_t)m;
    v->tmp[1] = (uint32_t)(m >> 32);
    v->n = v->tmp[1] ? 2 : v->tmp[0] ? 1 : 0;
    v->d = v->tmp;
}

PithObject *pith_int_from_u64(uint64_t v) {
    if (v <= (uint64_t)INT64_MAX) return pith_int_from_i64((int64_t)v);
    uint32_t d[2] = {(uint32_t)v, (uint32_t)(v >> 32)};
    return pith_intv_from_mag(d, 2, 1);
}

PithObject *pith_int_from_ssize(intptr_t v) { return pith_int_from_i64(v); }
PithObject *pith_int_from_size(size_t v) { return pith_int_from_u64(v); }

PithObject *pith_int_from_double(double d) {
    if (isinf(d))
        return pith_err_format(&pith_exc_OverflowError,
                               "cannot convert float infinity to integer");
    if (isnan(d))
        return pith_err_format(&pith_exc_ValueError,
                               "cannot convert float NaN to integer");
    d = trunc(d);
    if (d > -9223372036854775808.0 && d < 9223372036854775808.0)
        return pith_int_from_i64((int64_t)d);
    int sign = d < 0 ? -1 : 1;
    int e;
    double m = frexp(fabs(d), &e); /* |d| = m * 2^e, e >= 64 here */
    intptr_t n = (e + 31) / 32;
    PithInt *r = pith_intv_alloc(n);
    if (!r) return NULL;
    /* Peel 32 bits at a time from the top; m stays exact. */
    m = ldexp(m, ((e - 1) % 32) + 1);
    for (intptr_t i = n - 1; i >= 0; i--) {
        uint32_t dig = (uint32_t)m;
        r->digits[i] = dig;
        m = ldexp(m - dig, 32);
    }
    return pith_intv_finish(r, sign);
}

/* An instance of int subtype `type` holding v's value (v any int). */
PithObject *pith_int_subtype_copy(PithType *type, PithObject *v) {
    IntView w;
    pith_intv_view(v, &w);
    intptr_t n = ((PithInt *)v)->ndigits == 0 ? 0 : w.n;
    PithInt *r = (PithInt *)(pith_type_has_flag(type, PITH_TPFLAGS_HAVE_GC)
                                 ? pith_gc_new_var(type, n)
                                 : pith_obj_new_var(type, n));
    if (!r) return pith_err_no_memory();
    r->ndigits = ((PithInt *)v)->ndigits;
    r->small = ((PithInt *)v)->small;
    if (n) memcpy(r->digits, w.d, (size_t)n * sizeof(uint32_t));
    return (PithObject *)r;
}

/* ---- conversion to C ----------------------------------------------------- */

int64_t pith_int_as_i64_overflow(PithObject *o, int *overflow) {
    PithInt *i = (PithInt *)o;
    *overflow = i->ndigits == 0 ? 0 : i->ndigits < 0 ? -1 : 1;
    if (*overflow) return -1;
    return i->small;
}

int64_t pith_int_as_i64(PithObject *o) {
    if (!pith_int_check(o)) {
        PithObject *x = pith_number_index(o);
        if (!x) return -1;
        int64_t r = pith_int_as_i64(x);
        PITH_DECREF(x);
        return r;
    }
    int ov;
    int64_t r = pith_int_as_i64_overflow(o, &ov);
    if (ov) {
        pith_err_set_string(&pith_exc_OverflowError,
                            "Python int too large to convert to C long");
        return -1;
    }
    return r;
}

intptr_t pith_int_as_ssize(PithObject *o) {
    int64_t v = pith_int_as_i64(o);
    if (v == -1 && pith_err_occurred()) {
        if (pith_err_matches(&pith_exc_OverflowError)) {
            pith_err_clear();
            pith_err_set_string(&pith_exc_OverflowError,
                                "Python int too large to convert to C ssize_t");
        }
        return -1;
    }
    return (intptr_t)v;
}

int pith_int_sign(PithObject *o) {
    PithInt *i = (PithInt *)o;
    if (i->ndigits) return i->ndigits < 0 ? -1 : 1;
    return i->small < 0 ? -1 : i->small > 0;
}

size_t pith_int_bit_length(PithObject *o) {
    IntView v;
    pith_intv_view(o, &v);
    if (v.n == 0) return 0;
    return (size_t)(v.n - 1) * 32 + (size_t)(32 - __builtin_clz(v.d[v.n - 1]));
}

/* Correctly rounded (half-even) conversion; *err set on overflow. */
static double int_to_double(PithObject *o, bool *overflow) {
    *overflow = false;
    PithInt *i = (PithInt *)o;
    if (i->ndigits == 0) return (double)i->small;
    IntView v;
    pith_intv_view(o, &v);
    size_t nbits = pith_int_bit_length(o);
    if (nbits > DBL_MAX_EXP) {
        *overflow = true;
        return 0;
    }
    /* Take the top 64 bits; OR a sticky bit for everything below so the
     * hardware rounding of uint64 -> double is the correct rounding. */
    size_t shift = nbits - 64;
    size_t word = shift / 32, bit = shift % 32;
    unsigned __int128 acc = 0;
    for (intptr_t k = v.n - 1; k >= (intptr_t)word; k--)
        acc = (acc << 32) | v.d[k];
    acc >>= bit;
    uint64_t top = (uint64_t)acc;
    bool sticky = bit && (v.d[word] & ((1u << bit) - 1));
    for (size_t k = 0; k < word && !sticky; k++) sticky = v.d[k] != 0;
    if (sticky) top |= 1;
    double r = ldexp((double)top, (int)shift);
    if (isinf(r)) {
        *overflow = true;
        return 0;
    }
    return v.sign < 0 ? -r : r;
}

double pith_int_as_double(PithObject *o) {
    bool ov;
    double r = int_to_double(o, &ov);
    if (ov) {
        pith_err_set_string(&pith_exc_OverflowError,
                            "int too large to convert to float");
        return -1.0;
    }
    return r;
}

int pith_int_compare(PithObject *a, PithObject *b) {
    PithInt *x = (PithInt *)a, *y = (PithInt *)b;
    if (x->ndigits == 0 && y->ndigits == 0)
        return x->small < y->small ? -1 : x->small > y->small;
    IntView u, v;
    pith_intv_view(a, &u);
    pith_intv_view(b, &v);
    if (u.sign != v.sign) return u.sign < v.sign ? -1 : 1;
    int c = pith_mag_cmp(u.d, u.n, v.d, v.n);
    return u.sign < 0 ? -c : c;
}

/* ---- hashing: value mod 2^61-1, sign kept, -1 -> -2 ----------------------- */

#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

intptr_t pith_int_hash(PithObject *o) {
    IntView v;
    pith_intv_view(o, &v);
    uint64_t x = 0;
    for (intptr_t k = v.n - 1; k >= 0; k--) {
        /* x = (x * 2^32 + d) mod (2^61 - 1), via rotation in 61 bits */
        x = ((x << 32) & HASH_MOD) | (x >> (HASH_BITS - 32));
        x += v.d[k];
        if (x >= HASH_MOD) x -= HASH_MOD;
    }
    intptr_t h = v.sign < 0 ? -(intptr_t)x : (intptr_t)x;
    return h == -1 ? -2 : h;
}

/* ---- the int() constructor ----------------------------------------------- */

static PithObject *raise_bad_literal(PithObject *src, int base) {
    return pith_err_format(&pith_exc_ValueError,
                           "invalid literal for int() with base %d: %R", base, src);
}

char *pith_num_ascii_text(PithObject *str, intptr_t *len) {
    PithStr *u = (PithStr *)str;
    char *b = pith_mem_malloc((size_t)u->length + 1);
    if (!b) return (char *)pith_err_no_memory();
    for (intptr_t i = 0; i < u->length; i++) {
        uint32_t c = pith_str_read(u, i);
        int d = c < 128 ? -1 : pith_unicode_decimal(c);
        b[i] = c < 128 ? (char)c : d >= 0 ? (char)('0' + d)
                                 : pith_unicode_isspace(c) ? ' ' : '?';
    }
    b[u->length] = 0;
    *len = u->length;
    return b;
}

/* Parse a str/bytes/bytearray object; NULL with TypeError marker if not one. */
static PithObject *int_from_text(PithObject *x, int base, bool *was_text) {
    const char *s;
    intptr_t len;
    *was_text = true;
    char *tmp = NULL;
    if (pith_str_check(x)) {
        s = ((PithStr *)x)->ascii ? pith_str_utf8_size(x, &len)
                                  : (tmp = pith_num_ascii_text(x, &len));
        if (!s) return NULL;
    } else if (pith_bytes_check(x)) {
        s = PITH_BYTES_DATA(x);
        len = PITH_BYTES_SIZE(x);
    } else if (pith_type_ok(x, &pith_bytearray_type)) {
        PithObject *b = pith_call_one((PithObject *)&pith_bytes_type, x);
        if (!b) return NULL;
        PithObject *r = int_from_text(b, base, was_text);
        if (!r && pith_err_matches(&pith_exc_ValueError)) {
            pith_err_clear();
            raise_bad_literal(x, base);
        }
        PITH_DECREF(b);
        return r;
    } else {
        *was_text = false;
        return NULL;
    }
    PithObject *r;
    int st = pith_int_parse(s, (size_t)len, base, &r);
    pith_mem_free(tmp);
    if (st == 1) return raise_bad_literal(x, base);
    return st == 0 ? r : NULL;
}

/* Make the result of __int__/__index__/__trunc__ an exact int. */
static PithObject *check_int_result(PithObject *r, const char *what) {
    if (!r) return NULL;
    if (pith_int_check_exact(r)) return r;
    if (!pith_int_check(r)) {
        pith_err_format(&pith_exc_TypeError, "%s returned non-int (type %s)",
                        what, pith_type_name(r));
        PITH_DECREF(r);
        return NULL;
    }
    PithObject *c = pith_int_subtype_copy(&pith_int_type, r);
    PITH_DECREF(r);
    return c;
}

PithObject *pith_num_call_special(PithObject *x, const char *name, bool *found) {
    *found = false;
    PithObject *nm = pith_str_intern_cstr(name);
    if (!nm) return NULL;
    PithObject *m = pith_lookup_special(x, nm);
    PITH_DECREF(nm);
    *found = m != NULL;
    if (!m) return NULL;
    PithObject *r = pith_call_noargs(m);
    PITH_DECREF(m);
    return r;
}

/* int(x) with one argument (PyNumber_Long semantics). */
static PithObject *int_from_object(PithObject *x) {
    if (pith_int_check_exact(x)) return PITH_NEWREF(x);
    PithNumberMethods *nb = PITH_TYPE(x)->tp_as_number;
    if (nb && nb->nb_int) return check_int_result(nb->nb_int(x), "__int__");
    if (nb && nb->nb_index) return check_int_result(nb->nb_index(x), "__index__");
    bool found;
    PithObject *r = pith_num_call_special(x, "__int__", &found);
    if (found || pith_err_occurred()) return check_int_result(r, "__int__");
    r = pith_num_call_special(x, "__index__", &found);
    if (found || pith_err_occurred()) return check_int_result(r, "__index__");
    r = pith_num_call_special(x, "__trunc__", &found);
    if (found || pith_err_occurred()) {
        if (!r || pith_int_check(r)) return check_int_result(r, "__trunc__");
        PithObject *i = pith_number_index(r);
        PITH_DECREF(r);
        if (!i && pith_err_matches(&pith_exc_TypeError)) {
            pith_err_clear();
            pith_err_format(&pith_exc_TypeError,
                            "__trunc__ returned non-Integral (type %s)",
                            pith_type_name(r));
        }
        return i;
    }
    bool text;
    r = int_from_text(x, 10, &text);
    if (text) return r;
    return pith_err_format(&pith_exc_TypeError,
                           "int() argument must be a string, a bytes-like "
                           "object or a real number, not '%s'",
                           pith_type_name(x));
}

static PithObject *int_new_exact(PithObject *x, PithObject *obase) {
    if (!x) {
        if (obase)
            return pith_err_format(&pith_exc_TypeError, "int() missing string argument");
        return pith_int_from_i64(0);
    }
    if (!obase) return int_from_object(x);
    int64_t base = pith_int_as_i64(obase);
    if (base == -1 && pith_err_occurred()) {
        if (!pith_err_matches(&pith_exc_OverflowError)) return NULL;
        pith_err_clear();
        base = -1;
    }
    if (base != 0 && (base < 2 || base > 36))
        return pith_err_format(&pith_exc_ValueError,
                               "int() base must be >= 2 and <= 36, or 0");
    bool text;
    PithObject *r = int_from_text(x, (int)base, &text);
    if (!text)
        return pith_err_format(&pith_exc_TypeError,
                               "int() can't convert non-string with explicit base");
    return r;
}

static PithObject *int_new(PithType *type, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    static const char *const kw[] = {"", "base"};
    static const PithArgSpec spec = {"int", kw, 2, 1, 0, 2};
    PithObject *a[2];
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    PithObject *r = int_new_exact(a[0], a[1]);
    if (!r || type == &pith_int_type) return r;
    PithObject *s = pith_int_subtype_copy(type, r);
    PITH_DECREF(r);
    return s;
}

/* ---- methods ------------------------------------------------------------- */

static PithObject *int_exact_self(PithObject *self) {
    if (pith_int_check_exact(self)) return PITH_NEWREF(self);
    return pith_int_subtype_copy(&pith_int_type, self);
}

static PithObject *m_self(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    return int_exact_self(self);
}

static PithObject *m_bit_length(PithObject *self, PithObject *const *a, size_t n,
                                PithObject *k) {
    return pith_int_from_size(pith_int_bit_length(self));
}

static PithObject *m_bit_count(PithObject *self, PithObject *const *a, size_t n,
                               PithObject *k) {
    IntView v;
    pith_intv_view(self, &v);
    size_t c = 0;
    for (intptr_t i = 0; i < v.n; i++) c += (size_t)__builtin_popcount(v.d[i]);
    return pith_int_from_size(c);
}

static PithObject *m_ratio(PithObject *self, PithObject *const *a, size_t n,
                           PithObject *k) {
    PithObject *s = int_exact_self(self);
    if (!s) return NULL;
    PithObject *r = pith_tuple_pack(2, s, pith_int_from_i64(1));
    PITH_DECREF(s);
    return r;
}

static PithObject *m_getnewargs(PithObject *self, PithObject *const *a, size_t n,
                                PithObject *k) {
    PithObject *s = int_exact_self(self);
    if (!s) return NULL;
    PithObject *r = pith_tuple_pack(1, s);
    PITH_DECREF(s);
    return r;
}

/* round(int, ndigits): round half to even at 10**-ndigits. */
static PithObject *m_round(PithObject *self, PithObject *const *a, size_t n,
                           PithObject *k) {
    if (pith_arg_check_range("__round__", n, 0, 1) < 0) return NULL;
    if (n == 0) return int_exact_self(self);
    PithObject *nd = pith_number_index(a[0]);
    if (!nd) return NULL;
    int sg = pith_int_sign(nd);
    if (sg >= 0) {
        PITH_DECREF(nd);
        return int_exact_self(self);
    }
    PithObject *neg = pith_int_neg(nd);
    PITH_DECREF(nd);
    if (!neg) return NULL;
    PithObject *ten = pith_int_from_i64(10);
    PithObject *pw = pith_int_pow(ten, neg, NULL);
    PITH_DECREF(neg);
    if (!pw) return NULL;
    PithObject *q, *r;
    if (pith_int_divmod_raw(self, pw, &q, &r) < 0) {
        PITH_DECREF(pw);
        return NULL;
    }
    /* compare 2*r with pw; round up when greater, or equal and q odd */
    PithObject *r2 = pith_int_add(r, r);
    int c = r2 ? pith_int_compare(r2, pw) : 0;
    PITH_XDECREF(r2);
    PithObject *res = NULL;
    if (r2) {
        IntView qv;
        pith_intv_view(q, &qv);
        bool odd = qv.n && (qv.d[0] & 1);
        PithObject *res_r;
        if (c > 0 || (c == 0 && odd)) {
            res_r = pith_int_sub(r, pw);
        } else {
            res_r = PITH_NEWREF(r);
        }
        if (res_r) {
            res = pith_int_sub(self, res_r);
            PITH_DECREF(res_r);
        }
    }
    PITH_DECREF(q);
    PITH_DECREF(r);
    PITH_DECREF(pw);
    return res;
}

/* Shared argument parsing for to_bytes/from_bytes byteorder. */
static int parse_byteorder(const char *fname, PithObject *o, bool *little) {
    if (!o) {
        *little = false;
        return 0;
    }
    if (!pith_str_check(o)) {
        pith_err_format(&pith_exc_TypeError,
                        "%s() argument 'byteorder' must be str, not %s", fname,
                        o == PITH_NONE ? "None" : pith_type_name(o));
        return -1;
    }
    if (pith_str_eq_cstr(o, "little")) *little = true;
    else if (pith_str_eq_cstr(o, "big")) *little = false;
    else {
        pith_err_set_string(&pith_exc_ValueError,
                            "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

/* Byte i (little-endian) of the two's complement of view v. */
static uint8_t twos_byte(const IntView *v, size_t i, bool *borrow) {
    size_t w = i / 4;
    uint32_t d = (intptr_t)w < v->n ? v->d[w] : 0;
    uint8_t b = (uint8_t)(d >> (8 * (i % 4)));
    if (v->sign >= 0) return b;
    /* negate: invert and add one, carrying through the low zero bytes */
    uint8_t r = (uint8_t)(~b + (*borrow ? 1 : 0));
    if (*borrow && b != 0) *borrow = false;
    return r;
}

static PithObject *m_to_bytes(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    static const char *const kw[] = {"length", "byteorder", "signed"};
    static const PithArgSpec spec = {"to_bytes", kw, 3, 0, 0, 2};
    PithObject *a[3];
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    intptr_t len = 1;
    if (a[0]) {
        len = pith_number_as_ssize(a[0], &pith_exc_OverflowError);
        if (len == -1 && pith_err_occurred()) return NULL;
        if (len < 0)
            return pith_err_format(&pith_exc_ValueError,
                                   "length argument must be non-negative");
    }
    bool little, is_signed = false;
    if (parse_byteorder("to_bytes", a[1], &little) < 0) return NULL;
    if (a[2]) {
        int t = pith_is_true(a[2]);
        if (t < 0) return NULL;
        is_signed = t;
    }
    IntView v;
    pith_intv_view(self, &v);
    if (v.sign < 0 && !is_signed)
        return pith_err_format(&pith_exc_OverflowError,
                               "can't convert negative int to unsigned");
    /* bits needed: bit_length (+1 sign bit when signed, except -2^k) */
    size_t bits = pith_int_bit_length(self);
    if (is_signed && bits) {
        bool pow2neg = false;
        if (v.sign < 0) {
            pow2neg = (v.d[v.n - 1] & (v.d[v.n - 1] - 1)) == 0;
            for (intptr_t i = 0; i < v.n - 1 && pow2neg; i++) pow2neg = v.d[i] == 0;
        }
        if (!pow2neg) bits++;
    }
    if (bits > (size_t)len * 8)
        return pith_err_format(&pith_exc_OverflowError, "int too big to convert");
    PithObject *r = pith_bytes_from(NULL, len);
    if (!r) return NULL;
    uint8_t *out = (uint8_t *)PITH_BYTES_DATA(r);
    bool borrow = true;
    for (intptr_t i = 0; i < len; i++) {
        uint8_t b = twos_byte(&v, (size_t)i, &borrow);
        out[little ? i : len - 1 - i] = b;
    }
    return r;
}

static PithObject *m_from_bytes(PithObject *type, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    static const char *const kw[] = {"bytes", "byteorder", "signed"};
    static const PithArgSpec spec = {"from_bytes", kw, 3, 0, 1, 2};
    PithObject *a[3];
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    bool little, is_signed = false;
    if (parse_byteorder("from_bytes", a[1], &little) < 0) return NULL;
    if (a[2]) {
        int t = pith_is_true(a[2]);
        if (t < 0) return NULL;
        is_signed = t;
    }
    PithObject *b = a[0];
    if (pith_bytes_check(b)) {
        PITH_INCREF(b);
    } else if (pith_str_check(b) || pith_int_check(b)) { /* PyObject_Bytes refuses them */
        return pith_err_format(&pith_exc_TypeError, "cannot convert '%.200s' object to bytes",
                               pith_type_name(b));
    } else {
        PithObject *bt = (PithObject *)&pith_bytes_type;
        b = pith_call_one(bt, b);
        if (!b) return NULL;
    }
    intptr_t len = PITH_BYTES_SIZE(b);
    const uint8_t *in = (const uint8_t *)PITH_BYTES_DATA(b);
    PithInt *r = pith_intv_alloc(len / 4 + 1);
    if (!r) {
        PITH_DECREF(b);
        return NULL;
    }
    for (intptr_t i = 0; i < len; i++) {
        uint8_t byte = in[little ? i : len - 1 - i];
        r->digits[i / 4] |= (uint32_t)byte << (8 * (i % 4));
    }
    bool neg = is_signed && len > 0 && (in[little ? len - 1 : 0] & 0x80);
    PITH_DECREF(b);
    PithObject *res = pith_intv_finish(r, 1);
    if (res && neg) {
        /* value - 2^(8*len) */
        PithObject *one = pith_int_from_i64(1);
        PithObject *p = pith_int_lshift_bits(one, (uint64_t)len * 8);
        PithObject *d = p ? pith_int_sub(res, p) : NULL;
        PITH_XDECREF(p);
        PITH_DECREF(res);
        res = d;
    }
    if (res && (PithType *)type != &pith_int_type) {
        PithObject *s = pith_call_one(type, res);
        PITH_DECREF(res);
        res = s;
    }
    return res;
}

static PithObject *m_format(PithObject *self, PithObject *const *a, size_t n,
                            PithObject *k) {
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError,
                               "__format__() argument must be str, not %s",
                               pith_badarg_name(a[0]));
    return pith_int_format_spec(self, a[0]);
}

static PithObject *m_sizeof(PithObject *self, PithObject *const *a, size_t n,
                            PithObject *k) {
    /* CPython's figure (30-bit digits): 24 + 4 * ceil(bits / 30) */
    size_t bits = pith_int_bit_length(self);
    return pith_int_from_size(24 + 4 * ((bits + 29) / 30));
}

static PithMethodDef int_methods[] = {
    {"conjugate", m_self, PITH_METH_NOARGS, NULL},
    {"bit_length", m_bit_length, PITH_METH_NOARGS, NULL},
    {"bit_count", m_bit_count, PITH_METH_NOARGS, NULL},
    {"to_bytes", m_to_bytes, PITH_METH_KW, NULL},
    {"from_bytes", m_from_bytes, PITH_METH_KW | PITH_METH_CLASS, NULL},
    {"as_integer_ratio", m_ratio, PITH_METH_NOARGS, NULL},
    {"__trunc__", m_self, PITH_METH_NOARGS, NULL},
    {"__floor__", m_self, PITH_METH_NOARGS, NULL},
    {"__ceil__", m_self, PITH_METH_NOARGS, NULL},
    {"__round__", m_round, PITH_METH_FAST, NULL},
    {"__getnewargs__", m_getnewargs, PITH_METH_NOARGS, NULL},
    {"__format__", m_format, PITH_METH_O, NULL},
    {"__sizeof__", m_sizeof, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithObject *get_self(PithObject *self, void *c) { return int_exact_self(self); }
static PithObject *get_zero(PithObject *self, void *c) { return pith_int_from_i64(0); }
static PithObject *get_one(PithObject *self, void *c) { return pith_int_from_i64(1); }

static PithGetSetDef int_getset[] = {
    {"real", get_self, NULL, NULL, NULL},
    {"imag", get_zero, NULL, NULL, NULL},
    {"numerator", get_self, NULL, NULL, NULL},
    {"denominator", get_one, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static void int_dealloc(PithObject *o) {
    if (pith_int_check_exact(o) && int_free_count < INT_FREE_MAX) {
        int_free_list[int_free_count++] = (PithInt *)o;
        return;
    }
    if (PITH_IS_GC(o)) pith_gc_del(o);
    else pith_obj_free(o);
}

static intptr_t int_hash_slot(PithObject *o) { return pith_int_hash(o); }

PithType pith_int_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "int",
    .tp_basicsize = sizeof(PithInt),
    .tp_itemsize = sizeof(uint32_t),
    .tp_flags = PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_LONG_SUBCLASS |
                PITH_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer",
    .tp_dealloc = int_dealloc,
    .tp_repr = pith_int_repr,
    .tp_hash = int_hash_slot,
    .tp_richcompare = pith_int_richcompare,
    .tp_getattro = pith_generic_getattr,
    .tp_new = int_new,
    .tp_as_number = &pith_int_as_number,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
};

/* ---- subsystem init (lifecycle.h) ---------------------------------------- */

int pith_numbers_init(void) {
    small_ints_init();
    if (pith_type_ready(&pith_int_type) < 0) return -1;
    if (pith_type_ready(&pith_bool_type) < 0) return -1;
    if (pith_type_ready(&pith_float_type) < 0) return -1;
    if (pith_type_ready(&pith_complex_type) < 0) return -1;
    return 0;
}
