/* Loading a record into the form, drafts, and saving with optimistic
 * concurrency. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_view.h"
#include "tapian/db_notes.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"
#include "tapian/text.h"

#define MAX_FIELDS 64

struct load_ctx {
    struct form_view *f;
    char **values;        /* per input, NULL for multiref */
    long long version;
    bool found;
};

static int take_row(void *c, const db_row *row)
{
    struct load_ctx *lc = c;
    size_t k = 0;
    for (size_t i = 0; i < lc->f->n; i++) {
        if (lc->f->inputs[i].def->type == SF_MULTIREF)
            continue;
        const char *v = k < row->n ? row->values[k] : NULL;
        lc->values[i] = v ? strdup(v) : NULL;
        k++;
    }
    lc->version = row->version;
    lc->found = !row->deleted;
    return 1;
}

/* Reads the record's current values (one per input; multi-references
 * are not read here). */
static tp_status read_current(struct app *a, struct form_view *f,
                              char **values, long long *version)
{
    const char *cols[MAX_FIELDS];
    size_t n = form_columns(f, cols);
    struct load_ctx lc = {f, values, 0, false};
    tp_status st = db_record_get(a->db, f->s->source, f->id, cols, n, take_row, &lc);
    if (st == TP_OK && !lc.found)
        st = TP_ERR_NOTFOUND;
    *version = lc.version;
    return st;
}

struct ids_ctx {
    const char *ids[512];
    char *owned[512];
    size_t n;
};

static void take_id(void *c, const char *id)
{
    struct ids_ctx *ic = c;
    if (ic->n < 512 && (ic->owned[ic->n] = strdup(id)))
        ic->ids[ic->n] = ic->owned[ic->n], ic->n++;
}

static void load_multiref(struct app *a, struct form_view *f, form_input *in)
{
    const screen_field *d = in->def;
    struct ids_ctx ic = {.n = 0};
    db_multiref_get(a->db, d->via, d->via_self, f->id, d->via_other, take_id, &ic);
    form_input_set_ids(a, in, ic.ids, ic.n);
    for (size_t i = 0; i < ic.n; i++)
        free(ic.owned[i]);
    in->changed = false;
}

static void apply_values(struct app *a, struct form_view *f, char **values)
{
    for (size_t i = 0; i < f->n; i++) {
        form_input *in = &f->inputs[i];
        if (in->def->type == SF_MULTIREF)
            continue;
        free(f->loaded[i]);
        f->loaded[i] = values[i];
        form_input_set_stored(a, in, values[i]);
    }
}

tp_status form_load(struct app *a, struct form_view *f)
{
    char *values[MAX_FIELDS] = {0};
    if (f->n > MAX_FIELDS)
        return TP_ERR_INVALID;
    tp_status st = read_current(a, f, values, &f->version);
    if (st != TP_OK) {
        for (size_t i = 0; i < f->n; i++)
            free(values[i]);
        return st;
    }
    apply_values(a, f, values);
    for (size_t i = 0; i < f->n; i++)
        if (f->inputs[i].def->type == SF_MULTIREF)
            load_multiref(a, f, &f->inputs[i]);
    return TP_OK;
}

tp_status form_defaults(struct app *a, struct form_view *f)
{
    for (size_t i = 0; i < f->n; i++) {
        const char *d = f->inputs[i].def->default_value;
        if (!d || f->inputs[i].def->type == SF_MULTIREF)
            continue;
        char today[16];
        if (strcmp(d, "today") == 0) {
            /* TAPIAN_TODAY fixes the day for demonstrations of the pilot's
             * timeline and for repeatable screen tests */
            text_date_iso(text_date_today(), today, sizeof today);
            d = today;
        }
        form_input_set_stored(a, &f->inputs[i], d);
    }
    return TP_OK;
}

void form_restore_draft(struct app *a, struct form_view *f)
{
    bool any = false;
    for (size_t i = 0; i < f->n; i++) {
        char *d = NULL;
        if (db_draft_load(a->db, f->draft_key, a->user, f->inputs[i].def->name,
                          &d) == TP_OK && d) {
            char *cur = form_input_draft(&f->inputs[i]);
            if (!cur || strcmp(cur, d) != 0) {
                form_input_set_draft(a, &f->inputs[i], d);
                any = true;
            }
            free(cur);
        }
        free(d);
    }
    if (any)
        app_message(a, TA_NOTICE, "%s",
                    _("Unsaved typing from last time was brought back"));
}

void form_discard(struct app *a, void *ctx)
{
    (void)ctx;
    struct view *v = a->top;
    if (!form_is(v))
        return;
    struct form_view *f = (struct form_view *)v;
    if (!db_is_read_only(a->db))
        db_draft_clear(a->db, f->draft_key, a->user);
    for (size_t i = 0; i < f->n; i++)
        f->inputs[i].changed = false;
    app_pop(a);
}

