/* The six-step board's model and drawing, apart from its key handling
 * (six_step_view.c) so that the benchmark can time loading and drawing at
 * province scale without a view stack. */
#ifndef TAPIAN_SIX_STEP_BOARD_H
#define TAPIAN_SIX_STEP_BOARD_H

#include "tapian/db_six_step.h"

typedef enum { SIX_VILLAGE, SIX_TAMBON, SIX_AMPHOE, SIX_PROVINCE } six_level;
#define SIX_LEVELS 4
#define SIX_WAVES 4

struct six_row {
    char id[DB_UUID_LEN];
    char name[160];          /* village: "หมู่ 3 บ้านนา"; area: its name */
    char parent[128];        /* the area above (amphoe of a tambon) */
    int villages;
    db_step_status status[DB_SIX_STEPS];   /* village level */
    char reached_on[DB_SIX_STEPS][11];
    int in_progress[DB_SIX_STEPS];         /* area levels */
    int reached[DB_SIX_STEPS];
};

struct six_board {
    six_level level;
    char tambon_id[DB_UUID_LEN];  /* whose villages the village level shows */
    char tambon[160];
    struct six_row *rows;
    int n, cap;
    db_six_wave waves[SIX_WAVES]; /* .wave points at static text */
    bool waves_fresh;             /* waves do not change with the level */
    int selected, step;           /* cursor: row, step 0..5 */
    int first;                    /* first row shown */
};

/* (Re)reads the rows of the current level, and the waves unless
 * waves_fresh (clear it when the data may have changed). At the village
 * level with no tambon chosen, the first tambon in Thai order is taken. */
tp_status six_board_load(tp_db *db, struct six_board *b);
void six_board_free(struct six_board *b);
/* Draws the board in rows top..top+height-1 of stdscr. */
void six_board_draw(struct six_board *b, int top, int height, int cols);

#endif
