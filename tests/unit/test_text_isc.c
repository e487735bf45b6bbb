/* Thai input sequence checking (WTT 2.0 basic level through libthai). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

enum {
    KO_KAI = 0x0E01, NO_NU = 0x0E19, SARA_U = 0x0E38, SARA_I = 0x0E34,
    SARA_AA = 0x0E32, SARA_AM = 0x0E33, MAI_EK = 0x0E48, MAI_THO = 0x0E49,
    SARA_E = 0x0E40,
};

/* What an editor does with the answer: the resulting buffer. */
typedef struct {
    char buf[128];
    size_t len;
} editor;

static text_isc_result type(editor *e, uint32_t c)
{
    size_t del = 99;
    char repl[32];
    text_isc_result r = text_isc_check(e->buf, e->len, e->len, c, &del, repl);
    if (r == TEXT_ISC_REJECT)
        return r;
    if (r == TEXT_ISC_ACCEPT)
        assert_int_equal(del, 0);
    assert_true(del <= e->len);
    e->len -= del;
    size_t k = strlen(repl);
    memcpy(e->buf + e->len, repl, k);
    e->len += k;
    e->buf[e->len] = '\0';
    return r;
}

static void test_accept(void **state)
{
    (void)state;
    editor e = {.len = 0};
    assert_int_equal(type(&e, KO_KAI), TEXT_ISC_ACCEPT);
    assert_int_equal(type(&e, SARA_U), TEXT_ISC_ACCEPT);
    assert_int_equal(type(&e, MAI_THO), TEXT_ISC_ACCEPT);
    assert_int_equal(type(&e, 0x0E07), TEXT_ISC_ACCEPT);
    assert_string_equal(e.buf, "กุ้ง");
    /* tone then SARA AM is the stored order of น้ำ */
    editor n = {.len = 0};
    type(&n, NO_NU);
    type(&n, MAI_THO);
    assert_int_equal(type(&n, SARA_AM), TEXT_ISC_ACCEPT);
    assert_string_equal(n.buf, "น้ำ");
}

/* ก, then ่, then ุ gives กุ่ (vowel below before the tone). */
static void test_reorder(void **state)
{
    (void)state;
    editor e = {.len = 0};
    type(&e, KO_KAI);
    type(&e, MAI_EK);
    assert_int_equal(type(&e, SARA_U), TEXT_ISC_CORRECT);
    assert_string_equal(e.buf, "\xE0\xB8\x81\xE0\xB8\xB8\xE0\xB9\x88");
    /* the same for an upper vowel */
    editor f = {.len = 0};
    type(&f, KO_KAI);
    type(&f, MAI_EK);
    assert_int_equal(type(&f, SARA_I), TEXT_ISC_CORRECT);
    assert_string_equal(f.buf, "\xE0\xB8\x81\xE0\xB8\xB4\xE0\xB9\x88");
    /* a tone typed after นำ goes before SARA AM */
    editor g = {.len = 0};
    type(&g, NO_NU);
    type(&g, SARA_AM);
    assert_int_equal(type(&g, MAI_THO), TEXT_ISC_CORRECT);
    assert_string_equal(g.buf, "น้ำ");
}

static void test_replace_tone(void **state)
{
    (void)state;
    editor e = {.len = 0};
    type(&e, KO_KAI);
    type(&e, MAI_EK);
    assert_int_equal(type(&e, MAI_THO), TEXT_ISC_CORRECT);
    assert_string_equal(e.buf, "\xE0\xB8\x81\xE0\xB9\x89"); /* ก้ */
    /* and with a vowel in between */
    editor f = {.len = 0};
    type(&f, KO_KAI);
    type(&f, SARA_U);
    type(&f, MAI_EK);
    assert_int_equal(type(&f, MAI_THO), TEXT_ISC_CORRECT);
    assert_string_equal(f.buf, "กุ้");
}

static void test_reject(void **state)
{
    (void)state;
    editor e = {.len = 0};
    assert_int_equal(type(&e, MAI_EK), TEXT_ISC_REJECT); /* no base */
    assert_int_equal(type(&e, SARA_U), TEXT_ISC_REJECT);
    assert_int_equal(e.len, 0);
    editor f = {.buf = "a", .len = 1};
    assert_int_equal(type(&f, MAI_EK), TEXT_ISC_REJECT); /* non-Thai base */
    editor g = {.buf = "日", .len = 3};
    assert_int_equal(type(&g, SARA_I), TEXT_ISC_REJECT);
    editor h = {.buf = "เ", .len = 3};
    assert_int_equal(type(&h, MAI_EK), TEXT_ISC_REJECT); /* on a leading vowel */
    editor i = {.buf = "ก ", .len = 4};
    assert_int_equal(type(&i, MAI_EK), TEXT_ISC_REJECT); /* after a space */
    assert_string_equal(i.buf, "ก ");
}

static void test_non_thai_always(void **state)
{
    (void)state;
    size_t del = 7;
    char repl[32];
    assert_int_equal(text_isc_check("", 0, 0, 'x', &del, repl), TEXT_ISC_ACCEPT);
    assert_string_equal(repl, "x");
    assert_int_equal(del, 0);
    /* a Latin combining mark with no base: not ours to judge */
    assert_int_equal(text_isc_check("", 0, 0, 0x0301, &del, repl),
                     TEXT_ISC_ACCEPT);
    assert_string_equal(repl, "\xCC\x81");
    assert_int_equal(text_isc_check("ab", 2, 2, 0x1F600, &del, repl),
                     TEXT_ISC_ACCEPT);
    assert_string_equal(repl, "\xF0\x9F\x98\x80");
}

/* The cursor need not be at the end; only what precedes it counts. */
static void test_cursor_in_middle(void **state)
{
    (void)state;
    const char *s = "ก่ข"; /* cursor after ก่ */
    size_t del;
    char repl[32];
    assert_int_equal(text_isc_check(s, strlen(s), 6, SARA_U, &del, repl),
                     TEXT_ISC_CORRECT);
    assert_int_equal(del, 3);
    assert_string_equal(repl, "\xE0\xB8\xB8\xE0\xB9\x88"); /* ุ ่ */
    assert_int_equal(text_isc_check(s, strlen(s), 0, MAI_EK, &del, repl),
                     TEXT_ISC_REJECT);
    assert_int_equal(text_isc_check(s, strlen(s), 6, SARA_E, &del, repl),
                     TEXT_ISC_ACCEPT);
    assert_int_equal(del, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_accept),
        cmocka_unit_test(test_reorder),
        cmocka_unit_test(test_replace_tone),
        cmocka_unit_test(test_reject),
        cmocka_unit_test(test_non_thai_always),
        cmocka_unit_test(test_cursor_in_middle),
    };
    return cmocka_run_group_tests_name("text_isc", tests, NULL, NULL);
}
