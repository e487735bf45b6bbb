/* Migrations: from an empty file and from every earlier version, with the
 * backup taken before an existing file is changed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/embedded.h"

/* Every NNN_*.sql file is a migration, numbered 001.. without gaps. */
static void test_migration_files_contiguous(void **state)
{
    (void)state;
    int n = 0;
    for (const struct embedded_file *f = embedded_files; f->name; f++) {
        if (f->name[0] >= '0' && f->name[0] <= '9') {
            n++;
            char want[16];
            snprintf(want, sizeof want, "%03d", n);
            assert_memory_equal(f->name, want, 3);
        }
    }
    assert_true(n >= 1);
    assert_int_equal(n, db_schema_latest());
}

static bool has_pilot(void)
{
    for (const struct embedded_file *f = embedded_files; f->name; f++)
        if (strcmp(f->name, "pilot.sql") == 0)
            return true;
    return false;
}

static void test_from_every_earlier_version(void **state)
{
    (void)state;
    for (int from = 0; from < db_schema_latest(); from++) {
        struct tdir t;
        tdir_make(&t);
        assert_int_equal(db_create_at_version(t.db, from), TP_OK);
        tp_db *db = open_new(t.db);
        assert_non_null(db);
        assert_int_equal(db_schema_version(db), db_schema_latest());
        long long n = -1;
        assert_int_equal(db_count_live(db, "person", &n), TP_OK);
        db_close(&db);
        char bak[160];
        snprintf(bak, sizeof bak, "%s.before-v%d.bak", t.db, db_schema_latest());
        struct stat sb;
        if (from == 0) {
            /* an empty file is new: nothing to keep */
            assert_int_not_equal(stat(bak, &sb), 0);
        } else {
            assert_int_equal(stat(bak, &sb), 0);
            if (have_shell())
                assert_int_equal(shell_int(bak, "PRAGMA user_version"), from);
        }
        tdir_remove(&t);
    }
}

static void test_new_file_basics(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    long long n = -1;
    assert_int_equal(db_count_live(db, "place", &n), TP_OK);
    assert_int_equal(n, 0); /* no_pilot_data */
    db_close(&db);
    if (have_shell()) {
        assert_int_equal(shell_int(t.db, "SELECT count(*) FROM role"), 7); /* 6 + คุณอำนวยชุมชน (003) */
        assert_int_equal(shell_int(t.db, "SELECT count(*) FROM six_step_def"), 6);
        assert_int_equal(shell_int(t.db, "SELECT count(*) FROM site"), 1);
        /* journal_mode is stored in the file header for WAL */
        assert_int_equal(shell_int(t.db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
    }
    /* Reopening does not migrate again or take a backup. */
    db = open_new(t.db);
    assert_non_null(db);
    db_close(&db);
    char bak[160];
    snprintf(bak, sizeof bak, "%s.before-v%d.bak", t.db, db_schema_latest());
    struct stat sb;
    assert_int_not_equal(stat(bak, &sb), 0);
    tdir_remove(&t);
}

static void test_pilot_data_only_when_present(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    db_open_opts o = {0};
    tp_db *db = NULL;
    assert_int_equal(db_open(t.db, &o, &db), TP_OK);
    long long n = -1;
    assert_int_equal(db_count_live(db, "place", &n), TP_OK);
    if (has_pilot())
        assert_true(n > 0);
    else
        assert_int_equal(n, 0);
    db_close(&db);
    tdir_remove(&t);
}

/* A migration that fails names itself and SQLite's reason, readable (the
 * message was once formatted into the buffer it was read from), and the
 * file keeps its version. */
static void test_failed_migration_message(void **state)
{
    (void)state;
    if (!have_shell())
        skip();
    struct tdir t;
    tdir_make(&t);
    assert_int_equal(db_create_at_version(t.db, 13), TP_OK);
    /* an object of the same name as one migration 14 creates */
    assert_int_equal(shell(t.db, "CREATE TRIGGER search_doc_upd AFTER UPDATE "
                                 "ON search_doc BEGIN SELECT 1; END;"),
                     0);
    assert_null(open_new(t.db));
    assert_string_equal(db_open_error(),
                        "migration 014_search_pending.sql: trigger "
                        "search_doc_upd already exists");
    assert_int_equal(shell_int(t.db, "PRAGMA user_version"), 13);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_migration_files_contiguous),
        cmocka_unit_test(test_from_every_earlier_version),
        cmocka_unit_test(test_new_file_basics),
        cmocka_unit_test(test_pilot_data_only_when_present),
        cmocka_unit_test(test_failed_migration_message),
    };
    return cmocka_run_group_tests_name("db_migrate", tests, NULL, NULL);
}
