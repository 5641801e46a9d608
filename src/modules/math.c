/* math.c — the `math` module, floating-point part: libm wrappers with
 * CPython's error rules (a NaN from a non-NaN argument is "math domain
 * error", an infinity from a finite one is "math range error" or a domain
 * error for poles), log of huge ints, fsum (Shewchuk's exact partials),
 * hypot/dist with a compensated sum of squares, floor/ceil/trunc through
 * __floor__/__ceil__/__trunc__. Integer functions are in math_int.c. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "mathmod.h"

static PithObject *domain_error(void) {
    pith_err_set_string(&pith_exc_ValueError, "math domain error");
    return NULL;
}
static PithObject *range_error(void) {
    pith_err_set_string(&pith_exc_OverflowError, "math range error");
    return NULL;
}

/* float(o) for a math argument: -1 + exception on failure. */
static int get_double(PithObject *o, double *out) {
    if (pith_float_check_exact(o)) {
        *out = PITH_FLOAT_VALUE(o);
        return 0;
    }
    *out = pith_float_as_double(o);
    return *out == -1.0 && pith_err_occurred() ? -1 : 0;
}

/* Apply CPython's result check for one-argument functions. */
static PithObject *check1(double x, double r, bool can_overflow) {
    if (isnan(r) && !isnan(x)) return domain_error();
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error() : domain_error();
    return pith_float_from_double(r);
}

typedef double (*fn1)(double);

static PithObject *math_1(PithObject *arg, fn1 f, bool can_overflow) {
    double x;
    if (get_double(arg, &x) < 0) return NULL;
    return check1(x, f(x), can_overflow);
}

#define M1(name, cfn, ovf)                                                                   \
    static PithObject *m_##name(PithObject *m, PithObject *const *a, size_t n, PithObject *k) { \
        return math_1(a[0], cfn, ovf);                                                       \
    }
M1(acos, acos, false)
M1(acosh, acosh, false)
M1(asin, asin, false)
M1(asinh, asinh, false)
M1(atan, atan, false)
M1(atanh, atanh, false)
M1(cbrt, cbrt, false)
M1(cos, cos, false)
M1(cosh, cosh, true)
M1(erf, erf, false)
M1(erfc, erfc, false)
M1(exp, exp, true)
M1(exp2, exp2, true)
M1(expm1, expm1, true)
M1(fabs, fabs, false)
M1(log1p, log1p, false)
M1(sin, sin, false)
M1(sinh, sinh, true)
M1(sqrt, sqrt, false)
M1(tan, tan, false)
M1(tanh, tanh, false)

static bool is_pole(double x) { return x <= 0 && floor(x) == x; }

/* Gamma by the Lanczos approximation (g = 6.0246..., N = 13, as CPython),
 * so results agree with CPython's to the last bit. */
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
/* x*(x+1)*...*(x+11) expanded */
static const double lanczos_den[LANCZOS_N] = {
    0.0,      39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0,  32670.0,     1925.0,      66.0,        1.0,
};

static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N - 1; i >= 0; i--) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

