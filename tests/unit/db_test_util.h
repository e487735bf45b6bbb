/* Helpers shared by the test_db_*.c programs: a temporary directory per
 * test, file snapshots, and the stock sqlite3 shell (which the schema
 * promises to stay usable with). */
#ifndef TAPIAN_DB_TEST_UTIL_H
#define TAPIAN_DB_TEST_UTIL_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tapian/db.h"

struct tdir {
    char dir[64];
    char db[128];   /* dir/t.db */
};

static inline void tdir_make(struct tdir *t)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/tapian-db-test-XXXXXX");
    if (!mkdtemp(t->dir))
        abort();
    snprintf(t->db, sizeof t->db, "%s/t.db", t->dir);
}

static inline int tdir_rm1(const char *p, const struct stat *sb, int flag,
                           struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    chmod(p, 0700); /* tests make read-only files and directories */
    return remove(p);
}

static inline void tdir_remove(struct tdir *t)
{
    chmod(t->dir, 0700);
    nftw(t->dir, tdir_rm1, 16, FTW_DEPTH | FTW_PHYS);
}

static inline char *tdir_path(const struct tdir *t, const char *name)
{
    size_t n = strlen(t->dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (!p)
        abort();
    snprintf(p, n, "%s/%s", t->dir, name);
    return p;
}

/* Whole file contents; *n gets the size. NULL if it cannot be read. */
static inline char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)sz + 1);
    if (!b || fread(b, 1, (size_t)sz, f) != (size_t)sz) {
        free(b);
        fclose(f);
        return NULL;
    }
    fclose(f);
    b[sz] = 0; /* callers search it as a string */
    *n = (size_t)sz;
    return b;
}

static inline void write_bytes(const char *path, long off, const void *b,
                               size_t n)
{
    FILE *f = fopen(path, off < 0 ? "wb" : "r+b");
    if (!f)
        abort();
    if (off > 0)
        fseek(f, off, SEEK_SET);
    if (fwrite(b, 1, n, f) != n)
        abort();
    fclose(f);
}

static inline bool have_shell(void)
{
    return system("sqlite3 -version >/dev/null 2>&1") == 0;
}

/* Runs sql through the stock sqlite3 shell on path; returns its exit code.
 * SQL comes from the tests themselves; it is passed on stdin. */
static inline int shell(const char *path, const char *sql)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "sqlite3 -bail '%s' >/dev/null 2>&1", path);
    FILE *p = popen(cmd, "w");
    if (!p)
        return -1;
    fputs(sql, p);
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* One number printed by the shell for a query. */
static inline long long shell_int(const char *path, const char *sql)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "sqlite3 '%s' \"%s\" 2>/dev/null", path, sql);
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    long long v = -1;
    if (fscanf(p, "%lld", &v) != 1)
        v = -1;
    pclose(p);
    return v;
}

/* A small seeded generator for random walks, so a failure can be replayed
 * with the same seed. */
static inline unsigned test_rand(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

static inline tp_db *open_new(const char *path)
{
    db_open_opts o = {.no_pilot_data = true, .user = "tester"};
    tp_db *db = NULL;
    if (db_open(path, &o, &db) != TP_OK)
        return NULL;
    return db;
}

#endif
