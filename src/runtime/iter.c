/* iter.c — the iteration protocol (iter(), next()) and the two generic
 * iterator types: `iterator` (over an object with __getitem__) and
 * `callable_iterator` (iter(callable, sentinel)).
 *
 * Invariant: an exhausted iterator has dropped its reference to the
 * underlying sequence / callable (field is NULL) and stays exhausted. */
#include "pith/pith.h"
#include "runtime_internal.h"
#include "../objects/containers_impl.h" /* pickling helpers of iterators */

bool pith_iter_check(PithObject *o) { return PITH_TYPE(o)->tp_iternext != NULL; }

static bool is_sequence(PithObject *o) {
    PithSequenceMethods *sq = PITH_TYPE(o)->tp_as_sequence;
    return sq && sq->sq_item && !pith_dict_check(o);
}

PithObject *pith_get_iter(PithObject *o) {
    PithType *t = PITH_TYPE(o);
    if (!t->tp_iter) {
        if (is_sequence(o)) return pith_seqiter_new(o);
        return pith_err_format(&pith_exc_TypeError, "'%.200s' object is not iterable",
                               t->tp_name);
    }
    PithObject *it = t->tp_iter(o);
    if (it && !pith_iter_check(it)) {
        pith_err_format(&pith_exc_TypeError, "iter() returned non-iterator of type '%.100s'",
                        pith_type_name(it));
        PITH_DECREF(it);
        return NULL;
    }
    return it;
}

PithObject *pith_iter_next(PithObject *it) {
    pith_iternextfunc f = PITH_TYPE(it)->tp_iternext;
    if (!f)
        return pith_err_format(&pith_exc_TypeError, "'%.200s' object is not an iterator",
                               pith_type_name(it));
    PithObject *r = f(it);
    if (!r && pith_err_matches(&pith_exc_StopIteration)) pith_err_clear();
    return r;
}

static PithObject *self_iter(PithObject *o) { return PITH_NEWREF(o); }

/* ---- iterator over __getitem__ --------------------------------------------- */

typedef struct {
    PithObject ob;
    intptr_t index;
    PithObject *seq; /* NULL once exhausted */
} SeqIter;

PithObject *pith_seqiter_new(PithObject *seq) {
    SeqIter *it = (SeqIter *)pith_gc_new(&pith_seqiter_type);
    if (!it) return pith_err_no_memory();
    it->seq = PITH_NEWREF(seq);
    pith_gc_track(it);
    return (PithObject *)it;
}

static PithObject *seqiter_next(PithObject *o) {
    SeqIter *it = (SeqIter *)o;
    if (!it->seq) return NULL;
    PithObject *r = pith_sequence_getitem(it->seq, it->index);
    if (r) {
        it->index++;
        return r;
    }
    if (pith_err_matches(&pith_exc_IndexError) || pith_err_matches(&pith_exc_StopIteration)) {
        pith_err_clear();
        PITH_CLEAR(it->seq);
    }
    return NULL;
}

static PithObject *seqiter_length_hint(PithObject *o, PithObject *const *args,
                                       size_t nargs, PithObject *kwnames) {
    SeqIter *it = (SeqIter *)o;
    if (!it->seq) return pith_int_from_i64(0);
    intptr_t n = pith_len(it->seq);
    if (n < 0) {
        pith_err_clear();
        return PITH_NEWREF(PITH_NOTIMPL);
    }
    n -= it->index;
    return pith_int_from_ssize(n < 0 ? 0 : n);
}

static void seqiter_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(((SeqIter *)o)->seq);
    pith_gc_del(o);
}

static int seqiter_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((SeqIter *)o)->seq);
    return 0;
}

/* (iter, (seq,), index), or (iter, ((),)) once exhausted. */
static PithObject *seqiter_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    SeqIter *it = (SeqIter *)o;
    if (it->seq) return pith_iter_reduce(it->seq, it->index);
    PithObject *empty = pith_tuple_new(0);
    PithObject *r = empty ? pith_iter_reduce_exhausted(empty) : NULL;
    PITH_XDECREF(empty);
    return r;
}

