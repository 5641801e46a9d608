/* osmod.h — helpers shared by the OS-facing native modules (posix, time):
 * path arguments (str/bytes/os.PathLike/fd) and errno exceptions.
 * Implemented in modules/ospath.c. */
#ifndef PITH_MODULES_OSMOD_H
#define PITH_MODULES_OSMOD_H

#include "pith/pith.h"

/* A path argument, as CPython's path_t. */
typedef struct PithOsPath {
    const char *fname;   /* function name for messages */
    const char *argname; /* "path", "src", ... */
    bool nullable;       /* None accepted (means ".") */
    bool allow_fd;       /* an int is a file descriptor */
    PithObject *object;  /* the argument as given (borrowed), for errors */
    PithObject *bytes;   /* owned encoded path, or NULL for fd/None */
    const char *narrow;  /* C path (into bytes), or NULL */
    int fd;              /* -1 unless an fd was given */
    bool is_bytes;       /* bytes given: results are bytes */
} PithOsPath;

/* Convert obj (may be NULL = not given, treated as None). 0 / -1. */
int pith_ospath_convert(PithOsPath *p, PithObject *obj);
void pith_ospath_clear(PithOsPath *p);
/* Raise OSError subclass for errno with filename(s) (may be NULL). */
PithObject *pith_os_error2(PithObject *filename, PithObject *filename2);
/* os.fspath(o) */
PithObject *pith_os_fspath(PithObject *o);
/* Encode/decode a C string: bytes when as_bytes, else str via
 * surrogateescape. */
PithObject *pith_os_decode(const char *s, intptr_t len, bool as_bytes);
/* An int argument (via __index__) into a C int; -1 + exception. */
int pith_os_int(PithObject *o, int *out);

#endif
