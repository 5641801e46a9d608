/* descr.c — builtin functions (builtin_function_or_method) and the
 * descriptors that expose C methods, members and getsets of types:
 * method_descriptor, classmethod_descriptor, getset_descriptor,
 * member_descriptor. */
#include <string.h>

#include "pith/pith.h"
#include "runtime_internal.h"

/* One layout for the four descriptor kinds; `def` points to a
 * PithMethodDef, PithGetSetDef or PithMemberDef according to the type. */
typedef struct PithDescr {
    PithObject ob;
    PithType *type; /* the owner class (__objclass__) */
    PithObject *name;
    void *def;
} PithDescr;

/* ---- builtin functions ------------------------------------------------- */

PithObject *pith_cfunction_new(PithMethodDef *def, PithObject *self,
                               PithObject *module) {
    PithCFunction *f = (PithCFunction *)pith_gc_new(&pith_cfunction_type);
    if (!f) return pith_err_no_memory();
    f->def = def;
    f->self = self ? PITH_NEWREF(self) : NULL;
    f->module = module ? PITH_NEWREF(module) : NULL;
    pith_gc_track(f);
    return (PithObject *)f;
}

/* The name used in call errors: "len", "list.append", "math.sqrt". */
static PithObject *call_name(PithMethodDef *def, PithObject *self) {
    if (!self) return pith_str_from_format("%s", def->name);
    if (pith_module_check(self)) {
        PithObject *mn = ((PithModule *)self)->name;
        if (!mn || pith_str_eq_cstr(mn, "builtins"))
            return pith_str_from_format("%s", def->name);
        return pith_str_from_format("%U.%s", mn, def->name);
    }
    PithType *t = pith_type_check(self) ? (PithType *)self : PITH_TYPE(self);
    PithObject *qn = pith_type_get_qualname(t);
    if (!qn) return NULL;
    PithObject *r = pith_str_from_format("%U.%s", qn, def->name);
    PITH_DECREF(qn);
    return r;
}

static PithObject *arg_error(PithMethodDef *def, PithObject *self,
                             const char *fmt, size_t n) {
    PithObject *name = call_name(def, self);
    if (!name) return NULL;
    PithObject *msg = pith_str_from_format(fmt, name, (intptr_t)n);
    PITH_DECREF(name);
    if (msg) {
        pith_err_set_object(&pith_exc_TypeError, msg);
        PITH_DECREF(msg);
    }
    return NULL;
}

PithObject *pith_cfunction_call_def(PithMethodDef *def, PithObject *self,
                                    PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    bool kw = kwnames && PITH_SIZE(kwnames) > 0;
    int kind = def->flags & (PITH_METH_NOARGS | PITH_METH_O | PITH_METH_FAST |
                             PITH_METH_KW);
    if (kind != PITH_METH_KW && kw)
        return arg_error(def, self, "%U() takes no keyword arguments", 0);
    if (kind == PITH_METH_NOARGS && nargs != 0)
        return arg_error(def, self, "%U() takes no arguments (%zd given)", nargs);
    if (kind == PITH_METH_O && nargs != 1)
        return arg_error(def, self,
                         "%U() takes exactly one argument (%zd given)", nargs);
    return def->meth(self, args, nargs, kw ? kwnames : NULL);
}

static PithObject *cfunction_call(PithObject *callable, PithObject *const *args,
                                  size_t nargs, PithObject *kwnames) {
    PithCFunction *f = (PithCFunction *)callable;
    return pith_cfunction_call_def(f->def, f->self, args, nargs, kwnames);
}

static void cfunction_dealloc(PithObject *o) {
    PithCFunction *f = (PithCFunction *)o;
    pith_gc_untrack(o);
    PITH_XDECREF(f->self);
    PITH_XDECREF(f->module);
    pith_gc_del(o);
}

static int cfunction_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PithCFunction *f = (PithCFunction *)o;
    PITH_VISIT(f->self);
    PITH_VISIT(f->module);
    return 0;
}

