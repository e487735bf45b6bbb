/* The blank bookkeeping register's records: a format version, its
 * registers and their columns, and the group a register is printed for
 * (include/tapian/db_register.h). */
#include "db_internal.h"
#include "tapian/db_register.h"

/* "ผอ.โสภณ …", but "ผู้ว่าฯ วิชม …" after the abbreviation sign. */
#define PERSON_NAME(p) \
    "COALESCE(" p ".title || CASE WHEN " p ".title LIKE '%ฯ' THEN ' ' " \
    "ELSE '' END, '') || " p ".name"

static const char version_sql[] =
    "SELECT v.id, v.label, v.status, " PERSON_NAME("p") ", v.approved_at "
    "FROM register_format_version v "
    "LEFT JOIN person p ON p.id = v.approved_by "
    "WHERE v.deleted_at IS NULL AND (CASE WHEN ?1 IS NULL "
    "  THEN v.status = 'approved' ELSE (v.id = ?1 OR v.label = ?1) END) "
    "ORDER BY v.id = ?1 DESC, v.approved_at IS NULL, v.approved_at DESC, "
    "  v.updated_at DESC, v.id LIMIT 1";

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

tp_status db_register_version_get(tp_db *db, const char *key,
                                  db_register_version_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "register.version", version_sql, &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        db_register_version v = {
            .id = col(st, 0), .label = col(st, 1), .status = col(st, 2),
            .approved_by = col(st, 3), .approved_at = col(st, 4),
        };
        fn(ctx, &v);
        s = TP_OK;
    } else {
        s = rc == SQLITE_DONE ? TP_ERR_NOTFOUND : db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}

/* Registers without live columns still come, once, so that the printed
 * register says the columns are still to be agreed. */
static const char cells_sql[] =
    "SELECT r.id, r.name, COALESCE(a.short_name, a.full_name), a.full_name, "
    "  c.position, c.name, c.kind "
    "FROM register r "
    "LEFT JOIN agency a ON a.id = r.source_agency_id "
    "LEFT JOIN register_column c ON c.register_id = r.id "
    "  AND c.deleted_at IS NULL "
    "WHERE r.format_version_id = ?1 AND r.deleted_at IS NULL "
    "ORDER BY r.name COLLATE THAI, r.id, c.position";

tp_status db_register_cells(tp_db *db, const char *version_id,
                            db_register_cell_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "register.cells", cells_sql, &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, version_id, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_register_cell c = {
            .register_id = col(st, 0), .register_name = col(st, 1),
            .agency = col(st, 2), .agency_name = col(st, 3),
            .position = sqlite3_column_int(st, 4),
            .column = col(st, 5), .kind = col(st, 6),
        };
        if (!fn(ctx, &c)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    s = rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
    db_stmt_done(st);
    return s;
}

static const char group_sql[] =
    "SELECT g.id, g.name, CASE p.kind WHEN 'village' THEN p.moo ELSE 0 END, "
    "  CASE p.kind WHEN 'village' THEN p.name END, "
    "  CASE p.kind WHEN 'village' THEN t.name ELSE p.name END, "
    "  count(*) OVER () "
    "FROM finance_group g "
    "JOIN place p ON p.id = g.place_id "
    "LEFT JOIN place t ON t.id = p.parent_id "
    "WHERE g.deleted_at IS NULL AND (g.id = ?1 OR g.name = ?1) "
    "ORDER BY g.id LIMIT 1";

tp_status db_register_group(tp_db *db, const char *key, long long *matches,
                            void (*fn)(void *ctx,
                                       const db_register_group_place *g),
                            void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "register.group", group_sql, &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    *matches = 0;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *matches = sqlite3_column_int64(st, 5);
        db_register_group_place g = {
            .id = col(st, 0), .name = col(st, 1),
            .moo = sqlite3_column_int(st, 2), .village = col(st, 3),
            .tambon = col(st, 4),
        };
        if (*matches == 1)
            fn(ctx, &g);
        s = TP_OK;
    } else {
        s = rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}
