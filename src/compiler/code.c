/* code.c — the `code` type: immutable compiled bytecode plus its metadata
 * (constants, names, variables, line table), its co_* attributes, the
 * co_lines()/co_positions() iterators, and the opcode name table. */
#include <string.h>

#include "pith/pith.h"
#include "pith/linetable.h"
#include "pith/opcode.h"

const char *const pith_opcode_names[PITH_OP_COUNT] = {
#define PITH_OP_NAME(name, doc) #name,
    PITH_OPCODES(PITH_OP_NAME)
#undef PITH_OP_NAME
};

/* ---- construction ------------------------------------------------------ */

PithCode *pith_code_new(const PithCodeSpec *s) {
    PithCode *co = (PithCode *)pith_obj_new(&pith_code_type);
    if (!co) return NULL;
    size_t nbytes = (size_t)s->ninstrs * sizeof(uint32_t);
    co->instrs = pith_mem_malloc(nbytes ? nbytes : 1);
    if (!co->instrs) {
        PITH_DECREF(co);
        return (PithCode *)pith_err_no_memory();
    }
    if (nbytes) memcpy(co->instrs, s->instrs, nbytes);
    co->ninstrs = s->ninstrs;
    co->argcount = s->argcount;
    co->posonlyargcount = s->posonlyargcount;
    co->kwonlyargcount = s->kwonlyargcount;
    co->nlocals = (int)PITH_SIZE(s->varnames);
    co->stacksize = s->stacksize;
    co->flags = s->flags;
    co->firstlineno = s->firstlineno;
    co->consts = PITH_NEWREF(s->consts);
    co->names = PITH_NEWREF(s->names);
    co->varnames = PITH_NEWREF(s->varnames);
    co->cellvars = PITH_NEWREF(s->cellvars);
    co->freevars = PITH_NEWREF(s->freevars);
    co->filename = PITH_NEWREF(s->filename);
    co->name = PITH_NEWREF(s->name);
    co->qualname = PITH_NEWREF(s->qualname);
    co->linetable = PITH_NEWREF(s->linetable);
    co->exceptiontable = pith_bytes_from("", 0);
    if (!co->exceptiontable) {
        PITH_DECREF(co);
        return NULL;
    }
    return co;
}

static void code_dealloc(PithObject *o) {
    PithCode *co = (PithCode *)o;
    pith_mem_free(co->instrs);
    pith_mem_free(co->extra);
    PITH_XDECREF(co->consts);
    PITH_XDECREF(co->names);
    PITH_XDECREF(co->varnames);
    PITH_XDECREF(co->cellvars);
    PITH_XDECREF(co->freevars);
    PITH_XDECREF(co->filename);
    PITH_XDECREF(co->name);
    PITH_XDECREF(co->qualname);
    PITH_XDECREF(co->linetable);
    PITH_XDECREF(co->exceptiontable);
    pith_obj_free(o);
}

static int code_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PithCode *co = (PithCode *)o;
    PITH_VISIT(co->consts);
    PITH_VISIT(co->names);
    PITH_VISIT(co->varnames);
    return 0;
}

static PithObject *code_repr(PithObject *o) {
    PithCode *co = (PithCode *)o;
    return pith_str_from_format("<code object %U at %p, file \"%U\", line %d>",
                                co->name, (void *)co, co->filename,
                                co->firstlineno);
}

/* ---- locations --------------------------------------------------------- */

static void code_table(PithCode *co, const uint8_t **p, size_t *n) {
    *p = (const uint8_t *)PITH_BYTES_DATA(co->linetable);
    *n = (size_t)PITH_BYTES_SIZE(co->linetable);
}

int pith_code_addr2location(PithCode *co, int instr, int *line, int *end_line,
                            int *col, int *end_col) {
    const uint8_t *p;
    size_t n;
    PithLocation loc;
    code_table(co, &p, &n);
    int r = pith_lt_lookup(p, n, co->firstlineno, instr, &loc);
    if (line) *line = loc.line;
    if (end_line) *end_line = loc.end_line;
    if (col) *col = loc.col;
    if (end_col) *end_col = loc.end_col;
    return r;
}

int pith_code_addr2line(PithCode *co, int instr) {
    int line;
    pith_code_addr2location(co, instr, &line, NULL, NULL, NULL);
    return line;
}

