/* Word-aware wrapping and word movement, on small cases and on every
 * paragraph of the programme's own documents (tests/fixtures/seeds). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <thai/thbrk.h>
#include <thai/thwbrk.h>
#include <unictype.h>

#include "tapian/text.h"

#define SEEDS "tests/fixtures/seeds"

/* ---- an independent oracle: libthai breaks + spaces ------------------- */

static ThBrk *oracle;

/* 1 at each byte offset where libthai reports a word break in [a,b), asked
 * one space-delimited run at a time (libthai is quadratic on a huge string
 * under ASan's realloc). */
static unsigned char *thai_breaks(const char *s, size_t a, size_t b)
{
    unsigned char *mark = calloc(b - a + 1, 1);
    size_t cps = text_codepoints(s + a, b - a);
    wchar_t *w = malloc((cps + 1) * sizeof *w);
    size_t *at = malloc((cps + 1) * sizeof *at);
    int *pos = malloc((cps + 1) * sizeof *pos);
    assert_true(mark && w && at && pos);
    for (size_t p = a; p < b;) {
        while (p < b && s[p] == ' ')
            p++;
        size_t i = 0, q = p;
        for (size_t len; q < b && s[q] != ' '; q += len) {
            w[i] = (wchar_t)text_decode(s, b, q, &len);
            at[i++] = q;
        }
        w[i] = 0;
        int k = th_brk_wc_find_breaks(oracle, w, pos, i + 1);
        for (int j = 0; j < k; j++)
            if ((size_t)pos[j] < i)
                mark[at[pos[j]] - a] = 1;
        p = q;
    }
    free(w);
    free(at);
    free(pos);
    return mark;
}

static bool is_mark_at(const char *s, size_t n, size_t pos)
{
    return pos < n && uc_is_general_category(text_decode(s, n, pos, NULL),
                                             UC_CATEGORY_M);
}

/* Checks every promise of text_wrap for s[0..n) at width. */
static void check_wrap(const char *s, size_t n, int width)
{
    text_line *lines;
    size_t count = text_wrap(s, n, width, &lines);
    assert_true(count >= 1);
    size_t para = 0; /* start of the current paragraph */
    unsigned char *brk = NULL;
    size_t para_end = 0;
    size_t prev_end = 0;
    for (size_t p = 0; p < lines[0].start; p++)
        assert_true(s[p] == ' ');
    for (size_t i = 0; i < count; i++) {
        const text_line *l = &lines[i];
        assert_true(l->start >= prev_end && l->start + l->len <= n);
        assert_int_equal(l->width, text_width(s + l->start, l->len));
        assert_true(l->width <= width || text_clusters(s + l->start, l->len) == 1);
        assert_true(text_is_cluster_boundary(s, n, l->start));
        assert_true(text_is_cluster_boundary(s, n, l->start + l->len));
        assert_false(is_mark_at(s, n, l->start));
        /* what lies between two lines: spaces and at most one newline */
        size_t nl = 0;
        for (size_t p = prev_end; p < l->start; p++) {
            assert_true(s[p] == ' ' || s[p] == '\n');
            nl += s[p] == '\n';
        }
        assert_true(nl <= 1);
        /* before the first line: nothing, or indentation wider than it */
        if (i == 0 || nl) { /* a new paragraph */
            para = l->start;
            while (para > 0 && s[para - 1] != '\n')
                para--;
            para_end = para;
            while (para_end < n && s[para_end] != '\n')
                para_end++;
            free(brk);
            brk = thai_breaks(s, para, para_end);
        } else { /* a soft break: where and why */
            bool at_space = l->start > prev_end;
            bool at_word = brk[l->start - para];
            if (!at_space && !at_word) {
                /* a hard cut: the word around it does not fit on a line */
                size_t a = l->start, b = l->start;
                while (a > para && !brk[a - para] && s[a - 1] != ' ')
                    a--;
                while (b < para_end && s[b] != ' ' && !(b > l->start && brk[b - para]))
                    b++;
                assert_true(text_width(s + a, b - a) > width);
            }
            /* greedy: the next word would not have fitted after the spaces */
            const text_line *p = &lines[i - 1];
            size_t e = l->start + 1;
            while (e < para_end && s[e] != ' ' && !brk[e - para])
                e++;
            e = text_is_cluster_boundary(s, n, e) ? e : text_next_cluster(s, n, e);
            int next_word = text_width(s + l->start, e - l->start);
            int gap = (int)(l->start - prev_end);
            assert_true(p->width + gap + next_word > width);
        }
        prev_end = l->start + l->len;
        /* trailing spaces are never part of a line */
        assert_true(l->len == 0 || s[prev_end - 1] != ' ');
    }
    for (size_t p = prev_end; p < n; p++)
        assert_true(s[p] == ' ');
    free(brk);
    free(lines);
}

