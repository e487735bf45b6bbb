/* The records of the provincial textbook (ตำราการเรียนรู้): knowledge assets
 * and lessons with their sources joined to readable labels, in chapter
 * order. The export module renders them; the SQL stays in src/db. */
#ifndef TAPIAN_DB_BOOK_H
#define TAPIAN_DB_BOOK_H

#include <stdbool.h>

#include "tapian/db.h"

typedef enum { DB_BOOK_ASSET, DB_BOOK_LESSON } db_book_kind;

/* Chapters: the four topics of knowledge_asset, then the lessons. */
typedef enum {
    DB_BOOK_CH_FINANCE,
    DB_BOOK_CH_NATURAL_RESOURCES,
    DB_BOOK_CH_ENVIRONMENT,
    DB_BOOK_CH_OTHER,
    DB_BOOK_CH_LESSONS,
    DB_BOOK_CH_COUNT
} db_book_chapter;

/* One record; every string may be NULL and lives only during the call. */
typedef struct {
    db_book_kind kind;
    db_book_chapter chapter;
    const char *id;
    const char *title;
    const char *tambon_id, *tambon; /* the tambon it is linked to, if any */
    const char *group;              /* the finance group's name */
    const char *date;               /* YYYY-MM-DD: the source meeting's */
    const char *meeting;            /* the source meeting's title */
    const char *person;             /* source person / author: "title name" */
    /* knowledge asset */
    const char *story, *tags;
    const char *origin;             /* experience, book */
    const char *lesson;             /* title of the lesson it comes from */
    /* lesson (ถอดบทเรียน / AAR) */
    const char *lesson_kind;        /* aar, bar, synthesis */
    const char *expected, *happened, *why, *next_time;
    const char *source_note;
    const char *written_on;         /* YYYY-MM-DD */
} db_book_entry;

/* Return false to stop early. */
typedef bool (*db_book_fn)(void *ctx, const db_book_entry *e);

/* Calls fn once per live asset and lesson in chapter order: chapter, then
 * tambon (Thai order, records without one last), group, date, title.
 * tambon: NULL for the whole province, else a tambon's id or name; a
 * record belongs to it through its finance group's village, its meeting's
 * place, or (assets) the meeting of the lesson it comes from. */
tp_status db_book_entries(tp_db *db, const char *tambon, db_book_fn fn,
                          void *ctx);
/* How many records db_book_entries would give (for progress bars). */
tp_status db_book_count(tp_db *db, const char *tambon, long long *n);
/* How many live tambons have this id or name (0: none such). */
tp_status db_book_tambon_matches(tp_db *db, const char *tambon, long long *n);

#endif
