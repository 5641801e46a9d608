/* traceback.c — the `traceback` module (native): print_exc, format_exc,
 * format_exception(_only), print_exception, format_tb/print_tb,
 * format_stack/print_stack natively; FrameSummary, StackSummary,
 * TracebackException, extract_tb/extract_stack, walk_tb/walk_stack and
 * format_list/print_list as Python glue over native helpers.
 *
 * The text comes from the interpreter's own printer (runtime/tbprint.c via
 * tbformat.h), collected in traceback.py's chunks, so the module prints
 * exactly what sys.excepthook prints. Limits follow traceback.py: None means
 * sys.tracebacklimit (if set), N >= 0 keeps the first N entries of a
 * traceback (the N most recent frames of a stack), N < 0 the last -N. */
#include "pith/pith.h"
#include "pith/run.h"
#include "../runtime/tbformat.h"

#include <string.h>

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

static int check_tb(PithObject *tb) {
    if (tb == PITH_NONE || PITH_TYPE(tb) == &pith_traceback_type) return 0;
    pith_err_format(&pith_exc_AttributeError, "'%s' object has no attribute 'tb_frame'",
                    pith_type_name(tb));
    return -1;
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

/* ---- helpers for the Python-level classes (glue below) ------------------------------- */

/* _source_line(filename, lineno): the line without its end, or ''. */
static PithObject *tb_source_line(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    static const char *const kw[] = {"filename", "lineno"};
    static const PithArgSpec spec = {"_source_line", kw, 2, 2, 2, 2};
    PithObject *v[2] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithObject *line = NULL;
    if (pith_str_check(v[0]) && pith_int_check(v[1])) {
        intptr_t n = pith_int_as_ssize(v[1]);
        if (n == -1 && pith_err_occurred()) pith_err_clear();
        else if (n > 0 && n <= INT_MAX) line = pith_tb_source_line(v[0], (int)n);
    }
    return line ? line : pith_str_from_cstr("");
}

/* _tb_positions(tb): (lineno, end_lineno, colno, end_colno) of the traceback
 * entry's instruction, None for what is unknown. */
static PithObject *tb_positions(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    static const char *const kw[] = {"tb"};
    static const PithArgSpec spec = {"_tb_positions", kw, 1, 1, 1, 1};
    PithObject *v[1] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0 || check_tb(v[0]) < 0) return NULL;
    int pos[4] = {-1, -1, -1, -1};
    if (v[0] != PITH_NONE) {
        PithTraceback *tb = (PithTraceback *)v[0];
        PithCode *co = pith_frame_object_code(tb->tb_frame);
        int sline = -1;
        pos[0] = tb->tb_lineno;
        if (!co || tb->tb_lasti < 0 ||
            pith_code_addr2location(co, tb->tb_lasti, &sline, &pos[1], &pos[2], &pos[3]) < 0 ||
            sline < 0)
            pos[1] = pos[2] = pos[3] = -1;
    }
    PithObject *t = pith_tuple_new(4);
    for (int i = 0; t && i < 4; i++) {
        PithObject *x = pos[i] < 0 ? PITH_NEWREF(PITH_NONE) : pith_int_from_i64(pos[i]);
        if (!x) PITH_CLEAR(t);
        else PITH_TUPLE_SET(t, i, x);
    }
    return t;
}

/* _format_rows(rows): StackSummary.format() of (filename, lineno, name,
 * line, end_lineno, colno, end_colno) tuples. */
