/* Stored Thai sort keys (migration 005): a column <col>_sortkey holds
 * text_sort_key(<col>), so that an index carries the Thai order of a list.
 * The SQL function that computes it is registered on tapian's connections
 * only and never named in the schema: the stock sqlite3 shell can still
 * write the file, and rows it writes get their keys at the next open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_records.h"
#include "tapian/text.h"

#define SORTKEY_SUFFIX "_sortkey"
#define MAX_KEY_COLS 32

static void sort_key_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const char *s = (const char *)sqlite3_value_text(argv[0]);
    int n = sqlite3_value_bytes(argv[0]);
    size_t len;
    char *key = s ? text_sort_key(s, (size_t)n, &len) : NULL;
    if (!key) {
        sqlite3_result_error_nomem(ctx);
        return;
    }
    sqlite3_result_blob(ctx, key, (int)len, free);
}

tp_status db_sortkey_register(tp_db *db)
{
    int rc = sqlite3_create_function_v2(
        db->conn, "tapian_sort_key", 1,
        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
        sort_key_fn, NULL, NULL, NULL);
    return rc == SQLITE_OK ? TP_OK : db_fail(db, rc, NULL);
}

bool db_is_sortkey_column(const char *column)
{
    size_t n = strlen(column), k = strlen(SORTKEY_SUFFIX);
    return n > k && strcmp(column + n - k, SORTKEY_SUFFIX) == 0;
}

bool db_sortkey_column(tp_db *db, const char *table, const char *column,
                       char out[96])
{
    if (!column || db_is_sortkey_column(column) ||
        snprintf(out, 96, "%s" SORTKEY_SUFFIX, column) >= 96)
        return false;
    return db_has_column(db, table, out);
}

tp_status db_sortkey_set(tp_db *db, const char *table, const char *id,
                         const char *column)
{
    char key[96];
    if (!db_sortkey_column(db, table, column, key))
        return TP_OK;
    char *sql = sqlite3_mprintf("UPDATE \"%w\" SET \"%w\" = "
                                "tapian_sort_key(\"%w\") WHERE id = ?1",
                                table, key, column);
    if (!sql)
        return TP_ERR_NOMEM;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, sql, sql, &st);
    sqlite3_free(sql);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

/* Every table.column that has a <column>_sortkey beside it, found by the
 * name of its <table>_<column>_sortkey_missing index (migration 11; a unit
 * test holds that every key column has one, and the fill below reads
 * through it). The names alone come from sqlite_schema: no table's columns
 * are read, which is what costs at start. SQLite confirms both columns the
 * way it will resolve them in the statements below. */
#define MISSING_SUFFIX SORTKEY_SUFFIX "_missing"

static bool has_column(tp_db *db, const char *table, const char *column)
{
    return sqlite3_table_column_metadata(db->conn, "main", table, column, NULL,
                                         NULL, NULL, NULL, NULL) == SQLITE_OK;
}

/* "<table>_<col>_sortkey_missing" -> col, when it has that shape. */
static bool key_of_index(const char *table, const char *index, char col[64])
{
    size_t t = strlen(table), i = strlen(index), m = strlen(MISSING_SUFFIX);
    if (i <= t + 1 + m || strncmp(index, table, t) != 0 || index[t] != '_' ||
        strcmp(index + i - m, MISSING_SUFFIX) != 0 || i - m - t - 1 >= 64)
        return false;
    snprintf(col, 64, "%.*s", (int)(i - m - t - 1), index + t + 1);
    return true;
}

static int key_columns(tp_db *db, char tables[][64], char cols[][64])
{
    sqlite3_stmt *st;
    if (db_stmt(db, "sortkey.indexes",
                "SELECT tbl_name, name FROM sqlite_schema WHERE type = 'index' "
                "AND name GLOB '*" MISSING_SUFFIX "' ORDER BY name",
                &st) != TP_OK)
        return -1;
    int n = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < MAX_KEY_COLS) {
        const char *table = (const char *)sqlite3_column_text(st, 0);
        const char *index = (const char *)sqlite3_column_text(st, 1);
        char key[96];
        if (!table || !index || strlen(table) >= 64 ||
            !key_of_index(table, index, cols[n]) ||
            snprintf(key, sizeof key, "%s" SORTKEY_SUFFIX, cols[n]) >=
                (int)sizeof key ||
            !has_column(db, table, cols[n]) || !has_column(db, table, key))
            continue;
        snprintf(tables[n], 64, "%s", table);
        n++;
    }
    db_stmt_done(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? n : -1;
}

/* Whether some row of table has column but not its key: a look into the
 * <table>_<column>_sortkey_missing index (migration 11), which is empty in
 * normal use. Named with INDEXED BY: with sqlite_stat1 present the planner
 * chose another index of place and read every place row. */
static tp_status keys_missing(tp_db *db, const char *table, const char *col,
                              bool *missing)
{
    char *sql = sqlite3_mprintf("SELECT 1 FROM \"%w\" INDEXED BY "
                                "\"%w_%w_sortkey_missing\" WHERE "
                                "\"%w_sortkey\" IS NULL AND \"%w\" IS NOT NULL "
                                "LIMIT 1", table, table, col, col, col);
    if (!sql)
        return TP_ERR_NOMEM;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    *missing = rc == SQLITE_ROW;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

tp_status db_sortkeys_fill(tp_db *db)
{
    if (db->read_only)
        return TP_OK;
    char tables[MAX_KEY_COLS][64], cols[MAX_KEY_COLS][64];
    bool missing[MAX_KEY_COLS] = {false};
    bool own;
    tp_status s = db_read_begin(db, &own);
    int n = s == TP_OK ? key_columns(db, tables, cols) : 0;
    if (n < 0)
        s = TP_ERR_IO;
    /* Looked for in one read transaction: no write lock is taken (and no
     * other writer waited for) unless a key is missing. */
    for (int i = 0; i < n && s == TP_OK; i++)
        s = keys_missing(db, tables[i], cols[i], &missing[i]);
    s = db_read_end(db, own, s);
    for (int i = 0; i < n && s == TP_OK; i++) {
        if (!missing[i])
            continue;
        char *sql = sqlite3_mprintf(
            "UPDATE \"%w\" INDEXED BY \"%w_%w_sortkey_missing\" "
            "SET \"%w_sortkey\" = tapian_sort_key(\"%w\") "
            "WHERE \"%w_sortkey\" IS NULL AND \"%w\" IS NOT NULL",
            tables[i], tables[i], cols[i], cols[i], cols[i], cols[i], cols[i]);
        if (!sql)
            return TP_ERR_NOMEM;
        s = db_exec(db, sql);
        sqlite3_free(sql);
    }
    return s;
}
