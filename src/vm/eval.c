/* eval.c — the bytecode interpreter loop.
 *
 * One C invocation of run() executes an "entry" frame and every Python
 * frame it calls: a CALL of a Python function pushes a new frame on the
 * frame stack and continues in the same loop; RETURN_VALUE pops it and
 * resumes the caller. Only calls that go through C (builtins calling back,
 * generators, tp_call of other objects) nest run().
 *
 * Dispatch: computed goto (GNU C) with a switch fallback. Registers of the
 * current frame (ip, sp, fast locals, consts, names) live in C locals and
 * are written back to the frame (f->ip, f->sp) before anything that may
 * inspect the frame or switch frames.
 *
 * Exceptions follow the block-stack protocol documented in opcode.h.
 */
#include <math.h>

#include "vm_internal.h"
#include "fastpath.h"

#if defined(__GNUC__) && !defined(PITH_NO_COMPUTED_GOTO)
#define USE_COMPUTED_GOTO 1
#endif

#define GEN_FLAGS (PITH_CO_GENERATOR | PITH_CO_COROUTINE | PITH_CO_ASYNC_GENERATOR)

/* ---- LOAD_GLOBAL cache ---------------------------------------------------
 * Per code object, one entry per instruction (allocated on first use in
 * co->extra, a single pith_mem block freed by the code object). An entry is
 * valid while the globals/builtins dicts are the same objects with the same
 * versions; the cached value is then still owned by one of them. */
typedef struct GlobalEntry {
    PithObject *globals, *builtins;
    uint64_t gver, bver;
    PithObject *value; /* borrowed */
} GlobalEntry;

static GlobalEntry *global_cache(PithCode *co) {
    if (!co->extra) {
        size_t n = (size_t)co->ninstrs;
        co->extra = pith_mem_calloc(n ? n : 1, sizeof(GlobalEntry));
    }
    return co->extra;
}

static PithObject *load_global_slow(PithFrame *f, PithObject *name, GlobalEntry *e) {
    PithObject *v = pith_dict_get_item(f->globals, name);
    if (!v && !pith_err_occurred()) {
        if (pith_dict_check_exact(f->builtins)) v = pith_dict_get_item(f->builtins, name);
        else {
            v = pith_getitem(f->builtins, name);
            if (!v && pith_err_matches(&pith_exc_KeyError)) pith_err_clear();
            if (v) return v; /* not cacheable */
        }
    }
    if (!v) {
        if (!pith_err_occurred()) pith_vm_name_error(name);
        return NULL;
    }
    if (e && pith_dict_check_exact(f->globals) && pith_dict_check_exact(f->builtins)) {
        e->globals = f->globals;
        e->builtins = f->builtins;
        e->gver = ((PithDict *)f->globals)->version;
        e->bver = ((PithDict *)f->builtins)->version;
        e->value = v;
    }
    return PITH_NEWREF(v);
}

static inline PithObject *load_global(PithFrame *f, PithObject *name, int instr) {
    GlobalEntry *cache = global_cache(f->code);
    GlobalEntry *e = cache ? &cache[instr] : NULL;
    if (e && e->value && e->globals == f->globals && e->builtins == f->builtins &&
        e->gver == ((PithDict *)f->globals)->version &&
        e->bver == ((PithDict *)f->builtins)->version)
        return PITH_NEWREF(e->value);
    return load_global_slow(f, name, e);
}

/* ---- small helpers ------------------------------------------------------ */

/* Replace the handled exception (stolen; None means none). */
static void set_handled(PithThreadState *ts, PithObject *exc) {
    if (exc == PITH_NONE) exc = NULL;
    PithObject *old = ts->handled_exc;
    ts->handled_exc = exc;
    PITH_XDECREF(old);
}

static inline int truth(PithObject *v) {
    if (v == PITH_TRUE) return 1;
    if (v == PITH_FALSE || v == PITH_NONE) return 0;
    return pith_is_true(v);
}

static void recursion_error(void) {
    pith_err_set_string(&pith_exc_RecursionError, "maximum recursion depth exceeded");
}

static PithObject *subscr_fast(PithObject *c, PithObject *k) {
    if (pith_int_check_exact(k) && pith_int_is_small(k)) {
        int64_t i = pith_int_small_value(k);
        if (pith_list_check_exact(c)) {
            if (i < 0) i += PITH_SIZE(c);
            if (i >= 0 && i < PITH_SIZE(c)) return PITH_NEWREF(PITH_LIST_GET(c, i));
        } else if (pith_tuple_check_exact(c)) {
            if (i < 0) i += PITH_SIZE(c);
            if (i >= 0 && i < PITH_SIZE(c)) return PITH_NEWREF(PITH_TUPLE_GET(c, i));
        }
    }
    return pith_getitem(c, k);
}

/* Is callable a builtin function / method descriptor taking one argument? */
static inline bool is_meth_o(PithObject *callable) {
    PithType *t = PITH_TYPE(callable);
    if (t == &pith_cfunction_type) return (((PithCFunction *)callable)->def->flags & PITH_METH_O) != 0;
    if (t == &pith_method_descr_type) return (pith_method_descr_def(callable)->flags & PITH_METH_O) != 0;
    return false;
}

/* LOAD_METHOD: 1 = *meth is an unbound method to call with obj as self,
 * 0 = *meth is the attribute value itself, -1 = error. */
