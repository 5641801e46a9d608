/* collections.c — the `_collections` module: deque (a ring buffer), its
 * forward and reverse iterators, defaultdict (a dict subclass calling
 * default_factory from __missing__), _count_elements (Counter's helper)
 * and _tuplegetter (namedtuple's field descriptor).
 *
 * Deque invariants: items[(head + i) % cap] for 0 <= i < len are the
 * elements (owned refs); cap is 0 or a power of two; maxlen is -1 when
 * unbounded, else len <= maxlen. `state` changes on every mutation that
 * adds, removes or moves elements, which iterators check. */
#include <string.h>

#include "pith/pith.h"

typedef struct {
    PithObject ob;
    PithObject **items;
    intptr_t cap, head, len, maxlen;
    uint64_t state;
} Deque;

typedef struct {
    PithObject ob;
    Deque *deque;
    intptr_t index, counter;
    uint64_t state;
} DequeIter;

static PithType deque_type, dequeiter_type, dequereviter_type, defdict_type, tuplegetter_type;

#define DQ(o) ((Deque *)(o))
#define AT(d, i) ((d)->items[((d)->head + (i)) & ((d)->cap - 1)])

static bool is_deque(PithObject *o) { return pith_type_ok(o, &deque_type); }

/* Make room for one more element. */
static int dq_grow(Deque *d) {
    if (d->len < d->cap) return 0;
    intptr_t ncap = d->cap ? d->cap * 2 : 8;
    if (ncap > INTPTR_MAX / (intptr_t)sizeof(PithObject *)) {
        pith_err_no_memory();
        return -1;
    }
    PithObject **n = pith_mem_malloc((size_t)ncap * sizeof(PithObject *));
    if (!n) {
        pith_err_no_memory();
        return -1;
    }
    for (intptr_t i = 0; i < d->len; i++) n[i] = AT(d, i);
    pith_mem_free(d->items);
    d->items = n;
    d->cap = ncap;
    d->head = 0;
    return 0;
}

static PithObject *dq_pop_right(Deque *d) {
    PithObject *v = AT(d, d->len - 1);
    d->len--;
    d->state++;
    return v;
}

static PithObject *dq_pop_left(Deque *d) {
    PithObject *v = AT(d, 0);
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    d->state++;
    return v;
}

/* Append (a new reference is taken); a full bounded deque drops the
 * element at the other end. */
static int dq_push(Deque *d, PithObject *v, bool left) {
    if (d->maxlen == 0) return 0;
    if (dq_grow(d) < 0) return -1;
    if (left) {
        d->head = (d->head - 1) & (d->cap - 1);
        AT(d, 0) = PITH_NEWREF(v);
    } else {
        AT(d, d->len) = PITH_NEWREF(v);
    }
    d->len++;
    d->state++;
    if (d->maxlen >= 0 && d->len > d->maxlen) PITH_DECREF(left ? dq_pop_right(d) : dq_pop_left(d));
    return 0;
}

static void dq_clear(Deque *d) {
    while (d->len) PITH_DECREF(dq_pop_right(d));
    d->state++;
}

static PithObject *deque_alloc(PithType *t, intptr_t maxlen) {
    Deque *d = (Deque *)pith_gc_new(t);
    if (!d) return pith_err_no_memory();
    d->items = NULL;
    d->cap = d->head = d->len = 0;
    d->maxlen = maxlen;
    d->state = 0;
    pith_gc_track(d);
    return (PithObject *)d;
}

static PithObject *deque_new(PithType *t, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    return deque_alloc(t, -1);
}

static void deque_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    dq_clear(DQ(o));
    pith_mem_free(DQ(o)->items);
    pith_gc_del(o);
}

static int deque_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    Deque *d = DQ(o);
    for (intptr_t i = 0; i < d->len; i++) PITH_VISIT(AT(d, i));
    return 0;
}

static int deque_tp_clear(PithObject *o) {
    dq_clear(DQ(o));
    return 0;
}

static int dq_extend(Deque *d, PithObject *iterable, bool left) {
    if (iterable == (PithObject *)d) {
        /* extending by itself: iterate over a snapshot */
        PithObject *l = pith_sequence_list(iterable);
        if (!l) return -1;
        int r = dq_extend(d, l, left);
        PITH_DECREF(l);
        return r;
    }
    PithObject *it = pith_get_iter(iterable);
    if (!it) return -1;
    PithObject *v;
    int r = 0;
    while (r == 0 && (v = pith_iter_next(it))) {
        r = dq_push(d, v, left);
        PITH_DECREF(v);
    }
    PITH_DECREF(it);
    return r < 0 || pith_err_occurred() ? -1 : 0;
}

