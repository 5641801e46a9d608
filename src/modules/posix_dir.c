/* posix_dir.c — directory listing: posix.listdir, posix.scandir and its
 * ScandirIterator / DirEntry types (entries cache d_type and their stat
 * results, as CPython's do). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "osmod.h"

PithObject *pith_os_stat_result(const struct stat *st); /* posix_file.c */

static bool is_dot(const char *n) {
    return n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0));
}

/* Open a directory for path p (fd: a dup so the caller's fd stays open). */
static DIR *open_dir(PithOsPath *p) {
    if (p->narrow || p->fd < 0) return opendir(p->narrow ? p->narrow : ".");
    int fd = fcntl(p->fd, F_DUPFD_CLOEXEC, 0);
    if (fd < 0) return NULL;
    DIR *d = fdopendir(fd);
    if (!d) {
        int e = errno;
        close(fd);
        errno = e;
        return NULL;
    }
    rewinddir(d);
    return d;
}

static PithObject *os_listdir(PithObject *m, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    static const char *const kw[] = {"path"};
    static const PithArgSpec spec = {"listdir", kw, 1, 0, 0, 1};
    PithObject *a = NULL;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &a) < 0) return NULL;
    PithOsPath p = {.fname = "listdir", .argname = "path", .nullable = true, .allow_fd = true};
    if (pith_ospath_convert(&p, a) < 0) return NULL;
    if (!a || a == PITH_NONE) p.object = NULL;
    DIR *d = open_dir(&p);
    if (!d) {
        PithObject *fn = p.object ? p.object : NULL;
        PithObject *dot = fn ? NULL : pith_str_from_cstr(".");
        pith_os_error2(fn ? fn : dot, NULL);
        PITH_XDECREF(dot);
        pith_ospath_clear(&p);
        return NULL;
    }
    PithObject *list = pith_list_new(0);
    struct dirent *e;
    while (list) {
        errno = 0;
        e = readdir(d);
        if (!e) {
            if (errno) {
                pith_os_error2(p.object, NULL);
                PITH_CLEAR(list);
            }
            break;
        }
        if (is_dot(e->d_name)) continue;
        PithObject *name = pith_os_decode(e->d_name, -1, p.is_bytes);
        if (!name || pith_list_append(list, name) < 0) PITH_CLEAR(list);
        PITH_XDECREF(name);
    }
    closedir(d);
    pith_ospath_clear(&p);
    return list;
}

/* ---- DirEntry ------------------------------------------------------------- */

typedef struct DirEntry {
    PithObject ob;
    PithObject *name, *path;
    PithObject *stat, *lstat; /* cached stat_results or NULL */
    unsigned char d_type;
    uint64_t ino;
    int dir_fd; /* scandir(fd): names are relative to it; else -1 */
} DirEntry;

extern PithType pith_direntry_type;

static void entry_dealloc(PithObject *o) {
    DirEntry *e = (DirEntry *)o;
    pith_gc_untrack(o);
    PITH_XDECREF(e->name);
    PITH_XDECREF(e->path);
    PITH_XDECREF(e->stat);
    PITH_XDECREF(e->lstat);
    pith_gc_del(o);
}

static int entry_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    DirEntry *e = (DirEntry *)o;
    PITH_VISIT(e->stat);
    PITH_VISIT(e->lstat);
    return 0;
}

static PithObject *entry_repr(PithObject *o) {
    return pith_str_from_format("<DirEntry %R>", ((DirEntry *)o)->name);
}

/* Stat the entry (follow or not), caching the result; borrowed. */
static PithObject *entry_fetch_stat(DirEntry *e, bool follow) {
    PithObject **slot = follow ? &e->stat : &e->lstat;
    if (*slot) return *slot;
    const char *c;
    PithObject *enc = NULL;
    if (pith_bytes_check(e->path)) c = PITH_BYTES_DATA(e->path);
    else {
        enc = pith_str_encode_utf8(e->path, "surrogateescape");
        if (!enc) return NULL;
        c = PITH_BYTES_DATA(enc);
    }
    struct stat st;
    int rc = e->dir_fd >= 0 ? fstatat(e->dir_fd, c, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW)
             : follow      ? stat(c, &st)
                           : lstat(c, &st);
    PITH_XDECREF(enc);
    if (rc < 0) return pith_os_error2(e->path, NULL);
    *slot = pith_os_stat_result(&st);
    return *slot;
}

static int entry_is_symlink_impl(DirEntry *e) {
    if (e->d_type != DT_UNKNOWN) return e->d_type == DT_LNK;
    PithObject *st = entry_fetch_stat(e, false);
    if (!st) return -1;
    return S_ISLNK(pith_int_as_i64(PITH_TUPLE_GET(st, 0)));
}

static PithObject *entry_stat_follow(DirEntry *e, bool follow) {
    if (follow) {
        int link = entry_is_symlink_impl(e);
        if (link < 0) return NULL;
        if (!link) follow = false;
    }
    PithObject *st = entry_fetch_stat(e, follow);
    return st ? PITH_NEWREF(st) : NULL;
}

