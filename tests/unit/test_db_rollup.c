/* Rollups of migration 002: the tallies kept by triggers, their backfill
 * when a version-1 file is migrated, and the bulk loader, on tiny hand-made
 * databases. Tombstoned meetings and attendance rows must not count. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/db_bulk.h"
#include "tapian/db_rollup.h"

#define MAXR 16

/* Rows copied out of the callbacks. */
struct rows {
    int n;
    char id[MAXR][DB_UUID_LEN];
    char name[MAXR][64];   /* tambon name, or meeting date */
    char circle[MAXR][32];
    long long a[MAXR], b[MAXR], c[MAXR]; /* counts, per kind of row */
    double rate[MAXR];
    int in_progress[MAXR][DB_SIX_STEPS], reached[MAXR][DB_SIX_STEPS];
};

static void put(char *dst, size_t n, const char *s)
{
    snprintf(dst, n, "%s", s ? s : "(null)");
}

static bool on_tambon(void *ctx, const db_tambon_row *r)
{
    struct rows *o = ctx;
    assert_true(o->n < MAXR);
    put(o->id[o->n], DB_UUID_LEN, r->id);
    put(o->name[o->n], 64, r->name);
    o->a[o->n] = r->villages;
    o->b[o->n] = r->groups;
    o->c[o->n] = r->meetings;
    o->n++;
    return true;
}

static bool on_meeting(void *ctx, const db_meeting_row *r)
{
    struct rows *o = ctx;
    assert_true(o->n < MAXR);
    put(o->id[o->n], DB_UUID_LEN, r->id);
    put(o->name[o->n], 64, r->held_on);
    put(o->circle[o->n], 32, r->circle);
    o->a[o->n] = r->attendees;
    o->b[o->n] = r->listed;
    o->n++;
    return true;
}

static bool on_rate(void *ctx, const db_circle_rate_row *r)
{
    struct rows *o = ctx;
    assert_true(o->n < MAXR);
    put(o->id[o->n], DB_UUID_LEN, r->tambon_id);
    put(o->name[o->n], 64, r->tambon);
    put(o->circle[o->n], 32, r->circle);
    o->a[o->n] = r->meetings;
    o->b[o->n] = r->listed;
    o->c[o->n] = r->came;
    o->rate[o->n] = r->rate;
    o->n++;
    return true;
}

static bool on_six(void *ctx, const db_six_step_row *r)
{
    struct rows *o = ctx;
    assert_true(o->n < MAXR);
    put(o->name[o->n], 64, r->tambon);
    o->a[o->n] = r->villages;
    memcpy(o->in_progress[o->n], r->in_progress, sizeof r->in_progress);
    memcpy(o->reached[o->n], r->reached, sizeof r->reached);
    o->n++;
    return true;
}

static struct rows meetings(tp_db *db, const char *tambon, int off, int lim)
{
    struct rows o = {0};
    assert_int_equal(db_meetings_page(db, tambon, off, lim, on_meeting, &o),
                     TP_OK);
    return o;
}

static struct rows rates(tp_db *db)
{
    struct rows o = {0};
    assert_int_equal(db_attendance_rate_by_circle_tambon(db, on_rate, &o),
                     TP_OK);
    return o;
}

/* ---- a small province written through the audited API ---------------------- */

struct world {
    char amphoe[DB_UUID_LEN], t_bang[DB_UUID_LEN], t_tharai[DB_UUID_LEN];
    char v1[DB_UUID_LEN], v2[DB_UUID_LEN];
    char p[4][DB_UUID_LEN];
    char m1[DB_UUID_LEN], m2[DB_UUID_LEN], m3[DB_UUID_LEN], m4[DB_UUID_LEN];
    char m1_p2[DB_UUID_LEN], m2_p3[DB_UUID_LEN];
};

static void add_place(tp_db *db, const char *kind, const char *parent,
                      const char *name, int moo, char id[DB_UUID_LEN])
{
    db_place p = {.kind = kind, .parent_id = parent, .name = name, .moo = moo};
    assert_int_equal(db_place_add(db, &p, id), TP_OK);
}

