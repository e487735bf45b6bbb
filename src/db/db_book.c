/* The textbook's records: knowledge assets and lessons joined to their
 * sources, in chapter order (include/tapian/db_book.h). */
#include <stdio.h>

#include "db_internal.h"
#include "tapian/db_book.h"

/* The tambon of a place row x: itself, or a village's parent. */
#define TAMBON_OF(x) \
    "CASE " x ".kind WHEN 'tambon' THEN " x ".id WHEN 'village' THEN " x \
    ".parent_id END"

/* Both kinds of record with the same columns; chapter 0-3 are the asset
 * topics, 4 the lessons. Labels are kept even when the source row was
 * tombstoned later: the record still came from it. */
/* "คุณภีม", "ผอ.โสภณ …", but "ผู้ว่าฯ วิชม …" after the abbreviation sign. */
#define PERSON_NAME(p) \
    "COALESCE(" p ".title || CASE WHEN " p ".title LIKE '%ฯ' THEN ' ' " \
    "ELSE '' END, '') || " p ".name"

#define BOOK_ROWS                                                              \
    "SELECT 0 AS kind, CASE a.topic WHEN 'finance' THEN 0 "                    \
    "  WHEN 'natural_resources' THEN 1 WHEN 'environment' THEN 2 ELSE 3 END "  \
    "  AS chapter, a.id AS id, a.title AS title, "                             \
    "  COALESCE(" TAMBON_OF("gp") ", " TAMBON_OF("mp") ", " TAMBON_OF("lp")    \
    "  ) AS tambon_id, g.name AS grp, m.held_on AS date, m.title AS meeting, " \
    "  " PERSON_NAME("p") " AS person, a.story AS story, "          \
    "  a.tags AS tags, a.origin AS origin, l.title AS lesson, "                \
    "  NULL AS lkind, NULL AS expected, NULL AS happened, NULL AS why, "       \
    "  NULL AS next_time, NULL AS source_note, NULL AS written_on, "           \
    "  COALESCE(a.title_sortkey, tapian_sort_key(a.title)) AS title_key, "      \
    "  COALESCE(g.name_sortkey, tapian_sort_key(g.name)) AS grp_key "          \
    "FROM knowledge_asset a "                                                  \
    "LEFT JOIN finance_group g ON g.id = a.group_id "                          \
    "LEFT JOIN place gp ON gp.id = g.place_id "                                \
    "LEFT JOIN meeting m ON m.id = a.meeting_id "                              \
    "LEFT JOIN place mp ON mp.id = m.place_id "                                \
    "LEFT JOIN lesson l ON l.id = a.lesson_id "                                \
    "LEFT JOIN meeting lm ON lm.id = l.meeting_id "                            \
    "LEFT JOIN place lp ON lp.id = lm.place_id "                               \
    "LEFT JOIN person p ON p.id = a.person_id "                                \
    "WHERE a.deleted_at IS NULL "                                              \
    "UNION ALL "                                                               \
    "SELECT 1, 4, l.id, l.title, " TAMBON_OF("mp") ", NULL, "                  \
    "  m.held_on, m.title, " PERSON_NAME("p") ", NULL, NULL, NULL, NULL, "    \
    "  l.kind, l.expected, l.happened, l.why, l.next_time, l.source_note, "    \
    "  l.written_on, tapian_sort_key(l.title), NULL "                          \
    "FROM lesson l "                                                           \
    "LEFT JOIN meeting m ON m.id = l.meeting_id "                              \
    "LEFT JOIN place mp ON mp.id = m.place_id "                                \
    "LEFT JOIN person p ON p.id = l.author_id "                                \
    "WHERE l.deleted_at IS NULL"

/* ?1: NULL, or a tambon's id or name. */
#define BOOK_FILTER                                                            \
    " WHERE ?1 IS NULL OR b.tambon_id IN (SELECT id FROM place "               \
    "WHERE kind = 'tambon' AND deleted_at IS NULL AND (id = ?1 OR name = ?1))"

/* Thai order through sort keys, each made once per row (or stored by
 * migration 6): the same order as COLLATE THAI, whose comparisons each
 * build two keys (about 280,000 of them for a book of 10,000 assets). */
static const char book_sql[] =
    "SELECT b.*, t.name FROM (" BOOK_ROWS ") b "
    "LEFT JOIN place t ON t.id = b.tambon_id" BOOK_FILTER
    " ORDER BY b.chapter, t.name IS NULL, "
    "COALESCE(t.name_sortkey, tapian_sort_key(t.name)), b.tambon_id, "
    "b.grp IS NULL, b.grp_key, "
    "COALESCE(b.date, b.written_on) IS NULL, COALESCE(b.date, b.written_on), "
    "b.title_key, b.id";

static const char count_sql[] =
    "SELECT count(*) FROM (" BOOK_ROWS ") b" BOOK_FILTER;

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static void read_entry(sqlite3_stmt *st, db_book_entry *e)
{
    int chapter = sqlite3_column_int(st, 1);
    *e = (db_book_entry){
        .kind = sqlite3_column_int(st, 0) ? DB_BOOK_LESSON : DB_BOOK_ASSET,
        .chapter = chapter >= 0 && chapter < DB_BOOK_CH_COUNT
                       ? (db_book_chapter)chapter : DB_BOOK_CH_OTHER,
        .id = col(st, 2), .title = col(st, 3), .tambon_id = col(st, 4),
        .group = col(st, 5), .date = col(st, 6), .meeting = col(st, 7),
        .person = col(st, 8), .story = col(st, 9), .tags = col(st, 10),
        .origin = col(st, 11), .lesson = col(st, 12),
        .lesson_kind = col(st, 13), .expected = col(st, 14),
        .happened = col(st, 15), .why = col(st, 16), .next_time = col(st, 17),
        .source_note = col(st, 18), .written_on = col(st, 19),
        .tambon = col(st, 22), /* after the two sort keys */
    };
}

tp_status db_book_entries(tp_db *db, const char *tambon, db_book_fn fn,
                          void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "book.entries", book_sql, &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, tambon, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_book_entry e;
        read_entry(st, &e);
        if (!fn(ctx, &e)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    s = rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
    db_stmt_done(st);
    return s;
}

static tp_status count_one(tp_db *db, const char *key, const char *sql,
                           const char *param, long long *n)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, key, sql, &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, param, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = sqlite3_column_int64(st, 0);
    s = rc == SQLITE_ROW ? TP_OK : db_fail(db, rc, NULL);
    db_stmt_done(st);
    return s;
}

tp_status db_book_count(tp_db *db, const char *tambon, long long *n)
{
    return count_one(db, "book.count", count_sql, tambon, n);
}

tp_status db_book_tambon_matches(tp_db *db, const char *tambon, long long *n)
{
    return count_one(db, "book.tambon",
                     "SELECT count(*) FROM place WHERE kind = 'tambon' AND "
                     "deleted_at IS NULL AND (id = ?1 OR name = ?1)",
                     tambon, n);
}
