/* signal.c — the `_signal` module under CPython's signal.py: the SIG*
 * constants, signal()/getsignal(), default_int_handler, strsignal,
 * valid_signals, raise_signal, alarm, pause, siginterrupt, set_wakeup_fd.
 *
 * A Python handler is installed as a C handler that only marks its signal
 * as tripped; pith_signal_run_pending() calls the Python handlers of the
 * tripped signals. raise_signal() runs them at once; the eval loop does not
 * poll yet, so a handler for an asynchronous signal runs at the next
 * raise_signal() call.
 *
 * Invariant: handlers[n] is NULL (never set from Python: getsignal asks
 * the OS) or a strong reference to the object last passed to signal(). */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "pith/pith.h"

PithObject *pith_signal_module_init(void);
int pith_signal_run_pending(void);

#define NSIGS 65 /* Linux: signals 1..64 */

static PithObject *handlers[NSIGS];
static PithObject *int_handler; /* the module's default_int_handler */
static volatile sig_atomic_t tripped[NSIGS];
static volatile sig_atomic_t any_tripped;

typedef struct SigName {
    const char *name;
    int value;
} SigName;

static const SigName constants[] = {
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL}, {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM},
    {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD}, {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN}, {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
    {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO}, {"SIGPOLL", SIGPOLL}, {"SIGPWR", SIGPWR},
    {"SIGSYS", SIGSYS}, {"SIGRTMIN", 34}, {"SIGRTMAX", 64},
    {"SIG_DFL", 0}, {"SIG_IGN", 1}, {"NSIG", NSIGS},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    {NULL, 0},
};

static void c_handler(int sig) {
    int saved = errno;
    if (sig > 0 && sig < NSIGS) tripped[sig] = 1;
    any_tripped = 1;
    errno = saved;
}

/* An int argument (via __index__) as a C int; -1 + exception on error
 * (callers treat out-of-range values themselves). */