static bool cfunction_is_method(PithCFunction *f) {
    return f->self && !pith_module_check(f->self);
}

static PithObject *cfunction_repr(PithObject *o) {
    PithCFunction *f = (PithCFunction *)o;
    if (!cfunction_is_method(f))
        return pith_str_from_format("<built-in function %s>", f->def->name);
    return pith_str_from_format("<built-in method %s of %s object at %p>",
                                f->def->name, pith_type_name(f->self),
                                (void *)f->self);
}

static PithObject *cfunction_richcompare(PithObject *a, PithObject *b, int op) {
    if ((op != PITH_EQ && op != PITH_NE) || PITH_TYPE(b) != &pith_cfunction_type)
        PITH_RETURN_NOTIMPL;
    PithCFunction *x = (PithCFunction *)a, *y = (PithCFunction *)b;
    bool eq = x->def->meth == y->def->meth && x->self == y->self;
    return pith_bool_from(op == PITH_EQ ? eq : !eq);
}

static intptr_t cfunction_hash(PithObject *o) {
    PithCFunction *f = (PithCFunction *)o;
    intptr_t h = pith_hash_pointer((const void *)f->def) ^ pith_hash_pointer(f->self);
    return h == -1 ? -2 : h;
}

static PithObject *cf_name(PithObject *o, void *c) {
    return pith_str_from_cstr(((PithCFunction *)o)->def->name);
}

static PithObject *cf_qualname(PithObject *o, void *c) {
    PithCFunction *f = (PithCFunction *)o;
    if (!cfunction_is_method(f)) return pith_str_from_cstr(f->def->name);
    PithType *t = pith_type_check(f->self) ? (PithType *)f->self : PITH_TYPE(f->self);
    PithObject *tq = pith_type_get_qualname(t);
    if (!tq) return NULL;
    PithObject *r = pith_str_from_format("%U.%s", tq, f->def->name);
    PITH_DECREF(tq);
    return r;
}

static PithObject *cf_self(PithObject *o, void *c) {
    PithCFunction *f = (PithCFunction *)o;
    return PITH_NEWREF(f->self ? f->self : PITH_NONE);
}

static PithObject *cf_module(PithObject *o, void *c) {
    PithCFunction *f = (PithCFunction *)o;
    if (f->module) return PITH_NEWREF(f->module);
    if (f->self && pith_module_check(f->self) && ((PithModule *)f->self)->name)
        return PITH_NEWREF(((PithModule *)f->self)->name);
    PITH_RETURN_NONE;
}

static int cf_set_module(PithObject *o, PithObject *v, void *c) {
    PithCFunction *f = (PithCFunction *)o;
    PITH_XINCREF(v);
    PITH_SETREF(f->module, v);
    return 0;
}

static PithObject *doc_or_none(const char *doc) {
    return doc ? pith_str_from_cstr(doc) : PITH_NEWREF(PITH_NONE);
}

static PithObject *cf_doc(PithObject *o, void *c) {
    return doc_or_none(((PithCFunction *)o)->def->doc);
}

/* Builtins carry no "--\n\n" signature lines in their docs: always None. */
static PithObject *cf_text_signature(PithObject *o, void *c) { PITH_RETURN_NONE; }

static PithObject *cf_reduce(PithObject *self, PithObject *const *args,
                             size_t nargs, PithObject *kwnames) {
    PithCFunction *f = (PithCFunction *)self;
    if (!cfunction_is_method(f)) return pith_str_from_cstr(f->def->name);
    PithObject *getattr = pith_dict_get_item_str(pith_interp.builtins, "getattr");
    PithObject *name = pith_str_from_cstr(f->def->name);
    PithObject *r = NULL;
    if (getattr && name) {
        PithObject *inner = pith_tuple_pack(2, f->self, name);
        if (inner) r = pith_tuple_pack(2, getattr, inner);
        PITH_XDECREF(inner);
    }
    PITH_XDECREF(name);
    return r;
}

