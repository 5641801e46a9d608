/* abstract.c — the number, sequence, mapping and iteration protocols and
 * isinstance/issubclass, dispatching through type slots with CPython's
 * rules: binary operators try the left operand's slot, then the right
 * one's, but a right operand whose type is a proper subclass of the left
 * one's (and has a different slot) goes first. */
#include <stdio.h>
#include <string.h>

#include "pith/pith.h"
#include "runtime_internal.h"

const char *const pith_nb_op_symbol[PITH_NB_COUNT] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=",
    "^=",
};

#define NB_OFF(f) offsetof(PithNumberMethods, f)
#define NB_BINSLOT(t, off)                                                     \
    ((t)->tp_as_number ? *(pith_binaryfunc *)((char *)(t)->tp_as_number + (off)) \
                       : NULL)

/* Slot offsets for each PITH_NB_* operator: binary slot, in-place slot. */
static const struct {
    size_t op, iop;
} nb_slots[PITH_NB_INPLACE_ADD] = {
    [PITH_NB_ADD] = {NB_OFF(nb_add), NB_OFF(nb_inplace_add)},
    [PITH_NB_AND] = {NB_OFF(nb_and), NB_OFF(nb_inplace_and)},
    [PITH_NB_FLOOR_DIVIDE] = {NB_OFF(nb_floor_divide), NB_OFF(nb_inplace_floor_divide)},
    [PITH_NB_LSHIFT] = {NB_OFF(nb_lshift), NB_OFF(nb_inplace_lshift)},
    [PITH_NB_MATRIX_MULTIPLY] = {NB_OFF(nb_matrix_multiply),
                                 NB_OFF(nb_inplace_matrix_multiply)},
    [PITH_NB_MULTIPLY] = {NB_OFF(nb_multiply), NB_OFF(nb_inplace_multiply)},
    [PITH_NB_REMAINDER] = {NB_OFF(nb_remainder), NB_OFF(nb_inplace_remainder)},
    [PITH_NB_OR] = {NB_OFF(nb_or), NB_OFF(nb_inplace_or)},
    [PITH_NB_POWER] = {NB_OFF(nb_power), NB_OFF(nb_inplace_power)},
    [PITH_NB_RSHIFT] = {NB_OFF(nb_rshift), NB_OFF(nb_inplace_rshift)},
    [PITH_NB_SUBTRACT] = {NB_OFF(nb_subtract), NB_OFF(nb_inplace_subtract)},
    [PITH_NB_TRUE_DIVIDE] = {NB_OFF(nb_true_divide), NB_OFF(nb_inplace_true_divide)},
    [PITH_NB_XOR] = {NB_OFF(nb_xor), NB_OFF(nb_inplace_xor)},
};

/* ---- binary operators ---------------------------------------------------- */

/* Try a's and b's slot at offset `off`; NotImplemented (new ref not
 * needed: immortal) if neither handles it. */
static PithObject *binary_op1(PithObject *a, PithObject *b, size_t off) {
    PithType *ta = PITH_TYPE(a), *tb = PITH_TYPE(b);
    pith_binaryfunc fa = NB_BINSLOT(ta, off), fb = NULL;
    if (tb != ta) {
        fb = NB_BINSLOT(tb, off);
        if (fb == fa) fb = NULL;
    }
    PithObject *r;
    if (fa) {
        if (fb && pith_type_is_subtype(tb, ta)) {
            r = fb(a, b);
            if (r != PITH_NOTIMPL) return r;
            fb = NULL;
        }
        r = fa(a, b);
        if (r != PITH_NOTIMPL) return r;
    }
    if (fb) return fb(a, b);
    return PITH_NOTIMPL;
}

static PithObject *binop_type_error(PithObject *a, PithObject *b, const char *op) {
    return pith_err_format(&pith_exc_TypeError,
                           "unsupported operand type(s) for %s: '%.100s' and '%.100s'",
                           op, pith_type_name(a), pith_type_name(b));
}

