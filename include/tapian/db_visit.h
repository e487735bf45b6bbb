/* db visit — the field-visit plan of a tambon as a month view: the visits of
 * a plan by day, with the two things the pilot wants flagged:
 *   clash    one facilitator with visits at two different groups on the
 *            same day (any plan; cancelled and tombstoned visits do not
 *            count);
 *   overdue  a planned or postponed visit whose day is before today.
 * Writes go through db_insert / db_update, so the screen permits and the
 * audit trail apply. Strings passed to callbacks live only during the call.
 * Dates are ISO (CE), today is given by the caller. */
#ifndef TAPIAN_DB_VISIT_H
#define TAPIAN_DB_VISIT_H

#include <stdbool.h>

#include "tapian/db.h"

typedef struct {
    const char *id;
    const char *title;
    const char *tambon_id;
    const char *tambon;
    const char *period_from, *period_to; /* may be NULL */
} db_visit_plan;
typedef void (*db_visit_plan_fn)(void *ctx, const db_visit_plan *p);

/* The live plan with that id; TP_ERR_NOTFOUND when there is none. */
tp_status db_visit_plan_get(tp_db *db, const char *plan_id,
                            db_visit_plan_fn fn, void *ctx);

typedef struct {
    const char *id;
    long long version;
    const char *visit_on;       /* may be NULL for a visit not yet dated */
    const char *group_id, *group_name;       /* may be NULL */
    const char *facilitator_id, *facilitator; /* may be NULL */
    const char *status;         /* planned, done, cancelled, postponed */
    const char *agenda;         /* may be NULL */
    const char *meeting_id, *meeting_title;  /* may be NULL */
    bool clash, overdue;
} db_visit;
typedef bool (*db_visit_fn)(void *ctx, const db_visit *v);

/* Live visits of a plan dated from..to (inclusive), by day, then group in
 * Thai order. */
tp_status db_visits_between(tp_db *db, const char *plan_id, const char *from,
                            const char *to, const char *today,
                            db_visit_fn fn, void *ctx);
/* Over the whole plan: visits in a clash, overdue visits, and visits not
 * yet given a day (a month cannot show them). */
tp_status db_visit_flag_counts(tp_db *db, const char *plan_id,
                               const char *today, int *clashes, int *overdue,
                               int *undated);

typedef struct {
    const char *id;
    const char *held_on;
    const char *title;
} db_visit_meeting;
typedef bool (*db_visit_meeting_fn)(void *ctx, const db_visit_meeting *m);

/* Meetings a visit may be recorded by: live meetings in the plan's tambon
 * (held at the tambon, at one of its villages, or at the visited group's
 * place), the nearest to the visit's day first; at most limit. */
tp_status db_visit_meetings(tp_db *db, const char *visit_id, int limit,
                            db_visit_meeting_fn fn, void *ctx);
/* Marks the visit done and links the meeting (version as loaded). */
tp_status db_visit_done(tp_db *db, const char *visit_id, long long version,
                        const char *meeting_id);
/* In one transaction: a new meeting on the visit's day at the visited
 * group's place (a field stage), with the given title and the visit's
 * agenda, and the visit marked done with it. meeting_id gets its id. */
tp_status db_visit_done_new_meeting(tp_db *db, const char *visit_id,
                                    long long version, const char *title,
                                    char meeting_id[DB_UUID_LEN]);

#endif
