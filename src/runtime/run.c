/* run.c — the command line (pith_bytes_main) and the program runners:
 * option parsing into pith_config, the __main__ module, running a command,
 * a script file or stdin, a minimal interactive loop, and the top-level
 * handling of uncaught exceptions (SystemExit -> exit status).
 * Messages and exit codes follow CPython 3.11's `python3`. */
#include "pith/pith.h"
#include "pith/compile.h"
#include "pith/import.h"
#include "pith/run.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *prog_name = "pith";
static int version_count, help_requested;

/* ---- usage and option errors --------------------------------------------- */

static const char usage_line[] =
    "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static const char help_text[] =
    "Options (and corresponding environment variables):\n"
    "-b     : issue warnings about str(bytes_instance), str(bytearray_instance)\n"
    "         and comparing bytes/bytearray with str. (-bb: issue errors)\n"
    "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-d     : turn on parser debugging output (for experts only, only works on\n"
    "         debug builds); also PYTHONDEBUG=x\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal; also PYTHONINSPECT=x\n"
    "-I     : isolate Python from the user's environment (implies -E and -s)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-O     : remove assert and __debug__-dependent statements; add .opt-1 before\n"
    "         .pyc extension; also PYTHONOPTIMIZE=x\n"
    "-OO    : do -O changes and also discard docstrings; add .opt-2 before\n"
    "         .pyc extension\n"
    "-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE\n"
    "-S     : don't imply 'import site' on initialization\n"
    "-u     : force the stdout and stderr streams to be unbuffered;\n"
    "         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n"
    "-v     : verbose (trace import statements); also PYTHONVERBOSE=x\n"
    "         can be supplied multiple times to increase verbosity\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "         when given twice, print more information about the build\n"
    "-W arg : warning control; arg is action:message:category:module:lineno\n"
    "         also PYTHONWARNINGS=arg\n"
    "-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
    "-X opt : set implementation-specific option\n"
    "--check-hash-based-pycs always|default|never:\n"
    "         control how Python invalidates hash-based .pyc files\n"
    "--help-env      : print help about Python environment variables and exit\n"
    "--help-xoptions : print help about implementation-specific -X options and exit\n"
    "--help-all      : print complete help information and exit\n"
    "Arguments:\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

static int usage_error(const char *fmt, const char *arg) {
    fprintf(stderr, fmt, arg);
    fprintf(stderr, usage_line, prog_name);
    fprintf(stderr, "Try `pith -h' for more information.\n");
    return 2;
}

static void print_version(void) {
    char text[256];
    pith_version_text(text, sizeof text);
    if (version_count >= 2)
        printf("Python %s\n", text);
    else
        printf("Python %s\n", PITH_VERSION);
}

/* ---- option parsing ------------------------------------------------------ */

/* Pending values collected during parsing (applied once the runtime exists). */
static const char *xopts[64];
static int nxopts;
static const char *wopts[64];
static int nwopts;
static int skip_first_line;

/* Apply one single-letter flag; returns 0, or the exit status on error. */
static int apply_flag(char c) {
    PithConfig *cf = &pith_config;
    switch (c) {
    case 'b': cf->bytes_warning++; break;
    case 'B': cf->dont_write_bytecode = 1; break;
    case 'd': cf->debug++; break;
    case 'E': cf->ignore_environment = 1; break;
    case 'h': case '?': help_requested = 1; break;
    case 'i': cf->inspect = cf->interactive = 1; break;
    case 'I': cf->isolated = cf->ignore_environment = cf->no_user_site = cf->safe_path = 1; break;
    case 'O': cf->optimize++; break;
    case 'P': cf->safe_path = 1; break;
    case 'q': cf->quiet = 1; break;
    case 's': cf->no_user_site = 1; break;
    case 'S': cf->no_site = 1; break;
    case 'u': cf->unbuffered = 1; break;
    case 'v': cf->verbose++; break;
    case 'V': version_count++; break;
    case 'x': skip_first_line = 1; break;
    case 'R': break;
    default: {
        char opt[3] = {'-', c, 0};
        return usage_error("Unknown option: %s\n", opt);
    }
    }
    return 0;
}