/* seq * n: n must be an index. */
static PithObject *sequence_repeat(pith_ssizeargfunc repeat, PithObject *seq,
                                   PithObject *n) {
    if (!pith_index_check(n))
        return pith_err_format(&pith_exc_TypeError,
                               "can't multiply sequence by non-int of type '%.200s'",
                               pith_type_name(n));
    intptr_t count = pith_number_as_ssize(n, &pith_exc_OverflowError);
    if (count == -1 && pith_err_occurred()) return NULL;
    return repeat(seq, count);
}

/* Sequence fallbacks of + and * (and their in-place forms). */
static PithObject *sequence_fallback(PithObject *a, PithObject *b, bool mul,
                                     bool inplace) {
    PithSequenceMethods *sa = PITH_TYPE(a)->tp_as_sequence;
    PithSequenceMethods *sb = PITH_TYPE(b)->tp_as_sequence;
    if (!mul) {
        pith_binaryfunc f = NULL;
        if (sa) f = inplace && sa->sq_inplace_concat ? sa->sq_inplace_concat : sa->sq_concat;
        return f ? f(a, b) : PITH_NOTIMPL;
    }
    if (sa) {
        pith_ssizeargfunc f =
            inplace && sa->sq_inplace_repeat ? sa->sq_inplace_repeat : sa->sq_repeat;
        if (f) return sequence_repeat(f, a, b);
    }
    if (sb && sb->sq_repeat) return sequence_repeat(sb->sq_repeat, b, a);
    return PITH_NOTIMPL;
}

static PithObject *ternary_power(PithObject *a, PithObject *b, PithObject *c,
                                 size_t off, const char *op);

static PithObject *binary_op(PithObject *a, PithObject *b, int op) {
    if (op == PITH_NB_POWER)
        return ternary_power(a, b, PITH_NONE, NB_OFF(nb_power), "** or pow()");
    PithObject *r = binary_op1(a, b, nb_slots[op].op);
    if (r == PITH_NOTIMPL && (op == PITH_NB_ADD || op == PITH_NB_MULTIPLY))
        r = sequence_fallback(a, b, op == PITH_NB_MULTIPLY, false);
    if (r == PITH_NOTIMPL && op == PITH_NB_RSHIFT && PITH_TYPE(a) == &pith_cfunction_type &&
        strcmp(((PithCFunction *)a)->def->name, "print") == 0) /* py2's print >> f */
        return pith_err_format(&pith_exc_TypeError,
                               "unsupported operand type(s) for >>: '%.100s' and '%.100s'. "
                               "Did you mean \"print(<message>, file=<output_stream>)\"?",
                               pith_type_name(a), pith_type_name(b));
    if (r == PITH_NOTIMPL) return binop_type_error(a, b, pith_nb_op_symbol[op]);
    return r;
}

static PithObject *inplace_op(PithObject *a, PithObject *b, int iop) {
    int op = iop - PITH_NB_INPLACE_ADD;
    PithType *ta = PITH_TYPE(a);
    if (op == PITH_NB_POWER) {
        pith_ternaryfunc f = ta->tp_as_number ? ta->tp_as_number->nb_inplace_power : NULL;
        if (f) {
            PithObject *r = f(a, b, PITH_NONE);
            if (r != PITH_NOTIMPL) return r;
        }
        return ternary_power(a, b, PITH_NONE, NB_OFF(nb_power), "**=");
    }
    pith_binaryfunc f = NB_BINSLOT(ta, nb_slots[op].iop);
    if (f) {
        PithObject *r = f(a, b);
        if (r != PITH_NOTIMPL) return r;
    }
    PithObject *r = binary_op1(a, b, nb_slots[op].op);
    if (r == PITH_NOTIMPL && (op == PITH_NB_ADD || op == PITH_NB_MULTIPLY))
        r = sequence_fallback(a, b, op == PITH_NB_MULTIPLY, true);
    if (r == PITH_NOTIMPL) return binop_type_error(a, b, pith_nb_op_symbol[iop]);
    return r;
}

