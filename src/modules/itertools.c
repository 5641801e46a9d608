/* itertools.c — the `itertools` module: CPython 3.11's iterator building
 * blocks with its argument checks, error messages and reprs.
 *
 * Every iterator type shares one object layout (It): up to five owned
 * object references a..e (meaning per type, any may be NULL), scalar state
 * i/j/k/cnt, and for the combinatoric types two raw index arrays. One
 * dealloc/traverse/clear serves them all. Iterators drop their source when
 * exhausted, so a finished iterator stays finished. */
#include <string.h>

#include "pith/pith.h"

typedef struct {
    PithObject ob;
    PithObject *a, *b, *c, *d, *e; /* owned, may be NULL */
    intptr_t i, j, k, cnt;         /* scalar state (per type) */
    intptr_t *ix, *cy;         /* index arrays (raw memory) or NULL */
    bool stopped;
} It;

#define IT(o) ((It *)(o))

static void it_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    It *it = IT(o);
    PITH_XDECREF(it->a);
    PITH_XDECREF(it->b);
    PITH_XDECREF(it->c);
    PITH_XDECREF(it->d);
    PITH_XDECREF(it->e);
    pith_mem_free(it->ix);
    pith_mem_free(it->cy);
    pith_gc_del(o);
}

static int it_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(IT(o)->a);
    PITH_VISIT(IT(o)->b);
    PITH_VISIT(IT(o)->c);
    PITH_VISIT(IT(o)->d);
    PITH_VISIT(IT(o)->e);
    return 0;
}

static int it_clear(PithObject *o) {
    PITH_CLEAR(IT(o)->a);
    PITH_CLEAR(IT(o)->b);
    PITH_CLEAR(IT(o)->c);
    PITH_CLEAR(IT(o)->d);
    PITH_CLEAR(IT(o)->e);
    return 0;
}

/* Allocate an iterator of type t holding new references to a..d. */
static PithObject *it_new(PithType *t, PithObject *a, PithObject *b, PithObject *c,
                          PithObject *d) {
    It *it = (It *)pith_gc_new(t);
    if (!it) return pith_err_no_memory();
    it->a = a ? PITH_NEWREF(a) : NULL;
    it->b = b ? PITH_NEWREF(b) : NULL;
    it->c = c ? PITH_NEWREF(c) : NULL;
    it->d = d ? PITH_NEWREF(d) : NULL;
    pith_gc_track(it);
    return (PithObject *)it;
}

/* Like it_new but takes ownership of a (the usual "source iterator"). */
static PithObject *it_new_steal(PithType *t, PithObject *a, PithObject *b, PithObject *c) {
    if (!a) return NULL;
    PithObject *r = it_new(t, a, b, c, NULL);
    PITH_DECREF(a);
    return r;
}

static PithObject *self_iter(PithObject *o) { return PITH_NEWREF(o); }

/* Exact-type instances reject keyword arguments, as CPython's do. */
static int no_kw(PithType *t, PithType *own, const char *name, PithObject *kwnames) {
    return t == own ? pith_arg_no_kwargs(name, kwnames) : 0;
}

/* next(it) where it may be NULL (exhausted source). */
static PithObject *next_of(PithObject *it) { return it ? pith_iter_next(it) : NULL; }

#define ITER_TYPE(var, name, newf, nextf, extra...)                                       \
    PithType var = {                                                                      \
        PITH_VAR_HEAD_INIT(&pith_type_type, 0),                                           \
        .tp_name = name,                                                                  \
        .tp_basicsize = sizeof(It),                                                       \
        .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,                         \
        .tp_dealloc = it_dealloc,                                                         \
        .tp_traverse = it_traverse,                                                       \
        .tp_clear = it_clear,                                                             \
        .tp_iter = self_iter,                                                             \
        .tp_iternext = nextf,                                                             \
        .tp_new = newf,                                                                   \
        extra}

static PithType count_type, cycle_type, repeat_type, accumulate_type, chain_type,
    compress_type, dropwhile_type, takewhile_type, filterfalse_type, groupby_type,
    grouper_type, islice_type, pairwise_type, starmap_type, tee_type, teedata_type,
    zip_longest_type, product_type, permutations_type, combinations_type, cwr_type;

/* ---- count(start=0, step=1): a = current value, b = step ------------------------------ */

static bool is_number(PithObject *o) {
    PithNumberMethods *nb = PITH_TYPE(o)->tp_as_number;
    return pith_complex_check(o) ||
           (nb && (nb->nb_index || nb->nb_int || nb->nb_float));
}

static PithObject *count_new(PithType *t, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    static const char *const kw[] = {"start", "step"};
    static const PithArgSpec spec = {"count", kw, 2, 0, 0, 2};
    PithObject *out[2] = {NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, out) < 0) return NULL;
    PithObject *start = out[0], *step = out[1];
    if ((start && !is_number(start)) || (step && !is_number(step)))
        return pith_err_format(&pith_exc_TypeError, "a number is required");
    PithObject *zero = pith_int_from_i64(0), *one = pith_int_from_i64(1);
    PithObject *r = it_new(t, start ? start : zero, step ? step : one, NULL, NULL);
    PITH_DECREF(zero);
    PITH_DECREF(one);
    return r;
}

static PithObject *count_next(PithObject *o) {
    It *it = IT(o);
    PithObject *n = pith_number_add(it->a, it->b);
    if (!n) return NULL;
    PithObject *cur = it->a;
    it->a = n;
    return cur;
}

