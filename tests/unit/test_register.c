/* The blank bookkeeping register (export register) and "cited by": the
 * version chosen by id, label or as the newest approved; registers in Thai
 * order with their columns by position; tombstones left out; the HTML
 * checked by libxml2's HTML parser (xmllint), the CSV read back through
 * the CSV reader; the lessons and assets citing a meeting, group, person
 * or lesson. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_test_util.h"
#include "../../src/csv/csv_internal.h"
#include "tapian/db.h"
#include "tapian/db_cited.h"
#include "tapian/db_register.h"
#include "tapian/export.h"

struct fx {
    struct tdir t;
    tp_db *db;
    char approved[DB_UUID_LEN], draft[DB_UUID_LEN], old[DB_UUID_LEN];
    char members[DB_UUID_LEN], savings[DB_UUID_LEN];
    char group[DB_UUID_LEN], meeting[DB_UUID_LEN], person[DB_UUID_LEN];
    char lesson[DB_UUID_LEN], village[DB_UUID_LEN];
};

static void version(tp_db *db, const char *label, const char *approved_by,
                    const char *approved_at, char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("label", label),
        DB_V_TEXT("status", approved_by ? "approved" : "draft"),
        approved_by ? DB_V_TEXT("approved_by", approved_by)
                    : DB_V_NULL("approved_by"),
        approved_at ? DB_V_TEXT("approved_at", approved_at)
                    : DB_V_NULL("approved_at"),
    };
    assert_int_equal(db_insert(db, "register_format_version", v, 4, id), TP_OK);
}

static void reg(tp_db *db, const char *version_id, const char *name,
                const char *agency, char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("format_version_id", version_id), DB_V_TEXT("name", name),
        agency ? DB_V_TEXT("source_agency_id", agency)
               : DB_V_NULL("source_agency_id"),
    };
    assert_int_equal(db_insert(db, "register", v, 3, id), TP_OK);
}

static void column(tp_db *db, const char *register_id, int position,
                   const char *name, const char *kind, char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("register_id", register_id), DB_V_INT("position", position),
        DB_V_TEXT("name", name), DB_V_TEXT("kind", kind),
    };
    assert_int_equal(db_insert(db, "register_column", v, 4, id), TP_OK);
}

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    tdir_make(&f->t);
    db_open_opts o = {.no_pilot_data = true, .user = "test"};
    assert_int_equal(db_open(f->t.db, &o, &f->db), TP_OK);
    char prov[DB_UUID_LEN], amphoe[DB_UUID_LEN], tambon[DB_UUID_LEN];
    char agency[DB_UUID_LEN], id[DB_UUID_LEN];
    char *village = f->village;
    assert_int_equal(db_place_add(f->db, &(db_place){.kind = "province",
                     .name = "นครศรีธรรมราช"}, prov), TP_OK);
    assert_int_equal(db_place_add(f->db, &(db_place){.kind = "amphoe",
                     .parent_id = prov, .name = "เมืองนครศรีธรรมราช"}, amphoe), TP_OK);
    assert_int_equal(db_place_add(f->db, &(db_place){.kind = "tambon",
                     .parent_id = amphoe, .name = "ท่าไร่"}, tambon), TP_OK);
    assert_int_equal(db_place_add(f->db, &(db_place){.kind = "village",
                     .parent_id = tambon, .moo = 3, .name = "บ้านท่าไร่"},
                     village), TP_OK);
    assert_int_equal(db_group_add(f->db, "sajja_savings", "กลุ่มสัจจะออมทรัพย์",
                                  village, f->group), TP_OK);
    /* a second group of another name in the same village */
    assert_int_equal(db_group_add(f->db, "village_fund", "กองทุนหมู่บ้าน",
                                  village, id), TP_OK);
    assert_int_equal(db_agency_add(f->db, "ธกส.",
                                   "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร",
                                   true, agency), TP_OK);
    assert_int_equal(db_person_add(f->db, "ผู้ว่าฯ", "วิชม ทองสงค์", NULL,
                                   f->person), TP_OK);
    version(f->db, "รุ่น 2548", f->person, "2005-11-01", f->old);
    version(f->db, "รุ่น 2549", f->person, "2006-03-15", f->approved);
    version(f->db, "ร่าง 2550", NULL, NULL, f->draft);
    /* registers of the approved version, entered out of Thai order */
    reg(f->db, f->approved, "ทะเบียนสมาชิก", NULL, f->members);
    reg(f->db, f->approved, "ทะเบียนเงินฝาก <สัจจะ> & \"ออม\"", agency,
        f->savings);
    reg(f->db, f->approved, "ทะเบียนคุมลูกหนี้", NULL, id); /* no columns */
    reg(f->db, f->approved, "ทะเบียนที่เลิกใช้", NULL, id);
    assert_int_equal(db_tombstone(f->db, "register", id, 1), TP_OK);
    reg(f->db, f->old, "ทะเบียนรุ่นเก่า", NULL, id);
    column(f->db, id, 1, "เก่า", "text", NULL);
    reg(f->db, f->draft, "ทะเบียนร่าง", NULL, id);
    column(f->db, id, 1, "ชื่อ", "text", NULL);
    /* columns by position, entered in another order */
    column(f->db, f->savings, 3, "ลายมือชื่อ, ผู้ฝาก", "text", NULL);
    column(f->db, f->savings, 1, "วันที่ฝาก", "date", NULL);
    column(f->db, f->savings, 2, "จำนวนเงิน", "money", NULL);
    column(f->db, f->savings, 4, "ลบแล้ว", "text", id);
    assert_int_equal(db_tombstone(f->db, "register_column", id, 1), TP_OK);
    column(f->db, f->members, 2, "ชื่อ–สกุล", "text", NULL);
    column(f->db, f->members, 1, "เลขที่สมาชิก", "number", NULL);
    /* sources for "cited by" */
    db_meeting m = {.circle = "kit", .held_on = "2005-11-28",
                    .place_id = tambon, .title = "ประชุมสรุปบทเรียน"};
    assert_int_equal(db_meeting_add(f->db, &m, f->meeting), TP_OK);
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

