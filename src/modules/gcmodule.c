/* gcmodule.c — the `gc` module: CPython's interface to the cycle collector
 * of src/mem/gc.c. */
#include "pith/pith.h"

enum {
    DEBUG_STATS = 1,
    DEBUG_COLLECTABLE = 2,
    DEBUG_UNCOLLECTABLE = 4,
    DEBUG_SAVEALL = 32,
    DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL,
};

static PithObject *int_tuple3(const int v[3]) {
    PithObject *a = pith_int_from_i64(v[0]), *b = pith_int_from_i64(v[1]);
    PithObject *c = pith_int_from_i64(v[2]);
    PithObject *t = a && b && c ? pith_tuple_pack(3, a, b, c) : NULL;
    PITH_XDECREF(a);
    PITH_XDECREF(b);
    PITH_XDECREF(c);
    return t;
}

static PithObject *gc_collect(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    static const char *const kw[] = {"generation"};
    static const PithArgSpec spec = {"collect", kw, 1, 0, 0, 1};
    PithObject *gen_obj = NULL;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &gen_obj) < 0) return NULL;
    intptr_t gen = 2;
    if (gen_obj) {
        gen = pith_number_as_ssize(gen_obj, &pith_exc_OverflowError);
        if (gen == -1 && pith_err_occurred()) return NULL;
        if (gen < 0 || gen > 2) {
            pith_err_set_string(&pith_exc_ValueError, "invalid generation");
            return NULL;
        }
    }
    return pith_int_from_ssize(pith_gc_collect((int)gen));
}

static PithObject *gc_enable(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    pith_gc_enable(true);
    PITH_RETURN_NONE;
}

static PithObject *gc_disable(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    pith_gc_enable(false);
    PITH_RETURN_NONE;
}

static PithObject *gc_isenabled(PithObject *self, PithObject *const *a, size_t n,
                                PithObject *k) {
    return pith_bool_from(pith_gc_is_enabled());
}

static PithObject *gc_get_count(PithObject *self, PithObject *const *a, size_t n,
                                PithObject *k) {
    int c[3];
    pith_gc_get_count(c);
    return int_tuple3(c);
}

static PithObject *gc_get_threshold(PithObject *self, PithObject *const *a, size_t n,
                                    PithObject *k) {
    int t[3];
    pith_gc_get_threshold(t);
    return int_tuple3(t);
}

static PithObject *gc_set_threshold(PithObject *self, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    if (pith_arg_check_range("set_threshold", nargs, 1, 3) < 0) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        intptr_t v = pith_number_as_ssize(args[i], &pith_exc_OverflowError);
        if (v == -1 && pith_err_occurred()) return NULL;
        pith_gc_set_threshold((int)i, (int)v);
    }
    PITH_RETURN_NONE;
}

static PithObject *gc_get_debug(PithObject *self, PithObject *const *a, size_t n,
                                PithObject *k) {
    return pith_int_from_i64(pith_gc_get_debug());
}

static PithObject *gc_set_debug(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    intptr_t v = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
    if (v == -1 && pith_err_occurred()) return NULL;
    pith_gc_set_debug((int)v);
    PITH_RETURN_NONE;
}

static PithObject *gc_is_tracked(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    PithObject *o = args[0];
    return pith_bool_from(PITH_IS_GC(o) && !pith_is_immortal(o) && pith_gc_is_tracked(o));
}

static PithObject *gc_is_finalized(PithObject *self, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    return pith_bool_from(pith_gc_is_finalized(args[0]));
}

/* An instance's attribute dict that Python code has not seen stands for
 * CPython's inline attribute values: the gc functions show its values in
 * its place (and never the dict itself). */
typedef struct Expand {
    pith_visitproc visit;
    void *arg;
} Expand;

static int visit_expanded(PithObject *o, void *arg) {
    Expand *e = arg;
    if (!pith_gc_is_hidden(o) || !pith_dict_check(o)) return e->visit(o, e->arg);
    intptr_t pos = 0;
    PithObject *k, *v;
    while (pith_dict_next(o, &pos, &k, &v)) {
        int r = e->visit(v, e->arg);
        if (r) return r;
    }
    return 0;
}

static int traverse_expanded(PithObject *o, pith_visitproc visit, void *arg) {
    pith_traverseproc tr = PITH_TYPE(o)->tp_traverse;
    Expand e = {visit, arg};
    return PITH_IS_GC(o) && tr ? tr(o, visit_expanded, &e) : 0;
}

/* get_objects: every tracked object except the result list itself. */
static int append_object(PithObject *o, void *list) {
    if (o == list || pith_gc_is_hidden(o)) return 0;
    return pith_list_append(list, o);
}

static PithObject *gc_get_objects(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    static const char *const kw[] = {"generation"};
    static const PithArgSpec spec = {"get_objects", kw, 1, 0, 0, 1};
    PithObject *gen_obj = NULL;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &gen_obj) < 0) return NULL;
    intptr_t gen = -1;
    if (gen_obj && gen_obj != PITH_NONE) {
        gen = pith_number_as_ssize(gen_obj, &pith_exc_OverflowError);
        if (gen == -1 && pith_err_occurred()) return NULL;
        if (gen < -1 || gen > 2) { /* -1 means all, as None */
            pith_err_format(&pith_exc_ValueError, gen < 0 ? "generation parameter cannot be negative"
                                                          : "generation parameter must be less than the number of available generations (3)");
            return NULL;
        }
    }
    PithObject *list = pith_list_new(0);
    if (list && pith_gc_for_each((int)gen, append_object, list) != 0) PITH_CLEAR(list);
    return list;
}

/* get_referents: what each argument's tp_traverse visits. */
static int append_referent(PithObject *o, void *list) { return pith_list_append(list, o); }