/* int, or None for a negative (unknown) value. */
static PithObject *int_or_none(int v) {
    if (v < 0) return PITH_NONE;
    return pith_int_from_i64(v);
}

/* Append a tuple of n ints-or-None to list; steals nothing. */
static int append_tuple(PithObject *list, int n, const int *vals) {
    PithObject *t = pith_tuple_new(n);
    if (!t) return -1;
    for (int i = 0; i < n; i++) {
        PithObject *v = int_or_none(vals[i]);
        if (!v) {
            PITH_DECREF(t);
            return -1;
        }
        PITH_TUPLE_SET(t, i, v);
    }
    int r = pith_list_append(list, t);
    PITH_DECREF(t);
    return r;
}

/* Return iter(list) and drop the list (or NULL). */
static PithObject *list_iter(PithObject *list) {
    if (!list) return NULL;
    PithObject *it = pith_get_iter(list);
    PITH_DECREF(list);
    return it;
}

/* co_lines(): (start, end, line) in byte offsets (4 per instruction);
 * adjacent entries with the same line are merged. */
static PithObject *code_lines_list(PithCode *co) {
    const uint8_t *p;
    size_t n;
    code_table(co, &p, &n);
    PithLineTableIter it;
    pith_lt_iter_init(&it, p, n, co->firstlineno);
    PithObject *list = pith_list_new(0);
    if (!list) return NULL;
    int cur[3] = {0, 0, -2};
    while (pith_lt_iter_next(&it) == 1) {
        if (cur[2] == it.loc.line && cur[1] == it.start * 4) {
            cur[1] = it.stop * 4;
            continue;
        }
        if (cur[2] != -2 && append_tuple(list, 3, cur) < 0) goto fail;
        cur[0] = it.start * 4;
        cur[1] = it.stop * 4;
        cur[2] = it.loc.line;
    }
    if (cur[2] != -2 && append_tuple(list, 3, cur) < 0) goto fail;
    return list;
fail:
    PITH_DECREF(list);
    return NULL;
}

static PithObject *code_co_lines(PithObject *self, PithObject *const *args,
                                 size_t nargs, PithObject *kw) {
    return list_iter(code_lines_list((PithCode *)self));
}

/* co_positions(): one (line, end_line, col, end_col) per instruction. */
static PithObject *code_co_positions(PithObject *self, PithObject *const *args,
                                     size_t nargs, PithObject *kw) {
    PithCode *co = (PithCode *)self;
    const uint8_t *p;
    size_t n;
    code_table(co, &p, &n);
    PithLineTableIter it;
    pith_lt_iter_init(&it, p, n, co->firstlineno);
    PithObject *list = pith_list_new(0);
    if (!list) return NULL;
    int done = 0;
    while (pith_lt_iter_next(&it) == 1) {
        int v[4] = {it.loc.line, it.loc.end_line, it.loc.col, it.loc.end_col};
        if (v[0] < 0) v[1] = v[2] = v[3] = -1;
        for (int i = it.start; i < it.stop; i++, done++) {
            if (append_tuple(list, 4, v) < 0) goto fail;
        }
    }
    for (int none[4] = {-1, -1, -1, -1}; done < co->ninstrs; done++) {
        if (append_tuple(list, 4, none) < 0) goto fail;
    }
    return list_iter(list);
fail:
    PITH_DECREF(list);
    return NULL;
}

/* ---- byte-valued attributes ------------------------------------------- */

static PithObject *code_get_code(PithObject *self, void *closure) {
    PithCode *co = (PithCode *)self;
    PithObject *b = pith_bytes_from(NULL, co->ninstrs * 4);
    if (!b) return NULL;
    uint8_t *d = (uint8_t *)PITH_BYTES_DATA(b);
    for (intptr_t i = 0; i < co->ninstrs; i++) {
        uint32_t w = co->instrs[i];
        for (int k = 0; k < 4; k++) d[i * 4 + k] = (uint8_t)(w >> (8 * k));
    }
    return b;
}

/* Append a (byte delta, line delta) pair sequence to buf, splitting deltas
 * that do not fit (offset 0..255, line -128..127) as CPython's lnotab did. */