PithObject *pith_number_binop(PithObject *a, PithObject *b, int nb_op) {
    if (nb_op < 0 || nb_op >= PITH_NB_COUNT) {
        PITH_BAD_INTERNAL_CALL();
        return NULL;
    }
    return nb_op < PITH_NB_INPLACE_ADD ? binary_op(a, b, nb_op) : inplace_op(a, b, nb_op);
}

/* pow(a, b, c): slots of a, b and (for 3 args) c. */
static PithObject *ternary_power(PithObject *a, PithObject *b, PithObject *c,
                                 size_t off, const char *op) {
    PithType *ta = PITH_TYPE(a), *tb = PITH_TYPE(b);
    pith_ternaryfunc fa = ta->tp_as_number ? ta->tp_as_number->nb_power : NULL;
    pith_ternaryfunc fb = tb->tp_as_number ? tb->tp_as_number->nb_power : NULL;
    if (fb == fa) fb = NULL;
    PithObject *r;
    if (fa) {
        if (fb && pith_type_is_subtype(tb, ta)) {
            r = fb(a, b, c);
            if (r != PITH_NOTIMPL) return r;
            fb = NULL;
        }
        r = fa(a, b, c);
        if (r != PITH_NOTIMPL) return r;
    }
    if (fb) {
        r = fb(a, b, c);
        if (r != PITH_NOTIMPL) return r;
    }
    if (c != PITH_NONE) {
        PithType *tc = PITH_TYPE(c);
        pith_ternaryfunc fc = tc->tp_as_number ? tc->tp_as_number->nb_power : NULL;
        if (fc && fc != fa && fc != fb) {
            r = fc(a, b, c);
            if (r != PITH_NOTIMPL) return r;
        }
        return pith_err_format(&pith_exc_TypeError,
                               "unsupported operand type(s) for %s: '%.100s', "
                               "'%.100s', '%.100s'",
                               op, ta->tp_name, tb->tp_name, tc->tp_name);
    }
    return binop_type_error(a, b, op);
}

#define BINOP(fn, op)                                                          \
    PithObject *fn(PithObject *a, PithObject *b) { return binary_op(a, b, op); }
BINOP(pith_number_add, PITH_NB_ADD)
BINOP(pith_number_subtract, PITH_NB_SUBTRACT)
BINOP(pith_number_multiply, PITH_NB_MULTIPLY)
BINOP(pith_number_true_divide, PITH_NB_TRUE_DIVIDE)
BINOP(pith_number_floor_divide, PITH_NB_FLOOR_DIVIDE)
BINOP(pith_number_remainder, PITH_NB_REMAINDER)
BINOP(pith_number_lshift, PITH_NB_LSHIFT)
BINOP(pith_number_rshift, PITH_NB_RSHIFT)
BINOP(pith_number_and, PITH_NB_AND)
BINOP(pith_number_or, PITH_NB_OR)
BINOP(pith_number_xor, PITH_NB_XOR)
#undef BINOP

PithObject *pith_number_divmod(PithObject *a, PithObject *b) {
    PithObject *r = binary_op1(a, b, NB_OFF(nb_divmod));
    return r == PITH_NOTIMPL ? binop_type_error(a, b, "divmod()") : r;
}

PithObject *pith_number_power(PithObject *a, PithObject *b, PithObject *mod) {
    return ternary_power(a, b, mod ? mod : PITH_NONE, NB_OFF(nb_power),
                         "** or pow()");
}

/* ---- unary operators ------------------------------------------------------- */

static PithObject *unary_op(PithObject *o, size_t off, const char *what) {
    PithNumberMethods *nb = PITH_TYPE(o)->tp_as_number;
    pith_unaryfunc f = nb ? *(pith_unaryfunc *)((char *)nb + off) : NULL;
    if (f) return f(o);
    return pith_err_format(&pith_exc_TypeError, "bad operand type for %s: '%.200s'",
                           what, pith_type_name(o));
}