static PithObject *count_repr(PithObject *o) {
    It *it = IT(o);
    PithObject *name = pith_type_get_name(PITH_TYPE(o));
    if (!name) return NULL;
    PithObject *r;
    if (pith_int_check_exact(it->b) && pith_int_small_value(it->b) == 1 &&
        pith_richcompare_bool(it->b, PITH_TRUE, PITH_EQ) == 1)
        r = pith_str_from_format("%U(%R)", name, it->a);
    else
        r = pith_str_from_format("%U(%R, %R)", name, it->a, it->b);
    PITH_DECREF(name);
    return r;
}

static ITER_TYPE(count_type, "itertools.count", count_new, count_next, .tp_repr = count_repr);

/* ---- cycle(iterable): a = source, b = saved list, i = replay index --------------------- */

static PithObject *cycle_new(PithType *t, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    if (no_kw(t, &cycle_type, "cycle", kwnames) < 0 ||
        pith_arg_check_range("cycle", nargs, 1, 1) < 0)
        return NULL;
    PithObject *src = pith_get_iter(args[0]);
    if (!src) return NULL;
    PithObject *saved = pith_list_new(0);
    PithObject *r = saved ? it_new(t, src, saved, NULL, NULL) : NULL;
    PITH_DECREF(src);
    PITH_XDECREF(saved);
    return r;
}

static PithObject *cycle_next(PithObject *o) {
    It *it = IT(o);
    if (it->a) {
        PithObject *v = pith_iter_next(it->a);
        if (v) {
            if (pith_list_append(it->b, v) < 0) {
                PITH_DECREF(v);
                return NULL;
            }
            return v;
        }
        if (pith_err_occurred()) return NULL;
        PITH_CLEAR(it->a);
        it->i = 0;
    }
    if (PITH_SIZE(it->b) == 0) return NULL;
    if (it->i >= PITH_SIZE(it->b)) it->i = 0;
    return PITH_NEWREF(PITH_LIST_GET(it->b, it->i++));
}

static ITER_TYPE(cycle_type, "itertools.cycle", cycle_new, cycle_next);

/* ---- repeat(object[, times]): a = object, i = remaining (-1 = forever) ------------------ */

static PithObject *repeat_new(PithType *t, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    static const char *const kw[] = {"object", "times"};
    static const PithArgSpec spec = {"repeat", kw, 2, 0, 1, 2};
    PithObject *out[2] = {NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, out) < 0) return NULL;
    intptr_t n = -1;
    if (out[1]) {
        n = pith_number_as_ssize(out[1], &pith_exc_OverflowError);
        if (n == -1 && pith_err_occurred()) return NULL;
        if (n < 0) n = 0;
    }
    PithObject *r = it_new(t, out[0], NULL, NULL, NULL);
    if (r) IT(r)->i = n;
    return r;
}

static PithObject *repeat_next(PithObject *o) {
    It *it = IT(o);
    if (it->i == 0) return NULL;
    if (it->i > 0) it->i--;
    return PITH_NEWREF(it->a);
}

static PithObject *repeat_repr(PithObject *o) {
    PithObject *name = pith_type_get_name(PITH_TYPE(o));
    if (!name) return NULL;
    PithObject *r = IT(o)->i < 0 ? pith_str_from_format("%U(%R)", name, IT(o)->a)
                                 : pith_str_from_format("%U(%R, %zd)", name, IT(o)->a, IT(o)->i);
    PITH_DECREF(name);
    return r;
}

static PithObject *repeat_length_hint(PithObject *self, PithObject *const *a, size_t n,
                                      PithObject *k) {
    if (IT(self)->i < 0) {
        pith_err_set_string(&pith_exc_TypeError, "len() of unsized object");
        return NULL;
    }
    return pith_int_from_ssize(IT(self)->i);
}

