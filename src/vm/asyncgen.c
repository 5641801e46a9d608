/* asyncgen.c — the async generator protocol (PEP 525): the methods of
 * `async_generator` (__aiter__, __anext__, asend, athrow, aclose) and the
 * awaitables they return (`async_generator_asend`, `async_generator_athrow`).
 *
 * An async generator is a PithGen (genobject.c) whose frame suspends for two
 * reasons: an `await` inside the body passes a value through to whoever
 * drives the awaitable, and a `yield` produces a value of the generator.
 * The compiler marks the second kind with YIELD_VALUE arg 1; after the
 * frame suspends, `produced()` tells them apart. A produced value ends the
 * awaitable with StopIteration(value); the body finishing ends it with
 * StopAsyncIteration.
 *
 * Invariants: an awaitable goes INIT -> ITER -> CLOSED and is never reused;
 * gen->ag_running_async is set while an asend/athrow awaitable is between
 * its first send and its end, so a second one reports "already running". */
#include "vm_internal.h"

enum { AW_INIT, AW_ITER, AW_CLOSED };

typedef struct {
    PithObject ob;
    PithGen *gen;        /* owned */
    PithObject *sendval; /* owned; the value asend() was given (None for __anext__) */
    int state;
} Asend;

typedef struct {
    PithObject ob;
    PithGen *gen;     /* owned */
    PithObject *args; /* owned tuple of athrow() arguments; NULL for aclose() */
    int state;
} Athrow;

/* Did the generator's frame last suspend at its own `yield` (not inside an
 * await)? */
static int produced(PithGen *g) {
    PithFrame *f = g->frame;
    if (!f || f->state != PITH_FRAME_SUSPENDED || f->ip == f->code->instrs) return 0;
    uint32_t w = f->ip[-1];
    return PITH_OP_OF(w) == PITH_OP_YIELD_VALUE && PITH_ARG_OF(w) == 1;
}

/* Raise StopIteration(value); returns NULL. */
static PithObject *stop_with(PithObject *value) {
    PithObject *args = pith_tuple_pack(1, value);
    PithObject *exc = args ? pith_exc_new(&pith_exc_StopIteration, args) : NULL;
    PITH_XDECREF(args);
    if (exc) {
        pith_err_raise(exc);
        PITH_DECREF(exc);
    }
    return NULL;
}

/* Turn the result of resuming the generator (st, r as pith_gen_send_ex)
 * into the awaitable's result: a passed-through await value, or NULL with
 * StopIteration(produced value) / StopAsyncIteration / the error. */
static PithObject *unwrap(PithGen *g, int st, PithObject *r) {
    if (st == 1 && !produced(g)) return r;
    if (st == 1) {
        stop_with(r);
        PITH_DECREF(r);
        g->ag_running_async = 0;
        return NULL;
    }
    if (st == 0) {
        PITH_DECREF(r);
        pith_err_set_none(&pith_exc_StopAsyncIteration);
    }
    if (pith_err_matches(&pith_exc_StopAsyncIteration) || pith_err_matches(&pith_exc_GeneratorExit))
        g->ag_closed = 1;
    g->ag_running_async = 0;
    return NULL;
}

static PithObject *aw_self(PithObject *self) { return PITH_NEWREF(self); }

static PithObject *aw_self_m(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    return PITH_NEWREF(self);
}

/* ---- async_generator_asend --------------------------------------------- */

static PithObject *asend_new(PithGen *g, PithObject *sendval) {
    Asend *a = (Asend *)pith_gc_new(&pith_asyncgen_asend_type);
    if (!a) return NULL;
    a->gen = (PithGen *)PITH_NEWREF(g);
    a->sendval = PITH_NEWREF(sendval);
    a->state = AW_INIT;
    pith_gc_track(a);
    return (PithObject *)a;
}

static int reuse_error(const char *what) {
    pith_err_format(&pith_exc_RuntimeError, "cannot reuse already awaited %s", what);
    return -1;
}

