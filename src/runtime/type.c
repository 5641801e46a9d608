/* type.c — the `type` type: readying static types (MRO, dict, slot
 * inheritance), attribute lookup along the MRO with a global method cache,
 * subtype tests, type attributes (__name__, __mro__, ...) and type calls.
 * Class creation (type(name, bases, dict)) lives in heaptype.c.
 *
 * Invariants:
 *  - A READY type has tp_mro (tuple starting with itself), tp_bases (tuple)
 *    and tp_dict (dict).
 *  - A method-cache entry is valid iff its version equals the type's
 *    nonzero tp_version_tag and its name is the same interned str.
 *    pith_type_modified() zeroes the tag of a type and all its subclasses.
 */
#include <string.h>

#include "pith/func.h"
#include "pith/pith.h"
#include "pith/weakref.h"
#include "runtime_internal.h"

/* ---- method cache ------------------------------------------------------ */

#define MCACHE_BITS 12
#define MCACHE_SIZE (1u << MCACHE_BITS)

static struct {
    uint32_t version;
    PithObject *name;  /* borrowed interned str (immortal enough) */
    PithObject *value; /* borrowed; NULL = known absent */
} mcache[MCACHE_SIZE];
static uint32_t next_version_tag = 1;

static unsigned mcache_index(uint32_t version, PithObject *name) {
    uintptr_t h = (uintptr_t)name >> 4;
    return (unsigned)((version * 2654435761u) ^ h) & (MCACHE_SIZE - 1);
}

/* Plain MRO walk; borrowed result or NULL (errors cleared). */
static PithObject *find_in_mro(PithType *t, PithObject *name) {
    PithObject *mro = t->tp_mro;
    if (!mro) {
        for (PithType *b = t; b; b = b->tp_base) {
            if (!b->tp_dict) continue;
            PithObject *v = pith_dict_get_item(b->tp_dict, name);
            if (v) return v;
        }
        return NULL;
    }
    for (intptr_t i = 0; i < PITH_SIZE(mro); i++) {
        PithType *b = (PithType *)PITH_TUPLE_GET(mro, i);
        if (!b->tp_dict) continue;
        PithObject *v = pith_dict_get_item(b->tp_dict, name);
        if (v) return v;
        if (pith_err_occurred()) pith_err_clear();
    }
    return NULL;
}

PithObject *pith_type_lookup(PithType *t, PithObject *name) {
    if (!(t->tp_flags & (PITH_TPFLAGS_READY | PITH_TPFLAGS_READYING)) &&
        pith_type_ready(t) < 0)
        pith_err_clear();
    bool cacheable = pith_str_check_exact(name) && ((PithStr *)name)->interned;
    if (!cacheable) return find_in_mro(t, name);
    if (t->tp_version_tag) {
        unsigned i = mcache_index(t->tp_version_tag, name);
        if (mcache[i].version == t->tp_version_tag && mcache[i].name == name)
            return mcache[i].value;
    }
    PithObject *v = find_in_mro(t, name);
    if (!t->tp_version_tag) {
        if (next_version_tag == 0) return v; /* tags exhausted: no caching */
        t->tp_version_tag = next_version_tag++;
    }
    unsigned i = mcache_index(t->tp_version_tag, name);
    mcache[i].version = t->tp_version_tag;
    mcache[i].name = name;
    mcache[i].value = v;
    return v;
}

/* A subclass may hold a tag (and cached values from t's dict) even when t
 * itself has none, so always walk the subclasses. */
void pith_type_modified(PithType *t) {
    t->tp_version_tag = 0;
    if (!t->tp_subclasses) return;
    intptr_t pos = 0;
    PithObject *k, *v;
    while (pith_dict_next(t->tp_subclasses, &pos, &k, &v))
        pith_type_modified(pith_type_subclass_at(v));
}

bool pith_type_is_subtype(PithType *a, PithType *b) {
    if (a == b) return true;
    PithObject *mro = a->tp_mro;
    if (mro) {
        for (intptr_t i = 0; i < PITH_SIZE(mro); i++)
            if (PITH_TUPLE_GET(mro, i) == (PithObject *)b) return true;
        return false;
    }
    for (; a; a = a->tp_base)
        if (a == b) return true;
    return b == &pith_object_type;
}

PithObject *pith_type_generic_new(PithType *t, PithObject *const *args,
                                  size_t nargs, PithObject *kwnames) {
    PithObject *o = pith_obj_new(t);
    if (!o) return pith_err_no_memory();
    if (pith_type_has_flag(t, PITH_TPFLAGS_HAVE_GC)) pith_gc_track(o);
    return o;
}

/* ---- names ------------------------------------------------------------- */

static bool is_heap(PithType *t) {
    return pith_type_has_flag(t, PITH_TPFLAGS_HEAPTYPE);
}

/* The part of a static type's tp_name after the last dot. */
static const char *short_name(PithType *t) {
    const char *dot = strrchr(t->tp_name, '.');
    return dot ? dot + 1 : t->tp_name;
}

PithObject *pith_type_get_name(PithType *t) {
    if (is_heap(t) && t->ht_name) return PITH_NEWREF(t->ht_name);
    return pith_str_from_cstr(short_name(t));
}

PithObject *pith_type_get_qualname(PithType *t) {
    if (is_heap(t) && t->ht_qualname) return PITH_NEWREF(t->ht_qualname);
    return pith_type_get_name(t);
}

