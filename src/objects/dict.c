/* dict.c — the dict type: a compact, insertion-ordered hash table.
 *
 * Layout (like CPython 3.6+): a PithDictKeys block holds an index table of
 * 2**log2_size signed slots (1, 2, 4 or 8 bytes wide), followed by a dense
 * array of entries in insertion order. A slot holds EMPTY, DUMMY (a deleted
 * entry was there) or the position of an entry. Probing follows CPython:
 * i = hash & mask, then i = (i*5 + perturb + 1) & mask with perturb >>= 5.
 *
 * Invariants:
 *  - keys == NULL means an empty dict that has never held anything.
 *  - used = number of live entries; entries [0, nentries) are live or
 *    deleted (key == NULL); usable = entries still appendable.
 *  - version is set from a global counter on creation and every mutation,
 *    so equal versions mean the same dict contents (VM caches).
 *  - A dict is GC-tracked once it holds a GC object (subclass instances
 *    always); dicts of atoms cannot be part of a cycle.
 */
#include <string.h>

#include "containers_impl.h"
#include "str_impl.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define LOG2_MINSIZE 3
#define PERTURB_SHIFT 5
#define DICT_FREE_MAX 80

struct PithDictKeys {
    uint8_t log2_size;
    uint8_t ix_bytes;
    intptr_t usable;
    intptr_t nentries;
    char indices[]; /* then the entries */
};
typedef struct PithDictKeys Keys;

static uint64_t dict_global_version;
static PithDict *free_dicts[DICT_FREE_MAX];
static int free_dict_count;

int pith_dict_freelist_count(void) { return free_dict_count; }

/* Free the cached dicts (full collections do, as CPython's). */
void pith_dict_freelist_clear(void) {
    while (free_dict_count > 0) pith_gc_del(free_dicts[--free_dict_count]);
}

#define DK_SIZE(k) ((intptr_t)1 << (k)->log2_size)
#define DK_MASK(k) ((size_t)DK_SIZE(k) - 1)
#define DK_ENTRIES(k) ((PithDictEntry *)((k)->indices + (DK_SIZE(k) * (k)->ix_bytes)))
#define USABLE_FRACTION(n) (((n) << 1) / 3)

static void bump(PithDict *d) { d->version = ++dict_global_version; }

static intptr_t get_index(const Keys *k, size_t i) {
    switch (k->ix_bytes) {
    case 1: return ((const int8_t *)k->indices)[i];
    case 2: return ((const int16_t *)k->indices)[i];
    case 4: return ((const int32_t *)k->indices)[i];
    default: return ((const int64_t *)k->indices)[i];
    }
}

static void set_index(Keys *k, size_t i, intptr_t ix) {
    switch (k->ix_bytes) {
    case 1: ((int8_t *)k->indices)[i] = (int8_t)ix; break;
    case 2: ((int16_t *)k->indices)[i] = (int16_t)ix; break;
    case 4: ((int32_t *)k->indices)[i] = (int32_t)ix; break;
    default: ((int64_t *)k->indices)[i] = ix; break;
    }
}

static Keys *new_keys(int log2_size) {
    intptr_t size = (intptr_t)1 << log2_size;
    int ixb = log2_size < 8 ? 1 : log2_size < 16 ? 2 : log2_size < 32 ? 4 : 8;
    intptr_t usable = USABLE_FRACTION(size);
    size_t bytes = sizeof(Keys) + (size_t)size * ixb + (size_t)usable * sizeof(PithDictEntry);
    Keys *k = pith_mem_malloc(bytes);
    if (!k) {
        pith_err_no_memory();
        return NULL;
    }
    k->log2_size = (uint8_t)log2_size;
    k->ix_bytes = (uint8_t)ixb;
    k->usable = usable;
    k->nentries = 0;
    memset(k->indices, 0xff, (size_t)size * ixb); /* all DKIX_EMPTY */
    return k;
}

/* Smallest log2 size (>= LOG2_MINSIZE) whose table has >= minsize slots. */
static int log2_for(intptr_t minsize) {
    int l = LOG2_MINSIZE;
    while (((intptr_t)1 << l) < minsize && l < 62) l++;
    return l;
}

