/* compile_expr.c — expressions: constants (with folding of unary minus and
 * constant tuples), names, operators, short-circuit and chained
 * comparisons, displays with * and ** unpacking, calls (3.11 protocol),
 * f-strings, assignment targets (incl. starred unpacking), augmented
 * assignment, and conditional jumps. */
#include <stdio.h>

#include "compile_internal.h"

static int expr_inner(Compiler *c, PithExpr *e);

int cx_expr(Compiler *c, PithExpr *e) {
    PithLocation saved = c->u->loc;
    c->u->loc = LOC_OF(e);
    int r = expr_inner(c, e);
    c->u->loc = saved;
    return r;
}

int cx_exprs(Compiler *c, PithAstSeq *seq) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(seq); i++) CHECK(cx_expr(c, PITH_SEQ_GET(seq, i)));
    return 0;
}

/* ---- constant folding -------------------------------------------------- */

static int is_number(PithObject *o) {
    return PITH_TYPE(o) == &pith_int_type || PITH_TYPE(o) == &pith_float_type ||
           PITH_TYPE(o) == &pith_complex_type;
}

static int fold(PithExpr *e, PithObject **out);
static int binop_arg(PithOperator op);

#define MAX_FOLDED_INT_BITS 128 /* CPython's limit for folded int results */

/* Would folding `a op b` on ints build a result larger than the limit?
 * (CPython's safe_multiply/safe_power/safe_lshift rules.) */
static int too_big_to_fold(PithOperator op, PithObject *a, PithObject *b) {
    if (!pith_int_check_exact(a) || !pith_int_check_exact(b)) return 0;
    size_t abits = pith_int_bit_length(a), bbits = pith_int_bit_length(b);
    int bneg = pith_int_sign(b) < 0;
    switch (op) {
    case PITH_OP_Mult: return abits && bbits && abits + bbits > MAX_FOLDED_INT_BITS;
    case PITH_OP_Pow:
        return !bneg && abits > 1 &&
               (bbits > 32 || abits * (size_t)pith_int_as_i64(b) > MAX_FOLDED_INT_BITS);
    case PITH_OP_LShift:
        return !bneg && abits &&
               (bbits > 32 || abits + (size_t)pith_int_as_i64(b) > MAX_FOLDED_INT_BITS);
    default: return 0;
    }
}

/* Fold a binary operation on numeric constants, as CPython's AST optimizer
 * does; operations that raise (1/0) or grow too large are left alone. */
static int fold_binop(PithExpr *e, PithObject **out) {
    PithObject *a = NULL, *b = NULL;
    int r = fold(e->v.BinOp.left, &a);
    if (r == 1) r = fold(e->v.BinOp.right, &b);
    if (r == 1 && (!is_number(a) || !is_number(b) || too_big_to_fold(e->v.BinOp.op, a, b)))
        r = 0;
    if (r == 1) {
        *out = pith_number_binop(a, b, binop_arg(e->v.BinOp.op));
        if (!*out) {
            pith_err_clear();
            r = 0;
        }
    }
    PITH_XDECREF(a);
    PITH_XDECREF(b);
    return r;
}

/* 1 and *out = new ref when e is a constant (after folding), 0 when not,
 * -1 on error. */
static int fold(PithExpr *e, PithObject **out) {
    if (e->kind == PITH_E_Constant) {
        *out = PITH_NEWREF(e->v.Constant.value);
        return 1;
    }
    if (e->kind == PITH_E_UnaryOp && e->v.UnaryOp.op == PITH_UNARY_USub &&
        e->v.UnaryOp.operand->kind == PITH_E_Constant &&
        is_number(e->v.UnaryOp.operand->v.Constant.value)) {
        *out = pith_number_negative(e->v.UnaryOp.operand->v.Constant.value);
        return *out ? 1 : -1;
    }
    if (e->kind == PITH_E_BinOp) return fold_binop(e, out);
    if (e->kind == PITH_E_Tuple && e->v.Tuple.ctx == PITH_CTX_Load) {
        intptr_t n = PITH_SEQ_LEN(e->v.Tuple.elts);
        for (intptr_t i = 0; i < n; i++)
            if (!cx_is_const(PITH_SEQ_GET(e->v.Tuple.elts, i))) return 0;
        PithObject *t = pith_tuple_new(n);
        if (!t) return -1;
        for (intptr_t i = 0; i < n; i++) {
            PithObject *v;
            if (fold(PITH_SEQ_GET(e->v.Tuple.elts, i), &v) != 1) {
                PITH_DECREF(t);
                return -1;
            }
            PITH_TUPLE_SET(t, i, v);
        }
        *out = t;
        return 1;
    }
    return 0;
}

int cx_is_const(PithExpr *e) {
    switch (e->kind) {
    case PITH_E_Constant: return 1;
    case PITH_E_UnaryOp:
        return e->v.UnaryOp.op == PITH_UNARY_USub &&
               e->v.UnaryOp.operand->kind == PITH_E_Constant &&
               is_number(e->v.UnaryOp.operand->v.Constant.value);
    case PITH_E_Tuple:
        if (e->v.Tuple.ctx != PITH_CTX_Load) return 0;
        for (intptr_t i = 0; i < PITH_SEQ_LEN(e->v.Tuple.elts); i++)
            if (!cx_is_const(PITH_SEQ_GET(e->v.Tuple.elts, i))) return 0;
        return 1;
    case PITH_E_BinOp: {
        PithObject *v;
        if (fold_binop(e, &v) != 1) return 0;
        PITH_DECREF(v);
        return 1;
    }
    default: return 0;
    }
}

