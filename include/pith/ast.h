/* ast.h — the abstract syntax tree (the contract between parser and
 * compiler). It mirrors CPython 3.11's Python.asdl node for node, so the
 * `ast` module can later expose it with the same names and fields.
 *
 * Memory: all nodes and sequences live in a PithArena and are freed with it.
 * Identifiers are interned str objects and constants are Python objects; the
 * arena holds one reference to each (pith_arena_add_object) and drops them
 * when freed. Optional fields are NULL when absent.
 * Positions: lineno 1-based, col_offset 0-based UTF-8 byte offsets, as CPython.
 */
#ifndef PITH_AST_H
#define PITH_AST_H

#include "object.h"

typedef struct PithArena PithArena;
PithArena *pith_arena_new(void);
void pith_arena_free(PithArena *a);
void *pith_arena_alloc(PithArena *a, size_t size); /* zeroed, NULL on OOM */
int pith_arena_add_object(PithArena *a, PithObject *o); /* steals o */

/* A sequence of node pointers (or ints cast to intptr_t for cmpop). */
typedef struct PithAstSeq {
    intptr_t size;
    void *items[];
} PithAstSeq;
#define PITH_SEQ_LEN(s) ((s) ? (s)->size : 0)
#define PITH_SEQ_GET(s, i) ((s)->items[i])
PithAstSeq *pith_ast_seq_new(PithArena *a, intptr_t size);

typedef struct PithExpr PithExpr;
typedef struct PithStmt PithStmt;
typedef struct PithPattern PithPattern;

typedef enum { PITH_CTX_Load = 1, PITH_CTX_Store, PITH_CTX_Del } PithExprContext;
typedef enum { PITH_BOOL_And = 1, PITH_BOOL_Or } PithBoolOp;
typedef enum {
    PITH_OP_Add = 1, PITH_OP_Sub, PITH_OP_Mult, PITH_OP_MatMult, PITH_OP_Div,
    PITH_OP_Mod, PITH_OP_Pow, PITH_OP_LShift, PITH_OP_RShift, PITH_OP_BitOr,
    PITH_OP_BitXor, PITH_OP_BitAnd, PITH_OP_FloorDiv
} PithOperator;
typedef enum { PITH_UNARY_Invert = 1, PITH_UNARY_Not, PITH_UNARY_UAdd, PITH_UNARY_USub } PithUnaryOp;
typedef enum {
    PITH_CMP_Eq = 1, PITH_CMP_NotEq, PITH_CMP_Lt, PITH_CMP_LtE, PITH_CMP_Gt,
    PITH_CMP_GtE, PITH_CMP_Is, PITH_CMP_IsNot, PITH_CMP_In, PITH_CMP_NotIn
} PithCmpOp;

typedef struct PithComprehension {
    PithExpr *target, *iter;
    PithAstSeq *ifs; /* PithExpr* */
    int is_async;
} PithComprehension;

typedef struct PithExceptHandler {
    PithExpr *type;      /* optional */
    PithObject *name;    /* optional identifier */
    PithAstSeq *body;    /* PithStmt* */
    int lineno, col_offset, end_lineno, end_col_offset;
} PithExceptHandler;

typedef struct PithArg {
    PithObject *arg;       /* identifier */
    PithExpr *annotation;  /* optional */
    PithObject *type_comment; /* optional, ignored */
    int lineno, col_offset, end_lineno, end_col_offset;
} PithArg;

typedef struct PithArguments {
    PithAstSeq *posonlyargs; /* PithArg* */
    PithAstSeq *args;        /* PithArg* */
    PithArg *vararg;         /* optional */
    PithAstSeq *kwonlyargs;  /* PithArg* */
    PithAstSeq *kw_defaults; /* PithExpr*, NULL entries for no default */
    PithArg *kwarg;          /* optional */
    PithAstSeq *defaults;    /* PithExpr*, for the last len(defaults) positional params */
} PithArguments;

typedef struct PithKeyword {
    PithObject *arg; /* identifier, NULL for **kwargs */
    PithExpr *value;
    int lineno, col_offset, end_lineno, end_col_offset;
} PithKeyword;

