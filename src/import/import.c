/* import.c — the import system: __import__ semantics (relative names,
 * fromlist), finding modules (builtin C modules, then sys.path / a
 * package's __path__: NAME/__init__.py, NAME.py, namespace directories),
 * creating and executing module objects, and `-m` support.
 *
 * Invariants: sys.modules holds a module while its code runs (so circular
 * imports see it partially initialised, with __spec__._initializing True);
 * a module whose code fails is removed from sys.modules again. A spec is a
 * namespace object with name, origin, parent, submodule_search_locations,
 * cached, loader, has_location (importlib.machinery.ModuleSpec's fields). */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pith/pith.h"
#include "pith/import.h"
#include "pith/run.h"

/* ---- small helpers ------------------------------------------------------ */

static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* ModuleNotFoundError(msg, name=name). */
static PithObject *not_found(PithObject *name, PithObject *msg) {
    if (!msg) return NULL;
    PithObject *t = pith_tuple_pack(1, msg);
    PithObject *exc = t ? pith_exc_new(&pith_exc_ModuleNotFoundError, t) : NULL;
    PITH_DECREF(msg);
    PITH_XDECREF(t);
    if (exc && pith_setattr_str(exc, "name", name) == 0) pith_err_raise(exc);
    PITH_XDECREF(exc);
    return NULL;
}

static bool has_dot(PithObject *name) {
    for (intptr_t i = 0; i < PITH_STR_LEN(name); i++)
        if (pith_str_read((PithStr *)name, i) == '.') return true;
    return false;
}

/* pith_lookup_attr with a C name: 1 found (*out new ref), 0 absent, -1 error. */
static int lookup_str(PithObject *o, const char *name, PithObject **out) {
    PithObject *n = pith_str_from_cstr(name);
    int r = n ? pith_lookup_attr(o, n, out) : -1;
    PITH_XDECREF(n);
    return r;
}

/* Absolute directory for a sys.path entry ('' and relative ones from cwd). */
static PithObject *abs_entry(PithObject *entry) {
    const char *e = pith_str_utf8(entry);
    if (!e) return NULL;
    if (e[0] == '/') return PITH_NEWREF(entry);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) return NULL;
    return e[0] ? pith_str_from_format("%s/%s", cwd, e) : pith_str_from_cstr(cwd);
}

/* ---- specs -------------------------------------------------------------- */

typedef struct Found {
    PithObject *origin;    /* str path of the file, or NULL (namespace) */
    PithObject *locations; /* list of dirs for a package, else NULL */
} Found;

static void found_clear(Found *f) {
    PITH_CLEAR(f->origin);
    PITH_CLEAR(f->locations);
}

/* Look for `leaf` in one directory. Returns 1 found (module or regular
 * package), 0 not found (a namespace portion is appended to *ns), -1 error. */
static int find_in_dir(PithObject *dir, PithObject *leaf, Found *f, PithObject **ns) {
    PithObject *pkg = pith_str_from_format("%U/%U", dir, leaf);
    if (!pkg) return -1;
    const char *p = pith_str_utf8(pkg);
    int r = 0;
    if (p && is_dir(p)) {
        PithObject *init = pith_str_from_format("%U/__init__.py", pkg);
        if (init && is_file(pith_str_utf8(init))) {
            f->origin = init;
            f->locations = pith_list_new(0);
            r = f->locations && pith_list_append(f->locations, pkg) == 0 ? 1 : -1;
        } else {
            PITH_XDECREF(init);
            if (!*ns) *ns = pith_list_new(0);
            r = *ns && pith_list_append(*ns, pkg) == 0 ? 0 : -1;
        }
    }
    PITH_DECREF(pkg);
    if (r != 0) return r;
    PithObject *py = pith_str_from_format("%U/%U.py", dir, leaf);
    if (!py) return -1;
    if (is_file(pith_str_utf8(py))) {
        f->origin = py;
        return 1;
    }
    PITH_DECREF(py);
    return 0;
}

/* Search the directories of `path` (a list of str). Returns 1 found
 * (f->locations set for packages, f->origin NULL for a namespace
 * package), 0 not found, -1 error. */
