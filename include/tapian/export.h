/* export — the provincial learning textbook (ตำราการเรียนรู้ของจังหวัด
 * นครศรีธรรมราช) as HTML, Markdown or plain text: a title page, a table of
 * contents, then chapters by topic, tambon and group with each knowledge
 * asset and lesson and its source. No SQL and no curses here: the records
 * come from db_book.h. */
#ifndef TAPIAN_EXPORT_H
#define TAPIAN_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tapian/db.h"

typedef enum { BOOK_HTML, BOOK_MD, BOOK_TEXT } book_format;

#define BOOK_WIDTH_DEFAULT 72
#define BOOK_WIDTH_MIN 20
#define BOOK_WIDTH_MAX 1000

/* done of total records written so far; called often, keep it cheap. */
typedef void (*book_progress_fn)(void *ctx, size_t done, size_t total);

typedef struct {
    book_format format;
    int width;           /* text: columns, BOOK_WIDTH_MIN..MAX; 0 = 72 */
    const char *tambon;  /* a tambon's name or id; NULL = the province */
    book_progress_fn progress;
    void *progress_ctx;
} book_opts;

typedef struct {
    size_t assets, lessons, chapters;
} book_stats;

/* "html", "md" (or "markdown"), "text" (or "txt"). */
bool book_format_parse(const char *name, book_format *out);
/* The usual file extension: "html", "md", "txt". */
const char *book_format_ext(book_format f);

/* Writes the book to out. TP_ERR_NOTFOUND when o->tambon names no tambon,
 * TP_ERR_INVALID for a width out of range, TP_ERR_IO when writing fails.
 * stats (may be NULL) gets what was written. */
tp_status book_export(tp_db *db, const book_opts *o, FILE *out,
                      book_stats *stats);
/* The same into path ("-" = standard output), written beside it first and
 * renamed into place when complete, so a failure leaves no half book. */
tp_status book_export_file(tp_db *db, const book_opts *o, const char *path,
                           book_stats *stats);

#endif
