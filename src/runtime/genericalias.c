/* genericalias.c — types.GenericAlias (list[int]) and types.UnionType
 * (int | None), the two objects that annotations evaluate to at run time.
 *
 * Invariant: a union's args tuple is flat (no nested unions) and free of
 * duplicates, in first-seen order. */
#include "pith/pith.h"
#include "runtime_internal.h"

typedef struct {
    PithObject ob;
    PithObject *origin; /* GenericAlias only */
    PithObject *args;   /* tuple */
} Alias;

#define ALIAS(o) ((Alias *)(o))

static PithObject *alias_alloc(PithType *t, PithObject *origin, PithObject *args) {
    Alias *a = (Alias *)pith_gc_new(t);
    if (!a) return pith_err_no_memory();
    a->origin = origin ? PITH_NEWREF(origin) : NULL;
    a->args = PITH_NEWREF(args);
    pith_gc_track(a);
    return (PithObject *)a;
}

PithObject *pith_generic_alias_new(PithObject *origin, PithObject *args) {
    PithObject *t = pith_tuple_check(args) ? PITH_NEWREF(args) : pith_tuple_pack(1, args);
    if (!t) return NULL;
    PithObject *r = alias_alloc(&pith_generic_alias_type, origin, t);
    PITH_DECREF(t);
    return r;
}

PithObject *pith_generic_alias_class_getitem(PithObject *cls, PithObject *const *args,
                                             size_t nargs, PithObject *kwnames) {
    return pith_generic_alias_new(cls, args[0]);
}

static void alias_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_XDECREF(ALIAS(o)->origin);
    PITH_XDECREF(ALIAS(o)->args);
    pith_gc_del(o);
}

static int alias_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(ALIAS(o)->origin);
    PITH_VISIT(ALIAS(o)->args);
    return 0;
}

/* Append the annotation-style repr of one item: classes by qualified
 * name, ... as "...", None as "None", others by repr(). */
static int append_item(PithStrBuilder *sb, PithObject *o) {
    if (o == PITH_ELLIPSIS) return pith_sb_append_utf8(sb, "...", 3);
    if (o == PITH_NONE || o == (PithObject *)&pith_none_type)
        return pith_sb_append_utf8(sb, "None", 4);
    if (!pith_type_check(o)) return pith_sb_append_repr(sb, o);
    PithType *t = (PithType *)o;
    PithObject *qn = pith_type_get_qualname(t), *mod = pith_getattr(o, pith_id_module());
    int r = -1;
    if (qn && mod) {
        if (pith_str_check(mod) && !pith_str_eq_cstr(mod, "builtins")) {
            r = pith_sb_append_str(sb, mod);
            if (r == 0) r = pith_sb_append_char(sb, '.');
        } else {
            r = 0;
        }
        if (r == 0) r = pith_sb_append_str(sb, qn);
    }
    PITH_XDECREF(qn);
    PITH_XDECREF(mod);
    return r;
}

static PithObject *join_repr(PithObject *head, PithObject *args, const char *sep,
                             const char *open, const char *close) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    int r = head ? append_item(&sb, head) : 0;
    if (r == 0) r = pith_sb_append_utf8(&sb, open, -1);
    for (intptr_t i = 0; r == 0 && i < PITH_SIZE(args); i++) {
        if (i) r = pith_sb_append_utf8(&sb, sep, -1);
        if (r == 0) {
            PithObject *a = PITH_TUPLE_GET(args, i);
            r = pith_tuple_check(a) && PITH_SIZE(a) == 0 ? pith_sb_append_utf8(&sb, "()", 2)
                                                         : append_item(&sb, a);
        }
    }
    if (r == 0) r = pith_sb_append_utf8(&sb, close, -1);
    if (r < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return pith_sb_finish(&sb);
}

static PithObject *ga_repr(PithObject *o) {
    return join_repr(ALIAS(o)->origin, ALIAS(o)->args, ", ", "[", "]");
}

static PithObject *ga_call(PithObject *o, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    return pith_call(ALIAS(o)->origin, args, nargs, kwnames);
}

