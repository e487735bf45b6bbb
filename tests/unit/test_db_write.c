/* Audited writes, optimistic concurrency, tombstones, Thai order in a real
 * query, and the home-screen counts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"

static void test_audit_in_same_transaction(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    char id[DB_UUID_LEN];
    long long n = -1;
    /* rolled back together */
    assert_int_equal(db_begin(db), TP_OK);
    assert_int_equal(db_person_add(db, "คุณ", "ภีม", NULL, id), TP_OK);
    assert_int_equal(db_audit_count(db, "person", id, &n), TP_OK);
    assert_int_equal(n, 1);
    db_rollback(db);
    assert_int_equal(db_audit_count(db, "person", id, &n), TP_OK);
    assert_int_equal(n, 0);
    assert_int_equal(db_count_live(db, "person", &n), TP_OK);
    assert_int_equal(n, 0);
    /* committed together; a failing insert leaves no audit row either */
    assert_int_equal(db_person_add(db, "คุณ", "ภีม", NULL, id), TP_OK);
    assert_int_equal(db_person_add(db, "คุณ", "", NULL, NULL), TP_ERR_CONSTRAINT);
    db_close(&db);
    if (have_shell()) {
        assert_int_equal(shell_int(t.db, "SELECT count(*) FROM audit_log"), 1);
        assert_int_equal(shell_int(t.db, "SELECT count(*) FROM audit_log WHERE "
            "action = 'insert' AND who = 'tester' AND json_extract(new_json, '$.name') = 'ภีม'"), 1);
    }
    tdir_remove(&t);
}

static void test_update_conflict_tombstone(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    char id[DB_UUID_LEN];
    assert_int_equal(db_person_add(db, "ลุง", "ชินวัฒน์", NULL, id), TP_OK);
    db_value v[] = {DB_V_TEXT("phone", "075-000000")};
    assert_int_equal(db_update(db, "person", id, 1, v, 1), TP_OK);
    long long ver = 0;
    bool deleted = true;
    assert_int_equal(db_row_version(db, "person", id, &ver, &deleted), TP_OK);
    assert_int_equal(ver, 2);
    assert_false(deleted);
    /* someone else's edit based on version 1 */
    assert_int_equal(db_update(db, "person", id, 1, v, 1), TP_ERR_CONFLICT);
    assert_int_equal(db_update(db, "person", "nope", 1, v, 1), TP_ERR_NOTFOUND);
    assert_int_equal(db_tombstone(db, "person", id, 2), TP_OK);
    assert_int_equal(db_row_version(db, "person", id, &ver, &deleted), TP_OK);
    assert_true(deleted);
    assert_int_equal(ver, 3);
    assert_int_equal(db_update(db, "person", id, 3, v, 1), TP_ERR_NOTFOUND);
    long long n = -1;
    assert_int_equal(db_count_live(db, "person", &n), TP_OK);
    assert_int_equal(n, 0);
    assert_int_equal(db_restore(db, "person", id, 3), TP_OK);
    assert_int_equal(db_count_live(db, "person", &n), TP_OK);
    assert_int_equal(n, 1);
    assert_int_equal(db_audit_count(db, "person", id, &n), TP_OK);
    assert_int_equal(n, 4); /* insert, update, tombstone, restore */
    db_close(&db);
    if (have_shell()) {
        /* DELETE is refused on records; the audit log cannot be edited. */
        assert_int_not_equal(shell(t.db, "DELETE FROM person;"), 0);
        assert_int_equal(shell_int(t.db, "SELECT count(*) FROM person"), 1);
        assert_int_not_equal(shell(t.db, "UPDATE audit_log SET who = 'x';"), 0);
        assert_int_not_equal(shell(t.db, "DELETE FROM audit_log;"), 0);
        assert_int_equal(shell_int(t.db, "SELECT count(*) FROM audit_log WHERE who = 'tester'"), 4);
        assert_int_equal(shell_int(t.db, "SELECT json_extract(old_json, '$.phone') IS NULL AND "
            "json_extract(new_json, '$.phone') = '075-000000' FROM audit_log WHERE action = 'update'"), 1);
    }
    tdir_remove(&t);
}