/* Store the argument of -c/-m/-X/-W; returns 0 or exit status. */
static int apply_arg_option(char c, const char *val) {
    switch (c) {
    case 'c': pith_config.run_command = val; break;
    case 'm': pith_config.run_module = val; break;
    case 'X': if (nxopts < 64) xopts[nxopts++] = val; break;
    case 'W': if (nwopts < 64) wopts[nwopts++] = val; break;
    }
    return 0;
}

static int parse_long_option(const char *a) {
    if (!strcmp(a, "--version")) version_count++;
    else if (!strcmp(a, "--help") || !strcmp(a, "--help-all") || !strcmp(a, "--help-env") ||
             !strcmp(a, "--help-xoptions"))
        help_requested = 1;
    else if (!strcmp(a, "--check-hash-based-pycs")) return -1; /* takes an argument */
    else return usage_error("unknown option %s\n", a);
    return 0;
}

/* Parse argv; sets pith_config.script_argv. Returns -1 to continue, or an
 * exit status. */
static int parse_args(int argc, char **argv) {
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == 0) break; /* script name or "-" */
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (a[1] == '-') {
            int r = parse_long_option(a);
            if (r == -1 && ++i >= argc)
                return usage_error("Argument expected for the %s option\n", a);
            if (r > 0) return r;
            continue;
        }
        for (const char *p = a + 1; *p; p++) {
            if (strchr("cmXW", *p)) {
                const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!val) {
                    char opt[3] = {'-', *p, 0};
                    return usage_error("Argument expected for the %s option\n", opt);
                }
                apply_arg_option(*p, val);
                break;
            }
            int r = apply_flag(*p);
            if (r) return r;
        }
        if (pith_config.run_command || pith_config.run_module) {
            i++;
            break;
        }
    }
    /* sys.argv: [script-or-marker, rest...] */
    static char dash_c[] = "-c", dash_m[] = "-m", empty[] = "";
    pith_config.script_argv = &argv[i - 1];
    pith_config.script_argc = argc - i + 1;
    if (pith_config.run_command) {
        argv[i - 1] = dash_c;
    } else if (pith_config.run_module) {
        argv[i - 1] = dash_m;
    } else if (i < argc) {
        pith_config.run_filename = argv[i];
        pith_config.script_argv = &argv[i];
        pith_config.script_argc = argc - i;
    } else {
        argv[i - 1] = empty;
    }
    return -1;
}

static bool env_flag(const char *name) {
    const char *v = pith_config.ignore_environment ? NULL : getenv(name);
    return v && *v;
}

static void apply_environment(void) {
    PithConfig *cf = &pith_config;
    if (env_flag("PYTHONDONTWRITEBYTECODE")) cf->dont_write_bytecode = 1;
    if (env_flag("PYTHONUNBUFFERED")) cf->unbuffered = 1;
    if (env_flag("PYTHONINSPECT")) cf->inspect = 1;
    if (env_flag("PYTHONNOUSERSITE")) cf->no_user_site = 1;
    if (env_flag("PYTHONSAFEPATH")) cf->safe_path = 1;
    if (env_flag("PYTHONOPTIMIZE") && cf->optimize == 0) {
        int n = atoi(getenv("PYTHONOPTIMIZE"));
        cf->optimize = n > 0 ? n : 1;
    }
    if (cf->optimize > 2) cf->optimize = 2;
}

/* PYTHONHASHSEED: unset, empty, "random" or 0..4294967295 (strtoul's syntax),
 * else CPython's fatal error and -1. */
static int read_hash_seed(void) {
    const char *v = pith_config.ignore_environment ? NULL : getenv("PYTHONHASHSEED");
    if (!v || !*v || !strcmp(v, "random")) return 0;
    char *end;
    errno = 0;
    unsigned long long seed = strtoull(v, &end, 10);
    if (*end || seed > 4294967295ull || errno == ERANGE) {
        fputs("Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" "
              "or an integer in range [0; 4294967295]\nPython runtime state: preinitialized\n\n",
              stderr);
        return -1;
    }
    pith_config.use_hash_seed = 1;
    pith_config.hash_seed = (unsigned long)seed;
    return 0;
}

