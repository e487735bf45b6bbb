/* The blank register in memory and register_export / register_export_file
 * (include/tapian/export.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "book_internal.h"
#include "export_internal.h"
#include "register_internal.h"
#include "tapian/db_register.h"
#include "tapian/i18n.h"
#include "tapian/text.h"

/* What the register prints is made safe once, here, as the book does:
 * escape sequences planted in a name never reach a terminal showing the
 * CSV, and the HTML never carries them. NULL stays NULL. */
static char *safe(const char *s, bool *ok)
{
    if (!s)
        return NULL;
    size_t n;
    char *c = text_display_safe(s, strlen(s), false, &n);
    if (!c)
        *ok = false;
    return c;
}

struct load {
    struct reg_form *r;
    const char *only; /* a register's name or id, or NULL */
    bool ok;
};

static void take_version(void *ctx, const db_register_version *v)
{
    struct load *l = ctx;
    struct reg_form *r = l->r;
    r->version_id = safe(v->id, &l->ok);
    r->label = safe(v->label, &l->ok);
    r->approved_by = safe(v->approved_by, &l->ok);
    r->draft = !v->status || strcmp(v->status, "approved") != 0;
    if (v->approved_at && !r->draft)
        book_date(v->approved_at, r->approved_at, sizeof r->approved_at);
}

static reg_kind kind_of(const char *k)
{
    if (!k)
        return REG_TEXT;
    return strcmp(k, "number") == 0 ? REG_NUMBER
           : strcmp(k, "money") == 0 ? REG_MONEY
           : strcmp(k, "date") == 0  ? REG_DATE
                                     : REG_TEXT;
}

static bool grow(void **items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return true;
    size_t c = *cap ? *cap * 2 : 8;
    void *p = realloc(*items, c * size);
    if (!p)
        return false;
    *items = p;
    *cap = c;
    return true;
}

static bool take_cell(void *ctx, const db_register_cell *c)
{
    struct load *l = ctx;
    struct reg_form *r = l->r;
    if (l->only && strcmp(l->only, c->register_name) != 0 &&
        strcmp(l->only, c->register_id) != 0)
        return true;
    struct reg_sheet *s = r->n ? &r->sheets[r->n - 1] : NULL;
    if (!s || strcmp(s->id, c->register_id) != 0) {
        if (!grow((void **)&r->sheets, &r->cap, r->n, sizeof *r->sheets))
            return l->ok = false;
        s = &r->sheets[r->n++];
        *s = (struct reg_sheet){
            .id = safe(c->register_id, &l->ok),
            .name = safe(c->register_name, &l->ok),
            .agency = safe(c->agency, &l->ok),
            .agency_name = safe(c->agency_name, &l->ok),
        };
    }
    if (c->column) {
        if (!grow((void **)&s->cols, &s->cap, s->n_cols, sizeof *s->cols))
            return l->ok = false;
        s->cols[s->n_cols++] = (struct reg_column){
            .name = safe(c->column, &l->ok), .kind = kind_of(c->kind)};
    }
    return l->ok;
}

static void take_group(void *ctx, const db_register_group_place *g)
{
    struct load *l = ctx;
    char *where;
    if (g->moo && g->village)
        where = book_printf(_("Moo %d %s, Tambon %s"), g->moo, g->village,
                            g->tambon ? g->tambon : "");
    else if (g->moo)
        where = book_printf(_("Moo %d, Tambon %s"), g->moo,
                            g->tambon ? g->tambon : "");
    else
        where = book_printf(_("Tambon %s"), g->tambon ? g->tambon : "");
    char *line = where ? book_printf("%s (%s)", g->name, where) : NULL;
    l->r->group = safe(line, &l->ok);
    if (!line)
        l->ok = false;
    free(where);
    free(line);
}

static void form_free(struct reg_form *r)
{
    for (size_t i = 0; i < r->n; i++) {
        struct reg_sheet *s = &r->sheets[i];
        for (size_t c = 0; c < s->n_cols; c++)
            free(s->cols[c].name);
        free(s->cols);
        free(s->id);
        free(s->name);
        free(s->agency);
        free(s->agency_name);
    }
    free(r->sheets);
    free(r->version_id);
    free(r->label);
    free(r->approved_by);
    free(r->group);
}

