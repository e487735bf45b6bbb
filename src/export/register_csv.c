/* The blank register as CSV (UTF-8 with a BOM, through the csv module's
 * libcsv writer): per register a block of its name, the version and its
 * approval, the source agency, the group and period lines, the header of
 * column names in position order, N empty rows, then one empty line
 * before the next register. Documented in tapian(1). */
#include <stdlib.h>

#include "register_internal.h"
#include "tapian/csv_io.h"

/* One record of n cells; cells[i] NULL is empty. */
static int row(FILE *out, size_t n, const char *a, const char *b)
{
    const char *f[] = {a, b};
    return csv_put_row(out, f, n);
}

static int owned_row(FILE *out, char *line)
{
    if (!line)
        return 0;
    int rc = row(out, 1, line, NULL);
    free(line);
    return rc;
}

static int sheet(FILE *out, const struct reg_form *r,
                 const struct reg_sheet *s)
{
    int rc = 0;
    if (r->draft)
        rc |= row(out, 1, register_draft_mark(), NULL);
    rc |= row(out, 1, s->name, NULL);
    rc |= owned_row(out, register_version_line(r));
    rc |= owned_row(out, register_approval_line(r));
    rc |= owned_row(out, register_agency_line(s));
    rc |= row(out, 2, register_group_label(), r->group);
    const char *period[] = {register_period_label(), NULL,
                            register_period_to_label(), NULL};
    rc |= csv_put_row(out, period, 4);
    if (s->n_cols == 0)
        return rc | row(out, 1, register_no_columns(), NULL);
    const char **names = calloc(s->n_cols, sizeof *names);
    if (!names)
        return -1;
    for (size_t c = 0; c < s->n_cols; c++)
        names[c] = s->cols[c].name;
    rc |= csv_put_row(out, names, s->n_cols);
    for (size_t c = 0; c < s->n_cols; c++)
        names[c] = NULL;
    for (int i = 0; i < r->rows && rc == 0; i++)
        rc |= csv_put_row(out, names, s->n_cols);
    free(names);
    return rc;
}

tp_status register_write_csv(const struct reg_form *r, FILE *out)
{
    if (csv_put_bom(out) != 0)
        return TP_ERR_IO;
    for (size_t i = 0; i < r->n; i++) {
        if (i && fputs("\r\n", out) == EOF)
            return TP_ERR_IO;
        if (sheet(out, r, &r->sheets[i]) != 0)
            return TP_ERR_IO;
    }
    return TP_OK;
}
