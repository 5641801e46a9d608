/* weakref.c — weak references (`weakref.ref`, `weakref.proxy`) and the
 * native `_weakref` module.
 *
 * The weak references to an object form a doubly linked list whose head is
 * found through a side table keyed by the object's address, so no object
 * layout needs a weaklist slot. When the referent dies (pith_weakref_clear,
 * called from deallocation and by the cycle collector) every reference is
 * cleared first, then the callbacks run, newest first, as in CPython.
 *
 * Invariants:
 *  - wr->object != NULL  <=>  wr is linked in the list of wr->object;
 *  - the table has an entry for o  <=>  o has at least one live weakref;
 *  - pith_weakref_targets == number of entries (a cheap test for dealloc).
 */
#include "pith/pith.h"
#include "pith/weakref.h"
#include "pith/func.h"

typedef struct PithWeakref {
    PithObject ob;
    PithObject *object;   /* referent (borrowed); NULL once dead */
    PithObject *callback; /* owned, or NULL */
    intptr_t hash;        /* -1 until computed */
    struct PithWeakref *prev, *next;
} PithWeakref;

intptr_t pith_weakref_targets;

/* ---- the side table: object address -> first weakref ---------------------- */

#define TOMBSTONE ((uintptr_t)1)
typedef struct Slot {
    uintptr_t key; /* 0 = empty */
    PithWeakref *head;
} Slot;
static Slot *table;
static size_t table_cap, table_fill; /* fill counts tombstones too */

static size_t slot_index(uintptr_t key, size_t cap) {
    return (size_t)((key >> 4) * 0x9E3779B97F4A7C15ULL) & (cap - 1);
}

static Slot *find_slot(uintptr_t key) {
    if (!table) return NULL;
    for (size_t i = slot_index(key, table_cap);; i = (i + 1) & (table_cap - 1)) {
        if (table[i].key == key) return &table[i];
        if (table[i].key == 0) return NULL;
    }
}

static int grow_table(void) {
    size_t cap = table_cap ? table_cap * 2 : 64;
    while ((size_t)pith_weakref_targets * 2 >= cap) cap *= 2;
    Slot *t = pith_mem_calloc(cap, sizeof(Slot));
    if (!t) return -1;
    for (size_t i = 0; i < table_cap; i++) {
        if (table[i].key <= TOMBSTONE) continue;
        size_t j = slot_index(table[i].key, cap);
        while (t[j].key) j = (j + 1) & (cap - 1);
        t[j] = table[i];
    }
    pith_mem_free(table);
    table = t;
    table_cap = cap;
    table_fill = (size_t)pith_weakref_targets;
    return 0;
}

static Slot *insert_slot(uintptr_t key) {
    if ((table_fill + 1) * 2 > table_cap && grow_table() < 0) return NULL;
    size_t i = slot_index(key, table_cap);
    while (table[i].key > TOMBSTONE) i = (i + 1) & (table_cap - 1);
    if (table[i].key == 0) table_fill++;
    table[i].key = key;
    table[i].head = NULL;
    pith_weakref_targets++;
    return &table[i];
}

static void remove_slot(Slot *s) {
    s->key = TOMBSTONE;
    s->head = NULL;
    pith_weakref_targets--;
}

/* ---- lists ---------------------------------------------------------------------- */

static PithWeakref *first_ref(PithObject *o) {
    Slot *s = find_slot((uintptr_t)o);
    return s ? s->head : NULL;
}

static bool is_proxy_type(PithType *t) {
    return t == &pith_weakproxy_type || t == &pith_weakcallableproxy_type;
}

/* A "basic" reference: a plain ref or proxy without callback. Each object has
 * at most one of each, shared by every request for one. */
static bool is_basic_ref(PithWeakref *r) {
    return PITH_TYPE(r) == &pith_weakref_type && !r->callback;
}
static bool is_basic_proxy(PithWeakref *r) { return is_proxy_type(PITH_TYPE(r)) && !r->callback; }

/* CPython's list order: the basic ref first, then the basic proxy, then the
 * other references newest first. Callbacks run in list order. */
