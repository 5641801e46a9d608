/* sre_module.c — the `_sre` module and re.Pattern: compile() (the entry
 * point of CPython's pure-Python re._compiler), the matching state over a
 * str or bytes-like subject, and the Pattern methods match/fullmatch/search,
 * findall/finditer, split, sub/subn and scanner. Template strings for
 * sub() are expanded by re._subx (pure Python), as in CPython. */
#include <stdio.h>
#include <string.h>

#include "sre.h"

#define PAT(o) ((SrePattern *)(o))

/* ---- the state ------------------------------------------------------------------ */

void sre_state_reset(SreState *st) {
    st->lastmark = st->lastindex = -1;
    st->repeat = -1;
    st->nreps = st->nframes = st->nsaved = 0;
}

int sre_state_init(SreState *st, SrePattern *p, PithObject *string, intptr_t pos,
                   intptr_t endpos) {
    memset(st, 0, sizeof *st);
    st->string = string;
    if (pith_str_check(string)) {
        st->data = PITH_STR_DATA(string);
        st->charsize = PITH_STR_KIND(string);
        st->length = PITH_STR_LEN(string);
    } else if (pith_buffer_check(string)) {
        if (pith_buffer_get(string, &st->view, false) < 0) return -1;
        st->data = st->view.buf;
        st->charsize = 1;
        st->length = st->view.len;
        st->isbytes = true;
    } else {
        pith_err_format(&pith_exc_TypeError, "expected string or bytes-like object, got '%.200s'",
                        pith_type_name(string));
        return -1;
    }
    if (p->isbytes == 1 && !st->isbytes) {
        pith_err_set_string(&pith_exc_TypeError,
                            "cannot use a bytes pattern on a string-like object");
        goto fail;
    }
    if (p->isbytes == 0 && st->isbytes) {
        pith_err_set_string(&pith_exc_TypeError,
                            "cannot use a string pattern on a bytes-like object");
        goto fail;
    }
    if (pos < 0) pos = 0;
    else if (pos > st->length) pos = st->length;
    if (endpos < 0) endpos = 0;
    else if (endpos > st->length) endpos = st->length;
    st->pos = st->start = st->ptr = pos;
    st->endpos = st->end = endpos;
    st->nmarks = p->groups * 2;
    st->marks = pith_mem_malloc((size_t)(st->nmarks ? st->nmarks : 1) * sizeof(intptr_t));
    if (!st->marks) {
        pith_err_no_memory();
        goto fail;
    }
    sre_state_reset(st);
    return 0;
fail:
    sre_state_fini(st);
    return -1;
}

void sre_state_fini(SreState *st) {
    if (st->view.obj) pith_buffer_release(&st->view);
    st->view.obj = NULL;
    pith_mem_free(st->marks);
    pith_mem_free(st->reps);
    pith_mem_free(st->frames);
    pith_mem_free(st->saved);
    st->marks = NULL;
    st->reps = NULL;
    st->frames = NULL;
    st->saved = NULL;
}

PithObject *sre_getslice(SreState *st, intptr_t i, intptr_t j) {
    if (!st->isbytes) return pith_str_substring(st->string, i, j);
    if (PITH_TYPE(st->string) == &pith_bytes_type && i == 0 && j == PITH_BYTES_SIZE(st->string))
        return PITH_NEWREF(st->string);
    return pith_bytes_from((const char *)st->data + i, j - i);
}

/* Group g (1-based) of the current match, or `dflt` (borrowed) when unset. */
static PithObject *state_group(SreState *st, intptr_t g, PithObject *dflt) {
    intptr_t k = 2 * (g - 1);
    if (k + 1 > st->lastmark || st->marks[k] < 0 || st->marks[k + 1] < 0)
        return dflt ? PITH_NEWREF(dflt) : sre_getslice(st, 0, 0);
    return sre_getslice(st, st->marks[k], st->marks[k + 1]);
}

void sre_raise_status(intptr_t status) {
    if (pith_err_occurred()) return;
    if (status == SRE_ERROR_MEMORY)
        pith_err_no_memory();
    else
        pith_err_set_string(&pith_exc_RuntimeError,
                            "internal error in regular expression engine");
}

