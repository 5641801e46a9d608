/* builtins_code.c — builtins about code, namespaces and the outside world:
 * compile, eval, exec, globals, locals, dir, vars, __import__, input, print
 * (exit/quit and friends: builtins_site.c). */
#include "builtins_impl.h"
#include "pith/compile.h"
#include "pith/import.h"

#include <string.h>

/* ---- source text --------------------------------------------------------- */

/* Borrow the bytes of a str/bytes/bytearray source. */
static int source_bytes(PithObject *src, const char *fname, const char **out, size_t *len) {
    intptr_t n;
    if (pith_str_check(src)) {
        *out = pith_str_utf8_size(src, &n);
        if (!*out) return -1;
    } else if (pith_bytes_check(src)) {
        *out = PITH_BYTES_DATA(src);
        n = PITH_BYTES_SIZE(src);
    } else {
        pith_err_format(&pith_exc_TypeError, "%s() arg 1 must be a string, bytes or %s object",
                        fname, strcmp(fname, "compile") == 0 ? "AST" : "code");
        return -1;
    }
    if (memchr(*out, 0, (size_t)n)) {
        pith_err_set_string(&pith_exc_SyntaxError, "source code string cannot contain null bytes");
        return -1;
    }
    *len = (size_t)n;
    return 0;
}

static PithCode *compile_text(const char *src, size_t len, PithObject *filename, PithMode mode,
                              int optimize) {
    return pith_compile_source(src, len, filename, mode,
                               optimize < 0 ? pith_interp.optimize : optimize);
}

/* Known compile() flag bits: PyCF_* plus the CO_FUTURE_* feature flags. */
#define COMPILE_FLAGS_MASK 0x3FE7F00L

BUILTIN(pith_bi_compile) {
    static const char *const kw[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                     "optimize", "_feature_version", NULL};
    static const PithArgSpec spec = {"compile", kw, 7, 0, 3, 6};
    PithObject *v[7];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    long flags = 0, optimize = -1;
    if (v[3] && ((flags = (long)pith_number_as_ssize(v[3], NULL)) == -1 && pith_err_occurred()))
        return NULL;
    if (v[5] && ((optimize = (long)pith_number_as_ssize(v[5], NULL)) == -1 && pith_err_occurred()))
        return NULL;
    if (flags & ~COMPILE_FLAGS_MASK)
        return pith_err_format(&pith_exc_ValueError, "compile(): unrecognised flags");
    if (optimize < -1 || optimize > 2)
        return pith_err_format(&pith_exc_ValueError, "compile(): invalid optimize value");
    PithMode mode;
    PithObject *m = v[2];
    if (!pith_str_check(m))
        return pith_err_format(&pith_exc_TypeError, "compile() argument 'mode' must be str, not %s",
                               pith_type_name(m));
    if (pith_str_eq_cstr(m, "exec")) mode = PITH_MODE_EXEC;
    else if (pith_str_eq_cstr(m, "eval")) mode = PITH_MODE_EVAL;
    else if (pith_str_eq_cstr(m, "single")) mode = PITH_MODE_SINGLE;
    else
        return pith_err_format(&pith_exc_ValueError,
                               "compile() mode must be 'exec', 'eval' or 'single'");
    if (flags & 0x400)
        return pith_err_format(&pith_exc_NotImplementedError, "compile() to AST is not supported yet");
    PithObject *filename = v[1];
    if (pith_bytes_check(filename))
        filename = pith_str_from_utf8(PITH_BYTES_DATA(filename), PITH_BYTES_SIZE(filename));
    else if (pith_str_check(filename))
        PITH_INCREF(filename);
    else
        return pith_err_format(&pith_exc_TypeError,
                               "compile() argument 'filename' must be str, bytes or "
                               "os.PathLike, not %s", pith_type_name(filename));
    if (!filename) return NULL;
    const char *src;
    size_t len;
    PithCode *co = NULL;
    if (source_bytes(v[0], "compile", &src, &len) == 0)
        co = compile_text(src, len, filename, mode, (int)optimize);
    PITH_DECREF(filename);
    return (PithObject *)co;
}

