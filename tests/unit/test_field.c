/* The field editor's model: typing Thai, deleting, moving, pasting and the
 * layouts the view draws from. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/field.h"
#include "tapian/keymap.h"
#include "tapian/text.h"

/* Types s one code point at a time, as wget_wch delivers it; every key must
 * give `want`. */
static void type(field *f, const char *s, field_result want)
{
    size_t n = strlen(s);
    for (size_t pos = 0, len; pos < n; pos += len)
        assert_int_equal(field_insert_char(f, text_decode(s, n, pos, &len)),
                         want);
}

static field *with_text(bool multiline, size_t max, const char *s)
{
    field *f = field_new(multiline, max);
    assert_non_null(f);
    assert_int_equal(field_set(f, s, strlen(s)), FIELD_OK);
    return f;
}

static void assert_on_boundary(const field *f)
{
    assert_true(text_is_cluster_boundary(f->buf, f->len, f->cursor));
    assert_int_equal(strlen(f->buf), f->len);
}

static void test_typing_thai(void **state)
{
    (void)state;
    field *f = field_new(false, 0);
    type(f, "กุ้งที่น้ำสำคัญ", FIELD_OK);
    assert_string_equal(field_text(f), "กุ้งที่น้ำสำคัญ");
    assert_int_equal(f->cursor, strlen("กุ้งที่น้ำสำคัญ"));
    assert_true(f->modified);
    field_mark_saved(f);
    assert_false(f->modified);
    field_free(&f);
    assert_null(f);
}

/* Tone before the lower vowel is put in the right order. */
static void test_tone_before_vowel(void **state)
{
    (void)state;
    field *f = field_new(false, 0);
    type(f, "ก่", FIELD_OK);
    assert_int_equal(field_insert_char(f, 0x0E38), FIELD_CORRECTED); /* ุ */
    assert_string_equal(field_text(f), "กุ่");
    assert_int_equal(f->cursor, strlen("กุ่"));
    field_free(&f);

    /* the tone typed after SARA AM goes before it: นำ + ้ → น้ำ */
    f = field_new(false, 0);
    type(f, "นำ", FIELD_OK);
    assert_int_equal(field_insert_char(f, 0x0E49), FIELD_CORRECTED);
    assert_string_equal(field_text(f), "น้ำ");
    assert_int_equal(f->cursor, f->len);
    field_free(&f);
}

static void test_second_tone_replaces(void **state)
{
    (void)state;
    field *f = field_new(false, 0);
    type(f, "ก่", FIELD_OK);
    assert_int_equal(field_insert_char(f, 0x0E49), FIELD_CORRECTED); /* ้ */
    assert_string_equal(field_text(f), "ก้");
    assert_on_boundary(f);
    field_free(&f);
}

static void test_lone_mark_rejected(void **state)
{
    (void)state;
    field *f = field_new(false, 0);
    assert_int_equal(field_insert_char(f, 0x0E48), FIELD_REJECTED); /* ่ */
    assert_int_equal(field_insert_char(f, 0x0E31), FIELD_REJECTED); /* ั */
    assert_string_equal(field_text(f), "");
    assert_false(f->modified);
    /* nor after a space */
    type(f, "ก ", FIELD_OK);
    assert_int_equal(field_insert_char(f, 0x0E38), FIELD_REJECTED);
    assert_string_equal(field_text(f), "ก ");
    field_free(&f);
    /* nor at the start of a line */
    f = field_new(true, 0);
    type(f, "ก\n", FIELD_OK);
    assert_int_equal(field_insert_char(f, 0x0E48), FIELD_REJECTED);
    assert_string_equal(field_text(f), "ก\n");
    field_free(&f);
}

static void test_controls_refused(void **state)
{
    (void)state;
    field *f = field_new(false, 0);
    assert_int_equal(field_insert_char(f, '\n'), FIELD_INVALID);
    assert_int_equal(field_insert_char(f, '\t'), FIELD_INVALID);
    assert_int_equal(field_insert_char(f, '\r'), FIELD_INVALID);
    assert_int_equal(field_insert_char(f, 0x1B), FIELD_INVALID);
    assert_int_equal(field_insert_char(f, 0x7F), FIELD_INVALID);
    assert_int_equal(field_insert_char(f, 0x85), FIELD_INVALID);
    assert_int_equal(field_insert_char(f, 0xD800), FIELD_INVALID);
    assert_int_equal(field_insert_char(f, 0x110000), FIELD_INVALID);
    assert_string_equal(field_text(f), "");
    field_free(&f);

    f = field_new(true, 0);
    type(f, "ก\nข", FIELD_OK);
    assert_string_equal(field_text(f), "ก\nข");
    assert_int_equal(field_insert_char(f, '\r'), FIELD_INVALID);
    field_free(&f);
}

