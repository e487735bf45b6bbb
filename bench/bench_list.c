/* bench_list — times the generic list (db_list) at 100,000 rows as the list
 * view uses it: pages of knowledge assets in Thai title order (the stored
 * sort key of migration 006) sought from the row next to them (PgDn, PgUp,
 * End), the same by OFFSET for comparison, the count (on a fresh connection,
 * and kept), the position of a row, and one key press of / n for 1, 2 and
 * 5 Thai characters (db_list_find, 2,000 rows at most), on the province
 * database made by gen_province.
 *
 *   bench_list [-n RUNS] [PATH]      (defaults 20, build/bench/province.db)
 *
 * The first open of a file written by the generator computes every missing
 * sort key; it is timed once and printed first. Then each operation runs
 * twice to warm the caches and RUNS times; the table gives the median and
 * 95th percentile wall-clock time (CLOCK_MONOTONIC), the median CPU time,
 * and PASS when the p95 is within the target. It exits 1 only when it
 * cannot run at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tapian/db.h"
#include "tapian/db_records.h"
#include "bench_stats.h"

#define PAGE 20
#define WARMUP 2

struct bench {
    tp_db *db;
    const char *path;
    const char *search;   /* NULL = none */
    long offset;
    const char *seek_id;
    bool seek_back;
    char mid_id[40];      /* the row at offset 50,000 */
    char before_id[40];   /* the row at offset 49,999 */
    long rows;
    size_t bytes;
};

/* As the view searches: SEARCH_BUDGET in src/app/list_view.c. */
#define FIND_BUDGET 2000

static const char *const cols[] = {"title", "topic"};
static const char *const search_cols[] = {"title"};

static db_list_query query(const struct bench *b)
{
    return (db_list_query){
        .table = "knowledge_asset", .columns = cols, .n_columns = 2,
        .order_column = "title", .search = b->search,
        .search_columns = search_cols, .n_search = 1,
        .offset = b->offset, .limit = PAGE, .seek_id = b->seek_id,
        .seek_back = b->seek_back,
    };
}

static int on_row(void *ctx, const db_row *r)
{
    struct bench *b = ctx;
    b->rows++;
    for (size_t i = 0; i < r->n; i++)
        b->bytes += r->values[i] ? strlen(r->values[i]) : 0;
    return 0;
}

/* Keeps the ids of the rows at 49,999 and 50,000. */
static int keep_id(void *ctx, const db_row *r)
{
    struct bench *b = ctx;
    if (!b->before_id[0])
        snprintf(b->before_id, sizeof b->before_id, "%s", r->id);
    else
        snprintf(b->mid_id, sizeof b->mid_id, "%s", r->id);
    return 0;
}

static tp_status page_at(struct bench *b, long offset, const char *search)
{
    b->offset = offset;
    b->search = search;
    db_list_query q = query(b);
    tp_status s = db_list(b->db, &q, on_row, b);
    b->seek_id = NULL;
    b->seek_back = false;
    return s;
}

/* A new session's connection: nothing kept from earlier runs, SQLite's
 * page cache empty, the schema read (by one small query), as when the list
 * is opened for the first time after start-up (not timed). */
static tp_status reopen(struct bench *b)
{
    db_close(&b->db);
    tp_status s = db_open(b->path, NULL, &b->db);
    long long n;
    return s == TP_OK ? db_count_live(b->db, "agency", &n) : s;
}

static tp_status count_of(struct bench *b, const char *search)
{
    b->offset = 0;
    b->search = search;
    db_list_query q = query(b);
    long n = 0;
    tp_status s = db_list_count(b->db, &q, &n);
    b->rows = n;
    return s;
}

static tp_status position_of(struct bench *b, const char *search)
{
    b->offset = 0;
    b->search = search;
    db_list_query q = query(b);
    long pos = 0;
    tp_status s = db_list_position(b->db, &q, b->mid_id, &pos);
    b->rows = pos;
    return s == TP_ERR_NOTFOUND ? TP_OK : s;
}

/* ก, กล, กลุ่ม: one, two and five code points (ก ล ุ ่ ม). */
#define S1 "ก"
#define S2 "กล"
#define S5 "กลุ่ม"

/* One key press of n: the next match after row 50,000. */
static tp_status find_from_mid(struct bench *b, const char *search)
{
    b->offset = 0;
    b->search = search;
    db_list_query q = query(b);
    char found[40], reached[40];
    long steps = 0;
    tp_status s = db_list_find(b->db, &q, b->mid_id, false, FIND_BUDGET,
                               found, reached, &steps);
    b->rows = s == TP_OK;
    return s == TP_ERR_NOTFOUND ? TP_OK : s;
}

