/* osmod.h — helpers shared by the OS-facing native modules (posix, time):
 * struct sequences with hidden fields (os.stat_result, time.struct_time),
 * path arguments (str/bytes/os.PathLike/fd) and errno exceptions.
 * Implemented in modules/osseq.c and modules/ospath.c. */
#ifndef PITH_MODULES_OSMOD_H
#define PITH_MODULES_OSMOD_H

#include "pith/pith.h"

/* A struct sequence type whose first n_visible items form the tuple and
 * whose remaining items are reachable only by name (CPython's
 * n_sequence_fields < n_fields). fields[i] names item i; a NULL name is an
 * unnamed item (os.stat_result's integer times). Instances are tuples
 * allocated with n_fields slots and PITH_SIZE = n_visible.
 * Invariant: the PithType is the first member, so PITH_TYPE(o) casts. */
typedef struct PithSeqType {
    PithType type;
    const char *const *fields;
    int n_fields, n_visible, n_unnamed;
    /* Called on instances made by T(sequence) (os.stat_result fills its
     * float times from the int ones); may be NULL. */
    void (*fixup)(PithObject *self);
} PithSeqType;

/* Ready st (zeroed static) as type `name` ("os.stat_result"). */
int pith_seqtype_init(PithSeqType *st, const char *name, const char *const *fields,
                      int n_fields, int n_visible);
/* New instance; steals items[0..n_fields-1] (all non-NULL) even on error. */
PithObject *pith_seq_new(PithSeqType *st, PithObject **items);

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