/* The built-in keyboard feeds the same checks: d 6 h ' is กุ้ง, and with
 * the tone typed before the vowel (d h 6 ') it is corrected to the same. */
static void test_kedmanee_typing(void **state)
{
    (void)state;
    const char *orders[] = {"d6h'", "dh6'"};
    for (int i = 0; i < 2; i++) {
        field *f = field_new(false, 0);
        for (const char *k = orders[i]; *k; k++) {
            uint32_t c = keymap_kedmanee((unsigned char)*k);
            field_result r = field_insert_char(f, c);
            assert_true(r == FIELD_OK || (i == 1 && r == FIELD_CORRECTED));
        }
        assert_string_equal(field_text(f), "กุ้ง");
        field_free(&f);
    }
}

/* Backspace takes one code point: the tone first. */
static void test_backspace_by_codepoint(void **state)
{
    (void)state;
    field *f = with_text(false, 0, "กุ้ง");
    const char *steps[] = {"กุ้", "กุ", "ก", ""};
    for (int i = 0; i < 4; i++) {
        field_backspace(f);
        assert_string_equal(field_text(f), steps[i]);
        assert_int_equal(f->cursor, f->len);
        assert_on_boundary(f);
    }
    field_backspace(f); /* at the start: nothing */
    assert_string_equal(field_text(f), "");
    field_free(&f);

    /* in the middle: กุ้|ง → กุ|ง, cursor still between two clusters */
    f = with_text(false, 0, "กุ้ง");
    field_left(f);
    field_backspace(f);
    assert_string_equal(field_text(f), "กุง");
    assert_int_equal(f->cursor, strlen("กุ"));
    assert_on_boundary(f);
    field_free(&f);
}

/* Deleting the line break before a mark that began the next line joins them
 * into one cluster: the cursor must not stay inside it. */
static void test_backspace_keeps_boundary(void **state)
{
    (void)state;
    field *f = with_text(true, 0, "ก\n\xE0\xB8\xB8"); /* ก, newline, ุ */
    field_left(f);
    assert_int_equal(f->cursor, strlen("ก\n"));
    field_backspace(f);
    assert_string_equal(field_text(f), "กุ");
    assert_on_boundary(f);
    field_free(&f);
}

static void test_left_right_by_cluster(void **state)
{
    (void)state;
    field *f = with_text(false, 0, "กน้ำข");
    size_t k = strlen("ก"), nam = strlen("น้ำ");
    field_left(f);
    assert_int_equal(f->cursor, k + nam);
    field_left(f); /* over น้ำ in one step */
    assert_int_equal(f->cursor, k);
    field_left(f);
    field_left(f); /* at the start: stays */
    assert_int_equal(f->cursor, 0);
    field_right(f);
    field_right(f);
    assert_int_equal(f->cursor, k + nam);
    field_free(&f);
}

static void test_delete_by_cluster(void **state)
{
    (void)state;
    field *f = with_text(false, 0, "กน้ำข");
    field_home(f);
    field_right(f);
    field_delete(f);
    assert_string_equal(field_text(f), "กข");
    assert_int_equal(f->cursor, strlen("ก"));
    field_end(f);
    field_delete(f); /* at the end: nothing */
    assert_string_equal(field_text(f), "กข");
    field_free(&f);
}

static void test_max_length(void **state)
{
    (void)state;
    field *f = field_new(false, 5);
    type(f, "กุ้งข", FIELD_OK);
    assert_int_equal(field_insert_char(f, 'x'), FIELD_FULL);
    assert_string_equal(field_text(f), "กุ้งข");
    field_free(&f);

    /* a correction that adds a code point must fit too; one that replaces
     * does not change the count */
    f = field_new(false, 2);
    type(f, "ก่", FIELD_OK);
    assert_int_equal(field_insert_char(f, 0x0E38), FIELD_FULL);
    assert_string_equal(field_text(f), "ก่");
    assert_int_equal(field_insert_char(f, 0x0E49), FIELD_CORRECTED);
    assert_string_equal(field_text(f), "ก้");
    field_free(&f);

    /* stored content longer than the maximum is kept, and said so */
    f = field_new(false, 2);
    assert_int_equal(field_set(f, "กขค", strlen("กขค")), FIELD_FULL);
    assert_string_equal(field_text(f), "กขค");
    field_free(&f);
}

static char *repeat(const char *unit, size_t times)
{
    size_t u = strlen(unit);
    char *s = malloc(u * times + 1);
    assert_non_null(s);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * u, unit, u);
    s[u * times] = '\0';
    return s;
}

/* 10,000 code points into a field of 1,001: กุ้ง is the clusters กุ้ (3) and
 * ง (1), so after 250 of them the next cluster does not fit whole. */
