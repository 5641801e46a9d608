/* int_format.c — text conversions of int: parsing int literals and
 * int(str, base), str()/repr() (with 3.11's digit limit), hex/oct/bin
 * (pith_int_format), int.__format__ and the shared numeric layout
 * (sign, prefix, grouping, fill/alignment) used by float's __format__ too.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "numbers_impl.h"

intptr_t pith_int_max_str_digits = PITH_INT_DEFAULT_MAX_STR_DIGITS;

static void raise_str_limit(void) {
    pith_err_format(&pith_exc_ValueError,
                    "Exceeds the limit (%zd digits) for integer string conversion; "
                    "use sys.set_int_max_str_digits() to increase the limit",
                    pith_int_max_str_digits);
}

/* ---- int -> text --------------------------------------------------------- */

/* Decimal digits of |o| into a malloc'd buffer (NUL-terminated), by
 * repeated division by 10^9 (quadratic; the digit limit bounds it). */
static char *mag_to_decimal(PithObject *o, intptr_t *outlen) {
    IntView v;
    pith_intv_view(o, &v);
    intptr_t cap = v.n * 10 + 2;
    char *buf = pith_mem_malloc((size_t)cap);
    uint32_t *t = pith_mem_malloc((size_t)(v.n ? v.n : 1) * sizeof(uint32_t));
    if (!buf || !t) {
        pith_mem_free(buf);
        pith_mem_free(t);
        pith_err_no_memory();
        return NULL;
    }
    memcpy(t, v.d, (size_t)v.n * sizeof(uint32_t));
    intptr_t n = v.n, pos = cap - 1;
    buf[pos] = 0;
    while (n > 0) {
        uint64_t rem = 0;
        for (intptr_t i = n - 1; i >= 0; i--) {
            uint64_t cur = rem << 32 | t[i];
            t[i] = (uint32_t)(cur / 1000000000u);
            rem = cur % 1000000000u;
        }
        while (n > 0 && t[n - 1] == 0) n--;
        /* emit 9 digits, or only the significant ones for the top chunk */
        for (int k = 0; k < 9 && (n > 0 || rem); k++) {
            buf[--pos] = (char)('0' + rem % 10);
            rem /= 10;
        }
    }
    if (pos == cap - 1) buf[--pos] = '0';
    pith_mem_free(t);
    *outlen = cap - 1 - pos;
    memmove(buf, buf + pos, (size_t)*outlen + 1);
    return buf;
}

/* Decimal text of |o| honouring the digit limit; malloc'd. */
static char *decimal_checked(PithObject *o, intptr_t *len) {
    PithInt *i = (PithInt *)o;
    if (i->ndigits == 0) {
        char *b = pith_mem_malloc(24);
        if (!b) return (char *)pith_err_no_memory();
        uint64_t m = i->small < 0 ? 0 - (uint64_t)i->small : (uint64_t)i->small;
        *len = snprintf(b, 24, "%llu", (unsigned long long)m);
        return b;
    }
    intptr_t lim = pith_int_max_str_digits;
    /* digits >= floor((bits - 1) * log10(2)) + 1: refuse early when huge */
    double lower = floor((double)(pith_int_bit_length(o) - 1) * 0.30102999566398114) + 1;
    if (lim > 0 && lower > (double)lim) {
        raise_str_limit();
        return NULL;
    }
    char *b = mag_to_decimal(o, len);
    if (b && lim > 0 && *len > lim) {
        pith_mem_free(b);
        raise_str_limit();
        return NULL;
    }
    return b;
}

/* Digits of |o| in base 2, 8 or 16 (lowercase), malloc'd. */
static char *mag_to_pow2(PithObject *o, int base, intptr_t *len) {
    IntView v;
    pith_intv_view(o, &v);
    int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    size_t nbits = pith_int_bit_length(o);
    intptr_t nd = nbits ? (intptr_t)((nbits + (size_t)bits - 1) / (size_t)bits) : 1;
    char *b = pith_mem_malloc((size_t)nd + 1);
    if (!b) return (char *)pith_err_no_memory();
    for (intptr_t k = 0; k < nd; k++) {
        size_t bit = (size_t)k * (size_t)bits, w = bit / 32, off = bit % 32;
        uint64_t chunk = (intptr_t)w < v.n ? v.d[w] : 0;
        if ((intptr_t)w + 1 < v.n) chunk |= (uint64_t)v.d[w + 1] << 32;
        b[nd - 1 - k] = "0123456789abcdef"[(chunk >> off) & (uint64_t)(base - 1)];
    }
    b[nd] = 0;
    *len = nd;
    return b;
}

/* Digits of |o| in base 2, 8, 10 or 16; malloc'd, NULL with exception. */
static char *int_digits(PithObject *o, int base, intptr_t *len) {
    if (base == 10) return decimal_checked(o, len);
    return mag_to_pow2(o, base, len);
}

