/* dictview.c — dict iterators (keys/values/items, forward and reversed)
 * and the views dict_keys, dict_values, dict_items with their set-like
 * operations.
 *
 * Iterator invariants: `dict` is NULL once exhausted; `used` is the dict's
 * size at creation (a change raises "dictionary changed size during
 * iteration"); `len` counts the items still to yield; `pos` is the next
 * entry position to look at (reversed: looks downwards).
 */
#include "containers_impl.h"

enum { KIND_KEYS, KIND_VALUES, KIND_ITEMS };

typedef struct {
    PithObject ob;
    PithObject *dict;
    PithObject *result; /* cached (key, value) pair reused when unshared */
    intptr_t used, pos, len;
    int kind;
    bool reverse;
} DictIter;

typedef struct {
    PithObject ob;
    PithObject *dict;
} DictView;

extern PithType pith_dict_keyiter_type, pith_dict_valueiter_type, pith_dict_itemiter_type,
    pith_dict_revkeyiter_type, pith_dict_revvalueiter_type, pith_dict_revitemiter_type;

static PithType *iter_types[2][3] = {
    {&pith_dict_keyiter_type, &pith_dict_valueiter_type, &pith_dict_itemiter_type},
    {&pith_dict_revkeyiter_type, &pith_dict_revvalueiter_type, &pith_dict_revitemiter_type},
};

static PithObject *dictiter_new(PithObject *d, int kind, bool reverse) {
    DictIter *it = (DictIter *)pith_gc_new(iter_types[reverse][kind]);
    if (!it) return pith_err_no_memory();
    it->dict = PITH_NEWREF(d);
    it->used = it->len = ((PithDict *)d)->used;
    it->kind = kind;
    it->reverse = reverse;
    intptr_t n;
    pith_dict_entries(d, &n);
    it->pos = reverse ? n - 1 : 0;
    pith_gc_track(it);
    return (PithObject *)it;
}

PithObject *pith_dict_iter(PithObject *d) { return dictiter_new(d, KIND_KEYS, false); }
PithObject *pith_dict_reversed_iter(PithObject *d) { return dictiter_new(d, KIND_KEYS, true); }

static void dictiter_dealloc(PithObject *o) {
    DictIter *it = (DictIter *)o;
    pith_gc_untrack(o);
    PITH_XDECREF(it->dict);
    PITH_XDECREF(it->result);
    pith_gc_del(o);
}

static int dictiter_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((DictIter *)o)->dict);
    PITH_VISIT(((DictIter *)o)->result);
    return 0;
}

static int dictiter_clear(PithObject *o) {
    PITH_CLEAR(((DictIter *)o)->dict);
    PITH_CLEAR(((DictIter *)o)->result);
    return 0;
}

/* The (key, value) result, reusing the cached pair when nobody holds it. */
static PithObject *make_pair(DictIter *it, PithObject *k, PithObject *v) {
    PithObject *r = it->result;
    if (r && PITH_REFCNT(r) == 1) {
        PithObject *ok = PITH_TUPLE_GET(r, 0), *ov = PITH_TUPLE_GET(r, 1);
        PITH_TUPLE_SET(r, 0, PITH_NEWREF(k));
        PITH_TUPLE_SET(r, 1, PITH_NEWREF(v));
        PITH_DECREF(ok);
        PITH_DECREF(ov);
        return PITH_NEWREF(r);
    }
    r = pith_tuple_pack(2, k, v);
    if (r) PITH_SETREF(it->result, PITH_NEWREF(r));
    return r;
}

