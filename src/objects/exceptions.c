/* exceptions.c — the builtin exception hierarchy. Every class of
 * PITH_EXC_LIST is a static type; a few "families" (SyntaxError,
 * ImportError, OSError, StopIteration, SystemExit, NameError,
 * AttributeError, KeyError, Unicode*Error, BaseExceptionGroup) have a
 * larger instance layout and their own __init__/__str__.
 *
 * Invariant: args is always a tuple once __new__ has run; traceback,
 * context, cause, notes are NULL or owned references. */
#include <errno.h>
#include <string.h>

#include "pith/pith.h"
#include "pith/weakref.h"
#include "../runtime/runtime_internal.h"

typedef PithBaseException BaseExc;

typedef struct {
    BaseExc base;
    PithObject *msg, *filename, *lineno, *offset, *text, *end_lineno,
        *end_offset, *print_file_and_line;
} SyntaxErrorObj;

typedef struct {
    BaseExc base;
    PithObject *msg, *name, *path;
} ImportErrorObj;

typedef struct {
    BaseExc base;
    PithObject *myerrno, *strerror, *filename, *filename2;
    intptr_t written; /* BlockingIOError.characters_written; -1 = unset */
} OSErrorObj;

typedef struct {
    BaseExc base;
    PithObject *value;
} StopIterationObj;

typedef struct {
    BaseExc base;
    PithObject *code;
} SystemExitObj;

typedef struct {
    BaseExc base;
    PithObject *name;
} NameErrorObj;

typedef struct {
    BaseExc base;
    PithObject *name, *obj;
} AttributeErrorObj;

typedef struct {
    BaseExc base;
    PithObject *encoding, *object;
    intptr_t start, end;
    PithObject *reason;
} UnicodeErrorObj;

typedef struct {
    BaseExc base;
    PithObject *msg, *excs;
} ExcGroupObj;

/* Extra object fields of a family, as offsets (for traverse/clear). */
#define OFF(T, f) offsetof(T, f)
typedef struct {
    PithType *type;
    intptr_t size;
    size_t fields[8];
    int nfields;
} Family;

/* ---- the types ---------------------------------------------------------------- */

#define pith_exc_object pith_object_type
#define EXC_FLAGS                                                              \
    (PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASE_EXC_SUBCLASS)
#define EXC_DEFINE(name, base)                                                 \
    PithType pith_exc_##name = {                                               \
        PITH_VAR_HEAD_INIT(&pith_type_type, 0),                                \
        .tp_name = #name,                                                      \
        .tp_flags = EXC_FLAGS,                                                 \
        .tp_base = &pith_exc_##base,                                           \
    };
PITH_EXC_LIST(EXC_DEFINE)
#undef EXC_DEFINE

static const Family families[] = {
    {&pith_exc_BaseException, sizeof(BaseExc), {0}, 0},
    {&pith_exc_SyntaxError, sizeof(SyntaxErrorObj),
     {OFF(SyntaxErrorObj, msg), OFF(SyntaxErrorObj, filename), OFF(SyntaxErrorObj, lineno),
      OFF(SyntaxErrorObj, offset), OFF(SyntaxErrorObj, text),
      OFF(SyntaxErrorObj, end_lineno), OFF(SyntaxErrorObj, end_offset),
      OFF(SyntaxErrorObj, print_file_and_line)},
     8},
    {&pith_exc_ImportError, sizeof(ImportErrorObj),
     {OFF(ImportErrorObj, msg), OFF(ImportErrorObj, name), OFF(ImportErrorObj, path)}, 3},
    {&pith_exc_OSError, sizeof(OSErrorObj),
     {OFF(OSErrorObj, myerrno), OFF(OSErrorObj, strerror), OFF(OSErrorObj, filename),
      OFF(OSErrorObj, filename2)},
     4},
    {&pith_exc_StopIteration, sizeof(StopIterationObj), {OFF(StopIterationObj, value)}, 1},
    {&pith_exc_SystemExit, sizeof(SystemExitObj), {OFF(SystemExitObj, code)}, 1},
    {&pith_exc_NameError, sizeof(NameErrorObj), {OFF(NameErrorObj, name)}, 1},
    {&pith_exc_AttributeError, sizeof(AttributeErrorObj),
     {OFF(AttributeErrorObj, name), OFF(AttributeErrorObj, obj)}, 2},
    {&pith_exc_UnicodeError, sizeof(UnicodeErrorObj),
     {OFF(UnicodeErrorObj, encoding), OFF(UnicodeErrorObj, object),
      OFF(UnicodeErrorObj, reason)},
     3},
    {&pith_exc_BaseExceptionGroup, sizeof(ExcGroupObj),
     {OFF(ExcGroupObj, msg), OFF(ExcGroupObj, excs)}, 2},
};
#define NFAMILIES (sizeof families / sizeof *families)

/* The family of t (nearest family root in its MRO). */
static const Family *family_of(PithType *t) {
    for (; t; t = t->tp_base)
        for (size_t i = NFAMILIES; i-- > 0;)
            if (families[i].type == t) return &families[i];
    return &families[0];
}

#define FIELD(o, off) (*(PithObject **)((char *)(o) + (off)))

/* ---- allocation, GC ------------------------------------------------------------ */

static int exc_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    BaseExc *e = (BaseExc *)o;
    PITH_VISIT(e->dict);
    PITH_VISIT(e->args);
    PITH_VISIT(e->notes);
    PITH_VISIT(e->traceback);
    PITH_VISIT(e->context);
    PITH_VISIT(e->cause);
    const Family *f = family_of(PITH_TYPE(o));
    for (int i = 0; i < f->nfields; i++) PITH_VISIT(FIELD(o, f->fields[i]));
    return 0;
}

static int exc_clear(PithObject *o) {
    BaseExc *e = (BaseExc *)o;
    PITH_CLEAR(e->dict);
    PITH_CLEAR(e->args);
    PITH_CLEAR(e->notes);
    PITH_CLEAR(e->traceback);
    PITH_CLEAR(e->context);
    PITH_CLEAR(e->cause);
    const Family *f = family_of(PITH_TYPE(o));
    for (int i = 0; i < f->nfields; i++) PITH_CLEAR(FIELD(o, f->fields[i]));
    return 0;
}

static void exc_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    exc_clear(o);
    pith_gc_del(o);
}

