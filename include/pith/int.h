/* int.h — arbitrary-precision int and bool (objects/int.c, objects/bool.c).
 *
 * Representation invariant: a value that fits in int64_t is always stored
 * "small" (ndigits == 0, value in `small`); otherwise ndigits != 0,
 * |ndigits| base-2^32 digits of magnitude (little-endian, top digit nonzero)
 * and the sign is the sign of ndigits. So equal values have one form.
 * Ints -5..256 are immortal cached objects (L3 small-int cache).
 */
#ifndef PITH_INT_H
#define PITH_INT_H

#include "object.h"

typedef struct PithInt {
    PithObject ob;
    intptr_t ndigits;
    int64_t small;
    uint32_t digits[];
} PithInt;

extern PithType pith_int_type, pith_bool_type;
extern PithInt pith_true_struct, pith_false_struct;
#define PITH_TRUE ((PithObject *)&pith_true_struct)
#define PITH_FALSE ((PithObject *)&pith_false_struct)
#define PITH_RETURN_TRUE return PITH_TRUE
#define PITH_RETURN_FALSE return PITH_FALSE
static inline PithObject *pith_bool_from(long v) { return v ? PITH_TRUE : PITH_FALSE; }

#define pith_int_check(o) PITH_TYPE_CHECK_FLAG(o, PITH_TPFLAGS_LONG_SUBCLASS)
#define pith_int_check_exact(o) (PITH_TYPE(o) == &pith_int_type)
#define pith_bool_check(o) (PITH_TYPE(o) == &pith_bool_type)
/* Fast-path helpers for the VM: small form only. */
static inline bool pith_int_is_small(PithObject *o) { return ((PithInt *)o)->ndigits == 0; }
static inline int64_t pith_int_small_value(PithObject *o) { return ((PithInt *)o)->small; }

PithObject *pith_int_from_i64(int64_t v);   /* cached for -5..256 */
PithObject *pith_int_from_u64(uint64_t v);
PithObject *pith_int_from_ssize(intptr_t v);
PithObject *pith_int_from_size(size_t v);
PithObject *pith_int_from_double(double d); /* truncates; OverflowError/ValueError for inf/nan */
/* Parse an int literal or int(s, base): accepts sign, whitespace, '_'
 * between digits, 0x/0o/0b prefixes (base 0 or matching base). On bad input
 * raises ValueError "invalid literal for int() with base %d: %R". */
PithObject *pith_int_from_string(const char *s, size_t len, int base);
/* Conversion; -1 with OverflowError when out of range (check pith_err_occurred). */
int64_t pith_int_as_i64(PithObject *o);
intptr_t pith_int_as_ssize(PithObject *o);
int64_t pith_int_as_i64_overflow(PithObject *o, int *overflow); /* no exception */
double pith_int_as_double(PithObject *o);   /* OverflowError "int too large to convert to float" */
int pith_int_sign(PithObject *o);           /* -1, 0, 1 */
int pith_int_compare(PithObject *a, PithObject *b); /* -1, 0, 1 */
/* str(int) in base 2/8/10/16 with optional prefix ("0x"...): new str. */
PithObject *pith_int_format(PithObject *o, int base, bool alternate);
intptr_t pith_int_hash(PithObject *o);
/* sys.set_int_max_str_digits(): limit on decimal digits converted by
 * str(int)/int(str) (0 = unlimited). Default 4300, minimum nonzero 640. */
extern intptr_t pith_int_max_str_digits;
#define PITH_INT_DEFAULT_MAX_STR_DIGITS 4300
#define PITH_INT_MAX_STR_DIGITS_THRESHOLD 640
size_t pith_int_bit_length(PithObject *o);

/* Arithmetic on int operands (used by the VM fast paths and by float). */
PithObject *pith_int_add(PithObject *a, PithObject *b);
PithObject *pith_int_sub(PithObject *a, PithObject *b);
PithObject *pith_int_mul(PithObject *a, PithObject *b);
PithObject *pith_int_floordiv(PithObject *a, PithObject *b);
PithObject *pith_int_mod(PithObject *a, PithObject *b);

#endif
