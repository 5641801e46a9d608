/* float.c — the float type: a bounded free list (L3), the float()
 * constructor, arithmetic with CPython's results and error messages,
 * exact comparison against ints, hashing, rounding, __format__ and the
 * methods (hex/fromhex, as_integer_ratio, is_integer, ...).
 * Text conversion engines live in dtoa.c.
 */
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "numbers_impl.h"

/* ---- allocation: free list of at most FREE_MAX dead floats ---------------- */

#define FREE_MAX 100
static PithFloat *free_list[FREE_MAX];
static int free_count;

int pith_float_freelist_count(void) { return free_count; }

/* Free the cached floats (full collections do, as CPython's). */
void pith_float_freelist_clear(void) {
    while (free_count > 0) pith_obj_free(free_list[--free_count]);
}

PithObject *pith_float_from_double(double v) {
    PithFloat *f;
    if (free_count > 0) {
        f = free_list[--free_count];
        f->ob.refcnt = 1; /* type already set: only exact floats are kept */
    } else {
        f = (PithFloat *)pith_obj_new(&pith_float_type);
        if (!f) return pith_err_no_memory();
    }
    f->value = v;
    return (PithObject *)f;
}

static void float_dealloc(PithObject *o) {
    if (pith_float_check_exact(o) && free_count < FREE_MAX) {
        free_list[free_count++] = (PithFloat *)o;
        return;
    }
    if (PITH_IS_GC(o)) pith_gc_del(o);
    else pith_obj_free(o);
}

/* ---- conversion ---------------------------------------------------------- */

static double float_result(PithObject *r, PithObject *src) {
    if (!r) return -1.0;
    if (!pith_float_check(r)) {
        pith_err_format(&pith_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                        pith_type_name(src), pith_type_name(r));
        PITH_DECREF(r);
        return -1.0;
    }
    double v = PITH_FLOAT_VALUE(r);
    PITH_DECREF(r);
    return v;
}

double pith_float_as_double(PithObject *o) {
    if (pith_float_check(o)) return PITH_FLOAT_VALUE(o);
    if (pith_int_check(o)) return pith_int_as_double(o);
    PithNumberMethods *nb = PITH_TYPE(o)->tp_as_number;
    bool found;
    if (nb && nb->nb_float) return float_result(nb->nb_float(o), o);
    PithObject *r = pith_num_call_special(o, "__float__", &found);
    if (found || pith_err_occurred()) return float_result(r, o);
    if (pith_index_check(o)) {
        PithObject *i = pith_number_index(o);
        if (!i) return -1.0;
        double v = pith_int_as_double(i);
        PITH_DECREF(i);
        return v;
    }
    pith_err_format(&pith_exc_TypeError, "must be real number, not %s", pith_type_name(o));
    return -1.0;
}

int pith_float_coerce(PithObject *o, double *out) {
    if (pith_float_check(o)) {
        *out = PITH_FLOAT_VALUE(o);
        return 1;
    }
    if (pith_int_check(o)) {
        *out = pith_int_as_double(o);
        return *out == -1.0 && pith_err_occurred() ? -1 : 1;
    }
    return 0;
}

/* Coerce both operands of a binary slot; returns NotImplemented/NULL as
 * the slot's result through *res when it cannot proceed. */
#define COERCE2(a, b, x, y)                                                    \
    double x, y;                                                               \
    {                                                                          \
        int c1_ = pith_float_coerce(a, &x);                                    \
        if (c1_ < 0) return NULL;                                              \
        if (c1_ == 0) PITH_RETURN_NOTIMPL;                                     \
        int c2_ = pith_float_coerce(b, &y);                                    \
        if (c2_ < 0) return NULL;                                              \
        if (c2_ == 0) PITH_RETURN_NOTIMPL;                                     \
    }

/* ---- arithmetic ---------------------------------------------------------- */

static PithObject *zero_div(const char *msg) {
    pith_err_set_string(&pith_exc_ZeroDivisionError, msg);
    return NULL;
}

