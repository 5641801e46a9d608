/* property.c — the `property` descriptor and `mappingproxy` (the read-only
 * view returned by type.__dict__). */
#include "pith/pith.h"
#include "runtime_internal.h"

/* ---- property ------------------------------------------------------------ */

typedef struct {
    PithObject ob;
    PithObject *fget, *fset, *fdel, *doc; /* NULL when absent */
    PithObject *name;                     /* set by __set_name__, or NULL */
    bool getter_doc;                      /* doc was taken from fget */
} Property;

static PithObject *or_none(PithObject *o) { return PITH_NEWREF(o ? o : PITH_NONE); }

static PithObject *prop_new(PithType *t, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    Property *p = (Property *)pith_gc_new(t);
    if (!p) return pith_err_no_memory();
    pith_gc_track(p);
    return (PithObject *)p;
}

static void set_opt(PithObject **field, PithObject *v) {
    if (v == PITH_NONE) v = NULL;
    PITH_XINCREF(v);
    PITH_SETREF(*field, v);
}

static int prop_init(PithObject *self, PithObject *const *args, size_t nargs,
                     PithObject *kwnames) {
    static const char *const kw[] = {"fget", "fset", "fdel", "doc"};
    static const PithArgSpec spec = {"property", kw, 4, 0, 0, 4};
    PithObject *a[4];
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return -1;
    Property *p = (Property *)self;
    set_opt(&p->fget, a[0]);
    set_opt(&p->fset, a[1]);
    set_opt(&p->fdel, a[2]);
    set_opt(&p->doc, a[3]);
    p->getter_doc = false;
    if ((!a[3] || a[3] == PITH_NONE) && p->fget) {
        PithObject *d;
        if (pith_lookup_attr(p->fget, pith_id_doc(), &d) < 0) return -1;
        if (d) {
            set_opt(&p->doc, d);
            PITH_DECREF(d);
            p->getter_doc = true;
        }
    }
    return 0;
}

static PithObject *prop_error(PithObject *self, PithObject *obj, const char *what) {
    Property *p = (Property *)self;
    if (p->name)
        return pith_err_format(&pith_exc_AttributeError, "property %R of '%.100s' object has no %s",
                               p->name, pith_type_name(obj), what);
    return pith_err_format(&pith_exc_AttributeError, "property of '%.100s' object has no %s",
                           pith_type_name(obj), what);
}

static PithObject *prop_get(PithObject *self, PithObject *obj, PithObject *type) {
    Property *p = (Property *)self;
    if (!obj || obj == PITH_NONE) return PITH_NEWREF(self);
    if (!p->fget) return prop_error(self, obj, "getter");
    return pith_call_one(p->fget, obj);
}

