/* impmod.c — `_pith_import`, the native helpers under pith's own importlib
 * (lib/importlib), py_compile and compileall (lib/): finding specs,
 * cache paths, writing caches, the cache counters and the pyc magic.
 * The types ModuleSpec, SourceFileLoader, _NamespaceLoader and
 * BuiltinImporter (spec.c) are exported here too. */
#include <stdlib.h>
#include <string.h>

#include "pith/pith.h"
#include "pith/import.h"

/* An optimisation level argument: None/absent = the interpreter's, '' = 0,
 * an int, or a str of digits (CPython's cache_from_source accepts these). */
static int opt_level(PithObject *o, int *out) {
    *out = pith_interp.optimize;
    if (!o || o == PITH_NONE) return 0;
    if (pith_str_check(o)) {
        const char *s = pith_str_utf8(o);
        if (!s) return -1;
        if (!*s) return *out = 0, 0;
        for (const char *p = s; *p; p++)
            if (*p < '0' || *p > '9') {
                pith_err_format(&pith_exc_ValueError, "%R is not alphanumeric", o);
                return -1;
            }
        *out = atoi(s);
        return 0;
    }
    int64_t v = pith_int_as_i64(o);
    if (v == -1 && pith_err_occurred()) return -1;
    *out = v < 0 ? 0 : v > 1000 ? 1000 : (int)v;
    return 0;
}

static int need_str(PithObject *o, const char *what) {
    if (pith_str_check(o)) return 0;
    pith_err_format(&pith_exc_TypeError, "%s must be str, not %s", what, pith_type_name(o));
    return -1;
}

/* find_spec(name, path=None) */
static PithObject *m_find_spec(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    static const char *const kw[] = {"name", "path"};
    static const PithArgSpec as = {"find_spec", kw, 2, 0, 1, 2};
    PithObject *v[2];
    if (pith_arg_parse(&as, args, nargs, kwnames, v) < 0 || need_str(v[0], "name") < 0) return NULL;
    return pith_import_find_spec(v[0], v[1] ? v[1] : PITH_NONE);
}

/* cache_from_source(path, optimization=None) */
static PithObject *m_cache_from_source(PithObject *self, PithObject *const *args, size_t nargs,
                                       PithObject *kwnames) {
    static const char *const kw[] = {"path", "optimization"};
    static const PithArgSpec as = {"cache_from_source", kw, 2, 0, 1, 2};
    PithObject *v[2];
    int opt;
    if (pith_arg_parse(&as, args, nargs, kwnames, v) < 0 || need_str(v[0], "path") < 0 ||
        opt_level(v[1], &opt) < 0)
        return NULL;
    PithObject *r = pith_pyc_cache_path_opt(v[0], opt);
    if (r == PITH_NONE) {
        PITH_DECREF(r);
        return pith_err_format(&pith_exc_NotImplementedError,
                               "sys.implementation.cache_tag is None");
    }
    return r;
}

/* source_from_cache(path): DIR/__pycache__/NAME.TAG[.opt-N].pyc -> DIR/NAME.py */
static PithObject *m_source_from_cache(PithObject *self, PithObject *const *args, size_t nargs,
                                       PithObject *kwnames) {
    if (pith_arg_check_range("source_from_cache", nargs, 1, 1) < 0 || need_str(args[0], "path") < 0)
        return NULL;
    PithObject *p = args[0];
    intptr_t n = PITH_STR_LEN(p), slash = n;
    while (slash > 0 && pith_str_read((PithStr *)p, slash - 1) != '/') slash--;
    PithObject *dir = pith_str_substring(p, 0, slash), *file = pith_str_substring(p, slash, n);
    PithObject *r = NULL;
    const char *d = dir ? pith_str_utf8(dir) : NULL, *f = file ? pith_str_utf8(file) : NULL;
    size_t dl = d ? strlen(d) : 0;
    if (d && f) {
        const char *dot = strchr(f, '.');
        if (dl < 12 || strcmp(d + dl - 12, "__pycache__/") != 0)
            pith_err_format(&pith_exc_ValueError, "__pycache__ not bottom-level directory in %R", p);
        else if (!dot || strlen(dot) < 5 || strcmp(dot + strlen(dot) - 4, ".pyc") != 0)
            pith_err_format(&pith_exc_ValueError, "expected only 2 or 3 dots in %R", file);
        else {
            PithObject *head = pith_str_from_utf8(d, (intptr_t)(dl - 12));
            PithObject *stem = pith_str_from_utf8(f, dot - f);
            r = head && stem ? pith_str_from_format("%U%U.py", head, stem) : NULL;
            PITH_XDECREF(head);
            PITH_XDECREF(stem);
        }
    }
    PITH_XDECREF(dir);
    PITH_XDECREF(file);
    return r;
}

