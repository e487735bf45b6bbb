/* db dashboards — the figures of the sponsors' and the province's
 * dashboard panels, read from summaries kept by triggers (migration 004:
 * meeting_tally, six_step_tally; 009: circle_month_tally and
 * tambon_month_tally) or from small tables, so that each
 * panel stays fast at province scale. Tombstoned rows never count.
 * (The six-step panel uses db_six_step_rollup_by_tambon of db_rollup.h.)
 *
 * Each function calls fn once per row in the order given; strings are valid
 * only during the call; fn returns false to stop. */
#ifndef TAPIAN_DB_DASHBOARD_H
#define TAPIAN_DB_DASHBOARD_H

#include <stdbool.h>

#include "tapian/db.h"

/* The month (YYYY-MM) of the newest live meeting into month[8]; "" when
 * there is none. The panels show the months up to it. */
tp_status db_dash_last_month(tp_db *db, char month[8]);

typedef struct {
    const char *circle;  /* kit, amnuay, eua, mixed, ... */
    const char *month;   /* YYYY-MM */
    long long meetings;  /* live meetings of the circle that month */
    long long listed;    /* live attendance rows of them */
    long long came;      /* of which present, late or representative */
} db_circle_month_row;
typedef bool (*db_circle_month_fn)(void *ctx, const db_circle_month_row *r);

/* Attendance per circle per month over the province, months from..to
 * (YYYY-MM, both included); circles in programme order, then months. */
tp_status db_dash_circle_months(tp_db *db, const char *from, const char *to,
                                db_circle_month_fn fn, void *ctx);

typedef struct {
    const char *tambon_id;
    const char *tambon;
    const char *month;   /* YYYY-MM */
    long long meetings;  /* live meetings in the tambon or its villages */
} db_tambon_month_row;
typedef bool (*db_tambon_month_fn)(void *ctx, const db_tambon_month_row *r);

/* Meetings per tambon per month, months from..to; live tambons in Thai
 * order, only months that have meetings. */
tp_status db_dash_tambon_months(tp_db *db, const char *from, const char *to,
                                db_tambon_month_fn fn, void *ctx);

typedef struct {
    const char *tambon_id;
    const char *tambon;
    int groups;          /* live finance groups in the tambon or its villages */
    int with_goal;       /* of which with a live fish_goal (head) */
    int with_knowledge;  /* with a live fish_knowledge row (tail) */
    int complete;        /* with both */
} db_fish_row;
typedef bool (*db_fish_fn)(void *ctx, const db_fish_row *r);

/* Fish-model completeness per live tambon, in Thai order. */
tp_status db_dash_fish(tp_db *db, db_fish_fn fn, void *ctx);

typedef struct {
    const char *agency_id;
    const char *agency;  /* short name */
    const char *kind;    /* budget, vehicle, staff_days, other */
    const char *unit;    /* บาท, คัน, วัน ... */
    double committed;    /* sum of amount */
    double delivered;    /* sum of delivered */
    int commitments;     /* live rows */
} db_support_row;
typedef bool (*db_support_fn)(void *ctx, const db_support_row *r);

/* Support committed and delivered per live agency, kind and unit: agencies
 * in Thai order of short name, then kind, then unit. */
tp_status db_dash_support(tp_db *db, db_support_fn fn, void *ctx);

#endif
