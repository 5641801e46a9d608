/* codecsmod.c — the _codecs module: the codec registry (register, lookup,
 * encode/decode through search functions), the error-handler registry, and
 * the codec primitives the pure-Python `encodings` package builds on
 * (utf_8_*, ascii_*, latin_1_*, utf_16/32_*, escape_*, unicode_escape_*,
 * raw_unicode_escape_*, charmap_*).
 * Invariants: `search_path` is a list of callables; `codec_cache` maps the
 * normalised encoding name to the CodecInfo a search function returned;
 * `error_registry` maps handler names to callables (the builtin ones are
 * registered at module creation). All three live for the process. */
#include "pith/pith.h"
#include "pith/codecsmod.h"
#include "pith/memoryview.h"
#include "pith/import.h"
#include "../objects/str_impl.h"

#include <stdio.h>
#include <string.h>

static PithObject *search_path, *codec_cache, *error_registry;
static bool encodings_imported;

/* ---- small helpers ------------------------------------------------------ */

/* Interned str, borrowed (the intern table owns a reference). */
static PithObject *istr(const char *s) {
    PithObject *o = pith_str_intern_cstr(s);
    if (o) PITH_DECREF(o);
    return o;
}

static const char *opt_str(PithObject *o, const char *dflt, const char *fname, int argno) {
    if (!o || o == PITH_NONE) return dflt;
    if (!pith_str_check(o)) {
        pith_err_format(&pith_exc_TypeError, "%s() argument %d must be str or None, not %s",
                        fname, argno, pith_type_name(o));
        return NULL;
    }
    return pith_str_utf8(o);
}

static int opt_bool(PithObject *o, bool *out) {
    *out = false;
    if (!o) return 0;
    int r = pith_is_true(o);
    if (r < 0) return -1;
    *out = r;
    return 0;
}

/* (obj, n) — steals obj. */
static PithObject *pair(PithObject *obj, intptr_t n) {
    if (!obj) return NULL;
    PithObject *i = pith_int_from_ssize(n);
    PithObject *t = i ? pith_tuple_pack(2, obj, i) : NULL;
    PITH_DECREF(obj);
    PITH_XDECREF(i);
    return t;
}

