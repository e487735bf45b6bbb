/* The pilot's records (src/db/sql/pilot.sql) against the source documents
 * (the seeds; the facts and their sources are in docs/PILOT-DATA.md). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "db_test_util.h"
#include "tapian/db.h"
#include "tapian/db_pilot.h"
#include "tapian/embedded.h"

/* Fixed ids of pilot.sql: meetings carry their date. */
#define M_0915 "00000006-0000-4000-8000-000020050915"
#define M_1011 "00000006-0000-4000-8000-000020051011"
#define M_1015 "00000006-0000-4000-8000-000020051015"
#define M_1019 "00000006-0000-4000-8000-000020051019"
#define M_1025 "00000006-0000-4000-8000-000020051025"
#define M_1128 "00000006-0000-4000-8000-000020051128"
#define M_1202 "00000006-0000-4000-8000-000020051202"

struct fx {
    struct tdir dir;
    tp_db *db;
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    tdir_make(&f->dir);
    db_open_opts o = {.user = "tester"}; /* a new file starts with the pilot */
    if (db_open(f->dir.db, &o, &f->db) != TP_OK) {
        fprintf(stderr, "db_open: %s\n", db_open_error());
        tdir_remove(&f->dir);
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    db_close(&f->db);
    tdir_remove(&f->dir);
    free(f);
    return 0;
}

static long long pint(tp_db *db, const char *q, const char *a, const char *b)
{
    db_value p[2] = {DB_V_TEXT(NULL, a), DB_V_TEXT(NULL, b)};
    size_t n = b ? 2 : a ? 1 : 0;
    long long v = -1;
    assert_int_equal(db_pilot_int(db, q, p, n, &v), TP_OK);
    return v;
}

/* The text of a one-value query, or NULL when there is none. */
static const char *ptext(tp_db *db, const char *q, const char *a,
                         const char *b, char *buf, size_t cap)
{
    db_value p[2] = {DB_V_TEXT(NULL, a), DB_V_TEXT(NULL, b)};
    tp_status s = db_pilot_text(db, q, p, b ? 2 : 1, buf, cap);
    if (s == TP_ERR_NOTFOUND)
        return NULL;
    assert_int_equal(s, TP_OK);
    return buf;
}

static long long live(tp_db *db, const char *table)
{
    long long n = -1;
    assert_int_equal(db_count_live(db, table, &n), TP_OK);
    return n;
}

/* seeds/003: «9 หน่วยงาน คือ พช.มวล. ธกส. กศน. สำนักงานเกษตรจังหวัด
 * สำนักงานสหกรณ์จังหวัด ธอส. มรภ. และ พอช.»; ออมสิน from seeds/002, 004. */
static void test_agencies(void **state)
{
    tp_db *db = ((struct fx *)*state)->db;
    static const char *const nine[] = {"พช.", "มวล.", "ธกส.", "กศน.", "เกษตร",
                                       "สหกรณ์", "ธอส.", "มรภ.", "พอช."};
    assert_int_equal(live(db, "agency"), 10);
    assert_int_equal(pint(db, "agencies_core_nine", NULL, NULL), 9);
    for (size_t i = 0; i < 9; i++)
        assert_int_equal(pint(db, "agency_named", nine[i], NULL), 1);
    assert_int_equal(pint(db, "agency_named", "ออมสิน", NULL), 1);
    /* only proposed in seeds/004, not a participant */
    assert_int_equal(pint(db, "agency_named", "สาธารณสุข", NULL), 0);
}

struct tambons {
    int n;
    char name[4][64];
    int villages[4], groups[4];
};

static void on_tambon(void *ctx, const char *tambon, int villages, int groups,
                      int meetings)
{
    struct tambons *t = ctx;
    (void)meetings;
    if (t->n < 4) {
        snprintf(t->name[t->n], sizeof t->name[0], "%s", tambon);
        t->villages[t->n] = villages;
        t->groups[t->n] = groups;
    }
    t->n++;
}

/* The three pilot tambons of อำเภอเมืองนครศรีธรรมราช, in Thai order. The
 * documents name no village, so none is recorded. */
static void test_tambons(void **state)
{
    tp_db *db = ((struct fx *)*state)->db;
    struct tambons t = {0};
    assert_int_equal(db_tambon_counts(db, on_tambon, &t), TP_OK);
    assert_int_equal(t.n, 3);
    assert_string_equal(t.name[0], "ท่าไร่");
    assert_string_equal(t.name[1], "บางจาก");
    assert_string_equal(t.name[2], "มะม่วงสองต้น");
    for (int i = 0; i < 3; i++)
        assert_int_equal(t.villages[i], 0);
    /* ท่าไร่'s tambon savings-group network (seeds/002) is its one group */
    assert_int_equal(t.groups[0], 1);
    assert_int_equal(t.groups[1], 0);
    assert_int_equal(t.groups[2], 0);
    assert_int_equal(pint(db, "tambons_of_amphoe", "เมืองนครศรีธรรมราช", NULL), 3);
    assert_int_equal(pint(db, "villages", NULL, NULL), 0);
}

/* seeds/002: «มีผู้เข้าร่วม14คน ขาดลุงชินวัฒน์คนเดียว»; «ผู้ว่าวิชม
 * ทองสงค์มาสังเกตการณ์ตั้งแต่เช้า». The 14 are not named: the count is kept
 * in the notes as quoted, and nobody is invented to fill it. */
static void test_facilitator_circle_11_oct(void **state)
{
    tp_db *db = ((struct fx *)*state)->db;
    char buf[4096];
    assert_string_equal(ptext(db, "meeting_held_on", M_1011, NULL, buf, sizeof buf),
                        "2005-10-11");
    assert_string_equal(ptext(db, "meeting_circle", M_1011, NULL, buf, sizeof buf),
                        "amnuay");
    const char *notes = ptext(db, "meeting_notes", M_1011, NULL, buf, sizeof buf);
    assert_non_null(notes);
    assert_non_null(strstr(notes, "มีผู้เข้าร่วม14คน"));
    assert_non_null(strstr(notes, "ขาดลุงชินวัฒน์คนเดียว"));
    char st[32];
    assert_string_equal(ptext(db, "attendance_of", M_1011, "ชินวัฒน์", st, sizeof st),
                        "absent");
    assert_int_equal(pint(db, "observers_named", M_1011, "วิชม ทองสงค์"), 1);
    /* the governor observed; he is not one of the 14 */
    assert_null(ptext(db, "attendance_of", M_1011, "วิชม ทองสงค์", st, sizeof st));
    int came = -1;
    assert_int_equal(db_meeting_attendees(db, M_1011, &came), TP_OK);
    assert_true(came >= 0 && came <= 14);
}

/* 15 ก.ย., 11/15/19/25 ต.ค., 28 พ.ย., 2 ธ.ค. 2548 (seeds/001, 002). */
static void test_timeline(void **state)
{
    tp_db *db = ((struct fx *)*state)->db;
    static const struct {
        const char *id, *date, *circle;
    } want[] = {
        {M_0915, "2005-09-15", "amnuay"},
        {M_1011, "2005-10-11", "amnuay"},
        {M_1015, "2005-10-15", "tambon_network"},
        {M_1019, "2005-10-19", "field_stage"},
        {M_1025, "2005-10-25", "field_stage"},
        {M_1128, "2005-11-28", "kit"},
        {M_1202, "2005-12-02", "knowledge_fair"},
    };
    char buf[64];
    assert_int_equal(live(db, "meeting"), 7);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        assert_string_equal(ptext(db, "meeting_held_on", want[i].id, NULL, buf, sizeof buf),
                            want[i].date);
        assert_string_equal(ptext(db, "meeting_circle", want[i].id, NULL, buf, sizeof buf),
                            want[i].circle);
        assert_int_equal(pint(db, "meetings_on", want[i].date, NULL), 1);
    }
    /* 28 พ.ย.: «มีท่านผู้ว่า ผอ.ธกส. และอ.จำนง» (seeds/001) */
    int came = -1;
    assert_int_equal(db_meeting_attendees(db, M_1128, &came), TP_OK);
    assert_int_equal(came, 3);
    assert_string_equal(ptext(db, "attendance_of", M_1128, "จำนง", buf, sizeof buf),
                        "present");
}