static tp_status op_page0(struct bench *b) { return page_at(b, 0, NULL); }
static tp_status op_pgdn(struct bench *b)
{
    b->seek_id = b->before_id; /* the row above the page */
    return page_at(b, 50000, NULL);
}
static tp_status op_pgup(struct bench *b)
{
    b->seek_id = b->mid_id; /* the page above row 50,000 */
    b->seek_back = true;
    return page_at(b, 49980, NULL);
}
static tp_status op_end(struct bench *b)
{
    b->seek_back = true;
    return page_at(b, 99980, NULL);
}
static tp_status op_page50k(struct bench *b) { return page_at(b, 50000, NULL); }
static tp_status op_page_last(struct bench *b) { return page_at(b, 99980, NULL); }
static tp_status op_count(struct bench *b) { return count_of(b, NULL); }
static tp_status op_pos(struct bench *b) { return position_of(b, NULL); }
static tp_status op_f1(struct bench *b) { return find_from_mid(b, S1); }
static tp_status op_f2(struct bench *b) { return find_from_mid(b, S2); }
static tp_status op_f5(struct bench *b) { return find_from_mid(b, S5); }
static tp_status op_fx(struct bench *b) { return find_from_mid(b, "ฃฃฃ"); }
static tp_status op_c5(struct bench *b) { return count_of(b, S5); }

static const struct {
    const char *name;
    double target_ms;
    tp_status (*fn)(struct bench *);
    tp_status (*prep)(struct bench *); /* before each run, not timed */
} ops[] = {
    {"page 20 at 0 (Home)", 20.0, op_page0, NULL},
    {"PgDn to 50,000 (sought)", 20.0, op_pgdn, NULL},
    {"PgUp from 50,000 (sought)", 20.0, op_pgup, NULL},
    {"End: last 20 (read backwards)", 20.0, op_end, NULL},
    {"page at 50,000 by OFFSET", 20.0, op_page50k, NULL},
    {"page at 99,980 by OFFSET", 20.0, op_page_last, NULL},
    {"count, first in a session", 20.0, op_count, reopen},
    {"count, kept", 20.0, op_count, NULL},
    {"position of row 50,000, first", 20.0, op_pos, reopen},
    {"n after row 50,000: " S1, 20.0, op_f1, NULL},
    {"n after row 50,000: " S2, 20.0, op_f2, NULL},
    {"n after row 50,000: " S5, 20.0, op_f5, NULL},
    {"n, absent (2,000 rows)", 20.0, op_fx, NULL},
    {"search 5 chars, full count", 20.0, op_c5, reopen},
};

static int measure(struct bench *b, size_t k, int runs, double *wall,
                   double *cpu)
{
    for (int i = -WARMUP; i < runs; i++) {
        b->rows = 0;
        if (ops[k].prep && ops[k].prep(b) != TP_OK) {
            fprintf(stderr, "bench_list: %s: cannot reopen\n", ops[k].name);
            return -1;
        }
        bench_lap t = bench_lap_start();
        tp_status s = ops[k].fn(b);
        t = bench_lap_ms(t);
        if (s != TP_OK) {
            fprintf(stderr, "bench_list: %s: %s (%s)\n", ops[k].name,
                    tp_status_name(s), db_last_error(b->db));
            return -1;
        }
        if (i >= 0) {
            wall[i] = t.wall;
            cpu[i] = t.cpu;
        }
    }
    bench_report(ops[k].name, 34, wall, cpu, runs, ops[k].target_ms, b->rows);
    return 0;
}

int main(int argc, char **argv)
{
    int runs = 20, opt;
    while ((opt = getopt(argc, argv, "n:")) != -1) {
        if (opt == 'n' && atoi(optarg) > 0) {
            runs = atoi(optarg);
        } else {
            fprintf(stderr, "usage: bench_list [-n RUNS] [PATH]\n");
            return 1;
        }
    }
    const char *path = optind < argc ? argv[optind] : "build/bench/province.db";
    struct bench b = {.path = path};
    double *t = calloc(2 * (size_t)runs, sizeof *t);
    if (!t)
        return 1;
    double w0 = clock_ms(CLOCK_MONOTONIC);
    tp_status s = db_open(path, NULL, &b.db);
    double open_ms = clock_ms(CLOCK_MONOTONIC) - w0;
    db_list_query q = query(&b);
    q.offset = 49999;
    q.limit = 2;
    if (s == TP_OK)
        s = db_list(b.db, &q, keep_id, &b);
    long long assets = 0;
    if (s == TP_OK)
        s = db_count_live(b.db, "knowledge_asset", &assets);
    if (s != TP_OK || !b.mid_id[0]) {
        fprintf(stderr, "bench_list: %s: %s %s\n", path, tp_status_name(s),
                db_open_error());
        db_close(&b.db);
        free(t);
        return 1;
    }
    printf("%s: %lld knowledge assets; open (with any missing sort keys) "
           "%.0f ms; %d runs after %d warm-up\n\n", path, assets, open_ms,
           runs, WARMUP);
    printf("%-34s %9s %9s %9s %7s   %-4s %6s\n", "operation (ms)", "median",
           "p95", "cpu med", "target", "", "rows");
    int failed = 0;
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
        failed |= measure(&b, k, runs, t, t + runs) != 0;
    db_close(&b.db);
    free(t);
    return failed ? 1 : 0;
}
