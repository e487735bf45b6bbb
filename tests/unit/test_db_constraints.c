/* Every CHECK and foreign key of the schema refuses bad rows with
 * TP_ERR_CONSTRAINT and a message. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"

static tp_db *db;
static struct tdir t;
static char prov[DB_UUID_LEN], amphoe[DB_UUID_LEN], tambon[DB_UUID_LEN],
    village[DB_UUID_LEN], person[DB_UUID_LEN], agency[DB_UUID_LEN],
    group[DB_UUID_LEN], meeting[DB_UUID_LEN], plan[DB_UUID_LEN],
    rfv[DB_UUID_LEN], reg[DB_UUID_LEN];

static int setup(void **state)
{
    (void)state;
    tdir_make(&t);
    db = open_new(t.db);
    if (!db)
        return -1;
    db_place p = {.kind = "province", .name = "นครศรีธรรมราช"};
    if (db_place_add(db, &p, prov)) return -1;
    p = (db_place){.kind = "amphoe", .parent_id = prov, .name = "เมืองนครศรีธรรมราช"};
    if (db_place_add(db, &p, amphoe)) return -1;
    p = (db_place){.kind = "tambon", .parent_id = amphoe, .name = "ท่าไร่", .wave = "pilot"};
    if (db_place_add(db, &p, tambon)) return -1;
    p = (db_place){.kind = "village", .parent_id = tambon, .moo = 1, .wave = "pilot"};
    if (db_place_add(db, &p, village)) return -1;
    if (db_agency_add(db, "ธกส.", "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร", true, agency)) return -1;
    if (db_person_add(db, "ผอ.", "โสภณ คงจังหวัด", agency, person)) return -1;
    if (db_group_add(db, "village_fund", "กองทุนหมู่บ้าน หมู่ 1", village, group)) return -1;
    db_meeting m = {.circle = "amnuay", .held_on = "2005-10-11", .place_id = tambon,
                    .title = "วงคุณอำนวย"};
    if (db_meeting_add(db, &m, meeting)) return -1;
    db_value fv[] = {DB_V_TEXT("tambon_id", tambon), DB_V_TEXT("title", "แผนลงพื้นที่ท่าไร่")};
    if (db_insert(db, "field_visit_plan", fv, 2, plan)) return -1;
    db_value rv[] = {DB_V_TEXT("label", "v1")};
    if (db_insert(db, "register_format_version", rv, 1, rfv)) return -1;
    db_value rg[] = {DB_V_TEXT("format_version_id", rfv), DB_V_TEXT("name", "ทะเบียนสมาชิก")};
    if (db_insert(db, "register", rg, 2, reg)) return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    db_close(&db);
    tdir_remove(&t);
    return 0;
}

#define V(...) ((db_value[]){__VA_ARGS__})
#define N(...) (sizeof((db_value[]){__VA_ARGS__}) / sizeof(db_value))
#define BAD(table, ...) bad(table, V(__VA_ARGS__), N(__VA_ARGS__), __LINE__)

static void bad(const char *table, const db_value *v, size_t n, int line)
{
    tp_status s = db_insert(db, table, v, n, NULL);
    if (s != TP_ERR_CONSTRAINT)
        fail_msg("line %d: %s gave %s, not TP_ERR_CONSTRAINT", line, table,
                 tp_status_name(s));
    const char *msg = db_last_error(db);
    if (!strstr(msg, "constraint") && !strstr(msg, "place:"))
        fail_msg("line %d: message '%s'", line, msg);
}

static void test_place_rules(void **state)
{
    (void)state;
    BAD("place", DB_V_TEXT("kind", "city"), DB_V_TEXT("name", "x"));
    BAD("place", DB_V_TEXT("kind", "tambon"), DB_V_TEXT("name", "x")); /* no parent */
    BAD("place", DB_V_TEXT("kind", "province"), DB_V_TEXT("parent_id", prov), DB_V_TEXT("name", "x"));
    BAD("place", DB_V_TEXT("kind", "village"), DB_V_TEXT("parent_id", tambon)); /* no moo */
    BAD("place", DB_V_TEXT("kind", "village"), DB_V_TEXT("parent_id", tambon), DB_V_INT("moo", 0));
    BAD("place", DB_V_TEXT("kind", "village"), DB_V_TEXT("parent_id", tambon), DB_V_INT("moo", 3), DB_V_TEXT("wave", "2552"));
    BAD("place", DB_V_TEXT("kind", "amphoe"), DB_V_TEXT("parent_id", prov), DB_V_TEXT("name", "x"), DB_V_TEXT("wave", "pilot"));
    BAD("place", DB_V_TEXT("kind", "amphoe"), DB_V_TEXT("parent_id", prov), DB_V_TEXT("name", "  "));
    BAD("place", DB_V_TEXT("kind", "amphoe"), DB_V_TEXT("parent_id", prov));
    /* parent of the wrong level (trigger) */
    BAD("place", DB_V_TEXT("kind", "village"), DB_V_TEXT("parent_id", amphoe), DB_V_INT("moo", 2));
    /* foreign key */
    BAD("place", DB_V_TEXT("kind", "amphoe"), DB_V_TEXT("parent_id", "00000000-0000-4000-8000-000000000000"), DB_V_TEXT("name", "x"));
}

