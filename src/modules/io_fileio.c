/* io_fileio.c — _io.FileIO: raw, unbuffered byte I/O on a file descriptor.
 * Invariants: fd < 0 means closed; readable/writable/appending/created
 * reflect the mode given at construction; `name` lives in the instance
 * dict (as CPython does), so f.name can be reassigned. */
#include "io_internal.h"
#include "osmod.h"
#include "pith/memoryview.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct FileIO {
    PithIOBase base;
    int fd;
    char readable, writable, appending, created, closefd;
    signed char seekable; /* -1 = not yet known */
    intptr_t blksize;
} FileIO;

#define FIO(o) ((FileIO *)(o))

int pith_io_fileio_fd(PithObject *raw) {
    if (PITH_TYPE(raw) != &pith_io_fileio_type) return -1;
    return FIO(raw)->fd;
}

static PithObject *fio_new(PithType *t, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    PithObject *o = pith_gc_new(t);
    if (!o) return NULL;
    FIO(o)->fd = -1;
    FIO(o)->seekable = -1;
    FIO(o)->closefd = 1;
    pith_gc_track(o);
    return o;
}

static int parse_fmode(const char *s, FileIO *f, int *flags) {
    int rwa = 0, plus = 0;
    for (const char *p = s; *p; p++) {
        switch (*p) {
        case 'x': rwa++; f->created = f->writable = 1; *flags |= O_EXCL | O_CREAT; break;
        case 'r': rwa++; f->readable = 1; break;
        case 'w': rwa++; f->writable = 1; *flags |= O_CREAT | O_TRUNC; break;
        case 'a': rwa++; f->writable = f->appending = 1; *flags |= O_APPEND | O_CREAT; break;
        case 'b': break;
        case '+':
            if (plus) goto bad;
            f->readable = f->writable = 1;
            plus = 1;
            break;
        default:
            pith_err_format(&pith_exc_ValueError, "invalid mode: %s", s);
            return -1;
        }
    }
    if (rwa != 1) goto bad;
    *flags |= f->readable && f->writable ? O_RDWR : f->readable ? O_RDONLY : O_WRONLY;
    *flags |= O_CLOEXEC;
    return 0;
bad:
    pith_err_set_string(&pith_exc_ValueError,
                        "Must have exactly one of create/read/write/append mode and at most one plus");
    return -1;
}

