/* Full-text search on the seed paragraphs: every query length, marks typed
 * in another order, tombstones and edits, against a plain substring scan. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>

#include <sqlite3.h>

#include "db_test_util.h"
#include "tapian/db_search.h"
#include "tapian/text.h"

#define MAX_DOCS 512

struct corpus {
    struct tdir t;
    tp_db *db;
    char *text[MAX_DOCS]; /* NFC story of each asset */
    char id[MAX_DOCS][DB_UUID_LEN];
    size_t n;
};

static struct corpus C;

static void add_doc(const char *story, size_t len)
{
    char *nfc;
    size_t nl;
    if (C.n >= MAX_DOCS || text_nfc(story, len, &nfc, &nl) != TP_OK)
        return;
    char title[32];
    snprintf(title, sizeof title, "seed %zu", C.n);
    db_value v[] = {DB_V_TEXT("title", title), DB_V_TEXT("story", nfc)};
    assert_int_equal(db_insert(C.db, "knowledge_asset", v, 2, C.id[C.n]),
                     TP_OK);
    C.text[C.n++] = nfc;
}

/* Each paragraph (blank-line separated) of each seed file is an asset. */
static int setup(void **state)
{
    (void)state;
    tdir_make(&C.t);
    C.db = open_new(C.t.db);
    assert_non_null(C.db);
    DIR *d = opendir("tests/fixtures/seeds");
    assert_non_null(d);
    struct dirent *e;
    assert_int_equal(db_begin(C.db), TP_OK);
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[512];
        snprintf(path, sizeof path, "tests/fixtures/seeds/%s", e->d_name);
        size_t n = 0;
        char *s = slurp(path, &n);
        assert_non_null(s);
        size_t start = 0;
        for (size_t i = 0; i <= n; i++) {
            if (i == n || (s[i] == '\n' && i + 1 < n && s[i + 1] == '\n')) {
                if (i > start + 2)
                    add_doc(s + start, i - start);
                start = i + 2;
                i++;
            }
        }
        free(s);
    }
    closedir(d);
    assert_int_equal(db_commit(C.db), TP_OK);
    assert_true(C.n > 20);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    db_close(&C.db);
    for (size_t i = 0; i < C.n; i++)
        free(C.text[i]);
    tdir_remove(&C.t);
    return 0;
}

struct found {
    char ids[1000][DB_UUID_LEN];
    int n;
};

static bool collect(void *ctx, const db_search_hit *h)
{
    struct found *f = ctx;
    snprintf(f->ids[f->n++], DB_UUID_LEN, "%s", h->id);
    return f->n < 1000;
}

static bool found_id(const struct found *f, const char *id)
{
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->ids[i], id) == 0)
            return true;
    return false;
}

/* Search q and compare with a byte scan of the NFC stories; limit 1000 is
 * above the corpus, so the sets must be equal. */
static void check_query(const char *q)
{
    struct found *f = calloc(1, sizeof *f);
    tp_status st = db_search(C.db, q, 1000, collect, f);
    if (st != TP_OK)
        fail_msg("query \"%s\": %s", q, db_last_error(C.db));
    int want = 0;
    for (size_t i = 0; i < C.n; i++) {
        bool has = strstr(C.text[i], q) != NULL;
        want += has;
        if (has != found_id(f, C.id[i]))
            fail_msg("query \"%s\": asset %zu %s", q, i,
                     has ? "not found" : "found but has no match");
    }
    assert_int_equal(f->n, want);
    free(f);
}

/* Queries of cps code points taken from the stories, starting on a
 * cluster boundary that is not a space. */
