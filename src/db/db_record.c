/* One record for the form views, and the label shown for a reference. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_records.h"

#define RECORD_MAX_COLS 64

static tp_status no_column(tp_db *db, const char *table, const char *col)
{
    db_set_error(db, "%s: no column %s", table ? table : "(none)",
                 col ? col : "(none)");
    return TP_ERR_INVALID;
}

tp_status db_record_get(tp_db *db, const char *table, const char *id,
                        const char *const *columns, size_t n, db_record_fn fn,
                        void *ctx)
{
    if (!id || !fn || n > RECORD_MAX_COLS || (n && !columns))
        return TP_ERR_INVALID;
    if (!db_has_column(db, table, "id") || !db_has_column(db, table, "version") ||
        !db_has_column(db, table, "deleted_at"))
        return no_column(db, table, "id");
    sqlite3_str *q = sqlite3_str_new(db->conn);
    sqlite3_str_appendall(q, "SELECT id, version, deleted_at IS NOT NULL");
    for (size_t i = 0; i < n; i++) {
        if (!db_has_column(db, table, columns[i])) {
            sqlite3_free(sqlite3_str_finish(q));
            return no_column(db, table, columns[i]);
        }
        sqlite3_str_appendf(q, ", \"%w\"", columns[i]);
    }
    sqlite3_str_appendf(q, " FROM \"%w\" WHERE id = ?1", table);
    char *sql = sqlite3_str_finish(q);
    if (!sql)
        return TP_ERR_NOMEM;
    /* Prepared here, not cached: fn may query while the row is held. */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK)
        return db_fail(db, rc, NULL);
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    tp_status s = TP_OK;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *vals[RECORD_MAX_COLS + 1];
        for (size_t i = 0; i < n; i++)
            vals[i] = (const char *)sqlite3_column_text(st, (int)i + 3);
        db_row row = {
            .id = (const char *)sqlite3_column_text(st, 0),
            .version = sqlite3_column_int64(st, 1),
            .deleted = sqlite3_column_int(st, 2) != 0,
            .values = vals,
            .n = n,
        };
        fn(ctx, &row);
    } else if (rc == SQLITE_DONE) {
        db_set_error(db, "%s: no row %s", table, id);
        s = TP_ERR_NOTFOUND;
    } else {
        s = db_fail(db, rc, NULL);
    }
    sqlite3_finalize(st);
    return s;
}

tp_status db_ref_label(tp_db *db, const char *table, const char *label_column,
                       const char *id, char **out)
{
    *out = NULL;
    if (!id)
        return TP_ERR_INVALID;
    if (!db_has_column(db, table, "id"))
        return no_column(db, table, "id");
    if (!db_has_column(db, table, label_column))
        return no_column(db, table, label_column);
    char *sql = sqlite3_mprintf("SELECT \"%w\" FROM \"%w\" WHERE id = ?1",
                                label_column, table);
    if (!sql)
        return TP_ERR_NOMEM;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, sql, sql, &st);
    sqlite3_free(sql);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        /* An empty label rather than NULL, so callers can always print. */
        const char *v = (const char *)sqlite3_column_text(st, 0);
        *out = strdup(v ? v : "");
        if (!*out)
            s = TP_ERR_NOMEM;
    } else if (rc == SQLITE_DONE) {
        db_set_error(db, "%s: no row %s", table, id);
        s = TP_ERR_NOTFOUND;
    } else {
        s = db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}
