/* call.c — calling objects: the one calling convention (positional args,
 * then keyword values named by a kwnames tuple), conversions from
 * (tuple, dict) calls, method and special-method calls. */
#include <string.h>

#include "pith/pith.h"
#include "runtime_internal.h"

PithObject *pith_call(PithObject *callable, PithObject *const *args,
                      size_t nargs, PithObject *kwnames) {
    pith_callfunc f = PITH_TYPE(callable)->tp_call;
    if (!f)
        return pith_err_format(&pith_exc_TypeError,
                               "'%.200s' object is not callable",
                               pith_type_name(callable));
    if (kwnames && PITH_SIZE(kwnames) == 0) kwnames = NULL;
    PithObject *r = f(callable, args, nargs, kwnames);
    if (!r && !pith_err_occurred())
        pith_err_format(&pith_exc_SystemError,
                        "%R returned NULL without setting an exception", callable);
    return r;
}

PithObject *pith_call_noargs(PithObject *callable) {
    return pith_call(callable, NULL, 0, NULL);
}

PithObject *pith_call_one(PithObject *callable, PithObject *arg) {
    return pith_call(callable, &arg, 1, NULL);
}

PithObject *pith_call_tuple_dict(PithObject *callable, PithObject *args_tuple,
                                 PithObject *kwargs) {
    intptr_t np = args_tuple ? PITH_SIZE(args_tuple) : 0;
    intptr_t nk = kwargs ? pith_dict_size(kwargs) : 0;
    if (nk == 0)
        return pith_call(callable, np ? PITH_TUPLE_ITEMS(args_tuple) : NULL,
                         (size_t)np, NULL);
    PithObject **stack = pith_mem_malloc(sizeof(PithObject *) * (size_t)(np + nk));
    if (!stack) return pith_err_no_memory();
    PithObject *kwnames = pith_tuple_new(nk), *r = NULL;
    if (!kwnames) goto done;
    for (intptr_t i = 0; i < np; i++) stack[i] = PITH_TUPLE_GET(args_tuple, i);
    intptr_t pos = 0, i = 0;
    PithObject *k, *v;
    while (pith_dict_next(kwargs, &pos, &k, &v)) {
        if (!pith_str_check(k)) {
            pith_err_set_string(&pith_exc_TypeError, "keywords must be strings");
            /* fill the rest so the tuple can be freed safely */
            for (; i < nk; i++) PITH_TUPLE_SET(kwnames, i, PITH_NEWREF(PITH_NONE));
            goto done;
        }
        PITH_TUPLE_SET(kwnames, i, PITH_NEWREF(k));
        stack[np + i] = v;
        i++;
    }
    r = pith_call(callable, stack, (size_t)np, kwnames);
done:
    PITH_XDECREF(kwnames);
    pith_mem_free(stack);
    return r;
}

PithObject *pith_kwnames_to_dict(PithObject *const *kwvalues, PithObject *kwnames) {
    PithObject *d = pith_dict_new();
    if (!d) return NULL;
    for (intptr_t i = 0; kwnames && i < PITH_SIZE(kwnames); i++)
        if (pith_dict_set_item(d, PITH_TUPLE_GET(kwnames, i), kwvalues[i]) < 0) {
            PITH_DECREF(d);
            return NULL;
        }
    return d;
}

/* Call callable(first, *args) keeping the keyword part. */
PithObject *pith_call_prepend(PithObject *callable, PithObject *first,
                              PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    size_t nk = kwnames ? (size_t)PITH_SIZE(kwnames) : 0;
    PithObject *small[8], **stack = small;
    if (nargs + nk + 1 > 8) {
        stack = pith_mem_malloc(sizeof(PithObject *) * (nargs + nk + 1));
        if (!stack) return pith_err_no_memory();
    }
    stack[0] = first;
    if (nargs + nk) memcpy(stack + 1, args, sizeof(PithObject *) * (nargs + nk));
    PithObject *r = pith_call(callable, stack, nargs + 1, kwnames);
    if (stack != small) pith_mem_free(stack);
    return r;
}

PithObject *pith_call_method(PithObject *obj, const char *name,
                             PithObject *const *args, size_t nargs) {
    PithObject *m = pith_getattr_str(obj, name);
    if (!m) return NULL;
    PithObject *r = pith_call(m, args, nargs, NULL);
    PITH_DECREF(m);
    return r;
}

PithObject *pith_lookup_special(PithObject *o, PithObject *name) {
    PithType *t = PITH_TYPE(o);
    PithObject *a = pith_type_lookup(t, name);
    if (!a) return NULL;
    pith_descrgetfunc get = PITH_TYPE(a)->tp_descr_get;
    if (!get) return PITH_NEWREF(a);
    PITH_INCREF(a);
    PithObject *r = get(a, o, (PithObject *)t);
    PITH_DECREF(a);
    return r;
}

PithObject *pith_call_special(PithObject *obj, PithObject *name,
                              PithObject *const *args, size_t nargs) {
    PithType *t = PITH_TYPE(obj);
    PithObject *a = pith_type_lookup(t, name);
    if (!a) return pith_err_no_attribute(obj, name);
    PITH_INCREF(a);
    PithObject *r;
    if (pith_type_has_flag(PITH_TYPE(a), PITH_TPFLAGS_METHOD_DESCRIPTOR)) {
        /* Unbound method: call with obj as first argument, no binding. */
        r = pith_call_prepend(a, obj, args, nargs, NULL);
    } else {
        pith_descrgetfunc get = PITH_TYPE(a)->tp_descr_get;
        PithObject *m = get ? get(a, obj, (PithObject *)t) : PITH_NEWREF(a);
        r = m ? pith_call(m, args, nargs, NULL) : NULL;
        PITH_XDECREF(m);
    }
    PITH_DECREF(a);
    return r;
}

/* getattr(__import__(module), attr). */
PithObject *pith_call_method_import(const char *module, const char *attr) {
    PithObject *imp = pith_interp.builtins
                          ? pith_dict_get_item_str(pith_interp.builtins, "__import__")
                          : NULL;
    if (!imp)
        return pith_err_format(&pith_exc_ImportError, "__import__ not found");
    PithObject *name = pith_str_from_cstr(module);
    if (!name) return NULL;
    PithObject *m = pith_call_one(imp, name);
    PITH_DECREF(name);
    if (!m) return NULL;
    PithObject *r = pith_getattr_str(m, attr);
    PITH_DECREF(m);
    return r;
}