/* Lower case, spaces become hyphens (the registry's normalisation). */
static PithObject *normalize(PithObject *name) {
    intptr_t n;
    const char *s = pith_str_utf8_size(name, &n);
    if (!s) return NULL;
    char *b = pith_mem_malloc((size_t)n + 1);
    if (!b) return pith_err_no_memory();
    for (intptr_t i = 0; i < n; i++) {
        char c = s[i];
        b[i] = c == ' ' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    PithObject *r = pith_str_from_utf8(b, n);
    pith_mem_free(b);
    return r;
}

/* ---- the registry -------------------------------------------------------- */

static PithObject *m_register(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    if (!pith_callable_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, "argument must be callable");
    if (pith_list_append(search_path, a[0]) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *m_unregister(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    intptr_t len = PITH_SIZE(search_path);
    for (intptr_t i = 0; i < len; i++)
        if (PITH_LIST_GET(search_path, i) == a[0]) {
            pith_dict_clear(codec_cache);
            PithObject *k = pith_int_from_ssize(i);
            int r = k ? pith_delitem(search_path, k) : -1;
            PITH_XDECREF(k);
            if (r < 0) return NULL;
            break;
        }
    PITH_RETURN_NONE;
}

/* CodecInfo for an encoding name (new ref), or NULL with LookupError. */
static PithObject *codec_lookup(PithObject *encoding) {
    if (!encodings_imported) {
        encodings_imported = true;
        PithObject *nm = pith_str_from_cstr("encodings");
        PithObject *mod = nm ? pith_import_module(nm) : NULL;
        PITH_XDECREF(nm);
        if (!mod) return NULL;
        PITH_DECREF(mod);
    }
    PithObject *key = normalize(encoding);
    if (!key) return NULL;
    PithObject *hit = pith_dict_get_item(codec_cache, key);
    if (hit) {
        PITH_DECREF(key);
        return PITH_NEWREF(hit);
    }
    if (pith_err_occurred()) goto fail;
    for (intptr_t i = 0; i < PITH_SIZE(search_path); i++) {
        PithObject *r = pith_call_one(PITH_LIST_GET(search_path, i), key);
        if (!r) goto fail;
        if (r == PITH_NONE) continue;
        if (!pith_tuple_check(r) || PITH_SIZE(r) != 4) {
            PITH_DECREF(r);
            pith_err_set_string(&pith_exc_TypeError, "codec search functions must return 4-tuples");
            goto fail;
        }
        if (pith_dict_set_item(codec_cache, key, r) < 0) {
            PITH_DECREF(r);
            goto fail;
        }
        PITH_DECREF(key);
        return r;
    }
    pith_err_format(&pith_exc_LookupError, "unknown encoding: %U", encoding);
fail:
    PITH_DECREF(key);
    return NULL;
}

static PithObject *m_lookup(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, "lookup() argument must be str, not %s",
                               pith_type_name(a[0]));
    return codec_lookup(a[0]);
}

static PithObject *m_forget(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, "_forget_codec() argument must be str, not %s",
                               pith_type_name(a[0]));
    PithObject *key = normalize(a[0]);
    if (!key) return NULL;
    int r = pith_dict_contains(codec_cache, key);
    if (r > 0) r = pith_dict_del_item(codec_cache, key);
    PITH_DECREF(key);
    if (r < 0) return NULL;
    PITH_RETURN_NONE;
}

/* codecinfo[which](obj, errors) -> result[0]; checks the 2-tuple shape. */
static PithObject *run_codec(PithObject *info, int which, PithObject *obj, const char *errors) {
    PithObject *fn = PITH_TUPLE_GET(info, which);
    PithObject *args[2] = {obj, NULL};
    size_t na = 1;
    if (errors) {
        args[1] = pith_str_from_cstr(errors);
        if (!args[1]) return NULL;
        na = 2;
    }
    PithObject *r = pith_call(fn, args, na, NULL);
    PITH_XDECREF(args[1]);
    if (!r) return NULL;
    if (!pith_tuple_check(r) || PITH_SIZE(r) != 2) {
        PITH_DECREF(r);
        return pith_err_format(&pith_exc_TypeError, which ? "decoder must return a tuple (object,integer)"
                                                          : "encoder must return a tuple (object, integer)");
    }
    PithObject *v = PITH_NEWREF(PITH_TUPLE_GET(r, 0));
    PITH_DECREF(r);
    return v;
}

static PithObject *codec_call(PithObject *obj, PithObject *encoding, const char *errors, int which) {
    PithObject *info = codec_lookup(encoding);
    if (!info) return NULL;
    PithObject *r = run_codec(info, which, obj, errors);
    PITH_DECREF(info);
    return r;
}

static PithObject *encode_decode(PithObject *const *a, size_t n, PithObject *kw, int which) {
    static const char *const kwl[] = {"obj", "encoding", "errors", NULL};
    static const PithArgSpec specs[2] = {{"encode", kwl, 3, 0, 1, 3}, {"decode", kwl, 3, 0, 1, 3}};
    PithObject *v[3];
    if (pith_arg_parse(&specs[which], a, n, kw, v) < 0) return NULL;
    PithObject *enc = v[1];
    const char *errors = v[2] ? opt_str(v[2], NULL, specs[which].fname, 3) : NULL;
    if (v[2] && !errors) return NULL;
    if (enc && !pith_str_check(enc))
        return pith_err_format(&pith_exc_TypeError, "%s() argument 'encoding' must be str, not %s",
                               specs[which].fname, pith_type_name(enc));
    PithObject *dflt = enc ? NULL : pith_str_from_cstr("utf-8");
    if (!enc && !dflt) return NULL;
    PithObject *r = codec_call(v[0], enc ? enc : dflt, errors, which);
    PITH_XDECREF(dflt);
    return r;
}

static PithObject *m_encode(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    return encode_decode(a, n, kw, 0);
}
static PithObject *m_decode(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    return encode_decode(a, n, kw, 1);
}

/* Is this CodecInfo a text encoding (no _is_text_encoding=False)? */
static int is_text_encoding(PithObject *info) {
    PithObject *v;
    int r = pith_lookup_attr(info, istr("_is_text_encoding"), &v);
    if (r <= 0) return r == 0 ? 1 : -1;
    r = pith_is_true(v);
    PITH_DECREF(v);
    return r;
}

static PithObject *registry_text_codec(const char *encoding, PithObject **name) {
    *name = pith_str_from_cstr(encoding ? encoding : "utf-8");
    if (!*name) return NULL;
    PithObject *info = codec_lookup(*name);
    if (!info) return NULL;
    int t = is_text_encoding(info);
    if (t > 0) return info;
    PITH_DECREF(info);
    if (t == 0)
        pith_err_format(&pith_exc_LookupError,
                        "'%s' is not a text encoding; use codecs.%s() to handle arbitrary codecs",
                        encoding, "encode");
    return NULL;
}

PithObject *pith_codec_registry_encode(PithObject *str, const char *encoding, const char *errors) {
    PithObject *name, *info = registry_text_codec(encoding, &name), *r = NULL;
    if (info) r = run_codec(info, 0, str, errors);
    if (r && !pith_bytes_check(r)) {
        pith_err_format(&pith_exc_TypeError,
                        "'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to "
                        "encode to arbitrary types", encoding, pith_type_name(r));
        PITH_CLEAR(r);
    }
    PITH_XDECREF(info);
    PITH_XDECREF(name);
    return r;
}

PithObject *pith_codec_registry_decode(const char *data, intptr_t len, const char *encoding,
                                       const char *errors) {
    PithObject *name, *info = registry_text_codec(encoding, &name), *r = NULL;
    if (info && pith_err_occurred() == NULL) {
        PithObject *b = pith_bytes_from(data, len);
        if (b) r = run_codec(info, 1, b, errors);
        PITH_XDECREF(b);
    }
    if (!info && pith_err_matches(&pith_exc_LookupError)) {
        /* decode wording differs from encode */
        PithObject *e = pith_err_occurred();
        PithObject *msg = e ? pith_str(e) : NULL;
        const char *ms = msg ? pith_str_utf8(msg) : NULL;
        if (ms && strstr(ms, "codecs.encode()")) {
            pith_err_clear();
            pith_err_format(&pith_exc_LookupError,
                            "'%s' is not a text encoding; use codecs.decode() to handle arbitrary codecs",
                            encoding);
        }
        PITH_XDECREF(msg);
    }
    if (r && !pith_str_check(r)) {
        pith_err_format(&pith_exc_TypeError,
                        "'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to "
                        "decode to arbitrary types", encoding, pith_type_name(r));
        PITH_CLEAR(r);
    }
    PITH_XDECREF(info);
    PITH_XDECREF(name);
    return r;
}

/* ---- error handlers ------------------------------------------------------- */

static PithObject *m_register_error(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    if (pith_arg_check_range("register_error", n, 2, 2) < 0) return NULL;
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, "register_error() argument 1 must be str, not %s",
                               pith_type_name(a[0]));
    if (!pith_callable_check(a[1]))
        return pith_err_format(&pith_exc_TypeError, "handler must be callable");
    if (pith_dict_set_item(error_registry, a[0], a[1]) < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *m_lookup_error(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, "lookup_error() argument must be str, not %s",
                               pith_type_name(a[0]));
    PithObject *h = pith_dict_get_item(error_registry, a[0]);
    if (h) return PITH_NEWREF(h);
    if (pith_err_occurred()) return NULL;
    return pith_err_format(&pith_exc_LookupError, "unknown error handler name '%U'", a[0]);
}

PithObject *pith_codec_call_error_handler(const char *name, bool encode, const char *encoding,
                                          PithObject *object, intptr_t start, intptr_t end,
                                          const char *reason, intptr_t *newpos) {
    if (!error_registry) {
        pith_err_format(&pith_exc_LookupError, "unknown error handler name '%s'", name);
        return NULL;
    }
    PithObject *h = pith_dict_get_item_str(error_registry, name);
    if (!h) {
        if (!pith_err_occurred())
            pith_err_format(&pith_exc_LookupError, "unknown error handler name '%s'", name);
        return NULL;
    }
    PithType *et = encode ? &pith_exc_UnicodeEncodeError : &pith_exc_UnicodeDecodeError;
    PithObject *a[5] = {pith_str_from_cstr(encoding), object, pith_int_from_ssize(start),
                        pith_int_from_ssize(end), pith_str_from_cstr(reason)};
    PithObject *exc = a[0] && a[2] && a[3] && a[4] ? pith_call((PithObject *)et, a, 5, NULL) : NULL;
    for (int i = 0; i < 5; i++)
        if (i != 1) PITH_XDECREF(a[i]);
    if (!exc) return NULL;
    PithObject *r = pith_call_one(h, exc);
    PITH_DECREF(exc);
    if (!r) return NULL;
    PithObject *repl = NULL;
    if (pith_tuple_check(r) && PITH_SIZE(r) == 2 && pith_index_check(PITH_TUPLE_GET(r, 1)) &&
        (pith_str_check(PITH_TUPLE_GET(r, 0)) || (encode && pith_bytes_check(PITH_TUPLE_GET(r, 0))))) {
        intptr_t len = pith_str_check(object) ? PITH_STR_LEN(object) : PITH_SIZE(object);
        intptr_t pos = pith_number_as_ssize(PITH_TUPLE_GET(r, 1), &pith_exc_OverflowError);
        if (!(pos == -1 && pith_err_occurred())) {
            if (pos < 0) pos += len;
            if (pos < 0 || pos > len)
                pith_err_format(&pith_exc_IndexError, "position %zd from error handler out of bounds", pos);
            else {
                *newpos = pos;
                repl = PITH_NEWREF(PITH_TUPLE_GET(r, 0));
            }
        }
    } else {
        pith_err_set_string(&pith_exc_TypeError, encode ? "encoding error handler must return (str/bytes, int) tuple"
                                                        : "decoding error handler must return (str, int) tuple");
    }
    PITH_DECREF(r);
    return repl;
}

/* Fetch exc.start/end/object; kind 'e' encode, 'd' decode, 't' translate. */
static int exc_parts(PithObject *exc, char *kind, intptr_t *start, intptr_t *end, PithObject **obj) {
    if (pith_type_ok(exc, &pith_exc_UnicodeEncodeError)) *kind = 'e';
    else if (pith_type_ok(exc, &pith_exc_UnicodeDecodeError)) *kind = 'd';
    else if (pith_type_ok(exc, &pith_exc_UnicodeTranslateError)) *kind = 't';
    else {
        pith_err_format(&pith_exc_TypeError, "don't know how to handle %s in error callback",
                        pith_type_name(exc));
        return -1;
    }
    PithObject *s = pith_getattr_str(exc, "start");
    PithObject *e = s ? pith_getattr_str(exc, "end") : NULL;
    *obj = e ? pith_getattr_str(exc, "object") : NULL;
    int r = -1;
    if (*obj) {
        *start = pith_number_as_ssize(s, NULL);
        *end = pith_number_as_ssize(e, NULL);
        r = pith_err_occurred() ? -1 : 0;
        intptr_t len = pith_str_check(*obj) ? PITH_STR_LEN(*obj) : PITH_SIZE(*obj);
        if (*start < 0) *start = 0;
        if (*start > len) *start = len;
        if (*end > len) *end = len;
        if (*end < *start) *end = *start;
    }
    PITH_XDECREF(s);
    PITH_XDECREF(e);
    if (r < 0) PITH_CLEAR(*obj);
    return r;
}

static PithObject *wrong_kind(PithObject *exc) {
    return pith_err_format(&pith_exc_TypeError, "don't know how to handle %s in error callback",
                           pith_type_name(exc));
}

/* (replacement, end) — steals repl. */
static PithObject *handler_result(PithObject *repl, intptr_t end) { return pair(repl, end); }

static PithObject *h_strict(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    if (pith_type_ok(a[0], &pith_exc_BaseException)) {
        pith_err_raise(a[0]);
        return NULL;
    }
    return pith_err_format(&pith_exc_TypeError, "codec must pass exception instance");
}

static PithObject *h_ignore(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    char k;
    intptr_t s, e;
    PithObject *o;
    if (exc_parts(a[0], &k, &s, &e, &o) < 0) return NULL;
    PITH_DECREF(o);
    return handler_result(pith_str_empty(), e);
}

static PithObject *h_replace(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    char k;
    intptr_t s, e;
    PithObject *o;
    if (exc_parts(a[0], &k, &s, &e, &o) < 0) return NULL;
    PITH_DECREF(o);
    if (k == 'd') return handler_result(pith_str_from_char(0xFFFD), e);
    PithObject *c = pith_str_from_char(k == 'e' ? '?' : 0xFFFD);
    PithObject *r = c ? pith_str_repeat(c, e - s) : NULL;
    PITH_XDECREF(c);
    return handler_result(r, e);
}

/* Build replacement text for s[start..end) of str/bytes obj with fmt per char. */
static PithObject *escape_range(PithObject *o, char kind, intptr_t s, intptr_t e, bool xml) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    for (intptr_t i = s; i < e; i++) {
        uint32_t c = kind == 'd' ? (uint8_t)PITH_BYTES_DATA(o)[i] : pith_str_read((PithStr *)o, i);
        char t[32];
        if (xml) snprintf(t, sizeof t, "&#%u;", (unsigned)c);
        else if (c < 0x100) snprintf(t, sizeof t, "\\x%02x", (unsigned)c);
        else if (c < 0x10000) snprintf(t, sizeof t, "\\u%04x", (unsigned)c);
        else snprintf(t, sizeof t, "\\U%08x", (unsigned)c);
        if (pith_sb_append_utf8(&sb, t, -1) < 0) {
            pith_sb_discard(&sb);
            return NULL;
        }
    }
    return pith_sb_finish(&sb);
}

