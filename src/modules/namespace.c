/* namespace.c — types.SimpleNamespace: an object whose attributes live in
 * its __dict__, with repr "namespace(a=1, b=2)" (used for sys.implementation). */
#include "pith/pith.h"

typedef struct PithNamespace {
    PithObject ob;
    PithObject *dict; /* never NULL once constructed */
} PithNamespace;

#define NS(o) ((PithNamespace *)(o))

static PithObject *alloc_ns(PithType *t) {
    PithObject *o = pith_gc_new(t);
    if (!o) return NULL;
    NS(o)->dict = pith_dict_new();
    if (!NS(o)->dict) {
        PITH_DECREF(o);
        return NULL;
    }
    pith_gc_track(o);
    return o;
}

PithObject *pith_namespace_new(PithObject *dict) {
    PithObject *o = alloc_ns(&pith_namespace_type);
    if (o && dict && pith_dict_update(NS(o)->dict, dict) < 0) PITH_CLEAR(o);
    return o;
}

static PithObject *ns_new(PithType *t, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    if (nargs > 0)
        return pith_err_format(&pith_exc_TypeError,
                               "no positional arguments expected");
    PithObject *o = alloc_ns(t);
    intptr_t nk = kwnames ? PITH_SIZE(kwnames) : 0;
    for (intptr_t i = 0; o && i < nk; i++)
        if (pith_dict_set_item(NS(o)->dict, PITH_TUPLE_GET(kwnames, i), args[i]) < 0)
            PITH_CLEAR(o);
    return o;
}

static PithObject *ns_repr(PithObject *self) {
    const char *name = PITH_TYPE(self) == &pith_namespace_type ? "namespace"
                                                              : PITH_TYPE(self)->tp_name;
    int r = pith_repr_enter(self);
    if (r != 0) return r > 0 ? pith_str_from_format("%s(...)", name) : NULL;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    int ok = pith_sb_append_utf8(&sb, name, -1) == 0 && pith_sb_append_char(&sb, '(') == 0;
    intptr_t pos = 0, n = 0;
    PithObject *k, *v;
    while (ok && pith_dict_next(NS(self)->dict, &pos, &k, &v)) {
        if (!pith_str_check(k)) continue;
        ok = (n++ == 0 || pith_sb_append_utf8(&sb, ", ", 2) == 0) &&
             pith_sb_append_str(&sb, k) == 0 && pith_sb_append_char(&sb, '=') == 0 &&
             pith_sb_append_repr(&sb, v) == 0;
    }
    ok = ok && pith_sb_append_char(&sb, ')') == 0;
    pith_repr_leave(self);
    if (!ok) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return pith_sb_finish(&sb);
}

static PithObject *ns_richcompare(PithObject *a, PithObject *b, int op) {
    if ((op != PITH_EQ && op != PITH_NE) || !pith_type_ok(b, &pith_namespace_type))
        PITH_RETURN_NOTIMPL;
    return pith_richcompare(NS(a)->dict, NS(b)->dict, op);
}

static int ns_traverse(PithObject *self, pith_visitproc visit, void *arg) {
    PITH_VISIT(NS(self)->dict);
    return 0;
}

static int ns_clear(PithObject *self) {
    PITH_CLEAR(NS(self)->dict);
    return 0;
}

static void ns_dealloc(PithObject *self) {
    pith_gc_untrack(self);
    PITH_XDECREF(NS(self)->dict);
    pith_gc_del(self);
}

PithType pith_namespace_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(PithNamespace),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,
    .tp_dealloc = ns_dealloc,
    .tp_repr = ns_repr,
    .tp_richcompare = ns_richcompare,
    .tp_traverse = ns_traverse,
    .tp_clear = ns_clear,
    .tp_new = ns_new,
    .tp_dictoffset = offsetof(PithNamespace, dict),
};
