/* The provincial textbook (export book) on a small Thai database: the three
 * formats, escaping, wrapping by display width and libthai words,
 * Buddhist-era dates, the tambon filter and the table of contents. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_test_util.h"
#include "tapian/db.h"
#include "tapian/export.h"
#include "tapian/text.h"

#define STORY1                                                                 \
    "สมาชิกกองทุนหมู่บ้านตกลงกันว่าจะออมเงินวันละหนึ่งบาททุกวัน "           \
    "คณะกรรมการจดบัญชีให้ทุกคนเห็นตรงกันในที่ประชุมประจำเดือน "             \
    "เมื่อครบปีสมาชิกมีเงินออมพอจะช่วยเหลือกันยามเจ็บป่วย"
#define TITLE2 "ป่าชายเลน <&> \"ทดสอบ\""
#define STORY2 "ต้นโกงกาง *สำคัญ* _มาก_ # [ลิงก์](x) `โค้ด`\n1. ข้อแรก\n- ข้อสอง"

struct fx {
    struct tdir t;
    tp_db *db;
    char tambon_a[DB_UUID_LEN], tambon_b[DB_UUID_LEN];
};

static void add_asset(tp_db *db, const char *title, const char *story,
                      const char *topic, const char *group, const char *meeting)
{
    db_value v[] = {
        DB_V_TEXT("title", title), DB_V_TEXT("story", story),
        DB_V_TEXT("topic", topic), DB_V_TEXT("tags", "ออม,บัญชี"),
        group ? DB_V_TEXT("group_id", group) : DB_V_NULL("group_id"),
        meeting ? DB_V_TEXT("meeting_id", meeting) : DB_V_NULL("meeting_id"),
    };
    assert_int_equal(db_insert(db, "knowledge_asset", v, 6, NULL), TP_OK);
}

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    tdir_make(&f->t);
    db_open_opts o = {.no_pilot_data = true, .user = "test"};
    assert_int_equal(db_open(f->t.db, &o, &f->db), TP_OK);
    char prov[DB_UUID_LEN], amphoe[DB_UUID_LEN], village[DB_UUID_LEN];
    char group[DB_UUID_LEN], meeting[DB_UUID_LEN];
    assert_int_equal(db_place_add(f->db, &(db_place){.kind = "province",
                     .name = "นครศรีธรรมราช"}, prov), TP_OK);
    assert_int_equal(db_place_add(f->db, &(db_place){.kind = "amphoe",
                     .parent_id = prov, .name = "เมืองนครศรีธรรมราช"}, amphoe), TP_OK);
    assert_int_equal(db_place_add(f->db, &(db_place){.kind = "tambon",
                     .parent_id = amphoe, .name = "ท่าไร่"}, f->tambon_a), TP_OK);
    assert_int_equal(db_place_add(f->db, &(db_place){.kind = "tambon",
                     .parent_id = amphoe, .name = "บางจาก"}, f->tambon_b), TP_OK);
    assert_int_equal(db_place_add(f->db, &(db_place){.kind = "village",
                     .parent_id = f->tambon_a, .moo = 3}, village), TP_OK);
    assert_int_equal(db_group_add(f->db, "village_fund", "กองทุนหมู่บ้านหมู่ 3",
                                  village, group), TP_OK);
    db_meeting m = {.circle = "field_stage", .held_on = "2005-10-11",
                    .place_id = f->tambon_b, .title = "เวทีตำบลบางจาก"};
    assert_int_equal(db_meeting_add(f->db, &m, meeting), TP_OK);
    add_asset(f->db, "ออมวันละบาท", STORY1, "finance", group, NULL);
    add_asset(f->db, TITLE2, STORY2, "natural_resources", NULL, meeting);
    add_asset(f->db, "ขยะในคลอง", "แยกขยะก่อนทิ้ง", "environment", NULL, NULL);
    db_value l[] = {
        DB_V_TEXT("kind", "aar"), DB_V_TEXT("title", "ทบทวนเวทีบางจาก"),
        DB_V_TEXT("expected", "ประธานกองทุนมาครบทุกหมู่บ้าน"),
        DB_V_TEXT("happened", "มาเจ็ดหมู่บ้านจากเก้า"),
        DB_V_TEXT("why", "แจ้งล่วงหน้าน้อยเกินไป"),
        DB_V_TEXT("next_time", "แจ้งล่วงหน้าหนึ่งสัปดาห์"),
        DB_V_TEXT("meeting_id", meeting), DB_V_TEXT("written_on", "2005-10-15"),
    };
    assert_int_equal(db_insert(f->db, "lesson", l, 8, NULL), TP_OK);
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

/* The whole book in memory. */
static char *book(struct fx *f, book_format fmt, int width, const char *tambon,
                  tp_status want)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    book_opts o = {.format = fmt, .width = width, .tambon = tambon};
    book_stats st;
    assert_int_equal(book_export(f->db, &o, m, &st), want);
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

