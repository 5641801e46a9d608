/* unicode_db.c — Unicode character properties and case mappings for str.
 *
 * The data is the generated two-level table in unicode_tables.h (see
 * tools/gen_unicode.py: Unicode 14.0 as CPython 3.11 ships it). Every query
 * is O(1): two array lookups give a record with flags, digit values and the
 * four full case mappings (lower, upper, title, casefold).
 */
#include "pith/pith.h"

#include "unicode_tables.h"

#define UCD_MAXCP 0x10FFFFu

/* Record for cp; code points beyond the range read as record 0
 * (unassigned: no properties, identity mappings). */
static const PithUcdRecord *rec(uint32_t cp) {
    if (cp > UCD_MAXCP) return &ucd_records[0];
    uint32_t block = ucd_index1[cp >> PITH_UCD_SHIFT];
    uint32_t i = (block << PITH_UCD_SHIFT) | (cp & ((1u << PITH_UCD_SHIFT) - 1));
    return &ucd_records[ucd_index2[i]];
}

uint32_t pith_ucd_flags(uint32_t cp) { return rec(cp)->flags; }

bool pith_unicode_isspace(uint32_t cp) {
    if (cp < 128)
        return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
    return (rec(cp)->flags & PITH_UCD_SPACE) != 0;
}
bool pith_unicode_isidentifier_start(uint32_t cp) {
    return cp == '_' || (rec(cp)->flags & PITH_UCD_XID_START) != 0;
}
bool pith_unicode_isidentifier_continue(uint32_t cp) {
    return (rec(cp)->flags & PITH_UCD_XID_CONTINUE) != 0;
}

#define UCD_PRED(name, mask)                                                   \
    bool pith_unicode_##name(uint32_t cp) { return (rec(cp)->flags & (mask)) != 0; }
UCD_PRED(isalpha, PITH_UCD_ALPHA)
UCD_PRED(isdecimal, PITH_UCD_DECIMAL)
UCD_PRED(isdigit, PITH_UCD_DIGIT)
UCD_PRED(isnumeric, PITH_UCD_NUMERIC)
UCD_PRED(isprintable, PITH_UCD_PRINTABLE)
UCD_PRED(islower, PITH_UCD_LOWER)
UCD_PRED(isupper, PITH_UCD_UPPER)
UCD_PRED(istitle, PITH_UCD_TITLE)
UCD_PRED(iscased, PITH_UCD_CASED)
UCD_PRED(iscaseignorable, PITH_UCD_CASE_IGNORABLE)
UCD_PRED(isalnum, PITH_UCD_ALPHA | PITH_UCD_DECIMAL | PITH_UCD_DIGIT | PITH_UCD_NUMERIC)
#undef UCD_PRED

int pith_unicode_decimal(uint32_t cp) { return rec(cp)->decimal; }
int pith_unicode_digit(uint32_t cp) { return rec(cp)->digit; }

/* Expand one mapping field: a delta, or (ext set) an offset into ucd_ext_case.
 * Writes at most 3 code points into out; returns the count. */
static int expand(uint32_t cp, int32_t field, bool ext, uint32_t *out) {
    if (!ext) {
        out[0] = (uint32_t)((int32_t)cp + field);
        return 1;
    }
    const uint32_t *e = &ucd_ext_case[field];
    int n = (int)e[0];
    for (int i = 0; i < n; i++) out[i] = e[1 + i];
    return n;
}

int pith_unicode_tolower_full(uint32_t cp, uint32_t *out) {
    const PithUcdRecord *r = rec(cp);
    return expand(cp, r->lower, r->flags & PITH_UCD_EXT_LOWER, out);
}
int pith_unicode_toupper_full(uint32_t cp, uint32_t *out) {
    const PithUcdRecord *r = rec(cp);
    return expand(cp, r->upper, r->flags & PITH_UCD_EXT_UPPER, out);
}
int pith_unicode_totitle_full(uint32_t cp, uint32_t *out) {
    const PithUcdRecord *r = rec(cp);
    return expand(cp, r->title, r->flags & PITH_UCD_EXT_TITLE, out);
}
int pith_unicode_tofold_full(uint32_t cp, uint32_t *out) {
    const PithUcdRecord *r = rec(cp);
    return expand(cp, r->fold, r->flags & PITH_UCD_EXT_FOLD, out);
}
