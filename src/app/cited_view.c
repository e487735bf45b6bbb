/* "Cited by" (อ้างถึงโดย): the lessons and knowledge assets whose source is
 * a meeting, finance group, person or lesson, opened from the source's
 * list (c) or form (F6). Enter opens one (Esc comes back here); l and k
 * start a new lesson or knowledge asset with the source filled in. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_view.h"
#include "record_action.h"
#include "tapian/db_cited.h"
#include "tapian/db_records.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

struct cited_row {
    const char *table; /* a static "lesson" / "knowledge_asset" */
    char id[37];
    char *title;
    char date[64];     /* Buddhist era, or "" */
};

struct cited_view {
    struct view base;
    struct view_ops ops;
    bool lessons;      /* lessons can cite the source (l) */
    const screen *s;
    char id[37];
    char *label;       /* the source record as people know it */
    struct cited_row *rows;
    size_t n, cap;
    long selected, top;
    bool stale;
    bool failed;
};

static const char *cited_title(struct view *v)
{
    static char buf[256];
    snprintf(buf, sizeof buf, "%s — %s", screen_title(((struct cited_view *)v)->s),
             _("Cited by"));
    return buf;
}

static void clear_rows(struct cited_view *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->rows[i].title);
    c->n = 0;
}

static void take_row(void *ctx, const db_cited_row *r)
{
    struct cited_view *c = ctx;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 16;
        struct cited_row *rows = realloc(c->rows, cap * sizeof *rows);
        if (!rows) {
            c->failed = true;
            return;
        }
        c->rows = rows;
        c->cap = cap;
    }
    struct cited_row *row = &c->rows[c->n];
    row->table = strcmp(r->table, "lesson") == 0 ? "lesson" : "knowledge_asset";
    snprintf(row->id, sizeof row->id, "%s", r->id);
    row->title = strdup(r->title ? r->title : "");
    row->date[0] = '\0';
    text_date d;
    if (r->date && text_date_parse(r->date, strlen(r->date), &d) == TP_OK)
        text_date_format(d, false, row->date, sizeof row->date);
    if (row->title)
        c->n++;
    else
        c->failed = true;
}

static void reload(struct app *a, struct cited_view *c)
{
    clear_rows(c);
    c->failed = false;
    tp_status st = db_cited_by(a->db, c->s->source, c->id, take_row, c);
    if (st != TP_OK || c->failed)
        app_message(a, TA_ERROR, "%s", tp_status_message(st != TP_OK ? st
                                                         : TP_ERR_NOMEM));
    if (c->selected >= (long)c->n)
        c->selected = c->n ? (long)c->n - 1 : 0;
    c->stale = false;
}

static const char *kind_label(const char *table)
{
    return strcmp(table, "lesson") == 0 ? _("Lesson") : _("Knowledge asset");
}

static void cited_draw(struct app *a, struct view *v, int top, int height,
                       int *cy, int *cx)
{
    struct cited_view *c = (struct cited_view *)v;
    (void)cy;
    (void)cx;
    if (c->stale)
        reload(a, c);
    int cols = getmaxx(stdscr);
    char line[512];
    snprintf(line, sizeof line, "%s: %s", _("Source"), c->label ? c->label : "");
    ui_str(stdscr, top + 1, 1, line, cols - 2, term_attr_of(TA_LABEL) | A_BOLD);
    int y = top + 3, rows = height - 4;
    if (c->n == 0) {
        ui_wrapped(stdscr, y, 1, cols - 2, 3,
                   c->lessons
                       ? _("No lesson or knowledge asset cites this record "
                           "yet. l starts a lesson, k a knowledge asset, "
                           "with this record as the source.")
                       : _("No knowledge asset cites this record yet. k "
                           "starts one with this record as the source."),
                   A_NORMAL);
        return;
    }
    ui_str(stdscr, y - 1, 1, _("Kind"), 16, A_UNDERLINE | A_BOLD);
    ui_str(stdscr, y - 1, 18, _("Date"), 12, A_UNDERLINE | A_BOLD);
    ui_str(stdscr, y - 1, 31, _("Title"), cols - 32, A_UNDERLINE | A_BOLD);
    if (rows < 1)
        rows = 1;
    if (c->selected < c->top)
        c->top = c->selected;
    if (c->selected >= c->top + rows)
        c->top = c->selected - rows + 1;
    for (long i = c->top; i < (long)c->n && i < c->top + rows; i++, y++) {
        const struct cited_row *r = &c->rows[i];
        int attr = i == c->selected ? term_attr_of(TA_SELECTED) : (int)A_NORMAL;
        ui_fill(stdscr, y, 0, cols, attr);
        ui_str(stdscr, y, 1, kind_label(r->table), 16, attr);
        ui_str(stdscr, y, 18, r->date, 12, attr);
        ui_str(stdscr, y, 31, r->title, cols - 32, attr);
    }
}