/* Run one match/search at st->start; 1, 0, or -1 with an exception. */
static int run(SreState *st, SrePattern *p, bool search) {
    sre_state_reset(st);
    st->ptr = st->start;
    intptr_t status = search ? sre_search(st, p->code) : sre_match(st, p->code, true);
    if (status < 0 || pith_err_occurred()) {
        sre_raise_status(status);
        return -1;
    }
    return status > 0;
}

/* After a match: the next search starts at its end, and must advance past
 * an empty match there. */
static void advance(SreState *st) {
    st->must_advance = st->ptr == st->start;
    st->start = st->ptr;
}

/* ---- argument helpers -------------------------------------------------------------- */

/* A Py_ssize_t argument (via __index__); absent leaves *out unchanged. */
static int ssize_arg(PithObject *o, intptr_t *out) {
    if (!o) return 0;
    PithObject *i = pith_number_index(o);
    if (!i) return -1;
    int overflow = 0;
    int64_t v = pith_int_as_i64_overflow(i, &overflow);
    PITH_DECREF(i);
    if (overflow) {
        pith_err_set_string(&pith_exc_OverflowError,
                            "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = (intptr_t)v;
    return 0;
}

/* (string, pos=0, endpos=sys.maxsize) */
static int parse_string_pos(const char *fname, PithObject *const *args, size_t nargs,
                            PithObject *kwnames, PithObject **string, intptr_t *pos,
                            intptr_t *endpos) {
    static const char *const kw[] = {"string", "pos", "endpos", NULL};
    PithArgSpec spec = {fname, kw, 3, 0, 1, 3};
    PithObject *v[3];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return -1;
    *string = v[0];
    *pos = 0;
    *endpos = INTPTR_MAX;
    return ssize_arg(v[1], pos) < 0 || ssize_arg(v[2], endpos) < 0 ? -1 : 0;
}

/* ---- match, fullmatch, search -------------------------------------------------------- */

static PithObject *do_match(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames, const char *fname, bool search, bool all) {
    PithObject *string;
    intptr_t pos, endpos;
    SreState st;
    if (parse_string_pos(fname, args, nargs, kwnames, &string, &pos, &endpos) < 0) return NULL;
    if (sre_state_init(&st, PAT(self), string, pos, endpos) < 0) return NULL;
    st.match_all = all;
    int r = run(&st, PAT(self), search);
    PithObject *m = r < 0 ? NULL : sre_match_new(PAT(self), &st, r);
    sre_state_fini(&st);
    return m;
}

static PithObject *pattern_match(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    return do_match(self, args, nargs, kwnames, "match", false, false);
}

static PithObject *pattern_fullmatch(PithObject *self, PithObject *const *args, size_t nargs,
                                     PithObject *kwnames) {
    return do_match(self, args, nargs, kwnames, "fullmatch", false, true);
}

static PithObject *pattern_search(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    return do_match(self, args, nargs, kwnames, "search", true, false);
}

/* ---- findall, finditer, scanner ----------------------------------------------------- */

static PithObject *findall_item(SreState *st, SrePattern *p) {
    if (p->groups == 0) return sre_getslice(st, st->start, st->ptr);
    if (p->groups == 1) return state_group(st, 1, NULL);
    PithObject *t = pith_tuple_new(p->groups);
    if (!t) return NULL;
    for (intptr_t g = 1; g <= p->groups; g++) {
        PithObject *s = state_group(st, g, NULL);
        if (!s) {
            PITH_DECREF(t);
            return NULL;
        }
        PITH_TUPLE_SET(t, g - 1, s);
    }
    return t;
}

static PithObject *pattern_findall(PithObject *self, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    PithObject *string;
    intptr_t pos, endpos;
    SreState st;
    if (parse_string_pos("findall", args, nargs, kwnames, &string, &pos, &endpos) < 0)
        return NULL;
    if (sre_state_init(&st, PAT(self), string, pos, endpos) < 0) return NULL;
    PithObject *list = pith_list_new(0);
    while (list && st.start <= st.end) {
        int r = run(&st, PAT(self), true);
        if (r <= 0) {
            if (r < 0) PITH_CLEAR(list);
            break;
        }
        PithObject *item = findall_item(&st, PAT(self));
        if (!item || pith_list_append(list, item) < 0) PITH_CLEAR(list);
        PITH_XDECREF(item);
        advance(&st);
    }
    sre_state_fini(&st);
    return list;
}

static PithObject *pattern_scanner(PithObject *self, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    PithObject *string;
    intptr_t pos, endpos;
    if (parse_string_pos("scanner", args, nargs, kwnames, &string, &pos, &endpos) < 0)
        return NULL;
    return sre_scanner_new(PAT(self), string, pos, endpos);
}

static PithObject *pattern_finditer(PithObject *self, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    PithObject *string;
    intptr_t pos, endpos;
    if (parse_string_pos("finditer", args, nargs, kwnames, &string, &pos, &endpos) < 0)
        return NULL;
    PithObject *sc = sre_scanner_new(PAT(self), string, pos, endpos);
    PithObject *search = sc ? pith_getattr_str(sc, "search") : NULL;
    PITH_XDECREF(sc);
    PithObject *it = search ? pith_calliter_new(search, PITH_NONE) : NULL;
    PITH_XDECREF(search);
    return it;
}

/* ---- split -------------------------------------------------------------------------- */

static int append_new(PithObject *list, PithObject *item) {
    if (!item) return -1;
    int r = pith_list_append(list, item);
    PITH_DECREF(item);
    return r;
}

static PithObject *pattern_split(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    static const char *const kw[] = {"string", "maxsplit", NULL};
    static const PithArgSpec spec = {"split", kw, 2, 0, 1, 2};
    PithObject *v[2];
    intptr_t maxsplit = 0, n = 0;
    SreState st;
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0 || ssize_arg(v[1], &maxsplit) < 0)
        return NULL;
    if (sre_state_init(&st, PAT(self), v[0], 0, INTPTR_MAX) < 0) return NULL;
    PithObject *list = pith_list_new(0);
    intptr_t last = st.start;
    while (list && (!maxsplit || n < maxsplit)) {
        int r = run(&st, PAT(self), true);
        if (r <= 0) {
            if (r < 0) PITH_CLEAR(list);
            break;
        }
        if (append_new(list, sre_getslice(&st, last, st.start)) < 0) {
            PITH_CLEAR(list);
            break;
        }
        for (intptr_t g = 1; list && g <= PAT(self)->groups; g++)
            if (append_new(list, state_group(&st, g, PITH_NONE)) < 0) PITH_CLEAR(list);
        n++;
        advance(&st);
        last = st.start;
    }
    if (list && append_new(list, sre_getslice(&st, last, st.endpos)) < 0) PITH_CLEAR(list);
    sre_state_fini(&st);
    return list;
}

/* ---- sub, subn ---------------------------------------------------------------------- */

/* Does the str or bytes-like template contain a backslash? -1 when it is
 * neither kind (then re._subx decides). */
static int has_backslash(PithObject *t) {
    if (pith_str_check(t)) {
        for (intptr_t i = 0; i < PITH_STR_LEN(t); i++)
            if (pith_str_read((PithStr *)t, i) == '\\') return 1;
        return 0;
    }
    PithBuffer b;
    if (!pith_buffer_check(t) || pith_buffer_get(t, &b, false) < 0) {
        pith_err_clear();
        return -1;
    }
    int r = memchr(b.buf, '\\', (size_t)b.len) != NULL;
    pith_buffer_release(&b);
    return r;
}

PithObject *sre_call_re(const char *fn, PithObject *const *args, size_t nargs) {
    PithObject *name = pith_str_from_cstr("re");
    PithObject *re = name ? pith_import_module(name) : NULL;
    PITH_XDECREF(name);
    if (!re) return NULL;
    PithObject *r = pith_call_method(re, fn, args, nargs);
    PITH_DECREF(re);
    return r;
}

/* The literal text or callable used for each match (new ref). */
static PithObject *sub_filter(PithObject *self, PithObject *repl, bool *callable) {
    *callable = pith_callable_check(repl);
    if (*callable || has_backslash(repl) == 0) return PITH_NEWREF(repl);
    PithObject *args[2] = {self, repl};
    PithObject *f = sre_call_re("_subx", args, 2);
    if (f) *callable = pith_callable_check(f);
    return f;
}

static PithObject *join_pieces(SreState *st, PithObject *list) {
    PithObject *joiner = sre_getslice(st, 0, 0);
    if (!joiner || PITH_SIZE(list) == 0) return joiner;
    PithObject *r = st->isbytes ? pith_call_method(joiner, "join", &list, 1)
                                : pith_str_join(joiner, list);
    PITH_DECREF(joiner);
    return r;
}

static PithObject *do_sub(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames, const char *fname, bool subn) {
    static const char *const kw[] = {"repl", "string", "count", NULL};
    PithArgSpec spec = {fname, kw, 3, 0, 2, 3};
    PithObject *v[3];
    intptr_t count = 0, n = 0, i = 0;
    bool callable;
    SreState st;
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0 || ssize_arg(v[2], &count) < 0)
        return NULL;
    PithObject *filter = sub_filter(self, v[0], &callable);
    if (!filter) return NULL;
    if (sre_state_init(&st, PAT(self), v[1], 0, INTPTR_MAX) < 0) {
        PITH_DECREF(filter);
        return NULL;
    }
    PithObject *list = pith_list_new(0);
    while (list && (!count || n < count)) {
        int r = run(&st, PAT(self), true);
        if (r <= 0) {
            if (r < 0) PITH_CLEAR(list);
            break;
        }
        intptr_t b = st.start, e = st.ptr;
        if (i < b && append_new(list, sre_getslice(&st, i, b)) < 0) {
            PITH_CLEAR(list);
            break;
        }
        PithObject *item;
        if (callable) {
            PithObject *m = sre_match_new(PAT(self), &st, 1);
            item = m ? pith_call_one(filter, m) : NULL;
            PITH_XDECREF(m);
        } else {
            item = PITH_NEWREF(filter);
        }
        if (!item || (item != PITH_NONE && pith_list_append(list, item) < 0)) PITH_CLEAR(list);
        PITH_XDECREF(item);
        i = e;
        n++;
        advance(&st);
    }
    if (list && i < st.endpos && append_new(list, sre_getslice(&st, i, st.endpos)) < 0)
        PITH_CLEAR(list);
    PithObject *r = list ? join_pieces(&st, list) : NULL;
    PITH_XDECREF(list);
    PITH_DECREF(filter);
    sre_state_fini(&st);
    if (!r || !subn) return r;
    PithObject *cnt = pith_int_from_ssize(n);
    PithObject *t = cnt ? pith_tuple_pack(2, r, cnt) : NULL;
    PITH_DECREF(r);
    PITH_XDECREF(cnt);
    return t;
}

