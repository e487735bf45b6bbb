/* The six-step board's wave tally (migration 013): after every kind of
 * change — six_step rows inserted, their status or step changed,
 * tombstoned and restored, villages given their own wave, moved, tombstoned
 * and restored, a tambon's wave changed or the tambon tombstoned — the
 * tally must equal a recount from the six_step rows. A seeded random walk
 * then mixes them; the file migrated from schema 8 with data is backfilled. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/db_records.h"
#include "tapian/db_six_step.h"

#define WAVES 4
#define TAMBONS 3
#define VILLAGES 8

struct waves {
    int n;
    db_six_wave w[WAVES];
    char name[WAVES][8]; /* w[i].wave points here */
};

static bool keep(void *ctx, const db_six_wave *r)
{
    struct waves *o = ctx;
    if (o->n < WAVES) {
        snprintf(o->name[o->n], sizeof o->name[0], "%s", r->wave);
        o->w[o->n] = *r;
        o->w[o->n].wave = o->name[o->n];
        o->n++;
    }
    return true;
}

/* Tally and recount agree on every wave, village count and step; returns
 * the villages counted, so that tests can also check they moved at all. */
static int check(tp_db *db)
{
    struct waves t = {0}, r = {0};
    assert_int_equal(db_six_step_waves(db, keep, &t), TP_OK);
    assert_int_equal(db_six_step_waves_recount(db, keep, &r), TP_OK);
    assert_int_equal(t.n, WAVES);
    assert_int_equal(r.n, WAVES);
    int villages = 0;
    for (int i = 0; i < WAVES; i++) {
        assert_string_equal(t.w[i].wave, r.w[i].wave);
        assert_int_equal(t.w[i].villages, r.w[i].villages);
        assert_int_equal(t.w[i].all_six, r.w[i].all_six);
        for (int s = 0; s < DB_SIX_STEPS; s++) {
            assert_int_equal(t.w[i].in_progress[s], r.w[i].in_progress[s]);
            assert_int_equal(t.w[i].reached[s], r.w[i].reached[s]);
        }
        villages += t.w[i].villages;
    }
    return villages;
}

struct world {
    char tambon[TAMBONS][DB_UUID_LEN];
    char village[VILLAGES][DB_UUID_LEN];
    char step[VILLAGES][DB_SIX_STEPS][DB_UUID_LEN]; /* "" = none yet */
};

static const char *const wave_names[] = {"pilot", "2549", "2550", "2551"};

static void add_place(tp_db *db, const char *kind, const char *parent,
                      const char *name, int moo, const char *wave,
                      char id[DB_UUID_LEN])
{
    db_place p = {.kind = kind, .parent_id = parent, .name = name, .moo = moo,
                  .wave = wave};
    assert_int_equal(db_place_add(db, &p, id), TP_OK);
}

/* Tambons pilot, 2549 and no wave; villages alternate between them, every
 * third one with a wave of its own. */
static void build(tp_db *db, struct world *w)
{
    char prov[DB_UUID_LEN], amphoe[DB_UUID_LEN];
    memset(w, 0, sizeof *w);
    add_place(db, "province", NULL, "นครศรีธรรมราช", 0, NULL, prov);
    add_place(db, "amphoe", prov, "เมืองนครศรีธรรมราช", 0, NULL, amphoe);
    static const char *const names[TAMBONS] = {"ท่าไร่", "มะม่วงสองต้น", "บางจาก"};
    static const char *const twave[TAMBONS] = {"pilot", "2549", NULL};
    for (int i = 0; i < TAMBONS; i++)
        add_place(db, "tambon", amphoe, names[i], 0, twave[i], w->tambon[i]);
    for (int i = 0; i < VILLAGES; i++)
        add_place(db, "village", w->tambon[i % TAMBONS], NULL, i + 1,
                  i % 3 == 2 ? "2550" : NULL, w->village[i]);
}

static long long version_of(tp_db *db, const char *table, const char *id,
                            bool *deleted)
{
    long long v = 0;
    assert_int_equal(db_row_version(db, table, id, &v, deleted), TP_OK);
    return v;
}

/* Sets the status of village v's step s (1-based), adding the row when it
 * has none. */
