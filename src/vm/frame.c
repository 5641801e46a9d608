/* frame.c — the per-thread frame stack and Python-visible frame objects.
 *
 * Frame stack: frames are bump-allocated in large chunks and freed strictly
 * LIFO, so a Python call allocates nothing on the common path. A chunk
 * remembers the top of its predecessor so popping the first frame of a
 * chunk returns to the previous chunk; one spare chunk is kept to avoid
 * thrashing at a chunk boundary.
 *
 * Frame objects: created on demand (tracebacks, sys._getframe, gi_frame).
 * While the frame runs, the object reads it live; when the frame is
 * released while someone still holds the object, it takes a snapshot
 * (line, lasti, locals dict, f_back object) and forgets the frame.
 */
#include "pith/pith.h"
#include "pith/frame.h"
#include "pith/func.h"

#define CHUNK_BYTES (256 * 1024)

typedef struct Chunk {
    struct Chunk *prev, *spare;
    char *saved_top; /* top of prev chunk when we moved on to this one */
    char *end;
    char *data;
    _Alignas(16) char mem[];
} Chunk;

static Chunk *cur_chunk;
static char *stack_top;

static size_t frame_bytes(const PithCode *co) {
    size_t n = (size_t)pith_frame_nfast(co) + (size_t)co->stacksize;
    size_t sz = sizeof(PithFrame) + n * sizeof(PithObject *);
    return (sz + 15) & ~(size_t)15;
}

/* Make room for `size` bytes in a (new or spare) chunk. */
static int next_chunk(size_t size) {
    Chunk *c = cur_chunk ? cur_chunk->spare : NULL;
    if (c && (size_t)(c->end - c->data) < size) {
        pith_mem_free(c);
        c = NULL;
        cur_chunk->spare = NULL;
    }
    if (!c) {
        size_t cap = size > CHUNK_BYTES ? size : CHUNK_BYTES;
        c = pith_mem_malloc(sizeof(Chunk) + cap);
        if (!c) return -1;
        c->data = c->mem;
        c->end = c->mem + cap;
        c->spare = NULL;
    }
    if (cur_chunk) {
        cur_chunk->spare = NULL;
        cur_chunk->saved_top = stack_top;
    }
    c->prev = cur_chunk;
    cur_chunk = c;
    stack_top = c->data;
    return 0;
}

static void *stack_alloc(size_t size) {
    if (!cur_chunk || (size_t)(cur_chunk->end - stack_top) < size) {
        if (next_chunk(size) < 0) return NULL;
    }
    void *p = stack_top;
    stack_top += size;
    return p;
}

static void stack_free(void *p) {
    if ((char *)p == cur_chunk->data && cur_chunk->prev) {
        Chunk *c = cur_chunk;
        cur_chunk = c->prev;
        stack_top = cur_chunk->saved_top;
        if (c->spare) pith_mem_free(c->spare);
        c->spare = NULL;
        cur_chunk->spare = c;
        return;
    }
    stack_top = p;
}

PithFrame *pith_frame_alloc(PithCode *co, PithObject *func, PithObject *globals,
                            PithObject *builtins, PithObject *locals, int on_heap) {
    size_t size = frame_bytes(co);
    PithFrame *f = on_heap ? pith_mem_malloc(size) : stack_alloc(size);
    if (!f) {
        pith_err_no_memory();
        return NULL;
    }
    f->back = NULL;
    f->code = (PithCode *)PITH_NEWREF(co);
    f->func = func;
    PITH_XINCREF(func);
    f->globals = PITH_NEWREF(globals);
    f->builtins = PITH_NEWREF(builtins);
    f->locals = locals;
    PITH_XINCREF(locals);
    f->frame_obj = NULL;
    f->gen = NULL;
    f->ip = co->instrs;
    f->nblocks = 0;
    f->state = PITH_FRAME_CREATED;
    f->on_heap = (int8_t)on_heap;
    f->is_entry = 0;
    int nfast = pith_frame_nfast(co);
    for (int i = 0; i < nfast; i++) f->localsplus[i] = NULL;
    f->sp = f->localsplus + nfast;
    return f;
}

/* ---- frame objects ------------------------------------------------------ */

