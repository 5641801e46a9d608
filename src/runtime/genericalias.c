/* genericalias.c — types.GenericAlias (list[int]) and types.UnionType
 * (int | None), the two objects that annotations evaluate to at run time.
 *
 * Invariant: a union's args tuple is flat (no nested unions) and free of
 * duplicates, in first-seen order. */
#include "pith/pith.h"
#include "runtime_internal.h"

typedef struct {
    PithObject ob;
    PithObject *origin;     /* GenericAlias only */
    PithObject *args;       /* tuple */
    PithObject *parameters; /* GenericAlias: computed on first use, or NULL */
    bool starred;           /* GenericAlias: *tuple[int] */
} Alias;

#define ALIAS(o) ((Alias *)(o))
#define IS_GA(o) pith_type_ok(o, &pith_generic_alias_type)

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
    PITH_XDECREF(ALIAS(o)->parameters);
    pith_gc_del(o);
}

static int alias_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(ALIAS(o)->origin);
    PITH_VISIT(ALIAS(o)->args);
    PITH_VISIT(ALIAS(o)->parameters);
    return 0;
}

/* Breaks cycles but keeps the invariants: origin (if any) and args set. */
static int alias_clear(PithObject *o) {
    PITH_CLEAR(ALIAS(o)->parameters);
    if (ALIAS(o)->origin) PITH_SETREF(ALIAS(o)->origin, PITH_NONE);
    PithObject *empty = pith_tuple_new(0);
    if (!empty) return -1;
    PITH_SETREF(ALIAS(o)->args, empty);
    return 0;
}

/* Append the annotation-style repr of one item: "..." for Ellipsis, repr()
 * for alias-like objects (with __origin__ and __args__), module.qualname
 * for class-like objects (module omitted for builtins), repr() otherwise.
 * In unions NoneType prints as "None". */
/* getattr that reports a missing attribute as 0 (see pith_lookup_attr). */
static int lookup(PithObject *o, const char *name, PithObject **res) {
    PithObject *n = pith_str_intern_cstr(name);
    if (!n) return -1;
    int r = pith_lookup_attr(o, n, res);
    PITH_DECREF(n);
    return r;
}

static int append_item(PithStrBuilder *sb, PithObject *o, bool in_union) {
    if (o == PITH_ELLIPSIS) return pith_sb_append_utf8(sb, "...", 3);
    if (in_union && o == (PithObject *)&pith_none_type) return pith_sb_append_utf8(sb, "None", 4);
    PithObject *tmp = NULL, *qn = NULL, *mod = NULL;
    int f = lookup(o, "__origin__", &tmp);
    if (f < 0) return -1;
    if (f > 0) {
        PITH_DECREF(tmp);
        f = lookup(o, "__args__", &tmp);
        if (f < 0) return -1;
        if (f > 0) {
            PITH_DECREF(tmp);
            return pith_sb_append_repr(sb, o);
        }
    }
    f = lookup(o, "__qualname__", &qn);
    if (f < 0) return -1;
    if (f == 0) return pith_sb_append_repr(sb, o);
    f = pith_lookup_attr(o, pith_id_module(), &mod);
    int r = -1;
    if (f == 0 || (f > 0 && mod == PITH_NONE)) {
        r = pith_sb_append_repr(sb, o);
    } else if (f > 0) {
        PithObject *s = pith_str_check(mod) && pith_str_eq_cstr(mod, "builtins")
                            ? pith_str(qn) : pith_str_from_format("%S.%S", mod, qn);
        r = s ? pith_sb_append_str(sb, s) : -1;
        PITH_XDECREF(s);
    }
    PITH_XDECREF(mod);
    PITH_DECREF(qn);
    return r;
}

static PithObject *join_repr(PithObject *head, PithObject *args, const char *prefix,
                             const char *sep, const char *open, const char *close) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    int r = pith_sb_append_utf8(&sb, prefix, -1);
    if (r == 0 && head) r = append_item(&sb, head, false);
    if (r == 0) r = pith_sb_append_utf8(&sb, open, -1);
    for (intptr_t i = 0; r == 0 && i < PITH_SIZE(args); i++) {
        if (i) r = pith_sb_append_utf8(&sb, sep, -1);
        if (r == 0) r = append_item(&sb, PITH_TUPLE_GET(args, i), !head);
    }
    if (r == 0 && head && PITH_SIZE(args) == 0) r = pith_sb_append_utf8(&sb, "()", 2);
    if (r == 0) r = pith_sb_append_utf8(&sb, close, -1);
    if (r < 0) {
        pith_sb_discard(&sb);
        return NULL;
    }
    return pith_sb_finish(&sb);
}

