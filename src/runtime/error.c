/* error.c — the error indicator: raising, fetching, matching, chaining
 * and reporting exceptions.
 *
 * Invariant: pith_tstate()->curexc is NULL or an owned reference to an
 * exception *instance* (raising normalises at once, as CPython 3.12 does).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pith/pith.h"
#include "runtime_internal.h"

PithObject *pith_err_occurred(void) { return pith_tstate()->curexc; }

void pith_err_restore(PithObject *exc) {
    PithThreadState *ts = pith_tstate();
    PithObject *old = ts->curexc;
    ts->curexc = exc;
    PITH_XDECREF(old);
}

PithObject *pith_err_fetch(void) {
    PithThreadState *ts = pith_tstate();
    PithObject *e = ts->curexc;
    ts->curexc = NULL;
    return e;
}

void pith_err_clear(void) { pith_err_restore(NULL); }

void pith_err_raise(PithObject *exc) {
    PITH_INCREF(exc);
    pith_err_restore(exc);
}

/* Make `handled` the __context__ of `exc`, first cutting any cycle that
 * would arise because exc already appears in handled's context chain. */
static void chain_to(PithObject *exc, PithObject *handled) {
    if (!handled || handled == exc || handled == PITH_NONE) return;
    PithObject *o = handled;
    while (1) {
        PithObject *ctx = ((PithBaseException *)o)->context;
        if (!ctx) break;
        if (ctx == exc) {
            pith_exc_set_context(o, NULL);
            break;
        }
        o = ctx;
    }
    PITH_INCREF(handled);
    pith_exc_set_context(exc, handled);
}

void pith_err_chain_context(void) {
    PithThreadState *ts = pith_tstate();
    if (ts->curexc) chain_to(ts->curexc, ts->handled_exc);
}

/* Build an instance of `type` from `value` (NULL, a tuple of args, or a
 * single arg). New ref or NULL with the construction error set. */
static PithObject *make_instance(PithType *type, PithObject *value) {
    PithObject *inst;
    if (!value)
        inst = pith_call((PithObject *)type, NULL, 0, NULL);
    else if (pith_tuple_check(value))
        inst = pith_call_tuple_dict((PithObject *)type, value, NULL);
    else
        inst = pith_call((PithObject *)type, &value, 1, NULL);
    if (inst && !pith_exc_check(inst)) {
        pith_err_format(&pith_exc_TypeError,
                        "calling %R should have returned an instance of "
                        "BaseException, not %s",
                        (PithObject *)type, pith_type_name(inst));
        PITH_DECREF(inst);
        return NULL;
    }
    return inst;
}

void pith_err_set_object(PithType *type, PithObject *value) {
    PithObject *inst;
    if (!pith_exc_class_check((PithObject *)type)) {
        pith_err_format(&pith_exc_SystemError,
                        "exception %R is not a BaseException subclass",
                        (PithObject *)type);
        return;
    }
    if (value && pith_exc_check(value) &&
        pith_type_ok(value, type)) {
        inst = PITH_NEWREF(value);
    } else {
        /* Creating the instance may itself raise; keep the handled
         * exception as context for that one too. */
        PithObject *saved = pith_err_fetch();
        PITH_XDECREF(saved);
        inst = make_instance(type, value);
        if (!inst) {
            pith_err_chain_context();
            return;
        }
    }
    chain_to(inst, pith_tstate()->handled_exc);
    pith_err_restore(inst);
}

void pith_err_set_none(PithType *type) { pith_err_set_object(type, NULL); }

void pith_err_set_string(PithType *type, const char *msg) {
    PithObject *s = pith_str_from_cstr(msg);
    if (!s) return;
    pith_err_set_object(type, s);
    PITH_DECREF(s);
}

PithObject *pith_err_format(PithType *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    PithObject *msg = pith_str_from_formatv(fmt, ap);
    va_end(ap);
    if (!msg) return NULL;
    pith_err_set_object(type, msg);
    PITH_DECREF(msg);
    return NULL;
}

static PithObject *memory_error_inst; /* preallocated, immortalised */

void pith_err_prepare_memory_error(void) {
    if (memory_error_inst) return;
    PithObject *args = pith_tuple_new(0);
    if (!args) return;
    memory_error_inst = pith_exc_new(&pith_exc_MemoryError, args);
    PITH_DECREF(args);
    if (memory_error_inst) memory_error_inst->refcnt = PITH_IMMORTAL_REFCNT;
}

PithObject *pith_err_no_memory(void) {
    if (!memory_error_inst) {
        fputs("pith: out of memory during start-up\n", stderr);
        abort();
    }
    pith_exc_set_traceback(memory_error_inst, NULL);
    pith_err_raise(memory_error_inst);
    return NULL;
}

