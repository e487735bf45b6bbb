/* The full-text index follows search_doc through a queue (migration 14):
 * search_doc's triggers add rows to search_fts_pending, and one statement
 * per transaction moves them into search_fts just before COMMIT. FTS5
 * writes an index segment at every statement savepoint, so indexing row by
 * row inside a long transaction (a sync pack, a CSV import) made one
 * segment per row; now a transaction makes one. */
#include "db_internal.h"

static tp_status step_once(tp_db *db, const char *key, const char *sql,
                           int want)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, key, sql, &st);
    if (s != TP_OK)
        return s;
    int rc = sqlite3_step(st);
    db_stmt_done(st);
    if (rc == want)
        return TP_OK;
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? TP_ERR_NOTFOUND
                                                 : db_fail(db, rc, NULL);
}

/* TP_OK when rows are queued, TP_ERR_NOTFOUND when none are. */
static tp_status pending_any(tp_db *db)
{
    return step_once(db, "search.pending.any",
                     "SELECT 1 FROM search_fts_pending LIMIT 1", SQLITE_ROW);
}

tp_status db_search_index_flush(tp_db *db)
{
    if (!db->search_pending)
        return TP_OK;
    /* Most transactions index nothing: look before writing, so that the
     * virtual table is not drawn into them. */
    tp_status s = pending_any(db);
    if (s == TP_ERR_NOTFOUND)
        return TP_OK;
    if (s != TP_OK)
        return s;
    /* In queue order: a row added and taken out again in one transaction
     * goes in and out; FTS5 needs the old texts to take a row out. */
    s = step_once(db, "search.pending.apply",
                  "INSERT INTO search_fts (search_fts, rowid, title, body) "
                  "SELECT CASE gone WHEN 1 THEN 'delete' END, docid, title, "
                  "body FROM search_fts_pending ORDER BY seq",
                  SQLITE_DONE);
    if (s == TP_OK)
        s = step_once(db, "search.pending.clear",
                      "DELETE FROM search_fts_pending", SQLITE_DONE);
    return s;
}

tp_status db_search_index_catch_up(tp_db *db)
{
    db->search_pending = db_schema_version(db) >= 14;
    if (!db->search_pending || db->read_only)
        return TP_OK;
    tp_status s = pending_any(db);
    if (s != TP_OK)
        return s == TP_ERR_NOTFOUND ? TP_OK : s;
    s = db_begin(db);
    if (s != TP_OK)
        return s;
    return db_commit(db); /* the flush runs in db_commit */
}
