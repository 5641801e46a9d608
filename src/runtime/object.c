/* object.c — the generic object protocol (repr, str, hash, comparison,
 * truth, attribute access with the descriptor protocol, dir) and the
 * `object` base type. */
#include <stdio.h>
#include <string.h>

#include "pith/pith.h"
#include "pith/weakref.h"
#include "runtime_internal.h"

/* Heap-type instances clear their weak references in subtype_dealloc,
 * after __del__ (which may resurrect them). */
void pith_dealloc(PithObject *o) {
    if (PITH_UNLIKELY(pith_weakref_targets) && !PITH_TYPE_CHECK_FLAG(o, PITH_TPFLAGS_HEAPTYPE))
        pith_weakref_clear(o);
    PITH_TYPE(o)->tp_dealloc(o);
}

const char *pith_type_name(PithObject *o) { return PITH_TYPE(o)->tp_name; }

bool pith_callable_check(PithObject *o) { return PITH_TYPE(o)->tp_call != NULL; }

/* ---- repr / str / ascii ------------------------------------------------ */

/* Check that a __repr__/__str__ result is a str; steals r. */
static PithObject *check_str_result(PithObject *r, const char *what) {
    if (r && !pith_str_check(r)) {
        pith_err_format(&pith_exc_TypeError,
                        "%s returned non-string (type %.200s)", what,
                        pith_type_name(r));
        PITH_DECREF(r);
        return NULL;
    }
    return r;
}

PithObject *pith_repr(PithObject *o) {
    PithType *t = PITH_TYPE(o);
    if (!t->tp_repr)
        return pith_str_from_format("<%s object at %p>", t->tp_name, (void *)o);
    if (pith_enter_recursive_call(" while getting the repr of an object"))
        return NULL;
    PithObject *r = t->tp_repr(o);
    pith_leave_recursive_call();
    return check_str_result(r, "__repr__");
}

PithObject *pith_str(PithObject *o) {
    if (pith_str_check_exact(o)) return PITH_NEWREF(o);
    PithType *t = PITH_TYPE(o);
    if (!t->tp_str) return pith_repr(o);
    if (pith_enter_recursive_call(" while getting the str of an object"))
        return NULL;
    PithObject *r = t->tp_str(o);
    pith_leave_recursive_call();
    return check_str_result(r, "__str__");
}

/* Append code point c to sb as an ASCII escape if it is not ASCII. */
static int append_ascii_escaped(PithStrBuilder *sb, uint32_t c) {
    char buf[16];
    if (c < 0x80) return pith_sb_append_char(sb, c);
    if (c < 0x100)
        snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
    else if (c < 0x10000)
        snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
    else
        snprintf(buf, sizeof buf, "\\U%08x", (unsigned)c);
    return pith_sb_append_utf8(sb, buf, -1);
}

PithObject *pith_ascii(PithObject *o) {
    PithObject *r = pith_repr(o);
    if (!r || ((PithStr *)r)->ascii) return r;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    for (intptr_t i = 0; i < PITH_STR_LEN(r); i++) {
        if (append_ascii_escaped(&sb, pith_str_read((PithStr *)r, i)) < 0) {
            pith_sb_discard(&sb);
            PITH_DECREF(r);
            return NULL;
        }
    }
    PITH_DECREF(r);
    return pith_sb_finish(&sb);
}

/* ---- hashing ----------------------------------------------------------- */

intptr_t pith_hash_pointer(const void *p) {
    size_t y = (size_t)p;
    y = (y >> 4) | (y << (8 * sizeof(size_t) - 4)); /* low bits are zero */
    intptr_t h = (intptr_t)y;
    return h == -1 ? -2 : h;
}

intptr_t pith_hash_not_implemented(PithObject *o) {
    pith_err_format(&pith_exc_TypeError, "unhashable type: '%.200s'",
                    pith_type_name(o));
    return -1;
}

intptr_t pith_hash(PithObject *o) {
    PithType *t = PITH_TYPE(o);
    if (t->tp_hash) return t->tp_hash(o);
    return pith_hash_not_implemented(o);
}

