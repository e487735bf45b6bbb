/* db_open: creating, reopening, and refusing files clearly. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <signal.h>
#include <time.h>

#include "db_test_util.h"

static void test_create_and_reopen(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    assert_false(db_is_read_only(db));
    assert_string_equal(db_path(db), t.db);
    assert_int_equal(db_schema_version(db), db_schema_latest());
    char id[DB_UUID_LEN];
    assert_int_equal(db_agency_add(db, "พช.", "สำนักงานพัฒนาชุมชนจังหวัด", true, id),
                     TP_OK);
    assert_int_equal(strlen(id), 36);
    assert_int_equal(id[14], '4'); /* UUID version 4 */
    db_close(&db);
    assert_null(db);
    db = open_new(t.db);
    assert_non_null(db);
    long long n = 0;
    assert_int_equal(db_count_live(db, "agency", &n), TP_OK);
    assert_int_equal(n, 1);
    db_close(&db);
    tdir_remove(&t);
}

/* user_version is the 4 big-endian bytes at offset 60 of the header. */
static void test_newer_version_refused_untouched(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    db_close(&db);
    int v = db_schema_latest() + 1;
    unsigned char be[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                           (unsigned char)(v >> 8), (unsigned char)v};
    write_bytes(t.db, 60, be, 4);
    struct stat before, after;
    assert_int_equal(stat(t.db, &before), 0);
    size_t n0, n1;
    char *b0 = slurp(t.db, &n0);
    assert_non_null(b0);
    struct timespec pause = {0, 20 * 1000 * 1000};
    nanosleep(&pause, NULL); /* so that a write would show in the mtime */

    db_open_opts o = {0};
    assert_int_equal(db_open(t.db, &o, &db), TP_ERR_NEWER);
    assert_null(db);
    assert_true(strlen(db_open_error()) > 0);

    char *b1 = slurp(t.db, &n1);
    assert_non_null(b1);
    assert_int_equal(stat(t.db, &after), 0);
    assert_int_equal(n0, n1);
    assert_memory_equal(b0, b1, n0);
    assert_int_equal(before.st_mtim.tv_sec, after.st_mtim.tv_sec);
    assert_int_equal(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
    free(b0);
    free(b1);
    tdir_remove(&t);
}

static void test_read_only_option(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    db_close(&db);
    size_t n0, n1;
    char *b0 = slurp(t.db, &n0);

    db_open_opts o = {.read_only = true};
    assert_int_equal(db_open(t.db, &o, &db), TP_OK);
    assert_true(db_is_read_only(db));
    long long n = -1;
    assert_int_equal(db_count_live(db, "person", &n), TP_OK);
    assert_int_equal(n, 0);
    assert_int_equal(db_person_add(db, NULL, "ลุงชินวัฒน์", NULL, NULL),
                     TP_ERR_READONLY);
    db_close(&db);
    char *b1 = slurp(t.db, &n1);
    assert_int_equal(n0, n1);
    assert_memory_equal(b0, b1, n0);
    free(b0);
    free(b1);

    /* A missing file cannot be opened read-only. */
    char *missing = tdir_path(&t, "missing.db");
    assert_int_equal(db_open(missing, &o, &db), TP_ERR_CANTOPEN);
    free(missing);
    tdir_remove(&t);
}

/* chmod 0444 must lead to a read-only open. root ignores file modes, so as
 * root the check runs in a child that has become user nobody. */
static void test_read_only_file(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    db_close(&db);
    assert_int_equal(chmod(t.db, 0444), 0);
    db_open_opts o = {0};
    assert_int_equal(db_open(t.db, &o, &db), TP_OK);
    if (geteuid() != 0) {
        assert_true(db_is_read_only(db));
        assert_int_equal(db_person_add(db, NULL, "x", NULL, NULL),
                         TP_ERR_READONLY);
        db_close(&db);
    } else {
        /* root ignores file modes: check as user nobody in a child. */
        db_close(&db);
        assert_int_equal(chmod(t.dir, 0777), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            if (setgid(65534) != 0 || setuid(65534) != 0)
                _exit(3);
            tp_db *ro = NULL;
            if (db_open(t.db, &o, &ro) != TP_OK)
                _exit(4);
            int rc = db_is_read_only(ro) &&
                     db_person_add(ro, NULL, "x", NULL, NULL) == TP_ERR_READONLY
                         ? 0 : 5;
            db_close(&ro);
            _exit(rc);
        }
        int st;
        assert_int_equal(waitpid(pid, &st, 0), pid);
        assert_true(WIFEXITED(st));
        assert_int_equal(WEXITSTATUS(st), 0);
    }
    tdir_remove(&t);
}

static void test_garbage_is_not_a_database(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    char junk[8192];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)(i * 7 + 3);
    write_bytes(t.db, -1, junk, sizeof junk);
    tp_db *db = NULL;
    db_open_opts o = {0};
    assert_int_equal(db_open(t.db, &o, &db), TP_ERR_NOTADB);
    assert_null(db);
    size_t n;
    char *b = slurp(t.db, &n);
    assert_int_equal(n, sizeof junk);
    assert_memory_equal(b, junk, n); /* left as it was */
    free(b);
    tdir_remove(&t);
}