struct version_seen {
    char id[DB_UUID_LEN];
    char status[16];
};

static void take_version(void *ctx, const db_register_version *v)
{
    struct version_seen *s = ctx;
    snprintf(s->id, sizeof s->id, "%s", v->id);
    snprintf(s->status, sizeof s->status, "%s", v->status);
}

static void test_version_choice(void **state)
{
    struct fx *f = *state;
    struct version_seen s;
    assert_int_equal(db_register_version_get(f->db, NULL, take_version, &s), TP_OK);
    assert_string_equal(s.id, f->approved); /* the newest approved */
    assert_int_equal(db_register_version_get(f->db, "ร่าง 2550", take_version, &s),
                     TP_OK);
    assert_string_equal(s.id, f->draft);
    assert_string_equal(s.status, "draft");
    assert_int_equal(db_register_version_get(f->db, f->old, take_version, &s), TP_OK);
    assert_string_equal(s.id, f->old);
    assert_int_equal(db_register_version_get(f->db, "ไม่มี", take_version, &s),
                     TP_ERR_NOTFOUND);
    /* the newest approved goes away: the older one is the default */
    assert_int_equal(db_tombstone(f->db, "register_format_version", f->approved, 1),
                     TP_OK);
    assert_int_equal(db_register_version_get(f->db, NULL, take_version, &s), TP_OK);
    assert_string_equal(s.id, f->old);
}

static bool take_cell(void *ctx, const db_register_cell *c)
{
    FILE *m = ctx;
    fprintf(m, "%s|%s|%d|%s|%s\n", c->register_name,
            c->agency ? c->agency : "-", c->position,
            c->column ? c->column : "-", c->kind ? c->kind : "-");
    return true;
}

static void test_registers_in_order(void **state)
{
    struct fx *f = *state;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_int_equal(db_register_cells(f->db, f->approved, take_cell, m), TP_OK);
    fclose(m);
    /* Thai order of names (ค < ง < ส, leading vowels ignored), columns by
     * position, tombstoned ones left out, a register without columns
     * once */
    assert_string_equal(buf,
        "ทะเบียนคุมลูกหนี้|-|0|-|-\n"
        "ทะเบียนเงินฝาก <สัจจะ> & \"ออม\"|ธกส.|1|วันที่ฝาก|date\n"
        "ทะเบียนเงินฝาก <สัจจะ> & \"ออม\"|ธกส.|2|จำนวนเงิน|money\n"
        "ทะเบียนเงินฝาก <สัจจะ> & \"ออม\"|ธกส.|3|ลายมือชื่อ, ผู้ฝาก|text\n"
        "ทะเบียนสมาชิก|-|1|เลขที่สมาชิก|number\n"
        "ทะเบียนสมาชิก|-|2|ชื่อ–สกุล|text\n");
    free(buf);
}

