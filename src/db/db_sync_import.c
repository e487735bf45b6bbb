/* Taking in a pack: every check before anything is written, then the whole
 * pack in one transaction. Changes already applied (by sequence number) are
 * skipped, so the same pack twice changes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db_sync_pack.h"

const char *db_site_id(const tp_db *db)
{
    return db->site_id;
}

static tp_status run(tp_db *db, const char *key, const char *sql,
                     const char *a, const char *b, const char *c,
                     const char *d)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, key, sql, &st);
    if (s != TP_OK)
        return s;
    const char *v[] = {a, b, c, d};
    for (int i = 0; i < 4; i++)
        sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

tp_status db_sync_set_role(tp_db *db, const char *role, const char *tambon_id)
{
    if (!role || (strcmp(role, "hub") != 0 && strcmp(role, "kiosk") != 0))
        return TP_ERR_INVALID;
    tp_status s = db_begin(db);
    if (s != TP_OK)
        return s;
    s = run(db, "sync.role.set",
            "UPDATE setting SET value = CASE key WHEN 'sync_role' THEN ?1 "
            "ELSE ?2 END WHERE key IN ('sync_role', 'sync_tambon')",
            role, tambon_id, NULL, NULL);
    if (s != TP_OK) {
        db_rollback(db);
        return s;
    }
    s = db_commit(db);
    return s == TP_OK ? db_sync_guard_refresh(db) : s;
}

tp_status db_sync_add_site(tp_db *db, const char *site_id, const char *name,
                           const char *role, const char *tambon_id)
{
    if (!site_id || strlen(site_id) != 36 || !name || strpbrk(name, "\r\n") ||
        strcmp(site_id, db->site_id) == 0 ||
        (role && strcmp(role, "hub") != 0 && strcmp(role, "kiosk") != 0)) {
        db_set_error(db, "add-site: a 36-character site id (not this "
                         "site's), a one-line name, role hub or kiosk");
        return TP_ERR_INVALID;
    }
    tp_status s = db_begin(db);
    if (s != TP_OK)
        return s;
    s = run(db, "sync.site.add",
            "INSERT INTO site (id, name) VALUES (?1, ?2) "
            "ON CONFLICT (id) DO UPDATE SET name = ?2", site_id, name, NULL,
            NULL);
    if (s == TP_OK)
        s = run(db, "sync.peer.add",
                "INSERT INTO sync_peer (site_id, name, role, tambon_id) "
                "VALUES (?1, ?2, coalesce(?3, 'kiosk'), ?4) "
                "ON CONFLICT (site_id) DO UPDATE SET name = ?2, "
                "role = coalesce(?3, role), tambon_id = ?4",
                site_id, name, role, tambon_id);
    if (s != TP_OK) {
        db_rollback(db);
        return s;
    }
    s = db_commit(db);
    return s == TP_OK ? db_sync_guard_refresh(db) : s;
}

static tp_status set_num(tp_db *db, const char *key, const char *sql,
                         long long n, const char *peer)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, key, sql, &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_int64(st, 1, n);
    sqlite3_bind_text(st, 2, peer, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

/* The sender's acknowledgement of our changes; never beyond what we have
 * made (a file from a restored backup must not skip changes). */
static tp_status take_ack(tp_db *db, const char *peer, long long ack)
{
    return set_num(db, "sync.peer.acked",
                   "UPDATE sync_peer SET acked = max(acked, min(?1, "
                   "(SELECT coalesce(max(seq), 0) FROM sync_outbox))) "
                   "WHERE site_id = ?2", ack, peer);
}

static tp_status add_sites(tp_db *db, struct pack_reader *r)
{
    size_t at = r->sites_at;
    for (long long i = 0; i < r->nsites; i++) {
        char *nl = memchr(r->p + at, '\n', r->n - at);
        char *sp = memchr(r->p + at, ' ', r->n - at);
        if (!nl || !sp || sp > nl || sp - (r->p + at) != 36)
            return TP_ERR_CORRUPT;
        *sp = *nl = '\0';
        tp_status s = run(db, "sync.site.known",
                          "INSERT INTO site (id, name) VALUES (?1, ?2) "
                          "ON CONFLICT (id) DO NOTHING", r->p + at, sp + 1,
                          NULL, NULL);
        *sp = ' ';
        *nl = '\n';
        if (s != TP_OK)
            return s;
        at = (size_t)(nl - r->p) + 1;
    }
    return TP_OK;
}

static tp_status apply_all(tp_db *db, struct pack_reader *r,
                           const struct sync_peer *peer, db_sync_result *res)
{
    struct db_sync_counts counts = {0, 0};
    tp_status s = add_sites(db, r);
    r->at = r->entries_at;
    for (size_t i = 0; s == TP_OK && i < res->pack.entries; i++) {
        struct pack_entry e;
        if (!sync_pack_next(r, &e)) {
            res->refusal = SYNC_BAD_FORMAT;
            return TP_ERR_CORRUPT;
        }
        if (e.seq <= peer->received) {
            res->duplicates++;
            continue;
        }
        bool fk = false;
        s = db_sync_check(db, e.cs, e.n, peer->hub, res);
        if (s == TP_ERR_PERM) {
            res->refusal = SYNC_NOT_PERMITTED;
            return s;
        }
        if (s == TP_OK)
            s = db_sync_apply(db, e.cs, e.n, res->pack.from, &counts, &fk);
        /* What changed here travels on as made by its origin. */
        if (s == TP_OK)
            s = db_sync_capture(db, e.origin);
        if (s == TP_OK && !fk)
            res->applied++;
    }
    if (s != TP_OK) {
        res->refusal = SYNC_NOT_APPLIED;
        return s;
    }
    res->conflicts = counts.conflicts;
    res->skipped = counts.skipped;
    s = set_num(db, "sync.peer.received",
                "UPDATE sync_peer SET received = max(received, ?1) "
                "WHERE site_id = ?2", res->pack.last, peer->id);
    if (s == TP_OK)
        s = take_ack(db, peer->id, res->pack.ack);
    return s;
}

