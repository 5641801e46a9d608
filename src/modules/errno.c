/* errno.c — the `errno` module: the E* constants of <errno.h> and
 * errorcode (value -> canonical name; aliases such as EWOULDBLOCK are
 * constants only, as in CPython on Linux). */
#include <errno.h>

#include "pith/pith.h"

typedef struct ErrnoName {
    const char *name;
    int value;
    int canonical; /* the name errorcode[value] reports */
} ErrnoName;

static const ErrnoName errno_names[] = {
    {"E2BIG", E2BIG, 1},
    {"EACCES", EACCES, 1},
    {"EADDRINUSE", EADDRINUSE, 1},
    {"EADDRNOTAVAIL", EADDRNOTAVAIL, 1},
    {"EADV", EADV, 1},
    {"EAFNOSUPPORT", EAFNOSUPPORT, 1},
    {"EAGAIN", EAGAIN, 1},
    {"EALREADY", EALREADY, 1},
    {"EBADE", EBADE, 1},
    {"EBADF", EBADF, 1},
    {"EBADFD", EBADFD, 1},
    {"EBADMSG", EBADMSG, 1},
    {"EBADR", EBADR, 1},
    {"EBADRQC", EBADRQC, 1},
    {"EBADSLT", EBADSLT, 1},
    {"EBFONT", EBFONT, 1},
    {"EBUSY", EBUSY, 1},
    {"ECANCELED", ECANCELED, 1},
    {"ECHILD", ECHILD, 1},
    {"ECHRNG", ECHRNG, 1},
    {"ECOMM", ECOMM, 1},
    {"ECONNABORTED", ECONNABORTED, 1},
    {"ECONNREFUSED", ECONNREFUSED, 1},
    {"ECONNRESET", ECONNRESET, 1},
    {"EDEADLK", EDEADLK, 0},
    {"EDEADLOCK", EDEADLOCK, 1},
    {"EDESTADDRREQ", EDESTADDRREQ, 1},
    {"EDOM", EDOM, 1},
    {"EDOTDOT", EDOTDOT, 1},
    {"EDQUOT", EDQUOT, 1},
    {"EEXIST", EEXIST, 1},
    {"EFAULT", EFAULT, 1},
    {"EFBIG", EFBIG, 1},
    {"EHOSTDOWN", EHOSTDOWN, 1},
    {"EHOSTUNREACH", EHOSTUNREACH, 1},
    {"EIDRM", EIDRM, 1},
    {"EILSEQ", EILSEQ, 1},
    {"EINPROGRESS", EINPROGRESS, 1},
    {"EINTR", EINTR, 1},
    {"EINVAL", EINVAL, 1},
    {"EIO", EIO, 1},
    {"EISCONN", EISCONN, 1},
    {"EISDIR", EISDIR, 1},
    {"EISNAM", EISNAM, 1},
    {"EKEYEXPIRED", EKEYEXPIRED, 1},
    {"EKEYREJECTED", EKEYREJECTED, 1},
    {"EKEYREVOKED", EKEYREVOKED, 1},
    {"EL2HLT", EL2HLT, 1},
    {"EL2NSYNC", EL2NSYNC, 1},
    {"EL3HLT", EL3HLT, 1},
    {"EL3RST", EL3RST, 1},
    {"ELIBACC", ELIBACC, 1},
    {"ELIBBAD", ELIBBAD, 1},
    {"ELIBEXEC", ELIBEXEC, 1},
    {"ELIBMAX", ELIBMAX, 1},
    {"ELIBSCN", ELIBSCN, 1},
    {"ELNRNG", ELNRNG, 1},
    {"ELOOP", ELOOP, 1},
    {"EMEDIUMTYPE", EMEDIUMTYPE, 1},
    {"EMFILE", EMFILE, 1},
    {"EMLINK", EMLINK, 1},
    {"EMSGSIZE", EMSGSIZE, 1},
    {"EMULTIHOP", EMULTIHOP, 1},
    {"ENAMETOOLONG", ENAMETOOLONG, 1},
    {"ENAVAIL", ENAVAIL, 1},
    {"ENETDOWN", ENETDOWN, 1},
    {"ENETRESET", ENETRESET, 1},
    {"ENETUNREACH", ENETUNREACH, 1},
    {"ENFILE", ENFILE, 1},
    {"ENOANO", ENOANO, 1},
    {"ENOBUFS", ENOBUFS, 1},
    {"ENOCSI", ENOCSI, 1},
    {"ENODATA", ENODATA, 1},
    {"ENODEV", ENODEV, 1},
    {"ENOENT", ENOENT, 1},
    {"ENOEXEC", ENOEXEC, 1},
    {"ENOKEY", ENOKEY, 1},
    {"ENOLCK", ENOLCK, 1},
    {"ENOLINK", ENOLINK, 1},
    {"ENOMEDIUM", ENOMEDIUM, 1},
    {"ENOMEM", ENOMEM, 1},
    {"ENOMSG", ENOMSG, 1},
    {"ENONET", ENONET, 1},
    {"ENOPKG", ENOPKG, 1},
    {"ENOPROTOOPT", ENOPROTOOPT, 1},
    {"ENOSPC", ENOSPC, 1},
    {"ENOSR", ENOSR, 1},
    {"ENOSTR", ENOSTR, 1},
    {"ENOSYS", ENOSYS, 1},
    {"ENOTBLK", ENOTBLK, 1},
    {"ENOTCONN", ENOTCONN, 1},
    {"ENOTDIR", ENOTDIR, 1},
    {"ENOTEMPTY", ENOTEMPTY, 1},
    {"ENOTNAM", ENOTNAM, 1},
    {"ENOTRECOVERABLE", ENOTRECOVERABLE, 1},
    {"ENOTSOCK", ENOTSOCK, 1},
    {"ENOTSUP", ENOTSUP, 1},
    {"ENOTTY", ENOTTY, 1},
    {"ENOTUNIQ", ENOTUNIQ, 1},
    {"ENXIO", ENXIO, 1},
    {"EOPNOTSUPP", EOPNOTSUPP, 0},
    {"EOVERFLOW", EOVERFLOW, 1},
    {"EOWNERDEAD", EOWNERDEAD, 1},
    {"EPERM", EPERM, 1},
    {"EPFNOSUPPORT", EPFNOSUPPORT, 1},
    {"EPIPE", EPIPE, 1},
    {"EPROTO", EPROTO, 1},
    {"EPROTONOSUPPORT", EPROTONOSUPPORT, 1},
    {"EPROTOTYPE", EPROTOTYPE, 1},
    {"ERANGE", ERANGE, 1},
    {"EREMCHG", EREMCHG, 1},
    {"EREMOTE", EREMOTE, 1},
    {"EREMOTEIO", EREMOTEIO, 1},
    {"ERESTART", ERESTART, 1},
    {"ERFKILL", ERFKILL, 1},
    {"EROFS", EROFS, 1},
    {"ESHUTDOWN", ESHUTDOWN, 1},
    {"ESOCKTNOSUPPORT", ESOCKTNOSUPPORT, 1},
    {"ESPIPE", ESPIPE, 1},
    {"ESRCH", ESRCH, 1},
    {"ESRMNT", ESRMNT, 1},
    {"ESTALE", ESTALE, 1},
    {"ESTRPIPE", ESTRPIPE, 1},
    {"ETIME", ETIME, 1},
    {"ETIMEDOUT", ETIMEDOUT, 1},
    {"ETOOMANYREFS", ETOOMANYREFS, 1},
    {"ETXTBSY", ETXTBSY, 1},
    {"EUCLEAN", EUCLEAN, 1},
    {"EUNATCH", EUNATCH, 1},
    {"EUSERS", EUSERS, 1},
    {"EWOULDBLOCK", EWOULDBLOCK, 0},
    {"EXDEV", EXDEV, 1},
    {"EXFULL", EXFULL, 1},
    {NULL, 0, 0},
};

PithObject *pith_errno_module_init(void) {
    PithObject *m = pith_module_new("errno");
    PithObject *codes = m ? pith_dict_new() : NULL;
    if (!codes) goto fail;
    for (const ErrnoName *e = errno_names; e->name; e++) {
        PithObject *v = pith_int_from_i64(e->value);
        PithObject *s = v ? pith_str_from_cstr(e->name) : NULL;
        int rc = s ? pith_module_add_object(m, e->name, PITH_NEWREF(v)) : -1;
        if (rc == 0 && e->canonical) rc = pith_dict_set_item(codes, v, s);
        PITH_XDECREF(v);
        PITH_XDECREF(s);
        if (rc < 0) goto fail;
    }
    if (pith_module_add_object(m, "errorcode", codes) < 0) {
        codes = NULL;
        goto fail;
    }
    return m;
fail:
    PITH_XDECREF(codes);
    PITH_XDECREF(m);
    return NULL;
}
