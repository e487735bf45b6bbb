/* Rotating backups in <dbdir>/backups/ and restoring from a backup. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db_internal.h"

#define PATH_SIZE 4096

/* dir gets "<dbdir>/backups", base the database's file name. */
static tp_status backup_dir(tp_db *db, char dir[PATH_SIZE], const char **base)
{
    const char *slash = strrchr(db->path, '/');
    *base = slash ? slash + 1 : db->path;
    int n = slash ? snprintf(dir, PATH_SIZE, "%.*s/backups",
                             (int)(slash - db->path), db->path)
                  : snprintf(dir, PATH_SIZE, "backups");
    if (n < 0 || n >= PATH_SIZE)
        return TP_ERR_TOO_LONG;
    if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
        db_set_error(db, "%s: %s", dir, strerror(errno));
        return errno == ENOSPC ? TP_ERR_FULL : TP_ERR_IO;
    }
    return TP_OK;
}

/* Ours: "<base>-" then a name the program made, ending in ".db". */
static bool is_ours(const char *name, const char *base)
{
    size_t b = strlen(base), n = strlen(name);
    return n > b + 4 && strncmp(name, base, b) == 0 && name[b] == '-' &&
           strcmp(name + n - 3, ".db") == 0;
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Our backups' names, oldest first (the UTC time in the name sorts). */
static char **list_ours(const char *dir, const char *base, size_t *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **names = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!is_ours(e->d_name, base))
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            char **grown = realloc(names, cap * sizeof *names);
            if (!grown)
                break;
            names = grown;
        }
        names[*n] = strdup(e->d_name);
        if (names[*n])
            (*n)++;
    }
    closedir(d);
    if (names)
        qsort(names, *n, sizeof *names, by_name);
    return names;
}

static void free_list(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static void prune(const char *dir, const char *base)
{
    size_t n;
    char **names = list_ours(dir, base, &n);
    for (size_t i = 0; n > DB_BACKUPS_KEPT && i < n - DB_BACKUPS_KEPT; i++) {
        char p[PATH_SIZE];
        if (snprintf(p, sizeof p, "%s/%s", dir, names[i]) < PATH_SIZE)
            unlink(p);
    }
    free_list(names, n);
}

/* Prunes after each new rotating backup is in place. */
static void pruned(tp_db *db, const char *path)
{
    (void)path;
    char dir[PATH_SIZE];
    const char *base;
    if (backup_dir(db, dir, &base) == TP_OK)
        prune(dir, base);
}

/* A job writing the next rotating backup for reason. */
static tp_status rotating_job(tp_db *db, const char *reason,
                              db_backup_job **job, char path[PATH_SIZE])
{
    if (!db || !reason || !*reason || strchr(reason, '/'))
        return TP_ERR_INVALID;
    char dir[PATH_SIZE];
    const char *base;
    tp_status s = backup_dir(db, dir, &base);
    if (s != TP_OK)
        return s;
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    /* Backups made in the same second are numbered -01, -02, ... so that
     * sorting the names keeps them in the order they were made (pruning
     * relies on it). */
    for (int k = 1; k < 100; k++) {
        int w = snprintf(path, PATH_SIZE, "%s/%s-%s-%02d-%s.db", dir, base,
                         stamp, k, reason);
        if (w < 0 || w >= PATH_SIZE)
            return TP_ERR_TOO_LONG;
        if (access(path, F_OK) != 0)
            break;
    }
    return db_backup_job_new(db, path, pruned, job);
}

tp_status db_backup_rotating(tp_db *db, const char *reason, char *made)
{
    char path[PATH_SIZE];
    db_backup_job *job;
    tp_status s = rotating_job(db, reason, &job, path);
    if (s == TP_OK)
        s = db_backup_job_run(job);
    if (s == TP_OK && made)
        snprintf(made, PATH_SIZE, "%s", path);
    return s;
}

tp_status db_backup_daily_begin(tp_db *db, db_backup_job **job)
{
    *job = NULL;
    if (!db || db->read_only)
        return TP_OK;
    char dir[PATH_SIZE];
    const char *base;
    tp_status s = backup_dir(db, dir, &base);
    if (s != TP_OK)
        return s;
    size_t n;
    char **names = list_ours(dir, base, &n);
    bool fresh = false;
    if (n > 0) {
        char p[PATH_SIZE];
        struct stat sb;
        if (snprintf(p, sizeof p, "%s/%s", dir, names[n - 1]) < PATH_SIZE &&
            stat(p, &sb) == 0)
            fresh = time(NULL) - sb.st_mtime < 24 * 60 * 60;
    }
    free_list(names, n);
    if (fresh)
        return TP_OK;
    char path[PATH_SIZE];
    return rotating_job(db, "daily", job, path);
}

tp_status db_backup_daily(tp_db *db)
{
    db_backup_job *job;
    tp_status s = db_backup_daily_begin(db, &job);
    return s == TP_OK && job ? db_backup_job_run(job) : s;
}

/* The whole of src copied into db's main database, as one transaction. */
static tp_status copy_in(tp_db *db, tp_db *src)
{
    sqlite3_backup *b = sqlite3_backup_init(db->conn, "main", src->conn,
                                            "main");
    if (!b)
        return db_fail(db, sqlite3_errcode(db->conn), NULL);
    int rc;
    do {
        rc = sqlite3_backup_step(b, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    int frc = sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        return db_fail(db, rc, NULL);
    if (frc != SQLITE_OK)
        return db_fail(db, frc, NULL);
    return TP_OK;
}

tp_status db_restore_file(tp_db *db, const char *file, char *made)
{
    if (!db || !file || !*file)
        return TP_ERR_INVALID;
    if (db->read_only)
        return TP_ERR_READONLY;
    if (db->tx_depth > 0)
        return TP_ERR_BUSY;
    tp_status s = db_guard_check(db);
    if (s != TP_OK)
        return s;
    db_open_opts ro = {.read_only = true};
    tp_db *src = NULL;
    s = db_open(file, &ro, &src);
    if (s != TP_OK) {
        db_set_error(db, "%s: %s", file, db_open_error());
        return s;
    }
    s = db_check(src, NULL, NULL);
    if (s != TP_OK)
        db_set_error(db, "%s does not pass the check", file);
    if (s == TP_OK)
        s = db_backup_rotating(db, "before-restore", made);
    if (s == TP_OK) {
        s = copy_in(db, src);
        db_stmt_cache_clear(db); /* the schema may differ in details */
        db_schema_forget(db);
    }
    db_close(&src);
    return s;
}
