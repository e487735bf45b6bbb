/* Sync packs: a text header, the changesets, and an FNV-1a 64-bit checksum
 * of everything before it. The checksum guards against a stick pulled out
 * mid-copy or a damaged file, not against an attacker (a pack is only taken
 * from an introduced site); FNV-1a is a dozen lines, needs no library and
 * hashes 10,000 rows' worth in milliseconds. */
#include <errno.h>
#include <stdarg.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_internal.h"
#include "db_sync_pack.h"

static const char PACK_MAGIC[] = "TAPIAN-SYNC-PACK 1\n";
static const char ACK_MAGIC[] = "TAPIAN-SYNC-ACK 1\n";
#define SUM_LINE_LEN 25 /* "fnv1a64 " + 16 hex + "\n" */

uint64_t sync_fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

struct out {
    FILE *f;
    uint64_t h;
    bool ok;
};

static void put(struct out *o, const void *p, size_t n)
{
    o->h = sync_fnv1a(o->h, p, n);
    if (fwrite(p, 1, n, o->f) != n)
        o->ok = false;
}

static void putf(struct out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void putf(struct out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = sqlite3_vmprintf(fmt, ap);
    va_end(ap);
    if (!s) {
        o->ok = false;
        return;
    }
    put(o, s, strlen(s));
    sqlite3_free(s);
}

static tp_status out_open(struct out *o, const char *tmp)
{
    o->f = fopen(tmp, "wb");
    o->h = SYNC_FNV_OFFSET;
    o->ok = o->f != NULL;
    return o->ok ? TP_OK : TP_ERR_IO;
}

/* Checksum line, fsync, rename into place: a reader never sees half. */
static tp_status out_close(tp_db *db, struct out *o, const char *tmp,
                           const char *path)
{
    if (fprintf(o->f, "fnv1a64 %016" PRIx64 "\n", o->h) < 0)
        o->ok = false;
    if (fflush(o->f) != 0 || fsync(fileno(o->f)) != 0)
        o->ok = false;
    if (fclose(o->f) != 0)
        o->ok = false;
    if (o->ok && rename(tmp, path) != 0)
        o->ok = false;
    if (!o->ok) {
        db_set_error(db, "%s: %s", path, strerror(errno));
        remove(tmp);
        return TP_ERR_IO;
    }
    return TP_OK;
}

static tp_status peer_pick(tp_db *db, const char *peer, struct sync_peer *p)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "sync.peer",
                          "SELECT site_id, role, tambon_id, acked, received "
                          "FROM sync_peer WHERE ?1 IS NULL OR site_id = ?1",
                          &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_text(st, 1, peer, -1, SQLITE_STATIC);
    int found = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (found++)
            continue;
        snprintf(p->id, sizeof p->id, "%s", sqlite3_column_text(st, 0));
        p->hub = strcmp((const char *)sqlite3_column_text(st, 1), "hub") == 0;
        snprintf(p->tambon, sizeof p->tambon, "%s",
                 sqlite3_column_type(st, 2) == SQLITE_NULL
                     ? "" : (const char *)sqlite3_column_text(st, 2));
        p->acked = sqlite3_column_int64(st, 3);
        p->received = sqlite3_column_int64(st, 4);
    }
    db_stmt_done(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, rc, NULL);
    if (found != 1) {
        db_set_error(db, found ? "several peers: name one" : "no such peer");
        return found ? TP_ERR_INVALID : TP_ERR_NOTFOUND;
    }
    return TP_OK;
}

tp_status sync_peer_get(tp_db *db, const char *peer, struct sync_peer *p)
{
    return peer_pick(db, peer, p);
}

static bool i_am_hub(tp_db *db)
{
    long long hub = 0;
    db_query_int(db, "sync.role",
                 "SELECT count(*) FROM setting WHERE key = 'sync_role' "
                 "AND value = 'hub'", NULL, &hub);
    return hub > 0;
}

static void put_sites(tp_db *db, struct out *o)
{
    sqlite3_stmt *st;
    long long n = 0;
    db_query_int(db, "sync.sites.n", "SELECT count(*) FROM site", NULL, &n);
    putf(o, "sites %lld\n", n);
    if (db_stmt(db, "sync.sites", "SELECT id, name FROM site ORDER BY id",
                &st) != TP_OK) {
        o->ok = false;
        return;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
        /* Names are one line: add-site refuses line breaks. */
        putf(o, "%s %s\n", sqlite3_column_text(st, 0),
             sqlite3_column_text(st, 1));
        n--;
    }
    db_stmt_done(st);
    if (n != 0)
        o->ok = false;
}

