/* Generic record writes: insert, update, tombstone and restore of rows with
 * the base columns, each with its audit row in the same transaction.
 * Table and column names are checked against the schema and quoted (%w);
 * every value is a bound parameter. */
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "db_internal.h"

#define MAX_COLS 64

static const char *const base_cols[] = {
    "id", "created_at", "created_by", "updated_at", "updated_by",
    "version", "deleted_at", "site_id",
};
#define N_BASE (sizeof base_cols / sizeof base_cols[0])

struct cols {
    int n;
    char name[MAX_COLS][64];
};

void db_now(char buf[32])
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    size_t n = strftime(buf, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf + n, 32 - n, ".%03uZ",
             (unsigned)(ts.tv_nsec / 1000000) % 1000u);
}

/* getrandom, not SQLite's PRNG: processes forked after it was seeded would
 * share its stream and make the same ids. */
tp_status db_new_uuid(char out[DB_UUID_LEN])
{
    unsigned char b[16];
    size_t got = 0;
    while (got < sizeof b) {
        ssize_t r = getrandom(b + got, sizeof b - got, 0);
        if (r <= 0)
            return TP_ERR_IO;
        got += (size_t)r;
    }
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    static const char hex[] = "0123456789abcdef";
    int o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hex[b[i] >> 4];
        out[o++] = hex[b[i] & 15];
    }
    out[o] = '\0';
    return TP_OK;
}

static bool is_base(const char *c)
{
    for (size_t i = 0; i < N_BASE; i++)
        if (strcmp(c, base_cols[i]) == 0)
            return true;
    return false;
}

static bool has_col(const struct cols *c, const char *name)
{
    for (int i = 0; i < c->n; i++)
        if (strcmp(c->name[i], name) == 0)
            return true;
    return false;
}

/* Columns of a record table; TP_ERR_INVALID if table is not one. */
static tp_status record_table(tp_db *db, const char *table, struct cols *c)
{
    c->n = 0;
    if (!table || strcmp(table, "audit_log") == 0)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "write.columns",
                          "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
                          &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && c->n < MAX_COLS) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        snprintf(c->name[c->n++], sizeof c->name[0], "%s", name ? name : "");
    }
    db_stmt_done(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(db, rc, NULL);
    for (size_t i = 0; i < N_BASE; i++)
        if (!has_col(c, base_cols[i])) {
            db_set_error(db, "%s is not a record table", table);
            return TP_ERR_INVALID;
        }
    return TP_OK;
}

static tp_status check_values(tp_db *db, const char *table,
                              const struct cols *c, const db_value *v,
                              size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!v[i].column || is_base(v[i].column) || !has_col(c, v[i].column) ||
            db_is_sortkey_column(v[i].column)) {
            db_set_error(db, "%s: column %s cannot be written", table,
                         v[i].column ? v[i].column : "(none)");
            return TP_ERR_INVALID;
        }
    }
    return TP_OK;
}

/* json_object('col', "col", ...) over every column, for audit rows; not
 * the sort keys, which are derived (and BLOBs, which JSON cannot hold). */
static void append_json(sqlite3_str *q, const struct cols *c)
{
    sqlite3_str_appendall(q, "json_object(");
    for (int i = 0, k = 0; i < c->n; i++)
        if (!db_is_sortkey_column(c->name[i]))
            sqlite3_str_appendf(q, "%s%Q, \"%w\"", k++ ? ", " : "",
                                c->name[i], c->name[i]);
    sqlite3_str_appendall(q, ")");
}

/* Runs built SQL (cached under its own text) with binds, one step. */
static tp_status run_built(tp_db *db, sqlite3_str *q, const db_value *bind,
                           size_t nbind, sqlite3_stmt **keep)
{
    char *sql = sqlite3_str_finish(q);
    if (!sql)
        return TP_ERR_NOMEM;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, sql, sql, &st);
    sqlite3_free(sql);
    if (s != TP_OK)
        return s;
    for (size_t i = 0; i < nbind; i++)
        db_bind_value(st, (int)i + 1, &bind[i]);
    int rc = sqlite3_step(st);
    if (keep && rc == SQLITE_ROW) {
        *keep = st; /* caller reads the row, then db_stmt_done */
        return TP_OK;
    }
    db_stmt_done(st);
    if (keep)
        *keep = NULL;
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_fail(db, rc, NULL);
    return TP_OK;
}

