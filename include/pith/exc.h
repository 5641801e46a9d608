/* exc.h — builtin exception types and the error-indicator API.
 *
 * The current raised exception lives in the thread state (state.h) as one
 * exception instance (as CPython 3.12 does). Functions signal failure by
 * returning NULL/-1 with it set.
 */
#ifndef PITH_EXC_H
#define PITH_EXC_H

#include "object.h"

/* X(Name, Base): the builtin exception hierarchy of CPython 3.11 (single
 * inheritance part; ExceptionGroup also derives from Exception). */
#define PITH_EXC_LIST(X)                                                       \
    X(BaseException, object)                                                   \
    X(BaseExceptionGroup, BaseException)                                       \
    X(GeneratorExit, BaseException)                                            \
    X(KeyboardInterrupt, BaseException)                                        \
    X(SystemExit, BaseException)                                               \
    X(Exception, BaseException)                                                \
    X(ArithmeticError, Exception)                                              \
    X(FloatingPointError, ArithmeticError)                                     \
    X(OverflowError, ArithmeticError)                                          \
    X(ZeroDivisionError, ArithmeticError)                                      \
    X(AssertionError, Exception)                                               \
    X(AttributeError, Exception)                                               \
    X(BufferError, Exception)                                                  \
    X(EOFError, Exception)                                                     \
    X(ExceptionGroup, BaseExceptionGroup)                                      \
    X(ImportError, Exception)                                                  \
    X(ModuleNotFoundError, ImportError)                                        \
    X(LookupError, Exception)                                                  \
    X(IndexError, LookupError)                                                 \
    X(KeyError, LookupError)                                                   \
    X(MemoryError, Exception)                                                  \
    X(NameError, Exception)                                                    \
    X(UnboundLocalError, NameError)                                            \
    X(OSError, Exception)                                                      \
    X(BlockingIOError, OSError)                                                \
    X(ChildProcessError, OSError)                                              \
    X(ConnectionError, OSError)                                                \
    X(BrokenPipeError, ConnectionError)                                        \
    X(ConnectionAbortedError, ConnectionError)                                 \
    X(ConnectionRefusedError, ConnectionError)                                 \
    X(ConnectionResetError, ConnectionError)                                   \
    X(FileExistsError, OSError)                                                \
    X(FileNotFoundError, OSError)                                              \
    X(InterruptedError, OSError)                                               \
    X(IsADirectoryError, OSError)                                              \
    X(NotADirectoryError, OSError)                                             \
    X(PermissionError, OSError)                                                \
    X(ProcessLookupError, OSError)                                             \
    X(TimeoutError, OSError)                                                   \
    X(ReferenceError, Exception)                                               \
    X(RuntimeError, Exception)                                                 \
    X(NotImplementedError, RuntimeError)                                       \
    X(RecursionError, RuntimeError)                                            \
    X(StopAsyncIteration, Exception)                                           \
    X(StopIteration, Exception)                                                \
    X(SyntaxError, Exception)                                                  \
    X(IndentationError, SyntaxError)                                           \
    X(TabError, IndentationError)                                              \
    X(SystemError, Exception)                                                  \
    X(TypeError, Exception)                                                    \
    X(ValueError, Exception)                                                   \
    X(UnicodeError, ValueError)                                                \
    X(UnicodeDecodeError, UnicodeError)                                        \
    X(UnicodeEncodeError, UnicodeError)                                        \
    X(UnicodeTranslateError, UnicodeError)                                     \
    X(Warning, Exception)                                                      \
    X(BytesWarning, Warning)                                                   \
    X(DeprecationWarning, Warning)                                             \
    X(EncodingWarning, Warning)                                                \
    X(FutureWarning, Warning)                                                  \
    X(ImportWarning, Warning)                                                  \
    X(PendingDeprecationWarning, Warning)                                      \
    X(ResourceWarning, Warning)                                                \
    X(RuntimeWarning, Warning)                                                 \
    X(SyntaxWarning, Warning)                                                  \
    X(UnicodeWarning, Warning)                                                 \
    X(UserWarning, Warning)

/* Each builtin exception class is a static type named pith_exc_<Name>. */
#define PITH_EXC_DECLARE(name, base) extern PithType pith_exc_##name;
PITH_EXC_LIST(PITH_EXC_DECLARE)
#undef PITH_EXC_DECLARE

/* Instance layout shared by all exceptions. Subclass-specific fields (e.g.
 * SyntaxError's filename/lineno, StopIteration.value, SystemExit.code,
 * OSError's errno) live in the larger structs in exceptions.c; they all
 * start with this one. */
