/* bytes.c — the immutable `bytes` and the mutable `bytearray`.
 *
 * bytes keeps its data inline after the header (NUL-terminated, hash cached,
 * -1 = not computed); bytearray keeps a separately allocated buffer
 * (alloc >= size + 1, NUL-terminated). Almost every method is written once
 * against a (pointer, length) view and works for both types; results take
 * the type of `self` (make_like). Hashes equal those of the equal ASCII str.
 */
#include "str_impl.h"
#include "containers_impl.h"
#include "pith/memoryview.h"

#include <string.h>

#define BA(o) ((PithByteArray *)(o))

/* ---- construction --------------------------------------------------------- */

PithObject *pith_bytes_from(const void *data, intptr_t len) {
    if (len < 0 || len > INTPTR_MAX / 2) return pith_err_no_memory();
    PithObject *o = pith_obj_new_var(&pith_bytes_type, len + 1);
    if (!o) return pith_err_no_memory();
    PITH_SIZE(o) = len;
    ((PithBytes *)o)->hash = -1;
    if (data && len) memcpy(PITH_BYTES_DATA(o), data, (size_t)len);
    PITH_BYTES_DATA(o)[len] = 0;
    return o;
}

/* Grow a bytearray's buffer to hold at least n bytes + NUL. */
static int ba_reserve(PithObject *o, intptr_t n) {
    PithByteArray *b = BA(o);
    if (n + 1 <= b->alloc) return 0;
    intptr_t na = b->alloc * 2 > n + 1 ? b->alloc * 2 : n + 1 + n / 8;
    char *p = pith_mem_realloc(b->data, (size_t)na);
    if (!p) {
        pith_err_no_memory();
        return -1;
    }
    b->data = p;
    b->alloc = na;
    return 0;
}

static int ba_resize(PithObject *o, intptr_t n) {
    if (ba_reserve(o, n) < 0) return -1;
    PITH_SIZE(o) = n;
    BA(o)->data[n] = 0;
    return 0;
}

static PithObject *ba_alloc(PithType *t, const void *data, intptr_t len) {
    PithObject *o = pith_type_has_flag(t, PITH_TPFLAGS_HAVE_GC) ? pith_gc_new(t) : pith_obj_new(t);
    if (!o) return pith_err_no_memory();
    BA(o)->data = NULL;
    BA(o)->alloc = 0;
    PITH_SIZE(o) = 0;
    if (ba_resize(o, len) < 0) {
        PITH_DECREF(o);
        return NULL;
    }
    if (len) {
        if (data) memcpy(BA(o)->data, data, (size_t)len);
        else memset(BA(o)->data, 0, (size_t)len);
    }
    return o;
}

PithObject *pith_bytearray_from(const void *data, intptr_t len) {
    return ba_alloc(&pith_bytearray_type, data, len);
}

bool pith_bytes_view(PithObject *o, const char **d, intptr_t *n) {
    *d = "";
    *n = 0;
    if (pith_bytes_check(o)) {
        *d = PITH_BYTES_DATA(o);
        *n = PITH_SIZE(o);
        return true;
    }
    if (pith_bytearray_check(o)) {
        *d = BA(o)->data ? BA(o)->data : "";
        *n = PITH_SIZE(o);
        return true;
    }
    return false;
}

/* View of self (always bytes-like). */
#define SELF_VIEW(self, d, n)                                                  \
    const char *d = "";                                                        \
    intptr_t n = 0;                                                            \
    pith_bytes_view(self, &d, &n)

/* A result of the same kind as self (bytes for bytes subclasses). */
static PithObject *make_like(PithObject *self, const char *d, intptr_t n) {
    return pith_bytearray_check(self) ? pith_bytearray_from(d, n) : pith_bytes_from(d, n);
}

static int need_buffer(PithObject *o, const char **d, intptr_t *n) {
    if (pith_bytes_view(o, d, n)) return 0;
    if (pith_memoryview_check(o)) {
        /* the caller's reference to o keeps the exporter alive */
        PithBuffer view;
        if (pith_buffer_get(o, &view, false) < 0) return -1;
        *d = view.buf;
        *n = view.len;
        pith_buffer_release(&view);
        return 0;
    }
    pith_err_format(&pith_exc_TypeError, "a bytes-like object is required, not '%.100s'",
                    pith_type_name(o));
    return -1;
}

int pith_bytes_concat_inplace(PithObject **pv, PithObject *src) {
    const char *a, *b;
    intptr_t na, nb;
    if (!pith_bytes_view(*pv, &a, &na) || need_buffer(src, &b, &nb) < 0) {
        PITH_CLEAR(*pv);
        return -1;
    }
    PithObject *r = pith_bytes_from(NULL, na + nb);
    if (r) {
        memcpy(PITH_BYTES_DATA(r), a, (size_t)na);
        memcpy(PITH_BYTES_DATA(r) + na, b, (size_t)nb);
    }
    PITH_SETREF(*pv, r);
    return r ? 0 : -1;
}

/* ---- repr ------------------------------------------------------------------ */

/* Append repr body of d[0:n] (b'...' form) to sb. */
static int repr_into(PithStrBuilder *sb, const char *d, intptr_t n) {
    static const char hex[] = "0123456789abcdef";
    bool sq = memchr(d, '\'', (size_t)n) != NULL, dq = memchr(d, '"', (size_t)n) != NULL;
    char q = sq && !dq ? '"' : '\'';
    char buf[5];
    int r = pith_sb_append_char(sb, 'b') | pith_sb_append_char(sb, (uint32_t)q);
    for (intptr_t i = 0; i < n && r == 0; i++) {
        uint8_t c = (uint8_t)d[i];
        const char *esc = c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : NULL;
        if (c == (uint8_t)q || c == '\\') {
            buf[0] = '\\', buf[1] = (char)c, buf[2] = 0;
            esc = buf;
        } else if (!esc && (c < ' ' || c >= 0x7f)) {
            buf[0] = '\\', buf[1] = 'x', buf[2] = hex[c >> 4], buf[3] = hex[c & 15], buf[4] = 0;
            esc = buf;
        }
        r = esc ? pith_sb_append_utf8(sb, esc, -1) : pith_sb_append_char(sb, c);
    }
    return r < 0 ? -1 : pith_sb_append_char(sb, (uint32_t)q);
}