PithObject *pith_number_negative(PithObject *o) {
    return unary_op(o, NB_OFF(nb_negative), "unary -");
}
PithObject *pith_number_positive(PithObject *o) {
    return unary_op(o, NB_OFF(nb_positive), "unary +");
}
PithObject *pith_number_invert(PithObject *o) {
    return unary_op(o, NB_OFF(nb_invert), "unary ~");
}
PithObject *pith_number_absolute(PithObject *o) {
    return unary_op(o, NB_OFF(nb_absolute), "abs()");
}

/* ---- conversions -------------------------------------------------------------- */

bool pith_index_check(PithObject *o) {
    PithNumberMethods *nb = PITH_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

/* An exact int equal to the int (subclass) o. */
static PithObject *exact_int(PithObject *o) {
    if (pith_int_check_exact(o)) return PITH_NEWREF(o);
    PithObject *zero = pith_int_from_i64(0);
    PithObject *r = zero ? pith_int_add(o, zero) : NULL;
    PITH_XDECREF(zero);
    return r;
}

/* Convert the result of __int__/__index__-like slot `r` (stolen): an exact
 * int passes, an int subclass is converted after a DeprecationWarning. */
static PithObject *check_int_result(PithObject *r, const char *what) {
    if (!r || pith_int_check_exact(r)) return r;
    if (!pith_int_check(r)) {
        pith_err_format(&pith_exc_TypeError, "%s returned non-int (type %.200s)", what,
                        pith_type_name(r));
        PITH_DECREF(r);
        return NULL;
    }
    char msg[400];
    snprintf(msg, sizeof msg,
             "%s returned non-int (type %.200s).  The ability to return an instance of a "
             "strict subclass of int is deprecated, and may be removed in a future version "
             "of Python.",
             what, pith_type_name(r));
    PithObject *e = pith_warn(&pith_exc_DeprecationWarning, msg, 1) < 0 ? NULL : exact_int(r);
    PITH_DECREF(r);
    return e;
}

PithObject *pith_number_index(PithObject *o) {
    if (pith_int_check_exact(o)) return PITH_NEWREF(o);
    if (pith_int_check(o)) return exact_int(o);
    if (!pith_index_check(o))
        return pith_err_format(&pith_exc_TypeError,
                               "'%.200s' object cannot be interpreted as an integer",
                               pith_type_name(o));
    return check_int_result(PITH_TYPE(o)->tp_as_number->nb_index(o), "__index__");
}

intptr_t pith_number_as_ssize(PithObject *o, PithType *exc) {
    PithObject *i = pith_number_index(o);
    if (!i) return -1;
    int overflow = 0;
    int64_t v = pith_int_as_i64_overflow(i, &overflow);
    if (overflow) {
        if (!exc) {
            v = overflow < 0 ? INTPTR_MIN : INTPTR_MAX;
        } else {
            pith_err_format(exc, "cannot fit '%.200s' into an index-sized integer",
                            pith_type_name(o));
            v = -1;
        }
    }
    PITH_DECREF(i);
    return (intptr_t)v;
}

PithObject *pith_number_long(PithObject *o) {
    if (pith_int_check_exact(o)) return PITH_NEWREF(o);
    PithNumberMethods *nb = PITH_TYPE(o)->tp_as_number;
    if (nb && nb->nb_int) return check_int_result(nb->nb_int(o), "__int__");
    if (nb && nb->nb_index) return pith_number_index(o);
    PithObject *trunc = pith_lookup_special(o, pith_id_trunc());
    if (trunc) {
        PithObject *r = pith_call_noargs(trunc);
        PITH_DECREF(trunc);
        if (!r || pith_int_check(r)) return check_int_result(r, "__trunc__");
        PithObject *i = pith_number_index(r);
        if (!i)
            pith_err_format(&pith_exc_TypeError,
                            "__trunc__ returned non-Integral (type %.200s)",
                            pith_type_name(r));
        PITH_DECREF(r);
        return i;
    }
    if (pith_err_occurred()) return NULL;
    if (pith_str_check(o)) {
        intptr_t n;
        const char *s = pith_str_utf8_size(o, &n);
        if (!s) return NULL;
        return pith_int_from_string(s, (size_t)n, 10);
    }
    if (pith_bytes_check(o))
        return pith_int_from_string(PITH_BYTES_DATA(o), (size_t)PITH_SIZE(o), 10);
    return pith_err_format(&pith_exc_TypeError,
                           "int() argument must be a string, a bytes-like object "
                           "or a real number, not '%.200s'",
                           pith_type_name(o));
}

PithObject *pith_number_float(PithObject *o) {
    if (pith_float_check_exact(o)) return PITH_NEWREF(o);
    PithNumberMethods *nb = PITH_TYPE(o)->tp_as_number;
    if (nb && nb->nb_float) {
        PithObject *r = nb->nb_float(o);
        if (!r || pith_float_check_exact(r)) return r;
        if (!pith_float_check(r)) {
            pith_err_format(&pith_exc_TypeError,
                            "%.50s.__float__ returned non-float (type %.50s)",
                            pith_type_name(o), pith_type_name(r));
            PITH_DECREF(r);
            return NULL;
        }
        double v = PITH_FLOAT_VALUE(r);
        PITH_DECREF(r);
        return pith_float_from_double(v);
    }
    if (nb && nb->nb_index) {
        PithObject *i = pith_number_index(o);
        if (!i) return NULL;
        double v = pith_int_as_double(i);
        PITH_DECREF(i);
        if (v == -1.0 && pith_err_occurred()) return NULL;
        return pith_float_from_double(v);
    }
    if (pith_float_check(o)) return pith_float_from_double(PITH_FLOAT_VALUE(o));
    if (pith_str_check(o)) {
        intptr_t n;
        const char *s = pith_str_utf8_size(o, &n);
        if (!s) return NULL;
        return pith_float_from_string(s, (size_t)n, false);
    }
    if (pith_bytes_check(o))
        return pith_float_from_string(PITH_BYTES_DATA(o), (size_t)PITH_SIZE(o), false);
    return pith_err_format(&pith_exc_TypeError,
                           "float() argument must be a string or a real number, "
                           "not '%.200s'",
                           pith_type_name(o));
}

/* ---- sequences and mappings --------------------------------------------------- */

intptr_t pith_len(PithObject *o) {
    PithType *t = PITH_TYPE(o);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_length)
        return t->tp_as_sequence->sq_length(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length)
        return t->tp_as_mapping->mp_length(o);
    pith_err_format(&pith_exc_TypeError, "object of type '%.200s' has no len()",
                    t->tp_name);
    return -1;
}