static int fio_init(PithObject *self, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    static const char *const kw[] = {"file", "mode", "closefd", "opener", NULL};
    static const PithArgSpec spec = {"FileIO", kw, 4, 0, 1, 4};
    PithObject *v[4];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return -1;
    FileIO *f = FIO(self);
    if (f->fd >= 0) {
        if (f->closefd) close(f->fd);
        f->fd = -1;
    }
    PithObject *nameobj = v[0];
    const char *mode = "r";
    if (v[1] && !(mode = pith_str_check(v[1]) ? pith_str_utf8(v[1]) : NULL)) {
        if (!pith_err_occurred())
            pith_err_format(&pith_exc_TypeError, "FileIO() argument 'mode' must be str, not %s",
                            pith_type_name(v[1]));
        return -1;
    }
    int closefd = 1;
    if (v[2] && (closefd = pith_is_true(v[2])) < 0) return -1;
    int flags = 0;
    f->readable = f->writable = f->appending = f->created = 0;
    f->seekable = -1;
    if (pith_float_check(nameobj)) {
        pith_err_set_string(&pith_exc_TypeError, "integer argument expected, got float");
        return -1;
    }
    int fd = -1;
    PithObject *path = NULL;
    if (pith_index_check(nameobj)) {
        intptr_t x = pith_number_as_ssize(nameobj, &pith_exc_OverflowError);
        if (x == -1 && pith_err_occurred()) return -1;
        if (x < 0) {
            pith_err_set_string(&pith_exc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)x;
    } else {
        path = pith_os_fspath(nameobj);
        if (!path) return -1;
    }
    if (parse_fmode(mode, f, &flags) < 0) goto fail;
    if (path) {
        if (!closefd) {
            pith_err_set_string(&pith_exc_ValueError, "Cannot use closefd=False with file name");
            goto fail;
        }
        const char *cpath;
        intptr_t plen;
        if (pith_str_check(path)) {
            cpath = pith_str_utf8_size(path, &plen);
            if (!cpath) goto fail;
        } else {
            cpath = PITH_BYTES_DATA(path);
            plen = PITH_SIZE(path);
        }
        if ((intptr_t)strlen(cpath) != plen) {
            pith_err_set_string(&pith_exc_ValueError, "embedded null byte");
            goto fail;
        }
        if (v[3] && v[3] != PITH_NONE) {
            PithObject *fl = pith_int_from_i64(flags);
            PithObject *a[2] = {nameobj, fl};
            PithObject *r = fl ? pith_call(v[3], a, 2, NULL) : NULL;
            PITH_XDECREF(fl);
            if (!r) goto fail;
            if (!pith_index_check(r)) {
                pith_err_format(&pith_exc_TypeError, "expected integer from opener");
                PITH_DECREF(r);
                goto fail;
            }
            intptr_t x = pith_number_as_ssize(r, &pith_exc_OverflowError);
            PITH_DECREF(r);
            if (x == -1 && pith_err_occurred()) goto fail;
            if (x < 0) {
                pith_err_format(&pith_exc_ValueError, "opener returned %zd", x);
                goto fail;
            }
            fd = (int)x;
        } else {
            do fd = open(cpath, flags, 0666);
            while (fd < 0 && errno == EINTR);
            if (fd < 0) {
                pith_err_from_errno_filename(&pith_exc_OSError, nameobj);
                goto fail;
            }
        }
    }
    f->fd = fd;
    f->closefd = (char)closefd;
    struct stat st;
    if (fstat(fd, &st) == 0) {
        f->blksize = st.st_blksize > 1 ? st.st_blksize : PITH_IO_DEFAULT_BUFFER_SIZE;
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            pith_err_from_errno_filename(&pith_exc_OSError, nameobj);
            goto fail_fd;
        }
    } else if (errno == EBADF) {
        pith_err_from_errno(&pith_exc_OSError);
        goto fail_fd;
    }
    if (pith_setattr_str(self, "name", nameobj) < 0) goto fail_fd;
    if (f->appending && lseek(fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
        pith_err_from_errno(&pith_exc_OSError);
        goto fail_fd;
    }
    PITH_XDECREF(path);
    return 0;
fail_fd:
    if (f->closefd || path) close(fd);
    f->fd = -1;
fail:
    PITH_XDECREF(path);
    return -1;
}

PithObject *pith_io_fileio_new_fd(int fd, const char *mode, bool closefd, PithObject *name) {
    PithObject *o = fio_new(&pith_io_fileio_type, NULL, 0, NULL);
    if (!o) return NULL;
    FileIO *f = FIO(o);
    int flags = 0;
    if (parse_fmode(mode, f, &flags) < 0) goto fail;
    f->fd = fd;
    f->closefd = closefd;
    f->blksize = PITH_IO_DEFAULT_BUFFER_SIZE;
    if (pith_setattr_str(o, "name", name) < 0) goto fail;
    return o;
fail:
    f->fd = -1;
    PITH_DECREF(o);
    return NULL;
}

static void fio_dealloc(PithObject *o) {
    if (pith_io_dealloc_begin(o)) return;
    if (FIO(o)->fd >= 0 && FIO(o)->closefd) close(FIO(o)->fd);
    pith_io_dealloc_end(o);
}

static int fio_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    return pith_io_base_traverse(o, visit, arg);
}

static int fio_clear(PithObject *o) {
    pith_io_base_clear(o);
    return 0;
}

/* ---- checks ------------------------------------------------------------------ */

static int err_closed(FileIO *f) {
    if (f->fd >= 0) return 0;
    pith_err_set_string(&pith_exc_ValueError, "I/O operation on closed file");
    return -1;
}

