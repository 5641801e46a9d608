/* gc.h — the GC pre-header and tracking of container objects.
 *
 * Objects of types with PITH_TPFLAGS_HAVE_GC are allocated with a PithGCHead
 * immediately in front of them (one L2 block holds both). Tracked objects are
 * linked into generation lists; the collector itself is src/mem/gc.c.
 * Invariant: an object is tracked iff head->next != NULL.
 */
#ifndef PITH_GC_H
#define PITH_GC_H

#include "object.h"

typedef struct PithGCHead {
    struct PithGCHead *next, *prev; /* generation list links */
    intptr_t gc_refs;               /* scratch during collection + flags */
    uintptr_t gc_flags;
} PithGCHead;

#define PITH_GC_HEAD(o) ((PithGCHead *)(o) - 1)
#define PITH_GC_OBJ(h) ((PithObject *)((PithGCHead *)(h) + 1))
#define PITH_IS_GC(o) PITH_TYPE_CHECK_FLAG(o, PITH_TPFLAGS_HAVE_GC)

/* Allocate a GC object (untracked, refcnt 1, zeroed body). */
PithObject *pith_gc_new(PithType *type);
PithObject *pith_gc_new_var(PithType *type, intptr_t n);
PithObject *pith_gc_resize(PithObject *o, intptr_t n); /* var objects */
void pith_gc_del(void *o); /* free memory; untracks if still tracked */
void pith_gc_track(void *o);
void pith_gc_untrack(void *o);
bool pith_gc_is_tracked(void *o);

#endif
