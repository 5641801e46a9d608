/* modules.h — builtin modules (src/modules/) and the native stdio streams. */
#ifndef PITH_MODULES_H
#define PITH_MODULES_H

#include "object.h"

PithObject *pith_builtins_module_init(void); /* modules/builtins.c */
PithObject *pith_sys_module_init(void);      /* modules/sys.c */
PithObject *pith_gc_module_init(void);       /* modules/gcmodule.c */
/* sys.stdout / sys.stderr as objects (borrowed from sys), or NULL. */
PithObject *pith_sys_get_object(const char *name);
/* Write a C string to sys.stderr (falls back to C stderr). */
void pith_sys_write_stderr(const char *s);
/* print(obj) to a stream object: file.write(str(obj)). */
int pith_file_write_object(PithObject *obj, PithObject *file, bool raw_str);
int pith_file_write_string(const char *s, PithObject *file);

/* Native text streams (modules/stdio.c), type name "_io.TextIOWrapper".
 * mode "r" or "w"; errors "strict", "surrogateescape" or "backslashreplace". */
extern PithType pith_stdio_type;
PithObject *pith_stdio_new(int fd, const char *name, const char *mode,
                           const char *errors, bool line_buffering,
                           bool write_through);
/* Flush any stream object (native fast path, else .flush()); None/NULL ok. */
int pith_stdio_flush(PithObject *stream);
/* builtins.open() (text modes only so far), in modules/stdio.c. */
PithObject *pith_builtin_open(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames);
/* One line from a native reader stream, '' at EOF. */
PithObject *pith_stdio_readline(PithObject *stream);

/* Command-line state that sys exposes (set by run.c before pith_sys_init). */
typedef struct PithConfig {
    int bytes_warning, debug, inspect, interactive, optimize;
    int dont_write_bytecode, no_user_site, no_site, ignore_environment;
    int verbose, quiet, isolated, safe_path, unbuffered;
    int use_hash_seed;       /* PYTHONHASHSEED gave a number: hash_seed */
    unsigned long hash_seed; /* 0..4294967295 */
    const char *run_command; /* -c CMD, or NULL */
    const char *run_module;  /* -m MOD, or NULL */
    const char *run_filename;/* script path, "-" for stdin, or NULL */
    int script_argc;         /* sys.argv */
    char **script_argv;
    int orig_argc;           /* sys.orig_argv */
    char **orig_argv;
    PithObject *warnoptions; /* list of str */
} PithConfig;
extern PithConfig pith_config;

/* Struct sequences (modules/structseq.c): named tuple-like types such as
 * sys.version_info and os.stat_result. The first n_visible items form the
 * tuple; the rest are reachable only by name (CPython's n_sequence_fields <
 * n_fields). fields[i] names item i; a NULL name is an unnamed item
 * (os.stat_result's integer times). Instances are tuples allocated with
 * n_fields slots and PITH_SIZE = n_visible; at most 64 fields.
 * Invariant: the PithType is the first member, so PITH_TYPE(o) casts. */
typedef struct PithStructSeqType {
    PithType type;
    const char *const *fields;
    int n_fields, n_visible, n_unnamed;
    /* Called on instances made by T(sequence) (os.stat_result fills its
     * float times from the int ones); may be NULL. */
    void (*fixup)(PithObject *self);
} PithStructSeqType;

/* Ready a zeroed static st as the instantiable type `name`
 * ("os.stat_result"): T(sequence, dict=None), __reduce__, n_fields, ... */
int pith_structseq_init(PithStructSeqType *st, const char *name,
                        const char *const *fields, int n_fields, int n_visible);
/* The same for a type Python code cannot instantiate (sys.flags); all n
 * fields visible. */
int pith_structseq_init_type(PithStructSeqType *st, const char *name,
                             const char *const *fields, int n);
/* New instance from n_fields non-NULL items: _new borrows them, _steal
 * takes them over even on error. */
PithObject *pith_structseq_new(PithStructSeqType *st, PithObject *const *items);
PithObject *pith_structseq_steal(PithStructSeqType *st, PithObject **items);

/* types.SimpleNamespace-like object (modules/namespace.c). */
extern PithType pith_namespace_type;
PithObject *pith_namespace_new(PithObject *dict_or_NULL); /* copies the dict */

/* Import a builtin (C) module by name: sys.modules first, then the
 * pith_builtin_modules table (module.h). NULL without exception = no such
 * builtin module. (modules/builtins_code.c) */
PithObject *pith_import_builtin_module(PithObject *name);

/* sys pieces used by run.c */
/* sys.version text: "3.11.7 (pith, DATE, TIME) [compiler]". */
void pith_version_text(char *buf, size_t size);
PithObject *pith_sys_get_excepthook(void); /* borrowed, or NULL */

#endif
