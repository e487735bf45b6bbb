/* Who may change what through a pack (docs/SYNC.md, "Who may change
 * what"). Every change of a changeset is checked before it is applied,
 * with the rules the write functions apply to a user here: a pack can do
 * nothing its author could not have done at this site's keyboard.
 *   - only tables that travel in packs, and never a DELETE (tapian keeps
 *     tombstones);
 *   - reference data only from a hub;
 *   - the author (updated_by) holds, on the day of the change, a role the
 *     screens let write the table, or is an administrator.
 * A user's own login bookkeeping (PIN, wrong PINs typed) is the exception,
 * as db_user_set_pin_hash is locally. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "db_sync_pack.h"

#define AUTHOR_CACHE 8
#define MAX_ROLES 16

/* The last verdicts: a pack of 10,000 rows has a handful of authors. */
struct verdict {
    char author[64], table[64], day[16];
    bool ok;
};

struct guard {
    tp_db *db;
    bool from_hub;
    struct verdict cache[AUTHOR_CACHE];
    int next;
    db_sync_result *res;
};

tp_status db_sync_guard_refresh(tp_db *db)
{
    long long kiosk = 0;
    tp_status s = db_query_int(
        db, "sync.guard.kiosk",
        "SELECT coalesce((SELECT value FROM setting WHERE key = "
        "'sync_role'), 'kiosk') = 'kiosk' AND EXISTS (SELECT 1 FROM "
        "sync_peer WHERE role = 'hub')", NULL, &kiosk);
    db->sync_kiosk = s == TP_OK && kiosk;
    return s;
}

static const char *text_of(sqlite3_value *v)
{
    return v ? (const char *)sqlite3_value_text(v) : NULL;
}

static int col_index(const struct db_sync_table *t, const char *name)
{
    for (int i = 0; i < t->ncol; i++)
        if (strcmp(t->cols[i], name) == 0)
            return i;
    return -1;
}

/* Column i of the change as it will be: the new value where the change
 * sets it, otherwise (an UPDATE leaving it alone) NULL. */
static sqlite3_value *new_value(sqlite3_changeset_iter *it, int op, int i)
{
    sqlite3_value *v = NULL;
    if (i < 0 || op == SQLITE_DELETE)
        return NULL;
    if (sqlite3changeset_new(it, i, &v) != SQLITE_OK)
        return NULL;
    return v;
}

static tp_status deny(struct guard *g, db_sync_denial why, const char *table,
                      const char *id, const char *author)
{
    db_sync_result *r = g->res;
    r->denial = why;
    snprintf(r->table, sizeof r->table, "%s", table ? table : "");
    snprintf(r->row_id, sizeof r->row_id, "%s", id ? id : "");
    snprintf(r->author, sizeof r->author, "%s", author ? author : "");
    db_set_error(g->db, "sync: %s row %s (by %s) may not be changed by a "
                        "pack (%d)", r->table, r->row_id, r->author, (int)why);
    return TP_ERR_PERM;
}

/* The row here as it is: the columns an UPDATE may leave out. */
struct here {
    char updated_by[64], updated_at[40], login[64];
    bool admin, found;
};

