/* descr.h — builtin functions and descriptors (runtime/descr.c):
 * builtin_function_or_method, method_descriptor, classmethod_descriptor,
 * getset_descriptor, member_descriptor, plus property, super and
 * mappingproxy used by Python classes. */
#ifndef PITH_DESCR_H
#define PITH_DESCR_H

#include "object.h"

typedef struct PithCFunction {
    PithObject ob;
    PithMethodDef *def;
    PithObject *self;   /* bound object, module, or NULL */
    PithObject *module; /* __module__ (str) or NULL */
} PithCFunction;

extern PithType pith_cfunction_type, pith_method_descr_type,
    pith_classmethod_descr_type, pith_getset_descr_type,
    pith_member_descr_type;

/* Create a builtin function bound to self (new ref). */
PithObject *pith_cfunction_new(PithMethodDef *def, PithObject *self, PithObject *module);
/* Check arguments against def->flags and call (CPython's messages, e.g.
 * "len() takes exactly one argument (2 given)"). */
PithObject *pith_cfunction_call_def(PithMethodDef *def, PithObject *self,
                                    PithObject *const *args, size_t nargs,
                                    PithObject *kwnames);
PithObject *pith_descr_new_method(PithType *t, PithMethodDef *def);
PithObject *pith_descr_new_classmethod(PithType *t, PithMethodDef *def);
PithObject *pith_descr_new_getset(PithType *t, PithGetSetDef *def);
PithObject *pith_descr_new_member(PithType *t, PithMemberDef *def);
/* The underlying def of a method_descriptor (for LOAD_METHOD fast path). */
PithMethodDef *pith_method_descr_def(PithObject *descr);

/* property, super, mappingproxy (runtime/property.c, runtime/super.c);
 * staticmethod/classmethod are in func.h. */
extern PithType pith_property_type, pith_super_type, pith_mappingproxy_type;
/* Read-only view of a mapping (type.__dict__). */
PithObject *pith_mappingproxy_new(PithObject *mapping);

/* types.GenericAlias (list[int]) and types.UnionType (int | None)
 * (runtime/genericalias.c). A type supports C[...] by listing
 *   {"__class_getitem__", pith_generic_alias_class_getitem,
 *    PITH_METH_O | PITH_METH_CLASS, NULL}
 * in its tp_methods. */
extern PithType pith_generic_alias_type, pith_union_type;
PithObject *pith_generic_alias_new(PithObject *origin, PithObject *args);
PithObject *pith_generic_alias_class_getitem(PithObject *cls, PithObject *const *args,
                                             size_t nargs, PithObject *kwnames);
PithObject *pith_union_or(PithObject *a, PithObject *b); /* type.__or__ */

#endif