static PithMethodDef repeat_methods[] = {
    {"__length_hint__", repeat_length_hint, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static ITER_TYPE(repeat_type, "itertools.repeat", repeat_new, repeat_next,
                 .tp_repr = repeat_repr, .tp_methods = repeat_methods);

/* ---- accumulate(iterable, func=None, *, initial=None) ----------------------------------
 * a = source, b = func, c = running total, d = pending initial value. */

static PithObject *accumulate_new(PithType *t, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    static const char *const kw[] = {"iterable", "func", "initial"};
    static const PithArgSpec spec = {"accumulate", kw, 3, 0, 1, 2};
    PithObject *out[3] = {NULL, NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, out) < 0) return NULL;
    PithObject *func = out[1] == PITH_NONE ? NULL : out[1];
    PithObject *init = out[2] == PITH_NONE ? NULL : out[2];
    PithObject *r = it_new_steal(t, pith_get_iter(out[0]), func, NULL);
    if (r && init) IT(r)->d = PITH_NEWREF(init);
    return r;
}

static PithObject *accumulate_next(PithObject *o) {
    It *it = IT(o);
    if (it->d) {
        PITH_SETREF(it->c, PITH_NEWREF(it->d));
        PITH_CLEAR(it->d);
        return PITH_NEWREF(it->c);
    }
    PithObject *v = next_of(it->a);
    if (!v) return NULL;
    if (!it->c) {
        it->c = v;
        return PITH_NEWREF(v);
    }
    PithObject *nt;
    if (it->b) {
        PithObject *cargs[2] = {it->c, v};
        nt = pith_call(it->b, cargs, 2, NULL);
    } else {
        nt = pith_number_add(it->c, v);
    }
    PITH_DECREF(v);
    if (!nt) return NULL;
    PITH_SETREF(it->c, nt);
    return PITH_NEWREF(nt);
}

static ITER_TYPE(accumulate_type, "itertools.accumulate", accumulate_new, accumulate_next);

/* ---- chain(*iterables), chain.from_iterable(it): a = iterator of iterables, b = active -- */

static PithObject *chain_new(PithType *t, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    if (no_kw(t, &chain_type, "chain", kwnames) < 0) return NULL;
    PithObject *tup = pith_tuple_new((intptr_t)nargs);
    if (!tup) return NULL;
    for (size_t i = 0; i < nargs; i++) PITH_TUPLE_SET(tup, i, PITH_NEWREF(args[i]));
    PithObject *src = pith_get_iter(tup);
    PITH_DECREF(tup);
    return it_new_steal(t, src, NULL, NULL);
}

static PithObject *chain_from_iterable(PithObject *cls, PithObject *const *args, size_t nargs,
                                       PithObject *kwnames) {
    return it_new_steal((PithType *)cls, pith_get_iter(args[0]), NULL, NULL);
}

static PithObject *chain_next(PithObject *o) {
    It *it = IT(o);
    while (it->a) {
        if (!it->b) {
            PithObject *iterable = pith_iter_next(it->a);
            if (!iterable) {
                PITH_CLEAR(it->a);
                return NULL;
            }
            it->b = pith_get_iter(iterable);
            PITH_DECREF(iterable);
            if (!it->b) return NULL;
        }
        PithObject *v = pith_iter_next(it->b);
        if (v || pith_err_occurred()) return v;
        PITH_CLEAR(it->b);
    }
    return NULL;
}

static PithMethodDef chain_methods[] = {
    {"from_iterable", chain_from_iterable, PITH_METH_O | PITH_METH_CLASS, NULL},
    {"__class_getitem__", pith_generic_alias_class_getitem, PITH_METH_O | PITH_METH_CLASS,
     NULL},
    {NULL, NULL, 0, NULL},
};

static ITER_TYPE(chain_type, "itertools.chain", chain_new, chain_next,
                 .tp_methods = chain_methods);

/* ---- two-argument filters: compress, dropwhile, takewhile, filterfalse, starmap -------
 * a = source (data), b = function or selectors iterator. */

static PithObject *pair_new(PithType *t, PithType *own, const char *name, PithObject *const *args,
                            size_t nargs, PithObject *kwnames, bool iter_b) {
    if (no_kw(t, own, name, kwnames) < 0 || pith_arg_check_range(name, nargs, 2, 2) < 0)
        return NULL;
    PithObject *src = pith_get_iter(args[iter_b ? 0 : 1]);
    if (!src) return NULL;
    PithObject *b = iter_b ? pith_get_iter(args[1]) : PITH_NEWREF(args[0]);
    if (!b) {
        PITH_DECREF(src);
        return NULL;
    }
    PithObject *r = it_new(t, src, b == PITH_NONE ? NULL : b, NULL, NULL);
    PITH_DECREF(src);
    PITH_DECREF(b);
    return r;
}

static PithObject *compress_new(PithType *t, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    static const char *const kw[] = {"data", "selectors"};
    static const PithArgSpec spec = {"compress", kw, 2, 0, 2, 2};
    PithObject *out[2] = {NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, out) < 0) return NULL;
    return pair_new(t, &compress_type, "compress", out, 2, NULL, true);
}

static PithObject *compress_next(PithObject *o) {
    It *it = IT(o);
    for (;;) {
        PithObject *d = next_of(it->a);
        if (!d) return NULL;
        PithObject *s = next_of(it->b);
        if (!s) {
            PITH_DECREF(d);
            return NULL;
        }
        int ok = pith_is_true(s);
        PITH_DECREF(s);
        if (ok) {
            if (ok < 0) PITH_CLEAR(d);
            return d;
        }
        PITH_DECREF(d);
    }
}

static ITER_TYPE(compress_type, "itertools.compress", compress_new, compress_next);

/* pred(v) as a truth value; a NULL pred means bool(v). */
static int test(PithObject *pred, PithObject *v) {
    if (!pred) return pith_is_true(v);
    PithObject *r = pith_call_one(pred, v);
    if (!r) return -1;
    int ok = pith_is_true(r);
    PITH_DECREF(r);
    return ok;
}

static PithObject *dropwhile_new(PithType *t, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    return pair_new(t, &dropwhile_type, "dropwhile", args, nargs, kwnames, false);
}

static PithObject *dropwhile_next(PithObject *o) {
    It *it = IT(o);
    for (;;) {
        PithObject *v = next_of(it->a);
        if (!v) return NULL;
        if (it->stopped) return v;
        int ok = test(it->b ? it->b : PITH_NONE, v);
        if (ok == 0) {
            it->stopped = true;
            return v;
        }
        PITH_DECREF(v);
        if (ok < 0) return NULL;
    }
}

static ITER_TYPE(dropwhile_type, "itertools.dropwhile", dropwhile_new, dropwhile_next);

static PithObject *takewhile_new(PithType *t, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    return pair_new(t, &takewhile_type, "takewhile", args, nargs, kwnames, false);
}

static PithObject *takewhile_next(PithObject *o) {
    It *it = IT(o);
    if (it->stopped) return NULL;
    PithObject *v = next_of(it->a);
    if (!v) return NULL;
    int ok = test(it->b ? it->b : PITH_NONE, v);
    if (ok > 0) return v;
    PITH_DECREF(v);
    if (ok == 0) it->stopped = true;
    return NULL;
}