static int follow_kw(const char *fname, PithObject *const *args, size_t nargs,
                     PithObject *kwnames) {
    static const char *const kw[] = {"follow_symlinks"};
    PithArgSpec spec = {fname, kw, 1, 0, 0, 0};
    PithObject *a = NULL;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &a) < 0) return -1;
    return a ? pith_is_true(a) : 1;
}

static PithObject *entry_stat(PithObject *o, PithObject *const *a, size_t n, PithObject *k) {
    int follow = follow_kw("stat", a, n, k);
    return follow < 0 ? NULL : entry_stat_follow((DirEntry *)o, follow);
}

/* is_dir / is_file: mode test `want` (S_IFDIR / S_IFREG). */
static PithObject *entry_test(PithObject *o, PithObject *const *a, size_t n, PithObject *k,
                              const char *fname, unsigned want) {
    DirEntry *e = (DirEntry *)o;
    int follow = follow_kw(fname, a, n, k);
    if (follow < 0) return NULL;
    if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK))
        return pith_bool_from(want == S_IFDIR ? e->d_type == DT_DIR : e->d_type == DT_REG);
    PithObject *st = entry_stat_follow(e, follow);
    if (!st) {
        if (pith_err_matches(&pith_exc_FileNotFoundError)) {
            pith_err_clear();
            PITH_RETURN_FALSE;
        }
        return NULL;
    }
    int64_t mode = pith_int_as_i64(PITH_TUPLE_GET(st, 0));
    PITH_DECREF(st);
    return pith_bool_from(((unsigned)mode & S_IFMT) == want);
}

static PithObject *entry_is_dir(PithObject *o, PithObject *const *a, size_t n, PithObject *k) {
    return entry_test(o, a, n, k, "is_dir", S_IFDIR);
}
static PithObject *entry_is_file(PithObject *o, PithObject *const *a, size_t n, PithObject *k) {
    return entry_test(o, a, n, k, "is_file", S_IFREG);
}
static PithObject *entry_is_symlink(PithObject *o, PithObject *const *a, size_t n,
                                    PithObject *k) {
    int r = entry_is_symlink_impl((DirEntry *)o);
    return r < 0 ? NULL : pith_bool_from(r);
}
static PithObject *entry_inode(PithObject *o, PithObject *const *a, size_t n, PithObject *k) {
    return pith_int_from_u64(((DirEntry *)o)->ino);
}
static PithObject *entry_fspath(PithObject *o, PithObject *const *a, size_t n, PithObject *k) {
    return PITH_NEWREF(((DirEntry *)o)->path);
}

