/* memoryview.c — the buffer protocol (pith_buffer_get) and the memoryview
 * type: a one-dimensional view of unsigned bytes (format 'B') over a bytes
 * or bytearray object.
 *
 * Invariants: `obj` is the bytes/bytearray that owns the memory (never
 * another memoryview: slicing composes offsets), NULL once released.
 * Element i lives at byte start + i*step of obj; 0 <= start and, when
 * len > 0, start + (len-1)*step is in range at creation. A bytearray may be
 * resized behind a view, so every access re-reads its data pointer and
 * checks the extent (mv_data) instead of caching a pointer.
 */
#include "containers_impl.h"
#include "pith/memoryview.h"

#include <string.h>

typedef struct {
    PithObject ob;
    PithObject *obj;
    intptr_t start, step, len;
    bool readonly;
} MemView;

#define MV(o) ((MemView *)(o))

/* ---- buffer protocol ------------------------------------------------------- */

bool pith_buffer_check(PithObject *o) {
    return pith_bytes_check(o) || pith_bytearray_check(o) || pith_memoryview_check(o);
}

static PithObject *released_error(void) {
    return pith_err_format(&pith_exc_ValueError,
                           "operation forbidden on released memoryview object");
}

/* Base pointer of the exporter behind m, NULL with an error if m is
 * released or its bytearray shrank below the view. */
static char *mv_data(MemView *m) {
    if (!m->obj) {
        released_error();
        return NULL;
    }
    const char *d;
    intptr_t n;
    pith_bytes_view(m->obj, &d, &n);
    if (m->len > 0) {
        intptr_t last = m->start + (m->len - 1) * m->step;
        if (m->start >= n || last < 0 || last >= n) {
            pith_err_set_string(&pith_exc_BufferError,
                                "memoryview: underlying buffer was resized");
            return NULL;
        }
    }
    return (char *)d;
}

int pith_buffer_get(PithObject *o, PithBuffer *view, bool writable) {
    const char *d;
    intptr_t n;
    bool readonly = !pith_bytearray_check(o);
    if (pith_memoryview_check(o)) {
        MemView *m = MV(o);
        char *base = mv_data(m);
        if (!base) return -1;
        if (m->step != 1 && m->len > 1) {
            pith_err_set_string(&pith_exc_BufferError,
                                "memoryview: underlying buffer is not C-contiguous");
            return -1;
        }
        d = base + m->start;
        n = m->len;
        readonly = m->readonly;
    } else if (!pith_bytes_view(o, &d, &n)) {
        pith_err_format(&pith_exc_TypeError, "a bytes-like object is required, not '%s'",
                        pith_type_name(o));
        return -1;
    }
    if (writable && readonly) {
        pith_err_set_string(&pith_exc_BufferError, "Object is not writable.");
        return -1;
    }
    view->obj = PITH_NEWREF(o);
    view->buf = (char *)d;
    view->len = n;
    view->readonly = readonly;
    return 0;
}

void pith_buffer_release(PithBuffer *view) { PITH_CLEAR(view->obj); }

/* ---- construction ------------------------------------------------------------ */

static PithObject *mv_alloc(PithObject *obj, intptr_t start, intptr_t step, intptr_t len,
                            bool readonly) {
    MemView *m = (MemView *)pith_obj_new(&pith_memoryview_type);
    if (!m) return NULL;
    m->obj = PITH_NEWREF(obj);
    m->start = start;
    m->step = step;
    m->len = len;
    m->readonly = readonly;
    return (PithObject *)m;
}

PithObject *pith_memoryview_new(PithObject *o) {
    if (pith_memoryview_check(o)) {
        MemView *m = MV(o);
        if (!m->obj) return released_error();
        return mv_alloc(m->obj, m->start, m->step, m->len, m->readonly);
    }
    const char *d;
    intptr_t n;
    if (!pith_bytes_view(o, &d, &n))
        return pith_err_format(&pith_exc_TypeError,
                               "memoryview: a bytes-like object is required, not '%s'",
                               pith_type_name(o));
    return mv_alloc(o, 0, 1, n, !pith_bytearray_check(o));
}

static PithObject *mv_new(PithType *type, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    static const char *const kw[] = {"object", NULL};
    static const PithArgSpec spec = {"memoryview", kw, 1, 0, 1, 1};
    PithObject *v[1];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    return pith_memoryview_new(v[0]);
}

