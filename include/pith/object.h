/* object.h — the object header, type objects, slot signatures, refcounting.
 *
 * Invariants:
 *  - Every object starts with PithObject: a reference count and a type pointer.
 *  - Objects whose refcnt >= PITH_IMMORTAL_REFCNT are immortal (statically
 *    allocated singletons, small ints, static types): incref/decref skip them.
 *  - C functions returning PithObject* return a NEW reference unless the name
 *    or comment says "borrowed". Failure = NULL (or -1) with an exception set
 *    in the thread state (see error.h).
 *  - Types with PITH_TPFLAGS_HAVE_GC have a PithGCHead in front of the object
 *    (see gc.h); allocate them with pith_gc_new*, free with pith_gc_del.
 */
#ifndef PITH_OBJECT_H
#define PITH_OBJECT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct PithType PithType;

typedef struct PithObject {
    intptr_t refcnt;
    PithType *type;
} PithObject;

typedef struct PithVarObject {
    PithObject ob;
    intptr_t size; /* number of items (meaning is per type) */
} PithVarObject;

#define PITH_IMMORTAL_REFCNT ((intptr_t)1 << 60)
#define PITH_HEAD_INIT(type) {PITH_IMMORTAL_REFCNT, (type)}
#define PITH_VAR_HEAD_INIT(type, size) {PITH_HEAD_INIT(type), (size)}

#define PITH_TYPE(o) (((PithObject *)(o))->type)
#define PITH_SIZE(o) (((PithVarObject *)(o))->size)
#define PITH_REFCNT(o) (((PithObject *)(o))->refcnt)

#define PITH_LIKELY(x) __builtin_expect(!!(x), 1)
#define PITH_UNLIKELY(x) __builtin_expect(!!(x), 0)

void pith_dealloc(PithObject *o); /* calls tp_dealloc; refcnt reached 0 */

static inline bool pith_is_immortal(const PithObject *o) {
    return o->refcnt >= PITH_IMMORTAL_REFCNT;
}
static inline void pith_incref(PithObject *o) {
    if (PITH_LIKELY(!pith_is_immortal(o))) o->refcnt++;
}
#ifdef PITH_DEBUG_REFS /* `make debug`: abort on a reference count going negative */
void pith_debug_bad_refcnt(PithObject *o); /* src/mem/gc.c; does not return */
#endif
static inline void pith_decref(PithObject *o) {
    if (PITH_UNLIKELY(pith_is_immortal(o))) return;
#ifdef PITH_DEBUG_REFS
    if (o->refcnt <= 0) pith_debug_bad_refcnt(o);
#endif
    if (--o->refcnt == 0) pith_dealloc(o);
}
static inline PithObject *pith_newref(PithObject *o) {
    pith_incref(o);
    return o;
}

#define PITH_INCREF(o) pith_incref((PithObject *)(o))
#define PITH_DECREF(o) pith_decref((PithObject *)(o))
#define PITH_XINCREF(o)                                                        \
    do {                                                                       \
        PithObject *x_ = (PithObject *)(o);                                    \
        if (x_) pith_incref(x_);                                               \
    } while (0)
#define PITH_XDECREF(o)                                                        \
    do {                                                                       \
        PithObject *x_ = (PithObject *)(o);                                    \
        if (x_) pith_decref(x_);                                               \
    } while (0)
/* Set *p (a PithObject* lvalue) to NULL, then drop the old reference. */
#define PITH_CLEAR(p)                                                          \
    do {                                                                       \
        PithObject *x_ = (PithObject *)(p);                                    \
        if (x_) {                                                              \
            (p) = NULL;                                                        \
            pith_decref(x_);                                                   \
        }                                                                      \
    } while (0)
/* Replace lvalue p with v (a new reference), dropping the old value. */
#define PITH_SETREF(p, v)                                                      \
    do {                                                                       \
        PithObject *x_ = (PithObject *)(p);                                    \
        (p) = (v);                                                             \
        if (x_) pith_decref(x_);                                               \
    } while (0)
#define PITH_NEWREF(o) pith_newref((PithObject *)(o))

/* ---- slot signatures -------------------------------------------------- */

/* The one calling convention ("vectorcall"): positional args in
 * args[0..nargs-1], keyword values in args[nargs..nargs+len(kwnames)-1],
 * kwnames a tuple of str or NULL. args are borrowed. */
typedef PithObject *(*pith_callfunc)(PithObject *callable,
                                     PithObject *const *args, size_t nargs,
                                     PithObject *kwnames);
typedef PithObject *(*pith_unaryfunc)(PithObject *);
typedef PithObject *(*pith_binaryfunc)(PithObject *, PithObject *);
typedef PithObject *(*pith_ternaryfunc)(PithObject *, PithObject *,
                                        PithObject *);