static int find_on_path(PithObject *path, PithObject *leaf, Found *f) {
    PithObject *ns = NULL;
    PithObject *seq = pith_sequence_list(path);
    int r = seq ? 0 : -1;
    for (intptr_t i = 0; seq && r == 0 && i < PITH_SIZE(seq); i++) {
        PithObject *e = PITH_LIST_GET(seq, i);
        if (!pith_str_check(e)) continue;
        PithObject *dir = abs_entry(e);
        if (!dir) {
            pith_err_clear();
            continue;
        }
        r = find_in_dir(dir, leaf, f, &ns);
        PITH_DECREF(dir);
    }
    PITH_XDECREF(seq);
    if (r == 0 && ns) {
        f->locations = ns;
        return 1;
    }
    PITH_XDECREF(ns);
    return r;
}

/* parent of a dotted name: 'a.b' for 'a.b.c', '' for a top-level name. */
static PithObject *parent_name(PithObject *name) {
    intptr_t n = PITH_STR_LEN(name);
    while (n > 0 && pith_str_read((PithStr *)name, n - 1) != '.') n--;
    return pith_str_substring(name, 0, n > 0 ? n - 1 : 0);
}

/* The ModuleSpec for a found module: a SourceFileLoader for files, a
 * _NamespaceLoader for namespace packages. */
static PithObject *make_spec(PithObject *name, Found *f) {
    PithObject *origin = f->origin ? f->origin : PITH_NONE;
    PithObject *cached = f->origin ? pith_pyc_cache_path(f->origin) : PITH_NEWREF(PITH_NONE);
    PithObject *loader = pith_loader_new(f->origin ? &pith_sourceloader_type : &pith_nsloader_type,
                                         name, origin);
    PithObject *spec = cached && loader
                           ? pith_spec_new(name, loader, origin,
                                           f->locations ? f->locations : PITH_NONE, cached,
                                           f->origin != NULL)
                           : NULL;
    PITH_XDECREF(loader);
    PITH_XDECREF(cached);
    return spec;
}

/* ---- module creation and execution ---------------------------------------- */

static PithObject *spec_attr(PithObject *spec, const char *name) {
    return pith_getattr_str(spec, name);
}

/* Fill a module's dict from its spec (CPython's _init_module_attrs). */
static int init_module_attrs(PithObject *d, PithObject *spec) {
    static const char *const keys[] = {"__spec__", "__loader__", "__package__", "__path__",
                                       "__file__", "__cached__"};
    static const char *const attrs[] = {NULL, "loader", "parent", "submodule_search_locations",
                                        "origin", "cached"};
    int r = 0;
    bool has_location = false;
    for (int i = 0; i < 6 && r == 0; i++) {
        PithObject *v = attrs[i] ? spec_attr(spec, attrs[i]) : PITH_NEWREF(spec);
        if (!v) return -1;
        if (i == 4) has_location = v != PITH_NONE;
        /* no __path__ for modules; a namespace package has __file__ None
         * and no __cached__ */
        bool skip = v == PITH_NONE && (i == 3 || (i == 5 && !has_location));
        if (!skip) r = pith_dict_set_item_str(d, keys[i], v);
        PITH_DECREF(v);
    }
    return r;
}

static int set_initializing(PithObject *spec, bool on) {
    return pith_setattr_str(spec, "_initializing", pith_bool_from(on));
}

int pith_import_exec_file(PithObject *mod, PithObject *path) {
    PithObject *d = pith_module_check(mod) ? pith_module_get_dict(mod) : NULL;
    if (!d) {
        PithObject *dd = pith_getattr_str(mod, "__dict__");
        if (!dd) return -1;
        d = dd;
        PITH_DECREF(dd); /* the module keeps its dict alive */
    }
    if (!pith_dict_check(d)) {
        pith_err_set_string(&pith_exc_TypeError, "module __dict__ must be a dict");
        return -1;
    }
    PithCode *co = pith_pyc_source_to_code(path);
    int r = -1;
    if (co && pith_dict_set_item_str(d, "__builtins__", pith_interp.builtins) == 0) {
        PithObject *res = pith_eval_code(co, d, d);
        r = res ? 0 : -1;
        PITH_XDECREF(res);
    }
    PITH_XDECREF(co);
    return r;
}

/* Run the module's code: directly for pith's own loaders, else through
 * spec.loader.exec_module (loaders from sys.meta_path finders). */