/* ---- small cases --------------------------------------------------------- */

static void test_empty_and_hard(void **state)
{
    (void)state;
    text_line *l;
    assert_int_equal(text_wrap("", 0, 10, &l), 1);
    assert_int_equal(l[0].start, 0);
    assert_int_equal(l[0].len, 0);
    assert_int_equal(l[0].width, 0);
    free(l);
    const char *s = "abc\n\ndef\n";
    assert_int_equal(text_wrap(s, strlen(s), 80, &l), 4);
    assert_int_equal(l[0].len, 3);
    assert_int_equal(l[1].start, 4);
    assert_int_equal(l[1].len, 0);
    assert_int_equal(l[2].start, 5);
    assert_int_equal(l[2].len, 3);
    assert_int_equal(l[3].start, 9);
    assert_int_equal(l[3].len, 0);
    free(l);
    check_wrap(s, strlen(s), 80);
}

static void test_spaces(void **state)
{
    (void)state;
    text_line *l;
    const char *s = "hello   world  ";
    assert_int_equal(text_wrap(s, strlen(s), 5, &l), 2);
    assert_int_equal(l[0].start, 0);
    assert_int_equal(l[0].len, 5);
    assert_int_equal(l[1].start, 8); /* the spaces belong to neither line */
    assert_int_equal(l[1].len, 5);
    free(l);
    assert_int_equal(text_wrap(s, strlen(s), 80, &l), 1);
    assert_int_equal(l[0].len, 13);
    free(l);
    check_wrap(s, strlen(s), 5);
    check_wrap(s, strlen(s), 7);
    /* indentation that fits is kept; wider than the line, it is dropped */
    const char *ind = "  abc\n      def\n        ";
    assert_int_equal(text_wrap(ind, strlen(ind), 4, &l), 4);
    assert_int_equal(l[0].start, 0);
    assert_int_equal(l[0].len, 0); /* "  " then a word that fits: no cut */
    assert_int_equal(l[1].start, 2);
    assert_int_equal(l[1].len, 3); /* "abc" */
    assert_int_equal(l[2].start, 12);
    assert_int_equal(l[2].len, 3); /* "def" */
    assert_int_equal(l[3].len, 0); /* spaces only */
    free(l);
    for (int w = 1; w < 10; w++)
        check_wrap(ind, strlen(ind), w);
}

static void test_thai_words(void **state)
{
    (void)state;
    text_line *l;
    const char *s = "ฉันกินข้าว"; /* ฉัน|กิน|ข้าว: 2 + 2 + 3 columns */
    assert_int_equal(text_wrap(s, strlen(s), 6, &l), 2);
    assert_int_equal(l[0].len, strlen("ฉันกิน"));
    assert_int_equal(l[0].width, 4);
    assert_int_equal(l[1].start, strlen("ฉันกิน"));
    assert_int_equal(l[1].width, 3);
    free(l);
    for (int w = 1; w <= 8; w++)
        check_wrap(s, strlen(s), w);
}

static void test_narrow(void **state)
{
    (void)state;
    text_line *l;
    const char *s = "กุ้งน้ำ"; /* กุ้ (1) ง (1) น้ำ (2) */
    size_t count = text_wrap(s, strlen(s), 1, &l);
    assert_int_equal(count, 3);
    assert_int_equal(l[0].len, 9);
    assert_int_equal(l[1].len, 3);
    assert_int_equal(l[2].width, 2); /* wider than the line, on its own */
    free(l);
    assert_int_equal(text_wrap(s, strlen(s), 0, &l), 3); /* 0 is taken as 1 */
    free(l);
    assert_int_equal(text_wrap(s, strlen(s), -5, &l), 3);
    free(l);
    /* a long word with no break at all is cut between clusters */
    const char *x = "abcdefghij";
    assert_int_equal(text_wrap(x, strlen(x), 4, &l), 3);
    assert_int_equal(l[0].len, 4);
    assert_int_equal(l[2].len, 2);
    free(l);
    check_wrap(x, strlen(x), 4);
    check_wrap("日本語", strlen("日本語"), 1);
}