static PithObject *tb_format_rows(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    static const char *const kw[] = {"rows"};
    static const PithArgSpec spec = {"_format_rows", kw, 1, 1, 1, 1};
    PithObject *v[1] = {NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithObject *rows = pith_sequence_list(v[0]);
    if (!rows) return NULL;
    PithObject *r = pith_tb_format_entries(rows);
    PITH_DECREF(rows);
    return r;
}

/* ---- the Python-level part ---------------------------------------------------------------
 * FrameSummary, StackSummary, TracebackException, walk_tb/walk_stack,
 * extract_tb/extract_stack, format_list/print_list: small classes and
 * generators over frames, run in the module's namespace at import. All text
 * they produce still comes from the native printer (_format_rows,
 * format_exception, format_exception_only). */
static const char glue[] =
    "import sys\n"
    "\n"
    "def _limit(items, limit):\n"
    "    if limit is None:\n"
    "        limit = getattr(sys, 'tracebacklimit', None)\n"
    "        if limit is None:\n"
    "            return items\n"
    "        limit = max(limit, 0)\n"
    "    return items[:limit] if limit >= 0 else items[limit:]\n"
    "\n"
    "class FrameSummary:\n"
    "    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',\n"
    "                 'name', '_line', 'locals')\n"
    "\n"
    "    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None,\n"
    "                 line=None, end_lineno=None, colno=None, end_colno=None):\n"
    "        self.filename, self.lineno, self.name = filename, lineno, name\n"
    "        self.end_lineno, self.colno, self.end_colno = end_lineno, colno, end_colno\n"
    "        self._line = line\n"
    "        self.locals = None\n"
    "        if locals:\n"
    "            self.locals = {k: repr(v) for k, v in locals.items()}\n"
    "        if lookup_line:\n"
    "            self.line\n"
    "\n"
    "    @property\n"
    "    def line(self):\n"
    "        if self._line is None:\n"
    "            if self.lineno is None:\n"
    "                return None\n"
    "            self._line = _source_line(self.filename, self.lineno)\n"
    "        return self._line.strip()\n"
    "\n"
    "    def _fields(self):\n"
    "        return (self.filename, self.lineno, self.name, self.line)\n"
    "\n"
    "    def __eq__(self, other):\n"
    "        if isinstance(other, FrameSummary):\n"
    "            return (self.filename, self.lineno, self.name, self.locals) == \\\n"
    "                   (other.filename, other.lineno, other.name, other.locals)\n"
    "        if isinstance(other, tuple):\n"
    "            return self._fields() == other\n"
    "        return NotImplemented\n"
    "\n"
    "    def __getitem__(self, i):\n"
    "        return self._fields()[i]\n"
    "\n"
    "    def __iter__(self):\n"
    "        return iter(self._fields())\n"
    "\n"
    "    def __len__(self):\n"
    "        return 4\n"
    "\n"
    "    def __repr__(self):\n"
    "        return f\"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>\"\n"
    "\n"
    "class StackSummary(list):\n"
    "    @classmethod\n"
    "    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):\n"
    "        rows = [(f, n, None, None, None) for f, n in frame_gen]\n"
    "        return klass._build(_limit(rows, limit), lookup_lines, capture_locals)\n"
    "\n"
    "    @classmethod\n"
    "    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,\n"
    "                                         lookup_lines=True, capture_locals=False):\n"
    "        rows = [(f, p[0], p[1], p[2], p[3]) for f, p in frame_gen]\n"
    "        return klass._build(_limit(rows, limit), lookup_lines, capture_locals)\n"
    "\n"
    "    @classmethod\n"
    "    def _build(klass, rows, lookup_lines, capture_locals):\n"
    "        result = klass()\n"
    "        for f, lineno, end_lineno, colno, end_colno in rows:\n"
    "            co = f.f_code\n"
    "            result.append(FrameSummary(co.co_filename, lineno, co.co_name, lookup_line=False,\n"
    "                                       locals=f.f_locals if capture_locals else None,\n"
    "                                       end_lineno=end_lineno, colno=colno, end_colno=end_colno))\n"
    "        if lookup_lines:\n"
    "            for fs in result:\n"
    "                fs.line\n"
    "        return result\n"
    "\n"
    "    @classmethod\n"
    "    def from_list(klass, a_list):\n"
    "        result = klass()\n"
    "        for item in a_list:\n"
    "            if not isinstance(item, FrameSummary):\n"
    "                filename, lineno, name, line = item\n"
    "                item = FrameSummary(filename, lineno, name, line=line)\n"
    "            result.append(item)\n"
    "        return result\n"
    "\n"
    "    def format_frame_summary(self, frame_summary):\n"
    "        return ''.join(_format_rows([_row(frame_summary)]))\n"
    "\n"
    "    def format(self):\n"
    "        return _format_rows([_row(fs) for fs in self])\n"
    "\n"
    "def _row(fs):\n"
    "    line = fs._line\n"
    "    if line is None and fs.lineno is not None:\n"
    "        line = fs._line = _source_line(fs.filename, fs.lineno)\n"
    "    return (fs.filename, fs.lineno, fs.name, line, fs.end_lineno, fs.colno, fs.end_colno)\n"
    "\n"
    "def walk_tb(tb):\n"
    "    while tb is not None:\n"
    "        yield tb.tb_frame, tb.tb_lineno\n"
    "        tb = tb.tb_next\n"
    "\n"
    "def walk_stack(f):\n"
    "    if f is None:\n"
    "        f = sys._getframe().f_back.f_back.f_back.f_back  # as 3.11 does\n"
    "    while f is not None:\n"
    "        yield f, f.f_lineno\n"
    "        f = f.f_back\n"
    "\n"
    "def _walk_tb_with_positions(tb):\n"
    "    while tb is not None:\n"
    "        yield tb.tb_frame, _tb_positions(tb)\n"
    "        tb = tb.tb_next\n"
    "\n"
    "def extract_tb(tb, limit=None):\n"
    "    return StackSummary._extract_from_extended_frame_gen(_walk_tb_with_positions(tb), limit=limit)\n"
    "\n"
    "def extract_stack(f=None, limit=None):\n"
    "    if f is None:\n"
    "        f = sys._getframe().f_back\n"
    "    stack = StackSummary.extract(walk_stack(f), limit=limit)\n"
    "    stack.reverse()\n"
    "    return stack\n"
    "\n"
    "def format_list(extracted_list):\n"
    "    return StackSummary.from_list(extracted_list).format()\n"
    "\n"
    "def print_list(extracted_list, file=None):\n"
    "    if file is None:\n"
    "        file = sys.stderr\n"
    "    for item in StackSummary.from_list(extracted_list).format():\n"
    "        print(item, file=file, end=\"\")\n"
    "\n"
    "def clear_frames(tb):\n"
    "    while tb is not None:\n"
    "        try:\n"
    "            tb.tb_frame.clear()\n"
    "        except (RuntimeError, AttributeError):\n"
    "            pass\n"
    "        tb = tb.tb_next\n"
    "\n"
    "def print_last(limit=None, file=None, chain=True):\n"
    "    if not hasattr(sys, \"last_type\"):\n"
    "        raise ValueError(\"no last exception\")\n"
    "    print_exception(sys.last_type, sys.last_value, sys.last_traceback, limit, file, chain)\n"
    "\n"
    "def _safe_str(value, what):\n"
    "    try:\n"
    "        return str(value)\n"
    "    except:\n"
    "        return f'<{what} str() failed>'\n"
    "\n"
    "class TracebackException:\n"
    "    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,\n"
    "                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10,\n"
    "                 _seen=None):\n"
    "        if _seen is None:\n"
    "            _seen = set()\n"
    "        _seen.add(id(exc_value))\n"
    "        self._exc_value, self._tb, self._limit = exc_value, exc_traceback, limit\n"
    "        self.max_group_width, self.max_group_depth = max_group_width, max_group_depth\n"
    "        self.stack = StackSummary._extract_from_extended_frame_gen(\n"
    "            _walk_tb_with_positions(exc_traceback), limit=limit, lookup_lines=lookup_lines,\n"
    "            capture_locals=capture_locals)\n"
    "        self.exc_type = exc_type\n"
    "        self._str = _safe_str(exc_value, 'exception')\n"
    "        self.__notes__ = getattr(exc_value, '__notes__', None)\n"
    "        if exc_type and issubclass(exc_type, SyntaxError):\n"
    "            self.filename = exc_value.filename\n"
    "            lno = exc_value.lineno\n"
    "            self.lineno = str(lno) if lno is not None else None\n"
    "            end_lno = exc_value.end_lineno\n"
    "            self.end_lineno = str(end_lno) if end_lno is not None else None\n"
    "            self.text = exc_value.text\n"
    "            self.offset = exc_value.offset\n"
    "            self.end_offset = exc_value.end_offset\n"
    "            self.msg = exc_value.msg\n"
    "        self.__suppress_context__ = \\\n"
    "            exc_value.__suppress_context__ if exc_value is not None else False\n"
    "        opts = dict(limit=limit, lookup_lines=lookup_lines, capture_locals=capture_locals,\n"
    "                    max_group_width=max_group_width, max_group_depth=max_group_depth)\n"
    "        self.__cause__ = self.__context__ = None\n"
    "        self.exceptions = None\n"
    "        if exc_value is None:\n"
    "            return\n"
    "        cause = exc_value.__cause__\n"
    "        if cause is not None and id(cause) not in _seen:\n"
    "            self.__cause__ = TracebackException(type(cause), cause, cause.__traceback__,\n"
    "                                                _seen=_seen, **opts)\n"
    "        context = exc_value.__context__\n"
    "        if context is not None and id(context) not in _seen and \\\n"
    "                not (compact and (self.__cause__ is not None or self.__suppress_context__)):\n"
    "            self.__context__ = TracebackException(type(context), context,\n"
    "                                                  context.__traceback__, _seen=_seen, **opts)\n"
    "        if isinstance(exc_value, BaseExceptionGroup):\n"
    "            self.exceptions = [TracebackException(type(e), e, e.__traceback__, _seen=_seen,\n"
    "                                                  **opts) for e in exc_value.exceptions]\n"
    "\n"
    "    @classmethod\n"
    "    def from_exception(cls, exc, *args, **kwargs):\n"
    "        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)\n"
    "\n"
    "    def __eq__(self, other):\n"
    "        if isinstance(other, TracebackException):\n"
    "            return self.__dict__ == other.__dict__\n"
    "        return NotImplemented\n"
    "\n"
    "    def __str__(self):\n"
    "        return self._str\n"
    "\n"
    "    def format_exception_only(self):\n"
    "        if self._exc_value is None and self.exc_type is not None:\n"
    "            yield f\"{self.exc_type.__qualname__}: None\\n\"\n"
    "            return\n"
    "        yield from format_exception_only(self._exc_value)\n"
    "\n"
    "    def format(self, *, chain=True):\n"
    "        if self._exc_value is None:\n"
    "            yield from self.format_exception_only()\n"
    "            return\n"
    "        yield from format_exception(type(self._exc_value), self._exc_value, self._tb,\n"
    "                                    limit=self._limit, chain=chain)\n"
    "\n"
    "    def print(self, *, file=None, chain=True):\n"
    "        if file is None:\n"
    "            file = sys.stderr\n"
    "        for line in self.format(chain=chain):\n"
    "            print(line, file=file, end=\"\")\n";

/* ---- the module ----------------------------------------------------------------------- */

static PithMethodDef tb_methods[] = {
    {"format_exception", tb_format_exception, PITH_METH_KW, NULL},
    {"print_exception", tb_print_exception, PITH_METH_KW, NULL},
    {"format_exception_only", tb_format_exception_only, PITH_METH_KW, NULL},
    {"print_exc", tb_print_exc, PITH_METH_KW, NULL},
    {"format_exc", tb_format_exc, PITH_METH_KW, NULL},
    {"format_tb", tb_format_tb, PITH_METH_KW, NULL},
    {"print_tb", tb_print_tb, PITH_METH_KW, NULL},
    {"_source_line", tb_source_line, PITH_METH_KW, NULL},
    {"_tb_positions", tb_positions, PITH_METH_KW, NULL},
    {"_format_rows", tb_format_rows, PITH_METH_KW, NULL},
    {"format_stack", tb_format_stack, PITH_METH_KW, NULL},
    {"print_stack", tb_print_stack, PITH_METH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_traceback_module_init(void) {
    PithObject *m = pith_module_new("traceback");
    if (!m) return NULL;
    if (pith_module_add_functions(m, tb_methods) < 0 ||
        pith_run_source(glue, strlen(glue), "<traceback>", pith_module_get_dict(m)) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
