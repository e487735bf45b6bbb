/* Program users (app_user), their roles from role_assignment, and the PIN
 * bookkeeping for the login screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_records.h"

/* Display name: the person's title and name (a space only after ฯ, as in
 * "ผู้ว่าฯ วิชม"; "อ.จำนง", "ลุงชินวัฒน์" are written together), or the
 * login when the user is no person on record. */
#define USER_SELECT                                                         \
    "SELECT u.id, u.login, u.person_id, "                                   \
    "coalesce(CASE WHEN p.title LIKE '%ฯ' THEN p.title || ' ' "             \
    "ELSE coalesce(p.title, '') END || p.name, u.login) AS display, "       \
    "u.pin_hash IS NOT NULL AND u.pin_hash <> '' "                          \
    "FROM app_user AS u LEFT JOIN person AS p ON p.id = u.person_id "       \
    "WHERE u.deleted_at IS NULL "

static tp_status each_user(tp_db *db, const char *key, const char *sql,
                           const char *param, db_user_fn fn, void *ctx,
                           bool need_one)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, key, sql, &st);
    if (s != TP_OK)
        return s;
    if (param)
        sqlite3_bind_text(st, 1, param, -1, SQLITE_TRANSIENT);
    int rc, rows = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_user u = {
            .user_id = (const char *)sqlite3_column_text(st, 0),
            .login = (const char *)sqlite3_column_text(st, 1),
            .person_id = (const char *)sqlite3_column_text(st, 2),
            .display_name = (const char *)sqlite3_column_text(st, 3),
            .has_pin = sqlite3_column_int(st, 4) != 0,
        };
        rows++;
        if (fn)
            fn(ctx, &u); /* fn must not query: the statement is cached */
    }
    db_stmt_done(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, rc, NULL);
    if (need_one && rows == 0) {
        db_set_error(db, "no user %s", param ? param : "");
        return TP_ERR_NOTFOUND;
    }
    return TP_OK;
}

tp_status db_users(tp_db *db, db_user_fn fn, void *ctx)
{
    return each_user(db, "users.all",
                     USER_SELECT "ORDER BY display COLLATE THAI, u.login",
                     NULL, fn, ctx, false);
}

tp_status db_user_by_login(tp_db *db, const char *login, db_user_fn fn,
                           void *ctx)
{
    if (!login)
        return TP_ERR_INVALID;
    return each_user(db, "users.login", USER_SELECT "AND u.login = ?1",
                     login, fn, ctx, true);
}

tp_status db_user_by_os_user(tp_db *db, const char *os_user, db_user_fn fn,
                             void *ctx)
{
    if (!os_user)
        return TP_ERR_INVALID;
    /* Several users may share a machine account: the first by login. */
    return each_user(db, "users.os",
                     USER_SELECT "AND u.os_user = ?1 ORDER BY u.login LIMIT 1",
                     os_user, fn, ctx, true);
}

static tp_status user_exists(tp_db *db, const char *user_id, bool *admin)
{
    long long a = 0;
    tp_status s = db_query_int(db, "users.admin",
                               "SELECT is_admin FROM app_user "
                               "WHERE id = ?1 AND deleted_at IS NULL",
                               user_id, &a);
    if (s == TP_ERR_NOTFOUND)
        db_set_error(db, "no user %s", user_id);
    *admin = a != 0;
    return s;
}

tp_status db_user_roles(tp_db *db, const char *user_id, db_role_fn fn,
                        void *ctx)
{
    bool admin = false;
    tp_status s = user_id ? user_exists(db, user_id, &admin) : TP_ERR_INVALID;
    if (s != TP_OK)
        return s;
    sqlite3_stmt *st;
    /* Today in local time: a role that ends today still holds today. */
    s = db_stmt(db, "users.roles",
                "SELECT DISTINCT r.code, r.name_th, r.name_en, r.sort "
                "FROM app_user AS u JOIN role_assignment AS ra "
                "ON ra.person_id = u.person_id AND ra.deleted_at IS NULL "
                "JOIN role AS r ON r.code = ra.role_code "
                "WHERE u.id = ?1 "
                "AND (ra.valid_from IS NULL OR ra.valid_from <= date('now', 'localtime')) "
                "AND (ra.valid_to IS NULL OR ra.valid_to >= date('now', 'localtime')) "
                "ORDER BY r.sort", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, user_id, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (fn)
            fn(ctx, (const char *)sqlite3_column_text(st, 0),
               (const char *)sqlite3_column_text(st, 1),
               (const char *)sqlite3_column_text(st, 2));
    db_stmt_done(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, rc, NULL);
    if (admin && fn)
        fn(ctx, "admin", "ผู้ดูแลระบบ", "administrator");
    return TP_OK;
}

tp_status db_user_pin_hash(tp_db *db, const char *user_id, char **hash)
{
    *hash = NULL;
    if (!user_id)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "users.pin",
                          "SELECT pin_hash FROM app_user "
                          "WHERE id = ?1 AND deleted_at IS NULL", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, user_id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *h = (const char *)sqlite3_column_text(st, 0);
        if (h && *h && !(*hash = strdup(h)))
            s = TP_ERR_NOMEM;
    } else if (rc == SQLITE_DONE) {
        db_set_error(db, "no user %s", user_id);
        s = TP_ERR_NOTFOUND;
    } else {
        s = db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}

/* One UPDATE of app_user by id; *changed = rows changed. */
static tp_status run_update(tp_db *db, const char *key, const char *sql,
                            const db_value *b, int nb, int *changed)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, key, sql, &st);
    if (s != TP_OK)
        return s;
    for (int i = 0; i < nb; i++)
        db_bind_value(st, i + 1, &b[i]);
    int rc = sqlite3_step(st);
    db_stmt_done(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, rc, NULL);
    *changed = sqlite3_changes(db->conn);
    return TP_OK;
}

