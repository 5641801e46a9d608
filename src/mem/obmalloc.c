/* obmalloc.c — L2: the small-object allocator (arenas -> pools -> blocks).
 *
 * Requests of 1..PITH_SMALL_REQUEST_MAX bytes are rounded up to a multiple
 * of 16 (32 size classes). An arena is ARENA_SIZE bytes obtained with mmap,
 * aligned to ARENA_SIZE, and carved into POOL_SIZE pools; a pool serves one
 * size class. Larger requests go to L1 (pith_mem_malloc).
 *
 * Invariants:
 *  - A pointer p belongs to the pools iff arena_of(p) finds an arena whose
 *    base is p rounded down to ARENA_SIZE (two-level radix map, no reads of
 *    foreign memory). Every other pointer came from L1.
 *  - A pool is in exactly one state: "used" (some blocks allocated, at least
 *    one available; linked in usedpools[class]), "full" (no block available;
 *    in no list) or "empty" (no block allocated; on its arena's free list).
 *  - Within a pool, available blocks are the freeblock chain plus the
 *    never-used tail starting at nextoffset (carved lazily).
 *  - usable_arenas is ordered by nfreepools ascending, so new pools come
 *    from the fullest arena and lightly used arenas can drain and be
 *    returned to the OS. At most one completely empty arena is kept.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "mem_internal.h"
#include "pith/mem.h"

#define ALIGN PITH_ALIGNMENT
#define NCLASSES (PITH_SMALL_REQUEST_MAX / ALIGN)
#define ARENA_SHIFT 20
#define ARENA_SIZE ((size_t)1 << ARENA_SHIFT) /* 1 MiB */
#define POOL_SHIFT 14
#define POOL_SIZE ((size_t)1 << POOL_SHIFT) /* 16 KiB */
#define POOLS_PER_ARENA (ARENA_SIZE / POOL_SIZE)

typedef struct Arena Arena;

typedef struct Pool {
    uint32_t ref;         /* blocks allocated */
    uint32_t szidx;       /* size class */
    uint8_t *freeblock;   /* chain of freed blocks (first word = next) */
    struct Pool *next, *prev; /* usedpools[] list, or arena free list (next) */
    Arena *arena;
    uint32_t nextoffset;    /* first never-used block */
    uint32_t maxnextoffset; /* last offset where a block still fits */
    uint32_t in_used_list;
    uint32_t pad_;
} Pool;

#define POOL_HEADER ((sizeof(Pool) + ALIGN - 1) & ~(size_t)(ALIGN - 1))

struct Arena {
    uintptr_t base;
    uint32_t nfreepools; /* empty pools, carved or not */
    uint32_t ncarved;    /* pools ever initialised from the arena */
    Pool *freepools;     /* empty, previously carved pools */
    Arena *next, *prev;  /* usable_arenas list (arenas with a free pool) */
    int usable;          /* linked in usable_arenas */
};

static Pool *usedpools[NCLASSES];
static Arena *usable_arenas;
static size_t arenas_allocated_total, arenas_freed_total, arenas_in_use;
static size_t pools_in_use, large_in_use;
static size_t class_in_use[NCLASSES];

/* ---- arena map: address -> Arena* (two-level radix on address bits) ---- */
#define MAP_BITS 14
#define MAP_SIZE ((size_t)1 << MAP_BITS)
static Arena **arena_map[MAP_SIZE];

static Arena **map_slot(uintptr_t addr, int create) {
    uintptr_t key = addr >> ARENA_SHIFT;
    if (key >> (2 * MAP_BITS)) return NULL; /* beyond 48-bit addresses */
    Arena ***leaf = &arena_map[key >> MAP_BITS];
    if (!*leaf) {
        if (!create) return NULL;
        *leaf = calloc(MAP_SIZE, sizeof(Arena *));
        if (!*leaf) return NULL;
    }
    return &(*leaf)[key & (MAP_SIZE - 1)];
}

static inline Arena *arena_of(const void *p) {
    uintptr_t key = (uintptr_t)p >> ARENA_SHIFT;
    if (key >> (2 * MAP_BITS)) return NULL;
    Arena **leaf = arena_map[key >> MAP_BITS];
    return leaf ? leaf[key & (MAP_SIZE - 1)] : NULL;
}

/* ---- arenas ------------------------------------------------------------- */