/* Names are stored NFC; what was typed on a command line may not be. */
static tp_status nfc(const char *s, char **out)
{
    size_t n;
    *out = NULL;
    return s ? text_nfc(s, strlen(s), out, &n) : TP_OK;
}

static tp_status form_load(tp_db *db, const register_opts *o,
                           struct reg_form *r, register_stats *st)
{
    char *version = NULL, *group = NULL, *only = NULL;
    tp_status s = TP_ERR_INVALID_UTF8;
    if (nfc(o->version, &version) != TP_OK || nfc(o->group, &group) != TP_OK ||
        nfc(o->register_name, &only) != TP_OK)
        goto out;
    struct load l = {.r = r, .only = only, .ok = true};
    s = db_register_version_get(db, version, take_version, &l);
    if (s == TP_ERR_NOTFOUND)
        st->missing = REGISTER_MISSING_VERSION;
    if (s == TP_OK && group) {
        long long matches = 0;
        s = db_register_group(db, group, &matches, take_group, &l);
        if (s == TP_OK && matches != 1) {
            st->missing = matches ? REGISTER_GROUP_AMBIGUOUS
                                  : REGISTER_MISSING_GROUP;
            s = TP_ERR_NOTFOUND;
        }
    }
    if (s == TP_OK)
        s = db_register_cells(db, r->version_id, take_cell, &l);
    if (s == TP_OK && !l.ok)
        s = TP_ERR_NOMEM;
    if (s == TP_OK && r->n == 0) {
        st->missing = only ? REGISTER_MISSING_REGISTER : REGISTER_MISSING_ANY;
        s = TP_ERR_NOTFOUND;
    }
out:
    free(version);
    free(group);
    free(only);
    return s;
}

tp_status register_export(tp_db *db, const register_opts *o, FILE *out,
                          register_stats *st)
{
    *st = (register_stats){.missing = REGISTER_MISSING_NONE};
    int rows = o->rows ? o->rows : REGISTER_ROWS_DEFAULT;
    if (rows < 1 || rows > REGISTER_ROWS_MAX)
        return TP_ERR_INVALID;
    struct reg_form r = {.rows = rows};
    tp_status s = form_load(db, o, &r, st);
    if (s == TP_OK) {
        if (o->format == REGISTER_HTML)
            register_write_html(&r, out);
        else
            s = register_write_csv(&r, out);
        if (s == TP_OK && (fflush(out) != 0 || ferror(out)))
            s = TP_ERR_IO;
        snprintf(st->label, sizeof st->label, "%s", r.label ? r.label : "");
        st->draft = r.draft;
        st->registers = r.n;
        for (size_t i = 0; i < r.n; i++)
            st->columns += r.sheets[i].n_cols;
    }
    form_free(&r);
    return s;
}

struct file_job {
    tp_db *db;
    const register_opts *o;
    register_stats *st;
};

static tp_status write_job(void *ctx, FILE *f)
{
    struct file_job *j = ctx;
    return register_export(j->db, j->o, f, j->st);
}

tp_status register_export_file(tp_db *db, const register_opts *o,
                               const char *path, register_stats *st)
{
    struct file_job j = {db, o, st};
    return export_to_path(path, write_job, &j);
}

bool register_format_parse(const char *name, register_format *out)
{
    if (strcmp(name, "html") == 0)
        return *out = REGISTER_HTML, true;
    if (strcmp(name, "csv") == 0)
        return *out = REGISTER_CSV, true;
    return false;
}

const char *register_format_ext(register_format f)
{
    return f == REGISTER_HTML ? "html" : "csv";
}

const char *register_missing_message(register_missing m)
{
    switch (m) {
    case REGISTER_MISSING_VERSION:
        return _("No such register format version (by default the newest "
                 "approved one: none is approved yet)");
    case REGISTER_MISSING_GROUP: return _("No such finance group");
    case REGISTER_GROUP_AMBIGUOUS:
        return _("Several finance groups have this name; give the group's id");
    case REGISTER_MISSING_REGISTER:
        return _("This format version has no register of that name");
    case REGISTER_MISSING_ANY:
        return _("This format version has no registers yet: add them on the "
                 "Registers screen");
    case REGISTER_MISSING_NONE: break;
    }
    return tp_status_message(TP_ERR_NOTFOUND);
}