static void mv_dealloc(PithObject *o) {
    PITH_XDECREF(MV(o)->obj);
    pith_obj_free(o);
}

/* ---- copying out ------------------------------------------------------------- */

/* The viewed bytes, gathered into a new bytes object. */
static PithObject *mv_tobytes(MemView *m) {
    char *base = mv_data(m);
    if (!base) return NULL;
    PithObject *b = pith_bytes_from(NULL, m->len);
    if (!b) return NULL;
    char *out = PITH_BYTES_DATA(b);
    for (intptr_t i = 0; i < m->len; i++) out[i] = base[m->start + i * m->step];
    return b;
}

PithObject *pith_buffer_to_bytes(PithObject *o) {
    if (pith_memoryview_check(o)) return mv_tobytes(MV(o));
    PithBuffer view;
    if (pith_buffer_get(o, &view, false) < 0) return NULL;
    PithObject *b = pith_bytes_from(view.buf, view.len);
    pith_buffer_release(&view);
    return b;
}

/* ---- sequence and mapping protocol --------------------------------------------- */

static intptr_t mv_length(PithObject *o) {
    if (!MV(o)->obj) {
        released_error();
        return -1;
    }
    return MV(o)->len;
}

/* Byte address of element i (already adjusted for negatives), or NULL. */
static unsigned char *mv_item_ptr(MemView *m, intptr_t i) {
    char *base = mv_data(m);
    if (!base) return NULL;
    if (i < 0 || i >= m->len) {
        pith_err_set_string(&pith_exc_IndexError, "index out of bounds on dimension 1");
        return NULL;
    }
    return (unsigned char *)base + m->start + i * m->step;
}

static PithObject *mv_item(PithObject *o, intptr_t i) {
    unsigned char *p = mv_item_ptr(MV(o), i);
    return p ? pith_int_from_i64(*p) : NULL;
}

/* Resolve an index key to an in-range-or-not position (negatives added). */
static int mv_index(MemView *m, PithObject *key, intptr_t *i) {
    if (pith_seq_index_value(key, i) < 0) return -1;
    if (*i < 0) *i += m->len;
    return 0;
}

