/* Scratch state of the file-fed fuzz targets (see fuzz_state.h). */
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_state.h"

static int rm1(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(p);
}

void fuzz_state_done(struct fuzz_state *st)
{
    if (st->db)
        db_close(&st->db);
    if (st->dir[0])
        nftw(st->dir, rm1, 16, FTW_DEPTH | FTW_PHYS);
    memset(st, 0, sizeof *st);
}

struct fuzz_state *fuzz_state_get(struct fuzz_state *st, const char *name,
                                  bool pilot_data)
{
    if (st->db)
        return st;
    /* In memory where there is a tmpfs: every import writes a backup. */
    snprintf(st->dir, sizeof st->dir, "/dev/shm/tapian-fuzz-%s-XXXXXX", name);
    if (!mkdtemp(st->dir)) {
        snprintf(st->dir, sizeof st->dir, "/tmp/tapian-fuzz-%s-XXXXXX", name);
        if (!mkdtemp(st->dir))
            abort();
    }
    snprintf(st->input, sizeof st->input, "%s/input", st->dir);
    snprintf(st->extra, sizeof st->extra, "%s/extra", st->dir);
    char path[128];
    snprintf(path, sizeof path, "%s/fuzz.db", st->dir);
    db_open_opts o = {.no_pilot_data = !pilot_data, .user = "fuzz"};
    if (db_open(path, &o, &st->db) != TP_OK)
        abort();
    return st;
}

bool fuzz_state_write(const struct fuzz_state *st, const void *p, size_t n)
{
    FILE *f = fopen(st->input, "wb");
    if (!f)
        return false;
    bool ok = fwrite(p, 1, n, f) == n;
    return fclose(f) == 0 && ok;
}