/* ---- comparison and truth ---------------------------------------------- */

static const char *const cmp_symbol[] = {"<", "<=", "==", "!=", ">", ">="};
static const int cmp_swapped[] = {PITH_GT, PITH_GE, PITH_EQ, PITH_NE, PITH_LT, PITH_LE};

static PithObject *do_richcompare(PithObject *a, PithObject *b, int op) {
    PithType *ta = PITH_TYPE(a), *tb = PITH_TYPE(b);
    PithObject *r;
    bool reflected_done = false;
    if (ta != tb && tb->tp_richcompare && pith_type_is_subtype(tb, ta)) {
        reflected_done = true;
        r = tb->tp_richcompare(b, a, cmp_swapped[op]);
        if (r != PITH_NOTIMPL) return r;
    }
    if (ta->tp_richcompare) {
        r = ta->tp_richcompare(a, b, op);
        if (r != PITH_NOTIMPL) return r;
    }
    if (!reflected_done && tb->tp_richcompare) {
        r = tb->tp_richcompare(b, a, cmp_swapped[op]);
        if (r != PITH_NOTIMPL) return r;
    }
    if (op == PITH_EQ) return pith_bool_from(a == b);
    if (op == PITH_NE) return pith_bool_from(a != b);
    return pith_err_format(&pith_exc_TypeError,
                           "'%s' not supported between instances of '%.100s' "
                           "and '%.100s'",
                           cmp_symbol[op], ta->tp_name, tb->tp_name);
}

PithObject *pith_richcompare(PithObject *a, PithObject *b, int op) {
    if (op < PITH_LT || op > PITH_GE) {
        PITH_BAD_INTERNAL_CALL();
        return NULL;
    }
    if (pith_enter_recursive_call(" in comparison")) return NULL;
    PithObject *r = do_richcompare(a, b, op);
    pith_leave_recursive_call();
    return r;
}

int pith_richcompare_bool(PithObject *a, PithObject *b, int op) {
    if (a == b) {
        if (op == PITH_EQ) return 1;
        if (op == PITH_NE) return 0;
    }
    PithObject *r = pith_richcompare(a, b, op);
    if (!r) return -1;
    int t = r == PITH_TRUE ? 1 : r == PITH_FALSE ? 0 : pith_is_true(r);
    PITH_DECREF(r);
    return t;
}

int pith_is_true(PithObject *o) {
    if (o == PITH_TRUE) return 1;
    if (o == PITH_FALSE || o == PITH_NONE) return 0;
    PithType *t = PITH_TYPE(o);
    intptr_t n;
    if (t->tp_as_number && t->tp_as_number->nb_bool)
        return t->tp_as_number->nb_bool(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length)
        n = t->tp_as_mapping->mp_length(o);
    else if (t->tp_as_sequence && t->tp_as_sequence->sq_length)
        n = t->tp_as_sequence->sq_length(o);
    else
        return 1;
    return n < 0 ? -1 : n > 0;
}

int pith_not(PithObject *o) {
    int r = pith_is_true(o);
    return r < 0 ? -1 : !r;
}

/* ---- attributes -------------------------------------------------------- */

static int check_attr_name(PithObject *name) {
    if (pith_str_check(name)) return 0;
    pith_err_format(&pith_exc_TypeError,
                    "attribute name must be string, not '%.200s'",
                    pith_type_name(name));
    return -1;
}

PithObject *pith_getattr(PithObject *o, PithObject *name) {
    if (check_attr_name(name)) return NULL;
    PithType *t = PITH_TYPE(o);
    if (t->tp_getattro) return t->tp_getattro(o, name);
    return pith_err_no_attribute(o, name);
}

PithObject *pith_getattr_str(PithObject *o, const char *name) {
    PithObject *n = pith_str_intern_cstr(name);
    if (!n) return NULL;
    PithObject *r = pith_getattr(o, n);
    PITH_DECREF(n);
    return r;
}

