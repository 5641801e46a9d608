/* numbers_impl.h — private helpers shared by the number sources
 * (int.c, int_arith.c, int_format.c, bool.c, float.c, dtoa.c, complex.c).
 * Not part of the public API.
 *
 * Magnitudes are little-endian arrays of base-2^32 digits. A "view" gives
 * uniform access to both int forms: small ints are expanded into the view's
 * own two-digit buffer, so a view must not be copied (d may point into it).
 */
#ifndef PITH_NUMBERS_IMPL_H
#define PITH_NUMBERS_IMPL_H

#include "pith/pith.h"

/* Type name of a bad argument as CPython's clinic messages spell it
 * ("None" for None). */
#ifndef PITH_BADARG_NAME_DEFINED
#define PITH_BADARG_NAME_DEFINED
static inline const char *pith_badarg_name(PithObject *o) {
    return o == PITH_NONE ? "None" : pith_type_name(o);
}
#endif

typedef struct IntView {
    const uint32_t *d; /* magnitude digits; top digit nonzero when n > 0 */
    intptr_t n;        /* digit count (0 = value zero) */
    int sign;          /* -1, 0, 1 */
    uint32_t tmp[2];
} IntView;

/* ---- int.c: construction and normalisation ---------------------------- */
void pith_intv_view(PithObject *o, IntView *v);
/* A fresh int with room for n digits (ndigits set to n, digits zeroed). */
PithInt *pith_intv_alloc(intptr_t n);
/* Normalise r (strip top zeros, small form when it fits, cached small
 * ints) giving it `sign` (ignored for zero). Consumes r. */
PithObject *pith_intv_finish(PithInt *r, int sign);
/* Build an int from a magnitude copy. */
PithObject *pith_intv_from_mag(const uint32_t *d, intptr_t n, int sign);
/* An int of exact type `type` (int subclass) with the value of `v`. */
PithObject *pith_int_subtype_copy(PithType *type, PithObject *v);

/* Look up special method `name` on type(x) and call it with no args;
 * *found says whether it existed (NULL + !found + no error = absent). */
PithObject *pith_num_call_special(PithObject *x, const char *name, bool *found);

/* ASCII rendering of a non-ASCII str for int()/float() parsing: Unicode
 * decimal digits -> '0'..'9', Unicode spaces -> ' ', others -> '?'.
 * malloc'd (pith_mem_free), NULL with MemoryError. */
char *pith_num_ascii_text(PithObject *str, intptr_t *len);

/* ---- int_arith.c: magnitude primitives --------------------------------- */
int pith_mag_cmp(const uint32_t *a, intptr_t na, const uint32_t *b, intptr_t nb);
/* q = a / b, r = a % b (either may be NULL), b != 0. New ints with the
 * floor semantics of Python (signs taken from the operands). */
int pith_int_divmod_raw(PithObject *a, PithObject *b, PithObject **q, PithObject **r);
PithObject *pith_int_lshift_bits(PithObject *a, uint64_t bits);
PithObject *pith_int_rshift_bits(PithObject *a, uint64_t bits);
PithObject *pith_int_neg(PithObject *a);
PithObject *pith_int_abs(PithObject *a);
PithObject *pith_int_pow(PithObject *a, PithObject *b, PithObject *mod);
double pith_int_true_div_double(PithObject *a, PithObject *b, int *err);
extern PithNumberMethods pith_int_as_number;
PithObject *pith_int_richcompare(PithObject *a, PithObject *b, int op);
/* The bool for comparison op (PITH_LT...) given c = sign of a - b. */
PithObject *pith_num_cmp_bool(int c, int op);
PithObject *pith_int_and(PithObject *a, PithObject *b);
PithObject *pith_int_or(PithObject *a, PithObject *b);
PithObject *pith_int_xor(PithObject *a, PithObject *b);

/* ---- int_format.c ------------------------------------------------------ */
PithObject *pith_int_to_decimal(PithObject *o); /* honours the digit limit */
PithObject *pith_int_format_spec(PithObject *self, PithObject *spec);
PithObject *pith_int_repr(PithObject *o);
/* Parse int text (sign, spaces, '_', prefixes): 0 ok (*out set), 1 bad
 * syntax (no exception set), -1 other error raised (digit limit). */
int pith_int_parse(const char *s, size_t len, int base, PithObject **out);

/* Layout of a formatted number for __format__: sign, prefix ("0x"), body
 * (digits, already grouped unless zero-padded), applied to the spec's
 * width/fill/alignment. `digits`/`frac` are ASCII. Handles '=' alignment,
 * zero padding with grouping. Returns a new str. */
typedef struct NumParts {
    const char *sign;   /* "", "-", "+", " " */
    const char *prefix; /* "", "0x", ... */
    const char *intdigits; intptr_t nint; /* integer digits (ungrouped) */
    const char *rest;   /* fractional part / exponent / suffix, verbatim */
    int group;          /* 0, ',' or '_' */
    int group_size;     /* 3 or 4 */
} NumParts;
PithObject *pith_num_layout(const NumParts *p, const PithFormatSpec *spec);
/* ValueError "Unknown format code 'c' for object of type 'tname'"; NULL. */
PithObject *pith_num_unknown_code(uint32_t t, const char *tname);

/* ---- dtoa.c ------------------------------------------------------------ */
/* Decimal digits of v (finite, v >= 0): mode 'r' = shortest round-trip,
 * 'e' = prec+1 significant digits, 'f' = prec digits after the point.
 * Writes NUL-terminated digits (no leading zeros unless value is 0 → "0")
 * and the decimal point position: value = 0.DIGITS * 10^decpt. */
void pith_dtoa_digits(double v, char mode, int prec, char *buf, size_t size, int *decpt);
/* Format finite or non-finite v per Python rules into a malloc'd string
 * (pith_mem_free it). type in e E f F g G r %; flags: 1 alternate,
 * 2 add ".0" to integral results, 4 no sign for -0 ('z'). Sign is never
 * emitted: *neg says whether the value is negative. */
/* Parse [sign] decimal float text filling exactly [s, end): 0 ok, -1 bad
 * syntax, -2 no memory (nothing raised). */
int pith_dtoa_parse(const char *s, const char *end, bool underscores, bool special,
                    double *out);
char *pith_dtoa_format(double v, char type, int prec, int flags, bool *neg);

/* ---- float.c ----------------------------------------------------------- */
/* format(v, spec) for a parsed spec; tname names the type in errors. */
PithObject *pith_float_format_spec(double v, const PithFormatSpec *spec, const char *tname);
/* True when formatted text s has no nonzero digit (for the 'z' option). */
bool pith_num_all_zero_digits(const char *s);
/* Convert a number operand to double for mixed arithmetic: 1 ok, 0 = not a
 * number type (NotImplemented), -1 error. */
int pith_float_coerce(PithObject *o, double *out);
PithObject *pith_float_richcompare(PithObject *a, PithObject *b, int op);

#endif