typedef struct PithAlias {
    PithObject *name;   /* dotted name as one str, or "*" */
    PithObject *asname; /* optional */
    int lineno, col_offset, end_lineno, end_col_offset;
} PithAlias;

typedef struct PithWithItem {
    PithExpr *context_expr;
    PithExpr *optional_vars; /* optional */
} PithWithItem;

typedef struct PithMatchCase {
    PithPattern *pattern;
    PithExpr *guard; /* optional */
    PithAstSeq *body;
} PithMatchCase;

/* ---- expressions -------------------------------------------------------- */
typedef enum {
    PITH_E_BoolOp = 1, PITH_E_NamedExpr, PITH_E_BinOp, PITH_E_UnaryOp,
    PITH_E_Lambda, PITH_E_IfExp, PITH_E_Dict, PITH_E_Set, PITH_E_ListComp,
    PITH_E_SetComp, PITH_E_DictComp, PITH_E_GeneratorExp, PITH_E_Await,
    PITH_E_Yield, PITH_E_YieldFrom, PITH_E_Compare, PITH_E_Call,
    PITH_E_FormattedValue, PITH_E_JoinedStr, PITH_E_Constant,
    PITH_E_Attribute, PITH_E_Subscript, PITH_E_Starred, PITH_E_Name,
    PITH_E_List, PITH_E_Tuple, PITH_E_Slice
} PithExprKind;

