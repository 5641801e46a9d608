/* func.c — the `function`, `method` (bound method), `cell`, `staticmethod`
 * and `classmethod` types. Calling a function goes to the VM
 * (pith_function_call in eval.c). */
#include "vm_internal.h"

static PithObject *id_qualname, *id_module, *id_name, *id_isabstract;

/* ---- function ----------------------------------------------------------- */

static PithObject *lookup_builtins(PithObject *globals) {
    PithObject *b = pith_dict_get_item_str(globals, "__builtins__");
    if (b && pith_module_check(b)) b = pith_module_get_dict(b);
    if (!b || !pith_dict_check(b)) b = pith_interp.builtins;
    return b;
}

PithObject *pith_function_new(PithCode *code, PithObject *globals,
                              PithObject *qualname) {
    PithFunction *fn = (PithFunction *)pith_gc_new(&pith_function_type);
    if (!fn) return NULL;
    fn->code = (PithCode *)PITH_NEWREF(code);
    fn->globals = PITH_NEWREF(globals);
    PithObject *b = lookup_builtins(globals);
    if (!b) b = globals;
    fn->builtins = PITH_NEWREF(b);
    fn->name = PITH_NEWREF(code->name);
    fn->qualname = PITH_NEWREF(qualname ? qualname : code->qualname);
    /* CPython convention: a str first constant is the docstring. */
    PithObject *doc = PITH_SIZE(code->consts) > 0 ? PITH_TUPLE_GET(code->consts, 0) : NULL;
    if (doc && pith_str_check(doc)) fn->doc = PITH_NEWREF(doc);
    PithObject *mod = pith_dict_get_item_str(globals, "__name__");
    if (mod) fn->module = PITH_NEWREF(mod);
    else if (pith_err_occurred()) pith_err_clear();
    pith_gc_track(fn);
    return (PithObject *)fn;
}

/* function(code, globals, name=None, argdefs=None, closure=None) —
 * types.FunctionType. Without globals["__builtins__"] the new function
 * shares the caller's builtins. */
static PithObject *func_tp_new(PithType *t, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    static const char *const kwlist[] = {"code", "globals", "name", "argdefs", "closure"};
    static const PithArgSpec spec = {"function", kwlist, 5, 0, 2, 5};
    PithObject *a[5];
    if (pith_arg_parse(&spec, args, nargs, kwnames, a) < 0) return NULL;
    PithObject *name = a[2] ? a[2] : PITH_NONE, *defs = a[3] ? a[3] : PITH_NONE;
    PithObject *closure = a[4] ? a[4] : PITH_NONE;
    if (!pith_code_check(a[0]))
        return pith_err_format(&pith_exc_TypeError, "function() argument 'code' must be code, not %.200s",
                               pith_type_name(a[0]));
    if (!pith_dict_check(a[1]))
        return pith_err_format(&pith_exc_TypeError, "function() argument 'globals' must be dict, not %.200s",
                               pith_type_name(a[1]));
    if (name != PITH_NONE && !pith_str_check(name))
        return pith_err_format(&pith_exc_TypeError, "arg 3 (name) must be None or string");
    if (defs != PITH_NONE && !pith_tuple_check(defs))
        return pith_err_format(&pith_exc_TypeError, "arg 4 (defaults) must be None or tuple");
    PithCode *code = (PithCode *)a[0];
    intptr_t nfree = PITH_SIZE(code->freevars);
    if (!pith_tuple_check(closure)) {
        if (nfree && closure == PITH_NONE)
            return pith_err_format(&pith_exc_TypeError, "arg 5 (closure) must be tuple");
        if (closure != PITH_NONE)
            return pith_err_format(&pith_exc_TypeError, "arg 5 (closure) must be None or tuple");
    }
    intptr_t nclosure = closure == PITH_NONE ? 0 : PITH_SIZE(closure);
    if (nfree != nclosure)
        return pith_err_format(&pith_exc_ValueError, "%U requires closure of length %zd, not %zd",
                               code->name, nfree, nclosure);
    for (intptr_t i = 0; i < nclosure; i++)
        if (!pith_cell_check(PITH_TUPLE_GET(closure, i)))
            return pith_err_format(&pith_exc_TypeError, "arg 5 (closure) expected cell, found %s",
                                   pith_type_name(PITH_TUPLE_GET(closure, i)));
    PithFunction *fn = (PithFunction *)pith_function_new(code, a[1], NULL);
    if (!fn) return NULL;
    if (!pith_dict_get_item_str(a[1], "__builtins__")) {
        PithObject *b = pith_eval_get_builtins();
        if (b) PITH_SETREF(fn->builtins, PITH_NEWREF(b));
    }
    if (name != PITH_NONE) PITH_SETREF(fn->name, PITH_NEWREF(name));
    if (defs != PITH_NONE) fn->defaults = PITH_NEWREF(defs);
    if (nclosure) fn->closure = PITH_NEWREF(closure);
    return (PithObject *)fn;
}

