/* io_newline.c — newline translation and line splitting shared by
 * TextIOWrapper and StringIO, and the _io.IncrementalNewlineDecoder type
 * (an optional inner decoder followed by that translation). */
#include "io_internal.h"

int pith_io_check_newline(PithObject *nl, bool repr) {
    if (!nl || nl == PITH_NONE) return 0;
    if (!pith_str_check(nl)) {
        pith_err_format(&pith_exc_TypeError, "newline must be str or None, not %s", pith_type_name(nl));
        return -1;
    }
    static const char *const ok[] = {"", "\n", "\r", "\r\n"};
    for (int i = 0; i < 4; i++)
        if (pith_str_eq_cstr(nl, ok[i])) return 0;
    pith_err_format(&pith_exc_ValueError, repr ? "illegal newline value: %R" : "illegal newline value: %S", nl);
    return -1;
}

PithObject *pith_io_nl_step(PithObject *text, bool final, bool translate, char *pendingcr,
                            int *seennl) {
    PithStr *s = (PithStr *)text;
    intptr_t n = s->length;
    bool lead_cr = *pendingcr && (n > 0 || final);
    if (lead_cr) *pendingcr = 0;
    bool hold = !final && n > 0 && pith_str_read(s, n - 1) == '\r';
    intptr_t end = hold ? n - 1 : n;
    /* Fast path: no '\r' anywhere, so only '\n' endings to record. */
    bool any_cr = lead_cr || hold, any_lf = false;
    for (intptr_t i = 0; !any_cr && i < n; i++) {
        uint32_t c = pith_str_read(s, i);
        any_cr = c == '\r';
        any_lf |= c == '\n';
    }
    if (!any_cr) {
        if (any_lf) *seennl |= PITH_IO_LF;
        return PITH_NEWREF(text);
    }
    PithStrBuilder sb;
    pith_sb_init(&sb);
    int seen = 0;
    bool prev_cr = false;
    for (intptr_t i = lead_cr ? -1 : 0; i < end; i++) {
        uint32_t c = i < 0 ? '\r' : pith_str_read(s, i);
        if (c == '\n') {
            if (prev_cr) {
                seen |= PITH_IO_CRLF;
                prev_cr = false;
                if (translate) continue; /* the '\r' already became '\n' */
            } else {
                seen |= PITH_IO_LF;
            }
        } else {
            if (prev_cr) seen |= PITH_IO_CR;
            prev_cr = c == '\r';
            if (prev_cr && translate) c = '\n';
        }
        if (pith_sb_append_char(&sb, c) < 0) {
            pith_sb_discard(&sb);
            return NULL;
        }
    }
    if (prev_cr) seen |= PITH_IO_CR;
    if (hold) *pendingcr = 1;
    *seennl |= seen;
    return pith_sb_finish(&sb);
}

PithObject *pith_io_newlines_value(int seennl) {
    static const char *const names[] = {"\n", "\r", "\r\n"};
    static const int order[] = {PITH_IO_CR, PITH_IO_LF, PITH_IO_CRLF};
    static const int name_of[] = {1, 0, 2};
    PithObject *items[3];
    int k = 0;
    for (int i = 0; i < 3; i++)
        if (seennl & order[i]) {
            items[k] = pith_str_from_cstr(names[name_of[i]]);
            if (!items[k]) {
                while (k--) PITH_DECREF(items[k]);
                return NULL;
            }
            k++;
        }
    if (k == 0) PITH_RETURN_NONE;
    if (k == 1) return items[0];
    PithObject *t = pith_tuple_new(k);
    if (!t) {
        while (k--) PITH_DECREF(items[k]);
        return NULL;
    }
    for (int i = 0; i < k; i++) PITH_TUPLE_SET(t, i, items[i]);
    return t;
}