static PithObject *f_add(PithObject *a, PithObject *b) {
    COERCE2(a, b, x, y);
    return pith_float_from_double(x + y);
}
static PithObject *f_sub(PithObject *a, PithObject *b) {
    COERCE2(a, b, x, y);
    return pith_float_from_double(x - y);
}
static PithObject *f_mul(PithObject *a, PithObject *b) {
    COERCE2(a, b, x, y);
    return pith_float_from_double(x * y);
}
static PithObject *f_truediv(PithObject *a, PithObject *b) {
    COERCE2(a, b, x, y);
    if (y == 0.0) return zero_div("float division by zero");
    return pith_float_from_double(x / y);
}

/* Python's floor division and modulo on doubles (y != 0). */
static void float_divmod_raw(double x, double y, double *fdiv, double *fmod_) {
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    double fl;
    if (div) {
        fl = floor(div);
        if (div - fl > 0.5) fl += 1.0;
    } else {
        fl = copysign(0.0, x / y);
    }
    *fdiv = fl;
    *fmod_ = mod;
}

static PithObject *f_floordiv(PithObject *a, PithObject *b) {
    COERCE2(a, b, x, y);
    if (y == 0.0) return zero_div("float floor division by zero");
    double d, m;
    float_divmod_raw(x, y, &d, &m);
    return pith_float_from_double(d);
}
static PithObject *f_mod(PithObject *a, PithObject *b) {
    COERCE2(a, b, x, y);
    if (y == 0.0) return zero_div("float modulo");
    double mod = fmod(x, y);
    if (mod) {
        if ((y < 0) != (mod < 0)) mod += y;
    } else {
        mod = copysign(0.0, y);
    }
    return pith_float_from_double(mod);
}
static PithObject *f_divmod(PithObject *a, PithObject *b) {
    COERCE2(a, b, x, y);
    if (y == 0.0) return zero_div("float divmod()");
    double d, m;
    float_divmod_raw(x, y, &d, &m);
    PithObject *fd = pith_float_from_double(d), *fm = pith_float_from_double(m);
    PithObject *t = fd && fm ? pith_tuple_pack(2, fd, fm) : NULL;
    PITH_XDECREF(fd);
    PITH_XDECREF(fm);
    return t;
}

static bool is_odd_integer(double w) { return fmod(fabs(w), 2.0) == 1.0; }

static PithObject *raise_range_error(void) {
    PithObject *msg = pith_str_from_cstr(strerror(ERANGE));
    PithObject *code = pith_int_from_i64(ERANGE);
    PithObject *args = msg ? pith_tuple_pack(2, code, msg) : NULL;
    PITH_XDECREF(msg);
    if (!args) return NULL;
    PithObject *exc = pith_exc_new(&pith_exc_OverflowError, args);
    PITH_DECREF(args);
    if (exc) {
        pith_err_raise(exc);
        PITH_DECREF(exc);
    }
    return NULL;
}

/* x ** y for the special operands (inf, nan, zero); 1 = handled. */
static int pow_special(double x, double y, double *r) {
    if (y == 0) *r = 1.0;
    else if (isnan(x)) *r = x;
    else if (isnan(y)) *r = x == 1.0 ? 1.0 : y;
    else if (isinf(y)) {
        double ax = fabs(x);
        *r = ax == 1.0 ? 1.0 : ((y > 0) == (ax > 1.0)) ? fabs(y) : 0.0;
    } else if (isinf(x)) {
        bool odd = is_odd_integer(y);
        if (x > 0) *r = y > 0 ? x : 0.0;
        else *r = y > 0 ? (odd ? x : -x) : (odd ? -0.0 : 0.0);
    } else {
        return 0;
    }
    return 1;
}