static int err_mode(FileIO *f, bool reading) {
    if (err_closed(f) < 0) return -1;
    if (reading ? f->readable : f->writable) return 0;
    pith_io_unsupported(reading ? "File not open for reading" : "File not open for writing");
    return -1;
}

/* read(2) with EINTR retry; returns bytes, -2 for EAGAIN, -1 error set. */
static intptr_t raw_read(int fd, char *buf, size_t n) {
    for (;;) {
        ssize_t r = read(fd, buf, n);
        if (r >= 0) return r;
        if (errno == EINTR) continue;
        if (errno == EAGAIN) return -2;
        pith_err_from_errno(&pith_exc_OSError);
        return -1;
    }
}

/* ---- methods ---------------------------------------------------------------- */

IO_METHOD(fio_readall) {
    FileIO *f = FIO(self);
    if (err_mode(f, true) < 0) return NULL;
    size_t cap = 8192, len = 0;
    struct stat st;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (fstat(f->fd, &st) == 0 && pos >= 0 && st.st_size > pos) cap = (size_t)(st.st_size - pos) + 1;
    char *buf = pith_mem_malloc(cap);
    if (!buf) return pith_err_no_memory();
    for (;;) {
        if (len == cap) {
            size_t nc = cap + (cap >> 1) + 8192;
            char *nb = pith_mem_realloc(buf, nc);
            if (!nb) {
                pith_mem_free(buf);
                return pith_err_no_memory();
            }
            buf = nb;
            cap = nc;
        }
        intptr_t r = raw_read(f->fd, buf + len, cap - len);
        if (r == -2 && len == 0) {
            pith_mem_free(buf);
            PITH_RETURN_NONE;
        }
        if (r == -1) {
            pith_mem_free(buf);
            return NULL;
        }
        if (r <= 0) break;
        len += (size_t)r;
    }
    PithObject *b = pith_bytes_from(buf, (intptr_t)len);
    pith_mem_free(buf);
    return b;
}

IO_METHOD(fio_read) {
    FileIO *f = FIO(self);
    intptr_t n;
    if (pith_arg_check_range("read", nargs, 0, 1) < 0 || pith_io_size_arg(args, nargs, &n) < 0)
        return NULL;
    if (err_mode(f, true) < 0) return NULL;
    if (n < 0) return fio_readall(self, NULL, 0, NULL);
    PithObject *b = pith_bytes_from(NULL, n);
    if (!b) return NULL;
    intptr_t r = raw_read(f->fd, PITH_BYTES_DATA(b), (size_t)n);
    if (r < 0) {
        PITH_DECREF(b);
        if (r == -2) PITH_RETURN_NONE;
        return NULL;
    }
    if (r == n) return b;
    PithObject *s = pith_bytes_from(PITH_BYTES_DATA(b), r);
    PITH_DECREF(b);
    return s;
}

IO_METHOD(fio_readinto) {
    FileIO *f = FIO(self);
    if (err_mode(f, true) < 0) return NULL;
    PithBuffer v;
    if (pith_buffer_get(args[0], &v, true) < 0) return NULL;
    intptr_t r = raw_read(f->fd, v.buf, (size_t)v.len);
    pith_buffer_release(&v);
    if (r == -2) PITH_RETURN_NONE;
    return r < 0 ? NULL : pith_int_from_ssize(r);
}

IO_METHOD(fio_write) {
    FileIO *f = FIO(self);
    if (err_mode(f, false) < 0) return NULL;
    PithBuffer v;
    if (pith_buffer_get(args[0], &v, false) < 0) return NULL;
    ssize_t w;
    do w = write(f->fd, v.buf, (size_t)v.len);
    while (w < 0 && errno == EINTR);
    pith_buffer_release(&v);
    if (w < 0) {
        if (errno == EAGAIN) PITH_RETURN_NONE;
        return pith_err_from_errno(&pith_exc_OSError);
    }
    return pith_int_from_ssize(w);
}