static void test_dates(void **state)
{
    (void)state;
    const char *bad_dates[] = {"2548-10-11", "2005-02-30", "11/10/2548", "2005-13-01", "1899-12-31", "20051011"};
    for (size_t i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; i++)
        BAD("meeting", DB_V_TEXT("circle", "kit"), DB_V_TEXT("held_on", bad_dates[i]), DB_V_TEXT("title", "x"));
    BAD("meeting", DB_V_TEXT("circle", "kit"), DB_V_TEXT("title", "x")); /* date required */
    BAD("meeting", DB_V_TEXT("circle", "party"), DB_V_TEXT("held_on", "2005-10-11"), DB_V_TEXT("title", "x"));
    BAD("meeting", DB_V_TEXT("circle", "kit"), DB_V_TEXT("held_on", "2005-10-11"), DB_V_TEXT("title", ""));
    BAD("finance_group", DB_V_TEXT("type", "village_fund"), DB_V_TEXT("name", "x"), DB_V_TEXT("place_id", village), DB_V_TEXT("founded_on", "2548-01-01"));
    BAD("role_assignment", DB_V_TEXT("person_id", person), DB_V_TEXT("role_code", "khun_kit"), DB_V_TEXT("valid_from", "2005-10-01"), DB_V_TEXT("valid_to", "2005-09-01"));
}

static void test_enums_and_refs(void **state)
{
    (void)state;
    BAD("finance_group", DB_V_TEXT("type", "bank"), DB_V_TEXT("name", "x"), DB_V_TEXT("place_id", village));
    BAD("finance_group", DB_V_TEXT("type", "other"), DB_V_TEXT("name", "x")); /* place required */
    BAD("agency", DB_V_TEXT("short_name", "x"), DB_V_TEXT("full_name", "y"), DB_V_INT("is_core_nine", 2));
    BAD("person", DB_V_TEXT("name", "x"), DB_V_TEXT("agency_id", "no-such-agency-0000000000000000000000"));
    BAD("role_assignment", DB_V_TEXT("person_id", person), DB_V_TEXT("role_code", "khun_boss"));
    BAD("role_charter", DB_V_TEXT("role_code", "khun_kit"), DB_V_TEXT("duties", "x"), DB_V_TEXT("status", "approved"));
    BAD("attendance", DB_V_TEXT("meeting_id", meeting), DB_V_TEXT("person_id", person), DB_V_TEXT("status", "asleep"));
    BAD("attendance", DB_V_TEXT("meeting_id", meeting), DB_V_TEXT("person_id", person), DB_V_TEXT("status", "present"), DB_V_TEXT("representative_name", "x"));
    BAD("observer", DB_V_TEXT("meeting_id", meeting));
    BAD("field_visit", DB_V_TEXT("plan_id", plan), DB_V_TEXT("status", "maybe"));
    BAD("field_visit", DB_V_TEXT("plan_id", plan), DB_V_TEXT("status", "planned"), DB_V_TEXT("meeting_id", meeting));
    BAD("six_step", DB_V_TEXT("village_id", village), DB_V_INT("step", 7));
    BAD("six_step", DB_V_TEXT("village_id", village), DB_V_INT("step", 2), DB_V_TEXT("status", "reached"));
    BAD("six_step", DB_V_TEXT("village_id", village), DB_V_INT("step", 2), DB_V_TEXT("status", "in_progress"), DB_V_TEXT("reached_on", "2005-10-11"));
    BAD("lesson", DB_V_TEXT("kind", "story"), DB_V_TEXT("title", "x"));
    BAD("knowledge_asset", DB_V_TEXT("title", "x"), DB_V_TEXT("story", "y"), DB_V_TEXT("origin", "dream"));
    BAD("knowledge_asset", DB_V_TEXT("title", "x"), DB_V_TEXT("story", "y"), DB_V_TEXT("topic", "sports"));
    BAD("support_commitment", DB_V_TEXT("agency_id", agency), DB_V_TEXT("kind", "budget"), DB_V_REAL("amount", -1), DB_V_TEXT("unit", "บาท"));
    BAD("support_commitment", DB_V_TEXT("agency_id", agency), DB_V_TEXT("kind", "gift"), DB_V_REAL("amount", 1), DB_V_TEXT("unit", "บาท"));
    BAD("register_format_version", DB_V_TEXT("label", "v2"), DB_V_TEXT("status", "approved"));
    BAD("register_column", DB_V_TEXT("register_id", reg), DB_V_INT("position", 0), DB_V_TEXT("name", "x"), DB_V_TEXT("kind", "text"));
    BAD("register_column", DB_V_TEXT("register_id", reg), DB_V_INT("position", 1), DB_V_TEXT("name", "x"), DB_V_TEXT("kind", "blob"));
    BAD("fund_training", DB_V_TEXT("group_id", group), DB_V_TEXT("format_version_id", rfv));
    BAD("app_user", DB_V_TEXT("login", ""));
}

