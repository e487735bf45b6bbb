/* Dashboard and self-assessment queries on a small hand-made database:
 * the figures of each panel, and tombstoned rows never counted. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/db_assess.h"
#include "tapian/db_dashboard.h"

#define T(col, s) DB_V_TEXT(col, s)

struct world {
    char tharai[DB_UUID_LEN], bang[DB_UUID_LEN], v1[DB_UUID_LEN];
    char g1[DB_UUID_LEN], g2[DB_UUID_LEN], net[DB_UUID_LEN];
    char p1[DB_UUID_LEN], p2[DB_UUID_LEN], ag[DB_UUID_LEN];
};

static void place(tp_db *db, const char *kind, const char *parent,
                  const char *name, int moo, char id[DB_UUID_LEN])
{
    db_place p = {.kind = kind, .parent_id = parent, .name = name, .moo = moo};
    assert_int_equal(db_place_add(db, &p, id), TP_OK);
}

static void meeting(tp_db *db, const char *circle, const char *on,
                    const char *where, const char *s1, const char *s2,
                    const struct world *w, bool tombstone)
{
    char m[DB_UUID_LEN], x[DB_UUID_LEN];
    db_meeting mt = {.circle = circle, .held_on = on, .place_id = where,
                     .title = "วง"};
    assert_int_equal(db_meeting_add(db, &mt, m), TP_OK);
    assert_int_equal(db_attendance_add(db, m, w->p1, s1, NULL, x), TP_OK);
    assert_int_equal(db_attendance_add(db, m, w->p2, s2, NULL, x), TP_OK);
    if (tombstone)
        assert_int_equal(db_tombstone(db, "meeting", m, 1), TP_OK);
}

static void row(tp_db *db, const char *table, const db_value *v, size_t n,
                bool tombstone)
{
    char id[DB_UUID_LEN];
    assert_int_equal(db_insert(db, table, v, n, id), TP_OK);
    if (tombstone)
        assert_int_equal(db_tombstone(db, table, id, 1), TP_OK);
}

static void build(tp_db *db, struct world *w)
{
    char prov[DB_UUID_LEN], amphoe[DB_UUID_LEN], ag2[DB_UUID_LEN];
    place(db, "province", NULL, "นครศรีธรรมราช", 0, prov);
    place(db, "amphoe", prov, "เมือง", 0, amphoe);
    place(db, "tambon", amphoe, "บางจาก", 0, w->bang);
    place(db, "tambon", amphoe, "ท่าไร่", 0, w->tharai);
    place(db, "village", w->tharai, NULL, 1, w->v1);
    assert_int_equal(db_group_add(db, "village_fund", "กองทุน ม.1", w->v1, w->g1), TP_OK);
    assert_int_equal(db_group_add(db, "production_savings", "ออมทรัพย์ ม.1", w->v1, w->g2), TP_OK);
    assert_int_equal(db_group_add(db, "tambon_network", "เครือข่าย", w->tharai, w->net), TP_OK);
    assert_int_equal(db_person_add(db, NULL, "ลุงชินวัฒน์", NULL, w->p1), TP_OK);
    assert_int_equal(db_person_add(db, NULL, "น้องตุ้ย", NULL, w->p2), TP_OK);
    assert_int_equal(db_agency_add(db, "ธกส.", "ธนาคาร", true, w->ag), TP_OK);
    assert_int_equal(db_agency_add(db, "พช.", "พัฒนาชุมชน", true, ag2), TP_OK);
    meeting(db, "eua", "2005-10-11", w->tharai, "present", "absent", w, false);
    meeting(db, "eua", "2005-11-02", w->v1, "absent", "absent", w, false);
    meeting(db, "kit", "2005-11-20", w->bang, "present", "late", w, false);
    meeting(db, "kit", "2005-12-01", w->bang, "present", "present", w, true);
    /* fish: g1 head and tail, g2 head only (its tail tombstoned), net none
     * (its head tombstoned) */
    db_value goal1[] = {T("group_id", w->g1), T("goal", "ออมทุกเดือน")};
    db_value goal2[] = {T("group_id", w->g2), T("goal", "บัญชีครบ")};
    db_value goal3[] = {T("group_id", w->net), T("goal", "เครือข่าย")};
    db_value tail1[] = {T("group_id", w->g1), T("item", "ทำบัญชี")};
    db_value tail2[] = {T("group_id", w->g2), T("item", "ทำบัญชี")};
    row(db, "fish_goal", goal1, 2, false);
    row(db, "fish_goal", goal2, 2, false);
    row(db, "fish_goal", goal3, 2, true);
    row(db, "fish_knowledge", tail1, 2, false);
    row(db, "fish_knowledge", tail2, 2, true);
    db_value s1[] = {T("agency_id", w->ag), T("kind", "budget"),
                     DB_V_REAL("amount", 50000), T("unit", "บาท"),
                     DB_V_REAL("delivered", 20000)};
    db_value s2[] = {T("agency_id", w->ag), T("kind", "budget"),
                     DB_V_REAL("amount", 10000), T("unit", "บาท"),
                     DB_V_REAL("delivered", 10000)};
    db_value s3[] = {T("agency_id", ag2), T("kind", "budget"),
                     DB_V_REAL("amount", 99999), T("unit", "บาท")};
    row(db, "support_commitment", s1, 5, false);
    row(db, "support_commitment", s2, 5, false);
    row(db, "support_commitment", s3, 4, true);
}

