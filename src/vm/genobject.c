/* genobject.c — generator and coroutine objects. A generator owns a heap
 * frame (PithFrame with on_heap = 1) that the VM resumes with
 * pith_vm_run_frame; YIELD_VALUE suspends it. `yield from` / await use
 * SEND; throw() and close() forward to the delegate first, as CPython does.
 *
 * Invariants: gen->frame is NULL once the generator finished (returned,
 * raised or was closed); `running` is set while its frame executes. */
#include "vm_internal.h"


static PithObject *id_close, *id_throw;

PithObject *pith_gen_new(PithFrame *f, PithFunction *fn) {
    PithType *t = (f->code->flags & PITH_CO_COROUTINE)        ? &pith_coro_type
                  : (f->code->flags & PITH_CO_ASYNC_GENERATOR) ? &pith_asyncgen_type
                                                               : &pith_gen_type;
    PithGen *g = (PithGen *)pith_gc_new(t);
    if (!g) {
        pith_frame_release(f);
        return NULL;
    }
    g->frame = f;
    f->gen = (PithObject *)g;
    g->code = (PithCode *)PITH_NEWREF(f->code);
    g->name = PITH_NEWREF(fn->name);
    g->qualname = PITH_NEWREF(fn->qualname);
    g->exc_state = NULL;
    g->running = g->ag_closed = g->ag_running_async = 0;
    pith_gc_track(g);
    return (PithObject *)g;
}

static void gen_finish(PithGen *g) {
    PithFrame *f = g->frame;
    if (!f) return;
    g->frame = NULL;
    pith_frame_release(f);
}

/* The object a suspended `yield from`/await delegates to, or NULL. The
 * frame stops after YIELD_VALUE that directly follows a SEND. */
static PithObject *gen_yf(PithGen *g) {
    PithFrame *f = g->frame;
    if (!f || f->state != PITH_FRAME_SUSPENDED) return NULL;
    intptr_t at = f->ip - f->code->instrs;
    if (at < 2 || PITH_OP_OF(f->ip[-1]) != PITH_OP_YIELD_VALUE ||
        PITH_OP_OF(f->ip[-2]) != PITH_OP_SEND)
        return NULL;
    return f->sp[-1];
}

/* "generator", "coroutine" or "async generator" (for messages). */
static const char *kind_name(PithGen *g) {
    if (PITH_TYPE(g) == &pith_coro_type) return "coroutine";
    if (PITH_TYPE(g) == &pith_asyncgen_type) return "async generator";
    return "generator";
}

PithObject *pith_gen_yf(PithObject *gen) { return gen_yf((PithGen *)gen); }

/* PEP 479: StopIteration (and StopAsyncIteration in an async generator)
 * escaping the body becomes RuntimeError. */
static void convert_stop_iteration(PithGen *g) {
    const char *what;
    if (pith_err_matches(&pith_exc_StopIteration)) what = "StopIteration";
    else if (PITH_TYPE(g) == &pith_asyncgen_type && pith_err_matches(&pith_exc_StopAsyncIteration))
        what = "StopAsyncIteration";
    else
        return;
    PithObject *si = pith_err_fetch();
    pith_err_format(&pith_exc_RuntimeError, "%s raised %s", kind_name(g), what);
    PithObject *exc = pith_err_occurred();
    if (exc) {
        pith_exc_set_cause(exc, PITH_NEWREF(si));
        pith_exc_set_context(exc, si);
    } else
        PITH_DECREF(si);
}

/* Is the suspended frame inside an except handler (owns the handled exc)? */
static bool in_handler(PithFrame *f) {
    for (int i = 0; i < f->nblocks; i++)
        if (f->blocks[i].kind == PITH_BLOCK_EXCEPT_HANDLER) return true;
    return false;
}