static void check_length(size_t cps)
{
    int tried = 0;
    for (size_t i = 0; i < C.n && tried < 12; i += 5) {
        const char *s = C.text[i];
        size_t len = strlen(s), at = 0;
        while (at < len && (at < len / 2 || (unsigned char)s[at] <= ' '))
            at = text_next_cluster(s, len, at);
        size_t end = at, k = 0, l;
        for (; k < cps && end < len; k++) {
            text_decode(s, len, end, &l);
            end += l;
        }
        if (k < cps)
            continue;
        char q[64];
        snprintf(q, sizeof q, "%.*s", (int)(end - at), s + at);
        if (strchr(q, '\n'))
            continue;
        check_query(q);
        tried++;
    }
    assert_true(tried >= 6);
}

static void test_one_code_point(void **state) { (void)state; check_length(1); }
static void test_two_code_points(void **state) { (void)state; check_length(2); }
static void test_three_code_points(void **state) { (void)state; check_length(3); }
static void test_long_queries(void **state)
{
    (void)state;
    check_length(5);
    check_length(12);
}

/* Common short queries have their first hits among the newest rows: the
 * scan step answers them, newest first. */
static void test_short_common_newest_first(void **state)
{
    (void)state;
    struct found *f = calloc(1, sizeof *f);
    assert_int_equal(db_search(C.db, "\u0e01", 5, collect, f), TP_OK); /* ก */
    assert_int_equal(f->n, 5);
    size_t seen = 0;
    for (size_t i = C.n; i-- > 0 && seen < 5;)
        if (strstr(C.text[i], "\u0e01"))
            assert_string_equal(f->ids[seen++], C.id[i]);
    free(f);
}

/* กุ้ง typed with the tone mark before the vowel below is the same word. */
static void test_marks_in_another_order(void **state)
{
    (void)state;
    char id[DB_UUID_LEN];
    db_value v[] = {DB_V_TEXT("title", "เลี้ยงกุ้ง"),
                    DB_V_TEXT("story", "บ่อ\u0e01\u0e38\u0e49\u0e07ของกลุ่ม")};
    assert_int_equal(db_insert(C.db, "knowledge_asset", v, 2, id), TP_OK);
    struct found *f = calloc(1, sizeof *f);
    /* ก + MAI THO + SARA U: not NFC */
    assert_int_equal(db_search(C.db, "\u0e01\u0e49\u0e38\u0e07", 1000,
                               collect, f), TP_OK);
    assert_true(found_id(f, id));
    f->n = 0;
    assert_int_equal(db_search(C.db, "  \u0e01\u0e49\u0e38  ", 1000, collect, f),
                     TP_OK);
    assert_true(found_id(f, id));
    long long ver;
    bool del;
    assert_int_equal(db_row_version(C.db, "knowledge_asset", id, &ver, &del),
                     TP_OK);
    assert_int_equal(db_tombstone(C.db, "knowledge_asset", id, ver), TP_OK);
    free(f);
}

/* Tombstoned records leave the index, restored ones come back, edits are
 * found by their new text only. */
static void test_tombstone_restore_edit(void **state)
{
    (void)state;
    char id[DB_UUID_LEN];
    db_value v[] = {DB_V_TEXT("title", "บัญชีครัวเรือน"),
                    DB_V_TEXT("story", "จดรายรับรายจ่ายทุกวัน XyZ")};
    assert_int_equal(db_insert(C.db, "knowledge_asset", v, 2, id), TP_OK);
    struct found *f = calloc(1, sizeof *f);
    assert_int_equal(db_search(C.db, "xyz", 1000, collect, f), TP_OK);
    assert_int_equal(f->n, 1);
    f->n = 0;
    assert_int_equal(db_search(C.db, "Xy", 1000, collect, f), TP_OK);
    assert_true(found_id(f, id));
    assert_int_equal(db_tombstone(C.db, "knowledge_asset", id, 1), TP_OK);
    f->n = 0;
    assert_int_equal(db_search(C.db, "xyz", 1000, collect, f), TP_OK);
    assert_int_equal(f->n, 0);
    assert_int_equal(db_search(C.db, "Xy", 1000, collect, f), TP_OK);
    assert_int_equal(f->n, 0);
    assert_int_equal(db_restore(C.db, "knowledge_asset", id, 2), TP_OK);
    assert_int_equal(db_search(C.db, "บัญชีครัว", 1000, collect, f), TP_OK);
    assert_int_equal(f->n, 1);
    db_value e[] = {DB_V_TEXT("story", "ออมวันละบาท")};
    assert_int_equal(db_update(C.db, "knowledge_asset", id, 3, e, 1), TP_OK);
    f->n = 0;
    assert_int_equal(db_search(C.db, "xyz", 1000, collect, f), TP_OK);
    assert_int_equal(f->n, 0);
    assert_int_equal(db_search(C.db, "วันละบาท", 1000, collect, f), TP_OK);
    assert_int_equal(f->n, 1);
    assert_int_equal(db_tombstone(C.db, "knowledge_asset", id, 4), TP_OK);
    free(f);
}