int pith_lookup_attr(PithObject *o, PithObject *name, PithObject **result) {
    *result = pith_getattr(o, name);
    if (*result) return 1;
    if (!pith_err_matches(&pith_exc_AttributeError)) return -1;
    pith_err_clear();
    return 0;
}

int pith_hasattr_str(PithObject *o, const char *name) {
    PithObject *n = pith_str_intern_cstr(name);
    if (!n) {
        pith_err_clear();
        return 0;
    }
    PithObject *r;
    int found = pith_lookup_attr(o, n, &r);
    PITH_DECREF(n);
    if (found < 0) {
        pith_err_clear();
        return 0;
    }
    PITH_XDECREF(r);
    return found;
}

int pith_setattr(PithObject *o, PithObject *name, PithObject *value) {
    if (check_attr_name(name)) return -1;
    PithType *t = PITH_TYPE(o);
    if (t->tp_setattro) return t->tp_setattro(o, name, value);
    pith_err_format(&pith_exc_TypeError,
                    "'%.100s' object has no attributes (%s .%U)",
                    t->tp_name, value ? "assign to" : "del", name);
    return -1;
}

int pith_setattr_str(PithObject *o, const char *name, PithObject *value) {
    PithObject *n = pith_str_intern_cstr(name);
    if (!n) return -1;
    int r = pith_setattr(o, n, value);
    PITH_DECREF(n);
    return r;
}

int pith_delattr(PithObject *o, PithObject *name) {
    return pith_setattr(o, name, NULL);
}

/* The instance dict slot. A negative tp_dictoffset (classes deriving from
 * variable-size types such as int or tuple) means: the last aligned
 * pointer-sized slot of the object, after the items (the class reserved two
 * spare pointers at the end for it). */
PithObject **pith_obj_dict_ptr(PithObject *o) {
    PithType *t = PITH_TYPE(o);
    intptr_t off = t->tp_dictoffset;
    if (off == 0) return NULL;
    if (off < 0) {
        intptr_t n = PITH_SIZE(o);
        if (n < 0) n = -n;
        intptr_t end = t->tp_basicsize + n * t->tp_itemsize;
        off = (end - (intptr_t)sizeof(PithObject *)) & ~(intptr_t)7;
    }
    return (PithObject **)((char *)o + off);
}

static bool is_data_descr(PithObject *d) {
    return PITH_TYPE(d)->tp_descr_set != NULL;
}

PithObject *pith_generic_getattr(PithObject *o, PithObject *name) {
    PithType *t = PITH_TYPE(o);
    if (check_attr_name(name)) return NULL;
    PithObject *descr = pith_type_lookup(t, name);
    pith_descrgetfunc get = NULL;
    PithObject *r;
    if (descr) {
        PITH_INCREF(descr);
        get = PITH_TYPE(descr)->tp_descr_get;
        if (get && is_data_descr(descr)) {
            r = get(descr, o, (PithObject *)t);
            PITH_DECREF(descr);
            return r;
        }
    }
    PithObject **dp = pith_obj_dict_ptr(o);
    if (dp && *dp) {
        PithObject *d = PITH_NEWREF(*dp);
        r = pith_dict_get_item(d, name);
        PITH_XINCREF(r);
        PITH_DECREF(d);
        if (r || pith_err_occurred()) {
            PITH_XDECREF(descr);
            return r;
        }
    }
    if (get) {
        r = get(descr, o, (PithObject *)t);
        PITH_DECREF(descr);
        return r;
    }
    if (descr) return descr;
    return pith_err_no_attribute(o, name);
}

/* Store into (or delete from) the instance dict at *dp, creating it. */
static int dict_store(PithObject *o, PithObject **dp, PithObject *name,
                      PithObject *value) {
    if (!*dp) {
        if (!value) {
            pith_err_no_attribute(o, name);
            return -1;
        }
        *dp = pith_dict_new();
        if (!*dp) return -1;
        if (PITH_TYPE_CHECK_FLAG(o, PITH_TPFLAGS_HEAPTYPE)) /* CPython: inline values */
            pith_gc_set_hidden(*dp, true);                  /* until __dict__ hands it out */
    }
    PithObject *d = PITH_NEWREF(*dp);
    int r;
    if (value) {
        r = pith_dict_set_item(d, name, value);
    } else {
        r = pith_dict_del_item(d, name);
        if (r < 0 && pith_err_matches(&pith_exc_KeyError)) {
            pith_err_clear();
            pith_err_no_attribute(o, name);
        }
    }
    PITH_DECREF(d);
    return r;
}

