/* dtoa.c — float <-> decimal text. glibc's strtod and printf are correctly
 * rounded, so they are the engines; this file adds Python's rules on top:
 *  - repr: the shortest digit string that round-trips (found by trying 15,
 *    16, 17 significant digits), laid out positionally when the decimal
 *    exponent is in [-4, 16), else as d.ddde+XX;
 *  - 'e' / 'f' / 'g' / '%' formatting with '#' and the "add .0" rule;
 *  - parsing of Python float syntax (digits, '.', exponent, inf/nan,
 *    underscores between digits).
 */
#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numbers_impl.h"

/* ---- digit generation ---------------------------------------------------- */

/* Parse "%.*e" output ("d.ddde+XX") into bare digits and decpt. */
static void split_exp_form(const char *s, char *buf, size_t size, int *decpt) {
    size_t n = 0;
    for (; *s && *s != 'e'; s++)
        if (*s != '.' && n + 1 < size) buf[n++] = *s;
    buf[n] = 0;
    *decpt = atoi(s + 1) + 1;
}

/* Shortest round-trip digits of finite v > 0 (or 0). */
static void shortest_digits(double v, char *buf, size_t size, int *decpt) {
    char tmp[40];
    /* Normal doubles carry > 15 significant digits, so the 15-digit
     * rounding, stripped of trailing zeros, is the shortest if it round-
     * trips; subnormals have less precision and need the search from 1. */
    int first = v < DBL_MIN ? 1 : 15;
    for (int p = first; p <= 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
        if (p == 17 || strtod(tmp, NULL) == v) break;
    }
    split_exp_form(tmp, buf, size, decpt);
    size_t n = strlen(buf);
    while (n > 1 && buf[n - 1] == '0') buf[--n] = 0; /* shortest form */
}

void pith_dtoa_digits(double v, char mode, int prec, char *buf, size_t size, int *decpt) {
    v = fabs(v);
    if (mode == 'r') {
        shortest_digits(v, buf, size, decpt);
        return;
    }
    size_t tsize = (size_t)prec + 40;
    char *tmp = pith_mem_malloc(tsize);
    if (!tmp) {
        snprintf(buf, size, "0");
        *decpt = 1;
        return;
    }
    snprintf(tmp, tsize, "%.*e", prec, v);
    split_exp_form(tmp, buf, size, decpt);
    pith_mem_free(tmp);
}

/* ---- layout -------------------------------------------------------------- */

typedef struct Out {
    char *p;
    size_t len, cap;
} Out;

static void out_put(Out *o, const char *s, size_t n) {
    if (o->len + n + 1 > o->cap) return; /* capacity computed up front */
    memcpy(o->p + o->len, s, n);
    o->len += n;
    o->p[o->len] = 0;
}

static void out_zeros(Out *o, intptr_t n) {
    for (intptr_t i = 0; i < n; i++) out_put(o, "0", 1);
}

/* Lay out digits d (nd of them, value 0.d * 10^decpt) in Python's way. */
static void layout(Out *o, const char *d, intptr_t nd, int decpt, bool use_exp, bool alt,
                   bool add_dot_0, char echar) {
    if (use_exp) {
        char e[16];
        out_put(o, d, 1);
        if (nd > 1 || alt) out_put(o, ".", 1);
        out_put(o, d + 1, (size_t)(nd - 1));
        int x = decpt - 1;
        int n = snprintf(e, sizeof e, "%c%c%02d", echar, x < 0 ? '-' : '+', x < 0 ? -x : x);
        out_put(o, e, (size_t)n);
    } else if (decpt <= 0) {
        out_put(o, "0.", 2);
        out_zeros(o, -decpt);
        out_put(o, d, (size_t)nd);
    } else if (decpt >= nd) {
        out_put(o, d, (size_t)nd);
        out_zeros(o, decpt - nd);
        if (add_dot_0) out_put(o, ".0", 2);
        else if (alt) out_put(o, ".", 1);
    } else {
        out_put(o, d, (size_t)decpt);
        out_put(o, ".", 1);
        out_put(o, d + decpt, (size_t)(nd - decpt));
    }
}

