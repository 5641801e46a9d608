/* buildclass.c — builtins.__build_class__(func, name, *bases, metaclass=..,
 * **kwds): resolve PEP 560 __mro_entries__, pick the most derived
 * metaclass, prepare the namespace, run the class body with it as locals,
 * create the class and fill the __class__ cell used by super(). */
#include "vm_internal.h"

static PithObject *id_mro_entries, *id_prepare, *id_orig_bases;

/* Replace bases that define __mro_entries__ (PEP 560). New ref tuple. */
static PithObject *update_bases(PithObject *bases) {
    PithObject *list = NULL;
    intptr_t n = PITH_SIZE(bases);
    for (intptr_t i = 0; i < n; i++) {
        PithObject *b = PITH_TUPLE_GET(bases, i), *meth = NULL;
        if (pith_type_check(b)) {
            if (list && pith_list_append(list, b) < 0) goto fail;
            continue;
        }
        if (pith_lookup_attr(b, pith_vm_name(&id_mro_entries, "__mro_entries__"), &meth) < 0) goto fail;
        if (!meth) {
            if (list && pith_list_append(list, b) < 0) goto fail;
            continue;
        }
        PithObject *entries = pith_call_one(meth, bases);
        PITH_DECREF(meth);
        if (!entries) goto fail;
        if (!pith_tuple_check(entries)) {
            pith_err_set_string(&pith_exc_TypeError, "__mro_entries__ must return a tuple");
            PITH_DECREF(entries);
            goto fail;
        }
        if (!list) {
            list = pith_list_new(0);
            for (intptr_t j = 0; list && j < i; j++)
                if (pith_list_append(list, PITH_TUPLE_GET(bases, j)) < 0) PITH_CLEAR(list);
            if (!list) {
                PITH_DECREF(entries);
                goto fail;
            }
        }
        int r = pith_list_extend(list, entries);
        PITH_DECREF(entries);
        if (r < 0) goto fail;
    }
    if (!list) return PITH_NEWREF(bases);
    PithObject *t = pith_list_as_tuple(list);
    PITH_DECREF(list);
    return t;
fail:
    PITH_XDECREF(list);
    return NULL;
}

