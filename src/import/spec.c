/* spec.c — the objects the import system hands out, shaped like CPython's
 * importlib ones: ModuleSpec (name, loader, origin, loader_state,
 * submodule_search_locations, cached, parent, has_location), the loaders
 * SourceFileLoader (name, path; get_filename/get_data/get_source/
 * is_package/get_code/create_module/exec_module), _NamespaceLoader and
 * BuiltinImporter (used as a class, as in CPython).
 *
 * All are subtypes of types.SimpleNamespace, so their fields are plain
 * instance attributes that importlib code (lib/importlib) and programs may
 * set. Their type names carry CPython's module names (_frozen_importlib,
 * _frozen_importlib_external) so type(spec) prints as it does there. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "pith/pith.h"
#include "pith/import.h"

#define LOADER_FILE "_frozen_importlib_external"

/* A fresh instance of t with an empty __dict__ (namespace construction). */
static PithObject *alloc_obj(PithType *t) {
    return pith_namespace_type.tp_new(t, NULL, 0, NULL);
}

static int set_fields(PithObject *o, const char *const *keys, PithObject *const *vals, int n) {
    for (int i = 0; i < n; i++)
        if (!vals[i] || pith_setattr_str(o, keys[i], vals[i]) < 0) return -1;
    return 0;
}

/* "<TYPE object at 0x...>" (the namespace base's repr is not wanted). */
static PithObject *plain_repr(PithObject *self) {
    return pith_str_from_format("<%s object at %p>", PITH_TYPE(self)->tp_name, (void *)self);
}

/* ---- ModuleSpec ---------------------------------------------------------- */

PithObject *pith_spec_new(PithObject *name, PithObject *loader, PithObject *origin,
                          PithObject *locations, PithObject *cached, bool has_location) {
    if (pith_import_types_ready() < 0) return NULL;
    PithObject *spec = alloc_obj(&pith_modulespec_type);
    PithObject *parent = NULL;
    if (spec && locations != PITH_NONE) {
        parent = PITH_NEWREF(name);
    } else if (spec) {
        intptr_t n = PITH_STR_LEN(name);
        while (n > 0 && pith_str_read((PithStr *)name, n - 1) != '.') n--;
        parent = pith_str_substring(name, 0, n > 0 ? n - 1 : 0);
    }
    static const char *const keys[] = {"name", "loader", "origin", "loader_state",
                                       "submodule_search_locations", "cached", "parent",
                                       "has_location"};
    PithObject *vals[] = {name, loader, origin, PITH_NONE, locations, cached, parent,
                          pith_bool_from(has_location)};
    if (spec && set_fields(spec, keys, vals, 8) < 0) PITH_CLEAR(spec);
    PITH_XDECREF(parent);
    return spec;
}

/* ModuleSpec(name, loader, *, origin=None, loader_state=None, is_package=None) */
static PithObject *spec_tp_new(PithType *t, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    static const char *const kw[] = {"name", "loader", "origin", "loader_state", "is_package"};
    static const PithArgSpec as = {"ModuleSpec", kw, 5, 0, 2, 2};
    PithObject *v[5];
    if (pith_arg_parse(&as, args, nargs, kwnames, v) < 0) return NULL;
    int pkg = v[4] ? pith_is_true(v[4]) : 0;
    if (pkg < 0) return NULL;
    PithObject *locs = pkg ? pith_list_new(0) : PITH_NEWREF(PITH_NONE);
    PithObject *spec = locs ? pith_spec_new(v[0], v[1], v[2] ? v[2] : PITH_NONE, locs,
                                            PITH_NONE, false)
                            : NULL;
    PITH_XDECREF(locs);
    if (spec && t != &pith_modulespec_type) { /* a subclass: rebuild as t */
        PithObject *o = alloc_obj(t);
        PithObject *d = o ? pith_getattr_str(spec, "__dict__") : NULL;
        PithObject *od = o ? pith_getattr_str(o, "__dict__") : NULL;
        if (!d || !od || pith_dict_update(od, d) < 0) PITH_CLEAR(o);
        PITH_XDECREF(d);
        PITH_XDECREF(od);
        PITH_SETREF(spec, o);
    }
    if (spec && v[3] && pith_setattr_str(spec, "loader_state", v[3]) < 0) PITH_CLEAR(spec);
    return spec;
}

/* Attribute or NULL when absent (errors cleared: repr/eq are best effort). */
static PithObject *field(PithObject *o, const char *name) {
    PithObject *v = NULL;
    PithObject *n = pith_str_from_cstr(name);
    if (!n || pith_lookup_attr(o, n, &v) < 0) pith_err_clear();
    PITH_XDECREF(n);
    return v;
}

