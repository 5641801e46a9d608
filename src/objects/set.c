/* set.c — set and frozenset, mirroring CPython 3.11's open-addressing table
 * so that iteration order (and therefore printed sets) matches: 8 initial
 * slots held inline, probes of 1 + LINEAR_PROBES adjacent slots then a
 * perturbed jump, resize when fill*5 >= mask*3 to used*4 (used*2 above
 * 50000) and the same insertion order when rebuilding.
 *
 * Invariants:
 *  - table has mask+1 slots (a power of two); an entry is empty (key NULL,
 *    hash 0), a dummy (key == &dummy, hash -1) or active (owned key).
 *  - fill = active + dummy entries, used = active entries;
 *    fill*5 < mask*3 after every insertion (at least one slot stays empty).
 *  - hash caches a frozenset's hash (-1 = not computed).
 */
#include <string.h>

#include "containers_impl.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct {
    PithObject *key;
    intptr_t hash;
} SetEntry;

typedef struct {
    PithObject ob;
    intptr_t fill, used, mask, finger, hash;
    SetEntry *table;
    SetEntry smalltable[SET_MINSIZE];
} PithSet;

#define SET(o) ((PithSet *)(o))

static PithObject dummy = PITH_HEAD_INIT(&pith_object_type);

static bool is_set(PithObject *o) { return pith_type_ok(o, &pith_set_type); }

/* ---- the table ----------------------------------------------------------- */

/* Find key: returns its entry (*found = true), or the slot where it would go
 * (the last dummy seen, else the empty slot ending the probe). NULL on a
 * comparison error. Restarts if a comparison mutated the table. */
static SetEntry *probe(PithSet *so, PithObject *key, intptr_t hash, bool *found) {
restart:;
    SetEntry *table = so->table, *freeslot = NULL;
    size_t mask = (size_t)so->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    bool str_key = PITH_TYPE(key) == &pith_str_type;
    for (;;) {
        SetEntry *entry = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) {
                *found = false;
                return freeslot ? freeslot : entry;
            }
            if (entry->hash == hash) {
                PithObject *sk = entry->key;
                if (sk == key) goto hit;
                if (str_key && PITH_TYPE(sk) == &pith_str_type) {
                    if (pith_str_equal(sk, key)) goto hit;
                } else {
                    PITH_INCREF(sk);
                    int cmp = pith_richcompare_bool(sk, key, PITH_EQ);
                    PITH_DECREF(sk);
                    if (cmp < 0) return NULL;
                    if (table != so->table || entry->key != sk) goto restart;
                    if (cmp > 0) goto hit;
                }
            } else if (entry->hash == -1) {
                freeslot = entry; /* the last dummy seen wins, as in CPython */
            }
            entry++;
            continue;
        hit:
            *found = true;
            return entry;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Insert into a table known to have no dummies and not to hold key. */
static void insert_clean(SetEntry *table, size_t mask, PithObject *key, intptr_t hash) {
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &table[i];
        if (!entry->key) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (!entry->key) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* Rebuild with the smallest power-of-two size > minused (>= 8). */
static int table_resize(PithSet *so, intptr_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused) newsize <<= 1;
    SetEntry *old = so->table, *newtable, small_copy[SET_MINSIZE];
    size_t oldmask = (size_t)so->mask;
    bool old_malloced = old != so->smalltable;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == old) {
            if (so->fill == so->used) return 0;
            memcpy(small_copy, old, sizeof small_copy);
            old = small_copy;
        }
    } else {
        if (newsize > (size_t)INTPTR_MAX / sizeof(SetEntry)) {
            pith_err_no_memory();
            return -1;
        }
        newtable = pith_mem_malloc(newsize * sizeof(SetEntry));
        if (!newtable) {
            pith_err_no_memory();
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(SetEntry));
    so->mask = (intptr_t)newsize - 1;
    so->table = newtable;
    so->fill = so->used;
    for (size_t i = 0; i <= oldmask; i++)
        if (old[i].key && old[i].key != &dummy)
            insert_clean(newtable, newsize - 1, old[i].key, old[i].hash);
    if (old_malloced) pith_mem_free(old);
    return 0;
}

