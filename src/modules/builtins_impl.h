/* builtins_impl.h — private: the builtin functions, split by concern over
 * builtins.c (object/number helpers), builtins_iter.c (iteration and
 * aggregation) and builtins_code.c (compile/exec/namespaces/import/io).
 * Every function has the pith_cfunc shape. */
#ifndef PITH_BUILTINS_IMPL_H
#define PITH_BUILTINS_IMPL_H

#include "pith/pith.h"

#define BUILTIN(name)                                                          \
    PithObject *name(PithObject *self, PithObject *const *args, size_t nargs,  \
                     PithObject *kwnames)

/* builtins_iter.c */
BUILTIN(pith_bi_all);
BUILTIN(pith_bi_any);
BUILTIN(pith_bi_iter);
BUILTIN(pith_bi_aiter);
BUILTIN(pith_bi_anext);
BUILTIN(pith_bi_breakpoint);
BUILTIN(pith_bi_next);
BUILTIN(pith_bi_max);
BUILTIN(pith_bi_min);
BUILTIN(pith_bi_sum);
BUILTIN(pith_bi_sorted);

/* builtins_code.c */
BUILTIN(pith_bi_compile);
BUILTIN(pith_bi_eval);
BUILTIN(pith_bi_exec);
BUILTIN(pith_bi_globals);
BUILTIN(pith_bi_locals);
BUILTIN(pith_bi_dir);
BUILTIN(pith_bi_vars);
BUILTIN(pith_bi_import);
BUILTIN(pith_bi_input);
BUILTIN(pith_bi_print);

/* builtins_site.c: exit, quit, copyright, credits, license, help. */
int pith_builtins_site_init(PithObject *builtins);

#endif
