/* bench_db — times the list pages, dashboard rollups, the six-step board
 * and every dashboard panel on the province database made by gen_province
 * (issue #3 §4).
 *
 *   bench_db [-n RUNS] [PATH]      (defaults 20, build/bench/province.db)
 *
 * Each operation runs twice to warm the caches, then RUNS times; the table
 * gives the median and the 95th percentile of the wall-clock times
 * (CLOCK_MONOTONIC) against the target, and the median CPU time of the
 * process (CLOCK_PROCESS_CPUTIME_ID), which shows how much of a slow wall
 * time was other programs on a shared machine. PASS means p95 wall time
 * within the target. A benchmark reports: it exits 0 whatever the figures,
 * and 1 only when it cannot run at all. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tapian/app.h"
#include "tapian/db.h"
#include "tapian/db_rollup.h"
#include "tapian/db_six_step.h"
#include "tapian/term.h"
/* the six-step board's and the dashboard's models, as the views use them */
#include "../src/app/dashboard.h"
#include "../src/app/six_step_board.h"
#include "bench_stats.h"

#define PAGE 20
#define WARMUP 2
#define MAX_TAMBONS 512

struct bench {
    const char *path;
    tp_db *db;                    /* the connection the page timings reuse */
    char tambon[MAX_TAMBONS][40]; /* ids, to give each run another tambon */
    int n_tambons;
    int run;                      /* which run this is, for the rotation */
    long rows;                    /* rows the last run returned */
    size_t bytes;                 /* text it saw, so no work is skipped */
    struct six_board board;       /* the six-step board, loaded and drawn */
    bool headless;                /* curses started for the drawing */
    dash_data dash;               /* dashboard panels, loaded one by one */
    struct app app;               /* what the dashboard view needs: the db */
    struct view *dash_view;       /* the dashboard, drawn whole */
};

static size_t len(const char *s)
{
    return s ? strlen(s) : 0;
}

/* ---- callbacks: count rows and touch their text ---------------------------- */

static bool on_tambon(void *ctx, const db_tambon_row *r)
{
    struct bench *b = ctx;
    b->rows++;
    b->bytes += len(r->name) + len(r->amphoe) + (size_t)r->villages;
    return true;
}

static bool collect_tambon(void *ctx, const db_tambon_row *r)
{
    struct bench *b = ctx;
    if (b->n_tambons < MAX_TAMBONS)
        snprintf(b->tambon[b->n_tambons++], sizeof b->tambon[0], "%s", r->id);
    return true;
}

static bool on_meeting(void *ctx, const db_meeting_row *r)
{
    struct bench *b = ctx;
    b->rows++;
    b->bytes += len(r->title) + len(r->held_on) + (size_t)r->attendees;
    return true;
}

static bool on_rate(void *ctx, const db_circle_rate_row *r)
{
    struct bench *b = ctx;
    b->rows++;
    b->bytes += len(r->tambon) + len(r->circle) + (size_t)(r->rate * 100);
    return true;
}

static bool on_six(void *ctx, const db_six_step_row *r)
{
    struct bench *b = ctx;
    b->rows++;
    b->bytes += len(r->tambon) + (size_t)r->reached[0];
    return true;
}

/* ---- operations ------------------------------------------------------------- */

static tp_status op_open_first_page(struct bench *b)
{
    tp_db *db;
    tp_status s = db_open(b->path, NULL, &db);
    if (s == TP_OK)
        s = db_tambons_page(db, 0, PAGE, on_tambon, b);
    db_close(&db);
    return s;
}

static tp_status op_tambon_page(struct bench *b)
{
    /* Pages 1..8 in turn (165 tambons make 9 pages of 20). */
    return db_tambons_page(b->db, PAGE * (b->run % 8), PAGE, on_tambon, b);
}

static tp_status op_meetings_first(struct bench *b)
{
    return db_meetings_page(b->db, b->tambon[b->run % b->n_tambons], 0, PAGE,
                            on_meeting, b);
}

static tp_status op_meetings_deep(struct bench *b)
{
    /* Around the 20th page of a tambon's ~600 meetings. */
    return db_meetings_page(b->db, b->tambon[b->run % b->n_tambons], 400,
                            PAGE, on_meeting, b);
}

static tp_status op_rate(struct bench *b)
{
    return db_attendance_rate_by_circle_tambon(b->db, on_rate, b);
}

static tp_status op_six(struct bench *b)
{
    return db_six_step_rollup_by_tambon(b->db, on_six, b);
}

