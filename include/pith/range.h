/* range.h — range, slice and the builtin iterator types enumerate, zip,
 * reversed, map, filter (objects/range.c, objects/slice.c, objects/iterators.c). */
#ifndef PITH_RANGE_H
#define PITH_RANGE_H

#include "object.h"

extern PithType pith_range_type, pith_slice_type, pith_enumerate_type,
    pith_zip_type, pith_reversed_type, pith_map_type, pith_filter_type;
/* "range_iterator" (values fit in int64) and "longrange_iterator". */
extern PithType pith_range_iter_type, pith_longrange_iter_type;

typedef struct PithSlice {
    PithObject ob;
    PithObject *start, *stop, *step; /* never NULL: None when omitted */
} PithSlice;
#define pith_slice_check(o) (PITH_TYPE(o) == &pith_slice_type)

PithObject *pith_range_new(PithObject *start, PithObject *stop, PithObject *step);
PithObject *pith_slice_new(PithObject *start, PithObject *stop, PithObject *step); /* NULL = None */
/* Evaluate slice fields (ints via __index__, clamped) -> 0 or -1. */
int pith_slice_unpack(PithObject *slice, intptr_t *start, intptr_t *stop, intptr_t *step);
/* Clamp to a sequence length; returns the slice length. */
intptr_t pith_slice_adjust(intptr_t length, intptr_t *start, intptr_t *stop, intptr_t step);

#endif
