/* Reading a learning circle: its meetings, who is expected, observers. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_circle.h"

/* Title and name as people write them: ลุงชินวัฒน์, ผอ.โสภณ, but a space
 * after an abbreviation mark (ผู้ว่าฯ วิชม). */
#define PERSON_NAME(p)                                                        \
    "coalesce(" p ".title || CASE WHEN " p ".title LIKE '%ฯ' THEN ' ' "     \
    "ELSE '' END, '') || " p ".name"

/* The meeting of the same circle held last before ?1. */
#define PREVIOUS_CTE                                                          \
    "m AS (SELECT id, circle, held_on FROM meeting WHERE id = ?1), "          \
    "prev AS (SELECT p.id FROM meeting p, m WHERE p.circle = m.circle "       \
    "  AND p.deleted_at IS NULL AND p.id != m.id AND (p.held_on < m.held_on " \
    "  OR (p.held_on = m.held_on AND p.id < m.id)) "                          \
    "  ORDER BY p.held_on DESC, p.id DESC LIMIT 1) "

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static tp_status finish(tp_db *db, sqlite3_stmt *st, int rc)
{
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

tp_status db_circle_meetings(tp_db *db, const char *circle,
                             db_circle_meeting_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "circle.meetings",
        "SELECT id, held_on, title, attendee_count FROM meeting "
        "WHERE circle = ?1 AND deleted_at IS NULL "
        "ORDER BY held_on DESC, id DESC", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, circle, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_circle_meeting_row r = {.id = col(st, 0), .held_on = col(st, 1),
                                   .title = col(st, 2),
                                   .attendees = sqlite3_column_int(st, 3)};
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

static char *dup_col(sqlite3_stmt *st, int i, bool *oom)
{
    const char *t = col(st, i);
    if (!t)
        return NULL;
    char *d = strdup(t);
    if (!d)
        *oom = true;
    return d;
}

static tp_status read_meeting(tp_db *db, sqlite3_stmt *st,
                              db_circle_meeting *out)
{
    memset(out, 0, sizeof *out);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        db_stmt_done(st);
        return rc == SQLITE_DONE ? TP_ERR_NOTFOUND : db_fail(db, rc, NULL);
    }
    bool oom = false;
    char **f[] = {&out->id, &out->circle, &out->held_on, &out->title,
                  &out->venue, &out->homework_reviewed, &out->outcomes,
                  &out->next_steps, &out->notes};
    for (int i = 0; i < 9; i++)
        *f[i] = dup_col(st, i, &oom);
    out->version = sqlite3_column_int64(st, 9);
    db_stmt_done(st);
    if (oom) {
        db_circle_meeting_free(out);
        return TP_ERR_NOMEM;
    }
    return TP_OK;
}

#define MEETING_COLS                                                          \
    "id, circle, held_on, title, venue, homework_reviewed, outcomes, "        \
    "next_steps, notes, version"

tp_status db_circle_meeting_get(tp_db *db, const char *id,
                                db_circle_meeting *out)
{
    sqlite3_stmt *st;
    memset(out, 0, sizeof *out);
    tp_status s = db_stmt(db, "circle.meeting",
        "SELECT " MEETING_COLS " FROM meeting "
        "WHERE id = ?1 AND deleted_at IS NULL", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    return read_meeting(db, st, out);
}

tp_status db_circle_meeting_previous(tp_db *db, const char *id,
                                     db_circle_meeting *out)
{
    sqlite3_stmt *st;
    memset(out, 0, sizeof *out);
    tp_status s = db_stmt(db, "circle.previous",
        "WITH " PREVIOUS_CTE
        "SELECT " MEETING_COLS " FROM meeting WHERE id = (SELECT id FROM prev)",
        &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
    return read_meeting(db, st, out);
}

void db_circle_meeting_free(db_circle_meeting *m)
{
    char *f[] = {m->id, m->circle, m->held_on, m->title, m->venue,
                 m->homework_reviewed, m->outcomes, m->next_steps, m->notes};
    for (int i = 0; i < 9; i++)
        free(f[i]);
    memset(m, 0, sizeof *m);
}

static tp_status each_person(tp_db *db, sqlite3_stmt *st,
                             db_circle_person_fn fn, void *ctx)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_circle_person_row r = {
            .person_id = col(st, 0),
            .name = col(st, 1),
            .attendance_id = col(st, 2),
            .version = sqlite3_column_int64(st, 3),
            .status = col(st, 4),
            .representative_name = col(st, 5),
        };
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

tp_status db_circle_expected(tp_db *db, const char *meeting_id,
                             db_circle_person_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "circle.expected",
        "WITH " PREVIOUS_CTE ", "
        "who AS (SELECT person_id FROM attendance "
        "  WHERE meeting_id = ?1 AND deleted_at IS NULL "
        " UNION SELECT a.person_id FROM attendance a JOIN prev "
        "  ON a.meeting_id = prev.id WHERE a.deleted_at IS NULL "
        "  AND a.status IN ('present', 'late', 'representative')) "
        "SELECT p.id, " PERSON_NAME("p") ", a.id, a.version, a.status, "
        "  a.representative_name "
        "FROM who JOIN person p ON p.id = who.person_id "
        "LEFT JOIN attendance a ON a.meeting_id = ?1 AND a.person_id = p.id "
        "  AND a.deleted_at IS NULL "
        "WHERE p.deleted_at IS NULL ORDER BY p.name COLLATE THAI, p.id", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, meeting_id, -1, SQLITE_TRANSIENT);
    return each_person(db, st, fn, ctx);
}

tp_status db_circle_people(tp_db *db, db_circle_person_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "circle.people",
        "SELECT id, " PERSON_NAME("p") ", NULL, 0, NULL, NULL FROM person p "
        "WHERE deleted_at IS NULL ORDER BY name COLLATE THAI, id", &st);
    if (s != TP_OK)
        return s;
    return each_person(db, st, fn, ctx);
}

tp_status db_circle_observers(tp_db *db, const char *meeting_id,
                              db_circle_observer_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "circle.observers",
        "SELECT o.person_id, coalesce(" PERSON_NAME("p") ", o.name) "
        "FROM observer o LEFT JOIN person p ON p.id = o.person_id "
        "WHERE o.meeting_id = ?1 AND o.deleted_at IS NULL "
        "ORDER BY o.created_at, o.id", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, meeting_id, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (!fn(ctx, col(st, 0), col(st, 1))) {
            rc = SQLITE_DONE;
            break;
        }
    return finish(db, st, rc);
}