static int load_method(PithObject *obj, PithObject *name, PithObject **meth) {
    PithType *t = PITH_TYPE(obj);
    if (t->tp_getattro == pith_generic_getattr) {
        PithObject *descr = pith_type_lookup(t, name);
        if (descr && pith_type_has_flag(PITH_TYPE(descr), PITH_TPFLAGS_METHOD_DESCRIPTOR)) {
            PithObject **dp = pith_obj_dict_ptr(obj);
            PithObject *shadow = dp && *dp ? pith_dict_get_item(*dp, name) : NULL;
            if (!shadow) {
                if (pith_err_occurred()) return -1;
                *meth = PITH_NEWREF(descr);
                return 1;
            }
        }
    }
    *meth = pith_getattr(obj, name);
    return *meth ? 0 : -1;
}

/* Restore the handled exception for EXCEPT_HANDLER blocks still open when
 * a frame returns (e.g. `return` inside `except` without POP_EXCEPT). */
static void drop_blocks(PithThreadState *ts, PithFrame *f, PithObject **base, PithObject ***spp) {
    PithObject **sp = *spp;
    while (f->nblocks > 0) {
        PithBlock *b = &f->blocks[--f->nblocks];
        if (b->kind != PITH_BLOCK_EXCEPT_HANDLER) continue;
        PithObject **level = base + b->level;
        while (sp > level + 1) PITH_XDECREF(*--sp);
        if (sp > level) set_handled(ts, *--sp);
    }
    *spp = sp;
}

/* Allocate and bind a frame for a call of Python function fn; generator
 * functions get a heap frame wrapped in a generator (*gen set). */
static PithFrame *prepare_call(PithFunction *fn, PithObject *const *args, size_t nargs,
                               PithObject *kwnames, PithObject **gen) {
    PithCode *co = fn->code;
    int is_gen = (co->flags & GEN_FLAGS) != 0;
    PithFrame *nf = pith_frame_alloc(co, (PithObject *)fn, fn->globals, fn->builtins, NULL, is_gen);
    if (!nf) return NULL;
    if (pith_vm_bind_args(nf, fn, args, nargs, kwnames) < 0) {
        pith_frame_release(nf);
        return NULL;
    }
    if (is_gen) {
        *gen = pith_gen_new(nf, fn);
        return NULL;
    }
    return nf;
}

PithObject *pith_function_call(PithObject *func, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    PithObject *gen = NULL;
    PithFrame *f = prepare_call((PithFunction *)func, args, nargs, kwnames, &gen);
    if (!f) return gen;
    PithObject *r = pith_vm_run_frame(f, 0);
    pith_frame_release(f);
    return r;
}

/* ---- the loop ----------------------------------------------------------- */

static PithObject *run(PithThreadState *ts, PithFrame *f, int throwing);

PithObject *pith_vm_run_frame(PithFrame *f, int throwing) {
    PithThreadState *ts = pith_tstate();
    if (ts->recursion_depth + ts->c_recursion_depth >= ts->recursion_limit) {
        if (throwing) pith_err_clear();
        recursion_error();
        return NULL;
    }
    f->is_entry = 1;
    return run(ts, f, throwing);
}

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define SET_TOP(v) (sp[-1] = (v))
#define STACK_BASE() (fast + nfast)

#define LOAD_FRAME()                                                           \
    do {                                                                       \
        co = f->code;                                                          \
        ip = f->ip;                                                            \
        sp = f->sp;                                                            \
        fast = f->localsplus;                                                  \
        nfast = pith_frame_nfast(co);                                          \
        consts = PITH_TUPLE_ITEMS(co->consts);                                 \
        names = PITH_TUPLE_ITEMS(co->names);                                   \
    } while (0)
#define SAVE_FRAME()                                                           \
    do {                                                                       \
        f->ip = ip;                                                            \
        f->sp = sp;                                                            \
    } while (0)

/* Build with -DPITH_VM_TRACE to print every instruction to stderr. */
#ifdef PITH_VM_TRACE
#include <stdio.h>
#define TRACE()                                                                \
    fprintf(stderr, "  %s:%d %s %d\n", pith_str_utf8(co->name),                \
            (int)(ip - co->instrs) - 1, pith_opcode_names[word & 0xFF], oparg)
#else
#define TRACE() ((void)0)
#endif

#ifdef USE_COMPUTED_GOTO
#define TARGET(op) case PITH_OP_##op: L_##op:
#define DISPATCH()                                                             \
    do {                                                                       \
        word = *ip++;                                                          \
        oparg = (int)(word >> 8);                                              \
        TRACE();                                                               \
        goto *labels[word & 0xFF];                                             \
    } while (0)
#else
#define TARGET(op) case PITH_OP_##op:
#define DISPATCH() goto dispatch
#endif

#define ERROR_IF(cond)                                                         \
    do {                                                                       \
        if (PITH_UNLIKELY(cond)) goto error;                                   \
    } while (0)
#define JUMP_TO(t) (ip = co->instrs + (t))