static char *export_mem(struct fx *f, const register_opts *o, tp_status want,
                        register_stats *st)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_int_equal(register_export(f->db, o, m, st), want);
    fclose(m);
    return buf;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* Runs xmllint with args on path; its standard output (errors to err). */
static char *xmllint(struct fx *f, const char *args, const char *path)
{
    char *out = tdir_path(&f->t, "xmllint.out");
    char *err = tdir_path(&f->t, "xmllint.err");
    char line[1024];
    snprintf(line, sizeof line, "xmllint --html %s '%s' >'%s' 2>'%s'", args,
             path, out, err);
    assert_int_equal(system(line), 0);
    size_t n = 0;
    char *msgs = slurp(err, &n);
    assert_non_null(msgs);
    assert_int_equal(n, 0); /* no "Tag … invalid" either */
    free(msgs);
    char *text = slurp(out, &n);
    assert_non_null(text);
    while (n && text[n - 1] == '\n')
        text[--n] = '\0'; /* a count is printed with a newline */
    free(out);
    free(err);
    return text;
}

static void test_html(void **state)
{
    struct fx *f = *state;
    char *path = tdir_path(&f->t, "register.html");
    register_opts o = {.format = REGISTER_HTML, .rows = 12, .group = f->group};
    register_stats st;
    assert_int_equal(register_export_file(f->db, &o, path, &st), TP_OK);
    assert_int_equal(st.registers, 3);
    assert_int_equal(st.columns, 5);
    assert_false(st.draft);
    assert_string_equal(st.label, "รุ่น 2549");
    size_t n;
    char *html = slurp(path, &n);
    assert_non_null(html);
    assert_non_null(strstr(html, "<html lang=\"th\">"));
    assert_non_null(strstr(html, "size: A4 landscape"));
    assert_non_null(strstr(html, "\"Sarabun\", \"TH Sarabun New\""));
    assert_non_null(strstr(html, "break-after: page"));
    assert_null(strstr(html, "http"));       /* nothing fetched from outside */
    assert_null(strstr(html, "src="));
    assert_null(strstr(html, "<สัจจะ>"));    /* escaped */
    assert_int_equal(count(html, "ทะเบียนเงินฝาก &lt;สัจจะ&gt; &amp; &quot;ออม&quot;"), 1);
    assert_non_null(strstr(html, "15 มี.ค. 2549")); /* approval, Buddhist era */
    assert_non_null(strstr(html, "ผู้ว่าฯ วิชม ทองสงค์"));
    assert_non_null(strstr(html, "กลุ่มสัจจะออมทรัพย์"));
    assert_null(strstr(html, "class=\"draft\""));
    assert_null(strstr(html, "ทะเบียนที่เลิกใช้"));
    assert_null(strstr(html, "ลบแล้ว"));
    free(html);
    if (system("command -v xmllint >/dev/null 2>&1") != 0) {
        free(path);
        skip();
    }
    /* a real HTML parser sees three pages, two tables, 12 empty rows each
     * with one cell per column, and the columns in position order */
    char *t = xmllint(f, "--xpath 'count(//div[@class=\"register\"])'", path);
    assert_string_equal(t, "3");
    free(t);
    t = xmllint(f, "--xpath 'count(//table)'", path);
    assert_string_equal(t, "2");
    free(t);
    t = xmllint(f, "--xpath 'count((//table)[1]/tbody/tr)'", path);
    assert_string_equal(t, "12");
    free(t);
    t = xmllint(f, "--xpath 'count(//div[h1=\"ทะเบียนสมาชิก\"]//tbody/tr[td[2]][not(td[3])])'",
                path);
    assert_string_equal(t, "12");
    free(t);
    t = xmllint(f, "--xpath 'string(//div[h1=\"ทะเบียนสมาชิก\"]//thead/tr)'", path);
    assert_string_equal(t, "เลขที่สมาชิกชื่อ–สกุล");
    free(t);
    t = xmllint(f, "--xpath 'string(//div[h1=\"ทะเบียนคุมลูกหนี้\"]/p[@class=\"no-columns\"])'",
                path);
    assert_true(strlen(t) > 0);
    free(t);
    t = xmllint(f, "--xpath 'string((//col)[2]/@class)'", path);
    assert_string_equal(t, "money");
    free(t);
    free(path);
}