/* Resume: value (borrowed) is pushed unless NULL (resume in place). */
static int gen_resume(PithGen *g, PithObject *value, PithObject **out, int throwing) {
    PithThreadState *ts = pith_tstate();
    *out = NULL;
    if (g->running) {
        pith_err_format(&pith_exc_ValueError, "%s already executing", kind_name(g));
        return -1;
    }
    PithFrame *f = g->frame;
    if (!f) {
        if (PITH_TYPE(g) == &pith_coro_type) {
            if (throwing) pith_err_clear();
            pith_err_set_string(&pith_exc_RuntimeError, "cannot reuse already awaited coroutine");
            return -1;
        }
        if (throwing) return -1;
        *out = PITH_NEWREF(PITH_NONE);
        return 0;
    }
    if (f->state == PITH_FRAME_CREATED && value && value != PITH_NONE && !throwing) {
        pith_err_format(&pith_exc_TypeError, "can't send non-None value to a just-started %s",
                        kind_name(g));
        return -1;
    }
    if (ts->recursion_depth + ts->c_recursion_depth >= ts->recursion_limit) {
        if (throwing) pith_err_clear();
        pith_err_set_string(&pith_exc_RecursionError, "maximum recursion depth exceeded");
        return -1;
    }
    if (value && !throwing) *f->sp++ = PITH_NEWREF(value);
    PithObject *caller_exc = ts->handled_exc;
    PithObject *mine = g->exc_state;
    g->exc_state = NULL;
    if (!mine) PITH_XINCREF(caller_exc);
    ts->handled_exc = mine ? mine : caller_exc;
    g->running = 1;
    PITH_INCREF(g);
    PithObject *r = pith_vm_run_frame(f, throwing);
    g->running = 0;
    int suspended = f->state == PITH_FRAME_SUSPENDED;
    if (suspended && in_handler(f)) g->exc_state = ts->handled_exc;
    else PITH_XDECREF(ts->handled_exc);
    ts->handled_exc = caller_exc;
    if (suspended) {
        *out = r;
        PITH_DECREF(g);
        return 1;
    }
    gen_finish(g);
    PITH_DECREF(g);
    if (!r) {
        convert_stop_iteration(g);
        return -1;
    }
    *out = r;
    return 0;
}

int pith_gen_send_ex(PithObject *gen, PithObject *value, PithObject **out, int throwing) {
    return gen_resume((PithGen *)gen, value, out, throwing);
}

/* Raise StopIteration(value) (no args for None); returns NULL. */
static PithObject *stop_iteration(PithObject *value) {
    if (value == PITH_NONE) {
        pith_err_set_none(&pith_exc_StopIteration);
        return NULL;
    }
    PithObject *args = pith_tuple_pack(1, value);
    if (!args) return NULL;
    PithObject *exc = pith_exc_new(&pith_exc_StopIteration, args);
    PITH_DECREF(args);
    if (exc) {
        pith_err_raise(exc);
        PITH_DECREF(exc);
    }
    return NULL;
}

static PithObject *gen_iternext(PithObject *self) {
    PithObject *r;
    int st = gen_resume((PithGen *)self, PITH_NONE, &r, 0);
    if (st == 1) return r;
    if (st == 0) {
        if (r != PITH_NONE) stop_iteration(r);
        PITH_DECREF(r);
    }
    return NULL;
}

static PithObject *gen_send(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    PithObject *r;
    int st = gen_resume((PithGen *)self, args[0], &r, 0);
    if (st == 1) return r;
    if (st == 0) {
        stop_iteration(r);
        PITH_DECREF(r);
    }
    return NULL;
}

/* The delegate of a `yield from` returned: finish the SEND in the frame
 * (replace the delegate with its value, jump to SEND's target), resume. */
static int finish_delegation(PithGen *g, PithObject *value, PithObject **out) {
    PithFrame *f = g->frame;
    uint32_t send = f->ip[-2];
    PithObject *sub = f->sp[-1];
    f->sp[-1] = value;
    PITH_DECREF(sub);
    f->ip = f->code->instrs + PITH_ARG_OF(send);
    return gen_resume(g, NULL, out, 0);
}

