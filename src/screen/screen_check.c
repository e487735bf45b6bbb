/* Checking a parsed screen against the schema of an open database, so that
 * a misspelt column in an edited screen file is refused at start-up with
 * its line instead of failing when someone saves a form. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "screen_internal.h"
#include "tapian/db_records.h"

typedef struct {
    const screen *s;
    char *err;
    size_t errsize;
} chk;

static tp_status fail(chk *c, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static tp_status fail(chk *c, int line, const char *fmt, ...)
{
    int n = snprintf(c->err, c->errsize, "%s:%d: ", c->s->file, line);
    if (n >= 0 && (size_t)n < c->errsize) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->err + n, c->errsize - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return TP_ERR_INVALID;
}

/* SQLite's affinity rules (datatype3.html, 3.1), reduced to what a field
 * type needs to know. */
typedef enum { AFF_TEXT, AFF_INTEGER, AFF_REAL, AFF_NUMERIC, AFF_ANY } affinity;

static affinity affinity_of(const char *decl)
{
    char up[64];
    size_t n = 0;
    for (; decl && decl[n] && n < sizeof up - 1; n++)
        up[n] = (char)toupper((unsigned char)decl[n]);
    up[n] = 0;
    if (!n)
        return AFF_ANY;
    if (strstr(up, "INT"))
        return AFF_INTEGER;
    if (strstr(up, "CHAR") || strstr(up, "CLOB") || strstr(up, "TEXT"))
        return AFF_TEXT;
    if (strstr(up, "REAL") || strstr(up, "FLOA") || strstr(up, "DOUB"))
        return AFF_REAL;
    return AFF_NUMERIC;
}

static bool type_fits(screen_field_type t, affinity a)
{
    if (a == AFF_ANY)
        return true;
    switch (t) {
    case SF_TEXT:
    case SF_MULTILINE:
    case SF_DATE: return a == AFF_TEXT;
    case SF_NUMBER:
    case SF_CHECK: return a == AFF_INTEGER;
    case SF_MONEY: return a == AFF_INTEGER || a == AFF_REAL;
    case SF_CHOICE:
    case SF_REF: return a == AFF_TEXT || a == AFF_INTEGER;
    case SF_MULTIREF: return false;
    }
    return false;
}


struct decl_find {
    const char *name;
    char decl[64];
    bool found;
};

static void find_decl(void *ctx, const char *name, const char *decl_type,
                      bool not_null)
{
    struct decl_find *d = ctx;
    (void)not_null;
    if (!d->found && strcmp(name, d->name) == 0) {
        d->found = true;
        snprintf(d->decl, sizeof d->decl, "%s", decl_type ? decl_type : "");
    }
}

static void ignore_column(void *ctx, const char *name, const char *decl_type,
                          bool not_null)
{
    (void)ctx, (void)name, (void)decl_type, (void)not_null;
}

static bool is_table(tp_db *db, const char *table)
{
    return db_table_columns(db, table, ignore_column, NULL) == TP_OK;
}

/* Columns every record table has; the db layer keeps them, never a form. */
static bool is_base_column(const char *name)
{
    static const char *const base[] = {"id", "created_at", "created_by",
                                       "updated_at", "updated_by", "version",
                                       "deleted_at", "site_id"};
    for (size_t i = 0; i < sizeof base / sizeof *base; i++)
        if (strcmp(name, base[i]) == 0)
            return true;
    return false;
}

static tp_status check_ref(chk *c, tp_db *db, const screen_field *f)
{
    if (!is_table(db, f->ref))
        return fail(c, f->line, "field '%s': ref '%s' is not a table", f->name,
                    f->ref);
    if (!db_has_column(db, f->ref, f->ref_label))
        return fail(c, f->line, "field '%s': '%s' has no column '%s' to show",
                    f->name, f->ref, f->ref_label);
    if (f->ref_order && !db_has_column(db, f->ref, f->ref_order))
        return fail(c, f->line, "field '%s': '%s' has no column '%s' to order by",
                    f->name, f->ref, f->ref_order);
    return TP_OK;
}

