/* Dashboard panels at province scale. Attendance and meetings per month
 * come from circle_month_tally and tambon_month_tally (kept from
 * meeting_tally by triggers, migration 013), never from the meeting or
 * attendance tables; fish-model and support figures from their own small
 * tables through their group and agency indexes. */
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "db_rank.h"
#include "tapian/db_dashboard.h"

/* Live tambons in Thai order (ord), from db_rank.c's per-connection cache. */
#define DASH_TAMBONS                                                         \
    "t AS (SELECT r.ord, p.id, p.name FROM temp.tambon_rank r "              \
    "  JOIN place p ON p.id = r.id) "

#define CIRCLE_ORDER                                                         \
    "CASE circle WHEN 'kit' THEN 1 WHEN 'amnuay' THEN 2 WHEN 'eua' THEN 3 "  \
    "  WHEN 'mixed' THEN 4 WHEN 'tambon_network' THEN 5 "                    \
    "  WHEN 'field_stage' THEN 6 WHEN 'knowledge_fair' THEN 7 ELSE 8 END"

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static tp_status finish(tp_db *db, sqlite3_stmt *st, int rc)
{
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

tp_status db_dash_last_month(tp_db *db, char month[8])
{
    month[0] = '\0';
    sqlite3_stmt *st;
    /* meeting_date walked backwards, stopping at the first live meeting
     * (max() with a WHERE would read every meeting). */
    tp_status s = db_stmt(db, "dash.last_month",
        "SELECT substr(held_on, 1, 7) FROM meeting "
        "WHERE deleted_at IS NULL ORDER BY held_on DESC LIMIT 1", &st);
    if (s != TP_OK)
        return s;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *m = col_text(st, 0);
        if (m)
            snprintf(month, 8, "%s", m);
        rc = SQLITE_DONE;
    }
    return finish(db, st, rc);
}

/* The months from..to (YYYY-MM, both included). */
static void bind_months(sqlite3_stmt *st, const char *from, const char *to)
{
    sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
}