static int deque_init(PithObject *self, PithObject *const *args, size_t nargs,
                      PithObject *kwnames) {
    static const char *const kw[] = {"iterable", "maxlen"};
    static const PithArgSpec spec = {"deque", kw, 2, 0, 0, 2};
    PithObject *out[2] = {NULL, NULL};
    if (nargs > 2) {
        pith_err_format(&pith_exc_TypeError, "deque() takes at most 2 arguments (%zd given)",
                        (intptr_t)nargs);
        return -1;
    }
    intptr_t nkw = kwnames ? PITH_SIZE(kwnames) : 0;
    for (intptr_t i = 0; i < nkw; i++) {
        PithObject *k = PITH_TUPLE_GET(kwnames, i);
        if (!pith_str_eq_cstr(k, "iterable") && !pith_str_eq_cstr(k, "maxlen")) {
            pith_err_format(&pith_exc_TypeError, "'%U' is an invalid keyword argument for deque()", k);
            return -1;
        }
    }
    if (pith_arg_parse(&spec, args, nargs, kwnames, out) < 0) return -1;
    Deque *d = DQ(self);
    intptr_t maxlen = -1;
    if (out[1] && out[1] != PITH_NONE) {
        maxlen = pith_number_as_ssize(out[1], &pith_exc_OverflowError);
        if (maxlen == -1 && pith_err_occurred()) return -1;
        if (maxlen < 0) {
            pith_err_set_string(&pith_exc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = maxlen;
    if (d->len) dq_clear(d);
    return out[0] ? dq_extend(d, out[0], false) : 0;
}

/* ---- methods --------------------------------------------------------------------------- */

#define METHOD(name)                                                                      \
    static PithObject *name(PithObject *self, PithObject *const *args, size_t nargs,     \
                            PithObject *kwnames)

static PithObject *none_or_null(int r) {
    if (r < 0) return NULL;
    PITH_RETURN_NONE;
}

METHOD(deque_append) { return none_or_null(dq_push(DQ(self), args[0], false)); }
METHOD(deque_appendleft) { return none_or_null(dq_push(DQ(self), args[0], true)); }
METHOD(deque_extend) { return none_or_null(dq_extend(DQ(self), args[0], false)); }
METHOD(deque_extendleft) { return none_or_null(dq_extend(DQ(self), args[0], true)); }

METHOD(deque_clear_m) {
    dq_clear(DQ(self));
    PITH_RETURN_NONE;
}

static PithObject *empty_pop(void) {
    pith_err_set_string(&pith_exc_IndexError, "pop from an empty deque");
    return NULL;
}

METHOD(deque_pop) { return DQ(self)->len ? dq_pop_right(DQ(self)) : empty_pop(); }
METHOD(deque_popleft) { return DQ(self)->len ? dq_pop_left(DQ(self)) : empty_pop(); }

/* Rotate right by n (left when negative), moving the fewer elements. */
static void dq_rotate(Deque *d, intptr_t n) {
    intptr_t len = d->len;
    if (len <= 1) return;
    n %= len;
    if (n < 0) n += len;
    if (n == 0) return;
    if (n <= len / 2) {
        for (intptr_t i = 0; i < n; i++) { /* last element to the front */
            PithObject *v = AT(d, len - 1);
            d->head = (d->head - 1) & (d->cap - 1);
            AT(d, 0) = v;
        }
    } else {
        for (intptr_t i = 0; i < len - n; i++) { /* first element to the back */
            PithObject *v = AT(d, 0);
            d->head = (d->head + 1) & (d->cap - 1);
            AT(d, len - 1) = v;
        }
    }
    d->state++;
}

METHOD(deque_rotate) {
    if (pith_arg_check_range("rotate", nargs, 0, 1) < 0) return NULL;
    intptr_t n = 1;
    if (nargs) {
        n = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
        if (n == -1 && pith_err_occurred()) return NULL;
    }
    dq_rotate(DQ(self), n);
    PITH_RETURN_NONE;
}

METHOD(deque_reverse) {
    Deque *d = DQ(self);
    for (intptr_t i = 0, j = d->len - 1; i < j; i++, j--) {
        PithObject *t = AT(d, i);
        AT(d, i) = AT(d, j);
        AT(d, j) = t;
    }
    d->state++;
    PITH_RETURN_NONE;
}

static PithObject *mutated(void) {
    pith_err_set_string(&pith_exc_RuntimeError, "deque mutated during iteration");
    return NULL;
}

/* Compare element i with v; -1 error (incl. mutation), else 0/1. */
static int elem_eq(Deque *d, intptr_t i, PithObject *v) {
    uint64_t st = d->state;
    intptr_t len = d->len;
    PithObject *item = PITH_NEWREF(AT(d, i));
    int eq = pith_richcompare_bool(item, v, PITH_EQ);
    PITH_DECREF(item);
    if (eq >= 0 && (d->state != st || d->len != len)) {
        mutated();
        return -1;
    }
    return eq;
}

METHOD(deque_count) {
    Deque *d = DQ(self);
    intptr_t c = 0;
    for (intptr_t i = 0; i < d->len; i++) {
        int eq = elem_eq(d, i, args[0]);
        if (eq < 0) return NULL;
        c += eq;
    }
    return pith_int_from_ssize(c);
}

/* Clamp a slice-style bound to [0, len]. */
static int bound(PithObject *o, intptr_t len, intptr_t *out) {
    intptr_t v = pith_number_as_ssize(o, NULL);
    if (v == -1 && pith_err_occurred()) return -1;
    if (v < 0) v = v + len < 0 ? 0 : v + len;
    *out = v > len ? len : v;
    return 0;
}

METHOD(deque_index) {
    if (pith_arg_check_range("index", nargs, 1, 3) < 0) return NULL;
    Deque *d = DQ(self);
    intptr_t start = 0, stop = d->len;
    if ((nargs > 1 && bound(args[1], d->len, &start) < 0) ||
        (nargs > 2 && bound(args[2], d->len, &stop) < 0))
        return NULL;
    for (intptr_t i = start; i < stop && i < d->len; i++) {
        int eq = elem_eq(d, i, args[0]);
        if (eq < 0) return NULL;
        if (eq) return pith_int_from_ssize(i);
    }
    return pith_err_format(&pith_exc_ValueError, "%R is not in deque", args[0]);
}

/* Remove element i (0 <= i < len), returning it (new ref). */
static PithObject *dq_take(Deque *d, intptr_t i) {
    PithObject *v = AT(d, i);
    for (intptr_t j = i; j < d->len - 1; j++) AT(d, j) = AT(d, j + 1);
    d->len--;
    d->state++;
    return v;
}

METHOD(deque_remove) {
    Deque *d = DQ(self);
    for (intptr_t i = 0; i < d->len; i++) {
        int eq = elem_eq(d, i, args[0]);
        if (eq < 0) return NULL;
        if (eq) {
            PITH_DECREF(dq_take(d, i));
            PITH_RETURN_NONE;
        }
    }
    return pith_err_format(&pith_exc_ValueError, "%R is not in deque", args[0]);
}

METHOD(deque_insert) {
    if (pith_arg_check_range("insert", nargs, 2, 2) < 0) return NULL;
    Deque *d = DQ(self);
    intptr_t i = pith_number_as_ssize(args[0], NULL);
    if (i == -1 && pith_err_occurred()) return NULL;
    if (d->maxlen >= 0 && d->len >= d->maxlen) {
        pith_err_set_string(&pith_exc_IndexError, "deque already at its maximum size");
        return NULL;
    }
    if (i < 0) i = i + d->len < 0 ? 0 : i + d->len;
    if (i > d->len) i = d->len;
    if (dq_push(d, args[1], false) < 0) return NULL;
    PithObject *v = AT(d, d->len - 1);
    for (intptr_t j = d->len - 1; j > i; j--) AT(d, j) = AT(d, j - 1);
    AT(d, i) = v;
    PITH_RETURN_NONE;
}

/* A new deque of self's type with the same contents and maxlen. */
static PithObject *dq_copy(PithObject *self) {
    Deque *d = DQ(self);
    if (PITH_TYPE(self) == &deque_type) {
        PithObject *n = deque_alloc(&deque_type, d->maxlen);
        for (intptr_t i = 0; n && i < d->len; i++)
            if (dq_push(DQ(n), AT(d, i), false) < 0) PITH_CLEAR(n);
        return n;
    }
    PithObject *ml = d->maxlen < 0 ? NULL : pith_int_from_ssize(d->maxlen);
    if (d->maxlen >= 0 && !ml) return NULL;
    PithObject *cargs[2] = {self, ml};
    PithObject *r = pith_call((PithObject *)PITH_TYPE(self), cargs, ml ? 2 : 1, NULL);
    PITH_XDECREF(ml);
    return r;
}

METHOD(deque_copy_m) { return dq_copy(self); }

METHOD(deque_reduce) {
    Deque *d = DQ(self);
    PithObject *state = NULL, **dp = pith_obj_dict_ptr(self);
    if (dp && *dp && pith_len(*dp) > 0) state = *dp;
    PithObject *cargs;
    if (d->maxlen < 0) {
        cargs = pith_tuple_new(0);
    } else {
        PithObject *e = pith_tuple_new(0), *ml = pith_int_from_ssize(d->maxlen);
        cargs = e && ml ? pith_tuple_pack(2, e, ml) : NULL;
        PITH_XDECREF(e);
        PITH_XDECREF(ml);
    }
    PithObject *it = cargs ? pith_get_iter(self) : NULL;
    PithObject *r = it ? pith_tuple_pack(4, (PithObject *)PITH_TYPE(self), cargs,
                                         state ? state : PITH_NONE, it)
                       : NULL;
    PITH_XDECREF(cargs);
    PITH_XDECREF(it);
    return r;
}

static PithObject *deque_iter_new(PithObject *self, bool reverse);

METHOD(deque_reversed_m) { return deque_iter_new(self, true); }

METHOD(deque_sizeof) {
    return pith_int_from_ssize((intptr_t)sizeof(Deque) +
                               DQ(self)->cap * (intptr_t)sizeof(PithObject *));
}

static PithObject *get_maxlen(PithObject *o, void *c) {
    if (DQ(o)->maxlen < 0) PITH_RETURN_NONE;
    return pith_int_from_ssize(DQ(o)->maxlen);
}

static PithMethodDef deque_methods[] = {
    {"append", deque_append, PITH_METH_O, NULL},
    {"appendleft", deque_appendleft, PITH_METH_O, NULL},
    {"extend", deque_extend, PITH_METH_O, NULL},
    {"extendleft", deque_extendleft, PITH_METH_O, NULL},
    {"clear", deque_clear_m, PITH_METH_NOARGS, NULL},
    {"pop", deque_pop, PITH_METH_NOARGS, NULL},
    {"popleft", deque_popleft, PITH_METH_NOARGS, NULL},
    {"rotate", deque_rotate, PITH_METH_FAST, NULL},
    {"reverse", deque_reverse, PITH_METH_NOARGS, NULL},
    {"count", deque_count, PITH_METH_O, NULL},
    {"index", deque_index, PITH_METH_FAST, NULL},
    {"remove", deque_remove, PITH_METH_O, NULL},
    {"insert", deque_insert, PITH_METH_FAST, NULL},
    {"copy", deque_copy_m, PITH_METH_NOARGS, NULL},
    {"__copy__", deque_copy_m, PITH_METH_NOARGS, NULL},
    {"__reduce__", deque_reduce, PITH_METH_NOARGS, NULL},
    {"__reversed__", deque_reversed_m, PITH_METH_NOARGS, NULL},
    {"__sizeof__", deque_sizeof, PITH_METH_NOARGS, NULL},
    {"__class_getitem__", pith_generic_alias_class_getitem, PITH_METH_O | PITH_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef deque_getset[] = {
    {"maxlen", get_maxlen, NULL, "maximum size of a deque or None if unbounded", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- sequence protocol ---------------------------------------------------------------- */

static intptr_t deque_length(PithObject *o) { return DQ(o)->len; }

static PithObject *index_error(void) {
    pith_err_set_string(&pith_exc_IndexError, "deque index out of range");
    return NULL;
}

static PithObject *deque_item(PithObject *o, intptr_t i) {
    Deque *d = DQ(o);
    if (i < 0 || i >= d->len) return index_error();
    return PITH_NEWREF(AT(d, i));
}

static int deque_ass_item(PithObject *o, intptr_t i, PithObject *v) {
    Deque *d = DQ(o);
    if (i < 0 || i >= d->len) {
        index_error();
        return -1;
    }
    if (!v) {
        PITH_DECREF(dq_take(d, i));
        return 0;
    }
    PithObject *old = AT(d, i);
    AT(d, i) = PITH_NEWREF(v);
    PITH_DECREF(old);
    return 0;
}

/* d[i] accepts only integers (no slices). */
static int subscript_index(PithObject *o, PithObject *key, intptr_t *out) {
    if (!pith_index_check(key)) {
        pith_err_format(&pith_exc_TypeError, "sequence index must be integer, not '%s'",
                        pith_type_name(key));
        return -1;
    }
    intptr_t i = pith_number_as_ssize(key, &pith_exc_IndexError);
    if (i == -1 && pith_err_occurred()) return -1;
    if (i < 0) i += DQ(o)->len;
    *out = i;
    return 0;
}

static PithObject *deque_subscript(PithObject *o, PithObject *key) {
    intptr_t i;
    return subscript_index(o, key, &i) < 0 ? NULL : deque_item(o, i);
}

static int deque_ass_subscript(PithObject *o, PithObject *key, PithObject *v) {
    intptr_t i;
    return subscript_index(o, key, &i) < 0 ? -1 : deque_ass_item(o, i, v);
}

static int deque_contains(PithObject *o, PithObject *v) {
    Deque *d = DQ(o);
    for (intptr_t i = 0; i < d->len; i++) {
        int eq = elem_eq(d, i, v);
        if (eq) return eq;
    }
    return 0;
}

static PithObject *deque_concat(PithObject *a, PithObject *b) {
    if (!is_deque(b))
        return pith_err_format(&pith_exc_TypeError,
                               "can only concatenate deque (not \"%s\") to deque",
                               pith_type_name(b));
    PithObject *n = dq_copy(a);
    if (n && dq_extend(DQ(n), b, false) < 0) PITH_CLEAR(n);
    return n;
}

static PithObject *deque_inplace_concat(PithObject *a, PithObject *b) {
    if (dq_extend(DQ(a), b, false) < 0) return NULL;
    return PITH_NEWREF(a);
}

/* d *= n. A bounded deque keeps the last maxlen elements of the
 * repetition, which ceil(maxlen / len) repetitions already determine. */
static PithObject *deque_inplace_repeat(PithObject *o, intptr_t n) {
    Deque *d = DQ(o);
    if (n <= 0 || d->len == 0) {
        dq_clear(d);
        return PITH_NEWREF(o);
    }
    intptr_t len = d->len;
    if (d->maxlen >= 0 && n > d->maxlen / len + 1) n = d->maxlen / len + 1;
    if (d->maxlen < 0 && len > INTPTR_MAX / n) return pith_err_no_memory();
    PithObject *l = pith_sequence_list(o);
    if (!l) return NULL;
    for (intptr_t k = 1; k < n; k++)
        if (dq_extend(d, l, false) < 0) {
            PITH_DECREF(l);
            return NULL;
        }
    PITH_DECREF(l);
    return PITH_NEWREF(o);
}

static PithObject *deque_repeat(PithObject *o, intptr_t n) {
    PithObject *c = dq_copy(o);
    if (!c) return NULL;
    PithObject *r = deque_inplace_repeat(c, n);
    PITH_DECREF(c);
    return r;
}

static PithSequenceMethods deque_as_sequence = {
    .sq_length = deque_length,
    .sq_concat = deque_concat,
    .sq_repeat = deque_repeat,
    .sq_item = deque_item,
    .sq_ass_item = deque_ass_item,
    .sq_contains = deque_contains,
    .sq_inplace_concat = deque_inplace_concat,
    .sq_inplace_repeat = deque_inplace_repeat,
};

static PithMappingMethods deque_as_mapping = {
    .mp_length = deque_length,
    .mp_subscript = deque_subscript,
    .mp_ass_subscript = deque_ass_subscript,
};

static int deque_bool(PithObject *o) { return DQ(o)->len != 0; }

static PithNumberMethods deque_as_number = {.nb_bool = deque_bool};

/* ---- repr and comparison -------------------------------------------------------------- */

static PithObject *deque_repr(PithObject *o) {
    PithObject *name = pith_type_get_name(PITH_TYPE(o));
    if (!name) return NULL;
    int rec = pith_repr_enter(o);
    if (rec) {
        PITH_DECREF(name);
        return rec < 0 ? NULL : pith_str_from_cstr("[...]");
    }
    PithObject *l = pith_sequence_list(o), *r = NULL;
    if (l) {
        if (DQ(o)->maxlen < 0)
            r = pith_str_from_format("%U(%R)", name, l);
        else
            r = pith_str_from_format("%U(%R, maxlen=%zd)", name, l, DQ(o)->maxlen);
        PITH_DECREF(l);
    }
    pith_repr_leave(o);
    PITH_DECREF(name);
    return r;
}

static PithObject *deque_richcompare(PithObject *a, PithObject *b, int op) {
    if (!is_deque(b)) PITH_RETURN_NOTIMPL;
    PithObject *la = pith_sequence_list(a);
    PithObject *lb = la ? pith_sequence_list(b) : NULL;
    PithObject *r = lb ? pith_richcompare(la, lb, op) : NULL;
    PITH_XDECREF(la);
    PITH_XDECREF(lb);
    return r;
}

static PithObject *deque_iter(PithObject *o) { return deque_iter_new(o, false); }

static PithType deque_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(Deque),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_WEAKREFABLE,
    .tp_doc = "A list-like sequence optimized for data accesses near its endpoints.",
    .tp_dealloc = deque_dealloc,
    .tp_repr = deque_repr,
    .tp_hash = pith_hash_not_implemented,
    .tp_richcompare = deque_richcompare,
    .tp_iter = deque_iter,
    .tp_traverse = deque_traverse,
    .tp_clear = deque_tp_clear,
    .tp_new = deque_new,
    .tp_init = deque_init,
    .tp_as_number = &deque_as_number,
    .tp_as_sequence = &deque_as_sequence,
    .tp_as_mapping = &deque_as_mapping,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
};

/* ---- iterators ------------------------------------------------------------------------- */

static PithObject *deque_iter_new(PithObject *self, bool reverse) {
    DequeIter *it = (DequeIter *)pith_gc_new(reverse ? &dequereviter_type : &dequeiter_type);
    if (!it) return pith_err_no_memory();
    it->deque = (Deque *)PITH_NEWREF(self);
    it->index = reverse ? DQ(self)->len - 1 : 0;
    it->counter = DQ(self)->len;
    it->state = DQ(self)->state;
    pith_gc_track(it);
    return (PithObject *)it;
}

static void dequeiter_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(((DequeIter *)o)->deque);
    pith_gc_del(o);
}

static int dequeiter_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((DequeIter *)o)->deque);
    return 0;
}

static PithObject *dequeiter_step(PithObject *o, intptr_t dir) {
    DequeIter *it = (DequeIter *)o;
    if (it->deque->state != it->state) {
        it->counter = 0;
        return mutated();
    }
    if (it->counter == 0) return NULL;
    PithObject *v = AT(it->deque, it->index);
    it->index += dir;
    it->counter--;
    return PITH_NEWREF(v);
}

static PithObject *dequeiter_next(PithObject *o) { return dequeiter_step(o, 1); }
static PithObject *dequereviter_next(PithObject *o) { return dequeiter_step(o, -1); }
static PithObject *iter_self(PithObject *o) { return PITH_NEWREF(o); }

METHOD(dequeiter_length_hint) { return pith_int_from_ssize(((DequeIter *)self)->counter); }

static PithMethodDef dequeiter_methods[] = {
    {"__length_hint__", dequeiter_length_hint, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithObject *dequeiter_tp_new(PithType *t, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    if (pith_arg_check_range(t->tp_name, nargs, 1, 2) < 0) return NULL;
    if (!is_deque(args[0]))
        return pith_err_format(&pith_exc_TypeError, "argument 1 must be collections.deque, not %T",
                               args[0]);
    return deque_iter_new(args[0], t == &dequereviter_type);
}

static PithType dequeiter_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_collections._deque_iterator",
    .tp_basicsize = sizeof(DequeIter),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = dequeiter_dealloc,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = dequeiter_next,
    .tp_new = dequeiter_tp_new,
    .tp_methods = dequeiter_methods,
};

static PithType dequereviter_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(DequeIter),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = dequeiter_dealloc,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = dequereviter_next,
    .tp_new = dequeiter_tp_new,
    .tp_methods = dequeiter_methods,
};

/* ---- defaultdict -------------------------------------------------------------------------- */

typedef struct {
    PithDict dict;
    PithObject *factory; /* callable or NULL (None) */
} DefDict;

#define DD(o) ((DefDict *)(o))

static void defdict_dealloc(PithObject *o) {
    PITH_CLEAR(DD(o)->factory);
    pith_dict_type.tp_dealloc(o);
}

static int defdict_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(DD(o)->factory);
    return pith_dict_type.tp_traverse(o, visit, arg);
}

static int defdict_clear(PithObject *o) {
    PITH_CLEAR(DD(o)->factory);
    return pith_dict_type.tp_clear(o);
}

static int defdict_init(PithObject *self, PithObject *const *args, size_t nargs,
                        PithObject *kwnames) {
    PithObject *f = NULL;
    if (nargs > 0) {
        f = args[0];
        if (f != PITH_NONE && !pith_callable_check(f)) {
            pith_err_set_string(&pith_exc_TypeError, "first argument must be callable or None");
            return -1;
        }
        args++;
        nargs--;
    }
    PITH_SETREF(DD(self)->factory, f && f != PITH_NONE ? PITH_NEWREF(f) : NULL);
    return pith_dict_type.tp_init(self, args, nargs, kwnames);
}

METHOD(defdict_missing) {
    PithObject *key = args[0];
    if (!DD(self)->factory) {
        PithObject *t = pith_tuple_pack(1, key);
        if (t) {
            pith_err_set_object(&pith_exc_KeyError, t);
            PITH_DECREF(t);
        }
        return NULL;
    }
    PithObject *v = pith_call_noargs(DD(self)->factory);
    if (v && pith_setitem(self, key, v) < 0) PITH_CLEAR(v);
    return v;
}

/* type(dd)(dd.default_factory, arg) */
static PithObject *defdict_make(PithObject *dd, PithObject *arg) {
    PithObject *cargs[2] = {DD(dd)->factory ? DD(dd)->factory : PITH_NONE, arg};
    return pith_call((PithObject *)PITH_TYPE(dd), cargs, 2, NULL);
}

METHOD(defdict_copy) { return defdict_make(self, self); }

METHOD(defdict_reduce) {
    PithObject *fargs = DD(self)->factory ? pith_tuple_pack(1, DD(self)->factory)
                                          : pith_tuple_new(0);
    PithObject *items = fargs ? pith_call_method(self, "items", NULL, 0) : NULL;
    PithObject *it = items ? pith_get_iter(items) : NULL;
    PithObject *r = it ? pith_tuple_pack(5, (PithObject *)PITH_TYPE(self), fargs, PITH_NONE,
                                         PITH_NONE, it)
                       : NULL;
    PITH_XDECREF(fargs);
    PITH_XDECREF(items);
    PITH_XDECREF(it);
    return r;
}

static PithObject *defdict_repr(PithObject *o) {
    PithObject *base = pith_dict_type.tp_repr(o);
    if (!base) return NULL;
    PithObject *fr;
    if (!DD(o)->factory) {
        fr = pith_str_from_cstr("None");
    } else {
        int rec = pith_repr_enter(DD(o)->factory);
        if (rec < 0) {
            PITH_DECREF(base);
            return NULL;
        }
        if (rec) {
            fr = pith_str_from_cstr("...");
        } else {
            fr = pith_repr(DD(o)->factory);
            pith_repr_leave(DD(o)->factory);
        }
    }
    PithObject *name = fr ? pith_type_get_name(PITH_TYPE(o)) : NULL;
    PithObject *r = name ? pith_str_from_format("%U(%U, %U)", name, fr, base) : NULL;
    PITH_XDECREF(name);
    PITH_XDECREF(fr);
    PITH_DECREF(base);
    return r;
}

static PithObject *defdict_or(PithObject *left, PithObject *right) {
    bool left_dd = pith_type_ok(left, &defdict_type);
    PithObject *self = left_dd ? left : right, *other = left_dd ? right : left;
    if (!pith_dict_check(other)) PITH_RETURN_NOTIMPL;
    PithObject *n = defdict_make(self, left);
    if (n && pith_dict_merge(n, right, 1) < 0) PITH_CLEAR(n);
    return n;
}

static PithNumberMethods defdict_as_number = {.nb_or = defdict_or};

static PithMemberDef defdict_members[] = {
    {"default_factory", PITH_MEMBER_OBJECT, offsetof(DefDict, factory), 0,
     "Factory for default value called by __missing__()."},
    {NULL, 0, 0, 0, NULL},
};

static PithMethodDef defdict_methods[] = {
    {"__missing__", defdict_missing, PITH_METH_O, NULL},
    {"copy", defdict_copy, PITH_METH_NOARGS, NULL},
    {"__copy__", defdict_copy, PITH_METH_NOARGS, NULL},
    {"__reduce__", defdict_reduce, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithType defdict_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "collections.defaultdict",
    .tp_basicsize = sizeof(DefDict),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_DICT_SUBCLASS,
    .tp_base = &pith_dict_type,
    .tp_dealloc = defdict_dealloc,
    .tp_repr = defdict_repr,
    .tp_traverse = defdict_traverse,
    .tp_clear = defdict_clear,
    .tp_init = defdict_init,
    .tp_as_number = &defdict_as_number,
    .tp_members = defdict_members,
    .tp_methods = defdict_methods,
};

/* ---- _count_elements(mapping, iterable) ------------------------------------------------------ */

static PithObject *count_elements(PithObject *m, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    if (pith_arg_check_range("_count_elements", nargs, 2, 2) < 0) return NULL;
    PithObject *mapping = args[0];
    PithObject *get = pith_getattr_str(mapping, "get");
    if (!get) return NULL;
    PithObject *it = pith_get_iter(args[1]);
    PithObject *zero = pith_int_from_i64(0), *one = pith_int_from_i64(1), *v;
    int r = it ? 0 : -1;
    while (r == 0 && (v = pith_iter_next(it))) {
        PithObject *cargs[2] = {v, zero};
        PithObject *old = pith_call(get, cargs, 2, NULL);
        PithObject *n = old ? pith_number_add(old, one) : NULL;
        r = n ? pith_setitem(mapping, v, n) : -1;
        PITH_XDECREF(old);
        PITH_XDECREF(n);
        PITH_DECREF(v);
    }
    if (r == 0 && pith_err_occurred()) r = -1;
    PITH_XDECREF(it);
    PITH_DECREF(zero);
    PITH_DECREF(one);
    PITH_DECREF(get);
    if (r < 0) return NULL;
    PITH_RETURN_NONE;
}

/* ---- _tuplegetter(index, doc) -------------------------------------------------------------- */

typedef struct {
    PithObject ob;
    intptr_t index;
    PithObject *doc;
} TupleGetter;

static PithObject *tuplegetter_new(PithType *t, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    if (pith_arg_no_kwargs("_tuplegetter", kwnames) < 0 ||
        pith_arg_check_range("_tuplegetter", nargs, 2, 2) < 0)
        return NULL;
    intptr_t i = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
    if (i == -1 && pith_err_occurred()) return NULL;
    TupleGetter *g = (TupleGetter *)pith_gc_new(t);
    if (!g) return pith_err_no_memory();
    g->index = i;
    g->doc = PITH_NEWREF(args[1]);
    pith_gc_track(g);
    return (PithObject *)g;
}

static void tuplegetter_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(((TupleGetter *)o)->doc);
    pith_gc_del(o);
}

static int tuplegetter_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((TupleGetter *)o)->doc);
    return 0;
}