/* ---- eval / exec ------------------------------------------------------------ */

static bool is_mapping(PithObject *o) {
    PithMappingMethods *mp = PITH_TYPE(o)->tp_as_mapping;
    return mp && mp->mp_subscript;
}

/* Resolve globals/locals per eval()/exec() rules; both out refs are new. */
static int resolve_namespaces(PithObject *g, PithObject *l, PithObject **gout, PithObject **lout) {
    if (g == PITH_NONE) g = NULL;
    if (l == PITH_NONE) l = NULL;
    if (!g) {
        g = pith_eval_get_globals();
        if (!g) {
            pith_err_set_string(&pith_exc_SystemError, "globals and locals cannot be NULL");
            return -1;
        }
        PITH_INCREF(g);
        l = l ? PITH_NEWREF(l) : pith_eval_get_locals();
        if (!l) {
            PITH_DECREF(g);
            return -1;
        }
    } else {
        PITH_INCREF(g);
        l = PITH_NEWREF(l ? l : g);
    }
    if (!pith_dict_get_item_str(g, "__builtins__")) {
        if (pith_err_occurred() ||
            pith_dict_set_item_str(g, "__builtins__", pith_eval_get_builtins()) < 0) {
            PITH_DECREF(g);
            PITH_DECREF(l);
            return -1;
        }
    }
    *gout = g;
    *lout = l;
    return 0;
}

/* Run co; only exec() may pass a closure (3.11), and pith supports none
 * yet, so code with free variables is refused with CPython's messages. */
static PithObject *run_code(PithCode *co, PithObject *g, PithObject *l, const char *fname) {
    intptr_t nfree = PITH_SIZE(co->freevars);
    if (nfree > 0 && strcmp(fname, "exec") == 0)
        return pith_err_format(&pith_exc_TypeError,
                               "code object requires a closure of exactly length %zd", nfree);
    if (nfree > 0)
        return pith_err_format(&pith_exc_TypeError,
                               "code object passed to %s() may not contain free variables",
                               fname);
    return pith_eval_code(co, g, l);
}

/* Shared body: source is a code object or text (compiled with `mode`). */
static PithObject *eval_source(PithObject *source, PithObject *g, PithObject *l,
                               const char *fname, PithMode mode) {
    PithObject *gd, *ld;
    if (resolve_namespaces(g, l, &gd, &ld) < 0) return NULL;
    PithObject *r = NULL;
    if (pith_code_check(source)) {
        r = run_code((PithCode *)source, gd, ld, fname);
    } else {
        const char *src;
        size_t len;
        if (source_bytes(source, fname, &src, &len) == 0) {
            if (mode == PITH_MODE_EVAL)
                while (len > 0 && (*src == ' ' || *src == '\t')) src++, len--;
            PithObject *fn = pith_str_from_cstr("<string>");
            PithCode *co = fn ? compile_text(src, len, fn, mode, -1) : NULL;
            PITH_XDECREF(fn);
            if (co) {
                r = run_code(co, gd, ld, fname);
                PITH_DECREF(co);
            }
        }
    }
    PITH_DECREF(gd);
    PITH_DECREF(ld);
    return r;
}

BUILTIN(pith_bi_eval) {
    if (pith_arg_check_range("eval", nargs, 1, 3) < 0) return NULL;
    PithObject *g = nargs > 1 ? args[1] : PITH_NONE, *l = nargs > 2 ? args[2] : PITH_NONE;
    if (g != PITH_NONE && !pith_dict_check(g))
        return pith_err_format(&pith_exc_TypeError,
                               is_mapping(g) ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                             : "globals must be a dict");
    if (l != PITH_NONE && !is_mapping(l))
        return pith_err_format(&pith_exc_TypeError, "locals must be a mapping");
    return eval_source(args[0], g, l, "eval", PITH_MODE_EVAL);
}