static int func_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PithFunction *f = (PithFunction *)o;
    PITH_VISIT(f->code);
    PITH_VISIT(f->globals);
    PITH_VISIT(f->builtins);
    PITH_VISIT(f->name);
    PITH_VISIT(f->qualname);
    PITH_VISIT(f->doc);
    PITH_VISIT(f->module);
    PITH_VISIT(f->defaults);
    PITH_VISIT(f->kwdefaults);
    PITH_VISIT(f->closure);
    PITH_VISIT(f->annotations);
    PITH_VISIT(f->dict);
    return 0;
}

/* Clears everything except the fields the invariant requires. */
static int func_clear(PithObject *o) {
    PithFunction *f = (PithFunction *)o;
    PITH_CLEAR(f->doc);
    PITH_CLEAR(f->module);
    PITH_CLEAR(f->defaults);
    PITH_CLEAR(f->kwdefaults);
    PITH_CLEAR(f->closure);
    PITH_CLEAR(f->annotations);
    PITH_CLEAR(f->dict);
    return 0;
}

static void func_dealloc(PithObject *o) {
    PithFunction *f = (PithFunction *)o;
    pith_gc_untrack(o);
    func_clear(o);
    PITH_CLEAR(f->code);
    PITH_CLEAR(f->globals);
    PITH_CLEAR(f->builtins);
    PITH_CLEAR(f->name);
    PITH_CLEAR(f->qualname);
    pith_gc_del(o);
}

static PithObject *func_repr(PithObject *o) {
    return pith_str_from_format("<function %U at %p>", ((PithFunction *)o)->qualname, o);
}

static PithObject *func_descr_get(PithObject *f, PithObject *obj, PithObject *type) {
    if (!obj || obj == PITH_NONE) return PITH_NEWREF(f);
    return pith_method_new(f, obj);
}

static PithObject *get_or_none(PithObject *v) {
    return PITH_NEWREF(v ? v : PITH_NONE);
}

static int set_str_field(PithObject **field, PithObject *v, const char *what) {
    if (!v || !pith_str_check(v)) {
        pith_err_format(&pith_exc_TypeError, "__%s__ must be set to a string object", what);
        return -1;
    }
    PITH_SETREF(*field, PITH_NEWREF(v));
    return 0;
}

