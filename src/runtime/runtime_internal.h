/* runtime_internal.h — declarations shared between the files of the core
 * runtime (src/runtime/ and the exception/singleton objects). Not a public
 * contract: other parts use the headers in include/pith/. */
#ifndef PITH_RUNTIME_INTERNAL_H
#define PITH_RUNTIME_INTERNAL_H

#include "pith/pith.h"

/* Interned identifier strings, created on first use (borrowed refs). */
#define PITH_ID_LIST(X)                                                        \
    X(dict, "__dict__") X(bases, "__bases__") X(class, "__class__")            \
    X(abstractmethods, "__abstractmethods__") X(name, "__name__")              \
    X(qualname, "__qualname__") X(module, "__module__") X(doc, "__doc__")      \
    X(new, "__new__") X(init, "__init__") X(init_subclass, "__init_subclass__") \
    X(class_getitem, "__class_getitem__") X(set_name, "__set_name__")          \
    X(getattr, "__getattr__") X(getattribute, "__getattribute__")              \
    X(slots, "__slots__") X(weakref, "__weakref__") X(mro, "mro")              \
    X(hash, "__hash__") X(eq, "__eq__") X(iter, "__iter__")                    \
    X(next, "__next__") X(len, "__len__") X(length_hint, "__length_hint__")    \
    X(index, "__index__") X(instancecheck, "__instancecheck__")                \
    X(subclasscheck, "__subclasscheck__") X(classcell, "__classcell__")        \
    X(builtins, "builtins") X(main, "__main__") X(file, "__file__")            \
    X(spec, "__spec__") X(loader, "__loader__") X(package, "__package__")      \
    X(format, "__format__") X(round, "__round__") X(trunc, "__trunc__")        \
    X(missing, "__missing__") X(reversed, "__reversed__") X(call, "__call__")  \
    X(get, "__get__") X(set, "__set__") X(delete, "__delete__")                \
    X(del, "__del__") X(bool_, "__bool__") X(contains, "__contains__")          \
    X(getitem, "__getitem__") X(setitem, "__setitem__") X(delitem, "__delitem__") \
    X(repr, "__repr__") X(str, "__str__") X(int_, "__int__") X(float_, "__float__") \
    X(complex_, "__complex__") X(bytes_, "__bytes__") X(dir, "__dir__")        \
    X(setattr, "__setattr__") X(delattr, "__delattr__") X(args, "args")        \
    X(prepare, "__prepare__") X(orig_bases, "__orig_bases__") X(self, "__self__") \
    X(annotations, "__annotations__") X(isabstractmethod, "__isabstractmethod__")

#define PITH_ID_ENUM(n, s) PITH_ID_##n,
enum { PITH_ID_LIST(PITH_ID_ENUM) PITH_ID_COUNT };
#undef PITH_ID_ENUM

PithObject *pith_id(int which); /* borrowed interned str; NULL only on OOM */
int pith_ids_init(void);
#define PITH_ID_ACCESSOR(n, s)                                                 \
    static inline PithObject *pith_id_##n(void) { return pith_id(PITH_ID_##n); }
PITH_ID_LIST(PITH_ID_ACCESSOR)
#undef PITH_ID_ACCESSOR

/* A heap type (class) carries its own slot tables. Static types are plain
 * PithType objects; only PITH_TPFLAGS_HEAPTYPE types have these fields. */
typedef struct PithHeapType {
    PithType type;
    PithNumberMethods as_number;
    PithSequenceMethods as_sequence;
    PithMappingMethods as_mapping;
} PithHeapType;

/* object.c */
PithObject *pith_object_new(PithType *t, PithObject *const *args, size_t nargs,
                            PithObject *kwnames);
int pith_object_init(PithObject *self, PithObject *const *args, size_t nargs,
                     PithObject *kwnames);
int pith_merge_class_dict(PithObject *names, PithObject *cls);

/* error.c */
void pith_err_prepare_memory_error(void);

/* abstract.c: isinstance/issubclass without the __instancecheck__ /
 * __subclasscheck__ hooks (type's own implementations of those hooks). */
int pith_real_isinstance(PithObject *inst, PithObject *cls);
int pith_real_issubclass(PithObject *derived, PithObject *cls);

/* type.c */
PithObject *pith_type_new_impl(PithType *meta, PithObject *name,
                               PithObject *bases, PithObject *dict,
                               PithObject *kwnames_dict);
PithObject *pith_type_mro_tuple(PithType *t); /* C3 linearisation */
int pith_type_add_subclass(PithType *base, PithType *sub);
/* A value of tp_subclasses (an int holding the address; not owned). */
PithType *pith_type_subclass_at(PithObject *v);

/* slots.c: slot wrappers for C slots and Python dispatchers for classes. */
extern PithType pith_wrapper_descr_type, pith_method_wrapper_type;
int pith_slots_add_wrappers(PithType *t);
void pith_slots_fixup(PithType *t);          /* heap type: set slots from dict */
void pith_slots_update(PithType *t, PithObject *name); /* after setattr on t */
PithObject *pith_slot_tp_new(PithType *t, PithObject *const *args, size_t nargs,
                             PithObject *kwnames);

/* call.c */
PithObject *pith_call_method_import(const char *module, const char *attr);
PithObject *pith_call_prepend(PithObject *callable, PithObject *first,
                              PithObject *const *args, size_t nargs,
                              PithObject *kwnames);
PithObject *pith_kwnames_to_dict(PithObject *const *kwvalues, PithObject *kwnames);

/* descr.c */
PithObject *pith_descr_new_wrapper_new(PithType *t); /* T.__new__ */

/* funcdescr.c */
int pith_funcdescr_init(void);

/* exceptions.c / module.c / descr.c readying. */
int pith_descr_init(void);
int pith_module_type_init(void);

#endif