/* sin(pi * x), exact at the integers and half-integers. */
static double sinpi(double x) {
    double y = fmod(fabs(x), 2.0);
    int n = (int)round(2.0 * y);
    double r;
    switch (n) {
    case 0: r = sin(M_PI * y); break;
    case 1: r = cos(M_PI * (y - 0.5)); break;
    case 2: r = sin(M_PI * (1.0 - y)); break;
    case 3: r = -cos(M_PI * (y - 1.5)); break;
    default: r = sin(M_PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

/* Gamma(x) for finite non-pole x; sets *range on overflow. */
static double gamma_value(double x, bool *range) {
    double absx = fabs(x);
    if (x == floor(x) && x > 0 && x <= 23) {
        double f = 1.0;
        for (int i = 2; i < (int)x; i++) f *= i;
        return f;
    }
    if (absx < 1e-20) {
        double r = 1.0 / x;
        *range = isinf(r);
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0) return 0.0 / sinpi(x);
        *range = true;
        return INFINITY;
    }
    double y = absx + lanczos_g_minus_half, q, z;
    if (absx > lanczos_g_minus_half) {
        q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    double r;
    if (x < 0.0) {
        r = -M_PI / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double sp = pow(y, absx / 2.0 - 0.25);
            r /= sp;
            r /= sp;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double sp = pow(y, absx / 2.0 - 0.25);
            r *= sp;
            r *= sp;
        }
    }
    *range = isinf(r);
    return r;
}

static PithObject *m_gamma(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x;
    if (get_double(a[0], &x) < 0) return NULL;
    if (isnan(x) || x == INFINITY) return pith_float_from_double(x);
    if (x == -INFINITY || is_pole(x)) return domain_error();
    bool range = false;
    double r = gamma_value(x, &range);
    return range ? range_error() : pith_float_from_double(r);
}

static PithObject *m_lgamma(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x;
    if (get_double(a[0], &x) < 0) return NULL;
    if (isnan(x)) return pith_float_from_double(x);
    if (isinf(x)) return pith_float_from_double(INFINITY);
    if (is_pole(x)) return domain_error();
    if (x == 1.0 || x == 2.0) return pith_float_from_double(0.0);
    double absx = fabs(x);
    if (absx < 1e-20) return pith_float_from_double(-log(absx));
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0) r = log(M_PI) - log(fabs(sinpi(absx))) - log(absx) - r;
    if (isinf(r)) return range_error();
    return pith_float_from_double(r);
}

static int two_doubles(const char *fname, PithObject *const *a, size_t n, double *x, double *y) {
    if (pith_arg_check_range(fname, n, 2, 2) < 0) return -1;
    if (get_double(a[0], x) < 0 || get_double(a[1], y) < 0) return -1;
    return 0;
}

/* CPython's math_2 rule: NaN from non-NaNs = domain, inf from finites = range. */
static PithObject *check2(double x, double y, double r) {
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error();
    if (isinf(r) && isfinite(x) && isfinite(y)) return range_error();
    return pith_float_from_double(r);
}

static PithObject *m_atan2(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x, y;
    if (two_doubles("atan2", a, n, &y, &x) < 0) return NULL;
    return pith_float_from_double(atan2(y, x));
}

static PithObject *m_copysign(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x, y;
    if (two_doubles("copysign", a, n, &x, &y) < 0) return NULL;
    return pith_float_from_double(copysign(x, y));
}

static PithObject *m_fmod(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x, y;
    if (two_doubles("fmod", a, n, &x, &y) < 0) return NULL;
    if (isinf(y) && isfinite(x)) return pith_float_from_double(x);
    return check2(x, y, fmod(x, y));
}

static PithObject *m_remainder(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x, y;
    if (two_doubles("remainder", a, n, &x, &y) < 0) return NULL;
    if (isnan(x) || isnan(y)) return pith_float_from_double(NAN);
    if (isinf(x) || y == 0) return domain_error();
    if (isinf(y)) return pith_float_from_double(x);
    return pith_float_from_double(remainder(x, y));
}

static PithObject *m_nextafter(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x, y;
    if (two_doubles("nextafter", a, n, &x, &y) < 0) return NULL;
    return pith_float_from_double(nextafter(x, y));
}

static PithObject *m_pow(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x, y;
    if (two_doubles("pow", a, n, &x, &y) < 0) return NULL;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) return pith_float_from_double(y == 0 ? 1.0 : x);
        if (isnan(y)) return pith_float_from_double(x == 1.0 ? 1.0 : y);
        return pith_float_from_double(pow(x, y));
    }
    if (x == 0 && y < 0) return domain_error();
    double r = pow(x, y);
    if (isnan(r)) return domain_error();
    if (isinf(r)) return range_error();
    return pith_float_from_double(r);
}

static PithObject *m_ulp(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x;
    if (get_double(a[0], &x) < 0) return NULL;
    if (isnan(x)) return pith_float_from_double(x);
    x = fabs(x);
    if (isinf(x)) return pith_float_from_double(x);
    double up = nextafter(x, INFINITY);
    if (isinf(up)) return pith_float_from_double(x - nextafter(x, -INFINITY));
    return pith_float_from_double(up - x);
}

