/* containers.c — what the container types share: the deferred-dealloc
 * queue ("trashcan"), lexicographic sequence comparison, index-argument
 * helpers, sequence repr, KeyError raising, and pith_containers_init().
 */
#include "containers_impl.h"
#include "pith/memoryview.h"

/* ---- trashcan -------------------------------------------------------------
 * Invariant: queued objects have refcnt 0, are untracked (gc head next ==
 * NULL); head->prev chains the queue and head->gc_refs holds the dealloc
 * function to call again. */
#define TRASH_MAX_DEPTH 50

static int trash_depth;
static PithGCHead *trash_queue;

int pith_trash_begin(PithObject *o, pith_destructor dealloc) {
    /* Only the object's own tp_dealloc may defer it: a base dealloc called
     * from a subclass's (heaptype.c) must finish what the subclass began. */
    if (trash_depth >= TRASH_MAX_DEPTH && PITH_TYPE(o)->tp_dealloc == dealloc) {
        PithGCHead *h = PITH_GC_HEAD(o);
        h->prev = trash_queue;
        h->gc_refs = (intptr_t)dealloc;
        trash_queue = h;
        return 0;
    }
    trash_depth++;
    return 1;
}

void pith_trash_end(void) {
    trash_depth--;
    /* Drain only from the outermost level so the C stack stays shallow. */
    while (trash_depth == 0 && trash_queue) {
        PithGCHead *h = trash_queue;
        trash_queue = h->prev;
        pith_destructor d = (pith_destructor)h->gc_refs;
        h->prev = NULL;
        h->gc_refs = 0;
        d(PITH_GC_OBJ(h));
    }
}

PithObject *pith_iter_self(PithObject *o) { return PITH_NEWREF(o); }

/* ---- sequences ----------------------------------------------------------- */

static bool cmp_sizes(intptr_t a, intptr_t b, int op) {
    switch (op) {
    case PITH_LT: return a < b;
    case PITH_LE: return a <= b;
    case PITH_EQ: return a == b;
    case PITH_NE: return a != b;
    case PITH_GT: return a > b;
    default: return a >= b;
    }
}

PithObject *pith_seq_richcompare(PithObject *v, PithObject *w, int op) {
    if (PITH_SIZE(v) != PITH_SIZE(w) && (op == PITH_EQ || op == PITH_NE))
        return pith_bool_from(op == PITH_NE);
    intptr_t i;
    for (i = 0; i < PITH_SIZE(v) && i < PITH_SIZE(w); i++) {
        PithObject *a = pith_seq_items(v)[i], *b = pith_seq_items(w)[i];
        if (a == b) continue;
        PITH_INCREF(a);
        PITH_INCREF(b);
        int k = pith_richcompare_bool(a, b, PITH_EQ);
        PITH_DECREF(a);
        PITH_DECREF(b);
        if (k < 0) return NULL;
        if (!k) break;
    }
    if (i >= PITH_SIZE(v) || i >= PITH_SIZE(w))
        return pith_bool_from(cmp_sizes(PITH_SIZE(v), PITH_SIZE(w), op));
    if (op == PITH_EQ) PITH_RETURN_FALSE;
    if (op == PITH_NE) PITH_RETURN_TRUE;
    PithObject *a = pith_seq_items(v)[i], *b = pith_seq_items(w)[i];
    PITH_INCREF(a);
    PITH_INCREF(b);
    PithObject *r = pith_richcompare(a, b, op);
    PITH_DECREF(a);
    PITH_DECREF(b);
    return r;
}

int pith_seq_bound_arg(PithObject *o, intptr_t *out) {
    if (o == PITH_NONE) return 0;
    if (!pith_index_check(o)) {
        pith_err_set_string(&pith_exc_TypeError,
                            "slice indices must be integers or have an __index__ method");
        return -1;
    }
    intptr_t v = pith_number_as_ssize(o, NULL);
    if (v == -1 && pith_err_occurred()) return -1;
    *out = v;
    return 0;
}

static intptr_t clamp_bound(intptr_t v, intptr_t len) {
    if (v < 0) {
        v += len;
        if (v < 0) v = 0;
    }
    return v > len ? len : v;
}

int pith_seq_index_bounds(PithObject *const *args, size_t nargs, intptr_t len,
                          intptr_t *start, intptr_t *stop) {
    *start = 0;
    *stop = INTPTR_MAX;
    if (nargs > 0 && pith_seq_bound_arg(args[0], start) < 0) return -1;
    if (nargs > 1 && pith_seq_bound_arg(args[1], stop) < 0) return -1;
    *start = clamp_bound(*start, len);
    *stop = clamp_bound(*stop, len);
    return 0;
}

