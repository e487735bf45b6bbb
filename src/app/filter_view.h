/* The list's filters (tambon, village, group, date range) and the small
 * view that sets them. Private to src/app. */
#ifndef TAPIAN_FILTER_VIEW_H
#define TAPIAN_FILTER_VIEW_H

#include "tapian/app.h"

struct list_filters {
    char tambon[37], tambon_label[128];
    char village[37], village_label[128];
    char group[37], group_label[200];
    char date_from[11], date_to[11]; /* ISO; "" = open */
};

/* Called when Enter applies the filters. */
typedef void (*filters_fn)(struct app *a, void *ctx,
                           const struct list_filters *f);

/* For the filters s offers (its `filters =` key); NULL when none. */
struct view *filter_view_new(struct app *a, const screen *s,
                             const struct list_filters *now, filters_fn fn,
                             void *ctx);
/* "ต.ท่าไร่, 1 ต.ค. 2548 – …" for the status row; "" when none is set. */
void filters_summary(const struct list_filters *f, char *buf, size_t size);

#endif