PithObject *pith_bytes_repr(PithObject *o) {
    SELF_VIEW(o, d, n);
    PithStrBuilder sb;
    pith_sb_init(&sb);
    bool ba = pith_bytearray_check(o);
    int r = 0;
    if (ba) {
        r = pith_sb_append_utf8(&sb, pith_type_name(o), -1);
        if (r == 0) r = pith_sb_append_char(&sb, '(');
    }
    if (r == 0) r = repr_into(&sb, d, n);
    if (r == 0 && ba) r = pith_sb_append_char(&sb, ')');
    if (r < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return pith_sb_finish(&sb);
}

/* ---- slots shared by both types --------------------------------------------- */

static intptr_t bytes_hash(PithObject *o) {
    PithBytes *b = (PithBytes *)o;
    if (b->hash == -1) b->hash = pith_hash_bytes(b->data, (size_t)PITH_SIZE(o));
    return b->hash;
}

static intptr_t bytearray_hash(PithObject *o) {
    pith_err_format(&pith_exc_TypeError, "unhashable type: '%.100s'", pith_type_name(o));
    return -1;
}

static PithObject *bytes_richcompare(PithObject *a, PithObject *b, int op) {
    const char *x, *y;
    intptr_t nx, ny;
    if (!pith_bytes_view(a, &x, &nx) || !pith_bytes_view(b, &y, &ny)) PITH_RETURN_NOTIMPL;
    if ((op == PITH_EQ || op == PITH_NE) && nx != ny) return pith_bool_from(op == PITH_NE);
    int c = memcmp(x, y, (size_t)(nx < ny ? nx : ny));
    if (c == 0) c = nx < ny ? -1 : nx > ny;
    bool r = op == PITH_EQ ? c == 0 : op == PITH_NE ? c != 0 : op == PITH_LT ? c < 0
           : op == PITH_LE ? c <= 0 : op == PITH_GT ? c > 0 : c >= 0;
    return pith_bool_from(r);
}

static intptr_t bytes_length(PithObject *o) { return PITH_SIZE(o); }

static PithObject *bytes_concat(PithObject *a, PithObject *b) {
    const char *x, *y;
    intptr_t nx, ny;
    pith_bytes_view(a, &x, &nx);
    if (!pith_bytes_view(b, &y, &ny) && !(pith_memoryview_check(b) && need_buffer(b, &y, &ny) == 0))
        return pith_err_occurred() ? NULL
                                   : pith_err_format(&pith_exc_TypeError, "can't concat %.100s to %.100s",
                                                     pith_type_name(b), pith_type_name(a));
    PithObject *r = make_like(a, NULL, nx + ny);
    if (!r) return NULL;
    char *d = pith_bytearray_check(r) ? BA(r)->data : PITH_BYTES_DATA(r);
    memcpy(d, x, (size_t)nx);
    memcpy(d + nx, y, (size_t)ny);
    return r;
}

static PithObject *bytes_repeat(PithObject *a, intptr_t n) {
    SELF_VIEW(a, d, len);
    if (n < 0) n = 0;
    if (len && n > INTPTR_MAX / 2 / len) return pith_err_no_memory();
    PithObject *r = make_like(a, NULL, len * n);
    if (!r) return NULL;
    char *out = pith_bytearray_check(r) ? BA(r)->data : PITH_BYTES_DATA(r);
    for (intptr_t i = 0; i < n; i++) memcpy(out + i * len, d, (size_t)len);
    return r;
}

static PithObject *bytes_item(PithObject *o, intptr_t i) {
    SELF_VIEW(o, d, n);
    if (i < 0 || i >= n) {
        pith_err_set_string(&pith_exc_IndexError, pith_bytearray_check(o)
                                                      ? "bytearray index out of range"
                                                      : "index out of range");
        return NULL;
    }
    return pith_int_from_i64((uint8_t)d[i]);
}

/* A byte value argument (int in 0..255) -> 0..255, or -1 with error. */
static int byte_value(PithObject *v) {
    intptr_t x = pith_number_as_ssize(v, NULL);
    if (x == -1 && pith_err_occurred()) return -1;
    if (x < 0 || x > 255) {
        pith_err_set_string(&pith_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return (int)x;
}

/* Sub-sequence argument of find/count/in: bytes-like, or an int byte. */
static int sub_arg(PithObject *o, const char **d, intptr_t *n, char *one) {
    if (pith_index_check(o)) {
        int b = byte_value(o);
        if (b < 0) return -1;
        *one = (char)b;
        *d = one;
        *n = 1;
        return 0;
    }
    if (pith_bytes_view(o, d, n)) return 0;
    if (pith_memoryview_check(o)) return need_buffer(o, d, n);
    pith_err_format(&pith_exc_TypeError,
                    "argument should be integer or bytes-like object, not '%.100s'",
                    pith_type_name(o));
    return -1;
}

static intptr_t find_in(const char *d, intptr_t n, const char *s, intptr_t m, intptr_t start,
                        intptr_t end, int dir) {
    if (end > n) end = n;
    if (start < 0) start = 0;
    if (start > n || end - start < m) return -1;
    if (m == 0) return dir > 0 ? start : end;
    if (dir > 0) {
        const char *p = memmem(d + start, (size_t)(end - start), s, (size_t)m);
        return p ? p - d : -1;
    }
    for (intptr_t i = end - m; i >= start; i--)
        if (memcmp(d + i, s, (size_t)m) == 0) return i;
    return -1;
}

static int bytes_contains(PithObject *o, PithObject *v) {
    SELF_VIEW(o, d, n);
    const char *s;
    intptr_t m;
    char one;
    if (!pith_index_check(v) && !pith_bytes_view(v, &s, &m)) {
        pith_err_format(&pith_exc_TypeError, "a bytes-like object is required, not '%.100s'",
                        pith_type_name(v));
        return -1;
    }
    if (sub_arg(v, &s, &m, &one) < 0) return -1;
    return find_in(d, n, s, m, 0, n, 1) >= 0;
}

static PithObject *bytes_subscript(PithObject *o, PithObject *key) {
    SELF_VIEW(o, d, n);
    if (pith_index_check(key)) {
        intptr_t i = pith_number_as_ssize(key, &pith_exc_IndexError);
        if (i == -1 && pith_err_occurred()) return NULL;
        return bytes_item(o, i < 0 ? i + n : i);
    }
    if (!pith_slice_check(key))
        return pith_err_format(&pith_exc_TypeError,
                               "%s indices must be integers or slices, not %.100s",
                               pith_bytearray_check(o) ? "bytearray" : "byte", pith_type_name(key));
    intptr_t start, stop, step;
    if (pith_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
    intptr_t len = pith_slice_adjust(n, &start, &stop, step);
    if (step == 1) return make_like(o, d + start, len);
    PithObject *r = make_like(o, NULL, len);
    if (!r) return NULL;
    char *out = pith_bytearray_check(r) ? BA(r)->data : PITH_BYTES_DATA(r);
    for (intptr_t i = 0; i < len; i++) out[i] = d[start + i * step];
    return r;
}

/* ---- printf-style formatting ------------------------------------------------ */

/* fmt % args for bytes/bytearray: the format is run as Latin-1 text in
 * the str formatter's bytes mode, then encoded back. */
static PithObject *bytes_remainder(PithObject *a, PithObject *b) {
    const char *d;
    intptr_t n;
    if (!pith_bytes_view(a, &d, &n)) PITH_RETURN_NOTIMPL;
    PithObject *fmt = pith_str_from_latin1(d, n);
    PithObject *r = fmt ? pith_str_percent_format_mode(fmt, b, true) : NULL;
    PITH_XDECREF(fmt);
    if (!r) return NULL;
    PithObject *out = pith_str_encode(r, "latin-1", "strict");
    PITH_DECREF(r);
    if (out && pith_bytearray_check(a)) {
        PithObject *ba = pith_bytearray_from(PITH_BYTES_DATA(out), PITH_SIZE(out));
        PITH_DECREF(out);
        out = ba;
    }
    return out;
}

/* Each type formats only when its own instance is on the left. */
static PithObject *bytes_only_remainder(PithObject *a, PithObject *b) {
    if (!pith_bytes_check(a)) PITH_RETURN_NOTIMPL;
    return bytes_remainder(a, b);
}

static PithObject *bytearray_remainder(PithObject *a, PithObject *b) {
    if (!pith_bytearray_check(a)) PITH_RETURN_NOTIMPL;
    return bytes_remainder(a, b);
}

static PithNumberMethods bytes_as_number = {.nb_remainder = bytes_only_remainder};
static PithNumberMethods bytearray_as_number = {.nb_remainder = bytearray_remainder};

/* ---- constructors -------------------------------------------------------------- */

/* Fill a fresh bytearray from an iterable of ints. for_bytes selects
 * CPython's "bytes must be in range" wording (bytes()) over "byte must". */
static PithObject *from_iterable(PithObject *it_src, bool for_bytes) {
    PithObject *it = pith_get_iter(it_src);
    if (!it) return NULL;
    PithObject *acc = pith_bytearray_from(NULL, 0), *v;
    while (acc && (v = pith_iter_next(it))) {
        int b = pith_index_check(v) ? byte_value(v) : -2;
        if (b == -2)
            pith_err_format(&pith_exc_TypeError, "'%.100s' object cannot be interpreted as an integer",
                            pith_type_name(v));
        else if (b == -1 && for_bytes && pith_err_matches(&pith_exc_ValueError)) {
            pith_err_clear();
            pith_err_set_string(&pith_exc_ValueError, "bytes must be in range(0, 256)");
        }
        PITH_DECREF(v);
        if (b < 0 || ba_resize(acc, PITH_SIZE(acc) + 1) < 0) {
            PITH_CLEAR(acc);
            break;
        }
        BA(acc)->data[PITH_SIZE(acc) - 1] = (char)b;
    }
    if (acc && pith_err_occurred()) PITH_CLEAR(acc);
    PITH_DECREF(it);
    return acc;
}

/* Contents for bytes(x, encoding, errors) / bytearray(...): a new bytes. */
static PithObject *contents_from(const char *tname, PithObject *x, PithObject *enc,
                                 PithObject *err) {
    if (enc || err) {
        /* clinic converts encoding/errors (str) before looking at x */
        PithObject *chk[2] = {enc, err};
        static const char *const pname[2] = {"encoding", "errors"};
        for (int k = 0; k < 2; k++)
            if (chk[k] && !pith_str_check(chk[k]))
                return pith_err_format(&pith_exc_TypeError, "%s() argument '%s' must be str, not %.100s",
                                       tname, pname[k], pith_badarg_name(chk[k]));
        if (!x || !pith_str_check(x))
            return pith_err_format(&pith_exc_TypeError, enc ? "encoding without a string argument"
                                                            : "errors without a string argument");
        const char *e = NULL, *r = NULL;
        if (enc && !(e = pith_str_check(enc) ? pith_str_utf8(enc) : NULL))
            return pith_err_occurred() ? NULL
                   : pith_err_format(&pith_exc_TypeError, "%s() argument 'encoding' must be str, not %.100s",
                                     tname, pith_type_name(enc));
        if (err && !(r = pith_str_check(err) ? pith_str_utf8(err) : NULL))
            return pith_err_occurred() ? NULL
                   : pith_err_format(&pith_exc_TypeError, "%s() argument 'errors' must be str, not %.100s",
                                     tname, pith_type_name(err));
        return pith_str_encode(x, e, r);
    }
    if (!x) return pith_bytes_from(NULL, 0);
    if (pith_str_check(x))
        return pith_err_format(&pith_exc_TypeError, "string argument without an encoding");
    const char *d;
    intptr_t n;
    if (pith_bytes_view(x, &d, &n)) return pith_bytes_from(d, n);
    if (pith_memoryview_check(x)) return pith_buffer_to_bytes(x);
    if (pith_index_check(x)) {
        intptr_t count = pith_number_as_ssize(x, &pith_exc_OverflowError);
        if (count == -1 && pith_err_occurred()) return NULL;
        if (count < 0) return pith_err_format(&pith_exc_ValueError, "negative count");
        return pith_bytes_from(NULL, count);
    }
    static PithObject *bytes_name;
    if (!bytes_name && !(bytes_name = pith_str_intern_cstr("__bytes__"))) return NULL;
    PithObject *meth = pith_lookup_special(x, bytes_name);
    if (meth) {
        PithObject *r = pith_call_noargs(meth);
        PITH_DECREF(meth);
        if (r && !pith_bytes_check(r)) {
            pith_err_format(&pith_exc_TypeError, "__bytes__ returned non-bytes (type %.100s)",
                            pith_type_name(r));
            PITH_CLEAR(r);
        }
        return r;
    }
    if (pith_err_occurred()) return NULL;
    if (!pith_iter_check(x) && !PITH_TYPE(x)->tp_iter && !PITH_TYPE(x)->tp_as_sequence)
        return pith_err_format(&pith_exc_TypeError, "cannot convert '%.100s' object to %s",
                               pith_type_name(x), tname);
    PithObject *ba = from_iterable(x, !strcmp(tname, "bytes"));
    if (!ba) return NULL;
    PithObject *r = pith_bytes_from(BA(ba)->data, PITH_SIZE(ba));
    PITH_DECREF(ba);
    return r;
}

static int ctor_args(const char *tname, PithObject *const *args, size_t nargs,
                     PithObject *kwnames, PithObject **v) {
    static const char *const kwlist[] = {"source", "encoding", "errors"};
    PithArgSpec spec = {tname, kwlist, 3, 0, 0, 3};
    return pith_arg_parse(&spec, args, nargs, kwnames, v);
}

static PithObject *bytes_new(PithType *t, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    PithObject *v[3];
    if (ctor_args("bytes", args, nargs, kwnames, v) < 0) return NULL;
    PithObject *b = contents_from("bytes", v[0], v[1], v[2]);
    if (!b || t == &pith_bytes_type) return b;
    /* subtype: same inline layout, data after the subtype's extra fields is
     * not supported, so subclass instances share the base layout. */
    PithObject *o = pith_type_has_flag(t, PITH_TPFLAGS_HAVE_GC) ? pith_gc_new_var(t, PITH_SIZE(b) + 1)
                                                                 : pith_obj_new_var(t, PITH_SIZE(b) + 1);
    if (o) {
        PITH_SIZE(o) = PITH_SIZE(b);
        ((PithBytes *)o)->hash = -1;
        memcpy(PITH_BYTES_DATA(o), PITH_BYTES_DATA(b), (size_t)PITH_SIZE(b) + 1);
    }
    PITH_DECREF(b);
    return o;
}

static PithObject *bytearray_new(PithType *t, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    return ba_alloc(t, NULL, 0);
}

static int bytearray_init(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    PithObject *v[3];
    if (ctor_args("bytearray", args, nargs, kwnames, v) < 0) return -1;
    PithObject *b = contents_from("bytearray", v[0], v[1], v[2]);
    if (!b) return -1;
    int r = ba_resize(self, PITH_SIZE(b));
    if (r == 0) memcpy(BA(self)->data, PITH_BYTES_DATA(b), (size_t)PITH_SIZE(b));
    PITH_DECREF(b);
    return r;
}

static void bytes_dealloc(PithObject *o) {
    if (PITH_IS_GC(o)) pith_gc_del(o);
    else pith_obj_free(o);
}

static void bytearray_dealloc(PithObject *o) {
    pith_mem_free(BA(o)->data);
    bytes_dealloc(o);
}

/* ---- methods: decoding, hex ----------------------------------------------------- */

static PithObject *m_decode(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    static const char *const kwlist[] = {"encoding", "errors"};
    static const PithArgSpec spec = {"decode", kwlist, 2, 0, 0, 2};
    PithObject *v[2];
    const char *e[2] = {NULL, NULL};
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    for (int i = 0; i < 2; i++) {
        if (!v[i]) continue;
        if (!pith_str_check(v[i]))
            return pith_err_format(&pith_exc_TypeError, "decode() argument '%s' must be str, not %.100s",
                                   kwlist[i], pith_badarg_name(v[i]));
        if (!(e[i] = pith_str_utf8(v[i]))) return NULL;
    }
    SELF_VIEW(self, d, len);
    if (len == 0) return pith_str_empty(); /* as CPython: no codec lookup */
    return pith_str_decode(d, len, e[0], e[1]);
}

/* hex(sep=None, bytes_per_sep=1): the separator (a 1-character ASCII str
 * or bytes) goes between groups of |bytes_per_sep| bytes, groups counted
 * from the right end when bytes_per_sep > 0 and from the left when < 0. */
static int hex_sep(PithObject *o, uint32_t *sep) {
    intptr_t n = pith_len(o); /* CPython checks the length before the type */
    if (n < 0) return -1;
    if (n != 1) {
        pith_err_set_string(&pith_exc_ValueError, "sep must be length 1.");
        return -1;
    }
    if (pith_str_check(o))
        *sep = pith_str_read((PithStr *)o, 0);
    else if (pith_bytes_check(o))
        *sep = (uint8_t)PITH_BYTES_DATA(o)[0];
    else {
        pith_err_set_string(&pith_exc_TypeError, "sep must be str or bytes.");
        return -1;
    }
    if (*sep < 128) return 0;
    pith_err_set_string(&pith_exc_ValueError, "sep must be ASCII.");
    return -1;
}

static PithObject *m_hex(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    static const char hexd[] = "0123456789abcdef";
    static const char *const kwlist[] = {"sep", "bytes_per_sep"};
    static const PithArgSpec spec = {"hex", kwlist, 2, 0, 0, 2};
    PithObject *v[2];
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    uint32_t sep = 0;
    intptr_t group = 1;
    if (v[1]) {
        group = pith_number_as_ssize(v[1], &pith_exc_OverflowError);
        if (group == -1 && pith_err_occurred()) return NULL;
    }
    if (v[0] && hex_sep(v[0], &sep) < 0) return NULL; /* an explicit None fails len() */
    SELF_VIEW(self, d, len);
    /* with right-anchored groups, the first group holds len % group bytes */
    intptr_t g = group < 0 ? -group : group, off = group > 0 && g ? len % g : 0;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    for (intptr_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)d[i];
        bool at_sep = sep && i && g && (i - off) % g == 0;
        if ((at_sep && pith_sb_append_char(&sb, sep) < 0) ||
            pith_sb_append_char(&sb, (uint32_t)hexd[c >> 4]) < 0 ||
            pith_sb_append_char(&sb, (uint32_t)hexd[c & 15]) < 0) {
            pith_sb_discard(&sb);
            return NULL;
        }
    }
    return pith_sb_finish(&sb);
}

static int hexval(uint32_t c) {
    return c >= '0' && c <= '9' ? (int)(c - '0') : c >= 'a' && c <= 'f' ? (int)(c - 'a' + 10)
         : c >= 'A' && c <= 'F' ? (int)(c - 'A' + 10) : -1;
}

static PithObject *m_fromhex(PithObject *cls, PithObject *const *a, size_t n, PithObject *kw) {
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, "fromhex() argument must be str, not %.100s",
                               pith_badarg_name(a[0]));
    PithStr *s = (PithStr *)a[0];
    PithObject *acc = pith_bytearray_from(NULL, 0);
    for (intptr_t i = 0; acc && i < s->length;) {
        uint32_t c = pith_str_read(s, i);
        if (pith_unicode_isspace(c)) {
            i++;
            continue;
        }
        int hi = hexval(c), lo = i + 1 < s->length ? hexval(pith_str_read(s, i + 1)) : -1;
        if (hi < 0 || lo < 0) {
            pith_err_format(&pith_exc_ValueError,
                            "non-hexadecimal number found in fromhex() arg at position %zd",
                            hi < 0 ? i : i + 1);
            PITH_CLEAR(acc);
            break;
        }
        if (ba_resize(acc, PITH_SIZE(acc) + 1) < 0) PITH_CLEAR(acc);
        else BA(acc)->data[PITH_SIZE(acc) - 1] = (char)(hi * 16 + lo);
        i += 2;
    }
    if (!acc) return NULL;
    PithObject *r = (PithType *)cls == &pith_bytearray_type ? PITH_NEWREF(acc)
                                                             : pith_bytes_from(BA(acc)->data, PITH_SIZE(acc));
    PITH_DECREF(acc);
    if (r && (PithType *)cls != &pith_bytes_type && (PithType *)cls != &pith_bytearray_type) {
        PithObject *sub = pith_call_one(cls, r);
        PITH_DECREF(r);
        return sub;
    }
    return r;
}

/* ---- methods: searching ----------------------------------------------------------- */

static int old_range(const char *fname, size_t nargs, size_t lo, size_t hi) {
    if (nargs >= lo && nargs <= hi) return 0;
    bool few = nargs < lo;
    size_t k = few ? lo : hi;
    pith_err_format(&pith_exc_TypeError, "%s() takes at %s %zu argument%s (%zu given)", fname,
                    few ? "least" : "most", k, k == 1 ? "" : "s", nargs);
    return -1;
}

static PithObject *search(const char *fname, PithObject *self, PithObject *const *a, size_t n,
                          int dir, int mode /* 0 find, 1 index, 2 count */) {
    SELF_VIEW(self, d, len);
    const char *s;
    intptr_t m, start, end;
    char one;
    /* the bounds are converted before the sub-sequence is checked */
    if (old_range(fname, n, 1, 3) < 0 ||
        pith_parse_start_end(n > 1 ? a[1] : NULL, n > 2 ? a[2] : NULL, len, &start, &end) < 0 ||
        sub_arg(a[0], &s, &m, &one) < 0)
        return NULL;
    if (mode == 2) {
        intptr_t count = 0;
        if (m == 0) return pith_int_from_ssize(start > len || end < start ? 0 : end - start + 1);
        for (intptr_t k; (k = find_in(d, len, s, m, start, end, 1)) >= 0; start = k + m) count++;
        return pith_int_from_ssize(count);
    }
    intptr_t r = find_in(d, len, s, m, start, end, dir);
    if (r < 0 && mode == 1) return pith_err_format(&pith_exc_ValueError, "subsection not found");
    return pith_int_from_ssize(r);
}

#define SEARCH(name, dir, mode)                                                \
    static PithObject *m_##name(PithObject *self, PithObject *const *a,        \
                                size_t n, PithObject *kw) {                    \
        return search(#name, self, a, n, dir, mode);                           \
    }
SEARCH(find, 1, 0)
SEARCH(rfind, -1, 0)
SEARCH(index, 1, 1)
SEARCH(rindex, -1, 1)
SEARCH(count, 1, 2)
#undef SEARCH

static bool tail_at(const char *d, intptr_t len, const char *s, intptr_t m, intptr_t start,
                    intptr_t end, int dir) {
    if (start > len || end - start < m) return false;
    return memcmp(d + (dir < 0 ? start : end - m), s, (size_t)m) == 0;
}

static PithObject *starts_ends(const char *fname, PithObject *self, PithObject *const *a,
                               size_t n, int dir) {
    SELF_VIEW(self, d, len);
    intptr_t start, end;
    if (old_range(fname, n, 1, 3) < 0 ||
        pith_parse_start_end(n > 1 ? a[1] : NULL, n > 2 ? a[2] : NULL, len, &start, &end) < 0)
        return NULL;
    const char *s;
    intptr_t m;
    if (pith_tuple_check(a[0])) {
        for (intptr_t i = 0; i < PITH_SIZE(a[0]); i++) {
            if (need_buffer(PITH_TUPLE_GET(a[0], i), &s, &m) < 0) return NULL;
            if (tail_at(d, len, s, m, start, end, dir)) PITH_RETURN_TRUE;
        }
        PITH_RETURN_FALSE;
    }
    if (!pith_bytes_view(a[0], &s, &m) &&
        !(pith_memoryview_check(a[0]) && need_buffer(a[0], &s, &m) == 0))
        return pith_err_occurred()
                   ? NULL
                   : pith_err_format(&pith_exc_TypeError,
                                     "%s first arg must be bytes or a tuple of bytes, not %.100s",
                                     fname, pith_type_name(a[0]));
    return pith_bool_from(tail_at(d, len, s, m, start, end, dir));
}

static PithObject *m_startswith(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return starts_ends("startswith", self, a, n, -1);
}
static PithObject *m_endswith(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return starts_ends("endswith", self, a, n, 1);
}

/* ---- methods: case and classification (ASCII only) ----------------------------------- */

static bool b_space(uint8_t c) { return c == ' ' || (c >= 9 && c <= 13); }
static bool b_lower(uint8_t c) { return c >= 'a' && c <= 'z'; }
static bool b_upper(uint8_t c) { return c >= 'A' && c <= 'Z'; }
static bool b_alpha(uint8_t c) { return b_lower(c) || b_upper(c); }
static bool b_digit(uint8_t c) { return c >= '0' && c <= '9'; }
static bool b_alnum(uint8_t c) { return b_alpha(c) || b_digit(c); }
static bool b_ascii(uint8_t c) { return c < 128; }

typedef enum { BC_LOWER, BC_UPPER, BC_SWAP, BC_CAP, BC_TITLE } ByteCase;

static PithObject *byte_case(PithObject *self, ByteCase mode) {
    SELF_VIEW(self, d, len);
    PithObject *r = make_like(self, d, len);
    if (!r) return NULL;
    char *o = pith_bytearray_check(r) ? BA(r)->data : PITH_BYTES_DATA(r);
    bool prev = false;
    for (intptr_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)o[i];
        bool up;
        switch (mode) {
        case BC_LOWER: up = false; break;
        case BC_UPPER: up = true; break;
        case BC_SWAP: up = b_lower(c); break;
        case BC_CAP: up = i == 0; break;
        default: up = !prev; prev = b_alpha(c); break;
        }
        if (up && b_lower(c)) o[i] = (char)(c - 32);
        else if (!up && b_upper(c) && (mode != BC_SWAP || b_upper(c))) o[i] = (char)(c + 32);
    }
    return r;
}

#define CASE(name, mode)                                                       \
    static PithObject *m_##name(PithObject *self, PithObject *const *a,        \
                                size_t n, PithObject *kw) {                    \
        return byte_case(self, mode);                                          \
    }