static tp_status audit(tp_db *db, const char *table, const struct cols *c,
                       const char *id, const char *now, const char *action,
                       const char *old_json, bool has_new)
{
    sqlite3_str *q = sqlite3_str_new(db->conn);
    sqlite3_str_appendall(q, "INSERT INTO audit_log (at, who, site_id, "
                             "table_name, row_id, action, old_json, new_json) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ");
    if (has_new) {
        sqlite3_str_appendall(q, "(SELECT ");
        append_json(q, c);
        sqlite3_str_appendf(q, " FROM \"%w\" WHERE id = ?5))", table);
    } else {
        sqlite3_str_appendall(q, "NULL)");
    }
    db_value b[] = {
        DB_V_TEXT(NULL, now),   DB_V_TEXT(NULL, db->user),
        DB_V_TEXT(NULL, db->site_id), DB_V_TEXT(NULL, table),
        DB_V_TEXT(NULL, id),    DB_V_TEXT(NULL, action),
        DB_V_TEXT(NULL, old_json),
    };
    return run_built(db, q, b, sizeof b / sizeof b[0], NULL);
}

/* A written column with a <col>_sortkey beside it gets its key again. */
static tp_status set_sort_keys(tp_db *db, const char *table, const char *id,
                               const db_value *v, size_t n)
{
    tp_status s = TP_OK;
    for (size_t i = 0; i < n && s == TP_OK; i++)
        s = db_sortkey_set(db, table, id, v[i].column);
    return s;
}

static tp_status insert_row(tp_db *db, const char *table, const db_value *v,
                            size_t n, const char *id, const char *now)
{
    struct cols c;
    tp_status s = record_table(db, table, &c);
    if (s == TP_OK)
        s = check_values(db, table, &c, v, n);
    if (s != TP_OK)
        return s;
    if (n > MAX_COLS)
        return TP_ERR_INVALID;
    sqlite3_str *q = sqlite3_str_new(db->conn);
    sqlite3_str_appendf(q, "INSERT INTO \"%w\" (id, created_at, created_by, "
                           "updated_at, updated_by, version, site_id", table);
    for (size_t i = 0; i < n; i++)
        sqlite3_str_appendf(q, ", \"%w\"", v[i].column);
    sqlite3_str_appendall(q, ") VALUES (?1, ?2, ?3, ?2, ?3, 1, ?4");
    for (size_t i = 0; i < n; i++)
        sqlite3_str_appendf(q, ", ?%d", (int)i + 5);
    sqlite3_str_appendall(q, ")");
    db_value b[MAX_COLS + 4];
    b[0] = DB_V_TEXT(NULL, id);
    b[1] = DB_V_TEXT(NULL, now);
    b[2] = DB_V_TEXT(NULL, db->user);
    b[3] = DB_V_TEXT(NULL, db->site_id);
    for (size_t i = 0; i < n; i++)
        b[i + 4] = v[i];
    s = run_built(db, q, b, n + 4, NULL);
    if (s == TP_OK)
        s = set_sort_keys(db, table, id, v, n);
    if (s == TP_OK)
        s = audit(db, table, &c, id, now, "insert", NULL, true);
    return s;
}

tp_status db_insert(tp_db *db, const char *table, const db_value *values,
                    size_t n, char id_out[DB_UUID_LEN])
{
    char id[DB_UUID_LEN], now[32];
    tp_status s = db_write_allowed(db, table);
    if (s == TP_OK)
        s = db_new_uuid(id);
    if (s != TP_OK)
        return s;
    db_now(now);
    s = db_begin(db);
    if (s != TP_OK)
        return s;
    s = insert_row(db, table, values, n, id, now);
    if (s == TP_OK)
        s = db_commit(db);
    else
        db_rollback(db);
    if (s == TP_OK && id_out)
        memcpy(id_out, id, DB_UUID_LEN);
    return s;
}

enum change { CH_UPDATE, CH_TOMBSTONE, CH_RESTORE };

