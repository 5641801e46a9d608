/* args.c — binding call arguments to the parameters of a Python function,
 * with CPython 3.11's exact error messages, and closure-cell setup.
 *
 * Layout of a frame's locals (code->varnames): positional parameters
 * (argcount, the first posonlyargcount positional-only), keyword-only
 * parameters (kwonlyargcount), then *args if VARARGS, then **kwargs if
 * VARKEYWORDS, then plain locals. */
#include "vm_internal.h"

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static PithObject *join_names(PithObject *list) {
    intptr_t n = PITH_SIZE(list);
    PithStrBuilder sb;
    pith_sb_init(&sb);
    for (intptr_t i = 0; i < n; i++) {
        const char *sep = i == 0 ? "" : n == 2 ? " and " : i == n - 1 ? ", and " : ", ";
        if (pith_sb_append_utf8(&sb, sep, -1) < 0 ||
            pith_sb_append_repr(&sb, PITH_LIST_GET(list, i)) < 0) {
            pith_sb_discard(&sb);
            return NULL;
        }
    }
    return pith_sb_finish(&sb);
}

/* Missing-argument error for slots [start, end) that are still NULL. */
static void missing_error(PithFunction *fn, PithObject **locals, int start, int end,
                          const char *kind) {
    PithObject *list = pith_list_new(0);
    if (!list) return;
    for (int i = start; i < end; i++) {
        if (!locals[i] && pith_list_append(list, PITH_TUPLE_GET(fn->code->varnames, i)) < 0) {
            PITH_DECREF(list);
            return;
        }
    }
    PithObject *names = join_names(list);
    intptr_t n = PITH_SIZE(list);
    PITH_DECREF(list);
    if (!names) return;
    pith_err_format(&pith_exc_TypeError, "%U() missing %d required %s argument%s: %U",
                    fn->qualname, (int)n, kind, n == 1 ? "" : "s", names);
    PITH_DECREF(names);
}

static void too_many_positional(PithFunction *fn, PithObject **locals, size_t given) {
    PithCode *co = fn->code;
    int ndef = fn->defaults ? (int)PITH_SIZE(fn->defaults) : 0;
    int kw_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        if (locals[i]) kw_given++;
    PithObject *sig = ndef ? pith_str_from_format("from %d to %d", co->argcount - ndef, co->argcount)
                           : pith_str_from_format("%d", co->argcount);
    if (!sig) return;
    int plural = ndef ? 1 : co->argcount != 1;
    PithObject *kwsig = kw_given
        ? pith_str_from_format(" positional argument%s (and %d keyword-only argument%s)",
                               given != 1 ? "s" : "", kw_given, kw_given != 1 ? "s" : "")
        : pith_str_empty();
    if (kwsig)
        pith_err_format(&pith_exc_TypeError, "%U() takes %U positional argument%s but %zu%U %s given",
                        fn->qualname, sig, plural ? "s" : "", given, kwsig,
                        given == 1 && !kw_given ? "was" : "were");
    PITH_DECREF(sig);
    PITH_XDECREF(kwsig);
}

/* Index of parameter `name` among keyword-capable parameters, or -1. */
static int find_param(PithCode *co, PithObject *name, int lo, int hi) {
    PithObject **names = PITH_TUPLE_ITEMS(co->varnames);
    for (int j = lo; j < hi; j++)
        if (names[j] == name) return j;
    for (int j = lo; j < hi; j++)
        if (pith_str_equal(names[j], name)) return j;
    return -1;
}