/* A PIN change is a change of the record (version, audit row), but the
 * audit row says only that the PIN was set or cleared: no hash in the log. */
tp_status db_user_set_pin_hash(tp_db *db, const char *user_id,
                               const char *hash)
{
    if (!user_id)
        return TP_ERR_INVALID;
    if (hash && !*hash)
        hash = NULL;
    char now[32];
    db_now(now);
    tp_status s = db_begin(db);
    if (s != TP_OK)
        return s;
    db_value b[] = {DB_V_TEXT(NULL, hash), DB_V_TEXT(NULL, now),
                    DB_V_TEXT(NULL, db->user), DB_V_TEXT(NULL, user_id)};
    int changed = 0;
    s = run_update(db, "users.set_pin",
                   "UPDATE app_user SET pin_hash = ?1, updated_at = ?2, "
                   "updated_by = ?3, version = version + 1 "
                   "WHERE id = ?4 AND deleted_at IS NULL", b, 4, &changed);
    if (s == TP_OK && changed == 0) {
        db_set_error(db, "no user %s", user_id);
        s = TP_ERR_NOTFOUND;
    }
    if (s == TP_OK) {
        db_value a[] = {DB_V_TEXT(NULL, now), DB_V_TEXT(NULL, db->user),
                        DB_V_TEXT(NULL, db->site_id), DB_V_TEXT(NULL, user_id),
                        DB_V_TEXT(NULL, hash ? "set" : "cleared")};
        s = run_update(db, "users.pin_audit",
                       "INSERT INTO audit_log (at, who, site_id, table_name, "
                       "row_id, action, old_json, new_json) VALUES (?1, ?2, "
                       "?3, 'app_user', ?4, 'update', NULL, "
                       "json_object('pin', ?5))", a, 5, &changed);
    }
    if (s != TP_OK) {
        db_rollback(db);
        return s;
    }
    return db_commit(db);
}

tp_status db_user_failures(tp_db *db, const char *user_id, int *count,
                           char last_at[32])
{
    *count = 0;
    last_at[0] = '\0';
    if (!user_id)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "users.failures",
                          "SELECT failed_attempts, last_failed_at FROM "
                          "app_user WHERE id = ?1 AND deleted_at IS NULL",
                          &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, user_id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *count = sqlite3_column_int(st, 0);
        const char *t = (const char *)sqlite3_column_text(st, 1);
        snprintf(last_at, 32, "%s", t ? t : "");
    } else if (rc == SQLITE_DONE) {
        db_set_error(db, "no user %s", user_id);
        s = TP_ERR_NOTFOUND;
    } else {
        s = db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}

/* Counting failures is bookkeeping, like attendee_count: no version bump
 * and no audit row, so a wrong PIN never conflicts with an edit. */
tp_status db_user_record_failure(tp_db *db, const char *user_id, bool failed,
                                 const char *at)
{
    if (!user_id)
        return TP_ERR_INVALID;
    char now[32];
    if (at)
        snprintf(now, sizeof now, "%s", at);
    else
        db_now(now);
    db_value b[] = {DB_V_INT(NULL, failed ? 1 : 0), DB_V_TEXT(NULL, now),
                    DB_V_TEXT(NULL, user_id)};
    int changed = 0;
    tp_status s = run_update(db, "users.fail",
                             "UPDATE app_user SET "
                             "failed_attempts = CASE WHEN ?1 THEN failed_attempts + 1 ELSE 0 END, "
                             "last_failed_at = CASE WHEN ?1 THEN ?2 ELSE NULL END "
                             "WHERE id = ?3 AND deleted_at IS NULL", b, 3, &changed);
    if (s == TP_OK && changed == 0) {
        db_set_error(db, "no user %s", user_id);
        s = TP_ERR_NOTFOUND;
    }
    return s;
}