/* ---- the seed documents --------------------------------------------------- */

static char *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t cap = 0, len = 0;
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 16384;
            buf = realloc(buf, cap + 1);
            assert_non_null(buf);
        }
        size_t k = fread(buf + len, 1, cap - len, f);
        if (k == 0)
            break;
        len += k;
    }
    fclose(f);
    buf[len] = '\0';
    *n = len;
    return buf;
}

static int seed_files(char names[][512], int max)
{
    DIR *d = opendir(SEEDS);
    assert_non_null(d); /* run from the repository root */
    int count = 0;
    for (struct dirent *e; (e = readdir(d)) && count < max;) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0)
            snprintf(names[count++], 512, "%s/%.300s", SEEDS, e->d_name);
    }
    closedir(d);
    return count;
}

static void test_seed_paragraphs(void **state)
{
    (void)state;
    char names[64][512];
    int files = seed_files(names, 64);
    assert_true(files >= 5);
    size_t paragraphs = 0;
    for (int f = 0; f < files; f++) {
        size_t n;
        char *s = read_file(names[f], &n);
        assert_true(text_valid_utf8(s, n, NULL));
        /* each paragraph (between blank lines) on its own, ... */
        size_t a = 0;
        while (a < n) {
            char *blank = strstr(s + a, "\n\n");
            size_t b = blank ? (size_t)(blank - s) : n;
            if (b > a) {
                paragraphs++;
                check_wrap(s + a, b - a, 20);
                check_wrap(s + a, b - a, 40);
                check_wrap(s + a, b - a, 80);
            }
            a = b + 2;
        }
        /* ... and the whole document with its newlines */
        check_wrap(s, n, 40);
        free(s);
    }
    assert_true(paragraphs > 20);
}

/* Field by field: text_line has padding that memcmp would read. */
static void same_lines(const text_line *x, const text_line *y, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(x[i].start, y[i].start);
        assert_int_equal(x[i].len, y[i].len);
        assert_int_equal(x[i].width, y[i].width);
    }
}

/* The breaker keeps the breaks of runs it has seen (wordbreak.c): a
 * document wrapped again, with the memo warm, and again after the memo is
 * dropped, gives the same lines each time. */
static void test_memo_agrees(void **state)
{
    (void)state;
    char names[64][512];
    int files = seed_files(names, 64);
    for (int f = 0; f < files; f++) {
        size_t n;
        char *s = read_file(names[f], &n);
        text_line *cold, *warm;
        text_shutdown();
        size_t nc = text_wrap(s, n, 37, &cold);
        size_t nw = text_wrap(s, n, 37, &warm);
        assert_int_equal(nc, nw);
        same_lines(cold, warm, nc);
        free(warm);
        text_shutdown();
        nw = text_wrap(s, n, 37, &warm);
        assert_int_equal(nc, nw);
        same_lines(cold, warm, nc);
        free(cold);
        free(warm);
        free(s);
    }
}

/* Thai needs libthai: the seed paragraphs wrap to more than one line. */
static void test_seed_breaks_thai(void **state)
{
    (void)state;
    char names[64][512];
    seed_files(names, 64);
    size_t n;
    char *s = read_file(names[0], &n);
    text_line *l;
    size_t count = text_wrap(s, n, 40, &l);
    int max = 0;
    for (size_t i = 0; i < count; i++)
        max = l[i].width > max ? l[i].width : max;
    assert_true(max <= 40);
    assert_true(max >= 30); /* lines are filled, not chopped short */
    free(l);
    free(s);
}

