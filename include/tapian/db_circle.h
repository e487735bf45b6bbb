/* db circle — running a learning circle (its meetings, the expected
 * participants, observers, one save) and its attendance rates over time.
 * Strings given to callbacks are valid only during the call; return false
 * from a callback to stop early. */
#ifndef TAPIAN_DB_CIRCLE_H
#define TAPIAN_DB_CIRCLE_H

#include <stdbool.h>

#include "tapian/db.h"

/* ---- meetings of a circle kind ------------------------------------------- */

typedef struct {
    const char *id;
    const char *held_on; /* YYYY-MM-DD (CE) */
    const char *title;
    int attendees;       /* meeting.attendee_count */
} db_circle_meeting_row;
typedef bool (*db_circle_meeting_fn)(void *ctx, const db_circle_meeting_row *r);

/* Live meetings of circle (kit, amnuay, ...), newest first. */
tp_status db_circle_meetings(tp_db *db, const char *circle,
                             db_circle_meeting_fn fn, void *ctx);

/* One meeting as the circle screen needs it; every string malloc'd (NULL
 * for SQL NULL), freed by db_circle_meeting_free. */
typedef struct {
    char *id, *circle, *held_on, *title, *venue;
    char *homework_reviewed, *outcomes, *next_steps, *notes;
    long long version;
} db_circle_meeting;
tp_status db_circle_meeting_get(tp_db *db, const char *id,
                                db_circle_meeting *out);
/* The live meeting of the same circle held last before this one (ties:
 * the greater id first); TP_ERR_NOTFOUND when there is none. */
tp_status db_circle_meeting_previous(tp_db *db, const char *id,
                                     db_circle_meeting *out);
void db_circle_meeting_free(db_circle_meeting *m);

/* ---- who is expected ------------------------------------------------------ */

typedef struct {
    const char *person_id;
    const char *name;          /* title and name, e.g. ลุงชินวัฒน์ */
    const char *attendance_id; /* NULL: not recorded yet for this meeting */
    long long version;         /* of the attendance row */
    const char *status;        /* NULL when not recorded */
    const char *representative_name;
} db_circle_person_row;
typedef bool (*db_circle_person_fn)(void *ctx, const db_circle_person_row *r);

/* The expected participants of a meeting, in Thai order of name: the
 * people already recorded for it (any status) and those who came (present,
 * late or by representative) to the previous meeting of its circle. */
tp_status db_circle_expected(tp_db *db, const char *meeting_id,
                             db_circle_person_fn fn, void *ctx);

/* Every live person (id, display name) in Thai order, for adding someone. */
tp_status db_circle_people(tp_db *db, db_circle_person_fn fn, void *ctx);

/* Observers of a meeting: name is the person's display name or the free
 * text; person_id NULL for a free-text observer. */
typedef bool (*db_circle_observer_fn)(void *ctx, const char *person_id,
                                      const char *name);
tp_status db_circle_observers(tp_db *db, const char *meeting_id,
                              db_circle_observer_fn fn, void *ctx);

/* ---- one save -------------------------------------------------------------- */

typedef struct {
    const char *person_id;
    const char *attendance_id; /* NULL or "": a new row */
    long long version;         /* of the existing row */
    const char *status;        /* present, absent, excused, late, representative */
    const char *representative_name; /* only for representative */
} db_circle_mark;

typedef struct {
    const char *person_id; /* or NULL with a name */
    const char *name;
} db_circle_new_observer;

typedef struct {
    const char *meeting_id;
    long long version;     /* the meeting's version when it was read */
    const char *homework_reviewed, *outcomes, *next_steps, *notes;
    const db_circle_mark *marks;
    size_t n_marks;
    const db_circle_new_observer *observers;
    size_t n_observers;
} db_circle_record;

/* The meeting's texts, every attendance mark (rows that did not change are
 * left alone) and the new observers, in one transaction: all or nothing.
 * TP_ERR_CONFLICT when the meeting or a row was changed meanwhile. */
tp_status db_circle_save(tp_db *db, const db_circle_record *r);

/* ---- attendance rates ----------------------------------------------------- */

typedef struct {
    const char *key;     /* month YYYY-MM, or a person's display name */
    long long meetings;  /* meetings of the circle (month) or attended rows */
    long long listed;    /* attendance rows */
    long long came;      /* of which present, late or representative */
} db_circle_tally;
typedef bool (*db_circle_tally_fn)(void *ctx, const db_circle_tally *r);

/* Per month of a circle, newest first, from the meeting_tally summary of
 * migration 004 (no attendance rows are counted: fast at province scale). */
tp_status db_circle_rate_by_month(tp_db *db, const char *circle,
                                  db_circle_tally_fn fn, void *ctx);
/* Per person over the circle's meetings since `since` (YYYY-MM-DD, NULL =
 * all), in Thai order; meetings = how many of them list the person. */
tp_status db_circle_rate_by_person(tp_db *db, const char *circle,
                                   const char *since, db_circle_tally_fn fn,
                                   void *ctx);

#endif
