/* module.h — module objects (runtime/module.c). */
#ifndef PITH_MODULE_H
#define PITH_MODULE_H

#include "object.h"

typedef struct PithModule {
    PithObject ob;
    PithObject *dict; /* __dict__ (has __name__, __doc__, ...) */
    PithObject *name; /* str */
    void *state;      /* per-module C state, or NULL */
} PithModule;

extern PithType pith_module_type;
#define pith_module_check(o) pith_type_ok(o, &pith_module_type)

PithObject *pith_module_new(const char *name);
PithObject *pith_module_get_dict(PithObject *m); /* borrowed */
/* Steals value; returns 0/-1 (on error value is still consumed). */
int pith_module_add_object(PithObject *m, const char *name, PithObject *value);
int pith_module_add_int(PithObject *m, const char *name, long v);
int pith_module_add_functions(PithObject *m, PithMethodDef *defs);
/* A builtin (C) module: name + init function creating it. */
typedef struct PithBuiltinModule {
    const char *name;
    PithObject *(*init)(void); /* returns a new module or NULL */
} PithBuiltinModule;
extern const PithBuiltinModule pith_builtin_modules[]; /* NULL-terminated (modules/config.c) */

#endif
