/* Private to src/db: reading and writing sync packs (db_sync_pack.c). */
#ifndef TAPIAN_DB_SYNC_PACK_H
#define TAPIAN_DB_SYNC_PACK_H

#include <stdint.h>

#include "db_internal.h"
#include "tapian/db_sync.h"

#define SYNC_FNV_OFFSET 0xcbf29ce484222325ULL
uint64_t sync_fnv1a(uint64_t h, const void *p, size_t n);

struct sync_peer {
    char id[40];
    bool hub;
    char tambon[40];
    long long acked, received;
};
/* The peer named (or the only one when peer is NULL). */
tp_status sync_peer_get(tp_db *db, const char *peer, struct sync_peer *p);

/* A pack read whole into memory. */
struct pack_reader {
    char *p;
    size_t n, at;
    long long nsites;
    size_t sites_at, entries_at;
};
struct pack_entry {
    long long seq;
    char origin[40];
    void *cs;
    size_t n;
};
/* Checks magic and checksum and reads the header. */
db_sync_refusal sync_pack_parse(struct pack_reader *r, db_sync_pack_info *in);
/* The next changeset; false at the end or when the pack is malformed. */
bool sync_pack_next(struct pack_reader *r, struct pack_entry *e);

/* Checks every change of one changeset against who may change what
 * (db_sync_guard.c) before it is applied; from_hub: the pack's sender is a
 * hub. TP_ERR_PERM with res->denial, table, row_id and author set when a
 * change is refused. */
tp_status db_sync_check(tp_db *db, const void *cs, size_t n, bool from_hub,
                        db_sync_result *res);

#endif
