/* compile.h — AST -> code object (src/compiler/). */
#ifndef PITH_COMPILE_H
#define PITH_COMPILE_H

#include <limits.h>

#include "ast.h"
#include "code.h"

/* Compile a parsed module. optimize: -O level (0 keeps asserts). Returns a
 * code object or NULL with SyntaxError (e.g. 'return' outside function). */
PithCode *pith_compile_ast(PithMod *mod, PithObject *filename, PithMode mode,
                           int optimize, PithArena *arena);
/* Net effect of instruction (op, arg) on the value stack: when the jump is
 * taken (jump 1), when it is not (0), or the larger of the two (-1).
 * PITH_STACK_EFFECT_INVALID for an unknown opcode (dis.stack_effect). */
#define PITH_STACK_EFFECT_INVALID INT_MAX
int pith_compile_stack_effect(int op, int arg, int jump);
/* Parse + compile source text. */
PithCode *pith_compile_source(const char *src, size_t len, PithObject *filename,
                              PithMode mode, int optimize);

#endif
