/* Export: the live rows of a screen's table, id and version first so that
 * importing the file again changes those rows instead of adding copies. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"
#include "tapian/csv_io.h"
#include "tapian/db_records.h"
#include "tapian/form_value.h"

#define MAX_FIELDS 64

struct exporter {
    const screen *s;
    const screen_field *defs[MAX_FIELDS];
    size_t n;
    bool labels;
    FILE *out;
    long rows;
    bool failed;
};

/* With labels: what the form shows for dates, money and choices (all of
 * which the import reads back); other values as stored. */
static char *shown(const struct exporter *e, const screen_field *f,
                   const char *v)
{
    if (!e->labels || !v ||
        (f->type != SF_DATE && f->type != SF_MONEY && f->type != SF_CHOICE))
        return NULL;
    return form_value_display(f, v);
}

static int put_record(void *ctx, const db_row *row)
{
    struct exporter *e = ctx;
    const char *cells[MAX_FIELDS + 2];
    char *owned[MAX_FIELDS] = {0};
    char version[32];
    snprintf(version, sizeof version, "%lld", row->version);
    cells[0] = row->id;
    cells[1] = version;
    for (size_t i = 0; i < e->n; i++) {
        const char *v = i < row->n ? row->values[i] : NULL;
        owned[i] = shown(e, e->defs[i], v);
        cells[i + 2] = owned[i] ? owned[i] : v;
    }
    if (csv_put_row(e->out, cells, e->n + 2) != 0)
        e->failed = true;
    for (size_t i = 0; i < e->n; i++)
        free(owned[i]);
    e->rows++;
    return e->failed;
}

tp_status csv_export_stream(tp_db *db, const screen *s, FILE *out,
                            const csv_export_opts *o, long *rows)
{
    if (s->kind != SCREEN_RECORDS || !s->source)
        return TP_ERR_INVALID;
    struct exporter e = {.s = s, .labels = o && o->labels, .out = out};
    const char *names[MAX_FIELDS + 2] = {"id", "version"};
    const char *columns[MAX_FIELDS];
    for (size_t i = 0; i < s->n_fields && e.n < MAX_FIELDS; i++) {
        const screen_field *f = &s->fields[i];
        if (f->type == SF_MULTIREF)
            continue;
        columns[e.n] = f->name;
        names[e.n + 2] = e.labels ? screen_field_label(f) : f->name;
        e.defs[e.n++] = f;
    }
    if (csv_put_bom(out) != 0 || csv_put_row(out, names, e.n + 2) != 0)
        return TP_ERR_IO;
    db_list_query q = {
        .table = s->source,
        .columns = columns,
        .n_columns = e.n,
        .order_column = s->order,
        .order_desc = s->order_desc,
    };
    tp_status st = db_list(db, &q, put_record, &e);
    if (st == TP_OK && (e.failed || fflush(out) != 0))
        st = TP_ERR_IO;
    if (rows)
        *rows = e.rows;
    return st;
}

tp_status csv_export(tp_db *db, const screen *s, const char *path,
                     const csv_export_opts *o, long *rows)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return TP_ERR_IO;
    tp_status st = csv_export_stream(db, s, f, o, rows);
    if (fclose(f) != 0 && st == TP_OK)
        st = TP_ERR_IO;
    if (st != TP_OK)
        remove(path);
    return st;
}
