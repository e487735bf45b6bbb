/* Loading the screens for the full-screen program: screens from a
 * directory are checked at once, the built-in ones by
 * app_check_builtin_screens, with the same file:line message that the
 * commands (which check everything at once) give. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/app.h"
#include "tapian/embedded.h"

struct fx {
    struct tdir t;
    struct app a;
    char err[512];
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    tdir_make(&f->t);
    db_open_opts o = {.user = "screens"};
    assert_int_equal(db_open(f->t.db, &o, &f->a.db), TP_OK);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    screen_set_free(&f->a.screens);
    db_close(&f->a.db);
    tdir_remove(&f->t);
    free(f);
    return 0;
}

/* Opens the file again after the shell changed it. */
static void reopen(struct fx *f)
{
    db_close(&f->a.db);
    db_open_opts o = {.user = "screens"};
    assert_int_equal(db_open(f->t.db, &o, &f->a.db), TP_OK);
}

static void test_builtin_fit_a_new_file(void **state)
{
    struct fx *f = *state;
    assert_int_equal(app_load_screens_first(&f->a, NULL, f->err, sizeof f->err),
                     TP_OK);
    assert_true(f->a.builtin_unchecked);
    assert_int_equal(app_check_builtin_screens(&f->a, f->err, sizeof f->err),
                     TP_OK);
    assert_false(f->a.builtin_unchecked);
}

/* A column a built-in screen names, dropped by another program: the same
 * message from the deferred check as from the commands' check. */
static void test_builtin_checked_later(void **state)
{
    struct fx *f = *state;
    if (!have_shell())
        skip();
    assert_int_equal(shell(f->t.db, "ALTER TABLE agency DROP COLUMN note;"), 0);
    reopen(f);
    char now[512];
    assert_int_equal(app_load_screens(&f->a, NULL, now, sizeof now),
                     TP_ERR_INVALID);
    assert_non_null(strstr(now, "builtin/agency.ini:"));
    assert_non_null(strstr(now, "'note'"));
    screen_set_free(&f->a.screens);
    assert_int_equal(app_load_screens_first(&f->a, NULL, f->err, sizeof f->err),
                     TP_OK);
    assert_int_equal(app_check_builtin_screens(&f->a, f->err, sizeof f->err),
                     TP_ERR_INVALID);
    assert_string_equal(f->err, now);
}

/* A screen file being edited (the built-in agency screen, ordered by a
 * misspelt column) is refused before anything is drawn. */
static void test_dir_checked_at_once(void **state)
{
    struct fx *f = *state;
    const struct embedded_file *e = embedded_screens;
    while (e->name && strcmp(e->name, "agency.ini") != 0)
        e++;
    assert_non_null(e->name);
    const char *order = strstr(e->data, "\norder = short_name\n");
    assert_non_null(order);
    int line = 2;
    for (const char *c = e->data; c < order; c++)
        line += *c == '\n';
    char *path = tdir_path(&f->t, "agency.ini");
    FILE *out = fopen(path, "w");
    assert_non_null(out);
    fprintf(out, "%.*s\norder = short_nam\n%s", (int)(order - e->data),
            e->data, order + strlen("\norder = short_name\n"));
    fclose(out);
    free(path);
    assert_int_equal(app_load_screens_first(&f->a, f->t.dir, f->err,
                                            sizeof f->err),
                     TP_ERR_INVALID);
    char want[128];
    snprintf(want, sizeof want, "%s/agency.ini:%d: order:", f->t.dir, line);
    if (!strstr(f->err, want))
        fail_msg("%s", f->err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_builtin_fit_a_new_file, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_builtin_checked_later, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_dir_checked_at_once, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
