/* Stored Thai sort keys (migration 005) and list filters: lists ordered by
 * a key column give the Thai order, also for rows written by the stock
 * shell (keys filled at open, stale keys dropped by the trigger); the
 * position follows the same order; tambon and BE date filters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/db_records.h"
#include "tapian/text.h"

struct fx {
    struct tdir t;
    tp_db *db;
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    tdir_make(&f->t);
    f->db = open_new(f->t.db);
    assert_non_null(f->db);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    db_close(&f->db);
    tdir_remove(&f->t);
    free(f);
    return 0;
}

struct collect {
    char buf[2048];
    int rows;
};

static int collect_row(void *ctx, const db_row *r)
{
    struct collect *c = ctx;
    size_t used = strlen(c->buf);
    const char *v = r->n ? r->values[0] : r->id;
    snprintf(c->buf + used, sizeof c->buf - used, "%s%s", c->rows++ ? "|" : "",
             v ? v : "(null)");
    return 0;
}

static const char *list(tp_db *db, const db_list_query *q, struct collect *c)
{
    memset(c, 0, sizeof *c);
    assert_int_equal(db_list(db, q, collect_row, c), TP_OK);
    return c->buf;
}

static void test_written_rows_get_keys(void **state)
{
    struct fx *f = *state;
    char id[DB_UUID_LEN];
    assert_int_equal(db_person_add(f->db, NULL, "ไก่", NULL, id), TP_OK);
    assert_int_equal(db_person_add(f->db, NULL, "ขาว", NULL, NULL), TP_OK);
    assert_int_equal(db_person_add(f->db, NULL, "กา", NULL, NULL), TP_OK);
    /* every row has its key, and the key is the text's */
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM person WHERE "
                              "name_sortkey IS NULL");
    db_close(&f->db);
    if (have_shell()) {
        assert_int_equal(shell_int(f->t.db, sql), 0);
    }
    f->db = open_new(f->t.db);
    const char *cols[] = {"name"};
    db_list_query q = {.table = "person", .columns = cols, .n_columns = 1,
                       .order_column = "name"};
    struct collect c;
    assert_string_equal(list(f->db, &q, &c), "กา|ไก่|ขาว");
    /* an update sets the key again: ไก่ becomes คน, last */
    long long version = 0;
    bool deleted;
    assert_int_equal(db_row_version(f->db, "person", id, &version, &deleted), TP_OK);
    db_value v = DB_V_TEXT("name", "คน");
    assert_int_equal(db_update(f->db, "person", id, version, &v, 1), TP_OK);
    assert_string_equal(list(f->db, &q, &c), "กา|ขาว|คน");
    long pos = -1;
    assert_int_equal(db_list_position(f->db, &q, id, &pos), TP_OK);
    assert_int_equal(pos, 2);
    q.order_desc = true;
    assert_string_equal(list(f->db, &q, &c), "คน|ขาว|กา");
    assert_int_equal(db_list_position(f->db, &q, id, &pos), TP_OK);
    assert_int_equal(pos, 0);
    /* the key columns cannot be written directly */
    db_value k = DB_V_TEXT("name_sortkey", "x");
    assert_int_equal(db_update(f->db, "person", id, version + 1, &k, 1),
                     TP_ERR_INVALID);
}

static void test_shell_rows_filled_at_open(void **state)
{
    struct fx *f = *state;
    if (!have_shell())
        skip();
    assert_int_equal(db_person_add(f->db, NULL, "ขาว", NULL, NULL), TP_OK);
    db_close(&f->db);
    /* written without tapian: no key, and a stale key after a rename */
    assert_int_equal(shell(f->t.db,
        "INSERT INTO person (site_id, name) SELECT value, 'ไก่' "
        "FROM setting WHERE key = 'site_id';"
        "INSERT INTO person (site_id, name) SELECT value, 'เกษตร' "
        "FROM setting WHERE key = 'site_id';"
        "UPDATE person SET name = 'คน' WHERE name = 'ขาว';"), 0);
    assert_int_equal(shell_int(f->t.db, "SELECT count(*) FROM person WHERE "
                                        "name_sortkey IS NULL"), 3);
    f->db = open_new(f->t.db);
    assert_non_null(f->db);
    const char *cols[] = {"name"};
    db_list_query q = {.table = "person", .columns = cols, .n_columns = 1,
                       .order_column = "name", .limit = 2, .offset = 1};
    struct collect c;
    assert_string_equal(list(f->db, &q, &c), "ไก่|คน");
    q.limit = 0;
    q.offset = 0;
    assert_string_equal(list(f->db, &q, &c), "เกษตร|ไก่|คน");
    db_close(&f->db);
    assert_int_equal(shell_int(f->t.db, "SELECT count(*) FROM person WHERE "
                                        "name_sortkey IS NULL"), 0);
    f->db = open_new(f->t.db);
}

/* Opening looks for missing keys in partial indexes (migration 9) instead
 * of reading every keyed table: each key column must have its index, named
 * <table>_<column>_missing, or starting the program scans that table. */
static void test_missing_keys_indexed(void **state)
{
    struct fx *f = *state;
    if (!have_shell())
        skip();
    const char *cols =
        "FROM sqlite_schema AS m, pragma_table_info(m.name) AS p "
        "WHERE m.type = 'table' AND p.name LIKE '%\\_sortkey' ESCAPE '\\'";
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT count(*) %s", cols);
    assert_true(shell_int(f->t.db, sql) >= 9);
    snprintf(sql, sizeof sql, "SELECT count(*) %s AND NOT EXISTS (SELECT 1 "
             "FROM sqlite_schema AS i WHERE i.type = 'index' AND i.name = "
             "m.name || '_' || p.name || '_missing')", cols);
    assert_int_equal(shell_int(f->t.db, sql), 0);
}

