/* atexit.c — the `atexit` module: functions registered to run when the
 * interpreter shuts down, last registered first. pith_finalize (runtime/
 * lifecycle.c) calls pith_atexit_run before the modules are torn down.
 *
 * Invariant: `callbacks` is NULL or a list of (func, args tuple, kwargs
 * dict or None) triples in registration order. */
#include "pith/pith.h"

static PithObject *callbacks;

PithObject *pith_atexit_module_init(void);
void pith_atexit_run(void);

static int ensure_list(void) {
    if (!callbacks) callbacks = pith_list_new(0);
    return callbacks ? 0 : -1;
}

static PithObject *ae_register(PithObject *m, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    if (nargs == 0)
        return pith_err_format(&pith_exc_TypeError,
                               "register() takes at least 1 argument (0 given)");
    if (!pith_callable_check(args[0]))
        return pith_err_format(&pith_exc_TypeError, "the first argument must be callable");
    if (ensure_list() < 0) return NULL;
    PithObject *pos = pith_tuple_new((intptr_t)nargs - 1);
    if (!pos) return NULL;
    for (size_t i = 1; i < nargs; i++) PITH_TUPLE_SET(pos, i - 1, PITH_NEWREF(args[i]));
    PithObject *kw = PITH_NEWREF(PITH_NONE);
    intptr_t nkw = kwnames ? PITH_SIZE(kwnames) : 0;
    if (nkw) {
        PITH_SETREF(kw, pith_dict_new());
        for (intptr_t i = 0; kw && i < nkw; i++)
            if (pith_dict_set_item(kw, PITH_TUPLE_GET(kwnames, i), args[nargs + (size_t)i]) < 0)
                PITH_CLEAR(kw);
    }
    PithObject *entry = kw ? pith_tuple_pack(3, args[0], pos, kw) : NULL;
    PITH_DECREF(pos);
    PITH_XDECREF(kw);
    if (!entry) return NULL;
    int r = pith_list_append(callbacks, entry);
    PITH_DECREF(entry);
    return r < 0 ? NULL : PITH_NEWREF(args[0]);
}

static PithObject *ae_unregister(PithObject *m, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    if (!callbacks) PITH_RETURN_NONE;
    PithObject *keep = pith_list_new(0);
    if (!keep) return NULL;
    for (intptr_t i = 0; i < PITH_SIZE(callbacks); i++) {
        PithObject *e = PITH_LIST_GET(callbacks, i);
        int eq = pith_richcompare_bool(PITH_TUPLE_GET(e, 0), args[0], PITH_EQ);
        if (eq < 0 || (eq == 0 && pith_list_append(keep, e) < 0)) {
            PITH_DECREF(keep);
            return NULL;
        }
    }
    PITH_SETREF(callbacks, keep);
    PITH_RETURN_NONE;
}

/* Call every callback, newest first, then forget them all. Failures are
 * reported as "Exception ignored in atexit callback". */
void pith_atexit_run(void) {
    PithObject *list = callbacks;
    callbacks = NULL;
    for (intptr_t i = list ? PITH_SIZE(list) : 0; i-- > 0;) {
        PithObject *e = PITH_LIST_GET(list, i);
        PithObject *f = PITH_TUPLE_GET(e, 0), *kw = PITH_TUPLE_GET(e, 2);
        PithObject *r = pith_call_tuple_dict(f, PITH_TUPLE_GET(e, 1), kw == PITH_NONE ? NULL : kw);
        if (r) {
            PITH_DECREF(r);
            continue;
        }
        PithObject *exc = pith_err_fetch();
        PithObject *rep = pith_repr(f);
        const char *u = rep ? pith_str_utf8(rep) : NULL;
        pith_err_clear();
        pith_sys_write_stderr("Exception ignored in atexit callback: ");
        pith_sys_write_stderr(u ? u : "<object repr() failed>");
        pith_sys_write_stderr("\n");
        PITH_XDECREF(rep);
        PithObject *file = pith_sys_get_object("stderr");
        if (exc) pith_exc_display(exc, file == PITH_NONE ? NULL : file);
        pith_err_clear();
        PITH_XDECREF(exc);
    }
    PITH_XDECREF(list);
}

static PithObject *ae_run_exitfuncs(PithObject *m, PithObject *const *a, size_t n,
                                    PithObject *k) {
    pith_atexit_run();
    PITH_RETURN_NONE;
}

static PithObject *ae_clear(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    PITH_CLEAR(callbacks);
    PITH_RETURN_NONE;
}

static PithObject *ae_ncallbacks(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return pith_int_from_ssize(callbacks ? PITH_SIZE(callbacks) : 0);
}

static PithMethodDef atexit_functions[] = {
    {"register", ae_register, PITH_METH_KW, NULL},
    {"unregister", ae_unregister, PITH_METH_O, NULL},
    {"_run_exitfuncs", ae_run_exitfuncs, PITH_METH_NOARGS, NULL},
    {"_clear", ae_clear, PITH_METH_NOARGS, NULL},
    {"_ncallbacks", ae_ncallbacks, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_atexit_module_init(void) {
    PithObject *m = pith_module_new("atexit");
    if (!m) return NULL;
    if (pith_module_add_functions(m, atexit_functions) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
