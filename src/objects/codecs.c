/* codecs.c — the built-in text codecs: UTF-8, ASCII, Latin-1, UTF-16 and
 * UTF-32 (with/without BOM, LE/BE), in both directions, with the error handlers strict, replace, ignore,
 * surrogateescape, surrogatepass, backslashreplace (and, for encoding,
 * xmlcharrefreplace). Errors raise UnicodeDecodeError/UnicodeEncodeError
 * built from (encoding, object, start, end, reason) as CPython does, so
 * their messages match ("'utf-8' codec can't decode byte 0xff in position
 * 0: invalid start byte").
 */
#include "str_impl.h"
#include "pith/codecsmod.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* ---- names -------------------------------------------------------------- */

typedef enum {
    ENC_UTF8, ENC_ASCII, ENC_LATIN1, ENC_UTF16, ENC_UTF16LE, ENC_UTF16BE,
    ENC_UTF32, ENC_UTF32LE, ENC_UTF32BE, ENC_UNKNOWN
} Encoding;

/* Normalise: lower case, '-' and ' ' become '_'. Returns false if too long. */
static bool norm_name(const char *in, char *out, size_t cap) {
    size_t i = 0;
    for (; in[i]; i++) {
        if (i + 1 >= cap) return false;
        char c = (char)tolower((unsigned char)in[i]);
        out[i] = (c == '-' || c == ' ') ? '_' : c;
    }
    out[i] = 0;
    return true;
}

/* Known aliases (normalised), each with its codec. */
static const struct { const char *name; Encoding enc; } aliases[] = {
    {"utf_8", ENC_UTF8}, {"utf8", ENC_UTF8}, {"u8", ENC_UTF8}, {"utf", ENC_UTF8},
    {"cp65001", ENC_UTF8}, {"utf8_ucs2", ENC_UTF8}, {"utf8_ucs4", ENC_UTF8},
    {"ascii", ENC_ASCII}, {"us_ascii", ENC_ASCII}, {"646", ENC_ASCII}, {"us", ENC_ASCII},
    {"ansi_x3.4_1968", ENC_ASCII}, {"ansi_x3_4_1968", ENC_ASCII}, {"iso646_us", ENC_ASCII},
    {"cp367", ENC_ASCII},
    {"latin_1", ENC_LATIN1}, {"latin1", ENC_LATIN1}, {"iso_8859_1", ENC_LATIN1},
    {"iso8859_1", ENC_LATIN1}, {"8859", ENC_LATIN1}, {"cp819", ENC_LATIN1},
    {"latin", ENC_LATIN1}, {"l1", ENC_LATIN1}, {"iso_ir_100", ENC_LATIN1},
    {"utf_16", ENC_UTF16}, {"utf16", ENC_UTF16}, {"u16", ENC_UTF16},
    {"utf_16_le", ENC_UTF16LE}, {"utf_16le", ENC_UTF16LE},
    {"utf_16_be", ENC_UTF16BE}, {"utf_16be", ENC_UTF16BE},
    {"utf_32", ENC_UTF32}, {"utf32", ENC_UTF32}, {"u32", ENC_UTF32},
    {"utf_32_le", ENC_UTF32LE}, {"utf_32le", ENC_UTF32LE},
    {"utf_32_be", ENC_UTF32BE}, {"utf_32be", ENC_UTF32BE},
};

static Encoding lookup_encoding(const char *name) {
    char n[64];
    if (!name) return ENC_UTF8;
    if (!norm_name(name, n, sizeof n)) return ENC_UNKNOWN;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (!strcmp(n, aliases[i].name)) return aliases[i].enc;
    return ENC_UNKNOWN;
}

PithErrHandler pith_codec_error_handler(const char *e) {
    static const char *const names[] = {"strict", "replace", "ignore", "surrogateescape",
                                        "backslashreplace", "surrogatepass",
                                        "xmlcharrefreplace", "namereplace"};
    if (!e) return PITH_ERR_STRICT;
    for (int i = 0; i < PITH_ERR_UNKNOWN; i++)
        if (!strcmp(e, names[i])) return (PithErrHandler)i;
    return PITH_ERR_UNKNOWN;
}

