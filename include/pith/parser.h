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

/* pith_parse with explicit input kind. CPython reports parser-error
 * offsets differently for script files (byte based, 0 at end of input) and
 * for strings given to compile()/exec()/eval() (character based).
 * pith_parse picks string semantics when filename starts with '<'
 * ("<string>", "<stdin>") and file semantics otherwise. */
enum { PITH_PARSE_AUTO = 0, PITH_PARSE_FILE_INPUT = 1, PITH_PARSE_STRING_INPUT = 2 };
PithMod *pith_parse_ex(const char *src, size_t len, PithObject *filename,
                       PithMode mode, int input_kind, PithArena *arena);

/* Python's ast.dump(tree, include_attributes=...) text of mod (new str). */
PithObject *pith_ast_dump(PithMod *mod, bool include_attributes);

#endif
