/* string.c — the `_string` module behind string.Formatter: splitting a
 * format string into (literal, field_name, format_spec, conversion)
 * records and a field name into its first part and (is_attr, key) steps,
 * with CPython's error messages.
 *
 * Both functions parse the whole input up front and return an iterator
 * over the finished list, so a malformed string raises at the call rather
 * than part-way through iteration (CPython raises lazily). */
#include "pith/pith.h"

typedef struct {
    PithObject *s; /* the str being parsed (borrowed) */
    intptr_t pos, end;
} Cursor;

static uint32_t at(Cursor *c, intptr_t i) { return pith_str_read((PithStr *)c->s, i); }

static int fail(const char *msg) {
    pith_err_set_string(&pith_exc_ValueError, msg);
    return -1;
}

static PithObject *sub(Cursor *c, intptr_t a, intptr_t b) { return pith_str_substring(c->s, a, b); }

/* Append (literal, field, spec, conv) to out; field/spec/conv may be NULL
 * for None. Steals all four. */
static int emit(PithObject *out, PithObject *lit, PithObject *field, PithObject *spec,
                PithObject *conv) {
    int r = -1;
    if (lit) {
        PithObject *t = pith_tuple_pack(4, lit, field ? field : PITH_NONE, spec ? spec : PITH_NONE,
                                        conv ? conv : PITH_NONE);
        if (t) r = pith_list_append(out, t);
        PITH_XDECREF(t);
    }
    PITH_XDECREF(lit);
    PITH_XDECREF(field);
    PITH_XDECREF(spec);
    PITH_XDECREF(conv);
    return r;
}

/* Parse the field after '{' (c->pos just past it) into name, spec, conv. */
static int parse_field(Cursor *c, PithObject **name, PithObject **spec, uint32_t *conv) {
    intptr_t start = c->pos;
    uint32_t ch = 0;
    bool stopped = false;
    while (c->pos < c->end) {
        ch = at(c, c->pos++);
        if (ch == '{') return fail("unexpected '{' in field name");
        if (ch == '[') {
            while (c->pos < c->end && at(c, c->pos) != ']') c->pos++;
            continue;
        }
        if (ch == '}' || ch == ':' || ch == '!') {
            stopped = true;
            break;
        }
    }
    if (!stopped || ch == '}') {
        if (ch != '}') return fail("expected '}' before end of string");
        *name = sub(c, start, c->pos - 1);
        *spec = pith_str_empty();
        return *name && *spec ? 0 : -1;
    }
    *name = sub(c, start, c->pos - 1);
    if (!*name) return -1;
    if (ch == '!') {
        if (c->pos >= c->end) return fail("end of string while looking for conversion specifier");
        *conv = at(c, c->pos++);
        if (c->pos < c->end) {
            ch = at(c, c->pos++);
            if (ch == '}') {
                *spec = pith_str_empty();
                return *spec ? 0 : -1;
            }
            if (ch != ':') return fail("expected ':' after conversion specifier");
        }
    }
    intptr_t sstart = c->pos;
    int depth = 1;
    while (c->pos < c->end) {
        ch = at(c, c->pos++);
        if (ch == '{') {
            depth++;
        } else if (ch == '}' && --depth == 0) {
            *spec = sub(c, sstart, c->pos - 1);
            return *spec ? 0 : -1;
        }
    }
    return fail("unmatched '{' in format spec");
}

/* One literal chunk and the field that follows it, if any. */
static int parse_next(Cursor *c, PithObject *out) {
    intptr_t start = c->pos;
    uint32_t ch = 0;
    bool markup = false;
    while (c->pos < c->end) {
        ch = at(c, c->pos++);
        if (ch == '{' || ch == '}') {
            markup = true;
            break;
        }
    }
    bool at_end = c->pos >= c->end;
    intptr_t len = c->pos - start;
    if (markup && ch == '}' && (at_end || at(c, c->pos) != '}'))
        return fail("Single '}' encountered in format string");
    if (markup && at_end && ch == '{') return fail("Single '{' encountered in format string");
    if (markup) {
        if (at(c, c->pos) == ch) {
            c->pos++; /* escaped brace: part of the literal */
            markup = false;
        } else {
            len--;
        }
    }
    PithObject *lit = sub(c, start, start + len);
    if (!lit) return -1;
    if (!markup) return emit(out, lit, NULL, NULL, NULL);
    PithObject *name = NULL, *spec = NULL;
    uint32_t conv = 0;
    if (parse_field(c, &name, &spec, &conv) < 0) {
        PITH_DECREF(lit);
        PITH_XDECREF(name);
        PITH_XDECREF(spec);
        return -1;
    }
    PithObject *cv = conv ? pith_str_from_char(conv) : NULL;
    if (conv && !cv) {
        PITH_DECREF(lit);
        PITH_DECREF(name);
        PITH_DECREF(spec);
        return -1;
    }
    return emit(out, lit, name, spec, cv);
}