/* Convert key to an index for sq_item-style access, adding len if < 0. */
static int seq_index(PithObject *o, PithObject *key, intptr_t *out) {
    if (!pith_index_check(key)) {
        pith_err_format(&pith_exc_TypeError,
                        "sequence index must be integer, not '%.200s'",
                        pith_type_name(key));
        return -1;
    }
    intptr_t i = pith_number_as_ssize(key, &pith_exc_IndexError);
    if (i == -1 && pith_err_occurred()) return -1;
    PithSequenceMethods *sq = PITH_TYPE(o)->tp_as_sequence;
    if (i < 0 && sq->sq_length) {
        intptr_t n = sq->sq_length(o);
        if (n < 0) return -1;
        i += n;
    }
    *out = i;
    return 0;
}

/* Builtin generic containers whose C[...] gives a GenericAlias even when
 * their type does not list __class_getitem__ itself. */
static bool builtin_generic(PithObject *type) {
    PithType *const known[] = {&pith_list_type, &pith_dict_type, &pith_tuple_type,
                               &pith_set_type, &pith_frozenset_type, &pith_type_type};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (type == (PithObject *)known[i]) return true;
    return false;
}

static PithObject *class_getitem(PithObject *type, PithObject *key) {
    PithObject *meth;
    int f = pith_lookup_attr(type, pith_id_class_getitem(), &meth);
    if (f < 0) return NULL;
    if (f == 0 && builtin_generic(type)) return pith_generic_alias_new(type, key);
    if (f == 0)
        return pith_err_format(&pith_exc_TypeError, "type '%.200s' is not subscriptable",
                               ((PithType *)type)->tp_name);
    PithObject *r = pith_call_one(meth, key);
    PITH_DECREF(meth);
    return r;
}

