/* sys.c — the sys module: interpreter state exposed to Python (argv, path,
 * modules, streams, version data, flags, hooks, recursion limit, ...).
 *
 * pith_sys_init() builds it once, after the builtins module, from the
 * command-line state in pith_config (filled by run.c). The module's dict is
 * pith_interp.sysdict; sys.modules is pith_interp.modules. */
#include "pith/pith.h"
#include "pith/run.h"

#include <limits.h>
#include <float.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

PithConfig pith_config;

static PithStructSeqType version_info_type, flags_type, float_info_type, int_info_type;
static PithStructSeqType hash_info_type;

#define SYS_COPYRIGHT                                                          \
    "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n" \
    "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"                     \
    "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n"     \
    "All Rights Reserved.\n\n"                                                     \
    "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\n"         \
    "All Rights Reserved."

PithObject *pith_sys_get_object(const char *name) {
    if (!pith_interp.sysdict) return NULL;
    PithObject *v = pith_dict_get_item_str(pith_interp.sysdict, name);
    if (!v && pith_err_occurred()) pith_err_clear();
    return v;
}

void pith_sys_write_stderr(const char *s) {
    PithObject *saved = pith_err_fetch();
    PithObject *err = pith_sys_get_object("stderr");
    if (!err || err == PITH_NONE || pith_file_write_string(s, err) < 0) {
        pith_err_clear();
        fputs(s, stderr);
    }
    pith_err_restore(saved);
}

PithObject *pith_sys_get_excepthook(void) { return pith_sys_get_object("excepthook"); }

/* ---- functions ----------------------------------------------------------- */

static PithObject *sys_exit(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    if (pith_arg_check_range("exit", nargs, 0, 1) < 0) return NULL;
    PithObject *t = nargs ? pith_tuple_pack(1, args[0]) : pith_tuple_new(0);
    if (!t) return NULL;
    PithObject *exc = pith_exc_new(&pith_exc_SystemExit, t);
    PITH_DECREF(t);
    if (exc) {
        pith_err_raise(exc);
        PITH_DECREF(exc);
    }
    return NULL;
}

static PithObject *sys_getrecursionlimit(PithObject *self, PithObject *const *args,
                                         size_t nargs, PithObject *kwnames) {
    return pith_int_from_i64(pith_tstate()->recursion_limit);
}

static PithObject *sys_setrecursionlimit(PithObject *self, PithObject *const *args,
                                         size_t nargs, PithObject *kwnames) {
    if (pith_float_check(args[0]))
        return pith_err_format(&pith_exc_TypeError, "'float' object cannot be interpreted as an integer");
    intptr_t n = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
    if (n == -1 && pith_err_occurred()) return NULL;
    if (n < 1)
        return pith_err_format(&pith_exc_ValueError, "recursion limit must be greater or equal than 1");
    if (n > INT_MAX)
        return pith_err_format(&pith_exc_OverflowError, "Python int too large to convert to C int");
    PithThreadState *ts = pith_tstate();
    if (ts->recursion_depth >= n)
        return pith_err_format(&pith_exc_RecursionError,
                               "cannot set the recursion limit to %d at the recursion "
                               "depth %d: the limit is too low",
                               (int)n, ts->recursion_depth);
    ts->recursion_limit = (int)n;
    PITH_RETURN_NONE;
}

/* The exception being handled (borrowed) or NULL. */
static PithObject *handled(void) {
    PithObject *e = pith_tstate()->handled_exc;
    return (e && e != PITH_NONE) ? e : NULL;
}

static PithObject *sys_exc_info(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    PithObject *e = handled();
    if (!e) return pith_tuple_pack(3, PITH_NONE, PITH_NONE, PITH_NONE);
    PithObject *tb = pith_exc_get_traceback(e);
    return pith_tuple_pack(3, (PithObject *)PITH_TYPE(e), e, tb ? tb : PITH_NONE);
}

static PithObject *sys_exception(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    PithObject *e = handled();
    return PITH_NEWREF(e ? e : PITH_NONE);
}