/* Negative states become 0; no upper clamp (the sequence length may change). */
static PithObject *seqiter_setstate(PithObject *o, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    SeqIter *it = (SeqIter *)o;
    intptr_t i;
    if (pith_iter_state_index(args[0], &i) < 0) return NULL;
    if (it->seq) it->index = i < 0 ? 0 : i;
    PITH_RETURN_NONE;
}

static PithMethodDef seqiter_methods[] = {
    {"__length_hint__", seqiter_length_hint, PITH_METH_NOARGS, NULL},
    {"__reduce__", seqiter_reduce, PITH_METH_NOARGS, NULL},
    {"__setstate__", seqiter_setstate, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_seqiter_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "iterator",
    .tp_basicsize = sizeof(SeqIter),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = seqiter_dealloc,
    .tp_traverse = seqiter_traverse,
    .tp_iter = self_iter,
    .tp_iternext = seqiter_next,
    .tp_methods = seqiter_methods,
};

/* ---- callable_iterator --------------------------------------------------------- */

typedef struct {
    PithObject ob;
    PithObject *callable; /* NULL once exhausted */
    PithObject *sentinel;
} CallIter;

PithObject *pith_calliter_new(PithObject *callable, PithObject *sentinel) {
    CallIter *it = (CallIter *)pith_gc_new(&pith_calliter_type);
    if (!it) return pith_err_no_memory();
    it->callable = PITH_NEWREF(callable);
    it->sentinel = PITH_NEWREF(sentinel);
    pith_gc_track(it);
    return (PithObject *)it;
}

static PithObject *calliter_next(PithObject *o) {
    CallIter *it = (CallIter *)o;
    if (!it->callable) return NULL;
    PithObject *r = pith_call_noargs(it->callable);
    if (!r) {
        if (pith_err_matches(&pith_exc_StopIteration)) {
            pith_err_clear();
            PITH_CLEAR(it->callable);
        }
        return NULL;
    }
    int eq = pith_richcompare_bool(r, it->sentinel, PITH_EQ);
    if (eq == 0) return r;
    PITH_DECREF(r);
    if (eq > 0) PITH_CLEAR(it->callable);
    return NULL;
}

static void calliter_dealloc(PithObject *o) {
    CallIter *it = (CallIter *)o;
    pith_gc_untrack(o);
    PITH_XDECREF(it->callable);
    PITH_XDECREF(it->sentinel);
    pith_gc_del(o);
}

static int calliter_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((CallIter *)o)->callable);
    PITH_VISIT(((CallIter *)o)->sentinel);
    return 0;
}

/* (iter, (callable, sentinel)), or (iter, ((),)) once exhausted. */
static PithObject *calliter_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    CallIter *it = (CallIter *)o;
    if (!it->callable) {
        PithObject *empty = pith_tuple_new(0);
        PithObject *r = empty ? pith_iter_reduce_exhausted(empty) : NULL;
        PITH_XDECREF(empty);
        return r;
    }
    PithObject *b = pith_eval_get_builtins();
    PithObject *iterf = b ? pith_dict_get_item_str(b, "iter") : NULL;
    if (!iterf) return pith_err_format(&pith_exc_RuntimeError, "lost builtins.iter");
    PithObject *a = pith_tuple_pack(2, it->callable, it->sentinel);
    PithObject *r = a ? pith_tuple_pack(2, iterf, a) : NULL;
    PITH_XDECREF(a);
    return r;
}

static PithMethodDef calliter_methods[] = {
    {"__reduce__", calliter_reduce, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_calliter_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(CallIter),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = calliter_dealloc,
    .tp_traverse = calliter_traverse,
    .tp_iter = self_iter,
    .tp_iternext = calliter_next,
    .tp_methods = calliter_methods,
};