/* -X options into pith_interp.xoptions, -W into pith_config.warnoptions. */
static int store_options(void) {
    if (!(pith_interp.xoptions = pith_dict_new())) return -1;
    for (int i = 0; i < nxopts; i++) {
        pith_mem_xoption(xopts[i]); /* gcstress, memstats */
        const char *eq = strchr(xopts[i], '=');
        PithObject *k = pith_str_from_utf8(xopts[i], eq ? eq - xopts[i] : -1);
        PithObject *v = eq ? pith_str_from_utf8(eq + 1, -1) : PITH_NEWREF(PITH_TRUE);
        int r = (k && v) ? pith_dict_set_item(pith_interp.xoptions, k, v) : -1;
        PITH_XDECREF(k);
        PITH_XDECREF(v);
        if (r < 0) return -1;
    }
    if (!(pith_config.warnoptions = pith_list_new(0))) return -1;
    for (int i = 0; i < nwopts; i++) {
        PithObject *s = pith_str_from_utf8(wopts[i], -1);
        int r = s ? pith_list_append(pith_config.warnoptions, s) : -1;
        PITH_XDECREF(s);
        if (r < 0) return -1;
    }
    return 0;
}

/* ---- the __main__ module ----------------------------------------------------- */

static PithObject *main_dict;

/* __main__.__loader__: a SourceFileLoader for a script file, else (-c,
 * stdin, REPL) the BuiltinImporter class, as CPython. */
static int set_main_loader(const char *file) {
    if (pith_import_types_ready() < 0) return -1;
    PithObject *loader = NULL;
    if (file && strcmp(file, "<stdin>") != 0) {
        PithObject *f = pith_str_from_utf8(file, -1), *n = pith_str_from_cstr("__main__");
        loader = f && n ? pith_loader_new(&pith_sourceloader_type, n, f) : NULL;
        PITH_XDECREF(f);
        PITH_XDECREF(n);
    } else {
        loader = PITH_NEWREF((PithObject *)&pith_builtinimporter_type);
    }
    int r = loader ? pith_dict_set_item_str(main_dict, "__loader__", loader) : -1;
    PITH_XDECREF(loader);
    return r;
}

/* Builtin modules registered before the import system ran (sys, builtins)
 * get their __spec__/__loader__ too. */
static int fix_preloaded_modules(void) {
    PithObject *keys = pith_sequence_list(pith_interp.modules);
    int r = keys ? 0 : -1;
    for (intptr_t i = 0; keys && r == 0 && i < PITH_SIZE(keys); i++) {
        PithObject *k = PITH_LIST_GET(keys, i), *m = pith_dict_get_item(pith_interp.modules, k);
        if (m && pith_str_check(k)) r = pith_import_set_builtin_attrs(m, k);
    }
    PITH_XDECREF(keys);
    /* sys.meta_path: the builtin and path finders, as CPython's (minus frozen) */
    PithObject *mp = pith_dict_get_item_str(pith_interp.sysdict, "meta_path");
    if (r == 0 && mp && pith_list_check(mp) && PITH_SIZE(mp) == 0 &&
        (pith_list_append(mp, (PithObject *)&pith_builtinimporter_type) < 0 ||
         pith_list_append(mp, (PithObject *)&pith_pathfinder_type) < 0))
        r = -1;
    return r;
}

