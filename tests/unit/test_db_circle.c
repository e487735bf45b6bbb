/* Running a learning circle on small temporary databases: meetings newest
 * first, the expected participants (recorded now + came last time), one
 * all-or-nothing save, and attendance rates per month and per person. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/db_circle.h"

#define MAXR 16

struct rows {
    int n;
    char id[MAXR][DB_UUID_LEN];
    char name[MAXR][96];
    char status[MAXR][24];
    long long a[MAXR], b[MAXR], c[MAXR];
};

static void put(char *dst, size_t n, const char *s)
{
    snprintf(dst, n, "%s", s ? s : "-");
}

static bool on_meeting(void *ctx, const db_circle_meeting_row *r)
{
    struct rows *o = ctx;
    assert_true(o->n < MAXR);
    put(o->id[o->n], DB_UUID_LEN, r->id);
    put(o->name[o->n], 96, r->held_on);
    o->n++;
    return true;
}

static bool on_person(void *ctx, const db_circle_person_row *r)
{
    struct rows *o = ctx;
    assert_true(o->n < MAXR);
    put(o->id[o->n], DB_UUID_LEN, r->attendance_id);
    put(o->name[o->n], 96, r->name);
    put(o->status[o->n], 24, r->status);
    o->a[o->n] = r->version;
    o->n++;
    return true;
}

static bool on_tally(void *ctx, const db_circle_tally *r)
{
    struct rows *o = ctx;
    assert_true(o->n < MAXR);
    put(o->name[o->n], 96, r->key);
    o->a[o->n] = r->meetings;
    o->b[o->n] = r->listed;
    o->c[o->n] = r->came;
    o->n++;
    return true;
}

static bool on_observer(void *ctx, const char *person_id, const char *name)
{
    struct rows *o = ctx;
    assert_true(o->n < MAXR);
    put(o->id[o->n], DB_UUID_LEN, person_id);
    put(o->name[o->n], 96, name);
    o->n++;
    return true;
}

struct world {
    char p[4][DB_UUID_LEN];      /* ชินวัฒน์, จำนง, ภีม, ตุ้ย */
    char sep[DB_UUID_LEN], oct[DB_UUID_LEN], kit[DB_UUID_LEN];
};

static void meeting(tp_db *db, const char *circle, const char *on,
                    char id[DB_UUID_LEN])
{
    db_meeting m = {.circle = circle, .held_on = on, .title = "วงเรียนรู้"};
    assert_int_equal(db_meeting_add(db, &m, id), TP_OK);
}

static void build(tp_db *db, struct world *w)
{
    const char *names[4][2] = {{"ลุง", "ชินวัฒน์"}, {"อ.", "จำนง"},
                               {"คุณ", "ภีม"}, {"น้อง", "ตุ้ย"}};
    for (int i = 0; i < 4; i++)
        assert_int_equal(db_person_add(db, names[i][0], names[i][1], NULL,
                                       w->p[i]), TP_OK);
    meeting(db, "amnuay", "2005-09-15", w->sep);
    meeting(db, "amnuay", "2005-10-11", w->oct);
    meeting(db, "kit", "2005-10-12", w->kit);
    /* 15 ก.ย.: จำนง came, ภีม late, ตุ้ย absent (not expected next time) */
    assert_int_equal(db_attendance_add(db, w->sep, w->p[1], "present", NULL, NULL), TP_OK);
    assert_int_equal(db_attendance_add(db, w->sep, w->p[2], "late", NULL, NULL), TP_OK);
    assert_int_equal(db_attendance_add(db, w->sep, w->p[3], "absent", NULL, NULL), TP_OK);
    /* 11 ต.ค.: ชินวัฒน์ already recorded absent */
    assert_int_equal(db_attendance_add(db, w->oct, w->p[0], "absent", NULL, NULL), TP_OK);
}

static tp_db *fresh(struct tdir *t, struct world *w)
{
    tdir_make(t);
    tp_db *db = open_new(t->db);
    assert_non_null(db);
    build(db, w);
    return db;
}

