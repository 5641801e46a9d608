/* compile_internal.h — state and helpers shared by the compiler's files:
 * compile.c (units, emission, names, frame blocks, assembly),
 * compile_expr.c (expressions, targets, calls, conditions),
 * compile_stmt.c (statements, control flow, exceptions),
 * compile_func.c (functions, lambdas, classes, comprehensions),
 * compile_match.c (the match statement), compile_future.c (__future__).
 *
 * Every compile function returns 0 on success and -1 with an exception set.
 * Instructions are first collected per unit with symbolic jump targets
 * (label ids); assembly resolves labels to absolute instruction indices,
 * computes the stack depth and the line table. */
#ifndef PITH_COMPILE_INTERNAL_H
#define PITH_COMPILE_INTERNAL_H

#include "pith/pith.h"
#include "pith/compile.h"
#include "pith/linetable.h"
#include "pith/opcode.h"
#include "pith/symtable.h"

typedef struct Instr {
    int op;
    int arg; /* label id for jumps until assembly */
    PithLocation loc;
} Instr;

/* Compile-time frame blocks: what break/continue/return must undo. */
typedef enum {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END,
    FB_WITH, FB_HANDLER_CLEANUP, FB_EXCEPTION_HANDLER, FB_POP_VALUE,
    FB_ASYNC_WITH, FB_EXCEPT_STAR /* the body of an except* clause: cannot be left early */
} FBlockKind;

typedef struct FBlock {
    FBlockKind kind;
    int start, exit;   /* loops: continue / break labels */
    const void *datum; /* FINALLY_TRY: finalbody; HANDLER_CLEANUP: name */
} FBlock;

typedef enum {
    SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION, SCOPE_ASYNC_FUNCTION, SCOPE_LAMBDA,
    SCOPE_COMPREHENSION
} UnitScope;

typedef struct Unit {
    struct Unit *parent;
    PithSTEntry *ste;
    UnitScope scope;
    PithObject *name, *qualname; /* owned */
    PithObject *private_name;    /* borrowed (AST) or NULL */
    PithObject *consts, *names, *varnames, *cellvars, *freevars; /* lists */
    int argcount, posonlyargcount, kwonlyargcount, firstlineno;
    Instr *code;
    int ncode, capcode;
    int *labels; /* label id -> instruction index (-1 = unbound) */
    int nlabels, caplabels;
    PithLocation loc; /* location given to emitted instructions */
    FBlock fb[PITH_MAX_BLOCKS];
    int nfb;
} Unit;

typedef struct Compiler {
    PithObject *filename;
    PithSymtable *st;
    Unit *u;
    int optimize;
    int interactive;
    const char *src;        /* source text when known (for annotations), else NULL */
    size_t srclen;
    int future_annotations; /* from __future__ import annotations */
    int future_lineno;      /* line of the last leading __future__ import (0 = none) */
} Compiler;

/* ---- compile.c ---------------------------------------------------------- */
int cu_emit(Compiler *c, int op, int arg);
int cu_new_label(Compiler *c);          /* label id, or -1 */
int cu_bind(Compiler *c, int label);    /* next instruction is the target */
int cu_add_const(Compiler *c, PithObject *o); /* index or -1; o borrowed */
int cu_load_const(Compiler *c, PithObject *o);
int cu_add_name(Compiler *c, PithObject *name); /* co_names index, mangled */
int cu_error(Compiler *c, const char *msg);     /* SyntaxError at u->loc; -1 */
int cu_error_at(Compiler *c, int lineno, int col, int end_lineno, int end_col,
                const char *msg);
int cu_nameop(Compiler *c, PithObject *name, PithExprContext ctx);
int cu_push_fblock(Compiler *c, FBlockKind kind, int start, int exit, const void *datum);
void cu_pop_fblock(Compiler *c);
int cu_enter_scope(Compiler *c, PithObject *name, UnitScope scope, const void *key,
                   int firstlineno);