/* ---- exceptions --------------------------------------------------------- */

/* Build exc_type(encoding, object, start, end, reason) and raise it. */
static void raise_unicode_error(PithType *t, const char *encoding, PithObject *object,
                                intptr_t start, intptr_t end, const char *reason) {
    PithObject *a[5] = {pith_str_from_cstr(encoding), object, pith_int_from_ssize(start),
                        pith_int_from_ssize(end), pith_str_from_cstr(reason)};
    if (a[0] && a[1] && a[2] && a[3] && a[4]) {
        PithObject *exc = pith_call((PithObject *)t, a, 5, NULL);
        if (exc) {
            pith_err_raise(exc);
            PITH_DECREF(exc);
        }
    }
    for (int i = 0; i < 5; i++)
        if (i != 1) PITH_XDECREF(a[i]);
}

void pith_raise_decode_error(const char *encoding, const char *data, intptr_t len,
                             intptr_t start, intptr_t end, const char *reason) {
    PithObject *b = pith_bytes_from(data, len);
    if (!b) return;
    raise_unicode_error(&pith_exc_UnicodeDecodeError, encoding, b, start, end, reason);
    PITH_DECREF(b);
}

void pith_raise_encode_error(const char *encoding, PithObject *str, intptr_t start,
                             intptr_t end, const char *reason) {
    raise_unicode_error(&pith_exc_UnicodeEncodeError, encoding, str, start, end, reason);
}

/* ---- decoding ------------------------------------------------------------ */

/* A handler registered with codecs.register_error: append its replacement
 * and set *endp to the position it returned. */
static int decode_custom(PithStrBuilder *sb, const char *errname, const char *encoding,
                         const char *data, intptr_t len, intptr_t start, intptr_t *endp,
                         const char *reason) {
    PithObject *obj = pith_bytes_from(data, len);
    if (!obj) return -1;
    intptr_t newpos;
    PithObject *repl = pith_codec_call_error_handler(errname, false, encoding, obj, start, *endp,
                                                     reason, &newpos);
    PITH_DECREF(obj);
    if (!repl) return -1;
    int r = pith_sb_append_str(sb, repl);
    PITH_DECREF(repl);
    if (r == 0) *endp = newpos;
    return r;
}

/* Handle the undecodable bytes data[start..*endp) per eh, appending to sb;
 * decoding resumes at *endp. Returns 0, or -1 with the error raised. */
static int decode_error(PithStrBuilder *sb, PithErrHandler eh, const char *errname,
                        const char *encoding, const char *data, intptr_t len,
                        intptr_t start, intptr_t *endp, const char *reason) {
    static const char hex[] = "0123456789abcdef";
    intptr_t end = *endp;
    switch (eh) {
    case PITH_ERR_REPLACE:
        return pith_sb_append_char(sb, 0xFFFD);
    case PITH_ERR_IGNORE:
        return 0;
    case PITH_ERR_SURROGATEESCAPE:
        for (intptr_t i = start; i < end; i++) {
            uint8_t b = (uint8_t)data[i];
            if (b < 128) break; /* CPython refuses to escape ASCII bytes */
            if (pith_sb_append_char(sb, 0xDC00 + b) < 0) return -1;
            if (i + 1 == end) return 0;
        }
        break;
    case PITH_ERR_BACKSLASHREPLACE:
        for (intptr_t i = start; i < end; i++) {
            uint8_t b = (uint8_t)data[i];
            char esc[5] = {'\\', 'x', hex[b >> 4], hex[b & 15], 0};
            if (pith_sb_append_utf8(sb, esc, 4) < 0) return -1;
        }
        return 0;
    case PITH_ERR_UNKNOWN:
        return decode_custom(sb, errname, encoding, data, len, start, endp, reason);
    default:
        break;
    }
    pith_raise_decode_error(encoding, data, len, start, end, reason);
    return -1;
}

/* Length of the valid UTF-8 sequence at s[i..len), or 0 with *bad_end and
 * *reason describing the invalid prefix. Surrogates (ED A0..BF) are valid
 * only when allow_surrogates. */