/* Meetings, lessons and notes are searched too; the hit says its kind. */
static bool first_kind(void *ctx, const db_search_hit *h)
{
    snprintf(ctx, 32, "%s", h->kind);
    return false;
}

static void test_other_kinds(void **state)
{
    (void)state;
    char kind[32] = "";
    db_meeting m = {.circle = "kit", .held_on = "2005-10-11",
                    .title = "เวทีคุณกิจ", .outcomes = "ตกลงตั้งกองทุนปุ๋ยชีวภาพ"};
    assert_int_equal(db_meeting_add(C.db, &m, NULL), TP_OK);
    assert_int_equal(db_search(C.db, "ปุ๋ยชีวภาพ", 5, first_kind, kind), TP_OK);
    assert_string_equal(kind, "meeting");
    db_value l[] = {DB_V_TEXT("kind", "aar"), DB_V_TEXT("title", "ทบทวนงาน"),
                    DB_V_TEXT("why", "สมาชิกไม่มาประชุมเพราะฤดูกรีดยาง")};
    assert_int_equal(db_insert(C.db, "lesson", l, 3, NULL), TP_OK);
    assert_int_equal(db_search(C.db, "กรีดยาง", 5, first_kind, kind), TP_OK);
    assert_string_equal(kind, "lesson");
    db_value n[] = {DB_V_TEXT("title", "โน้ต"), DB_V_TEXT("body", "ฦๅ")};
    assert_int_equal(db_insert(C.db, "note", n, 2, NULL), TP_OK);
    assert_int_equal(db_search(C.db, "ฦ", 5, first_kind, kind), TP_OK);
    assert_string_equal(kind, "note");
}

static void test_empty_and_invalid(void **state)
{
    (void)state;
    struct found *f = calloc(1, sizeof *f);
    assert_int_equal(db_search(C.db, "   ", 20, collect, f), TP_OK);
    assert_int_equal(f->n, 0);
    assert_int_equal(db_search(C.db, "\xff\xfe", 20, collect, f),
                     TP_ERR_INVALID_UTF8);
    assert_int_equal(db_search(C.db, "\"\"\"", 20, collect, f), TP_OK);
    assert_int_equal(f->n, 0);
    free(f);
}

/* ASCII letters match in either case, on the short path (a substring scan)
 * as on the trigram index. */
static void test_ascii_any_case(void **state)
{
    (void)state;
    db_value v[] = {DB_V_TEXT("title", "KM Fair ตลาดนัดความรู้"),
                    DB_V_TEXT("story", "Knowledge Market ของ NaKhon")};
    char id[DB_UUID_LEN];
    assert_int_equal(db_insert(C.db, "knowledge_asset", v, 2, id), TP_OK);
    static const char *const found[] = {"km", "KM", "kM", "r", "fair", "FAIR",
                                        "nakhon", "E m"};
    for (size_t i = 0; i < sizeof found / sizeof found[0]; i++) {
        struct found *f = calloc(1, sizeof *f);
        assert_int_equal(db_search(C.db, found[i], 1000, collect, f), TP_OK);
        bool seen = false;
        for (int k = 0; k < f->n; k++)
            seen = seen || strcmp(f->ids[k], id) == 0;
        if (!seen)
            fail_msg("%s: not found", found[i]);
        free(f);
    }
    struct found *f = calloc(1, sizeof *f);
    assert_int_equal(db_search(C.db, "kx", 20, collect, f), TP_OK);
    assert_int_equal(f->n, 0);
    free(f);
}

