/* db_search — full-text search over knowledge assets, lessons, meetings and
 * notes (migration 005_search.sql keeps the index). */
#ifndef TAPIAN_DB_SEARCH_H
#define TAPIAN_DB_SEARCH_H

#include <stdbool.h>

#include "tapian/db.h"

typedef struct {
    const char *kind;  /* the record's table: knowledge_asset, lesson, ... */
    const char *id;
    const char *title;
    const char *day;   /* YYYY-MM-DD (CE), or NULL */
    const char *body;  /* the record's other text, newline-separated */
} db_search_hit;

/* Return false to stop early. */
typedef bool (*db_search_fn)(void *ctx, const db_search_hit *hit);

/* The first `limit` records containing query (made NFC; ASCII letters
 * without case; surrounding spaces ignored). Queries of 3 or more code
 * points are ranked by bm25 (title weighs more) among the most recent
 * matches; shorter ones come newest first. An empty query finds nothing.
 * TP_ERR_INVALID_UTF8 for a query that is not UTF-8. */
tp_status db_search(tp_db *db, const char *query, int limit, db_search_fn fn,
                    void *ctx);

#endif