static bool alias_attr_is_own(PithObject *name) {
    static const char *const own[] = {"__origin__", "__args__", "__parameters__",
                                      "__class__", "__mro_entries__", "__reduce__",
                                      "__or__", "__ror__", "__dict__", NULL};
    for (int i = 0; own[i]; i++)
        if (pith_str_eq_cstr(name, own[i])) return true;
    return false;
}

/* Attributes not defined by the alias come from the origin class. */
static PithObject *ga_getattro(PithObject *o, PithObject *name) {
    if (pith_str_check(name) && !alias_attr_is_own(name) &&
        !(PITH_STR_LEN(name) > 1 && pith_str_read((PithStr *)name, 0) == '_' &&
          pith_str_read((PithStr *)name, 1) == '_'))
        return pith_getattr(ALIAS(o)->origin, name);
    return pith_generic_getattr(o, name);
}

static PithObject *alias_richcompare(PithObject *a, PithObject *b, int op) {
    if ((op != PITH_EQ && op != PITH_NE) || PITH_TYPE(a) != PITH_TYPE(b)) PITH_RETURN_NOTIMPL;
    int eq = 1;
    if (ALIAS(a)->origin) eq = pith_richcompare_bool(ALIAS(a)->origin, ALIAS(b)->origin, PITH_EQ);
    if (eq > 0 && PITH_TYPE(a) == &pith_union_type) {
        /* unions compare as sets of members */
        PithObject *x = pith_frozenset_new(ALIAS(a)->args);
        PithObject *y = x ? pith_frozenset_new(ALIAS(b)->args) : NULL;
        eq = y ? pith_richcompare_bool(x, y, PITH_EQ) : -1;
        PITH_XDECREF(x);
        PITH_XDECREF(y);
    } else if (eq > 0) {
        eq = pith_richcompare_bool(ALIAS(a)->args, ALIAS(b)->args, PITH_EQ);
    }
    if (eq < 0) return NULL;
    return pith_bool_from(op == PITH_EQ ? eq : !eq);
}

static intptr_t alias_hash(PithObject *o) {
    PithObject *fs = pith_frozenset_new(ALIAS(o)->args);
    if (!fs) return -1;
    intptr_t h = pith_hash(fs);
    PITH_DECREF(fs);
    if (h == -1 || !ALIAS(o)->origin) return h;
    intptr_t h2 = pith_hash(ALIAS(o)->origin);
    if (h2 == -1) return -1;
    h ^= h2;
    return h == -1 ? -2 : h;
}

static PithObject *ga_mro_entries(PithObject *self, PithObject *const *args, size_t nargs,
                                  PithObject *kwnames) {
    return pith_tuple_pack(1, ALIAS(self)->origin);
}

static PithObject *ga_instancecheck(PithObject *self, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    return pith_err_format(&pith_exc_TypeError,
                           "isinstance() argument 2 cannot be a parameterized generic");
}

static PithObject *ga_subclasscheck(PithObject *self, PithObject *const *args, size_t nargs,
                                    PithObject *kwnames) {
    return pith_err_format(&pith_exc_TypeError,
                           "issubclass() argument 2 cannot be a parameterized generic");
}

static PithObject *get_params(PithObject *o, void *c) { return pith_tuple_new(0); }