typedef int (*pith_inquiry)(PithObject *);
typedef intptr_t (*pith_lenfunc)(PithObject *);
typedef PithObject *(*pith_ssizeargfunc)(PithObject *, intptr_t);
typedef int (*pith_ssizeobjargproc)(PithObject *, intptr_t, PithObject *);
typedef int (*pith_objobjproc)(PithObject *, PithObject *);
typedef int (*pith_objobjargproc)(PithObject *, PithObject *, PithObject *);
typedef void (*pith_destructor)(PithObject *);
typedef PithObject *(*pith_reprfunc)(PithObject *);
typedef intptr_t (*pith_hashfunc)(PithObject *); /* -1 = error */
typedef PithObject *(*pith_richcmpfunc)(PithObject *, PithObject *, int op);
typedef PithObject *(*pith_getattrofunc)(PithObject *, PithObject *name);
/* value NULL = delete */
typedef int (*pith_setattrofunc)(PithObject *, PithObject *name,
                                 PithObject *value);
typedef PithObject *(*pith_getiterfunc)(PithObject *);
/* iternext: NULL without exception set = exhausted (no StopIteration). */
typedef PithObject *(*pith_iternextfunc)(PithObject *);
typedef PithObject *(*pith_descrgetfunc)(PithObject *descr, PithObject *obj,
                                         PithObject *type);
typedef int (*pith_descrsetfunc)(PithObject *descr, PithObject *obj,
                                 PithObject *value);
typedef int (*pith_visitproc)(PithObject *, void *arg);
typedef int (*pith_traverseproc)(PithObject *, pith_visitproc, void *arg);
typedef PithObject *(*pith_newfunc)(PithType *type, PithObject *const *args,
                                    size_t nargs, PithObject *kwnames);
typedef int (*pith_initfunc)(PithObject *self, PithObject *const *args,
                             size_t nargs, PithObject *kwnames);

/* Visit a member in a tp_traverse implementation. */
#define PITH_VISIT(o)                                                          \
    do {                                                                       \
        if (o) {                                                               \
            int r_ = visit((PithObject *)(o), arg);                            \
            if (r_) return r_;                                                 \
        }                                                                      \
    } while (0)

/* Rich comparison ops (values fixed: COMPARE_OP uses them). */
enum { PITH_LT = 0, PITH_LE = 1, PITH_EQ = 2, PITH_NE = 3, PITH_GT = 4, PITH_GE = 5 };

typedef struct PithNumberMethods {
    pith_binaryfunc nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod;
    pith_ternaryfunc nb_power;
    pith_unaryfunc nb_negative, nb_positive, nb_absolute;
    pith_inquiry nb_bool;
    pith_unaryfunc nb_invert;
    pith_binaryfunc nb_lshift, nb_rshift, nb_and, nb_xor, nb_or;
    pith_unaryfunc nb_int, nb_float;
    pith_binaryfunc nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply,
        nb_inplace_remainder;
    pith_ternaryfunc nb_inplace_power;
    pith_binaryfunc nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and,
        nb_inplace_xor, nb_inplace_or;
    pith_binaryfunc nb_floor_divide, nb_true_divide, nb_inplace_floor_divide,
        nb_inplace_true_divide;
    pith_unaryfunc nb_index;
    pith_binaryfunc nb_matrix_multiply, nb_inplace_matrix_multiply;
} PithNumberMethods;

typedef struct PithSequenceMethods {
    pith_lenfunc sq_length;
    pith_binaryfunc sq_concat;
    pith_ssizeargfunc sq_repeat;
    pith_ssizeargfunc sq_item; /* index already adjusted for negatives */
    pith_ssizeobjargproc sq_ass_item;
    pith_objobjproc sq_contains; /* 1, 0, -1 */
    pith_binaryfunc sq_inplace_concat;
    pith_ssizeargfunc sq_inplace_repeat;
} PithSequenceMethods;

typedef struct PithMappingMethods {
    pith_lenfunc mp_length;
    pith_binaryfunc mp_subscript;
    pith_objobjargproc mp_ass_subscript; /* value NULL = delete */
} PithMappingMethods;

/* ---- method / member / getset tables (filled into tp_dict by
 * pith_type_ready) ------------------------------------------------------ */

/* Every C function/method has the vectorcall shape; `self` is the bound
 * object (or the module for module functions, the type for classmethods). */
typedef PithObject *(*pith_cfunc)(PithObject *self, PithObject *const *args,
                                  size_t nargs, PithObject *kwnames);