static PithObject *list_iter(PithObject *l) {
    PithObject *it = pith_get_iter(l);
    PITH_DECREF(l);
    return it;
}

static PithObject *formatter_parser(PithObject *m, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    if (!pith_str_check(args[0]))
        return pith_err_format(&pith_exc_TypeError, "expected str, got %s",
                               pith_type_name(args[0]));
    Cursor c = {args[0], 0, PITH_STR_LEN(args[0])};
    PithObject *out = pith_list_new(0);
    if (!out) return NULL;
    while (c.pos < c.end)
        if (parse_next(&c, out) < 0) {
            PITH_DECREF(out);
            return NULL;
        }
    return list_iter(out);
}

/* s[a:b] as an int when it is all decimal digits, else as a str. */
static PithObject *int_or_str(Cursor *c, intptr_t a, intptr_t b) {
    bool digits = b > a;
    intptr_t v = 0;
    for (intptr_t i = a; digits && i < b; i++) {
        uint32_t d = at(c, i);
        digits = d >= '0' && d <= '9';
        if (digits && v > (INTPTR_MAX - (intptr_t)(d - '0')) / 10) {
            fail("Too many decimal digits in format string");
            return NULL;
        }
        if (digits) v = v * 10 + (intptr_t)(d - '0');
    }
    return digits ? pith_int_from_ssize(v) : sub(c, a, b);
}

static int add_step(PithObject *out, bool is_attr, PithObject *key) {
    if (!key) return -1;
    PithObject *t = pith_tuple_pack(2, pith_bool_from(is_attr), key);
    PITH_DECREF(key);
    int r = t ? pith_list_append(out, t) : -1;
    PITH_XDECREF(t);
    return r;
}

static int split_rest(Cursor *c, PithObject *out) {
    while (c->pos < c->end) {
        uint32_t ch = at(c, c->pos++);
        intptr_t start = c->pos;
        if (ch == '.') {
            while (c->pos < c->end && at(c, c->pos) != '.' && at(c, c->pos) != '[') c->pos++;
            if (c->pos == start) return fail("Empty attribute in format string");
            if (add_step(out, true, sub(c, start, c->pos)) < 0) return -1;
        } else if (ch == '[') {
            while (c->pos < c->end && at(c, c->pos) != ']') c->pos++;
            if (c->pos >= c->end) return fail("Missing ']' in format string");
            if (c->pos == start) return fail("Empty attribute in format string");
            if (add_step(out, false, int_or_str(c, start, c->pos)) < 0) return -1;
            c->pos++;
            if (c->pos < c->end && at(c, c->pos) != '.' && at(c, c->pos) != '[')
                return fail("Only '.' or '[' may follow ']' in format field specifier");
        } else {
            return fail("Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return 0;
}

static PithObject *formatter_field_name_split(PithObject *m, PithObject *const *args,
                                              size_t nargs, PithObject *kwnames) {
    if (!pith_str_check(args[0]))
        return pith_err_format(&pith_exc_TypeError, "expected str, got %s",
                               pith_type_name(args[0]));
    Cursor c = {args[0], 0, PITH_STR_LEN(args[0])};
    while (c.pos < c.end && at(&c, c.pos) != '.' && at(&c, c.pos) != '[') c.pos++;
    PithObject *first = int_or_str(&c, 0, c.pos);
    PithObject *rest = first ? pith_list_new(0) : NULL;
    if (!rest || split_rest(&c, rest) < 0) {
        PITH_XDECREF(first);
        PITH_XDECREF(rest);
        return NULL;
    }
    PithObject *it = list_iter(rest);
    PithObject *r = it ? pith_tuple_pack(2, first, it) : NULL;
    PITH_DECREF(first);
    PITH_XDECREF(it);
    return r;
}

static PithMethodDef string_functions[] = {
    {"formatter_parser", formatter_parser, PITH_METH_O, NULL},
    {"formatter_field_name_split", formatter_field_name_split, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_string_module_init(void) {
    PithObject *m = pith_module_new("_string");
    if (!m) return NULL;
    if (pith_module_add_functions(m, string_functions) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