static void add_meeting(tp_db *db, const char *circle, const char *on,
                        const char *place, char id[DB_UUID_LEN])
{
    db_meeting m = {.circle = circle, .held_on = on, .place_id = place,
                    .title = "วงเรียนรู้"};
    assert_int_equal(db_meeting_add(db, &m, id), TP_OK);
}

static void attend(tp_db *db, const char *m, const char *p, const char *status,
                   char id[DB_UUID_LEN])
{
    const char *rep = strcmp(status, "representative") == 0 ? "ผู้แทน" : NULL;
    assert_int_equal(db_attendance_add(db, m, p, status, rep, id), TP_OK);
}

/* บางจาก is added first, but ท่าไร่ comes first in Thai order.
 *   m1 ท่าไร่ (at the tambon)   kit     2005-10-11  present, absent, late
 *   m2 ท่าไร่ (in its village)  kit     2005-10-15  present, representative,
 *                                                   excused (tombstoned)
 *   m3 บางจาก                   eua     2005-10-25  present, absent
 *   m4 ท่าไร่, tombstoned       amnuay  2005-09-15  present */
static void build(tp_db *db, struct world *w)
{
    char prov[DB_UUID_LEN], g[DB_UUID_LEN], x[DB_UUID_LEN];
    add_place(db, "province", NULL, "นครศรีธรรมราช", 0, prov);
    add_place(db, "amphoe", prov, "เมืองนครศรีธรรมราช", 0, w->amphoe);
    add_place(db, "tambon", w->amphoe, "บางจาก", 0, w->t_bang);
    add_place(db, "tambon", w->amphoe, "ท่าไร่", 0, w->t_tharai);
    add_place(db, "village", w->t_tharai, NULL, 1, w->v1);
    add_place(db, "village", w->t_bang, NULL, 1, w->v2);
    assert_int_equal(db_group_add(db, "village_fund", "กองทุนหมู่บ้าน", w->v1, g),
                     TP_OK);
    assert_int_equal(db_group_add(db, "tambon_network", "เครือข่าย",
                                  w->t_tharai, g), TP_OK);
    const char *names[4] = {"ลุงชินวัฒน์", "น้องตุ้ย", "คุณภีม", "คุณพัช"};
    for (int i = 0; i < 4; i++)
        assert_int_equal(db_person_add(db, NULL, names[i], NULL, w->p[i]),
                         TP_OK);
    add_meeting(db, "kit", "2005-10-11", w->t_tharai, w->m1);
    add_meeting(db, "kit", "2005-10-15", w->v1, w->m2);
    add_meeting(db, "eua", "2005-10-25", w->t_bang, w->m3);
    add_meeting(db, "amnuay", "2005-09-15", w->t_tharai, w->m4);
    attend(db, w->m1, w->p[0], "present", x);
    attend(db, w->m1, w->p[1], "absent", w->m1_p2);
    attend(db, w->m1, w->p[2], "late", x);
    attend(db, w->m2, w->p[0], "present", x);
    attend(db, w->m2, w->p[1], "representative", x);
    attend(db, w->m2, w->p[2], "excused", w->m2_p3);
    attend(db, w->m3, w->p[0], "present", x);
    attend(db, w->m3, w->p[3], "absent", x);
    attend(db, w->m4, w->p[0], "present", x);
    assert_int_equal(db_tombstone(db, "attendance", w->m2_p3, 1), TP_OK);
    assert_int_equal(db_tombstone(db, "meeting", w->m4, 1), TP_OK);
}

