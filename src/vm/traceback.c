/* traceback.c — traceback objects (one entry per frame an exception passed
 * through) and pith_traceback_add, used by the VM while unwinding.
 * Printing lives in runtime/tbprint.c. */
#include "pith/pith.h"

/* A new entry (frame, lasti, lineno) in front of `next` (may be NULL). */
static PithObject *tb_new(PithObject *next, PithObject *frame, int lasti, int lineno) {
    PithTraceback *tb = (PithTraceback *)pith_gc_new(&pith_traceback_type);
    if (!tb) return NULL;
    tb->tb_next = next;
    PITH_XINCREF(next);
    tb->tb_frame = PITH_NEWREF(frame);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    pith_gc_track(tb);
    return (PithObject *)tb;
}

int pith_traceback_add(PithObject *frame, int lasti, int lineno) {
    PithObject *exc = pith_err_occurred();
    if (!exc || !pith_exc_check(exc)) return 0;
    PithObject *tb = tb_new(pith_exc_get_traceback(exc), frame, lasti, lineno);
    if (!tb) return -1;
    pith_exc_set_traceback(exc, tb);
    PITH_DECREF(tb);
    return 0;
}

static PithObject *tb_get_next(PithObject *o, void *c) {
    PithObject *n = ((PithTraceback *)o)->tb_next;
    return PITH_NEWREF(n ? n : PITH_NONE);
}

static int tb_set_next(PithObject *o, PithObject *v, void *c) {
    if (!v) {
        pith_err_set_string(&pith_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v == PITH_NONE) v = NULL;
    if (v && PITH_TYPE(v) != &pith_traceback_type) {
        pith_err_format(&pith_exc_TypeError,
                        "expected traceback object or None, got '%s'", pith_type_name(v));
        return -1;
    }
    for (PithObject *p = v; p; p = ((PithTraceback *)p)->tb_next) {
        if (p == o) {
            pith_err_set_string(&pith_exc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    PITH_XINCREF(v);
    PITH_SETREF(((PithTraceback *)o)->tb_next, v);
    return 0;
}

static PithObject *tb_get_lasti(PithObject *o, void *c) {
    return pith_int_from_i64((int64_t)((PithTraceback *)o)->tb_lasti * 4);
}

static PithObject *tb_get_lineno(PithObject *o, void *c) {
    return pith_int_from_i64(((PithTraceback *)o)->tb_lineno);
}

static PithGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithMemberDef tb_members[] = {
    {"tb_frame", PITH_MEMBER_OBJECT, offsetof(PithTraceback, tb_frame), PITH_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static int tb_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((PithTraceback *)o)->tb_next);
    PITH_VISIT(((PithTraceback *)o)->tb_frame);
    return 0;
}

static int tb_clear(PithObject *o) {
    PITH_CLEAR(((PithTraceback *)o)->tb_next);
    PITH_CLEAR(((PithTraceback *)o)->tb_frame);
    return 0;
}

/* Long tb_next chains are freed iteratively to avoid deep C recursion. */
static void tb_dealloc(PithObject *o) {
    while (o) {
        PithTraceback *tb = (PithTraceback *)o;
        pith_gc_untrack(o);
        PithObject *next = tb->tb_next;
        PITH_CLEAR(tb->tb_frame);
        pith_gc_del(o);
        o = NULL;
        if (next && --next->refcnt == 0) o = next; /* tracebacks are never immortal */
    }
}

static PithObject *tb_new_py(PithType *t, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    if (pith_arg_no_kwargs("traceback", kwnames) < 0) return NULL;
    if (pith_arg_check_range("traceback", nargs, 4, 4) < 0) return NULL;
    PithObject *next = args[0] == PITH_NONE ? NULL : args[0];
    if ((next && PITH_TYPE(next) != &pith_traceback_type) ||
        PITH_TYPE(args[1]) != &pith_frame_type || !pith_int_check(args[2]) ||
        !pith_int_check(args[3])) {
        pith_err_set_string(&pith_exc_TypeError, "traceback() argument has the wrong type");
        return NULL;
    }
    int64_t lasti = pith_int_as_i64(args[2]), lineno = pith_int_as_i64(args[3]);
    if (pith_err_occurred()) return NULL;
    return tb_new(next, args[1], (int)(lasti / 4), (int)lineno);
}

PithType pith_traceback_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "traceback",
    .tp_basicsize = sizeof(PithTraceback),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = tb_dealloc,
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_new = tb_new_py,
    .tp_getset = tb_getset,
    .tp_members = tb_members,
};
