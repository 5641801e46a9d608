/* set.h — set and frozenset (objects/set.c). */
#ifndef PITH_SET_H
#define PITH_SET_H

#include "object.h"

extern PithType pith_set_type, pith_frozenset_type, pith_set_iter_type; /* "set_iterator" */
#define pith_anyset_check(o)                                                   \
    (pith_type_ok(o, &pith_set_type) || pith_type_ok(o, &pith_frozenset_type))

PithObject *pith_set_new(PithObject *iterable);       /* iterable may be NULL */
PithObject *pith_frozenset_new(PithObject *iterable); /* iterable may be NULL */
int pith_set_add(PithObject *s, PithObject *key);
int pith_set_contains(PithObject *s, PithObject *key);
int pith_set_discard(PithObject *s, PithObject *key); /* 1 found, 0 not, -1 err */
intptr_t pith_set_size(PithObject *s);
/* Iterate: pos from 0; returns 0 at end. Borrowed key. */
int pith_set_next(PithObject *s, intptr_t *pos, PithObject **key);

#endif