static void test_financial_snapshot(void **state)
{
    (void)state;
#define SNAP(per, mem, sav, loans, over) \
    DB_V_TEXT("group_id", group), DB_V_TEXT("period", per), DB_V_INT("members", mem), \
    DB_V_REAL("savings_balance", sav), DB_V_REAL("loans_outstanding", loans), DB_V_REAL("overdue", over)
    BAD("group_financial_snapshot", SNAP("2005-10", -1, 0, 0, 0));
    BAD("group_financial_snapshot", SNAP("2005-10", 1, -5, 0, 0));
    BAD("group_financial_snapshot", SNAP("2005-10", 1, 0, -1, 0));
    BAD("group_financial_snapshot", SNAP("2005-10", 1, 0, 100, 101)); /* overdue > loans */
    BAD("group_financial_snapshot", SNAP("2005-13", 1, 0, 0, 0));
    BAD("group_financial_snapshot", SNAP("2548-10", 1, 0, 0, 0));
    db_value ok[] = {SNAP("2005-10", 30, 1000, 500, 100)};
    assert_int_equal(db_insert(db, "group_financial_snapshot", ok, 6, NULL), TP_OK);
    BAD("group_financial_snapshot", SNAP("2005-10", 31, 1000, 500, 100)); /* unique */
#undef SNAP
}

static void test_unique_live_rows(void **state)
{
    (void)state;
    char a[DB_UUID_LEN];
    assert_int_equal(db_attendance_add(db, meeting, person, "present", NULL, a), TP_OK);
    assert_int_equal(db_attendance_add(db, meeting, person, "late", NULL, NULL), TP_ERR_CONSTRAINT);
    /* a tombstoned row may be entered again */
    assert_int_equal(db_tombstone(db, "attendance", a, 1), TP_OK);
    assert_int_equal(db_attendance_add(db, meeting, person, "late", NULL, NULL), TP_OK);
}

static void test_invalid_names(void **state)
{
    (void)state;
    db_value v[] = {DB_V_TEXT("name", "x")};
    assert_int_equal(db_insert(db, "audit_log", v, 1, NULL), TP_ERR_INVALID);
    assert_int_equal(db_insert(db, "no_such_table", v, 1, NULL), TP_ERR_INVALID);
    assert_int_equal(db_insert(db, "role", v, 1, NULL), TP_ERR_INVALID);
    db_value w[] = {DB_V_TEXT("nmae", "x")};
    assert_int_equal(db_insert(db, "person", w, 1, NULL), TP_ERR_INVALID);
    db_value base[] = {DB_V_TEXT("name", "x"), DB_V_INT("version", 5)};
    assert_int_equal(db_insert(db, "person", base, 2, NULL), TP_ERR_INVALID);
    db_value inj[] = {DB_V_TEXT("name\" = 1; --", "x")};
    assert_int_equal(db_insert(db, "person", inj, 1, NULL), TP_ERR_INVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_place_rules),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_enums_and_refs),
        cmocka_unit_test(test_financial_snapshot),
        cmocka_unit_test(test_unique_live_rows),
        cmocka_unit_test(test_invalid_names),
    };
    return cmocka_run_group_tests_name("db_constraints", tests, setup, teardown);
}