static PithObject *str_from_parts(const char *sign, const char *prefix,
                                  const char *digits) {
    size_t n = strlen(sign) + strlen(prefix) + strlen(digits);
    char *b = pith_mem_malloc(n + 1);
    if (!b) return pith_err_no_memory();
    snprintf(b, n + 1, "%s%s%s", sign, prefix, digits);
    PithObject *s = pith_str_from_utf8(b, (intptr_t)n);
    pith_mem_free(b);
    return s;
}

PithObject *pith_int_format(PithObject *o, int base, bool alternate) {
    intptr_t len;
    PithInt *i = (PithInt *)o;
    if (base == 10 && i->ndigits == 0) {
        char b[24];
        int n = snprintf(b, sizeof b, "%lld", (long long)i->small);
        return pith_str_from_utf8(b, n);
    }
    char *d = int_digits(o, base, &len);
    if (!d) return NULL;
    const char *prefix = !alternate ? "" : base == 16 ? "0x" : base == 8 ? "0o"
                                         : base == 2 ? "0b" : "";
    PithObject *s = str_from_parts(pith_int_sign(o) < 0 ? "-" : "", prefix, d);
    pith_mem_free(d);
    return s;
}

PithObject *pith_int_to_decimal(PithObject *o) { return pith_int_format(o, 10, false); }
PithObject *pith_int_repr(PithObject *o) { return pith_int_format(o, 10, false); }

/* ---- text -> int --------------------------------------------------------- */

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* Pack digits of a power-of-two base straight into bits. */
static PithObject *build_pow2(const char *dig, intptr_t nd, int base, int sign) {
    int bits = __builtin_ctz((unsigned)base);
    PithInt *r = pith_intv_alloc((intptr_t)(((size_t)nd * (size_t)bits) / 32 + 1));
    if (!r) return NULL;
    for (intptr_t k = 0; k < nd; k++) {
        size_t bit = (size_t)k * (size_t)bits;
        uint64_t v = (uint64_t)digit_value(dig[nd - 1 - k]) << (bit % 32);
        r->digits[bit / 32] |= (uint32_t)v;
        if (v >> 32) r->digits[bit / 32 + 1] |= (uint32_t)(v >> 32);
    }
    return pith_intv_finish(r, sign);
}

/* Other bases: r = r * base^k + chunk, k digits at a time (quadratic). */
static PithObject *build_general(const char *dig, intptr_t nd, int base, int sign) {
    int k = 1;
    uint64_t mult = (uint64_t)base;
    while (mult * (uint64_t)base <= UINT32_MAX) {
        mult *= (uint64_t)base;
        k++;
    }
    double bits = (double)nd * log2((double)base);
    PithInt *r = pith_intv_alloc((intptr_t)(bits / 32) + 2);
    if (!r) return NULL;
    intptr_t n = 0;
    for (intptr_t i = 0; i < nd;) {
        uint64_t chunk = 0, m = 1;
        for (int j = 0; j < k && i < nd; j++, i++) {
            chunk = chunk * (uint64_t)base + (uint64_t)digit_value(dig[i]);
            m *= (uint64_t)base;
        }
        uint64_t c = chunk;
        for (intptr_t j = 0; j < n; j++) {
            c += (uint64_t)r->digits[j] * m;
            r->digits[j] = (uint32_t)c;
            c >>= 32;
        }
        if (c) r->digits[n++] = (uint32_t)c;
    }
    return pith_intv_finish(r, sign);
}

/* Validate [prefix-stripped] digit text with underscores; copy the digits
 * into out (no underscores). Returns the digit count or -1 on bad syntax. */
static intptr_t collect_digits(const char *s, const char *end, int base, bool after_prefix,
                               char *out) {
    enum { START, DIGIT, UNDERSCORE, PREFIX } prev = after_prefix ? PREFIX : START;
    intptr_t n = 0;
    for (; s < end; s++) {
        if (*s == '_') {
            if (prev != DIGIT && prev != PREFIX) return -1;
            prev = UNDERSCORE;
            continue;
        }
        if (digit_value(*s) >= base) return -1;
        out[n++] = *s;
        prev = DIGIT;
    }
    return prev == DIGIT ? n : -1;
}

static int check_parse_limit(intptr_t nd, int base) {
    intptr_t lim = pith_int_max_str_digits;
    if (lim > 0 && (base & (base - 1)) != 0 && nd > lim) {
        pith_err_format(&pith_exc_ValueError,
                        "Exceeds the limit (%zd digits) for integer string conversion: "
                        "value has %zd digits; use sys.set_int_max_str_digits() "
                        "to increase the limit",
                        lim, nd);
        return -1;
    }
    return 0;
}

