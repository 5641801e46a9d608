/* tuple.h — tuple (objects/tuple.c). The empty tuple is an immortal singleton;
 * small tuples come from per-size free lists (L3). */
#ifndef PITH_TUPLE_H
#define PITH_TUPLE_H

#include "object.h"

typedef struct PithTuple {
    PithVarObject ob;
    PithObject *items[];
} PithTuple;

extern PithType pith_tuple_type, pith_tuple_iter_type; /* "tuple_iterator" */
#define pith_tuple_check(o) PITH_TYPE_CHECK_FLAG(o, PITH_TPFLAGS_TUPLE_SUBCLASS)
#define pith_tuple_check_exact(o) (PITH_TYPE(o) == &pith_tuple_type)
#define PITH_TUPLE_ITEMS(o) (((PithTuple *)(o))->items)
#define PITH_TUPLE_GET(o, i) (((PithTuple *)(o))->items[i])          /* borrowed */
#define PITH_TUPLE_SET(o, i, v) (((PithTuple *)(o))->items[i] = (v)) /* steals */

PithObject *pith_tuple_new(intptr_t n); /* NULL slots; fill all with PITH_TUPLE_SET */
PithObject *pith_tuple_pack(intptr_t n, ...); /* does not steal */
PithObject *pith_tuple_from_array(PithObject *const *items, intptr_t n); /* increfs */
PithObject *pith_tuple_get_slice(PithObject *t, intptr_t lo, intptr_t hi);

#endif
