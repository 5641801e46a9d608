/* structseq.c — struct sequences: tuple subclasses whose items also have
 * names (sys.version_info, os.stat_result, time.struct_time, ...), repr
 * "name(field=value, ...)". Items past n_visible are hidden: indexing, len,
 * comparison and hashing come from tuple and see only the visible items;
 * every named item is also an attribute. */
#include "pith/pith.h"

static PithStructSeqType *seqtype(PithObject *o) { return (PithStructSeqType *)PITH_TYPE(o); }

static PithObject *seq_field_get(PithObject *self, void *closure) {
    return PITH_NEWREF(PITH_TUPLE_GET(self, (intptr_t)closure));
}

static void seq_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    int n = seqtype(o)->n_fields;
    for (int i = n - 1; i >= 0; i--) PITH_XDECREF(PITH_TUPLE_GET(o, i));
    pith_gc_del(o);
}

static int seq_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    int n = seqtype(o)->n_fields;
    for (int i = 0; i < n; i++) PITH_VISIT(PITH_TUPLE_GET(o, i));
    return 0;
}

/* Name of the k-th named field (CPython's repr pairs visible item i with
 * the i-th named field, so stat_result shows st_atime=<int>). */
static const char *named_field(PithStructSeqType *st, int k) {
    for (int i = 0; i < st->n_fields; i++)
        if (st->fields[i] && k-- == 0) return st->fields[i];
    return "?";
}

