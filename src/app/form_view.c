/* The generic form of a screen's record: one input per field, validation on
 * leaving a field and on saving, drafts while typing, optimistic
 * concurrency (a record saved by someone else meanwhile is never
 * overwritten silently). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_input.h"
#include "form_view.h"
#include "history_view.h"
#include "tapian/db_notes.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define LABEL_COLS 22

static const char *form_title(struct view *v)
{
    struct form_view *f = (struct form_view *)v;
    static char buf[256];
    snprintf(buf, sizeof buf, "%s — %s", screen_title(f->s),
             f->id[0] ? (f->read_only ? _("view") : _("edit")) : _("new"));
    return buf;
}

/* Columns of the record: every field but the multi-references. */
size_t form_columns(const struct form_view *f, const char **cols)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        if (f->inputs[i].def->type != SF_MULTIREF)
            cols[n++] = f->inputs[i].def->name;
    return n;
}

static int layout_height(const struct form_view *f, size_t i)
{
    return form_input_rows(&f->inputs[i]) + (f->inputs[i].error ? 1 : 0);
}

static void form_draw(struct app *a, struct view *v, int top, int height,
                      int *cy, int *cx)
{
    struct form_view *f = (struct form_view *)v;
    int cols = getmaxx(stdscr);
    int width = cols - LABEL_COLS - 3;
    f->width = width;
    if (f->action && f->action->cited && f->cited_stale) {
        cited_summary(a, f->s, f->id, f->cited, sizeof f->cited);
        f->cited_stale = false;
    }
    if (f->cited[0]) { /* the last row says what cites the record */
        height--;
        ui_str(stdscr, top + height, 1, f->cited, cols - 2,
               term_attr_of(TA_NOTICE));
    }
    /* scroll so that the focused input is whole on screen */
    int y_focus = 0;
    for (size_t i = 0; i < f->focus; i++)
        y_focus += layout_height(f, i);
    int focus_h = layout_height(f, f->focus);
    if (y_focus < f->scroll)
        f->scroll = y_focus;
    if (y_focus + focus_h > f->scroll + height - 1)
        f->scroll = y_focus + focus_h - height + 1;
    int y = top + 1 - f->scroll;
    for (size_t i = 0; i < f->n; i++) {
        form_input *in = &f->inputs[i];
        int h = form_input_rows(in);
        bool focused = i == f->focus;
        if (y >= top && y + h <= top + height) {
            char label[160];
            snprintf(label, sizeof label, "%s%s", screen_field_label(in->def),
                     in->def->required ? " *" : "");
            ui_str(stdscr, y, 1, label, LABEL_COLS,
                   focused ? (int)(term_attr_of(TA_LABEL) | A_BOLD)
                           : term_attr_of(TA_LABEL));
            form_input_draw(in, y, LABEL_COLS + 2, width, h, focused && !f->read_only,
                            cy, cx);
        }
        y += h;
        if (in->error) {
            if (y >= top && y < top + height)
                ui_str(stdscr, y, LABEL_COLS + 2, in->error, width,
                       term_attr_of(TA_ERROR));
            y++;
        }
    }
    if (f->read_only)
        ui_str(stdscr, top, 1, _("Your role may view this record but not change it"),
               cols - 2, term_attr_of(TA_NOTICE));
}

static void focus_move(struct form_view *f, int step)
{
    form_input *in = &f->inputs[f->focus];
    char *ignored = NULL;
    if (in->changed)
        form_input_stored(in, &ignored); /* validation on leaving */
    free(ignored);
    f->focus = (size_t)(((int)f->focus + step + (int)f->n) % (int)f->n);
}

