/* db self-assessment — the KM self-assessment (ตารางแห่งอิสรภาพ) of
 * migration 005: competences, and the newest live assessment of each group
 * or tambon on each competence. Tombstoned rows never count. */
#ifndef TAPIAN_DB_ASSESS_H
#define TAPIAN_DB_ASSESS_H

#include <stdbool.h>

#include "tapian/db.h"

typedef struct {
    const char *id;
    const char *name;     /* Thai */
    const char *name_en;  /* may be NULL */
} db_competence_row;
typedef bool (*db_competence_fn)(void *ctx, const db_competence_row *r);

/* Live competences by sort, then Thai name. */
tp_status db_competences(tp_db *db, db_competence_fn fn, void *ctx);

typedef struct {
    const char *subject_id;   /* the group's or the tambon's id */
    const char *subject;      /* its name */
    bool is_tambon;
    const char *competence_id;
    int current_level, target_level; /* 1..5 */
    const char *why;          /* may be NULL */
    const char *assessed_on;  /* YYYY-MM-DD */
} db_assessment_row;
typedef bool (*db_assessment_fn)(void *ctx, const db_assessment_row *r);

/* For each subject (group or tambon) and competence, its newest live
 * assessment (ties: the last written). Subjects in Thai order of name,
 * then competences in the order of db_competences. */
tp_status db_assessments(tp_db *db, db_assessment_fn fn, void *ctx);

#endif