static PithObject *seq_repr(PithObject *self) {
    PithStructSeqType *st = seqtype(self);
    PithStrBuilder sb;
    pith_sb_init(&sb);
    if (pith_sb_append_utf8(&sb, st->type.tp_name, -1) < 0 || pith_sb_append_char(&sb, '(') < 0)
        goto fail;
    for (int i = 0; i < st->n_visible; i++) {
        if (i > 0 && pith_sb_append_utf8(&sb, ", ", 2) < 0) goto fail;
        if (pith_sb_append_utf8(&sb, named_field(st, i), -1) < 0 ||
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

PithObject *pith_structseq_steal(PithStructSeqType *st, PithObject **items) {
    PithObject *o = pith_gc_new_var(&st->type, st->n_fields);
    if (!o) {
        for (int i = 0; i < st->n_fields; i++) PITH_XDECREF(items[i]);
        return pith_err_no_memory();
    }
    for (int i = 0; i < st->n_fields; i++) PITH_TUPLE_SET(o, i, items[i]);
    PITH_SIZE(o) = st->n_visible;
    pith_gc_track(o);
    return o;
}

static int seq_len_error(PithStructSeqType *st, intptr_t len) {
    const char *name = st->type.tp_name;
    if (len < st->n_visible) {
        if (st->n_visible == st->n_fields)
            pith_err_format(&pith_exc_TypeError, "%s() takes a %d-sequence (%zd-sequence given)",
                            name, st->n_visible, len);
        else
            pith_err_format(&pith_exc_TypeError,
                            "%s() takes an at least %d-sequence (%zd-sequence given)", name,
                            st->n_visible, len);
    } else if (st->n_visible == st->n_fields) {
        pith_err_format(&pith_exc_TypeError, "%s() takes a %d-sequence (%zd-sequence given)",
                        name, st->n_visible, len);
    } else {
        pith_err_format(&pith_exc_TypeError,
                        "%s() takes an at most %d-sequence (%zd-sequence given)", name,
                        st->n_fields, len);
    }
    return -1;
}

/* T(sequence, dict=None) */
static PithObject *seq_new(PithType *t, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    PithStructSeqType *st = (PithStructSeqType *)t;
    static const char *const kw[] = {"sequence", "dict"};
    PithArgSpec spec = {st->type.tp_name, kw, 2, 0, 1, 2};
    PithObject *a[2] = {NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    PithObject *dict = a[1] == PITH_NONE ? NULL : a[1];
    if (dict && !pith_dict_check(dict)) {
        pith_err_format(&pith_exc_TypeError, "%s() takes a dict as second arg, if any",
                        st->type.tp_name);
        return NULL;
    }
    PithObject *seq = pith_sequence_fast(a[0], "constructor requires a sequence");
    if (!seq) return NULL;
    intptr_t len = PITH_SIZE(seq);
    PithObject **src = pith_list_check(seq) ? PITH_LIST_ITEMS(seq) : PITH_TUPLE_ITEMS(seq);
    if (len < st->n_visible || len > st->n_fields) {
        seq_len_error(st, len);
        PITH_DECREF(seq);
        return NULL;
    }
    PithObject *items[64];
    int n = st->n_fields;
    for (int i = 0; i < n; i++) {
        PithObject *v = NULL;
        if (i < len) v = src[i];
        else if (dict && st->fields[i]) {
            v = pith_dict_get_item_str(dict, st->fields[i]);
            if (!v && pith_err_occurred()) {
                for (int j = 0; j < i; j++) PITH_DECREF(items[j]);
                PITH_DECREF(seq);
                return NULL;
            }
        }
        items[i] = PITH_NEWREF(v ? v : PITH_NONE);
    }
    PITH_DECREF(seq);
    PithObject *r = pith_structseq_steal(st, items);
    if (r && st->fixup) st->fixup(r);
    return r;
}

/* __reduce__: (type, (visible tuple, {hidden name: value})) */
static PithObject *seq_reduce(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    PithStructSeqType *st = seqtype(self);
    PithObject *vis = pith_tuple_from_array(PITH_TUPLE_ITEMS(self), st->n_visible);
    PithObject *d = pith_dict_new();
    PithObject *r = NULL;
    if (!vis || !d) goto done;
    for (int i = st->n_visible; i < st->n_fields; i++)
        if (st->fields[i] &&
            pith_dict_set_item_str(d, st->fields[i], PITH_TUPLE_GET(self, i)) < 0)
            goto done;
    PithObject *inner = pith_tuple_pack(2, vis, d);
    if (inner) r = pith_tuple_pack(2, (PithObject *)st, inner);
    PITH_XDECREF(inner);
done:
    PITH_XDECREF(vis);
    PITH_XDECREF(d);
    return r;
}

static PithMethodDef seq_methods[] = {
    {"__reduce__", seq_reduce, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int set_class_int(PithType *t, const char *name, long v) {
    PithObject *o = pith_int_from_i64(v);
    if (!o) return -1;
    int r = pith_dict_set_item_str(t->tp_dict, name, o);
    PITH_DECREF(o);
    return r;
}

static int set_match_args(PithStructSeqType *st) {
    PithObject *t = pith_tuple_new(st->n_visible - st->n_unnamed);
    if (!t) return -1;
    for (int i = 0, k = 0; i < st->n_visible; i++) {
        if (!st->fields[i]) continue;
        PithObject *s = pith_str_intern_cstr(st->fields[i]);
        if (!s) {
            for (int j = k; j < PITH_SIZE(t); j++) PITH_TUPLE_SET(t, j, PITH_NEWREF(PITH_NONE));
            PITH_DECREF(t);
            return -1;
        }
        PITH_TUPLE_SET(t, k++, s);
    }
    int r = pith_dict_set_item_str(st->type.tp_dict, "__match_args__", t);
    PITH_DECREF(t);
    return r;
}

int pith_structseq_init(PithStructSeqType *st, const char *name, const char *const *fields,
                        int n_fields, int n_visible) {
    if (st->type.tp_flags & PITH_TPFLAGS_READY) return 0;
    if (n_fields > 64) {
        PITH_BAD_INTERNAL_CALL();
        return -1;
    }
    int named = 0;
    for (int i = 0; i < n_fields; i++) named += fields[i] != NULL;
    PithGetSetDef *gs = pith_mem_calloc((size_t)named + 1, sizeof(PithGetSetDef));
    if (!gs) {
        pith_err_no_memory();
        return -1;
    }
    for (int i = 0, k = 0; i < n_fields; i++) {
        if (!fields[i]) continue;
        gs[k].name = fields[i];
        gs[k].get = seq_field_get;
        gs[k].closure = (void *)(intptr_t)i;
        k++;
    }
    st->fields = fields;
    st->n_fields = n_fields;
    st->n_visible = n_visible;
    st->n_unnamed = n_fields - named;
    PithType *t = &st->type;
    t->ob.ob.refcnt = PITH_IMMORTAL_REFCNT;
    t->ob.ob.type = &pith_type_type;
    t->tp_name = name;
    t->tp_basicsize = sizeof(PithTuple);
    t->tp_itemsize = sizeof(PithObject *);
    bool fixed = t->tp_flags & PITH_TPFLAGS_DISALLOW_INSTANTIATION;
    t->tp_flags |= PITH_TPFLAGS_TUPLE_SUBCLASS | PITH_TPFLAGS_HAVE_GC;
    t->tp_base = &pith_tuple_type;
    t->tp_repr = seq_repr;
    t->tp_dealloc = seq_dealloc;
    t->tp_traverse = seq_traverse;
    t->tp_new = fixed ? NULL : seq_new;
    t->tp_methods = seq_methods;
    t->tp_getset = gs;
    if (pith_type_ready(t) < 0) return -1;
    if (set_class_int(t, "n_fields", n_fields) < 0 ||
        set_class_int(t, "n_sequence_fields", n_visible) < 0 ||
        set_class_int(t, "n_unnamed_fields", st->n_fields - named) < 0 || set_match_args(st) < 0)
        return -1;
    pith_type_modified(t);
    return 0;
}

int pith_structseq_init_type(PithStructSeqType *st, const char *name,
                             const char *const *fields, int n) {
    if (st->type.tp_flags & PITH_TPFLAGS_READY) return 0;
    st->type.tp_flags = PITH_TPFLAGS_DISALLOW_INSTANTIATION;
    return pith_structseq_init(st, name, fields, n, n);
}

PithObject *pith_structseq_new(PithStructSeqType *st, PithObject *const *items) {
    PithObject *own[64];
    for (int i = 0; i < st->n_fields; i++) own[i] = PITH_NEWREF(items[i]);
    return pith_structseq_steal(st, own);
}