static int prop_set(PithObject *self, PithObject *obj, PithObject *value) {
    Property *p = (Property *)self;
    PithObject *f = value ? p->fset : p->fdel, *r;
    if (!f) {
        prop_error(self, obj, value ? "setter" : "deleter");
        return -1;
    }
    if (value) {
        PithObject *args[2] = {obj, value};
        r = pith_call(f, args, 2, NULL);
    } else {
        r = pith_call_one(f, obj);
    }
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

/* property.getter/setter/deleter: a copy with one function replaced. */
static PithObject *prop_copy(PithObject *self, PithObject *get, PithObject *set,
                             PithObject *del) {
    Property *p = (Property *)self;
    PithObject *doc = p->getter_doc && get ? PITH_NONE : (p->doc ? p->doc : PITH_NONE);
    PithObject *args[4] = {get ? get : (p->fget ? p->fget : PITH_NONE),
                           set ? set : (p->fset ? p->fset : PITH_NONE),
                           del ? del : (p->fdel ? p->fdel : PITH_NONE), doc};
    PithObject *r = pith_call((PithObject *)PITH_TYPE(self), args, 4, NULL);
    if (r && pith_type_ok(r, &pith_property_type) && p->name) {
        PITH_INCREF(p->name);
        PITH_SETREF(((Property *)r)->name, p->name);
    }
    return r;
}

static PithObject *prop_getter(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    return prop_copy(self, args[0], NULL, NULL);
}
static PithObject *prop_setter(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    return prop_copy(self, NULL, args[0], NULL);
}
static PithObject *prop_deleter(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    return prop_copy(self, NULL, NULL, args[0]);
}

static PithObject *prop_set_name(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    if (pith_arg_check_range("__set_name__", nargs, 2, 2) < 0) return NULL;
    PITH_INCREF(args[1]);
    PITH_SETREF(((Property *)self)->name, args[1]);
    PITH_RETURN_NONE;
}

static PithObject *p_fget(PithObject *o, void *c) { return or_none(((Property *)o)->fget); }
static PithObject *p_fset(PithObject *o, void *c) { return or_none(((Property *)o)->fset); }
static PithObject *p_fdel(PithObject *o, void *c) { return or_none(((Property *)o)->fdel); }
static PithObject *p_doc(PithObject *o, void *c) { return or_none(((Property *)o)->doc); }
static int p_set_doc(PithObject *o, PithObject *v, void *c) {
    set_opt(&((Property *)o)->doc, v);
    return 0;
}

static PithObject *p_abstract(PithObject *o, void *c) {
    Property *p = (Property *)o;
    PithObject *fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        if (!fs[i]) continue;
        PithObject *v;
        int f = pith_lookup_attr(fs[i], pith_id_isabstractmethod(), &v);
        if (f < 0) return NULL;
        if (!f) continue;
        int t = pith_is_true(v);
        PITH_DECREF(v);
        if (t) return t < 0 ? NULL : PITH_NEWREF(PITH_TRUE);
    }
    PITH_RETURN_FALSE;
}

static void prop_dealloc(PithObject *o) {
    Property *p = (Property *)o;
    pith_gc_untrack(o);
    PITH_XDECREF(p->fget);
    PITH_XDECREF(p->fset);
    PITH_XDECREF(p->fdel);
    PITH_XDECREF(p->doc);
    PITH_XDECREF(p->name);
    pith_gc_del(o);
}

static int prop_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    Property *p = (Property *)o;
    PITH_VISIT(p->fget);
    PITH_VISIT(p->fset);
    PITH_VISIT(p->fdel);
    PITH_VISIT(p->doc);
    return 0;
}

