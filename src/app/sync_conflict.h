/* The sync conflicts screen (screens/sync_conflicts.ini): the open
 * conflicts (sync_conflict_view.c) and one conflict's two versions side by
 * side (sync_conflict_detail.c). */
#ifndef TAPIAN_SYNC_CONFLICT_H
#define TAPIAN_SYNC_CONFLICT_H

#include <stdbool.h>
#include <stddef.h>

#include "tapian/app.h"

/* One open conflict as listed. */
struct sync_item {
    long long id;
    char *table, *row_id, *title;
    char *here_site, *other_site;
    char *here_by, *here_at, *other_by, *other_at;
    bool here_chosen, clash;
};

/* Copies every text of from into to (false when out of memory; free it
 * anyway); frees the texts. */
bool sync_item_copy(struct sync_item *to, const struct sync_item *from);
void sync_item_free(struct sync_item *it);

/* "11 ต.ค. 2549 10:20" in local time from a stored ISO UTC time; "" when
 * it cannot be read. */
void sync_when(const char *iso, char *buf, size_t size);

/* What a stored value of table.column looks like on its form: the field's
 * display (dates, money, choices, the name of a referred row); the value
 * as it is when no screen field shows that column. Malloc'd. */
char *sync_value_display(struct app *a, const char *table, const char *column,
                         const char *stored);
/* The screen field showing table.column, or NULL. */
const screen_field *sync_field(struct app *a, const char *table,
                               const char *column);

/* Both versions of it, field by field; may_resolve lets h and o settle it.
 * Returns NULL when out of memory or the versions cannot be read. */
struct view *sync_conflict_detail_new(struct app *a,
                                      const struct sync_item *it,
                                      bool may_resolve);

#endif