static int utf8_seq(const uint8_t *s, intptr_t i, intptr_t len, bool allow_surrogates,
                    uint32_t *cp, intptr_t *bad_end, const char **reason) {
    uint8_t b = s[i];
    int n;
    uint8_t lo = 0x80, hi = 0xBF;
    if (b < 0xC2 || b > 0xF4) {
        *bad_end = i + 1;
        *reason = "invalid start byte";
        return 0;
    }
    if (b < 0xE0) { n = 2; *cp = b & 0x1F; }
    else if (b < 0xF0) { n = 3; *cp = b & 0x0F; }
    else { n = 4; *cp = b & 0x07; }
    if (b == 0xE0) lo = 0xA0;
    else if (b == 0xED && !allow_surrogates) hi = 0x9F;
    else if (b == 0xF0) lo = 0x90;
    else if (b == 0xF4) hi = 0x8F;
    for (int k = 1; k < n; k++) {
        if (i + k >= len) {
            *bad_end = i + k;
            *reason = "unexpected end of data";
            return 0;
        }
        uint8_t c = s[i + k];
        if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) {
            *bad_end = i + k;
            *reason = "invalid continuation byte";
            return 0;
        }
        *cp = (*cp << 6) | (c & 0x3F);
    }
    return n;
}

PithObject *pith_utf8_decode(const char *data, intptr_t len, PithErrHandler eh,
                             const char *errors) {
    const uint8_t *s = (const uint8_t *)data;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    intptr_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            if (pith_sb_append_char(&sb, s[i++]) < 0) goto fail;
            continue;
        }
        uint32_t cp;
        intptr_t bad_end = 0;
        const char *reason = NULL;
        int n = utf8_seq(s, i, len, eh == PITH_ERR_SURROGATEPASS, &cp, &bad_end, &reason);
        if (n) {
            if (pith_sb_append_char(&sb, cp) < 0) goto fail;
            i += n;
            continue;
        }
        if (decode_error(&sb, eh, errors, "utf-8", data, len, i, &bad_end, reason) < 0) goto fail;
        i = bad_end;
    }
    return pith_sb_finish(&sb);
fail:
    pith_sb_discard(&sb);
    return NULL;
}

static PithObject *ascii_decode(const char *data, intptr_t len, PithErrHandler eh,
                                const char *errors) {
    intptr_t i = 0;
    while (i < len && !(data[i] & 0x80)) i++;
    if (i == len) return pith_str_from_kind(1, data, len);
    PithStrBuilder sb;
    pith_sb_init(&sb);
    for (i = 0; i < len; i++) {
        uint8_t b = (uint8_t)data[i];
        intptr_t next = i + 1;
        int r = b < 128 ? pith_sb_append_char(&sb, b)
                        : decode_error(&sb, eh, errors, "ascii", data, len, i, &next,
                                       "ordinal not in range(128)");
        i = next - 1;
        if (r < 0) {
            pith_sb_discard(&sb);
            return NULL;
        }
    }
    return pith_sb_finish(&sb);
}

/* Read a w-byte code unit. */
static uint32_t get_unit(const uint8_t *p, int w, bool be) {
    uint32_t u = 0;
    for (int k = 0; k < w; k++) u |= (uint32_t)p[k] << (be ? 8 * (w - 1 - k) : 8 * k);
    return u;
}

/* Why the w-byte unit(s) at s[i..] cannot be decoded (NULL = fine); sets
 * *cp and *n (bytes consumed, or the error range length). */
static const char *utf16_32_step(const uint8_t *s, intptr_t i, intptr_t len, int w, bool be,
                                 uint32_t *cp, intptr_t *n) {
    *n = w;
    if (len - i < w) {
        *n = len - i;
        return "truncated data";
    }
    uint32_t u = *cp = get_unit(s + i, w, be);
    if (w == 4) {
        if (u > 0x10FFFF) return "code point not in range(0x110000)";
        if (u >= 0xD800 && u <= 0xDFFF)
            return "code point in surrogate code point range(0xd800, 0xe000)";
        return NULL;
    }
    if (u < 0xD800 || u > 0xDFFF) return NULL;
    if (u >= 0xDC00) return "illegal encoding";
    if (len - i < 4) {
        *n = len - i;
        return "unexpected end of data";
    }
    uint32_t lo = get_unit(s + i + 2, 2, be);
    if (lo < 0xDC00 || lo > 0xDFFF) return "illegal UTF-16 surrogate";
    *cp = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
    *n = 4;
    return NULL;
}