static PithObject *sys_excepthook(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    if (pith_arg_check_range("excepthook", nargs, 3, 3) < 0) return NULL;
    PithObject *err = pith_sys_get_object("stderr");
    if (!err || err == PITH_NONE) PITH_RETURN_NONE;
    /* A non-exception value is reported by the printer itself. */
    if (pith_exc_check(args[1]) && PITH_TYPE(args[2]) == &pith_traceback_type &&
        args[2] != pith_exc_get_traceback(args[1]))
        pith_exc_set_traceback(args[1], args[2]);
    if (pith_exc_display(args[1], err) < 0) return NULL;
    if (pith_stdio_flush(err) < 0) return NULL;
    PITH_RETURN_NONE;
}

/* The default breakpoint() hook. pith has no debugger: $PYTHONBREAKPOINT=0
 * disables it silently, anything else is reported as unimportable (as
 * CPython does when the named hook cannot be imported). */
static PithObject *sys_breakpointhook(PithObject *self, PithObject *const *args, size_t nargs,
                                      PithObject *kwnames) {
    const char *env = pith_config.ignore_environment ? NULL : getenv("PYTHONBREAKPOINT");
    if (!env || !*env) env = "pdb.set_trace";
    if (strcmp(env, "0") == 0) PITH_RETURN_NONE;
    char msg[512];
    snprintf(msg, sizeof msg,
             "RuntimeWarning: Ignoring unimportable $PYTHONBREAKPOINT: \"%s\"\n", env);
    pith_sys_write_stderr(msg);
    PITH_RETURN_NONE;
}

