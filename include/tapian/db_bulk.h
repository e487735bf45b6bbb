/* db bulk loading — for generated data sets only (bench/gen_province).
 *
 * Rows go in through prepared statements inside large transactions, with
 * ids and timestamps chosen by the caller (so a generator can be
 * deterministic) and WITHOUT audit rows: a generated benchmark database has
 * no history to keep, and 2,000,000 audit rows would only slow it down.
 * The summaries of migration 002 are still kept by their triggers.
 *
 * While a load runs the file has no rollback journal, is not synced and
 * does not check foreign keys row by row (the caller takes every reference
 * from rows it has just written): a crash leaves it damaged. Load into a
 * temporary file and rename it into place after db_bulk_end. Never use this
 * on a user's database. */
#ifndef TAPIAN_DB_BULK_H
#define TAPIAN_DB_BULK_H

#include "tapian/db.h"

typedef struct db_bulk db_bulk;

/* Starts a load into a freshly opened database. stamp is written to
 * created_at/updated_at of every row (UTC 'YYYY-MM-DDTHH:MM:SS.SSSZ'). */
tp_status db_bulk_begin(tp_db *db, const char *stamp, db_bulk **out);
/* Commits, records `generator` in the file (see db_bulk_generator), brings
 * back the journal (WAL) and refreshes the planner's statistics. */
tp_status db_bulk_end(db_bulk **b, const char *generator);
/* Gives up: rolls back what it can. The file should be discarded. */
void db_bulk_abort(db_bulk **b);

/* The generator version recorded by db_bulk_end, or TP_ERR_NOTFOUND. */
tp_status db_bulk_generator(tp_db *db, char *buf, size_t size);

/* Rows. id is a UUID text (36 characters) made by the caller. */
tp_status db_bulk_place(db_bulk *b, const char *id, const db_place *p);
tp_status db_bulk_person(db_bulk *b, const char *id, const char *title,
                         const char *name, const char *place_id);
tp_status db_bulk_group(db_bulk *b, const char *id, const char *type,
                        const char *name, const char *place_id);
tp_status db_bulk_meeting(db_bulk *b, const char *id, const db_meeting *m);
tp_status db_bulk_attendance(db_bulk *b, const char *id,
                             const char *meeting_id, const char *person_id,
                             const char *status);
/* reached_on is required when status is "reached", NULL otherwise. */
tp_status db_bulk_six_step(db_bulk *b, const char *id, const char *village_id,
                           int step, const char *status,
                           const char *reached_on);
tp_status db_bulk_asset(db_bulk *b, const char *id, const char *title,
                        const char *story, const char *topic,
                        const char *group_id);

#endif
