/* test_l3_pools.c — L3 per-type pools: the small-int cache (-5..256 are
 * unique immortal objects) and the float free list (a freed float's memory
 * is reused by the next float). Needs the runtime initialised. */
#include "check.h"
#include "pith/pith.h"

int main(void) {
    CHECK(pith_initialize() == 0);
    for (int64_t v = -5; v <= 256; v++) {
        PithObject *a = pith_int_from_i64(v), *b = pith_int_from_i64(v);
        CHECK(a == b && pith_is_immortal(a) && pith_int_small_value(a) == v);
    }
    PithObject *big1 = pith_int_from_i64(257), *big2 = pith_int_from_i64(257);
    CHECK(big1 != big2 && !pith_is_immortal(big1));
    PITH_DECREF(big1);
    PITH_DECREF(big2);

    PithObject *f = pith_float_from_double(1.5);
    void *addr = f;
    PITH_DECREF(f);
    PithObject *g = pith_float_from_double(2.5);
    CHECK((void *)g == addr && PITH_FLOAT_VALUE(g) == 2.5);
    PITH_DECREF(g);

    CHECK(pith_tuple_new(0) == pith_tuple_new(0)); /* empty tuple singleton */
    PithObject *t = pith_tuple_pack(2, PITH_NONE, PITH_NONE);
    void *taddr = t;
    PITH_DECREF(t);
    PithObject *t2 = pith_tuple_pack(2, PITH_TRUE, PITH_FALSE);
    CHECK((void *)t2 == taddr); /* per-size tuple free list */
    PITH_DECREF(t2);
    return check_report("test_l3_pools");
}
