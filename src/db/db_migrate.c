/* Schema migrations by PRAGMA user_version, and the pilot data for a new
 * file. The migrations are the embedded files named NNN_name.sql. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "tapian/embedded.h"

/* The number in "NNN_name.sql", or 0 when the name is not a migration. */
static int migration_number(const char *name)
{
    size_t n = strlen(name);
    if (n < 9 || strcmp(name + n - 4, ".sql") != 0)
        return 0;
    for (int i = 0; i < 3; i++)
        if (!isdigit((unsigned char)name[i]))
            return 0;
    if (name[3] != '_')
        return 0;
    return (name[0] - '0') * 100 + (name[1] - '0') * 10 + (name[2] - '0');
}

/* Migration number `version` (1-based), or NULL. */
static const struct embedded_file *migration(int version)
{
    for (const struct embedded_file *f = embedded_files; f->name; f++)
        if (migration_number(f->name) == version)
            return f;
    return NULL;
}

int db_migration_count(void)
{
    int n = 0;
    while (migration(n + 1))
        n++;
    return n;
}

static const struct embedded_file *pilot_file(void)
{
    for (const struct embedded_file *f = embedded_files; f->name; f++)
        if (strcmp(f->name, "pilot.sql") == 0)
            return f;
    return NULL;
}

/* Migrations run with foreign_keys OFF (a table rebuild drops the old
 * table, which would otherwise cascade or fail), so each counts the broken
 * references itself: it may not add any. Ones already there (a file edited
 * with the shell) are db_check's to report, not a reason to refuse it. */
static tp_status broken_refs(tp_db *db, long long *n)
{
    *n = 0;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, "PRAGMA foreign_key_check", -1,
                                &st, NULL);
    if (rc != SQLITE_OK)
        return db_fail(db, rc, NULL);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        (*n)++;
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

/* One migration in one transaction. The version is read again under the
 * write lock: another process may have migrated meanwhile. */
static tp_status apply(tp_db *db, int version)
{
    tp_status s = db_begin(db);
    if (s != TP_OK)
        return s;
    long long now = 0;
    s = db_query_int(db, "migrate.version", "PRAGMA user_version", NULL, &now);
    if (s == TP_OK && now < version) {
        const struct embedded_file *f = migration(version);
        long long before = 0, after = 0;
        s = broken_refs(db, &before);
        if (s == TP_OK)
            s = db_exec(db, f->data);
        if (s == TP_OK)
            s = broken_refs(db, &after);
        if (s == TP_OK && after > before) {
            db_set_error(db, "%lld references broken", after - before);
            s = TP_ERR_CONSTRAINT;
        }
        if (s == TP_OK) {
            char sql[48];
            /* PRAGMA takes no parameters; version is our own integer. */
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
            s = db_exec(db, sql);
        }
        if (s != TP_OK) {
            /* a copy: the message is formatted into the buffer it names */
            char why[400];
            snprintf(why, sizeof why, "%s", db_last_error(db));
            db_set_error(db, "migration %s: %s", f->name, why);
        }
    }
    if (s != TP_OK) {
        db_rollback(db);
        return s;
    }
    return db_commit(db);
}

/* The pilot data, once, marked in setting so a second process that opened
 * the same new file at the same time does not load it again. */
static tp_status load_pilot(tp_db *db)
{
    const struct embedded_file *f = pilot_file();
    if (!f)
        return TP_OK;
    tp_status s = db_begin(db);
    if (s != TP_OK)
        return s;
    long long done = 0;
    s = db_query_int(db, "pilot.done",
                     "SELECT count(*) FROM setting WHERE key = 'pilot_loaded'",
                     NULL, &done);
    if (s == TP_OK && done == 0) {
        s = db_exec(db, f->data);
        if (s == TP_OK)
            s = db_exec(db, "INSERT INTO setting (key, value) VALUES "
                            "('pilot_loaded', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
        if (s != TP_OK)
            db_set_error(db, "pilot.sql: %.400s", db_last_error(db));
    }
    if (s != TP_OK) {
        db_rollback(db);
        return s;
    }
    return db_commit(db);
}

tp_status db_migrate(tp_db *db, int from_version, bool is_new,
                     const db_open_opts *opts)
{
    int target = db_migration_count();
    if (!is_new && from_version < target) {
        /* Keep the file as it was, in case a migration surprises someone. */
        size_t n = strlen(db->path) + 32;
        char *bak = malloc(n);
        if (!bak)
            return TP_ERR_NOMEM;
        snprintf(bak, n, "%s.before-v%d.bak", db->path, target);
        tp_status s = db_backup_to(db, bak);
        free(bak);
        if (s != TP_OK)
            return s;
    }
    /* Only outside a transaction does this pragma take effect. */
    tp_status s = db_exec(db, "PRAGMA foreign_keys = OFF");
    for (int v = from_version + 1; s == TP_OK && v <= target; v++)
        s = apply(db, v);
    tp_status on = db_exec(db, "PRAGMA foreign_keys = ON");
    if (s != TP_OK)
        return s;
    if (on != TP_OK)
        return on;
    if (is_new && !opts->no_pilot_data)
        return load_pilot(db);
    return TP_OK;
}

tp_status db_create_at_version(const char *path, int version)
{
    if (version < 0 || version > db_migration_count())
        return TP_ERR_INVALID;
    tp_db db = {0};
    db_set_user(&db, NULL);
    db_library_once();
    int rc = sqlite3_open_v2(path, &db.conn,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    tp_status s = rc == SQLITE_OK ? TP_OK : db_fail(&db, rc, NULL);
    if (s == TP_OK && version > 0)
        s = db_exec(&db, "PRAGMA journal_mode = WAL");
    for (int v = 1; s == TP_OK && v <= version; v++)
        s = apply(&db, v);
    db_stmt_cache_clear(&db);
    sqlite3_close(db.conn);
    return s;
}
