/* linetable.h — the code object's line table (compiler/linetable.c).
 *
 * Maps runs of instructions to source positions. The table is a byte string
 * of entries; each entry describes `count` (>= 1) consecutive instructions
 * that share one location. Entries follow each other with no gaps: entry k
 * covers the instructions right after those of entry k-1 (the first entry
 * starts at instruction 0).
 *
 * Byte format of one entry (varint = unsigned LEB128: 7 bits per byte, low
 * group first, high bit set on every byte but the last; svarint = a varint
 * of the zigzag code (n << 1) ^ (n >> 31), so small negatives stay short):
 *
 *     varint  head = count << 1 | noloc
 *   and, only when noloc == 0:
 *     svarint line - previous line   (previous line starts at firstlineno
 *                                      and only changes on located entries)
 *     varint  end_line - line
 *     varint  col + 1                 (0 = column unknown)
 *     varint  end_col + 1             (0 = unknown)
 *
 * An entry with noloc == 1 covers instructions that have no location
 * (their line is -1). Columns are 0-based UTF-8 byte offsets, as in the AST.
 * The functions here work on raw bytes and need no interpreter state.
 */
#ifndef PITH_LINETABLE_H
#define PITH_LINETABLE_H

#include <stddef.h>
#include <stdint.h>

/* A source span; line < 0 means "no location". col/end_col < 0: unknown. */
typedef struct PithLocation {
    int line, end_line, col, end_col;
} PithLocation;

#define PITH_NO_LOCATION ((PithLocation){-1, -1, -1, -1})

/* ---- writer ------------------------------------------------------------ */
typedef struct PithLineTableWriter {
    uint8_t *buf;
    size_t len, cap;
    int prev_line;     /* line of the last located entry */
    int failed;        /* an allocation failed: the table is unusable */
    /* the pending (not yet written) run */
    int run_count;
    PithLocation run_loc;
} PithLineTableWriter;

void pith_lt_writer_init(PithLineTableWriter *w, int firstlineno);
/* Append `count` instructions located at *loc (NULL or loc->line < 0 = no
 * location). Consecutive calls with equal locations merge into one run.
 * Returns 0, or -1 on allocation failure. */
int pith_lt_writer_add(PithLineTableWriter *w, int count, const PithLocation *loc);
/* Flush the pending run; *out and *len receive the buffer (owned by the writer
 * until pith_lt_writer_free). Returns 0 or -1. */
int pith_lt_writer_finish(PithLineTableWriter *w, const uint8_t **out, size_t *len);
void pith_lt_writer_free(PithLineTableWriter *w);

/* ---- reader ------------------------------------------------------------ */
typedef struct PithLineTableIter {
    const uint8_t *p, *end;
    int prev_line;
    int start, stop;  /* current entry covers instructions [start, stop) */
    PithLocation loc; /* its location (line -1 when none) */
} PithLineTableIter;

void pith_lt_iter_init(PithLineTableIter *it, const uint8_t *table, size_t len,
                       int firstlineno);
/* Advance to the next entry: 1 = an entry is in it->start/stop/loc, 0 = end
 * of the table, -1 = malformed table. */
int pith_lt_iter_next(PithLineTableIter *it);
/* Location of instruction `instr`: 0 and *out filled when the table covers
 * it and it has a location, -1 otherwise (*out = no location). */
int pith_lt_lookup(const uint8_t *table, size_t len, int firstlineno, int instr,
                   PithLocation *out);

#endif
