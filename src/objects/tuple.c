/* tuple.c — the tuple type and its iterator.
 *
 * Invariants:
 *  - The empty tuple is one immortal static object (with a zeroed, never
 *    tracked GC head in front of it, so GC code may inspect its head).
 *  - Tuples of sizes 1..TUPLE_FREE_SIZES are recycled through per-size free
 *    lists (L3), chained through items[0]; only exact tuples go there.
 *  - Tuples are tracked from creation: the GC tolerates NULL items while
 *    the creator fills them with PITH_TUPLE_SET.
 */
#include <string.h>

#include "containers_impl.h"

#define TUPLE_FREE_SIZES 20
#define TUPLE_FREE_MAX 2000

static struct {
    PithGCHead head;
    PithTuple tuple;
} empty_tuple = {{0}, {PITH_VAR_HEAD_INIT(&pith_tuple_type, 0)}};
_Static_assert(offsetof(__typeof__(empty_tuple), tuple) == sizeof(PithGCHead),
               "the empty tuple's GC head must sit right before it");

static PithTuple *free_lists[TUPLE_FREE_SIZES + 1];
static int free_counts[TUPLE_FREE_SIZES + 1];

int pith_tuple_freelist_count(int size) {
    return size >= 1 && size <= TUPLE_FREE_SIZES ? free_counts[size] : -1;
}

/* Free the cached tuples (full collections do, as CPython's). */
void pith_tuple_freelist_clear(void) {
    for (int n = 1; n <= TUPLE_FREE_SIZES; n++) {
        while (free_lists[n]) {
            PithTuple *t = free_lists[n];
            free_lists[n] = (PithTuple *)t->items[0];
            pith_gc_del(t);
        }
        free_counts[n] = 0;
    }
}

PithObject *pith_tuple_new(intptr_t n) {
    if (n == 0) return (PithObject *)&empty_tuple.tuple;
    if (n < 0) {
        PITH_BAD_INTERNAL_CALL();
        return NULL;
    }
    PithTuple *t;
    if (n <= TUPLE_FREE_SIZES && free_lists[n]) {
        t = free_lists[n];
        free_lists[n] = (PithTuple *)t->items[0];
        free_counts[n]--;
        t->ob.ob.refcnt = 1;
        memset(t->items, 0, (size_t)n * sizeof(PithObject *));
    } else {
        if ((size_t)n > (SIZE_MAX / sizeof(PithObject *)) / 2)
            return pith_err_no_memory();
        t = (PithTuple *)pith_gc_new_var(&pith_tuple_type, n);
        if (!t) return pith_err_no_memory();
    }
    pith_gc_track(t);
    return (PithObject *)t;
}

PithObject *pith_tuple_from_array(PithObject *const *items, intptr_t n) {
    PithObject *t = pith_tuple_new(n);
    if (!t) return NULL;
    for (intptr_t i = 0; i < n; i++) PITH_TUPLE_SET(t, i, PITH_NEWREF(items[i]));
    return t;
}

PithObject *pith_tuple_pack(intptr_t n, ...) {
    PithObject *t = pith_tuple_new(n);
    if (!t) return NULL;
    va_list ap;
    va_start(ap, n);
    for (intptr_t i = 0; i < n; i++)
        PITH_TUPLE_SET(t, i, PITH_NEWREF(va_arg(ap, PithObject *)));
    va_end(ap);
    return t;
}

PithObject *pith_tuple_get_slice(PithObject *t, intptr_t lo, intptr_t hi) {
    intptr_t n = PITH_SIZE(t);
    if (lo < 0) lo = 0;
    if (hi > n) hi = n;
    if (hi < lo) hi = lo;
    if (lo == 0 && hi == n && pith_tuple_check_exact(t)) return PITH_NEWREF(t);
    return pith_tuple_from_array(PITH_TUPLE_ITEMS(t) + lo, hi - lo);
}