int pith_generic_setattr(PithObject *o, PithObject *name, PithObject *value) {
    PithType *t = PITH_TYPE(o);
    if (check_attr_name(name)) return -1;
    PithObject *descr = pith_type_lookup(t, name);
    if (descr && PITH_TYPE(descr)->tp_descr_set) {
        PITH_INCREF(descr);
        int r = PITH_TYPE(descr)->tp_descr_set(descr, o, value);
        PITH_DECREF(descr);
        return r;
    }
    PithObject **dp = pith_obj_dict_ptr(o);
    if (!dp) {
        if (descr)
            pith_err_format(&pith_exc_AttributeError,
                            "'%.100s' object attribute '%U' is read-only",
                            t->tp_name, name);
        else
            pith_err_no_attribute(o, name);
        return -1;
    }
    return dict_store(o, dp, name, value);
}

/* ---- dir --------------------------------------------------------------- */

PithObject *pith_dir(PithObject *o) {
    static PithObject *dunder_dir;
    if (!dunder_dir && !(dunder_dir = pith_str_intern_cstr("__dir__")))
        return NULL;
    PithObject *r = pith_call_special(o, dunder_dir, NULL, 0);
    if (!r) return NULL;
    PithObject *l = pith_sequence_list(r);
    PITH_DECREF(r);
    if (l && pith_list_sort(l) < 0) PITH_CLEAR(l);
    return l;
}

/* Add the keys of every class dict along cls.__bases__ (recursively) to
 * the dict `names`. */
int pith_merge_class_dict(PithObject *names, PithObject *cls) {
    PithObject *d;
    int found;
    if (pith_type_check(cls)) { /* its __dict__ is a mappingproxy */
        d = PITH_NEWREF(((PithType *)cls)->tp_dict);
        found = 1;
    } else {
        found = pith_lookup_attr(cls, pith_id_dict(), &d);
    }
    if (found < 0) return -1;
    if (found) {
        int r = pith_dict_check(d) ? pith_dict_merge(names, d, 1) : 0;
        PITH_DECREF(d);
        if (r < 0) return -1;
    }
    PithObject *bases;
    found = pith_lookup_attr(cls, pith_id_bases(), &bases);
    if (found <= 0) return found;
    int r = 0;
    if (pith_tuple_check(bases))
        for (intptr_t i = 0; i < PITH_SIZE(bases) && r == 0; i++)
            r = pith_merge_class_dict(names, PITH_TUPLE_GET(bases, i));
    PITH_DECREF(bases);
    return r;
}

static PithObject *object_dir(PithObject *self, PithObject *const *args,
                              size_t nargs, PithObject *kwnames) {
    PithObject *names = pith_dict_new(), *d, *cls;
    if (!names) return NULL;
    int found = pith_lookup_attr(self, pith_id_dict(), &d);
    if (found > 0) {
        if (pith_dict_check(d) && pith_dict_merge(names, d, 1) < 0) found = -1;
        PITH_DECREF(d);
    }
    if (found >= 0) {
        found = pith_lookup_attr(self, pith_id_class(), &cls);
        if (found > 0) {
            if (pith_merge_class_dict(names, cls) < 0) found = -1;
            PITH_DECREF(cls);
        }
    }
    PithObject *r = found < 0 ? NULL : pith_dict_keys(names);
    PITH_DECREF(names);
    return r;
}

/* ---- the object type --------------------------------------------------- */

static bool excess_args(size_t nargs, PithObject *kwnames) {
    return nargs || (kwnames && PITH_SIZE(kwnames));
}

