/* Applying a changeset from another site. When a row was changed on both
 * sides, one rule picks the same winner everywhere — higher version, then
 * later updated_at, then the greater row text — and the other version is
 * kept in sync_conflict, so nothing is lost and every site converges. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"

struct fix {
    const struct db_sync_table *t;
    char *id;
    int col;
    sqlite3_value *v;
};

struct kept {
    char *tbl, *id, *local, *incoming;
    bool incoming_won;
};

struct ctx {
    tp_db *db;
    struct db_sync_counts *counts;
    bool fk;
    struct fix *fixes;
    size_t nfix;
    struct kept *kept;
    size_t nkept;
};

static int value_cmp(sqlite3_value *a, sqlite3_value *b)
{
    int ta = a ? sqlite3_value_type(a) : 0, tb = b ? sqlite3_value_type(b) : 0;
    if (ta != tb)
        return ta < tb ? -1 : 1;
    switch (ta) {
    case 0:
    case SQLITE_NULL:
        return 0;
    case SQLITE_INTEGER: {
        sqlite3_int64 x = sqlite3_value_int64(a), y = sqlite3_value_int64(b);
        return x < y ? -1 : x > y;
    }
    case SQLITE_FLOAT: {
        double x = sqlite3_value_double(a), y = sqlite3_value_double(b);
        return x < y ? -1 : x > y;
    }
    default: {
        int na = sqlite3_value_bytes(a), nb = sqlite3_value_bytes(b);
        const void *pa = ta == SQLITE_TEXT ? (const void *)sqlite3_value_text(a)
                                           : sqlite3_value_blob(a);
        const void *pb = tb == SQLITE_TEXT ? (const void *)sqlite3_value_text(b)
                                           : sqlite3_value_blob(b);
        int c = memcmp(pa, pb, (size_t)(na < nb ? na : nb));
        return c ? c : (na < nb ? -1 : na > nb);
    }
    }
}

static void json_value(sqlite3_str *q, sqlite3_value *v)
{
    switch (v ? sqlite3_value_type(v) : SQLITE_NULL) {
    case SQLITE_INTEGER:
        sqlite3_str_appendf(q, "%lld", (long long)sqlite3_value_int64(v));
        return;
    case SQLITE_FLOAT:
        sqlite3_str_appendf(q, "%!.17g", sqlite3_value_double(v));
        return;
    case SQLITE_TEXT: {
        const unsigned char *s = sqlite3_value_text(v);
        sqlite3_str_appendchar(q, 1, '"');
        for (; *s; s++) {
            if (*s == '"' || *s == '\\')
                sqlite3_str_appendf(q, "\\%c", *s);
            else if (*s < 0x20)
                sqlite3_str_appendf(q, "\\u%04x", *s);
            else
                sqlite3_str_appendchar(q, 1, (char)*s);
        }
        sqlite3_str_appendchar(q, 1, '"');
        return;
    }
    case SQLITE_BLOB: {
        const unsigned char *b = sqlite3_value_blob(v);
        sqlite3_str_appendchar(q, 1, '"');
        for (int i = 0; i < sqlite3_value_bytes(v); i++)
            sqlite3_str_appendf(q, "%02x", b[i]);
        sqlite3_str_appendchar(q, 1, '"');
        return;
    }
    default:
        sqlite3_str_appendall(q, "null");
    }
}

static char *row_json(const struct db_sync_table *t, sqlite3_value **row)
{
    sqlite3_str *q = sqlite3_str_new(NULL);
    sqlite3_str_appendchar(q, 1, '{');
    for (int i = 0; i < t->ncol; i++) {
        sqlite3_str_appendf(q, "%s\"%s\":", i ? "," : "", t->cols[i]);
        json_value(q, row[i]);
    }
    sqlite3_str_appendchar(q, 1, '}');
    return sqlite3_str_finish(q);
}

static int id_col(const struct db_sync_table *t)
{
    for (int i = 0; i < t->ncol; i++)
        if (strcmp(t->cols[i], "id") == 0)
            return i;
    return 0;
}

static bool keep(struct ctx *c, const struct db_sync_table *t,
                 sqlite3_value *id, char *local, char *incoming,
                 bool incoming_won)
{
    struct kept *k = realloc(c->kept, (c->nkept + 1) * sizeof *k);
    if (!k)
        return false;
    c->kept = k;
    k += c->nkept++;
    k->tbl = t->name;
    k->id = sqlite3_mprintf("%s", id ? (const char *)sqlite3_value_text(id) : "");
    k->local = local;
    k->incoming = incoming;
    k->incoming_won = incoming_won;
    c->counts->conflicts++;
    return true;
}

/* Local won: the columns only the other side changed are taken from it, as
 * the winning side's REPLACE takes them from here, so both end equal. */