struct names {
    int n;
    char s[8][64];
};

static bool collect(void *ctx, int ncols, const char *const *cols)
{
    struct names *nm = ctx;
    assert_int_equal(ncols, 3);
    snprintf(nm->s[nm->n++], sizeof nm->s[0], "%s", cols[2]);
    return nm->n < 8;
}

static void test_thai_order_in_query(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    const char *in[] = {"ไก่", "เอก", "แดง", "กา", "ขาว", "โสภณ", "ชินวัฒน์"};
    const char *want[] = {"กา", "ไก่", "ขาว", "ชินวัฒน์", "แดง", "โสภณ", "เอก"};
    for (int i = 0; i < 7; i++)
        assert_int_equal(db_person_add(db, NULL, in[i], NULL, NULL), TP_OK);
    struct names nm = {0};
    assert_int_equal(db_query(db, "people", NULL, 0, collect, &nm), TP_OK);
    assert_int_equal(nm.n, 7);
    for (int i = 0; i < 7; i++)
        assert_string_equal(nm.s[i], want[i]);
    assert_int_equal(db_query(db, "nope", NULL, 0, collect, &nm), TP_ERR_INVALID);
    db_close(&db);
    if (have_shell()) {
        /* the shell can write the file (no collation in the schema) */
        assert_int_equal(shell(t.db, "INSERT INTO person (name, site_id) VALUES "
            "('น้องตุ้ย', (SELECT value FROM setting WHERE key = 'site_id'));"), 0);
        assert_int_equal(shell_int(t.db, "SELECT count(*) FROM person"), 8);
    }
    tdir_remove(&t);
}

struct counts {
    int n;
    char name[4][64];
    int v[4], g[4], m[4];
};

static void on_tambon(void *ctx, const char *tambon, int villages, int groups,
                      int meetings)
{
    struct counts *c = ctx;
    snprintf(c->name[c->n], sizeof c->name[0], "%s", tambon);
    c->v[c->n] = villages, c->g[c->n] = groups, c->m[c->n] = meetings;
    c->n++;
}

