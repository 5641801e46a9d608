/* unraisable.c — exceptions that cannot propagate (raised by __del__, weak
 * reference callbacks, gc callbacks, ...): sys.unraisablehook and its
 * default, sys.__unraisablehook__.
 *
 * pith_err_write_unraisable(obj) takes the current exception and calls
 * sys.unraisablehook with an UnraisableHookArgs struct sequence (exc_type,
 * exc_value, exc_traceback, err_msg, object). When the hook is missing or
 * None the default report is written; when the hook itself fails, the
 * default report shows the hook's error instead ("Exception ignored in
 * sys.unraisablehook: <hook>"), as CPython does. The default report goes to
 * sys.stderr (nowhere if it is None, C stderr before sys exists). */
#include <stdio.h>

#include "pith/pith.h"

/* runtime/tbprint.c: the traceback and "Type: value" line of the report. */
int pith_tb_print_unraisable(PithObject *type, PithObject *value, PithObject *tb,
                             PithObject *file);

enum { F_TYPE, F_VALUE, F_TB, F_MSG, F_OBJ, NFIELDS };

static PithStructSeqType hookargs_type;

static PithStructSeqType *hookargs(void) {
    static const char *const fields[NFIELDS] = {"exc_type", "exc_value", "exc_traceback",
                                                "err_msg", "object"};
    if (!hookargs_type.type.tp_name &&
        pith_structseq_init_type(&hookargs_type, "UnraisableHookArgs", fields, NFIELDS) < 0) {
        hookargs_type.type.tp_name = NULL;
        return NULL;
    }
    return &hookargs_type;
}

static void put(PithObject *file, const char *s) {
    if (!file) {
        fputs(s, stderr);
    } else if (pith_file_write_string(s, file) < 0) {
        pith_err_clear();
    }
}

static void put_obj(PithObject *file, PithObject *str) {
    const char *u = pith_str_utf8(str);
    if (u) put(file, u);
    else pith_err_clear();
}

/* The default report: "<err_msg or 'Exception ignored in'>: <repr(obj)>"
 * (or "<err_msg>:" without an object), then the traceback and the
 * exception line. f holds the five fields. */
static void default_report(PithObject *const *f) {
    PithObject *saved = pith_err_fetch();
    PithObject *file = pith_sys_get_object("stderr");
    if (file == PITH_NONE) goto done;
    PithObject *msg = f[F_MSG] != PITH_NONE ? f[F_MSG] : NULL;
    if (f[F_OBJ] != PITH_NONE) {
        if (msg) {
            PithObject *s = pith_str(msg);
            if (s) put_obj(file, s);
            pith_err_clear();
            PITH_XDECREF(s);
            put(file, ": ");
        } else {
            put(file, "Exception ignored in: ");
        }
        PithObject *r = pith_repr(f[F_OBJ]);
        if (r) put_obj(file, r);
        else put(file, "<object repr() failed>");
        pith_err_clear();
        PITH_XDECREF(r);
        put(file, "\n");
    } else if (msg) {
        PithObject *s = pith_str(msg);
        if (s) put_obj(file, s);
        pith_err_clear();
        PITH_XDECREF(s);
        put(file, ":\n");
    }
    pith_tb_print_unraisable(f[F_TYPE], f[F_VALUE], f[F_TB], file);
done:
    pith_err_clear();
    pith_err_restore(saved);
}

/* sys.unraisablehook / sys.__unraisablehook__ (a METH_O function of sys). */
PithObject *pith_sys_unraisablehook(PithObject *self, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    (void)self, (void)nargs, (void)kwnames;
    PithObject *arg = args[0];
    PithStructSeqType *t = hookargs();
    if (!t) return NULL;
    if (PITH_TYPE(arg) != &t->type) {
        pith_err_set_string(&pith_exc_TypeError,
                            "sys.unraisablehook argument type must be UnraisableHookArgs");
        return NULL;
    }
    PithObject *f[NFIELDS];
    for (int i = 0; i < NFIELDS; i++) f[i] = PITH_TUPLE_GET(arg, i);
    default_report(f);
    PITH_RETURN_NONE;
}

/* Fill f (borrowed references) from exc, msg and obj (NULL: None). */
static void fields_of(PithObject *exc, PithObject *msg, PithObject *obj, PithObject **f) {
    PithObject *tb = pith_exc_get_traceback(exc);
    f[F_TYPE] = (PithObject *)PITH_TYPE(exc);
    f[F_VALUE] = exc;
    f[F_TB] = tb ? tb : PITH_NONE;
    f[F_MSG] = msg ? msg : PITH_NONE;
    f[F_OBJ] = obj ? obj : PITH_NONE;
}

/* Call hook with the fields; 0 if it returned, else -1 with its error set. */
static int call_hook(PithObject *hook, PithObject *const *f) {
    PithStructSeqType *t = hookargs();
    PithObject *args = t ? pith_structseq_new(t, f) : NULL;
    PithObject *r = args ? pith_call(hook, &args, 1, NULL) : NULL;
    PITH_XDECREF(args);
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

void pith_err_write_unraisable(PithObject *obj) {
    PithObject *exc = pith_err_fetch();
    if (!exc) return;
    PithObject *f[NFIELDS];
    fields_of(exc, NULL, obj, f);
    PithObject *hook = pith_sys_get_object("unraisablehook");
    PithObject *hook_exc = NULL, *hook_msg = NULL;
    if (hook && hook != PITH_NONE) {
        PITH_INCREF(hook); /* the hook may replace itself */
        if (call_hook(hook, f) == 0) {
            PITH_DECREF(hook);
            goto done;
        }
        hook_exc = pith_err_fetch();
        hook_msg = pith_str_from_cstr("Exception ignored in sys.unraisablehook");
        if (hook_exc && hook_msg) fields_of(hook_exc, hook_msg, hook, f);
        pith_err_clear();
        default_report(f);
        PITH_DECREF(hook);
        goto done;
    }
    default_report(f);
done:
    PITH_XDECREF(hook_exc);
    PITH_XDECREF(hook_msg);
    pith_err_clear();
    PITH_DECREF(exc);
}
