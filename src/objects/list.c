/* list.c — the list type, its methods and its two iterator types.
 *
 * Invariants:
 *  - 0 <= size <= allocated; items[0..size) are non-NULL owned references
 *    (except right after pith_list_new(n), until the creator fills them).
 *  - items is an L1 block (NULL when allocated == 0).
 *  - Exact list objects are recycled through a bounded free list (L3),
 *    chained through `items`; their item arrays are released first.
 */
#include <string.h>

#include "containers_impl.h"

#define LIST_FREE_MAX 80

static PithList *free_list[LIST_FREE_MAX];
static int free_count;

int pith_list_freelist_count(void) { return free_count; }

/* Free the cached lists (full collections do, as CPython's). */
void pith_list_freelist_clear(void) {
    while (free_count > 0) pith_gc_del(free_list[--free_count]);
}

/* Make room for newsize items, over-allocating like CPython so appends are
 * amortised O(1). Sets size = newsize. */
static int list_resize(PithList *l, intptr_t newsize) {
    if (l->allocated >= newsize && newsize >= (l->allocated >> 1)) {
        l->ob.size = newsize;
        return 0;
    }
    size_t alloc = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if ((intptr_t)(newsize - PITH_SIZE(l)) > (intptr_t)alloc - newsize)
        alloc = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0) alloc = 0;
    if (alloc > (size_t)INTPTR_MAX / sizeof(PithObject *)) {
        pith_err_no_memory();
        return -1;
    }
    PithObject **items = pith_mem_realloc(l->items, alloc * sizeof(PithObject *));
    if (!items && alloc) {
        pith_err_no_memory();
        return -1;
    }
    l->items = items;
    l->allocated = (intptr_t)alloc;
    l->ob.size = newsize;
    return 0;
}

static PithList *list_alloc(PithType *type) {
    PithList *l;
    if (type == &pith_list_type && free_count > 0) {
        l = free_list[--free_count];
        l->ob.ob.refcnt = 1;
    } else {
        l = (PithList *)pith_gc_new(type);
        if (!l) {
            pith_err_no_memory();
            return NULL;
        }
    }
    l->ob.size = 0;
    l->items = NULL;
    l->allocated = 0;
    return l;
}

PithObject *pith_list_new(intptr_t n) {
    if (n < 0) {
        PITH_BAD_INTERNAL_CALL();
        return NULL;
    }
    if ((size_t)n > (size_t)INTPTR_MAX / sizeof(PithObject *)) return pith_err_no_memory();
    PithList *l = list_alloc(&pith_list_type);
    if (!l) return NULL;
    if (n > 0) {
        l->items = pith_mem_calloc((size_t)n, sizeof(PithObject *));
        if (!l->items) {
            PITH_DECREF(l);
            return pith_err_no_memory();
        }
        l->allocated = n;
        l->ob.size = n;
    }
    pith_gc_track(l);
    return (PithObject *)l;
}

static void list_dealloc(PithObject *o) {
    PithList *l = (PithList *)o;
    pith_gc_untrack(o);
    if (!pith_trash_begin(o, list_dealloc)) return;
    if (l->items) {
        for (intptr_t i = PITH_SIZE(l) - 1; i >= 0; i--) PITH_XDECREF(l->items[i]);
        pith_mem_free(l->items);
    }
    if (pith_list_check_exact(o) && free_count < LIST_FREE_MAX)
        free_list[free_count++] = l;
    else
        pith_gc_del(o);
    pith_trash_end();
}

static int list_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    for (intptr_t i = PITH_SIZE(o) - 1; i >= 0; i--) PITH_VISIT(PITH_LIST_GET(o, i));
    return 0;
}

/* Drop all items (the list is empty before any decref runs). */
static int list_clear_items(PithObject *o) {
    PithList *l = (PithList *)o;
    PithObject **items = l->items;
    intptr_t n = PITH_SIZE(l);
    /* An empty list is left alone (as CPython does): clearing the emptied
     * list inside a sort is not reported as a modification. */
    if (!items) return 0;
    l->items = NULL;
    l->ob.size = 0;
    l->allocated = 0;
    while (--n >= 0) PITH_XDECREF(items[n]);
    pith_mem_free(items);
    return 0;
}