static bool merge_others(struct ctx *c, const struct db_sync_table *t,
                         sqlite3_changeset_iter *it, sqlite3_value **local)
{
    for (int i = 0; i < t->ncol; i++) {
        sqlite3_value *o = NULL, *n = NULL;
        if (sqlite3changeset_new(it, i, &n) != SQLITE_OK || !n)
            continue;
        if (sqlite3changeset_old(it, i, &o) != SQLITE_OK || !o)
            continue;
        if (value_cmp(local[i], o) != 0 || value_cmp(n, o) == 0)
            continue;
        struct fix *f = realloc(c->fixes, (c->nfix + 1) * sizeof *f);
        if (!f)
            return false;
        c->fixes = f;
        f += c->nfix++;
        f->t = t;
        f->id = sqlite3_mprintf("%s", sqlite3_value_text(local[id_col(t)]));
        f->col = i;
        f->v = sqlite3_value_dup(n);
    }
    return true;
}

static int both_changed(struct ctx *c, const struct db_sync_table *t, int op,
                        sqlite3_changeset_iter *it)
{
    sqlite3_value *local[t->ncol], *inc[t->ncol];
    bool same = true;
    for (int i = 0; i < t->ncol; i++) {
        local[i] = inc[i] = NULL;
        sqlite3changeset_conflict(it, i, &local[i]);
        sqlite3changeset_new(it, i, &inc[i]);
        if (!inc[i] && op == SQLITE_UPDATE)
            inc[i] = local[i];
        if (value_cmp(local[i], inc[i]) != 0)
            same = false;
    }
    if (same)
        return SQLITE_CHANGESET_OMIT; /* already here (a re-sent change) */
    char *lj = row_json(t, local), *ij = row_json(t, inc);
    int cmp = 0;
    if (t->version_col >= 0)
        cmp = value_cmp(inc[t->version_col], local[t->version_col]);
    if (!cmp && t->updated_col >= 0)
        cmp = value_cmp(inc[t->updated_col], local[t->updated_col]);
    if (!cmp && lj && ij)
        cmp = strcmp(ij, lj);
    bool incoming_won = cmp > 0;
    if (!lj || !ij || !keep(c, t, local[id_col(t)], lj, ij, incoming_won)) {
        sqlite3_free(lj);
        sqlite3_free(ij);
        return SQLITE_CHANGESET_ABORT;
    }
    if (incoming_won)
        return SQLITE_CHANGESET_REPLACE;
    if (op == SQLITE_UPDATE && !merge_others(c, t, it, local))
        return SQLITE_CHANGESET_ABORT;
    return SQLITE_CHANGESET_OMIT;
}

static int on_conflict(void *vc, int kind, sqlite3_changeset_iter *it)
{
    struct ctx *c = vc;
    const char *tab;
    int ncol, op, indirect;
    if (kind == SQLITE_CHANGESET_FOREIGN_KEY) {
        c->fk = true;
        return SQLITE_CHANGESET_ABORT;
    }
    if (sqlite3changeset_op(it, &tab, &ncol, &op, &indirect) != SQLITE_OK)
        return SQLITE_CHANGESET_ABORT;
    const struct db_sync_table *t = db_sync_table_find(c->db, tab);
    if (!t || t->ncol != ncol)
        return SQLITE_CHANGESET_ABORT;
    switch (kind) {
    case SQLITE_CHANGESET_NOTFOUND:
        c->counts->skipped++; /* a row this site was never sent */
        return SQLITE_CHANGESET_OMIT;
    case SQLITE_CHANGESET_CONSTRAINT: {
        /* e.g. the same person's attendance entered on two kiosks: keep
         * ours, keep theirs in sync_conflict. */
        sqlite3_value *inc[ncol];
        for (int i = 0; i < ncol; i++) {
            inc[i] = NULL;
            sqlite3changeset_new(it, i, &inc[i]);
        }
        char *ij = row_json(t, inc);
        char *lj = sqlite3_mprintf("{}");
        if (!ij || !lj || !keep(c, t, inc[id_col(t)], lj, ij, false)) {
            sqlite3_free(ij);
            sqlite3_free(lj);
            return SQLITE_CHANGESET_ABORT;
        }
        return SQLITE_CHANGESET_OMIT;
    }
    case SQLITE_CHANGESET_DATA:
    case SQLITE_CHANGESET_CONFLICT:
        return both_changed(c, t, op, it);
    default:
        return SQLITE_CHANGESET_ABORT;
    }
}

