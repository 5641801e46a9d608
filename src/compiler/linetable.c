/* linetable.c — encoder and decoder of the line table format described in
 * include/pith/linetable.h (runs of instructions -> source spans). Pure
 * byte manipulation: usable without an initialised interpreter. */
#include <string.h>

#include "pith/linetable.h"
#include "pith/mem.h"

/* ---- writer ------------------------------------------------------------ */

void pith_lt_writer_init(PithLineTableWriter *w, int firstlineno) {
    memset(w, 0, sizeof *w);
    w->prev_line = firstlineno;
    w->run_loc = PITH_NO_LOCATION;
}

static int put_byte(PithLineTableWriter *w, uint8_t b) {
    if (w->len == w->cap) {
        size_t ncap = w->cap ? w->cap * 2 : 64;
        uint8_t *nb = pith_mem_realloc(w->buf, ncap);
        if (!nb) {
            w->failed = 1;
            return -1;
        }
        w->buf = nb;
        w->cap = ncap;
    }
    w->buf[w->len++] = b;
    return 0;
}

static int put_varint(PithLineTableWriter *w, uint32_t v) {
    while (v >= 0x80) {
        if (put_byte(w, (uint8_t)(v & 0x7F) | 0x80) < 0) return -1;
        v >>= 7;
    }
    return put_byte(w, (uint8_t)v);
}

static int put_svarint(PithLineTableWriter *w, int32_t v) {
    uint32_t z = ((uint32_t)v << 1) ^ (uint32_t)(v >> 31);
    return put_varint(w, z);
}

static int loc_equal(const PithLocation *a, const PithLocation *b) {
    if (a->line < 0 && b->line < 0) return 1;
    return a->line == b->line && a->end_line == b->end_line &&
           a->col == b->col && a->end_col == b->end_col;
}

/* Write the pending run (if any) as one entry. */
static int flush_run(PithLineTableWriter *w) {
    if (w->run_count == 0) return 0;
    const PithLocation *l = &w->run_loc;
    int noloc = l->line < 0;
    int r = put_varint(w, ((uint32_t)w->run_count << 1) | (uint32_t)noloc);
    if (!noloc) {
        int end_line = l->end_line < l->line ? l->line : l->end_line;
        r |= put_svarint(w, l->line - w->prev_line);
        r |= put_varint(w, (uint32_t)(end_line - l->line));
        r |= put_varint(w, l->col < 0 ? 0 : (uint32_t)l->col + 1);
        r |= put_varint(w, l->end_col < 0 ? 0 : (uint32_t)l->end_col + 1);
        w->prev_line = l->line;
    }
    w->run_count = 0;
    return r ? -1 : 0;
}

int pith_lt_writer_add(PithLineTableWriter *w, int count, const PithLocation *loc) {
    PithLocation none = PITH_NO_LOCATION;
    if (!loc) loc = &none;
    if (count <= 0) return 0;
    if (w->run_count > 0 && !loc_equal(&w->run_loc, loc)) {
        if (flush_run(w) < 0) return -1;
    }
    w->run_loc = *loc;
    w->run_count += count;
    return w->failed ? -1 : 0;
}

int pith_lt_writer_finish(PithLineTableWriter *w, const uint8_t **out, size_t *len) {
    if (flush_run(w) < 0 || w->failed) return -1;
    *out = w->buf ? w->buf : (const uint8_t *)"";
    *len = w->len;
    return 0;
}

void pith_lt_writer_free(PithLineTableWriter *w) {
    pith_mem_free(w->buf);
    w->buf = NULL;
    w->len = w->cap = 0;
}

/* ---- reader ------------------------------------------------------------ */

void pith_lt_iter_init(PithLineTableIter *it, const uint8_t *table, size_t len,
                       int firstlineno) {
    it->p = table;
    it->end = table + len;
    it->prev_line = firstlineno;
    it->start = it->stop = 0;
    it->loc = PITH_NO_LOCATION;
}

/* Read a varint; -1 on truncation or overflow. */
static int get_varint(PithLineTableIter *it, uint32_t *out) {
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
        if (it->p >= it->end) return -1;
        uint8_t b = *it->p++;
        v |= (uint32_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) {
            *out = v;
            return 0;
        }
    }
    return -1;
}

int pith_lt_iter_next(PithLineTableIter *it) {
    uint32_t head, zl, dl, c, ec;
    if (it->p >= it->end) return 0;
    if (get_varint(it, &head) < 0 || (head >> 1) == 0) return -1;
    it->start = it->stop;
    it->stop = it->start + (int)(head >> 1);
    if (head & 1) {
        it->loc = PITH_NO_LOCATION;
        return 1;
    }
    if (get_varint(it, &zl) < 0 || get_varint(it, &dl) < 0 ||
        get_varint(it, &c) < 0 || get_varint(it, &ec) < 0)
        return -1;
    int32_t delta = (int32_t)(zl >> 1) ^ -(int32_t)(zl & 1);
    it->loc.line = it->prev_line + delta;
    it->loc.end_line = it->loc.line + (int)dl;
    it->loc.col = (int)c - 1;
    it->loc.end_col = (int)ec - 1;
    it->prev_line = it->loc.line;
    return 1;
}

int pith_lt_lookup(const uint8_t *table, size_t len, int firstlineno, int instr,
                   PithLocation *out) {
    PithLineTableIter it;
    pith_lt_iter_init(&it, table, len, firstlineno);
    *out = PITH_NO_LOCATION;
    if (instr < 0) return -1;
    while (pith_lt_iter_next(&it) == 1) {
        if (instr < it.stop) {
            *out = it.loc;
            return it.loc.line < 0 ? -1 : 0;
        }
    }
    return -1;
}
