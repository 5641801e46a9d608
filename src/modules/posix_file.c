/* posix_file.c — the `posix` functions on files, descriptors and paths:
 * stat family, open/read/write/close, mkdir/unlink/rename/..., with
 * CPython's argument names and errors (OSError subclasses carrying the
 * filename). dir_fd arguments use the *at() system calls. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "osmod.h"
#include "pith/memoryview.h"

/* ---- stat_result ---------------------------------------------------------- */

static const char *const stat_fields[] = {
    "st_mode",     "st_ino",      "st_dev",      "st_nlink",   "st_uid",
    "st_gid",      "st_size",     NULL,          NULL,         NULL,
    "st_atime",    "st_mtime",    "st_ctime",    "st_atime_ns", "st_mtime_ns",
    "st_ctime_ns", "st_blksize",  "st_blocks",   "st_rdev",
};
PithStructSeqType pith_stat_result_type;

/* stat_result(seq): missing float times default to the int ones. */
static void stat_fixup(PithObject *self) {
    for (int i = 0; i < 3; i++) {
        if (PITH_TUPLE_GET(self, 10 + i) != PITH_NONE) continue;
        PithObject *old = PITH_TUPLE_GET(self, 10 + i);
        PITH_TUPLE_SET(self, 10 + i, PITH_NEWREF(PITH_TUPLE_GET(self, 7 + i)));
        PITH_DECREF(old);
    }
}

int pith_posix_stat_init(void) {
    pith_stat_result_type.fixup = stat_fixup;
    return pith_structseq_init(&pith_stat_result_type, "os.stat_result", stat_fields, 19, 10);
}

static PithObject *ns_int(struct timespec ts) {
    PithObject *s = pith_int_from_i64((int64_t)ts.tv_sec);
    PithObject *g = pith_int_from_i64(1000000000);
    PithObject *p = s && g ? pith_int_mul(s, g) : NULL;
    PithObject *n = pith_int_from_i64((int64_t)ts.tv_nsec);
    PithObject *r = p && n ? pith_int_add(p, n) : NULL;
    PITH_XDECREF(s);
    PITH_XDECREF(g);
    PITH_XDECREF(p);
    PITH_XDECREF(n);
    return r;
}

