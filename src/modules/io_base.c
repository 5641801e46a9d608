/* io_base.c — the _io module: the abstract bases _IOBase, _RawIOBase,
 * _BufferedIOBase and _TextIOBase (whose methods work through the public
 * protocol, self.read()/self.closed/..., so Python subclasses can override
 * pieces), UnsupportedOperation, open(), open_code(), text_encoding().
 * io.py builds the public ABCs (io.IOBase, ...) on top of these. */
#include "io_internal.h"
#include "pith/memoryview.h"
#include "pith/weakref.h"
#include "osmod.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

PithObject *pith_io_unsupported_operation;

/* ---- shared helpers ------------------------------------------------------ */

PithObject *pith_io_istr(const char *s) {
    PithObject *o = pith_str_intern_cstr(s);
    if (o) PITH_DECREF(o);
    return o;
}

PithObject *pith_io_unsupported(const char *msg) {
    pith_err_set_string((PithType *)pith_io_unsupported_operation, msg);
    return NULL;
}

PithObject *pith_io_closed_error(void) {
    pith_err_set_string(&pith_exc_ValueError, "I/O operation on closed file.");
    return NULL;
}

int pith_io_attr_bool(PithObject *obj, const char *name) {
    PithObject *v = pith_getattr_str(obj, name);
    if (!v) return -1;
    int r = pith_is_true(v);
    PITH_DECREF(v);
    return r;
}

int pith_io_call_bool(PithObject *obj, const char *name) {
    PithObject *v = pith_call_method(obj, name, NULL, 0);
    if (!v) return -1;
    int r = pith_is_true(v);
    PITH_DECREF(v);
    return r;
}

int pith_io_call_void(PithObject *obj, const char *name, PithObject *const *args, size_t n) {
    PithObject *v = pith_call_method(obj, name, args, n);
    if (!v) return -1;
    PITH_DECREF(v);
    return 0;
}

int pith_io_check_closed(PithObject *self) {
    int r = pith_io_attr_bool(self, "closed");
    if (r > 0) pith_io_closed_error();
    return r ? -1 : 0;
}

static int check_capability(PithObject *self, const char *meth, const char *msg) {
    int r = pith_io_call_bool(self, meth);
    if (r == 0) pith_io_unsupported(msg);
    return r > 0 ? 0 : -1;
}

int pith_io_check_readable(PithObject *self) {
    return check_capability(self, "readable", "File or stream is not readable.");
}
int pith_io_check_writable(PithObject *self) {
    return check_capability(self, "writable", "File or stream is not writable.");
}
int pith_io_check_seekable(PithObject *self) {
    return check_capability(self, "seekable", "File or stream is not seekable.");
}

int pith_io_size_arg(PithObject *const *args, size_t nargs, intptr_t *out) {
    *out = -1;
    if (nargs == 0 || args[0] == PITH_NONE) return 0;
    if (!pith_index_check(args[0])) {
        pith_err_format(&pith_exc_TypeError, "argument should be integer or None, not '%s'",
                        pith_type_name(args[0]));
        return -1;
    }
    *out = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
    return (*out == -1 && pith_err_occurred()) ? -1 : 0;
}

void pith_io_finalize(PithObject *o) {
    PithObject *saved = pith_err_fetch();
    int closed = pith_io_attr_bool(o, "closed");
    if (closed == 0) {
        PithObject *r = pith_call_method(o, "close", NULL, 0);
        if (!r) pith_err_write_unraisable(o);
        PITH_XDECREF(r);
    } else if (closed < 0) {
        pith_err_clear();
    }
    pith_err_restore(saved);
}

bool pith_io_dealloc_begin(PithObject *o) {
    pith_gc_untrack(o);
    o->refcnt = 1;
    pith_gc_finalize_once(o);
    if (--o->refcnt != 0) {
        pith_gc_track(o);
        return true;
    }
    return false;
}

void pith_io_dealloc_end(PithObject *o) {
    if (pith_weakref_targets) pith_weakref_clear(o);
    PITH_CLEAR(((PithIOBase *)o)->dict);
    pith_gc_del(o);
}

int pith_io_base_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((PithIOBase *)o)->dict);
    return 0;
}