/* The sub-view selected by slice `key` (new ref). */
static PithObject *mv_slice(MemView *m, PithObject *key) {
    intptr_t start, stop, step;
    if (pith_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
    intptr_t n = pith_slice_adjust(m->len, &start, &stop, step);
    intptr_t first = n > 0 ? m->start + start * m->step : m->start;
    return mv_alloc(m->obj, first, m->step * step, n, m->readonly);
}

static PithObject *invalid_key(void) {
    return pith_err_format(&pith_exc_TypeError, "memoryview: invalid slice key");
}

static PithObject *mv_subscript(PithObject *o, PithObject *key) {
    MemView *m = MV(o);
    if (!m->obj) return released_error();
    if (pith_slice_check(key)) return mv_slice(m, key);
    if (!pith_index_check(key)) return invalid_key();
    intptr_t i;
    if (mv_index(m, key, &i) < 0) return NULL;
    return mv_item(o, i);
}

/* The byte value for format 'B', or -1 with an error. */
static int byte_value(PithObject *v) {
    if (!pith_index_check(v)) {
        pith_err_set_string(&pith_exc_TypeError, "memoryview: invalid type for format 'B'");
        return -1;
    }
    intptr_t x = pith_number_as_ssize(v, NULL);
    if (x == -1 && pith_err_occurred()) return -1;
    if (x < 0 || x > 255) {
        pith_err_set_string(&pith_exc_ValueError, "memoryview: invalid value for format 'B'");
        return -1;
    }
    return (int)x;
}

/* m[slice] = buffer: same length required; the source is copied first so
 * overlapping views of one object work. */
static int mv_assign_slice(MemView *m, PithObject *key, PithObject *value) {
    PithObject *dst = mv_slice(m, key);
    if (!dst) return -1;
    PithObject *src = pith_buffer_to_bytes(value);
    int rc = -1;
    if (src && PITH_BYTES_SIZE(src) != MV(dst)->len) {
        pith_err_set_string(&pith_exc_ValueError,
                            "memoryview assignment: lvalue and rvalue have different structures");
    } else if (src) {
        MemView *d = MV(dst);
        char *base = mv_data(d);
        for (intptr_t i = 0; base && i < d->len; i++)
            base[d->start + i * d->step] = PITH_BYTES_DATA(src)[i];
        rc = base ? 0 : -1;
    }
    PITH_XDECREF(src);
    PITH_DECREF(dst);
    return rc;
}

static int mv_ass_subscript(PithObject *o, PithObject *key, PithObject *value) {
    MemView *m = MV(o);
    if (!m->obj) return released_error(), -1;
    if (m->readonly) {
        pith_err_set_string(&pith_exc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (!value) {
        pith_err_set_string(&pith_exc_TypeError, "cannot delete memory");
        return -1;
    }
    if (pith_slice_check(key)) return mv_assign_slice(m, key, value);
    if (!pith_index_check(key)) return invalid_key(), -1;
    intptr_t i;
    if (mv_index(m, key, &i) < 0) return -1;
    int b = byte_value(value);
    if (b < 0) return -1;
    unsigned char *p = mv_item_ptr(m, i);
    if (!p) return -1;
    *p = (unsigned char)b;
    return 0;
}

/* ---- comparison, hash, repr ---------------------------------------------------- */

static PithObject *mv_richcompare(PithObject *v, PithObject *w, int op) {
    if ((op != PITH_EQ && op != PITH_NE) || !pith_buffer_check(w)) PITH_RETURN_NOTIMPL;
    bool released = !MV(v)->obj || (pith_memoryview_check(w) && !MV(w)->obj);
    int eq = v == w;
    if (!released && !eq) {
        PithObject *a = mv_tobytes(MV(v));
        PithObject *b = a ? pith_buffer_to_bytes(w) : NULL;
        if (!b) {
            PITH_XDECREF(a);
            return NULL;
        }
        eq = PITH_BYTES_SIZE(a) == PITH_BYTES_SIZE(b) &&
             memcmp(PITH_BYTES_DATA(a), PITH_BYTES_DATA(b), (size_t)PITH_BYTES_SIZE(a)) == 0;
        PITH_DECREF(a);
        PITH_DECREF(b);
    }
    return PITH_NEWREF(pith_bool_from(op == PITH_EQ ? eq : !eq));
}

/* Equal to hash(bytes(m)); only read-only views are hashable. */
static intptr_t mv_hash(PithObject *o) {
    MemView *m = MV(o);
    if (!m->obj) return released_error(), -1;
    if (!m->readonly) {
        pith_err_set_string(&pith_exc_ValueError, "cannot hash writable memoryview object");
        return -1;
    }
    PithObject *b = mv_tobytes(m);
    if (!b) return -1;
    intptr_t h = pith_hash(b);
    PITH_DECREF(b);
    return h;
}

static PithObject *mv_repr(PithObject *o) {
    return pith_str_from_format(MV(o)->obj ? "<memory at %p>" : "<released memory at %p>", o);
}

/* ---- methods ------------------------------------------------------------------- */

static PithObject *mv_tobytes_m(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    static const char *const kw[] = {"order", NULL};
    static const PithArgSpec spec = {"tobytes", kw, 1, 0, 0, 1};
    PithObject *v[1];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    return mv_tobytes(MV(self));
}

static PithObject *mv_tolist(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    PithObject *b = mv_tobytes(MV(self));
    if (!b) return NULL;
    PithObject *l = pith_list_new(PITH_BYTES_SIZE(b));
    for (intptr_t i = 0; l && i < PITH_BYTES_SIZE(b); i++)
        PITH_LIST_SET(l, i, pith_int_from_i64((unsigned char)PITH_BYTES_DATA(b)[i]));
    PITH_DECREF(b);
    return l;
}

/* hex(sep=..., bytes_per_sep=...): same as bytes(m).hex(...). */
static PithObject *mv_hex(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    PithObject *b = mv_tobytes(MV(self));
    PithObject *meth = b ? pith_getattr_str(b, "hex") : NULL;
    PithObject *r = meth ? pith_call(meth, args, nargs, kwnames) : NULL;
    PITH_XDECREF(meth);
    PITH_XDECREF(b);
    return r;
}

static PithObject *mv_toreadonly(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    MemView *m = MV(self);
    if (!m->obj) return released_error();
    return mv_alloc(m->obj, m->start, m->step, m->len, true);
}

static PithObject *mv_release(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    PITH_CLEAR(MV(self)->obj);
    PITH_RETURN_NONE;
}

static PithObject *mv_enter(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    if (!MV(self)->obj) return released_error();
    return PITH_NEWREF(self);
}

static PithObject *mv_exit(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    return mv_release(self, NULL, 0, NULL);
}

static PithMethodDef mv_methods[] = {
    {"tobytes", mv_tobytes_m, PITH_METH_KW, NULL},
    {"tolist", mv_tolist, PITH_METH_NOARGS, NULL},
    {"hex", mv_hex, PITH_METH_KW, NULL},
    {"toreadonly", mv_toreadonly, PITH_METH_NOARGS, NULL},
    {"release", mv_release, PITH_METH_NOARGS, NULL},
    {"__enter__", mv_enter, PITH_METH_NOARGS, NULL},
    {"__exit__", mv_exit, PITH_METH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- attributes ---------------------------------------------------------------- */

/* (n,) from a new int reference (or NULL after an error). */
static PithObject *one_tuple(PithObject *n) {
    PithObject *t = n ? pith_tuple_pack(1, n) : NULL;
    PITH_XDECREF(n);
    return t;
}

enum { A_OBJ, A_NBYTES, A_READONLY, A_ITEMSIZE, A_FORMAT, A_NDIM, A_SHAPE, A_STRIDES,
       A_SUBOFFSETS, A_C_CONTIG, A_F_CONTIG, A_CONTIG };

static PithObject *mv_get(PithObject *o, void *closure) {
    MemView *m = MV(o);
    if (!m->obj) return released_error();
    bool contiguous = m->step == 1 || m->len <= 1;
    switch ((int)(intptr_t)closure) {
    case A_OBJ: return PITH_NEWREF(m->obj);
    case A_NBYTES: return pith_int_from_ssize(m->len);
    case A_READONLY: return PITH_NEWREF(pith_bool_from(m->readonly));
    case A_ITEMSIZE: return pith_int_from_i64(1);
    case A_FORMAT: return pith_str_from_cstr("B");
    case A_NDIM: return pith_int_from_i64(1);
    case A_SHAPE: return one_tuple(pith_int_from_ssize(m->len));
    case A_STRIDES: return one_tuple(pith_int_from_ssize(m->step));
    case A_SUBOFFSETS: return pith_tuple_new(0);
    default: return PITH_NEWREF(pith_bool_from(contiguous));
    }
}

#define MV_ATTR(name, which) {name, mv_get, NULL, NULL, (void *)(intptr_t)(which)}
static PithGetSetDef mv_getset[] = {
    MV_ATTR("obj", A_OBJ), MV_ATTR("nbytes", A_NBYTES), MV_ATTR("readonly", A_READONLY),
    MV_ATTR("itemsize", A_ITEMSIZE), MV_ATTR("format", A_FORMAT), MV_ATTR("ndim", A_NDIM),
    MV_ATTR("shape", A_SHAPE), MV_ATTR("strides", A_STRIDES),
    MV_ATTR("suboffsets", A_SUBOFFSETS), MV_ATTR("c_contiguous", A_C_CONTIG),
    MV_ATTR("f_contiguous", A_F_CONTIG), MV_ATTR("contiguous", A_CONTIG),
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- the type ------------------------------------------------------------------ */

static PithSequenceMethods mv_as_sequence = {
    .sq_length = mv_length,
    .sq_item = mv_item,
};

static PithMappingMethods mv_as_mapping = {
    .mp_length = mv_length,
    .mp_subscript = mv_subscript,
    .mp_ass_subscript = mv_ass_subscript,
};

PithType pith_memoryview_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "memoryview",
    .tp_basicsize = sizeof(MemView),
    .tp_doc = "Create a new memoryview object which references the given object.",
    .tp_dealloc = mv_dealloc,
    .tp_repr = mv_repr,
    .tp_hash = mv_hash,
    .tp_richcompare = mv_richcompare,
    .tp_new = mv_new,
    .tp_as_sequence = &mv_as_sequence,
    .tp_as_mapping = &mv_as_mapping,
    .tp_methods = mv_methods,
    .tp_getset = mv_getset,
};