PithObject *pith_os_stat_result(const struct stat *st) {
    PithObject *it[19];
    const struct timespec *ts[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    it[0] = pith_int_from_u64((uint64_t)st->st_mode);
    it[1] = pith_int_from_u64((uint64_t)st->st_ino);
    it[2] = pith_int_from_u64((uint64_t)st->st_dev);
    it[3] = pith_int_from_u64((uint64_t)st->st_nlink);
    it[4] = pith_int_from_u64((uint64_t)st->st_uid);
    it[5] = pith_int_from_u64((uint64_t)st->st_gid);
    it[6] = pith_int_from_i64((int64_t)st->st_size);
    for (int i = 0; i < 3; i++) {
        it[7 + i] = pith_int_from_i64((int64_t)ts[i]->tv_sec);
        it[10 + i] = pith_float_from_double((double)ts[i]->tv_sec + ts[i]->tv_nsec * 1e-9);
        it[13 + i] = ns_int(*ts[i]);
    }
    it[16] = pith_int_from_i64((int64_t)st->st_blksize);
    it[17] = pith_int_from_i64((int64_t)st->st_blocks);
    it[18] = pith_int_from_u64((uint64_t)st->st_rdev);
    for (int i = 0; i < 19; i++) {
        if (it[i]) continue;
        for (int j = 0; j < 19; j++) PITH_XDECREF(it[j]);
        return NULL;
    }
    return pith_structseq_steal(&pith_stat_result_type, it);
}

/* ---- argument helpers ----------------------------------------------------- */

/* dir_fd: None/absent = AT_FDCWD. */
static int dir_fd_arg(PithObject *o, int *out) {
    *out = AT_FDCWD;
    if (!o || o == PITH_NONE) return 0;
    return pith_os_int(o, out);
}

/* A bool-ish argument; absent = dflt. -1 on error. */
static int flag_arg(PithObject *o, int dflt) { return o ? pith_is_true(o) : dflt; }

/* An fd argument: an int, or an object with fileno() (fsync style). */
static int fileno_arg(PithObject *o, int *out) {
    if (pith_int_check(o)) return pith_os_int(o, out);
    PithObject *r = NULL;
    PithObject *name = pith_str_intern_cstr("fileno");
    if (!name) return -1;
    int found = pith_lookup_attr(o, name, &r);
    PITH_DECREF(name);
    if (found < 0) return -1;
    if (!found) {
        pith_err_set_string(&pith_exc_TypeError,
                            "argument must be an int, or have a fileno() method.");
        return -1;
    }
    PithObject *v = pith_call_noargs(r);
    PITH_DECREF(r);
    if (!v) return -1;
    int rc = pith_os_int(v, out);
    PITH_DECREF(v);
    return rc;
}

static PithObject *path_fail(PithOsPath *p) {
    pith_os_error2(p->object, NULL);
    pith_ospath_clear(p);
    return NULL;
}

static PithObject *none_or_fail(int rc, PithOsPath *p) {
    if (rc < 0) return path_fail(p);
    pith_ospath_clear(p);
    PITH_RETURN_NONE;
}

/* ---- stat ----------------------------------------------------------------- */

static PithObject *stat_impl(const char *fname, PithObject *const *args, size_t nargs,
                             PithObject *kwnames, bool lstat_) {
    static const char *const kw[] = {"path", "dir_fd", "follow_symlinks"};
    PithArgSpec spec = {fname, kw, lstat_ ? 2 : 3, 0, 1, 1};
    PithObject *a[3] = {NULL, NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    PithOsPath p = {.fname = fname, .argname = "path", .allow_fd = !lstat_};
    int dfd, follow = lstat_ ? 0 : flag_arg(a[2], 1);
    if (follow < 0 || dir_fd_arg(a[1], &dfd) < 0 || pith_ospath_convert(&p, a[0]) < 0)
        return NULL;
    struct stat st;
    int rc;
    if (p.fd >= 0 || !p.narrow) rc = fstat(p.fd, &st);
    else rc = fstatat(dfd, p.narrow, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    if (rc < 0) return path_fail(&p);
    pith_ospath_clear(&p);
    return pith_os_stat_result(&st);
}

static PithObject *os_stat(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return stat_impl("stat", a, n, k, false);
}
static PithObject *os_lstat(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return stat_impl("lstat", a, n, k, true);
}

/* One int argument (fd) by position or keyword `name`. */
static int one_fd(const char *fname, const char *name, PithObject *const *args, size_t nargs,
                  PithObject *kwnames, int *fd) {
    const char *kw[] = {name};
    PithArgSpec spec = {fname, kw, 1, 0, 1, 1};
    PithObject *a = NULL;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &a) < 0) return -1;
    return pith_os_int(a, fd);
}

static PithObject *os_fstat(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    int fd;
    if (one_fd("fstat", "fd", a, n, k, &fd) < 0) return NULL;
    struct stat st;
    if (fstat(fd, &st) < 0) return pith_os_error2(NULL, NULL);
    return pith_os_stat_result(&st);
}

/* ---- descriptors ---------------------------------------------------------- */

static PithObject *os_open(PithObject *m, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    static const char *const kw[] = {"path", "flags", "mode", "dir_fd"};
    static const PithArgSpec spec = {"open", kw, 4, 0, 2, 3};
    PithObject *a[4] = {NULL, NULL, NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    int flags, mode = 0777, dfd;
    if (pith_os_int(a[1], &flags) < 0 || (a[2] && pith_os_int(a[2], &mode) < 0) ||
        dir_fd_arg(a[3], &dfd) < 0)
        return NULL;
    PithOsPath p = {.fname = "open", .argname = "path"};
    if (pith_ospath_convert(&p, a[0]) < 0) return NULL;
    int fd;
    do fd = openat(dfd, p.narrow, flags | O_CLOEXEC, mode);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) return path_fail(&p);
    pith_ospath_clear(&p);
    return pith_int_from_i64(fd);
}

static PithObject *os_close(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    int fd;
    if (one_fd("close", "fd", a, n, k, &fd) < 0) return NULL;
    if (close(fd) < 0) return pith_os_error2(NULL, NULL);
    PITH_RETURN_NONE;
}

/* Positional-only ints: fname(a, b, ...) with exactly n of them. */
static int ints_arg(const char *fname, PithObject *const *args, size_t nargs, PithObject *kwnames,
                    int n, int *out) {
    if (pith_arg_no_kwargs(fname, kwnames) < 0) return -1;
    if (nargs != (size_t)n) {
        pith_err_format(&pith_exc_TypeError, "%s expected %d argument%s, got %zd", fname, n,
                        n == 1 ? "" : "s", (intptr_t)nargs);
        return -1;
    }
    for (int i = 0; i < n; i++)
        if (pith_os_int(args[i], &out[i]) < 0) return -1;
    return 0;
}

static PithObject *os_closerange(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    int v[2];
    if (ints_arg("closerange", a, n, k, 2, v) < 0) return NULL;
    for (int fd = v[0] < 0 ? 0 : v[0]; fd < v[1]; fd++) close(fd);
    PITH_RETURN_NONE;
}

static PithObject *os_read(PithObject *m, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    if (pith_arg_no_kwargs("read", kwnames) < 0 ||
        pith_arg_check_range("read", nargs, 2, 2) < 0)
        return NULL;
    int fd;
    if (pith_os_int(args[0], &fd) < 0) return NULL;
    intptr_t len = pith_number_as_ssize(args[1], &pith_exc_OverflowError);
    if (len == -1 && pith_err_occurred()) return NULL;
    if (len < 0) {
        errno = EINVAL;
        return pith_os_error2(NULL, NULL);
    }
    PithObject *b = pith_bytes_from(NULL, len);
    if (!b) return NULL;
    ssize_t got;
    do got = read(fd, PITH_BYTES_DATA(b), (size_t)len);
    while (got < 0 && errno == EINTR);
    if (got < 0) {
        PITH_DECREF(b);
        return pith_os_error2(NULL, NULL);
    }
    if (got == len) return b;
    PithObject *r = pith_bytes_from(PITH_BYTES_DATA(b), got);
    PITH_DECREF(b);
    return r;
}

static PithObject *os_write(PithObject *m, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    if (pith_arg_no_kwargs("write", kwnames) < 0 ||
        pith_arg_check_range("write", nargs, 2, 2) < 0)
        return NULL;
    int fd;
    if (pith_os_int(args[0], &fd) < 0) return NULL;
    PithBuffer view;
    if (pith_buffer_get(args[1], &view, false) < 0) return NULL;
    ssize_t n;
    do n = write(fd, view.buf, (size_t)view.len);
    while (n < 0 && errno == EINTR);
    pith_buffer_release(&view);
    if (n < 0) return pith_os_error2(NULL, NULL);
    return pith_int_from_i64(n);
}

static PithObject *os_lseek(PithObject *m, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    if (pith_arg_no_kwargs("lseek", kwnames) < 0 ||
        pith_arg_check_range("lseek", nargs, 3, 3) < 0)
        return NULL;
    int fd, how;
    if (pith_os_int(args[0], &fd) < 0) return NULL;
    int64_t pos = pith_int_check(args[1]) ? pith_int_as_i64(args[1]) : 0;
    if (!pith_int_check(args[1])) {
        pith_err_format(&pith_exc_TypeError,
                        "'%s' object cannot be interpreted as an integer", pith_type_name(args[1]));
        return NULL;
    }
    if (pos == -1 && pith_err_occurred()) return NULL;
    if (pith_os_int(args[2], &how) < 0) return NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0) return pith_os_error2(NULL, NULL);
    return pith_int_from_i64((int64_t)r);
}

