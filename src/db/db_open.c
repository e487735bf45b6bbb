/* Opening a database file: connection settings, the THAI collation, and
 * telling the user clearly why a file cannot be used. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db_internal.h"
#include "tapian/text.h"

static int thai_collate(void *ctx, int an, const void *a, int bn,
                        const void *b)
{
    (void)ctx;
    return text_collate(a, (size_t)an, b, (size_t)bn);
}

/* SQLite's own busy_timeout schedule (sqliteDefaultBusyCallback), written
 * out here only to count the waits: the many-users figures report how
 * often a writer waited for another. */
static int busy_wait(void *ctx, int count)
{
    static const int delays[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    const int n = (int)(sizeof delays / sizeof delays[0]);
    tp_db *db = ctx;
    int delay = delays[count < n ? count : n - 1], prior = 0;
    for (int i = 0; i < count && i < n - 1; i++)
        prior += delays[i];
    if (count >= n)
        prior += delay * (count - (n - 1));
    if (prior + delay > db->busy_ms) {
        delay = db->busy_ms - prior;
        if (delay <= 0)
            return 0;
    }
    db->busy_waits++;
    usleep((useconds_t)delay * 1000);
    return 1;
}

long long db_busy_waits(const tp_db *db)
{
    return db ? db->busy_waits : 0;
}

static tp_status configure(tp_db *db, const db_open_opts *opts)
{
    db->busy_ms = opts->busy_timeout_ms > 0 ? opts->busy_timeout_ms
                                            : DB_DEFAULT_BUSY_MS;
    sqlite3_extended_result_codes(db->conn, 1);
    sqlite3_busy_handler(db->conn, busy_wait, db);
    /* Registered on every connection, never named in the schema, so the
     * stock sqlite3 shell can still write the file. */
    int rc = sqlite3_create_collation_v2(db->conn, "THAI", SQLITE_UTF8, NULL,
                                         thai_collate, NULL);
    if (rc != SQLITE_OK)
        return db_fail(db, rc, NULL);
    tp_status s = db_sortkey_register(db);
    if (s == TP_OK)
        s = db_search_fns_register(db);
    if (s != TP_OK)
        return s;
    /* A kiosk runs in 8 MB: SQLite's default page cache (2 MB) would be a
     * quarter of it. The pages are in the operating system's file cache
     * anyway; list pages and searches measured no slower (PERFORMANCE.md).
     * Statement journals in memory: every insert that fires triggers or
     * checks foreign keys keeps one, and in a temporary file a pack of
     * 10,000 rows made 156,000 small writes (docs/PERFORMANCE.md). */
    return db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; "
                       "PRAGMA cache_size = -" DB_CACHE_KIB);
}

/* Reads the header facts without writing anything, so a file we refuse
 * stays byte-for-byte as it was. */
static tp_status probe(tp_db *db, long long *version, long long *objects)
{
    tp_status s = db_query_int(db, "probe.objects",
                               "SELECT count(*) FROM sqlite_schema", NULL,
                               objects);
    if (s != TP_OK)
        return s;
    return db_query_int(db, "probe.version", "PRAGMA user_version", NULL,
                        version);
}

static tp_status load_site(tp_db *db, bool *kiosk)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "open.settings",
                          "SELECT key, value FROM setting "
                          "WHERE key IN ('site_id', 'kiosk')", &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0);
        const char *v = (const char *)sqlite3_column_text(st, 1);
        if (!k || !v)
            continue;
        if (strcmp(k, "site_id") == 0)
            snprintf(db->site_id, sizeof db->site_id, "%s", v);
        else if (strcmp(k, "kiosk") == 0 && strcmp(v, "1") == 0)
            *kiosk = true;
    }
    db_stmt_done(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, rc, NULL);
    if (!db->site_id[0]) {
        db_set_error(db, "setting site_id is missing");
        return TP_ERR_CORRUPT;
    }
    return TP_OK;
}

/* SQLite counts every allocation under a mutex for sqlite3_memory_used()
 * and heap limits, which tapian does not use: reading the schema alone
 * makes some 20,000 allocations. Only possible before SQLite's first use in
 * the process; later it refuses, harmlessly. */
static void no_memory_statistics(void)
{
    static bool done;
    if (!done)
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    done = true;
}

static tp_status open_file(tp_db *db, const db_open_opts *opts, bool *is_new)
{
    struct stat sb;
    bool exists = stat(db->path, &sb) == 0;
    *is_new = !exists || sb.st_size == 0;
    if (exists && !S_ISREG(sb.st_mode)) {
        db_set_error(db, "%s is not a regular file", db->path);
        return TP_ERR_CANTOPEN;
    }
    if (opts->read_only && *is_new) {
        db_set_error(db, "%s does not exist", db->path);
        return TP_ERR_CANTOPEN;
    }
    /* A file we may not write is opened read-only rather than refused. */
    db->read_only = opts->read_only ||
                    (exists && access(db->path, W_OK) != 0);
    int flags = db->read_only ? SQLITE_OPEN_READONLY
                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    no_memory_statistics();
    int rc = sqlite3_open_v2(db->path, &db->conn, flags, NULL);
    if (rc != SQLITE_OK) {
        int err = sqlite3_system_errno(db->conn);
        tp_status s = db_fail(db, rc, NULL);
        if (err)
            db_set_error(db, "%s: %s", db->path, strerror(err));
        return s;
    }
    if (sqlite3_db_readonly(db->conn, "main") == 1)
        db->read_only = true;
    db_guard_remember(db);
    return TP_OK;
}