/* __main__ with CPython's entries, in CPython's order. file NULL for -c. */
static int setup_main(const char *file) {
    PithObject *m = pith_module_new("__main__");
    if (!m) return -1;
    main_dict = pith_module_get_dict(m);
    PithObject *ann = pith_dict_new();
    int r = ann ? pith_dict_set_item_str(pith_interp.modules, "__main__", m) : -1;
    static const char *const nones[] = {"__doc__", "__package__", "__loader__", "__spec__"};
    for (int i = 0; i < 4 && r == 0; i++) r = pith_dict_set_item_str(main_dict, nones[i], PITH_NONE);
    if (r == 0) r = pith_dict_set_item_str(main_dict, "__annotations__", ann);
    if (r == 0) r = pith_dict_set_item_str(main_dict, "__builtins__", pith_interp.builtins_module);
    if (r == 0 && file) {
        PithObject *f = pith_str_from_utf8(file, -1);
        r = f ? pith_dict_set_item_str(main_dict, "__file__", f) : -1;
        if (r == 0) r = pith_dict_set_item_str(main_dict, "__cached__", PITH_NONE);
        PITH_XDECREF(f);
    }
    if (r == 0) r = set_main_loader(file);
    PITH_XDECREF(ann);
    PITH_DECREF(m); /* sys.modules keeps it alive */
    return r;
}

/* ---- running source ---------------------------------------------------------- */

static int run_code_in(PithCode *co, PithObject *globals) {
    PithObject *r = pith_eval_code(co, globals, globals);
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

int pith_run_source(const char *src, size_t len, const char *filename, PithObject *globals) {
    PithObject *fn = pith_str_from_utf8(filename, -1);
    if (!fn) return -1;
    PithCode *co = pith_compile_source(src, len, fn, PITH_MODE_EXEC, pith_config.optimize);
    PITH_DECREF(fn);
    if (!co) return -1;
    int r = run_code_in(co, globals ? globals : main_dict);
    PITH_DECREF(co);
    return r;
}

/* Does the source declare an encoding (PEP 263) in its first two lines? */
static bool has_coding_decl(const char *s, size_t n) {
    for (int line = 0; line < 2 && n > 0; line++) {
        const char *nl = memchr(s, '\n', n);
        size_t ln = nl ? (size_t)(nl - s) : n;
        for (size_t i = 0; i + 6 <= ln; i++)
            if (!memcmp(s + i, "coding", 6) && i + 6 < ln && (s[i + 6] == ':' || s[i + 6] == '='))
                return memchr(s, '#', i) != NULL;
        if (!nl) break;
        n -= ln + 1;
        s = nl + 1;
    }
    return false;
}

/* Offset of the first invalid UTF-8 sequence, or -1 if all valid. */
static intptr_t utf8_invalid_at(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : 9;
        if (k == 9 || (k == 1 && c < 0xC2) || i + k >= n + (k == 0)) return (intptr_t)i;
        for (size_t j = 1; j <= k; j++)
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80) return (intptr_t)i;
        i += k + 1;
    }
    return -1;
}

/* CPython's check of undeclared non-UTF-8 source files. */
static int check_source_encoding(const char *src, size_t len, const char *filename) {
    if (has_coding_decl(src, len)) return 0;
    intptr_t bad = utf8_invalid_at((const unsigned char *)src, len);
    if (bad < 0) return 0;
    int line = 1;
    for (intptr_t i = 0; i < bad; i++) line += src[i] == '\n';
    pith_err_format(&pith_exc_SyntaxError,
                    "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no "
                    "encoding declared; see https://peps.python.org/pep-0263/ for details",
                    (unsigned char)src[bad], filename, line);
    return -1;
}

/* Read all of fd into a malloc'ed buffer. */
static char *read_fd(int fd, size_t *len) {
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            if (r < 0) {
                free(buf);
                return NULL;
            }
            buf[n] = 0;
            *len = n;
            return buf;
        }
        n += (size_t)r;
        if (n == cap) {
            char *nb = realloc(buf, (cap *= 2) + 1);
            if (!nb) free(buf);
            buf = nb;
        }
    }
    return NULL;
}

/* Run text read from a script file or stdin as __main__. */
static int run_text(char *src, size_t len, const char *filename) {
    const char *p = src;
    if (skip_first_line) {
        const char *nl = memchr(src, '\n', len);
        size_t skip = nl ? (size_t)(nl - src) : len; /* keep the '\n': line numbers stay */
        p += skip;
        len -= skip;
    }
    if (check_source_encoding(p, len, filename) < 0) return -1;
    return pith_run_source(p, len, filename, NULL);
}

