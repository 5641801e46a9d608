/* traceback.c — the `traceback` module (native): print_exc, format_exc,
 * format_exception(_only), print_exception, extract_tb/extract_stack,
 * format_tb/print_tb, format_stack/print_stack.
 *
 * The text comes from the interpreter's own printer (runtime/tbprint.c via
 * tbformat.h), collected in traceback.py's chunks, so the module prints
 * exactly what sys.excepthook prints. Limits follow traceback.py: None means
 * sys.tracebacklimit (if set), N >= 0 keeps the first N entries of a
 * traceback (the N most recent frames of a stack), N < 0 the last -N. */
#include "pith/pith.h"
#include "../runtime/tbformat.h"

#include <string.h>

static PithType frame_summary_type;

/* ---- arguments ------------------------------------------------------------------ */

/* The limit argument (NULL or None: sys.tracebacklimit) -> PithTbLimit. */
static int parse_limit(PithObject *v, PithTbLimit *out) {
    out->limit = LONG_MAX;
    out->keep_first = true;
    if (!v || v == PITH_NONE) {
        v = pith_sys_get_object("tracebacklimit");
        if (!v || !pith_int_check(v)) return 0;
        intptr_t n = pith_number_as_ssize(v, NULL);
        if (n == -1 && pith_err_occurred()) return -1;
        out->limit = n < 0 ? 0 : (long)n;
        return 0;
    }
    intptr_t n = pith_number_as_ssize(v, NULL);
    if (n == -1 && pith_err_occurred()) return -1;
    out->keep_first = n >= 0;
    out->limit = n >= 0 ? (long)n : -(long)n;
    return 0;
}

/* traceback._parse_value_tb: (exc) or (type, value, tb) -> *value, *tb (borrowed). */
static int parse_value_tb(PithObject *exc, PithObject *value, PithObject *tb, PithObject **v_out,
                          PithObject **tb_out) {
    if ((value == NULL) != (tb == NULL)) {
        pith_err_set_string(&pith_exc_ValueError, "Both or neither of value and tb must be given");
        return -1;
    }
    if (value) {
        *v_out = value;
        *tb_out = tb;
        return 0;
    }
    *v_out = *tb_out = PITH_NONE;
    if (exc == PITH_NONE) return 0;
    if (!pith_exc_check(exc)) {
        pith_err_format(&pith_exc_TypeError, "Exception expected for value, %s found",
                        pith_type_name(exc));
        return -1;
    }
    *v_out = exc;
    PithObject *t = pith_exc_get_traceback(exc);
    *tb_out = t ? t : PITH_NONE;
    return 0;
}

/* ---- formatting ------------------------------------------------------------------- */

/* ["Type: str(value)\n"] for a value that is not an exception (or None). */
static PithObject *format_non_exception(PithObject *value) {
    PithObject *s = pith_str(value);
    if (!s) return NULL;
    PithObject *line = PITH_STR_LEN(s) ? pith_str_from_format("%s: %U\n", pith_type_name(value), s)
                                       : pith_str_from_format("%s\n", pith_type_name(value));
    PITH_DECREF(s);
    PithObject *list = line ? pith_list_new(0) : NULL;
    if (list && pith_list_append(list, line) < 0) PITH_CLEAR(list);
    PITH_XDECREF(line);
    return list;
}

static PithObject *format_value(PithObject *value, PithObject *tb, PithTbLimit limit, bool chain) {
    if (!pith_exc_check(value)) return format_non_exception(value);
    return pith_tb_format_exception(value, tb, limit, chain);
}

static PithObject *join(PithObject *chunks) {
    if (!chunks) return NULL;
    PithObject *empty = pith_str_from_cstr("");
    PithObject *r = empty ? pith_str_join(empty, chunks) : NULL;
    PITH_XDECREF(empty);
    PITH_DECREF(chunks);
    return r;
}