/* With positional-only names used as keywords (and no **kwargs): error. */
static int posonly_as_keyword(PithFunction *fn, PithObject *kwnames) {
    PithCode *co = fn->code;
    PithObject *list = pith_list_new(0);
    if (!list) return -1;
    for (intptr_t k = 0; k < PITH_SIZE(kwnames); k++) {
        PithObject *name = PITH_TUPLE_GET(kwnames, k);
        if (find_param(co, name, 0, co->posonlyargcount) >= 0 && pith_list_append(list, name) < 0)
            goto fail;
    }
    if (PITH_SIZE(list) == 0) {
        PITH_DECREF(list);
        return 0;
    }
    PithObject *sep = pith_str_from_cstr(", ");
    PithObject *joined = sep ? pith_str_join(sep, list) : NULL;
    PITH_XDECREF(sep);
    if (joined) {
        pith_err_format(&pith_exc_TypeError,
                        "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                        fn->qualname, joined);
        PITH_DECREF(joined);
    }
fail:
    PITH_DECREF(list);
    return -1;
}

static int bind_keywords(PithFunction *fn, PithObject **locals, PithObject *const *kwvals,
                         PithObject *kwnames, PithObject *kwdict) {
    PithCode *co = fn->code;
    int total = co->argcount + co->kwonlyargcount;
    for (intptr_t k = 0; k < PITH_SIZE(kwnames); k++) {
        PithObject *name = PITH_TUPLE_GET(kwnames, k);
        if (!pith_str_check(name)) {
            pith_err_format(&pith_exc_TypeError, "%U() keywords must be strings", fn->qualname);
            return -1;
        }
        int j = find_param(co, name, co->posonlyargcount, total);
        if (j < 0) {
            if (kwdict) {
                if (pith_dict_set_item(kwdict, name, kwvals[k]) < 0) return -1;
                continue;
            }
            if (co->posonlyargcount && posonly_as_keyword(fn, kwnames) < 0) return -1;
            pith_err_format(&pith_exc_TypeError, "%U() got an unexpected keyword argument '%S'",
                            fn->qualname, name);
            return -1;
        }
        if (locals[j]) {
            pith_err_format(&pith_exc_TypeError, "%U() got multiple values for argument '%S'",
                            fn->qualname, name);
            return -1;
        }
        locals[j] = PITH_NEWREF(kwvals[k]);
    }
    return 0;
}

/* Fill missing positional parameters from __defaults__, keyword-only ones
 * from __kwdefaults__; report what is still missing. */
static int apply_defaults(PithFunction *fn, PithObject **locals, size_t nargs) {
    PithCode *co = fn->code;
    if ((int)nargs < co->argcount) {
        int ndef = fn->defaults ? (int)PITH_SIZE(fn->defaults) : 0;
        int m = co->argcount - ndef;
        for (int i = (int)nargs; i < m; i++) {
            if (!locals[i]) {
                missing_error(fn, locals, 0, m, "positional");
                return -1;
            }
        }
        for (int i = (int)nargs > m ? (int)nargs - m : 0; i < ndef; i++)
            if (!locals[m + i]) locals[m + i] = PITH_NEWREF(PITH_TUPLE_GET(fn->defaults, i));
    }
    int total = co->argcount + co->kwonlyargcount, missing = 0;
    for (int i = co->argcount; i < total; i++) {
        if (locals[i]) continue;
        PithObject *name = PITH_TUPLE_GET(co->varnames, i);
        PithObject *d = fn->kwdefaults ? pith_dict_get_item(fn->kwdefaults, name) : NULL;
        if (d) locals[i] = PITH_NEWREF(d);
        else if (pith_err_occurred()) return -1;
        else missing++;
    }
    if (missing) {
        missing_error(fn, locals, co->argcount, total, "keyword-only");
        return -1;
    }
    return 0;
}

int pith_vm_bind_args(PithFrame *f, PithFunction *fn, PithObject *const *args,
                      size_t nargs, PithObject *kwnames) {
    PithCode *co = fn->code;
    PithObject **locals = f->localsplus;
    int total = co->argcount + co->kwonlyargcount;
    size_t nkw = kwnames ? (size_t)PITH_SIZE(kwnames) : 0;
    PithObject *kwdict = NULL;
    if (co->flags & PITH_CO_VARKEYWORDS) {
        kwdict = pith_dict_new();
        if (!kwdict) return -1;
        locals[total + ((co->flags & PITH_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    size_t n = nargs < (size_t)co->argcount ? nargs : (size_t)co->argcount;
    for (size_t i = 0; i < n; i++) locals[i] = PITH_NEWREF(args[i]);
    if (co->flags & PITH_CO_VARARGS) {
        PithObject *t = pith_tuple_from_array(args + n, (intptr_t)(nargs - n));
        if (!t) return -1;
        locals[total] = t;
    }
    if (nkw && bind_keywords(fn, locals, args + nargs, kwnames, kwdict) < 0) return -1;
    if (nargs > (size_t)co->argcount && !(co->flags & PITH_CO_VARARGS)) {
        too_many_positional(fn, locals, nargs);
        return -1;
    }
    if (apply_defaults(fn, locals, nargs) < 0) return -1;
    return pith_vm_init_cells(f, fn);
}

int pith_vm_init_cells(PithFrame *f, PithFunction *fn) {
    PithCode *co = f->code;
    intptr_t ncells = PITH_SIZE(co->cellvars), nfree = PITH_SIZE(co->freevars);
    PithObject **cells = f->localsplus + co->nlocals;
    int nparams = co->argcount + co->kwonlyargcount + ((co->flags & PITH_CO_VARARGS) ? 1 : 0) +
                  ((co->flags & PITH_CO_VARKEYWORDS) ? 1 : 0);
    if (nparams > co->nlocals) nparams = co->nlocals;
    for (intptr_t i = 0; i < ncells; i++) {
        int j = find_param(co, PITH_TUPLE_GET(co->cellvars, i), 0, nparams);
        cells[i] = pith_cell_new(j >= 0 ? f->localsplus[j] : NULL);
        if (!cells[i]) return -1;
    }
    if (nfree) {
        if (!fn || !fn->closure || PITH_SIZE(fn->closure) < nfree) {
            pith_err_set_string(&pith_exc_SystemError, "function has no closure for free variables");
            return -1;
        }
        for (intptr_t i = 0; i < nfree; i++)
            cells[ncells + i] = PITH_NEWREF(PITH_TUPLE_GET(fn->closure, i));
    }
    return 0;
}
