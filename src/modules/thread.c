/* thread.c — the `_thread` module for a single-threaded interpreter:
 * lock and RLock objects with CPython's API and error messages, thread
 * identity, and start_new_thread raising RuntimeError (pith runs no other
 * threads).
 *
 * Invariant: since no other thread exists, a lock held when a blocking
 * acquire() without timeout is attempted could never be released; instead of
 * hanging forever that acquire raises RuntimeError. Acquires with a timeout
 * on a held lock fail at once (nobody could release it meanwhile). */
#include <math.h>
#include <unistd.h>

#include "pith/pith.h"

typedef struct {
    PithObject ob;
    bool locked;
} Lock;

typedef struct {
    PithObject ob;
    intptr_t count; /* recursion depth; 0 = unlocked (owner is the only thread) */
} RLock;

extern PithType pith_thread_lock_type, pith_thread_rlock_type;

#define TIMEOUT_MAX 9223372036.0
#define THREAD_IDENT 1 /* arbitrary non-zero ident of the one thread */

static PithObject *new_lock(void) {
    Lock *l = (Lock *)pith_obj_new(&pith_thread_lock_type);
    if (!l) return pith_err_no_memory();
    l->locked = false;
    return (PithObject *)l;
}

static void lock_dealloc(PithObject *o) { pith_obj_free(o); }

/* Parse acquire(blocking=True, timeout=-1). Returns 1 = may wait forever,
 * 0 = must not wait, -1 = error. */
