/* io_textio.c — _io.TextIOWrapper (text over a buffered binary stream).
 * (IncrementalNewlineDecoder is in io_newline.c.)
 *
 * UTF-8, Latin-1 and ASCII with the builtin error handlers are coded
 * natively (so sys.stdout works before any Python codec is importable);
 * other encodings use the incremental encoder/decoder from the codec
 * registry. Invariants:
 *  - decoded[used..] are decoded characters not yet returned; `decoded` is
 *    NULL when there are none;
 *  - snap_input (bytes, with snap_flags) is the decoder state before the
 *    last chunk plus that chunk: what tell() re-decodes; NULL = no snapshot;
 *  - wbuf[0..wlen) are encoded bytes not yet handed to buffer.write();
 *  - the decoder state for tell/seek is (pending bytes, flags<<1|pendingcr).
 * Cookies pack (start_pos, dec_flags, bytes_to_feed, chars_to_skip, need_eof)
 * in 64-bit fields of one int, as CPython does. */
#include "io_internal.h"
#include "../objects/str_impl.h"
#include "pith/import.h"

#include <string.h>

enum { K_CODEC, K_UTF8, K_LATIN1, K_ASCII };

typedef struct TextIO {
    PithIOBase base;
    PithObject *buffer, *encoding, *errors;
    PithObject *decoder, *encoder; /* codec objects (K_CODEC only) */
    PithObject *readnl, *writenl;  /* NULL = None / no translation */
    PithObject *decoded, *snap_input;
    intptr_t used, wlen, wcap, chunk_size;
    int64_t snap_flags;
    char *wbuf;
    int kind, seennl;
    char ok, detached, readuniversal, readtranslate, writetranslate;
    char line_buffering, write_through, seekable, telling, has_read1;
    char pendingcr, npend, can_read, can_write, encoding_start;
    char pend[4];
} TextIO;

#define TIO(o) ((TextIO *)(o))

/* ---- checks ------------------------------------------------------------- */

static int check_ok(TextIO *t) {
    if (t->ok) return 0;
    pith_err_set_string(&pith_exc_ValueError, t->detached ? "underlying buffer has been detached"
                                                          : "I/O operation on uninitialized object");
    return -1;
}

static int check_closed(TextIO *t) {
    if (check_ok(t) < 0) return -1;
    int c;
    if (PITH_TYPE(t) == &pith_io_textiowrapper_type) c = pith_io_attr_bool(t->buffer, "closed");
    else c = pith_io_attr_bool((PithObject *)t, "closed");
    if (c > 0) pith_io_closed_error();
    return c ? -1 : 0;
}

/* ---- native codecs -------------------------------------------------------- */

static const char *kind_name(int k) {
    return k == K_UTF8 ? "utf-8" : k == K_LATIN1 ? "latin-1" : "ascii";
}

