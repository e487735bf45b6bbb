/* The KM self-assessment (screen `self_assessment_table`, ตารางแห่งอิสรภาพ):
 * Tab turns between the table (groups × competences, level now → target,
 * the "why" of the chosen cell below), the river diagram and the ranking of
 * who is strong where. Arrows choose the group and the competence. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "tapian/app.h"
#include "tapian/chart.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

enum { MODE_TABLE, MODE_RIVER, MODE_RANK, MODE_COUNT };

struct assess_view {
    struct view base;
    const screen *s;
    assess_data d;
    bool loaded;
    int mode, subj, comp, first;
};

static const char *const mode_names[MODE_COUNT] = {
    N_("Table"), N_("River diagram"), N_("Who is strong where")};

static const char *av_title(struct view *v)
{
    return screen_title(((struct assess_view *)v)->s);
}

static const char *av_help(struct view *v)
{
    return screen_help(((struct assess_view *)v)->s);
}

/* Draws s clipped to cols at (y, x). */
static void clipped(int y, int x, const char *s, int cols, int attr)
{
    char *c = text_clip_copy(s, strlen(s), cols, true);
    ui_str(stdscr, y, x, c ? c : s, cols, attr);
    free(c);
}

/* A cell: the level now as a block of its height, then "now→target". */
static void cell_text(char *out, size_t n, int cur, int tgt)
{
    static const char *const blocks[6] = {"", "▁", "▃", "▄", "▆", "█"};
    bool ascii = chart_style_now() == CHART_ASCII;
    if (!cur)
        snprintf(out, n, "%s", ascii ? "." : "·");
    else
        snprintf(out, n, "%s%d%s%d", ascii ? "" : blocks[cur], cur,
                 ascii ? ">" : "→", tgt);
}

static void draw_table(struct assess_view *v, int top, int height, int cols)
{
    assess_data *d = &v->d;
    int label_w = cols >= 120 ? 28 : 18;
    int cell_w = (cols - 3 - label_w) / (d->n_comp ? d->n_comp : 1);
    if (cell_w < 6)
        cell_w = 6;
    int x0 = 2 + label_w + 1;
    for (int c = 0; c < d->n_comp; c++)
        clipped(top, x0 + c * cell_w, d->comp[c], cell_w - 1,
                c == v->comp ? A_UNDERLINE | A_BOLD : A_UNDERLINE);
    int rows = height - 4;
    if (v->subj < v->first)
        v->first = v->subj;
    if (v->subj >= v->first + rows)
        v->first = v->subj - rows + 1;
    for (int i = 0; i < rows && v->first + i < d->n_subj; i++) {
        const assess_subject *s = &d->subj[v->first + i];
        int y = top + 1 + i;
        clipped(y, 2, s->name, label_w, v->first + i == v->subj ? A_BOLD : A_NORMAL);
        for (int c = 0; c < d->n_comp; c++) {
            char cell[32];
            cell_text(cell, sizeof cell, s->cur[c], s->tgt[c]);
            bool sel = v->first + i == v->subj && c == v->comp;
            ui_str(stdscr, y, x0 + c * cell_w, cell, cell_w - 1,
                   sel ? term_attr_of(TA_SELECTED) : (int)A_NORMAL);
        }
    }
    /* the chosen cell in full: who, what, and why */
    const assess_subject *s = &d->subj[v->subj];
    char line[512];
    snprintf(line, sizeof line, "%s · %s: %s %d, %s %d", s->name,
             d->comp[v->comp], _("now"), s->cur[v->comp], _("target"),
             s->tgt[v->comp]);
    int y = top + height - 3;
    clipped(y, 2, s->cur[v->comp] ? line : _("Not assessed yet."), cols - 4,
            term_attr_of(TA_LABEL));
    const char *why = s->why[v->comp];
    if (why)
        ui_wrapped(stdscr, y + 1, 4, cols - 6, 2, why, A_NORMAL);
}

static const struct assess_view *rank_of; /* qsort has no context */

static int by_level(const void *x, const void *y)
{
    const assess_subject *a = &rank_of->d.subj[*(const int *)x];
    const assess_subject *b = &rank_of->d.subj[*(const int *)y];
    int c = rank_of->comp;
    if (a->cur[c] != b->cur[c])
        return b->cur[c] - a->cur[c];
    if (a->tgt[c] != b->tgt[c])
        return b->tgt[c] - a->tgt[c];
    return *(const int *)x - *(const int *)y; /* Thai order of names */
}

