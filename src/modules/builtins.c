/* builtins.c — the builtins module: assembly (functions, types, exception
 * classes, constants) and the builtin functions about single objects and
 * numbers (abs, chr, ord, getattr, isinstance, round, ...).
 * Iteration builtins live in builtins_iter.c; code/namespace/io ones in
 * builtins_code.c. */
#include "builtins_impl.h"
#include "pith/func.h"
#include "pith/memoryview.h"
#include "pith/run.h"

#include <limits.h>
#include <string.h>

/* ---- single-object builtins ---------------------------------------------- */

static BUILTIN(bi_abs) { return pith_number_absolute(args[0]); }
static BUILTIN(bi_ascii) { return pith_ascii(args[0]); }
static BUILTIN(bi_repr) { return pith_repr(args[0]); }
static BUILTIN(bi_callable) { return PITH_NEWREF(pith_bool_from(pith_callable_check(args[0]))); }

static BUILTIN(bi_len) {
    intptr_t n = pith_len(args[0]);
    return n < 0 ? NULL : pith_int_from_ssize(n);
}

static BUILTIN(bi_hash) {
    intptr_t h = pith_hash(args[0]);
    return h == -1 ? NULL : pith_int_from_ssize(h);
}

static BUILTIN(bi_id) { return pith_int_from_u64((uint64_t)(uintptr_t)args[0]); }

static BUILTIN(bi_divmod) {
    if (pith_arg_check_range("divmod", nargs, 2, 2) < 0) return NULL;
    return pith_number_divmod(args[0], args[1]);
}

static BUILTIN(bi_pow) {
    static const char *const kw[] = {"base", "exp", "mod", NULL};
    static const PithArgSpec spec = {"pow", kw, 3, 0, 2, 3};
    PithObject *v[3];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    return pith_number_power(v[0], v[1], v[2] ? v[2] : PITH_NONE);
}

static PithObject *int_format_builtin(PithObject *o, int base) {
    PithObject *i = pith_number_index(o);
    if (!i) return NULL;
    PithObject *r = pith_int_format(i, base, true);
    PITH_DECREF(i);
    return r;
}

static BUILTIN(bi_bin) { return int_format_builtin(args[0], 2); }
static BUILTIN(bi_oct) { return int_format_builtin(args[0], 8); }
static BUILTIN(bi_hex) { return int_format_builtin(args[0], 16); }

static BUILTIN(bi_chr) {
    PithObject *i = pith_number_index(args[0]);
    if (!i) return NULL;
    int overflow = 0;
    int64_t v = pith_int_as_i64_overflow(i, &overflow);
    PITH_DECREF(i);
    if (overflow || v > INT_MAX || v < INT_MIN)
        return pith_err_format(&pith_exc_OverflowError, "Python int too large to convert to C int");
    if (v < 0 || v > 0x10FFFF)
        return pith_err_format(&pith_exc_ValueError, "chr() arg not in range(0x110000)");
    return pith_str_from_char((uint32_t)v);
}

static PithObject *ord_length_error(intptr_t n) {
    return pith_err_format(&pith_exc_TypeError,
                           "ord() expected a character, but string of length %zd found", n);
}

static BUILTIN(bi_ord) {
    PithObject *o = args[0];
    if (pith_str_check(o)) {
        if (PITH_STR_LEN(o) != 1) return ord_length_error(PITH_STR_LEN(o));
        return pith_int_from_i64(pith_str_read((PithStr *)o, 0));
    }
    if (pith_bytes_check(o)) {
        if (PITH_BYTES_SIZE(o) != 1) return ord_length_error(PITH_BYTES_SIZE(o));
        return pith_int_from_i64((unsigned char)PITH_BYTES_DATA(o)[0]);
    }
    if (pith_type_ok(o, &pith_bytearray_type)) {
        intptr_t n = pith_len(o);
        if (n < 0) return NULL;
        if (n != 1) return ord_length_error(n);
        return pith_sequence_getitem(o, 0);
    }
    return pith_err_format(&pith_exc_TypeError,
                           "ord() expected string of length 1, but %s found", pith_type_name(o));
}

