/* test_str_api.c — unit test of the str C API: pith_str_from_format directives,
 * in-place append, interning, the string builder, Unicode predicates. */
#include "pith/pith.h"
#include <stdio.h>
#include <string.h>
static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL %s:%d %s\n", __FILE__, __LINE__, #c); fails++; } } while (0)
static void eq(PithObject *s, const char *want) {
    const char *u = s ? pith_str_utf8(s) : "(null)";
    if (!u || strcmp(u, want)) { printf("FAIL got [%s] want [%s]\n", u ? u : "?", want); fails++; }
}
int main(void) {
    if (pith_initialize() < 0) { printf("init failed\n"); return 1; }
    PithObject *x = pith_str_from_cstr("abc");
    eq(pith_str_from_format("%s|%d|%i|%u|%ld|%lu|%lld|%llu|%zd|%zu|%x|%c|%%|%.2s|%5d|%-4d|", "héllo", -5, 7, 8u, -9L, 10UL, -11LL, 12ULL, (intptr_t)-13, (size_t)14, 255, 0xe9, "xyz", 42, 7), "héllo|-5|7|8|-9|10|-11|12|-13|14|ff|é|%|xy|   42|7   |");
    eq(pith_str_from_format("%R %S %A %U %T %.2R", x, x, pith_str_from_cstr("é"), x, x, x), "'abc' abc '\\xe9' abc str 'a");
    PithObject *s = pith_str_from_cstr("ab");
    PithObject *t = pith_str_concat(s, x); /* fresh, refcnt 1 */
    CHECK(pith_str_append_inplace(&t, x) == 0); eq(t, "ababcabc");
    CHECK(pith_str_append_inplace(&t, pith_str_from_cstr("é")) == 0); eq(t, "ababcabcé");
    CHECK(pith_str_append_inplace(&t, pith_str_from_cstr("😀")) == 0); eq(t, "ababcabcé😀");
    CHECK(PITH_STR_LEN(t) == 10);
    PithObject *i1 = pith_str_intern_cstr("hello_id"), *i2 = pith_str_intern_cstr("hello_id");
    CHECK(i1 == i2);
    PithObject *e = pith_str_empty();
    CHECK(pith_str_append_inplace(&e, x) == 0); eq(e, "abc"); CHECK(e != pith_str_empty());
    CHECK(pith_str_from_char('a') == pith_str_from_char('a'));
    PithStrBuilder sb; pith_sb_init(&sb); pith_sb_append_utf8(&sb, "x\xc3\xa9", -1); pith_sb_append_char(&sb, 0x1F600); pith_sb_append_repr(&sb, x);
    eq(pith_sb_finish(&sb), "xé😀'abc'");
    CHECK(pith_unicode_isidentifier_start(0x3b1) && !pith_unicode_isidentifier_start('1') && pith_unicode_isidentifier_continue('1'));
    CHECK(pith_unicode_decimal(0x663) == 3 && pith_unicode_isspace(0x3000) && !pith_unicode_isspace(0x200b));
    printf("%s\n", fails ? "FAILED" : "OK");
    return fails != 0;
}
