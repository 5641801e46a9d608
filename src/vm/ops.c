/* ops.c — out-of-line helpers for the less frequent or more involved
 * instructions of the eval loop: unpacking, imports, f-string formatting,
 * star-call argument conversion, with-statement entry, raise/except
 * matching, name errors and pattern-matching support. */
#include "vm_internal.h"

static PithObject *id_keys, *id_enter, *id_exit, *id_all, *id_dict, *id_name,
    *id_spec, *id_initializing, *id_import, *id_annotations, *id_build_class, *id_match_args,
    *id_get, *id_await;

/* ---- building containers and functions -------------------------------- */

PithObject *pith_vm_build_string(PithObject **items, int n) {
    PithStrBuilder sb;
    pith_sb_init(&sb);
    for (int i = 0; i < n; i++) {
        if (pith_sb_append_str(&sb, items[i]) < 0) {
            pith_sb_discard(&sb);
            return NULL;
        }
    }
    return pith_sb_finish(&sb);
}

PithObject *pith_vm_build_map(PithObject **items, int n) {
    PithObject *d = pith_dict_new();
    if (!d) return NULL;
    for (int i = 0; i < n; i++) {
        if (pith_dict_set_item(d, items[2 * i], items[2 * i + 1]) < 0) {
            PITH_DECREF(d);
            return NULL;
        }
    }
    return d;
}

