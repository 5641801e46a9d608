/* str_methods.c — the methods of str (everything in str's __dict__ that is
 * not a slot): case mapping (full Unicode mappings incl. final sigma),
 * classification, searching, splitting/joining, stripping, padding,
 * replace/translate/maketrans, encode, format/format_map.
 * Error messages and argument conventions follow CPython 3.11.
 */
#include "str_impl.h"

#include <string.h>

#define READ(s, i) pith_str_read((PithStr *)(s), (i))
#define LEN(s) PITH_STR_LEN(s)

/* ---- argument helpers ---------------------------------------------------- */

/* "fname() takes at least/most N argument(s) (M given)" (old-style). */
static int old_arg_range(const char *fname, size_t nargs, size_t lo, size_t hi) {
    if (nargs >= lo && nargs <= hi) return 0;
    bool few = nargs < lo;
    size_t n = few ? lo : hi;
    pith_err_format(&pith_exc_TypeError, "%s() takes at %s %zu argument%s (%zu given)", fname,
                    few ? "least" : "most", n, n == 1 ? "" : "s", nargs);
    return -1;
}

static int need_str(PithObject *o, const char *fmt) {
    if (pith_str_check(o)) return 0;
    pith_err_format(&pith_exc_TypeError, fmt, pith_type_name(o));
    return -1;
}

/* need_str for clinic-style messages, which call None "None". */
static int need_str_arg(PithObject *o, const char *fmt) {
    if (pith_str_check(o)) return 0;
    pith_err_format(&pith_exc_TypeError, fmt, pith_badarg_name(o));
    return -1;
}

