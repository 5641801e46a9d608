/* iterators.c — the builtin iterator types enumerate, zip, reversed, map
 * and filter. Each holds the underlying iterator(s) and produces items
 * lazily; all are GC types (they can hold arbitrary objects).
 */
#include "containers_impl.h"

/* ---- shared helpers ------------------------------------------------------ */

static void *iter_alloc(PithType *type) {
    void *o = pith_gc_new(type);
    if (!o) pith_err_no_memory();
    return o;
}

/* Reuse a cached result tuple when only the iterator holds it. */
static PithObject *reuse_tuple(PithObject **cache, intptr_t n) {
    PithObject *r = *cache;
    if (r && PITH_REFCNT(r) == 1) {
        PITH_INCREF(r);
        for (intptr_t i = 0; i < n; i++) PITH_CLEAR(PITH_TUPLE_ITEMS(r)[i]);
        return r;
    }
    r = pith_tuple_new(n);
    if (r) PITH_SETREF(*cache, PITH_NEWREF(r));
    return r;
}

/* ---- enumerate ----------------------------------------------------------- */

typedef struct {
    PithObject ob;
    PithObject *it;
    int64_t index;      /* used while big_index is NULL */
    PithObject *big_index; /* set once the count leaves int64 */
    PithObject *result;
} Enumerate;

static PithObject *enumerate_new(PithType *type, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    static const char *const kw[] = {"iterable", "start", NULL};
    static const PithArgSpec spec = {"enumerate", kw, 2, 0, 0, 2};
    PithObject *v[2];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    if (!v[0]) { /* checked here: CPython words it without "(pos 1)" */
        pith_err_set_string(&pith_exc_TypeError,
                            "enumerate() missing required argument 'iterable'");
        return NULL;
    }
    PithObject *start = NULL;
    if (v[1] && !(start = pith_number_index(v[1]))) return NULL;
    PithObject *it = pith_get_iter(v[0]);
    Enumerate *e = it ? iter_alloc(type) : NULL;
    if (!e) {
        PITH_XDECREF(start);
        PITH_XDECREF(it);
        return NULL;
    }
    e->it = it;
    if (start && pith_int_is_small(start) && pith_int_small_value(start) < INT64_MAX) {
        e->index = pith_int_small_value(start);
        PITH_DECREF(start);
    } else {
        e->big_index = start;
    }
    pith_gc_track(e);
    return (PithObject *)e;
}

static void enumerate_dealloc(PithObject *o) {
    Enumerate *e = (Enumerate *)o;
    pith_gc_untrack(o);
    PITH_XDECREF(e->it);
    PITH_XDECREF(e->big_index);
    PITH_XDECREF(e->result);
    pith_gc_del(o);
}

static int enumerate_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    Enumerate *e = (Enumerate *)o;
    PITH_VISIT(e->it);
    PITH_VISIT(e->big_index);
    PITH_VISIT(e->result);
    return 0;
}

static int enumerate_clear(PithObject *o) {
    Enumerate *e = (Enumerate *)o;
    PITH_CLEAR(e->it);
    PITH_CLEAR(e->big_index);
    PITH_CLEAR(e->result);
    return 0;
}

/* The current count as an int, advancing it. */
static PithObject *enumerate_count(Enumerate *e) {
    if (!e->big_index) {
        if (e->index < INT64_MAX) return pith_int_from_i64(e->index++);
        if (!(e->big_index = pith_int_from_i64(e->index))) return NULL;
    }
    PithObject *one = pith_int_from_i64(1);
    PithObject *next = pith_int_add(e->big_index, one);
    PITH_DECREF(one);
    if (!next) return NULL;
    PithObject *cur = e->big_index;
    e->big_index = next;
    return cur;
}

static PithObject *enumerate_next(PithObject *o) {
    Enumerate *e = (Enumerate *)o;
    if (!e->it) return NULL;
    PithObject *item = pith_iter_next(e->it);
    if (!item) return NULL;
    PithObject *n = enumerate_count(e);
    PithObject *r = n ? reuse_tuple(&e->result, 2) : NULL;
    if (!r) {
        PITH_DECREF(item);
        PITH_XDECREF(n);
        return NULL;
    }
    PITH_TUPLE_SET(r, 0, n);
    PITH_TUPLE_SET(r, 1, item);
    return r;
}

