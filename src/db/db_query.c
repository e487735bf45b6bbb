/* Named read queries, counts, and the typed writes the home screen uses. */
#include <stdio.h>
#include <string.h>

#include "db_internal.h"

/* ---- named queries ---------------------------------------------------------
 * Views name a query; the SQL stays here. Thai order is COLLATE THAI at
 * query time, with id as the tie-break so the order is total. */
static const struct {
    const char *name;
    const char *sql;
} named[] = {
    {"people",
     "SELECT id, title, name FROM person WHERE deleted_at IS NULL "
     "ORDER BY name COLLATE THAI, id"},
    {"places",
     "SELECT id, kind, parent_id, name, moo FROM place "
     "WHERE deleted_at IS NULL "
     "ORDER BY id"},
    {"place_children",
     "SELECT id, kind, name, moo FROM place "
     "WHERE parent_id = ?1 AND deleted_at IS NULL "
     "ORDER BY moo, name COLLATE THAI, id"},
    {"meetings_of_place",
     "SELECT id, held_on, title, attendee_count FROM meeting "
     "WHERE place_id = ?1 AND deleted_at IS NULL ORDER BY held_on DESC, id"},
    {"audit_of_row",
     "SELECT seq, action, who, old_json, new_json FROM audit_log "
     "WHERE table_name = ?1 AND row_id = ?2 ORDER BY seq"},
};

tp_status db_query(tp_db *db, const char *name, const db_value *params,
                   size_t n, db_query_fn fn, void *ctx)
{
    const char *sql = NULL;
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strcmp(named[i].name, name) == 0)
            sql = named[i].sql;
    if (!sql) {
        db_set_error(db, "no query named %s", name);
        return TP_ERR_INVALID;
    }
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, name, sql, &st);
    if (s != TP_OK)
        return s;
    if ((int)n != sqlite3_bind_parameter_count(st)) {
        db_stmt_done(st);
        db_set_error(db, "query %s takes %d parameters", name,
                     sqlite3_bind_parameter_count(st));
        return TP_ERR_INVALID;
    }
    for (size_t i = 0; i < n; i++)
        db_bind_value(st, (int)i + 1, &params[i]);
    int ncols = sqlite3_column_count(st), rc;
    const char *cols[16];
    if (ncols > 16)
        ncols = 16;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < ncols; i++)
            cols[i] = (const char *)sqlite3_column_text(st, i);
        if (!fn(ctx, ncols, cols)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

/* ---- counts ------------------------------------------------------------------ */

/* Only tables with a tombstone column may be named, and the name is quoted. */
static tp_status table_sql(tp_db *db, const char *table, const char *fmt,
                           char **out)
{
    long long ok = 0;
    tp_status s = db_query_int(db, "count.is_record",
                               "SELECT count(*) FROM pragma_table_info(?1) "
                               "WHERE name = 'deleted_at'", table, &ok);
    if (s != TP_OK)
        return s;
    if (!ok) {
        db_set_error(db, "%s is not a record table", table);
        return TP_ERR_INVALID;
    }
    *out = sqlite3_mprintf(fmt, table);
    return *out ? TP_OK : TP_ERR_NOMEM;
}

tp_status db_count_live(tp_db *db, const char *table, long long *n)
{
    char *sql;
    tp_status s = table_sql(db, table,
                            "SELECT count(*) FROM \"%w\" WHERE deleted_at IS NULL",
                            &sql);
    if (s != TP_OK)
        return s;
    s = db_query_int(db, sql, sql, NULL, n);
    sqlite3_free(sql);
    return s;
}

tp_status db_row_version(tp_db *db, const char *table, const char *id,
                         long long *version, bool *deleted)
{
    char *sql;
    tp_status s = table_sql(db, table,
                            "SELECT version, deleted_at IS NOT NULL FROM \"%w\" "
                            "WHERE id = ?1", &sql);
    if (s != TP_OK)
        return s;
    sqlite3_stmt *st;
    s = db_stmt(db, sql, sql, &st);
    sqlite3_free(sql);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *version = sqlite3_column_int64(st, 0);
        if (deleted)
            *deleted = sqlite3_column_int(st, 1) != 0;
    } else {
        s = rc == SQLITE_DONE ? TP_ERR_NOTFOUND : db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return s;
}

tp_status db_audit_count(tp_db *db, const char *table, const char *id,
                         long long *n)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "audit.count",
                          "SELECT count(*) FROM audit_log "
                          "WHERE table_name = ?1 AND row_id = ?2", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = sqlite3_column_int64(st, 0);
    else
        s = db_fail(db, rc, NULL);
    db_stmt_done(st);
    return s;
}

tp_status db_meeting_attendees(tp_db *db, const char *meeting_id, int *n)
{
    long long v = 0;
    tp_status s = db_query_int(db, "meeting.attendees",
                               "SELECT attendee_count FROM meeting "
                               "WHERE id = ?1", meeting_id, &v);
    if (s == TP_OK)
        *n = (int)v;
    return s;
}

