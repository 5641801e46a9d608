/* memstats.c — memory statistics for people: sys._debugmallocstats() and
 * the `-X memstats` summary printed at exit, plus the memory-related -X
 * options (`-X gcstress`, `-X memstats`).
 *
 * The L2 table comes from obmalloc.c; the L3 free lists belong to their
 * type files (float.c, tuple.c, list.c, dict.c) and are only read here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pith/pith.h"

/* One free-list line in CPython's layout: "<n> free <what>s * <size> bytes each = <total>". */
static void freelist_line(FILE *f, int n, const char *what, size_t each) {
    char left[128];
    snprintf(left, sizeof left, "%d free %ss * %zu bytes each", n, what, each);
    fprintf(f, "%-48s = %15zu\n", left, (size_t)n * each);
}

static void print_freelists(FILE *f) {
    size_t head = sizeof(PithGCHead);
    fprintf(f, "\n");
    for (int i = 1; pith_tuple_freelist_count(i) >= 0; i++) {
        char what[64];
        snprintf(what, sizeof what, "%d-sized PithTupleObject", i);
        freelist_line(f, pith_tuple_freelist_count(i), what,
                      head + sizeof(PithTuple) + (size_t)i * sizeof(PithObject *));
    }
    freelist_line(f, pith_float_freelist_count(), "PithFloatObject", sizeof(PithFloat));
    freelist_line(f, pith_list_freelist_count(), "PithListObject", head + sizeof(PithList));
    freelist_line(f, pith_dict_freelist_count(), "PithDictObject", head + sizeof(PithDict));
}

static void print_gc(FILE *f) {
    int count[3], thr[3];
    pith_gc_get_count(count);
    pith_gc_get_threshold(thr);
    fprintf(f, "\ngc: enabled=%d stress=%d threshold=(%d, %d, %d) count=(%d, %d, %d)\n",
            (int)pith_gc_is_enabled(), (int)pith_gc_get_stress(), thr[0], thr[1], thr[2],
            count[0], count[1], count[2]);
    for (int g = 0; g < 3; g++) {
        intptr_t collections, collected;
        pith_gc_get_stats(g, &collections, &collected);
        fprintf(f, "gc: generation %d: %zd collections, %zd collected\n", g, collections,
                collected);
    }
    fprintf(f, "gc: %zd objects frozen\n", pith_gc_freeze_count());
}

void pith_mem_debug_stats(void *out) {
    FILE *f = out ? (FILE *)out : stderr;
    pith_mem_print_stats(f);
    print_freelists(f);
    print_gc(f);
    fflush(f);
}

/* -X memstats: a short summary once the interpreter is done. */
static void summary_at_exit(void) {
    PithMemStats s;
    pith_mem_stats(&s);
    fprintf(stderr,
            "pith memstats: %zu arenas in use (%zu allocated, %zu freed in total), "
            "%zu pools, %zu small blocks (%zu bytes), %zu large blocks\n",
            s.arenas_in_use, s.arenas_allocated_total, s.arenas_freed_total, s.pools_in_use,
            s.blocks_in_use, s.bytes_in_use, s.large_in_use);
    print_freelists(stderr);
    print_gc(stderr);
}

void pith_mem_xoption(const char *opt) {
    static int summary_registered;
    if (!strcmp(opt, "gcstress")) {
        pith_gc_set_stress(true);
    } else if (!strcmp(opt, "memstats") && !summary_registered) {
        summary_registered = 1;
        atexit(summary_at_exit);
    }
}