typedef struct FrameObject {
    PithObject ob;
    PithFrame *frame;    /* live frame, NULL once detached */
    PithCode *code;      /* owned */
    PithObject *globals; /* owned */
    PithObject *builtins;
    PithObject *locals;  /* snapshot dict after detach, else NULL */
    PithObject *back;    /* f_back snapshot after detach, else NULL */
    int lasti, lineno;
} FrameObject;

PithObject *pith_frame_get_object(PithFrame *f) {
    if (f->frame_obj) return f->frame_obj;
    FrameObject *fo = (FrameObject *)pith_gc_new(&pith_frame_type);
    if (!fo) return NULL;
    fo->frame = f;
    fo->code = (PithCode *)PITH_NEWREF(f->code);
    fo->globals = PITH_NEWREF(f->globals);
    fo->builtins = PITH_NEWREF(f->builtins);
    fo->lasti = -1;
    fo->lineno = -1;
    f->frame_obj = (PithObject *)fo;
    pith_gc_track(fo);
    return (PithObject *)fo;
}

int pith_frame_lineno(PithFrame *f) {
    int lasti = pith_frame_lasti(f);
    if (lasti < 0) return f->code->firstlineno;
    return pith_code_addr2line(f->code, lasti);
}

static int add_cell_values(PithObject *d, PithObject *names, PithObject **cells) {
    for (intptr_t i = 0; i < PITH_SIZE(names); i++) {
        PithObject *c = cells[i];
        PithObject *v = c && PITH_TYPE(c) == &pith_cell_type ? ((PithCell *)c)->ref : NULL;
        if (v && pith_dict_set_item(d, PITH_TUPLE_GET(names, i), v) < 0) return -1;
    }
    return 0;
}

PithObject *pith_frame_locals_dict(PithFrame *f) {
    PithCode *co = f->code;
    if (f->locals && !(co->flags & PITH_CO_OPTIMIZED)) return PITH_NEWREF(f->locals);
    PithObject *d = pith_dict_new();
    if (!d) return NULL;
    for (int i = 0; i < co->nlocals; i++) {
        PithObject *v = f->localsplus[i];
        if (v && pith_dict_set_item(d, PITH_TUPLE_GET(co->varnames, i), v) < 0) goto fail;
    }
    PithObject **cells = f->localsplus + co->nlocals;
    if (add_cell_values(d, co->cellvars, cells) < 0) goto fail;
    if (add_cell_values(d, co->freevars, cells + PITH_SIZE(co->cellvars)) < 0) goto fail;
    return d;
fail:
    PITH_DECREF(d);
    return NULL;
}

/* Snapshot what the frame object needs once the frame goes away. */
static void detach(FrameObject *fo, PithFrame *f) {
    fo->lasti = pith_frame_lasti(f);
    fo->lineno = pith_frame_lineno(f);
    PithObject *exc = pith_err_fetch(); /* keep a propagating exception intact */
    fo->locals = pith_frame_locals_dict(f);
    if (!fo->locals) pith_err_clear();
    /* A fresh snapshot stands for the slots CPython copies into the frame
     * object: hidden from gc counts until f_locals hands it out. */
    else if (fo->locals != f->locals) pith_gc_set_hidden(fo->locals, true);
    if (f->back && !fo->back) {
        PithObject *b = pith_frame_get_object(f->back);
        if (b) fo->back = PITH_NEWREF(b);
        else pith_err_clear();
    }
    pith_err_restore(exc);
    fo->frame = NULL;
}

void pith_frame_release(PithFrame *f) {
    if (f->frame_obj) {
        FrameObject *fo = (FrameObject *)f->frame_obj;
        if (PITH_REFCNT(fo) > 1) detach(fo, f);
        else fo->frame = NULL;
        f->frame_obj = NULL;
        PITH_DECREF(fo);
    }
    PithObject **base = f->localsplus;
    for (PithObject **p = base; p < f->sp; p++) PITH_XDECREF(*p);
    PITH_DECREF(f->code);
    PITH_XDECREF(f->func);
    PITH_DECREF(f->globals);
    PITH_DECREF(f->builtins);
    PITH_XDECREF(f->locals);
    if (f->on_heap) pith_mem_free(f);
    else stack_free(f);
}

PithCode *pith_frame_object_code(PithObject *frame) {
    return ((FrameObject *)frame)->code;
}

