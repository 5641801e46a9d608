/* token.h — token kinds and the tokenizer interface (src/parser/tokenizer.c).
 *
 * The tokenizer works on a NUL-terminated UTF-8 buffer (the parser decodes a
 * BOM / PEP 263 coding line first). Tokens are produced one at a time on
 * demand. Positions: lineno 1-based, col 0-based UTF-8 byte offsets; `start`
 * and `end` point into the buffer; `line_start` is the start of the token's
 * first physical line (for error messages).
 * Invariant: after an error the tokenizer keeps returning PITH_T_ERROR and
 * the SyntaxError it raised the first time has been set once.
 */
#ifndef PITH_TOKEN_H
#define PITH_TOKEN_H

#include "object.h"

#define PITH_TOKEN_LIST(X)                                                     \
    X(ENDMARKER, "") X(NAME, "") X(NUMBER, "") X(STRING, "")                   \
    X(NEWLINE, "") X(INDENT, "") X(DEDENT, "")                                 \
    X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(COLON, ":")          \
    X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*")         \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">")      \
    X(EQUAL, "=") X(DOT, ".") X(PERCENT, "%") X(LBRACE, "{") X(RBRACE, "}")    \
    X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=")                      \
    X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^")                     \
    X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**")                 \
    X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=")                    \
    X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=")              \
    X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=")       \
    X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=")                        \
    X(DOUBLESLASH, "//") X(DOUBLESLASHEQUAL, "//=") X(AT, "@")                 \
    X(ATEQUAL, "@=") X(RARROW, "->") X(ELLIPSIS, "...")                        \
    X(COLONEQUAL, ":=") X(EXCLAMATION, "!")                                    \
    X(BADCHAR, "") X(ERROR, "")

#define PITH_TOKEN_ENUM(name, text) PITH_T_##name,
typedef enum { PITH_TOKEN_LIST(PITH_TOKEN_ENUM) PITH_T_COUNT } PithTokenType;
#undef PITH_TOKEN_ENUM

/* Keywords (hard) and soft keywords, recognised on NAME tokens. */
#define PITH_KEYWORD_LIST(X)                                                   \
    X(False) X(None) X(True) X(and) X(as) X(assert) X(async) X(await)          \
    X(break) X(class) X(continue) X(def) X(del) X(elif) X(else) X(except)      \
    X(finally) X(for) X(from) X(global) X(if) X(import) X(in) X(is)            \
    X(lambda) X(nonlocal) X(not) X(or) X(pass) X(raise) X(return) X(try)       \
    X(while) X(with) X(yield)

#define PITH_KW_ENUM(name) PITH_KW_##name,
typedef enum {
    PITH_KW_NONE_ = 0,
    PITH_KEYWORD_LIST(PITH_KW_ENUM)
    PITH_KW_COUNT
} PithKeywordId;
#undef PITH_KW_ENUM

typedef struct PithToken {
    PithTokenType type;
    int kw;                 /* PithKeywordId for NAME tokens that are keywords, else 0 */
    const char *start, *end;
    const char *line_start; /* start of the first physical line */
    int lineno, col, end_lineno, end_col;
} PithToken;

typedef struct PithTokenizer PithTokenizer;

/* buf must stay alive and NUL-terminated (len excludes the NUL).
 * interactive: blank lines end a statement as in the REPL. */
PithTokenizer *pith_tokenizer_new(const char *buf, size_t len,
                                  PithObject *filename, bool interactive);
void pith_tokenizer_free(PithTokenizer *t);
/* Next token into *out. Returns out->type; PITH_T_ERROR with an exception
 * set (first call) on error. */
PithTokenType pith_tokenizer_next(PithTokenizer *t, PithToken *out);
/* Paren nesting state at end of input (for "'(' was never closed"). */
int pith_tokenizer_open_paren(PithTokenizer *t, char *kind, int *lineno, int *col);
/* Source line lineno (1-based) as a str (with its newline), or NULL. */
PithObject *pith_tokenizer_line(PithTokenizer *t, int lineno);
const char *pith_token_text(PithTokenType type); /* operator text or "" */

/* Raise a SyntaxError-like exception at a byte column of a source line.
 * offsets are 1-based byte columns of `line`, converted to characters when
 * to_chars (values <= 0 are kept). `line` may be NULL. with_newline:
 * include the line's newline in the text. */
void pith_syntax_error_at(PithType *type, PithObject *filename, const char *msg,
                          const char *line, int lineno, int col1,
                          int end_lineno, int end_col1, bool to_chars, bool with_newline);
/* File input (CPython reading a script): errors at the end of input get
 * column 0, as CPython reports them for files. */
void pith_tokenizer_set_file_input(PithTokenizer *t, bool file_input);

#endif
