/* posix.c — the `posix` module (what os.py re-exports): process and
 * environment functions, constants, and the module table that gathers the
 * file functions (posix_file.c) and directory functions (posix_dir.c). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "osmod.h"

extern char **environ;
extern PithMethodDef pith_posix_file_methods[], pith_posix_dir_methods[];
extern PithStructSeqType pith_stat_result_type;
extern PithType pith_direntry_type;
int pith_posix_stat_init(void);
int pith_posix_dir_init(void);

static PithStructSeqType terminal_size_type, uname_result_type, times_result_type;

/* ---- helpers -------------------------------------------------------------- */

static PithObject *one_int_arg(const char *fname, PithObject *const *args, size_t nargs,
                               PithObject *kwnames, int *out) {
    if (pith_arg_no_kwargs(fname, kwnames) < 0 || pith_arg_check_range(fname, nargs, 1, 1) < 0 ||
        pith_os_int(args[0], out) < 0)
        return NULL;
    return PITH_NONE;
}

/* A str or bytes argument as C bytes (str encoded with surrogateescape). */
static PithObject *env_bytes(PithObject *o, const char *fname) {
    if (pith_bytes_check(o)) return PITH_NEWREF(o);
    if (pith_str_check(o)) return pith_str_encode_utf8(o, "surrogateescape");
    pith_err_format(&pith_exc_TypeError, "%s: expected str, bytes or os.PathLike object, not %T",
                    fname, o);
    return NULL;
}

/* ---- process information -------------------------------------------------- */

#define ID_FUNC(fn, call)                                                                    \
    static PithObject *os_##fn(PithObject *m, PithObject *const *a, size_t n, PithObject *k) { \
        return pith_int_from_i64((int64_t)(call));                                           \
    }
ID_FUNC(getpid, getpid())
ID_FUNC(getppid, getppid())
ID_FUNC(getuid, getuid())
ID_FUNC(geteuid, geteuid())
ID_FUNC(getgid, getgid())
ID_FUNC(getegid, getegid())
ID_FUNC(getpgrp, getpgrp())

static PithObject *os_umask(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    int mask;
    if (!one_int_arg("umask", a, n, k, &mask)) return NULL;
    return pith_int_from_i64((int64_t)umask((mode_t)mask));
}

static PithObject *os_kill(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    int pid, sig;
    if (pith_arg_no_kwargs("kill", k) < 0 || pith_arg_check_range("kill", n, 2, 2) < 0 ||
        pith_os_int(a[0], &pid) < 0 || pith_os_int(a[1], &sig) < 0)
        return NULL;
    if (kill(pid, sig) < 0) return pith_os_error2(NULL, NULL);
    PITH_RETURN_NONE;
}

static PithObject *os_strerror(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    int code;
    if (!one_int_arg("strerror", a, n, k, &code)) return NULL;
    return pith_str_from_cstr(strerror(code));
}

static PithObject *os_exit(PithObject *m, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    static const char *const kw[] = {"status"};
    static const PithArgSpec spec = {"_exit", kw, 1, 0, 1, 1};
    PithObject *a = NULL;
    int status;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &a) < 0 || pith_os_int(a, &status) < 0)
        return NULL;
    _exit(status);
}

static PithObject *os_urandom(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    if (pith_arg_no_kwargs("urandom", k) < 0 || pith_arg_check_range("urandom", n, 1, 1) < 0)
        return NULL;
    intptr_t size = pith_number_as_ssize(a[0], &pith_exc_OverflowError);
    if (size == -1 && pith_err_occurred()) return NULL;
    if (size < 0) {
        pith_err_set_string(&pith_exc_ValueError, "negative argument not allowed");
        return NULL;
    }
    PithObject *b = pith_bytes_from(NULL, size);
    if (!b) return NULL;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    intptr_t got = 0;
    while (fd >= 0 && got < size) {
        ssize_t r = read(fd, PITH_BYTES_DATA(b) + got, (size_t)(size - got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += r;
    }
    int err = errno;
    if (fd >= 0) close(fd);
    if (got < size) {
        PITH_DECREF(b);
        errno = err ? err : EIO;
        return pith_os_error2(NULL, NULL);
    }
    return b;
}

static PithObject *os_cpu_count(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    if (c < 1) PITH_RETURN_NONE;
    return pith_int_from_i64(c);
}

static PithObject *os_device_encoding(PithObject *m, PithObject *const *args, size_t nargs,
                                      PithObject *kwnames) {
    static const char *const kw[] = {"fd"};
    static const PithArgSpec spec = {"device_encoding", kw, 1, 0, 1, 1};
    PithObject *a = NULL;
    int fd;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &a) < 0 || pith_os_int(a, &fd) < 0)
        return NULL;
    if (!isatty(fd)) PITH_RETURN_NONE;
    return pith_str_from_cstr("UTF-8");
}