static int native_kind(const char *enc, const char *errors) {
    if (pith_codec_error_handler(errors) == PITH_ERR_UNKNOWN) return K_CODEC;
    char n[32];
    size_t i = 0;
    for (; enc[i] && i < sizeof n - 1; i++) {
        char c = enc[i];
        n[i] = c == '-' || c == ' ' ? '_' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    n[i] = 0;
    if (enc[i]) return K_CODEC;
    static const char *const u8[] = {"utf_8", "utf8", "u8", "utf", "cp65001"};
    static const char *const l1[] = {"latin_1", "latin1", "iso_8859_1", "iso8859_1", "l1", "cp819", "latin", "8859"};
    static const char *const as[] = {"ascii", "us_ascii", "646"};
    for (size_t k = 0; k < sizeof u8 / sizeof *u8; k++) if (!strcmp(n, u8[k])) return K_UTF8;
    for (size_t k = 0; k < sizeof l1 / sizeof *l1; k++) if (!strcmp(n, l1[k])) return K_LATIN1;
    for (size_t k = 0; k < sizeof as / sizeof *as; k++) if (!strcmp(n, as[k])) return K_ASCII;
    return K_CODEC;
}

/* Bytes at the end of s[0..len) that start an incomplete UTF-8 sequence. */
static int utf8_tail(const uint8_t *s, intptr_t len) {
    for (int k = 1; k <= 3 && k <= len; k++) {
        uint8_t b = s[len - k];
        if ((b & 0xC0) == 0x80) continue;
        int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
        return need > k && b <= 0xF4 ? k : 0;
    }
    return 0;
}

/* Decode bytes (before newline handling). */
static PithObject *raw_decode(TextIO *t, const char *data, intptr_t len, bool final) {
    const char *errors = pith_str_utf8(t->errors);
    if (t->kind == K_CODEC) {
        if (!t->decoder) return pith_io_unsupported("not readable");
        PithObject *b = pith_bytes_from(data, len);
        PithObject *a[2] = {b, pith_bool_from(final)};
        PithObject *r = b ? pith_call_method(t->decoder, "decode", a, 2) : NULL;
        PITH_XDECREF(b);
        if (r && !pith_str_check(r)) {
            pith_err_format(&pith_exc_TypeError, "decoder should return a string result, not '%s'",
                            pith_type_name(r));
            PITH_CLEAR(r);
        }
        return r;
    }
    if (t->kind != K_UTF8) return pith_str_decode(data, len, kind_name(t->kind), errors);
    char *tmp = NULL;
    if (t->npend) {
        tmp = pith_mem_malloc((size_t)(len + t->npend));
        if (!tmp) return pith_err_no_memory();
        memcpy(tmp, t->pend, (size_t)t->npend);
        memcpy(tmp + t->npend, data, (size_t)len);
        data = tmp;
        len += t->npend;
        t->npend = 0;
    }
    int tail = final ? 0 : utf8_tail((const uint8_t *)data, len);
    PithObject *r = pith_str_decode(data, len - tail, "utf-8", errors);
    if (r && tail) {
        memcpy(t->pend, data + len - tail, (size_t)tail);
        t->npend = (char)tail;
    }
    pith_mem_free(tmp);
    return r;
}

/* Decode and apply newline handling. */
static PithObject *decode(TextIO *t, const char *data, intptr_t len, bool final) {
    PithObject *s = raw_decode(t, data, len, final);
    if (!s || !t->readuniversal) return s;
    PithObject *r = pith_io_nl_step(s, final, t->readtranslate, &t->pendingcr, &t->seennl);
    PITH_DECREF(s);
    return r;
}

/* Decoder state (pending bytes as a new bytes object, flags). */
static int get_state(TextIO *t, PithObject **bytes, int64_t *flags) {
    if (t->kind == K_CODEC && t->decoder) {
        PithObject *st = pith_call_method(t->decoder, "getstate", NULL, 0);
        if (!st) return -1;
        if (!pith_tuple_check(st) || PITH_SIZE(st) != 2 || !pith_bytes_check(PITH_TUPLE_GET(st, 0))) {
            PITH_DECREF(st);
            pith_err_set_string(&pith_exc_TypeError, "illegal decoder state");
            return -1;
        }
        *bytes = PITH_NEWREF(PITH_TUPLE_GET(st, 0));
        *flags = pith_int_as_i64(PITH_TUPLE_GET(st, 1));
        PITH_DECREF(st);
        if (*flags == -1 && pith_err_occurred()) {
            PITH_CLEAR(*bytes);
            return -1;
        }
    } else {
        *bytes = pith_bytes_from(t->pend, t->npend);
        *flags = 0;
        if (!*bytes) return -1;
    }
    *flags = (*flags << 1) | (t->readuniversal ? t->pendingcr : 0);
    return 0;
}

static int set_state(TextIO *t, const char *data, intptr_t len, int64_t flags) {
    if (t->readuniversal) t->pendingcr = (char)(flags & 1);
    flags >>= 1;
    if (t->kind != K_CODEC || !t->decoder) {
        if (len > 4) len = 4;
        memcpy(t->pend, data, (size_t)len);
        t->npend = (char)len;
        return 0;
    }
    PithObject *b = pith_bytes_from(data, len);
    PithObject *f = pith_int_from_i64(flags);
    PithObject *st = b && f ? pith_tuple_pack(2, b, f) : NULL;
    PITH_XDECREF(b);
    PITH_XDECREF(f);
    if (!st) return -1;
    int r = pith_io_call_void(t->decoder, "setstate", &st, 1);
    PITH_DECREF(st);
    return r;
}

static int reset_decoder(TextIO *t) {
    t->npend = 0;
    t->pendingcr = 0;
    t->seennl = 0;
    if (t->kind == K_CODEC && t->decoder) return pith_io_call_void(t->decoder, "reset", NULL, 0);
    return 0;
}

static PithObject *encode(TextIO *t, PithObject *text) {
    if (t->kind != K_CODEC) return pith_str_encode(text, kind_name(t->kind), pith_str_utf8(t->errors));
    PithObject *r = pith_call_method(t->encoder, "encode", &text, 1);
    if (r && !pith_bytes_check(r)) {
        pith_err_format(&pith_exc_TypeError, "encoder should return a bytes object, not '%s'",
                        pith_type_name(r));
        PITH_CLEAR(r);
    }
    return r;
}

/* ---- construction ------------------------------------------------------------ */

static PithObject *tio_new(PithType *type, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    PithObject *o = pith_gc_new(type);
    if (o) pith_gc_track(o);
    return o;
}

static void clear_state(TextIO *t) {
    PITH_CLEAR(t->decoded);
    PITH_CLEAR(t->snap_input);
    t->used = 0;
}

static int make_codec_objects(TextIO *t) {
    PithObject *cname = pith_str_from_cstr("codecs");
    PithObject *codecs = cname ? pith_import_module(cname) : NULL;
    PITH_XDECREF(cname);
    if (!codecs) return -1;
    PithObject *info = pith_call_method(codecs, "lookup", &t->encoding, 1);
    int r = -1;
    if (!info) goto done;
    PithObject *is_text;
    int has = pith_lookup_attr(info, pith_io_istr("_is_text_encoding"), &is_text);
    if (has < 0) goto done;
    if (has) {
        int tv = pith_is_true(is_text);
        PITH_DECREF(is_text);
        if (tv <= 0) {
            if (tv == 0)
                pith_err_format(&pith_exc_LookupError,
                                "'%U' is not a text encoding; use codecs.open() to handle arbitrary codecs",
                                t->encoding);
            goto done;
        }
    }
    if (t->can_read) {
        PithObject *f = pith_getattr_str(info, "incrementaldecoder");
        PithObject *d = f ? pith_call_one(f, t->errors) : NULL;
        PITH_XDECREF(f);
        if (!d) goto done;
        PITH_SETREF(t->decoder, d);
    }
    if (t->can_write) {
        PithObject *f = pith_getattr_str(info, "incrementalencoder");
        PithObject *e = f ? pith_call_one(f, t->errors) : NULL;
        PITH_XDECREF(f);
        if (!e) goto done;
        PITH_SETREF(t->encoder, e);
    }
    r = 0;
done:
    PITH_XDECREF(info);
    PITH_DECREF(codecs);
    return r;
}

/* Set encoding/errors/newline (shared by __init__ and reconfigure). */
static int configure_newline(TextIO *t, PithObject *nl) {
    bool none = !nl || nl == PITH_NONE;
    PITH_CLEAR(t->readnl);
    PITH_CLEAR(t->writenl);
    t->readuniversal = none || PITH_STR_LEN(nl) == 0;
    t->readtranslate = none;
    if (!none) t->readnl = PITH_NEWREF(nl);
    t->writetranslate = none || PITH_STR_LEN(nl) > 0;
    if (!none && PITH_STR_LEN(nl) > 0 && !pith_str_eq_cstr(nl, "\n")) t->writenl = PITH_NEWREF(nl);
    return 0;
}

static int configure_codec(TextIO *t) {
    const char *enc = pith_str_utf8(t->encoding);
    const char *errs = pith_str_utf8(t->errors);
    if (!enc || !errs) return -1;
    PITH_CLEAR(t->decoder);
    PITH_CLEAR(t->encoder);
    t->kind = native_kind(enc, errs);
    t->npend = 0;
    if (t->kind == K_CODEC && make_codec_objects(t) < 0) return -1;
    return 0;
}

static int tio_init(PithObject *self, PithObject *const *args, size_t nargs, PithObject *kwnames) {
    static const char *const kw[] = {"buffer", "encoding", "errors", "newline", "line_buffering",
                                     "write_through", NULL};
    static const PithArgSpec spec = {"TextIOWrapper", kw, 6, 0, 1, 6};
    PithObject *v[6];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return -1;
    TextIO *t = TIO(self);
    t->ok = 0;
    PithObject *enc = v[1], *errs = v[2], *nl = v[3];
    if (enc && enc != PITH_NONE && !pith_str_check(enc)) {
        pith_err_format(&pith_exc_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %s",
                        pith_type_name(enc));
        return -1;
    }
    if (errs && errs != PITH_NONE && !pith_str_check(errs)) {
        pith_err_format(&pith_exc_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %s",
                        pith_type_name(errs));
        return -1;
    }
    if (nl && nl != PITH_NONE && !pith_str_check(nl)) {
        pith_err_format(&pith_exc_TypeError, "TextIOWrapper() argument 'newline' must be str or None, not %s",
                        pith_type_name(nl));
        return -1;
    }
    if (pith_io_check_newline(nl, false) < 0) return -1;
    int lb = 0, wt = 0;
    if (v[4] && (lb = pith_is_true(v[4])) < 0) return -1;
    if (v[5] && (wt = pith_is_true(v[5])) < 0) return -1;
    clear_state(t);
    t->wlen = 0;
    PITH_SETREF(t->buffer, PITH_NEWREF(v[0]));
    PithObject *e;
    if (!enc || enc == PITH_NONE || pith_str_eq_cstr(enc, "locale")) e = pith_str_from_cstr("UTF-8");
    else e = PITH_NEWREF(enc);
    if (!e) return -1;
    PITH_SETREF(t->encoding, e);
    PITH_SETREF(t->errors, errs && errs != PITH_NONE ? PITH_NEWREF(errs) : pith_str_from_cstr("strict"));
    if (!t->errors) return -1;
    configure_newline(t, nl);
    t->line_buffering = (char)lb;
    t->write_through = (char)wt;
    t->chunk_size = 8192;
    int r = pith_io_call_bool(t->buffer, "readable");
    if (r < 0) return -1;
    t->can_read = (char)r;
    if ((r = pith_io_call_bool(t->buffer, "writable")) < 0) return -1;
    t->can_write = (char)r;
    if ((r = pith_io_call_bool(t->buffer, "seekable")) < 0) return -1;
    t->seekable = t->telling = (char)r;
    t->has_read1 = (char)pith_hasattr_str(t->buffer, "read1");
    t->pendingcr = 0;
    t->seennl = 0;
    if (configure_codec(t) < 0) return -1;
    if (t->seekable && t->can_write && t->encoder) {
        PithObject *pos = pith_call_method(t->buffer, "tell", NULL, 0);
        if (!pos) return -1;
        int nz = pith_is_true(pos);
        PITH_DECREF(pos);
        if (nz > 0) {
            PithObject *zero = pith_int_from_i64(0);
            int rr = pith_io_call_void(t->encoder, "setstate", &zero, 1);
            PITH_DECREF(zero);
            if (rr < 0) return -1;
        }
    }
    t->ok = 1;
    t->detached = 0;
    return 0;
}

PithObject *pith_io_textio_new_std(PithObject *buffer, const char *errors, bool line_buffering,
                                   bool write_through) {
    PithObject *o = tio_new(&pith_io_textiowrapper_type, NULL, 0, NULL);
    if (!o) return NULL;
    PithObject *en = pith_str_from_cstr("utf-8"), *er = pith_str_from_cstr(errors);
    /* newline="\n" as CPython's create_stdio on POSIX: no translation */
    PithObject *a[6] = {buffer, en, er, pith_io_istr("\n"), pith_bool_from(line_buffering),
                        pith_bool_from(write_through)};
    int r = en && er ? tio_init(o, a, 6, NULL) : -1;
    PITH_XDECREF(en);
    PITH_XDECREF(er);
    if (r < 0) PITH_CLEAR(o);
    return o;
}

static int tio_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    TextIO *t = TIO(o);
    PITH_VISIT(t->buffer);
    PITH_VISIT(t->decoder);
    PITH_VISIT(t->encoder);
    return pith_io_base_traverse(o, visit, arg);
}

