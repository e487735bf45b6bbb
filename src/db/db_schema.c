/* The connection's picture of the schema: every table with its columns (in
 * declaration order) and foreign keys, read in two statements instead of a
 * query (and a read lock of the file) per question. Screen checks at start
 * and every list page ask dozens of such questions.
 *
 * The picture stays valid while SQLite's data version of the file is
 * unchanged (SQLITE_FCNTL_DATA_VERSION: no commit by this or another
 * connection, read without touching the file); after a change, or inside a
 * transaction, where this connection's own DDL does not move the data
 * version, it is kept only if PRAGMA schema_version still matches. A name
 * that is not found is looked for again if the schema_version has changed
 * meanwhile (another process's migration, seen before this connection's
 * next transaction would show it). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"

struct db_schema_table {
    uint32_t name;               /* offsets into text */
    uint32_t first_col, n_cols;  /* into cols */
    uint32_t first_fk, n_fks;    /* into fks */
};

struct db_schema_col {
    uint32_t name, type;
    bool not_null;
};

struct db_schema_fk {
    uint32_t from, to;
};

struct db_schema {
    unsigned data_version;
    long long schema_version;
    char *text;                  /* every name, NUL-terminated */
    size_t text_len, text_cap;
    struct db_schema_table *tables; /* sorted by name (strcmp) */
    size_t n_tables, cap_tables;
    struct db_schema_col *cols;
    size_t n_cols, cap_cols;
    struct db_schema_fk *fks;
    size_t n_fks, cap_fks;
    size_t fk_table;             /* table of the last foreign key read */
};

void db_schema_forget(tp_db *db)
{
    struct db_schema *s = db->schema;
    if (!s)
        return;
    free(s->text);
    free(s->tables);
    free(s->cols);
    free(s->fks);
    free(s);
    db->schema = NULL;
}

