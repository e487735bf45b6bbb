/* Search at province scale (issue #6 §2): top 20 of db_search for Thai
 * queries of 1, 2, 3, 5 and 10 characters, common and rare, on the file
 * made by gen_province. Each query runs twice to warm the caches, then RUNS
 * times; prints median and 95th percentile wall time, median CPU time and
 * the number of hits. Target: median within 20 ms. Exits 0 whatever the
 * figures.
 *
 *   bench_search [-n RUNS] [PATH]    (default build/bench/province.db) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tapian/db.h"
#include "tapian/db_search.h"
#include "bench_stats.h"

#define TARGET_MS 20.0

static const struct {
    const char *what, *query;
} queries[] = {
    {"1 char, common", "ก"},
    {"1 char, rare", "ฌ"},
    {"1 char, absent", "ฃ"},
    {"2 chars, common", "กร"},
    {"2 chars, rare", "ฌา"},
    {"3 chars, common", "การ"},
    {"3 chars", "ออม"},
    {"5 chars", "กองทุน"},
    {"10 chars", "ความเข้มแข็ง"},
    {"10 chars, absent", "ปลาตะเพียนทอง"},
};

static bool count_hit(void *ctx, const db_search_hit *h)
{
    (void)h;
    (*(int *)ctx)++;
    return true;
}

int main(int argc, char **argv)
{
    int runs = 20, opt;
    while ((opt = getopt(argc, argv, "n:")) != -1) {
        if (opt != 'n' || (runs = atoi(optarg)) < 1) {
            fprintf(stderr, "usage: bench_search [-n RUNS] [PATH]\n");
            return 2;
        }
    }
    const char *path = optind < argc ? argv[optind] : "build/bench/province.db";
    tp_db *db = NULL;
    db_open_opts o = {.no_pilot_data = true, .user = "bench"};
    if (db_open(path, &o, &db) != TP_OK) {
        fprintf(stderr, "bench_search: %s: %s\n", path, db_open_error());
        return 1;
    }
    double *wall = calloc((size_t)runs, sizeof *wall);
    double *cpu = calloc((size_t)runs, sizeof *cpu);
    if (!wall || !cpu)
        return 1;
    printf("| query | chars | median | p95 | CPU median | target | | hits |\n"
           "|---|---|---:|---:|---:|---:|---|---:|\n");
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        int hits = 0;
        for (int i = -2; i < runs; i++) {
            hits = 0;
            double w0 = clock_ms(CLOCK_MONOTONIC);
            double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
            if (db_search(db, queries[q].query, 20, count_hit, &hits) != TP_OK) {
                fprintf(stderr, "bench_search: %s\n", db_last_error(db));
                return 1;
            }
            if (i >= 0) {
                wall[i] = clock_ms(CLOCK_MONOTONIC) - w0;
                cpu[i] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
            }
        }
        bench_spread w = bench_sorted(wall, runs), c = bench_sorted(cpu, runs);
        printf("| %s | %s | %.3f | %.3f | %.3f | %.0f | %s | %d |\n",
               queries[q].what, queries[q].query, w.median, w.p95, c.median,
               TARGET_MS, w.median <= TARGET_MS ? "PASS" : "FAIL", hits);
    }
    free(wall);
    free(cpu);
    db_close(&db);
    return 0;
}
