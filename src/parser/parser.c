/* parser.c — parser infrastructure and the entry point pith_parse():
 * source preparation (BOM, PEP 263 coding line, newlines), the lazy token
 * buffer, error reporting with CPython's locations, node allocation and the
 * top-level rules for the exec / eval / single / func_type modes.
 *
 * Error priority (as CPython 3.11): when the parser raises a SyntaxError,
 * the rest of the source is tokenized; a tokenizer error found there
 * replaces it, and reaching the end inside an open bracket replaces it with
 * "'(' was never closed".
 */
#include "parser_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- keywords -------------------------------------------------------------- */

#define KW_TEXT(name) #name,
static const char *const kw_texts[] = {"", PITH_KEYWORD_LIST(KW_TEXT)};
#undef KW_TEXT

const char *pp_kw_text(int kw) { return kw_texts[kw]; }

static int keyword_of(const char *s, size_t n) {
    if (n < 2 || n > 8) return 0;
    for (int k = 1; k < PITH_KW_COUNT; k++)
        if (kw_texts[k][0] == s[0] && strlen(kw_texts[k]) == n && memcmp(kw_texts[k], s, n) == 0)
            return k;
    return 0;
}

/* ---- token buffer ---------------------------------------------------------- */

static void shift_token(Parser *p, PithToken *t) {
    if (t->lineno == 1) t->col += p->col_shift;
    if (t->end_lineno == 1) t->end_col += p->col_shift;
    t->lineno += p->line_shift;
    t->end_lineno += p->line_shift;
}

/* Fetch one more token. On a tokenizer error the token has type ERROR. */
static bool fill(Parser *p) {
    if (p->ntoks == p->cap) {
        int nc = p->cap ? p->cap * 2 : 256;
        PithToken *n = pith_mem_realloc(p->toks, (size_t)nc * sizeof(PithToken));
        if (!n) {
            pith_err_no_memory();
            p->error = true;
            return false;
        }
        p->toks = n;
        p->cap = nc;
    }
    PithToken *t = &p->toks[p->ntoks];
    if (p->ntoks > 0 && (t[-1].type == PITH_T_ENDMARKER || t[-1].type == PITH_T_ERROR)) {
        *t = t[-1];
    } else if (pith_tokenizer_next(p->tz, t) == PITH_T_ERROR) {
        p->tok_failed = true;
        p->error = true;
    } else {
        if (t->type == PITH_T_NAME) t->kw = keyword_of(t->start, (size_t)(t->end - t->start));
        if (p->in_fstring) shift_token(p, t);
    }
    p->ntoks++;
    return true;
}

PithToken *pp_peek_at(Parser *p, int k) {
    while (p->pos + k >= p->ntoks)
        if (!fill(p)) return &p->toks[p->ntoks - 1];
    return &p->toks[p->pos + k];
}

PithToken *pp_peek(Parser *p) { return pp_peek_at(p, 0); }

PithToken *pp_advance(Parser *p) {
    PithToken *t = pp_peek(p);
    if (t->type != PITH_T_ENDMARKER && t->type != PITH_T_ERROR) p->pos++;
    return &p->toks[p->pos - 1 >= 0 ? p->pos - 1 : 0];
}

PithToken *pp_last(Parser *p) { return &p->toks[p->pos > 0 ? p->pos - 1 : 0]; }

bool pp_at(Parser *p, PithTokenType t) { return pp_peek(p)->type == t; }

bool pp_at_kw(Parser *p, int kw) {
    PithToken *t = pp_peek(p);
    return t->type == PITH_T_NAME && t->kw == kw;
}

bool pp_tok_is(PithToken *t, const char *text) {
    size_t n = strlen(text);
    return t->type == PITH_T_NAME && (size_t)(t->end - t->start) == n &&
           memcmp(t->start, text, n) == 0;
}

bool pp_at_soft(Parser *p, const char *name) { return pp_tok_is(pp_peek(p), name); }

bool pp_accept(Parser *p, PithTokenType t) {
    if (!pp_at(p, t)) return false;
    pp_advance(p);
    return true;
}

