/* config.c — the table of builtin (C) modules that `import` can find
 * without searching sys.path. Add new native modules here. */
#include "pith/pith.h"
#include "pith/weakref.h"
#include "pith/marshal.h"

PithObject *pith_dis_module_init(void);       /* modules/dis.c */
PithObject *pith_traceback_module_init(void); /* modules/traceback.c */

const PithBuiltinModule pith_builtin_modules[] = {
    {"builtins", pith_builtins_module_init},
    {"sys", pith_sys_module_init},
    {"gc", pith_gc_module_init},
    {"_weakref", pith_weakref_module_init},
    {"marshal", pith_marshal_module_init},
    {"dis", pith_dis_module_init},
    {"traceback", pith_traceback_module_init},
    {NULL, NULL},
};