static PithObject *spec_repr(PithObject *self) {
    PithObject *name = field(self, "name"), *loader = field(self, "loader");
    PithObject *origin = field(self, "origin"), *locs = field(self, "submodule_search_locations");
    PithObject *r = pith_str_from_format("ModuleSpec(name=%R, loader=%R", name ? name : PITH_NONE,
                                         loader ? loader : PITH_NONE);
    if (r && origin && origin != PITH_NONE) {
        PithObject *more = pith_str_from_format("%U, origin=%R", r, origin);
        PITH_SETREF(r, more);
    }
    if (r && locs && locs != PITH_NONE) {
        PithObject *more = pith_str_from_format("%U, submodule_search_locations=%R", r, locs);
        PITH_SETREF(r, more);
    }
    if (r) {
        PithObject *more = pith_str_from_format("%U)", r);
        PITH_SETREF(r, more);
    }
    PITH_XDECREF(name);
    PITH_XDECREF(loader);
    PITH_XDECREF(origin);
    PITH_XDECREF(locs);
    return r;
}

/* Equal when name, loader, origin, cached, has_location and the search
 * locations are (CPython's ModuleSpec.__eq__). */
static PithObject *spec_richcompare(PithObject *a, PithObject *b, int op) {
    if ((op != PITH_EQ && op != PITH_NE) || !pith_type_ok(b, &pith_modulespec_type))
        PITH_RETURN_NOTIMPL;
    static const char *const keys[] = {"submodule_search_locations", "name", "loader", "origin",
                                       "cached", "has_location"};
    int eq = 1;
    for (int i = 0; i < 6 && eq == 1; i++) {
        PithObject *x = field(a, keys[i]), *y = field(b, keys[i]);
        eq = (x && y) ? pith_richcompare_bool(x, y, PITH_EQ) : x == y;
        PITH_XDECREF(x);
        PITH_XDECREF(y);
    }
    if (eq < 0) return NULL;
    return PITH_NEWREF(pith_bool_from((eq == 1) == (op == PITH_EQ)));
}

PithType pith_modulespec_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_frozen_importlib.ModuleSpec",
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,
    .tp_base = &pith_namespace_type,
    .tp_repr = spec_repr,
    .tp_richcompare = spec_richcompare,
    .tp_new = spec_tp_new,
};

/* ---- SourceFileLoader ------------------------------------------------------ */

PithObject *pith_loader_new(PithType *t, PithObject *name, PithObject *path) {
    if (pith_import_types_ready() < 0) return NULL;
    PithObject *o = alloc_obj(t);
    static const char *const keys[] = {"name", "path"};
    PithObject *vals[] = {name, path};
    if (o && set_fields(o, keys, vals, t == &pith_nsloader_type ? 0 : 2) < 0) PITH_CLEAR(o);
    return o;
}

static PithObject *loader_tp_new(PithType *t, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    static const char *const kw[] = {"fullname", "path"};
    static const PithArgSpec as = {"SourceFileLoader", kw, 2, 0, 2, 2};
    PithObject *v[2];
    if (pith_arg_parse(&as, args, nargs, kwnames, v) < 0) return NULL;
    return pith_loader_new(t, v[0], v[1]);
}

/* self.path as a str (TypeError otherwise). */
static PithObject *loader_path(PithObject *self) {
    PithObject *p = pith_getattr_str(self, "path");
    if (p && !pith_str_check(p)) {
        PITH_DECREF(p);
        return pith_err_format(&pith_exc_TypeError, "loader path must be str");
    }
    return p;
}

/* Raise ImportError(msg, name=name) unless name is None/absent or self.name. */
static int check_name(PithObject *self, PithObject *const *args, size_t nargs) {
    if (nargs == 0 || args[0] == PITH_NONE) return 0;
    PithObject *mine = pith_getattr_str(self, "name");
    int same = mine ? pith_richcompare_bool(mine, args[0], PITH_EQ) : -1;
    if (same == 0)
        pith_err_format(&pith_exc_ImportError, "loader for %U cannot handle %U", mine, args[0]);
    PITH_XDECREF(mine);
    return same > 0 ? 0 : -1;
}

static PithObject *ld_get_filename(PithObject *self, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    if (pith_arg_check_range("get_filename", nargs, 0, 1) < 0 || check_name(self, args, nargs) < 0)
        return NULL;
    return loader_path(self);
}

/* The bytes of a file (OSError with the path on failure). */
static PithObject *file_bytes(PithObject *path) {
    const char *p = pith_str_utf8(path);
    if (!p) return NULL;
    int fd = open(p, O_RDONLY);
    if (fd < 0) return pith_err_from_errno_filename(&pith_exc_OSError, path);
    PithObject *r = pith_bytes_from(NULL, 0);
    char buf[65536];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            PITH_CLEAR(r);
            pith_err_from_errno_filename(&pith_exc_OSError, path);
        }
        if (n <= 0 || !r) break;
        PithObject *chunk = pith_bytes_from(buf, n);
        PithObject *cat = chunk ? pith_number_add(r, chunk) : NULL;
        PITH_XDECREF(chunk);
        PITH_SETREF(r, cat);
    }
    close(fd);
    return r;
}

