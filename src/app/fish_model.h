/* The fish of one finance group as the fish view holds it, and its drawing
 * (fish_draw.c): tail, body and head side by side, the fish swimming
 * towards its goal. */
#ifndef TAPIAN_FISH_MODEL_H
#define TAPIAN_FISH_MODEL_H

#include <stdbool.h>

#include "tapian/db_fish.h"
#include "tapian/field.h"

struct fish_item {
    char id[DB_UUID_LEN];
    long long version;
    char *text;
    char *detail;           /* may be NULL */
    char date[11];          /* YYYY-MM-DD or "" */
};

struct fish_part {
    struct fish_item *items;
    int n, cap;
    int selected;
};

struct fish_model {
    char group_id[DB_UUID_LEN];
    char group[400];        /* "name — tambon" as shown above the fish */
    struct fish_part parts[DB_FISH_PARTS]; /* indexed by db_fish_part */
    db_fish_part focus;
    field *editor;          /* non-NULL while an item is edited in place */
    bool editing_new;       /* the editor holds a new item of focus */
};

/* Draws the fish in rows top..top+height-1; the editor's cursor, when
 * editing, goes to *cy / *cx. */
void fish_draw(struct fish_model *m, int top, int height, int cols, int *cy,
               int *cx);
/* Rows the editor gets in the part's box (multi-line parts get more). */
int fish_editor_rows(const struct fish_model *m);
/* Columns an item (and the editor) gets in part p on a screen cols wide. */
int fish_item_width(db_fish_part p, int cols);

#endif
