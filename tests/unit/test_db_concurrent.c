/* Two processes writing at once; the online backup; the integrity check. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"

#define ROWS 150
#define PER_TX 5

/* Child: ROWS people in transactions of PER_TX; exit code = failures. */
static int writer(const char *path, int who)
{
    db_open_opts o = {.no_pilot_data = true, .user = who ? "b" : "a"};
    tp_db *db = NULL;
    if (db_open(path, &o, &db) != TP_OK)
        return 100;
    int bad = 0;
    for (int i = 0; i < ROWS; i += PER_TX) {
        if (db_begin(db) != TP_OK) {
            bad++;
            continue;
        }
        for (int k = 0; k < PER_TX; k++) {
            char name[32];
            snprintf(name, sizeof name, "w%d-%d", who, i + k);
            if (db_person_add(db, NULL, name, NULL, NULL) != TP_OK)
                bad++;
        }
        if (db_commit(db) != TP_OK)
            bad++;
    }
    db_close(&db);
    return bad > 99 ? 99 : bad;
}

static void test_two_writers(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    db_close(&db);
    pid_t pids[2];
    for (int w = 0; w < 2; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0)
            _exit(writer(t.db, w));
    }
    for (int w = 0; w < 2; w++) {
        int st;
        assert_int_equal(waitpid(pids[w], &st, 0), pids[w]);
        assert_true(WIFEXITED(st));
        assert_int_equal(WEXITSTATUS(st), 0);
    }
    db = open_new(t.db);
    assert_non_null(db);
    long long n = -1;
    assert_int_equal(db_count_live(db, "person", &n), TP_OK);
    assert_int_equal(n, 2 * ROWS);
    db_close(&db);
    if (have_shell())
        assert_int_equal(shell_int(t.db, "SELECT count(DISTINCT row_id) FROM audit_log"), 2 * ROWS);
    tdir_remove(&t);
}

static void on_line(void *ctx, const char *line)
{
    int *lines = ctx;
    (*lines)++;
    (void)line;
}

static void test_backup_and_check(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    /* enough rows for the copy to take many steps */
    assert_int_equal(db_begin(db), TP_OK);
    for (int i = 0; i < 400; i++) {
        char name[96];
        snprintf(name, sizeof name, "สมาชิกกลุ่มออมทรัพย์ %d", i);
        assert_int_equal(db_person_add(db, "คุณ", name, NULL, NULL), TP_OK);
    }
    assert_int_equal(db_commit(db), TP_OK);
    int lines = 0;
    assert_int_equal(db_check(db, on_line, &lines), TP_OK);
    assert_int_equal(lines, 1); /* "ok" */

    char *copy = tdir_path(&t, "copy.db");
    assert_int_equal(db_backup(db, copy), TP_OK);
    assert_int_equal(db_backup(db, t.db), TP_ERR_INVALID);
    db_close(&db);
    db = open_new(copy);
    assert_non_null(db);
    long long n = -1;
    assert_int_equal(db_count_live(db, "person", &n), TP_OK);
    assert_int_equal(n, 400);
    assert_int_equal(db_count_live(db, "person", &n), TP_OK);
    lines = 0;
    assert_int_equal(db_check(db, on_line, &lines), TP_OK);
    db_close(&db);

    if (have_shell()) {
        /* a broken reference, written with foreign keys off */
        assert_int_equal(shell(copy, "UPDATE person SET agency_id = "
            "'00000000-0000-4000-8000-00000000dead' WHERE rowid = 1;"), 0);
        db = open_new(copy);
        assert_non_null(db);
        lines = 0;
        assert_int_equal(db_check(db, on_line, &lines), TP_ERR_CONSTRAINT);
        assert_true(lines >= 2);
        db_close(&db);
    }

    /* Damage the last pages (person rows and their audit rows). */
    size_t sz;
    char *b = slurp(t.db, &sz);
    assert_non_null(b);
    free(b);
    assert_true(sz > 3 * 4096);
    char junk[2 * 4096];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)(i * 13 + 1);
    write_bytes(t.db, (long)(sz - sizeof junk), junk, sizeof junk);
    db = open_new(t.db);
    assert_non_null(db);
    lines = 0;
    assert_int_equal(db_check(db, on_line, &lines), TP_ERR_CORRUPT);
    assert_true(lines >= 1);
    db_close(&db);
    free(copy);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_writers),
        cmocka_unit_test(test_backup_and_check),
    };
    return cmocka_run_group_tests_name("db_concurrent", tests, NULL, NULL);
}
