/* parser_internal.h — shared state and helpers of the recursive-descent
 * parser (parser.c, parser_expr.c, parser_stmt.c, parser_pattern.c,
 * strings.c). Not a public header.
 *
 * Conventions: every parse function returns the node, or NULL with an
 * exception set (p->error is then true and all callers unwind). Tokens are
 * fetched lazily into p->toks; p->pos is the current (unconsumed) token.
 */
#ifndef PITH_PARSER_INTERNAL_H
#define PITH_PARSER_INTERNAL_H

#include "pith/pith.h"
#include "pith/ast.h"
#include "pith/parser.h"
#include "pith/token.h"

typedef struct Pos {
    int lineno, col;
} Pos;

typedef struct Parser {
    PithTokenizer *tz;
    PithToken *toks;
    int ntoks, cap;
    int pos;
    PithArena *arena;
    PithObject *filename;
    PithMode mode;
    bool error;          /* an exception is set */
    bool tok_failed;     /* the tokenizer raised; its exception was raised */
    bool file_input;     /* script file: byte offsets in parser errors */
    /* f-string sub-parsers: location shift applied to tokens */
    bool in_fstring;
    int line_shift, col_shift; /* added to positions of line 1 tokens */
    struct Parser *outer;      /* parser of the enclosing f-string, or NULL */
    int in_kwarg;              /* parsing a keyword argument value */
    int depth;                 /* bracket nesting of the rule being parsed */
    int rec;                   /* recursion depth of unbounded rules */
    PithStmt *semi_stmt;       /* last simple statement followed by ';' NEWLINE */
    Pos semi_end;              /* end of that ';' */
    /* eval/single source without a final newline: CPython adds none, so
     * the '\n' pith added (at bare_nl, ending a line of bare_col bytes) is
     * not in error texts, and the input ends in an ENDMARKER without a
     * column. nlines: lines of source. */
    const char *bare_nl;
    int bare_col, nlines;
    bool tok_done; /* the tokenizer ran to the end (errors found after a parser error) */
} Parser;

#define PP_END_NONE (-1000) /* end column reported as -1 */

/* ---- tokens (parser.c) ---- */
PithToken *pp_peek(Parser *p);
PithToken *pp_peek_at(Parser *p, int k); /* k tokens after the current */
PithToken *pp_advance(Parser *p);       /* consume, return the consumed token */
PithToken *pp_last(Parser *p);          /* last consumed token */
bool pp_at(Parser *p, PithTokenType t);
bool pp_at_kw(Parser *p, int kw);
bool pp_at_soft(Parser *p, const char *name); /* NAME with that text */
bool pp_accept(Parser *p, PithTokenType t);
bool pp_accept_kw(Parser *p, int kw);
PithToken *pp_expect(Parser *p, PithTokenType t);          /* generic error */
PithToken *pp_expect_msg(Parser *p, PithTokenType t, const char *msg); /* "expected ':'" */
PithToken *pp_expect_kw(Parser *p, int kw);
Pos pp_start(Parser *p); /* position of the current token */
bool pp_tok_is(PithToken *t, const char *text);

/* ---- errors (parser.c) ---- */
/* Generic "invalid syntax" at the furthest token fetched. Returns NULL. */
void *pp_invalid_syntax(Parser *p);
/* Error at the current token / a token / an explicit range. Return NULL. */
void *pp_error(Parser *p, const char *fmt, ...);
void *pp_error_tok(Parser *p, PithToken *t, PithType *type, const char *fmt, ...);
void *pp_error_range(Parser *p, int l, int c, int el, int ec, const char *fmt, ...);
void *pp_error_expr(Parser *p, PithExpr *e, const char *fmt, ...);
void *pp_error_expr_range(Parser *p, PithExpr *a, PithExpr *b, const char *fmt, ...);
void *pp_fail(Parser *p); /* mark p->error after a callee raised */
/* Speculation: save / restore the position, dropping a raised error. */
int pp_mark(Parser *p);
void pp_reset(Parser *p, int mark);