/* UTF-16/UTF-32 (w = 2/4); detect_bom: honour and strip a leading BOM. */
static PithObject *utf16_32_decode(const char *data, intptr_t len, int w, bool be,
                                   bool detect_bom, PithErrHandler eh, const char *errors) {
    const uint8_t *s = (const uint8_t *)data;
    intptr_t i = 0;
    if (detect_bom && len >= w) {
        uint32_t le = get_unit(s, w, false), bev = get_unit(s, w, true);
        if (le == 0xFEFF || bev == 0xFEFF) {
            be = bev == 0xFEFF;
            i = w;
        }
    }
    const char *name = w == 2 ? (be ? "utf-16-be" : "utf-16-le") : (be ? "utf-32-be" : "utf-32-le");
    PithStrBuilder sb;
    pith_sb_init(&sb);
    while (i < len) {
        uint32_t cp;
        intptr_t n;
        const char *why = utf16_32_step(s, i, len, w, be, &cp, &n);
        intptr_t next = i + n;
        int r = why ? decode_error(&sb, eh, errors, name, data, len, i, &next, why)
                    : pith_sb_append_char(&sb, cp);
        if (r < 0) {
            pith_sb_discard(&sb);
            return NULL;
        }
        i = next;
    }
    return pith_sb_finish(&sb);
}

PithObject *pith_codec_utf16_32_decode(const char *data, intptr_t len, int w, bool be,
                                       const char *errors) {
    return utf16_32_decode(data, len, w, be, false, pith_codec_error_handler(errors), errors);
}

bool pith_codec_is_native(const char *encoding) {
    return lookup_encoding(encoding) != ENC_UNKNOWN;
}

PithObject *pith_str_decode(const char *data, intptr_t len, const char *encoding,
                            const char *errors) {
    Encoding e = lookup_encoding(encoding);
    PithErrHandler eh = pith_codec_error_handler(errors);
    if (e == ENC_UNKNOWN) return pith_codec_registry_decode(data, len, encoding, errors);
    if (e == ENC_LATIN1) return pith_str_from_latin1(data, len);
    if (e == ENC_ASCII) return ascii_decode(data, len, eh, errors);
    if (e != ENC_UTF8) {
        int w = e >= ENC_UTF32 ? 4 : 2;
        bool be = e == ENC_UTF16BE || e == ENC_UTF32BE;
        return utf16_32_decode(data, len, w, be, e == ENC_UTF16 || e == ENC_UTF32, eh, errors);
    }
    return pith_utf8_decode(data, len, eh, errors);
}

/* ---- encoding ------------------------------------------------------------ */

/* Growable byte buffer for encoders. */
typedef struct ByteBuf {
    char *p;
    intptr_t len, cap;
} ByteBuf;

static int bb_put(ByteBuf *b, const void *src, intptr_t n) {
    if (b->len + n > b->cap) {
        intptr_t nc = b->cap ? b->cap * 2 : 64;
        while (nc < b->len + n) nc *= 2;
        char *np = pith_mem_realloc(b->p, (size_t)nc);
        if (!np) {
            pith_err_no_memory();
            return -1;
        }
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->len, src, (size_t)n);
    b->len += n;
    return 0;
}