static int tuplegetter_clear(PithObject *o) {
    PITH_CLEAR(((TupleGetter *)o)->doc);
    return 0;
}

static PithObject *tuplegetter_get(PithObject *self, PithObject *obj, PithObject *type) {
    TupleGetter *g = (TupleGetter *)self;
    if (!obj || obj == PITH_NONE) return PITH_NEWREF(self);
    if (!pith_tuple_check(obj))
        return pith_err_format(&pith_exc_TypeError,
                               "descriptor for index '%zd' for tuple subclasses doesn't apply "
                               "to '%s' object",
                               g->index, pith_type_name(obj));
    if (g->index < 0 || g->index >= PITH_SIZE(obj)) {
        pith_err_set_string(&pith_exc_IndexError, "tuple index out of range");
        return NULL;
    }
    return PITH_NEWREF(PITH_TUPLE_GET(obj, g->index));
}

static int tuplegetter_set(PithObject *self, PithObject *obj, PithObject *value) {
    pith_err_set_string(&pith_exc_AttributeError,
                        value ? "can't set attribute" : "can't delete attribute");
    return -1;
}

METHOD(tuplegetter_reduce) {
    TupleGetter *g = (TupleGetter *)self;
    PithObject *i = pith_int_from_ssize(g->index);
    PithObject *a = i ? pith_tuple_pack(2, i, g->doc ? g->doc : PITH_NONE) : NULL;
    PithObject *r = a ? pith_tuple_pack(2, (PithObject *)PITH_TYPE(self), a) : NULL;
    PITH_XDECREF(i);
    PITH_XDECREF(a);
    return r;
}