/* Resolve base-0 / prefix handling; advances *p past a prefix. */
static int resolve_base(const char **p, const char *end, int base, bool *prefixed) {
    const char *s = *p;
    *prefixed = false;
    if (end - s >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            *p = s + 2;
            *prefixed = true;
            return pb;
        }
    }
    return base == 0 ? 10 : base;
}

int pith_int_parse(const char *s, size_t len, int base, PithObject **out) {
    const char *end = s + len;
    while (s < end && is_space(*s)) s++;
    while (end > s && is_space(end[-1])) end--;
    int sign = 1;
    if (s < end && (*s == '+' || *s == '-')) sign = *s++ == '-' ? -1 : 1;
    bool base0 = base == 0, prefixed;
    base = resolve_base(&s, end, base, &prefixed);
    char small[64];
    char *dig = (end - s) < (intptr_t)sizeof small ? small : pith_mem_malloc((size_t)(end - s));
    if (!dig) {
        pith_err_no_memory();
        return -1;
    }
    intptr_t nd = collect_digits(s, end, base, prefixed, dig);
    int rc = nd < 0 ? 1 : 0;
    if (rc == 0 && base0 && !prefixed && dig[0] == '0') {
        /* base 0: a leading zero is only allowed in zero itself */
        for (intptr_t i = 0; i < nd && rc == 0; i++)
            if (dig[i] != '0') rc = 1;
    }
    if (rc == 0 && check_parse_limit(nd, base) < 0) rc = -1;
    if (rc == 0) {
        *out = (base & (base - 1)) == 0 ? build_pow2(dig, nd, base, sign)
                                        : build_general(dig, nd, base, sign);
        if (!*out) rc = -1;
    }
    if (dig != small) pith_mem_free(dig);
    return rc;
}

PithObject *pith_int_from_string(const char *s, size_t len, int base) {
    PithObject *r;
    int st = pith_int_parse(s, len, base, &r);
    if (st == 0) return r;
    if (st == 1) {
        PithObject *src = pith_str_from_utf8(s, (intptr_t)len);
        if (!src) return NULL;
        pith_err_format(&pith_exc_ValueError,
                        "invalid literal for int() with base %d: %R", base, src);
        PITH_DECREF(src);
    }
    return NULL;
}

/* ---- numeric layout for __format__ --------------------------------------- */

/* Append digits grouped by `size` with separator `sep`, zero-extended so
 * the grouped text is at least min_width long (CPython's rules). */
static int append_grouped(PithStrBuilder *sb, const char *d, intptr_t nd, char sep,
                          int size, intptr_t min_width) {
    /* Build right-to-left into a temporary buffer, then append reversed. */
    intptr_t cap = (nd + (min_width > 0 ? min_width : 0) + 1) * 2 + 8;
    char *t = pith_mem_malloc((size_t)cap);
    if (!t) return -1;
    intptr_t pos = 0, remaining = nd;
    bool use_sep = false;
    for (;;) {
        intptr_t want = remaining > min_width ? remaining : min_width;
        intptr_t l = want < 1 ? 1 : want;
        if (l > size) l = size;
        intptr_t nchars = remaining < l ? remaining : l;
        if (nchars < 0) nchars = 0;
        if (use_sep) t[pos++] = sep;
        for (intptr_t k = 0; k < nchars; k++) t[pos++] = d[remaining - 1 - k];
        for (intptr_t k = nchars; k < l; k++) t[pos++] = '0';
        use_sep = true;
        remaining -= nchars;
        min_width -= size;
        if (remaining <= 0 && min_width <= 0) break;
        min_width -= 1;
    }
    int rc = 0;
    while (pos > 0 && rc == 0) rc = pith_sb_append_char(sb, (unsigned char)t[--pos]);
    pith_mem_free(t);
    return rc;
}

static int append_fill(PithStrBuilder *sb, uint32_t fill, intptr_t n) {
    for (intptr_t i = 0; i < n; i++)
        if (pith_sb_append_char(sb, fill) < 0) return -1;
    return 0;
}