/* send(arg); arg NULL for __next__. */
static PithObject *asend_do(Asend *a, PithObject *arg) {
    if (a->state == AW_CLOSED) {
        reuse_error("__anext__()/asend()");
        return NULL;
    }
    if (a->state == AW_INIT) {
        if (a->gen->ag_running_async) {
            pith_err_set_string(&pith_exc_RuntimeError,
                                "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (!arg || arg == PITH_NONE) arg = a->sendval;
        a->state = AW_ITER;
    }
    if (!arg) arg = PITH_NONE;
    a->gen->ag_running_async = 1;
    PithObject *r;
    int st = pith_gen_send_ex((PithObject *)a->gen, arg, &r, 0);
    PithObject *res = unwrap(a->gen, st, r);
    if (!res) a->state = AW_CLOSED;
    return res;
}

static PithObject *asend_iternext(PithObject *self) { return asend_do((Asend *)self, NULL); }

static PithObject *asend_send(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    return asend_do((Asend *)self, args[0]);
}

static PithObject *asend_throw(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    Asend *a = (Asend *)self;
    if (pith_arg_check_range("throw", nargs, 1, 3) < 0) return NULL;
    if (a->state == AW_CLOSED) {
        reuse_error("__anext__()/asend()");
        return NULL;
    }
    PithObject *r;
    int st = pith_gen_throw_ex((PithObject *)a->gen, args[0], nargs > 1 ? args[1] : NULL,
                               nargs > 2 ? args[2] : NULL, &r);
    PithObject *res = unwrap(a->gen, st, r);
    if (!res) a->state = AW_CLOSED;
    return res;
}

static PithObject *aw_close_asend(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    ((Asend *)self)->state = AW_CLOSED;
    PITH_RETURN_NONE;
}

static int asend_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    Asend *a = (Asend *)o;
    PITH_VISIT(a->gen);
    PITH_VISIT(a->sendval);
    return 0;
}

static int asend_clear(PithObject *o) {
    Asend *a = (Asend *)o;
    PITH_CLEAR(a->gen);
    PITH_CLEAR(a->sendval);
    return 0;
}

static void asend_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    asend_clear(o);
    pith_gc_del(o);
}

static PithMethodDef asend_methods[] = {
    {"send", asend_send, PITH_METH_O, NULL},
    {"throw", asend_throw, PITH_METH_FAST, NULL},
    {"close", aw_close_asend, PITH_METH_NOARGS, NULL},
    {"__await__", aw_self_m, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_asyncgen_asend_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(Asend),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = asend_dealloc,
    .tp_iter = aw_self,
    .tp_iternext = asend_iternext,
    .tp_traverse = asend_traverse,
    .tp_clear = asend_clear,
    .tp_methods = asend_methods,
};

/* ---- async_generator_athrow (athrow() and aclose()) -------------------- */

static PithObject *athrow_new(PithGen *g, PithObject *args) {
    Athrow *t = (Athrow *)pith_gc_new(&pith_asyncgen_athrow_type);
    if (!t) return NULL;
    t->gen = (PithGen *)PITH_NEWREF(g);
    t->args = args ? PITH_NEWREF(args) : NULL;
    t->state = AW_INIT;
    pith_gc_track(t);
    return (PithObject *)t;
}

/* aclose() got the generator to yield a value: it ignored GeneratorExit. */
static PithObject *ignored_exit(Athrow *t, PithObject *r) {
    PITH_DECREF(r);
    t->gen->ag_running_async = 0;
    t->state = AW_CLOSED;
    pith_err_set_string(&pith_exc_RuntimeError, "async generator ignored GeneratorExit");
    return NULL;
}

/* The generator ended or raised during an athrow()/aclose() awaitable. For
 * aclose(), its finishing (StopAsyncIteration / GeneratorExit) just ends
 * the await: StopIteration. */
static PithObject *athrow_ended(Athrow *t) {
    t->gen->ag_running_async = 0;
    t->state = AW_CLOSED;
    if (!t->args && (pith_err_matches(&pith_exc_StopAsyncIteration) ||
                     pith_err_matches(&pith_exc_GeneratorExit))) {
        pith_err_clear();
        pith_err_set_none(&pith_exc_StopIteration);
    }
    return NULL;
}

/* Result of resuming the generator in aclose() mode (st, r). */
static PithObject *aclose_result(Athrow *t, int st, PithObject *r) {
    if (st == 1) return produced(t->gen) ? ignored_exit(t, r) : r;
    if (st == 0) {
        PITH_DECREF(r);
        pith_err_set_none(&pith_exc_StopAsyncIteration);
    }
    return athrow_ended(t);
}

/* First send: throw GeneratorExit (aclose) or the athrow() exception. */
static PithObject *athrow_start(Athrow *t) {
    PithGen *g = t->gen;
    PithObject *r;
    int st;
    t->state = AW_ITER;
    g->ag_running_async = 1;
    if (!t->args) {
        g->ag_closed = 1;
        st = pith_gen_throw_ex((PithObject *)g, (PithObject *)&pith_exc_GeneratorExit, NULL, NULL,
                               &r);
        return aclose_result(t, st, r);
    }
    size_t n = (size_t)PITH_SIZE(t->args);
    if (pith_arg_check_range("athrow", n, 1, 3) < 0) return NULL;
    PithObject *const *a = PITH_TUPLE_ITEMS(t->args);
    st = pith_gen_throw_ex((PithObject *)g, a[0], n > 1 ? a[1] : NULL, n > 2 ? a[2] : NULL, &r);
    PithObject *res = unwrap(g, st, r);
    return res ? res : athrow_ended(t);
}

static PithObject *athrow_do(Athrow *t, PithObject *arg) {
    PithGen *g = t->gen;
    if (t->state == AW_CLOSED) {
        reuse_error("aclose()/athrow()");
        return NULL;
    }
    if (!g->frame) {
        t->state = AW_CLOSED;
        pith_err_set_none(&pith_exc_StopIteration);
        return NULL;
    }
    if (!arg) arg = PITH_NONE;
    if (t->state == AW_INIT) {
        if (g->ag_running_async) {
            t->state = AW_CLOSED;
            pith_err_format(&pith_exc_RuntimeError,
                            "%s(): asynchronous generator is already running",
                            t->args ? "athrow" : "aclose");
            return NULL;
        }
        if (g->ag_closed) {
            t->state = AW_CLOSED;
            pith_err_set_none(&pith_exc_StopAsyncIteration);
            return NULL;
        }
        if (arg != PITH_NONE) {
            pith_err_set_string(&pith_exc_RuntimeError,
                                "can't send non-None value to a just-started coroutine");
            return NULL;
        }
        return athrow_start(t);
    }
    PithObject *r;
    int st = pith_gen_send_ex((PithObject *)g, arg, &r, 0);
    if (!t->args) return aclose_result(t, st, r);
    PithObject *res = unwrap(g, st, r);
    return res ? res : athrow_ended(t);
}

static PithObject *athrow_iternext(PithObject *self) { return athrow_do((Athrow *)self, NULL); }

static PithObject *athrow_send(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    return athrow_do((Athrow *)self, args[0]);
}

static PithObject *athrow_throw(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    Athrow *t = (Athrow *)self;
    if (pith_arg_check_range("throw", nargs, 1, 3) < 0) return NULL;
    if (t->state == AW_CLOSED) {
        reuse_error("aclose()/athrow()");
        return NULL;
    }
    PithObject *r;
    int st = pith_gen_throw_ex((PithObject *)t->gen, args[0], nargs > 1 ? args[1] : NULL,
                               nargs > 2 ? args[2] : NULL, &r);
    if (t->args) return unwrap(t->gen, st, r);
    if (st == 1) return produced(t->gen) ? ignored_exit(t, r) : r;
    if (st == 0) {
        PITH_DECREF(r);
        pith_err_set_none(&pith_exc_StopAsyncIteration);
    }
    if (pith_err_matches(&pith_exc_StopAsyncIteration) || pith_err_matches(&pith_exc_GeneratorExit)) {
        pith_err_clear();
        pith_err_set_none(&pith_exc_StopIteration);
    }
    return NULL;
}

static PithObject *athrow_close(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    ((Athrow *)self)->state = AW_CLOSED;
    PITH_RETURN_NONE;
}

static int athrow_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    Athrow *t = (Athrow *)o;
    PITH_VISIT(t->gen);
    PITH_VISIT(t->args);
    return 0;
}