/* The most derived metaclass among meta and the types of the bases. */
static PithType *calculate_metaclass(PithType *meta, PithObject *bases) {
    PithType *winner = meta;
    for (intptr_t i = 0; i < PITH_SIZE(bases); i++) {
        PithType *t = PITH_TYPE(PITH_TUPLE_GET(bases, i));
        if (pith_type_is_subtype(winner, t)) continue;
        if (pith_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        pith_err_set_string(&pith_exc_TypeError,
                            "metaclass conflict: the metaclass of a derived class must be a "
                            "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* Split keyword arguments: metaclass out, the rest into kwnames/values. */
static int split_kwargs(PithObject *const *kwvals, PithObject *kwnames, PithObject **meta,
                        PithObject **names_out, PithObject ***vals_out, size_t *n_out) {
    size_t nkw = kwnames ? (size_t)PITH_SIZE(kwnames) : 0, n = 0;
    PithObject **vals = pith_mem_malloc((nkw ? nkw : 1) * sizeof(PithObject *));
    PithObject *names = pith_list_new(0);
    if (!vals || !names) {
        pith_mem_free(vals);
        PITH_XDECREF(names);
        pith_err_no_memory();
        return -1;
    }
    for (size_t i = 0; i < nkw; i++) {
        PithObject *k = PITH_TUPLE_GET(kwnames, i);
        if (pith_str_eq_cstr(k, "metaclass")) {
            *meta = kwvals[i];
            continue;
        }
        if (pith_list_append(names, k) < 0) {
            pith_mem_free(vals);
            PITH_DECREF(names);
            return -1;
        }
        vals[n++] = kwvals[i];
    }
    *names_out = pith_list_as_tuple(names);
    PITH_DECREF(names);
    if (!*names_out) {
        pith_mem_free(vals);
        return -1;
    }
    *vals_out = vals;
    *n_out = n;
    return 0;
}

/* Call f(prefix[0..np), kwvals with kwnames). */
static PithObject *call_with_kw(PithObject *f, PithObject **prefix, size_t np, PithObject **kwvals,
                                size_t nkw, PithObject *kwnames) {
    PithObject **args = pith_mem_malloc((np + nkw + 1) * sizeof(PithObject *));
    if (!args) return pith_err_no_memory();
    for (size_t i = 0; i < np; i++) args[i] = prefix[i];
    for (size_t i = 0; i < nkw; i++) args[np + i] = kwvals[i];
    PithObject *r = pith_call(f, args, np, nkw ? kwnames : NULL);
    pith_mem_free(args);
    return r;
}

static PithObject *prepare_namespace(PithObject *meta, PithObject *name, PithObject *bases,
                                     PithObject **kwvals, size_t nkw, PithObject *kwnames) {
    PithObject *prep = NULL;
    if (pith_lookup_attr(meta, pith_vm_name(&id_prepare, "__prepare__"), &prep) < 0) return NULL;
    if (!prep) return pith_dict_new();
    PithObject *pre[2] = {name, bases};
    PithObject *ns = call_with_kw(prep, pre, 2, kwvals, nkw, kwnames);
    PITH_DECREF(prep);
    if (ns && !pith_dict_check(ns) && !PITH_TYPE(ns)->tp_as_mapping) {
        PithObject *mn = pith_type_check(meta) ? pith_type_get_name((PithType *)meta) : NULL;
        pith_err_format(&pith_exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                        mn ? pith_str_utf8(mn) : "<metaclass>", pith_type_name(ns));
        PITH_XDECREF(mn);
        PITH_CLEAR(ns);
    }
    return ns;
}

/* Check the __class__ cell the class body returned: type.__new__ must
 * have filled it with cls (it does so from ns["__classcell__"]). */
static int check_class_cell(PithObject *body_result, PithObject *name, PithObject *cls) {
    if (!pith_cell_check(body_result) || !pith_type_check(cls)) return 0;
    PithObject *got = pith_cell_get(body_result);
    if (got == cls) return 0;
    if (!got)
        pith_err_format(&pith_exc_RuntimeError,
                        "__class__ not set defining %.200R as %.200R. "
                        "Was __classcell__ propagated to type.__new__?",
                        name, cls);
    else
        pith_err_format(&pith_exc_TypeError, "__class__ set to %.200R defining %.200R as %.200R",
                        got, name, cls);
    return -1;
}

PithObject *pith_builtin_build_class(PithObject *self, PithObject *const *args, size_t nargs,
                                     PithObject *kwnames) {
    if (nargs < 2) {
        pith_err_set_string(&pith_exc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    PithObject *func = args[0], *name = args[1];
    if (!pith_function_check(func)) {
        pith_err_set_string(&pith_exc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    if (!pith_str_check(name)) {
        pith_err_set_string(&pith_exc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    PithObject *orig_bases = pith_tuple_from_array(args + 2, (intptr_t)nargs - 2);
    if (!orig_bases) return NULL;
    PithObject *meta = NULL, *meta_ref = NULL, *kwn = NULL, *bases = NULL, *ns = NULL, *body = NULL, *cls = NULL;
    PithObject **kwv = NULL;
    size_t nkw = 0;
    if (split_kwargs(args + nargs, kwnames, &meta, &kwn, &kwv, &nkw) < 0) goto done;
    bases = update_bases(orig_bases);
    if (!bases) goto done;
    if (!meta || pith_type_check(meta)) {
        PithType *m = meta ? (PithType *)meta
                           : PITH_SIZE(bases) ? PITH_TYPE(PITH_TUPLE_GET(bases, 0)) : &pith_type_type;
        m = calculate_metaclass(m, bases);
        if (!m) goto done;
        meta = (PithObject *)m;
    }
    meta_ref = PITH_NEWREF(meta);
    ns = prepare_namespace(meta, name, bases, kwv, nkw, kwn);
    if (!ns) goto done;
    body = pith_vm_run_with_locals((PithFunction *)func, ns);
    if (!body) goto done;
    if (bases != orig_bases &&
        pith_setitem(ns, pith_vm_name(&id_orig_bases, "__orig_bases__"), orig_bases) < 0)
        goto done;
    PithObject *pre[3] = {name, bases, ns};
    cls = call_with_kw(meta, pre, 3, kwv, nkw, kwn);
    if (cls && check_class_cell(body, name, cls) < 0) PITH_CLEAR(cls);
done:
    PITH_XDECREF(meta_ref);
    PITH_XDECREF(kwn);
    pith_mem_free(kwv);
    PITH_XDECREF(bases);
    PITH_XDECREF(ns);
    PITH_XDECREF(body);
    PITH_DECREF(orig_bases);
    return cls;
}
