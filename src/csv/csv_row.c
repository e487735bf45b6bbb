/* One imported record: each value through the form's rules, refs that must
 * exist, then an insert or an update at the version the file was made
 * from. Rows whose values are already stored are left alone, so that
 * importing an unedited export changes nothing. */
#include <stdlib.h>
#include <string.h>

#include "csv_internal.h"
#include "tapian/db_records.h"
#include "tapian/form_value.h"
#include "tapian/i18n.h"
#include "tapian/text.h"

#define MAX_VALUES 64

struct parsed {
    const screen_field *defs[MAX_VALUES];
    const char *columns[MAX_VALUES];
    char *stored[MAX_VALUES];
    db_value v[MAX_VALUES];
    size_t n;
};

static db_value typed(const screen_field *f, const char *stored)
{
    if (!stored)
        return DB_V_NULL(f->name);
    if (f->type == SF_NUMBER || f->type == SF_CHECK)
        return DB_V_INT(f->name, atoll(stored));
    if (f->type == SF_MONEY)
        return DB_V_REAL(f->name, strtod(stored, NULL));
    return DB_V_TEXT(f->name, stored);
}

static bool live_row(tp_db *db, const char *table, const char *id)
{
    long long version;
    bool deleted;
    return db_row_version(db, table, id, &version, &deleted) == TP_OK && !deleted;
}

/* The stored form of column c's value, or false with the problem reported. */
static bool parse_one(csv_importer *im, const csv_record *rec, size_t c,
                      char **stored)
{
    const screen_field *f = im->defs[c];
    const char *col = im->header->fields[c].s;
    char *clean = NULL;
    size_t len;
    tp_status st = text_clean_for_save(rec->fields[c].s, rec->fields[c].len,
                                       f->type == SF_MULTILINE, &clean, &len);
    if (st != TP_OK) {
        csv_report(im, rec->line, col, "%s", tp_status_message(st));
        return false;
    }
    fv_result fr = form_value_parse(f, clean, stored);
    free(clean);
    if (fr != FV_OK && fr != FV_EMPTY) {
        csv_report(im, rec->line, col, "%s", form_value_message(fr));
        return false;
    }
    if (f->type == SF_REF && *stored && !live_row(im->db, f->ref, *stored)) {
        csv_report(im, rec->line, col, _("no record of %s has the id %s"),
                   f->ref, *stored);
        free(*stored);
        *stored = NULL;
        return false;
    }
    return true;
}

static bool parse_values(csv_importer *im, const csv_record *rec,
                         struct parsed *p)
{
    bool ok = true;
    for (size_t c = 0; c < rec->n && p->n < MAX_VALUES; c++) {
        if (!im->defs[c])
            continue;
        char *stored = NULL;
        if (!parse_one(im, rec, c, &stored)) {
            ok = false;
            continue;
        }
        p->defs[p->n] = im->defs[c];
        p->columns[p->n] = im->defs[c]->name;
        p->stored[p->n] = stored;
        p->v[p->n] = typed(im->defs[c], stored);
        p->n++;
    }
    return ok;
}

struct compare {
    const struct parsed *p;
    bool same;
};

/* Numbers are compared as numbers: SQLite gives 1250.5 for "1250.50". */
static bool same_value(const screen_field *f, const char *a, const char *b)
{
    if (!a || !b)
        return !a && !b;
    if (f->type == SF_NUMBER || f->type == SF_MONEY || f->type == SF_CHECK)
        return strtod(a, NULL) == strtod(b, NULL);
    return strcmp(a, b) == 0;
}

static int compare_row(void *ctx, const db_row *row)
{
    struct compare *c = ctx;
    c->same = row->n == c->p->n;
    for (size_t i = 0; c->same && i < row->n; i++)
        c->same = same_value(c->p->defs[i], c->p->stored[i], row->values[i]);
    return 1;
}

/* The version the file says the row had, or false with a report. */
static bool check_version(csv_importer *im, const csv_record *rec,
                          long long current)
{
    const char *text = im->version_col >= 0 ? rec->fields[im->version_col].s : "";
    char *end = NULL;
    long long v = *text ? strtoll(text, &end, 10) : 0;
    if (!*text || *end) {
        csv_report(im, rec->line, "version", "%s",
                   _("a whole number is needed to change a record"));
        return false;
    }
    if (v != current) {
        csv_report(im, rec->line, "version",
                   _("someone changed this record after the file was made "
                     "(it is now at version %lld)"), current);
        return false;
    }
    return true;
}

static bool write_row(csv_importer *im, const csv_record *rec,
                      const struct parsed *p, const char *id, bool exists,
                      long long version)
{
    const char *table = im->s->source;
    tp_status st;
    if (!exists) {
        st = db_insert(im->db, table, p->v, p->n, NULL);
        if (st == TP_OK)
            im->r->added++;
    } else {
        struct compare c = {p, false};
        st = db_record_get(im->db, table, id, p->columns, p->n, compare_row, &c);
        if (st == TP_OK && c.same) {
            im->r->unchanged++;
            return true;
        }
        if (st == TP_OK)
            st = db_update(im->db, table, id, version, p->v, p->n);
        if (st == TP_OK)
            im->r->changed++;
    }
    if (st == TP_OK)
        return true;
    const char *detail = st == TP_ERR_CONSTRAINT ? db_last_error(im->db) : NULL;
    if (detail && *detail)
        csv_report(im, rec->line, NULL, "%s (%s)", tp_status_message(st), detail);
    else
        csv_report(im, rec->line, NULL, "%s", tp_status_message(st));
    return false;
}

bool csv_import_row(csv_importer *im, const csv_record *rec)
{
    size_t want = im->header->n;
    if (rec->n != want) {
        csv_report(im, rec->line, NULL,
                   _("%zu values where the first line names %zu columns"),
                   rec->n, want);
        return false;
    }
    struct parsed p = {.n = 0};
    bool ok = parse_values(im, rec, &p);
    const char *id = im->id_col >= 0 ? rec->fields[im->id_col].s : "";
    long long version = 0;
    bool deleted = false;
    /* An id this database does not know (another site's file) adds a row. */
    bool exists = *id && db_row_version(im->db, im->s->source, id, &version,
                                        &deleted) == TP_OK;
    if (exists && deleted) {
        csv_report(im, rec->line, "id", "%s",
                   _("this record has been deleted; bring it back first"));
        ok = false;
    } else if (exists && !check_version(im, rec, version)) {
        ok = false;
    }
    if (ok)
        ok = write_row(im, rec, &p, id, exists, version);
    for (size_t i = 0; i < p.n; i++)
        free(p.stored[i]);
    return ok;
}