static int tio_clear(PithObject *o) {
    TextIO *t = TIO(o);
    t->ok = 0;
    PITH_CLEAR(t->buffer);
    PITH_CLEAR(t->decoder);
    PITH_CLEAR(t->encoder);
    pith_io_base_clear(o);
    return 0;
}

static void tio_dealloc(PithObject *o) {
    if (pith_io_dealloc_begin(o)) return;
    TextIO *t = TIO(o);
    tio_clear(o);
    PITH_CLEAR(t->encoding);
    PITH_CLEAR(t->errors);
    PITH_CLEAR(t->readnl);
    PITH_CLEAR(t->writenl);
    clear_state(t);
    pith_mem_free(t->wbuf);
    pith_io_dealloc_end(o);
}

/* ---- writing ------------------------------------------------------------------- */

/* Hand the pending encoded bytes to buffer.write(). */
static int write_flush(TextIO *t) {
    if (t->wlen == 0) return 0;
    PithObject *b = pith_bytes_from(t->wbuf, t->wlen);
    t->wlen = 0;
    if (!b) return -1;
    int r = pith_io_call_void(t->buffer, "write", &b, 1);
    PITH_DECREF(b);
    return r;
}

static int append_pending(TextIO *t, const char *p, intptr_t n) {
    if (n == 0) return 0;
    if (t->wlen + n > t->wcap) {
        intptr_t nc = t->wcap ? t->wcap : 256;
        while (nc < t->wlen + n) nc *= 2;
        char *nb = pith_mem_realloc(t->wbuf, (size_t)nc);
        if (!nb) {
            pith_err_no_memory();
            return -1;
        }
        t->wbuf = nb;
        t->wcap = nc;
    }
    memcpy(t->wbuf + t->wlen, p, (size_t)n);
    t->wlen += n;
    return 0;
}

static bool has_char(PithObject *s, uint32_t c) {
    PithStr *u = (PithStr *)s;
    if (u->kind == 1) return memchr(PITH_STR_DATA(u), (int)c, (size_t)u->length) != NULL;
    for (intptr_t i = 0; i < u->length; i++)
        if (pith_str_read(u, i) == c) return true;
    return false;
}