static PithObject *os_get_terminal_size(PithObject *m, PithObject *const *a, size_t n,
                                        PithObject *k) {
    int fd = 1;
    if (pith_arg_no_kwargs("get_terminal_size", k) < 0 ||
        pith_arg_check_range("get_terminal_size", n, 0, 1) < 0 ||
        (n == 1 && pith_os_int(a[0], &fd) < 0))
        return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) return pith_os_error2(NULL, NULL);
    PithObject *it[2] = {pith_int_from_i64(w.ws_col), pith_int_from_i64(w.ws_row)};
    if (!it[0] || !it[1]) {
        PITH_XDECREF(it[0]);
        PITH_XDECREF(it[1]);
        return NULL;
    }
    return pith_structseq_steal(&terminal_size_type, it);
}

static PithObject *os_fspath_f(PithObject *m, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    static const char *const kw[] = {"path"};
    static const PithArgSpec spec = {"fspath", kw, 1, 0, 1, 1};
    PithObject *a = NULL;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &a) < 0) return NULL;
    return pith_os_fspath(a);
}

/* Build a PithStructSeqType instance from C strings / numbers. */
static PithObject *seq_from_objs(PithStructSeqType *t, PithObject **it, int n) {
    for (int i = 0; i < n; i++) {
        if (it[i]) continue;
        for (int j = 0; j < n; j++) PITH_XDECREF(it[j]);
        return NULL;
    }
    return pith_structseq_steal(t, it);
}

static PithObject *os_uname(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    struct utsname u;
    if (uname(&u) < 0) return pith_os_error2(NULL, NULL);
    PithObject *it[5] = {pith_os_decode(u.sysname, -1, false), pith_os_decode(u.nodename, -1, false),
                         pith_os_decode(u.release, -1, false), pith_os_decode(u.version, -1, false),
                         pith_os_decode(u.machine, -1, false)};
    return seq_from_objs(&uname_result_type, it, 5);
}

static PithObject *os_times(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1) return pith_os_error2(NULL, NULL);
    double tick = (double)sysconf(_SC_CLK_TCK);
    PithObject *it[5] = {pith_float_from_double((double)t.tms_utime / tick),
                         pith_float_from_double((double)t.tms_stime / tick),
                         pith_float_from_double((double)t.tms_cutime / tick),
                         pith_float_from_double((double)t.tms_cstime / tick),
                         pith_float_from_double((double)c / tick)};
    return seq_from_objs(&times_result_type, it, 5);
}

/* ---- environment ---------------------------------------------------------- */

static PithObject *make_environ(void) {
    PithObject *d = pith_dict_new();
    for (char **e = environ; d && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        PithObject *k = pith_bytes_from(*e, eq - *e);
        PithObject *v = pith_bytes_from(eq + 1, (intptr_t)strlen(eq + 1));
        /* the first definition wins, as in CPython */
        int rc = k && v ? (pith_dict_contains(d, k) ? 0 : pith_dict_set_item(d, k, v)) : -1;
        PITH_XDECREF(k);
        PITH_XDECREF(v);
        if (rc < 0) PITH_CLEAR(d);
    }
    return d;
}

