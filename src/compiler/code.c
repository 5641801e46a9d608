/* code.c — the `code` type: immutable compiled bytecode plus its metadata
 * (constants, names, variables, line table), its co_* attributes, the
 * co_lines()/co_positions() iterators, and the opcode name table. */
#include <limits.h>
#include <math.h>
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

/* A new reference to one shared b'' (bytes are immutable; the reference
 * kept here keeps it alive), or NULL + MemoryError. */
static PithObject *empty_bytes(void) {
    static PithObject *empty;
    if (!empty && !(empty = pith_bytes_from("", 0))) return NULL;
    return PITH_NEWREF(empty);
}

PithCode *pith_code_new(const PithCodeSpec *s) {
    PithCode *co = (PithCode *)pith_obj_new(&pith_code_type);
    if (!co) return NULL;
    size_t nbytes = (size_t)s->ninstrs * sizeof(uint32_t);
    /* from the object allocator: usually small, and as short-lived as co */
    co->instrs = pith_obj_malloc(nbytes ? nbytes : 1);
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
    co->exceptiontable = empty_bytes();
    if (!co->exceptiontable) {
        PITH_DECREF(co);
        return NULL;
    }
    return co;
}

static void code_dealloc(PithObject *o) {
    PithCode *co = (PithCode *)o;
    pith_obj_mfree(co->instrs);
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

/* ---- equality and hashing (as CPython: co_filename and co_qualname are
 * not compared) ------------------------------------------------------------ */

static PithObject *const_key(PithObject *o);

/* (items' keys as a tuple or frozenset, o). */
static PithObject *container_key(PithObject *o, bool frozen) {
    intptr_t n = PITH_SIZE(o);
    PithObject *items = frozen ? pith_sequence_tuple(o) : PITH_NEWREF(o);
    PithObject *keys = items ? pith_tuple_new(n) : NULL;
    for (intptr_t i = 0; keys && i < n; i++) {
        PithObject *k = const_key(PITH_TUPLE_GET(items, i));
        if (!k) PITH_CLEAR(keys);
        else PITH_TUPLE_SET(keys, i, k);
    }
    PITH_XDECREF(items);
    if (keys && frozen) PITH_SETREF(keys, pith_frozenset_new(keys));
    PithObject *r = keys ? pith_tuple_pack(2, keys, o) : NULL;
    PITH_XDECREF(keys);
    return r;
}

/* What constants are compared by: equal only for the same type and value
 * (1, 1.0 and True differ, so do 0.0 and -0.0, b'a' and 'a'); tuples and
 * frozensets item by item; objects of other types by identity. */
static PithObject *const_key(PithObject *o) {
    PithType *t = PITH_TYPE(o);
    if (o == PITH_NONE || o == PITH_ELLIPSIS || t == &pith_int_type || t == &pith_str_type ||
        t == &pith_code_type)
        return PITH_NEWREF(o);
    if (t == &pith_bool_type || t == &pith_bytes_type)
        return pith_tuple_pack(2, (PithObject *)t, o);
    if (t == &pith_float_type) {
        double d = PITH_FLOAT_VALUE(o);
        return d == 0.0 && signbit(d) ? pith_tuple_pack(3, (PithObject *)t, o, PITH_NONE)
                                      : pith_tuple_pack(2, (PithObject *)t, o);
    }
    if (t == &pith_complex_type) {
        PithComplex *c = (PithComplex *)o;
        bool re0 = c->real == 0.0 && signbit(c->real), im0 = c->imag == 0.0 && signbit(c->imag);
        if (!re0 && !im0) return pith_tuple_pack(2, (PithObject *)t, o);
        PithObject *tag = im0 ? pith_bool_from(re0) : PITH_NONE;
        return pith_tuple_pack(3, (PithObject *)t, o, tag);
    }
    if (t == &pith_tuple_type) return container_key(o, false);
    if (t == &pith_frozenset_type) return container_key(o, true);
    PithObject *id = pith_int_from_ssize((intptr_t)(uintptr_t)o);
    PithObject *r = id ? pith_tuple_pack(2, id, o) : NULL;
    PITH_XDECREF(id);
    return r;
}

/* 1 equal, 0 not, -1 error. */
static int code_equal(PithCode *a, PithCode *b) {
    if (a == b) return 1;
    int eq = pith_richcompare_bool(a->name, b->name, PITH_EQ);
    if (eq <= 0) return eq;
    if (a->argcount != b->argcount || a->posonlyargcount != b->posonlyargcount ||
        a->kwonlyargcount != b->kwonlyargcount || a->flags != b->flags ||
        a->firstlineno != b->firstlineno || a->ninstrs != b->ninstrs ||
        memcmp(a->instrs, b->instrs, (size_t)a->ninstrs * sizeof(uint32_t)) != 0)
        return 0;
    PithObject *ka = const_key(a->consts), *kb = ka ? const_key(b->consts) : NULL;
    eq = kb ? pith_richcompare_bool(ka, kb, PITH_EQ) : -1;
    PITH_XDECREF(ka);
    PITH_XDECREF(kb);
    PithObject *const fa[] = {a->names, a->varnames, a->cellvars, a->freevars, a->linetable,
                              a->exceptiontable};
    PithObject *const fb[] = {b->names, b->varnames, b->cellvars, b->freevars, b->linetable,
                              b->exceptiontable};
    for (size_t i = 0; eq > 0 && i < sizeof fa / sizeof fa[0]; i++)
        eq = pith_richcompare_bool(fa[i], fb[i], PITH_EQ);
    return eq;
}

static PithObject *code_richcompare(PithObject *a, PithObject *b, int op) {
    if ((op != PITH_EQ && op != PITH_NE) || !pith_code_check(a) || !pith_code_check(b))
        PITH_RETURN_NOTIMPL;
    int eq = code_equal((PithCode *)a, (PithCode *)b);
    if (eq < 0) return NULL;
    return pith_bool_from((op == PITH_EQ) == (eq > 0));
}

static intptr_t code_hash(PithObject *o) {
    PithCode *co = (PithCode *)o;
    PithObject *const parts[] = {co->name,     co->consts,   co->names,     co->varnames,
                                 co->cellvars, co->freevars, co->linetable, co->exceptiontable};
    intptr_t h = co->argcount ^ co->posonlyargcount ^ co->kwonlyargcount ^ co->flags;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        intptr_t x = pith_hash(parts[i]);
        if (x == -1) return -1;
        h ^= x;
    }
    return h == -1 ? -2 : h;
}

