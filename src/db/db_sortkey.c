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

/* Every table.column that has a <column>_sortkey beside it, found in the
 * connection's picture of the schema. Only the tables whose CREATE TABLE
 * text (which ALTER TABLE keeps up to date) spells "_sortkey" are read: a
 * column of that name cannot be declared without it, and reading a table's
 * columns is what costs at start. */
struct key_cols {
    tp_db *db;
    char (*tables)[64], (*cols)[64];
    int n;
    const char *table;
};

static void key_column(void *ctx, const char *name, const char *decl_type,
                       bool not_null)
{
    struct key_cols *k = ctx;
    (void)decl_type, (void)not_null;
    if (k->n >= MAX_KEY_COLS || !db_is_sortkey_column(name))
        return;
    int base = (int)(strlen(name) - strlen(SORTKEY_SUFFIX));
    snprintf(k->tables[k->n], 64, "%s", k->table);
    snprintf(k->cols[k->n], 64, "%.*s", base, name);
    k->n++;
}

static int key_columns(tp_db *db, char tables[][64], char cols[][64])
{
    struct key_cols k = {.db = db, .tables = tables, .cols = cols};
    sqlite3_stmt *st;
    if (db_stmt(db, "sortkey.tables",
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                "instr(sql, '" SORTKEY_SUFFIX "') > 0 ORDER BY name",
                &st) != TP_OK)
        return -1;
    /* Names copied out first: reading columns runs other statements. */
    char names[MAX_KEY_COLS][64];
    int n = 0, rc = SQLITE_DONE;
    while (n < MAX_KEY_COLS && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *name = sqlite3_column_text(st, 0);
        snprintf(names[n++], 64, "%s", name ? (const char *)name : "");
    }
    db_stmt_done(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return -1;
    for (int i = 0; i < n; i++) {
        k.table = names[i];
        db_schema_columns(db, names[i], key_column, &k);
    }
    return k.n;
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
        if (db_has_column(db, tables[i], cols[i]))
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
