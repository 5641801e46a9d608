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

/* The cycle collector (src/mem/gc.c). Automatic collection runs on GC
 * allocation when generation counts pass their thresholds (700, 10, 10);
 * PITHGCSTRESS=1 in the environment collects generation 0 at every one. */
intptr_t pith_gc_collect(int generation); /* number of unreachable objects found */
/* Run tp_finalize unless it already ran for o (PEP 442); 1 if it ran. */
int pith_gc_finalize_once(PithObject *o);
/* -X gcstress / PITHGCSTRESS=1: every GC allocation collects generation 0. */
void pith_gc_set_stress(bool on);
bool pith_gc_get_stress(void);
/* o is GC, not immortal, and not an untracked tuple: a container holding o
 * may take part in a cycle (CPython's _PyObject_GC_MAY_BE_TRACKED). */
bool pith_gc_may_be_tracked(PithObject *o);
/* Mark an instance attribute dict as not yet seen by Python code (it is
 * then left out of collect() counts and gc.garbage, as CPython 3.11 keeps
 * such attributes inline); unmarked when __dict__ hands it out. */
void pith_gc_set_hidden(PithObject *o, bool hidden);
bool pith_gc_is_hidden(PithObject *o);
bool pith_gc_is_enabled(void);
void pith_gc_enable(bool on);
int pith_gc_get_debug(void);
void pith_gc_set_debug(int flags);
void pith_gc_get_count(int out[3]);
void pith_gc_get_threshold(int out[3]);
void pith_gc_set_threshold(int generation, int value);
void pith_gc_get_stats(int generation, intptr_t *collections, intptr_t *collected);
bool pith_gc_is_finalized(PithObject *o);
PithObject **pith_gc_garbage_slot(void);   /* gc.garbage list (owned by gc.c) */
PithObject **pith_gc_callbacks_slot(void); /* gc.callbacks list */
/* fn(obj, arg) for each tracked object of generation g (-1 all, 3 permanent). */
int pith_gc_for_each(int generation, int (*fn)(PithObject *, void *), void *arg);
void pith_gc_freeze(void);
void pith_gc_unfreeze(void);
intptr_t pith_gc_freeze_count(void);

#endif
