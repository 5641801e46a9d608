/* excgroup.c — the VM side of `try ... except*`: matching an exception
 * (group) against one except* clause (CHECK_EG_MATCH) and building what
 * remains to be raised once every clause ran (PREP_RERAISE_STAR), with
 * CPython 3.11's rules: a naked exception that matches is wrapped in an
 * ExceptionGroup; exceptions re-raised unchanged by clauses (or not
 * matched at all) are re-raised as the projection of the original group,
 * new ones are grouped with it in an ExceptionGroup(""). */
#include "pith/pith.h"
#include "vm_internal.h"

static int is_group(PithObject *o) {
    return pith_type_ok(o, &pith_exc_BaseExceptionGroup);
}

/* except* accepts exception classes (or tuples of them), never groups. */
static int check_star_type(PithObject *type) {
    intptr_t n = pith_tuple_check(type) ? PITH_SIZE(type) : 1;
    for (intptr_t i = 0; i < n; i++) {
        PithObject *t = pith_tuple_check(type) ? PITH_TUPLE_GET(type, i) : type;
        if (!pith_exc_class_check(t)) {
            pith_err_set_string(&pith_exc_TypeError, "catching classes that do not "
                                                     "inherit from BaseException is not allowed");
            return -1;
        }
        if (pith_type_is_subtype((PithType *)t, &pith_exc_BaseExceptionGroup)) {
            pith_err_set_string(&pith_exc_TypeError, "catching ExceptionGroup with except* "
                                                     "is not allowed. Use except instead.");
            return -1;
        }
    }
    return 0;
}

/* BaseExceptionGroup(msg, excs): picks ExceptionGroup when it can. */
static PithObject *make_group(const char *msg, PithObject *excs) {
    PithObject *m = pith_str_from_utf8(msg, -1);
    if (!m) return NULL;
    PithObject *args[2] = {m, excs};
    PithObject *g = pith_call((PithObject *)&pith_exc_BaseExceptionGroup, args, 2, NULL);
    PITH_DECREF(m);
    return g;
}

/* A matching naked exception becomes ExceptionGroup("", (exc,)) with its
 * traceback. */
static PithObject *wrap_naked(PithObject *exc) {
    PithObject *excs = pith_tuple_pack(1, exc);
    if (!excs) return NULL;
    PithObject *g = make_group("", excs);
    PITH_DECREF(excs);
    if (g && pith_exc_get_traceback(exc)) pith_exc_set_traceback(g, pith_exc_get_traceback(exc));
    return g;
}

int pith_vm_eg_match(PithObject *exc, PithObject *type, PithObject **match,
                     PithObject **rest) {
    *match = *rest = NULL;
    if (check_star_type(type) < 0) return -1;
    int full = pith_exc_matches(exc, type);
    if (full < 0) return -1;
    if (full) {
        *match = is_group(exc) ? PITH_NEWREF(exc) : wrap_naked(exc);
        *rest = PITH_NEWREF(PITH_NONE);
        return *match ? 0 : -1;
    }
    if (!is_group(exc)) {
        *match = PITH_NEWREF(PITH_NONE);
        *rest = PITH_NEWREF(exc);
        return 0;
    }
    PithObject *pair = pith_call_method(exc, "split", &type, 1);
    if (!pair) return -1;
    if (!pith_tuple_check(pair) || PITH_SIZE(pair) != 2) {
        PITH_DECREF(pair);
        pith_err_set_string(&pith_exc_TypeError, "X.split must return a 2-tuple");
        return -1;
    }
    *match = PITH_NEWREF(PITH_TUPLE_GET(pair, 0));
    *rest = PITH_NEWREF(PITH_TUPLE_GET(pair, 1));
    PITH_DECREF(pair);
    return 0;
}

/* ---- PREP_RERAISE_STAR ----------------------------------------------- */

/* __notes__ of e (borrowed identity only; NULL when absent). */
static PithObject *notes_of(PithObject *e) {
    PithObject *n = NULL;
    if (pith_lookup_attr(e, pith_str_intern_cstr("__notes__"), &n) < 0) pith_err_clear();
    PITH_XDECREF(n); /* only the identity is compared; e keeps it alive */
    return n;
}