static PithObject *type_module(PithType *t) {
    if (is_heap(t)) {
        PithObject *m = pith_dict_get_item(t->tp_dict, pith_id_module());
        if (m) return PITH_NEWREF(m);
        if (pith_err_occurred()) return NULL;
        return pith_err_no_attribute((PithObject *)t, pith_id_module());
    }
    const char *dot = strrchr(t->tp_name, '.');
    if (dot) return pith_str_from_utf8(t->tp_name, dot - t->tp_name);
    return PITH_NEWREF(pith_id_builtins());
}

static PithObject *type_repr(PithObject *self) {
    PithType *t = (PithType *)self;
    PithObject *mod = type_module(t);
    if (!mod) pith_err_clear();
    PithObject *qn = pith_type_get_qualname(t), *r = NULL;
    if (qn) {
        if (mod && pith_str_check(mod) && !pith_str_eq_cstr(mod, "builtins"))
            r = pith_str_from_format("<class '%U.%U'>", mod, qn);
        else
            r = pith_str_from_format("<class '%U'>", qn);
    }
    PITH_XDECREF(mod);
    PITH_XDECREF(qn);
    return r;
}

/* ---- readying static types --------------------------------------------- */

/* Copy a NULL function slot from base. */
#define COPY_SLOT(field)                                                       \
    do {                                                                       \
        if (!t->field) t->field = b->field;                                    \
    } while (0)

static void inherit_number(PithNumberMethods *n, const PithNumberMethods *bn) {
    /* The table is an array of function pointers of equal size. */
    void (**dst)(void) = (void (**)(void))n;
    void (*const *src)(void) = (void (*const *)(void))bn;
    for (size_t i = 0; i < sizeof(*n) / sizeof(*dst); i++)
        if (!dst[i]) dst[i] = src[i];
}

static void inherit_tables(PithType *t, PithType *b) {
    if (b->tp_as_number) {
        if (!t->tp_as_number)
            t->tp_as_number = b->tp_as_number;
        else if (t->tp_as_number != b->tp_as_number)
            inherit_number(t->tp_as_number, b->tp_as_number);
    }
    if (b->tp_as_sequence) {
        PithSequenceMethods *s = t->tp_as_sequence, *bs = b->tp_as_sequence;
        if (!s) {
            t->tp_as_sequence = bs;
        } else if (s != bs) {
            if (!s->sq_length) s->sq_length = bs->sq_length;
            if (!s->sq_concat) s->sq_concat = bs->sq_concat;
            if (!s->sq_repeat) s->sq_repeat = bs->sq_repeat;
            if (!s->sq_item) s->sq_item = bs->sq_item;
            if (!s->sq_ass_item) s->sq_ass_item = bs->sq_ass_item;
            if (!s->sq_contains) s->sq_contains = bs->sq_contains;
            if (!s->sq_inplace_concat) s->sq_inplace_concat = bs->sq_inplace_concat;
            if (!s->sq_inplace_repeat) s->sq_inplace_repeat = bs->sq_inplace_repeat;
        }
    }
    if (b->tp_as_mapping) {
        PithMappingMethods *m = t->tp_as_mapping, *bm = b->tp_as_mapping;
        if (!m) {
            t->tp_as_mapping = bm;
        } else if (m != bm) {
            if (!m->mp_length) m->mp_length = bm->mp_length;
            if (!m->mp_subscript) m->mp_subscript = bm->mp_subscript;
            if (!m->mp_ass_subscript) m->mp_ass_subscript = bm->mp_ass_subscript;
        }
    }
}

/* Inherit NULL slots of t from b (one entry of t's MRO). */
static void inherit_slots(PithType *t, PithType *b) {
    if (!is_heap(t)) inherit_tables(t, b);
    COPY_SLOT(tp_dealloc);
    COPY_SLOT(tp_repr);
    COPY_SLOT(tp_str);
    COPY_SLOT(tp_getattro);
    COPY_SLOT(tp_setattro);
    COPY_SLOT(tp_call);
    COPY_SLOT(tp_iter);
    COPY_SLOT(tp_iternext);
    COPY_SLOT(tp_descr_get);
    COPY_SLOT(tp_descr_set);
    COPY_SLOT(tp_init);
    COPY_SLOT(tp_finalize);
    if (!t->tp_richcompare && !t->tp_hash) {
        t->tp_richcompare = b->tp_richcompare;
        t->tp_hash = b->tp_hash;
    }
    if (pith_type_has_flag(t, PITH_TPFLAGS_HAVE_GC) &&
        pith_type_has_flag(b, PITH_TPFLAGS_HAVE_GC) && !t->tp_traverse &&
        !t->tp_clear) {
        t->tp_traverse = b->tp_traverse;
        t->tp_clear = b->tp_clear;
    }
}

#define SUBCLASS_FLAGS                                                         \
    (PITH_TPFLAGS_LONG_SUBCLASS | PITH_TPFLAGS_LIST_SUBCLASS |                 \
     PITH_TPFLAGS_TUPLE_SUBCLASS | PITH_TPFLAGS_BYTES_SUBCLASS |                \
     PITH_TPFLAGS_UNICODE_SUBCLASS | PITH_TPFLAGS_DICT_SUBCLASS |              \
     PITH_TPFLAGS_BASE_EXC_SUBCLASS | PITH_TPFLAGS_TYPE_SUBCLASS)

