/* The field-visit month view's queries: clashes (one facilitator at two
 * groups on one day, across plans and tambons; cancelled and tombstoned
 * visits do not count), overdue visits, meetings offered for a visit, and
 * marking a visit done through the audited writes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/app.h"
#include "tapian/db_records.h"
#include "tapian/db_visit.h"

struct world {
    char prov[DB_UUID_LEN], amphoe[DB_UUID_LEN], t1[DB_UUID_LEN],
        t2[DB_UUID_LEN], v1[DB_UUID_LEN];
    char g1[DB_UUID_LEN], g2[DB_UUID_LEN], g3[DB_UUID_LEN];
    char f1[DB_UUID_LEN], f2[DB_UUID_LEN];
    char p1[DB_UUID_LEN], p2[DB_UUID_LEN], p3[DB_UUID_LEN];
    char a[DB_UUID_LEN], b[DB_UUID_LEN], c[DB_UUID_LEN], d[DB_UUID_LEN],
        e[DB_UUID_LEN], f[DB_UUID_LEN], g[DB_UUID_LEN], h[DB_UUID_LEN],
        i[DB_UUID_LEN], j[DB_UUID_LEN], k[DB_UUID_LEN];
};

static void place(tp_db *db, const char *kind, const char *parent,
                  const char *name, char id[DB_UUID_LEN])
{
    db_place p = {.kind = kind, .parent_id = parent, .name = name,
                  .moo = strcmp(kind, "village") == 0 ? 1 : 0};
    tp_status st = db_place_add(db, &p, id);
    if (st != TP_OK)
        fail_msg("%s: %s", name, db_last_error(db));
}

static void plan(tp_db *db, const char *tambon, const char *title,
                 char id[DB_UUID_LEN])
{
    db_value v[] = {DB_V_TEXT("tambon_id", tambon), DB_V_TEXT("title", title)};
    assert_int_equal(db_insert(db, "field_visit_plan", v, 2, id), TP_OK);
}

static void visit(tp_db *db, const char *plan_id, const char *on,
                  const char *group, const char *who, const char *status,
                  char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("plan_id", plan_id), DB_V_TEXT("visit_on", on),
        DB_V_TEXT("group_id", group), DB_V_TEXT("facilitator_id", who),
        DB_V_TEXT("status", status), DB_V_TEXT("agenda", "ทบทวนบัญชี"),
    };
    assert_int_equal(db_insert(db, "field_visit", v, 6, id), TP_OK);
}

static long long version_of(tp_db *db, const char *table, const char *id)
{
    long long v = 0;
    bool gone = false;
    assert_int_equal(db_row_version(db, table, id, &v, &gone), TP_OK);
    return v;
}

/* Tambon t1 (village v1) has plans p1 and p2, tambon t2 plan p3.
 * Groups g1, g2 in v1; g3 in t2. Facilitators f1, f2.
 *   a  p1 10-20 g1 f1 planned    clash with b (another plan, same tambon)
 *   b  p2 10-20 g2 f1 planned
 *   c  p1 10-21 g1 f2 planned    d is cancelled: no clash
 *   d  p1 10-21 g2 f2 cancelled
 *   e  p1 10-22 g1 f1 planned    f is tombstoned: no clash
 *   f  p1 10-22 g2 f1 planned    (tombstoned)
 *   g  p1 10-23 g1 f2 planned    clash with h (a plan of another tambon)
 *   h  p3 10-23 g3 f2 planned
 *   i  p1 10-01 g1 f1 postponed  overdue
 *   j  p1 10-02 g1 f1 done
 *   k  p1 10-03 g2 f2 cancelled
 * With today 2005-10-21, overdue in p1: a and i (c is today). */