PithObject *pith_num_layout(const NumParts *p, const PithFormatSpec *spec) {
    uint32_t fill = spec->fill ? spec->fill : ' ';
    char align = spec->align;
    if (spec->zero_pad && !align) align = '=';
    if (!align) align = '>';
    intptr_t lsign = (intptr_t)strlen(p->sign), lprefix = (intptr_t)strlen(p->prefix);
    intptr_t lrest = (intptr_t)strlen(p->rest), width = spec->width;
    intptr_t min_width = 0;
    if (p->group && fill == '0' && align == '=' && width > 0)
        min_width = width - lsign - lprefix - lrest;
    /* the number body without padding */
    PithStrBuilder body;
    pith_sb_init(&body);
    int rc = pith_sb_append_utf8(&body, p->intdigits, p->nint);
    if (p->group && p->nint > 0) {
        pith_sb_discard(&body);
        pith_sb_init(&body);
        rc = append_grouped(&body, p->intdigits, p->nint, (char)p->group,
                            p->group_size, min_width);
    }
    if (rc == 0) rc = pith_sb_append_utf8(&body, p->rest, lrest);
    intptr_t total = lsign + lprefix + body.len;
    intptr_t pad = width > total ? width - total : 0;
    intptr_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    intptr_t right = align == '<' ? pad : align == '^' ? pad - pad / 2 : 0;
    intptr_t mid = align == '=' ? pad : 0;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    if (rc == 0) rc = append_fill(&sb, fill, left);
    if (rc == 0) rc = pith_sb_append_utf8(&sb, p->sign, lsign);
    if (rc == 0) rc = pith_sb_append_utf8(&sb, p->prefix, lprefix);
    if (rc == 0) rc = append_fill(&sb, fill, mid);
    for (intptr_t i = 0; rc == 0 && i < body.len; i++)
        rc = pith_sb_append_char(&sb, body.buf[i]);
    if (rc == 0) rc = append_fill(&sb, fill, right);
    pith_sb_discard(&body);
    if (rc < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return pith_sb_finish(&sb);
}

/* ---- int.__format__ ------------------------------------------------------ */

static PithObject *format_char(PithObject *self, const PithFormatSpec *spec) {
    if (spec->sign)
        return pith_err_format(&pith_exc_ValueError,
                               "Sign not allowed with integer format specifier 'c'");
    if (spec->alternate)
        return pith_err_format(&pith_exc_ValueError,
                               "Alternate form (#) not allowed with integer format "
                               "specifier 'c'");
    int ov;
    int64_t v = pith_int_as_i64_overflow(self, &ov);
    if (ov || v < 0 || v > 0x10FFFF)
        return pith_err_format(&pith_exc_OverflowError, "%%c arg not in range(0x110000)");
    PithObject *ch = pith_str_from_char((uint32_t)v);
    if (!ch) return NULL;
    PithFormatSpec s2 = *spec;
    if (!s2.align) s2.align = '<';
    PithObject *r = pith_format_pad(ch, &s2, '<');
    PITH_DECREF(ch);
    return r;
}

PithObject *pith_num_unknown_code(uint32_t t, const char *tname) {
    if (t > 32 && t < 128)
        return pith_err_format(&pith_exc_ValueError,
                               "Unknown format code '%c' for object of type '%s'", (int)t, tname);
    return pith_err_format(&pith_exc_ValueError,
                           "Unknown format code '\\x%x' for object of type '%s'", (unsigned)t,
                           tname);
}

static int check_int_spec(const PithFormatSpec *spec, char type) {
    if (spec->precision >= 0) {
        pith_err_set_string(&pith_exc_ValueError,
                            "Precision not allowed in integer format specifier");
        return -1;
    }
    if (spec->no_neg_zero) {
        pith_err_set_string(&pith_exc_ValueError,
                            "Negative zero coercion (z) not allowed in integer "
                            "format specifier");
        return -1;
    }
    return 0; /* grouping vs type was checked by the spec parser */
}

PithObject *pith_int_format_spec(PithObject *self, PithObject *fspec) {
    if (PITH_STR_LEN(fspec) == 0) return pith_str(self);
    PithFormatSpec spec;
    if (pith_format_spec_parse_for(fspec, &spec, pith_type_name(self)) < 0) return NULL;
    uint32_t t = spec.type ? spec.type : 'd';
    switch (t) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = pith_int_as_double(self);
        if (d == -1.0 && pith_err_occurred()) return NULL;
        return pith_float_format_spec(d, &spec, pith_type_name(self));
    }
    case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
        break;
    default:
        return pith_num_unknown_code(t, pith_type_name(self));
    }
    if (check_int_spec(&spec, (char)t) < 0) return NULL;
    if (t == 'c') return format_char(self, &spec);
    int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    intptr_t nd;
    char *d = int_digits(self, base, &nd);
    if (!d) return NULL;
    if (t == 'X')
        for (intptr_t i = 0; i < nd; i++)
            if (d[i] >= 'a') d[i] = (char)(d[i] - 32);
    bool neg = pith_int_sign(self) < 0;
    NumParts p = {
        .sign = neg ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "",
        .prefix = !spec.alternate ? "" : t == 'b' ? "0b" : t == 'o' ? "0o"
                                       : t == 'x' ? "0x" : t == 'X' ? "0X" : "",
        .intdigits = d, .nint = nd, .rest = "",
        .group = spec.grouping, .group_size = base == 10 ? 3 : 4,
    };
    PithObject *r = pith_num_layout(&p, &spec);
    pith_mem_free(d);
    return r;
}
