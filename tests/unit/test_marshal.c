/* test_marshal.c — marshal round trips (values, shared references, a
 * compiled code object) and a fuzz of the loader: random byte mutations
 * and truncations of valid dumps must give an object or a clean
 * exception, never a crash (run it under ASan). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "pith/pith.h"
#include "pith/compile.h"
#include "pith/marshal.h"

static PithObject *eval_text(const char *src) {
    PithObject *fn = pith_str_from_cstr("<test>");
    PithCode *co = pith_compile_source(src, strlen(src), fn, PITH_MODE_EVAL, 0);
    PithObject *g = pith_dict_new();
    PithObject *r = NULL;
    if (co && g && pith_dict_set_item_str(g, "__builtins__", pith_interp.builtins) == 0)
        r = pith_eval_code(co, g, g);
    PITH_XDECREF(fn);
    PITH_XDECREF((PithObject *)co);
    PITH_XDECREF(g);
    return r;
}

/* dumps then loads gives an equal value. */
static void roundtrip(const char *expr) {
    PithObject *v = eval_text(expr);
    CHECK(v != NULL);
    if (!v) {
        pith_err_clear();
        return;
    }
    PithObject *d = pith_marshal_dumps(v, PITH_MARSHAL_VERSION);
    CHECK(d != NULL);
    PithObject *back = d ? pith_marshal_loads(PITH_BYTES_DATA(d), (size_t)PITH_BYTES_SIZE(d), NULL) : NULL;
    CHECK(back != NULL);
    if (back) CHECK(pith_richcompare_bool(v, back, PITH_EQ) == 1);
    if (!back) printf("  failed: %s\n", expr);
    pith_err_clear();
    PITH_XDECREF(back);
    PITH_XDECREF(d);
    PITH_DECREF(v);
}

static unsigned long long lcg_state;

/* Deterministic pseudo-random numbers (same sequence on every libc). */
static unsigned lcg(void) {
    lcg_state = lcg_state * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)(lcg_state >> 33);
}

static long fuzz_count;

/* One load of a mutated blob: an object, or ValueError (and subclasses),
 * EOFError or TypeError; anything else is a failure. */
static void load_one(const unsigned char *buf, size_t len) {
    PithObject *o = pith_marshal_loads((const char *)buf, len, NULL);
    fuzz_count++;
    if (o) {
        PithObject *r = pith_repr(o); /* the result must be a usable object */
        if (!r) pith_err_clear();
        PITH_XDECREF(r);
        PITH_DECREF(o);
        return;
    }
    bool allowed = pith_err_matches(&pith_exc_ValueError) || pith_err_matches(&pith_exc_EOFError) ||
                   pith_err_matches(&pith_exc_TypeError);
    if (!allowed) {
        PithObject *exc = pith_err_fetch(), *r = exc ? pith_repr(exc) : NULL;
        printf("  unexpected exception %s\n", r ? pith_str_utf8(r) : "?");
        PITH_XDECREF(r);
        PITH_XDECREF(exc);
    }
    CHECK(allowed);
    pith_err_clear();
}

/* Load every truncation of data and `rounds` random mutations: bytes
 * overwritten (often with type codes or 0xff), bytes inserted or deleted,
 * and truncations of mutated data. */
static void fuzz(PithObject *data, unsigned seed, int rounds) {
    static const char codes[] = "0NFTS.iIfgxylstr([{cu<>aAz)Z";
    size_t n = (size_t)PITH_BYTES_SIZE(data);
    unsigned char *buf = malloc(n + 16);
    if (!buf) return;
    for (size_t cut = 0; cut < n; cut++) load_one((const unsigned char *)PITH_BYTES_DATA(data), cut);
    lcg_state = seed;
    for (int round = 0; round < rounds; round++) {
        memcpy(buf, PITH_BYTES_DATA(data), n);
        size_t len = n;
        int edits = 1 + (int)(lcg() % 4);
        for (int k = 0; k < edits && len > 0; k++) {
            size_t at = lcg() % len;
            switch (lcg() % 5) {
            case 0: buf[at] = (unsigned char)lcg(); break;
            case 1: buf[at] = (unsigned char)(codes[lcg() % (sizeof codes - 1)] | (lcg() % 2 ? 0x80 : 0)); break;
            case 2: buf[at] = 0xff; break;
            case 3: /* insert a byte */
                if (len < n + 15) {
                    memmove(buf + at + 1, buf + at, len - at);
                    buf[at] = (unsigned char)lcg();
                    len++;
                }
                break;
            default: /* delete a byte */
                memmove(buf + at, buf + at + 1, len - at - 1);
                len--;
            }
        }
        if (lcg() % 4 == 0) len = lcg() % (len + 1);
        load_one(buf, len);
    }
    free(buf);
}

