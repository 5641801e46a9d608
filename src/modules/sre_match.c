/* sre_match.c — re.Match (the result of a successful match: the subject,
 * the group spans, pos/endpos, lastindex) and _sre.SRE_Scanner (repeated
 * match/search over one subject, behind Pattern.finditer and re.Scanner).
 *
 * Match invariant: marks[2g], marks[2g+1] is the span of group g (group 0
 * is the whole match), -1/-1 when the group did not take part. */
#include <string.h>

#include "sre.h"

typedef struct {
    PithVarObject ob; /* size = 2 * number of groups (group 0 included) */
    PithObject *string;
    PithObject *regs; /* cached tuple of spans, or NULL */
    SrePattern *pattern;
    intptr_t pos, endpos, lastindex;
    intptr_t marks[];
} SreMatch;

#define MATCH(o) ((SreMatch *)(o))
#define NGROUPS(m) (PITH_SIZE(m) / 2)

PithObject *sre_match_new(SrePattern *p, SreState *st, intptr_t status) {
    if (status == 0) PITH_RETURN_NONE;
    if (status < 0) {
        sre_raise_status(status);
        return NULL;
    }
    SreMatch *m = (SreMatch *)pith_gc_new_var(&sre_match_type, 2 * (p->groups + 1));
    if (!m) return pith_err_no_memory();
    m->pattern = (SrePattern *)PITH_NEWREF(p);
    m->string = PITH_NEWREF(st->string);
    m->regs = NULL;
    m->marks[0] = st->start;
    m->marks[1] = st->ptr;
    for (intptr_t g = 0, j = 0; g < p->groups; g++, j += 2) {
        if (j + 1 <= st->lastmark && st->marks[j] >= 0 && st->marks[j + 1] >= 0) {
            if (st->marks[j] > st->marks[j + 1]) {
                PITH_DECREF(m);
                pith_err_set_string(&pith_exc_SystemError,
                                    "The span of capturing group is wrong, please report a bug "
                                    "for the re module.");
                return NULL;
            }
            m->marks[j + 2] = st->marks[j];
            m->marks[j + 3] = st->marks[j + 1];
        } else {
            m->marks[j + 2] = m->marks[j + 3] = -1;
        }
    }
    m->pos = st->pos;
    m->endpos = st->endpos;
    m->lastindex = st->lastindex;
    pith_gc_track(m);
    return (PithObject *)m;
}

/* ---- group access ----------------------------------------------------------------- */

/* Index of the group named or numbered by `index`, or -1 with IndexError. */
static intptr_t group_index(SreMatch *m, PithObject *index) {
    intptr_t i = -1;
    if (!index) return 0;
    if (pith_index_check(index)) {
        i = pith_number_as_ssize(index, NULL);
        if (i == -1 && pith_err_occurred()) return -1;
    } else if (m->pattern->groupindex) {
        PithObject *v = pith_dict_get_item(m->pattern->groupindex, index);
        if (!v && pith_err_occurred()) return -1;
        if (v && pith_int_check(v)) i = pith_int_as_ssize(v);
    }
    if (i < 0 || i >= NGROUPS(m)) {
        if (!pith_err_occurred()) pith_err_set_string(&pith_exc_IndexError, "no such group");
        return -1;
    }
    return i;
}

/* The text of group g, or dflt (borrowed) when it did not match. */
static PithObject *group_slice(SreMatch *m, intptr_t g, PithObject *dflt) {
    intptr_t a = m->marks[2 * g], b = m->marks[2 * g + 1];
    if (a < 0) return PITH_NEWREF(dflt);
    if (pith_str_check(m->string)) {
        intptr_t n = PITH_STR_LEN(m->string);
        return pith_str_substring(m->string, a < n ? a : n, b < n ? b : n);
    }
    PithBuffer view;
    if (pith_buffer_get(m->string, &view, false) < 0) return NULL;
    if (a > view.len) a = view.len;
    if (b > view.len) b = view.len;
    PithObject *r;
    if (PITH_TYPE(m->string) == &pith_bytes_type && a == 0 && b == view.len)
        r = PITH_NEWREF(m->string);
    else
        r = pith_bytes_from(view.buf + a, b - a);
    pith_buffer_release(&view);
    return r;
}

