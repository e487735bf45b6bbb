/* Lessons and knowledge assets citing a source record
 * (include/tapian/db_cited.h). One fixed statement per source table, the
 * id always bound; indexes of migrations 1 and 9 serve each column. */
#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/db_cited.h"

/* source table, lesson column (NULL: lessons cannot cite it), asset column */
static const struct source {
    const char *table, *lesson_col, *asset_col;
    const char *list_sql, *count_sql;
} sources[] = {
#define CITED_LIST(lc, ac)                                                     \
    "SELECT 'lesson', id, title, written_on, '" lc "' FROM lesson "            \
    "WHERE " lc " = ?1 AND deleted_at IS NULL "                                \
    "UNION ALL SELECT 'knowledge_asset', id, title, NULL, '" ac "' "          \
    "FROM knowledge_asset WHERE " ac " = ?1 AND deleted_at IS NULL "          \
    "ORDER BY 1 DESC, 3 COLLATE THAI, 2"
#define CITED_COUNT(lc, ac)                                                    \
    "SELECT (SELECT count(*) FROM lesson WHERE " lc " = ?1 AND "               \
    "deleted_at IS NULL), (SELECT count(*) FROM knowledge_asset WHERE " ac    \
    " = ?1 AND deleted_at IS NULL)"
#define ASSETS_LIST(ac)                                                        \
    "SELECT 'knowledge_asset', id, title, NULL, '" ac "' "                    \
    "FROM knowledge_asset WHERE " ac " = ?1 AND deleted_at IS NULL "          \
    "ORDER BY title COLLATE THAI, id"
#define ASSETS_COUNT(ac)                                                       \
    "SELECT 0, count(*) FROM knowledge_asset WHERE " ac " = ?1 AND "           \
    "deleted_at IS NULL"
    {"meeting", "meeting_id", "meeting_id",
     CITED_LIST("meeting_id", "meeting_id"),
     CITED_COUNT("meeting_id", "meeting_id")},
    {"person", "author_id", "person_id",
     CITED_LIST("author_id", "person_id"),
     CITED_COUNT("author_id", "person_id")},
    {"finance_group", NULL, "group_id", ASSETS_LIST("group_id"),
     ASSETS_COUNT("group_id")},
    {"lesson", NULL, "lesson_id", ASSETS_LIST("lesson_id"),
     ASSETS_COUNT("lesson_id")},
};

static const struct source *source_of(const char *table)
{
    for (size_t i = 0; table && i < sizeof sources / sizeof sources[0]; i++)
        if (strcmp(sources[i].table, table) == 0)
            return &sources[i];
    return NULL;
}

bool db_cited_source(const char *table)
{
    return source_of(table) != NULL;
}

const char *db_cited_column(const char *citing, const char *source)
{
    const struct source *s = source_of(source);
    if (!s || !citing)
        return NULL;
    if (strcmp(citing, "lesson") == 0)
        return s->lesson_col;
    return strcmp(citing, "knowledge_asset") == 0 ? s->asset_col : NULL;
}

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* The list or count statement of table, id bound. */
static tp_status prepare(tp_db *db, const char *table, const char *id,
                         bool count, sqlite3_stmt **st)
{
    const struct source *src = source_of(table);
    if (!src)
        return TP_ERR_INVALID;
    char key[64];
    snprintf(key, sizeof key, "cited.%s.%s", count ? "count" : "list",
             src->table);
    tp_status s = db_stmt(db, key, count ? src->count_sql : src->list_sql, st);
    if (s == TP_OK)
        sqlite3_bind_text(*st, 1, id, -1, SQLITE_TRANSIENT);
    return s;
}

tp_status db_cited_by(tp_db *db, const char *table, const char *id,
                      void (*fn)(void *ctx, const db_cited_row *r),
                      void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = prepare(db, table, id, false, &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        db_cited_row r = {.table = col(st, 0), .id = col(st, 1),
                          .title = col(st, 2), .date = col(st, 3),
                          .column = col(st, 4)};
        fn(ctx, &r);
    }
    s = rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
    db_stmt_done(st);
    return s;
}

tp_status db_cited_count(tp_db *db, const char *table, const char *id,
                         long long *lessons, long long *assets)
{
    *lessons = *assets = 0;
    sqlite3_stmt *st;
    tp_status s = prepare(db, table, id, true, &st);
    if (s != TP_OK)
        return s;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *lessons = sqlite3_column_int64(st, 0);
        *assets = sqlite3_column_int64(st, 1);
    }
    s = rc == SQLITE_ROW ? TP_OK : db_fail(db, rc, NULL);
    db_stmt_done(st);
    return s;
}