static PithGetSetDef cfunction_getset[] = {
    {"__name__", cf_name, NULL, NULL, NULL},
    {"__qualname__", cf_qualname, NULL, NULL, NULL},
    {"__self__", cf_self, NULL, NULL, NULL},
    {"__module__", cf_module, cf_set_module, NULL, NULL},
    {"__doc__", cf_doc, NULL, NULL, NULL},
    {"__text_signature__", cf_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithMethodDef cfunction_methods[] = {
    {"__reduce__", cf_reduce, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_cfunction_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(PithCFunction),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_WEAKREFABLE,
    .tp_dealloc = cfunction_dealloc,
    .tp_repr = cfunction_repr,
    .tp_hash = cfunction_hash,
    .tp_richcompare = cfunction_richcompare,
    .tp_call = cfunction_call,
    .tp_traverse = cfunction_traverse,
    .tp_getset = cfunction_getset,
    .tp_methods = cfunction_methods,
};

/* ---- common descriptor machinery ------------------------------------------ */

static PithObject *descr_new(PithType *kind, PithType *owner, const char *name,
                             void *def) {
    PithDescr *d = (PithDescr *)pith_obj_new(kind);
    if (!d) return pith_err_no_memory();
    d->type = (PithType *)PITH_NEWREF(owner);
    d->def = def;
    d->name = pith_str_intern_cstr(name);
    if (!d->name) {
        PITH_DECREF(d);
        return NULL;
    }
    pith_gc_track(d); /* GC objects: a class and its descriptors form cycles */
    return (PithObject *)d;
}

static void descr_dealloc(PithObject *o) {
    PithDescr *d = (PithDescr *)o;
    pith_gc_untrack(o);
    PITH_XDECREF(d->type);
    PITH_XDECREF(d->name);
    pith_gc_del(o);
}

static int descr_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((PithDescr *)o)->type);
    return 0;
}

/* obj must be an instance of the descriptor's class. */
static int descr_check(PithDescr *d, PithObject *obj) {
    if (pith_type_ok(obj, d->type)) return 0;
    pith_err_format(&pith_exc_TypeError,
                    "descriptor '%U' for '%.100s' objects doesn't apply to a "
                    "'%.100s' object",
                    d->name, d->type->tp_name, pith_type_name(obj));
    return -1;
}

static PithObject *descr_repr_fmt(PithObject *o, const char *fmt) {
    PithDescr *d = (PithDescr *)o;
    return pith_str_from_format(fmt, d->name, d->type->tp_name);
}

static PithObject *descr_name(PithObject *o, void *c) {
    return PITH_NEWREF(((PithDescr *)o)->name);
}

static PithObject *descr_qualname(PithObject *o, void *c) {
    PithDescr *d = (PithDescr *)o;
    PithObject *tq = pith_type_get_qualname(d->type);
    if (!tq) return NULL;
    PithObject *r = pith_str_from_format("%U.%U", tq, d->name);
    PITH_DECREF(tq);
    return r;
}

static PithObject *descr_objclass(PithObject *o, void *c) {
    return PITH_NEWREF(((PithDescr *)o)->type);
}

static PithObject *method_doc(PithObject *o, void *c) {
    return doc_or_none(((PithMethodDef *)((PithDescr *)o)->def)->doc);
}

static PithObject *getset_doc(PithObject *o, void *c) {
    return doc_or_none(((PithGetSetDef *)((PithDescr *)o)->def)->doc);
}

static PithObject *member_doc(PithObject *o, void *c) {
    return doc_or_none(((PithMemberDef *)((PithDescr *)o)->def)->doc);
}

#define DESCR_GETSET(docfn)                                                    \
    {                                                                          \
        {"__name__", descr_name, NULL, NULL, NULL},                            \
        {"__qualname__", descr_qualname, NULL, NULL, NULL},                    \
        {"__objclass__", descr_objclass, NULL, NULL, NULL},                    \
        {"__doc__", docfn, NULL, NULL, NULL},                                  \
        {NULL, NULL, NULL, NULL, NULL},                                        \
    }

static PithGetSetDef method_descr_getset[] = DESCR_GETSET(method_doc);
static PithGetSetDef getset_descr_getset[] = DESCR_GETSET(getset_doc);
static PithGetSetDef member_descr_getset[] = DESCR_GETSET(member_doc);

/* ---- method_descriptor ------------------------------------------------------ */

PithObject *pith_descr_new_method(PithType *t, PithMethodDef *def) {
    return descr_new(&pith_method_descr_type, t, def->name, def);
}

PithMethodDef *pith_method_descr_def(PithObject *descr) {
    return (PithMethodDef *)((PithDescr *)descr)->def;
}

static PithObject *method_get(PithObject *self, PithObject *obj, PithObject *type) {
    PithDescr *d = (PithDescr *)self;
    if (!obj) return PITH_NEWREF(self);
    if (descr_check(d, obj) < 0) return NULL;
    return pith_cfunction_new((PithMethodDef *)d->def, obj, NULL);
}

static PithObject *method_call(PithObject *callable, PithObject *const *args,
                               size_t nargs, PithObject *kwnames) {
    PithDescr *d = (PithDescr *)callable;
    if (nargs < 1)
        return pith_err_format(&pith_exc_TypeError,
                               "unbound method %s.%U() needs an argument",
                               d->type->tp_name, d->name);
    if (descr_check(d, args[0]) < 0) return NULL;
    return pith_cfunction_call_def((PithMethodDef *)d->def, args[0], args + 1,
                                   nargs - 1, kwnames);
}

static PithObject *method_repr(PithObject *o) {
    return descr_repr_fmt(o, "<method '%U' of '%s' objects>");
}

PithType pith_method_descr_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(PithDescr),
    .tp_flags = PITH_TPFLAGS_METHOD_DESCRIPTOR | PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = method_repr,
    .tp_call = method_call,
    .tp_descr_get = method_get,
    .tp_getset = method_descr_getset,
};