static PithObject *m_degrees(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x;
    if (get_double(a[0], &x) < 0) return NULL;
    return pith_float_from_double(x * (180.0 / M_PI));
}

static PithObject *m_radians(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x;
    if (get_double(a[0], &x) < 0) return NULL;
    return pith_float_from_double(x * (M_PI / 180.0));
}

#define PRED(name, expr)                                                                     \
    static PithObject *m_##name(PithObject *m, PithObject *const *a, size_t n, PithObject *k) { \
        double x;                                                                            \
        if (get_double(a[0], &x) < 0) return NULL;                                           \
        return pith_bool_from(expr);                                                         \
    }
PRED(isfinite, isfinite(x))
PRED(isinf, isinf(x))
PRED(isnan, isnan(x))

static PithObject *m_frexp(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x;
    if (get_double(a[0], &x) < 0) return NULL;
    int e = 0;
    double mant = isfinite(x) && x != 0 ? frexp(x, &e) : x;
    PithObject *f = pith_float_from_double(mant), *i = pith_int_from_i64(e);
    PithObject *t = f && i ? pith_tuple_pack(2, f, i) : NULL;
    PITH_XDECREF(f);
    PITH_XDECREF(i);
    return t;
}

static PithObject *m_modf(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x, ip;
    if (get_double(a[0], &x) < 0) return NULL;
    double fp;
    if (isinf(x)) {
        fp = copysign(0.0, x);
        ip = x;
    } else {
        fp = modf(x, &ip);
    }
    PithObject *f = pith_float_from_double(fp), *i = pith_float_from_double(ip);
    PithObject *t = f && i ? pith_tuple_pack(2, f, i) : NULL;
    PITH_XDECREF(f);
    PITH_XDECREF(i);
    return t;
}

