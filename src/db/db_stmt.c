/* SQLite plumbing: result codes to tp_status, the prepared-statement cache,
 * and transactions. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "db_internal.h"

tp_status db_status_from_rc(int rc)
{
    /* SQLite notices itself when the file it writes was unlinked. */
    if (rc == SQLITE_READONLY_DBMOVED)
        return TP_ERR_MOVED;
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
        return TP_OK;
    case SQLITE_NOMEM:
        return TP_ERR_NOMEM;
    case SQLITE_BUSY:
        return TP_ERR_BUSY;
    case SQLITE_LOCKED:
        return TP_ERR_LOCKED;
    case SQLITE_READONLY:
        return TP_ERR_READONLY;
    case SQLITE_CORRUPT:
        return TP_ERR_CORRUPT;
    case SQLITE_NOTADB:
        return TP_ERR_NOTADB;
    case SQLITE_FULL:
        return TP_ERR_FULL;
    case SQLITE_CONSTRAINT:
        return TP_ERR_CONSTRAINT;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return TP_ERR_CANTOPEN;
    case SQLITE_TOOBIG:
        return TP_ERR_TOO_LONG;
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_ERROR:
        return TP_ERR_INVALID;
    default:
        return TP_ERR_IO;
    }
}

void db_set_error(tp_db *db, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(db->err, sizeof db->err, fmt, ap);
    va_end(ap);
}

tp_status db_fail(tp_db *db, int rc, const char *msg)
{
    if (msg)
        db_set_error(db, "%s", msg);
    else if (db->conn)
        db_set_error(db, "%s", sqlite3_errmsg(db->conn));
    else
        db_set_error(db, "%s", sqlite3_errstr(rc));
    return db_status_from_rc(rc);
}

/* ---- statement cache ------------------------------------------------------
 * Statements are kept prepared for the life of the connection; a full cache
 * evicts round-robin, which is enough for a few dozen named queries. */

tp_status db_stmt(tp_db *db, const char *key, const char *sql,
                  sqlite3_stmt **out)
{
    *out = NULL;
    for (int i = 0; i < DB_STMT_CACHE; i++) {
        struct db_cached_stmt *c = &db->cache[i];
        if (c->key && strcmp(c->key, key) == 0) {
            sqlite3_reset(c->stmt);
            sqlite3_clear_bindings(c->stmt);
            *out = c->stmt;
            return TP_OK;
        }
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v3(db->conn, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                &st, NULL);
    if (rc != SQLITE_OK)
        return db_fail(db, rc, NULL);
    char *k = strdup(key);
    if (!k) {
        sqlite3_finalize(st);
        return TP_ERR_NOMEM;
    }
    int slot = -1;
    for (int i = 0; i < DB_STMT_CACHE && slot < 0; i++)
        if (!db->cache[i].key)
            slot = i;
    if (slot < 0) {
        slot = db->cache_next;
        db->cache_next = (db->cache_next + 1) % DB_STMT_CACHE;
        sqlite3_finalize(db->cache[slot].stmt);
        free(db->cache[slot].key);
    }
    db->cache[slot].key = k;
    db->cache[slot].stmt = st;
    *out = st;
    return TP_OK;
}

void db_stmt_done(sqlite3_stmt *st)
{
    if (st) {
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
}

void db_stmt_cache_clear(tp_db *db)
{
    for (int i = 0; i < DB_STMT_CACHE; i++) {
        sqlite3_finalize(db->cache[i].stmt);
        free(db->cache[i].key);
        db->cache[i].stmt = NULL;
        db->cache[i].key = NULL;
    }
    db->cache_next = 0;
}

tp_status db_exec(tp_db *db, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db->conn, sql, NULL, NULL, &msg);
    tp_status s = TP_OK;
    if (rc != SQLITE_OK)
        s = db_fail(db, rc, msg);
    sqlite3_free(msg);
    return s;
}

int db_bind_value(sqlite3_stmt *st, int i, const db_value *v)
{
    switch (v->type) {
    case DB_INT:
        return sqlite3_bind_int64(st, i, v->i);
    case DB_REAL:
        return sqlite3_bind_double(st, i, v->r);
    case DB_TEXT:
        if (v->s)
            return sqlite3_bind_text(st, i, v->s, -1, SQLITE_TRANSIENT);
        return sqlite3_bind_null(st, i);
    case DB_NULL:
    default:
        return sqlite3_bind_null(st, i);
    }
}

tp_status db_query_int(tp_db *db, const char *key, const char *sql,
                       const char *text_param, long long *out)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, key, sql, &st);
    if (s != TP_OK)
        return s;
    if (text_param)
        sqlite3_bind_text(st, 1, text_param, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int64(st, 0);
        s = TP_OK;
    } else if (rc == SQLITE_DONE) {
        s = TP_ERR_NOTFOUND;
    } else {
        s = db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}

