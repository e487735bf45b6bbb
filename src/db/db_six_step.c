/* The six-step board's queries. Villages are read with their six_step rows
 * (a tambon has tens of villages); every level above reads six_step_tally,
 * at most six rows per tambon, and the waves six_step_wave_tally, never the
 * six_step table. */
#include <string.h>

#include "db_internal.h"
#include "db_rank.h"
#include "tapian/db_six_step.h"

static const char *text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static tp_status finish(tp_db *db, sqlite3_stmt *st, int rc)
{
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

static db_step_status status_of(const char *s)
{
    if (!s)
        return DB_STEP_NONE;
    if (strcmp(s, "reached") == 0)
        return DB_STEP_REACHED;
    return strcmp(s, "in_progress") == 0 ? DB_STEP_IN_PROGRESS : DB_STEP_NONE;
}

/* Pivot columns for step n of the village's rows. */
#define VSTEP(n)                                                             \
    "max(CASE s.step WHEN " #n " THEN s.status END), "                      \
    "max(CASE s.step WHEN " #n " THEN s.reached_on END)"

tp_status db_six_step_villages(tp_db *db, const char *tambon_id,
                               db_six_village_fn fn, void *ctx)
{
    if (!tambon_id)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "six.villages",
        "SELECT v.id, v.name, v.moo, coalesce(v.wave, t.wave), "
        VSTEP(1) ", " VSTEP(2) ", " VSTEP(3) ", " VSTEP(4) ", " VSTEP(5) ", "
        VSTEP(6) " "
        "FROM place v JOIN place t ON t.id = v.parent_id "
        "LEFT JOIN six_step s ON s.village_id = v.id AND s.deleted_at IS NULL "
        "WHERE v.parent_id = ?1 AND v.kind = 'village' "
        "  AND v.deleted_at IS NULL "
        "GROUP BY v.id ORDER BY coalesce(v.moo, 100), v.name COLLATE THAI, v.id",
        &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, tambon_id, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_six_village r = {
            .id = text(st, 0),
            .name = text(st, 1),
            .moo = sqlite3_column_int(st, 2),
            .wave = text(st, 3),
        };
        for (int i = 0; i < DB_SIX_STEPS; i++) {
            r.status[i] = status_of(text(st, 4 + 2 * i));
            r.reached_on[i] = text(st, 5 + 2 * i);
        }
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

/* One pivot column of an area: the sum of k.col for step n. */
#define ASTEP(n, col) "coalesce(sum(CASE k.step WHEN " #n " THEN k." col " END), 0)"
#define ASTEPS                                                               \
    ASTEP(1, "in_progress") ", " ASTEP(2, "in_progress") ", "                \
    ASTEP(3, "in_progress") ", " ASTEP(4, "in_progress") ", "                \
    ASTEP(5, "in_progress") ", " ASTEP(6, "in_progress") ", "                \
    ASTEP(1, "reached") ", " ASTEP(2, "reached") ", " ASTEP(3, "reached")    \
    ", " ASTEP(4, "reached") ", " ASTEP(5, "reached") ", "                   \
    ASTEP(6, "reached")

/* Live tambons with the area above them they roll up into (amphoe, or
 * province through the amphoe) and their live village count. */
#define TAMBON_VILLAGES                                                      \
    "tv AS (SELECT t.id, t.parent_id AS amphoe_id, a.parent_id AS province_id, " \
    "  (SELECT count(*) FROM place v WHERE v.parent_id = t.id "             \
    "    AND v.kind = 'village' AND v.deleted_at IS NULL) AS villages "     \
    "  FROM place t JOIN place a ON a.id = t.parent_id "                     \
    "  WHERE t.kind = 'tambon' AND t.deleted_at IS NULL "                    \
    "    AND a.deleted_at IS NULL) "

static const char *const area_sql[] = {
    [DB_LEVEL_TAMBON] =
        "WITH tv AS (SELECT r.ord, p.id, p.name, a.name AS parent, "
        "  (SELECT count(*) FROM place v WHERE v.parent_id = p.id "
        "    AND v.kind = 'village' AND v.deleted_at IS NULL) AS villages "
        "  FROM temp.tambon_rank r JOIN place p ON p.id = r.id "
        "  LEFT JOIN place a ON a.id = p.parent_id) "
        "SELECT tv.id, tv.name, tv.parent, tv.villages, " ASTEPS " "
        "FROM tv LEFT JOIN six_step_tally k ON k.tambon_id = tv.id "
        "GROUP BY tv.ord ORDER BY tv.ord",
    [DB_LEVEL_AMPHOE] =
        "WITH " TAMBON_VILLAGES ", "
        "av AS (SELECT amphoe_id, sum(villages) AS villages FROM tv "
        "  GROUP BY amphoe_id) "
        "SELECT a.id, a.name, p.name, coalesce(av.villages, 0), " ASTEPS " "
        "FROM place a LEFT JOIN place p ON p.id = a.parent_id "
        "LEFT JOIN av ON av.amphoe_id = a.id "
        "LEFT JOIN tv ON tv.amphoe_id = a.id "
        "LEFT JOIN six_step_tally k ON k.tambon_id = tv.id "
        "WHERE a.kind = 'amphoe' AND a.deleted_at IS NULL "
        "GROUP BY a.id ORDER BY a.name COLLATE THAI, a.id",
    [DB_LEVEL_PROVINCE] =
        "WITH " TAMBON_VILLAGES ", "
        "pv AS (SELECT province_id, sum(villages) AS villages FROM tv "
        "  GROUP BY province_id) "
        "SELECT p.id, p.name, NULL, coalesce(pv.villages, 0), " ASTEPS " "
        "FROM place p LEFT JOIN pv ON pv.province_id = p.id "
        "LEFT JOIN tv ON tv.province_id = p.id "
        "LEFT JOIN six_step_tally k ON k.tambon_id = tv.id "
        "WHERE p.kind = 'province' AND p.deleted_at IS NULL "
        "GROUP BY p.id ORDER BY p.name COLLATE THAI, p.id",
};

tp_status db_six_step_areas(tp_db *db, db_level level, db_six_area_fn fn,
                            void *ctx)
{
    if (level < DB_LEVEL_TAMBON || level > DB_LEVEL_PROVINCE)
        return TP_ERR_INVALID;
    static const char *const keys[] = {"six.tambons", "six.amphoes",
                                       "six.provinces"};
    tp_status s = TP_OK;
    if (level == DB_LEVEL_TAMBON)
        s = db_tambon_rank_fresh(db);
    sqlite3_stmt *st;
    if (s == TP_OK)
        s = db_stmt(db, keys[level], area_sql[level], &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_six_area r = {
            .id = text(st, 0),
            .name = text(st, 1),
            .parent = text(st, 2),
            .villages = sqlite3_column_int(st, 3),
        };
        for (int i = 0; i < DB_SIX_STEPS; i++) {
            r.in_progress[i] = sqlite3_column_int(st, 4 + i);
            r.reached[i] = sqlite3_column_int(st, 4 + DB_SIX_STEPS + i);
        }
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

static tp_status emit_waves(tp_db *db, sqlite3_stmt *st, db_six_wave_fn fn,
                            void *ctx)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_six_wave r = {
            .wave = text(st, 0),
            .villages = sqlite3_column_int(st, 1),
            .all_six = sqlite3_column_int(st, 2 + 2 * DB_SIX_STEPS),
        };
        for (int i = 0; i < DB_SIX_STEPS; i++) {
            r.in_progress[i] = sqlite3_column_int(st, 2 + i);
            r.reached[i] = sqlite3_column_int(st, 2 + DB_SIX_STEPS + i);
        }
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

#define WAVES "WITH w(ord, wave) AS (VALUES (1, 'pilot'), (2, '2549'), " \
              "  (3, '2550'), (4, '2551')) "

/* A wave cuts across tambons, so six_step_tally cannot serve it; the
 * triggers of migration 013 keep six_step_wave_tally (wave x step) and
 * six_step_wave_villages (wave): at most 28 small rows. */
#define KW(n, col) "coalesce(sum(CASE k.step WHEN " #n " THEN k." col " END), 0), "
tp_status db_six_step_waves(tp_db *db, db_six_wave_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "six.waves",
        WAVES
        "SELECT w.wave, coalesce(c.villages, 0), "
        KW(1, "in_progress") KW(2, "in_progress") KW(3, "in_progress")
        KW(4, "in_progress") KW(5, "in_progress") KW(6, "in_progress")
        KW(1, "reached") KW(2, "reached") KW(3, "reached")
        KW(4, "reached") KW(5, "reached") KW(6, "reached")
        "coalesce(c.all_six, 0) "
        "FROM w LEFT JOIN six_step_wave_villages c ON c.wave = w.wave "
        "LEFT JOIN six_step_wave_tally k ON k.wave = w.wave "
        "GROUP BY w.ord ORDER BY w.ord", &st);
    return s == TP_OK ? emit_waves(db, st, fn, ctx) : s;
}

/* The same figures counted from the six_step rows of live villages (9,600
 * at province scale), to check the tally against. Each village's rows are
 * summed once, then the villages per wave; (village, step) is unique among
 * live rows, so six reached rows mean all six steps. */
#define VW(n)                                                                \
    "sum(s.step = " #n " AND s.status = 'in_progress') AS i" #n ", "        \
    "sum(s.step = " #n " AND s.status = 'reached') AS r" #n ", "
#define WS(n) "coalesce(sum(pv.i" #n "), 0), "
#define WR(n) "coalesce(sum(pv.r" #n "), 0), "
tp_status db_six_step_waves_recount(tp_db *db, db_six_wave_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "six.waves_recount",
        WAVES ", "
        "vw AS (SELECT v.id, coalesce(v.wave, t.wave) AS wave FROM place v "
        "  JOIN place t ON t.id = v.parent_id "
        "  WHERE v.kind = 'village' AND v.deleted_at IS NULL "
        "    AND t.deleted_at IS NULL), "
        "pv AS (SELECT vw.wave AS wave, "
        VW(1) VW(2) VW(3) VW(4) VW(5) VW(6)
        "  sum(s.status = 'reached') AS nr "
        "  FROM vw LEFT JOIN six_step s ON s.village_id = vw.id "
        "    AND s.deleted_at IS NULL GROUP BY vw.id) "
        "SELECT w.wave, count(pv.wave), "
        WS(1) WS(2) WS(3) WS(4) WS(5) WS(6)
        WR(1) WR(2) WR(3) WR(4) WR(5) WR(6)
        "coalesce(sum(pv.nr = 6), 0) "
        "FROM w LEFT JOIN pv ON pv.wave = w.wave GROUP BY w.ord ORDER BY w.ord",
        &st);
    return s == TP_OK ? emit_waves(db, st, fn, ctx) : s;
}

tp_status db_six_step_find(tp_db *db, const char *village_id, int step,
                           char id[DB_UUID_LEN], bool *found)
{
    *found = false;
    if (!village_id || step < 1 || step > DB_SIX_STEPS)
        return TP_ERR_INVALID;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "six.find",
        "SELECT id FROM six_step WHERE village_id = ?1 AND step = ?2 "
        "AND deleted_at IS NULL", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, village_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 2, step);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const char *t = text(st, 0);
        if (t && strlen(t) < DB_UUID_LEN) {
            memcpy(id, t, strlen(t) + 1);
            *found = true;
        }
        rc = SQLITE_DONE;
    }
    return finish(db, st, rc);
}