static void test_paste_large_truncated(void **state)
{
    (void)state;
    char *big = repeat("กุ้ง", 2500);
    char *want = repeat("กุ้ง", 250);
    assert_int_equal(text_codepoints(big, strlen(big)), 10000);

    field *f = field_new(false, 1001);
    assert_int_equal(field_insert_text(f, big, strlen(big)), FIELD_FULL);
    assert_string_equal(field_text(f), want);
    assert_int_equal(f->cursor, f->len);
    assert_on_boundary(f);
    assert_int_equal(field_insert_text(f, "ก", strlen("ก")), FIELD_OK);
    assert_int_equal(field_insert_text(f, "ข", strlen("ข")), FIELD_FULL);
    assert_int_equal(text_codepoints(f->buf, f->len), 1001);
    field_free(&f);

    /* no maximum: all of it */
    f = field_new(false, 0);
    assert_int_equal(field_insert_text(f, big, strlen(big)), FIELD_OK);
    assert_string_equal(field_text(f), big);
    field_free(&f);
    free(big);
    free(want);
}

static void test_paste_cleaning(void **state)
{
    (void)state;
    field *f = with_text(false, 0, "ab");
    field_left(f);
    const char bad[] = "ก\xFF";
    assert_int_equal(field_insert_text(f, bad, sizeof bad - 1), FIELD_INVALID);
    assert_string_equal(field_text(f), "ab");
    assert_int_equal(f->cursor, 1);

    const char messy[] = "x\ty\r\nz\x1B";
    assert_int_equal(field_insert_text(f, messy, sizeof messy - 1), FIELD_OK);
    assert_string_equal(field_text(f), "ax y zb");
    assert_int_equal(f->cursor, strlen("ax y z"));
    field_free(&f);

    f = field_new(true, 0);
    assert_int_equal(field_insert_text(f, messy, sizeof messy - 1), FIELD_OK);
    assert_string_equal(field_text(f), "x y\nz");
    field_free(&f);

    /* a paste that cleans to nothing changes nothing */
    f = field_new(false, 0);
    assert_int_equal(field_insert_text(f, "\x1B\x07", 2), FIELD_OK);
    assert_string_equal(field_text(f), "");
    assert_false(f->modified);
    field_free(&f);

    /* NFC: e + combining acute becomes é */
    f = field_new(false, 0);
    assert_int_equal(field_insert_text(f, "e\xCC\x81", 3), FIELD_OK);
    assert_string_equal(field_text(f), "\xC3\xA9");
    field_free(&f);
}

/* "สวัสดี ครับ ขอบคุณ มาก" at 8 columns wraps as
 *   สวัสดี ครับ   (8 columns)
 *   ขอบคุณ        (5)
 *   มาก           (3)                                            */
static const char greeting[] = "สวัสดี ครับ ขอบคุณ มาก";

static void test_wrap_precondition(void **state)
{
    (void)state;
    text_line *l;
    assert_int_equal(text_wrap(greeting, strlen(greeting), 8, &l), 3);
    assert_int_equal(l[0].width, 8);
    assert_int_equal(l[1].start, strlen("สวัสดี ครับ "));
    assert_int_equal(l[1].width, 5);
    assert_int_equal(l[2].start, strlen("สวัสดี ครับ ขอบคุณ "));
    free(l);
}

static void test_up_down_wrapped(void **state)
{
    (void)state;
    field *f = with_text(true, 0, greeting);
    size_t l2 = strlen("สวัสดี ครับ "), l3 = strlen("สวัสดี ครับ ขอบคุณ ");

    /* from the end of มาก (column 3) */
    field_up(f, 8);
    assert_int_equal(f->cursor, l2 + strlen("ขอบ")); /* before คุ */
    field_up(f, 8);
    assert_int_equal(f->cursor, strlen("สวัส")); /* before ดี */
    field_up(f, 8); /* first line: stays */
    assert_int_equal(f->cursor, strlen("สวัส"));
    field_down(f, 8);
    field_down(f, 8);
    assert_int_equal(f->cursor, f->len);
    field_down(f, 8); /* last line: stays */
    assert_int_equal(f->cursor, f->len);

    /* goal column 8 survives the shorter lines below */
    field_home(f);
    assert_int_equal(f->cursor, l3);
    field_up(f, 8);
    field_up(f, 8);
    field_end(f);
    assert_int_equal(f->cursor, strlen("สวัสดี ครับ"));
    field_down(f, 8);
    assert_int_equal(f->cursor, l2 + strlen("ขอบคุณ"));
    field_down(f, 8);
    assert_int_equal(f->cursor, f->len);
    field_up(f, 8);
    field_up(f, 8);
    assert_int_equal(f->cursor, strlen("สวัสดี ครับ"));
    assert_on_boundary(f);
    field_free(&f);
}

