/* tbprint.c — printing exceptions exactly as CPython 3.11's default
 * sys.excepthook does: chained causes/contexts (cycle-safe), traceback
 * entries with source lines and 3.11 position markers (~~~^^^ anchors for
 * binary operators and subscripts, laid out in display columns), SyntaxError's
 * file/line/caret block, the "Type: message" line, __notes__, and
 * exception-group trees.
 *
 * All output goes through an Out sink: a stream object (.write), C stderr,
 * or a list of chunks (the traceback module, tbformat.h), so there is one
 * printer. Chunks follow traceback.py: a line written while `hold` is 0
 * ends a chunk; a frame entry and a chained-exception separator hold the
 * chunk open over their lines.
 * Group nesting state: depth 0 = plain; inside a group every line gets
 * indent 2*depth and the margin "| ". */
#include "pith/pith.h"
#include "pith/parser.h"
#include "pith/run.h"
#include "tbformat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TB_RECURSIVE_CUTOFF 3
#define TB_LIMIT 1000
#define SOURCE_INDENT 4
#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

typedef struct Out {
    PithObject *file;   /* stream with .write, or NULL */
    PithStrBuilder *sb; /* when collecting text: the chunk being built */
    PithObject *chunks; /* list the finished chunks go to (with sb) */
    PithObject *seen;   /* set of ids of printed exceptions */
    int depth;          /* exception group depth */
    bool need_close;
    int hold;           /* > 0: line ends do not end the chunk */
    PithTbLimit limit;  /* traceback entries shown */
    bool chain;         /* print causes and contexts */
    PithObject *top_exc, *top_tb; /* traceback override for top_exc, or NULL */
} Out;

/* An Out on C stderr or a stream, with the interpreter's defaults. */
static Out out_init(PithObject *file) {
    Out o = {0};
    o.file = file;
    o.limit.limit = -1; /* sys.tracebacklimit, read when printing */
    o.chain = true;
    return o;
}

/* ---- output sink ----------------------------------------------------------- */

/* Chunk mode: move the text built so far to o->chunks. */
static void out_flush(Out *o) {
    if (!o->chunks || o->sb->len == 0) return;
    PithObject *s = pith_sb_finish(o->sb);
    pith_sb_init(o->sb);
    if (!s || pith_list_append(o->chunks, s) < 0) pith_err_clear();
    PITH_XDECREF(s);
}

/* A line end written outside a held chunk ends the chunk. */
static void out_line_written(Out *o, bool ends_line) {
    if (ends_line && o->hold == 0) out_flush(o);
}

static void out_str(Out *o, const char *s) {
    if (o->sb) {
        if (pith_sb_append_utf8(o->sb, s, -1) < 0) pith_err_clear();
        size_t n = strlen(s);
        out_line_written(o, n > 0 && s[n - 1] == '\n');
    } else if (o->file) {
        if (pith_file_write_string(s, o->file) < 0) pith_err_clear();
    } else {
        fputs(s, stderr);
    }
}

static void out_obj(Out *o, PithObject *str) {
    if (o->sb) {
        if (pith_sb_append_str(o->sb, str) < 0) pith_err_clear();
    } else if (o->file) {
        if (pith_file_write_object(str, o->file, true) < 0) pith_err_clear();
    } else {
        const char *s = pith_str_utf8(str);
        if (s) fputs(s, stderr);
        else pith_err_clear();
    }
}

static void out_fmt(Out *o, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    PithObject *s = pith_str_from_formatv(fmt, ap);
    va_end(ap);
    if (s) {
        out_obj(o, s);
        intptr_t n = PITH_STR_LEN(s);
        out_line_written(o, n > 0 && pith_str_read((PithStr *)s, n - 1) == '\n');
        PITH_DECREF(s);
    } else {
        pith_err_clear();
    }
}

static void out_repeat(Out *o, const char *s, intptr_t n) {
    for (intptr_t i = 0; i < n; i++) out_str(o, s);
}

static void out_indented_margin(Out *o, int indent, const char *margin) {
    out_repeat(o, " ", indent);
    if (margin) out_str(o, margin);
}

#define EXC_INDENT(o) (2 * (o)->depth)
#define EXC_MARGIN(o) ((o)->depth ? "| " : "")

static void out_margin(Out *o) { out_indented_margin(o, EXC_INDENT(o), EXC_MARGIN(o)); }

/* ---- source lines ------------------------------------------------------------ */

/* One-file cache: tracebacks usually show many lines of the same file. */
static char *cache_path, *cache_text;
static size_t cache_len;

/* Open a source file; a relative name not found from the current
 * directory is looked up in each sys.path directory, as CPython does. */
static FILE *open_source(const char *path) {
    FILE *fp = fopen(path, "rb");
    PithObject *dirs = fp || path[0] == '/' ? NULL : pith_sys_get_object("path");
    if (!dirs || !pith_list_check(dirs)) return fp;
    for (intptr_t i = 0; !fp && i < PITH_SIZE(dirs); i++) {
        PithObject *d = PITH_LIST_GET(dirs, i);
        const char *dir = pith_str_check(d) ? pith_str_utf8(d) : NULL;
        if (!dir) {
            pith_err_clear();
            continue;
        }
        size_t need = strlen(dir) + strlen(path) + 2;
        char *full = malloc(need);
        if (!full) break;
        snprintf(full, need, "%s/%s", dir, path);
        fp = fopen(full, "rb");
        free(full);
    }
    return fp;
}

