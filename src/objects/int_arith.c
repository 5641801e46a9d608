/* int_arith.c — arbitrary-precision arithmetic for int: magnitude
 * primitives (add, subtract, schoolbook and Karatsuba multiply, Knuth
 * algorithm D division), then the Python-level operations built on them
 * (+ - * // % divmod / ** << >> & | ^ ~, comparisons) and the int
 * number-protocol table.
 *
 * Every operation has a small-form fast path (int64 arithmetic with
 * overflow checks) before falling back to the digit algorithms. Results
 * always go through pith_intv_finish, so they are canonical.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "numbers_impl.h"

#define KARATSUBA_CUTOFF 48

/* ---- magnitude primitives ------------------------------------------------ */

int pith_mag_cmp(const uint32_t *a, intptr_t na, const uint32_t *b, intptr_t nb) {
    if (na != nb) return na < nb ? -1 : 1;
    for (intptr_t i = na - 1; i >= 0; i--)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* r[0..nr) += x[0..nx) (nx <= nr); returns the carry out of r. */
static uint32_t add_into(uint32_t *r, intptr_t nr, const uint32_t *x, intptr_t nx) {
    uint64_t c = 0;
    intptr_t i = 0;
    for (; i < nx; i++) {
        c += (uint64_t)r[i] + x[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    for (; c && i < nr; i++) {
        c += r[i];
        r[i] = (uint32_t)c;
        c >>= 32;
    }
    return (uint32_t)c;
}

/* r[0..nr) -= x[0..nx) (nx <= nr); returns the borrow out of r. */
static uint32_t sub_from(uint32_t *r, intptr_t nr, const uint32_t *x, intptr_t nx) {
    uint32_t borrow = 0;
    intptr_t i = 0;
    for (; i < nx; i++) {
        uint64_t t = (uint64_t)r[i] - x[i] - borrow;
        r[i] = (uint32_t)t;
        borrow = (uint32_t)(t >> 63);
    }
    for (; borrow && i < nr; i++) {
        borrow = r[i] == 0;
        r[i]--;
    }
    return borrow;
}

static intptr_t trim(const uint32_t *d, intptr_t n) {
    while (n > 0 && d[n - 1] == 0) n--;
    return n;
}

/* r[0..na+nb) = a * b, schoolbook. r must not overlap a or b. */
static void mul_school(const uint32_t *a, intptr_t na, const uint32_t *b, intptr_t nb,
                       uint32_t *r) {
    memset(r, 0, (size_t)(na + nb) * sizeof(uint32_t));
    for (intptr_t i = 0; i < na; i++) {
        uint64_t c = 0, ai = a[i];
        if (!ai) continue;
        for (intptr_t j = 0; j < nb; j++) {
            c += ai * b[j] + r[i + j];
            r[i + j] = (uint32_t)c;
            c >>= 32;
        }
        r[i + nb] = (uint32_t)c;
    }
}

static int kmul(const uint32_t *a, intptr_t na, const uint32_t *b, intptr_t nb,
                uint32_t *r);

/* a much longer than b: multiply b by na/nb slices of a. */
static int kmul_unbalanced(const uint32_t *a, intptr_t na, const uint32_t *b,
                           intptr_t nb, uint32_t *r) {
    memset(r, 0, (size_t)(na + nb) * sizeof(uint32_t));
    uint32_t *t = pith_mem_malloc((size_t)(2 * nb) * sizeof(uint32_t));
    if (!t) return -1;
    for (intptr_t off = 0; off < na; off += nb) {
        intptr_t len = na - off < nb ? na - off : nb;
        if (kmul(a + off, len, b, nb, t) < 0) {
            pith_mem_free(t);
            return -1;
        }
        add_into(r + off, na + nb - off, t, len + nb);
    }
    pith_mem_free(t);
    return 0;
}

/* Karatsuba for na >= nb > h where h = ceil(na/2):
 * a = a1 B^h + a0, b = b1 B^h + b0,
 * ab = z2 B^2h + ((a0+a1)(b0+b1) - z0 - z2) B^h + z0. */
static int kmul_balanced(const uint32_t *a, intptr_t na, const uint32_t *b,
                         intptr_t nb, uint32_t *r, intptr_t h) {
    uint32_t *t = pith_mem_malloc((size_t)(4 * h + 4) * sizeof(uint32_t));
    if (!t) return -1;
    uint32_t *s1 = t, *s2 = t + h + 1, *z1 = t + 2 * h + 2;
    int rc = -1;
    /* z0 -> r[0..2h), z2 -> r[2h..na+nb) */
    if (kmul(a, h, b, h, r) < 0) goto done;
    if (kmul(a + h, na - h, b + h, nb - h, r + 2 * h) < 0) goto done;
    memcpy(s1, a, (size_t)h * sizeof(uint32_t));
    s1[h] = add_into(s1, h, a + h, na - h);
    memcpy(s2, b, (size_t)h * sizeof(uint32_t));
    s2[h] = add_into(s2, h, b + h, nb - h);
    if (kmul(s1, h + 1, s2, h + 1, z1) < 0) goto done;
    sub_from(z1, 2 * h + 2, r, 2 * h);
    sub_from(z1, 2 * h + 2, r + 2 * h, na + nb - 2 * h);
    add_into(r + h, na + nb - h, z1, trim(z1, 2 * h + 2));
    rc = 0;
done:
    pith_mem_free(t);
    return rc;
}

/* r[0..na+nb) = a * b (no overlap). -1 on allocation failure. */
static int kmul(const uint32_t *a, intptr_t na, const uint32_t *b, intptr_t nb,
                uint32_t *r) {
    if (na < nb) {
        const uint32_t *t = a;
        a = b;
        b = t;
        intptr_t tn = na;
        na = nb;
        nb = tn;
    }
    if (nb < KARATSUBA_CUTOFF) {
        mul_school(a, na, b, nb, r);
        return 0;
    }
    intptr_t h = (na + 1) / 2;
    if (nb <= h) return kmul_unbalanced(a, na, b, nb, r);
    return kmul_balanced(a, na, b, nb, r, h);
}

/* q[0..n) = a / d, returns a % d. q may alias a. */
static uint32_t divrem1(const uint32_t *a, intptr_t n, uint32_t d, uint32_t *q) {
    uint64_t rem = 0;
    for (intptr_t i = n - 1; i >= 0; i--) {
        uint64_t cur = rem << 32 | a[i];
        q[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    return (uint32_t)rem;
}

/* Knuth algorithm D: na >= nb >= 2, b[nb-1] != 0. q gets na-nb+1 digits,
 * r gets nb digits. -1 on allocation failure. */
static int divrem_knuth(const uint32_t *a, intptr_t na, const uint32_t *b, intptr_t nb,
                        uint32_t *q, uint32_t *r) {
    uint32_t *un = pith_mem_malloc((size_t)(na + 1 + nb) * sizeof(uint32_t));
    if (!un) return -1;
    uint32_t *vn = un + na + 1;
    int s = __builtin_clz(b[nb - 1]);
    /* normalise so the divisor's top bit is set */
    for (intptr_t i = nb - 1; i > 0; i--)
        vn[i] = (b[i] << s) | (s ? b[i - 1] >> (32 - s) : 0);
    vn[0] = b[0] << s;
    un[na] = s ? a[na - 1] >> (32 - s) : 0;
    for (intptr_t i = na - 1; i > 0; i--)
        un[i] = (a[i] << s) | (s ? a[i - 1] >> (32 - s) : 0);
    un[0] = a[0] << s;
    uint64_t vtop = vn[nb - 1], vnext = vn[nb - 2];
    for (intptr_t j = na - nb; j >= 0; j--) {
        uint64_t num = (uint64_t)un[j + nb] << 32 | un[j + nb - 1];
        uint64_t qhat = num / vtop, rhat = num % vtop;
        while (qhat >> 32 || qhat * vnext > (rhat << 32 | un[j + nb - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat >> 32) break;
        }
        /* un[j..j+nb] -= qhat * vn */
        int64_t k = 0, t;
        for (intptr_t i = 0; i < nb; i++) {
            uint64_t p = qhat * vn[i];
            t = (int64_t)un[i + j] - k - (int64_t)(p & 0xFFFFFFFFu);
            un[i + j] = (uint32_t)t;
            k = (int64_t)(p >> 32) - (t >> 32);
        }
        t = (int64_t)un[j + nb] - k;
        un[j + nb] = (uint32_t)t;
        if (t < 0) { /* qhat was one too big: add back */
            qhat--;
            un[j + nb] += add_into(un + j, nb, vn, nb);
        }
        q[j] = (uint32_t)qhat;
    }
    for (intptr_t i = 0; i < nb; i++)
        r[i] = (un[i] >> s) | (s ? un[i + 1] << (32 - s) : 0);
    pith_mem_free(un);
    return 0;
}

/* ---- object-level helpers ------------------------------------------------ */

static PithObject *zero_div(const char *msg) {
    pith_err_set_string(&pith_exc_ZeroDivisionError, msg);
    return NULL;
}

/* u + sgn*v on views. */
static PithObject *add_views(const IntView *u, const IntView *v, int vsign) {
    if (u->sign == 0 || vsign == 0) {
        const IntView *w = u->sign ? u : v;
        int sg = u->sign ? u->sign : vsign;
        return pith_intv_from_mag(w->d, w->n, sg);
    }
    if (u->sign == vsign) {
        const IntView *x = u->n >= v->n ? u : v, *y = u->n >= v->n ? v : u;
        PithInt *r = pith_intv_alloc(x->n + 1);
        if (!r) return NULL;
        memcpy(r->digits, x->d, (size_t)x->n * sizeof(uint32_t));
        r->digits[x->n] = add_into(r->digits, x->n, y->d, y->n);
        return pith_intv_finish(r, u->sign);
    }
    int c = pith_mag_cmp(u->d, u->n, v->d, v->n);
    if (c == 0) return pith_int_from_i64(0);
    const IntView *x = c > 0 ? u : v, *y = c > 0 ? v : u;
    PithInt *r = pith_intv_alloc(x->n);
    if (!r) return NULL;
    memcpy(r->digits, x->d, (size_t)x->n * sizeof(uint32_t));
    sub_from(r->digits, x->n, y->d, y->n);
    return pith_intv_finish(r, c > 0 ? u->sign : vsign);
}

static PithObject *add_general(PithObject *a, PithObject *b, int bsign) {
    IntView u, v;
    pith_intv_view(a, &u);
    pith_intv_view(b, &v);
    return add_views(&u, &v, v.sign * bsign);
}

PithObject *pith_int_add(PithObject *a, PithObject *b) {
    PithInt *x = (PithInt *)a, *y = (PithInt *)b;
    int64_t r;
    if (x->ndigits == 0 && y->ndigits == 0 && !__builtin_add_overflow(x->small, y->small, &r))
        return pith_int_from_i64(r);
    return add_general(a, b, 1);
}

PithObject *pith_int_sub(PithObject *a, PithObject *b) {
    PithInt *x = (PithInt *)a, *y = (PithInt *)b;
    int64_t r;
    if (x->ndigits == 0 && y->ndigits == 0 && !__builtin_sub_overflow(x->small, y->small, &r))
        return pith_int_from_i64(r);
    return add_general(a, b, -1);
}

PithObject *pith_int_mul(PithObject *a, PithObject *b) {
    PithInt *x = (PithInt *)a, *y = (PithInt *)b;
    int64_t rv;
    if (x->ndigits == 0 && y->ndigits == 0 && !__builtin_mul_overflow(x->small, y->small, &rv))
        return pith_int_from_i64(rv);
    IntView u, v;
    pith_intv_view(a, &u);
    pith_intv_view(b, &v);
    if (u.sign == 0 || v.sign == 0) return pith_int_from_i64(0);
    PithInt *r = pith_intv_alloc(u.n + v.n);
    if (!r) return NULL;
    if (kmul(u.d, u.n, v.d, v.n, r->digits) < 0) {
        pith_obj_free(r);
        return pith_err_no_memory();
    }
    return pith_intv_finish(r, u.sign * v.sign);
}

PithObject *pith_int_neg(PithObject *a) {
    PithInt *x = (PithInt *)a;
    if (x->ndigits == 0 && x->small != INT64_MIN) return pith_int_from_i64(-x->small);
    IntView u;
    pith_intv_view(a, &u);
    return pith_intv_from_mag(u.d, u.n, -u.sign);
}

PithObject *pith_int_abs(PithObject *a) {
    if (pith_int_sign(a) < 0) return pith_int_neg(a);
    if (pith_int_check_exact(a)) return PITH_NEWREF(a);
    return pith_int_subtype_copy(&pith_int_type, a);
}

/* Truncated magnitude division |a| / |b| into new PithInts (unsigned). */
static int mag_divmod(const IntView *u, const IntView *v, PithInt **qo, PithInt **ro) {
    intptr_t qn = u->n >= v->n ? u->n - v->n + 1 : 1;
    PithInt *q = pith_intv_alloc(qn), *r = pith_intv_alloc(v->n);
    if (!q || !r) goto fail;
    if (pith_mag_cmp(u->d, u->n, v->d, v->n) < 0) {
        memcpy(r->digits, u->d, (size_t)u->n * sizeof(uint32_t));
    } else if (v->n == 1) {
        r->digits[0] = divrem1(u->d, u->n, v->d[0], q->digits);
    } else if (divrem_knuth(u->d, u->n, v->d, v->n, q->digits, r->digits) < 0) {
        pith_err_no_memory();
        goto fail;
    }
    *qo = q;
    *ro = r;
    return 0;
fail:
    if (q) pith_obj_free(q);
    if (r) pith_obj_free(r);
    return -1;
}

/* Floor adjustment: q += 1 and r = |b| - r, both in place (magnitudes). */
static void floor_adjust(PithInt *q, PithInt *r, const IntView *v) {
    intptr_t qn = q->ndigits;
    add_into(q->digits, qn, (const uint32_t[]){1}, 1);
    /* r = v - r: compute into r via a temporary negation trick */
    intptr_t n = v->n;
    uint32_t borrow = 0;
    for (intptr_t i = 0; i < n; i++) {
        uint64_t t = (uint64_t)v->d[i] - r->digits[i] - borrow;
        r->digits[i] = (uint32_t)t;
        borrow = (uint32_t)(t >> 63);
    }
}

static bool all_zero(const uint32_t *d, intptr_t n) {
    for (intptr_t i = 0; i < n; i++)
        if (d[i]) return false;
    return true;
}

int pith_int_divmod_raw(PithObject *a, PithObject *b, PithObject **qp, PithObject **rp) {
    IntView u, v;
    pith_intv_view(a, &u);
    pith_intv_view(b, &v);
    if (v.sign == 0) {
        zero_div("integer division or modulo by zero");
        return -1;
    }
    PithInt *q, *r;
    /* q has one spare digit only if u.n >= v.n; make room for the +1 */
    if (mag_divmod(&u, &v, &q, &r) < 0) return -1;
    bool rnz = !all_zero(r->digits, r->ndigits);
    if (rnz && u.sign != v.sign && u.sign != 0) {
        if (all_zero(q->digits, q->ndigits) || q->digits[q->ndigits - 1] == UINT32_MAX) {
            /* grow q by a digit so the increment cannot overflow */
            PithInt *q2 = pith_intv_alloc(q->ndigits + 1);
            if (!q2) {
                pith_obj_free(q);
                pith_obj_free(r);
                return -1;
            }
            memcpy(q2->digits, q->digits, (size_t)q->ndigits * sizeof(uint32_t));
            pith_obj_free(q);
            q = q2;
        }
        floor_adjust(q, r, &v);
    }
    PithObject *qo = pith_intv_finish(q, u.sign * v.sign);
    PithObject *ro = pith_intv_finish(r, v.sign);
    if (!qo || !ro) {
        PITH_XDECREF(qo);
        PITH_XDECREF(ro);
        return -1;
    }
    if (qp) *qp = qo;
    else PITH_DECREF(qo);
    if (rp) *rp = ro;
    else PITH_DECREF(ro);
    return 0;
}

static bool small_pair(PithObject *a, PithObject *b) {
    return ((PithInt *)a)->ndigits == 0 && ((PithInt *)b)->ndigits == 0;
}

PithObject *pith_int_floordiv(PithObject *a, PithObject *b) {
    if (small_pair(a, b)) {
        int64_t x = ((PithInt *)a)->small, y = ((PithInt *)b)->small;
        if (y == 0) return zero_div("integer division or modulo by zero");
        if (!(x == INT64_MIN && y == -1)) {
            int64_t q = x / y;
            if (x % y != 0 && ((x < 0) != (y < 0))) q--;
            return pith_int_from_i64(q);
        }
    }
    PithObject *q;
    return pith_int_divmod_raw(a, b, &q, NULL) < 0 ? NULL : q;
}

PithObject *pith_int_mod(PithObject *a, PithObject *b) {
    if (pith_int_sign(b) == 0) return zero_div("integer modulo by zero");
    if (small_pair(a, b)) {
        int64_t x = ((PithInt *)a)->small, y = ((PithInt *)b)->small;
        if (y == -1) return pith_int_from_i64(0);
        int64_t r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        return pith_int_from_i64(r);
    }
    PithObject *r;
    return pith_int_divmod_raw(a, b, NULL, &r) < 0 ? NULL : r;
}

static PithObject *int_divmod(PithObject *a, PithObject *b) {
    PithObject *q, *r;
    if (pith_int_divmod_raw(a, b, &q, &r) < 0) return NULL;
    PithObject *t = pith_tuple_pack(2, q, r);
    PITH_DECREF(q);
    PITH_DECREF(r);
    return t;
}

/* ---- shifts -------------------------------------------------------------- */

PithObject *pith_int_lshift_bits(PithObject *a, uint64_t bits) {
    IntView u;
    pith_intv_view(a, &u);
    if (u.sign == 0) return pith_int_from_i64(0);
    if (bits > ((uint64_t)1 << 40)) return pith_err_no_memory();
    intptr_t wshift = (intptr_t)(bits / 32);
    int bshift = (int)(bits % 32);
    PithInt *r = pith_intv_alloc(u.n + wshift + 1);
    if (!r) return NULL;
    uint32_t carry = 0;
    for (intptr_t i = 0; i < u.n; i++) {
        r->digits[i + wshift] = (u.d[i] << bshift) | carry;
        carry = bshift ? u.d[i] >> (32 - bshift) : 0;
    }
    r->digits[u.n + wshift] = carry;
    return pith_intv_finish(r, u.sign);
}

/* Floor shift: negative values round toward -inf. */
PithObject *pith_int_rshift_bits(PithObject *a, uint64_t bits) {
    IntView u;
    pith_intv_view(a, &u);
    uint64_t total = (uint64_t)u.n * 32;
    if (bits >= total) return pith_int_from_i64(u.sign < 0 ? -1 : 0);
    intptr_t wshift = (intptr_t)(bits / 32);
    int bshift = (int)(bits % 32);
    intptr_t n = u.n - wshift;
    PithInt *r = pith_intv_alloc(n + 1);
    if (!r) return NULL;
    for (intptr_t i = 0; i < n; i++) {
        uint32_t hi = i + wshift + 1 < u.n ? u.d[i + wshift + 1] : 0;
        r->digits[i] = (u.d[i + wshift] >> bshift) | (bshift ? hi << (32 - bshift) : 0);
    }
    if (u.sign < 0) {
        bool lost = !all_zero(u.d, wshift) ||
                    (bshift && (u.d[wshift] & ((1u << bshift) - 1)));
        if (lost) add_into(r->digits, n + 1, (const uint32_t[]){1}, 1);
    }
    return pith_intv_finish(r, u.sign);
}

/* Shift count from an int operand; 1 = huge (does not fit int64). */
static int shift_count(PithObject *b, uint64_t *out) {
    int ov;
    int64_t n = pith_int_as_i64_overflow(b, &ov);
    if (ov < 0 || (!ov && n < 0)) {
        pith_err_set_string(&pith_exc_ValueError, "negative shift count");
        return -1;
    }
    if (ov) return 1;
    *out = (uint64_t)n;
    return 0;
}

static PithObject *int_lshift(PithObject *a, PithObject *b) {
    uint64_t n;
    int st = shift_count(b, &n);
    if (st < 0) return NULL;
    if (pith_int_sign(a) == 0) return pith_int_from_i64(0);
    if (st == 1)
        return pith_err_format(&pith_exc_OverflowError, "too many digits in integer");
    PithInt *x = (PithInt *)a;
    if (x->ndigits == 0 && n < 63) {
        int64_t v = x->small;
        int64_t r = (int64_t)((uint64_t)v << n);
        if ((r >> n) == v) return pith_int_from_i64(r);
    }
    return pith_int_lshift_bits(a, n);
}

static PithObject *int_rshift(PithObject *a, PithObject *b) {
    uint64_t n;
    int st = shift_count(b, &n);
    if (st < 0) return NULL;
    if (st == 1) return pith_int_from_i64(pith_int_sign(a) < 0 ? -1 : 0);
    PithInt *x = (PithInt *)a;
    if (x->ndigits == 0)
        return pith_int_from_i64(n >= 63 ? (x->small < 0 ? -1 : 0) : x->small >> n);
    return pith_int_rshift_bits(a, n);
}

/* ---- bitwise (two's complement semantics) ------------------------------- */

/* Digit i of the infinite two's complement form of v; *carry starts at 1. */
static uint32_t twos_digit(const IntView *v, intptr_t i, uint32_t *carry) {
    uint32_t d = i < v->n ? v->d[i] : 0;
    if (v->sign >= 0) return d;
    uint64_t t = (uint64_t)(uint32_t)~d + *carry;
    *carry = (uint32_t)(t >> 32);
    return (uint32_t)t;
}

static PithObject *bitwise(PithObject *a, PithObject *b, char op) {
    IntView u, v;
    pith_intv_view(a, &u);
    pith_intv_view(b, &v);
    intptr_t n = (u.n > v.n ? u.n : v.n) + 1;
    PithInt *r = pith_intv_alloc(n);
    if (!r) return NULL;
    uint32_t cu = 1, cv = 1;
    for (intptr_t i = 0; i < n; i++) {
        uint32_t x = twos_digit(&u, i, &cu), y = twos_digit(&v, i, &cv);
        r->digits[i] = op == '&' ? x & y : op == '|' ? x | y : x ^ y;
    }
    int sign = 1;
    if (r->digits[n - 1] >> 31) { /* negative: magnitude = -r */
        sign = -1;
        uint32_t c = 1;
        for (intptr_t i = 0; i < n; i++) {
            uint64_t t = (uint64_t)(uint32_t)~r->digits[i] + c;
            r->digits[i] = (uint32_t)t;
            c = (uint32_t)(t >> 32);
        }
    }
    return pith_intv_finish(r, sign);
}

PithObject *pith_int_and(PithObject *a, PithObject *b) {
    if (small_pair(a, b))
        return pith_int_from_i64(((PithInt *)a)->small & ((PithInt *)b)->small);
    return bitwise(a, b, '&');
}

PithObject *pith_int_or(PithObject *a, PithObject *b) {
    if (small_pair(a, b))
        return pith_int_from_i64(((PithInt *)a)->small | ((PithInt *)b)->small);
    return bitwise(a, b, '|');
}

PithObject *pith_int_xor(PithObject *a, PithObject *b) {
    if (small_pair(a, b))
        return pith_int_from_i64(((PithInt *)a)->small ^ ((PithInt *)b)->small);
    return bitwise(a, b, '^');
}

static PithObject *int_invert(PithObject *a) {
    PithInt *x = (PithInt *)a;
    if (x->ndigits == 0) return pith_int_from_i64(~x->small);
    /* ~x == -(x + 1) */
    PithObject *one = pith_int_from_i64(1);
    PithObject *t = pith_int_add(a, one);
    if (!t) return NULL;
    PithObject *r = pith_int_neg(t);
    PITH_DECREF(t);
    return r;
}

/* ---- power --------------------------------------------------------------- */

/* Replace *x by f(*x, y); NULL-safe chaining helper. */
static int apply(PithObject **x, PithObject *(*f)(PithObject *, PithObject *),
                 PithObject *y) {
    PithObject *r = f(*x, y);
    PITH_DECREF(*x);
    *x = r;
    return r ? 0 : -1;
}

/* Modular inverse of a modulo m (m > 0) by the extended Euclid algorithm. */
static PithObject *mod_inverse(PithObject *a, PithObject *m) {
    PithObject *r0 = pith_int_mod(a, m), *r1 = PITH_NEWREF(m);
    PithObject *s0 = pith_int_from_i64(1), *s1 = pith_int_from_i64(0);
    PithObject *res = NULL;
    if (!r0) goto done;
    while (pith_int_sign(r1) != 0) {
        PithObject *q, *r;
        if (pith_int_divmod_raw(r0, r1, &q, &r) < 0) goto done;
        PithObject *qs = pith_int_mul(q, s1);
        PITH_DECREF(q);
        PithObject *ns = qs ? pith_int_sub(s0, qs) : NULL;
        PITH_XDECREF(qs);
        if (!ns) {
            PITH_DECREF(r);
            goto done;
        }
        PITH_SETREF(r0, r1);
        r1 = r;
        PITH_SETREF(s0, s1);
        s1 = ns;
    }
    if (pith_int_compare(r0, pith_int_from_i64(1)) != 0) {
        pith_err_set_string(&pith_exc_ValueError,
                            "base is not invertible for the given modulus");
        goto done;
    }
    res = pith_int_mod(s0, m);
done:
    PITH_XDECREF(r0);
    PITH_XDECREF(r1);
    PITH_XDECREF(s0);
    PITH_XDECREF(s1);
    return res;
}

/* base ** exp (exp >= 0), reduced modulo m when m != NULL (m > 0). */
static PithObject *pow_core(PithObject *base, PithObject *exp, PithObject *m) {
    PithObject *result = pith_int_from_i64(1);
    PithObject *b = PITH_NEWREF(base);
    if (m && apply(&b, pith_int_mod, m) < 0) goto fail;
    size_t nbits = pith_int_bit_length(exp);
    IntView e;
    pith_intv_view(exp, &e);
    for (size_t i = nbits; i-- > 0;) {
        if (apply(&result, pith_int_mul, result) < 0) goto fail;
        if (m && apply(&result, pith_int_mod, m) < 0) goto fail;
        if ((e.d[i / 32] >> (i % 32)) & 1) {
            if (apply(&result, pith_int_mul, b) < 0) goto fail;
            if (m && apply(&result, pith_int_mod, m) < 0) goto fail;
        }
    }
    PITH_DECREF(b);
    return result;
fail:
    PITH_XDECREF(result);
    PITH_XDECREF(b);
    return NULL;
}

/* Small base and exponent without overflow: plain int64 repeated squaring. */
static bool pow_small(int64_t b, int64_t e, int64_t *out) {
    int64_t r = 1;
    while (e > 0) {
        if ((e & 1) && __builtin_mul_overflow(r, b, &r)) return false;
        e >>= 1;
        if (e && __builtin_mul_overflow(b, b, &b)) return false;
    }
    *out = r;
    return true;
}

static PithObject *pow_mod(PithObject *a, PithObject *b, PithObject *c) {
    int csign = pith_int_sign(c);
    if (csign == 0) {
        pith_err_set_string(&pith_exc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    PithObject *m = pith_int_abs(c);
    if (!m) return NULL;
    PithObject *base = PITH_NEWREF(a), *exp = PITH_NEWREF(b), *r = NULL;
    if (pith_int_sign(b) < 0) {
        PITH_SETREF(base, mod_inverse(a, m));
        PITH_SETREF(exp, pith_int_neg(b));
        if (!base || !exp) goto done;
    }
    if (pith_int_compare(m, pith_int_from_i64(1)) == 0) {
        r = pith_int_from_i64(0);
        goto done;
    }
    r = pow_core(base, exp, m);
    if (r && csign < 0 && pith_int_sign(r) != 0) apply(&r, pith_int_sub, m);
done:
    PITH_XDECREF(base);
    PITH_XDECREF(exp);
    PITH_DECREF(m);
    return r;
}

PithObject *pith_int_pow(PithObject *a, PithObject *b, PithObject *mod) {
    if (mod) return pow_mod(a, b, mod);
    if (pith_int_sign(b) < 0)
        return pith_float_type.tp_as_number->nb_power(a, b, PITH_NONE);
    int64_t r;
    if (small_pair(a, b) && pow_small(((PithInt *)a)->small, ((PithInt *)b)->small, &r))
        return pith_int_from_i64(r);
    /* powers of two: one shift */
    IntView u;
    pith_intv_view(a, &u);
    if (u.n == 1 && u.d[0] == 2 && ((PithInt *)b)->ndigits == 0) {
        PithObject *p = pith_int_lshift_bits(pith_int_from_i64(1),
                                             (uint64_t)((PithInt *)b)->small);
        if (p && u.sign < 0 && (((PithInt *)b)->small & 1)) apply(&p, pith_int_mul,
                                                                  pith_int_from_i64(-1));
        return p;
    }
    return pow_core(a, b, NULL);
}

/* ---- true division ------------------------------------------------------- */

/* Correctly rounded a / b (CPython's algorithm). On error returns -1 with
 * *err = 1 and an exception set. */
double pith_int_true_div_double(PithObject *a, PithObject *b, int *err) {
    *err = 0;
    int sa = pith_int_sign(a), sb = pith_int_sign(b);
    if (sb == 0) {
        zero_div("division by zero");
        *err = 1;
        return -1;
    }
    bool neg = (sa < 0) != (sb < 0);
    if (sa == 0) return neg ? -0.0 : 0.0;
    int64_t la = (int64_t)pith_int_bit_length(a), lb = (int64_t)pith_int_bit_length(b);
    if (la <= DBL_MANT_DIG && lb <= DBL_MANT_DIG)
        return (double)((PithInt *)a)->small / (double)((PithInt *)b)->small;
    int64_t diff = la - lb;
    if (diff > DBL_MAX_EXP) goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return neg ? -0.0 : 0.0;
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    PithObject *aa = pith_int_abs(a), *bb = pith_int_abs(b), *x = NULL;
    bool inexact = false;
    if (aa && bb) {
        if (shift <= 0) {
            x = pith_int_lshift_bits(aa, (uint64_t)-shift);
        } else {
            x = pith_int_rshift_bits(aa, (uint64_t)shift);
            /* bits lost in the shift? compare x << shift with aa */
            PithObject *back = x ? pith_int_lshift_bits(x, (uint64_t)shift) : NULL;
            if (back) inexact = pith_int_compare(back, aa) != 0;
            PITH_XDECREF(back);
        }
    }
    PithObject *q = NULL, *r = NULL;
    int rc = x ? pith_int_divmod_raw(x, bb, &q, &r) : -1;
    PITH_XDECREF(aa);
    PITH_XDECREF(bb);
    PITH_XDECREF(x);
    if (rc < 0) {
        *err = 1;
        return -1;
    }
    inexact |= pith_int_sign(r) != 0;
    uint64_t qv = (uint64_t)((PithInt *)q)->small; /* < 2^58 */
    PITH_DECREF(q);
    PITH_DECREF(r);
    int xbits = 64 - __builtin_clzll(qv);
    int64_t extra = (xbits > DBL_MIN_EXP - shift ? xbits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = ((uint64_t)1 << extra) - 1, half = (uint64_t)1 << (extra - 1);
    uint64_t low = qv & mask;
    qv -= low;
    if (low > half || (low == half && (inexact || (qv >> extra) & 1))) qv += mask + 1;
    double res = ldexp((double)qv, (int)shift);
    if (isinf(res)) goto overflow;
    return neg ? -res : res;
overflow:
    pith_err_set_string(&pith_exc_OverflowError,
                        "integer division result too large for a float");
    *err = 1;
    return -1;
}

/* ---- slots --------------------------------------------------------------- */

#define BOTH_INTS(a, b)                                                        \
    if (!pith_int_check(a) || !pith_int_check(b)) PITH_RETURN_NOTIMPL

static PithObject *nb_add(PithObject *a, PithObject *b) {
    BOTH_INTS(a, b);
    return pith_int_add(a, b);
}
static PithObject *nb_sub(PithObject *a, PithObject *b) {
    BOTH_INTS(a, b);
    return pith_int_sub(a, b);
}
static PithObject *nb_mul(PithObject *a, PithObject *b) {
    BOTH_INTS(a, b);
    return pith_int_mul(a, b);
}
static PithObject *nb_floordiv(PithObject *a, PithObject *b) {
    BOTH_INTS(a, b);
    return pith_int_floordiv(a, b);
}
static PithObject *nb_mod(PithObject *a, PithObject *b) {
    BOTH_INTS(a, b);
    return pith_int_mod(a, b);
}
static PithObject *nb_divmod(PithObject *a, PithObject *b) {
    BOTH_INTS(a, b);
    return int_divmod(a, b);
}
static PithObject *nb_truediv(PithObject *a, PithObject *b) {
    BOTH_INTS(a, b);
    int err;
    double d = pith_int_true_div_double(a, b, &err);
    return err ? NULL : pith_float_from_double(d);
}
static PithObject *nb_pow(PithObject *a, PithObject *b, PithObject *c) {
    BOTH_INTS(a, b);
    if (c != PITH_NONE && c && !pith_int_check(c)) PITH_RETURN_NOTIMPL;
    return pith_int_pow(a, b, c == PITH_NONE ? NULL : c);
}
static PithObject *nb_lshift(PithObject *a, PithObject *b) {
    BOTH_INTS(a, b);
    return int_lshift(a, b);
}
static PithObject *nb_rshift(PithObject *a, PithObject *b) {
    BOTH_INTS(a, b);
    return int_rshift(a, b);
}
static PithObject *nb_and(PithObject *a, PithObject *b) {
    BOTH_INTS(a, b);
    return pith_int_and(a, b);
}
static PithObject *nb_or(PithObject *a, PithObject *b) {
    BOTH_INTS(a, b);
    return pith_int_or(a, b);
}
static PithObject *nb_xor(PithObject *a, PithObject *b) {
    BOTH_INTS(a, b);
    return pith_int_xor(a, b);
}
static PithObject *nb_pos(PithObject *a) {
    if (pith_int_check_exact(a)) return PITH_NEWREF(a);
    return pith_int_subtype_copy(&pith_int_type, a);
}
static int nb_bool(PithObject *a) { return pith_int_sign(a) != 0; }
static PithObject *nb_float(PithObject *a) {
    double d = pith_int_as_double(a);
    if (d == -1.0 && pith_err_occurred()) return NULL;
    return pith_float_from_double(d);
}

PithObject *pith_int_richcompare(PithObject *a, PithObject *b, int op) {
    BOTH_INTS(a, b);
    return pith_num_cmp_bool(pith_int_compare(a, b), op);
}

PithObject *pith_num_cmp_bool(int c, int op) {
    bool r;
    switch (op) {
    case PITH_LT: r = c < 0; break;
    case PITH_LE: r = c <= 0; break;
    case PITH_EQ: r = c == 0; break;
    case PITH_NE: r = c != 0; break;
    case PITH_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return pith_bool_from(r);
}

PithNumberMethods pith_int_as_number = {
    .nb_add = nb_add,
    .nb_subtract = nb_sub,
    .nb_multiply = nb_mul,
    .nb_remainder = nb_mod,
    .nb_divmod = nb_divmod,
    .nb_power = nb_pow,
    .nb_negative = pith_int_neg,
    .nb_positive = nb_pos,
    .nb_absolute = pith_int_abs,
    .nb_bool = nb_bool,
    .nb_invert = int_invert,
    .nb_lshift = nb_lshift,
    .nb_rshift = nb_rshift,
    .nb_and = nb_and,
    .nb_xor = nb_xor,
    .nb_or = nb_or,
    .nb_int = nb_pos,
    .nb_float = nb_float,
    .nb_floor_divide = nb_floordiv,
    .nb_true_divide = nb_truediv,
    .nb_index = nb_pos,
};
