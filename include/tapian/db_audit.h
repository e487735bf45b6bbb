/* Reading the audit log: a record's history and the changes since a date.
 * Writing it is db_write.c's, in the same transaction as each change. */
#ifndef TAPIAN_DB_AUDIT_H
#define TAPIAN_DB_AUDIT_H

#include <stdbool.h>

#include "tapian/db.h"

typedef struct {
    long long seq;
    const char *at;      /* UTC, ISO 8601 with milliseconds */
    const char *who;     /* login */
    const char *table;
    const char *row_id;
    const char *action;  /* insert, update, tombstone, restore */
    const char *changed; /* columns whose value changed, comma-separated;
                            for an insert those given a value; "" if none */
    const char *detail;  /* "column: old → new; ..." over the same columns */
} db_audit_entry;

/* Return false to stop early. The strings live until fn returns. */
typedef bool (*db_audit_fn)(void *ctx, const db_audit_entry *e);

/* Every change of one row, oldest first. */
tp_status db_audit_history(tp_db *db, const char *table, const char *id,
                           db_audit_fn fn, void *ctx);
/* Every change at or after the start of the day since (YYYY-MM-DD, UTC),
 * of table only when it is not NULL, oldest first. */
tp_status db_audit_since(tp_db *db, const char *since, const char *table,
                         db_audit_fn fn, void *ctx);

#endif
