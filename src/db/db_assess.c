/* The KM self-assessment (migration 005): live competences, and the newest
 * live assessment of every group or tambon on every competence. */
#include "db_internal.h"
#include "tapian/db_assess.h"

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static tp_status finish(tp_db *db, sqlite3_stmt *st, int rc)
{
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

tp_status db_competences(tp_db *db, db_competence_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "assess.competences",
        "SELECT id, name, name_en FROM competence WHERE deleted_at IS NULL "
        "ORDER BY sort, name COLLATE THAI, id", &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_competence_row r = {.id = col_text(st, 0), .name = col_text(st, 1),
                               .name_en = col_text(st, 2)};
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}

tp_status db_assessments(tp_db *db, db_assessment_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    /* Newest per subject and competence: the window ranks each pair's live
     * rows by date, then by when they were written. Subjects that are gone
     * (a tombstoned group or tambon) and retired competences drop out. */
    tp_status s = db_stmt(db, "assess.latest",
        "WITH a AS (SELECT coalesce(s.group_id, s.tambon_id) AS subject_id, "
        "    s.tambon_id IS NOT NULL AS is_tambon, s.competence_id, "
        "    s.current_level, s.target_level, s.why, s.assessed_on, "
        "    row_number() OVER (PARTITION BY coalesce(s.group_id, s.tambon_id), "
        "      s.competence_id ORDER BY s.assessed_on DESC, s.updated_at DESC, "
        "      s.id DESC) AS n "
        "  FROM self_assessment s WHERE s.deleted_at IS NULL) "
        "SELECT a.subject_id, coalesce(g.name, p.name), a.is_tambon, "
        "  a.competence_id, a.current_level, a.target_level, a.why, "
        "  a.assessed_on "
        "FROM a JOIN competence c ON c.id = a.competence_id "
        "  AND c.deleted_at IS NULL "
        "LEFT JOIN finance_group g ON g.id = a.subject_id AND NOT a.is_tambon "
        "  AND g.deleted_at IS NULL "
        "LEFT JOIN place p ON p.id = a.subject_id AND a.is_tambon "
        "  AND p.deleted_at IS NULL "
        "WHERE a.n = 1 AND coalesce(g.name, p.name) IS NOT NULL "
        "ORDER BY coalesce(g.name, p.name) COLLATE THAI, a.subject_id, "
        "  c.sort, c.name COLLATE THAI, c.id", &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_assessment_row r = {
            .subject_id = col_text(st, 0),
            .subject = col_text(st, 1),
            .is_tambon = sqlite3_column_int(st, 2) != 0,
            .competence_id = col_text(st, 3),
            .current_level = sqlite3_column_int(st, 4),
            .target_level = sqlite3_column_int(st, 5),
            .why = col_text(st, 6),
            .assessed_on = col_text(st, 7),
        };
        if (!fn(ctx, &r)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    return finish(db, st, rc);
}