/* People with their agencies and roles, only as the documents state them. */
static void test_people(void **state)
{
    tp_db *db = ((struct fx *)*state)->db;
    char buf[64];
    assert_int_equal(live(db, "person"), 12);
    assert_string_equal(ptext(db, "person_agency", "โสภณ คงจังหวัด", NULL, buf, sizeof buf), "ธกส.");
    assert_string_equal(ptext(db, "person_agency", "ภีม", NULL, buf, sizeof buf), "มวล.");
    assert_string_equal(ptext(db, "person_agency", "พัช", NULL, buf, sizeof buf), "พอช.");
    assert_string_equal(ptext(db, "person_agency", "สมหมาย", NULL, buf, sizeof buf), "ออมสิน");
    assert_string_equal(ptext(db, "person_agency", "เกรียงไกร", NULL, buf, sizeof buf), "เกษตร");
    /* agencies the documents do not give stay empty */
    assert_null(ptext(db, "person_agency", "ชินวัฒน์", NULL, buf, sizeof buf));
    assert_null(ptext(db, "person_agency", "ชะอ้อน", NULL, buf, sizeof buf));
    assert_null(ptext(db, "person_agency", "วิชม ทองสงค์", NULL, buf, sizeof buf));
    /* «ท่านคือหัวหน้าคุณเอื้อ» (003); «ผมในฐานะคุณเอื้อ» (000);
     * «ผมเองจะเป็นคุณประสาน» (004) */
    assert_int_equal(pint(db, "roles_of", "วิชม ทองสงค์", "khun_eua"), 1);
    assert_int_equal(pint(db, "roles_of", "โสภณ คงจังหวัด", "khun_eua"), 1);
    assert_int_equal(pint(db, "roles_of", "เกรียงไกร", "khun_prasan"), 1);
    assert_int_equal(live(db, "role_assignment"), 6);
}