static PithObject *os_putenv(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    if (pith_arg_no_kwargs("putenv", k) < 0 || pith_arg_check_range("putenv", n, 2, 2) < 0)
        return NULL;
    PithObject *key = env_bytes(a[0], "putenv");
    PithObject *val = key ? env_bytes(a[1], "putenv") : NULL;
    PithObject *r = NULL;
    if (!val) goto done;
    const char *ks = PITH_BYTES_DATA(key), *vs = PITH_BYTES_DATA(val);
    if (!*ks || strchr(ks, '=')) {
        pith_err_set_string(&pith_exc_ValueError, "illegal environment variable name");
        goto done;
    }
    if ((intptr_t)strlen(ks) != PITH_BYTES_SIZE(key) ||
        (intptr_t)strlen(vs) != PITH_BYTES_SIZE(val)) {
        pith_err_set_string(&pith_exc_ValueError, "embedded null byte");
        goto done;
    }
    if (setenv(ks, vs, 1) < 0) pith_os_error2(NULL, NULL);
    else r = PITH_NONE;
done:
    PITH_XDECREF(key);
    PITH_XDECREF(val);
    return r;
}

static PithObject *os_unsetenv(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    if (pith_arg_no_kwargs("unsetenv", k) < 0 || pith_arg_check_range("unsetenv", n, 1, 1) < 0)
        return NULL;
    PithObject *key = env_bytes(a[0], "unsetenv");
    if (!key) return NULL;
    const char *ks = PITH_BYTES_DATA(key);
    PithObject *r = PITH_NONE;
    if ((intptr_t)strlen(ks) != PITH_BYTES_SIZE(key)) {
        pith_err_set_string(&pith_exc_ValueError, "embedded null byte");
        r = NULL;
    } else if (unsetenv(ks) < 0) {
        r = pith_os_error2(NULL, NULL);
    }
    PITH_DECREF(key);
    return r;
}

/* ---- child processes ------------------------------------------------------ */

static PithObject *os_system(PithObject *m, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    static const char *const kw[] = {"command"};
    static const PithArgSpec spec = {"system", kw, 1, 0, 1, 1};
    PithObject *a = NULL;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &a) < 0) return NULL;
    PithOsPath p = {.fname = "system", .argname = "command"};
    if (pith_ospath_convert(&p, a) < 0) return NULL;
    pith_stdio_flush(pith_sys_get_object("stdout"));
    pith_stdio_flush(pith_sys_get_object("stderr"));
    int r = system(p.narrow);
    pith_ospath_clear(&p);
    return pith_int_from_i64(r);
}

static PithObject *os_waitpid(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    int pid, options, status = 0;
    if (pith_arg_no_kwargs("waitpid", k) < 0 || pith_arg_check_range("waitpid", n, 2, 2) < 0 ||
        pith_os_int(a[0], &pid) < 0 || pith_os_int(a[1], &options) < 0)
        return NULL;
    pid_t r;
    do r = waitpid(pid, &status, options);
    while (r < 0 && errno == EINTR);
    if (r < 0) return pith_os_error2(NULL, NULL);
    PithObject *p = pith_int_from_i64(r), *s = pith_int_from_i64(status);
    PithObject *t = p && s ? pith_tuple_pack(2, p, s) : NULL;
    PITH_XDECREF(p);
    PITH_XDECREF(s);
    return t;
}

/* W*(status) macros: one keyword-capable int argument "status". */
#define WAIT_FUNC(NAME, EXPR, BOOL)                                                          \
    static PithObject *os_##NAME(PithObject *m, PithObject *const *args, size_t nargs,       \
                                 PithObject *kwnames) {                                      \
        static const char *const kw[] = {"status"};                                         \
        static const PithArgSpec spec = {#NAME, kw, 1, 0, 1, 1};                             \
        PithObject *a = NULL;                                                                \
        int status;                                                                          \
        if (pith_arg_parse(&spec, args, nargs, kwnames, &a) < 0 ||                           \
            pith_os_int(a, &status) < 0)                                                     \
            return NULL;                                                                     \
        return BOOL ? pith_bool_from(EXPR) : pith_int_from_i64(EXPR);                        \
    }
WAIT_FUNC(WIFEXITED, WIFEXITED(status), 1)
WAIT_FUNC(WEXITSTATUS, WEXITSTATUS(status), 0)
WAIT_FUNC(WIFSIGNALED, WIFSIGNALED(status), 1)
WAIT_FUNC(WTERMSIG, WTERMSIG(status), 0)
WAIT_FUNC(WIFSTOPPED, WIFSTOPPED(status), 1)
WAIT_FUNC(WSTOPSIG, WSTOPSIG(status), 0)
WAIT_FUNC(WIFCONTINUED, WIFCONTINUED(status), 1)
WAIT_FUNC(WCOREDUMP, WCOREDUMP(status), 1)

static PithObject *os_waitstatus_to_exitcode(PithObject *m, PithObject *const *args,
                                             size_t nargs, PithObject *kwnames) {
    static const char *const kw[] = {"status"};
    static const PithArgSpec spec = {"waitstatus_to_exitcode", kw, 1, 0, 1, 1};
    PithObject *a = NULL;
    int status;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &a) < 0 || pith_os_int(a, &status) < 0)
        return NULL;
    if (WIFEXITED(status)) return pith_int_from_i64(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return pith_int_from_i64(-WTERMSIG(status));
    return pith_err_format(&pith_exc_ValueError, "invalid wait status: %d", status);
}