static PithObject *f_pow(PithObject *a, PithObject *b, PithObject *c) {
    if (c != PITH_NONE && c) {
        pith_err_set_string(&pith_exc_TypeError,
                            "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    COERCE2(a, b, x, y);
    double r;
    if (pow_special(x, y, &r)) return pith_float_from_double(r);
    if (x == 0.0) {
        if (y < 0) return zero_div("0.0 cannot be raised to a negative power");
        return pith_float_from_double(is_odd_integer(y) ? x : 0.0);
    }
    bool negate = false;
    if (x < 0.0) {
        if (y != floor(y)) /* negative ** fractional: a complex result */
            return pith_complex_type.tp_as_number->nb_power(a, b, c);
        x = -x;
        negate = is_odd_integer(y);
    }
    if (x == 1.0) return pith_float_from_double(negate ? -1.0 : 1.0);
    errno = 0;
    r = pow(x, y);
    if (isinf(r)) return raise_range_error();
    return pith_float_from_double(negate ? -r : r);
}

static PithObject *f_neg(PithObject *a) { return pith_float_from_double(-PITH_FLOAT_VALUE(a)); }
static PithObject *f_abs(PithObject *a) {
    return pith_float_from_double(fabs(PITH_FLOAT_VALUE(a)));
}
static PithObject *f_pos(PithObject *a) {
    if (pith_float_check_exact(a)) return PITH_NEWREF(a);
    return pith_float_from_double(PITH_FLOAT_VALUE(a));
}
static int f_bool(PithObject *a) { return PITH_FLOAT_VALUE(a) != 0.0; }
static PithObject *f_int(PithObject *a) { return pith_int_from_double(PITH_FLOAT_VALUE(a)); }

static PithNumberMethods float_as_number = {
    .nb_add = f_add,
    .nb_subtract = f_sub,
    .nb_multiply = f_mul,
    .nb_remainder = f_mod,
    .nb_divmod = f_divmod,
    .nb_power = f_pow,
    .nb_negative = f_neg,
    .nb_positive = f_pos,
    .nb_absolute = f_abs,
    .nb_bool = f_bool,
    .nb_int = f_int,
    .nb_float = f_pos,
    .nb_floor_divide = f_floordiv,
    .nb_true_divide = f_truediv,
};

/* ---- comparison ---------------------------------------------------------- */

/* Compare d with int i exactly: -1, 0, 1, or 2 when unordered (nan). */
static int cmp_double_int(double d, PithObject *i) {
    if (isnan(d)) return 2;
    if (isinf(d)) return d > 0 ? 1 : -1;
    if (pith_int_bit_length(i) <= DBL_MANT_DIG) {
        double di = pith_int_as_double(i);
        return d < di ? -1 : d > di;
    }
    double t = trunc(d);
    PithObject *ti = pith_int_from_double(t);
    if (!ti) return -3;
    int c = pith_int_compare(ti, i);
    PITH_DECREF(ti);
    if (c != 0) return c;
    double frac = d - t;
    return frac > 0 ? 1 : frac < 0 ? -1 : 0;
}

static PithObject *cmp_result(int c, int op) {
    if (c == -3) return NULL;
    if (c == 2) return pith_bool_from(op == PITH_NE);
    return pith_num_cmp_bool(c, op);
}

static int cmp_doubles(double x, double y) {
    if (isnan(x) || isnan(y)) return 2;
    return x < y ? -1 : x > y;
}

/* Swap an operator for reversed operands. */
static int swapped_op(int op) {
    static const int sw[] = {PITH_GT, PITH_GE, PITH_EQ, PITH_NE, PITH_LT, PITH_LE};
    return sw[op];
}

PithObject *pith_float_richcompare(PithObject *a, PithObject *b, int op) {
    if (!pith_float_check(a)) {
        if (pith_float_check(b) && pith_int_check(a))
            return pith_float_richcompare(b, a, swapped_op(op));
        PITH_RETURN_NOTIMPL;
    }
    double x = PITH_FLOAT_VALUE(a);
    if (pith_float_check(b)) return cmp_result(cmp_doubles(x, PITH_FLOAT_VALUE(b)), op);
    if (pith_int_check(b)) return cmp_result(cmp_double_int(x, b), op);
    PITH_RETURN_NOTIMPL;
}

/* ---- hashing (CPython's numeric hash: value mod 2^61-1) ------------------ */

#define HASH_BITS 61
#define HASH_MOD (((uint64_t)1 << HASH_BITS) - 1)

intptr_t pith_float_hash_double(double v) {
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) { /* 28 bits at a time: x = x * 2^28 + next bits, mod P */
        x = ((x << 28) & HASH_MOD) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MOD) x -= HASH_MOD;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MOD) | x >> (HASH_BITS - e);
    intptr_t h = (intptr_t)x * sign;
    return h == -1 ? -2 : h;
}