intptr_t pith_io_find_eol(PithObject *str, intptr_t start, intptr_t len, bool translated,
                          bool universal, PithObject *nl, bool final) {
    PithStr *s = (PithStr *)str;
    if (translated) {
        for (intptr_t i = start; i < len; i++)
            if (pith_str_read(s, i) == '\n') return i + 1;
        return -1;
    }
    if (universal) {
        for (intptr_t i = start; i < len; i++) {
            uint32_t c = pith_str_read(s, i);
            if (c == '\n') return i + 1;
            if (c == '\r') {
                if (i + 1 < len) return pith_str_read(s, i + 1) == '\n' ? i + 2 : i + 1;
                return final ? i + 1 : -1;
            }
        }
        return -1;
    }
    PithStr *t = (PithStr *)nl;
    intptr_t m = t->length;
    uint32_t first = pith_str_read(t, 0);
    for (intptr_t i = start; i + m <= len; i++) {
        if (pith_str_read(s, i) != first) continue;
        intptr_t k = 1;
        while (k < m && pith_str_read(s, i + k) == pith_str_read(t, k)) k++;
        if (k == m) return i + m;
    }
    return -1;
}

PithObject *pith_io_replace_lf(PithObject *text, PithObject *nl) {
    PithObject *lf = pith_str_from_char('\n');
    if (!lf) return NULL;
    PithObject *a[2] = {lf, nl};
    PithObject *r = pith_call_method(text, "replace", a, 2);
    PITH_DECREF(lf);
    return r;
}

/* ---- IncrementalNewlineDecoder -------------------------------------------------- */

typedef struct NLDecoder {
    PithObject ob;
    PithObject *decoder, *errors;
    char translate, pendingcr, ok;
    int seennl;
} NLDecoder;

#define NLD(o) ((NLDecoder *)(o))

static PithObject *nld_new(PithType *type, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    PithObject *o = pith_gc_new(type);
    if (o) pith_gc_track(o);
    return o;
}

static int nld_init(PithObject *self, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    static const char *const kw[] = {"decoder", "translate", "errors", NULL};
    static const PithArgSpec spec = {"IncrementalNewlineDecoder", kw, 3, 0, 2, 3};
    PithObject *v[3];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return -1;
    int tr = pith_is_true(v[1]);
    if (tr < 0) return -1;
    NLDecoder *d = NLD(self);
    PITH_SETREF(d->decoder, PITH_NEWREF(v[0]));
    PITH_SETREF(d->errors, v[2] ? PITH_NEWREF(v[2]) : pith_str_from_cstr("strict"));
    d->translate = (char)tr;
    d->pendingcr = 0;
    d->seennl = 0;
    d->ok = 1;
    return d->errors ? 0 : -1;
}

static int nld_check(NLDecoder *d) {
    if (d->ok) return 0;
    pith_err_set_string(&pith_exc_ValueError, "IncrementalNewlineDecoder.__init__() not called");
    return -1;
}

static int nld_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(NLD(o)->decoder);
    PITH_VISIT(NLD(o)->errors);
    return 0;
}

static int nld_clear(PithObject *o) {
    PITH_CLEAR(NLD(o)->decoder);
    PITH_CLEAR(NLD(o)->errors);
    return 0;
}

static void nld_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    nld_clear(o);
    pith_gc_del(o);
}

IO_METHOD(nld_decode) {
    static const char *const kw[] = {"input", "final", NULL};
    static const PithArgSpec spec = {"decode", kw, 2, 0, 1, 2};
    PithObject *v[2];
    NLDecoder *d = NLD(self);
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0 || nld_check(d) < 0) return NULL;
    int final = v[1] ? pith_is_true(v[1]) : 0;
    if (final < 0) return NULL;
    PithObject *out;
    if (d->decoder != PITH_NONE) {
        PithObject *a[2] = {v[0], pith_bool_from(final)};
        PithObject *kwn = pith_tuple_pack(1, pith_io_istr("final"));
        PithObject *m = kwn ? pith_getattr_str(d->decoder, "decode") : NULL;
        out = m ? pith_call(m, a, 1, kwn) : NULL;
        PITH_XDECREF(m);
        PITH_XDECREF(kwn);
        if (!out) return NULL;
    } else {
        out = PITH_NEWREF(v[0]);
    }
    if (!pith_str_check(out)) {
        pith_err_format(&pith_exc_TypeError, "decoder should return a string result, not '%s'", pith_type_name(out));
        PITH_DECREF(out);
        return NULL;
    }
    PithObject *r = pith_io_nl_step(out, final, d->translate, &d->pendingcr, &d->seennl);
    PITH_DECREF(out);
    return r;
}