static void *map_aligned_arena(void) {
    size_t len = 2 * ARENA_SIZE;
    uint8_t *raw = mmap(NULL, len, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return NULL;
    uintptr_t start = ((uintptr_t)raw + ARENA_SIZE - 1) & ~(ARENA_SIZE - 1);
    size_t head = start - (uintptr_t)raw, tail = len - head - ARENA_SIZE;
    if (head) munmap(raw, head);
    if (tail) munmap((uint8_t *)start + ARENA_SIZE, tail);
    return (void *)start;
}

static void usable_unlink(Arena *a) {
    if (a->prev)
        a->prev->next = a->next;
    else
        usable_arenas = a->next;
    if (a->next) a->next->prev = a->prev;
    a->next = a->prev = NULL;
    a->usable = 0;
}

/* Insert a into usable_arenas keeping nfreepools ascending. */
static void usable_insert(Arena *a) {
    Arena *prev = NULL, *cur = usable_arenas;
    while (cur && cur->nfreepools < a->nfreepools) {
        prev = cur;
        cur = cur->next;
    }
    a->prev = prev;
    a->next = cur;
    if (cur) cur->prev = a;
    if (prev)
        prev->next = a;
    else
        usable_arenas = a;
    a->usable = 1;
}

static Arena *new_arena(void) {
    Arena *a = calloc(1, sizeof(Arena));
    if (!a) return NULL;
    void *base = map_aligned_arena();
    Arena **slot = base ? map_slot((uintptr_t)base, 1) : NULL;
    if (!slot) {
        if (base) munmap(base, ARENA_SIZE);
        free(a);
        return NULL;
    }
    *slot = a;
    a->base = (uintptr_t)base;
    a->nfreepools = POOLS_PER_ARENA;
    arenas_allocated_total++;
    arenas_in_use++;
    usable_insert(a);
    return a;
}

static void free_arena(Arena *a) {
    if (a->usable) usable_unlink(a);
    *map_slot(a->base, 0) = NULL;
    munmap((void *)a->base, ARENA_SIZE);
    free(a);
    arenas_freed_total++;
    arenas_in_use--;
}

/* True if some other arena is completely empty (we keep one spare). */
static int have_spare_empty_arena(const Arena *except) {
    for (Arena *a = usable_arenas; a; a = a->next)
        if (a != except && a->nfreepools == POOLS_PER_ARENA) return 1;
    return 0;
}

/* ---- pools -------------------------------------------------------------- */

static inline size_t class_size(uint32_t idx) { return ((size_t)idx + 1) * ALIGN; }

static void used_link(Pool *p) {
    Pool **head = &usedpools[p->szidx];
    p->prev = NULL;
    p->next = *head;
    if (*head) (*head)->prev = p;
    *head = p;
    p->in_used_list = 1;
}

static void used_unlink(Pool *p) {
    if (p->prev)
        p->prev->next = p->next;
    else
        usedpools[p->szidx] = p->next;
    if (p->next) p->next->prev = p->prev;
    p->next = p->prev = NULL;
    p->in_used_list = 0;
}

/* Take an empty pool from the fullest usable arena and set it up for idx. */
static Pool *new_pool(uint32_t idx) {
    Arena *a = usable_arenas;
    if (!a && !(a = new_arena())) return NULL;
    Pool *p;
    if (a->freepools) {
        p = a->freepools;
        a->freepools = p->next;
    } else {
        p = (Pool *)(a->base + (size_t)a->ncarved * POOL_SIZE);
        a->ncarved++;
    }
    a->nfreepools--;
    if (a->nfreepools == 0) usable_unlink(a);
    p->ref = 0;
    p->szidx = idx;
    p->freeblock = NULL;
    p->arena = a;
    p->nextoffset = (uint32_t)POOL_HEADER;
    p->maxnextoffset = (uint32_t)(POOL_SIZE - class_size(idx));
    pools_in_use++;
    used_link(p);
    return p;
}

/* A pool became empty: give it back to its arena. */
static void release_pool(Pool *p) {
    Arena *a = p->arena;
    used_unlink(p);
    pools_in_use--;
    p->next = a->freepools;
    a->freepools = p;
    a->nfreepools++;
    if (a->usable) usable_unlink(a);
    if (a->nfreepools == POOLS_PER_ARENA && have_spare_empty_arena(a)) {
        free_arena(a);
        return;
    }
    usable_insert(a);
}

/* ---- the allocator ------------------------------------------------------ */

static void *small_malloc(size_t n) {
    uint32_t idx = (uint32_t)((n - 1) >> 4);
    Pool *p = usedpools[idx];
    if (!p && !(p = new_pool(idx))) return NULL;
    uint8_t *b = p->freeblock;
    if (b) {
        p->freeblock = *(uint8_t **)b;
    } else {
        b = (uint8_t *)p + p->nextoffset;
        p->nextoffset += (uint32_t)class_size(idx);
    }
    p->ref++;
    class_in_use[idx]++;
    if (!p->freeblock && p->nextoffset > p->maxnextoffset) used_unlink(p);
    return b;
}

static void small_free(void *ptr) {
    Pool *p = (Pool *)((uintptr_t)ptr & ~(uintptr_t)(POOL_SIZE - 1));
    *(uint8_t **)ptr = p->freeblock;
    p->freeblock = ptr;
    class_in_use[p->szidx]--;
    if (!p->in_used_list) used_link(p); /* was full */
    if (--p->ref == 0) release_pool(p);
}

void *pith_pool_malloc(void *ctx, size_t n) {
    (void)ctx;
    if (n == 0) n = 1;
    if (n <= PITH_SMALL_REQUEST_MAX) return small_malloc(n);
    void *q = pith_mem_malloc(n);
    if (q) large_in_use++;
    return q;
}

void pith_pool_free(void *ctx, void *ptr) {
    (void)ctx;
    if (!ptr) return;
    if (arena_of(ptr)) {
        small_free(ptr);
    } else {
        large_in_use--;
        pith_mem_free(ptr);
    }
}

void *pith_pool_realloc(void *ctx, void *ptr, size_t n) {
    if (!ptr) return pith_pool_malloc(ctx, n);
    if (n == 0) n = 1;
    size_t old;
    if (arena_of(ptr)) {
        Pool *p = (Pool *)((uintptr_t)ptr & ~(uintptr_t)(POOL_SIZE - 1));
        old = class_size(p->szidx);
        if (n <= old && n > old - ALIGN) return ptr; /* same size class */
    } else {
        if (n > PITH_SMALL_REQUEST_MAX) return pith_mem_realloc(ptr, n);
        old = n; /* shrinking a large block into a small one */
    }
    void *q = pith_pool_malloc(ctx, n);
    if (!q) return NULL;
    memcpy(q, ptr, old < n ? old : n);
    pith_pool_free(ctx, ptr);
    return q;
}

/* ---- statistics ---------------------------------------------------------- */

static size_t class_free_blocks(uint32_t idx) {
    size_t nfree = 0, sz = class_size(idx);
    for (Pool *p = usedpools[idx]; p; p = p->next) {
        for (uint8_t *b = p->freeblock; b; b = *(uint8_t **)b) nfree++;
        if (p->nextoffset <= p->maxnextoffset)
            nfree += (p->maxnextoffset - p->nextoffset) / sz + 1;
    }
    return nfree;
}

void pith_mem_stats(PithMemStats *out) {
    memset(out, 0, sizeof *out);
    out->arenas_allocated_total = arenas_allocated_total;
    out->arenas_freed_total = arenas_freed_total;
    out->arenas_in_use = arenas_in_use;
    out->pools_in_use = pools_in_use;
    out->large_in_use = large_in_use;
    for (uint32_t i = 0; i < NCLASSES; i++) {
        out->class_blocks_in_use[i] = class_in_use[i];
        out->class_blocks_free[i] = class_free_blocks(i);
        out->blocks_in_use += class_in_use[i];
        out->bytes_in_use += class_in_use[i] * class_size(i);
    }
}

void pith_mem_print_stats(void *file) {
    FILE *f = file ? (FILE *)file : stderr;
    PithMemStats s;
    pith_mem_stats(&s);
    fprintf(f, "Small block threshold = %d, in %d size classes.\n\n",
            PITH_SMALL_REQUEST_MAX, NCLASSES);
    fprintf(f, "class   size   num pools   blocks in use  avail blocks\n"
               "-----   ----   ---------   -------------  ------------\n");
    size_t pools_by_class[NCLASSES] = {0};
    for (uint32_t i = 0; i < NCLASSES; i++)
        for (Pool *p = usedpools[i]; p; p = p->next) pools_by_class[i]++;
    for (uint32_t i = 0; i < NCLASSES; i++) {
        if (!s.class_blocks_in_use[i] && !s.class_blocks_free[i]) continue;
        fprintf(f, "%5u %6zu %11zu %15zu %13zu\n", i, class_size(i),
                pools_by_class[i], s.class_blocks_in_use[i],
                s.class_blocks_free[i]);
    }
    fprintf(f, "\n# arenas allocated total           = %zu\n",
            s.arenas_allocated_total);
    fprintf(f, "# arenas reclaimed                 = %zu\n", s.arenas_freed_total);
    fprintf(f, "# arenas allocated current         = %zu\n", s.arenas_in_use);
    fprintf(f, "%zu arenas * %zu bytes/arena          = %zu\n", s.arenas_in_use,
            ARENA_SIZE, s.arenas_in_use * ARENA_SIZE);
    fprintf(f, "# pools in use                     = %zu\n", s.pools_in_use);
    fprintf(f, "# bytes in allocated blocks        = %zu\n", s.bytes_in_use);
    fprintf(f, "# large blocks (L1) in use         = %zu\n", s.large_in_use);
}

size_t pith_mem_arena_size(void) { return ARENA_SIZE; }
size_t pith_mem_pool_size(void) { return POOL_SIZE; }
