/* The province dashboard (screen `dashboard`): five panels of pictures with
 * their numbers — attendance by circle, meetings per tambon, six-step
 * progress, fish-model completeness, support per agency. Tab/PgDn and
 * Shift-Tab/PgUp move between panels, ↑↓ scroll a long one. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"
#include "tapian/app.h"
#include "tapian/chart.h"
#include "tapian/i18n.h"
#include "tapian/text.h"
#include "tapian/ui.h"

struct dash_view {
    struct view base;
    const screen *s;
    dash_data data;
    int panel;
    int rows_shown; /* rows that fit, from the last draw: for paging */
};

static const struct {
    const char *title, *what, *picture, *numbers;
} panel_text[PANEL_COUNT] = {
    [PANEL_ATTENDANCE] = {N_("Attendance by circle"),
        N_("Share of those listed who came, month by month"),
        N_("monthly | all months"), N_("percent, came/listed")},
    [PANEL_MEETINGS] = {N_("Meetings per tambon"),
        N_("Live meetings in each tambon and its villages, month by month"),
        N_("monthly | total"), N_("meetings")},
    [PANEL_SIX_STEP] = {N_("Six-step progress"),
        N_("Steps reached by the villages of each tambon, out of six each"),
        N_("steps reached"), N_("reached at step 1-6 /villages")},
    [PANEL_FISH] = {N_("Fish model"),
        N_("Finance groups with both a goal (head) and existing knowledge (tail)"),
        N_("groups complete"), N_("complete/groups")},
    [PANEL_SUPPORT] = {N_("Support per agency"),
        N_("What each agency committed and what it has delivered"),
        N_("delivered of committed"), N_("percent, delivered/committed")},
};

static const char *dash_title(struct view *v)
{
    return screen_title(((struct dash_view *)v)->s);
}

static const char *dash_help(struct view *v)
{
    return screen_help(((struct dash_view *)v)->s);
}

/* "พ.ย. 2547 – ต.ค. 2548": the months the sparklines cover. */
static void month_range(const dash_data *d, char *out, size_t n)
{
    const char *a = d->months[0], *b = d->months[DASH_MONTHS - 1];
    if (!b[0]) {
        snprintf(out, n, "%s", _("no meetings yet"));
        return;
    }
    snprintf(out, n, "%s %d – %s %d", text_month_abbr(atoi(a + 5)),
             atoi(a) + 543, text_month_abbr(atoi(b + 5)), atoi(b) + 543);
}

static void draw_row(const dash_row *r, int y, int cols, int label_w,
                     int num_w)
{
    char pic[DASH_MONTHS * 3 + 256];
    int x = 2;
    char *label = text_clip_copy(r->label, strlen(r->label), label_w, true);
    ui_str(stdscr, y, x, label ? label : r->label, label_w, A_NORMAL);
    free(label);
    x += label_w + 1;
    int pic_w = cols - x - num_w - 2;
    if (r->nspark) {
        chart_spark(pic, sizeof pic, r->spark, r->nspark);
        ui_str(stdscr, y, x, pic, r->nspark, term_attr_of(TA_LABEL));
        x += r->nspark + 1;
        pic_w -= r->nspark + 1;
    }
    if (r->max > 0 && pic_w > 0) {
        chart_bar(pic, sizeof pic, chart_bar_eighths(r->value, r->max, pic_w),
                  pic_w);
        ui_str(stdscr, y, x, pic, pic_w, A_BOLD);
    }
    ui_str(stdscr, y, cols - num_w - 1, r->numbers, num_w, A_NORMAL);
}

