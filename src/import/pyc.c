/* pyc.c — the bytecode cache: source file -> code object through
 * __pycache__/NAME.<cache_tag>.pyc (layout in import.h).
 *
 * Reading never trusts the cache: any mismatch (magic, flags, source mtime
 * or size, checksum, truncation, undecodable data, not a code object)
 * means "compile the source". Writing goes to a temporary file renamed
 * into place, and is silently skipped when it cannot be done or when
 * sys.dont_write_bytecode is true (-B, PYTHONDONTWRITEBYTECODE). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pith/pith.h"
#include "pith/compile.h"
#include "pith/import.h"
#include "pith/marshal.h"

#define HEADER 16

static uint32_t rd32(const unsigned char *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void wr32(unsigned char *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t fnv1a(const unsigned char *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
    return h;
}

/* Whole file into a malloc'ed buffer (NULL on any failure, no exception). */
static unsigned char *read_file(const char *path, size_t *len, struct stat *st) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return NULL;
    unsigned char *buf = NULL;
    if (fstat(fd, st) == 0 && S_ISREG(st->st_mode) && (buf = malloc((size_t)st->st_size + 1))) {
        size_t n = 0, want = (size_t)st->st_size;
        while (n < want) {
            ssize_t r = read(fd, buf + n, want - n);
            if (r < 0 && errno == EINTR) continue;
            if (r <= 0) break;
            n += (size_t)r;
        }
        buf[n] = 0;
        *len = n;
    }
    close(fd);
    return buf;
}

long pith_pyc_compiled, pith_pyc_loaded;

/* sys.pycache_prefix as a str, or NULL (None, unset or not a str). */
static PithObject *prefix_dir(void) {
    PithObject *p = pith_dict_get_item_str(pith_interp.sysdict, "pycache_prefix");
    return p && pith_str_check(p) ? p : NULL;
}

/* __pycache__/STEM.TAG[.opt-N].pyc next to the source, or, with
 * sys.pycache_prefix, PREFIX/<absolute source dir>/STEM.TAG[.opt-N].pyc. */
PithObject *pith_pyc_cache_path_opt(PithObject *path, int optimize) {
    PithObject *impl = pith_dict_get_item_str(pith_interp.sysdict, "implementation");
    PithObject *tag = impl ? pith_getattr_str(impl, "cache_tag") : NULL;
    if (!tag || !pith_str_check(tag)) {
        PITH_XDECREF(tag);
        pith_err_clear();
        return PITH_NEWREF(PITH_NONE);
    }
    intptr_t n = PITH_STR_LEN(path), slash = n, dot = n;
    while (slash > 0 && pith_str_read((PithStr *)path, slash - 1) != '/') slash--;
    for (intptr_t i = n - 1; i > slash; i--)
        if (pith_str_read((PithStr *)path, i) == '.') {
            dot = i;
            break;
        }
    PithObject *dir = pith_str_substring(path, 0, slash), *stem = pith_str_substring(path, slash, dot);
    PithObject *opt = optimize > 0 ? pith_str_from_format(".opt-%d", optimize) : pith_str_from_cstr("");
    PithObject *prefix = prefix_dir(), *r = NULL;
    if (dir && stem && opt && prefix) {
        char cwd[4096];
        const char *d = pith_str_utf8(dir);
        PithObject *absdir = !d ? NULL
                             : d[0] == '/' ? PITH_NEWREF(dir)
                             : getcwd(cwd, sizeof cwd) ? pith_str_from_format("%s/%U", cwd, dir)
                                                       : pith_err_from_errno(&pith_exc_OSError);
        intptr_t skip = 0;
        while (absdir && skip < PITH_STR_LEN(absdir) && pith_str_read((PithStr *)absdir, skip) == '/') skip++;
        PithObject *rest = absdir ? pith_str_substring(absdir, skip, PITH_STR_LEN(absdir)) : NULL;
        bool sep = PITH_STR_LEN(prefix) > 0 &&
                   pith_str_read((PithStr *)prefix, PITH_STR_LEN(prefix) - 1) != '/';
        if (rest)
            r = pith_str_from_format("%U%s%U%U.%U%U.pyc", prefix, sep ? "/" : "", rest, stem, tag, opt);
        PITH_XDECREF(absdir);
        PITH_XDECREF(rest);
    } else if (dir && stem && opt) {
        r = pith_str_from_format("%U__pycache__/%U.%U%U.pyc", dir, stem, tag, opt);
    }
    PITH_XDECREF(dir);
    PITH_XDECREF(stem);
    PITH_XDECREF(opt);
    PITH_DECREF(tag);
    return r;
}

PithObject *pith_pyc_cache_path(PithObject *path) {
    return pith_pyc_cache_path_opt(path, pith_interp.optimize);
}

/* The cached code when the cache file is valid for the source stat, else
 * NULL (never an exception). */
static PithCode *load_cache(const char *cpath, const struct stat *src) {
    struct stat st;
    size_t len = 0;
    unsigned char *buf = read_file(cpath, &len, &st);
    PithObject *o = NULL;
    if (buf && len >= HEADER + 4 && rd32(buf) == PITH_PYC_MAGIC && rd32(buf + 4) == 0 &&
        rd32(buf + 8) == (uint32_t)src->st_mtime && rd32(buf + 12) == (uint32_t)src->st_size &&
        rd32(buf + len - 4) == fnv1a(buf + HEADER, len - HEADER - 4)) {
        size_t used = 0;
        o = pith_marshal_loads((const char *)buf + HEADER, len - HEADER - 4, &used);
        if (!o) pith_err_clear();
        else if (!pith_code_check(o) || used != len - HEADER - 4) PITH_CLEAR(o);
    }
    free(buf);
    return (PithCode *)o;
}

