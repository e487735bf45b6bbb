/* csv_io — the records of a screen's table to and from CSV files: RFC 4180
 * through libcsv, UTF-8 with a BOM so that Excel shows Thai. The columns are
 * id, version and the screen's form fields (multi-references are kept in
 * their own tables and have their own screens, so they are left out).
 * Imported values go through the form's rules. No SQL, no curses. */
#ifndef TAPIAN_CSV_IO_H
#define TAPIAN_CSV_IO_H

#include <stdbool.h>
#include <stdio.h>

#include "tapian/db.h"
#include "tapian/screen.h"

typedef struct {
    /* For people: a header of labels in the current language, dates in the
     * Buddhist era, choices by their labels. Such a file imports too. */
    bool labels;
} csv_export_opts;

/* Writes the live rows of s's table to out in the screen's order; *rows
 * (if not NULL) gets how many. TP_ERR_IO when writing fails. */
tp_status csv_export_stream(tp_db *db, const screen *s, FILE *out,
                            const csv_export_opts *o, long *rows);
/* The same into the file at path (replaced). */
tp_status csv_export(tp_db *db, const screen *s, const char *path,
                     const csv_export_opts *o, long *rows);

/* Writes the UTF-8 byte order mark that tells Excel the encoding. */
int csv_put_bom(FILE *f);
/* One record with CRLF; fields quoted only when they need it, as Excel
 * does, and cleaned of controls. NULL fields are empty. Returns 0, or -1
 * when writing fails. */
int csv_put_row(FILE *f, const char *const *fields, size_t n);

/* Called with each problem as "FILE:LINE: column: message" (LINE is the
 * line where the record starts), in the user's language. */
typedef void (*csv_error_fn)(void *ctx, const char *message);

typedef struct {
    bool dry_run;             /* check and count, write nothing */
    bool skip_bad;            /* write the good rows, the bad ones to a file */
    const char *rejects_path; /* NULL = FILE.rejects.csv beside FILE */
    csv_error_fn on_error;
    void *ctx;
} csv_import_opts;

typedef struct {
    long added, changed, unchanged; /* (would be, in a dry run) */
    long bad;                       /* rows with an error */
    bool refused;        /* the file itself is wrong: no row was looked at */
    char rejects[1024];  /* where the bad rows went; "" = nowhere */
} csv_import_result;

/* Rows with an id that exists change it (their version must still be the
 * current one), other rows are added; all in one transaction. Returns TP_OK
 * when every row passed (or, with skip_bad, the good ones were written);
 * TP_ERR_INVALID when rows or the header have errors and nothing was
 * written; TP_ERR_PERM when the connection's roles may not write the table;
 * TP_ERR_IO when the file cannot be read. */
tp_status csv_import(tp_db *db, const screen *s, const char *path,
                     const csv_import_opts *o, csv_import_result *r);

/* The default rejects file for path: "x.csv" → "x.rejects.csv". */
void csv_rejects_path(const char *path, char *out, size_t size);

#endif
