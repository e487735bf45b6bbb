/* Bulk loading of generated data sets (see tapian/db_bulk.h for the rules).
 * Fixed INSERT statements from the statement cache, bound parameters, a
 * commit every BULK_ROWS rows, and no audit rows on purpose: the per-row
 * audit of db_insert would double the work and the file for data that was
 * never entered by anyone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_bulk.h"

/* Large enough that commits cost nothing, small enough that a transaction's
 * dirty pages stay in the cache below. */
#define BULK_ROWS 200000
#define STAMP_LEN 32

struct db_bulk {
    tp_db *db;
    char stamp[STAMP_LEN];
    long rows; /* since the last commit */
};

tp_status db_bulk_begin(tp_db *db, const char *stamp, db_bulk **out)
{
    *out = NULL;
    if (!stamp || strlen(stamp) >= STAMP_LEN ||
        db->tx_depth != 0)
        return TP_ERR_INVALID;
    if (db->read_only)
        return TP_ERR_READONLY;
    /* No journal and no fsync: the file is a throw-away until renamed. The
     * large cache keeps the random-UUID indexes in memory while they grow.
     * Foreign keys are not checked row by row (three index look-ups per
     * attendance row): the generator takes every reference from rows it has
     * just written. */
    tp_status s = db_exec(db, "PRAGMA journal_mode = OFF; "
                              "PRAGMA synchronous = OFF; "
                              "PRAGMA foreign_keys = OFF; "
                              "PRAGMA cache_size = -2097152; "
                              "PRAGMA temp_store = MEMORY");
    if (s != TP_OK)
        return s;
    db_bulk *b = calloc(1, sizeof *b);
    if (!b)
        return TP_ERR_NOMEM;
    b->db = db;
    snprintf(b->stamp, sizeof b->stamp, "%s", stamp);
    /* A generated data set is a starting point every site makes for
     * itself, like the pilot data: not changes to send in sync packs
     * (2,000,000 rows would be a pack of most of a gigabyte). */
    db->sync_paused = true;
    s = db_begin(db);
    if (s != TP_OK) {
        db->sync_paused = false;
        free(b);
        return s;
    }
    *out = b;
    return TP_OK;
}

/* Prepares the statement of one row kind and binds the base columns
 * (?1 id, ?2 stamp, ?3 user, ?4 site); the caller binds from ?5 on. */
