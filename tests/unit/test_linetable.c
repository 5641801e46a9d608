/* test_linetable.c — round-trip tests of the line table encoder/decoder
 * (src/compiler/linetable.c). Works on raw byte buffers only. Exit 0 on
 * success; prints a FAIL line per failed check. */
#include <stdio.h>

#include "pith/linetable.h"

static int failures;

#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                        \
            printf(__VA_ARGS__);                                               \
            printf("\n");                                                      \
            failures++;                                                        \
        }                                                                      \
    } while (0)

typedef struct Run {
    int count;
    PithLocation loc;
} Run;

static int same_loc(PithLocation a, PithLocation b) {
    if (a.line < 0 || b.line < 0) return a.line < 0 && b.line < 0;
    return a.line == b.line && a.end_line == b.end_line && a.col == b.col &&
           a.end_col == b.end_col;
}

/* Encode runs, then check every instruction decodes to its run's location. */
static void round_trip(const char *name, int firstlineno, const Run *runs, int n) {
    PithLineTableWriter w;
    pith_lt_writer_init(&w, firstlineno);
    int total = 0;
    for (int i = 0; i < n; i++) {
        CHECK(pith_lt_writer_add(&w, runs[i].count, &runs[i].loc) == 0, "%s: add", name);
        total += runs[i].count;
    }
    const uint8_t *buf;
    size_t len;
    CHECK(pith_lt_writer_finish(&w, &buf, &len) == 0, "%s: finish", name);
    int instr = 0;
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < runs[i].count; k++, instr++) {
            PithLocation got;
            int r = pith_lt_lookup(buf, len, firstlineno, instr, &got);
            CHECK(same_loc(got, runs[i].loc), "%s: instr %d: got line %d col %d..%d:%d",
                  name, instr, got.line, got.col, got.end_line, got.end_col);
            CHECK((r == 0) == (runs[i].loc.line >= 0), "%s: instr %d result %d", name, instr, r);
        }
    }
    PithLocation past;
    CHECK(pith_lt_lookup(buf, len, firstlineno, total, &past) == -1, "%s: past end", name);
    /* The iterator must cover [0, total) without gaps. */
    PithLineTableIter it;
    pith_lt_iter_init(&it, buf, len, firstlineno);
    int expect = 0, r;
    while ((r = pith_lt_iter_next(&it)) == 1) {
        CHECK(it.start == expect, "%s: gap at %d", name, it.start);
        expect = it.stop;
    }
    CHECK(r == 0, "%s: iterator error", name);
    CHECK(expect == total, "%s: covered %d of %d", name, expect, total);
    pith_lt_writer_free(&w);
}

#define L(l, el, c, ec) ((PithLocation){l, el, c, ec})

int main(void) {
    Run simple[] = {{1, L(1, 1, 0, 5)}, {3, L(2, 2, 4, 10)}, {2, L(3, 4, 0, 2)}};
    round_trip("simple", 1, simple, 3);

    Run backwards[] = {{2, L(10, 10, 0, 3)}, {1, L(5, 5, 2, 9)}, {4, L(12, 12, 1, 1)},
                       {1, L(1, 1, 0, 0)}};
    round_trip("backwards", 3, backwards, 4);

    Run big[] = {{300, L(2, 2, 0, 1)}, {1000, L(700, 702, 130, 4000)},
                 {70000, L(100000, 100000, 127, 128)}, {1, L(1, 1, 200, 300)}};
    round_trip("big jumps", 1, big, 4);

    Run noloc[] = {{1, PITH_NO_LOCATION}, {5, L(4, 4, 0, 8)}, {2, PITH_NO_LOCATION},
                   {3, L(3, 3, 0, 1)}, {1, PITH_NO_LOCATION}};
    round_trip("no location", 2, noloc, 5);

    Run unknown_cols[] = {{2, L(7, 7, -1, -1)}, {1, L(8, 9, 3, -1)}};
    round_trip("unknown columns", 7, unknown_cols, 2);

    /* Adjacent runs with equal locations merge. */
    Run merge[] = {{2, L(5, 5, 1, 2)}, {3, L(5, 5, 1, 2)}, {1, L(5, 5, 1, 3)}};
    round_trip("merge", 5, merge, 3);

    /* Empty table: nothing covered. */
    PithLineTableWriter w;
    const uint8_t *buf;
    size_t len;
    pith_lt_writer_init(&w, 1);
    CHECK(pith_lt_writer_finish(&w, &buf, &len) == 0 && len == 0, "empty table");
    PithLocation l;
    CHECK(pith_lt_lookup(buf, len, 1, 0, &l) == -1 && l.line == -1, "empty lookup");
    pith_lt_writer_free(&w);

    /* Malformed (truncated) table is reported, not crashed on. */
    const uint8_t bad[] = {0x04, 0x80};
    PithLineTableIter it;
    pith_lt_iter_init(&it, bad, sizeof bad, 1);
    CHECK(pith_lt_iter_next(&it) == -1, "truncated table");

    if (failures) return 1;
    printf("test_linetable: ok\n");
    return 0;
}
