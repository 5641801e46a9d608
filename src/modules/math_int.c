/* math_int.c — the integer functions of `math`: factorial (binary-split
 * product), gcd/lcm (variadic), isqrt (Newton), comb, perm, prod. */
#include <limits.h>
#include <math.h>

#include "mathmod.h"

/* acc * v (acc NULL = 1); consumes acc. */
static PithObject *mul_into(PithObject *acc, uint64_t v) {
    PithObject *s = pith_int_from_u64(v);
    if (!acc || !s) return s;
    PithObject *r = pith_int_mul(acc, s);
    PITH_DECREF(acc);
    PITH_DECREF(s);
    return r;
}

/* Product lo * (lo+1) * ... * hi (1 <= lo <= hi < 2**63), split in halves
 * so the big multiplications are balanced. */
static PithObject *range_prod(uint64_t lo, uint64_t hi) {
    if (hi - lo < 16) {
        PithObject *acc = NULL;
        uint64_t small = 1;
        for (uint64_t i = lo;; i++) {
            if (((unsigned __int128)small * i) >> 63) {
                acc = mul_into(acc, small);
                if (!acc) return NULL;
                small = 1;
            }
            small *= i;
            if (i == hi) break;
        }
        return mul_into(acc, small);
    }
    uint64_t mid = lo + (hi - lo) / 2;
    PithObject *a = range_prod(lo, mid);
    PithObject *b = a ? range_prod(mid + 1, hi) : NULL;
    PithObject *r = b ? pith_int_mul(a, b) : NULL;
    PITH_XDECREF(a);
    PITH_XDECREF(b);
    return r;
}