/* ---- classmethod_descriptor ------------------------------------------------- */

PithObject *pith_descr_new_classmethod(PithType *t, PithMethodDef *def) {
    return descr_new(&pith_classmethod_descr_type, t, def->name, def);
}

static PithObject *classmethod_get(PithObject *self, PithObject *obj,
                                   PithObject *type) {
    PithDescr *d = (PithDescr *)self;
    if (!type || type == PITH_NONE) type = (PithObject *)PITH_TYPE(obj);
    if (!pith_type_check(type) || !pith_type_is_subtype((PithType *)type, d->type))
        return pith_err_format(&pith_exc_TypeError,
                               "descriptor '%U' for type '%s' needs a subtype "
                               "of '%s' as arg 2, not a '%s'",
                               d->name, d->type->tp_name, d->type->tp_name,
                               pith_type_name(type));
    return pith_cfunction_new((PithMethodDef *)d->def, type, NULL);
}

static PithObject *classmethod_call(PithObject *callable, PithObject *const *args,
                                    size_t nargs, PithObject *kwnames) {
    PithDescr *d = (PithDescr *)callable;
    if (nargs < 1)
        return pith_err_format(&pith_exc_TypeError,
                               "descriptor '%U' of '%s' object needs an argument",
                               d->name, d->type->tp_name);
    PithObject *t = args[0];
    if (!pith_type_check(t) || !pith_type_is_subtype((PithType *)t, d->type))
        return pith_err_format(&pith_exc_TypeError,
                               "descriptor '%U' requires a subtype of '%s' but "
                               "received '%s'",
                               d->name, d->type->tp_name, pith_type_name(t));
    return pith_cfunction_call_def((PithMethodDef *)d->def, t, args + 1,
                                   nargs - 1, kwnames);
}