static int form_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct form_view *f = (struct form_view *)v;
    form_input *in = &f->inputs[f->focus];
    if (!f->read_only && ev->type != EV_KEY) {
        int r = form_input_key(a, in, ev, f->width);
        if (r != H_UNKNOWN) {
            f->draft_pending = true;
            return r;
        }
        return H_UNKNOWN;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_F2: case TK_CTRL_S:
        return form_save(a, f);
    case TK_F6: /* the screen's record action */
        if (!f->action)
            return H_UNKNOWN;
        if (!f->id[0]) {
            app_message(a, TA_ERROR, "%s", _("Save the record first"));
            return H_HANDLED | H_REDRAW;
        }
        {
            struct view *av = f->action->open(a, f->s, f->id);
            if (av)
                app_push(a, av);
        }
        return H_HANDLED | H_REDRAW;
    case TK_F5: { /* the record's history; a new record has none yet */
        struct view *hv = f->id[0] ? history_view_new(a, f->s->source, f->id)
                                   : NULL;
        if (hv)
            app_push(a, hv);
        return H_HANDLED | H_REDRAW;
    }
    case TK_ESC:
        if (v->ops->unsaved(v)) {
            app_push(a, confirm_view_new(_("Discard the changes to this "
                                           "record?"),
                                         form_discard, NULL));
            return H_HANDLED;
        }
        return H_CLOSE;
    default:
        break;
    }
    if (!f->read_only) {
        /* F4 on a date opens the calendar; Enter still moves on, so that
         * an empty optional date is passed over as every text field is */
        if (ev->key == TK_F4 && in->def->type == SF_DATE) {
            struct view *p = date_picker_new(a, f, in);
            if (p)
                app_push(a, p);
            return H_HANDLED | H_REDRAW;
        }
        if ((ev->key == TK_ENTER || ev->key == TK_F4) &&
            (in->def->type == SF_REF || in->def->type == SF_MULTIREF)) {
            struct view *p = form_picker_new(a, f, in);
            if (p)
                app_push(a, p);
            return H_HANDLED | H_REDRAW;
        }
        int r = form_input_key(a, in, ev, f->width);
        if (r != H_UNKNOWN) {
            f->draft_pending = true;
            return r;
        }
    }
    switch (ev->key) {
    case TK_TAB: case TK_DOWN: case TK_ENTER:
        focus_move(f, 1);
        return H_HANDLED | H_REDRAW;
    case TK_BTAB: case TK_UP:
        focus_move(f, -1);
        return H_HANDLED | H_REDRAW;
    default:
        return H_UNKNOWN;
    }
}

static bool form_unsaved(struct view *v)
{
    struct form_view *f = (struct form_view *)v;
    for (size_t i = 0; i < f->n; i++)
        if (f->inputs[i].changed)
            return true;
    return false;
}

static void form_save_draft(struct app *a, struct view *v)
{
    struct form_view *f = (struct form_view *)v;
    if (!f->draft_pending || f->read_only || db_is_read_only(a->db))
        return;
    for (size_t i = 0; i < f->n; i++) {
        char *d = form_input_draft(&f->inputs[i]);
        tp_status st = d ? db_draft_save(a->db, f->draft_key, a->user,
                                         f->inputs[i].def->name, d)
                         : TP_ERR_NOMEM;
        free(d);
        if (st != TP_OK) {
            app_message(a, TA_ERROR, "%s: %s", _("Draft not saved"),
                        tp_status_message(st));
            return;
        }
    }
    f->draft_pending = false;
}

static bool form_typing(struct view *v)
{
    struct form_view *f = (struct form_view *)v;
    return !f->read_only && form_input_is_text(&f->inputs[f->focus]);
}

static void form_destroy(struct view *v)
{
    struct form_view *f = (struct form_view *)v;
    for (size_t i = 0; i < f->n; i++) {
        form_input_free(&f->inputs[i]);
        free(f->loaded[i]);
    }
    free(f->inputs);
    free(f->loaded);
    free(f);
}

/* The form's help: the screen's, then the focused field's. */
static const char *form_help(struct view *v)
{
    struct form_view *f = (struct form_view *)v;
    static char buf[2048];
    const char *fh = i18n_is_english() && f->inputs[f->focus].def->help_en
                         ? f->inputs[f->focus].def->help_en
                         : f->inputs[f->focus].def->help;
    snprintf(buf, sizeof buf, "%s%s%s%s%s", screen_help(f->s) ? screen_help(f->s) : "",
             fh ? "\n" : "", fh ? screen_field_label(f->inputs[f->focus].def) : "",
             fh ? ": " : "", fh ? fh : "");
    return buf;
}

static const view_key_help form_keys[] = {
    {"F2", N_("Save")},
    {"F5", N_("History")},
    {"Tab", N_("Next field")},
    {"Esc", N_("Close")},
    {NULL, NULL},
};

static const view_key_help form_date_keys[] = {
    {"F2", N_("Save")},
    {"F4", N_("Calendar")},
    {"F5", N_("History")},
    {"Tab", N_("Next field")},
    {"Esc", N_("Close")},
    {NULL, NULL},
};