IO_METHOD(nld_getstate) {
    NLDecoder *d = NLD(self);
    if (nld_check(d) < 0) return NULL;
    PithObject *buf;
    int64_t flag = 0;
    if (d->decoder != PITH_NONE) {
        PithObject *st = pith_call_method(d->decoder, "getstate", NULL, 0);
        if (!st) return NULL;
        if (!pith_tuple_check(st) || PITH_SIZE(st) != 2) {
            PITH_DECREF(st);
            return pith_err_format(&pith_exc_TypeError, "illegal decoder state");
        }
        buf = PITH_NEWREF(PITH_TUPLE_GET(st, 0));
        flag = pith_int_as_i64(PITH_TUPLE_GET(st, 1));
        PITH_DECREF(st);
        if (flag == -1 && pith_err_occurred()) {
            PITH_DECREF(buf);
            return NULL;
        }
    } else {
        buf = pith_bytes_from(NULL, 0);
        if (!buf) return NULL;
    }
    flag = (flag << 1) | d->pendingcr;
    PithObject *f = pith_int_from_i64(flag);
    PithObject *t = f ? pith_tuple_pack(2, buf, f) : NULL;
    PITH_DECREF(buf);
    PITH_XDECREF(f);
    return t;
}

IO_METHOD(nld_setstate) {
    NLDecoder *d = NLD(self);
    if (nld_check(d) < 0) return NULL;
    PithObject *st = args[0];
    if (!pith_tuple_check(st) || PITH_SIZE(st) != 2)
        return pith_err_format(&pith_exc_TypeError, "state argument must be a tuple");
    int64_t flag = pith_int_as_i64(PITH_TUPLE_GET(st, 1));
    if (flag == -1 && pith_err_occurred()) return NULL;
    d->pendingcr = (char)(flag & 1);
    if (d->decoder != PITH_NONE) {
        PithObject *f = pith_int_from_i64(flag >> 1);
        PithObject *t = f ? pith_tuple_pack(2, PITH_TUPLE_GET(st, 0), f) : NULL;
        PITH_XDECREF(f);
        if (!t) return NULL;
        int r = pith_io_call_void(d->decoder, "setstate", &t, 1);
        PITH_DECREF(t);
        if (r < 0) return NULL;
    }
    PITH_RETURN_NONE;
}

IO_METHOD(nld_reset) {
    NLDecoder *d = NLD(self);
    if (nld_check(d) < 0) return NULL;
    d->seennl = 0;
    d->pendingcr = 0;
    if (d->decoder != PITH_NONE && pith_io_call_void(d->decoder, "reset", NULL, 0) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *nld_get_newlines(PithObject *o, void *c) {
    if (nld_check(NLD(o)) < 0) return NULL;
    return pith_io_newlines_value(NLD(o)->seennl);
}

static PithMethodDef nld_methods[] = {
    {"decode", nld_decode, PITH_METH_KW, NULL},
    {"getstate", nld_getstate, PITH_METH_NOARGS, NULL},
    {"setstate", nld_setstate, PITH_METH_O, NULL},
    {"reset", nld_reset, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef nld_getset[] = {
    {"newlines", nld_get_newlines, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_io_nldecoder_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_io.IncrementalNewlineDecoder",
    .tp_basicsize = sizeof(NLDecoder),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,
    .tp_dealloc = nld_dealloc,
    .tp_traverse = nld_traverse,
    .tp_clear = nld_clear,
    .tp_new = nld_new,
    .tp_init = nld_init,
    .tp_methods = nld_methods,
    .tp_getset = nld_getset,
};
