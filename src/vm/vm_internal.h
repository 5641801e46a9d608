/* vm_internal.h — declarations shared between the files of src/vm/ only. */
#ifndef PITH_VM_INTERNAL_H
#define PITH_VM_INTERNAL_H

#include "pith/pith.h"
#include "pith/frame.h"
#include "pith/func.h"

/* Bind call arguments (borrowed; vectorcall layout: nargs positionals then
 * the keyword values named by kwnames) into the fresh frame f of function fn:
 * parameters, *args, **kwargs, defaults, then cells and free variables.
 * Raises TypeError with CPython's messages. 0 or -1. */
int pith_vm_bind_args(PithFrame *f, PithFunction *fn, PithObject *const *args,
                      size_t nargs, PithObject *kwnames);
/* Create the cell slots (initialised from parameters that are also cell
 * variables) and copy the closure into the free slots. 0 or -1. */
int pith_vm_init_cells(PithFrame *f, PithFunction *fn);

/* Run frame f (already bound, not linked) until it returns, yields or
 * raises. `throwing`: an exception is set; raise it at the resume point.
 * Afterwards f->state says whether it completed or suspended; the caller
 * releases it. Returns the value (new ref) or NULL with an exception. */
PithObject *pith_vm_run_frame(PithFrame *f, int throwing);

/* Run fn's code with an explicit locals mapping (class bodies). */
PithObject *pith_vm_run_with_locals(PithFunction *fn, PithObject *locals);

/* Generators (genobject.c): wrap a heap frame (stolen) in a new generator,
 * coroutine or async generator according to the code flags. */
typedef struct PithGen {
    PithObject ob;
    PithFrame *frame;      /* owned heap frame, NULL when exhausted */
    PithCode *code;        /* owned */
    PithObject *name, *qualname;
    PithObject *exc_state; /* handled exception while suspended in a handler */
    int running;
    int ag_closed;         /* async generators: aclose() started or finished */
    int ag_running_async;  /* async generators: an asend/athrow is in progress */
} PithGen;
PithObject *pith_gen_new(PithFrame *f, PithFunction *fn);
extern PithType pith_gen_type, pith_coro_type, pith_asyncgen_type;
/* async generator awaitables and methods (asyncgen.c) */
extern PithType pith_asyncgen_asend_type, pith_asyncgen_athrow_type;
extern PithMethodDef pith_asyncgen_methods[];
/* throw(typ[, val[, tb]]) into gen (args borrowed, val/tb may be NULL);
 * results as pith_gen_send_ex. */
/* The object a suspended generator/coroutine delegates to with `yield
 * from`/await (borrowed), or NULL. */
PithObject *pith_gen_yf(PithObject *gen);
int pith_gen_throw_ex(PithObject *gen, PithObject *typ, PithObject *val, PithObject *tb,
                      PithObject **out);
/* Resume gen with `value` (borrowed). Returns 1 = yielded (*out = value),
 * 0 = returned (*out = return value), -1 = raised. */
int pith_gen_send_ex(PithObject *gen, PithObject *value, PithObject **out, int throwing);

/* ---- out-of-line instruction helpers (vm/ops.c) ---- */
/* BUILD_STRING / BUILD_MAP / BUILD_CONST_KEY_MAP / BUILD_SET from borrowed
 * stack items (the caller pops them). */
PithObject *pith_vm_build_string(PithObject **items, int n);
PithObject *pith_vm_build_map(PithObject **items, int n);
PithObject *pith_vm_build_const_key_map(PithObject **values, PithObject *keys, int n);
PithObject *pith_vm_build_set(PithObject **items, int n);
/* MAKE_FUNCTION: pops its operands from *spp (code on top). */
PithObject *pith_vm_make_function(PithFrame *f, int flags, PithObject ***spp);
/* Unpack v into argcnt items (+ a list and argcntafter items when
 * argcntafter >= 0), stored downward from `top` (first item ends on top). */
int pith_vm_unpack(PithObject *v, int argcnt, int argcntafter, PithObject **top);
PithObject *pith_vm_import_name(PithFrame *f, PithObject *name, PithObject *fromlist,
                                PithObject *level);
PithObject *pith_vm_import_from(PithObject *v, PithObject *name);
int pith_vm_import_star(PithFrame *f, PithObject *module);
PithObject *pith_vm_format_value(PithObject *v, int flags, PithObject *spec);
/* CALL_FUNCTION_EX: converts args/kwargs (CPython's errors) and calls. */
PithObject *pith_vm_call_ex(PithObject *func, PithObject *args, PithObject *kwargs);
/* DICT_MERGE (strict = 1) / DICT_UPDATE (0); func for messages. */
int pith_vm_dict_merge(PithObject *dict, PithObject *update, PithObject *func, int strict);
int pith_vm_list_extend(PithObject *list, PithObject *iterable);
int pith_vm_set_update(PithObject *set, PithObject *iterable);
/* SETUP_WITH: *exit = bound __exit__, returns __enter__() result. */
PithObject *pith_vm_with_enter(PithObject *mgr, PithObject **exit);
/* CHECK_EXC_MATCH: 1/0, -1 with TypeError for a bad class. */
int pith_vm_exc_match(PithObject *exc, PithObject *type);
/* CHECK_EG_MATCH (excgroup.c): split exc by an except* type into *match
 * (None: no match) and *rest (None: nothing left). */
int pith_vm_eg_match(PithObject *exc, PithObject *type, PithObject **match,
                     PithObject **rest);
/* async for / async with (asyncops.c): GET_AITER, GET_ANEXT (an
 * awaitable), BEFORE_ASYNC_WITH (*exit = bound __aexit__, returns the
 * awaitable of __aenter__()). */
PithObject *pith_vm_get_aiter(PithObject *o);
PithObject *pith_vm_get_anext(PithObject *aiter);
PithObject *pith_vm_async_with_enter(PithObject *mgr, PithObject **exit);
/* PREP_RERAISE_STAR: what to raise after the except* clauses (or None). */
PithObject *pith_vm_prep_reraise_star(PithObject *orig, PithObject *excs);
/* RAISE_VARARGS: returns 1 for a bare re-raise (no new traceback entry),
 * 0 after setting a new exception. */
int pith_vm_do_raise(PithObject *exc, PithObject *cause);
/* Set exc.__context__ = handled exception (cycles cut, like CPython). */
void pith_vm_chain_context(PithObject *exc);
void pith_vm_name_error(PithObject *name);
void pith_vm_unbound_local(PithCode *co, int oparg);
void pith_vm_unbound_deref(PithCode *co, int oparg);
PithObject *pith_vm_load_name(PithFrame *f, PithObject *name);
PithObject *pith_vm_load_classderef(PithFrame *f, int oparg);
PithObject *pith_vm_load_build_class(PithFrame *f);
int pith_vm_setup_annotations(PithFrame *f);
int pith_vm_print_expr(PithObject *v);
int pith_vm_match_kind(PithObject *o, int mapping);
PithObject *pith_vm_match_keys(PithObject *subject, PithObject *keys);
PithObject *pith_vm_match_class(PithObject *subject, PithObject *cls, int npos,
                                PithObject *names);
PithObject *pith_vm_get_awaitable(PithObject *o);

/* Interned name cached in *slot forever (borrowed; NULL on MemoryError). */
static inline PithObject *pith_vm_name(PithObject **slot, const char *s) {
    if (!*slot) *slot = pith_str_intern_cstr(s);
    return *slot;
}

#endif
