/* dict.h — dict (objects/dict.c): compact, insertion-ordered hash table
 * (an index table of slots into a dense entries array), with views and
 * iterators. `version` changes on every mutation (for VM caches). */
#ifndef PITH_DICT_H
#define PITH_DICT_H

#include "object.h"

typedef struct PithDictEntry {
    intptr_t hash;
    PithObject *key;   /* NULL = deleted entry */
    PithObject *value;
} PithDictEntry;

typedef struct PithDict {
    PithObject ob;
    intptr_t used;     /* live entries */
    uint64_t version;
    struct PithDictKeys *keys; /* implementation-private */
} PithDict;

extern PithType pith_dict_type, pith_dict_keys_type, pith_dict_values_type,
    pith_dict_items_type;
#define pith_dict_check(o) PITH_TYPE_CHECK_FLAG(o, PITH_TPFLAGS_DICT_SUBCLASS)
#define pith_dict_check_exact(o) (PITH_TYPE(o) == &pith_dict_type)

PithObject *pith_dict_new(void);
/* Borrowed ref, or NULL: absent (no exception) or error (exception set). */
PithObject *pith_dict_get_item(PithObject *d, PithObject *key);
PithObject *pith_dict_get_item_str(PithObject *d, const char *key);
PithObject *pith_dict_get_item_hash(PithObject *d, PithObject *key, intptr_t hash);
int pith_dict_set_item(PithObject *d, PithObject *key, PithObject *value); /* no steal */
int pith_dict_set_item_str(PithObject *d, const char *key, PithObject *value);
int pith_dict_del_item(PithObject *d, PithObject *key); /* KeyError if absent */
int pith_dict_del_item_str(PithObject *d, const char *key);
int pith_dict_contains(PithObject *d, PithObject *key);
/* Iterate: pos starts at 0; returns 0 at the end. Borrowed key/value. */
int pith_dict_next(PithObject *d, intptr_t *pos, PithObject **key, PithObject **value);
intptr_t pith_dict_size(PithObject *d);
PithObject *pith_dict_keys(PithObject *d);   /* list */
PithObject *pith_dict_values(PithObject *d); /* list */
PithObject *pith_dict_items(PithObject *d);  /* list of tuples */
PithObject *pith_dict_copy(PithObject *d);
int pith_dict_update(PithObject *d, PithObject *other); /* mapping or pairs */
/* Merge mapping b into a; override 0 = keep existing, 2 = KeyError on dup. */
int pith_dict_merge(PithObject *a, PithObject *b, int override);
void pith_dict_clear(PithObject *d);
/* d.setdefault semantics: borrowed result. */
PithObject *pith_dict_setdefault(PithObject *d, PithObject *key, PithObject *dflt);

#endif