static PithObject *h_backslash(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    char k;
    intptr_t s, e;
    PithObject *o;
    if (exc_parts(a[0], &k, &s, &e, &o) < 0) return NULL;
    if (k == 'd' && !pith_bytes_check(o)) {
        PITH_DECREF(o);
        return wrong_kind(a[0]);
    }
    PithObject *r = escape_range(o, k, s, e, false);
    PITH_DECREF(o);
    return handler_result(r, e);
}

static PithObject *h_xmlcharref(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    char k;
    intptr_t s, e;
    PithObject *o;
    if (exc_parts(a[0], &k, &s, &e, &o) < 0) return NULL;
    if (k != 'e') {
        PITH_DECREF(o);
        return wrong_kind(a[0]);
    }
    PithObject *r = escape_range(o, k, s, e, true);
    PITH_DECREF(o);
    return handler_result(r, e);
}

static PithObject *h_namereplace(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    /* no Unicode name database yet: fall back to backslash escapes */
    char k;
    intptr_t s, e;
    PithObject *o;
    if (exc_parts(a[0], &k, &s, &e, &o) < 0) return NULL;
    if (k != 'e') {
        PITH_DECREF(o);
        return wrong_kind(a[0]);
    }
    PithObject *r = escape_range(o, k, s, e, false);
    PITH_DECREF(o);
    return handler_result(r, e);
}

/* Re-raise the original error (surrogate handlers that cannot help). */
static PithObject *reraise(PithObject *exc, PithObject *o) {
    PITH_XDECREF(o);
    pith_err_raise(exc);
    return NULL;
}

static PithObject *h_surrogateescape(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    char k;
    intptr_t s, e;
    PithObject *o;
    if (exc_parts(a[0], &k, &s, &e, &o) < 0) return NULL;
    if (k == 'e') {
        char *buf = pith_mem_malloc((size_t)(e - s) + 1);
        if (!buf) return PITH_DECREF(o), pith_err_no_memory();
        for (intptr_t i = s; i < e; i++) {
            uint32_t c = pith_str_read((PithStr *)o, i);
            if (c < 0xDC80 || c > 0xDCFF) {
                pith_mem_free(buf);
                return reraise(a[0], o);
            }
            buf[i - s] = (char)(c - 0xDC00);
        }
        PithObject *b = pith_bytes_from(buf, e - s);
        pith_mem_free(buf);
        PITH_DECREF(o);
        return handler_result(b, e);
    }
    if (k != 'd' || !pith_bytes_check(o)) return PITH_DECREF(o), wrong_kind(a[0]);
    PithStrBuilder sb;
    pith_sb_init(&sb);
    intptr_t i = s;
    for (; i < e && i < s + 4; i++) {
        uint8_t b = (uint8_t)PITH_BYTES_DATA(o)[i];
        if (b < 128) break;
        if (pith_sb_append_char(&sb, 0xDC00 + b) < 0) {
            pith_sb_discard(&sb);
            PITH_DECREF(o);
            return NULL;
        }
    }
    if (i == s) {
        pith_sb_discard(&sb);
        return reraise(a[0], o);
    }
    PITH_DECREF(o);
    return handler_result(pith_sb_finish(&sb), i);
}

/* The byte width and order of the codec named in exc.encoding. */
static int surrogate_width(PithObject *exc, bool *be) {
    PithObject *enc = pith_getattr_str(exc, "encoding");
    if (!enc) return -1;
    const char *s = pith_str_check(enc) ? pith_str_utf8(enc) : NULL;
    int w = 0;
    *be = false;
    if (s) {
        char n[32];
        size_t i = 0;
        for (; s[i] && i < sizeof n - 1; i++) n[i] = (char)(s[i] == '_' ? '-' : s[i] | 0x20);
        n[i] = 0;
        if (!strcmp(n, "utf-8") || !strcmp(n, "utf8")) w = 1;
        else if (!strncmp(n, "utf-16", 6)) w = 2;
        else if (!strncmp(n, "utf-32", 6)) w = 4;
        *be = strstr(n, "be") != NULL;
    }
    PITH_DECREF(enc);
    return w;
}