BUILTIN(pith_bi_exec) {
    static const char *const kw[] = {"", "", "", "closure", NULL};
    static const PithArgSpec spec = {"exec", kw, 4, 3, 1, 3};
    PithObject *v[4];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithObject *g = v[1] ? v[1] : PITH_NONE, *l = v[2] ? v[2] : PITH_NONE;
    if (g != PITH_NONE && !pith_dict_check(g))
        return pith_err_format(&pith_exc_TypeError, "exec() globals must be a dict, not %s",
                               pith_type_name(g));
    if (l != PITH_NONE && !is_mapping(l))
        return pith_err_format(&pith_exc_TypeError, "locals must be a mapping or None, not %s",
                               pith_type_name(l));
    if (v[3] && v[3] != PITH_NONE) {
        if (!pith_code_check(v[0]))
            return pith_err_format(&pith_exc_TypeError,
                                   "closure can only be used when source is a code object");
        if (PITH_SIZE(((PithCode *)v[0])->freevars) == 0)
            return pith_err_format(&pith_exc_TypeError,
                                   "cannot use a closure with this code object");
    }
    PithObject *r = eval_source(v[0], g, l, "exec", PITH_MODE_EXEC);
    if (!r) return NULL;
    PITH_DECREF(r);
    PITH_RETURN_NONE;
}

/* ---- namespaces ---------------------------------------------------------------- */

BUILTIN(pith_bi_globals) {
    PithObject *g = pith_eval_get_globals();
    return PITH_NEWREF(g ? g : PITH_NONE);
}

BUILTIN(pith_bi_locals) { return pith_eval_get_locals(); }

BUILTIN(pith_bi_dir) {
    if (pith_arg_check_range("dir", nargs, 0, 1) < 0) return NULL;
    if (nargs == 1) return pith_dir(args[0]);
    PithObject *loc = pith_eval_get_locals();
    if (!loc) return NULL;
    PithObject *keys = pith_dict_check(loc) ? pith_dict_keys(loc) : pith_sequence_list(loc);
    PITH_DECREF(loc);
    if (keys && pith_list_sort(keys) < 0) PITH_CLEAR(keys);
    return keys;
}

