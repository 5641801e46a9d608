/* eval.h — the virtual machine entry points (src/vm/). */
#ifndef PITH_EVAL_H
#define PITH_EVAL_H

#include "code.h"

/* Run a module-level code object with the given namespaces (locals may be
 * NULL = globals). Ensures globals has __builtins__. */
PithObject *pith_eval_code(PithCode *co, PithObject *globals, PithObject *locals);
PithObject *pith_eval_get_builtins(void); /* borrowed builtins dict of current frame */
PithObject *pith_eval_get_globals(void);  /* borrowed, NULL at top level */
PithObject *pith_eval_get_locals(void);   /* new ref: dict of current frame's locals */
PithObject *pith_eval_get_frame(int depth); /* new ref frame object (sys._getframe) */

/* builtins.__build_class__(func, name, *bases, **kwds) (vm/buildclass.c);
 * the builtins module lists it in its method table. */
PithObject *pith_builtin_build_class(PithObject *self, PithObject *const *args,
                                     size_t nargs, PithObject *kwnames);

#endif