/* First slot for hash whose index is EMPTY or DUMMY. */
static size_t find_empty_slot(Keys *k, intptr_t hash) {
    size_t mask = DK_MASK(k), i = (size_t)hash & mask, perturb = (size_t)hash;
    while (get_index(k, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Rebuild with a table of 2**log2 slots, dropping deleted entries. */
static int dict_resize(PithDict *d, int log2) {
    Keys *old = d->keys, *k = new_keys(log2);
    if (!k) return -1;
    PithDictEntry *dst = DK_ENTRIES(k);
    intptr_t n = 0;
    if (old) {
        PithDictEntry *src = DK_ENTRIES(old);
        for (intptr_t i = 0; i < old->nentries; i++) {
            if (!src[i].key) continue;
            dst[n] = src[i];
            set_index(k, find_empty_slot(k, src[i].hash), n);
            n++;
        }
    }
    k->nentries = n;
    k->usable -= n;
    d->keys = k;
    pith_mem_free(old);
    return 0;
}

/* ---- lookup -------------------------------------------------------------- */

/* Entry position of key, DKIX_EMPTY if absent, DKIX_ERROR on error. */
static intptr_t lookup(PithDict *d, PithObject *key, intptr_t hash) {
restart:;
    Keys *k = d->keys;
    if (!k) return DKIX_EMPTY;
    PithDictEntry *ep0 = DK_ENTRIES(k);
    size_t mask = DK_MASK(k), i = (size_t)hash & mask, perturb = (size_t)hash;
    bool str_key = PITH_TYPE(key) == &pith_str_type;
    for (;;) {
        intptr_t ix = get_index(k, i);
        if (ix == DKIX_EMPTY) return DKIX_EMPTY;
        if (ix >= 0) {
            PithDictEntry *ep = &ep0[ix];
            PithObject *sk = ep->key;
            if (sk == key) return ix;
            if (ep->hash == hash) {
                if (str_key && PITH_TYPE(sk) == &pith_str_type) {
                    if (pith_str_equal(sk, key)) return ix;
                } else {
                    PITH_INCREF(sk);
                    int cmp = pith_richcompare_bool(sk, key, PITH_EQ);
                    PITH_DECREF(sk);
                    if (cmp < 0) return DKIX_ERROR;
                    /* The comparison may have mutated the dict. */
                    if (k != d->keys || ep->key != sk) goto restart;
                    if (cmp > 0) return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Index-table slot holding entry ix (it must exist). */
static size_t slot_of(Keys *k, intptr_t hash, intptr_t ix) {
    size_t mask = DK_MASK(k), i = (size_t)hash & mask, perturb = (size_t)hash;
    while (get_index(k, i) != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

static void maybe_track(PithDict *d, PithObject *key, PithObject *value) {
    if (!pith_gc_is_tracked(d) && (pith_gc_may_be_tracked(key) || pith_gc_may_be_tracked(value)))
        pith_gc_track(d);
}

/* Insert or replace; does not steal key/value. */
static int insert(PithDict *d, PithObject *key, intptr_t hash, PithObject *value) {
    PITH_INCREF(key);
    PITH_INCREF(value);
    intptr_t ix = lookup(d, key, hash);
    if (ix == DKIX_ERROR) goto fail;
    maybe_track(d, key, value);
    bump(d);
    if (ix >= 0) {
        PithDictEntry *ep = &DK_ENTRIES(d->keys)[ix];
        PithObject *old = ep->value;
        ep->value = value;
        PITH_DECREF(old);
        PITH_DECREF(key);
        return 0;
    }
    if (!d->keys || d->keys->usable <= 0) {
        if (dict_resize(d, log2_for(d->used * 3)) < 0) goto fail;
    }
    Keys *k = d->keys;
    set_index(k, find_empty_slot(k, hash), k->nentries);
    PithDictEntry *ep = &DK_ENTRIES(k)[k->nentries++];
    ep->hash = hash;
    ep->key = key;
    ep->value = value;
    k->usable--;
    d->used++;
    return 0;
fail:
    PITH_DECREF(key);
    PITH_DECREF(value);
    return -1;
}

/* Remove entry ix (found for hash); releases key and value last. */
static void delete_entry(PithDict *d, intptr_t ix, intptr_t hash) {
    Keys *k = d->keys;
    set_index(k, slot_of(k, hash, ix), DKIX_DUMMY);
    PithDictEntry *ep = &DK_ENTRIES(k)[ix];
    PithObject *key = ep->key, *value = ep->value;
    ep->key = ep->value = NULL;
    d->used--;
    bump(d);
    PITH_DECREF(key);
    PITH_DECREF(value);
}

static int merge_dict(PithDict *a, PithObject *b, int override);

/* ---- C API ----------------------------------------------------------------- */

static PithDict *dict_alloc(PithType *type) {
    PithDict *d;
    if (type == &pith_dict_type && free_dict_count > 0) {
        d = free_dicts[--free_dict_count];
        d->ob.refcnt = 1;
        pith_gc_set_hidden((PithObject *)d, false);
    } else {
        d = (PithDict *)pith_gc_new(type);
        if (!d) {
            pith_err_no_memory();
            return NULL;
        }
    }
    d->used = 0;
    d->keys = NULL;
    bump(d);
    if (type != &pith_dict_type) pith_gc_track(d);
    return d;
}

PithObject *pith_dict_new(void) { return (PithObject *)dict_alloc(&pith_dict_type); }

PithDictEntry *pith_dict_entries(PithObject *d, intptr_t *n) {
    Keys *k = ((PithDict *)d)->keys;
    *n = k ? k->nentries : 0;
    return k ? DK_ENTRIES(k) : NULL;
}

PithObject *pith_dict_get_item_hash(PithObject *d, PithObject *key, intptr_t hash) {
    intptr_t ix = lookup((PithDict *)d, key, hash);
    return ix >= 0 ? DK_ENTRIES(((PithDict *)d)->keys)[ix].value : NULL;
}

PithObject *pith_dict_get_item(PithObject *d, PithObject *key) {
    intptr_t hash = pith_key_hash(key);
    if (hash == -1) return NULL;
    return pith_dict_get_item_hash(d, key, hash);
}

/* d[key] for an ASCII C string without building a str: the hash is the
 * one a str of those characters has (one byte each), and exact-str keys
 * compare by their bytes. A same-hash key of another type (which may
 * compare equal in its own way) and non-ASCII text take the general path. */
PithObject *pith_dict_get_item_str(PithObject *d, const char *key) {
    size_t n = 0;
    bool ascii = true;
    for (; key[n]; n++) ascii = ascii && (unsigned char)key[n] < 128;
    Keys *keys = ((PithDict *)d)->keys;
    if (ascii && !keys) return NULL;
    if (ascii) {
        intptr_t hash = pith_hash_bytes(key, n);
        PithDictEntry *ep0 = DK_ENTRIES(keys);
        size_t mask = DK_MASK(keys), i = (size_t)hash & mask, perturb = (size_t)hash;
        for (intptr_t ix; (ix = get_index(keys, i)) != DKIX_EMPTY; i = (i * 5 + perturb + 1) & mask) {
            perturb >>= PERTURB_SHIFT;
            if (ix < 0 || ep0[ix].hash != hash) continue;
            PithObject *sk = ep0[ix].key;
            if (PITH_TYPE(sk) != &pith_str_type) goto general;
            if (PITH_STR_KIND(sk) == 1 && (size_t)PITH_STR_LEN(sk) == n &&
                memcmp(PITH_STR_DATA(sk), key, n) == 0)
                return ep0[ix].value;
        }
        return NULL;
    }
general:;
    PithObject *k = pith_str_from_cstr(key);
    if (!k) return NULL;
    PithObject *v = pith_dict_get_item(d, k);
    PITH_DECREF(k);
    return v;
}

int pith_dict_set_item_hash(PithObject *d, PithObject *key, intptr_t hash, PithObject *value) {
    return insert((PithDict *)d, key, hash, value);
}

int pith_dict_set_item(PithObject *d, PithObject *key, PithObject *value) {
    intptr_t hash = pith_key_hash(key);
    if (hash == -1) return -1;
    return insert((PithDict *)d, key, hash, value);
}

int pith_dict_set_item_str(PithObject *d, const char *key, PithObject *value) {
    PithObject *k = pith_str_intern_cstr(key);
    if (!k) return -1;
    int rc = pith_dict_set_item(d, k, value);
    PITH_DECREF(k);
    return rc;
}

int pith_dict_del_item(PithObject *d, PithObject *key) {
    intptr_t hash = pith_key_hash(key);
    if (hash == -1) return -1;
    intptr_t ix = lookup((PithDict *)d, key, hash);
    if (ix == DKIX_ERROR) return -1;
    if (ix < 0) {
        pith_set_key_error(key);
        return -1;
    }
    delete_entry((PithDict *)d, ix, hash);
    return 0;
}

int pith_dict_del_item_str(PithObject *d, const char *key) {
    PithObject *k = pith_str_from_cstr(key);
    if (!k) return -1;
    int rc = pith_dict_del_item(d, k);
    PITH_DECREF(k);
    return rc;
}

int pith_dict_contains(PithObject *d, PithObject *key) {
    intptr_t hash = pith_key_hash(key);
    if (hash == -1) return -1;
    intptr_t ix = lookup((PithDict *)d, key, hash);
    return ix == DKIX_ERROR ? -1 : ix >= 0;
}

int pith_dict_next(PithObject *d, intptr_t *pos, PithObject **key, PithObject **value) {
    intptr_t n;
    PithDictEntry *ep = pith_dict_entries(d, &n);
    intptr_t i = *pos;
    while (i < n && !ep[i].key) i++;
    if (i >= n) return 0;
    *pos = i + 1;
    if (key) *key = ep[i].key;
    if (value) *value = ep[i].value;
    return 1;
}

intptr_t pith_dict_size(PithObject *d) { return ((PithDict *)d)->used; }

/* List of keys (what 0), values (1) or (key, value) pairs (2). */
static PithObject *dict_list(PithObject *d, int what) {
    for (;;) {
        intptr_t n = ((PithDict *)d)->used;
        PithObject *l = pith_list_new(n);
        if (!l) return NULL;
        /* Allocating the pairs may run the GC and change d: retry then. */
        if (n != ((PithDict *)d)->used) {
            PITH_DECREF(l);
            continue;
        }
        intptr_t pos = 0, j = 0;
        PithObject *k, *v;
        while (pith_dict_next(d, &pos, &k, &v)) {
            PithObject *x = what == 0 ? PITH_NEWREF(k)
                          : what == 1 ? PITH_NEWREF(v)
                                      : pith_tuple_pack(2, k, v);
            if (!x) {
                /* fill the rest so the list stays valid */
                for (; j < n; j++) PITH_LIST_SET(l, j, PITH_NEWREF(PITH_NONE));
                PITH_DECREF(l);
                return NULL;
            }
            PITH_LIST_SET(l, j++, x);
        }
        return l;
    }
}

PithObject *pith_dict_keys(PithObject *d) { return dict_list(d, 0); }
PithObject *pith_dict_values(PithObject *d) { return dict_list(d, 1); }
PithObject *pith_dict_items(PithObject *d) { return dict_list(d, 2); }

PithObject *pith_dict_copy(PithObject *o) {
    PithDict *src = (PithDict *)o, *d = dict_alloc(&pith_dict_type);
    if (!d) return NULL;
    if (src->used && dict_resize(d, log2_for((src->used * 3 + 1) / 2 + 1)) < 0) {
        PITH_DECREF(d);
        return NULL;
    }
    if (merge_dict(d, o, 1) < 0) PITH_CLEAR(d);
    return (PithObject *)d;
}

void pith_dict_clear(PithObject *o) {
    PithDict *d = (PithDict *)o;
    Keys *k = d->keys;
    if (!k) return;
    intptr_t n = k->nentries;
    d->keys = NULL;
    d->used = 0;
    bump(d);
    PithDictEntry *ep = DK_ENTRIES(k);
    for (intptr_t i = 0; i < n; i++) {
        PITH_XDECREF(ep[i].key);
        PITH_XDECREF(ep[i].value);
    }
    pith_mem_free(k);
}

PithObject *pith_dict_setdefault(PithObject *d, PithObject *key, PithObject *dflt) {
    intptr_t hash = pith_key_hash(key);
    if (hash == -1) return NULL;
    intptr_t ix = lookup((PithDict *)d, key, hash);
    if (ix == DKIX_ERROR) return NULL;
    if (ix >= 0) return DK_ENTRIES(((PithDict *)d)->keys)[ix].value;
    if (insert((PithDict *)d, key, hash, dflt) < 0) return NULL;
    return dflt;
}

/* ---- merging --------------------------------------------------------------- */

/* Store one pair per `override` (1 replace, 0 keep, 2 KeyError). */
static int merge_one(PithDict *a, PithObject *key, intptr_t hash, PithObject *value,
                     int override) {
    if (override != 1) {
        intptr_t ix = lookup(a, key, hash);
        if (ix == DKIX_ERROR) return -1;
        if (ix >= 0) {
            if (override == 0) return 0;
            pith_set_key_error(key);
            return -1;
        }
    }
    return insert(a, key, hash, value);
}

static int merge_dict(PithDict *a, PithObject *b, int override) {
    if ((PithObject *)a == b || ((PithDict *)b)->used == 0) return 0;
    intptr_t n, used = ((PithDict *)b)->used;
    PithDictEntry *ep = pith_dict_entries(b, &n);
    for (intptr_t i = 0; i < n; i++) {
        if (!ep[i].key) continue;
        PithObject *k = PITH_NEWREF(ep[i].key), *v = PITH_NEWREF(ep[i].value);
        int rc = merge_one(a, k, ep[i].hash, v, override);
        PITH_DECREF(k);
        PITH_DECREF(v);
        if (rc < 0) return -1;
        ep = pith_dict_entries(b, &n);
        if (((PithDict *)b)->used != used) {
            pith_err_set_string(&pith_exc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

static int merge_mapping(PithDict *a, PithObject *b, int override) {
    PithObject *keys = pith_call_method(b, "keys", NULL, 0);
    PithObject *it = keys ? pith_get_iter(keys) : NULL, *key;
    PITH_XDECREF(keys);
    if (!it) return -1;
    while ((key = pith_iter_next(it))) {
        intptr_t hash = pith_key_hash(key);
        PithObject *value = hash == -1 ? NULL : pith_getitem(b, key);
        int rc = value ? merge_one(a, key, hash, value, override) : -1;
        PITH_XDECREF(value);
        PITH_DECREF(key);
        if (rc < 0) break;
    }
    PITH_DECREF(it);
    return pith_err_occurred() ? -1 : 0;
}

int pith_dict_merge(PithObject *a, PithObject *b, int override) {
    if (pith_dict_check(b) && PITH_TYPE(b)->tp_iter == pith_dict_type.tp_iter)
        return merge_dict((PithDict *)a, b, override);
    return merge_mapping((PithDict *)a, b, override);
}

/* Store one (key, value) element of an update sequence. */
static int merge_pair(PithDict *d, PithObject *item, intptr_t i) {
    PithObject *fast = pith_sequence_fast(item, "");
    if (!fast) {
        if (pith_err_matches(&pith_exc_TypeError)) {
            pith_err_clear();
            pith_err_format(&pith_exc_TypeError,
                            "cannot convert dictionary update sequence element #%zd to a sequence",
                            i);
        }
        return -1;
    }
    int rc = -1;
    if (PITH_SIZE(fast) != 2)
        pith_err_format(&pith_exc_ValueError,
                        "dictionary update sequence element #%zd has length %zd; 2 is required",
                        i, PITH_SIZE(fast));
    else
        rc = pith_dict_set_item((PithObject *)d, pith_seq_items(fast)[0],
                                pith_seq_items(fast)[1]);
    PITH_DECREF(fast);
    return rc;
}

static int merge_from_pairs(PithDict *d, PithObject *seq) {
    PithObject *it = pith_get_iter(seq), *item;
    if (!it) return -1;
    for (intptr_t i = 0; (item = pith_iter_next(it)); i++) {
        int rc = merge_pair(d, item, i);
        PITH_DECREF(item);
        if (rc < 0) break;
    }
    PITH_DECREF(it);
    return pith_err_occurred() ? -1 : 0;
}

int pith_dict_update(PithObject *d, PithObject *other) {
    if (pith_dict_check_exact(other)) return merge_dict((PithDict *)d, other, 1);
    static PithObject *keys_name;
    if (!keys_name && !(keys_name = pith_str_intern_cstr("keys"))) return -1;
    PithObject *attr;
    int found = pith_lookup_attr(other, keys_name, &attr);
    if (found < 0) return -1;
    if (found) {
        PITH_DECREF(attr);
        return pith_dict_merge(d, other, 1);
    }
    return merge_from_pairs((PithDict *)d, other);
}

/* ---- slots --------------------------------------------------------------- */

static void dict_dealloc(PithObject *o) {
    PithDict *d = (PithDict *)o;
    pith_gc_untrack(o);
    if (!pith_trash_begin(o, dict_dealloc)) return;
    Keys *k = d->keys;
    if (k) {
        PithDictEntry *ep = DK_ENTRIES(k);
        for (intptr_t i = 0; i < k->nentries; i++) {
            PITH_XDECREF(ep[i].key);
            PITH_XDECREF(ep[i].value);
        }
        pith_mem_free(k);
    }
    if (pith_dict_check_exact(o) && free_dict_count < DICT_FREE_MAX)
        free_dicts[free_dict_count++] = d;
    else
        pith_gc_del(o);
    pith_trash_end();
}

static int dict_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    intptr_t n;
    PithDictEntry *ep = pith_dict_entries(o, &n);
    for (intptr_t i = 0; i < n; i++) {
        if (!ep[i].key) continue;
        PITH_VISIT(ep[i].key);
        PITH_VISIT(ep[i].value);
    }
    return 0;
}

static int dict_tp_clear(PithObject *o) {
    pith_dict_clear(o);
    return 0;
}

static int append_repr(PithStrBuilder *sb, PithObject *o) {
    PithObject *r = pith_repr(o);
    if (!r) return -1;
    int rc = pith_sb_append_str(sb, r);
    PITH_DECREF(r);
    return rc;
}

static PithObject *dict_repr(PithObject *o) {
    if (((PithDict *)o)->used == 0) return pith_str_from_cstr("{}");
    int rc = pith_repr_enter(o);
    if (rc != 0) return rc > 0 ? pith_str_from_cstr("{...}") : NULL;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    bool first = true;
    intptr_t pos = 0;
    PithObject *k, *v;
    rc = pith_sb_append_char(&sb, '{');
    while (rc == 0 && pith_dict_next(o, &pos, &k, &v)) {
        PITH_INCREF(k);
        PITH_INCREF(v);
        if (!first) rc = pith_sb_append_utf8(&sb, ", ", 2);
        first = false;
        if (rc == 0) rc = append_repr(&sb, k);
        if (rc == 0) rc = pith_sb_append_utf8(&sb, ": ", 2);
        if (rc == 0) rc = append_repr(&sb, v);
        PITH_DECREF(k);
        PITH_DECREF(v);
    }
    if (rc == 0) rc = pith_sb_append_char(&sb, '}');
    pith_repr_leave(o);
    if (rc < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return pith_sb_finish(&sb);
}

/* a == b for dicts: 1/0/-1. */
static int dict_equal(PithObject *a, PithObject *b) {
    if (((PithDict *)a)->used != ((PithDict *)b)->used) return 0;
    intptr_t n;
    for (intptr_t i = 0;; i++) {
        PithDictEntry *ep = pith_dict_entries(a, &n);
        if (i >= n) return 1;
        if (!ep[i].key) continue;
        PithObject *k = PITH_NEWREF(ep[i].key), *v = PITH_NEWREF(ep[i].value);
        PithObject *bv = pith_dict_get_item_hash(b, k, ep[i].hash);
        int cmp;
        if (!bv) cmp = pith_err_occurred() ? -1 : 0;
        else {
            PITH_INCREF(bv);
            cmp = pith_richcompare_bool(v, bv, PITH_EQ);
            PITH_DECREF(bv);
        }
        PITH_DECREF(k);
        PITH_DECREF(v);
        if (cmp <= 0) return cmp;
    }
}

static PithObject *dict_richcompare(PithObject *a, PithObject *b, int op) {
    if (!pith_dict_check(a) || !pith_dict_check(b) || (op != PITH_EQ && op != PITH_NE))
        PITH_RETURN_NOTIMPL;
    int k = dict_equal(a, b);
    if (k < 0) return NULL;
    return pith_bool_from(op == PITH_EQ ? k : !k);
}

static intptr_t dict_length(PithObject *o) { return ((PithDict *)o)->used; }

static PithObject *missing_name(void) {
    static PithObject *name;
    if (!name) name = pith_str_intern_cstr("__missing__");
    return name;
}

static PithObject *dict_subscript(PithObject *o, PithObject *key) {
    intptr_t hash = pith_key_hash(key);
    if (hash == -1) return NULL;
    intptr_t ix = lookup((PithDict *)o, key, hash);
    if (ix == DKIX_ERROR) return NULL;
    if (ix >= 0) return PITH_NEWREF(DK_ENTRIES(((PithDict *)o)->keys)[ix].value);
    if (!pith_dict_check_exact(o) && missing_name()) {
        PithObject *m = pith_lookup_special(o, missing_name());
        if (m) {
            PithObject *r = pith_call_one(m, key);
            PITH_DECREF(m);
            return r;
        }
        if (pith_err_occurred()) return NULL;
    }
    pith_set_key_error(key);
    return NULL;
}

static int dict_ass_subscript(PithObject *o, PithObject *key, PithObject *value) {
    return value ? pith_dict_set_item(o, key, value) : pith_dict_del_item(o, key);
}

static int dict_sq_contains(PithObject *o, PithObject *key) {
    return pith_dict_contains(o, key);
}

static PithObject *dict_or(PithObject *a, PithObject *b) {
    if (!pith_dict_check(a) || !pith_dict_check(b)) PITH_RETURN_NOTIMPL;
    PithObject *r = pith_dict_copy(a);
    if (r && pith_dict_update(r, b) < 0) PITH_CLEAR(r);
    return r;
}

static PithObject *dict_ior(PithObject *a, PithObject *b) {
    if (pith_dict_update(a, b) < 0) return NULL;
    return PITH_NEWREF(a);
}

/* ---- methods ------------------------------------------------------------- */

#define METHOD(name)                                                           \
    static PithObject *name(PithObject *self, PithObject *const *args,         \
                            size_t nargs, PithObject *kwnames)

METHOD(dict_get) {
    if (pith_arg_check_range("get", nargs, 1, 2) < 0) return NULL;
    PithObject *v = pith_dict_get_item(self, args[0]);
    if (!v && pith_err_occurred()) return NULL;
    return PITH_NEWREF(v ? v : nargs > 1 ? args[1] : PITH_NONE);
}

METHOD(dict_setdefault_m) {
    if (pith_arg_check_range("setdefault", nargs, 1, 2) < 0) return NULL;
    PithObject *v = pith_dict_setdefault(self, args[0], nargs > 1 ? args[1] : PITH_NONE);
    return v ? PITH_NEWREF(v) : NULL;
}

METHOD(dict_pop) {
    if (pith_arg_check_range("pop", nargs, 1, 2) < 0) return NULL;
    PithDict *d = (PithDict *)self;
    if (d->used == 0) { /* as CPython: an empty dict does not hash the key */
        if (nargs > 1) return PITH_NEWREF(args[1]);
        pith_set_key_error(args[0]);
        return NULL;
    }
    intptr_t hash = pith_key_hash(args[0]);
    if (hash == -1) return NULL;
    intptr_t ix = lookup(d, args[0], hash);
    if (ix == DKIX_ERROR) return NULL;
    if (ix < 0) {
        if (nargs > 1) return PITH_NEWREF(args[1]);
        pith_set_key_error(args[0]);
        return NULL;
    }
    PithObject *v = PITH_NEWREF(DK_ENTRIES(d->keys)[ix].value);
    delete_entry(d, ix, hash);
    return v;
}

METHOD(dict_popitem) {
    PithDict *d = (PithDict *)self;
    if (d->used == 0) {
        pith_err_set_string(&pith_exc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    Keys *k = d->keys;
    intptr_t i = k->nentries - 1;
    PithDictEntry *ep = DK_ENTRIES(k);
    while (!ep[i].key) i--;
    PithObject *pair = pith_tuple_new(2);
    if (!pair) return NULL;
    set_index(k, slot_of(k, ep[i].hash, i), DKIX_DUMMY);
    PITH_TUPLE_SET(pair, 0, ep[i].key); /* ownership moves to the pair */
    PITH_TUPLE_SET(pair, 1, ep[i].value);
    ep[i].key = ep[i].value = NULL;
    k->nentries = i;
    d->used--;
    bump(d);
    return pair;
}

METHOD(dict_keys_m) { return pith_dictview_new(self, &pith_dict_keys_type); }
METHOD(dict_values_m) { return pith_dictview_new(self, &pith_dict_values_type); }
METHOD(dict_items_m) { return pith_dictview_new(self, &pith_dict_items_type); }

/* Apply positional (mapping or pairs) then keyword arguments. */
static int update_common(PithObject *self, PithObject *const *args, size_t nargs,
                         PithObject *kwnames, const char *fname) {
    if (pith_arg_check_range(fname, nargs, 0, 1) < 0) return -1;
    if (nargs && pith_dict_update(self, args[0]) < 0) return -1;
    intptr_t nk = kwnames ? PITH_SIZE(kwnames) : 0;
    for (intptr_t i = 0; i < nk; i++)
        if (pith_dict_set_item(self, PITH_TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
            return -1;
    return 0;
}

METHOD(dict_update_m) {
    if (update_common(self, args, nargs, kwnames, "update") < 0) return NULL;
    PITH_RETURN_NONE;
}

METHOD(dict_copy_m) { return pith_dict_copy(self); }

METHOD(dict_clear_m) {
    pith_dict_clear(self);
    PITH_RETURN_NONE;
}

METHOD(dict_fromkeys) {
    if (pith_arg_check_range("fromkeys", nargs, 1, 2) < 0) return NULL;
    PithObject *value = nargs > 1 ? args[1] : PITH_NONE;
    PithObject *d = pith_call_noargs(self);
    if (!d) return NULL;
    PithObject *it = pith_get_iter(args[0]), *key;
    if (!it) {
        PITH_DECREF(d);
        return NULL;
    }
    bool exact = pith_dict_check_exact(d);
    while ((key = pith_iter_next(it))) {
        int rc = exact ? pith_dict_set_item(d, key, value) : pith_setitem(d, key, value);
        PITH_DECREF(key);
        if (rc < 0) break;
    }
    PITH_DECREF(it);
    if (pith_err_occurred()) PITH_CLEAR(d);
    return d;
}

METHOD(dict_contains_m) {
    int k = pith_dict_contains(self, args[0]);
    return k < 0 ? NULL : pith_bool_from(k);
}

METHOD(dict_getitem_m) { return dict_subscript(self, args[0]); }

METHOD(dict_sizeof) {
    Keys *k = ((PithDict *)self)->keys;
    intptr_t n = (intptr_t)sizeof(PithDict);
    if (k)
        n += (intptr_t)sizeof(Keys) + DK_SIZE(k) * k->ix_bytes +
             USABLE_FRACTION(DK_SIZE(k)) * (intptr_t)sizeof(PithDictEntry);
    return pith_int_from_ssize(n);
}

METHOD(dict_reversed) { return pith_dict_reversed_iter(self); }

static PithObject *dict_new(PithType *type, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    return (PithObject *)dict_alloc(type);
}

static int dict_init(PithObject *self, PithObject *const *args, size_t nargs,
                     PithObject *kwnames) {
    return update_common(self, args, nargs, kwnames, "dict");
}

/* ---- type ---------------------------------------------------------------- */

static PithNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

static PithSequenceMethods dict_as_sequence = {.sq_contains = dict_sq_contains};

static PithMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_subscript,
};

static PithMethodDef dict_methods[] = {
    {"__class_getitem__", pith_generic_alias_class_getitem, PITH_METH_O | PITH_METH_CLASS, NULL},
    {"__contains__", dict_contains_m, PITH_METH_O, NULL},
    {"__getitem__", dict_getitem_m, PITH_METH_O, NULL},
    {"__sizeof__", dict_sizeof, PITH_METH_NOARGS, NULL},
    {"get", dict_get, PITH_METH_FAST, NULL},
    {"setdefault", dict_setdefault_m, PITH_METH_FAST, NULL},
    {"pop", dict_pop, PITH_METH_FAST, NULL},
    {"popitem", dict_popitem, PITH_METH_NOARGS, NULL},
    {"keys", dict_keys_m, PITH_METH_NOARGS, NULL},
    {"items", dict_items_m, PITH_METH_NOARGS, NULL},
    {"values", dict_values_m, PITH_METH_NOARGS, NULL},
    {"update", dict_update_m, PITH_METH_KW, NULL},
    {"fromkeys", dict_fromkeys, PITH_METH_FAST | PITH_METH_CLASS, NULL},
    {"clear", dict_clear_m, PITH_METH_NOARGS, NULL},
    {"copy", dict_copy_m, PITH_METH_NOARGS, NULL},
    {"__reversed__", dict_reversed, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_dict_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "dict",
    .tp_basicsize = sizeof(PithDict),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_DICT_SUBCLASS,
    .tp_doc = "dict() -> new empty dictionary",
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_hash = pith_hash_not_implemented,
    .tp_richcompare = dict_richcompare,
    .tp_iter = pith_dict_iter,
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_new = dict_new,
    .tp_init = dict_init,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_methods = dict_methods,
};