BUILTIN(pith_bi_vars) {
    if (pith_arg_check_range("vars", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return pith_eval_get_locals();
    PithObject *d;
    PithObject *name = pith_str_from_cstr("__dict__");
    int r = name ? pith_lookup_attr(args[0], name, &d) : -1;
    PITH_XDECREF(name);
    if (r == 0) {
        PithObject **dp = pith_obj_dict_ptr(args[0]); /* in case __dict__ has no descriptor */
        if (dp && *dp) return PITH_NEWREF(*dp);
    }
    if (r == 0)
        return pith_err_format(&pith_exc_TypeError, "vars() argument must have __dict__ attribute");
    return r < 0 ? NULL : d;
}

/* ---- import ---------------------------------------------------------------------- */

PithObject *pith_import_builtin_module(PithObject *name) {
    PithObject *mod = pith_dict_get_item(pith_interp.modules, name);
    if (mod) return PITH_NEWREF(mod);
    if (pith_err_occurred()) return NULL;
    for (const PithBuiltinModule *b = pith_builtin_modules; b->name; b++) {
        if (!pith_str_eq_cstr(name, b->name)) continue;
        mod = b->init();
        if (mod && pith_dict_set_item(pith_interp.modules, name, mod) < 0) PITH_CLEAR(mod);
        return mod;
    }
    return NULL;
}

BUILTIN(pith_bi_import) {
    static const char *const kw[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    static const PithArgSpec spec = {"__import__", kw, 5, 0, 1, 5};
    PithObject *v[5];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithObject *name = v[0];
    if (!pith_str_check(name))
        return pith_err_format(&pith_exc_TypeError, "module name must be str, not %s",
                               pith_type_name(name));
    intptr_t level = 0;
    if (v[4] && (level = pith_number_as_ssize(v[4], NULL)) == -1 && pith_err_occurred())
        return NULL;
    return pith_import_module_level(name, v[1], v[3], level); /* import/import.c */
}

/* ---- input / print ------------------------------------------------------------------ */

static PithObject *sys_stream(const char *name) {
    PithObject *s = pith_sys_get_object(name);
    if (!s || s == PITH_NONE) {
        pith_err_format(&pith_exc_RuntimeError, "lost sys.%s", name);
        return NULL;
    }
    return s;
}

static PithObject *read_line(PithObject *in) {
    if (PITH_TYPE(in) == &pith_stdio_type) return pith_stdio_readline(in);
    PithObject *line = pith_call_method(in, "readline", NULL, 0);
    if (line && !pith_str_check(line)) {
        PITH_DECREF(line);
        return pith_err_format(&pith_exc_TypeError, "object.readline() returned non-string");
    }
    return line;
}

BUILTIN(pith_bi_input) {
    if (pith_arg_check_range("input", nargs, 0, 1) < 0) return NULL;
    PithObject *in = sys_stream("stdin"), *out = in ? sys_stream("stdout") : NULL;
    if (!out) return NULL;
    PithObject *err = pith_sys_get_object("stderr");
    if (pith_stdio_flush(err) < 0) pith_err_clear();
    if (nargs == 1 && pith_file_write_object(args[0], out, true) < 0) return NULL;
    if (pith_stdio_flush(out) < 0) return NULL;
    PithObject *line = read_line(in);
    if (!line) return NULL;
    intptr_t n = PITH_STR_LEN(line);
    if (n == 0) {
        PITH_DECREF(line);
        return pith_err_format(&pith_exc_EOFError, "EOF when reading a line");
    }
    if (pith_str_read((PithStr *)line, n - 1) != '\n') return line;
    PithObject *r = pith_str_substring(line, 0, n - 1);
    PITH_DECREF(line);
    return r;
}

static int check_sep(PithObject *o, const char *what) {
    if (o == PITH_NONE || pith_str_check(o)) return 0;
    pith_err_format(&pith_exc_TypeError, "%s must be None or a string, not %s", what,
                    pith_type_name(o));
    return -1;
}

/* Write text (a str or None meaning `dflt`) to file. */
static int write_sep(PithObject *text, const char *dflt, PithObject *file) {
    if (text == PITH_NONE) return pith_file_write_string(dflt, file);
    return pith_file_write_object(text, file, true);
}

BUILTIN(pith_bi_print) {
    PithObject *sep = PITH_NONE, *end = PITH_NONE, *file = PITH_NONE, *flush = NULL;
    intptr_t nkw = kwnames ? PITH_SIZE(kwnames) : 0;
    for (intptr_t i = 0; i < nkw; i++) {
        PithObject *k = PITH_TUPLE_GET(kwnames, i), *v = args[nargs + i];
        if (pith_str_eq_cstr(k, "sep")) sep = v;
        else if (pith_str_eq_cstr(k, "end")) end = v;
        else if (pith_str_eq_cstr(k, "file")) file = v;
        else if (pith_str_eq_cstr(k, "flush")) flush = v;
        else
            return pith_err_format(&pith_exc_TypeError,
                                   "'%U' is an invalid keyword argument for print()", k);
    }
    if (file == PITH_NONE) {
        file = pith_sys_get_object("stdout");
        if (!file || file == PITH_NONE) PITH_RETURN_NONE; /* no stdout: print is a no-op */
    }
    if (check_sep(sep, "sep") < 0 || check_sep(end, "end") < 0) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0 && write_sep(sep, " ", file) < 0) return NULL;
        if (pith_file_write_object(args[i], file, true) < 0) return NULL;
    }
    if (write_sep(end, "\n", file) < 0) return NULL;
    if (flush) {
        int t = pith_is_true(flush);
        if (t < 0 || (t && pith_stdio_flush(file) < 0)) return NULL;
    }
    PITH_RETURN_NONE;
}