static int open_row(struct app *a, struct cited_view *c)
{
    if (c->n == 0)
        return H_HANDLED;
    const struct cited_row *r = &c->rows[c->selected];
    const screen *s = screen_for_table(&a->screens, r->table);
    struct view *f = s ? form_view_new(a, s, r->id) : NULL;
    if (f) {
        app_push(a, f);
        c->stale = true;
    }
    return H_HANDLED | H_REDRAW;
}

/* A new lesson or asset whose source column is this record. */
static int start_new(struct app *a, struct cited_view *c, const char *table)
{
    const char *column = db_cited_column(table, c->s->source);
    const screen *s = screen_for_table(&a->screens, table);
    if (!column || !s) {
        app_message(a, TA_ERROR, "%s", _("Only a knowledge asset can cite "
                                         "this (k)"));
        return H_HANDLED | H_REDRAW;
    }
    if (!screen_may_edit(s, app_role_codes(a), a->n_roles)) {
        app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_PERM));
        return H_HANDLED | H_REDRAW;
    }
    struct view *f = form_view_new(a, s, NULL);
    if (f) {
        form_view_prefill(a, f, column, c->id);
        app_push(a, f);
        c->stale = true;
    }
    return H_HANDLED | H_REDRAW;
}

static int cited_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct cited_view *c = (struct cited_view *)v;
    if (ev->type == EV_CHAR) {
        if (ev->ch == 'l')
            return start_new(a, c, "lesson");
        if (ev->ch == 'k')
            return start_new(a, c, "knowledge_asset");
        return H_UNKNOWN;
    }
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: c->selected--; break;
    case TK_DOWN: c->selected++; break;
    case TK_HOME: c->selected = 0; break;
    case TK_END: c->selected = (long)c->n - 1; break;
    case TK_ENTER: return open_row(a, c);
    case TK_ESC: return H_CLOSE;
    default: return H_UNKNOWN;
    }
    if (c->selected >= (long)c->n)
        c->selected = (long)c->n - 1;
    if (c->selected < 0)
        c->selected = 0;
    return H_HANDLED | H_REDRAW;
}

static void cited_on_top(struct view *v)
{
    ((struct cited_view *)v)->stale = true;
}

static void cited_destroy(struct view *v)
{
    struct cited_view *c = (struct cited_view *)v;
    clear_rows(c);
    free(c->rows);
    free(c->label);
    free(c);
}

static const view_key_help cited_keys[] = {
    {"Enter", N_("Open")},
    {"l", N_("New lesson from it")},
    {"k", N_("New knowledge asset from it")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

/* For sources that only knowledge assets cite (groups, lessons). */
static const view_key_help cited_asset_keys[] = {
    {"Enter", N_("Open")},
    {"k", N_("New knowledge asset from it")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops cited_ops = {
    .name = "cited",
    .title = cited_title,
    .draw = cited_draw,
    .handle = cited_handle,
    .destroy = cited_destroy,
    .keys = cited_keys,
    .on_top = cited_on_top,
};

/* The column people know a source record by. */
static const char *label_column(const char *table)
{
    return strcmp(table, "meeting") == 0 || strcmp(table, "lesson") == 0
               ? "title" : "name";
}

struct view *cited_view_new(struct app *a, const screen *s, const char *id)
{
    if (!db_cited_source(s->source) || !id || !id[0])
        return NULL;
    struct cited_view *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->s = s;
    c->lessons = db_cited_column("lesson", s->source) != NULL;
    c->ops = cited_ops;
    if (!c->lessons)
        c->ops.keys = cited_asset_keys;
    c->base.ops = &c->ops;
    snprintf(c->id, sizeof c->id, "%s", id);
    if (db_ref_label(a->db, s->source, label_column(s->source), id,
                     &c->label) != TP_OK) {
        free(c->label);
        c->label = NULL;
    }
    c->stale = true;
    return &c->base;
}

void cited_summary(struct app *a, const screen *s, const char *id, char *buf,
                   size_t size)
{
    long long lessons = 0, assets = 0;
    buf[0] = '\0';
    if (!id || !id[0] ||
        db_cited_count(a->db, s->source, id, &lessons, &assets) != TP_OK ||
        lessons + assets == 0)
        return;
    snprintf(buf, size, _("Cited by: lessons %lld, knowledge assets %lld "
                          "(F6 shows them)"),
             lessons, assets);
}
