/* db — the only module that talks to SQLite. Views ask it for named records
 * and sources; they never see SQL. */
#ifndef TAPIAN_DB_H
#define TAPIAN_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "tapian/status.h"

typedef struct tp_db tp_db;

typedef struct {
    bool read_only;     /* open without writing */
    bool kiosk;         /* synchronous=FULL where power can fail */
    bool no_pilot_data; /* a new file starts empty instead of with the pilot */
} db_open_opts;

/* Opens or creates the database at path and brings its schema up to date.
 * On failure *out is NULL and the status says why (locked, read-only,
 * corrupt, newer version, ...); the file is left untouched. A file that can
 * only be read is opened read-only and db_is_read_only says so. */
tp_status db_open(const char *path, const db_open_opts *opts, tp_db **out);
void db_close(tp_db **db);
bool db_is_read_only(const tp_db *db);
const char *db_path(const tp_db *db);
/* The last SQLite error message, for logs. */
const char *db_last_error(const tp_db *db);

/* Home screen summary: per pilot tambon, how many villages, finance groups
 * and meetings are recorded. Calls fn once per tambon in Thai order. */
typedef void (*db_tambon_count_fn)(void *ctx, const char *tambon,
                                   int villages, int groups, int meetings);
tp_status db_tambon_counts(tp_db *db, db_tambon_count_fn fn, void *ctx);

#endif