static int athrow_clear(PithObject *o) {
    Athrow *t = (Athrow *)o;
    PITH_CLEAR(t->gen);
    PITH_CLEAR(t->args);
    return 0;
}

static void athrow_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    athrow_clear(o);
    pith_gc_del(o);
}

static PithMethodDef athrow_methods[] = {
    {"send", athrow_send, PITH_METH_O, NULL},
    {"throw", athrow_throw, PITH_METH_FAST, NULL},
    {"close", athrow_close, PITH_METH_NOARGS, NULL},
    {"__await__", aw_self_m, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_asyncgen_athrow_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(Athrow),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = athrow_dealloc,
    .tp_iter = aw_self,
    .tp_iternext = athrow_iternext,
    .tp_traverse = athrow_traverse,
    .tp_clear = athrow_clear,
    .tp_methods = athrow_methods,
};

/* ---- async_generator methods ------------------------------------------- */

static PithObject *ag_anext(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    return asend_new((PithGen *)self, PITH_NONE);
}

static PithObject *ag_asend(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    return asend_new((PithGen *)self, args[0]);
}

static PithObject *ag_athrow(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    PithObject *t = pith_tuple_from_array(args, nargs);
    if (!t) return NULL;
    PithObject *r = athrow_new((PithGen *)self, t);
    PITH_DECREF(t);
    return r;
}

static PithObject *ag_aclose(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    return athrow_new((PithGen *)self, NULL);
}

PithMethodDef pith_asyncgen_methods[] = {
    {"__aiter__", aw_self_m, PITH_METH_NOARGS, NULL},
    {"__anext__", ag_anext, PITH_METH_NOARGS, NULL},
    {"asend", ag_asend, PITH_METH_O, NULL},
    {"athrow", ag_athrow, PITH_METH_FAST, NULL},
    {"aclose", ag_aclose, PITH_METH_NOARGS, NULL},
    {"__class_getitem__", pith_generic_alias_class_getitem, PITH_METH_O | PITH_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};