/* ---- zip ----------------------------------------------------------------- */

typedef struct {
    PithObject ob;
    PithObject *iters; /* tuple of iterators */
    PithObject *result;
    bool strict;
} Zip;

/* Keyword handling: only strict= is accepted. */
static int zip_strict_arg(PithObject *const *args, size_t nargs, PithObject *kwnames,
                          bool *strict) {
    *strict = false;
    intptr_t nk = kwnames ? PITH_SIZE(kwnames) : 0;
    for (intptr_t i = 0; i < nk; i++) {
        PithObject *name = PITH_TUPLE_GET(kwnames, i);
        if (!pith_str_eq_cstr(name, "strict")) {
            pith_err_format(&pith_exc_TypeError, "%R is an invalid keyword argument for zip()",
                            name);
            return -1;
        }
        int t = pith_is_true(args[nargs + i]);
        if (t < 0) return -1;
        *strict = t;
    }
    return 0;
}

static PithObject *zip_new(PithType *type, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    bool strict;
    if (zip_strict_arg(args, nargs, kwnames, &strict) < 0) return NULL;
    PithObject *iters = pith_tuple_new((intptr_t)nargs);
    if (!iters) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        PithObject *it = pith_get_iter(args[i]);
        if (!it) {
            for (size_t j = i; j < nargs; j++) PITH_TUPLE_SET(iters, j, PITH_NEWREF(PITH_NONE));
            PITH_DECREF(iters);
            return NULL;
        }
        PITH_TUPLE_SET(iters, i, it);
    }
    Zip *z = iter_alloc(type);
    if (!z) {
        PITH_DECREF(iters);
        return NULL;
    }
    z->iters = iters;
    z->strict = strict;
    pith_gc_track(z);
    return (PithObject *)z;
}

static void zip_dealloc(PithObject *o) {
    Zip *z = (Zip *)o;
    pith_gc_untrack(o);
    PITH_XDECREF(z->iters);
    PITH_XDECREF(z->result);
    pith_gc_del(o);
}

static int zip_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((Zip *)o)->iters);
    PITH_VISIT(((Zip *)o)->result);
    return 0;
}

static int zip_clear(PithObject *o) {
    PITH_CLEAR(((Zip *)o)->iters);
    PITH_CLEAR(((Zip *)o)->result);
    return 0;
}

static PithObject *zip_length_error(intptr_t i, const char *what) {
    return pith_err_format(&pith_exc_ValueError, "zip() argument %zd is %s than argument%s%zd",
                           i + 1, what, i == 1 ? " " : "s 1-", i);
}

/* Strict mode: iterator i ran out; are the others exhausted too? */
static PithObject *zip_check_lengths(Zip *z, intptr_t i) {
    if (pith_err_occurred()) return NULL;
    if (i) return zip_length_error(i, "shorter");
    intptr_t n = PITH_SIZE(z->iters);
    for (i = 1; i < n; i++) {
        PithObject *item = pith_iter_next(PITH_TUPLE_GET(z->iters, i));
        if (item) {
            PITH_DECREF(item);
            return zip_length_error(i, "longer");
        }
        if (pith_err_occurred()) return NULL;
    }
    return NULL;
}

static PithObject *zip_next(PithObject *o) {
    Zip *z = (Zip *)o;
    if (!z->iters) return NULL;
    intptr_t n = PITH_SIZE(z->iters);
    if (n == 0) return NULL;
    PithObject *r = reuse_tuple(&z->result, n);
    if (!r) return NULL;
    for (intptr_t i = 0; i < n; i++) {
        PithObject *item = pith_iter_next(PITH_TUPLE_GET(z->iters, i));
        if (!item) {
            /* Fill the rest so the tuple stays valid, then drop it. */
            for (intptr_t j = i; j < n; j++) PITH_TUPLE_SET(r, j, PITH_NEWREF(PITH_NONE));
            PITH_DECREF(r);
            return z->strict ? zip_check_lengths(z, i) : NULL;
        }
        PITH_TUPLE_SET(r, i, item);
    }
    return r;
}

/* ---- reversed ------------------------------------------------------------ */

typedef struct {
    PithObject ob;
    PithObject *seq; /* NULL once exhausted */
    intptr_t index;
} Reversed;

