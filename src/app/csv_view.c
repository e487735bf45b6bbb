/* Export and import from a list. The import is first run dry; its summary
 * and every error are shown, scrollable, and y applies it. When rows have
 * errors, applying keeps the good ones and sets the bad ones aside in the
 * rejects file, as `import --skip-bad` does. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_view.h"
#include "tapian/csv_io.h"
#include "tapian/i18n.h"
#include "tapian/keymap.h"
#include "tapian/ui.h"

void csv_view_export(struct app *a, const screen *s, const char *path)
{
    long rows = 0;
    tp_status st = csv_export(a->db, s, path, NULL, &rows);
    if (st != TP_OK)
        app_message(a, TA_ERROR, "%s: %s", path, tp_status_message(st));
    else
        app_message(a, TA_NOTICE, _("%ld rows written to %s"), rows, path);
}

struct csv_view {
    struct view base;
    const screen *s;
    char *path;
    char **lines;   /* the summary, then the errors */
    size_t n, cap;
    int scroll;
    bool can_apply;
};

static void add_line(void *ctx, const char *text)
{
    struct csv_view *c = ctx;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        char **l = realloc(c->lines, cap * sizeof *l);
        if (!l)
            return;
        c->lines = l, c->cap = cap;
    }
    if ((c->lines[c->n] = strdup(text)))
        c->n++;
}

static const char *csv_title(struct view *v)
{
    (void)v;
    return _("Import from a CSV file");
}

static void csv_draw(struct app *a, struct view *v, int top, int height,
                     int *cy, int *cx)
{
    struct csv_view *c = (struct csv_view *)v;
    int cols = getmaxx(stdscr);
    (void)a, (void)cy, (void)cx;
    ui_str(stdscr, top, 1, c->path, cols - 2, A_BOLD);
    int rows = height - 3;
    for (int i = 0; i < rows && (size_t)(c->scroll + i) < c->n; i++)
        ui_str(stdscr, top + 2 + i, 1, c->lines[c->scroll + i] ? c->lines[c->scroll + i] : "", cols - 2,
               c->scroll + i == 0 ? A_BOLD : A_NORMAL);
    ui_str(stdscr, top + height - 1, 1,
           c->can_apply ? _("y = import    Esc = cancel") : _("Esc = close"),
           cols - 2, term_attr_of(TA_SELECTED));
}

static void apply(struct app *a, struct csv_view *c)
{
    csv_import_opts o = {.skip_bad = true};
    csv_import_result r;
    tp_status st = csv_import(a->db, c->s, c->path, &o, &r);
    if (st != TP_OK)
        app_message(a, TA_ERROR, "%s: %s", _("Not imported"), tp_status_message(st));
    else if (r.bad)
        app_message(a, TA_NOTICE, _("Added %ld, changed %ld; %ld rows set aside "
                                    "in %s"), r.added, r.changed, r.bad, r.rejects);
    else
        app_message(a, TA_NOTICE, _("Added %ld, changed %ld"), r.added, r.changed);
}

static int csv_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct csv_view *c = (struct csv_view *)v;
    if (ev->type == EV_CHAR && c->can_apply &&
        (ev->ch == 'y' || ev->ch == keymap_kedmanee('y'))) {
        apply(a, c);
        return H_CLOSE;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    int page = getmaxy(stdscr) - 8;
    switch (ev->key) {
    case TK_ESC: return H_CLOSE;
    case TK_UP: c->scroll--; break;
    case TK_DOWN: c->scroll++; break;
    case TK_PGUP: c->scroll -= page; break;
    case TK_PGDN: c->scroll += page; break;
    default: return H_UNKNOWN;
    }
    if (c->scroll > (int)c->n - 1)
        c->scroll = (int)c->n - 1;
    if (c->scroll < 0)
        c->scroll = 0;
    return H_HANDLED | H_REDRAW;
}

static void csv_destroy(struct view *v)
{
    struct csv_view *c = (struct csv_view *)v;
    for (size_t i = 0; i < c->n; i++)
        free(c->lines[i]);
    free(c->lines);
    free(c->path);
    free(c);
}

static const view_key_help csv_keys[] = {
    {"y", N_("Import")},
    {"Esc", N_("Cancel")},
    {NULL, NULL},
};

static const struct view_ops csv_ops = {
    .name = "csv_import",
    .title = csv_title,
    .draw = csv_draw,
    .handle = csv_handle,
    .destroy = csv_destroy,
    .keys = csv_keys,
};

struct view *csv_view_import(struct app *a, const screen *s, const char *path)
{
    struct csv_view *c = calloc(1, sizeof *c);
    if (!c || !(c->path = strdup(path))) {
        free(c);
        return NULL;
    }
    c->base.ops = &csv_ops;
    c->s = s;
    add_line(c, ""); /* the summary, filled in below */
    csv_import_opts o = {.dry_run = true, .skip_bad = true, .on_error = add_line,
                         .ctx = c};
    csv_import_result r;
    tp_status st = csv_import(a->db, s, path, &o, &r);
    char summary[512];
    if (st != TP_OK && !r.refused) {
        app_message(a, TA_ERROR, "%s: %s", path, tp_status_message(st));
        csv_destroy(&c->base);
        return NULL;
    }
    if (r.refused)
        snprintf(summary, sizeof summary, "%s",
                 _("The file was refused; nothing can be imported:"));
    else if (r.bad)
        snprintf(summary, sizeof summary,
                 _("Would add %ld, change %ld; %ld rows have errors and would "
                   "be set aside:"), r.added, r.changed, r.bad);
    else
        snprintf(summary, sizeof summary, _("Would add %ld, change %ld "
                                            "(%ld unchanged)"),
                 r.added, r.changed, r.unchanged);
    free(c->lines[0]);
    c->lines[0] = strdup(summary);
    if (!c->lines[0])
        c->lines[0] = strdup("");
    c->can_apply = !r.refused && (r.added || r.changed);
    return &c->base;
}