struct got {
    int n;
    char a[8][64], b[8][64];
    long long x[8], y[8], z[8], u[8];
};

static bool on_circle(void *ctx, const db_circle_month_row *r)
{
    struct got *g = ctx;
    assert_true(g->n < 8);
    snprintf(g->a[g->n], 64, "%s", r->circle);
    snprintf(g->b[g->n], 64, "%s", r->month);
    g->x[g->n] = r->meetings, g->y[g->n] = r->listed, g->z[g->n] = r->came;
    g->n++;
    return true;
}

static bool on_tambon(void *ctx, const db_tambon_month_row *r)
{
    struct got *g = ctx;
    assert_true(g->n < 8);
    snprintf(g->a[g->n], 64, "%s", r->tambon);
    snprintf(g->b[g->n], 64, "%s", r->month);
    g->x[g->n++] = r->meetings;
    return true;
}

static bool on_fish(void *ctx, const db_fish_row *r)
{
    struct got *g = ctx;
    assert_true(g->n < 8);
    snprintf(g->a[g->n], 64, "%s", r->tambon);
    g->x[g->n] = r->groups, g->y[g->n] = r->with_goal;
    g->z[g->n] = r->with_knowledge, g->u[g->n] = r->complete;
    g->n++;
    return true;
}

static bool on_support(void *ctx, const db_support_row *r)
{
    struct got *g = ctx;
    assert_true(g->n < 8);
    snprintf(g->a[g->n], 64, "%s", r->agency);
    g->x[g->n] = (long long)r->committed, g->y[g->n] = (long long)r->delivered;
    g->z[g->n++] = r->commitments;
    return true;
}

static void test_panels(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    struct world w;
    build(db, &w);

    char last[8];
    assert_int_equal(db_dash_last_month(db, last), TP_OK);
    assert_string_equal(last, "2005-11"); /* the December one is tombstoned */

    struct got g = {0};
    assert_int_equal(db_dash_circle_months(db, "2005-01", "2005-12", on_circle, &g), TP_OK);
    assert_int_equal(g.n, 3); /* kit Nov; eua Oct, Nov — kit comes first */
    assert_string_equal(g.a[0], "kit");
    assert_int_equal(g.x[0], 1);
    assert_int_equal(g.y[0], 2);
    assert_int_equal(g.z[0], 2);
    assert_string_equal(g.a[1], "eua");
    assert_string_equal(g.b[1], "2005-10");
    assert_int_equal(g.z[1], 1);
    assert_string_equal(g.b[2], "2005-11");
    assert_int_equal(g.z[2], 0);   /* the sponsors' circle was the weak one */

    memset(&g, 0, sizeof g);
    assert_int_equal(db_dash_circle_months(db, "2005-11", "2005-11", on_circle, &g), TP_OK);
    assert_int_equal(g.n, 2);      /* the range bounds the months */

    memset(&g, 0, sizeof g);
    assert_int_equal(db_dash_tambon_months(db, "2005-01", "2005-12", on_tambon, &g), TP_OK);
    assert_int_equal(g.n, 3);      /* ท่าไร่ Oct, Nov (village); บางจาก Nov */
    assert_string_equal(g.a[0], "ท่าไร่");
    assert_string_equal(g.b[1], "2005-11");
    assert_string_equal(g.a[2], "บางจาก");
    assert_int_equal(g.x[2], 1);

    memset(&g, 0, sizeof g);
    assert_int_equal(db_dash_fish(db, on_fish, &g), TP_OK);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.a[0], "ท่าไร่");
    assert_int_equal(g.x[0], 3);   /* two village groups and the network */
    assert_int_equal(g.y[0], 2);
    assert_int_equal(g.z[0], 1);
    assert_int_equal(g.u[0], 1);
    assert_int_equal(g.x[1], 0);   /* บางจาก has none */

    memset(&g, 0, sizeof g);
    assert_int_equal(db_dash_support(db, on_support, &g), TP_OK);
    assert_int_equal(g.n, 1);      /* พช.'s only row is tombstoned */
    assert_string_equal(g.a[0], "ธกส.");
    assert_int_equal(g.x[0], 60000);
    assert_int_equal(g.y[0], 30000);
    assert_int_equal(g.z[0], 2);

    db_close(&db);
    tdir_remove(&t);
}

