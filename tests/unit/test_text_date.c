/* Buddhist-era dates and Thai digits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

static text_date parse_ok(const char *s)
{
    text_date d = {0, 0, 0};
    tp_status st = text_date_parse(s, strlen(s), &d);
    if (st != TP_OK)
        fail_msg("could not parse \"%s\"", s);
    return d;
}

static void assert_date(text_date d, int y, int m, int day)
{
    assert_int_equal(d.year, y);
    assert_int_equal(d.month, m);
    assert_int_equal(d.day, day);
}

static void test_parse_forms(void **state)
{
    (void)state;
    assert_date(parse_ok("11 ต.ค. 2548"), 2005, 10, 11);
    assert_date(parse_ok("11 ตุลาคม 2548"), 2005, 10, 11);
    assert_date(parse_ok("11 ต.ค.2548"), 2005, 10, 11);
    assert_date(parse_ok("11/10/2548"), 2005, 10, 11);
    assert_date(parse_ok("2005-10-11"), 2005, 10, 11);
    assert_date(parse_ok("  11 ต.ค. 2548  "), 2005, 10, 11);
    assert_date(parse_ok("๑๑ ต.ค. ๒๕๔๘"), 2005, 10, 11);
    assert_date(parse_ok("๑๑/๑๐/๒๕๔๘"), 2005, 10, 11);
    assert_date(parse_ok("๒๐๐๕-๑๐-๑๑"), 2005, 10, 11);
    assert_date(parse_ok("1 ม.ค. 2500"), 1957, 1, 1);
    assert_date(parse_ok("01/01/2500"), 1957, 1, 1);
    assert_date(parse_ok("5 มิถุนายน 2567"), 2024, 6, 5);
    assert_date(parse_ok("5 มิ.ย. 2567"), 2024, 6, 5);
    assert_date(parse_ok("5 มี.ค. 2567"), 2024, 3, 5);
    assert_date(parse_ok("5 มีนาคม 2567"), 2024, 3, 5);
    assert_date(parse_ok("30 พ.ย. 2567"), 2024, 11, 30);
    assert_date(parse_ok("30 พฤศจิกายน 2567"), 2024, 11, 30);
    assert_date(parse_ok("31 พฤษภาคม 2567"), 2024, 5, 31);
}

static void test_every_month(void **state)
{
    (void)state;
    for (int m = 1; m <= 12; m++) {
        char buf[64];
        text_date d = {2024, m, 1};
        assert_true(text_date_format(d, false, buf, sizeof buf) > 0);
        assert_date(parse_ok(buf), 2024, m, 1);
        assert_true(text_date_format_long(d, true, buf, sizeof buf) > 0);
        assert_date(parse_ok(buf), 2024, m, 1);
    }
    assert_string_equal(text_month_abbr(1), "ม.ค.");
    assert_string_equal(text_month_abbr(4), "เม.ย.");
    assert_string_equal(text_month_abbr(12), "ธ.ค.");
    assert_string_equal(text_month_name(2), "กุมภาพันธ์");
    assert_string_equal(text_month_name(10), "ตุลาคม");
    assert_null(text_month_abbr(0));
    assert_null(text_month_name(13));
}

static void test_reject(void **state)
{
    (void)state;
    const char *bad[] = {
        "31 เม.ย. 2548",  /* April has 30 days */
        "29 ก.พ. 2549",   /* 2006 is not a leap year */
        "29/02/2443",     /* 1900: divisible by 100, not by 400 */
        "11/0/2548", "11/13/2548", "0/10/2548", "32/10/2548",
        "2005-13-01", "2005-00-10", "2005-02-30",
        "11 ต.ค.", "ต.ค. 2548", "11 ตค 2548", "11 October 2548",
        "11 ต.ค. 2548 x", "11 ต.ค. 25481", "111/10/2548", "11/10/48",
        "", "   ", "garbage", "11-10-2548", "2005/10/11", "2005-10-11T00",
        "\xFF 11/10/2548",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        text_date d = {1, 1, 1};
        if (text_date_parse(bad[i], strlen(bad[i]), &d) != TP_ERR_INVALID)
            fail_msg("accepted \"%s\"", bad[i]);
        assert_date(d, 1, 1, 1); /* untouched */
    }
    /* leap years by the CE year */
    assert_date(parse_ok("29 ก.พ. 2547"), 2004, 2, 29);
    assert_date(parse_ok("29/02/2543"), 2000, 2, 29);
    assert_date(parse_ok("2000-02-29"), 2000, 2, 29);
    /* the ends of the kept range */
    assert_date(parse_ok("1 ม.ค. 2443"), 1900, 1, 1);
    assert_date(parse_ok("2199-12-31"), 2199, 12, 31);
}

