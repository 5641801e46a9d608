/* abstract.h — the number, sequence, mapping, iteration and call protocols
 * (runtime/abstract.c, runtime/call.c). These dispatch through type slots with
 * CPython's rules (reflected operands, subclass priority, NotImplemented). */
#ifndef PITH_ABSTRACT_H
#define PITH_ABSTRACT_H

#include "object.h"

/* BINARY_OP operand values (same numbering as CPython 3.11's NB_*). */
enum {
    PITH_NB_ADD = 0, PITH_NB_AND, PITH_NB_FLOOR_DIVIDE, PITH_NB_LSHIFT,
    PITH_NB_MATRIX_MULTIPLY, PITH_NB_MULTIPLY, PITH_NB_REMAINDER, PITH_NB_OR,
    PITH_NB_POWER, PITH_NB_RSHIFT, PITH_NB_SUBTRACT, PITH_NB_TRUE_DIVIDE,
    PITH_NB_XOR,
    PITH_NB_INPLACE_ADD, PITH_NB_INPLACE_AND, PITH_NB_INPLACE_FLOOR_DIVIDE,
    PITH_NB_INPLACE_LSHIFT, PITH_NB_INPLACE_MATRIX_MULTIPLY,
    PITH_NB_INPLACE_MULTIPLY, PITH_NB_INPLACE_REMAINDER, PITH_NB_INPLACE_OR,
    PITH_NB_INPLACE_POWER, PITH_NB_INPLACE_RSHIFT, PITH_NB_INPLACE_SUBTRACT,
    PITH_NB_INPLACE_TRUE_DIVIDE, PITH_NB_INPLACE_XOR,
    PITH_NB_COUNT
};
/* Operator text for error messages: "+", "+=", "**", ... indexed by PITH_NB_*. */
extern const char *const pith_nb_op_symbol[PITH_NB_COUNT];

PithObject *pith_number_binop(PithObject *a, PithObject *b, int nb_op);
PithObject *pith_number_add(PithObject *a, PithObject *b);
PithObject *pith_number_subtract(PithObject *a, PithObject *b);
PithObject *pith_number_multiply(PithObject *a, PithObject *b);
PithObject *pith_number_true_divide(PithObject *a, PithObject *b);
PithObject *pith_number_floor_divide(PithObject *a, PithObject *b);
PithObject *pith_number_remainder(PithObject *a, PithObject *b);
PithObject *pith_number_divmod(PithObject *a, PithObject *b);
PithObject *pith_number_power(PithObject *a, PithObject *b, PithObject *mod); /* mod None = 2-arg */
PithObject *pith_number_lshift(PithObject *a, PithObject *b);
PithObject *pith_number_rshift(PithObject *a, PithObject *b);
PithObject *pith_number_and(PithObject *a, PithObject *b);
PithObject *pith_number_or(PithObject *a, PithObject *b);
PithObject *pith_number_xor(PithObject *a, PithObject *b);
PithObject *pith_number_negative(PithObject *o);
PithObject *pith_number_positive(PithObject *o);
PithObject *pith_number_invert(PithObject *o);
PithObject *pith_number_absolute(PithObject *o);
PithObject *pith_number_index(PithObject *o); /* operator.index: exact int result */
intptr_t pith_number_as_ssize(PithObject *o, PithType *overflow_exc); /* via __index__; exc NULL = clamp */
PithObject *pith_number_long(PithObject *o);  /* int(o) */
PithObject *pith_number_float(PithObject *o); /* float(o) */
bool pith_index_check(PithObject *o);

/* Sequences / mappings. */
intptr_t pith_len(PithObject *o); /* -1 on error; TypeError "object of type 'X' has no len()" */
PithObject *pith_getitem(PithObject *o, PithObject *key);
int pith_setitem(PithObject *o, PithObject *key, PithObject *value);
int pith_delitem(PithObject *o, PithObject *key);
PithObject *pith_sequence_getitem(PithObject *o, intptr_t i);
int pith_contains(PithObject *container, PithObject *item); /* `in`: 1/0/-1 */
PithObject *pith_sequence_list(PithObject *iterable);  /* list(iterable) */
PithObject *pith_sequence_tuple(PithObject *iterable); /* tuple(iterable) */
/* Fast sequence access: returns a list or tuple (new ref) for iterable. */
PithObject *pith_sequence_fast(PithObject *iterable, const char *errmsg);
intptr_t pith_length_hint(PithObject *o, intptr_t dflt);

/* Iteration. */
PithObject *pith_get_iter(PithObject *o); /* iter(o), incl. __getitem__ fallback */
/* next(it): NULL without exception = exhausted (StopIteration swallowed). */
PithObject *pith_iter_next(PithObject *it);
bool pith_iter_check(PithObject *o);
PithObject *pith_seqiter_new(PithObject *seq);
/* `iterator` (over __getitem__) and `callable_iterator` (runtime/iter.c). */
extern PithType pith_seqiter_type, pith_calliter_type;
PithObject *pith_calliter_new(PithObject *callable, PithObject *sentinel);

/* isinstance()/issubclass() with __instancecheck__/__subclasscheck__ and
 * tuples of classes: 1, 0, or -1 with an exception (abstract.c). */
int pith_isinstance(PithObject *inst, PithObject *cls);
int pith_issubclass(PithObject *derived, PithObject *cls);

/* Calls (runtime/call.c). */
PithObject *pith_call(PithObject *callable, PithObject *const *args,
                      size_t nargs, PithObject *kwnames);
PithObject *pith_call_tuple_dict(PithObject *callable, PithObject *args_tuple,
                                 PithObject *kwargs_dict_or_NULL);
PithObject *pith_call_noargs(PithObject *callable);
PithObject *pith_call_one(PithObject *callable, PithObject *arg);
PithObject *pith_call_method(PithObject *obj, const char *name,
                             PithObject *const *args, size_t nargs);
/* Look up a special method on type(obj) (not the instance) and call it. */
PithObject *pith_call_special(PithObject *obj, PithObject *name,
                              PithObject *const *args, size_t nargs);
/* Look up special method on type(o), bound; NULL without error if absent. */
PithObject *pith_lookup_special(PithObject *o, PithObject *name);

/* Argument binding for C functions. kwlist has one name per parameter;
 * the first `posonly` are positional-only; the first `required` must be
 * given; at most `maxpos` may be passed positionally (the rest are keyword-
 * only). out[i] receives a borrowed ref or NULL when not given.
 * Error messages follow CPython's argument clinic wording using fname. */
typedef struct PithArgSpec {
    const char *fname;
    const char *const *kwlist;
    int nparams, posonly, required, maxpos;
} PithArgSpec;
int pith_arg_parse(const PithArgSpec *spec, PithObject *const *args,
                   size_t nargs, PithObject *kwnames, PithObject **out);
int pith_arg_no_kwargs(const char *fname, PithObject *kwnames);
/* "fname expected at least/most N argument(s), got M" style check. */
int pith_arg_check_range(const char *fname, size_t nargs, size_t min, size_t max);

#endif