static int link_ref(PithWeakref *wr, PithObject *o) {
    Slot *s = find_slot((uintptr_t)o);
    if (!s && !(s = insert_slot((uintptr_t)o))) {
        pith_err_no_memory();
        return -1;
    }
    wr->object = o;
    PithWeakref *after = NULL, *h = s->head;
    if (!is_basic_ref(wr) && h) {
        if (is_basic_ref(h)) after = h;
        PithWeakref *p = after ? h->next : h;
        if (p && is_basic_proxy(p)) after = p;
    }
    wr->prev = after;
    wr->next = after ? after->next : s->head;
    if (wr->next) wr->next->prev = wr;
    if (after)
        after->next = wr;
    else
        s->head = wr;
    return 0;
}

static void unlink_ref(PithWeakref *wr) {
    if (!wr->object) return;
    Slot *s = find_slot((uintptr_t)wr->object);
    if (wr->prev)
        wr->prev->next = wr->next;
    else if (s)
        s->head = wr->next;
    if (wr->next) wr->next->prev = wr->prev;
    if (s && !s->head) remove_slot(s);
    wr->object = NULL;
    wr->prev = wr->next = NULL;
}

/* ---- which objects can be weakly referenced --------------------------------------- */


/* A per-type property: the PITH_TPFLAGS_WEAKREFABLE flag (set on the static
 * types CPython gives a weak-reference list, inherited by subclasses) or a
 * weaklist slot (classes without __slots__, or naming __weakref__). */
static bool weakrefable(PithObject *o) {
    PithType *t = PITH_TYPE(o);
    return (t->tp_flags & PITH_TPFLAGS_WEAKREFABLE) || t->tp_weaklistoffset != 0;
}

/* ---- clearing --------------------------------------------------------------------- */

void pith_weakref_clear(PithObject *o) { pith_weakref_clear_ex(o, NULL); }

void pith_weakref_clear_ex(PithObject *o, bool (*skip)(PithObject *wr)) {
    Slot *s = find_slot((uintptr_t)o);
    if (!s) return;
    PithWeakref *wr = s->head;
    remove_slot(s);
    /* Detach everything first, keeping the references with callbacks alive. */
    PithObject *pending = pith_list_new(0);
    while (wr) {
        PithWeakref *next = wr->next;
        wr->object = NULL;
        wr->prev = wr->next = NULL;
        if (wr->callback && skip && skip((PithObject *)wr)) PITH_CLEAR(wr->callback);
        if (wr->callback && pending && pith_list_append(pending, (PithObject *)wr) < 0)
            pith_err_clear();
        wr = next;
    }
    if (!pending) {
        pith_err_clear();
        return;
    }
    PithObject *saved = pith_err_fetch();
    for (intptr_t i = 0; i < PITH_SIZE(pending); i++) {
        PithWeakref *r = (PithWeakref *)PITH_LIST_GET(pending, i);
        PithObject *cb = r->callback;
        r->callback = NULL;
        if (!cb) continue;
        PithObject *res = pith_call_one(cb, (PithObject *)r);
        if (!res) pith_err_write_unraisable(cb);
        PITH_XDECREF(res);
        PITH_DECREF(cb);
    }
    pith_err_restore(saved);
    PITH_DECREF(pending);
}

/* ---- the ref type ------------------------------------------------------------------ */

static PithObject *dead_error(void) {
    pith_err_set_string(&pith_exc_ReferenceError, "weakly-referenced object no longer exists");
    return NULL;
}

static PithObject *new_ref(PithType *type, PithObject *o, PithObject *callback) {
    if (!weakrefable(o))
        return pith_err_format(&pith_exc_TypeError, "cannot create weak reference to '%s' object",
                               pith_type_name(o));
    if (callback == PITH_NONE) callback = NULL;
    if (!callback && (type == &pith_weakref_type || is_proxy_type(type))) /* reuse, as CPython */
        for (PithWeakref *r = first_ref(o); r && (is_basic_ref(r) || is_basic_proxy(r)); r = r->next)
            if (type == &pith_weakref_type ? is_basic_ref(r) : is_basic_proxy(r))
                return PITH_NEWREF(r);
    PithWeakref *wr = (PithWeakref *)pith_gc_new(type);
    if (!wr) return NULL;
    wr->hash = -1;
    wr->callback = callback ? PITH_NEWREF(callback) : NULL;
    if (link_ref(wr, o) < 0) {
        PITH_DECREF(wr);
        return NULL;
    }
    pith_gc_track(wr);
    return (PithObject *)wr;
}