static PithObject *exc_alloc(PithType *t, PithObject *const *args, size_t nargs) {
    BaseExc *e = (BaseExc *)pith_gc_new(t);
    if (!e) return pith_err_no_memory();
    e->args = pith_tuple_from_array(args, (intptr_t)nargs);
    if (!e->args) {
        PITH_DECREF(e);
        return NULL;
    }
    if (pith_type_is_subtype(t, &pith_exc_OSError)) ((OSErrorObj *)e)->written = -1;
    pith_gc_track(e);
    return (PithObject *)e;
}

static PithObject *exc_new(PithType *t, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    return exc_alloc(t, args, nargs);
}

static int set_args(PithObject *self, PithObject *const *args, size_t nargs) {
    PithObject *t = pith_tuple_from_array(args, (intptr_t)nargs);
    if (!t) return -1;
    PITH_SETREF(((BaseExc *)self)->args, t);
    return 0;
}

static int exc_init(PithObject *self, PithObject *const *args, size_t nargs,
                    PithObject *kwnames) {
    if (pith_arg_no_kwargs(PITH_TYPE(self)->tp_name, kwnames) < 0) return -1;
    return set_args(self, args, nargs);
}

PithObject *pith_exc_new(PithType *type, PithObject *args_tuple) {
    return pith_call_tuple_dict((PithObject *)type, args_tuple, NULL);
}

/* ---- BaseException methods ------------------------------------------------------- */

static PithObject *exc_str(PithObject *self) {
    PithObject *a = ((BaseExc *)self)->args;
    intptr_t n = a ? PITH_SIZE(a) : 0;
    if (n == 0) return pith_str_empty();
    if (n == 1) return pith_str(PITH_TUPLE_GET(a, 0));
    return pith_str(a);
}

static const char *short_type_name(PithObject *o) {
    const char *n = pith_type_name(o), *dot = strrchr(n, '.');
    return dot ? dot + 1 : n;
}

static PithObject *exc_repr(PithObject *self) {
    PithObject *a = ((BaseExc *)self)->args;
    const char *name = short_type_name(self);
    if (a && PITH_SIZE(a) == 1)
        return pith_str_from_format("%s(%R)", name, PITH_TUPLE_GET(a, 0));
    return pith_str_from_format("%s%R", name, a);
}

static PithObject *exc_with_traceback(PithObject *self, PithObject *const *args,
                                      size_t nargs, PithObject *kwnames) {
    PithObject *tb = args[0];
    if (tb != PITH_NONE && PITH_TYPE(tb) != &pith_traceback_type)
        return pith_err_format(&pith_exc_TypeError,
                               "__traceback__ must be a traceback or None");
    pith_exc_set_traceback(self, tb);
    return PITH_NEWREF(self);
}