int cx_fold_const(PithExpr *e, PithObject **out) { return fold(e, out); }

static int load_folded(Compiler *c, PithExpr *e) {
    PithObject *v;
    int r = fold(e, &v);
    if (r != 1) return -1;
    r = cu_load_const(c, v);
    PITH_DECREF(v);
    return r;
}

/* ---- operators --------------------------------------------------------- */

static int binop_arg(PithOperator op) {
    switch (op) {
    case PITH_OP_Add: return PITH_NB_ADD;
    case PITH_OP_Sub: return PITH_NB_SUBTRACT;
    case PITH_OP_Mult: return PITH_NB_MULTIPLY;
    case PITH_OP_MatMult: return PITH_NB_MATRIX_MULTIPLY;
    case PITH_OP_Div: return PITH_NB_TRUE_DIVIDE;
    case PITH_OP_Mod: return PITH_NB_REMAINDER;
    case PITH_OP_Pow: return PITH_NB_POWER;
    case PITH_OP_LShift: return PITH_NB_LSHIFT;
    case PITH_OP_RShift: return PITH_NB_RSHIFT;
    case PITH_OP_BitOr: return PITH_NB_OR;
    case PITH_OP_BitXor: return PITH_NB_XOR;
    case PITH_OP_BitAnd: return PITH_NB_AND;
    case PITH_OP_FloorDiv: return PITH_NB_FLOOR_DIVIDE;
    }
    return PITH_NB_ADD;
}

static int compare_op(Compiler *c, PithCmpOp op) {
    switch (op) {
    case PITH_CMP_Eq: ADDOP_I(c, COMPARE_OP, PITH_EQ); break;
    case PITH_CMP_NotEq: ADDOP_I(c, COMPARE_OP, PITH_NE); break;
    case PITH_CMP_Lt: ADDOP_I(c, COMPARE_OP, PITH_LT); break;
    case PITH_CMP_LtE: ADDOP_I(c, COMPARE_OP, PITH_LE); break;
    case PITH_CMP_Gt: ADDOP_I(c, COMPARE_OP, PITH_GT); break;
    case PITH_CMP_GtE: ADDOP_I(c, COMPARE_OP, PITH_GE); break;
    case PITH_CMP_Is: ADDOP_I(c, IS_OP, 0); break;
    case PITH_CMP_IsNot: ADDOP_I(c, IS_OP, 1); break;
    case PITH_CMP_In: ADDOP_I(c, CONTAINS_OP, 0); break;
    case PITH_CMP_NotIn: ADDOP_I(c, CONTAINS_OP, 1); break;
    }
    return 0;
}

#define CMP_OP(e, i) ((PithCmpOp)(intptr_t)PITH_SEQ_GET((e)->v.Compare.ops, i))

/* Compare all pairs of a chain: each middle operand is evaluated once
 * (SWAP/COPY); a false intermediate result jumps to `cleanup` with
 * `jump_op` (JUMP_IF_FALSE_OR_POP keeps the result for the value form,
 * POP_JUMP_IF_FALSE drops it in conditions). */
static int check_compare(Compiler *c, PithExpr *e);

static int compare_chain(Compiler *c, PithExpr *e, int cleanup, int jump_op) {
    intptr_t n = PITH_SEQ_LEN(e->v.Compare.ops);
    CHECK(check_compare(c, e));
    CHECK(cx_expr(c, e->v.Compare.left));
    for (intptr_t i = 0; i < n - 1; i++) {
        CHECK(cx_expr(c, PITH_SEQ_GET(e->v.Compare.comparators, i)));
        ADDOP_I(c, SWAP, 2);
        ADDOP_I(c, COPY, 2);
        CHECK(compare_op(c, CMP_OP(e, i)));
        CHECK(cu_emit(c, jump_op, cleanup));
    }
    CHECK(cx_expr(c, PITH_SEQ_GET(e->v.Compare.comparators, n - 1)));
    return compare_op(c, CMP_OP(e, n - 1));
}

/* ---- SyntaxWarnings for literals misused (CPython's check_* helpers) --- */

/* The type name a literal expression evaluates to, or NULL. */
static const char *literal_type(PithExpr *e) {
    switch (e->kind) {
    case PITH_E_Constant: return pith_type_name(e->v.Constant.value);
    case PITH_E_Tuple: return "tuple";
    case PITH_E_List: case PITH_E_ListComp: return "list";
    case PITH_E_Dict: case PITH_E_DictComp: return "dict";
    case PITH_E_Set: case PITH_E_SetComp: return "set";
    case PITH_E_GeneratorExp: return "generator";
    case PITH_E_Lambda: return "function";
    case PITH_E_JoinedStr: case PITH_E_FormattedValue: return "str";
    case PITH_E_Slice: return "slice";
    default: return NULL;
    }
}

