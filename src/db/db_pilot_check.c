/* Named look-ups into the pilot's records; see tapian/db_pilot.h. */
#include <string.h>

#include "db_internal.h"
#include "tapian/db_pilot.h"

static const struct {
    const char *name;
    const char *sql;
} queries[] = {
    {"agencies_core_nine",
     "SELECT count(*) FROM agency WHERE deleted_at IS NULL AND is_core_nine = 1"},
    {"agency_named",
     "SELECT count(*) FROM agency WHERE deleted_at IS NULL AND short_name = ?1"},
    {"tambons_of_amphoe",
     "SELECT count(*) FROM place t JOIN place a ON a.id = t.parent_id "
     "WHERE t.kind = 'tambon' AND t.deleted_at IS NULL "
     "AND a.kind = 'amphoe' AND a.name = ?1"},
    {"villages",
     "SELECT count(*) FROM place WHERE kind = 'village' AND deleted_at IS NULL"},
    {"meetings_on",
     "SELECT count(*) FROM meeting WHERE deleted_at IS NULL AND held_on = ?1"},
    {"observers_named",
     "SELECT count(*) FROM observer o JOIN person p ON p.id = o.person_id "
     "WHERE o.meeting_id = ?1 AND p.name = ?2 AND o.deleted_at IS NULL"},
    {"roles_of",
     "SELECT count(*) FROM role_assignment r JOIN person p ON p.id = r.person_id "
     "WHERE p.name = ?1 AND r.role_code = ?2 AND r.deleted_at IS NULL"},
    {"attendance_of",
     "SELECT a.status FROM attendance a JOIN person p ON p.id = a.person_id "
     "WHERE a.meeting_id = ?1 AND p.name = ?2 AND a.deleted_at IS NULL"},
    {"meeting_held_on", "SELECT held_on FROM meeting WHERE id = ?1"},
    {"meeting_circle", "SELECT circle FROM meeting WHERE id = ?1"},
    {"meeting_notes", "SELECT notes FROM meeting WHERE id = ?1"},
    {"person_agency",
     "SELECT g.short_name FROM person p JOIN agency g ON g.id = p.agency_id "
     "WHERE p.name = ?1 AND p.deleted_at IS NULL"},
    {"six_step_name", "SELECT name_th FROM six_step_def WHERE step = CAST(?1 AS INTEGER)"},
};

/* Prepares the named query with its parameters bound; the cache key is
 * prefixed so it cannot meet another module's query of the same name. */
static tp_status prepare(tp_db *db, const char *name, const db_value *params,
                         size_t n, sqlite3_stmt **out)
{
    const char *sql = NULL;
    for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
        if (strcmp(queries[i].name, name) == 0)
            sql = queries[i].sql;
    if (!sql) {
        db_set_error(db, "no pilot query named %s", name);
        return TP_ERR_INVALID;
    }
    char key[64] = "pilot.";
    strncat(key, name, sizeof key - strlen(key) - 1);
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, key, sql, &st);
    if (s != TP_OK)
        return s;
    if ((int)n != sqlite3_bind_parameter_count(st)) {
        db_stmt_done(st);
        db_set_error(db, "pilot query %s takes %d parameters", name,
                     sqlite3_bind_parameter_count(st));
        return TP_ERR_INVALID;
    }
    for (size_t i = 0; i < n; i++)
        db_bind_value(st, (int)i + 1, &params[i]);
    *out = st;
    return TP_OK;
}

tp_status db_pilot_int(tp_db *db, const char *name, const db_value *params,
                       size_t n, long long *out)
{
    sqlite3_stmt *st;
    tp_status s = prepare(db, name, params, n, &st);
    if (s != TP_OK)
        return s;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = sqlite3_column_int64(st, 0);
        s = TP_OK;
    } else {
        s = rc == SQLITE_DONE ? TP_ERR_NOTFOUND : db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}

tp_status db_pilot_text(tp_db *db, const char *name, const db_value *params,
                        size_t n, char *buf, size_t cap)
{
    if (cap > 0)
        buf[0] = '\0';
    sqlite3_stmt *st;
    tp_status s = prepare(db, name, params, n, &st);
    if (s != TP_OK)
        return s;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        size_t len = (size_t)sqlite3_column_bytes(st, 0);
        if (!v) {
            s = TP_ERR_NOMEM;
        } else if (len >= cap) {
            s = TP_ERR_TOO_LONG;
        } else {
            memcpy(buf, v, len + 1);
            s = TP_OK;
        }
    } else if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
        s = TP_ERR_NOTFOUND;
    } else {
        s = db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}
