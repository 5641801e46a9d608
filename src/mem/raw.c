/* raw.c — L1: the raw allocator family and the swappable allocator tables.
 *
 * Two domains dispatch through a {ctx, malloc, realloc, free} table:
 *   RAW: defaults to libc (layer 0);
 *   OBJ: defaults to the pool allocator of obmalloc.c (layer 2), or to libc
 *        when PITHMALLOC=malloc is set or under AddressSanitizer (so the
 *        sanitizer sees every object as its own allocation).
 * Invariant: a request larger than PTRDIFF_MAX fails before any table is
 * consulted, so allocator implementations never see absurd sizes.
 */
#include <stdlib.h>
#include <string.h>

#include "mem_internal.h"
#include "pith/mem.h"

#if defined(__SANITIZE_ADDRESS__)
#define PITH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PITH_ASAN 1
#endif
#endif

static void *libc_malloc(void *ctx, size_t n) {
    (void)ctx;
    return malloc(n ? n : 1);
}
static void *libc_realloc(void *ctx, void *p, size_t n) {
    (void)ctx;
    return realloc(p, n ? n : 1);
}
static void libc_free(void *ctx, void *p) {
    (void)ctx;
    free(p);
}

static PithMemAllocator raw_table = {NULL, libc_malloc, libc_realloc, libc_free};
static PithMemAllocator obj_table = {NULL, pith_pool_malloc, pith_pool_realloc,
                                     pith_pool_free};

/* Choose the OBJ default before main() runs: nothing may be allocated with
 * one table and freed with another. */
__attribute__((constructor)) static void choose_obj_allocator(void) {
    const char *env = getenv("PITHMALLOC");
    int use_libc = env && strcmp(env, "malloc") == 0;
#ifdef PITH_ASAN
    use_libc = !(env && strcmp(env, "pymalloc") == 0);
#endif
    if (use_libc) obj_table = raw_table;
}

void pith_mem_get_allocator(PithMemDomain d, PithMemAllocator *out) {
    *out = d == PITH_MEM_DOMAIN_RAW ? raw_table : obj_table;
}

void pith_mem_set_allocator(PithMemDomain d, const PithMemAllocator *a) {
    if (d == PITH_MEM_DOMAIN_RAW)
        raw_table = *a;
    else
        obj_table = *a;
}

#define TOO_BIG(n) ((n) > (size_t)PTRDIFF_MAX)

void *pith_mem_malloc(size_t n) {
    return TOO_BIG(n) ? NULL : raw_table.malloc(raw_table.ctx, n);
}

void *pith_mem_calloc(size_t n, size_t size) {
    if (size && n > (size_t)PTRDIFF_MAX / size) return NULL;
    void *p = pith_mem_malloc(n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

void *pith_mem_realloc(void *p, size_t n) {
    return TOO_BIG(n) ? NULL : raw_table.realloc(raw_table.ctx, p, n);
}

void pith_mem_free(void *p) {
    if (p) raw_table.free(raw_table.ctx, p);
}

char *pith_mem_strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = pith_mem_malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

void *pith_obj_malloc(size_t n) {
    return TOO_BIG(n) ? NULL : obj_table.malloc(obj_table.ctx, n);
}

void *pith_obj_calloc(size_t n, size_t size) {
    if (size && n > (size_t)PTRDIFF_MAX / size) return NULL;
    void *p = pith_obj_malloc(n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

void *pith_obj_realloc(void *p, size_t n) {
    return TOO_BIG(n) ? NULL : obj_table.realloc(obj_table.ctx, p, n);
}

void pith_obj_mfree(void *p) {
    if (p) obj_table.free(obj_table.ctx, p);
}