static PithObject *pattern_sub(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    return do_sub(self, args, nargs, kwnames, "sub", false);
}

static PithObject *pattern_subn(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    return do_sub(self, args, nargs, kwnames, "subn", true);
}

/* ---- Pattern object protocol ---------------------------------------------------------- */

static PithObject *pattern_self(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    return PITH_NEWREF(self);
}

static PithObject *pattern_repr(PithObject *self) {
    static const struct {
        const char *name;
        int value;
    } names[] = {
        {"re.TEMPLATE", SRE_FLAG_TEMPLATE}, {"re.IGNORECASE", SRE_FLAG_IGNORECASE},
        {"re.LOCALE", SRE_FLAG_LOCALE},     {"re.MULTILINE", SRE_FLAG_MULTILINE},
        {"re.DOTALL", SRE_FLAG_DOTALL},     {"re.UNICODE", SRE_FLAG_UNICODE},
        {"re.VERBOSE", SRE_FLAG_VERBOSE},   {"re.DEBUG", SRE_FLAG_DEBUG},
        {"re.ASCII", SRE_FLAG_ASCII},
    };
    SrePattern *p = PAT(self);
    int flags = p->flags;
    /* re.UNICODE is the default for str patterns: not shown */
    if (p->isbytes == 0 &&
        (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) == SRE_FLAG_UNICODE)
        flags &= ~SRE_FLAG_UNICODE;
    char buf[256];
    size_t len = 0;
    buf[0] = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!(flags & names[i].value)) continue;
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", len ? "|" : "",
                                names[i].name);
        flags &= ~names[i].value;
    }
    if (flags)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s0x%x", len ? "|" : "",
                                (unsigned)flags);
    if (len) return pith_str_from_format("re.compile(%.200R, %s)", p->pattern, buf);
    return pith_str_from_format("re.compile(%.200R)", p->pattern);
}