static ITER_TYPE(takewhile_type, "itertools.takewhile", takewhile_new, takewhile_next);

static PithObject *filterfalse_new(PithType *t, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    return pair_new(t, &filterfalse_type, "filterfalse", args, nargs, kwnames, false);
}

static PithObject *filterfalse_next(PithObject *o) {
    It *it = IT(o);
    for (;;) {
        PithObject *v = next_of(it->a);
        if (!v) return NULL;
        int ok = test(it->b, v);
        if (ok == 0) return v;
        PITH_DECREF(v);
        if (ok < 0) return NULL;
    }
}

static ITER_TYPE(filterfalse_type, "itertools.filterfalse", filterfalse_new, filterfalse_next);

static PithObject *starmap_new(PithType *t, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    return pair_new(t, &starmap_type, "starmap", args, nargs, kwnames, false);
}

static PithObject *starmap_next(PithObject *o) {
    It *it = IT(o);
    PithObject *v = next_of(it->a);
    if (!v) return NULL;
    PithObject *tup = pith_tuple_check(v) ? PITH_NEWREF(v) : pith_sequence_tuple(v);
    PITH_DECREF(v);
    if (!tup) return NULL;
    PithObject *r = pith_call_tuple_dict(it->b ? it->b : PITH_NONE, tup, NULL);
    PITH_DECREF(tup);
    return r;
}

static ITER_TYPE(starmap_type, "itertools.starmap", starmap_new, starmap_next);

/* ---- groupby(iterable, key=None) ---------------------------------------------------------
 * groupby: a = source, b = key function, c = target key, d = current key,
 * e = current value; j = address of the current _grouper (compared only,
 * never dereferenced), so an older grouper finds itself stale. */

static PithObject *groupby_new(PithType *t, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    static const char *const kw[] = {"iterable", "key"};
    static const PithArgSpec spec = {"groupby", kw, 2, 0, 1, 2};
    PithObject *out[2] = {NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, out) < 0) return NULL;
    PithObject *key = out[1] == PITH_NONE ? NULL : out[1];
    return it_new_steal(t, pith_get_iter(out[0]), key, NULL);
}

static int groupby_step(PithObject *gb) {
    It *it = IT(gb);
    PithObject *v = next_of(it->a);
    if (!v) return -1;
    PithObject *k = it->b ? pith_call_one(it->b, v) : PITH_NEWREF(v);
    if (!k) {
        PITH_DECREF(v);
        return -1;
    }
    PITH_SETREF(it->e, v);
    PITH_SETREF(it->d, k);
    return 0;
}

static PithObject *grouper_new_internal(PithObject *parent, PithObject *tgtkey) {
    PithObject *g = it_new(&grouper_type, parent, tgtkey, NULL, NULL);
    if (g) IT(parent)->j = (intptr_t)g;
    return g;
}

static PithObject *groupby_next(PithObject *o) {
    It *it = IT(o);
    it->j = 0;
    for (;;) {
        if (!it->d) {
            /* no current key yet: read one */
        } else if (!it->c) {
            break;
        } else {
            int eq = pith_richcompare_bool(it->c, it->d, PITH_EQ);
            if (eq < 0) return NULL;
            if (eq == 0) break;
        }
        if (groupby_step(o) < 0) return NULL;
    }
    PITH_SETREF(it->c, PITH_NEWREF(it->d));
    PithObject *g = grouper_new_internal(o, it->c);
    if (!g) return NULL;
    PithObject *r = pith_tuple_pack(2, it->d, g);
    PITH_DECREF(g);
    return r;
}

static ITER_TYPE(groupby_type, "itertools.groupby", groupby_new, groupby_next);

/* _grouper: a = parent groupby, b = target key. */
static PithObject *grouper_next(PithObject *o) {
    It *g = IT(o);
    PithObject *gb = g->a;
    if (IT(gb)->j != (intptr_t)o) return NULL;
    if (!IT(gb)->e && groupby_step(gb) < 0) return NULL;
    int eq = pith_richcompare_bool(g->b, IT(gb)->d, PITH_EQ);
    if (eq <= 0) return NULL;
    PithObject *v = IT(gb)->e;
    IT(gb)->e = NULL;
    return v;
}

static PithObject *grouper_new(PithType *t, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    if (no_kw(t, &grouper_type, "_grouper", kwnames) < 0 ||
        pith_arg_check_range("_grouper", nargs, 2, 2) < 0)
        return NULL;
    if (!pith_type_ok(args[0], &groupby_type))
        return pith_err_format(&pith_exc_TypeError,
                               "_grouper() argument 1 must be itertools.groupby, not %T", args[0]);
    return grouper_new_internal(args[0], args[1]);
}

static ITER_TYPE(grouper_type, "itertools._grouper", grouper_new, grouper_next);

/* ---- islice(iterable, stop) / islice(iterable, start, stop[, step]) ----------------------
 * a = source, i = index of the next item to yield, j = stop (-1 = none),
 * k = step, cnt = items consumed from the source so far. */

static int islice_index(PithObject *o, intptr_t *out, const char *msg) {
    if (o == PITH_NONE) return 0;
    if (pith_index_check(o)) {
        intptr_t v = pith_number_as_ssize(o, NULL);
        if (v == -1 && pith_err_occurred()) return -1;
        if (v >= 0) {
            *out = v;
            return 0;
        }
    } else if (pith_err_occurred()) {
        return -1;
    }
    pith_err_set_string(&pith_exc_ValueError, msg);
    return -1;
}

