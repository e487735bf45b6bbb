/* CSV export and import from a list (x and i there). Private to src/app. */
#ifndef TAPIAN_CSV_VIEW_H
#define TAPIAN_CSV_VIEW_H

#include "tapian/app.h"

/* Writes the list's records to path and says so in the status line. */
void csv_view_export(struct app *a, const screen *s, const char *path);
/* A dry run of importing path, its summary and errors in a scrollable
 * view where y applies it; NULL (with a message) when it cannot start. */
struct view *csv_view_import(struct app *a, const screen *s, const char *path);

#endif
