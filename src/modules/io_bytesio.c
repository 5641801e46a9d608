/* io_bytesio.c — _io.BytesIO: an in-memory binary stream.
 * Invariants: buf[0..size) is the content, pos >= 0 may exceed size (a
 * later write zero-fills the gap); closed streams have closed=1 and no
 * buffer. */
#include "io_internal.h"
#include "pith/memoryview.h"

#include <string.h>

typedef struct BytesIO {
    PithIOBase base;
    char *buf;
    intptr_t size, cap, pos;
    char closed;
} BytesIO;

#define BIO(o) ((BytesIO *)(o))

static int bio_check(BytesIO *b) {
    if (!b->closed) return 0;
    pith_io_closed_error();
    return -1;
}

static int bio_reserve(BytesIO *b, intptr_t need) {
    if (need <= b->cap) return 0;
    intptr_t nc = b->cap ? b->cap : 64;
    while (nc < need) nc += nc >> 1 | 64;
    char *nb = pith_mem_realloc(b->buf, (size_t)nc);
    if (!nb) {
        pith_err_no_memory();
        return -1;
    }
    b->buf = nb;
    b->cap = nc;
    return 0;
}

static intptr_t bio_write_bytes(BytesIO *b, const char *p, intptr_t n) {
    if (n == 0) return 0;
    if (bio_reserve(b, b->pos + n) < 0) return -1;
    if (b->pos > b->size) memset(b->buf + b->size, 0, (size_t)(b->pos - b->size));
    memcpy(b->buf + b->pos, p, (size_t)n);
    b->pos += n;
    if (b->pos > b->size) b->size = b->pos;
    return n;
}

static PithObject *bio_new(PithType *t, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    PithObject *o = pith_gc_new(t);
    if (o) pith_gc_track(o);
    return o;
}

static int bio_init(PithObject *self, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    static const char *const kw[] = {"initial_bytes", NULL};
    static const PithArgSpec spec = {"BytesIO", kw, 1, 0, 0, 1};
    PithObject *v[1];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return -1;
    BytesIO *b = BIO(self);
    b->size = b->pos = 0;
    b->closed = 0;
    if (v[0] && v[0] != PITH_NONE) {
        PithBuffer view;
        if (pith_buffer_get(v[0], &view, false) < 0) return -1;
        intptr_t r = bio_write_bytes(b, view.buf, view.len);
        pith_buffer_release(&view);
        if (r < 0) return -1;
        b->pos = 0;
    }
    return 0;
}

static void bio_dealloc(PithObject *o) {
    if (pith_io_dealloc_begin(o)) return;
    pith_mem_free(BIO(o)->buf);
    pith_io_dealloc_end(o);
}

static int bio_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    return pith_io_base_traverse(o, visit, arg);
}

static int bio_clear(PithObject *o) {
    pith_io_base_clear(o);
    return 0;
}

static PithObject *take(BytesIO *b, intptr_t n) {
    intptr_t avail = b->size > b->pos ? b->size - b->pos : 0;
    if (n < 0 || n > avail) n = avail;
    PithObject *r = pith_bytes_from(b->buf ? b->buf + b->pos : "", n);
    if (r) b->pos += n;
    return r;
}

IO_METHOD(bio_read) {
    intptr_t n;
    if (pith_arg_check_range("read", nargs, 0, 1) < 0 || pith_io_size_arg(args, nargs, &n) < 0 ||
        bio_check(BIO(self)) < 0)
        return NULL;
    return take(BIO(self), n);
}

static intptr_t line_len(BytesIO *b, intptr_t limit) {
    intptr_t avail = b->size > b->pos ? b->size - b->pos : 0;
    if (limit >= 0 && limit < avail) avail = limit;
    const char *start = b->buf ? b->buf + b->pos : "";
    const char *nl = avail ? memchr(start, '\n', (size_t)avail) : NULL;
    return nl ? nl - start + 1 : avail;
}

