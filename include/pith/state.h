/* state.h — interpreter and thread state (single-threaded for now). */
#ifndef PITH_STATE_H
#define PITH_STATE_H

#include "object.h"

struct PithFrame;

typedef struct PithThreadState {
    PithObject *curexc;       /* raised, propagating exception (owned) or NULL */
    PithObject *handled_exc;  /* exception being handled (sys.exc_info()), owned or NULL */
    struct PithFrame *frame;  /* innermost executing frame (VM-owned) */
    int recursion_depth;      /* Python-level call depth */
    int recursion_limit;      /* sys.getrecursionlimit(), default 1000 */
    int c_recursion_depth;    /* C-level nesting guard (repr, compare, ...) */
} PithThreadState;

typedef struct PithInterp {
    PithObject *modules;  /* sys.modules dict */
    PithObject *builtins; /* builtins module dict */
    PithObject *sysdict;  /* sys module dict */
    PithObject *builtins_module, *sys_module;
    int verbose, optimize, dont_write_bytecode, inspect, isolated;
    PithObject *xoptions; /* dict of -X options */
} PithInterp;

extern PithThreadState pith_tstate_main;
extern PithInterp pith_interp;
static inline PithThreadState *pith_tstate(void) { return &pith_tstate_main; }

/* Guard for C recursion (repr of nested containers, etc.): returns -1 and
 * raises RecursionError("maximum recursion depth exceeded" + where). */
int pith_enter_recursive_call(const char *where);
void pith_leave_recursive_call(void);

#endif