static PithObject *sys_displayhook(PithObject *self, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    PithObject *v = args[0];
    if (v == PITH_NONE) PITH_RETURN_NONE;
    if (pith_dict_set_item_str(pith_interp.builtins, "_", PITH_NONE) < 0) return NULL;
    PithObject *out = pith_sys_get_object("stdout");
    if (!out || out == PITH_NONE)
        return pith_err_format(&pith_exc_RuntimeError, "lost sys.stdout");
    if (pith_file_write_object(v, out, false) < 0 || pith_file_write_string("\n", out) < 0)
        return NULL;
    if (pith_dict_set_item_str(pith_interp.builtins, "_", v) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *sys_intern(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    PithObject *s = args[0];
    if (!pith_str_check_exact(s))
        return pith_err_format(&pith_exc_TypeError, "intern() argument must be str, not %s",
                               pith_type_name(s));
    PITH_INCREF(s);
    pith_str_intern_in_place(&s);
    return s;
}

static PithObject *sys_getrefcount(PithObject *self, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    return pith_int_from_ssize(PITH_REFCNT(args[0]));
}

static PithObject *sys_getsizeof(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    if (pith_arg_check_range("getsizeof", nargs, 1, 2) < 0) return NULL;
    PithObject *o = args[0];
    PithObject *name = pith_str_intern_cstr("__sizeof__");
    if (!name) return NULL;
    PithObject *meth = pith_lookup_special(o, name);
    PITH_DECREF(name);
    PithObject *r;
    if (meth) {
        r = pith_call_noargs(meth);
        PITH_DECREF(meth);
        if (!r) return NULL;
        if (!pith_int_check(r)) {
            PITH_DECREF(r);
            return pith_err_format(&pith_exc_TypeError, "an integer is required");
        }
    } else {
        if (pith_err_occurred()) return NULL;
        PithType *t = PITH_TYPE(o);
        intptr_t n = t->tp_basicsize + (t->tp_itemsize ? t->tp_itemsize * PITH_SIZE(o) : 0);
        r = pith_int_from_ssize(n);
    }
    if (r && PITH_IS_GC(o)) {
        PithObject *extra = pith_int_from_ssize((intptr_t)sizeof(PithGCHead));
        PithObject *sum = extra ? pith_number_add(r, extra) : NULL;
        PITH_XDECREF(extra);
        PITH_SETREF(r, sum);
    }
    return r;
}

static PithObject *sys_getframe(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    if (pith_arg_check_range("_getframe", nargs, 0, 1) < 0) return NULL;
    intptr_t depth = 0;
    if (nargs) {
        depth = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
        if (depth == -1 && pith_err_occurred()) return NULL;
    }
    return pith_eval_get_frame((int)depth);
}

static PithObject *sys_get_int_max_str_digits(PithObject *self, PithObject *const *args,
                                              size_t nargs, PithObject *kwnames) {
    return pith_int_from_ssize(pith_int_max_str_digits);
}

static PithObject *sys_set_int_max_str_digits(PithObject *self, PithObject *const *args,
                                              size_t nargs, PithObject *kwnames) {
    static const char *const kw[] = {"maxdigits", NULL};
    static const PithArgSpec spec = {"set_int_max_str_digits", kw, 1, 0, 1, 1};
    PithObject *v[1];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    intptr_t n = pith_number_as_ssize(v[0], &pith_exc_OverflowError);
    if (n == -1 && pith_err_occurred()) return NULL;
    if (n != 0 && n < PITH_INT_MAX_STR_DIGITS_THRESHOLD)
        return pith_err_format(&pith_exc_ValueError, "maxdigits must be 0 or larger than %d",
                               PITH_INT_MAX_STR_DIGITS_THRESHOLD);
    pith_int_max_str_digits = n;
    PITH_RETURN_NONE;
}

static PithObject *sys_debugmallocstats(PithObject *self, PithObject *const *args,
                                        size_t nargs, PithObject *kwnames) {
    pith_stdio_flush(pith_sys_get_object("stderr"));
    pith_mem_debug_stats(stderr);
    PITH_RETURN_NONE;
}

static PithObject *const_str(const char *s) { return pith_str_from_cstr(s); }

static PithObject *sys_getdefaultencoding(PithObject *self, PithObject *const *args,
                                          size_t nargs, PithObject *kwnames) {
    return const_str("utf-8");
}

static PithObject *sys_getfsencodeerrors(PithObject *self, PithObject *const *args,
                                         size_t nargs, PithObject *kwnames) {
    return const_str("surrogateescape");
}

static PithObject *sys_is_finalizing(PithObject *self, PithObject *const *args,
                                     size_t nargs, PithObject *kwnames) {
    PITH_RETURN_FALSE;
}

/* sys.audit(event, *args): no audit hooks are supported, so a no-op
 * (os.walk and others call it); addaudithook accepts and ignores hooks. */
static PithObject *sys_audit(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    if (nargs < 1) {
        pith_err_set_string(&pith_exc_TypeError, "audit() missing 1 required positional argument: 'event'");
        return NULL;
    }
    if (!pith_str_check(args[0]))
        return pith_err_format(&pith_exc_TypeError, "expected str for argument 'event', not %T",
                               args[0]);
    PITH_RETURN_NONE;
}

static PithObject *sys_addaudithook(PithObject *self, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    PITH_RETURN_NONE;
}

/* runtime/unraisable.c: the default sys.unraisablehook. */
PithObject *pith_sys_unraisablehook(PithObject *self, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames);

static PithMethodDef sys_methods[] = {
    {"audit", sys_audit, PITH_METH_FAST, NULL},
    {"addaudithook", sys_addaudithook, PITH_METH_O, NULL},
    {"exit", sys_exit, PITH_METH_FAST, NULL},
    {"getrecursionlimit", sys_getrecursionlimit, PITH_METH_NOARGS, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, PITH_METH_O, NULL},
    {"exc_info", sys_exc_info, PITH_METH_NOARGS, NULL},
    {"exception", sys_exception, PITH_METH_NOARGS, NULL},
    {"excepthook", sys_excepthook, PITH_METH_FAST, NULL},
    {"displayhook", sys_displayhook, PITH_METH_O, NULL},
    {"breakpointhook", sys_breakpointhook, PITH_METH_KW, NULL},
    {"unraisablehook", pith_sys_unraisablehook, PITH_METH_O, NULL},
    {"intern", sys_intern, PITH_METH_O, NULL},
    {"getrefcount", sys_getrefcount, PITH_METH_O, NULL},
    {"getsizeof", sys_getsizeof, PITH_METH_FAST, NULL},
    {"_getframe", sys_getframe, PITH_METH_FAST, NULL},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, PITH_METH_NOARGS, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, PITH_METH_KW, NULL},
    {"_debugmallocstats", sys_debugmallocstats, PITH_METH_NOARGS, NULL},
    {"getdefaultencoding", sys_getdefaultencoding, PITH_METH_NOARGS, NULL},
    {"getfilesystemencoding", sys_getdefaultencoding, PITH_METH_NOARGS, NULL},
    {"getfilesystemencodeerrors", sys_getfsencodeerrors, PITH_METH_NOARGS, NULL},
    {"is_finalizing", sys_is_finalizing, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- data ---------------------------------------------------------------- */

/* list of str from a C argv */
static PithObject *argv_list(int argc, char **argv) {
    PithObject *l = pith_list_new(0);
    for (int i = 0; l && i < argc; i++) {
        PithObject *s = pith_str_from_utf8(argv[i], -1);
        if (!s || pith_list_append(l, s) < 0) PITH_CLEAR(l);
        PITH_XDECREF(s);
    }
    return l;
}

static int append_cstr(PithObject *list, const char *s, size_t n) {
    PithObject *str = pith_str_from_utf8(s, (intptr_t)n);
    if (!str) return -1;
    int r = pith_list_append(list, str);
    PITH_DECREF(str);
    return r;
}

/* Absolute path of the running binary ("" when unknown). */
static void executable_path(char *out, size_t size) {
    ssize_t n = readlink("/proc/self/exe", out, size - 1);
    out[n > 0 ? n : 0] = 0;
}

/* Directory part of path (in place); "" when none. */
static void dir_of(char *path) {
    char *slash = strrchr(path, '/');
    if (slash == path) slash[1] = 0;
    else if (slash) *slash = 0;
    else path[0] = 0;
}

static int path_add_script_dir(PithObject *path) {
    const char *f = pith_config.run_filename;
    if (pith_config.isolated || pith_config.safe_path) return 0;
    char buf[PATH_MAX];
    if (pith_config.run_module && !pith_config.run_command) { /* -m: the absolute cwd */
        if (!getcwd(buf, sizeof buf)) buf[0] = 0;
        return append_cstr(path, buf, strlen(buf));
    }
    if (!f || strcmp(f, "-") == 0 || pith_config.run_command) return append_cstr(path, "", 0);
    if (!realpath(f, buf)) snprintf(buf, sizeof buf, "%s", f);
    dir_of(buf);
    return append_cstr(path, buf, strlen(buf));
}

static int path_add_env(PithObject *path) {
    const char *pp = pith_config.ignore_environment ? NULL : getenv("PYTHONPATH");
    while (pp && *pp) {
        const char *colon = strchr(pp, ':');
        size_t n = colon ? (size_t)(colon - pp) : strlen(pp);
        if (n > 0 && append_cstr(path, pp, n) < 0) return -1;
        pp = colon ? colon + 1 : NULL;
    }
    return 0;
}

/* CPython's pure-Python standard library (override: make EXTRA_CFLAGS=-DPITH_STDLIB=...). */
#ifndef PITH_STDLIB
#define PITH_STDLIB "/usr/lib/python3.11"
#endif

/* sys.path: script dir (or ''), PYTHONPATH, pith's own lib/ ($PITHHOME/lib,
 * else next to the executable), then the CPython stdlib directory. */
static PithObject *build_path(const char *exe) {
    PithObject *path = pith_list_new(0);
    if (!path) return NULL;
    char lib[PATH_MAX + 8];
    const char *home = pith_config.ignore_environment ? NULL : getenv("PITHHOME");
    if (home && *home) {
        snprintf(lib, sizeof lib, "%s/lib", home);
    } else {
        snprintf(lib, sizeof lib, "%s", exe);
        dir_of(lib);
        strcat(lib, "/lib");
    }
    if (path_add_script_dir(path) < 0 || path_add_env(path) < 0 ||
        append_cstr(path, lib, strlen(lib)) < 0 ||
        append_cstr(path, PITH_STDLIB, strlen(PITH_STDLIB)) < 0)
        PITH_CLEAR(path);
    return path;
}

/* Build one struct sequence value from C values (ints/strs/floats). */
static PithObject *make_seq(PithStructSeqType *t, PithObject **items, int n) {
    PithObject *r = NULL;
    for (int i = 0; i < n; i++)
        if (!items[i]) goto done;
    r = pith_structseq_new(t, items);
done:
    for (int i = 0; i < n; i++) PITH_XDECREF(items[i]);
    return r;
}

#define I(v) pith_int_from_i64(v)
#define S(v) pith_str_from_cstr(v)
#define F(v) pith_float_from_double(v)

static PithObject *make_version_info(void) {
    static const char *const f[] = {"major", "minor", "micro", "releaselevel", "serial"};
    if (!version_info_type.type.tp_name &&
        pith_structseq_init_type(&version_info_type, "sys.version_info", f, 5) < 0)
        return NULL;
    PithObject *it[5] = {I(3), I(11), I(7), S("final"), I(0)};
    return make_seq(&version_info_type, it, 5);
}

static PithObject *make_flags(void) {
    static const char *const f[] = {
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
        "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
        "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
        "warn_default_encoding", "safe_path", "int_max_str_digits"};
    if (!flags_type.type.tp_name && pith_structseq_init_type(&flags_type, "sys.flags", f, 18) < 0)
        return NULL;
    PithConfig *c = &pith_config;
    PithObject *it[18] = {
        I(c->debug), I(c->inspect), I(c->interactive), I(c->optimize),
        I(c->dont_write_bytecode), I(c->no_user_site), I(c->no_site),
        I(c->ignore_environment), I(c->verbose), I(c->bytes_warning), I(c->quiet),
        I(!c->use_hash_seed || c->hash_seed != 0), I(c->isolated), PITH_NEWREF(PITH_FALSE), I(0), I(0),
        PITH_NEWREF(pith_bool_from(c->safe_path)), I(-1)};
    return make_seq(&flags_type, it, 18);
}

static PithObject *make_float_info(void) {
    static const char *const f[] = {"max", "max_exp", "max_10_exp", "min", "min_exp",
                                    "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
                                    "rounds"};
    if (!float_info_type.type.tp_name &&
        pith_structseq_init_type(&float_info_type, "sys.float_info", f, 11) < 0)
        return NULL;
    PithObject *it[11] = {F(DBL_MAX), I(DBL_MAX_EXP), I(DBL_MAX_10_EXP), F(DBL_MIN),
                          I(DBL_MIN_EXP), I(DBL_MIN_10_EXP), I(DBL_DIG), I(DBL_MANT_DIG),
                          F(DBL_EPSILON), I(FLT_RADIX), I(1)};
    return make_seq(&float_info_type, it, 11);
}

static PithObject *make_int_info(void) {
    static const char *const f[] = {"bits_per_digit", "sizeof_digit",
                                    "default_max_str_digits", "str_digits_check_threshold"};
    if (!int_info_type.type.tp_name &&
        pith_structseq_init_type(&int_info_type, "sys.int_info", f, 4) < 0)
        return NULL;
    /* CPython's digit size, not pith's: programs print it. */
    PithObject *it[4] = {I(30), I(4), I(4300), I(640)};
    return make_seq(&int_info_type, it, 4);
}

/* pith hashes numbers modulo 2**61-1 and str/bytes with SipHash-1-3, as
 * CPython 3.11 on 64-bit platforms (no small-string cutoff). */
static PithObject *make_hash_info(void) {
    static const char *const f[] = {"width", "modulus", "inf", "nan", "imag",
                                    "algorithm", "hash_bits", "seed_bits", "cutoff"};
    if (!hash_info_type.type.tp_name &&
        pith_structseq_init_type(&hash_info_type, "sys.hash_info", f, 9) < 0)
        return NULL;
    PithObject *it[9] = {I(64), I(((int64_t)1 << 61) - 1), I(314159), I(0), I(1000003),
                         S("siphash13"), I(64), I(128), I(0)};
    return make_seq(&hash_info_type, it, 9);
}

static PithObject *make_implementation(void) {
    PithObject *d = pith_dict_new();
    if (!d) return NULL;
    PithObject *vi = make_version_info();
    PithObject *vals[4] = {S("pith"), S("pith-311"), vi, I(PITH_VERSION_HEX)};
    static const char *const keys[4] = {"name", "cache_tag", "version", "hexversion"};
    PithObject *ns = NULL;
    int ok = 1;
    for (int i = 0; i < 4; i++)
        ok = ok && vals[i] && pith_dict_set_item_str(d, keys[i], vals[i]) == 0;
    if (ok) ns = pith_namespace_new(d);
    for (int i = 0; i < 4; i++) PITH_XDECREF(vals[i]);
    PITH_DECREF(d);
    return ns;
}

void pith_version_text(char *buf, size_t size) {
#if defined(__clang__)
    const char *cc = "Clang " __clang_version__;
#elif defined(__GNUC__)
    const char *cc = "GCC " __VERSION__;
#else
    const char *cc = "C";
#endif
    snprintf(buf, size, "%s (pith, %s, %s) [%s]", PITH_VERSION, __DATE__, __TIME__, cc);
}

static PithObject *make_version(void) {
    char buf[256];
    pith_version_text(buf, sizeof buf);
    return S(buf);
}

static PithObject *builtin_module_names(void) {
    intptr_t n = 0;
    while (pith_builtin_modules[n].name) n++;
    PithObject *l = pith_list_new(0);
    for (intptr_t i = 0; l && i < n; i++)
        if (append_cstr(l, pith_builtin_modules[i].name,
                        strlen(pith_builtin_modules[i].name)) < 0)
            PITH_CLEAR(l);
    if (!l || pith_list_sort(l) < 0) {
        PITH_XDECREF(l);
        return NULL;
    }
    PithObject *t = pith_list_as_tuple(l);
    PITH_DECREF(l);
    return t;
}

/* stdin/stdout errors handler: surrogateescape in the C/POSIX locale. */
static const char *stdio_errors(void) {
    const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (!v || !*v) continue;
        if (!strcmp(v, "C") || !strcmp(v, "POSIX") || !strncmp(v, "C.", 2))
            return "surrogateescape";
        return "strict";
    }
    return "surrogateescape";
}

static int add_streams(PithObject *m) {
    const char *errs = stdio_errors();
    bool unbuf = pith_config.unbuffered != 0;
    PithObject *in = pith_stdio_new(0, "<stdin>", "r", errs, isatty(0), false);
    PithObject *out = pith_stdio_new(1, "<stdout>", "w", errs, isatty(1), unbuf);
    PithObject *err = pith_stdio_new(2, "<stderr>", "w", "backslashreplace", true, unbuf);
    PithObject *s[3] = {in, out, err};
    static const char *const names[3] = {"stdin", "stdout", "stderr"};
    int r = 0;
    for (int i = 0; i < 3; i++) {
        char dunder[16];
        snprintf(dunder, sizeof dunder, "__%s__", names[i]);
        if (!s[i]) {
            r = -1;
            continue;
        }
        if (r == 0) {
            PITH_INCREF(s[i]);
            r = pith_module_add_object(m, names[i], s[i]);
            if (r == 0) {
                PITH_INCREF(s[i]);
                r = pith_module_add_object(m, dunder, s[i]);
            }
        }
        PITH_DECREF(s[i]);
    }
    return r;
}

/* Add the hooks under both their names (excepthook and __excepthook__). */
static int add_hooks(PithObject *m) {
    static const char *const names[] = {"excepthook", "displayhook", "breakpointhook",
                                        "unraisablehook"};
    PithObject *d = pith_module_get_dict(m);
    for (int i = 0; i < 4; i++) {
        PithObject *f = pith_dict_get_item_str(d, names[i]);
        char dunder[32];
        snprintf(dunder, sizeof dunder, "__%s__", names[i]);
        if (!f || pith_dict_set_item_str(d, dunder, f) < 0) return -1;
    }
    return 0;
}

static int add_version_data(PithObject *m) {
    int little = 1;
    const char *order = *(char *)&little ? "little" : "big";
    int r = 0;
    r |= pith_module_add_object(m, "version", make_version());
    r |= pith_module_add_object(m, "version_info", make_version_info());
    r |= pith_module_add_object(m, "hexversion", I(PITH_VERSION_HEX));
    r |= pith_module_add_object(m, "api_version", I(1013));
    r |= pith_module_add_object(m, "implementation", make_implementation());
    r |= pith_module_add_object(m, "copyright", S(SYS_COPYRIGHT));
    r |= pith_module_add_object(m, "platform", S("linux"));
    r |= pith_module_add_object(m, "byteorder", S(order));
    r |= pith_module_add_object(m, "maxsize", pith_int_from_ssize(INTPTR_MAX));
    r |= pith_module_add_object(m, "maxunicode", I(0x10FFFF));
    r |= pith_module_add_object(m, "float_info", make_float_info());
    r |= pith_module_add_object(m, "int_info", make_int_info());
    r |= pith_module_add_object(m, "hash_info", make_hash_info());
    r |= pith_module_add_object(m, "float_repr_style", S("short"));
    r |= pith_module_add_object(m, "abiflags", S(""));
    r |= pith_module_add_object(m, "platlibdir", S("lib"));
    r |= pith_module_add_object(m, "builtin_module_names", builtin_module_names());
    return r ? -1 : 0;
}

/* -X pycache_prefix=DIR, else PYTHONPYCACHEPREFIX, else None ('' = None). */
static PithObject *pycache_prefix(void) {
    PithObject *x = pith_interp.xoptions ? pith_dict_get_item_str(pith_interp.xoptions, "pycache_prefix") : NULL;
    if (x && pith_str_check(x)) return PITH_STR_LEN(x) ? PITH_NEWREF(x) : PITH_NEWREF(PITH_NONE);
    const char *e = pith_config.ignore_environment ? NULL : getenv("PYTHONPYCACHEPREFIX");
    return e && *e ? S(e) : PITH_NEWREF(PITH_NONE);
}

static int add_paths(PithObject *m, int argc, char **argv) {
    char exe[PATH_MAX];
    executable_path(exe, sizeof exe);
    char prefix[PATH_MAX];
    snprintf(prefix, sizeof prefix, "%s", exe);
    dir_of(prefix);
    int r = 0;
    r |= pith_module_add_object(m, "argv", argv_list(argc, argv));
    r |= pith_module_add_object(m, "orig_argv",
                                argv_list(pith_config.orig_argc, pith_config.orig_argv));
    r |= pith_module_add_object(m, "executable", S(exe));
    r |= pith_module_add_object(m, "_base_executable", S(exe));
    r |= pith_module_add_object(m, "path", build_path(exe));
    static const char *const pfx[] = {"prefix", "exec_prefix", "base_prefix",
                                      "base_exec_prefix"};
    for (int i = 0; i < 4; i++) r |= pith_module_add_object(m, pfx[i], S(prefix));
    r |= pith_module_add_object(m, "meta_path", pith_list_new(0));
    r |= pith_module_add_object(m, "path_hooks", pith_list_new(0));
    r |= pith_module_add_object(m, "path_importer_cache", pith_dict_new());
    r |= pith_module_add_object(m, "pycache_prefix", pycache_prefix());
    return r ? -1 : 0;
}

static int add_config(PithObject *m) {
    if (!pith_interp.xoptions && !(pith_interp.xoptions = pith_dict_new())) return -1;
    PithObject *warn = pith_config.warnoptions ? pith_config.warnoptions : pith_list_new(0);
    if (!warn) return -1;
    PITH_INCREF(warn);
    pith_config.warnoptions = warn;
    int r = 0;
    r |= pith_module_add_object(m, "flags", make_flags());
    r |= pith_module_add_object(m, "dont_write_bytecode",
                                PITH_NEWREF(pith_bool_from(pith_config.dont_write_bytecode)));
    r |= pith_module_add_object(m, "_xoptions", PITH_NEWREF(pith_interp.xoptions));
    r |= pith_module_add_object(m, "warnoptions", warn);
    return r ? -1 : 0;
}

int pith_sys_init(int argc, char **argv) {
    if (pith_type_ready(&pith_stdio_type) < 0 || pith_type_ready(&pith_namespace_type) < 0)
        return -1;
    PithObject *m = pith_module_new("sys");
    if (!m) return -1;
    if (!pith_interp.modules && !(pith_interp.modules = pith_dict_new())) goto fail;
    pith_interp.sys_module = m;
    pith_interp.sysdict = pith_module_get_dict(m);
    pith_interp.verbose = pith_config.verbose;
    pith_interp.optimize = pith_config.optimize;
    pith_interp.dont_write_bytecode = pith_config.dont_write_bytecode;
    pith_interp.inspect = pith_config.inspect;
    pith_interp.isolated = pith_config.isolated;
    if (pith_module_add_functions(m, sys_methods) < 0 || add_hooks(m) < 0 ||
        add_streams(m) < 0 || add_version_data(m) < 0 || add_paths(m, argc, argv) < 0 ||
        add_config(m) < 0)
        goto fail;
    if (pith_module_add_object(m, "modules", PITH_NEWREF(pith_interp.modules)) < 0 ||
        pith_dict_set_item_str(pith_interp.modules, "sys", m) < 0)
        goto fail;
    if (pith_interp.builtins_module &&
        pith_dict_set_item_str(pith_interp.modules, "builtins",
                               pith_interp.builtins_module) < 0)
        goto fail;
    return 0;
fail:
    return -1;
}

PithObject *pith_sys_module_init(void) {
    if (!pith_interp.sys_module)
        return pith_err_format(&pith_exc_ImportError, "sys is not initialized");
    return PITH_NEWREF(pith_interp.sys_module);
}
