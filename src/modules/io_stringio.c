/* io_stringio.c — _io.StringIO: an in-memory text stream.
 * Invariants: buf[0..len) holds the code points; pos (in code points) may
 * exceed len (a later write pads with NULs); `snap` caches the content as a
 * str for reading and is dropped by every change. Newline handling follows
 * CPython: newline=None translates on write ('\r\n'/'\r' -> '\n'), '\r' or
 * '\r\n' replace '\n' on write, '' and None split lines universally. */
#include "io_internal.h"

#include <string.h>

typedef struct StringIO {
    PithIOBase base;
    uint32_t *buf;
    intptr_t len, cap, pos;
    PithObject *snap;    /* str of buf[0..len) or NULL */
    PithObject *readnl;  /* str or NULL (newline=None) */
    PithObject *writenl; /* str or NULL */
    char readuniversal, readtranslate, has_decoder, pendingcr, closed, ok;
    int seennl;
} StringIO;

#define SIO(o) ((StringIO *)(o))

static int sio_check(StringIO *s) {
    if (!s->ok) {
        pith_err_set_string(&pith_exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (!s->closed) return 0;
    pith_err_set_string(&pith_exc_ValueError, "I/O operation on closed file");
    return -1;
}

static PithObject *sio_new(PithType *t, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    PithObject *o = pith_gc_new(t);
    if (o) pith_gc_track(o);
    return o;
}

static int sio_reserve(StringIO *s, intptr_t need) {
    if (need <= s->cap) return 0;
    intptr_t nc = s->cap ? s->cap : 32;
    while (nc < need) nc += nc >> 1 | 32;
    uint32_t *nb = pith_mem_realloc(s->buf, (size_t)nc * sizeof(uint32_t));
    if (!nb) {
        pith_err_no_memory();
        return -1;
    }
    s->buf = nb;
    s->cap = nc;
    return 0;
}

/* Write already translated text at pos. */
static int sio_put(StringIO *s, PithObject *text) {
    PithStr *t = (PithStr *)text;
    if (t->length == 0) return 0;
    if (sio_reserve(s, s->pos + t->length) < 0) return -1;
    PITH_CLEAR(s->snap);
    for (intptr_t i = s->len; i < s->pos; i++) s->buf[i] = 0;
    for (intptr_t i = 0; i < t->length; i++) s->buf[s->pos + i] = pith_str_read(t, i);
    s->pos += t->length;
    if (s->pos > s->len) s->len = s->pos;
    return 0;
}

static int sio_write_str(StringIO *s, PithObject *text) {
    PithObject *t = PITH_NEWREF(text);
    if (s->has_decoder) {
        PithObject *d = pith_io_nl_step(t, true, s->readtranslate, &s->pendingcr, &s->seennl);
        PITH_SETREF(t, d);
    }
    if (t && s->writenl) PITH_SETREF(t, pith_io_replace_lf(t, s->writenl));
    int r = t ? sio_put(s, t) : -1;
    PITH_XDECREF(t);
    return r;
}

static int sio_init(PithObject *self, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    static const char *const kw[] = {"initial_value", "newline", NULL};
    static const PithArgSpec spec = {"StringIO", kw, 2, 0, 0, 2};
    PithObject *v[2];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return -1;
    StringIO *s = SIO(self);
    PithObject *nl = v[1];
    if (nl && nl != PITH_NONE && !pith_str_check(nl)) {
        pith_err_format(&pith_exc_TypeError, "newline must be str or None, not %s", pith_type_name(nl));
        return -1;
    }
    if (pith_io_check_newline(nl, true) < 0) return -1;
    if (v[0] && v[0] != PITH_NONE && !pith_str_check(v[0])) {
        pith_err_format(&pith_exc_TypeError, "initial_value must be str or None, not %s",
                        pith_type_name(v[0]));
        return -1;
    }
    bool none = nl == PITH_NONE;
    if (!nl) nl = pith_io_istr("\n");
    s->len = s->pos = 0;
    s->closed = 0;
    s->pendingcr = 0;
    s->seennl = 0;
    PITH_CLEAR(s->snap);
    PITH_CLEAR(s->readnl);
    PITH_CLEAR(s->writenl);
    if (!none) s->readnl = PITH_NEWREF(nl);
    s->readuniversal = none || PITH_STR_LEN(nl) == 0;
    s->readtranslate = none;
    if (!none && PITH_STR_LEN(nl) > 0 && pith_str_read((PithStr *)nl, 0) == '\r')
        s->writenl = PITH_NEWREF(nl);
    s->has_decoder = s->readuniversal;
    s->ok = 1;
    if (v[0] && v[0] != PITH_NONE) {
        if (sio_write_str(s, v[0]) < 0) return -1;
        s->pos = 0;
    }
    return 0;
}

static int sio_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(SIO(o)->snap);
    return pith_io_base_traverse(o, visit, arg);
}

static int sio_clear(PithObject *o) {
    PITH_CLEAR(SIO(o)->snap);
    pith_io_base_clear(o);
    return 0;
}

static void sio_dealloc(PithObject *o) {
    if (pith_io_dealloc_begin(o)) return;
    StringIO *s = SIO(o);
    pith_mem_free(s->buf);
    PITH_CLEAR(s->snap);
    PITH_CLEAR(s->readnl);
    PITH_CLEAR(s->writenl);
    pith_io_dealloc_end(o);
}

static PithObject *snapshot(StringIO *s) {
    if (!s->snap) s->snap = pith_str_from_ucs4(s->buf, s->len);
    return s->snap;
}

static PithObject *take(StringIO *s, intptr_t n) {
    intptr_t avail = s->len > s->pos ? s->len - s->pos : 0;
    if (n < 0 || n > avail) n = avail;
    if (n == 0) return pith_str_empty();
    PithObject *r = pith_str_from_ucs4(s->buf + s->pos, n);
    if (r) s->pos += n;
    return r;
}

static intptr_t line_len(StringIO *s, intptr_t limit) {
    if (s->pos >= s->len) return 0;
    PithObject *snap = snapshot(s);
    if (!snap) return -1;
    intptr_t end = pith_io_find_eol(snap, s->pos, s->len, s->readtranslate,
                                    s->readuniversal && !s->readtranslate, s->readnl, true);
    intptr_t n = end < 0 ? s->len - s->pos : end - s->pos;
    if (limit >= 0 && n > limit) n = limit;
    return n;
}

IO_METHOD(sio_read) {
    intptr_t n;
    if (pith_arg_check_range("read", nargs, 0, 1) < 0 || pith_io_size_arg(args, nargs, &n) < 0 ||
        sio_check(SIO(self)) < 0)
        return NULL;
    return take(SIO(self), n);
}

IO_METHOD(sio_readline) {
    intptr_t n;
    if (pith_arg_check_range("readline", nargs, 0, 1) < 0) return NULL;
    if (pith_io_size_arg(args, nargs, &n) < 0 || sio_check(SIO(self)) < 0) return NULL;
    intptr_t k = line_len(SIO(self), n);
    return k < 0 ? NULL : take(SIO(self), k);
}

static PithObject *sio_iternext(PithObject *self) {
    if (sio_check(SIO(self)) < 0) return NULL;
    PithObject *line;
    if (PITH_TYPE(self) == &pith_io_stringio_type) {
        intptr_t k = line_len(SIO(self), -1);
        line = k < 0 ? NULL : take(SIO(self), k);
    } else {
        line = pith_call_method(self, "readline", NULL, 0);
        if (line && !pith_str_check(line)) {
            pith_err_format(&pith_exc_OSError, "readline() should have returned a str object, not '%s'",
                            pith_type_name(line));
            PITH_CLEAR(line);
        }
    }
    if (line && PITH_STR_LEN(line) == 0) PITH_CLEAR(line);
    return line;
}

IO_METHOD(sio_write) {
    StringIO *s = SIO(self);
    if (!pith_str_check(args[0]))
        return pith_err_format(&pith_exc_TypeError, "string argument expected, got '%s'",
                               pith_type_name(args[0]));
    if (sio_check(s) < 0 || sio_write_str(s, args[0]) < 0) return NULL;
    return pith_int_from_ssize(PITH_STR_LEN(args[0]));
}

IO_METHOD(sio_getvalue) {
    StringIO *s = SIO(self);
    if (sio_check(s) < 0) return NULL;
    PithObject *v = snapshot(s);
    return v ? PITH_NEWREF(v) : NULL;
}

IO_METHOD(sio_seek) {
    StringIO *s = SIO(self);
    if (pith_arg_check_range("seek", nargs, 1, 2) < 0) return NULL;
    intptr_t pos = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
    if (pos == -1 && pith_err_occurred()) return NULL;
    intptr_t whence = 0;
    if (nargs > 1 && (whence = pith_number_as_ssize(args[1], &pith_exc_OverflowError)) == -1 &&
        pith_err_occurred())
        return NULL;
    if (sio_check(s) < 0) return NULL;
    if (whence < 0 || whence > 2)
        return pith_err_format(&pith_exc_ValueError, "Invalid whence (%zd, should be 0, 1 or 2)", whence);
    if (pos < 0 && whence == 0)
        return pith_err_format(&pith_exc_ValueError, "Negative seek position %zd", pos);
    if (whence != 0 && pos != 0) {
        pith_err_set_string(&pith_exc_OSError, "Can't do nonzero cur-relative seeks");
        return NULL;
    }
    if (whence == 1) pos = s->pos;
    else if (whence == 2) pos = s->len;
    s->pos = pos;
    return pith_int_from_ssize(pos);
}

IO_METHOD(sio_tell) {
    if (sio_check(SIO(self)) < 0) return NULL;
    return pith_int_from_ssize(SIO(self)->pos);
}

IO_METHOD(sio_truncate) {
    StringIO *s = SIO(self);
    if (pith_arg_check_range("truncate", nargs, 0, 1) < 0 || sio_check(s) < 0) return NULL;
    intptr_t size = s->pos;
    if (nargs && args[0] != PITH_NONE) {
        if (pith_io_size_arg(args, nargs, &size) < 0) return NULL;
        if (size < 0) return pith_err_format(&pith_exc_ValueError, "Negative size value %zd", size);
    }
    if (size < s->len) {
        s->len = size;
        PITH_CLEAR(s->snap);
    }
    return pith_int_from_ssize(size);
}

IO_METHOD(sio_true) {
    if (sio_check(SIO(self)) < 0) return NULL;
    PITH_RETURN_TRUE;
}

IO_METHOD(sio_close) {
    StringIO *s = SIO(self);
    s->closed = 1;
    s->base.iobase_closed = 1;
    pith_mem_free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
    PITH_CLEAR(s->snap);
    PITH_RETURN_NONE;
}

static PithObject *sio_get_closed(PithObject *o, void *c) {
    if (!SIO(o)->ok) return pith_err_format(&pith_exc_ValueError, "I/O operation on uninitialized object");
    return pith_bool_from(SIO(o)->closed);
}

static PithObject *sio_get_newlines(PithObject *o, void *c) {
    StringIO *s = SIO(o);
    if (sio_check(s) < 0) return NULL;
    if (!s->has_decoder) PITH_RETURN_NONE;
    return pith_io_newlines_value(s->seennl);
}

static PithObject *sio_get_false(PithObject *o, void *c) {
    if (sio_check(SIO(o)) < 0) return NULL;
    PITH_RETURN_FALSE;
}

static PithMethodDef sio_methods[] = {
    {"read", sio_read, PITH_METH_FAST, NULL},
    {"readline", sio_readline, PITH_METH_FAST, NULL},
    {"write", sio_write, PITH_METH_O, NULL},
    {"getvalue", sio_getvalue, PITH_METH_NOARGS, NULL},
    {"seek", sio_seek, PITH_METH_FAST, NULL},
    {"tell", sio_tell, PITH_METH_NOARGS, NULL},
    {"truncate", sio_truncate, PITH_METH_FAST, NULL},
    {"readable", sio_true, PITH_METH_NOARGS, NULL},
    {"writable", sio_true, PITH_METH_NOARGS, NULL},
    {"seekable", sio_true, PITH_METH_NOARGS, NULL},
    {"close", sio_close, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef sio_getset[] = {
    {"closed", sio_get_closed, NULL, NULL, NULL},
    {"newlines", sio_get_newlines, NULL, NULL, NULL},
    {"line_buffering", sio_get_false, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_io_stringio_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(StringIO),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,
    .tp_dealloc = sio_dealloc,
    .tp_traverse = sio_traverse,
    .tp_clear = sio_clear,
    .tp_new = sio_new,
    .tp_init = sio_init,
    .tp_iternext = sio_iternext,
    .tp_methods = sio_methods,
    .tp_getset = sio_getset,
    .tp_base = &pith_io_textiobase_type,
};
