/* complex.c — the complex type: arithmetic (Smith's division, integer and
 * general powers), equality against int/float/complex, hashing, repr,
 * the complex() constructor (numbers, __complex__, strings) and the
 * real/imag/conjugate attributes.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numbers_impl.h"

typedef struct Cx {
    double re, im;
} Cx;

PithObject *pith_complex_from_doubles(double real, double imag) {
    PithComplex *c = (PithComplex *)pith_obj_new(&pith_complex_type);
    if (!c) return pith_err_no_memory();
    c->real = real;
    c->imag = imag;
    return (PithObject *)c;
}

static PithObject *from_cx(Cx c) { return pith_complex_from_doubles(c.re, c.im); }

/* Operand to Cx: 1 ok, 0 not a number type, -1 error. */
static int coerce(PithObject *o, Cx *out) {
    if (pith_complex_check(o)) {
        out->re = ((PithComplex *)o)->real;
        out->im = ((PithComplex *)o)->imag;
        return 1;
    }
    out->im = 0.0;
    return pith_float_coerce(o, &out->re);
}

#define COERCE2(a, b, x, y)                                                    \
    Cx x, y;                                                                   \
    {                                                                          \
        int c1_ = coerce(a, &x);                                               \
        if (c1_ <= 0) return c1_ < 0 ? NULL : PITH_NOTIMPL;                    \
        int c2_ = coerce(b, &y);                                               \
        if (c2_ <= 0) return c2_ < 0 ? NULL : PITH_NOTIMPL;                    \
    }

/* ---- arithmetic on Cx ---------------------------------------------------- */