int pith_io_textio_write_str(PithObject *self, PithObject *text) {
    TextIO *t = TIO(self);
    if (check_closed(t) < 0) return -1;
    if (!t->can_write) {
        pith_io_unsupported("not writable");
        return -1;
    }
    bool haslf = (t->writetranslate || t->line_buffering) && has_char(text, '\n');
    PithObject *s = PITH_NEWREF(text);
    if (haslf && t->writetranslate && t->writenl) {
        PITH_SETREF(s, pith_io_replace_lf(s, t->writenl));
        if (!s) return -1;
    }
    bool needflush = t->line_buffering && (haslf || has_char(s, '\r'));
    PithObject *b;
    if (t->kind == K_UTF8 && ((PithStr *)s)->ascii) {
        b = NULL;
        if (append_pending(t, (const char *)PITH_STR_DATA(s), PITH_STR_LEN(s)) < 0) {
            PITH_DECREF(s);
            return -1;
        }
    } else {
        b = encode(t, s);
        if (!b || append_pending(t, PITH_BYTES_DATA(b), PITH_SIZE(b)) < 0) {
            PITH_XDECREF(b);
            PITH_DECREF(s);
            return -1;
        }
        PITH_DECREF(b);
    }
    PITH_DECREF(s);
    if (t->wlen > t->chunk_size || needflush || t->write_through) {
        if (write_flush(t) < 0) return -1;
    }
    if (needflush && pith_io_call_void(t->buffer, "flush", NULL, 0) < 0) return -1;
    if (t->decoded || t->snap_input) clear_state(t);
    if (t->decoder || t->npend || t->pendingcr) {
        if (reset_decoder(t) < 0) return -1;
    }
    return 0;
}

IO_METHOD(tio_write) {
    if (check_ok(TIO(self)) < 0) return NULL;
    if (!pith_str_check(args[0]))
        return pith_err_format(&pith_exc_TypeError, "write() argument must be str, not %s",
                               pith_type_name(args[0]));
    if (pith_io_textio_write_str(self, args[0]) < 0) return NULL;
    return pith_int_from_ssize(PITH_STR_LEN(args[0]));
}

int pith_io_textio_flush(PithObject *self) {
    TextIO *t = TIO(self);
    if (check_closed(t) < 0) return -1;
    t->telling = t->seekable;
    if (write_flush(t) < 0) return -1;
    return pith_io_call_void(t->buffer, "flush", NULL, 0);
}

IO_METHOD(tio_flush) {
    if (pith_io_textio_flush(self) < 0) return NULL;
    PITH_RETURN_NONE;
}

/* ---- reading ------------------------------------------------------------------- */

static int check_readable(TextIO *t) {
    if (check_closed(t) < 0) return -1;
    if (t->can_read) return 0;
    pith_io_unsupported("not readable");
    return -1;
}

/* Read one chunk and decode it; 1 = got data (maybe zero chars), 0 = EOF. */
static int read_chunk(TextIO *t, intptr_t size_hint) {
    PithObject *dec_bytes = NULL;
    int64_t dec_flags = 0;
    if (t->telling && get_state(t, &dec_bytes, &dec_flags) < 0) return -1;
    intptr_t n = t->chunk_size;
    if (size_hint > n) n = size_hint;
    PithObject *num = pith_int_from_ssize(n);
    PithObject *chunk = num ? pith_call_method(t->buffer, t->has_read1 ? "read1" : "read", &num, 1) : NULL;
    PITH_XDECREF(num);
    if (!chunk) goto fail;
    const char *d;
    intptr_t dl;
    if (chunk == PITH_NONE) {
        d = "";
        dl = 0;
    } else if (!pith_bytes_view(chunk, &d, &dl)) {
        pith_err_format(&pith_exc_TypeError,
                        "underlying %s() should have returned a bytes-like object, not '%s'",
                        t->has_read1 ? "read1" : "read", pith_type_name(chunk));
        goto fail;
    }
    bool eof = dl == 0;
    PithObject *s = decode(t, d, dl, eof);
    if (!s) goto fail;
    PITH_SETREF(t->decoded, s);
    t->used = 0;
    if (t->telling) {
        if (pith_bytes_concat_inplace(&dec_bytes, chunk) < 0) goto fail;
        PITH_SETREF(t->snap_input, dec_bytes);
        dec_bytes = NULL;
        t->snap_flags = dec_flags;
    }
    PITH_DECREF(chunk);
    return !eof;
fail:
    PITH_XDECREF(chunk);
    PITH_XDECREF(dec_bytes);
    return -1;
}

static intptr_t avail(TextIO *t) { return t->decoded ? PITH_STR_LEN(t->decoded) - t->used : 0; }

/* Take up to n (n < 0: all) decoded characters. */
static PithObject *take_decoded(TextIO *t, intptr_t n) {
    intptr_t a = avail(t);
    if (n < 0 || n > a) n = a;
    if (n == 0) return pith_str_empty();
    PithObject *r;
    if (t->used == 0 && n == PITH_STR_LEN(t->decoded)) r = PITH_NEWREF(t->decoded);
    else r = pith_str_substring(t->decoded, t->used, t->used + n);
    if (r) t->used += n;
    return r;
}

static PithObject *read_impl(TextIO *t, intptr_t n) {
    if (check_readable(t) < 0) return NULL;
    if (write_flush(t) < 0) return NULL;
    if (n < 0) {
        PithObject *rest = pith_call_method(t->buffer, "read", NULL, 0);
        if (!rest) return NULL;
        const char *d = "";
        intptr_t dl = 0;
        if (rest != PITH_NONE && !pith_bytes_view(rest, &d, &dl)) {
            PITH_DECREF(rest);
            return pith_err_format(&pith_exc_TypeError, "underlying read() should have returned a bytes object, not '%s'",
                                   pith_type_name(rest));
        }
        PithObject *head = take_decoded(t, -1);
        PithObject *tail = head ? decode(t, d, dl, true) : NULL;
        PITH_DECREF(rest);
        PithObject *r = tail ? pith_str_concat(head, tail) : NULL;
        PITH_XDECREF(head);
        PITH_XDECREF(tail);
        clear_state(t);
        return r;
    }
    PithObject *acc = take_decoded(t, n);
    while (acc && PITH_STR_LEN(acc) < n) {
        int r = read_chunk(t, n - PITH_STR_LEN(acc));
        if (r < 0) PITH_CLEAR(acc);
        else {
            PithObject *more = take_decoded(t, n - PITH_STR_LEN(acc));
            if (!more) PITH_CLEAR(acc);
            else if (pith_str_append_inplace(&acc, more) < 0) PITH_CLEAR(acc);
            PITH_XDECREF(more);
        }
        if (r == 0) break;
    }
    return acc;
}

