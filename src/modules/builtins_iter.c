/* builtins_iter.c — builtins that consume iterables: all, any, iter, next,
 * aiter, anext, max, min, sum, sorted. */
#include "builtins_impl.h"
#include "pith/compile.h"

#include <string.h>

/* all()/any(): stop at the first item whose truth equals `stop_on`. */
static PithObject *all_any(PithObject *iterable, int stop_on) {
    PithObject *it = pith_get_iter(iterable);
    if (!it) return NULL;
    PithObject *item;
    int result = !stop_on;
    while ((item = pith_iter_next(it))) {
        int t = pith_is_true(item);
        PITH_DECREF(item);
        if (t < 0) goto error;
        if (t == stop_on) {
            result = stop_on;
            break;
        }
    }
    if (pith_err_occurred()) goto error;
    PITH_DECREF(it);
    return PITH_NEWREF(pith_bool_from(result));
error:
    PITH_DECREF(it);
    return NULL;
}

BUILTIN(pith_bi_all) { return all_any(args[0], 0); }
BUILTIN(pith_bi_any) { return all_any(args[0], 1); }

BUILTIN(pith_bi_iter) {
    if (pith_arg_check_range("iter", nargs, 1, 2) < 0) return NULL;
    if (nargs == 1) return pith_get_iter(args[0]);
    if (!pith_callable_check(args[0]))
        return pith_err_format(&pith_exc_TypeError, "iter(v, w): v must be callable");
    return pith_calliter_new(args[0], args[1]);
}

BUILTIN(pith_bi_next) {
    if (pith_arg_check_range("next", nargs, 1, 2) < 0) return NULL;
    PithObject *it = args[0];
    if (!pith_iter_check(it))
        return pith_err_format(&pith_exc_TypeError, "'%s' object is not an iterator",
                               pith_type_name(it));
    PithObject *r = PITH_TYPE(it)->tp_iternext(it);
    if (r) return r;
    if (pith_err_occurred()) {
        if (nargs < 2 || !pith_err_matches(&pith_exc_StopIteration)) return NULL;
        pith_err_clear();
    }
    if (nargs == 2) return PITH_NEWREF(args[1]);
    pith_err_set_none(&pith_exc_StopIteration);
    return NULL;
}

/* ---- aiter / anext ------------------------------------------------------- */

/* Call the special method `name` of o, or raise "'T' object is not <what>". */
static PithObject *call_async_special(PithObject *o, const char *name, const char *what) {
    PithObject *n = pith_str_intern_cstr(name);
    PithObject *meth = n ? pith_lookup_special(o, n) : NULL;
    PITH_XDECREF(n);
    if (!meth) {
        if (pith_err_occurred()) return NULL;
        return pith_err_format(&pith_exc_TypeError, "'%s' object is not %s", pith_type_name(o),
                               what);
    }
    PithObject *r = pith_call_noargs(meth);
    PITH_DECREF(meth);
    return r;
}

BUILTIN(pith_bi_aiter) {
    PithObject *it = call_async_special(args[0], "__aiter__", "an async iterable");
    if (!it || pith_hasattr_str(it, "__anext__") > 0) return it;
    if (!pith_err_occurred())
        pith_err_format(&pith_exc_TypeError, "aiter() returned not an async iterator of type '%s'",
                        pith_type_name(it));
    PITH_DECREF(it);
    return NULL;
}

/* anext(it, default) awaits it.__anext__() and turns StopAsyncIteration
 * into `default`: done by a coroutine function compiled once. */
static const char anext_default_src[] =
    "async def anext_default(awaitable, default):\n"
    "    try:\n"
    "        return await awaitable\n"
    "    except StopAsyncIteration:\n"
    "        return default\n";

static PithObject *anext_default_func(void) {
    static PithObject *func; /* kept for the life of the process */
    if (func) return func;
    PithObject *fn = pith_str_from_cstr("<anext>"), *ns = pith_dict_new(), *r = NULL;
    PithCode *co = fn && ns ? pith_compile_source(anext_default_src, sizeof anext_default_src - 1,
                                                  fn, PITH_MODE_EXEC, 0)
                            : NULL;
    if (co && pith_dict_set_item_str(ns, "__builtins__", pith_eval_get_builtins()) == 0)
        r = pith_eval_code(co, ns, ns);
    if (r) func = pith_dict_get_item_str(ns, "anext_default");
    PITH_XINCREF(func);
    PITH_XDECREF(r);
    PITH_XDECREF(co);
    PITH_XDECREF(ns);
    PITH_XDECREF(fn);
    if (!func && !pith_err_occurred())
        pith_err_set_string(&pith_exc_SystemError, "anext helper missing");
    return func;
}