static void draw_rank(struct assess_view *v, int top, int height, int cols)
{
    assess_data *d = &v->d;
    char line[256];
    snprintf(line, sizeof line, "← %d/%d %s →", v->comp + 1, d->n_comp,
             d->comp[v->comp]);
    clipped(top, 2, line, cols - 4, A_BOLD);
    int order[ASSESS_MAX_SUBJ], n = 0;
    for (int i = 0; i < d->n_subj; i++)
        if (d->subj[i].cur[v->comp])
            order[n++] = i;
    rank_of = v;
    qsort(order, (size_t)n, sizeof order[0], by_level);
    int label_w = cols >= 120 ? 30 : 22;
    for (int i = 0; i < n && i < height - 2; i++) {
        const assess_subject *s = &d->subj[order[i]];
        int y = top + 2 + i, cur = s->cur[v->comp], tgt = s->tgt[v->comp];
        snprintf(line, sizeof line, "%2d.", i + 1);
        ui_str(stdscr, y, 2, line, 3, A_NORMAL);
        clipped(y, 6, s->name, label_w, A_NORMAL);
        char bar[64];
        chart_bar(bar, sizeof bar, chart_bar_eighths(cur, 5, 10), 10);
        ui_str(stdscr, y, 7 + label_w, bar, 10, A_BOLD);
        snprintf(line, sizeof line, "%s %d  %s %d  %s", _("now"), cur,
                 _("target"), tgt,
                 cur >= 4 ? _("can teach") : tgt > cur ? _("wants to learn") : "");
        ui_str(stdscr, y, 18 + label_w, line, cols - 20 - label_w, A_NORMAL);
    }
}

static void av_draw(struct app *a, struct view *vv, int top, int height,
                    int *cy, int *cx)
{
    struct assess_view *v = (struct assess_view *)vv;
    int cols = getmaxx(stdscr);
    (void)cy, (void)cx;
    if (!v->loaded) {
        assess_load(a->db, &v->d);
        v->loaded = true;
    }
    char line[160];
    snprintf(line, sizeof line, "%d/%d  %s", v->mode + 1, MODE_COUNT,
             _(mode_names[v->mode]));
    ui_str(stdscr, top, 2, line, cols - 4, term_attr_of(TA_LABEL) | A_BOLD);
    if (v->d.status != TP_OK) {
        ui_str(stdscr, top + 2, 2, tp_status_message(v->d.status), cols - 4,
               term_attr_of(TA_ERROR));
        return;
    }
    if (v->d.n_subj == 0 || v->d.n_comp == 0) {
        ui_str(stdscr, top + 2, 2, _("No self-assessment is recorded yet."),
               cols - 4, A_NORMAL);
        return;
    }
    if (v->subj >= v->d.n_subj)
        v->subj = v->d.n_subj - 1;
    if (v->comp >= v->d.n_comp)
        v->comp = v->d.n_comp - 1;
    if (v->mode == MODE_TABLE)
        draw_table(v, top + 2, height - 2, cols);
    else if (v->mode == MODE_RIVER)
        assess_draw_river(&v->d, v->subj, top + 2, height - 2, cols);
    else
        draw_rank(v, top + 2, height - 2, cols);
}

static int av_handle(struct app *a, struct view *vv, const term_event *ev)
{
    struct assess_view *v = (struct assess_view *)vv;
    (void)a;
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    switch (ev->key) {
    case TK_TAB: case TK_PGDN: v->mode = (v->mode + 1) % MODE_COUNT; break;
    case TK_BTAB: case TK_PGUP:
        v->mode = (v->mode + MODE_COUNT - 1) % MODE_COUNT;
        break;
    case TK_UP: if (v->subj > 0) v->subj--; break;
    case TK_DOWN: if (v->subj + 1 < v->d.n_subj) v->subj++; break;
    case TK_LEFT: if (v->comp > 0) v->comp--; break;
    case TK_RIGHT: if (v->comp + 1 < v->d.n_comp) v->comp++; break;
    case TK_ESC: return H_CLOSE;
    default: return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static void av_on_top(struct view *vv)
{
    ((struct assess_view *)vv)->loaded = false;
}

static void av_destroy(struct view *vv)
{
    struct assess_view *v = (struct assess_view *)vv;
    assess_free(&v->d);
    free(v);
}

static const view_key_help av_keys[] = {
    {"Tab", N_("Table, river, ranking")},
    {"←→", N_("Competence")},
    {"↑↓", N_("Group")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops av_ops = {
    .name = "self_assessment_table",
    .title = av_title,
    .draw = av_draw,
    .handle = av_handle,
    .destroy = av_destroy,
    .keys = av_keys,
    .on_top = av_on_top,
    .help = av_help,
};

struct view *assess_view_new(struct app *a, const screen *s)
{
    (void)a;
    chart_detect();
    struct assess_view *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->base.ops = &av_ops;
    v->s = s;
    return &v->base;
}