/* ---- node construction (parser.c) ---- */
PithExpr *pp_expr(Parser *p, PithExprKind kind, Pos start);  /* ends at last token */
PithStmt *pp_stmt(Parser *p, PithStmtKind kind, Pos start);
PithPattern *pp_pattern(Parser *p, PithPatternKind kind, Pos start);
void *pp_alloc(Parser *p, size_t size);
PithObject *pp_intern(Parser *p, const char *s, size_t len); /* arena-owned */
PithObject *pp_name_obj(Parser *p, PithToken *t);
PithObject *pp_own(Parser *p, PithObject *o); /* arena takes o; NULL on error */
void pp_copy_pos_expr(PithExpr *dst, const PithExpr *src);

/* Growable vector of pointers, turned into an arena seq at the end. */
typedef struct Vec {
    void **items;
    intptr_t len, cap;
    void *small[8];
} Vec;
void vec_init(Vec *v);
bool vec_push(Parser *p, Vec *v, void *item);
PithAstSeq *vec_finish(Parser *p, Vec *v); /* frees the vector */
void vec_free(Vec *v);

/* Recursion guard for rules that can nest without brackets (unary
 * operators, lambda, conditional expressions): MemoryError past the limit,
 * as CPython's parser stack overflow. */
#define PP_MAX_REC 6000
bool pp_enter(Parser *p);
static inline void pp_leave(Parser *p) { p->rec--; }

/* ---- expressions (parser_expr.c) ---- */
PithExpr *pp_expression(Parser *p);          /* expression (incl. lambda, if-else) */
PithExpr *pp_named_expression(Parser *p);    /* walrus allowed */
PithExpr *pp_star_expressions(Parser *p);    /* tuple without parens, *x allowed */
PithExpr *pp_expressions(Parser *p);         /* the same without *x (eval input) */
PithExpr *pp_star_named_expression(Parser *p);
PithExpr *pp_bitwise_or(Parser *p);
PithExpr *pp_disjunction(Parser *p);
PithExpr *pp_yield_expr(Parser *p);
PithExpr *pp_star_targets(Parser *p);        /* for-loop / comprehension targets (Store) */
/* An expression ended where the grammar wants a delimiter: raise the best
 * error (missing print parens, forgotten comma, invalid syntax). */
void *pp_after_expr_error(Parser *p, PithExpr *a);
bool pp_starts_expr(PithToken *t);
PithExpr *pp_primary(Parser *p);
PithExpr *pp_class_arguments(Parser *p);
PithExpr *pp_atom(Parser *p);
PithExpr *pp_fstring_expr_parse(Parser *outer, const char *src, size_t len,
                                int lineno, int col, PithToken *tok);
PithArguments *pp_parameters(Parser *p, bool is_lambda, PithTokenType closer);
PithAstSeq *pp_empty_seq(Parser *p);
/* Set ctx on a target, or raise CPython's "cannot assign/delete" error.
 * kind: 0 assignment/for targets, 1 del targets. */
bool pp_set_context(Parser *p, PithExpr *e, PithExprContext ctx);
PithExpr *pp_invalid_target(PithExpr *e, int kind);
const char *pp_expr_name(PithExpr *e);
bool pp_bitwise_or_level(PithExpr *e);

/* ---- statements (parser_stmt.c) ---- */
PithAstSeq *pp_statements_until(Parser *p, PithTokenType end);
PithStmt *pp_statement_list(Parser *p, Vec *out); /* pushes one or more stmts */
bool pp_statement(Parser *p, Vec *out);

/* ---- patterns (parser_pattern.c) ---- */
PithStmt *pp_match_stmt(Parser *p); /* NULL without error = not a match statement */

/* ---- literals (strings.c) ---- */
PithExpr *pp_strings(Parser *p);  /* one or more STRING tokens */
PithExpr *pp_number(Parser *p);   /* a NUMBER token */

/* ---- keywords ---- */
const char *pp_kw_text(int kw);

#endif