/* A date field adds its calendar to the keys. */
static const view_key_help *form_keys_now(struct view *v)
{
    struct form_view *f = (struct form_view *)v;
    return !f->read_only && f->inputs[f->focus].def->type == SF_DATE
               ? f->date_keys : f->keys;
}

static const struct view_ops form_ops = {
    .name = "form",
    .title = form_title,
    .draw = form_draw,
    .handle = form_handle,
    .unsaved = form_unsaved,
    .save_draft = form_save_draft,
    .destroy = form_destroy,
    .keys = form_keys,
    .typing = form_typing,
    .help = form_help,
    .keys_now = form_keys_now,
};

bool form_is(const struct view *v)
{
    return v && v->ops->handle == form_handle;
}

static void form_on_top(struct view *v)
{
    ((struct form_view *)v)->cited_stale = true;
}

void form_view_prefill(struct app *a, struct view *v, const char *column,
                       const char *value)
{
    struct form_view *f = (struct form_view *)v;
    for (size_t i = 0; i < f->n; i++) {
        form_input *in = &f->inputs[i];
        if (in->def->type == SF_MULTIREF || strcmp(in->def->name, column) != 0)
            continue;
        form_input_set_stored(a, in, value);
        in->changed = true;
        f->draft_pending = true;
    }
}

static void build_keys(view_key_help *out, const view_key_help *keys,
                       const record_action *action)
{
    size_t n = 0;
    for (size_t i = 0; keys[i].key; i++) {
        out[n++] = keys[i];
        if (i == 0 && action)
            out[n++] = (view_key_help){"F6", action->label};
    }
    out[n] = (view_key_help){NULL, NULL};
}

/* The form's own ops: the common ones, with the record action's key. */
static void add_action(struct form_view *f)
{
    f->ops = form_ops;
    f->ops.on_top = form_on_top;
    /* the action right after Save, so that the key line shows it */
    f->action = record_action_for(f->s);
    build_keys(f->keys, form_keys, f->action);
    build_keys(f->date_keys, form_date_keys, f->action);
    f->ops.keys = f->keys;
    f->base.ops = &f->ops;
    f->cited_stale = true;
}

struct view *form_view_new(struct app *a, const screen *s, const char *id)
{
    if (!screen_may_view(s, app_role_codes(a), a->n_roles)) {
        app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_PERM));
        return NULL;
    }
    struct form_view *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->s = s;
    add_action(f);
    f->n = s->n_fields;
    f->inputs = calloc(f->n ? f->n : 1, sizeof *f->inputs);
    f->loaded = calloc(f->n ? f->n : 1, sizeof *f->loaded);
    if (!f->inputs || !f->loaded) {
        form_destroy(&f->base);
        return NULL;
    }
    for (size_t i = 0; i < f->n; i++)
        if (form_input_init(&f->inputs[i], &s->fields[i]) != TP_OK) {
            form_destroy(&f->base);
            return NULL;
        }
    f->read_only = !screen_may_edit(s, app_role_codes(a), a->n_roles) ||
                   db_is_read_only(a->db);
    snprintf(f->id, sizeof f->id, "%s", id ? id : "");
    snprintf(f->draft_key, sizeof f->draft_key, "form:%s:%s", s->name,
             id ? id : "new");
    tp_status st = id ? form_load(a, f) : form_defaults(a, f);
    if (st != TP_OK) {
        app_message(a, TA_ERROR, "%s", tp_status_message(st));
        form_destroy(&f->base);
        return NULL;
    }
    if (!f->read_only)
        form_restore_draft(a, f);
    return &f->base;
}

struct view *form_view_new_filled(struct app *a, const screen *s,
                                  const char *const *names,
                                  const char *const *values, size_t n)
{
    struct view *v = form_view_new(a, s, NULL);
    struct form_view *f = (struct form_view *)v;
    for (size_t k = 0; v && k < n; k++)
        for (size_t i = 0; i < f->n; i++)
            if (strcmp(f->inputs[i].def->name, names[k]) == 0 &&
                f->inputs[i].def->type != SF_MULTIREF) {
                /* after any draft brought back: what the caller gives wins */
                form_input_set_stored(a, &f->inputs[i], values[k]);
                f->inputs[i].changed = true;
                f->draft_pending = true;
            }
    return v;
}