CASE(lower, BC_LOWER)
CASE(upper, BC_UPPER)
CASE(swapcase, BC_SWAP)
CASE(capitalize, BC_CAP)
CASE(title, BC_TITLE)
#undef CASE

static PithObject *all_bytes(PithObject *self, bool (*pred)(uint8_t), bool empty_ok) {
    SELF_VIEW(self, d, len);
    if (len == 0) return pith_bool_from(empty_ok);
    for (intptr_t i = 0; i < len; i++)
        if (!pred((uint8_t)d[i])) PITH_RETURN_FALSE;
    PITH_RETURN_TRUE;
}

#define CLASS(name, pred, empty_ok)                                            \
    static PithObject *m_##name(PithObject *self, PithObject *const *a,        \
                                size_t n, PithObject *kw) {                    \
        return all_bytes(self, pred, empty_ok);                                \
    }
CLASS(isalpha, b_alpha, false)
CLASS(isalnum, b_alnum, false)
CLASS(isdigit, b_digit, false)
CLASS(isspace, b_space, false)
CLASS(isascii, b_ascii, true)
#undef CLASS

/* islower/isupper: some cased byte, none of the other case. */
static PithObject *case_is(PithObject *self, bool (*want)(uint8_t), bool (*other)(uint8_t)) {
    SELF_VIEW(self, d, len);
    bool seen = false;
    for (intptr_t i = 0; i < len; i++) {
        if (other((uint8_t)d[i])) PITH_RETURN_FALSE;
        seen = seen || want((uint8_t)d[i]);
    }
    return pith_bool_from(seen);
}
static PithObject *m_islower(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return case_is(self, b_lower, b_upper);
}
static PithObject *m_isupper(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return case_is(self, b_upper, b_lower);
}