static BUILTIN(bi_format) {
    static const char *const kw[] = {"", "", NULL};
    static const PithArgSpec spec = {"format", kw, 2, 2, 1, 2};
    PithObject *v[2];
    if (nargs < 1 || nargs > 2) /* clinic's _PyArg_CheckPositional wording */
        return pith_err_format(&pith_exc_TypeError, "format expected at %s %d argument%s, got %zd",
                               nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2,
                               nargs < 1 ? "" : "s", (intptr_t)nargs);
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    if (v[1] && !pith_str_check(v[1]))
        return pith_err_format(&pith_exc_TypeError, "format() argument 2 must be str, not %s",
                               pith_type_name(v[1]));
    PithObject *spec_str = v[1] ? PITH_NEWREF(v[1]) : pith_str_empty();
    PithObject *r = pith_format(v[0], spec_str);
    PITH_DECREF(spec_str);
    return r;
}

static BUILTIN(bi_round) {
    static const char *const kw[] = {"number", "ndigits", NULL};
    static const PithArgSpec spec = {"round", kw, 2, 0, 1, 2};
    PithObject *v[2];
    if (pith_arg_parse(&spec, args, nargs, kwnames, v) < 0) return NULL;
    PithObject *name = pith_str_intern_cstr("__round__");
    if (!name) return NULL;
    PithObject *meth = pith_lookup_special(v[0], name);
    PITH_DECREF(name);
    if (!meth) {
        if (pith_err_occurred()) return NULL;
        return pith_err_format(&pith_exc_TypeError, "type %s doesn't define __round__ method",
                               pith_type_name(v[0]));
    }
    PithObject *r = (v[1] && v[1] != PITH_NONE) ? pith_call_one(meth, v[1])
                                                 : pith_call_noargs(meth);
    PITH_DECREF(meth);
    return r;
}

/* ---- attributes ------------------------------------------------------------ */

static int check_attr_name(PithObject *name) {
    if (pith_str_check(name)) return 0;
    pith_err_format(&pith_exc_TypeError, "attribute name must be string, not '%s'",
                    pith_type_name(name));
    return -1;
}

