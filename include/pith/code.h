/* code.h — code objects (compiler/code.c). Owned by the compiler/VM.
 *
 * Instructions are 32-bit units: opcode in the low 8 bits, argument in the
 * high 24 bits (see opcode.h). The line table maps instruction ranges to
 * source positions (see linetable.h). */
#ifndef PITH_CODE_H
#define PITH_CODE_H

#include "object.h"

typedef struct PithCode {
    PithObject ob;
    uint32_t *instrs;
    intptr_t ninstrs;
    int argcount, posonlyargcount, kwonlyargcount;
    int nlocals;   /* len(co_varnames) */
    int stacksize;
    int flags;     /* PITH_CO_* */
    int firstlineno;
    PithObject *consts;    /* tuple */
    PithObject *names;     /* tuple of str */
    PithObject *varnames;  /* tuple of str: args first, then locals */
    PithObject *cellvars;  /* tuple of str */
    PithObject *freevars;  /* tuple of str */
    PithObject *filename;  /* str */
    PithObject *name;      /* str */
    PithObject *qualname;  /* str */
    PithObject *linetable; /* bytes, see linetable.h */
    PithObject *exceptiontable; /* bytes (may be empty) */
    void *extra;           /* VM caches etc.: allocated with pith_mem_malloc,
                              freed with pith_mem_free when the code dies */
} PithCode;

/* co_flags (CPython's values). */
#define PITH_CO_OPTIMIZED 0x0001
#define PITH_CO_NEWLOCALS 0x0002
#define PITH_CO_VARARGS 0x0004
#define PITH_CO_VARKEYWORDS 0x0008
#define PITH_CO_NESTED 0x0010
#define PITH_CO_GENERATOR 0x0020
#define PITH_CO_NOFREE 0x0040
#define PITH_CO_COROUTINE 0x0080
#define PITH_CO_ITERABLE_COROUTINE 0x0100
#define PITH_CO_ASYNC_GENERATOR 0x0200

extern PithType pith_code_type;
#define pith_code_check(o) (PITH_TYPE(o) == &pith_code_type)

/* What the compiler hands to pith_code_new. Objects are borrowed (the code
 * object takes its own references); instrs is copied. */
typedef struct PithCodeSpec {
    const uint32_t *instrs;
    intptr_t ninstrs;
    int argcount, posonlyargcount, kwonlyargcount, stacksize, flags, firstlineno;
    PithObject *consts, *names, *varnames, *cellvars, *freevars; /* tuples */
    PithObject *filename, *name, *qualname;                      /* str */
    PithObject *linetable;                                       /* bytes */
} PithCodeSpec;

/* A new code object (nlocals = len(varnames)), or NULL + MemoryError. */
PithCode *pith_code_new(const PithCodeSpec *spec);

/* Source line of the instruction at index `instr` (-1 if none). */
int pith_code_addr2line(PithCode *co, int instr);
/* Full position (any out pointer may be NULL); returns 0 if known, -1 if not. */
int pith_code_addr2location(PithCode *co, int instr, int *line, int *end_line,
                            int *col, int *end_col);

#endif