/* Layout and flags come from the primary base only. */
static void inherit_special(PithType *t, PithType *b) {
    t->tp_flags |= b->tp_flags & (SUBCLASS_FLAGS | PITH_TPFLAGS_WEAKREFABLE);
    if (!t->tp_basicsize) t->tp_basicsize = b->tp_basicsize;
    if (!t->tp_itemsize) t->tp_itemsize = b->tp_itemsize;
    if (!t->tp_dictoffset) t->tp_dictoffset = b->tp_dictoffset;
    if (!t->tp_weaklistoffset) t->tp_weaklistoffset = b->tp_weaklistoffset;
}

/* Put a new ref `v` into t's dict under name unless already present. */
static int dict_add(PithType *t, const char *name, PithObject *v, bool override) {
    if (!v) return -1;
    PithObject *key = pith_str_intern_cstr(name);
    int r = -1;
    if (key) {
        r = 0;
        if (override || !pith_dict_get_item(t->tp_dict, key))
            r = pith_dict_set_item(t->tp_dict, key, v);
    }
    PITH_XDECREF(key);
    PITH_DECREF(v);
    return r;
}

static PithObject *method_entry(PithType *t, PithMethodDef *m) {
    if (m->flags & PITH_METH_CLASS) return pith_descr_new_classmethod(t, m);
    if (m->flags & PITH_METH_STATIC) {
        /* bound to the type, as CPython: __qualname__ 'str.maketrans' */
        PithObject *f = pith_cfunction_new(m, (PithObject *)t, NULL);
        if (!f) return NULL;
        PithObject *sm = pith_staticmethod_new(f);
        PITH_DECREF(f);
        return sm;
    }
    return pith_descr_new_method(t, m);
}

static int fill_dict(PithType *t) {
    /* Classes get their dunders from the class body, not from slots. */
    if (!is_heap(t) && pith_slots_add_wrappers(t) < 0) return -1;
    for (PithMethodDef *m = t->tp_methods; m && m->name; m++)
        if (dict_add(t, m->name, method_entry(t, m), true) < 0) return -1;
    for (PithMemberDef *m = t->tp_members; m && m->name; m++)
        if (dict_add(t, m->name, pith_descr_new_member(t, m), false) < 0) return -1;
    for (PithGetSetDef *g = t->tp_getset; g && g->name; g++)
        if (dict_add(t, g->name, pith_descr_new_getset(t, g), false) < 0) return -1;
    PithObject *doc = t->tp_doc ? pith_str_from_cstr(t->tp_doc)
                                : PITH_NEWREF(PITH_NONE);
    return dict_add(t, "__doc__", doc, false);
}

/* tp_new (before the dict is filled, so __new__ comes first in it): a type
 * defining tp_new gets a T.__new__ wrapper; otherwise tp_new is inherited,
 * except that static types deriving directly from object without their own
 * tp_new cannot be instantiated. */
static int ready_new(PithType *t) {
    PithType *b = t->tp_base;
    if (b == &pith_object_type && !t->tp_new && !is_heap(t))
        t->tp_flags |= PITH_TPFLAGS_DISALLOW_INSTANTIATION;
    if (pith_type_has_flag(t, PITH_TPFLAGS_DISALLOW_INSTANTIATION)) {
        t->tp_new = NULL;
        return 0;
    }
    if (!t->tp_new) {
        if (b) t->tp_new = b->tp_new;
        return 0;
    }
    if (is_heap(t) || pith_dict_get_item(t->tp_dict, pith_id_new())) return 0;
    return dict_add(t, "__new__", pith_descr_new_wrapper_new(t), false);
}

/* Unhashable types get tp_hash = pith_hash_not_implemented, __hash__ = None. */
static int ready_hash(PithType *t) {
    if (t->tp_hash) return 0;
    t->tp_hash = pith_hash_not_implemented;
    return dict_add(t, "__hash__", PITH_NEWREF(PITH_NONE), false);
}

int pith_type_add_subclass(PithType *base, PithType *sub) {
    if (!base->tp_subclasses && !(base->tp_subclasses = pith_dict_new()))
        return -1;
    PithObject *key = pith_int_from_size((size_t)(uintptr_t)sub);
    if (!key) return -1;
    int r = pith_dict_set_item(base->tp_subclasses, key, key);
    PITH_DECREF(key);
    return r;
}

/* tp_subclasses maps id(sub) -> id(sub): the subclass is not owned (so classes
 * can die); a dying class removes itself from its bases' tables. */
PithType *pith_type_subclass_at(PithObject *v) {
    return (PithType *)(uintptr_t)pith_int_as_ssize(v);
}

static void remove_subclass(PithType *base, PithType *sub) {
    if (!base->tp_subclasses) return;
    PithObject *saved = pith_err_fetch();
    PithObject *key = pith_int_from_size((size_t)(uintptr_t)sub);
    if (key && pith_dict_get_item(base->tp_subclasses, key) &&
        pith_dict_del_item(base->tp_subclasses, key) < 0)
        pith_err_clear();
    PITH_XDECREF(key);
    if (pith_err_occurred()) pith_err_clear();
    pith_err_restore(saved);
}

static int ready_bases(PithType *t) {
    if (!t->tp_base && t != &pith_object_type) t->tp_base = &pith_object_type;
    if (!t->tp_bases) {
        t->tp_bases = t->tp_base ? pith_tuple_pack(1, (PithObject *)t->tp_base)
                                 : pith_tuple_new(0);
        if (!t->tp_bases) return -1;
    }
    for (intptr_t i = 0; i < PITH_SIZE(t->tp_bases); i++) {
        PithType *b = (PithType *)PITH_TUPLE_GET(t->tp_bases, i);
        if (!(b->tp_flags & PITH_TPFLAGS_READY) && pith_type_ready(b) < 0)
            return -1;
    }
    if (!PITH_TYPE(t)) t->ob.ob.type = PITH_TYPE(t->tp_base);
    return 0;
}

