/* dis.c — the `dis` module (native): disassembly of pith bytecode laid out
 * as CPython 3.11's dis prints it (line-number column at line starts,
 * current-instruction and jump-target markers, offset, opname, argument and
 * its meaning in parentheses), Instruction objects, code_info/show_code and
 * the opcode tables (opname, opmap, hasconst, ...).
 *
 * Offsets are byte offsets: instruction index * 4 (pith's instructions are
 * 32-bit words, see opcode.h). An instruction's argument kind comes from its
 * documented argument in PITH_OPCODES ("consti", "namei", "var#", "cell#",
 * "target", "-" = no argument), so the tables follow the instruction set. */
#include "pith/pith.h"
#include "pith/compile.h"
#include "pith/func.h"
#include "pith/linetable.h"
#include "pith/opcode.h"
#include "pith/run.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#define OPNAME_WIDTH 20
#define OPARG_WIDTH 5
#define NUM_OPNAMES 256

static const char *const op_docs[PITH_OP_COUNT] = {
#define DOC_ENTRY(name, doc) doc,
    PITH_OPCODES(DOC_ENTRY)
#undef DOC_ENTRY
};

typedef enum ArgKind {
    ARG_NONE, ARG_PLAIN, ARG_CONST, ARG_NAME, ARG_LOCAL, ARG_CELL, ARG_JUMP,
    ARG_COMPARE, ARG_BINOP, ARG_FORMAT, ARG_MAKEFN,
} ArgKind;

static bool doc_starts(int op, const char *prefix) {
    return strncmp(op_docs[op], prefix, strlen(prefix)) == 0;
}

static ArgKind arg_kind(int op) {
    if (op >= PITH_OP_COUNT) return ARG_PLAIN;
    switch (op) {
    case PITH_OP_COMPARE_OP: return ARG_COMPARE;
    case PITH_OP_BINARY_OP: return ARG_BINOP;
    case PITH_OP_FORMAT_VALUE: return ARG_FORMAT;
    case PITH_OP_MAKE_FUNCTION: return ARG_MAKEFN;
    default: break;
    }
    if (doc_starts(op, "-;")) return ARG_NONE;
    if (doc_starts(op, "consti;")) return ARG_CONST;
    if (doc_starts(op, "namei;")) return ARG_NAME;
    if (doc_starts(op, "var#;")) return ARG_LOCAL;
    if (doc_starts(op, "cell#;")) return ARG_CELL;
    if (doc_starts(op, "target;")) return ARG_JUMP;
    return ARG_PLAIN;
}

/* ---- decoded instructions ---------------------------------------------------- */

typedef struct Ins {
    int op, arg;          /* arg -1: the instruction takes none */
    PithObject *argval;   /* owned */
    PithObject *argrepr;  /* owned str */
    int offset;
    int starts_line;      /* -1: does not start a line */
    bool is_target;
    PithLocation loc;
} Ins;

typedef struct Listing {
    PithCode *co;
    Ins *ins;
    intptr_t n;
} Listing;

static void listing_free(Listing *l) {
    for (intptr_t i = 0; l->ins && i < l->n; i++) {
        PITH_XDECREF(l->ins[i].argval);
        PITH_XDECREF(l->ins[i].argrepr);
    }
    pith_mem_free(l->ins);
    l->ins = NULL;
}

/* Item i of a tuple as (argval, argrepr = str(item)), or "<i>" when out of range. */
static int tuple_name(PithObject *t, int i, Ins *in) {
    if (i < 0 || i >= PITH_SIZE(t)) {
        in->argval = pith_int_from_i64(i);
        in->argrepr = pith_str_from_format("<%d>", i);
    } else {
        in->argval = PITH_NEWREF(PITH_TUPLE_GET(t, i));
        in->argrepr = pith_str(in->argval);
    }
    return in->argval && in->argrepr ? 0 : -1;
}

static int cell_name(PithCode *co, int i, Ins *in) {
    intptr_t ncells = PITH_SIZE(co->cellvars);
    return i < ncells ? tuple_name(co->cellvars, i, in)
                      : tuple_name(co->freevars, (int)(i - ncells), in);
}

static int const_info(PithCode *co, int i, Ins *in) {
    if (i < 0 || i >= PITH_SIZE(co->consts)) return tuple_name(co->consts, i, in);
    in->argval = PITH_NEWREF(PITH_TUPLE_GET(co->consts, i));
    in->argrepr = pith_repr(in->argval);
    return in->argrepr ? 0 : -1;
}

/* FORMAT_VALUE: argval (converter builtin or None, has_spec), argrepr. */
static int format_info(int arg, Ins *in) {
    static const char *const conv[] = {NULL, "str", "repr", "ascii"};
    const char *c = conv[arg & 3];
    PithObject *fn = c ? pith_dict_get_item_str(pith_interp.builtins, c) : PITH_NONE;
    if (!fn) fn = PITH_NONE;
    in->argval = pith_tuple_pack(2, fn, (arg & 4) ? PITH_TRUE : PITH_FALSE);
    in->argrepr = pith_str_from_format("%s%s%s", c ? c : "", c && (arg & 4) ? ", " : "",
                                       (arg & 4) ? "with format" : "");
    return in->argval && in->argrepr ? 0 : -1;
}