static PithObject *ld_get_data(PithObject *self, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *arg = args[0];
    (void)arg;
    if (!pith_str_check(arg))
        return pith_err_format(&pith_exc_TypeError, "expected str, not %s", pith_type_name(arg));
    return file_bytes(arg);
}

static PithObject *ld_get_source(PithObject *self, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *arg = args[0];
    (void)arg;
    PithObject *path = loader_path(self);
    PithObject *data = path ? file_bytes(path) : NULL;
    PITH_XDECREF(path);
    if (!data) return NULL;
    PithObject *s = pith_str_from_utf8(PITH_BYTES_DATA(data), PITH_BYTES_SIZE(data));
    PITH_DECREF(data);
    return s;
}

/* A file loader's module is a package when the file is __init__.*. */
static PithObject *ld_is_package(PithObject *self, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *arg = args[0];
    (void)arg;
    PithObject *path = loader_path(self);
    if (!path) return NULL;
    const char *p = pith_str_utf8(path);
    const char *base = p ? strrchr(p, '/') : NULL;
    base = base ? base + 1 : p;
    bool pkg = base && strncmp(base, "__init__.", 9) == 0;
    PITH_DECREF(path);
    return p ? PITH_NEWREF(pith_bool_from(pkg)) : NULL;
}

static PithObject *ld_get_code(PithObject *self, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *arg = args[0];
    (void)arg;
    PithObject *path = loader_path(self);
    PithObject *co = path ? (PithObject *)pith_pyc_source_to_code(path) : NULL;
    PITH_XDECREF(path);
    return co;
}

static PithObject *ld_create_module(PithObject *self, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *arg = args[0];
    (void)arg;
    return PITH_NEWREF(PITH_NONE);
}

static PithObject *ld_exec_module(PithObject *self, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *mod = args[0];
    (void)mod;
    PithObject *path = loader_path(self);
    int r = path ? pith_import_exec_file(mod, path) : -1;
    PITH_XDECREF(path);
    return r < 0 ? NULL : PITH_NEWREF(PITH_NONE);
}

/* load_module(name): the deprecated one-step API, via importing name. */
static PithObject *ld_load_module(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    if (pith_arg_check_range("load_module", nargs, 0, 1) < 0 || check_name(self, args, nargs) < 0)
        return NULL;
    PithObject *name = pith_getattr_str(self, "name");
    PithObject *m = name ? pith_import_module(name) : NULL;
    PITH_XDECREF(name);
    return m;
}