/* Write each chunk to file (None/NULL: sys.stderr); consumes chunks. */
static PithObject *write_chunks(PithObject *chunks, PithObject *file) {
    if (!chunks) return NULL;
    if (!file || file == PITH_NONE) file = pith_sys_get_object("stderr");
    int r = 0;
    for (intptr_t i = 0; r == 0 && file && file != PITH_NONE && i < PITH_SIZE(chunks); i++)
        r = pith_file_write_object(PITH_LIST_GET(chunks, i), file, true);
    PITH_DECREF(chunks);
    if (r < 0) return NULL;
    PITH_RETURN_NONE;
}

static bool flag(PithObject *v) { return !v || pith_is_true(v) != 0; }

/* ---- exceptions --------------------------------------------------------------------- */

/* format_exception / print_exception share their argument handling. */
static PithObject *exception_chunks(PithObject *const *v) {
    PithObject *value, *tb;
    PithTbLimit limit;
    if (parse_value_tb(v[0], v[1], v[2], &value, &tb) < 0 || parse_limit(v[3], &limit) < 0)
        return NULL;
    return format_value(value, tb, limit, flag(v[4]));
}

static PithObject *tb_format_exception(PithObject *self, PithObject *const *args, size_t nargs,
                                       PithObject *kwnames) {
    static const char *const kw[] = {"exc", "value", "tb", "limit", "chain"};
    static const PithArgSpec spec = {"format_exception", kw, 5, 1, 1, 3};
    PithObject *v[5] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    return exception_chunks(v);
}

static PithObject *tb_print_exception(PithObject *self, PithObject *const *args, size_t nargs,
                                      PithObject *kwnames) {
    static const char *const kw[] = {"exc", "value", "tb", "limit", "file", "chain"};
    static const PithArgSpec spec = {"print_exception", kw, 6, 1, 1, 4};
    PithObject *v[6] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithObject *w[5] = {v[0], v[1], v[2], v[3], v[5]};
    return write_chunks(exception_chunks(w), v[4]);
}

static PithObject *tb_format_exception_only(PithObject *self, PithObject *const *args,
                                            size_t nargs, PithObject *kwnames) {
    static const char *const kw[] = {"exc", "value"};
    static const PithArgSpec spec = {"format_exception_only", kw, 2, 1, 1, 2};
    PithObject *v[2] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithObject *value = v[1] ? v[1] : v[0];
    if (!pith_exc_check(value)) return format_non_exception(value);
    return pith_tb_format_exception_only(value);
}

/* The exception being handled (sys.exc_info()[1]) or None, borrowed. */
static PithObject *handled(void) {
    PithObject *e = pith_tstate()->handled_exc;
    return e ? e : PITH_NONE;
}

static PithObject *current_chunks(PithObject *limit_obj, PithObject *chain) {
    PithTbLimit limit;
    if (parse_limit(limit_obj, &limit) < 0) return NULL;
    PithObject *e = handled();
    PithObject *tb = pith_exc_check(e) ? pith_exc_get_traceback(e) : NULL;
    return format_value(e, tb ? tb : PITH_NONE, limit, flag(chain));
}

static PithObject *tb_print_exc(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    static const char *const kw[] = {"limit", "file", "chain"};
    static const PithArgSpec spec = {"print_exc", kw, 3, 0, 0, 3};
    PithObject *v[3] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    return write_chunks(current_chunks(v[0], v[2]), v[1]);
}

static PithObject *tb_format_exc(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    static const char *const kw[] = {"limit", "chain"};
    static const PithArgSpec spec = {"format_exc", kw, 2, 0, 0, 2};
    PithObject *v[2] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    return join(current_chunks(v[0], v[1]));
}

/* ---- tracebacks and stacks ----------------------------------------------------------- */

static PithObject *summary_repr(PithObject *self) {
    return pith_str_from_format("<FrameSummary file %U, line %S in %U>", PITH_TUPLE_GET(self, 0),
                                PITH_TUPLE_GET(self, 1), PITH_TUPLE_GET(self, 2));
}