/* Warn with a formatted message (cu_warn). */
static int warn_format(Compiler *c, const char *fmt, const char *a, const char *b) {
    char msg[320];
    snprintf(msg, sizeof msg, fmt, a, b);
    return cu_warn(c, msg);
}

/* `1(2)`: calling a literal. */
static int check_caller(Compiler *c, PithExpr *f) {
    switch (f->kind) {
    case PITH_E_Constant: case PITH_E_Tuple: case PITH_E_List: case PITH_E_ListComp:
    case PITH_E_Dict: case PITH_E_DictComp: case PITH_E_Set: case PITH_E_SetComp:
    case PITH_E_GeneratorExp: case PITH_E_JoinedStr: case PITH_E_FormattedValue:
        return warn_format(c, "'%.200s' object is not callable; perhaps you missed a comma?",
                           literal_type(f), "");
    default: return 0;
    }
}

/* `1[2]` / `[1][''']`: subscripting a literal that cannot be, or with an
 * index of the wrong type. */
static int check_subscript(Compiler *c, PithExpr *v, PithExpr *idx) {
    PithObject *cv = v->kind == PITH_E_Constant ? v->v.Constant.value : NULL;
    int subscriptable = !(cv && (cv == PITH_NONE || cv == PITH_ELLIPSIS || pith_int_check(cv) ||
                                 pith_float_check(cv) || pith_complex_check(cv) ||
                                 pith_anyset_check(cv)));
    if (v->kind == PITH_E_Set || v->kind == PITH_E_SetComp || v->kind == PITH_E_GeneratorExp ||
        v->kind == PITH_E_Lambda)
        subscriptable = 0;
    if (!subscriptable)
        return warn_format(c, "'%.200s' object is not subscriptable; perhaps you missed a comma?",
                           literal_type(v), "");
    const char *itype = literal_type(idx);
    if (!itype || idx->kind == PITH_E_Slice ||
        (idx->kind == PITH_E_Constant && pith_int_check(idx->v.Constant.value)))
        return 0;
    if (cv && !(pith_str_check(cv) || pith_bytes_check(cv) || pith_tuple_check(cv))) return 0;
    if (!cv && v->kind != PITH_E_Tuple && v->kind != PITH_E_List && v->kind != PITH_E_ListComp &&
        v->kind != PITH_E_JoinedStr && v->kind != PITH_E_FormattedValue)
        return 0;
    return warn_format(c, "%.200s indices must be integers or slices, not %.200s; "
                          "perhaps you missed a comma?", literal_type(v), itype);
}

/* Is e a literal for `is` purposes (a constant other than None, True,
 * False and Ellipsis, after folding)? */
static int is_literal(PithExpr *e) {
    PithObject *v;
    if (cx_fold_const(e, &v) != 1) {
        pith_err_clear();
        return 0;
    }
    int lit = v != PITH_NONE && v != PITH_TRUE && v != PITH_FALSE && v != PITH_ELLIPSIS;
    PITH_DECREF(v);
    return lit;
}

static int check_compare(Compiler *c, PithExpr *e) {
    int left = is_literal(e->v.Compare.left);
    for (intptr_t i = 0; i < PITH_SEQ_LEN(e->v.Compare.ops); i++) {
        PithCmpOp op = CMP_OP(e, i);
        int right = is_literal(PITH_SEQ_GET(e->v.Compare.comparators, i));
        if ((op == PITH_CMP_Is || op == PITH_CMP_IsNot) && (left || right))
            return cu_warn(c, op == PITH_CMP_Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                                : "\"is not\" with a literal. Did you mean \"!=\"?");
        left = right;
    }
    return 0;
}

static int compile_compare(Compiler *c, PithExpr *e) {
    intptr_t n = PITH_SEQ_LEN(e->v.Compare.ops);
    if (n == 1) return compare_chain(c, e, -1, 0);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    CHECK(compare_chain(c, e, cleanup, PITH_OP_JUMP_IF_FALSE_OR_POP));
    ADDOP_JUMP(c, JUMP, end);
    BIND(c, cleanup);
    ADDOP_I(c, SWAP, 2);
    ADDOP(c, POP_TOP);
    BIND(c, end);
    return 0;
}

static int compile_boolop(Compiler *c, PithExpr *e) {
    int op = e->v.BoolOp.op == PITH_BOOL_And ? PITH_OP_JUMP_IF_FALSE_OR_POP
                                             : PITH_OP_JUMP_IF_TRUE_OR_POP;
    NEW_LABEL(c, end);
    intptr_t n = PITH_SEQ_LEN(e->v.BoolOp.values);
    for (intptr_t i = 0; i < n - 1; i++) {
        CHECK(cx_expr(c, PITH_SEQ_GET(e->v.BoolOp.values, i)));
        CHECK(cu_emit(c, op, end));
    }
    CHECK(cx_expr(c, PITH_SEQ_GET(e->v.BoolOp.values, n - 1)));
    BIND(c, end);
    return 0;
}