int pith_list_append(PithObject *o, PithObject *v) {
    PithList *l = (PithList *)o;
    intptr_t n = PITH_SIZE(l);
    if (n < l->allocated) {
        l->items[n] = PITH_NEWREF(v);
        l->ob.size = n + 1;
        return 0;
    }
    if (list_resize(l, n + 1) < 0) return -1;
    l->items[n] = PITH_NEWREF(v);
    return 0;
}

int pith_list_insert(PithObject *o, intptr_t where, PithObject *v) {
    PithList *l = (PithList *)o;
    intptr_t n = PITH_SIZE(l);
    if (list_resize(l, n + 1) < 0) return -1;
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    memmove(&l->items[where + 1], &l->items[where], (size_t)(n - where) * sizeof(PithObject *));
    l->items[where] = PITH_NEWREF(v);
    return 0;
}

/* Append the n items of an array (increfs). Handles items inside l itself. */
static int list_extend_array(PithList *l, PithObject *const *src, intptr_t n) {
    intptr_t m = PITH_SIZE(l);
    if (n == 0) return 0;
    bool self = src == l->items;
    if (list_resize(l, m + n) < 0) return -1;
    if (self) src = l->items;
    for (intptr_t i = 0; i < n; i++) l->items[m + i] = PITH_NEWREF(src[i]);
    return 0;
}

int pith_list_extend(PithObject *o, PithObject *iterable) {
    PithList *l = (PithList *)o;
    if (pith_list_check_exact(iterable) || pith_tuple_check_exact(iterable))
        return list_extend_array(l, pith_seq_items(iterable), PITH_SIZE(iterable));
    PithObject *it = pith_get_iter(iterable);
    if (!it) return -1;
    PithObject *item;
    while ((item = pith_iter_next(it))) {
        int rc = pith_list_append(o, item);
        PITH_DECREF(item);
        if (rc < 0) break;
    }
    PITH_DECREF(it);
    return pith_err_occurred() ? -1 : 0;
}

PithObject *pith_list_as_tuple(PithObject *l) {
    return pith_tuple_from_array(PITH_LIST_ITEMS(l), PITH_SIZE(l));
}

PithObject *pith_list_get_slice(PithObject *o, intptr_t lo, intptr_t hi) {
    intptr_t n = PITH_SIZE(o);
    if (lo < 0) lo = 0;
    if (hi > n) hi = n;
    if (hi < lo) hi = lo;
    PithObject *r = pith_list_new(hi - lo);
    if (!r) return NULL;
    for (intptr_t i = lo; i < hi; i++) PITH_LIST_SET(r, i - lo, PITH_NEWREF(PITH_LIST_GET(o, i)));
    return r;
}