/* การจัดการความรู้ at 4 columns breaks inside the word จัดการ with no space:
 * จัดกา | ร. End there must stay on its line. */
static void test_end_on_soft_break(void **state)
{
    (void)state;
    const char *s = "การจัดการความรู้";
    field *f = with_text(true, 0, s);
    int line, col;
    field_layout_multi(f, 4, 2, &line, &col);
    assert_int_equal(line, 1); /* รู้ is line 4 of 5, scrolled to the bottom */
    assert_int_equal(col, 1);
    assert_int_equal(f->scroll_line, 3);

    f->cursor = strlen("การจั");
    field_end(f);
    assert_int_equal(f->cursor, strlen("การจัดก"));
    field_layout_multi(f, 4, 2, &line, &col);
    assert_int_equal(f->scroll_line, 1);
    assert_int_equal(line, 0);
    assert_int_equal(col, 3);
    field_home(f);
    assert_int_equal(f->cursor, strlen("การ"));
    field_free(&f);
}

/* The cursor is always drawn inside the field and drawing never starts in
 * the middle of a cluster. */
static void check_single(field *f, int width)
{
    int col = -1;
    size_t start = field_layout_single(f, width, &col);
    assert_true(start <= f->cursor);
    assert_true(text_is_cluster_boundary(f->buf, f->len, start));
    assert_int_equal(text_width(f->buf, start), f->scroll_col);
    assert_in_range(col, 0, width - 1);
    assert_int_equal(text_width(f->buf + start, f->cursor - start), col);
}

static void test_single_line_scrolling(void **state)
{
    (void)state;
    field *f = with_text(false, 0, "กุ้งที่น้ำสำคัญ น้ำน้ำ 漢字 การจัดการความรู้");
    for (int width = 1; width <= 6; width++) {
        f->scroll_col = 0;
        field_end(f);
        check_single(f, width);
        while (f->cursor > 0) {
            field_left(f);
            check_single(f, width);
        }
        assert_int_equal(f->scroll_col, 0);
        while (f->cursor < f->len) {
            field_right(f);
            check_single(f, width);
        }
    }
    field_free(&f);

    /* น้ำ is one cluster two columns wide: the scroll that would start at its
     * second column starts after it */
    f = with_text(false, 0, "น้ำน้ำน้ำ");
    int col;
    size_t start = field_layout_single(f, 4, &col);
    assert_int_equal(start, 2 * strlen("น้ำ"));
    assert_int_equal(f->scroll_col, 4);
    assert_int_equal(col, 2);
    /* deleting text pulls the view back instead of leaving blank columns */
    for (int i = 0; i < 3; i++)
        field_backspace(f);
    start = field_layout_single(f, 4, &col);
    assert_int_equal(f->scroll_col, 2);
    assert_int_equal(start, strlen("น้ำ"));
    assert_int_equal(col, 2);
    for (int i = 0; i < 3; i++)
        field_backspace(f);
    start = field_layout_single(f, 4, &col);
    assert_int_equal(f->scroll_col, 0);
    assert_int_equal(start, 0);
    assert_int_equal(col, 2);
    field_free(&f);
}

static void test_word_moves(void **state)
{
    (void)state;
    const char *s = "การจัดการความรู้";
    const size_t stops[] = {0, strlen("การ"), strlen("การจัดการ"),
                            strlen("การจัดการความ"), strlen(s)};
    field *f = with_text(false, 0, s);
    field_home(f);
    for (int i = 1; i < 5; i++) {
        field_word_right(f);
        assert_int_equal(f->cursor, stops[i]);
    }
    for (int i = 3; i >= 0; i--) {
        field_word_left(f);
        assert_int_equal(f->cursor, stops[i]);
    }
    field_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_typing_thai),
        cmocka_unit_test(test_tone_before_vowel),
        cmocka_unit_test(test_second_tone_replaces),
        cmocka_unit_test(test_lone_mark_rejected),
        cmocka_unit_test(test_controls_refused),
        cmocka_unit_test(test_kedmanee_typing),
        cmocka_unit_test(test_backspace_by_codepoint),
        cmocka_unit_test(test_backspace_keeps_boundary),
        cmocka_unit_test(test_left_right_by_cluster),
        cmocka_unit_test(test_delete_by_cluster),
        cmocka_unit_test(test_max_length),
        cmocka_unit_test(test_paste_large_truncated),
        cmocka_unit_test(test_paste_cleaning),
        cmocka_unit_test(test_wrap_precondition),
        cmocka_unit_test(test_up_down_wrapped),
        cmocka_unit_test(test_end_on_soft_break),
        cmocka_unit_test(test_single_line_scrolling),
        cmocka_unit_test(test_word_moves),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
