/* Keyset paging of the generic list (db_list's seek_id / seek_back), the
 * position as a count of rows before a row, the bounded search
 * (db_list_find) and the count kept while nothing changes. Every sought
 * page is compared with the same rows read by offset, on names with ties
 * in the Thai order, tombstoned rows, a filter, a search and both orders. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "db_test_util.h"
#include "tapian/db_records.h"

#define ROWS 47
#define PAGE 6

/* Thai names with many ties (several people share each name). */
static const char *const names[] = {"สมชาย", "กมล", "ไก่", "กา", "ขาว",
                                    "สมชาย", "เก่ง", "กมล"};
static const char *const titles[] = {"นาย", "นาง"};

struct fx {
    struct tdir t;
    tp_db *db;
    char id[ROWS][DB_UUID_LEN];
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    assert_non_null(f);
    tdir_make(&f->t);
    f->db = open_new(f->t.db);
    assert_non_null(f->db);
    for (int i = 0; i < ROWS; i++)
        assert_int_equal(db_person_add(f->db, titles[i % 2],
                                       names[(i * 5) % 8], NULL, f->id[i]),
                         TP_OK);
    for (int i = 3; i < ROWS; i += 7) /* tombstones among the ties */
        assert_int_equal(db_tombstone(f->db, "person", f->id[i], 1), TP_OK);
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

struct ids {
    int n;
    char id[ROWS][DB_UUID_LEN];
};

static int keep(void *ctx, const db_row *r)
{
    struct ids *o = ctx;
    assert_true(o->n < ROWS);
    snprintf(o->id[o->n++], DB_UUID_LEN, "%s", r->id);
    return 0;
}

static const char *const cols[] = {"name", "title"};

static db_list_query base(bool desc, const db_value *filter,
                          const char *search)
{
    return (db_list_query){.table = "person", .columns = cols,
                           .n_columns = 2, .order_column = "name",
                           .order_desc = desc, .filters = filter,
                           .n_filters = filter ? 1 : 0, .search = search};
}

/* The whole list by offset: the reference order. */
static struct ids all_rows(tp_db *db, db_list_query q)
{
    struct ids o = {0};
    q.offset = 0;
    q.limit = 0;
    assert_int_equal(db_list(db, &q, keep, &o), TP_OK);
    return o;
}

static struct ids page(tp_db *db, db_list_query q, long offset,
                       const char *seek, bool back)
{
    struct ids o = {0};
    q.offset = offset;
    q.limit = PAGE;
    q.seek_id = seek;
    q.seek_back = back;
    assert_int_equal(db_list(db, &q, keep, &o), TP_OK);
    return o;
}

static void same_rows(const struct ids *want, int from, const struct ids *got)
{
    int n = want->n - from < PAGE ? want->n - from : PAGE;
    assert_int_equal(got->n, n);
    for (int i = 0; i < n; i++)
        assert_string_equal(got->id[i], want->id[from + i]);
}

/* PgDn through the list from the first page, then PgUp back from the last:
 * every page is the offset page; End then PgUp too. */
static void walk(tp_db *db, db_list_query q)
{
    struct ids ref = all_rows(db, q);
    assert_true(ref.n > 2 * PAGE);
    struct ids p = page(db, q, 0, NULL, false);
    same_rows(&ref, 0, &p);
    long top = 0;
    while (top + PAGE < ref.n) {
        char last[DB_UUID_LEN];
        snprintf(last, sizeof last, "%s", p.id[p.n - 1]);
        top += PAGE;
        p = page(db, q, top, last, false);
        same_rows(&ref, (int)top, &p);
    }
    /* back up again from each page's first row */
    while (top > 0) {
        char first[DB_UUID_LEN];
        snprintf(first, sizeof first, "%s", p.id[0]);
        top -= PAGE;
        p = page(db, q, top, first, true);
        same_rows(&ref, (int)top, &p);
    }
    /* End: the last rows read backwards, then PgUp from them */
    long end = ref.n - PAGE;
    p = page(db, q, end, NULL, true);
    same_rows(&ref, (int)end, &p);
    char first[DB_UUID_LEN];
    snprintf(first, sizeof first, "%s", p.id[0]);
    p = page(db, q, end - PAGE, first, true);
    same_rows(&ref, (int)(end - PAGE), &p);
    /* positions: the count of rows before each row */
    for (int i = 0; i < ref.n; i++) {
        long pos = -1;
        assert_int_equal(db_list_position(db, &q, ref.id[i], &pos), TP_OK);
        assert_int_equal(pos, i);
    }
    long n = -1;
    assert_int_equal(db_list_count(db, &q, &n), TP_OK);
    assert_int_equal(n, ref.n);
    /* sought, not stepped: an offset that is wrong on purpose is not used */
    p = page(db, q, 9999, ref.id[PAGE - 1], false);
    same_rows(&ref, PAGE, &p);
    p = page(db, q, 9999, ref.id[2 * PAGE], true);
    same_rows(&ref, PAGE, &p);
}

static void test_pages_match_offsets(void **state)
{
    struct fx *f = *state;
    walk(f->db, base(false, NULL, NULL));
    walk(f->db, base(true, NULL, NULL));
    db_value mr = DB_V_TEXT("title", "นาย");
    walk(f->db, base(false, &mr, NULL));
    walk(f->db, base(true, &mr, NULL));
    walk(f->db, base(false, NULL, "ก")); /* กมล, ไก่, กา, เก่ง */
}

/* A row tombstoned after its page was read still anchors the next page. */
static void test_tombstoned_anchor(void **state)
{
    struct fx *f = *state;
    db_list_query q = base(false, NULL, NULL);
    struct ids p = page(f->db, q, 0, NULL, false);
    char last[DB_UUID_LEN];
    snprintf(last, sizeof last, "%s", p.id[PAGE - 1]);
    long long ver = 0;
    assert_int_equal(db_row_version(f->db, "person", last, &ver, NULL), TP_OK);
    assert_int_equal(db_tombstone(f->db, "person", last, ver), TP_OK);
    struct ids ref = all_rows(f->db, q);
    struct ids next = page(f->db, q, PAGE - 1, last, false);
    same_rows(&ref, PAGE - 1, &next);
    /* the count follows the change */
    long n = -1;
    assert_int_equal(db_list_count(f->db, &q, &n), TP_OK);
    assert_int_equal(n, ref.n);
    assert_int_equal(db_restore(f->db, "person", last, ver + 1), TP_OK);
    assert_int_equal(db_list_count(f->db, &q, &n), TP_OK);
    assert_int_equal(n, ref.n + 1);
}

/* The search found forwards and backwards a few rows at a time, going on
 * from where each call stopped, gives the matches in list order. */
static void test_find_in_steps(void **state)
{
    struct fx *f = *state;
    for (int desc = 0; desc < 2; desc++) {
        db_list_query q = base(desc, NULL, "สม");
        struct ids want = all_rows(f->db, q);
        assert_true(want.n > 3);
        for (int back = 0; back < 2; back++) {
            struct ids got = {0};
            char from[DB_UUID_LEN] = "";
            char found[DB_UUID_LEN], reached[DB_UUID_LEN];
            int calls = 0;
            db_list_query unsearched = base(desc, NULL, NULL);
            struct ids order = all_rows(f->db, unsearched);
            long pos = back ? order.n : -1; /* of from, in the whole list */
            for (;;) {
                long steps = -1;
                tp_status s = db_list_find(f->db, &q, from[0] ? from : NULL,
                                           back, 3, found, reached, &steps);
                calls++;
                assert_true(steps >= 0 && steps <= 3);
                pos += back ? -steps : steps;
                if (s == TP_OK) {
                    /* the steps give the position in the list */
                    assert_string_equal(order.id[pos], found);
                    snprintf(got.id[got.n++], DB_UUID_LEN, "%s", found);
                    snprintf(from, sizeof from, "%s", found);
                    continue;
                }
                assert_int_equal(s, TP_ERR_NOTFOUND);
                if (!reached[0])
                    break; /* the end of the list */
                assert_string_equal(order.id[pos], reached);
                snprintf(from, sizeof from, "%s", reached);
            }
            assert_int_equal(got.n, want.n);
            for (int i = 0; i < want.n; i++)
                assert_string_equal(got.id[i],
                                    want.id[back ? want.n - 1 - i : i]);
            assert_true(calls > want.n); /* the budget made it stop */
        }
    }
    char found[DB_UUID_LEN], reached[DB_UUID_LEN];
    db_list_query none = base(false, NULL, "ฮ");
    long steps = 0;
    assert_int_equal(db_list_find(f->db, &none, NULL, false, -1, found,
                                  reached, &steps), TP_ERR_NOTFOUND);
    assert_string_equal(reached, "");
}

/* A sort key that is NULL (a row written without tapian, before the next
 * open fills it) cannot be sought from: the list falls back to offset. */
static void test_null_key_falls_back(void **state)
{
    struct fx *f = *state;
    if (!have_shell())
        skip();
    db_close(&f->db);
    char sql[160];
    snprintf(sql, sizeof sql, "UPDATE person SET name_sortkey = NULL "
                              "WHERE id = '%s';", f->id[1]);
    assert_int_equal(shell(f->t.db, sql), 0);
    /* opened read-only the keys are not filled again */
    db_open_opts o = {.read_only = true};
    assert_int_equal(db_open(f->t.db, &o, &f->db), TP_OK);
    db_list_query q = base(false, NULL, NULL);
    struct ids ref = all_rows(f->db, q);
    assert_string_equal(ref.id[0], f->id[1]); /* NULL sorts first */
    struct ids p = page(f->db, q, 1, f->id[1], false);
    same_rows(&ref, 1, &p);
    long pos = -1;
    assert_int_equal(db_list_position(f->db, &q, ref.id[4], &pos), TP_OK);
    assert_int_equal(pos, 4);
    assert_int_equal(db_list_position(f->db, &q, f->id[1], &pos), TP_OK);
    assert_int_equal(pos, 0);
    /* a search from that row walks the list to it */
    char found[DB_UUID_LEN], reached[DB_UUID_LEN];
    long steps = 0;
    assert_int_equal(db_list_find(f->db, &q, f->id[1], false, 5, found,
                                  reached, &steps), TP_OK);
    assert_string_equal(found, ref.id[1]);
    assert_int_equal(steps, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_pages_match_offsets, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_tombstoned_anchor, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_find_in_steps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_null_key_falls_back, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