/* Flags (how the caller checks arguments before calling): */
#define PITH_METH_NOARGS 0x01 /* exactly 0 args, no keywords  */
#define PITH_METH_O 0x02      /* exactly 1 positional, no keywords */
#define PITH_METH_FAST 0x04   /* any positionals, no keywords (kwnames NULL) */
#define PITH_METH_KW 0x08     /* positionals + keywords, callee checks */
#define PITH_METH_CLASS 0x10  /* classmethod: self = the type */
#define PITH_METH_STATIC 0x20 /* staticmethod: self = NULL */

typedef struct PithMethodDef {
    const char *name;
    pith_cfunc meth;
    int flags;
    const char *doc;
} PithMethodDef;

/* Member kinds for PithMemberDef (a field at a fixed offset). */
enum {
    PITH_MEMBER_OBJECT,    /* PithObject*, NULL reads as None */
    PITH_MEMBER_OBJECT_EX, /* PithObject*, NULL raises AttributeError */
    PITH_MEMBER_INT,       /* int */
    PITH_MEMBER_SSIZE,     /* intptr_t */
    PITH_MEMBER_BOOL,      /* char 0/1 */
    PITH_MEMBER_DOUBLE,
    PITH_MEMBER_CSTRING, /* const char*, read only */
};
#define PITH_READONLY 1

typedef struct PithMemberDef {
    const char *name;
    int kind;
    intptr_t offset;
    int flags;
    const char *doc;
} PithMemberDef;

typedef PithObject *(*pith_getter)(PithObject *, void *closure);
typedef int (*pith_setter)(PithObject *, PithObject *value, void *closure);

typedef struct PithGetSetDef {
    const char *name;
    pith_getter get;
    pith_setter set; /* NULL = read-only */
    const char *doc;
    void *closure;
} PithGetSetDef;

/* ---- type flags ------------------------------------------------------- */
#define PITH_TPFLAGS_HEAPTYPE (1UL << 9)
#define PITH_TPFLAGS_BASETYPE (1UL << 10)
#define PITH_TPFLAGS_READY (1UL << 12)
#define PITH_TPFLAGS_READYING (1UL << 13)
#define PITH_TPFLAGS_HAVE_GC (1UL << 14)
#define PITH_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17) /* LOAD_METHOD may skip binding */
#define PITH_TPFLAGS_IMMUTABLETYPE (1UL << 8)
#define PITH_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define PITH_TPFLAGS_IS_ABSTRACT (1UL << 20) /* __abstractmethods__ set non-empty */
/* Instances accept weak references (as a non-zero tp_weaklistoffset does;
 * pith keeps weak references in weakref.c's side table, so no field is
 * needed). Inherited by subclasses. */
#define PITH_TPFLAGS_WEAKREFABLE (1UL << 21)
#define PITH_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define PITH_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define PITH_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define PITH_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define PITH_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define PITH_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define PITH_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define PITH_TPFLAGS_TYPE_SUBCLASS (1UL << 31)

/* ---- the type object ----------------------------------------------------
 * Static types are defined with designated initializers, e.g.
 *   PithType pith_float_type = { PITH_VAR_HEAD_INIT(&pith_type_type, 0),
 *       .tp_name = "float", .tp_basicsize = sizeof(PithFloat), ... };
 * pith_type_ready() fills tp_base (default object), tp_mro, tp_dict (from
 * tp_methods/tp_members/tp_getset) and inherits NULL slots from tp_base. */
struct PithType {
    PithVarObject ob;
    const char *tp_name; /* "int", or "module.Name" */
    intptr_t tp_basicsize, tp_itemsize;
    unsigned long tp_flags;
    const char *tp_doc;

    pith_destructor tp_dealloc;
    pith_reprfunc tp_repr, tp_str;
    pith_hashfunc tp_hash;
    pith_richcmpfunc tp_richcompare;
    pith_getattrofunc tp_getattro;
    pith_setattrofunc tp_setattro;
    pith_callfunc tp_call;
    pith_getiterfunc tp_iter;
    pith_iternextfunc tp_iternext;
    pith_descrgetfunc tp_descr_get;
    pith_descrsetfunc tp_descr_set;
    pith_traverseproc tp_traverse;
    pith_inquiry tp_clear;
    pith_newfunc tp_new;
    pith_initfunc tp_init;
    pith_destructor tp_finalize; /* __del__ (collector issue) */

    PithNumberMethods *tp_as_number;
    PithSequenceMethods *tp_as_sequence;
    PithMappingMethods *tp_as_mapping;

    PithMethodDef *tp_methods;
    PithMemberDef *tp_members;
    PithGetSetDef *tp_getset;

    PithType *tp_base;      /* primary base; NULL only for object */
    PithObject *tp_bases;   /* tuple */
    PithObject *tp_mro;     /* tuple */
    PithObject *tp_dict;    /* dict */
    PithObject *tp_subclasses; /* dict or NULL */
    intptr_t tp_dictoffset;    /* offset of instance __dict__ slot, 0 = none */
    intptr_t tp_weaklistoffset;
    uint32_t tp_version_tag; /* bumped when tp_dict of this type/bases changes */