static bool on_wave(void *ctx, const db_six_wave *r)
{
    struct bench *b = ctx;
    b->rows++;
    b->bytes += (size_t)r->all_six;
    return true;
}

/* The board as the view loads it: the level's rows and the four waves. */
static tp_status board_load(struct bench *b, six_level level)
{
    b->board.level = level;
    if (level == SIX_VILLAGE)
        snprintf(b->board.tambon_id, sizeof b->board.tambon_id, "%s",
                 b->tambon[b->run % b->n_tambons]);
    tp_status s = six_board_load(b->db, &b->board);
    b->rows = b->board.n;
    return s;
}

static tp_status op_board_villages(struct bench *b)
{
    return board_load(b, SIX_VILLAGE);
}

static tp_status op_board_tambons(struct bench *b)
{
    return board_load(b, SIX_TAMBON);
}

static tp_status op_board_amphoes(struct bench *b)
{
    return board_load(b, SIX_AMPHOE);
}

static tp_status op_board_province(struct bench *b)
{
    return board_load(b, SIX_PROVINCE);
}

static tp_status op_waves(struct bench *b)
{
    return db_six_step_waves(b->db, on_wave, b);
}

/* Curses on a virtual 120x40 screen (refresh writes to /dev/null). */
static tp_status headless(struct bench *b)
{
    if (b->headless)
        return TP_OK;
    term_opts o = {.script = "/dev/null", .cols = 120, .rows = 40};
    const char *why;
    if (!term_setup_locale(&why) || term_start(&o) != TP_OK)
        return TP_ERR_IO;
    b->headless = true;
    return TP_OK;
}

/* What opening the board costs: the tambon level and the waves loaded and
 * drawn into curses' virtual screen (headless, 120x40; refresh writes to
 * /dev/null), the selection moving each run. The level operations above
 * reuse the waves, as the view does when only the level changes. */
static tp_status op_board_draw(struct bench *b)
{
    if (headless(b) != TP_OK)
        return TP_ERR_IO;
    b->board.waves_fresh = false;
    tp_status s = board_load(b, SIX_TAMBON);
    if (s != TP_OK)
        return s;
    b->board.selected = b->run % (b->board.n ? b->board.n : 1);
    erase();
    six_board_draw(&b->board, 1, 37, 120);
    refresh();
    return TP_OK;
}

/* One dashboard panel as the view loads it (dash_load: the newest month,
 * the panel's queries, its rows of pictures and numbers), from nothing. */
static tp_status dash_panel_load(struct bench *b, dash_panel_id p)
{
    dash_forget(&b->dash);
    dash_load(b->db, &b->dash, p);
    b->rows = b->dash.panels[p].n;
    return b->dash.panels[p].status;
}

static tp_status op_dash_attendance(struct bench *b)
{
    return dash_panel_load(b, PANEL_ATTENDANCE);
}

static tp_status op_dash_meetings(struct bench *b)
{
    return dash_panel_load(b, PANEL_MEETINGS);
}

static tp_status op_dash_six(struct bench *b)
{
    return dash_panel_load(b, PANEL_SIX_STEP);
}

static tp_status op_dash_fish(struct bench *b)
{
    return dash_panel_load(b, PANEL_FISH);
}

static tp_status op_dash_support(struct bench *b)
{
    return dash_panel_load(b, PANEL_SUPPORT);
}

/* The whole dashboard as someone pages through it: the view drawn at
 * 120x40 on each of its five panels (Tab between them), every panel loaded
 * from nothing (as when the view comes back to the top). */
static tp_status op_dash_draw(struct bench *b)
{
    if (headless(b) != TP_OK)
        return TP_ERR_IO;
    if (!b->dash_view) {
        b->app.db = b->db;
        b->dash_view = dashboard_view_new(&b->app, NULL);
        if (!b->dash_view)
            return TP_ERR_NOMEM;
    }
    struct view *v = b->dash_view;
    v->ops->on_top(v); /* forget every panel's figures */
    term_event tab = {.type = EV_KEY, .key = TK_TAB};
    int cy = -1, cx = -1;
    b->rows = 0;
    for (int i = 0; i < PANEL_COUNT; i++) {
        erase();
        v->ops->draw(&b->app, v, 1, 37, &cy, &cx);
        refresh();
        v->ops->handle(&b->app, v, &tab);
        b->rows++;
    }
    return TP_OK;
}