/* A real header with a ruined schema page. */
static void test_damaged_schema_is_corrupt(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    db_close(&db);
    char junk[3000];
    memset(junk, 0x5a, sizeof junk);
    write_bytes(t.db, 100, junk, sizeof junk);
    db_open_opts o = {0};
    tp_status s = db_open(t.db, &o, &db);
    assert_int_equal(s, TP_ERR_CORRUPT);
    assert_null(db);
    assert_string_equal(tp_status_name(s), "TP_ERR_CORRUPT");
    tdir_remove(&t);
}

static void test_foreign_sqlite_file(void **state)
{
    (void)state;
    if (!have_shell())
        skip();
    struct tdir t;
    tdir_make(&t);
    assert_int_equal(shell(t.db, "CREATE TABLE accounts (a, b);"), 0);
    tp_db *db = NULL;
    db_open_opts o = {0};
    assert_int_equal(db_open(t.db, &o, &db), TP_ERR_NOTADB);
    tdir_remove(&t);
}

static void test_missing_directory(void **state)
{
    (void)state;
    tp_db *db = NULL;
    db_open_opts o = {0};
    assert_int_equal(db_open("/nonexistent-tapian-dir/x.db", &o, &db),
                     TP_ERR_CANTOPEN);
    assert_null(db);
}

/* Another program holding the file exclusively: the stock shell in
 * exclusive locking mode, kept alive on a pipe. */
static void test_locked_by_other_program(void **state)
{
    (void)state;
    if (!have_shell())
        skip();
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    db_close(&db);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[0], 0);
        close(fds[1]);
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        dup2(null, 2);
        execlp("sqlite3", "sqlite3", t.db, (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    const char *lock = ".timeout 10000\n"
                       "PRAGMA locking_mode = EXCLUSIVE;\n"
                       "BEGIN EXCLUSIVE;\n"
                       "INSERT INTO setting VALUES ('lock_test', '1');\n";
    assert_true(write(fds[1], lock, strlen(lock)) == (ssize_t)strlen(lock));
    db_open_opts o = {.busy_timeout_ms = 100};
    tp_status s = TP_OK;
    /* Poll until the shell holds the lock (it starts asynchronously). */
    for (int i = 0; i < 100; i++) {
        s = db_open(t.db, &o, &db);
        if (s != TP_OK)
            break;
        db_close(&db);
    }
    assert_int_equal(s, TP_ERR_LOCKED);
    assert_null(db);
    close(fds[1]); /* the shell sees EOF, rolls back and exits */
    int st;
    waitpid(pid, &st, 0);
    assert_int_equal(db_open(t.db, &o, &db), TP_OK);
    db_close(&db);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_and_reopen),
        cmocka_unit_test(test_newer_version_refused_untouched),
        cmocka_unit_test(test_read_only_option),
        cmocka_unit_test(test_read_only_file),
        cmocka_unit_test(test_garbage_is_not_a_database),
        cmocka_unit_test(test_damaged_schema_is_corrupt),
        cmocka_unit_test(test_foreign_sqlite_file),
        cmocka_unit_test(test_missing_directory),
        cmocka_unit_test(test_locked_by_other_program),
    };
    return cmocka_run_group_tests_name("db_open", tests, NULL, NULL);
}