BUILTIN(pith_bi_anext) {
    if (pith_arg_check_range("anext", nargs, 1, 2) < 0) return NULL;
    PithObject *aw = call_async_special(args[0], "__anext__", "an async iterator");
    if (!aw || nargs == 1) return aw;
    PithObject *f = anext_default_func();
    PithObject *pair[2] = {aw, args[1]};
    PithObject *r = f ? pith_call(f, pair, 2, NULL) : NULL;
    PITH_DECREF(aw);
    return r;
}

/* breakpoint(*args, **kws) -> sys.breakpointhook(*args, **kws). */
BUILTIN(pith_bi_breakpoint) {
    PithObject *hook = pith_sys_get_object("breakpointhook");
    if (!hook) return pith_err_format(&pith_exc_RuntimeError, "lost sys.breakpointhook");
    PITH_INCREF(hook);
    PithObject *r = pith_call(hook, args, nargs, kwnames);
    PITH_DECREF(hook);
    return r;
}

/* ---- min / max ----------------------------------------------------------- */

static PithObject *min_max(const char *fname, int op, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    PithObject *key = NULL, *dflt = NULL;
    intptr_t nkw = kwnames ? PITH_SIZE(kwnames) : 0;
    for (intptr_t i = 0; i < nkw; i++) {
        PithObject *k = PITH_TUPLE_GET(kwnames, i);
        if (pith_str_eq_cstr(k, "key")) key = args[nargs + i];
        else if (pith_str_eq_cstr(k, "default")) dflt = args[nargs + i];
        else
            return pith_err_format(&pith_exc_TypeError,
                                   "'%U' is an invalid keyword argument for %s()", k, fname);
    }
    if (nargs == 0)
        return pith_err_format(&pith_exc_TypeError, "%s expected at least 1 argument, got 0",
                               fname);
    if (nargs > 1 && dflt)
        return pith_err_format(&pith_exc_TypeError,
                               "Cannot specify a default for %s() with multiple positional "
                               "arguments", fname);
    if (key == PITH_NONE) key = NULL;
    PithObject *it;
    if (nargs == 1) {
        it = pith_get_iter(args[0]);
    } else {
        PithObject *t = pith_tuple_from_array(args, (intptr_t)nargs);
        it = t ? pith_get_iter(t) : NULL;
        PITH_XDECREF(t);
    }
    if (!it) return NULL;
    PithObject *best = NULL, *bestkey = NULL, *item;
    while ((item = pith_iter_next(it))) {
        PithObject *k = key ? pith_call_one(key, item) : PITH_NEWREF(item);
        if (!k) {
            PITH_DECREF(item);
            goto error;
        }
        int better = 1;
        if (best) {
            better = pith_richcompare_bool(k, bestkey, op);
            if (better < 0) {
                PITH_DECREF(item);
                PITH_DECREF(k);
                goto error;
            }
        }
        if (better) {
            PITH_SETREF(best, item);
            PITH_SETREF(bestkey, k);
        } else {
            PITH_DECREF(item);
            PITH_DECREF(k);
        }
    }
    if (pith_err_occurred()) goto error;
    PITH_DECREF(it);
    PITH_XDECREF(bestkey);
    if (best) return best;
    if (dflt) return PITH_NEWREF(dflt);
    return pith_err_format(&pith_exc_ValueError, "%s() arg is an empty sequence", fname);
error:
    PITH_DECREF(it);
    PITH_XDECREF(best);
    PITH_XDECREF(bestkey);
    return NULL;
}

BUILTIN(pith_bi_max) { return min_max("max", PITH_GT, args, nargs, kwnames); }
BUILTIN(pith_bi_min) { return min_max("min", PITH_LT, args, nargs, kwnames); }

/* ---- sum -------------------------------------------------------------------- */

static int reject_sum_start(PithObject *start) {
    const char *msg = NULL;
    if (pith_str_check(start)) msg = "sum() can't sum strings [use ''.join(seq) instead]";
    else if (pith_bytes_check(start)) msg = "sum() can't sum bytes [use b''.join(seq) instead]";
    else if (pith_type_ok(start, &pith_bytearray_type))
        msg = "sum() can't sum bytearray [use b''.join(seq) instead]";
    if (!msg) return 0;
    pith_err_set_string(&pith_exc_TypeError, msg);
    return -1;
}

