/* symtable.h — the symbol table pass of the compiler (compiler/symtable.c).
 *
 * Walks a module's AST once, creating one scope entry per module, class,
 * function, lambda and comprehension (3.11: each comprehension is its own
 * function scope whose outermost iterable is evaluated outside and passed
 * as the parameter ".0"), then classifies every name of every scope as
 * local / global (explicit or implicit) / free / cell.
 * Names are stored mangled (private names inside classes: __x -> _C__x).
 */
#ifndef PITH_SYMTABLE_H
#define PITH_SYMTABLE_H

#include "ast.h"

typedef enum { PITH_BLOCK_MODULE, PITH_BLOCK_FUNCTION, PITH_BLOCK_CLASS } PithBlockType;

/* Definition flags recorded per name during the walk. */
#define PITH_DEF_GLOBAL 0x001    /* global statement */
#define PITH_DEF_LOCAL 0x002     /* assigned in this scope */
#define PITH_DEF_PARAM 0x004     /* parameter */
#define PITH_DEF_NONLOCAL 0x008  /* nonlocal statement */
#define PITH_DEF_USE 0x010       /* read in this scope */
#define PITH_DEF_FREE 0x020      /* free in a nested scope */
#define PITH_DEF_FREE_CLASS 0x040 /* free from a class's method */
#define PITH_DEF_IMPORT 0x080    /* bound by import */
#define PITH_DEF_ANNOT 0x100     /* annotated */
#define PITH_DEF_COMP_ITER 0x200 /* comprehension iteration variable */
#define PITH_DEF_BOUND (PITH_DEF_LOCAL | PITH_DEF_PARAM | PITH_DEF_IMPORT)

/* Scopes (result of the analysis), stored at PITH_SCOPE_SHIFT. */
enum {
    PITH_SCOPE_LOCAL = 1,
    PITH_SCOPE_GLOBAL_EXPLICIT,
    PITH_SCOPE_GLOBAL_IMPLICIT,
    PITH_SCOPE_FREE,
    PITH_SCOPE_CELL
};
#define PITH_SCOPE_SHIFT 11
#define PITH_SCOPE_MASK 0x7

typedef enum {
    PITH_COMP_NONE, PITH_COMP_LIST, PITH_COMP_SET, PITH_COMP_DICT, PITH_COMP_GEN
} PithCompKind;

typedef struct PithSTEntry {
    PithBlockType type;
    PithObject *name;      /* "top", function/class name, "lambda", "listcomp"... */
    const void *key;       /* the AST node that opened the scope */
    PithObject *symbols;   /* dict: mangled name -> int (flags | scope << SHIFT) */
    PithObject *varnames;  /* list: parameters in order */
    PithObject *directives; /* dict name -> (line, col, end_line, end_col) of
                               its global/nonlocal statement, or NULL */
    struct PithSTEntry *parent;
    struct PithSTEntry **children;
    int nchildren, capchildren;
    int lineno, col_offset, end_lineno, end_col_offset;
    PithCompKind comprehension; /* != NONE for comprehension scopes */
    unsigned nested : 1;        /* inside a function */
    unsigned generator : 1;
    unsigned coroutine : 1;
    unsigned varargs : 1, varkeywords : 1;
    unsigned free : 1;          /* has free vars (incl. via children) */
    unsigned child_free : 1;
    unsigned needs_class_closure : 1; /* class whose methods use __class__ */
    unsigned returns_value : 1;
} PithSTEntry;

typedef struct PithSymtable {
    PithObject *filename;
    PithSTEntry *top;
    /* build-time state */
    PithSTEntry **stack;
    int depth, capdepth;
    PithSTEntry *cur;
    PithObject *private_name; /* enclosing class name for mangling, or NULL */
} PithSymtable;

/* Build and analyse. NULL + SyntaxError (or MemoryError) on failure. */
PithSymtable *pith_symtable_build(PithMod *mod, PithObject *filename);
void pith_symtable_free(PithSymtable *st);
/* The child scope of `parent` opened by AST node `key` (NULL if none). */
PithSTEntry *pith_symtable_child(PithSTEntry *parent, const void *key);
/* Flags of a (mangled) name in a scope, 0 when unknown. */
int pith_st_flags(PithSTEntry *e, PithObject *name);
/* Scope (PITH_SCOPE_*) of a (mangled) name in a scope, 0 when unknown. */
int pith_st_scope(PithSTEntry *e, PithObject *name);

/* Private name mangling (new ref): `__x` inside class `C` -> `_C__x`;
 * other names are returned unchanged. private_name may be NULL. */
PithObject *pith_mangle(PithObject *private_name, PithObject *name);

/* Raise a SyntaxError at an AST location (1-based line, 0-based columns as
 * in the AST), reading the source line from `filename` when possible. */
void pith_compile_error_at(PithObject *filename, const char *msg, int lineno,
                          int col_offset, int end_lineno, int end_col_offset);

#endif