static int compile_unary(Compiler *c, PithExpr *e) {
    if (cx_is_const(e)) return load_folded(c, e);
    CHECK(cx_expr(c, e->v.UnaryOp.operand));
    switch (e->v.UnaryOp.op) {
    case PITH_UNARY_Invert: ADDOP(c, UNARY_INVERT); break;
    case PITH_UNARY_Not: ADDOP(c, UNARY_NOT); break;
    case PITH_UNARY_UAdd: ADDOP(c, UNARY_POSITIVE); break;
    case PITH_UNARY_USub: ADDOP(c, UNARY_NEGATIVE); break;
    }
    return 0;
}

static int compile_ifexp(Compiler *c, PithExpr *e) {
    NEW_LABEL(c, orelse);
    NEW_LABEL(c, end);
    CHECK(cx_jump_if(c, e->v.IfExp.test, orelse, 0));
    CHECK(cx_expr(c, e->v.IfExp.body));
    ADDOP_JUMP(c, JUMP, end);
    BIND(c, orelse);
    CHECK(cx_expr(c, e->v.IfExp.orelse));
    BIND(c, end);
    return 0;
}

/* ---- conditional jumps ------------------------------------------------- */

/* Jump to label when bool(e) == cond. Only sub-expressions set their own
 * locations (the jumps themselves keep the current one). */
int cx_jump_if(Compiler *c, PithExpr *e, int label, int cond) {
    switch (e->kind) {
    case PITH_E_UnaryOp:
        if (e->v.UnaryOp.op == PITH_UNARY_Not)
            return cx_jump_if(c, e->v.UnaryOp.operand, label, !cond);
        break;
    case PITH_E_BoolOp: {
        int cond2 = e->v.BoolOp.op == PITH_BOOL_Or;
        int next = label;
        if (cond2 != cond) {
            next = cu_new_label(c);
            if (next < 0) return -1;
        }
        intptr_t n = PITH_SEQ_LEN(e->v.BoolOp.values);
        for (intptr_t i = 0; i < n - 1; i++)
            CHECK(cx_jump_if(c, PITH_SEQ_GET(e->v.BoolOp.values, i), next, cond2));
        CHECK(cx_jump_if(c, PITH_SEQ_GET(e->v.BoolOp.values, n - 1), label, cond));
        if (next != label) BIND(c, next);
        return 0;
    }
    case PITH_E_IfExp: {
        NEW_LABEL(c, end);
        NEW_LABEL(c, next);
        CHECK(cx_jump_if(c, e->v.IfExp.test, next, 0));
        CHECK(cx_jump_if(c, e->v.IfExp.body, label, cond));
        ADDOP_JUMP(c, JUMP, end);
        BIND(c, next);
        CHECK(cx_jump_if(c, e->v.IfExp.orelse, label, cond));
        BIND(c, end);
        return 0;
    }
    case PITH_E_Compare: {
        /* As CPython 3.11: the comparison's location stays current after
         * the jump (visible in `assert a == b` tracebacks). */
        c->u->loc = LOC_OF(e);
        if (PITH_SEQ_LEN(e->v.Compare.ops) == 1) {
            CHECK(compare_chain(c, e, -1, 0));
            return cu_emit(c, cond ? PITH_OP_POP_JUMP_IF_TRUE : PITH_OP_POP_JUMP_IF_FALSE, label);
        }
        NEW_LABEL(c, cleanup);
        NEW_LABEL(c, end);
        CHECK(compare_chain(c, e, cleanup, PITH_OP_POP_JUMP_IF_FALSE));
        CHECK(cu_emit(c, cond ? PITH_OP_POP_JUMP_IF_TRUE : PITH_OP_POP_JUMP_IF_FALSE, label));
        ADDOP_JUMP(c, JUMP, end);
        BIND(c, cleanup);
        ADDOP(c, POP_TOP);
        if (!cond) ADDOP_JUMP(c, JUMP, label);
        BIND(c, end);
        return 0;
    }
    default:
        break;
    }
    CHECK(cx_expr(c, e));
    return cu_emit(c, cond ? PITH_OP_POP_JUMP_IF_TRUE : PITH_OP_POP_JUMP_IF_FALSE, label);
}

/* ---- displays ---------------------------------------------------------- */

static int has_starred(PithAstSeq *elts) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(elts); i++)
        if (((PithExpr *)PITH_SEQ_GET(elts, i))->kind == PITH_E_Starred) return 1;
    return 0;
}

typedef struct SeqOps {
    int build, add, extend, to_tuple;
} SeqOps;
static const SeqOps LIST_OPS = {PITH_OP_BUILD_LIST, PITH_OP_LIST_APPEND, PITH_OP_LIST_EXTEND, 0};
static const SeqOps TUPLE_OPS = {PITH_OP_BUILD_LIST, PITH_OP_LIST_APPEND, PITH_OP_LIST_EXTEND, 1};
static const SeqOps SET_OPS = {PITH_OP_BUILD_SET, PITH_OP_SET_ADD, PITH_OP_SET_UPDATE, 0};

/* Build a list/tuple/set from elts (with * unpacking) plus `pushed` values
 * already on the stack. */