static int exec_module(PithObject *mod, PithObject *spec) {
    PithObject *loader = spec_attr(spec, "loader");
    if (!loader) return -1;
    int r = 0;
    if (PITH_TYPE(loader) == &pith_sourceloader_type) {
        PithObject *origin = spec_attr(spec, "origin");
        r = origin && pith_str_check(origin) ? pith_import_exec_file(mod, origin) : -1;
        if (origin && !pith_str_check(origin))
            pith_err_set_string(&pith_exc_ImportError, "spec.origin must be a str");
        PITH_XDECREF(origin);
    } else if (loader != PITH_NONE && PITH_TYPE(loader) != &pith_nsloader_type) {
        PithObject *res = pith_call_method(loader, "exec_module", &mod, 1);
        r = res ? 0 : -1;
        PITH_XDECREF(res);
    }
    PITH_DECREF(loader);
    return r;
}

/* Create, register and execute the module for spec; returns
 * sys.modules[name] afterwards (the module may have replaced itself). */
static PithObject *load_module(PithObject *name, PithObject *spec) {
    PithObject *ldr = spec_attr(spec, "loader");
    if (!ldr) return NULL;
    PITH_DECREF(ldr); /* only compared by identity */
    if (ldr == (PithObject *)&pith_builtinimporter_type) { /* a C module */
        PithObject *mod = pith_import_builtin_module(name);
        if (!mod && !pith_err_occurred())
            pith_err_format(&pith_exc_ImportError, "%R is not a built-in module", name);
        if (mod && pith_import_set_builtin_attrs(mod, name) < 0) PITH_CLEAR(mod);
        return mod;
    }
    PithObject *mod = NULL;
    if (PITH_TYPE(ldr) != &pith_sourceloader_type && PITH_TYPE(ldr) != &pith_nsloader_type &&
        ldr != PITH_NONE && lookup_str(ldr, "create_module", &mod) > 0) { /* a finder's loader */
        PithObject *made = pith_call(mod, &spec, 1, NULL);
        PITH_SETREF(mod, made);
        if (mod == PITH_NONE) PITH_CLEAR(mod);
        else if (mod && !pith_module_check(mod)) {
            PITH_CLEAR(mod);
            pith_err_set_string(&pith_exc_TypeError, "create_module() must return a module or None");
        }
    }
    if (pith_err_occurred()) return NULL;
    const char *n = mod ? NULL : pith_str_utf8(name);
    if (!mod) mod = n ? pith_module_new(n) : NULL;
    if (!mod) return NULL;
    if (init_module_attrs(pith_module_get_dict(mod), spec) < 0 ||
        pith_dict_set_item(pith_interp.modules, name, mod) < 0 || set_initializing(spec, true) < 0) {
        PITH_DECREF(mod);
        return NULL;
    }
    int r = exec_module(mod, spec);
    PITH_DECREF(mod);
    PithObject *exc = r < 0 ? pith_err_fetch() : NULL; /* no API calls with an error set */
    if (set_initializing(spec, false) < 0) {
        r = -1;
        if (exc) pith_err_clear();
        else exc = pith_err_fetch();
    }
    if (r < 0) {
        if (pith_dict_get_item(pith_interp.modules, name) && pith_dict_del_item(pith_interp.modules, name) < 0)
            pith_err_clear();
        pith_err_restore(exc);
        return NULL;
    }
    mod = pith_dict_get_item(pith_interp.modules, name);
    if (!mod && !pith_err_occurred())
        pith_err_format(&pith_exc_KeyError, "%R", name);
    return mod ? PITH_NEWREF(mod) : NULL;
}

/* ---- finding ------------------------------------------------------------------ */

/* The __path__ of the parent package (new ref), importing it first;
 * NULL + ModuleNotFoundError when the parent is not a package. */
static PithObject *parent_path(PithObject *name, PithObject *parent, PithObject **parent_mod) {
    *parent_mod = pith_import_module(parent);
    if (!*parent_mod) return NULL;
    PithObject *path = NULL;
    if (lookup_str(*parent_mod, "__path__", &path) < 0) return NULL;
    if (!path)
        return not_found(name, pith_str_from_format("No module named %R; %R is not a package",
                                                    name, parent));
    return path;
}

/* A spec for a builtin (C) module, as CPython's BuiltinImporter gives. */
static PithObject *builtin_spec(PithObject *name) {
    PithObject *origin = pith_import_types_ready() == 0 ? pith_str_from_cstr("built-in") : NULL;
    PithObject *spec = origin ? pith_spec_new(name, (PithObject *)&pith_builtinimporter_type,
                                              origin, PITH_NONE, PITH_NONE, false)
                              : NULL;
    PITH_XDECREF(origin);
    return spec;
}

static bool is_builtin_name(PithObject *name) {
    for (const PithBuiltinModule *b = pith_builtin_modules; b->name; b++)
        if (pith_str_eq_cstr(name, b->name)) return true;
    return false;
}