static void set_step(tp_db *db, struct world *w, int v, int s,
                     const char *status)
{
    bool reached = strcmp(status, "reached") == 0;
    db_value vals[] = {
        DB_V_TEXT("status", status),
        reached ? DB_V_TEXT("reached_on", "2006-03-01") : DB_V_NULL("reached_on"),
        DB_V_TEXT("village_id", w->village[v]),
        DB_V_INT("step", s),
    };
    char *id = w->step[v][s - 1];
    if (!id[0]) {
        assert_int_equal(db_insert(db, "six_step", vals, 4, id), TP_OK);
        return;
    }
    bool deleted;
    long long ver = version_of(db, "six_step", id, &deleted);
    if (deleted)
        assert_int_equal(db_restore(db, "six_step", id, ver), TP_OK);
    else
        assert_int_equal(db_update(db, "six_step", id, ver, vals, 2), TP_OK);
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

static void set_column(tp_db *db, const char *id, db_value v)
{
    bool deleted;
    long long ver = version_of(db, "place", id, &deleted);
    if (deleted)
        return; /* a tombstoned place is not edited */
    assert_int_equal(db_update(db, "place", id, ver, &v, 1), TP_OK);
}

static void test_each_change(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    struct world w;
    build(db, &w);
    assert_int_equal(check(db), VILLAGES); /* the waveless tambon's two have their own */

    /* village 0 (pilot) reaches all six, village 3 (pilot) is working */
    for (int s = 1; s <= DB_SIX_STEPS; s++) {
        set_step(db, &w, 0, s, "reached");
        check(db);
    }
    set_step(db, &w, 3, 1, "in_progress");
    set_step(db, &w, 2, 1, "reached"); /* 2550 of its own */
    struct waves o = {0};
    assert_int_equal(db_six_step_waves(db, keep, &o), TP_OK);
    assert_int_equal(o.w[0].all_six, 1);
    assert_int_equal(o.w[0].in_progress[0], 1);
    assert_int_equal(o.w[0].reached[0], 1);
    assert_int_equal(o.w[2].reached[0], 1);

    /* a step falls back, and comes back: all six leaves and rejoins */
    set_step(db, &w, 0, 4, "in_progress");
    check(db);
    set_step(db, &w, 0, 4, "reached");
    check(db);
    /* a step row tombstoned and restored */
    toggle(db, "six_step", w.step[0][5]);
    check(db);
    toggle(db, "six_step", w.step[0][5]);
    check(db);
    /* a step row moved to another village and another step */
    db_value to_v1 = DB_V_TEXT("village_id", w.village[1]);
    long long ver = version_of(db, "six_step", w.step[3][0], NULL);
    assert_int_equal(db_update(db, "six_step", w.step[3][0], ver, &to_v1, 1),
                     TP_OK);
    check(db);
    db_value to_step2 = DB_V_INT("step", 2);
    ver = version_of(db, "six_step", w.step[3][0], NULL);
    assert_int_equal(db_update(db, "six_step", w.step[3][0], ver, &to_step2, 1),
                     TP_OK);
    check(db);

    /* a village takes a wave of its own, then gives it up */
    set_column(db, w.village[0], DB_V_TEXT("wave", "2551"));
    assert_int_equal(db_six_step_waves(db, keep, &(struct waves){0}), TP_OK);
    check(db);
    set_column(db, w.village[0], DB_V_NULL("wave"));
    check(db);
    /* a village moves to the tambon without a wave, and back */
    set_column(db, w.village[0], DB_V_TEXT("parent_id", w.tambon[2]));
    check(db);
    set_column(db, w.village[0], DB_V_TEXT("parent_id", w.tambon[0]));
    check(db);
    /* a village tombstoned and restored */
    toggle(db, "place", w.village[0]);
    assert_int_equal(check(db), VILLAGES - 1);
    toggle(db, "place", w.village[0]);
    assert_int_equal(check(db), VILLAGES);
    /* a tambon changes wave: villages without their own follow it */
    set_column(db, w.tambon[0], DB_V_TEXT("wave", "2550"));
    memset(&o, 0, sizeof o);
    assert_int_equal(db_six_step_waves(db, keep, &o), TP_OK);
    assert_int_equal(o.w[0].villages, 0);
    assert_int_equal(o.w[2].all_six, 1);
    check(db);
    set_column(db, w.tambon[2], DB_V_TEXT("wave", "2551"));
    assert_int_equal(check(db), VILLAGES);
    set_column(db, w.tambon[0], DB_V_NULL("wave"));
    check(db);
    /* a tambon tombstoned takes all its villages out, restored brings them */
    toggle(db, "place", w.tambon[1]);
    check(db);
    toggle(db, "place", w.tambon[1]);
    check(db);
    db_close(&db);
    tdir_remove(&t);
}

static void test_random_walk(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    struct world w;
    build(db, &w);
    static const char *const statuses[] = {"not_started", "in_progress",
                                           "reached", "reached"};
    unsigned seed = 2549;
    for (int i = 0; i < 400; i++) {
        int v = (int)(test_rand(&seed) % VILLAGES);
        int s = 1 + (int)(test_rand(&seed) % DB_SIX_STEPS);
        switch (test_rand(&seed) % 10) {
        case 0:
            if (w.step[v][s - 1][0])
                toggle(db, "six_step", w.step[v][s - 1]);
            break;
        case 1:
            toggle(db, "place", w.village[v]);
            break;
        case 2: {
            unsigned k = test_rand(&seed) % (WAVES + 1);
            set_column(db, w.village[v],
                       k == WAVES ? DB_V_NULL("wave")
                                  : DB_V_TEXT("wave", wave_names[k]));
            break;
        }
        case 3: {
            unsigned k = test_rand(&seed) % (WAVES + 1);
            set_column(db, w.tambon[v % TAMBONS],
                       k == WAVES ? DB_V_NULL("wave")
                                  : DB_V_TEXT("wave", wave_names[k]));
            break;
        }
        case 4:
            set_column(db, w.village[v],
                       DB_V_TEXT("parent_id", w.tambon[s % TAMBONS]));
            break;
        case 5:
            if (test_rand(&seed) % 4 == 0)
                toggle(db, "place", w.tambon[v % TAMBONS]);
            break;
        default: {
            bool deleted = false;
            if (w.step[v][s - 1][0])
                version_of(db, "six_step", w.step[v][s - 1], &deleted);
            bool village_gone = false;
            version_of(db, "place", w.village[v], &village_gone);
            if (!village_gone || !deleted)
                set_step(db, &w, v, s, statuses[test_rand(&seed) % 4]);
            break;
        }
        }
        check(db);
    }
    db_close(&db);
    tdir_remove(&t);
}

/* A file of the schema before the tally, with villages and steps in every
 * wave, gets the tally filled by the migration. The earlier file is made by
 * taking migration 013 out again with the stock shell, and what 014 adds
 * (015 only replaces triggers, so it runs again). */
static void test_backfill(void **state)
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
    for (int v = 0; v < VILLAGES; v++)
        for (int s = 1; s <= 1 + v % DB_SIX_STEPS; s++)
            set_step(db, &w, v, s, v % 2 ? "reached" : "in_progress");
    for (int s = 1; s <= DB_SIX_STEPS; s++)
        set_step(db, &w, 5, s, "reached");
    toggle(db, "place", w.village[4]);
    set_column(db, w.tambon[2], DB_V_TEXT("wave", "2551"));
    struct waves before = {0};
    assert_int_equal(db_six_step_waves_recount(db, keep, &before), TP_OK);
    db_close(&db);
    /* everything migration 013 makes, and what 014 adds */
    const char *sql =
        "DROP TRIGGER six_step_wave_ins; DROP TRIGGER six_step_wave_upd;"
        "DROP TRIGGER six_step_wave_village_ins;"
        "DROP TRIGGER six_step_wave_village_upd;"
        "DROP TRIGGER six_step_wave_tambon_upd;"
        "DROP TABLE six_step_wave_tally; DROP TABLE six_step_wave_villages;"
        "DROP TRIGGER month_tally_ins; DROP TRIGGER month_tally_counts;"
        "DROP TRIGGER month_tally_move; DROP TABLE circle_month_tally;"
        "DROP TABLE tambon_month_tally; DROP INDEX knowledge_asset_live;"
        "DROP INDEX meeting_live; DROP INDEX person_live;"
        "DROP INDEX lesson_live; DROP INDEX note_live;"
        "DROP TABLE search_fts_pending; DROP TRIGGER search_doc_upd;"
        "PRAGMA user_version = 12;";
    assert_int_equal(shell(t.db, sql), 0);
    db = open_new(t.db);
    assert_non_null(db);
    struct waves after = {0};
    assert_int_equal(db_six_step_waves(db, keep, &after), TP_OK);
    assert_int_equal(after.w[3].villages, before.w[3].villages);
    assert_int_equal(after.w[3].all_six, 0);
    assert_true(before.w[0].all_six + before.w[1].all_six + before.w[2].all_six > 0);
    check(db);
    db_close(&db);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_change),
        cmocka_unit_test(test_random_walk),
        cmocka_unit_test(test_backfill),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
