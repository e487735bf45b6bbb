/* Many users on the hub, scaled down (bench/bench_writers.c is the full
 * size): N processes write to one file for a few seconds, each its own new
 * rows and all the same row. BUSY or LOCKED never reaches them, no write
 * that reported success is lost, and losing a race is TP_ERR_CONFLICT. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <time.h>
#include <cmocka.h>

#include "db_test_util.h"

#define WRITERS 6
#define SECONDS 2

/* Child: exit code 0 = fine; writes "added conflicts updates" to its pipe. */
static int writer(const char *path, const char *meeting, int fd, int who)
{
    char login[16];
    snprintf(login, sizeof login, "w%d", who);
    db_open_opts o = {.user = login};
    tp_db *db = NULL;
    if (db_open(path, &o, &db) != TP_OK)
        return 10;
    long added = 0, conflicts = 0, updates = 0, bad = 0;
    time_t end = time(NULL) + SECONDS;
    for (int i = 0; time(NULL) < end; i++) {
        char name[32];
        snprintf(name, sizeof name, "%s-%d", login, i);
        tp_status s = db_person_add(db, NULL, name, NULL, NULL);
        if (s == TP_OK)
            added++;
        else
            bad++;
        long long v;
        bool del;
        if (db_row_version(db, "meeting", meeting, &v, &del) != TP_OK) {
            bad++;
            continue;
        }
        db_value t = DB_V_TEXT("title", name);
        if (i % 3 == 0)
            usleep(1000); /* let someone else change it meanwhile */
        s = db_update(db, "meeting", meeting, v, &t, 1);
        if (s == TP_OK)
            updates++;
        else if (s == TP_ERR_CONFLICT)
            conflicts++;
        else
            bad++;
    }
    db_close(&db);
    dprintf(fd, "%ld %ld %ld\n", added, conflicts, updates);
    return bad ? 1 : 0;
}

static void test_many_writers(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = NULL;
    db_open_opts o = {.no_pilot_data = true};
    assert_int_equal(db_open(t.db, &o, &db), TP_OK);
    char meeting[DB_UUID_LEN];
    db_meeting m = {.circle = "kit", .held_on = "2007-01-01", .title = "x"};
    assert_int_equal(db_meeting_add(db, &m, meeting), TP_OK);
    db_close(&db);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pids[WRITERS];
    for (int w = 0; w < WRITERS; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0) {
            close(fds[0]);
            _exit(writer(t.db, meeting, fds[1], w));
        }
    }
    close(fds[1]);
    for (int w = 0; w < WRITERS; w++) {
        int st;
        assert_int_equal(waitpid(pids[w], &st, 0), pids[w]);
        assert_true(WIFEXITED(st));
        assert_int_equal(WEXITSTATUS(st), 0);
    }
    FILE *f = fdopen(fds[0], "r");
    long added = 0, conflicts = 0, updates = 0, a, c, u;
    while (fscanf(f, "%ld %ld %ld", &a, &c, &u) == 3) {
        added += a;
        conflicts += c;
        updates += u;
    }
    fclose(f);
    print_message("%d writers, %d s: %ld rows added, %ld updates, "
                  "%ld conflicts\n", WRITERS, SECONDS, added, updates,
                  conflicts);
    assert_int_equal(db_open(t.db, &o, &db), TP_OK);
    long long people, version;
    bool del;
    assert_int_equal(db_count_live(db, "person", &people), TP_OK);
    assert_int_equal(people, added);
    /* Every successful update raised the version by one: none was lost. */
    assert_int_equal(db_row_version(db, "meeting", meeting, &version, &del),
                     TP_OK);
    assert_int_equal(version, 1 + updates);
    assert_true(added > WRITERS);
    db_close(&db);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_writers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
