/* lifecycle.h — runtime start-up and shut-down (runtime/lifecycle.c).
 * pith_initialize() calls each subsystem's init in this order; each returns
 * 0 or -1 (and each readies the static types it owns with pith_type_ready). */
#ifndef PITH_LIFECYCLE_H
#define PITH_LIFECYCLE_H

int pith_core_init(void);       /* runtime/: object, type, NoneType, descriptors, module, ... */
int pith_numbers_init(void);    /* objects/: int, bool, float, complex (small-int cache) */
int pith_str_init(void);        /* objects/: str, bytes (interning, char cache) */
int pith_containers_init(void); /* objects/: list, tuple, dict, set, range, slice, iterators */
int pith_exceptions_init(void); /* objects/exceptions.c */
int pith_vm_init(void);         /* vm/, compiler/: code, function, cell, frame, traceback, generator */
int pith_builtins_init(void);   /* modules/builtins.c: creates the builtins module */
int pith_sys_init(int argc, char **argv); /* modules/sys.c (argv = script args) */

int pith_initialize(void);
void pith_finalize(void);

#endif