bool pp_accept_kw(Parser *p, int kw) {
    if (!pp_at_kw(p, kw)) return false;
    pp_advance(p);
    return true;
}

PithToken *pp_expect(Parser *p, PithTokenType t) {
    if (pp_at(p, t)) return pp_advance(p);
    return pp_invalid_syntax(p);
}

PithToken *pp_expect_kw(Parser *p, int kw) {
    if (pp_at_kw(p, kw)) return pp_advance(p);
    return pp_invalid_syntax(p);
}

/* "expected ':'"-style errors are reported at the last consumed token's end
 * (CPython's RAISE_SYNTAX_ERROR on a forced token). */
PithToken *pp_expect_msg(Parser *p, PithTokenType t, const char *msg) {
    if (pp_at(p, t)) return pp_advance(p);
    if (p->error) return NULL;
    PithToken *cur = pp_peek(p);
    if (cur->type == PITH_T_ERROR) return pp_fail(p);
    return pp_error_tok(p, cur, &pith_exc_SyntaxError, "%s", msg);
}

Pos pp_start(Parser *p) {
    PithToken *t = pp_peek(p);
    Pos r = {t->lineno, t->col};
    return r;
}

/* ---- errors ---------------------------------------------------------------- */

void *pp_fail(Parser *p) {
    p->error = true;
    return NULL;
}

/* Error text of a string source: the tokenizer's current line keeps its
 * newline, except the one pith added; lines before it are read without
 * (CPython's tokenizer buffers). Files always keep it. The current line is
 * known to be the last one once the tokenizer ran to the end; otherwise
 * it is taken to be the error's line. */
static bool text_newline(Parser *p, int lineno) {
    if (p->file_input || p->in_fstring) return true;
    if (lineno == p->nlines) return !p->bare_nl;
    return !p->tok_done;
}

/* Raise at explicit token-style positions (0-based byte cols; end -1 kept).
 * Inside f-string expressions CPython reports positions and text of the
 * "(expr)" sub-source, with an "f-string: " prefix. */
static void raise_at(Parser *p, PithType *type, const char *line, int lineno, int col,
                     int end_lineno, int end_col, const char *msg) {
    if (p->error) return;
    p->error = true;
    char fmsg[600];
    if (p->in_fstring) {
        snprintf(fmsg, sizeof fmsg, "f-string: %s", msg);
        msg = fmsg;
        if (lineno - p->line_shift == 1) col -= p->col_shift;
        if (end_lineno - p->line_shift == 1 && end_col != PP_END_NONE) end_col -= p->col_shift;
        lineno -= p->line_shift;
        end_lineno -= p->line_shift;
    }
    const char *l = line;
    PithObject *lo = NULL;
    if (!l) {
        lo = pith_tokenizer_line(p->tz, lineno);
        if (lo) l = pith_str_utf8(lo);
        if (!l) pith_err_clear();
    }
    char *owned = l ? pith_mem_strdup(l) : NULL;
    PITH_XDECREF(lo);
    /* end_col PP_END_NONE reports -1; otherwise 1-based like CPython's
     * RAISE_ERROR_KNOWN_LOCATION (so -1 becomes 0) */
    pith_syntax_error_at(type, p->filename, msg, owned, lineno, col + 1, end_lineno,
                         end_col == PP_END_NONE ? -1 : end_col + 1, !p->file_input,
                         text_newline(p, lineno));
    pith_mem_free(owned);
}

static void vformat(char *buf, size_t n, const char *fmt, va_list ap) {
    vsnprintf(buf, n, fmt, ap);
}

/* The end of an eval/single source lacking a final newline (see bare_nl):
 * pith's NEWLINE on the added '\n', or the ENDMARKER after it. */
static bool bare_end(Parser *p, PithToken *t) {
    return p->bare_nl && (t->type == PITH_T_ENDMARKER ||
                          (t->type == PITH_T_NEWLINE && t->start == p->bare_nl));
}

