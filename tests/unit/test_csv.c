/* CSV export and import: round trip with Thai and awkward text, Excel's
 * line endings, line-numbered refusals with nothing written, dry runs,
 * skipping bad rows into a rejects file, and who may import. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/csv_io.h"
#include "tapian/db_records.h"
#include "tapian/screen.h"

struct fx {
    struct tdir t;
    tp_db *db;
    screen_set screens;
    const screen *meeting;
    char *file;      /* dir/in.csv */
    char errors[8192];
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    tdir_make(&f->t);
    f->db = open_new(f->t.db);
    assert_non_null(f->db);
    char err[256];
    assert_int_equal(screen_load(NULL, &f->screens, err, sizeof err), TP_OK);
    f->meeting = screen_find(&f->screens, "meeting");
    assert_non_null(f->meeting);
    f->file = tdir_path(&f->t, "in.csv");
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    db_close(&f->db);
    screen_set_free(&f->screens);
    tdir_remove(&f->t);
    free(f->file);
    free(f);
    return 0;
}

static void collect(void *ctx, const char *message)
{
    struct fx *f = ctx;
    size_t used = strlen(f->errors);
    snprintf(f->errors + used, sizeof f->errors - used, "%s\n", message);
}

static tp_status import(struct fx *f, const char *text, bool dry, bool skip,
                        csv_import_result *r)
{
    write_bytes(f->file, -1, text, strlen(text));
    f->errors[0] = 0;
    csv_import_opts o = {.dry_run = dry, .skip_bad = skip, .on_error = collect,
                         .ctx = f};
    return csv_import(f->db, f->meeting, f->file, &o, r);
}

static long long live(tp_db *db)
{
    long long n = -1;
    assert_int_equal(db_count_live(db, "meeting", &n), TP_OK);
    return n;
}

/* Every meeting's form values in date order, for comparing databases. */
static int dump_row(void *ctx, const db_row *row)
{
    char *out = ctx;
    for (size_t i = 0; i < row->n; i++) {
        size_t used = strlen(out);
        snprintf(out + used, 65536 - used, "%s|", row->values[i] ? row->values[i] : "∅");
    }
    strncat(out, "\n", 65536 - strlen(out) - 1);
    return 0;
}

static char *dump(tp_db *db, const screen *s)
{
    const char *cols[64];
    size_t n = 0;
    for (size_t i = 0; i < s->n_fields; i++)
        if (s->fields[i].type != SF_MULTIREF)
            cols[n++] = s->fields[i].name;
    char *out = calloc(1, 65536);
    db_list_query q = {.table = "meeting", .columns = cols, .n_columns = n,
                       .order_column = "title"};
    assert_int_equal(db_list(db, &q, dump_row, out), TP_OK);
    return out;
}

static void add_meeting(tp_db *db, const char *date, const char *title,
                        const char *purpose, const char *place, char id[DB_UUID_LEN])
{
    db_value v[] = {DB_V_TEXT("held_on", date), DB_V_TEXT("circle", "kit"),
                    DB_V_TEXT("title", title), DB_V_TEXT("status", "held"),
                    DB_V_TEXT("purpose", purpose), DB_V_TEXT("place_id", place),
                    DB_V_INT("reported_count", 14)};
    assert_int_equal(db_insert(db, "meeting", v, 7, id), TP_OK);
}

