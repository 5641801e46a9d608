/* stdio.c — the interpreter's side of the _io streams: sys.stdin/stdout/
 * stderr as real _io.TextIOWrapper objects (over BufferedReader/Writer over
 * FileIO, as CPython's create_stdio builds them), builtins.open, and the
 * helpers print(), tracebacks and warnings use to write to any stream
 * object (native fast path for exact TextIOWrapper streams).
 * pith_stdio_type is kept for modules.h's users; no object has that type
 * any more (their fast-path checks simply fall back to method calls). */
#include "pith/pith.h"
#include "pith/run.h"
#include "io_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>

PithType pith_stdio_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_io._LegacyStdio",
    .tp_basicsize = sizeof(PithObject),
};

static bool is_text(PithObject *o) { return PITH_TYPE(o) == &pith_io_textiowrapper_type; }

/* fd 0/1/2 as TextIOWrapper(Buffered*(FileIO(fd, closefd=False))). mode is
 * "r" or "w"; write_through (-u) puts the text layer straight on the raw
 * stream like CPython's unbuffered mode. An invalid fd gives None. */
PithObject *pith_stdio_new(int fd, const char *name, const char *mode,
                           const char *errors, bool line_buffering,
                           bool write_through) {
    if (pith_io_types_ready() < 0) return NULL;
    if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) PITH_RETURN_NONE; /* as CPython: sys.stdout = None */
    bool reading = mode[0] == 'r';
    PithObject *nameobj = pith_str_from_cstr(name);
    if (!nameobj) return NULL;
    PithObject *raw = pith_io_fileio_new_fd(fd, reading ? "rb" : "wb", false, nameobj);
    PithObject *buf = NULL, *text = NULL;
    if (!raw) goto done;
    if (write_through && !reading) buf = PITH_NEWREF(raw);
    else
        buf = pith_io_buffered_new(reading ? &pith_io_bufferedreader_type : &pith_io_bufferedwriter_type,
                                   raw, PITH_IO_DEFAULT_BUFFER_SIZE);
    if (!buf) goto done;
    text = pith_io_textio_new_std(buf, errors, line_buffering && !reading && !write_through, write_through);
    if (!text) goto done;
    PithObject *m = pith_str_from_cstr(mode);
    if (!m || pith_setattr_str(text, "mode", m) < 0) PITH_CLEAR(text);
    PITH_XDECREF(m);
done:
    PITH_XDECREF(buf);
    PITH_XDECREF(raw);
    PITH_DECREF(nameobj);
    return text;
}

/* Flush a stream object (native fast path, else its flush() method);
 * closed native streams are skipped. */
int pith_stdio_flush(PithObject *stream) {
    if (!stream || stream == PITH_NONE) return 0;
    if (is_text(stream)) {
        int c = pith_io_attr_bool(stream, "closed");
        if (c != 0) {
            if (c < 0) pith_err_clear();
            return 0;
        }
        return pith_io_textio_flush(stream);
    }
    PithObject *r = pith_call_method(stream, "flush", NULL, 0);
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

PithObject *pith_stdio_readline(PithObject *stream) {
    if (is_text(stream)) return pith_io_textio_readline(stream, -1);
    return pith_call_method(stream, "readline", NULL, 0);
}

PithObject *pith_builtin_open(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    if (pith_io_types_ready() < 0) return NULL;
    return pith_io_open(self, args, nargs, kwnames);
}

/* ---- writing to arbitrary stream objects (print, error reporting) ------- */

int pith_file_write_string(const char *s, PithObject *file) {
    if (!file || file == PITH_NONE) {
        fputs(s, stderr);
        return 0;
    }
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
    if (is_text(file)) {
        r = pith_io_textio_write_str(file, text);
    } else {
        PithObject *res = pith_call_method(file, "write", &text, 1);
        r = res ? 0 : -1;
        PITH_XDECREF(res);
    }
    PITH_DECREF(text);
    return r;
}
