/* Online backup and the integrity check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_internal.h"

/* Pages copied per step: small enough that writers in other processes get
 * the lock between steps; a write restarts the copy so it stays consistent. */
#define BACKUP_PAGES 64

static tp_status copy_pages(tp_db *db, sqlite3 *dest)
{
    sqlite3_backup *b = sqlite3_backup_init(dest, "main", db->conn, "main");
    if (!b)
        return db_fail(db, sqlite3_errcode(dest), sqlite3_errmsg(dest));
    int rc;
    do {
        rc = sqlite3_backup_step(b, BACKUP_PAGES);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(5);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    int frc = sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        return db_fail(db, rc, sqlite3_errmsg(dest));
    if (frc != SQLITE_OK)
        return db_fail(db, frc, sqlite3_errmsg(dest));
    return TP_OK;
}

tp_status db_backup_to(tp_db *db, const char *path)
{
    size_t n = strlen(path) + 8;
    char *tmp = malloc(n);
    if (!tmp)
        return TP_ERR_NOMEM;
    snprintf(tmp, n, "%s.part", path);
    unlink(tmp);
    sqlite3 *dest = NULL;
    int rc = sqlite3_open_v2(tmp, &dest,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    tp_status s = rc == SQLITE_OK ? copy_pages(db, dest)
                                  : db_fail(db, rc, sqlite3_errmsg(dest));
    /* The copy is a plain rollback-journal file: one file, easy to carry. */
    if (s == TP_OK)
        rc = sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", NULL, NULL,
                          NULL);
    if (s == TP_OK && rc != SQLITE_OK)
        s = db_fail(db, rc, sqlite3_errmsg(dest));
    if (sqlite3_close(dest) != SQLITE_OK && s == TP_OK)
        s = TP_ERR_IO;
    if (s == TP_OK && rename(tmp, path) != 0) {
        db_set_error(db, "cannot rename %s to %s", tmp, path);
        s = TP_ERR_IO;
    }
    if (s != TP_OK)
        unlink(tmp);
    free(tmp);
    return s;
}

tp_status db_backup(tp_db *db, const char *path)
{
    if (!db || !path || !*path)
        return TP_ERR_INVALID;
    if (strcmp(path, db->path) == 0)
        return TP_ERR_INVALID;
    return db_backup_to(db, path);
}

static void ignore_line(void *ctx, const char *line)
{
    (void)ctx, (void)line;
}

/* Runs a check pragma; every line goes to fn; *bad counts lines other than
 * "ok". */
static tp_status run_check(tp_db *db, const char *sql, int ncols,
                           db_report_fn fn, void *ctx, int *bad)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return db_fail(db, rc, NULL);
    char line[1024];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        size_t used = 0;
        line[0] = '\0';
        for (int i = 0; i < ncols && used < sizeof line; i++) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            int w = snprintf(line + used, sizeof line - used, "%s%s",
                             i ? " " : "", v ? v : "NULL");
            if (w < 0)
                break;
            used += (size_t)w;
        }
        if (ncols > 1) {
            /* foreign_key_check: table rowid parent fkid */
            char fk[1100];
            snprintf(fk, sizeof fk, "foreign key: %s", line);
            fn(ctx, fk);
            (*bad)++;
        } else {
            fn(ctx, line);
            if (strcmp(line, "ok") != 0)
                (*bad)++;
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, rc, NULL);
    return TP_OK;
}

tp_status db_check(tp_db *db, db_report_fn fn, void *ctx)
{
    if (!fn) /* only the status is wanted */
        fn = ignore_line;
    int corrupt = 0, broken_refs = 0;
    tp_status s = run_check(db, "PRAGMA integrity_check", 1, fn, ctx,
                            &corrupt);
    if (s == TP_OK)
        s = run_check(db, "PRAGMA foreign_key_check", 4, fn, ctx,
                      &broken_refs);
    if (s == TP_ERR_CORRUPT || s == TP_ERR_NOTADB) {
        fn(ctx, db_last_error(db));
        return TP_ERR_CORRUPT;
    }
    if (s != TP_OK)
        return s;
    if (corrupt)
        return TP_ERR_CORRUPT;
    if (broken_refs)
        return TP_ERR_CONSTRAINT;
    return TP_OK;
}
