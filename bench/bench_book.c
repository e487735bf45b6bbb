/* The printed book at scale: `export book` of 10,000 knowledge assets in
 * each format (HTML, Markdown, text at 72 columns) written to /dev/null.
 * The file is made here on first use (build/bench/book.db: the pilot data
 * and 10,000 assets with titles and stories cut from bench/seeds, spread
 * over the topics) and kept. Each format runs once to
 * warm the caches, then RUNS times; prints median and 95th percentile wall
 * time and median CPU time. Target: 2 s per format. Exits 0 whatever the
 * figures.
 *
 *   bench_book [-n RUNS] [-s SEEDS] [-f html|md|text] [-a ASSETS] [PATH]
 *   (default build/bench/book.db; -f: that format only, e.g. for perf;
 *   -a: make a file of that many assets instead of 10,000, e.g. a search
 *   corpus for bench_search; only with -f or -n to time it) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gen_text.h"
#include "tapian/db.h"
#include "tapian/db_bulk.h"
#include "tapian/export.h"
#include "bench_stats.h"

#define N_ASSETS 10000
#define TARGET_MS 2000.0
#define GENERATOR "bench_book 1 %d"

/* A third of the assets belong to the pilot's tambon network group (so the
 * book has tambon and group headings), the rest are province-wide. */
static const char *const groups[] = {
    "00000005-0000-4000-8000-000000000001", NULL, NULL,
};

static tp_status make_file(const char *path, const char *seed_dir, int n)
{
    gen_seeds seeds;
    if (gen_seeds_load(&seeds, seed_dir) != 0)
        return TP_ERR_IO;
    db_open_opts o = {.user = "bench_book"};
    tp_db *db;
    tp_status s = db_open(path, &o, &db);
    if (s != TP_OK) {
        gen_seeds_free(&seeds);
        return s;
    }
    db_bulk *bulk;
    s = db_bulk_begin(db, "2026-01-01T00:00:00.000Z", &bulk);
    static const char *const topics[] = {"finance", "finance", "finance",
                                         "natural_resources", "environment",
                                         "other"};
    gen_rng rng = {.s = 2548};
    char title[200], story[1600];
    for (int i = 0; s == TP_OK && i < n; i++) {
        gen_seed_phrase(&seeds, &rng, title, sizeof title);
        gen_seed_passage(&seeds, &rng, story, sizeof story);
        char id[37];
        gen_uuid(&rng, id);
        s = db_bulk_asset(bulk, id, title, story, topics[gen_below(&rng, 6)],
                          groups[gen_below(&rng, 3)]);
    }
    char generator[64];
    snprintf(generator, sizeof generator, GENERATOR, n);
    if (s == TP_OK)
        s = db_bulk_end(&bulk, generator);
    else
        db_bulk_abort(&bulk);
    db_close(&db);
    gen_seeds_free(&seeds);
    return s;
}

static bool up_to_date(const char *path, int n)
{
    char want[64];
    snprintf(want, sizeof want, GENERATOR, n);
    if (access(path, F_OK) != 0)
        return false;
    db_open_opts o = {.read_only = true};
    tp_db *db;
    if (db_open(path, &o, &db) != TP_OK)
        return false;
    char have[64] = "";
    bool same = db_bulk_generator(db, have, sizeof have) == TP_OK &&
                strcmp(have, want) == 0;
    db_close(&db);
    return same;
}

int main(int argc, char **argv)
{
    int runs = 5, opt;
    const char *seed_dir = "bench/seeds";
    book_format only = BOOK_HTML;
    bool one = false;
    int assets = N_ASSETS;
    while ((opt = getopt(argc, argv, "n:s:f:a:")) != -1) {
        if (opt == 's')
            seed_dir = optarg;
        else if (opt == 'a' && (assets = atoi(optarg)) > 0)
            continue;
        else if (opt == 'f' && book_format_parse(optarg, &only))
            one = true;
        else if (opt != 'n' || (runs = atoi(optarg)) < 1) {
            fprintf(stderr, "usage: bench_book [-n RUNS] [-s SEEDS] "
                            "[-f html|md|text] [-a ASSETS] [PATH]\n");
            return 2;
        }
    }
    const char *path = optind < argc ? argv[optind] : "build/bench/book.db";
    if (!up_to_date(path, assets)) {
        unlink(path);
        tp_status s = make_file(path, seed_dir, assets);
        if (s != TP_OK) {
            fprintf(stderr, "bench_book: %s: %s\n", path, tp_status_name(s));
            return 1;
        }
    }
    tp_db *db = NULL;
    db_open_opts o = {.no_pilot_data = true, .user = "bench"};
    if (db_open(path, &o, &db) != TP_OK) {
        fprintf(stderr, "bench_book: %s: %s\n", path, db_open_error());
        return 1;
    }
    FILE *out = fopen("/dev/null", "w");
    double *wall = calloc((size_t)runs, sizeof *wall);
    double *cpu = calloc((size_t)runs, sizeof *cpu);
    if (!out || !wall || !cpu)
        return 1;
    static const struct {
        const char *what;
        book_format f;
    } formats[] = {{"html", BOOK_HTML}, {"markdown", BOOK_MD},
                   {"text (72 columns)", BOOK_TEXT}};
    printf("| book of %d assets | median | p95 | CPU median | target | | records |\n"
           "|---|---:|---:|---:|---:|---|---:|\n", assets);
    for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
        if (one && formats[f].f != only)
            continue;
        book_opts bo = {.format = formats[f].f};
        book_stats st = {0};
        for (int i = -1; i < runs; i++) {
            double w0 = clock_ms(CLOCK_MONOTONIC);
            double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
            if (book_export(db, &bo, out, &st) != TP_OK) {
                fprintf(stderr, "bench_book: export failed\n");
                return 1;
            }
            if (i >= 0) {
                wall[i] = clock_ms(CLOCK_MONOTONIC) - w0;
                cpu[i] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
            }
        }
        bench_spread w = bench_sorted(wall, runs), c = bench_sorted(cpu, runs);
        printf("| %s | %.0f | %.0f | %.0f | %.0f | %s | %zu |\n",
               formats[f].what, w.median, w.p95, c.median, TARGET_MS,
               w.median <= TARGET_MS ? "PASS" : "OVER", st.assets + st.lessons);
    }
    fclose(out);
    free(wall);
    free(cpu);
    db_close(&db);
    return 0;
}
