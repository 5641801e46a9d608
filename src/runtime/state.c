/* state.c — the interpreter and (single) thread state, the C recursion
 * guard, the repr recursion guard and pith_core_init().
 *
 * Invariant: repr_stack holds (borrowed) the objects whose repr is being
 * computed on this thread, innermost last; every successful
 * pith_repr_enter() is matched by exactly one pith_repr_leave().
 */
#include <string.h>

#include "pith/pith.h"
#include "runtime_internal.h"

PithThreadState pith_tstate_main = {.recursion_limit = 1000};
PithInterp pith_interp;

static PithObject **repr_stack;
static intptr_t repr_len, repr_cap;

int pith_enter_recursive_call(const char *where) {
    PithThreadState *ts = pith_tstate();
    int depth = ++ts->c_recursion_depth;
    if (depth + ts->recursion_depth > ts->recursion_limit) {
        ts->c_recursion_depth--;
        pith_err_format(&pith_exc_RecursionError,
                        "maximum recursion depth exceeded%s", where ? where : "");
        return -1;
    }
    return 0;
}

void pith_leave_recursive_call(void) { pith_tstate()->c_recursion_depth--; }

int pith_repr_enter(PithObject *o) {
    for (intptr_t i = repr_len - 1; i >= 0; i--)
        if (repr_stack[i] == o) return 1;
    if (repr_len == repr_cap) {
        intptr_t ncap = repr_cap ? repr_cap * 2 : 16;
        PithObject **n = pith_mem_realloc(repr_stack, (size_t)ncap * sizeof(*n));
        if (!n) {
            pith_err_no_memory();
            return -1;
        }
        repr_stack = n;
        repr_cap = ncap;
    }
    repr_stack[repr_len++] = o;
    return 0;
}

void pith_repr_leave(PithObject *o) {
    /* Usually the innermost entry; search backwards to stay robust. */
    for (intptr_t i = repr_len - 1; i >= 0; i--) {
        if (repr_stack[i] == o) {
            memmove(&repr_stack[i], &repr_stack[i + 1],
                    (size_t)(repr_len - i - 1) * sizeof(*repr_stack));
            repr_len--;
            return;
        }
    }
}

/* ---- interned identifiers ------------------------------------------------ */

#define PITH_ID_TEXT(n, s) s,
static const char *const id_text[PITH_ID_COUNT] = {PITH_ID_LIST(PITH_ID_TEXT)};
#undef PITH_ID_TEXT
static PithObject *id_obj[PITH_ID_COUNT];

PithObject *pith_id(int which) {
    if (!id_obj[which]) id_obj[which] = pith_str_intern_cstr(id_text[which]);
    return id_obj[which];
}

int pith_ids_init(void) {
    for (int i = 0; i < PITH_ID_COUNT; i++)
        if (!pith_id(i)) return -1;
    return 0;
}

/* ---- start-up of the core runtime ------------------------------------------ */

int pith_core_init(void) {
    PithType *types[] = {
        &pith_object_type,      &pith_type_type,          &pith_none_type,
        &pith_notimpl_type,     &pith_ellipsis_type,      &pith_wrapper_descr_type,
        &pith_method_wrapper_type, &pith_seqiter_type,    &pith_calliter_type,
        &pith_property_type,    &pith_super_type,         &pith_mappingproxy_type,
        &pith_generic_alias_type, &pith_union_type,
    };
    if (pith_descr_init() < 0) return -1;
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (pith_type_ready(types[i]) < 0) return -1;
    return pith_module_type_init();
}