/* Notes live in the instance __dict__ as __notes__, as in CPython. */
static PithObject *exc_add_note(PithObject *self, PithObject *const *args,
                                size_t nargs, PithObject *kwnames) {
    static PithObject *name;
    PithObject *note = args[0], *notes;
    if (!name && !(name = pith_str_intern_cstr("__notes__"))) return NULL;
    if (!pith_str_check(note))
        return pith_err_format(&pith_exc_TypeError, "note must be a str, not '%s'",
                               pith_type_name(note));
    int f = pith_lookup_attr(self, name, &notes);
    if (f < 0) return NULL;
    if (!f) {
        if (!(notes = pith_list_new(0))) return NULL;
        if (pith_setattr(self, name, notes) < 0) {
            PITH_DECREF(notes);
            return NULL;
        }
    }
    int r = -1;
    if (!pith_list_check(notes))
        pith_err_format(&pith_exc_TypeError, "Cannot add note: __notes__ is not a list");
    else
        r = pith_list_append(notes, note);
    PITH_DECREF(notes);
    if (r < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *exc_reduce(PithObject *self, PithObject *const *args,
                              size_t nargs, PithObject *kwnames) {
    BaseExc *e = (BaseExc *)self;
    if (e->dict && pith_dict_size(e->dict))
        return pith_tuple_pack(3, (PithObject *)PITH_TYPE(self), e->args, e->dict);
    return pith_tuple_pack(2, (PithObject *)PITH_TYPE(self), e->args);
}

static PithObject *exc_setstate(PithObject *self, PithObject *const *args,
                                size_t nargs, PithObject *kwnames) {
    PithObject *state = args[0];
    if (state == PITH_NONE) PITH_RETURN_NONE;
    if (!pith_dict_check(state))
        return pith_err_format(&pith_exc_TypeError, "state is not a dictionary");
    intptr_t pos = 0;
    PithObject *k, *v;
    while (pith_dict_next(state, &pos, &k, &v)) {
        /* hold the pair: hashing the key may run code that empties the dict */
        PITH_INCREF(k);
        PITH_INCREF(v);
        int r = pith_setattr(self, k, v);
        PITH_DECREF(k);
        PITH_DECREF(v);
        if (r < 0) return NULL;
    }
    PITH_RETURN_NONE;
}

static PithMethodDef exc_methods[] = {
    {"with_traceback", exc_with_traceback, PITH_METH_O,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, PITH_METH_O,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {"__reduce__", exc_reduce, PITH_METH_NOARGS, NULL},
    {"__setstate__", exc_setstate, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PithObject *get_args(PithObject *self, void *c) {
    PithObject *a = ((BaseExc *)self)->args;
    return a ? PITH_NEWREF(a) : pith_tuple_new(0);
}

static int set_args_attr(PithObject *self, PithObject *v, void *c) {
    if (!v) {
        pith_err_set_string(&pith_exc_TypeError, "args may not be deleted");
        return -1;
    }
    PithObject *t = pith_sequence_tuple(v);
    if (!t) return -1;
    PITH_SETREF(((BaseExc *)self)->args, t);
    return 0;
}

static PithObject *get_tb(PithObject *self, void *c) {
    PithObject *tb = ((BaseExc *)self)->traceback;
    return PITH_NEWREF(tb ? tb : PITH_NONE);
}

static int set_tb(PithObject *self, PithObject *v, void *c) {
    if (!v) {
        pith_err_set_string(&pith_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != PITH_NONE && PITH_TYPE(v) != &pith_traceback_type) {
        pith_err_set_string(&pith_exc_TypeError,
                            "__traceback__ must be a traceback or None");
        return -1;
    }
    pith_exc_set_traceback(self, v);
    return 0;
}

/* Validate a value for __context__/__cause__: None or an exception. */
static int check_chain_value(PithObject *v, const char *what) {
    if (!v) {
        pith_err_format(&pith_exc_TypeError, "%s may not be deleted", what);
        return -1;
    }
    if (v != PITH_NONE && !pith_exc_check(v)) {
        pith_err_format(&pith_exc_TypeError,
                        "exception %s must be None or derive from BaseException",
                        strcmp(what, "__cause__") == 0 ? "cause" : "context");
        return -1;
    }
    return 0;
}

static PithObject *get_context(PithObject *self, void *c) {
    PithObject *x = ((BaseExc *)self)->context;
    return PITH_NEWREF(x ? x : PITH_NONE);
}

static int set_context(PithObject *self, PithObject *v, void *c) {
    if (check_chain_value(v, "__context__") < 0) return -1;
    pith_exc_set_context(self, v == PITH_NONE ? NULL : PITH_NEWREF(v));
    return 0;
}

static PithObject *get_cause(PithObject *self, void *c) {
    PithObject *x = ((BaseExc *)self)->cause;
    return PITH_NEWREF(x ? x : PITH_NONE);
}

static int set_cause(PithObject *self, PithObject *v, void *c) {
    if (check_chain_value(v, "__cause__") < 0) return -1;
    pith_exc_set_cause(self, v == PITH_NONE ? NULL : PITH_NEWREF(v));
    return 0;
}

static PithObject *get_dict(PithObject *self, void *c) {
    BaseExc *e = (BaseExc *)self;
    if (!e->dict && !(e->dict = pith_dict_new())) return NULL;
    return PITH_NEWREF(e->dict);
}

static PithGetSetDef exc_getset[] = {
    {"__dict__", get_dict, NULL, NULL, NULL},
    {"args", get_args, set_args_attr, NULL, NULL},
    {"__traceback__", get_tb, set_tb, NULL, NULL},
    {"__context__", get_context, set_context, "exception context", NULL},
    {"__cause__", get_cause, set_cause, "exception cause", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithMemberDef exc_members[] = {
    {"__suppress_context__", PITH_MEMBER_BOOL, offsetof(BaseExc, suppress_context), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* ---- accessors ---------------------------------------------------------------------- */

PithObject *pith_exc_get_traceback(PithObject *exc) {
    return ((BaseExc *)exc)->traceback;
}

void pith_exc_set_traceback(PithObject *exc, PithObject *tb) {
    if (tb == PITH_NONE) tb = NULL;
    PITH_XINCREF(tb);
    PITH_SETREF(((BaseExc *)exc)->traceback, tb);
}

void pith_exc_set_context(PithObject *exc, PithObject *ctx) {
    PITH_SETREF(((BaseExc *)exc)->context, ctx);
}

void pith_exc_set_cause(PithObject *exc, PithObject *cause) {
    ((BaseExc *)exc)->suppress_context = 1;
    PITH_SETREF(((BaseExc *)exc)->cause, cause);
}

PithObject *pith_stop_iteration_value(PithObject *exc) {
    if (!pith_type_ok(exc, &pith_exc_StopIteration)) return PITH_NONE;
    PithObject *v = ((StopIterationObj *)exc)->value;
    return v ? v : PITH_NONE;
}

void pith_exc_set_attribute_info(PithObject *exc, PithObject *obj, PithObject *name) {
    if (!exc) return;
    if (pith_type_ok(exc, &pith_exc_AttributeError)) {
        AttributeErrorObj *a = (AttributeErrorObj *)exc;
        PITH_XINCREF(obj);
        PITH_SETREF(a->obj, obj);
        PITH_XINCREF(name);
        PITH_SETREF(a->name, name);
    } else if (pith_type_ok(exc, &pith_exc_NameError)) {
        PITH_XINCREF(name);
        PITH_SETREF(((NameErrorObj *)exc)->name, name);
    }
}

/* ---- helpers for family __init__ ------------------------------------------------------ */

static void set_field(PithObject *self, size_t off, PithObject *v) {
    PITH_XINCREF(v);
    PITH_SETREF(FIELD(self, off), v);
}

/* Accept only the keyword names in `allowed` (NULL-terminated); store each
 * at the matching offset. */
static int keyword_fields(PithObject *self, PithObject *const *kwvalues,
                          PithObject *kwnames, const char *const *allowed,
                          const size_t *offs) {
    for (intptr_t k = 0; kwnames && k < PITH_SIZE(kwnames); k++) {
        PithObject *n = PITH_TUPLE_GET(kwnames, k);
        int i = 0;
        while (allowed[i] && !pith_str_eq_cstr(n, allowed[i])) i++;
        if (!allowed[i]) {
            pith_err_format(&pith_exc_TypeError,
                            "'%U' is an invalid keyword argument for %s()", n,
                            PITH_TYPE(self)->tp_name);
            return -1;
        }
        set_field(self, offs[i], kwvalues[k]);
    }
    return 0;
}

/* ---- StopIteration, SystemExit ------------------------------------------------------------- */

static int stopiter_init(PithObject *self, PithObject *const *args, size_t nargs,
                         PithObject *kwnames) {
    if (exc_init(self, args, nargs, kwnames) < 0) return -1;
    set_field(self, OFF(StopIterationObj, value), nargs ? args[0] : PITH_NONE);
    return 0;
}

static int sysexit_init(PithObject *self, PithObject *const *args, size_t nargs,
                        PithObject *kwnames) {
    if (exc_init(self, args, nargs, kwnames) < 0) return -1;
    PithObject *code = nargs == 0 ? PITH_NONE
                       : nargs == 1 ? args[0]
                                    : ((BaseExc *)self)->args;
    set_field(self, OFF(SystemExitObj, code), code);
    return 0;
}

/* ---- NameError, AttributeError, ImportError ------------------------------------------------- */

static int nameerror_init(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    static const char *const kw[] = {"name", NULL};
    static const size_t offs[] = {OFF(NameErrorObj, name)};
    if (set_args(self, args, nargs) < 0) return -1;
    return keyword_fields(self, args + nargs, kwnames, kw, offs);
}

static int attrerror_init(PithObject *self, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    static const char *const kw[] = {"name", "obj", NULL};
    static const size_t offs[] = {OFF(AttributeErrorObj, name), OFF(AttributeErrorObj, obj)};
    if (set_args(self, args, nargs) < 0) return -1;
    return keyword_fields(self, args + nargs, kwnames, kw, offs);
}

static int importerror_init(PithObject *self, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    static const char *const kw[] = {"name", "path", NULL};
    static const size_t offs[] = {OFF(ImportErrorObj, name), OFF(ImportErrorObj, path)};
    if (set_args(self, args, nargs) < 0) return -1;
    if (keyword_fields(self, args + nargs, kwnames, kw, offs) < 0) return -1;
    set_field(self, OFF(ImportErrorObj, msg), nargs == 1 ? args[0] : NULL);
    return 0;
}

static PithObject *importerror_str(PithObject *self) {
    PithObject *msg = ((ImportErrorObj *)self)->msg;
    if (msg && pith_str_check(msg)) return PITH_NEWREF(msg);
    return exc_str(self);
}

static PithObject *keyerror_str(PithObject *self) {
    PithObject *a = ((BaseExc *)self)->args;
    if (a && PITH_SIZE(a) == 1) return pith_repr(PITH_TUPLE_GET(a, 0));
    return exc_str(self);
}

/* ---- SyntaxError ------------------------------------------------------------------------------ */

static int syntax_init(PithObject *self, PithObject *const *args, size_t nargs,
                       PithObject *kwnames) {
    if (exc_init(self, args, nargs, kwnames) < 0) return -1;
    if (nargs >= 1) set_field(self, OFF(SyntaxErrorObj, msg), args[0]);
    if (nargs != 2) return 0;
    PithObject *info = pith_sequence_tuple(args[1]);
    if (!info) return -1;
    intptr_t n = PITH_SIZE(info);
    if (n < 4 || n > 6) {
        PITH_DECREF(info);
        pith_err_format(&pith_exc_TypeError, "function takes %s %d arguments (%zd given)",
                        n < 4 ? "at least" : "at most", n < 4 ? 4 : 6, n);
        return -1;
    }
    static const size_t offs[] = {OFF(SyntaxErrorObj, filename), OFF(SyntaxErrorObj, lineno),
                                  OFF(SyntaxErrorObj, offset), OFF(SyntaxErrorObj, text),
                                  OFF(SyntaxErrorObj, end_lineno),
                                  OFF(SyntaxErrorObj, end_offset)};
    for (intptr_t i = 0; i < n; i++) set_field(self, offs[i], PITH_TUPLE_GET(info, i));
    PITH_DECREF(info);
    return 0;
}

static PithObject *basename_of(PithObject *filename) {
    intptr_t n = PITH_STR_LEN(filename), i = n;
    while (i > 0 && pith_str_read((PithStr *)filename, i - 1) != '/') i--;
    return pith_str_substring(filename, i, n);
}

static PithObject *syntax_str(PithObject *self) {
    SyntaxErrorObj *s = (SyntaxErrorObj *)self;
    PithObject *msg = s->msg ? s->msg : PITH_NONE;
    bool have_line = s->lineno && pith_int_check(s->lineno);
    PithObject *file = s->filename && pith_str_check(s->filename)
                           ? basename_of(s->filename) : NULL;
    PithObject *r;
    if (file && have_line)
        r = pith_str_from_format("%S (%U, line %zd)", msg, file,
                                 pith_int_as_ssize(s->lineno));
    else if (file)
        r = pith_str_from_format("%S (%U)", msg, file);
    else if (have_line)
        r = pith_str_from_format("%S (line %zd)", msg, pith_int_as_ssize(s->lineno));
    else
        r = pith_str(msg);
    PITH_XDECREF(file);
    return r;
}

/* ---- OSError ------------------------------------------------------------------------------------ */

static PithType *errno_subclass(int e) {
    switch (e) {
    case EAGAIN: case EALREADY: case EINPROGRESS:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
        return &pith_exc_BlockingIOError;
    case ECHILD: return &pith_exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &pith_exc_BrokenPipeError;
    case ECONNABORTED: return &pith_exc_ConnectionAbortedError;
    case ECONNREFUSED: return &pith_exc_ConnectionRefusedError;
    case ECONNRESET: return &pith_exc_ConnectionResetError;
    case EEXIST: return &pith_exc_FileExistsError;
    case ENOENT: return &pith_exc_FileNotFoundError;
    case EISDIR: return &pith_exc_IsADirectoryError;
    case ENOTDIR: return &pith_exc_NotADirectoryError;
    case EINTR: return &pith_exc_InterruptedError;
    case EACCES: case EPERM: return &pith_exc_PermissionError;
    case ESRCH: return &pith_exc_ProcessLookupError;
    case ETIMEDOUT: return &pith_exc_TimeoutError;
    default: return NULL;
    }
}

/* PyNumber_Check semantics: int-, float- or index-convertible, or complex. */
static bool is_number(PithObject *o) {
    PithNumberMethods *nb = PITH_TYPE(o)->tp_as_number;
    return (nb && (nb->nb_index || nb->nb_int || nb->nb_float)) ||
           pith_type_ok(o, &pith_complex_type);
}

/* OSError(errno, strerror, ...) creates the subclass matching errno. */
static PithObject *oserror_new(PithType *t, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    /* only the (errno, strerror[, filename[, winerror, filename2]]) forms map */
    if (t == &pith_exc_OSError && nargs >= 2 && nargs <= 5 && pith_int_check(args[0])) {
        int overflow = 0;
        int64_t e = pith_int_as_i64_overflow(args[0], &overflow);
        PithType *sub = overflow ? NULL : errno_subclass((int)e);
        if (sub) t = sub;
    }
    return exc_alloc(t, args, nargs);
}

static int oserror_init(PithObject *self, PithObject *const *args, size_t nargs,
                        PithObject *kwnames) {
    if (exc_init(self, args, nargs, kwnames) < 0) return -1;
    if (nargs < 2 || nargs > 5) return 0;
    set_field(self, OFF(OSErrorObj, myerrno), args[0]);
    set_field(self, OFF(OSErrorObj, strerror), args[1]);
    if (nargs >= 3 && args[2] != PITH_NONE) {
        /* BlockingIOError(errno, strerror, characters_written) */
        if (pith_type_is_subtype(PITH_TYPE(self), &pith_exc_BlockingIOError) &&
            is_number(args[2])) {
            intptr_t w = pith_number_as_ssize(args[2], &pith_exc_ValueError);
            if (w == -1 && pith_err_occurred()) return -1;
            ((OSErrorObj *)self)->written = w;
            return 0;
        }
        set_field(self, OFF(OSErrorObj, filename), args[2]);
        if (nargs == 5 && args[4] != PITH_NONE)
            set_field(self, OFF(OSErrorObj, filename2), args[4]);
        /* args keeps only (errno, strerror) when a filename is given */
        return set_args(self, args, 2);
    }
    return 0;
}

static PithObject *oserror_get_written(PithObject *self, void *c) {
    intptr_t w = ((OSErrorObj *)self)->written;
    if (w == -1) {
        pith_err_set_string(&pith_exc_AttributeError, "characters_written");
        return NULL;
    }
    return pith_int_from_ssize(w);
}

static int oserror_set_written(PithObject *self, PithObject *v, void *c) {
    OSErrorObj *e = (OSErrorObj *)self;
    if (!v) {
        if (e->written == -1) {
            pith_err_set_string(&pith_exc_AttributeError, "characters_written");
            return -1;
        }
        e->written = -1;
        return 0;
    }
    intptr_t w = pith_number_as_ssize(v, &pith_exc_ValueError);
    if (w == -1 && pith_err_occurred()) return -1;
    e->written = w;
    return 0;
}

static PithGetSetDef oserror_getset[] = {
    {"characters_written", oserror_get_written, oserror_set_written, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithObject *oserror_str(PithObject *self) {
    OSErrorObj *e = (OSErrorObj *)self;
    if (e->filename && e->filename2)
        return pith_str_from_format("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror,
                                    e->filename, e->filename2);
    if (e->filename)
        return pith_str_from_format("[Errno %S] %S: %R", e->myerrno, e->strerror,
                                    e->filename);
    if (e->myerrno && e->strerror)
        return pith_str_from_format("[Errno %S] %S", e->myerrno, e->strerror);
    return exc_str(self);
}

/* ---- Unicode errors ------------------------------------------------------------------------------ */

static int unicode_init(PithObject *self, PithObject *const *args, size_t nargs,
                        PithObject *kwnames, bool translate) {
    if (exc_init(self, args, nargs, kwnames) < 0) return -1;
    size_t need = translate ? 4 : 5;
    if (nargs != need) {
        pith_err_format(&pith_exc_TypeError, "function takes exactly %zd arguments (%zd given)",
                        (intptr_t)need, (intptr_t)nargs);
        return -1;
    }
    UnicodeErrorObj *u = (UnicodeErrorObj *)self;
    size_t d = translate ? 0 : 1; /* index of `object` */
    if (!translate) set_field(self, OFF(UnicodeErrorObj, encoding), args[0]);
    set_field(self, OFF(UnicodeErrorObj, object), args[d]);
    u->start = pith_number_as_ssize(args[d + 1], NULL);
    u->end = pith_number_as_ssize(args[d + 2], NULL);
    set_field(self, OFF(UnicodeErrorObj, reason), args[d + 3]);
    return pith_err_occurred() ? -1 : 0;
}

static int unicode_codec_init(PithObject *self, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    return unicode_init(self, args, nargs, kwnames, false);
}

static int unicode_translate_init(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    return unicode_init(self, args, nargs, kwnames, true);
}

static PithObject *char_escape(uint32_t c) {
    if (c < 0x100) return pith_str_from_format("\\x%02x", (unsigned)c);
    if (c < 0x10000) return pith_str_from_format("\\u%04x", (unsigned)c);
    return pith_str_from_format("\\U%08x", (unsigned)c);
}

static PithObject *unicode_str(PithObject *self) {
    UnicodeErrorObj *u = (UnicodeErrorObj *)self;
    if (!u->object || !u->reason) return pith_str_empty();
    PithType *t = PITH_TYPE(self);
    bool decode = pith_type_is_subtype(t, &pith_exc_UnicodeDecodeError);
    bool translate = pith_type_is_subtype(t, &pith_exc_UnicodeTranslateError);
    const char *verb = decode ? "decode" : translate ? "translate" : "encode";
    PithObject *prefix = translate ? pith_str_from_cstr("can't")
                                   : pith_str_from_format("'%S' codec can't", u->encoding);
    if (!prefix) return NULL;
    PithObject *r = NULL;
    bool single = u->end == u->start + 1;
    if (single && decode && pith_bytes_check(u->object) && u->start < PITH_SIZE(u->object)) {
        unsigned b = (unsigned char)PITH_BYTES_DATA(u->object)[u->start];
        r = pith_str_from_format("%U decode byte 0x%02x in position %zd: %S", prefix, b,
                                 u->start, u->reason);
    } else if (single && !decode && pith_str_check(u->object) &&
               u->start < PITH_STR_LEN(u->object)) {
        PithObject *esc = char_escape(pith_str_read((PithStr *)u->object, u->start));
        if (esc)
            r = pith_str_from_format("%U %s character '%U' in position %zd: %S", prefix,
                                     verb, esc, u->start, u->reason);
        PITH_XDECREF(esc);
    } else {
        r = pith_str_from_format("%U %s %s in position %zd-%zd: %S", prefix, verb,
                                 decode ? "bytes" : "characters", u->start, u->end - 1,
                                 u->reason);
    }
    PITH_DECREF(prefix);
    return r;
}

static PithMemberDef unicode_members[] = {
    {"encoding", PITH_MEMBER_OBJECT, OFF(UnicodeErrorObj, encoding), 0, NULL},
    {"object", PITH_MEMBER_OBJECT, OFF(UnicodeErrorObj, object), 0, NULL},
    {"start", PITH_MEMBER_SSIZE, OFF(UnicodeErrorObj, start), 0, NULL},
    {"end", PITH_MEMBER_SSIZE, OFF(UnicodeErrorObj, end), 0, NULL},
    {"reason", PITH_MEMBER_OBJECT, OFF(UnicodeErrorObj, reason), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* ---- exception groups ------------------------------------------------------------------------------ */

static int check_group_items(PithObject *excs, bool *all_exceptions) {
    *all_exceptions = true;
    for (intptr_t i = 0; i < PITH_SIZE(excs); i++) {
        PithObject *e = PITH_TUPLE_GET(excs, i);
        if (!pith_exc_check(e)) {
            pith_err_format(&pith_exc_ValueError,
                            "Item %zd of second argument (exceptions) is not an exception",
                            i);
            return -1;
        }
        if (!pith_type_ok(e, &pith_exc_Exception)) *all_exceptions = false;
    }
    return 0;
}

static PithObject *group_new(PithType *t, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    if (pith_arg_no_kwargs(t->tp_name, kwnames) < 0) return NULL;
    if (nargs != 2)
        return pith_err_format(&pith_exc_TypeError,
                               "BaseExceptionGroup.__new__() takes exactly 2 arguments "
                               "(%zd given)",
                               (intptr_t)nargs);
    if (!pith_str_check(args[0]))
        return pith_err_format(&pith_exc_TypeError,
                               "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                               pith_type_name(args[0]));
    PithSequenceMethods *sq = PITH_TYPE(args[1])->tp_as_sequence;
    PithObject *excs = sq && sq->sq_item && !pith_dict_check(args[1]) /* PySequence_Check */
                           ? pith_sequence_fast(args[1], NULL)
                           : NULL;
    if (!excs) {
        pith_err_clear();
        return pith_err_format(&pith_exc_TypeError,
                               "second argument (exceptions) must be a sequence");
    }
    PithObject *tup = pith_sequence_tuple(excs), *r = NULL;
    PITH_DECREF(excs);
    if (!tup) return NULL;
    bool all_exc;
    if (PITH_SIZE(tup) == 0) {
        pith_err_set_string(&pith_exc_ValueError,
                            "second argument (exceptions) must be a non-empty sequence");
    } else if (check_group_items(tup, &all_exc) == 0) {
        if (t == &pith_exc_BaseExceptionGroup && all_exc)
            t = &pith_exc_ExceptionGroup;
        else if (!all_exc && pith_type_is_subtype(t, &pith_exc_Exception))
            pith_err_format(&pith_exc_TypeError, t == &pith_exc_ExceptionGroup
                                ? "Cannot nest BaseExceptions in an ExceptionGroup"
                                : "Cannot nest BaseExceptions in '%s'",
                            t->tp_name);
        if (!pith_err_occurred() && (r = exc_alloc(t, args, nargs))) {
            set_field(r, OFF(ExcGroupObj, msg), args[0]);
            set_field(r, OFF(ExcGroupObj, excs), tup);
        }
    }
    PITH_DECREF(tup);
    return r;
}

static int group_init(PithObject *self, PithObject *const *args, size_t nargs,
                      PithObject *kwnames) {
    return set_args(self, args, nargs);
}

static PithObject *group_str(PithObject *self) {
    ExcGroupObj *g = (ExcGroupObj *)self;
    intptr_t n = g->excs ? PITH_SIZE(g->excs) : 0;
    return pith_str_from_format("%S (%zd sub-exception%s)", g->msg ? g->msg : PITH_NONE, n,
                                n == 1 ? "" : "s");
}

static PithObject *group_derive(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    PithObject *a[2] = {((ExcGroupObj *)self)->msg, args[0]};
    return pith_call((PithObject *)&pith_exc_BaseExceptionGroup, a, 2, NULL);
}

/* Does exception e match the condition (a type, tuple of types, or a
 * predicate)? 1/0/-1. */
static bool is_exc_class(PithObject *c) {
    return pith_type_check(c) && pith_type_is_subtype((PithType *)c, &pith_exc_BaseException);
}

static int group_condition(PithObject *cond, PithObject *e) {
    bool ok = is_exc_class(cond) || (pith_callable_check(cond) && !pith_type_check(cond));
    if (!ok && pith_tuple_check(cond)) {
        ok = true;
        for (intptr_t i = 0; ok && i < PITH_SIZE(cond); i++) ok = is_exc_class(PITH_TUPLE_GET(cond, i));
    }
    if (!ok) {
        pith_err_set_string(&pith_exc_TypeError,
                            "expected a function, exception type or tuple of exception types");
        return -1;
    }
    if (pith_type_check(cond) || pith_tuple_check(cond)) return pith_exc_matches(e, cond);
    PithObject *r = pith_call_one(cond, e);
    if (!r) return -1;
    int t = pith_is_true(r);
    PITH_DECREF(r);
    return t;
}

/* Copy notes, traceback, cause, context of `from` to the derived group. */
static void copy_group_metadata(PithObject *to, PithObject *from) {
    BaseExc *t = (BaseExc *)to, *f = (BaseExc *)from;
    pith_exc_set_traceback(to, f->traceback);
    PITH_XINCREF(f->cause);
    PITH_SETREF(t->cause, f->cause);
    PITH_XINCREF(f->context);
    PITH_SETREF(t->context, f->context);
    /* a sequence of notes is shallow-copied; anything else is dropped */
    PithObject *notes, *copy = NULL;
    if (pith_lookup_attr(from, pith_str_intern_cstr("__notes__"), &notes) > 0) {
        PithSequenceMethods *sq = PITH_TYPE(notes)->tp_as_sequence;
        if (sq && sq->sq_item && !pith_dict_check(notes)) copy = pith_sequence_list(notes);
        if (copy && pith_setattr_str(to, "__notes__", copy) < 0) pith_err_clear();
        PITH_XDECREF(copy);
        PITH_DECREF(notes);
    }
    pith_err_clear();
}

/* Split self by cond into *match and *rest (either may become None/NULL). */
static int group_split_rec(PithObject *self, PithObject *cond, PithObject **match,
                           PithObject **rest) {
    *match = *rest = NULL;
    int m = group_condition(cond, self);
    if (m < 0) return -1;
    if (m) {
        *match = PITH_NEWREF(self);
        return 0;
    }
    if (!pith_type_ok(self, &pith_exc_BaseExceptionGroup)) {
        *rest = PITH_NEWREF(self);
        return 0;
    }
    PithObject *excs = ((ExcGroupObj *)self)->excs;
    PithObject *ml = pith_list_new(0), *rl = pith_list_new(0);
    int r = (ml && rl) ? 0 : -1;
    for (intptr_t i = 0; r == 0 && i < PITH_SIZE(excs); i++) {
        PithObject *sm = NULL, *sr = NULL;
        r = pith_enter_recursive_call(" in exceptiongroup_split_recursive");
        if (r == 0) {
            r = group_split_rec(PITH_TUPLE_GET(excs, i), cond, &sm, &sr);
            pith_leave_recursive_call();
        }
        if (r == 0 && sm) r = pith_list_append(ml, sm);
        if (r == 0 && sr) r = pith_list_append(rl, sr);
        PITH_XDECREF(sm);
        PITH_XDECREF(sr);
    }
    PithObject *lists[2] = {ml, rl}, **outs[2] = {match, rest};
    for (int k = 0; r == 0 && k < 2; k++) {
        if (PITH_SIZE(lists[k]) == 0) continue;
        PithObject *d = pith_call_method(self, "derive", &lists[k], 1);
        if (!d) {
            r = -1;
            break;
        }
        copy_group_metadata(d, self);
        *outs[k] = d;
    }
    PITH_XDECREF(ml);
    PITH_XDECREF(rl);
    return r;
}

static PithObject *group_split(PithObject *self, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    PithObject *m, *r;
    if (group_split_rec(self, args[0], &m, &r) < 0) return NULL;
    PithObject *t = pith_tuple_pack(2, m ? m : PITH_NONE, r ? r : PITH_NONE);
    PITH_XDECREF(m);
    PITH_XDECREF(r);
    return t;
}

static PithObject *group_subgroup(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    PithObject *m, *r;
    if (group_split_rec(self, args[0], &m, &r) < 0) return NULL;
    PITH_XDECREF(r);
    return m ? m : PITH_NEWREF(PITH_NONE);
}

static PithMethodDef group_methods[] = {
    {"derive", group_derive, PITH_METH_O, NULL},
    {"split", group_split, PITH_METH_O, NULL},
    {"subgroup", group_subgroup, PITH_METH_O, NULL},
    {"__class_getitem__", pith_generic_alias_class_getitem, PITH_METH_O | PITH_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PithMemberDef group_members[] = {
    {"message", PITH_MEMBER_OBJECT, OFF(ExcGroupObj, msg), PITH_READONLY, "exception message"},
    {"exceptions", PITH_MEMBER_OBJECT, OFF(ExcGroupObj, excs), PITH_READONLY,
     "nested exceptions"},
    {NULL, 0, 0, 0, NULL},
};

/* ---- member tables of the other families ------------------------------------------------------------ */

#define OBJ_MEMBER(T, f, doc) {#f, PITH_MEMBER_OBJECT, OFF(T, f), 0, doc}
static PithMemberDef syntax_members[] = {
    OBJ_MEMBER(SyntaxErrorObj, msg, "exception msg"),
    OBJ_MEMBER(SyntaxErrorObj, filename, "exception filename"),
    OBJ_MEMBER(SyntaxErrorObj, lineno, "exception lineno"),
    OBJ_MEMBER(SyntaxErrorObj, offset, "exception offset"),
    OBJ_MEMBER(SyntaxErrorObj, text, "exception text"),
    OBJ_MEMBER(SyntaxErrorObj, end_lineno, "exception end lineno"),
    OBJ_MEMBER(SyntaxErrorObj, end_offset, "exception end offset"),
    OBJ_MEMBER(SyntaxErrorObj, print_file_and_line, "exception print_file_and_line"),
    {NULL, 0, 0, 0, NULL},
};
static PithMemberDef import_members[] = {
    OBJ_MEMBER(ImportErrorObj, msg, "exception message"),
    OBJ_MEMBER(ImportErrorObj, name, "module name"),
    OBJ_MEMBER(ImportErrorObj, path, "module path"),
    {NULL, 0, 0, 0, NULL},
};
static PithMemberDef oserror_members[] = {
    {"errno", PITH_MEMBER_OBJECT, OFF(OSErrorObj, myerrno), 0, "POSIX exception code"},
    OBJ_MEMBER(OSErrorObj, strerror, "exception strerror"),
    OBJ_MEMBER(OSErrorObj, filename, "exception filename"),
    OBJ_MEMBER(OSErrorObj, filename2, "second exception filename"),
    {NULL, 0, 0, 0, NULL},
};
static PithMemberDef stopiter_members[] = {
    OBJ_MEMBER(StopIterationObj, value, "generator return value"),
    {NULL, 0, 0, 0, NULL},
};
static PithMemberDef sysexit_members[] = {
    OBJ_MEMBER(SystemExitObj, code, "exception code"),
    {NULL, 0, 0, 0, NULL},
};
static PithMemberDef nameerror_members[] = {
    OBJ_MEMBER(NameErrorObj, name, "name"),
    {NULL, 0, 0, 0, NULL},
};
static PithMemberDef attrerror_members[] = {
    OBJ_MEMBER(AttributeErrorObj, name, "attribute name"),
    OBJ_MEMBER(AttributeErrorObj, obj, "object"),
    {NULL, 0, 0, 0, NULL},
};

/* ---- initialisation ------------------------------------------------------------------------------------ */

/* __doc__ of each exception class (texts as CPython 3.11). */
static const struct {
    PithType *type;
    const char *doc;
} exc_docs[] = {
    {&pith_exc_BaseException,
     "Common base class for all exceptions"},
    {&pith_exc_BaseExceptionGroup,
     "A combination of multiple unrelated exceptions."},
    {&pith_exc_GeneratorExit,
     "Request that a generator exit."},
    {&pith_exc_KeyboardInterrupt,
     "Program interrupted by user."},
    {&pith_exc_SystemExit,
     "Request to exit from the interpreter."},
    {&pith_exc_Exception,
     "Common base class for all non-exit exceptions."},
    {&pith_exc_ArithmeticError,
     "Base class for arithmetic errors."},
    {&pith_exc_FloatingPointError,
     "Floating point operation failed."},
    {&pith_exc_OverflowError,
     "Result too large to be represented."},
    {&pith_exc_ZeroDivisionError,
     "Second argument to a division or modulo operation was zero."},
    {&pith_exc_AssertionError,
     "Assertion failed."},
    {&pith_exc_AttributeError,
     "Attribute not found."},
    {&pith_exc_BufferError,
     "Buffer error."},
    {&pith_exc_EOFError,
     "Read beyond end of file."},
    {&pith_exc_ImportError,
     "Import can't find module, or can't find name in module."},
    {&pith_exc_ModuleNotFoundError,
     "Module not found."},
    {&pith_exc_LookupError,
     "Base class for lookup errors."},
    {&pith_exc_IndexError,
     "Sequence index out of range."},
    {&pith_exc_KeyError,
     "Mapping key not found."},
    {&pith_exc_MemoryError,
     "Out of memory."},
    {&pith_exc_NameError,
     "Name not found globally."},
    {&pith_exc_UnboundLocalError,
     "Local name referenced but not bound to a value."},
    {&pith_exc_OSError,
     "Base class for I/O related errors."},
    {&pith_exc_BlockingIOError,
     "I/O operation would block."},
    {&pith_exc_ChildProcessError,
     "Child process error."},
    {&pith_exc_ConnectionError,
     "Connection error."},
    {&pith_exc_BrokenPipeError,
     "Broken pipe."},
    {&pith_exc_ConnectionAbortedError,
     "Connection aborted."},
    {&pith_exc_ConnectionRefusedError,
     "Connection refused."},
    {&pith_exc_ConnectionResetError,
     "Connection reset."},
    {&pith_exc_FileExistsError,
     "File already exists."},
    {&pith_exc_FileNotFoundError,
     "File not found."},
    {&pith_exc_InterruptedError,
     "Interrupted by signal."},
    {&pith_exc_IsADirectoryError,
     "Operation doesn't work on directories."},
    {&pith_exc_NotADirectoryError,
     "Operation only works on directories."},
    {&pith_exc_PermissionError,
     "Not enough permissions."},
    {&pith_exc_ProcessLookupError,
     "Process not found."},
    {&pith_exc_TimeoutError,
     "Timeout expired."},
    {&pith_exc_ReferenceError,
     "Weak ref proxy used after referent went away."},
    {&pith_exc_RuntimeError,
     "Unspecified run-time error."},
    {&pith_exc_NotImplementedError,
     "Method or function hasn't been implemented yet."},
    {&pith_exc_RecursionError,
     "Recursion limit exceeded."},
    {&pith_exc_StopAsyncIteration,
     "Signal the end from iterator.__anext__()."},
    {&pith_exc_StopIteration,
     "Signal the end from iterator.__next__()."},
    {&pith_exc_SyntaxError,
     "Invalid syntax."},
    {&pith_exc_IndentationError,
     "Improper indentation."},
    {&pith_exc_TabError,
     "Improper mixture of spaces and tabs."},
    {&pith_exc_SystemError,
     "Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version."},
    {&pith_exc_TypeError,
     "Inappropriate argument type."},
    {&pith_exc_ValueError,
     "Inappropriate argument value (of correct type)."},
    {&pith_exc_UnicodeError,
     "Unicode related error."},
    {&pith_exc_UnicodeDecodeError,
     "Unicode decoding error."},
    {&pith_exc_UnicodeEncodeError,
     "Unicode encoding error."},
    {&pith_exc_UnicodeTranslateError,
     "Unicode translation error."},
    {&pith_exc_Warning,
     "Base class for warning categories."},
    {&pith_exc_BytesWarning,
     "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str."},
    {&pith_exc_DeprecationWarning,
     "Base class for warnings about deprecated features."},
    {&pith_exc_EncodingWarning,
     "Base class for warnings about encodings."},
    {&pith_exc_FutureWarning,
     "Base class for warnings about constructs that will change semantically\nin the future."},
    {&pith_exc_ImportWarning,
     "Base class for warnings about probable mistakes in module imports"},
    {&pith_exc_PendingDeprecationWarning,
     "Base class for warnings about features which will be deprecated\nin the future."},
    {&pith_exc_ResourceWarning,
     "Base class for warnings about resource usage."},
    {&pith_exc_RuntimeWarning,
     "Base class for warnings about dubious runtime behavior."},
    {&pith_exc_SyntaxWarning,
     "Base class for warnings about dubious syntax."},
    {&pith_exc_UnicodeWarning,
     "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems."},
    {&pith_exc_UserWarning,
     "Base class for warnings generated by user code."},
};

static void setup_family(PithType *t, pith_initfunc init, pith_reprfunc str,
                         PithMemberDef *members) {
    t->tp_basicsize = family_of(t)->size;
    if (init) t->tp_init = init;
    if (str) t->tp_str = str;
    if (members) t->tp_members = members;
}

static void setup_types(void) {
    PithType *b = &pith_exc_BaseException;
    b->tp_basicsize = sizeof(BaseExc);
    b->tp_dealloc = exc_dealloc;
    b->tp_traverse = exc_traverse;
    b->tp_clear = exc_clear;
    b->tp_new = exc_new;
    b->tp_init = exc_init;
    b->tp_repr = exc_repr;
    b->tp_str = exc_str;
    b->tp_methods = exc_methods;
    b->tp_getset = exc_getset;
    b->tp_members = exc_members;
    b->tp_dictoffset = offsetof(BaseExc, dict);
    b->tp_getattro = pith_generic_getattr;
    b->tp_setattro = pith_generic_setattr;
    for (size_t i = 0; i < sizeof exc_docs / sizeof *exc_docs; i++)
        exc_docs[i].type->tp_doc = exc_docs[i].doc;
    setup_family(&pith_exc_SyntaxError, syntax_init, syntax_str, syntax_members);
    setup_family(&pith_exc_ImportError, importerror_init, importerror_str, import_members);
    setup_family(&pith_exc_OSError, oserror_init, oserror_str, oserror_members);
    pith_exc_OSError.tp_new = oserror_new;
    pith_exc_OSError.tp_getset = oserror_getset;
    setup_family(&pith_exc_StopIteration, stopiter_init, NULL, stopiter_members);
    setup_family(&pith_exc_SystemExit, sysexit_init, NULL, sysexit_members);
    setup_family(&pith_exc_NameError, nameerror_init, NULL, nameerror_members);
    setup_family(&pith_exc_AttributeError, attrerror_init, NULL, attrerror_members);
    setup_family(&pith_exc_UnicodeError, NULL, NULL, NULL);
    setup_family(&pith_exc_UnicodeEncodeError, unicode_codec_init, unicode_str, unicode_members);
    setup_family(&pith_exc_UnicodeDecodeError, unicode_codec_init, unicode_str, unicode_members);
    setup_family(&pith_exc_UnicodeTranslateError, unicode_translate_init, unicode_str,
                 unicode_members);
    pith_exc_KeyError.tp_str = keyerror_str;
    setup_family(&pith_exc_BaseExceptionGroup, group_init, group_str, group_members);
    pith_exc_BaseExceptionGroup.tp_new = group_new;
    pith_exc_BaseExceptionGroup.tp_methods = group_methods;
}

static PithObject *group_weakref_get(PithObject *o, void *c) {
    PithObject *r = pith_weakref_first(o);
    return PITH_NEWREF(r ? r : PITH_NONE);
}

static PithGetSetDef group_weakref_getset = {
    "__weakref__", group_weakref_get, NULL, "list of weak references to the object", NULL};

/* CPython builds ExceptionGroup as a heap class, so its dict also holds
 * __module__ and a __weakref__ descriptor, and (unlike other exceptions)
 * its instances accept weak references. */
static int group_dict_extras(void) {
    PithType *t = &pith_exc_ExceptionGroup;
    t->tp_flags |= PITH_TPFLAGS_WEAKREFABLE;
    PithObject *mod = pith_str_from_cstr("builtins");
    if (!mod) return -1;
    int r = pith_dict_set_item(t->tp_dict, pith_id_module(), mod);
    PITH_DECREF(mod);
    if (r < 0) return -1;
    PithObject *d = pith_descr_new_getset(t, &group_weakref_getset);
    if (!d) return -1;
    r = pith_dict_set_item_str(t->tp_dict, "__weakref__", d);
    PITH_DECREF(d);
    return r;
}

int pith_exceptions_init(void) {
    setup_types();
    /* ExceptionGroup(BaseExceptionGroup, Exception): multiple bases. */
    pith_exc_ExceptionGroup.tp_bases =
        pith_tuple_pack(2, (PithObject *)&pith_exc_BaseExceptionGroup,
                        (PithObject *)&pith_exc_Exception);
    if (!pith_exc_ExceptionGroup.tp_bases) return -1;
#define EXC_READY(name, base)                                                  \
    if (pith_type_ready(&pith_exc_##name) < 0) return -1;
    PITH_EXC_LIST(EXC_READY)
#undef EXC_READY
    if (group_dict_extras() < 0) return -1;
    pith_err_prepare_memory_error();
    return 0;
}