static bool has_sequence_getitem(PithObject *o) {
    PithType *t = PITH_TYPE(o);
    if (pith_dict_check(o)) return false;
    return (t->tp_as_sequence && t->tp_as_sequence->sq_item) ||
           (t->tp_as_mapping && t->tp_as_mapping->mp_subscript);
}

static PithObject *reversed_new(PithType *type, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    if (type == &pith_reversed_type && pith_arg_no_kwargs("reversed", kwnames) < 0)
        return NULL;
    if (pith_arg_check_range("reversed", nargs, 1, 1) < 0) return NULL;
    PithObject *seq = args[0];
    static PithObject *name;
    if (!name && !(name = pith_str_intern_cstr("__reversed__"))) return NULL;
    PithObject *meth = pith_lookup_special(seq, name);
    if (meth == PITH_NONE) {
        PITH_DECREF(meth);
        return pith_err_format(&pith_exc_TypeError, "'%.200s' object is not reversible",
                               pith_type_name(seq));
    }
    if (meth) {
        PithObject *r = pith_call_noargs(meth);
        PITH_DECREF(meth);
        return r;
    }
    if (pith_err_occurred()) return NULL;
    if (!has_sequence_getitem(seq))
        return pith_err_format(&pith_exc_TypeError, "'%.200s' object is not reversible",
                               pith_type_name(seq));
    intptr_t n = pith_len(seq);
    if (n < 0) return NULL;
    Reversed *r = iter_alloc(type);
    if (!r) return NULL;
    r->seq = PITH_NEWREF(seq);
    r->index = n - 1;
    pith_gc_track(r);
    return (PithObject *)r;
}

static void reversed_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(((Reversed *)o)->seq);
    pith_gc_del(o);
}

static int reversed_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((Reversed *)o)->seq);
    return 0;
}

static int reversed_clear(PithObject *o) {
    PITH_CLEAR(((Reversed *)o)->seq);
    return 0;
}

static PithObject *reversed_next(PithObject *o) {
    Reversed *r = (Reversed *)o;
    if (!r->seq) return NULL;
    if (r->index >= 0) {
        PithObject *item = pith_sequence_getitem(r->seq, r->index--);
        if (item) return item;
        if (!pith_err_matches(&pith_exc_IndexError) && !pith_err_matches(&pith_exc_StopIteration))
            return NULL;
        pith_err_clear();
    }
    r->index = -1;
    PITH_CLEAR(r->seq);
    return NULL;
}

static PithObject *reversed_length_hint(PithObject *o, PithObject *const *args, size_t nargs,
                                        PithObject *kwnames) {
    Reversed *r = (Reversed *)o;
    if (!r->seq) return pith_int_from_i64(0);
    intptr_t n = pith_len(r->seq);
    if (n < 0) return NULL;
    return pith_int_from_ssize(n < r->index + 1 ? 0 : r->index + 1);
}

/* ---- map ----------------------------------------------------------------- */

typedef struct {
    PithObject ob;
    PithObject *func;
    PithObject *iters; /* tuple */
} Map;

#define MAP_SMALL 8

static PithObject *map_new(PithType *type, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    if (type == &pith_map_type && pith_arg_no_kwargs("map", kwnames) < 0) return NULL;
    if (nargs < 2) {
        pith_err_set_string(&pith_exc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    PithObject *iters = pith_tuple_new((intptr_t)nargs - 1);
    if (!iters) return NULL;
    for (size_t i = 1; i < nargs; i++) {
        PithObject *it = pith_get_iter(args[i]);
        if (!it) {
            for (size_t j = i; j < nargs; j++)
                PITH_TUPLE_SET(iters, j - 1, PITH_NEWREF(PITH_NONE));
            PITH_DECREF(iters);
            return NULL;
        }
        PITH_TUPLE_SET(iters, i - 1, it);
    }
    Map *m = iter_alloc(type);
    if (!m) {
        PITH_DECREF(iters);
        return NULL;
    }
    m->func = PITH_NEWREF(args[0]);
    m->iters = iters;
    pith_gc_track(m);
    return (PithObject *)m;
}

static void map_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(((Map *)o)->func);
    PITH_XDECREF(((Map *)o)->iters);
    pith_gc_del(o);
}

static int map_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((Map *)o)->func);
    PITH_VISIT(((Map *)o)->iters);
    return 0;
}

