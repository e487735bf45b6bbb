/* One sync conflict: this site's version and the other site's side by
 * side, field by field, the differences marked. h keeps this site's, o
 * takes the other's; either way the record is settled through the audited
 * write path in one transaction (db_sync_resolve) and the version not
 * chosen stays in sync_conflict, marked resolved. */
#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "side_by_side.h"
#include "sync_conflict.h"
#include "tapian/db_sync.h"
#include "tapian/i18n.h"
#include "tapian/ui.h"

#define HEAD_ROWS 5

struct detail {
    struct view base;
    struct sync_item it;    /* copies of the texts */
    const char *table_title;
    struct side_row *rows;  /* label, here, other: owned */
    size_t n;
    size_t scroll;
    bool may_resolve;
    bool keep_here;         /* the side being confirmed */
};

static const char *detail_title(struct view *v)
{
    (void)v;
    return _("Compare the two versions");
}

/* Columns the program keeps itself: not shown as fields. */
static bool hidden(const char *column)
{
    static const char *const cols[] = {"id", "created_at", "created_by",
                                       "updated_at", "updated_by", "version",
                                       "site_id"};
    for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
        if (strcmp(cols[i], column) == 0)
            return true;
    size_t n = strlen(column);
    return n > 8 && strcmp(column + n - 8, "_sortkey") == 0;
}

struct gather {
    struct app *a;
    struct detail *d;
    bool nomem;
};

static char *deleted_text(const char *at)
{
    char when[64];
    sync_when(at, when, sizeof when);
    int n = snprintf(NULL, 0, "%s %s", _("deleted"), when);
    char *s = malloc((size_t)n + 1);
    if (s)
        snprintf(s, (size_t)n + 1, "%s %s", _("deleted"), when);
    return s;
}

static bool gather_field(void *ctx, const char *column, const char *here,
                         const char *other)
{
    struct gather *g = ctx;
    struct detail *d = g->d;
    if (hidden(column))
        return true;
    const screen_field *f = sync_field(g->a, d->it.table, column);
    bool deleted = strcmp(column, "deleted_at") == 0;
    if (!f && !deleted)
        return true; /* derived (counts) or not on the form */
    if (deleted && !here && !other)
        return true;
    struct side_row *grown = realloc(d->rows, (d->n + 1) * sizeof *grown);
    if (!grown) {
        g->nomem = true;
        return false;
    }
    d->rows = grown;
    struct side_row *r = &d->rows[d->n++];
    if (deleted) {
        r->label = _("Deleted");
        r->left = here ? deleted_text(here) : strdup("");
        r->right = other ? deleted_text(other) : strdup("");
    } else {
        r->label = screen_field_label(f);
        r->left = sync_value_display(g->a, d->it.table, column, here);
        r->right = sync_value_display(g->a, d->it.table, column, other);
    }
    if (!r->left || !r->right)
        g->nomem = true;
    return !g->nomem;
}

static void side_head(int y, int cols, bool chosen, const char *which,
                      const char *site, const char *by, const char *when)
{
    char line[320];
    if (by && *by)
        snprintf(line, sizeof line, _("%s %s: %s, changed by %s, %s"),
                 chosen ? "●" : " ", which, site, by, when);
    else
        snprintf(line, sizeof line, "%s %s: %s", chosen ? "●" : " ", which,
                 site);
    ui_str(stdscr, y, 1, line, cols - 2, A_NORMAL);
}

static void draw_head(struct detail *d, int top, int cols)
{
    const struct sync_item *it = &d->it;
    int x = ui_str(stdscr, top, 1, d->table_title, 30, term_attr_of(TA_LABEL));
    ui_str(stdscr, top, x + 3, it->title, cols - x - 4, A_BOLD);
    side_head(top + 1, cols, it->here_chosen, _("Here"), it->here_site,
              it->clash ? NULL : it->here_by, it->here_at);
    side_head(top + 2, cols, !it->here_chosen, _("Other"), it->other_site,
              it->other_by, it->other_at);
}