struct PithExpr {
    PithExprKind kind;
    union {
        struct { PithBoolOp op; PithAstSeq *values; } BoolOp;
        struct { PithExpr *target, *value; } NamedExpr;
        struct { PithExpr *left; PithOperator op; PithExpr *right; } BinOp;
        struct { PithUnaryOp op; PithExpr *operand; } UnaryOp;
        struct { PithArguments *args; PithExpr *body; } Lambda;
        struct { PithExpr *test, *body, *orelse; } IfExp;
        /* keys[i] NULL means values[i] is a **mapping */
        struct { PithAstSeq *keys, *values; } Dict;
        struct { PithAstSeq *elts; } Set;
        struct { PithExpr *elt; PithAstSeq *generators; } ListComp; /* PithComprehension* */
        struct { PithExpr *elt; PithAstSeq *generators; } SetComp;
        struct { PithExpr *key, *value; PithAstSeq *generators; } DictComp;
        struct { PithExpr *elt; PithAstSeq *generators; } GeneratorExp;
        struct { PithExpr *value; } Await;
        struct { PithExpr *value; } Yield; /* value optional */
        struct { PithExpr *value; } YieldFrom;
        /* ops: items are PithCmpOp values cast to void* via (intptr_t) */
        struct { PithExpr *left; PithAstSeq *ops, *comparators; } Compare;
        struct { PithExpr *func; PithAstSeq *args, *keywords; } Call; /* keywords: PithKeyword* */
        /* conversion: -1 none, 's', 'r', 'a' */
        struct { PithExpr *value; int conversion; PithExpr *format_spec; } FormattedValue;
        struct { PithAstSeq *values; } JoinedStr;
        /* kind: "u" for u"" strings, else NULL */
        struct { PithObject *value; PithObject *kind; } Constant;
        struct { PithExpr *value; PithObject *attr; PithExprContext ctx; } Attribute;
        struct { PithExpr *value, *slice; PithExprContext ctx; } Subscript;
        struct { PithExpr *value; PithExprContext ctx; } Starred;
        struct { PithObject *id; PithExprContext ctx; } Name;
        struct { PithAstSeq *elts; PithExprContext ctx; } List;
        struct { PithAstSeq *elts; PithExprContext ctx; } Tuple;
        struct { PithExpr *lower, *upper, *step; } Slice; /* all optional */
    } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* ---- patterns (match statement) --------------------------------------- */
typedef enum {
    PITH_P_MatchValue = 1, PITH_P_MatchSingleton, PITH_P_MatchSequence,
    PITH_P_MatchMapping, PITH_P_MatchClass, PITH_P_MatchStar, PITH_P_MatchAs,
    PITH_P_MatchOr
} PithPatternKind;

struct PithPattern {
    PithPatternKind kind;
    union {
        struct { PithExpr *value; } MatchValue;
        struct { PithObject *value; } MatchSingleton; /* None/True/False */
        struct { PithAstSeq *patterns; } MatchSequence;
        struct { PithAstSeq *keys, *patterns; PithObject *rest; } MatchMapping;
        /* kwd_attrs: identifiers (PithObject*) */
        struct { PithExpr *cls; PithAstSeq *patterns, *kwd_attrs, *kwd_patterns; } MatchClass;
        struct { PithObject *name; } MatchStar;             /* name optional */
        struct { PithPattern *pattern; PithObject *name; } MatchAs; /* both optional */
        struct { PithAstSeq *patterns; } MatchOr;
    } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* ---- statements --------------------------------------------------------- */
typedef enum {
    PITH_S_FunctionDef = 1, PITH_S_AsyncFunctionDef, PITH_S_ClassDef,
    PITH_S_Return, PITH_S_Delete, PITH_S_Assign, PITH_S_AugAssign,
    PITH_S_AnnAssign, PITH_S_For, PITH_S_AsyncFor, PITH_S_While, PITH_S_If,
    PITH_S_With, PITH_S_AsyncWith, PITH_S_Match, PITH_S_Raise, PITH_S_Try,
    PITH_S_TryStar, PITH_S_Assert, PITH_S_Import, PITH_S_ImportFrom,
    PITH_S_Global, PITH_S_Nonlocal, PITH_S_Expr, PITH_S_Pass, PITH_S_Break,
    PITH_S_Continue
} PithStmtKind;

struct PithStmt {
    PithStmtKind kind;
    union {
        /* also AsyncFunctionDef */
        struct {
            PithObject *name;
            PithArguments *args;
            PithAstSeq *body, *decorator_list;
            PithExpr *returns;       /* optional */
            PithObject *type_comment; /* optional, ignored */
        } FunctionDef;
        struct {
            PithObject *name;
            PithAstSeq *bases, *keywords, *body, *decorator_list;
        } ClassDef;
        struct { PithExpr *value; } Return; /* optional */
        struct { PithAstSeq *targets; } Delete;
        struct { PithAstSeq *targets; PithExpr *value; PithObject *type_comment; } Assign;
        struct { PithExpr *target; PithOperator op; PithExpr *value; } AugAssign;
        struct { PithExpr *target, *annotation, *value; int simple; } AnnAssign;
        /* also AsyncFor */
        struct { PithExpr *target, *iter; PithAstSeq *body, *orelse; PithObject *type_comment; } For;
        struct { PithExpr *test; PithAstSeq *body, *orelse; } While;
        struct { PithExpr *test; PithAstSeq *body, *orelse; } If;
        /* also AsyncWith; items: PithWithItem* */
        struct { PithAstSeq *items, *body; PithObject *type_comment; } With;
        struct { PithExpr *subject; PithAstSeq *cases; } Match; /* PithMatchCase* */
        struct { PithExpr *exc, *cause; } Raise; /* both optional */
        /* also TryStar; handlers: PithExceptHandler* */
        struct { PithAstSeq *body, *handlers, *orelse, *finalbody; } Try;
        struct { PithExpr *test, *msg; } Assert;
        struct { PithAstSeq *names; } Import; /* PithAlias* */
        struct { PithObject *module; PithAstSeq *names; int level; } ImportFrom;
        struct { PithAstSeq *names; } Global;   /* identifiers */
        struct { PithAstSeq *names; } Nonlocal; /* identifiers */
        struct { PithExpr *value; } Expr;
    } v;
    int lineno, col_offset, end_lineno, end_col_offset;
};

/* ---- modules ------------------------------------------------------------ */
typedef enum {
    PITH_M_Module = 1, PITH_M_Interactive, PITH_M_Expression, PITH_M_FunctionType
} PithModKind;

typedef struct PithMod {
    PithModKind kind;
    PithAstSeq *body;   /* Module, Interactive: PithStmt* */
    PithExpr *expr;     /* Expression body; FunctionType returns */
    PithAstSeq *argtypes; /* FunctionType */
} PithMod;

/* Compile/parse modes. */
typedef enum { PITH_MODE_EXEC = 0, PITH_MODE_EVAL, PITH_MODE_SINGLE, PITH_MODE_FUNC_TYPE } PithMode;

#endif
