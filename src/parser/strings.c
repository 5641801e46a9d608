/* strings.c — literals: numbers, string/bytes escapes, implicit
 * concatenation, and f-strings with CPython 3.11's rules (replacement
 * fields parsed by a sub-parser, conversions, nested format specs,
 * self-documenting `{x=}`) and error messages.
 *
 * Positions (as CPython 3.11): the JoinedStr and every Constant /
 * FormattedValue inside it span the whole concatenation; a format_spec
 * JoinedStr spans the token holding it; field expressions carry their real
 * source positions.
 */
#include "parser_internal.h"

#include <stdio.h>
#include <string.h>

/* ---- numbers ------------------------------------------------------------------ */

/* A decimal literal past sys.get_int_max_str_digits(): CPython turns the
 * pending ValueError into a SyntaxError covering the token's lines, with
 * no column. */
static PithExpr *digits_limit_error(Parser *p, PithToken *t) {
    PithObject *exc = pith_err_fetch();
    PithObject *msg = exc ? pith_str(exc) : NULL;
    PITH_XDECREF(exc);
    if (!msg) return pp_fail(p);
    pp_error_range(p, t->lineno, -1, t->end_lineno, -1,
                   "%s - Consider hexadecimal for huge integer literals to avoid decimal "
                   "conversion limits.", pith_str_utf8(msg));
    PITH_DECREF(msg);
    return NULL;
}

PithExpr *pp_number(Parser *p) {
    Pos s = pp_start(p);
    PithToken *t = pp_advance(p);
    size_t n = (size_t)(t->end - t->start);
    const char *txt = t->start;
    PithObject *v;
    bool radix = n > 1 && txt[0] == '0' && strchr("xXoObB", txt[1]);
    if (!radix && (txt[n - 1] == 'j' || txt[n - 1] == 'J')) {
        PithObject *f = pith_float_from_string(txt, n - 1, true);
        v = f ? pith_complex_from_doubles(0.0, PITH_FLOAT_VALUE(f)) : NULL;
        PITH_XDECREF(f);
    } else if (!radix && (memchr(txt, '.', n) || memchr(txt, 'e', n) || memchr(txt, 'E', n))) {
        v = pith_float_from_string(txt, n, true);
    } else {
        v = pith_int_from_string(txt, n, 0);
    }
    if (!v && pith_err_matches(&pith_exc_ValueError)) return digits_limit_error(p, t);
    if (!pp_own(p, v)) return NULL;
    PithExpr *e = pp_expr(p, PITH_E_Constant, s);
    if (e) e->v.Constant.value = v;
    return e;
}

/* ---- string context -------------------------------------------------------------- */

typedef struct StrCtx {
    Parser *p;
    PithToken *tok;        /* token being decoded */
    const char *body;      /* its body (after the opening quote) */
    bool raw, bytes, fstr;
    Pos start;             /* location of the whole concatenation */
    int end_lineno, end_col;
} StrCtx;

/* Errors from decoding are reported at the furthest token (CPython's
 * RAISE_SYNTAX_ERROR without a location). */
static void *str_error(StrCtx *c, const char *fmt, ...) {
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    Parser *p = c->p;
    return pp_error_tok(p, &p->toks[p->ntoks - 1], &pith_exc_SyntaxError, "%s", msg);
}

static void set_span(StrCtx *c, PithExpr *e) {
    e->lineno = c->start.lineno;
    e->col_offset = c->start.col;
    e->end_lineno = c->end_lineno;
    e->end_col_offset = c->end_col;
}

/* ---- \N{...} names ------------------------------------------------------------- */

typedef struct {
    const char *name;
    uint32_t cp;
} UniName;