static void detail_draw(struct app *a, struct view *v, int top, int height,
                        int *cy, int *cx)
{
    struct detail *d = (struct detail *)v;
    int cols = getmaxx(stdscr);
    (void)a, (void)cy, (void)cx;
    draw_head(d, top, cols);
    const char *hint =
        !d->may_resolve ? _("Only a facilitator or an administrator may "
                            "settle a conflict.")
        : d->it.clash ? _("The other site entered the same thing again: "
                          "h keeps this site's entry (the other stays in the "
                          "history).")
                      : _("h keeps this site's version, o takes the other "
                          "site's; ● = the version the record holds now.");
    ui_wrapped(stdscr, top + 3, 1, cols - 2, 2, hint, term_attr_of(TA_NOTICE));
    char here[96], other[96];
    snprintf(here, sizeof here, "%s (%s)", _("Here"), d->it.here_site);
    snprintf(other, sizeof other, "%s (%s)", _("Other"), d->it.other_site);
    side_by_side_draw(top + HEAD_ROWS + 1, top + height, cols, here, other,
                      d->rows, d->n, d->scroll);
}

static void resolve(struct app *a, void *ctx)
{
    struct detail *d = ctx;
    /* The record holds the chosen version; the other is put back through
     * db_update only when it is the one kept. */
    bool take_other = d->keep_here != d->it.here_chosen;
    tp_status st = db_sync_resolve(a->db, d->it.id, take_other);
    if (st != TP_OK) {
        app_message(a, TA_ERROR, "%s: %s", _("The conflict was not settled"),
                    tp_status_message(st));
        return;
    }
    app_message(a, TA_NOTICE, "%s",
                d->keep_here ? _("Settled: the record keeps this site's "
                                 "version")
                             : _("Settled: the record now has the other "
                                 "site's version"));
    app_pop(a); /* back to the list, which reads it again */
}

static int ask(struct app *a, struct detail *d, bool keep_here)
{
    if (!d->may_resolve) {
        app_message(a, TA_ERROR, "%s", tp_status_message(TP_ERR_PERM));
        return H_HANDLED | H_REDRAW;
    }
    if (!keep_here && d->it.clash) {
        app_message(a, TA_ERROR, "%s",
                    _("The other entry repeats one kept here; it can only be "
                      "kept in the history"));
        return H_HANDLED | H_REDRAW;
    }
    d->keep_here = keep_here;
    struct view *c = confirm_view_new(
        keep_here ? _("Keep this site's version? The other site's stays in "
                      "the conflict history.")
                  : _("Take the other site's version? This site's stays in "
                      "the conflict history."),
        resolve, d);
    if (c)
        app_push(a, c);
    return H_HANDLED | H_REDRAW;
}

static int detail_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct detail *d = (struct detail *)v;
    if (ev->type == EV_CHAR && side_key(ev->ch, 'h'))
        return ask(a, d, true);
    if (ev->type == EV_CHAR && side_key(ev->ch, 'o'))
        return ask(a, d, false);
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: if (d->scroll > 0) d->scroll--; break;
    case TK_DOWN: if (d->scroll + 1 < d->n) d->scroll++; break;
    case TK_ESC: return H_CLOSE;
    default: return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static void detail_destroy(struct view *v)
{
    struct detail *d = (struct detail *)v;
    for (size_t i = 0; i < d->n; i++) {
        free((char *)(uintptr_t)d->rows[i].left);
        free((char *)(uintptr_t)d->rows[i].right);
    }
    free(d->rows);
    sync_item_free(&d->it);
    free(d);
}

static const view_key_help detail_keys[] = {
    {"h", N_("Keep this site's")},
    {"o", N_("Take the other's")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops detail_ops = {
    .name = "sync_conflict",
    .title = detail_title,
    .draw = detail_draw,
    .handle = detail_handle,
    .destroy = detail_destroy,
    .keys = detail_keys,
};

struct view *sync_conflict_detail_new(struct app *a,
                                      const struct sync_item *it,
                                      bool may_resolve)
{
    struct detail *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->base.ops = &detail_ops;
    d->may_resolve = may_resolve;
    if (!sync_item_copy(&d->it, it)) {
        sync_item_free(&d->it);
        free(d);
        return NULL;
    }
    const screen *s = screen_for_table(&a->screens, it->table);
    d->table_title = s ? screen_title(s) : d->it.table;
    struct gather g = {a, d, false};
    tp_status st = db_sync_conflict_fields(a->db, it->id, gather_field, &g);
    if (st != TP_OK || g.nomem) {
        detail_destroy(&d->base);
        return NULL;
    }
    return &d->base;
}