static PithObject *islice_new(PithType *t, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    if (no_kw(t, &islice_type, "islice", kwnames) < 0 ||
        pith_arg_check_range("islice", nargs, 2, 4) < 0)
        return NULL;
    static const char stop_msg[] =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    static const char idx_msg[] =
        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    intptr_t start = 0, stop = -1, step = 1;
    if (nargs == 2) {
        if (islice_index(args[1], &stop, stop_msg) < 0) return NULL;
    } else {
        if (islice_index(args[2], &stop, stop_msg) < 0 ||
            islice_index(args[1], &start, idx_msg) < 0)
            return NULL;
        if (nargs == 4 && args[3] != PITH_NONE) {
            step = -1;
            if (pith_index_check(args[3])) {
                step = pith_number_as_ssize(args[3], NULL);
                if (step == -1 && pith_err_occurred()) return NULL;
            }
            if (step < 1) {
                pith_err_set_string(&pith_exc_ValueError,
                                    "Step for islice() must be a positive integer or None.");
                return NULL;
            }
        }
    }
    PithObject *r = it_new_steal(t, pith_get_iter(args[0]), NULL, NULL);
    if (r) {
        IT(r)->i = start;
        IT(r)->j = stop;
        IT(r)->k = step;
    }
    return r;
}

static PithObject *islice_next(PithObject *o) {
    It *it = IT(o);
    intptr_t *cnt = &it->cnt;
    if (!it->a) return NULL;
    while (*cnt < it->i) {
        PithObject *v = pith_iter_next(it->a);
        if (!v) {
            if (!pith_err_occurred()) PITH_CLEAR(it->a);
            return NULL;
        }
        PITH_DECREF(v);
        (*cnt)++;
    }
    if (it->j != -1 && *cnt >= it->j) {
        PITH_CLEAR(it->a);
        return NULL;
    }
    PithObject *v = pith_iter_next(it->a);
    if (!v) {
        if (!pith_err_occurred()) PITH_CLEAR(it->a);
        return NULL;
    }
    (*cnt)++;
    intptr_t old = it->i;
    it->i += it->k;
    if (it->i < old || (it->j != -1 && it->i > it->j)) it->i = it->j;
    return v;
}

static ITER_TYPE(islice_type, "itertools.islice", islice_new, islice_next);

/* ---- pairwise(iterable): a = source, b = previous item ---------------------------------- */

static PithObject *pairwise_new(PithType *t, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    if (no_kw(t, &pairwise_type, "pairwise", kwnames) < 0 ||
        pith_arg_check_range("pairwise", nargs, 1, 1) < 0)
        return NULL;
    return it_new_steal(t, pith_get_iter(args[0]), NULL, NULL);
}

static PithObject *pairwise_next(PithObject *o) {
    It *it = IT(o);
    if (!it->a) return NULL;
    if (!it->b) {
        it->b = pith_iter_next(it->a);
        if (!it->b) {
            PITH_CLEAR(it->a);
            return NULL;
        }
    }
    PithObject *n = pith_iter_next(it->a);
    if (!n) {
        PITH_CLEAR(it->a);
        PITH_CLEAR(it->b);
        return NULL;
    }
    PithObject *r = pith_tuple_pack(2, it->b, n);
    PITH_SETREF(it->b, n);
    return r;
}

static ITER_TYPE(pairwise_type, "itertools.pairwise", pairwise_new, pairwise_next);

/* ---- tee ------------------------------------------------------------------------------
 * Values read from the source are stored in a chain of _tee_dataobject
 * chunks of TEE_CHUNK values; each tee iterator points at a chunk and an
 * index in it, so chunks every tee has passed are freed.
 * teedata: a = source iterator, b = next chunk, c = list of values read,
 *          stopped = a read is in progress (re-entrancy guard).
 * tee:     a = current chunk, i = index in it. */

#define TEE_CHUNK 57

static PithObject *teedata_new_chunk(PithObject *src) {
    PithObject *vals = pith_list_new(0);
    PithObject *r = vals ? it_new(&teedata_type, src, NULL, vals, NULL) : NULL;
    PITH_XDECREF(vals);
    return r;
}

/* Borrowed value i of chunk d, reading from the source when needed; NULL
 * without exception = exhausted. */
static PithObject *teedata_get(PithObject *d, intptr_t i) {
    It *td = IT(d);
    if (i < PITH_SIZE(td->c)) return PITH_LIST_GET(td->c, i);
    if (td->stopped) {
        pith_err_set_string(&pith_exc_RuntimeError, "cannot re-enter the tee iterator");
        return NULL;
    }
    if (!td->a) return NULL;
    td->stopped = true;
    PithObject *v = pith_iter_next(td->a);
    td->stopped = false;
    if (!v) {
        if (!pith_err_occurred()) PITH_CLEAR(td->a);
        return NULL;
    }
    int r = pith_list_append(td->c, v);
    PITH_DECREF(v);
    return r < 0 ? NULL : v;
}

static PithObject *teedata_next_chunk(PithObject *d) {
    It *td = IT(d);
    if (!td->b) td->b = teedata_new_chunk(td->a);
    return td->b ? PITH_NEWREF(td->b) : NULL;
}

static PithObject *teedata_tp_new(PithType *t, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    return pith_err_format(&pith_exc_TypeError, "cannot create 'itertools._tee_dataobject' instances");
}

static PithObject *no_next(PithObject *o) { return NULL; }

