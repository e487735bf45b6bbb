/* Online backup and the integrity check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db_internal.h"

/* Pages copied per step: small enough that writers in other processes get
 * the lock between steps; a write restarts the copy so it stays consistent.
 * Writes through this connection go into the copy as they happen. */
#define BACKUP_PAGES 64

struct db_backup_job {
    tp_db *db;
    sqlite3 *dest;
    sqlite3_backup *b;
    char *path, *tmp;      /* the copy is written to tmp, renamed to path */
    db_backup_done_fn on_done;
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000 + (double)ts.tv_nsec / 1e6;
}

void db_backup_job_free(db_backup_job *job)
{
    if (!job)
        return;
    if (job->b)
        sqlite3_backup_finish(job->b);
    if (job->dest)
        sqlite3_close(job->dest);
    if (job->tmp)
        unlink(job->tmp); /* not finished: nothing half-copied stays */
    free(job->tmp);
    free(job->path);
    free(job);
}

tp_status db_backup_job_new(tp_db *db, const char *path,
                            db_backup_done_fn on_done, db_backup_job **out)
{
    *out = NULL;
    db_backup_job *job = calloc(1, sizeof *job);
    size_t n = strlen(path) + 8;
    if (!job || !(job->path = strdup(path)) || !(job->tmp = malloc(n))) {
        db_backup_job_free(job);
        return TP_ERR_NOMEM;
    }
    job->db = db;
    job->on_done = on_done;
    snprintf(job->tmp, n, "%s.part", path);
    unlink(job->tmp);
    int rc = sqlite3_open_v2(job->tmp, &job->dest,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    /* Pages only pass through the copy's cache: keep it small. */
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(job->dest, "PRAGMA cache_size = -" DB_CACHE_KIB,
                          NULL, NULL, NULL);
    if (rc == SQLITE_OK) {
        job->b = sqlite3_backup_init(job->dest, "main", db->conn, "main");
        rc = job->b ? SQLITE_OK : sqlite3_errcode(job->dest);
    }
    if (rc != SQLITE_OK) {
        tp_status s = db_fail(db, rc, sqlite3_errmsg(job->dest));
        db_backup_job_free(job);
        return s;
    }
    *out = job;
    return TP_OK;
}

/* The last page is copied: the copy becomes a plain rollback-journal file
 * (one file, easy to carry) and takes its name. */
static tp_status finish(db_backup_job *job)
{
    tp_db *db = job->db;
    int frc = sqlite3_backup_finish(job->b);
    job->b = NULL;
    if (frc != SQLITE_OK)
        return db_fail(db, frc, sqlite3_errmsg(job->dest));
    int rc = sqlite3_exec(job->dest, "PRAGMA journal_mode = DELETE", NULL,
                          NULL, NULL);
    if (rc != SQLITE_OK)
        return db_fail(db, rc, sqlite3_errmsg(job->dest));
    rc = sqlite3_close(job->dest);
    job->dest = NULL;
    if (rc != SQLITE_OK)
        return TP_ERR_IO;
    if (rename(job->tmp, job->path) != 0) {
        db_set_error(db, "cannot rename %s to %s", job->tmp, job->path);
        return TP_ERR_IO;
    }
    free(job->tmp);
    job->tmp = NULL;
    if (job->on_done)
        job->on_done(db, job->path);
    return TP_OK;
}

tp_status db_backup_job_step(db_backup_job *job, int budget_ms, bool *done)
{
    *done = false;
    if (!job || !job->b)
        return TP_ERR_INVALID;
    double until = now_ms() + budget_ms;
    int rc;
    do {
        rc = sqlite3_backup_step(job->b, BACKUP_PAGES);
        if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && budget_ms < 0)
            sqlite3_sleep(5); /* copying at once: wait for the writer */
        else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            return TP_OK; /* in steps: try again at the next one */
    } while ((rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) &&
             (budget_ms < 0 || now_ms() < until));
    if (rc == SQLITE_OK)
        return TP_OK;
    if (rc != SQLITE_DONE)
        return db_fail(job->db, rc, sqlite3_errmsg(job->dest));
    tp_status s = finish(job);
    *done = s == TP_OK;
    return s;
}

tp_status db_backup_job_run(db_backup_job *job)
{
    bool done = false;
    tp_status s = db_backup_job_step(job, -1, &done);
    db_backup_job_free(job);
    return s;
}

tp_status db_backup_to(tp_db *db, const char *path)
{
    db_backup_job *job;
    tp_status s = db_backup_job_new(db, path, NULL, &job);
    return s == TP_OK ? db_backup_job_run(job) : s;
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
