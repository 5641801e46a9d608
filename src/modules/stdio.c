/* stdio.c — a native text stream over a file descriptor, used for
 * sys.stdin / sys.stdout / sys.stderr until a real _io module exists.
 *
 * The type presents itself as "_io.TextIOWrapper". Text is encoded as UTF-8
 * into a byte buffer owned by the stream.
 * Invariants:
 *  - writer: buf[0..len) holds bytes written but not yet flushed;
 *  - reader: buf[pos..len) holds bytes read from the fd but not consumed;
 *  - line_buffering: a write containing '\n' or '\r' flushes;
 *    write_through (-u): every write flushes; otherwise the buffer is
 *    flushed when it exceeds STDIO_BUFSIZE.
 * Also home of pith_file_write_object / pith_file_write_string. */
#include "pith/pith.h"
#include "pith/run.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define STDIO_BUFSIZE 8192

typedef struct PithStdio {
    PithObject ob;
    int fd;
    PithObject *name; /* str, e.g. '<stdout>' */
    const char *mode; /* "r", "w", "a" or "x" (static strings) */
    const char *errors;
    const char *encoding; /* "utf-8" (std streams) or "UTF-8" (open()) */
    char line_buffering, write_through, closed, eof, owns_fd;
    char *buf;
    size_t len, cap, pos;
} PithStdio;

extern PithType pith_stdio_type;
#define STDIO(o) ((PithStdio *)(o))
#define WRITER(s) ((s)->mode[0] != 'r')

/* ---- low-level byte I/O ------------------------------------------------ */

static int write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            pith_err_from_errno(&pith_exc_OSError);
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int stdio_flush_buffer(PithStdio *s) {
    if (!WRITER(s) || s->len == 0) return 0;
    size_t n = s->len;
    s->len = 0; /* drop the data even on error, as a broken pipe stays broken */
    return write_all(s->fd, s->buf, n);
}

static int buf_reserve(PithStdio *s, size_t extra) {
    if (s->len + extra <= s->cap) return 0;
    size_t cap = s->cap ? s->cap : 256;
    while (cap < s->len + extra) cap *= 2;
    char *nb = pith_mem_realloc(s->buf, cap);
    if (!nb) {
        pith_err_no_memory();
        return -1;
    }
    s->buf = nb;
    s->cap = cap;
    return 0;
}

static int closed_error(void) {
    pith_err_set_string(&pith_exc_ValueError, "I/O operation on closed file.");
    return -1;
}

/* Append bytes to a writer, flushing as the buffering policy says. */
static int stdio_write_bytes(PithStdio *s, const char *p, size_t n) {
    if (s->closed) return closed_error();
    if (n == 0) return 0;
    if (buf_reserve(s, n) < 0) return -1;
    memcpy(s->buf + s->len, p, n);
    s->len += n;
    bool flush = s->write_through || s->len >= STDIO_BUFSIZE;
    if (!flush && s->line_buffering)
        flush = memchr(p, '\n', n) != NULL || memchr(p, '\r', n) != NULL;
    return flush ? stdio_flush_buffer(s) : 0;
}

/* ---- encoding ------------------------------------------------------------ */

static size_t utf8_put(char *out, uint32_t c) {
    if (c < 0x80) { out[0] = (char)c; return 1; }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Slow path for strings with surrogates: apply the stream's error handler. */
static int write_with_handler(PithStdio *s, PithObject *str) {
    PithStr *u = (PithStr *)str;
    bool bsr = strcmp(s->errors, "backslashreplace") == 0;
    bool esc = strcmp(s->errors, "surrogateescape") == 0;
    for (intptr_t i = 0; i < u->length; i++) {
        uint32_t c = pith_str_read(u, i);
        char tmp[16];
        size_t n;
        if (c < 0xD800 || c > 0xDFFF) {
            n = utf8_put(tmp, c);
        } else if (esc && c >= 0xDC80 && c <= 0xDCFF) {
            tmp[0] = (char)(c - 0xDC00);
            n = 1;
        } else if (bsr) {
            n = (size_t)snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)c);
        } else {
            pith_err_format(&pith_exc_UnicodeEncodeError,
                            "'utf-8' codec can't encode character '\\u%x' in "
                            "position %zd: surrogates not allowed",
                            (unsigned)c, i);
            return -1;
        }
        if (stdio_write_bytes(s, tmp, n) < 0) return -1;
    }
    return 0;
}