IO_METHOD(bio_readline) {
    intptr_t n;
    if (pith_arg_check_range("readline", nargs, 0, 1) < 0 || pith_io_size_arg(args, nargs, &n) < 0 ||
        bio_check(BIO(self)) < 0)
        return NULL;
    return take(BIO(self), line_len(BIO(self), n));
}

IO_METHOD(bio_readlines) {
    intptr_t hint;
    if (pith_arg_check_range("readlines", nargs, 0, 1) < 0 || pith_io_size_arg(args, nargs, &hint) < 0 ||
        bio_check(BIO(self)) < 0)
        return NULL;
    PithObject *list = pith_list_new(0);
    intptr_t total = 0;
    while (list) {
        intptr_t n = line_len(BIO(self), -1);
        if (n == 0) break;
        PithObject *line = take(BIO(self), n);
        if (!line || pith_list_append(list, line) < 0) PITH_CLEAR(list);
        PITH_XDECREF(line);
        total += n;
        if (hint > 0 && total >= hint) break;
    }
    return list;
}

IO_METHOD(bio_readinto) {
    BytesIO *b = BIO(self);
    if (bio_check(b) < 0) return NULL;
    PithBuffer v;
    if (pith_buffer_get(args[0], &v, true) < 0) return NULL;
    intptr_t avail = b->size > b->pos ? b->size - b->pos : 0;
    intptr_t n = v.len < avail ? v.len : avail;
    if (n) memcpy(v.buf, b->buf + b->pos, (size_t)n);
    b->pos += n;
    pith_buffer_release(&v);
    return pith_int_from_ssize(n);
}

IO_METHOD(bio_write) {
    BytesIO *b = BIO(self);
    if (bio_check(b) < 0) return NULL;
    PithBuffer v;
    if (pith_buffer_get(args[0], &v, false) < 0) return NULL;
    intptr_t r = bio_write_bytes(b, v.buf, v.len);
    pith_buffer_release(&v);
    return r < 0 ? NULL : pith_int_from_ssize(r);
}

IO_METHOD(bio_writelines) {
    if (bio_check(BIO(self)) < 0) return NULL;
    PithObject *it = pith_get_iter(args[0]);
    if (!it) return NULL;
    PithObject *item;
    while ((item = pith_iter_next(it))) {
        PithObject *r = bio_write(self, &item, 1, NULL);
        PITH_DECREF(item);
        if (!r) break;
        PITH_DECREF(r);
    }
    PITH_DECREF(it);
    if (pith_err_occurred()) return NULL;
    PITH_RETURN_NONE;
}

IO_METHOD(bio_getvalue) {
    BytesIO *b = BIO(self);
    if (bio_check(b) < 0) return NULL;
    return pith_bytes_from(b->buf ? b->buf : "", b->size);
}

IO_METHOD(bio_getbuffer) {
    BytesIO *b = BIO(self);
    if (bio_check(b) < 0) return NULL;
    PithObject *ba = pith_bytearray_from(b->buf ? b->buf : "", b->size);
    if (!ba) return NULL;
    PithObject *mv = pith_memoryview_new(ba);
    PITH_DECREF(ba);
    return mv;
}