/* Search the directories of path (None: sys.path) for name's last part:
 * a spec, None when absent, NULL on error (CPython's PathFinder). */
static PithObject *path_search(PithObject *name, PithObject *path) {
    PithObject *parent = parent_name(name);
    PithObject *leaf = parent ? pith_str_substring(name, PITH_STR_LEN(parent) ? PITH_STR_LEN(parent) + 1 : 0,
                                                   PITH_STR_LEN(name))
                              : NULL;
    PithObject *dirs = path != PITH_NONE ? path : pith_dict_get_item_str(pith_interp.sysdict, "path");
    if (!dirs && !pith_err_occurred()) pith_err_set_string(&pith_exc_ImportError, "sys.path is lost");
    Found f = {NULL, NULL};
    int r = leaf && dirs ? find_on_path(dirs, leaf, &f) : -1;
    PithObject *spec = r == 1 ? make_spec(name, &f) : r == 0 ? PITH_NEWREF(PITH_NONE) : NULL;
    found_clear(&f);
    PITH_XDECREF(parent);
    PITH_XDECREF(leaf);
    return spec;
}

/* The builtin module's spec when name is one and path is None, else None. */
static PithObject *builtin_search(PithObject *name, PithObject *path) {
    return path == PITH_NONE && is_builtin_name(name) ? builtin_spec(name) : PITH_NEWREF(PITH_NONE);
}

/* Ask each finder on sys.meta_path in turn (pith's BuiltinImporter and
 * PathFinder classes there stand for the native searches); without a
 * usable sys.meta_path, builtins then the path. A spec, None, or NULL. */
static PithObject *search_spec(PithObject *name, PithObject *path) {
    PithObject *mp = pith_dict_get_item_str(pith_interp.sysdict, "meta_path");
    if (!mp || !pith_list_check(mp) || PITH_SIZE(mp) == 0) {
        PithObject *spec = builtin_search(name, path);
        if (spec == PITH_NONE) PITH_SETREF(spec, path_search(name, path));
        return spec;
    }
    PithObject *seq = pith_sequence_list(mp), *spec = seq ? PITH_NEWREF(PITH_NONE) : NULL;
    for (intptr_t i = 0; seq && spec == PITH_NONE && i < PITH_SIZE(seq); i++) {
        PithObject *finder = PITH_LIST_GET(seq, i), *fs = NULL;
        PITH_DECREF(spec);
        if (finder == (PithObject *)&pith_builtinimporter_type) {
            spec = builtin_search(name, path);
        } else if (finder == (PithObject *)&pith_pathfinder_type) {
            spec = path_search(name, path);
        } else if (lookup_str(finder, "find_spec", &fs) > 0) {
            PithObject *args[3] = {name, path, PITH_NONE};
            spec = pith_call(fs, args, 3, NULL);
            PITH_DECREF(fs);
        } else {
            spec = pith_err_occurred() ? NULL : PITH_NEWREF(PITH_NONE);
        }
    }
    PITH_XDECREF(seq);
    return spec;
}

/* Find `name` (absolute): a new spec, or NULL (exception set; NULL without
 * exception = not found). *parent_mod gets the imported parent (or NULL). */
static PithObject *find_spec(PithObject *name, PithObject **parent_mod) {
    PithObject *parent = parent_name(name), *path = NULL, *leaf = NULL, *spec = NULL;
    *parent_mod = NULL;
    if (!parent) return NULL;
    if (PITH_STR_LEN(parent) > 0) {
        path = parent_path(name, parent, parent_mod);
        leaf = path ? pith_str_substring(name, PITH_STR_LEN(parent) + 1, PITH_STR_LEN(name)) : NULL;
    } else {
        path = pith_dict_get_item_str(pith_interp.sysdict, "path");
        if (!path) {
            if (!pith_err_occurred()) pith_err_set_string(&pith_exc_ImportError, "sys.path is lost");
        } else {
            PITH_INCREF(path);
            leaf = PITH_NEWREF(name);
        }
    }
    if (leaf) spec = search_spec(name, PITH_STR_LEN(parent) > 0 ? path : PITH_NONE);
    if (spec == PITH_NONE) PITH_CLEAR(spec);
    PITH_XDECREF(parent);
    PITH_XDECREF(path);
    PITH_XDECREF(leaf);
    return spec;
}