/* Pilot tambons: marked wave 'pilot' themselves or holding a pilot village.
 * Villages and groups count directly; meetings held in the tambon or in
 * one of its live villages. The meetings come from meeting_tally (migration
 * 004: a live meeting's tambon, through its village), an index range with
 * no table rows read, less those of tombstoned villages, which the tally
 * still counts under the tambon. Counting them from `meeting` read every
 * meeting row of the three tambons at each start: about 2,000 pages of the
 * province file before the home screen. */
tp_status db_tambon_counts(tp_db *db, db_tambon_count_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "home.tambon_counts",
        "WITH t AS (SELECT id, name FROM place p WHERE kind = 'tambon' "
        "  AND deleted_at IS NULL AND (wave = 'pilot' OR EXISTS (SELECT 1 "
        "  FROM place v WHERE v.parent_id = p.id AND v.wave = 'pilot' "
        "  AND v.deleted_at IS NULL))) "
        "SELECT t.name, "
        " (SELECT count(*) FROM place v WHERE v.parent_id = t.id "
        "   AND v.kind = 'village' AND v.deleted_at IS NULL), "
        " (SELECT count(*) FROM finance_group g WHERE g.place_id = t.id "
        "   AND g.deleted_at IS NULL) + "
        " (SELECT count(*) FROM place v JOIN finance_group g "
        "   ON g.place_id = v.id WHERE v.parent_id = t.id "
        "   AND v.deleted_at IS NULL AND g.deleted_at IS NULL), "
        " (SELECT count(*) FROM meeting_tally mt WHERE mt.tambon_id = t.id "
        "   AND mt.live = 1) - "
        " (SELECT count(*) FROM place v JOIN meeting m ON m.place_id = v.id "
        "   WHERE v.parent_id = t.id AND v.deleted_at IS NOT NULL "
        "   AND m.deleted_at IS NULL) "
        "FROM t ORDER BY t.name COLLATE THAI, t.id", &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        fn(ctx, (const char *)sqlite3_column_text(st, 0),
           sqlite3_column_int(st, 1), sqlite3_column_int(st, 2),
           sqlite3_column_int(st, 3));
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

/* ---- typed writes ------------------------------------------------------------ */

tp_status db_place_add(tp_db *db, const db_place *p, char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("kind", p->kind),
        DB_V_TEXT("parent_id", p->parent_id),
        DB_V_TEXT("name", p->name),
        p->moo > 0 ? DB_V_INT("moo", p->moo) : DB_V_NULL("moo"),
        DB_V_TEXT("wave", p->wave),
    };
    return db_insert(db, "place", v, sizeof v / sizeof v[0], id);
}

tp_status db_agency_add(tp_db *db, const char *short_name,
                        const char *full_name, bool core_nine,
                        char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("short_name", short_name),
        DB_V_TEXT("full_name", full_name),
        DB_V_INT("is_core_nine", core_nine ? 1 : 0),
    };
    return db_insert(db, "agency", v, sizeof v / sizeof v[0], id);
}

tp_status db_person_add(tp_db *db, const char *title, const char *name,
                        const char *agency_id, char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("title", title),
        DB_V_TEXT("name", name),
        DB_V_TEXT("agency_id", agency_id),
    };
    return db_insert(db, "person", v, sizeof v / sizeof v[0], id);
}

tp_status db_group_add(tp_db *db, const char *type, const char *name,
                       const char *place_id, char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("type", type),
        DB_V_TEXT("name", name),
        DB_V_TEXT("place_id", place_id),
    };
    return db_insert(db, "finance_group", v, sizeof v / sizeof v[0], id);
}

tp_status db_meeting_add(tp_db *db, const db_meeting *m, char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("circle", m->circle),   DB_V_TEXT("held_on", m->held_on),
        DB_V_TEXT("place_id", m->place_id), DB_V_TEXT("title", m->title),
        DB_V_TEXT("purpose", m->purpose), DB_V_TEXT("agenda", m->agenda),
        DB_V_TEXT("outcomes", m->outcomes),
        DB_V_TEXT("next_steps", m->next_steps),
        DB_V_TEXT("notes", m->notes),
    };
    return db_insert(db, "meeting", v, sizeof v / sizeof v[0], id);
}

tp_status db_attendance_add(tp_db *db, const char *meeting_id,
                            const char *person_id, const char *status,
                            const char *representative_name,
                            char id[DB_UUID_LEN])
{
    db_value v[] = {
        DB_V_TEXT("meeting_id", meeting_id),
        DB_V_TEXT("person_id", person_id),
        DB_V_TEXT("status", status),
        DB_V_TEXT("representative_name", representative_name),
    };
    return db_insert(db, "attendance", v, sizeof v / sizeof v[0], id);
}
