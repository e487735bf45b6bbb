/* Private to src/db: the connection object and helpers shared by the db_*.c
 * files. Nothing outside src/db may include this (it pulls in sqlite3.h). */
#ifndef TAPIAN_DB_INTERNAL_H
#define TAPIAN_DB_INTERNAL_H

/* The session extension (sync) is only declared with these defined;
 * Debian's libsqlite3 is built with it. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sqlite3.h>
#include <stdbool.h>

#include "tapian/db.h"

#define DB_STMT_CACHE 48
#define DB_DEFAULT_BUSY_MS 5000

struct db_cached_stmt {
    char *key;          /* query name, or the SQL text for built queries */
    sqlite3_stmt *stmt;
};

struct tp_db {
    sqlite3 *conn;
    char *path;
    bool read_only;
    unsigned long long file_dev, file_ino; /* identity of path at open */
    int tx_depth;       /* 0 = no transaction; >1 = nested savepoints */
    char user[64];      /* login written to created_by/updated_by/audit */
    char site_id[40];   /* this machine's site.id */
    char err[512];      /* last error, copied before later calls erase it */
    struct db_cached_stmt cache[DB_STMT_CACHE];
    int cache_next;     /* slot to evict when the cache is full */
    char **roles;       /* roles of the person using the connection */
    size_t n_roles;
    struct db_perm *perms; /* table -> role write permissions */
    size_t n_perms;
    sqlite3_session *sync_session; /* records the open write transaction */
    struct db_sync_table *sync_tables; /* NULL until db_open is done */
    size_t n_sync_tables;
    bool sync_kiosk;    /* a kiosk with a hub: reference data is the hub's */
    bool sync_paused;   /* bulk loads: writes are not recorded for sync */
    long long sync_backup_at; /* time() of the last backup before a pack */
    int busy_ms;        /* how long a writer waits for another */
    long long busy_waits; /* waits so far (db_busy_waits) */
};

/* A table whose rows travel in sync packs (db_sync_session.c). */
struct db_sync_table {
    char *name;
    bool reference;     /* flows from the hub to every kiosk */
    int ncol;
    char **cols;        /* column names in table order */
    int version_col, updated_col; /* indexes of version, updated_at */
};

struct db_perm {
    char *table;
    char *role;
};

/* ---- errors (db_status.c) ---- */
tp_status db_status_from_rc(int rc);
/* Records sqlite3_errmsg (or msg when given) as the last error and returns
 * the status for rc. */
tp_status db_fail(tp_db *db, int rc, const char *msg);
void db_set_error(tp_db *db, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- stored Thai sort keys (db_sortkey.c) ---- */
/* The SQL function tapian_sort_key(text) -> BLOB, on this connection. */
tp_status db_sortkey_register(tp_db *db);
bool db_is_sortkey_column(const char *column);
/* Whether table has <column>_sortkey; its name in out. */
bool db_sortkey_column(tp_db *db, const char *table, const char *column,
                       char out[96]);
/* Sets row id's <column>_sortkey from column, when the table has one. */
tp_status db_sortkey_set(tp_db *db, const char *table, const char *id,
                         const char *column);
/* Computes every missing key (rows written without tapian). */
tp_status db_sortkeys_fill(tp_db *db);

/* ---- statements (db_stmt.c) ---- */
/* A prepared statement from the cache, reset and with no bindings. The
 * caller must not finalize it; call db_stmt_done when finished. */
tp_status db_stmt(tp_db *db, const char *key, const char *sql,
                  sqlite3_stmt **out);
void db_stmt_done(sqlite3_stmt *st);
void db_stmt_cache_clear(tp_db *db);
/* Runs SQL without results (pragmas, transaction control, scripts). */
tp_status db_exec(tp_db *db, const char *sql);
/* Binds a db_value at position i (1-based). */
int db_bind_value(sqlite3_stmt *st, int i, const db_value *v);
/* Runs a single-row query that yields one integer. */
tp_status db_query_int(tp_db *db, const char *key, const char *sql,
                       const char *text_param, long long *out);

/* ---- open helpers (db_migrate.c) ---- */
/* Number of NNN_*.sql migrations compiled in. */
int db_migration_count(void);
tp_status db_migrate(tp_db *db, int from_version, bool is_new,
                     const db_open_opts *opts);
/* Online copy of the open database to path (db_backup.c). */
tp_status db_backup_to(tp_db *db, const char *path);

/* ---- schema names and permissions (db_columns.c, db_permit.c) ---- */
/* Whether table is a table (not an sqlite_ internal one) of the schema. */
bool db_table_exists(tp_db *db, const char *table);
/* Declared type of table.column into type; false when there is no such
 * column. */
bool db_column_type(tp_db *db, const char *table, const char *column,
                    char type[32]);
/* TP_ERR_PERM (with the reason as last error) unless the connection's
 * roles may write table. */
tp_status db_write_allowed(tp_db *db, const char *table);
/* Whether a screen registered writers for table, and whether one of roles
 * (role codes; "admin" writes everything) is among them. Unregistered
 * tables are open. */
bool db_roles_may_write(const tp_db *db, const char *table,
                        const char *const *roles, size_t n);
void db_perms_free(tp_db *db);

/* ---- the file under the connection (db_guard.c) ---- */
/* Remembers which file path names now (after opening). */
void db_guard_remember(tp_db *db);
/* TP_ERR_MOVED (with the reason) when path no longer names the file that
 * was opened: deleted, renamed or replaced under the program. */
tp_status db_guard_check(tp_db *db);

/* ---- sync (db_sync_session.c) ---- */
/* Finds the record tables; after this, write transactions are recorded. */
tp_status db_sync_init(tp_db *db);
void db_sync_free(tp_db *db);
const struct db_sync_table *db_sync_table_find(tp_db *db, const char *name);
/* Reads again whether this file is a kiosk with a hub (db->sync_kiosk):
 * after opening and after the sync role or the peers change. */
tp_status db_sync_guard_refresh(tp_db *db);
/* Starts or drops the session of the outermost transaction. */
tp_status db_sync_session_start(tp_db *db);
void db_sync_session_stop(tp_db *db);
/* Moves what the session recorded into sync_outbox rows marked as made by
 * origin, and starts a fresh session. Inside the open transaction. */
tp_status db_sync_capture(tp_db *db, const char *origin);
/* Applies one changeset from `from` (db_sync_apply.c) inside the open
 * transaction; conflicts are resolved and kept. *fk_skipped is set when
 * the changeset refers to rows this file does not hold and was left out. */
struct db_sync_counts {
    size_t conflicts, skipped;
};
tp_status db_sync_apply(tp_db *db, void *cs, size_t n, const char *from,
                        struct db_sync_counts *counts, bool *fk_skipped);

/* ---- writes (db_write.c) ---- */
void db_now(char buf[32]);
tp_status db_new_uuid(char out[DB_UUID_LEN]);

#endif