int main(void) {
    if (pith_initialize() < 0) {
        printf("init failed\n");
        return 1;
    }
    const char *values[] = {
        "None", "True", "(False, ..., StopIteration)", "0", "-1", "2**31", "-2**31 - 1",
        "2**63", "-2**64", "7**500", "-(3**1000)", "1.5", "-0.0", "1e308", "3+4j",
        "'abc'", "'h\\u00e9llo \\U0001F600'", "'x' * 300", "b'\\x00\\xff'", "bytearray(b'zz')",
        "(1, (2, 3), [4, {5: 6}])", "tuple(range(300))", "{'a': [1, 2], 'b': (3,)}",
        "{1, 2, 'x'}", "frozenset({(1, 2), 'y'})", "[[], [[]], {}, set()]",
    };
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) roundtrip(values[i]);

    /* shared objects come back shared */
    PithObject *shared = eval_text("(lambda t: [t, t, t])((1, 'two', 3.0))");
    PithObject *d = shared ? pith_marshal_dumps(shared, PITH_MARSHAL_VERSION) : NULL;
    PithObject *back = d ? pith_marshal_loads(PITH_BYTES_DATA(d), (size_t)PITH_BYTES_SIZE(d), NULL) : NULL;
    CHECK(back && pith_list_check(back) && PITH_LIST_GET(back, 0) == PITH_LIST_GET(back, 2));
    PITH_XDECREF(back);
    PITH_XDECREF(shared);
    if (d) fuzz(d, 1, 4000);
    PITH_XDECREF(d);

    /* a code object survives a round trip and still runs */
    const char *src = "def f(a, *b, k=2, **kw):\n    return [a, b, k, kw, 'x' * 2, 2**70, 1.5]\n"
                      "class C:\n    def m(self):\n        return {x for x in range(3)}\n"
                      "r = (f(1, 2, z=3), C().m())\n";
    PithObject *fn = pith_str_from_cstr("<code>");
    PithCode *co = pith_compile_source(src, strlen(src), fn, PITH_MODE_EXEC, 0);
    CHECK(co != NULL);
    PithObject *cd = co ? pith_marshal_dumps((PithObject *)co, PITH_MARSHAL_VERSION) : NULL;
    CHECK(cd != NULL);
    PithObject *co2 = cd ? pith_marshal_loads(PITH_BYTES_DATA(cd), (size_t)PITH_BYTES_SIZE(cd), NULL) : NULL;
    CHECK(co2 && pith_code_check(co2));
    PithObject *g = pith_dict_new();
    pith_dict_set_item_str(g, "__builtins__", pith_interp.builtins);
    PithObject *res = co2 ? pith_eval_code((PithCode *)co2, g, g) : NULL;
    CHECK(res != NULL);
    PithObject *r = pith_dict_get_item_str(g, "r"), *rr = r ? pith_repr(r) : NULL;
    CHECK(rr && strcmp(pith_str_utf8(rr), "([1, (2,), 2, {'z': 3}, 'xx', 1180591620717411303424, 1.5], {0, 1, 2})") == 0);
    if (cd) fuzz(cd, 2, 4000);
    PITH_XDECREF(rr);
    PITH_XDECREF(res);
    PITH_XDECREF(g);
    PITH_XDECREF(co2);
    PITH_XDECREF(cd);
    PITH_XDECREF((PithObject *)co);
    PITH_XDECREF(fn);

    /* a mixed value with every type code the writer produces */
    PithObject *mixed = eval_text("[None, True, False, ..., StopIteration, 0, -5, 2**40, -(7**60), 0.25,"
                                  " 1-2j, 'ascii', 'h\\u00e9', 'x' * 300, b'by', (1,), tuple(range(260)),"
                                  " {'k': [1]}, {1, 2}, frozenset({'f'}), (lambda: 1).__code__]");
    CHECK(mixed != NULL);
    PithObject *md = mixed ? pith_marshal_dumps(mixed, PITH_MARSHAL_VERSION) : NULL;
    if (md) fuzz(md, 3, 4000);
    PithObject *md2 = mixed ? pith_marshal_dumps(mixed, 2) : NULL;
    if (md2) fuzz(md2, 4, 1000);
    PITH_XDECREF(md);
    PITH_XDECREF(md2);
    PITH_XDECREF(mixed);
    pith_err_clear();
    printf("fuzz: %ld blobs loaded\n", fuzz_count);
    CHECK(fuzz_count >= 10000);

    /* errors */
    PithObject *o = pith_marshal_loads("", 0, NULL);
    CHECK(!o && pith_err_matches(&pith_exc_EOFError));
    pith_err_clear();
    o = pith_marshal_loads("r\x05\x00\x00\x00", 5, NULL);
    CHECK(!o && pith_err_matches(&pith_exc_ValueError));
    pith_err_clear();
    o = pith_marshal_loads("0", 1, NULL);
    CHECK(!o && pith_err_matches(&pith_exc_TypeError));
    pith_err_clear();
    o = pith_marshal_dumps(PITH_NOTIMPL, 4);
    CHECK(!o && pith_err_matches(&pith_exc_ValueError));
    pith_err_clear();
    return check_report("test_marshal");
}