static PithObject *os_dup(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    int fd;
    if (ints_arg("dup", a, n, k, 1, &fd) < 0) return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) return pith_os_error2(NULL, NULL);
    return pith_int_from_i64(r);
}

static PithObject *os_dup2(PithObject *m, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    static const char *const kw[] = {"fd", "fd2", "inheritable"};
    static const PithArgSpec spec = {"dup2", kw, 3, 0, 2, 3};
    PithObject *a[3] = {NULL, NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    int fd, fd2, inh = flag_arg(a[2], 1);
    if (inh < 0 || pith_os_int(a[0], &fd) < 0 || pith_os_int(a[1], &fd2) < 0) return NULL;
    int r = inh || fd == fd2 ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    if (r < 0) return pith_os_error2(NULL, NULL);
    return pith_int_from_i64(r);
}

static PithObject *os_pipe(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) return pith_os_error2(NULL, NULL);
    PithObject *r = pith_int_from_i64(fds[0]), *w = pith_int_from_i64(fds[1]);
    PithObject *t = r && w ? pith_tuple_pack(2, r, w) : NULL;
    PITH_XDECREF(r);
    PITH_XDECREF(w);
    return t;
}

static PithObject *os_isatty(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    int fd;
    if (ints_arg("isatty", a, n, k, 1, &fd) < 0) return NULL;
    return pith_bool_from(isatty(fd));
}