void pith_io_base_clear(PithObject *o) { PITH_CLEAR(((PithIOBase *)o)->dict); }

/* ---- _IOBase --------------------------------------------------------------- */

#define IOB(o) ((PithIOBase *)(o))

static PithObject *iobase_new(PithType *t, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    PithObject *o = pith_gc_new(t);
    if (o) pith_gc_track(o);
    return o;
}

static void iobase_dealloc(PithObject *o) {
    if (pith_io_dealloc_begin(o)) return;
    pith_io_dealloc_end(o);
}

static int iobase_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    return pith_io_base_traverse(o, visit, arg);
}

static int iobase_clear(PithObject *o) {
    pith_io_base_clear(o);
    return 0;
}

IO_METHOD(iob_seek) { return pith_io_unsupported("seek"); }
IO_METHOD(iob_truncate) { return pith_io_unsupported("truncate"); }
IO_METHOD(iob_fileno) { return pith_io_unsupported("fileno"); }

IO_METHOD(iob_tell) {
    PithObject *a[2] = {pith_int_from_i64(0), pith_int_from_i64(1)};
    return pith_call_method(self, "seek", a, 2);
}

IO_METHOD(iob_flush) {
    if (IOB(self)->iobase_closed) return pith_io_closed_error();
    PITH_RETURN_NONE;
}

IO_METHOD(iob_close) {
    if (IOB(self)->iobase_closed) PITH_RETURN_NONE;
    PithObject *r = pith_call_method(self, "flush", NULL, 0);
    IOB(self)->iobase_closed = 1;
    if (!r) return NULL;
    PITH_DECREF(r);
    PITH_RETURN_NONE;
}

IO_METHOD(iob_false) { PITH_RETURN_FALSE; }

IO_METHOD(iob_check_closed) {
    if (pith_io_check_closed(self) < 0) return NULL;
    PITH_RETURN_NONE;
}
IO_METHOD(iob_check_readable) {
    if (pith_io_check_readable(self) < 0) return NULL;
    PITH_RETURN_NONE;
}
IO_METHOD(iob_check_writable) {
    if (pith_io_check_writable(self) < 0) return NULL;
    PITH_RETURN_NONE;
}
IO_METHOD(iob_check_seekable) {
    if (pith_io_check_seekable(self) < 0) return NULL;
    PITH_RETURN_NONE;
}

IO_METHOD(iob_enter) {
    if (pith_io_check_closed(self) < 0) return NULL;
    return PITH_NEWREF(self);
}

IO_METHOD(iob_exit) { return pith_call_method(self, "close", NULL, 0); }

IO_METHOD(iob_isatty) {
    if (pith_io_check_closed(self) < 0) return NULL;
    PITH_RETURN_FALSE;
}

static PithObject *iob_iter(PithObject *self) {
    if (pith_io_check_closed(self) < 0) return NULL;
    return PITH_NEWREF(self);
}

static PithObject *iob_iternext(PithObject *self) {
    PithObject *line = pith_call_method(self, "readline", NULL, 0);
    if (!line) return NULL;
    intptr_t n = pith_len(line);
    if (n <= 0) {
        PITH_DECREF(line);
        return NULL;
    }
    return line;
}