static int ready_inherit(PithType *t) {
    if (t->tp_base) inherit_special(t, t->tp_base);
    PithObject *mro = t->tp_mro;
    for (intptr_t i = 1; i < PITH_SIZE(mro); i++)
        inherit_slots(t, (PithType *)PITH_TUPLE_GET(mro, i));
    if (ready_hash(t) < 0) return -1;
    for (intptr_t i = 0; i < PITH_SIZE(t->tp_bases); i++)
        if (pith_type_add_subclass((PithType *)PITH_TUPLE_GET(t->tp_bases, i), t) < 0)
            return -1;
    return 0;
}

/* The MRO of t: a metaclass's own mro() override when it has one (called
 * while t is being readied, as CPython does), else the C3 linearisation.
 * The override's result must hold only classes. */
static PithObject *compute_mro(PithType *t) {
    PithObject *id_mro = pith_id_mro();
    PithType *meta = PITH_TYPE(t);
    if (meta == &pith_type_type || !(t->tp_flags & PITH_TPFLAGS_HEAPTYPE))
        return pith_type_mro_tuple(t);
    if (!id_mro) return NULL;
    PithObject *fn = pith_type_lookup(meta, id_mro);
    if (!fn || fn == pith_type_lookup(&pith_type_type, id_mro)) return pith_type_mro_tuple(t);
    PithObject *self = (PithObject *)t;
    PithObject *res = pith_call(fn, &self, 1, NULL);
    PithObject *tup = res ? pith_sequence_tuple(res) : NULL;
    PITH_XDECREF(res);
    for (intptr_t i = 0; tup && i < PITH_SIZE(tup); i++) {
        PithObject *b = PITH_TUPLE_GET(tup, i);
        if (pith_type_check(b)) continue;
        pith_err_format(&pith_exc_TypeError, "mro() returned a non-class ('%.500s')",
                        pith_type_name(b));
        PITH_CLEAR(tup);
    }
    return tup;
}

int pith_type_ready(PithType *t) {
    if (t->tp_flags & (PITH_TPFLAGS_READY | PITH_TPFLAGS_READYING)) return 0;
    t->tp_flags |= PITH_TPFLAGS_READYING;
    int r = -1;
    if (ready_bases(t) < 0) goto done;
    if (!t->tp_dict && !(t->tp_dict = pith_dict_new())) goto done;
    if (!t->tp_mro && !(t->tp_mro = compute_mro(t))) goto done;
    if (ready_new(t) < 0 || fill_dict(t) < 0 || ready_inherit(t) < 0) goto done;
    r = 0;
done:
    t->tp_flags &= ~PITH_TPFLAGS_READYING;
    if (r == 0) t->tp_flags |= PITH_TPFLAGS_READY;
    return r;
}

/* ---- C3 linearisation ---------------------------------------------------- */

typedef struct {
    PithObject *seq; /* tuple of types */
    intptr_t pos;    /* index of the current head */
} MergeSeq;

static bool in_tail(MergeSeq *seqs, int n, PithObject *cand) {
    for (int i = 0; i < n; i++)
        for (intptr_t j = seqs[i].pos + 1; j < PITH_SIZE(seqs[i].seq); j++)
            if (PITH_TUPLE_GET(seqs[i].seq, j) == cand) return true;
    return false;
}

static void mro_error(MergeSeq *seqs, int n) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    PithObject *seen = pith_set_new(NULL);
    bool first = true;
    for (int i = 0; i < n && seen; i++) {
        if (seqs[i].pos >= PITH_SIZE(seqs[i].seq)) continue;
        PithObject *h = PITH_TUPLE_GET(seqs[i].seq, seqs[i].pos);
        if (pith_set_contains(seen, h) == 1) continue;
        pith_set_add(seen, h);
        PithObject *name = pith_type_get_name((PithType *)h);
        if (!first) pith_sb_append_utf8(&sb, ", ", 2);
        first = false;
        if (name) pith_sb_append_str(&sb, name);
        PITH_XDECREF(name);
    }
    PITH_XDECREF(seen);
    PithObject *names = pith_sb_finish(&sb);
    if (!names) return;
    pith_err_format(&pith_exc_TypeError,
                    "Cannot create a consistent method resolution\n"
                    "order (MRO) for bases %U",
                    names);
    PITH_DECREF(names);
}

/* Merge the sequences into `out` (a list already holding t). */
static int c3_merge(MergeSeq *seqs, int n, PithObject *out) {
    while (1) {
        PithObject *cand = NULL;
        bool empty = true;
        for (int i = 0; i < n; i++) {
            if (seqs[i].pos >= PITH_SIZE(seqs[i].seq)) continue;
            empty = false;
            PithObject *h = PITH_TUPLE_GET(seqs[i].seq, seqs[i].pos);
            if (!in_tail(seqs, n, h)) {
                cand = h;
                break;
            }
        }
        if (empty) return 0;
        if (!cand) {
            mro_error(seqs, n);
            return -1;
        }
        if (pith_list_append(out, cand) < 0) return -1;
        for (int i = 0; i < n; i++)
            if (seqs[i].pos < PITH_SIZE(seqs[i].seq) &&
                PITH_TUPLE_GET(seqs[i].seq, seqs[i].pos) == cand)
                seqs[i].pos++;
    }
}