static size_t lnotab_pair(uint8_t *buf, size_t len, int daddr, int dline) {
    while (daddr > 255) {
        buf[len++] = 255;
        buf[len++] = 0;
        daddr -= 255;
    }
    while (dline > 127 || dline < -128) {
        int step = dline > 0 ? 127 : -128;
        buf[len++] = (uint8_t)daddr;
        buf[len++] = (uint8_t)(int8_t)step;
        daddr = 0;
        dline -= step;
    }
    if (daddr || dline) {
        buf[len++] = (uint8_t)daddr;
        buf[len++] = (uint8_t)(int8_t)dline;
    }
    return len;
}

static PithObject *code_get_lnotab(PithObject *self, void *closure) {
    PithCode *co = (PithCode *)self;
    PithObject *lines = code_lines_list(co);
    if (!lines) return NULL;
    intptr_t n = PITH_SIZE(lines);
    size_t cap = 16;
    for (intptr_t i = 0; i < n; i++) {
        PithObject *t = PITH_LIST_GET(lines, i);
        int start = (int)pith_int_as_i64(PITH_TUPLE_GET(t, 0));
        PithObject *lo = PITH_TUPLE_GET(t, 2);
        int line = lo == PITH_NONE ? 0 : (int)pith_int_as_i64(lo);
        cap += 4 + (size_t)(start / 255 + 1) * 2 + (size_t)(line < 0 ? -line : line) / 64 * 2;
    }
    uint8_t *buf = pith_mem_malloc(cap);
    if (!buf) {
        PITH_DECREF(lines);
        return pith_err_no_memory();
    }
    size_t len = 0;
    int prev_addr = 0, prev_line = co->firstlineno;
    for (intptr_t i = 0; i < n; i++) {
        PithObject *t = PITH_LIST_GET(lines, i);
        PithObject *lo = PITH_TUPLE_GET(t, 2);
        if (lo == PITH_NONE) continue;
        int start = (int)pith_int_as_i64(PITH_TUPLE_GET(t, 0));
        int line = (int)pith_int_as_i64(lo);
        len = lnotab_pair(buf, len, start - prev_addr, line - prev_line);
        prev_addr = start;
        prev_line = line;
    }
    PITH_DECREF(lines);
    PithObject *b = pith_bytes_from(buf, (intptr_t)len);
    pith_mem_free(buf);
    return b;
}

/* ---- the type ---------------------------------------------------------- */

#define CO_INT(n, f) {n, PITH_MEMBER_INT, offsetof(PithCode, f), PITH_READONLY, NULL}
#define CO_OBJ(n, f) {n, PITH_MEMBER_OBJECT, offsetof(PithCode, f), PITH_READONLY, NULL}

static PithMemberDef code_members[] = {
    CO_INT("co_argcount", argcount),
    CO_INT("co_posonlyargcount", posonlyargcount),
    CO_INT("co_kwonlyargcount", kwonlyargcount),
    CO_INT("co_nlocals", nlocals),
    CO_INT("co_stacksize", stacksize),
    CO_INT("co_flags", flags),
    CO_INT("co_firstlineno", firstlineno),
    CO_OBJ("co_consts", consts),
    CO_OBJ("co_names", names),
    CO_OBJ("co_varnames", varnames),
    CO_OBJ("co_cellvars", cellvars),
    CO_OBJ("co_freevars", freevars),
    CO_OBJ("co_filename", filename),
    CO_OBJ("co_name", name),
    CO_OBJ("co_qualname", qualname),
    CO_OBJ("co_linetable", linetable),
    CO_OBJ("co_exceptiontable", exceptiontable),
    {NULL, 0, 0, 0, NULL},
};

static PithGetSetDef code_getset[] = {
    {"co_code", code_get_code, NULL, NULL, NULL},
    {"co_lnotab", code_get_lnotab, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithMethodDef code_methods[] = {
    {"co_lines", code_co_lines, PITH_METH_NOARGS, NULL},
    {"co_positions", code_co_positions, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_code_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "code",
    .tp_basicsize = sizeof(PithCode),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_traverse = code_traverse,
    .tp_members = code_members,
    .tp_getset = code_getset,
    .tp_methods = code_methods,
    .tp_flags = PITH_TPFLAGS_IMMUTABLETYPE | PITH_TPFLAGS_DISALLOW_INSTANTIATION,
};
