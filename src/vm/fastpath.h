/* fastpath.h — inline int/float fast paths of BINARY_OP and COMPARE_OP,
 * included by eval.c only. Each returns NULL / -1 (without an exception)
 * when it does not apply, so the caller falls back to the generic protocol. */
#ifndef PITH_VM_FASTPATH_H
#define PITH_VM_FASTPATH_H

#include "vm_internal.h"

/* Floor division and modulo of small ints (b != 0, no INT64_MIN / -1). */
static inline int64_t floordiv64(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}
static inline int64_t mod64(int64_t a, int64_t b) {
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

/* Small-int fast path; NULL (no exception) when not applicable. */
static inline PithObject *int_binop(int op, int64_t a, int64_t b) {
    int64_t r;
    switch (op) {
    case PITH_NB_ADD: case PITH_NB_INPLACE_ADD:
        if (__builtin_add_overflow(a, b, &r)) return NULL;
        break;
    case PITH_NB_SUBTRACT: case PITH_NB_INPLACE_SUBTRACT:
        if (__builtin_sub_overflow(a, b, &r)) return NULL;
        break;
    case PITH_NB_MULTIPLY: case PITH_NB_INPLACE_MULTIPLY:
        if (__builtin_mul_overflow(a, b, &r)) return NULL;
        break;
    case PITH_NB_FLOOR_DIVIDE: case PITH_NB_INPLACE_FLOOR_DIVIDE:
        if (b == 0 || (b == -1 && a == INT64_MIN)) return NULL;
        r = floordiv64(a, b);
        break;
    case PITH_NB_REMAINDER: case PITH_NB_INPLACE_REMAINDER:
        if (b == 0) return NULL;
        r = b == -1 ? 0 : mod64(a, b);
        break;
    case PITH_NB_AND: case PITH_NB_INPLACE_AND: r = a & b; break;
    case PITH_NB_OR: case PITH_NB_INPLACE_OR: r = a | b; break;
    case PITH_NB_XOR: case PITH_NB_INPLACE_XOR: r = a ^ b; break;
    case PITH_NB_LSHIFT: case PITH_NB_INPLACE_LSHIFT:
        if (b < 0 || b > 62 || __builtin_mul_overflow(a, (int64_t)1 << b, &r)) return NULL;
        break;
    case PITH_NB_RSHIFT: case PITH_NB_INPLACE_RSHIFT:
        if (b < 0) return NULL;
        r = b > 63 ? (a < 0 ? -1 : 0) : a >> b;
        break;
    case PITH_NB_TRUE_DIVIDE: case PITH_NB_INPLACE_TRUE_DIVIDE: {
        const int64_t lim = (int64_t)1 << 53;
        if (b == 0 || a > lim || a < -lim || b > lim || b < -lim) return NULL;
        return pith_float_from_double((double)a / (double)b);
    }
    default:
        return NULL;
    }
    return pith_int_from_i64(r);
}

/* Float fast path (exact floats, or a float with a small int). */
static inline PithObject *float_binop(int op, double a, double b) {
    switch (op) {
    case PITH_NB_ADD: case PITH_NB_INPLACE_ADD: return pith_float_from_double(a + b);
    case PITH_NB_SUBTRACT: case PITH_NB_INPLACE_SUBTRACT: return pith_float_from_double(a - b);
    case PITH_NB_MULTIPLY: case PITH_NB_INPLACE_MULTIPLY: return pith_float_from_double(a * b);
    case PITH_NB_TRUE_DIVIDE: case PITH_NB_INPLACE_TRUE_DIVIDE:
        if (b == 0.0) return NULL;
        return pith_float_from_double(a / b);
    default:
        return NULL;
    }
}

/* Numeric value of an exact float or small exact int, for fast paths. */
static inline bool as_fast_double(PithObject *o, double *out) {
    if (pith_float_check_exact(o)) {
        *out = PITH_FLOAT_VALUE(o);
        return true;
    }
    if (pith_int_check_exact(o) && pith_int_is_small(o)) {
        int64_t v = pith_int_small_value(o);
        if (v > ((int64_t)1 << 53) || v < -((int64_t)1 << 53)) return false;
        *out = (double)v;
        return true;
    }
    return false;
}

static PithObject *binary_op(PithObject *a, PithObject *b, int op) {
    if (pith_int_check_exact(a) && pith_int_check_exact(b) && pith_int_is_small(a) &&
        pith_int_is_small(b)) {
        PithObject *r = int_binop(op, pith_int_small_value(a), pith_int_small_value(b));
        if (r) return r;
    } else if (pith_float_check_exact(a) || pith_float_check_exact(b)) {
        double x, y;
        if (as_fast_double(a, &x) && as_fast_double(b, &y)) {
            PithObject *r = float_binop(op, x, y);
            if (r) return r;
        }
    }
    return pith_number_binop(a, b, op);
}

/* `s += t` on exact strs whose result goes straight back into the local
 * holding s (the next instruction is STORE_FAST of that local): the local's
 * reference can be dropped first so the str may be grown in place. */
static inline bool is_str_append_to_local(PithObject **fast, const uint32_t *ip,
                                          PithObject *a, PithObject *b, int op) {
    return op == PITH_NB_INPLACE_ADD && pith_str_check_exact(a) &&
           pith_str_check_exact(b) && PITH_OP_OF(*ip) == PITH_OP_STORE_FAST &&
           fast[PITH_ARG_OF(*ip)] == a;
}

static inline bool cmp_result(int64_t c, int op) {
    switch (op) {
    case PITH_LT: return c < 0;
    case PITH_LE: return c <= 0;
    case PITH_EQ: return c == 0;
    case PITH_NE: return c != 0;
    case PITH_GT: return c > 0;
    default: return c >= 0;
    }
}

static inline bool cmp_double(double x, double y, int op) {
    switch (op) {
    case PITH_LT: return x < y;
    case PITH_LE: return x <= y;
    case PITH_EQ: return x == y;
    case PITH_NE: return x != y;
    case PITH_GT: return x > y;
    default: return x >= y;
    }
}

/* Fast comparison: 1/0, or -1 when not applicable (no exception). */
static inline int fast_compare(PithObject *a, PithObject *b, int op) {
    if (pith_int_check_exact(a) && pith_int_check_exact(b) && pith_int_is_small(a) &&
        pith_int_is_small(b)) {
        int64_t x = pith_int_small_value(a), y = pith_int_small_value(b);
        return cmp_result(x < y ? -1 : x > y, op);
    }
    if (pith_float_check_exact(a) && pith_float_check_exact(b))
        return cmp_double(PITH_FLOAT_VALUE(a), PITH_FLOAT_VALUE(b), op);
    if ((op == PITH_EQ || op == PITH_NE) && pith_str_check_exact(a) && pith_str_check_exact(b))
        return pith_str_equal(a, b) == (op == PITH_EQ);
    return -1;
}

#endif