static void test_meetings_page(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    struct world w;
    build(db, &w);

    struct rows o = meetings(db, w.t_tharai, 0, 20);
    assert_int_equal(o.n, 2); /* m4 is tombstoned */
    assert_string_equal(o.id[0], w.m2); /* newest first */
    assert_string_equal(o.name[0], "2005-10-15");
    assert_int_equal(o.a[0], 2);
    assert_int_equal(o.b[0], 2); /* the tombstoned row is not listed */
    assert_string_equal(o.id[1], w.m1);
    assert_int_equal(o.a[1], 2);
    assert_int_equal(o.b[1], 3);

    o = meetings(db, w.t_tharai, 1, 1);
    assert_int_equal(o.n, 1);
    assert_string_equal(o.id[0], w.m1);

    /* Restoring m4 brings it back, oldest of the three. */
    assert_int_equal(db_restore(db, "meeting", w.m4, 2), TP_OK);
    o = meetings(db, w.t_tharai, 0, 20);
    assert_int_equal(o.n, 3);
    assert_string_equal(o.id[2], w.m4);
    assert_int_equal(o.a[2], 1);

    o = meetings(db, w.t_bang, 0, 20);
    assert_int_equal(o.n, 1);
    assert_string_equal(o.circle[0], "eua");
    assert_int_equal(db_meetings_page(db, NULL, 0, 20, on_meeting, &o),
                     TP_ERR_INVALID);
    db_close(&db);
    tdir_remove(&t);
}

static void test_rate_by_circle_tambon(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    struct world w;
    build(db, &w);

    struct rows o = rates(db);
    assert_int_equal(o.n, 2);
    assert_string_equal(o.name[0], "ท่าไร่"); /* Thai order */
    assert_string_equal(o.circle[0], "kit");
    assert_int_equal(o.a[0], 2);
    assert_int_equal(o.b[0], 5);
    assert_int_equal(o.c[0], 4);
    assert_float_equal(o.rate[0], 0.8, 1e-9);
    assert_string_equal(o.name[1], "บางจาก");
    assert_string_equal(o.circle[1], "eua");
    assert_int_equal(o.b[1], 2);
    assert_int_equal(o.c[1], 1);

    /* Changes follow at once: absent → present, a restored meeting, a
     * meeting moved to the other tambon. */
    db_value present = DB_V_TEXT("status", "present");
    assert_int_equal(db_update(db, "attendance", w.m1_p2, 1, &present, 1),
                     TP_OK);
    assert_int_equal(db_restore(db, "meeting", w.m4, 2), TP_OK);
    db_value there = DB_V_TEXT("place_id", w.v2);
    assert_int_equal(db_update(db, "meeting", w.m2, 1, &there, 1), TP_OK);
    o = rates(db);
    assert_int_equal(o.n, 4);
    assert_string_equal(o.circle[0], "kit"); /* ท่าไร่: kit, then amnuay */
    assert_int_equal(o.a[0], 1);
    assert_int_equal(o.b[0], 3);
    assert_int_equal(o.c[0], 3);
    assert_string_equal(o.circle[1], "amnuay");
    assert_int_equal(o.c[1], 1);
    assert_string_equal(o.name[2], "บางจาก");
    assert_string_equal(o.circle[2], "kit");
    assert_int_equal(o.b[2], 2);
    assert_string_equal(o.circle[3], "eua");

    /* Tombstoning every meeting empties the dashboard. */
    const char *ms[] = {w.m1, w.m2, w.m3, w.m4};
    for (int i = 0; i < 4; i++) {
        long long v;
        assert_int_equal(db_row_version(db, "meeting", ms[i], &v, NULL), TP_OK);
        assert_int_equal(db_tombstone(db, "meeting", ms[i], v), TP_OK);
    }
    o = rates(db);
    assert_int_equal(o.n, 0);
    db_close(&db);
    tdir_remove(&t);
}