static bool dont_write(void) {
    PithObject *v = pith_dict_get_item_str(pith_interp.sysdict, "dont_write_bytecode");
    int t = v ? pith_is_true(v) : 0;
    if (t < 0) pith_err_clear();
    return t != 0;
}

/* Write header + data + checksum to path via a temporary file. */
static int write_atomic(const char *cpath, const unsigned char *hdr, PithObject *data) {
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", cpath, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) return -1;
    unsigned char sum[4];
    size_t n = (size_t)PITH_BYTES_SIZE(data);
    wr32(sum, fnv1a((const unsigned char *)PITH_BYTES_DATA(data), n));
    bool ok = write(fd, hdr, HEADER) == HEADER &&
              write(fd, PITH_BYTES_DATA(data), n) == (ssize_t)n && write(fd, sum, 4) == 4;
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp, cpath) == 0) return 0;
    int e = errno;
    unlink(tmp);
    errno = e;
    return -1;
}

/* mkdir -p (0 when the directory exists afterwards). */
static int make_dirs(char *dir) {
    if (mkdir(dir, 0777) == 0 || errno == EEXIST) return 0;
    if (errno != ENOENT) return -1;
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) return -1;
    *slash = 0;
    int r = make_dirs(dir);
    *slash = '/';
    return r == 0 && (mkdir(dir, 0777) == 0 || errno == EEXIST) ? 0 : -1;
}

/* Write the cache for code compiled from a source with stat *src:
 * 0 written, -1 not (errno tells why; no exception unless marshal fails). */
static int store_cache(const char *cpath, const struct stat *src, PithCode *co) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", cpath);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = 0;
    if (slash && slash != dir && make_dirs(dir) < 0) return -1;
    PithObject *data = pith_marshal_dumps((PithObject *)co, PITH_MARSHAL_VERSION);
    if (!data) {
        pith_err_clear();
        return -1;
    }
    unsigned char hdr[HEADER];
    wr32(hdr, PITH_PYC_MAGIC);
    wr32(hdr + 4, 0);
    wr32(hdr + 8, (uint32_t)src->st_mtime);
    wr32(hdr + 12, (uint32_t)src->st_size);
    int r = write_atomic(cpath, hdr, data);
    PITH_DECREF(data);
    return r;
}

PithCode *pith_pyc_source_to_code(PithObject *path) {
    const char *p = pith_str_utf8(path);
    if (!p) return NULL;
    struct stat st;
    if (stat(p, &st) != 0) return (PithCode *)pith_err_from_errno_filename(&pith_exc_OSError, path);
    PithObject *cpath = pith_pyc_cache_path(path);
    const char *cp = cpath && pith_str_check(cpath) ? pith_str_utf8(cpath) : NULL;
    PithCode *co = cp ? load_cache(cp, &st) : NULL;
    if (co) {
        pith_pyc_loaded++;
    } else if (!pith_err_occurred()) {
        /* the source as read (its stat, not the earlier one, goes in the header) */
        size_t len = 0;
        unsigned char *src = read_file(p, &len, &st);
        if (!src) pith_err_from_errno_filename(&pith_exc_OSError, path);
        else co = pith_compile_source((const char *)src, len, path, PITH_MODE_EXEC, pith_interp.optimize);
        pith_pyc_compiled += co != NULL;
        if (co && cp && !dont_write()) store_cache(cp, &st, co);
        free(src);
    }
    PITH_XDECREF(cpath);
    return co;
}

int pith_pyc_compile_file(PithObject *path, PithObject *cpath, PithObject *dpath, int optimize) {
    const char *p = pith_str_utf8(path), *cp = pith_str_utf8(cpath);
    if (!p || !cp) return -1;
    struct stat st;
    size_t len = 0;
    unsigned char *src = read_file(p, &len, &st);
    if (!src) return pith_err_from_errno_filename(&pith_exc_OSError, path), -1;
    PithCode *co = pith_compile_source((const char *)src, len, dpath ? dpath : path, PITH_MODE_EXEC,
                                       optimize < 0 ? pith_interp.optimize : optimize);
    free(src);
    if (!co) return -1;
    pith_pyc_compiled++;
    int r = store_cache(cp, &st, co);
    PITH_DECREF(co);
    if (r < 0 && !pith_err_occurred()) pith_err_from_errno_filename(&pith_exc_OSError, cpath);
    return r;
}

int pith_pyc_is_current(PithObject *path, PithObject *cpath) {
    const char *p = pith_str_utf8(path), *cp = pith_str_utf8(cpath);
    if (!p || !cp) return -1;
    struct stat st;
    unsigned char hdr[HEADER];
    int fd = stat(p, &st) == 0 ? open(cp, O_RDONLY) : -1;
    if (fd < 0) return 0;
    bool ok = read(fd, hdr, HEADER) == HEADER && rd32(hdr) == PITH_PYC_MAGIC && rd32(hdr + 4) == 0 &&
              rd32(hdr + 8) == (uint32_t)st.st_mtime && rd32(hdr + 12) == (uint32_t)st.st_size;
    close(fd);
    return ok;
}
