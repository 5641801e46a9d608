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
/* `-m name`: import the parent packages, locate name (a package means
 * name.__main__), and run its code as __main__ in main_dict (sets
 * __file__, __spec__, ... and sys.argv[0]). Returns 0, -1 with an exception
 * from the module, or 1 with *msg set (static or malloc'd text, free with
 * free()) for "No module named ..." errors printed by the caller. */
int pith_import_run_main(const char *name, PithObject *main_dict, char **msg);

/* The code of a source file (absolute path), from its cache when valid;
 * otherwise compiled and (unless disabled) cached. */
PithCode *pith_pyc_source_to_code(PithObject *path);
/* Cache file path for a source path (new str), or None when caching is off. */
PithObject *pith_pyc_cache_path(PithObject *path);

#endif