static void test_html(void **state)
{
    struct fx *f = *state;
    char *path = tdir_path(&f->t, "book.html");
    book_opts o = {.format = BOOK_HTML};
    book_stats st;
    assert_int_equal(book_export_file(f->db, &o, path, &st), TP_OK);
    assert_int_equal(st.assets, 3);
    assert_int_equal(st.lessons, 1);
    size_t n;
    char *html = slurp(path, &n);
    assert_non_null(html);
    assert_non_null(strstr(html, "<html lang=\"th\">"));
    assert_non_null(strstr(html, "\"Sarabun\", \"TH Sarabun New\""));
    assert_non_null(strstr(html, "page-break-before: always"));
    assert_non_null(strstr(html, "@page"));
    assert_null(strstr(html, "http"));       /* nothing fetched from outside */
    assert_null(strstr(html, "src="));
    assert_int_equal(count(html, "<h5>ออมวันละบาท</h5>"), 1);
    assert_int_equal(count(html, "<h5>ขยะในคลอง</h5>"), 1);
    assert_int_equal(count(html, "ป่าชายเลน &lt;&amp;&gt; &quot;ทดสอบ&quot;"), 1);
    assert_null(strstr(html, "<&>"));
    assert_int_equal(count(html, "class=\"record asset\""), 3);
    assert_int_equal(count(html, "<h5>ทบทวนเวทีบางจาก</h5>"), 1);
    assert_non_null(strstr(html, "11 ต.ค. 2548"));
    assert_non_null(strstr(html, "15 ต.ค. 2548"));
    /* the table of contents links every chapter */
    assert_int_equal(count(html, "<li><a href=\"#chapter-"), 4);
    assert_int_equal(count(html, "<div class=\"chapter\""), 4);
    free(html);
    if (system("command -v xmllint >/dev/null 2>&1") != 0) {
        free(path);
        skip();
    }
    char *err = tdir_path(&f->t, "xmllint.err");
    char line[512];
    snprintf(line, sizeof line, "xmllint --html --noout '%s' 2>'%s'", path, err);
    assert_int_equal(system(line), 0);
    char *msgs = slurp(err, &n);
    assert_non_null(msgs);
    assert_int_equal(n, 0); /* no "Tag … invalid" either */
    free(msgs);
    free(err);
    free(path);
}

static void test_markdown_escapes(void **state)
{
    struct fx *f = *state;
    char *md = book(f, BOOK_MD, 0, NULL, TP_OK);
    assert_non_null(strstr(md, "##### ป่าชายเลน \\<\\&\\> \"ทดสอบ\""));
    assert_non_null(strstr(md, "\\*สำคัญ\\* \\_มาก\\_ \\# \\[ลิงก์\\](x) "
                               "\\`โค้ด\\`"));
    assert_non_null(strstr(md, "\n1\\. ข้อแรก\n"));
    assert_non_null(strstr(md, "\n\\- ข้อสอง\n"));
    assert_int_equal(count(md, "##### ออมวันละบาท\n"), 1);
    assert_non_null(strstr(md, "#### กองทุนหมู่บ้านหมู่ 3\n"));
    assert_non_null(strstr(md, "11 ต.ค. 2548"));
    free(md);
}