static int starunpack(Compiler *c, PithAstSeq *elts, int pushed, const SeqOps *ops) {
    intptr_t n = PITH_SEQ_LEN(elts);
    if (!has_starred(elts)) {
        CHECK(cx_exprs(c, elts));
        if (ops->to_tuple) ADDOP_I(c, BUILD_TUPLE, (int)n + pushed);
        else CHECK(cu_emit(c, ops->build, (int)n + pushed));
        return 0;
    }
    int seen_star = 0;
    for (intptr_t i = 0; i < n; i++) {
        PithExpr *elt = PITH_SEQ_GET(elts, i);
        if (elt->kind == PITH_E_Starred) {
            if (!seen_star) {
                CHECK(cu_emit(c, ops->build, (int)i + pushed));
                seen_star = 1;
            }
            CHECK(cx_expr(c, elt->v.Starred.value));
            CHECK(cu_emit(c, ops->extend, 1));
        } else {
            CHECK(cx_expr(c, elt));
            if (seen_star) CHECK(cu_emit(c, ops->add, 1));
        }
    }
    if (ops->to_tuple) ADDOP(c, LIST_TO_TUPLE);
    return 0;
}

/* The frozenset CPython's constant merging produces for items:
 * frozenset(tuple(frozenset(items))) — merging rebuilds the constant from
 * its own iteration order, which decides how colliding elements end up. */
static PithObject *merged_frozenset(PithObject *items) {
    PithObject *type = (PithObject *)&pith_frozenset_type;
    PithObject *fs1 = pith_call_one(type, items);
    PithObject *order = fs1 ? pith_sequence_tuple(fs1) : NULL;
    PithObject *fs = order ? pith_call_one(type, order) : NULL;
    PITH_XDECREF(fs1);
    PITH_XDECREF(order);
    return fs;
}

/* A set display of 3+ constants loads one frozenset constant, as CPython
 * does: BUILD_SET 0; LOAD_CONST fs; SET_UPDATE 1. */
static int compile_set(Compiler *c, PithAstSeq *elts) {
    intptr_t n = PITH_SEQ_LEN(elts);
    int all_const = n >= 3;
    for (intptr_t i = 0; all_const && i < n; i++)
        all_const = cx_is_const(PITH_SEQ_GET(elts, i));
    if (!all_const) return starunpack(c, elts, 0, &SET_OPS);
    PithObject *t = pith_tuple_new(n), *fs = NULL;
    for (intptr_t i = 0; t && i < n; i++) {
        PithObject *v;
        if (fold(PITH_SEQ_GET(elts, i), &v) != 1) {
            PITH_DECREF(t);
            return -1;
        }
        PITH_TUPLE_SET(t, i, v);
    }
    if (t) fs = merged_frozenset(t);
    PITH_XDECREF(t);
    if (!fs) return -1; /* e.g. unhashable constant: TypeError at compile time, as CPython */
    ADDOP_I(c, BUILD_SET, 0);
    int r = cu_load_const(c, fs);
    PITH_DECREF(fs);
    CHECK(r);
    ADDOP_I(c, SET_UPDATE, 1);
    return 0;
}

static int compile_dict(Compiler *c, PithExpr *e) {
    intptr_t n = PITH_SEQ_LEN(e->v.Dict.values);
    int have_dict = 0, pending = 0;
    for (intptr_t i = 0; i < n; i++) {
        PithExpr *k = PITH_SEQ_GET(e->v.Dict.keys, i);
        if (k) {
            CHECK(cx_expr(c, k));
            CHECK(cx_expr(c, PITH_SEQ_GET(e->v.Dict.values, i)));
            pending++;
            continue;
        }
        if (pending || !have_dict) {
            ADDOP_I(c, BUILD_MAP, pending);
            if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
            have_dict = 1;
            pending = 0;
        }
        CHECK(cx_expr(c, PITH_SEQ_GET(e->v.Dict.values, i)));
        ADDOP_I(c, DICT_UPDATE, 1);
    }
    if (pending || !have_dict) {
        ADDOP_I(c, BUILD_MAP, pending);
        if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
    }
    return 0;
}

static int compile_fstring(Compiler *c, PithExpr *e) {
    intptr_t n = PITH_SEQ_LEN(e->v.JoinedStr.values);
    if (n == 0) {
        PithObject *empty = pith_str_empty();
        int r = cu_load_const(c, empty);
        PITH_DECREF(empty);
        return r;
    }
    CHECK(cx_exprs(c, e->v.JoinedStr.values));
    if (n > 1) ADDOP_I(c, BUILD_STRING, (int)n);
    else if (((PithExpr *)PITH_SEQ_GET(e->v.JoinedStr.values, 0))->kind != PITH_E_FormattedValue)
        ADDOP_I(c, BUILD_STRING, 1);
    return 0;
}

static int compile_formatted(Compiler *c, PithExpr *e) {
    int conv = e->v.FormattedValue.conversion;
    int flags = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    CHECK(cx_expr(c, e->v.FormattedValue.value));
    if (e->v.FormattedValue.format_spec) {
        CHECK(cx_expr(c, e->v.FormattedValue.format_spec));
        flags |= 4;
    }
    ADDOP_I(c, FORMAT_VALUE, flags);
    return 0;
}

/* ---- calls ------------------------------------------------------------- */

