/* Width, grapheme clusters, code-point Backspace, clipping (THAI.md). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

#define S(lit) lit, strlen(lit)

static const char kung[] = "กุ้ง";  /* ก ุ ้ ง */
static const char nam[] = "น้ำ";    /* น ้ ำ */

static void test_width(void **state)
{
    (void)state;
    assert_int_equal(text_codepoints(S(kung)), 4);
    assert_int_equal(text_width(S(kung)), 2);
    assert_int_equal(text_codepoints(S(nam)), 3);
    assert_int_equal(text_width(S(nam)), 2);
    /* every mark is 0 wide; SARA AM and the leading vowels are 1 */
    const uint32_t marks[] = {0x0E31, 0x0E34, 0x0E35, 0x0E36, 0x0E37, 0x0E38,
                              0x0E39, 0x0E3A, 0x0E47, 0x0E48, 0x0E49, 0x0E4A,
                              0x0E4B, 0x0E4C, 0x0E4D, 0x0E4E};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        char b[4];
        int k = text_encode(marks[i], b);
        assert_int_equal(text_width(b, (size_t)k), 0);
    }
    assert_int_equal(text_width(S("ำ")), 1);
    assert_int_equal(text_width(S("เแโใไ")), 5);
    assert_int_equal(text_width(S("ab\x1b" "c")), 3); /* controls count 0 */
    assert_int_equal(text_width(S("日本")), 4);
    assert_int_equal(text_width("", 0), 0);
}

static void test_clusters(void **state)
{
    (void)state;
    assert_int_equal(text_clusters(S(kung)), 2); /* กุ้ + ง */
    assert_int_equal(text_clusters(S(nam)), 1);  /* SARA AM joins */
    assert_int_equal(text_next_cluster(S(nam), 0), strlen(nam));
    assert_int_equal(text_next_cluster(S(kung), 0), 9);
    assert_int_equal(text_next_cluster(S(kung), 9), 12);
    assert_int_equal(text_next_cluster(S(kung), 12), 12);
    assert_int_equal(text_prev_cluster(S(kung), 12), 9);
    assert_int_equal(text_prev_cluster(S(kung), 9), 0);
    assert_int_equal(text_prev_cluster(S(kung), 6), 0); /* from inside */
    assert_int_equal(text_prev_cluster(S(kung), 0), 0);
    assert_true(text_is_cluster_boundary(S(kung), 0));
    assert_false(text_is_cluster_boundary(S(kung), 3));
    assert_false(text_is_cluster_boundary(S(kung), 6));
    assert_false(text_is_cluster_boundary(S(kung), 1)); /* inside a code point */
    assert_true(text_is_cluster_boundary(S(kung), 9));
    assert_true(text_is_cluster_boundary(S(kung), 12));
    assert_false(text_is_cluster_boundary(S(nam), 6));
    assert_int_equal(text_clusters("", 0), 0);
}

/* Backspace removes one code point: the tone first. */
static void test_backspace(void **state)
{
    (void)state;
    size_t n = strlen(kung);
    size_t p = text_prev_codepoint(kung, n, n);
    assert_int_equal(p, 9); /* ง */
    p = text_prev_codepoint(kung, n, p);
    assert_int_equal(p, 6);
    assert_memory_equal(kung + p, "้", 3); /* the tone goes first */
    p = text_prev_codepoint(kung, n, p);
    assert_int_equal(p, 3);
    assert_int_equal(text_prev_codepoint(kung, n, 3), 0);
    assert_int_equal(text_prev_codepoint(kung, n, 0), 0);
    assert_int_equal(text_prev_codepoint(S("\xF0\x9F\x98\x80"), 4), 0);
}

/* Forward and backward stepping agree, also on random invalid bytes, and
 * never get stuck. */
static void test_stepping_consistent(void **state)
{
    (void)state;
    srand(7);
    const unsigned char pool[] = {'a', ' ', 0x80, 0xBF, 0xC0, 0xC2, 0xE0,
                                  0xB8, 0xB9, 0x81, 0x89, 0x88, 0xED, 0xA0,
                                  0xF0, 0x90, 0xF4, 0xFF, 0x0A, 0xCC};
    for (int round = 0; round < 2000; round++) {
        char buf[24];
        size_t n = (size_t)(rand() % 24);
        for (size_t i = 0; i < n; i++)
            buf[i] = (char)pool[rand() % sizeof pool];
        size_t fwd[25], nf = 0;
        for (size_t pos = 0, len; pos < n; pos += len) {
            fwd[nf++] = pos;
            text_decode(buf, n, pos, &len);
        }
        fwd[nf] = n;
        for (size_t i = nf; i > 0; i--)
            assert_int_equal(text_prev_codepoint(buf, n, fwd[i]), fwd[i - 1]);
        size_t cl[25], nc = 0;
        for (size_t pos = 0; pos < n; pos = text_next_cluster(buf, n, pos)) {
            assert_true(text_is_cluster_boundary(buf, n, pos));
            cl[nc++] = pos;
        }
        assert_int_equal(nc, text_clusters(buf, n));
        cl[nc] = n;
        for (size_t i = nc; i > 0; i--)
            assert_int_equal(text_prev_cluster(buf, n, cl[i]), cl[i - 1]);
    }
}

