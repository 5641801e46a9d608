/* test_mem_raw.c — L1: size overflow check, zero-size requests, and
 * swapping the allocator table for a tracing allocator (both domains). */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "pith/mem.h"

typedef struct Trace {
    PithMemAllocator inner;
    size_t mallocs, reallocs, frees;
} Trace;

static void *t_malloc(void *ctx, size_t n) {
    Trace *t = ctx;
    t->mallocs++;
    return t->inner.malloc(t->inner.ctx, n);
}
static void *t_realloc(void *ctx, void *p, size_t n) {
    Trace *t = ctx;
    t->reallocs++;
    return t->inner.realloc(t->inner.ctx, p, n);
}
static void t_free(void *ctx, void *p) {
    Trace *t = ctx;
    t->frees++;
    t->inner.free(t->inner.ctx, p);
}

static void test_swap(PithMemDomain d, void *(*alloc)(size_t),
                      void *(*re)(void *, size_t), void (*fr)(void *)) {
    Trace t = {0};
    pith_mem_get_allocator(d, &t.inner);
    PithMemAllocator tracer = {&t, t_malloc, t_realloc, t_free};
    pith_mem_set_allocator(d, &tracer);
    void *p = alloc(24);
    p = re(p, 1000);
    fr(p);
    fr(NULL); /* free(NULL) is not forwarded */
    pith_mem_set_allocator(d, &t.inner);
    CHECK(t.mallocs == 1 && t.reallocs == 1 && t.frees == 1);
    PithMemAllocator now;
    pith_mem_get_allocator(d, &now);
    CHECK(now.malloc == t.inner.malloc && now.ctx == t.inner.ctx);
}

int main(void) {
    CHECK(pith_mem_malloc((size_t)PTRDIFF_MAX + 1) == NULL);
    CHECK(pith_obj_malloc(SIZE_MAX) == NULL);
    CHECK(pith_mem_calloc(SIZE_MAX / 2, 4) == NULL);
    void *z1 = pith_mem_malloc(0), *z2 = pith_mem_malloc(0);
    CHECK(z1 && z2 && z1 != z2);
    pith_mem_free(z1);
    pith_mem_free(z2);
    char *s = pith_mem_strdup("pith");
    CHECK(s && strcmp(s, "pith") == 0);
    pith_mem_free(s);
    char *c = pith_mem_calloc(10, 10);
    int zero = 1;
    for (int i = 0; i < 100; i++) zero &= c[i] == 0;
    CHECK(zero);
    pith_mem_free(c);
    test_swap(PITH_MEM_DOMAIN_RAW, pith_mem_malloc, pith_mem_realloc, pith_mem_free);
    test_swap(PITH_MEM_DOMAIN_OBJ, pith_obj_malloc, pith_obj_realloc, pith_obj_mfree);
    return check_report("test_mem_raw");
}
