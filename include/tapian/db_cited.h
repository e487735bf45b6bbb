/* "Cited by": the lessons and knowledge assets that name a meeting, a
 * finance group, a person or a lesson as their source, for the source's
 * form. The SQL stays in src/db (db_cited.c). */
#ifndef TAPIAN_DB_CITED_H
#define TAPIAN_DB_CITED_H

#include <stdbool.h>

#include "tapian/db.h"

/* One citing record; strings live only during the call. */
typedef struct {
    const char *table;  /* "lesson" or "knowledge_asset" */
    const char *id, *title;
    const char *date;   /* a lesson's written_on; NULL for assets */
    const char *column; /* the column that points at the source */
} db_cited_row;

/* Whether records of table can be cited (meeting, finance_group, person,
 * lesson). */
bool db_cited_source(const char *table);
/* The column of citing (lesson or knowledge_asset) that points at a
 * record of source, or NULL when it has none (a lesson names no group). */
const char *db_cited_column(const char *citing, const char *source);
/* Calls fn for each live lesson, then each live knowledge asset, citing
 * the record id of table, each kind in Thai order of title. */
tp_status db_cited_by(tp_db *db, const char *table, const char *id,
                      void (*fn)(void *ctx, const db_cited_row *r),
                      void *ctx);
/* How many live lessons and assets cite it. */
tp_status db_cited_count(tp_db *db, const char *table, const char *id,
                         long long *lessons, long long *assets);

#endif
