/* containers_impl.h — private helpers shared by the container files
 * (list, tuple, dict, set, range, slice, iterators). Not a public contract.
 */
#ifndef PITH_CONTAINERS_IMPL_H
#define PITH_CONTAINERS_IMPL_H

#include "pith/pith.h"

/* ---- deferred deallocation ("trashcan") ----------------------------------
 * Dealloc of deeply nested containers would recurse in C once per level.
 * A container dealloc calls pith_trash_begin(o, its_dealloc) after
 * untracking o: 0 means "deferred" (o was queued, return immediately);
 * 1 means "go on", and the dealloc must then end with pith_trash_end().
 * Queued objects are deallocated later, from the outermost level, by
 * calling the recorded dealloc again. */
int pith_trash_begin(PithObject *o, pith_destructor dealloc);
void pith_trash_end(void);

/* iter(x) is x: tp_iter of every iterator type. */
PithObject *pith_iter_self(PithObject *o);

/* Rich comparison of two lists or two tuples (lexicographic). Lengths and
 * items are re-read at each step, so lists may mutate meanwhile. */
PithObject *pith_seq_richcompare(PithObject *v, PithObject *w, int op);

/* index()/count() bounds: an int (or __index__) clamped to ssize, or None
 * (returns 0 and leaves *out). TypeError otherwise. */
int pith_seq_bound_arg(PithObject *o, intptr_t *out);
/* Parse the optional start/stop of seq.index(x, start, stop) and clamp them
 * to [0, len]. */
int pith_seq_index_bounds(PithObject *const *args, size_t nargs, intptr_t len,
                          intptr_t *start, intptr_t *stop);

/* Convert an index object (int or __index__) for seq[i]: 0 or -1 with an
 * IndexError ("cannot fit 'int' into an index-sized integer"). */
int pith_seq_index_value(PithObject *key, intptr_t *out);

/* (type, (a, b, c)): the __reduce__ value of range and slice. */
PithObject *pith_reduce_args3(PithType *type, PithObject *a, PithObject *b, PithObject *c);

/* __reduce__ of a builtin iterator as CPython: (iter, (seq,), index) when
 * index >= 0, else (iter, (seq,)). `iter` is the current builtins' iter. */
PithObject *pith_iter_reduce(PithObject *seq, intptr_t index);
/* (iter, (rest,)): the remaining items of `it` consumed into a list
 * (dict/set/callable iterators), or `empty` when it is NULL. */
PithObject *pith_iter_reduce_exhausted(PithObject *empty);
/* (iter, (list(copy),)) for iterators that cannot be rebuilt from an
 * index: `copy` is a fresh iterator in the same state (consumed here,
 * reference stolen; NULL = error). */
PithObject *pith_iter_reduce_copy(PithObject *copy);
/* The index argument of an iterator's __setstate__ (TypeError "an integer
 * is required" for non-ints, OverflowError beyond ssize). 0 or -1. */
int pith_iter_state_index(PithObject *state, intptr_t *out);
/* __setstate__ of a forward sequence iterator: *index = state clamped to
 * [0, len]. Returns None or NULL. */
PithObject *pith_iter_setstate_fwd(PithObject *state, intptr_t len, intptr_t *index);

/* repr of the items of a list or tuple joined by ", " between open and
 * close (no recursion guard: callers add it). */
PithObject *pith_seq_repr(PithObject *seq, const char *open, const char *close);

/* Items and length of a list or tuple (re-read after any callback). */
static inline PithObject **pith_seq_items(PithObject *s) {
    return pith_list_check(s) ? PITH_LIST_ITEMS(s) : PITH_TUPLE_ITEMS(s);
}

/* A new 1-tuple (key,) raised as KeyError, so tuple keys print right. */
void pith_set_key_error(PithObject *key);

/* Hash for dict/set lookups: cached str hash, else pith_hash. */
static inline intptr_t pith_key_hash(PithObject *key) {
    if (PITH_TYPE(key) == &pith_str_type && ((PithStr *)key)->hash != -1)
        return ((PithStr *)key)->hash;
    return pith_hash(key);
}

/* Per-file type readiness (called from pith_containers_init). */
int pith_list_types_init(void);
int pith_tuple_types_init(void);
int pith_dict_types_init(void);
int pith_set_types_init(void);
int pith_range_types_init(void);
int pith_iterators_types_init(void);
int pith_memoryview_types_init(void);

/* listsort.c: sort items[0..n) in place, stable; keys NULL = items are the
 * keys. On error the arrays are still a permutation of the input. */
int pith_sort_items(PithObject **keys, PithObject **values, intptr_t n);

/* dict internals for dictview.c: the entries array (borrowed, NULL when
 * empty) and its length, deleted entries (key NULL) included. */
PithDictEntry *pith_dict_entries(PithObject *d, intptr_t *n);
int pith_dict_set_item_hash(PithObject *d, PithObject *key, intptr_t hash, PithObject *value);
PithObject *pith_dict_iter(PithObject *d);          /* iter(d): keys */
PithObject *pith_dict_reversed_iter(PithObject *d); /* reversed(d) */
PithObject *pith_dictview_new(PithObject *d, PithType *view_type);


#endif