static void test_draft_is_marked(void **state)
{
    struct fx *f = *state;
    register_opts o = {.format = REGISTER_HTML, .version = "ร่าง 2550"};
    register_stats st;
    char *html = export_mem(f, &o, TP_OK, &st);
    assert_true(st.draft);
    assert_int_equal(count(html, "<p class=\"draft\">"), 1);
    assert_int_equal(count(html, "<tr><td></td></tr>"), REGISTER_ROWS_DEFAULT);
    free(html);
}

static void test_csv_reads_back(void **state)
{
    struct fx *f = *state;
    char *path = tdir_path(&f->t, "register.csv");
    register_opts o = {.format = REGISTER_CSV, .rows = 3,
                       .register_name = "ทะเบียนเงินฝาก <สัจจะ> & \"ออม\""};
    register_stats st;
    assert_int_equal(register_export_file(f->db, &o, path, &st), TP_OK);
    assert_int_equal(st.registers, 1);
    size_t n;
    char *raw = slurp(path, &n);
    assert_non_null(raw);
    assert_memory_equal(raw, "\xEF\xBB\xBF", 3); /* BOM for Excel */
    free(raw);
    csv_records r;
    long bad = 0;
    assert_int_equal(csv_read_file(path, &r, &bad), TP_OK);
    /* name, version, approval, agency, group, period, header, 3 rows */
    assert_int_equal(r.n, 10);
    assert_string_equal(r.recs[0].fields[0].s, "ทะเบียนเงินฝาก <สัจจะ> & \"ออม\"");
    assert_non_null(strstr(r.recs[1].fields[0].s, "รุ่น 2549"));
    assert_non_null(strstr(r.recs[2].fields[0].s, "15 มี.ค. 2549"));
    assert_non_null(strstr(r.recs[3].fields[0].s, "ธกส."));
    const csv_record *h = &r.recs[6];
    assert_int_equal(h->n, 3);
    assert_string_equal(h->fields[0].s, "วันที่ฝาก");
    assert_string_equal(h->fields[1].s, "จำนวนเงิน");
    assert_string_equal(h->fields[2].s, "ลายมือชื่อ, ผู้ฝาก");
    for (size_t i = 7; i < 10; i++) {
        assert_int_equal(r.recs[i].n, 3);
        for (size_t c = 0; c < 3; c++)
            assert_int_equal(r.recs[i].fields[c].len, 0);
    }
    csv_records_free(&r);
    free(path);
}

static void test_missing(void **state)
{
    struct fx *f = *state;
    register_stats st;
    register_opts o = {.format = REGISTER_CSV, .version = "ไม่มี"};
    free(export_mem(f, &o, TP_ERR_NOTFOUND, &st));
    assert_int_equal(st.missing, REGISTER_MISSING_VERSION);
    o = (register_opts){.format = REGISTER_CSV, .group = "ไม่มีกลุ่มนี้"};
    free(export_mem(f, &o, TP_ERR_NOTFOUND, &st));
    assert_int_equal(st.missing, REGISTER_MISSING_GROUP);
    o = (register_opts){.format = REGISTER_CSV, .register_name = "ไม่มี"};
    free(export_mem(f, &o, TP_ERR_NOTFOUND, &st));
    assert_int_equal(st.missing, REGISTER_MISSING_REGISTER);
    o = (register_opts){.format = REGISTER_CSV, .rows = REGISTER_ROWS_MAX + 1};
    free(export_mem(f, &o, TP_ERR_INVALID, &st));
    /* a failed export leaves no file, not even half of one */
    char *path = tdir_path(&f->t, "none.html");
    o = (register_opts){.format = REGISTER_HTML, .version = "ไม่มี"};
    assert_int_equal(register_export_file(f->db, &o, path, &st), TP_ERR_NOTFOUND);
    assert_int_equal(access(path, F_OK), -1);
    free(path);
    /* a group name used twice is refused; its id is not */
    char id[DB_UUID_LEN];
    assert_int_equal(db_group_add(f->db, "sajja_savings", "กลุ่มสัจจะออมทรัพย์",
                                  f->village, id), TP_OK);
    o = (register_opts){.format = REGISTER_CSV, .group = "กลุ่มสัจจะออมทรัพย์"};
    free(export_mem(f, &o, TP_ERR_NOTFOUND, &st));
    assert_int_equal(st.missing, REGISTER_GROUP_AMBIGUOUS);
    o.group = id;
    char *csv = export_mem(f, &o, TP_OK, &st);
    assert_non_null(strstr(csv, "กลุ่มสัจจะออมทรัพย์ (หมู่ 3 บ้านท่าไร่, ตำบลท่าไร่)") ?
                    csv : strstr(csv, "กลุ่มสัจจะออมทรัพย์ (Moo 3 บ้านท่าไร่, Tambon ท่าไร่)"));
    free(csv);
}