static const char *file_text(const char *path, size_t *len) {
    if (cache_path && strcmp(cache_path, path) == 0) {
        *len = cache_len;
        return cache_text;
    }
    FILE *fp = open_source(path);
    if (!fp) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, fp);
        if (n < cap) break;
        char *nb = realloc(buf, cap *= 2);
        if (!nb) free(buf);
        buf = nb;
    }
    fclose(fp);
    if (!buf) return NULL;
    free(cache_path);
    free(cache_text);
    cache_path = strdup(path);
    cache_text = buf;
    cache_len = n;
    *len = n;
    return buf;
}

/* Line `lineno` (1-based) of a file, without its line ending, as str; NULL
 * (no exception) if unavailable. */
PithObject *pith_tb_source_line(PithObject *filename, int lineno) {
    const char *path = pith_str_utf8(filename);
    size_t len;
    const char *t = (path && lineno > 0) ? file_text(path, &len) : NULL;
    if (!t) {
        pith_err_clear();
        return NULL;
    }
    const char *end = t + len;
    if (len >= 3 && !memcmp(t, "\xEF\xBB\xBF", 3)) t += 3;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(t, '\n', (size_t)(end - t));
        if (!nl) return NULL;
        t = nl + 1;
    }
    const char *nl = memchr(t, '\n', (size_t)(end - t));
    const char *stop = nl ? nl : end;
    if (stop > t && stop[-1] == '\r') stop--;
    if (t == end) return NULL;
    PithObject *s = pith_str_from_utf8(t, stop - t);
    if (!s) pith_err_clear();
    return s;
}

static bool is_ws(uint32_t c) { return c == ' ' || c == '\t' || c == '\f'; }

/* What str.strip() removes at a line's end (ASCII part). */
static bool line_space(uint32_t c) { return is_ws(c) || c == '\n' || c == '\r' || c == '\v'; }

/* Character offset of UTF-8 byte offset `col` within str s. As CPython,
 * an offset past the end counts the terminating NUL as one more character. */
static intptr_t byte_to_char_offset(PithObject *s, intptr_t col) {
    intptr_t blen;
    const char *u = pith_str_utf8_size(s, &blen);
    if (!u) {
        pith_err_clear();
        return -1;
    }
    intptr_t chars = col > blen ? 1 : 0;
    if (col > blen) col = blen;
    for (intptr_t i = 0; i < col; i++) chars += ((unsigned char)u[i] & 0xC0) != 0x80;
    return chars;
}

/* East Asian Wide and Fullwidth code points (Unicode 14.0; unassigned code
 * points between two such characters are included). Sorted, disjoint. */