/* Add key (not stolen). */
static int add_entry(PithSet *so, PithObject *key, intptr_t hash) {
    bool found;
    PITH_INCREF(key);
    SetEntry *e = probe(so, key, hash, &found);
    if (!e || found) {
        PITH_DECREF(key);
        return e ? 0 : -1;
    }
    bool was_empty = e->key == NULL;
    e->key = key;
    e->hash = hash;
    so->used++;
    if (!was_empty) return 0; /* reused a dummy */
    so->fill++;
    if (so->fill * 5 < so->mask * 3) return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static int add_key(PithSet *so, PithObject *key) {
    intptr_t hash = pith_key_hash(key);
    return hash == -1 ? -1 : add_entry(so, key, hash);
}

static int contains_entry(PithSet *so, PithObject *key, intptr_t hash) {
    bool found;
    return probe(so, key, hash, &found) ? found : -1;
}

static int contains_key(PithSet *so, PithObject *key) {
    intptr_t hash = pith_key_hash(key);
    return hash == -1 ? -1 : contains_entry(so, key, hash);
}

/* 1 removed, 0 absent, -1 error. */
static int discard_entry(PithSet *so, PithObject *key, intptr_t hash) {
    bool found;
    SetEntry *e = probe(so, key, hash, &found);
    if (!e) return -1;
    if (!found) return 0;
    PithObject *old = e->key;
    e->key = &dummy;
    e->hash = -1;
    so->used--;
    PITH_DECREF(old);
    return 1;
}

static int discard_key(PithSet *so, PithObject *key) {
    intptr_t hash = pith_key_hash(key);
    return hash == -1 ? -1 : discard_entry(so, key, hash);
}

/* Next active entry at or after *pos. */
static SetEntry *set_next_entry(PithSet *so, intptr_t *pos) {
    for (intptr_t i = *pos; i <= so->mask; i++)
        if (so->table[i].key && so->table[i].key != &dummy) {
            *pos = i + 1;
            return &so->table[i];
        }
    *pos = so->mask + 1;
    return NULL;
}

static void clear_internal(PithSet *so) {
    SetEntry *table = so->table;
    intptr_t mask = so->mask, fill = so->fill;
    if (!fill) return;
    so->table = so->smalltable;
    so->mask = SET_MINSIZE - 1;
    so->fill = so->used = 0;
    so->hash = -1;
    SetEntry copy[SET_MINSIZE];
    if (table == so->smalltable) {
        memcpy(copy, table, sizeof copy);
        table = copy;
    }
    memset(so->smalltable, 0, sizeof so->smalltable);
    for (intptr_t i = 0; i <= mask; i++)
        if (table[i].key && table[i].key != &dummy) PITH_DECREF(table[i].key);
    if (table != copy) pith_mem_free(table);
}

/* ---- bulk operations ----------------------------------------------------- */

static int merge_set(PithSet *so, PithSet *other) {
    if (so == other || other->used == 0) return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3 &&
        table_resize(so, (so->used + other->used) * 2) < 0)
        return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (intptr_t i = 0; i <= other->mask; i++) {
            if (!other->table[i].key) continue;
            so->table[i].key = PITH_NEWREF(other->table[i].key);
            so->table[i].hash = other->table[i].hash;
        }
        so->fill = so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (intptr_t i = 0; i <= other->mask; i++) {
            SetEntry *e = &other->table[i];
            if (e->key && e->key != &dummy)
                insert_clean(so->table, (size_t)so->mask, PITH_NEWREF(e->key), e->hash);
        }
        return 0;
    }
    for (intptr_t i = 0; i <= other->mask; i++) {
        SetEntry *e = &other->table[i];
        if (e->key && e->key != &dummy && add_entry(so, e->key, e->hash) < 0) return -1;
    }
    return 0;
}

static int update_internal(PithSet *so, PithObject *other) {
    if (pith_anyset_check(other)) return merge_set(so, SET(other));
    if (pith_dict_check_exact(other)) {
        intptr_t n = pith_dict_size(other), nent;
        if ((so->fill + n) * 5 >= so->mask * 3 && table_resize(so, (so->used + n) * 2) < 0)
            return -1;
        for (intptr_t i = 0;; i++) {
            PithDictEntry *ep = pith_dict_entries(other, &nent);
            if (i >= nent) return 0;
            if (ep[i].key && add_entry(so, ep[i].key, ep[i].hash) < 0) return -1;
        }
    }
    PithObject *it = pith_get_iter(other), *key;
    if (!it) return -1;
    while ((key = pith_iter_next(it))) {
        int rc = add_key(so, key);
        PITH_DECREF(key);
        if (rc < 0) break;
    }
    PITH_DECREF(it);
    return pith_err_occurred() ? -1 : 0;
}