/* The ranking (tapian_rank: bm25 without the IDF, which is one factor for
 * a one-phrase query) gives FTS5's own bm25 order, asked through a plain
 * sqlite3 connection with the statement the search used before. */
static void test_rank_is_bm25_order(void **state)
{
    (void)state;
    static const char *const queries[] = {
        "\u0e01\u0e32\u0e23",                                 /* การ */
        "\u0e01\u0e2d\u0e07\u0e17\u0e38\u0e19",                 /* กองทุน */
        "\u0e0a\u0e38\u0e21\u0e0a\u0e19",                     /* ชุมชน */
        "\u0e04\u0e27\u0e32\u0e21",                           /* ความ */
        "\u0e40\u0e23\u0e35\u0e22\u0e19\u0e23\u0e39\u0e49",         /* เรียนรู้ */
    };
    sqlite3 *conn;
    assert_int_equal(sqlite3_open_v2(C.t.db, &conn, SQLITE_OPEN_READONLY, NULL),
                     SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(conn,
        "SELECT d.ref_id FROM search_fts f CROSS JOIN search_doc d"
        " ON d.docid = f.rowid"
        " WHERE search_fts MATCH ?1 AND f.rowid >= coalesce("
        "  (SELECT min(rowid) FROM (SELECT rowid FROM search_fts"
        "   WHERE search_fts MATCH ?1 ORDER BY rowid DESC LIMIT 300)), 0)"
        " ORDER BY bm25(search_fts, 5.0, 1.0), f.rowid DESC LIMIT 20",
        -1, &st, NULL), SQLITE_OK);
    size_t compared = 0;
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        struct found *f = calloc(1, sizeof *f);
        assert_int_equal(db_search(C.db, queries[q], 20, collect, f), TP_OK);
        char m[128];
        snprintf(m, sizeof m, "\"%s\"", queries[q]);
        sqlite3_bind_text(st, 1, m, -1, SQLITE_TRANSIENT);
        size_t i = 0;
        while (sqlite3_step(st) == SQLITE_ROW) {
            assert_true(i < (size_t)f->n);
            assert_string_equal(f->ids[i++],
                                (const char *)sqlite3_column_text(st, 0));
        }
        assert_int_equal(i, f->n);
        compared += i;
        sqlite3_reset(st);
        free(f);
    }
    assert_true(compared >= 40);
    sqlite3_finalize(st);
    sqlite3_close(conn);
}

/* The index is brought up to date at COMMIT (migration 14): whatever one
 * transaction adds, edits, tombstones or takes back, FTS5's own check then
 * finds the index equal to search_doc and nothing is left queued. */
static void check_index(void)
{
    sqlite3 *conn;
    assert_int_equal(sqlite3_open(C.t.db, &conn), SQLITE_OK);
    sqlite3_busy_timeout(conn, 2000);
    char *err = NULL;
    if (sqlite3_exec(conn, "INSERT INTO search_fts (search_fts, rank) "
                           "VALUES ('integrity-check', 1)",
                     NULL, NULL, &err) != SQLITE_OK)
        fail_msg("integrity-check: %s", err ? err : "?");
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(conn, "SELECT count(*) FROM "
                                        "search_fts_pending", -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 0);
    sqlite3_finalize(st);
    sqlite3_close(conn);
}

static int hits(const char *q)
{
    struct found *f = calloc(1, sizeof *f);
    assert_int_equal(db_search(C.db, q, 1000, collect, f), TP_OK);
    int n = f->n;
    free(f);
    return n;
}