static const UniName uni_names[] = {
    {"SPACE", 0x20}, {"NO-BREAK SPACE", 0xA0}, {"COPYRIGHT SIGN", 0xA9},
    {"REGISTERED SIGN", 0xAE}, {"DEGREE SIGN", 0xB0}, {"PLUS-MINUS SIGN", 0xB1},
    {"MICRO SIGN", 0xB5}, {"PILCROW SIGN", 0xB6}, {"MIDDLE DOT", 0xB7},
    {"MULTIPLICATION SIGN", 0xD7}, {"DIVISION SIGN", 0xF7}, {"SECTION SIGN", 0xA7},
    {"POUND SIGN", 0xA3}, {"YEN SIGN", 0xA5}, {"CENT SIGN", 0xA2},
    {"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xAB},
    {"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xBB},
    {"LATIN SMALL LETTER SHARP S", 0xDF}, {"LATIN SMALL LETTER E WITH ACUTE", 0xE9},
    {"LATIN CAPITAL LETTER E WITH ACUTE", 0xC9}, {"GREEK SMALL LETTER ALPHA", 0x3B1},
    {"GREEK SMALL LETTER BETA", 0x3B2}, {"GREEK SMALL LETTER GAMMA", 0x3B3},
    {"GREEK SMALL LETTER DELTA", 0x3B4}, {"GREEK SMALL LETTER PI", 0x3C0},
    {"GREEK SMALL LETTER LAMDA", 0x3BB}, {"GREEK SMALL LETTER MU", 0x3BC},
    {"GREEK SMALL LETTER SIGMA", 0x3C3}, {"GREEK CAPITAL LETTER DELTA", 0x394},
    {"GREEK CAPITAL LETTER OMEGA", 0x3A9}, {"GREEK CAPITAL LETTER SIGMA", 0x3A3},
    {"EN DASH", 0x2013}, {"EM DASH", 0x2014}, {"HORIZONTAL ELLIPSIS", 0x2026},
    {"LEFT SINGLE QUOTATION MARK", 0x2018}, {"RIGHT SINGLE QUOTATION MARK", 0x2019},
    {"LEFT DOUBLE QUOTATION MARK", 0x201C}, {"RIGHT DOUBLE QUOTATION MARK", 0x201D},
    {"BULLET", 0x2022}, {"EURO SIGN", 0x20AC}, {"TRADE MARK SIGN", 0x2122},
    {"LEFTWARDS ARROW", 0x2190}, {"UPWARDS ARROW", 0x2191}, {"RIGHTWARDS ARROW", 0x2192},
    {"DOWNWARDS ARROW", 0x2193}, {"INFINITY", 0x221E}, {"NOT EQUAL TO", 0x2260},
    {"LESS-THAN OR EQUAL TO", 0x2264}, {"GREATER-THAN OR EQUAL TO", 0x2265},
    {"BLACK STAR", 0x2605}, {"WHITE STAR", 0x2606}, {"SNOWMAN", 0x2603},
    {"CHECK MARK", 0x2713}, {"HEAVY CHECK MARK", 0x2714}, {"BALLOT X", 0x2717},
    {"BLACK HEART SUIT", 0x2665}, {"ZERO WIDTH SPACE", 0x200B},
    {"REPLACEMENT CHARACTER", 0xFFFD}, {"GRINNING FACE", 0x1F600},
    {"SNAKE", 0x1F40D}, {"LINE FEED", 0x0A}, {"CARRIAGE RETURN", 0x0D},
    {"CHARACTER TABULATION", 0x09}, {"NULL", 0x00}, {"ESCAPE", 0x1B},
    {"DELETE", 0x7F}, {"LOW LINE", 0x5F}, {"HYPHEN-MINUS", 0x2D},
    {"FULL STOP", 0x2E}, {"COMMA", 0x2C}, {"COLON", 0x3A}, {"SOLIDUS", 0x2F},
    {"REVERSE SOLIDUS", 0x5C}, {"QUOTATION MARK", 0x22}, {"APOSTROPHE", 0x27},
    {"AMPERSAND", 0x26}, {"ASTERISK", 0x2A}, {"NUMBER SIGN", 0x23},
    {"DOLLAR SIGN", 0x24}, {"PERCENT SIGN", 0x25}, {"COMMERCIAL AT", 0x40},
    {NULL, 0},
};

static bool name_eq(const char *a, const char *b, size_t n) {
    if (strlen(a) != n) return false;
    for (size_t i = 0; i < n; i++) {
        char x = b[i];
        if (x >= 'a' && x <= 'z') x = (char)(x - 32);
        if (a[i] != x) return false;
    }
    return true;
}

/* Look up a character name; returns false when unknown. */
static bool lookup_name(const char *s, size_t n, uint32_t *cp) {
    for (int i = 0; uni_names[i].name; i++)
        if (name_eq(uni_names[i].name, s, n)) {
            *cp = uni_names[i].cp;
            return true;
        }
    static const char *const latin[] = {"LATIN SMALL LETTER ", "LATIN CAPITAL LETTER ", "DIGIT "};
    for (int k = 0; k < 2; k++) {
        size_t pl = strlen(latin[k]);
        if (n == pl + 1 && name_eq(latin[k], s, pl)) {
            char ch = s[pl];
            if (ch >= 'a' && ch <= 'z') ch = (char)(ch - 32);
            if (ch >= 'A' && ch <= 'Z') {
                *cp = (uint32_t)(k == 0 ? ch + 32 : ch);
                return true;
            }
        }
    }
    static const char *const digits[] = {"ZERO", "ONE", "TWO", "THREE", "FOUR",
                                         "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"};
    if (n > 6 && name_eq("DIGIT ", s, 6))
        for (int d = 0; d < 10; d++)
            if (name_eq(digits[d], s + 6, n - 6)) {
                *cp = (uint32_t)('0' + d);
                return true;
            }
    return false;
}

/* ---- escapes ------------------------------------------------------------------- */

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void *escape_error(StrCtx *c, const char *bs, const char *end, const char *what) {
    int a = (int)(bs - c->body), b = (int)(end - c->body);
    if (c->bytes) return str_error(c, "(value error) invalid \\x escape at position %d", a);
    return str_error(c, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: %s",
                     a, b, what);
}

/* Decode one escape; *s points after the backslash. Appends to sb (code
 * points; for bytes the values are < 256). Returns false on error. */
static bool decode_escape(StrCtx *c, const char **s, const char *end, PithStrBuilder *sb) {
    const char *bs = *s - 1;
    if (*s >= end) return pith_sb_append_char(sb, '\\') == 0;
    char ch = *(*s)++;
    uint32_t v;
    switch (ch) {
    case '\n': return true;
    case '\\': v = '\\'; break;
    case '\'': v = '\''; break;
    case '"': v = '"'; break;
    case 'a': v = 7; break;
    case 'b': v = 8; break;
    case 'f': v = 12; break;
    case 'n': v = 10; break;
    case 'r': v = 13; break;
    case 't': v = 9; break;
    case 'v': v = 11; break;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        v = (uint32_t)(ch - '0');
        for (int i = 0; i < 2 && *s < end && **s >= '0' && **s <= '7'; i++) v = v * 8 + (uint32_t)(*(*s)++ - '0');
        if (c->bytes) v &= 0xFF;
        break;
    case 'x': case 'u': case 'U': {
        if (ch != 'x' && c->bytes) goto unknown;
        int nd = ch == 'x' ? 2 : ch == 'u' ? 4 : 8;
        v = 0;
        for (int i = 0; i < nd; i++) {
            int h = *s < end ? hexval((unsigned char)**s) : -1;
            if (h < 0) {
                const char *what = ch == 'x' ? "truncated \\xXX escape"
                                 : ch == 'u' ? "truncated \\uXXXX escape"
                                             : "truncated \\UXXXXXXXX escape";
                escape_error(c, bs, *s - 1, what);
                return false;
            }
            v = v * 16 + (uint32_t)h;
            (*s)++;
        }
        if (v > 0x10FFFF) {
            escape_error(c, bs, *s - 1, "illegal Unicode character");
            return false;
        }
        break;
    }
    case 'N': {
        if (c->bytes) goto unknown;
        const char *close = *s < end && **s == '{' ? memchr(*s, '}', (size_t)(end - *s)) : NULL;
        if (!close || close == *s + 1) {
            escape_error(c, bs, close ? close : end - 1, "malformed \\N character escape");
            return false;
        }
        if (!lookup_name(*s + 1, (size_t)(close - *s - 1), &v)) {
            escape_error(c, bs, close, "unknown Unicode character name");
            return false;
        }
        *s = close + 1;
        break;
    }
    default:
    unknown:
        /* invalid escapes keep the backslash (DeprecationWarning in CPython) */
        (*s)--;
        v = '\\';
        break;
    }
    return pith_sb_append_char(sb, v) == 0;
}

/* Decode UTF-8 text [s, end) with escapes (unless raw) into sb. */
static bool decode_text(StrCtx *c, const char *s, const char *end, PithStrBuilder *sb) {
    while (s < end) {
        const char *bs = c->raw ? NULL : memchr(s, '\\', (size_t)(end - s));
        const char *stop = bs ? bs : end;
        if (stop > s && pith_sb_append_utf8(sb, s, stop - s) < 0) return pp_fail(c->p);
        if (!bs) break;
        s = bs + 1;
        if (!decode_escape(c, &s, end, sb)) return pp_fail(c->p);
    }
    return true;
}

/* ---- f-strings ------------------------------------------------------------------- */

typedef struct Parts {
    Vec values;          /* JoinedStr values */
    PithStrBuilder lit;  /* pending literal text */
    bool has_lit;
} Parts;

static void parts_init(Parts *ps) {
    vec_init(&ps->values);
    pith_sb_init(&ps->lit);
    ps->has_lit = false;
}

static void parts_free(Parts *ps) {
    vec_free(&ps->values);
    pith_sb_discard(&ps->lit);
}

/* Flush pending literal text as a Constant (skipped when empty). */
static bool flush_lit(StrCtx *c, Parts *ps) {
    if (ps->lit.len == 0) return true;
    PithObject *s = pith_sb_finish(&ps->lit);
    pith_sb_init(&ps->lit);
    if (!pp_own(c->p, s)) return false;
    PithExpr *e = pp_alloc(c->p, sizeof(PithExpr));
    if (!e) return false;
    e->kind = PITH_E_Constant;
    e->v.Constant.value = s;
    set_span(c, e);
    return vec_push(c->p, &ps->values, e);
}

static PithExpr *joined(StrCtx *c, Parts *ps) {
    if (!flush_lit(c, ps)) return NULL;
    PithExpr *e = pp_alloc(c->p, sizeof(PithExpr));
    if (!e) return NULL;
    e->kind = PITH_E_JoinedStr;
    e->v.JoinedStr.values = vec_finish(c->p, &ps->values);
    set_span(c, e);
    return e->v.JoinedStr.values ? e : NULL;
}

static bool fstring_body(StrCtx *c, const char **s, const char *end, int level, Parts *ps);

/* Find the end of a replacement-field expression starting at s; stops at
 * '!', ':', '}', or a self-documenting '=' at nesting depth 0. */
static const char *scan_expr(StrCtx *c, const char *s, const char *end) {
    int depth = 0;
    char stack[200];
    char quote = 0;
    int qsize = 0;
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\') return str_error(c, "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote && (qsize == 1 || (s + 2 < end && s[1] == quote && s[2] == quote))) {
                s += qsize - 1;
                quote = 0;
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            quote = ch;
            qsize = (s + 2 < end && s[1] == ch && s[2] == ch) ? 3 : 1;
            s += qsize - 1;
            continue;
        }
        if (ch == '[' || ch == '(' || ch == '{') {
            if (depth >= 200) return str_error(c, "f-string: too many nested parenthesis");
            stack[depth++] = ch;
            continue;
        }
        if (ch == '#') return str_error(c, "f-string expression part cannot include '#'");
        if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '<' || ch == '>')) {
            if (ch == '!' && s + 1 < end && s[1] == '=') { s++; continue; }
            if (ch == '=' && s + 1 < end && s[1] == '=') { s++; continue; }
            if ((ch == '<' || ch == '>') ) { if (s + 1 < end && s[1] == '=') s++; continue; }
            return s;
        }
        if (ch == ']' || ch == ')' || ch == '}') {
            if (depth == 0) return str_error(c, "f-string: unmatched '%c'", ch);
            char open = stack[--depth];
            if ((open == '(' && ch != ')') || (open == '[' && ch != ']') || (open == '{' && ch != '}'))
                return str_error(c, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                                 ch, open);
        }
    }
    if (quote) return str_error(c, "f-string: unterminated string");
    if (depth) return str_error(c, "f-string: unmatched '%c'", stack[depth - 1]);
    return str_error(c, "f-string: expecting '}'");
}

