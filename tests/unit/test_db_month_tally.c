/* The dashboard's month tallies (migration 013): after meetings are added,
 * moved to another place, circle or date, tombstoned and restored, and
 * attendance rows added, changed and tombstoned, circle_month_tally and
 * tambon_month_tally equal a recount from meeting_tally, which the stock
 * sqlite3 shell does (the tests read SQLite only through it), and the
 * panels read them. A seeded random walk mixes the changes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/db_dashboard.h"
#include "tapian/db_records.h"

#define MEETINGS 8
#define PEOPLE 4

/* Rows of the tallies that the recount lacks, and of the recount that the
 * tallies lack (empty buckets are not rows). */
#define DIFF                                                                 \
    "SELECT count(*) FROM (SELECT * FROM (SELECT circle, month, meetings, "  \
    "listed, came FROM circle_month_tally WHERE meetings > 0 EXCEPT "        \
    "SELECT circle, substr(held_on, 1, 7), count(*), sum(listed), sum(came) " \
    "FROM meeting_tally WHERE live = 1 GROUP BY 1, 2) UNION ALL "             \
    "SELECT * FROM (SELECT circle, substr(held_on, 1, 7), count(*), "        \
    "sum(listed), sum(came) FROM meeting_tally WHERE live = 1 GROUP BY 1, 2 " \
    "EXCEPT SELECT circle, month, meetings, listed, came "                   \
    "FROM circle_month_tally WHERE meetings > 0) UNION ALL "                 \
    "SELECT *, 0, 0 FROM (SELECT tambon_id, month, meetings "                \
    "FROM tambon_month_tally WHERE meetings > 0 EXCEPT SELECT tambon_id, "    \
    "substr(held_on, 1, 7), count(*) FROM meeting_tally WHERE live = 1 "     \
    "AND tambon_id IS NOT NULL GROUP BY 1, 2) UNION ALL "                    \
    "SELECT *, 0, 0 FROM (SELECT tambon_id, substr(held_on, 1, 7), count(*) " \
    "FROM meeting_tally WHERE live = 1 AND tambon_id IS NOT NULL "           \
    "GROUP BY 1, 2 EXCEPT SELECT tambon_id, month, meetings "                \
    "FROM tambon_month_tally WHERE meetings > 0))"

struct world {
    char tambon[2][DB_UUID_LEN], village[DB_UUID_LEN];
    char person[PEOPLE][DB_UUID_LEN];
    char meeting[MEETINGS][DB_UUID_LEN];
    char att[MEETINGS][PEOPLE][DB_UUID_LEN]; /* "" = none yet */
};

static void add_place(tp_db *db, const char *kind, const char *parent,
                      const char *name, int moo, char id[DB_UUID_LEN])
{
    db_place p = {.kind = kind, .parent_id = parent, .name = name, .moo = moo};
    assert_int_equal(db_place_add(db, &p, id), TP_OK);
}

static const char *const circles[] = {"kit", "amnuay", "eua"};
static const char *const days[] = {"2008-10-05", "2008-11-20", "2008-11-28",
                                   "2008-12-01"};
static const char *const statuses[] = {"present", "absent", "late",
                                       "excused"};

static void build(tp_db *db, struct world *w)
{
    char prov[DB_UUID_LEN], amphoe[DB_UUID_LEN];
    memset(w, 0, sizeof *w);
    add_place(db, "province", NULL, "นครศรีธรรมราช", 0, prov);
    add_place(db, "amphoe", prov, "เมืองนครศรีธรรมราช", 0, amphoe);
    add_place(db, "tambon", amphoe, "ท่าไร่", 0, w->tambon[0]);
    add_place(db, "tambon", amphoe, "บางจาก", 0, w->tambon[1]);
    add_place(db, "village", w->tambon[0], NULL, 1, w->village);
    static const char *const names[PEOPLE] = {"ลุงชินวัฒน์", "น้องตุ้ย",
                                              "คุณภีม", "คุณพัช"};
    for (int i = 0; i < PEOPLE; i++)
        assert_int_equal(db_person_add(db, NULL, names[i], NULL, w->person[i]),
                         TP_OK);
    for (int i = 0; i < MEETINGS; i++) {
        db_meeting m = {.circle = circles[i % 3], .held_on = days[i % 4],
                        .place_id = i % 2 ? w->tambon[1] : w->village,
                        .title = "วงเรียนรู้"};
        assert_int_equal(db_meeting_add(db, &m, w->meeting[i]), TP_OK);
    }
}

/* The query is longer than shell_int's command line: it goes on stdin. */
static void same(const struct tdir *t)
{
    char *sql = tdir_path(t, "diff.sql");
    FILE *f = fopen(sql, "w");
    assert_non_null(f);
    fputs(DIFF ";\n", f);
    fclose(f);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "sqlite3 '%s' < '%s' 2>&1", t->db, sql);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char out[256] = "";
    if (!fgets(out, sizeof out, p))
        out[0] = '\0';
    pclose(p);
    free(sql);
    assert_string_equal(out, "0\n");
}