static intptr_t pattern_hash(PithObject *self) {
    SrePattern *p = PAT(self);
    intptr_t h = pith_hash(p->pattern);
    if (h == -1) return -1;
    uint64_t x = 1469598103934665603ull;
    for (intptr_t i = 0; i < PITH_SIZE(p); i++) x = (x ^ p->code[i]) * 1099511628211ull;
    h ^= (intptr_t)(x >> 1) ^ p->flags;
    return h == -1 ? -2 : h;
}

static PithObject *pattern_richcompare(PithObject *a, PithObject *b, int op) {
    if ((op != PITH_EQ && op != PITH_NE) || PITH_TYPE(b) != &sre_pattern_type)
        PITH_RETURN_NOTIMPL;
    SrePattern *x = PAT(a), *y = PAT(b);
    int eq = a == b;
    if (!eq) {
        eq = x->flags == y->flags && x->isbytes == y->isbytes && PITH_SIZE(x) == PITH_SIZE(y) &&
             memcmp(x->code, y->code, (size_t)PITH_SIZE(x) * sizeof(SreCode)) == 0;
        if (eq) eq = pith_richcompare_bool(x->pattern, y->pattern, PITH_EQ);
        if (eq < 0) return NULL;
    }
    return PITH_NEWREF(pith_bool_from((op == PITH_EQ) == (eq != 0)));
}