int pith_import_set_builtin_attrs(PithObject *mod, PithObject *name) {
    if (!pith_module_check(mod)) return 0;
    PithObject *d = pith_module_get_dict(mod);
    PithObject *old = pith_dict_get_item_str(d, "__spec__");
    if (old && old != PITH_NONE) return 0;
    PithObject *spec = builtin_spec(name);
    int r = spec ? pith_dict_set_item_str(d, "__spec__", spec) : -1;
    if (r == 0) r = pith_dict_set_item_str(d, "__loader__", (PithObject *)&pith_builtinimporter_type);
    PithObject *pkg = pith_dict_get_item_str(d, "__package__");
    if (r == 0 && (!pkg || pkg == PITH_NONE)) {
        PithObject *empty = pith_str_from_cstr("");
        r = empty ? pith_dict_set_item_str(d, "__package__", empty) : -1;
        PITH_XDECREF(empty);
    }
    PITH_XDECREF(spec);
    return r;
}

PithObject *pith_import_find_spec(PithObject *name, PithObject *path) {
    return search_spec(name, path);
}

PithObject *pith_import_find_spec_on_path(PithObject *name, PithObject *path) {
    return path_search(name, path);
}

/* Import name's parent package first (if any): 1 with *mod set when
 * that put name itself into sys.modules (os.py registers os.path), -1 on
 * error, 0 otherwise (CPython re-checks sys.modules after the parent). */
static int parent_imported_us(PithObject *name, PithObject **mod) {
    PithObject *parent = parent_name(name);
    if (!parent) return -1;
    PithObject *pm = PITH_STR_LEN(parent) > 0 ? pith_import_module(parent) : NULL;
    bool bad = PITH_STR_LEN(parent) > 0 && !pm;
    PITH_DECREF(parent);
    if (bad) return -1;
    PITH_XDECREF(pm);
    PithObject *again = pm ? pith_dict_get_item(pith_interp.modules, name) : NULL;
    if (!again) return pith_err_occurred() ? -1 : 0;
    *mod = PITH_NEWREF(again);
    return 1;
}

/* Import a name that is not in sys.modules yet. */
static PithObject *import_fresh(PithObject *name) {
    PithObject *parent_mod = NULL, *mod = NULL;
    PithObject *early = NULL;
    if (parent_imported_us(name, &early) != 0) return early;
    PithObject *spec = find_spec(name, &parent_mod);
    if (spec) {
        /* the parent's import may have imported us already */
        PithObject *again = pith_dict_get_item(pith_interp.modules, name);
        mod = again ? PITH_NEWREF(again) : load_module(name, spec);
        PITH_DECREF(spec);
    } else if (!pith_err_occurred()) {
        not_found(name, pith_str_from_format("No module named %R", name));
    }
    if (mod && parent_mod) {
        PithObject *parent = parent_name(name);
        PithObject *leaf = parent ? pith_str_substring(name, PITH_STR_LEN(parent) + 1, PITH_STR_LEN(name)) : NULL;
        if (!leaf || pith_setattr(parent_mod, leaf, mod) < 0) PITH_CLEAR(mod);
        PITH_XDECREF(parent);
        PITH_XDECREF(leaf);
    }
    PITH_XDECREF(parent_mod);
    return mod;
}

PithObject *pith_import_module(PithObject *name) {
    PithObject *mod = pith_dict_get_item(pith_interp.modules, name);
    if (mod == PITH_NONE)
        return not_found(name, pith_str_from_format("import of %U halted; None in sys.modules", name));
    if (mod) return PITH_NEWREF(mod);
    if (pith_err_occurred()) return NULL;
    return import_fresh(name);
}

/* ---- __import__ ------------------------------------------------------------------ */