/* Routing (docs/SYNC.md): never back to the site that made a change; from
 * the hub to a kiosk, reference data always, records only when made on the
 * hub or by a site of the kiosk's tambon. */
static const char export_sql[] =
    "SELECT o.seq, o.origin_site, o.class, o.changeset FROM sync_outbox o "
    "WHERE o.seq > ?1 AND o.seq <= ?6 AND o.origin_site != ?2 AND (?3 = 0 "
    "OR o.class = 'ref' OR o.origin_site = ?4 OR (SELECT p.tambon_id FROM "
    "sync_peer p WHERE p.site_id = o.origin_site) = ?5) ORDER BY o.seq";

static tp_status count_export(tp_db *db, const struct sync_peer *p, bool route,
                              long long last, long long *n)
{
    sqlite3_stmt *st;
    tp_status s = db_stmt(db, "sync.export", export_sql, &st);
    if (s != TP_OK)
        return s;
    sqlite3_bind_int64(st, 1, p->acked);
    sqlite3_bind_text(st, 2, p->id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, route);
    sqlite3_bind_text(st, 4, db->site_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, p->tambon, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 6, last);
    *n = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        ++*n;
    db_stmt_done(st);
    return rc == SQLITE_DONE ? TP_OK : db_fail(db, rc, NULL);
}

tp_status db_sync_export(tp_db *db, const char *peer, const char *path,
                         db_sync_pack_info *info)
{
    struct sync_peer p;
    tp_status s = peer_pick(db, peer, &p);
    if (s != TP_OK)
        return s;
    /* One read transaction, so the count and the rows agree. */
    s = db_exec(db, "BEGIN");
    if (s != TP_OK)
        return s;
    long long last = 0, n = 0;
    bool route = i_am_hub(db) && !p.hub;
    s = db_query_int(db, "sync.last",
                     "SELECT coalesce(max(seq), 0) FROM sync_outbox", NULL,
                     &last);
    if (s == TP_OK)
        s = count_export(db, &p, route, last, &n);
    char *tmp = sqlite3_mprintf("%s.part", path);
    struct out o = {0};
    if (s == TP_OK)
        s = tmp ? out_open(&o, tmp) : TP_ERR_NOMEM;
    if (s != TP_OK) {
        sqlite3_free(tmp);
        db_exec(db, "ROLLBACK");
        return s;
    }
    put(&o, PACK_MAGIC, strlen(PACK_MAGIC));
    putf(&o, "from %s\nto %s\nschema %d\nfirst %lld\nlast %lld\nack %lld\n",
         db->site_id, p.id, db_migration_count(), p.acked + 1, last,
         p.received);
    put_sites(db, &o);
    putf(&o, "entries %lld\n", n);
    sqlite3_stmt *st;
    s = db_stmt(db, "sync.export", export_sql, &st);
    if (s == TP_OK) {
        sqlite3_bind_int64(st, 1, p.acked);
        sqlite3_bind_text(st, 2, p.id, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, route);
        sqlite3_bind_text(st, 4, db->site_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, p.tambon, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 6, last);
        while (sqlite3_step(st) == SQLITE_ROW) {
            int len = sqlite3_column_bytes(st, 3);
            putf(&o, "%lld %s %s %d\n", sqlite3_column_int64(st, 0),
                 sqlite3_column_text(st, 1), sqlite3_column_text(st, 2), len);
            put(&o, sqlite3_column_blob(st, 3), (size_t)len);
            put(&o, "\n", 1);
        }
        db_stmt_done(st);
    } else
        o.ok = false;
    db_exec(db, "ROLLBACK");
    s = out_close(db, &o, tmp, path);
    sqlite3_free(tmp);
    if (s == TP_OK && info) {
        memset(info, 0, sizeof *info);
        snprintf(info->from, sizeof info->from, "%s", db->site_id);
        snprintf(info->to, sizeof info->to, "%s", p.id);
        info->schema = db_migration_count();
        info->first = p.acked + 1;
        info->last = last;
        info->ack = p.received;
        info->entries = (size_t)n;
    }
    return s;
}

tp_status db_sync_write_ack(tp_db *db, const char *peer, const char *path)
{
    struct sync_peer p;
    tp_status s = peer_pick(db, peer, &p);
    if (s != TP_OK)
        return s;
    char *tmp = sqlite3_mprintf("%s.part", path);
    struct out o = {0};
    s = tmp ? out_open(&o, tmp) : TP_ERR_NOMEM;
    if (s == TP_OK) {
        put(&o, ACK_MAGIC, strlen(ACK_MAGIC));
        putf(&o, "from %s\nto %s\nschema %d\nack %lld\n", db->site_id, p.id,
             db_migration_count(), p.received);
        s = out_close(db, &o, tmp, path);
    }
    sqlite3_free(tmp);
    return s;
}