static intptr_t float_hash(PithObject *o) {
    double v = PITH_FLOAT_VALUE(o);
    if (isnan(v)) return pith_hash_pointer(o);
    return pith_float_hash_double(v);
}

static PithObject *float_repr(PithObject *o) {
    char buf[40];
    pith_float_repr_buf(PITH_FLOAT_VALUE(o), buf, sizeof buf);
    return pith_str_from_utf8(buf, -1);
}

/* ---- constructor --------------------------------------------------------- */

static PithObject *float_from_text(PithObject *x, bool *was_text) {
    *was_text = true;
    if (pith_str_check(x)) {
        intptr_t len;
        if (((PithStr *)x)->ascii) {
            const char *s = pith_str_utf8_size(x, &len);
            return s ? pith_float_from_string(s, (size_t)len, false) : NULL;
        }
        char *s = pith_num_ascii_text(x, &len);
        if (!s) return NULL;
        double v;
        const char *b = s, *end = s + len;
        while (b < end && *b == ' ') b++;
        while (end > b && end[-1] == ' ') end--;
        int rc = pith_dtoa_parse(b, end, true, true, &v);
        pith_mem_free(s);
        if (rc == 0) return pith_float_from_double(v);
        if (rc == -2) return pith_err_no_memory();
        return pith_err_format(&pith_exc_ValueError, "could not convert string to float: %R",
                               x);
    }
    if (pith_bytes_check(x)) {
        PithObject *r = pith_float_from_string(PITH_BYTES_DATA(x),
                                               (size_t)PITH_BYTES_SIZE(x), false);
        if (!r && pith_err_matches(&pith_exc_ValueError)) {
            pith_err_clear();
            pith_err_format(&pith_exc_ValueError,
                            "could not convert string to float: %R", x);
        }
        return r;
    }
    *was_text = false;
    return NULL;
}

static PithObject *float_new_exact(PithObject *x) {
    if (!x) return pith_float_from_double(0.0);
    if (pith_float_check_exact(x)) return PITH_NEWREF(x);
    bool text;
    PithObject *r = float_from_text(x, &text);
    if (text) return r;
    if (pith_type_ok(x, &pith_bytearray_type)) {
        PithObject *b = pith_call_one((PithObject *)&pith_bytes_type, x);
        if (!b) return NULL;
        r = float_from_text(b, &text);
        PITH_DECREF(b);
        return r;
    }
    PithNumberMethods *nb = PITH_TYPE(x)->tp_as_number;
    static PithObject *s_float, *s_index;
    if ((!s_float && !(s_float = pith_str_intern_cstr("__float__"))) ||
        (!s_index && !(s_index = pith_str_intern_cstr("__index__"))))
        return NULL;
    /* special methods are looked up on the type (float(int) fails) */
    bool has = (nb && (nb->nb_float || nb->nb_index)) ||
               pith_type_lookup(PITH_TYPE(x), s_float) || pith_type_lookup(PITH_TYPE(x), s_index);
    if (!has)
        return pith_err_format(&pith_exc_TypeError,
                               "float() argument must be a string or a real number, "
                               "not '%s'",
                               pith_type_name(x));
    double d = pith_float_as_double(x);
    if (d == -1.0 && pith_err_occurred()) return NULL;
    return pith_float_from_double(d);
}

