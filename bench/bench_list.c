/* bench_list — times the generic list (db_list) at 100,000 rows: pages of
 * knowledge assets in Thai title order (the stored sort key of migration
 * 005), the count, substring searches of 1, 2 and 5 Thai characters, and
 * the position of a row, on the province database made by gen_province.
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

#define PAGE 20
#define WARMUP 2

struct bench {
    tp_db *db;
    const char *search;   /* NULL = none */
    long offset;
    char mid_id[40];      /* the row at offset 50,000, for the position */
    long rows;
    size_t bytes;
};

static const char *const cols[] = {"title", "topic"};
static const char *const search_cols[] = {"title"};

static double clock_ms(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static db_list_query query(const struct bench *b)
{
    return (db_list_query){
        .table = "knowledge_asset", .columns = cols, .n_columns = 2,
        .order_column = "title", .search = b->search,
        .search_columns = search_cols, .n_search = 1,
        .offset = b->offset, .limit = PAGE,
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

static int keep_id(void *ctx, const db_row *r)
{
    struct bench *b = ctx;
    snprintf(b->mid_id, sizeof b->mid_id, "%s", r->id);
    return 1;
}

static tp_status page_at(struct bench *b, long offset, const char *search)
{
    b->offset = offset;
    b->search = search;
    db_list_query q = query(b);
    return db_list(b->db, &q, on_row, b);
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

static tp_status op_page0(struct bench *b) { return page_at(b, 0, NULL); }
static tp_status op_page50k(struct bench *b) { return page_at(b, 50000, NULL); }
static tp_status op_page_end(struct bench *b) { return page_at(b, 99980, NULL); }
static tp_status op_count(struct bench *b) { return count_of(b, NULL); }
static tp_status op_pos(struct bench *b) { return position_of(b, NULL); }
static tp_status op_s1(struct bench *b) { return page_at(b, 0, S1); }
static tp_status op_s2(struct bench *b) { return page_at(b, 0, S2); }
static tp_status op_s5(struct bench *b) { return page_at(b, 0, S5); }
static tp_status op_c1(struct bench *b) { return count_of(b, S1); }
static tp_status op_c2(struct bench *b) { return count_of(b, S2); }
static tp_status op_c5(struct bench *b) { return count_of(b, S5); }
static tp_status op_p5(struct bench *b) { return position_of(b, S5); }

static const struct {
    const char *name;
    double target_ms;
    tp_status (*fn)(struct bench *);
} ops[] = {
    {"page 20 at 0, Thai title order", 20.0, op_page0},
    {"page 20 at 50,000", 20.0, op_page50k},
    {"page 20 at 99,980", 20.0, op_page_end},
    {"count", 20.0, op_count},
    {"position of row 50,000", 20.0, op_pos},
    {"search 1 char (" S1 "), page", 20.0, op_s1},
    {"search 2 chars (" S2 "), page", 20.0, op_s2},
    {"search 5 chars (" S5 "), page", 20.0, op_s5},
    {"search 1 char, count", 20.0, op_c1},
    {"search 2 chars, count", 20.0, op_c2},
    {"search 5 chars, count", 20.0, op_c5},
    {"search 5 chars, position", 20.0, op_p5},
};

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int measure(struct bench *b, size_t k, int runs, double *wall,
                   double *cpu)
{
    for (int i = -WARMUP; i < runs; i++) {
        b->rows = 0;
        double w0 = clock_ms(CLOCK_MONOTONIC);
        double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
        tp_status s = ops[k].fn(b);
        double c1 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
        double w1 = clock_ms(CLOCK_MONOTONIC);
        if (s != TP_OK) {
            fprintf(stderr, "bench_list: %s: %s (%s)\n", ops[k].name,
                    tp_status_name(s), db_last_error(b->db));
            return -1;
        }
        if (i >= 0) {
            wall[i] = w1 - w0;
            cpu[i] = c1 - c0;
        }
    }
    double med = median(wall, runs);
    int i95 = (95 * runs + 99) / 100 - 1;
    double p95 = wall[i95 < 0 ? 0 : i95];
    printf("%-34s %9.3f %9.3f %9.3f %7.1f   %-4s %6ld\n", ops[k].name, med,
           p95, median(cpu, runs), ops[k].target_ms,
           p95 <= ops[k].target_ms ? "PASS" : "OVER", b->rows);
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
    struct bench b = {0};
    double *t = calloc(2 * (size_t)runs, sizeof *t);
    if (!t)
        return 1;
    double w0 = clock_ms(CLOCK_MONOTONIC);
    tp_status s = db_open(path, NULL, &b.db);
    double open_ms = clock_ms(CLOCK_MONOTONIC) - w0;
    db_list_query q = query(&b);
    q.offset = 50000;
    q.limit = 1;
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