/* ---- methods: split/strip/join/replace/partition --------------------------------------- */

static int push(PithObject *list, PithObject *self, const char *d, intptr_t a, intptr_t b) {
    PithObject *p = make_like(self, d + a, b - a);
    if (!p) return -1;
    int r = pith_list_append(list, p);
    PITH_DECREF(p);
    return r;
}

static PithObject *split_common(const char *fname, PithObject *self, PithObject *const *a,
                                size_t n, PithObject *kw, int dir) {
    static const char *const kwlist[] = {"sep", "maxsplit"};
    PithArgSpec spec = {fname, kwlist, 2, 0, 0, 2};
    PithObject *v[2];
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    intptr_t maxsplit = -1;
    if (v[1] && (maxsplit = pith_number_as_ssize(v[1], &pith_exc_OverflowError)) == -1 &&
        pith_err_occurred())
        return NULL;
    SELF_VIEW(self, d, len);
    const char *s = NULL;
    intptr_t m = 0;
    if (v[0] && v[0] != PITH_NONE) {
        if (need_buffer(v[0], &s, &m) < 0) return NULL;
        if (m == 0) return pith_err_format(&pith_exc_ValueError, "empty separator");
    }
    PithObject *list = pith_list_new(0);
    if (!list) return NULL;
    intptr_t lo = 0, hi = len;
    int r = 0;
    if (s) {
        for (intptr_t k; r == 0 && maxsplit-- != 0 && (k = find_in(d, len, s, m, lo, hi, dir)) >= 0;) {
            r = dir > 0 ? push(list, self, d, lo, k) : push(list, self, d, k + m, hi);
            if (dir > 0) lo = k + m;
            else hi = k;
        }
        if (r == 0) r = push(list, self, d, lo, hi);
    } else if (dir > 0) {
        while (r == 0) {
            while (lo < hi && b_space((uint8_t)d[lo])) lo++;
            if (lo == hi) break;
            intptr_t j = lo;
            if (maxsplit-- == 0) j = hi;
            else while (j < hi && !b_space((uint8_t)d[j])) j++;
            r = push(list, self, d, lo, j);
            lo = j;
        }
    } else {
        while (r == 0) {
            while (hi > lo && b_space((uint8_t)d[hi - 1])) hi--;
            if (hi == lo) break;
            intptr_t j = hi;
            if (maxsplit-- == 0) j = lo;
            else while (j > lo && !b_space((uint8_t)d[j - 1])) j--;
            r = push(list, self, d, j, hi);
            hi = j;
        }
    }
    if (r == 0 && dir < 0) r = pith_list_reverse(list);
    if (r < 0) PITH_CLEAR(list);
    return list;
}

