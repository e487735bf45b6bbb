/* Fuzz target: taking in a sync pack (`tapian sync import`, `sync watch`).
 * Packs travel on USB sticks and shared folders, so any bytes must be taken
 * whole or refused with nothing changed, never crash the hub.
 * The first byte chooses: bit 0, a valid header (magic, a known sender, this
 * hub, the current schema) is put in front, so the fuzzer's bytes start at
 * the sequence numbers; bit 1, the checksum line is appended, so damaged
 * changesets get past the checksum to SQLite's changeset reader and the
 * apply code; bit 2, an acknowledgement is written. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fuzz_state.h"
#include "tapian/db_sync.h"
/* The pack's checksum function, so that inputs can carry a correct one. */
#include "../../src/db/db_sync_pack.h"

/* The kiosk the hub knows; the seeds in tests/fuzz/corpus/sync were made
 * from a kiosk of ท่าไร่ exporting to a hub. */
#define FUZZ_KIOSK "f0220000-0000-4000-8000-0000000c1051"
#define FUZZ_TAMBON "00000001-0000-4000-8000-000000000011"

static struct fuzz_state sync_state;

void fuzz_sync_done(void)
{
    fuzz_state_done(&sync_state);
}

int fuzz_sync_one(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (!sync_state.db) {
        fuzz_state_get(&sync_state, "sync", true);
        if (db_sync_set_role(sync_state.db, "hub", NULL) != TP_OK ||
            db_sync_add_site(sync_state.db, FUZZ_KIOSK, "kiosk", "kiosk",
                             FUZZ_TAMBON) != TP_OK)
            __builtin_trap();
    }
    unsigned opt = data[0];
    char head[256] = "";
    if (opt & 1)
        snprintf(head, sizeof head,
                 "TAPIAN-SYNC-PACK 1\nfrom %s\nto %s\nschema %d\n", FUZZ_KIOSK,
                 db_site_id(sync_state.db), db_schema_latest());
    size_t hn = strlen(head), n = hn + size - 1;
    char *buf = malloc(n + 32);
    if (!buf)
        return 0;
    memcpy(buf, head, hn);
    memcpy(buf + hn, data + 1, size - 1);
    if (opt & 2)
        n += (size_t)snprintf(buf + n, 32, "fnv1a64 %016" PRIx64 "\n",
                              sync_fnv1a(SYNC_FNV_OFFSET, buf, n));
    if (!fuzz_state_write(&sync_state, buf, n))
        __builtin_trap();
    free(buf);

    db_sync_result r;
    tp_status st = db_sync_import(sync_state.db, sync_state.input,
                                  opt & 4 ? sync_state.extra : NULL, &r);
    /* taken whole, or refused with a reason */
    if ((st == TP_OK) != (r.refusal == SYNC_ACCEPTED))
        __builtin_trap();
    return 0;
}

#ifndef FUZZ_REPLAY
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_sync_one(data, size);
}
#endif