/* ---- reading ------------------------------------------------------------ */

static bool line(struct pack_reader *r, const char *key, char *val, size_t cap)
{
    size_t klen = strlen(key);
    const char *nl = memchr(r->p + r->at, '\n', r->n - r->at);
    if (!nl || (size_t)(nl - (r->p + r->at)) < klen + 1 ||
        memcmp(r->p + r->at, key, klen) != 0 || r->p[r->at + klen] != ' ')
        return false;
    size_t vlen = (size_t)(nl - (r->p + r->at)) - klen - 1;
    if (vlen >= cap)
        return false;
    memcpy(val, r->p + r->at + klen + 1, vlen);
    val[vlen] = '\0';
    r->at = (size_t)(nl - r->p) + 1;
    return true;
}

static bool line_num(struct pack_reader *r, const char *key, long long *v)
{
    char buf[32], *end;
    if (!line(r, key, buf, sizeof buf))
        return false;
    errno = 0;
    *v = strtoll(buf, &end, 10);
    return !errno && *end == '\0' && end != buf && *v >= 0;
}

db_sync_refusal sync_pack_parse(struct pack_reader *r, db_sync_pack_info *in)
{
    memset(in, 0, sizeof *in);
    size_t ml = strlen(PACK_MAGIC);
    if (r->n >= ml && memcmp(r->p, ACK_MAGIC, strlen(ACK_MAGIC)) == 0) {
        in->is_ack = true;
        ml = strlen(ACK_MAGIC);
    } else if (r->n < ml || memcmp(r->p, PACK_MAGIC, ml) != 0)
        return SYNC_BAD_FORMAT;
    if (r->n < ml + SUM_LINE_LEN ||
        memcmp(r->p + r->n - SUM_LINE_LEN, "fnv1a64 ", 8) != 0 ||
        r->p[r->n - 1] != '\n')
        return SYNC_BAD_FORMAT; /* cut short: the checksum line is missing */
    char want[17];
    snprintf(want, sizeof want, "%016" PRIx64,
             sync_fnv1a(SYNC_FNV_OFFSET, r->p, r->n - SUM_LINE_LEN));
    if (memcmp(r->p + r->n - SUM_LINE_LEN + 8, want, 16) != 0)
        return SYNC_BAD_CHECKSUM;
    r->n -= SUM_LINE_LEN;
    r->at = ml;
    long long schema;
    if (!line(r, "from", in->from, sizeof in->from) ||
        !line(r, "to", in->to, sizeof in->to) ||
        !line_num(r, "schema", &schema))
        return SYNC_BAD_FORMAT;
    in->schema = (int)schema;
    if (in->is_ack)
        return line_num(r, "ack", &in->ack) ? SYNC_ACCEPTED : SYNC_BAD_FORMAT;
    long long entries;
    if (!line_num(r, "first", &in->first) || !line_num(r, "last", &in->last) ||
        !line_num(r, "ack", &in->ack) || !line_num(r, "sites", &r->nsites))
        return SYNC_BAD_FORMAT;
    r->sites_at = r->at;
    for (long long i = 0; i < r->nsites; i++) {
        const char *nl = memchr(r->p + r->at, '\n', r->n - r->at);
        if (!nl)
            return SYNC_BAD_FORMAT;
        r->at = (size_t)(nl - r->p) + 1;
    }
    if (!line_num(r, "entries", &entries))
        return SYNC_BAD_FORMAT;
    in->entries = (size_t)entries;
    r->entries_at = r->at;
    return SYNC_ACCEPTED;
}

bool sync_pack_next(struct pack_reader *r, struct pack_entry *e)
{
    const char *nl = memchr(r->p + r->at, '\n', r->n - r->at);
    if (!nl || nl - (r->p + r->at) > 120)
        return false;
    char head[128], cls[8];
    memcpy(head, r->p + r->at, (size_t)(nl - (r->p + r->at)));
    head[nl - (r->p + r->at)] = '\0';
    long long len;
    if (sscanf(head, "%lld %39s %7s %lld", &e->seq, e->origin, cls, &len) != 4
        || len < 0 || (strcmp(cls, "ref") != 0 && strcmp(cls, "rec") != 0))
        return false;
    size_t at = (size_t)(nl - r->p) + 1;
    if ((size_t)len + 1 > r->n - at || r->p[at + (size_t)len] != '\n')
        return false;
    e->cs = r->p + at;
    e->n = (size_t)len;
    r->at = at + (size_t)len + 1;
    return true;
}