/* Absolute form of a script path, as CPython puts in __file__. */
static char *absolute_path(const char *path) {
    if (path[0] == '/') return strdup(path);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) return strdup(path);
    size_t n = strlen(cwd) + strlen(path) + 2;
    char *r = malloc(n);
    if (r) snprintf(r, n, "%s/%s", cwd, path);
    return r;
}

/* Returns 0 ok, -1 exception set, or (status << 8 | 1) for a CLI error. */
static int run_file(const char *path, int *status) {
    char *abs = absolute_path(path);
    if (!abs) return pith_err_no_memory(), -1;
    struct stat st;
    int fd = open(abs, O_RDONLY);
    if (fd < 0) {
        int e = errno;
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog_name, abs, e,
                strerror(e));
        free(abs);
        *status = 2;
        return 1;
    }
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", prog_name, path);
        close(fd);
        free(abs);
        *status = 1;
        return 1;
    }
    size_t len;
    char *src = read_fd(fd, &len);
    close(fd);
    int r = -1;
    if (!src) pith_err_from_errno(&pith_exc_OSError);
    else if (setup_main(abs) == 0) r = run_text(src, len, abs);
    free(src);
    free(abs);
    return r;
}

static int run_stdin(void) {
    size_t len;
    char *src = read_fd(0, &len);
    if (!src) {
        pith_err_from_errno(&pith_exc_OSError);
        return -1;
    }
    int r = run_text(src, len, "<stdin>");
    free(src);
    return r;
}

/* ---- uncaught exceptions ------------------------------------------------------- */

static void flush_std(const char *name) {
    PithObject *s = pith_sys_get_object(name);
    if (pith_stdio_flush(s) < 0) pith_err_clear();
}

/* Exit status for SystemExit's code (printing non-int codes to stderr). */
static int system_exit_status(PithObject *exc) {
    PithObject *code = pith_getattr_str(exc, "code");
    if (!code) {
        pith_err_clear();
        return 1;
    }
    int status = 0;
    if (code == PITH_NONE) {
        status = 0;
    } else if (pith_int_check(code)) {
        int overflow = 0;
        int64_t v = pith_int_as_i64_overflow(code, &overflow);
        status = (overflow || v > INT_MAX || v < INT_MIN) ? -1 : (int)v;
    } else {
        flush_std("stdout");
        PithObject *err = pith_sys_get_object("stderr");
        if (!err || err == PITH_NONE || pith_file_write_object(code, err, true) < 0 ||
            pith_file_write_string("\n", err) < 0) {
            pith_err_clear();
        }
        status = 1;
    }
    PITH_DECREF(code);
    return status & 0xFF;
}

/* Print exc through sys.excepthook, falling back to the native display.
 * As CPython, a hook that is None is still called (and fails), and a
 * SystemExit raised by the hook ends the program: then its exit status is
 * returned, else -1. */
static int print_exception(PithObject *exc) {
    flush_std("stdout");
    PithObject *hook = pith_sys_get_excepthook();
    PithObject *err = pith_sys_get_object("stderr");
    int status = -1;
    if (!hook) {
        pith_sys_write_stderr("sys.excepthook is missing\n");
        pith_exc_display(exc, err);
    } else {
        PithObject *tb = pith_exc_get_traceback(exc);
        PithObject *argv[3] = {(PithObject *)PITH_TYPE(exc), exc, tb ? tb : PITH_NONE};
        PithObject *r = pith_call(hook, argv, 3, NULL);
        if (r) {
            PITH_DECREF(r);
        } else {
            PithObject *hook_exc = pith_err_fetch();
            if (hook_exc && pith_exc_matches(hook_exc, (PithObject *)&pith_exc_SystemExit) > 0) {
                status = system_exit_status(hook_exc);
            } else {
                pith_sys_write_stderr("Error in sys.excepthook:\n");
                pith_exc_display(hook_exc, err);
                pith_sys_write_stderr("\nOriginal exception was:\n");
                pith_exc_display(exc, err);
            }
            PITH_XDECREF(hook_exc);
        }
    }
    if (pith_err_occurred()) pith_err_clear();
    flush_std("stderr");
    return status;
}