/* A 1 MB line: correct and not quadratic (the time is not asserted). */
static void test_megabyte_line(void **state)
{
    (void)state;
    char names[64][512];
    seed_files(names, 64);
    size_t sn;
    char *seed = read_file(names[1], &sn);
    for (size_t i = 0; i < sn; i++)
        if (seed[i] == '\n')
            seed[i] = ' ';
    size_t n = 0, cap = (1u << 20) + sn;
    char *s = malloc(cap + 1);
    assert_non_null(s);
    while (n + sn <= cap) {
        memcpy(s + n, seed, sn);
        n += sn;
    }
    s[n] = '\0';
    assert_true(n >= 1u << 20);
    check_wrap(s, n, 80);
    assert_true(text_width(s, n) > 0);
    assert_true(text_clusters(s, n) > 0);
    size_t len;
    char *safe = text_display_safe(s, n, false, &len);
    assert_int_equal(len, n); /* nothing to change */
    free(safe);
    assert_true(text_word_next(s, n, n / 2) > n / 2);
    assert_true(text_word_prev(s, n, n / 2) < n / 2);
    free(s);
    free(seed);
}

/* A Thai run with no space, longer than the window libthai is given at a
 * time: the breaks still agree with libthai on the whole run. */
static void test_long_run_without_spaces(void **state)
{
    (void)state;
    char names[64][512];
    int files = seed_files(names, 64);
    char *seed = malloc(1);
    size_t n = 0;
    for (int f = 0; f < files; f++) { /* every document, spaces removed */
        size_t sn;
        char *one = read_file(names[f], &sn);
        seed = realloc(seed, n + sn + 1);
        assert_non_null(seed);
        for (size_t i = 0; i < sn; i++)
            if (one[i] != ' ' && one[i] != '\n')
                seed[n++] = one[i];
        free(one);
    }
    assert_true(n > 3 * 8192);
    check_wrap(seed, n, 40);
    check_wrap(seed, n, 23);
    free(seed);
}

/* ---- word movement -------------------------------------------------------- */

static void test_words(void **state)
{
    (void)state;
    /* ฉัน|กิน|ข้าว กับ|ปลา, then a second paragraph */
    const char *s = "ฉันกินข้าว กับปลา\n  abc";
    size_t n = strlen(s);
    size_t k1 = strlen("ฉัน"), k2 = strlen("ฉันกิน"), k3 = strlen("ฉันกินข้าว "),
           k4 = strlen("ฉันกินข้าว กับ"), k5 = strlen("ฉันกินข้าว กับปลา\n  ");
    assert_int_equal(text_word_next(s, n, 0), k1);
    assert_int_equal(text_word_next(s, n, 1), k1); /* from inside a word */
    assert_int_equal(text_word_next(s, n, k1), k2);
    assert_int_equal(text_word_next(s, n, k2), k3); /* skips the space */
    assert_int_equal(text_word_next(s, n, k3), k4);
    assert_int_equal(text_word_next(s, n, k4), k5); /* across the newline */
    assert_int_equal(text_word_next(s, n, k5), n);
    assert_int_equal(text_word_next(s, n, n), n);
    assert_int_equal(text_word_prev(s, n, n), k5);
    assert_int_equal(text_word_prev(s, n, k5), k4);
    assert_int_equal(text_word_prev(s, n, k5 - 1), k4);
    assert_int_equal(text_word_prev(s, n, k4), k3);
    assert_int_equal(text_word_prev(s, n, k3), k2);
    assert_int_equal(text_word_prev(s, n, k3 - 1), k2);
    assert_int_equal(text_word_prev(s, n, k2), k1);
    assert_int_equal(text_word_prev(s, n, k1), 0);
    assert_int_equal(text_word_prev(s, n, 0), 0);
    assert_int_equal(text_word_next("", 0, 0), 0);
    assert_int_equal(text_word_prev("", 0, 0), 0);
    const char *sp = "   x";
    assert_int_equal(text_word_prev(sp, 4, 2), 0);
    assert_int_equal(text_word_next(sp, 4, 0), 3);
}

static int setup(void **state)
{
    (void)state;
    oracle = th_brk_new(NULL);
    return oracle ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    th_brk_delete(oracle);
    text_shutdown();
    text_shutdown(); /* twice is harmless */
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_and_hard),
        cmocka_unit_test(test_spaces),
        cmocka_unit_test(test_thai_words),
        cmocka_unit_test(test_narrow),
        cmocka_unit_test(test_seed_paragraphs),
        cmocka_unit_test(test_memo_agrees),
        cmocka_unit_test(test_seed_breaks_thai),
        cmocka_unit_test(test_megabyte_line),
        cmocka_unit_test(test_long_run_without_spaces),
        cmocka_unit_test(test_words),
    };
    return cmocka_run_group_tests_name("text_wrap", tests, setup, teardown);
}
