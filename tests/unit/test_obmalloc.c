/* test_obmalloc.c — L2 pool allocator: block reuse, alignment, realloc
 * across size classes, pool/arena accounting and arena release to the OS
 * after a mass free. Calls the pool entry points directly so it exercises
 * the pools in every build (ASan builds route objects to libc). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/mem/mem_internal.h"
#include "check.h"
#include "pith/mem.h"

#define A(n) pith_pool_malloc(NULL, (n))
#define F(p) pith_pool_free(NULL, (p))
#define R(p, n) pith_pool_realloc(NULL, (p), (n))

static long vm_size_pages(void) {
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = -1;
    if (f) {
        if (fscanf(f, "%ld", &pages) != 1) pages = -1;
        fclose(f);
    }
    return pages;
}

static void test_reuse_and_alignment(void) {
    for (size_t n = 1; n <= 600; n++) {
        void *p = A(n);
        CHECK(p && ((uintptr_t)p % PITH_ALIGNMENT) == 0);
        memset(p, 0xAB, n);
        F(p);
        if (n <= PITH_SMALL_REQUEST_MAX) {
            void *q = A(n); /* the freed block is handed out again */
            CHECK(q == p);
            F(q);
        }
    }
    void *z1 = A(0), *z2 = A(0);
    CHECK(z1 && z2 && z1 != z2);
    F(z1);
    F(z2);
}

static void test_realloc(void) {
    unsigned char *p = A(10);
    for (int i = 0; i < 10; i++) p[i] = (unsigned char)i;
    unsigned char *same = R(p, 16); /* same size class: no move */
    CHECK(same == p);
    p = R(p, 300); /* another class */
    int ok = 1;
    for (int i = 0; i < 10; i++) ok &= p[i] == i;
    CHECK(ok);
    for (int i = 0; i < 300; i++) p[i] = (unsigned char)(i * 7);
    p = R(p, 5000); /* small -> large (L1) */
    ok = 1;
    for (int i = 0; i < 300; i++) ok &= p[i] == (unsigned char)(i * 7);
    CHECK(ok);
    p = R(p, 40); /* large -> small */
    ok = 1;
    for (int i = 0; i < 40; i++) ok &= p[i] == (unsigned char)(i * 7);
    CHECK(ok && ((uintptr_t)p % PITH_ALIGNMENT) == 0);
    F(p);
    CHECK(R(NULL, 8) != NULL); /* realloc(NULL) allocates; leak is fine */
}

static void test_accounting(void) {
    PithMemStats a, b;
    pith_mem_stats(&a);
    void *p = A(48), *q = A(48), *r = A(200);
    pith_mem_stats(&b);
    CHECK(b.blocks_in_use == a.blocks_in_use + 3);
    CHECK(b.class_blocks_in_use[2] == a.class_blocks_in_use[2] + 2);
    CHECK(b.bytes_in_use == a.bytes_in_use + 48 + 48 + 208);
    F(p);
    F(q);
    F(r);
    pith_mem_stats(&b);
    CHECK(b.blocks_in_use == a.blocks_in_use);
    void *big = A(100000);
    pith_mem_stats(&b);
    CHECK(b.large_in_use == a.large_in_use + 1);
    F(big);
}

/* Fill many arenas, free everything: all but at most one spare arena must
 * be munmap'ed, and the process's virtual size must shrink accordingly. */
static void test_arena_release(void) {
    enum { N = 200000 };
    void **blocks = malloc(N * sizeof *blocks);
    PithMemStats before, full, after;
    pith_mem_stats(&before);
    for (int i = 0; i < N; i++) blocks[i] = A(16 + (i % 8) * 16);
    pith_mem_stats(&full);
    long vm_full = vm_size_pages();
    size_t arena_pages = pith_mem_arena_size() / (size_t)sysconf(_SC_PAGESIZE);
    CHECK(full.arenas_in_use >= 10);
    CHECK(full.pools_in_use > full.arenas_in_use);
    for (int i = 0; i < N; i++) F(blocks[i]);
    pith_mem_stats(&after);
    long vm_after = vm_size_pages();
    CHECK(after.blocks_in_use == before.blocks_in_use);
    CHECK(after.arenas_in_use <= before.arenas_in_use + 1);
    CHECK(after.arenas_freed_total >= before.arenas_freed_total + full.arenas_in_use - 2);
    CHECK(vm_full - vm_after >= (long)((full.arenas_in_use - 2) * arena_pages));
    printf("arenas: %zu in use when full, %zu after mass free, %zu returned "
           "to the OS; VmSize %ld -> %ld pages\n",
           full.arenas_in_use, after.arenas_in_use,
           after.arenas_freed_total - before.arenas_freed_total, vm_full, vm_after);
    free(blocks);
}

int main(void) {
    test_reuse_and_alignment();
    test_realloc();
    test_accounting();
    test_arena_release();
    return check_report("test_obmalloc");
}
