/* Stored sort keys: memcmp of text_sort_key must give text_collate's order
 * exactly, on the programme's own texts and on edge cases. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/text.h"

#define SEEDS "tests/fixtures/seeds"
#define MAX_WORDS 20000

struct word {
    char *s;
    char *key;
    size_t klen;
};

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static int key_cmp(const struct word *a, const struct word *b)
{
    size_t m = a->klen < b->klen ? a->klen : b->klen;
    int r = memcmp(a->key, b->key, m);
    if (r != 0)
        return sign(r);
    return (a->klen > b->klen) - (a->klen < b->klen);
}

static int coll_cmp(const void *x, const void *y)
{
    const struct word *a = x, *b = y;
    return text_collate(a->s, strlen(a->s), b->s, strlen(b->s));
}

static size_t add(struct word *w, size_t n, const char *s, size_t len)
{
    if (n >= MAX_WORDS)
        return n;
    w[n].s = malloc(len + 1);
    assert_non_null(w[n].s);
    memcpy(w[n].s, s, len);
    w[n].s[len] = '\0';
    w[n].key = text_sort_key(w[n].s, len, &w[n].klen);
    assert_non_null(w[n].key);
    return n + 1;
}

/* Every space-separated word and every line of the seed texts. */
static size_t add_seeds(struct word *w, size_t n)
{
    DIR *d = opendir(SEEDS);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[512], line[16384];
        snprintf(path, sizeof path, SEEDS "/%s", e->d_name);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        while (fgets(line, sizeof line, f)) {
            size_t len = strcspn(line, "\n");
            n = add(w, n, line, len);
            for (char *p = line; p < line + len;) {
                size_t k = strcspn(p, " \n");
                /* the word and its first code points: many prefixes */
                for (size_t cut = 1; k && cut < k && cut < 40; cut++)
                    if (((unsigned char)p[cut] & 0xC0) != 0x80)
                        n = add(w, n, p, cut);
                if (k)
                    n = add(w, n, p, k);
                p += k + 1;
            }
        }
        fclose(f);
    }
    closedir(d);
    return n;
}

static const char *const edge[] = {
    "", "a", "A", "ab", "abc", "abd", "ก", "กก", "กา", "กา€", "กา\xe2\x82\xad",
    "€", "\xe2\x82\xad", "ไก่", "เอก", "แดง", "ขาว", "โสภณ", "ชินวัฒน์",
    "กุ้ง", "กุ้ง", "ก้", "ก่", "ก๊", "๑๒", "12", "ท่าไร่", "ท่า ไร่", "ท่าไร่ ",
    "กองทุนหมู่บ้าน", "กองทุน", "กลุ่มออมทรัพย์", "日本", "ก日本", "กa", "กA",
    "\xef\xbf\xbd", "z\xc3\xa9", "ze",
};

static void test_key_order_is_collate_order(void **state)
{
    (void)state;
    struct word *w = calloc(MAX_WORDS, sizeof *w);
    assert_non_null(w);
    size_t n = 0;
    for (size_t i = 0; i < sizeof edge / sizeof edge[0]; i++)
        n = add(w, n, edge[i], strlen(edge[i]));
    n = add_seeds(w, n);
    assert_true(n > 1000);
    /* Sorted by text_collate, neighbours' keys must order the same way; as
     * both are total orders, that makes them the same order. */
    qsort(w, n, sizeof *w, coll_cmp);
    for (size_t i = 1; i < n; i++) {
        int c = sign(coll_cmp(&w[i - 1], &w[i]));
        if (key_cmp(&w[i - 1], &w[i]) != c)
            fail_msg("'%s' / '%s': collate %d, key %d", w[i - 1].s, w[i].s,
                     c, key_cmp(&w[i - 1], &w[i]));
    }
    /* And pairs far apart, in both directions. */
    srand(7);
    for (int t = 0; t < 20000; t++) {
        size_t i = (size_t)rand() % n, j = (size_t)rand() % n;
        assert_int_equal(key_cmp(&w[i], &w[j]), sign(coll_cmp(&w[i], &w[j])));
    }
    for (size_t i = 0; i < n; i++) {
        free(w[i].s);
        free(w[i].key);
    }
    free(w);
}

/* Equal texts give equal keys; the Thai part ends before the tail. */
static void test_key_shape(void **state)
{
    (void)state;
    size_t la, lb;
    char *a = text_sort_key("กา", strlen("กา"), &la);
    char *b = text_sort_key("กา", strlen("กา"), &lb);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(la, lb);
    assert_memory_equal(a, b, la);
    assert_true(memchr(a, 0, la) != NULL);
    /* two code points in the tail, three bytes each */
    assert_int_equal((size_t)((const char *)memchr(a, 0, la) - a) + 1 + 6, la);
    free(a);
    free(b);
    /* the empty text: only the Thai part's level marks and the 0 */
    char *e = text_sort_key("", 0, &la);
    assert_non_null(e);
    assert_int_equal(e[la - 1], 0);
    free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_order_is_collate_order),
        cmocka_unit_test(test_key_shape),
    };
    return cmocka_run_group_tests_name("sort_key", tests, NULL, NULL);
}