static PithObject *pattern_get_groupindex(PithObject *self, void *c) {
    SrePattern *p = PAT(self);
    if (!p->groupindex) return pith_dict_new();
    return pith_mappingproxy_new(p->groupindex);
}

static PithObject *pattern_get_groups(PithObject *self, void *c) {
    return pith_int_from_ssize(PAT(self)->groups);
}

static PithObject *pattern_get_flags(PithObject *self, void *c) {
    return pith_int_from_ssize(PAT(self)->flags);
}

static int pattern_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(PAT(o)->groupindex);
    PITH_VISIT(PAT(o)->indexgroup);
    PITH_VISIT(PAT(o)->pattern);
    return 0;
}

static int pattern_clear(PithObject *o) {
    PITH_CLEAR(PAT(o)->groupindex);
    PITH_CLEAR(PAT(o)->indexgroup);
    PITH_CLEAR(PAT(o)->pattern);
    return 0;
}

static void pattern_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    pattern_clear(o);
    pith_gc_del(o);
}

static PithMethodDef pattern_methods[] = {
    {"match", pattern_match, PITH_METH_KW, NULL},
    {"fullmatch", pattern_fullmatch, PITH_METH_KW, NULL},
    {"search", pattern_search, PITH_METH_KW, NULL},
    {"sub", pattern_sub, PITH_METH_KW, NULL},
    {"subn", pattern_subn, PITH_METH_KW, NULL},
    {"findall", pattern_findall, PITH_METH_KW, NULL},
    {"split", pattern_split, PITH_METH_KW, NULL},
    {"finditer", pattern_finditer, PITH_METH_KW, NULL},
    {"scanner", pattern_scanner, PITH_METH_KW, NULL},
    {"__copy__", pattern_self, PITH_METH_NOARGS, NULL},
    {"__deepcopy__", pattern_self, PITH_METH_O, NULL},
    {"__class_getitem__", pith_generic_alias_class_getitem, PITH_METH_O | PITH_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithMemberDef pattern_members[] = {
    {"pattern", PITH_MEMBER_OBJECT, offsetof(SrePattern, pattern), PITH_READONLY,
     "The pattern string from which the RE object was compiled."},
    {NULL, 0, 0, 0, NULL},
};

static PithGetSetDef pattern_getset[] = {
    {"groupindex", pattern_get_groupindex, NULL,
     "A dictionary mapping group names to group numbers.", NULL},
    {"groups", pattern_get_groups, NULL, "The number of capturing groups in the pattern.", NULL},
    {"flags", pattern_get_flags, NULL, "The regex matching flags.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType sre_pattern_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "re.Pattern",
    .tp_basicsize = sizeof(SrePattern),
    .tp_itemsize = sizeof(SreCode),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_DISALLOW_INSTANTIATION |
                PITH_TPFLAGS_IMMUTABLETYPE | PITH_TPFLAGS_WEAKREFABLE,
    .tp_doc = "Compiled regular expression object.",
    .tp_dealloc = pattern_dealloc,
    .tp_repr = pattern_repr,
    .tp_hash = pattern_hash,
    .tp_richcompare = pattern_richcompare,
    .tp_traverse = pattern_traverse,
    .tp_clear = pattern_clear,
    .tp_methods = pattern_methods,
    .tp_members = pattern_members,
    .tp_getset = pattern_getset,
};

/* ---- module functions ------------------------------------------------------------------ */

static PithObject *sre_compile(PithObject *m, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    static const char *const kw[] = {"pattern", "flags", "code", "groups", "groupindex",
                                     "indexgroup", NULL};
    static const PithArgSpec spec = {"compile", kw, 6, 0, 6, 6};
    PithObject *v[6];
    intptr_t flags = 0, groups = 0;
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    if (ssize_arg(v[1], &flags) < 0 || ssize_arg(v[3], &groups) < 0) return NULL;
    if (!pith_type_ok(v[2], &pith_list_type))
        return pith_err_format(&pith_exc_TypeError, "compile() argument 'code' must be list, not %s",
                               pith_type_name(v[2]));
    if (!pith_type_ok(v[4], &pith_dict_type))
        return pith_err_format(&pith_exc_TypeError,
                               "compile() argument 'groupindex' must be dict, not %s",
                               pith_type_name(v[4]));
    if (!pith_type_ok(v[5], &pith_tuple_type))
        return pith_err_format(&pith_exc_TypeError,
                               "compile() argument 'indexgroup' must be tuple, not %s",
                               pith_type_name(v[5]));
    if (groups < 0 || groups > SRE_MAXGROUPS) {
        pith_err_set_string(&pith_exc_RuntimeError, "invalid SRE code");
        return NULL;
    }
    intptr_t n = PITH_SIZE(v[2]);
    SrePattern *p = (SrePattern *)pith_gc_new_var(&sre_pattern_type, n);
    if (!p) return pith_err_no_memory();
    for (intptr_t i = 0; i < n; i++) {
        PithObject *item = PITH_LIST_GET(v[2], i);
        int overflow = 0;
        int64_t c = pith_int_check(item) ? pith_int_as_i64_overflow(item, &overflow) : -1;
        if (!pith_int_check(item)) {
            pith_err_format(&pith_exc_TypeError, "an integer is required");
            goto fail;
        }
        if (overflow || c < 0 || c > (int64_t)UINT32_MAX) {
            pith_err_set_string(&pith_exc_OverflowError,
                                "regular expression code size limit exceeded");
            goto fail;
        }
        p->code[i] = (SreCode)c;
    }
    p->groups = groups;
    p->flags = (int)flags;
    p->pattern = PITH_NEWREF(v[0]);
    if (v[0] == PITH_NONE) {
        p->isbytes = -1;
    } else if (pith_str_check(v[0])) {
        p->isbytes = 0;
    } else if (pith_buffer_check(v[0])) {
        p->isbytes = 1;
    } else {
        pith_err_format(&pith_exc_TypeError, "expected string or bytes-like object, got '%.200s'",
                        pith_type_name(v[0]));
        goto fail;
    }
    if (PITH_SIZE(v[4]) > 0) {
        p->groupindex = PITH_NEWREF(v[4]);
        if (PITH_SIZE(v[5]) > 0) p->indexgroup = PITH_NEWREF(v[5]);
    }
    if (sre_validate(p->code, n, groups) < 0) {
        pith_err_set_string(&pith_exc_RuntimeError, "invalid SRE code");
        goto fail;
    }
    pith_gc_track(p);
    return (PithObject *)p;
fail:
    pattern_clear((PithObject *)p);
    pith_gc_del(p);
    return NULL;
}

static int char_arg(PithObject *o, uint32_t *ch) {
    int overflow = 0;
    if (!pith_int_check(o)) {
        pith_err_format(&pith_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                        pith_type_name(o));
        return -1;
    }
    int64_t v = pith_int_as_i64_overflow(o, &overflow);
    if (overflow || v < INT32_MIN || v > INT32_MAX) {
        pith_err_set_string(&pith_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *ch = (uint32_t)v;
    return 0;
}

static PithObject *mod_getcodesize(PithObject *m, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    return pith_int_from_ssize((intptr_t)sizeof(SreCode));
}

static PithObject *mod_ascii_iscased(PithObject *m, PithObject *const *args, size_t nargs,
                                     PithObject *kwnames) {
    uint32_t ch;
    if (char_arg(args[0], &ch) < 0) return NULL;
    bool r = ch < 128 && ((ch | 32) >= 'a' && (ch | 32) <= 'z');
    return PITH_NEWREF(pith_bool_from(r));
}

static PithObject *mod_unicode_iscased(PithObject *m, PithObject *const *args, size_t nargs,
                                       PithObject *kwnames) {
    uint32_t ch;
    if (char_arg(args[0], &ch) < 0) return NULL;
    return PITH_NEWREF(pith_bool_from(sre_unicode_iscased(ch)));
}

static PithObject *mod_ascii_tolower(PithObject *m, PithObject *const *args, size_t nargs,
                                     PithObject *kwnames) {
    uint32_t ch;
    if (char_arg(args[0], &ch) < 0) return NULL;
    return pith_int_from_i64((int32_t)(ch < 128 ? sre_lower_ascii(ch) : ch));
}

static PithObject *mod_unicode_tolower(PithObject *m, PithObject *const *args, size_t nargs,
                                       PithObject *kwnames) {
    uint32_t ch;
    if (char_arg(args[0], &ch) < 0) return NULL;
    return pith_int_from_i64((int32_t)sre_lower_unicode(ch));
}

static PithMethodDef sre_functions[] = {
    {"compile", sre_compile, PITH_METH_KW, NULL},
    {"getcodesize", mod_getcodesize, PITH_METH_NOARGS, NULL},
    {"ascii_iscased", mod_ascii_iscased, PITH_METH_O, NULL},
    {"unicode_iscased", mod_unicode_iscased, PITH_METH_O, NULL},
    {"ascii_tolower", mod_ascii_tolower, PITH_METH_O, NULL},
    {"unicode_tolower", mod_unicode_tolower, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_sre_module_init(void) {
    PithObject *m = pith_module_new("_sre");
    if (!m) return NULL;
    if (pith_type_ready(&sre_pattern_type) < 0 || pith_type_ready(&sre_match_type) < 0 ||
        pith_type_ready(&sre_scanner_type) < 0 ||
        pith_module_add_functions(m, sre_functions) < 0 ||
        pith_module_add_int(m, "MAGIC", SRE_MAGIC) < 0 ||
        pith_module_add_int(m, "CODESIZE", (long)sizeof(SreCode)) < 0 ||
        pith_module_add_object(m, "MAXREPEAT", pith_int_from_u64(SRE_MAXREPEAT)) < 0 ||
        pith_module_add_int(m, "MAXGROUPS", SRE_MAXGROUPS) < 0 ||
        pith_module_add_object(m, "copyright",
                               pith_str_from_cstr(" SRE 2.2.2 Copyright (c) 1997-2002 by "
                                                  "Secret Labs AB "))) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
