/* Replays every stored fuzz input (tests/fuzz/corpus/<target>/) through the
 * same entry points libFuzzer drives, so make test catches a regression of
 * any crash once found, with gcc and the sanitizers, without clang. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define FUZZ_REPLAY
#include "../fuzz/fuzz_screen.c"
#include "../fuzz/fuzz_text.c"
#include "../fuzz/fuzz_state.c"
#include "../fuzz/fuzz_csv.c"
#include "../fuzz/fuzz_sync.c"

/* The corpus lives beside this file's directory in the source tree. */
static void corpus_dir(const char *target, char *out, size_t size)
{
    const char *here = __FILE__;
    const char *slash = strrchr(here, '/');
    snprintf(out, size, "%.*s/../fuzz/corpus/%s",
             slash ? (int)(slash - here) : 1, slash ? here : ".", target);
}

static unsigned char *read_all(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096;
    unsigned char *buf = malloc(cap);
    *n = 0;
    size_t got;
    while (buf && (got = fread(buf + *n, 1, cap - *n, f)) > 0) {
        *n += got;
        if (*n == cap) {
            unsigned char *grown = realloc(buf, cap *= 2);
            if (!grown)
                free(buf);
            buf = grown;
        }
    }
    fclose(f);
    return buf;
}

static int replay(const char *target, int (*one)(const uint8_t *, size_t))
{
    char dir[1024];
    corpus_dir(target, dir, sizeof dir);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t n = 0;
        unsigned char *data = read_all(path, &n);
        assert_non_null(data);
        one(data, n);
        free(data);
        count++;
    }
    closedir(d);
    return count;
}

static void test_screen_corpus(void **state)
{
    (void)state;
    /* an empty corpus would make this test pass without testing */
    assert_true(replay("screen", fuzz_screen_one) >= 20);
}

static void test_text_corpus(void **state)
{
    (void)state;
    assert_true(replay("text", fuzz_text_one) >= 20);
    text_shutdown();
}

static void test_csv_corpus(void **state)
{
    (void)state;
    assert_true(replay("csv", fuzz_csv_one) >= 20);
    fuzz_csv_done();
}

static void test_sync_corpus(void **state)
{
    (void)state;
    assert_true(replay("sync", fuzz_sync_one) >= 10);
    fuzz_sync_done();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_screen_corpus),
        cmocka_unit_test(test_text_corpus),
        cmocka_unit_test(test_csv_corpus),
        cmocka_unit_test(test_sync_corpus),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