static tp_status row_stmt(db_bulk *b, const char *key, const char *sql,
                          const char *id, sqlite3_stmt **st)
{
    if (!id)
        return TP_ERR_INVALID;
    tp_status s = db_stmt(b->db, key, sql, st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(*st, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(*st, 2, b->stamp, -1, SQLITE_STATIC);
    sqlite3_bind_text(*st, 3, b->db->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(*st, 4, b->db->site_id, -1, SQLITE_STATIC);
    return TP_OK;
}

/* The bound strings belong to the caller and live until this returns. */
static tp_status row_done(db_bulk *b, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    tp_status s = rc == SQLITE_DONE ? TP_OK : db_fail(b->db, rc, NULL);
    db_stmt_done(st);
    if (s == TP_OK && ++b->rows >= BULK_ROWS) {
        b->rows = 0;
        s = db_commit(b->db);
        if (s == TP_OK)
            s = db_begin(b->db);
    }
    return s;
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

#define BASE_COLS "id, created_at, created_by, updated_at, updated_by, " \
                  "version, site_id"
#define BASE_VALS "?1, ?2, ?3, ?2, ?3, 1, ?4"

tp_status db_bulk_place(db_bulk *b, const char *id, const db_place *p)
{
    sqlite3_stmt *st;
    tp_status s = row_stmt(b, "bulk.place",
        "INSERT INTO place (" BASE_COLS ", kind, parent_id, name, moo, wave) "
        "VALUES (" BASE_VALS ", ?5, ?6, ?7, ?8, ?9)", id, &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 5, p->kind);
    bind_text(st, 6, p->parent_id);
    bind_text(st, 7, p->name);
    if (p->moo > 0)
        sqlite3_bind_int(st, 8, p->moo);
    bind_text(st, 9, p->wave);
    return row_done(b, st);
}

tp_status db_bulk_person(db_bulk *b, const char *id, const char *title,
                         const char *name, const char *place_id)
{
    sqlite3_stmt *st;
    tp_status s = row_stmt(b, "bulk.person",
        "INSERT INTO person (" BASE_COLS ", title, name, place_id) "
        "VALUES (" BASE_VALS ", ?5, ?6, ?7)", id, &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 5, title);
    bind_text(st, 6, name);
    bind_text(st, 7, place_id);
    return row_done(b, st);
}

tp_status db_bulk_group(db_bulk *b, const char *id, const char *type,
                        const char *name, const char *place_id)
{
    sqlite3_stmt *st;
    tp_status s = row_stmt(b, "bulk.group",
        "INSERT INTO finance_group (" BASE_COLS ", type, name, place_id) "
        "VALUES (" BASE_VALS ", ?5, ?6, ?7)", id, &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 5, type);
    bind_text(st, 6, name);
    bind_text(st, 7, place_id);
    return row_done(b, st);
}

tp_status db_bulk_meeting(db_bulk *b, const char *id, const db_meeting *m)
{
    sqlite3_stmt *st;
    tp_status s = row_stmt(b, "bulk.meeting",
        "INSERT INTO meeting (" BASE_COLS ", circle, held_on, place_id, "
        "title, purpose, agenda, outcomes, next_steps, notes) "
        "VALUES (" BASE_VALS ", ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        id, &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 5, m->circle);
    bind_text(st, 6, m->held_on);
    bind_text(st, 7, m->place_id);
    bind_text(st, 8, m->title);
    bind_text(st, 9, m->purpose);
    bind_text(st, 10, m->agenda);
    bind_text(st, 11, m->outcomes);
    bind_text(st, 12, m->next_steps);
    bind_text(st, 13, m->notes);
    return row_done(b, st);
}

tp_status db_bulk_attendance(db_bulk *b, const char *id,
                             const char *meeting_id, const char *person_id,
                             const char *status)
{
    sqlite3_stmt *st;
    tp_status s = row_stmt(b, "bulk.attendance",
        "INSERT INTO attendance (" BASE_COLS ", meeting_id, person_id, status) "
        "VALUES (" BASE_VALS ", ?5, ?6, ?7)", id, &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 5, meeting_id);
    bind_text(st, 6, person_id);
    bind_text(st, 7, status);
    return row_done(b, st);
}

tp_status db_bulk_six_step(db_bulk *b, const char *id, const char *village_id,
                           int step, const char *status,
                           const char *reached_on)
{
    sqlite3_stmt *st;
    tp_status s = row_stmt(b, "bulk.six_step",
        "INSERT INTO six_step (" BASE_COLS ", village_id, step, status, "
        "reached_on) VALUES (" BASE_VALS ", ?5, ?6, ?7, ?8)", id, &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 5, village_id);
    sqlite3_bind_int(st, 6, step);
    bind_text(st, 7, status);
    bind_text(st, 8, reached_on);
    return row_done(b, st);
}

tp_status db_bulk_asset(db_bulk *b, const char *id, const char *title,
                        const char *story, const char *topic,
                        const char *group_id)
{
    sqlite3_stmt *st;
    tp_status s = row_stmt(b, "bulk.asset",
        "INSERT INTO knowledge_asset (" BASE_COLS ", title, story, topic, "
        "group_id) VALUES (" BASE_VALS ", ?5, ?6, ?7, ?8)", id, &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 5, title);
    bind_text(st, 6, story);
    bind_text(st, 7, topic);
    bind_text(st, 8, group_id);
    return row_done(b, st);
}

tp_status db_bulk_end(db_bulk **pb, const char *generator)
{
    db_bulk *b = *pb;
    tp_db *db = b->db;
    *pb = NULL;
    free(b);
    tp_status s = db_commit(db);
    db->sync_paused = false;
    if (s != TP_OK)
        return s;
    sqlite3_stmt *st;
    s = db_stmt(db, "bulk.generator",
                "INSERT OR REPLACE INTO setting (key, value) "
                "VALUES ('bulk_generator', ?1)", &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 1, generator);
    int rc = sqlite3_step(st);
    db_stmt_done(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, rc, NULL);
    /* A whole ANALYZE (about 3 s on the province file): with
     * analysis_limit it saw 1,000 rows of each index, so the partial index
     * of live rows (one key, deleted_at NULL, for every row) looked like
     * 1,000 rows a key, and the planner read lists through it and sorted
     * 100,000 rows for each page instead of walking the sort-key index. */
    return db_exec(db, "PRAGMA foreign_keys = ON; "
                       "PRAGMA journal_mode = WAL; "
                       "PRAGMA synchronous = NORMAL; "
                       "ANALYZE; "
                       "PRAGMA cache_size = -2000");
}

void db_bulk_abort(db_bulk **pb)
{
    if (!pb || !*pb)
        return;
    db_rollback((*pb)->db);
    (*pb)->db->sync_paused = false;
    free(*pb);
    *pb = NULL;
}

tp_status db_bulk_generator(tp_db *db, char *buf, size_t size)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "bulk.generator_get",
                          "SELECT value FROM setting "
                          "WHERE key = 'bulk_generator'", &st);
    if (s != TP_OK)
        return s;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        snprintf(buf, size, "%s", v ? v : "");
    } else {
        s = rc == SQLITE_DONE ? TP_ERR_NOTFOUND : db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}