static void build(tp_db *db, struct world *w)
{
    place(db, "province", NULL, "นครศรีธรรมราช", w->prov);
    place(db, "amphoe", w->prov, "เมือง", w->amphoe);
    place(db, "tambon", w->amphoe, "บางจาก", w->t1);
    place(db, "tambon", w->amphoe, "ท่าไร่", w->t2);
    place(db, "village", w->t1, "บ้านบน", w->v1);
    assert_int_equal(db_group_add(db, "village_fund", "กองทุนบ้านบน", w->v1, w->g1), TP_OK);
    assert_int_equal(db_group_add(db, "production_savings", "กลุ่มออมทรัพย์", w->v1, w->g2), TP_OK);
    assert_int_equal(db_group_add(db, "village_fund", "กองทุนท่าไร่", w->t2, w->g3), TP_OK);
    assert_int_equal(db_person_add(db, "นาง", "สมศรี", NULL, w->f1), TP_OK);
    assert_int_equal(db_person_add(db, "นาย", "สมชาย", NULL, w->f2), TP_OK);
    plan(db, w->t1, "แผนบางจาก", w->p1);
    plan(db, w->t1, "แผนบางจาก รอบสอง", w->p2);
    plan(db, w->t2, "แผนท่าไร่", w->p3);
    visit(db, w->p1, "2005-10-20", w->g1, w->f1, "planned", w->a);
    visit(db, w->p2, "2005-10-20", w->g2, w->f1, "planned", w->b);
    visit(db, w->p1, "2005-10-21", w->g1, w->f2, "planned", w->c);
    visit(db, w->p1, "2005-10-21", w->g2, w->f2, "cancelled", w->d);
    visit(db, w->p1, "2005-10-22", w->g1, w->f1, "planned", w->e);
    visit(db, w->p1, "2005-10-22", w->g2, w->f1, "planned", w->f);
    assert_int_equal(db_tombstone(db, "field_visit", w->f,
                                  version_of(db, "field_visit", w->f)), TP_OK);
    visit(db, w->p1, "2005-10-23", w->g1, w->f2, "planned", w->g);
    visit(db, w->p3, "2005-10-23", w->g3, w->f2, "planned", w->h);
    visit(db, w->p1, "2005-10-01", w->g1, w->f1, "postponed", w->i);
    visit(db, w->p1, "2005-10-02", w->g1, w->f1, "done", w->j);
    visit(db, w->p1, "2005-10-03", w->g2, w->f2, "cancelled", w->k);
}

static tp_db *open_world(struct tdir *t, struct world *w)
{
    tdir_make(t);
    tp_db *db = open_new(t->db);
    assert_non_null(db);
    build(db, w);
    return db;
}

#define MAXV 16
struct got {
    int n;
    char id[MAXV][DB_UUID_LEN];
    bool clash[MAXV], overdue[MAXV];
    char group[MAXV][64];
};

static bool take(void *ctx, const db_visit *v)
{
    struct got *g = ctx;
    if (g->n >= MAXV)
        return false;
    snprintf(g->id[g->n], DB_UUID_LEN, "%s", v->id);
    snprintf(g->group[g->n], 64, "%s", v->group_name ? v->group_name : "");
    g->clash[g->n] = v->clash;
    g->overdue[g->n] = v->overdue;
    g->n++;
    return true;
}

static int find(const struct got *g, const char *id)
{
    for (int i = 0; i < g->n; i++)
        if (strcmp(g->id[i], id) == 0)
            return i;
    return -1;
}

static void test_clash_and_overdue(void **state)
{
    (void)state;
    struct tdir t;
    struct world w;
    tp_db *db = open_world(&t, &w);

    struct got g = {0};
    assert_int_equal(db_visits_between(db, w.p1, "2005-10-01", "2005-10-31",
                                       "2005-10-21", take, &g), TP_OK);
    /* p1's live visits: a c d e g i j k (f tombstoned, b and h elsewhere) */
    assert_int_equal(g.n, 8);
    assert_int_equal(find(&g, w.f), -1);
    assert_true(g.clash[find(&g, w.a)]);   /* b of p2 */
    assert_true(g.clash[find(&g, w.g)]);   /* h of another tambon */
    assert_false(g.clash[find(&g, w.c)]);  /* d is cancelled */
    assert_false(g.clash[find(&g, w.d)]);  /* a cancelled visit never clashes */
    assert_false(g.clash[find(&g, w.e)]);  /* f is tombstoned */
    assert_true(g.overdue[find(&g, w.a)]);
    assert_true(g.overdue[find(&g, w.i)]); /* postponed and past */
    assert_false(g.overdue[find(&g, w.c)]); /* today is not overdue */
    assert_false(g.overdue[find(&g, w.j)]); /* done */
    assert_false(g.overdue[find(&g, w.k)]); /* cancelled */
    /* by day, then group in Thai order: i j k first, then a */
    assert_string_equal(g.id[0], w.i);
    assert_string_equal(g.id[3], w.a);

    int clashes, overdue, undated;
    assert_int_equal(db_visit_flag_counts(db, w.p1, "2005-10-21", &clashes,
                                          &overdue, &undated), TP_OK);
    assert_int_equal(clashes, 2);
    assert_int_equal(overdue, 2);
    assert_int_equal(undated, 0);
    assert_int_equal(db_visit_flag_counts(db, w.p2, "2005-10-21", &clashes,
                                          &overdue, &undated), TP_OK);
    assert_int_equal(clashes, 1);
    assert_int_equal(overdue, 1);

    /* cancelling b ends a's clash; tombstoning p3 ends g's */
    assert_int_equal(db_update(db, "field_visit", w.b,
                               version_of(db, "field_visit", w.b),
                               (db_value[]){DB_V_TEXT("status", "cancelled")}, 1),
                     TP_OK);
    assert_int_equal(db_tombstone(db, "field_visit_plan", w.p3,
                                  version_of(db, "field_visit_plan", w.p3)), TP_OK);
    assert_int_equal(db_visit_flag_counts(db, w.p1, "2005-10-21", &clashes,
                                          &overdue, &undated), TP_OK);
    assert_int_equal(clashes, 0);

    /* one day only */
    g.n = 0;
    assert_int_equal(db_visits_between(db, w.p1, "2005-10-21", "2005-10-21",
                                       "2005-10-21", take, &g), TP_OK);
    assert_int_equal(g.n, 2);
    db_close(&db);
    tdir_remove(&t);
}

