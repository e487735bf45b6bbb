/* The connection's picture of the schema: the names of the tables, read in
 * one statement, and per table its columns (in declaration order) and its
 * foreign keys, each read the first time that table is asked about. Screen
 * checks and list pages ask dozens of such questions, of a few tables
 * each; start-up reads only the tables something names.
 *
 * The picture stays valid while SQLite's data version of the file is
 * unchanged (SQLITE_FCNTL_DATA_VERSION: no commit by this or another
 * connection, read without touching the file); after a change, or inside a
 * transaction, where this connection's own DDL does not move the data
 * version, it is kept only if PRAGMA schema_version still matches. A table's
 * columns or keys are read in a transaction that checks the schema_version
 * again, so every part of the picture is of the same schema. A name that is
 * not found is looked for again if the schema_version has changed meanwhile
 * (another process's migration, seen before this connection's next
 * transaction would show it). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"

enum { PART_COLUMNS = 1, PART_KEYS = 2 };

struct db_schema_col {
    char *name, *type;
    bool not_null;
};

struct db_schema_fk {
    char *from, *to;
};

struct db_schema_table {
    char *name;
    unsigned read;               /* PART_ bits: what has been read */
    struct db_schema_col *cols;
    size_t n_cols;
    struct db_schema_fk *fks;
    size_t n_fks;
};

struct db_schema {
    unsigned data_version;
    long long schema_version;
    struct db_schema_table *tables; /* sorted by name (strcmp) */
    size_t n_tables, cap_tables;
};

static void table_free(struct db_schema_table *t)
{
    for (size_t i = 0; i < t->n_cols; i++) {
        free(t->cols[i].name);
        free(t->cols[i].type);
    }
    for (size_t i = 0; i < t->n_fks; i++) {
        free(t->fks[i].from);
        free(t->fks[i].to);
    }
    free(t->cols);
    free(t->fks);
    free(t->name);
}

void db_schema_forget(tp_db *db)
{
    struct db_schema *s = db->schema;
    if (!s)
        return;
    for (size_t i = 0; i < s->n_tables; i++)
        table_free(&s->tables[i]);
    free(s->tables);
    free(s);
    db->schema = NULL;
}

static char *copy_text(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return strdup(t ? (const char *)t : "");
}

/* Steps st (already bound) and hands each row to fn, which returns false
 * when it ran out of memory. */
static tp_status read_rows(tp_db *db, sqlite3_stmt *st,
                           bool (*fn)(void *, sqlite3_stmt *), void *ctx)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && fn(ctx, st))
        ;
    db_stmt_done(st);
    if (rc == SQLITE_ROW) /* fn stopped early */
        return TP_ERR_NOMEM;
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

static bool add_table(void *ctx, sqlite3_stmt *st)
{
    struct db_schema *s = ctx;
    if (s->n_tables == s->cap_tables) {
        size_t c = s->cap_tables ? s->cap_tables * 2 : 64;
        struct db_schema_table *p = realloc(s->tables, c * sizeof *p);
        if (!p)
            return false;
        s->tables = p;
        s->cap_tables = c;
    }
    struct db_schema_table *t = &s->tables[s->n_tables];
    memset(t, 0, sizeof *t);
    if (!(t->name = copy_text(st, 0)))
        return false;
    s->n_tables++;
    return true;
}

static bool add_column(void *ctx, sqlite3_stmt *st)
{
    struct db_schema_table *t = ctx;
    struct db_schema_col *c = realloc(t->cols, (t->n_cols + 1) * sizeof *c);
    if (!c)
        return false;
    t->cols = c;
    c = &c[t->n_cols];
    c->name = copy_text(st, 0);
    c->type = copy_text(st, 1);
    c->not_null = sqlite3_column_int(st, 2) != 0;
    t->n_cols++; /* counted before the check: table_free frees both */
    return c->name && c->type;
}

