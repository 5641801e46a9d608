/* bytes.h — bytes and bytearray (objects/bytes.c). */
#ifndef PITH_BYTES_H
#define PITH_BYTES_H

#include "object.h"

typedef struct PithBytes {
    PithVarObject ob; /* size = number of bytes */
    intptr_t hash;
    char data[]; /* size bytes + NUL; 8-aligned */
} PithBytes;

extern PithType pith_bytes_type, pith_bytearray_type;
#define pith_bytes_check(o) PITH_TYPE_CHECK_FLAG(o, PITH_TPFLAGS_BYTES_SUBCLASS)
#define PITH_BYTES_DATA(o) (((PithBytes *)(o))->data)
#define PITH_BYTES_SIZE(o) PITH_SIZE(o)

PithObject *pith_bytes_from(const void *data, intptr_t len); /* data NULL = zeroed */
PithObject *pith_bytes_repr(PithObject *b); /* b'...' */

/* bytearray: mutable; data has alloc >= size + 1 bytes, NUL-terminated. */
typedef struct PithByteArray {
    PithVarObject ob; /* size = number of bytes */
    char *data;
    intptr_t alloc;
} PithByteArray;
#define pith_bytearray_check(o) pith_type_ok(o, &pith_bytearray_type)
PithObject *pith_bytearray_from(const void *data, intptr_t len);
/* The bytes of a bytes or bytearray object (borrowed pointer, valid while
 * the object lives unchanged); false if o is neither. */
bool pith_bytes_view(PithObject *o, const char **data, intptr_t *len);
/* Concatenate src onto *pv (a bytes object, replaced by the result). */
int pith_bytes_concat_inplace(PithObject **pv, PithObject *src);
extern PithType pith_bytes_iter_type, pith_bytearray_iter_type;

#endif
