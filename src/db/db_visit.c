/* The field-visit month view's queries: a plan, its visits between two days
 * with the clash and overdue flags, the meetings that may record a visit,
 * and marking a visit done. The clash test reads the index
 * field_visit_facilitator_day (migration 9); a month of a plan reads
 * field_visit_plan_date. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_visit.h"

static const char *text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static tp_status finish(tp_db *db, sqlite3_stmt *st, int rc)
{
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

tp_status db_visit_plan_get(tp_db *db, const char *plan_id,
                            db_visit_plan_fn fn, void *ctx)
{
    if (!plan_id)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "visit.plan",
        "SELECT p.id, p.title, p.tambon_id, t.name, p.period_from, p.period_to "
        "FROM field_visit_plan p LEFT JOIN place t ON t.id = p.tambon_id "
        "WHERE p.id = ?1 AND p.deleted_at IS NULL", &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 1, plan_id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        db_visit_plan p = {
            .id = text(st, 0), .title = text(st, 1), .tambon_id = text(st, 2),
            .tambon = text(st, 3), .period_from = text(st, 4),
            .period_to = text(st, 5),
        };
        fn(ctx, &p);
        db_stmt_done(st);
        return TP_OK;
    }
    tp_status r = rc == SQLITE_DONE ? TP_ERR_NOTFOUND : db_fail(db, rc, NULL);
    db_stmt_done(st);
    return r;
}

/* 1 when the facilitator of visit v has, the same day, a live visit that is
 * not cancelled at another group, in a live plan. */
#define CLASH                                                                \
    "(v.status <> 'cancelled' AND v.facilitator_id IS NOT NULL "             \
    " AND v.visit_on IS NOT NULL AND EXISTS (SELECT 1 FROM field_visit o "   \
    "   JOIN field_visit_plan op ON op.id = o.plan_id "                     \
    "   WHERE o.facilitator_id = v.facilitator_id AND o.visit_on = v.visit_on " \
    "   AND o.id <> v.id AND o.deleted_at IS NULL AND op.deleted_at IS NULL " \
    "   AND o.status <> 'cancelled' AND o.group_id IS NOT v.group_id))"
/* 1 when visit v should have happened by now; ?today is bound. */
#define OVERDUE(today)                                                       \
    "(v.status IN ('planned', 'postponed') AND v.visit_on < " today ")"

tp_status db_visits_between(tp_db *db, const char *plan_id, const char *from,
                            const char *to, const char *today,
                            db_visit_fn fn, void *ctx)
{
    if (!plan_id || !from || !to || !today)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "visit.between",
        "SELECT v.id, v.version, v.visit_on, v.group_id, g.name, "
        "  v.facilitator_id, pe.name, v.status, v.agenda, v.meeting_id, "
        "  m.title, " CLASH ", " OVERDUE("?4") " "
        "FROM field_visit v "
        "LEFT JOIN finance_group g ON g.id = v.group_id "
        "LEFT JOIN person pe ON pe.id = v.facilitator_id "
        "LEFT JOIN meeting m ON m.id = v.meeting_id AND m.deleted_at IS NULL "
        "WHERE v.plan_id = ?1 AND v.visit_on BETWEEN ?2 AND ?3 "
        "  AND v.deleted_at IS NULL "
        "ORDER BY v.visit_on, g.name COLLATE THAI, v.id", &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 1, plan_id);
    bind_text(st, 2, from);
    bind_text(st, 3, to);
    bind_text(st, 4, today);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_visit v = {
            .id = text(st, 0), .version = sqlite3_column_int64(st, 1),
            .visit_on = text(st, 2), .group_id = text(st, 3),
            .group_name = text(st, 4), .facilitator_id = text(st, 5),
            .facilitator = text(st, 6), .status = text(st, 7),
            .agenda = text(st, 8), .meeting_id = text(st, 9),
            .meeting_title = text(st, 10),
            .clash = sqlite3_column_int(st, 11) != 0,
            .overdue = sqlite3_column_int(st, 12) != 0,
        };
        if (!fn(ctx, &v)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

tp_status db_visit_flag_counts(tp_db *db, const char *plan_id,
                               const char *today, int *clashes, int *overdue,
                               int *undated)
{
    *clashes = *overdue = *undated = 0;
    if (!plan_id || !today)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "visit.flags",
        "SELECT coalesce(sum(" CLASH "), 0), coalesce(sum(" OVERDUE("?2") "), 0), "
        "  coalesce(sum(v.visit_on IS NULL), 0) "
        "FROM field_visit v WHERE v.plan_id = ?1 AND v.deleted_at IS NULL", &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 1, plan_id);
    bind_text(st, 2, today);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *clashes = sqlite3_column_int(st, 0);
        *overdue = sqlite3_column_int(st, 1);
        *undated = sqlite3_column_int(st, 2);
        rc = SQLITE_DONE;
    }
    return finish(db, st, rc);
}

