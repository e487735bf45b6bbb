/* Validation, repair, NFC, cleaning for save, display sanitising. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

#define S(lit) lit, sizeof(lit) - 1

static void test_valid(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(text_valid_utf8(S("กุ้ง abc"), &bad));
    assert_int_equal(bad, 99);
    assert_true(text_valid_utf8("", 0, NULL));
    assert_true(text_valid_utf8(S("\xF4\x8F\xBF\xBF"), NULL)); /* U+10FFFF */
    assert_false(text_valid_utf8(S("ab\xC0\xAF"), &bad)); /* overlong '/' */
    assert_int_equal(bad, 2);
    assert_false(text_valid_utf8(S("\xE0\x80\xAF"), &bad)); /* overlong */
    assert_int_equal(bad, 0);
    assert_false(text_valid_utf8(S("x\xED\xA0\x80"), &bad)); /* surrogate */
    assert_int_equal(bad, 1);
    assert_false(text_valid_utf8(S("ก\xE0\xB8"), &bad)); /* truncated */
    assert_int_equal(bad, 3);
    assert_false(text_valid_utf8(S("\xF4\x90\x80\x80"), NULL)); /* > 10FFFF */
    assert_false(text_valid_utf8(S("\x80"), NULL)); /* lone continuation */
    assert_false(text_valid_utf8(S("\xFF"), NULL));
}