static int close_delegate(PithObject *yf) {
    if (PITH_TYPE(yf) == &pith_gen_type || PITH_TYPE(yf) == &pith_coro_type) {
        PithObject *r = pith_call_method(yf, "close", NULL, 0);
        PITH_XDECREF(r);
        return r ? 0 : -1;
    }
    PithObject *m = NULL;
    if (pith_lookup_attr(yf, pith_vm_name(&id_close, "close"), &m) < 0) return -1;
    if (!m) return 0;
    PithObject *r = pith_call_noargs(m);
    PITH_DECREF(m);
    PITH_XDECREF(r);
    return r ? 0 : -1;
}

/* Throw the already-set exception into g (delegating first). */
static int gen_throw_current(PithGen *g, PithObject **out) {
    PithObject *yf = gen_yf(g);
    if (!yf) return gen_resume(g, NULL, out, 1);
    PITH_INCREF(yf);
    PithObject *r = NULL;
    int st;
    if (pith_err_matches(&pith_exc_GeneratorExit)) {
        PithObject *exc = pith_err_fetch();
        g->running = 1;
        int c = close_delegate(yf);
        g->running = 0;
        if (c == 0) pith_err_restore(exc);
        else PITH_DECREF(exc);
        PITH_DECREF(yf);
        return gen_resume(g, NULL, out, 1);
    }
    PithObject *exc = pith_err_fetch();
    if (PITH_TYPE(yf) == &pith_gen_type || PITH_TYPE(yf) == &pith_coro_type) {
        pith_err_restore(exc);
        g->running = 1;
        st = gen_throw_current((PithGen *)yf, &r);
        g->running = 0;
    } else {
        PithObject *m = NULL;
        if (pith_lookup_attr(yf, pith_vm_name(&id_throw, "throw"), &m) <= 0) {
            PITH_DECREF(yf);
            if (pith_err_occurred()) PITH_DECREF(exc);
            else pith_err_restore(exc);
            return gen_resume(g, NULL, out, 1);
        }
        g->running = 1;
        r = pith_call_one(m, exc);
        g->running = 0;
        PITH_DECREF(m);
        PITH_DECREF(exc);
        st = r ? 1 : -1;
    }
    PITH_DECREF(yf);
    if (st == 1) {
        *out = r;
        return 1;
    }
    if (st == 0) return finish_delegation(g, r, out);
    if (pith_err_matches(&pith_exc_StopIteration)) {
        PithObject *si = pith_err_fetch();
        PithObject *v = pith_stop_iteration_value(si);
        v = PITH_NEWREF(v ? v : PITH_NONE);
        PITH_DECREF(si);
        return finish_delegation(g, v, out);
    }
    return gen_resume(g, NULL, out, 1);
}

/* Build the exception for throw(typ[, val[, tb]]) and set it. */
static int set_thrown(PithObject *typ, PithObject *val, PithObject *tb) {
    if (tb == PITH_NONE) tb = NULL;
    if (tb && PITH_TYPE(tb) != &pith_traceback_type) {
        pith_err_set_string(&pith_exc_TypeError, "throw() third argument must be a traceback object");
        return -1;
    }
    PithObject *exc;
    if (pith_exc_class_check(typ)) {
        if (val && pith_type_ok(val, (PithType *)typ)) exc = PITH_NEWREF(val);
        else if (!val || val == PITH_NONE) exc = pith_call_noargs(typ);
        else if (pith_tuple_check(val)) exc = pith_call_tuple_dict(typ, val, NULL);
        else exc = pith_call_one(typ, val);
        if (!exc) return -1;
    } else if (pith_exc_check(typ)) {
        if (val && val != PITH_NONE) {
            pith_err_set_string(&pith_exc_TypeError, "instance exception may not have a separate value");
            return -1;
        }
        exc = PITH_NEWREF(typ);
    } else {
        pith_err_format(&pith_exc_TypeError,
                        "exceptions must be classes or instances deriving from BaseException, not %s",
                        pith_type_name(typ));
        return -1;
    }
    if (tb) pith_exc_set_traceback(exc, tb);
    pith_err_restore(exc);
    return 0;
}

int pith_gen_throw_ex(PithObject *gen, PithObject *typ, PithObject *val, PithObject *tb,
                      PithObject **out) {
    *out = NULL;
    if (set_thrown(typ, val, tb) < 0) return -1;
    return gen_throw_current((PithGen *)gen, out);
}