/* ---- slots --------------------------------------------------------------- */

static void tuple_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    if (!pith_trash_begin(o, tuple_dealloc)) return;
    intptr_t n = PITH_SIZE(o);
    for (intptr_t i = n - 1; i >= 0; i--) PITH_XDECREF(PITH_TUPLE_GET(o, i));
    if (pith_tuple_check_exact(o) && n <= TUPLE_FREE_SIZES &&
        free_counts[n] < TUPLE_FREE_MAX) {
        PITH_TUPLE_SET(o, 0, (PithObject *)free_lists[n]);
        free_lists[n] = (PithTuple *)o;
        free_counts[n]++;
    } else {
        pith_gc_del(o);
    }
    pith_trash_end();
}

static int tuple_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    for (intptr_t i = PITH_SIZE(o) - 1; i >= 0; i--) PITH_VISIT(PITH_TUPLE_GET(o, i));
    return 0;
}

static PithObject *tuple_repr(PithObject *o) {
    intptr_t n = PITH_SIZE(o);
    if (n == 0) return pith_str_from_cstr("()");
    int rc = pith_repr_enter(o);
    if (rc != 0) return rc > 0 ? pith_str_from_cstr("(...)") : NULL;
    PithObject *r = pith_seq_repr(o, "(", n == 1 ? ",)" : ")");
    pith_repr_leave(o);
    return r;
}