/* Opening parses the whole schema (about a hundred tables, indexes and
 * triggers) before the first page can be read: it is a start-up cost, held
 * to the dashboard budget; the page itself is the next line. */
static const struct {
    const char *name;
    double target_ms;
    tp_status (*fn)(struct bench *);
} ops[] = {
    {"open -> first tambon page", 50.0, op_open_first_page},
    {"tambon list page (20)", 2.0, op_tambon_page},
    {"tambon meetings, newest 20", 2.0, op_meetings_first},
    {"tambon meetings, offset 400", 2.0, op_meetings_deep},
    {"attendance rate circle x tambon", 50.0, op_rate},
    {"six-step rollup per tambon", 50.0, op_six},
    {"board: villages of a tambon", 100.0, op_board_villages},
    {"board: tambon level", 100.0, op_board_tambons},
    {"board: amphoe level", 100.0, op_board_amphoes},
    {"board: province level", 100.0, op_board_province},
    {"board: waves", 100.0, op_waves},
    {"board: tambons + waves + draw", 100.0, op_board_draw},
    {"dashboard: attendance by circle", 100.0, op_dash_attendance},
    {"dashboard: meetings per tambon", 100.0, op_dash_meetings},
    {"dashboard: six-step per tambon", 100.0, op_dash_six},
    {"dashboard: fish model per tambon", 100.0, op_dash_fish},
    {"dashboard: support per agency", 100.0, op_dash_support},
    {"dashboard: 5 panels loaded+drawn", 100.0, op_dash_draw},
};

/* Runs one operation; prints its line. Returns 0, or -1 when it failed.
 * wall and cpu have room for runs values. */
static int measure(struct bench *b, size_t k, int runs, double *wall,
                   double *cpu)
{
    for (int i = -WARMUP; i < runs; i++) {
        b->run = i < 0 ? 0 : i;
        b->rows = 0;
        bench_lap t = bench_lap_start();
        tp_status s = ops[k].fn(b);
        t = bench_lap_ms(t);
        if (s != TP_OK) {
            fprintf(stderr, "bench_db: %s: %s (%s)\n", ops[k].name,
                    tp_status_name(s), b->db ? db_last_error(b->db) : "");
            return -1;
        }
        if (i >= 0) {
            wall[i] = t.wall;
            cpu[i] = t.cpu;
        }
    }
    bench_report(ops[k].name, 32, wall, cpu, runs, ops[k].target_ms, b->rows);
    return 0;
}

int main(int argc, char **argv)
{
    int runs = 20, opt;
    while ((opt = getopt(argc, argv, "n:")) != -1) {
        if (opt == 'n' && atoi(optarg) > 0) {
            runs = atoi(optarg);
        } else {
            fprintf(stderr, "usage: bench_db [-n RUNS] [PATH]\n");
            return 1;
        }
    }
    struct bench *b = calloc(1, sizeof *b);
    double *t = calloc(2 * (size_t)runs, sizeof *t);
    if (!b || !t) {
        free(b);
        free(t);
        return 1;
    }
    b->path = optind < argc ? argv[optind] : "build/bench/province.db";
    tp_status s = db_open(b->path, NULL, &b->db);
    if (s == TP_OK)
        s = db_tambons_page(b->db, 0, MAX_TAMBONS, collect_tambon, b);
    if (s != TP_OK || b->n_tambons == 0) {
        fprintf(stderr, "bench_db: %s: %s %s\n", b->path, tp_status_name(s),
                db_open_error());
        db_close(&b->db);
        free(t);
        free(b);
        return 1;
    }
    long long att = 0, meet = 0;
    db_count_live(b->db, "attendance", &att);
    db_count_live(b->db, "meeting", &meet);
    printf("%s: %d tambons, %lld meetings, %lld attendance rows; "
           "%d runs after %d warm-up\n\n", b->path, b->n_tambons, meet, att,
           runs, WARMUP);
    printf("%-32s %9s %9s %9s %7s   %-4s %6s\n", "operation (ms)",
           "median", "p95", "cpu med", "target", "", "rows");
    int failed = 0;
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
        failed |= measure(b, k, runs, t, t + runs) != 0;
    if (b->dash_view)
        b->dash_view->ops->destroy(b->dash_view);
    if (b->headless)
        term_stop();
    dash_free(&b->dash);
    six_board_free(&b->board);
    db_close(&b->db);
    free(t);
    free(b);
    return failed ? 1 : 0;
}
