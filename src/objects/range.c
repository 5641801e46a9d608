/* range.c — range objects and their iterators (range_iterator for ranges
 * whose values fit in int64, longrange_iterator otherwise).
 *
 * Invariants: start/stop/step/length are exact ints, step != 0, length >= 0.
 * `small` is true iff start, stop, step and length all fit in int64; then
 * s_start/s_step/s_len mirror them and every element (which lies between
 * start and stop) fits in int64.
 */
#include "containers_impl.h"

typedef struct {
    PithObject ob;
    PithObject *start, *stop, *step, *length;
    bool small;
    int64_t s_start, s_step, s_len;
} PithRange;

#define RANGE(o) ((PithRange *)(o))

static PithObject *int_ssize(intptr_t v) { return pith_int_from_ssize(v); }

/* (hi - lo - 1) // step + 1 when lo < hi, else 0 (step > 0 here). */
static PithObject *count_between(PithObject *lo, PithObject *hi, PithObject *step) {
    if (pith_int_compare(lo, hi) >= 0) return int_ssize(0);
    PithObject *one = int_ssize(1), *d = pith_int_sub(hi, lo), *r = NULL;
    PithObject *d1 = d ? pith_int_sub(d, one) : NULL;
    PithObject *q = d1 ? pith_int_floordiv(d1, step) : NULL;
    if (q) r = pith_int_add(q, one);
    PITH_XDECREF(d);
    PITH_XDECREF(d1);
    PITH_XDECREF(q);
    PITH_DECREF(one);
    return r;
}

static PithObject *compute_length(PithObject *start, PithObject *stop, PithObject *step) {
    if (pith_int_sign(step) > 0) return count_between(start, stop, step);
    PithObject *neg = pith_number_negative(step);
    if (!neg) return NULL;
    PithObject *r = count_between(stop, start, neg);
    PITH_DECREF(neg);
    return r;
}

static bool fits_small(PithObject *o) { return pith_int_is_small(o); }