static PithObject *run(PithThreadState *ts, PithFrame *f, int throwing) {
#ifdef USE_COMPUTED_GOTO
    static void *labels[256];
    if (!labels[0]) {
        for (int i = 0; i < 256; i++) labels[i] = &&L_unknown;
#define PITH_OP_LABEL(name, doc) labels[PITH_OP_##name] = &&L_##name;
        PITH_OPCODES(PITH_OP_LABEL)
#undef PITH_OP_LABEL
    }
#endif
    PithCode *co;
    uint32_t *ip;
    PithObject **sp, **fast, **consts, **names;
    int nfast, oparg;
    uint32_t word;
    PithObject *kwnames = NULL; /* borrowed, set by KW_NAMES */
    PithObject *retval = NULL;

    f->back = ts->frame;
    ts->frame = f;
    ts->recursion_depth++;
    f->state = PITH_FRAME_RUNNING;
    LOAD_FRAME();
    if (throwing) goto error;
    DISPATCH();

#ifndef USE_COMPUTED_GOTO
dispatch:
    word = *ip++;
    oparg = (int)(word >> 8);
    TRACE();
#endif
    switch (word & 0xFF) {
    TARGET(NOP) { DISPATCH(); }

    TARGET(POP_TOP) {
        PithObject *v = POP();
        PITH_XDECREF(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY) {
        PithObject *v = sp[-oparg];
        PITH_XINCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(SWAP) {
        PithObject *v = sp[-1];
        sp[-1] = sp[-oparg];
        sp[-oparg] = v;
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PithObject *v = consts[oparg];
        PITH_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        PithObject *v = fast[oparg];
        if (PITH_UNLIKELY(!v)) {
            pith_vm_unbound_local(co, oparg);
            goto error;
        }
        PITH_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        PithObject *old = fast[oparg];
        fast[oparg] = POP();
        PITH_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        if (!fast[oparg]) {
            pith_vm_unbound_local(co, oparg);
            goto error;
        }
        PITH_CLEAR(fast[oparg]);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        PithObject *v = pith_cell_get(fast[co->nlocals + oparg]);
        if (!v) {
            pith_vm_unbound_deref(co, oparg);
            goto error;
        }
        PITH_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        PithObject *v = POP();
        pith_cell_set(fast[co->nlocals + oparg], v);
        PITH_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        PithObject *cell = fast[co->nlocals + oparg];
        if (!pith_cell_get(cell)) {
            pith_vm_unbound_deref(co, oparg);
            goto error;
        }
        pith_cell_set(cell, NULL);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PithObject *cell = fast[co->nlocals + oparg];
        PITH_INCREF(cell);
        PUSH(cell);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        SAVE_FRAME();
        PithObject *v = pith_vm_load_classderef(f, oparg);
        ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        PithObject *v = load_global(f, names[oparg], (int)(ip - co->instrs) - 1);
        ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        PithObject *v = POP();
        int r = pith_dict_set_item(f->globals, names[oparg], v);
        PITH_DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        if (pith_dict_del_item(f->globals, names[oparg]) < 0) {
            if (pith_err_matches(&pith_exc_KeyError)) {
                pith_err_clear();
                pith_vm_name_error(names[oparg]);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        SAVE_FRAME();
        PithObject *v = pith_vm_load_name(f, names[oparg]);
        ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        PithObject *v = POP();
        int r;
        if (!f->locals) {
            pith_err_format(&pith_exc_SystemError, "no locals found when storing %R", names[oparg]);
            r = -1;
        } else if (pith_dict_check_exact(f->locals))
            r = pith_dict_set_item(f->locals, names[oparg], v);
        else
            r = pith_setitem(f->locals, names[oparg], v);
        PITH_DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        if (!f->locals) {
            pith_err_format(&pith_exc_SystemError, "no locals when deleting %R", names[oparg]);
            goto error;
        }
        if (pith_delitem(f->locals, names[oparg]) < 0) {
            if (pith_err_matches(&pith_exc_KeyError)) {
                pith_err_clear();
                pith_vm_name_error(names[oparg]);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        SAVE_FRAME();
        PithObject *o = TOP();
        PithObject *v = pith_getattr(o, names[oparg]);
        ERROR_IF(!v);
        SET_TOP(v);
        PITH_DECREF(o);
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        SAVE_FRAME();
        PithObject *o = POP();
        PithObject *v = POP();
        int r = pith_setattr(o, names[oparg], v);
        PITH_DECREF(o);
        PITH_DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        SAVE_FRAME();
        PithObject *o = POP();
        int r = pith_delattr(o, names[oparg]);
        PITH_DECREF(o);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        SAVE_FRAME();
        PithObject *o = TOP(), *meth;
        int r = load_method(o, names[oparg], &meth);
        ERROR_IF(r < 0);
        if (r) {
            SET_TOP(meth);
            PUSH(o);
        } else {
            SET_TOP(NULL);
            PUSH(meth);
            PITH_DECREF(o);
        }
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        SAVE_FRAME();
        PithObject *k = POP(), *c = TOP();
        PithObject *v = subscr_fast(c, k);
        PITH_DECREF(k);
        ERROR_IF(!v);
        SET_TOP(v);
        PITH_DECREF(c);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        SAVE_FRAME();
        PithObject *k = POP(), *c = POP(), *v = POP();
        int r = pith_setitem(c, k, v);
        PITH_DECREF(k);
        PITH_DECREF(c);
        PITH_DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        SAVE_FRAME();
        PithObject *k = POP(), *c = POP();
        int r = pith_delitem(c, k);
        PITH_DECREF(k);
        PITH_DECREF(c);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        PithObject *step = oparg == 3 ? POP() : NULL;
        PithObject *stop = POP(), *start = TOP();
        PithObject *s = pith_slice_new(start, stop, step);
        PITH_DECREF(stop);
        PITH_XDECREF(step);
        ERROR_IF(!s);
        SET_TOP(s);
        PITH_DECREF(start);
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        SAVE_FRAME();
        PithObject *b = POP(), *a = TOP();
        if (is_str_append_to_local(fast, ip, a, b, oparg)) {
            /* the stack keeps a reference to a; STORE_FAST refills the local */
            fast[PITH_ARG_OF(*ip)] = NULL;
            PITH_DECREF(a);
            int rc = pith_str_append_inplace(&sp[-1], b);
            PITH_DECREF(b);
            if (rc < 0) sp--; /* the slot was cleared */
            ERROR_IF(rc < 0);
            DISPATCH();
        }
        PithObject *r = binary_op(a, b, oparg);
        PITH_DECREF(b);
        ERROR_IF(!r);
        SET_TOP(r);
        PITH_DECREF(a);
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        SAVE_FRAME();
        PithObject *a = TOP();
        PithObject *r = pith_number_negative(a);
        ERROR_IF(!r);
        SET_TOP(r);
        PITH_DECREF(a);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        SAVE_FRAME();
        PithObject *a = TOP();
        PithObject *r = pith_number_positive(a);
        ERROR_IF(!r);
        SET_TOP(r);
        PITH_DECREF(a);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        SAVE_FRAME();
        PithObject *a = TOP();
        PithObject *r = pith_number_invert(a);
        ERROR_IF(!r);
        SET_TOP(r);
        PITH_DECREF(a);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        SAVE_FRAME();
        PithObject *a = TOP();
        int t = truth(a);
        ERROR_IF(t < 0);
        SET_TOP(pith_bool_from(!t));
        PITH_DECREF(a);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        PithObject *b = sp[-1], *a = sp[-2];
        int c = fast_compare(a, b, oparg);
        if (c >= 0) {
            uint32_t next = *ip;
            int nop = (int)PITH_OP_OF(next);
            sp -= 2;
            PITH_DECREF(a);
            PITH_DECREF(b);
            if (nop == PITH_OP_POP_JUMP_IF_FALSE || nop == PITH_OP_POP_JUMP_IF_TRUE) {
                ip++;
                if (c == (nop == PITH_OP_POP_JUMP_IF_TRUE)) JUMP_TO(PITH_ARG_OF(next));
                DISPATCH();
            }
            PUSH(pith_bool_from(c));
            DISPATCH();
        }
        SAVE_FRAME();
        PithObject *r = pith_richcompare(a, b, oparg);
        ERROR_IF(!r);
        sp -= 2;
        PITH_DECREF(a);
        PITH_DECREF(b);
        PUSH(r);
        DISPATCH();
    }

    TARGET(IS_OP) {
        PithObject *b = POP(), *a = TOP();
        int r = (a == b) ^ (oparg != 0);
        SET_TOP(pith_bool_from(r));
        PITH_DECREF(a);
        PITH_DECREF(b);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        SAVE_FRAME();
        PithObject *b = POP(), *a = TOP();
        int r = pith_contains(b, a);
        PITH_DECREF(b);
        ERROR_IF(r < 0);
        SET_TOP(pith_bool_from(r ^ (oparg != 0)));
        PITH_DECREF(a);
        DISPATCH();
    }

    TARGET(JUMP) {
        JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        PithObject *v = POP();
        int t = truth(v);
        PITH_DECREF(v);
        ERROR_IF(t < 0);
        if (!t) JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        PithObject *v = POP();
        int t = truth(v);
        PITH_DECREF(v);
        ERROR_IF(t < 0);
        if (t) JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        PithObject *v = POP();
        if (v == PITH_NONE) JUMP_TO(oparg);
        PITH_DECREF(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        PithObject *v = POP();
        if (v != PITH_NONE) JUMP_TO(oparg);
        PITH_DECREF(v);
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        int t = truth(TOP());
        ERROR_IF(t < 0);
        if (!t) JUMP_TO(oparg);
        else PITH_DECREF(POP());
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        int t = truth(TOP());
        ERROR_IF(t < 0);
        if (t) JUMP_TO(oparg);
        else PITH_DECREF(POP());
        DISPATCH();
    }

    TARGET(GET_ITER) {
        SAVE_FRAME();
        PithObject *o = TOP();
        PithObject *it = pith_get_iter(o);
        ERROR_IF(!it);
        SET_TOP(it);
        PITH_DECREF(o);
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        SAVE_FRAME();
        PithObject *it = TOP();
        pith_iternextfunc next = PITH_TYPE(it)->tp_iternext;
        PithObject *v = next ? next(it) : pith_iter_next(it);
        if (PITH_LIKELY(v != NULL)) {
            PUSH(v);
            DISPATCH();
        }
        if (pith_err_occurred()) {
            if (!pith_err_matches(&pith_exc_StopIteration)) goto error;
            pith_err_clear();
        }
        sp--;
        PITH_DECREF(it);
        JUMP_TO(oparg);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        PithObject *t = pith_tuple_new(oparg);
        ERROR_IF(!t);
        sp -= oparg;
        for (int i = 0; i < oparg; i++) PITH_TUPLE_SET(t, i, sp[i]);
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        PithObject *l = pith_list_new(oparg);
        ERROR_IF(!l);
        sp -= oparg;
        for (int i = 0; i < oparg; i++) PITH_LIST_SET(l, i, sp[i]);
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        SAVE_FRAME();
        PithObject *s = pith_vm_build_set(sp - oparg, oparg);
        ERROR_IF(!s);
        while (oparg--) PITH_DECREF(POP());
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        SAVE_FRAME();
        PithObject *d = pith_vm_build_map(sp - 2 * oparg, oparg);
        ERROR_IF(!d);
        for (int i = 0; i < 2 * oparg; i++) PITH_DECREF(POP());
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        SAVE_FRAME();
        PithObject *d = pith_vm_build_const_key_map(sp - 1 - oparg, TOP(), oparg);
        ERROR_IF(!d);
        for (int i = 0; i <= oparg; i++) PITH_DECREF(POP());
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        PithObject *s = pith_vm_build_string(sp - oparg, oparg);
        ERROR_IF(!s);
        while (oparg--) PITH_DECREF(POP());
        PUSH(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        PithObject *v = POP();
        int r = pith_list_append(sp[-oparg], v);
        PITH_DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(SET_ADD) {
        PithObject *v = POP();
        int r = pith_set_add(sp[-oparg], v);
        PITH_DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        PithObject *v = POP(), *k = POP();
        int r = pith_dict_set_item(sp[-oparg], k, v);
        PITH_DECREF(k);
        PITH_DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        SAVE_FRAME();
        PithObject *v = POP();
        int r = pith_vm_list_extend(sp[-oparg], v);
        PITH_DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        SAVE_FRAME();
        PithObject *v = POP();
        int r = pith_vm_set_update(sp[-oparg], v);
        PITH_DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        SAVE_FRAME();
        PithObject *v = POP();
        int r = pith_vm_dict_merge(sp[-oparg], v, NULL, 0);
        PITH_DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        SAVE_FRAME();
        PithObject *v = POP();
        int r = pith_vm_dict_merge(sp[-oparg], v, sp[-(oparg + 2)], 1);
        PITH_DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        PithObject *l = TOP();
        PithObject *t = pith_list_as_tuple(l);
        ERROR_IF(!t);
        SET_TOP(t);
        PITH_DECREF(l);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        SAVE_FRAME();
        PithObject *seq = POP();
        PithObject **items = NULL;
        if (pith_tuple_check_exact(seq) && PITH_SIZE(seq) == oparg) items = PITH_TUPLE_ITEMS(seq);
        else if (pith_list_check_exact(seq) && PITH_SIZE(seq) == oparg) items = PITH_LIST_ITEMS(seq);
        if (items) {
            for (int i = oparg - 1; i >= 0; i--) PUSH(PITH_NEWREF(items[i]));
        } else {
            int r = pith_vm_unpack(seq, oparg, -1, sp + oparg);
            if (r < 0) {
                PITH_DECREF(seq);
                goto error;
            }
            sp += oparg;
        }
        PITH_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        SAVE_FRAME();
        int before = oparg & 0xFF, after = oparg >> 8;
        PithObject *seq = POP();
        int r = pith_vm_unpack(seq, before, after, sp + before + after + 1);
        PITH_DECREF(seq);
        ERROR_IF(r < 0);
        sp += before + after + 1;
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        SAVE_FRAME();
        PithObject *spec = (oparg & 4) ? POP() : NULL;
        PithObject *v = TOP();
        PithObject *r = pith_vm_format_value(v, oparg, spec);
        PITH_XDECREF(spec);
        ERROR_IF(!r);
        SET_TOP(r);
        PITH_DECREF(v);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        PithObject *fn = pith_vm_make_function(f, oparg, &sp);
        ERROR_IF(!fn);
        PUSH(fn);
        DISPATCH();
    }

    TARGET(KW_NAMES) {
        kwnames = consts[oparg];
        DISPATCH();
    }

    TARGET(CALL) {
        PithObject **base = sp - oparg - 2;
        PithObject *callable = base[0];
        PithObject **args = base + 1;
        size_t nargs = (size_t)oparg + 1;
        if (!callable) {
            callable = base[1];
            if (PITH_TYPE(callable) == &pith_method_type) {
                /* unpack a bound method into [func, self] */
                PithMethod *m = (PithMethod *)callable;
                base[0] = PITH_NEWREF(m->func);
                base[1] = PITH_NEWREF(m->self);
                PITH_DECREF(m);
                callable = base[0];
            } else {
                args = base + 2;
                nargs = (size_t)oparg;
            }
        }
        PithObject *kw = kwnames;
        kwnames = NULL;
        size_t npos = nargs - (kw ? (size_t)PITH_SIZE(kw) : 0);
        SAVE_FRAME();
        if (PITH_TYPE(callable) == &pith_function_type) {
            PithFunction *fn = (PithFunction *)callable;
            PithCode *fco = fn->code;
            if (!(fco->flags & GEN_FLAGS)) {
                if (ts->recursion_depth + ts->c_recursion_depth >= ts->recursion_limit) {
                    recursion_error();
                    goto call_cleanup_error;
                }
                PithFrame *nf = pith_frame_alloc(fco, callable, fn->globals, fn->builtins, NULL, 0);
                if (!nf) goto call_cleanup_error;
                int simple = !kw && npos == (size_t)fco->argcount && fco->kwonlyargcount == 0 &&
                             !(fco->flags & (PITH_CO_VARARGS | PITH_CO_VARKEYWORDS));
                if (simple) {
                    /* move the argument references straight into the locals */
                    for (size_t i = 0; i < npos; i++) {
                        nf->localsplus[i] = args[i];
                        args[i] = NULL;
                    }
                    if ((PITH_SIZE(fco->cellvars) || PITH_SIZE(fco->freevars)) &&
                        pith_vm_init_cells(nf, fn) < 0) {
                        pith_frame_release(nf);
                        goto call_cleanup_error;
                    }
                } else if (pith_vm_bind_args(nf, fn, args, npos, kw) < 0) {
                    pith_frame_release(nf);
                    goto call_cleanup_error;
                }
                while (sp > base) PITH_XDECREF(POP());
                f->sp = sp;
                nf->back = f;
                ts->frame = nf;
                ts->recursion_depth++;
                nf->state = PITH_FRAME_RUNNING;
                f = nf;
                LOAD_FRAME();
                DISPATCH();
            }
        }
        {
            /* like CPython 3.11's specialized calls of METH_O builtins */
            int guard = !kw && is_meth_o(callable);
            if (guard && pith_enter_recursive_call(" while calling a Python object") < 0)
                goto call_cleanup_error;
            PithObject *res = pith_call(callable, args, npos, kw);
            if (guard) pith_leave_recursive_call();
            while (sp > base) PITH_XDECREF(POP());
            ERROR_IF(!res);
            PUSH(res);
            DISPATCH();
        }
    call_cleanup_error:
        while (sp > base) PITH_XDECREF(POP());
        goto error;
    }

    TARGET(CALL_FUNCTION_EX) {
        SAVE_FRAME();
        PithObject *kwargs = (oparg & 1) ? POP() : NULL;
        PithObject *cargs = POP();
        PithObject *func = POP(), *lower = POP();
        PithObject *res;
        if (lower) { /* [method, self]: prepend self */
            PithObject *t = pith_sequence_tuple(cargs), *t2 = NULL;
            if (t) {
                PithObject *one = pith_tuple_pack(1, func);
                t2 = one ? pith_sequence_list(one) : NULL;
                PITH_XDECREF(one);
                if (t2 && pith_list_extend(t2, t) < 0) PITH_CLEAR(t2);
                PITH_DECREF(t);
            }
            PithObject *t3 = t2 ? pith_list_as_tuple(t2) : NULL;
            PITH_XDECREF(t2);
            res = t3 ? pith_vm_call_ex(lower, t3, kwargs) : NULL;
            PITH_XDECREF(t3);
        } else
            res = pith_vm_call_ex(func, cargs, kwargs);
        PITH_XDECREF(kwargs);
        PITH_DECREF(cargs);
        PITH_DECREF(func);
        PITH_XDECREF(lower);
        ERROR_IF(!res);
        PUSH(res);
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
        if (f->nblocks) drop_blocks(ts, f, STACK_BASE(), &sp);
        while (sp > STACK_BASE()) PITH_XDECREF(POP());
        SAVE_FRAME();
        ts->frame = f->back;
        ts->recursion_depth--;
        f->state = PITH_FRAME_COMPLETED;
        if (f->is_entry) return retval;
        PithFrame *caller = f->back;
        pith_frame_release(f);
        f = caller;
        LOAD_FRAME();
        PUSH(retval);
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        PithObject *cause = oparg >= 2 ? POP() : NULL;
        PithObject *exc = oparg >= 1 ? POP() : NULL;
        SAVE_FRAME();
        int reraise = pith_vm_do_raise(exc, cause);
        PITH_XDECREF(exc);
        PITH_XDECREF(cause);
        if (reraise) goto exception_unwind;
        goto error;
    }

    TARGET(SETUP_FINALLY) {
        if (f->nblocks >= PITH_MAX_BLOCKS) {
            pith_err_set_string(&pith_exc_SystemError, "block stack overflow");
            goto error;
        }
        f->blocks[f->nblocks++] = (PithBlock){PITH_BLOCK_FINALLY, oparg, (int)(sp - STACK_BASE())};
        DISPATCH();
    }

    TARGET(POP_BLOCK) {
        if (f->nblocks > 0) f->nblocks--;
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        if (f->nblocks > 0) f->nblocks--;
        set_handled(ts, POP());
        DISPATCH();
    }

    TARGET(RERAISE) {
        PithObject *exc = POP();
        pith_err_restore(exc);
        SAVE_FRAME();
        goto exception_unwind;
    }

    TARGET(CHECK_EXC_MATCH) {
        SAVE_FRAME();
        PithObject *type = POP();
        int r = pith_vm_exc_match(TOP(), type);
        PITH_DECREF(type);
        ERROR_IF(r < 0);
        PUSH(pith_bool_from(r));
        DISPATCH();
    }

    TARGET(SETUP_WITH) {
        SAVE_FRAME();
        if (f->nblocks >= PITH_MAX_BLOCKS) {
            pith_err_set_string(&pith_exc_SystemError, "block stack overflow");
            goto error;
        }
        PithObject *mgr = TOP(), *exit = NULL;
        PithObject *res = pith_vm_with_enter(mgr, &exit);
        ERROR_IF(!res);
        SET_TOP(exit);
        PITH_DECREF(mgr);
        f->blocks[f->nblocks++] = (PithBlock){PITH_BLOCK_FINALLY, oparg, (int)(sp - STACK_BASE())};
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        SAVE_FRAME();
        PithObject *exc = TOP(), *exit = sp[-3];
        PithObject *tb = pith_exc_check(exc) ? pith_exc_get_traceback(exc) : NULL;
        PithObject *args[3] = {(PithObject *)PITH_TYPE(exc), exc, tb ? tb : PITH_NONE};
        PithObject *r = pith_call(exit, args, 3, NULL);
        ERROR_IF(!r);
        PUSH(r);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(PITH_NEWREF(&pith_exc_AssertionError));
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        PithObject *v = pith_vm_load_build_class(f);
        ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        ERROR_IF(pith_vm_setup_annotations(f) < 0);
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        SAVE_FRAME();
        PithObject *fromlist = POP(), *level = TOP();
        PithObject *m = pith_vm_import_name(f, names[oparg], fromlist, level);
        PITH_DECREF(fromlist);
        ERROR_IF(!m);
        SET_TOP(m);
        PITH_DECREF(level);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        SAVE_FRAME();
        PithObject *v = pith_vm_import_from(TOP(), names[oparg]);
        ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        SAVE_FRAME();
        PithObject *m = POP();
        int r = pith_vm_import_star(f, m);
        PITH_DECREF(m);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        SAVE_FRAME();
        PithObject *v = POP();
        int r = pith_vm_print_expr(v);
        PITH_DECREF(v);
        ERROR_IF(r < 0);
        DISPATCH();
    }

    TARGET(GEN_START) {
        PithObject *v = POP();
        PITH_XDECREF(v);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        if (PITH_UNLIKELY(!f->gen || !f->is_entry)) {
            pith_err_set_string(&pith_exc_SystemError, "YIELD_VALUE outside a generator frame");
            goto error;
        }
        retval = POP();
        SAVE_FRAME();
        ts->frame = f->back;
        ts->recursion_depth--;
        f->back = NULL;
        f->state = PITH_FRAME_SUSPENDED;
        return retval;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        SAVE_FRAME();
        PithObject *o = TOP();
        if (PITH_TYPE(o) != &pith_gen_type && PITH_TYPE(o) != &pith_coro_type) {
            PithObject *it = pith_get_iter(o);
            ERROR_IF(!it);
            SET_TOP(it);
            PITH_DECREF(o);
        }
        DISPATCH();
    }

    TARGET(SEND) {
        SAVE_FRAME();
        PithObject *v = POP(), *sub = TOP(), *r = NULL;
        int st;
        if (PITH_TYPE(sub) == &pith_gen_type || PITH_TYPE(sub) == &pith_coro_type) {
            st = pith_gen_send_ex(sub, v, &r, 0);
        } else {
            /* a class's __next__ is called directly: its tp_iternext slot
             * would swallow the StopIteration carrying the return value */
            if (v == PITH_NONE && PITH_TYPE(sub)->tp_iternext &&
                !(PITH_TYPE(sub)->tp_flags & PITH_TPFLAGS_HEAPTYPE))
                r = PITH_TYPE(sub)->tp_iternext(sub);
            else if (v == PITH_NONE && PITH_TYPE(sub)->tp_iternext)
                r = pith_call_method(sub, "__next__", NULL, 0);
            else
                r = pith_call_method(sub, "send", &v, 1);
            st = r ? 1 : -1;
            if (!r) {
                if (!pith_err_occurred()) {
                    st = 0;
                    r = PITH_NEWREF(PITH_NONE);
                } else if (pith_err_matches(&pith_exc_StopIteration)) {
                    PithObject *e = pith_err_fetch();
                    PithObject *val = pith_stop_iteration_value(e);
                    r = PITH_NEWREF(val ? val : PITH_NONE);
                    PITH_DECREF(e);
                    st = 0;
                }
            }
        }
        PITH_DECREF(v);
        ERROR_IF(st < 0);
        if (st == 0) {
            SET_TOP(r);
            PITH_DECREF(sub);
            JUMP_TO(oparg);
        } else
            PUSH(r);
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        SAVE_FRAME();
        PithObject *o = TOP();
        PithObject *it = pith_vm_get_awaitable(o);
        ERROR_IF(!it);
        SET_TOP(it);
        PITH_DECREF(o);
        DISPATCH();
    }

    TARGET(GET_LEN) {
        SAVE_FRAME();
        intptr_t n = pith_len(TOP());
        ERROR_IF(n < 0);
        PithObject *v = pith_int_from_ssize(n);
        ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(MATCH_MAPPING) {
        int r = pith_vm_match_kind(TOP(), 1);
        PUSH(pith_bool_from(r));
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        int r = pith_vm_match_kind(TOP(), 0);
        PUSH(pith_bool_from(r));
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        SAVE_FRAME();
        PithObject *v = pith_vm_match_keys(SECOND(), TOP());
        ERROR_IF(!v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        SAVE_FRAME();
        PithObject *kwn = POP(), *cls = POP(), *subject = TOP();
        PithObject *r = pith_vm_match_class(subject, cls, oparg, kwn);
        PITH_DECREF(kwn);
        PITH_DECREF(cls);
        ERROR_IF(!r);
        SET_TOP(r);
        PITH_DECREF(subject);
        DISPATCH();
    }

    TARGET(RETURN_GENERATOR) { goto unknown; }

    TARGET(GET_AITER) {
        SAVE_FRAME();
        PithObject *o = TOP();
        PithObject *it = pith_vm_get_aiter(o);
        ERROR_IF(!it);
        SET_TOP(it);
        PITH_DECREF(o);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        SAVE_FRAME();
        PithObject *aw = pith_vm_get_anext(TOP());
        ERROR_IF(!aw);
        PUSH(aw);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        /* aiter prev exc: the handler of the loop's SETUP_FINALLY */
        PithObject *exc = POP();
        if (!pith_exc_matches(exc, (PithObject *)&pith_exc_StopAsyncIteration)) {
            pith_err_restore(exc);
            SAVE_FRAME();
            goto exception_unwind;
        }
        PITH_DECREF(exc);
        if (f->nblocks > 0) f->nblocks--;
        set_handled(ts, POP());
        PITH_DECREF(POP());
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        SAVE_FRAME();
        PithObject *mgr = TOP(), *exit = NULL;
        PithObject *aw = pith_vm_async_with_enter(mgr, &exit);
        ERROR_IF(!aw);
        SET_TOP(exit);
        PITH_DECREF(mgr);
        PUSH(aw);
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        SAVE_FRAME();
        PithObject *type = POP(), *match, *rest;
        int r = pith_vm_eg_match(TOP(), type, &match, &rest);
        PITH_DECREF(type);
        ERROR_IF(r < 0);
        if (match == PITH_NONE) {
            PITH_DECREF(rest);
        } else {
            PITH_DECREF(TOP());
            SET_TOP(rest);
            set_handled(ts, PITH_NEWREF(match));
        }
        PUSH(match);
        DISPATCH();
    }

    TARGET(PREP_RERAISE_STAR) {
        SAVE_FRAME();
        PithObject *excs = POP(), *orig = TOP();
        PithObject *r = pith_vm_prep_reraise_star(orig, excs);
        PITH_DECREF(excs);
        ERROR_IF(!r);
        SET_TOP(r);
        PITH_DECREF(orig);
        DISPATCH();
    }

    default:
#ifdef USE_COMPUTED_GOTO
    L_unknown:
#endif
    unknown:
        SAVE_FRAME();
        pith_err_format(&pith_exc_SystemError, "unknown opcode %d", (int)(word & 0xFF));
        goto error;
    }

error:
    /* An exception is set: record this frame in its traceback. */
    kwnames = NULL;
    SAVE_FRAME();
    {
        PithObject *exc = pith_err_occurred();
        if (exc && pith_exc_check(exc) && !((PithBaseException *)exc)->context)
            pith_vm_chain_context(exc);
        PithObject *fo = pith_frame_get_object(f);
        int lasti = pith_frame_lasti(f);
        /* a generator thrown into before it started: its first line */
        int line = lasti < 0 ? co->firstlineno : pith_code_addr2line(co, lasti);
        if (fo) pith_traceback_add(fo, lasti, line);
    }
exception_unwind:
    while (f->nblocks > 0) {
        PithBlock b = f->blocks[--f->nblocks];
        PithObject **level = STACK_BASE() + b.level;
        if (b.kind == PITH_BLOCK_EXCEPT_HANDLER) {
            while (sp > level + 1) PITH_XDECREF(POP());
            if (sp > level) set_handled(ts, POP());
            continue;
        }
        while (sp > level) PITH_XDECREF(POP());
        f->blocks[f->nblocks++] = (PithBlock){PITH_BLOCK_EXCEPT_HANDLER, -1, b.level};
        PithObject *exc = pith_err_fetch();
        PUSH(ts->handled_exc ? ts->handled_exc : PITH_NONE);
        ts->handled_exc = PITH_NEWREF(exc);
        PUSH(exc);
        JUMP_TO(b.handler);
        DISPATCH();
    }
    /* No handler in this frame: pop it and continue in the caller. */
    while (sp > STACK_BASE()) PITH_XDECREF(POP());
    SAVE_FRAME();
    ts->frame = f->back;
    ts->recursion_depth--;
    f->state = PITH_FRAME_COMPLETED;
    if (f->is_entry) return NULL;
    {
        PithFrame *caller = f->back;
        pith_frame_release(f);
        f = caller;
    }
    LOAD_FRAME();
    goto error;
}

/* ---- public entry points ------------------------------------------------ */

static PithObject *id_builtins_key;

PithObject *pith_eval_code(PithCode *co, PithObject *globals, PithObject *locals) {
    PithObject *key = pith_vm_name(&id_builtins_key, "__builtins__");
    if (!key) return NULL;
    PithObject *b = pith_dict_get_item(globals, key);
    if (!b) {
        if (pith_err_occurred()) return NULL;
        PithObject *bm = pith_interp.builtins_module ? pith_interp.builtins_module : pith_interp.builtins;
        if (!bm || pith_dict_set_item(globals, key, bm) < 0) {
            if (!pith_err_occurred()) pith_err_set_string(&pith_exc_SystemError, "no builtins");
            return NULL;
        }
        b = bm;
    }
    if (pith_module_check(b)) b = pith_module_get_dict(b);
    if (!pith_dict_check(b)) b = pith_interp.builtins;
    PithFrame *f = pith_frame_alloc(co, NULL, globals, b, locals ? locals : globals, 0);
    if (!f) return NULL;
    if (pith_vm_init_cells(f, NULL) < 0) {
        pith_frame_release(f);
        return NULL;
    }
    PithObject *r = pith_vm_run_frame(f, 0);
    pith_frame_release(f);
    return r;
}

/* Run function fn's code with an explicit locals mapping (class bodies). */
PithObject *pith_vm_run_with_locals(PithFunction *fn, PithObject *locals) {
    PithFrame *f = pith_frame_alloc(fn->code, (PithObject *)fn, fn->globals, fn->builtins, locals, 0);
    if (!f) return NULL;
    if (pith_vm_init_cells(f, fn) < 0) {
        pith_frame_release(f);
        return NULL;
    }
    PithObject *r = pith_vm_run_frame(f, 0);
    pith_frame_release(f);
    return r;
}

PithObject *pith_eval_get_builtins(void) {
    PithFrame *f = pith_tstate()->frame;
    return f ? f->builtins : pith_interp.builtins;
}

PithObject *pith_eval_get_globals(void) {
    PithFrame *f = pith_tstate()->frame;
    return f ? f->globals : NULL;
}

PithObject *pith_eval_get_locals(void) {
    PithFrame *f = pith_tstate()->frame;
    if (!f) {
        pith_err_set_string(&pith_exc_SystemError, "frame does not exist");
        return NULL;
    }
    return pith_frame_locals_dict(f);
}

PithObject *pith_eval_get_frame(int depth) {
    PithFrame *f = pith_tstate()->frame;
    while (depth-- > 0 && f) f = f->back;
    if (!f) {
        pith_err_set_string(&pith_exc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    PithObject *fo = pith_frame_get_object(f);
    return fo ? PITH_NEWREF(fo) : NULL;
}
