/* config.c — the table of builtin (C) modules that `import` can find
 * without searching sys.path. Add new native modules here. */
#include "pith/pith.h"
#include "pith/weakref.h"
#include "pith/marshal.h"
#include "pith/import.h"
#include "pith/codecsmod.h"

PithObject *pith_io_module_init(void);         /* modules/io_base.c */

PithObject *pith_dis_module_init(void);       /* modules/dis.c */
PithObject *pith_traceback_module_init(void); /* modules/traceback.c */
PithObject *pith_itertools_module_init(void);  /* modules/itertools.c */
PithObject *pith_thread_module_init(void);     /* modules/thread.c */
PithObject *pith_collections_module_init(void); /* modules/collections.c */
PithObject *pith_string_module_init(void);      /* modules/string.c */
PithObject *pith_atexit_module_init(void);      /* modules/atexit.c */
PithObject *pith_posix_module_init(void);     /* modules/posix.c */
PithObject *pith_math_module_init(void);      /* modules/math.c */
PithObject *pith_time_module_init(void);      /* modules/time.c */
PithObject *pith_errno_module_init(void);     /* modules/errno.c */
PithObject *pith_sre_module_init(void);       /* modules/sre_module.c */
PithObject *pith_signal_module_init(void);    /* modules/signal.c */
PithObject *pith_random_module_init(void);    /* modules/randommod.c */
PithObject *pith_sha512_module_init(void);    /* modules/sha512.c */

const PithBuiltinModule pith_builtin_modules[] = {
    {"builtins", pith_builtins_module_init},
    {"sys", pith_sys_module_init},
    {"gc", pith_gc_module_init},
    {"_weakref", pith_weakref_module_init},
    {"marshal", pith_marshal_module_init},
    {"_pith_import", pith_imp_module_init},
    {"dis", pith_dis_module_init},
    {"traceback", pith_traceback_module_init},
    {"posix", pith_posix_module_init},
    {"math", pith_math_module_init},
    {"time", pith_time_module_init},
    {"errno", pith_errno_module_init},
    {"_signal", pith_signal_module_init},
    {"_random", pith_random_module_init},
    {"_sha512", pith_sha512_module_init},
    {"_sre", pith_sre_module_init},
    {"itertools", pith_itertools_module_init},
    {"_thread", pith_thread_module_init},
    {"_collections", pith_collections_module_init},
    {"_string", pith_string_module_init},
    {"atexit", pith_atexit_module_init},
    {"_codecs", pith_codecs_module_init},
    {"_io", pith_io_module_init},
    {NULL, NULL},
};