/* Build from exact ints (references are taken over). */
static PithObject *range_make(PithType *type, PithObject *start, PithObject *stop,
                              PithObject *step) {
    PithObject *len = compute_length(start, stop, step);
    PithRange *r = len ? (PithRange *)pith_obj_new(type) : NULL;
    if (!r) {
        PITH_DECREF(start);
        PITH_DECREF(stop);
        PITH_DECREF(step);
        PITH_XDECREF(len);
        return len ? pith_err_no_memory() : NULL;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = len;
    r->small = fits_small(start) && fits_small(stop) && fits_small(step) && fits_small(len);
    if (r->small) {
        r->s_start = pith_int_small_value(start);
        r->s_step = pith_int_small_value(step);
        r->s_len = pith_int_small_value(len);
    }
    return (PithObject *)r;
}

/* Validate via __index__ and build; NULL arguments take defaults. */
static PithObject *range_from_args(PithType *type, PithObject *a, PithObject *b,
                                   PithObject *c) {
    PithObject *start = a ? pith_number_index(a) : int_ssize(0);
    PithObject *stop = start ? pith_number_index(b) : NULL;
    PithObject *step = stop ? (c ? pith_number_index(c) : int_ssize(1)) : NULL;
    if (step && pith_int_sign(step) == 0) {
        pith_err_set_string(&pith_exc_ValueError, "range() arg 3 must not be zero");
        PITH_CLEAR(step);
    }
    if (!step) {
        PITH_XDECREF(start);
        PITH_XDECREF(stop);
        return NULL;
    }
    return range_make(type, start, stop, step);
}

PithObject *pith_range_new(PithObject *start, PithObject *stop, PithObject *step) {
    return range_from_args(&pith_range_type, start, stop, step);
}

static PithObject *range_new(PithType *type, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    if (pith_arg_no_kwargs("range", kwnames) < 0 ||
        pith_arg_check_range("range", nargs, 1, 3) < 0)
        return NULL;
    if (nargs == 1) return range_from_args(type, NULL, args[0], NULL);
    return range_from_args(type, args[0], args[1], nargs == 3 ? args[2] : NULL);
}

static void range_dealloc(PithObject *o) {
    PithRange *r = RANGE(o);
    PITH_DECREF(r->start);
    PITH_DECREF(r->stop);
    PITH_DECREF(r->step);
    PITH_DECREF(r->length);
    pith_obj_free(o);
}

static PithObject *range_repr(PithObject *o) {
    PithRange *r = RANGE(o);
    if (pith_int_small_value(r->step) == 1 && fits_small(r->step))
        return pith_str_from_format("range(%R, %R)", r->start, r->stop);
    return pith_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static intptr_t range_length(PithObject *o) { return pith_int_as_ssize(RANGE(o)->length); }

static int range_bool(PithObject *o) { return pith_int_sign(RANGE(o)->length) != 0; }

/* start + i * step for an int i (0 <= i < length). */
static PithObject *range_value_at(PithRange *r, PithObject *i) {
    if (r->small && pith_int_is_small(i))
        return pith_int_from_i64((int64_t)((uint64_t)r->s_start +
                                           (uint64_t)pith_int_small_value(i) *
                                               (uint64_t)r->s_step));
    PithObject *m = pith_int_mul(i, r->step);
    if (!m) return NULL;
    PithObject *v = pith_int_add(r->start, m);
    PITH_DECREF(m);
    return v;
}

static PithObject *index_error(void) {
    pith_err_set_string(&pith_exc_IndexError, "range object index out of range");
    return NULL;
}

static PithObject *range_item(PithObject *o, intptr_t i) {
    PithRange *r = RANGE(o);
    if (i < 0 || (r->small && i >= r->s_len)) return index_error();
    PithObject *io = int_ssize(i);
    if (!io) return NULL;
    if (!r->small && pith_int_compare(io, r->length) >= 0) {
        PITH_DECREF(io);
        return index_error();
    }
    PithObject *v = range_value_at(r, io);
    PITH_DECREF(io);
    return v;
}

/* r[i] for an arbitrary-size index. */
static PithObject *range_index_obj(PithRange *r, PithObject *key) {
    PithObject *i = pith_number_index(key);
    if (!i) return NULL;
    if (pith_int_sign(i) < 0) PITH_SETREF(i, pith_int_add(i, r->length));
    if (i && (pith_int_sign(i) < 0 || pith_int_compare(i, r->length) >= 0)) {
        PITH_DECREF(i);
        return index_error();
    }
    PithObject *v = i ? range_value_at(r, i) : NULL;
    PITH_XDECREF(i);
    return v;
}

/* A slice bound v clamped like pith_slice_adjust, in arbitrary precision:
 * to [0, len] for a positive step, [-1, len - 1] for a negative one. */
static PithObject *slice_bound(PithObject *v, PithObject *len, bool neg, bool is_start) {
    if (v == PITH_NONE) {
        if (is_start) return neg ? pith_int_sub(len, pith_int_from_i64(1)) : int_ssize(0);
        return neg ? int_ssize(-1) : PITH_NEWREF(len);
    }
    if (!pith_index_check(v))
        return pith_err_format(&pith_exc_TypeError, "slice indices must be integers or None "
                                                    "or have an __index__ method");
    PithObject *i = pith_number_index(v);
    if (i && pith_int_sign(i) < 0) {
        PITH_SETREF(i, pith_int_add(i, len));
        if (i && pith_int_sign(i) < 0) PITH_SETREF(i, int_ssize(neg ? -1 : 0));
    } else if (i && pith_int_compare(i, len) >= 0) {
        PITH_SETREF(i, neg ? pith_int_sub(len, pith_int_from_i64(1)) : PITH_NEWREF(len));
    }
    return i;
}

/* r[lo:hi:st] is range(start + lo*step, start + hi*step, st*step). */
static PithObject *range_slice(PithRange *r, PithObject *slice) {
    PithSlice *sl = (PithSlice *)slice;
    PithObject *st = sl->step == PITH_NONE ? int_ssize(1) : NULL;
    if (!st) {
        if (!pith_index_check(sl->step))
            return slice_bound(sl->step, r->length, false, false); /* raises */
        if (!(st = pith_number_index(sl->step))) return NULL;
        if (pith_int_sign(st) == 0) {
            PITH_DECREF(st);
            pith_err_set_string(&pith_exc_ValueError, "slice step cannot be zero");
            return NULL;
        }
    }
    bool neg = pith_int_sign(st) < 0;
    PithObject *lo = slice_bound(sl->start, r->length, neg, true);
    PithObject *hi = lo ? slice_bound(sl->stop, r->length, neg, false) : NULL;
    PithObject *m1 = hi ? pith_int_mul(lo, r->step) : NULL;
    PithObject *m2 = m1 ? pith_int_mul(hi, r->step) : NULL;
    PithObject *a = m2 ? pith_int_add(r->start, m1) : NULL;
    PithObject *b = a ? pith_int_add(r->start, m2) : NULL;
    PithObject *c = b ? pith_int_mul(st, r->step) : NULL;
    PithObject *res = NULL;
    if (c) {
        res = range_make(&pith_range_type, a, b, c); /* takes a, b, c */
    } else {
        PITH_XDECREF(a);
        PITH_XDECREF(b);
    }
    PITH_XDECREF(lo);
    PITH_XDECREF(hi);
    PITH_XDECREF(m1);
    PITH_XDECREF(m2);
    PITH_DECREF(st);
    return res;
}

static PithObject *range_subscript(PithObject *o, PithObject *key) {
    PithRange *r = RANGE(o);
    if (pith_int_check_exact(key) && pith_int_is_small(key) && r->small) {
        int64_t i = pith_int_small_value(key);
        if (i < 0) i += r->s_len;
        if (i < 0 || i >= r->s_len) return index_error();
        return pith_int_from_i64(
            (int64_t)((uint64_t)r->s_start + (uint64_t)i * (uint64_t)r->s_step));
    }
    if (pith_index_check(key)) return range_index_obj(r, key);
    if (pith_slice_check(key)) return range_slice(r, key);
    return pith_err_format(&pith_exc_TypeError,
                           "range indices must be integers or slices, not %.200s",
                           pith_type_name(key));
}

/* ---- searching ----------------------------------------------------------- */

/* Is the int v an element? 1/0/-1. */
static int range_has_int(PithRange *r, PithObject *v) {
    if (r->small && pith_int_is_small(v)) {
        __int128 off = (__int128)pith_int_small_value(v) - r->s_start;
        if (off % r->s_step != 0) return 0;
        __int128 idx = off / r->s_step;
        return idx >= 0 && idx < r->s_len;
    }
    int s = pith_int_sign(r->step);
    int c1 = pith_int_compare(v, r->start), c2 = pith_int_compare(v, r->stop);
    if (s > 0 ? (c1 < 0 || c2 >= 0) : (c1 > 0 || c2 <= 0)) return 0;
    PithObject *d = pith_int_sub(v, r->start);
    PithObject *m = d ? pith_int_mod(d, r->step) : NULL;
    PITH_XDECREF(d);
    if (!m) return -1;
    int res = pith_int_sign(m) == 0;
    PITH_DECREF(m);
    return res;
}

static bool is_plain_int(PithObject *o) {
    return pith_int_check_exact(o) || pith_bool_check(o);
}

/* Generic search by iteration: count of matches, or the first index when
 * want_index (-1 if none); -2 on error. */
static intptr_t range_iter_search(PithObject *o, PithObject *x, bool want_index) {
    PithObject *it = pith_get_iter(o), *item;
    if (!it) return -2;
    intptr_t n = 0, i = 0;
    while ((item = pith_iter_next(it))) {
        int k = pith_richcompare_bool(item, x, PITH_EQ);
        PITH_DECREF(item);
        if (k < 0) break;
        if (k && want_index) {
            PITH_DECREF(it);
            return i;
        }
        n += k;
        i++;
    }
    PITH_DECREF(it);
    if (pith_err_occurred()) return -2;
    return want_index ? -1 : n;
}

static int range_contains(PithObject *o, PithObject *x) {
    if (is_plain_int(x)) return range_has_int(RANGE(o), x);
    intptr_t n = range_iter_search(o, x, true);
    return n == -2 ? -1 : n >= 0;
}

static PithObject *range_count(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    if (is_plain_int(args[0])) {
        int k = range_has_int(RANGE(self), args[0]);
        return k < 0 ? NULL : int_ssize(k);
    }
    intptr_t n = range_iter_search(self, args[0], false);
    return n == -2 ? NULL : int_ssize(n);
}

static PithObject *range_index(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    PithRange *r = RANGE(self);
    if (is_plain_int(args[0])) {
        int k = range_has_int(r, args[0]);
        if (k < 0) return NULL;
        if (!k) return pith_err_format(&pith_exc_ValueError, "%R is not in range", args[0]);
        PithObject *d = pith_int_sub(args[0], r->start);
        PithObject *q = d ? pith_int_floordiv(d, r->step) : NULL;
        PITH_XDECREF(d);
        return q;
    }
    intptr_t n = range_iter_search(self, args[0], true);
    if (n == -2) return NULL;
    if (n == -1) {
        pith_err_set_string(&pith_exc_ValueError, "sequence.index(x): x not in sequence");
        return NULL;
    }
    return int_ssize(n);
}

/* ---- comparison and hashing ---------------------------------------------- */

static int range_equal(PithRange *a, PithRange *b) {
    if (a == b) return 1;
    int k = pith_richcompare_bool(a->length, b->length, PITH_EQ);
    if (k <= 0) return k;
    if (pith_int_sign(a->length) == 0) return 1;
    k = pith_richcompare_bool(a->start, b->start, PITH_EQ);
    if (k <= 0) return k;
    if (pith_int_small_value(a->length) == 1 && fits_small(a->length)) return 1;
    return pith_richcompare_bool(a->step, b->step, PITH_EQ);
}

static PithObject *range_richcompare(PithObject *v, PithObject *w, int op) {
    if (PITH_TYPE(w) != &pith_range_type || (op != PITH_EQ && op != PITH_NE))
        PITH_RETURN_NOTIMPL;
    int k = range_equal(RANGE(v), RANGE(w));
    if (k < 0) return NULL;
    return pith_bool_from(op == PITH_EQ ? k : !k);
}

static intptr_t range_hash(PithObject *o) {
    PithRange *r = RANGE(o);
    PithObject *t;
    int sign = pith_int_sign(r->length);
    bool one = fits_small(r->length) && pith_int_small_value(r->length) == 1;
    if (sign == 0) t = pith_tuple_pack(3, r->length, PITH_NONE, PITH_NONE);
    else if (one) t = pith_tuple_pack(3, r->length, r->start, PITH_NONE);
    else t = pith_tuple_pack(3, r->length, r->start, r->step);
    if (!t) return -1;
    intptr_t h = pith_hash(t);
    PITH_DECREF(t);
    return h;
}

/* ---- iterators ----------------------------------------------------------- */

typedef struct {
    PithObject ob;
    int64_t start, step, len, index; /* yields start + index*step, index < len */
} RangeIter;

typedef struct {
    PithObject ob;
    PithObject *next, *step, *remaining; /* ints */
    PithObject *start, *len;             /* as created, for pickling */
} LongRangeIter;

/* An iterator over len values from start by step; `small` says they all
 * fit in int64. */
static PithObject *make_iter(bool small, PithObject *start, PithObject *step, PithObject *len) {
    if (small) {
        RangeIter *it = (RangeIter *)pith_obj_new(&pith_range_iter_type);
        if (!it) return pith_err_no_memory();
        it->start = pith_int_small_value(start);
        it->step = pith_int_small_value(step);
        it->len = pith_int_small_value(len);
        return (PithObject *)it;
    }
    LongRangeIter *it = (LongRangeIter *)pith_obj_new(&pith_longrange_iter_type);
    if (!it) return pith_err_no_memory();
    it->next = PITH_NEWREF(start);
    it->step = PITH_NEWREF(step);
    it->remaining = PITH_NEWREF(len);
    it->start = PITH_NEWREF(start);
    it->len = PITH_NEWREF(len);
    return (PithObject *)it;
}

static PithObject *range_iter(PithObject *o) {
    PithRange *r = RANGE(o);
    return make_iter(r->small, r->start, r->step, r->length);
}

static PithObject *range_reversed(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    PithRange *r = RANGE(self);
    if (pith_int_sign(r->length) == 0) return make_iter(r->small, r->start, r->step, r->length);
    PithObject *one = int_ssize(1), *last_i = pith_int_sub(r->length, one);
    PithObject *last = last_i ? range_value_at(r, last_i) : NULL;
    PithObject *neg = last ? pith_number_negative(r->step) : NULL;
    PithObject *it = neg ? make_iter(r->small && fits_small(neg), last, neg, r->length) : NULL;
    PITH_DECREF(one);
    PITH_XDECREF(last_i);
    PITH_XDECREF(last);
    PITH_XDECREF(neg);
    return it;
}

static PithObject *rangeiter_next(PithObject *o) {
    RangeIter *it = (RangeIter *)o;
    if (it->index >= it->len) return NULL;
    uint64_t v = (uint64_t)it->start + (uint64_t)(it->index++) * (uint64_t)it->step;
    return pith_int_from_i64((int64_t)v);
}

static PithObject *rangeiter_length_hint(PithObject *o, PithObject *const *args,
                                         size_t nargs, PithObject *kwnames) {
    RangeIter *it = (RangeIter *)o;
    return pith_int_from_i64(it->len - it->index);
}

static void longrangeiter_dealloc(PithObject *o) {
    LongRangeIter *it = (LongRangeIter *)o;
    PITH_DECREF(it->next);
    PITH_DECREF(it->step);
    PITH_DECREF(it->remaining);
    PITH_DECREF(it->start);
    PITH_DECREF(it->len);
    pith_obj_free(o);
}

static PithObject *longrangeiter_next(PithObject *o) {
    LongRangeIter *it = (LongRangeIter *)o;
    if (pith_int_sign(it->remaining) <= 0) return NULL;
    PithObject *one = int_ssize(1);
    PithObject *rem = pith_int_sub(it->remaining, one);
    PITH_DECREF(one);
    PithObject *nxt = rem ? pith_int_add(it->next, it->step) : NULL;
    if (!nxt) {
        PITH_XDECREF(rem);
        return NULL;
    }
    PithObject *v = it->next;
    it->next = nxt;
    PITH_SETREF(it->remaining, rem);
    return v;
}

static PithObject *longrangeiter_length_hint(PithObject *o, PithObject *const *args,
                                             size_t nargs, PithObject *kwnames) {
    return PITH_NEWREF(((LongRangeIter *)o)->remaining);
}

/* (iter, (range(start, start + len*step, step),), index) as CPython. */
static PithObject *iter_reduce_range(PithObject *start, PithObject *step, PithObject *len,
                                     PithObject *index) {
    PithObject *span = pith_int_mul(len, step);
    PithObject *stop = span ? pith_int_add(start, span) : NULL;
    PithObject *rng = stop ? pith_range_new(start, stop, step) : NULL;
    intptr_t i = rng ? pith_number_as_ssize(index, &pith_exc_OverflowError) : -1;
    PithObject *r = rng && !(i == -1 && pith_err_occurred()) ? pith_iter_reduce(rng, i) : NULL;
    PITH_XDECREF(span);
    PITH_XDECREF(stop);
    PITH_XDECREF(rng);
    return r;
}

static PithObject *rangeiter_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    RangeIter *it = (RangeIter *)o;
    PithObject *v[4] = {pith_int_from_i64(it->start), pith_int_from_i64(it->step),
                        pith_int_from_i64(it->len), pith_int_from_i64(it->index)};
    PithObject *r = v[0] && v[1] && v[2] && v[3] ? iter_reduce_range(v[0], v[1], v[2], v[3])
                                                 : NULL;
    for (int k = 0; k < 4; k++) PITH_XDECREF(v[k]);
    return r;
}

static PithObject *rangeiter_setstate(PithObject *o, PithObject *const *args, size_t nargs,
                                      PithObject *kwnames) {
    RangeIter *it = (RangeIter *)o;
    intptr_t i = 0;
    PithObject *r = pith_iter_setstate_fwd(args[0], (intptr_t)it->len, &i);
    if (r) it->index = i;
    return r;
}

static PithObject *longrangeiter_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                                        PithObject *kwnames) {
    LongRangeIter *it = (LongRangeIter *)o;
    PithObject *index = pith_int_sub(it->len, it->remaining);
    PithObject *r = index ? iter_reduce_range(it->start, it->step, it->len, index) : NULL;
    PITH_XDECREF(index);
    return r;
}