static PithObject *make_new_set(PithType *type, PithObject *iterable) {
    PithSet *so = (PithSet *)pith_gc_new(type);
    if (!so) return pith_err_no_memory();
    so->table = so->smalltable;
    so->mask = SET_MINSIZE - 1;
    so->hash = -1;
    pith_gc_track(so);
    if (iterable && update_internal(so, iterable) < 0) {
        PITH_DECREF(so);
        return NULL;
    }
    return (PithObject *)so;
}

/* A new exact set or frozenset, per the base kind of type(o). */
static PithObject *make_like(PithObject *o, PithObject *iterable) {
    return make_new_set(is_set(o) ? &pith_set_type : &pith_frozenset_type, iterable);
}

static PithObject *set_copy(PithObject *o) { return make_like(o, o); }

PithObject *pith_set_new(PithObject *iterable) { return make_new_set(&pith_set_type, iterable); }

PithObject *pith_frozenset_new(PithObject *iterable) {
    return make_new_set(&pith_frozenset_type, iterable);
}

int pith_set_add(PithObject *s, PithObject *key) { return add_key(SET(s), key); }

intptr_t pith_set_size(PithObject *s) { return SET(s)->used; }

int pith_set_next(PithObject *s, intptr_t *pos, PithObject **key) {
    SetEntry *e = set_next_entry(SET(s), pos);
    if (!e) return 0;
    *key = e->key;
    return 1;
}

/* Retry an operation with frozenset(key) when key is an unhashable set. */
static int with_frozen_key(PithSet *so, PithObject *key, int (*op)(PithSet *, PithObject *)) {
    int rv = op(so, key);
    if (rv >= 0 || !is_set(key) || !pith_err_matches(&pith_exc_TypeError)) return rv;
    pith_err_clear();
    PithObject *tmp = make_new_set(&pith_frozenset_type, key);
    if (!tmp) return -1;
    rv = op(so, tmp);
    PITH_DECREF(tmp);
    return rv;
}

int pith_set_contains(PithObject *s, PithObject *key) {
    return with_frozen_key(SET(s), key, contains_key);
}

int pith_set_discard(PithObject *s, PithObject *key) {
    return with_frozen_key(SET(s), key, discard_key);
}

/* ---- algebra ------------------------------------------------------------- */

static PithObject *set_intersection(PithObject *so, PithObject *other) {
    if (so == other) return set_copy(so);
    PithObject *result = make_like(so, NULL);
    if (!result) return NULL;
    if (pith_anyset_check(other)) {
        PithObject *a = so, *b = other;
        if (SET(b)->used > SET(a)->used) {
            a = other;
            b = so;
        }
        intptr_t pos = 0;
        SetEntry *e;
        while ((e = set_next_entry(SET(b), &pos))) {
            PithObject *key = PITH_NEWREF(e->key);
            intptr_t hash = e->hash;
            int rv = contains_entry(SET(a), key, hash);
            if (rv > 0) rv = add_entry(SET(result), key, hash);
            PITH_DECREF(key);
            if (rv < 0) goto fail;
        }
        return result;
    }
    PithObject *it = pith_get_iter(other), *key;
    if (!it) goto fail;
    while ((key = pith_iter_next(it))) {
        intptr_t hash = pith_key_hash(key);
        int rv = hash == -1 ? -1 : contains_entry(SET(so), key, hash);
        if (rv > 0) rv = add_entry(SET(result), key, hash);
        PITH_DECREF(key);
        if (rv < 0) break;
    }
    PITH_DECREF(it);
    if (!pith_err_occurred()) return result;
fail:
    PITH_DECREF(result);
    return NULL;
}