static PithObject *do_seek(FileIO *f, PithObject *posobj, int whence) {
    if (err_closed(f) < 0) return NULL;
    if (posobj && pith_float_check(posobj))
        return pith_err_format(&pith_exc_TypeError, "an integer is required");
    int64_t pos = 0;
    if (posobj) {
        PithObject *i = pith_number_index(posobj);
        if (!i) return NULL;
        pos = pith_int_as_i64(i);
        PITH_DECREF(i);
        if (pos == -1 && pith_err_occurred()) return NULL;
    }
    off_t r = lseek(f->fd, (off_t)pos, whence);
    if (r < 0) return pith_err_from_errno(&pith_exc_OSError);
    if (f->seekable < 0) f->seekable = 1;
    return pith_int_from_i64(r);
}

IO_METHOD(fio_seek) {
    if (pith_arg_check_range("seek", nargs, 1, 2) < 0) return NULL;
    int whence = 0;
    if (nargs > 1) {
        intptr_t w = pith_number_as_ssize(args[1], &pith_exc_OverflowError);
        if (w == -1 && pith_err_occurred()) return NULL;
        whence = (int)w;
    }
    return do_seek(FIO(self), args[0], whence);
}

IO_METHOD(fio_tell) { return do_seek(FIO(self), NULL, SEEK_CUR); }

IO_METHOD(fio_truncate) {
    FileIO *f = FIO(self);
    if (pith_arg_check_range("truncate", nargs, 0, 1) < 0 || err_mode(f, false) < 0) return NULL;
    PithObject *pos = nargs && args[0] != PITH_NONE ? PITH_NEWREF(args[0]) : do_seek(f, NULL, SEEK_CUR);
    if (!pos) return NULL;
    int64_t p = pith_int_check(pos) ? pith_int_as_i64(pos) : -1;
    if (!pith_int_check(pos)) {
        PithObject *i = pith_number_index(pos);
        if (i) {
            p = pith_int_as_i64(i);
            PITH_DECREF(i);
        }
    }
    if (pith_err_occurred()) {
        PITH_DECREF(pos);
        return NULL;
    }
    if (ftruncate(f->fd, (off_t)p) < 0) {
        PITH_DECREF(pos);
        return pith_err_from_errno(&pith_exc_OSError);
    }
    return pos;
}

IO_METHOD(fio_close) {
    FileIO *f = FIO(self);
    int err = 0;
    PithObject *fl = NULL;
    if (!f->base.iobase_closed) { /* _IOBase.close: flush, then mark closed */
        fl = pith_call_method(self, "flush", NULL, 0);
        f->base.iobase_closed = 1;
    }
    if (f->fd >= 0) {
        if (f->closefd && close(f->fd) < 0) err = errno;
        f->fd = -1;
    }
    if (!fl && pith_err_occurred()) return NULL;
    PITH_XDECREF(fl);
    if (err) {
        errno = err;
        return pith_err_from_errno(&pith_exc_OSError);
    }
    PITH_RETURN_NONE;
}

IO_METHOD(fio_seekable) {
    FileIO *f = FIO(self);
    if (err_closed(f) < 0) return NULL;
    if (f->seekable < 0) f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    return pith_bool_from(f->seekable);
}

IO_METHOD(fio_readable) {
    if (err_closed(FIO(self)) < 0) return NULL;
    return pith_bool_from(FIO(self)->readable);
}

IO_METHOD(fio_writable) {
    if (err_closed(FIO(self)) < 0) return NULL;
    return pith_bool_from(FIO(self)->writable);
}

IO_METHOD(fio_fileno) {
    if (err_closed(FIO(self)) < 0) return NULL;
    return pith_int_from_i64(FIO(self)->fd);
}

IO_METHOD(fio_isatty) {
    if (err_closed(FIO(self)) < 0) return NULL;
    return pith_bool_from(isatty(FIO(self)->fd));
}

IO_METHOD(fio_getstate) {
    return pith_err_format(&pith_exc_TypeError, "cannot pickle '%s' object", pith_type_name(self));
}