int pith_seq_index_value(PithObject *key, intptr_t *out) {
    intptr_t v = pith_number_as_ssize(key, &pith_exc_IndexError);
    if (v == -1 && pith_err_occurred()) return -1;
    *out = v;
    return 0;
}

PithObject *pith_reduce_args3(PithType *type, PithObject *a, PithObject *b, PithObject *c) {
    PithObject *t = pith_tuple_pack(3, a, b, c);
    if (!t) return NULL;
    PithObject *r = pith_tuple_pack(2, (PithObject *)type, t);
    PITH_DECREF(t);
    return r;
}

/* ---- pickling support of iterators ----------------------------------------- */

static PithObject *builtin_iter(void) {
    PithObject *b = pith_eval_get_builtins();
    PithObject *f = b ? pith_dict_get_item_str(b, "iter") : NULL;
    if (!f) pith_err_set_string(&pith_exc_RuntimeError, "lost builtins.iter");
    return f;
}

PithObject *pith_iter_reduce(PithObject *seq, intptr_t index) {
    PithObject *f = builtin_iter();
    if (!f) return NULL;
    PithObject *a = pith_tuple_pack(1, seq);
    if (!a) return NULL;
    PithObject *r;
    if (index < 0) {
        r = pith_tuple_pack(2, f, a);
    } else {
        PithObject *i = pith_int_from_ssize(index);
        r = i ? pith_tuple_pack(3, f, a, i) : NULL;
        PITH_XDECREF(i);
    }
    PITH_DECREF(a);
    return r;
}

PithObject *pith_iter_reduce_exhausted(PithObject *empty) {
    return pith_iter_reduce(empty, -1);
}

PithObject *pith_iter_reduce_copy(PithObject *copy) {
    if (!copy) return NULL;
    PithObject *l = pith_sequence_list(copy);
    PITH_DECREF(copy);
    PithObject *r = l ? pith_iter_reduce(l, -1) : NULL;
    PITH_XDECREF(l);
    return r;
}

int pith_iter_state_index(PithObject *state, intptr_t *out) {
    if (!pith_int_check(state)) {
        pith_err_set_string(&pith_exc_TypeError, "an integer is required");
        return -1;
    }
    int overflow = 0;
    int64_t v = pith_int_as_i64_overflow(state, &overflow);
    if (overflow) {
        pith_err_set_string(&pith_exc_OverflowError,
                            "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = (intptr_t)v;
    return 0;
}

PithObject *pith_iter_setstate_fwd(PithObject *state, intptr_t len, intptr_t *index) {
    intptr_t i;
    if (pith_iter_state_index(state, &i) < 0) return NULL;
    *index = i < 0 ? 0 : (i > len ? len : i);
    PITH_RETURN_NONE;
}

PithObject *pith_seq_repr(PithObject *seq, const char *open, const char *close) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    if (pith_sb_append_utf8(&sb, open, -1) < 0) goto error;
    for (intptr_t i = 0; i < PITH_SIZE(seq); i++) {
        if (i > 0 && pith_sb_append_utf8(&sb, ", ", 2) < 0) goto error;
        PithObject *item = PITH_NEWREF(pith_seq_items(seq)[i]);
        PithObject *r = pith_repr(item);
        PITH_DECREF(item);
        if (!r) goto error;
        int rc = pith_sb_append_str(&sb, r);
        PITH_DECREF(r);
        if (rc < 0) goto error;
    }
    if (pith_sb_append_utf8(&sb, close, -1) < 0) goto error;
    return pith_sb_finish(&sb);
error:
    pith_sb_discard(&sb);
    return NULL;
}

void pith_set_key_error(PithObject *key) {
    PithObject *args = pith_tuple_pack(1, key);
    if (!args) return;
    PithObject *exc = pith_exc_new(&pith_exc_KeyError, args);
    PITH_DECREF(args);
    if (exc) pith_err_restore(exc);
}

/* ---- start-up ------------------------------------------------------------ */

int pith_containers_init(void) {
    if (pith_tuple_types_init() < 0 || pith_list_types_init() < 0 ||
        pith_dict_types_init() < 0 || pith_set_types_init() < 0 ||
        pith_range_types_init() < 0 || pith_iterators_types_init() < 0 ||
        pith_memoryview_types_init() < 0)
        return -1;
    return 0;
}