static PithObject *ref_new(PithType *type, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    if (pith_arg_check_range("__new__", nargs, 1, 2) < 0) return NULL;
    if (type == &pith_weakref_type && pith_arg_no_kwargs("ref", kwnames) < 0) return NULL;
    return new_ref(type, args[0], nargs > 1 ? args[1] : NULL);
}

static int ref_init(PithObject *self, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    return 0; /* arguments were consumed by __new__; subclasses may add more */
}

static PithObject *ref_call(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    if (pith_arg_no_kwargs("weakref", kwnames) < 0 ||
        pith_arg_check_range("weakref", nargs, 0, 0) < 0)
        return NULL;
    PithObject *o = ((PithWeakref *)self)->object;
    return PITH_NEWREF(o ? o : PITH_NONE);
}

static intptr_t ref_hash(PithObject *self) {
    PithWeakref *wr = (PithWeakref *)self;
    if (wr->hash != -1) return wr->hash;
    if (!wr->object) {
        pith_err_set_string(&pith_exc_TypeError, "weak object has gone away");
        return -1;
    }
    wr->hash = pith_hash(wr->object);
    return wr->hash;
}

static PithObject *ref_richcompare(PithObject *a, PithObject *b, int op) {
    if ((op != PITH_EQ && op != PITH_NE) || !pith_type_ok(b, &pith_weakref_type))
        PITH_RETURN_NOTIMPL;
    PithObject *x = ((PithWeakref *)a)->object, *y = ((PithWeakref *)b)->object;
    if (!x || !y) return pith_bool_from((a == b) == (op == PITH_EQ));
    return pith_richcompare(x, y, op);
}

/* The referent's __name__, if it has one, for repr. */
static PithObject *referent_name(PithObject *o) {
    PithObject *name = NULL;
    if (pith_lookup_attr(o, pith_str_intern_cstr("__name__"), &name) < 0) pith_err_clear();
    if (name && !pith_str_check(name)) PITH_CLEAR(name);
    return name;
}

static PithObject *weak_repr(PithObject *self, const char *kind) {
    PithObject *o = ((PithWeakref *)self)->object;
    if (!o) return pith_str_from_format("<%s at %p; dead>", kind, (void *)self);
    PithObject *name = referent_name(o), *r;
    if (name)
        r = pith_str_from_format("<%s at %p; to '%s' at %p (%U)>", kind, (void *)self,
                                 pith_type_name(o), (void *)o, name);
    else
        r = pith_str_from_format("<%s at %p; to '%s' at %p>", kind, (void *)self,
                                 pith_type_name(o), (void *)o);
    PITH_XDECREF(name);
    return r;
}

static PithObject *ref_repr(PithObject *self) { return weak_repr(self, "weakref"); }

static PithObject *ref_get_callback(PithObject *self, void *c) {
    PithObject *cb = ((PithWeakref *)self)->callback;
    return PITH_NEWREF(cb ? cb : PITH_NONE);
}

static int weak_traverse(PithObject *self, pith_visitproc visit, void *arg) {
    PITH_VISIT(((PithWeakref *)self)->callback);
    return 0;
}

static int weak_clear(PithObject *self) {
    PithWeakref *wr = (PithWeakref *)self;
    unlink_ref(wr);
    PITH_CLEAR(wr->callback);
    return 0;
}

static void weak_dealloc(PithObject *self) {
    pith_gc_untrack(self);
    weak_clear(self);
    pith_gc_del(self); /* subclasses: subtype_dealloc drops the type reference */
}

