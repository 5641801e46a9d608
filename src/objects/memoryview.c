/* memoryview.c — the buffer protocol (pith_buffer_get) and the memoryview
 * type: a one-dimensional view over a bytes or bytearray object, of
 * unsigned bytes (format 'B') unless cast() to another native struct
 * format (b B c ? h H i I l L q Q n N P f d).
 *
 * Invariants: `obj` is the bytes/bytearray that owns the memory (never
 * another memoryview: slicing composes offsets), NULL once released.
 * Element i occupies itemsize bytes from byte start + i*step of obj (step
 * is a byte stride, a multiple of itemsize); 0 <= start and, when len > 0,
 * the last element is in range at creation. A bytearray may be resized
 * behind a view, so every access re-reads its data pointer and checks the
 * extent (mv_data) instead of caching a pointer.
 */
#include "containers_impl.h"
#include "pith/memoryview.h"

#include <string.h>

typedef struct {
    PithObject ob;
    PithObject *obj;
    intptr_t start, step, len; /* byte offset, byte stride, item count */
    bool readonly;
    bool fmt_at;  /* the format was spelled "@x" */
    char fmt;     /* struct format character */
    int itemsize; /* bytes per item */
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
        if (m->start >= n || last < 0 || last + m->itemsize > n) {
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
        if (m->step != m->itemsize && m->len > 1) {
            pith_err_set_string(&pith_exc_BufferError,
                                "memoryview: underlying buffer is not C-contiguous");
            return -1;
        }
        d = base + m->start;
        n = m->len * m->itemsize;
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
    m->fmt = 'B';
    m->itemsize = 1;
    return (PithObject *)m;
}

/* A view of src's memory with src's format. */
static PithObject *mv_derive(MemView *src, intptr_t start, intptr_t step, intptr_t len,
                             bool readonly) {
    PithObject *r = mv_alloc(src->obj, start, step, len, readonly);
    if (r) {
        MV(r)->fmt = src->fmt;
        MV(r)->fmt_at = src->fmt_at;
        MV(r)->itemsize = src->itemsize;
    }
    return r;
}

PithObject *pith_memoryview_new(PithObject *o) {
    if (pith_memoryview_check(o)) {
        MemView *m = MV(o);
        if (!m->obj) return released_error();
        return mv_derive(m, m->start, m->step, m->len, m->readonly);
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
    size_t isz = (size_t)m->itemsize;
    PithObject *b = pith_bytes_from(NULL, m->len * m->itemsize);
    if (!b) return NULL;
    char *out = PITH_BYTES_DATA(b);
    for (intptr_t i = 0; i < m->len; i++)
        memcpy(out + (size_t)i * isz, base + m->start + i * m->step, isz);
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

/* ---- item formats ---------------------------------------------------------------- */

/* Size of a native struct format character, 0 if memoryview lacks it. */
static int format_size(char f) {
    switch (f) {
    case 'b': case 'B': case 'c': case '?': return 1;
    case 'h': case 'H': return (int)sizeof(short);
    case 'i': case 'I': return (int)sizeof(int);
    case 'l': case 'L': return (int)sizeof(long);
    case 'q': case 'Q': return (int)sizeof(long long);
    case 'n': case 'N': return (int)sizeof(size_t);
    case 'P': return (int)sizeof(void *);
    case 'f': return (int)sizeof(float);
    case 'd': return (int)sizeof(double);
    default: return 0;
    }
}

static bool is_byte_format(char f) { return f == 'B' || f == 'b' || f == 'c'; }
static bool is_signed_format(char f) { return strchr("bhilqn", f) != NULL; }

/* The item at p as a Python object. */
static PithObject *unpack_item(char f, const unsigned char *p) {
    int n = format_size(f);
    if (f == 'c') return pith_bytes_from((const char *)p, 1);
    if (f == '?') return PITH_NEWREF(pith_bool_from(*p != 0));
    if (f == 'f' || f == 'd') {
        double d;
        if (f == 'f') {
            float x;
            memcpy(&x, p, sizeof x);
            d = x;
        } else {
            memcpy(&d, p, sizeof d);
        }
        return pith_float_from_double(d);
    }
    uint64_t u = 0;
    memcpy(&u, p, (size_t)n); /* little-endian host: low bytes first */
    if (!is_signed_format(f)) return pith_int_from_u64(u);
    int shift = 64 - 8 * n;
    return pith_int_from_i64((int64_t)(u << shift) >> shift);
}

static int bad_item(PithType *exc, const char *what, char f) {
    pith_err_format(exc, "memoryview: invalid %s for format '%c'", what, f);
    return -1;
}

/* An int value for an integer format: its low 64 bits in *u, range-checked. */
static int int_item_value(char f, PithObject *v, uint64_t *u) {
    if (!pith_index_check(v)) return bad_item(&pith_exc_TypeError, "type", f);
    PithObject *i = pith_number_index(v);
    if (!i) return -1;
    int bits = 8 * format_size(f), sign = pith_int_sign(i);
    size_t len = pith_int_bit_length(i);
    bool ok;
    if (is_signed_format(f) || (f == 'P' && sign < 0)) {
        /* -2**(bits-1) <= i < 2**(bits-1) ('P' also takes negative pointers) */
        int overflow = 0;
        int64_t x = pith_int_as_i64_overflow(i, &overflow);
        ok = !overflow && (len < (size_t)bits ||
                           (sign < 0 && len == (size_t)bits && x == INT64_MIN >> (64 - bits)));
        if (ok) *u = (uint64_t)x;
    } else {
        ok = sign >= 0 && len <= (size_t)bits;
        if (ok && len == 64) {
            PithObject *two63 = pith_int_from_u64(1ull << 63);
            PithObject *low = two63 ? pith_int_sub(i, two63) : NULL;
            *u = low ? (uint64_t)pith_int_as_i64(low) + (1ull << 63) : 0;
            PITH_XDECREF(two63);
            PITH_XDECREF(low);
        } else if (ok) {
            *u = (uint64_t)pith_int_as_i64(i);
        }
    }
    PITH_DECREF(i);
    if (pith_err_occurred()) return -1;
    return ok ? 0 : bad_item(&pith_exc_ValueError, "value", f);
}

/* Encode v for format f into out (format_size(f) bytes). */
static int pack_item(char f, PithObject *v, unsigned char *out) {
    int n = format_size(f);
    if (f == 'c') {
        if (!pith_bytes_check(v)) return bad_item(&pith_exc_TypeError, "type", f);
        if (PITH_BYTES_SIZE(v) != 1) return bad_item(&pith_exc_ValueError, "value", f);
        out[0] = (unsigned char)PITH_BYTES_DATA(v)[0];
        return 0;
    }
    if (f == '?') {
        int t = pith_is_true(v);
        if (t < 0) return -1;
        out[0] = (unsigned char)t;
        return 0;
    }
    if (f == 'f' || f == 'd') {
        if (!pith_float_check(v) && !pith_index_check(v))
            return bad_item(&pith_exc_TypeError, "type", f);
        double d = pith_float_as_double(v);
        if (d == -1.0 && pith_err_occurred()) {
            if (!pith_err_matches(&pith_exc_OverflowError)) return -1;
            pith_err_clear();
            return bad_item(&pith_exc_ValueError, "value", f);
        }
        if (f == 'f') {
            float x = (float)d;
            memcpy(out, &x, sizeof x);
        } else {
            memcpy(out, &d, sizeof d);
        }
        return 0;
    }
    uint64_t u;
    if (int_item_value(f, v, &u) < 0) return -1;
    memcpy(out, &u, (size_t)n);
    return 0;
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
    return p ? unpack_item(MV(o)->fmt, p) : NULL;
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
    return mv_derive(m, first, m->step * step, n, m->readonly);
}

static PithObject *invalid_key(void) {
    return pith_err_format(&pith_exc_TypeError, "memoryview: invalid slice key");
}

/* m[i, j, ...]: a 1-element tuple of an index is m[i]; longer index
 * tuples do not fit a one-dimensional view; tuples of slices are not
 * implemented (all as CPython). NULL with an error, or sets *key. */
static int tuple_key(MemView *m, PithObject **key) {
    intptr_t n = PITH_SIZE(*key);
    bool all_index = true, all_slice = true;
    for (intptr_t i = 0; i < n; i++) {
        PithObject *k = PITH_TUPLE_GET(*key, i);
        all_index = all_index && pith_index_check(k);
        all_slice = all_slice && pith_slice_check(k);
    }
    if (all_index && n == 1) {
        *key = PITH_TUPLE_GET(*key, 0);
        return 0;
    }
    if (n == 0)
        pith_err_set_string(&pith_exc_NotImplementedError, "sub-views are not implemented");
    else if (all_index)
        pith_err_format(&pith_exc_TypeError, "cannot index 1-dimension view with %zd-element tuple",
                        n);
    else if (all_slice)
        pith_err_set_string(&pith_exc_NotImplementedError,
                            "multi-dimensional slicing is not implemented");
    else
        pith_err_set_string(&pith_exc_TypeError, "memoryview: invalid slice key");
    (void)m;
    return -1;
}

static PithObject *mv_subscript(PithObject *o, PithObject *key) {
    MemView *m = MV(o);
    if (!m->obj) return released_error();
    if (pith_tuple_check(key) && tuple_key(m, &key) < 0) return NULL;
    if (pith_slice_check(key)) return mv_slice(m, key);
    if (!pith_index_check(key)) return invalid_key();
    intptr_t i;
    if (mv_index(m, key, &i) < 0) return NULL;
    return mv_item(o, i);
}


/* m[slice] = buffer: same length required; the source is copied first so
 * overlapping views of one object work. */
static int mv_assign_slice(MemView *m, PithObject *key, PithObject *value) {
    PithObject *dst = mv_slice(m, key);
    if (!dst) return -1;
    PithObject *src = pith_buffer_to_bytes(value);
    int rc = -1;
    if (src && PITH_BYTES_SIZE(src) != MV(dst)->len * MV(dst)->itemsize) {
        pith_err_set_string(&pith_exc_ValueError,
                            "memoryview assignment: lvalue and rvalue have different structures");
    } else if (src) {
        MemView *d = MV(dst);
        char *base = mv_data(d);
        size_t isz = (size_t)d->itemsize;
        for (intptr_t i = 0; base && i < d->len; i++)
            memcpy(base + d->start + i * d->step, PITH_BYTES_DATA(src) + (size_t)i * isz, isz);
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
    unsigned char packed[8];
    if (!mv_item_ptr(m, i) || pack_item(m->fmt, value, packed) < 0) return -1;
    unsigned char *p = mv_item_ptr(m, i); /* again: packing may run Python code */
    if (!p) return -1;
    memcpy(p, packed, (size_t)m->itemsize);
    return 0;
}

/* ---- comparison, hash, repr ---------------------------------------------------- */

static PithObject *mv_tolist(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    MemView *m = MV(self);
    PithObject *b = mv_tobytes(m);
    if (!b) return NULL;
    PithObject *l = pith_list_new(m->len);
    const unsigned char *d = (const unsigned char *)PITH_BYTES_DATA(b);
    for (intptr_t i = 0; l && i < m->len; i++) {
        PithObject *x = unpack_item(m->fmt, d + i * m->itemsize);
        if (!x) {
            PITH_CLEAR(l);
            break;
        }
        PITH_LIST_SET(l, i, x);
    }
    PITH_DECREF(b);
    return l;
}

static PithObject *mv_richcompare(PithObject *v, PithObject *w, int op) {
    if (op != PITH_EQ && op != PITH_NE) PITH_RETURN_NOTIMPL;
    /* a released view equals only itself, whatever the other operand */
    bool released = !MV(v)->obj || (pith_memoryview_check(w) && !MV(w)->obj);
    if (!released && !pith_buffer_check(w)) PITH_RETURN_NOTIMPL;
    int eq = released && v == w;
    bool bytewise = MV(v)->fmt == 'B' && (!pith_memoryview_check(w) || MV(w)->fmt == 'B');
    if (!released && !eq && !bytewise) {
        PithObject *a = mv_tolist(v, NULL, 0, NULL);
        PithObject *bv = a ? pith_memoryview_new(w) : NULL;
        PithObject *b = bv ? mv_tolist(bv, NULL, 0, NULL) : NULL;
        PITH_XDECREF(bv);
        eq = b ? pith_richcompare_bool(a, b, PITH_EQ) : -1;
        PITH_XDECREF(a);
        PITH_XDECREF(b);
        if (eq < 0) return NULL;
    } else if (!released && !eq) {
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
    if (!is_byte_format(m->fmt)) {
        pith_err_set_string(&pith_exc_ValueError,
                            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
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
    if (v[0] && v[0] != PITH_NONE) {
        if (!pith_str_check(v[0]))
            return pith_err_format(&pith_exc_TypeError,
                                   "tobytes() argument 'order' must be str or None, not %.100s",
                                   pith_type_name(v[0]));
        /* one-dimensional: every order gives the same bytes */
        if (!pith_str_eq_cstr(v[0], "C") && !pith_str_eq_cstr(v[0], "F") &&
            !pith_str_eq_cstr(v[0], "A"))
            return pith_err_format(&pith_exc_ValueError, "order must be 'C', 'F' or 'A'");
    }
    return mv_tobytes(MV(self));
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
    return mv_derive(m, m->start, m->step, m->len, true);
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

/* The item count a cast() shape asks for (its only dimension), or -1. */
static intptr_t cast_shape(PithObject *shape) {
    if (!pith_list_check(shape) && !pith_tuple_check(shape)) {
        pith_err_set_string(&pith_exc_TypeError, "shape must be a list or a tuple");
        return -1;
    }
    intptr_t n = PITH_SIZE(shape), count = 1;
    for (intptr_t i = 0; i < n; i++) {
        PithObject *x = pith_seq_items(shape)[i];
        if (!pith_int_check(x)) {
            pith_err_set_string(&pith_exc_TypeError,
                                "memoryview.cast(): elements of shape must be integers");
            return -1;
        }
        intptr_t v = pith_number_as_ssize(x, NULL);
        if (v <= 0) {
            pith_err_set_string(&pith_exc_ValueError,
                                "memoryview.cast(): elements of shape must be integers > 0");
            return -1;
        }
        count = v;
    }
    if (n != 1) {
        pith_err_set_string(&pith_exc_NotImplementedError,
                            "memoryview: pith supports only one-dimensional casts");
        return -1;
    }
    return count;
}

/* cast(format[, shape]): the same C-contiguous memory seen as items of
 * another native format; one side must be a byte format. */
static PithObject *mv_cast(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    static const char *const kw[] = {"format", "shape", NULL};
    static const PithArgSpec spec = {"cast", kw, 2, 0, 1, 2};
    PithObject *v[2];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    if (!pith_str_check(v[0]))
        return pith_err_format(&pith_exc_TypeError,
                               "cast() argument 'format' must be str, not %.200s",
                               v[0] == PITH_NONE ? "None" : pith_type_name(v[0]));
    MemView *m = MV(self);
    if (!m->obj) return released_error();
    if (m->step != m->itemsize && m->len > 1)
        return pith_err_format(&pith_exc_TypeError,
                               "memoryview: casts are restricted to C-contiguous views");
    if (v[1] && !pith_list_check(v[1]) && !pith_tuple_check(v[1]))
        return pith_err_format(&pith_exc_TypeError, "shape must be a list or a tuple");
    const char *s = pith_str_utf8(v[0]);
    if (!s) return NULL;
    bool at = s[0] == '@';
    char f = s[at];
    int size = strlen(s) == (size_t)at + 1 ? format_size(f) : 0;
    if (!size)
        return pith_err_format(&pith_exc_ValueError,
                               "memoryview: destination format must be a native single "
                               "character format prefixed with an optional '@'");
    if (!is_byte_format(m->fmt) && !is_byte_format(f))
        return pith_err_format(&pith_exc_TypeError,
                               "memoryview: cannot cast between two non-byte formats");
    intptr_t nbytes = m->len * m->itemsize;
    if (nbytes % size)
        return pith_err_format(&pith_exc_TypeError,
                               "memoryview: length is not a multiple of itemsize");
    if (v[1]) {
        intptr_t count = cast_shape(v[1]);
        if (count < 0) return NULL;
        if (count > nbytes / size || count * size != nbytes)
            return pith_err_format(&pith_exc_TypeError,
                                   "memoryview: product(shape) * itemsize != buffer size");
    }
    PithObject *r = mv_alloc(m->obj, m->start, size, nbytes / size, m->readonly);
    if (r) {
        MV(r)->fmt = f;
        MV(r)->fmt_at = at;
        MV(r)->itemsize = size;
    }
    return r;
}

/* ---- iteration ------------------------------------------------------------------- */

typedef struct {
    PithObject ob;
    PithObject *view; /* NULL once exhausted */
    intptr_t index;
} MemIter;

static PithType pith_memiter_type;

static PithObject *mv_iter(PithObject *o) {
    if (!MV(o)->obj) return released_error();
    MemIter *it = (MemIter *)pith_gc_new(&pith_memiter_type);
    if (!it) return pith_err_no_memory();
    it->view = PITH_NEWREF(o);
    pith_gc_track(it);
    return (PithObject *)it;
}

static PithObject *memiter_next(PithObject *o) {
    MemIter *it = (MemIter *)o;
    if (!it->view) return NULL;
    MemView *m = MV(it->view);
    if (!m->obj) return released_error();
    if (it->index < m->len) return mv_item(it->view, it->index++);
    PITH_CLEAR(it->view);
    return NULL;
}

static void memiter_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(((MemIter *)o)->view);
    pith_gc_del(o);
}

static int memiter_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((MemIter *)o)->view);
    return 0;
}

static PithType pith_memiter_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "memory_iterator",
    .tp_basicsize = sizeof(MemIter),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = memiter_dealloc,
    .tp_traverse = memiter_traverse,
    .tp_iter = pith_iter_self,
    .tp_iternext = memiter_next,
};

static PithMethodDef mv_methods[] = {
    {"cast", mv_cast, PITH_METH_KW, NULL},
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
    bool contiguous = m->step == m->itemsize || m->len <= 1;
    switch ((int)(intptr_t)closure) {
    case A_OBJ: return PITH_NEWREF(m->obj);
    case A_NBYTES: return pith_int_from_ssize(m->len * m->itemsize);
    case A_READONLY: return PITH_NEWREF(pith_bool_from(m->readonly));
    case A_ITEMSIZE: return pith_int_from_i64(m->itemsize);
    case A_FORMAT: {
        char f[3] = {'@', m->fmt, 0};
        return pith_str_from_cstr(m->fmt_at ? f : f + 1);
    }
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
    .tp_flags = PITH_TPFLAGS_WEAKREFABLE,
    .tp_doc = "Create a new memoryview object which references the given object.",
    .tp_dealloc = mv_dealloc,
    .tp_repr = mv_repr,
    .tp_hash = mv_hash,
    .tp_richcompare = mv_richcompare,
    .tp_new = mv_new,
    .tp_iter = mv_iter,
    .tp_as_sequence = &mv_as_sequence,
    .tp_as_mapping = &mv_as_mapping,
    .tp_methods = mv_methods,
    .tp_getset = mv_getset,
};

int pith_memoryview_types_init(void) {
    if (pith_type_ready(&pith_memoryview_type) < 0 || pith_type_ready(&pith_memiter_type) < 0)
        return -1;
    return 0;
}