static void test_tambon_counts_and_attendees(void **state)
{
    (void)state;
    struct tdir t;
    tdir_make(&t);
    tp_db *db = open_new(t.db);
    assert_non_null(db);
    char prov[DB_UUID_LEN], amp[DB_UUID_LEN], tb[3][DB_UUID_LEN], vil[DB_UUID_LEN], m[DB_UUID_LEN];
    db_place p = {.kind = "province", .name = "นครศรีธรรมราช"};
    assert_int_equal(db_place_add(db, &p, prov), TP_OK);
    p = (db_place){.kind = "amphoe", .parent_id = prov, .name = "เมือง"};
    assert_int_equal(db_place_add(db, &p, amp), TP_OK);
    const char *tn[] = {"มะม่วงสองต้น", "ท่าไร่", "บางจาก"};
    for (int i = 0; i < 3; i++) {
        p = (db_place){.kind = "tambon", .parent_id = amp, .name = tn[i], .wave = i < 2 ? "pilot" : "2549"};
        assert_int_equal(db_place_add(db, &p, tb[i]), TP_OK);
    }
    for (int moo = 1; moo <= 3; moo++) {
        p = (db_place){.kind = "village", .parent_id = tb[1], .moo = moo, .wave = "pilot"};
        assert_int_equal(db_place_add(db, &p, vil), TP_OK);
    }
    assert_int_equal(db_group_add(db, "village_fund", "กองทุนหมู่ 3", vil, NULL), TP_OK);
    assert_int_equal(db_group_add(db, "tambon_network", "เครือข่ายออมทรัพย์ท่าไร่", tb[1], NULL), TP_OK);
    db_meeting mt = {.circle = "tambon_network", .held_on = "2005-10-15", .place_id = tb[1], .title = "วางแผนเครือข่าย"};
    assert_int_equal(db_meeting_add(db, &mt, m), TP_OK);
    mt.place_id = vil;
    assert_int_equal(db_meeting_add(db, &mt, NULL), TP_OK);

    struct counts c = {0};
    assert_int_equal(db_tambon_counts(db, on_tambon, &c), TP_OK);
    assert_int_equal(c.n, 2); /* บางจาก is not a pilot tambon here */
    assert_string_equal(c.name[0], "ท่าไร่");
    assert_string_equal(c.name[1], "มะม่วงสองต้น");
    assert_int_equal(c.v[0], 3);
    assert_int_equal(c.g[0], 2);
    assert_int_equal(c.m[0], 2);
    assert_int_equal(c.v[1] + c.g[1] + c.m[1], 0);

    /* meetings: not those tombstoned, nor those of a tombstoned village */
    char gone[DB_UUID_LEN], m2[DB_UUID_LEN], m3[DB_UUID_LEN];
    p = (db_place){.kind = "village", .parent_id = tb[1], .moo = 4};
    assert_int_equal(db_place_add(db, &p, gone), TP_OK);
    mt.place_id = gone;
    assert_int_equal(db_meeting_add(db, &mt, m2), TP_OK);
    mt.place_id = tb[1];
    assert_int_equal(db_meeting_add(db, &mt, m3), TP_OK);
    memset(&c, 0, sizeof c);
    assert_int_equal(db_tambon_counts(db, on_tambon, &c), TP_OK);
    assert_int_equal(c.v[0], 4);
    assert_int_equal(c.m[0], 4);
    assert_int_equal(db_tombstone(db, "place", gone, 1), TP_OK);
    assert_int_equal(db_tombstone(db, "meeting", m3, 1), TP_OK);
    memset(&c, 0, sizeof c);
    assert_int_equal(db_tambon_counts(db, on_tambon, &c), TP_OK);
    assert_int_equal(c.v[0], 3);
    assert_int_equal(c.m[0], 2);

    /* attendee_count follows attendance through the triggers */
    char pid[4][DB_UUID_LEN], aid[DB_UUID_LEN];
    const char *st[] = {"present", "absent", "late", "representative"};
    for (int i = 0; i < 4; i++) {
        char nm[16];
        snprintf(nm, sizeof nm, "p%d", i);
        assert_int_equal(db_person_add(db, NULL, nm, NULL, pid[i]), TP_OK);
        assert_int_equal(db_attendance_add(db, m, pid[i], st[i], i == 3 ? "ผู้แทน" : NULL,
                                           i == 0 ? aid : NULL), TP_OK);
    }
    int n = -1;
    assert_int_equal(db_meeting_attendees(db, m, &n), TP_OK);
    assert_int_equal(n, 3);
    db_value ab[] = {DB_V_TEXT("status", "absent")};
    assert_int_equal(db_update(db, "attendance", aid, 1, ab, 1), TP_OK);
    assert_int_equal(db_meeting_attendees(db, m, &n), TP_OK);
    assert_int_equal(n, 2);
    assert_int_equal(db_tombstone(db, "attendance", aid, 2), TP_OK);
    assert_int_equal(db_meeting_attendees(db, m, &n), TP_OK);
    assert_int_equal(n, 2);
    db_close(&db);
    tdir_remove(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_audit_in_same_transaction),
        cmocka_unit_test(test_update_conflict_tombstone),
        cmocka_unit_test(test_thai_order_in_query),
        cmocka_unit_test(test_tambon_counts_and_attendees),
    };
    return cmocka_run_group_tests_name("db_write", tests, NULL, NULL);
}