static PithObject *group_of(SreMatch *m, PithObject *index, PithObject *dflt) {
    intptr_t g = group_index(m, index);
    return g < 0 ? NULL : group_slice(m, g, dflt);
}

static PithObject *match_group(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    if (nargs == 0) return group_slice(MATCH(self), 0, PITH_NONE);
    if (nargs == 1) return group_of(MATCH(self), args[0], PITH_NONE);
    PithObject *t = pith_tuple_new((intptr_t)nargs);
    if (!t) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        PithObject *s = group_of(MATCH(self), args[i], PITH_NONE);
        if (!s) {
            PITH_DECREF(t);
            return NULL;
        }
        PITH_TUPLE_SET(t, (intptr_t)i, s);
    }
    return t;
}

static PithObject *match_getitem(PithObject *self, PithObject *key) {
    return group_of(MATCH(self), key, PITH_NONE);
}

static int default_arg(const char *fname, PithObject *const *args, size_t nargs,
                       PithObject *kwnames, PithObject **dflt) {
    static const char *const kw[] = {"default", NULL};
    PithArgSpec spec = {fname, kw, 1, 0, 0, 1};
    if (pith_arg_parse(&spec, args, nargs, kwnames, dflt) < 0) return -1;
    if (!*dflt) *dflt = PITH_NONE;
    return 0;
}

static PithObject *match_groups(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    PithObject *dflt;
    if (default_arg("groups", args, nargs, kwnames, &dflt) < 0) return NULL;
    intptr_t n = NGROUPS(self) - 1;
    PithObject *t = pith_tuple_new(n);
    if (!t) return NULL;
    for (intptr_t g = 1; g <= n; g++) {
        PithObject *s = group_slice(MATCH(self), g, dflt);
        if (!s) {
            PITH_DECREF(t);
            return NULL;
        }
        PITH_TUPLE_SET(t, g - 1, s);
    }
    return t;
}

static PithObject *match_groupdict(PithObject *self, PithObject *const *args, size_t nargs,
                                   PithObject *kwnames) {
    PithObject *dflt;
    if (default_arg("groupdict", args, nargs, kwnames, &dflt) < 0) return NULL;
    PithObject *d = pith_dict_new();
    PithObject *gi = MATCH(self)->pattern->groupindex;
    if (!d || !gi) return d;
    PithObject *keys = pith_dict_keys(gi);
    if (!keys) {
        PITH_DECREF(d);
        return NULL;
    }
    for (intptr_t i = 0; i < PITH_SIZE(keys); i++) {
        PithObject *k = PITH_LIST_GET(keys, i);
        PithObject *v = group_of(MATCH(self), k, dflt);
        int r = v ? pith_dict_set_item(d, k, v) : -1;
        PITH_XDECREF(v);
        if (r < 0) {
            PITH_DECREF(d);
            d = NULL;
            break;
        }
    }
    PITH_DECREF(keys);
    return d;
}

/* start/end/span take an optional group (default 0). */
static intptr_t span_group(const char *fname, PithObject *self, PithObject *const *args,
                           size_t nargs) {
    if (pith_arg_check_range(fname, nargs, 0, 1) < 0) return -1;
    return group_index(MATCH(self), nargs ? args[0] : NULL);
}

static PithObject *match_start(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    intptr_t g = span_group("start", self, args, nargs);
    return g < 0 ? NULL : pith_int_from_ssize(MATCH(self)->marks[2 * g]);
}

static PithObject *match_end(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    intptr_t g = span_group("end", self, args, nargs);
    return g < 0 ? NULL : pith_int_from_ssize(MATCH(self)->marks[2 * g + 1]);
}

static PithObject *span_tuple(SreMatch *m, intptr_t g) {
    PithObject *a = pith_int_from_ssize(m->marks[2 * g]);
    PithObject *b = a ? pith_int_from_ssize(m->marks[2 * g + 1]) : NULL;
    PithObject *t = b ? pith_tuple_pack(2, a, b) : NULL;
    PITH_XDECREF(a);
    PITH_XDECREF(b);
    return t;
}

