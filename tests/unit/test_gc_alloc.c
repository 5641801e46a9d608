/* test_gc_alloc.c — GC pre-header layout, allocation of container objects,
 * tracking/untracking and resizing of tracked var objects. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "pith/gc.h"
#include "pith/mem.h"

typedef struct Box {
    PithVarObject ob;
    PithObject *items[];
} Box;

static PithType box_type = {
    PITH_VAR_HEAD_INIT(NULL, 0),
    .tp_name = "box",
    .tp_basicsize = sizeof(Box),
    .tp_itemsize = sizeof(PithObject *),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
};

int main(void) {
    CHECK(sizeof(PithGCHead) % PITH_ALIGNMENT == 0);
    PithObject *o = pith_gc_new_var(&box_type, 3);
    CHECK(o && PITH_REFCNT(o) == 1 && PITH_TYPE(o) == &box_type);
    CHECK(PITH_SIZE(o) == 3 && ((uintptr_t)o % PITH_ALIGNMENT) == 0);
    CHECK(((Box *)o)->items[0] == NULL && ((Box *)o)->items[2] == NULL);
    CHECK(!pith_gc_is_tracked(o));
    pith_gc_track(o);
    CHECK(pith_gc_is_tracked(o));
    PithObject *o2 = pith_obj_new_var(&box_type, 1); /* routed to the GC allocator */
    pith_gc_track(o2);
    ((Box *)o)->items[1] = o2;
    o = pith_gc_resize(o, 1000); /* moves; stays tracked and keeps content */
    CHECK(o && PITH_SIZE(o) == 1000 && pith_gc_is_tracked(o));
    CHECK(((Box *)o)->items[1] == o2);
    pith_gc_untrack(o);
    CHECK(!pith_gc_is_tracked(o));
    pith_gc_untrack(o); /* idempotent */
    pith_gc_del(o);
    pith_gc_del(o2); /* still tracked: gc_del untracks */
    CHECK(pith_gc_new_var(&box_type, INTPTR_MAX / 4) == NULL);
    return check_report("test_gc_alloc");
}