static PithObject *float_new(PithType *type, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    if (pith_arg_no_kwargs("float", kwnames) < 0) return NULL;
    if (pith_arg_check_range("float", nargs, 0, 1) < 0) return NULL;
    PithObject *r = float_new_exact(nargs ? args[0] : NULL);
    if (!r || type == &pith_float_type) return r;
    PithFloat *s = (PithFloat *)(pith_type_has_flag(type, PITH_TPFLAGS_HAVE_GC)
                                     ? pith_gc_new(type)
                                     : pith_obj_new(type));
    if (s) s->value = PITH_FLOAT_VALUE(r);
    PITH_DECREF(r);
    return s ? (PithObject *)s : pith_err_no_memory();
}

/* ---- __format__ ---------------------------------------------------------- */

bool pith_num_all_zero_digits(const char *s) {
    for (; *s; s++)
        if (*s >= '1' && *s <= '9') return false;
    return true;
}

PithObject *pith_float_format_spec(double v, const PithFormatSpec *spec, const char *tname) {
    uint32_t t = spec->type;
    int flags = spec->alternate ? 1 : 0;
    int prec = (int)spec->precision;
    if (t != 0 && (t > 127 || !strchr("eEfFgGn%", (int)t)))
        return pith_num_unknown_code(t, tname);
    if (t == 0) {
        flags |= 2;
        t = prec < 0 ? 'r' : 'g';
    } else if (t == 'n') {
        t = 'g';
    }
    if (prec < 0 && t != 'r') prec = 6;
    bool neg;
    char *s = pith_dtoa_format(v, (char)t, prec, flags, &neg);
    if (!s) return pith_err_no_memory();
    if (neg && spec->no_neg_zero && isfinite(v) && pith_num_all_zero_digits(s)) neg = false;
    intptr_t nint = 0;
    while (s[nint] >= '0' && s[nint] <= '9') nint++;
    NumParts p = {
        .sign = neg ? "-" : spec->sign == '+' ? "+" : spec->sign == ' ' ? " " : "",
        .prefix = "", .intdigits = s, .nint = nint, .rest = s + nint,
        .group = spec->grouping, .group_size = 3,
    };
    PithObject *r = pith_num_layout(&p, spec);
    pith_mem_free(s);
    return r;
}

/* ---- methods ------------------------------------------------------------- */

#define SELF_VALUE PITH_FLOAT_VALUE(self)

static PithObject *m_format(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError,
                               "__format__() argument must be str, not %s",
                               pith_badarg_name(a[0]));
    if (PITH_STR_LEN(a[0]) == 0) return pith_str(self);
    PithFormatSpec spec;
    if (pith_format_spec_parse_for(a[0], &spec, pith_type_name(self)) < 0) return NULL;
    return pith_float_format_spec(SELF_VALUE, &spec, pith_type_name(self));
}

static PithObject *m_is_integer(PithObject *self, PithObject *const *a, size_t n,
                                PithObject *k) {
    double v = SELF_VALUE;
    return pith_bool_from(isfinite(v) && floor(v) == v);
}

static PithObject *m_conjugate(PithObject *self, PithObject *const *a, size_t n,
                               PithObject *k) {
    return f_pos(self);
}

static PithObject *m_trunc(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    return pith_int_from_double(SELF_VALUE);
}
static PithObject *m_floor(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    return pith_int_from_double(floor(SELF_VALUE));
}
static PithObject *m_ceil(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    return pith_int_from_double(ceil(SELF_VALUE));
}

static PithObject *m_getnewargs(PithObject *self, PithObject *const *a, size_t n,
                                PithObject *k) {
    PithObject *f = pith_float_from_double(SELF_VALUE);
    if (!f) return NULL;
    PithObject *t = pith_tuple_pack(1, f);
    PITH_DECREF(f);
    return t;
}

