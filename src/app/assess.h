/* The self-assessment in memory for its view: competences across, groups
 * or tambons down, the newest level now and target of each cell. */
#ifndef TAPIAN_APP_ASSESS_H
#define TAPIAN_APP_ASSESS_H

#include <stdbool.h>

#include "tapian/db.h"

#define ASSESS_MAX_COMP 16
#define ASSESS_MAX_SUBJ 256

typedef struct {
    char name[160];
    bool is_tambon;
    int cur[ASSESS_MAX_COMP], tgt[ASSESS_MAX_COMP]; /* 0 = not assessed */
    char *why[ASSESS_MAX_COMP];                     /* owned, may be NULL */
} assess_subject;

typedef struct {
    char comp[ASSESS_MAX_COMP][160];
    char comp_id[ASSESS_MAX_COMP][40];
    int n_comp;
    assess_subject *subj;
    int n_subj;
    tp_status status;
} assess_data;

tp_status assess_load(tp_db *db, assess_data *d);
void assess_free(assess_data *d);

/* The river diagram: one line per subject across the competences, level 5
 * at the top, drawn with box characters (ASCII on vt100/linux), the
 * selected subject last and in bold, its letter at each point. */
void assess_draw_river(const assess_data *d, int selected, int top, int height,
                       int cols);

#endif