static PithMemberDef alias_members[] = {
    {"__origin__", PITH_MEMBER_OBJECT, offsetof(Alias, origin), PITH_READONLY, NULL},
    {"__args__", PITH_MEMBER_OBJECT, offsetof(Alias, args), PITH_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PithMemberDef union_members[] = {
    {"__args__", PITH_MEMBER_OBJECT, offsetof(Alias, args), PITH_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PithGetSetDef alias_getset[] = {
    {"__parameters__", get_params, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithMethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, PITH_METH_O, NULL},
    {"__instancecheck__", ga_instancecheck, PITH_METH_O, NULL},
    {"__subclasscheck__", ga_subclasscheck, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- unions ------------------------------------------------------------------------- */

static bool union_member_ok(PithObject *o) {
    return o == PITH_NONE || pith_type_check(o) ||
           PITH_TYPE(o) == &pith_generic_alias_type || PITH_TYPE(o) == &pith_union_type;
}

/* Add o (flattening unions) to list l unless already present. */
static int union_add(PithObject *l, PithObject *o) {
    if (PITH_TYPE(o) == &pith_union_type) {
        PithObject *args = ALIAS(o)->args;
        for (intptr_t i = 0; i < PITH_SIZE(args); i++)
            if (union_add(l, PITH_TUPLE_GET(args, i)) < 0) return -1;
        return 0;
    }
    if (o == PITH_NONE) o = (PithObject *)&pith_none_type;
    for (intptr_t i = 0; i < PITH_SIZE(l); i++) {
        int eq = pith_richcompare_bool(PITH_LIST_GET(l, i), o, PITH_EQ);
        if (eq) return eq < 0 ? -1 : 0;
    }
    return pith_list_append(l, o);
}

PithObject *pith_union_or(PithObject *a, PithObject *b) {
    if (!union_member_ok(a) || !union_member_ok(b)) PITH_RETURN_NOTIMPL;
    PithObject *l = pith_list_new(0);
    if (!l) return NULL;
    PithObject *r = NULL;
    if (union_add(l, a) == 0 && union_add(l, b) == 0) {
        if (PITH_SIZE(l) == 1) {
            r = PITH_NEWREF(PITH_LIST_GET(l, 0));
        } else {
            PithObject *t = pith_list_as_tuple(l);
            if (t) r = alias_alloc(&pith_union_type, NULL, t);
            PITH_XDECREF(t);
        }
    }
    PITH_DECREF(l);
    return r;
}

static PithObject *union_repr(PithObject *o) {
    return join_repr(NULL, ALIAS(o)->args, " | ", "", "");
}

/* isinstance/issubclass against a union: against each member. */
static PithObject *union_check(PithObject *self, PithObject *arg, bool inst) {
    PithObject *args = ALIAS(self)->args;
    for (intptr_t i = 0; i < PITH_SIZE(args); i++)
        if (PITH_TYPE(PITH_TUPLE_GET(args, i)) == &pith_generic_alias_type)
            return pith_err_format(&pith_exc_TypeError,
                                   "%s() argument 2 cannot contain a parameterized generic",
                                   inst ? "isinstance" : "issubclass");
    int r = inst ? pith_isinstance(arg, args) : pith_issubclass(arg, args);
    return r < 0 ? NULL : pith_bool_from(r);
}

static PithObject *union_instancecheck(PithObject *self, PithObject *const *args,
                                       size_t nargs, PithObject *kwnames) {
    return union_check(self, args[0], true);
}

static PithObject *union_subclasscheck(PithObject *self, PithObject *const *args,
                                       size_t nargs, PithObject *kwnames) {
    return union_check(self, args[0], false);
}

static PithMethodDef union_methods[] = {
    {"__instancecheck__", union_instancecheck, PITH_METH_O, NULL},
    {"__subclasscheck__", union_subclasscheck, PITH_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PithNumberMethods alias_as_number = {.nb_or = pith_union_or};

PithType pith_generic_alias_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(Alias),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = alias_dealloc,
    .tp_traverse = alias_traverse,
    .tp_repr = ga_repr,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_richcompare = alias_richcompare,
    .tp_hash = alias_hash,
    .tp_as_number = &alias_as_number,
    .tp_members = alias_members,
    .tp_getset = alias_getset,
    .tp_methods = ga_methods,
};

PithType pith_union_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(Alias),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = alias_dealloc,
    .tp_traverse = alias_traverse,
    .tp_repr = union_repr,
    .tp_richcompare = alias_richcompare,
    .tp_hash = alias_hash,
    .tp_as_number = &alias_as_number,
    .tp_members = union_members,
    .tp_getset = alias_getset,
    .tp_methods = union_methods,
};