/* Add items while both the total and the items are small exact ints.
 * *total is replaced (new ref); *pending receives the first item not handled
 * (or NULL at the end / on error). */
static int sum_ints(PithObject *it, PithObject **total, PithObject **pending) {
    int64_t acc = pith_int_small_value(*total);
    PithObject *item;
    while ((item = pith_iter_next(it))) {
        int64_t r;
        if (pith_int_check_exact(item) && pith_int_is_small(item) &&
            !__builtin_add_overflow(acc, pith_int_small_value(item), &r)) {
            acc = r;
            PITH_DECREF(item);
            continue;
        }
        break;
    }
    *pending = item;
    PITH_SETREF(*total, pith_int_from_i64(acc));
    return (*total && (item || !pith_err_occurred())) ? 0 : -1;
}

/* Same for float totals (exact floats and small ints added as doubles). */
static int sum_floats(PithObject *it, PithObject **total, PithObject **pending) {
    double acc = PITH_FLOAT_VALUE(*total);
    PithObject *item;
    while ((item = pith_iter_next(it))) {
        if (pith_float_check_exact(item)) acc += PITH_FLOAT_VALUE(item);
        else if (pith_int_check_exact(item) && pith_int_is_small(item) &&
                 pith_int_small_value(item) < ((int64_t)1 << 53) &&
                 pith_int_small_value(item) > -((int64_t)1 << 53))
            acc += (double)pith_int_small_value(item);
        else break;
        PITH_DECREF(item);
    }
    *pending = item;
    PITH_SETREF(*total, pith_float_from_double(acc));
    return (*total && (item || !pith_err_occurred())) ? 0 : -1;
}

BUILTIN(pith_bi_sum) {
    static const char *const kw[] = {"", "start", NULL};
    static const PithArgSpec spec = {"sum", kw, 2, 1, 1, 2};
    PithObject *v[2];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithObject *it = pith_get_iter(v[0]); /* before the start check, as CPython */
    if (!it) return NULL;
    PithObject *total = v[1] ? v[1] : pith_int_from_i64(0);
    if (v[1] && reject_sum_start(total) < 0) {
        PITH_DECREF(it);
        return NULL;
    }
    if (v[1]) PITH_INCREF(total);
    PithObject *item = NULL;
    if (pith_int_check_exact(total) && pith_int_is_small(total) &&
        sum_ints(it, &total, &item) < 0)
        goto error;
    if (item && pith_float_check_exact(item) && pith_int_check_exact(total) &&
        pith_int_is_small(total)) {
        PithObject *f = pith_float_from_double((double)pith_int_small_value(total));
        PITH_SETREF(total, f);
        if (!total) goto error_item;
    }
    if (pith_float_check_exact(total)) {
        if (item) {
            PITH_SETREF(total, pith_number_add(total, item));
            PITH_CLEAR(item);
            if (!total) goto error;
        }
        if (sum_floats(it, &total, &item) < 0) goto error;
    }
    for (;;) {
        if (!item && !(item = pith_iter_next(it))) break;
        PITH_SETREF(total, pith_number_add(total, item));
        PITH_CLEAR(item);
        if (!total) goto error;
    }
    if (pith_err_occurred()) goto error;
    PITH_DECREF(it);
    return total;
error_item:
    PITH_XDECREF(item);
error:
    PITH_XDECREF(it);
    PITH_XDECREF(total);
    return NULL;
}

/* ---- sorted ----------------------------------------------------------------- */

BUILTIN(pith_bi_sorted) {
    if (nargs != 1)
        return pith_err_format(&pith_exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
    PithObject *list = pith_sequence_list(args[0]);
    if (!list) return NULL;
    if (!kwnames || PITH_SIZE(kwnames) == 0) {
        if (pith_list_sort(list) < 0) PITH_CLEAR(list);
        return list;
    }
    PithObject *sort = pith_getattr_str(list, "sort");
    PithObject *r = sort ? pith_call(sort, args + nargs, 0, kwnames) : NULL;
    PITH_XDECREF(sort);
    if (!r) {
        PITH_DECREF(list);
        return NULL;
    }
    PITH_DECREF(r);
    return list;
}