static PithGetSetDef ref_getset[] = {
    {"__callback__", ref_get_callback, NULL, "Callback called when the referent dies.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_weakref_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(PithWeakref),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,
    .tp_dealloc = weak_dealloc,
    .tp_repr = ref_repr,
    .tp_hash = ref_hash,
    .tp_richcompare = ref_richcompare,
    .tp_call = ref_call,
    .tp_traverse = weak_traverse,
    .tp_clear = weak_clear,
    .tp_new = ref_new,
    .tp_init = ref_init,
    .tp_getset = ref_getset,
};

PithObject *pith_weakref_new(PithObject *o) { return new_ref(&pith_weakref_type, o, NULL); }

PithObject *pith_weakref_referent(PithObject *wr) { return ((PithWeakref *)wr)->object; }

PithObject *pith_weakref_first(PithObject *o) {
    return pith_weakref_targets ? (PithObject *)first_ref(o) : NULL;
}

/* ---- proxies ------------------------------------------------------------------------ */

static PithObject *proxy_target(PithObject *self) {
    PithObject *o = ((PithWeakref *)self)->object;
    return o ? o : dead_error();
}

static PithObject *proxy_getattr(PithObject *self, PithObject *name) {
    PithObject *o = proxy_target(self);
    return o ? pith_getattr(o, name) : NULL;
}

static int proxy_setattr(PithObject *self, PithObject *name, PithObject *value) {
    PithObject *o = proxy_target(self);
    if (!o) return -1;
    return value ? pith_setattr(o, name, value) : pith_delattr(o, name);
}

static PithObject *proxy_str(PithObject *self) {
    PithObject *o = proxy_target(self);
    return o ? pith_str(o) : NULL;
}

static PithObject *proxy_repr(PithObject *self) { return weak_repr(self, "weakproxy"); }

static PithObject *proxy_call(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    PithObject *o = proxy_target(self);
    return o ? pith_call(o, args, nargs, kwnames) : NULL;
}

static int proxy_bool(PithObject *self) {
    PithObject *o = proxy_target(self);
    return o ? pith_is_true(o) : -1;
}

static intptr_t proxy_len(PithObject *self) {
    PithObject *o = proxy_target(self);
    return o ? pith_len(o) : -1;
}

static PithObject *proxy_getitem(PithObject *self, PithObject *key) {
    PithObject *o = proxy_target(self);
    return o ? pith_getitem(o, key) : NULL;
}

/* x itself, or the referent if x is a proxy (NULL if that died). */
static PithObject *unwrap(PithObject *x) {
    return is_proxy_type(PITH_TYPE(x)) ? ((PithWeakref *)x)->object : x;
}

static PithObject *proxy_richcompare(PithObject *a, PithObject *b, int op) {
    PithObject *x = unwrap(a), *y = unwrap(b);
    if (!x || !y) return dead_error();
    return pith_richcompare(x, y, op);
}

static PithObject *proxy_iter(PithObject *self) {
    PithObject *o = proxy_target(self);
    return o ? pith_get_iter(o) : NULL;
}

/* Operators forward to the referent; either operand may be a proxy. */
#define PROXY_BINOP(name, op)                                                   \
    static PithObject *proxy_##name(PithObject *a, PithObject *b) {            \
        PithObject *x = unwrap(a), *y = unwrap(b);                              \
        return x && y ? pith_number_binop(x, y, op) : dead_error();            \
    }
#define PROXY_UNOP(name, fn)                                                    \
    static PithObject *proxy_##name(PithObject *self) {                         \
        PithObject *o = proxy_target(self);                                     \
        return o ? fn(o) : NULL;                                                \
    }