static void test_tambons_page(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    struct world w;
    build(db, &w);
    struct rows o = {0};
    assert_int_equal(db_tambons_page(db, 0, 20, on_tambon, &o), TP_OK);
    assert_int_equal(o.n, 2);
    assert_string_equal(o.name[0], "ท่าไร่");
    assert_int_equal(o.a[0], 1); /* villages */
    assert_int_equal(o.b[0], 2); /* a group in its village, one at the tambon */
    assert_int_equal(o.c[0], 2); /* m1, m2; not the tombstoned m4 */
    assert_string_equal(o.name[1], "บางจาก");
    assert_int_equal(o.c[1], 1);
    memset(&o, 0, sizeof o);
    assert_int_equal(db_tambons_page(db, 1, 5, on_tambon, &o), TP_OK);
    assert_int_equal(o.n, 1);
    assert_string_equal(o.name[0], "บางจาก");

    /* The cached Thai order follows a rename on this connection ... */
    db_value rename = DB_V_TEXT("name", "กะทูน");
    assert_int_equal(db_update(db, "place", w.t_bang, 1, &rename, 1), TP_OK);
    memset(&o, 0, sizeof o);
    assert_int_equal(db_tambons_page(db, 0, 20, on_tambon, &o), TP_OK);
    assert_int_equal(o.n, 2);
    assert_string_equal(o.name[0], "กะทูน");
    assert_string_equal(o.name[1], "ท่าไร่");

    /* A read-only connection gets the same pages (the order cache lives
     * in its temp schema, which is writable even then). */
    db_open_opts ro = {.read_only = true};
    tp_db *reader = NULL;
    assert_int_equal(db_open(t.db, &ro, &reader), TP_OK);
    memset(&o, 0, sizeof o);
    assert_int_equal(db_tambons_page(reader, 0, 20, on_tambon, &o), TP_OK);
    assert_int_equal(o.n, 2);
    assert_string_equal(o.name[0], "กะทูน");
    db_close(&reader);

    /* ... and a tombstone committed by another connection. */
    tp_db *other = open_new(t.db);
    assert_non_null(other);
    assert_int_equal(db_tombstone(other, "place", w.t_bang, 2), TP_OK);
    db_close(&other);
    memset(&o, 0, sizeof o);
    assert_int_equal(db_tambons_page(db, 0, 20, on_tambon, &o), TP_OK);
    assert_int_equal(o.n, 1);
    assert_string_equal(o.name[0], "ท่าไร่");
    db_close(&db);
    tdir_remove(&t);
}

static void add_step(tp_db *db, const char *village, int step,
                     const char *status, char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("village_id", village),
        DB_V_INT("step", step),
        DB_V_TEXT("status", status),
        strcmp(status, "reached") == 0 ? DB_V_TEXT("reached_on", "2005-12-02")
                                       : DB_V_NULL("reached_on"),
    };
    assert_int_equal(db_insert(db, "six_step", v, 4, id), TP_OK);
}

static void test_six_step(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    struct world w;
    build(db, &w);
    char v3[DB_UUID_LEN], id[DB_UUID_LEN], gone[DB_UUID_LEN];
    char v1_step2[DB_UUID_LEN];
    add_place(db, "village", w.t_tharai, NULL, 2, v3);
    add_step(db, w.v1, 1, "reached", id);
    add_step(db, w.v1, 2, "in_progress", v1_step2);
    add_step(db, v3, 1, "reached", id);
    add_step(db, v3, 2, "reached", id);
    add_step(db, v3, 3, "in_progress", gone);
    add_step(db, w.v2, 1, "in_progress", id);
    assert_int_equal(db_tombstone(db, "six_step", gone, 1), TP_OK);

    struct rows o = {0};
    assert_int_equal(db_six_step_rollup_by_tambon(db, on_six, &o), TP_OK);
    assert_int_equal(o.n, 2);
    assert_string_equal(o.name[0], "ท่าไร่");
    assert_int_equal(o.a[0], 2);
    assert_int_equal(o.reached[0][0], 2);
    assert_int_equal(o.reached[0][1], 1);
    assert_int_equal(o.in_progress[0][1], 1);
    assert_int_equal(o.in_progress[0][2], 0); /* tombstoned */
    assert_int_equal(o.reached[0][5], 0);
    assert_string_equal(o.name[1], "บางจาก");
    assert_int_equal(o.a[1], 1);
    assert_int_equal(o.reached[1][0], 0);
    assert_int_equal(o.in_progress[1][0], 1);

    /* v1 reaches step 2, then moves to บางจาก; v3 is tombstoned. */
    long long ver;
    assert_int_equal(db_row_version(db, "six_step", v1_step2, &ver, NULL),
                     TP_OK);
    db_value done[] = {DB_V_TEXT("status", "reached"),
                       DB_V_TEXT("reached_on", "2006-01-15")};
    assert_int_equal(db_update(db, "six_step", v1_step2, ver, done, 2), TP_OK);
    db_value move = DB_V_TEXT("parent_id", w.t_bang);
    assert_int_equal(db_update(db, "place", w.v1, 1, &move, 1), TP_OK);
    assert_int_equal(db_tombstone(db, "place", v3, 1), TP_OK);
    memset(&o, 0, sizeof o);
    assert_int_equal(db_six_step_rollup_by_tambon(db, on_six, &o), TP_OK);
    assert_int_equal(o.n, 2);
    assert_int_equal(o.a[0], 0); /* ท่าไร่ has no live village left */
    for (int i = 0; i < DB_SIX_STEPS; i++) {
        assert_int_equal(o.reached[0][i], 0);
        assert_int_equal(o.in_progress[0][i], 0);
    }
    assert_int_equal(o.a[1], 2);
    assert_int_equal(o.reached[1][0], 1);     /* v1 */
    assert_int_equal(o.in_progress[1][0], 1); /* v2 */
    assert_int_equal(o.reached[1][1], 1);     /* v1, step 2 */
    assert_int_equal(o.in_progress[1][1], 0);
    db_close(&db);
    tdir_remove(&t);
}