/* 'r' and 'g' styles: digits, then exponent-or-positional choice. */
static void format_short(Out *o, double v, char type, int prec, int flags) {
    bool alt = flags & 1, add_dot_0 = flags & 2;
    size_t dsize = (size_t)prec + 40;
    char *d = pith_mem_malloc(dsize);
    if (!d) return;
    int decpt;
    if (type == 'r') {
        pith_dtoa_digits(v, 'r', 0, d, dsize, &decpt);
    } else {
        if (prec == 0) prec = 1;
        pith_dtoa_digits(v, 'e', prec - 1, d, dsize, &decpt);
        size_t n = strlen(d);
        if (!alt)
            while (n > 1 && d[n - 1] == '0') d[--n] = 0;
    }
    if (v == 0) decpt = 1;
    intptr_t nd = (intptr_t)strlen(d);
    bool use_exp;
    if (type == 'r') use_exp = decpt <= -4 || decpt > 16;
    else use_exp = decpt <= -4 || decpt > (add_dot_0 ? prec - 1 : prec);
    char echar = (type == 'G') ? 'E' : 'e';
    layout(o, d, nd, decpt, use_exp, alt, add_dot_0, echar);
    pith_mem_free(d);
}

/* 'e' and 'f' styles via printf (exact), '#' keeps the point. */
static void format_printf(Out *o, double v, char type, int prec, int flags) {
    char fmt[8];
    snprintf(fmt, sizeof fmt, "%%%s.*%c", (flags & 1) ? "#" : "", type);
    int n = snprintf(o->p + o->len, o->cap - o->len, fmt, prec, fabs(v));
    if (n > 0) o->len += (size_t)n;
}

char *pith_dtoa_format(double v, char type, int prec, int flags, bool *neg) {
    *neg = !isnan(v) && signbit(v);
    bool upper = type == 'E' || type == 'F' || type == 'G';
    if (!isfinite(v)) {
        const char *s = isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        char *r = pith_mem_malloc(8);
        if (r) snprintf(r, 8, "%s%s", s, type == '%' ? "%" : "");
        return r;
    }
    if (prec < 0) prec = 6;
    double av = fabs(v);
    if (type == '%') av *= 100;
    /* worst case: 309 integer digits + prec + exponent/punctuation */
    Out o = {NULL, 0, (size_t)prec + 400};
    o.p = pith_mem_malloc(o.cap);
    if (!o.p) return NULL;
    o.p[0] = 0;
    switch (type) {
    case 'e': case 'E': format_printf(&o, av, type, prec, flags); break;
    case 'f': case 'F': format_printf(&o, av, 'f', prec, flags); break;
    case '%': format_printf(&o, av, 'f', prec, flags); out_put(&o, "%", 1); break;
    case 'r': format_short(&o, av, 'r', 0, flags); break;
    default: format_short(&o, av, type, prec, flags); break;
    }
    return o.p;
}

void pith_float_repr_buf(double v, char *buf, size_t bufsize) {
    bool neg;
    char *s = pith_dtoa_format(v, 'r', 0, 2, &neg);
    snprintf(buf, bufsize, "%s%s", neg ? "-" : "", s ? s : "?");
    pith_mem_free(s);
}

PithObject *pith_float_format(double v, char type, int prec, int flags) {
    bool neg;
    char *s = pith_dtoa_format(v, type, prec, flags, &neg);
    if (!s) return pith_err_no_memory();
    PithObject *r = neg ? pith_str_from_format("-%s", s) : pith_str_from_utf8(s, -1);
    pith_mem_free(s);
    return r;
}

/* ---- parsing ------------------------------------------------------------- */

/* Copy a run of digits with single '_' between digits (when allowed) into
 * o. Returns the number of digits, -1 on a misplaced underscore. */
