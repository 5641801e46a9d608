/* slots.c — the bridge between C type slots and Python dunder methods.
 *
 *  - For static types, pith_slots_add_wrappers() puts a `wrapper_descriptor`
 *    in the type dict for every slot the type defines (int.__add__,
 *    list.__len__, object.__eq__ ...); binding one gives a `method-wrapper`.
 *  - For classes (heap types), pith_slots_fixup() points each slot either at
 *    the C function of an inherited wrapper (fast path) or at a generic
 *    dispatcher that looks the dunder up on the type and calls it.
 *
 * One table (slotdefs) drives both directions. Entries that share a slot
 * (nb_add <- __add__ and __radd__) form a group, resolved together; a new
 * class resolves only the groups its own dict names along its MRO and takes
 * the others from its base (see pith_slots_fixup). */
#include <string.h>

#include "pith/pith.h"
#include "runtime_internal.h"

typedef void (*anyfn)(void);
/* Call C slot `fn` for self with Python-level arguments. */
typedef PithObject *(*wrapperfn)(PithObject *self, PithObject *const *args,
                                 size_t nargs, PithObject *kwnames, anyfn fn);

enum { T_TYPE, T_NUM, T_SEQ, T_MAP };

typedef struct SlotDef {
    const char *name;
    int table;
    size_t offset;
    wrapperfn wrapper;
    anyfn dispatcher; /* for heap types */
    const char *doc;
} SlotDef;

/* Address of the slot of t described by s, or NULL if t lacks the table. */
static anyfn *slot_ptr(PithType *t, const SlotDef *s) {
    char *base;
    switch (s->table) {
    case T_TYPE: base = (char *)t; break;
    case T_NUM: base = (char *)t->tp_as_number; break;
    case T_SEQ: base = (char *)t->tp_as_sequence; break;
    default: base = (char *)t->tp_as_mapping; break;
    }
    return base ? (anyfn *)(base + s->offset) : NULL;
}

/* ---- argument checks of wrappers ------------------------------------------ */

static int check_nargs(const char *what, size_t nargs, size_t min, size_t max,
                       PithObject *kwnames, bool unpack) {
    if (kwnames && PITH_SIZE(kwnames)) {
        pith_err_format(&pith_exc_TypeError, "wrapper %s() takes no keyword arguments", what);
        return -1;
    }
    if (nargs < min || nargs > max) {
        /* unpack: CPython's PyArg_UnpackTuple(args, "", ...), whose empty
         * name leaves a leading space */
        size_t lim = nargs < min ? min : max;
        const char *range = min == max ? "" : nargs < min ? "at least " : "at most ";
        pith_err_format(&pith_exc_TypeError, "%sexpected %s%zd argument%s, got %zd",
                        unpack ? " " : "", unpack ? range : "", (intptr_t)lim,
                        lim == 1 ? "" : "s", (intptr_t)nargs);
        return -1;
    }
    return 0;
}

#define CHECK(min, max)                                                        \
    if (check_nargs("", nargs, (min), (max), kwnames, false) < 0) return NULL
#define CHECK_UNPACK(min, max)                                                 \
    if (check_nargs("", nargs, (min), (max), kwnames, true) < 0) return NULL

/* ---- wrappers: call a C slot with Python arguments ----------------------- */

static PithObject *w_unary(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames, anyfn fn) {
    CHECK(0, 0);
    return ((pith_unaryfunc)fn)(self);
}

static PithObject *w_next(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames, anyfn fn) {
    CHECK(0, 0);
    PithObject *r = ((pith_iternextfunc)fn)(self);
    if (!r && !pith_err_occurred()) pith_err_set_none(&pith_exc_StopIteration);
    return r;
}

static PithObject *w_binary(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames, anyfn fn) {
    CHECK(1, 1);
    return ((pith_binaryfunc)fn)(self, args[0]);
}

static PithObject *w_binary_r(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames, anyfn fn) {
    CHECK(1, 1);
    return ((pith_binaryfunc)fn)(args[0], self);
}

static PithObject *w_ternary(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames, anyfn fn) {
    CHECK_UNPACK(1, 2);
    return ((pith_ternaryfunc)fn)(self, args[0], nargs > 1 ? args[1] : PITH_NONE);
}

static PithObject *w_ternary_r(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames, anyfn fn) {
    CHECK_UNPACK(1, 2);
    return ((pith_ternaryfunc)fn)(args[0], self, nargs > 1 ? args[1] : PITH_NONE);
}

static PithObject *w_inquiry(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames, anyfn fn) {
    CHECK(0, 0);
    int r = ((pith_inquiry)fn)(self);
    return r < 0 ? NULL : pith_bool_from(r);
}

static PithObject *w_len(PithObject *self, PithObject *const *args, size_t nargs,
                         PithObject *kwnames, anyfn fn) {
    CHECK(0, 0);
    intptr_t n = ((pith_lenfunc)fn)(self);
    return n < 0 ? NULL : pith_int_from_ssize(n);
}

static PithObject *w_hash(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames, anyfn fn) {
    CHECK(0, 0);
    intptr_t h = ((pith_hashfunc)fn)(self);
    return h == -1 && pith_err_occurred() ? NULL : pith_int_from_ssize(h);
}

static PithObject *w_richcmp(PithObject *self, PithObject *other, anyfn fn, int op) {
    return ((pith_richcmpfunc)fn)(self, other, op);
}

#define RICH_WRAPPER(fname, op)                                                \
    static PithObject *fname(PithObject *self, PithObject *const *args,        \
                             size_t nargs, PithObject *kwnames, anyfn fn) {    \
        CHECK(1, 1);                                                           \
        return w_richcmp(self, args[0], fn, op);                               \
    }
RICH_WRAPPER(w_lt, PITH_LT)
RICH_WRAPPER(w_le, PITH_LE)
RICH_WRAPPER(w_eq, PITH_EQ)
RICH_WRAPPER(w_ne, PITH_NE)
RICH_WRAPPER(w_gt, PITH_GT)
RICH_WRAPPER(w_ge, PITH_GE)
#undef RICH_WRAPPER