static void test_valid(void **state)
{
    (void)state;
    assert_true(text_date_valid((text_date){2024, 2, 29}));
    assert_false(text_date_valid((text_date){2023, 2, 29}));
    assert_false(text_date_valid((text_date){2023, 4, 31}));
    assert_false(text_date_valid((text_date){2023, 0, 1}));
    assert_false(text_date_valid((text_date){2023, 13, 1}));
    assert_false(text_date_valid((text_date){2023, 1, 0}));
    assert_false(text_date_valid((text_date){0, 1, 1}));
}

static void test_format(void **state)
{
    (void)state;
    char buf[64];
    text_date d = {2005, 10, 11};
    assert_int_equal(text_date_format(d, false, buf, sizeof buf),
                     (int)strlen("11 ต.ค. 2548"));
    assert_string_equal(buf, "11 ต.ค. 2548");
    text_date_format(d, true, buf, sizeof buf);
    assert_string_equal(buf, "๑๑ ต.ค. ๒๕๔๘");
    text_date_format_long(d, false, buf, sizeof buf);
    assert_string_equal(buf, "11 ตุลาคม 2548");
    assert_int_equal(text_date_iso(d, buf, sizeof buf), 10);
    assert_string_equal(buf, "2005-10-11");
    text_date e = {2024, 1, 5}; /* no leading zero on the day */
    text_date_format(e, false, buf, sizeof buf);
    assert_string_equal(buf, "5 ม.ค. 2567");
    text_date_iso(e, buf, sizeof buf);
    assert_string_equal(buf, "2024-01-05");
    /* too small a buffer: nothing cut in the middle of a character */
    char small[8] = "xxxxxxx";
    assert_int_equal(text_date_format(d, false, small, sizeof small),
                     (int)strlen("11 ต.ค. 2548"));
    assert_string_equal(small, "");
    /* an invalid date is not formatted */
    assert_int_equal(text_date_format((text_date){2023, 2, 29}, false, buf,
                                      sizeof buf), -1);
    assert_string_equal(buf, "");
    assert_int_equal(text_date_iso((text_date){2023, 13, 1}, buf, sizeof buf), -1);
}

static void test_round_trip(void **state)
{
    (void)state;
    /* every day of a leap and a common year, both ways, both digit sets */
    for (int y = 2023; y <= 2024; y++)
        for (int m = 1; m <= 12; m++)
            for (int day = 1; day <= 31; day++) {
                text_date d = {y, m, day};
                if (!text_date_valid(d))
                    continue;
                char buf[64];
                text_date_format(d, day % 2 == 0, buf, sizeof buf);
                assert_date(parse_ok(buf), y, m, day);
                text_date_iso(d, buf, sizeof buf);
                assert_date(parse_ok(buf), y, m, day);
            }
}

static void test_digits(void **state)
{
    (void)state;
    size_t len;
    char *r = text_convert_digits("ปี 2548 ข้อ 10", strlen("ปี 2548 ข้อ 10"),
                                  true, &len);
    assert_string_equal(r, "ปี ๒๕๔๘ ข้อ ๑๐");
    assert_int_equal(len, strlen(r));
    char *back = text_convert_digits(r, len, false, &len);
    assert_string_equal(back, "ปี 2548 ข้อ 10");
    free(r);
    free(back);
    r = text_convert_digits("๐๑๒๓๔๕๖๗๘๙", strlen("๐๑๒๓๔๕๖๗๘๙"), false, &len);
    assert_string_equal(r, "0123456789");
    free(r);
    r = text_convert_digits("0123456789", 10, true, &len);
    assert_string_equal(r, "๐๑๒๓๔๕๖๗๘๙");
    free(r);
    /* the other direction leaves digits alone */
    r = text_convert_digits("๑1", strlen("๑1"), true, &len);
    assert_string_equal(r, "๑๑");
    free(r);
    r = text_convert_digits("", 0, true, &len);
    assert_string_equal(r, "");
    assert_int_equal(len, 0);
    free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_forms),
        cmocka_unit_test(test_every_month),
        cmocka_unit_test(test_reject),
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_digits),
    };
    return cmocka_run_group_tests_name("text_date", tests, NULL, NULL);
}
