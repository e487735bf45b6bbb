/* The fish model's and the six-step board's queries on a small province
 * written through the audited API; every expected figure is counted by hand
 * in the comments of build(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/db_fish.h"
#include "tapian/db_six_step.h"

#define MAXR 16

struct world {
    char prov[DB_UUID_LEN], a1[DB_UUID_LEN], a2[DB_UUID_LEN];
    char t1[DB_UUID_LEN], t2[DB_UUID_LEN], t3[DB_UUID_LEN];
    char v[5][DB_UUID_LEN];
    char g_fund[DB_UUID_LEN], g_net[DB_UUID_LEN], g_other[DB_UUID_LEN];
    char gone_step[DB_UUID_LEN], goal2[DB_UUID_LEN];
};

static void place(tp_db *db, const char *kind, const char *parent,
                  const char *name, int moo, const char *wave,
                  char id[DB_UUID_LEN])
{
    db_place p = {.kind = kind, .parent_id = parent, .name = name, .moo = moo,
                  .wave = wave};
    assert_int_equal(db_place_add(db, &p, id), TP_OK);
}

static void step(tp_db *db, const char *village, int n, const char *status,
                 char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("village_id", village),
        DB_V_INT("step", n),
        DB_V_TEXT("status", status),
        strcmp(status, "reached") == 0 ? DB_V_TEXT("reached_on", "2006-01-20")
                                       : DB_V_NULL("reached_on"),
    };
    assert_int_equal(db_insert(db, "six_step", v, 4, id), TP_OK);
}

static void item(tp_db *db, const char *table, const char *col,
                 const char *group, const char *text, char id[DB_UUID_LEN])
{
    db_value v[] = {DB_V_TEXT("group_id", group), DB_V_TEXT(col, text)};
    assert_int_equal(db_insert(db, table, v, 2, id), TP_OK);
}

/* Province นครศรีธรรมราช
 *   amphoe เมือง: tambons บางจาก (t1: v0 pilot, v1 pilot), ท่าไร่ (t2: v2 2549)
 *   amphoe ลานสกา: tambon เขาแก้ว (t3: v3 2550, v4 2550 tombstoned)
 * six_step rows (live):
 *   v0: 1..6 reached                      (all six)
 *   v1: 1 reached, 2 in_progress
 *   v2: 1 reached, 2 reached, 3 in_progress (+ step 4 reached, tombstoned)
 *   v3: 1 in_progress
 *   v4: 1 reached (village tombstoned: never counts)
 * Groups: กองทุน (v2, ท่าไร่) goals 2 (one tombstoned later) knowledge 1;
 *   เครือข่าย (t2 itself) knowledge 1; กลุ่มออม (v3, เขาแก้ว) nothing. */
static void build(tp_db *db, struct world *w)
{
    char x[DB_UUID_LEN];
    place(db, "province", NULL, "นครศรีธรรมราช", 0, NULL, w->prov);
    place(db, "amphoe", w->prov, "เมืองนครศรีธรรมราช", 0, NULL, w->a1);
    place(db, "amphoe", w->prov, "ลานสกา", 0, NULL, w->a2);
    place(db, "tambon", w->a1, "บางจาก", 0, "pilot", w->t1);
    place(db, "tambon", w->a1, "ท่าไร่", 0, NULL, w->t2);
    place(db, "tambon", w->a2, "เขาแก้ว", 0, NULL, w->t3);
    place(db, "village", w->t1, "บ้านบน", 2, NULL, w->v[0]);
    place(db, "village", w->t1, "บ้านล่าง", 1, NULL, w->v[1]);
    place(db, "village", w->t2, "บ้านท่า", 1, "2549", w->v[2]);
    place(db, "village", w->t3, "บ้านเขา", 1, "2550", w->v[3]);
    place(db, "village", w->t3, "บ้านร้าง", 2, "2550", w->v[4]);
    for (int n = 1; n <= 6; n++)
        step(db, w->v[0], n, "reached", x);
    step(db, w->v[1], 1, "reached", x);
    step(db, w->v[1], 2, "in_progress", x);
    step(db, w->v[2], 1, "reached", x);
    step(db, w->v[2], 2, "reached", x);
    step(db, w->v[2], 3, "in_progress", x);
    step(db, w->v[2], 4, "reached", w->gone_step);
    assert_int_equal(db_tombstone(db, "six_step", w->gone_step, 1), TP_OK);
    step(db, w->v[3], 1, "in_progress", x);
    step(db, w->v[4], 1, "reached", x);
    assert_int_equal(db_tombstone(db, "place", w->v[4], 1), TP_OK);

    assert_int_equal(db_group_add(db, "village_fund", "กองทุน", w->v[2], w->g_fund), TP_OK);
    assert_int_equal(db_group_add(db, "tambon_network", "เครือข่าย", w->t2, w->g_net), TP_OK);
    assert_int_equal(db_group_add(db, "production_savings", "กลุ่มออม", w->v[3], w->g_other), TP_OK);
    item(db, "fish_goal", "goal", w->g_fund, "ออมทุกเดือน", x);
    item(db, "fish_goal", "goal", w->g_fund, "สวัสดิการ", w->goal2);
    item(db, "fish_knowledge", "item", w->g_fund, "ทำบัญชีเป็น", x);
    item(db, "fish_knowledge", "item", w->g_net, "เครือข่ายเดิม", x);
    item(db, "fish_sharing", "activity", w->g_net, "เวทีแลกเปลี่ยน", x);
}