static int got_keyboard_interrupt;

int pith_handle_uncaught(void) {
    PithObject *exc = pith_err_fetch();
    if (!exc) return 0;
    int status = 1;
    if (pith_exc_matches(exc, (PithObject *)&pith_exc_SystemExit) > 0) {
        status = system_exit_status(exc);
    } else {
        if (pith_exc_matches(exc, (PithObject *)&pith_exc_KeyboardInterrupt) > 0)
            got_keyboard_interrupt = 1;
        int hook_status = print_exception(exc);
        if (hook_status >= 0) {
            got_keyboard_interrupt = 0;
            status = hook_status;
        }
    }
    PITH_DECREF(exc);
    if (pith_err_occurred()) pith_err_clear();
    return status;
}

/* ---- interactive loop ------------------------------------------------------------ */

static void write_prompt(const char *p) {
    PithObject *saved = pith_err_fetch();
    PithObject *err = pith_sys_get_object("stderr");
    if (err && err != PITH_NONE) {
        if (pith_file_write_string(p, err) < 0 || pith_stdio_flush(err) < 0) pith_err_clear();
    }
    pith_err_restore(saved);
}

/* Read one line from sys.stdin as UTF-8 into buf (NULL at EOF). */
static PithObject *repl_read_line(const char *prompt) {
    write_prompt(prompt);
    PithObject *in = pith_sys_get_object("stdin");
    if (!in || in == PITH_NONE) return NULL;
    PithObject *line = PITH_TYPE(in) == &pith_stdio_type ? pith_stdio_readline(in)
                                                         : pith_call_method(in, "readline", NULL, 0);
    if (!line) pith_err_clear();
    else if (!pith_str_check(line) || PITH_STR_LEN(line) == 0) PITH_CLEAR(line);
    return line;
}

static bool line_opens_block(PithObject *line) {
    intptr_t n = PITH_STR_LEN(line);
    while (n > 0 && pith_unicode_isspace(pith_str_read((PithStr *)line, n - 1))) n--;
    return n > 0 && pith_str_read((PithStr *)line, n - 1) == ':';
}

static bool line_is_blank(PithObject *line) {
    for (intptr_t i = 0; i < PITH_STR_LEN(line); i++)
        if (!pith_unicode_isspace(pith_str_read((PithStr *)line, i))) return false;
    return true;
}

/* Execute one interactive statement; returns 0, or 1 with *status set on SystemExit. */
static int repl_exec(PithObject *text, int *status) {
    intptr_t n;
    const char *s = pith_str_utf8_size(text, &n);
    PithObject *fn = pith_str_from_cstr("<stdin>");
    PithCode *co = (s && fn) ? pith_compile_source(s, (size_t)n, fn, PITH_MODE_SINGLE,
                                                   pith_config.optimize)
                             : NULL;
    PITH_XDECREF(fn);
    if (co) {
        run_code_in(co, main_dict);
        PITH_DECREF(co);
    }
    if (!pith_err_occurred()) return 0;
    if (pith_err_matches(&pith_exc_SystemExit)) {
        *status = pith_handle_uncaught();
        return 1;
    }
    pith_handle_uncaught();
    return 0;
}

/* Minimal read-eval-print loop; returns the exit status. */
static int run_repl(bool banner) {
    {
        if (banner && !pith_config.quiet) {
            char text[200];
            pith_version_text(text, sizeof text);
            write_prompt("Python ");
            write_prompt(text);
            write_prompt(" on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" "
                         "for more information.\n");
        }
    }
    int status = 0;
    for (;;) {
        PithObject *line = repl_read_line(">>> ");
        if (!line) break;
        if (line_opens_block(line)) {
            PithObject *more;
            while ((more = repl_read_line("... ")) && !line_is_blank(more)) {
                PithObject *cat = pith_str_concat(line, more);
                PITH_DECREF(more);
                PITH_SETREF(line, cat);
                if (!line) break;
            }
            PITH_XDECREF(more);
            if (!line) break;
        }
        int done = line_is_blank(line) ? 0 : repl_exec(line, &status);
        PITH_DECREF(line);
        if (done) return status;
    }
    write_prompt("\n");
    return status;
}