/* A version-1 file with meetings gets its tallies when migrated. */
static void test_backfill_from_version_1(void **state)
{
    (void)state;
    if (!have_shell())
        skip();
    struct tdir t;
    tdir_make(&t);
    assert_int_equal(db_create_at_version(t.db, 1), TP_OK);
    assert_int_equal(shell(t.db,
        "PRAGMA foreign_keys = ON;"
        "CREATE TEMP VIEW s AS SELECT value AS id FROM setting WHERE key = 'site_id';"
        "INSERT INTO place (id, site_id, kind, name) VALUES"
        " ('00000000-0000-4000-8000-000000000001', (SELECT id FROM s), 'province', 'นครศรีธรรมราช');"
        "INSERT INTO place (id, site_id, kind, parent_id, name) VALUES"
        " ('00000000-0000-4000-8000-000000000002', (SELECT id FROM s), 'amphoe', '00000000-0000-4000-8000-000000000001', 'เมือง'),"
        " ('00000000-0000-4000-8000-000000000003', (SELECT id FROM s), 'tambon', '00000000-0000-4000-8000-000000000002', 'ท่าไร่');"
        "INSERT INTO person (id, site_id, name) VALUES"
        " ('00000000-0000-4000-8000-0000000000a1', (SELECT id FROM s), 'ก'),"
        " ('00000000-0000-4000-8000-0000000000a2', (SELECT id FROM s), 'ข');"
        "INSERT INTO meeting (id, site_id, circle, held_on, place_id, title, deleted_at) VALUES"
        " ('00000000-0000-4000-8000-0000000000b1', (SELECT id FROM s), 'kit', '2005-10-11', '00000000-0000-4000-8000-000000000003', 'หนึ่ง', NULL),"
        " ('00000000-0000-4000-8000-0000000000b2', (SELECT id FROM s), 'kit', '2005-10-12', '00000000-0000-4000-8000-000000000003', 'สอง', '2005-10-13T00:00:00.000Z');"
        "INSERT INTO attendance (site_id, meeting_id, person_id, status, deleted_at) VALUES"
        " ((SELECT id FROM s), '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000a1', 'present', NULL),"
        " ((SELECT id FROM s), '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000a2', 'absent', NULL),"
        " ((SELECT id FROM s), '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000a2', 'present', '2005-10-11T10:00:00.000Z'),"
        " ((SELECT id FROM s), '00000000-0000-4000-8000-0000000000b2', '00000000-0000-4000-8000-0000000000a1', 'present', NULL);"),
        0);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    assert_int_equal(db_schema_version(db), db_schema_latest());
    struct rows o = meetings(db, "00000000-0000-4000-8000-000000000003", 0, 20);
    assert_int_equal(o.n, 1);
    assert_int_equal(o.a[0], 1);
    assert_int_equal(o.b[0], 2);
    o = rates(db);
    assert_int_equal(o.n, 1);
    assert_int_equal(o.a[0], 1);
    assert_int_equal(o.b[0], 2);
    assert_int_equal(o.c[0], 1);
    /* The triggers carry on from the backfilled numbers. */
    char id[DB_UUID_LEN], p3[DB_UUID_LEN];
    assert_int_equal(db_person_add(db, NULL, "ค", NULL, p3), TP_OK);
    attend(db, "00000000-0000-4000-8000-0000000000b1", p3, "late", id);
    o = rates(db);
    assert_int_equal(o.b[0], 3);
    assert_int_equal(o.c[0], 2);
    db_close(&db);
    tdir_remove(&t);
}