static PithObject *m_ldexp(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double x;
    if (pith_arg_check_range("ldexp", n, 2, 2) < 0 || get_double(a[0], &x) < 0) return NULL;
    if (!pith_int_check(a[1])) {
        pith_err_set_string(&pith_exc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int overflow = 0;
    int64_t e = pith_int_as_i64_overflow(a[1], &overflow);
    if (overflow) e = overflow > 0 ? INT32_MAX : INT32_MIN;
    if (e > INT32_MAX) e = INT32_MAX;
    if (e < INT32_MIN) e = INT32_MIN;
    if (x == 0 || !isfinite(x)) return pith_float_from_double(x);
    double r = ldexp(x, (int)e);
    if (isinf(r)) return range_error();
    return pith_float_from_double(r);
}

/* ---- logarithms ----------------------------------------------------------- */

/* log of an int or float argument with func (log, log2, log10); huge ints
 * are reduced as m * 2**e first. */
static int log_value(PithObject *arg, double (*func)(double), double *out) {
    if (pith_int_check(arg)) {
        if (pith_int_sign(arg) <= 0) {
            domain_error();
            return -1;
        }
        double d = pith_int_as_double(arg);
        if (d == -1.0 && pith_err_occurred()) {
            if (!pith_err_matches(&pith_exc_OverflowError)) return -1;
            pith_err_clear();
            size_t bits = pith_int_bit_length(arg);
            PithObject *sh = pith_int_from_size(bits - 60);
            PithObject *top = sh ? pith_number_rshift(arg, sh) : NULL;
            PITH_XDECREF(sh);
            if (!top) return -1;
            d = pith_int_as_double(top);
            PITH_DECREF(top);
            *out = func(d) + func(2.0) * (double)(bits - 60);
            return 0;
        }
        *out = func(d);
        return 0;
    }
    double x;
    if (get_double(arg, &x) < 0) return -1;
    if (isnan(x) || (isinf(x) && x > 0)) {
        *out = x;
        return 0;
    }
    if (x <= 0) {
        domain_error();
        return -1;
    }
    *out = func(x);
    return 0;
}

static PithObject *m_log(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    if (n < 1 || n > 2) {
        pith_err_set_string(&pith_exc_TypeError, "math.log requires 1 to 2 arguments");
        return NULL;
    }
    double num, den;
    if (log_value(a[0], log, &num) < 0) return NULL;
    if (n == 1) return pith_float_from_double(num);
    if (log_value(a[1], log, &den) < 0) return NULL;
    if (den == 0) {
        pith_err_set_string(&pith_exc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return pith_float_from_double(num / den);
}

static PithObject *m_log2(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double r;
    return log_value(a[0], log2, &r) < 0 ? NULL : pith_float_from_double(r);
}

static PithObject *m_log10(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double r;
    return log_value(a[0], log10, &r) < 0 ? NULL : pith_float_from_double(r);
}

/* ---- floor / ceil / trunc ------------------------------------------------- */

static PithObject *round_impl(PithObject *arg, const char *special, double (*f)(double)) {
    if (pith_float_check_exact(arg)) return pith_int_from_double(f(PITH_FLOAT_VALUE(arg)));
    if (pith_int_check_exact(arg)) return PITH_NEWREF(arg);
    PithObject *name = pith_str_intern_cstr(special);
    if (!name) return NULL;
    PithObject *meth = pith_lookup_special(arg, name);
    PITH_DECREF(name);
    if (meth) {
        PithObject *r = pith_call_noargs(meth);
        PITH_DECREF(meth);
        return r;
    }
    if (pith_err_occurred()) return NULL;
    double x;
    if (get_double(arg, &x) < 0) return NULL;
    return pith_int_from_double(f(x));
}

static PithObject *m_floor(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return round_impl(a[0], "__floor__", floor);
}
static PithObject *m_ceil(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return round_impl(a[0], "__ceil__", ceil);
}

static PithObject *m_trunc(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    if (pith_float_check_exact(a[0])) return pith_int_from_double(trunc(PITH_FLOAT_VALUE(a[0])));
    PithObject *name = pith_str_intern_cstr("__trunc__");
    if (!name) return NULL;
    PithObject *meth = pith_lookup_special(a[0], name);
    PITH_DECREF(name);
    if (!meth) {
        if (!pith_err_occurred())
            pith_err_format(&pith_exc_TypeError, "type %s doesn't define __trunc__ method",
                            pith_type_name(a[0]));
        return NULL;
    }
    PithObject *r = pith_call_noargs(meth);
    PITH_DECREF(meth);
    return r;
}

/* ---- fsum ----------------------------------------------------------------- */

/* Shewchuk: keep a list of non-overlapping partials whose exact sum is the
 * running total; infinities and NaNs are summed separately. */
static PithObject *m_fsum(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    PithObject *it = pith_get_iter(a[0]);
    if (!it) return NULL;
    double stack_p[32], *p = stack_p, special = 0.0, inf_sum = 0.0;
    intptr_t np = 0, cap = 32;
    PithObject *item;
    PithObject *result = NULL;
    while ((item = pith_iter_next(it))) {
        double x;
        int rc = get_double(item, &x);
        PITH_DECREF(item);
        if (rc < 0) goto done;
        double xsave = x;
        intptr_t i = 0;
        for (intptr_t j = 0; j < np; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        np = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    pith_err_set_string(&pith_exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) inf_sum += xsave;
                special += xsave;
                np = 0;
            } else {
                if (np == cap) {
                    intptr_t ncap = cap * 2;
                    double *q = p == stack_p ? pith_mem_malloc((size_t)ncap * sizeof(double))
                                             : pith_mem_realloc(p, (size_t)ncap * sizeof(double));
                    if (!q) {
                        pith_err_no_memory();
                        goto done;
                    }
                    if (p == stack_p) memcpy(q, stack_p, sizeof stack_p);
                    p = q;
                    cap = ncap;
                }
                p[np++] = x;
            }
        }
    }
    if (pith_err_occurred()) goto done;
    if (special != 0.0) {
        if (isnan(inf_sum))
            pith_err_set_string(&pith_exc_ValueError, "-inf + inf in fsum");
        else
            result = pith_float_from_double(special);
        goto done;
    }
    double hi = 0.0;
    if (np > 0) {
        hi = p[--np];
        double lo = 0.0;
        while (np > 0) {
            double x = hi, y = p[--np];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        /* round half-even correction when the rest points the same way */
        if (np > 0 && ((lo < 0.0 && p[np - 1] < 0.0) || (lo > 0.0 && p[np - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y, yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    result = pith_float_from_double(hi);
done:
    if (p != stack_p) pith_mem_free(p);
    PITH_DECREF(it);
    return result;
}

/* ---- hypot / dist --------------------------------------------------------- */

/* sqrt of the sum of squares of v[0..n) (all finite, max = largest |v|),
 * scaled to avoid overflow, with the squares summed in double-double. */
static double vector_norm(const double *v, intptr_t n, double max, bool found_nan) {
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0 || n <= 1) return max;
    int e;
    frexp(max, &e);
    double hi = 0.0, lo = 0.0;
    for (intptr_t i = 0; i < n; i++) {
        double x = ldexp(v[i], -e);
        double sq = x * x, sq_err = fma(x, x, -sq);
        double s = hi + sq, bv = s - hi, err = (hi - (s - bv)) + (sq - bv);
        hi = s;
        lo += err + sq_err;
    }
    double total = hi + lo;
    lo -= total - hi;
    hi = total;
    double h = sqrt(hi);
    /* one Newton step using the exact residual (hi + lo) - h*h */
    double hh = h * h, hh_err = fma(h, h, -hh);
    double resid = (hi - hh) - hh_err + lo;
    h += resid / (2.0 * h);
    return ldexp(h, e);
}

static PithObject *norm_of(double *v, intptr_t n) {
    double max = 0.0;
    bool nan_seen = false;
    for (intptr_t i = 0; i < n; i++) {
        double x = fabs(v[i]);
        v[i] = x;
        if (isnan(x)) nan_seen = true;
        else if (x > max) max = x;
    }
    return pith_float_from_double(vector_norm(v, n, max, nan_seen));
}

static PithObject *m_hypot(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    double stack_v[16], *v = n <= 16 ? stack_v : pith_mem_malloc(n * sizeof(double));
    if (!v) return pith_err_no_memory();
    PithObject *r = NULL;
    for (size_t i = 0; i < n; i++)
        if (get_double(a[i], &v[i]) < 0) goto done;
    r = norm_of(v, (intptr_t)n);
done:
    if (v != stack_v) pith_mem_free(v);
    return r;
}

static PithObject *m_dist(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    if (pith_arg_check_range("dist", n, 2, 2) < 0) return NULL;
    PithObject *p = NULL, *q = NULL, *r = NULL;
    double *v = NULL;
    p = pith_sequence_tuple(a[0]);
    q = p ? pith_sequence_tuple(a[1]) : NULL;
    if (!q) goto done;
    intptr_t len = PITH_SIZE(p);
    if (len != PITH_SIZE(q)) {
        pith_err_set_string(&pith_exc_ValueError,
                            "both points must have the same number of dimensions");
        goto done;
    }
    v = pith_mem_malloc((size_t)(len ? len : 1) * sizeof(double));
    if (!v) {
        pith_err_no_memory();
        goto done;
    }
    for (intptr_t i = 0; i < len; i++) {
        double x, y;
        if (get_double(PITH_TUPLE_GET(p, i), &x) < 0 || get_double(PITH_TUPLE_GET(q, i), &y) < 0)
            goto done;
        v[i] = x - y;
    }
    r = norm_of(v, len);
done:
    pith_mem_free(v);
    PITH_XDECREF(p);
    PITH_XDECREF(q);
    return r;
}

static PithObject *m_isclose(PithObject *m, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    static const char *const kw[] = {"a", "b", "rel_tol", "abs_tol"};
    static const PithArgSpec spec = {"isclose", kw, 4, 0, 2, 2};
    PithObject *o[4] = {NULL, NULL, NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, o) < 0) return NULL;
    double x, y, rel = 1e-9, abs_tol = 0.0;
    if (get_double(o[0], &x) < 0 || get_double(o[1], &y) < 0 ||
        (o[2] && get_double(o[2], &rel) < 0) || (o[3] && get_double(o[3], &abs_tol) < 0))
        return NULL;
    if (rel < 0.0 || abs_tol < 0.0) {
        pith_err_set_string(&pith_exc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (x == y) PITH_RETURN_TRUE;
    if (isinf(x) || isinf(y)) PITH_RETURN_FALSE;
    double diff = fabs(y - x);
    return pith_bool_from((diff <= fabs(rel * y)) || (diff <= fabs(rel * x)) ||
                          (diff <= abs_tol));
}

static PithMethodDef math_methods[] = {
    {"acos", m_acos, PITH_METH_O, NULL},
    {"acosh", m_acosh, PITH_METH_O, NULL},
    {"asin", m_asin, PITH_METH_O, NULL},
    {"asinh", m_asinh, PITH_METH_O, NULL},
    {"atan", m_atan, PITH_METH_O, NULL},
    {"atan2", m_atan2, PITH_METH_FAST, NULL},
    {"atanh", m_atanh, PITH_METH_O, NULL},
    {"cbrt", m_cbrt, PITH_METH_O, NULL},
    {"ceil", m_ceil, PITH_METH_O, NULL},
    {"copysign", m_copysign, PITH_METH_FAST, NULL},
    {"cos", m_cos, PITH_METH_O, NULL},
    {"cosh", m_cosh, PITH_METH_O, NULL},
    {"degrees", m_degrees, PITH_METH_O, NULL},
    {"dist", m_dist, PITH_METH_FAST, NULL},
    {"erf", m_erf, PITH_METH_O, NULL},
    {"erfc", m_erfc, PITH_METH_O, NULL},
    {"exp", m_exp, PITH_METH_O, NULL},
    {"exp2", m_exp2, PITH_METH_O, NULL},
    {"expm1", m_expm1, PITH_METH_O, NULL},
    {"fabs", m_fabs, PITH_METH_O, NULL},
    {"floor", m_floor, PITH_METH_O, NULL},
    {"fmod", m_fmod, PITH_METH_FAST, NULL},
    {"frexp", m_frexp, PITH_METH_O, NULL},
    {"fsum", m_fsum, PITH_METH_O, NULL},
    {"gamma", m_gamma, PITH_METH_O, NULL},
    {"hypot", m_hypot, PITH_METH_FAST, NULL},
    {"isclose", m_isclose, PITH_METH_KW, NULL},
    {"isfinite", m_isfinite, PITH_METH_O, NULL},
    {"isinf", m_isinf, PITH_METH_O, NULL},
    {"isnan", m_isnan, PITH_METH_O, NULL},
    {"ldexp", m_ldexp, PITH_METH_FAST, NULL},
    {"lgamma", m_lgamma, PITH_METH_O, NULL},
    {"log", m_log, PITH_METH_FAST, NULL},
    {"log10", m_log10, PITH_METH_O, NULL},
    {"log1p", m_log1p, PITH_METH_O, NULL},
    {"log2", m_log2, PITH_METH_O, NULL},
    {"modf", m_modf, PITH_METH_O, NULL},
    {"nextafter", m_nextafter, PITH_METH_FAST, NULL},
    {"pow", m_pow, PITH_METH_FAST, NULL},
    {"radians", m_radians, PITH_METH_O, NULL},
    {"remainder", m_remainder, PITH_METH_FAST, NULL},
    {"sin", m_sin, PITH_METH_O, NULL},
    {"sinh", m_sinh, PITH_METH_O, NULL},
    {"sqrt", m_sqrt, PITH_METH_O, NULL},
    {"tan", m_tan, PITH_METH_O, NULL},
    {"tanh", m_tanh, PITH_METH_O, NULL},
    {"trunc", m_trunc, PITH_METH_O, NULL},
    {"ulp", m_ulp, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_math_module_init(void) {
    PithObject *m = pith_module_new("math");
    if (!m) return NULL;
    if (pith_module_add_functions(m, math_methods) < 0 ||
        pith_module_add_functions(m, pith_math_int_methods) < 0 ||
        pith_module_add_object(m, "pi", pith_float_from_double(M_PI)) < 0 ||
        pith_module_add_object(m, "e", pith_float_from_double(M_E)) < 0 ||
        pith_module_add_object(m, "tau", pith_float_from_double(2 * M_PI)) < 0 ||
        pith_module_add_object(m, "inf", pith_float_from_double(INFINITY)) < 0 ||
        pith_module_add_object(m, "nan", pith_float_from_double(NAN)) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
