/* compile_future.c — `from __future__ import ...`: validation of the
 * feature names and of their position (only at the start of a module,
 * after the docstring), and the one feature that changes code generation:
 * `annotations` (PEP 563), under which annotations are stored as their
 * source text instead of being evaluated. */
#include <string.h>

#include "compile_internal.h"

static const char *const features[] = {
    "nested_scopes", "generators", "division", "absolute_import", "with_statement",
    "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",
    "annotations", NULL,
};

static int is_future_import(PithStmt *s) {
    return s->kind == PITH_S_ImportFrom && s->v.ImportFrom.module &&
           pith_str_eq_cstr(s->v.ImportFrom.module, "__future__");
}

/* CPython reports bad features at the statement start only (one caret). */
static int future_error(Compiler *c, PithStmt *s, const char *msg) {
    return cu_error_at(c, s->lineno, s->col_offset, s->lineno, s->col_offset + 1, msg);
}

static int check_names(Compiler *c, PithStmt *s) {
    for (intptr_t i = 0; i < PITH_SEQ_LEN(s->v.ImportFrom.names); i++) {
        PithAlias *a = PITH_SEQ_GET(s->v.ImportFrom.names, i);
        const char *name = pith_str_utf8(a->name);
        if (!name) return -1;
        int known = 0;
        for (int k = 0; features[k]; k++) known |= strcmp(features[k], name) == 0;
        if (!strcmp(name, "braces")) return future_error(c, s, "not a chance");
        if (!known) {
            PithObject *m = pith_str_from_format("future feature %s is not defined", name);
            if (!m) return -1;
            future_error(c, s, pith_str_utf8(m));
            PITH_DECREF(m);
            return -1;
        }
        if (!strcmp(name, "annotations")) c->future_annotations = 1;
    }
    return 0;
}

int cfu_check_module(Compiler *c, PithMod *mod) {
    if (mod->kind != PITH_M_Module) return 0;
    PithAstSeq *body = mod->body;
    intptr_t i = cu_docstring(body) ? 1 : 0;
    for (; i < PITH_SEQ_LEN(body); i++) {
        PithStmt *s = PITH_SEQ_GET(body, i);
        if (!is_future_import(s)) break;
        CHECK(check_names(c, s));
        c->future_lineno = s->lineno;
    }
    return 0;
}

int cfu_check_import(Compiler *c, PithStmt *s) {
    if (!is_future_import(s) || s->lineno <= c->future_lineno) return 0;
    return cu_error(c, "from __future__ imports must occur at the beginning of the file");
}

/* Byte offset of the start of 1-based line `line` in the source, or -1. */
static intptr_t line_offset(Compiler *c, int line) {
    intptr_t off = 0;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(c->src + off, '\n', c->srclen - (size_t)off);
        if (!nl) return -1;
        off = nl - c->src + 1;
    }
    return off;
}

/* The source text of e (new str), or NULL without exception if unknown. */
static PithObject *source_segment(Compiler *c, PithExpr *e) {
    if (!c->src || e->end_lineno < e->lineno) return NULL;
    intptr_t a = line_offset(c, e->lineno), b = line_offset(c, e->end_lineno);
    if (a < 0 || b < 0) return NULL;
    a += e->col_offset;
    b += e->end_col_offset;
    if (b < a || (size_t)b > c->srclen) return NULL;
    PithObject *s = pith_str_from_utf8(c->src + a, b - a);
    if (!s) pith_err_clear();
    return s;
}

int cx_annotation(Compiler *c, PithExpr *e) {
    if (!c->future_annotations) return cx_expr(c, e);
    PithObject *text = source_segment(c, e);
    if (!text) return cx_expr(c, e);
    int r = cu_load_const(c, text);
    PITH_DECREF(text);
    return r;
}
