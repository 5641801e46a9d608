/* compile.h — AST -> code object (src/compiler/). */
#ifndef PITH_COMPILE_H
#define PITH_COMPILE_H

#include "ast.h"
#include "code.h"

/* Compile a parsed module. optimize: -O level (0 keeps asserts). Returns a
 * code object or NULL with SyntaxError (e.g. 'return' outside function). */
PithCode *pith_compile_ast(PithMod *mod, PithObject *filename, PithMode mode,
                           int optimize, PithArena *arena);
/* Parse + compile source text. */
PithCode *pith_compile_source(const char *src, size_t len, PithObject *filename,
                              PithMode mode, int optimize);

#endif