static void test_bulk_load(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    db_bulk *b;
    assert_int_equal(db_bulk_begin(db, "2008-12-31T00:00:00.000Z", &b), TP_OK);
    const char *prov = "10000000-0000-4000-8000-000000000001",
               *amph = "10000000-0000-4000-8000-000000000002",
               *tam = "10000000-0000-4000-8000-000000000003",
               *vil = "10000000-0000-4000-8000-000000000004",
               *per = "10000000-0000-4000-8000-000000000005",
               *mtg = "10000000-0000-4000-8000-000000000006";
    assert_int_equal(db_bulk_place(b, prov, &(db_place){.kind = "province",
                                                        .name = "นคร"}), TP_OK);
    assert_int_equal(db_bulk_place(b, amph, &(db_place){.kind = "amphoe",
                                 .parent_id = prov, .name = "เมือง"}), TP_OK);
    assert_int_equal(db_bulk_place(b, tam, &(db_place){.kind = "tambon",
                                 .parent_id = amph, .name = "บางจาก"}), TP_OK);
    assert_int_equal(db_bulk_place(b, vil, &(db_place){.kind = "village",
                                 .parent_id = tam, .moo = 3}), TP_OK);
    assert_int_equal(db_bulk_person(b, per, "ลุง", "ชินวัฒน์", vil), TP_OK);
    db_meeting m = {.circle = "field_stage", .held_on = "2005-10-25",
                    .place_id = vil, .title = "เวทีบางจาก"};
    assert_int_equal(db_bulk_meeting(b, mtg, &m), TP_OK);
    assert_int_equal(db_bulk_attendance(b, "10000000-0000-4000-8000-000000000007",
                                        mtg, per, "late"), TP_OK);
    assert_int_equal(db_bulk_six_step(b, "10000000-0000-4000-8000-000000000008",
                                      vil, 1, "reached", "2005-11-28"), TP_OK);
    assert_int_equal(db_bulk_asset(b, "10000000-0000-4000-8000-000000000009",
                                   "คลังความรู้", "เรื่องเล่า", "finance", NULL),
                     TP_OK);
    assert_int_equal(db_bulk_end(&b, "test 1"), TP_OK);
    assert_null(b);

    char gen[32];
    assert_int_equal(db_bulk_generator(db, gen, sizeof gen), TP_OK);
    assert_string_equal(gen, "test 1");
    struct rows o = meetings(db, tam, 0, 5);
    assert_int_equal(o.n, 1);
    assert_int_equal(o.a[0], 1);
    long long audits = -1;
    assert_int_equal(db_audit_count(db, "meeting", mtg, &audits), TP_OK);
    assert_int_equal(audits, 0); /* bulk rows are not audited, by design */
    int came = 0;
    assert_int_equal(db_meeting_attendees(db, mtg, &came), TP_OK);
    assert_int_equal(came, 1);
    db_close(&db);

    /* The file is a normal tapian database afterwards. */
    db = open_new(t.db);
    assert_non_null(db);
    memset(&o, 0, sizeof o);
    assert_int_equal(db_six_step_rollup_by_tambon(db, on_six, &o), TP_OK);
    assert_int_equal(o.n, 1);
    assert_int_equal(o.reached[0][0], 1);
    db_close(&db);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meetings_page),
        cmocka_unit_test(test_rate_by_circle_tambon),
        cmocka_unit_test(test_tambons_page),
        cmocka_unit_test(test_six_step),
        cmocka_unit_test(test_backfill_from_version_1),
        cmocka_unit_test(test_bulk_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