/* readline(size=-1) over peek()/read(1). */
IO_METHOD(iob_readline) {
    intptr_t limit;
    if (pith_arg_check_range("readline", nargs, 0, 1) < 0 || pith_io_size_arg(args, nargs, &limit) < 0)
        return NULL;
    PithObject *peek;
    int has_peek = pith_lookup_attr(self, pith_io_istr("peek"), &peek);
    if (has_peek < 0) return NULL;
    PithObject *res = pith_bytearray_from(NULL, 0);
    while (res && (limit < 0 || PITH_SIZE(res) < limit)) {
        intptr_t nreadahead = 1;
        if (has_peek) {
            PithObject *one = pith_int_from_i64(1);
            PithObject *ra = pith_call_one(peek, one);
            PITH_DECREF(one);
            if (!ra) goto fail;
            const char *d;
            intptr_t dl;
            if (!pith_bytes_view(ra, &d, &dl)) {
                pith_err_format(&pith_exc_OSError, "peek() should have returned a bytes object, not '%s'",
                                pith_type_name(ra));
                PITH_DECREF(ra);
                goto fail;
            }
            if (dl > 0) {
                intptr_t n = 0;
                while (n < dl && (limit < 0 || n < limit)) {
                    if (d[n++] == '\n') break;
                }
                nreadahead = n;
            }
            PITH_DECREF(ra);
        }
        PithObject *num = pith_int_from_ssize(nreadahead);
        PithObject *b = num ? pith_call_method(self, "read", &num, 1) : NULL;
        PITH_XDECREF(num);
        if (!b) goto fail;
        const char *d;
        intptr_t dl;
        if (!pith_bytes_view(b, &d, &dl)) {
            pith_err_format(&pith_exc_OSError, "read() should have returned a bytes object, not '%s'",
                            pith_type_name(b));
            PITH_DECREF(b);
            goto fail;
        }
        if (dl == 0) {
            PITH_DECREF(b);
            break;
        }
        PithObject *t = pith_number_binop(res, b, PITH_NB_INPLACE_ADD);
        PITH_DECREF(b);
        if (!t) goto fail;
        PITH_SETREF(res, t);
        if (((PithByteArray *)res)->data[PITH_SIZE(res) - 1] == '\n') break;
    }
    if (has_peek) PITH_DECREF(peek);
    if (!res) return NULL;
    PithObject *out = pith_buffer_to_bytes(res);
    PITH_DECREF(res);
    return out;
fail:
    if (has_peek) PITH_DECREF(peek);
    PITH_XDECREF(res);
    return NULL;
}

IO_METHOD(iob_readlines) {
    intptr_t hint;
    if (pith_arg_check_range("readlines", nargs, 0, 1) < 0 || pith_io_size_arg(args, nargs, &hint) < 0)
        return NULL;
    PithObject *list = pith_list_new(0);
    if (!list) return NULL;
    if (hint <= 0) {
        if (pith_list_extend(list, self) < 0) PITH_CLEAR(list);
        return list;
    }
    PithObject *it = pith_get_iter(self);
    if (!it) {
        PITH_DECREF(list);
        return NULL;
    }
    intptr_t total = 0;
    PithObject *line;
    while ((line = pith_iter_next(it))) {
        intptr_t n = pith_len(line);
        int r = n < 0 ? -1 : pith_list_append(list, line);
        PITH_DECREF(line);
        if (r < 0) goto fail;
        total += n;
        if (total >= hint) break;
    }
    if (pith_err_occurred()) goto fail;
    PITH_DECREF(it);
    return list;
fail:
    PITH_DECREF(it);
    PITH_DECREF(list);
    return NULL;
}