tp_status db_visit_meetings(tp_db *db, const char *visit_id, int limit,
                            db_visit_meeting_fn fn, void *ctx)
{
    if (!visit_id)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    /* the places first (the tambon, its villages, the group's place), so
     * that meetings are found through meeting_place_date (the + keeps the
     * planner off the index of live meetings, which would read them all) */
    tp_status s = db_stmt(db, "visit.meetings",
        "WITH vv AS (SELECT v.visit_on, p.tambon_id, g.place_id "
        "  FROM field_visit v JOIN field_visit_plan p ON p.id = v.plan_id "
        "  LEFT JOIN finance_group g ON g.id = v.group_id WHERE v.id = ?1), "
        "pl(id) AS (SELECT tambon_id FROM vv UNION SELECT place_id FROM vv "
        "  WHERE place_id IS NOT NULL UNION SELECT c.id FROM place c, vv "
        "  WHERE c.parent_id = vv.tambon_id AND c.deleted_at IS NULL) "
        "SELECT m.id, m.held_on, m.title FROM vv, pl "
        "JOIN meeting m ON m.place_id = pl.id AND +m.deleted_at IS NULL "
        "ORDER BY abs(julianday(m.held_on) - julianday(coalesce(vv.visit_on, "
        "  m.held_on))), m.held_on DESC, m.id LIMIT ?2", &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 1, visit_id);
    sqlite3_bind_int(st, 2, limit);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_visit_meeting m = {.id = text(st, 0), .held_on = text(st, 1),
                              .title = text(st, 2)};
        if (!fn(ctx, &m)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

tp_status db_visit_done(tp_db *db, const char *visit_id, long long version,
                        const char *meeting_id)
{
    db_value set[] = {DB_V_TEXT("status", "done"),
                      DB_V_TEXT("meeting_id", meeting_id)};
    return db_update(db, "field_visit", visit_id, version, set, 2);
}

/* What a new meeting of the visit starts with. */
struct visit_facts {
    char *visit_on, *place_id, *agenda;
};

static tp_status visit_facts(tp_db *db, const char *visit_id,
                             struct visit_facts *f)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "visit.facts",
        "SELECT v.visit_on, coalesce(g.place_id, p.tambon_id), v.agenda "
        "FROM field_visit v JOIN field_visit_plan p ON p.id = v.plan_id "
        "LEFT JOIN finance_group g ON g.id = v.group_id "
        "WHERE v.id = ?1 AND v.deleted_at IS NULL", &st);
    if (s != TP_OK)
        return s;
    bind_text(st, 1, visit_id);
    int rc = sqlite3_step(st);
    tp_status r = TP_OK;
    if (rc == SQLITE_ROW) {
        const char *on = text(st, 0), *place = text(st, 1), *agenda = text(st, 2);
        f->visit_on = on ? strdup(on) : NULL;
        f->place_id = place ? strdup(place) : NULL;
        f->agenda = agenda ? strdup(agenda) : NULL;
        if ((on && !f->visit_on) || (place && !f->place_id) ||
            (agenda && !f->agenda))
            r = TP_ERR_NOMEM;
        else if (!on)
            r = TP_ERR_INVALID; /* a meeting needs its day */
    } else {
        r = rc == SQLITE_DONE ? TP_ERR_NOTFOUND : db_fail(db, rc, NULL);
    }
    db_stmt_done(st);
    return r;
}

tp_status db_visit_done_new_meeting(tp_db *db, const char *visit_id,
                                    long long version, const char *title,
                                    char meeting_id[DB_UUID_LEN])
{
    if (!visit_id || !title)
        return TP_ERR_INVALID;
    struct visit_facts f = {0};
    tp_status s = visit_facts(db, visit_id, &f);
    if (s == TP_OK)
        s = db_begin(db);
    if (s == TP_OK) {
        db_value m[] = {
            DB_V_TEXT("circle", "field_stage"), DB_V_TEXT("held_on", f.visit_on),
            DB_V_TEXT("place_id", f.place_id), DB_V_TEXT("title", title),
            DB_V_TEXT("agenda", f.agenda),
        };
        s = db_insert(db, "meeting", m, sizeof m / sizeof *m, meeting_id);
        if (s == TP_OK)
            s = db_visit_done(db, visit_id, version, meeting_id);
        if (s == TP_OK)
            s = db_commit(db);
        else
            db_rollback(db);
    }
    free(f.visit_on);
    free(f.place_id);
    free(f.agenda);
    return s;
}