/* CPython 3.11's tuplehash: xxHash-style mixing of the item hashes. */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static intptr_t tuple_hash(PithObject *o) {
    intptr_t n = PITH_SIZE(o);
    uint64_t acc = XXPRIME_5;
    for (intptr_t i = 0; i < n; i++) {
        intptr_t h = pith_hash(PITH_TUPLE_GET(o, i));
        if (h == -1) return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (intptr_t)acc;
}

static PithObject *tuple_richcompare(PithObject *v, PithObject *w, int op) {
    if (!pith_tuple_check(v) || !pith_tuple_check(w)) PITH_RETURN_NOTIMPL;
    return pith_seq_richcompare(v, w, op);
}

static intptr_t tuple_length(PithObject *o) { return PITH_SIZE(o); }

static PithObject *tuple_concat(PithObject *a, PithObject *b) {
    if (!pith_tuple_check(b))
        return pith_err_format(&pith_exc_TypeError,
                               "can only concatenate tuple (not \"%.200s\") to tuple",
                               pith_type_name(b));
    intptr_t na = PITH_SIZE(a), nb = PITH_SIZE(b);
    if (nb == 0 && pith_tuple_check_exact(a)) return PITH_NEWREF(a);
    if (na == 0 && pith_tuple_check_exact(b)) return PITH_NEWREF(b);
    if (na > INTPTR_MAX / 2 - nb) return pith_err_no_memory();
    PithObject *r = pith_tuple_new(na + nb);
    if (!r) return NULL;
    for (intptr_t i = 0; i < na; i++) PITH_TUPLE_SET(r, i, PITH_NEWREF(PITH_TUPLE_GET(a, i)));
    for (intptr_t i = 0; i < nb; i++)
        PITH_TUPLE_SET(r, na + i, PITH_NEWREF(PITH_TUPLE_GET(b, i)));
    return r;
}

static PithObject *tuple_repeat(PithObject *a, intptr_t n) {
    intptr_t len = PITH_SIZE(a);
    if (pith_tuple_check_exact(a) && (n == 1 || len == 0)) return PITH_NEWREF(a);
    if (n <= 0 || len == 0) return pith_tuple_new(0);
    if (n > INTPTR_MAX / 16 / len) return pith_err_no_memory();
    PithObject *r = pith_tuple_new(len * n);
    if (!r) return NULL;
    for (intptr_t k = 0, j = 0; k < n; k++)
        for (intptr_t i = 0; i < len; i++, j++)
            PITH_TUPLE_SET(r, j, PITH_NEWREF(PITH_TUPLE_GET(a, i)));
    return r;
}

static PithObject *tuple_item(PithObject *o, intptr_t i) {
    if (i < 0 || i >= PITH_SIZE(o)) {
        pith_err_set_string(&pith_exc_IndexError, "tuple index out of range");
        return NULL;
    }
    return PITH_NEWREF(PITH_TUPLE_GET(o, i));
}

static int tuple_contains(PithObject *o, PithObject *x) {
    for (intptr_t i = 0; i < PITH_SIZE(o); i++) {
        int k = pith_richcompare_bool(PITH_TUPLE_GET(o, i), x, PITH_EQ);
        if (k != 0) return k;
    }
    return 0;
}

static PithObject *tuple_subscript(PithObject *o, PithObject *key) {
    if (pith_index_check(key)) {
        intptr_t i;
        if (pith_seq_index_value(key, &i) < 0) return NULL;
        if (i < 0) i += PITH_SIZE(o);
        return tuple_item(o, i);
    }
    if (!pith_slice_check(key))
        return pith_err_format(&pith_exc_TypeError,
                               "tuple indices must be integers or slices, not %.200s",
                               pith_type_name(key));
    intptr_t start, stop, step;
    if (pith_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
    intptr_t n = pith_slice_adjust(PITH_SIZE(o), &start, &stop, step);
    if (step == 1) return pith_tuple_get_slice(o, start, start + n);
    PithObject *r = pith_tuple_new(n);
    if (!r) return NULL;
    for (intptr_t i = 0, j = start; i < n; i++, j += step)
        PITH_TUPLE_SET(r, i, PITH_NEWREF(PITH_TUPLE_GET(o, j)));
    return r;
}

/* ---- methods ------------------------------------------------------------- */

static PithObject *tuple_index(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    if (pith_arg_check_range("index", nargs, 1, 3) < 0) return NULL;
    intptr_t start, stop;
    if (pith_seq_index_bounds(args + 1, nargs - 1, PITH_SIZE(self), &start, &stop) < 0)
        return NULL;
    for (intptr_t i = start; i < stop && i < PITH_SIZE(self); i++) {
        int k = pith_richcompare_bool(PITH_TUPLE_GET(self, i), args[0], PITH_EQ);
        if (k < 0) return NULL;
        if (k) return pith_int_from_ssize(i);
    }
    pith_err_set_string(&pith_exc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static PithObject *tuple_count(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    intptr_t c = 0;
    for (intptr_t i = 0; i < PITH_SIZE(self); i++) {
        int k = pith_richcompare_bool(PITH_TUPLE_GET(self, i), args[0], PITH_EQ);
        if (k < 0) return NULL;
        c += k;
    }
    return pith_int_from_ssize(c);
}

static PithObject *tuple_getnewargs(PithObject *self, PithObject *const *args,
                                    size_t nargs, PithObject *kwnames) {
    PithObject *copy = pith_tuple_from_array(PITH_TUPLE_ITEMS(self), PITH_SIZE(self));
    if (!copy) return NULL;
    PithObject *r = pith_tuple_pack(1, copy);
    PITH_DECREF(copy);
    return r;
}

static PithObject *tuple_new(PithType *type, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    if (type == &pith_tuple_type && pith_arg_no_kwargs("tuple", kwnames) < 0) return NULL;
    if (pith_arg_check_range("tuple", nargs, 0, 1) < 0) return NULL;
    PithObject *t = nargs ? pith_sequence_tuple(args[0]) : pith_tuple_new(0);
    if (!t || type == &pith_tuple_type) return t;
    /* Subclass: copy the items into an instance of the subtype. */
    intptr_t n = PITH_SIZE(t);
    PithObject *r = pith_gc_new_var(type, n);
    if (!r) {
        PITH_DECREF(t);
        return pith_err_no_memory();
    }
    for (intptr_t i = 0; i < n; i++) PITH_TUPLE_SET(r, i, PITH_NEWREF(PITH_TUPLE_GET(t, i)));
    PITH_DECREF(t);
    pith_gc_track(r);
    return r;
}

/* ---- iterator ------------------------------------------------------------ */

typedef struct {
    PithObject ob;
    intptr_t index;
    PithObject *seq; /* NULL once exhausted */
} TupleIter;

static PithObject *tuple_iter(PithObject *o) {
    TupleIter *it = (TupleIter *)pith_gc_new(&pith_tuple_iter_type);
    if (!it) return pith_err_no_memory();
    it->seq = PITH_NEWREF(o);
    pith_gc_track(it);
    return (PithObject *)it;
}

static void tupleiter_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(((TupleIter *)o)->seq);
    pith_gc_del(o);
}

static int tupleiter_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((TupleIter *)o)->seq);
    return 0;
}

static int tupleiter_clear(PithObject *o) {
    PITH_CLEAR(((TupleIter *)o)->seq);
    return 0;
}

static PithObject *tupleiter_next(PithObject *o) {
    TupleIter *it = (TupleIter *)o;
    if (!it->seq) return NULL;
    if (it->index < PITH_SIZE(it->seq))
        return PITH_NEWREF(PITH_TUPLE_GET(it->seq, it->index++));
    PITH_CLEAR(it->seq);
    return NULL;
}

static PithObject *tupleiter_length_hint(PithObject *o, PithObject *const *args,
                                         size_t nargs, PithObject *kwnames) {
    TupleIter *it = (TupleIter *)o;
    return pith_int_from_ssize(it->seq ? PITH_SIZE(it->seq) - it->index : 0);
}

static PithObject *tupleiter_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    TupleIter *it = (TupleIter *)o;
    if (it->seq) return pith_iter_reduce(it->seq, it->index);
    PithObject *e = pith_tuple_new(0);
    PithObject *r = e ? pith_iter_reduce_exhausted(e) : NULL;
    PITH_XDECREF(e);
    return r;
}