static tp_status row_here(tp_db *db, const struct db_sync_table *t,
                          const char *id, struct here *h)
{
    memset(h, 0, sizeof *h);
    bool user = strcmp(t->name, "app_user") == 0;
    char *sql = sqlite3_mprintf(
        "SELECT updated_by, updated_at, %s FROM \"%w\" WHERE id = ?1",
        user ? "login, is_admin" : "NULL, 0", t->name);
    if (!sql)
        return TP_ERR_NOMEM;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, sql, sql, &st);
    sqlite3_free(sql);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        h->found = true;
        const char *c[3];
        for (int i = 0; i < 3; i++)
            c[i] = (const char *)sqlite3_column_text(st, i);
        snprintf(h->updated_by, sizeof h->updated_by, "%s", c[0] ? c[0] : "");
        snprintf(h->updated_at, sizeof h->updated_at, "%s", c[1] ? c[1] : "");
        snprintf(h->login, sizeof h->login, "%s", c[2] ? c[2] : "");
        h->admin = sqlite3_column_int(st, 3) != 0;
    }
    db_stmt_done(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

/* The roles author held on day (YYYY-MM-DD), with "admin" for
 * administrators, as db_user_roles reads them for today. */
static tp_status roles_on(tp_db *db, const char *author, const char *day,
                          char roles[MAX_ROLES][40], size_t *n)
{
    *n = 0;
    sqlite3_stmt *st;
    tp_status s = db_stmt(
        db, "sync.guard.roles",
        "SELECT 'admin' FROM app_user WHERE login = ?1 AND deleted_at IS "
        "NULL AND is_admin UNION SELECT ra.role_code FROM app_user u JOIN "
        "role_assignment ra ON ra.person_id = u.person_id AND ra.deleted_at "
        "IS NULL WHERE u.login = ?1 AND u.deleted_at IS NULL "
        "AND (ra.valid_from IS NULL OR ra.valid_from <= ?2) "
        "AND (ra.valid_to IS NULL OR ra.valid_to >= ?2)", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, author, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < MAX_ROLES)
        snprintf(roles[(*n)++], 40, "%s", sqlite3_column_text(st, 0));
    db_stmt_done(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

/* Whether author could write table on the day of `at` (ISO, UTC). */
static tp_status author_may(struct guard *g, const char *table,
                            const char *author, const char *at, bool *ok)
{
    char day[16];
    snprintf(day, sizeof day, "%.10s", at ? at : "");
    for (int i = 0; i < AUTHOR_CACHE; i++) {
        struct verdict *v = &g->cache[i];
        if (v->author[0] && strcmp(v->author, author) == 0 &&
            strcmp(v->table, table) == 0 && strcmp(v->day, day) == 0) {
            *ok = v->ok;
            return TP_OK;
        }
    }
    char roles[MAX_ROLES][40];
    size_t n;
    tp_status s = roles_on(g->db, author, day, roles, &n);
    if (s != TP_OK)
        return s;
    const char *ptrs[MAX_ROLES];
    for (size_t i = 0; i < n; i++)
        ptrs[i] = roles[i];
    /* No user by that name holds no role: refused like a user without a
     * role here (unregistered tables stay open to everyone). */
    *ok = db_roles_may_write(g->db, table, ptrs, n);
    struct verdict *v = &g->cache[g->next];
    g->next = (g->next + 1) % AUTHOR_CACHE;
    snprintf(v->author, sizeof v->author, "%s", author);
    snprintf(v->table, sizeof v->table, "%s", table);
    snprintf(v->day, sizeof v->day, "%s", day);
    v->ok = *ok;
    return TP_OK;
}

static bool is_login_bookkeeping(const char *col)
{
    static const char *const cols[] = {"pin_hash", "failed_attempts",
                                       "last_failed_at", "updated_at",
                                       "updated_by", "version", "id"};
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        if (strcmp(cols[i], col) == 0)
            return true;
    return false;
}

/* An UPDATE of app_user that touches only the login bookkeeping. */
static bool only_login_bookkeeping(const struct db_sync_table *t,
                                   sqlite3_changeset_iter *it, int op)
{
    if (op != SQLITE_UPDATE || strcmp(t->name, "app_user") != 0)
        return false;
    for (int i = 0; i < t->ncol; i++)
        if (new_value(it, op, i) && !is_login_bookkeeping(t->cols[i]))
            return false;
    return true;
}

static tp_status check_one(struct guard *g, sqlite3_changeset_iter *it)
{
    const char *tab;
    int ncol, op, indirect;
    if (sqlite3changeset_op(it, &tab, &ncol, &op, &indirect) != SQLITE_OK)
        return deny(g, SYNC_DENY_TABLE, "?", NULL, NULL);
    const struct db_sync_table *t = db_sync_table_find(g->db, tab);
    if (!t || t->ncol != ncol)
        return deny(g, SYNC_DENY_TABLE, tab, NULL, NULL);
    int idc = col_index(t, "id");
    sqlite3_value *idv = NULL;
    if (op == SQLITE_INSERT)
        sqlite3changeset_new(it, idc, &idv);
    else
        sqlite3changeset_old(it, idc, &idv);
    const char *id = text_of(idv);
    if (op == SQLITE_DELETE || !id)
        return deny(g, SYNC_DENY_DELETE, tab, id, NULL);
    struct here h = {.found = false};
    tp_status s = TP_OK;
    if (op == SQLITE_UPDATE)
        s = row_here(g->db, t, id, &h);
    if (s != TP_OK)
        return s;
    if (op == SQLITE_UPDATE && !h.found)
        return TP_OK; /* a row this site never held: apply skips it */
    const char *by = text_of(new_value(it, op, col_index(t, "updated_by")));
    const char *at = text_of(new_value(it, op, col_index(t, "updated_at")));
    if (!by)
        by = h.updated_by;
    if (!at)
        at = h.updated_at;
    if (only_login_bookkeeping(t, it, op)) {
        /* wrong PINs counted anywhere; a PIN set by its own user, and an
         * administrator's only at the hub */
        if (!new_value(it, op, col_index(t, "pin_hash")) || g->from_hub ||
            (strcmp(by, h.login) == 0 && !h.admin))
            return TP_OK;
        return deny(g, SYNC_DENY_PIN, tab, id, by);
    }
    if (t->reference && !g->from_hub)
        return deny(g, SYNC_DENY_REFERENCE, tab, id, by);
    bool ok = false;
    s = author_may(g, tab, by, at, &ok);
    if (s == TP_OK && !ok)
        s = deny(g, SYNC_DENY_ROLE, tab, id, by);
    return s;
}

tp_status db_sync_check(tp_db *db, const void *cs, size_t n, bool from_hub,
                        db_sync_result *res)
{
    sqlite3_changeset_iter *it = NULL;
    int rc = sqlite3changeset_start(&it, (int)n, (void *)(uintptr_t)cs);
    if (rc != SQLITE_OK)
        return db_fail(db, rc, "sync: a change in the pack cannot be read");
    struct guard g = {.db = db, .from_hub = from_hub, .res = res};
    tp_status s = TP_OK;
    while (s == TP_OK && (rc = sqlite3changeset_next(it)) == SQLITE_ROW)
        s = check_one(&g, it);
    int fin = sqlite3changeset_finalize(it);
    if (s == TP_OK && (rc != SQLITE_DONE || fin != SQLITE_OK))
        s = db_fail(db, rc != SQLITE_DONE ? rc : fin,
                    "sync: a change in the pack cannot be read");
    return s;
}
