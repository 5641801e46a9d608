/* io_buffered.c — _io.BufferedReader, BufferedWriter, BufferedRandom (one
 * implementation, three method tables) and BufferedRWPair.
 * Invariants (Buffered):
 *  - rbuf[rpos..rlen) are bytes read from raw but not yet consumed; the raw
 *    position is just past them;
 *  - wbuf[0..wlen) are bytes written but not yet passed to raw; they belong
 *    at the raw position (the read buffer is emptied, with raw seeked back,
 *    before writing starts);
 *  - the logical position is raw_pos - (rlen - rpos) + wlen.
 * Raw I/O goes straight to the descriptor when raw is an exact FileIO. */
#include "io_internal.h"
#include "pith/memoryview.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

typedef struct Buffered {
    PithIOBase base;
    PithObject *raw;
    char ok, detached, can_read, can_write;
    intptr_t size;
    char *rbuf, *wbuf;
    intptr_t rpos, rlen, wlen;
} Buffered;

#define BUF(o) ((Buffered *)(o))

/* ---- construction --------------------------------------------------------- */

static PithObject *buf_new(PithType *t, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    PithObject *o = pith_gc_new(t);
    if (o) pith_gc_track(o);
    return o;
}

static bool type_reads(PithType *t) {
    return pith_type_is_subtype(t, &pith_io_bufferedreader_type) ||
           pith_type_is_subtype(t, &pith_io_bufferedrandom_type) || t == &pith_io_bufferedreader_type ||
           t == &pith_io_bufferedrandom_type;
}

static bool type_writes(PithType *t) {
    return pith_type_is_subtype(t, &pith_io_bufferedwriter_type) ||
           pith_type_is_subtype(t, &pith_io_bufferedrandom_type) || t == &pith_io_bufferedwriter_type ||
           t == &pith_io_bufferedrandom_type;
}

