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

#endif