/* The six steps as DOMAIN.md names them (seeds/001 writes step 2 with
 * «หรือ» where DOMAIN.md writes "/"). */
static void test_six_steps(void **state)
{
    tp_db *db = ((struct fx *)*state)->db;
    static const char *const steps[] = {
        "ความเป็นประชาคม",
        "ระบบการแลกเปลี่ยนเรียนรู้ / การจัดการความรู้",
        "ความมีประสิทธิภาพของชุมชน",
        "เกิดแผนแม่บทชุมชน",
        "การปฏิบัติตามแผน",
        "มีการประเมินผลเป็นระยะ ๆ",
    };
    char buf[256], n[16];
    for (int i = 0; i < 6; i++) {
        snprintf(n, sizeof n, "%d", i + 1);
        assert_string_equal(ptext(db, "six_step_name", n, NULL, buf, sizeof buf), steps[i]);
    }
    assert_null(ptext(db, "six_step_name", "7", NULL, buf, sizeof buf));
}

/* Lessons of the syntheses, the sponsor's wishes, the Tha Rai plan without
 * invented visits; the whole file passes the integrity and reference checks. */
static void on_report(void *ctx, const char *line)
{
    int *bad = ctx;
    if (strcmp(line, "ok") != 0) {
        fprintf(stderr, "db_check: %s\n", line);
        (*bad)++;
    }
}

static void test_lessons_assets_plan(void **state)
{
    tp_db *db = ((struct fx *)*state)->db;
    assert_int_equal(live(db, "lesson"), 12);
    assert_int_equal(live(db, "knowledge_asset"), 2);
    assert_int_equal(live(db, "field_visit_plan"), 1);
    assert_int_equal(live(db, "field_visit"), 0);
    assert_int_equal(live(db, "finance_group"), 1);
    assert_int_equal(live(db, "observer"), 1);
    int bad = 0;
    assert_int_equal(db_check(db, on_report, &bad), TP_OK);
    assert_int_equal(bad, 0);
}

static void test_no_pilot_data(void **state)
{
    (void)state;
    struct tdir d;
    tdir_make(&d);
    tp_db *db = open_new(d.db);
    assert_non_null(db);
    assert_int_equal(live(db, "agency"), 0);
    assert_int_equal(live(db, "meeting"), 0);
    db_close(&db);
    tdir_remove(&d);
}

/* The stock shell loads the migrations and then pilot.sql without error. */
static void test_stock_shell_loads(void **state)
{
    (void)state;
    if (!have_shell())
        skip();
    struct tdir d;
    tdir_make(&d);
    const struct embedded_file *pilot = NULL;
    for (const struct embedded_file *f = embedded_files; f->name; f++) {
        if (strcmp(f->name, "pilot.sql") == 0)
            pilot = f;
        else
            assert_int_equal(shell(d.db, f->data), 0);
    }
    assert_non_null(pilot);
    assert_int_equal(shell(d.db, pilot->data), 0);
    assert_int_equal(shell_int(d.db, "SELECT count(*) FROM agency"), 10);
    assert_int_equal(shell_int(d.db, "SELECT count(*) FROM meeting"), 7);
    tdir_remove(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_agencies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tambons, setup, teardown),
        cmocka_unit_test_setup_teardown(test_facilitator_circle_11_oct, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timeline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_people, setup, teardown),
        cmocka_unit_test_setup_teardown(test_six_steps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lessons_assets_plan, setup, teardown),
        cmocka_unit_test(test_no_pilot_data),
        cmocka_unit_test(test_stock_shell_loads),
    };
    return cmocka_run_group_tests_name("pilot data", tests, NULL, NULL);
}
