/* db rollups — the list pages and dashboard figures that must stay fast on a
 * whole province (165 tambons, 100,000 meetings, 2,000,000 attendance rows).
 * They read the summaries of migration 002 (kept by triggers), never count
 * attendance rows at query time. Tombstoned rows never count.
 *
 * Each function calls fn once per row, in the order given; the strings are
 * valid only during the call. Return false from fn to stop early. */
#ifndef TAPIAN_DB_ROLLUP_H
#define TAPIAN_DB_ROLLUP_H

#include <stdbool.h>

#include "tapian/db.h"

/* ---- the tambon list (the first page after opening) ---------------------- */

typedef struct {
    const char *id;
    const char *name;
    const char *amphoe;   /* name of the amphoe above it, NULL if none */
    int villages;         /* live villages */
    int groups;           /* live finance groups in the tambon or its villages */
    long long meetings;   /* live meetings in the tambon or its villages */
} db_tambon_row;
typedef bool (*db_tambon_row_fn)(void *ctx, const db_tambon_row *r);

/* Live tambons in Thai order of amphoe, then tambon name; rows
 * [offset, offset + limit). */
tp_status db_tambons_page(tp_db *db, int offset, int limit,
                          db_tambon_row_fn fn, void *ctx);

/* ---- a tambon's meetings ----------------------------------------------- */

typedef struct {
    const char *id;
    const char *held_on;  /* YYYY-MM-DD (CE) */
    const char *circle;
    const char *title;
    int attendees;        /* live rows present, late or representative */
    int listed;           /* live attendance rows of any status */
} db_meeting_row;
typedef bool (*db_meeting_row_fn)(void *ctx, const db_meeting_row *r);

/* Live meetings held in the tambon or one of its villages, newest first
 * (ties by id), rows [offset, offset + limit). */
tp_status db_meetings_page(tp_db *db, const char *tambon_id, int offset,
                           int limit, db_meeting_row_fn fn, void *ctx);

/* ---- province dashboards ------------------------------------------------- */

typedef struct {
    const char *tambon_id;
    const char *tambon;
    const char *amphoe;
    const char *circle;   /* kit, amnuay, eua, mixed, tambon_network, ... */
    long long meetings;   /* live meetings of this circle in the tambon */
    long long listed;     /* live attendance rows of those meetings */
    long long came;       /* of which present, late or representative */
    double rate;          /* came / listed, 0 when nothing is listed */
} db_circle_rate_row;
typedef bool (*db_circle_rate_fn)(void *ctx, const db_circle_rate_row *r);

/* Attendance rate per circle per tambon, over the whole province: live
 * tambons in the order of db_tambons_page, circles in programme order
 * (kit, amnuay, eua, mixed, tambon_network, field_stage, knowledge_fair);
 * only circles that have meetings in the tambon. */
tp_status db_attendance_rate_by_circle_tambon(tp_db *db, db_circle_rate_fn fn,
                                              void *ctx);

#define DB_SIX_STEPS 6

typedef struct {
    const char *tambon_id;
    const char *tambon;
    const char *amphoe;
    int villages;                     /* live villages of the tambon */
    int in_progress[DB_SIX_STEPS];    /* [step - 1]: villages working on it */
    int reached[DB_SIX_STEPS];        /* [step - 1]: villages that reached it */
} db_six_step_row;
typedef bool (*db_six_step_fn)(void *ctx, const db_six_step_row *r);

/* The six-step process per tambon: one row per live tambon, in the order of
 * db_tambons_page. A village with no row for a step has not started it. */
tp_status db_six_step_rollup_by_tambon(tp_db *db, db_six_step_fn fn,
                                       void *ctx);

#endif
