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

/* ---- the blank bookkeeping register (register_*.c) ---------------------- */

typedef enum { REGISTER_HTML, REGISTER_CSV } register_format;

#define REGISTER_ROWS_DEFAULT 15
#define REGISTER_ROWS_MAX 1000

typedef struct {
    register_format format;
    const char *version;       /* id or label; NULL = newest approved */
    int rows;                  /* empty rows per register; 0 = default */
    const char *group;         /* finance group's id or name, or NULL */
    const char *register_name; /* only this register (its name or id) */
} register_opts;

/* Why nothing was written when an export returns TP_ERR_NOTFOUND. */
typedef enum {
    REGISTER_MISSING_NONE,
    REGISTER_MISSING_VERSION,  /* no such version (or none approved) */
    REGISTER_MISSING_GROUP,    /* no such finance group */
    REGISTER_GROUP_AMBIGUOUS,  /* several groups have that name */
    REGISTER_MISSING_REGISTER, /* the version has no register of that name */
    REGISTER_MISSING_ANY,      /* the version has no registers yet */
} register_missing;

typedef struct {
    char label[256];          /* the version printed */
    bool draft;
    size_t registers, columns;
    register_missing missing;
} register_stats;

/* "html", "csv". */
bool register_format_parse(const char *name, register_format *out);
const char *register_format_ext(register_format f);
/* What missing means, in the user's language. */
const char *register_missing_message(register_missing m);

/* Writes the blank register of a format version to out: HTML, one print-
 * ready page per register, or CSV (see tapian(1) for the layout).
 * TP_ERR_NOTFOUND with stats->missing set when the version, group or
 * register is not there; TP_ERR_INVALID for rows out of range; TP_ERR_IO
 * when writing fails. stats must not be NULL. */
tp_status register_export(tp_db *db, const register_opts *o, FILE *out,
                          register_stats *stats);
/* The same into path ("-" = standard output), written beside it first. */
tp_status register_export_file(tp_db *db, const register_opts *o,
                               const char *path, register_stats *stats);

#endif
