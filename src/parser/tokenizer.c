/* tokenizer.c — Python 3.11 tokenizer: UTF-8 source text -> tokens.
 *
 * Produces NAME/NUMBER/STRING/operator tokens plus NEWLINE, INDENT, DEDENT
 * and ENDMARKER, one per call, with CPython's positions (1-based lines,
 * 0-based byte columns) and CPython's error messages and locations.
 *
 * Invariants:
 *  - The buffer ends with '\n' followed by NUL (the parser guarantees it),
 *    so every line is newline-terminated.
 *  - `line_start` is the first byte of the line containing `cur` (updated
 *    lazily by nextc when it steps past a '\n').
 *  - indstack[0] == 0; indstack is strictly increasing up to `indent`.
 *  - Once an error was raised, `failed` is set and every call returns
 *    PITH_T_ERROR without raising again.
 *  - `nul_line` is the start of the first line holding a NUL byte (NULL if
 *    none). As CPython, which reads the source line by line, the error is
 *    raised when that line is first read: nextc then sets `nul_hit` and
 *    reports end of input, and pith_tokenizer_next raises the error.
 */
#include "pith/pith.h"
#include "pith/token.h"

#include <stdio.h>
#include <string.h>

#define MAX_INDENT 100
#define MAX_PAREN 200
#define TABSIZE 8
#define EOF_CHAR (-1)

struct PithTokenizer {
    const char *buf, *cur, *end;
    const char *line_start;
    int lineno;
    PithObject *filename; /* borrowed */
    bool interactive;
    bool atbol;  /* at the beginning of a logical line */
    bool failed;
    bool file_input;
    bool nul_hit; /* nextc reached nul_line */
    const char *nul_line;
    int indent;  /* index of the current level in indstack */
    int indstack[MAX_INDENT], altindstack[MAX_INDENT];
    int pendin;  /* > 0: INDENTs to emit, < 0: DEDENTs */
    int level;   /* paren nesting */
    char parenstack[MAX_PAREN];
    int parenline[MAX_PAREN], parencol[MAX_PAREN];
    /* start of the token being scanned */
    const char *tok_start, *tok_line_start;
    int tok_lineno;
};

PithTokenizer *pith_tokenizer_new(const char *buf, size_t len,
                                  PithObject *filename, bool interactive) {
    PithTokenizer *t = pith_mem_calloc(1, sizeof(*t));
    if (!t) {
        pith_err_no_memory();
        return NULL;
    }
    t->buf = t->cur = t->line_start = buf;
    t->end = buf + len;
    t->lineno = 1;
    t->filename = filename;
    t->interactive = interactive;
    t->atbol = true;
    const char *nul = memchr(buf, 0, len);
    if (nul) {
        t->nul_line = nul;
        while (t->nul_line > buf && t->nul_line[-1] != '\n') t->nul_line--;
    }
    return t;
}

void pith_tokenizer_free(PithTokenizer *t) { pith_mem_free(t); }

void pith_tokenizer_set_file_input(PithTokenizer *t, bool file_input) {
    t->file_input = file_input;
}

/* ---- character access ---------------------------------------------------- */

static int nextc(PithTokenizer *t) {
    if (t->cur >= t->end) return EOF_CHAR;
    if (t->cur > t->buf && t->cur[-1] == '\n' && t->line_start != t->cur) {
        t->lineno++;
        t->line_start = t->cur;
    }
    if (t->cur == t->nul_line) {
        t->nul_hit = true;
        t->cur = t->end;
        return EOF_CHAR;
    }
    return (unsigned char)*t->cur++;
}

static void backup(PithTokenizer *t, int c) {
    if (c != EOF_CHAR) t->cur--;
}

static int peekc(PithTokenizer *t) {
    return t->cur < t->end ? (unsigned char)*t->cur : EOF_CHAR;
}

/* Decode one UTF-8 sequence at s (s < end); sets *n to its byte length.
 * Invalid bytes decode as themselves with length 1. */