static intptr_t scan_digits(const char **ps, const char *end, Out *o, bool us) {
    const char *s = *ps;
    intptr_t n = 0;
    while (s < end) {
        if (isdigit((unsigned char)*s)) {
            out_put(o, s, 1);
            n++;
            s++;
        } else if (*s == '_' && us && n > 0 && s + 1 < end &&
                   isdigit((unsigned char)s[1])) {
            s++;
        } else {
            break;
        }
    }
    if (s < end && *s == '_') return -1;
    *ps = s;
    return n;
}

/* Match a case-insensitive word. */
static bool match_word(const char **ps, const char *end, const char *w) {
    size_t n = strlen(w);
    if ((size_t)(end - *ps) < n || strncasecmp(*ps, w, n) != 0) return false;
    *ps += n;
    return true;
}

/* Parse [sign](digits[.digits]|.digits)[e[sign]digits] | inf | infinity |
 * nan from s (no surrounding space). Returns 0 and *out, -1 on bad
 * syntax, -2 out of memory (no exception set). `us` allows underscores
 * between digits; `special` allows inf/infinity/nan. */
int pith_dtoa_parse(const char *s, const char *end, bool us, bool special, double *out) {
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-')) neg = *s++ == '-';
    const char *t = s;
    if (special && (match_word(&t, end, "infinity") || match_word(&t, end, "inf")) &&
        t == end) {
        *out = neg ? -INFINITY : INFINITY;
        return 0;
    }
    t = s;
    if (special && match_word(&t, end, "nan") && t == end) {
        *out = neg ? -NAN : NAN;
        return 0;
    }
    Out o = {NULL, 0, (size_t)(end - s) + 4};
    o.p = pith_mem_malloc(o.cap);
    if (!o.p) return -2;
    o.p[0] = 0;
    intptr_t n1 = scan_digits(&s, end, &o, us), n2 = 0;
    if (n1 >= 0 && s < end && *s == '.') {
        out_put(&o, ".", 1);
        s++;
        n2 = scan_digits(&s, end, &o, us);
    }
    bool ok = n1 >= 0 && n2 >= 0 && n1 + n2 > 0;
    if (ok && s < end && (*s == 'e' || *s == 'E')) {
        out_put(&o, "e", 1);
        s++;
        if (s < end && (*s == '+' || *s == '-')) out_put(&o, s++, 1);
        ok = scan_digits(&s, end, &o, us) > 0;
    }
    ok = ok && s == end;
    if (ok) {
        double v = strtod(o.p, NULL);
        *out = neg ? -v : v;
    }
    pith_mem_free(o.p);
    return ok ? 0 : -1;
}

double pith_strtod(const char *s, const char **end) {
    /* longest prefix that is a decimal number */
    const char *e = s;
    while (*e && (isdigit((unsigned char)*e) || *e == '.' || *e == '_' ||
                  ((*e == 'e' || *e == 'E') && e > s) ||
                  ((*e == '+' || *e == '-') && (e == s || e[-1] == 'e' || e[-1] == 'E'))))
        e++;
    double v = 0;
    while (e > s && pith_dtoa_parse(s, e, true, false, &v) != 0) e--;
    if (end) *end = e;
    return v;
}

PithObject *pith_float_from_string(const char *s, size_t len, bool literal) {
    const char *b = s, *end = s + len;
    if (!literal) {
        while (b < end && isspace((unsigned char)*b)) b++;
        while (end > b && isspace((unsigned char)end[-1])) end--;
    }
    double v;
    int rc = pith_dtoa_parse(b, end, true, !literal, &v);
    if (rc == -2) return pith_err_no_memory();
    if (rc == 0) return pith_float_from_double(v);
    PithObject *src = pith_str_from_utf8(s, (intptr_t)len);
    if (!src) return NULL;
    pith_err_format(&pith_exc_ValueError, "could not convert string to float: %R", src);
    PITH_DECREF(src);
    return NULL;
}
