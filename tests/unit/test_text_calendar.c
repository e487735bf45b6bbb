/* Date arithmetic behind the calendar picker and the visit month view:
 * month lengths, leap years in both eras, weekdays (weeks start on
 * Sunday, as Thai calendars print them), adding days and months. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "tapian/text.h"

static text_date D(int y, int m, int d)
{
    return (text_date){y, m, d};
}

static void assert_date(text_date d, int y, int m, int day)
{
    assert_int_equal(d.year, y);
    assert_int_equal(d.month, m);
    assert_int_equal(d.day, day);
}

static void test_month_lengths(void **state)
{
    (void)state;
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 1; m <= 12; m++)
        assert_int_equal(text_date_days_in_month(2005, m), len[m - 1]);
    assert_int_equal(text_date_days_in_month(2004, 2), 29);
    assert_int_equal(text_date_days_in_month(1900, 2), 28);
    assert_int_equal(text_date_days_in_month(2000, 2), 29);
    assert_int_equal(text_date_days_in_month(2100, 2), 28);
    assert_int_equal(text_date_days_in_month(2005, 0), 0);
    assert_int_equal(text_date_days_in_month(2005, 13), 0);
}

static void test_leap_years_both_eras(void **state)
{
    (void)state;
    assert_true(text_date_is_leap(2004, false));
    assert_true(text_date_is_leap(2547, true));   /* = 2004 */
    assert_false(text_date_is_leap(2548, true));  /* = 2005 */
    /* the same number read in the wrong era gives the wrong answer */
    assert_true(text_date_is_leap(2548, false));
    assert_false(text_date_is_leap(2547, false));
    assert_true(text_date_is_leap(2543, true));   /* = 2000, divisible by 400 */
    assert_false(text_date_is_leap(2443, true));  /* = 1900, by 100 only */
    assert_false(text_date_is_leap(2643, true));  /* = 2100 */
    assert_true(text_date_is_leap(2567, true));   /* = 2024 */
}

static void test_weekdays(void **state)
{
    (void)state;
    assert_int_equal(text_date_weekday(D(1970, 1, 1)), 4); /* Thursday */
    assert_int_equal(text_date_weekday(D(2005, 10, 11)), 2); /* Tuesday */
    assert_int_equal(text_date_weekday(D(2000, 2, 29)), 2);
    assert_int_equal(text_date_weekday(D(1900, 1, 1)), 1); /* Monday */
    assert_int_equal(text_date_weekday(D(2199, 12, 31)), 2);
    assert_int_equal(text_date_weekday(D(2026, 11, 22)), 0); /* Sunday */
    /* the picker's week starts on Sunday: the first cell of October 2005
     * (1 ต.ค. 2548 was a Saturday) is in the seventh column */
    assert_int_equal(text_date_weekday(D(2005, 10, 1)), 6);
    assert_string_equal(text_weekday_abbr(0, false), "อา");
    assert_string_equal(text_weekday_abbr(4, false), "พฤ");
    assert_string_equal(text_weekday_abbr(6, true), "Sa");
    assert_null(text_weekday_abbr(7, true));
}

static void test_day_numbers_round_trip(void **state)
{
    (void)state;
    assert_int_equal(text_date_to_days(D(1970, 1, 1)), 0);
    assert_int_equal(text_date_to_days(D(1969, 12, 31)), -1);
    /* every day from 1900 to 2199 goes there and back, one apart */
    long prev = text_date_to_days(D(1899, 12, 31));
    for (text_date d = D(1900, 1, 1); d.year < 2200;) {
        long z = text_date_to_days(d);
        assert_int_equal(z, prev + 1);
        text_date back = text_date_from_days(z);
        assert_int_equal(text_date_compare(back, d), 0);
        prev = z;
        if (++d.day > text_date_days_in_month(d.year, d.month)) {
            d.day = 1;
            if (++d.month > 12) {
                d.month = 1;
                d.year++;
            }
        }
    }
}

static void test_add_days_and_weeks(void **state)
{
    (void)state;
    assert_date(text_date_add_days(D(2005, 12, 31), 1), 2006, 1, 1);
    assert_date(text_date_add_days(D(2004, 2, 28), 1), 2004, 2, 29);
    assert_date(text_date_add_days(D(2005, 2, 28), 1), 2005, 3, 1);
    assert_date(text_date_add_days(D(2005, 3, 1), -1), 2005, 2, 28);
    assert_date(text_date_add_days(D(2005, 10, 11), 7), 2005, 10, 18);
    assert_date(text_date_add_days(D(2005, 10, 3), -7), 2005, 9, 26);
}

static void test_add_months(void **state)
{
    (void)state;
    assert_date(text_date_add_months(D(2005, 1, 31), 1), 2005, 2, 28);
    assert_date(text_date_add_months(D(2004, 1, 31), 1), 2004, 2, 29);
    assert_date(text_date_add_months(D(2005, 12, 15), 1), 2006, 1, 15);
    assert_date(text_date_add_months(D(2005, 1, 15), -1), 2004, 12, 15);
    assert_date(text_date_add_months(D(2004, 2, 29), 12), 2005, 2, 28);
    assert_date(text_date_add_months(D(2005, 10, 11), -12), 2004, 10, 11);
    assert_date(text_date_add_months(D(2005, 3, 31), -1), 2005, 2, 28);
}

static void test_compare_and_today(void **state)
{
    (void)state;
    assert_true(text_date_compare(D(2005, 10, 11), D(2005, 10, 12)) < 0);
    assert_true(text_date_compare(D(2006, 1, 1), D(2005, 12, 31)) > 0);
    assert_int_equal(text_date_compare(D(2005, 10, 11), D(2005, 10, 11)), 0);
    setenv("TAPIAN_TODAY", "2005-10-11", 1);
    assert_date(text_date_today(), 2005, 10, 11);
    setenv("TAPIAN_TODAY", "not a date", 1);
    text_date t = text_date_today(); /* falls back to the clock */
    assert_true(text_date_valid(t));
    unsetenv("TAPIAN_TODAY");
    assert_string_equal(text_month_name_en(10), "October");
    assert_null(text_month_name_en(0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_month_lengths),
        cmocka_unit_test(test_leap_years_both_eras),
        cmocka_unit_test(test_weekdays),
        cmocka_unit_test(test_day_numbers_round_trip),
        cmocka_unit_test(test_add_days_and_weeks),
        cmocka_unit_test(test_add_months),
        cmocka_unit_test(test_compare_and_today),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
