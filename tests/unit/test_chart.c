/* The chart helper: bar lengths in eighths, the partial blocks, the ASCII
 * fallback for vt100/linux, sparklines and the numbers beside them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tapian/chart.h"

static void test_eighths(void **state)
{
    (void)state;
    assert_int_equal(chart_bar_eighths(0, 10, 10), 0);
    assert_int_equal(chart_bar_eighths(10, 10, 10), 80);
    assert_int_equal(chart_bar_eighths(15, 10, 10), 80);  /* capped */
    assert_int_equal(chart_bar_eighths(5, 10, 10), 40);
    assert_int_equal(chart_bar_eighths(1, 3, 4), 11);     /* 10.67 rounds up */
    assert_int_equal(chart_bar_eighths(1, 1000000, 10), 1); /* never vanishes */
    assert_int_equal(chart_bar_eighths(3, 0, 10), 0);     /* nothing to measure */
    assert_int_equal(chart_bar_eighths(3, 5, 0), 0);
}

static void test_bar_unicode(void **state)
{
    (void)state;
    char out[64];
    chart_set_style(CHART_UNICODE);
    assert_int_equal(chart_bar(out, sizeof out, 19, 4), 3);
    assert_string_equal(out, "██▍");   /* 2 cells and 3 eighths */
    assert_int_equal(chart_bar(out, sizeof out, 1, 4), 1);
    assert_string_equal(out, "▏");
    assert_int_equal(chart_bar(out, sizeof out, 0, 4), 0);
    assert_string_equal(out, "");
    assert_int_equal(chart_bar(out, sizeof out, 99, 2), 2); /* clipped to cols */
    assert_string_equal(out, "██");
}

static void test_bar_ascii(void **state)
{
    (void)state;
    char out[64];
    chart_set_style(CHART_ASCII);
    assert_int_equal(chart_bar(out, sizeof out, 20, 4), 3);
    assert_string_equal(out, "##=");   /* half a cell shows as '=' */
    assert_int_equal(chart_bar(out, sizeof out, 19, 4), 2);
    assert_string_equal(out, "##");    /* less than half does not */
    chart_set_style(CHART_UNICODE);
}

static void test_detect(void **state)
{
    (void)state;
    /* chart_detect keeps its first answer; chart_set_style replaces it,
     * so the TERM rule is checked through a fresh process's view: here
     * only that the override sticks. */
    chart_set_style(CHART_ASCII);
    assert_int_equal(chart_detect(), CHART_ASCII);
    chart_set_style(CHART_UNICODE);
    assert_int_equal(chart_style_now(), CHART_UNICODE);
}

static void test_spark(void **state)
{
    (void)state;
    char out[64];
    double v[5] = {0, 1, 2, 4, 8};
    chart_set_style(CHART_UNICODE);
    assert_int_equal(chart_spark(out, sizeof out, v, 5), 5);
    assert_string_equal(out, " ▂▃▅█"); /* 4 of 8 → level 3.5 → 4 */
    chart_set_style(CHART_ASCII);
    assert_int_equal(chart_spark(out, sizeof out, v, 5), 5);
    assert_string_equal(out, " :-+%");
    double z[3] = {0, 0, 0};
    assert_int_equal(chart_spark(out, sizeof out, z, 3), 3);
    assert_string_equal(out, "   ");
    chart_set_style(CHART_UNICODE);
}

static void test_number(void **state)
{
    (void)state;
    char out[32];
    chart_number(out, sizeof out, 0);
    assert_string_equal(out, "0");
    chart_number(out, sizeof out, 999);
    assert_string_equal(out, "999");
    chart_number(out, sizeof out, 2000000);
    assert_string_equal(out, "2,000,000");
    chart_number(out, sizeof out, -12345);
    assert_string_equal(out, "-12,345");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eighths),
        cmocka_unit_test(test_bar_unicode),
        cmocka_unit_test(test_bar_ascii),
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_spark),
        cmocka_unit_test(test_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