static db_value typed_value(const screen_field *d, const char *stored)
{
    if (!stored)
        return DB_V_NULL(d->name);
    switch (d->type) {
    case SF_NUMBER: case SF_CHECK:
        return DB_V_INT(d->name, atoll(stored));
    case SF_MONEY:
        return DB_V_REAL(d->name, strtod(stored, NULL));
    default:
        return DB_V_TEXT(d->name, stored);
    }
}

static tp_status save_multirefs(struct app *a, struct form_view *f)
{
    for (size_t i = 0; i < f->n; i++) {
        form_input *in = &f->inputs[i];
        const screen_field *d = in->def;
        if (d->type != SF_MULTIREF || (!in->changed && f->version > 0))
            continue;
        db_value extra[1];
        size_t n_extra = 0;
        char col[64] = "", val[128] = "";
        if (d->via_set && sscanf(d->via_set, "%63[^=]=%127s", col, val) == 2)
            extra[n_extra++] = DB_V_TEXT(col, val);
        tp_status st = db_multiref_set(a->db, d->via, d->via_self, f->id,
                                       d->via_other,
                                       (const char *const *)in->ids, in->n_ids,
                                       extra, n_extra);
        if (st != TP_OK)
            return st;
    }
    return TP_OK;
}

/* Writes the record and its multi-references in one transaction. */
static tp_status write_record(struct app *a, struct form_view *f,
                              const db_value *v, size_t n)
{
    tp_status st = db_begin(a->db);
    if (st != TP_OK)
        return st;
    bool is_new = !f->id[0];
    if (is_new)
        st = db_insert(a->db, f->s->source, v, n, f->id);
    else
        st = db_update(a->db, f->s->source, f->id, f->version, v, n);
    if (st == TP_OK)
        st = save_multirefs(a, f);
    if (st == TP_OK)
        st = db_commit(a->db);
    if (st != TP_OK) {
        db_rollback(a->db);
        if (is_new)
            f->id[0] = 0;
    }
    return st;
}

static void show_conflict(struct app *a, struct form_view *f)
{
    char **theirs = calloc(f->n ? f->n : 1, sizeof *theirs);
    long long version = 0;
    if (!theirs || read_current(a, f, theirs, &version) != TP_OK) {
        app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_CONFLICT));
        if (theirs)
            for (size_t i = 0; i < f->n; i++)
                free(theirs[i]);
        free(theirs);
        return;
    }
    struct view *cv = conflict_view_new(a, f, theirs, version);
    if (cv)
        app_push(a, cv);
}

int form_save(struct app *a, struct form_view *f)
{
    if (f->read_only) {
        app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_PERM));
        return H_HANDLED | H_REDRAW;
    }
    char *stored[MAX_FIELDS] = {0};
    db_value v[MAX_FIELDS];
    size_t n = 0;
    bool ok = true;
    for (size_t i = 0; i < f->n && i < MAX_FIELDS; i++) {
        form_input *in = &f->inputs[i];
        if (!form_input_stored(in, &stored[i]) && ok) {
            ok = false;
            f->focus = i;
        }
        if (in->def->type != SF_MULTIREF)
            v[n++] = typed_value(in->def, stored[i]);
    }
    tp_status st = ok ? write_record(a, f, v, n) : TP_ERR_INVALID;
    bool was_new = f->version == 0;
    if (st == TP_OK) {
        const char *cols[MAX_FIELDS];
        size_t nc = form_columns(f, cols);
        const char *old[MAX_FIELDS];
        for (size_t i = 0, k = 0; i < f->n; i++)
            if (f->inputs[i].def->type != SF_MULTIREF)
                old[k++] = f->loaded[i];
        app_undo_remember(a, was_new ? CHANGE_ADD : CHANGE_EDIT, f->s->source,
                          f->id, was_new ? 1 : f->version + 1, cols, old, nc);
        db_draft_clear(a->db, f->draft_key, a->user);
        for (size_t i = 0; i < f->n; i++)
            f->inputs[i].changed = false;
        app_message(a, TA_NOTICE, "%s", _("Saved"));
    } else if (st == TP_ERR_CONFLICT) {
        show_conflict(a, f);
    } else if (st == TP_ERR_INVALID && !ok) {
        app_message(a, TA_ERROR, "%s", _("Please correct the marked field"));
    } else {
        app_message(a, TA_ERROR, "%s: %s", _("Not saved"), tp_status_message(st));
    }
    for (size_t i = 0; i < f->n && i < MAX_FIELDS; i++)
        free(stored[i]);
    if (st == TP_OK)
        return H_CLOSE;
    return H_HANDLED | H_REDRAW;
}

/* After a conflict: take the stored record's values into the form. */
void form_take_theirs(struct app *a, struct form_view *f, char **theirs,
                      long long version)
{
    apply_values(a, f, theirs);
    f->version = version;
}