static PithObject *longrangeiter_setstate(PithObject *o, PithObject *const *args, size_t nargs,
                                          PithObject *kwnames) {
    LongRangeIter *it = (LongRangeIter *)o;
    PithObject *i = args[0];
    if (!pith_int_check(i)) {
        pith_err_set_string(&pith_exc_TypeError, "an integer is required");
        return NULL;
    }
    PithObject *zero = pith_int_from_i64(0);
    if (!zero) return NULL;
    /* clamp to [0, len] */
    i = pith_int_compare(i, zero) < 0 ? zero : (pith_int_compare(i, it->len) > 0 ? it->len : i);
    PithObject *rem = pith_int_sub(it->len, i);
    PithObject *off = rem ? pith_int_mul(i, it->step) : NULL;
    PithObject *nxt = off ? pith_int_add(it->start, off) : NULL;
    PITH_DECREF(zero);
    PITH_XDECREF(off);
    if (!nxt) {
        PITH_XDECREF(rem);
        return NULL;
    }
    PITH_SETREF(it->remaining, rem);
    PITH_SETREF(it->next, nxt);
    PITH_RETURN_NONE;
}

static PithMethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, PITH_METH_NOARGS, NULL},
    {"__reduce__", rangeiter_reduce, PITH_METH_NOARGS, NULL},
    {"__setstate__", rangeiter_setstate, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PithMethodDef longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_length_hint, PITH_METH_NOARGS, NULL},
    {"__reduce__", longrangeiter_reduce, PITH_METH_NOARGS, NULL},
    {"__setstate__", longrangeiter_setstate, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static void plain_dealloc(PithObject *o) { pith_obj_free(o); }

PithType pith_range_iter_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(RangeIter),
    .tp_dealloc = plain_dealloc,
    .tp_iter = pith_iter_self,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

PithType pith_longrange_iter_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(LongRangeIter),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_iter = pith_iter_self,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};

