/* The calendar picker of a date field (F4): a month grid over the form,
 * arrows move a day or a week, PgUp/PgDn a month, Home/End a year, t goes
 * to today; days outside the field's range are dimmed and the cursor never
 * lands on them. Enter writes the day into the field as if typed (so the
 * same validation and draft autosave follow); Esc leaves it unchanged. */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "form_view.h"
#include "tapian/i18n.h"
#include "tapian/keymap.h"
#include "tapian/month_grid.h"
#include "tapian/text.h"
#include "tapian/ui.h"

#define CELL 4
#define BOX_W (7 * CELL + 4)

struct date_picker {
    struct view base;
    struct form_view *form;
    form_input *in;
    text_date cur, lo, hi, today;
};

static const char *dp_title(struct view *v)
{
    struct view *below = v->below;
    return below && below->ops->title ? below->ops->title(below) : "";
}

static void dp_day(void *ctx, text_date d, month_day *out)
{
    const struct date_picker *p = ctx;
    out->out_of_range = text_date_compare(d, p->lo) < 0 ||
                        text_date_compare(d, p->hi) > 0;
}

/* "From 1 ม.ค. 2548 to 11 ต.ค. 2548" when the field has a range. */
static void range_line(const struct date_picker *p, char *buf, size_t size)
{
    char lo[64], hi[64];
    text_date_format(p->lo, false, lo, sizeof lo);
    text_date_format(p->hi, false, hi, sizeof hi);
    bool has_lo = p->in->def->date_min != NULL, has_hi = p->in->def->date_max != NULL;
    if (has_lo && has_hi)
        snprintf(buf, size, _("From %s to %s"), lo, hi);
    else if (has_lo)
        snprintf(buf, size, _("From %s"), lo);
    else if (has_hi)
        snprintf(buf, size, _("Until %s"), hi);
    else
        buf[0] = 0;
}

static void dp_draw(struct app *a, struct view *v, int top, int height,
                    int *cy, int *cx)
{
    struct date_picker *p = (struct date_picker *)v;
    int cols = getmaxx(stdscr);
    int iy = -1, ix = -1;
    if (v->below)
        v->below->ops->draw(a, v->below, top, height, &iy, &ix);
    month_grid g = {.selected = p->cur, .today = p->today,
                    .english = i18n_is_english(), .cell = CELL, .day = dp_day,
                    .ctx = p};
    /* A border and the range line when the body has room (it always has
     * at 80×24); the grid alone otherwise. */
    bool framed = height >= MONTH_GRID_ROWS + 3;
    int h = framed ? MONTH_GRID_ROWS + 3 : MONTH_GRID_ROWS;
    if (h > height)
        h = height;
    int x = cols - BOX_W - 2, y = top + (height - h > 2 ? 1 : 0);
    if (x < 0)
        x = 0;
    for (int i = 0; i < h; i++) /* nothing of the form shows beside it */
        ui_fill(stdscr, y + i, x, cols - x, A_NORMAL);
    if (framed) {
        ui_frame(stdscr, y, x, h, BOX_W, screen_field_label(p->in->def),
                 term_attr_of(TA_LABEL));
        month_grid_draw(stdscr, y + 1, x + 2, MONTH_GRID_ROWS, &g, cy, cx);
        char r[200];
        range_line(p, r, sizeof r);
        ui_str(stdscr, y + h - 2, x + 2, r, BOX_W - 4, term_attr_of(TA_LABEL));
    } else {
        month_grid_draw(stdscr, y, x + 2, h, &g, cy, cx);
    }
}

static text_date clamp(const struct date_picker *p, text_date d)
{
    if (text_date_compare(d, p->lo) < 0)
        return p->lo;
    if (text_date_compare(d, p->hi) > 0)
        return p->hi;
    return d;
}

static void choose(struct app *a, struct date_picker *p)
{
    char text[64];
    text_date_format(p->cur, false, text, sizeof text);
    form_input *in = p->in;
    field_set(in->edit, text, strlen(text));
    in->changed = true;
    char *stored = NULL;
    form_input_stored(in, &stored); /* the check made on leaving the field */
    free(stored);
    p->form->draft_pending = true;
    (void)a;
}

static bool is_today_key(uint32_t ch)
{
    return ch == 't' || ch == 'T' || ch == keymap_kedmanee('t') ||
           ch == keymap_kedmanee('T');
}

static int dp_handle(struct app *a, struct view *v, const term_event *ev)
{
    struct date_picker *p = (struct date_picker *)v;
    text_date d = p->cur;
    if (ev->type == EV_CHAR && is_today_key(ev->ch)) {
        d = p->today;
    } else if (ev->type == EV_KEY && month_grid_move(&d, ev->key)) {
        /* moved */
    } else if (ev->type == EV_KEY) {
        switch (ev->key) {
        case TK_ENTER:
            choose(a, p);
            return H_CLOSE;
        case TK_ESC:
            return H_CLOSE;
        default:
            return H_UNKNOWN;
        }
    } else {
        return H_UNKNOWN;
    }
    text_date c = clamp(p, d);
    if (text_date_compare(c, d) != 0)
        app_message(a, TA_NOTICE, "%s", _("That day is outside this field's "
                                          "range"));
    p->cur = c;
    return H_HANDLED | H_REDRAW;
}

static void dp_destroy(struct view *v)
{
    free(v);
}

static const view_key_help dp_keys[] = {
    {"Enter", N_("Choose")},
    {"t", N_("Today")},
    {"Esc", N_("Cancel")},
    {"PgUp/PgDn", N_("Month")},
    {"Home/End", N_("Year")},
    {NULL, NULL},
};

static const struct view_ops dp_ops = {
    .name = "date_picker",
    .title = dp_title,
    .draw = dp_draw,
    .handle = dp_handle,
    .destroy = dp_destroy,
    .keys = dp_keys,
};

struct view *date_picker_new(struct app *a, struct form_view *f,
                             form_input *in)
{
    (void)a;
    if (in->def->type != SF_DATE || !in->edit)
        return NULL;
    struct date_picker *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->base.ops = &dp_ops;
    p->form = f;
    p->in = in;
    p->today = text_date_today();
    form_value_date_range(in->def, &p->lo, &p->hi);
    const char *typed = field_text(in->edit);
    text_date d;
    if (text_date_parse(typed, strlen(typed), &d) != TP_OK)
        d = p->today;
    p->cur = clamp(p, d);
    return &p->base;
}