static void test_one_transaction(void **state)
{
    (void)state;
    char a[DB_UUID_LEN], b[DB_UUID_LEN];
    db_value va[] = {DB_V_TEXT("title", "กล้วยหอมทอง"),
                     DB_V_TEXT("story", "ขายที่ตลาดนัด QqZone")};
    db_value vb[] = {DB_V_TEXT("title", "ปลาส้ม"),
                     DB_V_TEXT("story", "ทำขายทุกเดือน WwZone")};
    db_value ea[] = {DB_V_TEXT("story", "ขายส่งให้สหกรณ์ EeZone")};
    assert_int_equal(db_begin(C.db), TP_OK);
    assert_int_equal(db_insert(C.db, "knowledge_asset", va, 2, a), TP_OK);
    assert_int_equal(db_insert(C.db, "knowledge_asset", vb, 2, b), TP_OK);
    assert_int_equal(db_update(C.db, "knowledge_asset", a, 1, ea, 1), TP_OK);
    assert_int_equal(db_tombstone(C.db, "knowledge_asset", b, 1), TP_OK);
    assert_int_equal(db_commit(C.db), TP_OK);
    assert_int_equal(hits("qqzone"), 0);
    assert_int_equal(hits("eezone"), 1);
    assert_int_equal(hits("wwzone"), 0);
    assert_int_equal(hits("กล้วยหอมทอง"), 1);
    check_index();
    /* taken back: neither the rows nor their index entries stay */
    assert_int_equal(db_begin(C.db), TP_OK);
    db_value vc[] = {DB_V_TEXT("title", "ผ้าบาติก"),
                     DB_V_TEXT("story", "ย้อมสีธรรมชาติ RrZone")};
    assert_int_equal(db_insert(C.db, "knowledge_asset", vc, 2, NULL), TP_OK);
    db_rollback(C.db);
    assert_int_equal(hits("rrzone"), 0);
    check_index();
    assert_int_equal(db_tombstone(C.db, "knowledge_asset", a, 2), TP_OK);
}

/* Rows written by another program (the sqlite3 shell) are queued by the
 * triggers and indexed when tapian next opens the file. */
static void test_shell_writes(void **state)
{
    (void)state;
    if (!have_shell())
        skip();
    char id[DB_UUID_LEN];
    db_value v[] = {DB_V_TEXT("title", "น้ำพริกแกง"),
                    DB_V_TEXT("story", "ตำเองทุกเช้า")};
    assert_int_equal(db_insert(C.db, "knowledge_asset", v, 2, id), TP_OK);
    char sql[256];
    snprintf(sql, sizeof sql, "UPDATE knowledge_asset SET story = "
             "'ส่งขายตลาดเช้า TtZone' WHERE id = '%s';", id);
    assert_int_equal(shell(C.t.db, sql), 0);
    db_close(&C.db);
    C.db = open_new(C.t.db);
    assert_non_null(C.db);
    assert_int_equal(hits("ttzone"), 1);
    assert_int_equal(hits("ตำเองทุกเช้า"), 0);
    check_index();
    assert_int_equal(db_tombstone(C.db, "knowledge_asset", id, 1), TP_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_code_point),
        cmocka_unit_test(test_two_code_points),
        cmocka_unit_test(test_three_code_points),
        cmocka_unit_test(test_long_queries),
        cmocka_unit_test(test_rank_is_bm25_order),
        cmocka_unit_test(test_ascii_any_case),
        cmocka_unit_test(test_short_common_newest_first),
        cmocka_unit_test(test_marks_in_another_order),
        cmocka_unit_test(test_tombstone_restore_edit),
        cmocka_unit_test(test_other_kinds),
        cmocka_unit_test(test_empty_and_invalid),
        cmocka_unit_test(test_one_transaction),
        cmocka_unit_test(test_shell_writes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
