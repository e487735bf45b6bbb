/* Typed text ↔ stored values of form fields. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/form_value.h"

static fv_result parse(const screen_field *f, const char *typed, char **out)
{
    *out = NULL;
    return form_value_parse(f, typed, out);
}

static void expect_stored(const screen_field *f, const char *typed,
                          const char *want)
{
    char *got;
    assert_int_equal(parse(f, typed, &got), FV_OK);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_numbers(void **state)
{
    (void)state;
    screen_field f = {.type = SF_NUMBER, .has_min = true, .min = 0,
                      .has_max = true, .max = 100000};
    expect_stored(&f, "14", "14");
    expect_stored(&f, "๑๔", "14");
    expect_stored(&f, "1,400", "1400");
    char *got;
    assert_int_equal(parse(&f, "14 คน", &got), FV_BAD_NUMBER);
    assert_int_equal(parse(&f, "-1", &got), FV_TOO_SMALL);
    assert_int_equal(parse(&f, "100001", &got), FV_TOO_LARGE);
    assert_int_equal(parse(&f, "1.5", &got), FV_BAD_NUMBER);
    assert_int_equal(parse(&f, "", &got), FV_EMPTY);
    f.required = true;
    assert_int_equal(parse(&f, "  ", &got), FV_REQUIRED);
    assert_null(got);
}

static void test_money(void **state)
{
    (void)state;
    screen_field f = {.type = SF_MONEY, .has_min = true, .min = 0};
    expect_stored(&f, "1,250.50", "1250.50");
    expect_stored(&f, "฿ 300", "300.00");
    expect_stored(&f, "๒๕๐ บาท", "250.00");
    char *got;
    assert_int_equal(parse(&f, "12.345", &got), FV_BAD_MONEY);
    assert_int_equal(parse(&f, "abc", &got), FV_BAD_MONEY);
    assert_int_equal(parse(&f, "-5", &got), FV_TOO_SMALL);
    char *shown = form_value_display(&f, "1234567.5");
    assert_string_equal(shown, "1,234,567.50");
    free(shown);
    shown = form_value_display(&f, "12");
    assert_string_equal(shown, "12.00");
    free(shown);
}

static void test_dates(void **state)
{
    (void)state;
    screen_field f = {.type = SF_DATE};
    expect_stored(&f, "11 ต.ค. 2548", "2005-10-11");
    expect_stored(&f, "11/10/2548", "2005-10-11");
    expect_stored(&f, "2005-10-11", "2005-10-11");
    char *got;
    assert_int_equal(parse(&f, "31 เม.ย. 2548", &got), FV_BAD_DATE);
    assert_int_equal(parse(&f, "เมื่อวาน", &got), FV_BAD_DATE);
    char *shown = form_value_display(&f, "2005-10-11");
    assert_string_equal(shown, "11 ต.ค. 2548");
    free(shown);
    char *editable = form_value_editable(&f, "2005-12-02");
    assert_string_equal(editable, "2 ธ.ค. 2548");
    free(editable);
}

/* A date field's range from its screen file, "today" included; without
 * one, what the database keeps (1900 to 2199). */
static void test_date_range(void **state)
{
    (void)state;
    setenv("TAPIAN_TODAY", "2005-10-11", 1);
    screen_field f = {.type = SF_DATE, .date_min = (char[]){"2005-01-01"},
                      .date_max = (char[]){"today"}};
    char *got;
    expect_stored(&f, "1 ม.ค. 2548", "2005-01-01");
    expect_stored(&f, "11 ต.ค. 2548", "2005-10-11");
    assert_int_equal(parse(&f, "31 ธ.ค. 2547", &got), FV_TOO_EARLY);
    assert_int_equal(parse(&f, "12 ต.ค. 2548", &got), FV_TOO_LATE);
    assert_string_equal(form_value_message(FV_TOO_LATE),
                        "The date is later than this field allows");
    text_date lo, hi;
    form_value_date_range(&f, &lo, &hi);
    assert_int_equal(lo.year, 2005);
    assert_int_equal(hi.month, 10);
    assert_int_equal(hi.day, 11);
    screen_field open = {.type = SF_DATE};
    form_value_date_range(&open, &lo, &hi);
    assert_int_equal(lo.year, 1900);
    assert_int_equal(hi.year, 2199);
    assert_int_equal(parse(&open, "31/12/2442", &got), FV_TOO_EARLY); /* 1899 */
    assert_int_equal(parse(&open, "1/1/2743", &got), FV_TOO_LATE);    /* 2200 */
    unsetenv("TAPIAN_TODAY");
}

static void test_text_length(void **state)
{
    (void)state;
    screen_field f = {.type = SF_TEXT, .max_length = 4};
    expect_stored(&f, "กุ้ง", "กุ้ง"); /* 4 code points */
    char *got;
    assert_int_equal(parse(&f, "กุ้งๆ", &got), FV_TOO_LONG);
}

static void test_choice_and_check(void **state)
{
    (void)state;
    char kit[] = "kit", kit_th[] = "วงคุณกิจ", kit_en[] = "Practitioners";
    char am[] = "amnuay", am_th[] = "วงคุณอำนวย", am_en[] = "Facilitators";
    screen_choice choices[] = {
        {.value = kit, .label = kit_th, .label_en = kit_en},
        {.value = am, .label = am_th, .label_en = am_en},
    };
    screen_field f = {.type = SF_CHOICE, .choices = choices, .n_choices = 2};
    expect_stored(&f, "amnuay", "amnuay");
    expect_stored(&f, "วงคุณกิจ", "kit");
    char *got;
    assert_int_equal(parse(&f, "eua", &got), FV_BAD_CHOICE);
    char *shown = form_value_display(&f, "amnuay");
    assert_string_equal(shown, "วงคุณอำนวย");
    free(shown);
    screen_field c = {.type = SF_CHECK};
    expect_stored(&c, "1", "1");
    expect_stored(&c, "0", "0");
    shown = form_value_display(&c, "1");
    assert_string_equal(shown, "✓");
    free(shown);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_date_range),
        cmocka_unit_test(test_text_length),
        cmocka_unit_test(test_choice_and_check),
    };
    return cmocka_run_group_tests_name("form_value", tests, NULL, NULL);
}
