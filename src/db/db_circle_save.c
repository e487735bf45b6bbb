/* Saving a learning circle in one transaction, and its attendance rates. */
#include <string.h>

#include "db_internal.h"
#include "tapian/db_circle.h"

/* Empty text is stored as NULL, as the generic forms do. */
static db_value text_or_null(const char *column, const char *s)
{
    return s && s[0] ? DB_V_TEXT(column, s) : DB_V_NULL(column);
}

static bool same(const char *a, const char *b)
{
    if (!a || !a[0])
        return !b || !b[0];
    return b && strcmp(a, b) == 0;
}

/* Whether the live row already says what m says (then it is left alone, so
 * that its version and audit trail only move for real changes). */
static tp_status unchanged(tp_db *db, const db_circle_mark *m, bool *out)
{
    sqlite3_stmt *st;
    *out = false;
    tp_status s = db_stmt(db, "circle.mark_now",
        "SELECT status, representative_name FROM attendance "
        "WHERE id = ?1 AND deleted_at IS NULL", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, m->attendance_id, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = same((const char *)sqlite3_column_text(st, 0), m->status) &&
               same((const char *)sqlite3_column_text(st, 1),
                    m->representative_name);
    db_stmt_done(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

static tp_status write_mark(tp_db *db, const char *meeting_id,
                            const db_circle_mark *m)
{
    bool rep = strcmp(m->status, "representative") == 0;
    db_value v[] = {
        DB_V_TEXT("status", m->status),
        rep ? text_or_null("representative_name", m->representative_name)
            : DB_V_NULL("representative_name"),
        DB_V_TEXT("meeting_id", meeting_id),
        DB_V_TEXT("person_id", m->person_id),
    };
    if (!m->attendance_id || !m->attendance_id[0])
        return db_insert(db, "attendance", v, 4, NULL);
    bool same_now;
    tp_status s = unchanged(db, m, &same_now);
    if (s != TP_OK || same_now)
        return s;
    return db_update(db, "attendance", m->attendance_id, m->version, v, 2);
}

static tp_status write_all(tp_db *db, const db_circle_record *r)
{
    db_value texts[] = {
        text_or_null("homework_reviewed", r->homework_reviewed),
        text_or_null("outcomes", r->outcomes),
        text_or_null("next_steps", r->next_steps),
        text_or_null("notes", r->notes),
    };
    tp_status s = db_update(db, "meeting", r->meeting_id, r->version, texts, 4);
    for (size_t i = 0; s == TP_OK && i < r->n_marks; i++)
        s = write_mark(db, r->meeting_id, &r->marks[i]);
    for (size_t i = 0; s == TP_OK && i < r->n_observers; i++) {
        const db_circle_new_observer *o = &r->observers[i];
        db_value v[] = {
            DB_V_TEXT("meeting_id", r->meeting_id),
            o->person_id ? DB_V_TEXT("person_id", o->person_id)
                         : DB_V_NULL("person_id"),
            o->person_id ? DB_V_NULL("name") : text_or_null("name", o->name),
        };
        s = db_insert(db, "observer", v, 3, NULL);
    }
    return s;
}

tp_status db_circle_save(tp_db *db, const db_circle_record *r)
{
    if (!r || !r->meeting_id)
        return TP_ERR_INVALID;
    tp_status s = db_begin(db);
    if (s != TP_OK)
        return s;
    s = write_all(db, r);
    if (s == TP_OK)
        s = db_commit(db);
    if (s != TP_OK)
        db_rollback(db);
    return s;
}

static tp_status each_tally(tp_db *db, sqlite3_stmt *st,
                            db_circle_tally_fn fn, void *ctx)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_circle_tally r = {
            .key = (const char *)sqlite3_column_text(st, 0),
            .meetings = sqlite3_column_int64(st, 1),
            .listed = sqlite3_column_int64(st, 2),
            .came = sqlite3_column_int64(st, 3),
        };
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

tp_status db_circle_rate_by_month(tp_db *db, const char *circle,
                                  db_circle_tally_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    /* meeting_tally holds listed and came per meeting (kept by the
     * triggers of migration 004): one small row per meeting is read. */
    tp_status s = db_stmt(db, "circle.rate_month",
        "SELECT substr(held_on, 1, 7) AS month, count(*), sum(listed), "
        "  sum(came) FROM meeting_tally WHERE circle = ?1 AND live = 1 "
        "GROUP BY month ORDER BY month DESC", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, circle, -1, SQLITE_TRANSIENT);
    return each_tally(db, st, fn, ctx);
}

tp_status db_circle_rate_by_person(tp_db *db, const char *circle,
                                   const char *since, db_circle_tally_fn fn,
                                   void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "circle.rate_person",
        "SELECT coalesce(p.title || CASE WHEN p.title LIKE '%ฯ' THEN ' ' "
        "  ELSE '' END, '') || p.name, count(*), count(*), "
        "  sum(a.status IN ('present', 'late', 'representative')) "
        "FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
        "JOIN person p ON p.id = a.person_id "
        "WHERE m.circle = ?1 AND m.deleted_at IS NULL "
        "  AND a.deleted_at IS NULL AND (?2 IS NULL OR m.held_on >= ?2) "
        "GROUP BY p.id ORDER BY p.name COLLATE THAI, p.id", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, circle, -1, SQLITE_TRANSIENT);
    if (since)
        sqlite3_bind_text(st, 2, since, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, 2);
    return each_tally(db, st, fn, ctx);
}