static BUILTIN(bi_getattr) {
    if (pith_arg_check_range("getattr", nargs, 2, 3) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (nargs == 2) return pith_getattr(args[0], args[1]);
    PithObject *r;
    int found = pith_lookup_attr(args[0], args[1], &r);
    if (found < 0) return NULL;
    return found ? r : PITH_NEWREF(args[2]);
}

static BUILTIN(bi_hasattr) {
    if (pith_arg_check_range("hasattr", nargs, 2, 2) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    PithObject *r;
    int found = pith_lookup_attr(args[0], args[1], &r);
    if (found < 0) return NULL;
    PITH_XDECREF(r);
    return PITH_NEWREF(pith_bool_from(found));
}

static BUILTIN(bi_setattr) {
    if (pith_arg_check_range("setattr", nargs, 3, 3) < 0 || check_attr_name(args[1]) < 0 ||
        pith_setattr(args[0], args[1], args[2]) < 0)
        return NULL;
    PITH_RETURN_NONE;
}

static BUILTIN(bi_delattr) {
    if (pith_arg_check_range("delattr", nargs, 2, 2) < 0 || check_attr_name(args[1]) < 0 ||
        pith_delattr(args[0], args[1]) < 0)
        return NULL;
    PITH_RETURN_NONE;
}

/* ---- isinstance / issubclass (protocol in runtime/abstract.c) ------------- */

static BUILTIN(bi_isinstance) {
    if (pith_arg_check_range("isinstance", nargs, 2, 2) < 0) return NULL;
    int r = pith_isinstance(args[0], args[1]);
    return r < 0 ? NULL : PITH_NEWREF(pith_bool_from(r));
}

static BUILTIN(bi_issubclass) {
    if (pith_arg_check_range("issubclass", nargs, 2, 2) < 0) return NULL;
    int r = pith_issubclass(args[0], args[1]);
    return r < 0 ? NULL : PITH_NEWREF(pith_bool_from(r));
}

/* ---- the module ------------------------------------------------------------ */

static PithMethodDef builtin_methods[] = {
    {"__build_class__", pith_builtin_build_class, PITH_METH_KW, NULL},
    {"__import__", pith_bi_import, PITH_METH_KW, NULL},
    {"abs", bi_abs, PITH_METH_O, NULL},
    {"aiter", pith_bi_aiter, PITH_METH_O, NULL},
    {"all", pith_bi_all, PITH_METH_O, NULL},
    {"anext", pith_bi_anext, PITH_METH_FAST, NULL},
    {"any", pith_bi_any, PITH_METH_O, NULL},
    {"ascii", bi_ascii, PITH_METH_O, NULL},
    {"bin", bi_bin, PITH_METH_O, NULL},
    {"breakpoint", pith_bi_breakpoint, PITH_METH_KW, NULL},
    {"callable", bi_callable, PITH_METH_O, NULL},
    {"chr", bi_chr, PITH_METH_O, NULL},
    {"compile", pith_bi_compile, PITH_METH_KW, NULL},
    {"delattr", bi_delattr, PITH_METH_FAST, NULL},
    {"dir", pith_bi_dir, PITH_METH_FAST, NULL},
    {"divmod", bi_divmod, PITH_METH_FAST, NULL},
    {"eval", pith_bi_eval, PITH_METH_FAST, NULL},
    {"exec", pith_bi_exec, PITH_METH_KW, NULL},
    {"format", bi_format, PITH_METH_KW, NULL},
    {"getattr", bi_getattr, PITH_METH_FAST, NULL},
    {"globals", pith_bi_globals, PITH_METH_NOARGS, NULL},
    {"hasattr", bi_hasattr, PITH_METH_FAST, NULL},
    {"hash", bi_hash, PITH_METH_O, NULL},
    {"hex", bi_hex, PITH_METH_O, NULL},
    {"id", bi_id, PITH_METH_O, NULL},
    {"input", pith_bi_input, PITH_METH_FAST, NULL},
    {"isinstance", bi_isinstance, PITH_METH_FAST, NULL},
    {"issubclass", bi_issubclass, PITH_METH_FAST, NULL},
    {"iter", pith_bi_iter, PITH_METH_FAST, NULL},
    {"len", bi_len, PITH_METH_O, NULL},
    {"locals", pith_bi_locals, PITH_METH_NOARGS, NULL},
    {"max", pith_bi_max, PITH_METH_KW, NULL},
    {"min", pith_bi_min, PITH_METH_KW, NULL},
    {"next", pith_bi_next, PITH_METH_FAST, NULL},
    {"oct", bi_oct, PITH_METH_O, NULL},
    {"open", pith_builtin_open, PITH_METH_KW, NULL},
    {"ord", bi_ord, PITH_METH_O, NULL},
    {"pow", bi_pow, PITH_METH_KW, NULL},
    {"print", pith_bi_print, PITH_METH_KW, NULL},
    {"repr", bi_repr, PITH_METH_O, NULL},
    {"round", bi_round, PITH_METH_KW, NULL},
    {"setattr", bi_setattr, PITH_METH_FAST, NULL},
    {"sorted", pith_bi_sorted, PITH_METH_KW, NULL},
    {"sum", pith_bi_sum, PITH_METH_KW, NULL},
    {"vars", pith_bi_vars, PITH_METH_FAST, NULL},
    {NULL, NULL, 0, NULL},
};

static const char builtins_doc[] =
    "Built-in functions, types, exceptions, and other objects.\n\n"
    "This module provides direct access to all 'built-in'\n"
    "identifiers of Python; for example, builtins.len is\n"
    "the full name for the built-in function len().\n\n"
    "This module is not normally accessed explicitly by most\n"
    "applications, but can be useful in modules that provide\n"
    "objects with the same name as a built-in value, but in\n"
    "which the built-in of that name is also needed.";

static int add_ref(PithObject *m, const char *name, void *obj) {
    return pith_module_add_object(m, name, PITH_NEWREF(obj));
}

static int add_types(PithObject *m) {
    static const struct { const char *name; PithType *type; } types[] = {
        {"object", &pith_object_type}, {"type", &pith_type_type},
        {"int", &pith_int_type}, {"bool", &pith_bool_type},
        {"float", &pith_float_type}, {"complex", &pith_complex_type},
        {"str", &pith_str_type}, {"bytes", &pith_bytes_type},
        {"bytearray", &pith_bytearray_type}, {"list", &pith_list_type},
        {"tuple", &pith_tuple_type}, {"dict", &pith_dict_type},
        {"set", &pith_set_type}, {"frozenset", &pith_frozenset_type},
        {"range", &pith_range_type}, {"slice", &pith_slice_type},
        {"enumerate", &pith_enumerate_type}, {"zip", &pith_zip_type},
        {"reversed", &pith_reversed_type}, {"map", &pith_map_type},
        {"filter", &pith_filter_type}, {"property", &pith_property_type},
        {"super", &pith_super_type}, {"staticmethod", &pith_staticmethod_type},
        {"classmethod", &pith_classmethod_type},
        {"memoryview", &pith_memoryview_type},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (add_ref(m, types[i].name, types[i].type) < 0) return -1;
    return 0;
}

static int add_exceptions(PithObject *m) {
#define ADD_EXC(name, base)                                                    \
    if (add_ref(m, #name, &pith_exc_##name) < 0) return -1;
    PITH_EXC_LIST(ADD_EXC)
#undef ADD_EXC
    if (add_ref(m, "EnvironmentError", &pith_exc_OSError) < 0 ||
        add_ref(m, "IOError", &pith_exc_OSError) < 0)
        return -1;
    return 0;
}

static int add_constants(PithObject *m) {
    if (add_ref(m, "None", PITH_NONE) < 0 || add_ref(m, "True", PITH_TRUE) < 0 ||
        add_ref(m, "False", PITH_FALSE) < 0 || add_ref(m, "Ellipsis", PITH_ELLIPSIS) < 0 ||
        add_ref(m, "NotImplemented", PITH_NOTIMPL) < 0 ||
        add_ref(m, "__debug__", pith_bool_from(pith_config.optimize == 0)) < 0 ||
        pith_module_add_object(m, "__doc__", pith_str_from_cstr(builtins_doc)) < 0 ||
        pith_module_add_object(m, "__package__", pith_str_empty()) < 0 ||
        add_ref(m, "__loader__", PITH_NONE) < 0 || add_ref(m, "__spec__", PITH_NONE) < 0)
        return -1;
    return 0;
}

int pith_builtins_init(void) {
    PithObject *m = pith_module_new("builtins");
    if (!m) return -1;
    if (pith_module_add_functions(m, builtin_methods) < 0 ||
        add_types(m) < 0 || add_exceptions(m) < 0 || add_constants(m) < 0) {
        PITH_DECREF(m);
        return -1;
    }
    pith_interp.builtins_module = m;
    pith_interp.builtins = pith_module_get_dict(m);
    /* what the site module would add (exit, help, ...) */
    if (!pith_config.no_site && pith_builtins_site_init(pith_interp.builtins) < 0) return -1;
    return 0;
}

PithObject *pith_builtins_module_init(void) {
    if (!pith_interp.builtins_module)
        return pith_err_format(&pith_exc_ImportError, "builtins is not initialized");
    return PITH_NEWREF(pith_interp.builtins_module);
}
