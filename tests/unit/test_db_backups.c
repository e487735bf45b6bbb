/* Rotating backups, the daily one, and restoring from a backup. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>

#include "db_test_util.h"
#include "tapian/db_notes.h"

static int count_backups(const struct tdir *t)
{
    char dir[160];
    snprintf(dir, sizeof dir, "%s/backups", t->dir);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

static tp_db *open_db(const struct tdir *t)
{
    db_open_opts o = {.user = "ทดสอบ"};
    tp_db *db = NULL;
    assert_int_equal(db_open(t->db, &o, &db), TP_OK);
    return db;
}

static int notes_titled(tp_db *db, const char *title)
{
    int n = -1;
    assert_int_equal(db_note_count(db, title, &n), TP_OK);
    return n;
}

static void test_rotation_keeps_the_newest(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_db(&t);
    char made[4096];
    for (int i = 0; i < DB_BACKUPS_KEPT + 3; i++)
        assert_int_equal(db_backup_rotating(db, "import", made), TP_OK);
    assert_int_equal(count_backups(&t), DB_BACKUPS_KEPT);
    assert_non_null(strstr(made, "/backups/"));
    assert_non_null(strstr(made, "import"));
    /* the newest one is a database that opens and checks out */
    tp_db *copy = NULL;
    db_open_opts rw = {.user = "ทดสอบ"};
    assert_int_equal(db_open(made, &rw, &copy), TP_OK);
    assert_int_equal(db_check(copy, NULL, NULL), TP_OK);
    db_close(&copy);
    db_close(&db);
    tdir_remove(&t);
}

static void test_daily_once_a_day(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_db(&t);
    assert_int_equal(count_backups(&t), 0);
    assert_int_equal(db_backup_daily(db), TP_OK);
    assert_int_equal(count_backups(&t), 1);
    /* the newest is less than a day old: no second one */
    assert_int_equal(db_backup_daily(db), TP_OK);
    assert_int_equal(count_backups(&t), 1);
    db_close(&db);
    tdir_remove(&t);
}

/* The program makes the daily backup in slices between keys: each step
 * copies a little, a note saved meanwhile is in the copy, and leaving
 * before the end leaves no partial file (the next start makes it). */
static void test_daily_in_slices(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_db(&t);
    db_backup_job *job = NULL;
    assert_int_equal(db_backup_daily_begin(db, &job), TP_OK);
    assert_non_null(job);
    db_backup_job_free(job); /* given up before the end */
    assert_int_equal(count_backups(&t), 0);

    assert_int_equal(db_backup_daily_begin(db, &job), TP_OK);
    assert_non_null(job);
    bool done = false;
    int steps = 0;
    char id[37];
    while (!done) {
        /* a budget of 0 ms: one step of the copy per call */
        assert_int_equal(db_backup_job_step(job, 0, &done), TP_OK);
        if (steps++ == 0)
            assert_int_equal(db_note_add(db, "ระหว่างสำรอง", "", id), TP_OK);
        assert_true(steps < 100000);
    }
    db_backup_job_free(job);
    assert_true(steps > 1); /* the pilot file is more than one step */
    assert_int_equal(count_backups(&t), 1);
    /* the copy is whole, and has the note written while it was made */
    char dir[160];
    snprintf(dir, sizeof dir, "%s/backups", t.dir);
    DIR *d = opendir(dir);
    assert_non_null(d);
    char made[512] = "";
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.')
            snprintf(made, sizeof made, "%s/%s", dir, e->d_name);
    closedir(d);
    tp_db *copy = NULL;
    db_open_opts rw = {.user = "ทดสอบ"};
    assert_int_equal(db_open(made, &rw, &copy), TP_OK);
    assert_int_equal(db_check(copy, NULL, NULL), TP_OK);
    assert_int_equal(notes_titled(copy, "ระหว่างสำรอง"), 1);
    db_close(&copy);
    /* done for today */
    assert_int_equal(db_backup_daily_begin(db, &job), TP_OK);
    assert_null(job);
    db_close(&db);
    tdir_remove(&t);
}

static void test_restore_brings_back_and_keeps_current(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_db(&t);
    char id[37], before[4096], kept[4096];
    assert_int_equal(db_note_add(db, "ก่อนสำรอง", "", id), TP_OK);
    assert_int_equal(db_backup_rotating(db, "daily", before), TP_OK);
    assert_int_equal(db_note_add(db, "หลังสำรอง", "", id), TP_OK);
    assert_int_equal(db_restore_file(db, before, kept), TP_OK);
    /* the backup's contents are back ... */
    assert_int_equal(notes_titled(db, "ก่อนสำรอง"), 1);
    assert_int_equal(notes_titled(db, "หลังสำรอง"), 0);
    /* ... and what was there is kept in a backup of its own */
    tp_db *old = NULL;
    db_open_opts rw = {.user = "ทดสอบ"};
    assert_int_equal(db_open(kept, &rw, &old), TP_OK);
    assert_int_equal(notes_titled(old, "หลังสำรอง"), 1);
    db_close(&old);
    /* a file that is not a tapian database is refused, nothing changes */
    char junk[160];
    snprintf(junk, sizeof junk, "%s/junk.db", t.dir);
    FILE *f = fopen(junk, "w");
    assert_non_null(f);
    fputs("not a database\n", f);
    fclose(f);
    assert_int_not_equal(db_restore_file(db, junk, kept), TP_OK);
    assert_int_equal(notes_titled(db, "ก่อนสำรอง"), 1);
    db_close(&db);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rotation_keeps_the_newest),
        cmocka_unit_test(test_daily_once_a_day),
        cmocka_unit_test(test_daily_in_slices),
        cmocka_unit_test(test_restore_brings_back_and_keeps_current),
    };
    return cmocka_run_group_tests_name("db_backups", tests, NULL, NULL);
}