struct areas {
    int n;
    char name[MAXR][64];
    int villages[MAXR], ip[MAXR][DB_SIX_STEPS], re[MAXR][DB_SIX_STEPS];
};

static bool on_area(void *ctx, const db_six_area *a)
{
    struct areas *o = ctx;
    assert_true(o->n < MAXR);
    snprintf(o->name[o->n], 64, "%s", a->name);
    o->villages[o->n] = a->villages;
    memcpy(o->ip[o->n], a->in_progress, sizeof o->ip[0]);
    memcpy(o->re[o->n], a->reached, sizeof o->re[0]);
    o->n++;
    return true;
}

static struct areas areas(tp_db *db, db_level l)
{
    struct areas o = {0};
    assert_int_equal(db_six_step_areas(db, l, on_area, &o), TP_OK);
    return o;
}

static void same(const int *got, const int *want)
{
    for (int i = 0; i < DB_SIX_STEPS; i++)
        assert_int_equal(got[i], want[i]);
}

static void test_rollups(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    struct world w;
    build(db, &w);

    struct areas a = areas(db, DB_LEVEL_TAMBON);
    assert_int_equal(a.n, 3);
    /* Thai order: ท่าไร่ before บางจาก (ท before บ), เขาแก้ว's amphoe ลานสกา
     * comes after เมือง */
    assert_string_equal(a.name[0], "ท่าไร่");
    assert_string_equal(a.name[1], "บางจาก");
    assert_string_equal(a.name[2], "เขาแก้ว");
    assert_int_equal(a.villages[0], 1);
    assert_int_equal(a.villages[1], 2);
    assert_int_equal(a.villages[2], 1);
    same(a.re[0], (int[]){1, 1, 0, 0, 0, 0});
    same(a.ip[0], (int[]){0, 0, 1, 0, 0, 0});
    same(a.re[1], (int[]){2, 1, 1, 1, 1, 1});
    same(a.ip[1], (int[]){0, 1, 0, 0, 0, 0});
    same(a.re[2], (int[]){0, 0, 0, 0, 0, 0});
    same(a.ip[2], (int[]){1, 0, 0, 0, 0, 0});

    a = areas(db, DB_LEVEL_AMPHOE);
    assert_int_equal(a.n, 2);
    assert_string_equal(a.name[0], "เมืองนครศรีธรรมราช");
    assert_int_equal(a.villages[0], 3);
    same(a.re[0], (int[]){3, 2, 1, 1, 1, 1});
    same(a.ip[0], (int[]){0, 1, 1, 0, 0, 0});
    assert_string_equal(a.name[1], "ลานสกา");
    assert_int_equal(a.villages[1], 1);
    same(a.ip[1], (int[]){1, 0, 0, 0, 0, 0});

    a = areas(db, DB_LEVEL_PROVINCE);
    assert_int_equal(a.n, 1);
    assert_int_equal(a.villages[0], 4);
    same(a.re[0], (int[]){3, 2, 1, 1, 1, 1});
    same(a.ip[0], (int[]){1, 1, 1, 0, 0, 0});

    /* a change goes straight into every level (the tally's triggers) */
    char x[DB_UUID_LEN];
    step(db, w.v[3], 2, "reached", x);
    a = areas(db, DB_LEVEL_PROVINCE);
    same(a.re[0], (int[]){3, 3, 1, 1, 1, 1});
    db_close(&db);
    tdir_remove(&t);
}

