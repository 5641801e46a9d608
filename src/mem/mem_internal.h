/* mem_internal.h — private interface between the memory-layer files.
 * The pool allocator (obmalloc.c) is the default table of the OBJ domain
 * (raw.c); tests may call the pool entry points directly. */
#ifndef PITH_MEM_INTERNAL_H
#define PITH_MEM_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

void *pith_pool_malloc(void *ctx, size_t size);
void *pith_pool_realloc(void *ctx, void *p, size_t size);
void pith_pool_free(void *ctx, void *p);

struct PithType;
struct PithObject;
/* Byte size of a var object of type t with n items; 0 on overflow. */
size_t pith_var_size(struct PithType *t, intptr_t n);
/* Set refcnt = 1 and the type (increfs heap types) of fresh memory. */
struct PithObject *pith_init_object_header(void *mem, struct PithType *t);

#endif