static Cx c_mul(Cx a, Cx b) {
    return (Cx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

/* Smith's algorithm; errno = EDOM for a zero divisor. */
static Cx c_quot(Cx a, Cx b) {
    double abr = fabs(b.re), abi = fabs(b.im);
    if (abr >= abi) {
        if (abr == 0.0) {
            errno = EDOM;
            return (Cx){0.0, 0.0};
        }
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return (Cx){(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (abi >= abr) {
        double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return (Cx){(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return (Cx){NAN, NAN}; /* both parts of b are nan */
}

static Cx c_pow(Cx a, Cx b) {
    if (b.re == 0.0 && b.im == 0.0) return (Cx){1.0, 0.0};
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) errno = EDOM;
        return (Cx){0.0, 0.0};
    }
    double vabs = hypot(a.re, a.im), len = pow(vabs, b.re);
    double at = atan2(a.im, a.re), phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    return (Cx){len * cos(phase), len * sin(phase)};
}

static Cx c_powu(Cx x, long n) {
    Cx r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) r = c_mul(r, p);
        p = c_mul(p, p);
    }
    return r;
}

static Cx c_powi(Cx x, long n) {
    if (n > 100 || n < -100) return c_pow(x, (Cx){(double)n, 0.0});
    if (n > 0) return c_powu(x, n);
    return c_quot((Cx){1.0, 0.0}, c_powu(x, -n));
}

/* ---- slots --------------------------------------------------------------- */

static PithObject *cx_add(PithObject *a, PithObject *b) {
    COERCE2(a, b, x, y);
    return from_cx((Cx){x.re + y.re, x.im + y.im});
}
static PithObject *cx_sub(PithObject *a, PithObject *b) {
    COERCE2(a, b, x, y);
    return from_cx((Cx){x.re - y.re, x.im - y.im});
}
static PithObject *cx_mul(PithObject *a, PithObject *b) {
    COERCE2(a, b, x, y);
    return from_cx(c_mul(x, y));
}
static PithObject *cx_div(PithObject *a, PithObject *b) {
    COERCE2(a, b, x, y);
    errno = 0;
    Cx r = c_quot(x, y);
    if (errno == EDOM) {
        pith_err_set_string(&pith_exc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return from_cx(r);
}

static PithObject *cx_pow(PithObject *a, PithObject *b, PithObject *z) {
    COERCE2(a, b, x, y); /* operand types first: NotImplemented beats the modulo error */
    if (z && z != PITH_NONE) {
        pith_err_set_string(&pith_exc_ValueError, "complex modulo");
        return NULL;
    }
    errno = 0;
    long n = (long)y.re;
    Cx r = (y.im == 0.0 && y.re == (double)n && fabs(y.re) < 1e18) ? c_powi(x, n)
                                                                    : c_pow(x, y);
    /* overflow = an infinite part; libm's underflow ERANGE is ignored */
    if (errno != EDOM) errno = (isinf(r.re) || isinf(r.im)) ? ERANGE : 0;
    if (errno == EDOM) {
        pith_err_set_string(&pith_exc_ZeroDivisionError,
                            "0.0 to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE) {
        pith_err_set_string(&pith_exc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return from_cx(r);
}

#define CVAL(o) ((PithComplex *)(o))

static PithObject *cx_neg(PithObject *a) {
    return pith_complex_from_doubles(-CVAL(a)->real, -CVAL(a)->imag);
}
static PithObject *cx_pos(PithObject *a) {
    if (PITH_TYPE(a) == &pith_complex_type) return PITH_NEWREF(a);
    return pith_complex_from_doubles(CVAL(a)->real, CVAL(a)->imag);
}
static PithObject *cx_abs(PithObject *a) {
    double re = CVAL(a)->real, im = CVAL(a)->imag;
    double r = hypot(re, im);
    if (isinf(r) && isfinite(re) && isfinite(im)) {
        pith_err_set_string(&pith_exc_OverflowError, "absolute value too large");
        return NULL;
    }
    return pith_float_from_double(r);
}
static int cx_bool(PithObject *a) { return CVAL(a)->real != 0.0 || CVAL(a)->imag != 0.0; }

static PithNumberMethods complex_as_number = {
    .nb_add = cx_add,
    .nb_subtract = cx_sub,
    .nb_multiply = cx_mul,
    .nb_power = cx_pow,
    .nb_negative = cx_neg,
    .nb_positive = cx_pos,
    .nb_absolute = cx_abs,
    .nb_bool = cx_bool,
    .nb_true_divide = cx_div,
};

/* ==/!= only; ints are compared exactly through float's comparison. */
static PithObject *cx_richcompare(PithObject *a, PithObject *b, int op) {
    if (op != PITH_EQ && op != PITH_NE) PITH_RETURN_NOTIMPL;
    if (!pith_complex_check(a)) {
        PithObject *t = a;
        a = b;
        b = t;
    }
    if (!pith_complex_check(a)) PITH_RETURN_NOTIMPL;
    bool eq;
    if (pith_int_check(b) || pith_float_check(b)) {
        if (CVAL(a)->imag != 0.0) return pith_bool_from(op == PITH_NE);
        PithObject *re = pith_float_from_double(CVAL(a)->real);
        if (!re) return NULL;
        PithObject *r = pith_float_richcompare(re, b, op);
        PITH_DECREF(re);
        return r;
    } else if (pith_complex_check(b)) {
        eq = CVAL(a)->real == CVAL(b)->real && CVAL(a)->imag == CVAL(b)->imag;
    } else {
        PITH_RETURN_NOTIMPL;
    }
    return pith_bool_from(op == PITH_EQ ? eq : !eq);
}

static intptr_t cx_hash(PithObject *o) {
    double re = CVAL(o)->real, im = CVAL(o)->imag;
    uintptr_t hr = (uintptr_t)(isnan(re) ? pith_hash_pointer(o) : pith_float_hash_double(re));
    uintptr_t hi = (uintptr_t)(isnan(im) ? pith_hash_pointer(o) : pith_float_hash_double(im));
    intptr_t h = (intptr_t)(hr + 1000003u * hi);
    return h == -1 ? -2 : h;
}

/* ---- repr ---------------------------------------------------------------- */

static PithObject *cx_repr(PithObject *o) {
    double re = CVAL(o)->real, im = CVAL(o)->imag;
    bool ineg, rneg;
    char *is = pith_dtoa_format(im, 'r', 0, 0, &ineg);
    if (!is) return pith_err_no_memory();
    PithObject *r;
    if (re == 0.0 && !signbit(re)) {
        r = pith_str_from_format("%s%sj", ineg ? "-" : "", is);
    } else {
        char *rs = pith_dtoa_format(re, 'r', 0, 0, &rneg);
        if (!rs) {
            pith_mem_free(is);
            return pith_err_no_memory();
        }
        r = pith_str_from_format("(%s%s%s%sj)", rneg ? "-" : "", rs, ineg ? "-" : "+", is);
        pith_mem_free(rs);
    }
    pith_mem_free(is);
    return r;
}

/* ---- constructor --------------------------------------------------------- */

static void skip_space(const char **s, const char *end) {
    while (*s < end && isspace((unsigned char)**s)) (*s)++;
}

/* [s, end) must be exactly one float (inf/nan allowed). */
static bool take_float(const char *s, const char *end, double *out) {
    return pith_dtoa_parse(s, end, true, true, out) == 0;
}

/* Grammar: ws [ '(' ws ] ( real | real imag 'j' | [sign] [num] 'j' ) ws [ ')' ws ]. */
static int parse_complex(const char *s, const char *end, Cx *out) {
    skip_space(&s, end);
    bool paren = s < end && *s == '(';
    if (paren) {
        s++;
        skip_space(&s, end);
    }
    const char *stop = end;
    if (paren) {
        while (stop > s && isspace((unsigned char)stop[-1])) stop--;
        if (stop == s || stop[-1] != ')') return -1;
        stop--;
    }
    while (stop > s && isspace((unsigned char)stop[-1])) stop--;
    if (s == stop) return -1;
    out->re = out->im = 0.0;
    if ((stop[-1] | 0x20) != 'j') { /* pure real */
        return take_float(s, stop, &out->re) ? 0 : -1;
    }
    stop--; /* drop the 'j' */
    /* imaginary part starts at the last sign not following an 'e' */
    const char *split = s;
    for (const char *p = stop; p > s; p--)
        if ((p[0] == '+' || p[0] == '-') && (p[-1] | 0x20) != 'e') {
            split = p;
            break;
        }
    if (split > s) {
        if (!take_float(s, split, &out->re)) return -1;
    }
    if (stop - split == 0 || ((stop - split == 1) && (*split == '+' || *split == '-'))) {
        out->im = (stop > split && *split == '-') ? -1.0 : 1.0;
        return 0;
    }
    return take_float(split, stop, &out->im) ? 0 : -1;
}

static PithObject *complex_from_string(PithObject *x) {
    intptr_t len;
    const char *s = pith_str_utf8_size(x, &len);
    if (!s) return NULL;
    Cx c;
    if (parse_complex(s, s + len, &c) < 0) {
        pith_err_set_string(&pith_exc_ValueError, "complex() arg is a malformed string");
        return NULL;
    }
    return from_cx(c);
}

/* A number argument as Cx; *is_cx tells whether it was complex-valued. */
static int arg_value(PithObject *o, Cx *out, bool *is_cx, const char *which) {
    *is_cx = false;
    if (pith_complex_check(o)) {
        *is_cx = true;
        return coerce(o, out), 0;
    }
    bool found;
    PithObject *r = pith_num_call_special(o, "__complex__", &found);
    if (found || pith_err_occurred()) {
        if (!r) return -1;
        if (!pith_complex_check(r)) {
            pith_err_format(&pith_exc_TypeError,
                            "__complex__ returned non-complex (type %s)", pith_type_name(r));
            PITH_DECREF(r);
            return -1;
        }
        coerce(r, out);
        PITH_DECREF(r);
        *is_cx = true;
        return 0;
    }
    PithNumberMethods *nb = PITH_TYPE(o)->tp_as_number;
    if (!pith_float_check(o) && !pith_int_check(o) &&
        !(nb && (nb->nb_float || nb->nb_index))) {
        bool first = which[0] == 'f';
        pith_err_format(&pith_exc_TypeError, "complex() %s must be %sa number, not '%s'",
                        which, first ? "a string or " : "", pith_type_name(o));
        return -1;
    }
    out->im = 0.0;
    out->re = pith_float_as_double(o);
    return out->re == -1.0 && pith_err_occurred() ? -1 : 0;
}

static PithObject *complex_new_exact(PithObject *r, PithObject *i) {
    if (!r) r = pith_int_from_i64(0);
    if (pith_str_check(r)) {
        if (i) {
            pith_err_set_string(&pith_exc_TypeError,
                                "complex() can't take second arg if first is a string");
            return NULL;
        }
        return complex_from_string(r);
    }
    if (i && pith_str_check(i)) {
        pith_err_set_string(&pith_exc_TypeError, "complex() second arg can't be a string");
        return NULL;
    }
    if (!i && PITH_TYPE(r) == &pith_complex_type) return PITH_NEWREF(r);
    Cx cr, ci = {0.0, 0.0};
    bool cr_cx, ci_cx = false;
    if (arg_value(r, &cr, &cr_cx, "first argument") < 0) return NULL;
    if (i && arg_value(i, &ci, &ci_cx, "second argument") < 0) return NULL;
    if (!i) ci.re = cr.im;
    if (ci_cx) cr.re -= ci.im;
    if (cr_cx && i) ci.re += cr.im;
    return pith_complex_from_doubles(cr.re, ci.re);
}

static PithObject *complex_new(PithType *type, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    static const char *const kw[] = {"real", "imag"};
    static const PithArgSpec spec = {"complex", kw, 2, 0, 0, 2};
    PithObject *a[2];
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    PithObject *r = complex_new_exact(a[0], a[1]);
    if (!r || type == &pith_complex_type) return r;
    PithComplex *s = (PithComplex *)(pith_type_has_flag(type, PITH_TPFLAGS_HAVE_GC)
                                         ? pith_gc_new(type)
                                         : pith_obj_new(type));
    if (s) {
        s->real = CVAL(r)->real;
        s->imag = CVAL(r)->imag;
    }
    PITH_DECREF(r);
    return s ? (PithObject *)s : pith_err_no_memory();
}

/* ---- methods ------------------------------------------------------------- */

static PithObject *m_conjugate(PithObject *self, PithObject *const *a, size_t n,
                               PithObject *k) {
    return pith_complex_from_doubles(CVAL(self)->real, -CVAL(self)->imag);
}

static PithObject *m_getnewargs(PithObject *self, PithObject *const *a, size_t n,
                                PithObject *k) {
    PithObject *re = pith_float_from_double(CVAL(self)->real);
    PithObject *im = pith_float_from_double(CVAL(self)->imag);
    PithObject *t = re && im ? pith_tuple_pack(2, re, im) : NULL;
    PITH_XDECREF(re);
    PITH_XDECREF(im);
    return t;
}

/* One part of a formatted complex: sign (forced or per spec), digits
 * grouped per spec->grouping; 'z' drops the sign of a part rounding to 0. */
static int append_part(PithStrBuilder *sb, double v, char type, int prec, int flags,
                       char sign_mode, const PithFormatSpec *spec) {
    bool neg;
    char *s = pith_dtoa_format(v, type, prec, flags, &neg);
    if (!s) return -1;
    if (neg && spec->no_neg_zero && isfinite(v) && pith_num_all_zero_digits(s)) neg = false;
    intptr_t nint = 0;
    while (s[nint] >= '0' && s[nint] <= '9') nint++;
    NumParts p = {
        .sign = neg ? "-" : sign_mode == '+' ? "+" : sign_mode == ' ' ? " " : "",
        .prefix = "", .intdigits = s, .nint = nint, .rest = s + nint,
        .group = spec->grouping, .group_size = 3,
    };
    const PithFormatSpec bare = {.fill = ' ', .width = -1, .precision = -1};
    PithObject *part = pith_num_layout(&p, &bare);
    pith_mem_free(s);
    int rc = part ? pith_sb_append_str(sb, part) : -1;
    PITH_XDECREF(part);
    return rc;
}

/* complex.__format__: CPython's rules (no '0' padding, no '=' alignment;
 * no type = repr-like with parentheses unless the real part is +0). */
static PithObject *complex_format(double re, double im, const PithFormatSpec *spec,
                                  const char *tname) {
    uint32_t t = spec->type;
    if (t != 0 && (t > 127 || !strchr("eEfFgGn", (int)t))) return pith_num_unknown_code(t, tname);
    if (spec->zero_pad)
        return pith_err_format(&pith_exc_ValueError,
                               "Zero padding is not allowed in complex format specifier");
    if (spec->align == '=')
        return pith_err_format(&pith_exc_ValueError,
                               "'=' alignment flag is not allowed in complex format "
                               "specifier");
    int prec = (int)spec->precision, default_prec = 6;
    bool skip_re = false, parens = false;
    if (t == 0) {
        t = 'r';
        default_prec = 0;
        skip_re = re == 0.0 && !signbit(re);
        parens = !skip_re;
    }
    if (t == 'n') t = 'g';
    if (prec < 0) prec = default_prec;
    else if (t == 'r') t = 'g';
    int flags = spec->alternate ? 1 : 0;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    int rc = parens ? pith_sb_append_char(&sb, '(') : 0;
    if (rc == 0 && !skip_re)
        rc = append_part(&sb, re, (char)t, prec, flags, spec->sign, spec);
    if (rc == 0) rc = append_part(&sb, im, (char)t, prec, flags,
                                     skip_re ? spec->sign : '+', spec);
    if (rc == 0) rc = pith_sb_append_utf8(&sb, parens ? "j)" : "j", -1);
    if (rc < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    PithObject *body = pith_sb_finish(&sb);
    if (!body) return NULL;
    PithObject *r = pith_format_pad(body, spec, '>');
    PITH_DECREF(body);
    return r;
}

static PithObject *m_format(PithObject *self, PithObject *const *a, size_t n,
                            PithObject *k) {
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError,
                               "__format__() argument must be str, not %s",
                               pith_badarg_name(a[0]));
    if (PITH_STR_LEN(a[0]) == 0) return pith_str(self);
    PithFormatSpec spec;
    const char *tname = pith_type_name(self);
    if (pith_format_spec_parse_for(a[0], &spec, tname) < 0) return NULL;
    return complex_format(CVAL(self)->real, CVAL(self)->imag, &spec, tname);
}

static PithObject *m_complex(PithObject *self, PithObject *const *a, size_t n,
                             PithObject *kw) {
    if (PITH_TYPE(self) == &pith_complex_type) return PITH_NEWREF(self);
    PithComplex *c = (PithComplex *)self;
    return pith_complex_from_doubles(c->real, c->imag);
}

static PithMethodDef complex_methods[] = {
    {"__complex__", m_complex, PITH_METH_NOARGS, "Convert this value to exact type complex."},
    {"conjugate", m_conjugate, PITH_METH_NOARGS, NULL},
    {"__getnewargs__", m_getnewargs, PITH_METH_NOARGS, NULL},
    {"__format__", m_format, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PithMemberDef complex_members[] = {
    {"real", PITH_MEMBER_DOUBLE, offsetof(PithComplex, real), PITH_READONLY,
     "the real part of a complex number"},
    {"imag", PITH_MEMBER_DOUBLE, offsetof(PithComplex, imag), PITH_READONLY,
     "the imaginary part of a complex number"},
    {NULL, 0, 0, 0, NULL},
};

static void complex_dealloc(PithObject *o) {
    if (PITH_IS_GC(o)) pith_gc_del(o);
    else pith_obj_free(o);
}

PithType pith_complex_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "complex",
    .tp_basicsize = sizeof(PithComplex),
    .tp_flags = PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Create a complex number from a real part and an optional imaginary part.",
    .tp_dealloc = complex_dealloc,
    .tp_repr = cx_repr,
    .tp_hash = cx_hash,
    .tp_richcompare = cx_richcompare,
    .tp_getattro = pith_generic_getattr,
    .tp_new = complex_new,
    .tp_as_number = &complex_as_number,
    .tp_methods = complex_methods,
    .tp_members = complex_members,
};