static tp_status check_multiref(chk *c, tp_db *db, const screen_field *f)
{
    const char *src = c->s->source;
    if (!is_table(db, f->via))
        return fail(c, f->line, "field '%s': via '%s' is not a table", f->name,
                    f->via);
    const char *cols[2] = {f->via_self, f->via_other};
    const char *refs[2] = {src, f->ref};
    for (int i = 0; i < 2; i++) {
        if (!db_has_column(db, f->via, cols[i]))
            return fail(c, f->line, "field '%s': '%s' has no column '%s'",
                        f->name, f->via, cols[i]);
        if (!db_column_refers_to(db, f->via, cols[i], refs[i]))
            return fail(c, f->line, "field '%s': %s.%s does not refer to '%s'",
                        f->name, f->via, cols[i], refs[i]);
    }
    if (f->via_set) {
        char col[64];
        size_t n = strcspn(f->via_set, "=");
        snprintf(col, sizeof col, "%.*s", (int)(n < sizeof col ? n : sizeof col - 1),
                 f->via_set);
        if (!db_has_column(db, f->via, col))
            return fail(c, f->line, "field '%s': via_set names '%s', which '%s' "
                                    "does not have", f->name, col, f->via);
    }
    return check_ref(c, db, f);
}

static tp_status check_field(chk *c, tp_db *db, const screen_field *f)
{
    const char *src = c->s->source;
    if (f->type == SF_MULTIREF)
        return check_multiref(c, db, f);
    struct decl_find d = {.name = f->name};
    db_table_columns(db, src, find_decl, &d);
    if (!d.found)
        return fail(c, f->line, "field '%s' is not a column of '%s'", f->name,
                    src);
    if (is_base_column(f->name))
        return fail(c, f->line, "column '%s' is kept by the program, not by a "
                                "form", f->name);
    if (!type_fits(f->type, affinity_of(d.decl)))
        return fail(c, f->line, "field '%s': a %s field cannot be kept in a "
                                "column declared %s", f->name,
                    sp_type_name(f->type), d.decl);
    if (f->type != SF_REF)
        return TP_OK;
    tp_status st = check_ref(c, db, f);
    if (st == TP_OK && !db_column_refers_to(db, src, f->name, f->ref))
        return fail(c, f->line, "field '%s': %s.%s does not refer to '%s'",
                    f->name, src, f->name, f->ref);
    return st;
}

/* A filter works through a field: the date filter through the first date
 * field, tambon and village through a ref to place, group through a ref to
 * finance_group. */
static bool filter_has_field(const screen *s, const char *filter)
{
    bool date = strcmp(filter, "date") == 0;
    const char *ref = strcmp(filter, "group") == 0 ? "finance_group" : "place";
    for (size_t i = 0; i < s->n_fields; i++) {
        const screen_field *f = &s->fields[i];
        if (date ? f->type == SF_DATE
                 : f->type == SF_REF && strcmp(f->ref, ref) == 0)
            return true;
    }
    return false;
}

static tp_status check_columns(chk *c, tp_db *db)
{
    const screen *s = c->s;
    for (size_t i = 0; i < s->n_columns; i++)
        if (!db_has_column(db, s->source, s->columns[i].column))
            return fail(c, s->columns[i].line, "list column '%s' is not a "
                        "column of '%s'", s->columns[i].column, s->source);
    if (s->order && !db_has_column(db, s->source, s->order))
        return fail(c, s->order_line, "order: '%s' is not a column of '%s'",
                    s->order, s->source);
    for (size_t i = 0; i < s->n_search; i++)
        if (!db_has_column(db, s->source, s->search[i]))
            return fail(c, s->search_line, "search: '%s' is not a column of "
                        "'%s'", s->search[i], s->source);
    for (size_t i = 0; i < s->n_filters; i++)
        if (!filter_has_field(s, s->filters[i]))
            return fail(c, s->filters_line, "filter '%s' needs a %s field",
                        s->filters[i],
                        strcmp(s->filters[i], "date") == 0 ? "date"
                        : strcmp(s->filters[i], "group") == 0
                            ? "ref = finance_group"
                            : "ref = place");
    return TP_OK;
}

tp_status screen_check(const screen *s, tp_db *db, char *err, size_t errsize)
{
    char dummy[1];
    chk c = {.s = s, .err = errsize ? err : dummy,
             .errsize = errsize ? errsize : sizeof dummy};
    c.err[0] = 0;
    if (!s->source)
        return TP_OK; /* a C view with no table of its own */
    if (!is_table(db, s->source))
        return fail(&c, s->source_line ? s->source_line : s->line,
                    "source '%s' is not a table", s->source);
    for (size_t i = 0; i < s->n_fields; i++) {
        tp_status st = check_field(&c, db, &s->fields[i]);
        if (st != TP_OK)
            return st;
    }
    return check_columns(&c, db);
}