/* Every line fits in width columns, every underline is as wide as its
 * heading, and every libthai word of the story that fits is on one line. */
static void check_text(const char *txt, int width)
{
    char *joined_lines = calloc(strlen(txt) + 2, 1);
    int block = 0; /* widest line since the last blank one: a heading */
    for (const char *l = txt; *l;) {
        const char *nl = strchr(l, '\n');
        size_t len = nl ? (size_t)(nl - l) : strlen(l);
        int w = text_width(l, len);
        assert_true(w <= width);
        if (len && strspn(l, "=") >= len)
            assert_int_equal((int)len, block);
        block = len ? (w > block ? w : block) : 0;
        strcat(joined_lines, "|");
        strncat(joined_lines, l, len);
        l += len + (nl ? 1 : 0);
    }
    const char *s = STORY1;
    size_t n = strlen(s);
    for (size_t a = 0; a < n;) {
        size_t b = text_word_next(s, n, a);
        char word[256];
        size_t len = b - a;
        while (len && s[a + len - 1] == ' ')
            len--;
        snprintf(word, sizeof word, "%.*s", (int)len, s + a);
        if (text_width(word, len) <= width)
            assert_non_null(strstr(joined_lines, word));
        a = b;
    }
    free(joined_lines);
}

static void test_text_wrapping(void **state)
{
    struct fx *f = *state;
    int widths[] = {20, 33, 40, 72};
    for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
        char *txt = book(f, BOOK_TEXT, widths[i], NULL, TP_OK);
        check_text(txt, widths[i]);
        assert_non_null(strstr(txt, "ท่าไร่"));
        free(txt);
    }
    char *txt = book(f, BOOK_TEXT, 0, NULL, TP_OK); /* 72 */
    check_text(txt, 72);
    assert_non_null(strstr(txt, "11 ต.ค. 2548"));
    free(txt);
    free(book(f, BOOK_TEXT, 5, NULL, TP_ERR_INVALID));
}

static void test_toc_lists_every_chapter(void **state)
{
    struct fx *f = *state;
    char *txt = book(f, BOOK_TEXT, 72, NULL, TP_OK);
    const char *chapters[] = {"Chapter 1: Finance", "Chapter 2: Natural resources",
                              "Chapter 3: Environment",
                              "Chapter 4: Lessons learned"};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(count(txt, chapters[i]), 2); /* contents + heading */
    assert_true(strstr(txt, chapters[3]) < strstr(txt, "ออมวันละบาท"));
    free(txt);
}

static void test_tambon_filter(void **state)
{
    struct fx *f = *state;
    char *md = book(f, BOOK_MD, 0, "บางจาก", TP_OK);
    assert_non_null(strstr(md, "ป่าชายเลน"));
    assert_non_null(strstr(md, "ทบทวนเวทีบางจาก"));
    assert_null(strstr(md, "ออมวันละบาท"));
    assert_null(strstr(md, "ขยะในคลอง"));
    free(md);
    md = book(f, BOOK_MD, 0, f->tambon_a, TP_OK); /* by id, via the village */
    assert_non_null(strstr(md, "ออมวันละบาท"));
    assert_null(strstr(md, "ป่าชายเลน"));
    assert_null(strstr(md, "ทบทวนเวทีบางจาก"));
    free(md);
    free(book(f, BOOK_MD, 0, "ไม่มีตำบลนี้", TP_ERR_NOTFOUND));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_html, setup, teardown),
        cmocka_unit_test_setup_teardown(test_markdown_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_wrapping, setup, teardown),
        cmocka_unit_test_setup_teardown(test_toc_lists_every_chapter, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_tambon_filter, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