static int buf_setup(Buffered *b, PithObject *raw, intptr_t size) {
    PithType *t = PITH_TYPE(b);
    b->can_read = type_reads(t);
    b->can_write = type_writes(t);
    if (t == &pith_io_bufferedrandom_type || pith_type_is_subtype(t, &pith_io_bufferedrandom_type)) {
        if (pith_io_check_seekable(raw) < 0) return -1;
    }
    if (b->can_read && pith_io_check_readable(raw) < 0) return -1;
    if (b->can_write && pith_io_check_writable(raw) < 0) return -1;
    if (size <= 0) {
        pith_err_set_string(&pith_exc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    char *rb = pith_mem_realloc(b->rbuf, (size_t)size);
    if (!rb) return pith_err_no_memory(), -1;
    b->rbuf = rb;
    char *wb = pith_mem_realloc(b->wbuf, (size_t)size);
    if (!wb) return pith_err_no_memory(), -1;
    b->wbuf = wb;
    b->size = size;
    b->rpos = b->rlen = b->wlen = 0;
    PITH_SETREF(b->raw, PITH_NEWREF(raw));
    b->detached = 0;
    b->ok = 1;
    return 0;
}

static int buf_init(PithObject *self, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    static const char *const kw[] = {"raw", "buffer_size", NULL};
    PithArgSpec spec = {PITH_TYPE(self)->tp_name + 4, kw, 2, 0, 1, 2};
    PithObject *v[2];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return -1;
    intptr_t size = PITH_IO_DEFAULT_BUFFER_SIZE;
    if (v[1] && (size = pith_number_as_ssize(v[1], &pith_exc_OverflowError)) == -1 && pith_err_occurred())
        return -1;
    BUF(self)->ok = 0;
    return buf_setup(BUF(self), v[0], size);
}

PithObject *pith_io_buffered_new(PithType *t, PithObject *raw, intptr_t size) {
    PithObject *o = buf_new(t, NULL, 0, NULL);
    if (o && buf_setup(BUF(o), raw, size) < 0) PITH_CLEAR(o);
    return o;
}

static int buf_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(BUF(o)->raw);
    return pith_io_base_traverse(o, visit, arg);
}

static int buf_clear(PithObject *o) {
    PITH_CLEAR(BUF(o)->raw);
    pith_io_base_clear(o);
    return 0;
}

static void buf_dealloc(PithObject *o) {
    if (pith_io_dealloc_begin(o)) return;
    Buffered *b = BUF(o);
    PITH_CLEAR(b->raw);
    pith_mem_free(b->rbuf);
    pith_mem_free(b->wbuf);
    pith_io_dealloc_end(o);
}

/* ---- state checks --------------------------------------------------------- */

static int check_ok(Buffered *b) {
    if (b->ok) return 0;
    pith_err_set_string(&pith_exc_ValueError,
                        b->detached ? "raw stream has been detached" : "I/O operation on uninitialized object");
    return -1;
}

static int raw_closed(Buffered *b) {
    int fd = pith_io_fileio_fd(b->raw);
    if (fd >= 0) return 0;
    if (PITH_TYPE(b->raw) == &pith_io_fileio_type) return 1;
    return pith_io_attr_bool(b->raw, "closed");
}

/* ok and not closed, else ValueError(msg). */
static int check_open(Buffered *b, const char *msg) {
    if (check_ok(b) < 0) return -1;
    int c = raw_closed(b);
    if (c > 0) pith_err_set_string(&pith_exc_ValueError, msg);
    return c ? -1 : 0;
}

/* ---- raw I/O ----------------------------------------------------------------- */

/* Read up to n bytes into p: count, 0 at EOF, -2 when raw returned None
 * (non-blocking, nothing available), -1 on error. */
static intptr_t raw_read(Buffered *b, char *p, intptr_t n) {
    int fd = pith_io_fileio_fd(b->raw);
    if (fd >= 0) {
        for (;;) {
            ssize_t r = read(fd, p, (size_t)n);
            if (r >= 0) return r;
            if (errno == EINTR) continue;
            if (errno == EAGAIN) return -2;
            pith_err_from_errno(&pith_exc_OSError);
            return -1;
        }
    }
    PithObject *ba = pith_bytearray_from(NULL, n);
    PithObject *mv = ba ? pith_memoryview_new(ba) : NULL;
    PithObject *r = mv ? pith_call_method(b->raw, "readinto", &mv, 1) : NULL;
    if (mv) PITH_XDECREF(pith_call_method(mv, "release", NULL, 0));
    PITH_XDECREF(mv);
    intptr_t got = -1;
    if (r == PITH_NONE) got = -2;
    else if (r) {
        got = pith_number_as_ssize(r, &pith_exc_OverflowError);
        if (got == -1 && pith_err_occurred()) got = -1;
        else if (got < 0 || got > n) {
            pith_err_format(&pith_exc_OSError, "raw readinto() returned invalid length %zd (should have been between 0 and %zd)",
                            got, n);
            got = -1;
        } else memcpy(p, ((PithByteArray *)ba)->data, (size_t)got);
    }
    PITH_XDECREF(r);
    PITH_XDECREF(ba);
    return got;
}

/* Write all of p[0..n) to raw; 0 / -1. */
static int raw_write_all(Buffered *b, const char *p, intptr_t n) {
    while (n > 0) {
        intptr_t w;
        int fd = pith_io_fileio_fd(b->raw);
        if (fd >= 0) {
            ssize_t r = write(fd, p, (size_t)n);
            if (r < 0 && errno == EINTR) continue;
            if (r < 0) {
                pith_err_from_errno(&pith_exc_OSError);
                return -1;
            }
            w = r;
        } else {
            PithObject *data = pith_bytes_from(p, n);
            PithObject *r = data ? pith_call_method(b->raw, "write", &data, 1) : NULL;
            PITH_XDECREF(data);
            if (!r) return -1;
            if (r == PITH_NONE) {
                pith_err_set_string(&pith_exc_BlockingIOError, "write could not complete without blocking");
                return -1;
            }
            w = pith_number_as_ssize(r, &pith_exc_OverflowError);
            PITH_DECREF(r);
            if (w == -1 && pith_err_occurred()) return -1;
            if (w < 0 || w > n) {
                pith_err_format(&pith_exc_OSError, "raw write() returned invalid length %zd (should have been between 0 and %zd)",
                                w, n);
                return -1;
            }
        }
        p += w;
        n -= w;
    }
    return 0;
}

static int flush_writes(Buffered *b) {
    if (b->wlen == 0) return 0;
    intptr_t n = b->wlen;
    b->wlen = 0;
    return raw_write_all(b, b->wbuf, n);
}

static PithObject *raw_seek(Buffered *b, int64_t pos, int whence) {
    PithObject *p = pith_int_from_i64(pos), *w = pith_int_from_i64(whence);
    PithObject *a[2] = {p, w};
    PithObject *r = p && w ? pith_call_method(b->raw, "seek", a, 2) : NULL;
    PITH_XDECREF(p);
    PITH_XDECREF(w);
    return r;
}

/* Give unread buffered bytes back to raw (seek it back) before writing or
 * seeking. */
static int drop_read_buffer(Buffered *b) {
    intptr_t unread = b->rlen - b->rpos;
    b->rpos = b->rlen = 0;
    if (unread == 0) return 0;
    PithObject *r = raw_seek(b, -unread, SEEK_CUR);
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

/* Refill the read buffer once (keeping nothing): bytes read, 0 EOF, -2, -1. */
static intptr_t fill(Buffered *b) {
    if (b->can_write && flush_writes(b) < 0) return -1;
    b->rpos = b->rlen = 0;
    intptr_t r = raw_read(b, b->rbuf, b->size);
    if (r > 0) b->rlen = r;
    return r;
}

/* ---- reading ----------------------------------------------------------------- */

static PithObject *read_all(Buffered *b) {
    if (b->can_write && flush_writes(b) < 0) return NULL;
    PithObject *acc = pith_bytes_from(b->rbuf + b->rpos, b->rlen - b->rpos);
    b->rpos = b->rlen = 0;
    if (!acc) return NULL;
    PithObject *rest = NULL;
    if (pith_io_fileio_fd(b->raw) >= 0 || pith_hasattr_str(b->raw, "readall"))
        rest = pith_call_method(b->raw, "readall", NULL, 0);
    else
        rest = pith_call_method(b->raw, "read", NULL, 0);
    if (!rest) {
        PITH_DECREF(acc);
        return NULL;
    }
    if (rest == PITH_NONE) {
        if (PITH_SIZE(acc)) {
            PITH_DECREF(rest);
            return acc;
        }
        PITH_DECREF(acc);
        return rest;
    }
    if (!pith_bytes_check(rest)) {
        PITH_DECREF(rest);
        PITH_DECREF(acc);
        return pith_err_format(&pith_exc_TypeError, "readall() should return bytes");
    }
    int r = pith_bytes_concat_inplace(&acc, rest);
    PITH_DECREF(rest);
    return r < 0 ? NULL : acc;
}

static PithObject *read_n(Buffered *b, intptr_t n) {
    intptr_t avail = b->rlen - b->rpos;
    if (n <= avail) {
        PithObject *r = pith_bytes_from(b->rbuf + b->rpos, n);
        if (r) b->rpos += n;
        return r;
    }
    if (b->can_write && flush_writes(b) < 0) return NULL;
    PithObject *out = pith_bytes_from(NULL, n);
    if (!out) return NULL;
    char *p = PITH_BYTES_DATA(out);
    memcpy(p, b->rbuf + b->rpos, (size_t)avail);
    intptr_t got = avail;
    b->rpos = b->rlen = 0;
    while (got < n) {
        intptr_t want = n - got;
        intptr_t r;
        if (want >= b->size) r = raw_read(b, p + got, want);
        else {
            r = fill(b);
            if (r > 0) {
                intptr_t k = r < want ? r : want;
                memcpy(p + got, b->rbuf, (size_t)k);
                b->rpos = k;
                r = k;
            }
        }
        if (r == -1) {
            PITH_DECREF(out);
            return NULL;
        }
        if (r == -2) {
            if (got == 0) {
                PITH_DECREF(out);
                PITH_RETURN_NONE;
            }
            break;
        }
        if (r == 0) break;
        got += r;
    }
    if (got == n) return out;
    PithObject *s = pith_bytes_from(p, got);
    PITH_DECREF(out);
    return s;
}

IO_METHOD(br_read) {
    Buffered *b = BUF(self);
    intptr_t n;
    if (pith_arg_check_range("read", nargs, 0, 1) < 0 || pith_io_size_arg(args, nargs, &n) < 0) return NULL;
    if (n < -1) return pith_err_format(&pith_exc_ValueError, "read length must be non-negative or -1");
    if (check_open(b, "read of closed file") < 0) return NULL;
    return n < 0 ? read_all(b) : read_n(b, n);
}

IO_METHOD(br_read1) {
    Buffered *b = BUF(self);
    intptr_t n;
    if (pith_arg_check_range("read1", nargs, 0, 1) < 0 || pith_io_size_arg(args, nargs, &n) < 0) return NULL;
    if (check_open(b, "read of closed file") < 0) return NULL;
    if (n < 0) n = b->size;
    if (n == 0) return pith_bytes_from(NULL, 0);
    if (b->rlen == b->rpos) {
        intptr_t r = fill(b);
        if (r < 0 && r != -2) return NULL;
    }
    intptr_t avail = b->rlen - b->rpos;
    return read_n(b, n < avail ? n : avail);
}

IO_METHOD(br_peek) {
    Buffered *b = BUF(self);
    if (pith_arg_check_range("peek", nargs, 0, 1) < 0) return NULL;
    if (check_open(b, "peek of closed file") < 0) return NULL;
    if (b->rlen == b->rpos) {
        intptr_t r = fill(b);
        if (r == -1) return NULL;
    }
    return pith_bytes_from(b->rbuf + b->rpos, b->rlen - b->rpos);
}

static PithObject *readline_impl(Buffered *b, intptr_t limit) {
    if (check_open(b, "readline of closed file") < 0) return NULL;
    PithObject *acc = NULL;
    for (;;) {
        intptr_t avail = b->rlen - b->rpos;
        intptr_t room = limit < 0 ? avail : limit - (acc ? PITH_SIZE(acc) : 0);
        if (room > avail) room = avail;
        char *nl = room ? memchr(b->rbuf + b->rpos, '\n', (size_t)room) : NULL;
        intptr_t take = nl ? nl - (b->rbuf + b->rpos) + 1 : room;
        PithObject *piece = pith_bytes_from(b->rbuf + b->rpos, take);
        if (!piece) goto fail;
        b->rpos += take;
        if (!acc) acc = piece;
        else {
            int r = pith_bytes_concat_inplace(&acc, piece);
            PITH_DECREF(piece);
            if (r < 0) return NULL;
        }
        if (nl || (limit >= 0 && PITH_SIZE(acc) >= limit)) return acc;
        intptr_t r = fill(b);
        if (r == -1) goto fail;
        if (r <= 0) return acc;
    }
fail:
    PITH_XDECREF(acc);
    return NULL;
}

IO_METHOD(br_readline) {
    intptr_t n;
    if (pith_arg_check_range("readline", nargs, 0, 1) < 0 || pith_io_size_arg(args, nargs, &n) < 0) return NULL;
    return readline_impl(BUF(self), n);
}

static PithObject *buf_iternext(PithObject *self) {
    PithObject *line;
    if (PITH_TYPE(self) == &pith_io_bufferedreader_type || PITH_TYPE(self) == &pith_io_bufferedrandom_type)
        line = readline_impl(BUF(self), -1);
    else
        line = pith_call_method(self, "readline", NULL, 0);
    if (line && pith_len(line) == 0) PITH_CLEAR(line);
    return line;
}

static PithObject *readinto_impl(PithObject *self, PithObject *arg, bool one) {
    Buffered *b = BUF(self);
    if (check_open(b, "readinto of closed file") < 0) return NULL;
    PithBuffer v;
    if (pith_buffer_get(arg, &v, true) < 0) return NULL;
    PithObject *data = one ? NULL : read_n(b, v.len);
    if (one) {
        PithObject *n = pith_int_from_ssize(v.len);
        data = n ? br_read1(self, &n, 1, NULL) : NULL;
        PITH_XDECREF(n);
    }
    PithObject *res = NULL;
    if (data == PITH_NONE) res = data;
    else if (data) {
        memcpy(v.buf, PITH_BYTES_DATA(data), (size_t)PITH_SIZE(data));
        res = pith_int_from_ssize(PITH_SIZE(data));
        PITH_DECREF(data);
    }
    pith_buffer_release(&v);
    return res;
}

IO_METHOD(br_readinto) { return readinto_impl(self, args[0], false); }
IO_METHOD(br_readinto1) { return readinto_impl(self, args[0], true); }

/* ---- writing ------------------------------------------------------------------ */

static int write_bytes(Buffered *b, const char *p, intptr_t n) {
    if (b->can_read && b->rlen > b->rpos && drop_read_buffer(b) < 0) return -1;
    b->rpos = b->rlen = 0;
    if (b->wlen + n <= b->size) {
        memcpy(b->wbuf + b->wlen, p, (size_t)n);
        b->wlen += n;
        return 0;
    }
    if (flush_writes(b) < 0) return -1;
    if (n >= b->size) return raw_write_all(b, p, n);
    memcpy(b->wbuf, p, (size_t)n);
    b->wlen = n;
    return 0;
}

IO_METHOD(bw_write) {
    Buffered *b = BUF(self);
    if (check_ok(b) < 0) return NULL;
    PithBuffer v;
    if (pith_buffer_get(args[0], &v, false) < 0) return NULL;
    int c = raw_closed(b);
    if (c) {
        pith_buffer_release(&v);
        if (c > 0) pith_err_set_string(&pith_exc_ValueError, "write to closed file");
        return NULL;
    }
    int r = write_bytes(b, v.buf, v.len);
    intptr_t n = v.len;
    pith_buffer_release(&v);
    return r < 0 ? NULL : pith_int_from_ssize(n);
}

IO_METHOD(bw_flush) {
    Buffered *b = BUF(self);
    if (check_open(b, "flush of closed file") < 0) return NULL;
    if (flush_writes(b) < 0) return NULL;
    PITH_RETURN_NONE;
}

IO_METHOD(br_flush) {
    Buffered *b = BUF(self);
    if (check_ok(b) < 0) return NULL;
    return pith_call_method(b->raw, "flush", NULL, 0);
}

/* ---- positioning ------------------------------------------------------------- */

static PithObject *tell_impl(Buffered *b) {
    PithObject *r = pith_call_method(b->raw, "tell", NULL, 0);
    if (!r) return NULL;
    int64_t pos = pith_int_as_i64(r);
    PITH_DECREF(r);
    if (pos == -1 && pith_err_occurred()) return NULL;
    pos = pos - (b->rlen - b->rpos) + b->wlen;
    if (pos < 0) pos = 0;
    return pith_int_from_i64(pos);
}

IO_METHOD(buf_tell) {
    if (check_ok(BUF(self)) < 0) return NULL;
    return tell_impl(BUF(self));
}

IO_METHOD(buf_seek) {
    Buffered *b = BUF(self);
    if (pith_arg_check_range("seek", nargs, 1, 2) < 0 || check_ok(b) < 0) return NULL;
    intptr_t whence = 0;
    if (nargs > 1 && (whence = pith_number_as_ssize(args[1], &pith_exc_OverflowError)) == -1 &&
        pith_err_occurred())
        return NULL;
    if (whence < 0 || whence > 2)
        return pith_err_format(&pith_exc_ValueError, "whence value %zd unsupported", whence);
    if (check_open(b, "seek of closed file") < 0) return NULL;
    if (!pith_index_check(args[0]))
        return pith_err_format(&pith_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                               pith_type_name(args[0]));
    int64_t pos = pith_int_as_i64(args[0]);
    if (pos == -1 && pith_err_occurred()) return NULL;
    if (b->can_write && flush_writes(b) < 0) return NULL;
    if (whence == 1) pos -= b->rlen - b->rpos;
    b->rpos = b->rlen = 0;
    return raw_seek(b, pos, (int)whence);
}

IO_METHOD(buf_truncate) {
    Buffered *b = BUF(self);
    if (pith_arg_check_range("truncate", nargs, 0, 1) < 0) return NULL;
    if (check_open(b, "truncate of closed file") < 0) return NULL;
    if (!b->can_write) return pith_io_unsupported("truncate");
    if (flush_writes(b) < 0) return NULL;
    PithObject *pos = nargs && args[0] != PITH_NONE ? PITH_NEWREF(args[0]) : tell_impl(b);
    if (!pos) return NULL;
    if (drop_read_buffer(b) < 0) {
        PITH_DECREF(pos);
        return NULL;
    }
    PithObject *r = pith_call_method(b->raw, "truncate", &pos, 1);
    PITH_DECREF(pos);
    return r;
}

/* ---- lifecycle and delegation -------------------------------------------------- */

IO_METHOD(buf_close) {
    Buffered *b = BUF(self);
    if (check_ok(b) < 0) return NULL;
    int c = raw_closed(b);
    if (c < 0) return NULL;
    if (c) PITH_RETURN_NONE;
    PithObject *fl = pith_call_method(self, "flush", NULL, 0);
    PithObject *saved = fl ? NULL : pith_err_fetch();
    PITH_XDECREF(fl);
    PithObject *r = pith_call_method(b->raw, "close", NULL, 0);
    b->rpos = b->rlen = b->wlen = 0;
    if (saved) {
        if (!r) {
            pith_err_chain_context();
            PITH_DECREF(saved);
            return NULL;
        }
        PITH_DECREF(r);
        pith_err_restore(saved);
        return NULL;
    }
    return r;
}

IO_METHOD(buf_detach) {
    Buffered *b = BUF(self);
    if (check_ok(b) < 0) return NULL;
    PithObject *fl = pith_call_method(self, "flush", NULL, 0);
    if (!fl) return NULL;
    PITH_DECREF(fl);
    PithObject *raw = b->raw;
    b->raw = NULL;
    b->ok = 0;
    b->detached = 1;
    return raw;
}

static PithObject *delegate(PithObject *self, const char *name) {
    if (check_ok(BUF(self)) < 0) return NULL;
    return pith_call_method(BUF(self)->raw, name, NULL, 0);
}

IO_METHOD(buf_fileno) { return delegate(self, "fileno"); }
IO_METHOD(buf_isatty) { return delegate(self, "isatty"); }
IO_METHOD(buf_readable) { return delegate(self, "readable"); }
IO_METHOD(buf_writable) { return delegate(self, "writable"); }
IO_METHOD(buf_seekable) { return delegate(self, "seekable"); }

IO_METHOD(buf_getstate) {
    return pith_err_format(&pith_exc_TypeError, "cannot pickle '%s' object", pith_type_name(self));
}

IO_METHOD(buf_sizeof) {
    return pith_int_from_ssize(PITH_TYPE(self)->tp_basicsize + 2 * BUF(self)->size);
}

static PithObject *raw_attr(PithObject *o, const char *name) {
    if (check_ok(BUF(o)) < 0) return NULL;
    return pith_getattr_str(BUF(o)->raw, name);
}

static PithObject *buf_get_closed(PithObject *o, void *c) { return raw_attr(o, "closed"); }
static PithObject *buf_get_name(PithObject *o, void *c) { return raw_attr(o, "name"); }
static PithObject *buf_get_mode(PithObject *o, void *c) { return raw_attr(o, "mode"); }
static PithObject *buf_get_raw(PithObject *o, void *c) {
    if (check_ok(BUF(o)) < 0) return NULL;
    return PITH_NEWREF(BUF(o)->raw);
}

static PithObject *buf_repr(PithObject *o) {
    const char *tn = PITH_TYPE(o)->tp_name;
    if (!BUF(o)->ok) return pith_str_from_format("<%s>", tn);
    PithObject *name;
    int r = pith_lookup_attr(o, pith_io_istr("name"), &name);
    if (r < 0) {
        if (!pith_err_matches(&pith_exc_ValueError)) return NULL;
        pith_err_clear();
        r = 0;
    }
    if (r == 0) return pith_str_from_format("<%s>", tn);
    int rec = pith_repr_enter(o);
    if (rec != 0) {
        PITH_DECREF(name);
        if (rec > 0) pith_err_format(&pith_exc_RuntimeError, "reentrant call inside %s.__repr__", tn);
        return NULL;
    }
    PithObject *s = pith_str_from_format("<%s name=%R>", tn, name);
    pith_repr_leave(o);
    PITH_DECREF(name);
    return s;
}

#define COMMON_METHODS                                                         \
    {"seek", buf_seek, PITH_METH_FAST, NULL},                                  \
    {"tell", buf_tell, PITH_METH_NOARGS, NULL},                                \
    {"truncate", buf_truncate, PITH_METH_FAST, NULL},                          \
    {"close", buf_close, PITH_METH_NOARGS, NULL},                              \
    {"detach", buf_detach, PITH_METH_NOARGS, NULL},                            \
    {"fileno", buf_fileno, PITH_METH_NOARGS, NULL},                            \
    {"isatty", buf_isatty, PITH_METH_NOARGS, NULL},                            \
    {"readable", buf_readable, PITH_METH_NOARGS, NULL},                        \
    {"writable", buf_writable, PITH_METH_NOARGS, NULL},                        \
    {"seekable", buf_seekable, PITH_METH_NOARGS, NULL},                        \
    {"__getstate__", buf_getstate, PITH_METH_NOARGS, NULL},                    \
    {"__sizeof__", buf_sizeof, PITH_METH_NOARGS, NULL}
#define READ_METHODS                                                           \
    {"read", br_read, PITH_METH_FAST, NULL},                                   \
    {"read1", br_read1, PITH_METH_FAST, NULL},                                 \
    {"peek", br_peek, PITH_METH_FAST, NULL},                                   \
    {"readline", br_readline, PITH_METH_FAST, NULL},                           \
    {"readinto", br_readinto, PITH_METH_O, NULL},                              \
    {"readinto1", br_readinto1, PITH_METH_O, NULL}

static PithMethodDef reader_methods[] = {
    COMMON_METHODS, READ_METHODS, {"flush", br_flush, PITH_METH_NOARGS, NULL}, {NULL, NULL, 0, NULL},
};
static PithMethodDef writer_methods[] = {
    COMMON_METHODS, {"write", bw_write, PITH_METH_O, NULL}, {"flush", bw_flush, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
static PithMethodDef random_methods[] = {
    COMMON_METHODS, READ_METHODS, {"write", bw_write, PITH_METH_O, NULL},
    {"flush", bw_flush, PITH_METH_NOARGS, NULL}, {NULL, NULL, 0, NULL},
};

static PithGetSetDef buf_getset[] = {
    {"closed", buf_get_closed, NULL, NULL, NULL},
    {"name", buf_get_name, NULL, NULL, NULL},
    {"mode", buf_get_mode, NULL, NULL, NULL},
    {"raw", buf_get_raw, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define BUFFERED_TYPE(var, name, methods)                                      \
    PithType var = {                                                           \
        PITH_VAR_HEAD_INIT(&pith_type_type, 0),                                \
        .tp_name = name,                                                       \
        .tp_basicsize = sizeof(Buffered),                                      \
        .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,              \
        .tp_dealloc = buf_dealloc,                                             \
        .tp_repr = buf_repr,                                                   \
        .tp_traverse = buf_traverse,                                           \
        .tp_clear = buf_clear,                                                 \
        .tp_new = buf_new,                                                     \
        .tp_init = buf_init,                                                   \
        .tp_finalize = pith_io_finalize,                                       \
        .tp_iternext = buf_iternext,                                           \
        .tp_methods = methods,                                                 \
        .tp_getset = buf_getset,                                               \
        .tp_base = &pith_io_bufferediobase_type,                               \
    }

BUFFERED_TYPE(pith_io_bufferedreader_type, "_io.BufferedReader", reader_methods);
BUFFERED_TYPE(pith_io_bufferedwriter_type, "_io.BufferedWriter", writer_methods);
BUFFERED_TYPE(pith_io_bufferedrandom_type, "_io.BufferedRandom", random_methods);

/* ---- BufferedRWPair ------------------------------------------------------------ */

typedef struct RWPair {
    PithIOBase base;
    PithObject *reader, *writer;
} RWPair;

#define RWP(o) ((RWPair *)(o))

static int rwp_init(PithObject *self, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    static const char *const kw[] = {"reader", "writer", "buffer_size", NULL};
    static const PithArgSpec spec = {"BufferedRWPair", kw, 3, 3, 2, 3};
    PithObject *v[3];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return -1;
    intptr_t size = PITH_IO_DEFAULT_BUFFER_SIZE;
    if (v[2] && (size = pith_number_as_ssize(v[2], &pith_exc_OverflowError)) == -1 && pith_err_occurred())
        return -1;
    PithObject *r = pith_io_buffered_new(&pith_io_bufferedreader_type, v[0], size);
    if (!r) return -1;
    PithObject *w = pith_io_buffered_new(&pith_io_bufferedwriter_type, v[1], size);
    if (!w) {
        PITH_DECREF(r);
        return -1;
    }
    PITH_SETREF(RWP(self)->reader, r);
    PITH_SETREF(RWP(self)->writer, w);
    return 0;
}

static int rwp_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(RWP(o)->reader);
    PITH_VISIT(RWP(o)->writer);
    return pith_io_base_traverse(o, visit, arg);
}

static int rwp_clear(PithObject *o) {
    PITH_CLEAR(RWP(o)->reader);
    PITH_CLEAR(RWP(o)->writer);
    pith_io_base_clear(o);
    return 0;
}

static void rwp_dealloc(PithObject *o) {
    if (pith_io_dealloc_begin(o)) return;
    PITH_CLEAR(RWP(o)->reader);
    PITH_CLEAR(RWP(o)->writer);
    pith_io_dealloc_end(o);
}

static PithObject *rwp_forward(PithObject *self, bool reader, const char *name, PithObject *const *args,
                               size_t nargs) {
    PithObject *target = reader ? RWP(self)->reader : RWP(self)->writer;
    if (!target) return pith_err_format(&pith_exc_ValueError, "I/O operation on uninitialized object");
    return pith_call_method(target, name, args, nargs);
}

#define RWP_FWD(fn, rd, name)                                                  \
    IO_METHOD(fn) { return rwp_forward(self, rd, name, args, nargs); }
RWP_FWD(rwp_read, true, "read")
RWP_FWD(rwp_peek, true, "peek")
RWP_FWD(rwp_read1, true, "read1")
RWP_FWD(rwp_readinto, true, "readinto")
RWP_FWD(rwp_readinto1, true, "readinto1")
RWP_FWD(rwp_readable, true, "readable")
RWP_FWD(rwp_write, false, "write")
RWP_FWD(rwp_flush, false, "flush")
RWP_FWD(rwp_writable, false, "writable")

IO_METHOD(rwp_isatty) {
    PithObject *r = rwp_forward(self, false, "isatty", NULL, 0);
    if (!r || r == PITH_TRUE) return r;
    PITH_DECREF(r);
    return rwp_forward(self, true, "isatty", NULL, 0);
}

IO_METHOD(rwp_close) {
    PithObject *r = rwp_forward(self, false, "close", NULL, 0);
    PithObject *saved = r ? NULL : pith_err_fetch();
    PITH_XDECREF(r);
    r = rwp_forward(self, true, "close", NULL, 0);
    if (saved) {
        PITH_XDECREF(r);
        if (r) pith_err_restore(saved);
        else {
            pith_err_chain_context();
            PITH_DECREF(saved);
        }
        return NULL;
    }
    return r;
}

static PithObject *rwp_get_closed(PithObject *o, void *c) {
    if (!RWP(o)->writer) return pith_err_format(&pith_exc_RuntimeError, "the BufferedRWPair object is being garbage-collected");
    return pith_getattr_str(RWP(o)->writer, "closed");
}

static PithMethodDef rwp_methods[] = {
    {"read", rwp_read, PITH_METH_FAST, NULL},
    {"peek", rwp_peek, PITH_METH_FAST, NULL},
    {"read1", rwp_read1, PITH_METH_FAST, NULL},
    {"readinto", rwp_readinto, PITH_METH_FAST, NULL},
    {"readinto1", rwp_readinto1, PITH_METH_FAST, NULL},
    {"write", rwp_write, PITH_METH_FAST, NULL},
    {"flush", rwp_flush, PITH_METH_NOARGS, NULL},
    {"readable", rwp_readable, PITH_METH_NOARGS, NULL},
    {"writable", rwp_writable, PITH_METH_NOARGS, NULL},
    {"close", rwp_close, PITH_METH_NOARGS, NULL},
    {"isatty", rwp_isatty, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef rwp_getset[] = {
    {"closed", rwp_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_io_bufferedrwpair_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_io.BufferedRWPair",
    .tp_basicsize = sizeof(RWPair),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,
    .tp_dealloc = rwp_dealloc,
    .tp_traverse = rwp_traverse,
    .tp_clear = rwp_clear,
    .tp_new = buf_new,
    .tp_init = rwp_init,
    .tp_finalize = pith_io_finalize,
    .tp_methods = rwp_methods,
    .tp_getset = rwp_getset,
    .tp_base = &pith_io_bufferediobase_type,
};