static PithObject *m_split(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return split_common("split", self, a, n, kw, 1);
}
static PithObject *m_rsplit(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return split_common("rsplit", self, a, n, kw, -1);
}

static PithObject *m_splitlines(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    static const char *const kwlist[] = {"keepends"};
    static const PithArgSpec spec = {"splitlines", kwlist, 1, 0, 0, 1};
    PithObject *v[1];
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    int keep = 0;
    if (v[0]) { /* bool(accept={int}) */
        int k;
        if (pith_cint_arg(v[0], &k) < 0) return NULL;
        keep = k != 0;
    }
    SELF_VIEW(self, d, len);
    PithObject *list = pith_list_new(0);
    for (intptr_t i = 0; list && i < len;) {
        intptr_t start = i;
        while (i < len && d[i] != '\n' && d[i] != '\r') i++;
        intptr_t eol = i;
        if (i < len) i += (d[i] == '\r' && i + 1 < len && d[i + 1] == '\n') ? 2 : 1;
        if (push(list, self, d, start, keep ? i : eol) < 0) PITH_CLEAR(list);
    }
    return list;
}

static PithObject *strip_common(const char *fname, PithObject *self, PithObject *const *a,
                                size_t n, int which) {
    if (pith_arg_check_range(fname, n, 0, 1) < 0) return NULL;
    SELF_VIEW(self, d, len);
    const char *chars = NULL;
    intptr_t nc = 0;
    if (n && a[0] != PITH_NONE && need_buffer(a[0], &chars, &nc) < 0) return NULL;
#define STRIPPABLE(c) (chars ? memchr(chars, (c), (size_t)nc) != NULL : b_space((uint8_t)(c)))
    intptr_t i = 0, j = len;
    if (which & 1)
        while (i < j && STRIPPABLE(d[i])) i++;
    if (which & 2)
        while (j > i && STRIPPABLE(d[j - 1])) j--;
#undef STRIPPABLE
    return make_like(self, d + i, j - i);
}

static PithObject *m_strip(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return strip_common("strip", self, a, n, 3);
}
static PithObject *m_lstrip(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return strip_common("lstrip", self, a, n, 1);
}
static PithObject *m_rstrip(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return strip_common("rstrip", self, a, n, 2);
}

static PithObject *m_join(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    SELF_VIEW(self, sep, ns);
    PithObject *seq = pith_sequence_fast(a[0], "can only join an iterable");
    if (!seq) return NULL;
    intptr_t cnt = PITH_SIZE(seq), total = 0;
    PithObject **items = pith_list_check(seq) ? PITH_LIST_ITEMS(seq) : PITH_TUPLE_ITEMS(seq);
    for (intptr_t i = 0; i < cnt; i++) {
        const char *d;
        intptr_t m;
        if (!pith_bytes_view(items[i], &d, &m) &&
            !(pith_memoryview_check(items[i]) && need_buffer(items[i], &d, &m) == 0)) {
            if (pith_err_occurred()) {
                PITH_DECREF(seq);
                return NULL;
            }
            /* report before dropping seq: it may own the item */
            pith_err_format(&pith_exc_TypeError,
                            "sequence item %zd: expected a bytes-like object, %.80s found", i,
                            pith_type_name(items[i]));
            PITH_DECREF(seq);
            return NULL;
        }
        total += m + (i ? ns : 0);
    }
    PithObject *r = make_like(self, NULL, total);
    if (r) {
        char *o = pith_bytearray_check(r) ? BA(r)->data : PITH_BYTES_DATA(r);
        for (intptr_t i = 0; i < cnt; i++) {
            const char *d;
            intptr_t m;
            if (!pith_bytes_view(items[i], &d, &m)) need_buffer(items[i], &d, &m);
            if (i) o = (char *)memcpy(o, sep, (size_t)ns) + ns;
            o = (char *)memcpy(o, d, (size_t)m) + m;
        }
    }
    PITH_DECREF(seq);
    return r;
}

static PithObject *m_replace(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    if (pith_arg_check_range("replace", n, 2, 3) < 0) return NULL;
    const char *old, *new_;
    intptr_t no, nn, count = -1;
    if (need_buffer(a[0], &old, &no) < 0 || need_buffer(a[1], &new_, &nn) < 0) return NULL;
    if (n > 2 && (count = pith_number_as_ssize(a[2], &pith_exc_OverflowError)) == -1 &&
        pith_err_occurred())
        return NULL;
    SELF_VIEW(self, d, len);
    PithObject *acc = pith_bytearray_from(NULL, 0);
    intptr_t i = 0;
#define APPEND(p, k)                                                           \
    do {                                                                       \
        intptr_t at_ = PITH_SIZE(acc);                                         \
        if (ba_resize(acc, at_ + (k)) < 0) goto fail;                          \
        memcpy(BA(acc)->data + at_, (p), (size_t)(k));                         \
    } while (0)
    if (!acc) return NULL;
    while (count != 0) {
        intptr_t k = no == 0 ? (i <= len ? i : -1) : find_in(d, len, old, no, i, len, 1);
        if (k < 0) break;
        APPEND(d + i, k - i);
        APPEND(new_, nn);
        if (no == 0) {
            if (k < len) APPEND(d + k, 1);
            i = k + 1;
        } else {
            i = k + no;
        }
        if (count > 0) count--;
    }
    if (i < len) APPEND(d + i, len - i);
#undef APPEND
    PithObject *r = make_like(self, BA(acc)->data, PITH_SIZE(acc));
    PITH_DECREF(acc);
    return r;
fail:
    PITH_DECREF(acc);
    return NULL;
}