static PithMemberDef tuplegetter_members[] = {
    {"__doc__", PITH_MEMBER_OBJECT, offsetof(TupleGetter, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PithMethodDef tuplegetter_methods[] = {
    {"__reduce__", tuplegetter_reduce, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithType tuplegetter_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_collections._tuplegetter",
    .tp_basicsize = sizeof(TupleGetter),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = tuplegetter_dealloc,
    .tp_traverse = tuplegetter_traverse,
    .tp_clear = tuplegetter_clear,
    .tp_descr_get = tuplegetter_get,
    .tp_descr_set = tuplegetter_set,
    .tp_new = tuplegetter_new,
    .tp_members = tuplegetter_members,
    .tp_methods = tuplegetter_methods,
};

/* ---- the module ------------------------------------------------------------------------------- */

static PithMethodDef collections_functions[] = {
    {"_count_elements", count_elements, PITH_METH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_collections_module_init(void) {
    static PithType *const types[] = {&deque_type, &dequeiter_type, &dequereviter_type,
                                      &defdict_type, &tuplegetter_type, NULL};
    static const char *const names[] = {"deque", "_deque_iterator", "_deque_reverse_iterator",
                                        "defaultdict", "_tuplegetter"};
    PithObject *m = pith_module_new("_collections");
    if (!m) return NULL;
    if (pith_module_add_functions(m, collections_functions) < 0) goto fail;
    for (int i = 0; types[i]; i++)
        if (pith_type_ready(types[i]) < 0 ||
            pith_module_add_object(m, names[i], PITH_NEWREF(types[i])) < 0)
            goto fail;
    return m;
fail:
    PITH_DECREF(m);
    return NULL;
}
