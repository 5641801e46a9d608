/* gc.c — GC pre-headers, allocation of container objects and the
 * generation lists.
 *
 * Invariants:
 *  - Every GC object is allocated as [PithGCHead][object] in one L2 block.
 *  - A tracked object is linked into exactly one generation list
 *    (gen[0..2], circular with a sentinel head); untracked => next == NULL.
 *  - gen0_allocs counts tracked allocations since the last collection; the
 *    collector (a later issue) runs when it exceeds threshold[0].
 */
#include <string.h>

#include "mem_internal.h"
#include "pith/gc.h"
#include "pith/mem.h"


#define NGENERATIONS 3

static PithGCHead generations[NGENERATIONS];
static int initialised;
static intptr_t gen0_allocs;

static void init_lists(void) {
    for (int i = 0; i < NGENERATIONS; i++)
        generations[i].next = generations[i].prev = &generations[i];
    initialised = 1;
}

static PithObject *gc_alloc(PithType *t, size_t size) {
    PithGCHead *h = pith_obj_calloc(1, sizeof(PithGCHead) + size);
    return h ? pith_init_object_header(PITH_GC_OBJ(h), t) : NULL;
}

PithObject *pith_gc_new(PithType *t) { return gc_alloc(t, (size_t)t->tp_basicsize); }

PithObject *pith_gc_new_var(PithType *t, intptr_t n) {
    size_t size = pith_var_size(t, n);
    if (!size) return NULL;
    PithObject *o = gc_alloc(t, size);
    if (o) ((PithVarObject *)o)->size = n;
    return o;
}

PithObject *pith_gc_resize(PithObject *o, intptr_t n) {
    size_t size = pith_var_size(PITH_TYPE(o), n);
    if (!size) return NULL;
    int tracked = pith_gc_is_tracked(o);
    if (tracked) pith_gc_untrack(o);
    PithGCHead *h = pith_obj_realloc(PITH_GC_HEAD(o), sizeof(PithGCHead) + size);
    if (!h) {
        if (tracked) pith_gc_track(o);
        return NULL;
    }
    o = PITH_GC_OBJ(h);
    ((PithVarObject *)o)->size = n;
    if (tracked) pith_gc_track(o);
    return o;
}

void pith_gc_track(void *o) {
    PithGCHead *h = PITH_GC_HEAD(o);
    if (h->next) return;
    if (!initialised) init_lists();
    PithGCHead *list = &generations[0];
    h->prev = list->prev;
    h->next = list;
    list->prev->next = h;
    list->prev = h;
    gen0_allocs++;
}

void pith_gc_untrack(void *o) {
    PithGCHead *h = PITH_GC_HEAD(o);
    if (!h->next) return;
    h->prev->next = h->next;
    h->next->prev = h->prev;
    h->next = h->prev = NULL;
    if (gen0_allocs > 0) gen0_allocs--;
}

bool pith_gc_is_tracked(void *o) { return PITH_GC_HEAD(o)->next != NULL; }

void pith_gc_del(void *o) {
    pith_gc_untrack(o);
    pith_obj_mfree(PITH_GC_HEAD(o));
}
