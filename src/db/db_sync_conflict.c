/* Looking at sync conflicts and settling them: the version not chosen can
 * be put back as a new change, which then wins everywhere by its version. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_sync.h"

tp_status db_sync_conflicts(tp_db *db, bool open_only, db_query_fn fn,
                            void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "sync.conflicts",
                          "SELECT id, at, tbl, row_id, from_site, chosen, "
                          "local_json, incoming_json, resolved_at "
                          "FROM sync_conflict WHERE ?1 = 0 OR resolved_at "
                          "IS NULL ORDER BY id", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_int(st, 1, open_only);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *cols[9];
        for (int i = 0; i < 9; i++)
            cols[i] = (const char *)sqlite3_column_text(st, i);
        if (!fn(ctx, 9, cols)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

static bool is_base(const char *c)
{
    static const char *const base[] = {"id", "created_at", "created_by",
                                       "updated_at", "updated_by", "version",
                                       "deleted_at", "site_id"};
    for (size_t i = 0; i < sizeof base / sizeof *base; i++)
        if (strcmp(base[i], c) == 0)
            return true;
    return false;
}

struct fields {
    db_value v[64];
    char *keep[64]; /* the texts the values point at */
    size_t n;
    bool deleted;
};

static void fields_free(struct fields *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->keep[i]);
}

/* The user columns of a JSON row as values for db_update. */
static tp_status read_fields(tp_db *db, const char *json, struct fields *f)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "sync.json.fields",
                          "SELECT key, type, value FROM json_each(?1)", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && s == TP_OK) {
        const char *key = (const char *)sqlite3_column_text(st, 0);
        const char *type = (const char *)sqlite3_column_text(st, 1);
        if (strcmp(key, "deleted_at") == 0)
            f->deleted = strcmp(type, "null") != 0;
        if (is_base(key) || strcmp(key, "attendee_count") == 0)
            continue; /* kept by the db layer or by triggers */
        if (f->n == 64) {
            s = TP_ERR_INVALID;
            break;
        }
        char *col = strdup(key);
        if (!col) {
            s = TP_ERR_NOMEM;
            break;
        }
        f->keep[f->n] = col;
        db_value *v = &f->v[f->n++];
        if (strcmp(type, "null") == 0)
            *v = DB_V_NULL(col);
        else if (strcmp(type, "integer") == 0 || strcmp(type, "true") == 0 ||
                 strcmp(type, "false") == 0)
            *v = DB_V_INT(col, sqlite3_column_int64(st, 2));
        else if (strcmp(type, "real") == 0)
            *v = DB_V_REAL(col, sqlite3_column_double(st, 2));
        else {
            /* Text: the column name and the text share one allocation. */
            const char *t = (const char *)sqlite3_column_text(st, 2);
            size_t kl = strlen(key) + 1, tl = strlen(t) + 1;
            char *both = malloc(kl + tl);
            if (!both) {
                s = TP_ERR_NOMEM;
                break;
            }
            memcpy(both, key, kl);
            memcpy(both + kl, t, tl);
            free(col);
            f->keep[f->n - 1] = both;
            *v = DB_V_TEXT(both, both + kl);
        }
    }
    db_stmt_done(st);
    if (s == TP_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        s = db_fail(db, rc, NULL);
    return s;
}

static tp_status put_back(tp_db *db, const char *tbl, const char *id,
                          const char *json)
{
    struct fields f = {.n = 0};
    tp_status s = read_fields(db, json, &f);
    long long version = 0;
    bool deleted = false;
    if (s == TP_OK)
        s = db_row_version(db, tbl, id, &version, &deleted);
    if (s == TP_OK && deleted && !f.deleted)
        s = db_restore(db, tbl, id, version++);
    if (s == TP_OK)
        s = db_update(db, tbl, id, version++, f.v, f.n);
    if (s == TP_OK && !deleted && f.deleted)
        s = db_tombstone(db, tbl, id, version);
    fields_free(&f);
    return s;
}

tp_status db_sync_resolve(tp_db *db, long long conflict_id, bool take_other)
{
    tp_status s = db_begin(db);
    if (s != TP_OK)
        return s;
    sqlite3_stmt *st;
    s = db_stmt(db, "sync.conflict.get",
                "SELECT tbl, row_id, CASE chosen WHEN 'local' THEN "
                "incoming_json ELSE local_json END FROM sync_conflict "
                "WHERE id = ?1 AND resolved_at IS NULL", &st);
    char *tbl = NULL, *id = NULL, *other = NULL;
    if (s == TP_OK) {
        sqlite3_bind_int64(st, 1, conflict_id);
        if (sqlite3_step(st) == SQLITE_ROW) {
            tbl = strdup((const char *)sqlite3_column_text(st, 0));
            id = strdup((const char *)sqlite3_column_text(st, 1));
            other = strdup((const char *)sqlite3_column_text(st, 2));
        }
        db_stmt_done(st);
        if (!tbl || !id || !other)
            s = TP_ERR_NOTFOUND;
    }
    if (s == TP_OK && take_other)
        s = put_back(db, tbl, id, other);
    if (s == TP_OK)
        s = db_stmt(db, "sync.conflict.close",
                    "UPDATE sync_conflict SET resolved_at = strftime("
                    "'%Y-%m-%dT%H:%M:%fZ', 'now'), resolved_by = ?2 "
                    "WHERE id = ?1", &st);
    if (s == TP_OK) {
        sqlite3_bind_int64(st, 1, conflict_id);
        sqlite3_bind_text(st, 2, db->user, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        db_stmt_done(st);
        if (rc != SQLITE_DONE)
            s = db_fail(db, rc, NULL);
    }
    free(tbl);
    free(id);
    free(other);
    if (s != TP_OK) {
        db_rollback(db);
        return s;
    }
    return db_commit(db);
}

tp_status db_sync_dump(tp_db *db, db_report_fn fn, void *ctx)
{
    tp_status ts = db_sync_tables(db);
    if (ts != TP_OK)
        return ts;
    for (size_t i = 0; i < db->n_sync_tables; i++) {
        const struct db_sync_table *t = &db->sync_tables[i];
        sqlite3_str *q = sqlite3_str_new(db->conn);
        sqlite3_str_appendf(q, "SELECT %Q || '|' || json_array(", t->name);
        /* BLOB columns (the Thai sort keys) go in as hex: JSON has none */
        for (int c = 0; c < t->ncol; c++)
            sqlite3_str_appendf(q,
                                "%sCASE WHEN typeof(\"%w\") = 'blob' THEN "
                                "hex(\"%w\") ELSE \"%w\" END",
                                c ? ", " : "", t->cols[c], t->cols[c], t->cols[c]);
        sqlite3_str_appendf(q, ") FROM \"%w\" ORDER BY id", t->name);
        char *sql = sqlite3_str_finish(q);
        if (!sql)
            return TP_ERR_NOMEM;
        sqlite3_stmt *st;
        int rc = sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL);
        sqlite3_free(sql);
        if (rc != SQLITE_OK)
            return db_fail(db, rc, NULL);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            fn(ctx, (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return db_fail(db, rc, NULL);
    }
    return TP_OK;
}