static int stdio_write_str(PithStdio *s, PithObject *str) {
    intptr_t n;
    const char *p = pith_str_utf8_size(str, &n);
    if (p) return stdio_write_bytes(s, p, (size_t)n);
    if (!pith_err_matches(&pith_exc_UnicodeEncodeError)) return -1;
    pith_err_clear();
    return write_with_handler(s, str);
}

/* ---- reading ------------------------------------------------------------- */

/* Read more bytes into the buffer; returns bytes read (0 at EOF) or -1. */
static intptr_t fill(PithStdio *s) {
    if (s->pos > 0) {
        memmove(s->buf, s->buf + s->pos, s->len - s->pos);
        s->len -= s->pos;
        s->pos = 0;
    }
    if (buf_reserve(s, STDIO_BUFSIZE) < 0) return -1;
    for (;;) {
        ssize_t r = read(s->fd, s->buf + s->len, s->cap - s->len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            pith_err_from_errno(&pith_exc_OSError);
            return -1;
        }
        s->len += (size_t)r;
        if (r == 0) s->eof = 1;
        return r;
    }
}

/* Take n buffered bytes as a str. */
static PithObject *take(PithStdio *s, size_t n) {
    PithObject *r = pith_str_from_utf8(s->buf + s->pos, (intptr_t)n);
    s->pos += n;
    return r;
}

/* One line including its '\n' ("" at EOF). limit < 0 = no limit (bytes). */
static PithObject *stdio_readline_impl(PithStdio *s, intptr_t limit) {
    if (s->closed) return closed_error(), NULL;
    size_t scanned = 0;
    for (;;) {
        size_t avail = s->len - s->pos;
        if (limit >= 0 && avail >= (size_t)limit) return take(s, (size_t)limit);
        char *nl = avail > scanned ? memchr(s->buf + s->pos + scanned, '\n', avail - scanned)
                                   : NULL;
        if (nl) return take(s, (size_t)(nl - (s->buf + s->pos)) + 1);
        scanned = avail;
        intptr_t r = fill(s);
        if (r < 0) return NULL;
        if (r == 0) return take(s, s->len - s->pos);
    }
}

PithObject *pith_stdio_readline(PithObject *stream) {
    return stdio_readline_impl(STDIO(stream), -1);
}

static PithObject *stdio_read_all(PithStdio *s) {
    for (;;) {
        intptr_t r = fill(s);
        if (r < 0) return NULL;
        if (r == 0) return take(s, s->len - s->pos);
    }
}

/* ---- construction -------------------------------------------------------- */

PithObject *pith_stdio_new(int fd, const char *name, const char *mode,
                           const char *errors, bool line_buffering,
                           bool write_through) {
    PithStdio *s = (PithStdio *)pith_obj_new(&pith_stdio_type);
    if (!s) return NULL;
    s->fd = fd;
    s->mode = mode;
    s->errors = errors;
    s->encoding = "utf-8";
    s->line_buffering = line_buffering;
    s->write_through = write_through;
    s->name = pith_str_from_cstr(name);
    if (!s->name) {
        PITH_DECREF(s);
        return NULL;
    }
    return (PithObject *)s;
}