static PithObject *dictiter_next(PithObject *o) {
    DictIter *it = (DictIter *)o;
    PithObject *d = it->dict;
    if (!d) return NULL;
    if (it->used != ((PithDict *)d)->used) {
        pith_err_set_string(&pith_exc_RuntimeError, "dictionary changed size during iteration");
        it->used = -1; /* keep failing */
        return NULL;
    }
    intptr_t n, i = it->pos;
    PithDictEntry *ep = pith_dict_entries(d, &n);
    if (it->reverse) {
        while (i >= 0 && i < n && !ep[i].key) i--;
        if (i >= n) i = -1;
    } else {
        while (i < n && !ep[i].key) i++;
    }
    if (i < 0 || i >= n) {
        PITH_CLEAR(it->dict);
        return NULL;
    }
    if (it->len == 0) {
        pith_err_set_string(&pith_exc_RuntimeError, "dictionary keys changed during iteration");
        PITH_CLEAR(it->dict);
        return NULL;
    }
    it->pos = it->reverse ? i - 1 : i + 1;
    it->len--;
    if (it->kind == KIND_KEYS) return PITH_NEWREF(ep[i].key);
    if (it->kind == KIND_VALUES) return PITH_NEWREF(ep[i].value);
    return make_pair(it, ep[i].key, ep[i].value);
}

static PithObject *dictiter_length_hint(PithObject *o, PithObject *const *args, size_t nargs,
                                        PithObject *kwnames) {
    DictIter *it = (DictIter *)o;
    intptr_t n = it->dict && it->used == ((PithDict *)it->dict)->used ? it->len : 0;
    return pith_int_from_ssize(n);
}

static PithObject *dictiter_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    DictIter *it = (DictIter *)o;
    DictIter *c = (DictIter *)pith_gc_new(PITH_TYPE(o));
    if (!c) return pith_err_no_memory();
    c->dict = it->dict ? PITH_NEWREF(it->dict) : NULL;
    c->used = it->used;
    c->pos = it->pos;
    c->len = it->len;
    c->kind = it->kind;
    c->reverse = it->reverse;
    pith_gc_track(c);
    return pith_iter_reduce_copy((PithObject *)c);
}

static PithMethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, PITH_METH_NOARGS, NULL},
    {"__reduce__", dictiter_reduce, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define DICTITER_TYPE(cname, pyname)                                           \
    PithType cname = {                                                         \
        PITH_VAR_HEAD_INIT(&pith_type_type, 0),                                \
        .tp_name = pyname,                                                     \
        .tp_basicsize = sizeof(DictIter),                                      \
        .tp_flags = PITH_TPFLAGS_HAVE_GC,                                      \
        .tp_dealloc = dictiter_dealloc,                                        \
        .tp_traverse = dictiter_traverse,                                      \
        .tp_clear = dictiter_clear,                                            \
        .tp_iter = pith_iter_self,                                             \
        .tp_iternext = dictiter_next,                                          \
        .tp_methods = dictiter_methods,                                        \
    }
DICTITER_TYPE(pith_dict_keyiter_type, "dict_keyiterator");
DICTITER_TYPE(pith_dict_valueiter_type, "dict_valueiterator");
DICTITER_TYPE(pith_dict_itemiter_type, "dict_itemiterator");
DICTITER_TYPE(pith_dict_revkeyiter_type, "dict_reversekeyiterator");
DICTITER_TYPE(pith_dict_revvalueiter_type, "dict_reversevalueiterator");
DICTITER_TYPE(pith_dict_revitemiter_type, "dict_reverseitemiterator");

/* ---- views --------------------------------------------------------------- */

#define VIEW_DICT(o) (((DictView *)(o))->dict)

static int view_kind(PithObject *v) {
    PithType *t = PITH_TYPE(v);
    return t == &pith_dict_keys_type ? KIND_KEYS
         : t == &pith_dict_values_type ? KIND_VALUES
                                       : KIND_ITEMS;
}

static bool is_setlike_view(PithObject *o) {
    return PITH_TYPE(o) == &pith_dict_keys_type || PITH_TYPE(o) == &pith_dict_items_type;
}

PithObject *pith_dictview_new(PithObject *d, PithType *type) {
    DictView *v = (DictView *)pith_gc_new(type);
    if (!v) return pith_err_no_memory();
    v->dict = PITH_NEWREF(d);
    pith_gc_track(v);
    return (PithObject *)v;
}

static void view_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(VIEW_DICT(o));
    pith_gc_del(o);
}

static int view_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(VIEW_DICT(o));
    return 0;
}

static intptr_t view_len(PithObject *o) { return ((PithDict *)VIEW_DICT(o))->used; }

static PithObject *view_iter(PithObject *o) {
    return dictiter_new(VIEW_DICT(o), view_kind(o), false);
}