static int validate_keywords(Compiler *c, PithAstSeq *kws) {
    intptr_t n = PITH_SEQ_LEN(kws);
    for (intptr_t i = 0; i < n; i++) {
        PithKeyword *a = PITH_SEQ_GET(kws, i);
        if (!a->arg) continue;
        for (intptr_t j = i + 1; j < n; j++) {
            PithKeyword *b = PITH_SEQ_GET(kws, j);
            if (b->arg && pith_str_equal(a->arg, b->arg)) {
                PithObject *m = pith_str_from_format("keyword argument repeated: %U", a->arg);
                if (!m) return -1;
                cu_error_at(c, b->lineno, b->col_offset, b->end_lineno, b->end_col_offset,
                            pith_str_utf8(m));
                PITH_DECREF(m);
                return -1;
            }
        }
    }
    return 0;
}

static int has_double_star(PithAstSeq *kws) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(kws); i++)
        if (!((PithKeyword *)PITH_SEQ_GET(kws, i))->arg) return 1;
    return 0;
}

/* Push name/value pairs of keywords [from, to) and build one dict. */
static int keyword_dict(Compiler *c, PithAstSeq *kws, intptr_t from, intptr_t to) {
    for (intptr_t i = from; i < to; i++) {
        PithKeyword *k = PITH_SEQ_GET(kws, i);
        CHECK(cu_load_const(c, k->arg));
        CHECK(cx_expr(c, k->value));
    }
    ADDOP_I(c, BUILD_MAP, (int)(to - from));
    return 0;
}

/* CALL_FUNCTION_EX path: positional tuple, optional merged kwargs dict. */
static int call_ex(Compiler *c, int pushed, PithAstSeq *args, PithAstSeq *kws) {
    PithExpr *only = PITH_SEQ_LEN(args) == 1 ? PITH_SEQ_GET(args, 0) : NULL;
    if (!pushed && only && only->kind == PITH_E_Starred)
        CHECK(cx_expr(c, only->v.Starred.value)); /* the VM converts it (and names f in errors) */
    else
        CHECK(starunpack(c, args, pushed, &TUPLE_OPS));
    intptr_t n = PITH_SEQ_LEN(kws), start = 0;
    int have_dict = 0;
    for (intptr_t i = 0; i < n; i++) {
        PithKeyword *k = PITH_SEQ_GET(kws, i);
        if (k->arg) continue;
        if (i > start) {
            CHECK(keyword_dict(c, kws, start, i));
            if (have_dict) ADDOP_I(c, DICT_MERGE, 1);
            have_dict = 1;
        }
        if (!have_dict) {
            ADDOP_I(c, BUILD_MAP, 0);
            have_dict = 1;
        }
        CHECK(cx_expr(c, k->value));
        ADDOP_I(c, DICT_MERGE, 1);
        start = i + 1;
    }
    if (n > start) {
        CHECK(keyword_dict(c, kws, start, n));
        if (have_dict) ADDOP_I(c, DICT_MERGE, 1);
        have_dict = 1;
    }
    ADDOP_I(c, CALL_FUNCTION_EX, have_dict);
    return 0;
}

int cx_call_helper(Compiler *c, int pushed, PithAstSeq *args, PithAstSeq *kws) {
    CHECK(validate_keywords(c, kws));
    if (has_starred(args) || has_double_star(kws)) return call_ex(c, pushed, args, kws);
    CHECK(cx_exprs(c, args));
    intptr_t nk = PITH_SEQ_LEN(kws);
    if (nk) {
        PithObject *names = pith_tuple_new(nk);
        if (!names) return -1;
        for (intptr_t i = 0; i < nk; i++) {
            PithKeyword *k = PITH_SEQ_GET(kws, i);
            PITH_TUPLE_SET(names, i, PITH_NEWREF(k->arg));
            int r = cx_expr(c, k->value);
            if (r < 0) {
                PITH_DECREF(names);
                return -1;
            }
        }
        int ci = cu_add_const(c, names);
        PITH_DECREF(names);
        if (ci < 0) return -1;
        ADDOP_I(c, KW_NAMES, ci);
    }
    ADDOP_I(c, CALL, pushed + (int)PITH_SEQ_LEN(args) + (int)nk);
    return 0;
}

static int compile_call(Compiler *c, PithExpr *e) {
    PithExpr *f = e->v.Call.func;
    CHECK(check_caller(c, f));
    if (f->kind == PITH_E_Attribute && f->v.Attribute.ctx == PITH_CTX_Load &&
        !has_starred(e->v.Call.args) && !has_double_star(e->v.Call.keywords)) {
        CHECK(cx_expr(c, f->v.Attribute.value));
        PithLocation saved = c->u->loc;
        c->u->loc = LOC_OF(f);
        int ni = cu_add_name(c, f->v.Attribute.attr);
        int r = ni < 0 ? -1 : cu_emit(c, PITH_OP_LOAD_METHOD, ni);
        c->u->loc = saved;
        CHECK(r);
        return cx_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords);
    }
    ADDOP(c, PUSH_NULL);
    CHECK(cx_expr(c, f));
    return cx_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords);
}

/* ---- targets ----------------------------------------------------------- */