PithObject *pith_frame_object_globals(PithObject *frame) {
    return ((FrameObject *)frame)->globals;
}

static PithObject *fo_get_lineno(PithObject *o, void *c) {
    FrameObject *fo = (FrameObject *)o;
    int line = fo->frame ? pith_frame_lineno(fo->frame) : fo->lineno;
    if (line < 0) PITH_RETURN_NONE;
    return pith_int_from_i64(line);
}

static PithObject *fo_get_lasti(PithObject *o, void *c) {
    FrameObject *fo = (FrameObject *)o;
    int lasti = fo->frame ? pith_frame_lasti(fo->frame) : fo->lasti;
    return pith_int_from_i64(lasti < 0 ? -1 : (int64_t)lasti * 4);
}

static PithObject *fo_get_back(PithObject *o, void *c) {
    FrameObject *fo = (FrameObject *)o;
    PithObject *b = fo->back;
    if (fo->frame && fo->frame->back) b = pith_frame_get_object(fo->frame->back);
    if (!b) {
        if (pith_err_occurred()) return NULL;
        PITH_RETURN_NONE;
    }
    return PITH_NEWREF(b);
}

static PithObject *fo_get_locals(PithObject *o, void *c) {
    FrameObject *fo = (FrameObject *)o;
    if (fo->frame) return pith_frame_locals_dict(fo->frame);
    if (fo->locals) {
        pith_gc_set_hidden(fo->locals, false);
        return PITH_NEWREF(fo->locals);
    }
    return pith_dict_new();
}

static PithObject *fo_get_code(PithObject *o, void *c) {
    return PITH_NEWREF(((FrameObject *)o)->code);
}
static PithObject *fo_get_globals(PithObject *o, void *c) {
    return PITH_NEWREF(((FrameObject *)o)->globals);
}
static PithObject *fo_get_builtins(PithObject *o, void *c) {
    return PITH_NEWREF(((FrameObject *)o)->builtins);
}
static PithObject *fo_get_trace(PithObject *o, void *c) { PITH_RETURN_NONE; }

static PithGetSetDef fo_getset[] = {
    {"f_lineno", fo_get_lineno, NULL, NULL, NULL},
    {"f_lasti", fo_get_lasti, NULL, NULL, NULL},
    {"f_back", fo_get_back, NULL, NULL, NULL},
    {"f_locals", fo_get_locals, NULL, NULL, NULL},
    {"f_code", fo_get_code, NULL, NULL, NULL},
    {"f_globals", fo_get_globals, NULL, NULL, NULL},
    {"f_builtins", fo_get_builtins, NULL, NULL, NULL},
    {"f_trace", fo_get_trace, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithObject *fo_repr(PithObject *o) {
    FrameObject *fo = (FrameObject *)o;
    int line = fo->frame ? pith_frame_lineno(fo->frame) : fo->lineno;
    return pith_str_from_format("<frame at %p, file %R, line %d, code %U>", o,
                                fo->code->filename, line, fo->code->name);
}

static int fo_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    FrameObject *fo = (FrameObject *)o;
    PITH_VISIT(fo->code);
    PITH_VISIT(fo->globals);
    PITH_VISIT(fo->builtins);
    PITH_VISIT(fo->locals);
    PITH_VISIT(fo->back);
    return 0;
}

static int fo_clear(PithObject *o) {
    FrameObject *fo = (FrameObject *)o;
    PITH_CLEAR(fo->locals);
    PITH_CLEAR(fo->back);
    return 0;
}

static void fo_dealloc(PithObject *o) {
    FrameObject *fo = (FrameObject *)o;
    pith_gc_untrack(o);
    if (fo->frame) fo->frame->frame_obj = NULL; /* not reached: frame owns us */
    fo_clear(o);
    PITH_CLEAR(fo->code);
    PITH_CLEAR(fo->globals);
    PITH_CLEAR(fo->builtins);
    pith_gc_del(o);
}

PithType pith_frame_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "frame",
    .tp_basicsize = sizeof(FrameObject),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = fo_dealloc,
    .tp_repr = fo_repr,
    .tp_traverse = fo_traverse,
    .tp_clear = fo_clear,
    .tp_getset = fo_getset,
};