static int bb_utf8(ByteBuf *b, uint32_t c) {
    char t[4];
    int n;
    if (c < 0x80) { t[0] = (char)c; n = 1; }
    else if (c < 0x800) { t[0] = (char)(0xC0 | (c >> 6)); t[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
    else if (c < 0x10000) {
        t[0] = (char)(0xE0 | (c >> 12)); t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        t[2] = (char)(0x80 | (c & 0x3F)); n = 3;
    } else {
        t[0] = (char)(0xF0 | (c >> 18)); t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((c >> 6) & 0x3F)); t[3] = (char)(0x80 | (c & 0x3F)); n = 4;
    }
    return bb_put(b, t, n);
}

static PithObject *bb_finish(ByteBuf *b) {
    PithObject *r = pith_bytes_from(b->p, b->len);
    pith_mem_free(b->p);
    return r;
}

/* Per-encoding rule: is c encodable directly, and how is it written.
 * width: 0 = UTF-8, 1 = one byte per char, 2 = UTF-16, 4 = UTF-32. */
typedef struct EncSpec {
    const char *name;
    uint32_t limit; /* first code point that is not encodable */
    int width;
    bool big_endian, bom;
    const char *reason;
} EncSpec;

static bool enc_ok(const EncSpec *sp, uint32_t c) {
    if (sp->width == 1) return c < sp->limit;
    return c < 0xD800 || c > 0xDFFF;
}

/* Write one code unit of `w` bytes in the spec's byte order. */
static int put_unit(ByteBuf *b, const EncSpec *sp, uint32_t u, int w) {
    char t[4];
    for (int k = 0; k < w; k++) {
        int shift = sp->big_endian ? 8 * (w - 1 - k) : 8 * k;
        t[k] = (char)((u >> shift) & 0xFF);
    }
    return bb_put(b, t, w);
}

static int enc_put(ByteBuf *b, const EncSpec *sp, uint32_t c) {
    switch (sp->width) {
    case 0: return bb_utf8(b, c);
    case 1: return put_unit(b, sp, c, 1);
    case 4: return put_unit(b, sp, c, 4);
    }
    if (c < 0x10000) return put_unit(b, sp, c, 2);
    c -= 0x10000;
    if (put_unit(b, sp, 0xD800 | (c >> 10), 2) < 0) return -1;
    return put_unit(b, sp, 0xDC00 | (c & 0x3FF), 2);
}

/* Write ASCII replacement text through the codec. */
static int enc_put_text(ByteBuf *b, const EncSpec *sp, const char *t) {
    for (; *t; t++)
        if (enc_put(b, sp, (uint8_t)*t) < 0) return -1;
    return 0;
}

/* A handler registered with codecs.register_error: write its replacement
 * and move *next to the position it returned. */
static int encode_custom(ByteBuf *b, const EncSpec *sp, const char *errname, PithObject *str,
                         intptr_t start, intptr_t *next) {
    intptr_t newpos;
    PithObject *repl = pith_codec_call_error_handler(errname, true, sp->name, str, start, *next,
                                                     sp->reason, &newpos);
    if (!repl) return -1;
    int r = 0;
    if (pith_bytes_check(repl)) {
        r = bb_put(b, PITH_BYTES_DATA(repl), PITH_SIZE(repl));
    } else {
        PithStr *t = (PithStr *)repl;
        for (intptr_t k = 0; r == 0 && k < t->length; k++) {
            uint32_t c = pith_str_read(t, k);
            if (enc_ok(sp, c) && (sp->width != 1 || c < sp->limit)) r = enc_put(b, sp, c);
            else {
                pith_raise_encode_error(sp->name, str, start, *next, sp->reason);
                r = -1;
            }
        }
    }
    PITH_DECREF(repl);
    if (r == 0) *next = newpos;
    return r;
}

/* Handle unencodable s[start..*end) (all failing chars) per eh; *end is
 * where encoding resumes. */
static int encode_error(ByteBuf *b, const EncSpec *sp, PithErrHandler eh, const char *errname,
                        PithObject *str, intptr_t start, intptr_t *endp) {
    if (eh == PITH_ERR_UNKNOWN) return encode_custom(b, sp, errname, str, start, endp);
    intptr_t end = *endp;
    PithStr *s = (PithStr *)str;
    for (intptr_t i = start; i < end; i++) {
        uint32_t c = pith_str_read(s, i);
        char tmp[32];
        int r = 0;
        switch (eh) {
        case PITH_ERR_REPLACE: r = enc_put_text(b, sp, "?"); break;
        case PITH_ERR_IGNORE: break;
        case PITH_ERR_SURROGATEESCAPE:
            if (c < 0xDC80 || c > 0xDCFF) goto strict;
            tmp[0] = (char)(c - 0xDC00);
            r = bb_put(b, tmp, 1);
            break;
        case PITH_ERR_SURROGATEPASS:
            if (sp->width == 1 || c < 0xD800 || c > 0xDFFF) goto strict;
            r = sp->width == 2 ? put_unit(b, sp, c, 2) : enc_put(b, sp, c);
            break;
        case PITH_ERR_BACKSLASHREPLACE:
            if (c < 0x100) snprintf(tmp, sizeof tmp, "\\x%02x", c);
            else if (c < 0x10000) snprintf(tmp, sizeof tmp, "\\u%04x", c);
            else snprintf(tmp, sizeof tmp, "\\U%08x", c);
            r = enc_put_text(b, sp, tmp);
            break;
        case PITH_ERR_XMLCHARREFREPLACE:
            snprintf(tmp, sizeof tmp, "&#%u;", c);
            r = enc_put_text(b, sp, tmp);
            break;
        default:
            goto strict;
        }
        if (r < 0) return -1;
    }
    return 0;
strict:
    pith_raise_encode_error(sp->name, str, start, end, sp->reason);
    return -1;
}

static PithObject *encode_with(PithObject *str, const EncSpec *sp, PithErrHandler eh,
                               const char *errname) {
    PithStr *s = (PithStr *)str;
    bool bytewise = sp->width == 1 || (sp->width == 0 && s->ascii);
    if (bytewise && (s->ascii || (sp->limit == 256 && s->kind == 1)))
        return pith_bytes_from(PITH_STR_DATA(s), s->length);
    ByteBuf b = {NULL, 0, 0};
    if (sp->bom && enc_put(&b, sp, 0xFEFF) < 0) goto fail;
    intptr_t i = 0, n = s->length;
    while (i < n) {
        uint32_t c = pith_str_read(s, i);
        if (enc_ok(sp, c)) {
            if (enc_put(&b, sp, c) < 0) goto fail;
            i++;
            continue;
        }
        intptr_t j = i + 1;
        while (j < n && !enc_ok(sp, pith_str_read(s, j))) j++;
        if (encode_error(&b, sp, eh, errname, str, i, &j) < 0) goto fail;
        i = j;
    }
    return bb_finish(&b);
fail:
    pith_mem_free(b.p);
    return NULL;
}

#define SURR "surrogates not allowed"
/* Indexed by Encoding. */
static const EncSpec enc_specs[] = {
    [ENC_UTF8] = {"utf-8", 0x110000, 0, false, false, SURR},
    [ENC_ASCII] = {"ascii", 128, 1, false, false, "ordinal not in range(128)"},
    [ENC_LATIN1] = {"latin-1", 256, 1, false, false, "ordinal not in range(256)"},
    [ENC_UTF16] = {"utf-16", 0x110000, 2, false, true, SURR},
    [ENC_UTF16LE] = {"utf-16-le", 0x110000, 2, false, false, SURR},
    [ENC_UTF16BE] = {"utf-16-be", 0x110000, 2, true, false, SURR},
    [ENC_UTF32] = {"utf-32", 0x110000, 4, false, true, SURR},
    [ENC_UTF32LE] = {"utf-32-le", 0x110000, 4, false, false, SURR},
    [ENC_UTF32BE] = {"utf-32-be", 0x110000, 4, true, false, SURR},
};
#undef SURR

PithObject *pith_str_encode_utf8(PithObject *s, const char *errors) {
    PithErrHandler eh = pith_codec_error_handler(errors);
    return encode_with(s, &enc_specs[ENC_UTF8], eh, errors);
}

PithObject *pith_str_encode(PithObject *s, const char *encoding, const char *errors) {
    Encoding e = lookup_encoding(encoding);
    if (e == ENC_UNKNOWN) return pith_codec_registry_encode(s, encoding, errors);
    PithErrHandler eh = pith_codec_error_handler(errors);
    return encode_with(s, &enc_specs[e], eh, errors);
}