/* ---- main ---------------------------------------------------------------------- */

/* Flush sys.stdout/stderr at exit; a failure (e.g. EPIPE) gives status 120. */
static int flush_at_exit(int status) {
    int r = 0;
    PithObject *out = pith_sys_get_object("stdout");
    if (out && pith_stdio_flush(out) < 0) {
        pith_err_write_unraisable(out); /* "Exception ignored in: <stdout stream>" */
        r = 120;
    }
    flush_std("stderr");
    return r ? r : status;
}

/* -m MOD (import/import.c finds and runs it); same returns as run_file. */
static int run_module(const char *name, int *status) {
    char *msg = NULL;
    int r = setup_main(NULL);
    if (r == 0) r = pith_import_run_main(name, main_dict, &msg);
    if (r > 0) {
        flush_std("stdout");
        fprintf(stderr, "%s: %s\n", prog_name, msg);
        *status = 1;
    }
    free(msg);
    return r;
}

static int run_main(void) {
    int status = 0, r;
    const char *file = pith_config.run_filename;
    if (pith_config.run_module) {
        r = run_module(pith_config.run_module, &status);
        if (r > 0) return status;
    } else if (pith_config.run_command) {
        r = setup_main(NULL);
        if (r == 0) {
            size_t n = strlen(pith_config.run_command);
            r = check_source_encoding(pith_config.run_command, n, "<string>");
            if (r == 0) r = pith_run_source(pith_config.run_command, n, "<string>", NULL);
        }
    } else if (file && strcmp(file, "-") != 0) {
        r = run_file(file, &status);
        if (r > 0) return status;
    } else if ((!isatty(0) && !pith_config.inspect) || file) {
        r = setup_main("<stdin>");
        if (r == 0) r = run_stdin();
    } else {
        r = setup_main(NULL);
        if (r == 0) return run_repl(true);
    }
    if (r < 0) {
        bool is_exit = pith_err_matches(&pith_exc_SystemExit);
        status = pith_handle_uncaught();
        if (is_exit) return status;
    }
    if (pith_config.inspect && main_dict) status = run_repl(false);
    return status;
}

int pith_bytes_main(int argc, char **argv) {
    if (argc > 0 && argv[0]) prog_name = argv[0];
    pith_config.orig_argc = argc;
    pith_config.orig_argv = argv;
    char **args = malloc(sizeof(char *) * ((size_t)argc + 1)); /* parse_args edits entries */
    if (!args) return 1;
    memcpy(args, argv, sizeof(char *) * ((size_t)argc + 1));
    int r = parse_args(argc, args);
    if (r >= 0 || help_requested || version_count) free(args); /* no run: nothing kept */
    if (r >= 0) return r;
    if (help_requested) {
        printf(usage_line, prog_name);
        fputs(help_text, stdout);
        return 0;
    }
    if (version_count) {
        print_version();
        return 0;
    }
    apply_environment();
    if (read_hash_seed() < 0) return 1;
    signal(SIGPIPE, SIG_IGN); /* as CPython: a closed pipe raises BrokenPipeError */
    signal(SIGXFSZ, SIG_IGN); /* as CPython: an oversized write raises OSError */
    if (pith_initialize() < 0 || store_options() < 0 ||
        pith_sys_init(pith_config.script_argc, pith_config.script_argv) < 0 ||
        fix_preloaded_modules() < 0) {
        fprintf(stderr, "Fatal Python error: initialization failed\n");
        if (pith_err_occurred()) pith_handle_uncaught();
        return 1;
    }
    int status = flush_at_exit(run_main());
    pith_finalize();
    if (got_keyboard_interrupt) {
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
        status = 130;
    }
    return status;
}