static PithObject *partition_common(PithObject *self, PithObject *sepo, int dir) {
    const char *s;
    intptr_t m;
    if (need_buffer(sepo, &s, &m) < 0) return NULL;
    if (m == 0) return pith_err_format(&pith_exc_ValueError, "empty separator");
    SELF_VIEW(self, d, len);
    intptr_t k = find_in(d, len, s, m, 0, len, dir);
    PithObject *p[3];
    if (k < 0) {
        p[0] = make_like(self, dir > 0 ? d : "", dir > 0 ? len : 0);
        p[1] = make_like(self, "", 0);
        p[2] = make_like(self, dir > 0 ? "" : d, dir > 0 ? 0 : len);
    } else {
        p[0] = make_like(self, d, k);
        p[1] = make_like(self, s, m);
        p[2] = make_like(self, d + k + m, len - k - m);
    }
    PithObject *r = p[0] && p[1] && p[2] ? pith_tuple_pack(3, p[0], p[1], p[2]) : NULL;
    for (int i = 0; i < 3; i++) PITH_XDECREF(p[i]);
    return r;
}

static PithObject *m_partition(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return partition_common(self, a[0], 1);
}
static PithObject *m_rpartition(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return partition_common(self, a[0], -1);
}

static PithObject *affix(PithObject *self, PithObject *x, int dir) {
    const char *s;
    intptr_t m;
    if (need_buffer(x, &s, &m) < 0) return NULL;
    SELF_VIEW(self, d, len);
    if (!tail_at(d, len, s, m, 0, len, dir)) m = 0;
    return make_like(self, d + (dir < 0 ? m : 0), len - m);
}
static PithObject *m_removeprefix(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return affix(self, a[0], -1);
}
static PithObject *m_removesuffix(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return affix(self, a[0], 1);
}

/* center/ljust/rjust/zfill: left fill count, right fill count. */
static PithObject *pad_to(PithObject *self, PithObject *const *a, size_t n, const char *fname, int how) {
    if (pith_arg_check_range(fname, n, how == 3 ? 1 : 1, how == 3 ? 1 : 2) < 0) return NULL;
    intptr_t w = pith_number_as_ssize(a[0], &pith_exc_OverflowError);
    if (w == -1 && pith_err_occurred()) return NULL;
    char fill = how == 3 ? '0' : ' ';
    if (n > 1) {
        const char *f;
        intptr_t nf;
        if (!pith_bytes_view(a[1], &f, &nf) || nf != 1)
            return pith_err_format(&pith_exc_TypeError,
                                   "%s() argument 2 must be a byte string of length 1, not %.100s",
                                   fname, pith_type_name(a[1]));
        fill = f[0];
    }
    SELF_VIEW(self, d, len);
    intptr_t marg = w > len ? w - len : 0;
    intptr_t left = how == 0 ? marg / 2 + (marg & w & 1) : how == 1 ? 0 : marg;
    PithObject *r = make_like(self, NULL, len + marg);
    if (!r) return NULL;
    char *o = pith_bytearray_check(r) ? BA(r)->data : PITH_BYTES_DATA(r);
    memset(o, fill, (size_t)(len + marg));
    memcpy(o + left, d, (size_t)len);
    if (how == 3 && marg && len && (d[0] == '+' || d[0] == '-')) {
        o[0] = d[0];
        o[marg] = '0';
    }
    return r;
}

static PithObject *m_center(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return pad_to(self, a, n, "center", 0);
}
static PithObject *m_ljust(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return pad_to(self, a, n, "ljust", 1);
}
static PithObject *m_rjust(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return pad_to(self, a, n, "rjust", 2);
}
static PithObject *m_zfill(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return pad_to(self, a, 1, "zfill", 3);
}

static PithObject *m_getnewargs(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    SELF_VIEW(self, d, len);
    PithObject *b = pith_bytes_from(d, len);
    PithObject *r = b ? pith_tuple_pack(1, b) : NULL;
    PITH_XDECREF(b);
    return r;
}

/* ---- translate / maketrans / istitle / expandtabs ------------------------------ */

static PithObject *m_maketrans(PithObject *cls, PithObject *const *a, size_t n, PithObject *kw) {
    if (pith_arg_check_range("maketrans", n, 2, 2) < 0) return NULL;
    const char *f, *t;
    intptr_t nf, nt;
    if (need_buffer(a[0], &f, &nf) < 0 || need_buffer(a[1], &t, &nt) < 0) return NULL;
    if (nf != nt) return pith_err_format(&pith_exc_ValueError, "maketrans arguments must have same length");
    char table[256];
    for (int i = 0; i < 256; i++) table[i] = (char)i;
    for (intptr_t i = 0; i < nf; i++) table[(uint8_t)f[i]] = t[i];
    return pith_bytes_from(table, 256);
}

static PithObject *m_translate(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    static const char *const kwlist[] = {"", "delete"};
    static const PithArgSpec spec = {"translate", kwlist, 2, 1, 1, 2};
    PithObject *v[2];
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    const char *table = NULL, *del = "";
    intptr_t nt = 256, nd = 0;
    if (v[0] != PITH_NONE && need_buffer(v[0], &table, &nt) < 0) return NULL;
    if (nt != 256)
        return pith_err_format(&pith_exc_ValueError, "translation table must be 256 characters long");
    if (v[1] && need_buffer(v[1], &del, &nd) < 0) return NULL;
    SELF_VIEW(self, d, len);
    PithObject *r = make_like(self, NULL, len);
    if (!r) return NULL;
    char *o = pith_bytearray_check(r) ? BA(r)->data : PITH_BYTES_DATA(r);
    intptr_t w = 0;
    for (intptr_t i = 0; i < len; i++) {
        if (nd && memchr(del, d[i], (size_t)nd)) continue;
        o[w++] = table ? table[(uint8_t)d[i]] : d[i];
    }
    if (pith_bytearray_check(r)) {
        ba_resize(r, w);
        return r;
    }
    PithObject *shrunk = pith_bytes_from(o, w);
    PITH_DECREF(r);
    return shrunk;
}

