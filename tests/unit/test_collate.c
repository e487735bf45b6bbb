/* Thai dictionary order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

static int cmp(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    return text_collate(x, strlen(x), y, strlen(y));
}

/* Leading vowels are not the first sort key: ไก่ sorts under ก, before แดง
 * under ด; code-point order would put เอก, แดง, ไก่ first. */
static void test_dictionary_order(void **state)
{
    (void)state;
    const char *words[] = {"ไก่", "เอก", "แดง", "กา", "ขาว", "โสภณ", "ชินวัฒน์"};
    const char *want[] = {"กา", "ไก่", "ขาว", "ชินวัฒน์", "แดง", "โสภณ", "เอก"};
    qsort(words, 7, sizeof words[0], cmp);
    for (int i = 0; i < 7; i++)
        assert_string_equal(words[i], want[i]);
}

static void test_equal_and_non_thai(void **state)
{
    (void)state;
    assert_int_equal(text_collate("กุ้ง", strlen("กุ้ง"), "กุ้ง", strlen("กุ้ง")), 0);
    assert_true(text_collate("abc", 3, "abd", 3) < 0);
    /* outside TIS-620: still a total order */
    assert_true(text_collate("\xe2\x82\xac", 3, "\xe2\x82\xad", 3) < 0);
    assert_true(text_collate("", 0, "ก", strlen("ก")) < 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dictionary_order),
        cmocka_unit_test(test_equal_and_non_thai),
    };
    return cmocka_run_group_tests_name("collate", tests, NULL, NULL);
}
