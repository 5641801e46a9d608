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

PithObject *pith_pyc_cache_path(PithObject *path) {
    PithObject *impl = pith_dict_get_item_str(pith_interp.sysdict, "implementation");
    PithObject *tag = impl ? pith_getattr_str(impl, "cache_tag") : NULL;
    if (!tag || !pith_str_check(tag)) {
        PITH_XDECREF(tag);
        pith_err_clear();
        return PITH_NEWREF(PITH_NONE);
    }
    intptr_t n = PITH_STR_LEN(path), slash = n, dot = n;
    while (slash > 0 && pith_str_read((PithStr *)path, slash - 1) != '/') slash--;
    if (n > 3 && pith_str_read((PithStr *)path, n - 3) == '.' &&
        pith_str_read((PithStr *)path, n - 2) == 'p' && pith_str_read((PithStr *)path, n - 1) == 'y')
        dot = n - 3;
    PithObject *dir = pith_str_substring(path, 0, slash), *stem = pith_str_substring(path, slash, dot);
    PithObject *r = NULL;
    if (dir && stem) {
        if (pith_interp.optimize > 0)
            r = pith_str_from_format("%U__pycache__/%U.%U.opt-%d.pyc", dir, stem, tag,
                                     pith_interp.optimize);
        else
            r = pith_str_from_format("%U__pycache__/%U.%U.pyc", dir, stem, tag);
    }
    PITH_XDECREF(dir);
    PITH_XDECREF(stem);
    PITH_DECREF(tag);
    return r;
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
static void write_atomic(const char *cpath, const unsigned char *hdr, PithObject *data) {
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", cpath, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) return;
    unsigned char sum[4];
    size_t n = (size_t)PITH_BYTES_SIZE(data);
    wr32(sum, fnv1a((const unsigned char *)PITH_BYTES_DATA(data), n));
    bool ok = write(fd, hdr, HEADER) == HEADER &&
              write(fd, PITH_BYTES_DATA(data), n) == (ssize_t)n && write(fd, sum, 4) == 4;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, cpath) != 0) unlink(tmp);
}

static void store_cache(const char *cpath, const struct stat *src, PithCode *co) {
    if (dont_write()) return;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", cpath);
    char *slash = strrchr(dir, '/');
    if (!slash) return;
    *slash = 0;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) return;
    PithObject *data = pith_marshal_dumps((PithObject *)co, PITH_MARSHAL_VERSION);
    if (!data) {
        pith_err_clear();
        return;
    }
    unsigned char hdr[HEADER];
    wr32(hdr, PITH_PYC_MAGIC);
    wr32(hdr + 4, 0);
    wr32(hdr + 8, (uint32_t)src->st_mtime);
    wr32(hdr + 12, (uint32_t)src->st_size);
    write_atomic(cpath, hdr, data);
    PITH_DECREF(data);
}

PithCode *pith_pyc_source_to_code(PithObject *path) {
    const char *p = pith_str_utf8(path);
    if (!p) return NULL;
    struct stat st;
    size_t len = 0;
    unsigned char *src = read_file(p, &len, &st);
    if (!src) return (PithCode *)pith_err_from_errno_filename(&pith_exc_OSError, path);
    PithObject *cpath = pith_pyc_cache_path(path);
    const char *cp = cpath && pith_str_check(cpath) ? pith_str_utf8(cpath) : NULL;
    PithCode *co = cp ? load_cache(cp, &st) : NULL;
    if (!co && !pith_err_occurred()) {
        co = pith_compile_source((const char *)src, len, path, PITH_MODE_EXEC, pith_interp.optimize);
        if (co && cp) store_cache(cp, &st, co);
    }
    PITH_XDECREF(cpath);
    free(src);
    return co;
}