/* Grows an array of n elements of size sz to hold one more. */
static bool grow(void **arr, size_t *cap, size_t n, size_t sz)
{
    if (n < *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 64;
    void *p = realloc(*arr, c * sz);
    if (!p)
        return false;
    *arr = p;
    *cap = c;
    return true;
}

static bool add_text(struct db_schema *s, const unsigned char *t, uint32_t *at)
{
    const char *str = t ? (const char *)t : "";
    size_t n = strlen(str) + 1;
    if (s->text_len + n > UINT32_MAX)
        return false;
    while (s->text_len + n > s->text_cap) {
        size_t c = s->text_cap ? s->text_cap * 2 : 4096;
        char *p = realloc(s->text, c);
        if (!p)
            return false;
        s->text = p;
        s->text_cap = c;
    }
    memcpy(s->text + s->text_len, str, n);
    *at = (uint32_t)s->text_len;
    s->text_len += n;
    return true;
}

static const char *str_at(const struct db_schema *s, uint32_t at)
{
    return s->text + at;
}

/* Runs the query named key and hands each row to fn, which returns false
 * when it ran out of memory. */
static tp_status read_rows(tp_db *db, const char *key, const char *sql,
                           bool (*fn)(struct db_schema *, sqlite3_stmt *),
                           struct db_schema *s)
{
    sqlite3_stmt *st;
    tp_status r = db_stmt(db, key, sql, &st);
    if (r != TP_OK)
        return r;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && fn(s, st))
        ;
    db_stmt_done(st);
    if (rc == SQLITE_ROW) /* fn stopped early */
        return TP_ERR_NOMEM;
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

/* Both queries list the tables in the same order (by name, sqlite_ tables
 * left out: nothing outside SQLite names them), so each column row either
 * continues the current table or starts the next one. */
#define TABLES_OF(pragma, alias)                                              \
    "FROM sqlite_schema AS m, " pragma "(m.name, 'main') AS " alias " "      \
    "WHERE m.type = 'table' AND substr(m.name, 1, 7) <> 'sqlite_' "

static bool add_column(struct db_schema *s, sqlite3_stmt *st)
{
    const char *table = (const char *)sqlite3_column_text(st, 0);
    struct db_schema_table *t = s->n_tables ? &s->tables[s->n_tables - 1] : NULL;
    if (!t || !table || strcmp(str_at(s, t->name), table) != 0) {
        if (!grow((void **)&s->tables, &s->cap_tables, s->n_tables,
                  sizeof *s->tables))
            return false;
        t = &s->tables[s->n_tables];
        memset(t, 0, sizeof *t);
        if (!add_text(s, sqlite3_column_text(st, 0), &t->name))
            return false;
        t->first_col = (uint32_t)s->n_cols;
        s->n_tables++;
    }
    if (!grow((void **)&s->cols, &s->cap_cols, s->n_cols, sizeof *s->cols))
        return false;
    struct db_schema_col *c = &s->cols[s->n_cols];
    if (!add_text(s, sqlite3_column_text(st, 1), &c->name) ||
        !add_text(s, sqlite3_column_text(st, 2), &c->type))
        return false;
    c->not_null = sqlite3_column_int(st, 3) != 0;
    s->n_cols++;
    t->n_cols++;
    return true;
}

static bool add_fk(struct db_schema *s, sqlite3_stmt *st)
{
    const char *table = (const char *)sqlite3_column_text(st, 0);
    /* The tables come in the same order: the last one or a later one. */
    size_t t = s->n_fks ? s->fk_table : 0;
    while (t < s->n_tables && table &&
           strcmp(str_at(s, s->tables[t].name), table) < 0)
        t++;
    if (t == s->n_tables || !table ||
        strcmp(str_at(s, s->tables[t].name), table) != 0)
        return true; /* a table without columns cannot be asked about */
    if (!grow((void **)&s->fks, &s->cap_fks, s->n_fks, sizeof *s->fks))
        return false;
    struct db_schema_fk *f = &s->fks[s->n_fks];
    if (!add_text(s, sqlite3_column_text(st, 1), &f->from) ||
        !add_text(s, sqlite3_column_text(st, 2), &f->to))
        return false;
    if (s->tables[t].n_fks == 0)
        s->tables[t].first_fk = (uint32_t)s->n_fks;
    s->tables[t].n_fks++;
    s->n_fks++;
    s->fk_table = t;
    return true;
}

static tp_status schema_version(tp_db *db, long long *v)
{
    return db_query_int(db, "picture.cookie", "PRAGMA schema_version", NULL,
                        v);
}

static unsigned data_version(tp_db *db)
{
    unsigned v = 0;
    sqlite3_file_control(db->conn, "main", SQLITE_FCNTL_DATA_VERSION, &v);
    return v;
}

/* Reads the whole picture in one read transaction (unless one is open). */
static tp_status load(tp_db *db)
{
    struct db_schema *s = calloc(1, sizeof *s);
    if (!s)
        return TP_ERR_NOMEM;
    bool own;
    tp_status r = db_read_begin(db, &own);
    if (r == TP_OK)
        r = schema_version(db, &s->schema_version);
    if (r == TP_OK)
        r = read_rows(db, "picture.columns",
                      "SELECT m.name, p.name, p.type, p.\"notnull\" "
                      TABLES_OF("pragma_table_info", "p")
                      "ORDER BY m.name, p.cid", add_column, s);
    if (r == TP_OK)
        r = read_rows(db, "picture.fks",
                      "SELECT m.name, f.\"from\", f.\"table\" "
                      TABLES_OF("pragma_foreign_key_list", "f")
                      "ORDER BY m.name, f.id, f.seq", add_fk, s);
    r = db_read_end(db, own, r);
    /* Read after the transaction, which is when SQLite takes it in. */
    s->data_version = data_version(db);
    db->schema = s;
    if (r != TP_OK)
        db_schema_forget(db);
    return r;
}

/* The current picture, read again when the schema may have changed. */
static const struct db_schema *current(tp_db *db)
{
    struct db_schema *s = db->schema;
    bool in_tx = sqlite3_get_autocommit(db->conn) == 0;
    if (s && !in_tx && s->data_version == data_version(db))
        return s;
    if (s) {
        long long v;
        if (schema_version(db, &v) == TP_OK && v == s->schema_version) {
            if (!in_tx)
                s->data_version = data_version(db);
            return s;
        }
        db_schema_forget(db);
    }
    return load(db) == TP_OK ? db->schema : NULL;
}

static const struct db_schema_table *find_table(const struct db_schema *s,
                                                const char *name)
{
    size_t lo = 0, hi = s->n_tables;
    while (lo < hi) { /* bsearch has no context pointer for the text */
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(name, str_at(s, s->tables[mid].name));
        if (c == 0)
            return &s->tables[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* After a miss: whether the schema changed since the picture was read (a
 * column another process has just added), and then the new picture. A miss
 * is rare (a misspelt screen file), so checking the cookie costs little. */
static const struct db_schema *changed(tp_db *db)
{
    long long v;
    if (!db->schema || schema_version(db, &v) != TP_OK ||
        v == db->schema->schema_version)
        return NULL;
    db_schema_forget(db);
    return load(db) == TP_OK ? db->schema : NULL;
}

static bool valid_name(const char *table)
{
    return table && *table && strncmp(table, "sqlite_", 7) != 0;
}

static const struct db_schema_col *column_of(const struct db_schema *s,
                                             const char *table,
                                             const char *column)
{
    const struct db_schema_table *t = find_table(s, table);
    for (uint32_t i = 0; t && i < t->n_cols; i++)
        if (strcmp(str_at(s, s->cols[t->first_col + i].name), column) == 0)
            return &s->cols[t->first_col + i];
    return NULL;
}

static bool refers(const struct db_schema *s, const char *table,
                   const char *column, const char *ref_table)
{
    const struct db_schema_table *t = find_table(s, table);
    for (uint32_t i = 0; t && i < t->n_fks; i++) {
        const struct db_schema_fk *f = &s->fks[t->first_fk + i];
        if (strcmp(str_at(s, f->from), column) == 0 &&
            strcmp(str_at(s, f->to), ref_table) == 0)
            return true;
    }
    return false;
}

bool db_schema_has_table(tp_db *db, const char *table)
{
    if (!db || !valid_name(table))
        return false;
    const struct db_schema *s = current(db);
    if (s && find_table(s, table))
        return true;
    return (s = changed(db)) != NULL && find_table(s, table) != NULL;
}

bool db_schema_column(tp_db *db, const char *table, const char *column,
                      db_column_fn fn, void *ctx)
{
    if (!db || !valid_name(table) || !column)
        return false;
    const struct db_schema *s = current(db);
    const struct db_schema_col *c = s ? column_of(s, table, column) : NULL;
    if (!c && (s = changed(db)) != NULL)
        c = column_of(s, table, column);
    if (c && fn)
        fn(ctx, str_at(s, c->name), str_at(s, c->type), c->not_null);
    return c != NULL;
}

bool db_schema_columns(tp_db *db, const char *table, db_column_fn fn,
                       void *ctx)
{
    if (!db || !valid_name(table))
        return false;
    const struct db_schema *s = current(db);
    const struct db_schema_table *t = s ? find_table(s, table) : NULL;
    if (!t && (s = changed(db)) != NULL)
        t = find_table(s, table);
    if (!t || !fn)
        return t != NULL;
    /* Copied out first: fn may run other queries on this connection, which
     * may read the picture again and free this one. The table's names are
     * copied as one block of "name\0type\0" pairs. */
    const struct db_schema_col *c = &s->cols[t->first_col];
    size_t n = t->n_cols, len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(str_at(s, c[i].name)) + strlen(str_at(s, c[i].type)) + 2;
    char *names = malloc(len + 1);
    bool *not_null = malloc(n + 1);
    if (!names || !not_null) {
        free(names);
        free(not_null);
        return false;
    }
    char *p = names;
    for (size_t i = 0; i < n; i++) {
        p = stpcpy(p, str_at(s, c[i].name)) + 1;
        p = stpcpy(p, str_at(s, c[i].type)) + 1;
        not_null[i] = c[i].not_null;
    }
    p = names;
    for (size_t i = 0; i < n; i++) {
        const char *name = p, *type = p + strlen(p) + 1;
        p += strlen(name) + strlen(type) + 2;
        fn(ctx, name, type, not_null[i]);
    }
    free(names);
    free(not_null);
    return true;
}

bool db_schema_tables(tp_db *db, void (*fn)(void *ctx, const char *table),
                      void *ctx)
{
    const struct db_schema *s = db ? current(db) : NULL;
    if (!s)
        return false;
    /* Copied out first, as for the columns. */
    size_t n = s->n_tables, len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(str_at(s, s->tables[i].name)) + 1;
    char *names = malloc(len + 1);
    if (!names)
        return false;
    char *p = names;
    for (size_t i = 0; i < n; i++)
        p = stpcpy(p, str_at(s, s->tables[i].name)) + 1;
    p = names;
    for (size_t i = 0; i < n; i++, p += strlen(p) + 1)
        fn(ctx, p);
    free(names);
    return true;
}

bool db_schema_refers(tp_db *db, const char *table, const char *column,
                      const char *ref_table)
{
    if (!db || !valid_name(table) || !column || !ref_table)
        return false;
    const struct db_schema *s = current(db);
    if (s && refers(s, table, column, ref_table))
        return true;
    return (s = changed(db)) != NULL && refers(s, table, column, ref_table);
}