static PithObject *gen_throw(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    if (pith_arg_check_range("throw", nargs, 1, 3) < 0) return NULL;
    PithObject *r;
    int st = pith_gen_throw_ex(self, args[0], nargs > 1 ? args[1] : NULL,
                               nargs > 2 ? args[2] : NULL, &r);
    if (st == 1) return r;
    if (st == 0) {
        stop_iteration(r);
        PITH_DECREF(r);
    }
    return NULL;
}

static PithObject *gen_close(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    PithGen *g = (PithGen *)self;
    if (!g->frame) PITH_RETURN_NONE;
    if (g->frame->state == PITH_FRAME_CREATED) {
        gen_finish(g);
        PITH_RETURN_NONE;
    }
    pith_err_set_none(&pith_exc_GeneratorExit);
    PithObject *r;
    int st = gen_throw_current(g, &r);
    if (st >= 0) {
        PITH_DECREF(r);
        if (st == 1) {
            pith_err_format(&pith_exc_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
            return NULL;
        }
        PITH_RETURN_NONE;
    }
    if (pith_err_matches(&pith_exc_GeneratorExit) || pith_err_matches(&pith_exc_StopIteration)) {
        pith_err_clear();
        PITH_RETURN_NONE;
    }
    return NULL;
}

static PithObject *gen_self(PithObject *self) { return PITH_NEWREF(self); }

static PithObject *gen_repr(PithObject *o) {
    PithGen *g = (PithGen *)o;
    const char *kind = PITH_TYPE(o) == &pith_asyncgen_type ? "async_generator" : kind_name(g);
    return pith_str_from_format("<%s object %U at %p>", kind, g->qualname, o);
}

static int gen_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PithGen *g = (PithGen *)o;
    PITH_VISIT(g->code);
    PITH_VISIT(g->exc_state);
    PithFrame *f = g->frame;
    if (f) {
        PITH_VISIT(f->func);
        PITH_VISIT(f->globals);
        PITH_VISIT(f->builtins);
        PITH_VISIT(f->locals);
        PITH_VISIT(f->frame_obj);
        for (PithObject **p = f->localsplus; p < f->sp; p++) PITH_VISIT(*p);
    }
    return 0;
}

static int gen_clear(PithObject *o) {
    PithGen *g = (PithGen *)o;
    if (!g->running) gen_finish(g);
    PITH_CLEAR(g->exc_state);
    return 0;
}

/* tp_finalize: close a suspended generator (runs its finally blocks);
 * errors are reported as unraisable. The caller keeps o alive. */
static void gen_finalize(PithObject *o) {
    PithGen *g = (PithGen *)o;
    if (!g->frame || g->frame->state != PITH_FRAME_SUSPENDED || g->running) return;
    PithObject *saved = pith_err_fetch();
    PithObject *r = gen_close(o, NULL, 0, NULL);
    if (!r) pith_err_write_unraisable(o);
    PITH_XDECREF(r);
    pith_err_restore(saved);
}

static void gen_dealloc(PithObject *o) {
    PithGen *g = (PithGen *)o;
    pith_gc_untrack(o);
    if (g->frame && g->frame->state == PITH_FRAME_SUSPENDED) {
        o->refcnt = 1; /* temporarily resurrect to run close() */
        gen_finalize(o);
        if (--o->refcnt != 0) return; /* resurrected by close() */
    }
    gen_clear(o);
    PITH_CLEAR(g->code);
    PITH_CLEAR(g->name);
    PITH_CLEAR(g->qualname);
    pith_gc_del(o);
}