static ITER_TYPE(teedata_type, "itertools._tee_dataobject", teedata_tp_new, no_next);

static PithObject *tee_from_iterator(PithType *t, PithObject *src) {
    PithObject *chunk = teedata_new_chunk(src);
    if (!chunk) return NULL;
    PithObject *r = it_new(t, chunk, NULL, NULL, NULL);
    PITH_DECREF(chunk);
    return r;
}

static PithObject *tee_tp_new(PithType *t, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    if (no_kw(t, &tee_type, "_tee", kwnames) < 0 || pith_arg_check_range("_tee", nargs, 1, 1) < 0)
        return NULL;
    PithObject *src = pith_get_iter(args[0]);
    if (!src) return NULL;
    PithObject *r;
    if (PITH_TYPE(src) == &tee_type) {
        r = it_new(&tee_type, IT(src)->a, NULL, NULL, NULL);
        if (r) IT(r)->i = IT(src)->i;
    } else {
        r = tee_from_iterator(t, src);
    }
    PITH_DECREF(src);
    return r;
}

static PithObject *tee_next(PithObject *o) {
    It *it = IT(o);
    if (it->i >= TEE_CHUNK) {
        PithObject *n = teedata_next_chunk(it->a);
        if (!n) return NULL;
        PITH_SETREF(it->a, n);
        it->i = 0;
    }
    PithObject *v = teedata_get(it->a, it->i);
    if (!v) return NULL;
    it->i++;
    return PITH_NEWREF(v);
}

static PithObject *tee_copy(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    PithObject *r = it_new(&tee_type, IT(self)->a, NULL, NULL, NULL);
    if (r) IT(r)->i = IT(self)->i;
    return r;
}

static PithMethodDef tee_methods[] = {
    {"__copy__", tee_copy, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static ITER_TYPE(tee_type, "itertools._tee", tee_tp_new, tee_next, .tp_methods = tee_methods);

static PithObject *it_tee(PithObject *m, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    if (pith_arg_check_range("tee", nargs, 1, 2) < 0) return NULL;
    intptr_t n = 2;
    if (nargs == 2) {
        n = pith_number_as_ssize(args[1], &pith_exc_OverflowError);
        if (n == -1 && pith_err_occurred()) return NULL;
    }
    if (n < 0) {
        pith_err_set_string(&pith_exc_ValueError, "n must be >= 0");
        return NULL;
    }
    PithObject *res = pith_tuple_new(n);
    if (!res || n == 0) return res;
    PithObject *src = pith_get_iter(args[0]), *copier = NULL, *first = NULL;
    if (src) {
        PithObject *name = pith_str_intern_cstr("__copy__");
        int f = name ? pith_lookup_attr(src, name, &copier) : -1;
        PITH_XDECREF(name);
        if (f > 0) first = PITH_NEWREF(src);
        else if (f == 0) first = tee_from_iterator(&tee_type, src);
        PITH_XDECREF(copier);
        PITH_DECREF(src);
    }
    if (!first) {
        PITH_DECREF(res);
        return NULL;
    }
    PITH_TUPLE_SET(res, 0, first);
    for (intptr_t i = 1; i < n; i++) {
        PithObject *c = pith_call_method(PITH_TUPLE_GET(res, i - 1), "__copy__", NULL, 0);
        if (!c) {
            for (intptr_t j = i; j < n; j++) PITH_TUPLE_SET(res, j, PITH_NEWREF(PITH_NONE));
            PITH_DECREF(res);
            return NULL;
        }
        PITH_TUPLE_SET(res, i, c);
    }
    return res;
}

/* ---- zip_longest(*iterables, fillvalue=None) ---------------------------------------------
 * a = list of iterators (None once exhausted), b = fillvalue, i = active count. */

static PithObject *zip_longest_new(PithType *t, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    PithObject *fill = PITH_NONE;
    intptr_t nkw = kwnames ? PITH_SIZE(kwnames) : 0;
    for (intptr_t i = 0; i < nkw; i++) {
        if (!pith_str_eq_cstr(PITH_TUPLE_GET(kwnames, i), "fillvalue"))
            return pith_err_format(&pith_exc_TypeError,
                                   "zip_longest() got an unexpected keyword argument");
        fill = args[nargs + (size_t)i];
    }
    PithObject *iters = pith_list_new(0);
    if (!iters) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        PithObject *s = pith_get_iter(args[i]);
        if (!s) {
            PITH_DECREF(iters);
            return NULL;
        }
        int r = pith_list_append(iters, s);
        PITH_DECREF(s);
        if (r < 0) {
            PITH_DECREF(iters);
            return NULL;
        }
    }
    PithObject *r = it_new(t, iters, fill, NULL, NULL);
    PITH_DECREF(iters);
    if (r) IT(r)->i = (intptr_t)nargs;
    return r;
}

static PithObject *zip_longest_next(PithObject *o) {
    It *it = IT(o);
    intptr_t n = PITH_SIZE(it->a);
    if (n == 0 || it->i == 0) return NULL;
    PithObject *res = pith_tuple_new(n);
    if (!res) return NULL;
    for (intptr_t i = 0; i < n; i++) {
        PithObject *src = PITH_LIST_GET(it->a, i), *v;
        if (src == PITH_NONE) {
            v = PITH_NEWREF(it->b);
        } else {
            v = pith_iter_next(src);
            if (!v) {
                if (pith_err_occurred() || --it->i == 0) {
                    if (!pith_err_occurred()) it->i = 0;
                    for (intptr_t j = i; j < n; j++) PITH_TUPLE_SET(res, j, PITH_NEWREF(PITH_NONE));
                    PITH_DECREF(res);
                    return NULL;
                }
                PITH_LIST_GET(it->a, i) = PITH_NONE;
                PITH_DECREF(src);
                v = PITH_NEWREF(it->b);
            }
        }
        PITH_TUPLE_SET(res, i, v);
    }
    return res;
}

static ITER_TYPE(zip_longest_type, "itertools.zip_longest", zip_longest_new, zip_longest_next);

/* ---- combinatorics -------------------------------------------------------------------------
 * a = pool tuple (product: tuple of pool tuples, repeated), i = n (pool
 * size), j = r, ix = indices, cy = cycles (permutations), stopped = done,
 * k = 0 before the first result. */

static intptr_t *alloc_idx(intptr_t n) {
    intptr_t *p = pith_mem_calloc((size_t)(n > 0 ? n : 1), sizeof(intptr_t));
    if (!p) pith_err_no_memory();
    return p;
}

/* Tuple of pool[ix[0..r-1]]. */
static PithObject *pick(PithObject *pool, const intptr_t *ix, intptr_t r) {
    PithObject *t = pith_tuple_new(r);
    if (!t) return NULL;
    for (intptr_t i = 0; i < r; i++) PITH_TUPLE_SET(t, i, PITH_NEWREF(PITH_TUPLE_GET(pool, ix[i])));
    return t;
}

static PithObject *product_new(PithType *t, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    intptr_t repeat = 1;
    intptr_t nkw = kwnames ? PITH_SIZE(kwnames) : 0;
    for (intptr_t i = 0; i < nkw; i++) {
        PithObject *k = PITH_TUPLE_GET(kwnames, i);
        if (!pith_str_eq_cstr(k, "repeat"))
            return pith_err_format(&pith_exc_TypeError,
                                   "'%U' is an invalid keyword argument for product()", k);
        repeat = pith_number_as_ssize(args[nargs + (size_t)i], &pith_exc_OverflowError);
        if (repeat == -1 && pith_err_occurred()) return NULL;
        if (repeat < 0) {
            pith_err_set_string(&pith_exc_ValueError, "repeat argument cannot be negative");
            return NULL;
        }
    }
    if (repeat && (intptr_t)nargs > INTPTR_MAX / (intptr_t)sizeof(void *) / repeat)
        return pith_err_format(&pith_exc_OverflowError, "repeat argument too large");
    intptr_t np = (intptr_t)nargs * repeat;
    PithObject *pools = pith_tuple_new(np);
    if (!pools) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        PithObject *p = pith_sequence_tuple(args[i]);
        if (!p) {
            for (intptr_t j = (intptr_t)i; j < np; j++) PITH_TUPLE_SET(pools, j, PITH_NEWREF(PITH_NONE));
            PITH_DECREF(pools);
            return NULL;
        }
        for (intptr_t r = 0; r < repeat; r++)
            PITH_TUPLE_SET(pools, (intptr_t)i + r * (intptr_t)nargs, PITH_NEWREF(p));
        PITH_DECREF(p);
    }
    PithObject *r = it_new(t, pools, NULL, NULL, NULL);
    PITH_DECREF(pools);
    if (!r) return NULL;
    IT(r)->ix = alloc_idx(np);
    if (!IT(r)->ix) {
        PITH_DECREF(r);
        return NULL;
    }
    for (intptr_t i = 0; i < np; i++)
        if (PITH_SIZE(PITH_TUPLE_GET(pools, i)) == 0) IT(r)->stopped = true;
    return r;
}