static tp_status change_row(tp_db *db, const char *table, const char *id,
                            long long version, const db_value *v, size_t n,
                            enum change kind)
{
    struct cols c;
    tp_status s = record_table(db, table, &c);
    if (s == TP_OK)
        s = check_values(db, table, &c, v, n);
    if (s != TP_OK)
        return s;
    if (!id || n > MAX_COLS)
        return TP_ERR_INVALID;
    /* The row as it is now: its JSON for the audit, version and tombstone. */
    sqlite3_str *q = sqlite3_str_new(db->conn);
    sqlite3_str_appendall(q, "SELECT ");
    append_json(q, &c);
    sqlite3_str_appendf(q, ", version, deleted_at IS NOT NULL FROM \"%w\" "
                           "WHERE id = ?1", table);
    db_value key = DB_V_TEXT(NULL, id);
    sqlite3_stmt *st;
    s = run_built(db, q, &key, 1, &st);
    if (s != TP_OK)
        return s;
    if (!st) {
        db_set_error(db, "%s: no row %s", table, id);
        return TP_ERR_NOTFOUND;
    }
    char *old = sqlite3_mprintf("%s", sqlite3_column_text(st, 0));
    long long cur = sqlite3_column_int64(st, 1);
    bool deleted = sqlite3_column_int(st, 2) != 0;
    db_stmt_done(st);
    if (!old)
        return TP_ERR_NOMEM;
    if (deleted != (kind == CH_RESTORE)) {
        db_set_error(db, "%s: row %s is %s", table, id,
                     deleted ? "deleted" : "not deleted");
        s = TP_ERR_NOTFOUND;
    } else if (cur != version) {
        db_set_error(db, "%s: row %s is at version %lld, not %lld", table,
                     id, cur, version);
        s = TP_ERR_CONFLICT;
    }
    if (s == TP_OK) {
        char now[32];
        db_now(now);
        q = sqlite3_str_new(db->conn);
        sqlite3_str_appendf(q, "UPDATE \"%w\" SET updated_at = ?1, "
                               "updated_by = ?2, version = version + 1", table);
        if (kind == CH_TOMBSTONE)
            sqlite3_str_appendall(q, ", deleted_at = ?1");
        else if (kind == CH_RESTORE)
            sqlite3_str_appendall(q, ", deleted_at = NULL");
        for (size_t i = 0; i < n; i++)
            sqlite3_str_appendf(q, ", \"%w\" = ?%d", v[i].column, (int)i + 5);
        sqlite3_str_appendall(q, " WHERE id = ?3 AND version = ?4");
        db_value b[MAX_COLS + 4];
        b[0] = DB_V_TEXT(NULL, now);
        b[1] = DB_V_TEXT(NULL, db->user);
        b[2] = DB_V_TEXT(NULL, id);
        b[3] = DB_V_INT(NULL, version);
        for (size_t i = 0; i < n; i++)
            b[i + 4] = v[i];
        s = run_built(db, q, b, n + 4, NULL);
        if (s == TP_OK)
            s = set_sort_keys(db, table, id, v, n);
        static const char *const actions[] = {"update", "tombstone",
                                              "restore"};
        if (s == TP_OK)
            s = audit(db, table, &c, id, now, actions[kind], old, true);
    }
    sqlite3_free(old);
    return s;
}

static tp_status change(tp_db *db, const char *table, const char *id,
                        long long version, const db_value *v, size_t n,
                        enum change kind)
{
    tp_status s = db_write_allowed(db, table);
    if (s != TP_OK)
        return s;
    s = db_begin(db);
    if (s != TP_OK)
        return s;
    s = change_row(db, table, id, version, v, n, kind);
    if (s == TP_OK)
        return db_commit(db);
    db_rollback(db);
    return s;
}

tp_status db_update(tp_db *db, const char *table, const char *id,
                    long long version, const db_value *values, size_t n)
{
    return change(db, table, id, version, values, n, CH_UPDATE);
}

tp_status db_tombstone(tp_db *db, const char *table, const char *id,
                       long long version)
{
    return change(db, table, id, version, NULL, 0, CH_TOMBSTONE);
}

tp_status db_restore(tp_db *db, const char *table, const char *id,
                     long long version)
{
    return change(db, table, id, version, NULL, 0, CH_RESTORE);
}