static PithObject *gen_get_frame(PithObject *o, void *c) {
    PithGen *g = (PithGen *)o;
    if (!g->frame) PITH_RETURN_NONE;
    PithObject *fo = pith_frame_get_object(g->frame);
    return fo ? PITH_NEWREF(fo) : NULL;
}
static PithObject *gen_get_running(PithObject *o, void *c) {
    return pith_bool_from(((PithGen *)o)->running);
}
static PithObject *gen_get_suspended(PithObject *o, void *c) {
    PithGen *g = (PithGen *)o;
    return pith_bool_from(g->frame && g->frame->state == PITH_FRAME_SUSPENDED);
}
static PithObject *gen_get_code(PithObject *o, void *c) {
    return PITH_NEWREF(((PithGen *)o)->code);
}
static PithObject *gen_get_yf(PithObject *o, void *c) {
    PithObject *yf = gen_yf((PithGen *)o);
    return PITH_NEWREF(yf ? yf : PITH_NONE);
}
static PithObject *gen_get_name(PithObject *o, void *c) {
    return PITH_NEWREF(((PithGen *)o)->name);
}
static int gen_set_name(PithObject *o, PithObject *v, void *c) {
    if (!v || !pith_str_check(v)) {
        pith_err_set_string(&pith_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    PITH_SETREF(((PithGen *)o)->name, PITH_NEWREF(v));
    return 0;
}
static PithObject *gen_get_qualname(PithObject *o, void *c) {
    return PITH_NEWREF(((PithGen *)o)->qualname);
}
static int gen_set_qualname(PithObject *o, PithObject *v, void *c) {
    if (!v || !pith_str_check(v)) {
        pith_err_set_string(&pith_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    PITH_SETREF(((PithGen *)o)->qualname, PITH_NEWREF(v));
    return 0;
}

static PithGetSetDef gen_getset[] = {
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yf, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithGetSetDef coro_getset[] = {
    {"cr_frame", gen_get_frame, NULL, NULL, NULL},
    {"cr_running", gen_get_running, NULL, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL, NULL},
    {"cr_await", gen_get_yf, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithObject *ag_get_running(PithObject *o, void *c) {
    return pith_bool_from(((PithGen *)o)->ag_running_async);
}

static PithGetSetDef asyncgen_getset[] = {
    {"ag_frame", gen_get_frame, NULL, NULL, NULL},
    {"ag_running", ag_get_running, NULL, NULL, NULL},
    {"ag_code", gen_get_code, NULL, NULL, NULL},
    {"ag_await", gen_get_yf, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithMethodDef gen_methods[] = {
    {"send", gen_send, PITH_METH_O, NULL},
    {"throw", gen_throw, PITH_METH_FAST, NULL},
    {"close", gen_close, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithObject *coro_await(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    return PITH_NEWREF(self);
}

static PithMethodDef coro_methods[] = {
    {"send", gen_send, PITH_METH_O, NULL},
    {"throw", gen_throw, PITH_METH_FAST, NULL},
    {"close", gen_close, PITH_METH_NOARGS, NULL},
    {"__await__", coro_await, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_gen_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "generator",
    .tp_basicsize = sizeof(PithGen),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_WEAKREFABLE,
    .tp_dealloc = gen_dealloc,
    .tp_finalize = gen_finalize,
    .tp_repr = gen_repr,
    .tp_iter = gen_self,
    .tp_iternext = gen_iternext,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
};

PithType pith_coro_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "coroutine",
    .tp_basicsize = sizeof(PithGen),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_WEAKREFABLE,
    .tp_dealloc = gen_dealloc,
    .tp_finalize = gen_finalize,
    .tp_repr = gen_repr,
    .tp_iternext = gen_iternext,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
};

PithType pith_asyncgen_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "async_generator",
    .tp_basicsize = sizeof(PithGen),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_WEAKREFABLE,
    .tp_dealloc = gen_dealloc,
    .tp_finalize = gen_finalize,
    .tp_repr = gen_repr,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_methods = pith_asyncgen_methods,
    .tp_getset = asyncgen_getset,
};

/* ---- subsystem init (code/function/frame/traceback/generator types) --- */

int pith_vm_init(void) {
    PithType *types[] = {&pith_code_type, &pith_function_type, &pith_method_type,
                         &pith_cell_type, &pith_staticmethod_type, &pith_classmethod_type,
                         &pith_frame_type, &pith_traceback_type, &pith_gen_type,
                         &pith_coro_type, &pith_asyncgen_type, &pith_asyncgen_asend_type,
                         &pith_asyncgen_athrow_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (pith_type_ready(types[i]) < 0) return -1;
    return 0;
}
