/* parser.h — tokenizer and parser (src/parser/). Source text -> AST.
 * On error: NULL with SyntaxError/IndentationError/TabError set, carrying
 * CPython 3.11's message, filename, lineno, offset (1-based), text and end
 * position (pith_err_syntax_location). */
#ifndef PITH_PARSER_H
#define PITH_PARSER_H

#include "ast.h"

/* src: UTF-8 (a BOM is skipped; a PEP 263 coding line is accepted for
 * utf-8/latin-1), len bytes. filename: str used in errors. */
PithMod *pith_parse(const char *src, size_t len, PithObject *filename,
                    PithMode mode, PithArena *arena);

/* Python's ast.dump(tree, include_attributes=...) text of mod (new str). */
PithObject *pith_ast_dump(PithMod *mod, bool include_attributes);

#endif