/* FrameSummary-like (filename, lineno, name, line) for a frame object. */
static PithObject *summary(PithObject *frame, int lineno) {
    PithCode *co = pith_frame_object_code(frame);
    PithObject *src = pith_tb_source_line(co->filename, lineno);
    PithObject *line = src ? pith_call_method(src, "strip", NULL, 0) : pith_str_from_cstr("");
    PITH_XDECREF(src);
    PithObject *ln = pith_int_from_i64(lineno);
    PithObject *items[4] = {co->filename, ln, co->name, line};
    PithObject *r = ln && line ? pith_structseq_new(&frame_summary_type, items) : NULL;
    PITH_XDECREF(ln);
    PITH_XDECREF(line);
    return r;
}

static int check_tb(PithObject *tb) {
    if (tb == PITH_NONE || PITH_TYPE(tb) == &pith_traceback_type) return 0;
    pith_err_format(&pith_exc_AttributeError, "'%s' object has no attribute 'tb_frame'",
                    pith_type_name(tb));
    return -1;
}

static PithObject *tb_extract_tb(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    static const char *const kw[] = {"tb", "limit"};
    static const PithArgSpec spec = {"extract_tb", kw, 2, 0, 1, 2};
    PithObject *v[2] = {NULL};
    PithTbLimit limit;
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0 || parse_limit(v[1], &limit) < 0 ||
        check_tb(v[0]) < 0)
        return NULL;
    PithObject *all = pith_list_new(0);
    for (PithObject *t = v[0]; all && t && t != PITH_NONE; t = ((PithTraceback *)t)->tb_next) {
        PithTraceback *tb = (PithTraceback *)t;
        PithObject *s = summary(tb->tb_frame, tb->tb_lineno);
        if (!s || pith_list_append(all, s) < 0) PITH_CLEAR(all);
        PITH_XDECREF(s);
    }
    if (!all || limit.limit >= PITH_SIZE(all)) return all;
    intptr_t n = PITH_SIZE(all);
    PithObject *r = limit.keep_first ? pith_list_get_slice(all, 0, limit.limit)
                                     : pith_list_get_slice(all, n - limit.limit, n);
    PITH_DECREF(all);
    return r;
}

static PithObject *tb_chunks(PithObject *const *args, size_t nargs, PithObject *kwnames,
                             const char *fname, PithObject **file) {
    static const char *const kw[] = {"tb", "limit", "file"};
    const PithArgSpec spec = {fname, kw, file ? 3 : 2, 0, 1, file ? 3 : 2};
    PithObject *v[3] = {NULL};
    PithTbLimit limit;
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0 || parse_limit(v[1], &limit) < 0 ||
        check_tb(v[0]) < 0)
        return NULL;
    if (file) *file = v[2];
    if (v[0] == PITH_NONE) return pith_list_new(0);
    return pith_tb_format_tb(v[0], limit);
}

static PithObject *tb_format_tb(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    return tb_chunks(args, nargs, kwnames, "format_tb", NULL);
}

static PithObject *tb_print_tb(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    PithObject *file = NULL;
    PithObject *chunks = tb_chunks(args, nargs, kwnames, "print_tb", &file);
    return write_chunks(chunks, file);
}

/* Frame objects from f (default: the caller) outward, limited, outermost
 * first. */
static PithObject *stack_frames(PithObject *f, PithObject *limit_obj) {
    PithTbLimit limit;
    if (parse_limit(limit_obj, &limit) < 0) return NULL;
    PithObject *cur = (!f || f == PITH_NONE) ? pith_eval_get_frame(0) : PITH_NEWREF(f);
    PithObject *list = cur ? pith_list_new(0) : NULL;
    while (list && cur && cur != PITH_NONE) {
        if (PITH_TYPE(cur) != &pith_frame_type) {
            pith_err_set_string(&pith_exc_TypeError, "expected a frame object");
            PITH_CLEAR(list);
            break;
        }
        if (pith_list_append(list, cur) < 0) PITH_CLEAR(list);
        PITH_SETREF(cur, pith_getattr_str(cur, "f_back"));
    }
    PITH_XDECREF(cur);
    if (!list) return NULL;
    intptr_t n = PITH_SIZE(list);
    if (limit.limit < n) {
        PithObject *part = limit.keep_first ? pith_list_get_slice(list, 0, limit.limit)
                                            : pith_list_get_slice(list, n - limit.limit, n);
        PITH_SETREF(list, part);
    }
    if (list && pith_list_reverse(list) < 0) PITH_CLEAR(list);
    return list;
}