static void test_meetings_and_previous(void **state)
{
    (void)state;
    struct tdir t;
    struct world w;
    tp_db *db = fresh(&t, &w);
    struct rows o = {0};
    assert_int_equal(db_circle_meetings(db, "amnuay", on_meeting, &o), TP_OK);
    assert_int_equal(o.n, 2);
    assert_string_equal(o.id[0], w.oct); /* newest first */
    assert_string_equal(o.id[1], w.sep);

    db_circle_meeting m;
    assert_int_equal(db_circle_meeting_previous(db, w.oct, &m), TP_OK);
    assert_string_equal(m.id, w.sep);
    db_circle_meeting_free(&m);
    /* the kit circle's meeting is later but of another kind */
    assert_int_equal(db_circle_meeting_previous(db, w.sep, &m), TP_ERR_NOTFOUND);
    assert_int_equal(db_circle_meeting_get(db, w.kit, &m), TP_OK);
    assert_string_equal(m.circle, "kit");
    assert_null(m.outcomes);
    db_circle_meeting_free(&m);
    db_close(&db);
    tdir_remove(&t);
}

static void test_expected(void **state)
{
    (void)state;
    struct tdir t;
    struct world w;
    tp_db *db = fresh(&t, &w);
    struct rows o = {0};
    assert_int_equal(db_circle_expected(db, w.oct, on_person, &o), TP_OK);
    /* recorded now + came last time; ตุ้ย was absent last time: not expected */
    assert_int_equal(o.n, 3);
    assert_string_equal(o.name[0], "อ.จำนง");   /* Thai order of name: จ ช ภ */
    assert_string_equal(o.status[0], "-");
    assert_string_equal(o.name[1], "ลุงชินวัฒน์");
    assert_string_equal(o.status[1], "absent");
    assert_string_equal(o.name[2], "คุณภีม");
    /* the first meeting of a circle expects nobody but its records */
    struct rows k = {0};
    assert_int_equal(db_circle_expected(db, w.kit, on_person, &k), TP_OK);
    assert_int_equal(k.n, 0);
    db_close(&db);
    tdir_remove(&t);
}

static void test_save_all_or_nothing(void **state)
{
    (void)state;
    struct tdir t;
    struct world w;
    tp_db *db = fresh(&t, &w);
    struct rows o = {0};
    assert_int_equal(db_circle_expected(db, w.oct, on_person, &o), TP_OK);
    db_circle_mark marks[] = {
        {.person_id = w.p[1], .status = "present"},
        {.person_id = w.p[0], .attendance_id = o.id[1], .version = o.a[1],
         .status = "representative", .representative_name = "ป้าแดง"},
        {.person_id = w.p[2], .status = "excused"},
    };
    db_circle_new_observer obs[] = {{.name = "ผู้ว่าราชการจังหวัด"},
                                    {.person_id = w.p[3]}};
    db_circle_meeting m;
    assert_int_equal(db_circle_meeting_get(db, w.oct, &m), TP_OK);
    db_circle_record r = {.meeting_id = w.oct, .version = m.version,
                          .outcomes = "เริ่มจากกลุ่มการเงิน",
                          .next_steps = "ลงพื้นที่ท่าไร่", .marks = marks,
                          .n_marks = 3, .observers = obs, .n_observers = 2};
    /* a stale meeting version: nothing at all is written */
    r.version = m.version + 1;
    assert_int_equal(db_circle_save(db, &r), TP_ERR_CONFLICT);
    int came = -1;
    assert_int_equal(db_meeting_attendees(db, w.oct, &came), TP_OK);
    assert_int_equal(came, 0);
    long long n = 0;
    assert_int_equal(db_count_live(db, "observer", &n), TP_OK);
    assert_int_equal(n, 0);

    r.version = m.version;
    assert_int_equal(db_circle_save(db, &r), TP_OK);
    assert_int_equal(db_meeting_attendees(db, w.oct, &came), TP_OK);
    assert_int_equal(came, 2); /* present + representative */
    assert_int_equal(db_count_live(db, "observer", &n), TP_OK);
    assert_int_equal(n, 2);
    struct rows ob = {0};
    assert_int_equal(db_circle_observers(db, w.oct, on_observer, &ob), TP_OK);
    assert_int_equal(ob.n, 2);
    db_circle_meeting_free(&m);
    assert_int_equal(db_circle_meeting_get(db, w.oct, &m), TP_OK);
    assert_string_equal(m.outcomes, "เริ่มจากกลุ่มการเงิน");
    assert_null(m.notes); /* empty text is NULL */

    /* saving again with nothing changed leaves the rows' versions alone */
    struct rows again = {0};
    assert_int_equal(db_circle_expected(db, w.oct, on_person, &again), TP_OK);
    assert_string_equal(again.status[1], "representative");
    long long v_before = again.a[1];
    marks[1].attendance_id = again.id[1];
    marks[1].version = again.a[1];
    marks[0].attendance_id = again.id[0];
    marks[0].version = again.a[0];
    marks[2].attendance_id = again.id[2];
    marks[2].version = again.a[2];
    r.version = m.version;
    r.n_observers = 0;
    assert_int_equal(db_circle_save(db, &r), TP_OK);
    struct rows after = {0};
    assert_int_equal(db_circle_expected(db, w.oct, on_person, &after), TP_OK);
    assert_int_equal(after.a[1], v_before);
    db_circle_meeting_free(&m);
    db_close(&db);
    tdir_remove(&t);
}