/* Exchange the contents of a and b (for the *_update methods). */
static void swap_bodies(PithSet *a, PithSet *b) {
    PithSet t;
    memcpy(&t.fill, &a->fill, sizeof(PithSet) - offsetof(PithSet, fill));
    memcpy(&a->fill, &b->fill, sizeof(PithSet) - offsetof(PithSet, fill));
    memcpy(&b->fill, &t.fill, sizeof(PithSet) - offsetof(PithSet, fill));
    if (a->table == b->smalltable) a->table = a->smalltable;
    if (b->table == a->smalltable) b->table = b->smalltable;
    a->hash = b->hash = -1;
}

static int difference_update_internal(PithSet *so, PithObject *other) {
    if ((PithObject *)so == other) {
        clear_internal(so);
        return 0;
    }
    if (pith_anyset_check(other)) {
        intptr_t pos = 0;
        SetEntry *e;
        while ((e = set_next_entry(SET(other), &pos)))
            if (discard_entry(so, e->key, e->hash) < 0) return -1;
    } else {
        PithObject *it = pith_get_iter(other), *key;
        if (!it) return -1;
        while ((key = pith_iter_next(it))) {
            int rv = discard_key(so, key);
            PITH_DECREF(key);
            if (rv < 0) break;
        }
        PITH_DECREF(it);
        if (pith_err_occurred()) return -1;
    }
    /* Purge dummies when they exceed a quarter of the table. */
    if (so->fill - so->used <= so->mask / 4) return 0;
    return table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static PithObject *copy_and_difference(PithObject *so, PithObject *other) {
    PithObject *r = set_copy(so);
    if (r && difference_update_internal(SET(r), other) < 0) PITH_CLEAR(r);
    return r;
}

static PithObject *set_difference(PithObject *so, PithObject *other) {
    intptr_t other_size;
    if (pith_anyset_check(other)) other_size = SET(other)->used;
    else if (pith_dict_check_exact(other)) other_size = pith_dict_size(other);
    else return copy_and_difference(so, other);
    if ((SET(so)->used >> 2) > other_size) return copy_and_difference(so, other);
    PithObject *result = make_like(so, NULL);
    if (!result) return NULL;
    intptr_t pos = 0;
    SetEntry *e;
    while ((e = set_next_entry(SET(so), &pos))) {
        PithObject *key = PITH_NEWREF(e->key);
        intptr_t hash = e->hash;
        int rv;
        if (pith_anyset_check(other)) {
            rv = contains_entry(SET(other), key, hash);
        } else {
            rv = pith_dict_get_item_hash(other, key, hash) != NULL;
            if (!rv && pith_err_occurred()) rv = -1;
        }
        if (rv == 0) rv = add_entry(SET(result), key, hash);
        PITH_DECREF(key);
        if (rv < 0) {
            PITH_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static int symmetric_update_internal(PithSet *so, PithObject *other) {
    if ((PithObject *)so == other) {
        clear_internal(so);
        return 0;
    }
    PithObject *os;
    if (pith_anyset_check(other)) os = PITH_NEWREF(other);
    else if (!(os = make_like((PithObject *)so, other))) return -1;
    intptr_t pos = 0;
    SetEntry *e;
    int rv = 0;
    while (rv >= 0 && (e = set_next_entry(SET(os), &pos))) {
        PithObject *key = PITH_NEWREF(e->key);
        intptr_t hash = e->hash;
        rv = discard_entry(so, key, hash);
        if (rv == 0) rv = add_entry(so, key, hash);
        PITH_DECREF(key);
    }
    PITH_DECREF(os);
    return rv < 0 ? -1 : 0;
}

static PithObject *set_symmetric_difference(PithObject *so, PithObject *other) {
    PithObject *r = make_like(so, other);
    if (r && symmetric_update_internal(SET(r), so) < 0) PITH_CLEAR(r);
    return r;
}

static int issubset(PithObject *so, PithObject *other) {
    if (SET(so)->used > SET(other)->used) return 0;
    intptr_t pos = 0;
    SetEntry *e;
    while ((e = set_next_entry(SET(so), &pos))) {
        PithObject *key = PITH_NEWREF(e->key);
        int rv = contains_entry(SET(other), key, e->hash);
        PITH_DECREF(key);
        if (rv <= 0) return rv;
    }
    return 1;
}

/* ---- methods ------------------------------------------------------------- */

#define METHOD(name)                                                           \
    static PithObject *name(PithObject *self, PithObject *const *args,         \
                            size_t nargs, PithObject *kwnames)

static PithObject *none_or_null(int rc) {
    if (rc < 0) return NULL;
    PITH_RETURN_NONE;
}

METHOD(set_add_m) { return none_or_null(add_key(SET(self), args[0])); }

METHOD(set_clear_m) {
    clear_internal(SET(self));
    PITH_RETURN_NONE;
}

METHOD(set_copy_m) { return set_copy(self); }

METHOD(frozenset_copy_m) {
    if (pith_isinstance_exact(self, &pith_frozenset_type)) return PITH_NEWREF(self);
    return set_copy(self);
}

METHOD(set_discard_m) { return none_or_null(pith_set_discard(self, args[0])); }

METHOD(set_remove_m) {
    int rv = pith_set_discard(self, args[0]);
    if (rv == 0) pith_set_key_error(args[0]);
    return none_or_null(rv > 0 ? 0 : -1);
}

METHOD(set_pop_m) {
    PithSet *so = SET(self);
    if (so->used == 0) {
        pith_err_set_string(&pith_exc_KeyError, "pop from an empty set");
        return NULL;
    }
    SetEntry *e = so->table + (so->finger & so->mask);
    while (!e->key || e->key == &dummy) {
        e++;
        if (e > so->table + so->mask) e = so->table;
    }
    PithObject *key = e->key;
    e->key = &dummy;
    e->hash = -1;
    so->used--;
    so->finger = e - so->table + 1;
    return key;
}

METHOD(set_union_m) {
    PithObject *r = set_copy(self);
    for (size_t i = 0; r && i < nargs; i++)
        if (args[i] != self && update_internal(SET(r), args[i]) < 0) PITH_CLEAR(r);
    return r;
}

METHOD(set_update_m) {
    for (size_t i = 0; i < nargs; i++)
        if (update_internal(SET(self), args[i]) < 0) return NULL;
    PITH_RETURN_NONE;
}

METHOD(set_intersection_m) {
    PithObject *r = PITH_NEWREF(self);
    if (nargs == 0) PITH_SETREF(r, set_copy(self));
    for (size_t i = 0; r && i < nargs; i++) PITH_SETREF(r, set_intersection(r, args[i]));
    return r;
}

METHOD(set_intersection_update_m) {
    PithObject *r = set_intersection_m(self, args, nargs, kwnames);
    if (!r) return NULL;
    swap_bodies(SET(self), SET(r));
    PITH_DECREF(r);
    PITH_RETURN_NONE;
}

METHOD(set_difference_m) {
    if (nargs == 0) return set_copy(self);
    PithObject *r = set_difference(self, args[0]);
    for (size_t i = 1; r && i < nargs; i++)
        if (difference_update_internal(SET(r), args[i]) < 0) PITH_CLEAR(r);
    return r;
}

METHOD(set_difference_update_m) {
    for (size_t i = 0; i < nargs; i++)
        if (difference_update_internal(SET(self), args[i]) < 0) return NULL;
    PITH_RETURN_NONE;
}

METHOD(set_symdiff_m) { return set_symmetric_difference(self, args[0]); }

METHOD(set_symdiff_update_m) {
    return none_or_null(symmetric_update_internal(SET(self), args[0]));
}

METHOD(set_issubset_m) {
    int rv;
    if (pith_anyset_check(args[0])) {
        rv = issubset(self, args[0]);
    } else {
        PithObject *tmp = pith_set_new(args[0]);
        if (!tmp) return NULL;
        rv = issubset(self, tmp);
        PITH_DECREF(tmp);
    }
    return rv < 0 ? NULL : pith_bool_from(rv);
}

METHOD(set_issuperset_m) {
    if (pith_anyset_check(args[0])) {
        int rv = issubset(args[0], self);
        return rv < 0 ? NULL : pith_bool_from(rv);
    }
    PithObject *it = pith_get_iter(args[0]), *key;
    if (!it) return NULL;
    int rv = 1;
    while (rv == 1 && (key = pith_iter_next(it))) {
        rv = contains_key(SET(self), key);
        PITH_DECREF(key);
    }
    PITH_DECREF(it);
    if (rv < 0 || pith_err_occurred()) return NULL;
    return pith_bool_from(rv);
}

METHOD(set_isdisjoint_m) {
    PithObject *other = args[0], *a = self;
    if (other == self) return pith_bool_from(SET(self)->used == 0);
    if (pith_anyset_check(other) && SET(other)->used > SET(self)->used) {
        a = other;
        other = self;
    }
    PithObject *it = pith_get_iter(other), *key;
    if (!it) return NULL;
    int rv = 0;
    while (rv == 0 && (key = pith_iter_next(it))) {
        rv = contains_key(SET(a), key);
        PITH_DECREF(key);
    }
    PITH_DECREF(it);
    if (rv < 0 || pith_err_occurred()) return NULL;
    return pith_bool_from(!rv);
}

METHOD(set_contains_m) {
    int rv = pith_set_contains(self, args[0]);
    return rv < 0 ? NULL : pith_bool_from(rv);
}

METHOD(set_reduce_m) {
    PithObject *keys = pith_sequence_list(self);
    if (!keys) return NULL;
    PithObject **dp = pith_obj_dict_ptr(self);
    PithObject *state = dp && *dp ? *dp : PITH_NONE;
    PithObject *args_t = pith_tuple_pack(1, keys), *r = NULL;
    PITH_DECREF(keys);
    if (args_t) r = pith_tuple_pack(3, (PithObject *)PITH_TYPE(self), args_t, state);
    PITH_XDECREF(args_t);
    return r;
}

METHOD(set_sizeof_m) {
    intptr_t n = (intptr_t)sizeof(PithSet);
    if (SET(self)->table != SET(self)->smalltable)
        n += (SET(self)->mask + 1) * (intptr_t)sizeof(SetEntry);
    return pith_int_from_ssize(n);
}

/* ---- slots --------------------------------------------------------------- */

static void set_dealloc(PithObject *o) {
    PithSet *so = SET(o);
    pith_gc_untrack(o);
    if (!pith_trash_begin(o, set_dealloc)) return;
    for (intptr_t i = 0; i <= so->mask; i++)
        if (so->table[i].key && so->table[i].key != &dummy) PITH_DECREF(so->table[i].key);
    if (so->table != so->smalltable) pith_mem_free(so->table);
    pith_gc_del(o);
    pith_trash_end();
}

static int set_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    intptr_t pos = 0;
    SetEntry *e;
    while ((e = set_next_entry(SET(o), &pos))) PITH_VISIT(e->key);
    return 0;
}

static int set_tp_clear(PithObject *o) {
    clear_internal(SET(o));
    return 0;
}

static PithObject *set_repr(PithObject *o) {
    const char *name = PITH_TYPE(o)->tp_name;
    bool plain = PITH_TYPE(o) == &pith_set_type;
    if (SET(o)->used == 0) return pith_str_from_format("%s()", name);
    int rc = pith_repr_enter(o);
    if (rc != 0) return rc > 0 ? pith_str_from_format("%s(...)", name) : NULL;
    PithObject *keys = pith_sequence_list(o), *r = NULL;
    PithObject *lr = keys ? pith_repr(keys) : NULL;
    PithObject *inner = lr ? pith_str_substring(lr, 1, PITH_STR_LEN(lr) - 1) : NULL;
    if (inner)
        r = plain ? pith_str_from_format("{%U}", inner)
                  : pith_str_from_format("%s({%U})", name, inner);
    PITH_XDECREF(keys);
    PITH_XDECREF(lr);
    PITH_XDECREF(inner);
    pith_repr_leave(o);
    return r;
}

static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static intptr_t frozenset_hash(PithObject *o) {
    PithSet *so = SET(o);
    if (so->hash != -1) return so->hash;
    uint64_t hash = 0;
    for (intptr_t i = 0; i <= so->mask; i++) hash ^= shuffle_bits((uint64_t)so->table[i].hash);
    /* Cancel the effect of odd numbers of empty and dummy entries. */
    if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1) hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) hash = 590923713UL;
    so->hash = (intptr_t)hash;
    return so->hash;
}

static PithObject *set_richcompare(PithObject *v, PithObject *w, int op) {
    if (!pith_anyset_check(w)) PITH_RETURN_NOTIMPL;
    intptr_t lv = SET(v)->used, lw = SET(w)->used;
    int r;
    switch (op) {
    case PITH_EQ:
    case PITH_NE:
        if (lv != lw) r = 0;
        else if (SET(v)->hash != -1 && SET(w)->hash != -1 && SET(v)->hash != SET(w)->hash)
            r = 0;
        else r = issubset(v, w);
        if (op == PITH_NE && r >= 0) r = !r;
        break;
    case PITH_LE: r = issubset(v, w); break;
    case PITH_GE: r = issubset(w, v); break;
    case PITH_LT: r = lv < lw ? issubset(v, w) : 0; break;
    default: r = lv > lw ? issubset(w, v) : 0; break;
    }
    return r < 0 ? NULL : pith_bool_from(r);
}

static intptr_t set_len(PithObject *o) { return SET(o)->used; }

static int set_sq_contains(PithObject *o, PithObject *key) { return pith_set_contains(o, key); }

#define BINOP(name, expr)                                                      \
    static PithObject *name(PithObject *a, PithObject *b) {                    \
        if (!pith_anyset_check(a) || !pith_anyset_check(b)) PITH_RETURN_NOTIMPL; \
        return expr;                                                           \
    }
BINOP(set_sub, set_difference(a, b))
BINOP(set_and, set_intersection(a, b))
BINOP(set_xor, set_symmetric_difference(a, b))
BINOP(set_or, set_union_m(a, &b, 1, NULL))

#define INPLACE(name, stmt)                                                    \
    static PithObject *name(PithObject *a, PithObject *b) {                    \
        if (!pith_anyset_check(b)) PITH_RETURN_NOTIMPL;                        \
        if ((stmt) < 0) return NULL;                                           \
        return PITH_NEWREF(a);                                                 \
    }
INPLACE(set_isub, difference_update_internal(SET(a), b))
INPLACE(set_ixor, symmetric_update_internal(SET(a), b))
INPLACE(set_ior, update_internal(SET(a), b))

static PithObject *set_iand(PithObject *a, PithObject *b) {
    if (!pith_anyset_check(b)) PITH_RETURN_NOTIMPL;
    PithObject *r = set_intersection_update_m(a, &b, 1, NULL);
    if (!r) return NULL;
    PITH_DECREF(r);
    return PITH_NEWREF(a);
}

static PithObject *set_new(PithType *type, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    if (type == &pith_set_type && pith_arg_no_kwargs("set", kwnames) < 0) return NULL;
    return make_new_set(type, NULL);
}

static int set_init(PithObject *self, PithObject *const *args, size_t nargs,
                    PithObject *kwnames) {
    if (PITH_TYPE(self) == &pith_set_type && pith_arg_no_kwargs("set", kwnames) < 0) return -1;
    if (pith_arg_check_range("set", nargs, 0, 1) < 0) return -1;
    clear_internal(SET(self));
    return nargs ? update_internal(SET(self), args[0]) : 0;
}

static PithObject *frozenset_new(PithType *type, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    if (type == &pith_frozenset_type && pith_arg_no_kwargs("frozenset", kwnames) < 0)
        return NULL;
    if (pith_arg_check_range("frozenset", nargs, 0, 1) < 0) return NULL;
    if (nargs && type == &pith_frozenset_type &&
        pith_isinstance_exact(args[0], &pith_frozenset_type))
        return PITH_NEWREF(args[0]);
    return make_new_set(type, nargs ? args[0] : NULL);
}

/* ---- iterator ------------------------------------------------------------ */

typedef struct {
    PithObject ob;
    PithObject *set; /* NULL once exhausted */
    intptr_t used, pos, len;
} SetIter;



static PithObject *set_iter(PithObject *o) {
    SetIter *it = (SetIter *)pith_gc_new(&pith_set_iter_type);
    if (!it) return pith_err_no_memory();
    it->set = PITH_NEWREF(o);
    it->used = it->len = SET(o)->used;
    pith_gc_track(it);
    return (PithObject *)it;
}

static void setiter_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(((SetIter *)o)->set);
    pith_gc_del(o);
}

