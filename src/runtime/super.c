/* super.c — the `super` type: super(type, obj), super(type) and the
 * zero-argument form, which reads the __class__ cell and the first argument
 * of the calling Python frame. Attribute lookup continues along
 * type(obj).__mro__ after `type`. */
#include "pith/frame.h"
#include "pith/func.h"
#include "pith/pith.h"
#include "runtime_internal.h"

typedef struct {
    PithObject ob;
    PithType *type;      /* the class super() was called for */
    PithObject *obj;     /* the instance or class, or NULL (unbound) */
    PithType *obj_type;  /* type(obj), or obj itself when it is a class */
} Super;

static PithObject *super_new(PithType *t, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    Super *s = (Super *)pith_gc_new(t);
    if (!s) return pith_err_no_memory();
    pith_gc_track(s);
    return (PithObject *)s;
}

/* The type whose MRO is searched for obj (CPython's supercheck). */
static PithType *supercheck(PithType *type, PithObject *obj) {
    if (pith_type_check(obj) && pith_type_is_subtype((PithType *)obj, type))
        return (PithType *)obj;
    if (pith_type_ok(obj, type)) return PITH_TYPE(obj);
    PithObject *cls;
    int f = pith_lookup_attr(obj, pith_id_class(), &cls);
    if (f < 0) return NULL;
    if (f) {
        bool ok = pith_type_check(cls) && cls != (PithObject *)PITH_TYPE(obj) &&
                  pith_type_is_subtype((PithType *)cls, type);
        PITH_DECREF(cls);
        if (ok) return (PithType *)cls; /* borrowed: classes outlive this call */
    }
    pith_err_set_string(&pith_exc_TypeError,
                        "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static PithObject *runtime_error(const char *msg) {
    pith_err_set_string(&pith_exc_RuntimeError, msg);
    return NULL;
}

/* Value of the local, cell or free slot named `name` in frame f, or NULL. */
static PithObject *frame_cell_value(PithFrame *f, intptr_t slot) {
    PithObject *v = f->localsplus[slot];
    if (v && pith_cell_check(v)) return pith_cell_get(v);
    return v;
}

static PithObject *first_argument(PithFrame *f) {
    PithCode *co = f->code;
    /* self captured by a closure lives in the cell of the same name (the
     * local slot keeps the value passed in); a cell passed as the argument
     * itself is not unwrapped */
    PithObject *name = PITH_TUPLE_GET(co->varnames, 0);
    for (intptr_t i = 0; i < PITH_SIZE(co->cellvars); i++)
        if (pith_str_equal(PITH_TUPLE_GET(co->cellvars, i), name))
            return frame_cell_value(f, co->nlocals + i);
    return f->localsplus[0];
}

/* Zero-argument super(): (__class__, first argument) of the caller. */
static int super_from_frame(PithType **type, PithObject **obj) {
    PithFrame *f = pith_tstate()->frame;
    if (!f || !f->code) return runtime_error("super(): no current frame"), -1;
    PithCode *co = f->code;
    if (co->argcount == 0 && !(co->flags & PITH_CO_VARARGS))
        return runtime_error("super(): no arguments"), -1;
    *obj = first_argument(f);
    if (!*obj) return runtime_error("super(): arg[0] deleted"), -1;
    intptr_t ncell = PITH_SIZE(co->cellvars);
    for (intptr_t i = 0; i < PITH_SIZE(co->freevars); i++) {
        if (!pith_str_eq_cstr(PITH_TUPLE_GET(co->freevars, i), "__class__")) continue;
        PithObject *cell = f->localsplus[co->nlocals + ncell + i];
        PithObject *cls = cell && pith_cell_check(cell) ? pith_cell_get(cell) : NULL;
        if (!cls) return runtime_error("super(): empty __class__ cell"), -1;
        if (!pith_type_check(cls)) {
            pith_err_format(&pith_exc_RuntimeError, "super(): __class__ is not a type (%s)",
                            pith_type_name(cls));
            return -1;
        }
        *type = (PithType *)cls;
        return 0;
    }
    return runtime_error("super(): __class__ cell not found"), -1;
}

static int super_init(PithObject *self, PithObject *const *args, size_t nargs,
                      PithObject *kwnames) {
    if (pith_arg_no_kwargs("super", kwnames) < 0) return -1;
    if (pith_arg_check_range("super()", nargs, 0, 2) < 0) return -1;
    PithType *type = NULL;
    PithObject *obj = NULL;
    if (nargs == 0) {
        if (super_from_frame(&type, &obj) < 0) return -1;
    } else {
        if (!pith_type_check(args[0])) {
            pith_err_format(&pith_exc_TypeError,
                            "super() argument 1 must be a type, not %s",
                            pith_type_name(args[0]));
            return -1;
        }
        type = (PithType *)args[0];
        obj = nargs == 2 && args[1] != PITH_NONE ? args[1] : NULL;
    }
    PithType *obj_type = NULL;
    if (obj && !(obj_type = supercheck(type, obj))) return -1;
    Super *s = (Super *)self;
    PITH_INCREF(type);
    PITH_SETREF(s->type, type);
    PITH_XINCREF(obj);
    PITH_SETREF(s->obj, obj);
    PITH_XINCREF(obj_type);
    PITH_SETREF(s->obj_type, obj_type);
    return 0;
}

static PithObject *super_getattro(PithObject *self, PithObject *name) {
    Super *s = (Super *)self;
    if (!s->obj_type || !pith_str_check(name) || pith_str_eq_cstr(name, "__class__"))
        return pith_generic_getattr(self, name);
    PithObject *mro = s->obj_type->tp_mro;
    intptr_t n = mro ? PITH_SIZE(mro) : 0, i = 0;
    while (i < n && PITH_TUPLE_GET(mro, i) != (PithObject *)s->type) i++;
    for (i++; i < n; i++) {
        PithType *b = (PithType *)PITH_TUPLE_GET(mro, i);
        PithObject *res = pith_dict_get_item(b->tp_dict, name);
        if (!res) continue;
        pith_descrgetfunc get = PITH_TYPE(res)->tp_descr_get;
        if (!get) return PITH_NEWREF(res);
        PITH_INCREF(res);
        PithObject *inst = s->obj == (PithObject *)s->obj_type ? NULL : s->obj;
        PithObject *r = get(res, inst, (PithObject *)s->obj_type);
        PITH_DECREF(res);
        return r;
    }
    return pith_generic_getattr(self, name);
}

static PithObject *super_descr_get(PithObject *self, PithObject *obj, PithObject *type) {
    Super *s = (Super *)self;
    if (!obj || obj == PITH_NONE || s->obj) return PITH_NEWREF(self);
    PithObject *args[2] = {(PithObject *)s->type, obj};
    return pith_call((PithObject *)PITH_TYPE(self), args, 2, NULL);
}

static PithObject *super_repr(PithObject *self) {
    Super *s = (Super *)self;
    PithObject *tn = s->type ? pith_type_get_name(s->type) : pith_str_from_cstr("NULL");
    if (!tn) return NULL;
    PithObject *r;
    if (s->obj_type)
        r = pith_str_from_format("<super: <class '%U'>, <%s object>>", tn,
                                 s->obj_type->tp_name);
    else
        r = pith_str_from_format("<super: <class '%U'>, NULL>", tn);
    PITH_DECREF(tn);
    return r;
}

static void super_dealloc(PithObject *o) {
    Super *s = (Super *)o;
    pith_gc_untrack(o);
    PITH_XDECREF(s->type);
    PITH_XDECREF(s->obj);
    PITH_XDECREF(s->obj_type);
    pith_gc_del(o);
}

static int super_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    Super *s = (Super *)o;
    PITH_VISIT(s->obj);
    return 0;
}

static PithMemberDef super_members[] = {
    {"__thisclass__", PITH_MEMBER_OBJECT, offsetof(Super, type), PITH_READONLY,
     "the class invoking super()"},
    {"__self__", PITH_MEMBER_OBJECT, offsetof(Super, obj), PITH_READONLY,
     "the instance invoking super(); may be None"},
    {"__self_class__", PITH_MEMBER_OBJECT, offsetof(Super, obj_type), PITH_READONLY,
     "the type of the instance invoking super(); may be None"},
    {NULL, 0, 0, 0, NULL},
};

PithType pith_super_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "super",
    .tp_basicsize = sizeof(Super),
    .tp_flags = PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = super_dealloc,
    .tp_traverse = super_traverse,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_descr_get = super_descr_get,
    .tp_new = super_new,
    .tp_init = super_init,
    .tp_members = super_members,
};