static void test_repair(void **state)
{
    (void)state;
    size_t len;
    char *r = text_repair_utf8(S("a\xC0\xAF" "b"), &len);
    assert_true(text_valid_utf8(r, len, NULL));
    assert_string_equal(r, "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
    free(r);
    r = text_repair_utf8(S("ก\xE0\xB8"), &len); /* truncated at the end */
    assert_string_equal(r, "ก\xEF\xBF\xBD");
    assert_int_equal(len, strlen(r));
    free(r);
    r = text_repair_utf8(S("\xED\xA0\x80x"), &len);
    assert_true(text_valid_utf8(r, len, NULL));
    assert_memory_equal(r + len - 1, "x", 1);
    free(r);
    r = text_repair_utf8(S("กุ้ง\xEF\xBF\xBD"), &len); /* valid stays as is */
    assert_string_equal(r, "กุ้ง\xEF\xBF\xBD");
    free(r);
    r = text_repair_utf8("", 0, &len);
    assert_string_equal(r, "");
    assert_int_equal(len, 0);
    free(r);
}

static void test_nfc(void **state)
{
    (void)state;
    char *out;
    size_t len;
    /* e + combining acute becomes é */
    assert_int_equal(text_nfc(S("e\xCC\x81"), &out, &len), TP_OK);
    assert_string_equal(out, "\xC3\xA9");
    assert_int_equal(len, 2);
    free(out);
    /* SARA AM is kept (NFKC would split it into NIKHAHIT + SARA AA) */
    assert_int_equal(text_nfc(S("น้ำ"), &out, &len), TP_OK);
    assert_string_equal(out, "น้ำ");
    free(out);
    /* upper vowels have combining class 0: NFC keeps a tone typed before
     * SARA I (ISC fixes that, not NFC) */
    const char tone_i[] = "\xE0\xB8\x81\xE0\xB9\x88\xE0\xB8\xB4"; /* ก ่ ิ */
    assert_int_equal(text_nfc(S(tone_i), &out, &len), TP_OK);
    assert_string_equal(out, tone_i);
    free(out);
    /* SARA U (class 103) and MAI EK (107) are put in canonical order */
    assert_int_equal(text_nfc(S("\xE0\xB8\x81\xE0\xB9\x88\xE0\xB8\xB8"),
                              &out, &len), TP_OK);
    assert_string_equal(out, "\xE0\xB8\x81\xE0\xB8\xB8\xE0\xB9\x88");
    free(out);
    assert_int_equal(text_nfc("", 0, &out, &len), TP_OK);
    assert_string_equal(out, "");
    assert_int_equal(len, 0);
    free(out);
    assert_int_equal(text_nfc(S("a\xFF"), &out, &len), TP_ERR_INVALID_UTF8);
    assert_null(out);
}

static void test_clean_for_save(void **state)
{
    (void)state;
    char *out;
    size_t len;
    assert_int_equal(text_clean_for_save(S("a\r\nb\rc\nd\te\x1b[2J\x7f"), true,
                                         &out, &len),
                     TP_OK);
    assert_string_equal(out, "a\nb\nc\nd\te[2J");
    free(out);
    assert_int_equal(text_clean_for_save(S("a\r\nb\nc"), false, &out, &len),
                     TP_OK);
    assert_string_equal(out, "abc");
    free(out);
    /* C1 controls (here U+009B, CSI) go too; the result is NFC */
    assert_int_equal(text_clean_for_save(S("x\xC2\x9By e\xCC\x81"), true,
                                         &out, &len),
                     TP_OK);
    assert_string_equal(out, "xy \xC3\xA9");
    assert_int_equal(len, strlen(out));
    free(out);
    assert_int_equal(text_clean_for_save(S("\xC0\x80"), true, &out, &len),
                     TP_ERR_INVALID_UTF8);
    assert_null(out);
}

/* Nothing that reaches the terminal can start a control sequence. */
static void assert_inert(const char *s, size_t n)
{
    assert_true(text_valid_utf8(s, n, NULL));
    for (size_t pos = 0, len; pos < n; pos += len) {
        uint32_t c = text_decode(s, n, pos, &len);
        assert_false(c < 0x20 && c != '\n');
        assert_false(c >= 0x7F && c <= 0x9F);
        assert_false((c >= 0x202A && c <= 0x202E) ||
                     (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
                     c == 0x200F || c == 0x061C);
    }
}

static char *safe(const char *s, size_t n, bool keep)
{
    size_t len;
    char *r = text_display_safe(s, n, keep, &len);
    assert_non_null(r);
    assert_int_equal(len, strlen(r));
    assert_inert(r, len);
    return r;
}

static void test_display_safe(void **state)
{
    (void)state;
    char *r = safe(S("a\x1b[2Jb"), false);
    assert_string_equal(r, "a\xE2\x90\x9B[2Jb"); /* ␛[2J */
    free(r);
    /* OSC 52 (write the clipboard), terminated by BEL */
    r = safe(S("\x1b]52;c;aGVsbG8=\x07"), false);
    assert_string_equal(r, "␛]52;c;aGVsbG8=␇");
    free(r);
    /* C1 CSI as a raw byte (invalid UTF-8) and as U+009B */
    r = safe(S("\x9B" "31m|\xC2\x9B" "0m"), false);
    assert_string_equal(r, "\xEF\xBF\xBD" "31m|\xEF\xBF\xBD" "0m");
    free(r);
    r = safe(S("a\nb\tc\rd\x7f\x01"), false);
    assert_string_equal(r, "a␤b␉c␍d␡␁");
    free(r);
    r = safe(S("a\nb"), true);
    assert_string_equal(r, "a\nb");
    free(r);
    /* bidi controls are dropped */
    r = safe(S("abc\xE2\x80\xAE" "def\xE2\x81\xA6x\xE2\x80\x8F\xD8\x9C"), false);
    assert_string_equal(r, "abcdefx");
    free(r);
    /* a mark with no base is drawn on ◌ */
    r = safe(S("่ก่"), false);
    assert_string_equal(r, "◌่ก่");
    free(r);
    r = safe(S("ก\n้า"), true);
    assert_string_equal(r, "ก\n◌้า");
    free(r);
    r = safe(S("\x1b่"), false);
    assert_string_equal(r, "␛◌่");
    free(r);
    r = safe(S("กุ้ง"), false); /* marks on a base are untouched */
    assert_string_equal(r, "กุ้ง");
    free(r);
    /* invalid sequences: overlong, surrogate, truncated */
    r = safe(S("\xC0\xAFx\xED\xA0\x80y\xE0\xB8"), false);
    assert_string_equal(r, "��x�y�");
    free(r);
    r = safe("", 0, false);
    assert_string_equal(r, "");
    free(r);
    /* NUL inside the text */
    r = safe("a\0b", 3, false);
    assert_string_equal(r, "a␀b");
    free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_repair),
        cmocka_unit_test(test_nfc),
        cmocka_unit_test(test_clean_for_save),
        cmocka_unit_test(test_display_safe),
    };
    return cmocka_run_group_tests_name("text_clean", tests, NULL, NULL);
}