static PithObject *m_ratio(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    double v = SELF_VALUE;
    if (isinf(v))
        return pith_err_format(&pith_exc_OverflowError,
                               "cannot convert Infinity to integer ratio");
    if (isnan(v))
        return pith_err_format(&pith_exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(v, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    PithObject *num = pith_int_from_double(m), *den = pith_int_from_i64(1);
    if (!num) return NULL;
    if (e > 0) PITH_SETREF(num, pith_int_lshift_bits(num, (uint64_t)e));
    else PITH_SETREF(den, pith_int_lshift_bits(den, (uint64_t)-e));
    PithObject *t = num && den ? pith_tuple_pack(2, num, den) : NULL;
    PITH_XDECREF(num);
    PITH_XDECREF(den);
    return t;
}

/* round(x, nd) correctly: round |x| to (E + 1 + nd) significant digits
 * with printf (exact, half-even), where E is x's decimal exponent. */
static PithObject *round_ndigits(double x, intptr_t nd) {
    if (!isfinite(x) || x == 0.0 || nd > 400) return pith_float_from_double(x);
    if (nd < -400) return pith_float_from_double(0.0 * x);
    double ax = fabs(x);
    char probe[48];
    snprintf(probe, sizeof probe, "%.25e", ax);
    int E = atoi(strchr(probe, 'e') + 1);
    intptr_t count = E + 1 + nd;
    double r;
    if (count < 0) {
        r = 0.0;
    } else if (count == 0) { /* round to one unit at 10^(E+1); a tie gives 0 */
        const char *tail = probe + 2;
        bool rest = strspn(tail, "0") < (size_t)(strchr(probe, 'e') - tail);
        bool up = probe[0] > '5' || (probe[0] == '5' && rest);
        snprintf(probe, sizeof probe, "1e%d", E + 1);
        r = up ? strtod(probe, NULL) : 0.0;
    } else {
        size_t sz = (size_t)count + 40;
        char *buf = pith_mem_malloc(sz);
        if (!buf) return pith_err_no_memory();
        snprintf(buf, sz, "%.*e", (int)(count - 1), ax);
        r = strtod(buf, NULL);
        pith_mem_free(buf);
    }
    if (isinf(r))
        return pith_err_format(&pith_exc_OverflowError, "rounded value too large to represent");
    return pith_float_from_double(copysign(r, x));
}

static PithObject *m_round(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    if (pith_arg_check_range("__round__", n, 0, 1) < 0) return NULL;
    double x = SELF_VALUE;
    if (n == 0 || a[0] == PITH_NONE) {
        double r = round(x);
        if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0); /* ties to even */
        return pith_int_from_double(r);
    }
    intptr_t nd = pith_number_as_ssize(a[0], NULL);
    if (nd == -1 && pith_err_occurred()) return NULL;
    return round_ndigits(x, nd);
}

static PithObject *m_hex(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    double x = SELF_VALUE;
    char buf[64];
    if (!isfinite(x) || x == 0.0) {
        if (x == 0.0) return pith_str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
        pith_float_repr_buf(x, buf, sizeof buf);
        return pith_str_from_cstr(buf);
    }
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    int pos = snprintf(buf, sizeof buf, "%s0x%d.", x < 0 ? "-" : "", (int)m);
    m -= (int)m;
    for (int i = 0; i < (DBL_MANT_DIG - 2) / 4 + 1; i++) {
        m *= 16.0;
        int d = (int)m;
        buf[pos++] = "0123456789abcdef"[d];
        m -= d;
    }
    snprintf(buf + pos, sizeof buf - (size_t)pos, "p%+d", e);
    return pith_str_from_cstr(buf);
}

/* Parse float.fromhex text: [sign] (inf|infinity|nan | [0x] hex [. hex] [p exp]). */
static int parse_hex(const char *s, const char *end, double *out) {
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-')) neg = *s++ == '-';
    size_t len = (size_t)(end - s);
    if ((len == 3 && !strncasecmp(s, "inf", 3)) || (len == 8 && !strncasecmp(s, "infinity", 8))) {
        *out = neg ? -INFINITY : INFINITY;
        return 0;
    }
    if (len == 3 && !strncasecmp(s, "nan", 3)) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    if (len >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x') s += 2;
    char *buf = pith_mem_malloc((size_t)(end - s) + 8);
    if (!buf) return -2;
    size_t n = (size_t)snprintf(buf, 4, "0x");
    size_t ndig = 0, ndots = 0;
    for (; s < end && (isxdigit((unsigned char)*s) || *s == '.'); s++) {
        if (*s == '.') ndots++;
        else ndig++;
        buf[n++] = *s;
    }
    bool ok = ndig > 0 && ndots <= 1;
    if (ok && s < end && (*s | 0x20) == 'p') {
        buf[n++] = 'p';
        s++;
        if (s < end && (*s == '+' || *s == '-')) buf[n++] = *s++;
        size_t ne = 0;
        for (; s < end && *s >= '0' && *s <= '9'; s++, ne++) buf[n++] = *s;
        ok = ne > 0;
    }
    buf[n] = 0;
    ok = ok && s == end;
    if (ok) {
        double v = strtod(buf, NULL);
        *out = neg ? -v : v;
    }
    pith_mem_free(buf);
    return ok ? (isinf(*out) ? 1 : 0) : -1;
}

static PithObject *m_fromhex(PithObject *type, PithObject *const *a, size_t n,
                             PithObject *k) {
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, /* as CPython's PyUnicode_AsUTF8 path */
                               "bad argument type for built-in operation");
    intptr_t len;
    const char *s = pith_str_utf8_size(a[0], &len);
    if (!s) return NULL;
    const char *end = s + len;
    while (s < end && isspace((unsigned char)*s)) s++;
    while (end > s && isspace((unsigned char)end[-1])) end--;
    double v = 0;
    int rc = parse_hex(s, end, &v);
    if (rc == -2) return pith_err_no_memory();
    if (rc == -1)
        return pith_err_format(&pith_exc_ValueError,
                               "invalid hexadecimal floating-point string");
    if (rc == 1)
        return pith_err_format(&pith_exc_OverflowError,
                               "hexadecimal value too large to represent as a float");
    PithObject *f = pith_float_from_double(v);
    if (!f || (PithType *)type == &pith_float_type) return f;
    PithObject *r = pith_call_one(type, f);
    PITH_DECREF(f);
    return r;
}

static PithObject *m_getformat(PithObject *type, PithObject *const *a, size_t n,
                               PithObject *k) {
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError,
                               "__getformat__() argument must be str, not %s",
                               pith_badarg_name(a[0]));
    if (!pith_str_eq_cstr(a[0], "double") && !pith_str_eq_cstr(a[0], "float"))
        return pith_err_format(&pith_exc_ValueError,
                               "__getformat__() argument 1 must be 'double' or 'float'");
    return pith_str_from_cstr("IEEE, little-endian");
}

