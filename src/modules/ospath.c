/* ospath.c — path arguments and errno exceptions for the OS modules
 * (see osmod.h). Paths are str (encoded UTF-8 + surrogateescape, the
 * filesystem encoding), bytes, os.PathLike objects, or (where allowed)
 * file descriptors and None. */
#include <errno.h>
#include <string.h>

#include "osmod.h"

PithObject *pith_os_error2(PithObject *filename, PithObject *filename2) {
    int err = errno;
    PithObject *code = pith_int_from_i64(err);
    PithObject *msg = pith_str_from_cstr(strerror(err));
    PithObject *args = NULL;
    if (code && msg) {
        if (filename2)
            args = pith_tuple_pack(5, code, msg, filename ? filename : PITH_NONE, PITH_NONE,
                                   filename2);
        else if (filename)
            args = pith_tuple_pack(3, code, msg, filename);
        else
            args = pith_tuple_pack(2, code, msg);
    }
    PITH_XDECREF(code);
    PITH_XDECREF(msg);
    if (args) {
        pith_err_set_object(&pith_exc_OSError, args);
        PITH_DECREF(args);
    }
    return NULL;
}

PithObject *pith_os_fspath(PithObject *o) {
    if (pith_str_check(o) || pith_bytes_check(o)) return PITH_NEWREF(o);
    PithObject *name = pith_str_intern_cstr("__fspath__");
    if (!name) return NULL;
    PithObject *meth = pith_lookup_special(o, name);
    PITH_DECREF(name);
    if (!meth) {
        if (!pith_err_occurred())
            pith_err_format(&pith_exc_TypeError,
                            "expected str, bytes or os.PathLike object, not %T", o);
        return NULL;
    }
    PithObject *r = pith_call_noargs(meth);
    PITH_DECREF(meth);
    if (r && !pith_str_check(r) && !pith_bytes_check(r)) {
        pith_err_format(&pith_exc_TypeError,
                        "expected %T.__fspath__() to return str or bytes, not %T", o, r);
        PITH_CLEAR(r);
    }
    return r;
}

int pith_os_int(PithObject *o, int *out) {
    if (pith_float_check(o)) {
        pith_err_set_string(&pith_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    intptr_t v = pith_number_as_ssize(o, &pith_exc_OverflowError);
    if (v == -1 && pith_err_occurred()) return -1;
    if (v > 2147483647 || v < -2147483647 - 1) {
        pith_err_set_string(&pith_exc_OverflowError,
                            v > 0 ? "signed integer is greater than maximum"
                                  : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int path_type_error(PithOsPath *p, PithObject *obj) {
    const char *allowed = p->allow_fd && p->nullable ? "string, bytes, os.PathLike, integer or None"
                          : p->allow_fd              ? "string, bytes, os.PathLike or integer"
                          : p->nullable              ? "string, bytes, os.PathLike or None"
                                                     : "string, bytes or os.PathLike";
    pith_err_format(&pith_exc_TypeError, "%s: %s should be %s, not %T", p->fname, p->argname,
                    allowed, obj);
    return -1;
}

int pith_ospath_convert(PithOsPath *p, PithObject *obj) {
    p->object = obj ? obj : PITH_NONE;
    p->bytes = NULL;
    p->narrow = NULL;
    p->fd = -1;
    p->is_bytes = false;
    if (!obj || obj == PITH_NONE) {
        if (p->nullable) return 0;
        return path_type_error(p, PITH_NONE);
    }
    if (p->allow_fd && pith_index_check(obj) && !pith_str_check(obj) && !pith_bytes_check(obj))
        return pith_os_int(obj, &p->fd);
    PithObject *v = obj;
    if (!pith_str_check(obj) && !pith_bytes_check(obj)) {
        PithObject *name = pith_str_intern_cstr("__fspath__");
        if (!name) return -1;
        PithObject *meth = pith_lookup_special(obj, name);
        PITH_DECREF(name);
        if (!meth) return pith_err_occurred() ? -1 : path_type_error(p, obj);
        PITH_DECREF(meth);
        v = pith_os_fspath(obj);
        if (!v) return -1;
    } else {
        PITH_INCREF(v);
    }
    if (pith_str_check(v)) {
        p->bytes = pith_str_encode_utf8(v, "surrogateescape");
        PITH_DECREF(v);
        if (!p->bytes) return -1;
    } else {
        p->is_bytes = true;
        p->bytes = v;
    }
    p->narrow = PITH_BYTES_DATA(p->bytes);
    if ((intptr_t)strlen(p->narrow) != PITH_BYTES_SIZE(p->bytes)) {
        pith_err_set_string(&pith_exc_ValueError, "embedded null byte");
        PITH_CLEAR(p->bytes);
        return -1;
    }
    return 0;
}

void pith_ospath_clear(PithOsPath *p) { PITH_CLEAR(p->bytes); }

PithObject *pith_os_decode(const char *s, intptr_t len, bool as_bytes) {
    if (len < 0) len = (intptr_t)strlen(s);
    if (as_bytes) return pith_bytes_from(s, len);
    return pith_str_decode(s, len, "utf-8", "surrogateescape");
}
