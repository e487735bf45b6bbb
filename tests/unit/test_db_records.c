/* Generic record access: schema introspection, lists (Thai order, paging,
 * search, filters, dates, place hierarchy, tombstones), one record, labels,
 * and multi-references through attendance. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/db_records.h"

/* ---- fixture ------------------------------------------------------------ */

struct fx {
    struct tdir t;
    tp_db *db;
    char prov[DB_UUID_LEN], amphoe[DB_UUID_LEN];
    char tambon_a[DB_UUID_LEN], tambon_b[DB_UUID_LEN];
    char vil_a1[DB_UUID_LEN], vil_a2[DB_UUID_LEN], vil_b1[DB_UUID_LEN];
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    tdir_make(&f->t);
    f->db = open_new(f->t.db);
    assert_non_null(f->db);
    tp_db *db = f->db;
    assert_int_equal(db_place_add(db, &(db_place){.kind = "province", .name = "นครศรีธรรมราช"}, f->prov), TP_OK);
    assert_int_equal(db_place_add(db, &(db_place){.kind = "amphoe", .parent_id = f->prov, .name = "เมือง"}, f->amphoe), TP_OK);
    assert_int_equal(db_place_add(db, &(db_place){.kind = "tambon", .parent_id = f->amphoe, .name = "ท่าไร่"}, f->tambon_a), TP_OK);
    assert_int_equal(db_place_add(db, &(db_place){.kind = "tambon", .parent_id = f->amphoe, .name = "บางจาก"}, f->tambon_b), TP_OK);
    assert_int_equal(db_place_add(db, &(db_place){.kind = "village", .parent_id = f->tambon_a, .moo = 1}, f->vil_a1), TP_OK);
    assert_int_equal(db_place_add(db, &(db_place){.kind = "village", .parent_id = f->tambon_a, .moo = 2}, f->vil_a2), TP_OK);
    assert_int_equal(db_place_add(db, &(db_place){.kind = "village", .parent_id = f->tambon_b, .moo = 1}, f->vil_b1), TP_OK);
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

/* Collects the first value (or the id) of each row, joined by "|". */
struct collect {
    char buf[2048];
    int rows;
    int stop_after;
    bool ids;
    bool saw_deleted;
};

static int collect_row(void *ctx, const db_row *r)
{
    struct collect *c = ctx;
    const char *v = c->ids || r->n == 0 ? r->id : r->values[0];
    size_t used = strlen(c->buf);
    snprintf(c->buf + used, sizeof c->buf - used, "%s%s", c->rows ? "|" : "",
             v ? v : "(null)");
    c->rows++;
    if (r->deleted)
        c->saw_deleted = true;
    return c->stop_after && c->rows >= c->stop_after;
}

static const char *list(tp_db *db, const db_list_query *q, struct collect *c)
{
    memset(c, 0, sizeof *c);
    assert_int_equal(db_list(db, q, collect_row, c), TP_OK);
    return c->buf;
}

static void add_person(tp_db *db, const char *name, char id[DB_UUID_LEN])
{
    assert_int_equal(db_person_add(db, NULL, name, NULL, id), TP_OK);
}

/* ---- columns ------------------------------------------------------------ */

struct colseen {
    int n;
    bool name_not_null, phone_nullable;
};

static void col_fn(void *ctx, const char *name, const char *type, bool nn)
{
    struct colseen *c = ctx;
    c->n++;
    if (strcmp(name, "name") == 0 && nn && strcmp(type, "TEXT") == 0)
        c->name_not_null = true;
    if (strcmp(name, "phone") == 0 && !nn)
        c->phone_nullable = true;
}

static void test_columns(void **state)
{
    struct fx *f = *state;
    struct colseen c = {0};
    assert_int_equal(db_table_columns(f->db, "person", col_fn, &c), TP_OK);
    assert_true(c.n >= 14);
    assert_true(c.name_not_null);
    assert_true(c.phone_nullable);
    assert_int_equal(db_table_columns(f->db, "nope", col_fn, &c), TP_ERR_NOTFOUND);
    assert_int_equal(db_table_columns(f->db, "sqlite_schema", col_fn, &c), TP_ERR_NOTFOUND);
    assert_true(db_has_column(f->db, "person", "position"));
    assert_false(db_has_column(f->db, "person", "nope"));
    assert_false(db_has_column(f->db, "person\" --", "name"));
    assert_true(db_column_refers_to(f->db, "person", "agency_id", "agency"));
    assert_true(db_column_refers_to(f->db, "attendance", "meeting_id", "meeting"));
    assert_false(db_column_refers_to(f->db, "person", "agency_id", "place"));
    assert_false(db_column_refers_to(f->db, "person", "name", "agency"));
}

/* The answers come from a picture of the schema kept by the connection; it
 * must follow changes made by another process (the stock shell here). */
static void test_columns_follow_schema(void **state)
{
    struct fx *f = *state;
    if (!have_shell())
        skip();
    long long n;
    assert_false(db_has_column(f->db, "person", "nickname"));
    assert_int_equal(shell(f->t.db, "ALTER TABLE person ADD COLUMN nickname TEXT;"), 0);
    /* seen at once, before this connection has read anything else */
    assert_true(db_has_column(f->db, "person", "nickname"));
    assert_int_equal(shell(f->t.db, "CREATE TABLE extra (id TEXT PRIMARY KEY, "
                                    "person_id TEXT REFERENCES person (id));"), 0);
    assert_int_equal(db_table_columns(f->db, "extra", NULL, NULL), TP_OK);
    assert_true(db_column_refers_to(f->db, "extra", "person_id", "person"));
    assert_int_equal(shell(f->t.db, "ALTER TABLE person DROP COLUMN nickname; "
                                    "DROP TABLE extra;"), 0);
    assert_int_equal(db_count_live(f->db, "person", &n), TP_OK);
    assert_false(db_has_column(f->db, "person", "nickname"));
    assert_int_equal(db_table_columns(f->db, "extra", NULL, NULL), TP_ERR_NOTFOUND);
    /* names match exactly, as the schema spells them */
    assert_false(db_has_column(f->db, "Person", "name"));
    assert_false(db_has_column(f->db, "person", "NAME"));
    assert_false(db_has_column(f->db, "person", "rowid"));
    assert_int_equal(db_table_columns(f->db, "sqlite_sequence", NULL, NULL), TP_ERR_NOTFOUND);
}

/* A table's columns and foreign keys are read the first time it is asked
 * about. A table first asked about after another process changed the
 * schema is read as it is then, and the tables read before follow too. */
static void test_columns_read_per_table(void **state)
{
    struct fx *f = *state;
    if (!have_shell())
        skip();
    long long n;
    assert_true(db_has_column(f->db, "person", "name"));
    assert_false(db_has_column(f->db, "person", "nickname"));
    assert_int_equal(shell(f->t.db, "ALTER TABLE agency ADD COLUMN motto TEXT; "
                                    "ALTER TABLE person ADD COLUMN nickname "
                                    "TEXT;"), 0);
    /* agency had not been asked about: read now, with its new column */
    assert_true(db_has_column(f->db, "agency", "motto"));
    /* person, read before, is read again */
    assert_true(db_has_column(f->db, "person", "nickname"));
    assert_true(db_column_refers_to(f->db, "person", "agency_id", "agency"));
    assert_int_equal(shell(f->t.db, "ALTER TABLE person DROP COLUMN nickname; "
                                    "ALTER TABLE agency DROP COLUMN motto; "
                                    "CREATE TABLE extra (id TEXT PRIMARY KEY, "
                                    "agency_id TEXT REFERENCES agency (id));"),
                     0);
    assert_int_equal(db_count_live(f->db, "person", &n), TP_OK);
    assert_false(db_has_column(f->db, "person", "nickname"));
    assert_false(db_has_column(f->db, "agency", "motto"));
    /* a foreign key asked about before the table's columns */
    assert_true(db_column_refers_to(f->db, "extra", "agency_id", "agency"));
    assert_true(db_has_column(f->db, "extra", "agency_id"));
    assert_false(db_column_refers_to(f->db, "extra", "id", "agency"));
}

/* ---- lists -------------------------------------------------------------- */

static void test_thai_order_desc_paging(void **state)
{
    struct fx *f = *state;
    /* code point order would be กา ขาว ไก่ */
    const char *names[] = {"ขาว", "ไก่", "กา", "เกษตร", "คน"};
    for (size_t i = 0; i < 5; i++)
        add_person(f->db, names[i], NULL);
    const char *cols[] = {"name"};
    db_list_query q = {.table = "person", .columns = cols, .n_columns = 1,
                       .order_column = "name"};
    struct collect c;
    assert_string_equal(list(f->db, &q, &c), "กา|เกษตร|ไก่|ขาว|คน");
    q.order_desc = true;
    assert_string_equal(list(f->db, &q, &c), "คน|ขาว|ไก่|เกษตร|กา");
    q.order_desc = false;
    q.offset = 1;
    q.limit = 2;
    assert_string_equal(list(f->db, &q, &c), "เกษตร|ไก่");
    q.offset = 4;
    assert_string_equal(list(f->db, &q, &c), "คน");
    long n = -1;
    assert_int_equal(db_list_count(f->db, &q, &n), TP_OK);
    assert_int_equal(n, 5); /* offset and limit ignored */
    /* stopping early */
    q.offset = 0;
    q.limit = 0;
    memset(&c, 0, sizeof c);
    c.stop_after = 2;
    assert_int_equal(db_list(f->db, &q, collect_row, &c), TP_OK);
    assert_int_equal(c.rows, 2);
}

static void test_position(void **state)
{
    struct fx *f = *state;
    char a[DB_UUID_LEN], b[DB_UUID_LEN], k[DB_UUID_LEN];
    add_person(f->db, "ขาว", k);
    add_person(f->db, "ไก่", b);
    add_person(f->db, "กา", a);
    const char *cols[] = {"name"};
    db_list_query q = {.table = "person", .columns = cols, .n_columns = 1,
                       .order_column = "name", .limit = 1, .offset = 2};
    long pos = -1;
    assert_int_equal(db_list_position(f->db, &q, a, &pos), TP_OK);
    assert_int_equal(pos, 0);
    assert_int_equal(db_list_position(f->db, &q, b, &pos), TP_OK);
    assert_int_equal(pos, 1);
    assert_int_equal(db_list_position(f->db, &q, k, &pos), TP_OK);
    assert_int_equal(pos, 2);
    q.order_desc = true;
    assert_int_equal(db_list_position(f->db, &q, k, &pos), TP_OK);
    assert_int_equal(pos, 0);
    q.search = "ไก";
    assert_int_equal(db_list_position(f->db, &q, b, &pos), TP_OK);
    assert_int_equal(pos, 0);
    assert_int_equal(db_list_position(f->db, &q, k, &pos), TP_ERR_NOTFOUND);
    /* with the place tree in a WITH clause */
    db_list_query pq = {.table = "place", .order_column = "name",
                        .place_column = "id", .place_id = f->tambon_a};
    assert_int_equal(db_list_position(f->db, &pq, f->tambon_a, &pos), TP_OK);
    assert_int_equal(db_list_position(f->db, &pq, f->tambon_b, &pos), TP_ERR_NOTFOUND);
}

static void add_meeting(struct fx *f, const char *date, const char *place,
                        const char *title, char id[DB_UUID_LEN])
{
    db_meeting m = {.circle = "kit", .held_on = date, .place_id = place,
                    .title = title};
    assert_int_equal(db_meeting_add(f->db, &m, id), TP_OK);
}

static void test_search(void **state)
{
    struct fx *f = *state;
    add_meeting(f, "2005-10-11", NULL, "วงเรียนรู้คุณอำนวย", NULL);
    add_meeting(f, "2005-10-15", NULL, "ประชุมทำแผนพัฒนา", NULL);
    add_meeting(f, "2005-10-19", NULL, "เวทีทุ่งสง AAR Meeting", NULL);
    const char *cols[] = {"held_on"};
    const char *scols[] = {"title", "purpose"};
    db_list_query q = {.table = "meeting", .columns = cols, .n_columns = 1,
                       .order_column = "held_on", .search_columns = scols,
                       .n_search = 2};
    struct collect c;
    q.search = "ว"; /* one Thai character */
    assert_string_equal(list(f->db, &q, &c), "2005-10-11|2005-10-19");
    q.search = "แผ"; /* two */
    assert_string_equal(list(f->db, &q, &c), "2005-10-15");
    q.search = "คุณอำนวย"; /* more */
    assert_string_equal(list(f->db, &q, &c), "2005-10-11");
    q.search = "meeting"; /* ASCII without case */
    assert_string_equal(list(f->db, &q, &c), "2005-10-19");
    /* tone mark typed before the vowel below: NFC puts it after */
    q.search = "ท\u0E48\u0E38ง";
    assert_string_equal(list(f->db, &q, &c), "2005-10-19");
    q.search = "ไม่มี";
    assert_string_equal(list(f->db, &q, &c), "");
    q.search = "";
    assert_int_equal(c.rows, 0);
    assert_string_equal(list(f->db, &q, &c), "2005-10-11|2005-10-15|2005-10-19");
    q.search = "%"; /* no LIKE wildcards */
    assert_string_equal(list(f->db, &q, &c), "");
    q.search = "\xff";
    assert_int_not_equal(db_list(f->db, &q, collect_row, &c), TP_OK);
}

static void test_filters_dates_places(void **state)
{
    struct fx *f = *state;
    add_meeting(f, "2005-09-15", f->vil_a1, "a1", NULL);
    add_meeting(f, "2005-10-11", f->vil_a2, "a2", NULL);
    add_meeting(f, "2005-10-25", f->tambon_a, "a", NULL);
    add_meeting(f, "2005-11-28", f->vil_b1, "b1", NULL);
    add_meeting(f, "2005-12-02", NULL, "none", NULL);
    const char *cols[] = {"title"};
    db_list_query q = {.table = "meeting", .columns = cols, .n_columns = 1,
                       .order_column = "held_on"};
    struct collect c;
    q.place_column = "place_id";
    q.place_id = f->tambon_a; /* the tambon finds its villages' meetings */
    assert_string_equal(list(f->db, &q, &c), "a1|a2|a");
    q.place_id = f->prov;
    assert_string_equal(list(f->db, &q, &c), "a1|a2|a|b1");
    q.place_id = f->vil_b1;
    assert_string_equal(list(f->db, &q, &c), "b1");
    q.place_id = NULL;
    q.date_column = "held_on";
    q.date_from = "2005-10-11";
    q.date_to = "2005-11-28"; /* inclusive */
    assert_string_equal(list(f->db, &q, &c), "a2|a|b1");
    q.date_from = NULL;
    assert_string_equal(list(f->db, &q, &c), "a1|a2|a|b1");
    q.date_to = NULL;
    db_value flt[] = {DB_V_TEXT("title", "a"), DB_V_TEXT("circle", "kit")};
    q.filters = flt;
    q.n_filters = 2;
    assert_string_equal(list(f->db, &q, &c), "a");
    db_value nul[] = {DB_V_NULL("place_id")};
    q.filters = nul;
    q.n_filters = 1;
    assert_string_equal(list(f->db, &q, &c), "none");
    /* names that are not columns are refused, never quoted in */
    db_value bad[] = {DB_V_TEXT("title\" OR 1 --", "x")};
    q.filters = bad;
    assert_int_equal(db_list(f->db, &q, collect_row, &c), TP_ERR_INVALID);
    q.filters = NULL;
    q.n_filters = 0;
    q.order_column = "nope";
    assert_int_equal(db_list(f->db, &q, collect_row, &c), TP_ERR_INVALID);
    q.order_column = "held_on";
    q.table = "audit_log"; /* not a record table */
    assert_int_equal(db_list(f->db, &q, collect_row, &c), TP_ERR_INVALID);
    q.table = "nope";
    assert_int_equal(db_list(f->db, &q, collect_row, &c), TP_ERR_INVALID);
}

static void test_include_deleted_and_record(void **state)
{
    struct fx *f = *state;
    char a[DB_UUID_LEN], b[DB_UUID_LEN];
    add_person(f->db, "กา", a);
    add_person(f->db, "ขาว", b);
    assert_int_equal(db_tombstone(f->db, "person", a, 1), TP_OK);
    const char *cols[] = {"name"};
    db_list_query q = {.table = "person", .columns = cols, .n_columns = 1,
                       .order_column = "name"};
    struct collect c;
    assert_string_equal(list(f->db, &q, &c), "ขาว");
    assert_false(c.saw_deleted);
    q.include_deleted = true;
    assert_string_equal(list(f->db, &q, &c), "กา|ขาว");
    assert_true(c.saw_deleted);
    long n = 0;
    assert_int_equal(db_list_count(f->db, &q, &n), TP_OK);
    assert_int_equal(n, 2);

    /* one record, tombstoned or not */
    const char *rc[] = {"name", "phone", "title"};
    memset(&c, 0, sizeof c);
    assert_int_equal(db_record_get(f->db, "person", a, rc, 3, collect_row, &c), TP_OK);
    assert_string_equal(c.buf, "กา");
    assert_true(c.saw_deleted);
    assert_int_equal(c.rows, 1);
    assert_int_equal(db_record_get(f->db, "person", "x", rc, 3, collect_row, &c), TP_ERR_NOTFOUND);
    const char *badc[] = {"name", "nope"};
    assert_int_equal(db_record_get(f->db, "person", a, badc, 2, collect_row, &c), TP_ERR_INVALID);

    char *label = NULL;
    assert_int_equal(db_ref_label(f->db, "person", "name", b, &label), TP_OK);
    assert_string_equal(label, "ขาว");
    free(label);
    assert_int_equal(db_ref_label(f->db, "person", "phone", b, &label), TP_OK);
    assert_string_equal(label, ""); /* NULL shows as empty */
    free(label);
    assert_int_equal(db_ref_label(f->db, "person", "name", "x", &label), TP_ERR_NOTFOUND);
    assert_null(label);
    assert_int_equal(db_ref_label(f->db, "person", "nope", b, &label), TP_ERR_INVALID);
}

/* Values of a record via db_record_get, for checking one column. */
struct one {
    char v[128];
    long long version;
};

static int one_fn(void *ctx, const db_row *r)
{
    struct one *o = ctx;
    snprintf(o->v, sizeof o->v, "%s", r->values[0] ? r->values[0] : "(null)");
    o->version = r->version;
    return 0;
}

/* ---- multiref ----------------------------------------------------------- */

static void id_fn(void *ctx, const char *id)
{
    struct collect *c = ctx;
    size_t used = strlen(c->buf);
    snprintf(c->buf + used, sizeof c->buf - used, "%s%.8s", c->rows++ ? "|" : "", id);
}

static const char *others(struct fx *f, const char *m, struct collect *c)
{
    memset(c, 0, sizeof *c);
    assert_int_equal(db_multiref_get(f->db, "attendance", "meeting_id", m,
                                     "person_id", id_fn, c), TP_OK);
    return c->buf;
}

/* The attendance row of (m, p), live or not; its id into id. */
static long attendance_rows(struct fx *f, const char *m, const char *p,
                            char id[DB_UUID_LEN])
{
    db_value flt[] = {DB_V_TEXT("meeting_id", m), DB_V_TEXT("person_id", p)};
    db_list_query q = {.table = "attendance", .filters = flt, .n_filters = 2,
                       .include_deleted = true};
    struct collect c = {.ids = true};
    assert_int_equal(db_list(f->db, &q, collect_row, &c), TP_OK);
    if (c.rows == 1)
        snprintf(id, DB_UUID_LEN, "%.36s", c.buf);
    return c.rows;
}

static void test_multiref(void **state)
{
    struct fx *f = *state;
    char m[DB_UUID_LEN], p1[DB_UUID_LEN], p2[DB_UUID_LEN], p3[DB_UUID_LEN];
    add_meeting(f, "2005-10-11", NULL, "วง", m);
    add_person(f->db, "หนึ่ง", p1);
    add_person(f->db, "สอง", p2);
    add_person(f->db, "สาม", p3);
    db_value present[] = {DB_V_TEXT("status", "present")};
    struct collect c;
    char e[64];

    const char *set1[] = {p1, p2, p1}; /* a repeat is one choice */
    assert_int_equal(db_multiref_set(f->db, "attendance", "meeting_id", m, "person_id", set1, 3, present, 1), TP_OK);
    snprintf(e, sizeof e, "%.8s|%.8s", p1, p2);
    assert_string_equal(others(f, m, &c), e);
    int n = 0;
    assert_int_equal(db_meeting_attendees(f->db, m, &n), TP_OK);
    assert_int_equal(n, 2);
    char a1[DB_UUID_LEN];
    assert_int_equal(attendance_rows(f, m, p1, a1), 1);

    /* p1 dropped: tombstoned, not deleted */
    const char *set2[] = {p2, p3};
    assert_int_equal(db_multiref_set(f->db, "attendance", "meeting_id", m, "person_id", set2, 2, present, 1), TP_OK);
    snprintf(e, sizeof e, "%.8s|%.8s", p2, p3);
    assert_string_equal(others(f, m, &c), e);
    long long ver = 0;
    bool deleted = false;
    assert_int_equal(db_row_version(f->db, "attendance", a1, &ver, &deleted), TP_OK);
    assert_true(deleted);

    /* p1 again, now late: the same row comes back, with today's values */
    db_value late[] = {DB_V_TEXT("status", "late")};
    const char *set3[] = {p1, p2, p3};
    assert_int_equal(db_multiref_set(f->db, "attendance", "meeting_id", m, "person_id", set3, 3, late, 1), TP_OK);
    char again[DB_UUID_LEN];
    assert_int_equal(attendance_rows(f, m, p1, again), 1);
    assert_string_equal(again, a1);
    const char *st[] = {"status"};
    struct one o;
    assert_int_equal(db_record_get(f->db, "attendance", a1, st, 1, one_fn, &o), TP_OK);
    assert_string_equal(o.v, "late");
    assert_int_equal(db_meeting_attendees(f->db, m, &n), TP_OK);
    assert_int_equal(n, 3);
    long long audits = 0;
    assert_int_equal(db_audit_count(f->db, "attendance", a1, &audits), TP_OK);
    assert_int_equal(audits, 4); /* insert, tombstone, restore, update */

    /* the empty set tombstones all */
    assert_int_equal(db_multiref_set(f->db, "attendance", "meeting_id", m, "person_id", NULL, 0, NULL, 0), TP_OK);
    assert_string_equal(others(f, m, &c), "");
    assert_int_equal(db_meeting_attendees(f->db, m, &n), TP_OK);
    assert_int_equal(n, 0);

    /* a failure half-way leaves the set as it was */
    const char *bad[] = {p1, "not-a-person"};
    assert_int_equal(db_multiref_set(f->db, "attendance", "meeting_id", m, "person_id", bad, 2, present, 1), TP_ERR_CONSTRAINT);
    assert_string_equal(others(f, m, &c), "");
    assert_int_equal(db_multiref_set(f->db, "attendance", "meeting_id", m, "nope", set1, 1, present, 1), TP_ERR_INVALID);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_columns_follow_schema, setup, teardown),
        cmocka_unit_test_setup_teardown(test_columns_read_per_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_thai_order_desc_paging, setup, teardown),
        cmocka_unit_test_setup_teardown(test_position, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search, setup, teardown),
        cmocka_unit_test_setup_teardown(test_filters_dates_places, setup, teardown),
        cmocka_unit_test_setup_teardown(test_include_deleted_and_record, setup, teardown),
        cmocka_unit_test_setup_teardown(test_multiref, setup, teardown),
    };
    return cmocka_run_group_tests_name("db_records", tests, NULL, NULL);
}