static void test_clip(void **state)
{
    (void)state;
    const char *s = "กุ้งน้ำ"; /* 4 columns: กุ้ ง น้ำ(2) */
    size_t n = strlen(s);
    int used;
    assert_int_equal(text_clip(s, n, 4, &used), n);
    assert_int_equal(used, 4);
    assert_int_equal(text_clip(s, n, 3, &used), 12); /* never half of น้ำ */
    assert_int_equal(used, 2);
    assert_int_equal(text_clip(s, n, 1, &used), 9);
    assert_int_equal(used, 1);
    assert_int_equal(text_clip(s, n, 0, &used), 0);
    assert_int_equal(used, 0);
    assert_int_equal(text_clip(s, n, -3, &used), 0);
    /* wide characters are not cut either */
    assert_int_equal(text_clip(S("a日b"), 2, &used), 1);
    assert_int_equal(used, 1);
}

static void test_clip_copy(void **state)
{
    (void)state;
    char *c = text_clip_copy(S("กุ้งน้ำ"), 10, true);
    assert_string_equal(c, "กุ้งน้ำ"); /* fits: no ellipsis */
    free(c);
    c = text_clip_copy(S("กุ้งน้ำ"), 4, true);
    assert_string_equal(c, "กุ้งน้ำ");
    free(c);
    c = text_clip_copy(S("กุ้งน้ำ"), 3, true);
    assert_string_equal(c, "กุ้ง…"); /* 2 columns + … */
    assert_int_equal(text_width(c, strlen(c)), 3);
    free(c);
    c = text_clip_copy(S("น้ำกุ้ง"), 2, true);
    assert_string_equal(c, "…"); /* น้ำ needs 2: would split it */
    free(c);
    c = text_clip_copy(S("น้ำกุ้ง"), 3, false);
    assert_string_equal(c, "น้ำกุ้");
    free(c);
    c = text_clip_copy(S("abc"), 0, true);
    assert_string_equal(c, "");
    free(c);
    /* a mark is never left behind without its base */
    const char *s = "ที่นี่ไม่มีน้ำ";
    for (int cols = 0; cols < 12; cols++) {
        c = text_clip_copy(s, strlen(s), cols, true);
        size_t len = strlen(c);
        assert_true(text_width(c, len) <= cols);
        size_t body = len >= 3 && memcmp(c + len - 3, "…", 3) == 0 ? len - 3 : len;
        assert_memory_equal(c, s, body);
        assert_true(text_is_cluster_boundary(s, strlen(s), body));
        free(c);
    }
}

static void test_offset_at_column(void **state)
{
    (void)state;
    const char *s = "กุ้งน้ำa"; /* cols: 0 กุ้, 1 ง, 2-3 น้ำ, 4 a */
    size_t n = strlen(s);
    assert_int_equal(text_offset_at_column(s, n, 0), 0);
    assert_int_equal(text_offset_at_column(s, n, 1), 9);
    assert_int_equal(text_offset_at_column(s, n, 2), 12);
    assert_int_equal(text_offset_at_column(s, n, 3), 12); /* same cluster */
    assert_int_equal(text_offset_at_column(s, n, 4), 21);
    assert_int_equal(text_offset_at_column(s, n, 5), n);
    assert_int_equal(text_offset_at_column(s, n, 99), n);
    assert_int_equal(text_offset_at_column(s, n, -1), 0);
    assert_int_equal(text_offset_at_column("", 0, 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_clusters),
        cmocka_unit_test(test_backspace),
        cmocka_unit_test(test_stepping_consistent),
        cmocka_unit_test(test_clip),
        cmocka_unit_test(test_clip_copy),
        cmocka_unit_test(test_offset_at_column),
    };
    return cmocka_run_group_tests_name("text_cluster", tests, NULL, NULL);
}
