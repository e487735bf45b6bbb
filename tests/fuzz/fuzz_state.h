/* A scratch directory and database kept for the whole fuzzing process: the
 * CSV and sync-pack targets feed files to the program's real entry points,
 * which take paths and an open database. Opening and migrating a database
 * per input would spend the run in SQLite's schema code, so it is made once
 * and removed at exit (or by fuzz_state_done in the replay test). */
#ifndef TAPIAN_FUZZ_STATE_H
#define TAPIAN_FUZZ_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tapian/db.h"

struct fuzz_state {
    char dir[64];
    char input[128];   /* dir/input: each input is written here */
    char extra[128];   /* dir/extra: rejects file or acknowledgement */
    tp_db *db;
};

/* Makes (first call) and returns the state of one target; name keeps the
 * targets' directories apart. Aborts when the database cannot be made. */
struct fuzz_state *fuzz_state_get(struct fuzz_state *st, const char *name,
                                  bool pilot_data);
/* Writes n bytes to st->input; false when it cannot. */
bool fuzz_state_write(const struct fuzz_state *st, const void *p, size_t n);
/* Closes the database and removes the directory. */
void fuzz_state_done(struct fuzz_state *st);

#endif
