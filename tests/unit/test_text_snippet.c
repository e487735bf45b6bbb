/* text_snippet: a line around a search hit, clipped by display width
 * without splitting clusters, with "…" at the cut ends. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

static const char *find(const char *s, const char *q)
{
    return strstr(s, q);
}

/* Checks the returned line: width within cols, the hit where it says. */
static char *snip(const char *s, const char *q, int cols, size_t *hit,
                  size_t *len)
{
    const char *m = find(s, q);
    assert_non_null(m);
    char *out = text_snippet(s, strlen(s), (size_t)(m - s), strlen(q), cols,
                             hit, len);
    assert_non_null(out);
    assert_true(text_width(out, strlen(out)) <= cols);
    assert_true(text_valid_utf8(out, strlen(out), NULL));
    return out;
}

static void test_fits_whole(void **state)
{
    (void)state;
    size_t hit, len;
    char *out = snip("ออมวันละบาท\nทุกวัน", "วันละ", 40, &hit, &len);
    assert_string_equal(out, "ออมวันละบาท ทุกวัน");
    assert_int_equal(hit, strlen("ออม"));
    assert_int_equal(len, strlen("วันละ"));
    free(out);
}

static void test_cut_both_ends(void **state)
{
    (void)state;
    const char *s = "กลุ่มออมทรัพย์เพื่อการผลิตบ้านท่าไร่ตั้งขึ้นเมื่อปี ๒๕๓๕ "
                    "มีสมาชิกสองร้อยคนและกองทุนหมุนเวียนของหมู่บ้านอีกหลายกอง";
    size_t hit, len;
    char *out = snip(s, "ตั้งขึ้น", 20, &hit, &len);
    const char *ell = "\xe2\x80\xa6";
    assert_memory_equal(out, ell, 3);
    assert_string_equal(out + strlen(out) - 3, ell);
    assert_memory_equal(out + hit, "ตั้งขึ้น", len);
    assert_int_equal(len, strlen("ตั้งขึ้น"));
    /* every cut is on a cluster boundary of the source */
    const char *inner = out + 3;
    size_t inner_len = strlen(out) - 6;
    const char *at = strstr(s, "ตั้งขึ้น") - hit + 3;
    assert_memory_equal(inner, at, inner_len);
    assert_true(text_is_cluster_boundary(s, strlen(s), (size_t)(at - s)));
    assert_true(text_is_cluster_boundary(s, strlen(s),
                                         (size_t)(at - s) + inner_len));
    free(out);
}

/* A hit that starts inside a cluster is widened to the whole cluster, and
 * one wider than the line is kept from its start. */
static void test_clusters_and_wide_hits(void **state)
{
    (void)state;
    const char *s = "ปลาตะเพียนกุ้งน้ำจืด";
    size_t hit, len;
    const char *m = strstr(s, "\xe0\xb8\xb8"); /* SARA U of กุ้ง */
    char *out = text_snippet(s, strlen(s), (size_t)(m - s), 3, 30, &hit, &len);
    assert_memory_equal(out + hit, "กุ้", len);
    free(out);
    out = snip(s, "ตะเพียนกุ้งน้ำจืด", 6, &hit, &len);
    assert_true(len > 0);
    assert_memory_equal(out + hit, "ตะเพียนกุ้งน้ำจืด", len);
    assert_true(text_width(out + hit, len) <= 4);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fits_whole),
        cmocka_unit_test(test_cut_both_ends),
        cmocka_unit_test(test_clusters_and_wide_hits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