static PithObject *ga_repr(PithObject *o) {
    if (pith_repr_enter(o)) return pith_str_from_cstr("...");
    PithObject *r = join_repr(ALIAS(o)->origin, ALIAS(o)->args, ALIAS(o)->starred ? "*" : "",
                              ", ", "[", "]");
    pith_repr_leave(o);
    return r;
}

/* Calling list[int](...) calls list and records the alias on the result
 * as __orig_class__ when the result allows it. */
static PithObject *ga_call(PithObject *o, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    PithObject *r = pith_call(ALIAS(o)->origin, args, nargs, kwnames);
    if (!r) return NULL;
    if (pith_setattr_str(r, "__orig_class__", o) < 0) {
        if (!pith_err_matches(&pith_exc_AttributeError) && !pith_err_matches(&pith_exc_TypeError)) {
            PITH_DECREF(r);
            return NULL;
        }
        pith_err_clear();
    }
    return r;
}

/* Attributes the alias answers itself; everything else comes from the
 * origin (list[int].append is list.append). */
static bool alias_attr_is_own(PithObject *name) {
    static const char *const own[] = {"__class__", "__origin__", "__args__", "__unpacked__",
                                      "__parameters__", "__typing_unpacked_tuple_args__",
                                      "__mro_entries__", "__reduce_ex__", "__reduce__",
                                      "__copy__", "__deepcopy__", NULL};
    for (int i = 0; own[i]; i++)
        if (pith_str_eq_cstr(name, own[i])) return true;
    return false;
}

static PithObject *ga_getattro(PithObject *o, PithObject *name) {
    if (pith_str_check(name) && !alias_attr_is_own(name))
        return pith_getattr(ALIAS(o)->origin, name);
    return pith_generic_getattr(o, name);
}

