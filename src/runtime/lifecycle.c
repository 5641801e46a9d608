/* lifecycle.c — runtime start-up and shut-down: each subsystem's init in
 * the order lifecycle.h lists (sys comes last, from run.c, because it needs
 * the command-line state), and the final flush of the standard streams. */
#include "pith/pith.h"
#include "pith/weakref.h"

typedef int (*init_fn)(void);

int pith_initialize(void) {
    static const init_fn steps[] = {
        pith_core_init,       pith_numbers_init,   pith_str_init,
        pith_containers_init, pith_exceptions_init, pith_vm_init,
        pith_weakref_init,    pith_builtins_init,
    };
    pith_tstate()->recursion_limit = 1000;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (steps[i]() < 0) return -1;
    return 0;
}

/* Flush sys.stdout and sys.stderr; errors are dropped (run.c has already
 * reported a failing stdout flush through the exit status). */
void pith_finalize(void) {
    static const char *const names[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        PithObject *s = pith_sys_get_object(names[i]);
        if (s && pith_stdio_flush(s) < 0) pith_err_clear();
    }
}
