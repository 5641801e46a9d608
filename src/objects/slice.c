/* slice.c — slice objects and the index arithmetic every sequence uses
 * (pith_slice_unpack, pith_slice_adjust).
 * Invariant: start/stop/step are never NULL (None when omitted).
 */
#include "containers_impl.h"

PithObject *pith_slice_new(PithObject *start, PithObject *stop, PithObject *step) {
    PithSlice *s = (PithSlice *)pith_gc_new(&pith_slice_type);
    if (!s) return pith_err_no_memory();
    s->start = PITH_NEWREF(start ? start : PITH_NONE);
    s->stop = PITH_NEWREF(stop ? stop : PITH_NONE);
    s->step = PITH_NEWREF(step ? step : PITH_NONE);
    pith_gc_track(s);
    return (PithObject *)s;
}

/* A slice bound: None leaves *out alone; ints (or __index__) clamp. */
static int slice_index(PithObject *v, intptr_t *out) {
    if (v == PITH_NONE) return 0;
    if (!pith_index_check(v)) {
        pith_err_set_string(&pith_exc_TypeError,
                            "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    intptr_t x = pith_number_as_ssize(v, NULL);
    if (x == -1 && pith_err_occurred()) return -1;
    *out = x;
    return 0;
}

int pith_slice_unpack(PithObject *o, intptr_t *start, intptr_t *stop, intptr_t *step) {
    PithSlice *s = (PithSlice *)o;
    *step = 1;
    if (slice_index(s->step, step) < 0) return -1;
    if (*step == 0) {
        pith_err_set_string(&pith_exc_ValueError, "slice step cannot be zero");
        return -1;
    }
    if (*step < -INTPTR_MAX) *step = -INTPTR_MAX; /* so -step cannot overflow */
    *start = *step < 0 ? INTPTR_MAX : 0;
    *stop = *step < 0 ? INTPTR_MIN : INTPTR_MAX;
    if (slice_index(s->start, start) < 0 || slice_index(s->stop, stop) < 0) return -1;
    return 0;
}

static intptr_t clamp(intptr_t v, intptr_t length, intptr_t step) {
    if (v < 0) {
        v += length;
        if (v < 0) v = step < 0 ? -1 : 0;
    } else if (v >= length) {
        v = step < 0 ? length - 1 : length;
    }
    return v;
}

intptr_t pith_slice_adjust(intptr_t length, intptr_t *start, intptr_t *stop, intptr_t step) {
    *start = clamp(*start, length, step);
    *stop = clamp(*stop, length, step);
    if (step < 0) {
        if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

/* ---- the type ------------------------------------------------------------ */

static PithObject *slice_new(PithType *type, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    if (pith_arg_no_kwargs("slice", kwnames) < 0 ||
        pith_arg_check_range("slice", nargs, 1, 3) < 0)
        return NULL;
    if (nargs == 1) return pith_slice_new(NULL, args[0], NULL);
    return pith_slice_new(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static void slice_dealloc(PithObject *o) {
    PithSlice *s = (PithSlice *)o;
    pith_gc_untrack(o);
    PITH_DECREF(s->start);
    PITH_DECREF(s->stop);
    PITH_DECREF(s->step);
    pith_gc_del(o);
}

static int slice_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PithSlice *s = (PithSlice *)o;
    PITH_VISIT(s->start);
    PITH_VISIT(s->stop);
    PITH_VISIT(s->step);
    return 0;
}

static PithObject *slice_repr(PithObject *o) {
    PithSlice *s = (PithSlice *)o;
    return pith_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static PithObject *slice_as_tuple(PithObject *o) {
    PithSlice *s = (PithSlice *)o;
    return pith_tuple_pack(3, s->start, s->stop, s->step);
}

static PithObject *slice_richcompare(PithObject *v, PithObject *w, int op) {
    if (!pith_slice_check(v) || !pith_slice_check(w)) PITH_RETURN_NOTIMPL;
    if (v == w && (op == PITH_EQ || op == PITH_LE || op == PITH_GE)) PITH_RETURN_TRUE;
    if (v == w && (op == PITH_NE || op == PITH_LT || op == PITH_GT)) PITH_RETURN_FALSE;
    PithObject *a = slice_as_tuple(v), *b = a ? slice_as_tuple(w) : NULL, *r = NULL;
    if (b) r = pith_richcompare(a, b, op);
    PITH_XDECREF(a);
    PITH_XDECREF(b);
    return r;
}

/* One bound of slice.indices() in arbitrary precision: None -> dflt,
 * negatives count from len, then clamped to [lower, upper]. New ref. */
static PithObject *big_bound(PithObject *v, PithObject *dflt, PithObject *len, PithObject *lower,
                             PithObject *upper) {
    if (v == PITH_NONE) return PITH_NEWREF(dflt);
    PithObject *i = pith_number_index(v);
    if (i && pith_int_sign(i) < 0) PITH_SETREF(i, pith_int_add(i, len));
    if (!i) return NULL;
    if (pith_int_compare(i, lower) < 0) PITH_SETREF(i, PITH_NEWREF(lower));
    else if (pith_int_compare(i, upper) > 0) PITH_SETREF(i, PITH_NEWREF(upper));
    return i;
}

/* slice.indices(len) for lengths beyond ssize (CPython's long path). */
static PithObject *big_indices(PithSlice *s, PithObject *len) {
    PithObject *step = s->step == PITH_NONE ? pith_int_from_i64(1) : pith_number_index(s->step);
    if (!step) return NULL;
    if (pith_int_sign(step) == 0) {
        PITH_DECREF(step);
        pith_err_set_string(&pith_exc_ValueError, "slice step cannot be zero");
        return NULL;
    }
    bool neg = pith_int_sign(step) < 0;
    PithObject *lower = pith_int_from_i64(neg ? -1 : 0);
    PithObject *upper = lower ? pith_int_add(len, lower) : NULL;
    PithObject *start = upper ? big_bound(s->start, neg ? upper : lower, len, lower, upper) : NULL;
    PithObject *stop = start ? big_bound(s->stop, neg ? lower : upper, len, lower, upper) : NULL;
    PithObject *r = stop ? pith_tuple_pack(3, start, stop, step) : NULL;
    PITH_XDECREF(lower);
    PITH_XDECREF(upper);
    PITH_XDECREF(start);
    PITH_XDECREF(stop);
    PITH_DECREF(step);
    return r;
}

static PithObject *slice_indices(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    if (!pith_index_check(args[0]))
        return pith_err_format(&pith_exc_TypeError,
                               "'%.200s' object cannot be interpreted as an integer",
                               pith_type_name(args[0]));
    intptr_t len = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
    if (len == -1 && pith_err_occurred()) {
        if (!pith_err_matches(&pith_exc_OverflowError)) return NULL;
        pith_err_clear();
        PithObject *big = pith_number_index(args[0]);
        if (!big) return NULL;
        PithObject *r = pith_int_sign(big) < 0
                            ? pith_err_format(&pith_exc_ValueError, "length should not be negative")
                            : big_indices((PithSlice *)self, big);
        PITH_DECREF(big);
        return r;
    }
    if (len < 0) {
        pith_err_set_string(&pith_exc_ValueError, "length should not be negative");
        return NULL;
    }
    intptr_t start, stop, step;
    if (pith_slice_unpack(self, &start, &stop, &step) < 0) return NULL;
    pith_slice_adjust(len, &start, &stop, step);
    PithObject *a = pith_int_from_ssize(start), *b = pith_int_from_ssize(stop),
               *c = pith_int_from_ssize(step), *r = NULL;
    if (a && b && c) r = pith_tuple_pack(3, a, b, c);
    PITH_XDECREF(a);
    PITH_XDECREF(b);
    PITH_XDECREF(c);
    return r;
}

static PithObject *slice_reduce(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    PithSlice *s = (PithSlice *)self;
    return pith_reduce_args3(&pith_slice_type, s->start, s->stop, s->step);
}

static PithMethodDef slice_methods[] = {
    {"indices", slice_indices, PITH_METH_O, NULL},
    {"__reduce__", slice_reduce, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithMemberDef slice_members[] = {
    {"start", PITH_MEMBER_OBJECT, offsetof(PithSlice, start), PITH_READONLY, NULL},
    {"stop", PITH_MEMBER_OBJECT, offsetof(PithSlice, stop), PITH_READONLY, NULL},
    {"step", PITH_MEMBER_OBJECT, offsetof(PithSlice, step), PITH_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PithType pith_slice_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "slice",
    .tp_basicsize = sizeof(PithSlice),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_hash = pith_hash_not_implemented,
    .tp_richcompare = slice_richcompare,
    .tp_traverse = slice_traverse,
    .tp_new = slice_new,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
};