static PithObject *view_reversed(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    return dictiter_new(VIEW_DICT(self), view_kind(self), true);
}

/* view.mapping: a read-only proxy of the underlying dict. */
static PithObject *view_mapping(PithObject *o, void *closure) {
    return pith_mappingproxy_new(VIEW_DICT(o));
}

static PithGetSetDef view_getset[] = {
    {"mapping", view_mapping, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithObject *view_repr(PithObject *o) {
    int rc = pith_repr_enter(o);
    if (rc != 0) return rc > 0 ? pith_str_from_cstr("...") : NULL;
    PithObject *list = pith_sequence_list(o), *r = NULL;
    if (list) r = pith_str_from_format("%s(%R)", PITH_TYPE(o)->tp_name, list);
    PITH_XDECREF(list);
    pith_repr_leave(o);
    return r;
}

static int keys_contains(PithObject *o, PithObject *key) {
    return pith_dict_contains(VIEW_DICT(o), key);
}

static int items_contains(PithObject *o, PithObject *pair) {
    if (!pith_tuple_check(pair) || PITH_SIZE(pair) != 2) return 0;
    PithObject *found = pith_dict_get_item(VIEW_DICT(o), PITH_TUPLE_GET(pair, 0));
    if (!found) return pith_err_occurred() ? -1 : 0;
    PITH_INCREF(found);
    int k = pith_richcompare_bool(found, PITH_TUPLE_GET(pair, 1), PITH_EQ);
    PITH_DECREF(found);
    return k;
}

static int view_contains(PithObject *o, PithObject *x) {
    return view_kind(o) == KIND_KEYS ? keys_contains(o, x) : items_contains(o, x);
}

/* Is every element of a also in b? 1/0/-1. */
static int all_contained_in(PithObject *a, PithObject *b) {
    PithObject *it = pith_get_iter(a), *x;
    if (!it) return -1;
    int ok = 1;
    while (ok == 1 && (x = pith_iter_next(it))) {
        ok = pith_contains(b, x);
        PITH_DECREF(x);
    }
    PITH_DECREF(it);
    if (ok == 1 && pith_err_occurred()) ok = -1;
    return ok;
}

static PithObject *view_richcompare(PithObject *a, PithObject *b, int op) {
    if (!pith_anyset_check(b) && !is_setlike_view(b)) PITH_RETURN_NOTIMPL;
    intptr_t la = pith_len(a), lb = la < 0 ? -1 : pith_len(b);
    if (lb < 0) return NULL;
    int ok = 0;
    switch (op) {
    case PITH_EQ:
    case PITH_NE:
        if (la == lb) ok = all_contained_in(a, b);
        if (op == PITH_NE && ok >= 0) ok = !ok;
        break;
    case PITH_LT: if (la < lb) ok = all_contained_in(a, b); break;
    case PITH_LE: if (la <= lb) ok = all_contained_in(a, b); break;
    case PITH_GT: if (la > lb) ok = all_contained_in(b, a); break;
    default: if (la >= lb) ok = all_contained_in(b, a); break;
    }
    return ok < 0 ? NULL : pith_bool_from(ok);
}

/* set(view), taking the dict itself for keys views (faster). */
static PithObject *view_to_set(PithObject *o) {
    if (PITH_TYPE(o) == &pith_dict_keys_type) o = VIEW_DICT(o);
    return pith_set_new(o);
}

/* set(a), then set.<method>(b). */
static PithObject *set_then(PithObject *a, const char *method, PithObject *b) {
    PithObject *s = view_to_set(a);
    if (!s) return NULL;
    PithObject *r = pith_call_method(s, method, &b, 1);
    if (!r) {
        PITH_DECREF(s);
        return NULL;
    }
    PITH_DECREF(r);
    return s;
}

static PithObject *view_sub(PithObject *a, PithObject *b) {
    return set_then(a, "difference_update", b);
}

static PithObject *view_or(PithObject *a, PithObject *b) { return set_then(a, "update", b); }

static PithObject *view_xor(PithObject *a, PithObject *b) {
    return set_then(a, "symmetric_difference_update", b);
}

static PithObject *view_and(PithObject *a, PithObject *b) {
    if (!is_setlike_view(a)) {
        PithObject *t = a;
        a = b;
        b = t;
    }
    intptr_t la = view_len(a);
    if (PITH_TYPE(b) == &pith_set_type && la <= pith_set_size(b))
        return pith_call_method(b, "intersection", &a, 1);
    if (is_setlike_view(b) && view_len(b) > la) {
        PithObject *t = a;
        a = b;
        b = t;
    }
    PithObject *result = pith_set_new(NULL);
    PithObject *it = result ? pith_get_iter(b) : NULL, *x;
    if (!it) {
        PITH_XDECREF(result);
        return NULL;
    }
    while ((x = pith_iter_next(it))) {
        int k = view_contains(a, x);
        if (k > 0) k = pith_set_add(result, x);
        PITH_DECREF(x);
        if (k < 0) break;
    }
    PITH_DECREF(it);
    if (pith_err_occurred()) PITH_CLEAR(result);
    return result;
}

static PithObject *view_isdisjoint(PithObject *self, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    PithObject *a = self, *b = args[0];
    if (a == b) return pith_bool_from(view_len(a) == 0);
    if ((pith_anyset_check(b) || is_setlike_view(b)) && pith_len(b) > view_len(a)) {
        a = b;
        b = self;
    }
    PithObject *it = pith_get_iter(b), *x;
    if (!it) return NULL;
    int found = 0;
    while (!found && (x = pith_iter_next(it))) {
        found = pith_contains(a, x);
        PITH_DECREF(x);
        if (found < 0) break;
    }
    PITH_DECREF(it);
    if (found < 0 || pith_err_occurred()) return NULL;
    return pith_bool_from(!found);
}

static PithNumberMethods view_as_number = {
    .nb_subtract = view_sub,
    .nb_and = view_and,
    .nb_xor = view_xor,
    .nb_or = view_or,
};

static PithSequenceMethods setview_as_sequence = {
    .sq_length = view_len,
    .sq_contains = view_contains,
};

static PithSequenceMethods valuesview_as_sequence = {.sq_length = view_len};

static PithMethodDef setview_methods[] = {
    {"isdisjoint", view_isdisjoint, PITH_METH_O, NULL},
    {"__reversed__", view_reversed, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithMethodDef valuesview_methods[] = {
    {"__reversed__", view_reversed, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define SETVIEW_TYPE(cname, pyname)                                            \
    PithType cname = {                                                         \
        PITH_VAR_HEAD_INIT(&pith_type_type, 0),                                \
        .tp_name = pyname,                                                     \
        .tp_basicsize = sizeof(DictView),                                      \
        .tp_flags = PITH_TPFLAGS_HAVE_GC,                                      \
        .tp_dealloc = view_dealloc,                                            \
        .tp_repr = view_repr,                                                  \
        .tp_hash = pith_hash_not_implemented,                                  \
        .tp_richcompare = view_richcompare,                                    \
        .tp_iter = view_iter,                                                  \
        .tp_traverse = view_traverse,                                          \
        .tp_as_number = &view_as_number,                                       \
        .tp_as_sequence = &setview_as_sequence,                                \
        .tp_methods = setview_methods,                                         \
        .tp_getset = view_getset,                                              \
    }
SETVIEW_TYPE(pith_dict_keys_type, "dict_keys");
SETVIEW_TYPE(pith_dict_items_type, "dict_items");

PithType pith_dict_values_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(DictView),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_iter = view_iter,
    .tp_traverse = view_traverse,
    .tp_as_sequence = &valuesview_as_sequence,
    .tp_methods = valuesview_methods,
    .tp_getset = view_getset,
};

int pith_dict_types_init(void) {
    PithType *types[] = {&pith_dict_type,
                         &pith_dict_keys_type,
                         &pith_dict_values_type,
                         &pith_dict_items_type,
                         &pith_dict_keyiter_type,
                         &pith_dict_valueiter_type,
                         &pith_dict_itemiter_type,
                         &pith_dict_revkeyiter_type,
                         &pith_dict_revvalueiter_type,
                         &pith_dict_revitemiter_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (pith_type_ready(types[i]) < 0) return -1;
    return 0;
}
