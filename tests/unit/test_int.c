/* test_int.c — the number API at C level: small-int cache and canonical
 * form, big-int arithmetic identities (Karatsuba and Knuth division sized
 * operands), text round trips, hashing, int<->double conversion and the
 * float repr rules. */
#include <math.h>
#include <string.h>

#include "check.h"
#include "pith/pith.h"

static PithObject *parse(const char *s) { return pith_int_from_string(s, strlen(s), 10); }

static bool str_is(PithObject *s, const char *want) {
    bool ok = s && strcmp(pith_str_utf8(s), want) == 0;
    PITH_XDECREF(s);
    return ok;
}

static void test_small_form(void) {
    CHECK(pith_int_from_i64(7) == pith_int_from_i64(7)); /* cached */
    PithObject *big = pith_int_from_u64(UINT64_MAX);
    CHECK(!pith_int_is_small(big));
    PithObject *one = pith_int_from_i64(1);
    PithObject *back = pith_int_sub(big, big);
    CHECK(back == pith_int_from_i64(0)); /* normalised into the cache */
    PithObject *m = pith_int_add(pith_int_from_i64(INT64_MAX), one);
    CHECK(m && !pith_int_is_small(m));
    PithObject *n = m ? pith_int_sub(m, one) : NULL;
    CHECK(n && pith_int_is_small(n) && pith_int_small_value(n) == INT64_MAX);
    PITH_XDECREF(n);
    PITH_XDECREF(m);
    PITH_DECREF(big);
}

/* (a * b) // b == a and divmod consistency for operands of many digits. */
static void test_big_identities(void) {
    PithObject *a = pith_int_from_i64(3), *b = pith_int_from_i64(7);
    for (int i = 0; i < 12; i++) { /* a = 3^(2^12)-ish, b similar */
        PITH_SETREF(a, pith_int_mul(a, a));
        PITH_SETREF(b, pith_int_mul(b, b));
        PITH_SETREF(b, pith_int_add(b, pith_int_from_i64(i)));
    }
    PithObject *p = pith_int_mul(a, b);
    PithObject *q = pith_int_floordiv(p, b);
    CHECK(q && pith_int_compare(q, a) == 0);
    PithObject *r = pith_int_mod(a, b);
    PithObject *q2 = pith_int_floordiv(a, b);
    PithObject *t = pith_int_mul(q2, b);
    PithObject *s = pith_int_add(t, r);
    CHECK(s && pith_int_compare(s, a) == 0);
    PithObject *na = pith_int_sub(pith_int_from_i64(0), a);
    PithObject *nr = pith_int_mod(na, b); /* floor semantics: 0 <= r < b */
    CHECK(nr && pith_int_sign(nr) >= 0 && pith_int_compare(nr, b) < 0);
    PITH_XDECREF(nr);
    PITH_XDECREF(na);
    PITH_XDECREF(s);
    PITH_XDECREF(t);
    PITH_XDECREF(q2);
    PITH_XDECREF(r);
    PITH_XDECREF(q);
    PITH_XDECREF(p);
    PITH_DECREF(a);
    PITH_DECREF(b);
}

static void test_text(void) {
    const char *digits = "-123456789012345678901234567890123456789";
    CHECK(str_is(pith_int_format(parse(digits), 10, false), digits));
    CHECK(str_is(pith_int_format(parse("255"), 16, true), "0xff"));
    CHECK(str_is(pith_int_format(parse("-10"), 2, true), "-0b1010"));
    PithObject *x = pith_int_from_string(" 0x_1F ", 7, 0);
    CHECK(x && pith_int_small_value(x) == 31);
    PITH_XDECREF(x);
    CHECK(pith_int_from_string("1__0", 4, 10) == NULL && pith_err_occurred());
    pith_err_clear();
}

static void test_hash_and_double(void) {
    CHECK(pith_int_hash(pith_int_from_i64(-1)) == -2);
    PithObject *p61 = parse("2305843009213693951"); /* 2^61 - 1 */
    CHECK(pith_int_hash(p61) == 0);
    PITH_DECREF(p61);
    CHECK(pith_float_hash_double(1.0) == 1);
    CHECK(pith_float_hash_double(INFINITY) == 314159);
    PithObject *h = parse("9007199254740993"); /* 2^53 + 1: ties to even */
    CHECK(pith_int_as_double(h) == 9007199254740992.0);
    PITH_DECREF(h);
}

static void test_float_repr(void) {
    static const struct {
        double v;
        const char *s;
    } cases[] = {
        {0.1 + 0.2, "0.30000000000000004"}, {1e16, "1e+16"}, {1e-5, "1e-05"},
        {1e-4, "0.0001"}, {123456789012345.0, "123456789012345.0"},
        {-0.0, "-0.0"}, {5e-324, "5e-324"}, {1.5e300, "1.5e+300"},
    };
    char buf[40];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pith_float_repr_buf(cases[i].v, buf, sizeof buf);
        CHECK(strcmp(buf, cases[i].s) == 0);
    }
    CHECK(str_is(pith_float_format(2.675, 'f', 2, 0), "2.67"));
}

int main(void) {
    if (pith_initialize() < 0) return 1;
    test_small_form();
    test_big_identities();
    test_text();
    test_hash_and_double();
    test_float_repr();
    return check_report("test_int");
}