static bool add_fk(void *ctx, sqlite3_stmt *st)
{
    struct db_schema_table *t = ctx;
    struct db_schema_fk *f = realloc(t->fks, (t->n_fks + 1) * sizeof *f);
    if (!f)
        return false;
    t->fks = f;
    f = &f[t->n_fks];
    f->from = copy_text(st, 0);
    f->to = copy_text(st, 1);
    t->n_fks++;
    return f->from && f->to;
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

/* Reads the names of the tables in one read transaction (unless one is
 * open); sqlite_ tables are left out: nothing outside SQLite names them. */
static tp_status load(tp_db *db)
{
    struct db_schema *s = calloc(1, sizeof *s);
    if (!s)
        return TP_ERR_NOMEM;
    db->schema = s;
    bool own;
    tp_status r = db_read_begin(db, &own);
    if (r == TP_OK)
        r = schema_version(db, &s->schema_version);
    sqlite3_stmt *st;
    if (r == TP_OK)
        r = db_stmt(db, "picture.tables",
                    "SELECT name FROM sqlite_schema WHERE type = 'table' "
                    "AND substr(name, 1, 7) <> 'sqlite_' ORDER BY name", &st);
    if (r == TP_OK)
        r = read_rows(db, st, add_table, s);
    r = db_read_end(db, own, r);
    /* Read after the transaction, which is when SQLite takes it in. */
    s->data_version = data_version(db);
    if (r != TP_OK)
        db_schema_forget(db);
    return r;
}

/* The current picture, read again when the schema may have changed. */
static struct db_schema *current(tp_db *db)
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

static struct db_schema_table *find_table(struct db_schema *s,
                                          const char *name)
{
    size_t lo = 0, hi = s->n_tables;
    while (lo < hi) { /* bsearch has no context pointer for the text */
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(name, s->tables[mid].name);
        if (c == 0)
            return &s->tables[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* Reads one part of table t: a pragma per table, which is what costs. */
static tp_status read_part(tp_db *db, struct db_schema_table *t, unsigned part)
{
    sqlite3_stmt *st;
    tp_status r =
        part == PART_COLUMNS
            ? db_stmt(db, "picture.columns",
                      "SELECT name, type, \"notnull\" FROM "
                      "pragma_table_info(?1, 'main') ORDER BY cid", &st)
            : db_stmt(db, "picture.fks",
                      "SELECT \"from\", \"table\" FROM "
                      "pragma_foreign_key_list(?1, 'main') ORDER BY id, seq",
                      &st);
    if (r != TP_OK)
        return r;
    sqlite3_bind_text(st, 1, t->name, -1, SQLITE_STATIC);
    r = read_rows(db, st, part == PART_COLUMNS ? add_column : add_fk, t);
    if (r == TP_OK)
        t->read |= part;
    return r;
}

/* Forgets what was read of one part of t. */
static void drop_part(struct db_schema_table *t, unsigned part)
{
    struct db_schema_table keep = *t;
    if (part == PART_COLUMNS) {
        keep.fks = NULL, keep.n_fks = 0;
        t->cols = NULL, t->n_cols = 0;
    } else {
        keep.cols = NULL, keep.n_cols = 0;
        t->fks = NULL, t->n_fks = 0;
    }
    keep.name = NULL;
    table_free(&keep);
    t->read &= ~part;
}

/* table of the picture s (db->schema or NULL) with part read; NULL when
 * there is no such table. Outside a transaction the pragma's own read is of
 * the picture's schema when the data version has not moved (no commit was
 * seen since the picture was checked); otherwise the part is read again in
 * a transaction whose schema_version is compared with the picture's, which
 * is read again first if it has moved. */
static struct db_schema_table *with_part(tp_db *db, struct db_schema *s,
                                         const char *table, unsigned part)
{
    struct db_schema_table *t = s ? find_table(s, table) : NULL;
    if (!t || (t->read & part))
        return t;
    bool in_tx = sqlite3_get_autocommit(db->conn) == 0;
    tp_status r = read_part(db, t, part);
    if (r == TP_OK && (in_tx || data_version(db) == s->data_version))
        return t;
    drop_part(t, part); /* of another schema, or cut short by an error */
    bool own;
    long long v;
    r = db_read_begin(db, &own);
    if (r == TP_OK)
        r = schema_version(db, &v);
    if (r == TP_OK && v != s->schema_version) {
        db_schema_forget(db);
        r = load(db); /* inside this transaction */
        t = r == TP_OK ? find_table(db->schema, table) : NULL;
    }
    if (r == TP_OK && t && !(t->read & part))
        r = read_part(db, t, part);
    r = db_read_end(db, own, r);
    if (r != TP_OK) {
        db_schema_forget(db);
        return NULL;
    }
    db->schema->data_version = data_version(db);
    return t;
}

/* After a miss: whether the schema changed since the picture was read (a
 * column another process has just added), and then the new picture. A miss
 * is rare (a misspelt screen file), so checking the cookie costs little. */
static struct db_schema *changed(tp_db *db)
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

static const struct db_schema_col *column_in(const struct db_schema_table *t,
                                             const char *column)
{
    for (size_t i = 0; t && i < t->n_cols; i++)
        if (strcmp(t->cols[i].name, column) == 0)
            return &t->cols[i];
    return NULL;
}

static bool refers(const struct db_schema_table *t, const char *column,
                   const char *ref_table)
{
    for (size_t i = 0; t && i < t->n_fks; i++)
        if (strcmp(t->fks[i].from, column) == 0 &&
            strcmp(t->fks[i].to, ref_table) == 0)
            return true;
    return false;
}

bool db_schema_has_table(tp_db *db, const char *table)
{
    if (!db || !valid_name(table))
        return false;
    struct db_schema *s = current(db);
    if (s && find_table(s, table))
        return true;
    return (s = changed(db)) != NULL && find_table(s, table) != NULL;
}

bool db_schema_column(tp_db *db, const char *table, const char *column,
                      db_column_fn fn, void *ctx)
{
    if (!db || !valid_name(table) || !column)
        return false;
    const struct db_schema_col *c =
        column_in(with_part(db, current(db), table, PART_COLUMNS), column);
    if (!c && changed(db))
        c = column_in(with_part(db, db->schema, table, PART_COLUMNS), column);
    if (c && fn)
        fn(ctx, c->name, c->type, c->not_null);
    return c != NULL;
}

bool db_schema_columns(tp_db *db, const char *table, db_column_fn fn,
                       void *ctx)
{
    if (!db || !valid_name(table))
        return false;
    const struct db_schema_table *t =
        with_part(db, current(db), table, PART_COLUMNS);
    if (!t && changed(db))
        t = with_part(db, db->schema, table, PART_COLUMNS);
    if (!t || !fn)
        return t != NULL;
    /* Copied out first: fn may run other queries on this connection, which
     * may read the picture again and free this one. The table's names are
     * copied as one block of "name\0type\0" pairs. */
    size_t n = t->n_cols, len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(t->cols[i].name) + strlen(t->cols[i].type) + 2;
    char *names = malloc(len + 1);
    bool *not_null = malloc(n + 1);
    if (!names || !not_null) {
        free(names);
        free(not_null);
        return false;
    }
    char *p = names;
    for (size_t i = 0; i < n; i++) {
        p = stpcpy(p, t->cols[i].name) + 1;
        p = stpcpy(p, t->cols[i].type) + 1;
        not_null[i] = t->cols[i].not_null;
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
        len += strlen(s->tables[i].name) + 1;
    char *names = malloc(len + 1);
    if (!names)
        return false;
    char *p = names;
    for (size_t i = 0; i < n; i++)
        p = stpcpy(p, s->tables[i].name) + 1;
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
    if (refers(with_part(db, current(db), table, PART_KEYS), column, ref_table))
        return true;
    return changed(db) &&
           refers(with_part(db, db->schema, table, PART_KEYS), column,
                  ref_table);
}