static int map_clear(PithObject *o) {
    PITH_CLEAR(((Map *)o)->func);
    PITH_CLEAR(((Map *)o)->iters);
    return 0;
}

static PithObject *map_next(PithObject *o) {
    Map *m = (Map *)o;
    if (!m->iters) return NULL;
    intptr_t n = PITH_SIZE(m->iters), got = 0;
    PithObject *small[MAP_SMALL], **stack = small, *r = NULL;
    if (n > MAP_SMALL) {
        stack = pith_mem_malloc((size_t)n * sizeof(PithObject *));
        if (!stack) return pith_err_no_memory();
    }
    for (; got < n; got++) {
        stack[got] = pith_iter_next(PITH_TUPLE_GET(m->iters, got));
        if (!stack[got]) break;
    }
    if (got == n) r = pith_call(m->func, stack, (size_t)n, NULL);
    for (intptr_t i = 0; i < got; i++) PITH_DECREF(stack[i]);
    if (stack != small) pith_mem_free(stack);
    return r;
}

/* ---- filter -------------------------------------------------------------- */

typedef struct {
    PithObject ob;
    PithObject *func; /* None or bool: keep truthy items */
    PithObject *it;
} Filter;

static PithObject *filter_new(PithType *type, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    if (type == &pith_filter_type && pith_arg_no_kwargs("filter", kwnames) < 0) return NULL;
    if (pith_arg_check_range("filter", nargs, 2, 2) < 0) return NULL;
    PithObject *it = pith_get_iter(args[1]);
    if (!it) return NULL;
    Filter *f = iter_alloc(type);
    if (!f) {
        PITH_DECREF(it);
        return NULL;
    }
    f->func = PITH_NEWREF(args[0]);
    f->it = it;
    pith_gc_track(f);
    return (PithObject *)f;
}

static void filter_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(((Filter *)o)->func);
    PITH_XDECREF(((Filter *)o)->it);
    pith_gc_del(o);
}

static int filter_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((Filter *)o)->func);
    PITH_VISIT(((Filter *)o)->it);
    return 0;
}

static int filter_clear(PithObject *o) {
    PITH_CLEAR(((Filter *)o)->func);
    PITH_CLEAR(((Filter *)o)->it);
    return 0;
}

static PithObject *filter_next(PithObject *o) {
    Filter *f = (Filter *)o;
    if (!f->it) return NULL;
    bool plain = f->func == PITH_NONE || f->func == (PithObject *)&pith_bool_type;
    PithObject *item;
    while ((item = pith_iter_next(f->it))) {
        int ok;
        if (plain) {
            ok = pith_is_true(item);
        } else {
            PithObject *v = pith_call_one(f->func, item);
            ok = v ? pith_is_true(v) : -1;
            PITH_XDECREF(v);
        }
        if (ok > 0) return item;
        PITH_DECREF(item);
        if (ok < 0) return NULL;
    }
    return NULL;
}

/* ---- types --------------------------------------------------------------- */

/* ---- pickling: __reduce__ / __setstate__ as CPython ------------------------ */

/* (type, args) or (type, args, state) when state is not NULL. */
static PithObject *reduce_value(PithObject *o, PithObject *args, PithObject *state) {
    if (!args) return NULL;
    PithObject *t = (PithObject *)PITH_TYPE(o);
    PithObject *r = state ? pith_tuple_pack(3, t, args, state) : pith_tuple_pack(2, t, args);
    PITH_DECREF(args);
    return r;
}

static PithObject *enumerate_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    Enumerate *e = (Enumerate *)o;
    PithObject *n = e->big_index ? PITH_NEWREF(e->big_index) : pith_int_from_i64(e->index);
    if (!n) return NULL;
    PithObject *a = pith_tuple_pack(2, e->it ? e->it : PITH_NONE, n);
    PITH_DECREF(n);
    return reduce_value(o, a, NULL);
}

static PithObject *zip_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    Zip *z = (Zip *)o;
    PithObject *a = z->iters ? PITH_NEWREF(z->iters) : pith_tuple_new(0);
    return reduce_value(o, a, z->strict ? PITH_TRUE : NULL);
}

static PithObject *zip_setstate(PithObject *o, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    int t = pith_is_true(args[0]);
    if (t < 0) return NULL;
    ((Zip *)o)->strict = t;
    PITH_RETURN_NONE;
}

