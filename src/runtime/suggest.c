/* suggest.c — 3.11's "Did you mean: 'x'?" hints for AttributeError and
 * NameError: the closest candidate name by a weighted Levenshtein distance
 * (case flips cost 1, other edits 2), accepted only if at most about a third
 * of the characters change. Candidates: dir(obj) for AttributeError; the
 * failing frame's variable names, then its globals, then builtins for
 * NameError. */
#include "pith/pith.h"
#include "pith/run.h"

#include <string.h>

#define MAX_CANDIDATES 750
#define MAX_NAME 40
#define MOVE_COST 2
#define CASE_COST 1

static size_t subst_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
    if (b >= 'A' && b <= 'Z') b = (char)(b + 32);
    return a == b ? CASE_COST : MOVE_COST;
}

/* Edit distance of a and b, or anything > max_cost once it exceeds it. */
static size_t distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost) {
    while (na && nb && a[0] == b[0]) a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1]) na--, nb--;
    if (na == 0 || nb == 0) return (na + nb) * MOVE_COST;
    if (na > MAX_NAME || nb > MAX_NAME) return max_cost + 1;
    if (nb < na) {
        const char *t = a; a = b; b = t;
        size_t n = na; na = nb; nb = n;
    }
    if ((nb - na) * MOVE_COST > max_cost) return max_cost + 1;
    size_t row[MAX_NAME];
    for (size_t i = 0; i < na; i++) row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t diag = result = j * MOVE_COST, minimum = (size_t)-1;
        for (size_t i = 0; i < na; i++) {
            size_t sub = diag + subst_cost(b[j], a[i]);
            diag = row[i];
            size_t ins = (result < diag ? result : diag) + MOVE_COST;
            result = ins < sub ? ins : sub;
            row[i] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

/* Best match for name among the str items of list `dir` (borrowed result). */
static PithObject *best_match(PithObject *dir, PithObject *name) {
    intptr_t n = PITH_SIZE(dir), nlen;
    if (n >= MAX_CANDIDATES) return NULL;
    const char *ns = pith_str_utf8_size(name, &nlen);
    if (!ns) return NULL;
    PithObject *best = NULL;
    size_t best_dist = (size_t)-1;
    for (intptr_t i = 0; i < n; i++) {
        PithObject *item = PITH_LIST_GET(dir, i);
        if (!pith_str_check(item) || pith_str_equal(item, name)) continue;
        intptr_t ilen;
        const char *is = pith_str_utf8_size(item, &ilen);
        if (!is) return NULL;
        size_t max = (size_t)(nlen + ilen + 3) * MOVE_COST / 6;
        if (best_dist - 1 < max) max = best_dist - 1;
        size_t d = distance(ns, (size_t)nlen, is, (size_t)ilen, max);
        if (d > max) continue;
        if (!best || d < best_dist) {
            best = item;
            best_dist = d;
        }
    }
    return best;
}

/* Suggestion from a list/tuple/dict of candidate names (new ref or NULL). */
static PithObject *suggest_from(PithObject *names, PithObject *name) {
    if (!names) return NULL;
    PithObject *list = pith_dict_check(names) ? pith_dict_keys(names) : pith_sequence_list(names);
    if (!list) return NULL;
    PithObject *r = best_match(list, name);
    PITH_XINCREF(r);
    PITH_DECREF(list);
    return r;
}

static PithObject *for_attribute_error(PithObject *exc, PithObject *name) {
    PithObject *obj = pith_getattr_str(exc, "obj");
    if (!obj || obj == PITH_NONE) {
        PITH_XDECREF(obj);
        return NULL;
    }
    PithObject *dir = pith_dir(obj);
    PITH_DECREF(obj);
    PithObject *r = dir ? suggest_from(dir, name) : NULL;
    PITH_XDECREF(dir);
    return r;
}

static PithObject *for_name_error(PithObject *exc, PithObject *name) {
    PithObject *tb = pith_exc_get_traceback(exc);
    if (!tb || PITH_TYPE(tb) != &pith_traceback_type) return NULL;
    while (((PithTraceback *)tb)->tb_next) tb = ((PithTraceback *)tb)->tb_next;
    PithObject *frame = ((PithTraceback *)tb)->tb_frame;
    PithCode *co = pith_frame_object_code(frame);
    PithObject *r = co ? suggest_from(co->varnames, name) : NULL;
    if (!r && !pith_err_occurred()) r = suggest_from(pith_frame_object_globals(frame), name);
    if (!r && !pith_err_occurred()) r = suggest_from(pith_interp.builtins, name);
    return r;
}

PithObject *pith_offer_suggestions(PithObject *exc) {
    if (!pith_exc_check(exc)) return NULL;
    bool attr = pith_type_ok(exc, &pith_exc_AttributeError);
    if (!attr && !pith_type_ok(exc, &pith_exc_NameError)) return NULL;
    PithObject *name = pith_getattr_str(exc, "name");
    PithObject *r = NULL;
    if (name && pith_str_check_exact(name))
        r = attr ? for_attribute_error(exc, name) : for_name_error(exc, name);
    PITH_XDECREF(name);
    if (pith_err_occurred()) pith_err_clear();
    return r;
}
