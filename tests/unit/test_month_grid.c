/* The month grid's layout and moves: where a day sits (weeks from Sunday,
 * six rows at most), the titles in both languages, and the keys. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "tapian/month_grid.h"
#include "tapian/term.h"

static void test_positions(void **state)
{
    (void)state;
    int week, wd;
    /* 1 ต.ค. 2548 was a Saturday: the last cell of the first row */
    month_grid_position((text_date){2005, 10, 1}, &week, &wd);
    assert_int_equal(week, 0);
    assert_int_equal(wd, 6);
    month_grid_position((text_date){2005, 10, 2}, &week, &wd);
    assert_int_equal(week, 1);
    assert_int_equal(wd, 0);
    /* 31 ต.ค. 2548 needs the sixth row */
    month_grid_position((text_date){2005, 10, 31}, &week, &wd);
    assert_int_equal(week, 5);
    assert_int_equal(wd, 1);
    /* February 2015 starts on a Sunday and fills exactly four rows */
    month_grid_position((text_date){2015, 2, 28}, &week, &wd);
    assert_int_equal(week, 3);
    assert_int_equal(wd, 6);
    /* no month of 1900-2199 needs a seventh row */
    for (int y = 1900; y < 2200; y++)
        for (int m = 1; m <= 12; m++) {
            month_grid_position((text_date){y, m, text_date_days_in_month(y, m)},
                                &week, &wd);
            assert_true(week < MONTH_GRID_ROWS - 2);
        }
}

static void test_titles(void **state)
{
    (void)state;
    char buf[96];
    month_grid_title(2005, 10, false, buf, sizeof buf);
    assert_string_equal(buf, "ตุลาคม 2548");
    month_grid_title(2005, 10, true, buf, sizeof buf);
    assert_string_equal(buf, "October 2005 (BE 2548)");
    month_grid_day_title((text_date){2004, 2, 29}, false, buf, sizeof buf);
    assert_string_equal(buf, "29 กุมภาพันธ์ 2547");
    month_grid_day_title((text_date){2004, 2, 29}, true, buf, sizeof buf);
    assert_string_equal(buf, "29 February 2004");
}

static void test_moves(void **state)
{
    (void)state;
    text_date d = {2004, 2, 29};
    assert_true(month_grid_move(&d, TK_END)); /* a year on: no 29th */
    assert_int_equal(d.month, 2);
    assert_int_equal(d.day, 28);
    assert_true(month_grid_move(&d, TK_DOWN));
    assert_int_equal(d.month, 3);
    assert_int_equal(d.day, 7);
    assert_true(month_grid_move(&d, TK_LEFT));
    assert_true(month_grid_move(&d, TK_PGUP));
    assert_int_equal(d.month, 2);
    assert_int_equal(d.day, 6);
    assert_true(month_grid_move(&d, TK_HOME));
    assert_int_equal(d.year, 2004);
    assert_false(month_grid_move(&d, TK_ENTER));
    assert_int_equal(d.day, 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_titles),
        cmocka_unit_test(test_moves),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