static int unpack_target(Compiler *c, PithAstSeq *elts) {
    intptr_t n = PITH_SEQ_LEN(elts);
    int seen_star = 0;
    for (intptr_t i = 0; i < n; i++) {
        PithExpr *elt = PITH_SEQ_GET(elts, i);
        if (elt->kind != PITH_E_Starred) continue;
        if (seen_star) return cu_error(c, "multiple starred expressions in assignment");
        if (i >= 256 || n - i - 1 >= (1 << 16))
            return cu_error(c, "too many expressions in star-unpacking assignment");
        ADDOP_I(c, UNPACK_EX, (int)i + (int)((n - i - 1) << 8));
        seen_star = 1;
    }
    if (!seen_star) ADDOP_I(c, UNPACK_SEQUENCE, (int)n);
    for (intptr_t i = 0; i < n; i++) {
        PithExpr *elt = PITH_SEQ_GET(elts, i);
        CHECK(cx_expr(c, elt->kind == PITH_E_Starred ? elt->v.Starred.value : elt));
    }
    return 0;
}

static int compile_sequence(Compiler *c, PithExpr *e, PithAstSeq *elts, PithExprContext ctx,
                            const SeqOps *ops) {
    if (ctx == PITH_CTX_Store) return unpack_target(c, elts);
    if (ctx == PITH_CTX_Del) return cx_exprs(c, elts);
    if (ops->to_tuple && cx_is_const(e)) return load_folded(c, e);
    return starunpack(c, elts, 0, ops);
}

static int compile_attribute(Compiler *c, PithExpr *e) {
    CHECK(cx_expr(c, e->v.Attribute.value));
    int ni = cu_add_name(c, e->v.Attribute.attr);
    if (ni < 0) return -1;
    switch (e->v.Attribute.ctx) {
    case PITH_CTX_Load: ADDOP_I(c, LOAD_ATTR, ni); break;
    case PITH_CTX_Store: ADDOP_I(c, STORE_ATTR, ni); break;
    case PITH_CTX_Del: ADDOP_I(c, DELETE_ATTR, ni); break;
    }
    return 0;
}

static int compile_subscript(Compiler *c, PithExpr *e) {
    if (e->v.Subscript.ctx == PITH_CTX_Load)
        CHECK(check_subscript(c, e->v.Subscript.value, e->v.Subscript.slice));
    CHECK(cx_expr(c, e->v.Subscript.value));
    CHECK(cx_expr(c, e->v.Subscript.slice));
    switch (e->v.Subscript.ctx) {
    case PITH_CTX_Load: ADDOP(c, BINARY_SUBSCR); break;
    case PITH_CTX_Store: ADDOP(c, STORE_SUBSCR); break;
    case PITH_CTX_Del: ADDOP(c, DELETE_SUBSCR); break;
    }
    return 0;
}

static int load_opt(Compiler *c, PithExpr *e) {
    return e ? cx_expr(c, e) : cu_load_const(c, PITH_NONE);
}

static int compile_slice(Compiler *c, PithExpr *e) {
    CHECK(load_opt(c, e->v.Slice.lower));
    CHECK(load_opt(c, e->v.Slice.upper));
    if (e->v.Slice.step) {
        CHECK(cx_expr(c, e->v.Slice.step));
        ADDOP_I(c, BUILD_SLICE, 3);
    } else {
        ADDOP_I(c, BUILD_SLICE, 2);
    }
    return 0;
}

int cx_augassign(Compiler *c, PithStmt *s) {
    PithExpr *t = s->v.AugAssign.target;
    int op = binop_arg(s->v.AugAssign.op) + PITH_NB_INPLACE_ADD;
    PithLocation tl = LOC_OF(t);
    switch (t->kind) {
    case PITH_E_Attribute: {
        int ni = cu_add_name(c, t->v.Attribute.attr);
        if (ni < 0) return -1;
        CHECK(cx_expr(c, t->v.Attribute.value));
        c->u->loc = tl;
        ADDOP_I(c, COPY, 1);
        ADDOP_I(c, LOAD_ATTR, ni);
        CHECK(cx_expr(c, s->v.AugAssign.value));
        c->u->loc = LOC_OF(s);
        ADDOP_I(c, BINARY_OP, op);
        c->u->loc = tl;
        ADDOP_I(c, SWAP, 2);
        ADDOP_I(c, STORE_ATTR, ni);
        return 0;
    }
    case PITH_E_Subscript:
        CHECK(cx_expr(c, t->v.Subscript.value));
        CHECK(cx_expr(c, t->v.Subscript.slice));
        c->u->loc = tl;
        ADDOP_I(c, COPY, 2);
        ADDOP_I(c, COPY, 2);
        ADDOP(c, BINARY_SUBSCR);
        CHECK(cx_expr(c, s->v.AugAssign.value));
        c->u->loc = LOC_OF(s);
        ADDOP_I(c, BINARY_OP, op);
        c->u->loc = tl;
        ADDOP_I(c, SWAP, 3);
        ADDOP_I(c, SWAP, 2);
        ADDOP(c, STORE_SUBSCR);
        return 0;
    case PITH_E_Name:
        c->u->loc = tl;
        CHECK(cu_nameop(c, t->v.Name.id, PITH_CTX_Load));
        CHECK(cx_expr(c, s->v.AugAssign.value));
        c->u->loc = LOC_OF(s);
        ADDOP_I(c, BINARY_OP, op);
        c->u->loc = tl;
        return cu_nameop(c, t->v.Name.id, PITH_CTX_Store);
    default:
        return cu_error(c, "illegal expression for augmented assignment");
    }
}

