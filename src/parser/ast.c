/* ast.c — the AST arena: bump allocation of nodes and sequences, plus the
 * list of Python objects (identifiers, constants) the AST references.
 *
 * Invariant: every block is zeroed when handed out; objects registered with
 * pith_arena_add_object are owned (one reference) until pith_arena_free.
 */
#include "pith/pith.h"
#include "pith/ast.h"

#include <string.h>

#define BLOCK_SIZE 8192

typedef struct Block {
    struct Block *next;
    size_t used, size;
    max_align_t data[];
} Block;

struct PithArena {
    Block *head;
    PithObject **objs;
    size_t nobjs, capobjs;
};

static Block *block_new(size_t size) {
    Block *b = pith_mem_malloc(sizeof(Block) + size);
    if (!b) return NULL;
    b->next = NULL;
    b->used = 0;
    b->size = size;
    return b;
}

PithArena *pith_arena_new(void) {
    PithArena *a = pith_mem_calloc(1, sizeof(PithArena));
    if (!a) return NULL;
    a->head = block_new(BLOCK_SIZE);
    if (!a->head) {
        pith_mem_free(a);
        return NULL;
    }
    return a;
}

void pith_arena_free(PithArena *a) {
    if (!a) return;
    for (Block *b = a->head, *n; b; b = n) {
        n = b->next;
        pith_mem_free(b);
    }
    for (size_t i = 0; i < a->nobjs; i++) PITH_DECREF(a->objs[i]);
    pith_mem_free(a->objs);
    pith_mem_free(a);
}

void *pith_arena_alloc(PithArena *a, size_t size) {
    size = (size + 15) & ~(size_t)15;
    Block *b = a->head;
    if (b->used + size > b->size) {
        size_t bs = size > BLOCK_SIZE ? size : BLOCK_SIZE;
        Block *nb = block_new(bs);
        if (!nb) return NULL;
        nb->next = a->head;
        a->head = nb;
        b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

int pith_arena_add_object(PithArena *a, PithObject *o) {
    if (a->nobjs == a->capobjs) {
        size_t nc = a->capobjs ? a->capobjs * 2 : 64;
        PithObject **n = pith_mem_realloc(a->objs, nc * sizeof(PithObject *));
        if (!n) {
            PITH_DECREF(o);
            pith_err_no_memory();
            return -1;
        }
        a->objs = n;
        a->capobjs = nc;
    }
    a->objs[a->nobjs++] = o;
    return 0;
}

PithAstSeq *pith_ast_seq_new(PithArena *a, intptr_t size) {
    PithAstSeq *s = pith_arena_alloc(a, sizeof(PithAstSeq) + (size_t)size * sizeof(void *));
    if (!s) {
        pith_err_no_memory();
        return NULL;
    }
    s->size = size;
    return s;
}