static PithObject *h_surrogatepass(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    char k;
    intptr_t s, e;
    PithObject *o;
    if (exc_parts(a[0], &k, &s, &e, &o) < 0) return NULL;
    bool be;
    int w = surrogate_width(a[0], &be);
    if (w < 0) return PITH_DECREF(o), NULL;
    if (w == 0) return reraise(a[0], o);
    if (k == 'e') {
        char buf[64 * 4];
        PithObject *acc = pith_bytes_from(NULL, 0);
        for (intptr_t i = s; acc && i < e; i++) {
            uint32_t c = pith_str_read((PithStr *)o, i);
            if (c < 0xD800 || c > 0xDFFF) {
                PITH_DECREF(acc);
                return reraise(a[0], o);
            }
            int len = 0;
            if (w == 1) {
                buf[0] = (char)(0xE0 | (c >> 12));
                buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
                buf[2] = (char)(0x80 | (c & 0x3F));
                len = 3;
            } else {
                for (int j = 0; j < w; j++)
                    buf[j] = (char)((c >> (be ? 8 * (w - 1 - j) : 8 * j)) & 0xFF);
                len = w;
            }
            PithObject *piece = pith_bytes_from(buf, len);
            if (!piece || pith_bytes_concat_inplace(&acc, piece) < 0) PITH_CLEAR(acc);
            PITH_XDECREF(piece);
        }
        PITH_DECREF(o);
        return handler_result(acc, e);
    }
    if (k != 'd' || !pith_bytes_check(o)) return PITH_DECREF(o), wrong_kind(a[0]);
    const uint8_t *p = (const uint8_t *)PITH_BYTES_DATA(o) + s;
    intptr_t avail = PITH_SIZE(o) - s;
    uint32_t c = 0;
    int used = w == 1 ? 3 : w;
    if (avail >= used) {
        if (w == 1) {
            if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
                c = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        } else {
            for (int j = 0; j < w; j++) c |= (uint32_t)p[j] << (be ? 8 * (w - 1 - j) : 8 * j);
        }
    }
    if (c < 0xD800 || c > 0xDFFF) return reraise(a[0], o);
    PITH_DECREF(o);
    return handler_result(pith_str_from_char(c), s + used);
}

/* ---- the primitives ---------------------------------------------------- */

/* Arguments (data, errors=None, final=False) for the decoders. */
typedef struct DecArgs {
    PithBuffer view;
    const char *errors;
    bool final;
} DecArgs;

static int dec_args(const char *fname, PithObject *const *a, size_t n, PithObject *kw, DecArgs *d,
                    bool has_final) {
    static const char *const kwl[] = {"data", "errors", "final", NULL};
    PithArgSpec spec = {fname, kwl, has_final ? 3 : 2, has_final ? 3 : 2, 1, has_final ? 3 : 2};
    PithObject *v[3] = {NULL, NULL, NULL};
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return -1;
    d->errors = opt_str(v[1], "strict", fname, 2);
    if (!d->errors) return -1;
    if (opt_bool(v[2], &d->final) < 0) return -1;
    if (pith_str_check(v[0]))
        return pith_err_format(&pith_exc_TypeError, "a bytes-like object is required, not 'str'"), -1;
    return pith_buffer_get(v[0], &d->view, false);
}

/* Length of the prefix of s[0..len) ending before an incomplete but so far
 * valid UTF-8 sequence (which a non-final decode leaves for later). */
static intptr_t utf8_complete(const uint8_t *s, intptr_t len) {
    for (intptr_t k = 1; k <= 3 && k <= len; k++) {
        uint8_t b = s[len - k];
        if ((b & 0xC0) == 0x80) continue;
        int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
        if (need <= k || b > 0xF4) return len;
        if (k >= 2) {
            uint8_t c = s[len - k + 1], lo = 0x80, hi = 0xBF;
            if (b == 0xE0) lo = 0xA0;
            else if (b == 0xED) hi = 0x9F;
            else if (b == 0xF0) lo = 0x90;
            else if (b == 0xF4) hi = 0x8F;
            if (c < lo || c > hi) return len;
        }
        return len - k;
    }
    return len;
}

static PithObject *m_utf_8_decode(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    DecArgs d;
    if (dec_args("utf_8_decode", a, n, kw, &d, true) < 0) return NULL;
    intptr_t len = d.final ? d.view.len : utf8_complete((const uint8_t *)d.view.buf, d.view.len);
    PithObject *r = pith_str_decode(d.view.buf, len, "utf-8", d.errors);
    pith_buffer_release(&d.view);
    return pair(r, len);
}

static PithObject *simple_decode(const char *fname, const char *enc, PithObject *const *a, size_t n,
                                 PithObject *kw) {
    DecArgs d;
    if (dec_args(fname, a, n, kw, &d, false) < 0) return NULL;
    PithObject *r = pith_str_decode(d.view.buf, d.view.len, enc, d.errors);
    intptr_t len = d.view.len;
    pith_buffer_release(&d.view);
    return pair(r, len);
}

static PithObject *m_ascii_decode(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    return simple_decode("ascii_decode", "ascii", a, n, kw);
}
static PithObject *m_latin_1_decode(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    return simple_decode("latin_1_decode", "latin-1", a, n, kw);
}

/* UTF-16/32 decoding core: *bo is -1 (LE), 1 (BE) or 0 (detect a BOM and
 * set *bo accordingly; LE when absent, which leaves *bo 0). */
static PithObject *utf_wide_decode(DecArgs *d, int w, int *bo, intptr_t *consumed) {
    const uint8_t *s = (const uint8_t *)d->view.buf;
    intptr_t len = d->view.len, i = 0;
    if (*bo == 0 && len >= w) {
        uint32_t le = 0, be = 0;
        for (int k = 0; k < w; k++) {
            le |= (uint32_t)s[k] << (8 * k);
            be |= (uint32_t)s[k] << (8 * (w - 1 - k));
        }
        if (le == 0xFEFF) { *bo = -1; i = w; }
        else if (be == 0xFEFF) { *bo = 1; i = w; }
    } else if (*bo == 0 && !d->final) {
        *consumed = 0;
        return pith_str_empty();
    }
    bool big = *bo == 1;
    intptr_t end = len;
    if (!d->final) {
        end = i + (len - i) / w * w;
        if (w == 2 && end - i >= 2) {
            uint32_t u = big ? ((uint32_t)s[end - 2] << 8 | s[end - 1])
                             : ((uint32_t)s[end - 1] << 8 | s[end - 2]);
            if (u >= 0xD800 && u < 0xDC00) end -= 2;
        }
    }
    *consumed = end;
    return pith_codec_utf16_32_decode((const char *)s + i, end - i, w, big, d->errors);
}

static PithObject *wide_decode(const char *fname, int w, int bo, PithObject *const *a, size_t n,
                               PithObject *kw) {
    DecArgs d;
    if (dec_args(fname, a, n, kw, &d, true) < 0) return NULL;
    intptr_t used;
    PithObject *r = utf_wide_decode(&d, w, &bo, &used);
    pith_buffer_release(&d.view);
    return pair(r, used);
}