static int makefn_info(int arg, Ins *in) {
    static const char *const flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
    char buf[64] = "";
    for (int i = 0; i < 4; i++) {
        if (!(arg & (1 << i))) continue;
        if (buf[0]) strcat(buf, ", ");
        strcat(buf, flags[i]);
    }
    in->argval = pith_int_from_i64(arg);
    in->argrepr = pith_str_from_cstr(buf);
    return in->argval && in->argrepr ? 0 : -1;
}

/* Fill argval/argrepr of one instruction. */
static int arg_info(PithCode *co, Ins *in) {
    static const char *const cmp[] = {"<", "<=", "==", "!=", ">", ">="};
    int a = in->arg;
    switch (arg_kind(in->op)) {
    case ARG_NONE:
        in->argval = PITH_NONE;
        in->argrepr = pith_str_from_cstr("");
        break;
    case ARG_CONST: return const_info(co, a, in);
    case ARG_NAME: return tuple_name(co->names, a, in);
    case ARG_LOCAL: return tuple_name(co->varnames, a, in);
    case ARG_CELL: return cell_name(co, a, in);
    case ARG_FORMAT: return format_info(a, in);
    case ARG_MAKEFN: return makefn_info(a, in);
    case ARG_JUMP:
        in->argval = pith_int_from_i64((int64_t)a * 4);
        in->argrepr = pith_str_from_format("to %d", a * 4);
        break;
    case ARG_COMPARE:
        in->argval = a < 6 ? pith_str_from_cstr(cmp[a]) : pith_int_from_i64(a);
        in->argrepr = pith_str_from_cstr(a < 6 ? cmp[a] : "");
        break;
    case ARG_BINOP:
        in->argval = pith_int_from_i64(a);
        in->argrepr = pith_str_from_cstr(a < PITH_NB_COUNT ? pith_nb_op_symbol[a] : "");
        break;
    default:
        in->argval = pith_int_from_i64(a);
        in->argrepr = pith_str_from_cstr("");
        break;
    }
    return in->argval && in->argrepr ? 0 : -1;
}

/* Locations of every instruction, from the line table. */
static void fill_locations(PithCode *co, Ins *ins) {
    for (intptr_t i = 0; i < co->ninstrs; i++) ins[i].loc = PITH_NO_LOCATION;
    PithLineTableIter it;
    pith_lt_iter_init(&it, (const uint8_t *)PITH_BYTES_DATA(co->linetable),
                      (size_t)PITH_BYTES_SIZE(co->linetable), co->firstlineno);
    while (pith_lt_iter_next(&it) == 1)
        for (int i = it.start; i < it.stop && i < co->ninstrs; i++) ins[i].loc = it.loc;
}

/* Line starts (as dis.findlinestarts) and jump targets. */
static void mark_lines_and_targets(Listing *l) {
    int last = -1;
    for (intptr_t i = 0; i < l->n; i++) {
        Ins *in = &l->ins[i];
        int line = in->loc.line;
        in->starts_line = (line >= 0 && line != last) ? line : -1;
        if (line >= 0) last = line;
        if (arg_kind(in->op) == ARG_JUMP && in->arg >= 0 && in->arg < l->n)
            l->ins[in->arg].is_target = true;
    }
}

static int listing_build(Listing *l, PithCode *co) {
    l->co = co;
    l->n = co->ninstrs;
    l->ins = pith_mem_calloc(l->n ? (size_t)l->n : 1, sizeof(Ins));
    if (!l->ins) {
        pith_err_no_memory();
        return -1;
    }
    fill_locations(co, l->ins);
    for (intptr_t i = 0; i < l->n; i++) {
        Ins *in = &l->ins[i];
        uint32_t w = co->instrs[i];
        in->op = (int)PITH_OP_OF(w);
        in->arg = arg_kind(in->op) == ARG_NONE ? -1 : (int)PITH_ARG_OF(w);
        in->offset = (int)i * 4;
        if (arg_info(co, in) < 0) {
            listing_free(l);
            return -1;
        }
    }
    mark_lines_and_targets(l);
    return 0;
}

static const char *op_name(int op, char *buf, size_t size) {
    if (op < PITH_OP_COUNT) return pith_opcode_names[op];
    snprintf(buf, size, "<%d>", op);
    return buf;
}

/* ---- text output ----------------------------------------------------------------- */

/* One line of the listing, as Instruction._disassemble: fields joined by
 * one space, trailing spaces removed. */
static int format_ins(PithStrBuilder *sb, Ins *in, int lineno_width, int offset_width,
                      int lasti) {
    char buf[160], name[16];
    int n = 0;
    if (lineno_width) {
        if (in->starts_line >= 0) n = snprintf(buf, sizeof buf, "%*d ", lineno_width, in->starts_line);
        else n = snprintf(buf, sizeof buf, "%*s ", lineno_width, "");
    }
    n += snprintf(buf + n, sizeof buf - (size_t)n, "%s %s %*d %-*s", in->offset == lasti ? "-->" : "   ",
                  in->is_target ? ">>" : "  ", offset_width, in->offset, OPNAME_WIDTH,
                  op_name(in->op, name, sizeof name));
    if (in->arg >= 0) {
        n += snprintf(buf + n, sizeof buf - (size_t)n, " %*d", OPARG_WIDTH, in->arg);
    }
    bool has_repr = in->arg >= 0 && PITH_STR_LEN(in->argrepr) > 0;
    if (!has_repr)
        while (n > 0 && buf[n - 1] == ' ') buf[--n] = 0;
    if (pith_sb_append_utf8(sb, buf, n) < 0) return -1;
    if (has_repr && (pith_sb_append_utf8(sb, " (", 2) < 0 ||
                     pith_sb_append_str(sb, in->argrepr) < 0 || pith_sb_append_char(sb, ')') < 0))
        return -1;
    return pith_sb_append_char(sb, '\n');
}