PithType pith_classmethod_descr_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(PithDescr),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = method_repr,
    .tp_call = classmethod_call,
    .tp_descr_get = classmethod_get,
    .tp_getset = method_descr_getset,
};

/* ---- getset_descriptor ------------------------------------------------------ */

PithObject *pith_descr_new_getset(PithType *t, PithGetSetDef *def) {
    return descr_new(&pith_getset_descr_type, t, def->name, def);
}

static PithObject *getset_get(PithObject *self, PithObject *obj, PithObject *type) {
    PithDescr *d = (PithDescr *)self;
    if (!obj) return PITH_NEWREF(self);
    if (descr_check(d, obj) < 0) return NULL;
    PithGetSetDef *g = d->def;
    if (!g->get)
        return pith_err_format(&pith_exc_AttributeError,
                               "attribute '%U' of '%.100s' objects is not readable",
                               d->name, d->type->tp_name);
    return g->get(obj, g->closure);
}

static int getset_set(PithObject *self, PithObject *obj, PithObject *value) {
    PithDescr *d = (PithDescr *)self;
    if (descr_check(d, obj) < 0) return -1;
    PithGetSetDef *g = d->def;
    if (!g->set) {
        pith_err_format(&pith_exc_AttributeError,
                        "attribute '%U' of '%.100s' objects is not writable",
                        d->name, d->type->tp_name);
        return -1;
    }
    return g->set(obj, value, g->closure);
}

static PithObject *getset_repr(PithObject *o) {
    return descr_repr_fmt(o, "<attribute '%U' of '%s' objects>");
}

PithType pith_getset_descr_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(PithDescr),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = getset_repr,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
    .tp_getset = getset_descr_getset,
};

/* ---- member_descriptor ------------------------------------------------------- */

PithObject *pith_descr_new_member(PithType *t, PithMemberDef *def) {
    return descr_new(&pith_member_descr_type, t, def->name, def);
}

static PithObject *member_read(PithDescr *d, PithObject *obj) {
    PithMemberDef *m = d->def;
    char *p = (char *)obj + m->offset;
    switch (m->kind) {
    case PITH_MEMBER_OBJECT:
    case PITH_MEMBER_OBJECT_EX: {
        PithObject *v = *(PithObject **)p;
        if (v) return PITH_NEWREF(v);
        if (m->kind == PITH_MEMBER_OBJECT) PITH_RETURN_NONE;
        return pith_err_format(&pith_exc_AttributeError,
                               "'%.200s' object has no attribute '%U'",
                               pith_type_name(obj), d->name);
    }
    case PITH_MEMBER_INT: return pith_int_from_i64(*(int *)p);
    case PITH_MEMBER_SSIZE: return pith_int_from_ssize(*(intptr_t *)p);
    case PITH_MEMBER_BOOL: return pith_bool_from(*(char *)p);
    case PITH_MEMBER_DOUBLE: return pith_float_from_double(*(double *)p);
    case PITH_MEMBER_CSTRING: {
        const char *s = *(const char **)p;
        return s ? pith_str_from_cstr(s) : PITH_NEWREF(PITH_NONE);
    }
    }
    PITH_BAD_INTERNAL_CALL();
    return NULL;
}

static PithObject *member_get(PithObject *self, PithObject *obj, PithObject *type) {
    PithDescr *d = (PithDescr *)self;
    if (!obj) return PITH_NEWREF(self);
    if (descr_check(d, obj) < 0) return NULL;
    return member_read(d, obj);
}