tp_status db_dash_circle_months(tp_db *db, const char *from, const char *to,
                                db_circle_month_fn fn, void *ctx)
{
    if (!from || !to)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    /* at most 7 x 12 rows of circle_month_tally (migration 013) */
    tp_status s = db_stmt(db, "dash.circle_months",
        "SELECT circle, month, meetings, listed, came FROM circle_month_tally "
        "WHERE month >= ?1 AND month <= ?2 AND meetings > 0 "
        "ORDER BY " CIRCLE_ORDER ", circle, month", &st);
    if (s != TP_OK)
        return s;
    bind_months(st, from, to);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_circle_month_row r = {
            .circle = col_text(st, 0),
            .month = col_text(st, 1),
            .meetings = sqlite3_column_int64(st, 2),
            .listed = sqlite3_column_int64(st, 3),
            .came = sqlite3_column_int64(st, 4),
        };
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

tp_status db_dash_tambon_months(tp_db *db, const char *from, const char *to,
                                db_tambon_month_fn fn, void *ctx)
{
    if (!from || !to)
        return TP_ERR_INVALID;
    tp_status s = db_tambon_rank_fresh(db);
    if (s != TP_OK)
        return s;
    sqlite3_stmt *st;
    /* A range of tambon_month_tally (migration 013) per tambon. */
    s = db_stmt(db, "dash.tambon_months",
        "WITH " DASH_TAMBONS
        "SELECT t.id, t.name, k.month, k.meetings "
        "FROM t JOIN tambon_month_tally k ON k.tambon_id = t.id "
        "  AND k.month >= ?1 AND k.month <= ?2 AND k.meetings > 0 "
        "ORDER BY t.ord, k.month", &st);
    if (s != TP_OK)
        return s;
    bind_months(st, from, to);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_tambon_month_row r = {
            .tambon_id = col_text(st, 0),
            .tambon = col_text(st, 1),
            .month = col_text(st, 2),
            .meetings = sqlite3_column_int64(st, 3),
        };
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

tp_status db_dash_fish(tp_db *db, db_fish_fn fn, void *ctx)
{
    tp_status s = db_tambon_rank_fresh(db);
    if (s != TP_OK)
        return s;
    sqlite3_stmt *st;
    /* A group belongs to its place's tambon (a network sits at the tambon
     * itself); a tombstoned village takes its groups out. The groups are
     * counted per place from the index finance_group_place_live alone;
     * only groups with a live goal or knowledge row (from those small
     * tables) are looked at one by one. Walking all 8,000 groups with two
     * look-ups each took 25-85 ms of CPU at province scale. */
    s = db_stmt(db, "dash.fish",
        "WITH " DASH_TAMBONS ", "
        "pg AS (SELECT place_id, count(*) AS n FROM finance_group "
        "  WHERE deleted_at IS NULL GROUP BY place_id), "
        "u AS (SELECT group_id FROM fish_goal WHERE deleted_at IS NULL "
        "  UNION SELECT group_id FROM fish_knowledge WHERE deleted_at IS NULL), "
        "gk AS (SELECT fg.place_id, "
        "      EXISTS (SELECT 1 FROM fish_goal x WHERE x.group_id = fg.id "
        "        AND x.deleted_at IS NULL) AS goal, "
        "      EXISTS (SELECT 1 FROM fish_knowledge k WHERE k.group_id = fg.id "
        "        AND k.deleted_at IS NULL) AS know "
        "    FROM u CROSS JOIN finance_group fg ON fg.id = u.group_id "
        "   WHERE fg.deleted_at IS NULL), "
        "kp AS (SELECT place_id, sum(goal) AS goal, sum(know) AS know, "
        "  sum(goal AND know) AS whole FROM gk GROUP BY place_id), "
        "s AS MATERIALIZED (SELECT CASE p.kind WHEN 'tambon' THEN p.id "
        "        WHEN 'village' THEN p.parent_id END AS tambon_id, "
        "    sum(pg.n) AS n, sum(coalesce(kp.goal, 0)) AS goal, "
        "    sum(coalesce(kp.know, 0)) AS know, "
        "    sum(coalesce(kp.whole, 0)) AS whole "
        "  FROM pg JOIN place p ON p.id = pg.place_id AND p.deleted_at IS NULL "
        "  LEFT JOIN kp ON kp.place_id = pg.place_id GROUP BY 1) "
        "SELECT t.id, t.name, coalesce(s.n, 0), coalesce(s.goal, 0), "
        "  coalesce(s.know, 0), coalesce(s.whole, 0) "
        "FROM t LEFT JOIN s ON s.tambon_id = t.id ORDER BY t.ord", &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_fish_row r = {
            .tambon_id = col_text(st, 0),
            .tambon = col_text(st, 1),
            .groups = sqlite3_column_int(st, 2),
            .with_goal = sqlite3_column_int(st, 3),
            .with_knowledge = sqlite3_column_int(st, 4),
            .complete = sqlite3_column_int(st, 5),
        };
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

tp_status db_dash_support(tp_db *db, db_support_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "dash.support",
        "SELECT a.id, a.short_name, c.kind, c.unit, sum(c.amount), "
        "  sum(c.delivered), count(*) "
        "FROM support_commitment c JOIN agency a ON a.id = c.agency_id "
        "WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL "
        "GROUP BY a.id, c.kind, c.unit "
        "ORDER BY a.short_name COLLATE THAI, a.id, "
        "  CASE c.kind WHEN 'budget' THEN 1 WHEN 'staff_days' THEN 2 "
        "  WHEN 'vehicle' THEN 3 ELSE 4 END, c.unit", &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_support_row r = {
            .agency_id = col_text(st, 0),
            .agency = col_text(st, 1),
            .kind = col_text(st, 2),
            .unit = col_text(st, 3),
            .committed = sqlite3_column_double(st, 4),
            .delivered = sqlite3_column_double(st, 5),
            .commitments = sqlite3_column_int(st, 6),
        };
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}