static int acquire_args(PithObject *const *args, size_t nargs, PithObject *kwnames) {
    static const char *const kw[] = {"blocking", "timeout"};
    static const PithArgSpec spec = {"acquire", kw, 2, 0, 0, 2};
    PithObject *out[2] = {NULL, NULL};
    if (pith_arg_parse(&spec, args, nargs, kwnames, out) < 0) return -1;
    int blocking = 1;
    if (out[0]) {
        blocking = pith_is_true(out[0]);
        if (blocking < 0) return -1;
    }
    double timeout = -1;
    if (out[1]) {
        timeout = pith_float_as_double(out[1]);
        if (timeout == -1.0 && pith_err_occurred()) return -1;
    }
    if (!blocking && timeout != -1) {
        pith_err_set_string(&pith_exc_ValueError,
                            "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (timeout < 0 && timeout != -1) {
        pith_err_set_string(&pith_exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (timeout > TIMEOUT_MAX || isnan(timeout)) {
        pith_err_set_string(&pith_exc_OverflowError, "timeout value is too large");
        return -1;
    }
    return blocking && timeout == -1;
}

static PithObject *deadlock(void) {
    pith_err_set_string(&pith_exc_RuntimeError,
                        "deadlock: the lock is held and no other thread can release it");
    return NULL;
}

static PithObject *lock_acquire(PithObject *self, PithObject *const *args, size_t nargs,
                                PithObject *kwnames) {
    int forever = acquire_args(args, nargs, kwnames);
    if (forever < 0) return NULL;
    Lock *l = (Lock *)self;
    if (!l->locked) {
        l->locked = true;
        return pith_bool_from(1);
    }
    return forever ? deadlock() : pith_bool_from(0);
}

static PithObject *lock_release(PithObject *self, PithObject *const *a, size_t n,
                                PithObject *k) {
    Lock *l = (Lock *)self;
    if (!l->locked) {
        pith_err_set_string(&pith_exc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    l->locked = false;
    PITH_RETURN_NONE;
}

static PithObject *lock_locked(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    return pith_bool_from(((Lock *)self)->locked);
}

static PithObject *lock_reinit(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    ((Lock *)self)->locked = false;
    PITH_RETURN_NONE;
}

static PithObject *lock_repr(PithObject *self) {
    return pith_str_from_format("<%s %s object at %p>",
                                ((Lock *)self)->locked ? "locked" : "unlocked",
                                PITH_TYPE(self)->tp_name, (void *)self);
}

static PithMethodDef lock_methods[] = {
    {"acquire", lock_acquire, PITH_METH_KW, NULL},
    {"acquire_lock", lock_acquire, PITH_METH_KW, NULL},
    {"__enter__", lock_acquire, PITH_METH_KW, NULL},
    {"release", lock_release, PITH_METH_NOARGS, NULL},
    {"release_lock", lock_release, PITH_METH_NOARGS, NULL},
    {"__exit__", lock_release, PITH_METH_FAST, NULL},
    {"locked", lock_locked, PITH_METH_NOARGS, NULL},
    {"locked_lock", lock_locked, PITH_METH_NOARGS, NULL},
    {"_at_fork_reinit", lock_reinit, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_thread_lock_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(Lock),
    .tp_flags = PITH_TPFLAGS_DISALLOW_INSTANTIATION | PITH_TPFLAGS_WEAKREFABLE,
    .tp_dealloc = lock_dealloc,
    .tp_repr = lock_repr,
    .tp_methods = lock_methods,
};

/* ---- RLock --------------------------------------------------------------------------- */

static PithObject *rlock_new(PithType *t, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    RLock *r = (RLock *)pith_obj_new(t);
    if (!r) return pith_err_no_memory();
    r->count = 0;
    return (PithObject *)r;
}

static PithObject *rlock_acquire(PithObject *self, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    if (acquire_args(args, nargs, kwnames) < 0) return NULL;
    ((RLock *)self)->count++;
    return pith_bool_from(1);
}

static PithObject *rlock_release(PithObject *self, PithObject *const *a, size_t n,
                                 PithObject *k) {
    RLock *r = (RLock *)self;
    if (r->count == 0) {
        pith_err_set_string(&pith_exc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    r->count--;
    PITH_RETURN_NONE;
}

static PithObject *rlock_is_owned(PithObject *self, PithObject *const *a, size_t n,
                                  PithObject *k) {
    return pith_bool_from(((RLock *)self)->count > 0);
}

static PithObject *rlock_recursion_count(PithObject *self, PithObject *const *a, size_t n,
                                         PithObject *k) {
    return pith_int_from_ssize(((RLock *)self)->count);
}

/* _release_save() -> (count, owner): fully release, for Condition.wait. */
static PithObject *rlock_release_save(PithObject *self, PithObject *const *a, size_t n,
                                      PithObject *k) {
    RLock *r = (RLock *)self;
    if (r->count == 0) {
        pith_err_set_string(&pith_exc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    PithObject *c = pith_int_from_ssize(r->count), *o = pith_int_from_i64(THREAD_IDENT);
    PithObject *t = c && o ? pith_tuple_pack(2, c, o) : NULL;
    PITH_XDECREF(c);
    PITH_XDECREF(o);
    if (t) r->count = 0;
    return t;
}

static PithObject *rlock_acquire_restore(PithObject *self, PithObject *const *args,
                                         size_t nargs, PithObject *k) {
    PithObject *st = args[0];
    if (!pith_tuple_check(st) || PITH_SIZE(st) != 2) {
        pith_err_set_string(&pith_exc_TypeError, "_acquire_restore() argument must be a 2-tuple");
        return NULL;
    }
    intptr_t c = pith_number_as_ssize(PITH_TUPLE_GET(st, 0), &pith_exc_OverflowError);
    if (c == -1 && pith_err_occurred()) return NULL;
    ((RLock *)self)->count = c;
    PITH_RETURN_NONE;
}

static PithObject *rlock_reinit(PithObject *self, PithObject *const *a, size_t n, PithObject *k) {
    ((RLock *)self)->count = 0;
    PITH_RETURN_NONE;
}

static PithObject *rlock_repr(PithObject *self) {
    intptr_t c = ((RLock *)self)->count;
    return pith_str_from_format("<%s %s object owner=%d count=%zd at %p>",
                                c ? "locked" : "unlocked", PITH_TYPE(self)->tp_name,
                                c ? THREAD_IDENT : 0, c, (void *)self);
}

static PithMethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, PITH_METH_KW, NULL},
    {"__enter__", rlock_acquire, PITH_METH_KW, NULL},
    {"release", rlock_release, PITH_METH_NOARGS, NULL},
    {"__exit__", rlock_release, PITH_METH_FAST, NULL},
    {"_is_owned", rlock_is_owned, PITH_METH_NOARGS, NULL},
    {"_recursion_count", rlock_recursion_count, PITH_METH_NOARGS, NULL},
    {"_release_save", rlock_release_save, PITH_METH_NOARGS, NULL},
    {"_acquire_restore", rlock_acquire_restore, PITH_METH_O, NULL},
    {"_at_fork_reinit", rlock_reinit, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PithType pith_thread_rlock_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(RLock),
    .tp_flags = PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_WEAKREFABLE,
    .tp_dealloc = lock_dealloc,
    .tp_repr = rlock_repr,
    .tp_new = rlock_new,
    .tp_methods = rlock_methods,
};

/* ---- module functions ------------------------------------------------------------------ */

static PithObject *th_allocate_lock(PithObject *m, PithObject *const *a, size_t n,
                                    PithObject *k) {
    return new_lock();
}

static PithObject *th_get_ident(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return pith_int_from_i64(THREAD_IDENT);
}

static PithObject *th_get_native_id(PithObject *m, PithObject *const *a, size_t n,
                                    PithObject *k) {
    return pith_int_from_i64((int64_t)getpid()); /* the main thread's id is the pid */
}

static PithObject *th_count(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    return pith_int_from_i64(0);
}

static PithObject *th_start_new_thread(PithObject *m, PithObject *const *args, size_t nargs,
                                       PithObject *k) {
    if (pith_arg_check_range("start_new_thread", nargs, 2, 3) < 0) return NULL;
    if (!pith_callable_check(args[0]))
        return pith_err_format(&pith_exc_TypeError, "first arg must be callable");
    if (!pith_tuple_check(args[1]))
        return pith_err_format(&pith_exc_TypeError, "2nd arg must be a tuple");
    if (nargs > 2 && !pith_dict_check(args[2]))
        return pith_err_format(&pith_exc_TypeError, "optional 3rd arg must be a dictionary");
    pith_err_set_string(&pith_exc_RuntimeError, "can't start new thread");
    return NULL;
}

static PithObject *th_exit(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    pith_err_set_none(&pith_exc_SystemExit);
    return NULL;
}

static intptr_t stack_size_value;

static PithObject *th_stack_size(PithObject *m, PithObject *const *args, size_t nargs,
                                 PithObject *k) {
    if (pith_arg_check_range("stack_size", nargs, 0, 1) < 0) return NULL;
    intptr_t old = stack_size_value;
    if (nargs) {
        intptr_t v = pith_number_as_ssize(args[0], &pith_exc_OverflowError);
        if (v == -1 && pith_err_occurred()) return NULL;
        if (v != 0 && v < 32768) {
            pith_err_set_string(&pith_exc_ValueError, "size not valid: 32768 bytes");
            return NULL;
        }
        stack_size_value = v;
    }
    return pith_int_from_ssize(old);
}

static PithObject *th_interrupt_main(PithObject *m, PithObject *const *args, size_t nargs,
                                     PithObject *k) {
    pith_err_set_none(&pith_exc_KeyboardInterrupt);
    return NULL;
}

static PithMethodDef thread_functions[] = {
    {"allocate_lock", th_allocate_lock, PITH_METH_NOARGS, NULL},
    {"allocate", th_allocate_lock, PITH_METH_NOARGS, NULL},
    {"_set_sentinel", th_allocate_lock, PITH_METH_NOARGS, NULL},
    {"get_ident", th_get_ident, PITH_METH_NOARGS, NULL},
    {"get_native_id", th_get_native_id, PITH_METH_NOARGS, NULL},
    {"_count", th_count, PITH_METH_NOARGS, NULL},
    {"start_new_thread", th_start_new_thread, PITH_METH_FAST, NULL},
    {"start_new", th_start_new_thread, PITH_METH_FAST, NULL},
    {"exit", th_exit, PITH_METH_NOARGS, NULL},
    {"exit_thread", th_exit, PITH_METH_NOARGS, NULL},
    {"stack_size", th_stack_size, PITH_METH_FAST, NULL},
    {"interrupt_main", th_interrupt_main, PITH_METH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_thread_module_init(void) {
    if (pith_type_ready(&pith_thread_lock_type) < 0 ||
        pith_type_ready(&pith_thread_rlock_type) < 0)
        return NULL;
    PithObject *m = pith_module_new("_thread");
    if (!m) return NULL;
    PithObject *tmax = pith_float_from_double(TIMEOUT_MAX);
    if (pith_module_add_functions(m, thread_functions) < 0 ||
        pith_module_add_object(m, "LockType", PITH_NEWREF(&pith_thread_lock_type)) < 0 ||
        pith_module_add_object(m, "RLock", PITH_NEWREF(&pith_thread_rlock_type)) < 0 ||
        pith_module_add_object(m, "error", PITH_NEWREF(&pith_exc_RuntimeError)) < 0 ||
        !tmax || pith_module_add_object(m, "TIMEOUT_MAX", tmax) < 0) {
        PITH_DECREF(m);
        return NULL;
    }
    return m;
}