static void dash_draw(struct app *a, struct view *v, int top, int height,
                      int *cy, int *cx)
{
    struct dash_view *d = (struct dash_view *)v;
    int cols = getmaxx(stdscr);
    (void)cy, (void)cx;
    dash_load(a->db, &d->data, (dash_panel_id)d->panel);
    dash_panel *p = &d->data.panels[d->panel];
    char line[256], range[96];
    snprintf(line, sizeof line, "%d/%d  %s", d->panel + 1, PANEL_COUNT,
             _(panel_text[d->panel].title));
    ui_str(stdscr, top, 2, line, cols - 4, term_attr_of(TA_LABEL) | A_BOLD);
    ui_str(stdscr, top + 1, 2, _(panel_text[d->panel].what), cols - 4, A_NORMAL);
    int label_w = cols >= 120 ? 30 : 18, num_w = cols >= 120 ? 40 : 30;
    if (d->panel == PANEL_ATTENDANCE || d->panel == PANEL_MEETINGS) {
        month_range(&d->data, range, sizeof range);
        ui_str(stdscr, top + 2, label_w + 3, range, cols - label_w - 5,
               term_attr_of(TA_LABEL));
    }
    int y = top + 3;
    ui_str(stdscr, y, label_w + 3, _(panel_text[d->panel].picture),
           cols - label_w - num_w - 6, A_UNDERLINE);
    ui_str(stdscr, y, cols - num_w - 1, _(panel_text[d->panel].numbers), num_w,
           A_UNDERLINE);
    y++;
    if (p->status != TP_OK) {
        ui_str(stdscr, y, 2, tp_status_message(p->status), cols - 4,
               term_attr_of(TA_ERROR));
        return;
    }
    if (p->n == 0) {
        ui_str(stdscr, y, 2, _("Nothing is recorded for this panel yet."),
               cols - 4, A_NORMAL);
        return;
    }
    d->rows_shown = top + height - y - 1;
    if (d->rows_shown < 1)
        d->rows_shown = 1;
    if (p->first > p->n - d->rows_shown)
        p->first = p->n > d->rows_shown ? p->n - d->rows_shown : 0;
    for (int i = 0; i < d->rows_shown && p->first + i < p->n; i++)
        draw_row(&p->rows[p->first + i], y + i, cols, label_w, num_w);
    if (p->n > d->rows_shown) {
        snprintf(line, sizeof line, _("rows %d–%d of %d (↑↓ to scroll)"),
                 p->first + 1, p->first + d->rows_shown < p->n
                                   ? p->first + d->rows_shown : p->n, p->n);
        ui_str(stdscr, top + height - 1, 2, line, cols - 4,
               term_attr_of(TA_LABEL));
    }
}

static int dash_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct dash_view *d = (struct dash_view *)v;
    (void)a;
    if (ev->type != EV_KEY)
        return H_UNKNOWN;
    dash_panel *p = &d->data.panels[d->panel];
    switch (ev->key) {
    case TK_TAB: case TK_PGDN:
        d->panel = (d->panel + 1) % PANEL_COUNT;
        break;
    case TK_BTAB: case TK_PGUP:
        d->panel = (d->panel + PANEL_COUNT - 1) % PANEL_COUNT;
        break;
    case TK_DOWN:
        if (p->first + d->rows_shown < p->n)
            p->first++;
        break;
    case TK_UP:
        if (p->first > 0)
            p->first--;
        break;
    case TK_ESC:
        return H_CLOSE;
    default:
        return H_UNKNOWN;
    }
    return H_HANDLED | H_REDRAW;
}

static void dash_on_top(struct view *v)
{
    dash_forget(&((struct dash_view *)v)->data); /* figures may have changed */
}

static void dash_destroy(struct view *v)
{
    struct dash_view *d = (struct dash_view *)v;
    dash_free(&d->data);
    free(d);
}

static const view_key_help dash_keys[] = {
    {"Tab", N_("Next panel")},
    {"↑↓", N_("Scroll")},
    {"Esc", N_("Back")},
    {NULL, NULL},
};

static const struct view_ops dash_ops = {
    .name = "dashboard",
    .title = dash_title,
    .draw = dash_draw,
    .handle = dash_handle,
    .destroy = dash_destroy,
    .keys = dash_keys,
    .on_top = dash_on_top,
    .help = dash_help,
};

struct view *dashboard_view_new(struct app *a, const screen *s)
{
    (void)a;
    chart_detect();
    struct dash_view *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->base.ops = &dash_ops;
    d->s = s;
    return &d->base;
}