IO_METHOD(tio_read) {
    intptr_t n;
    if (check_ok(TIO(self)) < 0) return NULL;
    if (pith_arg_check_range("read", nargs, 0, 1) < 0 || pith_io_size_arg(args, nargs, &n) < 0) return NULL;
    return read_impl(TIO(self), n);
}

PithObject *pith_io_textio_readline(PithObject *self, intptr_t limit) {
    TextIO *t = TIO(self);
    if (check_readable(t) < 0) return NULL;
    if (write_flush(t) < 0) return NULL;
    PithObject *acc = NULL;
    for (;;) {
        if (t->decoded) {
            intptr_t len = PITH_STR_LEN(t->decoded);
            intptr_t end = pith_io_find_eol(t->decoded, t->used, len, t->readtranslate,
                                            t->readuniversal && !t->readtranslate, t->readnl, false);
            intptr_t n = end < 0 ? len - t->used : end - t->used;
            intptr_t have = acc ? PITH_STR_LEN(acc) : 0;
            bool done = end >= 0;
            if (limit >= 0 && have + n >= limit) {
                n = limit - have;
                done = true;
            }
            /* a lone '\r' at the end may be the start of '\r\n' */
            if (!done && t->readuniversal && !t->readtranslate && n > 0 &&
                pith_str_read((PithStr *)t->decoded, len - 1) == '\r')
                n--;
            PithObject *piece = take_decoded(t, n);
            if (!piece) goto fail;
            if (!acc) acc = piece;
            else {
                int r = pith_str_append_inplace(&acc, piece);
                PITH_DECREF(piece);
                if (r < 0) goto fail;
            }
            if (done) break;
            /* keep an undecided '\r' for the next chunk */
            if (avail(t) > 0) {
                PithObject *rest = take_decoded(t, -1);
                if (!rest) goto fail;
                int r = read_chunk(t, 0);
                if (r < 0) {
                    PITH_DECREF(rest);
                    goto fail;
                }
                PithObject *joined = t->decoded ? pith_str_concat(rest, t->decoded) : PITH_NEWREF(rest);
                PITH_DECREF(rest);
                if (!joined) goto fail;
                PITH_SETREF(t->decoded, joined);
                t->used = 0;
                if (r == 0) {
                    PithObject *piece2 = take_decoded(t, limit >= 0 ? limit - PITH_STR_LEN(acc) : -1);
                    if (!piece2 || pith_str_append_inplace(&acc, piece2) < 0) {
                        PITH_XDECREF(piece2);
                        goto fail;
                    }
                    PITH_DECREF(piece2);
                    break;
                }
                continue;
            }
        }
        int r = read_chunk(t, 0);
        if (r < 0) goto fail;
        if (r == 0 && avail(t) == 0) break;
    }
    if (!acc) acc = pith_str_empty();
    if (t->decoded && avail(t) == 0 && !t->telling) PITH_CLEAR(t->decoded);
    return acc;
fail:
    PITH_XDECREF(acc);
    return NULL;
}

IO_METHOD(tio_readline) {
    intptr_t n;
    if (check_ok(TIO(self)) < 0) return NULL;
    if (pith_arg_check_range("readline", nargs, 0, 1) < 0) return NULL;
    if (nargs && args[0] != PITH_NONE && !pith_index_check(args[0]))
        return pith_err_format(&pith_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                               pith_type_name(args[0]));
    if (pith_io_size_arg(args, nargs, &n) < 0) return NULL;
    return pith_io_textio_readline(self, n);
}

static PithObject *tio_iternext(PithObject *self) {
    TextIO *t = TIO(self);
    PithObject *line;
    if (PITH_TYPE(self) == &pith_io_textiowrapper_type) {
        if (check_ok(t) < 0) return NULL;
        t->telling = 0;
        line = pith_io_textio_readline(self, -1);
    } else {
        line = pith_call_method(self, "readline", NULL, 0);
        if (line && !pith_str_check(line)) {
            pith_err_format(&pith_exc_OSError, "readline() should have returned a str object, not '%s'",
                            pith_type_name(line));
            PITH_CLEAR(line);
        }
    }
    if (line && PITH_STR_LEN(line) == 0) {
        PITH_CLEAR(line);
        clear_state(t);
        t->telling = t->seekable;
    }
    return line;
}

/* ---- tell / seek ---------------------------------------------------------------- */

static PithObject *big(int64_t v) { return pith_int_from_i64(v); }

/* ((((need_eof<<64 | chars)<<64 | bytes)<<64 | flags)<<64 | pos */
static PithObject *build_cookie(int64_t pos, int64_t flags, int64_t bytes_to_feed, int64_t chars,
                                int need_eof) {
    int64_t parts[5] = {need_eof, chars, bytes_to_feed, flags, pos};
    PithObject *shift = big(64);
    PithObject *acc = big(0);
    for (int i = 0; i < 5 && acc; i++) {
        PithObject *s = i ? pith_number_lshift(acc, shift) : PITH_NEWREF(acc);
        PithObject *p = big(parts[i]);
        PithObject *o = s && p ? pith_number_or(s, p) : NULL;
        PITH_XDECREF(s);
        PITH_XDECREF(p);
        PITH_SETREF(acc, o);
    }
    PITH_XDECREF(shift);
    return acc;
}

static int parse_cookie(PithObject *cookie, int64_t out[5]) {
    PithObject *one = big(1), *bits = big(64);
    PithObject *base = one && bits ? pith_number_lshift(one, bits) : NULL;
    PITH_XDECREF(one);
    PITH_XDECREF(bits);
    if (!base) return -1;
    PithObject *cur = PITH_NEWREF(cookie);
    int r = 0;
    for (int i = 0; i < 5; i++) {
        PithObject *dm = pith_number_divmod(cur, base);
        if (!dm) {
            r = -1;
            break;
        }
        int ov = 0;
        int64_t v = pith_int_as_i64_overflow(PITH_TUPLE_GET(dm, 1), &ov);
        out[i] = ov ? INT64_MAX : v;
        PITH_SETREF(cur, PITH_NEWREF(PITH_TUPLE_GET(dm, 0)));
        PITH_DECREF(dm);
    }
    PITH_DECREF(cur);
    PITH_DECREF(base);
    return r;
}