static void reverse_range(PithObject **lo, PithObject **hi) {
    if (hi - lo < 2) return; /* also covers lo == hi == NULL */
    for (--hi; lo < hi; lo++, hi--) {
        PithObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

int pith_list_reverse(PithObject *o) {
    if (PITH_SIZE(o) > 1) reverse_range(PITH_LIST_ITEMS(o), PITH_LIST_ITEMS(o) + PITH_SIZE(o));
    return 0;
}

/* ---- sorting ------------------------------------------------------------- */

/* Sort in place. The list is emptied while sorting so that mutation by key
 * functions or comparisons can be detected ("list modified during sort"). */
static int list_sort_impl(PithList *l, PithObject *keyfunc, int reverse) {
    intptr_t n = PITH_SIZE(l), allocated = l->allocated;
    PithObject **items = l->items, **keys = NULL;
    l->items = NULL;
    l->ob.size = 0;
    l->allocated = -1; /* marker: unchanged while still -1 */
    int rc = 0;
    intptr_t nkeys = 0;
    if (keyfunc && n > 0) {
        keys = pith_mem_malloc((size_t)n * sizeof(PithObject *));
        if (!keys) {
            pith_err_no_memory();
            rc = -1;
        }
        for (; rc == 0 && nkeys < n; nkeys++) {
            keys[nkeys] = pith_call_one(keyfunc, items[nkeys]);
            if (!keys[nkeys]) rc = -1;
        }
    }
    if (rc == 0) {
        /* Reversing before and after keeps equal elements in order. */
        if (reverse) reverse_range(items, items + n);
        if (reverse && keys) reverse_range(keys, keys + n);
        rc = pith_sort_items(keys ? keys : items, keys ? items : NULL, n);
        if (reverse) reverse_range(items, items + n);
    }
    if (keys) {
        for (intptr_t i = 0; i < nkeys && keys[i]; i++) PITH_DECREF(keys[i]);
        pith_mem_free(keys);
    }
    bool modified = l->allocated != -1 || l->items != NULL;
    list_clear_items((PithObject *)l);
    l->items = items;
    l->ob.size = n;
    l->allocated = allocated;
    if (modified && rc == 0) {
        pith_err_set_string(&pith_exc_ValueError, "list modified during sort");
        return -1;
    }
    return rc;
}

int pith_list_sort(PithObject *l) { return list_sort_impl((PithList *)l, NULL, 0); }

static PithObject *list_sort(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    static const char *const kw[] = {"key", "reverse", NULL};
    static const PithArgSpec spec = {"sort", kw, 2, 0, 0, 0};
    PithObject *v[2];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    int rev = 0;
    if (v[1]) {
        /* reverse must be int-like (bool or int), as in CPython's clinic. */
        if (!pith_index_check(v[1]))
            return pith_err_format(&pith_exc_TypeError,
                                   "'%.200s' object cannot be interpreted as an integer",
                                   pith_type_name(v[1]));
        rev = pith_is_true(v[1]);
        if (rev < 0) return NULL;
    }
    PithObject *key = v[0] == PITH_NONE ? NULL : v[0];
    if (list_sort_impl((PithList *)self, key, rev) < 0) return NULL;
    PITH_RETURN_NONE;
}

/* ---- slots --------------------------------------------------------------- */

static PithObject *list_repr(PithObject *o) {
    if (PITH_SIZE(o) == 0) return pith_str_from_cstr("[]");
    int rc = pith_repr_enter(o);
    if (rc != 0) return rc > 0 ? pith_str_from_cstr("[...]") : NULL;
    PithObject *r = pith_seq_repr(o, "[", "]");
    pith_repr_leave(o);
    return r;
}

static PithObject *list_richcompare(PithObject *v, PithObject *w, int op) {
    if (!pith_list_check(v) || !pith_list_check(w)) PITH_RETURN_NOTIMPL;
    return pith_seq_richcompare(v, w, op);
}

static intptr_t list_length(PithObject *o) { return PITH_SIZE(o); }

static PithObject *list_concat(PithObject *a, PithObject *b) {
    if (!pith_list_check(b))
        return pith_err_format(&pith_exc_TypeError,
                               "can only concatenate list (not \"%.200s\") to list",
                               pith_type_name(b));
    intptr_t na = PITH_SIZE(a), nb = PITH_SIZE(b);
    if (na > INTPTR_MAX / 16 - nb) return pith_err_no_memory();
    PithObject *r = pith_list_new(na + nb);
    if (!r) return NULL;
    for (intptr_t i = 0; i < na; i++) PITH_LIST_SET(r, i, PITH_NEWREF(PITH_LIST_GET(a, i)));
    for (intptr_t i = 0; i < nb; i++) PITH_LIST_SET(r, na + i, PITH_NEWREF(PITH_LIST_GET(b, i)));
    return r;
}

static PithObject *list_repeat(PithObject *a, intptr_t n) {
    intptr_t len = PITH_SIZE(a);
    if (n <= 0 || len == 0) return pith_list_new(0);
    if (n > INTPTR_MAX / 16 / len) return pith_err_no_memory();
    PithObject *r = pith_list_new(len * n);
    if (!r) return NULL;
    for (intptr_t k = 0, j = 0; k < n; k++)
        for (intptr_t i = 0; i < len; i++, j++)
            PITH_LIST_SET(r, j, PITH_NEWREF(PITH_LIST_GET(a, i)));
    return r;
}

static PithObject *list_item(PithObject *o, intptr_t i) {
    if ((uintptr_t)i >= (uintptr_t)PITH_SIZE(o)) {
        pith_err_set_string(&pith_exc_IndexError, "list index out of range");
        return NULL;
    }
    return PITH_NEWREF(PITH_LIST_GET(o, i));
}

static int list_delete_range(PithList *l, intptr_t lo, intptr_t hi);

static int list_ass_item(PithObject *o, intptr_t i, PithObject *v) {
    if ((uintptr_t)i >= (uintptr_t)PITH_SIZE(o)) {
        pith_err_set_string(&pith_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (!v) return list_delete_range((PithList *)o, i, i + 1);
    PithObject *old = PITH_LIST_GET(o, i);
    PITH_LIST_SET(o, i, PITH_NEWREF(v));
    PITH_DECREF(old);
    return 0;
}

static int list_contains(PithObject *o, PithObject *x) {
    for (intptr_t i = 0; i < PITH_SIZE(o); i++) {
        PithObject *item = PITH_NEWREF(PITH_LIST_GET(o, i));
        int k = pith_richcompare_bool(item, x, PITH_EQ);
        PITH_DECREF(item);
        if (k != 0) return k;
    }
    return 0;
}

static PithObject *list_inplace_concat(PithObject *self, PithObject *other) {
    if (pith_list_extend(self, other) < 0) return NULL;
    return PITH_NEWREF(self);
}

static PithObject *list_inplace_repeat(PithObject *self, intptr_t n) {
    PithList *l = (PithList *)self;
    intptr_t len = PITH_SIZE(l);
    if (n <= 0 || len == 0) {
        list_clear_items(self);
        return PITH_NEWREF(self);
    }
    if (n == 1) return PITH_NEWREF(self);
    if (len > INTPTR_MAX / 16 / n) return pith_err_no_memory();
    if (list_resize(l, len * n) < 0) return NULL;
    for (intptr_t k = 1; k < n; k++)
        for (intptr_t i = 0; i < len; i++) l->items[k * len + i] = PITH_NEWREF(l->items[i]);
    return PITH_NEWREF(self);
}

/* ---- slicing ------------------------------------------------------------- */

static PithObject *list_subscript(PithObject *o, PithObject *key) {
    if (pith_index_check(key)) {
        intptr_t i;
        if (pith_seq_index_value(key, &i) < 0) return NULL;
        if (i < 0) i += PITH_SIZE(o);
        return list_item(o, i);
    }
    if (!pith_slice_check(key))
        return pith_err_format(&pith_exc_TypeError,
                               "list indices must be integers or slices, not %.200s",
                               pith_type_name(key));
    intptr_t start, stop, step;
    if (pith_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
    intptr_t n = pith_slice_adjust(PITH_SIZE(o), &start, &stop, step);
    if (step == 1) return pith_list_get_slice(o, start, start + n);
    PithObject *r = pith_list_new(n);
    if (!r) return NULL;
    for (intptr_t i = 0, j = start; i < n; i++, j += step)
        PITH_LIST_SET(r, i, PITH_NEWREF(PITH_LIST_GET(o, j)));
    return r;
}

/* Replace items[lo:hi] (0 <= lo <= hi <= size) by the n items of src
 * (increfs them). Old items are released after the list is consistent. */
static int list_replace_range(PithList *l, intptr_t lo, intptr_t hi, PithObject *const *src,
                              intptr_t n) {
    intptr_t old_n = hi - lo, size = PITH_SIZE(l), delta = n - old_n;
    PithObject **removed = NULL;
    if (old_n > 0) {
        removed = pith_mem_malloc((size_t)old_n * sizeof(PithObject *));
        if (!removed) {
            pith_err_no_memory();
            return -1;
        }
        memcpy(removed, &l->items[lo], (size_t)old_n * sizeof(PithObject *));
    }
    if (delta < 0) {
        memmove(&l->items[hi + delta], &l->items[hi], (size_t)(size - hi) * sizeof(PithObject *));
        list_resize(l, size + delta); /* shrinking cannot fail */
    } else if (delta > 0) {
        if (list_resize(l, size + delta) < 0) {
            pith_mem_free(removed);
            return -1;
        }
        memmove(&l->items[hi + delta], &l->items[hi], (size_t)(size - hi) * sizeof(PithObject *));
    }
    for (intptr_t i = 0; i < n; i++) l->items[lo + i] = PITH_NEWREF(src[i]);
    for (intptr_t i = old_n - 1; i >= 0; i--) PITH_DECREF(removed[i]);
    pith_mem_free(removed);
    return 0;
}

static int list_delete_range(PithList *l, intptr_t lo, intptr_t hi) {
    return list_replace_range(l, lo, hi, NULL, 0);
}

/* del l[start:stop:step] for step != 1 (n items). */
static int list_delete_extended(PithList *l, intptr_t start, intptr_t step, intptr_t n) {
    if (n <= 0) return 0;
    if (step < 0) {
        start = start + step * (n - 1);
        step = -step;
    }
    PithObject **removed = pith_mem_malloc((size_t)n * sizeof(PithObject *));
    if (!removed) {
        pith_err_no_memory();
        return -1;
    }
    intptr_t size = PITH_SIZE(l), dst = start, k = 0;
    for (intptr_t i = start; i < size; i++) {
        if (k < n && i == start + k * step) removed[k++] = l->items[i];
        else l->items[dst++] = l->items[i];
    }
    list_resize(l, size - n);
    for (intptr_t i = 0; i < n; i++) PITH_DECREF(removed[i]);
    pith_mem_free(removed);
    return 0;
}

static int list_assign_slice(PithList *l, PithObject *slice, PithObject *v) {
    intptr_t start, stop, step;
    if (pith_slice_unpack(slice, &start, &stop, &step) < 0) return -1;
    intptr_t n = pith_slice_adjust(PITH_SIZE(l), &start, &stop, step);
    if (!v) {
        if (step == 1) return list_delete_range(l, start, start + n);
        return list_delete_extended(l, start, step, n);
    }
    PithObject *seq;
    if ((PithObject *)l == v) seq = pith_list_get_slice(v, 0, PITH_SIZE(v));
    else seq = pith_sequence_fast(v, "must assign iterable to extended slice");
    if (!seq) {
        if (step == 1 && pith_err_matches(&pith_exc_TypeError)) {
            pith_err_clear();
            pith_err_set_string(&pith_exc_TypeError, "can only assign an iterable");
        }
        return -1;
    }
    intptr_t m = PITH_SIZE(seq);
    int rc = 0;
    if (step == 1) {
        rc = list_replace_range(l, start, start + n, pith_seq_items(seq), m);
    } else if (m != n) {
        pith_err_format(&pith_exc_ValueError,
                        "attempt to assign sequence of size %zd to extended slice of size %zd",
                        m, n);
        rc = -1;
    } else {
        for (intptr_t i = 0, j = start; i < n; i++, j += step) {
            PithObject *old = l->items[j];
            l->items[j] = PITH_NEWREF(pith_seq_items(seq)[i]);
            PITH_DECREF(old);
        }
    }
    PITH_DECREF(seq);
    return rc;
}

static int list_ass_subscript(PithObject *o, PithObject *key, PithObject *v) {
    if (pith_index_check(key)) {
        intptr_t i;
        if (pith_seq_index_value(key, &i) < 0) return -1;
        if (i < 0) i += PITH_SIZE(o);
        return list_ass_item(o, i, v);
    }
    if (pith_slice_check(key)) return list_assign_slice((PithList *)o, key, v);
    pith_err_format(&pith_exc_TypeError, "list indices must be integers or slices, not %.200s",
                    pith_type_name(key));
    return -1;
}

/* ---- methods ------------------------------------------------------------- */

static PithObject *list_append_m(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    if (pith_list_append(self, args[0]) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *list_extend_m(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    if (pith_list_extend(self, args[0]) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *list_insert_m(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    if (nargs != 2)
        return pith_err_format(&pith_exc_TypeError, "insert expected 2 arguments, got %zu",
                               nargs);
    if (!pith_index_check(args[0]))
        return pith_err_format(&pith_exc_TypeError,
                               "'%.200s' object cannot be interpreted as an integer",
                               pith_type_name(args[0]));
    intptr_t i = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
    if (i == -1 && pith_err_occurred()) return NULL;
    if (pith_list_insert(self, i, args[1]) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *list_pop(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    if (pith_arg_check_range("pop", nargs, 0, 1) < 0) return NULL;
    intptr_t i = -1, n = PITH_SIZE(self);
    if (nargs) {
        if (!pith_index_check(args[0]))
            return pith_err_format(&pith_exc_TypeError,
                                   "'%.200s' object cannot be interpreted as an integer",
                                   pith_type_name(args[0]));
        i = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
        if (i == -1 && pith_err_occurred()) {
            if (pith_err_matches(&pith_exc_OverflowError)) {
                pith_err_clear();
                pith_err_set_string(&pith_exc_OverflowError,
                                    "Python int too large to convert to C ssize_t");
            }
            return NULL;
        }
    }
    if (n == 0) {
        pith_err_set_string(&pith_exc_IndexError, "pop from empty list");
        return NULL;
    }
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        pith_err_set_string(&pith_exc_IndexError, "pop index out of range");
        return NULL;
    }
    PithList *l = (PithList *)self;
    PithObject *v = l->items[i];
    memmove(&l->items[i], &l->items[i + 1], (size_t)(n - i - 1) * sizeof(PithObject *));
    list_resize(l, n - 1);
    return v;
}

/* Index of the first item == x in [start, stop), -1 if none, -2 on error. */
static intptr_t list_find(PithObject *self, PithObject *x, intptr_t start, intptr_t stop) {
    for (intptr_t i = start; i < stop && i < PITH_SIZE(self); i++) {
        PithObject *item = PITH_NEWREF(PITH_LIST_GET(self, i));
        int k = pith_richcompare_bool(item, x, PITH_EQ);
        PITH_DECREF(item);
        if (k < 0) return -2;
        if (k) return i;
    }
    return -1;
}

static PithObject *list_remove(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    intptr_t i = list_find(self, args[0], 0, INTPTR_MAX);
    if (i == -2) return NULL;
    if (i == -1) {
        pith_err_set_string(&pith_exc_ValueError, "list.remove(x): x not in list");
        return NULL;
    }
    if (list_delete_range((PithList *)self, i, i + 1) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *list_index(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    if (pith_arg_check_range("index", nargs, 1, 3) < 0) return NULL;
    intptr_t start, stop;
    if (pith_seq_index_bounds(args + 1, nargs - 1, PITH_SIZE(self), &start, &stop) < 0)
        return NULL;
    intptr_t i = list_find(self, args[0], start, stop);
    if (i == -2) return NULL;
    if (i == -1) return pith_err_format(&pith_exc_ValueError, "%R is not in list", args[0]);
    return pith_int_from_ssize(i);
}

static PithObject *list_count(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    intptr_t c = 0;
    for (intptr_t i = 0; i < PITH_SIZE(self); i++) {
        PithObject *item = PITH_NEWREF(PITH_LIST_GET(self, i));
        int k = pith_richcompare_bool(item, args[0], PITH_EQ);
        PITH_DECREF(item);
        if (k < 0) return NULL;
        c += k;
    }
    return pith_int_from_ssize(c);
}

static PithObject *list_reverse_m(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    pith_list_reverse(self);
    PITH_RETURN_NONE;
}

static PithObject *list_copy(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    return pith_list_get_slice(self, 0, PITH_SIZE(self));
}

static PithObject *list_clear_m(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    list_clear_items(self);
    PITH_RETURN_NONE;
}

static PithObject *list_sizeof(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    return pith_int_from_ssize((intptr_t)sizeof(PithList) +
                               ((PithList *)self)->allocated * (intptr_t)sizeof(void *));
}

static PithObject *list_reversed(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames);

static PithObject *list_new(PithType *type, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    PithList *l = list_alloc(type);
    if (!l) return NULL;
    pith_gc_track(l);
    return (PithObject *)l;
}

static int list_init(PithObject *self, PithObject *const *args, size_t nargs,
                     PithObject *kwnames) {
    if (PITH_TYPE(self) == &pith_list_type && pith_arg_no_kwargs("list", kwnames) < 0)
        return -1;
    if (pith_arg_check_range("list", nargs, 0, 1) < 0) return -1;
    list_clear_items(self);
    return nargs ? pith_list_extend(self, args[0]) : 0;
}

/* ---- iterators ----------------------------------------------------------- */

typedef struct {
    PithObject ob;
    intptr_t index;
    PithObject *seq; /* NULL once exhausted */
} ListIter;

static PithObject *listiter_make(PithType *t, PithObject *l, intptr_t index) {
    ListIter *it = (ListIter *)pith_gc_new(t);
    if (!it) return pith_err_no_memory();
    it->seq = PITH_NEWREF(l);
    it->index = index;
    pith_gc_track(it);
    return (PithObject *)it;
}

static PithObject *list_iter(PithObject *o) { return listiter_make(&pith_list_iter_type, o, 0); }

static PithObject *list_reversed(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    return listiter_make(&pith_list_reviter_type, self, PITH_SIZE(self) - 1);
}

static void listiter_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(((ListIter *)o)->seq);
    pith_gc_del(o);
}

static int listiter_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((ListIter *)o)->seq);
    return 0;
}

static int listiter_clear(PithObject *o) {
    PITH_CLEAR(((ListIter *)o)->seq);
    return 0;
}

static PithObject *listiter_next(PithObject *o) {
    ListIter *it = (ListIter *)o;
    if (!it->seq) return NULL;
    if (it->index < PITH_SIZE(it->seq)) return PITH_NEWREF(PITH_LIST_GET(it->seq, it->index++));
    PITH_CLEAR(it->seq);
    return NULL;
}

static PithObject *listreviter_next(PithObject *o) {
    ListIter *it = (ListIter *)o;
    if (!it->seq) return NULL;
    if (it->index >= 0 && it->index < PITH_SIZE(it->seq))
        return PITH_NEWREF(PITH_LIST_GET(it->seq, it->index--));
    PITH_CLEAR(it->seq);
    return NULL;
}

static PithObject *listiter_length_hint(PithObject *o, PithObject *const *args, size_t nargs,
                                        PithObject *kwnames) {
    ListIter *it = (ListIter *)o;
    intptr_t n = 0;
    if (it->seq) {
        if (PITH_TYPE(o) == &pith_list_iter_type) n = PITH_SIZE(it->seq) - it->index;
        else if (it->index < PITH_SIZE(it->seq)) n = it->index + 1;
    }
    return pith_int_from_ssize(n < 0 ? 0 : n);
}

static bool is_reviter(PithObject *o) { return PITH_TYPE(o) == &pith_list_reviter_type; }

static PithObject *listiter_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    ListIter *it = (ListIter *)o;
    if (!it->seq) {
        PithObject *empty = pith_list_new(0);
        PithObject *r = empty ? pith_iter_reduce_exhausted(empty) : NULL;
        PITH_XDECREF(empty);
        return r;
    }
    if (!is_reviter(o)) return pith_iter_reduce(it->seq, it->index);
    PithObject *i = pith_int_from_ssize(it->index);
    PithObject *a = i ? pith_tuple_pack(1, it->seq) : NULL;
    PithObject *r = a ? pith_tuple_pack(3, (PithObject *)&pith_reversed_type, a, i) : NULL;
    PITH_XDECREF(i);
    PITH_XDECREF(a);
    return r;
}

static PithObject *listiter_setstate(PithObject *o, PithObject *const *args, size_t nargs,
                                     PithObject *kwnames) {
    ListIter *it = (ListIter *)o;
    intptr_t i;
    if (pith_iter_state_index(args[0], &i) < 0) return NULL;
    if (it->seq) {
        intptr_t n = PITH_SIZE(it->seq);
        if (is_reviter(o))
            i = i < -1 ? -1 : (i > n - 1 ? n - 1 : i);
        else
            i = i < 0 ? 0 : (i > n ? n : i);
        it->index = i;
    }
    PITH_RETURN_NONE;
}

static PithMethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, PITH_METH_NOARGS, NULL},
    {"__reduce__", listiter_reduce, PITH_METH_NOARGS, NULL},
    {"__setstate__", listiter_setstate, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

#define LISTITER_TYPE(cname, pyname, next)                                     \
    PithType cname = {                                                         \
        PITH_VAR_HEAD_INIT(&pith_type_type, 0),                                \
        .tp_name = pyname,                                                     \
        .tp_basicsize = sizeof(ListIter),                                      \
        .tp_flags = PITH_TPFLAGS_HAVE_GC,                                      \
        .tp_dealloc = listiter_dealloc,                                        \
        .tp_traverse = listiter_traverse,                                      \
        .tp_clear = listiter_clear,                                            \
        .tp_iter = pith_iter_self,                                             \
        .tp_iternext = next,                                                   \
        .tp_methods = listiter_methods,                                        \
    }
LISTITER_TYPE(pith_list_iter_type, "list_iterator", listiter_next);
LISTITER_TYPE(pith_list_reviter_type, "list_reverseiterator", listreviter_next);

/* ---- type ---------------------------------------------------------------- */

static PithSequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static PithMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

static PithObject *list_getitem_m(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    return list_subscript(self, args[0]);
}

static PithMethodDef list_methods[] = {
    {"__getitem__", list_getitem_m, PITH_METH_O, NULL},
    {"__class_getitem__", pith_generic_alias_class_getitem, PITH_METH_O | PITH_METH_CLASS, NULL},
    {"append", list_append_m, PITH_METH_O, NULL},
    {"extend", list_extend_m, PITH_METH_O, NULL},
    {"insert", list_insert_m, PITH_METH_FAST, NULL},
    {"pop", list_pop, PITH_METH_FAST, NULL},
    {"remove", list_remove, PITH_METH_O, NULL},
    {"index", list_index, PITH_METH_FAST, NULL},
    {"count", list_count, PITH_METH_O, NULL},
    {"reverse", list_reverse_m, PITH_METH_NOARGS, NULL},
    {"sort", list_sort, PITH_METH_KW, NULL},
    {"copy", list_copy, PITH_METH_NOARGS, NULL},
    {"clear", list_clear_m, PITH_METH_NOARGS, NULL},
    {"__reversed__", list_reversed, PITH_METH_NOARGS, NULL},
    {"__sizeof__", list_sizeof, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_list_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "list",
    .tp_basicsize = sizeof(PithList),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_LIST_SUBCLASS,
    .tp_doc = "Built-in mutable sequence.",
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_hash = pith_hash_not_implemented,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_traverse = list_traverse,
    .tp_clear = list_clear_items,
    .tp_new = list_new,
    .tp_init = list_init,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_methods = list_methods,
};

int pith_list_types_init(void) {
    if (pith_type_ready(&pith_list_type) < 0 || pith_type_ready(&pith_list_iter_type) < 0 ||
        pith_type_ready(&pith_list_reviter_type) < 0)
        return -1;
    return 0;
}
