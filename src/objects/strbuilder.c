/* strbuilder.c — PithStrBuilder: accumulate code points, then produce a
 * canonical str. Invariant: buf[0..len) are the code points appended so far,
 * maxchar is their maximum (0 when empty), cap >= len. */
#include "str_impl.h"

#include <string.h>

void pith_sb_init(PithStrBuilder *sb) {
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    sb->maxchar = 0;
}

/* Make room for `more` further code points. */
static int sb_reserve(PithStrBuilder *sb, intptr_t more) {
    if (sb->len + more <= sb->cap) return 0;
    if (more > INTPTR_MAX / 8 - sb->len) {
        pith_err_no_memory();
        return -1;
    }
    intptr_t ncap = sb->cap ? sb->cap * 2 : 64;
    while (ncap < sb->len + more) ncap *= 2;
    uint32_t *nb = pith_mem_realloc(sb->buf, (size_t)ncap * sizeof(uint32_t));
    if (!nb) {
        pith_err_no_memory();
        return -1;
    }
    sb->buf = nb;
    sb->cap = ncap;
    return 0;
}

int pith_sb_append_char(PithStrBuilder *sb, uint32_t cp) {
    if (sb->len == sb->cap && sb_reserve(sb, 1) < 0) return -1;
    sb->buf[sb->len++] = cp;
    if (cp > sb->maxchar) sb->maxchar = cp;
    return 0;
}

int pith_sb_append_utf8(PithStrBuilder *sb, const char *s, intptr_t len) {
    if (len < 0) len = (intptr_t)strlen(s);
    intptr_t i = 0;
    while (i < len && !(s[i] & 0x80)) i++;
    if (i == len) { /* pure ASCII: append directly */
        if (sb_reserve(sb, len) < 0) return -1;
        for (intptr_t k = 0; k < len; k++) {
            uint32_t c = (uint8_t)s[k];
            sb->buf[sb->len++] = c;
            if (c > sb->maxchar) sb->maxchar = c;
        }
        return 0;
    }
    PithObject *str = pith_utf8_decode(s, len, PITH_ERR_REPLACE, "replace");
    if (!str) return -1;
    int r = pith_sb_append_str(sb, str);
    PITH_DECREF(str);
    return r;
}

int pith_sb_append_str(PithStrBuilder *sb, PithObject *str) {
    PithStr *s = (PithStr *)str;
    if (sb_reserve(sb, s->length) < 0) return -1;
    uint32_t m = sb->maxchar;
    for (intptr_t i = 0; i < s->length; i++) {
        uint32_t c = pith_str_read(s, i);
        sb->buf[sb->len + i] = c;
        if (c > m) m = c;
    }
    sb->len += s->length;
    sb->maxchar = m;
    return 0;
}

int pith_sb_append_repr(PithStrBuilder *sb, PithObject *obj) {
    PithObject *r = pith_repr(obj);
    if (!r) return -1;
    int rc = pith_sb_append_str(sb, r);
    PITH_DECREF(r);
    return rc;
}

PithObject *pith_sb_finish(PithStrBuilder *sb) {
    PithObject *r = pith_str_from_kind(4, sb->buf, sb->len);
    pith_sb_discard(sb);
    return r;
}

void pith_sb_discard(PithStrBuilder *sb) {
    pith_mem_free(sb->buf);
    pith_sb_init(sb);
}
