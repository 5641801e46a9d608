/* heaptype.c — classes: type(name, bases, dict) creates a heap type
 * (metaclass choice, best base, instance layout with __dict__ and
 * __slots__, implicit staticmethod/classmethod wrapping, __set_name__,
 * __init_subclass__) and the dealloc/traverse/clear of class instances.
 *
 * Instance layout of a class: the best base's layout, then one pointer per
 * __slots__ entry, then the __dict__ pointer (unless the base has one).
 * Variable-size bases (int, tuple, bytes) keep their items at the end, so
 * the dict goes after the items: tp_dictoffset < 0 (see pith_obj_dict_ptr).
 */
#include <string.h>

#include "pith/func.h"
#include "pith/pith.h"
#include "pith/weakref.h"
#include "runtime_internal.h"

#define PTR_SIZE ((intptr_t)sizeof(PithObject *))

static bool is_heap(PithType *t) { return pith_type_has_flag(t, PITH_TPFLAGS_HEAPTYPE); }

/* ---- metaclass and best base ---------------------------------------------- */

static PithType *calculate_meta(PithType *meta, PithObject *bases) {
    PithType *winner = meta;
    for (intptr_t i = 0; i < PITH_SIZE(bases); i++) {
        PithType *t = PITH_TYPE(PITH_TUPLE_GET(bases, i));
        if (pith_type_is_subtype(winner, t)) continue;
        if (pith_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        pith_err_set_string(&pith_exc_TypeError,
                            "metaclass conflict: the metaclass of a derived class must "
                            "be a (non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* The most derived type in t's base chain that adds instance fields. */
static PithType *solid_base(PithType *t) {
    if (is_heap(t)) {
        if (t->ht_slots && PITH_SIZE(t->ht_slots) > 0) return t;
        return solid_base(t->tp_base);
    }
    PithType *b = t->tp_base;
    if (!b) return t;
    if (t->tp_basicsize != b->tp_basicsize || t->tp_itemsize != b->tp_itemsize) return t;
    return solid_base(b);
}

static PithType *best_base(PithObject *bases) {
    PithType *winner = NULL, *base = NULL;
    for (intptr_t i = 0; i < PITH_SIZE(bases); i++) {
        PithObject *b = PITH_TUPLE_GET(bases, i);
        if (!pith_type_check(b)) {
            pith_err_set_string(&pith_exc_TypeError, "bases must be types");
            return NULL;
        }
        PithType *bt = (PithType *)b;
        if (!(bt->tp_flags & PITH_TPFLAGS_READY) && pith_type_ready(bt) < 0) return NULL;
        if (!pith_type_has_flag(bt, PITH_TPFLAGS_BASETYPE)) {
            pith_err_format(&pith_exc_TypeError, "type '%s' is not an acceptable base type",
                            bt->tp_name);
            return NULL;
        }
        PithType *cand = solid_base(bt);
        if (!winner) {
            winner = cand;
            base = bt;
        } else if (pith_type_is_subtype(winner, cand)) {
            /* keep */
        } else if (pith_type_is_subtype(cand, winner)) {
            winner = cand;
            base = bt;
        } else {
            pith_err_set_string(&pith_exc_TypeError,
                                "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* ---- __slots__ ------------------------------------------------------------------ */

/* "__x" inside class C becomes "_C__x" (private name mangling). */
static PithObject *mangle(PithObject *cls_name, PithObject *name) {
    intptr_t n = PITH_STR_LEN(name);
    PithStr *s = (PithStr *)name;
    if (n < 3 || pith_str_read(s, 0) != '_' || pith_str_read(s, 1) != '_' ||
        (pith_str_read(s, n - 1) == '_' && pith_str_read(s, n - 2) == '_'))
        return PITH_NEWREF(name);
    intptr_t i = 0, cn = PITH_STR_LEN(cls_name);
    while (i < cn && pith_str_read((PithStr *)cls_name, i) == '_') i++;
    if (i == cn) return PITH_NEWREF(name);
    PithObject *stripped = pith_str_substring(cls_name, i, cn);
    if (!stripped) return NULL;
    PithObject *r = pith_str_from_format("_%U%U", stripped, name);
    PITH_DECREF(stripped);
    return r;
}

typedef struct {
    PithObject *names; /* tuple of member slot names (mangled), or NULL */
    bool add_dict, add_weakref;
} SlotsInfo;

/* Instances of base have variable size (str's storage does not count, as
 * CPython's str has itemsize 0): no slots and no weaklist can be added. */
static bool var_sized(PithType *base) {
    return base->tp_itemsize && !pith_type_has_flag(base, PITH_TPFLAGS_UNICODE_SUBCLASS);
}

static bool has_weaklist(PithType *base) {
    return base->tp_weaklistoffset || pith_type_has_flag(base, PITH_TPFLAGS_WEAKREFABLE);
}

static int parse_slots(PithObject *slots, PithObject *name, PithType *base,
                       PithObject *dict, SlotsInfo *out) {
    PithObject *seq = pith_str_check(slots) ? pith_tuple_pack(1, slots)
                                            : pith_sequence_tuple(slots);
    if (!seq) return -1;
    if (PITH_SIZE(seq) > 0 && var_sized(base)) {
        pith_err_format(&pith_exc_TypeError,
                        "nonempty __slots__ not supported for subtype of '%s'", base->tp_name);
        PITH_DECREF(seq);
        return -1;
    }
    PithObject *names = pith_list_new(0);
    int r = names ? 0 : -1;
    for (intptr_t i = 0; r == 0 && i < PITH_SIZE(seq); i++) {
        PithObject *s = PITH_TUPLE_GET(seq, i);
        if (!pith_str_check(s)) {
            pith_err_format(&pith_exc_TypeError,
                            "__slots__ items must be strings, not '%.200s'", pith_type_name(s));
            r = -1;
        } else if (!pith_str_isidentifier(s)) {
            pith_err_set_string(&pith_exc_TypeError, "__slots__ must be identifiers");
            r = -1;
        } else if (pith_str_eq_cstr(s, "__dict__")) {
            if (base->tp_dictoffset || out->add_dict) {
                pith_err_set_string(&pith_exc_TypeError,
                                    "__dict__ slot disallowed: we already got one");
                r = -1;
            }
            out->add_dict = true;
        } else if (pith_str_eq_cstr(s, "__weakref__")) {
            if (has_weaklist(base) || var_sized(base) || out->add_weakref) {
                pith_err_set_string(&pith_exc_TypeError,
                                    "__weakref__ slot disallowed: either we already got one, "
                                    "or __itemsize__ != 0");
                r = -1;
            }
            out->add_weakref = true;
        } else {
            PithObject *m = mangle(name, s);
            if (!m) {
                r = -1;
            } else if (pith_dict_get_item(dict, m)) {
                pith_err_format(&pith_exc_ValueError,
                                "%R in __slots__ conflicts with class variable", s);
                r = -1;
            } else {
                r = pith_list_append(names, m);
            }
            PITH_XDECREF(m);
        }
    }
    if (r == 0) out->names = pith_list_as_tuple(names);
    PITH_XDECREF(names);
    PITH_DECREF(seq);
    return r == 0 && out->names ? 0 : -1;
}

/* Member descriptors for the slots, stored in a heap-allocated table that
 * becomes t->tp_members at once (type_dealloc frees it, also after an error
 * here). */
static int add_slot_members(PithType *t, PithObject *names, intptr_t offset) {
    intptr_t n = PITH_SIZE(names);
    PithMemberDef *defs = pith_mem_calloc((size_t)n + 1, sizeof(PithMemberDef));
    if (!defs) {
        pith_err_no_memory();
        return -1;
    }
    t->tp_members = defs;
    for (intptr_t i = 0; i < n; i++) {
        PithObject *nm = PITH_TUPLE_GET(names, i);
        const char *u = pith_str_utf8(nm);
        if (!u) return -1;
        defs[i] = (PithMemberDef){u, PITH_MEMBER_OBJECT_EX, offset + i * PTR_SIZE, 0, NULL};
        PithObject *d = pith_descr_new_member(t, &defs[i]);
        if (!d || pith_dict_set_item(t->tp_dict, nm, d) < 0) {
            PITH_XDECREF(d);
            return -1;
        }
        PITH_DECREF(d);
    }
    return 0;
}

/* ---- __dict__ and __weakref__ descriptors of classes -------------------------- */

static PithObject *inst_dict_get(PithObject *o, void *c) {
    PithObject **dp = pith_obj_dict_ptr(o);
    if (!dp) return pith_err_no_attribute(o, pith_id_dict());
    if (!*dp && !(*dp = pith_dict_new())) return NULL;
    pith_gc_set_hidden(*dp, false); /* now a real object to Python code */
    return PITH_NEWREF(*dp);
}

static int inst_dict_set(PithObject *o, PithObject *v, void *c) {
    PithObject **dp = pith_obj_dict_ptr(o);
    if (!dp) {
        pith_err_no_attribute(o, pith_id_dict());
        return -1;
    }
    if (v && !pith_dict_check(v)) {
        pith_err_format(&pith_exc_TypeError,
                        "__dict__ must be set to a dictionary, not a '%.200s'",
                        pith_type_name(v));
        return -1;
    }
    PITH_XINCREF(v);
    PITH_SETREF(*dp, v);
    return 0;
}

static PithObject *inst_weakref_get(PithObject *o, void *c) {
    PithObject *r = pith_weakref_first(o);
    return PITH_NEWREF(r ? r : PITH_NONE);
}

static PithGetSetDef inst_dict_getset = {"__dict__", inst_dict_get, inst_dict_set,
                                         "dictionary for instance variables", NULL};
static PithGetSetDef inst_weakref_getset = {"__weakref__", inst_weakref_get, NULL,
                                            "list of weak references to the object", NULL};

static int add_getset(PithType *t, PithGetSetDef *g) {
    PithObject *d = pith_descr_new_getset(t, g);
    if (!d) return -1;
    int r = pith_dict_set_item_str(t->tp_dict, g->name, d);
    PITH_DECREF(d);
    return r;
}

/* ---- instances: dealloc, traverse, clear --------------------------------------------- */

/* The deferred-dealloc queue of objects/containers.c (containers_impl.h). */
int pith_trash_begin(PithObject *o, pith_destructor dealloc);
void pith_trash_end(void);

static PithType *static_base(PithType *t) {
    while (is_heap(t)) t = t->tp_base;
    return t;
}

/* Visit (or clear) the slot members and the dict added by heap types. */
static int heap_fields(PithObject *o, pith_visitproc visit, void *arg, bool clear) {
    PithType *sb = static_base(PITH_TYPE(o));
    for (PithType *t = PITH_TYPE(o); is_heap(t); t = t->tp_base) {
        for (PithMemberDef *m = t->tp_members; m && m->name; m++) {
            PithObject **p = (PithObject **)((char *)o + m->offset);
            if (clear) {
                PITH_CLEAR(*p);
            } else if (*p) {
                int r = visit(*p, arg);
                if (r) return r;
            }
        }
    }
    if (PITH_TYPE(o)->tp_dictoffset && sb->tp_dictoffset != PITH_TYPE(o)->tp_dictoffset) {
        PithObject **dp = pith_obj_dict_ptr(o);
        if (clear) {
            PITH_CLEAR(*dp);
        } else if (*dp) {
            int r = visit(*dp, arg);
            if (r) return r;
        }
    }
    return 0;
}

/* CPython's order (gc.get_referents shows it): slots, the dict, the class. */
static int subtype_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    int r = heap_fields(o, visit, arg, false);
    if (r) return r;
    /* Instances own a reference to their (heap) class, a GC object. */
    r = visit((PithObject *)PITH_TYPE(o), arg);
    if (r) return r;
    PithType *sb = static_base(PITH_TYPE(o));
    return sb->tp_traverse ? sb->tp_traverse(o, visit, arg) : 0;
}

static int subtype_clear(PithObject *o) {
    heap_fields(o, NULL, NULL, true);
    PithType *sb = static_base(PITH_TYPE(o));
    return sb->tp_clear ? sb->tp_clear(o) : 0;
}

/* Run __del__; returns true if the object was resurrected. */
static bool finalize(PithObject *o) {
    PithType *t = PITH_TYPE(o);
    if (!t->tp_finalize) return false;
    o->refcnt = 1;
    pith_gc_finalize_once(o); /* at most once per object (PEP 442) */
    if (--o->refcnt == 0) return false;
    return true;
}

static void subtype_dealloc(PithObject *o) {
    PithType *t = PITH_TYPE(o);
    if (PITH_IS_GC(o)) pith_gc_untrack(o);
    if (finalize(o)) {
        if (PITH_IS_GC(o)) pith_gc_track(o);
        return;
    }
    /* Long chains of instances (a.link = b, ...) die iteratively: deeper
     * levels are queued (objects/containers.c) instead of recursing. */
    bool gc = PITH_IS_GC(o);
    if (gc && !pith_trash_begin(o, subtype_dealloc)) return;
    if (pith_weakref_targets) pith_weakref_clear(o);
    heap_fields(o, NULL, NULL, true);
    static_base(t)->tp_dealloc(o);
    PITH_DECREF(t);
    if (gc) pith_trash_end();
}

/* ---- building the class ------------------------------------------------------------------ */

/* Wrap dict[name] in wrapper (staticmethod/classmethod) if it is a function. */
static int wrap_implicit(PithObject *dict, PithObject *name, PithObject *(*wrap)(PithObject *)) {
    PithObject *f = pith_dict_get_item(dict, name);
    if (!f || !pith_function_check(f)) return 0;
    PithObject *w = wrap(f);
    if (!w) return -1;
    int r = pith_dict_set_item(dict, name, w);
    PITH_DECREF(w);
    return r;
}

static int set_module_and_qualname(PithType *t, PithObject *dict, PithObject *name) {
    PithObject *mod = pith_dict_get_item(dict, pith_id_module());
    if (!mod) {
        PithObject *g = pith_eval_get_globals();
        PithObject *gn = g ? pith_dict_get_item(g, pith_id_name()) : NULL;
        if (gn && pith_dict_set_item(dict, pith_id_module(), gn) < 0) return -1;
        mod = gn;
    }
    t->ht_module = mod ? PITH_NEWREF(mod) : NULL;
    PithObject *qn = pith_dict_get_item(dict, pith_id_qualname());
    if (qn) {
        if (!pith_str_check(qn)) {
            pith_err_format(&pith_exc_TypeError, "type __qualname__ must be a str, not %s",
                            pith_type_name(qn));
            return -1;
        }
        t->ht_qualname = PITH_NEWREF(qn);
        if (pith_dict_del_item(dict, pith_id_qualname()) < 0) return -1;
    } else {
        t->ht_qualname = PITH_NEWREF(name);
    }
    /* __eq__ without __hash__ makes instances unhashable. */
    if (pith_dict_get_item(dict, pith_id_eq()) && !pith_dict_get_item(dict, pith_id_hash()) &&
        pith_dict_set_item(dict, pith_id_hash(), PITH_NONE) < 0)
        return -1;
    if (wrap_implicit(dict, pith_id_new(), pith_staticmethod_new) < 0 ||
        wrap_implicit(dict, pith_id_init_subclass(), pith_classmethod_new) < 0 ||
        wrap_implicit(dict, pith_id_class_getitem(), pith_classmethod_new) < 0)
        return -1;
    return 0;
}

/* __doc__ defaults to None; done after the slots, which may name __doc__. */
static int default_doc(PithObject *dict) {
    if (pith_dict_get_item(dict, pith_id_doc())) return 0;
    return pith_dict_set_item(dict, pith_id_doc(), PITH_NONE);
}

/* Decide basicsize, dictoffset and slot members. */
static int set_layout(PithType *t, PithType *base, PithObject *dict, PithObject *name) {
    SlotsInfo si = {NULL, false, false};
    PithObject *slots = pith_dict_get_item(dict, pith_id_slots());
    bool type_like = pith_type_has_flag(base, PITH_TPFLAGS_TYPE_SUBCLASS);
    if (slots) {
        if (parse_slots(slots, name, base, dict, &si) < 0) return -1;
    } else {
        si.add_dict = si.add_weakref = !type_like;
    }
    if (base->tp_dictoffset) si.add_dict = false;
    if (has_weaklist(base)) si.add_weakref = false;
    intptr_t size = base->tp_basicsize;
    bool var = var_sized(base);
    t->ht_slots = si.names ? si.names : pith_tuple_new(0);
    if (!t->ht_slots) return -1;
    if (si.names && PITH_SIZE(si.names) > 0) {
        if (add_slot_members(t, si.names, size) < 0) return -1;
        size += PITH_SIZE(si.names) * PTR_SIZE;
    }
    if (si.add_dict) {
        /* Var-size: 16 spare bytes at the end hold an aligned dict slot. */
        t->tp_dictoffset = var ? -1 : size;
        size += var ? 2 * PTR_SIZE : PTR_SIZE;
        if (add_getset(t, &inst_dict_getset) < 0) return -1;
    }
    if (si.add_weakref && !var) {
        t->tp_weaklistoffset = size;
        size += PTR_SIZE;
        if (add_getset(t, &inst_weakref_getset) < 0) return -1;
    }
    t->tp_basicsize = size;
    t->tp_itemsize = base->tp_itemsize;
    if (si.add_dict || (si.names && PITH_SIZE(si.names)) ||
        pith_type_has_flag(base, PITH_TPFLAGS_HAVE_GC))
        t->tp_flags |= PITH_TPFLAGS_HAVE_GC;
    return 0;
}

static PithType *alloc_type(PithType *meta, PithObject *name, PithObject *bases,
                            PithType *base, PithObject *dict) {
    const char *u = pith_str_utf8(name);
    if (!u) return NULL;
    PithHeapType *h = (PithHeapType *)pith_obj_new(meta);
    if (!h) return (PithType *)pith_err_no_memory();
    PithType *t = &h->type;
    t->tp_name = u;
    t->ht_name = PITH_NEWREF(name);
    t->tp_flags = PITH_TPFLAGS_HEAPTYPE | PITH_TPFLAGS_BASETYPE;
    t->tp_base = (PithType *)PITH_NEWREF(base);
    t->tp_bases = PITH_NEWREF(bases);
    t->tp_dict = pith_dict_copy(dict);
    /* Slot tables start as copies of the base's; fixup overrides them. */
    if (base->tp_as_number) h->as_number = *base->tp_as_number;
    if (base->tp_as_sequence) h->as_sequence = *base->tp_as_sequence;
    if (base->tp_as_mapping) h->as_mapping = *base->tp_as_mapping;
    t->tp_as_number = &h->as_number;
    t->tp_as_sequence = &h->as_sequence;
    t->tp_as_mapping = &h->as_mapping;
    if (!t->tp_dict) {
        PITH_DECREF(t);
        return NULL;
    }
    pith_gc_track(t); /* classes are GC objects: they sit in cycles (mro, methods) */
    return t;
}

static int fill_cell(PithType *t) {
    PithObject *cell = pith_dict_get_item(t->tp_dict, pith_id_classcell());
    if (!cell) return 0;
    if (!pith_cell_check(cell)) {
        pith_err_format(&pith_exc_TypeError, "__classcell__ must be a nonlocal cell, not %R",
                        (PithObject *)PITH_TYPE(cell));
        return -1;
    }
    pith_cell_set(cell, (PithObject *)t);
    return pith_dict_del_item(t->tp_dict, pith_id_classcell());
}

/* 3.11 wraps a failing __set_name__ in RuntimeError, chained from the cause. */
static void set_name_failed(PithType *t, PithObject *name, PithObject *value) {
    PithObject *cause = pith_err_fetch();
    pith_err_format(&pith_exc_RuntimeError,
                    "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                    pith_type_name(value), name, t->tp_name);
    PithObject *exc = pith_err_occurred();
    if (!exc || !cause) {
        PITH_XDECREF(cause);
        return;
    }
    PITH_INCREF(cause);
    pith_exc_set_context(exc, cause);
    pith_exc_set_cause(exc, cause);
}

/* Over a copy of the dict (as CPython: __set_name__ may change the class),
 * which holds the keys and values while they are used. */
static int call_set_names(PithType *t) {
    PithObject *names = pith_dict_copy(t->tp_dict);
    if (!names) return -1;
    int r = 0;
    intptr_t pos = 0;
    PithObject *k, *v;
    while (r == 0 && pith_dict_next(names, &pos, &k, &v)) {
        PithObject *f = pith_lookup_special(v, pith_id_set_name());
        if (!f) {
            if (pith_err_occurred()) r = -1;
            continue;
        }
        PithObject *args[2] = {(PithObject *)t, k};
        PithObject *res = pith_call(f, args, 2, NULL);
        PITH_DECREF(f);
        if (!res) {
            set_name_failed(t, k, v);
            r = -1;
        }
        PITH_XDECREF(res);
    }
    PITH_DECREF(names);
    return r;
}

/* super(t, t).__init_subclass__(**kwds) */
static int call_init_subclass(PithType *t, PithObject *kwds) {
    PithObject *mro = t->tp_mro, *f = NULL;
    for (intptr_t i = 1; i < PITH_SIZE(mro) && !f; i++) {
        PithType *b = (PithType *)PITH_TUPLE_GET(mro, i);
        f = pith_dict_get_item(b->tp_dict, pith_id_init_subclass());
    }
    if (!f) return 0;
    pith_descrgetfunc get = PITH_TYPE(f)->tp_descr_get;
    PithObject *m = get ? get(f, NULL, (PithObject *)t) : PITH_NEWREF(f);
    if (!m) return -1;
    PithObject *r = pith_call_tuple_dict(m, NULL, kwds);
    PITH_DECREF(m);
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

static int finish_type(PithType *t, PithObject *kwds) {
    t->tp_dealloc = subtype_dealloc;
    if (pith_type_has_flag(t, PITH_TPFLAGS_HAVE_GC)) {
        t->tp_traverse = subtype_traverse;
        t->tp_clear = subtype_clear;
    }
    if (fill_cell(t) < 0 || pith_type_ready(t) < 0) return -1; /* mro() may read __class__ */
    pith_slots_fixup(t);
    if (call_set_names(t) < 0) return -1;
    return call_init_subclass(t, kwds);
}

PithObject *pith_type_new_impl(PithType *meta, PithObject *name, PithObject *bases,
                               PithObject *dict, PithObject *kwds) {
    PithType *winner = calculate_meta(meta, bases);
    if (!winner) return NULL;
    if (winner != meta && winner->tp_new != pith_type_type.tp_new) {
        PithObject *args = pith_tuple_pack(3, name, bases, dict);
        if (!args) return NULL;
        PithObject *r = pith_call_tuple_dict((PithObject *)winner, args, kwds);
        PITH_DECREF(args);
        return r;
    }
    meta = winner;
    PithObject *own_bases = PITH_SIZE(bases)
                                ? PITH_NEWREF(bases)
                                : pith_tuple_pack(1, (PithObject *)&pith_object_type);
    if (!own_bases) return NULL;
    PithType *base = best_base(own_bases), *t = NULL;
    if (base) t = alloc_type(meta, name, own_bases, base, dict);
    PITH_DECREF(own_bases);
    if (!t) return NULL;
    if (set_module_and_qualname(t, t->tp_dict, name) < 0 ||
        set_layout(t, base, t->tp_dict, name) < 0 || default_doc(t->tp_dict) < 0 ||
        finish_type(t, kwds) < 0) {
        PITH_DECREF(t);
        return NULL;
    }
    return (PithObject *)t;
}
