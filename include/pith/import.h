/* import.h — the import system (src/import/import.c) and the .pyc cache
 * (src/import/pyc.c).
 *
 * .pyc layout (little-endian uint32 words): PITH_PYC_MAGIC, flags (0),
 * source mtime, source size, then the marshalled code object (marshal.h),
 * then a trailer: FNV-1a 32-bit checksum of the marshalled bytes. A cache
 * whose magic, flags, mtime, size or checksum disagree is ignored and
 * rewritten. The file is __pycache__/NAME.<sys.implementation.cache_tag>.pyc
 * ("opt-N." before "pyc" under -O). */
#ifndef PITH_IMPORT_H
#define PITH_IMPORT_H

#include "code.h"
#include "object.h"

/* Bump whenever the instruction set (opcode.h), the compiler's output or
 * the marshal layout of code objects changes: old caches are then ignored. */
#define PITH_PYC_MAGIC 0x70690001u

/* __import__(name, globals, locals, fromlist, level): the module to bind
 * (the top package for `import a.b`, the module itself with a fromlist). */
PithObject *pith_import_module_level(PithObject *name, PithObject *globals,
                                     PithObject *fromlist, intptr_t level);
/* Import the absolute dotted name; returns that (innermost) module. */
PithObject *pith_import_module(PithObject *name);
/* The spec for absolute `name` searched on `path` (a list of directories,
 * or None for builtins + sys.path), after sys.meta_path's finders; None
 * when not found. The parent package is not imported. */
PithObject *pith_import_find_spec(PithObject *name, PithObject *path);
/* Only the directory search of `path` (a list), no finders or builtins. */
PithObject *pith_import_find_spec_on_path(PithObject *name, PithObject *path);
/* Give a builtin module CPython's __spec__ (origin 'built-in'), __loader__
 * (BuiltinImporter) and __package__ ('') unless it has a spec already. */
int pith_import_set_builtin_attrs(PithObject *mod, PithObject *name);
/* `-m name`: import the parent packages, locate name (a package means
 * name.__main__), and run its code as __main__ in main_dict (sets
 * __file__, __spec__, ... and sys.argv[0]). Returns 0, -1 with an exception
 * from the module, or 1 with *msg set (static or malloc'd text, free with
 * free()) for "No module named ..." errors printed by the caller. */
int pith_import_run_main(const char *name, PithObject *main_dict, char **msg);

/* Run the source file `path` (through its cache) in module mod's dict. */
int pith_import_exec_file(PithObject *mod, PithObject *path);
/* Counters of the .pyc cache: modules compiled from source / loaded from a
 * valid cache (exposed as _pith_import.stats()). */
extern long pith_pyc_compiled, pith_pyc_loaded;

/* Import objects (src/import/spec.c), CPython's names and fields. */
extern PithType pith_modulespec_type, pith_sourceloader_type, pith_nsloader_type,
    pith_builtinimporter_type, pith_pathfinder_type;
int pith_import_types_ready(void);
/* A ModuleSpec; parent is derived from name (and locations != None). */
PithObject *pith_spec_new(PithObject *name, PithObject *loader, PithObject *origin,
                          PithObject *locations, PithObject *cached, bool has_location);
/* A SourceFileLoader (t = pith_sourceloader_type) or _NamespaceLoader. */
PithObject *pith_loader_new(PithType *t, PithObject *name, PithObject *path);
/* The native helper module behind lib/importlib (src/import/impmod.c). */
PithObject *pith_imp_module_init(void);

/* The code of a source file (absolute path), from its cache when valid;
 * otherwise compiled and (unless disabled) cached. */
PithCode *pith_pyc_source_to_code(PithObject *path);
/* Cache file path for a source path (new str), or None when caching is off;
 * _opt: for optimisation level `optimize` instead of the interpreter's. */
PithObject *pith_pyc_cache_path_opt(PithObject *path, int optimize);
/* py_compile: compile source `path` (code filename dpath, or path when
 * NULL) and write its cache to cpath even under -B; optimize -1 = the
 * interpreter's level. 0, or -1 with SyntaxError/OSError set. */
/* 1 when cpath's header matches source path's current mtime and size
 * (compileall's "up to date" check), 0 otherwise, -1 on error. */
int pith_pyc_is_current(PithObject *path, PithObject *cpath);
int pith_pyc_compile_file(PithObject *path, PithObject *cpath, PithObject *dpath, int optimize);
PithObject *pith_pyc_cache_path(PithObject *path);

#endif
