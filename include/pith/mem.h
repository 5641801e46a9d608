/* mem.h — memory layers L1 (raw, swappable) and L2 (object allocator).
 *
 * L0 is the OS malloc. L1 (src/mem/raw.c) wraps it behind a swappable table
 * {ctx, malloc, realloc, free}; every request above PTRDIFF_MAX fails (NULL)
 * before reaching the table. L2 (src/mem/obmalloc.c) serves requests of
 * <= PITH_SMALL_REQUEST_MAX bytes from size-class pools inside mmap'ed arenas
 * and forwards larger ones to L1. All blocks are 16-byte aligned.
 * A request of 0 bytes returns a unique non-NULL pointer.
 * None of these set a Python exception: callers raise MemoryError
 * (pith_err_no_memory) themselves.
 */
#ifndef PITH_MEM_H
#define PITH_MEM_H

#include <stddef.h>
#include <stdint.h>

typedef struct PithMemAllocator {
    void *ctx;
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void (*free)(void *ctx, void *ptr);
} PithMemAllocator;

/* Which table: the raw (L1) family or the object (L2) family. */
typedef enum { PITH_MEM_DOMAIN_RAW, PITH_MEM_DOMAIN_OBJ } PithMemDomain;

void pith_mem_get_allocator(PithMemDomain d, PithMemAllocator *out);
void pith_mem_set_allocator(PithMemDomain d, const PithMemAllocator *a);

/* L1 raw family. */
void *pith_mem_malloc(size_t size);
void *pith_mem_calloc(size_t n, size_t size);
void *pith_mem_realloc(void *p, size_t size);
void pith_mem_free(void *p);
char *pith_mem_strdup(const char *s);

/* L2 object family (small blocks from pools; large ones via L1). */
#define PITH_SMALL_REQUEST_MAX 512
#define PITH_ALIGNMENT 16
void *pith_obj_malloc(size_t size);
void *pith_obj_calloc(size_t n, size_t size);
void *pith_obj_realloc(void *p, size_t size);
void pith_obj_mfree(void *p);

/* Statistics of the L2 allocator. */
typedef struct PithMemStats {
    size_t arenas_allocated_total; /* ever mmap'ed */
    size_t arenas_freed_total;     /* ever returned to the OS */
    size_t arenas_in_use;
    size_t pools_in_use;
    size_t blocks_in_use;          /* small blocks currently allocated */
    size_t bytes_in_use;           /* sum of size-class sizes of those blocks */
    size_t large_in_use;           /* L2 requests forwarded to L1, live */
    size_t class_blocks_in_use[PITH_SMALL_REQUEST_MAX / PITH_ALIGNMENT];
    size_t class_blocks_free[PITH_SMALL_REQUEST_MAX / PITH_ALIGNMENT];
} PithMemStats;
void pith_mem_stats(PithMemStats *out);
/* Print a human-readable per-size-class table (sys._debugmallocstats). */
void pith_mem_print_stats(void *FILE_out);
/* sys._debugmallocstats: the L2 table, then L3 free-list sizes and GC
 * figures (src/mem/memstats.c). */
void pith_mem_debug_stats(void *FILE_out);
/* -X options of the memory subsystem: "gcstress" (every GC allocation
 * collects generation 0), "memstats" (print a summary to stderr at exit).
 * Other options are ignored. */
void pith_mem_xoption(const char *opt);
/* L3 free lists, each owned by its type's file: current lengths (the tuple
 * one per item count 1..20, -1 for other sizes). */
int pith_float_freelist_count(void);
int pith_list_freelist_count(void);
int pith_dict_freelist_count(void);
int pith_tuple_freelist_count(int size);
/* Empty those free lists (a full collection does, as CPython's). */
void pith_float_freelist_clear(void);
void pith_list_freelist_clear(void);
void pith_dict_freelist_clear(void);
void pith_tuple_freelist_clear(void);
/* Arena geometry, for tests. */
size_t pith_mem_arena_size(void);
size_t pith_mem_pool_size(void);

#endif
