/* io_internal.h — shared declarations of the _io module (io_*.c).
 *
 * Every _io object starts with PithIOBase: the instance __dict__, the weak
 * reference list and _IOBase's own "closed" flag (CPython keeps that flag as
 * __IOBase_closed in the dict). All _io types are GC types and subclassable
 * from Python (io.py derives its ABCs from them). */
#ifndef PITH_IO_INTERNAL_H
#define PITH_IO_INTERNAL_H

#include "pith/pith.h"

#define PITH_IO_DEFAULT_BUFFER_SIZE 8192

typedef struct PithIOBase {
    PithObject ob;
    PithObject *dict;
    PithObject *weaklist;
    char iobase_closed;
} PithIOBase;

#define IO_METHOD(name)                                                        \
    static PithObject *name(PithObject *self, PithObject *const *args,         \
                            size_t nargs, PithObject *kwnames)

extern PithType pith_io_iobase_type, pith_io_rawiobase_type, pith_io_bufferediobase_type,
    pith_io_textiobase_type, pith_io_fileio_type, pith_io_bytesio_type, pith_io_stringio_type,
    pith_io_bufferedreader_type, pith_io_bufferedwriter_type, pith_io_bufferedrandom_type,
    pith_io_bufferedrwpair_type, pith_io_textiowrapper_type, pith_io_nldecoder_type;
extern PithObject *pith_io_unsupported_operation; /* io.UnsupportedOperation */

/* The interned str for s, borrowed (the intern table keeps it alive). */
PithObject *pith_io_istr(const char *s);
/* Raise io.UnsupportedOperation(msg); returns NULL. */
PithObject *pith_io_unsupported(const char *msg);
/* ValueError("I/O operation on closed file."); returns NULL. */
PithObject *pith_io_closed_error(void);
/* -1 (with ValueError) if self.closed is true, else 0. */
int pith_io_check_closed(PithObject *self);
/* self.readable()/writable()/seekable() must be true, else
 * UnsupportedOperation("File or stream is not readable." ...). */
int pith_io_check_readable(PithObject *self);
int pith_io_check_writable(PithObject *self);
int pith_io_check_seekable(PithObject *self);
/* Optional size argument: None/absent = -1, else an index. */
int pith_io_size_arg(PithObject *const *args, size_t nargs, intptr_t *out);
/* Dealloc prologue for exact _io types: untrack and run tp_finalize (close)
 * once. Returns true if the object was resurrected (caller returns). */
bool pith_io_dealloc_begin(PithObject *o);
/* Dealloc tail: weakrefs, dict, memory. */
void pith_io_dealloc_end(PithObject *o);
int pith_io_base_traverse(PithObject *o, pith_visitproc visit, void *arg);
void pith_io_base_clear(PithObject *o);
/* tp_finalize of all _io types: close() unless closed, errors unraisable. */
void pith_io_finalize(PithObject *o);
/* Call obj.name(args...) and drop the result; 0/-1. */
int pith_io_call_void(PithObject *obj, const char *name, PithObject *const *args, size_t n);
/* Truth of obj.name() / of attribute obj.name; 1/0/-1. */
int pith_io_call_bool(PithObject *obj, const char *name);
int pith_io_attr_bool(PithObject *obj, const char *name);

/* open() (io_base.c) */
PithObject *pith_io_open(PithObject *self, PithObject *const *args, size_t nargs,
                         PithObject *kwnames);
/* FileIO internals (io_fileio.c) used by the buffered fast paths. */
int pith_io_fileio_fd(PithObject *raw); /* -1 if closed / not exact FileIO */
/* Native TextIOWrapper write of a str (print's fast path); 0/-1. */
int pith_io_textio_write_str(PithObject *self, PithObject *text);
/* Native TextIOWrapper readline (input()'s fast path). */
PithObject *pith_io_textio_readline(PithObject *self, intptr_t limit);
/* Flush a native TextIOWrapper (and its buffer). */
int pith_io_textio_flush(PithObject *self);
PithObject *pith_io_textio_new_std(PithObject *buffer, const char *errors, bool line_buffering,
                                   bool write_through);
PithObject *pith_io_fileio_new_fd(int fd, const char *mode, bool closefd, PithObject *name);
PithObject *pith_io_buffered_new(PithType *t, PithObject *raw, intptr_t size);

int pith_io_types_ready(void);

/* ---- newline handling (io_newline.c) ---------------------------------- */
/* seennl bits, as IncrementalNewlineDecoder.newlines reports them */
enum { PITH_IO_LF = 1, PITH_IO_CR = 2, PITH_IO_CRLF = 4 };
/* The IncrementalNewlineDecoder step on already decoded text: joins a
 * pending '\r', holds back a trailing '\r' unless final, records the kinds
 * of line endings seen and, if translate, turns '\r\n' and '\r' into '\n'.
 * Returns a new str. */
PithObject *pith_io_nl_step(PithObject *text, bool final, bool translate, char *pendingcr,
                            int *seennl);
/* The value of .newlines for seennl (None, a str or a tuple). */
PithObject *pith_io_newlines_value(int seennl);
/* Where the first line of s[0..len) ends (index past its terminator), or
 * -1. Modes: translated ('\n' only), universal ('\r', '\n', '\r\n'; a '\r'
 * at len ends a line only if final), else the terminator nl[0..nllen). */
intptr_t pith_io_find_eol(PithObject *s, intptr_t start, intptr_t len, bool translated,
                          bool universal, PithObject *nl, bool final);
/* Replace every '\n' of text with nl (new ref). */
PithObject *pith_io_replace_lf(PithObject *text, PithObject *nl);
/* Validate a newline argument: None, '', '\n', '\r', '\r\n'. */
int pith_io_check_newline(PithObject *nl, bool repr); /* repr: quote it */

#endif