static const uint32_t wide_ranges[][2] = {
    {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0},
    {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
    {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
    {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
    {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
    {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
    {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
    {0x2E80, 0x303E}, {0x3041, 0x3247}, {0x3250, 0x4DBF}, {0x4E00, 0xA4C6}, {0xA960, 0xA97C},
    {0xAC00, 0xD7A3}, {0xF900, 0xFAD9}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6B}, {0xFF01, 0xFF60},
    {0xFFE0, 0xFFE6}, {0x16FE0, 0x1B2FB}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F320}, {0x1F32D, 0x1F335},
    {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3},
    {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440},
    {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567},
    {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F},
    {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6DF},
    {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7F0}, {0x1F90C, 0x1F93A},
    {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAF6}, {0x20000, 0x3134A},
};

/* Terminal columns of code point c: 2 for wide/fullwidth, else 1 (3.11.7
 * lays the carets out in display columns). */
static int char_width(uint32_t c) {
    size_t lo = 0, hi = sizeof wide_ranges / sizeof wide_ranges[0];
    if (c < wide_ranges[0][0]) return 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < wide_ranges[mid][0]) hi = mid;
        else if (c > wide_ranges[mid][1]) lo = mid + 1;
        else return 2;
    }
    return 1;
}

/* Display width of character c of line (1 past the end). */
static int width_at(PithObject *line, intptr_t c) {
    return c < PITH_STR_LEN(line) ? char_width(pith_str_read((PithStr *)line, c)) : 1;
}

/* Columns from character `from` to `to` (negative when to < from). */
static intptr_t span_width(PithObject *line, intptr_t from, intptr_t to) {
    intptr_t w = 0;
    for (intptr_t c = from; c < to; c++) w += width_at(line, c);
    return to < from ? to - from : w;
}

/* ---- position anchors (3.11's AST-based refinement) ---------------------------- */

typedef struct Anchors {
    intptr_t left, right; /* [left, right) gets '^', the rest '~'; -1 = none */
} Anchors;

static void binop_anchors(const char *seg, PithExpr *e, Anchors *a) {
    int from = e->v.BinOp.left->end_col_offset, to = e->v.BinOp.right->col_offset;
    for (int i = from; i < to; i++) {
        if (is_ws((unsigned char)seg[i])) continue;
        a->left = i;
        a->right = i + 1;
        if (i + 1 < to && !is_ws((unsigned char)seg[i + 1])) a->right++;
        if (i + 1 < to && seg[i] == ')') continue; /* skip closing parens of the left operand */
        break;
    }
}

static void subscript_anchors(const char *seg, PithExpr *e, Anchors *a) {
    intptr_t n = (intptr_t)strlen(seg);
    intptr_t l = e->v.Subscript.value->end_col_offset;
    intptr_t r = e->v.Subscript.slice->end_col_offset + 1;
    while (l < n && seg[l] != '[') l++;
    while (r < n && seg[r] != ']') r++;
    if (r < n) r++;
    a->left = l;
    a->right = r;
}

/* Parse the highlighted segment; fill byte anchors relative to it. */
static bool segment_anchors(PithObject *seg, PithObject *filename, Anchors *a) {
    intptr_t n;
    const char *s = pith_str_utf8_size(seg, &n);
    PithArena *arena = s ? pith_arena_new() : NULL;
    if (!arena) {
        pith_err_clear();
        return false;
    }
    bool found = false;
    PithMod *mod = pith_parse(s, (size_t)n, filename, PITH_MODE_EXEC, arena);
    if (!mod) {
        pith_err_clear();
    } else if (PITH_SEQ_LEN(mod->body) == 1) {
        PithStmt *st = PITH_SEQ_GET(mod->body, 0);
        PithExpr *e = st->kind == PITH_S_Expr ? st->v.Expr.value : NULL;
        if (e && e->kind == PITH_E_BinOp) {
            binop_anchors(s, e, a);
            found = true;
        } else if (e && e->kind == PITH_E_Subscript) {
            subscript_anchors(s, e, a);
            found = true;
        }
    }
    pith_arena_free(arena);
    return found;
}

/* Anchors in characters of the full line, or {-1,-1}. */
static Anchors line_anchors(PithObject *line, PithObject *filename, intptr_t start,
                            intptr_t end) {
    Anchors a = {-1, -1};
    PithObject *seg = pith_str_substring(line, start, end);
    if (!seg) {
        pith_err_clear();
        return a;
    }
    if (segment_anchors(seg, filename, &a)) {
        a.left = byte_to_char_offset(seg, a.left) + start;
        a.right = byte_to_char_offset(seg, a.right) + start;
    } else {
        a.left = a.right = -1;
    }
    PITH_DECREF(seg);
    return a;
}

/* ---- one traceback entry ----------------------------------------------------------- */

/* One traceback or stack entry. Objects are borrowed from whatever the
 * caller keeps alive (a frame's code, a FrameSummary). Positions are byte
 * columns of the source line as code.co_positions() gives them; has_pos
 * is false when there are none (no carets). `line`, when not NULL, is the
 * source line to show instead of reading the file. */
typedef struct Entry {
    PithObject *filename, *name, *line;
    int lineno;
    bool has_pos;
    int end_line, col, end_col;
} Entry;

/* Print the caret line for the entry's columns, if informative. */
static void print_carets(Out *o, const Entry *e, PithObject *line, intptr_t indent_chars,
                         intptr_t len) {
    if (!e->has_pos || e->lineno < 0 || e->end_line < 0 || e->col < 0 || e->end_col < 0) return;
    intptr_t start = byte_to_char_offset(line, e->col), end = byte_to_char_offset(line, e->end_col);
    if (start < 0 || end < 0) return;
    Anchors a = {-1, -1};
    if (e->lineno == e->end_line) {
        a = line_anchors(line, e->filename, start, end);
    } else {
        intptr_t i = PITH_STR_LEN(line);
        while (--i >= 0 && is_ws(pith_str_read((PithStr *)line, i))) {}
        end = i + 1;
    }
    bool special = a.left != -1 || a.right != -1;
    if (end - start == len - indent_chars && !special) return;
    out_indented_margin(o, EXC_INDENT(o), EXC_MARGIN(o));
    out_repeat(o, " ", SOURCE_INDENT + span_width(line, indent_chars, start));
    for (intptr_t c = start; c < end; c++)
        out_repeat(o, !special ? "^" : (a.left <= c && c < a.right) ? "^" : "~",
                   width_at(line, c));
    out_str(o, "\n");
}

static void print_entry_lines(Out *o, const Entry *e) {
    out_margin(o);
    out_fmt(o, "  File \"%S\", line %d, in %S\n", e->filename, e->lineno, e->name);
    PithObject *line = e->line && pith_str_check(e->line) ? PITH_NEWREF(e->line)
                                                          : pith_tb_source_line(e->filename, e->lineno);
    if (!line) return;
    intptr_t i = 0, n = PITH_STR_LEN(line);
    while (i < n && is_ws(pith_str_read((PithStr *)line, i))) i++;
    /* traceback.py strips the line's end too; the builtin printer keeps it */
    while (n > i && (o->chunks ? line_space(pith_str_read((PithStr *)line, n - 1))
                               : pith_str_read((PithStr *)line, n - 1) == '\n'))
        n--;
    /* traceback.py skips an empty line; the builtin printer shows it */
    PithObject *stripped = i < n || !o->chunks ? pith_str_substring(line, i, n > i ? n : i) : NULL;
    if (stripped) {
        out_margin(o);
        out_repeat(o, " ", SOURCE_INDENT);
        out_obj(o, stripped);
        out_str(o, "\n");
        PITH_DECREF(stripped);
        print_carets(o, e, line, i, o->chunks ? n : PITH_STR_LEN(line));
    }
    pith_err_clear();
    PITH_DECREF(line);
}

/* An entry is one chunk: its File line, source line and carets. */
static void print_entry(Out *o, const Entry *e) {
    o->hold++;
    print_entry_lines(o, e);
    o->hold--;
    out_flush(o);
}

static void print_repeated(Out *o, long cnt) {
    cnt -= TB_RECURSIVE_CUTOFF;
    out_fmt(o, "  [Previous line repeated %ld more time%s]\n", cnt, cnt > 1 ? "s" : "");
}

/* a == b, an error counting as false. */
static bool equal(PithObject *a, PithObject *b) {
    int r = pith_richcompare_bool(a, b, PITH_EQ);
    if (r < 0) pith_err_clear();
    return r > 0;
}

static bool same_entry(const Entry *a, const Entry *b) {
    return a && a->lineno != -1 && a->lineno == b->lineno && equal(a->filename, b->filename) &&
           equal(a->name, b->name);
}

/* sys.tracebacklimit as the C printer reads it (the last N entries). */
static long traceback_limit(void) {
    PithObject *v = pith_sys_get_object("tracebacklimit");
    if (!v || !pith_int_check(v)) return TB_LIMIT;
    int overflow;
    int64_t n = pith_int_as_i64_overflow(v, &overflow);
    if (overflow) return overflow > 0 ? LONG_MAX : 0;
    return (long)n;
}

/* The entry for instruction `lasti` (-1: no positions) of co at `lineno`. */
static Entry code_entry(PithCode *co, int lasti, int lineno) {
    Entry e = {co->filename, co->name, NULL, lineno, false, -1, -1, -1};
    int sline;
    e.has_pos = lasti >= 0 && pith_code_addr2location(co, lasti, &sline, &e.end_line, &e.col,
                                                       &e.end_col) == 0 && sline >= 0;
    return e;
}

/* The entries of a traceback chain (pith_mem_free the result); *n = count. */
static Entry *tb_entries(PithObject *tbobj, long *n) {
    long count = 0;
    for (PithObject *t = tbobj; t; t = ((PithTraceback *)t)->tb_next) count++;
    Entry *es = pith_mem_malloc(sizeof(Entry) * (size_t)(count ? count : 1));
    *n = 0;
    if (!es) return NULL;
    for (PithObject *t = tbobj; t; t = ((PithTraceback *)t)->tb_next) {
        PithTraceback *tb = (PithTraceback *)t;
        PithCode *co = pith_frame_object_code(tb->tb_frame);
        if (co) es[(*n)++] = code_entry(co, tb->tb_lasti, tb->tb_lineno);
    }
    return es;
}

/* Entries [from, to), collapsing runs of one repeated entry after
 * TB_RECURSIVE_CUTOFF copies into a "[Previous line repeated]" line. */
static void print_entries(Out *o, const Entry *es, long from, long to) {
    const Entry *last = NULL;
    long cnt = 0;
    for (long i = from; i < to; i++) {
        if (!same_entry(last, &es[i])) {
            if (cnt > TB_RECURSIVE_CUTOFF) print_repeated(o, cnt);
            last = &es[i];
            cnt = 0;
        }
        if (++cnt <= TB_RECURSIVE_CUTOFF) print_entry(o, &es[i]);
    }
    if (cnt > TB_RECURSIVE_CUTOFF) print_repeated(o, cnt);
}

/* The slice [*from, *to) of n entries that o's limit keeps. */
static void limit_range(Out *o, long n, long *from, long *to) {
    long limit = o->limit.limit < 0 ? traceback_limit() : o->limit.limit;
    bool first = o->limit.limit >= 0 && o->limit.keep_first;
    if (limit < 0) limit = 0;
    *from = 0;
    *to = n;
    if (limit >= n) return;
    if (first) *to = limit;
    else *from = n - limit;
}

static void print_traceback(Out *o, PithObject *tbobj, const char *header,
                            const char *header_margin) {
    long n, from, to;
    Entry *es = tb_entries(tbobj, &n);
    if (!es) {
        pith_err_clear();
        return;
    }
    limit_range(o, n, &from, &to);
    if (from < to) {
        out_indented_margin(o, EXC_INDENT(o), header_margin);
        out_str(o, header);
        print_entries(o, es, from, to);
    }
    pith_mem_free(es);
}

/* ---- SyntaxError block ---------------------------------------------------------------- */

/* Integer attribute; `dflt` when None; false if missing or not an int. */
static bool int_attr(PithObject *exc, const char *name, intptr_t dflt, intptr_t *out) {
    PithObject *v = pith_getattr_str(exc, name);
    if (!v) {
        pith_err_clear();
        return false;
    }
    bool ok = true;
    if (v == PITH_NONE) *out = dflt;
    else if (pith_int_check(v)) *out = pith_int_as_ssize(v);
    else ok = false;
    PITH_DECREF(v);
    if (pith_err_occurred()) {
        pith_err_clear();
        return false;
    }
    return ok;
}

/* print_error_text: the offending line, stripped, and the carets. */
static void print_error_text(Out *o, intptr_t offset, intptr_t end_offset, PithObject *text) {
    intptr_t reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    const char *t = pith_str_utf8(text);
    if (!t) {
        pith_err_clear();
        return;
    }
    offset--;
    while (*t == ' ' || *t == '\t' || *t == '\f') t++, offset--;
    intptr_t len = (intptr_t)strlen(t);
    if (len > 0 && t[len - 1] == '\n') len--;
    if (offset > len) offset = len;
    for (;;) {
        const char *nl = strchr(t, '\n');
        if (!nl) break;
        intptr_t inl = nl - t;
        if (inl >= offset) break;
        inl++;
        t += inl;
        len -= inl;
        offset -= inl;
    }
    out_str(o, "    ");
    out_str(o, t);
    if (t[len] != '\n') out_str(o, "\n");
    if (offset < 0) return;
    out_str(o, "    ");
    out_repeat(o, " ", offset);
    out_repeat(o, "^", reps);
    out_str(o, "\n");
}

/* An attribute, None when missing or on error (new ref). */
static PithObject *attr_or_none(PithObject *o, const char *name) {
    PithObject *v = pith_getattr_str(o, name);
    if (!v) {
        pith_err_clear();
        v = PITH_NEWREF(PITH_NONE);
    }
    return v;
}

/* traceback.py's caret line: offsets are 1-based in `text` with `spaces`
 * characters stripped in front; whitespace such as tabs is kept so the
 * carets line up. */
static void py_syntax_carets(Out *o, PithObject *ltext, intptr_t spaces, PithObject *off_obj,
                             PithObject *end_obj) {
    intptr_t offset = pith_int_as_ssize(off_obj), end = offset;
    if (pith_int_check(end_obj) && !pith_err_occurred()) {
        intptr_t e = pith_int_as_ssize(end_obj);
        if (e != 0) end = e;
    }
    if (pith_err_occurred()) return;
    if (end == offset || end == -1) end = offset + 1;
    intptr_t col = offset - 1 - spaces, end_col = end - 1 - spaces;
    if (col < 0) return;
    out_str(o, "    ");
    for (intptr_t i = 0; i < col; i++) {
        uint32_t c = i < PITH_STR_LEN(ltext) ? pith_str_read((PithStr *)ltext, i) : ' ';
        char buf[2] = {' ', '\0'};
        if (c == '\t' || c == '\f' || c == '\v' || c == '\r' || c == '\n') buf[0] = (char)c;
        out_str(o, buf);
    }
    out_repeat(o, "^", end_col - col);
    out_str(o, "\n");
}

/* traceback.py's SyntaxError block (chunk mode): File line, text, carets;
 * *value becomes the message line's text. */
static void py_syntax_block(Out *o, PithObject **value) {
    PithObject *exc = *value;
    PithObject *msg = attr_or_none(exc, "msg"), *filename = attr_or_none(exc, "filename");
    PithObject *lineno = attr_or_none(exc, "lineno"), *text = attr_or_none(exc, "text");
    PithObject *offset = attr_or_none(exc, "offset"), *end = attr_or_none(exc, "end_offset");
    PithObject *suffix = NULL;
    int fn_true = pith_is_true(filename);
    if (fn_true < 0) pith_err_clear();
    if (lineno != PITH_NONE) {
        if (fn_true > 0) out_fmt(o, "  File \"%S\", line %S\n", filename, lineno);
        else out_fmt(o, "  File \"<string>\", line %S\n", lineno);
    } else if (filename != PITH_NONE) {
        suffix = pith_str_from_format(" (%S)", filename);
    }
    if (pith_str_check(text)) {
        intptr_t n = PITH_STR_LEN(text), i = 0;
        while (n > 0 && pith_str_read((PithStr *)text, n - 1) == '\n') n--;
        for (uint32_t c; i < n && ((c = pith_str_read((PithStr *)text, i)) == ' ' || c == '\n' ||
                                   c == '\f');)
            i++;
        PithObject *ltext = pith_str_substring(text, i, n);
        if (ltext) {
            out_fmt(o, "    %U\n", ltext);
            if (pith_int_check(offset)) py_syntax_carets(o, ltext, i, offset, end);
            PITH_DECREF(ltext);
        }
    }
    int msg_true = pith_is_true(msg);
    PithObject *shown = msg_true > 0 ? PITH_NEWREF(msg) : pith_str_from_cstr("<no detail available>");
    if (shown && suffix) PITH_SETREF(shown, pith_str_from_format("%S%U", shown, suffix));
    if (shown) PITH_SETREF(*value, shown);
    pith_err_clear();
    PITH_XDECREF(suffix);
    PITH_DECREF(msg);
    PITH_DECREF(filename);
    PITH_DECREF(lineno);
    PITH_DECREF(text);
    PITH_DECREF(offset);
    PITH_DECREF(end);
}

/* For SyntaxError: print the location block and replace *value by its msg. */
static void print_file_and_line(Out *o, PithObject **value) {
    PithObject *exc = *value;
    if (!pith_type_ok(exc, &pith_exc_SyntaxError)) return;
    if (o->chunks) {
        py_syntax_block(o, value);
        return;
    }
    PithObject *msg = pith_getattr_str(exc, "msg");
    PithObject *filename = msg ? pith_getattr_str(exc, "filename") : NULL;
    PithObject *text = filename ? pith_getattr_str(exc, "text") : NULL;
    intptr_t lineno, offset, end_lineno, end_offset;
    bool exact = PITH_TYPE(exc) == &pith_exc_SyntaxError;
    if (!text || !int_attr(exc, "lineno", -1, &lineno) || lineno == -1 ||
        !int_attr(exc, "offset", -1, &offset))
        goto done;
    if (!exact || !int_attr(exc, "end_lineno", lineno, &end_lineno)) end_lineno = lineno;
    if (!exact || !int_attr(exc, "end_offset", -1, &end_offset)) end_offset = -1;
    out_margin(o);
    if (filename == PITH_NONE) out_fmt(o, "  File \"<string>\", line %zd\n", lineno);
    else out_fmt(o, "  File \"%S\", line %zd\n", filename, lineno);
    if (text != PITH_NONE && pith_str_check(text)) {
        intptr_t size;
        const char *u = pith_str_utf8_size(text, &size);
        if (!u) pith_err_clear();
        if (end_lineno > lineno) end_offset = u ? size : -1;
        if (u && end_offset > size + 1) end_offset = size + 1;
        print_error_text(o, offset, end_offset, text);
    }
    PITH_SETREF(*value, PITH_NEWREF(msg));
done:
    pith_err_clear();
    PITH_XDECREF(msg);
    PITH_XDECREF(filename);
    PITH_XDECREF(text);
}

/* ---- the message line and notes -------------------------------------------------------- */

static void print_type_name(Out *o, PithType *type) {
    PithObject *mod = pith_getattr_str((PithObject *)type, "__module__");
    if (!mod || !pith_str_check(mod)) {
        pith_err_clear();
        out_str(o, "<unknown>.");
    } else if (!pith_str_eq_cstr(mod, "builtins") && !pith_str_eq_cstr(mod, "__main__")) {
        out_obj(o, mod);
        out_str(o, ".");
    }
    PITH_XDECREF(mod);
    PithObject *qn = pith_type_get_qualname(type);
    if (!qn || !pith_str_check(qn)) {
        pith_err_clear();
        out_str(o, "<unknown>");
    } else {
        out_obj(o, qn);
    }
    PITH_XDECREF(qn);
}

static void print_message(Out *o, PithType *type, PithObject *value) {
    out_margin(o);
    print_type_name(o, type);
    if (value == PITH_NONE) return;
    PithObject *s = pith_str(value);
    if (!s) {
        pith_err_clear();
        out_str(o, ": <exception str() failed>");
        return;
    }
    if (!pith_str_check(s) || PITH_STR_LEN(s) != 0) out_str(o, ": ");
    out_obj(o, s);
    PITH_DECREF(s);
}

/* Each note: str(note), its lines each after the margin, then "\n".
 * A __notes__ that is not a sequence is shown by repr (3.11 adds no newline). */
static void print_notes(Out *o, PithObject *notes) {
    bool seq = pith_list_check(notes) || pith_tuple_check(notes) || pith_str_check(notes);
    PithObject *items = seq ? pith_sequence_fast(notes, "") : NULL;
    if (!items) {
        pith_err_clear();
        out_margin(o);
        PithObject *r = pith_repr(notes);
        if (r) out_obj(o, r);
        else out_str(o, "<__notes__ repr() failed>");
        PITH_XDECREF(r);
        pith_err_clear();
        return;
    }
    for (intptr_t i = 0; i < PITH_SIZE(items); i++) {
        PithObject *note = pith_list_check(items) ? PITH_LIST_GET(items, i) : PITH_TUPLE_GET(items, i);
        PithObject *s = pith_str(note);
        if (!s) {
            pith_err_clear();
            out_str(o, "<note str() failed>");
        } else {
            intptr_t start = 0, n = PITH_STR_LEN(s);
            while (start < n) {
                intptr_t j = start;
                while (j < n && pith_str_read((PithStr *)s, j) != '\n') j++;
                if (j < n) j++; /* keep the line end */
                PithObject *piece = pith_str_substring(s, start, j);
                out_margin(o);
                if (piece) out_obj(o, piece);
                PITH_XDECREF(piece);
                out_line_written(o, pith_str_read((PithStr *)s, j - 1) == '\n');
                start = j;
            }
            PITH_DECREF(s);
        }
        out_str(o, "\n");
    }
    PITH_DECREF(items);
}

/* ---- whole exceptions ------------------------------------------------------------------- */

static void print_recursive(Out *o, PithObject *value);

static void print_exception(Out *o, PithObject *value) {
    if (!pith_exc_check(value)) {
        out_margin(o);
        out_fmt(o, "TypeError: print_exception(): Exception expected for value, %s found\n",
                pith_type_name(value));
        return;
    }
    if (!o->chunks && pith_stdio_flush(pith_sys_get_object("stdout")) < 0) pith_err_clear();
    PithObject *tb = value == o->top_exc ? o->top_tb : pith_exc_get_traceback(value);
    if (tb && PITH_TYPE(tb) == &pith_traceback_type) {
        bool group = pith_type_ok(value, &pith_exc_BaseExceptionGroup);
        const char *header = group ? "Exception Group Traceback (most recent call last):\n"
                                   : "Traceback (most recent call last):\n";
        print_traceback(o, tb, header, (group && o->depth == 1) ? "+ " : EXC_MARGIN(o));
    }
    PithType *type = PITH_TYPE(value);
    static PithObject *notes_name;
    if (!notes_name) notes_name = pith_str_intern_cstr("__notes__");
    PithObject *notes = NULL;
    if (!notes_name || pith_lookup_attr(value, notes_name, &notes) < 0) pith_err_clear();
    PITH_INCREF(value);
    print_file_and_line(o, &value);
    print_message(o, type, value);
    PithObject *hint = pith_offer_suggestions(value);
    if (hint) {
        out_fmt(o, ". Did you mean: '%U'?", hint);
        PITH_DECREF(hint);
    }
    out_str(o, "\n");
    /* a __notes__ of None: the builtin printer shows it, traceback.py skips it */
    if (notes && (notes != PITH_NONE || !o->chunks)) print_notes(o, notes);
    PITH_XDECREF(notes);
    PITH_DECREF(value);
    pith_err_clear();
}

/* Has this exception been printed already? Marks it otherwise. */
static bool seen_before(Out *o, PithObject *exc, bool mark) {
    PithObject *id = pith_int_from_u64((uint64_t)(uintptr_t)exc);
    if (!id) {
        pith_err_clear();
        return true;
    }
    int r = pith_set_contains(o->seen, id);
    if (r == 0 && mark && pith_set_add(o->seen, id) < 0) r = -1;
    PITH_DECREF(id);
    if (r < 0) pith_err_clear();
    return r != 0;
}

static void print_chained(Out *o, PithObject *value, const char *message) {
    bool need_close = o->need_close;
    print_recursive(o, value);
    o->need_close = need_close;
    o->hold++;
    out_margin(o);
    out_str(o, "\n");
    out_margin(o);
    out_str(o, message);
    out_margin(o);
    out_str(o, "\n");
    o->hold--;
    out_flush(o);
}

static void print_cause_and_context(Out *o, PithObject *value) {
    seen_before(o, value, true);
    if (!pith_exc_check(value)) return;
    PithBaseException *e = (PithBaseException *)value;
    if (e->cause && e->cause != PITH_NONE) {
        if (!seen_before(o, e->cause, false))
            print_chained(o, e->cause,
                          "The above exception was the direct cause of the following exception:\n");
        return;
    }
    if (e->suppress_context) return;
    if (e->context && e->context != PITH_NONE && !seen_before(o, e->context, false))
        print_chained(o, e->context,
                      "During handling of the above exception, another exception occurred:\n");
}

static void print_group(Out *o, PithObject *value) {
    if (o->depth > MAX_GROUP_DEPTH) {
        out_margin(o);
        out_fmt(o, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return;
    }
    if (o->depth == 0) o->depth++;
    print_exception(o, value);
    PithObject *excs = pith_getattr_str(value, "exceptions");
    if (!excs || !pith_tuple_check(excs)) {
        PITH_XDECREF(excs);
        pith_err_clear();
        return;
    }
    intptr_t num = PITH_SIZE(excs), n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    o->need_close = false;
    for (intptr_t i = 0; i < n; i++) {
        bool last = i == n - 1, truncated = i >= MAX_GROUP_WIDTH;
        if (last) o->need_close = true;
        out_repeat(o, " ", EXC_INDENT(o));
        if (truncated) out_fmt(o, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        else out_fmt(o, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ", i + 1);
        o->depth++;
        if (!truncated) {
            print_recursive(o, PITH_TUPLE_GET(excs, i));
        } else {
            intptr_t rest = num - MAX_GROUP_WIDTH;
            out_margin(o);
            out_fmt(o, "and %zd more exception%s\n", rest, rest > 1 ? "s" : "");
        }
        if (last && o->need_close) {
            out_repeat(o, " ", EXC_INDENT(o));
            out_str(o, "+------------------------------------\n");
            o->need_close = false;
        }
        o->depth--;
    }
    if (o->depth == 1) o->depth--;
    PITH_DECREF(excs);
}

static void print_recursive(Out *o, PithObject *value) {
    if (pith_enter_recursive_call(" in print_exception_recursive") < 0) {
        pith_err_clear();
        return;
    }
    if (o->seen && o->chain) print_cause_and_context(o, value);
    if (pith_exc_check(value) && pith_type_ok(value, &pith_exc_BaseExceptionGroup))
        print_group(o, value);
    else
        print_exception(o, value);
    pith_leave_recursive_call();
}

static void display(Out *o, PithObject *exc) {
    PithObject *saved = pith_err_fetch();
    o->seen = pith_set_new(NULL);
    if (!o->seen) pith_err_clear();
    print_recursive(o, exc);
    PITH_XDECREF(o->seen);
    pith_err_restore(saved);
}

int pith_exc_display(PithObject *exc, PithObject *file) {
    Out o = out_init(file == PITH_NONE ? NULL : file);
    display(&o, exc);
    if (file && file != PITH_NONE) {
        PithObject *saved = pith_err_fetch();
        if (pith_stdio_flush(file) < 0) pith_err_clear();
        pith_err_restore(saved);
    }
    return 0;
}

/* The report of sys.__unraisablehook__ (runtime/unraisable.c declares it):
 * tb's entries if tb is a traceback, then "Type: str(value)" (": " even for
 * an empty str, no chained exceptions, no notes), to file or C stderr. */
int pith_tb_print_unraisable(PithObject *type, PithObject *value, PithObject *tb,
                             PithObject *file) {
    Out o = out_init(file == PITH_NONE ? NULL : file);
    if (tb && PITH_TYPE(tb) == &pith_traceback_type)
        print_traceback(&o, tb, "Traceback (most recent call last):\n", "");
    if (type && pith_type_check(type)) {
        print_type_name(&o, (PithType *)type);
        if (value && value != PITH_NONE) {
            PithObject *s = pith_str(value);
            out_str(&o, ": ");
            if (s) out_obj(&o, s);
            else out_str(&o, "<exception str() failed>");
            pith_err_clear();
            PITH_XDECREF(s);
        }
        out_str(&o, "\n");
    }
    if (o.file) {
        PithObject *saved = pith_err_fetch();
        if (pith_stdio_flush(o.file) < 0) pith_err_clear();
        pith_err_restore(saved);
    }
    return 0;
}

/* ---- chunk lists (traceback module, tbformat.h) ---------------------------------------- */

typedef void (*ChunkFn)(Out *o, PithObject *arg);

/* Run fn with o collecting chunks; the list, or NULL with an exception. */
static PithObject *collect(Out *o, ChunkFn fn, PithObject *arg) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    o->sb = &sb;
    o->chunks = pith_list_new(0);
    if (!o->chunks) {
        pith_sb_discard(&sb);
        return NULL;
    }
    fn(o, arg);
    out_flush(o);
    pith_sb_discard(&sb);
    return o->chunks;
}

PithObject *pith_exc_format_lines(PithObject *exc) {
    Out o = out_init(NULL);
    return collect(&o, display, exc);
}

PithObject *pith_tb_format_exception(PithObject *exc, PithObject *tb, PithTbLimit limit,
                                     bool chain) {
    Out o = out_init(NULL);
    o.limit = limit;
    o.chain = chain;
    o.top_exc = exc;
    o.top_tb = tb;
    return collect(&o, display, exc);
}

/* The message block of one exception: SyntaxError location, "Type: msg"
 * with any suggestion, and the notes. */
static void exception_only(Out *o, PithObject *exc) {
    o->top_exc = exc; /* with top_tb NULL: no traceback */
    PithObject *saved = pith_err_fetch();
    print_exception(o, exc);
    pith_err_restore(saved);
}

PithObject *pith_tb_format_exception_only(PithObject *exc) {
    Out o = out_init(NULL);
    return collect(&o, exception_only, exc);
}

static void tb_chunks(Out *o, PithObject *tb) {
    long n, from, to;
    Entry *es = tb_entries(tb, &n);
    if (!es) return;
    limit_range(o, n, &from, &to);
    print_entries(o, es, from, to);
    pith_mem_free(es);
}

PithObject *pith_tb_format_tb(PithObject *tb, PithTbLimit limit) {
    Out o = out_init(NULL);
    o.limit = limit;
    return collect(&o, tb_chunks, tb);
}

/* An int attribute of a frame object (-1 when missing or None). */
static int frame_int(PithObject *frame, const char *name) {
    PithObject *v = pith_getattr_str(frame, name);
    long r = (v && pith_int_check(v)) ? (long)pith_int_as_ssize(v) : -1;
    PITH_XDECREF(v);
    pith_err_clear();
    return (int)r;
}

static void frame_chunks(Out *o, PithObject *frames) {
    long n = (long)PITH_SIZE(frames);
    Entry *es = pith_mem_malloc(sizeof(Entry) * (size_t)(n ? n : 1));
    if (!es) return;
    for (long i = 0; i < n; i++) {
        PithObject *f = PITH_LIST_GET(frames, i);
        /* 3.11 extracts stack entries without positions: no carets */
        es[i] = code_entry(pith_frame_object_code(f), -1, frame_int(f, "f_lineno"));
    }
    print_entries(o, es, 0, n);
    pith_mem_free(es);
}

/* An int item of a tuple, -1 when None or not an int. */
static int tuple_int(PithObject *t, intptr_t i) {
    PithObject *v = PITH_TUPLE_GET(t, i);
    intptr_t r = pith_int_check(v) ? pith_int_as_ssize(v) : -1;
    if (r == -1) pith_err_clear();
    return r < INT_MIN || r > INT_MAX ? -1 : (int)r;
}

static void summary_chunks(Out *o, PithObject *rows) {
    long n = (long)PITH_SIZE(rows);
    Entry *es = pith_mem_malloc(sizeof(Entry) * (size_t)(n ? n : 1));
    if (!es) return;
    for (long i = 0; i < n; i++) {
        PithObject *t = PITH_LIST_GET(rows, i);
        es[i] = (Entry){PITH_TUPLE_GET(t, 0), PITH_TUPLE_GET(t, 2), PITH_TUPLE_GET(t, 3),
                        tuple_int(t, 1), true, tuple_int(t, 4), tuple_int(t, 5), tuple_int(t, 6)};
        if (es[i].line == PITH_NONE) es[i].line = NULL;
    }
    print_entries(o, es, 0, n);
    pith_mem_free(es);
}

PithObject *pith_tb_format_entries(PithObject *rows) {
    for (intptr_t i = 0; i < PITH_SIZE(rows); i++) {
        PithObject *t = PITH_LIST_GET(rows, i);
        if (!pith_tuple_check(t) || PITH_SIZE(t) != 7) {
            pith_err_set_string(&pith_exc_TypeError, "expected 7-tuples of frame summary fields");
            return NULL;
        }
    }
    Out o = out_init(NULL);
    return collect(&o, summary_chunks, rows);
}

PithObject *pith_tb_format_frames(PithObject *frames) {
    Out o = out_init(NULL);
    return collect(&o, frame_chunks, frames);
}
