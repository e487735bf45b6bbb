/* A record's history (history_view.c). Private to src/app. */
#ifndef TAPIAN_HISTORY_VIEW_H
#define TAPIAN_HISTORY_VIEW_H

#include "tapian/app.h"

/* NULL (with a message) when the log cannot be read. */
struct view *history_view_new(struct app *a, const char *table, const char *id);

#endif