static PithObject *factorial_of(PithObject *n) {
    if (pith_int_sign(n) < 0) {
        pith_err_set_string(&pith_exc_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    int overflow = 0;
    int64_t v = pith_int_as_i64_overflow(n, &overflow);
    if (overflow) {
        pith_err_format(&pith_exc_OverflowError,
                        "factorial() argument should not exceed %lld", (long long)LLONG_MAX);
        return NULL;
    }
    if (v < 2) return pith_int_from_i64(1);
    return range_prod(2, (uint64_t)v);
}

static PithObject *m_factorial(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    PithObject *i = pith_number_index(a[0]);
    if (!i) return NULL;
    PithObject *r = factorial_of(i);
    PITH_DECREF(i);
    return r;
}

static PithObject *int_abs(PithObject *o) {
    return pith_int_sign(o) < 0 ? pith_number_negative(o) : PITH_NEWREF(o);
}

/* gcd of two non-negative ints (steals neither). */
static PithObject *gcd2(PithObject *a, PithObject *b) {
    PithObject *x = PITH_NEWREF(a), *y = PITH_NEWREF(b);
    while (x && y && pith_int_sign(y) != 0) {
        int of1 = 0, of2 = 0;
        int64_t sx = pith_int_as_i64_overflow(x, &of1), sy = pith_int_as_i64_overflow(y, &of2);
        if (!of1 && !of2) {
            while (sy) {
                int64_t t = sx % sy;
                sx = sy;
                sy = t;
            }
            PITH_DECREF(x);
            PITH_DECREF(y);
            return pith_int_from_i64(sx);
        }
        PithObject *r = pith_int_mod(x, y);
        PITH_DECREF(x);
        x = y;
        y = r;
    }
    PITH_XDECREF(y);
    return x;
}

static PithObject *m_gcd(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    PithObject *res = pith_int_from_i64(0);
    for (size_t i = 0; res && i < n; i++) {
        PithObject *v = pith_number_index(a[i]);
        PithObject *av = v ? int_abs(v) : NULL;
        PITH_XDECREF(v);
        PithObject *g = av ? gcd2(res, av) : NULL;
        PITH_XDECREF(av);
        PITH_DECREF(res);
        res = g;
    }
    return res;
}

static PithObject *m_lcm(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    PithObject *res = pith_int_from_i64(1);
    for (size_t i = 0; res && i < n; i++) {
        PithObject *v = pith_number_index(a[i]);
        PithObject *av = v ? int_abs(v) : NULL;
        PITH_XDECREF(v);
        PithObject *r = NULL;
        if (av && (pith_int_sign(av) == 0 || pith_int_sign(res) == 0)) {
            r = pith_int_from_i64(0);
        } else if (av) {
            PithObject *g = gcd2(res, av);
            PithObject *q = g ? pith_int_floordiv(res, g) : NULL;
            r = q ? pith_int_mul(q, av) : NULL;
            PITH_XDECREF(g);
            PITH_XDECREF(q);
        }
        PITH_XDECREF(av);
        PITH_DECREF(res);
        res = r;
    }
    return res;
}

static PithObject *m_isqrt(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    PithObject *v = pith_number_index(a[0]);
    if (!v) return NULL;
    if (pith_int_sign(v) < 0) {
        PITH_DECREF(v);
        pith_err_set_string(&pith_exc_ValueError, "isqrt() argument must be nonnegative");
        return NULL;
    }
    int overflow = 0;
    int64_t small = pith_int_as_i64_overflow(v, &overflow);
    if (!overflow) {
        PITH_DECREF(v);
        uint64_t u = (uint64_t)small, r = (uint64_t)sqrt((double)u);
        while (r > 0 && (unsigned __int128)r * r > u) r--;
        while ((unsigned __int128)(r + 1) * (r + 1) <= u) r++;
        return pith_int_from_u64(r);
    }
    /* Newton from above: x = 2**ceil(bits/2) >= isqrt(v) */
    size_t bits = pith_int_bit_length(v);
    PithObject *one = pith_int_from_i64(1);
    PithObject *sh = pith_int_from_size((bits + 1) / 2);
    PithObject *x = one && sh ? pith_number_lshift(one, sh) : NULL;
    PITH_XDECREF(sh);
    while (x) {
        PithObject *q = pith_int_floordiv(v, x);
        PithObject *s = q ? pith_int_add(x, q) : NULL;
        PithObject *y = s ? pith_number_rshift(s, one) : NULL;
        PITH_XDECREF(q);
        PITH_XDECREF(s);
        if (!y) PITH_CLEAR(x);
        else if (pith_int_compare(y, x) >= 0) {
            PITH_DECREF(y);
            break;
        } else {
            PITH_DECREF(x);
            x = y;
        }
    }
    PITH_XDECREF(one);
    PITH_DECREF(v);
    return x;
}

/* n and k for comb/perm: non-negative ints (new refs), 0 / -1. */
static int n_k_args(PithObject *const *a, PithObject **n, PithObject **k) {
    *n = pith_number_index(a[0]);
    *k = *n ? pith_number_index(a[1]) : NULL;
    if (!*k) goto fail;
    if (pith_int_sign(*n) < 0) {
        pith_err_set_string(&pith_exc_ValueError, "n must be a non-negative integer");
        goto fail;
    }
    if (pith_int_sign(*k) < 0) {
        pith_err_set_string(&pith_exc_ValueError, "k must be a non-negative integer");
        goto fail;
    }
    return 0;
fail:
    PITH_CLEAR(*n);
    PITH_CLEAR(*k);
    return -1;
}

/* Multiply acc by (n - i) for i in [0, count), dividing by (i+1) each step
 * when `divide` (comb). */
static PithObject *falling(PithObject *n, int64_t count, bool divide) {
    PithObject *acc = pith_int_from_i64(1);
    for (int64_t i = 0; acc && i < count; i++) {
        PithObject *iv = pith_int_from_i64(i);
        PithObject *f = iv ? pith_int_sub(n, iv) : NULL;
        PithObject *p = f ? pith_int_mul(acc, f) : NULL;
        PITH_XDECREF(iv);
        PITH_XDECREF(f);
        PITH_DECREF(acc);
        acc = p;
        if (acc && divide) {
            PithObject *d = pith_int_from_i64(i + 1);
            PithObject *q = d ? pith_int_floordiv(acc, d) : NULL;
            PITH_XDECREF(d);
            PITH_DECREF(acc);
            acc = q;
        }
    }
    return acc;
}

static PithObject *m_comb(PithObject *m, PithObject *const *a, size_t nargs, PithObject *kw) {
    if (pith_arg_check_range("comb", nargs, 2, 2) < 0) return NULL;
    PithObject *n, *k;
    if (n_k_args(a, &n, &k) < 0) return NULL;
    PithObject *r = NULL;
    if (pith_int_compare(k, n) > 0) {
        r = pith_int_from_i64(0);
        goto done;
    }
    PithObject *nk = pith_int_sub(n, k);
    if (!nk) goto done;
    PithObject *kk = pith_int_compare(nk, k) < 0 ? nk : k;
    int overflow = 0;
    int64_t kv = pith_int_as_i64_overflow(kk, &overflow);
    PITH_DECREF(nk);
    if (overflow) {
        pith_err_format(&pith_exc_OverflowError, "min(n - k, k) must not exceed %lld",
                        (long long)LLONG_MAX);
        goto done;
    }
    r = falling(n, kv, true);
done:
    PITH_DECREF(n);
    PITH_DECREF(k);
    return r;
}

static PithObject *m_perm(PithObject *m, PithObject *const *a, size_t nargs, PithObject *kw) {
    if (pith_arg_check_range("perm", nargs, 1, 2) < 0) return NULL;
    if (nargs == 1 || a[1] == PITH_NONE) return m_factorial(m, a, 1, NULL);
    PithObject *n, *k;
    if (n_k_args(a, &n, &k) < 0) return NULL;
    PithObject *r = NULL;
    if (pith_int_compare(k, n) > 0) {
        r = pith_int_from_i64(0);
    } else {
        int overflow = 0;
        int64_t kv = pith_int_as_i64_overflow(k, &overflow);
        if (overflow)
            pith_err_format(&pith_exc_OverflowError, "k must not exceed %lld",
                            (long long)LLONG_MAX);
        else
            r = falling(n, kv, false);
    }
    PITH_DECREF(n);
    PITH_DECREF(k);
    return r;
}

static PithObject *m_prod(PithObject *m, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    static const char *const kw[] = {"iterable", "start"};
    static const PithArgSpec spec = {"prod", kw, 2, 1, 1, 1};
    PithObject *a[2] = {NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    PithObject *it = pith_get_iter(a[0]);
    if (!it) return NULL;
    PithObject *acc = a[1] ? PITH_NEWREF(a[1]) : pith_int_from_i64(1);
    PithObject *item;
    while (acc && (item = pith_iter_next(it))) {
        PithObject *p = pith_number_multiply(acc, item);
        PITH_DECREF(item);
        PITH_DECREF(acc);
        acc = p;
    }
    if (acc && pith_err_occurred()) PITH_CLEAR(acc);
    PITH_DECREF(it);
    return acc;
}

PithMethodDef pith_math_int_methods[] = {
    {"factorial", m_factorial, PITH_METH_O, NULL},
    {"gcd", m_gcd, PITH_METH_FAST, NULL},
    {"lcm", m_lcm, PITH_METH_FAST, NULL},
    {"isqrt", m_isqrt, PITH_METH_O, NULL},
    {"comb", m_comb, PITH_METH_FAST, NULL},
    {"perm", m_perm, PITH_METH_FAST, NULL},
    {"prod", m_prod, PITH_METH_KW, NULL},
    {NULL, NULL, 0, NULL},
};