static PithMethodDef float_methods[] = {
    {"conjugate", m_conjugate, PITH_METH_NOARGS, NULL},
    {"is_integer", m_is_integer, PITH_METH_NOARGS, NULL},
    {"as_integer_ratio", m_ratio, PITH_METH_NOARGS, NULL},
    {"hex", m_hex, PITH_METH_NOARGS, NULL},
    {"fromhex", m_fromhex, PITH_METH_O | PITH_METH_CLASS, NULL},
    {"__getformat__", m_getformat, PITH_METH_O | PITH_METH_CLASS, NULL},
    {"__trunc__", m_trunc, PITH_METH_NOARGS, NULL},
    {"__floor__", m_floor, PITH_METH_NOARGS, NULL},
    {"__ceil__", m_ceil, PITH_METH_NOARGS, NULL},
    {"__round__", m_round, PITH_METH_FAST, NULL},
    {"__getnewargs__", m_getnewargs, PITH_METH_NOARGS, NULL},
    {"__format__", m_format, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PithObject *get_real(PithObject *self, void *c) { return f_pos(self); }
static PithObject *get_imag(PithObject *self, void *c) { return pith_float_from_double(0.0); }

static PithGetSetDef float_getset[] = {
    {"real", get_real, NULL, NULL, NULL},
    {"imag", get_imag, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_float_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "float",
    .tp_basicsize = sizeof(PithFloat),
    .tp_flags = PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_hash = float_hash,
    .tp_richcompare = pith_float_richcompare,
    .tp_getattro = pith_generic_getattr,
    .tp_new = float_new,
    .tp_as_number = &float_as_number,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
};
