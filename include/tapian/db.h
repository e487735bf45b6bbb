/* db — the only module that talks to SQLite. Views ask it for named records
 * and sources; they never see SQL. */
#ifndef TAPIAN_DB_H
#define TAPIAN_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "tapian/status.h"

typedef struct tp_db tp_db;

typedef struct {
    bool read_only;     /* open without writing */
    bool kiosk;         /* synchronous=FULL where power can fail */
    bool no_pilot_data; /* a new file starts empty instead of with the pilot */
    int busy_timeout_ms; /* how long to wait for another writer; 0 = 5000 */
    const char *user;   /* login recorded as created_by/updated_by and in the
                           audit log; NULL = "system" */
} db_open_opts;

/* Opens or creates the database at path and brings its schema up to date.
 * On failure *out is NULL and the status says why (locked, read-only,
 * corrupt, newer version, ...); the file is left untouched. A file that can
 * only be read is opened read-only and db_is_read_only says so. Before an
 * existing file is migrated, a copy is kept as "<path>.before-vN.bak" (N =
 * the version it is brought to). */
tp_status db_open(const char *path, const db_open_opts *opts, tp_db **out);
/* Details of the last failed db_open (the SQLite message), for logs. */
const char *db_open_error(void);
void db_close(tp_db **db);
bool db_is_read_only(const tp_db *db);
const char *db_path(const tp_db *db);
/* The last SQLite error message, for logs. */
const char *db_last_error(const tp_db *db);
/* Schema version of the open file (PRAGMA user_version). */
int db_schema_version(tp_db *db);
/* Number of migrations this program knows (the version it creates). */
int db_schema_latest(void);
/* For tests and upgrade checks: makes a file at path with only the first
 * `version` migrations applied (0 = an empty file), no pilot data. */
tp_status db_create_at_version(const char *path, int version);
/* How many times this connection waited for another writer (each wait of
 * the busy handler and each retry of BEGIN), for the many-users figures. */
long long db_busy_waits(const tp_db *db);
/* Changes the login recorded for later writes (after a user logs in). */
void db_set_user(tp_db *db, const char *login);

/* Home screen summary: per pilot tambon, how many villages, finance groups
 * and meetings are recorded. Calls fn once per tambon in Thai order. */
typedef void (*db_tambon_count_fn)(void *ctx, const char *tambon,
                                   int villages, int groups, int meetings);
tp_status db_tambon_counts(tp_db *db, db_tambon_count_fn fn, void *ctx);

/* ---- transactions -------------------------------------------------------
 * The outermost db_begin takes the write lock at once (BEGIN IMMEDIATE) so
 * that waiting happens there, inside the busy timeout; inner ones are
 * savepoints. Every write function below runs in its own (nested)
 * transaction, so callers need these only to group several writes. */
tp_status db_begin(tp_db *db);
tp_status db_commit(tp_db *db);
void db_rollback(tp_db *db);

/* ---- values and generic record writes ----------------------------------- */

typedef enum { DB_NULL, DB_INT, DB_REAL, DB_TEXT } db_type;

typedef struct {
    const char *column; /* column name (writes) or NULL (query parameters) */
    db_type type;
    long long i;
    double r;
    const char *s;      /* UTF-8, NUL-terminated; NULL stores NULL */
} db_value;

#define DB_V_TEXT(col, str) ((db_value){.column = (col), .type = DB_TEXT, .s = (str)})
#define DB_V_INT(col, n) ((db_value){.column = (col), .type = DB_INT, .i = (n)})
#define DB_V_REAL(col, x) ((db_value){.column = (col), .type = DB_REAL, .r = (x)})
#define DB_V_NULL(col) ((db_value){.column = (col), .type = DB_NULL})

/* UUID text, 36 characters and the NUL. */
#define DB_UUID_LEN 37

/* Inserts a row into a record table (one with the base columns). The base
 * columns are filled here and may not be given. Writes the audit row in the
 * same transaction. id (if not NULL) receives the new row's id.
 * TP_ERR_CONSTRAINT (with db_last_error) when a rule of the schema is
 * broken; TP_ERR_INVALID for an unknown table or column. */
tp_status db_insert(tp_db *db, const char *table, const db_value *values,
                    size_t n, char id[DB_UUID_LEN]);
/* Changes columns of a live row whose version is still `version`; the
 * version goes up by one. TP_ERR_CONFLICT when someone else changed it
 * meanwhile, TP_ERR_NOTFOUND when there is no live row with that id. */
tp_status db_update(tp_db *db, const char *table, const char *id,
                    long long version, const db_value *values, size_t n);
/* Marks a live row deleted (tombstone); rows are never DELETEd. */
tp_status db_tombstone(tp_db *db, const char *table, const char *id,
                       long long version);
/* Brings a tombstoned row back. */
tp_status db_restore(tp_db *db, const char *table, const char *id,
                     long long version);
/* Current version of a row and whether it is tombstoned. */
tp_status db_row_version(tp_db *db, const char *table, const char *id,
                         long long *version, bool *deleted);