static int digits(long v) {
    int d = 1;
    while (v >= 10) v /= 10, d++;
    return d;
}

/* The listing of one code object (no nested code), as dis.disassemble. */
static int format_listing(PithStrBuilder *sb, Listing *l, int lasti) {
    int maxline = -1;
    for (intptr_t i = 0; i < l->n; i++)
        if (l->ins[i].starts_line > maxline) maxline = l->ins[i].starts_line;
    int lineno_width = maxline < 0 ? 0 : maxline >= 1000 ? digits(maxline) : 3;
    long maxoffset = (long)(l->n - 1) * 4;
    int offset_width = maxoffset >= 10000 ? digits(maxoffset) : 4;
    for (intptr_t i = 0; i < l->n; i++) {
        Ins *in = &l->ins[i];
        if (lineno_width && in->starts_line >= 0 && in->offset > 0 &&
            pith_sb_append_char(sb, '\n') < 0)
            return -1;
        if (format_ins(sb, in, lineno_width, offset_width, lasti) < 0) return -1;
    }
    return 0;
}

static int format_code(PithStrBuilder *sb, PithCode *co, int lasti) {
    Listing l;
    if (listing_build(&l, co) < 0) return -1;
    int r = format_listing(sb, &l, lasti);
    listing_free(&l);
    return r;
}

/* disassemble(co) and then every nested code object, depth < 0 = unlimited. */
static int format_recursive(PithStrBuilder *sb, PithCode *co, int depth) {
    if (format_code(sb, co, -1) < 0) return -1;
    if (depth == 0) return 0;
    for (intptr_t i = 0; i < PITH_SIZE(co->consts); i++) {
        PithObject *c = PITH_TUPLE_GET(co->consts, i);
        if (!pith_code_check(c)) continue;
        if (pith_sb_append_utf8(sb, "\nDisassembly of ", -1) < 0 || pith_sb_append_repr(sb, c) < 0 ||
            pith_sb_append_utf8(sb, ":\n", 2) < 0 ||
            format_recursive(sb, (PithCode *)c, depth < 0 ? -1 : depth - 1) < 0)
            return -1;
    }
    return 0;
}

/* Write the builder's text to `file` (None/NULL = sys.stdout). */
static PithObject *emit(PithStrBuilder *sb, PithObject *file) {
    PithObject *text = pith_sb_finish(sb);
    if (!text) return NULL;
    if (!file || file == PITH_NONE) file = pith_sys_get_object("stdout");
    int r = -1;
    if (!file || file == PITH_NONE) pith_err_set_string(&pith_exc_RuntimeError, "lost sys.stdout");
    else r = pith_file_write_object(text, file, true);
    PITH_DECREF(text);
    if (r < 0) return NULL;
    PITH_RETURN_NONE;
}

/* ---- finding the code object --------------------------------------------------------- */

/* o.name if present (new ref in *out, returns 1), 0 if absent, -1 error. */
static int attr(PithObject *o, const char *name, PithObject **out) {
    PithObject *n = pith_str_from_cstr(name);
    if (!n) return -1;
    int r = pith_lookup_attr(o, n, out);
    PITH_DECREF(n);
    return r;
}

/* Unwrap methods, functions, generators and coroutines to their code
 * (as dis does); returns a new ref to x itself when nothing applies. */
static PithObject *unwrap(PithObject *x) {
    static const char *const code_attrs[] = {"__code__", "gi_code", "ag_code", "cr_code"};
    PithObject *v;
    int r = attr(x, "__func__", &v);
    if (r < 0) return NULL;
    x = r ? v : PITH_NEWREF(x);
    for (int i = 0; i < 4; i++) {
        r = attr(x, code_attrs[i], &v);
        if (r != 0) {
            PITH_DECREF(x);
            return r < 0 ? NULL : v;
        }
    }
    return x;
}

static PithObject *compile_text(PithObject *src, const char *name) {
    intptr_t n;
    const char *s = pith_str_utf8_size(src, &n);
    PithObject *fn = s ? pith_str_from_cstr(name) : NULL;
    if (!fn) return NULL;
    PithCode *co = pith_compile_source(s, (size_t)n, fn, PITH_MODE_EVAL, 0);
    if (!co && pith_err_matches(&pith_exc_SyntaxError)) {
        pith_err_clear();
        co = pith_compile_source(s, (size_t)n, fn, PITH_MODE_EXEC, 0);
    }
    PITH_DECREF(fn);
    return (PithObject *)co;
}

static PithObject *cannot_disassemble(PithObject *x) {
    return pith_err_format(&pith_exc_TypeError, "don't know how to disassemble %s objects",
                           pith_type_name(x));
}

