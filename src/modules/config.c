/* config.c — the table of builtin (C) modules that `import` can find
 * without searching sys.path. Add new native modules here. */
#include "pith/pith.h"
#include "pith/marshal.h"

const PithBuiltinModule pith_builtin_modules[] = {
    {"builtins", pith_builtins_module_init},
    {"sys", pith_sys_module_init},
    {"gc", pith_gc_module_init},
    {"marshal", pith_marshal_module_init},
    {NULL, NULL},
};