/* ---- transactions ---------------------------------------------------------- */

tp_status db_read_begin(tp_db *db, bool *own)
{
    *own = sqlite3_get_autocommit(db->conn) != 0;
    return *own ? db_exec(db, "BEGIN") : TP_OK;
}

tp_status db_read_end(tp_db *db, bool own, tp_status s)
{
    if (!own || sqlite3_get_autocommit(db->conn) != 0)
        return s;
    tp_status c = db_exec(db, "COMMIT");
    return s != TP_OK ? s : c;
}

tp_status db_begin(tp_db *db)
{
    if (db->read_only)
        return TP_ERR_READONLY;
    char sql[48];
    if (db->tx_depth == 0) {
        tp_status g = db_guard_check(db);
        if (g != TP_OK)
            return g;
        snprintf(sql, sizeof sql, "BEGIN IMMEDIATE");
    }
    else
        snprintf(sql, sizeof sql, "SAVEPOINT tp%d", db->tx_depth);
    tp_status s = db_exec(db, sql);
    /* Many writers on the hub: BEGIN IMMEDIATE waits busy_timeout; if that
     * ran out (or SQLite gave up at once to avoid a deadlock), try again a
     * few times so that BUSY only reaches the caller after ~4 timeouts. */
    for (int i = 0; db->tx_depth == 0 && s == TP_ERR_BUSY && i < 3; i++) {
        db->busy_waits++;
        usleep(20000);
        s = db_exec(db, sql);
    }
    if (s == TP_OK) {
        db->tx_depth++;
        if (db->tx_depth == 1) {
            s = db_sync_session_start(db);
            if (s != TP_OK)
                db_rollback(db);
        }
    }
    return s;
}

tp_status db_commit(tp_db *db)
{
    if (db->tx_depth <= 0)
        return TP_ERR_INVALID;
    char sql[48];
    if (db->tx_depth == 1) {
        /* The changes, their search index and their outbox row commit
         * together. */
        tp_status c = db_search_index_flush(db);
        if (c == TP_OK)
            c = db_sync_capture(db, db->site_id);
        if (c != TP_OK) {
            db_rollback(db);
            return c;
        }
        db_sync_session_stop(db);
        snprintf(sql, sizeof sql, "COMMIT");
    }
    else
        snprintf(sql, sizeof sql, "RELEASE tp%d", db->tx_depth - 1);
    tp_status s = db_exec(db, sql);
    if (s == TP_OK)
        db->tx_depth--;
    else
        db_rollback(db); /* a failed COMMIT leaves nothing half-done */
    return s;
}

void db_rollback(tp_db *db)
{
    if (db->tx_depth <= 0)
        return;
    char sql[64];
    if (db->tx_depth == 1)
        snprintf(sql, sizeof sql, "ROLLBACK");
    else
        snprintf(sql, sizeof sql, "ROLLBACK TO tp%d; RELEASE tp%d",
                 db->tx_depth - 1, db->tx_depth - 1);
    char err[sizeof db->err];
    memcpy(err, db->err, sizeof err); /* keep the error that caused this */
    sqlite3_exec(db->conn, sql, NULL, NULL, NULL);
    memcpy(db->err, err, sizeof err);
    db->tx_depth--;
    /* SQLite itself rolls back everything on some errors (disk full). */
    if (sqlite3_get_autocommit(db->conn))
        db->tx_depth = 0;
    if (db->tx_depth == 0)
        db_sync_session_stop(db);
}
