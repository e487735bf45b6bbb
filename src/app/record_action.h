/* What a records screen offers beyond the generic list and form, chosen by
 * its table: the blank register of a format version (p in the list, F6 in
 * the form), and the lessons and knowledge assets citing a meeting, group,
 * person or lesson (c in the list, F6 in the form). Private to src/app. */
#ifndef TAPIAN_RECORD_ACTION_H
#define TAPIAN_RECORD_ACTION_H

#include "tapian/app.h"

typedef struct {
    const char *table;    /* the screen's source table */
    char list_key;        /* the list's key */
    const char *list_key_name; /* the same, as the key help shows it */
    const char *label;    /* msgid for the key help */
    struct view *(*open)(struct app *a, const screen *s, const char *id);
    bool cited;           /* the form shows what cites the record */
} record_action;

/* The action of s, or NULL. */
const record_action *record_action_for(const screen *s);

/* The lessons and knowledge assets citing the record id of s (cited_view.c):
 * Enter opens one, l and k start a new lesson or asset citing it. */
struct view *cited_view_new(struct app *a, const screen *s, const char *id);
/* "Cited by 2 lessons and 1 knowledge asset (F6)" for the form's last row,
 * or "" when nothing cites the record. */
void cited_summary(struct app *a, const screen *s, const char *id, char *buf,
                   size_t size);

#endif