static PithObject *match_span(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    intptr_t g = span_group("span", self, args, nargs);
    return g < 0 ? NULL : span_tuple(MATCH(self), g);
}

static PithObject *match_expand(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    PithObject *a[3] = {(PithObject *)MATCH(self)->pattern, self, args[0]};
    return sre_call_re("_expand", a, 3);
}

static PithObject *match_self(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    return PITH_NEWREF(self);
}

static PithObject *match_repr(PithObject *self) {
    PithObject *g = group_slice(MATCH(self), 0, PITH_NONE);
    if (!g) return NULL;
    PithObject *r = pith_str_from_format("<%s object; span=(%zd, %zd), match=%.50R>",
                                         PITH_TYPE(self)->tp_name, MATCH(self)->marks[0],
                                         MATCH(self)->marks[1], g);
    PITH_DECREF(g);
    return r;
}

static PithObject *match_get_lastindex(PithObject *self, void *c) {
    if (MATCH(self)->lastindex < 0) PITH_RETURN_NONE;
    return pith_int_from_ssize(MATCH(self)->lastindex);
}

static PithObject *match_get_lastgroup(PithObject *self, void *c) {
    SreMatch *m = MATCH(self);
    PithObject *ig = m->pattern->indexgroup;
    if (!ig || m->lastindex < 0 || m->lastindex >= PITH_SIZE(ig)) PITH_RETURN_NONE;
    return PITH_NEWREF(PITH_TUPLE_GET(ig, m->lastindex));
}

static PithObject *match_get_regs(PithObject *self, void *c) {
    SreMatch *m = MATCH(self);
    if (!m->regs) {
        PithObject *t = pith_tuple_new(NGROUPS(m));
        if (!t) return NULL;
        for (intptr_t g = 0; g < NGROUPS(m); g++) {
            PithObject *s = span_tuple(m, g);
            if (!s) {
                PITH_DECREF(t);
                return NULL;
            }
            PITH_TUPLE_SET(t, g, s);
        }
        m->regs = t;
    }
    return PITH_NEWREF(m->regs);
}

static PithObject *match_get_re(PithObject *self, void *c) {
    return PITH_NEWREF(MATCH(self)->pattern);
}

static int match_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(MATCH(o)->string);
    PITH_VISIT(MATCH(o)->regs);
    PITH_VISIT(MATCH(o)->pattern);
    return 0;
}

static int match_clear(PithObject *o) {
    PITH_CLEAR(MATCH(o)->string);
    PITH_CLEAR(MATCH(o)->regs);
    PITH_CLEAR(MATCH(o)->pattern);
    return 0;
}

static void match_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    match_clear(o);
    pith_gc_del(o);
}

