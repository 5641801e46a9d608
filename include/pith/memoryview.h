/* memoryview.h — the minimal buffer protocol and the memoryview type
 * (objects/memoryview.c). Buffers are one-dimensional runs of unsigned
 * bytes (format 'B'); exporters are bytes, bytearray and memoryview. */
#ifndef PITH_MEMORYVIEW_H
#define PITH_MEMORYVIEW_H

#include "object.h"

/* A borrowed, contiguous window on an exporter's bytes. `obj` holds a
 * reference to the exporter until pith_buffer_release(). The pointer is
 * valid only while the exporter is not resized. */
typedef struct PithBuffer {
    PithObject *obj;
    char *buf;
    intptr_t len;
    bool readonly;
} PithBuffer;

/* Does o export a buffer (bytes, bytearray, memoryview)? */
bool pith_buffer_check(PithObject *o);
/* Fill view from o: 0, or -1 with TypeError ("a bytes-like object is
 * required, not 'X'") / BufferError (not writable, not contiguous) /
 * ValueError (released memoryview). */
int pith_buffer_get(PithObject *o, PithBuffer *view, bool writable);
void pith_buffer_release(PithBuffer *view);

extern PithType pith_memoryview_type;
#define pith_memoryview_check(o) (PITH_TYPE(o) == &pith_memoryview_type)
/* memoryview(o) (new ref). */
PithObject *pith_memoryview_new(PithObject *o);
/* A new bytes object with the contents of any buffer exporter (strided
 * memoryviews included): what bytes(o) gives. */
PithObject *pith_buffer_to_bytes(PithObject *o);

#endif