PithObject *pith_getitem(PithObject *o, PithObject *key) {
    PithType *t = PITH_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript)
        return t->tp_as_mapping->mp_subscript(o, key);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
        intptr_t i;
        if (seq_index(o, key, &i) < 0) return NULL;
        return t->tp_as_sequence->sq_item(o, i);
    }
    if (pith_type_check(o)) return class_getitem(o, key);
    return pith_err_format(&pith_exc_TypeError, "'%.200s' object is not subscriptable",
                           t->tp_name);
}

int pith_setitem(PithObject *o, PithObject *key, PithObject *value) {
    PithType *t = PITH_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript)
        return t->tp_as_mapping->mp_ass_subscript(o, key, value);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_ass_item) {
        intptr_t i;
        if (seq_index(o, key, &i) < 0) return -1;
        return t->tp_as_sequence->sq_ass_item(o, i, value);
    }
    pith_err_format(&pith_exc_TypeError,
                    value ? "'%.200s' object does not support item assignment"
                          : "'%.200s' object doesn't support item deletion",
                    t->tp_name);
    return -1;
}

int pith_delitem(PithObject *o, PithObject *key) { return pith_setitem(o, key, NULL); }

PithObject *pith_sequence_getitem(PithObject *o, intptr_t i) {
    PithType *t = PITH_TYPE(o);
    PithSequenceMethods *sq = t->tp_as_sequence;
    if (sq && sq->sq_item) {
        if (i < 0 && sq->sq_length) {
            intptr_t n = sq->sq_length(o);
            if (n < 0) return NULL;
            i += n;
        }
        return sq->sq_item(o, i);
    }
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript) {
        PithObject *k = pith_int_from_ssize(i);
        if (!k) return NULL;
        PithObject *r = t->tp_as_mapping->mp_subscript(o, k);
        PITH_DECREF(k);
        return r;
    }
    return pith_err_format(&pith_exc_TypeError, "'%.200s' object does not support indexing",
                           t->tp_name);
}

int pith_contains(PithObject *container, PithObject *item) {
    PithSequenceMethods *sq = PITH_TYPE(container)->tp_as_sequence;
    if (sq && sq->sq_contains) return sq->sq_contains(container, item);
    PithObject *it = pith_get_iter(container);
    if (!it) {
        if (pith_err_matches(&pith_exc_TypeError)) {
            pith_err_clear();
            pith_err_format(&pith_exc_TypeError, "argument of type '%.200s' is not iterable",
                            pith_type_name(container));
        }
        return -1;
    }
    int found = 0;
    PithObject *x;
    while (!found && (x = pith_iter_next(it))) {
        found = pith_richcompare_bool(x, item, PITH_EQ);
        PITH_DECREF(x);
    }
    PITH_DECREF(it);
    if (found == 0 && pith_err_occurred()) return -1;
    return found;
}

PithObject *pith_sequence_list(PithObject *iterable) {
    PithObject *l = pith_list_new(0);
    if (l && pith_list_extend(l, iterable) < 0) PITH_CLEAR(l);
    return l;
}

PithObject *pith_sequence_tuple(PithObject *iterable) {
    if (pith_tuple_check_exact(iterable)) return PITH_NEWREF(iterable);
    if (pith_list_check(iterable)) return pith_list_as_tuple(iterable);
    PithObject *l = pith_sequence_list(iterable);
    if (!l) return NULL;
    PithObject *t = pith_list_as_tuple(l);
    PITH_DECREF(l);
    return t;
}