struct waves {
    int n;
    char wave[4][8];
    int villages[4], all_six[4], re[4][DB_SIX_STEPS], ip[4][DB_SIX_STEPS];
};

static bool on_wave(void *ctx, const db_six_wave *r)
{
    struct waves *o = ctx;
    assert_true(o->n < 4);
    snprintf(o->wave[o->n], 8, "%s", r->wave);
    o->villages[o->n] = r->villages;
    o->all_six[o->n] = r->all_six;
    memcpy(o->re[o->n], r->reached, sizeof o->re[0]);
    memcpy(o->ip[o->n], r->in_progress, sizeof o->ip[0]);
    o->n++;
    return true;
}

struct vrows {
    int n;
    char name[MAXR][64];
    db_step_status st[MAXR][DB_SIX_STEPS];
    char on[MAXR][16];
};

static bool on_village(void *ctx, const db_six_village *v)
{
    struct vrows *o = ctx;
    assert_true(o->n < MAXR);
    snprintf(o->name[o->n], 64, "%s", v->name);
    memcpy(o->st[o->n], v->status, sizeof o->st[0]);
    snprintf(o->on[o->n], 16, "%s", v->reached_on[0] ? v->reached_on[0] : "");
    o->n++;
    return true;
}

static void test_waves_and_villages(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    struct world w;
    build(db, &w);

    struct waves o = {0};
    assert_int_equal(db_six_step_waves(db, on_wave, &o), TP_OK);
    assert_int_equal(o.n, 4);
    assert_string_equal(o.wave[0], "pilot");  /* v0, v1 from their tambon */
    assert_int_equal(o.villages[0], 2);
    assert_int_equal(o.all_six[0], 1);
    same(o.re[0], (int[]){2, 1, 1, 1, 1, 1});
    same(o.ip[0], (int[]){0, 1, 0, 0, 0, 0});
    assert_string_equal(o.wave[1], "2549");
    assert_int_equal(o.villages[1], 1);
    assert_int_equal(o.all_six[1], 0);
    same(o.re[1], (int[]){1, 1, 0, 0, 0, 0}); /* step 4 was tombstoned */
    assert_string_equal(o.wave[2], "2550");
    assert_int_equal(o.villages[2], 1);       /* v4 is tombstoned */
    same(o.re[2], (int[]){0, 0, 0, 0, 0, 0});
    assert_string_equal(o.wave[3], "2551");
    assert_int_equal(o.villages[3], 0);

    struct vrows v = {0};
    assert_int_equal(db_six_step_villages(db, w.t1, on_village, &v), TP_OK);
    assert_int_equal(v.n, 2);
    assert_string_equal(v.name[0], "บ้านล่าง"); /* moo 1 before moo 2 */
    assert_int_equal(v.st[0][0], DB_STEP_REACHED);
    assert_int_equal(v.st[0][1], DB_STEP_IN_PROGRESS);
    assert_int_equal(v.st[0][2], DB_STEP_NONE);
    assert_string_equal(v.on[0], "2006-01-20");

    char id[DB_UUID_LEN];
    bool found;
    assert_int_equal(db_six_step_find(db, w.v[2], 4, id, &found), TP_OK);
    assert_false(found);                       /* tombstoned */
    assert_int_equal(db_six_step_find(db, w.v[2], 3, id, &found), TP_OK);
    assert_true(found);
    db_close(&db);
    tdir_remove(&t);
}