static PithObject *errno_error(PithType *type, int err, PithObject *filename) {
    if (err == EINTR) {
        /* No signal machinery: report like any other error. */
    }
    PithObject *args = filename
        ? pith_tuple_new(3) : pith_tuple_new(2);
    if (!args) return NULL;
    PithObject *code = pith_int_from_i64(err);
    PithObject *msg = pith_str_from_cstr(err ? strerror(err) : "Error");
    if (!code || !msg) {
        PITH_XDECREF(code);
        PITH_XDECREF(msg);
        PITH_TUPLE_SET(args, 0, PITH_NEWREF(PITH_NONE));
        PITH_TUPLE_SET(args, 1, PITH_NEWREF(PITH_NONE));
        if (filename) PITH_TUPLE_SET(args, 2, PITH_NEWREF(PITH_NONE));
        PITH_DECREF(args);
        return NULL;
    }
    PITH_TUPLE_SET(args, 0, code);
    PITH_TUPLE_SET(args, 1, msg);
    if (filename) PITH_TUPLE_SET(args, 2, PITH_NEWREF(filename));
    pith_err_set_object(type, args);
    PITH_DECREF(args);
    return NULL;
}

PithObject *pith_err_from_errno(PithType *type) {
    return errno_error(type, errno, NULL);
}

PithObject *pith_err_from_errno_filename(PithType *type, PithObject *filename) {
    int err = errno;
    return errno_error(type, err, filename);
}

void pith_err_bad_internal_call(const char *file, int line) {
    pith_err_format(&pith_exc_SystemError,
                    "%s:%d: bad argument to internal function", file, line);
}

int pith_exc_matches(PithObject *exc, PithObject *cls) {
    if (!exc || !cls) return 0;
    if (pith_tuple_check(cls)) {
        for (intptr_t i = 0; i < PITH_SIZE(cls); i++)
            if (pith_exc_matches(exc, PITH_TUPLE_GET(cls, i))) return 1;
        return 0;
    }
    if (!pith_type_check(cls)) return exc == cls;
    PithType *t = pith_type_check(exc) ? (PithType *)exc : PITH_TYPE(exc);
    return pith_type_is_subtype(t, (PithType *)cls);
}

int pith_err_matches(PithType *exc) {
    PithObject *cur = pith_tstate()->curexc;
    return cur && pith_exc_matches(cur, (PithObject *)exc);
}

/* Call sys.excepthook(type, value, tb); 0 on success. */
static int call_excepthook(PithObject *hook, PithObject *exc) {
    PithObject *tb = pith_exc_get_traceback(exc);
    PithObject *args[3] = {(PithObject *)PITH_TYPE(exc), exc,
                           tb ? tb : PITH_NONE};
    PithObject *r = pith_call(hook, args, 3, NULL);
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

static void set_last_exc(PithObject *exc) {
    PithObject *sysd = pith_interp.sysdict;
    if (!sysd) return;
    PithObject *tb = pith_exc_get_traceback(exc);
    if (pith_dict_set_item_str(sysd, "last_type", (PithObject *)PITH_TYPE(exc)) < 0 ||
        pith_dict_set_item_str(sysd, "last_value", exc) < 0 ||
        pith_dict_set_item_str(sysd, "last_traceback", tb ? tb : PITH_NONE) < 0)
        pith_err_clear();
}

void pith_err_print(void) {
    PithObject *exc = pith_err_fetch();
    if (!exc) return;
    set_last_exc(exc);
    PithObject *hook = pith_sys_get_object("excepthook");
    if (hook) { /* None too: calling it fails, as in CPython */
        if (call_excepthook(hook, exc) < 0) {
            PithObject *err2 = pith_err_fetch();
            pith_sys_write_stderr("Error in sys.excepthook:\n");
            if (err2) pith_exc_display(err2, NULL);
            pith_sys_write_stderr("\nOriginal exception was:\n");
            pith_exc_display(exc, NULL);
            PITH_XDECREF(err2);
        }
    } else {
        pith_sys_write_stderr("sys.excepthook is missing\n");
        pith_exc_display(exc, NULL);
    }
    pith_err_clear();
    PITH_DECREF(exc);
}

/* pith_err_write_unraisable: runtime/unraisable.c (sys.unraisablehook). */

void pith_err_syntax_location(PithType *type, const char *msg,
                              PithObject *filename, int lineno, int offset,
                              int end_lineno, int end_offset,
                              PithObject *text) {
    PithObject *m = pith_str_from_cstr(msg);
    PithObject *l = pith_int_from_i64(lineno);
    PithObject *o = pith_int_from_i64(offset); /* 0 stays 0, as CPython's parser gives it */
    PithObject *el = pith_int_from_i64(end_lineno); /* 0 for empty input, as CPython */
    PithObject *eo = pith_int_from_i64(end_offset); /* CPython keeps 0, not None */
    PithObject *loc = NULL, *args = NULL;
    if (m && l && o && el && eo) {
        loc = pith_tuple_pack(6, filename ? filename : PITH_NONE, l, o,
                              text ? text : PITH_NONE, el, eo);
        if (loc) args = pith_tuple_pack(2, m, loc);
    }
    if (args) pith_err_set_object(type, args);
    PITH_XDECREF(m);
    PITH_XDECREF(l);
    PITH_XDECREF(o);
    PITH_XDECREF(el);
    PITH_XDECREF(eo);
    PITH_XDECREF(loc);
    PITH_XDECREF(args);
}

PithObject *pith_err_no_attribute(PithObject *obj, PithObject *name) {
    pith_err_format(&pith_exc_AttributeError,
                    "'%.100s' object has no attribute '%U'",
                    pith_type_name(obj), name);
    pith_exc_set_attribute_info(pith_err_occurred(), obj, name);
    return NULL;
}