PithObject *pith_sequence_fast(PithObject *iterable, const char *errmsg) {
    if (pith_list_check_exact(iterable) || pith_tuple_check_exact(iterable))
        return PITH_NEWREF(iterable);
    PithObject *it = pith_get_iter(iterable);
    if (!it) {
        if (errmsg && pith_err_matches(&pith_exc_TypeError)) {
            pith_err_clear();
            pith_err_set_string(&pith_exc_TypeError, errmsg);
        }
        return NULL;
    }
    PithObject *l = pith_sequence_list(it);
    PITH_DECREF(it);
    return l;
}

/* len(o) if o has a length: 1 found, 0 no length slot, -1 error. */
static int try_len(PithObject *o, intptr_t *n) {
    PithType *t = PITH_TYPE(o);
    bool has = (t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
               (t->tp_as_mapping && t->tp_as_mapping->mp_length);
    if (!has) return 0;
    *n = pith_len(o);
    if (*n >= 0) return 1;
    if (!pith_err_matches(&pith_exc_TypeError)) return -1;
    pith_err_clear();
    return 0;
}

intptr_t pith_length_hint(PithObject *o, intptr_t dflt) {
    intptr_t n;
    int has = try_len(o, &n);
    if (has) return has < 0 ? -1 : n;
    PithObject *hint = pith_lookup_special(o, pith_id_length_hint());
    if (!hint) return pith_err_occurred() ? -1 : dflt;
    PithObject *r = pith_call_noargs(hint);
    PITH_DECREF(hint);
    if (!r) {
        if (!pith_err_matches(&pith_exc_TypeError)) return -1;
        pith_err_clear();
        return dflt;
    }
    if (r == PITH_NOTIMPL) return dflt;
    if (!pith_int_check(r)) {
        pith_err_format(&pith_exc_TypeError, "__length_hint__ must be an integer, not %.100s",
                        pith_type_name(r));
        PITH_DECREF(r);
        return -1;
    }
    n = pith_int_as_ssize(r);
    PITH_DECREF(r);
    if (n == -1 && pith_err_occurred()) return -1;
    if (n < 0) {
        pith_err_set_string(&pith_exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

/* ---- isinstance / issubclass ------------------------------------------------- */

/* cls.__bases__ when it is a tuple (new ref); NULL without an error when
 * absent or not a tuple (CPython's abstract classes: any object with a
 * __bases__ tuple takes part in isinstance/issubclass). */
static PithObject *abstract_bases(PithObject *cls) {
    PithObject *b = NULL, *id = pith_id_bases();
    if (!id || pith_lookup_attr(cls, id, &b) <= 0) return NULL;
    if (pith_tuple_check(b)) return b;
    PITH_DECREF(b);
    return NULL;
}

/* 1 when cls has a __bases__ tuple; else -1 with TypeError(msg) unless
 * the lookup itself failed. */
static int check_class(PithObject *cls, const char *msg) {
    PithObject *b = abstract_bases(cls);
    if (b) {
        PITH_DECREF(b);
        return 1;
    }
    if (!pith_err_occurred()) pith_err_set_string(&pith_exc_TypeError, msg);
    return -1;
}

/* Walk derived's __bases__ looking for cls (iteratively along single
 * inheritance, recursively with a depth guard otherwise). */
static int abstract_issubclass(PithObject *derived, PithObject *cls) {
    PITH_INCREF(derived);
    for (;;) {
        if (derived == cls) {
            PITH_DECREF(derived);
            return 1;
        }
        PithObject *bases = abstract_bases(derived);
        PITH_DECREF(derived);
        if (!bases) return pith_err_occurred() ? -1 : 0;
        intptr_t n = PITH_SIZE(bases);
        if (n == 1) {
            derived = PITH_NEWREF(PITH_TUPLE_GET(bases, 0));
            PITH_DECREF(bases);
            continue;
        }
        int r = 0;
        for (intptr_t i = 0; r == 0 && i < n; i++) {
            if (pith_enter_recursive_call(" in __issubclass__") < 0) {
                r = -1;
                break;
            }
            r = abstract_issubclass(PITH_TUPLE_GET(bases, i), cls);
            pith_leave_recursive_call();
        }
        PITH_DECREF(bases);
        return r;
    }
}

int pith_real_isinstance(PithObject *inst, PithObject *cls) {
    PithObject *c;
    if (pith_type_check(cls)) {
        if (pith_type_ok(inst, (PithType *)cls)) return 1;
        int f = pith_lookup_attr(inst, pith_id_class(), &c);
        if (f <= 0) return f;
        int r = c != (PithObject *)PITH_TYPE(inst) && pith_type_check(c) &&
                pith_type_is_subtype((PithType *)c, (PithType *)cls);
        PITH_DECREF(c);
        return r;
    }
    if (check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union") < 0)
        return -1;
    int f = pith_lookup_attr(inst, pith_id_class(), &c);
    if (f <= 0) return f;
    int r = abstract_issubclass(c, cls);
    PITH_DECREF(c);
    return r;
}

/* Call cls.__instancecheck__ / __subclasscheck__ if defined; 2 = absent. */
static int call_checker(PithObject *cls, PithObject *name, PithObject *arg, const char *where) {
    PithObject *checker = pith_lookup_special(cls, name);
    if (!checker) return pith_err_occurred() ? -1 : 2;
    if (pith_enter_recursive_call(where)) {
        PITH_DECREF(checker);
        return -1;
    }
    PithObject *r = pith_call_one(checker, arg);
    pith_leave_recursive_call();
    PITH_DECREF(checker);
    if (!r) return -1;
    int t = pith_is_true(r);
    PITH_DECREF(r);
    return t;
}

/* Apply check(x, item) to each item of the tuple cls until one is not 0. */
static int any_of(PithObject *x, PithObject *cls, int (*check)(PithObject *, PithObject *),
                  const char *where) {
    if (pith_enter_recursive_call(where) < 0) return -1;
    int r = 0;
    for (intptr_t i = 0; r == 0 && i < PITH_SIZE(cls); i++) r = check(x, PITH_TUPLE_GET(cls, i));
    pith_leave_recursive_call();
    return r;
}

int pith_isinstance(PithObject *inst, PithObject *cls) {
    if ((PithObject *)PITH_TYPE(inst) == cls) return 1;
    if (PITH_TYPE(cls) == &pith_type_type) return pith_real_isinstance(inst, cls);
    if (pith_tuple_check(cls)) return any_of(inst, cls, pith_isinstance, " in __instancecheck__");
    int r = call_checker(cls, pith_id_instancecheck(), inst, " in __instancecheck__");
    return r == 2 ? pith_real_isinstance(inst, cls) : r;
}

int pith_real_issubclass(PithObject *derived, PithObject *cls) {
    if (pith_type_check(derived) && pith_type_check(cls))
        return pith_type_is_subtype((PithType *)derived, (PithType *)cls);
    if (check_class(derived, "issubclass() arg 1 must be a class") < 0 ||
        check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union") < 0)
        return -1;
    return abstract_issubclass(derived, cls);
}

int pith_issubclass(PithObject *derived, PithObject *cls) {
    if (PITH_TYPE(cls) == &pith_type_type && pith_type_check(derived))
        return pith_type_is_subtype((PithType *)derived, (PithType *)cls);
    if (pith_tuple_check(cls)) return any_of(derived, cls, pith_issubclass, " in __subclasscheck__");
    int r = call_checker(cls, pith_id_subclasscheck(), derived, " in __subclasscheck__");
    return r == 2 ? pith_real_issubclass(derived, cls) : r;
}