static void lesson(tp_db *db, const char *title, const char *meeting,
                   const char *author, char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("kind", "synthesis"), DB_V_TEXT("title", title),
        DB_V_TEXT("written_on", "2005-11-29"),
        meeting ? DB_V_TEXT("meeting_id", meeting) : DB_V_NULL("meeting_id"),
        author ? DB_V_TEXT("author_id", author) : DB_V_NULL("author_id"),
    };
    assert_int_equal(db_insert(db, "lesson", v, 5, id), TP_OK);
}

static void asset(tp_db *db, const char *title, const char *column,
                  const char *source)
{
    db_value v[] = {
        DB_V_TEXT("title", title), DB_V_TEXT("story", "เรื่องเล่า"),
        DB_V_TEXT(column, source),
    };
    assert_int_equal(db_insert(db, "knowledge_asset", v, 3, NULL), TP_OK);
}

static void take_cited(void *ctx, const db_cited_row *r)
{
    fprintf(ctx, "%s|%s|%s|%s\n", r->table, r->title, r->date ? r->date : "-",
            r->column);
}

static char *cited(struct fx *f, const char *table, const char *id)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_int_equal(db_cited_by(f->db, table, id, take_cited, m), TP_OK);
    fclose(m);
    return buf;
}

static void test_cited_by(void **state)
{
    struct fx *f = *state;
    char gone[DB_UUID_LEN];
    lesson(f->db, "สรุปบทเรียนสามตำบล", f->meeting, NULL, f->lesson);
    lesson(f->db, "ขยายผล 400 หมู่บ้าน", f->meeting, f->person, NULL);
    lesson(f->db, "บทเรียนที่ลบแล้ว", f->meeting, NULL, gone);
    assert_int_equal(db_tombstone(f->db, "lesson", gone, 1), TP_OK);
    asset(f->db, "ออมวันละบาท", "meeting_id", f->meeting);
    asset(f->db, "บัญชีกลุ่มสัจจะ", "group_id", f->group);
    asset(f->db, "เรื่องของผู้ว่าฯ", "person_id", f->person);
    asset(f->db, "จากบทเรียน", "lesson_id", f->lesson);
    char *s = cited(f, "meeting", f->meeting);
    /* lessons first, each kind in Thai order; the tombstoned one left out */
    assert_string_equal(s,
        "lesson|ขยายผล 400 หมู่บ้าน|2005-11-29|meeting_id\n"
        "lesson|สรุปบทเรียนสามตำบล|2005-11-29|meeting_id\n"
        "knowledge_asset|ออมวันละบาท|-|meeting_id\n");
    free(s);
    s = cited(f, "person", f->person);
    assert_string_equal(s,
        "lesson|ขยายผล 400 หมู่บ้าน|2005-11-29|author_id\n"
        "knowledge_asset|เรื่องของผู้ว่าฯ|-|person_id\n");
    free(s);
    s = cited(f, "finance_group", f->group);
    assert_string_equal(s, "knowledge_asset|บัญชีกลุ่มสัจจะ|-|group_id\n");
    free(s);
    s = cited(f, "lesson", f->lesson);
    assert_string_equal(s, "knowledge_asset|จากบทเรียน|-|lesson_id\n");
    free(s);
    long long lessons, assets;
    assert_int_equal(db_cited_count(f->db, "meeting", f->meeting, &lessons,
                                    &assets), TP_OK);
    assert_int_equal(lessons, 2);
    assert_int_equal(assets, 1);
    assert_int_equal(db_cited_count(f->db, "finance_group", f->group, &lessons,
                                    &assets), TP_OK);
    assert_int_equal(lessons, 0);
    assert_int_equal(assets, 1);
    /* only the four sources; a lesson names no group */
    assert_int_equal(db_cited_count(f->db, "agency", f->group, &lessons,
                                    &assets), TP_ERR_INVALID);
    assert_null(db_cited_column("lesson", "finance_group"));
    assert_string_equal(db_cited_column("knowledge_asset", "person"), "person_id");
    assert_true(db_cited_source("lesson"));
    assert_false(db_cited_source("note"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_version_choice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_registers_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html, setup, teardown),
        cmocka_unit_test_setup_teardown(test_draft_is_marked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_csv_reads_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cited_by, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