static PithObject *tell_impl(TextIO *t) {
    if (check_closed(t) < 0) return NULL;
    if (!t->seekable) return pith_io_unsupported("underlying stream is not seekable");
    if (!t->telling) {
        pith_err_set_string(&pith_exc_OSError, "telling position disabled by next() call");
        return NULL;
    }
    if (write_flush(t) < 0 || pith_io_call_void((PithObject *)t, "flush", NULL, 0) < 0) return NULL;
    PithObject *posobj = pith_call_method(t->buffer, "tell", NULL, 0);
    if (!posobj) return NULL;
    int64_t pos = pith_int_as_i64(posobj);
    PITH_DECREF(posobj);
    if (pos == -1 && pith_err_occurred()) return NULL;
    if (!t->snap_input) {
        if (avail(t) > 0) {
            pith_err_set_string(&pith_exc_RuntimeError, "pending decoded text");
            return NULL;
        }
        return big(pos);
    }
    const char *in = PITH_BYTES_DATA(t->snap_input);
    intptr_t inlen = PITH_SIZE(t->snap_input);
    pos -= inlen;
    intptr_t skip = t->used;
    if (skip == 0) return build_cookie(pos, t->snap_flags, 0, 0, 0);
    /* Re-decode the snapshot byte by byte from a clean decoder. */
    PithObject *saved_bytes;
    int64_t saved_flags;
    int saved_seen = t->seennl;
    if (get_state(t, &saved_bytes, &saved_flags) < 0) return NULL;
    PithObject *result = NULL;
    int64_t start_pos = pos, start_flags = t->snap_flags;
    intptr_t bytes_fed = 0, chars = 0;
    int need_eof = 0;
    if (set_state(t, "", 0, t->snap_flags) < 0) goto restore;
    intptr_t i = 0;
    for (; i < inlen; i++) {
        bytes_fed++;
        PithObject *s = decode(t, in + i, 1, false);
        if (!s) goto restore;
        chars += PITH_STR_LEN(s);
        PITH_DECREF(s);
        PithObject *pb;
        int64_t fl;
        if (get_state(t, &pb, &fl) < 0) goto restore;
        intptr_t pbl = PITH_SIZE(pb);
        PITH_DECREF(pb);
        if (pbl == 0 && chars <= skip) {
            start_pos += bytes_fed;
            skip -= chars;
            start_flags = fl;
            bytes_fed = 0;
            chars = 0;
        }
        if (chars >= skip) break;
    }
    if (i == inlen) {
        PithObject *s = decode(t, "", 0, true);
        if (!s) goto restore;
        chars += PITH_STR_LEN(s);
        PITH_DECREF(s);
        need_eof = 1;
        if (chars < skip) {
            pith_err_set_string(&pith_exc_OSError, "can't reconstruct logical file position");
            goto restore;
        }
    }
    result = build_cookie(start_pos, start_flags, bytes_fed, skip, need_eof);
restore:
    {
        PithObject *exc = pith_err_fetch();
        if (set_state(t, PITH_BYTES_DATA(saved_bytes), PITH_SIZE(saved_bytes), saved_flags) < 0)
            pith_err_clear();
        t->seennl = saved_seen;
        pith_err_restore(exc);
    }
    PITH_DECREF(saved_bytes);
    return result;
}

IO_METHOD(tio_tell) {
    if (check_ok(TIO(self)) < 0) return NULL;
    return tell_impl(TIO(self));
}

static int encoder_after_seek(TextIO *t, bool at_start) {
    if (!t->encoder) return 0;
    if (at_start) return pith_io_call_void(t->encoder, "reset", NULL, 0);
    PithObject *zero = big(0);
    int r = pith_io_call_void(t->encoder, "setstate", &zero, 1);
    PITH_DECREF(zero);
    return r;
}

IO_METHOD(tio_seek) {
    TextIO *t = TIO(self);
    if (check_ok(t) < 0 || pith_arg_check_range("seek", nargs, 1, 2) < 0) return NULL;
    PithObject *cookie = args[0];
    intptr_t whence = 0;
    if (nargs > 1 && (whence = pith_number_as_ssize(args[1], &pith_exc_OverflowError)) == -1 &&
        pith_err_occurred())
        return NULL;
    if (check_closed(t) < 0) return NULL;
    if (!t->seekable) return pith_io_unsupported("underlying stream is not seekable");
    if (!pith_index_check(cookie))
        return pith_err_format(&pith_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                               pith_type_name(cookie));
    int zero = pith_is_true(cookie) == 0;
    if (whence == 1) {
        if (!zero) return pith_io_unsupported("can't do nonzero cur-relative seeks");
        return tell_impl(t);
    }
    if (whence == 2) {
        if (!zero) return pith_io_unsupported("can't do nonzero end-relative seeks");
        if (pith_io_textio_flush(self) < 0) return NULL;
        clear_state(t);
        if (reset_decoder(t) < 0) return NULL;
        PithObject *a[2] = {big(0), big(2)};
        PithObject *r = pith_call_method(t->buffer, "seek", a, 2);
        if (r && encoder_after_seek(t, false) < 0) PITH_CLEAR(r);
        return r;
    }
    if (whence != 0)
        return pith_err_format(&pith_exc_ValueError, "invalid whence (%zd, should be 0, 1 or 2)", whence);
    PithObject *zo = big(0);
    int neg = pith_richcompare_bool(cookie, zo, PITH_LT);
    PITH_DECREF(zo);
    if (neg < 0) return NULL;
    if (neg) return pith_err_format(&pith_exc_ValueError, "negative seek position %R", cookie);
    if (pith_io_textio_flush(self) < 0) return NULL;
    int64_t f[5];
    if (parse_cookie(cookie, f) < 0) return NULL;
    int64_t start_pos = f[0], dec_flags = f[1], bytes_to_feed = f[2], chars_to_skip = f[3];
    int need_eof = f[4] != 0;
    PithObject *sp = big(start_pos);
    PithObject *r = sp ? pith_call_method(t->buffer, "seek", &sp, 1) : NULL;
    PITH_XDECREF(sp);
    if (!r) return NULL;
    PITH_DECREF(r);
    clear_state(t);
    if (zero) {
        if (reset_decoder(t) < 0) return NULL;
    } else {
        t->seennl = 0;
        if (set_state(t, "", 0, dec_flags) < 0) return NULL;
        if (!(t->snap_input = pith_bytes_from(NULL, 0))) return NULL;
        t->snap_flags = dec_flags;
    }
    if (chars_to_skip) {
        PithObject *n = big(bytes_to_feed);
        PithObject *chunk = n ? pith_call_method(t->buffer, "read", &n, 1) : NULL;
        PITH_XDECREF(n);
        if (!chunk) return NULL;
        const char *d;
        intptr_t dl;
        if (!pith_bytes_view(chunk, &d, &dl)) {
            PITH_DECREF(chunk);
            return pith_err_format(&pith_exc_TypeError, "underlying read() should have returned a bytes object");
        }
        PithObject *s = decode(t, d, dl, need_eof);
        if (!s) {
            PITH_DECREF(chunk);
            return NULL;
        }
        PITH_SETREF(t->decoded, s);
        PITH_SETREF(t->snap_input, chunk);
        t->snap_flags = dec_flags;
        if (PITH_STR_LEN(s) < chars_to_skip) {
            pith_err_set_string(&pith_exc_OSError, "can't restore logical file position");
            return NULL;
        }
        t->used = (intptr_t)chars_to_skip;
    }
    if (encoder_after_seek(t, zero) < 0) return NULL;
    return PITH_NEWREF(cookie);
}