/* ---- type ---------------------------------------------------------------- */

static PithNumberMethods range_as_number = {.nb_bool = range_bool};

static PithSequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static PithMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

static PithObject *range_reduce(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    PithRange *r = RANGE(self);
    return pith_reduce_args3(&pith_range_type, r->start, r->stop, r->step);
}

static PithMethodDef range_methods[] = {
    {"count", range_count, PITH_METH_O, NULL},
    {"index", range_index, PITH_METH_O, NULL},
    {"__reversed__", range_reversed, PITH_METH_NOARGS, NULL},
    {"__reduce__", range_reduce, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithMemberDef range_members[] = {
    {"start", PITH_MEMBER_OBJECT, offsetof(PithRange, start), PITH_READONLY, NULL},
    {"stop", PITH_MEMBER_OBJECT, offsetof(PithRange, stop), PITH_READONLY, NULL},
    {"step", PITH_MEMBER_OBJECT, offsetof(PithRange, step), PITH_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PithType pith_range_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "range",
    .tp_basicsize = sizeof(PithRange),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_hash = range_hash,
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_new = range_new,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_methods = range_methods,
    .tp_members = range_members,
};

int pith_range_types_init(void) {
    PithType *types[] = {&pith_range_type, &pith_range_iter_type, &pith_longrange_iter_type,
                         &pith_slice_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (pith_type_ready(types[i]) < 0) return -1;
    return 0;
}
