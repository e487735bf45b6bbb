/* A record's history from the audit log: who changed what and when, newest
 * first, opened from its form. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history_view.h"
#include "tapian/db_audit.h"
#include "tapian/i18n.h"
#include "tapian/ui.h"

struct history_view {
    struct view base;
    char **lines; /* two per change: heading and the changed values */
    size_t n;
    int scroll;
};

static const char *history_title(struct view *v)
{
    (void)v;
    return _("History of the record");
}

static const char *action_name(const char *action)
{
    if (strcmp(action, "insert") == 0)
        return _("added");
    if (strcmp(action, "update") == 0)
        return _("changed");
    if (strcmp(action, "tombstone") == 0)
        return _("deleted");
    if (strcmp(action, "restore") == 0)
        return _("brought back");
    return action;
}

static bool add_line(struct history_view *h, char *line)
{
    if (!line)
        return false;
    char **grown = realloc(h->lines, (h->n + 1) * sizeof *h->lines);
    if (!grown) {
        free(line);
        return false;
    }
    h->lines = grown;
    h->lines[h->n++] = line;
    return true;
}

static char *heading(const char *at, const char *who, const char *action)
{
    int n = snprintf(NULL, 0, "%s  %s  %s", at, who, action);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        snprintf(s, (size_t)n + 1, "%s  %s  %s", at, who, action);
    return s;
}

static char *indented(const char *detail)
{
    size_t n = strlen(detail);
    char *s = malloc(n + 5);
    if (s)
        memcpy(s, "    ", 4), memcpy(s + 4, detail, n + 1);
    return s;
}

static bool collect(void *ctx, const db_audit_entry *e)
{
    struct history_view *h = ctx;
    /* "2024-05-01T10:20:30.123Z" shown to the second, in UTC as stored */
    char at[20];
    snprintf(at, sizeof at, "%.10s %.8s", e->at, strlen(e->at) > 11 ? e->at + 11 : "");
    return add_line(h, heading(at, e->who, action_name(e->action))) &&
           add_line(h, indented(e->detail));
}

static void history_draw(struct app *a, struct view *v, int top, int height,
                         int *cy, int *cx)
{
    struct history_view *h = (struct history_view *)v;
    int cols = getmaxx(stdscr);
    (void)a, (void)cy, (void)cx;
    if (h->n == 0) {
        ui_str(stdscr, top + 1, 2, _("No changes are recorded for this record"),
               cols - 4, A_NORMAL);
        return;
    }
    /* newest first: the last pair of lines is drawn at the top */
    int y = top + 1;
    for (size_t k = (size_t)h->scroll * 2; k < h->n && y < top + height;
         k += 2) {
        size_t i = h->n - 2 - k;
        ui_str(stdscr, y++, 1, h->lines[i], cols - 2, A_BOLD);
        if (y < top + height)
            ui_str(stdscr, y++, 1, h->lines[i + 1], cols - 2, A_NORMAL);
    }
}

static int history_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct history_view *h = (struct history_view *)v;
    (void)a;
    if (ev->type == EV_CHAR && ev->ch == 'q')
        return H_CLOSE;
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_ESC: case TK_ENTER: case TK_F5:
        return H_CLOSE;
    case TK_DOWN:
        if ((size_t)h->scroll * 2 + 2 < h->n)
            h->scroll++;
        return H_HANDLED | H_REDRAW;
    case TK_UP:
        if (h->scroll > 0)
            h->scroll--;
        return H_HANDLED | H_REDRAW;
    default:
        return H_UNKNOWN;
    }
}

static void history_destroy(struct view *v)
{
    struct history_view *h = (struct history_view *)v;
    for (size_t i = 0; i < h->n; i++)
        free(h->lines[i]);
    free(h->lines);
    free(h);
}

static const view_key_help history_keys[] = {
    {"↑ ↓", N_("Scroll")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops history_ops = {
    .name = "history",
    .title = history_title,
    .draw = history_draw,
    .handle = history_handle,
    .destroy = history_destroy,
    .keys = history_keys,
};

struct view *history_view_new(struct app *a, const char *table, const char *id)
{
    struct history_view *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->base.ops = &history_ops;
    tp_status st = db_audit_history(a->db, table, id, collect, h);
    if (st == TP_OK && h->n % 2 != 0)
        st = TP_ERR_NOMEM; /* a pair was cut short */
    if (st != TP_OK) {
        app_message(a, TA_ERROR, "%s", tp_status_message(st));
        history_destroy(&h->base);
        return NULL;
    }
    return &h->base;
}