IO_METHOD(bio_seek) {
    BytesIO *b = BIO(self);
    if (pith_arg_check_range("seek", nargs, 1, 2) < 0) return NULL;
    intptr_t pos = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
    if (pos == -1 && pith_err_occurred()) return NULL;
    intptr_t whence = 0;
    if (nargs > 1 && (whence = pith_number_as_ssize(args[1], &pith_exc_OverflowError)) == -1 &&
        pith_err_occurred())
        return NULL;
    if (bio_check(b) < 0) return NULL;
    if (whence == 0 && pos < 0)
        return pith_err_format(&pith_exc_ValueError, "negative seek value %zd", pos);
    if (whence == 1) pos = pos > INTPTR_MAX - b->pos ? INTPTR_MAX : pos + b->pos;
    else if (whence == 2) pos = pos > INTPTR_MAX - b->size ? INTPTR_MAX : pos + b->size;
    else if (whence != 0)
        return pith_err_format(&pith_exc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
    if (pos < 0) pos = 0;
    b->pos = pos;
    return pith_int_from_ssize(pos);
}

IO_METHOD(bio_tell) {
    if (bio_check(BIO(self)) < 0) return NULL;
    return pith_int_from_ssize(BIO(self)->pos);
}

IO_METHOD(bio_truncate) {
    BytesIO *b = BIO(self);
    if (pith_arg_check_range("truncate", nargs, 0, 1) < 0 || bio_check(b) < 0) return NULL;
    intptr_t size = b->pos;
    if (nargs && args[0] != PITH_NONE) {
        if (pith_io_size_arg(args, nargs, &size) < 0) return NULL;
        if (size < 0) return pith_err_format(&pith_exc_ValueError, "negative size value %zd", size);
    }
    if (size < b->size) b->size = size;
    return pith_int_from_ssize(size);
}

IO_METHOD(bio_true) {
    if (bio_check(BIO(self)) < 0) return NULL;
    PITH_RETURN_TRUE;
}

IO_METHOD(bio_false) {
    if (bio_check(BIO(self)) < 0) return NULL;
    PITH_RETURN_FALSE;
}

IO_METHOD(bio_flush) {
    if (bio_check(BIO(self)) < 0) return NULL;
    PITH_RETURN_NONE;
}

IO_METHOD(bio_close) {
    BytesIO *b = BIO(self);
    b->closed = 1;
    b->base.iobase_closed = 1;
    pith_mem_free(b->buf);
    b->buf = NULL;
    b->size = b->cap = b->pos = 0;
    PITH_RETURN_NONE;
}

static PithObject *bio_iternext(PithObject *self) {
    BytesIO *b = BIO(self);
    if (bio_check(b) < 0) return NULL;
    intptr_t n = line_len(b, -1);
    return n ? take(b, n) : NULL;
}

static PithObject *bio_get_closed(PithObject *o, void *c) { return pith_bool_from(BIO(o)->closed); }

static PithMethodDef bio_methods[] = {
    {"read", bio_read, PITH_METH_FAST, NULL},
    {"read1", bio_read, PITH_METH_FAST, NULL},
    {"readline", bio_readline, PITH_METH_FAST, NULL},
    {"readlines", bio_readlines, PITH_METH_FAST, NULL},
    {"readinto", bio_readinto, PITH_METH_O, NULL},
    {"readinto1", bio_readinto, PITH_METH_O, NULL},
    {"write", bio_write, PITH_METH_O, NULL},
    {"writelines", bio_writelines, PITH_METH_O, NULL},
    {"getvalue", bio_getvalue, PITH_METH_NOARGS, NULL},
    {"getbuffer", bio_getbuffer, PITH_METH_NOARGS, NULL},
    {"seek", bio_seek, PITH_METH_FAST, NULL},
    {"tell", bio_tell, PITH_METH_NOARGS, NULL},
    {"truncate", bio_truncate, PITH_METH_FAST, NULL},
    {"readable", bio_true, PITH_METH_NOARGS, NULL},
    {"writable", bio_true, PITH_METH_NOARGS, NULL},
    {"seekable", bio_true, PITH_METH_NOARGS, NULL},
    {"isatty", bio_false, PITH_METH_NOARGS, NULL},
    {"flush", bio_flush, PITH_METH_NOARGS, NULL},
    {"close", bio_close, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef bio_getset[] = {
    {"closed", bio_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_io_bytesio_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(BytesIO),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,
    .tp_dealloc = bio_dealloc,
    .tp_traverse = bio_traverse,
    .tp_clear = bio_clear,
    .tp_new = bio_new,
    .tp_init = bio_init,
    .tp_iternext = bio_iternext,
    .tp_methods = bio_methods,
    .tp_getset = bio_getset,
    .tp_base = &pith_io_bufferediobase_type,
};