static PithObject *alias_richcompare(PithObject *a, PithObject *b, int op) {
    if (op != PITH_EQ && op != PITH_NE) PITH_RETURN_NOTIMPL;
    bool ga = PITH_TYPE(a) != &pith_union_type;
    if (ga ? !IS_GA(b) : PITH_TYPE(b) != &pith_union_type) PITH_RETURN_NOTIMPL;
    int eq = 1;
    if (ga && ALIAS(a)->starred != ALIAS(b)->starred) eq = 0;
    if (eq > 0 && ga) eq = pith_richcompare_bool(ALIAS(a)->origin, ALIAS(b)->origin, PITH_EQ);
    if (eq > 0 && !ga) {
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

/* GenericAlias: hash(origin) ^ hash(args); union: hash(frozenset(args)). */
static intptr_t alias_hash(PithObject *o) {
    if (PITH_TYPE(o) != &pith_union_type) {
        intptr_t h0 = pith_hash(ALIAS(o)->origin);
        if (h0 == -1) return -1;
        intptr_t h1 = pith_hash(ALIAS(o)->args);
        if (h1 == -1) return -1;
        h0 ^= h1;
        return h0 == -1 ? -2 : h0;
    }
    PithObject *fs = pith_frozenset_new(ALIAS(o)->args);
    if (!fs) return -1;
    intptr_t h = pith_hash(fs);
    PITH_DECREF(fs);
    return h;
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

/* ---- parameters and substitution -------------------------------------------------- */

static int tuple_index(PithObject *t, PithObject *o) {
    for (intptr_t i = 0; i < PITH_SIZE(t); i++)
        if (PITH_TUPLE_GET(t, i) == o) return (int)i;
    return -1;
}

/* Add o to list l unless it is already there (by identity). */
static int add_param(PithObject *l, PithObject *o) {
    for (intptr_t i = 0; i < PITH_SIZE(l); i++)
        if (PITH_LIST_GET(l, i) == o) return 0;
    return pith_list_append(l, o);
}

/* The type variables among args, in first-seen order: objects with
 * __typing_subst__, and the __parameters__ of nested generics. Classes
 * are skipped. */
static PithObject *make_parameters(PithObject *args) {
    PithObject *l = pith_list_new(0);
    if (!l) return NULL;
    for (intptr_t i = 0; i < PITH_SIZE(args); i++) {
        PithObject *t = PITH_TUPLE_GET(args, i), *sub = NULL;
        if (pith_type_check(t)) continue;
        int f = lookup(t, "__typing_subst__", &sub);
        if (f > 0) {
            PITH_DECREF(sub);
            f = add_param(l, t);
        } else if (f == 0) {
            f = lookup(t, "__parameters__", &sub);
            if (f > 0 && pith_tuple_check(sub))
                for (intptr_t j = 0; f >= 0 && j < PITH_SIZE(sub); j++)
                    f = add_param(l, PITH_TUPLE_GET(sub, j));
            PITH_XDECREF(sub);
        }
        if (f < 0) {
            PITH_DECREF(l);
            return NULL;
        }
    }
    PithObject *r = pith_list_as_tuple(l);
    PITH_DECREF(l);
    return r;
}

static PithObject *get_params(PithObject *o, void *c) {
    if (!ALIAS(o)->parameters) {
        ALIAS(o)->parameters = make_parameters(ALIAS(o)->args);
        if (!ALIAS(o)->parameters) return NULL;
    }
    return PITH_NEWREF(ALIAS(o)->parameters);
}

/* arg[...] for a nested generic arg with its own parameters, picking the
 * substituted values of those parameters. */
static PithObject *subs_nested(PithObject *arg, PithObject *params, PithObject *items) {
    PithObject *sub = NULL;
    int f = lookup(arg, "__parameters__", &sub);
    if (f < 0) return NULL;
    if (f == 0 || !pith_tuple_check(sub) || PITH_SIZE(sub) == 0) {
        PITH_XDECREF(sub);
        return PITH_NEWREF(arg);
    }
    PithObject *key = pith_tuple_new(PITH_SIZE(sub)), *r = NULL;
    if (key) {
        for (intptr_t j = 0; j < PITH_SIZE(sub); j++) {
            int k = tuple_index(params, PITH_TUPLE_GET(sub, j));
            PithObject *v = k >= 0 ? PITH_TUPLE_GET(items, k) : PITH_TUPLE_GET(sub, j);
            PITH_TUPLE_SET(key, j, PITH_NEWREF(v));
        }
        r = pith_getitem(arg, key);
        PITH_DECREF(key);
    }
    PITH_DECREF(sub);
    return r;
}

/* The new args tuple for alias[item]. */
static PithObject *subs_parameters(PithObject *self, PithObject *params, PithObject *item) {
    intptr_t np = PITH_SIZE(params);
    if (np == 0) return pith_err_format(&pith_exc_TypeError, "%R is not a generic class", self);
    PithObject *items = pith_tuple_check(item) ? PITH_NEWREF(item) : pith_tuple_pack(1, item);
    if (!items) return NULL;
    for (intptr_t i = 0; i < np; i++) {
        PithObject *prep = NULL, *p = PITH_TUPLE_GET(params, i);
        int f = lookup(p, "__typing_prepare_subst__", &prep);
        if (f > 0) {
            PithObject *cargs[2] = {self, items};
            PithObject *n = pith_call(prep, cargs, 2, NULL);
            PITH_DECREF(prep);
            PITH_SETREF(items, n);
        }
        if (f < 0 || !items) {
            PITH_XDECREF(items);
            return NULL;
        }
    }
    if (PITH_SIZE(items) != np) {
        pith_err_format(&pith_exc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                        PITH_SIZE(items) > np ? "many" : "few", self, PITH_SIZE(items), np);
        PITH_DECREF(items);
        return NULL;
    }
    PithObject *args = ALIAS(self)->args, *out = pith_list_new(0);
    for (intptr_t i = 0; out && i < PITH_SIZE(args); i++) {
        PithObject *arg = PITH_TUPLE_GET(args, i), *sub = NULL, *v;
        int f = 0;
        if (pith_type_check(arg)) {
            v = PITH_NEWREF(arg);
        } else if ((f = lookup(arg, "__typing_subst__", &sub)) > 0) {
            int k = tuple_index(params, arg);
            v = pith_call_one(sub, PITH_TUPLE_GET(items, k < 0 ? 0 : k));
            PITH_DECREF(sub);
        } else {
            v = f < 0 ? NULL : subs_nested(arg, params, items);
        }
        if (!v || pith_list_append(out, v) < 0) PITH_CLEAR(out);
        PITH_XDECREF(v);
    }
    PITH_DECREF(items);
    if (!out) return NULL;
    PithObject *r = pith_list_as_tuple(out);
    PITH_DECREF(out);
    return r;
}

static PithObject *ga_getitem(PithObject *self, PithObject *item) {
    PithObject *params = get_params(self, NULL);
    if (!params) return NULL;
    PithObject *nargs = subs_parameters(self, params, item);
    PITH_DECREF(params);
    if (!nargs) return NULL;
    PithObject *r = alias_alloc(&pith_generic_alias_type, ALIAS(self)->origin, nargs);
    PITH_DECREF(nargs);
    if (r) ALIAS(r)->starred = ALIAS(self)->starred;
    return r;
}

static PithMappingMethods ga_as_mapping = {.mp_subscript = ga_getitem};

/* iter(list[int]) yields the single starred alias *list[int]. */
static PithObject *ga_iter(PithObject *self) {
    PithObject *s = alias_alloc(&pith_generic_alias_type, ALIAS(self)->origin, ALIAS(self)->args);
    if (!s) return NULL;
    ALIAS(s)->starred = true;
    PithObject *t = pith_tuple_pack(1, s);
    PITH_DECREF(s);
    if (!t) return NULL;
    PithObject *it = pith_get_iter(t);
    PITH_DECREF(t);
    return it;
}

static PithObject *ga_new(PithType *type, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    if (kwnames && PITH_SIZE(kwnames) && pith_arg_no_kwargs("GenericAlias", kwnames) < 0)
        return NULL;
    if (nargs != 2)
        return pith_err_format(&pith_exc_TypeError, "GenericAlias expected 2 arguments, got %zd",
                               (intptr_t)nargs);
    PithObject *t = pith_tuple_check(args[1]) ? PITH_NEWREF(args[1]) : pith_tuple_pack(1, args[1]);
    if (!t) return NULL;
    PithObject *r = alias_alloc(type, args[0], t);
    PITH_DECREF(t);
    return r;
}

/* (GenericAlias, (origin, args)); a starred alias reduces to
 * next(iter(plain alias)). */
static PithObject *ga_reduce(PithObject *self, PithObject *const *args, size_t nargs,
                             PithObject *kwnames) {
    Alias *a = ALIAS(self);
    if (!a->starred) {
        PithObject *inner = pith_tuple_pack(2, a->origin, a->args);
        PithObject *r = inner ? pith_tuple_pack(2, (PithObject *)PITH_TYPE(self), inner) : NULL;
        PITH_XDECREF(inner);
        return r;
    }
    PithObject *plain = alias_alloc(&pith_generic_alias_type, a->origin, a->args);
    PithObject *it = plain ? pith_get_iter(plain) : NULL;
    PithObject *nxt = it ? pith_dict_get_item_str(pith_eval_get_builtins(), "next") : NULL;
    PithObject *inner = nxt ? pith_tuple_pack(1, it) : NULL;
    PithObject *r = inner ? pith_tuple_pack(2, nxt, inner) : NULL;
    if (it && !nxt && !pith_err_occurred()) pith_err_set_string(&pith_exc_RuntimeError, "no next");
    PITH_XDECREF(inner);
    PITH_XDECREF(it);
    PITH_XDECREF(plain);
    return r;
}

static PithObject *get_unpacked(PithObject *o, void *c) {
    return pith_bool_from(ALIAS(o)->starred);
}

static PithObject *get_unpacked_args(PithObject *o, void *c) {
    if (ALIAS(o)->starred && ALIAS(o)->origin == (PithObject *)&pith_tuple_type)
        return PITH_NEWREF(ALIAS(o)->args);
    PITH_RETURN_NONE;
}

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

static PithGetSetDef ga_getset[] = {
    {"__parameters__", get_params, NULL, NULL, NULL},
    {"__unpacked__", get_unpacked, NULL, NULL, NULL},
    {"__typing_unpacked_tuple_args__", get_unpacked_args, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithMethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, PITH_METH_O, NULL},
    {"__instancecheck__", ga_instancecheck, PITH_METH_O, NULL},
    {"__subclasscheck__", ga_subclasscheck, PITH_METH_O, NULL},
    {"__reduce__", ga_reduce, PITH_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- unions ------------------------------------------------------------------------- */

static bool union_member_ok(PithObject *o) {
    return o == PITH_NONE || pith_type_check(o) || IS_GA(o) || PITH_TYPE(o) == &pith_union_type;
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
    return join_repr(NULL, ALIAS(o)->args, "", " | ", "", "");
}

/* isinstance/issubclass against a union: against each member. */
static PithObject *union_check(PithObject *self, PithObject *arg, bool inst) {
    PithObject *args = ALIAS(self)->args;
    for (intptr_t i = 0; i < PITH_SIZE(args); i++)
        if (IS_GA(PITH_TUPLE_GET(args, i)))
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
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE | PITH_TPFLAGS_WEAKREFABLE,
    .tp_dealloc = alias_dealloc,
    .tp_traverse = alias_traverse,
    .tp_clear = alias_clear,
    .tp_repr = ga_repr,
    .tp_call = ga_call,
    .tp_iter = ga_iter,
    .tp_new = ga_new,
    .tp_as_mapping = &ga_as_mapping,
    .tp_getattro = ga_getattro,
    .tp_richcompare = alias_richcompare,
    .tp_hash = alias_hash,
    .tp_as_number = &alias_as_number,
    .tp_members = alias_members,
    .tp_getset = ga_getset,
    .tp_methods = ga_methods,
};

PithType pith_union_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(Alias),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = alias_dealloc,
    .tp_traverse = alias_traverse,
    .tp_clear = alias_clear,
    .tp_repr = union_repr,
    .tp_richcompare = alias_richcompare,
    .tp_hash = alias_hash,
    .tp_as_number = &alias_as_number,
    .tp_members = union_members,
    .tp_getset = alias_getset,
    .tp_methods = union_methods,
};
