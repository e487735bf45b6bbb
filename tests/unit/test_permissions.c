/* The permissions matrix: for each role and each records screen, what the
 * screen files allow (view, edit) and what the db layer enforces once
 * app_load_screens has registered the permits must agree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/app.h"
#include "tapian/db_records.h"
#include "tapian/role_menu.h"

static const char *const roles[] = {"khun_eua", "khun_amnuay", "khun_kit",
                                    "khun_banthuek", "khun_prasan", "admin"};

/* Whether some screen lets role change table: as its source, or as the
 * junction of a multi-reference (the meeting form writes attendance). */
static bool screens_let_edit(const screen_set *set, const char *const *role,
                             const char *table)
{
    for (size_t i = 0; i < set->n; i++) {
        const screen *s = &set->screens[i];
        if (s->kind != SCREEN_RECORDS || !s->source ||
            !screen_may_edit(s, role, 1))
            continue;
        if (strcmp(s->source, table) == 0)
            return true;
        for (size_t f = 0; f < s->n_fields; f++)
            if (s->fields[f].type == SF_MULTIREF && s->fields[f].via &&
                strcmp(s->fields[f].via, table) == 0)
                return true;
    }
    return false;
}

static void test_matrix(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    static struct app a;
    db_open_opts o = {.user = "matrix"};
    assert_int_equal(db_open(t.db, &o, &a.db), TP_OK);
    char err[512];
    assert_int_equal(app_load_screens(&a, NULL, err, sizeof err), TP_OK);
    int refused = 0, allowed = 0;
    for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++) {
        const char *role[] = {roles[r]};
        db_set_roles(a.db, role, 1);
        for (size_t i = 0; i < a.screens.n; i++) {
            const screen *s = &a.screens.screens[i];
            if (s->kind != SCREEN_RECORDS || !s->source)
                continue;
            bool edit = screen_may_edit(s, role, 1);
            /* who may change a screen may see it */
            assert_true(!edit || screen_may_view(s, role, 1));
            char id[DB_UUID_LEN];
            tp_status st = db_insert(a.db, s->source, NULL, 0, id);
            if (!edit && screens_let_edit(&a.screens, role, s->source)) {
                /* its own screen is read-only, another form writes it */
                assert_int_not_equal(st, TP_ERR_PERM);
                continue;
            }
            if (edit) {
                /* allowed; an empty row may still break a rule */
                assert_int_not_equal(st, TP_ERR_PERM);
                allowed++;
            } else {
                if (st != TP_ERR_PERM)
                    print_error("%s may not edit %s, but the db let it "
                                "(%s)\n", roles[r], s->name,
                                tp_status_name(st));
                assert_int_equal(st, TP_ERR_PERM);
                refused++;
            }
        }
        /* every task on the role's home screen can be opened by it */
        for (const char *const *m = role_menu_screens(roles[r]); *m; m++) {
            const screen *s = screen_find(&a.screens, *m);
            assert_non_null(s);
            if (!screen_may_view(s, role, 1))
                print_error("%s's home lists %s, which it may not view\n",
                            roles[r], *m);
            assert_true(screen_may_view(s, role, 1));
        }
    }
    /* the matrix is not trivial either way */
    assert_true(refused > 10);
    assert_true(allowed > 10);
    screen_set_free(&a.screens);
    db_close(&a.db);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matrix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