/* Convert one start/end bound (None or __index__), adjusted like a slice. */
static int bound(PithObject *o, intptr_t len, intptr_t dflt, intptr_t *out) {
    if (!o || o == PITH_NONE) {
        *out = dflt;
        return 0;
    }
    if (!pith_index_check(o)) {
        pith_err_set_string(&pith_exc_TypeError,
                            "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    intptr_t v = pith_number_as_ssize(o, NULL);
    if (v == -1 && pith_err_occurred()) return -1;
    if (v < 0) {
        v += len;
        if (v < 0) v = 0;
    }
    *out = v;
    return 0;
}

int pith_parse_start_end(PithObject *start, PithObject *end, intptr_t len, intptr_t *s,
                         intptr_t *e) {
    if (bound(start, len, 0, s) < 0 || bound(end, len, len, e) < 0) return -1;
    if (*e > len) *e = len;
    return 0;
}

static intptr_t index_arg(PithObject *o) {
    return pith_number_as_ssize(o, &pith_exc_OverflowError);
}

/* ---- case mapping -------------------------------------------------------- */

/* Is the capital sigma at s[i] word-final (Unicode Final_Sigma rule)? */
static bool final_sigma(PithObject *s, intptr_t i) {
    intptr_t j = i - 1;
    while (j >= 0 && pith_unicode_iscaseignorable(READ(s, j))) j--;
    if (j < 0 || !pith_unicode_iscased(READ(s, j))) return false;
    j = i + 1;
    while (j < LEN(s) && pith_unicode_iscaseignorable(READ(s, j))) j++;
    return j == LEN(s) || !pith_unicode_iscased(READ(s, j));
}

/* Full lowercase of s[i] into out (final sigma aware). */
static int lower_at(PithObject *s, intptr_t i, uint32_t *out) {
    uint32_t c = READ(s, i);
    if (c == 0x3A3) {
        out[0] = final_sigma(s, i) ? 0x3C2 : 0x3C3;
        return 1;
    }
    return pith_unicode_tolower_full(c, out);
}

typedef enum { CM_LOWER, CM_UPPER, CM_CASEFOLD, CM_SWAPCASE, CM_TITLE, CM_CAPITALIZE } CaseMode;

/* Map s[i] per mode; *prev_cased carries title()'s state. */
static int map_char(PithObject *s, intptr_t i, CaseMode mode, bool *prev_cased, uint32_t *out) {
    uint32_t c = READ(s, i);
    switch (mode) {
    case CM_LOWER: return lower_at(s, i, out);
    case CM_UPPER: return pith_unicode_toupper_full(c, out);
    case CM_CASEFOLD: return pith_unicode_tofold_full(c, out);
    case CM_SWAPCASE:
        if (pith_unicode_isupper(c)) return lower_at(s, i, out);
        if (pith_unicode_islower(c)) return pith_unicode_toupper_full(c, out);
        out[0] = c;
        return 1;
    case CM_CAPITALIZE:
        return i == 0 ? pith_unicode_totitle_full(c, out) : lower_at(s, i, out);
    case CM_TITLE: {
        int n = *prev_cased ? lower_at(s, i, out) : pith_unicode_totitle_full(c, out);
        *prev_cased = pith_unicode_iscased(c);
        return n;
    }
    }
    return 0;
}

/* ASCII-only fast path for lower/upper/swapcase/casefold. */
static PithObject *ascii_case(PithObject *s, CaseMode mode) {
    intptr_t n = LEN(s);
    PithStr *r = (PithStr *)pith_str_new_raw(n, 127);
    if (!r) return NULL;
    const uint8_t *src = PITH_STR_DATA(s);
    uint8_t *dst = PITH_STR_DATA(r);
    for (intptr_t i = 0; i < n; i++) {
        uint8_t c = src[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        if ((mode == CM_LOWER || mode == CM_CASEFOLD || mode == CM_SWAPCASE) && up) c += 32;
        else if ((mode == CM_UPPER || mode == CM_SWAPCASE) && lo) c -= 32;
        dst[i] = c;
    }
    return (PithObject *)r;
}

static PithObject *case_map(PithObject *s, CaseMode mode) {
    if (((PithStr *)s)->ascii && mode <= CM_SWAPCASE) return ascii_case(s, mode);
    PithStrBuilder sb;
    pith_sb_init(&sb);
    bool prev = false;
    for (intptr_t i = 0; i < LEN(s); i++) {
        uint32_t out[3];
        int n = map_char(s, i, mode, &prev, out);
        for (int k = 0; k < n; k++)
            if (pith_sb_append_char(&sb, out[k]) < 0) {
                pith_sb_discard(&sb);
                return NULL;
            }
    }
    return pith_sb_finish(&sb);
}

#define CASE_METHOD(name, mode)                                                \
    static PithObject *str_##name(PithObject *self, PithObject *const *a,      \
                                  size_t n, PithObject *kw) {                  \
        return case_map(self, mode);                                           \
    }
CASE_METHOD(lower, CM_LOWER)
CASE_METHOD(upper, CM_UPPER)
CASE_METHOD(casefold, CM_CASEFOLD)
CASE_METHOD(swapcase, CM_SWAPCASE)
CASE_METHOD(title, CM_TITLE)
CASE_METHOD(capitalize, CM_CAPITALIZE)
#undef CASE_METHOD

/* ---- classification ------------------------------------------------------- */

/* True iff s is non-empty and pred holds for every char. */
static PithObject *all_chars(PithObject *s, bool (*pred)(uint32_t)) {
    if (LEN(s) == 0) PITH_RETURN_FALSE;
    for (intptr_t i = 0; i < LEN(s); i++)
        if (!pred(READ(s, i))) PITH_RETURN_FALSE;
    PITH_RETURN_TRUE;
}

#define CLASS_METHOD(name, pred)                                               \
    static PithObject *str_##name(PithObject *self, PithObject *const *a,      \
                                  size_t n, PithObject *kw) {                  \
        return all_chars(self, pred);                                          \
    }
CLASS_METHOD(isalpha, pith_unicode_isalpha)
CLASS_METHOD(isalnum, pith_unicode_isalnum)
CLASS_METHOD(isdecimal, pith_unicode_isdecimal)
CLASS_METHOD(isdigit, pith_unicode_isdigit)
CLASS_METHOD(isnumeric, pith_unicode_isnumeric)
CLASS_METHOD(isspace, pith_unicode_isspace)
#undef CLASS_METHOD

static PithObject *str_isprintable(PithObject *self, PithObject *const *a, size_t n,
                                   PithObject *kw) {
    for (intptr_t i = 0; i < LEN(self); i++)
        if (!pith_unicode_isprintable(READ(self, i))) PITH_RETURN_FALSE;
    PITH_RETURN_TRUE;
}

static PithObject *str_isascii(PithObject *self, PithObject *const *a, size_t n,
                               PithObject *kw) {
    return pith_bool_from(((PithStr *)self)->ascii);
}

bool pith_str_isidentifier(PithObject *s) {
    if (LEN(s) == 0 || !pith_unicode_isidentifier_start(READ(s, 0))) return false;
    for (intptr_t i = 1; i < LEN(s); i++)
        if (!pith_unicode_isidentifier_continue(READ(s, i))) return false;
    return true;
}

static PithObject *str_isidentifier(PithObject *self, PithObject *const *a, size_t n,
                                    PithObject *kw) {
    return pith_bool_from(pith_str_isidentifier(self));
}

/* islower/isupper: no char of the opposite case (or titlecase), and at
 * least one cased char of the wanted case. */
static PithObject *case_check(PithObject *s, bool (*want)(uint32_t), bool (*other)(uint32_t)) {
    bool cased = false;
    for (intptr_t i = 0; i < LEN(s); i++) {
        uint32_t c = READ(s, i);
        if (other(c) || pith_unicode_istitle(c)) PITH_RETURN_FALSE;
        if (want(c)) cased = true;
    }
    return pith_bool_from(cased);
}

static PithObject *str_islower(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return case_check(self, pith_unicode_islower, pith_unicode_isupper);
}
static PithObject *str_isupper(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return case_check(self, pith_unicode_isupper, pith_unicode_islower);
}

static PithObject *str_istitle(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    bool cased = false, prev = false;
    for (intptr_t i = 0; i < LEN(self); i++) {
        uint32_t c = READ(self, i);
        if (pith_unicode_isupper(c) || pith_unicode_istitle(c)) {
            if (prev) PITH_RETURN_FALSE;
            prev = cased = true;
        } else if (pith_unicode_islower(c)) {
            if (!prev) PITH_RETURN_FALSE;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return pith_bool_from(cased);
}

/* ---- searching ------------------------------------------------------------ */

/* Common front end of find/rfind/index/rindex/count: sub[, start[, end]]. */
static int search_args(const char *fname, PithObject *self, PithObject *const *a, size_t n,
                       intptr_t *start, intptr_t *end) {
    if (old_arg_range(fname, n, 1, 3) < 0) return -1;
    /* the bounds are converted before the substring is checked */
    if (pith_parse_start_end(n > 1 ? a[1] : NULL, n > 2 ? a[2] : NULL, LEN(self), start, end) < 0)
        return -1;
    return need_str(a[0], "must be str, not %.100s");
}

static PithObject *find_common(const char *fname, PithObject *self, PithObject *const *a,
                               size_t n, int dir, bool raise) {
    intptr_t s, e;
    if (search_args(fname, self, a, n, &s, &e) < 0) return NULL;
    intptr_t r = pith_str_find(self, a[0], s, e, dir);
    if (r < 0 && raise) {
        pith_err_set_string(&pith_exc_ValueError, "substring not found");
        return NULL;
    }
    return pith_int_from_ssize(r);
}

static PithObject *str_find(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return find_common("find", self, a, n, 1, false);
}
static PithObject *str_rfind(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return find_common("rfind", self, a, n, -1, false);
}
static PithObject *str_index(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return find_common("index", self, a, n, 1, true);
}
static PithObject *str_rindex(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return find_common("rindex", self, a, n, -1, true);
}

static PithObject *str_count(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    intptr_t s, e;
    if (search_args("count", self, a, n, &s, &e) < 0) return NULL;
    return pith_int_from_ssize(pith_str_count(self, a[0], s, e));
}

/* Does self[start:end] start (dir -1) / end (dir 1) with sub? */
static bool tail_match(PithObject *self, PithObject *sub, intptr_t start, intptr_t end, int dir) {
    intptr_t m = LEN(sub);
    if (start > LEN(self) || end - start < m) return false;
    intptr_t at = dir < 0 ? start : end - m;
    for (intptr_t k = 0; k < m; k++)
        if (READ(self, at + k) != READ(sub, k)) return false;
    return true;
}

static PithObject *starts_ends(const char *fname, PithObject *self, PithObject *const *a,
                               size_t n, int dir) {
    intptr_t s, e;
    if (old_arg_range(fname, n, 1, 3) < 0) return NULL;
    if (pith_parse_start_end(n > 1 ? a[1] : NULL, n > 2 ? a[2] : NULL, LEN(self), &s, &e) < 0)
        return NULL;
    PithObject *x = a[0];
    if (pith_tuple_check(x)) {
        for (intptr_t i = 0; i < PITH_SIZE(x); i++) {
            PithObject *it = PITH_TUPLE_GET(x, i);
            if (!pith_str_check(it))
                return pith_err_format(&pith_exc_TypeError,
                                       "tuple for %s must only contain str, not %.100s", fname,
                                       pith_type_name(it));
            if (tail_match(self, it, s, e, dir)) PITH_RETURN_TRUE;
        }
        PITH_RETURN_FALSE;
    }
    if (!pith_str_check(x))
        return pith_err_format(&pith_exc_TypeError,
                               "%s first arg must be str or a tuple of str, not %.100s", fname,
                               pith_type_name(x));
    return pith_bool_from(tail_match(self, x, s, e, dir));
}

static PithObject *str_startswith(PithObject *self, PithObject *const *a, size_t n,
                                  PithObject *kw) {
    return starts_ends("startswith", self, a, n, -1);
}
static PithObject *str_endswith(PithObject *self, PithObject *const *a, size_t n,
                                PithObject *kw) {
    return starts_ends("endswith", self, a, n, 1);
}

/* ---- splitting -------------------------------------------------------------- */

static int append_sub(PithObject *list, PithObject *s, intptr_t a, intptr_t b) {
    PithObject *p = pith_str_substring(s, a, b);
    if (!p) return -1;
    int r = pith_list_append(list, p);
    PITH_DECREF(p);
    return r;
}

/* Whitespace split, forward (dir 1) or from the right (dir -1). */
static PithObject *split_ws(PithObject *s, intptr_t maxsplit, int dir) {
    PithObject *list = pith_list_new(0);
    if (!list) return NULL;
    intptr_t n = LEN(s);
    intptr_t i = dir > 0 ? 0 : n - 1;
#define IN_RANGE(k) (dir > 0 ? (k) < n : (k) >= 0)
#define WS(k) pith_unicode_isspace(READ(s, k))
    while (IN_RANGE(i)) {
        while (IN_RANGE(i) && WS(i)) i += dir;
        if (!IN_RANGE(i)) break;
        intptr_t j = i;
        if (maxsplit-- == 0) { /* the rest, stripped at our end only */
            j = dir > 0 ? n : -1;
        } else {
            while (IN_RANGE(j) && !WS(j)) j += dir;
        }
        if ((dir > 0 ? append_sub(list, s, i, j) : append_sub(list, s, j + 1, i + 1)) < 0) goto fail;
        i = j;
    }
#undef IN_RANGE
#undef WS
    if (dir < 0 && pith_list_reverse(list) < 0) goto fail;
    return list;
fail:
    PITH_DECREF(list);
    return NULL;
}

static PithObject *split_sep(PithObject *s, PithObject *sep, intptr_t maxsplit, int dir) {
    intptr_t m = LEN(sep);
    if (m == 0) {
        pith_err_set_string(&pith_exc_ValueError, "empty separator");
        return NULL;
    }
    PithObject *list = pith_list_new(0);
    if (!list) return NULL;
    intptr_t lo = 0, hi = LEN(s);
    while (maxsplit-- != 0) {
        intptr_t k = pith_str_find(s, sep, lo, hi, dir);
        if (k < 0) break;
        int r = dir > 0 ? append_sub(list, s, lo, k) : append_sub(list, s, k + m, hi);
        if (r < 0) goto fail;
        if (dir > 0) lo = k + m;
        else hi = k;
    }
    if (append_sub(list, s, lo, hi) < 0) goto fail;
    if (dir < 0 && pith_list_reverse(list) < 0) goto fail;
    return list;
fail:
    PITH_DECREF(list);
    return NULL;
}

static PithObject *split_common(const char *fname, PithObject *self, PithObject *const *a,
                                size_t n, PithObject *kw, int dir) {
    static const char *const kwlist[] = {"sep", "maxsplit"};
    PithArgSpec spec = {fname, kwlist, 2, 0, 0, 2};
    PithObject *v[2];
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    intptr_t maxsplit = -1;
    if (v[1]) {
        maxsplit = index_arg(v[1]);
        if (maxsplit == -1 && pith_err_occurred()) return NULL;
    }
    if (!v[0] || v[0] == PITH_NONE) return split_ws(self, maxsplit, dir);
    if (need_str(v[0], "must be str or None, not %.100s") < 0) return NULL;
    return split_sep(self, v[0], maxsplit, dir);
}

static PithObject *str_split(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return split_common("split", self, a, n, kw, 1);
}
static PithObject *str_rsplit(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return split_common("rsplit", self, a, n, kw, -1);
}

static bool is_linebreak(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d ||
           c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static PithObject *str_splitlines(PithObject *self, PithObject *const *a, size_t n,
                                  PithObject *kw) {
    static const char *const kwlist[] = {"keepends"};
    static const PithArgSpec spec = {"splitlines", kwlist, 1, 0, 0, 1};
    PithObject *v[1];
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    int keep = 0;
    if (v[0]) { /* bool(accept={int}) */
        int k;
        if (pith_cint_arg(v[0], &k) < 0) return NULL;
        keep = k != 0;
    }
    PithObject *list = pith_list_new(0);
    if (!list) return NULL;
    intptr_t len = LEN(self), i = 0;
    while (i < len) {
        intptr_t start = i;
        while (i < len && !is_linebreak(READ(self, i))) i++;
        intptr_t eol = i;
        if (i < len) {
            if (READ(self, i) == '\r' && i + 1 < len && READ(self, i + 1) == '\n') i += 2;
            else i++;
            if (keep) eol = i;
        }
        if (append_sub(list, self, start, eol) < 0) {
            PITH_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static PithObject *partition_common(PithObject *self, PithObject *sep, int dir) {
    if (need_str(sep, "must be str, not %.100s") < 0) return NULL;
    if (LEN(sep) == 0) {
        pith_err_set_string(&pith_exc_ValueError, "empty separator");
        return NULL;
    }
    intptr_t k = pith_str_find(self, sep, 0, LEN(self), dir);
    PithObject *e = pith_str_empty();
    if (k < 0) {
        PithObject *whole = pith_str_substring(self, 0, LEN(self));
        if (!whole) return NULL;
        PithObject *r = dir > 0 ? pith_tuple_pack(3, whole, e, e) : pith_tuple_pack(3, e, e, whole);
        PITH_DECREF(whole);
        return r;
    }
    PithObject *x = pith_str_substring(self, 0, k);
    PithObject *y = pith_str_substring(self, k + LEN(sep), LEN(self));
    PithObject *r = x && y ? pith_tuple_pack(3, x, sep, y) : NULL;
    PITH_XDECREF(x);
    PITH_XDECREF(y);
    return r;
}

static PithObject *str_partition(PithObject *self, PithObject *const *a, size_t n,
                                 PithObject *kw) {
    return partition_common(self, a[0], 1);
}
static PithObject *str_rpartition(PithObject *self, PithObject *const *a, size_t n,
                                  PithObject *kw) {
    return partition_common(self, a[0], -1);
}

static PithObject *str_join(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return pith_str_join(self, a[0]);
}

/* ---- stripping, prefixes --------------------------------------------------- */

static bool in_chars(PithObject *chars, uint32_t c) {
    if (!chars) return pith_unicode_isspace(c);
    for (intptr_t i = 0; i < LEN(chars); i++)
        if (READ(chars, i) == c) return true;
    return false;
}

/* which: 1 = left, 2 = right, 3 = both. */
static PithObject *strip_common(const char *fname, PithObject *self, PithObject *const *a,
                                size_t n, int which) {
    if (pith_arg_check_range(fname, n, 0, 1) < 0) return NULL;
    PithObject *chars = n && a[0] != PITH_NONE ? a[0] : NULL;
    if (chars && !pith_str_check(chars))
        return pith_err_format(&pith_exc_TypeError, "%s arg must be None or str", fname);
    intptr_t i = 0, j = LEN(self);
    if (which & 1)
        while (i < j && in_chars(chars, READ(self, i))) i++;
    if (which & 2)
        while (j > i && in_chars(chars, READ(self, j - 1))) j--;
    return pith_str_substring(self, i, j);
}

static PithObject *str_strip(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return strip_common("strip", self, a, n, 3);
}
static PithObject *str_lstrip(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return strip_common("lstrip", self, a, n, 1);
}
static PithObject *str_rstrip(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    return strip_common("rstrip", self, a, n, 2);
}

static PithObject *str_removeprefix(PithObject *self, PithObject *const *a, size_t n,
                                    PithObject *kw) {
    if (need_str_arg(a[0], "removeprefix() argument must be str, not %.100s") < 0) return NULL;
    intptr_t m = tail_match(self, a[0], 0, LEN(self), -1) ? LEN(a[0]) : 0;
    return pith_str_substring(self, m, LEN(self));
}

static PithObject *str_removesuffix(PithObject *self, PithObject *const *a, size_t n,
                                    PithObject *kw) {
    if (need_str_arg(a[0], "removesuffix() argument must be str, not %.100s") < 0) return NULL;
    intptr_t m = LEN(a[0]) && tail_match(self, a[0], 0, LEN(self), 1) ? LEN(a[0]) : 0;
    return pith_str_substring(self, 0, LEN(self) - m);
}

/* ---- padding ----------------------------------------------------------------- */

/* Result of width `w` with `left` fill chars, then self, then fill. */
static PithObject *pad(PithObject *self, intptr_t left, intptr_t right, uint32_t fill) {
    if (left <= 0 && right <= 0) return pith_str_substring(self, 0, LEN(self));
    intptr_t len = LEN(self);
    uint32_t m = pith_str_max_char(self, 0, len);
    if (fill > m) m = fill;
    PithStr *r = (PithStr *)pith_str_new_raw(left + len + right, m);
    if (!r) return NULL;
    for (intptr_t k = 0; k < left; k++) pith_str_write(r, k, fill);
    pith_str_copy_chars(r, left, self, 0, len);
    for (intptr_t k = 0; k < right; k++) pith_str_write(r, left + len + k, fill);
    return (PithObject *)r;
}

/* Parse (width[, fillchar]) for center/ljust/rjust. */
static int pad_args(const char *fname, PithObject *const *a, size_t n, intptr_t *w, uint32_t *fill) {
    if (pith_arg_check_range(fname, n, 1, 2) < 0) return -1;
    *w = index_arg(a[0]);
    if (*w == -1 && pith_err_occurred()) return -1;
    *fill = ' ';
    if (n > 1) {
        if (!pith_str_check(a[1])) {
            pith_err_format(&pith_exc_TypeError,
                            "The fill character must be a unicode character, not %.100s",
                            pith_type_name(a[1]));
            return -1;
        }
        if (LEN(a[1]) != 1) {
            pith_err_set_string(&pith_exc_TypeError,
                                "The fill character must be exactly one character long");
            return -1;
        }
        *fill = READ(a[1], 0);
    }
    return 0;
}

static PithObject *str_center(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    intptr_t w;
    uint32_t fill;
    if (pad_args("center", a, n, &w, &fill) < 0) return NULL;
    intptr_t marg = w - LEN(self);
    if (marg <= 0) return pad(self, 0, 0, fill);
    intptr_t left = marg / 2 + (marg & w & 1);
    return pad(self, left, marg - left, fill);
}

static PithObject *str_ljust(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    intptr_t w;
    uint32_t fill;
    if (pad_args("ljust", a, n, &w, &fill) < 0) return NULL;
    return pad(self, 0, w - LEN(self), fill);
}

static PithObject *str_rjust(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    intptr_t w;
    uint32_t fill;
    if (pad_args("rjust", a, n, &w, &fill) < 0) return NULL;
    return pad(self, w - LEN(self), 0, fill);
}

static PithObject *str_zfill(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    intptr_t w = index_arg(a[0]);
    if (w == -1 && pith_err_occurred()) return NULL;
    intptr_t fill = w - LEN(self);
    PithObject *r = pad(self, fill, 0, '0');
    if (!r || fill <= 0 || LEN(self) == 0) return r;
    uint32_t c = READ(self, 0);
    if (c == '+' || c == '-') { /* move the sign in front of the zeros */
        pith_str_write((PithStr *)r, 0, c);
        pith_str_write((PithStr *)r, fill, '0');
    }
    return r;
}

static PithObject *str_expandtabs(PithObject *self, PithObject *const *a, size_t n,
                                  PithObject *kw) {
    static const char *const kwlist[] = {"tabsize"};
    static const PithArgSpec spec = {"expandtabs", kwlist, 1, 0, 0, 1};
    PithObject *v[1];
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    intptr_t tab = 8;
    if (v[0] && (tab = index_arg(v[0])) == -1 && pith_err_occurred()) return NULL;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    intptr_t col = 0;
    for (intptr_t i = 0; i < LEN(self); i++) {
        uint32_t c = READ(self, i);
        int r = 0;
        if (c == '\t') {
            if (tab > 0) {
                intptr_t spaces = tab - col % tab;
                col += spaces;
                while (spaces-- && r == 0) r = pith_sb_append_char(&sb, ' ');
            }
        } else {
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
            r = pith_sb_append_char(&sb, c);
        }
        if (r < 0) {
            pith_sb_discard(&sb);
            return NULL;
        }
    }
    return pith_sb_finish(&sb);
}

/* ---- replace / translate / maketrans -------------------------------------- */

static PithObject *str_replace(PithObject *self, PithObject *const *a, size_t n,
                               PithObject *kw) {
    if (pith_arg_check_range("replace", n, 2, 3) < 0) return NULL;
    if (need_str(a[0], "replace() argument 1 must be str, not %.100s") < 0 ||
        need_str(a[1], "replace() argument 2 must be str, not %.100s") < 0)
        return NULL;
    intptr_t count = -1;
    if (n > 2 && (count = index_arg(a[2])) == -1 && pith_err_occurred()) return NULL;
    PithObject *old = a[0], *new_ = a[1];
    intptr_t m = LEN(old), len = LEN(self), i = 0;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    while (count != 0) {
        intptr_t k;
        if (m == 0) {
            if (i > len) break;
            k = i;
        } else if ((k = pith_str_find(self, old, i, len, 1)) < 0) {
            break;
        }
        PithObject *chunk = pith_str_substring(self, i, k);
        int r = chunk ? pith_sb_append_str(&sb, chunk) : -1;
        PITH_XDECREF(chunk);
        if (r < 0 || pith_sb_append_str(&sb, new_) < 0) goto fail;
        if (m == 0) {
            if (k < len && pith_sb_append_char(&sb, READ(self, k)) < 0) goto fail;
            i = k + 1;
        } else {
            i = k + m;
        }
        if (count > 0) count--;
    }
    if (i < len) {
        PithObject *rest = pith_str_substring(self, i, len);
        int r = rest ? pith_sb_append_str(&sb, rest) : -1;
        PITH_XDECREF(rest);
        if (r < 0) goto fail;
    }
    return pith_sb_finish(&sb);
fail:
    pith_sb_discard(&sb);
    return NULL;
}

/* Append the translation of c through table; 0 / -1. */
static int translate_char(PithStrBuilder *sb, PithObject *table, uint32_t c) {
    PithObject *key = pith_int_from_i64(c);
    if (!key) return -1;
    PithObject *v = pith_getitem(table, key);
    PITH_DECREF(key);
    if (!v) {
        if (!pith_err_matches(&pith_exc_LookupError)) return -1;
        pith_err_clear();
        return pith_sb_append_char(sb, c);
    }
    int r = 0;
    if (v == PITH_NONE) {
    } else if (pith_int_check(v)) {
        int ovf;
        int64_t x = pith_int_as_i64_overflow(v, &ovf);
        if (ovf || x < 0 || x > 0x10FFFF) {
            pith_err_set_string(&pith_exc_ValueError, "character mapping must be in range(0x110000)");
            r = -1;
        } else {
            r = pith_sb_append_char(sb, (uint32_t)x);
        }
    } else if (pith_str_check(v)) {
        r = pith_sb_append_str(sb, v);
    } else {
        pith_err_set_string(&pith_exc_TypeError, "character mapping must return integer, None or str");
        r = -1;
    }
    PITH_DECREF(v);
    return r;
}

static PithObject *str_translate(PithObject *self, PithObject *const *a, size_t n,
                                 PithObject *kw) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    for (intptr_t i = 0; i < LEN(self); i++)
        if (translate_char(&sb, a[0], READ(self, i)) < 0) {
            pith_sb_discard(&sb);
            return NULL;
        }
    return pith_sb_finish(&sb);
}

static int maketrans_dict(PithObject *out, PithObject *d) {
    intptr_t pos = 0;
    PithObject *k, *v;
    while (pith_dict_next(d, &pos, &k, &v)) {
        PithObject *key;
        if (pith_str_check(k)) {
            if (LEN(k) != 1) {
                pith_err_set_string(&pith_exc_ValueError,
                                    "string keys in translate table must be of length 1");
                return -1;
            }
            key = pith_int_from_i64(READ(k, 0));
        } else if (pith_int_check(k)) {
            key = PITH_NEWREF(k);
        } else {
            pith_err_set_string(&pith_exc_TypeError,
                                "keys in translate table must be strings or integers");
            return -1;
        }
        int r = key ? pith_dict_set_item(out, key, v) : -1;
        PITH_XDECREF(key);
        if (r < 0) return -1;
    }
    return 0;
}

/* Map each char of x to the char at the same index of y (or to None). */
static int maketrans_pairs(PithObject *out, PithObject *x, PithObject *y) {
    for (intptr_t i = 0; i < LEN(x); i++) {
        PithObject *k = pith_int_from_i64(READ(x, i));
        PithObject *v = y ? pith_int_from_i64(READ(y, i)) : PITH_NONE;
        int r = k && v ? pith_dict_set_item(out, k, v) : -1;
        PITH_XDECREF(k);
        if (y) PITH_XDECREF(v);
        if (r < 0) return -1;
    }
    return 0;
}

static PithObject *str_maketrans(PithObject *self, PithObject *const *a, size_t n,
                                 PithObject *kw) {
    if (pith_arg_check_range("maketrans", n, 1, 3) < 0) return NULL;
    PithObject *out = pith_dict_new();
    if (!out) return NULL;
    int r;
    if (n == 1) {
        if (!pith_dict_check(a[0])) {
            pith_err_set_string(&pith_exc_TypeError,
                                "if you give only one argument to maketrans it must be a dict");
            r = -1;
        } else {
            r = maketrans_dict(out, a[0]);
        }
    } else {
        /* clinic checks y and z (typed str) before x */
        r = need_str_arg(a[1], "maketrans() argument 2 must be str, not %.100s");
        if (r == 0 && n > 2) r = need_str_arg(a[2], "maketrans() argument 3 must be str, not %.100s");
        if (r == 0 && !pith_str_check(a[0])) {
            pith_err_set_string(&pith_exc_TypeError, "first maketrans argument must be a string "
                                                     "if there is a second argument");
            r = -1;
        }
        if (r == 0 && LEN(a[0]) != LEN(a[1])) {
            pith_err_set_string(&pith_exc_ValueError,
                                "the first two maketrans arguments must have equal length");
            r = -1;
        }
        if (r == 0) r = maketrans_pairs(out, a[0], a[1]);
        if (r == 0 && n > 2) r = maketrans_pairs(out, a[2], NULL);
    }
    if (r < 0) {
        PITH_DECREF(out);
        return NULL;
    }
    return out;
}

/* ---- encode, format, dunder helpers ------------------------------------------ */

/* Fetch a str-or-NULL argument's UTF-8 for encode/decode. */
static int str_param(const char *fname, const char *pname, PithObject *o, const char **out) {
    *out = NULL;
    if (!o) return 0;
    if (!pith_str_check(o)) {
        pith_err_format(&pith_exc_TypeError, "%s() argument '%s' must be str, not %.100s", fname,
                        pname, pith_badarg_name(o));
        return -1;
    }
    *out = pith_str_utf8(o);
    return *out ? 0 : -1;
}

static PithObject *str_encode(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    static const char *const kwlist[] = {"encoding", "errors"};
    static const PithArgSpec spec = {"encode", kwlist, 2, 0, 0, 2};
    PithObject *v[2];
    const char *enc, *err;
    if (pith_arg_parse(&spec, a, n, kw, v) < 0 || str_param("encode", "encoding", v[0], &enc) < 0 ||
        str_param("encode", "errors", v[1], &err) < 0)
        return NULL;
    return pith_str_encode(self, enc, err);
}

static PithObject *str_format(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    PithObject *kwargs = NULL;
    if (kw && PITH_SIZE(kw) > 0) {
        if (!(kwargs = pith_dict_new())) return NULL;
        for (intptr_t i = 0; i < PITH_SIZE(kw); i++)
            if (pith_dict_set_item(kwargs, PITH_TUPLE_GET(kw, i), a[n + (size_t)i]) < 0) {
                PITH_DECREF(kwargs);
                return NULL;
            }
    }
    PithObject *r = pith_str_format_call(self, a, n, kwargs);
    PITH_XDECREF(kwargs);
    return r;
}

static PithObject *str_format_map(PithObject *self, PithObject *const *a, size_t n,
                                  PithObject *kw) {
    return pith_str_format_map(self, a[0]);
}

static PithObject *str_dunder_format(PithObject *self, PithObject *const *a, size_t n,
                                     PithObject *kw) {
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, "__format__() argument must be str, not %.100s",
                               pith_badarg_name(a[0]));
    return pith_str_format_str(self, a[0]);
}

static PithObject *str_getnewargs(PithObject *self, PithObject *const *a, size_t n,
                                  PithObject *kw) {
    PithObject *copy = pith_str_substring(self, 0, LEN(self));
    if (!copy) return NULL;
    PithObject *r = pith_tuple_pack(1, copy);
    PITH_DECREF(copy);
    return r;
}

static PithObject *str_sizeof(PithObject *self, PithObject *const *a, size_t n, PithObject *kw) {
    PithStr *s = (PithStr *)self;
    intptr_t size = s->ascii ? 48 + s->length + 1 : 72 + (s->length + 1) * s->kind;
    return pith_int_from_ssize(size);
}

#define M(name, fn, flags) {name, fn, flags, NULL}
PithMethodDef pith_str_methods[] = {
    M("encode", str_encode, PITH_METH_KW),
    M("replace", str_replace, PITH_METH_FAST),
    M("split", str_split, PITH_METH_KW),
    M("rsplit", str_rsplit, PITH_METH_KW),
    M("join", str_join, PITH_METH_O),
    M("capitalize", str_capitalize, PITH_METH_NOARGS),
    M("casefold", str_casefold, PITH_METH_NOARGS),
    M("title", str_title, PITH_METH_NOARGS),
    M("center", str_center, PITH_METH_FAST),
    M("count", str_count, PITH_METH_FAST),
    M("expandtabs", str_expandtabs, PITH_METH_KW),
    M("find", str_find, PITH_METH_FAST),
    M("partition", str_partition, PITH_METH_O),
    M("index", str_index, PITH_METH_FAST),
    M("ljust", str_ljust, PITH_METH_FAST),
    M("lower", str_lower, PITH_METH_NOARGS),
    M("lstrip", str_lstrip, PITH_METH_FAST),
    M("rfind", str_rfind, PITH_METH_FAST),
    M("rindex", str_rindex, PITH_METH_FAST),
    M("rjust", str_rjust, PITH_METH_FAST),
    M("rstrip", str_rstrip, PITH_METH_FAST),
    M("rpartition", str_rpartition, PITH_METH_O),
    M("splitlines", str_splitlines, PITH_METH_KW),
    M("strip", str_strip, PITH_METH_FAST),
    M("swapcase", str_swapcase, PITH_METH_NOARGS),
    M("translate", str_translate, PITH_METH_O),
    M("upper", str_upper, PITH_METH_NOARGS),
    M("startswith", str_startswith, PITH_METH_FAST),
    M("endswith", str_endswith, PITH_METH_FAST),
    M("removeprefix", str_removeprefix, PITH_METH_O),
    M("removesuffix", str_removesuffix, PITH_METH_O),
    M("isascii", str_isascii, PITH_METH_NOARGS),
    M("islower", str_islower, PITH_METH_NOARGS),
    M("isupper", str_isupper, PITH_METH_NOARGS),
    M("istitle", str_istitle, PITH_METH_NOARGS),
    M("isspace", str_isspace, PITH_METH_NOARGS),
    M("isdecimal", str_isdecimal, PITH_METH_NOARGS),
    M("isdigit", str_isdigit, PITH_METH_NOARGS),
    M("isnumeric", str_isnumeric, PITH_METH_NOARGS),
    M("isalpha", str_isalpha, PITH_METH_NOARGS),
    M("isalnum", str_isalnum, PITH_METH_NOARGS),
    M("isidentifier", str_isidentifier, PITH_METH_NOARGS),
    M("isprintable", str_isprintable, PITH_METH_NOARGS),
    M("zfill", str_zfill, PITH_METH_O),
    M("format", str_format, PITH_METH_KW),
    M("format_map", str_format_map, PITH_METH_O),
    M("__format__", str_dunder_format, PITH_METH_O),
    M("maketrans", str_maketrans, PITH_METH_FAST | PITH_METH_STATIC),
    M("__sizeof__", str_sizeof, PITH_METH_NOARGS),
    M("__getnewargs__", str_getnewargs, PITH_METH_NOARGS),
    {NULL, NULL, 0, NULL},
};
#undef M