static bool on_comp(void *ctx, const db_competence_row *r)
{
    struct got *g = ctx;
    if (g->n < 8)
        snprintf(g->a[g->n], 64, "%s", r->name);
    g->n++;
    return true;
}

static bool on_assess(void *ctx, const db_assessment_row *r)
{
    struct got *g = ctx;
    assert_true(g->n < 8);
    snprintf(g->a[g->n], 64, "%s", r->subject);
    g->x[g->n] = r->current_level, g->y[g->n] = r->target_level;
    g->z[g->n++] = r->is_tambon;
    return true;
}

static void test_assessments(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    assert_int_equal(db_schema_version(db), db_schema_latest());
    struct world w;
    build(db, &w);
    struct got g = {0};
    assert_int_equal(db_competences(db, on_comp, &g), TP_OK);
    assert_int_equal(g.n, 6);      /* the starting list */
    assert_string_equal(g.a[0], "การตั้งเป้าหมายร่วม");
    const char *c1 = "c0a1e000-0000-4000-8000-000000000001";
    db_value old[] = {T("group_id", w.g1), T("competence_id", c1),
                      DB_V_INT("current_level", 2), DB_V_INT("target_level", 4),
                      T("assessed_on", "2005-10-11")};
    db_value now[] = {T("group_id", w.g1), T("competence_id", c1),
                      DB_V_INT("current_level", 3), DB_V_INT("target_level", 5),
                      T("assessed_on", "2005-11-28")};
    db_value gone[] = {T("group_id", w.g1), T("competence_id", c1),
                       DB_V_INT("current_level", 5), DB_V_INT("target_level", 5),
                       T("assessed_on", "2005-12-02")};
    db_value tam[] = {T("tambon_id", w.tharai), T("competence_id", c1),
                      DB_V_INT("current_level", 4), DB_V_INT("target_level", 4),
                      T("assessed_on", "2005-11-28")};
    row(db, "self_assessment", old, 5, false);
    row(db, "self_assessment", now, 5, false);
    row(db, "self_assessment", gone, 5, true);
    row(db, "self_assessment", tam, 5, false);
    db_value bad[] = {T("competence_id", c1), DB_V_INT("current_level", 6),
                      DB_V_INT("target_level", 4), T("assessed_on", "2005-11-28"),
                      T("group_id", w.g2)};
    char id[DB_UUID_LEN];
    assert_int_equal(db_insert(db, "self_assessment", bad, 5, id), TP_ERR_CONSTRAINT);
    memset(&g, 0, sizeof g);
    assert_int_equal(db_assessments(db, on_assess, &g), TP_OK);
    assert_int_equal(g.n, 2);
    assert_string_equal(g.a[0], "กองทุน ม.1");
    assert_int_equal(g.x[0], 3);   /* the newest live one */
    assert_int_equal(g.y[0], 5);
    assert_string_equal(g.a[1], "ท่าไร่");
    assert_int_equal(g.z[1], 1);
    db_close(&db);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_panels),
        cmocka_unit_test(test_assessments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