static void test_rates(void **state)
{
    (void)state;
    struct tdir t;
    struct world w;
    tp_db *db = fresh(&t, &w);
    char nov[DB_UUID_LEN], gone[DB_UUID_LEN];
    meeting(db, "amnuay", "2005-10-30", nov);
    assert_int_equal(db_attendance_add(db, nov, w.p[1], "present", NULL, NULL), TP_OK);
    assert_int_equal(db_attendance_add(db, nov, w.p[2], "absent", NULL, NULL), TP_OK);
    /* a tombstoned meeting counts nowhere */
    meeting(db, "amnuay", "2005-10-31", gone);
    assert_int_equal(db_attendance_add(db, gone, w.p[1], "present", NULL, NULL), TP_OK);
    assert_int_equal(db_tombstone(db, "meeting", gone, 1), TP_OK);

    struct rows o = {0};
    assert_int_equal(db_circle_rate_by_month(db, "amnuay", on_tally, &o), TP_OK);
    assert_int_equal(o.n, 2);
    assert_string_equal(o.name[0], "2005-10");
    assert_int_equal(o.a[0], 2); /* 11 and 30 ต.ค. */
    assert_int_equal(o.b[0], 3);
    assert_int_equal(o.c[0], 1);
    assert_string_equal(o.name[1], "2005-09");
    assert_int_equal(o.b[1], 3);
    assert_int_equal(o.c[1], 2);

    struct rows p = {0};
    assert_int_equal(db_circle_rate_by_person(db, "amnuay", NULL, on_tally, &p), TP_OK);
    assert_int_equal(p.n, 4);
    assert_string_equal(p.name[0], "อ.จำนง");
    assert_int_equal(p.b[0], 2);
    assert_int_equal(p.c[0], 2);
    assert_string_equal(p.name[3], "คุณภีม"); /* จ ช ต ภ */
    assert_int_equal(p.b[3], 2);
    assert_int_equal(p.c[3], 1); /* late counts as came */
    struct rows since = {0};
    assert_int_equal(db_circle_rate_by_person(db, "amnuay", "2005-10-01", on_tally, &since), TP_OK);
    assert_int_equal(since.n, 3); /* ตุ้ย was only listed in September */
    db_close(&db);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meetings_and_previous),
        cmocka_unit_test(test_expected),
        cmocka_unit_test(test_save_all_or_nothing),
        cmocka_unit_test(test_rates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