void cu_exit_scope(Compiler *c);
/* Finish the current unit into a code object (appends `return None` when
 * add_return). */
PithCode *cu_assemble(Compiler *c, int add_return);
/* The docstring of a body (first statement a str constant), else NULL. */
PithObject *cu_docstring(PithAstSeq *body);
/* Does a body contain annotated assignments (outside nested scopes)? */
int cu_find_ann(PithAstSeq *body);

#define LOC_OF(n) ((PithLocation){(n)->lineno, (n)->end_lineno, (n)->col_offset, (n)->end_col_offset})
#define ADDOP(c, op) do { if (cu_emit((c), PITH_OP_##op, 0) < 0) return -1; } while (0)
#define ADDOP_I(c, op, a) do { if (cu_emit((c), PITH_OP_##op, (a)) < 0) return -1; } while (0)
#define ADDOP_JUMP(c, op, l) ADDOP_I(c, op, l)
#define ADDOP_CONST(c, o) do { if (cu_load_const((c), (o)) < 0) return -1; } while (0)
#define NEW_LABEL(c, l) int l = cu_new_label(c); if (l < 0) return -1
#define BIND(c, l) do { if (cu_bind((c), (l)) < 0) return -1; } while (0)
#define CHECK(x) do { if ((x) < 0) return -1; } while (0)

/* ---- syntaxwarn.c -------------------------------------------------------- */
/* Issue SyntaxWarning msg for filename:lineno (sys.warnoptions honoured):
 * 0 = shown or ignored, 1 = configured as an error (the caller raises
 * SyntaxError msg instead), -1 = failure. Also used by the tokenizer. */
int pith_syntax_warn(PithObject *filename, int lineno, const char *msg);
/* SyntaxWarning at the current location (SyntaxError under -W error). */
int cu_warn(Compiler *c, const char *msg);

/* ---- compile_expr.c ----------------------------------------------------- */
int cx_expr(Compiler *c, PithExpr *e);
int cx_exprs(Compiler *c, PithAstSeq *seq);
int cx_jump_if(Compiler *c, PithExpr *e, int label, int cond);
/* Arguments of a call whose callable slots are pushed, plus `pushed` extra
 * positional values already on the stack. */
int cx_call_helper(Compiler *c, int pushed, PithAstSeq *args, PithAstSeq *keywords);
int cx_augassign(Compiler *c, PithStmt *s);
/* Await the awaitable on top of the stack, leaving its result. */
int cx_await_tos(Compiler *c);
int cx_is_const(PithExpr *e);
/* 1 and *out = the value (new ref) when e is a constant after folding,
 * 0 when it is not, -1 on error. */
int cx_fold_const(PithExpr *e, PithObject **out);
/* An annotation: evaluated, or its source text under `from __future__
 * import annotations`. */
int cx_annotation(Compiler *c, PithExpr *e);

/* ---- compile_stmt.c ----------------------------------------------------- */
int cs_stmt(Compiler *c, PithStmt *s);
int cs_stmts(Compiler *c, PithAstSeq *seq, intptr_t from);
/* The statements of a module/class body: annotations setup, docstring. */
int cs_body(Compiler *c, PithAstSeq *body);

/* ---- compile_future.c --------------------------------------------------- */
/* Check the leading __future__ imports of a module and record them. */
int cfu_check_module(Compiler *c, PithMod *mod);
/* A `from __future__ import ...` statement anywhere: valid only when it is
 * one of the leading ones. */
int cfu_check_import(Compiler *c, PithStmt *s);

/* ---- compile_match.c ---------------------------------------------------- */
int cs_match(Compiler *c, PithStmt *s);

/* ---- compile_func.c ----------------------------------------------------- */
int cf_function(Compiler *c, PithStmt *s);
int cf_class(Compiler *c, PithStmt *s);
int cf_lambda(Compiler *c, PithExpr *e);
int cf_comprehension(Compiler *c, PithExpr *e);
int cf_make_closure(Compiler *c, PithCode *co, int flags);

#endif