static void test_round_trip(void **state)
{
    struct fx *f = *state;
    /* The pilot data in both files gives the same places to refer to. */
    char *a = tdir_path(&f->t, "a.db"), *b = tdir_path(&f->t, "b.db");
    char *out = tdir_path(&f->t, "out.csv");
    db_open_opts o = {.user = "tester"};
    tp_db *da = NULL, *dbb = NULL;
    assert_int_equal(db_open(a, &o, &da), TP_OK);
    assert_int_equal(db_open(b, &o, &dbb), TP_OK);
    const char *place = "00000001-0000-4000-8000-000000000011";
    long long vv;
    bool del;
    assert_int_equal(db_row_version(da, "place", place, &vv, &del), TP_OK);
    add_meeting(da, "2005-10-11", "วงคุณกิจ, \"ทดลอง\"",
                "บรรทัดแรก\nบรรทัดสอง, มี \"คำพูด\"\n", place, NULL);
    add_meeting(da, "2005-10-12", " เว้นวรรคหน้า", "ก่อน\nหลัง\tแท็บ", NULL, NULL);
    long rows = 0;
    assert_int_equal(csv_export(da, f->meeting, out, NULL, &rows), TP_OK);
    assert_true(rows >= 2);
    size_t n = 0;
    char *text = slurp(out, &n);
    text[n] = 0;
    assert_memory_equal(text, "\xEF\xBB\xBFid,version,held_on,", 22);
    assert_non_null(strstr(text, "\"วงคุณกิจ, \"\"ทดลอง\"\"\""));
    free(text);
    long long before = live(dbb);
    csv_import_result r;
    csv_import_opts io = {.on_error = collect, .ctx = f};
    tp_status st = csv_import(dbb, f->meeting, out, &io, &r);
    if (st != TP_OK)
        fail_msg("%s: %s", tp_status_name(st), f->errors);
    assert_int_equal(r.added, 2);
    assert_int_equal(r.changed, 0);
    assert_int_equal(r.unchanged, rows - 2);
    assert_int_equal(live(dbb), before + 2);
    char *da_dump = dump(da, f->meeting), *db_dump = dump(dbb, f->meeting);
    assert_string_equal(da_dump, db_dump);
    free(da_dump);
    free(db_dump);
    db_close(&da);
    db_close(&dbb);
    free(a), free(b), free(out);
}

static void test_excel_line_endings(void **state)
{
    struct fx *f = *state;
    csv_import_result r;
    /* BE dates, Thai choice labels, CRLF, BOM; then plain LF, no BOM */
    assert_int_equal(import(f, "\xEF\xBB\xBFheld_on,circle,title,status\r\n"
                               "11/10/2548,วงคุณกิจ,\"หนึ่ง\r\nสอง\",held\r\n", false, false, &r), TP_OK);
    assert_int_equal(import(f, "held_on,circle,title,status\n"
                               "2005-10-12,eua,สาม,held\n\n", false, false, &r), TP_OK);
    assert_int_equal(live(f->db), 2);
    char *d = dump(f->db, f->meeting);
    assert_non_null(strstr(d, "2005-10-11|kit|หนึ่งสอง|held|"));
    assert_non_null(strstr(d, "2005-10-12|eua|สาม|held|"));
    free(d);
}

