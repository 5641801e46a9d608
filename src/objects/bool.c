/* bool.c — the bool type: a non-subclassable subclass of int whose only
 * instances are the immortal singletons True and False (PithInt statics in
 * small form, value 1 and 0). & | ^ of two bools give a bool; everything
 * else is inherited from int.
 */
#include "numbers_impl.h"

PithInt pith_true_struct = {PITH_HEAD_INIT(&pith_bool_type), 0, 1};
PithInt pith_false_struct = {PITH_HEAD_INIT(&pith_bool_type), 0, 0};

static PithObject *bool_repr(PithObject *o) {
    return pith_str_intern_cstr(o == PITH_TRUE ? "True" : "False");
}

static PithObject *bool_new(PithType *type, PithObject *const *args, size_t nargs,
                            PithObject *kwnames) {
    if (pith_arg_no_kwargs("bool", kwnames) < 0) return NULL;
    if (pith_arg_check_range("bool", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return PITH_FALSE;
    int t = pith_is_true(args[0]);
    if (t < 0) return NULL;
    return pith_bool_from(t);
}

/* Both bools: a bool result; otherwise int's slot decides. */
#define BOOL_BINOP(name, op, intfn)                                            \
    static PithObject *name(PithObject *a, PithObject *b) {                    \
        if (pith_bool_check(a) && pith_bool_check(b))                          \
            return pith_bool_from((a == PITH_TRUE) op (b == PITH_TRUE));       \
        return pith_int_as_number.intfn(a, b);                                 \
    }
BOOL_BINOP(bool_and, &, nb_and)
BOOL_BINOP(bool_or, |, nb_or)
BOOL_BINOP(bool_xor, ^, nb_xor)

static PithNumberMethods bool_as_number = {
    .nb_and = bool_and,
    .nb_or = bool_or,
    .nb_xor = bool_xor,
};

static void bool_dealloc(PithObject *o) {
    (void)o; /* True and False are immortal: never reached */
}

PithType pith_bool_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "bool",
    .tp_basicsize = sizeof(PithInt),
    .tp_itemsize = sizeof(uint32_t),
    .tp_flags = PITH_TPFLAGS_LONG_SUBCLASS | PITH_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "bool(x) -> bool",
    .tp_dealloc = bool_dealloc,
    .tp_repr = bool_repr,
    .tp_new = bool_new,
    .tp_as_number = &bool_as_number,
    .tp_base = &pith_int_type,
};