/* The package a relative import in `globals` is relative to (new str). */
static PithObject *calling_package(PithObject *globals) {
    if (!pith_dict_check(globals))
        return pith_err_format(&pith_exc_TypeError, "globals must be a dict");
    PithObject *pkg = pith_dict_get_item_str(globals, "__package__");
    if (pkg && pkg != PITH_NONE) {
        if (!pith_str_check(pkg)) return pith_err_format(&pith_exc_TypeError, "package must be a string");
        return PITH_NEWREF(pkg);
    }
    PithObject *spec = pith_dict_get_item_str(globals, "__spec__");
    if (spec && spec != PITH_NONE) return pith_getattr_str(spec, "parent");
    PithObject *name = pith_dict_get_item_str(globals, "__name__");
    if (!name || !pith_str_check(name)) {
        if (!pith_err_occurred()) pith_err_format(&pith_exc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (pith_dict_get_item_str(globals, "__path__")) return PITH_NEWREF(name);
    return parent_name(name);
}

/* Absolute name for a relative import of `name` at `level`. */
static PithObject *resolve_name(PithObject *name, PithObject *globals, intptr_t level) {
    PithObject *pkg = calling_package(globals);
    if (!pkg) return NULL;
    if (!pith_str_check(pkg) || PITH_STR_LEN(pkg) == 0) {
        PITH_DECREF(pkg);
        return pith_err_format(&pith_exc_ImportError,
                               "attempted relative import with no known parent package");
    }
    intptr_t end = PITH_STR_LEN(pkg);
    for (intptr_t up = 1; up < level; up++) {
        while (end > 0 && pith_str_read((PithStr *)pkg, end - 1) != '.') end--;
        if (end == 0) {
            PITH_DECREF(pkg);
            return pith_err_format(&pith_exc_ImportError,
                                   "attempted relative import beyond top-level package");
        }
        end--;
    }
    PithObject *base = pith_str_substring(pkg, 0, end);
    PITH_DECREF(pkg);
    if (!base || PITH_STR_LEN(name) == 0) return base;
    PithObject *abs = pith_str_from_format("%U.%U", base, name);
    PITH_DECREF(base);
    return abs;
}

static int handle_fromlist(PithObject *mod, PithObject *fromlist, bool recursive);

/* from mod import x: import mod.x when mod has no attribute x. */
static int import_from_item(PithObject *mod, PithObject *x) {
    PithObject *v = NULL, *modname = NULL;
    int r = pith_lookup_attr(mod, x, &v);
    PITH_XDECREF(v);
    if (r != 0) return r < 0 ? -1 : 0;
    if (lookup_str(mod, "__name__", &modname) <= 0) return -1;
    PithObject *full = pith_str_from_format("%S.%U", modname, x);
    PITH_DECREF(modname);
    PithObject *sub = full ? pith_import_module(full) : NULL;
    r = 0;
    if (sub) {
        PITH_DECREF(sub);
    } else if (full && pith_err_matches(&pith_exc_ModuleNotFoundError)) {
        PithObject *exc = pith_err_fetch(), *ename = pith_getattr_str(exc, "name");
        int same = ename ? pith_richcompare_bool(ename, full, PITH_EQ) : -1;
        PITH_XDECREF(ename);
        if (same > 0 && pith_dict_get_item(pith_interp.modules, full) != PITH_NONE) PITH_DECREF(exc);
        else pith_err_restore(exc), r = -1;
    } else {
        r = -1;
    }
    PITH_XDECREF(full);
    return r;
}

static int handle_fromlist(PithObject *mod, PithObject *fromlist, bool recursive) {
    PithObject *seq = pith_sequence_list(fromlist);
    int r = seq ? 0 : -1;
    for (intptr_t i = 0; seq && r == 0 && i < PITH_SIZE(seq); i++) {
        PithObject *x = PITH_LIST_GET(seq, i);
        if (!pith_str_check(x)) {
            PithObject *mn = pith_getattr_str(mod, "__name__");
            if (recursive && mn) pith_err_format(&pith_exc_TypeError, "Item in %S.__all__ must be str, not %s", mn, pith_type_name(x));
            else if (mn) pith_err_format(&pith_exc_TypeError, "Item in ``from list'' must be str, not %s", pith_type_name(x));
            PITH_XDECREF(mn);
            r = -1;
        } else if (pith_str_eq_cstr(x, "*")) {
            PithObject *all = NULL;
            if (!recursive && (r = lookup_str(mod, "__all__", &all)) > 0) r = handle_fromlist(mod, all, true);
            PITH_XDECREF(all);
            if (r > 0) r = 0;
        } else {
            r = import_from_item(mod, x);
        }
    }
    PITH_XDECREF(seq);
    return r;
}

/* The module `import name` binds: the top-level package of name. */
static PithObject *top_of(PithObject *name, PithObject *abs, PithObject *mod, intptr_t level) {
    if (PITH_STR_LEN(name) == 0) return PITH_NEWREF(mod);
    intptr_t dot = 0;
    while (dot < PITH_STR_LEN(name) && pith_str_read((PithStr *)name, dot) != '.') dot++;
    intptr_t keep = PITH_STR_LEN(abs) - (PITH_STR_LEN(name) - dot);
    if (level == 0) keep = dot;
    PithObject *front = pith_str_substring(abs, 0, keep);
    if (!front) return NULL;
    if (level == 0) { /* a real import: sys.modules may have lost the package */
        PithObject *m = pith_import_module(front);
        PITH_DECREF(front);
        return m;
    }
    PithObject *r = pith_dict_get_item(pith_interp.modules, front);
    if (r) PITH_INCREF(r);
    else if (!pith_err_occurred()) pith_err_format(&pith_exc_KeyError, "%R not in sys.modules as expected", front);
    PITH_DECREF(front);
    return r;
}

PithObject *pith_import_module_level(PithObject *name, PithObject *globals, PithObject *fromlist,
                                     intptr_t level) {
    if (level < 0) return pith_err_format(&pith_exc_ValueError, "level must be >= 0");
    if (level == 0 && PITH_STR_LEN(name) == 0)
        return pith_err_format(&pith_exc_ValueError, "Empty module name");
    PithObject *abs = level > 0 ? resolve_name(name, globals ? globals : PITH_NONE, level)
                                : PITH_NEWREF(name);
    if (!abs) return NULL;
    PithObject *mod = pith_import_module(abs), *r = NULL;
    int has_from = fromlist && fromlist != PITH_NONE ? pith_is_true(fromlist) : 0;
    if (!mod || has_from < 0) {
        PITH_XDECREF(mod);
        mod = NULL;
    } else if (!has_from) {
        r = top_of(name, abs, mod, level);
    } else {
        PithObject *path = NULL;
        int p = lookup_str(mod, "__path__", &path);
        PITH_XDECREF(path);
        if (p >= 0 && (p == 0 || handle_fromlist(mod, fromlist, false) == 0)) r = PITH_NEWREF(mod);
    }
    PITH_XDECREF(mod);
    PITH_DECREF(abs);
    return r;
}

/* ---- -m ------------------------------------------------------------------------ */

static char *dup_utf8(PithObject *s) {
    const char *u = s ? pith_str_utf8(s) : NULL;
    char *r = u ? strdup(u) : NULL;
    PITH_XDECREF(s);
    if (!r) pith_err_clear();
    return r ? r : strdup("import error");
}

/* `-m` imports the parent packages and runs the module's code through
 * functions of a "<frozen runpy>" pseudo-module that sit at the lines of
 * CPython's frozen runpy, so that frames and tracebacks show the same runpy
 * entries as CPython's. */
static const struct {
    int line;
    const char *text;
} runpy_src[] = {
    {87, "def _run_code(code, run_globals):\n"},
    {88, "    exec(code, run_globals)\n    return run_globals\n"},
    {110, "def _get_module_details(name, pkg_main):\n    if not pkg_main:\n"},
    {112, "        return __import__(name)\n"},
    {148, "    return _get_module_details(name, False)\n"},
    {188, "def _run_module_as_main(name_or_code, run_globals, pkg_main=False):\n"},
    {189, "    if run_globals is None: return _get_module_details(name_or_code, pkg_main)\n"},
    {198, "    return _run_code(name_or_code, run_globals)\n"},
};

/* _run_module_as_main(a, b, pkg_main) of a fresh "<frozen runpy>": with b
 * None it imports module a (through the package's __main__ path when
 * pkg_main), else it execs code a in dict b. */
static PithObject *runpy_call(PithObject *a, PithObject *b, bool pkg_main) {
    char src[4096];
    size_t n = 0;
    int at = 1;
    for (size_t i = 0; i < sizeof runpy_src / sizeof runpy_src[0]; i++) {
        for (; at < runpy_src[i].line; at++) src[n++] = '\n';
        size_t k = strlen(runpy_src[i].text);
        memcpy(src + n, runpy_src[i].text, k);
        n += k;
        for (size_t j = 0; j < k; j++) at += runpy_src[i].text[j] == '\n';
    }
    PithObject *d = pith_dict_new(), *name = pith_str_from_cstr("runpy"), *res = NULL;
    if (d && name && pith_dict_set_item_str(d, "__name__", name) == 0 &&
        pith_run_source(src, n, "<frozen runpy>", d) == 0) {
        PithObject *f = pith_dict_get_item_str(d, "_run_module_as_main"); /* borrowed */
        PithObject *args[3] = {a, b, pith_bool_from(pkg_main)};
        res = f ? pith_call(f, args, 3, NULL)
                : pith_err_format(&pith_exc_RuntimeError, "lost <frozen runpy>");
    }
    PITH_XDECREF(name);
    PITH_XDECREF(d);
    return res;
}

/* Spec of the module `-m name` runs (packages resolve to __main__), or
 * NULL with *msg set. pkg_main: name is a package's __main__. */
static PithObject *main_spec(PithObject *name, bool pkg_main, char **msg) {
    PithObject *parent_mod = NULL, *spec = NULL;
    for (const PithBuiltinModule *b = pith_builtin_modules; b->name; b++)
        if (pith_str_eq_cstr(name, b->name)) {
            *msg = dup_utf8(pith_str_from_format("No code object available for %U", name));
            return NULL;
        }
    if (has_dot(name)) { /* runpy imports the parent first, then needs its __path__ */
        PithObject *parent = parent_name(name), *path = NULL;
        PithObject *top = parent ? runpy_call(parent, PITH_NONE, pkg_main) : NULL;
        parent_mod = top ? pith_import_module(parent) : NULL; /* now in sys.modules */
        PITH_XDECREF(top);
        if (!parent_mod && !pith_err_matches(&pith_exc_ImportError)) {
            PITH_XDECREF(parent);
            return NULL; /* an error in the package's code: a traceback */
        }
        if (parent_mod && lookup_str(parent_mod, "__path__", &path) == 0)
            not_found(name, pith_str_from_format("__path__ attribute not found on %R while trying "
                                                 "to find %R", parent, name));
        PITH_XDECREF(path);
        PITH_XDECREF(parent);
        PITH_CLEAR(parent_mod);
    }
    if (!pith_err_occurred()) spec = find_spec(name, &parent_mod);
    PITH_XDECREF(parent_mod);
    if (!spec && pith_err_occurred()) {
        PithObject *exc = pith_err_fetch();
        *msg = dup_utf8(pith_str_from_format("Error while finding module specification for %R (%s: %S)",
                                             name, pith_type_name(exc), exc));
        PITH_DECREF(exc);
    } else if (!spec) {
        *msg = dup_utf8(pith_str_from_format("No module named %U", name));
    }
    return spec;
}

static int set_main_entries(PithObject *d, PithObject *spec) {
    static const char *const keys[] = {"__file__", "__cached__", "__loader__", "__package__"};
    static const char *const attrs[] = {"origin", "cached", "loader", "parent"};
    int r = pith_dict_set_item_str(d, "__spec__", spec);
    for (int i = 0; i < 4 && r == 0; i++) {
        PithObject *v = spec_attr(spec, attrs[i]);
        r = v ? pith_dict_set_item_str(d, keys[i], v) : -1;
        PITH_XDECREF(v);
    }
    PithObject *argv = pith_dict_get_item_str(pith_interp.sysdict, "argv");
    PithObject *origin = pith_dict_get_item_str(d, "__file__");
    if (r == 0 && argv && origin && pith_list_check(argv) && PITH_SIZE(argv) > 0)
        r = pith_setitem(argv, pith_int_from_i64(0), origin);
    return r;
}

int pith_import_run_main(const char *name, PithObject *main_dict, char **msg) {
    *msg = NULL;
    PithObject *n = pith_str_from_cstr(name);
    PithObject *spec = n ? main_spec(n, false, msg) : NULL;
    PithObject *locs = spec ? spec_attr(spec, "submodule_search_locations") : NULL;
    if (locs && locs != PITH_NONE) { /* a package: run its __main__ */
        PithObject *sub = pith_str_from_format("%U.__main__", n);
        PITH_CLEAR(spec);
        char *submsg = NULL;
        spec = sub ? main_spec(sub, true, &submsg) : NULL;
        if (submsg && strncmp(submsg, "No module named", 15) == 0) {
            free(submsg);
            submsg = dup_utf8(pith_str_from_format(
                "No module named %U.__main__; '%U' is a package and cannot be directly executed",
                n, n));
        }
        *msg = submsg;
        PITH_XDECREF(sub);
    }
    PITH_XDECREF(locs);
    PITH_XDECREF(n);
    if (!spec) return *msg ? 1 : -1;
    PithObject *origin = spec_attr(spec, "origin");
    PithCode *co = NULL;
    if (origin && set_main_entries(main_dict, spec) == 0) co = pith_pyc_source_to_code(origin);
    PithObject *res = co ? runpy_call((PithObject *)co, main_dict, false) : NULL;
    PITH_XDECREF(co);
    PITH_XDECREF(origin);
    PITH_DECREF(spec);
    if (!res) return -1;
    PITH_DECREF(res);
    return 0;
}