PROXY_BINOP(add, PITH_NB_ADD)
PROXY_BINOP(sub, PITH_NB_SUBTRACT)
PROXY_BINOP(mul, PITH_NB_MULTIPLY)
PROXY_BINOP(mod, PITH_NB_REMAINDER)
PROXY_BINOP(lshift, PITH_NB_LSHIFT)
PROXY_BINOP(rshift, PITH_NB_RSHIFT)
PROXY_BINOP(and, PITH_NB_AND)
PROXY_BINOP(xor, PITH_NB_XOR)
PROXY_BINOP(or, PITH_NB_OR)
PROXY_BINOP(floordiv, PITH_NB_FLOOR_DIVIDE)
PROXY_BINOP(truediv, PITH_NB_TRUE_DIVIDE)
PROXY_BINOP(matmul, PITH_NB_MATRIX_MULTIPLY)
PROXY_BINOP(iadd, PITH_NB_INPLACE_ADD)
PROXY_BINOP(isub, PITH_NB_INPLACE_SUBTRACT)
PROXY_BINOP(imul, PITH_NB_INPLACE_MULTIPLY)
PROXY_BINOP(imod, PITH_NB_INPLACE_REMAINDER)
PROXY_BINOP(ilshift, PITH_NB_INPLACE_LSHIFT)
PROXY_BINOP(irshift, PITH_NB_INPLACE_RSHIFT)
PROXY_BINOP(iand, PITH_NB_INPLACE_AND)
PROXY_BINOP(ixor, PITH_NB_INPLACE_XOR)
PROXY_BINOP(ior, PITH_NB_INPLACE_OR)
PROXY_BINOP(ifloordiv, PITH_NB_INPLACE_FLOOR_DIVIDE)
PROXY_BINOP(itruediv, PITH_NB_INPLACE_TRUE_DIVIDE)
PROXY_BINOP(imatmul, PITH_NB_INPLACE_MATRIX_MULTIPLY)
PROXY_UNOP(neg, pith_number_negative)
PROXY_UNOP(pos, pith_number_positive)
PROXY_UNOP(abs, pith_number_absolute)
PROXY_UNOP(invert, pith_number_invert)
PROXY_UNOP(int, pith_number_long)
PROXY_UNOP(float, pith_number_float)
PROXY_UNOP(index, pith_number_index)

static PithObject *proxy_divmod(PithObject *a, PithObject *b) {
    PithObject *x = unwrap(a), *y = unwrap(b);
    return x && y ? pith_number_divmod(x, y) : dead_error();
}

static PithObject *proxy_pow(PithObject *a, PithObject *b, PithObject *c) {
    PithObject *x = unwrap(a), *y = unwrap(b), *z = unwrap(c);
    return x && y && z ? pith_number_power(x, y, z) : dead_error();
}

static int proxy_contains(PithObject *self, PithObject *v) {
    PithObject *o = proxy_target(self);
    return o ? pith_contains(o, v) : -1;
}

static int proxy_setitem(PithObject *self, PithObject *key, PithObject *value) {
    PithObject *o = proxy_target(self);
    if (!o) return -1;
    return value ? pith_setitem(o, key, value) : pith_delitem(o, key);
}

static PithObject *proxy_next(PithObject *self) {
    PithObject *o = proxy_target(self);
    if (!o) return NULL;
    if (!PITH_TYPE(o)->tp_iternext)
        return pith_err_format(&pith_exc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                               pith_type_name(o));
    return PITH_TYPE(o)->tp_iternext(o);
}

static PithNumberMethods proxy_as_number = {
    .nb_add = proxy_add, .nb_subtract = proxy_sub, .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod, .nb_divmod = proxy_divmod, .nb_power = proxy_pow,
    .nb_negative = proxy_neg, .nb_positive = proxy_pos, .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool, .nb_invert = proxy_invert, .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift, .nb_and = proxy_and, .nb_xor = proxy_xor, .nb_or = proxy_or,
    .nb_int = proxy_int, .nb_float = proxy_float, .nb_inplace_add = proxy_iadd,
    .nb_inplace_subtract = proxy_isub, .nb_inplace_multiply = proxy_imul,
    .nb_inplace_remainder = proxy_imod, .nb_inplace_lshift = proxy_ilshift,
    .nb_inplace_rshift = proxy_irshift, .nb_inplace_and = proxy_iand,
    .nb_inplace_xor = proxy_ixor, .nb_inplace_or = proxy_ior,
    .nb_floor_divide = proxy_floordiv, .nb_true_divide = proxy_truediv,
    .nb_inplace_floor_divide = proxy_ifloordiv, .nb_inplace_true_divide = proxy_itruediv,
    .nb_index = proxy_index, .nb_matrix_multiply = proxy_matmul,
    .nb_inplace_matrix_multiply = proxy_imatmul,
};
static PithSequenceMethods proxy_as_sequence = {.sq_contains = proxy_contains};
static PithMappingMethods proxy_as_mapping = {.mp_length = proxy_len,
                                              .mp_subscript = proxy_getitem,
                                              .mp_ass_subscript = proxy_setitem};