static int check_duplicate_bases(PithObject *bases) {
    for (intptr_t i = 0; i < PITH_SIZE(bases); i++)
        for (intptr_t j = i + 1; j < PITH_SIZE(bases); j++)
            if (PITH_TUPLE_GET(bases, i) == PITH_TUPLE_GET(bases, j)) {
                PithObject *n = pith_type_get_name((PithType *)PITH_TUPLE_GET(bases, i));
                if (n) {
                    pith_err_format(&pith_exc_TypeError, "duplicate base class %U", n);
                    PITH_DECREF(n);
                }
                return -1;
            }
    return 0;
}

PithObject *pith_type_mro_tuple(PithType *t) {
    PithObject *bases = t->tp_bases;
    intptr_t nb = bases ? PITH_SIZE(bases) : 0;
    if (nb == 0) return pith_tuple_pack(1, (PithObject *)t);
    if (nb == 1) { /* fast path: t + mro(base) */
        PithType *b = (PithType *)PITH_TUPLE_GET(bases, 0);
        PithObject *bm = b->tp_mro;
        PithObject *r = pith_tuple_new(PITH_SIZE(bm) + 1);
        if (!r) return NULL;
        PITH_TUPLE_SET(r, 0, PITH_NEWREF(t));
        for (intptr_t i = 0; i < PITH_SIZE(bm); i++)
            PITH_TUPLE_SET(r, i + 1, PITH_NEWREF(PITH_TUPLE_GET(bm, i)));
        return r;
    }
    if (check_duplicate_bases(bases) < 0) return NULL;
    MergeSeq *seqs = pith_mem_malloc(sizeof(MergeSeq) * (size_t)(nb + 1));
    if (!seqs) return pith_err_no_memory();
    for (intptr_t i = 0; i < nb; i++) {
        seqs[i].seq = ((PithType *)PITH_TUPLE_GET(bases, i))->tp_mro;
        seqs[i].pos = 0;
    }
    seqs[nb].seq = bases;
    seqs[nb].pos = 0;
    PithObject *out = pith_list_new(0), *r = NULL;
    if (out && pith_list_append(out, (PithObject *)t) == 0 &&
        c3_merge(seqs, (int)nb + 1, out) == 0)
        r = pith_list_as_tuple(out);
    PITH_XDECREF(out);
    pith_mem_free(seqs);
    return r;
}

/* ---- attribute access on types ------------------------------------------ */

static PithObject *type_getattro(PithObject *self, PithObject *name) {
    PithType *t = (PithType *)self, *meta = PITH_TYPE(self);
    if (!pith_str_check(name))
        return pith_err_format(&pith_exc_TypeError,
                               "attribute name must be string, not '%.200s'",
                               pith_type_name(name));
    PithObject *ma = pith_type_lookup(meta, name);
    pith_descrgetfunc meta_get = NULL;
    if (ma) {
        meta_get = PITH_TYPE(ma)->tp_descr_get;
        if (meta_get && PITH_TYPE(ma)->tp_descr_set) {
            PITH_INCREF(ma);
            PithObject *r = meta_get(ma, self, (PithObject *)meta);
            PITH_DECREF(ma);
            return r;
        }
    }
    PithObject *a = pith_type_lookup(t, name);
    if (a) {
        pith_descrgetfunc get = PITH_TYPE(a)->tp_descr_get;
        if (!get) return PITH_NEWREF(a);
        PITH_INCREF(a);
        PithObject *r = get(a, NULL, self);
        PITH_DECREF(a);
        return r;
    }
    if (meta_get) {
        PITH_INCREF(ma);
        PithObject *r = meta_get(ma, self, (PithObject *)meta);
        PITH_DECREF(ma);
        return r;
    }
    if (ma) return PITH_NEWREF(ma);
    PithObject *tn = pith_type_get_name(t);
    if (!tn) return NULL;
    pith_err_format(&pith_exc_AttributeError,
                    "type object '%.50U' has no attribute '%U'", tn, name);
    PITH_DECREF(tn);
    pith_exc_set_attribute_info(pith_err_occurred(), self, name);
    return NULL;
}

static bool is_dunder(PithObject *name) {
    intptr_t n = PITH_STR_LEN(name);
    PithStr *s = (PithStr *)name;
    return n > 4 && pith_str_read(s, 0) == '_' && pith_str_read(s, 1) == '_' &&
           pith_str_read(s, n - 1) == '_' && pith_str_read(s, n - 2) == '_';
}

static int type_setattro(PithObject *self, PithObject *name, PithObject *value) {
    PithType *t = (PithType *)self;
    if (!pith_str_check(name)) {
        pith_err_format(&pith_exc_TypeError,
                        "attribute name must be string, not '%.200s'",
                        pith_type_name(name));
        return -1;
    }
    if (!is_heap(t)) {
        pith_err_format(&pith_exc_TypeError,
                        "cannot set %R attribute of immutable type '%s'", name,
                        t->tp_name);
        return -1;
    }
    PithObject *ma = pith_type_lookup(PITH_TYPE(self), name);
    if (ma && PITH_TYPE(ma)->tp_descr_set) {
        PITH_INCREF(ma);
        int r = PITH_TYPE(ma)->tp_descr_set(ma, self, value);
        PITH_DECREF(ma);
        return r;
    }
    PithObject *key = PITH_NEWREF(name);
    if (pith_str_check_exact(key)) pith_str_intern_in_place(&key);
    int r;
    if (value) {
        r = pith_dict_set_item(t->tp_dict, key, value);
    } else {
        r = pith_dict_del_item(t->tp_dict, key);
        if (r < 0 && pith_err_matches(&pith_exc_KeyError)) {
            pith_err_clear();
            pith_err_format(&pith_exc_AttributeError,
                            "type object '%s' has no attribute '%U'",
                            t->tp_name, name);
        }
    }
    if (r == 0) {
        pith_type_modified(t);
        if (is_dunder(key)) pith_slots_update(t, key);
    }
    PITH_DECREF(key);
    return r;
}

