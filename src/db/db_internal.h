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
#include "tapian/db_records.h"

#define DB_STMT_CACHE 48
#define DB_DEFAULT_BUSY_MS 5000
#define DB_CACHE_KIB "512"  /* page cache per connection (PRAGMA cache_size) */
#define DB_BATCH_CACHE_KIB "16384" /* the same while a sync pack is applied */

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
    struct db_sync_table *sync_tables; /* db_sync_tables reads them */
    size_t n_sync_tables;
    bool sync_ready;    /* db_open is done: writes are recorded */
    bool sync_tables_read; /* sync_tables holds the record tables */
    struct db_list_memo *list_memo; /* list counts (db_list_memo.c) */
    struct db_schema *schema; /* tables and columns (db_schema.c), or NULL */
    bool sync_kiosk;    /* a kiosk with a hub: reference data is the hub's */
    bool sync_paused;   /* bulk loads: writes are not recorded for sync */
    bool search_pending; /* the schema has search_fts_pending (migration 14) */
    long long sync_backup_at; /* time() of this round's backup, 0 = none yet */
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

/* Library-wide SQLite settings, once, before the first connection
 * (db_open.c). */
void db_library_once(void);

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

/* ---- the full-text index (db_search_index.c) ---- */
/* Moves the rows queued in search_fts_pending into search_fts; inside the
 * open write transaction (db_commit calls it before COMMIT). */
tp_status db_search_index_flush(tp_db *db);
/* At open: index what other programs (the sqlite3 shell) left queued. */
tp_status db_search_index_catch_up(tp_db *db);

/* ---- list counts kept while the file is unchanged (db_list_memo.c) ---- */
/* The number remembered for this statement, bindings and key value;
 * TP_ERR_NOTFOUND when there is none or the file changed since. */
tp_status db_list_memo_get(tp_db *db, const char *sql, const db_value *b,
                           int nb, sqlite3_value *key, long *out);
void db_list_memo_put(tp_db *db, const char *sql, const db_value *b, int nb,
                      sqlite3_value *key, long value);
void db_list_memo_free(tp_db *db);
/* ---- SQL functions of the search (db_search_fns.c) ---- */
/* tapian_rank (an FTS5 function: bm25 without its IDF) and tapian_contains
 * (substring, ASCII folded) on this connection. */
tp_status db_search_fns_register(tp_db *db);

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

/* A read transaction around several queries, so that the file is locked
 * and its header checked once instead of once per statement; *own is false
 * when a transaction was already open (then nothing is begun or ended).
 * db_read_end returns s, or the failure to end. */
tp_status db_read_begin(tp_db *db, bool *own);
tp_status db_read_end(tp_db *db, bool own, tp_status s);

/* ---- open helpers (db_migrate.c) ---- */
/* Number of NNN_*.sql migrations compiled in. */
int db_migration_count(void);
tp_status db_migrate(tp_db *db, int from_version, bool is_new,
                     const db_open_opts *opts);
/* Online copy of the open database to path (db_backup.c). */
tp_status db_backup_to(tp_db *db, const char *path);
/* A copy to path made in steps (db_backup_job_step); on_done (may be NULL)
 * runs once the copy is in place. */
typedef void (*db_backup_done_fn)(tp_db *db, const char *path);
tp_status db_backup_job_new(tp_db *db, const char *path,
                            db_backup_done_fn on_done, db_backup_job **out);
/* Copies all at once, then frees the job. */
tp_status db_backup_job_run(db_backup_job *job);

/* ---- the schema as this connection sees it (db_schema.c) ---- */
/* Names are matched exactly (as the schema spells them); sqlite_ tables
 * are never found. */
bool db_schema_has_table(tp_db *db, const char *table);
/* Whether table has column; fn (may be NULL) gets its declaration. */
bool db_schema_column(tp_db *db, const char *table, const char *column,
                      db_column_fn fn, void *ctx);
/* fn for each column of table in declaration order; false when there is
 * no such table. */
bool db_schema_columns(tp_db *db, const char *table, db_column_fn fn,
                       void *ctx);
/* fn for each table (sqlite_ ones left out), by name. */
bool db_schema_tables(tp_db *db, void (*fn)(void *ctx, const char *table),
                      void *ctx);
/* Whether table.column is a foreign key to ref_table. */
bool db_schema_refers(tp_db *db, const char *table, const char *column,
                      const char *ref_table);
/* Drops the picture (after a restore put another file's pages in place). */
void db_schema_forget(tp_db *db);

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
/* After this, write transactions are recorded; the record tables are
 * found when first needed (db_sync_tables). */
tp_status db_sync_init(tp_db *db);
void db_sync_free(tp_db *db);
/* Reads the record tables into db->sync_tables unless done already. */
tp_status db_sync_tables(tp_db *db);
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