static PithMethodDef prop_methods[] = {
    {"getter", prop_getter, PITH_METH_O, "Descriptor to obtain a copy of the property with a different getter."},
    {"setter", prop_setter, PITH_METH_O, "Descriptor to obtain a copy of the property with a different setter."},
    {"deleter", prop_deleter, PITH_METH_O, "Descriptor to obtain a copy of the property with a different deleter."},
    {"__set_name__", prop_set_name, PITH_METH_FAST, "Method to set name of a property."},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef prop_getset[] = {
    {"fget", p_fget, NULL, NULL, NULL},
    {"fset", p_fset, NULL, NULL, NULL},
    {"fdel", p_fdel, NULL, NULL, NULL},
    {"__doc__", p_doc, p_set_doc, NULL, NULL},
    {"__isabstractmethod__", p_abstract, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_property_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "property",
    .tp_doc = "Property attribute.\n\n"
              "  fget\n    function to be used for getting an attribute value\n"
              "  fset\n    function to be used for setting an attribute value\n"
              "  fdel\n    function to be used for del'ing an attribute\n"
              "  doc\n    docstring",
    .tp_basicsize = sizeof(Property),
    .tp_flags = PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = prop_dealloc,
    .tp_traverse = prop_traverse,
    .tp_new = prop_new,
    .tp_init = prop_init,
    .tp_descr_get = prop_get,
    .tp_descr_set = prop_set,
    .tp_methods = prop_methods,
    .tp_getset = prop_getset,
};

/* ---- mappingproxy -------------------------------------------------------------- */

typedef struct {
    PithObject ob;
    PithObject *mapping;
} MappingProxy;

PithObject *pith_mappingproxy_new(PithObject *mapping) {
    MappingProxy *m = (MappingProxy *)pith_gc_new(&pith_mappingproxy_type);
    if (!m) return pith_err_no_memory();
    m->mapping = PITH_NEWREF(mapping);
    pith_gc_track(m);
    return (PithObject *)m;
}

#define MAPPING(o) (((MappingProxy *)(o))->mapping)

static PithObject *mp_new(PithType *t, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    static const char *const kw[] = {"mapping"};
    static const PithArgSpec spec = {"mappingproxy", kw, 1, 0, 1, 1};
    PithObject *a[1];
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    PithMappingMethods *m = PITH_TYPE(a[0])->tp_as_mapping;
    if (!m || !m->mp_subscript || pith_list_check(a[0]) || pith_tuple_check(a[0]))
        return pith_err_format(&pith_exc_TypeError,
                               "mappingproxy() argument must be a mapping, not %s",
                               pith_type_name(a[0]));
    return pith_mappingproxy_new(a[0]);
}

static intptr_t mp_len(PithObject *o) { return pith_len(MAPPING(o)); }
static PithObject *mp_getitem(PithObject *o, PithObject *k) { return pith_getitem(MAPPING(o), k); }
static int mp_contains(PithObject *o, PithObject *k) { return pith_contains(MAPPING(o), k); }
static PithObject *mp_iter(PithObject *o) { return pith_get_iter(MAPPING(o)); }
static PithObject *mp_str(PithObject *o) { return pith_str(MAPPING(o)); }
static PithObject *mp_repr(PithObject *o) {
    return pith_str_from_format("mappingproxy(%R)", MAPPING(o));
}
static PithObject *mp_richcompare(PithObject *a, PithObject *b, int op) {
    return pith_richcompare(MAPPING(a), b, op);
}

static PithObject *forward(PithObject *self, const char *name, PithObject *const *args,
                           size_t nargs) {
    return pith_call_method(MAPPING(self), name, args, nargs);
}

static PithObject *mp_get(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    if (pith_arg_check_range("get", nargs, 1, 2) < 0) return NULL;
    return forward(self, "get", args, nargs);
}
static PithObject *mp_keys(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    return forward(self, "keys", NULL, 0);
}
static PithObject *mp_values(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    return forward(self, "values", NULL, 0);
}
static PithObject *mp_items(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    return forward(self, "items", NULL, 0);
}
static PithObject *mp_copy(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    return forward(self, "copy", NULL, 0);
}

static void mp_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(MAPPING(o));
    pith_gc_del(o);
}

static int mp_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(MAPPING(o));
    return 0;
}

/* proxy | other and other | proxy: the union of the underlying mappings */
static PithObject *mp_or(PithObject *a, PithObject *b) {
    if (PITH_TYPE(a) == &pith_mappingproxy_type) a = MAPPING(a);
    if (PITH_TYPE(b) == &pith_mappingproxy_type) b = MAPPING(b);
    return pith_number_or(a, b);
}

static PithNumberMethods mp_as_number = {.nb_or = mp_or};
static PithMappingMethods mp_as_mapping = {.mp_length = mp_len, .mp_subscript = mp_getitem};
static PithSequenceMethods mp_as_sequence = {.sq_contains = mp_contains};

static PithMethodDef mp_methods[] = {
    {"get", mp_get, PITH_METH_FAST, NULL},
    {"keys", mp_keys, PITH_METH_NOARGS, NULL},
    {"values", mp_values, PITH_METH_NOARGS, NULL},
    {"items", mp_items, PITH_METH_NOARGS, NULL},
    {"copy", mp_copy, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_mappingproxy_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(MappingProxy),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = mp_dealloc,
    .tp_traverse = mp_traverse,
    .tp_new = mp_new,
    .tp_repr = mp_repr,
    .tp_str = mp_str,
    .tp_richcompare = mp_richcompare,
    .tp_iter = mp_iter,
    .tp_as_number = &mp_as_number,
    .tp_as_mapping = &mp_as_mapping,
    .tp_as_sequence = &mp_as_sequence,
    .tp_methods = mp_methods,
};