/* The key order is the COLLATE THAI order, row for row, on the seeds'
 * words; the fallback (a column without a key) still sorts in Thai. */
static void test_key_order_matches_collate(void **state)
{
    struct fx *f = *state;
    const char *words[] = {"ท่าไร่", "ท่า ไร่", "กองทุน", "กองทุนหมู่บ้าน",
                           "กลุ่มออมทรัพย์", "ผอ.", "ผู้ว่าฯ", "โสภณ",
                           "ชินวัฒน์", "abc", "ABC", "๑๒", "12", "เกษตร"};
    size_t n = sizeof words / sizeof words[0];
    for (size_t i = 0; i < n; i++)
        assert_int_equal(db_person_add(f->db, words[i], words[i], NULL, NULL),
                         TP_OK);
    const char *cols[] = {"name"};
    db_list_query q = {.table = "person", .columns = cols, .n_columns = 1,
                       .order_column = "name"};
    struct collect by_key, by_coll;
    list(f->db, &q, &by_key);
    q.order_column = "title"; /* no title_sortkey: COLLATE THAI */
    list(f->db, &q, &by_coll);
    assert_string_equal(by_key.buf, by_coll.buf);
    assert_int_equal(by_key.rows, (int)n);
    /* and the order is sorted by text_collate */
    char prev[64] = "";
    for (char *p = by_key.buf, *e; p; p = e ? e + 1 : NULL) {
        e = strchr(p, '|');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        assert_true(text_collate(prev, strlen(prev), p, len) <= 0);
        snprintf(prev, sizeof prev, "%.*s", (int)len, p);
    }
}

static void be_iso(const char *be, char iso[16])
{
    text_date d;
    assert_int_equal(text_date_parse(be, strlen(be), &d), TP_OK);
    snprintf(iso, 16, "%04d-%02d-%02d", d.year, d.month, d.day);
}

/* A tambon finds the rows of its villages; a date range typed in BE. */
static void test_tambon_and_be_dates(void **state)
{
    struct fx *f = *state;
    tp_db *db = f->db;
    char prov[DB_UUID_LEN], am[DB_UUID_LEN], ta[DB_UUID_LEN], tb[DB_UUID_LEN];
    char va[DB_UUID_LEN], vb[DB_UUID_LEN];
    assert_int_equal(db_place_add(db, &(db_place){.kind = "province", .name = "นครศรีธรรมราช"}, prov), TP_OK);
    assert_int_equal(db_place_add(db, &(db_place){.kind = "amphoe", .parent_id = prov, .name = "เมือง"}, am), TP_OK);
    assert_int_equal(db_place_add(db, &(db_place){.kind = "tambon", .parent_id = am, .name = "ท่าไร่"}, ta), TP_OK);
    assert_int_equal(db_place_add(db, &(db_place){.kind = "tambon", .parent_id = am, .name = "บางจาก"}, tb), TP_OK);
    assert_int_equal(db_place_add(db, &(db_place){.kind = "village", .parent_id = ta, .moo = 3}, va), TP_OK);
    assert_int_equal(db_place_add(db, &(db_place){.kind = "village", .parent_id = tb, .moo = 1}, vb), TP_OK);
    struct { const char *on, *place, *title; } m[] = {
        {"2005-10-11", va, "หมู่ 3 ท่าไร่"}, {"2005-10-15", ta, "ตำบลท่าไร่"},
        {"2005-10-19", vb, "บางจาก"}, {"2006-01-10", va, "ท่าไร่ ปีใหม่"},
    };
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(db_meeting_add(db, &(db_meeting){.circle = "kit",
                             .held_on = m[i].on, .place_id = m[i].place,
                             .title = m[i].title}, NULL), TP_OK);
    const char *cols[] = {"title"};
    db_list_query q = {.table = "meeting", .columns = cols, .n_columns = 1,
                       .order_column = "held_on", .place_column = "place_id",
                       .place_id = ta};
    struct collect c;
    assert_string_equal(list(db, &q, &c), "หมู่ 3 ท่าไร่|ตำบลท่าไร่|ท่าไร่ ปีใหม่");
    char from[16], to[16];
    be_iso("11 ต.ค. 2548", from);
    be_iso("๓๑/๑๒/๒๕๔๘", to);
    assert_string_equal(from, "2005-10-11");
    q.date_column = "held_on";
    q.date_from = from;
    q.date_to = to;
    assert_string_equal(list(db, &q, &c), "หมู่ 3 ท่าไร่|ตำบลท่าไร่");
    long n = 0;
    assert_int_equal(db_list_count(db, &q, &n), TP_OK);
    assert_int_equal(n, 2);
    /* the village alone: its rows only */
    q.place_id = vb;
    q.date_to = NULL;
    assert_string_equal(list(db, &q, &c), "บางจาก");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_written_rows_get_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shell_rows_filled_at_open, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_keys_indexed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_key_order_matches_collate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tambon_and_be_dates, setup, teardown),
    };
    return cmocka_run_group_tests_name("db_sortkeys", tests, NULL, NULL);
}