#define WIDE_DEC(fn, w, bo)                                                              \
    static PithObject *m_##fn(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) { \
        return wide_decode(#fn, w, bo, a, n, kw);                                        \
    }
WIDE_DEC(utf_16_decode, 2, 0)
WIDE_DEC(utf_16_le_decode, 2, -1)
WIDE_DEC(utf_16_be_decode, 2, 1)
WIDE_DEC(utf_32_decode, 4, 0)
WIDE_DEC(utf_32_le_decode, 4, -1)
WIDE_DEC(utf_32_be_decode, 4, 1)

/* utf_16_ex_decode(data, errors=None, byteorder=0, final=False) -> (str, consumed, byteorder) */
static PithObject *wide_ex_decode(const char *fname, int w, PithObject *const *a, size_t n,
                                  PithObject *kw) {
    static const char *const kwl[] = {"data", "errors", "byteorder", "final", NULL};
    PithArgSpec spec = {fname, kwl, 4, 4, 1, 4};
    PithObject *v[4] = {NULL, NULL, NULL, NULL};
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    DecArgs d;
    d.errors = opt_str(v[1], "strict", fname, 2);
    if (!d.errors || opt_bool(v[3], &d.final) < 0) return NULL;
    int bo = 0;
    if (v[2]) {
        intptr_t b = pith_number_as_ssize(v[2], &pith_exc_OverflowError);
        if (b == -1 && pith_err_occurred()) return NULL;
        bo = b < 0 ? -1 : b > 0 ? 1 : 0;
    }
    if (pith_buffer_get(v[0], &d.view, false) < 0) return NULL;
    intptr_t used;
    PithObject *r = utf_wide_decode(&d, w, &bo, &used);
    pith_buffer_release(&d.view);
    if (!r) return NULL;
    PithObject *u = pith_int_from_ssize(used), *b = pith_int_from_ssize(bo);
    PithObject *t = u && b ? pith_tuple_pack(3, r, u, b) : NULL;
    PITH_DECREF(r);
    PITH_XDECREF(u);
    PITH_XDECREF(b);
    return t;
}

static PithObject *m_utf_16_ex_decode(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    return wide_ex_decode("utf_16_ex_decode", 2, a, n, kw);
}
static PithObject *m_utf_32_ex_decode(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    return wide_ex_decode("utf_32_ex_decode", 4, a, n, kw);
}

/* Encoders: (str, errors=None[, byteorder]) -> (bytes, len(str)). */
static PithObject *str_encode(const char *fname, const char *enc, PithObject *const *a, size_t n,
                              PithObject *kw, bool has_bo) {
    static const char *const kwl[] = {"str", "errors", "byteorder", NULL};
    PithArgSpec spec = {fname, kwl, has_bo ? 3 : 2, has_bo ? 3 : 2, 1, has_bo ? 3 : 2};
    PithObject *v[3] = {NULL, NULL, NULL};
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    if (!pith_str_check(v[0]))
        return pith_err_format(&pith_exc_TypeError, "%s() argument 1 must be str, not %s", fname,
                               pith_type_name(v[0]));
    const char *errors = opt_str(v[1], "strict", fname, 2);
    if (!errors) return NULL;
    char name[16];
    snprintf(name, sizeof name, "%s", enc);
    if (v[2]) {
        intptr_t b = pith_number_as_ssize(v[2], &pith_exc_OverflowError);
        if (b == -1 && pith_err_occurred()) return NULL;
        if (b) snprintf(name, sizeof name, "%s-%s", enc, b < 0 ? "le" : "be");
    }
    return pair(pith_str_encode(v[0], name, errors), PITH_STR_LEN(v[0]));
}

#define ENC_FN(fn, enc, bo)                                                                \
    static PithObject *m_##fn(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) { \
        return str_encode(#fn, enc, a, n, kw, bo);                                         \
    }
ENC_FN(utf_8_encode, "utf-8", false)
ENC_FN(ascii_encode, "ascii", false)
ENC_FN(latin_1_encode, "latin-1", false)
ENC_FN(utf_16_encode, "utf-16", true)
ENC_FN(utf_16_le_encode, "utf-16-le", false)
ENC_FN(utf_16_be_encode, "utf-16-be", false)
ENC_FN(utf_32_encode, "utf-32", true)
ENC_FN(utf_32_le_encode, "utf-32-le", false)
ENC_FN(utf_32_be_encode, "utf-32-be", false)

/* ---- escape codecs -------------------------------------------------------- */