#define PROXY_TYPE_FIELDS                                                                   \
    .tp_basicsize = sizeof(PithWeakref), .tp_flags = PITH_TPFLAGS_HAVE_GC,                  \
    .tp_dealloc = weak_dealloc, .tp_repr = proxy_repr, .tp_str = proxy_str,                \
    .tp_hash = pith_hash_not_implemented, .tp_richcompare = proxy_richcompare,             \
    .tp_getattro = proxy_getattr, .tp_setattro = proxy_setattr, .tp_iter = proxy_iter,      \
    .tp_traverse = weak_traverse, .tp_clear = weak_clear, .tp_as_number = &proxy_as_number, \
    .tp_as_sequence = &proxy_as_sequence, .tp_as_mapping = &proxy_as_mapping,              \
    .tp_iternext = proxy_next

PithType pith_weakproxy_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "weakref.ProxyType",
    PROXY_TYPE_FIELDS,
};

PithType pith_weakcallableproxy_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "weakref.CallableProxyType",
    .tp_call = proxy_call,
    PROXY_TYPE_FIELDS,
};

/* ---- the _weakref module ----------------------------------------------------------- */

static PithObject *wr_proxy(PithObject *m, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    if (pith_arg_check_range("proxy", nargs, 1, 2) < 0) return NULL;
    PithType *t = pith_callable_check(args[0]) ? &pith_weakcallableproxy_type
                                               : &pith_weakproxy_type;
    return new_ref(t, args[0], nargs > 1 ? args[1] : NULL);
}

static intptr_t count_refs(PithObject *o) {
    intptr_t n = 0;
    for (PithWeakref *r = first_ref(o); r; r = r->next) n++;
    return n;
}

static PithObject *wr_getweakrefcount(PithObject *m, PithObject *const *args, size_t nargs,
                                      PithObject *kwnames) {
    return pith_int_from_ssize(count_refs(args[0]));
}

static PithObject *wr_getweakrefs(PithObject *m, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    PithObject *list = pith_list_new(0);
    for (PithWeakref *r = first_ref(args[0]); list && r; r = r->next)
        if (pith_list_append(list, (PithObject *)r) < 0) PITH_CLEAR(list);
    return list;
}

/* _remove_dead_weakref(dict, key): delete dict[key] if it is a dead ref. */
static PithObject *wr_remove_dead(PithObject *m, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    if (pith_arg_check_range("_remove_dead_weakref", nargs, 2, 2) < 0) return NULL;
    PithObject *v = pith_dict_get_item(args[0], args[1]);
    if (!v && pith_err_occurred()) return NULL;
    if (v && pith_type_ok(v, &pith_weakref_type) && !((PithWeakref *)v)->object &&
        pith_dict_del_item(args[0], args[1]) < 0)
        return NULL;
    PITH_RETURN_NONE;
}

static PithMethodDef weakref_methods[] = {
    {"proxy", wr_proxy, PITH_METH_FAST, "Create a proxy object that weakly references 'object'."},
    {"getweakrefcount", wr_getweakrefcount, PITH_METH_O, "Return the number of weak references to 'object'."},
    {"getweakrefs", wr_getweakrefs, PITH_METH_O, "Return a list of all weak reference objects pointing to 'object'."},
    {"_remove_dead_weakref", wr_remove_dead, PITH_METH_FAST, "Atomically remove key from dict if it points to a dead weakref."},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_weakref_module_init(void) {
    PithObject *m = pith_module_new("_weakref");
    if (!m) return NULL;
    if (pith_module_add_functions(m, weakref_methods) < 0 ||
        pith_module_add_object(m, "ref", PITH_NEWREF(&pith_weakref_type)) < 0 ||
        pith_module_add_object(m, "ReferenceType", PITH_NEWREF(&pith_weakref_type)) < 0 ||
        pith_module_add_object(m, "ProxyType", PITH_NEWREF(&pith_weakproxy_type)) < 0 ||
        pith_module_add_object(m, "CallableProxyType",
                               PITH_NEWREF(&pith_weakcallableproxy_type)) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}

int pith_weakref_init(void) {
    return pith_type_ready(&pith_weakref_type) | pith_type_ready(&pith_weakproxy_type) |
           pith_type_ready(&pith_weakcallableproxy_type);
}