/* ---- generators -------------------------------------------------------- */

/* The SEND loop shared by `yield from` and `await`: iterator and first
 * value are on the stack; leaves the result. */
static int send_loop(Compiler *c) {
    NEW_LABEL(c, loop);
    NEW_LABEL(c, done);
    BIND(c, loop);
    ADDOP_JUMP(c, SEND, done);
    ADDOP(c, YIELD_VALUE);
    ADDOP_JUMP(c, JUMP, loop);
    BIND(c, done);
    return 0;
}

static int in_function(Compiler *c) {
    return c->u->ste->type == PITH_BLOCK_FUNCTION;
}

static int compile_yield(Compiler *c, PithExpr *e) {
    if (!in_function(c)) return cu_error(c, "'yield' outside function");
    if (e->kind == PITH_E_Yield) {
        CHECK(load_opt(c, e->v.Yield.value));
        /* arg 1 marks an async generator's own yield (see vm/asyncgen.c) */
        ADDOP_I(c, YIELD_VALUE, c->u->ste->coroutine ? 1 : 0);
        return 0;
    }
    if (c->u->scope == SCOPE_ASYNC_FUNCTION)
        return cu_error(c, "'yield from' inside async function");
    CHECK(cx_expr(c, e->v.YieldFrom.value));
    ADDOP(c, GET_YIELD_FROM_ITER);
    CHECK(cu_load_const(c, PITH_NONE));
    return send_loop(c);
}

int cx_await_tos(Compiler *c) {
    CHECK(cu_load_const(c, PITH_NONE));
    return send_loop(c);
}

static int compile_await(Compiler *c, PithExpr *e) {
    if (!in_function(c)) return cu_error(c, "'await' outside function");
    if (c->u->scope != SCOPE_ASYNC_FUNCTION && c->u->scope != SCOPE_COMPREHENSION)
        return cu_error(c, "'await' outside async function");
    CHECK(cx_expr(c, e->v.Await.value));
    ADDOP_I(c, GET_AWAITABLE, 0);
    return cx_await_tos(c);
}

/* ---- dispatch ---------------------------------------------------------- */

static int expr_inner(Compiler *c, PithExpr *e) {
    switch (e->kind) {
    case PITH_E_BoolOp: return compile_boolop(c, e);
    case PITH_E_NamedExpr:
        CHECK(cx_expr(c, e->v.NamedExpr.value));
        ADDOP_I(c, COPY, 1);
        return cx_expr(c, e->v.NamedExpr.target);
    case PITH_E_BinOp:
        CHECK(cx_expr(c, e->v.BinOp.left));
        CHECK(cx_expr(c, e->v.BinOp.right));
        ADDOP_I(c, BINARY_OP, binop_arg(e->v.BinOp.op));
        return 0;
    case PITH_E_UnaryOp: return compile_unary(c, e);
    case PITH_E_Lambda: return cf_lambda(c, e);
    case PITH_E_IfExp: return compile_ifexp(c, e);
    case PITH_E_Dict: return compile_dict(c, e);
    case PITH_E_Set: return compile_set(c, e->v.Set.elts);
    case PITH_E_ListComp:
    case PITH_E_SetComp:
    case PITH_E_DictComp:
    case PITH_E_GeneratorExp: return cf_comprehension(c, e);
    case PITH_E_Await: return compile_await(c, e);
    case PITH_E_Yield:
    case PITH_E_YieldFrom: return compile_yield(c, e);
    case PITH_E_Compare: return compile_compare(c, e);
    case PITH_E_Call: return compile_call(c, e);
    case PITH_E_FormattedValue: return compile_formatted(c, e);
    case PITH_E_JoinedStr: return compile_fstring(c, e);
    case PITH_E_Constant: return cu_load_const(c, e->v.Constant.value);
    case PITH_E_Attribute: return compile_attribute(c, e);
    case PITH_E_Subscript: return compile_subscript(c, e);
    case PITH_E_Starred:
        if (e->v.Starred.ctx == PITH_CTX_Store)
            return cu_error(c, "starred assignment target must be in a list or tuple");
        return cu_error(c, "can't use starred expression here");
    case PITH_E_Name: return cu_nameop(c, e->v.Name.id, e->v.Name.ctx);
    case PITH_E_List: return compile_sequence(c, e, e->v.List.elts, e->v.List.ctx, &LIST_OPS);
    case PITH_E_Tuple: return compile_sequence(c, e, e->v.Tuple.elts, e->v.Tuple.ctx, &TUPLE_OPS);
    case PITH_E_Slice: return compile_slice(c, e);
    }
    pith_err_set_string(&pith_exc_SystemError, "compiler: unknown expression kind");
    return -1;
}
