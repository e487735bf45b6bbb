/* The built-in Kedmanee keyboard. Unit tests run from the repository root
 * (as `make unit` does): the regeneration test reads files by relative path. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tapian/keymap.h"

#define XKB_TH "/usr/share/X11/xkb/symbols/th"
#define TABLE "src/keymap/kedmanee_table.c"
#define GEN "sh src/keymap/gen-kedmanee.sh " XKB_TH " -"

/* สวัสดี is typed l ; y l f u on a US keyboard in Thai mode. */
static void test_sawatdee(void **state)
{
    (void)state;
    const char *keys = "l;ylfu";
    const uint32_t want[] = {0x0E2A, 0x0E27, 0x0E31, 0x0E2A, 0x0E14, 0x0E35};
    for (size_t i = 0; i < strlen(keys); i++)
        assert_int_equal(keymap_kedmanee((unsigned char)keys[i]), want[i]);
}

static void test_known_keys(void **state)
{
    (void)state;
    assert_int_equal(keymap_kedmanee('d'), 0x0E01);  /* ก */
    assert_int_equal(keymap_kedmanee('f'), 0x0E14);  /* ด */
    assert_int_equal(keymap_kedmanee('h'), 0x0E49);  /* ้ mai tho */
    assert_int_equal(keymap_kedmanee('j'), 0x0E48);  /* ่ mai ek */
    assert_int_equal(keymap_kedmanee('k'), 0x0E32);  /* า */
    assert_int_equal(keymap_kedmanee('e'), 0x0E33);  /* ำ */
    assert_int_equal(keymap_kedmanee('['), 0x0E1A);  /* บ */
    assert_int_equal(keymap_kedmanee(']'), 0x0E25);  /* ล */
    assert_int_equal(keymap_kedmanee('\\'), 0x0E03); /* ฃ */
    assert_int_equal(keymap_kedmanee('\''), 0x0E07); /* ง */
    assert_int_equal(keymap_kedmanee('g'), 0x0E40);  /* เ */
    assert_int_equal(keymap_kedmanee('q'), 0x0E46);  /* ๆ */
    /* shifted */
    assert_int_equal(keymap_kedmanee('Q'), 0x0E50);  /* ๐ */
    assert_int_equal(keymap_kedmanee('&'), 0x0E3F);  /* ฿ */
    assert_int_equal(keymap_kedmanee('|'), 0x0E05);  /* ฅ */
    assert_int_equal(keymap_kedmanee('{'), 0x0E10);  /* ฐ */
    assert_int_equal(keymap_kedmanee('U'), 0x0E4A);  /* ๊ mai tri */
    /* Kedmanee's punctuation keys give their own ASCII character */
    assert_int_equal(keymap_kedmanee('2'), '/');
    assert_int_equal(keymap_kedmanee('3'), '-');
    assert_int_equal(keymap_kedmanee('W'), '"');
    assert_int_equal(keymap_kedmanee('~'), '%');
}

static void test_unmapped(void **state)
{
    (void)state;
    assert_int_equal(keymap_kedmanee('`'), 0); /* the Thai/English toggle */
    assert_int_equal(keymap_kedmanee(' '), 0);
    assert_int_equal(keymap_kedmanee(0), 0);
    assert_int_equal(keymap_kedmanee('\n'), 0);
    assert_int_equal(keymap_kedmanee(0x1B), 0);
    assert_int_equal(keymap_kedmanee(0x7F), 0);
    assert_int_equal(keymap_kedmanee(0xE9), 0);
    assert_int_equal(keymap_kedmanee(0x0E01), 0);
    assert_int_equal(keymap_kedmanee(0x110000), 0);
    assert_int_equal(keymap_kedmanee(UINT32_MAX), 0);
}

/* Every printable key but space and grave types something, each key a
 * different character, and every non-ASCII result is Thai. */
static void test_whole_layout(void **state)
{
    (void)state;
    uint32_t seen[95];
    int n = 0;
    for (uint32_t c = '!'; c <= '~'; c++) {
        uint32_t t = keymap_kedmanee(c);
        if (c == '`') {
            assert_int_equal(t, 0);
            continue;
        }
        assert_int_not_equal(t, 0);
        assert_true(t < 0x80 || (t >= 0x0E01 && t <= 0x0E5B));
        for (int i = 0; i < n; i++)
            assert_int_not_equal(seen[i], t);
        seen[n++] = t;
    }
    assert_int_equal(n, 93);
}

static char *slurp(FILE *fp, size_t *len)
{
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap);
    assert_non_null(buf);
    while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
    }
    *len = n;
    return buf;
}

/* The committed table is what the generator makes from the xkb data. */
static void test_regenerate_identical(void **state)
{
    (void)state;
    if (access(XKB_TH, R_OK) != 0) {
        print_message("no %s: regeneration not checked\n", XKB_TH);
        skip();
    }
    FILE *committed = fopen(TABLE, "rb");
    if (!committed)
        fail_msg("cannot open %s (run from the repository root)", TABLE);
    size_t want_len, got_len;
    char *want = slurp(committed, &want_len);
    fclose(committed);

    FILE *gen = popen(GEN, "r");
    assert_non_null(gen);
    char *got = slurp(gen, &got_len);
    int rc = pclose(gen);

    assert_int_equal(rc, 0);
    assert_true(want_len > 0);
    assert_int_equal(got_len, want_len);
    assert_memory_equal(got, want, want_len);
    free(want);
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sawatdee),
        cmocka_unit_test(test_known_keys),
        cmocka_unit_test(test_unmapped),
        cmocka_unit_test(test_whole_layout),
        cmocka_unit_test(test_regenerate_identical),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