static tp_status open_and_check(tp_db *db, const db_open_opts *opts)
{
    bool is_new;
    tp_status s = open_file(db, opts, &is_new);
    if (s != TP_OK)
        return s;
    s = configure(db, opts);
    if (s == TP_ERR_BUSY)
        return TP_ERR_LOCKED; /* cache_size reads the schema: a first lock */
    if (s != TP_OK)
        return s;
    long long version = 0, objects = 0;
    s = probe(db, &version, &objects);
    if (s == TP_ERR_BUSY)
        return TP_ERR_LOCKED; /* another program holds it exclusively */
    if (s != TP_OK)
        return s;
    if (version > db_migration_count()) {
        db_set_error(db, "schema version %lld, this tapian knows %d",
                     version, db_migration_count());
        return TP_ERR_NEWER;
    }
    if (version == 0 && objects > 0) {
        db_set_error(db, "an SQLite file without a tapian schema");
        return TP_ERR_NOTADB;
    }
    if (version == 0)
        is_new = true;
    bool kiosk = opts->kiosk;
    if (!db->read_only) {
        s = db_exec(db, "PRAGMA journal_mode = WAL");
        if (s == TP_ERR_BUSY)
            return TP_ERR_LOCKED;
        if (s != TP_OK)
            return s;
    }
    if (version < db_migration_count()) {
        if (db->read_only) {
            db_set_error(db, "schema version %lld needs an update, but the "
                         "file is read-only", version);
            return TP_ERR_READONLY;
        }
        s = db_migrate(db, (int)version, is_new, opts);
        if (s == TP_ERR_BUSY)
            return TP_ERR_LOCKED;
        if (s != TP_OK)
            return s;
    }
    s = load_site(db, &kiosk);
    /* Keys first: filling them is not a change to send to other sites
     * (each computes its own), so it happens before sync starts recording. */
    if (s == TP_OK)
        s = db_sortkeys_fill(db); /* rows written by the shell or pilot.sql */
    if (s == TP_OK)
        s = db_sync_init(db);
    if (s == TP_ERR_BUSY)
        return TP_ERR_LOCKED; /* still held after the busy timeout */
    if (s != TP_OK)
        return s;
    if (!db->read_only)
        s = db_exec(db, kiosk ? "PRAGMA synchronous = FULL"
                              : "PRAGMA synchronous = NORMAL");
    return s;
}

static char open_error[512];

const char *db_open_error(void)
{
    return open_error;
}

tp_status db_open(const char *path, const db_open_opts *opts, tp_db **out)
{
    static const db_open_opts defaults = {0};
    *out = NULL;
    open_error[0] = '\0';
    if (!path || !*path)
        return TP_ERR_INVALID;
    if (!opts)
        opts = &defaults;
    tp_db *db = calloc(1, sizeof *db);
    if (!db)
        return TP_ERR_NOMEM;
    db->path = strdup(path);
    if (!db->path) {
        free(db);
        return TP_ERR_NOMEM;
    }
    db_set_user(db, opts->user);
    tp_status s = open_and_check(db, opts);
    if (s != TP_OK) {
        /* The connection goes away; keep its reason for db_open_error. */
        snprintf(open_error, sizeof open_error, "%s", db->err);
        db_close(&db);
        return s;
    }
    *out = db;
    return TP_OK;
}

void db_close(tp_db **pdb)
{
    if (!pdb || !*pdb)
        return;
    tp_db *db = *pdb;
    while (db->tx_depth > 0)
        db_rollback(db);
    db_sync_free(db);
    db_list_memo_free(db);
    db_stmt_cache_clear(db);
    db_schema_forget(db);
    db_perms_free(db);
    if (db->conn)
        sqlite3_close(db->conn);
    free(db->path);
    free(db);
    *pdb = NULL;
}

bool db_is_read_only(const tp_db *db)
{
    return db && db->read_only;
}

const char *db_path(const tp_db *db)
{
    return db ? db->path : NULL;
}

const char *db_last_error(const tp_db *db)
{
    return db ? db->err : "";
}

void db_set_user(tp_db *db, const char *login)
{
    snprintf(db->user, sizeof db->user, "%s",
             login && *login ? login : "system");
}

int db_schema_latest(void)
{
    return db_migration_count();
}

int db_schema_version(tp_db *db)
{
    long long v = 0;
    if (db_query_int(db, "schema.version", "PRAGMA user_version", NULL, &v)
        != TP_OK)
        return -1;
    return (int)v;
}
