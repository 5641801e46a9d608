/* frame.h — VM frames (vm/frame.c).
 *
 * A PithFrame is the activation record of one running code object: fixed
 * header, block stack, then `localsplus` = locals (code->nlocals), cells
 * (len cellvars), free variables (len freevars), value stack (stacksize).
 * Frames normally live in a contiguous per-thread frame stack (allocated in
 * chunks, strictly LIFO); generator frames live on the heap, owned by their
 * generator. Frame *objects* (Python `frame`) are created lazily and keep
 * working after the frame is gone (they take a snapshot when detached).
 *
 * Invariants:
 *  - tstate->frame is the innermost executing frame; f->back links outward.
 *  - localsplus slots hold owned refs or NULL; stack slots below `sp` are
 *    owned refs or NULL (PUSH_NULL / LOAD_METHOD markers).
 */
#ifndef PITH_FRAME_H
#define PITH_FRAME_H

#include "object.h"
#include "code.h"
#include "opcode.h"

enum { PITH_BLOCK_FINALLY = 1, PITH_BLOCK_EXCEPT_HANDLER = 2 };

typedef struct PithBlock {
    int kind;    /* PITH_BLOCK_* */
    int handler; /* FINALLY: absolute instruction index */
    int level;   /* value-stack depth when the block was pushed */
} PithBlock;

enum {
    PITH_FRAME_CREATED = 0,   /* not started (generators) */
    PITH_FRAME_RUNNING = 1,
    PITH_FRAME_SUSPENDED = 2, /* yielded */
    PITH_FRAME_COMPLETED = 3, /* returned or raised */
};

typedef struct PithFrame {
    struct PithFrame *back; /* calling frame (NULL = outermost) */
    PithCode *code;         /* owned */
    PithObject *func;       /* owned, NULL for module/class-less exec frames */
    PithObject *globals;    /* owned */
    PithObject *builtins;   /* owned */
    PithObject *locals;     /* owned mapping for *_NAME ops, or NULL */
    PithObject *frame_obj;  /* owned frame object, created lazily, or NULL */
    PithObject *gen;        /* borrowed owning generator, or NULL */
    uint32_t *ip;           /* next instruction to execute */
    PithObject **sp;        /* value-stack top (valid when not executing) */
    int nblocks;
    int8_t state;           /* PITH_FRAME_* */
    int8_t on_heap;         /* 1 = heap frame (generator), else frame stack */
    int8_t is_entry;        /* the C eval loop returns when this frame ends */
    PithBlock blocks[PITH_MAX_BLOCKS];
    PithObject *localsplus[];
} PithFrame;

/* Number of locals+cells+frees slots and total slots incl. stack. */
static inline int pith_frame_nfast(const PithCode *co) {
    return co->nlocals + (int)PITH_SIZE(co->cellvars) + (int)PITH_SIZE(co->freevars);
}
static inline PithObject **pith_frame_stack_base(PithFrame *f) {
    return f->localsplus + pith_frame_nfast(f->code);
}
/* Instruction index of the instruction being executed (or last executed). */
static inline int pith_frame_lasti(const PithFrame *f) {
    return (int)(f->ip - f->code->instrs) - 1;
}

/* Allocate a frame for co on the frame stack (heap when on_heap) with all
 * slots NULL; takes new refs to func/globals/builtins/locals (any may be
 * NULL except globals/builtins). Returns NULL + MemoryError on failure. */
PithFrame *pith_frame_alloc(PithCode *co, PithObject *func, PithObject *globals,
                            PithObject *builtins, PithObject *locals, int on_heap);
/* Drop every reference the frame holds, detach its frame object, and free
 * it (pop it off the frame stack, or free the heap block). */
void pith_frame_release(PithFrame *f);
/* The frame object of f (created on first request): borrowed ref. */
PithObject *pith_frame_get_object(PithFrame *f);
/* Locals of f as a dict (fast locals + cells); new ref. For frames with a
 * locals mapping returns that mapping after syncing. */
PithObject *pith_frame_locals_dict(PithFrame *f);
/* Line currently executing in f. */
int pith_frame_lineno(PithFrame *f);

#endif
