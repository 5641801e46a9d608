/* str_format.c — every way of formatting text:
 *   - pith_str_from_format: printf-like builder used for error messages;
 *   - the format-spec mini-language (parse + padding), str.__format__ and
 *     the builtin format() (pith_format);
 *   - str.format / str.format_map (field names, conversions, nested specs);
 *   - printf-style `str % args`.
 * Messages follow CPython 3.11 exactly.
 */
#include "str_impl.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ======================================================================
 * pith_str_from_format
 * ==================================================================== */

/* Append str(o)/repr(o)/ascii(o) truncated to prec code points (-1 = all). */
static int append_obj(PithStrBuilder *sb, PithObject *s, intptr_t prec) {
    if (!s) return -1;
    intptr_t n = PITH_STR_LEN(s);
    if (prec >= 0 && prec < n) n = prec;
    for (intptr_t i = 0; i < n; i++)
        if (pith_sb_append_char(sb, pith_str_read((PithStr *)s, i)) < 0) {
            PITH_DECREF(s);
            return -1;
        }
    PITH_DECREF(s);
    return 0;
}

/* Append a UTF-8 C string truncated to prec code points. */
static int append_cstr(PithStrBuilder *sb, const char *s, intptr_t prec) {
    if (!s) s = "(null)";
    if (prec < 0) return pith_sb_append_utf8(sb, s, -1);
    PithObject *o = pith_utf8_decode(s, (intptr_t)strlen(s), PITH_ERR_REPLACE, "replace");
    return append_obj(sb, o, prec);
}

/* One directive after '%' (flags already skipped); *pf advanced. */
static int format_directive(PithStrBuilder *sb, const char **pf, va_list *ap) {
    const char *f = *pf;
    intptr_t width = -1, prec = -1;
    bool left = false, zero = false;
    for (; *f == '-' || *f == '0'; f++) {
        if (*f == '-') left = true;
        else zero = true;
    }
    if (*f >= '0' && *f <= '9') {
        width = 0;
        while (*f >= '0' && *f <= '9') width = width * 10 + (*f++ - '0');
    }
    if (*f == '.') {
        prec = 0;
        f++;
        while (*f >= '0' && *f <= '9') prec = prec * 10 + (*f++ - '0');
    }
    int lng = 0; /* 1 = l, 2 = ll, 3 = z */
    if (*f == 'l') { lng = 1; f++; if (*f == 'l') { lng = 2; f++; } }
    else if (*f == 'z') { lng = 3; f++; }
    char conv = *f;
    if (conv) f++;
    *pf = f;
    char num[64];
    switch (conv) {
    case 'd': case 'i': case 'u': case 'x': {
        const char *fmt = conv == 'x' ? "%*llx" : (conv == 'u' ? "%*llu" : "%*lld");
        long long v;
        if (conv == 'u' || conv == 'x')
            v = (long long)(lng == 2 ? va_arg(*ap, unsigned long long)
                          : lng == 1 ? va_arg(*ap, unsigned long)
                          : lng == 3 ? va_arg(*ap, size_t) : va_arg(*ap, unsigned int));
        else
            v = lng == 2 ? va_arg(*ap, long long) : lng == 1 ? va_arg(*ap, long)
              : lng == 3 ? (long long)va_arg(*ap, intptr_t) : va_arg(*ap, int);
        char spec[16];
        snprintf(spec, sizeof spec, "%%%s%s", left ? "-" : (zero ? "0" : ""), fmt + 1);
        snprintf(num, sizeof num, spec, (int)(width < 0 ? 0 : width), v);
        return pith_sb_append_utf8(sb, num, -1);
    }
    case 'c':
        return pith_sb_append_char(sb, (uint32_t)va_arg(*ap, int));
    case 'p':
        snprintf(num, sizeof num, "%p", va_arg(*ap, void *));
        return pith_sb_append_utf8(sb, num, -1);
    case 's':
        return append_cstr(sb, va_arg(*ap, const char *), prec);
    case 'U':
        return append_obj(sb, PITH_NEWREF(va_arg(*ap, PithObject *)), prec);
    case 'S': return append_obj(sb, pith_str(va_arg(*ap, PithObject *)), prec);
    case 'R': return append_obj(sb, pith_repr(va_arg(*ap, PithObject *)), prec);
    case 'A': return append_obj(sb, pith_ascii(va_arg(*ap, PithObject *)), prec);
    case 'T': return append_cstr(sb, pith_type_name(va_arg(*ap, PithObject *)), prec);
    case '%': return pith_sb_append_char(sb, '%');
    default: /* unknown directive: copy it literally */
        *pf = *pf - (conv ? 1 : 0);
        return pith_sb_append_char(sb, '%');
    }
}

PithObject *pith_str_from_formatv(const char *fmt, va_list ap) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    va_list aq;
    va_copy(aq, ap);
    const char *f = fmt;
    while (*f) {
        const char *lit = f;
        while (*f && *f != '%') f++;
        if (f > lit && pith_sb_append_utf8(&sb, lit, f - lit) < 0) goto fail;
        if (!*f) break;
        f++;
        if (format_directive(&sb, &f, &aq) < 0) goto fail;
    }
    va_end(aq);
    return pith_sb_finish(&sb);
