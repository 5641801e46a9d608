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

static int set_attrs(PithObject *o, const char *const *keys, PithObject *const *vals, int n) {
    for (int i = 0; i < n; i++)
        if (!vals[i] || pith_setattr_str(o, keys[i], vals[i]) < 0) return -1;
    return 0;
}

/* parent of a dotted name: 'a.b' for 'a.b.c', '' for a top-level name. */
static PithObject *parent_name(PithObject *name) {
    intptr_t n = PITH_STR_LEN(name);
    while (n > 0 && pith_str_read((PithStr *)name, n - 1) != '.') n--;
    return pith_str_substring(name, 0, n > 0 ? n - 1 : 0);
}

/* A spec namespace for a found module (its loader is a small namespace
 * with name and path, like SourceFileLoader's fields). */
static PithObject *make_spec(PithObject *name, Found *f) {
    PithObject *spec = pith_namespace_new(NULL), *loader = pith_namespace_new(NULL);
    PithObject *origin = f->origin ? f->origin : PITH_NONE;
    PithObject *cached = f->origin ? pith_pyc_cache_path(f->origin) : PITH_NEWREF(PITH_NONE);
    PithObject *parent = f->locations && f->origin ? PITH_NEWREF(name) : parent_name(name);
    static const char *const lk[] = {"name", "path"};
    static const char *const sk[] = {"name", "loader", "origin", "loader_state",
                                     "submodule_search_locations", "cached", "parent",
                                     "has_location", "_initializing"};
    PithObject *lv[] = {name, origin};
    PithObject *sv[] = {name,   loader, origin, PITH_NONE, f->locations ? f->locations : PITH_NONE,
                        cached, parent, pith_bool_from(f->origin != NULL), PITH_FALSE};
    if (!spec || !loader || set_attrs(loader, lk, lv, 2) < 0 || set_attrs(spec, sk, sv, 9) < 0)
        PITH_CLEAR(spec);
    PITH_XDECREF(loader);
    PITH_XDECREF(cached);
    PITH_XDECREF(parent);
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

/* Run the module's source (if any) in its dict. */
static int exec_module(PithObject *mod, PithObject *spec) {
    PithObject *origin = spec_attr(spec, "origin");
    if (!origin) return -1;
    int r = 0;
    if (origin != PITH_NONE) {
        PithObject *d = pith_module_get_dict(mod);
        PithCode *co = pith_pyc_source_to_code(origin);
        r = -1;
        if (co && pith_dict_set_item_str(d, "__builtins__", pith_interp.builtins) == 0) {
            PithObject *res = pith_eval_code(co, d, d);
            r = res ? 0 : -1;
            PITH_XDECREF(res);
        }
        PITH_XDECREF(co);
    }
    PITH_DECREF(origin);
    return r;
}

/* Create, register and execute the module for spec; returns
 * sys.modules[name] afterwards (the module may have replaced itself). */
static PithObject *load_module(PithObject *name, PithObject *spec) {
    const char *n = pith_str_utf8(name);
    PithObject *mod = n ? pith_module_new(n) : NULL;
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
    Found f = {NULL, NULL};
    int r = leaf ? find_on_path(path, leaf, &f) : -1;
    if (r == 1) spec = make_spec(name, &f);
    found_clear(&f);
    PITH_XDECREF(parent);
    PITH_XDECREF(path);
    PITH_XDECREF(leaf);
    return spec;
}

/* Import a name that is not in sys.modules yet. */
static PithObject *import_fresh(PithObject *name) {
    PithObject *parent_mod = NULL, *mod = NULL;
    if (!has_dot(name)) {
        mod = pith_import_builtin_module(name);
        if (mod || pith_err_occurred()) return mod;
    }
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

/* Spec of the module `-m name` runs (packages resolve to __main__), or
 * NULL with *msg set. */
static PithObject *main_spec(PithObject *name, char **msg) {
    PithObject *parent_mod = NULL, *spec = NULL;
    for (const PithBuiltinModule *b = pith_builtin_modules; b->name; b++)
        if (pith_str_eq_cstr(name, b->name)) {
            *msg = dup_utf8(pith_str_from_format("No code object available for %U", name));
            return NULL;
        }
    spec = find_spec(name, &parent_mod);
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
    PithObject *spec = n ? main_spec(n, msg) : NULL;
    PithObject *locs = spec ? spec_attr(spec, "submodule_search_locations") : NULL;
    if (locs && locs != PITH_NONE) { /* a package: run its __main__ */
        PithObject *sub = pith_str_from_format("%U.__main__", n);
        PITH_CLEAR(spec);
        char *submsg = NULL;
        spec = sub ? main_spec(sub, &submsg) : NULL;
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
    PithObject *res = co ? pith_eval_code(co, main_dict, main_dict) : NULL;
    PITH_XDECREF(co);
    PITH_XDECREF(origin);
    PITH_DECREF(spec);
    if (!res) return -1;
    PITH_DECREF(res);
    return 0;
}
