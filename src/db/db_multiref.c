/* Many-to-many references through a junction table (attendance: meeting ↔
 * person). The set is changed with the audited writes of db_write.c, in
 * one transaction, so a half-saved choice never remains. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_records.h"

struct link {
    char id[DB_UUID_LEN];
    char *other;
    long long version;
    bool deleted;
};

static tp_status check_names(tp_db *db, const char *via, const char *self_col,
                             const char *other_col)
{
    if (!db_has_column(db, via, "deleted_at") ||
        !db_has_column(db, via, self_col) ||
        !db_has_column(db, via, other_col) || strcmp(self_col, other_col) == 0) {
        db_set_error(db, "%s: not a junction of %s and %s", via ? via : "(none)",
                     self_col ? self_col : "(none)",
                     other_col ? other_col : "(none)");
        return TP_ERR_INVALID;
    }
    return TP_OK;
}

tp_status db_multiref_get(tp_db *db, const char *via, const char *self_col,
                          const char *self_id, const char *other_col,
                          db_id_fn fn, void *ctx)
{
    tp_status s = check_names(db, via, self_col, other_col);
    if (s != TP_OK)
        return s;
    if (!self_id || !fn)
        return TP_ERR_INVALID;
    char *sql = sqlite3_mprintf("SELECT \"%w\" FROM \"%w\" WHERE \"%w\" = ?1 "
                                "AND deleted_at IS NULL ORDER BY rowid",
                                other_col, via, self_col);
    if (!sql)
        return TP_ERR_NOMEM;
    /* Not cached: fn may query while this statement steps. */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK)
        return db_fail(db, rc, NULL);
    sqlite3_bind_text(st, 1, self_id, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *other = (const char *)sqlite3_column_text(st, 0);
        if (other)
            fn(ctx, other);
    }
    s = rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
    sqlite3_finalize(st);
    return s;
}

static void free_links(struct link *l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sqlite3_free(l[i].other);
    free(l);
}

/* Every junction row of self_id, live and tombstoned, newest first (so
 * the newest tombstone of a pair is the one brought back). */
static tp_status read_links(tp_db *db, const char *via, const char *self_col,
                            const char *self_id, const char *other_col,
                            struct link **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    char *sql = sqlite3_mprintf("SELECT id, \"%w\", version, deleted_at IS "
                                "NOT NULL FROM \"%w\" WHERE \"%w\" = ?1 "
                                "ORDER BY updated_at DESC, rowid DESC",
                                other_col, via, self_col);
    if (!sql)
        return TP_ERR_NOMEM;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, sql, sql, &st);
    sqlite3_free(sql);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, self_id, -1, SQLITE_TRANSIENT);
    struct link *l = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            struct link *g = realloc(l, cap * sizeof *g);
            if (!g) {
                rc = SQLITE_NOMEM;
                break;
            }
            l = g;
        }
        const char *id = (const char *)sqlite3_column_text(st, 0);
        const char *other = (const char *)sqlite3_column_text(st, 1);
        if (!id || !other)
            continue;
        struct link *k = &l[n];
        memset(k, 0, sizeof *k);
        strncpy(k->id, id, DB_UUID_LEN - 1);
        k->other = sqlite3_mprintf("%s", other);
        k->version = sqlite3_column_int64(st, 2);
        k->deleted = sqlite3_column_int(st, 3) != 0;
        n++;
        if (!k->other) {
            rc = SQLITE_NOMEM;
            break;
        }
    }
    db_stmt_done(st);
    if (rc != SQLITE_DONE) {
        free_links(l, n);
        return db_fail(db, rc, NULL);
    }
    *out = l;
    *n_out = n;
    return TP_OK;
}

static bool chosen(const char *const *ids, size_t n, const char *other)
{
    for (size_t i = 0; i < n; i++)
        if (ids[i] && strcmp(ids[i], other) == 0)
            return true;
    return false;
}

static struct link *find(struct link *l, size_t n, const char *other,
                         bool deleted)
{
    for (size_t i = 0; i < n; i++)
        if (l[i].deleted == deleted && strcmp(l[i].other, other) == 0)
            return &l[i];
    return NULL;
}

/* Brings back an old row of the pair, with the extra values of today. */
static tp_status revive(tp_db *db, const char *via, struct link *k,
                        const db_value *extra, size_t n_extra)
{
    tp_status s = db_restore(db, via, k->id, k->version);
    k->version++;
    k->deleted = false;
    if (s == TP_OK && n_extra > 0) {
        s = db_update(db, via, k->id, k->version, extra, n_extra);
        k->version++;
    }
    return s;
}

static tp_status add(tp_db *db, const char *via, const char *self_col,
                     const char *self_id, const char *other_col,
                     const char *other, const db_value *extra, size_t n_extra)
{
    db_value *v = calloc(n_extra + 2, sizeof *v);
    if (!v)
        return TP_ERR_NOMEM;
    v[0] = DB_V_TEXT(self_col, self_id);
    v[1] = DB_V_TEXT(other_col, other);
    for (size_t i = 0; i < n_extra; i++)
        v[i + 2] = extra[i];
    tp_status s = db_insert(db, via, v, n_extra + 2, NULL);
    free(v);
    return s;
}

static tp_status apply_set(tp_db *db, const char *via, const char *self_col,
                           const char *self_id, const char *other_col,
                           const char *const *ids, size_t n,
                           const db_value *extra, size_t n_extra)
{
    struct link *l;
    size_t nl;
    tp_status s = read_links(db, via, self_col, self_id, other_col, &l, &nl);
    for (size_t i = 0; s == TP_OK && i < nl; i++)
        if (!l[i].deleted && !chosen(ids, n, l[i].other)) {
            s = db_tombstone(db, via, l[i].id, l[i].version);
            l[i].deleted = true;
            l[i].version++;
        }
    for (size_t i = 0; s == TP_OK && i < n; i++) {
        if (!ids[i] || chosen(ids, i, ids[i]))
            continue; /* no id, or chosen twice */
        /* Checked against the newest rows, so a pair just tombstoned above
         * is not mistaken for one still live. */
        if (find(l, nl, ids[i], false))
            continue;
        struct link *old = find(l, nl, ids[i], true);
        s = old ? revive(db, via, old, extra, n_extra)
                : add(db, via, self_col, self_id, other_col, ids[i], extra,
                      n_extra);
    }
    free_links(l, nl);
    return s;
}

tp_status db_multiref_set(tp_db *db, const char *via, const char *self_col,
                          const char *self_id, const char *other_col,
                          const char *const *ids, size_t n,
                          const db_value *extra, size_t n_extra)
{
    tp_status s = check_names(db, via, self_col, other_col);
    if (s == TP_OK && (!self_id || (n && !ids) || (n_extra && !extra)))
        s = TP_ERR_INVALID;
    if (s == TP_OK)
        s = db_write_allowed(db, via);
    if (s != TP_OK)
        return s;
    s = db_begin(db);
    if (s != TP_OK)
        return s;
    s = apply_set(db, via, self_col, self_id, other_col, ids, n, extra,
                  n_extra);
    if (s != TP_OK) {
        db_rollback(db);
        return s;
    }
    return db_commit(db);
}