/* ---- calling a type ------------------------------------------------------ */

static PithObject *type_call(PithObject *callable, PithObject *const *args,
                             size_t nargs, PithObject *kwnames) {
    PithType *t = (PithType *)callable;
    bool nokw = !kwnames || PITH_SIZE(kwnames) == 0;
    if (t == &pith_type_type) {
        if (nargs == 1 && nokw) return PITH_NEWREF(PITH_TYPE(args[0]));
        if (nargs != 3)
            return pith_err_format(&pith_exc_TypeError, "type() takes 1 or 3 arguments");
    }
    if (!t->tp_new)
        return pith_err_format(&pith_exc_TypeError,
                               "cannot create '%s' instances", t->tp_name);
    PithObject *o = t->tp_new(t, args, nargs, kwnames);
    if (!o || !pith_type_ok(o, t)) return o;
    PithType *ot = PITH_TYPE(o);
    if (ot->tp_init && ot->tp_init(o, args, nargs, kwnames) < 0) {
        PITH_DECREF(o);
        return NULL;
    }
    return o;
}

static PithObject *type_new(PithType *meta, PithObject *const *args,
                            size_t nargs, PithObject *kwnames) {
    size_t nkw = kwnames ? (size_t)PITH_SIZE(kwnames) : 0;
    if (nargs != 3)
        return pith_err_format(&pith_exc_TypeError,
                               "type.__new__() takes exactly 3 arguments (%zd given)",
                               (intptr_t)nargs);
    PithObject *name = args[0], *bases = args[1], *dict = args[2];
    if (!pith_str_check(name))
        return pith_err_format(&pith_exc_TypeError,
                               "type.__new__() argument 1 must be str, not %s",
                               pith_type_name(name));
    if (!pith_tuple_check(bases))
        return pith_err_format(&pith_exc_TypeError,
                               "type.__new__() argument 2 must be tuple, not %s",
                               pith_type_name(bases));
    if (!pith_dict_check(dict))
        return pith_err_format(&pith_exc_TypeError,
                               "type.__new__() argument 3 must be dict, not %s",
                               pith_type_name(dict));
    PithObject *kw = nkw ? pith_kwnames_to_dict(args + nargs, kwnames) : NULL;
    if (nkw && !kw) return NULL;
    PithObject *r = pith_type_new_impl(meta, name, bases, dict, kw);
    PITH_XDECREF(kw);
    return r;
}