static PithObject *w_setattr(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames, anyfn fn) {
    CHECK_UNPACK(2, 2);
    if (((pith_setattrofunc)fn)(self, args[0], args[1]) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *w_delattr(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames, anyfn fn) {
    CHECK(1, 1);
    if (((pith_setattrofunc)fn)(self, args[0], NULL) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *w_call(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames, anyfn fn) {
    return ((pith_callfunc)fn)(self, args, nargs, kwnames);
}

static PithObject *w_init(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames, anyfn fn) {
    if (((pith_initfunc)fn)(self, args, nargs, kwnames) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *w_descr_get(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames, anyfn fn) {
    CHECK_UNPACK(1, 2);
    PithObject *obj = args[0] == PITH_NONE ? NULL : args[0];
    PithObject *type = nargs > 1 && args[1] != PITH_NONE ? args[1] : NULL;
    if (!obj && !type) {
        pith_err_set_string(&pith_exc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return ((pith_descrgetfunc)fn)(self, obj, type);
}

static PithObject *w_descr_set(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames, anyfn fn) {
    CHECK_UNPACK(2, 2);
    if (((pith_descrsetfunc)fn)(self, args[0], args[1]) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *w_descr_delete(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames, anyfn fn) {
    CHECK(1, 1);
    if (((pith_descrsetfunc)fn)(self, args[0], NULL) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *w_objobjarg(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames, anyfn fn) {
    CHECK_UNPACK(2, 2);
    if (((pith_objobjargproc)fn)(self, args[0], args[1]) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *w_delitem(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames, anyfn fn) {
    CHECK(1, 1);
    if (((pith_objobjargproc)fn)(self, args[0], NULL) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *w_contains(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames, anyfn fn) {
    CHECK(1, 1);
    int r = ((pith_objobjproc)fn)(self, args[0]);
    return r < 0 ? NULL : pith_bool_from(r);
}

/* Index argument, negative values adjusted by len(self). */
static int index_arg(PithObject *self, PithObject *arg, intptr_t *out) {
    intptr_t i = pith_number_as_ssize(arg, &pith_exc_OverflowError);
    if (i == -1 && pith_err_occurred()) return -1;
    PithSequenceMethods *sq = PITH_TYPE(self)->tp_as_sequence;
    if (i < 0 && sq && sq->sq_length) {
        intptr_t n = sq->sq_length(self);
        if (n < 0) return -1;
        i += n;
    }
    *out = i;
    return 0;
}

static PithObject *w_sq_item(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames, anyfn fn) {
    CHECK(1, 1);
    intptr_t i;
    if (index_arg(self, args[0], &i) < 0) return NULL;
    return ((pith_ssizeargfunc)fn)(self, i);
}

static PithObject *w_repeat(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames, anyfn fn) {
    CHECK_UNPACK(1, 1);
    intptr_t n = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
    if (n == -1 && pith_err_occurred()) return NULL;
    return ((pith_ssizeargfunc)fn)(self, n);
}

static PithObject *w_sq_setitem(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames, anyfn fn) {
    CHECK_UNPACK(2, 2);
    intptr_t i;
    if (index_arg(self, args[0], &i) < 0) return NULL;
    if (((pith_ssizeobjargproc)fn)(self, i, args[1]) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *w_sq_delitem(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames, anyfn fn) {
    CHECK(1, 1);
    intptr_t i;
    if (index_arg(self, args[0], &i) < 0) return NULL;
    if (((pith_ssizeobjargproc)fn)(self, i, NULL) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *w_del(PithObject *self, PithObject *const *args, size_t nargs,
                         PithObject *kwnames, anyfn fn) {
    CHECK(0, 0);
    ((pith_destructor)fn)(self);
    if (pith_err_occurred()) return NULL;
    PITH_RETURN_NONE;
}

/* ---- dispatchers: C slots of classes that call Python dunders ----------- */

/* type(self).name bound to self and called; *found = 0 if absent. */
static PithObject *call_dunder(PithObject *self, PithObject *name, PithObject *const *args,
                               size_t nargs, int *found) {
    if (!name) { /* intern() failed: the error is set */
        if (found) *found = 1;
        return NULL;
    }
    PithObject *f = pith_type_lookup(PITH_TYPE(self), name);
    if (found) *found = f != NULL;
    if (!f) {
        /* CPython's slot dispatch raises AttributeError(name), bare */
        if (!found) pith_err_set_object(&pith_exc_AttributeError, name);
        return NULL;
    }
    PITH_INCREF(f);
    PithObject *r;
    if (pith_type_has_flag(PITH_TYPE(f), PITH_TPFLAGS_METHOD_DESCRIPTOR)) {
        r = pith_call_prepend(f, self, args, nargs, NULL);
    } else {
        pith_descrgetfunc get = PITH_TYPE(f)->tp_descr_get;
        PithObject *m = get ? get(f, self, (PithObject *)PITH_TYPE(self)) : PITH_NEWREF(f);
        r = m ? pith_call(m, args, nargs, NULL) : NULL;
        PITH_XDECREF(m);
    }
    PITH_DECREF(f);
    return r;
}

/* Like call_dunder, but an absent method gives NotImplemented. */
static PithObject *call_maybe(PithObject *self, PithObject *name, PithObject *const *args,
                              size_t nargs) {
    int found;
    PithObject *r = call_dunder(self, name, args, nargs, &found);
    return found ? r : PITH_NOTIMPL;
}

/* The interned str for a C string literal, borrowed: names are cached by
 * the literal's address (the cache owns a reference to each, and interned
 * strings live as long as the process), so dispatching a dunder does not
 * build and hash a new str on every call. NULL + MemoryError on failure. */
static PithObject *intern(const char *s) {
    enum { NCACHE = 256 };
    static struct {
        const char *key;
        PithObject *name;
    } cache[NCACHE];
    size_t i = ((uintptr_t)s >> 3) & (NCACHE - 1);
    for (size_t n = 0; n < NCACHE && cache[i].key; n++, i = (i + 1) & (NCACHE - 1))
        if (cache[i].key == s) return cache[i].name;
    PithObject *name = pith_str_intern_cstr(s);
    if (name && !cache[i].key) {
        cache[i].key = s;
        cache[i].name = name;
    }
    /* a full cache (never with the literals of this file) keeps the reference */
    return name;
}

#define UNARY_DISPATCH(fname, dunder)                                          \
    static PithObject *fname(PithObject *self) {                               \
        return call_dunder(self, intern(dunder), NULL, 0, NULL);               \
    }
UNARY_DISPATCH(d_repr, "__repr__")
UNARY_DISPATCH(d_str, "__str__")
UNARY_DISPATCH(d_neg, "__neg__")
UNARY_DISPATCH(d_pos, "__pos__")
UNARY_DISPATCH(d_abs, "__abs__")
UNARY_DISPATCH(d_invert, "__invert__")
UNARY_DISPATCH(d_int, "__int__")
UNARY_DISPATCH(d_float, "__float__")
UNARY_DISPATCH(d_index, "__index__")
#undef UNARY_DISPATCH

static PithObject *d_iter(PithObject *self) {
    PithObject *f = pith_type_lookup(PITH_TYPE(self), pith_id_iter());
    if (f == PITH_NONE)
        return pith_err_format(&pith_exc_TypeError, "'%.200s' object is not iterable",
                               pith_type_name(self));
    return call_dunder(self, pith_id_iter(), NULL, 0, NULL);
}

static PithObject *d_next(PithObject *self) {
    PithObject *r = call_dunder(self, pith_id_next(), NULL, 0, NULL);
    if (!r && pith_err_matches(&pith_exc_StopIteration)) pith_err_clear();
    return r;
}

/* Binary operator dispatch with the reflected method of the other operand
 * (CPython's SLOT1BINFULL). `self_slot` is this very dispatcher. */
static PithObject *binary_dispatch(PithObject *a, PithObject *b, size_t off,
                                   anyfn self_slot, const char *name,
                                   const char *rname) {
    PithType *ta = PITH_TYPE(a), *tb = PITH_TYPE(b);
    PithObject *args[1], *n = intern(name), *rn = intern(rname);
    if (!n || !rn) return NULL;
    bool a_side = ta->tp_as_number &&
                  *(anyfn *)((char *)ta->tp_as_number + off) == self_slot;
    bool do_other = ta != tb && tb->tp_as_number &&
                    *(anyfn *)((char *)tb->tp_as_number + off) == self_slot;
    PithObject *r;
    if (a_side) {
        if (do_other && pith_type_is_subtype(tb, ta) &&
            pith_type_lookup(tb, rn) != pith_type_lookup(ta, rn)) {
            args[0] = a;
            r = call_maybe(b, rn, args, 1);
            if (r != PITH_NOTIMPL) return r;
            do_other = false;
        }
        args[0] = b;
        r = call_maybe(a, n, args, 1);
        if (r != PITH_NOTIMPL || ta == tb) return r;
    }
    if (do_other) {
        args[0] = a;
        return call_maybe(b, rn, args, 1);
    }
    PITH_RETURN_NOTIMPL;
}

#define NB_OFF(f) offsetof(PithNumberMethods, f)
#define BINARY_DISPATCH(fname, field, dunder, rdunder)                         \
    static PithObject *fname(PithObject *a, PithObject *b) {                   \
        return binary_dispatch(a, b, NB_OFF(field), (anyfn)fname, dunder, rdunder); \
    }
BINARY_DISPATCH(d_add, nb_add, "__add__", "__radd__")
BINARY_DISPATCH(d_sub, nb_subtract, "__sub__", "__rsub__")
BINARY_DISPATCH(d_mul, nb_multiply, "__mul__", "__rmul__")
BINARY_DISPATCH(d_mod, nb_remainder, "__mod__", "__rmod__")
BINARY_DISPATCH(d_divmod, nb_divmod, "__divmod__", "__rdivmod__")
BINARY_DISPATCH(d_lshift, nb_lshift, "__lshift__", "__rlshift__")
BINARY_DISPATCH(d_rshift, nb_rshift, "__rshift__", "__rrshift__")
BINARY_DISPATCH(d_and, nb_and, "__and__", "__rand__")
BINARY_DISPATCH(d_xor, nb_xor, "__xor__", "__rxor__")
BINARY_DISPATCH(d_or, nb_or, "__or__", "__ror__")
BINARY_DISPATCH(d_floordiv, nb_floor_divide, "__floordiv__", "__rfloordiv__")
BINARY_DISPATCH(d_truediv, nb_true_divide, "__truediv__", "__rtruediv__")
BINARY_DISPATCH(d_matmul, nb_matrix_multiply, "__matmul__", "__rmatmul__")
#undef BINARY_DISPATCH

static PithObject *d_pow_binary(PithObject *a, PithObject *b);
static PithObject *d_pow(PithObject *a, PithObject *b, PithObject *mod) {
    if (mod == PITH_NONE) return d_pow_binary(a, b);
    /* Three-argument pow only calls the left operand's __pow__. */
    PithType *ta = PITH_TYPE(a);
    if (ta->tp_as_number && ta->tp_as_number->nb_power == d_pow) {
        PithObject *args[2] = {b, mod};
        return call_maybe(a, intern("__pow__"), args, 2);
    }
    PITH_RETURN_NOTIMPL;
}

/* Binary pow uses the generic dispatch, keyed on the d_pow slot value. */
static PithObject *d_pow_binary(PithObject *a, PithObject *b) {
    return binary_dispatch(a, b, NB_OFF(nb_power), (anyfn)d_pow, "__pow__", "__rpow__");
}

#define INPLACE_DISPATCH(fname, dunder)                                        \
    static PithObject *fname(PithObject *a, PithObject *b) {                   \
        return call_maybe(a, intern(dunder), &b, 1);                           \
    }
INPLACE_DISPATCH(d_iadd, "__iadd__")
INPLACE_DISPATCH(d_isub, "__isub__")
INPLACE_DISPATCH(d_imul, "__imul__")
INPLACE_DISPATCH(d_imod, "__imod__")
INPLACE_DISPATCH(d_ilshift, "__ilshift__")
INPLACE_DISPATCH(d_irshift, "__irshift__")
INPLACE_DISPATCH(d_iand, "__iand__")
INPLACE_DISPATCH(d_ixor, "__ixor__")
INPLACE_DISPATCH(d_ior, "__ior__")
INPLACE_DISPATCH(d_ifloordiv, "__ifloordiv__")
INPLACE_DISPATCH(d_itruediv, "__itruediv__")
INPLACE_DISPATCH(d_imatmul, "__imatmul__")
#undef INPLACE_DISPATCH

static PithObject *d_ipow(PithObject *a, PithObject *b, PithObject *mod) {
    return call_maybe(a, intern("__ipow__"), &b, 1);
}

static int d_bool(PithObject *self) {
    int found;
    PithObject *r = call_dunder(self, pith_id_bool_(), NULL, 0, &found);
    if (!found) {
        r = call_dunder(self, pith_id_len(), NULL, 0, &found);
        if (!found) return 1;
        if (!r) return -1;
        int t = pith_is_true(r);
        PITH_DECREF(r);
        return t;
    }
    if (!r) return -1;
    if (!pith_bool_check(r)) {
        pith_err_format(&pith_exc_TypeError, "__bool__ should return bool, returned %.200s",
                        pith_type_name(r));
        PITH_DECREF(r);
        return -1;
    }
    return r == PITH_TRUE;
}

static intptr_t d_len(PithObject *self) {
    PithObject *r = call_dunder(self, pith_id_len(), NULL, 0, NULL);
    if (!r) return -1;
    if (!pith_index_check(r)) {
        pith_err_format(&pith_exc_TypeError,
                        "'%.200s' object cannot be interpreted as an integer",
                        pith_type_name(r));
        PITH_DECREF(r);
        return -1;
    }
    intptr_t n = pith_number_as_ssize(r, &pith_exc_OverflowError);
    PITH_DECREF(r);
    if (n < 0 && !pith_err_occurred())
        pith_err_set_string(&pith_exc_ValueError, "__len__() should return >= 0");
    return n < 0 ? -1 : n;
}

static intptr_t d_hash(PithObject *self) {
    PithObject *f = pith_type_lookup(PITH_TYPE(self), pith_id_hash());
    if (f == PITH_NONE) return pith_hash_not_implemented(self);
    PithObject *r = call_dunder(self, pith_id_hash(), NULL, 0, NULL);
    if (!r) return -1;
    if (!pith_int_check(r)) {
        pith_err_set_string(&pith_exc_TypeError, "__hash__ method should return an integer");
        PITH_DECREF(r);
        return -1;
    }
    int overflow = 0;
    int64_t v = pith_int_as_i64_overflow(r, &overflow);
    intptr_t h = overflow ? pith_int_hash(r) : (intptr_t)v;
    if (!overflow && (v < INTPTR_MIN || v > INTPTR_MAX)) h = pith_int_hash(r);
    PITH_DECREF(r);
    return h == -1 ? -2 : h;
}

static const char *const rich_names[] = {"__lt__", "__le__", "__eq__",
                                         "__ne__", "__gt__", "__ge__"};

/* As CPython: a failure while looking up or binding the method (e.g. a
 * property raising) is swallowed and the comparison is NotImplemented. */
static PithObject *d_richcompare(PithObject *self, PithObject *other, int op) {
    PithObject *name = intern(rich_names[op]);
    if (!name) return NULL;
    PithObject *f = pith_type_lookup(PITH_TYPE(self), name);
    if (!f) return PITH_NOTIMPL;
    if (pith_type_has_flag(PITH_TYPE(f), PITH_TPFLAGS_METHOD_DESCRIPTOR) ||
        !PITH_TYPE(f)->tp_descr_get)
        return call_maybe(self, name, &other, 1);
    PITH_INCREF(f);
    PithObject *m = PITH_TYPE(f)->tp_descr_get(f, self, (PithObject *)PITH_TYPE(self));
    PITH_DECREF(f);
    if (!m) {
        pith_err_clear();
        return PITH_NOTIMPL;
    }
    PithObject *r = pith_call(m, &other, 1, NULL);
    PITH_DECREF(m);
    return r;
}

static PithObject *d_call(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    PithObject *f = pith_lookup_special(self, pith_id_call());
    if (!f)
        return pith_err_occurred() ? NULL
                                   : pith_err_format(&pith_exc_TypeError,
                                                     "'%.200s' object is not callable",
                                                     pith_type_name(self));
    /* __call__ may itself be an instance of the class: bound the C depth */
    PithObject *r = NULL;
    if (pith_enter_recursive_call(" while calling a Python object") == 0) {
        r = pith_call(f, args, nargs, kwnames);
        pith_leave_recursive_call();
    }
    PITH_DECREF(f);
    return r;
}

static anyfn wrapper_wrapped(PithObject *w);

/* __getattribute__ then, on AttributeError, __getattr__. An inherited C
 * __getattribute__ (object's, type's, module's) is called directly. */
static PithObject *d_getattr_hook(PithObject *self, PithObject *name) {
    PithType *t = PITH_TYPE(self);
    PithObject *ga = pith_type_lookup(t, pith_id_getattribute());
    PithObject *r;
    pith_getattrofunc cf = NULL;
    if (ga && PITH_TYPE(ga) == &pith_wrapper_descr_type) cf = (pith_getattrofunc)wrapper_wrapped(ga);
    if (cf == d_getattr_hook) cf = NULL;
    if (!ga || PITH_TYPE(ga) == &pith_wrapper_descr_type)
        r = cf ? cf(self, name) : pith_generic_getattr(self, name);
    else
        r = call_dunder(self, pith_id_getattribute(), &name, 1, NULL);
    if (r || !pith_err_matches(&pith_exc_AttributeError)) return r;
    if (!pith_type_lookup(t, pith_id_getattr())) return NULL;
    pith_err_clear();
    return call_dunder(self, pith_id_getattr(), &name, 1, NULL);
}

static int d_setattro(PithObject *self, PithObject *name, PithObject *value) {
    PithObject *args[2] = {name, value};
    PithObject *r = value ? call_dunder(self, pith_id_setattr(), args, 2, NULL)
                          : call_dunder(self, pith_id_delattr(), args, 1, NULL);
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

static PithObject *d_descr_get(PithObject *self, PithObject *obj, PithObject *type) {
    PithObject *args[2] = {obj ? obj : PITH_NONE, type ? type : PITH_NONE};
    return call_dunder(self, pith_id_get(), args, 2, NULL);
}

static int d_descr_set(PithObject *self, PithObject *obj, PithObject *value) {
    PithObject *args[2] = {obj, value};
    PithObject *r = value ? call_dunder(self, pith_id_set(), args, 2, NULL)
                          : call_dunder(self, pith_id_delete(), args, 1, NULL);
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

static int d_init(PithObject *self, PithObject *const *args, size_t nargs,
                  PithObject *kwnames) {
    PithObject *f = pith_lookup_special(self, pith_id_init());
    if (!f) {
        if (!pith_err_occurred()) pith_err_no_attribute(self, pith_id_init());
        return -1;
    }
    PithObject *r = pith_call(f, args, nargs, kwnames);
    PITH_DECREF(f);
    if (!r) return -1;
    if (r != PITH_NONE) {
        pith_err_format(&pith_exc_TypeError, "__init__() should return None, not '%.200s'",
                        pith_type_name(r));
        PITH_DECREF(r);
        return -1;
    }
    return 0;
}

PithObject *pith_slot_tp_new(PithType *t, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    PithObject *f = pith_getattr((PithObject *)t, pith_id_new());
    if (!f) return NULL;
    PithObject *r = pith_call_prepend(f, (PithObject *)t, args, nargs, kwnames);
    PITH_DECREF(f);
    return r;
}

/* __del__: errors are reported as unraisable against the function. */
static void d_finalize(PithObject *self) {
    PithObject *saved = pith_err_fetch();
    PithObject *func = pith_type_lookup(PITH_TYPE(self), pith_id_del());
    if (func) {
        PITH_INCREF(func);
        PithObject *r = call_dunder(self, pith_id_del(), NULL, 0, NULL);
        if (!r) pith_err_write_unraisable(func);
        PITH_XDECREF(r);
        PITH_DECREF(func);
    }
    pith_err_restore(saved);
}

static PithObject *d_getitem(PithObject *self, PithObject *key) {
    return call_dunder(self, pith_id_getitem(), &key, 1, NULL);
}

static int d_setitem(PithObject *self, PithObject *key, PithObject *value) {
    PithObject *args[2] = {key, value};
    PithObject *r = value ? call_dunder(self, pith_id_setitem(), args, 2, NULL)
                          : call_dunder(self, pith_id_delitem(), args, 1, NULL);
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

static PithObject *d_sq_item(PithObject *self, intptr_t i) {
    PithObject *k = pith_int_from_ssize(i);
    if (!k) return NULL;
    PithObject *r = d_getitem(self, k);
    PITH_DECREF(k);
    return r;
}

static int d_sq_ass_item(PithObject *self, intptr_t i, PithObject *value) {
    PithObject *k = pith_int_from_ssize(i);
    if (!k) return -1;
    int r = d_setitem(self, k, value);
    PITH_DECREF(k);
    return r;
}

static int d_contains(PithObject *self, PithObject *item) {
    PithObject *f = pith_type_lookup(PITH_TYPE(self), pith_id_contains());
    if (f == PITH_NONE) {
        pith_err_format(&pith_exc_TypeError, "'%.200s' object is not a container",
                        pith_type_name(self));
        return -1;
    }
    PithObject *r = call_dunder(self, pith_id_contains(), &item, 1, NULL);
    if (!r) return -1;
    int t = pith_is_true(r);
    PITH_DECREF(r);
    return t;
}

/* ---- the table ------------------------------------------------------------------- */

#define TP(n, f, w, d) {n, T_TYPE, offsetof(PithType, f), w, (anyfn)(d), NULL}
#define NB(n, f, w, d) {n, T_NUM, offsetof(PithNumberMethods, f), w, (anyfn)(d), NULL}
#define SQ(n, f, w, d) {n, T_SEQ, offsetof(PithSequenceMethods, f), w, (anyfn)(d), NULL}
#define MP(n, f, w, d) {n, T_MAP, offsetof(PithMappingMethods, f), w, (anyfn)(d), NULL}

static const SlotDef slotdefs[] = {
    TP("__repr__", tp_repr, w_unary, d_repr),
    TP("__hash__", tp_hash, w_hash, d_hash),
    TP("__call__", tp_call, w_call, d_call),
    TP("__str__", tp_str, w_unary, d_str),
    TP("__getattribute__", tp_getattro, w_binary, d_getattr_hook),
    TP("__getattr__", tp_getattro, NULL, d_getattr_hook),
    TP("__setattr__", tp_setattro, w_setattr, d_setattro),
    TP("__delattr__", tp_setattro, w_delattr, d_setattro),
    TP("__lt__", tp_richcompare, w_lt, d_richcompare),
    TP("__le__", tp_richcompare, w_le, d_richcompare),
    TP("__eq__", tp_richcompare, w_eq, d_richcompare),
    TP("__ne__", tp_richcompare, w_ne, d_richcompare),
    TP("__gt__", tp_richcompare, w_gt, d_richcompare),
    TP("__ge__", tp_richcompare, w_ge, d_richcompare),
    TP("__iter__", tp_iter, w_unary, d_iter),
    TP("__next__", tp_iternext, w_next, d_next),
    TP("__get__", tp_descr_get, w_descr_get, d_descr_get),
    TP("__set__", tp_descr_set, w_descr_set, d_descr_set),
    TP("__delete__", tp_descr_set, w_descr_delete, d_descr_set),
    TP("__init__", tp_init, w_init, d_init),
    TP("__del__", tp_finalize, w_del, d_finalize),
    NB("__add__", nb_add, w_binary, d_add),
    NB("__radd__", nb_add, w_binary_r, d_add),
    NB("__sub__", nb_subtract, w_binary, d_sub),
    NB("__rsub__", nb_subtract, w_binary_r, d_sub),
    NB("__mul__", nb_multiply, w_binary, d_mul),
    NB("__rmul__", nb_multiply, w_binary_r, d_mul),
    NB("__mod__", nb_remainder, w_binary, d_mod),
    NB("__rmod__", nb_remainder, w_binary_r, d_mod),
    NB("__divmod__", nb_divmod, w_binary, d_divmod),
    NB("__rdivmod__", nb_divmod, w_binary_r, d_divmod),
    NB("__pow__", nb_power, w_ternary, d_pow),
    NB("__rpow__", nb_power, w_ternary_r, d_pow),
    NB("__neg__", nb_negative, w_unary, d_neg),
    NB("__pos__", nb_positive, w_unary, d_pos),
    NB("__abs__", nb_absolute, w_unary, d_abs),
    NB("__bool__", nb_bool, w_inquiry, d_bool),
    NB("__invert__", nb_invert, w_unary, d_invert),
    NB("__lshift__", nb_lshift, w_binary, d_lshift),
    NB("__rlshift__", nb_lshift, w_binary_r, d_lshift),
    NB("__rshift__", nb_rshift, w_binary, d_rshift),
    NB("__rrshift__", nb_rshift, w_binary_r, d_rshift),
    NB("__and__", nb_and, w_binary, d_and),
    NB("__rand__", nb_and, w_binary_r, d_and),
    NB("__xor__", nb_xor, w_binary, d_xor),
    NB("__rxor__", nb_xor, w_binary_r, d_xor),
    NB("__or__", nb_or, w_binary, d_or),
    NB("__ror__", nb_or, w_binary_r, d_or),
    NB("__int__", nb_int, w_unary, d_int),
    NB("__float__", nb_float, w_unary, d_float),
    NB("__iadd__", nb_inplace_add, w_binary, d_iadd),
    NB("__isub__", nb_inplace_subtract, w_binary, d_isub),
    NB("__imul__", nb_inplace_multiply, w_binary, d_imul),
    NB("__imod__", nb_inplace_remainder, w_binary, d_imod),
    NB("__ipow__", nb_inplace_power, w_ternary, d_ipow),
    NB("__ilshift__", nb_inplace_lshift, w_binary, d_ilshift),
    NB("__irshift__", nb_inplace_rshift, w_binary, d_irshift),
    NB("__iand__", nb_inplace_and, w_binary, d_iand),
    NB("__ixor__", nb_inplace_xor, w_binary, d_ixor),
    NB("__ior__", nb_inplace_or, w_binary, d_ior),
    NB("__floordiv__", nb_floor_divide, w_binary, d_floordiv),
    NB("__rfloordiv__", nb_floor_divide, w_binary_r, d_floordiv),
    NB("__truediv__", nb_true_divide, w_binary, d_truediv),
    NB("__rtruediv__", nb_true_divide, w_binary_r, d_truediv),
    NB("__ifloordiv__", nb_inplace_floor_divide, w_binary, d_ifloordiv),
    NB("__itruediv__", nb_inplace_true_divide, w_binary, d_itruediv),
    NB("__index__", nb_index, w_unary, d_index),
    NB("__matmul__", nb_matrix_multiply, w_binary, d_matmul),
    NB("__rmatmul__", nb_matrix_multiply, w_binary_r, d_matmul),
    NB("__imatmul__", nb_inplace_matrix_multiply, w_binary, d_imatmul),
    MP("__len__", mp_length, w_len, d_len),
    MP("__getitem__", mp_subscript, w_binary, d_getitem),
    MP("__setitem__", mp_ass_subscript, w_objobjarg, d_setitem),
    MP("__delitem__", mp_ass_subscript, w_delitem, d_setitem),
    SQ("__len__", sq_length, w_len, d_len),
    SQ("__add__", sq_concat, w_binary, NULL),
    SQ("__mul__", sq_repeat, w_repeat, NULL),
    SQ("__rmul__", sq_repeat, w_repeat, NULL),
    SQ("__getitem__", sq_item, w_sq_item, d_sq_item),
    SQ("__setitem__", sq_ass_item, w_sq_setitem, d_sq_ass_item),
    SQ("__delitem__", sq_ass_item, w_sq_delitem, d_sq_ass_item),
    SQ("__contains__", sq_contains, w_contains, d_contains),
    SQ("__iadd__", sq_inplace_concat, w_binary, NULL),
    SQ("__imul__", sq_inplace_repeat, w_repeat, NULL),
};
#define NSLOTDEFS (sizeof slotdefs / sizeof *slotdefs)

/* ---- wrapper_descriptor and method-wrapper ---------------------------------------- */

typedef struct {
    PithObject ob;
    PithType *type;
    const SlotDef *slot;
    anyfn wrapped;
    PithObject *name;
} WrapperDescr;

static anyfn wrapper_wrapped(PithObject *w) { return ((WrapperDescr *)w)->wrapped; }

typedef struct {
    PithObject ob;
    WrapperDescr *descr;
    PithObject *self;
} MethodWrapper;

static PithObject *wrapper_descr_new(PithType *t, const SlotDef *s, anyfn fn) {
    WrapperDescr *d = (WrapperDescr *)pith_obj_new(&pith_wrapper_descr_type);
    if (!d) return pith_err_no_memory();
    d->type = t;
    d->slot = s;
    d->wrapped = fn;
    d->name = pith_str_intern_cstr(s->name);
    if (!d->name) {
        PITH_DECREF(d);
        return NULL;
    }
    return (PithObject *)d;
}

static void wrapper_descr_dealloc(PithObject *o) {
    PITH_XDECREF(((WrapperDescr *)o)->name);
    pith_obj_free(o);
}

static int wrapper_check_self(WrapperDescr *d, PithObject *self) {
    if (pith_type_ok(self, d->type)) return 0;
    pith_err_format(&pith_exc_TypeError,
                    "descriptor '%U' requires a '%.100s' object but received a '%.100s'",
                    d->name, d->type->tp_name, pith_type_name(self));
    return -1;
}

static PithObject *wrapper_descr_call(PithObject *callable, PithObject *const *args,
                                      size_t nargs, PithObject *kwnames) {
    WrapperDescr *d = (WrapperDescr *)callable;
    if (nargs < 1)
        return pith_err_format(&pith_exc_TypeError,
                               "descriptor '%U' of '%.100s' object needs an argument",
                               d->name, d->type->tp_name);
    if (wrapper_check_self(d, args[0]) < 0) return NULL;
    return d->slot->wrapper(args[0], args + 1, nargs - 1, kwnames, d->wrapped);
}

static PithObject *wrapper_descr_get(PithObject *self, PithObject *obj, PithObject *type) {
    WrapperDescr *d = (WrapperDescr *)self;
    if (!obj) return PITH_NEWREF(self);
    if (wrapper_check_self(d, obj) < 0) return NULL;
    MethodWrapper *m = (MethodWrapper *)pith_gc_new(&pith_method_wrapper_type);
    if (!m) return pith_err_no_memory();
    m->descr = (WrapperDescr *)PITH_NEWREF(d);
    m->self = PITH_NEWREF(obj);
    pith_gc_track(m);
    return (PithObject *)m;
}

static PithObject *wrapper_descr_repr(PithObject *o) {
    WrapperDescr *d = (WrapperDescr *)o;
    return pith_str_from_format("<slot wrapper '%U' of '%s' objects>", d->name,
                                d->type->tp_name);
}

static PithObject *wd_name(PithObject *o, void *c) {
    return PITH_NEWREF(((WrapperDescr *)o)->name);
}

static PithObject *wd_qualname(PithObject *o, void *c) {
    WrapperDescr *d = (WrapperDescr *)o;
    PithObject *tq = pith_type_get_qualname(d->type);
    if (!tq) return NULL;
    PithObject *r = pith_str_from_format("%U.%U", tq, d->name);
    PITH_DECREF(tq);
    return r;
}

static PithObject *wd_objclass(PithObject *o, void *c) {
    return PITH_NEWREF(((WrapperDescr *)o)->type);
}

static PithObject *wd_doc(PithObject *o, void *c) { PITH_RETURN_NONE; }

static PithGetSetDef wrapper_descr_getset[] = {
    {"__name__", wd_name, NULL, NULL, NULL},
    {"__qualname__", wd_qualname, NULL, NULL, NULL},
    {"__objclass__", wd_objclass, NULL, NULL, NULL},
    {"__doc__", wd_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_wrapper_descr_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(WrapperDescr),
    .tp_flags = PITH_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_dealloc = wrapper_descr_dealloc,
    .tp_repr = wrapper_descr_repr,
    .tp_call = wrapper_descr_call,
    .tp_descr_get = wrapper_descr_get,
    .tp_getset = wrapper_descr_getset,
};

static PithObject *mw_call(PithObject *callable, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    MethodWrapper *m = (MethodWrapper *)callable;
    return m->descr->slot->wrapper(m->self, args, nargs, kwnames, m->descr->wrapped);
}

static void mw_dealloc(PithObject *o) {
    MethodWrapper *m = (MethodWrapper *)o;
    pith_gc_untrack(o);
    PITH_XDECREF(m->descr);
    PITH_XDECREF(m->self);
    pith_gc_del(o);
}

static int mw_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((MethodWrapper *)o)->self);
    return 0;
}

static PithObject *mw_repr(PithObject *o) {
    MethodWrapper *m = (MethodWrapper *)o;
    return pith_str_from_format("<method-wrapper '%U' of %s object at %p>", m->descr->name,
                                pith_type_name(m->self), (void *)m->self);
}

static PithObject *mw_richcompare(PithObject *a, PithObject *b, int op) {
    if ((op != PITH_EQ && op != PITH_NE) || PITH_TYPE(b) != &pith_method_wrapper_type)
        PITH_RETURN_NOTIMPL;
    MethodWrapper *x = (MethodWrapper *)a, *y = (MethodWrapper *)b;
    bool eq = x->descr == y->descr && x->self == y->self;
    return pith_bool_from(op == PITH_EQ ? eq : !eq);
}

static intptr_t mw_hash(PithObject *o) {
    MethodWrapper *m = (MethodWrapper *)o;
    intptr_t h = pith_hash_pointer(m->self) ^ pith_hash_pointer(m->descr);
    return h == -1 ? -2 : h;
}

static PithObject *mw_name(PithObject *o, void *c) {
    return PITH_NEWREF(((MethodWrapper *)o)->descr->name);
}

static PithObject *mw_qualname(PithObject *o, void *c) {
    return wd_qualname((PithObject *)((MethodWrapper *)o)->descr, c);
}

static PithObject *mw_self(PithObject *o, void *c) {
    return PITH_NEWREF(((MethodWrapper *)o)->self);
}

static PithObject *mw_objclass(PithObject *o, void *c) {
    return PITH_NEWREF(((MethodWrapper *)o)->descr->type);
}

static PithGetSetDef mw_getset[] = {
    {"__name__", mw_name, NULL, NULL, NULL},
    {"__qualname__", mw_qualname, NULL, NULL, NULL},
    {"__self__", mw_self, NULL, NULL, NULL},
    {"__objclass__", mw_objclass, NULL, NULL, NULL},
    {"__doc__", wd_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_method_wrapper_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(MethodWrapper),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = mw_dealloc,
    .tp_traverse = mw_traverse,
    .tp_repr = mw_repr,
    .tp_richcompare = mw_richcompare,
    .tp_hash = mw_hash,
    .tp_call = mw_call,
    .tp_getset = mw_getset,
};

/* ---- static types: add wrappers ------------------------------------------------------ */

int pith_slots_add_wrappers(PithType *t) {
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const SlotDef *s = &slotdefs[i];
        anyfn *p = slot_ptr(t, s);
        if (!s->wrapper || !p || !*p) continue;
        PithObject *name = pith_str_intern_cstr(s->name);
        if (!name) return -1;
        int r = 0;
        if (!pith_dict_get_item(t->tp_dict, name)) {
            PithObject *w = *p == (anyfn)pith_hash_not_implemented
                                ? PITH_NEWREF(PITH_NONE)
                                : wrapper_descr_new(t, s, *p);
            r = w ? pith_dict_set_item(t->tp_dict, name, w) : -1;
            PITH_XDECREF(w);
        }
        PITH_DECREF(name);
        if (r < 0) return -1;
    }
    return 0;
}

/* ---- heap types: point slots at C functions or dispatchers ------------------------------ */

/* Slot groups: the slotdefs entries that describe one C slot (__add__,
 * __radd__ and sq's __add__ ... are one group per slot). Built once:
 * def_name[i] is the interned name of slotdefs[i]; lead[i] the first entry
 * of its group; next_in_group[i] / next_same_name[i] chain the later
 * entries of the same group / with the same name (NO_DEF ends a chain);
 * name_tab is an open-addressing set of the first entry of each name. */
#define NO_DEF 0xff
#define NAME_TAB 256
static PithObject *def_name[NSLOTDEFS];
static uint8_t lead[NSLOTDEFS], next_in_group[NSLOTDEFS], next_same_name[NSLOTDEFS];
static uint8_t name_tab[NAME_TAB]; /* index + 1, 0 = empty */
static bool groups_ready;

static bool same_slot(const SlotDef *a, const SlotDef *b) {
    return a->table == b->table && a->offset == b->offset;
}

static int build_groups(void) {
    _Static_assert(NSLOTDEFS < NO_DEF && NSLOTDEFS < NAME_TAB / 2, "slot tables too small");
    for (size_t i = 0; i < NSLOTDEFS; i++)
        if (!def_name[i] && !(def_name[i] = intern(slotdefs[i].name))) return -1;
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        lead[i] = next_in_group[i] = next_same_name[i] = NO_DEF;
        for (size_t j = 0; j < i && lead[i] == NO_DEF; j++)
            if (same_slot(&slotdefs[j], &slotdefs[i])) lead[i] = lead[j];
        if (lead[i] == NO_DEF) lead[i] = (uint8_t)i;
        for (size_t j = i + 1; j < NSLOTDEFS; j++) {
            if (next_in_group[i] == NO_DEF && same_slot(&slotdefs[j], &slotdefs[i]))
                next_in_group[i] = (uint8_t)j;
            if (next_same_name[i] == NO_DEF && def_name[j] == def_name[i])
                next_same_name[i] = (uint8_t)j;
        }
    }
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        size_t h = (size_t)pith_str_hash(def_name[i]) & (NAME_TAB - 1);
        while (name_tab[h] && def_name[name_tab[h] - 1] != def_name[i]) h = (h + 1) & (NAME_TAB - 1);
        if (!name_tab[h]) name_tab[h] = (uint8_t)(i + 1);
    }
    groups_ready = true;
    return 0;
}

/* The first slotdefs entry named `name` (a str), or NO_DEF. */
static size_t find_def(PithObject *name) {
    intptr_t hash = pith_str_hash(name);
    if (hash == -1) {
        pith_err_clear();
        return NO_DEF;
    }
    for (size_t h = (size_t)hash & (NAME_TAB - 1); name_tab[h]; h = (h + 1) & (NAME_TAB - 1)) {
        PithObject *d = def_name[name_tab[h] - 1];
        if (d == name || (pith_str_hash(d) == hash && pith_str_equal(d, name))) return name_tab[h] - 1u;
    }
    return NO_DEF;
}

/* The value of the slot of group g for a class whose MRO lookups are those
 * of `from`: the C function of an inherited wrapper for exactly this slot,
 * else the generic dispatcher when some entry names a Python-level method. */
static anyfn resolve_group(PithType *from, size_t g) {
    const SlotDef *target = &slotdefs[g];
    anyfn specific = NULL, generic = NULL;
    bool ambiguous = false;
    for (size_t i = g; i != NO_DEF; i = next_in_group[i]) {
        const SlotDef *s = &slotdefs[i];
        PithObject *d = pith_type_lookup(from, def_name[i]);
        if (!d) continue;
        if (PITH_TYPE(d) == &pith_wrapper_descr_type && same_slot(((WrapperDescr *)d)->slot, s)) {
            anyfn f = ((WrapperDescr *)d)->wrapped;
            if (specific && specific != f) ambiguous = true;
            specific = f;
        } else if (d == PITH_NONE && target->table == T_TYPE &&
                   target->offset == offsetof(PithType, tp_hash)) {
            specific = (anyfn)pith_hash_not_implemented;
        } else {
            generic = s->dispatcher;
            if (!generic) ambiguous = true;
        }
    }
    anyfn v = generic || ambiguous ? generic : specific;
    /* The getattr pair: without a Python __getattr__/__getattribute__ keep
     * the inherited C function. */
    if (target->table == T_TYPE && target->offset == offsetof(PithType, tp_getattro)) {
        PithObject *ga = pith_type_lookup(from, pith_id_getattr());
        PithObject *gb = pith_type_lookup(from, pith_id_getattribute());
        if (!ga && gb && PITH_TYPE(gb) == &pith_wrapper_descr_type)
            v = ((WrapperDescr *)gb)->wrapped;
        else if (ga || gb)
            v = (anyfn)d_getattr_hook;
    }
    return v;
}

static void fixup_group(PithType *t, PithType *from, size_t g) {
    anyfn *p = slot_ptr(t, &slotdefs[g]);
    if (p) *p = resolve_group(from, g);
}

/* The only base of t when t's MRO is t followed by that base's MRO: then
 * every name absent from t's own dict is looked up exactly as on the base. */
static PithType *simple_base(PithType *t) {
    PithObject *bases = t->tp_bases, *mro = t->tp_mro;
    if (!bases || !mro || PITH_SIZE(bases) != 1) return NULL;
    PithType *b = (PithType *)PITH_TUPLE_GET(bases, 0);
    PithObject *bmro = b->tp_mro;
    if (!bmro || PITH_SIZE(mro) != PITH_SIZE(bmro) + 1 || PITH_TUPLE_GET(mro, 0) != (PithObject *)t)
        return NULL;
    for (intptr_t i = 0; i < PITH_SIZE(bmro); i++)
        if (PITH_TUPLE_GET(mro, i + 1) != PITH_TUPLE_GET(bmro, i)) return NULL;
    return b;
}

/* Mark own[lead] for each slot group named by a key of t's dict; false when
 * a key is not an exact str (then every group is resolved on t itself). */
static bool mark_own(PithType *t, bool *own) {
    intptr_t pos = 0;
    PithObject *k, *v;
    while (pith_dict_next(t->tp_dict, &pos, &k, &v)) {
        if (!pith_str_check_exact(k)) return false;
        if (PITH_STR_LEN(k) < 5 || pith_str_read((PithStr *)k, 0) != '_') continue;
        for (size_t i = find_def(k); i != NO_DEF; i = next_same_name[i]) own[lead[i]] = true;
    }
    return true;
}

/* Every group resolved on a base, kept for the bases most recently
 * subclassed: valid while the base's version tag is unchanged (the method
 * cache's rule: any change to the dict of a type in its MRO clears it). */
#define BASE_CACHE 8
static struct {
    PithType *base;
    uint32_t version;
    anyfn vals[NSLOTDEFS];
} base_cache[BASE_CACHE];
static unsigned base_cache_next;

/* The slot values resolved on base, indexed by group lead (borrowed,
 * valid until the next call). */
static const anyfn *base_slots(PithType *base) {
    for (unsigned i = 0; i < BASE_CACHE; i++)
        if (base_cache[i].base == base && base_cache[i].version &&
            base_cache[i].version == base->tp_version_tag)
            return base_cache[i].vals;
    unsigned i = base_cache_next++ % BASE_CACHE;
    (void)pith_type_lookup(base, def_name[0]); /* gives the base a tag */
    uint32_t version = base->tp_version_tag;
    for (size_t g = 0; g < NSLOTDEFS; g++)
        if (lead[g] == g) base_cache[i].vals[g] = resolve_group(base, g);
    /* a tag that moved meanwhile (or none: tags exhausted) is not kept */
    base_cache[i].base = base;
    base_cache[i].version = version == base->tp_version_tag ? version : 0;
    return base_cache[i].vals;
}

/* Set every slot of the new class t. Groups that t's own dict does not
 * name take the resolution of the base (cached per base) when t's MRO
 * extends the base's; the rest are resolved along t's MRO. */
void pith_slots_fixup(PithType *t) {
    if (!groups_ready && build_groups() < 0) {
        pith_err_clear(); /* out of memory: the inherited slots stay */
        return;
    }
    bool own[NSLOTDEFS] = {false};
    PithType *base = simple_base(t);
    if (base && !mark_own(t, own)) base = NULL;
    const anyfn *inherited = base ? base_slots(base) : NULL;
    for (size_t g = 0; g < NSLOTDEFS; g++) {
        if (lead[g] != g) continue;
        if (inherited && !own[g]) {
            anyfn *p = slot_ptr(t, &slotdefs[g]);
            if (p) *p = inherited[g];
        } else {
            fixup_group(t, t, g);
        }
    }
    /* tp_new: a Python __new__ (staticmethod) in the MRO before the
     * builtin one means dispatching to it. */
    PithObject *n = pith_type_lookup(t, pith_id_new());
    if (n && PITH_TYPE(n) != &pith_cfunction_type) t->tp_new = pith_slot_tp_new;
}

static void update_rec(PithType *t, PithObject *name) {
    if (!pith_type_has_flag(t, PITH_TPFLAGS_HEAPTYPE)) return;
    if (!groups_ready && build_groups() < 0) {
        pith_err_clear();
        return;
    }
    for (size_t i = find_def(name); i != NO_DEF; i = next_same_name[i]) fixup_group(t, t, lead[i]);
    if (pith_str_eq_cstr(name, "__new__")) pith_slots_fixup(t);
    if (!t->tp_subclasses) return;
    intptr_t pos = 0;
    PithObject *k, *v;
    while (pith_dict_next(t->tp_subclasses, &pos, &k, &v))
        update_rec(pith_type_subclass_at(v), name);
}

void pith_slots_update(PithType *t, PithObject *name) { update_rec(t, name); }
