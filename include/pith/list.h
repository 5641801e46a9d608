/* list.h — list (objects/list.c, objects/listsort.c). */
#ifndef PITH_LIST_H
#define PITH_LIST_H

#include "object.h"

typedef struct PithList {
    PithVarObject ob; /* size = len */
    PithObject **items;
    intptr_t allocated;
} PithList;

extern PithType pith_list_type;
/* "list_iterator" and "list_reverseiterator" */
extern PithType pith_list_iter_type, pith_list_reviter_type;
#define pith_list_check(o) PITH_TYPE_CHECK_FLAG(o, PITH_TPFLAGS_LIST_SUBCLASS)
#define pith_list_check_exact(o) (PITH_TYPE(o) == &pith_list_type)
#define PITH_LIST_ITEMS(o) (((PithList *)(o))->items)
#define PITH_LIST_GET(o, i) (((PithList *)(o))->items[i])          /* borrowed */
#define PITH_LIST_SET(o, i, v) (((PithList *)(o))->items[i] = (v)) /* steals, no decref */

PithObject *pith_list_new(intptr_t n); /* n NULL slots to fill with PITH_LIST_SET */
int pith_list_append(PithObject *l, PithObject *v); /* does not steal */
int pith_list_insert(PithObject *l, intptr_t i, PithObject *v);
int pith_list_extend(PithObject *l, PithObject *iterable);
PithObject *pith_list_as_tuple(PithObject *l);
int pith_list_sort(PithObject *l); /* stable, like list.sort() */
int pith_list_reverse(PithObject *l);
PithObject *pith_list_get_slice(PithObject *l, intptr_t lo, intptr_t hi);

#endif
