/* module.c — module objects: creation, attribute access with module-level
 * __getattr__ (PEP 562), repr, dir, and helpers to populate C modules. */
#include <string.h>

#include "pith/pith.h"
#include "runtime_internal.h"

/* Fill the standard entries of a fresh module dict. */
static int init_dict(PithObject *dict, PithObject *name, PithObject *doc) {
    if (pith_dict_set_item(dict, pith_id_name(), name) < 0 ||
        pith_dict_set_item(dict, pith_id_doc(), doc ? doc : PITH_NONE) < 0 ||
        pith_dict_set_item(dict, pith_id_package(), PITH_NONE) < 0 ||
        pith_dict_set_item(dict, pith_id_loader(), PITH_NONE) < 0 ||
        pith_dict_set_item(dict, pith_id_spec(), PITH_NONE) < 0)
        return -1;
    return 0;
}

static PithModule *module_alloc(PithType *t) {
    PithModule *m = (PithModule *)pith_gc_new(t);
    if (!m) {
        pith_err_no_memory();
        return NULL;
    }
    m->dict = pith_dict_new();
    if (!m->dict) {
        PITH_DECREF(m);
        return NULL;
    }
    pith_gc_track(m);
    return m;
}

PithObject *pith_module_new(const char *name) {
    PithObject *n = pith_str_from_cstr(name);
    if (!n) return NULL;
    PithModule *m = module_alloc(&pith_module_type);
    if (!m || init_dict(m->dict, n, NULL) < 0) {
        PITH_XDECREF(m);
        PITH_DECREF(n);
        return NULL;
    }
    m->name = n;
    return (PithObject *)m;
}

PithObject *pith_module_get_dict(PithObject *m) { return ((PithModule *)m)->dict; }

int pith_module_add_object(PithObject *m, const char *name, PithObject *value) {
    if (!value) return -1;
    int r = pith_dict_set_item_str(((PithModule *)m)->dict, name, value);
    PITH_DECREF(value);
    return r;
}

int pith_module_add_int(PithObject *m, const char *name, long v) {
    return pith_module_add_object(m, name, pith_int_from_i64(v));
}

int pith_module_add_functions(PithObject *m, PithMethodDef *defs) {
    PithObject *modname = ((PithModule *)m)->name;
    for (PithMethodDef *d = defs; d && d->name; d++) {
        PithObject *f = pith_cfunction_new(d, m, modname);
        if (pith_module_add_object(m, d->name, f) < 0) return -1;
    }
    return 0;
}

/* ---- the module type -------------------------------------------------------- */

static PithObject *module_new(PithType *t, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    PithModule *m = module_alloc(t);
    return (PithObject *)m;
}

static int module_init(PithObject *self, PithObject *const *args, size_t nargs,
                       PithObject *kwnames) {
    static const char *const kw[] = {"name", "doc"};
    static const PithArgSpec spec = {"module", kw, 2, 0, 1, 2};
    PithObject *a[2];
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return -1;
    if (!pith_str_check(a[0])) {
        pith_err_format(&pith_exc_TypeError,
                        "module.__init__() argument 'name' must be str, not %s",
                        pith_type_name(a[0]));
        return -1;
    }
    PithModule *m = (PithModule *)self;
    if (init_dict(m->dict, a[0], a[1]) < 0) return -1;
    PITH_INCREF(a[0]);
    PITH_SETREF(m->name, a[0]);
    return 0;
}

static void module_dealloc(PithObject *o) {
    PithModule *m = (PithModule *)o;
    pith_gc_untrack(o);
    PITH_XDECREF(m->dict);
    PITH_XDECREF(m->name);
    pith_gc_del(o);
}

static int module_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((PithModule *)o)->dict);
    return 0;
}

static int module_clear(PithObject *o) {
    PITH_CLEAR(((PithModule *)o)->dict);
    return 0;
}

static bool is_builtin_name(PithObject *name) {
    for (const PithBuiltinModule *b = pith_builtin_modules; b->name; b++)
        if (pith_str_eq_cstr(name, b->name)) return true;
    return false;
}

static PithObject *module_repr(PithObject *self) {
    PithObject *d = ((PithModule *)self)->dict;
    PithObject *name = d ? pith_dict_get_item(d, pith_id_name()) : NULL;
    PithObject *file = d ? pith_dict_get_item(d, pith_id_file()) : NULL;
    PithObject *nm = name ? name : pith_str_intern_cstr("?");
    PithObject *r;
    if (file)
        r = pith_str_from_format("<module %R from %R>", nm, file);
    else if (pith_str_check(nm) && is_builtin_name(nm))
        r = pith_str_from_format("<module %R (built-in)>", nm);
    else
        r = pith_str_from_format("<module %R>", nm);
    if (!name) PITH_DECREF(nm);
    return r;
}

/* "module 'x' has no attribute 'y'", after trying module __getattr__. */
static PithObject *module_getattro(PithObject *self, PithObject *name) {
    PithObject *r = pith_generic_getattr(self, name);
    if (r || !pith_err_matches(&pith_exc_AttributeError)) return r;
    PithObject *d = ((PithModule *)self)->dict;
    if (!d) return NULL;
    pith_err_clear();
    PithObject *ga = pith_dict_get_item(d, pith_id_getattr());
    if (ga) {
        PITH_INCREF(ga);
        r = pith_call_one(ga, name);
        PITH_DECREF(ga);
        return r;
    }
    PithObject *mn = pith_dict_get_item(d, pith_id_name());
    if (mn && pith_str_check(mn))
        pith_err_format(&pith_exc_AttributeError, "module '%U' has no attribute '%U'",
                        mn, name);
    else
        pith_err_format(&pith_exc_AttributeError, "module has no attribute '%U'", name);
    pith_exc_set_attribute_info(pith_err_occurred(), self, name);
    return NULL;
}

static PithObject *module_dir(PithObject *self, PithObject *const *args,
                              size_t nargs, PithObject *kwnames) {
    PithObject *d = ((PithModule *)self)->dict;
    if (!d) return pith_list_new(0);
    PithObject *f = pith_dict_get_item(d, pith_id_dir());
    if (f) return pith_call_noargs(f);
    return pith_dict_keys(d);
}

static PithObject *module_get_dict(PithObject *self, void *c) {
    PithObject *d = ((PithModule *)self)->dict;
    return PITH_NEWREF(d ? d : PITH_NONE);
}

static PithMethodDef module_methods[] = {
    {"__dir__", module_dir, PITH_METH_NOARGS, "__dir__() -> list\nspecialized dir() implementation"},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef module_getset[] = {
    {"__dict__", module_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_module_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "module",
    .tp_basicsize = sizeof(PithModule),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_WEAKREFABLE,
    .tp_doc = "Create a module object.\n\n"
              "The name must be a string; the optional doc argument can have any type.",
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = pith_generic_setattr,
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_new = module_new,
    .tp_init = module_init,
    .tp_methods = module_methods,
    .tp_getset = module_getset,
    .tp_dictoffset = offsetof(PithModule, dict),
};

int pith_module_type_init(void) { return pith_type_ready(&pith_module_type); }