struct meetings {
    int n;
    char id[8][DB_UUID_LEN];
};

static bool take_meeting(void *ctx, const db_visit_meeting *m)
{
    struct meetings *ms = ctx;
    if (ms->n < 8)
        snprintf(ms->id[ms->n++], DB_UUID_LEN, "%s", m->id);
    return true;
}

static void test_done_links_meeting(void **state)
{
    (void)state;
    struct tdir t;
    struct world w;
    tp_db *db = open_world(&t, &w);

    char mid[DB_UUID_LEN];
    long long vc = version_of(db, "field_visit", w.c);
    assert_int_equal(db_visit_done_new_meeting(db, w.c, vc, "ลงพื้นที่กองทุนบ้านบน",
                                               mid), TP_OK);
    char sql[400];
    snprintf(sql, sizeof sql, "SELECT status = 'done' AND meeting_id = '%s' "
             "FROM field_visit WHERE id = '%s'", mid, w.c);
    assert_int_equal(shell_int(t.db, sql), 1);
    snprintf(sql, sizeof sql, "SELECT held_on = '2005-10-21' AND circle = "
             "'field_stage' AND place_id = '%s' AND agenda = 'ทบทวนบัญชี' "
             "FROM meeting WHERE id = '%s'", w.v1, mid);
    assert_int_equal(shell_int(t.db, sql), 1);
    long long n = 0;
    assert_int_equal(db_audit_count(db, "meeting", mid, &n), TP_OK);
    assert_int_equal(n, 1);
    assert_int_equal(db_audit_count(db, "field_visit", w.c, &n), TP_OK);
    assert_int_equal(n, 2); /* added, then done */

    /* the meeting is offered for another visit of the tambon; a stale
     * version is refused, the right one links it */
    struct meetings ms = {0};
    assert_int_equal(db_visit_meetings(db, w.a, 20, take_meeting, &ms), TP_OK);
    assert_int_equal(ms.n, 1);
    assert_string_equal(ms.id[0], mid);
    ms.n = 0;
    assert_int_equal(db_visit_meetings(db, w.h, 20, take_meeting, &ms), TP_OK);
    assert_int_equal(ms.n, 0); /* ท่าไร่ has no meeting */
    long long va = version_of(db, "field_visit", w.a);
    assert_int_equal(db_visit_done(db, w.a, va + 1, mid), TP_ERR_CONFLICT);
    assert_int_equal(db_visit_done(db, w.a, va, mid), TP_OK);

    /* a visit without a day cannot make its meeting; nothing is written */
    db_value no_day[] = {DB_V_TEXT("plan_id", w.p1)};
    char u[DB_UUID_LEN];
    assert_int_equal(db_insert(db, "field_visit", no_day, 1, u), TP_OK);
    assert_int_equal(db_visit_done_new_meeting(db, u, 1, "x", mid), TP_ERR_INVALID);
    int clashes, overdue, undated;
    assert_int_equal(db_visit_flag_counts(db, w.p1, "2005-10-21", &clashes,
                                          &overdue, &undated), TP_OK);
    assert_int_equal(undated, 1); /* counted, though no month shows it */
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM meeting"), 1);
    db_close(&db);
    tdir_remove(&t);
}

/* The screen file decides who may change visits; the db layer refuses the
 * others whatever the path. */
static void test_permissions(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    static struct app a;
    db_open_opts o = {.no_pilot_data = true, .user = "perm"};
    assert_int_equal(db_open(t.db, &o, &a.db), TP_OK);
    char err[512];
    assert_int_equal(app_load_screens(&a, NULL, err, sizeof err), TP_OK);
    struct world w;
    const char *admin[] = {"admin"};
    db_set_roles(a.db, admin, 1);
    build(a.db, &w);
    const char *kit[] = {"khun_kit"};
    db_set_roles(a.db, kit, 1);
    char mid[DB_UUID_LEN];
    assert_int_equal(db_visit_done_new_meeting(a.db, w.c, 1, "x", mid),
                     TP_ERR_PERM);
    assert_int_equal(shell_int(t.db, "SELECT count(*) FROM meeting"), 0);
    const char *amnuay[] = {"khun_amnuay"};
    db_set_roles(a.db, amnuay, 1);
    assert_int_equal(db_visit_done_new_meeting(a.db, w.c, 1, "x", mid), TP_OK);
    db_close(&a.db);
    screen_set_free(&a.screens);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clash_and_overdue),
        cmocka_unit_test(test_done_links_meeting),
        cmocka_unit_test(test_permissions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
