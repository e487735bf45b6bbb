/* Conflicts for the conflicts screen: who changed each version and when,
 * on which site, and the two versions column by column. */
#include <string.h>

#include "db_internal.h"
#include "tapian/db_sync.h"

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

tp_status db_sync_conflict_list(tp_db *db, bool open_only,
                                db_sync_conflict_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(
        db, "sync.conflict.list",
        "SELECT c.id, c.at, c.tbl, c.row_id, "
        "(SELECT nullif(nullif(name, ''), 'local') FROM site WHERE id = ?2), "
        "coalesce((SELECT nullif(name, '') FROM site WHERE id = c.from_site), "
        "c.from_site), c.chosen = 'local', c.local_json = '{}', "
        "json_extract(c.local_json, '$.updated_by'), "
        "json_extract(c.local_json, '$.updated_at'), "
        "json_extract(c.incoming_json, '$.updated_by'), "
        "json_extract(c.incoming_json, '$.updated_at'), "
        "c.resolved_at, c.resolved_by "
        "FROM sync_conflict c WHERE ?1 = 0 OR c.resolved_at IS NULL "
        "ORDER BY c.id", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_int(st, 1, open_only);
    sqlite3_bind_text(st, 2, db->site_id, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_sync_conflict c = {
            .id = sqlite3_column_int64(st, 0),
            .found_at = col(st, 1), .table = col(st, 2), .row_id = col(st, 3),
            .here_site = col(st, 4), .other_site = col(st, 5),
            .here_chosen = sqlite3_column_int(st, 6) != 0,
            .clash = sqlite3_column_int(st, 7) != 0,
            .here_by = col(st, 8), .here_at = col(st, 9),
            .other_by = col(st, 10), .other_at = col(st, 11),
            .resolved_at = col(st, 12), .resolved_by = col(st, 13),
        };
        if (!fn(ctx, &c)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

tp_status db_sync_conflict_fields(tp_db *db, long long id,
                                  db_sync_field_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    /* The keys of whichever version is a whole row (a clash keeps "{}"
     * here), in the order the row was written: the table's. */
    tp_status s = db_stmt(
        db, "sync.conflict.fields",
        "SELECT k.key, json_extract(c.local_json, '$.\"' || k.key || '\"'), "
        "json_extract(c.incoming_json, '$.\"' || k.key || '\"') "
        "FROM sync_conflict c, json_each(CASE WHEN c.incoming_json = '{}' "
        "THEN c.local_json ELSE c.incoming_json END) k "
        "WHERE c.id = ?1 ORDER BY k.id", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_int64(st, 1, id);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (!fn(ctx, col(st, 0), col(st, 1), col(st, 2))) {
            rc = SQLITE_DONE;
            break;
        }
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}