IO_METHOD(tio_truncate) {
    TextIO *t = TIO(self);
    if (check_ok(t) < 0 || pith_arg_check_range("truncate", nargs, 0, 1) < 0) return NULL;
    if (pith_io_call_void(self, "flush", NULL, 0) < 0) return NULL;
    PithObject *pos = nargs && args[0] != PITH_NONE ? PITH_NEWREF(args[0]) : pith_call_method(self, "tell", NULL, 0);
    if (!pos) return NULL;
    PithObject *r = pith_call_method(t->buffer, "truncate", &pos, 1);
    PITH_DECREF(pos);
    return r;
}

/* ---- other methods ---------------------------------------------------------------- */

IO_METHOD(tio_close) {
    TextIO *t = TIO(self);
    if (check_ok(t) < 0) return NULL;
    int c = pith_io_attr_bool(self, "closed");
    if (c < 0) return NULL;
    if (c) PITH_RETURN_NONE;
    PithObject *fl = pith_call_method(self, "flush", NULL, 0);
    PithObject *saved = fl ? NULL : pith_err_fetch();
    PITH_XDECREF(fl);
    PithObject *r = pith_call_method(t->buffer, "close", NULL, 0);
    if (saved) {
        if (r) {
            PITH_DECREF(r);
            pith_err_restore(saved);
        } else {
            pith_err_chain_context();
            PITH_DECREF(saved);
        }
        return NULL;
    }
    return r;
}

IO_METHOD(tio_detach) {
    TextIO *t = TIO(self);
    if (check_ok(t) < 0) return NULL;
    if (pith_io_call_void(self, "flush", NULL, 0) < 0) return NULL;
    PithObject *b = t->buffer;
    t->buffer = NULL;
    t->ok = 0;
    t->detached = 1;
    return b;
}

static PithObject *forward(PithObject *self, const char *name) {
    if (check_ok(TIO(self)) < 0) return NULL;
    return pith_call_method(TIO(self)->buffer, name, NULL, 0);
}

IO_METHOD(tio_fileno) { return forward(self, "fileno"); }
IO_METHOD(tio_isatty) { return forward(self, "isatty"); }
IO_METHOD(tio_seekable) {
    if (check_closed(TIO(self)) < 0) return NULL;
    return pith_bool_from(TIO(self)->seekable);
}
IO_METHOD(tio_readable) { return forward(self, "readable"); }
IO_METHOD(tio_writable) { return forward(self, "writable"); }

IO_METHOD(tio_reconfigure) {
    TextIO *t = TIO(self);
    static const char *const kw[] = {"encoding", "errors", "newline", "line_buffering", "write_through", NULL};
    static const PithArgSpec spec = {"reconfigure", kw, 5, 0, 0, 0};
    PithObject *v[5];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0 || check_ok(t) < 0) return NULL;
    for (int i = 0; i < 3; i++)
        if (v[i] && v[i] != PITH_NONE && !pith_str_check(v[i]))
            return pith_err_format(&pith_exc_TypeError, "reconfigure() argument '%s' must be str or None, not %s",
                                   kw[i], pith_type_name(v[i]));
    if (v[2] && pith_io_check_newline(v[2], false) < 0) return NULL;
    if ((v[0] && v[0] != PITH_NONE) || v[2]) {
        if (t->decoded && avail(t) > 0)
            return pith_io_unsupported("It is not possible to set the encoding or newline of stream after the first read");
    }
    if (pith_io_textio_flush(self) < 0) return NULL;
    if (v[0] && v[0] != PITH_NONE) {
        PITH_SETREF(t->encoding, pith_str_eq_cstr(v[0], "locale") ? pith_str_from_cstr("UTF-8") : PITH_NEWREF(v[0]));
        if (!v[1] || v[1] == PITH_NONE) PITH_SETREF(t->errors, pith_str_from_cstr("strict"));
    }
    if (v[1] && v[1] != PITH_NONE) PITH_SETREF(t->errors, PITH_NEWREF(v[1]));
    if (!t->encoding || !t->errors) return NULL;
    if (((v[0] && v[0] != PITH_NONE) || (v[1] && v[1] != PITH_NONE)) && configure_codec(t) < 0) return NULL;
    if (v[2]) configure_newline(t, v[2]);
    int b;
    if (v[3] && v[3] != PITH_NONE) {
        if ((b = pith_is_true(v[3])) < 0) return NULL;
        t->line_buffering = (char)b;
    }
    if (v[4] && v[4] != PITH_NONE) {
        if ((b = pith_is_true(v[4])) < 0) return NULL;
        t->write_through = (char)b;
    }
    PITH_RETURN_NONE;
}

