/* A generic chooser of one row of a table: its rows in the list order of a
 * label column, narrowed by typing, Enter chooses, Esc goes back. Used by
 * the list filters (filter_view.c). Private to src/app. */
#ifndef TAPIAN_PICK_VIEW_H
#define TAPIAN_PICK_VIEW_H

#include "tapian/app.h"
#include "tapian/db_records.h"

/* Called with the chosen row's id and the label shown for it, after the
 * chooser has closed (so it may open another view). */
typedef void (*pick_done_fn)(struct app *a, void *ctx, const char *id,
                             const char *label);

typedef struct {
    const char *title;       /* translated */
    const char *table;
    const char *label;       /* label column, also the order and search */
    const char *number;      /* optional second column shown after it */
    const char *number_prefix; /* shown before it, e.g. "หมู่" (translated) */
    const db_value *filters; /* column = value; copied */
    size_t n_filters;
} pick_spec;

struct view *pick_view_new(const pick_spec *spec, pick_done_fn done,
                           void *ctx);

#endif
