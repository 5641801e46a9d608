/* float.h — float and complex (objects/float.c, objects/complex.c,
 * objects/dtoa.c for shortest round-trip repr and correctly rounded parsing). */
#ifndef PITH_FLOAT_H
#define PITH_FLOAT_H

#include "object.h"

typedef struct PithFloat {
    PithObject ob;
    double value;
} PithFloat;

typedef struct PithComplex {
    PithObject ob;
    double real, imag;
} PithComplex;

extern PithType pith_float_type, pith_complex_type;
#define pith_float_check(o) pith_type_ok(o, &pith_float_type)
#define pith_float_check_exact(o) (PITH_TYPE(o) == &pith_float_type)
#define pith_complex_check(o) pith_type_ok(o, &pith_complex_type)
#define PITH_FLOAT_VALUE(o) (((PithFloat *)(o))->value)

PithObject *pith_float_from_double(double v); /* uses the float free list (L3) */
/* float(obj): via __float__/__index__; -1.0 with exception on failure. */
double pith_float_as_double(PithObject *o);
/* Parse a float literal/float(str) (underscores allowed when `literal`);
 * ValueError "could not convert string to float: %R" on bad input. */
PithObject *pith_float_from_string(const char *s, size_t len, bool literal);
/* Correctly rounded decimal -> double; *end set past the parsed text. */
double pith_strtod(const char *s, const char **end);
/* repr(float): shortest round-trip string, CPython's formatting rules
 * (1e+16, 1e-05, inf, nan, -0.0). Writes into buf (>= 32 bytes). */
void pith_float_repr_buf(double v, char *buf, size_t bufsize);
/* Format as with format spec type 'e','f','g','r'(repr), precision prec,
 * flags: 1 = alternate '#', 2 = add '.0' when integral (for repr-style). */
PithObject *pith_float_format(double v, char type, int prec, int flags);
intptr_t pith_float_hash_double(double v);

PithObject *pith_complex_from_doubles(double real, double imag);

#endif