static int setiter_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((SetIter *)o)->set);
    return 0;
}

static int setiter_clear(PithObject *o) {
    PITH_CLEAR(((SetIter *)o)->set);
    return 0;
}

static PithObject *setiter_next(PithObject *o) {
    SetIter *it = (SetIter *)o;
    if (!it->set) return NULL;
    if (it->used != SET(it->set)->used) {
        pith_err_set_string(&pith_exc_RuntimeError, "Set changed size during iteration");
        it->used = -1;
        return NULL;
    }
    SetEntry *e = set_next_entry(SET(it->set), &it->pos);
    if (!e) {
        PITH_CLEAR(it->set);
        return NULL;
    }
    it->len--;
    return PITH_NEWREF(e->key);
}

static PithObject *setiter_length_hint(PithObject *o, PithObject *const *args, size_t nargs,
                                       PithObject *kwnames) {
    SetIter *it = (SetIter *)o;
    return pith_int_from_ssize(it->set && it->used == SET(it->set)->used ? it->len : 0);
}

static PithObject *setiter_reduce(PithObject *o, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    SetIter *it = (SetIter *)o;
    SetIter *c = (SetIter *)pith_gc_new(&pith_set_iter_type);
    if (!c) return pith_err_no_memory();
    c->set = it->set ? PITH_NEWREF(it->set) : NULL;
    c->used = it->used;
    c->pos = it->pos;
    c->len = it->len;
    pith_gc_track(c);
    return pith_iter_reduce_copy((PithObject *)c);
}

static PithMethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, PITH_METH_NOARGS, NULL},
    {"__reduce__", setiter_reduce, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_set_iter_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIter),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = setiter_dealloc,
    .tp_traverse = setiter_traverse,
    .tp_clear = setiter_clear,
    .tp_iter = pith_iter_self,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

/* ---- types --------------------------------------------------------------- */

static PithNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static PithNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static PithSequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_sq_contains,
};

#define COMMON_METHODS                                                         \
    {"__contains__", set_contains_m, PITH_METH_O, NULL},                       \
    {"__class_getitem__", pith_generic_alias_class_getitem,                    \
     PITH_METH_O | PITH_METH_CLASS, NULL},                                     \
    {"__reduce__", set_reduce_m, PITH_METH_NOARGS, NULL},                      \
    {"__sizeof__", set_sizeof_m, PITH_METH_NOARGS, NULL},                      \
    {"difference", set_difference_m, PITH_METH_FAST, NULL},                    \
    {"intersection", set_intersection_m, PITH_METH_FAST, NULL},                \
    {"isdisjoint", set_isdisjoint_m, PITH_METH_O, NULL},                       \
    {"issubset", set_issubset_m, PITH_METH_O, NULL},                           \
    {"issuperset", set_issuperset_m, PITH_METH_O, NULL},                       \
    {"symmetric_difference", set_symdiff_m, PITH_METH_O, NULL},                \
    {"union", set_union_m, PITH_METH_FAST, NULL}