static db_sync_refusal check(tp_db *db, const db_sync_pack_info *in,
                             struct sync_peer *peer)
{
    if (in->schema > db_migration_count())
        return SYNC_NEWER_SCHEMA;
    if (in->schema < db_migration_count())
        return SYNC_OLDER_SCHEMA;
    if (strcmp(in->to, db->site_id) != 0)
        return SYNC_NOT_FOR_US;
    if (sync_peer_get(db, in->from, peer) != TP_OK)
        return SYNC_UNKNOWN_SITE;
    if (!in->is_ack && in->first > peer->received + 1)
        return SYNC_GAP;
    return SYNC_ACCEPTED;
}

static tp_status import_buf(tp_db *db, struct pack_reader *r,
                            db_sync_result *res)
{
    res->refusal = sync_pack_parse(r, &res->pack);
    struct sync_peer peer;
    if (res->refusal == SYNC_ACCEPTED)
        res->refusal = check(db, &res->pack, &peer);
    if (res->refusal != SYNC_ACCEPTED) {
        db_set_error(db, "sync pack refused (%d)", (int)res->refusal);
        return res->refusal == SYNC_NEWER_SCHEMA ? TP_ERR_NEWER
                                                 : TP_ERR_INVALID;
    }
    /* A pack touches thousands of pages in one transaction: with the
     * everyday 512 KiB cache SQLite wrote pages out to the WAL before the
     * commit and read them back (10,000 attendance rows: 0.8–1.1 s CPU
     * with it, 0.5–0.7 s with 8 MiB; 10,000 meetings, about 12 MB of
     * pages with their indexes and search rows, need 16). The cache
     * shrinks back afterwards. */
    db_exec(db, "PRAGMA cache_size = -" DB_BATCH_CACHE_KIB);
    tp_status s = db_begin(db);
    if (s == TP_OK) {
        s = res->pack.is_ack ? take_ack(db, peer.id, res->pack.ack)
                             : apply_all(db, r, &peer, res);
        if (s != TP_OK) {
            if (res->refusal == SYNC_ACCEPTED)
                res->refusal = SYNC_NOT_APPLIED;
            db_rollback(db);
        } else
            s = db_commit(db);
    }
    db_exec(db, "PRAGMA cache_size = -" DB_CACHE_KIB);
    return s;
}

/* What was there before packs are applied is kept as a rotating backup,
 * once per round: before the first pack a connection takes (one `sync
 * import`), and again after db_sync_new_round (`sync watch`: a turn that
 * finds packs, at most once an hour).
 * One before every pack would copy a province hub of over a gigabyte 165
 * times for one round of tambon packs, and only the newest 14 are kept. */
static tp_status backup_before(tp_db *db)
{
    if (db->sync_backup_at)
        return TP_OK;
    tp_status s = db_backup_rotating(db, "sync", NULL);
    if (s == TP_OK)
        db->sync_backup_at = (long long)time(NULL);
    return s;
}

void db_sync_new_round(tp_db *db, long min_age)
{
    long long now = (long long)time(NULL);
    if (!db->sync_backup_at || now - db->sync_backup_at >= min_age ||
        now < db->sync_backup_at) /* the clock went back */
        db->sync_backup_at = 0;
}

tp_status db_sync_import(tp_db *db, const char *path, const char *ack_path,
                         db_sync_result *res)
{
    memset(res, 0, sizeof *res);
    FILE *f = fopen(path, "rb");
    if (!f) {
        db_set_error(db, "%s: cannot be read", path);
        res->refusal = SYNC_BAD_FORMAT;
        return TP_ERR_IO;
    }
    struct pack_reader r = {0};
    size_t cap = 0;
    for (;;) {
        if (r.n == cap) {
            cap = cap ? cap * 2 : 1 << 16;
            char *p = realloc(r.p, cap);
            if (!p) {
                free(r.p);
                fclose(f);
                return TP_ERR_NOMEM;
            }
            r.p = p;
        }
        size_t got = fread(r.p + r.n, 1, cap - r.n, f);
        if (got == 0)
            break;
        r.n += got;
    }
    bool err = ferror(f);
    fclose(f);
    tp_status s = err ? TP_ERR_IO : backup_before(db);
    if (s == TP_OK)
        s = import_buf(db, &r, res);
    free(r.p);
    if (s == TP_OK && ack_path && !res->pack.is_ack)
        s = db_sync_write_ack(db, res->pack.from, ack_path);
    return s;
}

tp_status db_sync_peers(tp_db *db, db_query_fn fn, void *ctx)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "sync.peers",
                          "SELECT site_id, name, role, tambon_id, acked, "
                          "received FROM sync_peer ORDER BY site_id", &st);
    if (s != TP_OK)
        return s;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *cols[6];
        for (int i = 0; i < 6; i++)
            cols[i] = (const char *)sqlite3_column_text(st, i);
        if (!fn(ctx, 6, cols)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}