static PithObject *product_next(PithObject *o) {
    It *it = IT(o);
    if (it->stopped) return NULL;
    PithObject *pools = it->a;
    intptr_t np = PITH_SIZE(pools);
    if (it->k) {
        intptr_t i = np - 1;
        for (; i >= 0; i--) {
            if (++it->ix[i] < PITH_SIZE(PITH_TUPLE_GET(pools, i))) break;
            it->ix[i] = 0;
        }
        if (i < 0) {
            it->stopped = true;
            return NULL;
        }
    }
    it->k = 1;
    PithObject *t = pith_tuple_new(np);
    if (!t) return NULL;
    for (intptr_t i = 0; i < np; i++)
        PITH_TUPLE_SET(t, i, PITH_NEWREF(PITH_TUPLE_GET(PITH_TUPLE_GET(pools, i), it->ix[i])));
    return t;
}

static ITER_TYPE(product_type, "itertools.product", product_new, product_next);

/* Shared set-up: pool = tuple(iterable), r from r_obj (NULL/None = n when
 * allowed). kind: 0 = combinations, 1 = with replacement, 2 = permutations. */
static PithObject *combo_new(PithType *t, PithObject *iterable, PithObject *r_obj, int kind) {
    PithObject *pool = pith_sequence_tuple(iterable);
    if (!pool) return NULL;
    intptr_t n = PITH_SIZE(pool), r = n;
    if (r_obj && r_obj != PITH_NONE) {
        if (kind == 2 && !pith_index_check(r_obj)) {
            PITH_DECREF(pool);
            return pith_err_format(&pith_exc_TypeError, "Expected int as r");
        }
        r = pith_number_as_ssize(r_obj, &pith_exc_OverflowError);
        if (r == -1 && pith_err_occurred()) {
            PITH_DECREF(pool);
            return NULL;
        }
    }
    if (r < 0) {
        PITH_DECREF(pool);
        pith_err_set_string(&pith_exc_ValueError, "r must be non-negative");
        return NULL;
    }
    PithObject *res = it_new(t, pool, NULL, NULL, NULL);
    PITH_DECREF(pool);
    if (!res) return NULL;
    It *it = IT(res);
    it->i = n;
    it->j = r;
    it->ix = alloc_idx(kind == 1 ? r : n);
    if (kind == 2 && it->ix) it->cy = alloc_idx(r);
    if (!it->ix || (kind == 2 && !it->cy)) {
        PITH_DECREF(res);
        return NULL;
    }
    if (kind != 1)
        for (intptr_t i = 0; i < n; i++) it->ix[i] = i;
    if (kind == 2)
        for (intptr_t i = 0; i < r; i++) it->cy[i] = n - i;
    it->stopped = kind == 1 ? (n == 0 && r > 0) : r > n;
    return res;
}

