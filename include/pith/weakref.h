/* weakref.h — weak references (objects/weakref.c). */
#ifndef PITH_WEAKREF_H
#define PITH_WEAKREF_H

#include "object.h"

extern PithType pith_weakref_type, pith_weakproxy_type, pith_weakcallableproxy_type;

/* Number of objects that currently have weak references: deallocation
 * calls pith_weakref_clear only while it is non-zero. */
extern intptr_t pith_weakref_targets;

/* o is dying: clear every weak reference to it, then call their callbacks
 * (newest first). skip, if given, names references whose callback must not
 * run (the collector passes "is itself garbage"). */
void pith_weakref_clear(PithObject *o);
void pith_weakref_clear_ex(PithObject *o, bool (*skip)(PithObject *wr));
/* A plain weak reference to o (new reference; NULL with TypeError if o
 * cannot be weakly referenced). */
PithObject *pith_weakref_new(PithObject *o);
/* The referent of a weakref (borrowed), NULL once it died. */
PithObject *pith_weakref_referent(PithObject *wr);
/* The first weak reference to o (borrowed; what `o.__weakref__` shows), or NULL. */
PithObject *pith_weakref_first(PithObject *o);
int pith_weakref_init(void);
PithObject *pith_weakref_module_init(void);

#endif
