/* args.c — argument binding for C functions with CPython's "argument
 * clinic" error messages. */
#include <stdint.h>
#include <string.h>

#include "pith/pith.h"
#include "runtime_internal.h"

static const char *plural(intptr_t n) { return n == 1 ? "" : "s"; }

int pith_arg_no_kwargs(const char *fname, PithObject *kwnames) {
    if (!kwnames || PITH_SIZE(kwnames) == 0) return 0;
    pith_err_format(&pith_exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

int pith_arg_check_range(const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs < min) {
        pith_err_format(&pith_exc_TypeError, "%s expected %s%zd argument%s, got %zd",
                        fname, min == max ? "" : "at least ", (intptr_t)min,
                        plural((intptr_t)min), (intptr_t)nargs);
        return -1;
    }
    if (nargs > max) {
        pith_err_format(&pith_exc_TypeError, "%s expected %s%zd argument%s, got %zd",
                        fname, min == max ? "" : "at most ", (intptr_t)max,
                        plural((intptr_t)max), (intptr_t)nargs);
        return -1;
    }
    return 0;
}

/* Index of keyword `name` among the parameters, or -1. */
static int find_param(const PithArgSpec *spec, PithObject *name) {
    for (int i = 0; i < spec->nparams; i++)
        if (pith_str_eq_cstr(name, spec->kwlist[i])) return i;
    return -1;
}

static int too_many_positional(const PithArgSpec *spec, size_t nargs) {
    if (spec->maxpos == 0)
        pith_err_format(&pith_exc_TypeError, "%s() takes no positional arguments",
                        spec->fname);
    else
        pith_err_format(&pith_exc_TypeError,
                        "%s() takes %s %d positional argument%s (%zd given)",
                        spec->fname,
                        spec->required < spec->maxpos ? "at most" : "exactly",
                        spec->maxpos, plural(spec->maxpos), (intptr_t)nargs);
    return -1;
}

static int check_required(const PithArgSpec *spec, size_t nargs, PithObject **out) {
    for (int i = 0; i < spec->required; i++) {
        if (out[i]) continue;
        if (i < spec->posonly) {
            int min = spec->required < spec->posonly ? spec->required : spec->posonly;
            pith_err_format(&pith_exc_TypeError,
                            "%s() takes %s %d positional argument%s (%zd given)",
                            spec->fname,
                            spec->required < spec->maxpos ? "at least" : "exactly",
                            min, plural(min), (intptr_t)nargs);
        } else {
            pith_err_format(&pith_exc_TypeError,
                            "%s() missing required argument '%s' (pos %d)",
                            spec->fname, spec->kwlist[i], i + 1);
        }
        return -1;
    }
    return 0;
}

/* More arguments in total than parameters. */
static int too_many_total(const PithArgSpec *spec, size_t nargs, size_t total) {
    pith_err_format(&pith_exc_TypeError, "%s() takes at most %d %sargument%s (%zd given)",
                    spec->fname, spec->nparams, nargs == 0 ? "keyword " : "",
                    plural(spec->nparams), (intptr_t)total);
    return -1;
}

/* A keyword that names no parameter, or a positional-only one. */
static int unexpected_keyword(const PithArgSpec *spec, size_t nargs, PithObject *kwnames) {
    for (intptr_t k = 0; kwnames && k < PITH_SIZE(kwnames); k++) {
        PithObject *name = PITH_TUPLE_GET(kwnames, k);
        int i = find_param(spec, name);
        if (i >= spec->posonly && i >= 0 && (size_t)i < nargs) {
            pith_err_format(&pith_exc_TypeError,
                            "argument for %s() given by name ('%s') and position (%d)",
                            spec->fname, spec->kwlist[i], i + 1);
            return -1;
        }
        if (i < 0 || i < spec->posonly) {
            pith_err_format(&pith_exc_TypeError,
                            "'%U' is an invalid keyword argument for %s()", name,
                            spec->fname);
            return -1;
        }
    }
    return 0;
}

int pith_arg_parse(const PithArgSpec *spec, PithObject *const *args,
                   size_t nargs, PithObject *kwnames, PithObject **out) {
    size_t nkw = kwnames ? (size_t)PITH_SIZE(kwnames) : 0;
    for (int i = 0; i < spec->nparams; i++) out[i] = NULL;
    if (nargs + nkw > (size_t)spec->nparams) return too_many_total(spec, nargs, nargs + nkw);
    if (nargs > (size_t)spec->maxpos) return too_many_positional(spec, nargs);
    for (size_t i = 0; i < nargs; i++) out[i] = args[i];
    /* Bind the known keywords first so a missing required argument is
     * reported before an unexpected keyword, as CPython does. */
    for (size_t k = 0; k < nkw; k++) {
        int i = find_param(spec, PITH_TUPLE_GET(kwnames, k));
        if (i >= spec->posonly && (size_t)i >= nargs) out[i] = args[nargs + k];
    }
    if (check_required(spec, nargs, out) < 0) return -1;
    return unexpected_keyword(spec, nargs, kwnames);
}
