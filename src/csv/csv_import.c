/* Import: the header is checked before any row, then every row goes
 * through the form's rules inside one transaction that is kept only when
 * all rows passed (or, with skip_bad, the bad ones went to a file). A dry
 * run does the same writes and rolls them back, so its counts are exact. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv_internal.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"
#include "tapian/text.h"

void csv_report(csv_importer *im, long line, const char *column,
                const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char full[2048];
    if (column)
        snprintf(full, sizeof full, "%s:%ld: %s: %s", im->path, line, column, msg);
    else
        snprintf(full, sizeof full, "%s:%ld: %s", im->path, line, msg);
    /* The message quotes the file's name and values and SQLite's words; it
     * is shown on a terminal, so nothing in it may act on one (and a cut
     * may have split a character). */
    size_t n;
    char *safe = text_display_safe(full, strlen(full), false, &n);
    if (im->o->on_error)
        im->o->on_error(im->o->ctx, safe ? safe : full);
    free(safe);
    safe = text_display_safe(msg, strlen(msg), false, &n);
    size_t used = strlen(im->errors);
    snprintf(im->errors + used, sizeof im->errors - used, "%s%s%s%s",
             used ? "; " : "", column ? column : "", column ? ": " : "",
             safe ? safe : msg);
    free(safe);
}

void csv_rejects_path(const char *path, char *out, size_t size)
{
    size_t n = strlen(path);
    if (n >= 4 && strcasecmp(path + n - 4, ".csv") == 0)
        n -= 4;
    snprintf(out, size, "%.*s.rejects.csv", (int)n, path);
}

static bool blank_record(const csv_record *rec)
{
    for (size_t i = 0; i < rec->n; i++)
        if (rec->fields[i].len)
            return false;
    return true;
}

/* Every column must be id, version or a field, once; every required field
 * must be there. */
static bool map_header(csv_importer *im)
{
    const csv_record *h = im->header;
    bool ok = true;
    for (size_t c = 0; c < h->n; c++) {
        const char *name = h->fields[c].s;
        int *special = strcmp(name, "id") == 0        ? &im->id_col
                       : strcmp(name, "version") == 0 ? &im->version_col
                                                      : NULL;
        const screen_field *f = special ? NULL : csv_field_named(im->s, name);
        bool twice = special ? *special >= 0 : false;
        for (size_t k = 0; f && k < c; k++)
            twice = twice || im->defs[k] == f;
        if (!special && !f) {
            csv_report(im, h->line, name, _("%s has no such column"),
                       im->s->source);
            ok = false;
        } else if (twice) {
            csv_report(im, h->line, name, "%s", _("the column is given twice"));
            ok = false;
        } else if (special) {
            *special = (int)c;
        }
        im->defs[c] = f;
    }
    for (size_t i = 0; i < im->s->n_fields; i++) {
        const screen_field *f = &im->s->fields[i];
        bool given = false;
        for (size_t c = 0; c < h->n; c++)
            given = given || im->defs[c] == f;
        if (f->required && f->type != SF_MULTIREF && !given) {
            csv_report(im, h->line, f->name, "%s",
                       _("this column is required and missing"));
            ok = false;
        }
    }
    return ok;
}

static FILE *open_rejects(csv_importer *im)
{
    const char *p = im->o->rejects_path;
    if (p)
        snprintf(im->r->rejects, sizeof im->r->rejects, "%s", p);
    else
        csv_rejects_path(im->path, im->r->rejects, sizeof im->r->rejects);
    FILE *f = fopen(im->r->rejects, "wb");
    const csv_record *h = im->header;
    const char **names = f ? malloc((h->n + 1) * sizeof *names) : NULL;
    if (!names) {
        if (f)
            fclose(f);
        return NULL;
    }
    for (size_t c = 0; c < h->n; c++)
        names[c] = h->fields[c].s;
    names[h->n] = "error";
    int bad = csv_put_bom(f) || csv_put_row(f, names, h->n + 1);
    free(names);
    if (bad) {
        fclose(f);
        return NULL;
    }
    return f;
}

static int put_reject(FILE *f, const csv_record *rec, const char *errors)
{
    const char **cells = malloc((rec->n + 1) * sizeof *cells);
    if (!cells)
        return -1;
    for (size_t c = 0; c < rec->n; c++)
        cells[c] = rec->fields[c].s;
    cells[rec->n] = errors;
    int rc = csv_put_row(f, cells, rec->n + 1);
    free(cells);
    return rc;
}

static tp_status import_rows(csv_importer *im, const csv_records *recs)
{
    tp_status st = db_begin(im->db);
    if (st != TP_OK)
        return st;
    bool to_file = im->o->skip_bad && !im->o->dry_run;
    FILE *rejects = NULL;
    for (size_t i = 1; i < recs->n && st == TP_OK; i++) {
        const csv_record *rec = &recs->recs[i];
        if (blank_record(rec)) /* Excel leaves rows of bare commas */
            continue;
        im->errors[0] = 0;
        if (csv_import_row(im, rec))
            continue;
        im->r->bad++;
        if (to_file && !rejects && !(rejects = open_rejects(im)))
            st = TP_ERR_IO;
        if (rejects && put_reject(rejects, rec, im->errors) != 0)
            st = TP_ERR_IO;
    }
    if (rejects && fclose(rejects) != 0 && st == TP_OK)
        st = TP_ERR_IO;
    /* Good rows are not kept when bad rows could not be set aside. */
    bool keep = st == TP_OK && !im->o->dry_run &&
                (im->r->bad == 0 || im->o->skip_bad);
    if (keep)
        return db_commit(im->db);
    db_rollback(im->db);
    if (st == TP_OK && im->r->bad && !im->o->skip_bad)
        st = TP_ERR_INVALID;
    return st;
}

tp_status csv_import(tp_db *db, const screen *s, const char *path,
                     const csv_import_opts *o, csv_import_result *r)
{
    memset(r, 0, sizeof *r);
    if (s->kind != SCREEN_RECORDS || !s->source)
        return TP_ERR_INVALID;
    if (!db_may_write(db, s->source))
        return TP_ERR_PERM;
    csv_importer im = {.db = db, .s = s, .path = path, .o = o, .r = r,
                       .id_col = -1, .version_col = -1};
    csv_records recs;
    long bad_line = 0;
    tp_status st = csv_read_file(path, &recs, &bad_line);
    if (st == TP_ERR_INVALID) {
        csv_report(&im, bad_line, NULL, "%s",
                   _("the CSV is malformed: a quote is out of place or not "
                     "closed"));
        r->refused = true;
        return st;
    }
    if (st != TP_OK)
        return st;
    if (recs.n == 0) {
        csv_report(&im, 1, NULL, "%s",
                   _("the file is empty; its first line must name the columns"));
        r->refused = true;
        return TP_ERR_INVALID;
    }
    im.header = &recs.recs[0];
    im.defs = calloc(im.header->n ? im.header->n : 1, sizeof *im.defs);
    if (!im.defs)
        st = TP_ERR_NOMEM;
    else if (!map_header(&im))
        st = TP_ERR_INVALID, r->refused = true;
    else if (!o->dry_run && (st = db_backup_rotating(db, "import", NULL)) != TP_OK)
        /* a file is never imported without a copy of what was there */
        csv_report(&im, 1, NULL, "%s: %s",
                   _("no backup could be made before importing"),
                   tp_status_message(st));
    else
        st = import_rows(&im, &recs);
    free(im.defs);
    csv_records_free(&recs);
    return st;
}
