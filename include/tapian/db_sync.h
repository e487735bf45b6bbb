/* Sync between kiosks and the hub with packs of SQLite changesets
 * (docs/SYNC.md). Every write transaction leaves its changes in an outbox;
 * a pack to a peer carries what that peer has not acknowledged. */
#ifndef TAPIAN_DB_SYNC_H
#define TAPIAN_DB_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "tapian/db.h"

/* Why a pack was refused (nothing was changed). */
typedef enum {
    SYNC_ACCEPTED,
    SYNC_BAD_FORMAT,    /* not a pack, or cut short */
    SYNC_BAD_CHECKSUM,  /* damaged on the way */
    SYNC_NEWER_SCHEMA,  /* made by a newer tapian: update this one */
    SYNC_OLDER_SCHEMA,  /* made by an older tapian: update the sender */
    SYNC_UNKNOWN_SITE,  /* the sender was never introduced (add-site) */
    SYNC_NOT_FOR_US,    /* addressed to another site */
    SYNC_GAP,           /* changes before this pack are missing */
    SYNC_NOT_APPLIED,   /* the changes could not be applied */
    SYNC_NOT_PERMITTED, /* a change its author could not make (see denial) */
} db_sync_refusal;

/* Why a change in a pack was refused (docs/SYNC.md, "Who may change
 * what"); the whole pack is refused with it. */
typedef enum {
    SYNC_DENY_NONE,
    SYNC_DENY_TABLE,     /* not a table that travels in packs */
    SYNC_DENY_DELETE,    /* rows are tombstoned, never deleted */
    SYNC_DENY_REFERENCE, /* reference data changed at a kiosk */
    SYNC_DENY_ROLE,      /* the author may not write the table */
    SYNC_DENY_PIN,       /* a PIN set at a kiosk for someone else or an admin */
} db_sync_denial;

typedef struct {
    char from[40], to[40];
    int schema;
    long long first, last; /* sender's outbox sequence numbers */
    long long ack;      /* the sender has applied our changes up to this */
    size_t entries;     /* changesets in the pack */
    bool is_ack;        /* an acknowledgement file, not a pack */
} db_sync_pack_info;

typedef struct {
    db_sync_refusal refusal;
    db_sync_pack_info pack;
    size_t applied;     /* changesets applied */
    size_t duplicates;  /* already applied before (skipped) */
    size_t conflicts;   /* rows changed on both sides (kept in sync_conflict) */
    size_t skipped;     /* changes to rows this site does not hold */
    /* SYNC_NOT_PERMITTED: the first change refused, its table, row and
     * author (updated_by) */
    db_sync_denial denial;
    char table[64], row_id[40], author[64];
} db_sync_result;

/* Packs taken from now on are a new round — the first makes a backup of
 * the file before it is applied (one per round, not one per pack) —
 * unless this connection made its last sync backup less than min_age
 * seconds ago (0: always a new round). */
void db_sync_new_round(tp_db *db, long min_age);
/* This file's site id. */
const char *db_site_id(const tp_db *db);
/* role: "hub" or "kiosk"; tambon_id: the kiosk's tambon (place.id) or NULL. */
tp_status db_sync_set_role(tp_db *db, const char *role, const char *tambon_id);
/* Introduces a peer (and records it in `site`). role as above. */
tp_status db_sync_add_site(tp_db *db, const char *site_id, const char *name,
                           const char *role, const char *tambon_id);

/* The peers: site id, name, role, tambon, acked, received. */
tp_status db_sync_peers(tp_db *db, db_query_fn fn, void *ctx);

/* Writes to path every change peer has not acknowledged and is meant to
 * receive (routing in docs/SYNC.md). peer NULL = the only peer. The file is
 * written beside path and renamed into place. */
tp_status db_sync_export(tp_db *db, const char *peer, const char *path,
                         db_sync_pack_info *info);
/* Applies a pack (or an acknowledgement file) in one transaction. On
 * refusal the status is not TP_OK and res->refusal says why. When ack_path
 * is not NULL an acknowledgement for the sender is written there. */
tp_status db_sync_import(tp_db *db, const char *path, const char *ack_path,
                         db_sync_result *res);
/* An acknowledgement file for peer: what we have applied of its changes. */
tp_status db_sync_write_ack(tp_db *db, const char *peer, const char *path);

/* Conflicts, oldest first: id, at, table, row id, from site, chosen,
 * local JSON, incoming JSON, resolved_at. open_only leaves out resolved. */
tp_status db_sync_conflicts(tp_db *db, bool open_only, db_query_fn fn,
                            void *ctx);
/* Closes a conflict; take_other applies the version not chosen as a new
 * change (through db_update, audited, and synced like any edit). */
tp_status db_sync_resolve(tp_db *db, long long conflict_id, bool take_other);

/* One conflict as the conflicts screen shows it. "here" is this site's
 * version, "other" the one that came in the pack; chosen says which of the
 * two the record holds now. Texts may be NULL. */
typedef struct {
    long long id;
    const char *found_at;    /* when the pack brought it (ISO, UTC) */
    const char *table, *row_id;
    /* site names: here NULL while this file has the schema's 'local';
     * the other's id when it has none */
    const char *here_site, *other_site;
    bool here_chosen;
    bool clash;              /* a unique rule: "here" is an other row */
    const char *here_by, *here_at, *other_by, *other_at; /* updated_by/_at */
    const char *resolved_at, *resolved_by;
} db_sync_conflict;
typedef bool (*db_sync_conflict_fn)(void *ctx, const db_sync_conflict *c);
/* Conflicts, oldest first; open_only leaves out resolved ones. fn returns
 * false to stop. */
tp_status db_sync_conflict_list(tp_db *db, bool open_only,
                                db_sync_conflict_fn fn, void *ctx);
/* The columns of conflict id's two versions in table order, values as
 * text (NULL for null); fn returns false to stop. */
typedef bool (*db_sync_field_fn)(void *ctx, const char *column,
                                 const char *here, const char *other);
tp_status db_sync_conflict_fields(tp_db *db, long long id,
                                  db_sync_field_fn fn, void *ctx);

/* Every record table's rows as lines "table|json", in a fixed order: for
 * comparing sites in tests. */
tp_status db_sync_dump(tp_db *db, db_report_fn fn, void *ctx);

#endif
