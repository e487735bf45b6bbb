/* The month grid shared by the calendar picker and the visit month view.
 * A day cell is "[11]" when selected, " 11•" for today, " 11 " otherwise,
 * then the owner's mark; every state has a glyph as well as an attribute,
 * so it reads on a monochrome terminal and in screen dumps. */
#include <stdio.h>
#include <string.h>

#include "tapian/glyphs.h"
#include "tapian/month_grid.h"
#include "tapian/ui.h"

void month_grid_title(int year, int month, bool english, char *buf,
                      size_t size)
{
    if (english)
        snprintf(buf, size, "%s %d (BE %d)", text_month_name_en(month), year,
                 year + 543);
    else
        snprintf(buf, size, "%s %d", text_month_name(month), year + 543);
}

void month_grid_day_title(text_date d, bool english, char *buf, size_t size)
{
    if (english)
        snprintf(buf, size, "%d %s %d", d.day, text_month_name_en(d.month),
                 d.year);
    else
        text_date_format_long(d, false, buf, size);
}

int month_grid_width(const month_grid *g)
{
    return 7 * g->cell;
}

void month_grid_position(text_date d, int *week, int *weekday)
{
    text_date first = {d.year, d.month, 1};
    int lead = text_date_weekday(first);
    *weekday = text_date_weekday(d);
    *week = (lead + d.day - 1) / 7;
}

bool month_grid_move(text_date *d, int key)
{
    switch (key) {
    case TK_LEFT: *d = text_date_add_days(*d, -1); return true;
    case TK_RIGHT: *d = text_date_add_days(*d, 1); return true;
    case TK_UP: *d = text_date_add_days(*d, -7); return true;
    case TK_DOWN: *d = text_date_add_days(*d, 7); return true;
    case TK_PGUP: *d = text_date_add_months(*d, -1); return true;
    case TK_PGDN: *d = text_date_add_months(*d, 1); return true;
    case TK_HOME: *d = text_date_add_months(*d, -12); return true;
    case TK_END: *d = text_date_add_months(*d, 12); return true;
    default: return false;
    }
}

static void draw_day(WINDOW *w, int y, int x, const month_grid *g,
                     text_date d, int *cy, int *cx)
{
    const glyph_set *gl = glyphs();
    month_day info = {0};
    if (g->day)
        g->day(g->ctx, d, &info);
    bool sel = text_date_compare(d, g->selected) == 0;
    bool today = text_date_compare(d, g->today) == 0;
    int attr = A_NORMAL;
    if (info.out_of_range)
        attr = A_DIM;
    else if (info.warn)
        attr = term_attr_of(TA_ERROR);
    if (today)
        attr |= A_BOLD;
    if (sel)
        attr = term_attr_of(TA_SELECTED);
    char cell[64];
    snprintf(cell, sizeof cell, "%s%2d%s", sel ? "[" : " ", d.day,
             sel ? "]" : today ? gl->today : " ");
    ui_fill(w, y, x, g->cell, A_NORMAL);
    ui_str(w, y, x, cell, 4, attr);
    if (info.mark[0] && g->cell > 4)
        ui_str(w, y, x + 4, info.mark, g->cell - 4,
               info.warn ? term_attr_of(TA_ERROR) : (int)A_NORMAL);
    if (sel && cy && cx) {
        *cy = y;
        *cx = x + 1;
    }
}

int month_grid_draw(WINDOW *w, int y, int x, int height, const month_grid *g,
                    int *cy, int *cx)
{
    int width = month_grid_width(g);
    int year = g->selected.year, month = g->selected.month;
    int used = 0;
    if (height <= 0)
        return 0;
    char title[96];
    month_grid_title(year, month, g->english, title, sizeof title);
    ui_fill(w, y, x, width, A_NORMAL);
    int tw = text_width(title, strlen(title));
    ui_str(w, y, x + (tw < width ? (width - tw) / 2 : 0), title, width, A_BOLD);
    if (++used >= height)
        return used;
    ui_fill(w, y + used, x, width, A_NORMAL);
    for (int wd = 0; wd < 7; wd++) {
        /* over the day's digits, flush right like them */
        const char *head = text_weekday_abbr(wd, g->english);
        int hw = text_width(head, strlen(head));
        ui_str(w, y + used, x + wd * g->cell + (hw < 3 ? 3 - hw : 0), head,
               g->cell - 1, term_attr_of(TA_LABEL));
    }
    if (++used >= height)
        return used;
    int days = text_date_days_in_month(year, month);
    for (int week = 0; week < 6 && used < height; week++, used++)
        ui_fill(w, y + used, x, width, A_NORMAL);
    for (int day = 1; day <= days; day++) {
        text_date d = {year, month, day};
        int week, wd;
        month_grid_position(d, &week, &wd);
        if (2 + week < height)
            draw_day(w, y + 2 + week, x + wd * g->cell, g, d, cy, cx);
    }
    return used;
}