static tp_status run_fixes(struct ctx *c)
{
    for (size_t i = 0; i < c->nfix; i++) {
        struct fix *f = &c->fixes[i];
        char *sql = sqlite3_mprintf("UPDATE \"%w\" SET \"%w\" = ?1 WHERE id = ?2",
                                    f->t->name, f->t->cols[f->col]);
        sqlite3_stmt *st = NULL;
        int rc = sql ? sqlite3_prepare_v2(c->db->conn, sql, -1, &st, NULL)
                     : SQLITE_NOMEM;
        sqlite3_free(sql);
        if (rc == SQLITE_OK) {
            sqlite3_bind_value(st, 1, f->v);
            sqlite3_bind_text(st, 2, f->id, -1, SQLITE_STATIC);
            rc = sqlite3_step(st);
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return db_fail(c->db, rc, NULL);
    }
    return TP_OK;
}

static tp_status save_kept(struct ctx *c, const char *from)
{
    for (size_t i = 0; i < c->nkept; i++) {
        struct kept *k = &c->kept[i];
        sqlite3_stmt *st;
        tp_status s = db_stmt(c->db, "sync.conflict.add",
                              "INSERT INTO sync_conflict (tbl, row_id, "
                              "from_site, chosen, local_json, incoming_json) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st);
        if (s != TP_OK)
            return s;
        sqlite3_bind_text(st, 1, k->tbl, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, k->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, k->incoming_won ? "incoming" : "local", -1,
                          SQLITE_STATIC);
        sqlite3_bind_text(st, 5, k->local, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, k->incoming, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        db_stmt_done(st);
        if (rc != SQLITE_DONE)
            return db_fail(c->db, rc, NULL);
    }
    return TP_OK;
}

static void ctx_free(struct ctx *c)
{
    for (size_t i = 0; i < c->nfix; i++) {
        sqlite3_free(c->fixes[i].id);
        sqlite3_value_free(c->fixes[i].v);
    }
    for (size_t i = 0; i < c->nkept; i++) {
        sqlite3_free(c->kept[i].id);
        sqlite3_free(c->kept[i].local);
        sqlite3_free(c->kept[i].incoming);
    }
    free(c->fixes);
    free(c->kept);
}

tp_status db_sync_apply(tp_db *db, void *cs, size_t n, const char *from,
                        struct db_sync_counts *counts, bool *fk_skipped)
{
    struct db_sync_counts mine = {0, 0};
    struct ctx c = {.db = db, .counts = &mine};
    *fk_skipped = false;
    int rc = sqlite3changeset_apply_v2(db->conn, (int)n, cs, NULL, on_conflict,
                                       &c, NULL, NULL, 0);
    tp_status s = TP_OK;
    if (rc != SQLITE_OK && c.fk) {
        /* Rolled back by apply's own savepoint: it points at rows that
         * never came here (another tambon's). */
        *fk_skipped = true;
        counts->skipped++;
    } else if (rc != SQLITE_OK) {
        s = db_fail(db, rc, "sync: the changes could not be applied");
    } else {
        s = run_fixes(&c);
        if (s == TP_OK)
            s = save_kept(&c, from);
        counts->conflicts += mine.conflicts;
        counts->skipped += mine.skipped;
    }
    ctx_free(&c);
    return s;
}
