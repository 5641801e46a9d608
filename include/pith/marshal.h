/* marshal.h — pith's object serialisation (src/import/marshal.c), used by
 * the `marshal` module and the .pyc cache (src/import/pyc.c).
 *
 * Format: CPython's marshal version 4 for the plain value types (a type-tag
 * byte, optionally or-ed with PITH_MARSHAL_FLAG_REF, then a little-endian
 * payload; 'r' + index refers back to the index-th flagged object), so
 * marshal.dumps of ints, strs, tuples, ... gives CPython's bytes. Code
 * objects ('c') use pith's own layout (PithCode fields, see marshal.c);
 * change PITH_PYC_MAGIC (import.h) whenever that layout or the bytecode
 * changes. */
#ifndef PITH_MARSHAL_H
#define PITH_MARSHAL_H

#include <stddef.h>
#include "object.h"

#define PITH_MARSHAL_VERSION 4
#define PITH_MARSHAL_FLAG_REF 0x80

/* obj serialised as a new bytes object; ValueError("unmarshallable
 * object") for unsupported types. version 0..4 (refs only from 3). */
PithObject *pith_marshal_dumps(PithObject *obj, int version);
/* One object from data[0..len); *used (may be NULL) receives the bytes
 * consumed. Bad data raises ValueError/EOFError/TypeError, never crashes. */
PithObject *pith_marshal_loads(const char *data, size_t len, size_t *used);
/* The native `marshal` module. */
PithObject *pith_marshal_module_init(void);

#endif
