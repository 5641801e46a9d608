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

/* Set a module's globals to None as CPython does at exit: names starting
 * with one underscore first, then the rest; __builtins__ stays. */
static void clear_module_dict(PithObject *d) {
    PithObject *keys = pith_sequence_list(d);
    for (int pass = 0; keys && pass < 2; pass++) {
        for (intptr_t i = 0; i < PITH_SIZE(keys); i++) {
            PithObject *k = PITH_LIST_GET(keys, i);
            if (!pith_str_check(k) || pith_str_eq_cstr(k, "__builtins__")) continue;
            const char *u = pith_str_utf8(k);
            bool under = u && u[0] == '_' && u[1] != '_';
            if ((pass == 0) == under && pith_dict_set_item(d, k, PITH_NONE) < 0)
                pith_err_clear();
        }
    }
    PITH_XDECREF(keys);
    pith_err_clear();
}

/* Shutdown of the module namespaces, after CPython's finalize_modules:
 * sys.modules is emptied (modules kept only as weak references), a full
 * collection runs the finalizers (__del__) of the now unreachable module
 * globals while they are still intact, and modules that survive get their
 * globals cleared, last imported first. sys and builtins stay usable. */
static void finalize_modules(void) {
    PithObject *mods = pith_interp.modules;
    PithObject *items = mods ? pith_sequence_list(mods) : NULL;
    PithObject *weak = items ? pith_list_new(0) : NULL;
    for (intptr_t i = 0; weak && i < PITH_SIZE(items); i++) {
        PithObject *m = pith_dict_get_item(mods, PITH_LIST_GET(items, i));
        if (!m || !pith_module_check(m) || m == pith_interp.builtins_module ||
            m == pith_interp.sys_module)
            continue;
        PithObject *w = pith_weakref_new(m);
        if (!w || pith_list_append(weak, w) < 0) pith_err_clear();
        PITH_XDECREF(w);
    }
    PITH_XDECREF(items);
    if (mods) pith_dict_clear(mods);
    pith_err_clear();
    pith_gc_collect(2);
    for (intptr_t i = weak ? PITH_SIZE(weak) : 0; i-- > 0;) {
        PithObject *m = pith_weakref_referent(PITH_LIST_GET(weak, i));
        if (!m) continue;
        PITH_INCREF(m); /* its own globals may hold the last reference */
        clear_module_dict(pith_module_get_dict(m));
        PITH_DECREF(m);
    }
    PITH_XDECREF(weak);
    pith_err_clear();
}

/* Run the module finalizers, then flush sys.stdout and sys.stderr; errors
 * are dropped (run.c has already reported a failing stdout flush through
 * the exit status). */
void pith_atexit_run(void); /* modules/atexit.c: registered exit functions */

void pith_finalize(void) {
    static const char *const names[] = {"stdout", "stderr"};
    pith_atexit_run();
    finalize_modules();
    for (int i = 0; i < 2; i++) {
        PithObject *s = pith_sys_get_object(names[i]);
        if (s && pith_stdio_flush(s) < 0) pith_err_clear();
    }
}
