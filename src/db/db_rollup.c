/* List pages and dashboard rollups at province scale. The figures come
 * from the summaries of migration 002 (meeting_tally, tambon_circle_tally,
 * six_step_tally, kept by triggers), so no query here reads the attendance
 * or six_step tables. */
#include "db_internal.h"
#include "db_rank.h"
#include "tapian/db_rollup.h"

/* Live tambons with their amphoe and their place in Thai order (ord, from
 * 1), read from the per-connection cache of db_rank.c: no Thai sorting per
 * call, and a page is a range of the INTEGER PRIMARY KEY ord. */
#define TAMBONS_CTE                                                          \
    "t AS (SELECT r.ord, p.id, p.name, a.name AS amphoe "                    \
    "  FROM temp.tambon_rank r JOIN place p ON p.id = r.id "                 \
    "  LEFT JOIN place a ON a.id = p.parent_id) "

#define VILLAGE_COUNT                                                        \
    "(SELECT count(*) FROM place v WHERE v.parent_id = t.id "                \
    "  AND v.kind = 'village' AND v.deleted_at IS NULL)"

static const char *text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* Releases the statement and turns the last step's result into a status. */
static tp_status finish(tp_db *db, sqlite3_stmt *st, int rc)
{
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

tp_status db_tambons_page(tp_db *db, int offset, int limit,
                          db_tambon_row_fn fn, void *ctx)
{
    if (offset < 0 || limit < 0)
        return TP_ERR_INVALID;
    tp_status s = db_tambon_rank_fresh(db);
    if (s != TP_OK)
        return s;
    sqlite3_stmt *st;
    /* The page is cut before the counts are made, so only its rows pay. */
    s = db_stmt(db, "rollup.tambons_page",
        "WITH " TAMBONS_CTE ", "
        "page AS (SELECT * FROM t WHERE ord > ?1 ORDER BY ord LIMIT ?2) "
        "SELECT t.id, t.name, t.amphoe, " VILLAGE_COUNT ", "
        " (SELECT count(*) FROM finance_group g WHERE g.place_id = t.id "
        "   AND g.deleted_at IS NULL) + "
        " (SELECT count(*) FROM place v JOIN finance_group g "
        "   ON g.place_id = v.id WHERE v.parent_id = t.id "
        "   AND v.kind = 'village' AND v.deleted_at IS NULL "
        "   AND g.deleted_at IS NULL), "
        " (SELECT coalesce(sum(c.meetings), 0) FROM tambon_circle_tally c "
        "   WHERE c.tambon_id = t.id) "
        "FROM page t ORDER BY t.ord", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_int(st, 1, offset);
    sqlite3_bind_int(st, 2, limit);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_tambon_row r = {
            .id = text(st, 0),
            .name = text(st, 1),
            .amphoe = text(st, 2),
            .villages = sqlite3_column_int(st, 3),
            .groups = sqlite3_column_int(st, 4),
            .meetings = sqlite3_column_int64(st, 5),
        };
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

tp_status db_meetings_page(tp_db *db, const char *tambon_id, int offset,
                           int limit, db_meeting_row_fn fn, void *ctx)
{
    if (!tambon_id || offset < 0 || limit < 0)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    /* The page is cut from meeting_tally_tambon_date alone (walked
     * backwards, no sort, no table reads for skipped rows); only the page's
     * meetings are then read for their counts and titles. */
    tp_status s = db_stmt(db, "rollup.meetings_page",
        "WITH page AS (SELECT meeting_id, held_on FROM meeting_tally "
        "  WHERE tambon_id = ?1 AND live = 1 "
        "  ORDER BY held_on DESC, meeting_id DESC LIMIT ?3 OFFSET ?2) "
        "SELECT p.meeting_id, p.held_on, k.circle, m.title, k.came, k.listed "
        "FROM page p JOIN meeting_tally k ON k.meeting_id = p.meeting_id "
        "JOIN meeting m ON m.id = p.meeting_id "
        "ORDER BY p.held_on DESC, p.meeting_id DESC", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, tambon_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, offset);
    sqlite3_bind_int(st, 3, limit);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_meeting_row r = {
            .id = text(st, 0),
            .held_on = text(st, 1),
            .circle = text(st, 2),
            .title = text(st, 3),
            .attendees = sqlite3_column_int(st, 4),
            .listed = sqlite3_column_int(st, 5),
        };
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

tp_status db_attendance_rate_by_circle_tambon(tp_db *db, db_circle_rate_fn fn,
                                              void *ctx)
{
    tp_status s = db_tambon_rank_fresh(db);
    if (s != TP_OK)
        return s;
    sqlite3_stmt *st;
    s = db_stmt(db, "rollup.rate_circle_tambon",
        "WITH " TAMBONS_CTE
        "SELECT t.id, t.name, t.amphoe, c.circle, c.meetings, c.listed, c.came "
        "FROM t JOIN tambon_circle_tally c ON c.tambon_id = t.id "
        "WHERE c.meetings > 0 "
        "ORDER BY t.ord, CASE c.circle WHEN 'kit' THEN 1 WHEN 'amnuay' THEN 2 "
        "  WHEN 'eua' THEN 3 WHEN 'mixed' THEN 4 WHEN 'tambon_network' THEN 5 "
        "  WHEN 'field_stage' THEN 6 WHEN 'knowledge_fair' THEN 7 ELSE 8 END, "
        "  c.circle", &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_circle_rate_row r = {
            .tambon_id = text(st, 0),
            .tambon = text(st, 1),
            .amphoe = text(st, 2),
            .circle = text(st, 3),
            .meetings = sqlite3_column_int64(st, 4),
            .listed = sqlite3_column_int64(st, 5),
            .came = sqlite3_column_int64(st, 6),
        };
        r.rate = r.listed > 0 ? (double)r.came / (double)r.listed : 0.0;
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

/* One pivot column: the tambon's count `col` for step n. */
#define STEP(n, col) "sum(CASE k.step WHEN " #n " THEN k." col " END)"

tp_status db_six_step_rollup_by_tambon(tp_db *db, db_six_step_fn fn,
                                       void *ctx)
{
    tp_status s = db_tambon_rank_fresh(db);
    if (s != TP_OK)
        return s;
    sqlite3_stmt *st;
    /* At most six six_step_tally rows per tambon (migration 002). */
    s = db_stmt(db, "rollup.six_step_tambon",
        "WITH " TAMBONS_CTE
        "SELECT t.id, t.name, t.amphoe, " VILLAGE_COUNT ", "
        STEP(1, "in_progress") ", " STEP(2, "in_progress") ", "
        STEP(3, "in_progress") ", " STEP(4, "in_progress") ", "
        STEP(5, "in_progress") ", " STEP(6, "in_progress") ", "
        STEP(1, "reached") ", " STEP(2, "reached") ", "
        STEP(3, "reached") ", " STEP(4, "reached") ", "
        STEP(5, "reached") ", " STEP(6, "reached") " "
        "FROM t LEFT JOIN six_step_tally k ON k.tambon_id = t.id "
        "GROUP BY t.ord ORDER BY t.ord", &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_six_step_row r = {
            .tambon_id = text(st, 0),
            .tambon = text(st, 1),
            .amphoe = text(st, 2),
            .villages = sqlite3_column_int(st, 3),
        };
        for (int i = 0; i < DB_SIX_STEPS; i++) {
            r.in_progress[i] = sqlite3_column_int(st, 4 + i); /* NULL → 0 */
            r.reached[i] = sqlite3_column_int(st, 4 + DB_SIX_STEPS + i);
        }
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}