/* "Can't instantiate abstract class C with abstract method(s) ..." */
static int check_abstract(PithType *t) {
    if (!pith_type_has_flag(t, PITH_TPFLAGS_IS_ABSTRACT)) return 0;
    PithObject *am = pith_type_lookup(t, pith_id_abstractmethods());
    if (!am) return 0;
    int truth = pith_is_true(am);
    if (truth <= 0) return truth;
    PithObject *l = pith_sequence_list(am);
    if (!l || pith_list_sort(l) < 0) {
        PITH_XDECREF(l);
        return -1;
    }
    PithObject *sep = pith_str_from_cstr(", ");
    PithObject *joined = sep ? pith_str_join(sep, l) : NULL;
    if (joined)
        pith_err_format(&pith_exc_TypeError,
                        "Can't instantiate abstract class %s with abstract "
                        "method%s %U",
                        t->tp_name, PITH_SIZE(l) > 1 ? "s" : "", joined);
    PITH_XDECREF(sep);
    PITH_XDECREF(joined);
    PITH_DECREF(l);
    return -1;
}

PithObject *pith_object_new(PithType *t, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    if (excess_args(nargs, kwnames)) {
        if (t->tp_new != pith_object_new)
            return pith_err_format(&pith_exc_TypeError,
                                   "object.__new__() takes exactly one argument "
                                   "(the type to instantiate)");
        if (t->tp_init == pith_object_init)
            return pith_err_format(&pith_exc_TypeError,
                                   "%.200s() takes no arguments", t->tp_name);
    }
    if (check_abstract(t)) return NULL;
    PithObject *o = pith_obj_new(t);
    if (!o) return pith_err_no_memory();
    if (pith_type_has_flag(t, PITH_TPFLAGS_HAVE_GC)) pith_gc_track(o);
    return o;
}

int pith_object_init(PithObject *self, PithObject *const *args, size_t nargs,
                     PithObject *kwnames) {
    if (!excess_args(nargs, kwnames)) return 0;
    PithType *t = PITH_TYPE(self);
    if (t->tp_init != pith_object_init) {
        pith_err_set_string(&pith_exc_TypeError,
                            "object.__init__() takes exactly one argument "
                            "(the instance to initialize)");
        return -1;
    }
    if (t->tp_new == pith_object_new) {
        pith_err_format(&pith_exc_TypeError,
                        "%.200s.__init__() takes exactly one argument "
                        "(the instance to initialize)",
                        t->tp_name);
        return -1;
    }
    return 0;
}

static void object_dealloc(PithObject *o) {
    if (PITH_IS_GC(o))
        pith_gc_del(o);
    else
        pith_obj_free(o);
}

static PithObject *object_repr(PithObject *self) {
    PithType *t = PITH_TYPE(self);
    PithObject *mod = NULL, *qn, *r;
    if (pith_type_has_flag(t, PITH_TPFLAGS_HEAPTYPE)) {
        mod = t->ht_module;
        if (mod && !(pith_str_check(mod) && !pith_str_eq_cstr(mod, "builtins")))
            mod = NULL;
    }
    if (!mod)
        return pith_str_from_format("<%s object at %p>", t->tp_name, (void *)self);
    qn = pith_type_get_qualname(t);
    if (!qn) return NULL;
    r = pith_str_from_format("<%U.%U object at %p>", mod, qn, (void *)self);
    PITH_DECREF(qn);
    return r;
}

static PithObject *object_str(PithObject *self) {
    return PITH_TYPE(self)->tp_repr ? PITH_TYPE(self)->tp_repr(self)
                                    : object_repr(self);
}

static PithObject *object_richcompare(PithObject *a, PithObject *b, int op) {
    if (op == PITH_EQ) return a == b ? PITH_TRUE : PITH_NOTIMPL;
    if (op != PITH_NE) PITH_RETURN_NOTIMPL;
    /* a != b delegates to __eq__ and inverts it. */
    pith_richcmpfunc eq = PITH_TYPE(a)->tp_richcompare;
    if (!eq) PITH_RETURN_NOTIMPL;
    PithObject *r = eq(a, b, PITH_EQ);
    if (!r || r == PITH_NOTIMPL) return r;
    int t = pith_is_true(r);
    PITH_DECREF(r);
    return t < 0 ? NULL : pith_bool_from(!t);
}