/* Number of live rows of a record table. */
tp_status db_count_live(tp_db *db, const char *table, long long *n);
/* Number of audit rows about one row. */
tp_status db_audit_count(tp_db *db, const char *table, const char *id,
                         long long *n);

/* ---- typed writes the home screen and tests need ------------------------ */

typedef struct {
    const char *kind;      /* province, amphoe, tambon, village */
    const char *parent_id; /* NULL for a province */
    const char *name;      /* may be NULL for a village */
    int moo;               /* village number (หมู่ที่), 0 otherwise */
    const char *wave;      /* pilot, 2549, 2550, 2551 or NULL */
} db_place;
tp_status db_place_add(tp_db *db, const db_place *p, char id[DB_UUID_LEN]);

tp_status db_agency_add(tp_db *db, const char *short_name,
                        const char *full_name, bool core_nine,
                        char id[DB_UUID_LEN]);
tp_status db_person_add(tp_db *db, const char *title, const char *name,
                        const char *agency_id, char id[DB_UUID_LEN]);
tp_status db_group_add(tp_db *db, const char *type, const char *name,
                       const char *place_id, char id[DB_UUID_LEN]);

typedef struct {
    const char *circle;   /* kit, amnuay, eua, mixed, tambon_network, ... */
    const char *held_on;  /* YYYY-MM-DD (CE) */
    const char *place_id; /* may be NULL */
    const char *title;
    const char *purpose, *agenda, *outcomes, *next_steps, *notes;
} db_meeting;
tp_status db_meeting_add(tp_db *db, const db_meeting *m, char id[DB_UUID_LEN]);
/* status: present, absent, excused, late, representative. */
tp_status db_attendance_add(tp_db *db, const char *meeting_id,
                            const char *person_id, const char *status,
                            const char *representative_name,
                            char id[DB_UUID_LEN]);
/* The kept count of people who came (present, late, representative). */
tp_status db_meeting_attendees(tp_db *db, const char *meeting_id, int *n);

/* ---- named read queries --------------------------------------------------
 * Each row is given as text columns (NULL for SQL NULL). Return false from
 * the callback to stop early. Names:
 *   "people"            id, title, name — live people in Thai order
 *   "places"            id, kind, parent_id, name, moo — every live place,
 *                       by id
 *   "place_children"    id, kind, name, moo — ?1 = parent id, Thai order
 *   "meetings_of_place" id, held_on, title, attendee_count — ?1 = place id
 *   "audit_of_row"      seq, action, who, old_json, new_json — ?1 table, ?2 id */
typedef bool (*db_query_fn)(void *ctx, int ncols, const char *const *cols);
tp_status db_query(tp_db *db, const char *name, const db_value *params,
                   size_t n, db_query_fn fn, void *ctx);

/* ---- maintenance ---------------------------------------------------------- */

/* PRAGMA integrity_check and foreign_key_check; fn gets each report line
 * ("ok" when all is well). TP_ERR_CORRUPT when the file is damaged,
 * TP_ERR_CONSTRAINT when only references are broken. */
typedef void (*db_report_fn)(void *ctx, const char *line);
tp_status db_check(tp_db *db, db_report_fn fn, void *ctx);
/* A consistent copy of the open database at path, made with the online
 * backup API in small steps so others can keep writing. The copy is written
 * beside path first and renamed into place when complete. */
tp_status db_backup(tp_db *db, const char *path);

/* Backups kept beside the database, in <dbdir>/backups/, named
 * <file>-<UTC time>-<NN>-<reason>.db; only the newest DB_BACKUPS_KEPT stay.
 * reason is a short word (daily, import, sync, before-restore). When made
 * is not NULL it receives the new file's path (size at least 4096). */
#define DB_BACKUPS_KEPT 14
tp_status db_backup_rotating(tp_db *db, const char *reason, char *made);
/* A "daily" rotating backup unless the newest one is less than a day old. */
tp_status db_backup_daily(tp_db *db);
/* The same, in slices, so that the program keeps answering keys while a
 * large file is copied (the province file takes many seconds):
 * db_backup_daily_begin sets *job to NULL when no backup is due (or the file
 * is read-only); db_backup_job_step copies for about budget_ms and sets
 * *done once the copy is in place and old ones pruned; after done or an
 * error, free the job. Freeing an unfinished job removes its partial copy.
 * Writes through this connection meanwhile go into the copy; a write by
 * another program restarts it. */
typedef struct db_backup_job db_backup_job;
tp_status db_backup_daily_begin(tp_db *db, db_backup_job **job);
tp_status db_backup_job_step(db_backup_job *job, int budget_ms, bool *done);
void db_backup_job_free(db_backup_job *job);
/* Puts the database in file in place of the open one: file must open as a
 * tapian database of this version and pass db_check; the current contents
 * go to a rotating backup first (its path into made, as above). The copy is
 * made through SQLite's backup API into the open connection, so it is one
 * transaction: a crash leaves either the old or the new contents, and other
 * programs with the file open see the change instead of a stale file. */
tp_status db_restore_file(tp_db *db, const char *file, char *made);

#endif
