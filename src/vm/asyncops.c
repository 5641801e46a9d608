/* asyncops.c — the VM side of `async for` and `async with`: looking up
 * __aiter__/__anext__/__aenter__/__aexit__ on the type (special method
 * lookup) and turning their results into awaitables, with CPython 3.11's
 * error messages. The awaiting itself is the compiler's SEND loop. */
#include "pith/pith.h"
#include "vm_internal.h"

static PithObject *id_aiter, *id_anext, *id_aenter, *id_aexit;

/* Call the special method `name` of o with no arguments; NULL without an
 * exception set when o's type lacks it. */
static PithObject *call_special(PithObject *o, PithObject *name) {
    PithObject *m = pith_lookup_special(o, name);
    if (!m) return NULL;
    PithObject *r = pith_call_noargs(m);
    PITH_DECREF(m);
    return r;
}

static int has_special(PithObject *o, PithObject *name) {
    PithObject *m = pith_lookup_special(o, name);
    if (!m) {
        pith_err_clear();
        return 0;
    }
    PITH_DECREF(m);
    return 1;
}

PithObject *pith_vm_get_aiter(PithObject *o) {
    PithObject *it = call_special(o, pith_vm_name(&id_aiter, "__aiter__"));
    if (!it) {
        if (!pith_err_occurred())
            pith_err_format(&pith_exc_TypeError,
                            "'async for' requires an object with __aiter__ method, got %s",
                            pith_type_name(o));
        return NULL;
    }
    if (!has_special(it, pith_vm_name(&id_anext, "__anext__"))) {
        pith_err_format(&pith_exc_TypeError,
                        "'async for' received an object from __aiter__ that does not "
                        "implement __anext__: %s",
                        pith_type_name(it));
        PITH_DECREF(it);
        return NULL;
    }
    return it;
}

PithObject *pith_vm_get_anext(PithObject *aiter) {
    PithObject *next = call_special(aiter, pith_vm_name(&id_anext, "__anext__"));
    if (!next) {
        if (!pith_err_occurred())
            pith_err_format(&pith_exc_TypeError,
                            "'async for' requires an iterator with __anext__ method, got %s",
                            pith_type_name(aiter));
        return NULL;
    }
    PithObject *aw = pith_vm_get_awaitable(next);
    if (!aw && pith_err_matches(&pith_exc_TypeError)) {
        pith_err_clear();
        pith_err_format(&pith_exc_TypeError,
                        "'async for' received an invalid object from __anext__: %s",
                        pith_type_name(next));
    }
    PITH_DECREF(next);
    return aw;
}

PithObject *pith_vm_async_with_enter(PithObject *mgr, PithObject **exit) {
    PithObject *enter = pith_lookup_special(mgr, pith_vm_name(&id_aenter, "__aenter__"));
    PithObject *ex = enter ? pith_lookup_special(mgr, pith_vm_name(&id_aexit, "__aexit__")) : NULL;
    if (!ex) {
        PITH_XDECREF(enter);
        if (!pith_err_occurred())
            pith_err_format(&pith_exc_TypeError,
                            "'%s' object does not support the asynchronous context manager "
                            "protocol",
                            pith_type_name(mgr));
        return NULL;
    }
    PithObject *res = pith_call_noargs(enter);
    PITH_DECREF(enter);
    PithObject *aw = res ? pith_vm_get_awaitable(res) : NULL;
    PITH_XDECREF(res);
    if (!aw) {
        PITH_DECREF(ex);
        return NULL;
    }
    *exit = ex;
    return aw;
}