static uint32_t utf8_decode(const char *s, const char *end, int *n) {
    const unsigned char *u = (const unsigned char *)s;
    int len = u[0] < 0x80 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
    if (len > end - s) len = 1;
    uint32_t cp = len == 1 ? u[0] : len == 2 ? (u[0] & 0x1F) : len == 3 ? (u[0] & 0x0F) : (u[0] & 0x07);
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *n = 1;
            return u[0];
        }
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    *n = len;
    return cp;
}

static bool is_id_start_ascii(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
static bool is_id_char_ascii(int c) {
    return is_id_start_ascii(c) || (c >= '0' && c <= '9');
}
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* ---- errors ---------------------------------------------------------------- */

/* Number of code points in the first nbytes of s. */
static int char_count(const char *s, int nbytes) {
    int n = 0;
    for (int i = 0; i < nbytes && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

static int line_length(const char *line, bool with_newline) {
    const char *e = strchr(line, '\n');
    int n = e ? (int)(e - line) : (int)strlen(line);
    return (e && with_newline) ? n + 1 : n;
}

/* Convert a 1-based byte column to a 1-based character column. */
static int to_char_col(const char *line, int col1) {
    if (!line || col1 <= 0) return col1;
    int len = line_length(line, true);
    if (col1 - 1 > len) return col1 - len + char_count(line, len);
    return char_count(line, col1 - 1) + 1;
}

void pith_syntax_error_at(PithType *type, PithObject *filename, const char *msg,
                          const char *line, int lineno, int col1,
                          int end_lineno, int end_col1, bool to_chars, bool with_newline) {
    PithObject *text = NULL;
    if (line) {
        text = pith_str_from_utf8(line, line_length(line, with_newline));
        if (!text) pith_err_clear();
    }
    int off = to_chars ? to_char_col(line, col1) : col1;
    int end_off = to_chars && end_lineno == lineno ? to_char_col(line, end_col1) : end_col1;
    pith_err_syntax_location(type, msg, filename, lineno, off, end_lineno,
                             end_off, text);
    PITH_XDECREF(text);
}

/* Raise at explicit 1-based byte columns of the current line. */
static PithTokenType tok_error_cols(PithTokenizer *t, PithType *type,
                                    const char *msg, int col1, int end_col1) {
    pith_syntax_error_at(type, t->filename, msg, t->line_start, t->lineno, col1,
                         t->lineno, end_col1, true, false);
    t->failed = true;
    return PITH_T_ERROR;
}

/* Raise with offset = the column of `cur` (CPython's syntaxerror()). */
static PithTokenType tok_error(PithTokenizer *t, const char *msg) {
    int col = (int)(t->cur - t->line_start);
    return tok_error_cols(t, &pith_exc_SyntaxError, msg, col, col);
}

/* ---- positions ------------------------------------------------------------- */

static void begin_token(PithTokenizer *t) {
    t->tok_start = t->cur;
    t->tok_lineno = t->lineno;
    t->tok_line_start = t->line_start;
    /* cur may sit just past a '\n' before nextc moved line_start; at the
     * end of input tokens stay on the last line (as CPython reports them) */
    if (t->cur < t->end && t->cur > t->buf && t->cur[-1] == '\n' && t->line_start != t->cur) {
        t->tok_lineno = t->lineno + 1;
        t->tok_line_start = t->cur;
    }
}

static PithTokenType finish(PithTokenizer *t, PithToken *out, PithTokenType type) {
    out->type = type;
    out->kw = 0;
    out->start = t->tok_start;
    out->end = t->cur;
    out->line_start = t->tok_line_start;
    out->lineno = t->tok_lineno;
    out->col = (int)(t->tok_start - t->tok_line_start);
    out->end_lineno = t->lineno;
    out->end_col = (int)(t->cur - t->line_start);
    if (t->cur > t->buf && t->cur[-1] == '\n' && t->cur == t->line_start) {
        /* token ended exactly at a line start: count it on the previous line */
        out->end_col = 0;
    }
    return type;
}

/* ---- indentation ----------------------------------------------------------- */

/* Measure indentation at the start of a line. Returns false on error.
 * Sets *blank when the line holds no tokens (comment / empty). */
static bool read_indent(PithTokenizer *t, bool *blank) {
    int col = 0, altcol = 0, c;
    for (;;) {
        c = nextc(t);
        if (c == ' ') col++, altcol++;
        else if (c == '\t') col = (col / TABSIZE + 1) * TABSIZE, altcol++;
        else if (c == '\014') col = altcol = 0; /* form feed */
        else break;
    }
    backup(t, c);
    *blank = (c == '#' || c == '\n' || c == '\r' || c == EOF_CHAR || c == '\\') &&
             !(t->interactive && c == '\n');
    if (c == '\\') {
        /* a backslash continuation line counts as blank only if the next line is */
        *blank = false;
    }
    if (*blank || t->level > 0) return true;
    int *ind = t->indstack, *alt = t->altindstack;
    if (col == ind[t->indent]) {
        if (altcol != alt[t->indent]) goto tab_error;
    } else if (col > ind[t->indent]) {
        if (t->indent + 1 >= MAX_INDENT) {
            tok_error_cols(t, &pith_exc_IndentationError,
                           "too many levels of indentation", 1, 0);
            return false;
        }
        if (altcol <= alt[t->indent]) goto tab_error;
        t->pendin++;
        t->indent++;
        ind[t->indent] = col;
        alt[t->indent] = altcol;
    } else {
        while (t->indent > 0 && col < ind[t->indent]) {
            t->pendin--;
            t->indent--;
        }
        if (col != ind[t->indent]) {
            int len = line_length(t->line_start, true);
            pith_syntax_error_at(&pith_exc_IndentationError, t->filename,
                                 "unindent does not match any outer indentation level",
                                 t->line_start, t->lineno, len, t->lineno, -1, true, true);
            t->failed = true;
            return false;
        }
        if (altcol != alt[t->indent]) goto tab_error;
    }
    return true;
tab_error:
    pith_syntax_error_at(&pith_exc_TabError, t->filename,
                         "inconsistent use of tabs and spaces in indentation",
                         t->line_start, t->lineno, 1, t->lineno, 0, true, true);
    t->failed = true;
    return false;
}

/* ---- numbers --------------------------------------------------------------- */

/* Followed by a keyword that may legally follow a number ("1if x else y"). */
static bool keyword_follows(PithTokenizer *t, int c) {
    static const char *const kws[] = {"and", "else", "for", "if", "in", "is", "not", "or", NULL};
    const char *s = t->cur - 1;
    for (int i = 0; kws[i]; i++) {
        size_t n = strlen(kws[i]);
        if (kws[i][0] == c && strncmp(s, kws[i], n) == 0) return true;
    }
    return false;
}

/* SyntaxWarning at filename:lineno (compiler/syntaxwarn.c): 0 shown or
 * ignored, 1 configured as an error, -1 failure. */
int pith_syntax_warn(PithObject *filename, int lineno, const char *msg);

/* c was just read after a number; reject identifier characters. A keyword
 * that valid code may put there (`1if x else y`) only gets a warning. */
static bool verify_end_of_number(PithTokenizer *t, int c, const char *kind) {
    if (c >= 128 || c == EOF_CHAR || !is_id_char_ascii(c)) return true;
    char msg[64];
    snprintf(msg, sizeof msg, "invalid %s literal", kind);
    if (keyword_follows(t, c)) {
        int r = pith_syntax_warn(t->filename, t->lineno, msg);
        if (r == 0) return true;
        if (r < 0) {
            t->failed = true;
            return false;
        }
    }
    backup(t, c);
    tok_error(t, msg);
    return false;
}

/* Digits with single underscores; first digit already read. Returns the
 * next char, or 0 after an error. */
static int decimal_tail(PithTokenizer *t) {
    int c;
    for (;;) {
        do c = nextc(t); while (is_digit(c));
        if (c != '_') return c;
        c = nextc(t);
        if (!is_digit(c)) {
            backup(t, c);
            tok_error(t, "invalid decimal literal");
            return 0;
        }
    }
}

/* Radix literal after "0x"/"0o"/"0b"; `ok` accepts a digit of the radix. */
static bool radix_number(PithTokenizer *t, int radix, const char *kind) {
    int c = nextc(t);
    char msg[64];
    do {
        if (c == '_') c = nextc(t);
        bool ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix);
        if (!ok) {
            if (radix != 16 && is_digit(c)) {
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
                tok_error(t, msg);
                return false;
            }
            backup(t, c);
            snprintf(msg, sizeof msg, "invalid %s literal", kind);
            tok_error(t, msg);
            return false;
        }
        do c = nextc(t);
        while (radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix));
    } while (c == '_');
    if (radix != 16 && is_digit(c)) {
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
        tok_error(t, msg);
        return false;
    }
    if (!verify_end_of_number(t, c, kind)) return false;
    backup(t, c);
    return true;
}

/* Fraction / exponent / imaginary part; c is the char after the integer
 * part (or after '.' when in_fraction). Returns false on error. */
static bool number_rest(PithTokenizer *t, int c, bool in_fraction) {
    if (in_fraction || c == '.') {
        if (!in_fraction) c = nextc(t);
        if (is_digit(c) && !(c = decimal_tail(t))) return false;
    }
    if (c == 'e' || c == 'E') {
        int e = c;
        c = nextc(t);
        if (c == '+' || c == '-') {
            c = nextc(t);
            if (!is_digit(c)) {
                backup(t, c);
                tok_error(t, "invalid decimal literal");
                return false;
            }
        } else if (!is_digit(c)) {
            backup(t, c);
            if (!verify_end_of_number(t, e, "decimal")) return false;
            backup(t, e);
            return true;
        }
        if (!(c = decimal_tail(t))) return false;
    }
    if (c == 'j' || c == 'J') {
        c = nextc(t);
        if (!verify_end_of_number(t, c, "imaginary")) return false;
    } else if (!verify_end_of_number(t, c, "decimal")) {
        return false;
    }
    backup(t, c);
    return true;
}

/* Number starting with '0' (already read). */
static bool zero_number(PithTokenizer *t) {
    int c = nextc(t);
    if (c == 'x' || c == 'X') return radix_number(t, 16, "hexadecimal");
    if (c == 'o' || c == 'O') return radix_number(t, 8, "octal");
    if (c == 'b' || c == 'B') return radix_number(t, 2, "binary");
    bool nonzero = false;
    for (;;) {
        if (c == '_') {
            c = nextc(t);
            if (!is_digit(c)) {
                backup(t, c);
                tok_error(t, "invalid decimal literal");
                return false;
            }
        }
        if (c != '0') break;
        c = nextc(t);
    }
    const char *zeros_end = t->cur;
    if (is_digit(c)) {
        nonzero = true;
        if (!(c = decimal_tail(t))) return false;
    }
    if (c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J')
        return number_rest(t, c, false);
    if (nonzero) {
        backup(t, c);
        tok_error_cols(t, &pith_exc_SyntaxError,
                       "leading zeros in decimal integer literals are not permitted; "
                       "use an 0o prefix for octal integers",
                       (int)(t->tok_start - t->line_start) + 1,
                       (int)(zeros_end - t->line_start));
        return false;
    }
    if (!verify_end_of_number(t, c, "decimal")) return false;
    backup(t, c);
    return true;
}

static PithTokenType read_number(PithTokenizer *t, PithToken *out, int c) {
    bool ok;
    if (c == '.') ok = number_rest(t, nextc(t), true);
    else if (c == '0') ok = zero_number(t);
    else {
        c = decimal_tail(t);
        ok = c && number_rest(t, c, false);
    }
    if (!ok) {
        t->failed = true;
        return PITH_T_ERROR;
    }
    return finish(t, out, PITH_T_NUMBER);
}

/* ---- strings --------------------------------------------------------------- */

/* Scan a string body; the opening quote `quote` was just read. */
static PithTokenType read_string(PithTokenizer *t, PithToken *out, int quote) {
    int quote_size = 1, end_quote_size = 0;
    int c = nextc(t);
    if (c == quote) {
        c = nextc(t);
        if (c == quote) quote_size = 3;
        else end_quote_size = 1; /* empty string */
    }
    if (c != quote) backup(t, c);
    while (end_quote_size != quote_size) {
        c = nextc(t);
        if (c == EOF_CHAR || (quote_size == 1 && c == '\n')) {
            char msg[96];
            snprintf(msg, sizeof msg, "unterminated %sstring literal (detected at line %d)",
                     quote_size == 3 ? "triple-quoted " : "", t->lineno);
            int col = (int)(t->tok_start - t->tok_line_start) + 1;
            pith_syntax_error_at(&pith_exc_SyntaxError, t->filename, msg,
                                 t->tok_line_start, t->tok_lineno, col,
                                 t->tok_lineno, col, true, false);
            t->failed = true;
            return PITH_T_ERROR;
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') nextc(t);
        }
    }
    return finish(t, out, PITH_T_STRING);
}

/* Is the identifier just scanned (tok_start..cur) a valid string prefix? */
static bool string_prefix(const char *s, const char *e) {
    bool b = false, r = false, u = false, f = false;
    for (; s < e; s++) {
        char c = (char)(*s | 0x20);
        if (c == 'b' && !b && !u && !f) b = true;
        else if (c == 'r' && !r && !u) r = true;
        else if (c == 'u' && !u && !b && !r && !f) u = true;
        else if (c == 'f' && !f && !b && !u) f = true;
        else return false;
    }
    return true;
}

/* ---- identifiers ----------------------------------------------------------- */

static PithTokenType bad_character(PithTokenizer *t, const char *at, uint32_t cp) {
    char msg[80];
    bool printable = cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA1) &&
                     cp != 0xAD && !(cp >= 0x2000 && cp <= 0x200F) &&
                     !(cp >= 0x2028 && cp <= 0x202F) && cp != 0x205F &&
                     cp != 0x3000 && cp != 0xFEFF;
    if (printable) {
        char utf8[5] = {0};
        int n;
        utf8_decode(at, t->end, &n);
        memcpy(utf8, at, (size_t)n);
        snprintf(msg, sizeof msg, "invalid character '%s' (U+%04X)", utf8, cp);
    } else {
        snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", cp);
    }
    int col = (int)(at - t->line_start) + 1;
    return tok_error_cols(t, &pith_exc_SyntaxError, msg, col, col);
}

/* Scan the rest of an identifier; validates non-ASCII characters. */
static PithTokenType read_name(PithTokenizer *t, PithToken *out) {
    for (;;) {
        int c = peekc(t);
        if (c < 128) {
            if (c == EOF_CHAR || !is_id_char_ascii(c)) break;
            t->cur++;
            continue;
        }
        int n;
        uint32_t cp = utf8_decode(t->cur, t->end, &n);
        if (!pith_unicode_isidentifier_continue(cp)) {
            if (pith_unicode_isidentifier_start(cp)) break;
            return bad_character(t, t->cur, cp);
        }
        t->cur += n;
    }
    return finish(t, out, PITH_T_NAME);
}

/* ---- operators ------------------------------------------------------------- */

typedef struct {
    const char *text;
    PithTokenType type;
} OpEntry;

/* Longest operators first so that prefix matching picks the longest. */
static const OpEntry ops[] = {
    {"**=", PITH_T_DOUBLESTAREQUAL}, {"//=", PITH_T_DOUBLESLASHEQUAL},
    {">>=", PITH_T_RIGHTSHIFTEQUAL}, {"<<=", PITH_T_LEFTSHIFTEQUAL},
    {"...", PITH_T_ELLIPSIS},        {"!=", PITH_T_NOTEQUAL},
    {"%=", PITH_T_PERCENTEQUAL},     {"&=", PITH_T_AMPEREQUAL},
    {"**", PITH_T_DOUBLESTAR},       {"*=", PITH_T_STAREQUAL},
    {"+=", PITH_T_PLUSEQUAL},        {"-=", PITH_T_MINEQUAL},
    {"->", PITH_T_RARROW},           {"//", PITH_T_DOUBLESLASH},
    {"/=", PITH_T_SLASHEQUAL},       {":=", PITH_T_COLONEQUAL},
    {"<<", PITH_T_LEFTSHIFT},        {"<=", PITH_T_LESSEQUAL},
    {"<>", PITH_T_BADCHAR},          {"==", PITH_T_EQEQUAL},
    {">=", PITH_T_GREATEREQUAL},     {">>", PITH_T_RIGHTSHIFT},
    {"@=", PITH_T_ATEQUAL},          {"^=", PITH_T_CIRCUMFLEXEQUAL},
    {"|=", PITH_T_VBAREQUAL},        {"%", PITH_T_PERCENT},
    {"&", PITH_T_AMPER},             {"(", PITH_T_LPAR},
    {")", PITH_T_RPAR},              {"*", PITH_T_STAR},
    {"+", PITH_T_PLUS},              {",", PITH_T_COMMA},
    {"-", PITH_T_MINUS},             {".", PITH_T_DOT},
    {"/", PITH_T_SLASH},             {":", PITH_T_COLON},
    {";", PITH_T_SEMI},              {"<", PITH_T_LESS},
    {"=", PITH_T_EQUAL},             {">", PITH_T_GREATER},
    {"@", PITH_T_AT},                {"[", PITH_T_LSQB},
    {"]", PITH_T_RSQB},              {"^", PITH_T_CIRCUMFLEX},
    {"{", PITH_T_LBRACE},            {"|", PITH_T_VBAR},
    {"}", PITH_T_RBRACE},            {"~", PITH_T_TILDE},
    {"!", PITH_T_EXCLAMATION},       {NULL, PITH_T_ERROR},
};

const char *pith_token_text(PithTokenType type) {
    for (int i = 0; ops[i].text; i++)
        if (ops[i].type == type && type != PITH_T_BADCHAR) return ops[i].text;
    return "";
}

/* Track brackets; raises the mismatch errors. */
static bool track_paren(PithTokenizer *t, int c) {
    int col = (int)(t->tok_start - t->tok_line_start);
    if (c == '(' || c == '[' || c == '{') {
        if (t->level >= MAX_PAREN) {
            tok_error(t, "too many nested parentheses");
            return false;
        }
        t->parenstack[t->level] = (char)c;
        t->parenline[t->level] = t->lineno;
        t->parencol[t->level] = col;
        t->level++;
        return true;
    }
    if (c != ')' && c != ']' && c != '}') return true;
    char msg[120];
    if (t->level == 0) {
        snprintf(msg, sizeof msg, "unmatched '%c'", c);
        tok_error_cols(t, &pith_exc_SyntaxError, msg, col + 1, col + 1);
        return false;
    }
    t->level--;
    char open = t->parenstack[t->level];
    if ((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))
        return true;
    if (t->parenline[t->level] != t->lineno)
        snprintf(msg, sizeof msg,
                 "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                 c, open, t->parenline[t->level]);
    else
        snprintf(msg, sizeof msg,
                 "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
    tok_error_cols(t, &pith_exc_SyntaxError, msg, col + 1, col + 1);
    return false;
}

static PithTokenType read_operator(PithTokenizer *t, PithToken *out, int c) {
    const char *s = t->cur - 1;
    for (int i = 0; ops[i].text; i++) {
        if (ops[i].text[0] != c) continue;
        size_t n = strlen(ops[i].text);
        if (strncmp(s, ops[i].text, n) == 0) {
            t->cur = s + n;
            if (n == 1 && !track_paren(t, c)) return PITH_T_ERROR;
            return finish(t, out, ops[i].type);
        }
    }
    return finish(t, out, PITH_T_BADCHAR);
}

/* ---- main loop ------------------------------------------------------------- */

/* Skip spaces, tabs, form feeds and a comment. */
static int skip_blanks(PithTokenizer *t) {
    int c;
    do c = nextc(t);
    while (c == ' ' || c == '\t' || c == '\014');
    if (c == '#') {
        while (c != '\n' && c != EOF_CHAR) c = nextc(t);
    }
    return c;
}

/* Backslash-newline continuation; c == '\\' was read. */
static bool continuation(PithTokenizer *t) {
    int c = nextc(t);
    if (c != '\n') {
        int col = (int)(t->cur - t->line_start);
        tok_error_cols(t, &pith_exc_SyntaxError,
                       "unexpected character after line continuation character", col, 0);
        return false;
    }
    if (peekc(t) == EOF_CHAR) {
        /* CPython reading a file has already dropped lines after the first */
        int col = t->file_input && t->lineno > 1 ? 0 : (int)(t->cur - t->line_start);
        tok_error_cols(t, &pith_exc_SyntaxError, "unexpected EOF while parsing", col, -1);
        return false;
    }
    return true;
}

static PithTokenType emit_pending(PithTokenizer *t, PithToken *out) {
    begin_token(t);
    if (t->pendin < 0) {
        t->pendin++;
        return finish(t, out, PITH_T_DEDENT);
    }
    t->pendin--;
    return finish(t, out, PITH_T_INDENT);
}

static PithTokenType scan(PithTokenizer *t, PithToken *out) {
    bool blank = false;
again:
    if (t->atbol) {
        t->atbol = false;
        if (!read_indent(t, &blank)) return PITH_T_ERROR;
    }
    if (t->pendin != 0) return emit_pending(t, out);
    int c = skip_blanks(t);
    backup(t, c);
    begin_token(t);
    c = nextc(t);
    if (c == EOF_CHAR) {
        /* dedent everything at end of input */
        if (t->indent > 0) {
            t->pendin = -t->indent;
            t->indent = 0;
            return emit_pending(t, out);
        }
        return finish(t, out, PITH_T_ENDMARKER);
    }
    if (c == '\n' || c == '\r') {
        if (c == '\r' && peekc(t) == '\n') nextc(t);
        t->atbol = true;
        if (blank || t->level > 0) goto again;
        finish(t, out, PITH_T_NEWLINE);
        out->end_col = out->col;
        out->end_lineno = out->lineno;
        return PITH_T_NEWLINE;
    }
    if (c == '\\') {
        if (!continuation(t)) return PITH_T_ERROR;
        goto again;
    }
    if (is_id_start_ascii(c) || c >= 128) {
        if (c >= 128) {
            int n;
            uint32_t cp = utf8_decode(t->cur - 1, t->end, &n);
            if (!pith_unicode_isidentifier_start(cp)) return bad_character(t, t->cur - 1, cp);
            t->cur += n - 1;
        }
        PithTokenType r = read_name(t, out);
        int q = peekc(t);
        if (r == PITH_T_NAME && (q == '"' || q == '\'') && string_prefix(out->start, out->end)) {
            nextc(t);
            return read_string(t, out, q);
        }
        return r;
    }
    if (is_digit(c) || (c == '.' && is_digit(peekc(t)))) return read_number(t, out, c);
    if (c == '"' || c == '\'') return read_string(t, out, c);
    return read_operator(t, out, c);
}

PithTokenType pith_tokenizer_next(PithTokenizer *t, PithToken *out) {
    memset(out, 0, sizeof *out);
    if (t->failed) {
        out->type = PITH_T_ERROR;
        return PITH_T_ERROR;
    }
    PithTokenType r = scan(t, out);
    if (t->nul_hit) {
        /* whatever scanning made of the truncated input, the NUL wins; the
         * text is the line up to the NUL byte, with no column */
        pith_err_clear();
        pith_syntax_error_at(&pith_exc_SyntaxError, t->filename,
                             "source code cannot contain null bytes", t->line_start,
                             t->lineno, 0, t->lineno, 0, false, false);
        r = PITH_T_ERROR;
    }
    if (r == PITH_T_ERROR) {
        t->failed = true;
        out->type = PITH_T_ERROR;
        out->lineno = out->end_lineno = t->lineno;
        out->line_start = t->line_start;
    }
    return r;
}

int pith_tokenizer_open_paren(PithTokenizer *t, char *kind, int *lineno, int *col) {
    if (t->level == 0) return 0;
    *kind = t->parenstack[t->level - 1];
    *lineno = t->parenline[t->level - 1];
    *col = t->parencol[t->level - 1];
    return t->level;
}

PithObject *pith_tokenizer_line(PithTokenizer *t, int lineno) {
    const char *s = t->buf;
    for (int l = 1; l < lineno && s < t->end; l++) {
        const char *nl = memchr(s, '\n', (size_t)(t->end - s));
        if (!nl) return NULL;
        s = nl + 1;
    }
    if (s >= t->end) return NULL;
    return pith_str_from_utf8(s, line_length(s, true));
}