/* compile_file(path, cfile, dfile=None, optimize=-1): write the cache. */
static PithObject *m_compile_file(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    static const char *const kw[] = {"path", "cfile", "dfile", "optimize"};
    static const PithArgSpec as = {"compile_file", kw, 4, 0, 2, 4};
    PithObject *v[4];
    if (pith_arg_parse(&as, args, nargs, kwnames, v) < 0 || need_str(v[0], "path") < 0 ||
        need_str(v[1], "cfile") < 0)
        return NULL;
    PithObject *dfile = v[2] && v[2] != PITH_NONE ? v[2] : NULL;
    if (dfile && need_str(dfile, "dfile") < 0) return NULL;
    int64_t opt = v[3] ? pith_int_as_i64(v[3]) : -1;
    if (opt == -1 && pith_err_occurred()) return NULL;
    if (opt > 2) opt = 2;
    if (pith_pyc_compile_file(v[0], v[1], dfile, (int)opt) < 0) return NULL;
    return PITH_NEWREF(PITH_NONE);
}

/* is_current(source, cfile): cfile is a valid cache header for source. */
static PithObject *m_is_current(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    if (pith_arg_check_range("is_current", nargs, 2, 2) < 0 || need_str(args[0], "source") < 0 ||
        need_str(args[1], "cfile") < 0)
        return NULL;
    int r = pith_pyc_is_current(args[0], args[1]);
    return r < 0 ? NULL : PITH_NEWREF(pith_bool_from(r));
}

/* import_module(name): import absolute name; the module itself. */
static PithObject *m_import_module(PithObject *self, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    if (need_str(args[0], "module name") < 0) return NULL;
    return pith_import_module(args[0]);
}

/* stats() -> (modules compiled from source, modules loaded from a cache) */
static PithObject *m_stats(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    PithObject *a = pith_int_from_i64(pith_pyc_compiled), *b = pith_int_from_i64(pith_pyc_loaded);
    PithObject *t = a && b ? pith_tuple_pack(2, a, b) : NULL;
    PITH_XDECREF(a);
    PITH_XDECREF(b);
    return t;
}

/* is_builtin(name) -> bool */
static PithObject *m_is_builtin(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    if (need_str(args[0], "name") < 0) return NULL;
    for (const PithBuiltinModule *b = pith_builtin_modules; b->name; b++)
        if (pith_str_eq_cstr(args[0], b->name)) return PITH_NEWREF(PITH_TRUE);
    return PITH_NEWREF(PITH_FALSE);
}

static PithMethodDef imp_methods[] = {
    {"find_spec", m_find_spec, PITH_METH_KW, NULL},
    {"cache_from_source", m_cache_from_source, PITH_METH_KW, NULL},
    {"source_from_cache", m_source_from_cache, PITH_METH_FAST, NULL},
    {"compile_file", m_compile_file, PITH_METH_KW, NULL},
    {"is_current", m_is_current, PITH_METH_FAST, NULL},
    {"import_module", m_import_module, PITH_METH_O, NULL},
    {"stats", m_stats, PITH_METH_NOARGS, NULL},
    {"is_builtin", m_is_builtin, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_imp_module_init(void) {
    if (pith_import_types_ready() < 0) return NULL;
    PithObject *m = pith_module_new("_pith_import");
    if (!m) return NULL;
    unsigned char magic[4];
    for (int i = 0; i < 4; i++) magic[i] = (unsigned char)(PITH_PYC_MAGIC >> (8 * i));
    static const char *const names[] = {"ModuleSpec", "SourceFileLoader", "_NamespaceLoader",
                                        "BuiltinImporter", "PathFinder"};
    PithType *types[] = {&pith_modulespec_type, &pith_sourceloader_type, &pith_nsloader_type,
                         &pith_builtinimporter_type, &pith_pathfinder_type};
    int r = pith_module_add_functions(m, imp_methods);
    for (int i = 0; i < 5 && r == 0; i++)
        r = pith_module_add_object(m, names[i], PITH_NEWREF((PithObject *)types[i]));
    if (r == 0) r = pith_module_add_object(m, "MAGIC_NUMBER", pith_bytes_from(magic, 4));
    if (r < 0) PITH_CLEAR(m);
    return m;
}