static long long version_of(tp_db *db, const char *table, const char *id,
                            bool *deleted)
{
    long long v = 0;
    assert_int_equal(db_row_version(db, table, id, &v, deleted), TP_OK);
    return v;
}

static void toggle(tp_db *db, const char *table, const char *id)
{
    bool deleted;
    long long ver = version_of(db, table, id, &deleted);
    if (deleted)
        assert_int_equal(db_restore(db, table, id, ver), TP_OK);
    else
        assert_int_equal(db_tombstone(db, table, id, ver), TP_OK);
}

static void edit(tp_db *db, const char *table, const char *id, db_value v)
{
    bool deleted;
    long long ver = version_of(db, table, id, &deleted);
    if (!deleted)
        assert_int_equal(db_update(db, table, id, ver, &v, 1), TP_OK);
}

/* Person p at meeting m: added, or its status changed, or brought back. */
static void attend(tp_db *db, struct world *w, int m, int p, const char *st)
{
    char *id = w->att[m][p];
    if (!id[0]) {
        assert_int_equal(db_attendance_add(db, w->meeting[m], w->person[p],
                                           st, NULL, id), TP_OK);
        return;
    }
    edit(db, "attendance", id, DB_V_TEXT("status", st));
}

struct months {
    int n;
    long long listed, came, meetings;
};

static bool on_circle(void *ctx, const db_circle_month_row *r)
{
    struct months *o = ctx;
    o->n++;
    o->meetings += r->meetings;
    o->listed += r->listed;
    o->came += r->came;
    return true;
}

static bool on_tambon(void *ctx, const db_tambon_month_row *r)
{
    struct months *o = ctx;
    o->n++;
    o->meetings += r->meetings;
    return true;
}

static void test_panels_read_the_tally(void **state)
{
    (void)state;
    if (!have_shell())
        skip();
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    struct world w;
    build(db, &w);
    attend(db, &w, 0, 0, "present");
    attend(db, &w, 0, 1, "absent");
    attend(db, &w, 2, 2, "late");
    same(&t);
    struct months c = {0}, k = {0};
    assert_int_equal(db_dash_circle_months(db, "2008-11", "2008-12", on_circle,
                                           &c), TP_OK);
    /* meetings 1, 2, 3, 5, 6, 7 fall in Nov-Dec; 0 and 4 in October */
    assert_int_equal(c.meetings, 6);
    assert_int_equal(c.listed, 1);
    assert_int_equal(c.came, 1);
    assert_int_equal(db_dash_tambon_months(db, "2008-10", "2008-12", on_tambon,
                                           &k), TP_OK);
    assert_int_equal(k.meetings, MEETINGS);
    /* meeting 2 tombstoned: it and its attendance leave both panels */
    toggle(db, "meeting", w.meeting[2]);
    same(&t);
    memset(&c, 0, sizeof c);
    assert_int_equal(db_dash_circle_months(db, "2008-11", "2008-12", on_circle,
                                           &c), TP_OK);
    assert_int_equal(c.meetings, 5);
    assert_int_equal(c.listed, 0);
    toggle(db, "meeting", w.meeting[2]);
    same(&t);
    /* moved to another month, circle and tambon */
    edit(db, "meeting", w.meeting[0], DB_V_TEXT("held_on", "2008-12-24"));
    same(&t);
    edit(db, "meeting", w.meeting[0], DB_V_TEXT("circle", "mixed"));
    same(&t);
    edit(db, "meeting", w.meeting[0], DB_V_TEXT("place_id", w.tambon[1]));
    same(&t);
    db_close(&db);
    tdir_remove(&t);
}

static void test_random_walk(void **state)
{
    (void)state;
    if (!have_shell())
        skip();
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    struct world w;
    build(db, &w);
    unsigned seed = 2551;
    for (int i = 0; i < 120; i++) {
        int m = (int)(test_rand(&seed) % MEETINGS);
        int p = (int)(test_rand(&seed) % PEOPLE);
        switch (test_rand(&seed) % 8) {
        case 0:
            toggle(db, "meeting", w.meeting[m]);
            break;
        case 1:
            edit(db, "meeting", w.meeting[m],
                 DB_V_TEXT("held_on", days[test_rand(&seed) % 4]));
            break;
        case 2:
            edit(db, "meeting", w.meeting[m],
                 DB_V_TEXT("circle", circles[test_rand(&seed) % 3]));
            break;
        case 3:
            edit(db, "meeting", w.meeting[m],
                 DB_V_TEXT("place_id", test_rand(&seed) % 2 ? w.tambon[1]
                                                             : w.village));
            break;
        case 4:
            if (w.att[m][p][0])
                toggle(db, "attendance", w.att[m][p]);
            break;
        default: {
            bool gone = false;
            version_of(db, "meeting", w.meeting[m], &gone);
            if (!gone)
                attend(db, &w, m, p, statuses[test_rand(&seed) % 4]);
            break;
        }
        }
        if (i % 8 == 7)
            same(&t);
    }
    same(&t);
    db_close(&db);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_panels_read_the_tally),
        cmocka_unit_test(test_random_walk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
