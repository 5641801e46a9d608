/* func.h — Python function objects and their companions (vm/func.c):
 * `function`, bound `method`, `cell`, `staticmethod`, `classmethod`.
 *
 * Invariants:
 *  - A function always has code, globals, builtins, name and qualname set;
 *    defaults is a tuple or NULL, kwdefaults a dict or NULL, closure a tuple
 *    of cells or NULL (exactly len(code->freevars) cells when set).
 *  - Calling a function runs its code in the VM (vm/eval.c); the eval loop
 *    recognises functions by exact type and calls them without C recursion.
 */
#ifndef PITH_FUNC_H
#define PITH_FUNC_H

#include "object.h"
#include "code.h"

typedef struct PithFunction {
    PithObject ob;
    PithCode *code;
    PithObject *globals;     /* dict */
    PithObject *builtins;    /* dict */
    PithObject *name;        /* str */
    PithObject *qualname;    /* str */
    PithObject *doc;         /* any, NULL = None */
    PithObject *module;      /* any, NULL = None */
    PithObject *defaults;    /* tuple or NULL */
    PithObject *kwdefaults;  /* dict or NULL */
    PithObject *closure;     /* tuple of cells or NULL */
    PithObject *annotations; /* dict or NULL */
    PithObject *dict;        /* __dict__ or NULL */
} PithFunction;

typedef struct PithMethod {
    PithObject ob;
    PithObject *func; /* __func__ */
    PithObject *self; /* __self__ */
} PithMethod;

typedef struct PithCell {
    PithObject ob;
    PithObject *ref; /* NULL = empty */
} PithCell;

/* staticmethod and classmethod objects share this layout. */
typedef struct PithStaticMethod {
    PithObject ob;
    PithObject *func;
    PithObject *dict;
} PithStaticMethod;

extern PithType pith_function_type, pith_method_type, pith_cell_type,
    pith_staticmethod_type, pith_classmethod_type;

#define pith_function_check(o) (PITH_TYPE(o) == &pith_function_type)
#define pith_method_check(o) (PITH_TYPE(o) == &pith_method_type)
#define pith_cell_check(o) (PITH_TYPE(o) == &pith_cell_type)

/* New function for code with the given globals; qualname NULL = code's. */
PithObject *pith_function_new(PithCode *code, PithObject *globals,
                              PithObject *qualname);
/* Bound method (func, self): new ref. */
PithObject *pith_method_new(PithObject *func, PithObject *self);
/* Cell holding ref (NULL = empty; not stolen). */
PithObject *pith_cell_new(PithObject *ref);
PithObject *pith_cell_get(PithObject *cell); /* borrowed or NULL */
void pith_cell_set(PithObject *cell, PithObject *v); /* not stolen */
PithObject *pith_staticmethod_new(PithObject *func);
PithObject *pith_classmethod_new(PithObject *func);

/* The vectorcall entry of functions: runs the function (vm/eval.c). */
PithObject *pith_function_call(PithObject *func, PithObject *const *args,
                               size_t nargs, PithObject *kwnames);
/* "f()" style description used in call error messages, like CPython's
 * _PyObject_FunctionStr: "module.qualname()" or "qualname()" for builtins. */
PithObject *pith_function_str(PithObject *callable);

#endif