static PithMethodDef loader_methods[] = {
    {"get_filename", ld_get_filename, PITH_METH_FAST, NULL},
    {"get_data", ld_get_data, PITH_METH_O, NULL},
    {"get_source", ld_get_source, PITH_METH_O, NULL},
    {"is_package", ld_is_package, PITH_METH_O, NULL},
    {"get_code", ld_get_code, PITH_METH_O, NULL},
    {"create_module", ld_create_module, PITH_METH_O, NULL},
    {"exec_module", ld_exec_module, PITH_METH_O, NULL},
    {"load_module", ld_load_module, PITH_METH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_sourceloader_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = LOADER_FILE ".SourceFileLoader",
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,
    .tp_base = &pith_namespace_type,
    .tp_repr = plain_repr,
    .tp_methods = loader_methods,
    .tp_new = loader_tp_new,
};

/* ---- _NamespaceLoader ---------------------------------------------------------- */

static PithObject *ns_is_package(PithObject *self, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *arg = args[0];
    (void)arg;
    return PITH_NEWREF(PITH_TRUE);
}

static PithObject *ns_get_source(PithObject *self, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *arg = args[0];
    (void)arg;
    return pith_str_from_cstr("");
}

static PithObject *ns_exec_module(PithObject *self, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *mod = args[0];
    (void)mod;
    return PITH_NEWREF(PITH_NONE);
}

static PithMethodDef nsloader_methods[] = {
    {"is_package", ns_is_package, PITH_METH_O, NULL},
    {"get_source", ns_get_source, PITH_METH_O, NULL},
    {"create_module", ld_create_module, PITH_METH_O, NULL},
    {"exec_module", ns_exec_module, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_nsloader_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = LOADER_FILE "._NamespaceLoader",
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_base = &pith_namespace_type,
    .tp_repr = plain_repr,
    .tp_methods = nsloader_methods,
};

/* ---- BuiltinImporter (used as the class itself, with classmethods) -------------- */

static PithObject *bi_create_module(PithObject *cls, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *spec = args[0];
    (void)spec;
    PithObject *name = pith_getattr_str(spec, "name");
    if (!name) return NULL;
    PithObject *m = pith_str_check(name) ? pith_import_builtin_module(name) : NULL;
    if (!m && !pith_err_occurred())
        pith_err_format(&pith_exc_ImportError, "%R is not a built-in module", name);
    PITH_DECREF(name);
    return m;
}

static PithObject *bi_exec_module(PithObject *cls, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *mod = args[0];
    (void)mod;
    return PITH_NEWREF(PITH_NONE);
}

static PithObject *bi_is_package(PithObject *cls, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *name = args[0];
    (void)name;
    return PITH_NEWREF(PITH_FALSE);
}

static PithObject *bi_get_code(PithObject *cls, PithObject *const *args, size_t nargs,
        PithObject *kwnames) {
    PithObject *name = args[0];
    (void)name;
    return PITH_NEWREF(PITH_NONE);
}

/* find_spec(fullname, path=None, target=None): the finders' signature. */
static int finder_args(const char *fname, PithObject *const *args, size_t nargs,
                       PithObject *kwnames, PithObject **name, PithObject **path) {
    static const char *const kw[] = {"fullname", "path", "target"};
    PithArgSpec as = {fname, kw, 3, 0, 1, 3};
    PithObject *v[3];
    if (pith_arg_parse(&as, args, nargs, kwnames, v) < 0) return -1;
    if (!pith_str_check(v[0])) {
        pith_err_format(&pith_exc_TypeError, "module name must be str, not %s", pith_type_name(v[0]));
        return -1;
    }
    *name = v[0];
    *path = v[1] ? v[1] : PITH_NONE;
    return 0;
}

static PithObject *bi_find_spec(PithObject *cls, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    PithObject *name, *path;
    if (finder_args("find_spec", args, nargs, kwnames, &name, &path) < 0) return NULL;
    for (const PithBuiltinModule *b = pith_builtin_modules; path == PITH_NONE && b->name; b++)
        if (pith_str_eq_cstr(name, b->name)) return pith_import_find_spec(name, PITH_NONE);
    return PITH_NEWREF(PITH_NONE);
}

static PithMethodDef builtin_methods[] = {
    {"find_spec", bi_find_spec, PITH_METH_KW | PITH_METH_CLASS, NULL},
    {"create_module", bi_create_module, PITH_METH_O | PITH_METH_CLASS, NULL},
    {"exec_module", bi_exec_module, PITH_METH_O | PITH_METH_CLASS, NULL},
    {"is_package", bi_is_package, PITH_METH_O | PITH_METH_CLASS, NULL},
    {"get_code", bi_get_code, PITH_METH_O | PITH_METH_CLASS, NULL},
    {"get_source", bi_get_code, PITH_METH_O | PITH_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_builtinimporter_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_frozen_importlib.BuiltinImporter",
    .tp_basicsize = sizeof(PithObject),
    .tp_methods = builtin_methods,
};

/* ---- PathFinder: the sys.path search as a meta path finder ----------------------- */

static PithObject *pf_find_spec(PithObject *cls, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    PithObject *name, *path;
    if (finder_args("find_spec", args, nargs, kwnames, &name, &path) < 0) return NULL;
    PithObject *src = path == PITH_NONE ? pith_dict_get_item_str(pith_interp.sysdict, "path") : path;
    if (!src) return pith_err_format(&pith_exc_ImportError, "sys.path is lost");
    PithObject *list = pith_sequence_list(src);
    if (!list) return NULL;
    /* an explicit path list skips builtins, as CPython's PathFinder does */
    PithObject *r = pith_import_find_spec_on_path(name, list);
    PITH_DECREF(list);
    return r;
}

static PithObject *pf_invalidate_caches(PithObject *cls, PithObject *const *args, size_t nargs,
                                        PithObject *kwnames) {
    return PITH_NEWREF(PITH_NONE);
}

static PithMethodDef pathfinder_methods[] = {
    {"find_spec", pf_find_spec, PITH_METH_KW | PITH_METH_CLASS, NULL},
    {"invalidate_caches", pf_invalidate_caches, PITH_METH_NOARGS | PITH_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_pathfinder_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = LOADER_FILE ".PathFinder",
    .tp_basicsize = sizeof(PithObject),
    .tp_methods = pathfinder_methods,
};

int pith_import_types_ready(void) {
    static bool done;
    if (done) return 0;
    PithType *types[] = {&pith_namespace_type, &pith_modulespec_type, &pith_sourceloader_type,
                         &pith_nsloader_type, &pith_builtinimporter_type, &pith_pathfinder_type};
    for (int i = 0; i < 6; i++)
        if (pith_type_ready(types[i]) < 0) return -1;
    done = true;
    return 0;
}
