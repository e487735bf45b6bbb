/* The export dialog shared by "print the book" and "print the blank
 * register": a choice of format, a file name whose extension follows the
 * format while the name is the default, Enter writes, a progress bar when
 * the writer reports progress. Private to src/app. */
#ifndef TAPIAN_EXPORT_VIEW_H
#define TAPIAN_EXPORT_VIEW_H

#include <stddef.h>

#include "tapian/app.h"
#include "tapian/export.h"

struct export_format {
    int code;          /* the writer's own format code */
    const char *label; /* msgid */
    const char *ext;
};

/* Writes format code to path; on success msg gets what was written, on
 * failure why (both in the user's language). */
typedef tp_status (*export_write_fn)(struct app *a, void *ctx, int code,
                                     const char *path,
                                     book_progress_fn progress, void *pctx,
                                     char *msg, size_t msgsize);

struct export_spec {
    const char *name;   /* the view's name */
    const char *title;  /* msgid */
    const char *intro;  /* msgid */
    const struct export_format *formats;
    int n_formats;
    const char *base_name; /* default file name without its extension */
    const view_key_help *keys;
    export_write_fn write;
};

/* ctx is the writer's, freed with free() when the view closes. */
struct view *export_view_new(struct app *a, const struct export_spec *spec,
                             void *ctx);

#endif