static PithObject *stack_args(PithObject *const *args, size_t nargs, PithObject *kwnames,
                              const char *fname, PithObject **file) {
    static const char *const kw[] = {"f", "limit", "file"};
    const PithArgSpec spec = {fname, kw, file ? 3 : 2, 0, 0, file ? 3 : 2};
    PithObject *v[3] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    if (file) *file = v[2];
    return stack_frames(v[0], v[1]);
}

static PithObject *frames_chunks(PithObject *frames) {
    if (!frames) return NULL;
    PithObject *r = pith_tb_format_frames(frames);
    PITH_DECREF(frames);
    return r;
}

static PithObject *tb_format_stack(PithObject *self, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    return frames_chunks(stack_args(args, nargs, kwnames, "format_stack", NULL));
}

static PithObject *tb_print_stack(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    PithObject *file = NULL;
    PithObject *frames = stack_args(args, nargs, kwnames, "print_stack", &file);
    return write_chunks(frames_chunks(frames), file);
}

static PithObject *tb_extract_stack(PithObject *self, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    PithObject *frames = stack_args(args, nargs, kwnames, "extract_stack", NULL);
    if (!frames) return NULL;
    for (intptr_t i = 0; i < PITH_SIZE(frames); i++) {
        PithObject *f = PITH_LIST_GET(frames, i);
        PithObject *ln = pith_getattr_str(f, "f_lineno");
        intptr_t lineno = ln && pith_int_check(ln) ? pith_int_as_ssize(ln) : -1;
        PITH_XDECREF(ln);
        PithObject *s = summary(f, (int)lineno);
        if (!s) {
            PITH_DECREF(frames);
            return NULL;
        }
        PITH_LIST_SET(frames, i, s);
        PITH_DECREF(f);
    }
    return frames;
}

/* ---- the module ----------------------------------------------------------------------- */

static PithMethodDef tb_methods[] = {
    {"format_exception", tb_format_exception, PITH_METH_KW, NULL},
    {"print_exception", tb_print_exception, PITH_METH_KW, NULL},
    {"format_exception_only", tb_format_exception_only, PITH_METH_KW, NULL},
    {"print_exc", tb_print_exc, PITH_METH_KW, NULL},
    {"format_exc", tb_format_exc, PITH_METH_KW, NULL},
    {"extract_tb", tb_extract_tb, PITH_METH_KW, NULL},
    {"format_tb", tb_format_tb, PITH_METH_KW, NULL},
    {"print_tb", tb_print_tb, PITH_METH_KW, NULL},
    {"extract_stack", tb_extract_stack, PITH_METH_KW, NULL},
    {"format_stack", tb_format_stack, PITH_METH_KW, NULL},
    {"print_stack", tb_print_stack, PITH_METH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_traceback_module_init(void) {
    static const char *const fields[] = {"filename", "lineno", "name", "line"};
    if (!frame_summary_type.tp_name) {
        if (pith_structseq_init_type(&frame_summary_type, "FrameSummary", fields, 4) < 0)
            return NULL;
        frame_summary_type.tp_repr = summary_repr;
    }
    PithObject *m = pith_module_new("traceback");
    if (!m) return NULL;
    if (pith_module_add_functions(m, tb_methods) < 0 ||
        pith_module_add_object(m, "FrameSummary", PITH_NEWREF(&frame_summary_type)) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