static int hexdig(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Parse `digits` hex digits at s[i..]; -1 when short/invalid. */
static long hexval(const uint8_t *s, intptr_t i, intptr_t len, int digits) {
    long v = 0;
    for (int k = 0; k < digits; k++) {
        if (i + k >= len) return -1;
        int d = hexdig(s[i + k]);
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

/* unicode_escape (raw: only \uXXXX and \UXXXXXXXX) decoding. */
static PithObject *uescape_decode(DecArgs *d, bool raw, const char *enc) {
    const uint8_t *s = (const uint8_t *)d->view.buf;
    intptr_t len = d->view.len, i = 0;
    PithErrHandler eh = pith_codec_error_handler(d->errors);
    PithStrBuilder sb;
    pith_sb_init(&sb);
    while (i < len) {
        uint8_t c = s[i];
        if (c != '\\' || i + 1 >= len) {
            if (c == '\\' && !raw) {
                pith_raise_decode_error(enc, d->view.buf, len, i, len, "\\ at end of string");
                goto fail;
            }
            if (pith_sb_append_char(&sb, c) < 0) goto fail;
            i++;
            continue;
        }
        uint8_t e = s[i + 1];
        if (raw && e != 'u' && e != 'U') {
            if (pith_sb_append_char(&sb, '\\') < 0) goto fail;
            i++;
            continue;
        }
        int digits = 0;
        uint32_t out = 0;
        switch (e) {
        case '\n': i += 2; continue;
        case '\\': out = '\\'; break;
        case '\'': out = '\''; break;
        case '"': out = '"'; break;
        case 'a': out = 7; break;
        case 'b': out = 8; break;
        case 'f': out = 12; break;
        case 'n': out = 10; break;
        case 'r': out = 13; break;
        case 't': out = 9; break;
        case 'v': out = 11; break;
        case 'x': digits = 2; break;
        case 'u': digits = 4; break;
        case 'U': digits = 8; break;
        case 'N': {
            intptr_t j = i + 2;
            while (j < len && s[j] != '}') j++;
            if (eh == PITH_ERR_STRICT || eh == PITH_ERR_UNKNOWN) {
                pith_raise_decode_error(enc, d->view.buf, len, i, j < len ? j + 1 : len,
                                        j < len ? "unknown Unicode character name"
                                                : "malformed \\N character escape");
                goto fail;
            }
            if (eh == PITH_ERR_REPLACE && pith_sb_append_char(&sb, 0xFFFD) < 0) goto fail;
            i = j < len ? j + 1 : len;
            continue;
        }
        default:
            if (e >= '0' && e <= '7') {
                uint32_t v = 0;
                int k = 0;
                while (k < 3 && i + 1 + k < len && s[i + 1 + k] >= '0' && s[i + 1 + k] <= '7')
                    v = v * 8 + (uint32_t)(s[i + 1 + k++] - '0');
                if (pith_sb_append_char(&sb, v) < 0) goto fail;
                i += 1 + k;
                continue;
            }
            if (pith_sb_append_char(&sb, '\\') < 0 || pith_sb_append_char(&sb, e) < 0) goto fail;
            i += 2;
            continue;
        }
        if (!digits) {
            if (pith_sb_append_char(&sb, out) < 0) goto fail;
            i += 2;
            continue;
        }
        long v = hexval(s, i + 2, len, digits);
        if (v < 0 || v > 0x10FFFF) {
            intptr_t j = i + 2;
            while (j < len && j < i + 2 + digits && hexdig(s[j]) >= 0) j++;
            const char *why = v > 0x10FFFF ? "illegal Unicode character"
                              : digits == 2 ? "truncated \\xXX escape"
                              : digits == 4 ? "truncated \\uXXXX escape"
                                            : "truncated \\UXXXXXXXX escape";
            if (v > 0x10FFFF) j = i + 2 + digits;
            if (eh == PITH_ERR_REPLACE) {
                if (pith_sb_append_char(&sb, 0xFFFD) < 0) goto fail;
            } else if (eh != PITH_ERR_IGNORE) {
                pith_raise_decode_error(enc, d->view.buf, len, i, j, why);
                goto fail;
            }
            i = j;
            continue;
        }
        if (pith_sb_append_char(&sb, (uint32_t)v) < 0) goto fail;
        i += 2 + digits;
    }
    return pith_sb_finish(&sb);
fail:
    pith_sb_discard(&sb);
    return NULL;
}

static PithObject *uescape_dec(const char *fname, bool raw, PithObject *const *a, size_t n,
                               PithObject *kw) {
    DecArgs d;
    if (dec_args(fname, a, n, kw, &d, true) < 0) return NULL;
    PithObject *r = uescape_decode(&d, raw, raw ? "rawunicodeescape" : "unicodeescape");
    intptr_t len = d.view.len;
    pith_buffer_release(&d.view);
    return pair(r, len);
}

static PithObject *m_unicode_escape_decode(PithObject *m, PithObject *const *a, size_t n,
                                           PithObject *kw) {
    return uescape_dec("unicode_escape_decode", false, a, n, kw);
}
static PithObject *m_raw_unicode_escape_decode(PithObject *m, PithObject *const *a, size_t n,
                                               PithObject *kw) {
    return uescape_dec("raw_unicode_escape_decode", true, a, n, kw);
}

static PithObject *uescape_enc(const char *fname, bool raw, PithObject *const *a, size_t n,
                               PithObject *kw) {
    if (pith_arg_check_range(fname, n, 1, 2) < 0 || pith_arg_no_kwargs(fname, kw) < 0) return NULL;
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, "%s() argument 1 must be str, not %s", fname,
                               pith_type_name(a[0]));
    PithStr *s = (PithStr *)a[0];
    char *buf = pith_mem_malloc((size_t)s->length * 10 + 1);
    if (!buf) return pith_err_no_memory();
    intptr_t o = 0;
    for (intptr_t i = 0; i < s->length; i++) {
        uint32_t c = pith_str_read(s, i);
        const char *esc = NULL;
        if (!raw) {
            if (c == '\\') esc = "\\\\";
            else if (c == '\t') esc = "\\t";
            else if (c == '\n') esc = "\\n";
            else if (c == '\r') esc = "\\r";
        }
        if (esc) o += sprintf(buf + o, "%s", esc);
        else if (c >= 0x10000) o += sprintf(buf + o, "\\U%08x", (unsigned)c);
        else if (c >= 0x100) o += sprintf(buf + o, "\\u%04x", (unsigned)c);
        else if (!raw && (c < 0x20 || c >= 0x7F)) o += sprintf(buf + o, "\\x%02x", (unsigned)c);
        else buf[o++] = (char)c;
    }
    PithObject *b = pith_bytes_from(buf, o);
    pith_mem_free(buf);
    return pair(b, s->length);
}

static PithObject *m_unicode_escape_encode(PithObject *m, PithObject *const *a, size_t n,
                                           PithObject *kw) {
    return uescape_enc("unicode_escape_encode", false, a, n, kw);
}
static PithObject *m_raw_unicode_escape_encode(PithObject *m, PithObject *const *a, size_t n,
                                               PithObject *kw) {
    return uescape_enc("raw_unicode_escape_encode", true, a, n, kw);
}

/* escape_encode(bytes) -> (escaped bytes as in repr, len) */
static PithObject *m_escape_encode(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    if (pith_arg_check_range("escape_encode", n, 1, 2) < 0) return NULL;
    if (!pith_bytes_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, "escape_encode() argument 1 must be bytes, not %s",
                               pith_type_name(a[0]));
    const uint8_t *s = (const uint8_t *)PITH_BYTES_DATA(a[0]);
    intptr_t len = PITH_SIZE(a[0]), o = 0;
    char *buf = pith_mem_malloc((size_t)len * 4 + 1);
    if (!buf) return pith_err_no_memory();
    for (intptr_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        if (c == '\\' || c == '\'') { buf[o++] = '\\'; buf[o++] = (char)c; }
        else if (c == '\t') { buf[o++] = '\\'; buf[o++] = 't'; }
        else if (c == '\n') { buf[o++] = '\\'; buf[o++] = 'n'; }
        else if (c == '\r') { buf[o++] = '\\'; buf[o++] = 'r'; }
        else if (c < 0x20 || c >= 0x7F) o += sprintf(buf + o, "\\x%02x", c);
        else buf[o++] = (char)c;
    }
    PithObject *b = pith_bytes_from(buf, o);
    pith_mem_free(buf);
    return pair(b, len);
}

/* escape_decode(data) -> (bytes, len): Python bytes-literal escapes. */
static PithObject *m_escape_decode(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    if (pith_arg_check_range("escape_decode", n, 1, 2) < 0) return NULL;
    PithBuffer v;
    PithObject *tmp = NULL;
    if (pith_str_check(a[0])) {
        tmp = pith_str_encode_utf8(a[0], "strict");
        if (!tmp) return NULL;
    }
    if (pith_buffer_get(tmp ? tmp : a[0], &v, false) < 0) {
        PITH_XDECREF(tmp);
        return NULL;
    }
    const uint8_t *s = (const uint8_t *)v.buf;
    intptr_t len = v.len, o = 0, i = 0;
    char *buf = pith_mem_malloc((size_t)len + 1);
    PithObject *res = NULL;
    if (!buf) {
        pith_err_no_memory();
        goto done;
    }
    while (i < len) {
        if (s[i] != '\\') { buf[o++] = (char)s[i++]; continue; }
        if (++i >= len) {
            pith_err_set_string(&pith_exc_ValueError, "Trailing \\ in string");
            goto done;
        }
        uint8_t e = s[i++];
        const char *map = "\\\\''\"\"a\007b\010f\014n\012r\015t\011v\013";
        const char *hit = NULL;
        for (const char *p = map; *p; p += 2) if ((uint8_t)*p == e) { hit = p; break; }
        if (hit) buf[o++] = hit[1];
        else if (e == '\n') continue;
        else if (e >= '0' && e <= '7') {
            int val = e - '0', k = 0;
            while (k < 2 && i < len && s[i] >= '0' && s[i] <= '7') { val = val * 8 + (s[i++] - '0'); k++; }
            buf[o++] = (char)val;
        } else if (e == 'x') {
            long hv = hexval(s, i, len, 2);
            if (hv < 0) {
                pith_err_format(&pith_exc_ValueError, "invalid \\x escape at position %zd", i - 2);
                goto done;
            }
            buf[o++] = (char)hv;
            i += 2;
        } else {
            buf[o++] = '\\';
            buf[o++] = (char)e;
        }
    }
    res = pair(pith_bytes_from(buf, o), len);
done:
    pith_mem_free(buf);
    pith_buffer_release(&v);
    PITH_XDECREF(tmp);
    return res;
}

/* ---- charmap ------------------------------------------------------------- */

/* charmap_decode(data, errors=None, mapping=None) */
static PithObject *m_charmap_decode(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    static const char *const kwl[] = {"data", "errors", "mapping", NULL};
    static const PithArgSpec spec = {"charmap_decode", kwl, 3, 3, 1, 3};
    PithObject *v[3] = {NULL, NULL, NULL};
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    const char *errors = opt_str(v[1], "strict", "charmap_decode", 2);
    if (!errors) return NULL;
    if (!v[2] || v[2] == PITH_NONE) return simple_decode("charmap_decode", "latin-1", a, 1, NULL);
    PithBuffer b;
    if (pith_buffer_get(v[0], &b, false) < 0) return NULL;
    PithErrHandler eh = pith_codec_error_handler(errors);
    bool is_str = pith_str_check(v[2]);
    intptr_t maplen = is_str ? PITH_STR_LEN(v[2]) : 0;
    PithStrBuilder sb;
    pith_sb_init(&sb);
    for (intptr_t i = 0; i < b.len; i++) {
        uint8_t c = (uint8_t)b.buf[i];
        int r = 0;
        uint32_t ch = 0xFFFE;
        PithObject *item = NULL;
        if (is_str) {
            if (c < maplen) ch = pith_str_read((PithStr *)v[2], c);
        } else {
            PithObject *key = pith_int_from_i64(c);
            item = key ? pith_getitem(v[2], key) : NULL;
            PITH_XDECREF(key);
            if (!item) {
                if (!pith_err_matches(&pith_exc_LookupError)) goto fail;
                pith_err_clear();
            } else if (pith_str_check(item)) {
                if (PITH_STR_LEN(item) == 1) ch = pith_str_read((PithStr *)item, 0);
                else if (PITH_STR_LEN(item) > 1) {
                    r = pith_sb_append_str(&sb, item);
                    ch = 0x110000;
                }
            } else if (pith_index_check(item)) {
                intptr_t x = pith_number_as_ssize(item, NULL);
                if (x < 0 || x > 0x10FFFF) {
                    PITH_DECREF(item);
                    pith_err_set_string(&pith_exc_TypeError,
                                        "character mapping must be in range(0x110000)");
                    goto fail;
                }
                ch = (uint32_t)x;
            } else if (item != PITH_NONE) {
                PITH_DECREF(item);
                pith_err_set_string(&pith_exc_TypeError,
                                    "character mapping must return integer, None or str");
                goto fail;
            }
            PITH_XDECREF(item);
        }
        if (ch == 0x110000) {
            if (r < 0) goto fail;
            continue;
        }
        if (ch == 0xFFFE) {
            if (eh == PITH_ERR_REPLACE) r = pith_sb_append_char(&sb, 0xFFFD);
            else if (eh == PITH_ERR_IGNORE) r = 0;
            else if (eh == PITH_ERR_SURROGATEESCAPE && c >= 128) r = pith_sb_append_char(&sb, 0xDC00 + c);
            else if (eh == PITH_ERR_BACKSLASHREPLACE) {
                char t[8];
                snprintf(t, sizeof t, "\\x%02x", c);
                r = pith_sb_append_utf8(&sb, t, -1);
            } else {
                pith_raise_decode_error("charmap", b.buf, b.len, i, i + 1,
                                        "character maps to <undefined>");
                goto fail;
            }
        } else {
            r = pith_sb_append_char(&sb, ch);
        }
        if (r < 0) goto fail;
    }
    intptr_t len = b.len;
    pith_buffer_release(&b);
    return pair(pith_sb_finish(&sb), len);
fail:
    pith_sb_discard(&sb);
    pith_buffer_release(&b);
    return NULL;
}

/* mapping[c] for charmap_encode: bytes appended to *acc; 0 = unmapped. */
static int charmap_put(PithObject *mapping, uint32_t c, char *out, intptr_t *o) {
    PithObject *key = pith_int_from_i64(c);
    PithObject *item = key ? pith_getitem(mapping, key) : NULL;
    PITH_XDECREF(key);
    if (!item) {
        if (!pith_err_matches(&pith_exc_LookupError)) return -1;
        pith_err_clear();
        return 0;
    }
    int r = 1;
    if (item == PITH_NONE) r = 0;
    else if (pith_index_check(item)) {
        intptr_t x = pith_number_as_ssize(item, NULL);
        if (x < 0 || x > 255) {
            pith_err_set_string(&pith_exc_TypeError, "character mapping must be in range(256)");
            r = -1;
        } else out[(*o)++] = (char)x;
    } else if (pith_bytes_check(item) && PITH_SIZE(item) <= 8) {
        memcpy(out + *o, PITH_BYTES_DATA(item), (size_t)PITH_SIZE(item));
        *o += PITH_SIZE(item);
    } else {
        pith_err_set_string(&pith_exc_TypeError, "character mapping must return integer, bytes or None, not str");
        r = -1;
    }
    PITH_DECREF(item);
    return r;
}

static PithObject *m_charmap_encode(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    static const char *const kwl[] = {"str", "errors", "mapping", NULL};
    static const PithArgSpec spec = {"charmap_encode", kwl, 3, 3, 1, 3};
    PithObject *v[3] = {NULL, NULL, NULL};
    if (pith_arg_parse(&spec, a, n, kw, v) < 0) return NULL;
    if (!pith_str_check(v[0]))
        return pith_err_format(&pith_exc_TypeError, "charmap_encode() argument 1 must be str, not %s",
                               pith_type_name(v[0]));
    const char *errors = opt_str(v[1], "strict", "charmap_encode", 2);
    if (!errors) return NULL;
    if (!v[2] || v[2] == PITH_NONE) return pair(pith_str_encode(v[0], "latin-1", errors), PITH_STR_LEN(v[0]));
    PithStr *s = (PithStr *)v[0];
    PithErrHandler eh = pith_codec_error_handler(errors);
    char *buf = pith_mem_malloc((size_t)s->length * 16 + 16);
    if (!buf) return pith_err_no_memory();
    intptr_t o = 0;
    for (intptr_t i = 0; i < s->length; i++) {
        uint32_t c = pith_str_read(s, i);
        int r = charmap_put(v[2], c, buf, &o);
        if (r < 0) goto fail;
        if (r) continue;
        char t[16];
        const char *rep = NULL;
        if (eh == PITH_ERR_IGNORE) continue;
        if (eh == PITH_ERR_REPLACE) rep = "?";
        else if (eh == PITH_ERR_BACKSLASHREPLACE || eh == PITH_ERR_XMLCHARREFREPLACE) {
            if (eh == PITH_ERR_XMLCHARREFREPLACE) snprintf(t, sizeof t, "&#%u;", (unsigned)c);
            else if (c < 0x100) snprintf(t, sizeof t, "\\x%02x", (unsigned)c);
            else if (c < 0x10000) snprintf(t, sizeof t, "\\u%04x", (unsigned)c);
            else snprintf(t, sizeof t, "\\U%08x", (unsigned)c);
            rep = t;
        }
        if (!rep) {
            intptr_t j = i + 1;
            pith_raise_encode_error("charmap", v[0], i, j, "character maps to <undefined>");
            goto fail;
        }
        for (const char *p = rep; *p; p++) {
            r = charmap_put(v[2], (uint8_t)*p, buf, &o);
            if (r <= 0) {
                if (r == 0)
                    pith_raise_encode_error("charmap", v[0], i, i + 1, "character maps to <undefined>");
                goto fail;
            }
        }
    }
    PithObject *b = pith_bytes_from(buf, o);
    pith_mem_free(buf);
    return pair(b, s->length);
fail:
    pith_mem_free(buf);
    return NULL;
}

/* charmap_build(decoding_table) -> {ord(ch): index} */
static PithObject *m_charmap_build(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    if (!pith_str_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, "charmap_build() argument must be str, not %s",
                               pith_type_name(a[0]));
    PithObject *d = pith_dict_new();
    for (intptr_t i = 0; d && i < PITH_STR_LEN(a[0]); i++) {
        PithObject *k = pith_int_from_i64(pith_str_read((PithStr *)a[0], i));
        PithObject *v = pith_int_from_ssize(i);
        int r = k && v ? pith_dict_set_item(d, k, v) : -1;
        PITH_XDECREF(k);
        PITH_XDECREF(v);
        if (r < 0) PITH_CLEAR(d);
    }
    return d;
}

static PithObject *m_readbuffer_encode(PithObject *m, PithObject *const *a, size_t n, PithObject *kw) {
    if (pith_arg_check_range("readbuffer_encode", n, 1, 2) < 0) return NULL;
    if (pith_str_check(a[0])) {
        PithObject *b = pith_str_encode_utf8(a[0], "strict");
        return b ? pair(b, PITH_SIZE(b)) : NULL;
    }
    PithObject *b = pith_buffer_to_bytes(a[0]);
    return b ? pair(b, PITH_SIZE(b)) : NULL;
}

#define F(name, fn, fl) {name, fn, fl, NULL}
static PithMethodDef codecs_functions[] = {
    F("register", m_register, PITH_METH_O),
    F("unregister", m_unregister, PITH_METH_O),
    F("lookup", m_lookup, PITH_METH_O),
    F("_forget_codec", m_forget, PITH_METH_O),
    F("encode", m_encode, PITH_METH_KW),
    F("decode", m_decode, PITH_METH_KW),
    F("register_error", m_register_error, PITH_METH_FAST | 0),
    F("lookup_error", m_lookup_error, PITH_METH_O),
    F("utf_8_encode", m_utf_8_encode, PITH_METH_KW),
    F("utf_8_decode", m_utf_8_decode, PITH_METH_KW),
    F("ascii_encode", m_ascii_encode, PITH_METH_KW),
    F("ascii_decode", m_ascii_decode, PITH_METH_KW),
    F("latin_1_encode", m_latin_1_encode, PITH_METH_KW),
    F("latin_1_decode", m_latin_1_decode, PITH_METH_KW),
    F("utf_16_encode", m_utf_16_encode, PITH_METH_KW),
    F("utf_16_le_encode", m_utf_16_le_encode, PITH_METH_KW),
    F("utf_16_be_encode", m_utf_16_be_encode, PITH_METH_KW),
    F("utf_16_decode", m_utf_16_decode, PITH_METH_KW),
    F("utf_16_le_decode", m_utf_16_le_decode, PITH_METH_KW),
    F("utf_16_be_decode", m_utf_16_be_decode, PITH_METH_KW),
    F("utf_16_ex_decode", m_utf_16_ex_decode, PITH_METH_KW),
    F("utf_32_encode", m_utf_32_encode, PITH_METH_KW),
    F("utf_32_le_encode", m_utf_32_le_encode, PITH_METH_KW),
    F("utf_32_be_encode", m_utf_32_be_encode, PITH_METH_KW),
    F("utf_32_decode", m_utf_32_decode, PITH_METH_KW),
    F("utf_32_le_decode", m_utf_32_le_decode, PITH_METH_KW),
    F("utf_32_be_decode", m_utf_32_be_decode, PITH_METH_KW),
    F("utf_32_ex_decode", m_utf_32_ex_decode, PITH_METH_KW),
    F("unicode_escape_encode", m_unicode_escape_encode, PITH_METH_KW),
    F("unicode_escape_decode", m_unicode_escape_decode, PITH_METH_KW),
    F("raw_unicode_escape_encode", m_raw_unicode_escape_encode, PITH_METH_KW),
    F("raw_unicode_escape_decode", m_raw_unicode_escape_decode, PITH_METH_KW),
    F("escape_encode", m_escape_encode, PITH_METH_FAST),
    F("escape_decode", m_escape_decode, PITH_METH_FAST),
    F("charmap_encode", m_charmap_encode, PITH_METH_KW),
    F("charmap_decode", m_charmap_decode, PITH_METH_KW),
    F("charmap_build", m_charmap_build, PITH_METH_O),
    F("readbuffer_encode", m_readbuffer_encode, PITH_METH_FAST),
    {NULL, NULL, 0, NULL},
};

static PithMethodDef handler_defs[] = {
    F("strict_errors", h_strict, PITH_METH_O),
    F("ignore_errors", h_ignore, PITH_METH_O),
    F("replace_errors", h_replace, PITH_METH_O),
    F("backslashreplace_errors", h_backslash, PITH_METH_O),
    F("xmlcharrefreplace_errors", h_xmlcharref, PITH_METH_O),
    F("namereplace_errors", h_namereplace, PITH_METH_O),
    F("surrogateescape", h_surrogateescape, PITH_METH_O),
    F("surrogatepass", h_surrogatepass, PITH_METH_O),
    {NULL, NULL, 0, NULL},
};
#undef F

/* The builtin handlers live in a private module whose functions are
 * registered under their short names ("strict", "ignore", ...). */
static int register_builtin_handlers(void) {
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "xmlcharrefreplace", "namereplace", "surrogateescape",
                                        "surrogatepass"};
    PithObject *holder = pith_module_new("_codecs");
    if (!holder || pith_module_add_functions(holder, handler_defs) < 0) {
        PITH_XDECREF(holder);
        return -1;
    }
    int r = 0;
    for (int i = 0; r == 0 && handler_defs[i].name; i++) {
        PithObject *f = pith_getattr_str(holder, handler_defs[i].name);
        r = f ? pith_dict_set_item_str(error_registry, names[i], f) : -1;
        PITH_XDECREF(f);
    }
    PITH_DECREF(holder);
    return r;
}

PithObject *pith_codecs_module_init(void) {
    if (!search_path) {
        search_path = pith_list_new(0);
        codec_cache = pith_dict_new();
        error_registry = pith_dict_new();
        if (!search_path || !codec_cache || !error_registry || register_builtin_handlers() < 0)
            return NULL;
    }
    PithObject *m = pith_module_new("_codecs");
    if (!m) return NULL;
    if (pith_module_add_functions(m, codecs_functions) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