typedef struct PithBaseException {
    PithObject ob;
    PithObject *dict;
    PithObject *args;      /* tuple */
    PithObject *notes;     /* __notes__ list or NULL */
    PithObject *traceback; /* traceback object or NULL */
    PithObject *context;   /* __context__ or NULL */
    PithObject *cause;     /* __cause__ or NULL */
    char suppress_context;
} PithBaseException;

#define pith_exc_check(o) PITH_TYPE_CHECK_FLAG(o, PITH_TPFLAGS_BASE_EXC_SUBCLASS)
#define pith_exc_class_check(t)                                                \
    (pith_type_check(t) &&                                                     \
     pith_type_has_flag((PithType *)(t), PITH_TPFLAGS_BASE_EXC_SUBCLASS))

/* ---- the error indicator (runtime/error.c) ---------------------------- */
/* Raise: type is an exception class; value an instance, an argument, or
 * NULL. Instances are normalized (created) immediately. */
void pith_err_set_object(PithType *type, PithObject *value);
void pith_err_set_none(PithType *type);
void pith_err_set_string(PithType *type, const char *msg);
/* printf-like; see pith_str_from_format for directives. Returns NULL. */
PithObject *pith_err_format(PithType *type, const char *fmt, ...);
PithObject *pith_err_no_memory(void);        /* MemoryError, returns NULL */
PithObject *pith_err_from_errno(PithType *type);           /* OSError(errno, strerror) */
PithObject *pith_err_from_errno_filename(PithType *type, PithObject *filename);
void pith_err_bad_internal_call(const char *file, int line); /* SystemError */
#define PITH_BAD_INTERNAL_CALL() pith_err_bad_internal_call(__FILE__, __LINE__)

PithObject *pith_err_occurred(void);     /* borrowed current exception or NULL */
/* Does the current exception match exc (a class or tuple of classes)? */
int pith_err_matches(PithType *exc);
int pith_exc_matches(PithObject *exc_instance, PithObject *cls_or_tuple);
PithObject *pith_err_fetch(void);        /* take the exception (new ref), clear */
void pith_err_restore(PithObject *exc);  /* steal exc, set as current (NULL clears) */
void pith_err_clear(void);
/* Raise an already-built exception instance (not stolen). */
void pith_err_raise(PithObject *exc);
/* Set __context__ of the pending exception to the handled one, as raise does. */
void pith_err_chain_context(void);
/* Print the current exception as sys.excepthook would, and clear it. */
void pith_err_print(void);
/* Report an exception that cannot be raised (e.g. in __del__) to stderr. */
void pith_err_write_unraisable(PithObject *context_obj);

/* AttributeError "'T' object has no attribute 'name'" with .name/.obj set
 * (used for 3.11's "Did you mean" hints). Returns NULL. */
PithObject *pith_err_no_attribute(PithObject *obj, PithObject *name);

/* Exception object accessors (objects/exceptions.c). */
/* Set AttributeError.name/.obj or NameError.name on exc if it is one. */
void pith_exc_set_attribute_info(PithObject *exc, PithObject *obj, PithObject *name);
PithObject *pith_exc_new(PithType *type, PithObject *args_tuple); /* instance */
PithObject *pith_exc_get_traceback(PithObject *exc); /* borrowed, may be NULL */
void pith_exc_set_traceback(PithObject *exc, PithObject *tb);
void pith_exc_set_context(PithObject *exc, PithObject *ctx);   /* steals ctx */
void pith_exc_set_cause(PithObject *exc, PithObject *cause);   /* steals cause */
PithObject *pith_stop_iteration_value(PithObject *exc); /* borrowed */
/* Raise SyntaxError-like exception with location (1-based line, 1-based
 * offset as CPython stores them; end_* may be 0 = unknown). text may be NULL. */
/* Issue a warning (runtime/warnings.c): category is a Warning subclass,
 * stacklevel 1 = the innermost Python frame. Applies sys.warnoptions
 * (action and category) and 3.11's default filters, then prints CPython's
 * "file:line: Category: msg" + source line to sys.stderr, once per location.
 * Returns 0, or -1 with the exception set (e.g. under -W error). */
int pith_warn(PithType *category, const char *msg, int stacklevel);

void pith_err_syntax_location(PithType *type, const char *msg,
                              PithObject *filename, int lineno, int offset,
                              int end_lineno, int end_offset,
                              PithObject *text);

#endif