static int member_store_number(PithMemberDef *m, char *p, PithObject *v) {
    if (m->kind == PITH_MEMBER_DOUBLE) {
        double x = pith_float_as_double(v);
        if (x == -1.0 && pith_err_occurred()) return -1;
        *(double *)p = x;
        return 0;
    }
    if (m->kind == PITH_MEMBER_BOOL) {
        if (!pith_bool_check(v)) {
            pith_err_set_string(&pith_exc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)p = v == PITH_TRUE;
        return 0;
    }
    intptr_t x = pith_number_as_ssize(v, &pith_exc_OverflowError);
    if (x == -1 && pith_err_occurred()) return -1;
    if (m->kind == PITH_MEMBER_INT)
        *(int *)p = (int)x;
    else
        *(intptr_t *)p = x;
    return 0;
}

static int member_set(PithObject *self, PithObject *obj, PithObject *value) {
    PithDescr *d = (PithDescr *)self;
    if (descr_check(d, obj) < 0) return -1;
    PithMemberDef *m = d->def;
    char *p = (char *)obj + m->offset;
    if ((m->flags & PITH_READONLY) || m->kind == PITH_MEMBER_CSTRING) {
        pith_err_set_string(&pith_exc_AttributeError, "readonly attribute");
        return -1;
    }
    if (m->kind == PITH_MEMBER_OBJECT || m->kind == PITH_MEMBER_OBJECT_EX) {
        PithObject *old = *(PithObject **)p;
        if (!value && m->kind == PITH_MEMBER_OBJECT_EX && !old) {
            pith_err_format(&pith_exc_AttributeError, "%U", d->name);
            return -1;
        }
        *(PithObject **)p = value ? PITH_NEWREF(value) : NULL;
        PITH_XDECREF(old);
        return 0;
    }
    if (!value) {
        pith_err_set_string(&pith_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    return member_store_number(m, p, value);
}

static PithObject *member_repr(PithObject *o) {
    return descr_repr_fmt(o, "<member '%U' of '%s' objects>");
}

PithType pith_member_descr_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(PithDescr),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = member_repr,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
    .tp_getset = member_descr_getset,
};

/* ---- T.__new__ ----------------------------------------------------------------- */

/* T.__new__(S, *args): S must be a subtype of T; calls T's tp_new as if S
 * were being instantiated. self is T. */
static PithObject *tp_new_wrapper(PithObject *self, PithObject *const *args,
                                  size_t nargs, PithObject *kwnames) {
    PithType *t = (PithType *)self;
    if (nargs < 1)
        return pith_err_format(&pith_exc_TypeError,
                               "%s.__new__(): not enough arguments", t->tp_name);
    PithObject *arg0 = args[0];
    if (!pith_type_check(arg0))
        return pith_err_format(&pith_exc_TypeError,
                               "%s.__new__(X): X is not a type object (%s)",
                               t->tp_name, pith_type_name(arg0));
    PithType *sub = (PithType *)arg0;
    if (!pith_type_is_subtype(sub, t))
        return pith_err_format(&pith_exc_TypeError,
                               "%s.__new__(%s): %s is not a subtype of %s",
                               t->tp_name, sub->tp_name, sub->tp_name, t->tp_name);
    /* The nearest static base of sub must use this same tp_new. */
    PithType *sb = sub;
    while (sb && sb->tp_new == pith_slot_tp_new) sb = sb->tp_base;
    if (sb && sb->tp_new != t->tp_new)
        return pith_err_format(&pith_exc_TypeError,
                               "%s.__new__(%s) is not safe, use %s.__new__()", t->tp_name,
                               sub->tp_name, sb->tp_name);
    if (!t->tp_new)
        return pith_err_format(&pith_exc_TypeError,
                               "cannot create '%s' instances", t->tp_name);
    return t->tp_new(sub, args + 1, nargs - 1, kwnames);
}

static PithMethodDef tp_new_def = {
    "__new__", tp_new_wrapper, PITH_METH_KW,
    "Create and return a new object.  See help(type) for accurate signature."};

PithObject *pith_descr_new_wrapper_new(PithType *t) {
    return pith_cfunction_new(&tp_new_def, (PithObject *)t, NULL);
}

int pith_descr_init(void) {
    PithType *types[] = {&pith_cfunction_type, &pith_method_descr_type,
                         &pith_classmethod_descr_type, &pith_getset_descr_type,
                         &pith_member_descr_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (pith_type_ready(types[i]) < 0) return -1;
    return 0;
}
