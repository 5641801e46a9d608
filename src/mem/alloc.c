/* alloc.c — object allocation on top of L2: header initialisation for
 * non-GC objects (GC objects: gc.c). */
#include <string.h>

#include "mem_internal.h"
#include "pith/gc.h"
#include "pith/mem.h"
#include "pith/object.h"

/* Size of a var object with n items, or 0 on overflow. */
size_t pith_var_size(PithType *t, intptr_t n) {
    if (n < 0) return 0;
    size_t item = (size_t)t->tp_itemsize, base = (size_t)t->tp_basicsize;
    if (item && (size_t)n > ((size_t)PTRDIFF_MAX - base) / item) return 0;
    return base + item * (size_t)n;
}

static PithObject *init_header(void *mem, PithType *t) {
    PithObject *o = mem;
    o->refcnt = 1;
    o->type = t;
    if (t->tp_flags & PITH_TPFLAGS_HEAPTYPE) PITH_INCREF(t);
    return o;
}

PithObject *pith_obj_new(PithType *t) {
    if (t->tp_flags & PITH_TPFLAGS_HAVE_GC) return pith_gc_new(t);
    void *mem = pith_obj_calloc(1, (size_t)t->tp_basicsize);
    return mem ? init_header(mem, t) : NULL;
}

PithObject *pith_obj_new_var(PithType *t, intptr_t n) {
    if (t->tp_flags & PITH_TPFLAGS_HAVE_GC) return pith_gc_new_var(t, n);
    size_t size = pith_var_size(t, n);
    void *mem = size ? pith_obj_calloc(1, size) : NULL;
    if (!mem) return NULL;
    PithObject *o = init_header(mem, t);
    ((PithVarObject *)o)->size = n;
    return o;
}

void pith_obj_free(void *o) { pith_obj_mfree(o); }

/* Used by gc.c: initialise the header of a freshly allocated GC object. */
PithObject *pith_init_object_header(void *mem, PithType *t) {
    return init_header(mem, t);
}