/* dis._get_code_object: a code object (new ref) for x, or TypeError. */
static PithCode *get_code(PithObject *x, const char *src_name) {
    PithObject *u = unwrap(x);
    if (u && pith_str_check(u)) PITH_SETREF(u, compile_text(u, src_name));
    if (u && !pith_code_check(u)) {
        cannot_disassemble(u);
        PITH_CLEAR(u);
    }
    return (PithCode *)u;
}

/* ---- dis.dis ----------------------------------------------------------------------- */

static int format_any(PithStrBuilder *sb, PithObject *x, int depth);

/* Is v something dis() disassembles when listing a class or module? */
static bool has_code(PithObject *v) {
    return pith_code_check(v) || pith_type_ok(v, &pith_function_type) ||
           pith_type_ok(v, &pith_method_type) || pith_type_ok(v, &pith_type_type) ||
           pith_hasattr_str(v, "__func__") > 0;
}

/* Classes and modules: each code-bearing item of __dict__, sorted by name. */
static int format_namespace(PithStrBuilder *sb, PithObject *d, int depth) {
    PithObject *items = NULL;
    if (pith_dict_check(d)) {
        items = pith_dict_items(d);
    } else { /* a class's mappingproxy, or any mapping: sorted(d.items()) */
        PithObject *view = pith_call_method(d, "items", NULL, 0);
        items = view ? pith_sequence_list(view) : NULL;
        PITH_XDECREF(view);
    }
    if (!items || pith_list_sort(items) < 0) {
        PITH_XDECREF(items);
        return -1;
    }
    int r = 0;
    for (intptr_t i = 0; r == 0 && i < PITH_SIZE(items); i++) {
        PithObject *kv = PITH_LIST_GET(items, i);
        if (!pith_tuple_check(kv) || PITH_SIZE(kv) != 2 || !pith_str_check(PITH_TUPLE_GET(kv, 0)))
            continue;
        PithObject *v = PITH_TUPLE_GET(kv, 1);
        if (!has_code(v)) continue;
        r = pith_sb_append_utf8(sb, "Disassembly of ", -1);
        if (r == 0) r = pith_sb_append_str(sb, PITH_TUPLE_GET(kv, 0));
        if (r == 0) r = pith_sb_append_utf8(sb, ":\n", 2);
        if (r == 0 && format_any(sb, v, depth) < 0) {
            if (!pith_err_matches(&pith_exc_TypeError)) r = -1;
            PithObject *e = r ? NULL : pith_err_fetch();
            if (e && (pith_sb_append_utf8(sb, "Sorry: ", -1) < 0 || pith_sb_append_str(sb, e) < 0 ||
                      pith_sb_append_char(sb, '\n') < 0))
                r = -1;
            PITH_XDECREF(e);
        }
        if (r == 0) r = pith_sb_append_char(sb, '\n');
    }
    PITH_DECREF(items);
    return r;
}

static int format_any(PithStrBuilder *sb, PithObject *x, int depth) {
    PithObject *u = unwrap(x);
    if (!u) return -1;
    PithObject *d = NULL;
    int r = pith_code_check(u) ? 0 : attr(u, "__dict__", &d);
    if (r > 0) r = format_namespace(sb, d, depth);
    else if (r == 0 && pith_code_check(u)) r = format_recursive(sb, (PithCode *)u, depth);
    else if (r == 0 && pith_str_check(u)) {
        PithObject *co = compile_text(u, "<dis>");
        r = co ? format_recursive(sb, (PithCode *)co, depth) : -1;
        PITH_XDECREF(co);
    } else if (r == 0) {
        cannot_disassemble(u);
        r = -1;
    }
    PITH_XDECREF(d);
    PITH_DECREF(u);
    return r;
}

/* The last traceback entry: its code and instruction offset. */
static int format_last_tb(PithStrBuilder *sb, PithObject *tb) {
    if (!tb || tb == PITH_NONE) tb = pith_sys_get_object("last_traceback");
    if (!tb || PITH_TYPE(tb) != &pith_traceback_type) {
        pith_err_set_string(&pith_exc_RuntimeError, "no last traceback to disassemble");
        return -1;
    }
    while (((PithTraceback *)tb)->tb_next) tb = ((PithTraceback *)tb)->tb_next;
    PithTraceback *t = (PithTraceback *)tb;
    return format_code(sb, pith_frame_object_code(t->tb_frame), t->tb_lasti * 4);
}

/* Parse (x, file=, depth=) style arguments: x positional-or-keyword. */
static int parse_xfd(const char *fname, PithObject *const *args, size_t nargs, PithObject *kwnames,
                     PithObject **v) {
    static const char *const kw[] = {"x", "file", "depth", "show_caches", "adaptive"};
    const PithArgSpec spec = {fname, kw, 5, 0, 0, 1};
    return pith_arg_parse(&spec, args, nargs, kwnames, v);
}

static int depth_of(PithObject *d) {
    if (!d || d == PITH_NONE) return -1;
    intptr_t n = pith_number_as_ssize(d, NULL);
    if (n == -1 && pith_err_occurred()) return -2;
    return n < 0 ? 0 : (int)n;
}