struct groups {
    int n;
    char name[MAXR][64], tambon[MAXR][64];
    int goals[MAXR], sharing[MAXR], knowledge[MAXR];
};

static bool on_group(void *ctx, const db_fish_group *g)
{
    struct groups *o = ctx;
    assert_true(o->n < MAXR);
    snprintf(o->name[o->n], 64, "%s", g->name);
    snprintf(o->tambon[o->n], 64, "%s", g->tambon);
    o->goals[o->n] = g->goals;
    o->sharing[o->n] = g->sharing;
    o->knowledge[o->n] = g->knowledge;
    o->n++;
    return true;
}

struct tambons {
    int n;
    char name[MAXR][64];
    int groups[MAXR], head[MAXR], tail[MAXR], ready[MAXR];
};

static bool on_tambon(void *ctx, const db_fish_tambon *t)
{
    struct tambons *o = ctx;
    assert_true(o->n < MAXR);
    snprintf(o->name[o->n], 64, "%s", t->tambon);
    o->groups[o->n] = t->groups;
    o->head[o->n] = t->with_head;
    o->tail[o->n] = t->with_tail;
    o->ready[o->n] = t->ready;
    o->n++;
    return true;
}

static bool count_item(void *ctx, const db_fish_item *it)
{
    (*(int *)ctx)++;
    assert_non_null(it->text);
    return true;
}

static void test_fish(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    struct world w;
    build(db, &w);

    struct groups g = {0};
    assert_int_equal(db_fish_groups(db, on_group, &g), TP_OK);
    assert_int_equal(g.n, 3);
    /* Thai order of tambon: เขาแก้ว (ข), then ท่าไร่ with กองทุน before
     * เครือข่าย (เ is not the first sort key: ค after ก) */
    assert_string_equal(g.tambon[0], "เขาแก้ว");
    assert_string_equal(g.name[1], "กองทุน");
    assert_int_equal(g.goals[1], 2);
    assert_int_equal(g.knowledge[1], 1);
    assert_string_equal(g.name[2], "เครือข่าย");
    assert_string_equal(g.tambon[2], "ท่าไร่"); /* a tambon-level group */
    assert_int_equal(g.sharing[2], 1);

    struct tambons tb = {0};
    assert_int_equal(db_fish_by_tambon(db, on_tambon, &tb), TP_OK);
    assert_int_equal(tb.n, 2);
    assert_string_equal(tb.name[0], "เขาแก้ว");
    assert_int_equal(tb.groups[0], 1);
    assert_int_equal(tb.ready[0], 0);
    assert_string_equal(tb.name[1], "ท่าไร่");
    assert_int_equal(tb.groups[1], 2);
    assert_int_equal(tb.head[1], 1);
    assert_int_equal(tb.tail[1], 2);
    assert_int_equal(tb.ready[1], 1);

    int n = 0;
    assert_int_equal(db_fish_items(db, w.g_fund, DB_FISH_HEAD, count_item, &n), TP_OK);
    assert_int_equal(n, 2);
    assert_int_equal(db_tombstone(db, "fish_goal", w.goal2, 1), TP_OK);
    n = 0;
    assert_int_equal(db_fish_items(db, w.g_fund, DB_FISH_HEAD, count_item, &n), TP_OK);
    assert_int_equal(n, 1);
    /* with its last goal gone, กองทุน is no longer ready */
    struct groups g2 = {0};
    assert_int_equal(db_fish_groups(db, on_group, &g2), TP_OK);
    long long version;
    bool deleted;
    assert_int_equal(g2.goals[1], 1);
    assert_int_equal(db_row_version(db, "fish_goal", w.goal2, &version, &deleted), TP_OK);
    assert_true(deleted);
    assert_string_equal(db_fish_table(DB_FISH_TAIL), "fish_knowledge");
    assert_string_equal(db_fish_column(DB_FISH_BODY), "activity");
    assert_int_equal(db_fish_items(db, w.g_fund, (db_fish_part)7, count_item, &n),
                     TP_ERR_INVALID);
    db_close(&db);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rollups),
        cmocka_unit_test(test_waves_and_villages),
        cmocka_unit_test(test_fish),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
