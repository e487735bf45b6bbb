/* db six steps — the six-step board (screen six_steps): each village's
 * status per step, and the same figures rolled up to tambon, amphoe and
 * province and per scale-out wave. The rollups above the village read
 * six_step_tally (migration 004, kept by triggers), so they stay fast on a
 * whole province. Tombstoned rows and places never count.
 *
 * Each function calls fn once per row; strings are valid only during the
 * call. Return false from fn to stop early. */
#ifndef TAPIAN_DB_SIX_STEP_H
#define TAPIAN_DB_SIX_STEP_H

#include <stdbool.h>

#include "tapian/db.h"
#include "tapian/db_rollup.h"

typedef enum {
    DB_STEP_NONE = 0,     /* no live row, or not_started */
    DB_STEP_IN_PROGRESS,
    DB_STEP_REACHED
} db_step_status;

typedef struct {
    const char *id;
    const char *name;      /* may be NULL (a village known by its moo) */
    int moo;               /* 0 when unknown */
    const char *wave;      /* the village's, else its tambon's; may be NULL */
    db_step_status status[DB_SIX_STEPS];     /* [step - 1] */
    const char *reached_on[DB_SIX_STEPS];    /* YYYY-MM-DD or NULL */
} db_six_village;
typedef bool (*db_six_village_fn)(void *ctx, const db_six_village *r);

/* Live villages of a tambon by moo, then Thai order of name. */
tp_status db_six_step_villages(tp_db *db, const char *tambon_id,
                               db_six_village_fn fn, void *ctx);

typedef enum { DB_LEVEL_TAMBON, DB_LEVEL_AMPHOE, DB_LEVEL_PROVINCE } db_level;

typedef struct {
    const char *id;
    const char *name;
    const char *parent;   /* name of the area above, NULL at the top */
    int villages;         /* live villages under it */
    int in_progress[DB_SIX_STEPS];
    int reached[DB_SIX_STEPS];
} db_six_area;
typedef bool (*db_six_area_fn)(void *ctx, const db_six_area *r);

/* Every live area of the level: tambons in the order of db_tambons_page,
 * amphoes and provinces in Thai order. */
tp_status db_six_step_areas(tp_db *db, db_level level, db_six_area_fn fn,
                            void *ctx);

typedef struct {
    const char *wave;     /* pilot, 2549, 2550, 2551 */
    int villages;         /* live villages of the wave */
    int in_progress[DB_SIX_STEPS];
    int reached[DB_SIX_STEPS];
    int all_six;          /* villages that reached all six steps */
} db_six_wave;
typedef bool (*db_six_wave_fn)(void *ctx, const db_six_wave *r);

/* One row per wave, always all four in programme order, zeros included. A
 * village's wave is its own, else its tambon's. */
tp_status db_six_step_waves(tp_db *db, db_six_wave_fn fn, void *ctx);
/* The same rows counted from the six_step table instead of the wave tally
 * (slow at province scale): for checking the tally. */
tp_status db_six_step_waves_recount(tp_db *db, db_six_wave_fn fn, void *ctx);

/* The live six_step row of a village and step: *found false when none. */
tp_status db_six_step_find(tp_db *db, const char *village_id, int step,
                           char id[DB_UUID_LEN], bool *found);

#endif