static PithMethodDef set_methods[] = {
    COMMON_METHODS,
    {"add", set_add_m, PITH_METH_O, NULL},
    {"clear", set_clear_m, PITH_METH_NOARGS, NULL},
    {"copy", set_copy_m, PITH_METH_NOARGS, NULL},
    {"discard", set_discard_m, PITH_METH_O, NULL},
    {"difference_update", set_difference_update_m, PITH_METH_FAST, NULL},
    {"intersection_update", set_intersection_update_m, PITH_METH_FAST, NULL},
    {"pop", set_pop_m, PITH_METH_NOARGS, NULL},
    {"remove", set_remove_m, PITH_METH_O, NULL},
    {"symmetric_difference_update", set_symdiff_update_m, PITH_METH_O, NULL},
    {"update", set_update_m, PITH_METH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

static PithMethodDef frozenset_methods[] = {
    COMMON_METHODS,
    {"copy", frozenset_copy_m, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_set_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "set",
    .tp_basicsize = sizeof(PithSet),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_WEAKREFABLE,
    .tp_doc = "set() -> new empty set object",
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = pith_hash_not_implemented,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_new = set_new,
    .tp_init = set_init,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_methods = set_methods,
};

PithType pith_frozenset_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(PithSet),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_WEAKREFABLE,
    .tp_doc = "frozenset() -> empty frozenset object",
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = frozenset_hash,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_new = frozenset_new,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_methods = frozenset_methods,
};

int pith_set_types_init(void) {
    if (pith_type_ready(&pith_set_type) < 0 || pith_type_ready(&pith_frozenset_type) < 0 ||
        pith_type_ready(&pith_set_iter_type) < 0)
        return -1;
    return 0;
}
