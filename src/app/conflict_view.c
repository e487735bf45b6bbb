/* Someone else saved the record while it was being edited: both versions
 * side by side, field by field, and the user chooses. Nothing is
 * overwritten silently and nothing typed is lost until the choice. */
#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_view.h"
#include "side_by_side.h"
#include "tapian/i18n.h"
#include "tapian/ui.h"

struct conflict_view {
    struct view base;
    struct form_view *form;
    char **theirs;        /* per input */
    long long version;
};

static const char *conflict_title(struct view *v)
{
    (void)v;
    return _("Changed by someone else");
}

/* What the form holds now for input i, as it would be stored. */
static char *mine_text(form_input *in)
{
    char *stored = NULL;
    form_input_stored(in, &stored);
    char *shown = form_value_display(in->def, stored);
    free(stored);
    return shown;
}

static void conflict_draw(struct app *a, struct view *v, int top, int height,
                          int *cy, int *cx)
{
    struct conflict_view *c = (struct conflict_view *)v;
    struct form_view *f = c->form;
    int cols = getmaxx(stdscr);
    (void)a;
    (void)cy;
    (void)cx;
    ui_wrapped(stdscr, top, 1, cols - 2, 2,
               _("This record was saved by someone else while you edited it. "
                 "m keeps your version, t takes theirs, Esc goes back to "
                 "editing."),
               term_attr_of(TA_NOTICE));
    struct side_row *rows = calloc(f->n ? f->n : 1, sizeof *rows);
    if (!rows)
        return;
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++) {
        form_input *in = &f->inputs[i];
        if (in->def->type == SF_MULTIREF)
            continue;
        rows[n++] = (struct side_row){screen_field_label(in->def),
                                      mine_text(in),
                                      form_value_display(in->def,
                                                         c->theirs[i])};
    }
    side_by_side_draw(top + 3, top + height, cols, _("Yours"),
                      _("Saved meanwhile"), rows, n, 0);
    for (size_t i = 0; i < n; i++) {
        free((char *)(uintptr_t)rows[i].left);
        free((char *)(uintptr_t)rows[i].right);
    }
    free(rows);
}

static int conflict_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct conflict_view *c = (struct conflict_view *)v;
    struct form_view *f = c->form;
    if (ev->type == EV_KEY && ev->key == TK_ESC)
        return H_CLOSE;
    if (ev->type != EV_CHAR)
        return H_HANDLED;
    if (side_key(ev->ch, 'm')) {
        /* Mine wins, knowingly: saved over the version now stored. */
        f->version = c->version;
        app_pop(a);
        if (form_save(a, f) & H_CLOSE)
            app_pop(a);
        return H_HANDLED | H_REDRAW;
    }
    if (side_key(ev->ch, 't')) {
        form_take_theirs(a, f, c->theirs, c->version);
        for (size_t i = 0; i < f->n; i++)
            c->theirs[i] = NULL; /* now owned by the form */
        app_message(a, TA_NOTICE, "%s", _("The saved version is in the form"));
        return H_CLOSE;
    }
    return H_HANDLED;
}

static void conflict_destroy(struct view *v)
{
    struct conflict_view *c = (struct conflict_view *)v;
    for (size_t i = 0; i < c->form->n; i++)
        free(c->theirs[i]);
    free(c->theirs);
    free(c);
}

static const view_key_help conflict_keys[] = {
    {"m", N_("Keep mine")},
    {"t", N_("Take theirs")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops conflict_ops = {
    .name = "conflict",
    .title = conflict_title,
    .draw = conflict_draw,
    .handle = conflict_handle,
    .destroy = conflict_destroy,
    .keys = conflict_keys,
};

struct view *conflict_view_new(struct app *a, struct form_view *f,
                               char **theirs, long long their_version)
{
    (void)a;
    struct conflict_view *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->base.ops = &conflict_ops;
    c->form = f;
    c->theirs = theirs;
    c->version = their_version;
    return &c->base;
}