static PithObject *m_istitle(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    SELF_VIEW(self, d, len);
    bool cased = false, prev = false;
    for (intptr_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)d[i];
        if (b_upper(c)) {
            if (prev) PITH_RETURN_FALSE;
            prev = cased = true;
        } else if (b_lower(c)) {
            if (!prev) PITH_RETURN_FALSE;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return pith_bool_from(cased);
}

static PithObject *m_expandtabs(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    static const char *const kwlist[] = {"tabsize"};
    static const PithArgSpec spec = {"expandtabs", kwlist, 1, 0, 0, 1};
    PithObject *v[1];
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    intptr_t tab = 8;
    if (v[0] && (tab = pith_number_as_ssize(v[0], &pith_exc_OverflowError)) == -1 && pith_err_occurred())
        return NULL;
    SELF_VIEW(self, d, len);
    PithObject *acc = pith_bytearray_from(NULL, 0);
    intptr_t col = 0;
    for (intptr_t i = 0; acc && i < len; i++) {
        intptr_t k = d[i] == '\t' ? (tab > 0 ? tab - col % tab : 0) : 1;
        intptr_t at = PITH_SIZE(acc);
        if (ba_resize(acc, at + k) < 0) {
            PITH_CLEAR(acc);
            break;
        }
        if (d[i] == '\t') memset(BA(acc)->data + at, ' ', (size_t)k);
        else BA(acc)->data[at] = d[i];
        col = d[i] == '\n' || d[i] == '\r' ? 0 : col + k;
    }
    if (!acc) return NULL;
    PithObject *r = make_like(self, BA(acc)->data, PITH_SIZE(acc));
    PITH_DECREF(acc);
    return r;
}

/* ---- bytearray mutation ----------------------------------------------------------------- */

static PithObject *ba_append(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    int b = pith_index_check(a[0]) ? byte_value(a[0]) : -2;
    if (b == -2)
        return pith_err_format(&pith_exc_TypeError, "'%.100s' object cannot be interpreted as an integer",
                               pith_type_name(a[0]));
    if (b < 0 || ba_resize(self, PITH_SIZE(self) + 1) < 0) return NULL;
    BA(self)->data[PITH_SIZE(self) - 1] = (char)b;
    PITH_RETURN_NONE;
}

static int ba_extend_obj(PithObject *self, PithObject *src) {
    const char *d;
    intptr_t m;
    PithObject *tmp = NULL;
    if (pith_memoryview_check(src)) {
        if (!(tmp = pith_buffer_to_bytes(src))) return -1;
        d = PITH_BYTES_DATA(tmp);
        m = PITH_SIZE(tmp);
    } else if (!pith_bytes_view(src, &d, &m)) {
        PithObject *it = pith_get_iter(src);
        if (!it) {
            if (pith_err_matches(&pith_exc_TypeError)) {
                pith_err_clear();
                pith_err_format(&pith_exc_TypeError, "can't extend bytearray with %.100s",
                                pith_type_name(src));
            }
            return -1;
        }
        tmp = from_iterable(it, false);
        PITH_DECREF(it);
        if (!tmp) return -1;
        d = BA(tmp)->data;
        m = PITH_SIZE(tmp);
    }
    intptr_t at = PITH_SIZE(self);
    int r = ba_resize(self, at + m);
    if (r == 0) memmove(BA(self)->data + at, d, (size_t)m);
    PITH_XDECREF(tmp);
    return r;
}

static PithObject *ba_extend(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return ba_extend_obj(self, a[0]) < 0 ? NULL : PITH_NONE;
}

static PithObject *ba_inplace_concat(PithObject *self, PithObject *other) {
    const char *d;
    intptr_t m;
    if (!pith_bytes_view(other, &d, &m) && !pith_memoryview_check(other))
        return pith_err_format(&pith_exc_TypeError, "can't concat %.100s to %.100s",
                               pith_type_name(other), pith_type_name(self));
    if (ba_extend_obj(self, other) < 0) return NULL;
    return PITH_NEWREF(self);
}

static PithObject *ba_inplace_repeat(PithObject *self, intptr_t n) {
    intptr_t len = PITH_SIZE(self);
    if (n <= 0 || len == 0) {
        if (ba_resize(self, 0) < 0) return NULL;
        return PITH_NEWREF(self);
    }
    if (n > (INTPTR_MAX / 2 - 1) / len) return pith_err_no_memory();
    if (ba_resize(self, len * n) < 0) return NULL;
    char *d = BA(self)->data;
    for (intptr_t i = 1; i < n; i++) memcpy(d + i * len, d, (size_t)len);
    return PITH_NEWREF(self);
}

static PithObject *ba_alloc_m(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return pith_int_from_ssize(BA(self)->alloc);
}

static PithObject *bytes_bytes_m(PithObject *self, PithObject *const *a, size_t n,
                                 PithObject *kw) {
    if (PITH_TYPE(self) == &pith_bytes_type) return PITH_NEWREF(self);
    return pith_bytes_from(PITH_BYTES_DATA(self), PITH_BYTES_SIZE(self));
}

static PithObject *ba_pop(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    if (pith_arg_check_range("pop", n, 0, 1) < 0) return NULL;
    intptr_t len = PITH_SIZE(self), i = -1;
    if (n && (i = pith_number_as_ssize(a[0], &pith_exc_OverflowError)) == -1 && pith_err_occurred()) {
        if (pith_err_matches(&pith_exc_OverflowError)) {
            pith_err_clear();
            pith_err_set_string(&pith_exc_OverflowError,
                                "Python int too large to convert to C ssize_t");
        }
        return NULL;
    }
    if (len == 0) return pith_err_format(&pith_exc_IndexError, "pop from empty bytearray");
    if (i < 0) i += len;
    if (i < 0 || i >= len) return pith_err_format(&pith_exc_IndexError, "pop index out of range");
    uint8_t c = (uint8_t)BA(self)->data[i];
    memmove(BA(self)->data + i, BA(self)->data + i + 1, (size_t)(len - i - 1));
    ba_resize(self, len - 1);
    return pith_int_from_i64(c);
}

static PithObject *ba_insert(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    if (pith_arg_check_range("insert", n, 2, 2) < 0) return NULL;
    intptr_t len = PITH_SIZE(self);
    intptr_t i = pith_number_as_ssize(a[0], &pith_exc_OverflowError);
    if (i == -1 && pith_err_occurred()) return NULL;
    int b = byte_value(a[1]);
    if (b < 0 || ba_resize(self, len + 1) < 0) return NULL;
    if (i < 0) i = i + len < 0 ? 0 : i + len;
    if (i > len) i = len;
    memmove(BA(self)->data + i + 1, BA(self)->data + i, (size_t)(len - i));
    BA(self)->data[i] = (char)b;
    PITH_RETURN_NONE;
}

static PithObject *ba_remove(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    int b = byte_value(a[0]);
    if (b < 0) return NULL;
    intptr_t len = PITH_SIZE(self);
    char *p = len ? memchr(BA(self)->data, b, (size_t)len) : NULL;
    if (!p) return pith_err_format(&pith_exc_ValueError, "value not found in bytearray");
    memmove(p, p + 1, (size_t)(BA(self)->data + len - p - 1));
    ba_resize(self, len - 1);
    PITH_RETURN_NONE;
}

static PithObject *ba_clear(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    ba_resize(self, 0);
    PITH_RETURN_NONE;
}

static PithObject *ba_copy(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return pith_bytearray_from(BA(self)->data, PITH_SIZE(self));
}

static PithObject *ba_reverse(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    char *d = BA(self)->data;
    for (intptr_t i = 0, j = PITH_SIZE(self) - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    PITH_RETURN_NONE;
}

static int ba_ass_subscript(PithObject *self, PithObject *key, PithObject *value) {
    intptr_t len = PITH_SIZE(self);
    if (pith_index_check(key)) {
        intptr_t i = pith_number_as_ssize(key, &pith_exc_IndexError);
        if (i == -1 && pith_err_occurred()) return -1;
        /* the value is converted first: its __index__ may resize self */
        int b = value ? byte_value(value) : 0;
        if (b < 0) return -1;
        len = PITH_SIZE(self);
        if (i < 0) i += len;
        if (i < 0 || i >= len) {
            pith_err_set_string(&pith_exc_IndexError, "bytearray index out of range");
            return -1;
        }
        if (!value) {
            memmove(BA(self)->data + i, BA(self)->data + i + 1, (size_t)(len - i - 1));
            return ba_resize(self, len - 1);
        }
        BA(self)->data[i] = (char)b;
        return 0;
    }
    if (!pith_slice_check(key)) {
        pith_err_format(&pith_exc_TypeError, "bytearray indices must be integers or slices, not %.100s",
                        pith_type_name(key));
        return -1;
    }
    intptr_t start, stop, step;
    if (pith_slice_unpack(key, &start, &stop, &step) < 0) return -1;
    intptr_t cnt = pith_slice_adjust(len, &start, &stop, step);
    PithObject *src = NULL;
    if (value) {
        src = pith_index_check(value) ? NULL : contents_from("bytearray", value, NULL, NULL);
        if (!src) {
            if (!pith_err_occurred())
                pith_err_format(&pith_exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
    }
    intptr_t m = src ? PITH_SIZE(src) : 0;
    int r = 0;
    if (step == 1) {
        if (stop < start) stop = start;
        intptr_t tail = len - stop;
        if (m > stop - start) r = ba_resize(self, len + m - (stop - start));
        if (r == 0) {
            memmove(BA(self)->data + start + m, BA(self)->data + stop, (size_t)tail);
            if (m) memcpy(BA(self)->data + start, PITH_BYTES_DATA(src), (size_t)m);
            r = ba_resize(self, start + m + tail);
        }
    } else if (!src) { /* delete extended slice: keep bytes not selected */
        char *d = BA(self)->data;
        intptr_t w = 0;
        for (intptr_t i = 0; i < len; i++) {
            bool sel = step > 0 ? (i >= start && i < stop && (i - start) % step == 0)
                                : (i <= start && i > stop && (start - i) % (-step) == 0);
            if (!sel) d[w++] = d[i];
        }
        r = ba_resize(self, w);
    } else if (m != cnt) {
        pith_err_format(&pith_exc_ValueError,
                        "attempt to assign bytes of size %zd to extended slice of size %zd", m, cnt);
        r = -1;
    } else {
        for (intptr_t i = 0; i < cnt; i++) BA(self)->data[start + i * step] = PITH_BYTES_DATA(src)[i];
    }
    PITH_XDECREF(src);
    return r;
}

/* ---- iterators ------------------------------------------------------------------------ */

typedef struct BytesIter {
    PithObject ob;
    PithObject *seq; /* NULL once exhausted */
    intptr_t index;
} BytesIter;

static PithObject *bytes_iter_new(PithObject *o) {
    BytesIter *it = (BytesIter *)pith_obj_new(pith_bytearray_check(o) ? &pith_bytearray_iter_type
                                                                      : &pith_bytes_iter_type);
    if (!it) return NULL;
    it->seq = PITH_NEWREF(o);
    it->index = 0;
    return (PithObject *)it;
}

static void bytes_iter_dealloc(PithObject *o) {
    PITH_XDECREF(((BytesIter *)o)->seq);
    pith_obj_free(o);
}

static PithObject *bytes_iter_next(PithObject *o) {
    BytesIter *it = (BytesIter *)o;
    if (!it->seq) return NULL;
    SELF_VIEW(it->seq, d, len);
    if (it->index < len) return pith_int_from_i64((uint8_t)d[it->index++]);
    PITH_CLEAR(it->seq);
    return NULL;
}

static PithObject *bytes_iter_self(PithObject *o) { return PITH_NEWREF(o); }

static PithObject *bytes_iter_length_hint(PithObject *o, PithObject *const *a, size_t n,
                                          PithObject *kw) {
    BytesIter *it = (BytesIter *)o;
    if (!it->seq) return pith_int_from_i64(0);
    SELF_VIEW(it->seq, d, len);
    (void)d;
    return pith_int_from_ssize(it->index < len ? len - it->index : 0);
}

static PithObject *bytes_iter_reduce(PithObject *o, PithObject *const *a, size_t n,
                                     PithObject *kw) {
    BytesIter *it = (BytesIter *)o;
    if (it->seq) return pith_iter_reduce(it->seq, it->index);
    PithObject *e = pith_tuple_new(0);
    PithObject *r = e ? pith_iter_reduce_exhausted(e) : NULL;
    PITH_XDECREF(e);
    return r;
}

static PithObject *bytes_iter_setstate(PithObject *o, PithObject *const *a, size_t n,
                                       PithObject *kw) {
    BytesIter *it = (BytesIter *)o;
    intptr_t len = 0, i = it->index;
    if (it->seq) {
        SELF_VIEW(it->seq, d, l);
        (void)d;
        len = l;
    }
    PithObject *r = pith_iter_setstate_fwd(a[0], len, &i);
    if (r && it->seq) it->index = i;
    return r;
}

static PithMethodDef bytes_iter_methods[] = {
    {"__length_hint__", bytes_iter_length_hint, PITH_METH_NOARGS, NULL},
    {"__reduce__", bytes_iter_reduce, PITH_METH_NOARGS, NULL},
    {"__setstate__", bytes_iter_setstate, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

#define ITER_TYPE(cname, pyname)                                               \
    PithType cname = {                                                         \
        PITH_VAR_HEAD_INIT(&pith_type_type, 0),                                \
        .tp_name = pyname,                                                     \
        .tp_basicsize = sizeof(BytesIter),                                     \
        .tp_flags = PITH_TPFLAGS_IMMUTABLETYPE | PITH_TPFLAGS_DISALLOW_INSTANTIATION, \
        .tp_dealloc = bytes_iter_dealloc,                                      \
        .tp_iter = bytes_iter_self,                                            \
        .tp_iternext = bytes_iter_next,                                        \
        .tp_methods = bytes_iter_methods,                                      \
    };
ITER_TYPE(pith_bytes_iter_type, "bytes_iterator")
ITER_TYPE(pith_bytearray_iter_type, "bytearray_iterator")

/* ---- type objects ---------------------------------------------------------------------- */

#define COMMON_METHODS                                                         \
    {"decode", m_decode, PITH_METH_KW, NULL},                                  \
    {"hex", m_hex, PITH_METH_KW, NULL},                                        \
    {"fromhex", m_fromhex, PITH_METH_O | PITH_METH_CLASS, NULL},               \
    {"find", m_find, PITH_METH_FAST, NULL},                                    \
    {"rfind", m_rfind, PITH_METH_FAST, NULL},                                  \
    {"index", m_index, PITH_METH_FAST, NULL},                                  \
    {"rindex", m_rindex, PITH_METH_FAST, NULL},                                \
    {"count", m_count, PITH_METH_FAST, NULL},                                  \
    {"startswith", m_startswith, PITH_METH_FAST, NULL},                        \
    {"endswith", m_endswith, PITH_METH_FAST, NULL},                            \
    {"lower", m_lower, PITH_METH_NOARGS, NULL},                                \
    {"upper", m_upper, PITH_METH_NOARGS, NULL},                                \
    {"swapcase", m_swapcase, PITH_METH_NOARGS, NULL},                          \
    {"capitalize", m_capitalize, PITH_METH_NOARGS, NULL},                      \
    {"title", m_title, PITH_METH_NOARGS, NULL},                                \
    {"isalpha", m_isalpha, PITH_METH_NOARGS, NULL},                            \
    {"isalnum", m_isalnum, PITH_METH_NOARGS, NULL},                            \
    {"isdigit", m_isdigit, PITH_METH_NOARGS, NULL},                            \
    {"isspace", m_isspace, PITH_METH_NOARGS, NULL},                            \
    {"isascii", m_isascii, PITH_METH_NOARGS, NULL},                            \
    {"islower", m_islower, PITH_METH_NOARGS, NULL},                            \
    {"isupper", m_isupper, PITH_METH_NOARGS, NULL},                            \
    {"split", m_split, PITH_METH_KW, NULL},                                    \
    {"rsplit", m_rsplit, PITH_METH_KW, NULL},                                  \
    {"splitlines", m_splitlines, PITH_METH_KW, NULL},                          \
    {"strip", m_strip, PITH_METH_FAST, NULL},                                  \
    {"lstrip", m_lstrip, PITH_METH_FAST, NULL},                                \
    {"rstrip", m_rstrip, PITH_METH_FAST, NULL},                                \
    {"join", m_join, PITH_METH_O, NULL},                                       \
    {"replace", m_replace, PITH_METH_FAST, NULL},                              \
    {"partition", m_partition, PITH_METH_O, NULL},                             \
    {"rpartition", m_rpartition, PITH_METH_O, NULL},                           \
    {"removeprefix", m_removeprefix, PITH_METH_O, NULL},                       \
    {"removesuffix", m_removesuffix, PITH_METH_O, NULL},                       \
    {"center", m_center, PITH_METH_FAST, NULL},                                \
    {"ljust", m_ljust, PITH_METH_FAST, NULL},                                  \
    {"rjust", m_rjust, PITH_METH_FAST, NULL},                                  \
    {"zfill", m_zfill, PITH_METH_O, NULL},                                     \
    {"maketrans", m_maketrans, PITH_METH_FAST | PITH_METH_STATIC, NULL},       \
    {"translate", m_translate, PITH_METH_KW, NULL},                            \
    {"istitle", m_istitle, PITH_METH_NOARGS, NULL},                            \
    {"expandtabs", m_expandtabs, PITH_METH_KW, NULL}

static PithMethodDef bytes_methods[] = {
    COMMON_METHODS,
    {"__getnewargs__", m_getnewargs, PITH_METH_NOARGS, NULL},
    {"__bytes__", bytes_bytes_m, PITH_METH_NOARGS, "Convert this value to exact type bytes."},
    {NULL, NULL, 0, NULL},
};

static PithMethodDef bytearray_methods[] = {
    COMMON_METHODS,
    {"__alloc__", ba_alloc_m, PITH_METH_NOARGS,
     "B.__alloc__() -> int\n\nReturn the number of bytes actually allocated."},
    {"append", ba_append, PITH_METH_O, NULL},
    {"extend", ba_extend, PITH_METH_O, NULL},
    {"pop", ba_pop, PITH_METH_FAST, NULL},
    {"insert", ba_insert, PITH_METH_FAST, NULL},
    {"remove", ba_remove, PITH_METH_O, NULL},
    {"clear", ba_clear, PITH_METH_NOARGS, NULL},
    {"copy", ba_copy, PITH_METH_NOARGS, NULL},
    {"reverse", ba_reverse, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithSequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
};
static PithMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};
static PithSequenceMethods bytearray_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
    .sq_inplace_concat = ba_inplace_concat,
    .sq_inplace_repeat = ba_inplace_repeat,
};
static PithMappingMethods bytearray_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
    .mp_ass_subscript = ba_ass_subscript,
};

static PithObject *bytes_str(PithObject *o) { return pith_bytes_repr(o); }

PithType pith_bytes_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "bytes",
    .tp_basicsize = sizeof(PithBytes),
    .tp_itemsize = 1,
    .tp_flags = PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_BYTES_SUBCLASS | PITH_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
              "bytes() -> empty bytes object",
    .tp_dealloc = bytes_dealloc,
    .tp_repr = pith_bytes_repr,
    .tp_str = bytes_str,
    .tp_hash = bytes_hash,
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter_new,
    .tp_new = bytes_new,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_methods = bytes_methods,
};

PithType pith_bytearray_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(PithByteArray),
    .tp_flags = PITH_TPFLAGS_BASETYPE,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
              "bytearray() -> empty bytes array",
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = pith_bytes_repr,
    .tp_str = bytes_str,
    .tp_hash = bytearray_hash,
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter_new,
    .tp_new = bytearray_new,
    .tp_init = bytearray_init,
    .tp_as_number = &bytearray_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_methods = bytearray_methods,
};