/* ---- code.replace(**changes) --------------------------------------------- */

enum { R_NINTS = 7, R_NARGS = 18 };
static const char *const replace_kw[R_NARGS] = {
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
    "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames",
    "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname", "co_linetable",
    "co_exceptiontable"};
/* Required type of each object argument: 'b' bytes, 't' tuple, 's' str. */
static const char replace_kinds[R_NARGS - R_NINTS + 1] = "btttttsssbb";

/* A C int argument (via __index__), as argument clinic converts one. */
static int c_int_arg(PithObject *o, int *out) {
    PithObject *i = pith_number_index(o);
    if (!i) return -1;
    int overflow = 0;
    int64_t v = pith_int_as_i64_overflow(i, &overflow);
    PITH_DECREF(i);
    if (overflow || v < INT_MIN || v > INT_MAX) {
        pith_err_set_string(&pith_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static bool kind_ok(PithObject *o, char kind, const char **tname) {
    *tname = kind == 'b' ? "bytes" : kind == 't' ? "tuple" : "str";
    return kind == 'b'   ? pith_bytes_check(o)
           : kind == 't' ? pith_tuple_check(o)
                         : pith_str_check(o);
}

static bool all_exact_str(PithObject *t) {
    for (intptr_t i = 0; i < PITH_SIZE(t); i++)
        if (PITH_TYPE(PITH_TUPLE_GET(t, i)) != &pith_str_type) return false;
    return true;
}

/* CPython's checks of a new code object, in its order; 0 or -1. Bytecode
 * is pith's: 4-byte units, each with a known opcode. */
static int replace_validate(const int *iv, PithObject *const *ov) {
    static const char *const positive[] = {"co_argcount", "co_posonlyargcount",
                                            "co_kwonlyargcount", "co_nlocals",
                                            "co_stacksize", "co_flags"};
    for (int i = 0; i < 6; i++)
        if (iv[i] < 0) {
            pith_err_format(&pith_exc_ValueError, "%s must be a positive integer", positive[i]);
            return -1;
        }
    for (int i = 2; i <= 5; i++) /* names, varnames, freevars, cellvars */
        if (!all_exact_str(ov[i])) {
            pith_err_set_string(&pith_exc_SystemError, "non-string found in code slot");
            return -1;
        }
    if (iv[0] < iv[1]) {
        pith_err_bad_internal_call("Objects/codeobject.c", 250);
        return -1;
    }
    intptr_t nbytes = PITH_SIZE(ov[0]);
    const uint8_t *code = (const uint8_t *)PITH_BYTES_DATA(ov[0]);
    bool malformed = nbytes % 4 != 0;
    for (intptr_t i = 0; !malformed && i < nbytes; i += 4)
        malformed = code[i] >= PITH_OP_COUNT;
    if (malformed) {
        pith_err_set_string(&pith_exc_ValueError, "code: co_code is malformed");
        return -1;
    }
    intptr_t nvars = PITH_SIZE(ov[3]);
    intptr_t nplain = nvars - iv[0] - iv[2] - ((iv[5] & PITH_CO_VARARGS) != 0) -
                      ((iv[5] & PITH_CO_VARKEYWORDS) != 0);
    if (nplain < 0) {
        pith_err_set_string(&pith_exc_ValueError, "code: co_varnames is too small");
        return -1;
    }
    if (iv[3] != nvars) {
        pith_err_set_string(&pith_exc_ValueError, "code: co_nlocals != len(co_varnames)");
        return -1;
    }
    return 0;
}

static PithCode *replace_build(const int *iv, PithObject *const *ov) {
    intptr_t n = PITH_SIZE(ov[0]) / 4;
    uint32_t *instrs = pith_mem_malloc(n ? (size_t)n * 4 : 1);
    if (!instrs) return (PithCode *)pith_err_no_memory();
    const uint8_t *w = (const uint8_t *)PITH_BYTES_DATA(ov[0]);
    for (intptr_t i = 0; i < n; i++, w += 4)
        instrs[i] = (uint32_t)w[0] | (uint32_t)w[1] << 8 | (uint32_t)w[2] << 16 |
                    (uint32_t)w[3] << 24;
    PithCodeSpec spec = {instrs, n,      iv[0],  iv[1],  iv[2],  iv[4],  iv[5],  iv[6],
                         ov[1],  ov[2],  ov[3],  ov[5],  ov[4],  ov[6],  ov[7],  ov[8],
                         ov[9]};
    PithCode *co = pith_code_new(&spec);
    pith_mem_free(instrs);
    if (co) PITH_SETREF(co->exceptiontable, PITH_NEWREF(ov[10]));
    return co;
}

static PithObject *code_replace(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    static const PithArgSpec spec = {"replace", replace_kw, R_NARGS, 0, 0, 0};
    PithCode *co = (PithCode *)self;
    PithObject *a[R_NARGS];
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    int iv[R_NINTS] = {co->argcount, co->posonlyargcount, co->kwonlyargcount, co->nlocals,
                       co->stacksize, co->flags, co->firstlineno};
    for (int i = 0; i < R_NINTS; i++)
        if (a[i] && c_int_arg(a[i], &iv[i]) < 0) return NULL;
    PithObject *ov[R_NARGS - R_NINTS] = {NULL,          co->consts,   co->names,
                                         co->varnames,  co->freevars, co->cellvars,
                                         co->filename,  co->name,     co->qualname,
                                         co->linetable, co->exceptiontable};
    for (int i = 0; i < R_NARGS - R_NINTS; i++) {
        PithObject *o = a[R_NINTS + i];
        const char *tname;
        if (!o) continue;
        if (!kind_ok(o, replace_kinds[i], &tname))
            return pith_err_format(&pith_exc_TypeError,
                                   "replace() argument '%s' must be %s, not %.200s",
                                   replace_kw[R_NINTS + i], tname, pith_type_name(o));
        ov[i] = o;
    }
    PithObject *code = ov[0] ? PITH_NEWREF(ov[0]) : code_get_code(self, NULL);
    if (!code) return NULL;
    ov[0] = code;
    PithCode *r = replace_validate(iv, ov) < 0 ? NULL : replace_build(iv, ov);
    PITH_DECREF(code);
    return (PithObject *)r;
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
    {"replace", code_replace, PITH_METH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_code_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "code",
    .tp_basicsize = sizeof(PithCode),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_hash = code_hash,
    .tp_richcompare = code_richcompare,
    .tp_traverse = code_traverse,
    .tp_members = code_members,
    .tp_getset = code_getset,
    .tp_methods = code_methods,
    .tp_flags = PITH_TPFLAGS_IMMUTABLETYPE | PITH_TPFLAGS_DISALLOW_INSTANTIATION |
                PITH_TPFLAGS_WEAKREFABLE,
};