static PithObject *combinations_new(PithType *t, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    static const char *const kw[] = {"iterable", "r"};
    static const PithArgSpec spec = {"combinations", kw, 2, 0, 2, 2};
    PithObject *out[2] = {NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, out) < 0) return NULL;
    return combo_new(t, out[0], out[1], 0);
}

static PithObject *combinations_next(PithObject *o) {
    It *it = IT(o);
    if (it->stopped) return NULL;
    intptr_t n = it->i, r = it->j, *ix = it->ix;
    if (it->k) {
        intptr_t i = r - 1;
        while (i >= 0 && ix[i] == i + n - r) i--;
        if (i < 0) {
            it->stopped = true;
            return NULL;
        }
        ix[i]++;
        for (intptr_t j = i + 1; j < r; j++) ix[j] = ix[j - 1] + 1;
    }
    it->k = 1;
    return pick(it->a, ix, r);
}

static ITER_TYPE(combinations_type, "itertools.combinations", combinations_new,
                 combinations_next);

static PithObject *cwr_new(PithType *t, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    static const char *const kw[] = {"iterable", "r"};
    static const PithArgSpec spec = {"combinations_with_replacement", kw, 2, 0, 2, 2};
    PithObject *out[2] = {NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, out) < 0) return NULL;
    return combo_new(t, out[0], out[1], 1);
}

static PithObject *cwr_next(PithObject *o) {
    It *it = IT(o);
    if (it->stopped) return NULL;
    intptr_t n = it->i, r = it->j, *ix = it->ix;
    if (it->k) {
        intptr_t i = r - 1;
        while (i >= 0 && ix[i] == n - 1) i--;
        if (i < 0) {
            it->stopped = true;
            return NULL;
        }
        intptr_t v = ix[i] + 1;
        for (intptr_t j = i; j < r; j++) ix[j] = v;
    }
    it->k = 1;
    return pick(it->a, ix, r);
}

static ITER_TYPE(cwr_type, "itertools.combinations_with_replacement", cwr_new, cwr_next);

static PithObject *permutations_new(PithType *t, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    static const char *const kw[] = {"iterable", "r"};
    static const PithArgSpec spec = {"permutations", kw, 2, 0, 1, 2};
    PithObject *out[2] = {NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, out) < 0) return NULL;
    return combo_new(t, out[0], out[1], 2);
}

static PithObject *permutations_next(PithObject *o) {
    It *it = IT(o);
    if (it->stopped) return NULL;
    intptr_t n = it->i, r = it->j, *ix = it->ix, *cy = it->cy;
    if (it->k) {
        intptr_t i = r - 1;
        for (; i >= 0; i--) {
            if (--cy[i] == 0) {
                intptr_t first = ix[i];
                memmove(ix + i, ix + i + 1, (size_t)(n - i - 1) * sizeof(intptr_t));
                ix[n - 1] = first;
                cy[i] = n - i;
            } else {
                intptr_t j = cy[i], tmp = ix[i];
                ix[i] = ix[n - j];
                ix[n - j] = tmp;
                break;
            }
        }
        if (i < 0) {
            it->stopped = true;
            return NULL;
        }
    }
    it->k = 1;
    return pick(it->a, ix, r);
}

static ITER_TYPE(permutations_type, "itertools.permutations", permutations_new,
                 permutations_next);

/* ---- the module ---------------------------------------------------------------------------- */

static PithMethodDef itertools_functions[] = {
    {"tee", it_tee, PITH_METH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_itertools_module_init(void) {
    static PithType *const types[] = {
        &count_type, &cycle_type, &repeat_type, &accumulate_type, &chain_type,
        &compress_type, &dropwhile_type, &takewhile_type, &filterfalse_type, &groupby_type,
        &grouper_type, &islice_type, &pairwise_type, &starmap_type, &tee_type,
        &teedata_type, &zip_longest_type, &product_type, &permutations_type,
        &combinations_type, &cwr_type, NULL};
    PithObject *m = pith_module_new("itertools");
    if (!m) return NULL;
    if (pith_module_add_functions(m, itertools_functions) < 0) goto fail;
    tee_type.tp_flags |= PITH_TPFLAGS_WEAKREFABLE; /* the only weakly referenceable one */
    for (int i = 0; types[i]; i++) {
        PithType *t = types[i];
        if (pith_type_ready(t) < 0) goto fail;
        const char *dot = strrchr(t->tp_name, '.');
        if (pith_module_add_object(m, dot + 1, PITH_NEWREF(t)) < 0) goto fail;
    }
    return m;
fail:
    PITH_DECREF(m);
    return NULL;
}