static PithMethodDef posix_methods[] = {
    {"getpid", os_getpid, PITH_METH_NOARGS, NULL},
    {"getppid", os_getppid, PITH_METH_NOARGS, NULL},
    {"getuid", os_getuid, PITH_METH_NOARGS, NULL},
    {"geteuid", os_geteuid, PITH_METH_NOARGS, NULL},
    {"getgid", os_getgid, PITH_METH_NOARGS, NULL},
    {"getegid", os_getegid, PITH_METH_NOARGS, NULL},
    {"getpgrp", os_getpgrp, PITH_METH_NOARGS, NULL},
    {"umask", os_umask, PITH_METH_KW, NULL},
    {"kill", os_kill, PITH_METH_KW, NULL},
    {"strerror", os_strerror, PITH_METH_KW, NULL},
    {"_exit", os_exit, PITH_METH_KW, NULL},
    {"urandom", os_urandom, PITH_METH_KW, NULL},
    {"cpu_count", os_cpu_count, PITH_METH_NOARGS, NULL},
    {"device_encoding", os_device_encoding, PITH_METH_KW, NULL},
    {"get_terminal_size", os_get_terminal_size, PITH_METH_KW, NULL},
    {"fspath", os_fspath_f, PITH_METH_KW, NULL},
    {"uname", os_uname, PITH_METH_NOARGS, NULL},
    {"times", os_times, PITH_METH_NOARGS, NULL},
    {"putenv", os_putenv, PITH_METH_KW, NULL},
    {"unsetenv", os_unsetenv, PITH_METH_KW, NULL},
    {"system", os_system, PITH_METH_KW, NULL},
    {"waitpid", os_waitpid, PITH_METH_KW, NULL},
    {"WIFEXITED", os_WIFEXITED, PITH_METH_KW, NULL},
    {"WEXITSTATUS", os_WEXITSTATUS, PITH_METH_KW, NULL},
    {"WIFSIGNALED", os_WIFSIGNALED, PITH_METH_KW, NULL},
    {"WTERMSIG", os_WTERMSIG, PITH_METH_KW, NULL},
    {"WIFSTOPPED", os_WIFSTOPPED, PITH_METH_KW, NULL},
    {"WSTOPSIG", os_WSTOPSIG, PITH_METH_KW, NULL},
    {"WIFCONTINUED", os_WIFCONTINUED, PITH_METH_KW, NULL},
    {"WCOREDUMP", os_WCOREDUMP, PITH_METH_KW, NULL},
    {"waitstatus_to_exitcode", os_waitstatus_to_exitcode, PITH_METH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- constants ------------------------------------------------------------ */

typedef struct IntConst {
    const char *name;
    long value;
} IntConst;

#define C(x) {#x, (long)(x)}
static const IntConst posix_consts[] = {
    C(F_OK), C(R_OK), C(W_OK), C(X_OK),
    C(O_RDONLY), C(O_WRONLY), C(O_RDWR), C(O_APPEND), C(O_CREAT), C(O_EXCL), C(O_TRUNC),
    C(O_NONBLOCK), C(O_NDELAY), C(O_SYNC), C(O_DSYNC), C(O_RSYNC), C(O_NOCTTY),
    C(O_CLOEXEC), C(O_DIRECTORY), C(O_NOFOLLOW), C(O_ACCMODE), C(O_ASYNC), C(O_DIRECT),
    C(O_LARGEFILE), C(O_NOATIME), C(O_PATH), C(O_TMPFILE), {"O_FSYNC", (long)O_FSYNC},
    C(SEEK_SET), C(SEEK_CUR), C(SEEK_END), C(SEEK_DATA), C(SEEK_HOLE),
    C(WNOHANG), C(WUNTRACED), C(WCONTINUED), C(WEXITED), C(WSTOPPED), C(WNOWAIT),
    C(EX_OK), C(EX_USAGE), C(EX_DATAERR), C(EX_NOINPUT), C(EX_NOUSER), C(EX_NOHOST),
    C(EX_UNAVAILABLE), C(EX_SOFTWARE), C(EX_OSERR), C(EX_OSFILE), C(EX_CANTCREAT),
    C(EX_IOERR), C(EX_TEMPFAIL), C(EX_PROTOCOL), C(EX_NOPERM), C(EX_CONFIG),
    C(F_LOCK), C(F_TLOCK), C(F_ULOCK), C(F_TEST),
    {"P_PID", 1}, {"P_PGID", 2}, {"P_ALL", 0},
    {"NGROUPS_MAX", 65536}, {"TMP_MAX", 238328},
    {NULL, 0},
};
#undef C

static int add_constants(PithObject *m) {
    for (const IntConst *c = posix_consts; c->name; c++)
        if (pith_module_add_int(m, c->name, c->value) < 0) return -1;
    return 0;
}

static const char *const have_functions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR",   "HAVE_FCHMOD",   "HAVE_FCHMODAT",  "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",  "HAVE_FDOPENDIR", "HAVE_FSTATAT",  "HAVE_FTRUNCATE", "HAVE_FUTIMENS",
    "HAVE_LINKAT",    "HAVE_LSTAT",    "HAVE_MKDIRAT",  "HAVE_OPENAT",    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",  "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT", NULL,
};

static PithObject *have_functions_list(void) {
    PithObject *l = pith_list_new(0);
    for (int i = 0; l && have_functions[i]; i++) {
        PithObject *s = pith_str_from_cstr(have_functions[i]);
        if (!s || pith_list_append(l, s) < 0) PITH_CLEAR(l);
        PITH_XDECREF(s);
    }
    return l;
}

static int init_types(void) {
    static const char *const ts[] = {"columns", "lines"};
    static const char *const un[] = {"sysname", "nodename", "release", "version", "machine"};
    static const char *const tm[] = {"user", "system", "children_user", "children_system",
                                     "elapsed"};
    if (pith_posix_stat_init() < 0 || pith_posix_dir_init() < 0 ||
        pith_structseq_init(&terminal_size_type, "os.terminal_size", ts, 2, 2) < 0 ||
        pith_structseq_init(&uname_result_type, "posix.uname_result", un, 5, 5) < 0 ||
        pith_structseq_init(&times_result_type, "posix.times_result", tm, 5, 5) < 0)
        return -1;
    return 0;
}

PithObject *pith_posix_module_init(void) {
    if (init_types() < 0) return NULL;
    PithObject *m = pith_module_new("posix");
    if (!m) return NULL;
    if (pith_module_add_functions(m, posix_methods) < 0 ||
        pith_module_add_functions(m, pith_posix_file_methods) < 0 ||
        pith_module_add_functions(m, pith_posix_dir_methods) < 0 || add_constants(m) < 0 ||
        pith_module_add_object(m, "environ", make_environ()) < 0 ||
        pith_module_add_object(m, "_have_functions", have_functions_list()) < 0 ||
        pith_module_add_object(m, "error", PITH_NEWREF(&pith_exc_OSError)) < 0 ||
        pith_module_add_object(m, "stat_result", PITH_NEWREF(&pith_stat_result_type)) < 0 ||
        pith_module_add_object(m, "terminal_size", PITH_NEWREF(&terminal_size_type)) < 0 ||
        pith_module_add_object(m, "uname_result", PITH_NEWREF(&uname_result_type)) < 0 ||
        pith_module_add_object(m, "times_result", PITH_NEWREF(&times_result_type)) < 0 ||
        pith_module_add_object(m, "DirEntry", PITH_NEWREF(&pith_direntry_type)) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