static PithObject *map_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    Map *m = (Map *)o;
    intptr_t n = m->iters ? PITH_SIZE(m->iters) : 0;
    PithObject *a = pith_tuple_new(n + 1);
    if (!a) return NULL;
    PITH_TUPLE_SET(a, 0, PITH_NEWREF(m->func ? m->func : PITH_NONE));
    for (intptr_t i = 0; i < n; i++)
        PITH_TUPLE_SET(a, i + 1, PITH_NEWREF(PITH_TUPLE_GET(m->iters, i)));
    return reduce_value(o, a, NULL);
}

static PithObject *filter_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    Filter *f = (Filter *)o;
    PithObject *a = pith_tuple_pack(2, f->func ? f->func : PITH_NONE, f->it ? f->it : PITH_NONE);
    return reduce_value(o, a, NULL);
}

static PithObject *reversed_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    Reversed *r = (Reversed *)o;
    if (!r->seq) {
        PithObject *e = pith_tuple_new(0);
        return reduce_value(o, e ? pith_tuple_pack(1, e) : NULL, NULL);
    }
    PithObject *i = pith_int_from_ssize(r->index);
    if (!i) return NULL;
    PithObject *res = reduce_value(o, pith_tuple_pack(1, r->seq), i);
    PITH_DECREF(i);
    return res;
}

static PithObject *reversed_setstate(PithObject *o, PithObject *const *args, size_t nargs,
                                     PithObject *kwnames) {
    Reversed *r = (Reversed *)o;
    intptr_t i;
    if (pith_iter_state_index(args[0], &i) < 0) return NULL;
    if (r->seq) {
        intptr_t n = pith_len(r->seq);
        if (n < 0) return NULL;
        r->index = i < -1 ? -1 : (i > n - 1 ? n - 1 : i);
    }
    PITH_RETURN_NONE;
}

static PithMethodDef enumerate_methods[] = {
    {"__reduce__", enumerate_reduce, PITH_METH_NOARGS, "Return state information for pickling."},
    {"__class_getitem__", pith_generic_alias_class_getitem, PITH_METH_O | PITH_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PithMethodDef zip_methods[] = {
    {"__reduce__", zip_reduce, PITH_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", zip_setstate, PITH_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

static PithMethodDef map_methods[] = {
    {"__reduce__", map_reduce, PITH_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static PithMethodDef filter_methods[] = {
    {"__reduce__", filter_reduce, PITH_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

static PithMethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, PITH_METH_NOARGS, NULL},
    {"__reduce__", reversed_reduce, PITH_METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", reversed_setstate, PITH_METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

#define ITER_TYPE(cname, pyname, prefix, ...)                                  \
    PithType cname = {                                                         \
        PITH_VAR_HEAD_INIT(&pith_type_type, 0),                                \
        .tp_name = pyname,                                                     \
        .tp_basicsize = sizeof(prefix##_struct_size),                          \
        .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,              \
        .tp_dealloc = prefix##_dealloc,                                        \
        .tp_traverse = prefix##_traverse,                                      \
        .tp_clear = prefix##_clear,                                            \
        .tp_iter = pith_iter_self,                                             \
        .tp_iternext = prefix##_next,                                          \
        .tp_new = prefix##_new,                                                \
        __VA_ARGS__                                                            \
    }

typedef Enumerate enumerate_struct_size;
typedef Zip zip_struct_size;
typedef Reversed reversed_struct_size;
typedef Map map_struct_size;
typedef Filter filter_struct_size;

ITER_TYPE(pith_enumerate_type, "enumerate", enumerate, .tp_methods = enumerate_methods);
ITER_TYPE(pith_zip_type, "zip", zip, .tp_methods = zip_methods);
ITER_TYPE(pith_reversed_type, "reversed", reversed, .tp_methods = reversed_methods);
ITER_TYPE(pith_map_type, "map", map, .tp_methods = map_methods);
ITER_TYPE(pith_filter_type, "filter", filter, .tp_methods = filter_methods);

int pith_iterators_types_init(void) {
    PithType *types[] = {&pith_enumerate_type, &pith_zip_type, &pith_reversed_type,
                         &pith_map_type, &pith_filter_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (pith_type_ready(types[i]) < 0) return -1;
    return 0;
}
