/* structseq.c — struct sequences: tuple subclasses whose items also have
 * names (sys.version_info, sys.flags, ...), repr "name(field=value, ...)".
 *
 * Invariant: a struct sequence type's tp_getset lists exactly its fields, in
 * order, with closure = the item index; the repr walks that table. */
#include "pith/pith.h"

static PithObject *field_get(PithObject *self, void *closure) {
    intptr_t i = (intptr_t)closure;
    return PITH_NEWREF(PITH_TUPLE_GET(self, i));
}

static PithObject *structseq_repr(PithObject *self) {
    PithType *t = PITH_TYPE(self);
    PithStrBuilder sb;
    pith_sb_init(&sb);
    if (pith_sb_append_utf8(&sb, t->tp_name, -1) < 0 || pith_sb_append_char(&sb, '(') < 0)
        goto fail;
    for (intptr_t i = 0; t->tp_getset[i].name && i < PITH_SIZE(self); i++) {
        if (i > 0 && pith_sb_append_utf8(&sb, ", ", 2) < 0) goto fail;
        if (pith_sb_append_utf8(&sb, t->tp_getset[i].name, -1) < 0 ||
            pith_sb_append_char(&sb, '=') < 0 ||
            pith_sb_append_repr(&sb, PITH_TUPLE_GET(self, i)) < 0)
            goto fail;
    }
    if (pith_sb_append_char(&sb, ')') < 0) goto fail;
    return pith_sb_finish(&sb);
fail:
    pith_sb_discard(&sb);
    return NULL;
}

int pith_structseq_init_type(PithType *t, const char *name,
                             const char *const *fields, int n) {
    PithGetSetDef *gs = pith_mem_calloc((size_t)n + 1, sizeof(PithGetSetDef));
    if (!gs) {
        pith_err_no_memory();
        return -1;
    }
    for (int i = 0; i < n; i++) {
        gs[i].name = fields[i];
        gs[i].get = field_get;
        gs[i].closure = (void *)(intptr_t)i;
    }
    t->ob.ob.refcnt = PITH_IMMORTAL_REFCNT;
    t->ob.ob.type = &pith_type_type;
    t->tp_name = name;
    t->tp_basicsize = sizeof(PithTuple);
    t->tp_itemsize = sizeof(PithObject *);
    t->tp_flags = PITH_TPFLAGS_TUPLE_SUBCLASS | PITH_TPFLAGS_HAVE_GC |
                  PITH_TPFLAGS_DISALLOW_INSTANTIATION;
    t->tp_base = &pith_tuple_type;
    t->tp_repr = structseq_repr;
    t->tp_getset = gs;
    return pith_type_ready(t);
}

PithObject *pith_structseq_new(PithType *t, PithObject *const *items) {
    intptr_t n = 0;
    while (t->tp_getset[n].name) n++;
    PithObject *o = pith_gc_new_var(t, n);
    if (!o) return NULL;
    PITH_SIZE(o) = n;
    for (intptr_t i = 0; i < n; i++) PITH_TUPLE_SET(o, i, PITH_NEWREF(items[i]));
    pith_gc_track(o);
    return o;
}