static PithMethodDef match_methods[] = {
    {"group", match_group, PITH_METH_FAST, NULL},
    {"start", match_start, PITH_METH_FAST, NULL},
    {"end", match_end, PITH_METH_FAST, NULL},
    {"span", match_span, PITH_METH_FAST, NULL},
    {"groups", match_groups, PITH_METH_KW, NULL},
    {"groupdict", match_groupdict, PITH_METH_KW, NULL},
    {"expand", match_expand, PITH_METH_O, NULL},
    {"__copy__", match_self, PITH_METH_NOARGS, NULL},
    {"__deepcopy__", match_self, PITH_METH_O, NULL},
    {"__class_getitem__", pith_generic_alias_class_getitem, PITH_METH_O | PITH_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithMemberDef match_members[] = {
    {"string", PITH_MEMBER_OBJECT, offsetof(SreMatch, string), PITH_READONLY,
     "The string passed to match() or search()."},
    {"pos", PITH_MEMBER_SSIZE, offsetof(SreMatch, pos), PITH_READONLY,
     "The index into the string at which the RE engine started looking for a match."},
    {"endpos", PITH_MEMBER_SSIZE, offsetof(SreMatch, endpos), PITH_READONLY,
     "The index into the string beyond which the RE engine will not go."},
    {NULL, 0, 0, 0, NULL},
};

static PithGetSetDef match_getset[] = {
    {"lastindex", match_get_lastindex, NULL,
     "The integer index of the last matched capturing group.", NULL},
    {"lastgroup", match_get_lastgroup, NULL,
     "The name of the last matched capturing group.", NULL},
    {"regs", match_get_regs, NULL, NULL, NULL},
    {"re", match_get_re, NULL,
     "The regular expression object whose match() or search() method produced this match "
     "instance.",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithMappingMethods match_as_mapping = {.mp_subscript = match_getitem};

PithType sre_match_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "re.Match",
    .tp_basicsize = sizeof(SreMatch),
    .tp_itemsize = sizeof(intptr_t),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_DISALLOW_INSTANTIATION |
                PITH_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "The result of re.match() and re.search().\n"
              "Match objects always have a boolean value of True.",
    .tp_dealloc = match_dealloc,
    .tp_repr = match_repr,
    .tp_traverse = match_traverse,
    .tp_clear = match_clear,
    .tp_as_mapping = &match_as_mapping,
    .tp_methods = match_methods,
    .tp_members = match_members,
    .tp_getset = match_getset,
};

/* ---- the scanner ------------------------------------------------------------------ */

typedef struct {
    PithObject ob;
    SrePattern *pattern;
    PithObject *string;
    SreState state; /* holds the subject's buffer while the scanner lives */
    bool done;
} SreScanner;

#define SCANNER(o) ((SreScanner *)(o))

PithObject *sre_scanner_new(SrePattern *p, PithObject *string, intptr_t pos, intptr_t endpos) {
    SreScanner *s = (SreScanner *)pith_gc_new(&sre_scanner_type);
    if (!s) return pith_err_no_memory();
    if (sre_state_init(&s->state, p, string, pos, endpos) < 0) {
        pith_gc_del(s);
        return NULL;
    }
    s->pattern = (SrePattern *)PITH_NEWREF(p);
    s->string = PITH_NEWREF(string);
    s->done = false;
    pith_gc_track(s);
    return (PithObject *)s;
}

static PithObject *scanner_step(PithObject *self, bool search) {
    SreScanner *s = SCANNER(self);
    SreState *st = &s->state;
    if (s->done) PITH_RETURN_NONE;
    sre_state_reset(st);
    st->ptr = st->start;
    intptr_t status = search ? sre_search(st, s->pattern->code)
                             : sre_match(st, s->pattern->code, true);
    if (status < 0 || pith_err_occurred()) {
        sre_raise_status(status);
        return NULL;
    }
    PithObject *m = sre_match_new(s->pattern, st, status);
    if (status == 0) {
        s->done = true;
    } else {
        st->must_advance = st->ptr == st->start;
        st->start = st->ptr;
    }
    return m;
}

static PithObject *scanner_match(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    return scanner_step(self, false);
}

static PithObject *scanner_search(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    return scanner_step(self, true);
}

static int scanner_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(SCANNER(o)->pattern);
    PITH_VISIT(SCANNER(o)->string);
    return 0;
}

static void scanner_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    sre_state_fini(&SCANNER(o)->state);
    PITH_XDECREF(SCANNER(o)->pattern);
    PITH_XDECREF(SCANNER(o)->string);
    pith_gc_del(o);
}

static PithMethodDef scanner_methods[] = {
    {"match", scanner_match, PITH_METH_NOARGS, NULL},
    {"search", scanner_search, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithMemberDef scanner_members[] = {
    {"pattern", PITH_MEMBER_OBJECT, offsetof(SreScanner, pattern), PITH_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PithType sre_scanner_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_sre.SRE_Scanner",
    .tp_basicsize = sizeof(SreScanner),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_DISALLOW_INSTANTIATION |
                PITH_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = scanner_dealloc,
    .tp_traverse = scanner_traverse,
    .tp_methods = scanner_methods,
    .tp_members = scanner_members,
};
