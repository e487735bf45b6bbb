/* Reading the audit log. Which columns changed is worked out here from the
 * two JSON images, so the log itself stays a plain copy of the row. */
#include <string.h>

#include "db_internal.h"
#include "tapian/db_audit.h"

/* The base columns change on every write; listing them would hide what the
 * user changed. */
#define AUDIT_SELECT                                                        \
    "SELECT a.seq, a.at, a.who, a.table_name, a.row_id, a.action, "         \
    " (SELECT group_concat(n.key, ',') FROM json_each(a.new_json) n "       \
    "   LEFT JOIN json_each(a.old_json) o ON o.key = n.key "                \
    "   WHERE n.key NOT IN ('id', 'created_at', 'created_by', 'updated_at', " \
    "     'updated_by', 'version', 'deleted_at', 'site_id') "               \
    "     AND o.atom IS NOT n.atom), "                                      \
    " (SELECT group_concat(n.key || ': ' || coalesce(o.atom, '-') || "      \
    "     ' → ' || coalesce(n.atom, '-'), '; ') "                           \
    "   FROM json_each(a.new_json) n "                                      \
    "   LEFT JOIN json_each(a.old_json) o ON o.key = n.key "                \
    "   WHERE n.key NOT IN ('id', 'created_at', 'created_by', 'updated_at', " \
    "     'updated_by', 'version', 'deleted_at', 'site_id') "               \
    "     AND o.atom IS NOT n.atom) "                                       \
    "FROM audit_log a "

static const char *col(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "";
}

static tp_status run(tp_db *db, sqlite3_stmt *st, db_audit_fn fn, void *ctx)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_audit_entry e = {
            .seq = sqlite3_column_int64(st, 0), .at = col(st, 1),
            .who = col(st, 2), .table = col(st, 3), .row_id = col(st, 4),
            .action = col(st, 5), .changed = col(st, 6), .detail = col(st, 7),
        };
        if (!fn(ctx, &e)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

tp_status db_audit_history(tp_db *db, const char *table, const char *id,
                           db_audit_fn fn, void *ctx)
{
    if (!db || !table || !id || !fn)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "audit.history", AUDIT_SELECT
                          "WHERE a.table_name = ?1 AND a.row_id = ?2 "
                          "ORDER BY a.seq", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
    return run(db, st, fn, ctx);
}

tp_status db_audit_since(tp_db *db, const char *since, const char *table,
                         db_audit_fn fn, void *ctx)
{
    if (!db || !since || !fn)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    /* "at" sorts as text, so the day's start compares directly. */
    tp_status s = db_stmt(db, "audit.since", AUDIT_SELECT
                          "WHERE a.at >= ?1 "
                          "AND (?2 IS NULL OR a.table_name = ?2) "
                          "ORDER BY a.seq", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, since, -1, SQLITE_TRANSIENT);
    if (table)
        sqlite3_bind_text(st, 2, table, -1, SQLITE_TRANSIENT);
    return run(db, st, fn, ctx);
}