fail:
    va_end(aq);
    pith_sb_discard(&sb);
    return NULL;
}

PithObject *pith_str_from_format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    PithObject *r = pith_str_from_formatv(fmt, ap);
    va_end(ap);
    return r;
}

/* ======================================================================
 * Format-spec mini-language
 * ==================================================================== */

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

/* Parse decimal digits at s[*i]; -1 = none; -2 = overflow (error raised). */
static intptr_t parse_digits(PithStr *s, intptr_t *i) {
    intptr_t v = -1;
    while (*i < s->length) {
        uint32_t c = pith_str_read(s, *i);
        if (c < '0' || c > '9') break;
        if (v < 0) v = 0;
        if (v > (INTPTR_MAX - 9) / 10) {
            pith_err_set_string(&pith_exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + (c - '0');
        (*i)++;
    }
    return v;
}

static int spec_error_invalid(PithObject *spec, const char *tname) {
    if (tname)
        pith_err_format(&pith_exc_ValueError,
                        "Invalid format specifier '%U' for object of type '%s'", spec, tname);
    else
        pith_err_format(&pith_exc_ValueError, "Invalid format specifier '%U'", spec);
    return -1;
}

/* Grouping is allowed with no type and the decimal/float types; '_' also
 * with b/o/x/X (every four digits). Checked before the type is known to be
 * valid for the object, as CPython does. */
static int check_grouping_type(const PithFormatSpec *f) {
    uint32_t t = f->type;
    if (!f->grouping || (t && t < 128 && strchr("deEfFgG%", (int)t))) return 0;
    if (!t || (f->grouping == '_' && t < 128 && strchr("boxX", (int)t))) return 0;
    if (t > 32 && t < 127)
        pith_err_format(&pith_exc_ValueError, "Cannot specify '%c' with '%c'.", f->grouping,
                        (int)t);
    else
        pith_err_format(&pith_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", f->grouping,
                        (unsigned)t);
    return -1;
}

int pith_format_spec_parse_for(PithObject *spec, PithFormatSpec *out, const char *tname) {
    PithStr *s = (PithStr *)spec;
    intptr_t i = 0, n = s->length;
    *out = (PithFormatSpec){.fill = ' ', .width = -1, .precision = -1};
    bool fill_given = false;
    if (n >= 2 && is_align(pith_str_read(s, 1))) {
        out->fill = pith_str_read(s, 0);
        out->align = (char)pith_str_read(s, 1);
        fill_given = true;
        i = 2;
    } else if (n >= 1 && is_align(pith_str_read(s, 0))) {
        out->align = (char)pith_str_read(s, 0);
        i = 1;
    }
    uint32_t c = i < n ? pith_str_read(s, i) : 0;
    if (c == '+' || c == '-' || c == ' ') { out->sign = (char)c; c = ++i < n ? pith_str_read(s, i) : 0; }
    if (c == 'z') { out->no_neg_zero = true; c = ++i < n ? pith_str_read(s, i) : 0; }
    if (c == '#') { out->alternate = true; c = ++i < n ? pith_str_read(s, i) : 0; }
    if (c == '0') {
        out->zero_pad = true;
        if (!fill_given) out->fill = '0';
        i++;
    }
    out->width = parse_digits(s, &i);
    if (out->width == -2) return -1;
    c = i < n ? pith_str_read(s, i) : 0;
    if (c == ',' || c == '_') {
        out->grouping = (char)c;
        c = ++i < n ? pith_str_read(s, i) : 0;
        if (c == ',' || c == '_') {
            if (c == (uint32_t)out->grouping)
                pith_err_format(&pith_exc_ValueError, "Cannot specify '%c' with '%c'.", (int)c, (int)c);
            else
                pith_err_set_string(&pith_exc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (c == '.') {
        i++;
        out->precision = parse_digits(s, &i);
        if (out->precision == -2) return -1;
        if (out->precision == -1) {
            pith_err_set_string(&pith_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (n - i > 1) return spec_error_invalid(spec, tname);
    if (n - i == 1) out->type = pith_str_read(s, i);
    return check_grouping_type(out);
}

/* Type name of the object pith_format is currently formatting, so that
 * pith_format_spec_parse can name it in errors as CPython does. */
static const char *formatting_type;

int pith_format_spec_parse(PithObject *spec, PithFormatSpec *out) {
    return pith_format_spec_parse_for(spec, out, formatting_type);
}

PithObject *pith_format_pad(PithObject *body, const PithFormatSpec *spec, char default_align) {
    intptr_t len = PITH_STR_LEN(body);
    if (spec->width <= len) return PITH_NEWREF(body);
    char align = spec->align ? spec->align : default_align;
    intptr_t total = spec->width, pad = total - len, left;
    if (align == '>') left = pad;
    else if (align == '^') left = pad / 2;
    else left = 0;
    uint32_t m = pith_str_max_char(body, 0, len);
    if (spec->fill > m) m = spec->fill;
    PithStr *r = (PithStr *)pith_str_new_raw(total, m);
    if (!r) return NULL;
    intptr_t at = 0;
    if (align == '=' && len > 0) { /* fill goes after a leading sign */
        uint32_t c0 = pith_str_read((PithStr *)body, 0);
        if (c0 == '+' || c0 == '-' || c0 == ' ') {
            pith_str_write(r, at++, c0);
            pith_str_copy_chars(r, at + pad, body, 1, len - 1);
            for (intptr_t k = 0; k < pad; k++) pith_str_write(r, at + k, spec->fill);
            return (PithObject *)r;
        }
        left = pad;
    }
    for (intptr_t k = 0; k < left; k++) pith_str_write(r, k, spec->fill);
    pith_str_copy_chars(r, left, body, 0, len);
    for (intptr_t k = left + len; k < total; k++) pith_str_write(r, k, spec->fill);
    return (PithObject *)r;
}

/* str.__format__ semantics for a str value. */
PithObject *pith_str_format_str(PithObject *s, PithObject *spec_str) {
    if (PITH_STR_LEN(spec_str) == 0) return pith_str_check_exact(s) ? PITH_NEWREF(s) : pith_str(s);
    PithFormatSpec sp;
    if (pith_format_spec_parse_for(spec_str, &sp, "str") < 0) return NULL;
    const char *err = NULL;
    if (sp.type && sp.type != 's')
        return pith_err_format(&pith_exc_ValueError,
                               "Unknown format code '%c' for object of type 'str'", (int)sp.type);
    if (sp.grouping)
        return pith_err_format(&pith_exc_ValueError, "Cannot specify '%c' with 's'.", sp.grouping);
    if (sp.sign == ' ') err = "Space not allowed in string format specifier";
    else if (sp.sign) err = "Sign not allowed in string format specifier";
    else if (sp.no_neg_zero) err = "Negative zero coercion (z) not allowed in string format specifier";
    else if (sp.alternate) err = "Alternate form (#) not allowed in string format specifier";
    else if (sp.align == '=') err = "'=' alignment not allowed in string format specifier";
    if (err) {
        pith_err_set_string(&pith_exc_ValueError, err);
        return NULL;
    }
    intptr_t n = PITH_STR_LEN(s);
    if (sp.precision >= 0 && sp.precision < n) n = sp.precision;
    PithObject *body = pith_str_substring(s, 0, n);
    if (!body) return NULL;
    PithObject *r = pith_format_pad(body, &sp, '<');
    PITH_DECREF(body);
    return r;
}

PithObject *pith_format(PithObject *obj, PithObject *spec) {
    if (!spec) spec = pith_str_empty(); /* immortal: no reference to drop */
    if (!pith_str_check(spec)) {
        return pith_err_format(&pith_exc_TypeError, "format() argument 2 must be str, not %.100s",
                               pith_type_name(spec));
    }
    if (pith_str_check_exact(obj)) return pith_str_format_str(obj, spec);
    static PithObject *name;
    if (!name && !(name = pith_str_intern_cstr("__format__"))) return NULL;
    const char *saved = formatting_type;
    formatting_type = pith_type_name(obj);
    PithObject *r = pith_call_special(obj, name, &spec, 1);
    formatting_type = saved;
    if (r && !pith_str_check(r)) {
        pith_err_format(&pith_exc_TypeError, "__format__ must return a str, not %.200s",
                        pith_type_name(r));
        PITH_DECREF(r);
        return NULL;
    }
    return r;
}

/* ======================================================================
 * str.format
 * ==================================================================== */

typedef struct FmtCtx {
    PithObject *const *args;
    size_t nargs;
    PithObject *kwargs; /* mapping or NULL */
    bool is_map;        /* format_map: positional fields are an error */
    int numbering;      /* 0 unknown, 1 auto, 2 manual */
    intptr_t next_auto;
} FmtCtx;

static int render(PithStrBuilder *sb, PithObject *fmt, intptr_t start, intptr_t end,
                  FmtCtx *ctx, int depth);

static PithObject *verr(const char *msg) {
    pith_err_set_string(&pith_exc_ValueError, msg);
    return NULL;
}

static int fail_msg(const char *msg) {
    pith_err_set_string(&pith_exc_ValueError, msg);
    return -1;
}

/* Parse a non-negative decimal integer from s[a:b]; -1 if not all digits. */
static intptr_t digits_value(PithStr *s, intptr_t a, intptr_t b, bool *overflow) {
    *overflow = false;
    if (a >= b) return -1;
    intptr_t v = 0;
    for (intptr_t i = a; i < b; i++) {
        uint32_t c = pith_str_read(s, i);
        if (c < '0' || c > '9') return -1;
        if (v > (INTPTR_MAX - 9) / 10) *overflow = true;
        else v = v * 10 + (c - '0');
    }
    return v;
}

/* The object named by the first part fmt[a:b] of a field name. */
static PithObject *lookup_arg(PithObject *fmt, intptr_t a, intptr_t b, FmtCtx *ctx) {
    PithStr *s = (PithStr *)fmt;
    bool ovf;
    intptr_t idx = digits_value(s, a, b, &ovf);
    if (ovf) return verr("Too many decimal digits in format string");
    if (a == b) {
        if (ctx->numbering == 2)
            return verr("cannot switch from manual field specification to automatic field numbering");
        ctx->numbering = 1;
        idx = ctx->next_auto++;
    } else if (idx >= 0) {
        if (ctx->numbering == 1)
            return verr("cannot switch from automatic field numbering to manual field specification");
        ctx->numbering = 2;
    } else {
        PithObject *key = pith_str_substring(fmt, a, b);
        if (!key) return NULL;
        PithObject *v = NULL;
        if (ctx->kwargs && ctx->is_map) {
            v = pith_getitem(ctx->kwargs, key);
        } else if (ctx->kwargs) {
            v = pith_dict_get_item(ctx->kwargs, key);
            if (v) PITH_INCREF(v);
        }
        if (!v && !pith_err_occurred()) pith_err_set_object(&pith_exc_KeyError, key);
        PITH_DECREF(key);
        return v;
    }
    if (ctx->is_map) return verr("Format string contains positional fields");
    if ((size_t)idx >= ctx->nargs)
        return pith_err_format(&pith_exc_IndexError,
                               "Replacement index %zd out of range for positional args tuple", idx);
    return PITH_NEWREF(ctx->args[idx]);
}

/* Resolve a whole field name fmt[a:b] ("0.attr[key]") to an object. */
static PithObject *resolve_field(PithObject *fmt, intptr_t a, intptr_t b, FmtCtx *ctx) {
    PithStr *s = (PithStr *)fmt;
    intptr_t i = a;
    while (i < b && pith_str_read(s, i) != '.' && pith_str_read(s, i) != '[') i++;
    PithObject *obj = lookup_arg(fmt, a, i, ctx);
    while (obj && i < b) {
        uint32_t c = pith_str_read(s, i++);
        intptr_t j = i;
        PithObject *next;
        if (c == '.') {
            while (j < b && pith_str_read(s, j) != '.' && pith_str_read(s, j) != '[') j++;
            if (j == i) next = verr("Empty attribute in format string");
            else {
                PithObject *name = pith_str_substring(fmt, i, j);
                next = name ? pith_getattr(obj, name) : NULL;
                PITH_XDECREF(name);
            }
            i = j;
        } else if (c == '[') {
            while (j < b && pith_str_read(s, j) != ']') j++;
            if (j >= b) next = verr("Missing ']' in format string");
            else if (j == i) next = verr("Empty attribute in format string");
            else {
                bool ovf;
                intptr_t k = digits_value(s, i, j, &ovf);
                PithObject *key = k >= 0 && !ovf ? pith_int_from_ssize(k) : pith_str_substring(fmt, i, j);
                next = key ? pith_getitem(obj, key) : NULL;
                PITH_XDECREF(key);
            }
            i = j + 1;
            if (next && i < b && pith_str_read(s, i) != '.' && pith_str_read(s, i) != '[') {
                PITH_DECREF(next);
                next = verr("Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            next = verr("Only '.' or '[' may follow ']' in format field specifier");
        }
        PITH_DECREF(obj);
        obj = next;
    }
    return obj;
}

static PithObject *apply_conversion(PithObject *obj, uint32_t conv) {
    switch (conv) {
    case 0: return PITH_NEWREF(obj);
    case 'r': return pith_repr(obj);
    case 's': return pith_str(obj);
    case 'a': return pith_ascii(obj);
    }
    if (conv > 32 && conv < 127)
        return pith_err_format(&pith_exc_ValueError, "Unknown conversion specifier %c", (int)conv);
    return pith_err_format(&pith_exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
}

/* A parsed replacement field {name!conv:spec}. */
typedef struct Field {
    intptr_t name_a, name_b, spec_a, spec_b;
    uint32_t conv;
    bool expand; /* spec contains nested fields */
} Field;

/* Parse the field starting after '{' at *pos; *pos ends after its '}'. */
static int parse_field(PithStr *s, intptr_t *pos, intptr_t end, Field *f) {
    intptr_t i = *pos;
    uint32_t c = 0;
    *f = (Field){.name_a = i};
    while (i < end) {
        c = pith_str_read(s, i);
        if (c == '}' || c == '!' || c == ':') break;
        if (c == '{') return fail_msg("unexpected '{' in field name");
        i++;
        if (c == '[')
            while (i < end && pith_str_read(s, i++) != ']') {}
    }
    f->name_b = i;
    if (i >= end) return fail_msg("expected '}' before end of string");
    i++;
    if (c == '!') {
        if (i >= end) return fail_msg("end of string while looking for conversion specifier");
        f->conv = pith_str_read(s, i++);
        if (i >= end) return fail_msg("unmatched '{' in format spec");
        c = pith_str_read(s, i++);
        if (c != ':' && c != '}') return fail_msg("expected ':' after conversion specifier");
    }
    f->spec_a = f->spec_b = i;
    if (c == ':') {
        int nest = 1;
        while (i < end) {
            c = pith_str_read(s, i++);
            if (c == '{') {
                nest++;
                f->expand = true;
            } else if (c == '}' && --nest == 0) {
                f->spec_b = i - 1;
                *pos = i;
                return 0;
            }
        }
        return fail_msg("unmatched '{' in format spec");
    }
    *pos = i;
    return 0;
}

static int render_field(PithStrBuilder *sb, PithObject *fmt, Field *f, FmtCtx *ctx, int depth) {
    PithObject *obj = resolve_field(fmt, f->name_a, f->name_b, ctx);
    if (!obj) return -1;
    PithObject *conv = apply_conversion(obj, f->conv);
    PITH_DECREF(obj);
    if (!conv) return -1;
    PithObject *spec;
    if (f->expand) {
        PithStrBuilder inner;
        pith_sb_init(&inner);
        if (render(&inner, fmt, f->spec_a, f->spec_b, ctx, depth - 1) < 0) {
            pith_sb_discard(&inner);
            PITH_DECREF(conv);
            return -1;
        }
        spec = pith_sb_finish(&inner);
    } else {
        spec = pith_str_substring(fmt, f->spec_a, f->spec_b);
    }
    PithObject *out = spec ? pith_format(conv, spec) : NULL;
    PITH_XDECREF(spec);
    PITH_DECREF(conv);
    if (!out) return -1;
    int r = pith_sb_append_str(sb, out);
    PITH_DECREF(out);
    return r;
}

static int render(PithStrBuilder *sb, PithObject *fmt, intptr_t start, intptr_t end,
                  FmtCtx *ctx, int depth) {
    PithStr *s = (PithStr *)fmt;
    if (depth <= 0) return fail_msg("Max string recursion exceeded");
    intptr_t i = start;
    while (i < end) {
        uint32_t c = pith_str_read(s, i++);
        if (c != '{' && c != '}') {
            if (pith_sb_append_char(sb, c) < 0) return -1;
            continue;
        }
        if (i < end && pith_str_read(s, i) == c) { /* doubled brace */
            i++;
            if (pith_sb_append_char(sb, c) < 0) return -1;
            continue;
        }
        if (c == '}') return fail_msg("Single '}' encountered in format string");
        if (i >= end) return fail_msg("Single '{' encountered in format string");
        Field f;
        if (parse_field(s, &i, end, &f) < 0 || render_field(sb, fmt, &f, ctx, depth) < 0)
            return -1;
    }
    return 0;
}

static PithObject *format_with(PithObject *fmt, FmtCtx *ctx) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    if (render(&sb, fmt, 0, PITH_STR_LEN(fmt), ctx, 2) < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return pith_sb_finish(&sb);
}

PithObject *pith_str_format_call(PithObject *fmt, PithObject *const *args, size_t nargs,
                                 PithObject *kwargs) {
    FmtCtx ctx = {args, nargs, kwargs, false, 0, 0};
    return format_with(fmt, &ctx);
}

PithObject *pith_str_format_map(PithObject *fmt, PithObject *mapping) {
    FmtCtx ctx = {NULL, 0, mapping, true, 0, 0};
    return format_with(fmt, &ctx);
}

/* ======================================================================
 * printf-style formatting: fmt % args
 * ==================================================================== */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct PctArgs {
    PithObject *args;  /* the right operand */
    PithObject *dict;  /* mapping for %(key)s, or NULL */
    intptr_t len, idx; /* CPython's scheme: len -1 / idx -2 for a single value */
    bool bytes_mode;   /* bytes % args: fmt and result are Latin-1 text */
} PctArgs;

static PithObject *next_arg(PctArgs *pa) {
    if (pa->idx < pa->len) {
        intptr_t i = pa->idx++;
        return pa->len < 0 ? pa->args : PITH_TUPLE_GET(pa->args, i);
    }
    pith_err_set_string(&pith_exc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* Pad `body` (sign/prefix first, then digits) to width per flags. The
 * zero fill goes between the prefix (sign + "0x") and the digits. */
static int emit_padded(PithStrBuilder *sb, PithObject *body, intptr_t prefix_len,
                       intptr_t width, int flags, bool numeric) {
    intptr_t len = PITH_STR_LEN(body);
    intptr_t pad = width > len ? width - len : 0;
    PithStr *b = (PithStr *)body;
    bool zero = numeric && (flags & F_ZERO) && !(flags & F_LJUST);
    if (!(flags & F_LJUST) && !zero)
        for (intptr_t k = 0; k < pad; k++)
            if (pith_sb_append_char(sb, ' ') < 0) return -1;
    for (intptr_t k = 0; k < len; k++) {
        if (k == prefix_len && zero)
            for (intptr_t z = 0; z < pad; z++)
                if (pith_sb_append_char(sb, '0') < 0) return -1;
        if (pith_sb_append_char(sb, pith_str_read(b, k)) < 0) return -1;
    }
    if (zero && prefix_len >= len)
        for (intptr_t z = 0; z < pad; z++)
            if (pith_sb_append_char(sb, '0') < 0) return -1;
    if (flags & F_LJUST)
        for (intptr_t k = 0; k < pad; k++)
            if (pith_sb_append_char(sb, ' ') < 0) return -1;
    return 0;
}

/* Uppercase ASCII letters of a (new) str in place-ish: returns new str. */
static PithObject *ascii_upper(PithObject *s) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    for (intptr_t i = 0; i < PITH_STR_LEN(s); i++) {
        uint32_t c = pith_str_read((PithStr *)s, i);
        if (c >= 'a' && c <= 'z') c -= 32;
        if (pith_sb_append_char(&sb, c) < 0) {
            pith_sb_discard(&sb);
            return NULL;
        }
    }
    PITH_DECREF(s);
    return pith_sb_finish(&sb);
}

/* Combine sign, prefix and digits into a str; returns prefix length. */
static PithObject *numeric_body(bool neg, int flags, const char *prefix, PithObject *digits,
                                intptr_t *prefix_len) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    char sign = neg ? '-' : (flags & F_SIGN) ? '+' : (flags & F_BLANK) ? ' ' : 0;
    if (sign) pith_sb_append_char(&sb, (uint32_t)sign);
    pith_sb_append_utf8(&sb, prefix, -1);
    *prefix_len = sb.len;
    if (pith_sb_append_str(&sb, digits) < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return pith_sb_finish(&sb);
}

static PithObject *int_digits(PithObject *v, int base, intptr_t prec, bool *neg) {
    *neg = pith_int_sign(v) < 0;
    PithObject *a = pith_number_absolute(v);
    if (!a) return NULL;
    PithObject *d = pith_int_format(a, base, false);
    PITH_DECREF(a);
    if (!d || prec <= PITH_STR_LEN(d)) return d;
    PithObject *zeros = pith_str_repeat(pith_str_from_char('0'), prec - PITH_STR_LEN(d));
    PithObject *r = zeros ? pith_str_concat(zeros, d) : NULL;
    PITH_XDECREF(zeros);
    PITH_DECREF(d);
    return r;
}

static bool is_number(PithObject *v) {
    PithNumberMethods *nb = PITH_TYPE(v)->tp_as_number;
    return pith_int_check(v) || pith_float_check(v) ||
           (nb && (nb->nb_index || nb->nb_int || nb->nb_float));
}

static int fmt_integer(PithStrBuilder *sb, PithObject *v, uint32_t type, int flags,
                       intptr_t width, intptr_t prec) {
    PithObject *iv;
    if (type == 'd' || type == 'i' || type == 'u') {
        if (!is_number(v)) {
            pith_err_format(&pith_exc_TypeError, "%%%c format: a real number is required, not %.200s",
                            (int)type, pith_type_name(v));
            return -1;
        }
        iv = pith_int_check(v) ? PITH_NEWREF(v) : pith_number_long(v);
    } else {
        if (!pith_index_check(v)) {
            pith_err_format(&pith_exc_TypeError, "%%%c format: an integer is required, not %.200s",
                            (int)type, pith_type_name(v));
            return -1;
        }
        iv = pith_number_index(v);
    }
    if (!iv) return -1;
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    bool neg;
    PithObject *digits = int_digits(iv, base, prec, &neg);
    PITH_DECREF(iv);
    if (!digits) return -1;
    const char *prefix = !(flags & F_ALT) || base == 10 ? "" : base == 8 ? "0o" : "0x";
    intptr_t plen;
    PithObject *body = numeric_body(neg, flags, prefix, digits, &plen);
    PITH_DECREF(digits);
    if (body && type == 'X') body = ascii_upper(body);
    if (!body) return -1;
    int r = emit_padded(sb, body, plen, width, flags, true);
    PITH_DECREF(body);
    return r;
}

static int fmt_float(PithStrBuilder *sb, PithObject *v, uint32_t type, int flags,
                     intptr_t width, intptr_t prec) {
    double d;
    if (pith_float_check(v)) d = PITH_FLOAT_VALUE(v);
    else {
        if (!is_number(v)) {
            pith_err_format(&pith_exc_TypeError, "must be real number, not %.200s", pith_type_name(v));
            return -1;
        }
        d = pith_float_as_double(v);
        if (d == -1.0 && pith_err_occurred()) return -1;
    }
    if (prec < 0) prec = 6;
    char lower = (char)(type | 0x20);
    PithObject *digits = pith_float_format(fabs(d), lower, (int)prec, (flags & F_ALT) ? 1 : 0);
    if (digits && type != (uint32_t)lower) digits = ascii_upper(digits);
    if (!digits) return -1;
    intptr_t plen;
    PithObject *body = numeric_body(signbit(d) && !isnan(d), flags, "", digits, &plen);
    PITH_DECREF(digits);
    if (!body) return -1;
    int r = emit_padded(sb, body, plen, width, flags, true);
    PITH_DECREF(body);
    return r;
}

/* One character given as a 1-length str (1-length bytes in bytes mode)
 * or an int code (< 256 in bytes mode); 0 ok, -1 error; -2 wrong type. */
static int char_arg(PithObject *v, bool bytes_mode, uint32_t *cp) {
    const char *d;
    intptr_t n;
    if (!bytes_mode && pith_str_check(v)) {
        if (PITH_STR_LEN(v) != 1) return -2;
        *cp = pith_str_read((PithStr *)v, 0);
        return 0;
    }
    if (bytes_mode && pith_bytes_view(v, &d, &n)) {
        if (n != 1) return -2;
        *cp = (uint8_t)d[0];
        return 0;
    }
    if (!pith_index_check(v)) return -2;
    PithObject *iv = pith_number_index(v);
    if (!iv) return -1;
    int ovf;
    int64_t x = pith_int_as_i64_overflow(iv, &ovf);
    PITH_DECREF(iv);
    if (ovf || x < 0 || x > (bytes_mode ? 255 : 0x10FFFF)) {
        pith_err_set_string(&pith_exc_OverflowError, bytes_mode ? "%c arg not in range(256)"
                                                                : "%c arg not in range(0x110000)");
        return -1;
    }
    *cp = (uint32_t)x;
    return 0;
}

static int fmt_char(PithStrBuilder *sb, PithObject *v, bool bytes_mode, int flags,
                    intptr_t width) {
    uint32_t cp;
    int rc = char_arg(v, bytes_mode, &cp);
    if (rc == -2)
        pith_err_set_string(&pith_exc_TypeError,
                            bytes_mode ? "%c requires an integer in range(256) or a single byte"
                                       : "%c requires int or char");
    if (rc < 0) return -1;
    PithObject *s = pith_str_from_char(cp);
    if (!s) return -1;
    int r = emit_padded(sb, s, 0, width, flags, false);
    PITH_DECREF(s);
    return r;
}

/* bytes %s / %b: a bytes-like object or one with __bytes__, as Latin-1 text. */
static PithObject *bytes_text(PithObject *v) {
    const char *d;
    intptr_t n;
    if (pith_bytes_view(v, &d, &n)) return pith_str_from_latin1(d, n);
    static PithObject *name;
    if (!name && !(name = pith_str_intern_cstr("__bytes__"))) return NULL;
    PithObject *meth = pith_lookup_special(v, name);
    if (!meth) {
        if (!pith_err_occurred())
            pith_err_format(&pith_exc_TypeError,
                            "%%b requires a bytes-like object, or an object that implements "
                            "__bytes__, not '%.100s'", pith_type_name(v));
        return NULL;
    }
    PithObject *b = pith_call_noargs(meth);
    PITH_DECREF(meth);
    if (!b) return NULL;
    PithObject *r = pith_bytes_view(b, &d, &n) ? pith_str_from_latin1(d, n) : NULL;
    if (!r && !pith_err_occurred())
        pith_err_format(&pith_exc_TypeError, "__bytes__ returned non-bytes (type %.100s)",
                        pith_type_name(b));
    PITH_DECREF(b);
    return r;
}

/* The text of %s/%r/%a (and bytes' %b); in bytes mode %r means %a. */
static PithObject *text_of(PithObject *v, uint32_t type, bool bytes_mode) {
    if (bytes_mode) return type == 's' || type == 'b' ? bytes_text(v) : pith_ascii(v);
    return type == 's' ? pith_str(v) : type == 'r' ? pith_repr(v) : pith_ascii(v);
}

static int fmt_text(PithStrBuilder *sb, PithObject *v, uint32_t type, bool bytes_mode,
                    int flags, intptr_t width, intptr_t prec) {
    PithObject *s = text_of(v, type, bytes_mode);
    if (!s) return -1;
    if (prec >= 0 && prec < PITH_STR_LEN(s)) {
        PithObject *t = pith_str_substring(s, 0, prec);
        PITH_DECREF(s);
        if (!(s = t)) return -1;
    }
    int r = emit_padded(sb, s, 0, width, flags, false);
    PITH_DECREF(s);
    return r;
}

/* Parse "*" (from args) or digits at fmt[*i]; -1 = absent. */
static intptr_t pct_number(PithStr *f, intptr_t *i, PctArgs *pa, int *flags, bool is_width) {
    intptr_t n = f->length;
    if (*i < n && pith_str_read(f, *i) == '*') {
        (*i)++;
        PithObject *v = next_arg(pa);
        if (!v) return -2;
        if (!pith_int_check(v)) {
            pith_err_set_string(&pith_exc_TypeError, "* wants int");
            return -2;
        }
        intptr_t x = pith_int_as_ssize(v);
        if (x == -1 && pith_err_occurred()) return -2;
        if (x < 0) {
            if (is_width) {
                *flags |= F_LJUST;
                x = -x;
            } else {
                x = 0;
            }
        }
        return x;
    }
    intptr_t v = -1;
    while (*i < n) {
        uint32_t c = pith_str_read(f, *i);
        if (c < '0' || c > '9') break;
        if (v < 0) v = 0;
        if (v > (INTPTR_MAX - 9) / 10) {
            pith_err_set_string(&pith_exc_ValueError, is_width ? "width too big" : "precision too big");
            return -2;
        }
        v = v * 10 + (c - '0');
        (*i)++;
    }
    if (!is_width && v > INT32_MAX) {
        pith_err_set_string(&pith_exc_ValueError, "precision too big");
        return -2;
    }
    return v;
}

/* Parse "(key)" at fmt[*i] (after the '(') and fetch dict[key]. */
static PithObject *pct_key(PithObject *fmt, intptr_t *i, PctArgs *pa) {
    PithStr *f = (PithStr *)fmt;
    if (!pa->dict) {
        pith_err_set_string(&pith_exc_TypeError, "format requires a mapping");
        return NULL;
    }
    intptr_t start = *i, depth = 1;
    while (*i < f->length) {
        uint32_t c = pith_str_read(f, (*i)++);
        if (c == '(') depth++;
        else if (c == ')' && --depth == 0) break;
    }
    if (depth) {
        pith_err_set_string(&pith_exc_ValueError, "incomplete format key");
        return NULL;
    }
    PithObject *key = pith_str_substring(fmt, start, *i - 1);
    if (key && pa->bytes_mode) { /* the key of bytes formatting is bytes */
        PithObject *bkey = pith_str_encode(key, "latin-1", "strict");
        PITH_DECREF(key);
        key = bkey;
    }
    if (!key) return NULL;
    PithObject *v = pith_getitem(pa->dict, key);
    PITH_DECREF(key);
    pa->len = -1; /* positional arguments are exhausted after a key */
    pa->idx = -1;
    return v;
}

/* One conversion starting after '%' at *i. */
static int pct_one(PithStrBuilder *sb, PithObject *fmt, intptr_t *i, PctArgs *pa) {
    PithStr *f = (PithStr *)fmt;
    intptr_t n = f->length;
    PithObject *keyed = NULL;
    if (*i < n && pith_str_read(f, *i) == '(') {
        (*i)++;
        if (!(keyed = pct_key(fmt, i, pa))) return -1;
    }
    int flags = 0;
    for (; *i < n; (*i)++) {
        uint32_t c = pith_str_read(f, *i);
        int bit = c == '-' ? F_LJUST : c == '+' ? F_SIGN : c == ' ' ? F_BLANK
                : c == '#' ? F_ALT : c == '0' ? F_ZERO : 0;
        if (!bit) break;
        flags |= bit;
    }
    int rc = -1;
    intptr_t width = pct_number(f, i, pa, &flags, true), prec = -1;
    if (width == -2) goto done;
    if (*i < n && pith_str_read(f, *i) == '.') {
        (*i)++;
        prec = pct_number(f, i, pa, &flags, false);
        if (prec == -2) goto done;
        if (prec < 0) prec = 0;
    }
    while (*i < n && (pith_str_read(f, *i) == 'h' || pith_str_read(f, *i) == 'l' ||
                      pith_str_read(f, *i) == 'L'))
        (*i)++;
    if (*i >= n) {
        pith_err_set_string(&pith_exc_ValueError, "incomplete format");
        goto done;
    }
    uint32_t type = pith_str_read(f, (*i)++);
    PithObject *v = keyed ? keyed : next_arg(pa);
    if (!v) goto done;
    if (flags & F_SIGN) flags &= ~F_BLANK;
    if (type == 'b' && !pa->bytes_mode) type = 0; /* %b exists for bytes only */
    switch (type) {
    case 's': case 'r': case 'a': case 'b':
        rc = fmt_text(sb, v, type, pa->bytes_mode, flags, width, prec);
        break;
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        rc = fmt_integer(sb, v, type, flags, width, prec);
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        rc = fmt_float(sb, v, type, flags, width, prec);
        break;
    case 'c':
        rc = fmt_char(sb, v, pa->bytes_mode, flags, width);
        break;
    default:
        type = pith_str_read(f, *i - 1);
        pith_err_format(&pith_exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                        (int)(type >= 31 && type <= 126 ? type : '?'), (unsigned)type, *i - 1);
    }
done:
    PITH_XDECREF(keyed);
    return rc;
}

PithObject *pith_str_percent_format_mode(PithObject *fmt, PithObject *args, bool bytes_mode) {
    PctArgs pa = {args, NULL, -1, -2, bytes_mode};
    if (pith_tuple_check(args)) {
        pa.len = PITH_SIZE(args);
        pa.idx = 0;
    }
    PithMappingMethods *mp = PITH_TYPE(args)->tp_as_mapping;
    if (mp && mp->mp_subscript && !pith_tuple_check(args) && !pith_str_check(args) &&
        !(bytes_mode && (pith_bytes_check(args) || pith_bytearray_check(args))))
        pa.dict = args;
    PithStr *f = (PithStr *)fmt;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    intptr_t i = 0, n = f->length;
    while (i < n) {
        uint32_t c = pith_str_read(f, i++);
        if (c != '%') {
            if (pith_sb_append_char(&sb, c) < 0) goto fail;
            continue;
        }
        if (i < n && pith_str_read(f, i) == '%') {
            i++;
            if (pith_sb_append_char(&sb, '%') < 0) goto fail;
            continue;
        }
        if (pct_one(&sb, fmt, &i, &pa) < 0) goto fail;
    }
    if (pa.idx < pa.len && !pa.dict) {
        pith_err_set_string(&pith_exc_TypeError,
                            bytes_mode ? "not all arguments converted during bytes formatting"
                                       : "not all arguments converted during string formatting");
        goto fail;
    }
    return pith_sb_finish(&sb);
fail:
    pith_sb_discard(&sb);
    return NULL;
}

PithObject *pith_str_percent_format(PithObject *fmt, PithObject *args) {
    return pith_str_percent_format_mode(fmt, args, false);
}
