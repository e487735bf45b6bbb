/* Schema introspection for the generic views: every table and column name
 * that comes from a screen file is checked here against the schema before
 * it is quoted into SQL. */
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_records.h"

bool db_table_exists(tp_db *db, const char *table)
{
    if (!table || !*table || strncmp(table, "sqlite_", 7) == 0)
        return false;
    long long n = 0;
    /* sqlite_schema, not pragma_table_info: a view is not a table to write */
    if (db_query_int(db, "cols.table",
                     "SELECT count(*) FROM sqlite_schema "
                     "WHERE type = 'table' AND name = ?1", table, &n) != TP_OK)
        return false;
    return n > 0;
}

bool db_column_type(tp_db *db, const char *table, const char *column,
                    char type[32])
{
    type[0] = '\0';
    if (!column || !db_table_exists(db, table))
        return false;
    sqlite3_stmt *st;
    if (db_stmt(db, "cols.type",
                "SELECT type FROM pragma_table_info(?1) WHERE name = ?2",
                &st) != TP_OK)
        return false;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, column, -1, SQLITE_TRANSIENT);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        snprintf(type, 32, "%s", t ? t : "");
    }
    db_stmt_done(st);
    return found;
}

tp_status db_table_columns(tp_db *db, const char *table, db_column_fn fn,
                           void *ctx)
{
    if (!db_table_exists(db, table)) {
        db_set_error(db, "no table %s", table ? table : "(none)");
        return TP_ERR_NOTFOUND;
    }
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "cols.all",
                          "SELECT name, type, \"notnull\" "
                          "FROM pragma_table_info(?1) ORDER BY cid", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
    /* Copied out first: fn may run other queries on this connection. */
    struct {
        char name[64], type[32];
        bool not_null;
    } cols[128];
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 128) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        const char *type = (const char *)sqlite3_column_text(st, 1);
        snprintf(cols[n].name, sizeof cols[n].name, "%s", name ? name : "");
        snprintf(cols[n].type, sizeof cols[n].type, "%s", type ? type : "");
        cols[n].not_null = sqlite3_column_int(st, 2) != 0;
        n++;
    }
    db_stmt_done(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(db, rc, NULL);
    if (fn)
        for (int i = 0; i < n; i++)
            fn(ctx, cols[i].name, cols[i].type, cols[i].not_null);
    return TP_OK;
}

bool db_has_column(tp_db *db, const char *table, const char *column)
{
    char type[32];
    return db_column_type(db, table, column, type);
}

bool db_column_refers_to(tp_db *db, const char *table, const char *column,
                         const char *ref_table)
{
    if (!column || !ref_table || !db_table_exists(db, table))
        return false;
    sqlite3_stmt *st;
    if (db_stmt(db, "cols.fk",
                "SELECT 1 FROM pragma_foreign_key_list(?1) "
                "WHERE \"from\" = ?2 AND \"table\" = ?3", &st) != TP_OK)
        return false;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, column, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, ref_table, -1, SQLITE_TRANSIENT);
    bool yes = sqlite3_step(st) == SQLITE_ROW;
    db_stmt_done(st);
    return yes;
}