static PithMethodDef entry_methods[] = {
    {"stat", entry_stat, PITH_METH_KW, NULL},
    {"is_dir", entry_is_dir, PITH_METH_KW, NULL},
    {"is_file", entry_is_file, PITH_METH_KW, NULL},
    {"is_symlink", entry_is_symlink, PITH_METH_NOARGS, NULL},
    {"inode", entry_inode, PITH_METH_NOARGS, NULL},
    {"__fspath__", entry_fspath, PITH_METH_NOARGS, NULL},
    {"__class_getitem__", pith_generic_alias_class_getitem, PITH_METH_O | PITH_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithMemberDef entry_members[] = {
    {"name", PITH_MEMBER_OBJECT, offsetof(DirEntry, name), PITH_READONLY, NULL},
    {"path", PITH_MEMBER_OBJECT, offsetof(DirEntry, path), PITH_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PithType pith_direntry_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "posix.DirEntry",
    .tp_basicsize = sizeof(DirEntry),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = entry_dealloc,
    .tp_traverse = entry_traverse,
    .tp_repr = entry_repr,
    .tp_methods = entry_methods,
    .tp_members = entry_members,
};

/* ---- ScandirIterator ------------------------------------------------------ */

typedef struct ScandirIter {
    PithObject ob;
    DIR *dir;
    PithObject *prefix; /* the path argument as bytes/str (to join), or NULL for fd */
    bool is_bytes;
    int fd; /* scandir(fd) */
} ScandirIter;

extern PithType pith_scandir_iter_type;

static void iter_close(ScandirIter *it) {
    if (it->dir) {
        closedir(it->dir);
        it->dir = NULL;
    }
}

static void iter_dealloc(PithObject *o) {
    ScandirIter *it = (ScandirIter *)o;
    iter_close(it);
    PITH_XDECREF(it->prefix);
    pith_obj_free(o);
}

/* prefix "/" name (no doubled slash); prefix NULL = name alone. */
static PithObject *join_path(ScandirIter *it, const char *name) {
    if (!it->prefix) return pith_os_decode(name, -1, it->is_bytes);
    const char *pre;
    intptr_t plen;
    PithObject *enc = NULL;
    if (it->is_bytes) {
        pre = PITH_BYTES_DATA(it->prefix);
        plen = PITH_BYTES_SIZE(it->prefix);
    } else {
        enc = pith_str_encode_utf8(it->prefix, "surrogateescape");
        if (!enc) return NULL;
        pre = PITH_BYTES_DATA(enc);
        plen = PITH_BYTES_SIZE(enc);
    }
    size_t nlen = strlen(name);
    char *buf = pith_mem_malloc((size_t)plen + nlen + 2);
    if (!buf) {
        PITH_XDECREF(enc);
        return pith_err_no_memory();
    }
    memcpy(buf, pre, (size_t)plen);
    size_t k = (size_t)plen;
    if (k > 0 && buf[k - 1] != '/') buf[k++] = '/';
    memcpy(buf + k, name, nlen);
    PithObject *r = pith_os_decode(buf, (intptr_t)(k + nlen), it->is_bytes);
    pith_mem_free(buf);
    PITH_XDECREF(enc);
    return r;
}

static PithObject *iter_next(PithObject *o) {
    ScandirIter *it = (ScandirIter *)o;
    while (it->dir) {
        errno = 0;
        struct dirent *d = readdir(it->dir);
        if (!d) {
            int e = errno;
            iter_close(it);
            if (e) {
                errno = e;
                return pith_os_error2(it->prefix, NULL);
            }
            return NULL;
        }
        if (is_dot(d->d_name)) continue;
        DirEntry *e = (DirEntry *)pith_gc_new(&pith_direntry_type);
        if (!e) return pith_err_no_memory();
        e->d_type = d->d_type;
        e->ino = (uint64_t)d->d_ino;
        e->dir_fd = it->prefix ? -1 : it->fd;
        e->name = pith_os_decode(d->d_name, -1, it->is_bytes);
        e->path = e->name ? join_path(it, d->d_name) : NULL;
        pith_gc_track((PithObject *)e);
        if (!e->path) {
            PITH_DECREF(e);
            return NULL;
        }
        return (PithObject *)e;
    }
    return NULL;
}

static PithObject *iter_close_m(PithObject *o, PithObject *const *a, size_t n, PithObject *k) {
    iter_close((ScandirIter *)o);
    PITH_RETURN_NONE;
}
static PithObject *iter_enter(PithObject *o, PithObject *const *a, size_t n, PithObject *k) {
    return PITH_NEWREF(o);
}
static PithObject *iter_exit(PithObject *o, PithObject *const *a, size_t n, PithObject *k) {
    iter_close((ScandirIter *)o);
    PITH_RETURN_FALSE;
}
static PithObject *iter_self(PithObject *o) { return PITH_NEWREF(o); }

static PithMethodDef iter_methods[] = {
    {"close", iter_close_m, PITH_METH_NOARGS, NULL},
    {"__enter__", iter_enter, PITH_METH_NOARGS, NULL},
    {"__exit__", iter_exit, PITH_METH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_scandir_iter_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "posix.ScandirIterator",
    .tp_basicsize = sizeof(ScandirIter),
    .tp_flags = PITH_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = iter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = iter_next,
    .tp_methods = iter_methods,
};

static PithObject *os_scandir(PithObject *m, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    static const char *const kw[] = {"path"};
    static const PithArgSpec spec = {"scandir", kw, 1, 0, 0, 1};
    PithObject *a = NULL;
    if (pith_arg_parse(&spec, args, nargs, kwnames, &a) < 0) return NULL;
    PithOsPath p = {.fname = "scandir", .argname = "path", .nullable = true, .allow_fd = true};
    if (pith_ospath_convert(&p, a) < 0) return NULL;
    PithObject *prefix = NULL;
    if (p.narrow) prefix = p.is_bytes ? PITH_NEWREF(p.bytes) : pith_os_fspath(p.object);
    else if (p.fd < 0) prefix = pith_str_from_cstr(".");
    if ((p.narrow || p.fd < 0) && !prefix) {
        pith_ospath_clear(&p);
        return NULL;
    }
    DIR *d = open_dir(&p);
    if (!d) {
        pith_os_error2(prefix ? prefix : p.object, NULL);
        PITH_XDECREF(prefix);
        pith_ospath_clear(&p);
        return NULL;
    }
    ScandirIter *it = (ScandirIter *)pith_obj_new(&pith_scandir_iter_type);
    if (!it) {
        closedir(d);
        PITH_XDECREF(prefix);
        pith_ospath_clear(&p);
        return NULL;
    }
    it->dir = d;
    it->prefix = prefix;
    it->is_bytes = p.is_bytes;
    it->fd = p.fd;
    pith_ospath_clear(&p);
    return (PithObject *)it;
}

PithMethodDef pith_posix_dir_methods[] = {
    {"listdir", os_listdir, PITH_METH_KW, NULL},
    {"scandir", os_scandir, PITH_METH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

int pith_posix_dir_init(void) {
    if (pith_type_ready(&pith_direntry_type) < 0) return -1;
    return pith_type_ready(&pith_scandir_iter_type);
}
