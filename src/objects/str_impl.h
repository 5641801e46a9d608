/* str_impl.h — private declarations shared by the str/bytes implementation
 * files (str.c, str_methods.c, str_format.c, strbuilder.c, codecs.c,
 * bytes.c). Not part of the public API. */
#ifndef PITH_STR_IMPL_H
#define PITH_STR_IMPL_H

#include "pith/pith.h"

/* Type name of a bad argument as CPython's clinic messages spell it
 * ("None" for None). */
/* A C int argument (clinic 'i' / bool(accept={int})): via __index__,
 * OverflowError "Python int too large to convert to C int". 0 or -1. */
static inline int pith_cint_arg(PithObject *o, int *out) {
    PithObject *i = pith_number_index(o);
    if (!i) return -1;
    int overflow = 0;
    int64_t v = pith_int_as_i64_overflow(i, &overflow);
    PITH_DECREF(i);
    if (overflow || v > INT32_MAX || v < INT32_MIN) {
        pith_err_set_string(&pith_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

#ifndef PITH_BADARG_NAME_DEFINED
#define PITH_BADARG_NAME_DEFINED
static inline const char *pith_badarg_name(PithObject *o) {
    return o == PITH_NONE ? "None" : pith_type_name(o);
}
#endif

/* The 64-bit string/bytes hash (never returns -1). */
intptr_t pith_hash_bytes(const void *data, size_t n);

/* Method tables (str_methods.c, bytes.c). */
extern PithMethodDef pith_str_methods[];

/* Copy n code points from src[from..] to dst[at..]; dst's kind must be
 * able to hold them. */
void pith_str_copy_chars(PithStr *dst, intptr_t at, PithObject *src,
                         intptr_t from, intptr_t n);
/* Largest code point of s[start:end]. */
uint32_t pith_str_max_char(PithObject *s, intptr_t start, intptr_t end);

/* Error handlers understood by the codecs. */
typedef enum {
    PITH_ERR_STRICT, PITH_ERR_REPLACE, PITH_ERR_IGNORE,
    PITH_ERR_SURROGATEESCAPE, PITH_ERR_BACKSLASHREPLACE,
    PITH_ERR_SURROGATEPASS, PITH_ERR_XMLCHARREFREPLACE, PITH_ERR_NAMEREPLACE,
    PITH_ERR_UNKNOWN
} PithErrHandler;
PithErrHandler pith_codec_error_handler(const char *errors);

/* Decode UTF-8 with an error handler (str.c uses it for construction). */
PithObject *pith_utf8_decode(const char *s, intptr_t len, PithErrHandler eh,
                             const char *errors);

/* Raise UnicodeDecodeError/UnicodeEncodeError with CPython's message. */
void pith_raise_decode_error(const char *encoding, const char *data,
                             intptr_t len, intptr_t start, intptr_t end,
                             const char *reason);
void pith_raise_encode_error(const char *encoding, PithObject *str,
                             intptr_t start, intptr_t end, const char *reason);

/* Argument helpers shared by str/bytes methods: normalise start/end slice
 * arguments (None or int via __index__) against len. 0 / -1. */
int pith_parse_start_end(PithObject *start, PithObject *end, intptr_t len,
                         intptr_t *out_start, intptr_t *out_end);

#endif