PithObject *pith_vm_build_const_key_map(PithObject **values, PithObject *keys, int n) {
    if (!pith_tuple_check(keys) || PITH_SIZE(keys) != n) {
        pith_err_set_string(&pith_exc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
        return NULL;
    }
    PithObject *d = pith_dict_new();
    if (!d) return NULL;
    for (int i = 0; i < n; i++) {
        if (pith_dict_set_item(d, PITH_TUPLE_GET(keys, i), values[i]) < 0) {
            PITH_DECREF(d);
            return NULL;
        }
    }
    return d;
}

PithObject *pith_vm_build_set(PithObject **items, int n) {
    PithObject *s = pith_set_new(NULL);
    if (!s) return NULL;
    for (int i = 0; i < n; i++) {
        if (pith_set_add(s, items[i]) < 0) {
            PITH_DECREF(s);
            return NULL;
        }
    }
    return s;
}

/* MAKE_FUNCTION: pops its operands from *spp (code on top). */
PithObject *pith_vm_make_function(PithFrame *f, int flags, PithObject ***spp) {
    PithObject **sp = *spp;
    PithObject *code = *--sp;
    PithObject *closure = flags & 8 ? *--sp : NULL;
    PithObject *ann = flags & 4 ? *--sp : NULL;
    PithObject *kwd = flags & 2 ? *--sp : NULL;
    PithObject *defs = flags & 1 ? *--sp : NULL;
    *spp = sp;
    PithFunction *fn = NULL;
    if (!pith_code_check(code)) {
        pith_err_set_string(&pith_exc_SystemError, "MAKE_FUNCTION expects a code object");
        goto done;
    }
    fn = (PithFunction *)pith_function_new((PithCode *)code, f->globals, NULL);
    if (!fn) goto done;
    if (ann && pith_tuple_check(ann)) { /* flattened (name, value) pairs */
        PithObject *d = pith_dict_new();
        for (intptr_t i = 0; d && i + 1 < PITH_SIZE(ann); i += 2)
            if (pith_dict_set_item(d, PITH_TUPLE_GET(ann, i), PITH_TUPLE_GET(ann, i + 1)) < 0)
                PITH_CLEAR(d);
        if (!d) PITH_CLEAR(fn);
        PITH_SETREF(ann, d);
    }
    if (fn) {
        fn->closure = closure, closure = NULL;
        fn->annotations = ann, ann = NULL;
        fn->kwdefaults = kwd, kwd = NULL;
        fn->defaults = defs, defs = NULL;
    }
done:
    PITH_DECREF(code);
    PITH_XDECREF(closure);
    PITH_XDECREF(ann);
    PITH_XDECREF(kwd);
    PITH_XDECREF(defs);
    return (PithObject *)fn;
}

/* ---- unpacking ---------------------------------------------------------- */

static int unpack_short(int argcnt, int argcntafter, intptr_t got) {
    if (argcntafter < 0)
        pith_err_format(&pith_exc_ValueError, "not enough values to unpack (expected %d, got %zd)",
                        argcnt, (size_t)got);
    else
        pith_err_format(&pith_exc_ValueError,
                        "not enough values to unpack (expected at least %d, got %zd)",
                        argcnt + argcntafter, (size_t)got);
    return -1;
}

int pith_vm_unpack(PithObject *v, int argcnt, int argcntafter, PithObject **top) {
    PithObject **sp = top;
    PithObject *it = pith_get_iter(v);
    if (!it) {
        if (pith_err_matches(&pith_exc_TypeError) && !PITH_TYPE(v)->tp_iter &&
            !(PITH_TYPE(v)->tp_as_sequence && PITH_TYPE(v)->tp_as_sequence->sq_item)) {
            pith_err_clear();
            pith_err_format(&pith_exc_TypeError, "cannot unpack non-iterable %s object",
                            pith_type_name(v));
        }
        return -1;
    }
    int i = 0;
    for (; i < argcnt; i++) {
        PithObject *w = pith_iter_next(it);
        if (!w) {
            if (!pith_err_occurred()) unpack_short(argcnt, argcntafter, i);
            goto fail;
        }
        *--sp = w;
    }
    if (argcntafter < 0) {
        PithObject *w = pith_iter_next(it);
        if (w) {
            PITH_DECREF(w);
            pith_err_format(&pith_exc_ValueError, "too many values to unpack (expected %d)", argcnt);
            goto fail;
        }
        if (pith_err_occurred()) goto fail;
        PITH_DECREF(it);
        return 0;
    }
    PithObject *l = pith_sequence_list(it);
    if (!l) goto fail;
    *--sp = l;
    i++;
    intptr_t ll = PITH_SIZE(l);
    if (ll < argcntafter) {
        unpack_short(argcnt, argcntafter, argcnt + ll);
        goto fail;
    }
    for (int j = argcntafter; j > 0; j--, i++) *--sp = PITH_LIST_GET(l, ll - j);
    PITH_SIZE(l) = ll - argcntafter; /* the tail items moved to the stack */
    PITH_DECREF(it);
    return 0;
fail:
    while (sp < top) PITH_DECREF(*sp++);
    PITH_DECREF(it);
    return -1;
}

/* ---- imports ------------------------------------------------------------ */

PithObject *pith_vm_import_name(PithFrame *f, PithObject *name, PithObject *fromlist,
                                PithObject *level) {
    PithObject *imp = pith_dict_get_item(f->builtins, pith_vm_name(&id_import, "__import__"));
    if (!imp) {
        if (!pith_err_occurred()) pith_err_set_string(&pith_exc_ImportError, "__import__ not found");
        return NULL;
    }
    PithObject *locals = f->locals ? f->locals : PITH_NONE;
    PithObject *args[5] = {name, f->globals, locals, fromlist, level};
    return pith_call(imp, args, 5, NULL);
}

/* Raise ImportError(msg, name=modname, path=path); either may be NULL. */
static void raise_import_error(PithObject *msg, PithObject *modname, PithObject *path) {
    if (!msg) return;
    PithObject *t = pith_tuple_pack(1, msg);
    PithObject *exc = t ? pith_exc_new(&pith_exc_ImportError, t) : NULL;
    PITH_DECREF(msg);
    PITH_XDECREF(t);
    if (exc && (!modname || pith_setattr_str(exc, "name", modname) == 0) &&
        (!path || pith_setattr_str(exc, "path", path) == 0))
        pith_err_raise(exc);
    PITH_XDECREF(exc);
}

/* Is module v still running its code (v.__spec__._initializing)? */
static bool module_initializing(PithObject *v) {
    PithObject *spec = NULL, *flag = NULL;
    if (pith_lookup_attr(v, pith_vm_name(&id_spec, "__spec__"), &spec) > 0 && spec != PITH_NONE)
        pith_lookup_attr(spec, pith_vm_name(&id_initializing, "_initializing"), &flag);
    int t = flag ? pith_is_true(flag) : 0;
    PITH_XDECREF(spec);
    PITH_XDECREF(flag);
    if (pith_err_occurred()) pith_err_clear();
    return t > 0;
}

/* IMPORT_FROM: v.name, else sys.modules[v.__name__ + '.' + name], else
 * CPython's ImportError (name = the module's name, path = its __file__). */
PithObject *pith_vm_import_from(PithObject *v, PithObject *name) {
    PithObject *x = NULL;
    if (pith_lookup_attr(v, name, &x) != 0) return x;
    PithObject *pkg = NULL, *file = NULL;
    if (pith_lookup_attr(v, pith_vm_name(&id_name, "__name__"), &pkg) < 0) pith_err_clear();
    if (pkg && !pith_str_check(pkg)) PITH_CLEAR(pkg);
    if (pkg && pith_interp.modules) {
        PithObject *full = pith_str_from_format("%U.%U", pkg, name);
        if (!full) goto done;
        x = pith_dict_get_item(pith_interp.modules, full);
        PITH_DECREF(full);
        if (x) {
            PITH_INCREF(x);
            goto done;
        }
    }
    if (pith_module_check(v)) {
        file = pith_dict_get_item_str(pith_module_get_dict(v), "__file__");
        if (file && pith_str_check(file)) PITH_INCREF(file);
        else file = NULL;
    }
    PithObject *shown = pkg ? PITH_NEWREF(pkg) : pith_str_from_cstr("<unknown module name>");
    if (!shown) goto done;
    if (!file)
        raise_import_error(pith_str_from_format("cannot import name %R from %R (unknown location)",
                                                name, shown), pkg, NULL);
    else if (module_initializing(v))
        raise_import_error(pith_str_from_format("cannot import name %R from partially initialized "
                                                "module %R (most likely due to a circular import) (%U)",
                                                name, shown, file), pkg, file);
    else
        raise_import_error(pith_str_from_format("cannot import name %R from %R (%U)", name, shown,
                                                file), pkg, file);
    PITH_DECREF(shown);
done:
    PITH_XDECREF(pkg);
    PITH_XDECREF(file);
    return x;
}

static int store_local(PithFrame *f, PithObject *name, PithObject *v) {
    if (pith_dict_check_exact(f->locals)) return pith_dict_set_item(f->locals, name, v);
    return pith_setitem(f->locals, name, v);
}

int pith_vm_import_star(PithFrame *f, PithObject *module) {
    if (!f->locals) {
        pith_err_set_string(&pith_exc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    PithObject *all = NULL;
    int skip_private = 0;
    if (pith_lookup_attr(module, pith_vm_name(&id_all, "__all__"), &all) < 0) return -1;
    if (!all) {
        PithObject *d = NULL;
        if (pith_lookup_attr(module, pith_vm_name(&id_dict, "__dict__"), &d) <= 0) {
            if (!pith_err_occurred())
                pith_err_set_string(&pith_exc_ImportError,
                                    "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = pith_sequence_list(d); /* the keys */
        PITH_DECREF(d);
        if (!all) return -1;
        skip_private = 1;
    }
    PithObject *seq = pith_sequence_fast(all, "__all__ must be a sequence");
    PITH_DECREF(all);
    if (!seq) return -1;
    intptr_t n = PITH_SIZE(seq);
    PithObject **items = pith_list_check(seq) ? PITH_LIST_ITEMS(seq) : PITH_TUPLE_ITEMS(seq);
    int r = 0;
    for (intptr_t i = 0; i < n && r == 0; i++) {
        PithObject *name = items[i];
        if (!pith_str_check(name)) { /* CPython's wording, naming the module */
            PithObject *mn = NULL;
            if (pith_lookup_attr(module, pith_vm_name(&id_name, "__name__"), &mn) >= 0) {
                if (mn && pith_str_check(mn))
                    pith_err_format(&pith_exc_TypeError, "%s in %U.%s must be str, not %s",
                                    skip_private ? "Key" : "Item", mn,
                                    skip_private ? "__dict__" : "__all__", pith_type_name(name));
                else
                    pith_err_format(&pith_exc_TypeError, "module __name__ must be a string, not %s",
                                    mn ? pith_type_name(mn) : "NoneType");
            }
            PITH_XDECREF(mn);
            r = -1;
            break;
        }
        if (skip_private && PITH_STR_LEN(name) > 0 && pith_str_read((PithStr *)name, 0) == '_')
            continue;
        PithObject *v = pith_getattr(module, name);
        if (!v) r = -1;
        else {
            r = store_local(f, name, v);
            PITH_DECREF(v);
        }
    }
    PITH_DECREF(seq);
    return r;
}

/* ---- f-strings ---------------------------------------------------------- */

PithObject *pith_vm_format_value(PithObject *v, int flags, PithObject *spec) {
    PithObject *conv = NULL;
    switch (flags & 3) {
    case 1: conv = pith_str(v); break;
    case 2: conv = pith_repr(v); break;
    case 3: conv = pith_ascii(v); break;
    default: conv = PITH_NEWREF(v); break;
    }
    if (!conv) return NULL;
    if (!spec && pith_str_check_exact(conv)) return conv;
    PithObject *empty = spec ? NULL : pith_str_empty();
    PithObject *r = pith_format(conv, spec ? spec : empty);
    PITH_XDECREF(empty);
    PITH_DECREF(conv);
    return r;
}

/* ---- star calls and dict displays -------------------------------------- */

static bool is_iterable(PithObject *o) {
    PithType *t = PITH_TYPE(o);
    return t->tp_iter || (t->tp_as_sequence && t->tp_as_sequence->sq_item);
}

static int has_keys(PithObject *o) {
    PithObject *k = NULL;
    int r = pith_lookup_attr(o, pith_vm_name(&id_keys, "keys"), &k);
    PITH_XDECREF(k);
    return r;
}

static int not_mapping_error(PithObject *func, PithObject *o) {
    PithObject *fs = pith_function_str(func);
    if (fs) {
        pith_err_format(&pith_exc_TypeError, "%U argument after ** must be a mapping, not %s",
                        fs, pith_type_name(o));
        PITH_DECREF(fs);
    }
    return -1;
}

int pith_vm_dict_merge(PithObject *dict, PithObject *update, PithObject *func, int strict) {
    if (!pith_dict_check(update)) {
        int k = has_keys(update);
        if (k < 0) return -1;
        if (!k) {
            if (strict) return not_mapping_error(func, update);
            pith_err_format(&pith_exc_TypeError, "'%s' object is not a mapping", pith_type_name(update));
            return -1;
        }
    }
    if (pith_dict_merge(dict, update, strict ? 2 : 1) == 0) return 0;
    if (strict && pith_err_matches(&pith_exc_KeyError)) {
        PithObject *exc = pith_err_fetch();
        PithObject *args = ((PithBaseException *)exc)->args;
        PithObject *fs = pith_function_str(func);
        if (fs && args && PITH_SIZE(args) == 1) {
            PithObject *key = PITH_TUPLE_GET(args, 0);
            if (pith_str_check(key))
                pith_err_format(&pith_exc_TypeError, "%U got multiple values for keyword argument '%S'", fs, key);
            else
                pith_err_set_string(&pith_exc_TypeError, "keywords must be strings");
        }
        PITH_XDECREF(fs);
        if (!pith_err_occurred()) pith_err_restore(exc);
        else PITH_DECREF(exc);
    }
    return -1;
}

int pith_vm_list_extend(PithObject *list, PithObject *iterable) {
    if (pith_list_extend(list, iterable) == 0) return 0;
    if (pith_err_matches(&pith_exc_TypeError) && !is_iterable(iterable)) {
        pith_err_clear();
        pith_err_format(&pith_exc_TypeError, "Value after * must be an iterable, not %s",
                        pith_type_name(iterable));
    }
    return -1;
}

/* SET_UPDATE: set.update(iterable), so that merging a set or frozenset
 * follows the set's own merge rules (table copy), as CPython's does. */
int pith_vm_set_update(PithObject *set, PithObject *iterable) {
    PithObject *r = pith_call_method(set, "update", &iterable, 1);
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

PithObject *pith_vm_call_ex(PithObject *func, PithObject *args, PithObject *kwargs) {
    PithObject *t = NULL, *d = NULL, *r = NULL;
    if (pith_tuple_check_exact(args)) t = PITH_NEWREF(args);
    else if (!is_iterable(args)) {
        PithObject *fs = pith_function_str(func);
        if (fs) {
            pith_err_format(&pith_exc_TypeError, "%U argument after * must be an iterable, not %s",
                            fs, pith_type_name(args));
            PITH_DECREF(fs);
        }
        return NULL;
    } else if (!(t = pith_sequence_tuple(args)))
        return NULL;
    if (kwargs && !pith_dict_check_exact(kwargs)) {
        d = pith_dict_new();
        if (!d || pith_vm_dict_merge(d, kwargs, func, 1) < 0) goto done;
        kwargs = d;
    }
    if (kwargs && pith_dict_size(kwargs) == 0) kwargs = NULL;
    r = pith_call_tuple_dict(func, t, kwargs);
done:
    PITH_XDECREF(t);
    PITH_XDECREF(d);
    return r;
}

/* ---- with / raise / except --------------------------------------------- */

PithObject *pith_vm_with_enter(PithObject *mgr, PithObject **exit) {
    PithObject *enter = pith_lookup_special(mgr, pith_vm_name(&id_enter, "__enter__"));
    if (!enter) {
        if (!pith_err_occurred())
            pith_err_format(&pith_exc_TypeError,
                            "'%s' object does not support the context manager protocol",
                            pith_type_name(mgr));
        return NULL;
    }
    *exit = pith_lookup_special(mgr, pith_vm_name(&id_exit, "__exit__"));
    if (!*exit) {
        if (!pith_err_occurred())
            pith_err_format(&pith_exc_TypeError,
                            "'%s' object does not support the context manager protocol "
                            "(missed __exit__ method)", pith_type_name(mgr));
        PITH_DECREF(enter);
        return NULL;
    }
    PithObject *r = pith_call_noargs(enter);
    PITH_DECREF(enter);
    if (!r) PITH_CLEAR(*exit);
    return r;
}

int pith_vm_exc_match(PithObject *exc, PithObject *type) {
    bool ok = pith_exc_class_check(type);
    if (!ok && pith_tuple_check(type)) {
        ok = true;
        for (intptr_t i = 0; i < PITH_SIZE(type); i++)
            if (!pith_exc_class_check(PITH_TUPLE_GET(type, i))) ok = false;
    }
    if (!ok) {
        pith_err_set_string(&pith_exc_TypeError,
                            "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    return pith_exc_matches(exc, type);
}

void pith_vm_chain_context(PithObject *exc) {
    PithObject *handled = pith_tstate()->handled_exc;
    if (!handled || handled == exc || !pith_exc_check(handled)) return;
    /* cut a cycle: exc must not appear in handled's context chain */
    int guard = 0;
    for (PithObject *o = handled; o && guard < 100000; guard++) {
        PithObject *ctx = ((PithBaseException *)o)->context;
        if (ctx == exc) {
            pith_exc_set_context(o, NULL);
            break;
        }
        o = ctx;
    }
    pith_exc_set_context(exc, PITH_NEWREF(handled));
}

/* An exception instance from a class or instance; NULL + TypeError. */
static PithObject *make_exception(PithObject *x, const char *what) {
    if (pith_exc_class_check(x)) {
        PithObject *v = pith_call_noargs(x);
        if (v && !pith_exc_check(v)) {
            pith_err_format(&pith_exc_TypeError,
                            "calling %R should have returned an instance of BaseException, not %s",
                            x, pith_type_name(v));
            PITH_CLEAR(v);
        }
        return v;
    }
    if (pith_exc_check(x)) return PITH_NEWREF(x);
    pith_err_set_string(&pith_exc_TypeError, what);
    return NULL;
}

int pith_vm_do_raise(PithObject *exc, PithObject *cause) {
    PithThreadState *ts = pith_tstate();
    if (!exc) {
        PithObject *h = ts->handled_exc;
        if (!h || h == PITH_NONE) {
            pith_err_set_string(&pith_exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        pith_err_restore(PITH_NEWREF(h));
        return 1;
    }
    PithObject *value = make_exception(exc, "exceptions must derive from BaseException");
    if (!value) return 0;
    if (cause) {
        PithObject *c = NULL;
        if (cause != PITH_NONE) {
            c = make_exception(cause, "exception causes must derive from BaseException");
            if (!c) {
                PITH_DECREF(value);
                return 0;
            }
        }
        pith_exc_set_cause(value, c);
        ((PithBaseException *)value)->suppress_context = 1;
    }
    pith_vm_chain_context(value);
    pith_err_restore(value);
    return 0;
}

/* ---- names --------------------------------------------------------------- */

void pith_vm_name_error(PithObject *name) {
    pith_err_format(&pith_exc_NameError, "name '%U' is not defined", name);
    PithObject *exc = pith_err_occurred();
    if (exc && pith_type_ok(exc, &pith_exc_NameError)) {
        PithObject *e = pith_err_fetch();
        if (pith_setattr_str(e, "name", name) < 0) pith_err_clear();
        pith_err_restore(e);
    }
}

void pith_vm_unbound_local(PithCode *co, int oparg) {
    pith_err_format(&pith_exc_UnboundLocalError,
                    "cannot access local variable '%U' where it is not associated with a value",
                    PITH_TUPLE_GET(co->varnames, oparg));
}

static PithObject *deref_name(PithCode *co, int oparg) {
    intptr_t ncells = PITH_SIZE(co->cellvars);
    return oparg < ncells ? PITH_TUPLE_GET(co->cellvars, oparg)
                          : PITH_TUPLE_GET(co->freevars, oparg - ncells);
}

void pith_vm_unbound_deref(PithCode *co, int oparg) {
    PithObject *name = deref_name(co, oparg);
    if (oparg < PITH_SIZE(co->cellvars))
        pith_err_format(&pith_exc_UnboundLocalError,
                        "cannot access local variable '%U' where it is not associated with a value", name);
    else
        pith_err_format(&pith_exc_NameError,
                        "cannot access free variable '%U' where it is not associated with a value "
                        "in enclosing scope", name);
}

/* locals[name]: borrowed-style result as a new ref; NULL without error = absent. */
static PithObject *mapping_get(PithObject *m, PithObject *name) {
    if (pith_dict_check_exact(m)) {
        PithObject *v = pith_dict_get_item(m, name);
        return v ? PITH_NEWREF(v) : NULL;
    }
    PithObject *v = pith_getitem(m, name);
    if (!v && pith_err_matches(&pith_exc_KeyError)) pith_err_clear();
    return v;
}

PithObject *pith_vm_load_name(PithFrame *f, PithObject *name) {
    if (!f->locals) {
        pith_err_format(&pith_exc_SystemError, "no locals when loading %R", name);
        return NULL;
    }
    PithObject *v = mapping_get(f->locals, name);
    if (v || pith_err_occurred()) return v;
    v = pith_dict_get_item(f->globals, name);
    if (v) return PITH_NEWREF(v);
    if (pith_err_occurred()) return NULL;
    v = mapping_get(f->builtins, name);
    if (!v && !pith_err_occurred()) pith_vm_name_error(name);
    return v;
}

PithObject *pith_vm_load_classderef(PithFrame *f, int oparg) {
    PithObject *name = deref_name(f->code, oparg);
    if (f->locals) {
        PithObject *v = mapping_get(f->locals, name);
        if (v || pith_err_occurred()) return v;
    }
    PithObject *cell = f->localsplus[f->code->nlocals + oparg];
    PithObject *v = pith_cell_get(cell);
    if (v) return PITH_NEWREF(v);
    pith_vm_unbound_deref(f->code, oparg);
    return NULL;
}

PithObject *pith_vm_load_build_class(PithFrame *f) {
    PithObject *v = mapping_get(f->builtins, pith_vm_name(&id_build_class, "__build_class__"));
    if (!v && !pith_err_occurred())
        pith_err_set_string(&pith_exc_NameError, "__build_class__ not found");
    return v;
}

int pith_vm_setup_annotations(PithFrame *f) {
    if (!f->locals) {
        pith_err_set_string(&pith_exc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    PithObject *key = pith_vm_name(&id_annotations, "__annotations__");
    PithObject *v = mapping_get(f->locals, key);
    if (v) {
        PITH_DECREF(v);
        return 0;
    }
    if (pith_err_occurred()) return -1;
    PithObject *d = pith_dict_new();
    if (!d) return -1;
    int r = store_local(f, key, d);
    PITH_DECREF(d);
    return r;
}

int pith_vm_print_expr(PithObject *v) {
    PithObject *hook = pith_interp.sysdict ? pith_dict_get_item_str(pith_interp.sysdict, "displayhook") : NULL;
    if (!hook) {
        if (!pith_err_occurred()) pith_err_set_string(&pith_exc_RuntimeError, "lost sys.displayhook");
        return -1;
    }
    PithObject *r = pith_call_one(hook, v);
    if (!r) return -1;
    PITH_DECREF(r);
    return 0;
}

/* ---- pattern matching --------------------------------------------------- */

int pith_vm_match_kind(PithObject *o, int mapping) {
    if (mapping) return pith_dict_check(o);
    if (pith_str_check(o) || pith_bytes_check(o) || pith_type_ok(o, &pith_bytearray_type)) return 0;
    return pith_list_check(o) || pith_tuple_check(o) || pith_type_ok(o, &pith_range_type);
}

PithObject *pith_vm_match_keys(PithObject *subject, PithObject *keys) {
    intptr_t n = PITH_SIZE(keys);
    if (n == 0) return pith_tuple_new(0);
    PithObject *get = pith_getattr(subject, pith_vm_name(&id_get, "get"));
    if (!get) return NULL;
    PithObject *values = pith_tuple_new(n), *seen = pith_set_new(NULL);
    PithObject *dummy = pith_obj_new(&pith_object_type);
    PithObject *result = NULL;
    if (!values || !seen || !dummy) goto done;
    for (intptr_t i = 0; i < n; i++) {
        PithObject *k = PITH_TUPLE_GET(keys, i);
        int dup = pith_set_contains(seen, k);
        if (dup < 0 || (dup == 0 && pith_set_add(seen, k) < 0)) goto done;
        if (dup) {
            pith_err_format(&pith_exc_ValueError, "mapping pattern checks duplicate key (%R)", k);
            goto done;
        }
        PithObject *args[2] = {k, dummy};
        PithObject *v = pith_call(get, args, 2, NULL);
        if (!v) goto done;
        if (v == dummy) {
            PITH_DECREF(v);
            result = PITH_NEWREF(PITH_NONE);
            goto done;
        }
        PITH_TUPLE_SET(values, i, v);
    }
    result = PITH_NEWREF(values);
done:
    PITH_DECREF(get);
    PITH_XDECREF(values);
    PITH_XDECREF(seen);
    PITH_XDECREF(dummy);
    return result;
}

/* Builtins whose single positional sub-pattern matches the whole subject. */
static bool match_self_type(PithType *t) {
    static PithType *const types[] = {&pith_bool_type, &pith_bytearray_type, &pith_bytes_type,
                                      &pith_dict_type, &pith_float_type, &pith_frozenset_type,
                                      &pith_int_type, &pith_list_type, &pith_set_type,
                                      &pith_str_type, &pith_tuple_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (pith_type_is_subtype(t, types[i])) return true;
    return false;
}

/* Append attribute `name` of subject to list (1), or 0 when missing. */
static int match_attr(PithObject *subject, PithObject *name, PithObject *seen, PithObject *list,
                      PithType *cls) {
    int dup = pith_set_contains(seen, name);
    if (dup < 0) return -1;
    if (dup) {
        pith_err_format(&pith_exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                        cls->tp_name, name);
        return -1;
    }
    if (pith_set_add(seen, name) < 0) return -1;
    PithObject *v = NULL;
    int r = pith_lookup_attr(subject, name, &v);
    if (r <= 0) return r;
    r = pith_list_append(list, v);
    PITH_DECREF(v);
    return r < 0 ? -1 : 1;
}

static int match_positional(PithObject *subject, PithType *cls, int npos, PithObject *seen,
                            PithObject *list) {
    PithObject *ma = NULL;
    if (pith_lookup_attr((PithObject *)cls, pith_vm_name(&id_match_args, "__match_args__"), &ma) < 0)
        return -1;
    if (!ma) {
        int self = match_self_type(cls);
        if (self && npos == 1) return pith_list_append(list, subject) < 0 ? -1 : 1;
        if (self) {
            pith_err_format(&pith_exc_TypeError,
                            "%s() accepts 1 positional sub-pattern (%d given)", cls->tp_name, npos);
            return -1;
        }
        ma = pith_tuple_new(0);
        if (!ma) return -1;
    } else if (!pith_tuple_check(ma)) {
        pith_err_format(&pith_exc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                        cls->tp_name, pith_type_name(ma));
        PITH_DECREF(ma);
        return -1;
    }
    int r = 1;
    if (npos > PITH_SIZE(ma)) {
        pith_err_format(&pith_exc_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)",
                        cls->tp_name, (int)PITH_SIZE(ma), PITH_SIZE(ma) == 1 ? "" : "s", npos);
        r = -1;
    }
    for (int i = 0; r > 0 && i < npos; i++) {
        PithObject *name = PITH_TUPLE_GET(ma, i);
        if (!pith_str_check(name)) {
            pith_err_format(&pith_exc_TypeError, "__match_args__ elements must be strings (got %s)",
                            pith_type_name(name));
            r = -1;
        } else
            r = match_attr(subject, name, seen, list, cls);
    }
    PITH_DECREF(ma);
    return r;
}

PithObject *pith_vm_match_class(PithObject *subject, PithObject *cls, int npos,
                                PithObject *names) {
    if (!pith_type_check(cls)) {
        pith_err_set_string(&pith_exc_TypeError, "called match pattern must be a type");
        return NULL;
    }
    if (!pith_type_ok(subject, (PithType *)cls)) return PITH_NEWREF(PITH_NONE);
    PithObject *list = pith_list_new(0), *seen = pith_set_new(NULL), *result = NULL;
    if (!list || !seen) goto done;
    int r = npos ? match_positional(subject, (PithType *)cls, npos, seen, list) : 1;
    for (intptr_t i = 0; r > 0 && i < PITH_SIZE(names); i++)
        r = match_attr(subject, PITH_TUPLE_GET(names, i), seen, list, (PithType *)cls);
    if (r > 0) result = pith_list_as_tuple(list);
    else if (r == 0) result = PITH_NEWREF(PITH_NONE);
done:
    PITH_XDECREF(list);
    PITH_XDECREF(seen);
    return result;
}

PithObject *pith_vm_get_awaitable(PithObject *o) {
    if (PITH_TYPE(o) == &pith_coro_type) {
        if (pith_gen_yf(o)) {
            pith_err_set_string(&pith_exc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
        return PITH_NEWREF(o);
    }
    PithObject *m = pith_lookup_special(o, pith_vm_name(&id_await, "__await__"));
    if (!m) {
        if (!pith_err_occurred())
            pith_err_format(&pith_exc_TypeError, "object %s can't be used in 'await' expression",
                            pith_type_name(o));
        return NULL;
    }
    PithObject *r = pith_call_noargs(m);
    PITH_DECREF(m);
    if (r && PITH_TYPE(r) == &pith_coro_type) {
        pith_err_set_string(&pith_exc_TypeError, "__await__() returned a coroutine");
        PITH_CLEAR(r);
    } else if (r && !PITH_TYPE(r)->tp_iternext) {
        pith_err_format(&pith_exc_TypeError, "__await__() returned non-iterator of type '%s'",
                        pith_type_name(r));
        PITH_CLEAR(r);
    }
    return r;
}
