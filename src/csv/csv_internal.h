/* Shared by the csv module's files: the parsed file and the writer. */
#ifndef TAPIAN_CSV_INTERNAL_H
#define TAPIAN_CSV_INTERNAL_H

#include <stdbool.h>
#include <stdio.h>

#include "tapian/csv_io.h"
#include "tapian/screen.h"
#include "tapian/status.h"

typedef struct {
    char *s;    /* NUL-terminated copy; may hold NULs or invalid UTF-8 */
    size_t len;
} csv_field;

typedef struct {
    csv_field *fields;
    size_t n;
    long line; /* physical line where the record starts */
} csv_record;

typedef struct {
    csv_record *recs;
    size_t n;
} csv_records;

/* Reads a whole file: a BOM is skipped, CRLF, LF or CR end records, quoted
 * fields may hold separators, quotes and newlines. On malformed quoting
 * returns TP_ERR_INVALID with *bad_line set; TP_ERR_IO when unreadable. */
tp_status csv_read_file(const char *path, csv_records *out, long *bad_line);
void csv_records_free(csv_records *r);


/* The field a CSV column names: its name, or its label in Thai or English
 * (so files exported with labels import). NULL when none. Multi-references
 * are not columns. */
const screen_field *csv_field_named(const screen *s, const char *name);



/* ---- import ------------------------------------------------------------- */

typedef struct {
    tp_db *db;
    const screen *s;
    const char *path;
    const csv_import_opts *o;
    csv_import_result *r;
    const csv_record *header;
    const screen_field **defs; /* per column; NULL for id and version */
    int id_col, version_col;   /* -1 when absent */
    char errors[2048];         /* this row's messages, for the rejects file */
} csv_importer;

/* Reports "FILE:LINE: column: message" (column may be NULL) and keeps the
 * message for the row's error column. */
void csv_report(csv_importer *im, long line, const char *column,
                const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Checks one record against the form's rules and writes it (inside the
 * caller's transaction); false, with the problems reported, when it has
 * errors. */
bool csv_import_row(csv_importer *im, const csv_record *rec);

#endif