static intptr_t object_hash(PithObject *o) { return pith_hash_pointer(o); }

static PithObject *object_format(PithObject *self, PithObject *const *args,
                                 size_t nargs, PithObject *kwnames) {
    PithObject *spec = args[0];
    if (!pith_str_check(spec))
        return pith_err_format(&pith_exc_TypeError,
                               "__format__() argument must be str, not %.200s",
                               spec == PITH_NONE ? "None" : pith_type_name(spec));
    if (PITH_STR_LEN(spec) > 0)
        return pith_err_format(&pith_exc_TypeError,
                               "unsupported format string passed to "
                               "%.200s.__format__",
                               pith_type_name(self));
    return pith_str(self);
}

static PithObject *object_sizeof(PithObject *self, PithObject *const *args,
                                 size_t nargs, PithObject *kwnames) {
    PithType *t = PITH_TYPE(self);
    intptr_t n = t->tp_itemsize ? PITH_SIZE(self) : 0;
    if (n < 0) n = -n;
    return pith_int_from_ssize(t->tp_basicsize + n * t->tp_itemsize);
}

static PithObject *object_init_subclass(PithObject *cls, PithObject *const *args,
                                        size_t nargs, PithObject *kwnames) {
    PITH_RETURN_NONE;
}

static PithObject *object_subclasshook(PithObject *cls, PithObject *const *args,
                                       size_t nargs, PithObject *kwnames) {
    PITH_RETURN_NOTIMPL;
}

/* object.__reduce_ex__(protocol): delegate to copyreg._reduce_ex for old
 * protocols, and build (copyreg.__newobj__, (cls,), state) otherwise. */
static PithObject *object_reduce_ex(PithObject *self, PithObject *const *args,
                                    size_t nargs, PithObject *kwnames) {
    /* a class overriding __reduce__ decides (deque, defaultdict, ...) */
    PithObject *rname = pith_str_intern_cstr("__reduce__");
    if (!rname) return NULL;
    PithObject *own = pith_type_lookup(PITH_TYPE(self), rname);
    bool overridden = own && own != pith_type_lookup(&pith_object_type, rname);
    PITH_DECREF(rname);
    if (overridden) return pith_call_method(self, "__reduce__", NULL, 0);
    PithObject *state = NULL, **dp = pith_obj_dict_ptr(self);
    if (dp && *dp && pith_dict_size(*dp) > 0)
        state = PITH_NEWREF(*dp);
    else
        state = PITH_NEWREF(PITH_NONE);
    PithObject *cls_args = pith_tuple_pack(1, (PithObject *)PITH_TYPE(self));
    PithObject *newobj = pith_call_method_import("copyreg", "__newobj__");
    PithObject *r = NULL;
    if (cls_args && newobj) r = pith_tuple_pack(3, newobj, cls_args, state);
    PITH_XDECREF(cls_args);
    PITH_XDECREF(newobj);
    PITH_DECREF(state);
    return r;
}

/* object.__reduce__(): copyreg._reduce_ex(self, 0). */
static PithObject *object_reduce(PithObject *self, PithObject *const *args,
                                 size_t nargs, PithObject *kwnames) {
    PithObject *f = pith_call_method_import("copyreg", "_reduce_ex");
    if (!f) return NULL;
    PithObject *zero = pith_int_from_i64(0);
    PithObject *a[2] = {self, zero}, *r = zero ? pith_call(f, a, 2, NULL) : NULL;
    PITH_XDECREF(zero);
    PITH_DECREF(f);
    return r;
}

/* object.__getstate__(): the instance dict (a copy) or None. */
static PithObject *object_getstate(PithObject *self, PithObject *const *args,
                                   size_t nargs, PithObject *kwnames) {
    PithObject **dp = pith_obj_dict_ptr(self);
    if (dp && *dp && pith_dict_size(*dp) > 0) return pith_dict_copy(*dp);
    PITH_RETURN_NONE;
}

