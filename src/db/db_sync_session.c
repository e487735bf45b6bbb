/* Recording changes for sync: a session of SQLite's session extension lives
 * as long as the outermost write transaction; at commit its changeset goes
 * into sync_outbox in the same transaction, so a change and its outbox row
 * are committed (or lost) together. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"

/* Flow hub -> every kiosk (docs/SYNC.md); all other record tables are
 * records, routed by the tambon of the site that made them. */
static const char *const reference_tables[] = {
    "place", "agency", "person", "register_format_version", "register",
    "register_column", "app_user", "role_assignment",
};

static bool is_reference(const char *t)
{
    for (size_t i = 0; i < sizeof reference_tables / sizeof *reference_tables;
         i++)
        if (strcmp(reference_tables[i], t) == 0)
            return true;
    return false;
}

/* Tables and columns come from the connection's picture of the schema
 * (db_schema.c), read when the first write or sync operation needs them. */
struct sync_scan {
    tp_db *db;
    struct db_sync_table *ts, *cur;
    size_t n;
    bool nomem;
};

static void add_column(void *ctx, const char *name, const char *decl_type,
                       bool not_null)
{
    struct sync_scan *sc = ctx;
    struct db_sync_table *t = sc->cur;
    (void)decl_type, (void)not_null;
    char **c = sc->nomem ? NULL : realloc(t->cols, (size_t)(t->ncol + 1) * sizeof *c);
    if (!c || !(c[t->ncol] = strdup(name))) {
        if (c)
            t->cols = c;
        sc->nomem = true;
        return;
    }
    t->cols = c;
    if (strcmp(name, "version") == 0)
        t->version_col = t->ncol;
    else if (strcmp(name, "updated_at") == 0)
        t->updated_col = t->ncol;
    t->ncol++;
}

/* Record tables are those with the base columns; `site` is the file's own
 * list of machines and travels in the pack header instead. */
static void add_table(void *ctx, const char *name)
{
    struct sync_scan *sc = ctx;
    if (sc->nomem || strcmp(name, "site") == 0 || strcmp(name, "audit_log") == 0 ||
        !db_schema_column(sc->db, name, "site_id", NULL, NULL) ||
        !db_schema_column(sc->db, name, "version", NULL, NULL))
        return;
    struct db_sync_table *g = realloc(sc->ts, (sc->n + 1) * sizeof *g);
    if (!g) {
        sc->nomem = true;
        return;
    }
    sc->ts = g;
    struct db_sync_table *t = sc->cur = &g[sc->n];
    memset(t, 0, sizeof *t);
    t->version_col = t->updated_col = -1;
    if (!(t->name = strdup(name))) {
        sc->nomem = true;
        return;
    }
    sc->n++;
    t->reference = is_reference(name);
    db_schema_columns(sc->db, name, add_column, sc);
}

/* Read at the first write or sync operation rather than at open: every
 * table's columns are a pragma each, and most runs of the program only
 * read until then. */
tp_status db_sync_tables(tp_db *db)
{
    if (db->sync_tables_read)
        return TP_OK;
    struct sync_scan sc = {.db = db};
    bool ok = db_schema_tables(db, add_table, &sc);
    db->sync_tables = sc.ts;
    db->n_sync_tables = sc.n;
    if (sc.nomem || !ok) {
        db_sync_free(db);
        return sc.nomem ? TP_ERR_NOMEM : TP_ERR_IO;
    }
    db->sync_tables_read = true;
    return TP_OK;
}

tp_status db_sync_init(tp_db *db)
{
    db->sync_ready = true;
    return db_sync_guard_refresh(db);
}

void db_sync_free(tp_db *db)
{
    db_sync_session_stop(db);
    for (size_t i = 0; i < db->n_sync_tables; i++) {
        for (int c = 0; c < db->sync_tables[i].ncol; c++)
            free(db->sync_tables[i].cols[c]);
        free(db->sync_tables[i].cols);
        free(db->sync_tables[i].name);
    }
    free(db->sync_tables);
    db->sync_tables = NULL;
    db->n_sync_tables = 0;
    db->sync_tables_read = false;
}

static const struct db_sync_table *find(tp_db *db, const char *name)
{
    for (size_t i = 0; i < db->n_sync_tables; i++)
        if (strcmp(db->sync_tables[i].name, name) == 0)
            return &db->sync_tables[i];
    return NULL;
}

const struct db_sync_table *db_sync_table_find(tp_db *db, const char *name)
{
    return db_sync_tables(db) == TP_OK ? find(db, name) : NULL;
}

/* Called by the session in the middle of a write: no query here, the
 * tables were read when the session started. */
static int table_filter(void *ctx, const char *table)
{
    return find(ctx, table) != NULL;
}

tp_status db_sync_session_start(tp_db *db)
{
    if (!db->sync_ready || db->sync_session || db->sync_paused)
        return TP_OK;
    tp_status s = db_sync_tables(db);
    if (s != TP_OK)
        return s;
    int rc = sqlite3session_create(db->conn, "main", &db->sync_session);
    if (rc == SQLITE_OK) {
        sqlite3session_table_filter(db->sync_session, table_filter, db);
        rc = sqlite3session_attach(db->sync_session, NULL);
    }
    if (rc != SQLITE_OK) {
        db_sync_session_stop(db);
        return db_fail(db, rc, "sync: cannot start the change session");
    }
    return TP_OK;
}