void *pp_error_tok(Parser *p, PithToken *t, PithType *type, const char *fmt, ...) {
    if (p->error) return NULL;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vformat(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (bare_end(p, t)) {
        /* no column: the tokenizer's, the end of the (unterminated) last line */
        raise_at(p, type, NULL, p->nlines, p->bare_col - 1, p->nlines, PP_END_NONE, msg);
        return NULL;
    }
    if (t->type == PITH_T_INDENT || t->type == PITH_T_DEDENT || t->type == PITH_T_ENDMARKER) {
        /* CPython gives these no column: it reports the tokenizer column
         * (0 at the end of a file) */
        bool eof0 = p->file_input && t->type != PITH_T_INDENT && t->col > 0 &&
                    t->line_start[t->col - 1] == '\n';
        raise_at(p, type, NULL, t->lineno, eof0 ? -1 : t->col - 1, t->lineno, PP_END_NONE, msg);
        return NULL;
    }
    raise_at(p, type, NULL, t->lineno, t->col, t->end_lineno, t->end_col, msg);
    return NULL;
}

void *pp_error(Parser *p, const char *fmt, ...) {
    if (p->error) return NULL;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vformat(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return pp_error_tok(p, pp_peek(p), &pith_exc_SyntaxError, "%s", msg);
}

void *pp_error_range(Parser *p, int l, int c, int el, int ec, const char *fmt, ...) {
    if (p->error) return NULL;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vformat(msg, sizeof msg, fmt, ap);
    va_end(ap);
    raise_at(p, &pith_exc_SyntaxError, NULL, l, c, el, ec, msg);
    return NULL;
}

void *pp_error_expr(Parser *p, PithExpr *e, const char *fmt, ...) {
    if (p->error) return NULL;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vformat(msg, sizeof msg, fmt, ap);
    va_end(ap);
    raise_at(p, &pith_exc_SyntaxError, NULL, e->lineno, e->col_offset, e->end_lineno,
             e->end_col_offset, msg);
    return NULL;
}

void *pp_error_expr_range(Parser *p, PithExpr *a, PithExpr *b, const char *fmt, ...) {
    if (p->error) return NULL;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vformat(msg, sizeof msg, fmt, ap);
    va_end(ap);
    raise_at(p, &pith_exc_SyntaxError, NULL, a->lineno, a->col_offset, b->end_lineno,
             b->end_col_offset, msg);
    return NULL;
}

void *pp_invalid_syntax(Parser *p) {
    if (p->error) return NULL;
    PithToken *t = &p->toks[p->ntoks - 1];
    if (t->type == PITH_T_ERROR) return pp_fail(p);
    if (t->type == PITH_T_INDENT)
        return pp_error_tok(p, t, &pith_exc_IndentationError, "unexpected indent");
    if (t->type == PITH_T_DEDENT)
        return pp_error_tok(p, t, &pith_exc_IndentationError, "unexpected unindent");
    if (bare_end(p, t) || t->type == PITH_T_ENDMARKER) { /* CPython's has no column: 0 */
        int line = p->bare_nl ? p->nlines : t->lineno;
        raise_at(p, &pith_exc_SyntaxError, NULL, line, -1, line, -1, "invalid syntax");
        return NULL;
    }
    if (t->type == PITH_T_NEWLINE) {
        raise_at(p, &pith_exc_SyntaxError, NULL, t->lineno, t->col, t->lineno, t->col,
                 "invalid syntax");
        return NULL;
    }
    return pp_error_tok(p, t, &pith_exc_SyntaxError, "invalid syntax");
}

int pp_mark(Parser *p) { return p->pos; }

bool pp_enter(Parser *p) {
    if (++p->rec <= PP_MAX_REC) return true;
    p->rec--;
    if (!p->error) {
        pith_err_no_memory();
        p->error = true;
    }
    return false;
}

void pp_reset(Parser *p, int mark) {
    p->pos = mark;
    if (p->error && !p->tok_failed) {
        pith_err_clear();
        p->error = false;
    }
}

/* ---- nodes ----------------------------------------------------------------- */

void *pp_alloc(Parser *p, size_t size) {
    void *r = pith_arena_alloc(p->arena, size);
    if (!r) {
        pith_err_no_memory();
        p->error = true;
    }
    return r;
}

/* Positions of a new node: from s to the end of the last consumed token. */
#define SET_POS(n, s, last)                                                    \
    ((n)->lineno = (s).lineno, (n)->col_offset = (s).col,                     \
     (n)->end_lineno = (last)->end_lineno, (n)->end_col_offset = (last)->end_col)

PithExpr *pp_expr(Parser *p, PithExprKind kind, Pos s) {
    PithExpr *e = pp_alloc(p, sizeof(PithExpr));
    if (e) {
        e->kind = kind;
        SET_POS(e, s, pp_last(p));
    }
    return e;
}

PithStmt *pp_stmt(Parser *p, PithStmtKind kind, Pos s) {
    PithStmt *e = pp_alloc(p, sizeof(PithStmt));
    if (e) {
        e->kind = kind;
        SET_POS(e, s, pp_last(p));
    }
    return e;
}

PithPattern *pp_pattern(Parser *p, PithPatternKind kind, Pos s) {
    PithPattern *e = pp_alloc(p, sizeof(PithPattern));
    if (e) {
        e->kind = kind;
        SET_POS(e, s, pp_last(p));
    }
    return e;
}

void pp_copy_pos_expr(PithExpr *dst, const PithExpr *src) {
    dst->lineno = src->lineno;
    dst->col_offset = src->col_offset;
    dst->end_lineno = src->end_lineno;
    dst->end_col_offset = src->end_col_offset;
}

PithObject *pp_own(Parser *p, PithObject *o) {
    if (!o) return pp_fail(p);
    if (pith_arena_add_object(p->arena, o) < 0) return pp_fail(p);
    return o;
}

PithObject *pp_intern(Parser *p, const char *s, size_t len) {
    PithObject *o = pith_str_from_utf8(s, (intptr_t)len);
    if (!o) return pp_fail(p);
    pith_str_intern_in_place(&o);
    return pp_own(p, o);
}

/* Identifiers are NFKC-normalised by CPython; ASCII needs nothing. */
PithObject *pp_name_obj(Parser *p, PithToken *t) {
    return pp_intern(p, t->start, (size_t)(t->end - t->start));
}

/* ---- vectors --------------------------------------------------------------- */

void vec_init(Vec *v) {
    v->items = v->small;
    v->len = 0;
    v->cap = 8;
}

bool vec_push(Parser *p, Vec *v, void *item) {
    if (v->len == v->cap) {
        intptr_t nc = v->cap * 2;
        void **n = pith_mem_malloc((size_t)nc * sizeof(void *));
        if (!n) {
            pith_err_no_memory();
            p->error = true;
            return false;
        }
        memcpy(n, v->items, (size_t)v->len * sizeof(void *));
        if (v->items != v->small) pith_mem_free(v->items);
        v->items = n;
        v->cap = nc;
    }
    v->items[v->len++] = item;
    return true;
}

void vec_free(Vec *v) {
    if (v->items != v->small) pith_mem_free(v->items);
    v->items = v->small;
    v->len = 0;
}

PithAstSeq *vec_finish(Parser *p, Vec *v) {
    PithAstSeq *s = pith_ast_seq_new(p->arena, v->len);
    if (!s) p->error = true;
    else memcpy(s->items, v->items, (size_t)v->len * sizeof(void *));
    vec_free(v);
    return s;
}

PithAstSeq *pp_empty_seq(Parser *p) {
    PithAstSeq *s = pith_ast_seq_new(p->arena, 0);
    if (!s) p->error = true;
    return s;
}

/* ---- source preparation ---------------------------------------------------- */

/* Find a PEP 263 coding declaration in the first two lines. Returns true and
 * sets *latin1 when the encoding is latin-1; raises for unknown encodings. */
static bool check_coding(Parser *p, const char *src, size_t len, bool *latin1) {
    *latin1 = false;
    const char *s = src, *end = src + len;
    for (int line = 0; line < 2 && s < end; line++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        const char *q = s;
        while (q < le && (*q == ' ' || *q == '\t' || *q == '\014')) q++;
        if (q < le && *q == '#') {
            const char *c = q;
            while (c + 6 <= le && memcmp(c, "coding", 6) != 0) c++;
            if (c + 6 < le && (c[6] == ':' || c[6] == '=')) {
                c += 7;
                while (c < le && (*c == ' ' || *c == '\t')) c++;
                const char *n0 = c;
                while (c < le && (((*c | 0x20) >= 'a' && (*c | 0x20) <= 'z') ||
                                  (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || *c == '.'))
                    c++;
                char enc[32] = {0};
                size_t n = (size_t)(c - n0) < sizeof enc - 1 ? (size_t)(c - n0) : sizeof enc - 1;
                for (size_t i = 0; i < n; i++) enc[i] = (char)((n0[i] | 0x20) == '_' ? '-' : n0[i] | 0x20);
                if (!strncmp(enc, "utf-8", 5) || !strcmp(enc, "utf8")) return true;
                if (!strcmp(enc, "latin-1") || !strcmp(enc, "iso-8859-1") ||
                    !strcmp(enc, "iso8859-1") || !strcmp(enc, "latin1") ||
                    !strncmp(enc, "latin-1-", 8) || !strncmp(enc, "iso-8859-1-", 11)) {
                    *latin1 = true;
                    return true;
                }
                if (!strcmp(enc, "ascii") || !strcmp(enc, "us-ascii")) return true;
                pith_err_format(&pith_exc_SyntaxError, "unknown encoding: %s", enc);
                p->error = true;
                return false;
            }
            s = nl ? nl + 1 : end;
            continue;
        }
        if (q < le) break; /* code line: only the first line may hold the decl */
        s = nl ? nl + 1 : end;
    }
    return true;
}

/* Copy src into a NUL-terminated buffer with '\n' newlines, decoding
 * latin-1 if asked and ending with a newline. */
static char *prepare_source(const char *src, size_t len, bool latin1, size_t *outlen) {
    char *buf = pith_mem_malloc(len * 2 + 2);
    if (!buf) return NULL;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c == '\r') {
            buf[n++] = '\n';
            if (i + 1 < len && src[i + 1] == '\n') i++;
        } else if (latin1 && c >= 0x80) {
            buf[n++] = (char)(0xC0 | (c >> 6));
            buf[n++] = (char)(0x80 | (c & 0x3F));
        } else {
            buf[n++] = (char)c;
        }
    }
    if (n == 0 || buf[n - 1] != '\n') buf[n++] = '\n';
    buf[n] = 0;
    *outlen = n;
    return buf;
}

/* The second byte of a 3- or 4-byte sequence led by c: rejects overlong
 * forms, UTF-16 surrogates (ED A0..BF) and code points past U+10FFFF. */
static bool second_byte_ok(unsigned char c, unsigned char b) {
    if (c == 0xE0) return b >= 0xA0;
    if (c == 0xED) return b < 0xA0;
    if (c == 0xF0) return b >= 0x90;
    if (c == 0xF4) return b < 0x90;
    return true;
}

/* Reject invalid UTF-8 like CPython's decoder does for source files. */
static bool check_utf8(Parser *p, const char *s, size_t n) {
    /* lines after one holding a NUL byte are never read: the tokenizer
     * stops there with "source code cannot contain null bytes" */
    const char *nul = memchr(s, 0, n);
    const char *nul_end = nul ? memchr(nul, '\n', n - (size_t)(nul - s)) : NULL;
    if (nul_end) n = (size_t)(nul_end - s);
    size_t i = 0;
    int line = 1;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n') line++;
        if (c < 0x80) {
            i++;
            continue;
        }
        int len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
        bool ok = len > 0 && i + (size_t)len <= n;
        for (int k = 1; ok && k < len; k++) ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
        if (ok && len > 2) ok = second_byte_ok(c, (unsigned char)s[i + 1]);
        if (!ok) {
            /* CPython's message for undecodable source files (no location) */
            pith_err_format(&pith_exc_SyntaxError,
                            "Non-UTF-8 code starting with '\\x%02x' in file %U on line %d, "
                            "but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                            c, p->filename, line);
            p->error = true;
            return false;
        }
        i += (size_t)len;
    }
    return true;
}

/* ---- top level -------------------------------------------------------------- */

static PithMod *new_mod(Parser *p, PithModKind kind) {
    PithMod *m = pp_alloc(p, sizeof(PithMod));
    if (m) m->kind = kind;
    return m;
}

static PithMod *parse_file(Parser *p) {
    Vec body;
    vec_init(&body);
    while (!pp_at(p, PITH_T_ENDMARKER)) {
        if (p->error || !pp_statement(p, &body)) {
            vec_free(&body);
            return pp_fail(p);
        }
    }
    PithMod *m = new_mod(p, PITH_M_Module);
    if (!m) {
        vec_free(&body);
        return NULL;
    }
    m->body = vec_finish(p, &body);
    return p->error ? NULL : m;
}

static void skip_newlines(Parser *p) {
    while (pp_at(p, PITH_T_NEWLINE)) pp_advance(p);
}

static PithMod *parse_eval(Parser *p) {
    skip_newlines(p);
    PithExpr *e = pp_at(p, PITH_T_ENDMARKER) ? pp_invalid_syntax(p) : pp_expressions(p);
    if (!e) return pp_fail(p);
    if (!pp_at(p, PITH_T_NEWLINE) && !pp_at(p, PITH_T_ENDMARKER))
        return pp_after_expr_error(p, e); /* e.g. print "x" */
    skip_newlines(p);
    if (!pp_at(p, PITH_T_ENDMARKER)) return pp_invalid_syntax(p);
    PithMod *m = new_mod(p, PITH_M_Expression);
    if (m) m->expr = e;
    return m;
}

static PithMod *parse_single(Parser *p) {
    Vec body;
    vec_init(&body);
    skip_newlines(p);
    if (!pp_at(p, PITH_T_ENDMARKER) && !pp_statement(p, &body)) {
        vec_free(&body);
        return pp_fail(p);
    }
    PithToken *nl = pp_last(p); /* CPython reports at the statement's NEWLINE */
    int nl_line = nl->lineno, nl_col = nl->col;
    skip_newlines(p);
    if (!pp_at(p, PITH_T_ENDMARKER)) {
        vec_free(&body);
        return pp_error_range(p, nl_line, nl_col, nl_line, nl_col,
                              "multiple statements found while compiling a single statement");
    }
    PithMod *m = new_mod(p, PITH_M_Interactive);
    if (!m) {
        vec_free(&body);
        return NULL;
    }
    m->body = vec_finish(p, &body);
    return m;
}

/* func_type: '(' [type_expressions] ')' '->' expression */
static PithMod *parse_func_type(Parser *p) {
    Vec args;
    vec_init(&args);
    if (!pp_expect(p, PITH_T_LPAR)) return NULL;
    while (!pp_at(p, PITH_T_RPAR)) {
        PithExpr *e = pp_expression(p);
        if (!e || !vec_push(p, &args, e)) {
            vec_free(&args);
            return pp_fail(p);
        }
        if (!pp_accept(p, PITH_T_COMMA)) break;
    }
    PithMod *m = NULL;
    if (pp_expect(p, PITH_T_RPAR) && pp_expect(p, PITH_T_RARROW)) {
        PithExpr *r = pp_expression(p);
        skip_newlines(p);
        if (r && pp_expect(p, PITH_T_ENDMARKER) && (m = new_mod(p, PITH_M_FunctionType))) {
            m->expr = r;
            m->argtypes = vec_finish(p, &args);
            return m;
        }
    }
    vec_free(&args);
    return NULL;
}

/* After a parser error: tokenizer errors later in the file, or an unclosed
 * bracket at the end, take precedence (CPython 3.11 behaviour). */
static void refine_error(Parser *p) {
    if (p->tok_failed || !pith_err_matches(&pith_exc_SyntaxError)) return;
    PithToken *furthest = &p->toks[p->ntoks - 1];
    bool at_end = furthest->type == PITH_T_ENDMARKER;
    int err_line = furthest->lineno;
    PithToken t;
    PithObject *saved = pith_err_fetch();
    PithTokenType r;
    do r = pith_tokenizer_next(p->tz, &t);
    while (r != PITH_T_ENDMARKER && r != PITH_T_ERROR);
    if (r == PITH_T_ERROR) {
        PITH_DECREF(saved);
        return;
    }
    char kind;
    int line, col;
    if (pith_tokenizer_open_paren(p->tz, &kind, &line, &col) && (at_end || err_line > line)) {
        PITH_DECREF(saved);
        char msg[64];
        snprintf(msg, sizeof msg, "'%c' was never closed", kind);
        p->error = false;
        p->tok_done = true;
        raise_at(p, &pith_exc_SyntaxError, NULL, line, col, line, -1, msg);
        return;
    }
    pith_err_restore(saved);
}

/* The parser of an f-string replacement field: "(expr)" as star_expressions. */
PithExpr *pp_fstring_expr_parse(Parser *outer, const char *src, size_t len, int lineno,
                                int col, PithToken *tok) {
    (void)tok;
    Parser sub;
    memset(&sub, 0, sizeof sub);
    sub.tz = pith_tokenizer_new(src, len, outer->filename, false);
    if (!sub.tz) return pp_fail(outer);
    sub.arena = outer->arena;
    sub.filename = outer->filename;
    sub.mode = PITH_MODE_EVAL;
    sub.in_fstring = true;
    sub.file_input = outer->file_input;
    sub.line_shift = lineno - 1;
    sub.col_shift = col;
    sub.outer = outer;
    PithExpr *e = pp_star_expressions(&sub);
    if (e) {
        skip_newlines(&sub);
        if (!pp_at(&sub, PITH_T_ENDMARKER)) e = pp_invalid_syntax(&sub);
    }
    pith_tokenizer_free(sub.tz);
    pith_mem_free(sub.toks);
    if (!e) outer->error = true;
    return e;
}

PithMod *pith_parse(const char *src, size_t len, PithObject *filename, PithMode mode,
                    PithArena *arena) {
    return pith_parse_ex(src, len, filename, mode, PITH_PARSE_AUTO, arena);
}

static bool is_file_input(PithObject *filename, int kind) {
    if (kind != PITH_PARSE_AUTO) return kind == PITH_PARSE_FILE_INPUT;
    const char *f = filename && pith_str_check(filename) ? pith_str_utf8(filename) : NULL;
    if (!f) pith_err_clear();
    return f && f[0] != '<';
}

PithMod *pith_parse_ex(const char *src, size_t len, PithObject *filename, PithMode mode,
                       int input_kind, PithArena *arena) {
    Parser p;
    memset(&p, 0, sizeof p);
    p.arena = arena;
    p.filename = filename;
    p.mode = mode;
    p.file_input = is_file_input(filename, input_kind);
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    bool latin1;
    if (!check_coding(&p, src, len, &latin1)) return NULL;
    size_t n;
    char *buf = prepare_source(src, len, latin1, &n);
    if (!buf) {
        pith_err_no_memory();
        return NULL;
    }
    for (size_t i = 0; len && i < n; i++) p.nlines += buf[i] == '\n'; /* '' has 0 lines */
    if (mode != PITH_MODE_EXEC && (len == 0 || (src[len - 1] != '\n' && src[len - 1] != '\r'))) {
        p.bare_nl = buf + n - 1;
        while (p.bare_nl - p.bare_col > buf && p.bare_nl[-p.bare_col - 1] != '\n') p.bare_col++;
    }
    PithMod *m = NULL;
    if (check_utf8(&p, buf, n) &&
        (p.tz = pith_tokenizer_new(buf, n, filename, mode == PITH_MODE_SINGLE))) {
        pith_tokenizer_set_file_input(p.tz, p.file_input);
        switch (mode) {
        case PITH_MODE_EXEC: m = parse_file(&p); break;
        case PITH_MODE_EVAL: m = parse_eval(&p); break;
        case PITH_MODE_SINGLE: m = parse_single(&p); break;
        default: m = parse_func_type(&p); break;
        }
        if (!m || p.error) {
            m = NULL;
            if (!pith_err_occurred()) pp_invalid_syntax(&p);
            refine_error(&p);
        }
        pith_tokenizer_free(p.tz);
    }
    pith_mem_free(p.toks);
    pith_mem_free(buf);
    return m;
}