static int as_int(PithObject *o, long *out) {
    PithObject *i = pith_number_index(o);
    if (!i) return -1;
    int overflow = 0;
    int64_t v = pith_int_as_i64_overflow(i, &overflow);
    PITH_DECREF(i);
    if (overflow || v > 0x7fffffff || v < -0x7fffffff - 1) {
        pith_err_set_string(&pith_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (long)v;
    return 0;
}

static int signum_arg(PithObject *o, int *sig) {
    long v;
    if (as_int(o, &v) < 0) return -1;
    if (v < 1 || v >= NSIGS) {
        pith_err_set_string(&pith_exc_ValueError, "signal number out of range");
        return -1;
    }
    *sig = (int)v;
    return 0;
}

/* 0 for SIG_DFL, 1 for SIG_IGN, -1 for anything else. */
static int disposition(PithObject *h) {
    if (!pith_int_check(h)) return -1;
    int overflow = 0;
    int64_t v = pith_int_as_i64_overflow(h, &overflow);
    return !overflow && (v == 0 || v == 1) ? (int)v : -1;
}

/* The handler as the OS has it, for signals Python never set. */
static PithObject *os_handler(int sig) {
    struct sigaction sa;
    if (sig == SIGINT && int_handler) return PITH_NEWREF(int_handler);
    if (sigaction(sig, NULL, &sa) < 0) PITH_RETURN_NONE;
    if (sa.sa_handler == SIG_IGN) return pith_int_from_i64(1);
    if (sa.sa_handler == SIG_DFL) return pith_int_from_i64(0);
    PITH_RETURN_NONE;
}

static PithObject *sig_getsignal(PithObject *m, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    PithObject *arg = args[0];
    int sig;
    if (signum_arg(arg, &sig) < 0) return NULL;
    return handlers[sig] ? PITH_NEWREF(handlers[sig]) : os_handler(sig);
}

static PithObject *sig_signal(PithObject *m, PithObject *const *args, size_t nargs,
                              PithObject *kwnames) {
    if (pith_arg_check_range("signal", nargs, 2, 2) < 0) return NULL;
    int sig;
    if (signum_arg(args[0], &sig) < 0) return NULL;
    PithObject *h = args[1];
    int d = disposition(h);
    if (d < 0 && !pith_callable_check(h))
        return pith_err_format(&pith_exc_TypeError,
                               "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    PithObject *old = handlers[sig] ? PITH_NEWREF(handlers[sig]) : os_handler(sig);
    if (!old) return NULL;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = d == 0 ? SIG_DFL : d == 1 ? SIG_IGN : c_handler;
    sa.sa_flags = SA_ONSTACK;
    if (sigaction(sig, &sa, NULL) < 0) {
        PITH_DECREF(old);
        return pith_err_from_errno(&pith_exc_OSError);
    }
    PITH_XDECREF(handlers[sig]);
    handlers[sig] = PITH_NEWREF(h);
    tripped[sig] = 0;
    return old;
}

static PithObject *sig_default_int_handler(PithObject *m, PithObject *const *args, size_t nargs,
                                           PithObject *kwnames) {
    pith_err_set_none(&pith_exc_KeyboardInterrupt);
    return NULL;
}

int pith_signal_run_pending(void) {
    if (!any_tripped) return 0;
    any_tripped = 0;
    for (int sig = 1; sig < NSIGS; sig++) {
        if (!tripped[sig]) continue;
        tripped[sig] = 0;
        PithObject *h = handlers[sig];
        if (!h || disposition(h) >= 0) continue;
        PithObject *args[2] = {pith_int_from_i64(sig), PITH_NONE};
        PithObject *r = args[0] ? pith_call(h, args, 2, NULL) : NULL;
        PITH_XDECREF(args[0]);
        if (!r) {
            any_tripped = 1; /* leave the rest for the next check */
            return -1;
        }
        PITH_DECREF(r);
    }
    return 0;
}

static PithObject *sig_raise_signal(PithObject *m, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    PithObject *arg = args[0];
    int sig;
    if (signum_arg(arg, &sig) < 0) return NULL;
    if (raise(sig) != 0) return pith_err_from_errno(&pith_exc_OSError);
    if (pith_signal_run_pending() < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *sig_strsignal(PithObject *m, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    PithObject *arg = args[0];
    int sig;
    if (signum_arg(arg, &sig) < 0) return NULL;
    const char *s = strsignal(sig);
    if (!s || strncmp(s, "Unknown signal", 14) == 0 || strncmp(s, "Real-time signal", 16) == 0)
        PITH_RETURN_NONE;
    return pith_str_from_cstr(s);
}

static PithObject *sig_valid_signals(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    PithObject *s = pith_set_new(NULL);
    for (int sig = 1; s && sig < NSIGS; sig++) {
        if (sig == 32 || sig == 33) continue; /* reserved by the C library's threads */
        PithObject *v = pith_int_from_i64(sig);
        if (!v || pith_set_add(s, v) < 0) PITH_CLEAR(s);
        PITH_XDECREF(v);
    }
    return s;
}

static PithObject *sig_alarm(PithObject *m, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    PithObject *arg = args[0];
    long secs;
    if (as_int(arg, &secs) < 0) return NULL;
    return pith_int_from_i64(alarm((unsigned)secs));
}

static PithObject *sig_pause(PithObject *m, PithObject *const *a, size_t n, PithObject *k) {
    pause();
    if (pith_signal_run_pending() < 0) return NULL;
    PITH_RETURN_NONE;
}

static PithObject *sig_siginterrupt(PithObject *m, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    if (pith_arg_check_range("siginterrupt", nargs, 2, 2) < 0) return NULL;
    int sig;
    long flag;
    if (signum_arg(args[0], &sig) < 0 || as_int(args[1], &flag) < 0) return NULL;
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) < 0) return pith_err_from_errno(&pith_exc_OSError);
    if (flag) sa.sa_flags &= ~SA_RESTART;
    else sa.sa_flags |= SA_RESTART;
    if (sigaction(sig, &sa, NULL) < 0) return pith_err_from_errno(&pith_exc_OSError);
    PITH_RETURN_NONE;
}

/* No wakeup fd support: accepts -1 (the default) and reports -1. */
static PithObject *sig_set_wakeup_fd(PithObject *m, PithObject *const *args, size_t nargs,
                                     PithObject *kwnames) {
    if (pith_arg_check_range("set_wakeup_fd", nargs, 1, 1) < 0) return NULL;
    long fd;
    if (as_int(args[0], &fd) < 0) return NULL;
    if (fd != -1)
        return pith_err_format(&pith_exc_ValueError, "set_wakeup_fd is not supported by pith");
    return pith_int_from_i64(-1);
}

static PithMethodDef signal_functions[] = {
    {"signal", sig_signal, PITH_METH_FAST, NULL},
    {"getsignal", sig_getsignal, PITH_METH_O, NULL},
    {"default_int_handler", sig_default_int_handler, PITH_METH_FAST, NULL},
    {"raise_signal", sig_raise_signal, PITH_METH_O, NULL},
    {"strsignal", sig_strsignal, PITH_METH_O, NULL},
    {"valid_signals", sig_valid_signals, PITH_METH_NOARGS, NULL},
    {"alarm", sig_alarm, PITH_METH_O, NULL},
    {"pause", sig_pause, PITH_METH_NOARGS, NULL},
    {"siginterrupt", sig_siginterrupt, PITH_METH_FAST, NULL},
    {"set_wakeup_fd", sig_set_wakeup_fd, PITH_METH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

PithObject *pith_signal_module_init(void) {
    PithObject *m = pith_module_new("_signal");
    if (!m) return NULL;
    if (pith_module_add_functions(m, signal_functions) < 0) goto fail;
    for (const SigName *c = constants; c->name; c++)
        if (pith_module_add_int(m, c->name, c->value) < 0) goto fail;
    if (!int_handler) {
        int_handler = pith_getattr_str(m, "default_int_handler");
        if (!int_handler) goto fail;
    }
    return m;
fail:
    PITH_DECREF(m);
    return NULL;
}