void db_sync_session_stop(tp_db *db)
{
    if (db->sync_session)
        sqlite3session_delete(db->sync_session);
    db->sync_session = NULL;
}

/* ---- splitting a changeset ------------------------------------------------
 * The changeset format (sqlite.org/sessionintro.html, "changeset format"):
 * per table 'T', varint column count, one PK flag byte per column, the
 * name with its NUL; then records: op, indirect flag, and values (old for
 * DELETE, new for INSERT, old then new for UPDATE). The 3.40 library has no
 * API to drop records, so this walks the bytes to keep direct changes only
 * (trigger-made ones, such as meeting.attendee_count, are made again by
 * the same triggers where the pack is applied) and to split reference
 * tables from records. */

struct buf {
    unsigned char *p;
    size_t n, cap;
};

static bool buf_add(struct buf *b, const void *p, size_t n)
{
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->n + n)
            cap *= 2;
        unsigned char *q = realloc(b->p, cap);
        if (!q)
            return false;
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
    return true;
}

static bool varint(const unsigned char *p, size_t n, size_t *at,
                   unsigned long long *v)
{
    *v = 0;
    for (int i = 0; i < 9; i++) {
        if (*at >= n)
            return false;
        unsigned char c = p[(*at)++];
        if (i == 8) {
            *v = (*v << 8) | c;
            return true;
        }
        *v = (*v << 7) | (c & 0x7f);
        if (!(c & 0x80))
            return true;
    }
    return true;
}

/* Skips ncol values; false when the record runs past the end. */
static bool skip_values(const unsigned char *p, size_t n, size_t *at,
                        unsigned long long ncol)
{
    for (unsigned long long i = 0; i < ncol; i++) {
        if (*at >= n)
            return false;
        unsigned char type = p[(*at)++];
        unsigned long long len = 0;
        if (type == SQLITE_INTEGER || type == SQLITE_FLOAT)
            len = 8;
        else if (type == SQLITE_TEXT || type == SQLITE_BLOB) {
            if (!varint(p, n, at, &len))
                return false;
        } else if (type != 0 && type != SQLITE_NULL)
            return false;
        if (len > n - *at)
            return false;
        *at += (size_t)len;
    }
    return true;
}

/* out[0] gets reference tables, out[1] records. */
static tp_status split(tp_db *db, const unsigned char *p, size_t n,
                       struct buf out[2])
{
    size_t at = 0;
    size_t head = 0, head_len = 0;
    unsigned long long ncol = 0;
    int cls = 1;
    bool head_written[2] = {false, false};
    while (at < n) {
        if (p[at] == 'T') {
            head = at++;
            if (!varint(p, n, &at, &ncol) || ncol > n - at)
                return TP_ERR_CORRUPT;
            at += (size_t)ncol;
            const unsigned char *nul = memchr(p + at, 0, n - at);
            if (!nul)
                return TP_ERR_CORRUPT;
            const struct db_sync_table *t =
                db_sync_table_find(db, (const char *)p + at);
            cls = t && t->reference ? 0 : 1;
            at = (size_t)(nul - p) + 1;
            head_len = at - head;
            head_written[0] = head_written[1] = false;
            continue;
        }
        if (head_len == 0 || n - at < 2)
            return TP_ERR_CORRUPT;
        size_t start = at;
        int op = p[at];
        bool indirect = p[at + 1] != 0;
        at += 2;
        unsigned long long nrec = op == SQLITE_UPDATE ? 2 : 1;
        if (op != SQLITE_INSERT && op != SQLITE_UPDATE && op != SQLITE_DELETE)
            return TP_ERR_CORRUPT;
        if (!skip_values(p, n, &at, ncol * nrec))
            return TP_ERR_CORRUPT;
        if (indirect)
            continue;
        if (!head_written[cls]) {
            if (!buf_add(&out[cls], p + head, head_len))
                return TP_ERR_NOMEM;
            head_written[cls] = true;
        }
        if (!buf_add(&out[cls], p + start, at - start))
            return TP_ERR_NOMEM;
    }
    return TP_OK;
}

static tp_status outbox_add(tp_db *db, const char *origin, const char *cls,
                            const struct buf *b)
{
    if (b->n == 0)
        return TP_OK;
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "sync.outbox.add",
                          "INSERT INTO sync_outbox (origin_site, class, "
                          "changeset) VALUES (?1, ?2, ?3)", &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, origin, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, cls, -1, SQLITE_STATIC);
    sqlite3_bind_blob(st, 3, b->p, (int)b->n, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

tp_status db_sync_capture(tp_db *db, const char *origin)
{
    if (!db->sync_session)
        return TP_OK;
    tp_status s = TP_OK;
    if (!sqlite3session_isempty(db->sync_session)) {
        int n = 0;
        void *p = NULL;
        int rc = sqlite3session_changeset(db->sync_session, &n, &p);
        if (rc != SQLITE_OK)
            return db_fail(db, rc, "sync: cannot read the change session");
        struct buf out[2] = {{0}, {0}};
        s = split(db, p, (size_t)n, out);
        if (s == TP_OK)
            s = outbox_add(db, origin, "ref", &out[0]);
        if (s == TP_OK)
            s = outbox_add(db, origin, "rec", &out[1]);
        free(out[0].p);
        free(out[1].p);
        sqlite3_free(p);
    }
    db_sync_session_stop(db);
    if (s == TP_OK)
        s = db_sync_session_start(db);
    return s;
}