static PithObject *os_fsync(PithObject *m, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    static const char *const kw[] = {"fd"};
    static const PithArgSpec spec = {"fsync", kw, 1, 0, 1, 1};
    PithObject *a = NULL;
    int fd;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &a) < 0 || fileno_arg(a, &fd) < 0)
        return NULL;
    if (fsync(fd) < 0) return pith_os_error2(NULL, NULL);
    PITH_RETURN_NONE;
}

static PithObject *os_ftruncate(PithObject *m, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    if (pith_arg_no_kwargs("ftruncate", kwnames) < 0 ||
        pith_arg_check_range("ftruncate", nargs, 2, 2) < 0)
        return NULL;
    int fd;
    if (pith_os_int(args[0], &fd) < 0) return NULL;
    intptr_t len = pith_number_as_ssize(args[1], &pith_exc_OverflowError);
    if (len == -1 && pith_err_occurred()) return NULL;
    if (ftruncate(fd, (off_t)len) < 0) return pith_os_error2(NULL, NULL);
    PITH_RETURN_NONE;
}

static PithObject *os_truncate(PithObject *m, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    static const char *const kw[] = {"path", "length"};
    static const PithArgSpec spec = {"truncate", kw, 2, 0, 2, 2};
    PithObject *a[2] = {NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    intptr_t len = pith_number_as_ssize(a[1], &pith_exc_OverflowError);
    if (len == -1 && pith_err_occurred()) return NULL;
    PithOsPath p = {.fname = "truncate", .argname = "path", .allow_fd = true};
    if (pith_ospath_convert(&p, a[0]) < 0) return NULL;
    int rc = p.narrow ? truncate(p.narrow, (off_t)len) : ftruncate(p.fd, (off_t)len);
    return none_or_fail(rc, &p);
}

/* ---- path operations ------------------------------------------------------ */

/* fname(path, [int,] *, dir_fd=None): parses path, the optional int (mode)
 * and dir_fd. */
static int path_mode_dirfd(const char *fname, PithObject *const *args, size_t nargs,
                           PithObject *kwnames, const char *mode_name, int mode_required,
                           PithOsPath *p, int *mode, int *dfd) {
    const char *kw[3] = {"path", mode_name, "dir_fd"};
    const char *kw2[2] = {"path", "dir_fd"};
    PithObject *a[3] = {NULL, NULL, NULL};
    if (mode_name) {
        PithArgSpec spec = {fname, kw, 3, 0, mode_required ? 2 : 1, 2};
        if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return -1;
        if (a[1] && pith_os_int(a[1], mode) < 0) return -1;
    } else {
        PithArgSpec spec = {fname, kw2, 2, 0, 1, 1};
        PithObject *b[2] = {NULL, NULL};
        if (pith_arg_parse(&spec, args, nargs, kwnames, b) < 0) return -1;
        a[0] = b[0];
        a[2] = b[1];
    }
    if (dir_fd_arg(a[2], dfd) < 0) return -1;
    p->fname = fname;
    p->argname = "path";
    return pith_ospath_convert(p, a[0]);
}

static PithObject *os_mkdir(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    PithOsPath p = {0};
    int mode = 0777, dfd;
    if (path_mode_dirfd("mkdir", a, n, k, "mode", 0, &p, &mode, &dfd) < 0) return NULL;
    return none_or_fail(mkdirat(dfd, p.narrow, (mode_t)mode), &p);
}

static PithObject *unlink_impl(const char *fname, PithObject *const *a, size_t n,
                               PithObject *k, int flags) {
    PithOsPath p = {0};
    int dfd;
    if (path_mode_dirfd(fname, a, n, k, NULL, 0, &p, NULL, &dfd) < 0) return NULL;
    return none_or_fail(unlinkat(dfd, p.narrow, flags), &p);
}

static PithObject *os_rmdir(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return unlink_impl("rmdir", a, n, k, AT_REMOVEDIR);
}
static PithObject *os_unlink(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return unlink_impl("unlink", a, n, k, 0);
}
static PithObject *os_remove(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return unlink_impl("remove", a, n, k, 0);
}

/* fname(src, dst, *, src_dir_fd=None, dst_dir_fd=None) */
static int two_paths(const char *fname, PithObject *const *args, size_t nargs,
                     PithObject *kwnames, PithOsPath *s, PithOsPath *d, int *sfd, int *dfd) {
    static const char *const kw[] = {"src", "dst", "src_dir_fd", "dst_dir_fd"};
    PithArgSpec spec = {fname, kw, 4, 0, 2, 2};
    PithObject *a[4] = {NULL, NULL, NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return -1;
    if (dir_fd_arg(a[2], sfd) < 0 || dir_fd_arg(a[3], dfd) < 0) return -1;
    *s = (PithOsPath){.fname = fname, .argname = "src"};
    *d = (PithOsPath){.fname = fname, .argname = "dst"};
    if (pith_ospath_convert(s, a[0]) < 0) return -1;
    if (pith_ospath_convert(d, a[1]) < 0) {
        pith_ospath_clear(s);
        return -1;
    }
    if (s->is_bytes != d->is_bytes) {
        pith_err_format(&pith_exc_TypeError, "%s: src and dst must be the same type", fname);
        pith_ospath_clear(s);
        pith_ospath_clear(d);
        return -1;
    }
    return 0;
}

static PithObject *two_done(int rc, PithOsPath *s, PithOsPath *d) {
    if (rc < 0) pith_os_error2(s->object, d->object);
    pith_ospath_clear(s);
    pith_ospath_clear(d);
    if (rc < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *rename_impl(const char *fname, PithObject *const *a, size_t n,
                               PithObject *k) {
    PithOsPath s, d;
    int sfd, dfd;
    if (two_paths(fname, a, n, k, &s, &d, &sfd, &dfd) < 0) return NULL;
    return two_done(renameat(sfd, s.narrow, dfd, d.narrow), &s, &d);
}
static PithObject *os_rename(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return rename_impl("rename", a, n, k);
}
static PithObject *os_replace(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return rename_impl("replace", a, n, k);
}

static PithObject *os_link(PithObject *m, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    static const char *const kw[] = {"src", "dst", "src_dir_fd", "dst_dir_fd",
                                     "follow_symlinks"};
    static const PithArgSpec spec = {"link", kw, 5, 0, 2, 2};
    PithObject *a[5] = {NULL, NULL, NULL, NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    int follow = flag_arg(a[4], 1);
    if (follow < 0) return NULL;
    PithObject *pass[2] = {a[0], a[1]};
    PithOsPath s, d;
    int sfd, dfd, unused;
    if (dir_fd_arg(a[2], &sfd) < 0 || dir_fd_arg(a[3], &dfd) < 0 ||
        two_paths("link", pass, 2, NULL, &s, &d, &unused, &unused) < 0)
        return NULL;
    return two_done(linkat(sfd, s.narrow, dfd, d.narrow, follow ? AT_SYMLINK_FOLLOW : 0), &s,
                    &d);
}

static PithObject *os_symlink(PithObject *m, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    static const char *const kw[] = {"src", "dst", "target_is_directory", "dir_fd"};
    static const PithArgSpec spec = {"symlink", kw, 4, 0, 2, 3};
    PithObject *a[4] = {NULL, NULL, NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    PithObject *pass[2] = {a[0], a[1]};
    PithOsPath s, d;
    int sfd, dfd;
    if (two_paths("symlink", pass, 2, NULL, &s, &d, &sfd, &dfd) < 0) return NULL;
    if (dir_fd_arg(a[3], &dfd) < 0) {
        pith_ospath_clear(&s);
        pith_ospath_clear(&d);
        return NULL;
    }
    return two_done(symlinkat(s.narrow, dfd, d.narrow), &s, &d);
}

static PithObject *os_readlink(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    PithOsPath p = {0};
    int dfd;
    if (path_mode_dirfd("readlink", a, n, k, NULL, 0, &p, NULL, &dfd) < 0) return NULL;
    char buf[PATH_MAX + 1];
    ssize_t len = readlinkat(dfd, p.narrow, buf, sizeof buf - 1);
    if (len < 0) return path_fail(&p);
    PithObject *r = pith_os_decode(buf, len, p.is_bytes);
    pith_ospath_clear(&p);
    return r;
}

static PithObject *os_chdir(PithObject *m, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    static const char *const kw[] = {"path"};
    static const PithArgSpec spec = {"chdir", kw, 1, 0, 1, 1};
    PithObject *a = NULL;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &a) < 0) return NULL;
    PithOsPath p = {.fname = "chdir", .argname = "path", .allow_fd = true};
    if (pith_ospath_convert(&p, a) < 0) return NULL;
    return none_or_fail(p.narrow ? chdir(p.narrow) : fchdir(p.fd), &p);
}

static PithObject *os_chmod(PithObject *m, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    static const char *const kw[] = {"path", "mode", "dir_fd", "follow_symlinks"};
    static const PithArgSpec spec = {"chmod", kw, 4, 0, 2, 2};
    PithObject *a[4] = {NULL, NULL, NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    int mode, dfd, follow = flag_arg(a[3], 1);
    if (follow < 0 || pith_os_int(a[1], &mode) < 0 || dir_fd_arg(a[2], &dfd) < 0) return NULL;
    PithOsPath p = {.fname = "chmod", .argname = "path", .allow_fd = true};
    if (pith_ospath_convert(&p, a[0]) < 0) return NULL;
    int rc = p.narrow ? fchmodat(dfd, p.narrow, (mode_t)mode, follow ? 0 : AT_SYMLINK_NOFOLLOW)
                      : fchmod(p.fd, (mode_t)mode);
    return none_or_fail(rc, &p);
}

static PithObject *os_chown(PithObject *m, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    static const char *const kw[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks"};
    static const PithArgSpec spec = {"chown", kw, 5, 0, 3, 3};
    PithObject *a[5] = {NULL, NULL, NULL, NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    int uid, gid, dfd, follow = flag_arg(a[4], 1);
    if (follow < 0 || pith_os_int(a[1], &uid) < 0 || pith_os_int(a[2], &gid) < 0 ||
        dir_fd_arg(a[3], &dfd) < 0)
        return NULL;
    PithOsPath p = {.fname = "chown", .argname = "path", .allow_fd = true};
    if (pith_ospath_convert(&p, a[0]) < 0) return NULL;
    int rc = p.narrow ? fchownat(dfd, p.narrow, (uid_t)uid, (gid_t)gid,
                                 follow ? 0 : AT_SYMLINK_NOFOLLOW)
                      : fchown(p.fd, (uid_t)uid, (gid_t)gid);
    return none_or_fail(rc, &p);
}

static PithObject *os_access(PithObject *m, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    static const char *const kw[] = {"path", "mode", "dir_fd", "effective_ids",
                                     "follow_symlinks"};
    static const PithArgSpec spec = {"access", kw, 5, 0, 2, 2};
    PithObject *a[5] = {NULL, NULL, NULL, NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    int mode, dfd, eff = flag_arg(a[3], 0), follow = flag_arg(a[4], 1);
    if (eff < 0 || follow < 0 || pith_os_int(a[1], &mode) < 0 || dir_fd_arg(a[2], &dfd) < 0)
        return NULL;
    PithOsPath p = {.fname = "access", .argname = "path"};
    if (pith_ospath_convert(&p, a[0]) < 0) return NULL;
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    int rc = faccessat(dfd, p.narrow, mode, flags);
    pith_ospath_clear(&p);
    return pith_bool_from(rc == 0);
}

/* utime's times=(a, m) seconds (int or float) -> timespec. */
static int seconds_arg(PithObject *o, struct timespec *ts) {
    if (pith_float_check(o)) {
        double d = PITH_FLOAT_VALUE(o);
        double whole = (double)(int64_t)d;
        if (whole > d) whole -= 1.0;
        ts->tv_sec = (time_t)whole;
        ts->tv_nsec = (long)((d - whole) * 1e9);
        if (ts->tv_nsec >= 1000000000L) {
            ts->tv_sec++;
            ts->tv_nsec -= 1000000000L;
        }
        return 0;
    }
    int64_t v = pith_int_as_i64(o);
    if (v == -1 && pith_err_occurred()) return -1;
    ts->tv_sec = (time_t)v;
    ts->tv_nsec = 0;
    return 0;
}

static int ns_arg(PithObject *o, struct timespec *ts) {
    PithObject *g = pith_int_from_i64(1000000000);
    PithObject *d = g ? pith_number_divmod(o, g) : NULL;
    PITH_XDECREF(g);
    if (!d) return -1;
    int64_t s = pith_int_as_i64(PITH_TUPLE_GET(d, 0));
    int64_t n = pith_int_as_i64(PITH_TUPLE_GET(d, 1));
    PITH_DECREF(d);
    if ((s == -1 || n == -1) && pith_err_occurred()) return -1;
    ts->tv_sec = (time_t)s;
    ts->tv_nsec = (long)n;
    return 0;
}

static bool pair_of(PithObject *o, bool ints_only) {
    if (!pith_tuple_check(o) || PITH_SIZE(o) != 2) return false;
    for (int i = 0; i < 2; i++) {
        PithObject *x = PITH_TUPLE_GET(o, i);
        if (!pith_int_check(x) && (ints_only || !pith_float_check(x))) return false;
    }
    return true;
}

static PithObject *os_utime(PithObject *m, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    static const char *const kw[] = {"path", "times", "ns", "dir_fd", "follow_symlinks"};
    static const PithArgSpec spec = {"utime", kw, 5, 0, 1, 2};
    PithObject *a[5] = {NULL, NULL, NULL, NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    PithObject *times = a[1] == PITH_NONE ? NULL : a[1];
    struct timespec ts[2];
    const struct timespec *tsp = NULL;
    if (times && a[2]) {
        pith_err_set_string(&pith_exc_ValueError,
                            "utime: you may specify either 'times' or 'ns' but not both");
        return NULL;
    }
    if (times) {
        if (!pair_of(times, false)) {
            pith_err_set_string(&pith_exc_TypeError,
                                "utime: 'times' must be either a tuple of two ints or None");
            return NULL;
        }
        if (seconds_arg(PITH_TUPLE_GET(times, 0), &ts[0]) < 0 ||
            seconds_arg(PITH_TUPLE_GET(times, 1), &ts[1]) < 0)
            return NULL;
        tsp = ts;
    } else if (a[2]) {
        if (!pair_of(a[2], true)) {
            pith_err_set_string(&pith_exc_TypeError, "utime: 'ns' must be a tuple of two ints");
            return NULL;
        }
        if (ns_arg(PITH_TUPLE_GET(a[2], 0), &ts[0]) < 0 ||
            ns_arg(PITH_TUPLE_GET(a[2], 1), &ts[1]) < 0)
            return NULL;
        tsp = ts;
    }
    int dfd, follow = flag_arg(a[4], 1);
    if (follow < 0 || dir_fd_arg(a[3], &dfd) < 0) return NULL;
    PithOsPath p = {.fname = "utime", .argname = "path", .allow_fd = true};
    if (pith_ospath_convert(&p, a[0]) < 0) return NULL;
    int rc = p.narrow ? utimensat(dfd, p.narrow, tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW)
                      : futimens(p.fd, tsp);
    return none_or_fail(rc, &p);
}

static PithObject *getcwd_impl(bool as_bytes) {
    char *buf = getcwd(NULL, 0);
    if (!buf) return pith_os_error2(NULL, NULL);
    PithObject *r = pith_os_decode(buf, -1, as_bytes);
    free(buf);
    return r;
}
static PithObject *os_getcwd(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return getcwd_impl(false);
}
static PithObject *os_getcwdb(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return getcwd_impl(true);
}

static PithObject *inheritable_get(PithObject *m, PithObject *const *a, size_t n,
                                   PithObject *k) {
    int fd;
    if (ints_arg("get_inheritable", a, n, k, 1, &fd) < 0) return NULL;
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0) return pith_os_error2(NULL, NULL);
    return pith_bool_from(!(fl & FD_CLOEXEC));
}

static PithObject *inheritable_set(PithObject *m, PithObject *const *a, size_t n,
                                   PithObject *k) {
    int v[2];
    if (ints_arg("set_inheritable", a, n, k, 2, v) < 0) return NULL;
    int fl = fcntl(v[0], F_GETFD);
    if (fl < 0 || fcntl(v[0], F_SETFD, v[1] ? fl & ~FD_CLOEXEC : fl | FD_CLOEXEC) < 0)
        return pith_os_error2(NULL, NULL);
    PITH_RETURN_NONE;
}

static PithObject *blocking_get(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    int fd;
    if (ints_arg("get_blocking", a, n, k, 1, &fd) < 0) return NULL;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) return pith_os_error2(NULL, NULL);
    return pith_bool_from(!(fl & O_NONBLOCK));
}

static PithObject *blocking_set(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    int v[2];
    if (ints_arg("set_blocking", a, n, k, 2, v) < 0) return NULL;
    int fl = fcntl(v[0], F_GETFL);
    if (fl < 0 || fcntl(v[0], F_SETFL, v[1] ? fl & ~O_NONBLOCK : fl | O_NONBLOCK) < 0)
        return pith_os_error2(NULL, NULL);
    PITH_RETURN_NONE;
}

PithMethodDef pith_posix_file_methods[] = {
    {"stat", os_stat, PITH_METH_KW, NULL},
    {"lstat", os_lstat, PITH_METH_KW, NULL},
    {"fstat", os_fstat, PITH_METH_KW, NULL},
    {"open", os_open, PITH_METH_KW, NULL},
    {"close", os_close, PITH_METH_KW, NULL},
    {"closerange", os_closerange, PITH_METH_KW, NULL},
    {"read", os_read, PITH_METH_KW, NULL},
    {"write", os_write, PITH_METH_KW, NULL},
    {"lseek", os_lseek, PITH_METH_KW, NULL},
    {"dup", os_dup, PITH_METH_KW, NULL},
    {"dup2", os_dup2, PITH_METH_KW, NULL},
    {"pipe", os_pipe, PITH_METH_NOARGS, NULL},
    {"isatty", os_isatty, PITH_METH_KW, NULL},
    {"fsync", os_fsync, PITH_METH_KW, NULL},
    {"ftruncate", os_ftruncate, PITH_METH_KW, NULL},
    {"truncate", os_truncate, PITH_METH_KW, NULL},
    {"mkdir", os_mkdir, PITH_METH_KW, NULL},
    {"rmdir", os_rmdir, PITH_METH_KW, NULL},
    {"unlink", os_unlink, PITH_METH_KW, NULL},
    {"remove", os_remove, PITH_METH_KW, NULL},
    {"rename", os_rename, PITH_METH_KW, NULL},
    {"replace", os_replace, PITH_METH_KW, NULL},
    {"link", os_link, PITH_METH_KW, NULL},
    {"symlink", os_symlink, PITH_METH_KW, NULL},
    {"readlink", os_readlink, PITH_METH_KW, NULL},
    {"chdir", os_chdir, PITH_METH_KW, NULL},
    {"chmod", os_chmod, PITH_METH_KW, NULL},
    {"chown", os_chown, PITH_METH_KW, NULL},
    {"access", os_access, PITH_METH_KW, NULL},
    {"utime", os_utime, PITH_METH_KW, NULL},
    {"getcwd", os_getcwd, PITH_METH_NOARGS, NULL},
    {"getcwdb", os_getcwdb, PITH_METH_NOARGS, NULL},
    {"get_inheritable", inheritable_get, PITH_METH_KW, NULL},
    {"set_inheritable", inheritable_set, PITH_METH_KW, NULL},
    {"get_blocking", blocking_get, PITH_METH_KW, NULL},
    {"set_blocking", blocking_set, PITH_METH_KW, NULL},
    {NULL, NULL, 0, NULL},
};