static PithObject *fn_get_name(PithObject *o, void *c) {
    return PITH_NEWREF(((PithFunction *)o)->name);
}
static int fn_set_name(PithObject *o, PithObject *v, void *c) {
    return set_str_field(&((PithFunction *)o)->name, v, "name");
}
static PithObject *fn_get_qualname(PithObject *o, void *c) {
    return PITH_NEWREF(((PithFunction *)o)->qualname);
}
static int fn_set_qualname(PithObject *o, PithObject *v, void *c) {
    return set_str_field(&((PithFunction *)o)->qualname, v, "qualname");
}
static PithObject *fn_get_code(PithObject *o, void *c) {
    return PITH_NEWREF(((PithFunction *)o)->code);
}
static int fn_set_code(PithObject *o, PithObject *v, void *c) {
    if (!v || !pith_code_check(v)) {
        pith_err_set_string(&pith_exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    PithFunction *f = (PithFunction *)o;
    intptr_t nfree = PITH_SIZE(((PithCode *)v)->freevars);
    intptr_t nclosure = f->closure ? PITH_SIZE(f->closure) : 0;
    if (nfree != nclosure) {
        pith_err_format(&pith_exc_ValueError,
                        "%U() requires a code object with %zd free vars, not %zd",
                        f->name, (size_t)nclosure, (size_t)nfree);
        return -1;
    }
    PITH_SETREF(f->code, (PithCode *)PITH_NEWREF(v));
    return 0;
}

static PithObject *fn_get_defaults(PithObject *o, void *c) {
    return get_or_none(((PithFunction *)o)->defaults);
}
static int fn_set_defaults(PithObject *o, PithObject *v, void *c) {
    if (v == PITH_NONE) v = NULL;
    if (v && !pith_tuple_check(v)) {
        pith_err_set_string(&pith_exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    PITH_XINCREF(v);
    PITH_SETREF(((PithFunction *)o)->defaults, v);
    return 0;
}
static PithObject *fn_get_kwdefaults(PithObject *o, void *c) {
    return get_or_none(((PithFunction *)o)->kwdefaults);
}
static int fn_set_kwdefaults(PithObject *o, PithObject *v, void *c) {
    if (v == PITH_NONE) v = NULL;
    if (v && !pith_dict_check(v)) {
        pith_err_set_string(&pith_exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    PITH_XINCREF(v);
    PITH_SETREF(((PithFunction *)o)->kwdefaults, v);
    return 0;
}

/* Lazily-created dict slot (for __annotations__ and __dict__). */
static PithObject *lazy_dict(PithObject **slot) {
    if (!*slot) {
        *slot = pith_dict_new();
        if (!*slot) return NULL;
    }
    return PITH_NEWREF(*slot);
}
static int set_dict_slot(PithObject **slot, PithObject *v, const char *what) {
    if (v == PITH_NONE && what[2] == 'a') v = NULL; /* __annotations__ = None */
    if (v && !pith_dict_check(v)) {
        pith_err_format(&pith_exc_TypeError, "%s must be set to a dict object", what);
        return -1;
    }
    PITH_XINCREF(v);
    PITH_SETREF(*slot, v);
    return 0;
}
static PithObject *fn_get_annotations(PithObject *o, void *c) {
    return lazy_dict(&((PithFunction *)o)->annotations);
}
static int fn_set_annotations(PithObject *o, PithObject *v, void *c) {
    return set_dict_slot(&((PithFunction *)o)->annotations, v, "__annotations__");
}
static PithObject *fn_get_dict(PithObject *o, void *c) {
    return lazy_dict(&((PithFunction *)o)->dict);
}
static int fn_set_dict(PithObject *o, PithObject *v, void *c) {
    if (!v) {
        pith_err_set_string(&pith_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    return set_dict_slot(&((PithFunction *)o)->dict, v, "__dict__");
}

static PithGetSetDef func_getset[] = {
    {"__name__", fn_get_name, fn_set_name, NULL, NULL},
    {"__qualname__", fn_get_qualname, fn_set_qualname, NULL, NULL},
    {"__code__", fn_get_code, fn_set_code, NULL, NULL},
    {"__defaults__", fn_get_defaults, fn_set_defaults, NULL, NULL},
    {"__kwdefaults__", fn_get_kwdefaults, fn_set_kwdefaults, NULL, NULL},
    {"__annotations__", fn_get_annotations, fn_set_annotations, NULL, NULL},
    {"__dict__", fn_get_dict, fn_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithMemberDef func_members[] = {
    {"__doc__", PITH_MEMBER_OBJECT, offsetof(PithFunction, doc), 0, NULL},
    {"__module__", PITH_MEMBER_OBJECT, offsetof(PithFunction, module), 0, NULL},
    {"__globals__", PITH_MEMBER_OBJECT, offsetof(PithFunction, globals), PITH_READONLY, NULL},
    {"__builtins__", PITH_MEMBER_OBJECT, offsetof(PithFunction, builtins), PITH_READONLY, NULL},
    {"__closure__", PITH_MEMBER_OBJECT, offsetof(PithFunction, closure), PITH_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PithType pith_function_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "function",
    .tp_new = func_tp_new,
    .tp_basicsize = sizeof(PithFunction),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_METHOD_DESCRIPTOR | PITH_TPFLAGS_WEAKREFABLE,
    .tp_dealloc = func_dealloc,
    .tp_repr = func_repr,
    .tp_call = pith_function_call,
    .tp_descr_get = func_descr_get,
    .tp_getattro = pith_generic_getattr,
    .tp_setattro = pith_generic_setattr,
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_getset = func_getset,
    .tp_members = func_members,
    .tp_dictoffset = offsetof(PithFunction, dict),
};

PithObject *pith_function_str(PithObject *callable) {
    PithObject *qual = NULL, *mod = NULL, *res = NULL;
    PithObject *exc = pith_err_fetch();
    if (pith_lookup_attr(callable, pith_vm_name(&id_qualname, "__qualname__"), &qual) <= 0 ||
        !pith_str_check(qual)) {
        pith_err_clear();
        res = pith_str_from_format("%s object", pith_type_name(callable));
        goto done;
    }
    if (pith_lookup_attr(callable, pith_vm_name(&id_module, "__module__"), &mod) < 0)
        pith_err_clear();
    if (mod && pith_str_check(mod) && !pith_str_eq_cstr(mod, "builtins"))
        res = pith_str_from_format("%U.%U()", mod, qual);
    else
        res = pith_str_from_format("%U()", qual);
done:
    PITH_XDECREF(qual);
    PITH_XDECREF(mod);
    pith_err_restore(exc);
    return res;
}

/* ---- bound method ------------------------------------------------------- */

PithObject *pith_method_new(PithObject *func, PithObject *self) {
    PithMethod *m = (PithMethod *)pith_gc_new(&pith_method_type);
    if (!m) return NULL;
    m->func = PITH_NEWREF(func);
    m->self = PITH_NEWREF(self);
    pith_gc_track(m);
    return (PithObject *)m;
}

/* Call with self prepended; small calls use a stack buffer. */
static PithObject *method_call(PithObject *o, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    PithMethod *m = (PithMethod *)o;
    size_t total = nargs + (kwnames ? (size_t)PITH_SIZE(kwnames) : 0);
    PithObject *small[8];
    PithObject **buf = total + 1 <= 8 ? small : pith_mem_malloc((total + 1) * sizeof(PithObject *));
    if (!buf) return pith_err_no_memory();
    buf[0] = m->self;
    for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
    PithObject *r = pith_call(m->func, buf, nargs + 1, kwnames);
    if (buf != small) pith_mem_free(buf);
    return r;
}

static PithObject *method_repr(PithObject *o) {
    PithMethod *m = (PithMethod *)o;
    PithObject *name = NULL;
    if (pith_lookup_attr(m->func, pith_vm_name(&id_qualname, "__qualname__"), &name) == 0)
        pith_lookup_attr(m->func, pith_vm_name(&id_name, "__name__"), &name);
    if (pith_err_occurred()) return NULL;
    PithObject *r;
    if (name && pith_str_check(name))
        r = pith_str_from_format("<bound method %U of %R>", name, m->self);
    else
        r = pith_str_from_format("<bound method ? of %R>", m->self);
    PITH_XDECREF(name);
    return r;
}

static PithObject *method_richcompare(PithObject *a, PithObject *b, int op) {
    if ((op != PITH_EQ && op != PITH_NE) || !pith_method_check(a) || !pith_method_check(b))
        PITH_RETURN_NOTIMPL;
    PithMethod *x = (PithMethod *)a, *y = (PithMethod *)b;
    int eq = x->self == y->self;
    if (eq) eq = pith_richcompare_bool(x->func, y->func, PITH_EQ);
    if (eq < 0) return NULL;
    return pith_bool_from(op == PITH_EQ ? eq : !eq);
}

static intptr_t method_hash(PithObject *o) {
    PithMethod *m = (PithMethod *)o;
    intptr_t h = pith_hash(m->func);
    if (h == -1) return -1;
    h ^= pith_hash_pointer(m->self);
    return h == -1 ? -2 : h;
}

/* Attributes not found on the method type come from __func__. */
static PithObject *method_getattro(PithObject *o, PithObject *name) {
    PithObject *descr = pith_type_lookup(PITH_TYPE(o), name);
    if (descr) {
        pith_descrgetfunc get = PITH_TYPE(descr)->tp_descr_get;
        if (get) return get(descr, o, (PithObject *)PITH_TYPE(o));
        return PITH_NEWREF(descr);
    }
    return pith_getattr(((PithMethod *)o)->func, name);
}

static int method_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((PithMethod *)o)->func);
    PITH_VISIT(((PithMethod *)o)->self);
    return 0;
}

static void method_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    PITH_CLEAR(((PithMethod *)o)->func);
    PITH_CLEAR(((PithMethod *)o)->self);
    pith_gc_del(o);
}

static PithMemberDef method_members[] = {
    {"__func__", PITH_MEMBER_OBJECT, offsetof(PithMethod, func), PITH_READONLY, NULL},
    {"__self__", PITH_MEMBER_OBJECT, offsetof(PithMethod, self), PITH_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* A bound method's __doc__ is its function's. */
static PithObject *method_get_doc(PithObject *o, void *c) {
    static PithObject *id_doc;
    if (!id_doc && !(id_doc = pith_str_intern_cstr("__doc__"))) return NULL;
    return pith_getattr(((PithMethod *)o)->func, id_doc);
}

static PithGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* method(function, instance) — types.MethodType. */
static PithObject *method_tp_new(PithType *t, PithObject *const *args, size_t nargs,
                                 PithObject *kwnames) {
    if (pith_arg_no_kwargs("method", kwnames) < 0 ||
        pith_arg_check_range("method", nargs, 2, 2) < 0)
        return NULL;
    if (!pith_callable_check(args[0]))
        return pith_err_format(&pith_exc_TypeError, "first argument must be callable");
    if (args[1] == PITH_NONE)
        return pith_err_format(&pith_exc_TypeError, "instance must not be None");
    return pith_method_new(args[0], args[1]);
}

PithType pith_method_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "method",
    .tp_new = method_tp_new,
    .tp_basicsize = sizeof(PithMethod),
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_WEAKREFABLE,
    .tp_dealloc = method_dealloc,
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_richcompare = method_richcompare,
    .tp_call = method_call,
    .tp_getattro = method_getattro,
    .tp_setattro = pith_generic_setattr,
    .tp_traverse = method_traverse,
    .tp_members = method_members,
    .tp_getset = method_getset,
};

/* ---- cell --------------------------------------------------------------- */

PithObject *pith_cell_new(PithObject *ref) {
    PithCell *c = (PithCell *)pith_gc_new(&pith_cell_type);
    if (!c) return NULL;
    c->ref = ref;
    PITH_XINCREF(ref);
    pith_gc_track(c);
    return (PithObject *)c;
}

PithObject *pith_cell_get(PithObject *cell) { return ((PithCell *)cell)->ref; }

void pith_cell_set(PithObject *cell, PithObject *v) {
    PITH_XINCREF(v);
    PITH_SETREF(((PithCell *)cell)->ref, v);
}

static PithObject *cell_get_contents(PithObject *o, void *c) {
    PithObject *v = ((PithCell *)o)->ref;
    if (!v) {
        pith_err_set_string(&pith_exc_ValueError, "Cell is empty");
        return NULL;
    }
    return PITH_NEWREF(v);
}

static int cell_set_contents(PithObject *o, PithObject *v, void *c) {
    pith_cell_set(o, v);
    return 0;
}

static PithObject *cell_repr(PithObject *o) {
    PithObject *v = ((PithCell *)o)->ref;
    if (!v) return pith_str_from_format("<cell at %p: empty>", o);
    return pith_str_from_format("<cell at %p: %s object at %p>", o, pith_type_name(v), v);
}

static int cell_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((PithCell *)o)->ref);
    return 0;
}

static int cell_clear(PithObject *o) {
    PITH_CLEAR(((PithCell *)o)->ref);
    return 0;
}

static void cell_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    cell_clear(o);
    pith_gc_del(o);
}

/* cell([contents]) — types.CellType. */
static PithObject *cell_tp_new(PithType *t, PithObject *const *args, size_t nargs,
                               PithObject *kwnames) {
    if (pith_arg_no_kwargs("cell", kwnames) < 0 || pith_arg_check_range("cell", nargs, 0, 1) < 0)
        return NULL;
    return pith_cell_new(nargs ? args[0] : NULL);
}

/* Cells compare by contents; an empty cell is less than a full one. */
static PithObject *cell_richcompare(PithObject *a, PithObject *b, int op) {
    if (PITH_TYPE(a) != &pith_cell_type || PITH_TYPE(b) != &pith_cell_type) return PITH_NOTIMPL;
    PithObject *x = ((PithCell *)a)->ref, *y = ((PithCell *)b)->ref;
    if (x && y) return pith_richcompare(x, y, op);
    int l = x != NULL, r = y != NULL;
    bool res = op == PITH_LT ? l < r : op == PITH_LE ? l <= r : op == PITH_EQ ? l == r
             : op == PITH_NE ? l != r : op == PITH_GT ? l > r : l >= r;
    return pith_bool_from(res);
}

static PithGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PithType pith_cell_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "cell",
    .tp_new = cell_tp_new,
    .tp_richcompare = cell_richcompare,
    .tp_basicsize = sizeof(PithCell),
    .tp_flags = PITH_TPFLAGS_HAVE_GC,
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_hash = NULL,
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_getset = cell_getset,
};

/* ---- staticmethod / classmethod ----------------------------------------- */

static PithObject *sm_make(PithType *t, PithObject *func) {
    PithStaticMethod *s = (PithStaticMethod *)pith_gc_new(t);
    if (!s) return NULL;
    s->func = PITH_NEWREF(func);
    pith_gc_track(s);
    return (PithObject *)s;
}

PithObject *pith_staticmethod_new(PithObject *func) {
    return sm_make(&pith_staticmethod_type, func);
}
PithObject *pith_classmethod_new(PithObject *func) {
    return sm_make(&pith_classmethod_type, func);
}

static PithObject *sm_new(PithType *t, PithObject *const *args, size_t nargs,
                          PithObject *kwnames) {
    if (pith_arg_no_kwargs(t->tp_name, kwnames) < 0) return NULL;
    if (pith_arg_check_range(t->tp_name, nargs, 1, 1) < 0) return NULL;
    return sm_make(t, args[0]);
}

/* staticmethod(f) / classmethod(f) look like f: its __module__,
 * __name__, __qualname__, __doc__ and __annotations__ are copied into the wrapper's
 * __dict__ (absent ones are skipped), as functools.wraps would. */
static int sm_init(PithObject *self, PithObject *const *args, size_t nargs,
                   PithObject *kwnames) {
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                        "__annotations__"};
    PithStaticMethod *sm = (PithStaticMethod *)self;
    if (nargs != 1) return 0; /* sm_new checked the arguments */
    PITH_INCREF(args[0]);
    PITH_SETREF(sm->func, args[0]);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        PithObject *v = NULL, *name = pith_str_intern_cstr(names[i]);
        int r = name ? pith_lookup_attr(sm->func, name, &v) : -1;
        if (r > 0) r = pith_setattr(self, name, v);
        PITH_XDECREF(v);
        PITH_XDECREF(name);
        if (r < 0) return -1;
    }
    return 0;
}

static PithObject *sm_descr_get(PithObject *s, PithObject *obj, PithObject *type) {
    return PITH_NEWREF(((PithStaticMethod *)s)->func);
}

/* 3.11 chains descriptors: a wrapped object's own __get__(type, type)
 * gives the result (for a function: the method bound to the class). */
static PithObject *cm_descr_get(PithObject *s, PithObject *obj, PithObject *type) {
    if (!type) type = (PithObject *)PITH_TYPE(obj);
    PithObject *f = ((PithStaticMethod *)s)->func;
    pith_descrgetfunc get = PITH_TYPE(f)->tp_descr_get;
    if (get) return get(f, type, type);
    return pith_method_new(f, type);
}

static PithObject *sm_call(PithObject *s, PithObject *const *args, size_t nargs,
                           PithObject *kwnames) {
    return pith_call(((PithStaticMethod *)s)->func, args, nargs, kwnames);
}

static PithObject *sm_repr(PithObject *o) {
    return pith_str_from_format("<%s(%R)>", PITH_TYPE(o)->tp_name,
                                ((PithStaticMethod *)o)->func);
}

static int sm_traverse(PithObject *o, pith_visitproc visit, void *arg) {
    PITH_VISIT(((PithStaticMethod *)o)->func);
    PITH_VISIT(((PithStaticMethod *)o)->dict);
    return 0;
}

static int sm_clear(PithObject *o) {
    PITH_CLEAR(((PithStaticMethod *)o)->func);
    PITH_CLEAR(((PithStaticMethod *)o)->dict);
    return 0;
}

static void sm_dealloc(PithObject *o) {
    pith_gc_untrack(o);
    sm_clear(o);
    pith_gc_del(o);
}

static PithObject *sm_get_dict(PithObject *o, void *c) {
    return lazy_dict(&((PithStaticMethod *)o)->dict);
}

static PithObject *sm_get_abstract(PithObject *o, void *c) {
    PithObject *v = NULL;
    int r = pith_lookup_attr(((PithStaticMethod *)o)->func,
                             pith_vm_name(&id_isabstract, "__isabstractmethod__"), &v);
    if (r < 0) return NULL;
    if (!r) PITH_RETURN_FALSE;
    int t = pith_is_true(v);
    PITH_DECREF(v);
    if (t < 0) return NULL;
    return pith_bool_from(t);
}

static PithGetSetDef sm_getset[] = {
    {"__dict__", sm_get_dict, NULL, NULL, NULL},
    {"__isabstractmethod__", sm_get_abstract, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PithMemberDef sm_members[] = {
    {"__func__", PITH_MEMBER_OBJECT, offsetof(PithStaticMethod, func), PITH_READONLY, NULL},
    {"__wrapped__", PITH_MEMBER_OBJECT, offsetof(PithStaticMethod, func), PITH_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

#define SM_TYPE_FIELDS                                                         \
    .tp_basicsize = sizeof(PithStaticMethod),                                  \
    .tp_flags = PITH_TPFLAGS_HAVE_GC | PITH_TPFLAGS_BASETYPE,                  \
    .tp_dealloc = sm_dealloc, .tp_repr = sm_repr,                              \
    .tp_getattro = pith_generic_getattr, .tp_setattro = pith_generic_setattr,  \
    .tp_traverse = sm_traverse, .tp_clear = sm_clear, .tp_new = sm_new,        \
    .tp_init = sm_init, .tp_getset = sm_getset, .tp_members = sm_members,      \
    .tp_dictoffset = offsetof(PithStaticMethod, dict)

PithType pith_staticmethod_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "staticmethod",
    .tp_descr_get = sm_descr_get,
    .tp_call = sm_call,
    SM_TYPE_FIELDS,
};

PithType pith_classmethod_type = {
    PITH_VAR_HEAD_INIT(&pith_type_type, 0),
    .tp_name = "classmethod",
    .tp_descr_get = cm_descr_get,
    SM_TYPE_FIELDS,
};