/* Compile the expression text [a, b) of a field whose '{' is at brace. */
static PithExpr *field_expr(StrCtx *c, const char *brace, const char *a, const char *b) {
    const char *q = a;
    while (q < b && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f' || *q == '\r')) q++;
    if (q == b) return str_error(c, "f-string: empty expression not allowed");
    size_t len = (size_t)(b - a);
    char *buf = pith_mem_malloc(len + 4);
    if (!buf) {
        pith_err_no_memory();
        return pp_fail(c->p);
    }
    buf[0] = '(';
    memcpy(buf + 1, a, len);
    buf[len + 1] = ')';
    buf[len + 2] = '\n';
    buf[len + 3] = 0;
    /* location shift as CPython's fstring_find_expr_location */
    const char *tokstart = c->tok->start;
    bool nl_after_brace = true;
    for (const char *t = brace + 1; t < b && *t != '\n'; t++)
        if (*t != ' ' && *t != '\t' && *t != '\f') {
            nl_after_brace = false;
            break;
        }
    int cols = 0, lines = 0;
    if (!nl_after_brace) {
        const char *t = brace;
        while (t > tokstart && *t != '\n') t--;
        cols = (int)(brace - t);
        if (*t == '\n') cols--;
    }
    for (const char *t = tokstart; t < brace; t++)
        if (*t == '\n') lines++;
    /* the token's column only counts when the field is on its first line */
    PithExpr *e = pp_fstring_expr_parse(c->p, buf, len + 3, c->tok->lineno + lines,
                                        (lines == 0 ? c->tok->col : 0) + cols, c->tok);
    pith_mem_free(buf);
    return e;
}

/* Parse one replacement field; *s points after '{'. */
static bool fstring_field(StrCtx *c, const char **s, const char *end, int level, Parts *ps) {
    const char *brace = *s - 1;
    if (level >= 2) return str_error(c, "f-string: expressions nested too deeply");
    const char *ee = scan_expr(c, *s, end);
    if (!ee) return false;
    const char *expr_end = ee;
    bool selfdoc = false;
    if (*ee == '=') {
        selfdoc = true;
        ee++;
        while (ee < end && (*ee == ' ' || *ee == '\t' || *ee == '\n' || *ee == '\f')) ee++;
        if (ee >= end) return str_error(c, "f-string: expecting '}'");
    }
    PithExpr *value = field_expr(c, brace, *s, expr_end);
    if (!value) return false;
    if (selfdoc) {
        if (pith_sb_append_utf8(&ps->lit, *s, ee - *s) < 0) return pp_fail(c->p);
    }
    *s = ee;
    int conversion = -1;
    if (*s < end && **s == '!') {
        (*s)++;
        char cv = *s < end ? **s : 0;
        if (cv != 's' && cv != 'r' && cv != 'a')
            return str_error(c, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        conversion = cv;
        (*s)++;
    }
    PithExpr *spec = NULL;
    if (*s < end && **s == ':') {
        (*s)++;
        Parts sp;
        parts_init(&sp);
        if (!fstring_body(c, s, end, level + 1, &sp) || !(spec = joined(c, &sp))) {
            parts_free(&sp);
            return false;
        }
        /* the spec spans its token; a purely literal spec's Constant too */
        PithToken *t = c->tok;
        PithAstSeq *vals = spec->v.JoinedStr.values;
        bool literal = PITH_SEQ_LEN(vals) == 1 &&
                       ((PithExpr *)PITH_SEQ_GET(vals, 0))->kind == PITH_E_Constant;
        for (intptr_t i = 0; i < (literal ? 1 : 0) + 1; i++) {
            PithExpr *n = i == 0 ? spec : PITH_SEQ_GET(vals, 0);
            n->lineno = t->lineno;
            n->col_offset = t->col;
            n->end_lineno = t->end_lineno;
            n->end_col_offset = t->end_col;
        }
    }
    if (*s >= end || **s != '}') return str_error(c, "f-string: expecting '}'");
    (*s)++;
    if (selfdoc && conversion == -1 && !spec) conversion = 'r';
    if (!flush_lit(c, ps)) return false;
    PithExpr *fv = pp_alloc(c->p, sizeof(PithExpr));
    if (!fv) return false;
    fv->kind = PITH_E_FormattedValue;
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    set_span(c, fv);
    return vec_push(c->p, &ps->values, fv);
}

/* Literal text and fields until end (level 0) or the '}' closing a format
 * spec (level > 0, left unconsumed). */
static bool fstring_body(StrCtx *c, const char **s, const char *end, int level, Parts *ps) {
    while (*s < end) {
        const char *q = *s;
        while (q < end && *q != '{' && *q != '}') {
            if (*q == '\\' && !c->raw && q + 1 < end && q[1] == 'N' && q + 2 < end && q[2] == '{') {
                const char *close = memchr(q, '}', (size_t)(end - q));
                q = close ? close + 1 : end;
                continue;
            }
            q++;
        }
        if (q > *s && !decode_text(c, *s, q, &ps->lit)) return false;
        *s = q;
        if (q >= end) break;
        if (*q == '{') {
            if (level == 0 && q + 1 < end && q[1] == '{') {
                if (pith_sb_append_char(&ps->lit, '{') < 0) return pp_fail(c->p);
                *s = q + 2;
                continue;
            }
            *s = q + 1;
            if (!fstring_field(c, s, end, level, ps)) return false;
            continue;
        }
        /* '}' */
        if (level > 0) return true;
        if (q + 1 < end && q[1] == '}') {
            if (pith_sb_append_char(&ps->lit, '}') < 0) return pp_fail(c->p);
            *s = q + 2;
            continue;
        }
        return str_error(c, "f-string: single '}' is not allowed");
    }
    if (level > 0) return str_error(c, "f-string: expecting '}'");
    return true;
}

/* ---- concatenation ------------------------------------------------------------------- */

typedef struct Lit {
    bool bytes, raw, fstr, u;
    const char *body, *end;
} Lit;

static Lit split_token(PithToken *t) {
    Lit l = {0};
    const char *s = t->start;
    for (; *s != '\'' && *s != '"'; s++) {
        char ch = (char)(*s | 0x20);
        if (ch == 'b') l.bytes = true;
        else if (ch == 'r') l.raw = true;
        else if (ch == 'f') l.fstr = true;
        else if (ch == 'u') l.u = true;
    }
    int q = (s + 2 < t->end && s[1] == s[0] && s[2] == s[0] && t->end - s >= 6) ? 3 : 1;
    l.body = s + q;
    l.end = t->end - q;
    return l;
}

static bool bytes_token(StrCtx *c, Lit *l, PithStrBuilder *sb) {
    for (const char *q = l->body; q < l->end; q++)
        if ((unsigned char)*q >= 0x80)
            return pp_error_tok(c->p, c->tok, &pith_exc_SyntaxError,
                                "bytes can only contain ASCII literal characters");
    return decode_text(c, l->body, l->end, sb);
}

static PithExpr *make_bytes(StrCtx *c, PithStrBuilder *sb) {
    char *buf = pith_mem_malloc((size_t)sb->len + 1);
    if (!buf) {
        pith_err_no_memory();
        return pp_fail(c->p);
    }
    for (intptr_t i = 0; i < sb->len; i++) buf[i] = (char)sb->buf[i];
    PithObject *b = pith_bytes_from(buf, sb->len);
    pith_mem_free(buf);
    pith_sb_discard(sb);
    if (!pp_own(c->p, b)) return NULL;
    PithExpr *e = pp_alloc(c->p, sizeof(PithExpr));
    if (!e) return NULL;
    e->kind = PITH_E_Constant;
    e->v.Constant.value = b;
    set_span(c, e);
    return e;
}

PithExpr *pp_strings(Parser *p) {
    StrCtx c;
    memset(&c, 0, sizeof c);
    c.p = p;
    c.start = pp_start(p);
    int first = p->pos;
    while (pp_at(p, PITH_T_STRING)) pp_advance(p);
    int last = p->pos;
    PithToken *lt = pp_last(p);
    c.end_lineno = lt->end_lineno;
    c.end_col = lt->end_col;
    bool any_bytes = false, any_str = false, any_f = false;
    for (int i = first; i < last; i++) {
        Lit l = split_token(&p->toks[i]);
        any_bytes |= l.bytes;
        any_str |= !l.bytes;
        any_f |= l.fstr;
    }
    if (any_bytes && any_str) return str_error(&c, "cannot mix bytes and nonbytes literals");
    Parts ps;
    parts_init(&ps);
    bool u_kind = split_token(&p->toks[first]).u;
    for (int i = first; i < last; i++) {
        /* p->toks may move while sub-parsers run: index, do not hold */
        c.tok = &p->toks[i];
        Lit l = split_token(c.tok);
        c.body = l.body;
        c.raw = l.raw;
        c.bytes = l.bytes;
        bool ok;
        if (l.bytes) ok = bytes_token(&c, &l, &ps.lit);
        else if (l.fstr) {
            const char *s = l.body;
            ok = fstring_body(&c, &s, l.end, 0, &ps);
        } else ok = decode_text(&c, l.body, l.end, &ps.lit);
        if (!ok) {
            parts_free(&ps);
            return pp_fail(p);
        }
    }
    if (any_bytes) {
        vec_free(&ps.values);
        return make_bytes(&c, &ps.lit);
    }
    if (any_f) {
        PithExpr *e = joined(&c, &ps);
        if (!e) parts_free(&ps);
        return e;
    }
    vec_free(&ps.values);
    PithObject *s = pith_sb_finish(&ps.lit);
    if (!pp_own(p, s)) return NULL;
    PithExpr *e = pp_alloc(p, sizeof(PithExpr));
    if (!e) return NULL;
    e->kind = PITH_E_Constant;
    e->v.Constant.value = s;
    if (u_kind && !(e->v.Constant.kind = pp_intern(p, "u", 1))) return NULL;
    set_span(&c, e);
    return e;
}
