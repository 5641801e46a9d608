/* listsort.c — the stable sort behind list.sort() and sorted().
 *
 * A natural merge sort: the input is cut into runs (maximal ascending or
 * strictly descending stretches, the latter reversed in place), short runs
 * are extended to minrun items by binary insertion, then adjacent runs are
 * merged pairwise until one remains. Only "<" is used
 * (pith_richcompare_bool(a, b, PITH_LT), or a direct comparison when all
 * keys are small ints, floats or strs); elements are taken from the right
 * run only when strictly smaller, which keeps the sort stable.
 *
 * Invariant: whatever happens (including a comparison raising), the arrays
 * always hold a permutation of the input, and keys[i] stays paired with
 * values[i] (values may be NULL when the items are their own keys).
 */
#include <string.h>

#include "containers_impl.h"

/* Minimum run length, as CPython computes it: n itself below 64, else
 * the top 6 bits of n, plus one if any lower bit is set (32..64). Below 64
 * the sort is thus one run + binary insertion, exactly CPython's sequence
 * of comparisons. */
static intptr_t compute_minrun(intptr_t n) {
    intptr_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

typedef int (*LessFunc)(PithObject *a, PithObject *b); /* 1, 0, -1 */

typedef struct {
    PithObject **keys, **values; /* values NULL: no separate values */
    LessFunc lt;
} Arrays;

static int lt_generic(PithObject *a, PithObject *b) {
    return pith_richcompare_bool(a, b, PITH_LT);
}

/* Fast paths for homogeneous keys; they run no Python code, so results are
 * the same as the generic comparison. */
static int lt_small_int(PithObject *a, PithObject *b) {
    return pith_int_small_value(a) < pith_int_small_value(b);
}
static int lt_float(PithObject *a, PithObject *b) {
    return PITH_FLOAT_VALUE(a) < PITH_FLOAT_VALUE(b);
}
static int lt_str(PithObject *a, PithObject *b) { return pith_str_compare(a, b) < 0; }

static bool is_small_int(PithObject *o) {
    return pith_int_check_exact(o) && pith_int_is_small(o);
}
static bool is_float(PithObject *o) { return pith_float_check_exact(o); }
static bool is_str(PithObject *o) { return pith_str_check_exact(o); }

static LessFunc choose_less(PithObject **keys, intptr_t n) {
    static const struct {
        bool (*all)(PithObject *);
        LessFunc lt;
    } fast[] = {{is_small_int, lt_small_int}, {is_float, lt_float}, {is_str, lt_str}};
    for (size_t k = 0; k < sizeof fast / sizeof *fast; k++) {
        intptr_t i = 0;
        while (i < n && fast[k].all(keys[i])) i++;
        if (i == n) return fast[k].lt;
    }
    return lt_generic;
}

static void move_items(Arrays *d, intptr_t to, Arrays *s, intptr_t from, intptr_t n) {
    memmove(d->keys + to, s->keys + from, (size_t)n * sizeof(PithObject *));
    if (d->values) memmove(d->values + to, s->values + from, (size_t)n * sizeof(PithObject *));
}

static void reverse_items(Arrays *a, intptr_t lo, intptr_t hi) {
    for (hi--; lo < hi; lo++, hi--) {
        PithObject *t = a->keys[lo];
        a->keys[lo] = a->keys[hi];
        a->keys[hi] = t;
        if (a->values) {
            t = a->values[lo];
            a->values[lo] = a->values[hi];
            a->values[hi] = t;
        }
    }
}

/* Insertion-sort [lo, hi) knowing [lo, start) is sorted. */
static int binary_insertion(Arrays *a, intptr_t lo, intptr_t start, intptr_t hi) {
    for (intptr_t i = start; i < hi; i++) {
        PithObject *pk = a->keys[i], *pv = a->values ? a->values[i] : NULL;
        intptr_t l = lo, r = i;
        while (l < r) {
            intptr_t p = l + (r - l) / 2;
            int c = a->lt(pk, a->keys[p]);
            if (c < 0) return -1;
            if (c) r = p;
            else l = p + 1;
        }
        move_items(a, l + 1, a, l, i - l);
        a->keys[l] = pk;
        if (a->values) a->values[l] = pv;
    }
    return 0;
}

/* Length of the run starting at lo (descending runs are reversed), -1 on
 * error. */
static intptr_t count_run(Arrays *a, intptr_t lo, intptr_t hi) {
    if (hi - lo < 2) return hi - lo;
    int c = a->lt(a->keys[lo + 1], a->keys[lo]);
    if (c < 0) return -1;
    bool descending = c;
    intptr_t i = lo + 2;
    for (; i < hi; i++) {
        c = a->lt(a->keys[i], a->keys[i - 1]);
        if (c < 0) return -1;
        if (c != descending) break;
    }
    if (descending) reverse_items(a, lo, i);
    return i - lo;
}

/* Merge sorted [lo, mid) and [mid, hi) using tmp (room for mid - lo). */
static int merge(Arrays *a, Arrays *tmp, intptr_t lo, intptr_t mid, intptr_t hi) {
    int c = a->lt(a->keys[mid], a->keys[mid - 1]);
    if (c <= 0) return c; /* already in order (or error) */
    intptr_t na = mid - lo, i = 0, j = mid, dest = lo;
    move_items(tmp, 0, a, lo, na);
    while (i < na && j < hi) {
        c = a->lt(a->keys[j], tmp->keys[i]);
        if (c < 0) break;
        if (c) move_items(a, dest++, a, j++, 1);
        else move_items(a, dest++, tmp, i++, 1);
    }
    /* Remaining left items fill exactly the gap before a[j]. */
    move_items(a, dest, tmp, i, na - i);
    return c < 0 ? -1 : 0;
}

typedef struct {
    intptr_t start, len;
} Run;

/* Split into runs of at least minrun items (except the last). */
static intptr_t find_runs(Arrays *a, intptr_t n, intptr_t minrun, Run *runs) {
    intptr_t nruns = 0;
    for (intptr_t lo = 0; lo < n;) {
        intptr_t len = count_run(a, lo, n);
        if (len < 0) return -1;
        if (len < minrun) {
            intptr_t want = n - lo < minrun ? n - lo : minrun;
            if (binary_insertion(a, lo, lo + len, lo + want) < 0) return -1;
            len = want;
        }
        runs[nruns].start = lo;
        runs[nruns++].len = len;
        lo += len;
    }
    return nruns;
}

static int merge_runs(Arrays *a, Arrays *tmp, Run *runs, intptr_t nruns) {
    while (nruns > 1) {
        intptr_t out = 0;
        for (intptr_t r = 0; r < nruns; r += 2) {
            if (r + 1 == nruns) {
                runs[out++] = runs[r];
                break;
            }
            intptr_t lo = runs[r].start, mid = lo + runs[r].len;
            intptr_t hi = mid + runs[r + 1].len;
            if (merge(a, tmp, lo, mid, hi) < 0) return -1;
            runs[out].start = lo;
            runs[out++].len = hi - lo;
        }
        nruns = out;
    }
    return 0;
}

int pith_sort_items(PithObject **keys, PithObject **values, intptr_t n) {
    if (n < 2) return 0;
    Arrays a = {keys, values, choose_less(keys, n)};
    intptr_t minrun = compute_minrun(n);
    if (minrun == n) {
        intptr_t len = count_run(&a, 0, n);
        return len < 0 ? -1 : binary_insertion(&a, 0, len, n);
    }
    size_t words = (size_t)n * (values ? 2 : 1);
    PithObject **buf = pith_mem_malloc(words * sizeof(PithObject *));
    Run *runs = pith_mem_malloc(((size_t)n / 32 + 2) * sizeof(Run));
    int rc = -1;
    if (!buf || !runs) {
        pith_err_no_memory();
    } else {
        Arrays tmp = {buf, values ? buf + n : NULL, a.lt};
        intptr_t nruns = find_runs(&a, n, minrun, runs);
        if (nruns >= 0) rc = merge_runs(&a, &tmp, runs, nruns);
    }
    pith_mem_free(buf);
    pith_mem_free(runs);
    return rc;
}