static PithObject *class_get(PithObject *self, void *c) {
    return PITH_NEWREF(PITH_TYPE(self));
}

/* The nearest type in t's MRO (t included) whose __slots__ add members, or NULL. */
static PithType *slots_owner(PithType *t) {
    for (; t; t = t->tp_base)
        if (pith_type_has_flag(t, PITH_TPFLAGS_HEAPTYPE) && t->ht_slots &&
            PITH_SIZE(t->ht_slots) > 0)
            return t;
    return NULL;
}

/* Same memory layout: equal sizes and dealloc, and the same slot members
 * (two classes may add the same names from a common base, as CPython allows). */
static bool same_layout(PithType *a, PithType *b) {
    if (a->tp_basicsize != b->tp_basicsize || a->tp_itemsize != b->tp_itemsize ||
        a->tp_dictoffset != b->tp_dictoffset || a->tp_dealloc != b->tp_dealloc)
        return false;
    PithType *sa = slots_owner(a), *sb = slots_owner(b);
    if (sa == sb) return true;
    if (!sa || !sb || sa->tp_base != sb->tp_base) return false;
    int eq = pith_richcompare_bool(sa->ht_slots, sb->ht_slots, PITH_EQ);
    if (eq < 0) pith_err_clear();
    return eq > 0;
}

/* obj.__class__ = C: only between compatible heap types. */
static int class_set(PithObject *self, PithObject *value, void *c) {
    if (!value) {
        pith_err_set_string(&pith_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!pith_type_check(value)) {
        pith_err_format(&pith_exc_TypeError,
                        "__class__ must be set to a class, not '%s' object",
                        pith_type_name(value));
        return -1;
    }
    PithType *old = PITH_TYPE(self), *new = (PithType *)value;
    if (!pith_type_has_flag(old, PITH_TPFLAGS_HEAPTYPE) ||
        !pith_type_has_flag(new, PITH_TPFLAGS_HEAPTYPE)) {
        pith_err_set_string(&pith_exc_TypeError,
                            "__class__ assignment only supported for mutable "
                            "types or ModuleType subclasses");
        return -1;
    }
    if (!same_layout(old, new)) {
        pith_err_format(&pith_exc_TypeError,
                        "__class__ assignment: '%s' object layout differs "
                        "from '%s'",
                        new->tp_name, old->tp_name);
        return -1;
    }
    PITH_INCREF(new);
    self->type = new;
    PITH_DECREF(old);
    return 0;
}

static PithMethodDef object_methods[] = {
    {"__format__", object_format, PITH_METH_O, "Default object formatter."},
    {"__sizeof__", object_sizeof, PITH_METH_NOARGS, "Size of object in memory, in bytes."},
    {"__dir__", object_dir, PITH_METH_NOARGS, "Default dir() implementation."},
    {"__init_subclass__", object_init_subclass, PITH_METH_NOARGS | PITH_METH_CLASS,
     "This method is called when a class is subclassed."},
    {"__subclasshook__", object_subclasshook, PITH_METH_FAST | PITH_METH_CLASS,
     "Abstract classes can override this to customize issubclass()."},
    {"__reduce_ex__", object_reduce_ex, PITH_METH_O, "Helper for pickle."},
    {"__reduce__", object_reduce, PITH_METH_NOARGS, "Helper for pickle."},
    {"__getstate__", object_getstate, PITH_METH_NOARGS, "Helper for pickle."},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef object_getset[] = {
    {"__class__", class_get, class_set, "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_object_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "object",
    .tp_basicsize = sizeof(PithObject),
    .tp_flags = PITH_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_str = object_str,
    .tp_hash = object_hash,
    .tp_richcompare = object_richcompare,
    .tp_getattro = pith_generic_getattr,
    .tp_setattro = pith_generic_setattr,
    .tp_new = pith_object_new,
    .tp_init = pith_object_init,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
};