/* Flush a stream object (native fast path, else its flush() method). */
int pith_stdio_flush(PithObject *stream) {
    if (!stream || stream == PITH_NONE) return 0;
    if (PITH_TYPE(stream) == &pith_stdio_type)
        return STDIO(stream)->closed ? 0 : stdio_flush_buffer(STDIO(stream));
    PithObject *r = pith_call_method(stream, "flush", NULL, 0);
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

static void stdio_dealloc(PithObject *o) {
    PithStdio *s = STDIO(o);
    if (!s->closed && WRITER(s) && s->len) {
        PithObject *saved = pith_err_fetch();
        if (stdio_flush_buffer(s) < 0) pith_err_clear();
        pith_err_restore(saved);
    }
    if (!s->closed && s->owns_fd) close(s->fd);
    pith_mem_free(s->buf);
    PITH_XDECREF(s->name);
    pith_obj_free(o);
}

static PithObject *stdio_repr(PithObject *o) {
    PithStdio *s = STDIO(o);
    return pith_str_from_format("<_io.TextIOWrapper name=%R mode='%s' encoding='%s'>",
                                s->name, s->mode, s->encoding);
}

/* ---- methods ------------------------------------------------------------- */

static PithObject *unsupported(const char *what) {
    pith_err_set_string(&pith_exc_OSError, what); /* io.UnsupportedOperation later */
    return NULL;
}

static PithObject *m_write(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    PithStdio *s = STDIO(self);
    PithObject *text = args[0];
    if (!pith_str_check(text))
        return pith_err_format(&pith_exc_TypeError,
                               "write() argument must be str, not %s",
                               pith_type_name(text));
    if (!WRITER(s)) return unsupported("not writable");
    if (stdio_write_str(s, text) < 0) return NULL;
    return pith_int_from_ssize(PITH_STR_LEN(text));
}

static PithObject *m_flush(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    PithStdio *s = STDIO(self);
    if (s->closed) return closed_error(), NULL;
    if (stdio_flush_buffer(s) < 0) return NULL;
    PITH_RETURN_NONE;
}

/* Optional size argument of read()/readline(): None or int, -1 = all. */
static int size_arg(PithObject *const *args, size_t nargs, intptr_t *out) {
    *out = -1;
    if (nargs == 0 || args[0] == PITH_NONE) return 0;
    *out = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
    return (*out == -1 && pith_err_occurred()) ? -1 : 0;
}

static PithObject *m_readline(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    intptr_t n;
    if (pith_arg_check_range("readline", nargs, 0, 1) < 0 || size_arg(args, nargs, &n) < 0)
        return NULL;
    if (WRITER(STDIO(self))) return unsupported("not readable");
    return stdio_readline_impl(STDIO(self), n);
}

static PithObject *m_read(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    PithStdio *s = STDIO(self);
    intptr_t n;
    if (pith_arg_check_range("read", nargs, 0, 1) < 0 || size_arg(args, nargs, &n) < 0)
        return NULL;
    if (WRITER(s)) return unsupported("not readable");
    if (s->closed) return closed_error(), NULL;
    if (n < 0) return stdio_read_all(s);
    while (s->len - s->pos < (size_t)n) {
        intptr_t r = fill(s);
        if (r < 0) return NULL;
        if (r == 0) break;
    }
    size_t avail = s->len - s->pos;
    return take(s, avail < (size_t)n ? avail : (size_t)n);
}

static PithObject *m_readlines(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    PithObject *list = pith_list_new(0);
    while (list) {
        PithObject *line = stdio_readline_impl(STDIO(self), -1);
        if (!line) break;
        if (PITH_STR_LEN(line) == 0) {
            PITH_DECREF(line);
            return list;
        }
        int r = pith_list_append(list, line);
        PITH_DECREF(line);
        if (r < 0) break;
    }
    PITH_XDECREF(list);
    return NULL;
}

static PithObject *m_fileno(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    return pith_int_from_i64(STDIO(self)->fd);
}

static PithObject *m_isatty(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    if (STDIO(self)->closed) return closed_error(), NULL;
    return pith_bool_from(isatty(STDIO(self)->fd));
}

static PithObject *m_readable(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    return pith_bool_from(!WRITER(STDIO(self)));
}

static PithObject *m_writable(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    return pith_bool_from(WRITER(STDIO(self)));
}

static PithObject *m_false(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    PITH_RETURN_FALSE;
}

static PithObject *m_close(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    PithStdio *s = STDIO(self);
    if (s->closed) PITH_RETURN_NONE;
    int r = stdio_flush_buffer(s);
    s->closed = 1; /* std streams keep their fd open, like closefd=False */
    if (s->owns_fd && close(s->fd) < 0 && r == 0) {
        pith_err_from_errno(&pith_exc_OSError);
        r = -1;
    }
    if (r < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *m_enter(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    return PITH_NEWREF(self);
}

static PithObject *m_exit(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    return m_close(self, NULL, 0, NULL);
}

static PithMethodDef stdio_methods[] = {
    {"write", m_write, PITH_METH_O, NULL},
    {"flush", m_flush, PITH_METH_NOARGS, NULL},
    {"readline", m_readline, PITH_METH_FAST, NULL},
    {"read", m_read, PITH_METH_FAST, NULL},
    {"readlines", m_readlines, PITH_METH_NOARGS, NULL},
    {"fileno", m_fileno, PITH_METH_NOARGS, NULL},
    {"isatty", m_isatty, PITH_METH_NOARGS, NULL},
    {"readable", m_readable, PITH_METH_NOARGS, NULL},
    {"writable", m_writable, PITH_METH_NOARGS, NULL},
    {"seekable", m_false, PITH_METH_NOARGS, NULL},
    {"close", m_close, PITH_METH_NOARGS, NULL},
    {"__enter__", m_enter, PITH_METH_NOARGS, NULL},
    {"__exit__", m_exit, PITH_METH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- attributes ---------------------------------------------------------- */

static PithObject *get_mode(PithObject *o, void *c) { return pith_str_from_cstr(STDIO(o)->mode); }
static PithObject *get_errors(PithObject *o, void *c) { return pith_str_from_cstr(STDIO(o)->errors); }
static PithObject *get_encoding(PithObject *o, void *c) {
    return pith_str_from_cstr(STDIO(o)->encoding);
}
static PithObject *get_closed(PithObject *o, void *c) { return pith_bool_from(STDIO(o)->closed); }
static PithObject *get_line_buffering(PithObject *o, void *c) {
    return pith_bool_from(STDIO(o)->line_buffering);
}
static PithObject *get_write_through(PithObject *o, void *c) {
    return pith_bool_from(STDIO(o)->write_through);
}
static PithObject *get_newlines(PithObject *o, void *c) { PITH_RETURN_NONE; }

static PithGetSetDef stdio_getset[] = {
    {"mode", get_mode, NULL, NULL, NULL},
    {"errors", get_errors, NULL, NULL, NULL},
    {"encoding", get_encoding, NULL, NULL, NULL},
    {"closed", get_closed, NULL, NULL, NULL},
    {"line_buffering", get_line_buffering, NULL, NULL, NULL},
    {"write_through", get_write_through, NULL, NULL, NULL},
    {"newlines", get_newlines, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithMemberDef stdio_members[] = {
    {"name", PITH_MEMBER_OBJECT, offsetof(PithStdio, name), PITH_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PithObject *stdio_iternext(PithObject *o) {
    PithObject *line = stdio_readline_impl(STDIO(o), -1);
    if (line && PITH_STR_LEN(line) == 0) {
        PITH_DECREF(line);
        return NULL;
    }
    return line;
}

static PithObject *stdio_iter(PithObject *o) { return PITH_NEWREF(o); }

PithType pith_stdio_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(PithStdio),
    .tp_dealloc = stdio_dealloc,
    .tp_repr = stdio_repr,
    .tp_iter = stdio_iter,
    .tp_iternext = stdio_iternext,
    .tp_methods = stdio_methods,
    .tp_members = stdio_members,
    .tp_getset = stdio_getset,
};

/* ---- open(): text files over the same stream type ---------------------- */

/* Parse a text mode ("r", "w", "a", "x", optional "t"); returns the static
 * mode name and open(2) flags, or NULL with ValueError/NotImplementedError. */
static const char *parse_mode(PithObject *mode, int *flags) {
    const char *m = pith_str_utf8(mode);
    if (!m) return NULL;
    static const char *const names[] = {"r", "w", "a", "x"};
    static const int oflags[] = {O_RDONLY, O_WRONLY | O_CREAT | O_TRUNC,
                                 O_WRONLY | O_CREAT | O_APPEND, O_WRONLY | O_CREAT | O_EXCL};
    int kind = -1;
    for (const char *p = m; *p; p++) {
        const char *k = strchr("rwax", *p);
        if (k && *k && kind < 0) kind = (int)(k - "rwax");
        else if (*p == 'b' || *p == '+') {
            pith_err_format(&pith_exc_NotImplementedError, "open() mode '%s' is not supported yet", m);
            return NULL;
        } else if (*p != 't') {
            pith_err_format(&pith_exc_ValueError, "invalid mode: '%s'", m);
            return NULL;
        }
    }
    if (kind < 0) {
        pith_err_format(&pith_exc_ValueError,
                        "Must have exactly one of create/read/write/append mode and at most one plus");
        return NULL;
    }
    *flags = oflags[kind] | O_CLOEXEC;
    return names[kind];
}

/* open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
 * closefd=True, opener=None): text mode only for now. */
PithObject *pith_builtin_open(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    static const char *const kw[] = {"file", "mode", "buffering", "encoding", "errors",
                                     "newline", "closefd", "opener", NULL};
    static const PithArgSpec spec = {"open", kw, 8, 0, 1, 8};
    PithObject *v[8];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithObject *file = v[0];
    if (!pith_str_check(file))
        return pith_err_format(&pith_exc_TypeError,
                               "expected str, bytes or os.PathLike object, not %s",
                               pith_type_name(file));
    int flags;
    const char *mode = parse_mode(v[1] ? v[1] : pith_str_intern_cstr("r"), &flags);
    const char *path = mode ? pith_str_utf8(file) : NULL;
    if (!path) return NULL;
    int fd;
    do fd = open(path, flags, 0666);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) return pith_err_from_errno_filename(&pith_exc_OSError, file);
    PithObject *f = pith_stdio_new(fd, "", mode, "strict", false, false);
    if (!f) {
        close(fd);
        return NULL;
    }
    PITH_SETREF(STDIO(f)->name, PITH_NEWREF(file));
    STDIO(f)->owns_fd = 1;
    STDIO(f)->encoding = "UTF-8";
    return f;
}

/* ---- writing to arbitrary stream objects (print, error reporting) ------- */

int pith_file_write_string(const char *s, PithObject *file) {
    if (!file || file == PITH_NONE) {
        fputs(s, stderr);
        return 0;
    }
    if (PITH_TYPE(file) == &pith_stdio_type && WRITER(STDIO(file)))
        return stdio_write_bytes(STDIO(file), s, strlen(s));
    PithObject *str = pith_str_from_utf8(s, -1);
    if (!str) return -1;
    int r = pith_file_write_object(str, file, true);
    PITH_DECREF(str);
    return r;
}

/* file.write(str(obj)) (raw_str) or file.write(repr(obj)). */
int pith_file_write_object(PithObject *obj, PithObject *file, bool raw_str) {
    PithObject *text = raw_str ? pith_str(obj) : pith_repr(obj);
    if (!text) return -1;
    int r;
    if (PITH_TYPE(file) == &pith_stdio_type && WRITER(STDIO(file))) {
        r = stdio_write_str(STDIO(file), text);
    } else {
        PithObject *res = pith_call_method(file, "write", &text, 1);
        r = res ? 0 : -1;
        PITH_XDECREF(res);
    }
    PITH_DECREF(text);
    return r;
}