static PithObject *gc_get_referents(PithObject *self, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    PithObject *list = pith_list_new(0);
    for (size_t i = 0; list && i < nargs; i++)
        if (traverse_expanded(args[i], append_referent, list) != 0) PITH_CLEAR(list);
    return list;
}

/* get_referrers: tracked objects whose traversal visits any argument. */
typedef struct Referrers {
    PithObject *const *targets;
    size_t n;
    PithObject *result;
    bool hit;
} Referrers;

static int visit_is_target(PithObject *o, void *arg) {
    Referrers *r = arg;
    for (size_t i = 0; i < r->n; i++)
        if (o == r->targets[i]) r->hit = true;
    return 0;
}

static int check_referrer(PithObject *o, void *arg) {
    Referrers *r = arg;
    if (o == r->result || pith_gc_is_hidden(o)) return 0;
    r->hit = false;
    traverse_expanded(o, visit_is_target, r);
    return r->hit ? pith_list_append(r->result, o) : 0;
}

static PithObject *gc_get_referrers(PithObject *self, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    Referrers r = {args, nargs, pith_list_new(0), false};
    if (r.result && pith_gc_for_each(-1, check_referrer, &r) != 0) PITH_CLEAR(r.result);
    return r.result;
}

static PithObject *gc_get_stats(PithObject *self, PithObject *const *a, size_t n,
                                PithObject *k) {
    PithObject *list = pith_list_new(0);
    for (int g = 0; list && g < 3; g++) {
        intptr_t collections, collected;
        pith_gc_get_stats(g, &collections, &collected);
        PithObject *d = pith_dict_new(), *c1 = pith_int_from_ssize(collections);
        PithObject *c2 = pith_int_from_ssize(collected);
        int ok = d && c1 && c2 && pith_dict_set_item_str(d, "collections", c1) == 0 &&
                 pith_dict_set_item_str(d, "collected", c2) == 0 &&
                 pith_dict_set_item_str(d, "uncollectable", pith_int_from_i64(0)) == 0 &&
                 pith_list_append(list, d) == 0;
        PITH_XDECREF(d);
        PITH_XDECREF(c1);
        PITH_XDECREF(c2);
        if (!ok) PITH_CLEAR(list);
    }
    return list;
}

static PithObject *gc_freeze(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    pith_gc_freeze();
    PITH_RETURN_NONE;
}

static PithObject *gc_unfreeze(PithObject *self, PithObject *const *a, size_t n,
                               PithObject *k) {
    pith_gc_unfreeze();
    PITH_RETURN_NONE;
}

static PithObject *gc_get_freeze_count(PithObject *self, PithObject *const *a, size_t n,
                                       PithObject *k) {
    return pith_int_from_ssize(pith_gc_freeze_count());
}

static PithMethodDef gc_methods[] = {
    {"collect", gc_collect, PITH_METH_KW, "Run the garbage collector."},
    {"enable", gc_enable, PITH_METH_NOARGS, "Enable automatic garbage collection."},
    {"disable", gc_disable, PITH_METH_NOARGS, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, PITH_METH_NOARGS, "Returns true if automatic gc is enabled."},
    {"get_count", gc_get_count, PITH_METH_NOARGS, "Return the current collection counts."},
    {"get_threshold", gc_get_threshold, PITH_METH_NOARGS, "Return the collection thresholds."},
    {"set_threshold", gc_set_threshold, PITH_METH_FAST, "Set the collection thresholds."},
    {"get_debug", gc_get_debug, PITH_METH_NOARGS, "Get the garbage collection debugging flags."},
    {"set_debug", gc_set_debug, PITH_METH_O, "Set the garbage collection debugging flags."},
    {"is_tracked", gc_is_tracked, PITH_METH_O, "Returns true if the object is tracked."},
    {"is_finalized", gc_is_finalized, PITH_METH_O, "Returns true if the object was finalized."},
    {"get_objects", gc_get_objects, PITH_METH_KW, "Return a list of objects tracked by the collector."},
    {"get_referents", gc_get_referents, PITH_METH_FAST, "Return the list of objects referred to by objs."},
    {"get_referrers", gc_get_referrers, PITH_METH_FAST, "Return the list of objects that refer to objs."},
    {"get_stats", gc_get_stats, PITH_METH_NOARGS, "Return a list of dictionaries of statistics."},
    {"freeze", gc_freeze, PITH_METH_NOARGS, "Freeze all current tracked objects."},
    {"unfreeze", gc_unfreeze, PITH_METH_NOARGS, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, PITH_METH_NOARGS, "Return the number of frozen objects."},
    {NULL, NULL, 0, NULL},
};

/* gc.garbage and gc.callbacks are lists shared with the collector. */
static int add_shared_list(PithObject *m, const char *name, PithObject **slot) {
    if (!*slot && !(*slot = pith_list_new(0))) return -1;
    return pith_module_add_object(m, name, PITH_NEWREF(*slot));
}

PithObject *pith_gc_module_init(void) {
    PithObject *m = pith_module_new("gc");
    if (!m) return NULL;
    if (pith_module_add_functions(m, gc_methods) < 0 ||
        add_shared_list(m, "garbage", pith_gc_garbage_slot()) < 0 ||
        add_shared_list(m, "callbacks", pith_gc_callbacks_slot()) < 0 ||
        pith_module_add_int(m, "DEBUG_STATS", DEBUG_STATS) < 0 ||
        pith_module_add_int(m, "DEBUG_COLLECTABLE", DEBUG_COLLECTABLE) < 0 ||
        pith_module_add_int(m, "DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE) < 0 ||
        pith_module_add_int(m, "DEBUG_SAVEALL", DEBUG_SAVEALL) < 0 ||
        pith_module_add_int(m, "DEBUG_LEAK", DEBUG_LEAK) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
