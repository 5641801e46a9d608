/* io_newline.c — newline translation and line splitting shared by
 * TextIOWrapper, StringIO and IncrementalNewlineDecoder. */
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
    /* Fast path: nothing to do. */
    bool any = lead_cr || hold;
    for (intptr_t i = 0; !any && i < n; i++) {
        uint32_t c = pith_str_read(s, i);
        any = c == '\r' || c == '\n';
    }
    if (!any) return PITH_NEWREF(text);
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