static PithObject *tupleiter_setstate(PithObject *o, PithObject *const *args, size_t nargs,
                                      PithObject *kwnames) {
    TupleIter *it = (TupleIter *)o;
    intptr_t i = it->index;
    PithObject *r = pith_iter_setstate_fwd(args[0], it->seq ? PITH_SIZE(it->seq) : 0, &i);
    if (r && it->seq) it->index = i;
    return r;
}

static PithMethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, PITH_METH_NOARGS, NULL},
    {"__reduce__", tupleiter_reduce, PITH_METH_NOARGS, NULL},
    {"__setstate__", tupleiter_setstate, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_tuple_iter_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(TupleIter),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = tupleiter_dealloc,
    .tp_traverse = tupleiter_traverse,
    .tp_clear = tupleiter_clear,
    .tp_iter = pith_iter_self,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};

/* ---- type ---------------------------------------------------------------- */

static PithSequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static PithMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

static PithMethodDef tuple_methods[] = {
    {"__class_getitem__", pith_generic_alias_class_getitem, PITH_METH_O | PITH_METH_CLASS, NULL},
    {"index", tuple_index, PITH_METH_FAST, NULL},
    {"count", tuple_count, PITH_METH_O, NULL},
    {"__getnewargs__", tuple_getnewargs, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_tuple_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "tuple",
    .tp_basicsize = sizeof(PithTuple),
    .tp_itemsize = sizeof(PithObject *),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_TUPLE_SUBCLASS,
    .tp_doc = "Built-in immutable sequence.",
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_hash = tuple_hash,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_traverse = tuple_traverse,
    .tp_new = tuple_new,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_methods = tuple_methods,
};

int pith_tuple_types_init(void) {
    if (pith_type_ready(&pith_tuple_type) < 0 || pith_type_ready(&pith_tuple_iter_type) < 0)
        return -1;
    return 0;
}