/* A clause re-raised (part of) the original group unchanged when the
 * metadata is the very same objects (split copies them). */
static int same_metadata(PithObject *a, PithObject *b) {
    PithBaseException *x = (PithBaseException *)a, *y = (PithBaseException *)b;
    return x->traceback == y->traceback && x->cause == y->cause &&
           x->context == y->context && notes_of(a) == notes_of(b);
}

/* Append the leaf exceptions of e to leaves. */
static int collect_leaves(PithObject *e, PithObject *leaves) {
    if (!is_group(e)) return pith_list_append(leaves, e);
    PithObject *excs = pith_getattr_str(e, "exceptions");
    if (!excs) return -1;
    int r = 0;
    for (intptr_t i = 0; r == 0 && i < PITH_SIZE(excs); i++)
        r = collect_leaves(PITH_TUPLE_GET(excs, i), leaves);
    PITH_DECREF(excs);
    return r;
}

/* split() condition: is e one of the leaves in the list `self`? */
static PithObject *leaf_in(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    for (intptr_t i = 0; i < PITH_SIZE(self); i++)
        if (PITH_LIST_ITEMS(self)[i] == args[0]) return PITH_NEWREF(PITH_TRUE);
    return PITH_NEWREF(PITH_FALSE);
}

static PithMethodDef leaf_in_def = {"leaf_in", leaf_in, PITH_METH_O, NULL};

/* The part of orig made of the leaves of the exceptions in `keep`
 * (None when keep is empty). */
static PithObject *projection(PithObject *orig, PithObject *keep) {
    PithObject *leaves = pith_list_new(0), *cond = NULL, *pair = NULL, *res = NULL;
    if (!leaves) return NULL;
    for (intptr_t i = 0; i < PITH_SIZE(keep); i++)
        if (collect_leaves(PITH_LIST_ITEMS(keep)[i], leaves) < 0) goto done;
    cond = pith_cfunction_new(&leaf_in_def, leaves, NULL);
    if (!cond) goto done;
    pair = pith_call_method(orig, "split", &cond, 1);
    if (pair) res = PITH_NEWREF(PITH_TUPLE_GET(pair, 0));
done:
    PITH_XDECREF(pair);
    PITH_XDECREF(cond);
    PITH_DECREF(leaves);
    return res;
}

/* Sort the clauses' outcomes into new exceptions and re-raised parts. */
static int partition(PithObject *orig, PithObject *excs, PithObject *raised,
                     PithObject *reraised) {
    for (intptr_t i = 0; i < PITH_SIZE(excs); i++) {
        PithObject *e = PITH_LIST_ITEMS(excs)[i];
        if (e == PITH_NONE) continue;
        if (pith_list_append(same_metadata(e, orig) ? reraised : raised, e) < 0) return -1;
    }
    return 0;
}

/* What the new exceptions and the re-raised part combine into. */
static PithObject *combine(PithObject *raised, PithObject *eg) {
    if (eg != PITH_NONE && pith_list_append(raised, eg) < 0) return NULL;
    if (PITH_SIZE(raised) == 1) return PITH_NEWREF(PITH_LIST_ITEMS(raised)[0]);
    return make_group("", raised);
}

PithObject *pith_vm_prep_reraise_star(PithObject *orig, PithObject *excs) {
    if (PITH_SIZE(excs) == 0) return PITH_NEWREF(PITH_NONE);
    if (!is_group(orig)) /* a naked exception: at most one clause ran */
        return PITH_NEWREF(PITH_LIST_ITEMS(excs)[0]);
    PithObject *raised = pith_list_new(0), *reraised = pith_list_new(0), *res = NULL;
    PithObject *eg = NULL;
    if (!raised || !reraised || partition(orig, excs, raised, reraised) < 0) goto done;
    if (!(eg = projection(orig, reraised))) goto done;
    res = PITH_SIZE(raised) == 0 ? PITH_NEWREF(eg) : combine(raised, eg);
done:
    PITH_XDECREF(eg);
    PITH_XDECREF(raised);
    PITH_XDECREF(reraised);
    return res;
}
