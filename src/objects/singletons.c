/* singletons.c — None, NotImplemented and Ellipsis with their types.
 * All three objects are immortal statics; their types cannot be
 * subclassed and calling a type returns the singleton. */
#include "pith/pith.h"

static PithObject *none_repr(PithObject *o) { return pith_str_intern_cstr("None"); }
static PithObject *notimpl_repr(PithObject *o) {
    return pith_str_intern_cstr("NotImplemented");
}
static PithObject *ellipsis_repr(PithObject *o) {
    return pith_str_intern_cstr("Ellipsis");
}

static int none_bool(PithObject *o) { return 0; }

/* type(None)(), type(NotImplemented)(), type(...)(): no arguments, returns
 * the singleton. */
static PithObject *singleton_new(PithType *t, PithObject *const *args,
                                 size_t nargs, PithObject *kwnames) {
    if (nargs || (kwnames && PITH_SIZE(kwnames)))
        return pith_err_format(&pith_exc_TypeError, "%s takes no arguments",
                               t->tp_name);
    PithObject *r = t == &pith_none_type      ? PITH_NONE
                    : t == &pith_notimpl_type ? PITH_NOTIMPL
                                              : PITH_ELLIPSIS;
    return r;
}

static PithNumberMethods none_as_number = {.nb_bool = none_bool};

/* 3.11: truth of NotImplemented is deprecated (still True). */
static int notimpl_bool(PithObject *o) {
    if (pith_warn(&pith_exc_DeprecationWarning,
                  "NotImplemented should not be used in a boolean context", 1) < 0)
        return -1;
    return 1;
}

static PithNumberMethods notimpl_as_number = {.nb_bool = notimpl_bool};

/* NotImplemented and Ellipsis pickle by name. */
static PithObject *singleton_reduce(PithObject *self, PithObject *const *a, size_t n,
                                    PithObject *kw) {
    return pith_str_intern_cstr(self == PITH_NOTIMPL ? "NotImplemented" : "Ellipsis");
}

static PithMethodDef singleton_methods[] = {
    {"__reduce__", singleton_reduce, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_none_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(PithObject),
    .tp_repr = none_repr,
    .tp_new = singleton_new,
    .tp_as_number = &none_as_number,
};

PithType pith_notimpl_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(PithObject),
    .tp_repr = notimpl_repr,
    .tp_new = singleton_new,
    .tp_as_number = &notimpl_as_number,
    .tp_methods = singleton_methods,
};

PithType pith_ellipsis_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(PithObject),
    .tp_repr = ellipsis_repr,
    .tp_new = singleton_new,
    .tp_methods = singleton_methods,
};

PithObject pith_none_struct = PITH_HEAD_INIT(&pith_none_type);
PithObject pith_notimpl_struct = PITH_HEAD_INIT(&pith_notimpl_type);
PithObject pith_ellipsis_struct = PITH_HEAD_INIT(&pith_ellipsis_type);