static PithObject *tio_repr(PithObject *o) {
    TextIO *t = TIO(o);
    if (!t->ok && !t->detached) return pith_str_from_format("<%s>", PITH_TYPE(o)->tp_name);
    int rec = pith_repr_enter(o);
    if (rec != 0) {
        if (rec > 0) pith_err_format(&pith_exc_RuntimeError, "reentrant call inside %s.__repr__", PITH_TYPE(o)->tp_name);
        return NULL;
    }
    PithStrBuilder sb;
    pith_sb_init(&sb);
    PithObject *res = NULL;
    if (pith_sb_append_utf8(&sb, "<", 1) < 0 || pith_sb_append_utf8(&sb, PITH_TYPE(o)->tp_name, -1) < 0) goto done;
    static const char *const attrs[] = {"name", "mode"};
    for (int i = 0; i < 2; i++) {
        PithObject *v;
        int r = pith_lookup_attr(o, pith_io_istr(attrs[i]), &v);
        if (r < 0) {
            if (!pith_err_matches(&pith_exc_Exception)) goto done;
            pith_err_clear(); /* CPython ignores ValueError here */
            continue;
        }
        if (r == 0) continue;
        int e = pith_sb_append_utf8(&sb, " ", 1) < 0 || pith_sb_append_utf8(&sb, attrs[i], -1) < 0 ||
                pith_sb_append_utf8(&sb, "=", 1) < 0 || pith_sb_append_repr(&sb, v) < 0;
        PITH_DECREF(v);
        if (e) goto done;
    }
    if (pith_sb_append_utf8(&sb, " encoding=", -1) < 0 || pith_sb_append_repr(&sb, t->encoding) < 0 ||
        pith_sb_append_utf8(&sb, ">", 1) < 0)
        goto done;
    res = pith_sb_finish(&sb);
    sb.buf = NULL;
done:
    if (!res) pith_sb_discard(&sb);
    pith_repr_leave(o);
    return res;
}

static PithObject *get_checked(PithObject *o, PithObject *v) {
    if (check_ok(TIO(o)) < 0) return NULL;
    return v ? PITH_NEWREF(v) : (PithObject *)PITH_NONE;
}

static PithObject *tio_get_encoding(PithObject *o, void *c) { return get_checked(o, TIO(o)->encoding); }
static PithObject *tio_get_errors(PithObject *o, void *c) { return get_checked(o, TIO(o)->errors); }
static PithObject *tio_get_buffer(PithObject *o, void *c) { return get_checked(o, TIO(o)->buffer); }
static PithObject *tio_get_line_buffering(PithObject *o, void *c) {
    if (check_ok(TIO(o)) < 0) return NULL;
    return pith_bool_from(TIO(o)->line_buffering);
}
static PithObject *tio_get_write_through(PithObject *o, void *c) {
    if (check_ok(TIO(o)) < 0) return NULL;
    return pith_bool_from(TIO(o)->write_through);
}
static PithObject *tio_get_closed(PithObject *o, void *c) {
    if (check_ok(TIO(o)) < 0) return NULL;
    return pith_getattr_str(TIO(o)->buffer, "closed");
}
static PithObject *tio_get_name(PithObject *o, void *c) {
    if (check_ok(TIO(o)) < 0) return NULL;
    return pith_getattr_str(TIO(o)->buffer, "name");
}
static PithObject *tio_get_newlines(PithObject *o, void *c) {
    TextIO *t = TIO(o);
    if (check_ok(t) < 0) return NULL;
    if (!t->readuniversal || !t->can_read) PITH_RETURN_NONE;
    return pith_io_newlines_value(t->seennl);
}
static PithObject *tio_get_chunk(PithObject *o, void *c) {
    if (check_ok(TIO(o)) < 0) return NULL;
    return pith_int_from_ssize(TIO(o)->chunk_size);
}
static int tio_set_chunk(PithObject *o, PithObject *v, void *c) {
    if (check_ok(TIO(o)) < 0) return -1;
    if (!v) {
        pith_err_set_string(&pith_exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    intptr_t n = pith_number_as_ssize(v, &pith_exc_OverflowError);
    if (n == -1 && pith_err_occurred()) return -1;
    if (n <= 0) {
        pith_err_set_string(&pith_exc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    TIO(o)->chunk_size = n;
    return 0;
}

static PithMethodDef tio_methods[] = {
    {"write", tio_write, PITH_METH_O, NULL},
    {"read", tio_read, PITH_METH_FAST, NULL},
    {"readline", tio_readline, PITH_METH_FAST, NULL},
    {"flush", tio_flush, PITH_METH_NOARGS, NULL},
    {"close", tio_close, PITH_METH_NOARGS, NULL},
    {"detach", tio_detach, PITH_METH_NOARGS, NULL},
    {"tell", tio_tell, PITH_METH_NOARGS, NULL},
    {"seek", tio_seek, PITH_METH_FAST, NULL},
    {"truncate", tio_truncate, PITH_METH_FAST, NULL},
    {"fileno", tio_fileno, PITH_METH_NOARGS, NULL},
    {"isatty", tio_isatty, PITH_METH_NOARGS, NULL},
    {"seekable", tio_seekable, PITH_METH_NOARGS, NULL},
    {"readable", tio_readable, PITH_METH_NOARGS, NULL},
    {"writable", tio_writable, PITH_METH_NOARGS, NULL},
    {"reconfigure", tio_reconfigure, PITH_METH_KW, NULL},
    {NULL, NULL, 0, NULL},
};

static PithGetSetDef tio_getset[] = {
    {"encoding", tio_get_encoding, NULL, NULL, NULL},
    {"errors", tio_get_errors, NULL, NULL, NULL},
    {"buffer", tio_get_buffer, NULL, NULL, NULL},
    {"line_buffering", tio_get_line_buffering, NULL, NULL, NULL},
    {"write_through", tio_get_write_through, NULL, NULL, NULL},
    {"closed", tio_get_closed, NULL, NULL, NULL},
    {"name", tio_get_name, NULL, NULL, NULL},
    {"newlines", tio_get_newlines, NULL, NULL, NULL},
    {"_CHUNK_SIZE", tio_get_chunk, tio_set_chunk, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_io_textiowrapper_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(TextIO),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,
    .tp_dealloc = tio_dealloc,
    .tp_repr = tio_repr,
    .tp_traverse = tio_traverse,
    .tp_clear = tio_clear,
    .tp_new = tio_new,
    .tp_init = tio_init,
    .tp_finalize = pith_io_finalize,
    .tp_iternext = tio_iternext,
    .tp_methods = tio_methods,
    .tp_getset = tio_getset,
    .tp_base = &pith_io_textiobase_type,
};