/* Each bad file is refused with FILE:LINE: column and nothing written. */
static void test_refusals(void **state)
{
    struct fx *f = *state;
    char id[DB_UUID_LEN];
    add_meeting(f->db, "2005-10-11", "เดิม", "", NULL, id);
    static const struct { const char *text, *want; } cases[] = {
        {"held_on,circle,title,status,colour\n2005-10-11,kit,x,held,red\n", "in.csv:1: colour: "},
        {"held_on,title,status\n2005-10-11,x,held\n", "in.csv:1: circle: "},
        {"held_on,circle,title,status\n2005-10-11,kit,ok,held\n2005-10-11,kit,x\xff,held\n", "in.csv:3: title: "},
        {"held_on,circle,title,purpose,status\n2005-10-11,kit,ok,\"a\nb\",held\n31/02/2548,kit,x,,held\n", "in.csv:4: held_on: "},
        {"held_on,circle,title,status\n2005-10-11,golf,x,held\n", "in.csv:2: circle: "},
        {"held_on,circle,title,status,place_id\n2005-10-11,kit,x,held,no-such-place\n", "in.csv:2: place_id: "},
        {"held_on,circle,title,status\n2005-10-11,kit,\"x\n", "in.csv:"},
        {"held_on,circle,title,status\n2005-10-11,kit,x\n", "in.csv:2: 3 values"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        csv_import_result r;
        assert_int_equal(import(f, cases[i].text, false, false, &r), TP_ERR_INVALID);
        if (!strstr(f->errors, cases[i].want))
            fail_msg("case %zu: want %s in: %s", i, cases[i].want, f->errors);
        assert_int_equal(live(f->db), 1);
    }
    /* a stale version: someone changed the row after the export */
    char *out = tdir_path(&f->t, "old.csv");
    assert_int_equal(csv_export(f->db, f->meeting, out, NULL, NULL), TP_OK);
    db_value v[] = {DB_V_TEXT("title", "แก้แล้ว")};
    assert_int_equal(db_update(f->db, "meeting", id, 1, v, 1), TP_OK);
    size_t n = 0;
    char *text = slurp(out, &n);
    text[n] = 0;
    char *edited = calloc(1, n + 64);
    char *t = strstr(text, "เดิม");
    snprintf(edited, n + 64, "%.*sใหม่%s", (int)(t - text), text, t + strlen("เดิม"));
    csv_import_result r;
    assert_int_equal(import(f, edited, false, false, &r), TP_ERR_INVALID);
    assert_non_null(strstr(f->errors, "in.csv:2: version: "));
    long long version;
    bool del;
    assert_int_equal(db_row_version(f->db, "meeting", id, &version, &del), TP_OK);
    assert_int_equal(version, 2);
    free(text), free(edited), free(out);
}

static void test_dry_run(void **state)
{
    struct fx *f = *state;
    char id[DB_UUID_LEN];
    add_meeting(f->db, "2005-10-11", "เดิม", "", NULL, id);
    char text[512];
    snprintf(text, sizeof text, "id,version,held_on,circle,title,status\n"
             "%s,1,2005-10-11,kit,ใหม่,held\n,,2005-10-12,kit,ก,held\n"
             ",,2005-10-13,eua,ข,held\n", id);
    csv_import_result r;
    assert_int_equal(import(f, text, true, false, &r), TP_OK);
    assert_int_equal(r.added, 2);
    assert_int_equal(r.changed, 1);
    assert_int_equal(live(f->db), 1);
    long long version;
    bool del;
    assert_int_equal(db_row_version(f->db, "meeting", id, &version, &del), TP_OK);
    assert_int_equal(version, 1);
    /* the same for real */
    assert_int_equal(import(f, text, false, false, &r), TP_OK);
    assert_int_equal(live(f->db), 3);
    assert_int_equal(db_row_version(f->db, "meeting", id, &version, &del), TP_OK);
    assert_int_equal(version, 2);
}

static void test_skip_bad(void **state)
{
    struct fx *f = *state;
    csv_import_result r;
    assert_int_equal(import(f, "held_on,circle,title,status\n2005-10-11,kit,ก,held\n"
                               "เมื่อวาน,kit,ข,held\n2005-10-13,kit,ค,held\n",
                            false, true, &r), TP_OK);
    assert_int_equal(r.added, 2);
    assert_int_equal(r.bad, 1);
    assert_int_equal(live(f->db), 2);
    char *rej = tdir_path(&f->t, "in.rejects.csv");
    assert_string_equal(r.rejects, rej);
    size_t n = 0;
    char *text = slurp(rej, &n);
    assert_non_null(text);
    text[n] = 0;
    assert_non_null(strstr(text, "held_on,circle,title,status,error\r\n"));
    assert_non_null(strstr(text, "เมื่อวาน,kit,ข,held,held_on: Type a date"));
    free(text), free(rej);
}

static void test_permission(void **state)
{
    struct fx *f = *state;
    assert_int_equal(db_permit(f->db, "meeting", "khun_eua"), TP_OK);
    const char *kit[] = {"khun_kit"};
    db_set_roles(f->db, kit, 1);
    csv_import_result r;
    const char *text = "held_on,circle,title,status\n2005-10-11,kit,ก,held\n";
    assert_int_equal(import(f, text, false, false, &r), TP_ERR_PERM);
    assert_int_equal(live(f->db), 0);
    const char *eua[] = {"khun_eua"};
    db_set_roles(f->db, eua, 1);
    assert_int_equal(import(f, text, false, false, &r), TP_OK);
    assert_int_equal(live(f->db), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_excel_line_endings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dry_run, setup, teardown),
        cmocka_unit_test_setup_teardown(test_skip_bad, setup, teardown),
        cmocka_unit_test_setup_teardown(test_permission, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