    /* heap types (classes) only */
    PithObject *ht_name, *ht_qualname, *ht_module, *ht_slots;
};

/* ---- singletons and core types (runtime/object.c, runtime/type.c) ------- */
extern PithType pith_object_type, pith_type_type, pith_none_type,
    pith_notimpl_type, pith_ellipsis_type;
extern PithObject pith_none_struct, pith_notimpl_struct, pith_ellipsis_struct;
#define PITH_NONE (&pith_none_struct)
#define PITH_NOTIMPL (&pith_notimpl_struct)
#define PITH_ELLIPSIS (&pith_ellipsis_struct)
#define PITH_RETURN_NONE return PITH_NONE /* immortal: no incref needed */
#define PITH_RETURN_NOTIMPL return PITH_NOTIMPL

static inline bool pith_type_has_flag(const PithType *t, unsigned long f) {
    return (t->tp_flags & f) != 0;
}
#define PITH_TYPE_CHECK_FLAG(o, f) pith_type_has_flag(PITH_TYPE(o), (f))
#define pith_type_check(o) PITH_TYPE_CHECK_FLAG(o, PITH_TPFLAGS_TYPE_SUBCLASS)

/* Allocation of non-GC objects through the L2 allocator. Sets refcnt=1,
 * type (increfs heap types); tp_itemsize * n extra bytes for var objects.
 * Memory is zeroed past the header. */
PithObject *pith_obj_new(PithType *type);
PithObject *pith_obj_new_var(PithType *type, intptr_t n);
void pith_obj_free(void *o); /* release memory of a non-GC object */

/* Generic object protocol (runtime/object.c). */
PithObject *pith_repr(PithObject *o);
PithObject *pith_str(PithObject *o);
PithObject *pith_ascii(PithObject *o);
intptr_t pith_hash(PithObject *o);               /* -1 on error */
intptr_t pith_hash_pointer(const void *p);       /* id()-based hash */
intptr_t pith_hash_not_implemented(PithObject *o); /* tp_hash of unhashable types: raises "unhashable type", returns -1 */
PithObject *pith_richcompare(PithObject *a, PithObject *b, int op);
int pith_richcompare_bool(PithObject *a, PithObject *b, int op); /* identity implies EQ */
int pith_is_true(PithObject *o); /* 1, 0, -1 */
int pith_not(PithObject *o);
bool pith_callable_check(PithObject *o);
PithObject *pith_getattr(PithObject *o, PithObject *name);
PithObject *pith_getattr_str(PithObject *o, const char *name);
/* Like getattr but returns 0 and *result=NULL (no exception) when the
 * attribute is missing (AttributeError); 1 when found; -1 on other error. */
int pith_lookup_attr(PithObject *o, PithObject *name, PithObject **result);
int pith_setattr(PithObject *o, PithObject *name, PithObject *value);
int pith_setattr_str(PithObject *o, const char *name, PithObject *value);
int pith_delattr(PithObject *o, PithObject *name);
int pith_hasattr_str(PithObject *o, const char *name);
PithObject *pith_generic_getattr(PithObject *o, PithObject *name);
int pith_generic_setattr(PithObject *o, PithObject *name, PithObject *value);
PithObject **pith_obj_dict_ptr(PithObject *o); /* instance __dict__ slot or NULL */
PithObject *pith_dir(PithObject *o);            /* sorted list */
const char *pith_type_name(PithObject *o);      /* tp_name of type(o), short */

/* Recursive repr guard (like reprlib): returns 1 if o is already being
 * repr'd on this thread (caller prints "[...]"), 0 after marking it, -1 on
 * error. Always pair a 0 result with pith_repr_leave(o). */
int pith_repr_enter(PithObject *o);
void pith_repr_leave(PithObject *o);

/* Types (runtime/type.c). */
int pith_type_ready(PithType *t);
/* MRO lookup of name in t's class dicts: borrowed ref or NULL (no error). */
PithObject *pith_type_lookup(PithType *t, PithObject *name);
bool pith_type_is_subtype(PithType *a, PithType *b);
#define pith_isinstance_exact(o, t) (PITH_TYPE(o) == (t))
#define pith_type_ok(o, t)                                                     \
    (PITH_TYPE(o) == (t) || pith_type_is_subtype(PITH_TYPE(o), (t)))
PithObject *pith_type_generic_new(PithType *t, PithObject *const *args,
                                  size_t nargs, PithObject *kwnames);
void pith_type_modified(PithType *t); /* invalidate version tags */
PithObject *pith_type_get_name(PithType *t);    /* str, new ref */
PithObject *pith_type_get_qualname(PithType *t);

#endif