IO_METHOD(iob_writelines) {
    if (pith_io_check_closed(self) < 0) return NULL;
    PithObject *it = pith_get_iter(args[0]);
    if (!it) return NULL;
    PithObject *line;
    while ((line = pith_iter_next(it))) {
        int r = pith_io_call_void(self, "write", &line, 1);
        PITH_DECREF(line);
        if (r < 0) break;
    }
    PITH_DECREF(it);
    if (pith_err_occurred()) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *iob_get_closed(PithObject *o, void *c) { return pith_bool_from(IOB(o)->iobase_closed); }

static PithObject *iob_get_dict(PithObject *o, void *c) {
    if (!IOB(o)->dict && !(IOB(o)->dict = pith_dict_new())) return NULL;
    return PITH_NEWREF(IOB(o)->dict);
}

static PithMethodDef iobase_methods[] = {
    {"seek", iob_seek, PITH_METH_FAST, NULL},
    {"tell", iob_tell, PITH_METH_NOARGS, NULL},
    {"truncate", iob_truncate, PITH_METH_FAST, NULL},
    {"flush", iob_flush, PITH_METH_NOARGS, NULL},
    {"close", iob_close, PITH_METH_NOARGS, NULL},
    {"seekable", iob_false, PITH_METH_NOARGS, NULL},
    {"readable", iob_false, PITH_METH_NOARGS, NULL},
    {"writable", iob_false, PITH_METH_NOARGS, NULL},
    {"_checkClosed", iob_check_closed, PITH_METH_FAST, NULL},
    {"_checkSeekable", iob_check_seekable, PITH_METH_FAST, NULL},
    {"_checkReadable", iob_check_readable, PITH_METH_FAST, NULL},
    {"_checkWritable", iob_check_writable, PITH_METH_FAST, NULL},
    {"fileno", iob_fileno, PITH_METH_NOARGS, NULL},
    {"isatty", iob_isatty, PITH_METH_NOARGS, NULL},
    {"__enter__", iob_enter, PITH_METH_NOARGS, NULL},
    {"__exit__", iob_exit, PITH_METH_FAST, NULL},
    {"readline", iob_readline, PITH_METH_FAST, NULL},
    {"readlines", iob_readlines, PITH_METH_FAST, NULL},
    {"writelines", iob_writelines, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef iobase_getset[] = {
    {"closed", iob_get_closed, NULL, NULL, NULL},
    {"__dict__", iob_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define IO_ABSTRACT_TYPE(var, name, base, methods, getset)                     \
    PithType var = {                                                           \
        PITH_VAR_HEAD_INIT(&pith_type_type, 0),                                \
        .tp_name = name,                                                       \
        .tp_basicsize = sizeof(PithIOBase),                                    \
        .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,              \
        .tp_dealloc = iobase_dealloc,                                          \
        .tp_traverse = iobase_traverse,                                        \
        .tp_clear = iobase_clear,                                              \
        .tp_new = iobase_new,                                                  \
        .tp_finalize = pith_io_finalize,                                       \
        .tp_iter = iob_iter,                                                   \
        .tp_iternext = iob_iternext,                                           \
        .tp_methods = methods,                                                 \
        .tp_getset = getset,                                                   \
        .tp_base = base,                                                       \
        .tp_dictoffset = offsetof(PithIOBase, dict),                           \
        .tp_weaklistoffset = offsetof(PithIOBase, weaklist),                   \
    }

IO_ABSTRACT_TYPE(pith_io_iobase_type, "_io._IOBase", NULL, iobase_methods, iobase_getset);

/* ---- _RawIOBase ----------------------------------------------------------- */

IO_METHOD(raw_readall) {
    PithObject *chunks = pith_bytes_from(NULL, 0);
    while (chunks) {
        PithObject *n = pith_int_from_i64(PITH_IO_DEFAULT_BUFFER_SIZE);
        PithObject *data = n ? pith_call_method(self, "read", &n, 1) : NULL;
        PITH_XDECREF(n);
        if (!data) break;
        if (data == PITH_NONE) {
            if (PITH_SIZE(chunks) == 0) {
                PITH_DECREF(chunks);
                return data;
            }
            PITH_DECREF(data);
            return chunks;
        }
        if (!pith_bytes_check(data)) {
            pith_err_set_string(&pith_exc_TypeError, "read() should return bytes");
            PITH_DECREF(data);
            break;
        }
        intptr_t len = PITH_SIZE(data);
        int r = pith_bytes_concat_inplace(&chunks, data);
        PITH_DECREF(data);
        if (r < 0) return NULL;
        if (len == 0) return chunks;
    }
    PITH_XDECREF(chunks);
    return NULL;
}

IO_METHOD(raw_read) {
    intptr_t n;
    if (pith_arg_check_range("read", nargs, 0, 1) < 0 || pith_io_size_arg(args, nargs, &n) < 0)
        return NULL;
    if (n < 0) return pith_call_method(self, "readall", NULL, 0);
    PithObject *b = pith_bytearray_from(NULL, n);
    if (!b) return NULL;
    PithObject *mv = pith_memoryview_new(b);
    PithObject *r = mv ? pith_call_method(self, "readinto", &mv, 1) : NULL;
    if (mv) PITH_XDECREF(pith_call_method(mv, "release", NULL, 0));
    PITH_XDECREF(mv);
    if (!r || r == PITH_NONE) {
        PITH_DECREF(b);
        return r;
    }
    intptr_t got = pith_number_as_ssize(r, &pith_exc_OverflowError);
    PITH_DECREF(r);
    PithObject *out = NULL;
    if (!(got == -1 && pith_err_occurred())) {
        if (got < 0 || got > n)
            pith_err_format(&pith_exc_ValueError, "readinto returned %zd outside buffer size %zd", got, n);
        else out = pith_bytes_from(((PithByteArray *)b)->data, got);
    }
    PITH_DECREF(b);
    return out;
}

IO_METHOD(raw_notimpl) {
    pith_err_set_none(&pith_exc_NotImplementedError);
    return NULL;
}

static PithMethodDef rawiobase_methods[] = {
    {"read", raw_read, PITH_METH_FAST, NULL},
    {"readall", raw_readall, PITH_METH_NOARGS, NULL},
    {"readinto", raw_notimpl, PITH_METH_FAST, NULL},
    {"write", raw_notimpl, PITH_METH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

IO_ABSTRACT_TYPE(pith_io_rawiobase_type, "_io._RawIOBase", &pith_io_iobase_type, rawiobase_methods,
                 NULL);

/* ---- _BufferedIOBase ------------------------------------------------------- */

IO_METHOD(buf_read) { return pith_io_unsupported("read"); }
IO_METHOD(buf_read1) { return pith_io_unsupported("read1"); }
IO_METHOD(buf_write) { return pith_io_unsupported("write"); }
IO_METHOD(buf_detach) { return pith_io_unsupported("detach"); }

/* readinto(b) via self.read(len(b)) (or read1). */
static PithObject *generic_readinto(PithObject *self, PithObject *arg, const char *meth) {
    PithBuffer view;
    if (pith_buffer_get(arg, &view, true) < 0) return NULL;
    PithObject *n = pith_int_from_ssize(view.len);
    PithObject *data = n ? pith_call_method(self, meth, &n, 1) : NULL;
    PITH_XDECREF(n);
    PithObject *res = NULL;
    if (data) {
        const char *d;
        intptr_t dl;
        if (!pith_bytes_view(data, &d, &dl)) {
            pith_err_set_string(&pith_exc_TypeError, "read() should return bytes");
        } else if (dl > view.len) {
            pith_err_format(&pith_exc_ValueError, "read() returned too much data: %zd bytes requested, %zd returned",
                            view.len, dl);
        } else {
            memcpy(view.buf, d, (size_t)dl);
            res = pith_int_from_ssize(dl);
        }
        PITH_DECREF(data);
    }
    pith_buffer_release(&view);
    return res;
}

IO_METHOD(buf_readinto) { return generic_readinto(self, args[0], "read"); }
IO_METHOD(buf_readinto1) { return generic_readinto(self, args[0], "read1"); }

static PithMethodDef bufferediobase_methods[] = {
    {"read", buf_read, PITH_METH_FAST, NULL},
    {"read1", buf_read1, PITH_METH_FAST, NULL},
    {"write", buf_write, PITH_METH_FAST, NULL},
    {"detach", buf_detach, PITH_METH_NOARGS, NULL},
    {"readinto", buf_readinto, PITH_METH_O, NULL},
    {"readinto1", buf_readinto1, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

IO_ABSTRACT_TYPE(pith_io_bufferediobase_type, "_io._BufferedIOBase", &pith_io_iobase_type,
                 bufferediobase_methods, NULL);

/* ---- _TextIOBase ----------------------------------------------------------- */

IO_METHOD(txt_read) { return pith_io_unsupported("read"); }
IO_METHOD(txt_readline) { return pith_io_unsupported("readline"); }
IO_METHOD(txt_write) { return pith_io_unsupported("write"); }

static PithObject *get_none(PithObject *o, void *c) { PITH_RETURN_NONE; }

static PithMethodDef textiobase_methods[] = {
    {"read", txt_read, PITH_METH_FAST, NULL},
    {"readline", txt_readline, PITH_METH_FAST, NULL},
    {"write", txt_write, PITH_METH_FAST, NULL},
    {"detach", buf_detach, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef textiobase_getset[] = {
    {"encoding", get_none, NULL, NULL, NULL},
    {"newlines", get_none, NULL, NULL, NULL},
    {"errors", get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

IO_ABSTRACT_TYPE(pith_io_textiobase_type, "_io._TextIOBase", &pith_io_iobase_type,
                 textiobase_methods, textiobase_getset);

/* ---- open() ------------------------------------------------------------- */

typedef struct OpenMode {
    bool creating, reading, writing, appending, updating, text, binary;
    char rawmode[5];
} OpenMode;

static int parse_open_mode(PithObject *modeobj, OpenMode *m) {
    memset(m, 0, sizeof *m);
    const char *s = pith_str_utf8(modeobj);
    if (!s) return -1;
    for (const char *p = s; *p; p++) {
        const char *hit = strchr("xrwa+tb", *p);
        bool *flag = NULL;
        switch (hit ? *hit : 0) {
        case 'x': flag = &m->creating; break;
        case 'r': flag = &m->reading; break;
        case 'w': flag = &m->writing; break;
        case 'a': flag = &m->appending; break;
        case '+': flag = &m->updating; break;
        case 't': flag = &m->text; break;
        case 'b': flag = &m->binary; break;
        }
        if (!flag || *flag || strchr(p + 1, *p)) {
            pith_err_format(&pith_exc_ValueError, "invalid mode: '%s'", s);
            return -1;
        }
        *flag = true;
    }
    int kinds = m->creating + m->reading + m->writing + m->appending;
    if (m->text && m->binary) {
        pith_err_set_string(&pith_exc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    if (kinds > 1) {
        pith_err_set_string(&pith_exc_ValueError,
                            "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (kinds == 0) {
        pith_err_set_string(&pith_exc_ValueError,
                            "Must have exactly one of create/read/write/append mode and at most one plus");
        return -1;
    }
    char *r = m->rawmode;
    *r++ = m->creating ? 'x' : m->reading ? 'r' : m->writing ? 'w' : 'a';
    if (m->updating) *r++ = '+';
    *r = 0;
    return 0;
}

PithObject *pith_io_open(PithObject *self, PithObject *const *args, size_t nargs,
                         PithObject *kwnames) {
    static const char *const kw[] = {"file", "mode", "buffering", "encoding", "errors",
                                     "newline", "closefd", "opener", NULL};
    static const PithArgSpec spec = {"open", kw, 8, 0, 1, 8};
    PithObject *v[8];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithObject *file = v[0], *modeobj = v[1], *encoding = v[3], *errors = v[4], *newline = v[5];
    if (modeobj && !pith_str_check(modeobj))
        return pith_err_format(&pith_exc_TypeError, "open() argument 'mode' must be str, not %s",
                               pith_type_name(modeobj));
    const char *names[3] = {"encoding", "errors", "newline"};
    PithObject *strs[3] = {encoding, errors, newline};
    for (int i = 0; i < 3; i++)
        if (strs[i] && strs[i] != PITH_NONE && !pith_str_check(strs[i]))
            return pith_err_format(&pith_exc_TypeError, "open() argument '%s' must be str or None, not %s",
                                   names[i], pith_type_name(strs[i]));
    intptr_t buffering = -1;
    if (v[2]) {
        buffering = pith_number_as_ssize(v[2], &pith_exc_OverflowError);
        if (buffering == -1 && pith_err_occurred()) return NULL;
    }
    int closefd = 1;
    if (v[6] && (closefd = pith_is_true(v[6])) < 0) return NULL;
    OpenMode m;
    PithObject *dflt_mode = NULL;
    if (!modeobj) modeobj = dflt_mode = pith_str_from_cstr("r");
    if (!modeobj) return NULL;
    int pr = parse_open_mode(modeobj, &m);
    if (pr < 0) goto fail0;
    if (m.binary) {
        const char *bad = encoding && encoding != PITH_NONE ? "an encoding"
                          : errors && errors != PITH_NONE   ? "an errors"
                          : newline && newline != PITH_NONE ? "a newline"
                                                            : NULL;
        if (bad) {
            pith_err_format(&pith_exc_ValueError, "binary mode doesn't take %s argument", bad);
            goto fail0;
        }
    }
    if (m.binary && buffering == 1) {
        PithObject *w = pith_str_from_cstr("line buffering (buffering=1) isn't supported in binary "
                                           "mode, the default buffer size will be used");
        /* RuntimeWarning, as CPython */
        PithObject *wm = w ? pith_import_builtin_module(pith_io_istr("_warnings")) : NULL;
        if (wm) {
            PithObject *a[2] = {w, (PithObject *)&pith_exc_RuntimeWarning};
            PithObject *r = pith_call_method(wm, "warn", a, 2);
            PITH_XDECREF(r);
            PITH_DECREF(wm);
            if (!r) {
                PITH_XDECREF(w);
                goto fail0;
            }
        } else pith_err_clear();
        PITH_XDECREF(w);
    }
    if (!pith_index_check(file)) {
        PithObject *path = pith_os_fspath(file);
        if (!path) goto fail0;
        PITH_DECREF(path);
    }
    PithObject *rawmode = pith_str_from_cstr(m.rawmode);
    if (!rawmode) goto fail0;
    PithObject *fa[4] = {file, rawmode, pith_bool_from(closefd), v[7] ? v[7] : PITH_NONE};
    PithObject *fkw = pith_tuple_pack(2, pith_io_istr("closefd"), pith_io_istr("opener"));
    PithObject *raw = fkw ? pith_call((PithObject *)&pith_io_fileio_type, fa, 2, fkw) : NULL;
    PITH_XDECREF(fkw);
    PITH_DECREF(rawmode);
    if (!raw) goto fail0;
    PithObject *result = raw, *buffer = NULL;
    bool line_buffering = false;
    if (buffering == 1 || buffering < 0) {
        int tty = pith_io_call_bool(raw, "isatty");
        if (tty < 0) goto fail;
        if (buffering == 1 || tty) {
            line_buffering = true;
            buffering = -1;
        }
    }
    if (buffering < 0) {
        buffering = PITH_IO_DEFAULT_BUFFER_SIZE;
        int fd = pith_io_fileio_fd(raw);
        struct stat st;
        if (fd >= 0 && fstat(fd, &st) == 0 && st.st_blksize > 1) buffering = st.st_blksize;
    }
    if (buffering == 0) {
        if (m.binary) goto done;
        pith_err_set_string(&pith_exc_ValueError, "can't have unbuffered text I/O");
        goto fail;
    }
    PithType *bt = m.updating ? &pith_io_bufferedrandom_type
                   : (m.creating || m.writing || m.appending) ? &pith_io_bufferedwriter_type
                                                              : &pith_io_bufferedreader_type;
    buffer = pith_io_buffered_new(bt, raw, buffering);
    if (!buffer) goto fail;
    result = buffer;
    PITH_DECREF(raw);
    raw = NULL;
    if (m.binary) goto done;
    PithObject *ta[5] = {buffer, encoding ? encoding : PITH_NONE, errors ? errors : PITH_NONE,
                         newline ? newline : PITH_NONE, pith_bool_from(line_buffering)};
    PithObject *text = pith_call((PithObject *)&pith_io_textiowrapper_type, ta, 5, NULL);
    if (!text) goto fail;
    result = text;
    PITH_DECREF(buffer);
    buffer = NULL;
    if (pith_setattr_str(text, "mode", modeobj) < 0) goto fail;
done:
    PITH_XDECREF(dflt_mode);
    return result;
fail:
    {
        PithObject *saved = pith_err_fetch();
        PithObject *r = pith_call_method(result, "close", NULL, 0);
        PITH_XDECREF(r);
        pith_err_clear();
        pith_err_restore(saved);
    }
    PITH_DECREF(result);
fail0:
    PITH_XDECREF(dflt_mode);
    return NULL;
}

/* open_code(path): binary read-only open of a str path. */
static PithObject *io_open_code(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    static const char *const kw[] = {"path", NULL};
    static const PithArgSpec spec = {"open_code", kw, 1, 0, 1, 1};
    PithObject *v[1];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    if (!pith_str_check(v[0]))
        return pith_err_format(&pith_exc_TypeError, "open_code() argument 'path' must be str, not %s",
                               pith_type_name(v[0]));
    PithObject *a[2] = {v[0], pith_io_istr("rb")};
    return pith_io_open(NULL, a, 2, NULL);
}

/* text_encoding(encoding, stacklevel=2): "locale" when None. */
static PithObject *io_text_encoding(PithObject *self, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    if (pith_arg_check_range("text_encoding", nargs, 1, 2) < 0) return NULL;
    if (args[0] != PITH_NONE) return PITH_NEWREF(args[0]);
    return pith_str_from_cstr("locale");
}

static PithMethodDef io_functions[] = {
    {"open", pith_io_open, PITH_METH_KW, NULL},
    {"open_code", io_open_code, PITH_METH_KW, NULL},
    {"text_encoding", io_text_encoding, PITH_METH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

/* UnsupportedOperation = type('UnsupportedOperation', (OSError, ValueError), {}) */
static int make_unsupported(void) {
    if (pith_io_unsupported_operation) return 0;
    PithObject *name = pith_str_from_cstr("UnsupportedOperation");
    PithObject *bases = pith_tuple_pack(2, (PithObject *)&pith_exc_OSError,
                                        (PithObject *)&pith_exc_ValueError);
    PithObject *ns = pith_dict_new();
    PithObject *mod = pith_str_from_cstr("io");
    PithObject *t = NULL;
    if (name && bases && ns && mod && pith_dict_set_item_str(ns, "__module__", mod) == 0) {
        PithObject *a[3] = {name, bases, ns};
        t = pith_call((PithObject *)&pith_type_type, a, 3, NULL);
    }
    PITH_XDECREF(name);
    PITH_XDECREF(bases);
    PITH_XDECREF(ns);
    PITH_XDECREF(mod);
    pith_io_unsupported_operation = t;
    return t ? 0 : -1;
}

int pith_io_types_ready(void) {
    static bool done;
    if (done) return 0;
    PithType *types[] = {&pith_io_iobase_type, &pith_io_rawiobase_type, &pith_io_bufferediobase_type,
                         &pith_io_textiobase_type, &pith_io_fileio_type, &pith_io_bytesio_type,
                         &pith_io_stringio_type, &pith_io_bufferedreader_type,
                         &pith_io_bufferedwriter_type, &pith_io_bufferedrandom_type,
                         &pith_io_bufferedrwpair_type, &pith_io_textiowrapper_type,
                         &pith_io_nldecoder_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (pith_type_ready(types[i]) < 0) return -1;
    if (make_unsupported() < 0) return -1;
    done = true;
    return 0;
}

PithObject *pith_io_module_init(void) {
    if (pith_io_types_ready() < 0) return NULL;
    PithObject *m = pith_module_new("_io");
    if (!m || pith_module_add_functions(m, io_functions) < 0) goto fail;
    /* io.open is builtins.open (one object, as in CPython) */
    PithObject *bi = pith_import_builtin_module(pith_io_istr("builtins"));
    PithObject *bopen = bi ? pith_getattr_str(bi, "open") : NULL;
    PITH_XDECREF(bi);
    if (bopen) {
        if (pith_module_add_object(m, "open", bopen) < 0) goto fail;
    } else {
        pith_err_clear();
    }
    static const struct { const char *name; PithType *t; } exported[] = {
        {"_IOBase", &pith_io_iobase_type}, {"_RawIOBase", &pith_io_rawiobase_type},
        {"_BufferedIOBase", &pith_io_bufferediobase_type}, {"_TextIOBase", &pith_io_textiobase_type},
        {"FileIO", &pith_io_fileio_type}, {"BytesIO", &pith_io_bytesio_type},
        {"StringIO", &pith_io_stringio_type}, {"BufferedReader", &pith_io_bufferedreader_type},
        {"BufferedWriter", &pith_io_bufferedwriter_type}, {"BufferedRandom", &pith_io_bufferedrandom_type},
        {"BufferedRWPair", &pith_io_bufferedrwpair_type}, {"TextIOWrapper", &pith_io_textiowrapper_type},
        {"IncrementalNewlineDecoder", &pith_io_nldecoder_type},
        {"BlockingIOError", &pith_exc_BlockingIOError},
    };
    for (size_t i = 0; i < sizeof exported / sizeof exported[0]; i++)
        if (pith_module_add_object(m, exported[i].name, PITH_NEWREF(exported[i].t)) < 0) goto fail;
    if (pith_module_add_object(m, "UnsupportedOperation", PITH_NEWREF(pith_io_unsupported_operation)) < 0 ||
        pith_module_add_int(m, "DEFAULT_BUFFER_SIZE", PITH_IO_DEFAULT_BUFFER_SIZE) < 0)
        goto fail;
    return m;
fail:
    PITH_XDECREF(m);
    return NULL;
}