IO_METHOD(fio_dealloc_warn) { PITH_RETURN_NONE; }

static const char *mode_string(FileIO *f) {
    if (f->created) return f->readable ? "xb+" : "xb";
    if (f->appending) return f->readable ? "ab+" : "ab";
    if (f->readable) return f->writable ? "rb+" : "rb";
    return "wb";
}

static PithObject *fio_get_mode(PithObject *o, void *c) { return pith_str_from_cstr(mode_string(FIO(o))); }
static PithObject *fio_get_closed(PithObject *o, void *c) { return pith_bool_from(FIO(o)->fd < 0); }
static PithObject *fio_get_closefd(PithObject *o, void *c) { return pith_bool_from(FIO(o)->closefd); }
static PithObject *fio_get_blksize(PithObject *o, void *c) { return pith_int_from_ssize(FIO(o)->blksize); }

static PithObject *fio_repr(PithObject *o) {
    FileIO *f = FIO(o);
    if (f->fd < 0) return pith_str_from_format("<%s [closed]>", PITH_TYPE(o)->tp_name);
    PithObject *name;
    int r = pith_lookup_attr(o, pith_io_istr("name"), &name);
    if (r < 0) return NULL;
    const char *cf = f->closefd ? "True" : "False";
    if (r == 0)
        return pith_str_from_format("<%s fd=%d mode='%s' closefd=%s>", PITH_TYPE(o)->tp_name, f->fd,
                                    mode_string(f), cf);
    int rec = pith_repr_enter(o);
    if (rec != 0) {
        PITH_DECREF(name);
        if (rec > 0)
            pith_err_format(&pith_exc_RuntimeError, "reentrant call inside %s.__repr__",
                            PITH_TYPE(o)->tp_name);
        return NULL;
    }
    PithObject *s = pith_str_from_format("<%s name=%R mode='%s' closefd=%s>", PITH_TYPE(o)->tp_name,
                                         name, mode_string(f), cf);
    pith_repr_leave(o);
    PITH_DECREF(name);
    return s;
}

static PithMethodDef fio_methods[] = {
    {"read", fio_read, PITH_METH_FAST, NULL},
    {"readall", fio_readall, PITH_METH_NOARGS, NULL},
    {"readinto", fio_readinto, PITH_METH_O, NULL},
    {"write", fio_write, PITH_METH_O, NULL},
    {"seek", fio_seek, PITH_METH_FAST, NULL},
    {"tell", fio_tell, PITH_METH_NOARGS, NULL},
    {"truncate", fio_truncate, PITH_METH_FAST, NULL},
    {"close", fio_close, PITH_METH_NOARGS, NULL},
    {"seekable", fio_seekable, PITH_METH_NOARGS, NULL},
    {"readable", fio_readable, PITH_METH_NOARGS, NULL},
    {"writable", fio_writable, PITH_METH_NOARGS, NULL},
    {"fileno", fio_fileno, PITH_METH_NOARGS, NULL},
    {"isatty", fio_isatty, PITH_METH_NOARGS, NULL},
    {"_dealloc_warn", fio_dealloc_warn, PITH_METH_O, NULL},
    {"__getstate__", fio_getstate, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef fio_getset[] = {
    {"mode", fio_get_mode, NULL, NULL, NULL},
    {"closed", fio_get_closed, NULL, NULL, NULL},
    {"closefd", fio_get_closefd, NULL, NULL, NULL},
    {"_blksize", fio_get_blksize, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_io_fileio_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_io.FileIO",
    .tp_basicsize = sizeof(FileIO),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,
    .tp_dealloc = fio_dealloc,
    .tp_repr = fio_repr,
    .tp_traverse = fio_traverse,
    .tp_clear = fio_clear,
    .tp_new = fio_new,
    .tp_init = fio_init,
    .tp_finalize = pith_io_finalize,
    .tp_methods = fio_methods,
    .tp_getset = fio_getset,
    .tp_base = &pith_io_rawiobase_type,
};
