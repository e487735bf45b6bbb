/* The tambon overview of the fish model (screen fish_overview): per tambon,
 * how many groups have a head (goals) and a tail (knowledge) — the pilot's
 * milestone before learning is designed for each group — and under it each
 * group with ✓/✗ for head and tail (glyphs, so it reads in monochrome). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tapian/app.h"
#include "tapian/db_fish.h"
#include "tapian/glyphs.h"
#include "tapian/i18n.h"
#include "tapian/ui.h"
#include "tapian/views.h"

struct ov_line {
    bool tambon;             /* a tambon's summary, else one of its groups */
    bool ready;
    char tambon_id[DB_UUID_LEN];
    char text[320];
};

struct ov_list {
    struct ov_line *lines;
    int n, cap;
};

struct ov_view {
    struct view base;
    const screen *s;
    struct ov_list all;      /* tambon lines, each followed by its groups */
    int first;
    bool stale;
};

static struct ov_line *add(struct ov_list *o)
{
    if (o->n == o->cap) {
        int cap = o->cap ? o->cap * 2 : 64;
        struct ov_line *l = realloc(o->lines, (size_t)cap * sizeof *l);
        if (!l)
            return NULL;
        o->lines = l;
        o->cap = cap;
    }
    struct ov_line *l = &o->lines[o->n++];
    memset(l, 0, sizeof *l);
    return l;
}

static bool on_tambon(void *ctx, const db_fish_tambon *t)
{
    struct ov_line *l = add(ctx);
    if (!l)
        return false;
    l->tambon = true;
    l->ready = t->ready == t->groups;
    snprintf(l->tambon_id, sizeof l->tambon_id, "%s", t->tambon_id);
    snprintf(l->text, sizeof l->text,
             _("%s: %d groups, head %d, tail %d, both %d"), t->tambon,
             t->groups, t->with_head, t->with_tail, t->ready);
    return true;
}

static bool on_group(void *ctx, const db_fish_group *g)
{
    struct ov_line *l = add(ctx);
    if (!l)
        return false;
    const glyph_set *gl = glyphs();
    l->ready = g->goals > 0 && g->knowledge > 0;
    snprintf(l->tambon_id, sizeof l->tambon_id, "%s", g->tambon_id);
    snprintf(l->text, sizeof l->text, "%s %s  %s %s  %s", _("head"),
             g->goals ? gl->yes : gl->no, _("tail"),
             g->knowledge ? gl->yes : gl->no, g->name);
    return true;
}

/* Both lists come in the same order of tambon, so each tambon's line is
 * followed by the run of groups with its id. */
static tp_status load(struct app *a, struct ov_view *o)
{
    struct ov_list t = {0}, g = {0};
    tp_status st = db_fish_by_tambon(a->db, on_tambon, &t);
    if (st == TP_OK)
        st = db_fish_groups(a->db, on_group, &g);
    o->all.n = 0;
    int gi = 0;
    for (int i = 0; i < t.n && st == TP_OK; i++) {
        struct ov_line *l = add(&o->all);
        if (!l)
            break;
        *l = t.lines[i];
        for (; gi < g.n && strcmp(g.lines[gi].tambon_id, t.lines[i].tambon_id) == 0; gi++) {
            if (!(l = add(&o->all)))
                break;
            *l = g.lines[gi];
        }
    }
    free(t.lines);
    free(g.lines);
    return st;
}

static const char *ov_title(struct view *v)
{
    return screen_title(((struct ov_view *)v)->s);
}

static const char *ov_help(struct view *v)
{
    return screen_help(((struct ov_view *)v)->s);
}

static void ov_draw(struct app *a, struct view *v, int top, int height,
                    int *cy, int *cx)
{
    struct ov_view *o = (struct ov_view *)v;
    int cols = getmaxx(stdscr);
    (void)cy;
    (void)cx;
    if (o->stale) {
        tp_status st = load(a, o);
        if (st != TP_OK)
            app_message(a, TA_ERROR, "%s", tp_status_message(st));
        o->stale = false;
    }
    ui_wrapped(stdscr, top, 1, cols - 2, 2,
               _("A group is ready for learning to be designed when it has "
                 "both a head (its goals) and a tail (the knowledge it has)."),
               term_attr_of(TA_LABEL));
    if (!o->all.n)
        ui_str(stdscr, top + 3, 2, _("No finance groups yet."), cols - 4,
               A_NORMAL);
    int rows = height - 3;
    if (o->first > o->all.n - rows)
        o->first = o->all.n - rows > 0 ? o->all.n - rows : 0;
    for (int i = 0; i < rows && o->first + i < o->all.n; i++) {
        const struct ov_line *l = &o->all.lines[o->first + i];
        int y = top + 3 + i;
        if (l->tambon)
            ui_str(stdscr, y, 1, l->text, cols - 2, A_BOLD);
        else
            ui_str(stdscr, y, 4, l->text, cols - 5,
                   l->ready ? term_attr_of(TA_NOTICE) : (int)A_NORMAL);
    }
}

static int ov_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct ov_view *o = (struct ov_view *)v;
    (void)a;
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_UP: if (o->first > 0) o->first--; break;
    case TK_DOWN: o->first++; break;
    case TK_PGUP: o->first = o->first > 10 ? o->first - 10 : 0; break;
    case TK_PGDN: o->first += 10; break;
    case TK_ESC: return H_CLOSE;
    default: return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static void ov_on_top(struct view *v)
{
    ((struct ov_view *)v)->stale = true;
}

static void ov_destroy(struct view *v)
{
    struct ov_view *o = (struct ov_view *)v;
    free(o->all.lines);
    free(o);
}

static const view_key_help ov_keys[] = {
    {"↑↓", N_("Scroll")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops ov_ops = {
    .name = "fish_overview",
    .title = ov_title,
    .draw = ov_draw,
    .handle = ov_handle,
    .destroy = ov_destroy,
    .keys = ov_keys,
    .on_top = ov_on_top,
    .help = ov_help,
};

struct view *fish_overview_view_new(struct app *a, const screen *s)
{
    (void)a;
    struct ov_view *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->base.ops = &ov_ops;
    o->s = s;
    o->stale = true;
    return &o->base;
}