static int type_init(PithObject *self, PithObject *const *args, size_t nargs,
                     PithObject *kwnames) {
    if (nargs != 1 && nargs != 3) {
        pith_err_set_string(&pith_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* ---- type attributes ------------------------------------------------------ */

static PithObject *get_name(PithObject *self, void *c) {
    return pith_type_get_name((PithType *)self);
}

static PithObject *get_qualname(PithObject *self, void *c) {
    return pith_type_get_qualname((PithType *)self);
}

static int check_settable(PithType *t, PithObject *value, const char *what) {
    if (!is_heap(t)) {
        pith_err_format(&pith_exc_TypeError,
                        "cannot set '%s' attribute of immutable type '%s'", what,
                        t->tp_name);
        return -1;
    }
    if (!value) {
        pith_err_format(&pith_exc_TypeError, "cannot delete '%s' attribute of "
                        "immutable type '%s'", what, t->tp_name);
        return -1;
    }
    if (!pith_str_check(value)) {
        pith_err_format(&pith_exc_TypeError,
                        "can only assign string to %s.%s, not '%s'", t->tp_name,
                        what, pith_type_name(value));
        return -1;
    }
    return 0;
}

static int set_name(PithObject *self, PithObject *value, void *c) {
    PithType *t = (PithType *)self;
    if (check_settable(t, value, "__name__") < 0) return -1;
    const char *u = pith_str_utf8(value);
    if (!u) return -1;
    PITH_INCREF(value);
    PITH_SETREF(t->ht_name, value);
    t->tp_name = u;
    return 0;
}

static int set_qualname(PithObject *self, PithObject *value, void *c) {
    PithType *t = (PithType *)self;
    if (check_settable(t, value, "__qualname__") < 0) return -1;
    PITH_INCREF(value);
    PITH_SETREF(t->ht_qualname, value);
    return 0;
}

static PithObject *get_module(PithObject *self, void *c) {
    return type_module((PithType *)self);
}

static int set_module(PithObject *self, PithObject *value, void *c) {
    PithType *t = (PithType *)self;
    if (!is_heap(t)) return check_settable(t, value, "__module__");
    if (!value) {
        pith_err_set_string(&pith_exc_TypeError, "cannot delete '__module__' attribute");
        return -1;
    }
    pith_type_modified(t);
    return pith_dict_set_item(t->tp_dict, pith_id_module(), value);
}

static PithObject *get_mro(PithObject *self, void *c) {
    PithObject *m = ((PithType *)self)->tp_mro;
    return PITH_NEWREF(m ? m : PITH_NONE);
}

static PithObject *get_bases(PithObject *self, void *c) {
    return PITH_NEWREF(((PithType *)self)->tp_bases);
}

static PithObject *get_base(PithObject *self, void *c) {
    PithType *b = ((PithType *)self)->tp_base;
    return PITH_NEWREF(b ? (PithObject *)b : PITH_NONE);
}

static PithObject *get_dict(PithObject *self, void *c) {
    return pith_mappingproxy_new(((PithType *)self)->tp_dict);
}

static PithObject *get_doc(PithObject *self, void *c) {
    PithType *t = (PithType *)self;
    /* a static type's own doc wins over a __doc__ descriptor for instances */
    if (!is_heap(t) && t->tp_doc) return pith_str_from_cstr(t->tp_doc);
    PithObject *d = pith_dict_get_item(t->tp_dict, pith_id_doc());
    if (!d) return PITH_NEWREF(PITH_NONE);
    pith_descrgetfunc get = PITH_TYPE(d)->tp_descr_get;
    if (is_heap(t) && get) return get(d, NULL, self);
    return PITH_NEWREF(d);
}

static int set_doc(PithObject *self, PithObject *value, void *c) {
    PithType *t = (PithType *)self;
    if (!is_heap(t)) {
        pith_err_format(&pith_exc_TypeError,
                        "cannot set '__doc__' attribute of immutable type '%s'",
                        t->tp_name);
        return -1;
    }
    pith_type_modified(t);
    if (!value) return pith_dict_del_item(t->tp_dict, pith_id_doc());
    return pith_dict_set_item(t->tp_dict, pith_id_doc(), value);
}

static PithObject *get_abstract(PithObject *self, void *c) {
    PithType *t = (PithType *)self;
    PithObject *v = t == &pith_type_type
                        ? NULL
                        : pith_dict_get_item(t->tp_dict, pith_id_abstractmethods());
    if (!v) { /* CPython's message is the bare name */
        if (!pith_err_occurred()) pith_err_set_object(&pith_exc_AttributeError,
                                                      pith_id_abstractmethods());
        return NULL;
    }
    return PITH_NEWREF(v);
}

static int set_abstract(PithObject *self, PithObject *value, void *c) {
    PithType *t = (PithType *)self;
    pith_type_modified(t);
    int truth = value ? pith_is_true(value) : 0;
    if (truth < 0) return -1;
    if (truth)
        t->tp_flags |= PITH_TPFLAGS_IS_ABSTRACT;
    else
        t->tp_flags &= ~PITH_TPFLAGS_IS_ABSTRACT;
    if (!value) {
        if (pith_dict_del_item(t->tp_dict, pith_id_abstractmethods()) < 0) {
            pith_err_clear();
            pith_err_no_attribute(self, pith_id_abstractmethods());
            return -1;
        }
        return 0;
    }
    return pith_dict_set_item(t->tp_dict, pith_id_abstractmethods(), value);
}

static PithObject *get_annotations(PithObject *self, void *c) {
    PithType *t = (PithType *)self;
    PithObject *v = pith_dict_get_item(t->tp_dict, pith_id_annotations());
    if (v) {
        pith_descrgetfunc get = PITH_TYPE(v)->tp_descr_get;
        return get ? get(v, NULL, self) : PITH_NEWREF(v);
    }
    if (!is_heap(t))
        return pith_err_format(&pith_exc_AttributeError,
                               "type object '%s' has no attribute '__annotations__'",
                               t->tp_name);
    v = pith_dict_new();
    if (v && pith_dict_set_item(t->tp_dict, pith_id_annotations(), v) < 0)
        PITH_CLEAR(v);
    return v;
}

static PithObject *get_text_signature(PithObject *self, void *c) { PITH_RETURN_NONE; }

static PithGetSetDef type_getset[] = {
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_qualname, set_qualname, NULL, NULL},
    {"__bases__", get_bases, NULL, NULL, NULL},
    {"__mro__", get_mro, NULL, NULL, NULL},
    {"__module__", get_module, set_module, NULL, NULL},
    {"__abstractmethods__", get_abstract, set_abstract, NULL, NULL},
    {"__dict__", get_dict, NULL, NULL, NULL},
    {"__doc__", get_doc, set_doc, NULL, NULL},
    {"__annotations__", get_annotations, NULL, NULL, NULL},
    {"__base__", get_base, NULL, NULL, NULL},
    {"__text_signature__", get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithMemberDef type_members[] = {
    {"__basicsize__", PITH_MEMBER_SSIZE, offsetof(PithType, tp_basicsize), PITH_READONLY, NULL},
    {"__itemsize__", PITH_MEMBER_SSIZE, offsetof(PithType, tp_itemsize), PITH_READONLY, NULL},
    {"__dictoffset__", PITH_MEMBER_SSIZE, offsetof(PithType, tp_dictoffset), PITH_READONLY, NULL},
    {"__weakrefoffset__", PITH_MEMBER_SSIZE, offsetof(PithType, tp_weaklistoffset), PITH_READONLY, NULL},
    {"__flags__", PITH_MEMBER_SSIZE, offsetof(PithType, tp_flags), PITH_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* ---- type methods ----------------------------------------------------------- */

static PithObject *type_mro(PithObject *self, PithObject *const *args,
                            size_t nargs, PithObject *kwnames) {
    PithObject *t = pith_type_mro_tuple((PithType *)self);
    if (!t) return NULL;
    PithObject *l = pith_sequence_list(t);
    PITH_DECREF(t);
    return l;
}

static PithObject *type_subclasses(PithObject *self, PithObject *const *args,
                                   size_t nargs, PithObject *kwnames) {
    PithType *t = (PithType *)self;
    PithObject *list = pith_list_new(0);
    intptr_t pos = 0;
    PithObject *k, *v;
    while (list && t->tp_subclasses && pith_dict_next(t->tp_subclasses, &pos, &k, &v))
        if (pith_list_append(list, (PithObject *)pith_type_subclass_at(v)) < 0) PITH_CLEAR(list);
    return list;
}

static PithObject *type_instancecheck(PithObject *self, PithObject *const *args,
                                      size_t nargs, PithObject *kwnames) {
    int r = pith_real_isinstance(args[0], self);
    return r < 0 ? NULL : pith_bool_from(r);
}

static PithObject *type_subclasscheck(PithObject *self, PithObject *const *args,
                                      size_t nargs, PithObject *kwnames) {
    int r = pith_real_issubclass(args[0], self);
    return r < 0 ? NULL : pith_bool_from(r);
}

static PithObject *type_dir(PithObject *self, PithObject *const *args,
                            size_t nargs, PithObject *kwnames) {
    PithObject *names = pith_dict_new();
    if (!names) return NULL;
    PithObject *r = NULL;
    if (pith_merge_class_dict(names, self) == 0) r = pith_dict_keys(names);
    PITH_DECREF(names);
    return r;
}

static PithObject *type_prepare(PithObject *self, PithObject *const *args,
                                size_t nargs, PithObject *kwnames) {
    return pith_dict_new();
}

static PithObject *type_sizeof(PithObject *self, PithObject *const *args,
                               size_t nargs, PithObject *kwnames) {
    return pith_int_from_size(is_heap((PithType *)self) ? sizeof(PithHeapType)
                                                        : sizeof(PithType));
}

static PithMethodDef type_methods[] = {
    {"mro", type_mro, PITH_METH_NOARGS, "Return a type's method resolution order."},
    {"__subclasses__", type_subclasses, PITH_METH_NOARGS,
     "Return a list of immediate subclasses."},
    {"__instancecheck__", type_instancecheck, PITH_METH_O,
     "Check if an object is an instance."},
    {"__subclasscheck__", type_subclasscheck, PITH_METH_O,
     "Check if a class is a subclass."},
    {"__dir__", type_dir, PITH_METH_NOARGS, "Specialized __dir__ implementation for types."},
    {"__prepare__", type_prepare, PITH_METH_KW | PITH_METH_CLASS,
     "Create the namespace for the class statement"},
    {"__sizeof__", type_sizeof, PITH_METH_NOARGS, "Return memory consumption of the type object."},
    {NULL, NULL, 0, NULL},
};

/* Heap types are GC objects (static types are immortal and have no GC
 * head; the collector never looks at immortal objects). */
static int type_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PithType *t = (PithType *)o;
    if (!is_heap(t)) return 0;
    PITH_VISIT(t->tp_dict);
    PITH_VISIT(t->tp_mro);
    PITH_VISIT(t->tp_bases);
    PITH_VISIT(t->tp_base);
    PITH_VISIT(t->tp_subclasses);
    PITH_VISIT(t->ht_module);
    PITH_VISIT(t->ht_slots);
    return 0;
}

/* Break cycles through a class without leaving it unusable for instances
 * that die later in the same collection: the dict is emptied and the MRO
 * becomes the base's (which does not contain t). */
static int type_clear(PithObject *o) {
    PithType *t = (PithType *)o;
    if (!is_heap(t)) return 0;
    pith_type_modified(t);
    if (t->tp_dict) pith_dict_clear(t->tp_dict);
    PITH_CLEAR(t->ht_module);
    if (t->tp_mro && t->tp_base && t->tp_base->tp_mro) {
        PithObject *old = t->tp_mro;
        t->tp_mro = PITH_NEWREF(t->tp_base->tp_mro);
        PITH_DECREF(old);
    }
    return 0;
}

static void type_dealloc(PithObject *o) {
    PithType *t = (PithType *)o;
    /* Only heap types are ever freed (static types are immortal). */
    pith_gc_untrack(o);
    if (pith_weakref_targets) pith_weakref_clear(o);
    for (intptr_t i = 0; t->tp_bases && i < PITH_SIZE(t->tp_bases); i++)
        remove_subclass((PithType *)PITH_TUPLE_GET(t->tp_bases, i), t);
    PITH_XDECREF(t->tp_base);
    PITH_XDECREF(t->tp_bases);
    PITH_XDECREF(t->tp_mro);
    PITH_XDECREF(t->tp_dict);
    PITH_XDECREF(t->tp_subclasses);
    PITH_XDECREF(t->ht_name);
    PITH_XDECREF(t->ht_qualname);
    PITH_XDECREF(t->ht_module);
    PITH_XDECREF(t->ht_slots);
    pith_mem_free(t->tp_members); /* a heap type's slot table (heaptype.c) */
    pith_gc_del(o);
}

static PithNumberMethods type_as_number = {.nb_or = pith_union_or};

PithType pith_type_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "type",
    .tp_basicsize = sizeof(PithHeapType),
    .tp_flags = PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_TYPE_SUBCLASS | PITH_TPFLAGS_HAVE_GC |
                PITH_TPFLAGS_WEAKREFABLE,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
    .tp_dealloc = type_dealloc,
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_repr = type_repr,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_call = type_call,
    .tp_new = type_new,
    .tp_init = type_init,
    .tp_as_number = &type_as_number,
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getset,
};