static PithObject *dis_dis(PithObject *self, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    PithObject *v[5] = {NULL};
    if (parse_xfd("dis", args, nargs, kwnames, v) < 0) return NULL;
    int depth = depth_of(v[2]);
    if (depth == -2) return NULL;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    int r = (!v[0] || v[0] == PITH_NONE) ? format_last_tb(&sb, NULL) : format_any(&sb, v[0], depth);
    if (r < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return emit(&sb, v[1]);
}

static PithObject *dis_distb(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    static const char *const kw[] = {"tb", "file", "show_caches", "adaptive"};
    static const PithArgSpec spec = {"distb", kw, 4, 0, 0, 1};
    PithObject *v[4] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    if (format_last_tb(&sb, v[0]) < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return emit(&sb, v[1]);
}

static PithObject *dis_disassemble(PithObject *self, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    static const char *const kw[] = {"co", "lasti", "file", "show_caches", "adaptive"};
    static const PithArgSpec spec = {"disassemble", kw, 5, 0, 1, 2};
    PithObject *v[5] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    intptr_t lasti = v[1] ? pith_number_as_ssize(v[1], NULL) : -1;
    if (lasti == -1 && pith_err_occurred()) return NULL;
    PithCode *co = get_code(v[0], "<disassembly>");
    if (!co) return NULL;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    int r = format_code(&sb, co, (int)lasti);
    PITH_DECREF(co);
    if (r < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return emit(&sb, v[2]);
}

/* ---- Instruction objects ------------------------------------------------------------- */

static PithStructSeqType instruction_type, positions_type;

static PithObject *int_or_none(int v) {
    return v < 0 ? PITH_NEWREF(PITH_NONE) : pith_int_from_i64(v);
}

static PithObject *make_positions(PithLocation *loc) {
    bool known = loc->line >= 0;
    PithObject *f[4] = {int_or_none(loc->line), int_or_none(known ? loc->end_line : -1),
                        int_or_none(known ? loc->col : -1), int_or_none(known ? loc->end_col : -1)};
    PithObject *p = NULL;
    if (f[0] && f[1] && f[2] && f[3]) p = pith_structseq_new(&positions_type, f);
    for (int i = 0; i < 4; i++) PITH_XDECREF(f[i]);
    return p;
}

static PithObject *make_instruction(Ins *in, int line_offset) {
    char buf[16];
    PithObject *f[9] = {
        pith_str_from_cstr(op_name(in->op, buf, sizeof buf)),
        pith_int_from_i64(in->op),
        int_or_none(in->arg),
        PITH_NEWREF(in->argval),
        PITH_NEWREF(in->argrepr),
        pith_int_from_i64(in->offset),
        in->starts_line < 0 ? PITH_NEWREF(PITH_NONE) : pith_int_from_i64(in->starts_line + line_offset),
        PITH_NEWREF(in->is_target ? PITH_TRUE : PITH_FALSE),
        make_positions(&in->loc),
    };
    PithObject *r = NULL;
    bool ok = true;
    for (int i = 0; i < 9; i++) ok = ok && f[i];
    if (ok) r = pith_structseq_new(&instruction_type, f);
    for (int i = 0; i < 9; i++) PITH_XDECREF(f[i]);
    return r;
}

static PithObject *instructions_list(PithCode *co, int line_offset) {
    Listing l;
    if (listing_build(&l, co) < 0) return NULL;
    PithObject *list = pith_list_new(0);
    for (intptr_t i = 0; list && i < l.n; i++) {
        PithObject *ins = make_instruction(&l.ins[i], line_offset);
        if (!ins || pith_list_append(list, ins) < 0) PITH_CLEAR(list);
        PITH_XDECREF(ins);
    }
    listing_free(&l);
    return list;
}

static PithObject *list_to_iter(PithObject *list) {
    if (!list) return NULL;
    PithObject *it = pith_get_iter(list);
    PITH_DECREF(list);
    return it;
}

static PithObject *dis_get_instructions(PithObject *self, PithObject *const *args, size_t nargs,
                                        PithObject *kwnames) {
    static const char *const kw[] = {"x", "first_line", "show_caches", "adaptive"};
    static const PithArgSpec spec = {"get_instructions", kw, 4, 0, 1, 1};
    PithObject *v[4] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithCode *co = get_code(v[0], "<disassembly>");
    if (!co) return NULL;
    intptr_t first = (v[1] && v[1] != PITH_NONE) ? pith_number_as_ssize(v[1], NULL) : co->firstlineno;
    PithObject *r = NULL;
    if (!(first == -1 && pith_err_occurred()))
        r = list_to_iter(instructions_list(co, (int)(first - co->firstlineno)));
    PITH_DECREF(co);
    return r;
}

static PithObject *dis_findlinestarts(PithObject *self, PithObject *const *args, size_t nargs,
                                      PithObject *kwnames) {
    PithObject *arg = args[0];
    if (!pith_code_check(arg)) return cannot_disassemble(arg);
    Listing l;
    if (listing_build(&l, (PithCode *)arg) < 0) return NULL;
    PithObject *list = pith_list_new(0);
    for (intptr_t i = 0; list && i < l.n; i++) {
        if (l.ins[i].starts_line < 0) continue;
        PithObject *a = pith_int_from_i64(l.ins[i].offset), *b = pith_int_from_i64(l.ins[i].starts_line);
        PithObject *t = a && b ? pith_tuple_pack(2, a, b) : NULL;
        if (!t || pith_list_append(list, t) < 0) PITH_CLEAR(list);
        PITH_XDECREF(a);
        PITH_XDECREF(b);
        PITH_XDECREF(t);
    }
    listing_free(&l);
    return list_to_iter(list);
}

/* ---- code_info ---------------------------------------------------------------------- */

/* Names of code flag bits 0..9 (dis.COMPILER_FLAG_NAMES). */
static const char *const flag_names[] = {"OPTIMIZED", "NEWLOCALS", "VARARGS", "VARKEYWORDS",
                                         "NESTED", "GENERATOR", "NOFREE", "COROUTINE",
                                         "ITERABLE_COROUTINE", "ASYNC_GENERATOR"};
#define NUM_FLAG_NAMES ((int)(sizeof flag_names / sizeof flag_names[0]))

static int append_flags(PithStrBuilder *sb, int flags) {
    char buf[32];
    bool first = true;
    unsigned rest = (unsigned)flags;
    for (int i = 0; i < 32 && rest; i++) {
        unsigned bit = 1u << i;
        if (!(rest & bit)) continue;
        rest ^= bit;
        if (i < NUM_FLAG_NAMES) snprintf(buf, sizeof buf, "%s", flag_names[i]);
        else snprintf(buf, sizeof buf, "0x%x", bit);
        if ((!first && pith_sb_append_utf8(sb, ", ", 2) < 0) || pith_sb_append_utf8(sb, buf, -1) < 0)
            return -1;
        first = false;
    }
    return first ? pith_sb_append_utf8(sb, "0x0", 3) : 0;
}

/* "Title:\n" and "%4d: item" lines for a non-empty tuple (repr or str). */
static int append_table(PithStrBuilder *sb, const char *title, PithObject *t, bool use_repr) {
    if (PITH_SIZE(t) == 0) return 0;
    if (pith_sb_append_utf8(sb, "\n", 1) < 0 || pith_sb_append_utf8(sb, title, -1) < 0) return -1;
    for (intptr_t i = 0; i < PITH_SIZE(t); i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "\n%4zd: ", (ssize_t)i);
        PithObject *item = PITH_TUPLE_GET(t, i);
        if (pith_sb_append_utf8(sb, buf, -1) < 0) return -1;
        if ((use_repr ? pith_sb_append_repr(sb, item) : pith_sb_append_str(sb, item)) < 0) {
            if (use_repr || !pith_str_check(item)) return -1;
        }
    }
    return 0;
}

static PithObject *code_info_text(PithCode *co) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    PithObject *head = pith_str_from_format(
        "Name:              %U\nFilename:          %U\nArgument count:    %d\n"
        "Positional-only arguments: %d\nKw-only arguments: %d\nNumber of locals:  %d\n"
        "Stack size:        %d\nFlags:             ",
        co->name, co->filename, co->argcount, co->posonlyargcount, co->kwonlyargcount, co->nlocals,
        co->stacksize);
    int r = head ? pith_sb_append_str(&sb, head) : -1;
    PITH_XDECREF(head);
    if (r == 0) r = append_flags(&sb, co->flags);
    if (r == 0) r = append_table(&sb, "Constants:", co->consts, true);
    if (r == 0) r = append_table(&sb, "Names:", co->names, false);
    if (r == 0) r = append_table(&sb, "Variable names:", co->varnames, false);
    if (r == 0) r = append_table(&sb, "Free variables:", co->freevars, false);
    if (r == 0) r = append_table(&sb, "Cell variables:", co->cellvars, false);
    if (r < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return pith_sb_finish(&sb);
}

static PithObject *code_info_of(PithObject *x) {
    PithCode *co = get_code(x, "<disassembly>");
    if (!co) return NULL;
    PithObject *r = code_info_text(co);
    PITH_DECREF(co);
    return r;
}

static PithObject *dis_show_code(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    static const char *const kw[] = {"co", "file"};
    static const PithArgSpec spec = {"show_code", kw, 2, 0, 1, 1};
    PithObject *v[2] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithObject *text = code_info_of(v[0]);
    if (!text) return NULL;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    int r = pith_sb_append_str(&sb, text);
    PITH_DECREF(text);
    if (r < 0 || pith_sb_append_char(&sb, '\n') < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return emit(&sb, v[1]);
}

static PithObject *dis_code_info(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    return code_info_of(args[0]);
}

/* pretty_flags(flags): "OPTIMIZED, NEWLOCALS" as in code_info. */
static PithObject *dis_pretty_flags(PithObject *self, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    intptr_t flags = pith_number_as_ssize(args[0], NULL);
    if (flags == -1 && pith_err_occurred()) return NULL;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    if (append_flags(&sb, (int)flags) < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return pith_sb_finish(&sb);
}

/* dis.COMPILER_FLAG_NAMES: {bit value: name}. */
static int add_flag_names(PithObject *m) {
    PithObject *d = pith_dict_new();
    for (int i = 0; d && i < NUM_FLAG_NAMES; i++) {
        PithObject *k = pith_int_from_i64((int64_t)1 << i);
        PithObject *v = pith_str_from_cstr(flag_names[i]);
        if (!k || !v || pith_dict_set_item(d, k, v) < 0) PITH_CLEAR(d);
        PITH_XDECREF(k);
        PITH_XDECREF(v);
    }
    return d ? pith_module_add_object(m, "COMPILER_FLAG_NAMES", d) : -1;
}

/* Bytecode and findlabels: thin Python over the native functions above,
 * run in the module's namespace at import. */
static const char glue[] =
    "class _Text:\n"
    "    def __init__(self):\n"
    "        self.parts = []\n"
    "    def write(self, s):\n"
    "        self.parts.append(s)\n"
    "        return len(s)\n"
    "\n"
    "def _code_of(x):\n"
    "    for name in ('__func__', '__code__', 'gi_code', 'ag_code', 'cr_code'):\n"
    "        x = getattr(x, name, x)\n"
    "    if isinstance(x, str):\n"
    "        x = compile(x, '<disassembly>', 'exec')\n"
    "    if not hasattr(x, 'co_code'):\n"
    "        raise TypeError(\"don't know how to disassemble %s objects\" % type(x).__name__)\n"
    "    return x\n"
    "\n"
    "class Bytecode:\n"
    "    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False,\n"
    "                 adaptive=False):\n"
    "        self.codeobj = co = _code_of(x)\n"
    "        self.first_line = co.co_firstlineno if first_line is None else first_line\n"
    "        self._line_offset = self.first_line - co.co_firstlineno\n"
    "        self._original_object = x\n"
    "        self.current_offset = current_offset\n"
    "        self.show_caches = show_caches\n"
    "        self.adaptive = adaptive\n"
    "\n"
    "    def __iter__(self):\n"
    "        return get_instructions(self.codeobj, first_line=self.first_line)\n"
    "\n"
    "    def __repr__(self):\n"
    "        return '{}({!r})'.format(self.__class__.__name__, self._original_object)\n"
    "\n"
    "    @classmethod\n"
    "    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):\n"
    "        while tb.tb_next:\n"
    "            tb = tb.tb_next\n"
    "        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)\n"
    "\n"
    "    def info(self):\n"
    "        return code_info(self.codeobj)\n"
    "\n"
    "    def dis(self):\n"
    "        out = _Text()\n"
    "        offset = -1 if self.current_offset is None else self.current_offset\n"
    "        disassemble(self.codeobj, offset, file=out)\n"
    "        return ''.join(out.parts)\n"
    "\n"
    "def findlabels(code):\n"
    "    labels = []\n"
    "    for i in range(0, len(code) - 3, 4):\n"
    "        op, arg = code[i], int.from_bytes(code[i + 1:i + 4], 'little')\n"
    "        if op in hasjabs and arg * 4 not in labels:\n"
    "            labels.append(arg * 4)\n"
    "    return labels\n";

/* ---- the module ------------------------------------------------------------------------ */

/* ---- stack_effect, HAVE_ARGUMENT, EXTENDED_ARG -----------------------------
 * Every pith instruction word has an argument field, so HAVE_ARGUMENT is 0:
 * stack_effect() requires an oparg for opcodes >= 0 except those known not
 * to use it, which accept one and ignore it; negative opcodes permit none.
 * pith needs no EXTENDED_ARG (24-bit arguments): the name holds CPython's
 * number, which no pith opcode uses. */

#define DIS_HAVE_ARGUMENT 0
#define DIS_EXTENDED_ARG 144
_Static_assert(PITH_OP_COUNT <= DIS_EXTENDED_ARG, "dis.EXTENDED_ARG must not be a pith opcode");

/* A C int (via __index__); OverflowError with CPython's text beyond `what`. */
static int int_arg(PithObject *o, int64_t lo, int64_t hi, const char *what, int64_t *out) {
    PithObject *i = pith_number_index(o);
    if (!i) return -1;
    int overflow = 0;
    *out = pith_int_as_i64_overflow(i, &overflow);
    PITH_DECREF(i);
    if (overflow || *out < lo || *out > hi) {
        pith_err_format(&pith_exc_OverflowError, "Python int too large to convert to C %s", what);
        return -1;
    }
    return 0;
}

static PithObject *dis_stack_effect(PithObject *m, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    static const char *const kwlist[] = {"opcode", "oparg", "jump"};
    static const PithArgSpec spec = {"stack_effect", kwlist, 3, 2, 1, 2};
    PithObject *a[3];
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    PithObject *oparg = a[1] ? a[1] : PITH_NONE, *jump = a[2] ? a[2] : PITH_NONE;
    int64_t op, arg = 0;
    if (int_arg(a[0], INT_MIN, INT_MAX, "int", &op) < 0) return NULL;
    bool valid = op >= 0 && op < PITH_OP_COUNT;
    if (oparg != PITH_NONE && int_arg(oparg, LONG_MIN, LONG_MAX, "long", &arg) < 0) return NULL;
    if (op >= DIS_HAVE_ARGUMENT && oparg == PITH_NONE && (!valid || arg_kind((int)op) != ARG_NONE))
        return pith_err_format(&pith_exc_ValueError,
                               "stack_effect: opcode requires oparg but oparg was not specified");
    if (op < DIS_HAVE_ARGUMENT && oparg != PITH_NONE)
        return pith_err_format(
            &pith_exc_ValueError,
            "stack_effect: opcode does not permit oparg but oparg was specified");
    if (jump != PITH_NONE && jump != PITH_TRUE && jump != PITH_FALSE)
        return pith_err_format(&pith_exc_ValueError,
                               "stack_effect: jump must be False, True or None");
    int effect = PITH_STACK_EFFECT_INVALID;
    if (valid && arg >= 0 && arg <= PITH_ARG_MAX)
        effect = pith_compile_stack_effect((int)op, (int)arg,
                                           jump == PITH_NONE ? -1 : jump == PITH_TRUE);
    if (effect == PITH_STACK_EFFECT_INVALID)
        return pith_err_format(&pith_exc_ValueError, "invalid opcode or oparg");
    return pith_int_from_i64(effect);
}

static int add_arg_constants(PithObject *m) {
    if (pith_module_add_int(m, "HAVE_ARGUMENT", DIS_HAVE_ARGUMENT) < 0 ||
        pith_module_add_int(m, "EXTENDED_ARG", DIS_EXTENDED_ARG) < 0)
        return -1;
    return pith_module_add_object(m, "hasnargs", pith_list_new(0));
}

static PithMethodDef dis_methods[] = {
    {"stack_effect", dis_stack_effect, PITH_METH_KW, NULL},
    {"dis", dis_dis, PITH_METH_KW, NULL},
    {"distb", dis_distb, PITH_METH_KW, NULL},
    {"disassemble", dis_disassemble, PITH_METH_KW, NULL},
    {"disco", dis_disassemble, PITH_METH_KW, NULL},
    {"get_instructions", dis_get_instructions, PITH_METH_KW, NULL},
    {"findlinestarts", dis_findlinestarts, PITH_METH_O, NULL},
    {"code_info", dis_code_info, PITH_METH_O, NULL},
    {"show_code", dis_show_code, PITH_METH_KW, NULL},
    {"pretty_flags", dis_pretty_flags, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static int init_types(void) {
    static const char *const ins_fields[] = {"opname", "opcode", "arg", "argval", "argrepr",
                                             "offset", "starts_line", "is_jump_target",
                                             "positions"};
    static const char *const pos_fields[] = {"lineno", "end_lineno", "col_offset",
                                             "end_col_offset"};
    if (instruction_type.type.tp_name) return 0;
    if (pith_structseq_init_type(&positions_type, "Positions", pos_fields, 4) < 0) return -1;
    return pith_structseq_init_type(&instruction_type, "Instruction", ins_fields, 9);
}

/* Add a list of the opcodes whose argument kind is `kind` as m.name. */
static int add_op_list(PithObject *m, const char *name, ArgKind kind) {
    PithObject *list = pith_list_new(0);
    for (int op = 0; list && op < PITH_OP_COUNT; op++) {
        if (arg_kind(op) != kind) continue;
        PithObject *v = pith_int_from_i64(op);
        if (!v || pith_list_append(list, v) < 0) PITH_CLEAR(list);
        PITH_XDECREF(v);
    }
    return list ? pith_module_add_object(m, name, list) : -1;
}

/* dis.opname (256 entries, "<N>" for unused numbers) and dis.opmap. */
static int add_opnames(PithObject *m) {
    PithObject *names = pith_list_new(0), *map = pith_dict_new();
    int r = names && map ? 0 : -1;
    for (int op = 0; r == 0 && op < NUM_OPNAMES; op++) {
        char buf[16];
        PithObject *s = pith_str_from_cstr(op_name(op, buf, sizeof buf));
        PithObject *v = pith_int_from_i64(op);
        r = s && v ? pith_list_append(names, s) : -1;
        if (r == 0 && op < PITH_OP_COUNT) r = pith_dict_set_item(map, s, v);
        PITH_XDECREF(s);
        PITH_XDECREF(v);
    }
    if (r == 0) {
        r = pith_module_add_object(m, "opname", names);
        names = NULL;
        if (r == 0) r = pith_module_add_object(m, "opmap", map);
        map = NULL;
    }
    PITH_XDECREF(names);
    PITH_XDECREF(map);
    return r;
}

static int add_cmp_op(PithObject *m) {
    PithObject *t = pith_tuple_new(6);
    static const char *const cmp[] = {"<", "<=", "==", "!=", ">", ">="};
    for (int i = 0; t && i < 6; i++) {
        PithObject *s = pith_str_from_cstr(cmp[i]);
        if (!s) PITH_CLEAR(t);
        else PITH_TUPLE_SET(t, i, s);
    }
    return t ? pith_module_add_object(m, "cmp_op", t) : -1;
}

PithObject *pith_dis_module_init(void) {
    if (init_types() < 0) return NULL;
    PithObject *m = pith_module_new("dis");
    if (!m) return NULL;
    if (pith_module_add_functions(m, dis_methods) < 0 || add_opnames(m) < 0 || add_cmp_op(m) < 0 ||
        add_op_list(m, "hasconst", ARG_CONST) < 0 || add_op_list(m, "hasname", ARG_NAME) < 0 ||
        add_op_list(m, "haslocal", ARG_LOCAL) < 0 || add_op_list(m, "hasfree", ARG_CELL) < 0 ||
        add_op_list(m, "hasjabs", ARG_JUMP) < 0 || add_op_list(m, "hascompare", ARG_COMPARE) < 0 ||
        pith_module_add_object(m, "hasjrel", pith_list_new(0)) < 0 ||
        pith_module_add_object(m, "Instruction", PITH_NEWREF(&instruction_type)) < 0 ||
        pith_module_add_object(m, "Positions", PITH_NEWREF(&positions_type)) < 0 ||
        add_flag_names(m) < 0 || add_arg_constants(m) < 0 ||
        pith_run_source(glue, strlen(glue), "<dis>", pith_module_get_dict(m)) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
